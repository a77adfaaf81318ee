//! Wallets: recording gateway payments into users' credit (one by hand, or a settlement file),
//! and showing a user's balances.

use serde::Serialize;
use serde_json::json;

use crate::db::Db;
use crate::error::{Error, ErrorKind, Result};
use crate::ledger::{self, Account, Bucket, Movement, Wallet};
use crate::money::Money;
use crate::{events, policy, provider_file, users, Replay, Session};

/// The payment gateways money can arrive through.
pub const METHODS: &[&str] = &["paypal", "payoneer", "cashu", "card"];

pub const MAX_REF_CHARS: usize = 128;

/// A payment the gateway reported.
#[derive(Debug, Clone)]
pub struct Deposit<'a> {
    pub username: &'a str,
    pub amount: Money,
    pub method: &'a str,
    /// The gateway's reference: with the method, it makes the deposit idempotent.
    pub reference: &'a str,
}

impl Deposit<'_> {
    /// Every problem with this deposit, each with the field it is about; none means it may be
    /// posted. `max` is the policy's max_deposit.
    fn problems(&self, max: Money) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if !self.amount.is_positive() {
            problems.push(("amount", format!("a deposit must be more than 0.00, got {}", self.amount)));
        } else if self.amount > max {
            problems.push(("amount", format!("{} is more than max_deposit {max}", self.amount)));
        }
        if !METHODS.contains(&self.method) {
            problems
                .push(("method", format!("unknown payment method {:?}; one of {}", self.method, METHODS.join(", "))));
        }
        let reference = self.reference.trim();
        if reference.is_empty() || reference.chars().count() > MAX_REF_CHARS {
            problems.push(("reference", format!("the payment reference must be 1-{MAX_REF_CHARS} characters")));
        }
        problems
    }
}

/// Records a payment the gateway confirmed into `username`'s credit (world:METHOD -> credit).
/// Admin only: money enters the marketplace through a gateway, never on a user's word. The same
/// method and reference again is a no-op; with another user or amount it is a conflict.
pub fn deposit(db: &Db, session: &Session, deposit: &Deposit) -> Result<Replay<Wallet>> {
    users::acting_admin(db, session, "record a payment")?;
    let user = users::get(db, deposit.username)?;
    let problems = deposit.problems(policy::load(db)?.max_deposit);
    if !problems.is_empty() {
        let messages: Vec<String> = problems.into_iter().map(|(_, message)| message).collect();
        return Err(Error::invalid(messages.join("; ")));
    }
    let credited = credit(db, session, &user, deposit)?;
    Ok(Replay { value: show_unchecked(db, &user)?, replayed: !credited })
}

/// Posts a checked deposit and records its event (once: a replay writes nothing).
fn credit(db: &Db, session: &Session, user: &users::User, deposit: &Deposit) -> Result<bool> {
    let reference = deposit.reference.trim();
    let movement = Movement {
        from: Account::World(deposit.method.to_string()),
        to: Account::User(user.id, Bucket::Credit),
        amount: deposit.amount,
        kind: "deposit",
        order_id: None,
        payout_item_id: None,
        idem_key: format!("deposit:{}:{reference}", deposit.method),
    };
    let actor = session.actor.as_deref().unwrap_or_default();
    let posted = ledger::post(db, actor, session.now, &movement).map_err(|e| match e.kind() {
        // world:* may go negative and credit only grows: the one refusal is a reused reference
        ErrorKind::Conflict => Error::conflict(format!(
            "{} reference {reference:?} was already credited with another user or amount",
            deposit.method
        )),
        _ => e,
    })?;
    if posted.is_new() {
        events::record(
            db,
            session,
            "wallet.deposited",
            "user",
            user.id,
            json!({"amount_cents": deposit.amount, "method": deposit.method, "ref": reference}),
        )?;
    }
    Ok(posted.is_new())
}

/// What importing a settlement file did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportSummary {
    pub rows: i64,
    /// Deposits credited by this import.
    pub deposited: i64,
    /// Rows whose method and reference were credited before (by an earlier import or by hand).
    pub already_applied: i64,
    /// The money this import credited.
    pub total_cents: Money,
    /// Every row was credited before: the file was imported already, and nothing moved.
    pub replayed: bool,
}

/// Imports a gateway's settlement file (admin only): a CSV whose header names username, amount,
/// method and reference in any order or case. Every row is checked before any is credited; a bad
/// row makes the whole file invalid, naming each bad line and column. A row already credited
/// (same method and reference, same user and amount) is skipped, so the same file twice credits
/// nothing the second time; a known reference with other fields is a conflict, naming its line.
pub fn import_deposits(db: &Db, session: &Session, input: impl std::io::Read) -> Result<ImportSummary> {
    users::acting_admin(db, session, "import deposits")?;
    let max = policy::load(db)?.max_deposit;
    let rows = provider_file::parse(
        input,
        "bad settlement file",
        &["username", "amount", "method", "reference"],
        &[],
        |row| {
            let (username, method, reference) = (row.field(0), row.field(2).to_ascii_lowercase(), row.field(3));
            let mut problems = Vec::new();
            let user = users::find(db, username)?;
            if user.is_none() {
                problems.push(("username", format!("no user {username:?}")));
            }
            // a placeholder that passes the amount checks, so the row's other fields are still checked
            let amount = Money::parse(row.field(1)).unwrap_or_else(|e| {
                problems.push(("amount", e.to_string()));
                Money::from_cents(1)
            });
            problems.extend(Deposit { username, amount, method: &method, reference }.problems(max));
            Ok(match user {
                Some(user) if problems.is_empty() => Ok((row.line, user, amount, method, reference.to_string())),
                _ => Err(problems
                    .into_iter()
                    .map(|(column, message)| format!("column {column}: {message}"))
                    .collect::<Vec<_>>()
                    .join(", ")),
            })
        },
    )?;
    let mut summary = ImportSummary { rows: rows.len() as i64, ..ImportSummary::default() };
    for (line, user, amount, method, reference) in rows {
        let deposit = Deposit { username: &user.username, amount, method: &method, reference: &reference };
        if credit(db, session, &user, &deposit).map_err(|e| e.context(format!("line {line}")))? {
            summary.deposited += 1;
            summary.total_cents = summary.total_cents.checked_add(amount)?;
        } else {
            summary.already_applied += 1;
        }
    }
    summary.replayed = summary.already_applied > 0 && summary.deposited == 0;
    Ok(summary)
}

/// A user's balances: the acting user's own, or anyone's for an admin.
pub fn show(db: &Db, session: &Session, username: Option<&str>) -> Result<Wallet> {
    let actor = users::acting(db, session)?;
    let user = match username {
        Some(name) if name != actor.username => {
            actor.require_admin(&format!("see {name}'s wallet"))?;
            users::get(db, name)?
        }
        _ => actor,
    };
    show_unchecked(db, &user)
}

fn show_unchecked(db: &Db, user: &users::User) -> Result<Wallet> {
    ledger::wallet(db, user.id, &user.username, &policy::load(db)?.currency)
}
