//! Shared test fixtures: a fresh marketplace database per test, and the binary run against it.
#![allow(dead_code)] // each test file uses a different part of this module

pub mod pg;

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
        Command::from_std(self.std_cmd())
    }

    /// `cmd` as a std Command, for tests that spawn and talk to the process.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("souq"));
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
    /// `with_gig`, plus 100.00 in noura's credit (deposit paypal ref "dep-noura").
    pub fn funded() -> Market {
        let market = Market::with_gig();
        market.ok(&["wallet", "deposit", "noura", "100", "--method", "paypal", "--ref", "dep-noura", "--as", "admin"]);
        market
    }

    /// `funded`, plus order 1: noura orders gig 1 (20.00, due in 3 days), paid from credit.
    pub fn with_order() -> Market {
        let market = Market::funded();
        market.ok(&["order", "place", "1", "--as", "noura"]);
        market
    }

    /// The balance of one ledger account by name ("escrow", "user:3:credit"), read directly.
    pub fn balance(&self, account: &str) -> i64 {
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        conn.query_row("SELECT coalesce(max(balance), 0) FROM accounts WHERE name = ?1", [account], |r| r.get(0))
            .unwrap()
    }

    /// `wallet show USER` as JSON, read by an admin.
    pub fn wallet(&self, user: &str) -> Value {
        self.json(&["wallet", "show", user, "--as", "admin"])
    }

    /// Money is conserved: what came in through deposits (the world accounts' negative
    /// balances) equals every user and platform balance together.
    pub fn assert_money_conserved(&self) {
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        let (inside, outside): (i64, i64) = conn
            .query_row(
                "SELECT coalesce(sum(CASE WHEN kind <> 'world' THEN balance END), 0),
                        coalesce(-sum(CASE WHEN kind = 'world' THEN balance END), 0) FROM accounts",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(inside, outside, "money inside the marketplace differs from what came in");
        self.ok(&["audit"]);
    }
}

/// Payouts: sellers with cleared money, made through the library (users::add, users::set_payout
/// and ledger::post from `world:test`), for the bulk cases the order flow would take minutes to
/// build (5,001 sellers). Each name gets `method`/`account` and `available` cents in one transaction.
impl Market {
    pub fn sellers_with_available(&self, sellers: &[(&str, &str, &str, i64)]) {
        use souq::ledger::{self, Account, Bucket, Movement};
        use souq::payouts::PayoutMethod;
        let mut store =
            souq::Store::open(&self.db, souq::store::Missing::Refuse, std::time::Duration::from_secs(5)).unwrap();
        let session = souq::Session {
            actor: Some("admin".into()),
            os_user: "tester".into(),
            now: souq::Timestamp::parse(&self.now).unwrap(),
        };
        store
            .write(|tx| {
                for (name, method, account, cents) in sellers {
                    let user = match souq::users::find(tx, name)? {
                        Some(user) => user,
                        None => souq::users::add(
                            tx,
                            &session,
                            &souq::users::NewUser { username: name, email: None, is_admin: false },
                        )?,
                    };
                    souq::users::set_payout(tx, &session, name, PayoutMethod::parse(method)?, account)?;
                    let movement = Movement {
                        from: Account::World("test".into()),
                        to: Account::User(user.id, Bucket::Available),
                        amount: souq::Money::from_cents(*cents),
                        kind: "test_earnings",
                        order_id: None,
                        payout_item_id: None,
                        idem_key: format!(
                            "test:{name}:{cents}:{}",
                            ledger::balance(tx, &Account::World("test".into()))?
                        ),
                    };
                    ledger::post(tx, "admin", session.now, &movement)?;
                }
                Ok(())
            })
            .unwrap();
    }
}

impl Market {
    /// Runs souq under `script` (util-linux), which gives it a pseudo-terminal as a person at a
    /// shell would have, typing `input`; expects exit 0 and returns what the terminal showed.
    /// `args` are joined with spaces into a shell command, so none may need quoting.
    pub fn on_a_terminal(&self, args: &[&str], input: &[u8]) -> String {
        self.on_a_terminal_of(160, args, input)
    }

    /// `on_a_terminal` on a terminal `columns` cells wide.
    pub fn on_a_terminal_of(&self, columns: u16, args: &[&str], input: &[u8]) -> String {
        let (code, screen) = self.terminal_session(columns, args, input);
        assert_eq!(code, Some(0), "souq {args:?} on a terminal failed:\n{screen}");
        screen
    }

    /// `on_a_terminal_of` whatever the exit: the exit code and what the terminal showed.
    pub fn terminal_session(&self, columns: u16, args: &[&str], input: &[u8]) -> (Option<i32>, String) {
        let souq = assert_cmd::cargo::cargo_bin("souq");
        // a pseudo-terminal starts 0 columns wide; give it a person's width for tables
        let command = format!("stty cols {columns} rows 40; {} {}", souq.display(), args.join(" "));
        let output = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .envs(self.std_cmd().get_envs().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned()))))
            .current_dir(self.dir.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take().unwrap().write_all(input)?;
                child.wait_with_output()
            })
            .unwrap();
        (output.status.code(), String::from_utf8_lossy(&output.stdout).to_string())
    }

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

impl Market {
    /// `with_order` plus the user `omar`, who is neither its buyer nor its seller.
    pub fn with_outsider() -> Market {
        let market = Market::with_order();
        market.ok(&["user", "add", "omar"]);
        market
    }
}
