//! Unit-test support: a fresh marketplace on every engine at hand, so one test body checks the
//! same SQL on both — a SQLite file always, and a PostgreSQL database when SOUQ_TEST_PG names a
//! cluster where tests may create databases (a libpq URL, `postgresql://...`).

use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use crate::db::Engine;
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

#[test]
fn a_cluster_url_gets_the_new_database() {
    assert_eq!(with_database("postgresql://u@/postgres?host=/tmp/s", "d1"), "postgresql://u@/d1?host=/tmp/s");
    assert_eq!(with_database("postgres://u:p@h:5432", "d1"), "postgres://u:p@h:5432/d1");
}
