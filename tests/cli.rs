//! Command-line conventions through the binary: the database's safety (and the SQLite file's),
//! exit codes, output formats, broken pipes, help topics.

mod common;

use std::io::Read;
use std::process::Stdio;

use common::Market;
use souq::db::Engine;

#[test]
fn init_is_idempotent() {
    let market = Market::empty();
    let admin = market.json(&["init", "--admin", "admin"]);
    assert_eq!(admin["username"], "admin");
    assert_eq!(admin["is_admin"], true);
    let before = market.snapshot();
    let again = market.json(&["init", "--admin", "admin"]);
    assert_eq!(again["id"], admin["id"]);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn a_missing_database_is_not_found_and_not_created() {
    let market = Market::empty();
    let stderr = market.fails(3, &["gig", "list"]);
    assert!(stderr.contains("init"), "{stderr}");
    assert!(market.is_blank());
}

#[test]
fn a_foreign_database_is_refused_by_init() {
    let market = Market::empty();
    market.run_sql("CREATE TABLE mine (x BIGINT); INSERT INTO mine VALUES (1);");
    let before = market.snapshot();
    market.fails(6, &["init", "--admin", "admin"]);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn a_database_locked_past_the_timeout_is_exit_7_and_unchanged() {
    let market = Market::new();
    let before = market.snapshot();
    let holder = market.hold_write_lock();
    let out = market.cmd().env("SOUQ_BUSY_TIMEOUT_MS", "50").args(["user", "add", "layla"]).output().unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: the database is busy"));
    holder.release();
    assert_eq!(market.snapshot(), before);
}

#[test]
fn a_writer_waits_the_whole_busy_timeout_then_writes_once_the_lock_is_free() {
    let market = Market::new();
    let holder = market.hold_write_lock();
    let started = std::time::Instant::now();
    let out = market.cmd().env("SOUQ_BUSY_TIMEOUT_MS", "300").args(["user", "add", "layla"]).output().unwrap();
    let waited = started.elapsed();
    assert_eq!(out.status.code(), Some(7), "{}", String::from_utf8_lossy(&out.stderr));
    // the short polls must add up to the deadline, not give up early
    assert!(waited >= std::time::Duration::from_millis(300), "gave up after {waited:?}");
    holder.release();
    market.cmd().env("SOUQ_BUSY_TIMEOUT_MS", "300").args(["user", "add", "layla"]).assert().success();
}

/// A writer that finds the database locked keeps waiting and writes as soon as the lock is
/// released, well before its timeout. The test knows the writer is waiting without guessing at
/// time: on SQLite the kernel shows it asleep in clock_nanosleep (souq's busy handler sleeps
/// nowhere else); on PostgreSQL the server lists its lock request as not granted yet.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
#[test]
fn a_waiting_writer_writes_once_the_lock_is_released() {
    let market = Market::new();
    let mut holder = market.hold_write_lock();
    let mut writer = market.spawn_waiting_writer();
    let syscall = format!("/proc/{}/syscall", writer.id());
    loop {
        assert!(writer.try_wait().unwrap().is_none(), "the writer finished while the lock was held");
        let waiting = match &mut holder {
            common::WriteLock::Sqlite(_) => {
                let now = std::fs::read_to_string(&syscall).unwrap_or_default();
                // nanosleep (35) or clock_nanosleep (230): the busy handler between two tries
                matches!(now.split(' ').next(), Some("35" | "230"))
            }
            common::WriteLock::Postgres(client) => {
                let sql = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
                client.query_one(sql, &[]).unwrap().get::<_, i64>(0) > 0
            }
        };
        if waiting {
            break;
        }
        std::thread::yield_now();
    }
    holder.release();
    assert!(writer.wait().unwrap().success());
    assert_eq!(market.json(&["user", "show", "layla"])["username"], "layla");
}

#[test]
fn a_database_newer_than_the_binary_is_refused() {
    let market = Market::new();
    market.run_sql(match market.engine() {
        Engine::Sqlite => "PRAGMA user_version = 99",
        Engine::Postgres => "UPDATE souq_schema_version SET version = 99",
    });
    let before = market.snapshot();
    let stderr = market.fails(4, &["gig", "list"]);
    assert!(stderr.contains("newer"), "{stderr}");
    assert_eq!(market.snapshot(), before);
}

#[test]
fn usage_errors_are_exit_2() {
    let market = Market::with_gig();
    market.fails(2, &["gig", "pause", "1"]); // no --as
    market.fails(2, &["gig", "list", "--output", "xml"]);
    market.fails(2, &["no-such-command"]);
}

#[test]
fn a_usage_error_is_one_error_line_and_hints() {
    let market = Market::with_gig();
    let stderr = market.fails(2, &["gig", "lst"]);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines[0], "error: unrecognized subcommand 'lst'");
    assert!(lines[1..].iter().all(|l| l.starts_with("hint: ")), "{stderr}");
    assert!(stderr.contains("hint: a similar subcommand exists: 'list'"), "{stderr}");
}

#[test]
fn an_id_that_is_not_a_number_is_invalid_input() {
    let market = Market::with_gig();
    market.fails(6, &["gig", "show", "one"]);
    market.fails(6, &["gig", "list", "--limit", "ten"]);
}

#[test]
fn a_bad_souq_now_is_invalid_input() {
    let market = Market::new();
    let out = market.cmd().env("SOUQ_NOW", "yesterday").args(["gig", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SOUQ_NOW"));
}

#[test]
fn every_output_format_renders_a_list() {
    let market = Market::with_gig();
    let json: serde_json::Value = serde_json::from_str(&market.ok(&["gig", "list", "-o", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(market.ok(&["gig", "list", "--json"]), market.ok(&["gig", "list", "-o", "json"]));
    let jsonl = market.ok(&["gig", "list", "-o", "jsonl"]);
    let line: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(line["price_cents"], 2000);
    let csv = market.ok(&["gig", "list", "-o", "csv"]);
    assert!(csv.starts_with("id,seller,sku,title,"), "{csv}");
    assert!(csv.contains(",2000,"), "money in CSV is integer cents, as in JSON: {csv}");
    let yaml = market.ok(&["gig", "list", "-o", "yaml"]);
    assert!(yaml.contains("price_cents: 2000"), "{yaml}");
    let from_env = market.cmd().env("SOUQ_OUTPUT", "jsonl").args(["gig", "list"]).output().unwrap();
    assert_eq!(String::from_utf8(from_env.stdout).unwrap(), jsonl);
}

#[test]
fn a_table_with_arabic_titles_is_aligned() {
    let market = Market::with_gig();
    market.ok(&["gig", "create", "--as", "layla", "--title", "مُتَرْجِمٌ مُحْتَرِفٌ لِلنُّصُوصِ", "--price", "5", "--days", "1"]);
    market.ok(&["gig", "create", "--as", "layla", "--title", "Logo design", "--price", "7.5", "--days", "2"]);
    let table = market.ok(&["gig", "list"]);
    let widths: Vec<usize> = table.lines().map(unicode_width::UnicodeWidthStr::width).collect();
    assert!(widths.len() >= 5, "{table}");
    assert!(widths.iter().all(|w| *w == widths[0]), "ragged table {widths:?}:\n{table}");
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let market = Market::with_gig();
    let long = "وصف طويل ".repeat(500);
    for _ in 0..12 {
        market.ok(&[
            "gig",
            "create",
            "--as",
            "layla",
            "--title",
            "t",
            "--price",
            "5",
            "--days",
            "1",
            "--description",
            &long,
        ]);
    }
    let mut child = market
        .std_cmd()
        .args(["gig", "list", "-o", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}

/// Every kind of output, written into a pipe whose reader is already gone: each write fails with
/// EPIPE at once, deterministically, and souq must end quietly with exit 0 (never a panic).
#[test]
fn every_output_path_survives_a_closed_pipe() {
    let market = Market::with_gig();
    for args in [
        vec!["gig", "list"],
        vec!["gig", "list", "-o", "json"],
        vec!["audit", "-o", "json"],
        vec!["audit", "-o", "yaml"],
        vec!["config", "export"],
        vec!["moderate", "rules", "export"],
        vec!["help", "environment"],
        vec!["help", "gig"],
        vec!["completions", "bash"],
        vec!["events"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = market.std_cmd().args(&args).stdout(writer).stderr(Stdio::piped()).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "souq {args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "souq {args:?}: {stderr}");
    }
}

#[test]
fn help_topics_list_the_environment_and_exit_codes() {
    let market = Market::empty();
    let env = market.ok(&["help", "environment"]);
    for var in ["SOUQ_DB", "SOUQ_USER", "SOUQ_OUTPUT", "SOUQ_NOW", "NO_COLOR"] {
        assert!(env.contains(var), "{var} missing from:\n{env}");
    }
    let codes = market.ok(&["help", "exit-codes"]);
    for code in 0..=8 {
        assert!(codes.contains(&format!("  {code}  ")), "{code} missing from:\n{codes}");
    }
    assert!(market.ok(&["help", "gig", "create"]).contains("--extra"));
    market.fails(2, &["help", "nonsense"]);
}

#[test]
fn help_text_is_reviewed() {
    let market = Market::empty();
    insta::assert_snapshot!("souq_help", market.ok(&["--help"]));
    insta::assert_snapshot!("gig_create_help", market.ok(&["gig", "create", "--help"]));
}

/// About the SQLite file itself: its mode, its bytes, its folder, and `backup`, which copies it
/// (on PostgreSQL there is no file, and `backup` refuses: pg_dump's job).
mod sqlite_only {
    use std::os::unix::fs::PermissionsExt;

    use super::common::{self, Market};

    /// The file is created owner-only; a PostgreSQL database's access is the server's roles.
    #[test]
    fn init_creates_an_owner_only_database_file() {
        let market = Market::empty();
        market.ok(&["init", "--admin", "admin"]);
        let mode = std::fs::metadata(market.sqlite_file()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    /// A file that is not a SQLite database, and no -wal file made beside it.
    #[test]
    fn a_file_that_is_not_a_database_is_left_byte_for_byte() {
        let market = Market::empty();
        let content = b"sku,title\nnot,a database\n".repeat(100);
        std::fs::write(market.sqlite_file(), &content).unwrap();
        market.fails(6, &["gig", "list"]);
        market.fails(6, &["init"]);
        assert_eq!(std::fs::read(market.sqlite_file()).unwrap(), content);
        assert!(!market.path("souq.db-wal").exists());
    }

    /// File and folder permissions: SQLite needs to write the file and, for its -wal and -shm
    /// files, the folder.
    #[test]
    fn a_read_only_database_or_folder_is_a_clear_error() {
        let market = Market::new();
        let before = market.snapshot();
        std::fs::set_permissions(market.sqlite_file(), std::fs::Permissions::from_mode(0o400)).unwrap();
        let stderr = market.fails(1, &["user", "add", "layla"]);
        assert!(stderr.contains("read-only"), "{stderr}");
        std::fs::set_permissions(market.sqlite_file(), std::fs::Permissions::from_mode(0o600)).unwrap();

        std::fs::set_permissions(market.dir.path(), std::fs::Permissions::from_mode(0o500)).unwrap();
        let stderr = market.fails(1, &["user", "add", "layla"]);
        std::fs::set_permissions(market.dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        assert!(stderr.contains("folder"), "{stderr}");
        assert_eq!(market.snapshot(), before);
    }

    /// souq's writers queue for the write lock on an flock of the database file (src/busy.rs):
    /// one that finds a writer ahead sleeps in flock(2), not in a polling loop, writes as soon as
    /// the writer ahead lets go, and gives up at its busy timeout (exit 7) having written nothing.
    /// The test stands in for the writer ahead by holding that flock itself.
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    #[test]
    fn writers_queue_asleep_behind_a_souq_writer_and_keep_the_busy_timeout() {
        use std::os::fd::AsRawFd;
        let market = Market::new();
        let ahead = std::fs::File::open(market.sqlite_file()).unwrap();
        // SAFETY: flock on a descriptor this test owns; no memory is involved.
        assert_eq!(unsafe { libc::flock(ahead.as_raw_fd(), libc::LOCK_EX) }, 0);

        let before = market.snapshot();
        let out = market.cmd().env("SOUQ_BUSY_TIMEOUT_MS", "50").args(["user", "add", "layla"]).output().unwrap();
        assert_eq!(out.status.code(), Some(7), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: the database is busy"));
        assert_eq!(market.snapshot(), before);

        let mut writer = market.spawn_waiting_writer();
        // a thread of the writer sleeps in flock (syscall 73), none in nanosleep polls
        let tasks = format!("/proc/{}/task", writer.id());
        let asleep_in = |number: &str| {
            std::fs::read_dir(&tasks).into_iter().flatten().flatten().any(|task| {
                let now = std::fs::read_to_string(task.path().join("syscall")).unwrap_or_default();
                now.split(' ').next() == Some(number)
            })
        };
        while !asleep_in("73") {
            assert!(writer.try_wait().unwrap().is_none(), "the writer finished while the queue was held");
            std::thread::yield_now();
        }
        assert!(!asleep_in("35") && !asleep_in("230"), "a queued writer polls");
        drop(ahead);
        assert!(writer.wait().unwrap().success());
        assert_eq!(market.json(&["user", "show", "layla"])["username"], "layla");
    }

    /// SQLite's own checkpoint ran inside the commit, with the writers' queue held; souq's runs
    /// once the queue is let go (src/busy.rs), and must still run: a write that takes the log
    /// past 1,000 pages reaches the database file, though another connection stays open (so
    /// the checkpoint SQLite makes when the last connection closes never comes).
    #[test]
    fn a_large_write_is_checkpointed_into_the_database_while_others_stay_connected() {
        let market = Market::with_gig();
        let reader = rusqlite::Connection::open(market.sqlite_file()).unwrap();
        let count =
            |db: &rusqlite::Connection| -> i64 { db.query_row("SELECT count(*) FROM gigs", [], |r| r.get(0)).unwrap() };
        assert_eq!(count(&reader), 1);
        let before = std::fs::metadata(market.sqlite_file()).unwrap().len();
        let mut csv = String::from("sku,title,description,price,delivery_days\n");
        for i in 0..1000 {
            let words = "ترجمة عقود قانونية من العربية إلى الإنجليزية بدقة وسرعة ".repeat(30);
            csv.push_str(&format!("bulk-{i},ترجمة وثيقة رقم {i},{words}{i},25,3\n"));
        }
        let path = market.path("bulk.csv");
        std::fs::write(&path, csv).unwrap();
        market.ok(&["gig", "import", path.to_str().unwrap(), "--as", "layla"]);
        let after = std::fs::metadata(market.sqlite_file()).unwrap().len();
        assert!(after > before + 1000 * 4096, "the database file grew from {before} to {after} bytes only");
        assert_eq!(count(&reader), 1001);
    }

    #[test]
    fn backup_copies_the_database_and_never_overwrites() {
        let market = Market::with_gig();
        market.ok(&["backup", "copy.db"]);
        let copy = market.path("copy.db");
        assert_eq!(common::dump(&copy), market.snapshot());
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let before = std::fs::read(&copy).unwrap();
        market.fails(4, &["backup", "copy.db"]);
        assert_eq!(std::fs::read(&copy).unwrap(), before);
    }
}

#[test]
fn fields_picks_and_orders_the_fields_of_lists_and_shows_in_every_machine_format() {
    let market = Market::with_gig();
    let picked = market.json(&["gig", "list", "--fields", "price_cents,id"]);
    assert_eq!(picked, serde_json::json!([{"price_cents": 2000, "id": 1}]));
    let jsonl = market.ok(&["gig", "list", "--fields", "title,id", "-o", "jsonl"]);
    assert_eq!(jsonl, "{\"title\":\"ترجمة احترافية\",\"id\":1}\n");
    assert_eq!(market.ok(&["gig", "list", "--fields", "id,price_cents", "-o", "csv"]), "id,price_cents\n1,2000\n");
    assert_eq!(
        market.ok(&["gig", "show", "1", "--fields", "seller,delivery_days", "-o", "yaml"]),
        "seller: layla\ndelivery_days: 3\n"
    );
    // a record made of parts (an order with its messages) is one record to --fields, also in CSV
    market.ok(&["wallet", "deposit", "noura", "50", "--method", "paypal", "--ref", "f-1", "--as", "admin"]);
    market.ok(&["order", "place", "1", "--as", "noura"]);
    let csv = market.ok(&["order", "show", "1", "--as", "noura", "--fields", "id,status", "-o", "csv"]);
    assert_eq!(csv, "id,status\n1,active\n");

    let stderr = market.fails(2, &["gig", "list", "--fields", "id,cost", "-o", "json"]);
    assert!(
        stderr.contains("\"cost\"") && stderr.contains("price_cents") && stderr.contains("delivery_days"),
        "{stderr}"
    );
    let stderr = market.fails(2, &["gig", "list", "--fields", "id"]);
    assert!(stderr.contains("--fields") && stderr.contains("json"), "a table is for people: {stderr}");
}
