//! Policy through the binary: show, set, export and import as YAML, with validation naming the key.

mod common;
use common::Market;

#[test]
fn config_show_lists_every_setting_with_its_default() {
    let market = Market::new();
    let settings = market.json(&["config", "show"]);
    let commission = settings.as_array().unwrap().iter().find(|s| s["key"] == "commission_bps").unwrap();
    assert_eq!(commission["value"], "2000");
    assert_eq!(commission["default"], "2000");
    assert!(settings.as_array().unwrap().iter().any(|s| s["key"] == "clearance_days" && s["value"] == "14"));
}

#[test]
fn config_set_is_admin_only_validated_and_an_event() {
    let market = Market::with_gig();
    let before = market.snapshot();
    market.fails(5, &["config", "set", "commission_bps", "1500", "--as", "layla"]);
    let stderr = market.fails(6, &["config", "set", "commission_bps", "15%", "--as", "admin"]);
    assert!(stderr.contains("commission_bps"), "{stderr}");
    let stderr = market.fails(6, &["config", "set", "commision_bps", "1500", "--as", "admin"]);
    assert!(stderr.contains("commision_bps"), "{stderr}");
    market.fails(6, &["config", "set", "min_gig_price", "-1", "--as", "admin"]);
    assert_eq!(market.snapshot(), before);

    let changed = market.json(&["config", "set", "min_gig_price", "2.5", "--as", "admin"]);
    assert_eq!(changed[0]["value"], "2.50");
    let events = market.ok(&["events", "--kind", "config.set"]);
    let event: serde_json::Value = serde_json::from_str(events.lines().last().unwrap()).unwrap();
    assert_eq!(event["data"], serde_json::json!({"key": "min_gig_price", "from": "5.00", "to": "2.50"}));
    market.ok(&["gig", "create", "--as", "layla", "--title", "t", "--price", "2.5", "--days", "1"]);
}

#[test]
fn config_export_then_import_is_a_no_op() {
    let market = Market::new();
    market.ok(&["config", "set", "review_new_gigs", "true", "--as", "admin"]);
    let yaml = market.ok(&["config", "export"]);
    assert!(yaml.contains("review_new_gigs: 'true'") || yaml.contains("review_new_gigs: \"true\""), "{yaml}");
    std::fs::write(market.path("policy.yaml"), &yaml).unwrap();
    let before = market.snapshot();
    market.ok(&["config", "import", "policy.yaml", "--as", "admin"]);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn config_import_is_all_or_nothing_and_names_the_bad_key() {
    let market = Market::new();
    let before = market.snapshot();
    std::fs::write(market.path("bad.yaml"), "commission_bps: 1500\nclearance_dayz: 3\n").unwrap();
    let stderr = market.fails(6, &["config", "import", "bad.yaml", "--as", "admin"]);
    assert!(stderr.contains("clearance_dayz"), "{stderr}");
    std::fs::write(market.path("bad2.yaml"), "commission_bps: 1500\nmin_payout: lots\n").unwrap();
    let stderr = market.fails(6, &["config", "import", "bad2.yaml", "--as", "admin"]);
    assert!(stderr.contains("min_payout"), "{stderr}");
    std::fs::write(market.path("bad3.yaml"), "commission_bps: [1, 2\n").unwrap();
    market.fails(6, &["config", "import", "bad3.yaml", "--as", "admin"]);
    market.fails(3, &["config", "import", "missing.yaml", "--as", "admin"]);
    assert_eq!(market.snapshot(), before);

    let applied = market
        .cmd()
        .args(["config", "import", "-", "--as", "admin", "-o", "json"])
        .write_stdin("commission_bps: 1500\nmin_payout: 20\n")
        .output()
        .unwrap();
    assert!(applied.status.success());
    let settings: serde_json::Value = serde_json::from_slice(&applied.stdout).unwrap();
    assert!(settings.as_array().unwrap().iter().any(|s| s["key"] == "min_payout" && s["value"] == "20.00"));
}

#[test]
fn a_zero_minimum_is_refused_so_payout_runs_keep_working() {
    let market = Market::new();
    let before = market.snapshot();
    for key in ["min_payout", "min_gig_price", "max_deposit"] {
        let stderr = market.fails(6, &["config", "set", key, "0", "--as", "admin"]);
        assert!(stderr.contains(&format!("{key}: must be more than 0.00")), "{stderr}");
    }
    assert_eq!(market.snapshot(), before);
    market.sellers_with_available(&[("sam", "paypal", "sam@example.com", 2500)]);
    let batch = market.json(&["payout", "run", "--key", "k", "--yes", "--as", "admin"]);
    assert_eq!(batch["items_count"], 1);
}

fn import(market: &Market, yaml: &str) -> std::process::Output {
    market.cmd().args(["config", "import", "-", "--as", "admin", "-o", "json"]).write_stdin(yaml).output().unwrap()
}

fn value(market: &Market, key: &str) -> String {
    let settings = market.json(&["config", "show"]);
    settings.as_array().unwrap().iter().find(|s| s["key"] == key).unwrap()["value"].as_str().unwrap().to_string()
}

#[test]
fn a_policy_that_moves_both_bounds_of_a_pair_is_checked_as_a_whole_in_any_order() {
    let market = Market::new();
    // both below the current minimum (5.00), the maximum first in the file
    assert!(import(&market, "max_gig_price: 3\nmin_gig_price: 1\n").status.success());
    assert_eq!((value(&market, "min_gig_price"), value(&market, "max_gig_price")), ("1.00".into(), "3.00".into()));
    // both above the current maximum, the minimum first
    assert!(import(&market, "min_gig_price: 2000\nmax_gig_price: 5000\n").status.success());
    assert_eq!(
        (value(&market, "min_gig_price"), value(&market, "max_gig_price")),
        ("2000.00".into(), "5000.00".into())
    );
    let before = market.snapshot();
    let stderr = market.fails(6, &["config", "set", "max_gig_price", "1000", "--as", "admin"]);
    assert!(stderr.contains("min_gig_price 2000.00 is above max_gig_price 1000.00"), "{stderr}");
    assert_eq!(market.snapshot(), before);
}

#[test]
fn one_error_lists_every_bad_key_of_a_policy_file() {
    let market = Market::new();
    let before = market.snapshot();
    let yaml = "commission_bps: 20%\nmin_payout: 0\nclearance_dayz: 3\nmin_gig_price: 50\nmax_gig_price: 40\n\
                review_new_gigs: yes please\n";
    let out = import(&market, yaml);
    assert_eq!(out.status.code(), Some(6));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().filter(|l| l.starts_with("error: ")).count(), 1, "{stderr}");
    for key in ["commission_bps", "min_payout", "clearance_dayz", "review_new_gigs", "min_gig_price 50.00 is above"] {
        assert!(stderr.contains(key), "{key} not in {stderr}");
    }
    assert_eq!(market.snapshot(), before);
}
