//! Unit tests' PostgreSQL: a fresh souq database in the cluster SOUQ_TEST_PG names (a libpq URL
//! of a database on a cluster where the test may CREATE DATABASE), or None when it is unset.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use crate::store::{Location, Missing, Store};

/// A store on a new, empty database with souq's schema; None (after saying so on stdout, which
/// the test runner shows) when SOUQ_TEST_PG is not set.
pub fn fresh_store(test: &str) -> Option<Store> {
    let Some(cluster) = std::env::var("SOUQ_TEST_PG").ok().filter(|url| !url.is_empty()) else {
        println!("{test}: SOUQ_TEST_PG is not set; the PostgreSQL half of this test did not run");
        return None;
    };
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = format!("souq_unit_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
    let mut client = postgres::Client::connect(&cluster, postgres::NoTls).expect("SOUQ_TEST_PG: cannot connect");
    // the name is ours (letters, digits, underscores): no quoting needed
    // (a process id comes back in a later run: its database is left from that run)
    client.batch_execute(&format!("DROP DATABASE IF EXISTS {name}")).unwrap();
    client.batch_execute(&format!("CREATE DATABASE {name} TEMPLATE template0")).unwrap();
    let url = with_database(&cluster, &name);
    Some(Store::open(Location::Postgres(url), Missing::Create, Duration::from_secs(5)).unwrap())
}

/// The cluster's URL with another database (its path), keeping user, host and options.
fn with_database(cluster: &str, database: &str) -> String {
    let (scheme, rest) = cluster.split_once("://").expect("SOUQ_TEST_PG: a postgresql:// URL");
    let query = rest.find('?').unwrap_or(rest.len());
    let path = rest[..query].find('/').unwrap_or(query);
    format!("{scheme}://{}/{database}{}", &rest[..path], &rest[query..])
}
