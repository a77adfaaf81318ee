//! The order invariants `souq audit` checks: escrow holds exactly the open orders' money, and
//! each seller's pending balance is exactly their completed, not yet cleared earnings.

use rusqlite::Connection;

use crate::audit::{violations, Check};
use crate::error::Result;

pub fn escrow_matches_open_orders(conn: &Connection) -> Result<Check> {
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

pub fn pending_matches_uncleared(conn: &Connection) -> Result<Check> {
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
