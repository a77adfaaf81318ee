//! Wallets: recording a gateway payment into a user's credit, and showing a user's balances.

use rusqlite::Connection;
use serde_json::json;

use crate::error::{Error, Result};
use crate::ledger::{self, Account, Bucket, Movement, Wallet};
use crate::money::Money;
use crate::{events, policy, users, Session};

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

/// Records a payment into `username`'s credit (world:METHOD -> credit). An admin records anyone's;
/// a user may record their own. The same method and reference again is a no-op; with another
/// user or amount it is a conflict.
pub fn deposit(conn: &Connection, session: &Session, deposit: &Deposit) -> Result<Wallet> {
    let actor = users::acting(conn, session)?;
    let user = users::get(conn, deposit.username)?;
    if actor.id != user.id {
        actor.require_admin(&format!("record a payment for {}", user.username))?;
    }
    if !METHODS.contains(&deposit.method) {
        return Err(Error::invalid(format!(
            "unknown payment method {:?}; one of {}",
            deposit.method,
            METHODS.join(", ")
        )));
    }
    let reference = deposit.reference.trim();
    if reference.is_empty() || reference.chars().count() > MAX_REF_CHARS {
        return Err(Error::invalid(format!("the payment reference must be 1-{MAX_REF_CHARS} characters")));
    }
    if !deposit.amount.is_positive() {
        return Err(Error::invalid(format!("a deposit must be more than 0.00, got {}", deposit.amount)));
    }
    let movement = Movement {
        from: Account::World(deposit.method.to_string()),
        to: Account::User(user.id, Bucket::Credit),
        amount: deposit.amount,
        kind: "deposit",
        order_id: None,
        payout_item_id: None,
        idem_key: format!("deposit:{}:{reference}", deposit.method),
    };
    let posted = ledger::post(conn, &actor.username, session.now, &movement)?;
    if posted.is_new() {
        events::record(
            conn,
            session,
            "wallet.deposited",
            "user",
            user.id,
            json!({"amount_cents": deposit.amount, "method": deposit.method, "ref": reference}),
        )?;
    }
    show_unchecked(conn, &user)
}

/// A user's balances: the acting user's own, or anyone's for an admin.
pub fn show(conn: &Connection, session: &Session, username: Option<&str>) -> Result<Wallet> {
    let actor = users::acting(conn, session)?;
    let user = match username {
        Some(name) if name != actor.username => {
            actor.require_admin(&format!("see {name}'s wallet"))?;
            users::get(conn, name)?
        }
        _ => actor,
    };
    show_unchecked(conn, &user)
}

fn show_unchecked(conn: &Connection, user: &users::User) -> Result<Wallet> {
    ledger::wallet(conn, user.id, &user.username, &policy::load(conn)?.currency)
}
