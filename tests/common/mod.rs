//! Shared test fixtures: a fresh marketplace database per test — a SQLite file, or a PostgreSQL
//! database when SOUQ_TEST_PG names a throwaway cluster (scripts/test.sh) — and the binary run
//! against it. Tests read and edit the database through the helpers here, which run the same SQL
//! on both engines.
#![allow(dead_code)] // each test file uses a different part of this module

pub mod pg;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use souq::db::{Db, Engine, PgSession, Row};
use souq::store::{Location, Missing};
use tempfile::TempDir;

/// The moment every test starts at, unless it moves the clock.
pub const T0: &str = "2026-03-01T10:00:00Z";

/// A fresh database and a folder for the files a test writes, and the clock the next command
/// runs at.
pub struct Market {
    pub dir: TempDir,
    /// What SOUQ_DB is set to: the SQLite file's path, or the PostgreSQL database's URL.
    pub db: String,
    pub now: String,
}

impl Market {
    /// An initialised database with the admin `admin` and nobody else.
    pub fn new() -> Market {
        let market = Market::empty();
        market.ok(&["init", "--admin", "admin"]);
        market
    }

    /// No souq database yet: a path where no file is (SQLite), or a new empty database
    /// (PostgreSQL, when SOUQ_TEST_PG is set and the test is not one of the SQLite-only ones).
    pub fn empty() -> Market {
        let dir = tempfile::tempdir().unwrap();
        let url = if in_a_sqlite_only_test() { None } else { pg::fresh_database() };
        let db = url.unwrap_or_else(|| dir.path().join("souq.db").to_str().expect("a UTF-8 temp folder").to_string());
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

    /// Where the database is, as souq reads SOUQ_DB.
    pub fn location(&self) -> Location {
        Location::parse(OsStr::new(&self.db))
    }

    pub fn engine(&self) -> Engine {
        match self.location() {
            Location::File(_) => Engine::Sqlite,
            Location::Postgres(_) => Engine::Postgres,
        }
    }

    /// The SQLite file, for the tests about the file itself (their path says `sqlite_only`,
    /// which gives them a file whatever SOUQ_TEST_PG says).
    pub fn sqlite_file(&self) -> &Path {
        match self.engine() {
            Engine::Sqlite => Path::new(&self.db),
            Engine::Postgres => {
                panic!("a SQLite-only test got a PostgreSQL database: put it in a `sqlite_only` module")
            }
        }
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

    /// `user add layla` started in the background with a minute's busy timeout: a writer that
    /// waits for whatever lock is held, and writes once it is let go.
    pub fn spawn_waiting_writer(&self) -> std::process::Child {
        self.std_cmd()
            .env("SOUQ_BUSY_TIMEOUT_MS", "60000")
            .args(["user", "add", "layla"])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap()
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

    /// Every row of every table: equal snapshots mean a failed command left the database
    /// exactly as it was.
    pub fn snapshot(&self) -> String {
        dump(&self.db)
    }
}

/// Whether the running test is a SQLite-only one: libtest runs each test on a thread named
/// after its path, and those tests have `sqlite_only` in it (scripts/test.sh leaves them out of
/// the PostgreSQL run by that name).
fn in_a_sqlite_only_test() -> bool {
    std::thread::current().name().is_some_and(|name| name.contains("sqlite_only"))
}

/// A plain connection to `location` (a path or a URL, as SOUQ_DB takes), without souq's
/// checks and migrations: it may hold no souq schema, another application's, or a newer one.
/// On SQLite it lacks souq's SQL functions, so writes that fire the search triggers go through
/// [`Market::store`] instead.
pub fn connect(location: impl AsRef<OsStr>) -> Db {
    match Location::parse(location.as_ref()) {
        Location::File(path) => Db::Sqlite(rusqlite::Connection::open(path).unwrap()),
        Location::Postgres(url) => {
            let client = postgres::Client::connect(&url, postgres::NoTls)
                .unwrap_or_else(|e| panic!("cannot connect to the test database {url}: {e}"));
            Db::Postgres(Box::new(PgSession::new(client)))
        }
    }
}

/// Every table's rows as text, through a connection of the test's own (not the binary). Each
/// table's rows are sorted as text: the order rows come back in is the engine's business
/// (PostgreSQL's moves when a row is rewritten), what they hold is the test's.
pub fn dump(location: impl AsRef<OsStr>) -> String {
    let db = connect(location);
    let mut out = String::new();
    for table in tables(&db).iter().filter(|t| !left_out_of_snapshots(t)) {
        out.push_str(&format!("== {table}\n"));
        // names come from the catalog; quoted as identifiers (the same syntax on both engines)
        let select = format!("SELECT * FROM \"{}\"", table.replace('"', "\"\""));
        let mut rows = db.query_map(&select, &[], |row| Ok(cells(row).join("|"))).unwrap();
        rows.sort();
        for row in rows {
            out.push_str(&row);
            out.push('\n');
        }
    }
    out
}

/// The names of the tables in the database (the current schema on PostgreSQL), sorted.
fn tables(db: &Db) -> Vec<String> {
    let sql = match db.engine() {
        Engine::Sqlite => {
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        Engine::Postgres => "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
    };
    db.query_map(sql, &[], |r| r.get(0)).unwrap()
}

/// The search index mirrors gigs, in each engine's own form (FTS5's tables, PostgreSQL's
/// gig_search), and SQLite keeps its schema version outside any table.
fn left_out_of_snapshots(table: &str) -> bool {
    table.starts_with("gigs_fts") || table == "gig_search" || table == "souq_schema_version"
}

/// Every column of `row`, each as its value's debug text (`Integer(3)`, `Text("...")`).
fn cells(row: &Row) -> Vec<String> {
    let columns = match row {
        Row::Sqlite(row) => row.as_ref().column_count(),
        Row::Postgres(row) => row.len(),
    };
    (0..columns).map(|i| format!("{:?}", row.get::<rusqlite::types::Value>(i).unwrap())).collect()
}

/// Reading and editing the database directly, the same SQL on both engines.
impl Market {
    /// A plain connection to this market's database: see [`connect`].
    pub fn connect(&self) -> Db {
        connect(&self.db)
    }

    /// The marketplace opened through souq itself: its checks, and on SQLite its SQL functions
    /// (the search index's triggers call them).
    pub fn store(&self) -> souq::Store {
        souq::Store::open(self.location(), Missing::Refuse, Duration::from_secs(5)).unwrap()
    }

    /// The one integer `sql` gives (`?1`-style parameters), read directly.
    pub fn query_i64(&self, sql: &str, params: souq::db::Params) -> i64 {
        self.connect().query_row(sql, params, |r| r.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Runs `sql` (statements without parameters) straight on the database, behind souq's back:
    /// how a test makes what souq itself would never write.
    pub fn run_sql(&self, sql: &str) {
        self.connect().execute_batch(sql).unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Whether nothing has been made here yet: no file (SQLite), no table (PostgreSQL).
    pub fn is_blank(&self) -> bool {
        match self.location() {
            Location::File(path) => !path.exists(),
            Location::Postgres(_) => tables(&self.connect()).is_empty(),
        }
    }

    /// Takes the marketplace's write lock from a session of the test's own, as another process
    /// or host would, until [`WriteLock::release`].
    pub fn hold_write_lock(&self) -> WriteLock {
        match self.location() {
            Location::File(path) => {
                let conn = rusqlite::Connection::open(path).unwrap();
                conn.execute_batch("BEGIN IMMEDIATE").unwrap();
                WriteLock::Sqlite(conn)
            }
            Location::Postgres(url) => {
                let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
                // a session lock: it conflicts with the transaction lock every writer takes first
                client.execute("SELECT pg_advisory_lock($1)", &[&souq::store::PG_WRITE_LOCK]).unwrap();
                WriteLock::Postgres(client)
            }
        }
    }
}

/// The marketplace's write lock, held by the test: a SQLite connection in `BEGIN IMMEDIATE`,
/// or a PostgreSQL session holding souq's advisory lock.
pub enum WriteLock {
    Sqlite(rusqlite::Connection),
    Postgres(postgres::Client),
}

impl WriteLock {
    /// Lets the writers waiting for it in, having written nothing.
    pub fn release(self) {
        match self {
            WriteLock::Sqlite(conn) => conn.execute_batch("ROLLBACK").unwrap(),
            WriteLock::Postgres(mut client) => {
                client.execute("SELECT pg_advisory_unlock($1)", &[&souq::store::PG_WRITE_LOCK]).unwrap();
            }
        }
    }
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
        self.query_i64("SELECT coalesce(max(balance), 0) FROM accounts WHERE name = ?1", rusqlite::params![account])
    }

    /// `wallet show USER` as JSON, read by an admin.
    pub fn wallet(&self, user: &str) -> Value {
        self.json(&["wallet", "show", user, "--as", "admin"])
    }

    /// Money is conserved: what came in through deposits (the world accounts' negative
    /// balances) equals every user and platform balance together.
    pub fn assert_money_conserved(&self) {
        let (inside, outside): (i64, i64) = self
            .connect()
            .query_row(
                "SELECT CAST(coalesce(sum(CASE WHEN kind <> 'world' THEN balance END), 0) AS BIGINT),
                        CAST(coalesce(-sum(CASE WHEN kind = 'world' THEN balance END), 0) AS BIGINT) FROM accounts",
                &[],
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
        let mut store = self.store();
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
