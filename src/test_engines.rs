//! Unit tests' view of both engines: the same work on a fresh SQLite store and, when
//! SOUQ_TEST_PG names a throwaway PostgreSQL cluster (a libpq URL), on a fresh schema there;
//! what each gives must be the same.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use rusqlite::params;
use serde_json::Value;

use crate::db::{Db, PgSession};
use crate::store::{Missing, Store, PG_MIGRATIONS};

/// Runs `work` on SQLite, then on PostgreSQL when SOUQ_TEST_PG is set, and checks both gave the
/// same; SQLite's answer, for the test's own checks.
pub fn on_each(work: impl Fn(&Db) -> Value) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("t.db"), Missing::Create, Duration::from_secs(5)).unwrap();
    let on_sqlite = work(store.db());
    match postgres() {
        Some((db, schema)) => {
            let on_postgres = work(&db);
            db.execute_batch(&format!("DROP SCHEMA {schema} CASCADE")).unwrap();
            assert_eq!(on_postgres, on_sqlite, "PostgreSQL (left) and SQLite (right) differ");
        }
        None => eprintln!("SOUQ_TEST_PG is unset: the PostgreSQL half of this test was skipped"),
    }
    on_sqlite
}

/// A connection to SOUQ_TEST_PG's cluster whose search path is a new schema holding souq's
/// tables, and the schema's name.
fn postgres() -> Option<(Db, String)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let url = std::env::var("SOUQ_TEST_PG").ok().filter(|url| !url.is_empty())?;
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("SOUQ_TEST_PG: cannot connect");
    // unique among this run's tests (the counter) and across runs on one cluster (the time)
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    let schema = format!("souq_unit_{}_{}_{nanos}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
    client.batch_execute(&format!("CREATE SCHEMA {schema}; SET search_path = {schema}")).unwrap();
    let db = Db::Postgres(Box::new(PgSession::new(client)));
    for migration in PG_MIGRATIONS {
        db.execute_batch(migration).unwrap();
    }
    Some((db, schema))
}

/// A small marketplace written directly (the users and gigs modules have their own tests):
/// admin (1), layla (2, a seller) and noura (3, a buyer); layla's gig 1 with extras 1 and 2;
/// and noura's orders: 1 (both extras, completed on 2026-03-02), 2 (cancelled on 2026-03-09),
/// 3 (active, due 2026-03-05).
pub fn seed(db: &Db) {
    let at = "2026-03-01T10:00:00Z";
    for (name, is_admin) in [("admin", 1), ("layla", 0), ("noura", 0)] {
        db.execute(
            "INSERT INTO users (username, username_key, is_admin, created_at) VALUES (?1, ?1, ?2, ?3)",
            params![name, is_admin, at],
        )
        .unwrap();
    }
    db.execute(
        "INSERT INTO gigs (seller_id, sku, title, price_cents, delivery_days, created_at, updated_at)
         VALUES (2, 'logo', 'Logo', 2000, 2, ?1, ?1)",
        params![at],
    )
    .unwrap();
    for (position, title, price) in [(1, "Express", 1000), (2, "Source files", 500)] {
        db.execute(
            "INSERT INTO gig_extras (gig_id, position, title, price_cents, extra_days) VALUES (1, ?1, ?2, ?3, 0)",
            params![position, title, price],
        )
        .unwrap();
    }
    let orders = [
        ("completed", 3500, Some("2026-03-02T09:00:00Z"), None),
        ("cancelled", 2000, None, Some("2026-03-09T09:00:00Z")),
        ("active", 2000, None, None),
    ];
    for (status, gross, completed_at, cancelled_at) in orders {
        db.execute(
            "INSERT INTO orders (gig_id, buyer_id, seller_id, status, quantity, unit_price_cents, gross_cents,
                                 commission_bps, fee_cents, net_cents, refund_cents, placed_at, due_at,
                                 completed_at, cancelled_at)
             VALUES (1, 3, 2, ?1, 1, ?2, ?2, 2000, ?3, ?4, ?5, ?6, '2026-03-05T10:00:00Z', ?7, ?8)",
            params![
                status,
                gross,
                if status == "completed" { gross / 5 } else { 0 },
                if status == "completed" { gross - gross / 5 } else { 0 },
                if status == "cancelled" { gross } else { 0 },
                at,
                completed_at,
                cancelled_at
            ],
        )
        .unwrap();
    }
    // inserted out of id order: the order's extras must still read back in id order
    for (extra_id, title, price) in [(2, "Source files", 500), (1, "Express", 1000)] {
        db.execute(
            "INSERT INTO order_extras (order_id, extra_id, title, price_cents, extra_days) VALUES (1, ?1, ?2, ?3, 0)",
            params![extra_id, title, price],
        )
        .unwrap();
    }
}
