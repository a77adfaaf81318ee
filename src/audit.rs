//! `souq audit`: the invariants of the ledger and the marketplace, each checked and named.
//! The proptests call the same checks, so "audit passes" means one thing everywhere.

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

/// Every check `souq audit` runs, in order. Modules that own an invariant add theirs here.
pub const CHECKS: &[CheckFn] = &[
    integrity_check,
    foreign_key_check,
    debits_equal_credits,
    cached_balances_match_transfers,
    no_forbidden_negative_balance,
    hash_chain_intact,
    crate::orders::checks::escrow_matches_open_orders,
    crate::orders::checks::pending_matches_uncleared,
    crate::payouts::in_flight_matches_open_items,
    crate::payouts::items_resolved_at_most_once,
    crate::moderation::pending_gigs_are_queued,
    crate::search::index_matches_gigs,
    crate::disputes::disputes_match_orders,
];

pub fn run(conn: &Connection) -> Result<AuditReport> {
    let checks = CHECKS.iter().map(|check| check(conn)).collect::<Result<Vec<_>>>()?;
    Ok(AuditReport { ok: checks.iter().all(|c| c.ok), checks })
}

/// A check from the rows a query returns: none means ok; otherwise the first few, joined.
pub fn violations(conn: &Connection, name: &'static str, sql: &str, fine: String) -> Result<Check> {
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
