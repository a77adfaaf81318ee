//! `souq fixtures FILE.yaml` through the binary: the example files build marketplaces that pass
//! the audit, a bad file names its line and key, a refused step names itself and keeps nothing.

mod common;

use std::path::PathBuf;

use common::Market;
use serde_json::Value;

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples").join(name).to_str().unwrap().to_string()
}

/// The order of each name, by its position in examples/small-shop.yaml (ids follow the file).
fn status_of(market: &Market, id: i64) -> String {
    market.json(&["order", "show", &id.to_string(), "--as", "admin"])["status"].as_str().unwrap().to_string()
}

fn write(market: &Market, name: &str, yaml: &str) -> String {
    let path = market.path(name);
    std::fs::write(&path, yaml).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn the_demo_file_builds_a_marketplace_that_passes_the_audit() {
    let market = Market::empty();
    let summary = market.json(&["fixtures", &example("demo.yaml")]);
    assert_eq!((summary["users_count"].as_i64(), summary["orders_count"].as_i64()), (Some(6), Some(10)));
    assert_eq!((summary["refused_count"].as_i64(), summary["dry_run"].as_bool()), (Some(2), Some(false)));
    market.ok(&["audit"]);
    market.assert_money_conserved();
    let dispute = market.json(&["dispute", "show", "1", "--as", "admin"]);
    assert_eq!(dispute["refund_cents"].as_i64(), Some(875));
    // the refusals the file expects are recorded as their events, as for a command
    assert_eq!(market.events_of("message.blocked").len(), 1);
    assert_eq!(market.events_of("gig.blocked").len(), 1);
}

#[test]
fn a_small_fixture_brings_orders_to_their_states_at_the_files_times() {
    let market = Market::empty();
    let summary = market.json(&["fixtures", &example("small-shop.yaml")]);
    assert_eq!(summary["started_at"].as_str(), Some("2026-03-01T09:00:00Z"));
    let states: Vec<String> = (1..=6).map(|id| status_of(&market, id)).collect();
    assert_eq!(states, ["active", "delivered", "active", "completed", "cancelled", "completed"]);
    let completed = market.json(&["order", "show", "4", "--as", "admin"]);
    assert_eq!((completed["rating"].as_i64(), completed["review_reply"].as_str()), (Some(5), Some("Thank you")));
    // `at: +1h` counts from start; later steps without `at` come a minute apart
    assert_eq!(market.json(&["order", "show", "2", "--as", "admin"])["placed_at"], "2026-03-01T10:01:00Z");
    // the policy step applied before the orders: 15% commission
    assert_eq!(completed["fee_cents"].as_i64(), Some(300));
    let batches = market.json(&["payout", "list", "--as", "admin"]);
    assert_eq!(batches[0]["key"], "march-1");
    market.ok(&["audit"]);
    market.assert_money_conserved();
}

#[test]
fn every_example_fixture_runs_and_a_dry_run_keeps_nothing() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut fixtures = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        // moderation rules and synonyms are YAML too; a fixture is a list of steps
        if !text.lines().any(|l| l == "steps:") {
            continue;
        }
        fixtures += 1;
        let market = Market::empty();
        market.ok(&["init"]);
        let before = market.snapshot();
        let preview = market.json(&["fixtures", "--dry-run", path.to_str().unwrap()]);
        assert_eq!(preview["dry_run"], Value::Bool(true), "{}", path.display());
        assert_eq!(market.snapshot(), before, "{}: --dry-run kept something", path.display());
        market.ok(&["fixtures", path.to_str().unwrap()]);
        market.ok(&["audit"]);
    }
    assert!(fixtures >= 2, "examples/demo.yaml and examples/small-shop.yaml are fixtures");
}

#[test]
fn an_unknown_key_is_exit_6_naming_the_line_and_the_key_and_creates_no_database() {
    let market = Market::empty();
    let file = write(
        &market,
        "bad.yaml",
        "steps:\n  - user: {name: admin, admin: true}\n  - order:\n      name: a\n      buyr: noura\n",
    );
    let err = market.fails(6, &["fixtures", &file]);
    assert!(err.contains("bad.yaml:5: steps[1].order: unknown field `buyr`"), "{err}");
    assert!(market.is_blank(), "a file refused before any step must not create the database");
}

#[test]
fn a_step_with_no_kind_or_a_time_that_runs_back_names_its_line() {
    let market = Market::empty();
    let file = write(&market, "two.yaml", "steps:\n  - say: hi\n    tick: {}\n");
    let err = market.fails(6, &["fixtures", &file]);
    assert!(err.contains("two.yaml:2: step 1: expected exactly one of"), "{err}");
    let file = write(
        &market,
        "back.yaml",
        "start: 2026-03-01\nsteps:\n  - at: +2h\n    tick: {}\n  - at: +1h\n    tick: {}\n",
    );
    let err = market.fails(6, &["fixtures", &file]);
    assert!(err.contains("back.yaml:5: step 2: at 2026-03-01T01:00:00Z is before the step before it"), "{err}");
}

#[test]
fn a_refused_step_is_named_and_the_database_is_left_as_it_was() {
    let market = Market::new();
    let before = market.snapshot();
    let yaml = "steps:
  - user: {name: sam}
  - user: {name: noura}
  - gig: {seller: sam, sku: logo, title: A logo for your shop, price: 20, days: 2}
  - deposit: {user: noura, amount: 10, method: paypal, reference: r1}
  - order: {name: logo-for-noura, buyer: noura, gig: logo}
";
    let file = write(&market, "short.yaml", &yaml.replace("steps:", "admin: admin\nsteps:"));
    let err = market.fails(4, &["fixtures", &file]);
    assert!(err.starts_with("error: step 5 (order logo-for-noura): not enough money"), "{err}");
    assert_eq!(market.snapshot(), before, "a refused step must roll the whole fixture back");
    // a name no step made is not found (exit 3), and named
    let file = write(&market, "unnamed.yaml", "admin: admin\nsteps:\n  - deliver: {order: nope, message: hi}\n");
    let err = market.fails(3, &["fixtures", &file]);
    assert!(err.starts_with("error: step 1 (deliver nope): order nope not found"), "{err}");
}

#[test]
fn an_expected_refusal_that_is_accepted_fails_the_fixture() {
    let market = Market::new();
    let yaml = "admin: admin\nsteps:\n  - user: {name: sam}\n  - gig: {seller: sam, title: A logo for your shop, price: 20, days: 2, expect: refused}\n";
    let file = write(&market, "accepted.yaml", yaml);
    let err = market.fails(4, &["fixtures", &file]);
    assert!(err.contains("step 2 (gig A logo for your shop): the file expects moderation to refuse"), "{err}");
}

#[test]
fn a_fixture_reads_stdin_and_a_decimal_amount_must_be_quoted() {
    let market = Market::empty();
    let yaml = "steps:\n  - user: {name: admin, admin: true}\n  - user: {name: noura}\n  - deposit: {user: noura, amount: 12.50, method: paypal, reference: r}\n";
    let out = market.cmd().args(["fixtures", "-"]).write_stdin(yaml).output().unwrap();
    assert_eq!(out.status.code(), Some(6));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("stdin:4:") && err.contains("in quotes"), "{err}");
    let out = market
        .cmd()
        .args(["fixtures", "-", "-o", "json"])
        .write_stdin(yaml.replace("12.50", "\"12.50\""))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(market.wallet("noura")["credit_cents"].as_i64(), Some(1250));
}

#[test]
fn an_unexpected_moderation_refusal_rolls_back_and_records_only_its_event() {
    let market = Market::new();
    let before = market.snapshot_without_events();
    let yaml = "admin: admin
steps:
  - user: {name: sam}
  - user: {name: noura}
  - deposit: {user: noura, amount: 50, method: paypal, reference: r1}
  - gig: {seller: sam, sku: logo, title: A logo for your shop, price: 20, days: 2}
  - order: {name: logo-for-noura, buyer: noura, gig: logo}
  - message: {order: logo-for-noura, by: sam, text: call me on 050 123 45 67}
";
    let file = write(&market, "phone.yaml", yaml);
    let err = market.fails(4, &["fixtures", &file]);
    assert!(err.starts_with("error: step 6 (message logo-for-noura): message refused by moderation rule"), "{err}");
    assert_eq!(market.snapshot_without_events(), before, "the users, gig and order made before are rolled back");
    assert_eq!(market.events_of("message.blocked").len(), 1, "the refusal is recorded, as for `order message`");
}
