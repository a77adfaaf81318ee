//! `souq tick`: everything that is due at the session's time, in one transaction — accepted
//! cancellation requests, auto-completions, late flags, seller levels, clearance of earnings.
//! Levels come after everything that changes a seller's record and before clearance, which
//! depends on them; that order keeps a second run a no-op. Each step picks
//! only rows not yet done, so running it twice changes nothing the second time. Disputed orders
//! are skipped throughout: a dispute stops the clocks.

use rusqlite::params;
use serde::Serialize;
use serde_json::json;

use crate::db::Db;
use crate::error::Result;
use crate::ledger::{self, Account, Bucket, Movement};
use crate::money::Money;
use crate::orders;
use crate::policy::{self, Policy};
use crate::{events, levels, users, Session};

/// What one run did (docs/design.md's tick summary).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TickSummary {
    pub auto_completed: i64,
    pub cleared_orders: i64,
    pub cleared_cents: Money,
    pub cancellations_accepted: i64,
    pub late_flagged: i64,
    pub level_changes: i64,
}

/// Applies everything due at `session.now`. Run by an operator (cron) with no acting user, or
/// by an admin; the caller wraps it in one transaction.
pub fn run(db: &Db, session: &Session) -> Result<TickSummary> {
    if session.actor.is_some() {
        users::acting_admin(db, session, "run tick")?;
    }
    let policy = policy::load(db)?;
    let cancellations_accepted = accept_cancellation_requests(db, session, &policy)?;
    let auto_completed = auto_complete(db, session, &policy)?;
    let late_flagged = flag_late(db, session)?;
    let level_changes = levels::recompute(db, session, &policy)?;
    let (cleared_orders, cleared_cents) = clear_earnings(db, session, &policy)?;
    Ok(TickSummary {
        auto_completed,
        cleared_orders,
        cleared_cents,
        cancellations_accepted,
        late_flagged,
        level_changes,
    })
}

/// A buyer's cancellation request the seller left unanswered for cancel_request_days is accepted.
fn accept_cancellation_requests(db: &Db, session: &Session, policy: &Policy) -> Result<i64> {
    const DUE: &str = "o.cancel_requested_at IS NOT NULL AND o.status IN ('active', 'delivered')
                       AND o.cancel_requested_at <= ?1";
    let due = orders::query(db, DUE, params![session.now.plus_days(-policy.cancel_request_days)])?;
    for order in &due {
        orders::refund_all(db, session, order)?;
    }
    Ok(due.len() as i64)
}

/// A delivery the buyer left alone for auto_complete_days completes itself.
fn auto_complete(db: &Db, session: &Session, policy: &Policy) -> Result<i64> {
    const DUE: &str = "o.status = 'delivered' AND o.delivered_at <= ?1";
    let due = orders::query(db, DUE, params![session.now.plus_days(-policy.auto_complete_days)])?;
    for order in &due {
        orders::settle(db, session, order, Money::ZERO)?;
    }
    Ok(due.len() as i64)
}

/// The level whose sellers' earnings clear after clearance_days_top_rated.
const TOP_RATED: &str = "top_rated";

/// How many days a seller of `level` waits for earnings to clear: the rule tick applies, and
/// the one `wallet history` dates pending earnings by.
pub fn clearance_days(policy: &Policy, level: &str) -> i64 {
    if level == TOP_RATED {
        policy.clearance_days_top_rated
    } else {
        policy.clearance_days
    }
}

/// Earnings of orders completed clearance_days ago (clearance_days_top_rated for top_rated
/// sellers) move from pending to available.
fn clear_earnings(db: &Db, session: &Session, policy: &Policy) -> Result<(i64, Money)> {
    const DUE: &str = "SELECT o.id, o.seller_id, o.net_cents FROM orders o JOIN users u ON u.id = o.seller_id
                       WHERE o.status = 'completed' AND o.cleared_at IS NULL
                         AND o.completed_at <= CASE WHEN u.level = ?3 THEN ?2 ELSE ?1 END
                       ORDER BY o.id";
    // the same orders as DUE (nothing else changes them in this transaction), in one statement
    const MARK: &str = "UPDATE orders SET cleared_at = ?3
                        WHERE status = 'completed' AND cleared_at IS NULL
                          AND completed_at <= CASE WHEN (SELECT level FROM users WHERE id = seller_id) = ?4
                                                   THEN ?2 ELSE ?1 END";
    let cutoff = session.now.plus_days(-clearance_days(policy, "any other level"));
    let cutoff_top_rated = session.now.plus_days(-clearance_days(policy, TOP_RATED));
    let due: Vec<(i64, i64, i64)> =
        db.query_map(DUE, params![cutoff, cutoff_top_rated, TOP_RATED], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let actor = orders::ledger_actor(session);
    let mut cleared = Money::ZERO;
    for &(order_id, seller_id, net) in &due {
        let net = Money::from_cents(net);
        if net.is_positive() {
            let movement = Movement {
                from: Account::User(seller_id, Bucket::Pending),
                to: Account::User(seller_id, Bucket::Available),
                amount: net,
                kind: "clearance",
                order_id: Some(order_id),
                payout_item_id: None,
                idem_key: format!("order:{order_id}:clear"),
            };
            ledger::post(db, actor, session.now, &movement)?;
        }
        events::record(db, session, "order.cleared", "order", order_id, json!({"net_cents": net}))?;
        cleared = cleared.checked_add(net)?;
    }
    db.execute(MARK, params![cutoff, cutoff_top_rated, session.now, TOP_RATED])?;
    Ok((due.len() as i64, cleared))
}

/// Active orders past their due time with nothing delivered are flagged late, once.
fn flag_late(db: &Db, session: &Session) -> Result<i64> {
    const FLAG: &str = "UPDATE orders SET late = 1
                        WHERE status = 'active' AND late = 0 AND delivered_at IS NULL AND due_at < ?1
                        RETURNING id";
    let mut ids: Vec<i64> = db.query_map(FLAG, params![session.now], |r| r.get(0))?;
    // RETURNING follows no order on PostgreSQL: the events go in id order on both engines
    ids.sort_unstable();
    for &id in &ids {
        events::record(db, session, "order.late", "order", id, json!({}))?;
    }
    Ok(ids.len() as i64)
}
