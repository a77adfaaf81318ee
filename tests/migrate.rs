//! `souq migrate-to URL`: a SQLite marketplace moved into PostgreSQL keeps every row (the same
//! snapshot on both), passes `audit` there, and goes on working: new ids follow the copied ones,
//! search finds the same gigs. The copying tests need a cluster (SOUQ_TEST_PG) and say so without.

mod common;

use std::path::Path;

use assert_cmd::Command;

const NOW: &str = "2026-03-01T10:00:00Z";

fn souq(db: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut cmd = Command::cargo_bin("souq").unwrap();
    cmd.env("SOUQ_DB", db).env("SOUQ_NOW", NOW).env("USER", "tester").env_remove("SOUQ_USER").env_remove("SOUQ_OUTPUT");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "exit {:?}: {}", out.status.code(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The demo's marketplace, in a SQLite file: users, gigs, orders in every state, disputes,
/// payouts, moderation flags, a ledger with its hash chain.
fn demo(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("market.db");
    stdout(souq(&file).args(["-q", "demo"]));
    file
}

fn ids(json: &str) -> Vec<i64> {
    let hits: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut ids: Vec<i64> = hits.as_array().unwrap().iter().map(|h| h["id"].as_i64().unwrap()).collect();
    ids.sort();
    ids
}

#[test]
fn a_marketplace_moves_to_postgresql_with_every_row_and_keeps_working() {
    let Some(url) = common::pg::fresh_database() else {
        eprintln!("postgres: not run (SOUQ_TEST_PG unset)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let copied = stdout(souq(&file).args(["migrate-to", &url, "-o", "json"]));
    let copied: serde_json::Value = serde_json::from_str(&copied).unwrap();
    assert!(copied.as_array().unwrap().iter().any(|t| t["table"] == "transfers" && t["rows"].as_i64() > Some(0)));

    assert_eq!(common::dump(&url), common::dump(&file), "every row of every table, the same on both");
    stdout(souq(&url).arg("audit"));

    // the copy goes on: new rows get ids after the copied ones, search finds the same gigs
    let users_before = common::connect(&file).query_row("SELECT max(id) FROM users", &[], |r| r.get::<i64>(0)).unwrap();
    let added = stdout(souq(&url).args(["user", "add", "newcomer", "-o", "json"]));
    let added: serde_json::Value = serde_json::from_str(&added).unwrap();
    assert_eq!(added["id"].as_i64(), Some(users_before + 1));
    for words in ["logo", "ترجمة"] {
        let search =
            |db: &dyn AsRef<std::ffi::OsStr>| ids(&stdout(souq(db).args(["gig", "search", words, "-o", "json"])));
        assert_eq!(search(&url), search(&file), "search for {words}");
    }
}

#[test]
fn a_target_that_holds_a_marketplace_is_refused_and_left_as_it_was() {
    let Some(url) = common::pg::fresh_database() else {
        eprintln!("postgres: not run (SOUQ_TEST_PG unset)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    stdout(souq(&file).args(["-q", "migrate-to", &url]));
    stdout(souq(&url).args(["user", "add", "only_on_postgres"]));
    let before = common::dump(&url);
    let out = souq(&file).args(["migrate-to", &url]).output().unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already holds a marketplace"));
    assert_eq!(common::dump(&url), before);
}

#[test]
fn only_a_postgresql_url_is_a_target() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("market.db");
    stdout(souq(&file).args(["init", "--admin", "admin"]));
    let out = souq(&file).args(["migrate-to", "copy.db"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("souq backup"), "names the way to copy a file");
    assert!(!dir.path().join("copy.db").exists());
}

/// The migration's own list of tables and columns is held to the schema: a table or column added
/// to schema.sql and forgotten there fails here (tests/schema_drift.rs holds PostgreSQL's to it).
#[test]
fn the_migration_copies_every_table_and_column_of_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("market.db");
    stdout(souq(&file).args(["init", "--admin", "admin"]));
    let db = common::connect(&file);
    let mut tables: Vec<String> = db
        .query_map(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name NOT LIKE 'gigs_fts%' ORDER BY name",
            &[],
            |r| r.get(0),
        )
        .unwrap();
    let mut listed: Vec<String> = souq::migrate::table_names().iter().map(|t| t.to_string()).collect();
    tables.sort();
    listed.sort();
    assert_eq!(listed, tables);
    for (table, columns) in souq::migrate::table_columns() {
        let schema: Vec<String> = db
            .query_map("SELECT name FROM pragma_table_info(?1) ORDER BY cid", rusqlite::params![table], |r| r.get(0))
            .unwrap();
        assert_eq!(columns, schema, "{table}: the columns migrate-to copies");
    }
}
