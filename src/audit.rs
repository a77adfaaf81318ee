//! `souq audit`: every invariant of the ledger and the marketplace, each checked and named. A leaf
//! module: it reads every domain module's tables and no domain module depends on it. The
//! proptests call the same checks, so "audit passes" means one thing everywhere.

use serde::Serialize;

use crate::db::{Db, Engine};
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
pub type CheckFn = fn(&Db) -> Result<Check>;

/// Every check `souq audit` runs, in order, on either engine. They all live here: audit reads
/// every module's tables, and no domain module depends on it. The first two check the storage
/// itself, each engine in its own way; their names and details say which.
pub const CHECKS: &[CheckFn] = &[
    storage_integrity,
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

pub fn run(db: &Db) -> Result<AuditReport> {
    let checks = CHECKS.iter().map(|check| check(db)).collect::<Result<Vec<_>>>()?;
    Ok(AuditReport { ok: checks.iter().all(|c| c.ok), checks })
}

/// A check from the rows a query returns (one text column): none means ok; otherwise the first
/// few, joined. Rows are streamed, so a badly broken database does not fill memory.
fn violations(db: &Db, name: &'static str, sql: &str, fine: String) -> Result<Check> {
    let mut found: Vec<String> = Vec::new();
    db.query_each(sql, &[], |r| {
        if found.len() < 5 {
            found.push(r.get(0)?);
        }
        Ok(())
    })?;
    Ok(if found.is_empty() {
        Check { name, ok: true, detail: fine }
    } else {
        Check { name, ok: false, detail: found.join("; ") }
    })
}

fn count(db: &Db, sql: &str) -> Result<i64> {
    db.query_row(sql, &[], |r| r.get(0))
}

/// SQLite: the file's pages, indexes and constraints (`PRAGMA integrity_check`). PostgreSQL
/// keeps its own pages; what an operator can break there from SQL is souq's schema: an index
/// left invalid (a failed concurrent build), a constraint added NOT VALID, a trigger disabled
/// (the append-only ledger and events, and the server's own foreign-key triggers).
fn storage_integrity(db: &Db) -> Result<Check> {
    match db.engine() {
        Engine::Sqlite => {
            let result: String = db.query_row("PRAGMA integrity_check(1)", &[], |r| r.get(0))?;
            Ok(Check { name: "sqlite_integrity", ok: result == "ok", detail: result })
        }
        Engine::Postgres => violations(
            db,
            "postgres_integrity",
            "SELECT 'index ' || c.relname || ' is not valid'
             FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
             WHERE c.relnamespace = CAST(current_schema() AS regnamespace) AND NOT (i.indisvalid AND i.indisready)
             UNION ALL
             SELECT 'constraint ' || k.conname || ' on ' || c.relname || ' is not validated'
             FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
             WHERE c.relnamespace = CAST(current_schema() AS regnamespace) AND NOT k.convalidated
             UNION ALL
             SELECT 'trigger ' || t.tgname || ' on ' || c.relname || ' does not fire'
             FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
             WHERE c.relnamespace = CAST(current_schema() AS regnamespace) AND t.tgenabled NOT IN ('O', 'A')",
            "PostgreSQL catalog: every index valid, every constraint validated, every trigger enabled".into(),
        ),
    }
}

/// Every row's references resolve. SQLite: `PRAGMA foreign_key_check`. PostgreSQL enforces
/// foreign keys itself, but a session in replica mode (`session_replication_role`) or with the
/// triggers disabled writes past them; so each foreign key of souq's schema is checked across
/// its rows here too, by a query the server builds from the catalog for each one.
fn foreign_key_check(db: &Db) -> Result<Check> {
    let sql = match db.engine() {
        Engine::Sqlite => {
            "SELECT \"table\" || ' row ' || rowid || ' points at a missing ' || parent FROM pragma_foreign_key_check"
        }
        Engine::Postgres => PG_FOREIGN_KEY_CHECK,
    };
    violations(db, "foreign_keys", sql, "every reference resolves".into())
}

/// For each foreign key (pg_constraint, contype 'f') of the tables in souq's schema: the rows
/// whose key columns are all set and match no row of the table they point at. format() quotes
/// every name (%I, and regclass prints quoted); query_to_xml runs the count it builds.
const PG_FOREIGN_KEY_CHECK: &str = "
    SELECT CAST(k.conrelid AS regclass) || ': ' || m.missing
           || CASE m.missing WHEN 1 THEN ' row points' ELSE ' rows point' END
           || ' at no row of ' || CAST(k.confrelid AS regclass) || ' (' || k.conname || ')'
    FROM pg_constraint k
    CROSS JOIN LATERAL (
        SELECT string_agg(format('child.%I IS NOT NULL', a.attname), ' AND ') AS all_set,
               string_agg(format('parent.%I = child.%I', p.attname, a.attname), ' AND ') AS matches
        FROM unnest(k.conkey, k.confkey) AS col(child_at, parent_at)
        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = col.child_at
        JOIN pg_attribute p ON p.attrelid = k.confrelid AND p.attnum = col.parent_at
    ) AS cols
    CROSS JOIN LATERAL (
        SELECT CAST(CAST((xpath('/row/n/text()', query_to_xml(format(
            'SELECT count(*) AS n FROM %s AS child WHERE %s AND NOT EXISTS (SELECT 1 FROM %s AS parent WHERE %s)',
            CAST(k.conrelid AS regclass), cols.all_set, CAST(k.confrelid AS regclass), cols.matches),
            false, true, '')))[1] AS TEXT) AS BIGINT) AS missing
    ) AS m
    WHERE k.contype = 'f' AND k.connamespace = CAST(current_schema() AS regnamespace) AND m.missing > 0
    ORDER BY 1";

/// Each transfer debits one account and credits another by the same amount, so across all
/// accounts the balances must sum to zero (world:* accounts are negative by what came in).
fn debits_equal_credits(db: &Db) -> Result<Check> {
    let sum = count(db, "SELECT CAST(coalesce(sum(balance), 0) AS BIGINT) FROM accounts")?;
    let moved = count(db, "SELECT CAST(coalesce(sum(amount), 0) AS BIGINT) FROM transfers")?;
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

fn cached_balances_match_transfers(db: &Db) -> Result<Check> {
    violations(
        db,
        "cached_balances",
        "SELECT a.name || ' caches ' || a.balance || ' but transfers give ' || coalesce(t.net, 0)
         FROM accounts a
         LEFT JOIN (SELECT account, CAST(sum(delta) AS BIGINT) AS net FROM (
                        SELECT credit_account AS account, amount AS delta FROM transfers
                        UNION ALL
                        SELECT debit_account, -amount FROM transfers) AS legs
                    GROUP BY account) t ON t.account = a.id
         WHERE a.balance <> coalesce(t.net, 0)",
        "every cached balance equals its transfers".into(),
    )
}

/// The CHECK constraint already stops this; the audit also catches a database whose
/// constraint was bypassed (edited with another tool, or schema tampered).
fn no_forbidden_negative_balance(db: &Db) -> Result<Check> {
    violations(
        db,
        "no_negative_balances",
        "SELECT name || ' is ' || balance FROM accounts WHERE kind <> 'world' AND balance < 0",
        "no user or platform account is negative".into(),
    )
}

/// Each transfer's hash recomputed from its row (the same text on both engines: hash_row
/// writes the numbers itself, and the text columns are read back as they were written).
fn hash_chain_intact(db: &Db) -> Result<Check> {
    let mut expected_prev = GENESIS_HASH.to_string();
    let mut checked = 0;
    let mut broken = None;
    db.query_each(
        "SELECT id, debit_account, credit_account, amount, kind, order_id, payout_item_id, idem_key, actor,
                created_at, prev_hash, hash
         FROM transfers ORDER BY id",
        &[],
        |r| {
            if broken.is_some() {
                return Ok(()); // the first break is the one reported
            }
            let id: i64 = r.get(0)?;
            let prev: String = r.get(10)?;
            let hash: String = r.get(11)?;
            let computed = hash_row(
                &prev,
                id,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                &r.get::<String>(4)?,
                r.get(5)?,
                r.get(6)?,
                &r.get::<String>(7)?,
                &r.get::<String>(8)?,
                &r.get::<String>(9)?,
            );
            if prev != expected_prev || computed != hash {
                broken = Some(id);
            }
            expected_prev = hash;
            checked += 1;
            Ok(())
        },
    )?;
    Ok(match broken {
        Some(id) => Check {
            name: "hash_chain",
            ok: false,
            detail: format!("transfer {id} does not match its hash: the ledger was edited outside souq"),
        },
        None => Check { name: "hash_chain", ok: true, detail: format!("{checked} transfers chained") },
    })
}

/// Escrow holds exactly the open (active, delivered, disputed) orders' money.
fn escrow_matches_open_orders(db: &Db) -> Result<Check> {
    violations(
        db,
        "escrow_matches_open_orders",
        "SELECT 'escrow holds ' || e.balance || ' but open orders are worth ' || o.gross
         FROM (SELECT CAST(coalesce(sum(balance), 0) AS BIGINT) AS balance FROM accounts WHERE kind = 'escrow') e,
              (SELECT CAST(coalesce(sum(gross_cents), 0) AS BIGINT) AS gross FROM orders
               WHERE status IN ('active', 'delivered', 'disputed')) o
         WHERE e.balance <> o.gross",
        "escrow equals the gross of active, delivered and disputed orders".into(),
    )
}

/// Each seller's pending balance is exactly their completed, not yet cleared earnings.
fn pending_matches_uncleared(db: &Db) -> Result<Check> {
    violations(
        db,
        "pending_matches_uncleared",
        "SELECT u.username || ' has ' || coalesce(a.balance, 0) || ' pending but '
                || coalesce(o.net, 0) || ' in uncleared earnings'
         FROM users u
         LEFT JOIN accounts a ON a.user_id = u.id AND a.kind = 'pending'
         LEFT JOIN (SELECT seller_id, CAST(sum(net_cents) AS BIGINT) AS net FROM orders
                    WHERE status = 'completed' AND cleared_at IS NULL GROUP BY seller_id) o
                ON o.seller_id = u.id
         WHERE coalesce(a.balance, 0) <> coalesce(o.net, 0)
         ORDER BY u.id",
        "every pending balance equals its completed, uncleared orders".into(),
    )
}

/// The payouts_in_flight account holds exactly the money of the items still in flight.
fn in_flight_matches_open_items(db: &Db) -> Result<Check> {
    violations(
        db,
        "payouts_in_flight",
        "SELECT 'payouts_in_flight holds ' || f.balance || ' but open payout items sum to ' || o.total
         FROM (SELECT coalesce((SELECT balance FROM accounts WHERE name = 'payouts_in_flight'), 0) AS balance) f,
              (SELECT CAST(coalesce(sum(amount_cents), 0) AS BIGINT) AS total FROM payout_items
               WHERE status IN ('in_flight', 'pending')) o
         WHERE f.balance <> o.total",
        "payouts_in_flight equals the open payout items".into(),
    )
}

/// Every item was sent once, resolved (paid or returned) at most once, reversed only after
/// being paid, and its status says what its transfers did.
fn items_resolved_at_most_once(db: &Db) -> Result<Check> {
    violations(
        db,
        "payout_items_resolved_once",
        "SELECT 'payout item ' || i.id || ' (' || i.status || ') has ' || t.sent || ' send, ' || t.paid
                || ' paid, ' || t.returned || ' return and ' || t.reversed || ' reverse transfers'
         FROM payout_items i
         LEFT JOIN (SELECT payout_item_id,
                           count(CASE WHEN kind = 'payout_send' THEN 1 END) AS sent,
                           count(CASE WHEN kind = 'payout_paid' THEN 1 END) AS paid,
                           count(CASE WHEN kind = 'payout_return' THEN 1 END) AS returned,
                           count(CASE WHEN kind = 'payout_reverse' THEN 1 END) AS reversed
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
fn pending_gigs_are_queued(db: &Db) -> Result<Check> {
    violations(
        db,
        "pending_gigs_are_queued",
        "SELECT 'gig ' || g.id || ' is pending_review with no open flag' FROM gigs g
         WHERE g.status = 'pending_review'
           AND NOT EXISTS (SELECT 1 FROM moderation_flags f
                           WHERE f.entity = 'gig' AND f.entity_id = g.id AND f.status = 'open')",
        "every gig waiting for review is in the queue".into(),
    )
}

/// the index holds exactly one row per gig (a write that bypassed souq's triggers, or
/// an import that failed to index, shows up here). The index is FTS5's gigs_fts on SQLite and
/// the gig_search table on PostgreSQL.
fn index_matches_gigs(db: &Db) -> Result<Check> {
    let gigs = count(db, "SELECT count(*) FROM gigs")?;
    let sql = match db.engine() {
        Engine::Sqlite => {
            "SELECT 'gig ' || id || ' is missing from the search index' FROM gigs
             WHERE id NOT IN (SELECT rowid FROM gigs_fts)
             UNION ALL
             SELECT 'search index row ' || rowid || ' has no gig' FROM gigs_fts
             WHERE rowid NOT IN (SELECT id FROM gigs)"
        }
        Engine::Postgres => {
            "SELECT 'gig ' || id || ' is missing from the search index' FROM gigs
             WHERE id NOT IN (SELECT gig_id FROM gig_search)
             UNION ALL
             SELECT 'search index row ' || gig_id || ' has no gig' FROM gig_search
             WHERE gig_id NOT IN (SELECT id FROM gigs)"
        }
    };
    violations(db, "search_index_matches_gigs", sql, format!("{gigs} gigs indexed"))
}

/// an order is disputed exactly while it has an open dispute, and a
/// resolved dispute records the refund its order was settled with.
fn disputes_match_orders(db: &Db) -> Result<Check> {
    violations(
        db,
        "disputes_match_orders",
        "SELECT 'order ' || o.id || ' is disputed with no open dispute' FROM orders o
         WHERE o.status = 'disputed'
           AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.order_id = o.id AND d.status = 'open')
         UNION ALL
         SELECT 'dispute ' || d.id || ' is open but order ' || o.id || ' is ' || o.status
         FROM disputes d JOIN orders o ON o.id = d.order_id
         WHERE d.status = 'open' AND o.status <> 'disputed'
         UNION ALL
         SELECT 'dispute ' || d.id || ' refunded ' || coalesce(CAST(d.refund_cents AS TEXT), 'nothing')
                || ' but order ' || o.id || ' records ' || o.refund_cents
         FROM disputes d JOIN orders o ON o.id = d.order_id
         WHERE d.status = 'resolved' AND d.refund_cents IS DISTINCT FROM o.refund_cents",
        "every disputed order has one open dispute; resolutions match their orders".into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Timestamp;
    use crate::ledger::{post, Account, Movement};
    use crate::money::Money;
    use crate::test_engines::on_each_engine;

    fn failed(db: &Db) -> Vec<Check> {
        run(db).unwrap().checks.into_iter().filter(|c| !c.ok).collect()
    }

    fn names(checks: &[Check]) -> Vec<&'static str> {
        checks.iter().map(|c| c.name).collect()
    }

    /// What an attacker or a careless operator does with the engine's own tools, each in the way
    /// that engine allows: write past the foreign keys, then take the append-only trigger off
    /// and edit a transfer.
    #[test]
    fn every_check_runs_on_either_engine_and_catches_edits_behind_souqs_back() {
        on_each_engine(|store| {
            let now = Timestamp::parse("2026-03-01T10:00:00Z").unwrap();
            store
                .write(|tx| {
                    for (key, cents) in [("k1", 500), ("k2", 700)] {
                        let movement = Movement {
                            from: Account::World("card".into()),
                            to: Account::Revenue,
                            amount: Money::from_cents(cents),
                            kind: "test",
                            order_id: None,
                            payout_item_id: None,
                            idem_key: key.into(),
                        };
                        post(tx, "t", now, &movement)?;
                    }
                    Ok(())
                })
                .unwrap();
            let engine = store.db().engine();
            let report = run(store.db()).unwrap();
            assert!(report.ok, "{:#?}", report.checks);
            assert_eq!(report.checks.len(), CHECKS.len());
            let storage = match engine {
                Engine::Sqlite => "sqlite_integrity",
                Engine::Postgres => "postgres_integrity",
            };
            assert_eq!(report.checks[0].name, storage);

            store
                .db()
                .execute_batch(match engine {
                    Engine::Sqlite => {
                        "PRAGMA foreign_keys = OFF;
                         INSERT INTO accounts (name, user_id, kind) VALUES ('user:99:credit', 99, 'credit');
                         PRAGMA foreign_keys = ON;"
                    }
                    Engine::Postgres => {
                        "SET session_replication_role = replica;
                         INSERT INTO accounts (name, user_id, kind) VALUES ('user:99:credit', 99, 'credit');
                         SET session_replication_role = origin;"
                    }
                })
                .unwrap();
            let broken = failed(store.db());
            assert_eq!(names(&broken), ["foreign_keys"]);
            assert!(broken[0].detail.contains("accounts"), "{}", broken[0].detail);

            store
                .db()
                .execute_batch(match engine {
                    Engine::Sqlite => {
                        "DROP TRIGGER transfers_append_only_update;
                         UPDATE transfers SET amount = amount + 1 WHERE id = 1;"
                    }
                    Engine::Postgres => {
                        "ALTER TABLE transfers DISABLE TRIGGER transfers_append_only_update;
                         UPDATE transfers SET amount = amount + 1 WHERE id = 1;"
                    }
                })
                .unwrap();
            let broken = names(&failed(store.db()));
            let mut expected = vec!["foreign_keys", "cached_balances", "hash_chain"];
            if engine == Engine::Postgres {
                // a trigger that does not fire is the catalog's business there
                expected.insert(0, "postgres_integrity");
            }
            assert_eq!(broken, expected);
        });
    }
}
