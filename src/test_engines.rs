//! Unit-test support: a fresh marketplace on every engine at hand, so one test body checks the
//! same SQL on both — a SQLite file always, and a PostgreSQL database when SOUQ_TEST_PG names a
//! cluster where tests may create databases (a libpq URL, `postgresql://...`).

use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use rusqlite::params;
use serde_json::Value;

use crate::db::{Db, Engine};
use crate::store::{Location, Missing, Store};

const CLUSTER: &str = "SOUQ_TEST_PG";

/// A new, migrated marketplace; a SQLite file lives as long as this does.
pub struct Fresh {
    pub store: Store,
    _dir: Option<tempfile::TempDir>,
}

impl Fresh {
    pub fn engine(&self) -> Engine {
        self.store.db().engine()
    }
}

/// A fresh marketplace on SQLite, then one on PostgreSQL when SOUQ_TEST_PG is set. Without it,
/// says so on stderr (shown with --nocapture and for failures): never a silent pass.
pub fn fresh_stores(test: &str) -> Vec<Fresh> {
    let open = |location: Location, dir| Fresh {
        store: Store::open(location, Missing::Create, Duration::from_secs(5)).expect("a fresh marketplace"),
        _dir: dir,
    };
    let dir = tempfile::tempdir().unwrap();
    let mut stores = vec![open(Location::File(dir.path().join("souq.db")), Some(dir))];
    match std::env::var(CLUSTER).ok().filter(|url| !url.is_empty()) {
        Some(cluster) => stores.push(open(Location::Postgres(fresh_database(&cluster)), None)),
        None => eprintln!("{test}: {CLUSTER} is not set; the PostgreSQL half did not run"),
    }
    stores
}

/// A new database in `cluster`, by URL.
fn fresh_database(cluster: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    // unique within a run (process, counter) and across runs on one cluster (the random part)
    let random = RandomState::new().hash_one(std::time::SystemTime::now()) as u32;
    let name = format!("souq_unit_{}_{}_{random:08x}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
    let mut client = postgres::Client::connect(cluster, postgres::NoTls)
        .unwrap_or_else(|e| panic!("{CLUSTER}={cluster}: cannot connect: {e}"));
    // CREATE DATABASE takes no parameters; the name is made above of [a-z0-9_] only
    client.batch_execute(&format!("CREATE DATABASE {name} TEMPLATE template0")).unwrap();
    with_database(cluster, &name)
}

/// `cluster` with its database (the URL's path) replaced, keeping user, host and query.
fn with_database(cluster: &str, database: &str) -> String {
    let scheme_end = cluster.find("://").map(|at| at + 3).expect("SOUQ_TEST_PG is a postgresql:// URL");
    let rest = &cluster[scheme_end..];
    let query_start = rest.find('?').unwrap_or(rest.len());
    let path_start = rest[..query_start].find('/').unwrap_or(query_start);
    format!("{}{}/{database}{}", &cluster[..scheme_end], &rest[..path_start], &rest[query_start..])
}

/// Runs `test` on a new marketplace on each engine at hand (fresh_stores).
pub fn on_each_engine(mut test: impl FnMut(&mut Store)) {
    for mut fresh in fresh_stores("this test") {
        test(&mut fresh.store);
    }
}

/// Runs `work` on every engine at hand (fresh_stores) and checks they all gave the same;
/// SQLite's answer, for the test's own checks.
pub fn on_each(work: impl Fn(&Db) -> Value) -> Value {
    let answers: Vec<Value> = fresh_stores("this test").iter().map(|fresh| work(fresh.store.db())).collect();
    for other in &answers[1..] {
        assert_eq!(other, &answers[0], "PostgreSQL (left) and SQLite (right) differ");
    }
    answers.into_iter().next().expect("SQLite always runs")
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

#[test]
fn a_cluster_url_gets_the_new_database() {
    assert_eq!(with_database("postgresql://u@/postgres?host=/tmp/s", "d1"), "postgresql://u@/d1?host=/tmp/s");
    assert_eq!(with_database("postgres://u:p@h:5432", "d1"), "postgres://u:p@h:5432/d1");
}
