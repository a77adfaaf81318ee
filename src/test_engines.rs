//! Library tests on both engines: a fresh SQLite file always, and a fresh PostgreSQL database
//! when SOUQ_TEST_PG names a cluster (a libpq URL where the test may CREATE DATABASE).

use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use crate::store::{Location, Missing, Store};

/// Runs `test` on a new marketplace on each engine there is; says so when PostgreSQL is not.
pub(crate) fn on_each_engine(mut test: impl FnMut(&mut Store)) {
    let dir = tempfile::tempdir().unwrap();
    let mut sqlite = Store::open(dir.path().join("t.db"), Missing::Create, Duration::from_secs(1)).unwrap();
    eprintln!("on SQLite:");
    test(&mut sqlite);
    match std::env::var("SOUQ_TEST_PG").ok().filter(|url| !url.is_empty()) {
        Some(cluster) => {
            let url = fresh_database(&cluster);
            let location = Location::parse(std::ffi::OsStr::new(&url));
            let mut postgres = Store::open(location, Missing::Create, Duration::from_secs(5)).unwrap();
            eprintln!("on PostgreSQL ({url}):");
            test(&mut postgres);
        }
        None => println!("SOUQ_TEST_PG is not set: this test did not run on PostgreSQL"),
    }
}

/// A new, empty database in the cluster, as a URL: the cluster's own, its database named
/// again in the query (which the URL parser applies after the path).
fn fresh_database(cluster: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    // process id and counter: unique in this run; the random part: across runs on one cluster
    let random = RandomState::new().hash_one(std::time::SystemTime::now()) as u32;
    let name = format!("souq_unit_{}_{}_{random:08x}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
    let mut client = postgres::Client::connect(cluster, postgres::NoTls)
        .unwrap_or_else(|e| panic!("SOUQ_TEST_PG={cluster}: cannot connect: {e}"));
    // the name is made of letters, digits and underscores only: no quoting needed
    client.batch_execute(&format!("CREATE DATABASE {name} TEMPLATE template0")).unwrap();
    let separator = if cluster.contains('?') { '&' } else { '?' };
    format!("{cluster}{separator}dbname={name}")
}
