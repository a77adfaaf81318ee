//! Gigs through the binary: create (flags and validation), update, show, list filters, pause/resume.

mod common;
use common::Market;

#[test]
fn gig_create_prints_every_field_of_the_gig() {
    let market = Market::with_gig();
    let gig = market.json(&[
        "gig",
        "create",
        "--as",
        "layla",
        "--title",
        "تصميم شعار",
        "--price",
        "12.5",
        "--days",
        "4",
        "--category",
        "design",
        "--description",
        "شعار مع ملفات مفتوحة",
        "--tags",
        "logo; شعار,logo",
        "--sku",
        "logo-1",
        "--extra",
        "Source files=15+0d",
        "--extra",
        "Express=5.50+1d",
    ]);
    assert_eq!(gig["id"], 2);
    assert_eq!(gig["seller"], "layla");
    assert_eq!(gig["sku"], "logo-1");
    assert_eq!(gig["title"], "تصميم شعار");
    assert_eq!(gig["description"], "شعار مع ملفات مفتوحة");
    assert_eq!(gig["category"], "design");
    assert_eq!(gig["tags"], serde_json::json!(["logo", "شعار"]));
    assert_eq!(gig["price_cents"], 1250);
    assert_eq!(gig["delivery_days"], 4);
    assert_eq!(gig["status"], "active");
    assert_eq!(gig["extras"][0]["title"], "Source files");
    assert_eq!(gig["extras"][0]["price_cents"], 1500);
    assert_eq!(gig["extras"][0]["extra_days"], 0);
    assert_eq!(gig["extras"][1]["price_cents"], 550);
    assert_eq!(gig["extras"][1]["extra_days"], 1);
    assert!(gig["extras"][1]["id"].is_i64());
    assert_eq!(gig["created_at"], common::T0);
    assert_eq!(gig["updated_at"], common::T0);
    let event = market.ok(&["events", "--kind", "gig.created"]);
    let last: serde_json::Value = serde_json::from_str(event.lines().last().unwrap()).unwrap();
    assert_eq!(last["actor"], "layla");
    assert_eq!(last["os_user"], "tester");
    assert_eq!(last["entity_id"], 2);
}

#[test]
fn a_gig_without_sku_gets_one_from_its_id() {
    let market = Market::with_gig();
    assert_eq!(market.json(&["gig", "show", "1"])["sku"], "gig-1");
}

#[test]
fn gig_create_rejects_bad_amounts_with_exit_6_and_changes_nothing() {
    let market = Market::with_gig();
    let before = market.snapshot();
    for price in ["-5", "1e3", "5.001", "NaN", "", "99999999999999999999"] {
        market.fails(6, &["gig", "create", "--as", "layla", "--title", "t", "--price", price, "--days", "1"]);
    }
    market.fails(
        6,
        &["gig", "create", "--as", "layla", "--title", "t", "--price", "5", "--days", "1", "--extra", "X=five+1d"],
    );
    assert_eq!(market.snapshot(), before);
}

#[test]
fn gig_create_enforces_policy_and_limits() {
    let market = Market::with_gig();
    let before = market.snapshot();
    let create = |title: &str, price: &str, days: &str| {
        vec!["gig", "create", "--as", "layla", "--title", title, "--price", price, "--days", days]
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let long_title = "ت".repeat(121);
    for (args, needle) in [
        (create("t", "4.99", "1"), "price"),
        (create("t", "1000.01", "1"), "price"),
        (create("t", "5", "0"), "delivery days"),
        (create("t", "5", "91"), "delivery days"),
        (create("  ", "5", "1"), "title"),
        (create(&long_title, "5", "1"), "title"),
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let stderr = market.fails(6, &args);
        assert!(stderr.contains(needle), "{stderr}");
    }
    market.ok(&["gig", "create", "--as", "layla", "--title", &"ت".repeat(120), "--price", "1000", "--days", "90"]);
    market.ok(&["gig", "create", "--as", "layla", "--title", "t", "--price", "5", "--days", "1", "--sku", "dup"]);
    let after_ok = market.snapshot();
    assert_ne!(after_ok, before);
    market.fails(4, &["gig", "create", "--as", "layla", "--title", "t", "--price", "5", "--days", "1", "--sku", "dup"]);
    assert_eq!(market.snapshot(), after_ok);
}

#[test]
fn gig_create_off_a_terminal_names_the_missing_flag_and_never_prompts() {
    let market = Market::with_gig();
    let stderr = market.fails(2, &["gig", "create", "--as", "layla", "--price", "5", "--days", "1"]);
    assert!(stderr.contains("--title"), "{stderr}");
    let stderr = market.fails(2, &["gig", "create", "--as", "layla", "--title", "t", "--days", "1"]);
    assert!(stderr.contains("--price"), "{stderr}");
}

#[test]
fn gig_update_changes_only_given_fields_and_keeps_extra_ids() {
    let mut market = Market::with_gig();
    market.set_now("2026-03-02T09:00:00Z");
    let before = market.json(&["gig", "show", "1"]);
    let gig = market.json(&[
        "gig",
        "update",
        "1",
        "--as",
        "layla",
        "--price",
        "25",
        "--extra",
        "Express=12+0d",
        "--extra",
        "Rush=3+0d",
    ]);
    assert_eq!(gig["price_cents"], 2500);
    assert_eq!(gig["title"], before["title"]);
    assert_eq!(gig["extras"][0]["id"], before["extras"][0]["id"]);
    assert_eq!(gig["extras"][0]["price_cents"], 1200);
    assert_eq!(gig["extras"][1]["title"], "Rush");
    assert_eq!(gig["updated_at"], "2026-03-02T09:00:00Z");
    let cleared = market.json(&["gig", "update", "1", "--as", "layla", "--no-extras"]);
    assert_eq!(cleared["extras"], serde_json::json!([]));
}

#[test]
fn only_the_seller_or_an_admin_changes_a_gig() {
    let market = Market::with_gig();
    let before = market.snapshot();
    market.fails(5, &["gig", "update", "1", "--as", "noura", "--price", "6"]);
    market.fails(5, &["gig", "pause", "1", "--as", "noura"]);
    assert_eq!(market.snapshot(), before);
    assert_eq!(market.json(&["gig", "update", "1", "--as", "admin", "--price", "6"])["price_cents"], 600);
    market.fails(3, &["gig", "update", "99", "--as", "layla", "--price", "6"]);
}

#[test]
fn pause_and_resume_move_between_active_and_paused() {
    let market = Market::with_gig();
    assert_eq!(market.json(&["gig", "pause", "1", "--as", "layla"])["status"], "paused");
    assert_eq!(market.json(&["gig", "pause", "1", "--as", "layla"])["status"], "paused");
    assert_eq!(market.json(&["gig", "resume", "1", "--as", "layla"])["status"], "active");
    let kinds = market.ok(&["events", "--kind", "gig."]);
    assert_eq!(kinds.matches("gig.paused").count(), 1, "pausing twice wrote two events:\n{kinds}");
}

#[test]
fn gig_list_filters_and_pages() {
    let market = Market::with_gig();
    market.ok(&["user", "add", "omar"]);
    market.ok(&[
        "gig",
        "create",
        "--as",
        "omar",
        "--title",
        "Logo",
        "--price",
        "50",
        "--days",
        "2",
        "--category",
        "design",
    ]);
    market.ok(&[
        "gig",
        "create",
        "--as",
        "omar",
        "--title",
        "Banner",
        "--price",
        "8",
        "--days",
        "2",
        "--category",
        "design",
    ]);
    market.ok(&["gig", "pause", "3", "--as", "omar"]);
    let ids = |args: &[&str]| -> Vec<i64> {
        let mut all = vec!["gig", "list"];
        all.extend_from_slice(args);
        market.json(&all).as_array().unwrap().iter().map(|g| g["id"].as_i64().unwrap()).collect()
    };
    assert_eq!(ids(&[]), [1, 2, 3]);
    assert_eq!(ids(&["--seller", "omar"]), [2, 3]);
    assert_eq!(ids(&["--category", "design", "--status", "active"]), [2]);
    assert_eq!(ids(&["--min-price", "10", "--max-price", "20"]), [1]);
    assert_eq!(ids(&["--limit", "1", "--offset", "1"]), [2]);
    market.fails(2, &["gig", "list", "--status", "sleeping"]);
}

#[test]
fn gig_table_is_reviewed() {
    let market = Market::with_gig();
    insta::assert_snapshot!("gig_show_table", market.ok(&["gig", "show", "1"]));
}

#[test]
fn gig_create_on_a_terminal_asks_for_the_missing_fields() {
    let market = Market::with_gig();
    market.on_a_terminal(
        &["gig", "create", "--as", "layla", "--category", "design"],
        b"Prompted logo\r12.50\r4\r\r\r\r\r",
    );
    let gig = market.json(&["gig", "show", "2"]);
    assert_eq!(gig["title"], "Prompted logo");
    assert_eq!(gig["price_cents"], 1250);
    assert_eq!(gig["delivery_days"], 4);
    assert_eq!(gig["category"], "design");
}

#[test]
fn gig_create_without_a_terminal_names_every_missing_flag_in_one_error() {
    let market = Market::with_gig();
    let before = market.snapshot();
    let stderr = market.fails(2, &["gig", "create", "--category", "design", "--no-input"]);
    assert!(stderr.contains("missing --as, --title, --price, --days"), "{stderr}");
    let stderr = market.fails(2, &["gig", "create", "--as", "layla", "--title", "Logo", "--no-input"]);
    assert!(stderr.contains("missing --price, --days"), "{stderr}");
    assert_eq!(market.snapshot(), before);
}
