//! Moderation through the binary: gigs blocked, held and flagged as written, the queue and its
//! decisions, rule files (errors with FILE:LINE), scans (idempotent), and the automation script.

mod common;
use common::Market;
use serde_json::Value;

fn create_gig(market: &Market, title: &str, description: &str, price: &str) -> std::process::Output {
    market
        .cmd()
        .args(["gig", "create", "--as", "layla", "--title", title, "--description", description])
        .args(["--price", price, "--days", "3", "-o", "json"])
        .output()
        .unwrap()
}

fn queue(market: &Market, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["moderate", "queue", "--as", "admin"];
    all.extend(args);
    market.json(&all).as_array().unwrap().clone()
}

#[test]
fn a_gig_with_a_phone_number_is_held_and_queued_until_approved() {
    let market = Market::with_gig();
    let gig = market.json(&[
        "gig",
        "create",
        "--as",
        "layla",
        "--title",
        "تصميم شعار",
        "--price",
        "25",
        "--days",
        "2",
        "--description",
        "للتواصل واتساب ٠٥٠ ١٢٣ ٤٥ ٦٧",
    ]);
    assert_eq!(gig["status"], "pending_review");
    let flags = queue(&market, &[]);
    assert_eq!(flags.len(), 1);
    let flag = &flags[0];
    let keys: Vec<&str> = flag.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["id", "rule", "action", "entity", "entity_id", "excerpt", "status", "created_at"]);
    assert_eq!(flag["rule"], "contact-in-gigs");
    assert_eq!(flag["action"], "hold");
    assert_eq!((flag["entity"].as_str(), flag["entity_id"].as_i64()), (Some("gig"), gig["id"].as_i64()));
    assert!(flag["excerpt"].as_str().unwrap().contains("050 123 45 67"), "{flag}");
    assert_eq!(market.events_of("gig.held").len(), 1);

    let approved = market.json(&["moderate", "approve", "gig:2", "--as", "admin", "--reason", "studio landline"]);
    assert_eq!(approved[0]["status"], "approved");
    assert_eq!(market.json(&["gig", "show", "2"])["status"], "active");
    assert!(queue(&market, &[]).is_empty());
    assert_eq!(market.events_of("gig.approved").len(), 1);
}

#[test]
fn a_blocked_gig_is_refused_naming_the_rule_and_only_the_refusal_is_recorded() {
    let market = Market::with_gig();
    let before = market.snapshot_without_events();
    let out = create_gig(&market, "Fake reviews for your shop", "100 reviews in 2 days", "10");
    assert_eq!(out.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("error: gig refused by moderation rule prohibited-services"), "{stderr}");
    assert_eq!(market.snapshot_without_events(), before);
    let blocked = market.events_of("gig.blocked");
    assert_eq!(blocked.len(), 1);
    assert_eq!(blocked[0]["data"]["rule"], "prohibited-services");
    assert_eq!(blocked[0]["data"]["author"], "layla");
}

#[test]
fn an_update_is_screened_like_a_create() {
    let market = Market::with_gig();
    let before = market.snapshot_without_events();
    market.fails(4, &["gig", "update", "1", "--as", "layla", "--description", "we do fake reviews too"]);
    assert_eq!(market.snapshot_without_events(), before);
    assert_eq!(market.events_of("gig.blocked")[0]["entity_id"], 1);
    let held =
        market.json(&["gig", "update", "1", "--as", "layla", "--description", "mail layla (at) gmail [dot] com"]);
    assert_eq!(held["status"], "pending_review");
}

#[test]
fn a_flagged_gig_stays_live_and_waits_in_the_queue() {
    let market = Market::with_gig();
    let out = create_gig(&market, "Logo design", "I take Western Union as well", "950");
    assert!(out.status.success());
    let gig: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(gig["status"], "active");
    let rules: Vec<String> = queue(&market, &[]).iter().map(|f| f["rule"].as_str().unwrap().to_string()).collect();
    assert_eq!(rules, ["off-platform-payment", "suspicious-price"]);
    assert_eq!(queue(&market, &["--rule", "suspicious-price"]).len(), 1);
    assert_eq!(market.events_of("moderation.flagged").len(), 2);
}

#[test]
fn innocent_gigs_with_prices_dates_and_quantities_pass() {
    let market = Market::with_gig();
    let out = create_gig(
        &market,
        "ترجمة ١٠٠٠ كلمة",
        "التسليم خلال ٣ أيام بتاريخ ٢٠٢٦/٠٣/٠٥، الطلب رقم ٤٨٢١٣، الباقات 500/1000/2000 كلمة",
        "15",
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(queue(&market, &["--status", "all"]).is_empty());
}

#[test]
fn rejecting_a_flag_rejects_its_gig_and_decisions_are_admin_only() {
    let market = Market::with_gig();
    create_gig(&market, "Logo", "I take Western Union", "20");
    let before = market.snapshot();
    market.fails(5, &["moderate", "reject", "1", "--as", "layla", "--reason", "no"]);
    market.fails(2, &["moderate", "reject", "1", "--as", "admin"]);
    market.fails(3, &["moderate", "reject", "99", "--as", "admin", "--reason", "x"]);
    market.fails(6, &["moderate", "reject", "gig:x", "--as", "admin", "--reason", "x"]);
    assert_eq!(market.snapshot(), before);

    let rejected = market.json(&["moderate", "reject", "1", "--as", "admin", "--reason", "payment off the platform"]);
    assert_eq!(rejected[0]["status"], "rejected");
    assert_eq!(market.json(&["gig", "show", "2"])["status"], "rejected");
    let again = market.snapshot();
    market.ok(&["moderate", "reject", "1", "--as", "admin", "--reason", "again"]);
    assert_eq!(market.snapshot(), again, "deciding the same way twice is a no-op");
    market.fails(4, &["moderate", "approve", "1", "--as", "admin", "--reason", "changed my mind"]);
    assert_eq!(queue(&market, &["--status", "rejected"]).len(), 1);
}

#[test]
fn new_gigs_wait_for_review_when_the_policy_says_so() {
    let market = Market::with_gig();
    market.ok(&["config", "set", "review_new_gigs", "true", "--as", "admin"]);
    let gig: Value = serde_json::from_slice(&create_gig(&market, "Logo", "three concepts", "20").stdout).unwrap();
    assert_eq!(gig["status"], "pending_review");
    let flags = queue(&market, &[]);
    assert_eq!((flags[0]["rule"].as_str(), flags[0]["action"].as_str()), (Some("review_new_gigs"), Some("hold")));
    market.ok(&["moderate", "approve", &flags[0]["id"].to_string(), "--as", "admin", "--reason", "fine"]);
    assert_eq!(market.json(&["gig", "show", "2"])["status"], "active");
}

const RULES: &str = "rules:
  - id: no-cheap
    description: the word cheap
    applies_to: [gig]
    words: [cheap, رخيص]
    action: flag
  - id: phones
    applies_to: [gig, message]
    detector: contact_info
    action: block
";

#[test]
fn rule_file_errors_exit_6_naming_file_line_and_rule() {
    let market = Market::new();
    let cases = [
        ("    words: [cheap", "    wordz: [cheap", "bad.yaml:5: rule no-cheap: unknown field `wordz`"),
        ("    words: [cheap, رخيص]", "    patterns: ['(cheap']", "bad.yaml:2: rule no-cheap: bad regex"),
        ("    words: [cheap, رخيص]", "    patterns: []", "bad.yaml:2: rule no-cheap: patterns is empty"),
        ("[gig, message]", "[gig, email]", "bad.yaml:7: rule phones: unknown applies_to \"email\""),
        ("    action: block", "    action: ban", "bad.yaml:7: rule phones: unknown action \"ban\""),
    ];
    let before = market.snapshot();
    for (from, to, expected) in cases {
        std::fs::write(market.path("bad.yaml"), RULES.replace(from, to)).unwrap();
        let stderr = market.fails(6, &["moderate", "rules", "import", "bad.yaml", "--as", "admin"]);
        assert!(stderr.starts_with(&format!("error: {expected}")), "expected {expected}\ngot {stderr}");
    }
    assert_eq!(market.snapshot(), before);
}

#[test]
fn imported_rules_are_applied_exported_as_written_and_reimporting_is_a_no_op() {
    let market = Market::with_gig();
    std::fs::write(market.path("rules.yaml"), RULES).unwrap();
    market.fails(5, &["moderate", "rules", "import", "rules.yaml", "--as", "layla"]);
    let shown = market.json(&["moderate", "rules", "import", "rules.yaml", "--as", "admin"]);
    assert_eq!(shown.as_array().unwrap().len(), 2);
    assert_eq!(market.ok(&["moderate", "rules", "export"]), RULES);
    let before = market.snapshot();
    market.ok(&["moderate", "rules", "import", "rules.yaml", "--as", "admin"]);
    assert_eq!(market.snapshot(), before);

    // the imported set replaced the built-in one: fake reviews pass, "رخيص" is flagged
    assert!(create_gig(&market, "fake reviews", "fast", "10").status.success());
    assert!(create_gig(&market, "شعار رخيص", "fast", "10").status.success());
    assert_eq!(queue(&market, &[])[0]["rule"], "no-cheap");
}

/// The shipped rule set, for scans with --rules.
const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/moderation.yaml");

#[test]
fn scan_reports_without_apply_and_flags_the_same_content_only_once() {
    let market = Market::with_gig();
    std::fs::write(market.path("none.yaml"), "rules: []\n").unwrap();
    market.ok(&["moderate", "rules", "import", "none.yaml", "--as", "admin"]);
    assert!(create_gig(&market, "Logo", "واتساب ٠٥٠١٢٣٤٥٦٧", "20").status.success());
    assert!(create_gig(&market, "Banner", "three sizes, 2 days", "20").status.success());

    let before = market.snapshot();
    let report = market.json(&["moderate", "scan", "--rules", SHIPPED, "--as", "admin"]);
    assert_eq!((report["texts"].as_i64(), report["matched"].as_i64()), (Some(6), Some(1)), "3 gigs, 3 users");
    assert_eq!((report["new_flags"].as_i64(), report["held_gigs"].as_i64()), (Some(1), Some(1)));
    assert_eq!(report["applied"], false);
    assert_eq!(market.snapshot(), before, "without --apply nothing is written");

    let applied = market.json(&["moderate", "scan", "--rules", SHIPPED, "--apply", "--as", "admin"]);
    assert_eq!((applied["new_flags"].as_i64(), applied["held_gigs"].as_i64()), (Some(1), Some(1)));
    assert_eq!(market.json(&["gig", "show", "2"])["status"], "pending_review");
    assert_eq!(queue(&market, &[])[0]["rule"], "contact-in-gigs");

    let after = market.snapshot();
    let again = market.json(&["moderate", "scan", "--rules", SHIPPED, "--apply", "--as", "admin"]);
    assert_eq!((again["new_flags"].as_i64(), again["already_flagged"].as_i64()), (Some(0), Some(1)));
    assert_eq!(market.snapshot(), after, "a second scan changes nothing");

    let since = market.json(&["moderate", "scan", "--rules", SHIPPED, "--since", "2", "--as", "admin"]);
    assert_eq!(since["texts"], 2, "gig 3 and user 3");
    market.fails(5, &["moderate", "scan", "--as", "layla"]);
}

#[test]
fn an_approved_gig_is_not_held_again_by_a_later_scan() {
    let market = Market::with_gig();
    market.ok(&[
        "gig",
        "create",
        "--as",
        "layla",
        "--title",
        "Logo",
        "--description",
        "call 050 123 4567",
        "--price",
        "20",
        "--days",
        "2",
        "--extra",
        "Source files=10+0d",
        "--extra",
        "Express=5+0d",
        "--extra",
        "Brand kit=30+2d",
    ]);
    market.ok(&["moderate", "approve", "gig:2", "--as", "admin", "--reason", "ok"]);
    let report = market.json(&["moderate", "scan", "--apply", "--as", "admin"]);
    assert_eq!((report["new_flags"].as_i64(), report["held_gigs"].as_i64()), (Some(0), Some(0)));
    assert_eq!(report["already_flagged"], 1, "the scan reads the gig as it was screened: {report}");
    assert_eq!(market.json(&["gig", "show", "2"])["status"], "active");
}

fn run_automation(market: &Market, threshold: &str) -> String {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/moderate.sh");
    let out = std::process::Command::new("bash")
        .arg(script)
        .args(["--once", "--threshold", threshold, "--kind", "gig.blocked"])
        .env("SOUQ_BIN", assert_cmd::cargo::cargo_bin("souq"))
        .env("SOUQ_DB", &market.db)
        .env("SOUQ_USER", "admin")
        .env("SOUQ_NOW", &market.now)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_automation_script_suspends_a_user_after_n_blocked_attempts() {
    let market = Market::with_gig();
    for _ in 0..2 {
        create_gig(&market, "fake reviews", "fast", "10");
    }
    assert_eq!(run_automation(&market, "3"), "");
    assert_eq!(market.json(&["user", "show", "layla"])["status"], "active");

    create_gig(&market, "fake reviews", "faster", "10");
    let out = run_automation(&market, "3");
    assert!(out.starts_with("suspended layla: 3 gig.blocked events"), "{out}");
    assert_eq!(market.json(&["user", "show", "layla"])["status"], "suspended");
    let suspended = market.events_of("user.suspended");
    assert_eq!(suspended.len(), 1);
    assert_eq!(suspended[0]["actor"], "admin");
}

#[test]
fn audit_finds_a_gig_waiting_for_review_outside_the_queue() {
    let market = Market::with_gig();
    create_gig(&market, "Logo", "call 050 123 4567", "20");
    market.ok(&["audit"]);
    market.run_sql("DELETE FROM moderation_flags");
    let out = market.cmd().args(["audit", "-o", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(8));
    assert!(String::from_utf8_lossy(&out.stdout).contains("gig 2 is pending_review with no open flag"));
}
