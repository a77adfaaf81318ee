//! `souq audit`: every invariant of the ledger and the marketplace, each checked and named. A leaf
//! module: it reads every domain module's tables and no domain module depends on it. The
//! proptests call the same checks, so "audit passes" means one thing everywhere.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::ledger::{hash_row, GENESIS_HASH};

#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: &'static str,
    pub ok: bool,
    /// What was found: "12 transfers" when fine, the first offending rows when not.
    pub detail: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    pub ok: bool,
    pub checks: Vec<Check>,
}

/// One named invariant.
pub type CheckFn = fn(&Connection) -> Result<Check>;

/// Every check `souq audit` runs, in order. They all live here: audit reads every module's
/// tables, and no domain module depends on it.
pub const CHECKS: &[CheckFn] = &[
    integrity_check,
    foreign_key_check,
    debits_equal_credits,
    cached_balances_match_transfers,
    no_forbidden_negative_balance,
    hash_chain_intact,
    escrow_matches_open_orders,
    pending_matches_uncleared,
    in_flight_matches_open_items,
    items_resolved_at_most_once,
    pending_gigs_are_queued,
    index_matches_gigs,
    disputes_match_orders,
];

pub fn run(conn: &Connection) -> Result<AuditReport> {
    let checks = CHECKS.iter().map(|check| check(conn)).collect::<Result<Vec<_>>>()?;
    Ok(AuditReport { ok: checks.iter().all(|c| c.ok), checks })
}

/// A check from the rows a query returns: none means ok; otherwise the first few, joined.
fn violations(conn: &Connection, name: &'static str, sql: &str, fine: String) -> Result<Check> {
    let mut stmt = conn.prepare(sql)?;
    let found: Vec<String> = stmt.query_map([], |r| r.get::<_, String>(0))?.take(5).collect::<rusqlite::Result<_>>()?;
    Ok(if found.is_empty() {
        Check { name, ok: true, detail: fine }
    } else {
        Check { name, ok: false, detail: found.join("; ") }
    })
}

fn count(conn: &Connection, sql: &str) -> Result<i64> {
    Ok(conn.query_row(sql, [], |r| r.get(0))?)
}

fn integrity_check(conn: &Connection) -> Result<Check> {
    let result: String = conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
    Ok(Check { name: "sqlite_integrity", ok: result == "ok", detail: result })
}

fn foreign_key_check(conn: &Connection) -> Result<Check> {
    violations(
        conn,
        "foreign_keys",
        "SELECT \"table\" || ' row ' || rowid || ' points at a missing ' || parent FROM pragma_foreign_key_check",
        "every reference resolves".into(),
    )
}

/// Each transfer debits one account and credits another by the same amount, so across all
/// accounts the balances must sum to zero (world:* accounts are negative by what came in).
fn debits_equal_credits(conn: &Connection) -> Result<Check> {
    let sum = count(conn, "SELECT coalesce(sum(balance), 0) FROM accounts")?;
    let moved = count(conn, "SELECT coalesce(sum(amount), 0) FROM transfers")?;
    Ok(Check {
        name: "debits_equal_credits",
        ok: sum == 0,
        detail: if sum == 0 {
            format!("{moved} cents moved in all, balances sum to 0")
        } else {
            format!("balances sum to {sum}, not 0")
        },
    })
}

fn cached_balances_match_transfers(conn: &Connection) -> Result<Check> {
    violations(
        conn,
        "cached_balances",
        "SELECT a.name || ' caches ' || a.balance || ' but transfers give ' || coalesce(t.net, 0)
         FROM accounts a
         LEFT JOIN (SELECT account, sum(delta) AS net FROM (
                        SELECT credit_account AS account, amount AS delta FROM transfers
                        UNION ALL
                        SELECT debit_account, -amount FROM transfers)
                    GROUP BY account) t ON t.account = a.id
         WHERE a.balance <> coalesce(t.net, 0)",
        "every cached balance equals its transfers".into(),
    )
}

/// The CHECK constraint already stops this; the audit also catches a database whose
/// constraint was bypassed (edited with another tool, or schema tampered).
fn no_forbidden_negative_balance(conn: &Connection) -> Result<Check> {
    violations(
        conn,
        "no_negative_balances",
        "SELECT name || ' is ' || balance FROM accounts WHERE kind <> 'world' AND balance < 0",
        "no user or platform account is negative".into(),
    )
}

fn hash_chain_intact(conn: &Connection) -> Result<Check> {
    let mut stmt = conn.prepare(
        "SELECT id, debit_account, credit_account, amount, kind, order_id, payout_item_id, idem_key, actor,
                created_at, prev_hash, hash
         FROM transfers ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut expected_prev = GENESIS_HASH.to_string();
    let mut checked = 0;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let prev: String = r.get(10)?;
        let hash: String = r.get(11)?;
        let computed = hash_row(
            &prev,
            id,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            &r.get::<_, String>(4)?,
            r.get(5)?,
            r.get(6)?,
            &r.get::<_, String>(7)?,
            &r.get::<_, String>(8)?,
            &r.get::<_, String>(9)?,
        );
        if prev != expected_prev || computed != hash {
            return Ok(Check {
                name: "hash_chain",
                ok: false,
                detail: format!("transfer {id} does not match its hash: the ledger was edited outside souq"),
            });
        }
        expected_prev = hash;
        checked += 1;
    }
    Ok(Check { name: "hash_chain", ok: true, detail: format!("{checked} transfers chained") })
}

/// Escrow holds exactly the open (active, delivered, disputed) orders' money.
fn escrow_matches_open_orders(conn: &Connection) -> Result<Check> {
    violations(
        conn,
        "escrow_matches_open_orders",
        "SELECT 'escrow holds ' || e.balance || ' but open orders are worth ' || o.gross
         FROM (SELECT coalesce(sum(balance), 0) AS balance FROM accounts WHERE kind = 'escrow') e,
              (SELECT coalesce(sum(gross_cents), 0) AS gross FROM orders
               WHERE status IN ('active', 'delivered', 'disputed')) o
         WHERE e.balance <> o.gross",
        "escrow equals the gross of active, delivered and disputed orders".into(),
    )
}

/// Each seller's pending balance is exactly their completed, not yet cleared earnings.
fn pending_matches_uncleared(conn: &Connection) -> Result<Check> {
    violations(
        conn,
        "pending_matches_uncleared",
        "SELECT u.username || ' has ' || coalesce(a.balance, 0) || ' pending but '
                || coalesce(o.net, 0) || ' in uncleared earnings'
         FROM users u
         LEFT JOIN accounts a ON a.user_id = u.id AND a.kind = 'pending'
         LEFT JOIN (SELECT seller_id, sum(net_cents) AS net FROM orders
                    WHERE status = 'completed' AND cleared_at IS NULL GROUP BY seller_id) o
                ON o.seller_id = u.id
         WHERE coalesce(a.balance, 0) <> coalesce(o.net, 0)
         ORDER BY u.id",
        "every pending balance equals its completed, uncleared orders".into(),
    )
}

/// The payouts_in_flight account holds exactly the money of the items still in flight.
fn in_flight_matches_open_items(conn: &Connection) -> Result<Check> {
    violations(
        conn,
        "payouts_in_flight",
        "SELECT 'payouts_in_flight holds ' || f.balance || ' but open payout items sum to ' || o.total
         FROM (SELECT coalesce((SELECT balance FROM accounts WHERE name = 'payouts_in_flight'), 0) AS balance) f,
              (SELECT coalesce(sum(amount_cents), 0) AS total FROM payout_items
               WHERE status IN ('in_flight', 'pending')) o
         WHERE f.balance <> o.total",
        "payouts_in_flight equals the open payout items".into(),
    )
}

/// Every item was sent once, resolved (paid or returned) at most once, reversed only after
/// being paid, and its status says what its transfers did.
fn items_resolved_at_most_once(conn: &Connection) -> Result<Check> {
    violations(
        conn,
        "payout_items_resolved_once",
        "SELECT 'payout item ' || i.id || ' (' || i.status || ') has ' || t.sent || ' send, ' || t.paid
                || ' paid, ' || t.returned || ' return and ' || t.reversed || ' reverse transfers'
         FROM payout_items i
         LEFT JOIN (SELECT payout_item_id,
                           sum(kind = 'payout_send') AS sent, sum(kind = 'payout_paid') AS paid,
                           sum(kind = 'payout_return') AS returned, sum(kind = 'payout_reverse') AS reversed
                    FROM transfers WHERE payout_item_id IS NOT NULL GROUP BY payout_item_id) t
                ON t.payout_item_id = i.id
         WHERE coalesce(t.sent, 0) || ',' || coalesce(t.paid, 0) || ',' || coalesce(t.returned, 0) || ','
               || coalesce(t.reversed, 0)
               <> CASE i.status WHEN 'paid' THEN '1,1,0,0'
                                WHEN 'failed' THEN '1,0,1,0'
                                WHEN 'reversed' THEN '1,1,0,1'
                                ELSE '1,0,0,0' END",
        "each payout item was sent once and resolved at most once".into(),
    )
}

/// a gig waiting in pending_review must be in the queue, or no admin will ever see it.
fn pending_gigs_are_queued(conn: &Connection) -> Result<Check> {
    violations(
        conn,
        "pending_gigs_are_queued",
        "SELECT 'gig ' || g.id || ' is pending_review with no open flag' FROM gigs g
         WHERE g.status = 'pending_review'
           AND NOT EXISTS (SELECT 1 FROM moderation_flags f
                           WHERE f.entity = 'gig' AND f.entity_id = g.id AND f.status = 'open')",
        "every gig waiting for review is in the queue".into(),
    )
}

/// the index holds exactly one row per gig (a write that bypassed souq's triggers, or
/// an import that failed to index, shows up here).
fn index_matches_gigs(conn: &Connection) -> Result<Check> {
    let gigs: i64 = conn.query_row("SELECT count(*) FROM gigs", [], |r| r.get(0))?;
    violations(
        conn,
        "search_index_matches_gigs",
        "SELECT 'gig ' || id || ' is missing from the search index' FROM gigs
         WHERE id NOT IN (SELECT rowid FROM gigs_fts)
         UNION ALL
         SELECT 'search index row ' || rowid || ' has no gig' FROM gigs_fts
         WHERE rowid NOT IN (SELECT id FROM gigs)",
        format!("{gigs} gigs indexed"),
    )
}

/// an order is disputed exactly while it has an open dispute, and a
/// resolved dispute records the refund its order was settled with.
fn disputes_match_orders(conn: &Connection) -> Result<Check> {
    violations(
        conn,
        "disputes_match_orders",
        "SELECT 'order ' || o.id || ' is disputed with no open dispute' FROM orders o
         WHERE o.status = 'disputed'
           AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.order_id = o.id AND d.status = 'open')
         UNION ALL
         SELECT 'dispute ' || d.id || ' is open but order ' || o.id || ' is ' || o.status
         FROM disputes d JOIN orders o ON o.id = d.order_id
         WHERE d.status = 'open' AND o.status <> 'disputed'
         UNION ALL
         SELECT 'dispute ' || d.id || ' refunded ' || ifnull(d.refund_cents, 'nothing') || ' but order ' || o.id
                || ' records ' || o.refund_cents
         FROM disputes d JOIN orders o ON o.id = d.order_id
         WHERE d.status = 'resolved' AND d.refund_cents IS NOT o.refund_cents",
        "every disputed order has one open dispute; resolutions match their orders".into(),
    )
}
