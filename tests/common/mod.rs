//! Shared test fixtures: a fresh marketplace database per test, and the binary run against it.
#![allow(dead_code)] // each test file uses a different part of this module

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The moment every test starts at, unless it moves the clock.
pub const T0: &str = "2026-03-01T10:00:00Z";

/// A fresh database in its own folder, and the clock the next command runs at.
pub struct Market {
    pub dir: TempDir,
    pub db: PathBuf,
    pub now: String,
}

impl Market {
    /// An initialised database with the admin `admin` and nobody else.
    pub fn new() -> Market {
        let market = Market::empty();
        market.ok(&["init", "--admin", "admin"]);
        market
    }

    /// A folder with no database in it yet.
    pub fn empty() -> Market {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("souq.db");
        Market { dir, db, now: T0.to_string() }
    }

    /// `new`, plus the seller `layla` with one active gig (id 1, 20.00, 3 days, one extra
    /// "Express=10+0d" with id 1) and the buyer `noura`.
    pub fn with_gig() -> Market {
        let market = Market::new();
        market.ok(&["user", "add", "layla", "--email", "layla@example.com"]);
        market.ok(&["user", "add", "noura", "--email", "noura@example.com"]);
        market.ok(&[
            "gig",
            "create",
            "--as",
            "layla",
            "--title",
            "ترجمة احترافية",
            "--price",
            "20",
            "--days",
            "3",
            "--category",
            "translation",
            "--extra",
            "Express=10+0d",
        ]);
        market
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Moves the clock for the commands that follow.
    pub fn set_now(&mut self, rfc3339: &str) {
        self.now = rfc3339.to_string();
    }

    /// The souq binary against this database, with a clean environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("souq").unwrap();
        cmd.current_dir(self.dir.path())
            .env_remove("SOUQ_USER")
            .env_remove("SOUQ_OUTPUT")
            .env_remove("SOUQ_BUSY_TIMEOUT_MS")
            .env("SOUQ_DB", &self.db)
            .env("SOUQ_NOW", &self.now)
            .env("USER", "tester")
            .env("NO_COLOR", "1");
        cmd
    }

    /// Runs and expects exit 0; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "souq {args:?} failed with {:?}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs with `-o json`, expects exit 0, and parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.extend(["-o", "json"]);
        let stdout = self.ok(&all);
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("souq {args:?}: not JSON ({e}): {stdout}"))
    }

    /// Runs, expects exit `code`, and returns stderr (which must be one `error:` line, plus
    /// an optional `hint:` line).
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(code), "souq {args:?}: expected exit {code}\nstderr: {stderr}");
        assert!(stderr.starts_with("error: "), "souq {args:?}: stderr does not start with 'error: ': {stderr}");
        stderr
    }

    /// The database file's bytes plus every row of every table: equal snapshots mean a
    /// failed command left the database exactly as it was.
    pub fn snapshot(&self) -> String {
        dump(&self.db)
    }
}

/// Every table's rows, in rowid order, as text (through the sqlite3 crate, not the binary).
pub fn dump(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.retain(|t| !t.contains("_fts")); // FTS shadow tables mirror gigs
    let mut out = String::new();
    for table in tables {
        out.push_str(&format!("== {table}\n"));
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..columns).map(|i| format!("{:?}", row.get_ref(i).unwrap())).collect();
            out.push_str(&cells.join("|"));
            out.push('\n');
        }
    }
    out
}

impl Market {
    /// The events of one kind, as JSON (moderation and automation tests).
    pub fn events_of(&self, kind: &str) -> Vec<Value> {
        let out = self.ok(&["events", "--kind", kind, "-o", "json"]);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("events: not JSON ({e}): {out}"))
    }

    /// `snapshot` without the event log: for commands that are refused yet record the refusal.
    pub fn snapshot_without_events(&self) -> String {
        let dump = self.snapshot();
        let start = dump.find("== events\n").unwrap();
        let end = dump[start + 1..].find("\n== ").map_or(dump.len(), |i| start + 1 + i + 1);
        format!("{}{}", &dump[..start], &dump[end..])
    }
}
