//! Files souq writes, through the binary: 0600, whole or absent (a write that fails leaves no
//! 0-byte or half file), never through a symlink, never over an existing file without --force,
//! and `gig import --rejects` never naming the file being imported.

mod common;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use common::Market;

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path).unwrap().permissions().mode() & 0o777
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The names in the market's folder other than the database's own files.
fn folder(market: &Market) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(market.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| !n.starts_with("souq.db"))
        .collect();
    names.sort();
    names
}

#[test]
fn exports_are_private_and_never_replace_a_file_without_force() {
    let market = Market::with_gig();
    let out = market.path("gigs.csv");
    market.ok(&["gig", "export", "--file", arg(&out)]);
    assert_eq!(mode(&out), 0o600);
    std::fs::write(&out, "mine").unwrap();
    let err = market.fails(4, &["gig", "export", "--file", arg(&out)]);
    assert!(err.contains("already exists") && err.contains("hint:") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    market.ok(&["gig", "export", "--file", arg(&out), "--force"]);
    assert!(std::fs::read_to_string(&out).unwrap().contains("ترجمة احترافية"));
    assert_eq!(mode(&out), 0o600);
    assert_eq!(folder(&market), ["gigs.csv"], "no temporary file left behind");
}

#[test]
fn a_symlink_at_the_target_is_never_written_through() {
    let market = Market::with_gig();
    let victim = market.path("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let link = market.path("out.csv");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    market.fails(4, &["gig", "export", "--file", arg(&link)]);
    let dangling = market.path("dangling.csv");
    std::os::unix::fs::symlink(market.path("nowhere"), &dangling).unwrap();
    market.fails(4, &["gig", "export", "--file", arg(&dangling)]);
    assert!(!market.path("nowhere").exists());
    // --force replaces the link itself, not the file it points to
    market.ok(&["gig", "export", "--file", arg(&link), "--force"]);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_file());
    assert_eq!(mode(&link), 0o600);
}

#[test]
fn a_write_that_fails_midway_leaves_no_file_and_keeps_the_old_one() {
    let market = Market::with_gig();
    let rows: String =
        (0..300).map(|i| format!("sku-{i},Logo design number {i} with a longer title,,,10,3,,\n")).collect();
    let csv = market.path("in.csv");
    std::fs::write(&csv, format!("sku,title,description,category,price,delivery_days,tags,extras\n{rows}")).unwrap();
    market.ok(&["gig", "import", arg(&csv), "--as", "layla"]);
    let out = market.path("big.csv");
    // a file size limit stands in for a full disk: the write fails with EFBIG part way
    let export = |extra: &str| {
        let souq = assert_cmd::cargo::cargo_bin("souq");
        Command::new("sh")
            .args(["-c", &format!("trap '' XFSZ; ulimit -f 8; exec \"$0\" gig export --file {} {extra}", arg(&out))])
            .arg(souq)
            .envs(market.std_cmd().get_envs().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned()))))
            .current_dir(market.dir.path())
            .output()
            .unwrap()
    };
    let failed = export("");
    assert_eq!(failed.status.code(), Some(1), "{}", String::from_utf8_lossy(&failed.stderr));
    assert!(!out.exists(), "a half-written export was left under its name");
    std::fs::write(&out, "old export").unwrap();
    let failed = export("--force");
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old export");
    assert_eq!(folder(&market), ["big.csv", "in.csv"], "no temporary file left behind");
}

#[test]
fn rejects_may_not_name_the_input_by_any_path() {
    let market = Market::with_gig();
    let content = "sku,title,price,delivery_days\na,Logo,10,3\nb,,10,3\n";
    let csv = market.path("in.csv");
    std::fs::write(&csv, content).unwrap();
    let link = market.path("link.csv");
    std::os::unix::fs::symlink(&csv, &link).unwrap();
    let hard = market.path("hard.csv");
    std::fs::hard_link(&csv, &hard).unwrap();
    let before = market.snapshot();
    for rejects in [&csv, &link, &hard] {
        for force in [false, true] {
            let mut args = vec!["gig", "import", arg(&csv), "--as", "layla", "--rejects", arg(rejects)];
            if force {
                args.push("--force");
            }
            let err = market.fails(2, &args);
            assert!(err.contains("is the file being imported"), "{err}");
        }
    }
    let out = market
        .std_cmd()
        .args(["gig", "import", "-", "--as", "layla", "--rejects", arg(&csv)])
        .stdin(std::fs::File::open(&csv).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), content);
    assert_eq!(market.snapshot(), before);

    let rejects = market.path("rejects.csv");
    market.fails(6, &["gig", "import", arg(&csv), "--as", "layla", "--rejects", arg(&rejects)]);
    assert_eq!(mode(&rejects), 0o600);
    assert!(std::fs::read_to_string(&rejects).unwrap().contains("b,"));
    market.fails(4, &["gig", "import", arg(&csv), "--as", "layla", "--rejects", arg(&rejects)]);
    market.fails(6, &["gig", "import", arg(&csv), "--as", "layla", "--rejects", arg(&rejects), "--force"]);
    assert_eq!(std::fs::metadata(&csv).unwrap().ino(), std::fs::metadata(&hard).unwrap().ino());
}

#[test]
fn payout_and_delivered_files_follow_the_same_rules() {
    let market = Market::with_order();
    let file = market.path("report.pdf");
    std::fs::write(&file, b"%PDF-1.7 report").unwrap();
    market.ok(&["order", "deliver", "1", "--as", "layla", "--message", "done", "--attach", arg(&file)]);
    let to = market.path("out");
    std::fs::create_dir(&to).unwrap();
    market.ok(&["order", "files", "1", "--to", arg(&to), "--as", "noura"]);
    let written = to.join("report.pdf");
    assert_eq!(mode(&written), 0o600);
    std::fs::write(&written, "edited").unwrap();
    market.fails(4, &["order", "files", "1", "--to", arg(&to), "--as", "noura"]);
    assert_eq!(std::fs::read_to_string(&written).unwrap(), "edited");
    market.ok(&["order", "files", "1", "--to", arg(&to), "--as", "noura", "--force"]);
    assert_eq!(std::fs::read(&written).unwrap(), b"%PDF-1.7 report");

    market.sellers_with_available(&[("seller2", "paypal", "s2@example.com", 2000)]);
    market.ok(&["payout", "run", "--as", "admin", "-y", "--key", "k1"]);
    let export = market.path("batch.csv");
    std::fs::write(&export, "keep").unwrap();
    market.fails(4, &["payout", "export", "1", "--as", "admin", "--file", arg(&export)]);
    assert_eq!(std::fs::read_to_string(&export).unwrap(), "keep");
    market.ok(&["payout", "export", "1", "--as", "admin", "--file", arg(&export), "--force"]);
    assert_eq!(mode(&export), 0o600);
}
