//! A user's wallet over time: each movement of their credit, pending and available balances
//! with the running balance of each, the day each pending earning clears, and monthly
//! statements (opening + movements = closing). Built on the ledger journal, so it shows the
//! same transfers and follows the same privacy rule.

use rusqlite::params;
use serde::Serialize;

use crate::clock::Timestamp;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::journal::{self, JournalEntry, JournalFilter};
use crate::ledger::{Account, Bucket};
use crate::money::Money;
use crate::reports::DayRange;
use crate::{policy, tick, users, Session};

/// The three balances of a user at one moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Balances {
    pub credit_cents: Money,
    pub pending_cents: Money,
    pub available_cents: Money,
}

impl Balances {
    fn get(&self, bucket: Bucket) -> Money {
        match bucket {
            Bucket::Credit => self.credit_cents,
            Bucket::Pending => self.pending_cents,
            Bucket::Available => self.available_cents,
        }
    }

    fn bucket_mut(&mut self, bucket: Bucket) -> &mut Money {
        match bucket {
            Bucket::Credit => &mut self.credit_cents,
            Bucket::Pending => &mut self.pending_cents,
            Bucket::Available => &mut self.available_cents,
        }
    }
}

const BUCKETS: [Bucket; 3] = [Bucket::Credit, Bucket::Pending, Bucket::Available];

/// One transfer as it changed a user's balances (a clearance moves pending to available: two
/// changes), with the balances after it.
#[derive(Debug, Clone, Serialize)]
pub struct WalletMovement {
    pub transfer_id: Option<i64>,
    pub created_at: String,
    pub kind: String,
    pub order_id: Option<i64>,
    pub payout_item_id: Option<i64>,
    /// How much each balance changed (negative: money left it).
    pub change: Balances,
    /// Each balance after this movement: the movement's own `credit_cents` ... (as a wallet's
    /// are), beside `change`, so that a table names them as briefly as `wallet show` does.
    #[serde(flatten)]
    pub balance: Balances,
    /// For an earning entering pending: the day it clears (tick's rule, from the policy and the
    /// seller's level now), or the day it cleared.
    pub clears_on: Option<String>,
}

impl WalletMovement {
    /// A row that only states balances ("opening", "closing"), for statements printed as tables.
    pub fn balances_row(kind: &str, at: String, balance: Balances) -> WalletMovement {
        WalletMovement {
            transfer_id: None,
            created_at: at,
            kind: kind.to_string(),
            order_id: None,
            payout_item_id: None,
            change: Balances::default(),
            balance,
            clears_on: None,
        }
    }
}

/// A user's movements over a period, between the balances before and after it.
#[derive(Debug, Clone, Serialize)]
pub struct WalletHistory {
    pub username: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub opening: Balances,
    pub movements: Vec<WalletMovement>,
    pub closing: Balances,
    pub currency: String,
}

/// USER's history (the actor's own when None; another's for an admin only).
pub fn history(db: &Db, session: &Session, username: Option<&str>, range: DayRange) -> Result<WalletHistory> {
    let actor = users::acting(db, session)?;
    let user = match username {
        Some(name) if name != actor.username => {
            actor.require_admin(&format!("see {name}'s wallet history"))?;
            users::get(db, name)?
        }
        _ => actor,
    };
    let filter = JournalFilter { range, account: None, user: Some(user.username.clone()) };
    let journal = journal::journal(db, session, &filter)?;
    let policy = policy::load(db)?;
    let mut opening = Balances::default();
    for bucket in BUCKETS {
        let name = Account::User(user.id, bucket).name();
        if let Some(total) = journal.totals.iter().find(|t| t.account == name) {
            *opening.bucket_mut(bucket) = total.opening_cents;
        }
    }
    let mut balance = opening;
    let mut movements = Vec::with_capacity(journal.transfers.len());
    for entry in journal.transfers {
        let change = change(user.id, &entry);
        for bucket in BUCKETS {
            *balance.bucket_mut(bucket) = balance.get(bucket).checked_add(change.get(bucket))?;
        }
        let clears_on = match entry.order_id {
            Some(order_id) if change.pending_cents.is_positive() => clears_on(db, &policy, order_id)?,
            _ => None,
        };
        movements.push(WalletMovement {
            transfer_id: Some(entry.transfer_id),
            created_at: entry.created_at,
            kind: entry.kind,
            order_id: entry.order_id,
            payout_item_id: entry.payout_item_id,
            change,
            balance,
            clears_on,
        });
    }
    Ok(WalletHistory {
        username: user.username,
        from: range.from.map(|d| d.to_string()),
        to: range.to.map(|d| d.to_string()),
        opening,
        movements,
        closing: balance,
        currency: policy.currency,
    })
}

/// What one transfer did to each of the user's balances.
fn change(user_id: i64, entry: &JournalEntry) -> Balances {
    let mut change = Balances::default();
    for bucket in BUCKETS {
        let name = Account::User(user_id, bucket).name();
        let cents = entry.amount_cents.cents();
        let delta = if entry.credit_account == name {
            cents
        } else if entry.debit_account == name {
            -cents
        } else {
            0
        };
        *change.bucket_mut(bucket) = Money::from_cents(delta);
    }
    change
}

/// The day an order's earnings clear: the day they did, or completed_at plus the clearance
/// days tick applies to its seller's level.
fn clears_on(db: &Db, policy: &policy::Policy, order_id: i64) -> Result<Option<String>> {
    let order: Option<(Option<Timestamp>, Option<Timestamp>, String)> = db.query_opt(
        "SELECT o.completed_at, o.cleared_at, u.level FROM orders o JOIN users u ON u.id = o.seller_id
         WHERE o.id = ?1",
        params![order_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok(order.and_then(|(completed_at, cleared_at, level)| {
        let day = cleared_at.or_else(|| completed_at.map(|at| at.plus_days(tick::clearance_days(policy, &level))));
        day.map(|at| at.date().to_string())
    }))
}

/// The days of a calendar month written "2026-03".
pub fn month(text: &str) -> Result<DayRange> {
    let invalid = || Error::invalid(format!("month {text:?}: expected YYYY-MM, e.g. 2026-03"));
    let (year, month) = text.split_once('-').ok_or_else(invalid)?;
    if year.len() != 4 || month.len() != 2 {
        return Err(invalid());
    }
    let year: i32 = year.parse().map_err(|_| invalid())?;
    let month: u8 = month.parse().map_err(|_| invalid())?;
    let month = time::Month::try_from(month).map_err(|_| invalid())?;
    let first = time::Date::from_calendar_date(year, month, 1).map_err(|_| invalid())?;
    let last = time::Date::from_calendar_date(year, month, month.length(year)).map_err(|_| invalid())?;
    Ok(DayRange { from: Some(first), to: Some(last) })
}
