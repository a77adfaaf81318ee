//! `payout reconcile`: applies a provider's result file to a batch. Each row's status moves the
//! item's money once (paid out, or back to the seller); the same file again changes nothing.

use std::io::Read;

use rusqlite::params;
use serde::Serialize;
use serde_json::json;

use super::{get_batch, item_ref, parse_item_ref, refresh_batch_status, ItemStatus, PayoutMethod};
use crate::db::Db;
use crate::error::Result;
use crate::ledger::{self, Account, Bucket, Movement};
use crate::money::Money;
use crate::{events, provider_file, text, users, Session};

/// A provider's word on one item, grouped by what it does to the money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// SUCCESS: out of the platform.
    Paid,
    /// FAILED, RETURNED, BLOCKED, REFUNDED, REVERSED: back to the seller.
    Returned,
    /// PENDING, UNCLAIMED, ONHOLD: still in flight.
    Waiting,
}

const STATUSES: &[(&str, Outcome)] = &[
    ("SUCCESS", Outcome::Paid),
    ("FAILED", Outcome::Returned),
    ("RETURNED", Outcome::Returned),
    ("BLOCKED", Outcome::Returned),
    ("REFUNDED", Outcome::Returned),
    ("REVERSED", Outcome::Returned),
    ("PENDING", Outcome::Waiting),
    ("UNCLAIMED", Outcome::Waiting),
    ("ONHOLD", Outcome::Waiting),
];

/// docs/design.md's reconcile summary, plus the rows that moved nothing and why.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReconcileSummary {
    pub rows: i64,
    pub succeeded: i64,
    /// Returned to sellers: failures before success and reversals after it.
    pub failed: i64,
    pub pending: i64,
    pub unmatched: i64,
    pub already_applied: i64,
    /// Rows whose status may not follow the item's (SUCCESS then FAILED without REVERSED).
    pub refused: i64,
    pub problems: Vec<Problem>,
    /// The file was reconciled before: rows were already applied and none moved anything now.
    pub replayed: bool,
}

/// A row that matched no item of the batch, or asked for a change that is not allowed.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub line: u64,
    pub item_ref: String,
    pub message: String,
}

struct ResultRow {
    line: u64,
    item_ref: String,
    status: &'static str,
    outcome: Outcome,
    provider_ref: Option<String>,
}

/// Applies `input` (a CSV file with a header naming item_ref (or item_id, its older name) and status, any order and case, optionally
/// provider_ref) to batch `batch_id` (admin only). A file that does not parse changes nothing
/// and names every bad line; rows that match nothing or are refused are reported and skipped.
/// It is read as a stream within [`provider_file`]'s limits.
pub fn reconcile(db: &Db, session: &Session, batch_id: i64, input: impl Read) -> Result<ReconcileSummary> {
    users::acting_admin(db, session, "reconcile payouts")?;
    get_batch(db, batch_id)?;
    let rows = parse(input)?;
    let mut summary = ReconcileSummary { rows: rows.len() as i64, ..Default::default() };
    for row in &rows {
        apply(db, session, batch_id, row, &mut summary)?;
    }
    refresh_batch_status(db, batch_id)?;
    // A file that changed nothing (the same file again) writes nothing, not even an event.
    // unmatched and refused rows stay so on every run: the file moved money before, not now
    summary.replayed = summary.already_applied > 0 && summary.succeeded + summary.failed + summary.pending == 0;
    if summary.succeeded + summary.failed + summary.pending == 0 {
        return Ok(summary);
    }
    events::record(
        db,
        session,
        "payout.reconciled",
        "payout_batch",
        batch_id,
        json!({"rows": summary.rows, "succeeded": summary.succeeded, "failed": summary.failed,
               "pending": summary.pending, "unmatched": summary.unmatched,
               "already_applied": summary.already_applied, "refused": summary.refused}),
    )?;
    Ok(summary)
}

fn parse(input: impl Read) -> Result<Vec<ResultRow>> {
    provider_file::parse(input, "bad result file", &["item_ref|item_id", "status"], &["provider_ref"], |row| {
        let (item_ref, status) = (row.field(0), row.field(1));
        if item_ref.is_empty() {
            return Ok(Err("item_ref is empty".to_string()));
        }
        let Some((status, outcome)) = STATUSES.iter().find(|(s, _)| s.eq_ignore_ascii_case(status)) else {
            return Ok(Err(format!("unknown status {}", text::excerpt(status, text::EXCERPT_CHARS))));
        };
        let provider_ref = Some(row.field(2)).filter(|r| !r.is_empty()).map(str::to_string);
        Ok(Ok(ResultRow { line: row.line, item_ref: item_ref.to_string(), status, outcome: *outcome, provider_ref }))
    })
    .map_err(|e| e.with_hint(format!("statuses: {}", STATUSES.iter().map(|(s, _)| *s).collect::<Vec<_>>().join(", "))))
}

/// What a row does to an item in a given status.
enum Step {
    /// Post a transfer of this kind ("payout_paid") and take this status.
    Move(ItemStatus, &'static str, Account, Account),
    Wait,
    AlreadyApplied,
    Refuse(String),
}

fn step(current: ItemStatus, row: &ResultRow, seller_id: i64, method: PayoutMethod) -> Step {
    let available = Account::User(seller_id, Bucket::Available);
    let world = Account::World(method.as_str().to_string());
    match (current, row.outcome) {
        (ItemStatus::InFlight | ItemStatus::Pending, Outcome::Paid) => {
            Step::Move(ItemStatus::Paid, "payout_paid", Account::PayoutsInFlight, world)
        }
        (ItemStatus::InFlight | ItemStatus::Pending, Outcome::Returned) => {
            Step::Move(ItemStatus::Failed, "payout_return", Account::PayoutsInFlight, available)
        }
        (ItemStatus::InFlight | ItemStatus::Pending, Outcome::Waiting) => Step::Wait,
        (ItemStatus::Paid, Outcome::Paid)
        | (ItemStatus::Failed, Outcome::Returned)
        | (ItemStatus::Reversed, Outcome::Paid) => Step::AlreadyApplied,
        (ItemStatus::Reversed, Outcome::Returned) if row.status == "REVERSED" => Step::AlreadyApplied,
        (ItemStatus::Paid, Outcome::Returned) if row.status == "REVERSED" => {
            Step::Move(ItemStatus::Reversed, "payout_reverse", world, available)
        }
        (ItemStatus::Paid, _) => {
            Step::Refuse(format!("the item was paid; {} after SUCCESS needs REVERSED first", row.status))
        }
        (ItemStatus::Failed | ItemStatus::Reversed, _) => Step::Refuse(format!(
            "the item was {} and its money is back with the seller; {} cannot follow",
            current.as_str(),
            row.status
        )),
    }
}

fn apply(db: &Db, session: &Session, batch_id: i64, row: &ResultRow, summary: &mut ReconcileSummary) -> Result<()> {
    let problem = |message: String| Problem { line: row.line, item_ref: row.item_ref.clone(), message };
    let item = match parse_item_ref(&row.item_ref).filter(|(b, _)| *b == batch_id) {
        Some((_, item_id)) => db.query_opt(
            "SELECT id, seller_id, method, amount_cents, status, provider_status FROM payout_items
             WHERE id = ?1 AND batch_id = ?2",
            params![item_id, batch_id],
            |r| {
                Ok((
                    r.get::<i64>(0)?,
                    r.get::<i64>(1)?,
                    r.get::<PayoutMethod>(2)?,
                    Money::from_cents(r.get(3)?),
                    r.get::<ItemStatus>(4)?,
                    r.get::<Option<String>>(5)?,
                ))
            },
        )?,
        None => None,
    };
    let Some((item_id, seller_id, method, amount, current, provider_status)) = item else {
        summary.unmatched += 1;
        summary.problems.push(problem(format!("matches no item of batch {batch_id}")));
        return Ok(());
    };
    let new_status = match step(current, row, seller_id, method) {
        Step::AlreadyApplied => {
            summary.already_applied += 1;
            return Ok(());
        }
        Step::Refuse(message) => {
            summary.refused += 1;
            summary.problems.push(problem(message));
            return Ok(());
        }
        Step::Wait if provider_status.as_deref() == Some(row.status) => {
            summary.already_applied += 1;
            return Ok(());
        }
        Step::Wait => {
            summary.pending += 1;
            ItemStatus::Pending
        }
        Step::Move(status, kind, from, to) => {
            ledger::post(
                db,
                session.actor.as_deref().unwrap_or_default(),
                session.now,
                &Movement {
                    from,
                    to,
                    amount,
                    kind,
                    order_id: None,
                    payout_item_id: Some(item_id),
                    idem_key: format!("payout_item:{item_id}:{}", kind.trim_start_matches("payout_")),
                },
            )?;
            if status == ItemStatus::Paid {
                summary.succeeded += 1;
            } else {
                summary.failed += 1;
            }
            status
        }
    };
    db.execute(
        "UPDATE payout_items SET status = ?1, provider_status = ?2, provider_ref = coalesce(?3, provider_ref),
                                 updated_at = ?4
         WHERE id = ?5",
        params![new_status, row.status, row.provider_ref, session.now, item_id],
    )?;
    events::record(
        db,
        session,
        &format!("payout.item_{}", new_status.as_str()),
        "payout_item",
        item_id,
        json!({"item_ref": item_ref(batch_id, item_id), "provider_status": row.status,
               "provider_ref": row.provider_ref, "amount_cents": amount}),
    )?;
    Ok(())
}
