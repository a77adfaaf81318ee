//! `payout reconcile`: applies a provider's result file to a batch. Each row's status moves the
//! item's money once (paid out, or back to the seller); the same file again changes nothing.

use std::io::Read;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;

use super::{get_batch, item_ref, parse_item_ref, refresh_batch_status, ItemStatus, PayoutMethod};
use crate::error::{Error, Result};
use crate::input::BoundedLines;
use crate::ledger::{self, Account, Bucket, Movement};
use crate::money::Money;
use crate::{events, text, users, Session};

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
}

/// A row that matched no item of the batch, or asked for a change that is not allowed.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub line: u64,
    pub item_id: String,
    pub message: String,
}

struct ResultRow {
    line: u64,
    item_id: String,
    status: &'static str,
    outcome: Outcome,
    provider_ref: Option<String>,
}

/// The longest line of a result file: providers' files carry a few dozen short columns.
pub const MAX_LINE_BYTES: u64 = 64 << 10;
/// The largest result file: a million items at PayPal's longest lines.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Applies `input` (a CSV file with a header naming item_id and status, any order and case, optionally
/// provider_ref) to batch `batch_id` (admin only). A file that does not parse changes nothing
/// and names every bad line; rows that match nothing or are refused are reported and skipped.
/// It is read as a stream, each line at most [`MAX_LINE_BYTES`], the whole at most [`MAX_FILE_BYTES`].
pub fn reconcile(conn: &Connection, session: &Session, batch_id: i64, input: impl Read) -> Result<ReconcileSummary> {
    users::acting_admin(conn, session, "reconcile payouts")?;
    get_batch(conn, batch_id)?;
    let rows = parse(input)?;
    let mut summary = ReconcileSummary { rows: rows.len() as i64, ..Default::default() };
    for row in &rows {
        apply(conn, session, batch_id, row, &mut summary)?;
    }
    refresh_batch_status(conn, batch_id)?;
    // A file that changed nothing (the same file again) writes nothing, not even an event.
    if summary.succeeded + summary.failed + summary.pending == 0 {
        return Ok(summary);
    }
    events::record(
        conn,
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
    // CRLF comes out as LF: the csv crate numbers lines after a CRLF header one short.
    let bounded = BoundedLines::new(input, MAX_LINE_BYTES, MAX_FILE_BYTES);
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(bounded);
    let header = reader.headers().map_err(|e| read_error("line 1", e))?.clone();
    let column = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(id_col), Some(status_col)) = (column("item_id"), column("status")) else {
        let found = header.iter().collect::<Vec<_>>().join(",");
        return Err(Error::invalid(format!(
            "line 1: the header must name item_id and status (found: {})",
            text::excerpt(&found, text::EXCERPT_CHARS)
        )));
    };
    let ref_col = column("provider_ref");
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) if e.is_io_error() => return Err(read_error("reading the result file", e)),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errors.push(format!("line {line}: {e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let item_id = record.get(id_col).unwrap_or_default();
        let status = record.get(status_col).unwrap_or_default();
        if item_id.is_empty() {
            errors.push(format!("line {line}: item_id is empty"));
            continue;
        }
        let Some((status, outcome)) = STATUSES.iter().find(|(s, _)| s.eq_ignore_ascii_case(status)) else {
            errors.push(format!("line {line}: unknown status {}", text::excerpt(status, text::EXCERPT_CHARS)));
            continue;
        };
        let provider_ref = ref_col.and_then(|c| record.get(c)).filter(|r| !r.is_empty()).map(str::to_string);
        rows.push(ResultRow { line, item_id: item_id.to_string(), status, outcome: *outcome, provider_ref });
    }
    if errors.is_empty() {
        return Ok(rows);
    }
    let more = errors.len().saturating_sub(10);
    errors.truncate(10);
    if more > 0 {
        errors.push(format!("and {more} more"));
    }
    Err(Error::invalid(format!("bad result file, nothing applied: {}", errors.join("; ")))
        .with_hint(format!("statuses: {}", STATUSES.iter().map(|(s, _)| *s).collect::<Vec<_>>().join(", "))))
}

/// A read that failed: too long a line or file is invalid input (exit 6), anything else internal.
fn read_error(place: &str, err: csv::Error) -> Error {
    match err.kind() {
        csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
            Error::invalid(format!("{place}: {io}, nothing applied"))
        }
        csv::ErrorKind::Io(io) => Error::internal(format!("{place}: {io}")),
        _ => Error::invalid(format!("{place}: {err}")),
    }
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

fn apply(
    conn: &Connection,
    session: &Session,
    batch_id: i64,
    row: &ResultRow,
    summary: &mut ReconcileSummary,
) -> Result<()> {
    let problem = |message: String| Problem { line: row.line, item_id: row.item_id.clone(), message };
    let item = match parse_item_ref(&row.item_id).filter(|(b, _)| *b == batch_id) {
        Some((_, item_id)) => conn
            .prepare_cached(
                "SELECT id, seller_id, method, amount_cents, status, provider_status FROM payout_items
                 WHERE id = ?1 AND batch_id = ?2",
            )?
            .query_row(params![item_id, batch_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, PayoutMethod>(2)?,
                    Money::from_cents(r.get(3)?),
                    r.get::<_, ItemStatus>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            })
            .optional()?,
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
                conn,
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
    conn.prepare_cached(
        "UPDATE payout_items SET status = ?1, provider_status = ?2, provider_ref = coalesce(?3, provider_ref),
                                 updated_at = ?4
         WHERE id = ?5",
    )?
    .execute(params![new_status, row.status, row.provider_ref, session.now, item_id])?;
    events::record(
        conn,
        session,
        &format!("payout.item_{}", new_status.as_str()),
        "payout_item",
        item_id,
        json!({"item_id": item_ref(batch_id, item_id), "provider_status": row.status,
               "provider_ref": row.provider_ref, "amount_cents": amount}),
    )?;
    Ok(())
}
