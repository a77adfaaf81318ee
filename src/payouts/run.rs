//! `payout run`: one batch per operator key, paying each eligible seller's whole available
//! balance into payouts_in_flight, in one transaction.

use rusqlite::params;
use serde::Serialize;
use serde_json::json;

use super::{find_batch_by_key, get_batch, item_ref, refresh_batch_status, Batch, PayoutMethod};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::ledger::{self, Account, Bucket, Movement};
use crate::money::Money;
use crate::{events, policy, users, Session};

/// What the operator asked for. The key makes the run idempotent.
#[derive(Debug, Clone)]
pub struct RunRequest {
    pub key: String,
    /// Only sellers paid by this method; `None` pays every method.
    pub method: Option<PayoutMethod>,
    /// The smallest balance paid; `None` means the policy's min_payout.
    pub min: Option<Money>,
}

/// One seller who will be paid, and how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payee {
    pub seller_id: i64,
    pub username: String,
    pub method: PayoutMethod,
    pub account: String,
    pub amount: Money,
}

/// A seller with enough money and a payout method who is not paid this time, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Held {
    pub seller: String,
    pub available_cents: Money,
    pub reason: String,
}

/// What a run would do now: replay an existing batch, or pay `payees`.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub existing: Option<Batch>,
    pub min: Money,
    pub payees: Vec<Payee>,
    pub held: Vec<Held>,
}

impl Plan {
    pub fn total(&self) -> Result<Money> {
        self.payees.iter().try_fold(Money::ZERO, |sum, p| sum.checked_add(p.amount))
    }
}

/// The batch a run made (or found under its key), and who was held back.
#[derive(Debug, Clone, Serialize)]
pub struct RunSummary {
    /// None when nobody was eligible: nothing was recorded and the key is still free.
    #[serde(flatten)]
    pub batch: Option<Batch>,
    /// The key was used before: this is that batch, and nothing moved.
    pub replayed: bool,
    pub held: Vec<Held>,
}

/// ?2 is the method or NULL for every method; PostgreSQL learns its type from the cast.
const ELIGIBLE_SQL: &str = "SELECT u.id, u.username, u.status, u.payout_method, u.payout_account, a.balance,
            (SELECT min(i.batch_id) FROM payout_items i
             WHERE i.seller_id = u.id AND i.status IN ('in_flight', 'pending'))
     FROM accounts a JOIN users u ON u.id = a.user_id
     WHERE a.kind = 'available' AND a.balance >= ?1
       AND u.payout_method IS NOT NULL AND (CAST(?2 AS TEXT) IS NULL OR u.payout_method = ?2)
     ORDER BY u.id";

/// Who a run with this request would pay now (admin only). Reads only.
pub fn plan(db: &Db, session: &Session, request: &RunRequest) -> Result<Plan> {
    users::acting_admin(db, session, "run payouts")?;
    validate_key(&request.key)?;
    let min = match request.min {
        Some(min) if !min.is_positive() => return Err(Error::invalid("--min must be more than 0")),
        Some(min) => min,
        None => policy::load(db)?.min_payout,
    };
    if let Some(batch) = find_batch_by_key(db, &request.key)? {
        if batch.method != request.method || batch.min_cents != min {
            let shown = |m: Option<PayoutMethod>| m.map_or("every method".to_string(), |m| m.to_string());
            return Err(Error::conflict(format!(
                "payout key {:?} was used for batch {} ({}, min {}); this run asks for {}, min {}",
                request.key,
                batch.id,
                shown(batch.method),
                batch.min_cents,
                shown(request.method),
                min
            ))
            .with_hint("use a new --key for a different run"));
        }
        return Ok(Plan { existing: Some(batch), min, payees: Vec::new(), held: Vec::new() });
    }
    let mut payees = Vec::new();
    let mut held = Vec::new();
    db.query_each(ELIGIBLE_SQL, params![min.cents(), request.method], |r| {
        let username: String = r.get(1)?;
        let status: String = r.get(2)?;
        let amount = Money::from_cents(r.get(5)?);
        let open_batch: Option<i64> = r.get(6)?;
        let reason = match open_batch {
            _ if status == "suspended" => Some("suspended".to_string()),
            Some(batch) => Some(format!("open item in batch {batch}")),
            None => None,
        };
        match reason {
            Some(reason) => held.push(Held { seller: username, available_cents: amount, reason }),
            None => {
                payees.push(Payee { seller_id: r.get(0)?, username, method: r.get(3)?, account: r.get(4)?, amount })
            }
        }
        Ok(())
    })?;
    Ok(Plan { existing: None, min, payees, held })
}

/// Makes the batch (admin only): one item per payee, each moving the seller's available
/// balance into payouts_in_flight. The same key returns the batch it made and moves nothing.
/// With nobody to pay it records nothing (no batch, no event) and the key stays free.
/// `confirmed` is the plan the operator agreed to: if the database changed since, the run is
/// refused rather than paying something else. `progress(done, total)` is called per item.
pub fn run(
    db: &Db,
    session: &Session,
    request: &RunRequest,
    confirmed: Option<&Plan>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<RunSummary> {
    let plan = plan(db, session, request)?;
    if let Some(batch) = plan.existing {
        return Ok(RunSummary { batch: Some(batch), replayed: true, held: Vec::new() });
    }
    if confirmed.is_some_and(|c| c.payees != plan.payees) {
        return Err(Error::conflict("balances changed after you confirmed; nothing was paid")
            .with_hint("run the same command again to see the new batch"));
    }
    // An empty batch would use the key up: the same cron line, once earnings clear, must pay them.
    if plan.payees.is_empty() {
        return Ok(RunSummary { batch: None, replayed: false, held: plan.held });
    }
    let admin = users::acting(db, session)?;
    // The batch's and the items' ids are given here (the next after the largest, under the write
    // lock, so no other writer takes them meanwhile), not drawn by the inserts: a PostgreSQL
    // identity hands out numbers a dry run then rolls back (the next real batch would skip one),
    // and INSERT ... RETURNING costs SQLite a temporary table per row (about 2 µs on each of
    // 100,000 items, measured).
    let (batch_id, first_item_id): (i64, i64) = db.query_row(
        "SELECT coalesce((SELECT max(id) FROM payout_batches), 0) + 1,
                coalesce((SELECT max(id) FROM payout_items), 0) + 1",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    db.execute(
        "INSERT INTO payout_batches (id, key, method, min_cents, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![batch_id, request.key, request.method, plan.min.cents(), admin.id, session.now],
    )?;
    let total = plan.payees.len() as u64;
    let mut last_item_id = 0;
    for (done, payee) in plan.payees.iter().enumerate() {
        last_item_id = first_item_id + done as i64;
        db.execute(
            "INSERT INTO payout_items (id, batch_id, seller_id, method, account, amount_cents, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                last_item_id,
                batch_id,
                payee.seller_id,
                payee.method,
                payee.account,
                payee.amount.cents(),
                session.now
            ],
        )?;
        send(db, session, last_item_id, payee)?;
        progress(done as u64 + 1, total);
    }
    // Ids only grow, so the last item's ref is the longest one a provider file will carry.
    if item_ref(batch_id, last_item_id).len() > 30 {
        return Err(Error::internal(format!("payout item {last_item_id} has an id too long for provider files")));
    }
    refresh_batch_status(db, batch_id)?;
    let batch = get_batch(db, batch_id)?;
    events::record(
        db,
        session,
        "payout.batch_created",
        "payout_batch",
        batch_id,
        json!({"key": batch.key, "items_count": batch.items_count, "total_cents": batch.total_cents,
               "method": batch.method, "min_cents": batch.min_cents, "held_count": plan.held.len()}),
    )?;
    Ok(RunSummary { batch: Some(batch), replayed: false, held: plan.held })
}

/// Moves the payee's money into payouts_in_flight for item `item_id`.
fn send(db: &Db, session: &Session, item_id: i64, payee: &Payee) -> Result<()> {
    ledger::post(
        db,
        session.actor.as_deref().unwrap_or_default(),
        session.now,
        &Movement {
            from: Account::User(payee.seller_id, Bucket::Available),
            to: Account::PayoutsInFlight,
            amount: payee.amount,
            kind: "payout_send",
            order_id: None,
            payout_item_id: Some(item_id),
            idem_key: format!("payout_item:{item_id}:send"),
        },
    )?;
    Ok(())
}

/// A key is what the operator types to name a run ("2026-03-01", "march-paypal").
fn validate_key(key: &str) -> Result<()> {
    if key.is_empty() || key.chars().count() > 64 || key.chars().any(char::is_control) {
        return Err(Error::invalid(format!("invalid payout key {key:?}: 1 to 64 printable characters")));
    }
    Ok(())
}
