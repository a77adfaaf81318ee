//! Bounded input through the binary: every file souq reads must be a regular file or `-`, is read
//! with a size limit, and a bad one is refused quickly (exit 6) with flat memory and a short error.
//! Inputs are what a hostile or careless user really passes: /dev/zero, a FIFO, a directory, a
//! 50 MB single field, a "billion laughs" YAML padded to defeat a size-relative alias limit.

mod common;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Market;

/// Virtual memory the binary may use in the memory tests: souq itself needs ~20 MB resident; the
/// unbounded reads these tests guard against needed 50 MB to 24 GB.
const MEMORY_KB: u32 = 400_000;

fn fifo(market: &Market) -> PathBuf {
    let path = market.path("fifo");
    let c_path = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    path
}

/// A 950 KB YAML, under the size limit: nine levels of nine aliases (10^9 "lol"s once expanded),
/// then 12,000 filler lines, which raise serde_norway's own alias limit (100 x the events) to
/// 25 million jumps: 24 GB before this limit existed.
fn billion_laughs(market: &Market) -> PathBuf {
    let mut yaml = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        yaml.push_str(&format!("{name}: &{name} [{}]\n", vec![format!("*{prev}"); 9].join(", ")));
    }
    for i in 0..12_000 {
        yaml.push_str(&format!("p{i}: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]\n"));
    }
    let path = market.path("laughs.yaml");
    std::fs::write(&path, yaml).unwrap();
    path
}

/// Runs souq with `args` under `ulimit -v MEMORY_KB` with `stdin`, at most 20 s; expects exit 6
/// and a short `error:` line, and returns stderr.
fn refused_within_memory(market: &Market, args: &[&str], stdin: Stdio) -> String {
    let souq = assert_cmd::cargo::cargo_bin("souq");
    let mut cmd = Command::new("sh");
    cmd.args(["-c", &format!("ulimit -v {MEMORY_KB}; exec \"$0\" \"$@\""), souq.to_str().unwrap()])
        .args(args)
        .envs(market.std_cmd().get_envs().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned()))))
        .current_dir(market.dir.path())
        .stdin(stdin);
    let started = Instant::now();
    let mut child = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("souq {args:?} still running after 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(6), "souq {args:?} after {:?}: {stderr}", started.elapsed());
    assert!(
        stderr.starts_with("error: ") && stderr.len() < 600,
        "souq {args:?}: stderr is {} bytes: {stderr:.600}",
        stderr.len()
    );
    stderr
}

fn path_arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A market with an open payout batch 1 (one PayPal item).
fn with_batch() -> Market {
    let market = Market::new();
    market.sellers_with_available(&[("layla", "paypal", "layla@example.com", 2000)]);
    market.ok(&["payout", "run", "--as", "admin", "-y", "--key", "k1"]);
    market
}

#[test]
fn devices_fifos_and_directories_are_refused_at_once() {
    let market = with_batch();
    let fifo = fifo(&market);
    let before = market.snapshot();
    let dir = market.dir.path().to_str().unwrap().to_string();
    for file in ["/dev/zero", path_arg(&fifo), &dir] {
        for args in [
            vec!["config", "import", file, "--as", "admin"],
            vec!["moderate", "rules", "import", file, "--as", "admin"],
            vec!["payout", "reconcile", "1", file, "--as", "admin"],
            vec!["gig", "import", file, "--as", "layla"],
        ] {
            let err = refused_within_memory(&market, &args, Stdio::null());
            assert!(err.contains("not a regular file"), "{args:?}: {err}");
        }
    }
    assert_eq!(market.snapshot(), before);
}

/// A `--db` path that is no SQLite file; a PostgreSQL URL names no file to refuse.
mod sqlite_only {
    use super::*;

    #[test]
    fn a_database_path_that_is_a_fifo_or_a_device_is_refused_at_once() {
        let market = Market::new();
        let fifo = fifo(&market);
        for db in [path_arg(&fifo), "/dev/zero"] {
            let err = refused_within_memory(&market, &["--db", db, "user", "list"], Stdio::null());
            assert!(err.contains("not a regular file"), "{err}");
        }
    }
}

#[test]
fn an_attachment_that_is_a_fifo_or_a_device_is_refused_without_blocking() {
    let market = Market::with_order();
    let fifo = fifo(&market);
    let before = market.snapshot();
    for file in [path_arg(&fifo), "/dev/zero", "/dev/urandom"] {
        let args = ["order", "deliver", "1", "--as", "layla", "--message", "done", "--attach", file];
        let err = refused_within_memory(&market, &args, Stdio::null());
        assert!(err.contains("not a regular file"), "{err}");
    }
    assert_eq!(market.snapshot(), before);
}

#[test]
fn endless_stdin_is_cut_at_the_limit() {
    let market = with_batch();
    let before = market.snapshot();
    let zero = || Stdio::from(std::fs::File::open("/dev/zero").unwrap());
    let err = refused_within_memory(&market, &["config", "import", "-", "--as", "admin"], zero());
    assert!(err.contains("stdin is larger than 1048576 bytes"), "{err}");
    refused_within_memory(&market, &["moderate", "rules", "import", "-", "--as", "admin"], zero());
    let err = refused_within_memory(&market, &["payout", "reconcile", "1", "-", "--as", "admin"], zero());
    assert!(err.contains("a line is longer than 65536 bytes"), "{err}");
    assert_eq!(market.snapshot(), before);
}

#[test]
fn a_50_mb_field_or_header_in_a_result_file_is_refused_with_a_short_error() {
    let market = with_batch();
    let before = market.snapshot();
    let field = market.path("field.csv");
    let mut content = b"item_id,status\n".to_vec();
    content.extend(std::iter::repeat_n(b'x', 50 << 20));
    content.extend(b",SUCCESS\n");
    std::fs::write(&field, &content).unwrap();
    refused_within_memory(&market, &["payout", "reconcile", "1", path_arg(&field), "--as", "admin"], Stdio::null());
    let header = market.path("header.csv");
    let mut content = b"item_id,".to_vec();
    content.extend(std::iter::repeat_n(b'h', 50 << 20));
    content.extend(b"\nsouq-b1-i1,SUCCESS\n");
    std::fs::write(&header, &content).unwrap();
    refused_within_memory(&market, &["payout", "reconcile", "1", path_arg(&header), "--as", "admin"], Stdio::null());
    // under the line limit, a bad header is quoted in 80 characters at most
    let wide = market.path("wide.csv");
    std::fs::write(&wide, format!("{}\nsouq-b1-i1,SUCCESS\n", "h".repeat(60_000))).unwrap();
    let err =
        refused_within_memory(&market, &["payout", "reconcile", "1", path_arg(&wide), "--as", "admin"], Stdio::null());
    assert!(err.contains(&format!("{}…", "h".repeat(80))), "{err}");
    assert_eq!(market.snapshot(), before);
    // the same batch still reconciles from a good file, CRLF and all
    let good = market.path("good.csv");
    std::fs::write(&good, "item_id,status\r\nsouq-b1-i1,SUCCESS\r\n").unwrap();
    let summary = market.json(&["payout", "reconcile", "1", path_arg(&good), "--as", "admin"]);
    assert_eq!(summary["succeeded"], 1);
}

#[test]
fn a_billion_laughs_yaml_is_refused_quickly_with_flat_memory() {
    let market = Market::new();
    let laughs = billion_laughs(&market);
    let before = market.snapshot();
    for args in [
        vec!["config", "import", path_arg(&laughs), "--as", "admin"],
        vec!["moderate", "rules", "import", path_arg(&laughs), "--as", "admin"],
    ] {
        let started = Instant::now();
        let err = refused_within_memory(&market, &args, Stdio::null());
        assert!(err.contains("aliases expand it"), "{err}");
        assert!(started.elapsed() < Duration::from_secs(5), "{args:?} took {:?}", started.elapsed());
    }
    assert_eq!(market.snapshot(), before);
}

#[test]
fn a_huge_bad_value_is_quoted_in_80_characters() {
    let market = Market::new();
    let file = market.path("policy.yaml");
    std::fs::write(&file, format!("clearance_days: '{}'\n", "9".repeat(1_000_000))).unwrap();
    let err = refused_within_memory(&market, &["config", "import", path_arg(&file), "--as", "admin"], Stdio::null());
    assert!(err.contains(&format!("{}…", "9".repeat(80))), "{err}");
}

#[test]
fn yaml_with_a_few_aliases_still_imports() {
    let market = Market::new();
    let file = market.path("policy.yaml");
    std::fs::write(&file, "clearance_days: &days '10'\nclearance_days_top_rated: *days\n").unwrap();
    market.ok(&["config", "import", path_arg(&file), "--as", "admin"]);
    let config = market.ok(&["config", "export"]);
    assert!(config.contains("clearance_days_top_rated: '10'"), "{config}");
}
