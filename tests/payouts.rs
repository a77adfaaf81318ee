//! Batch payouts through the binary: payout methods, eligibility, idempotent runs, the provider
//! file, reconciliation of every provider status, and the audit after each step.

mod common;
use common::Market;
use serde_json::Value;

const IBAN: &str = "DE89 3704 0044 0532 0130 00";

/// The admin `admin` and the buyer `noura` with 1,000.00 of credit to order with.
fn marketplace() -> Market {
    let market = Market::new();
    market.ok(&["user", "add", "noura"]);
    market.ok(&["wallet", "deposit", "noura", "1000", "--method", "paypal", "--ref", "dep-1", "--as", "admin"]);
    market
}

/// `name` (added with this payout method if new) lists a gig at `price`; noura orders it, the
/// seller delivers and noura completes it now. The seller's net (price less 20%) is pending.
fn sell(market: &Market, name: &str, method: &str, account: &str, price: &str) {
    if market.cmd().args(["user", "show", name]).output().unwrap().status.code() == Some(3) {
        market.ok(&["user", "add", name]);
        market.ok(&["user", "set-payout", name, "--method", method, "--account", account, "--as", name]);
    }
    let gig = market.json(&["gig", "create", "--as", name, "--title", "Logo", "--price", price, "--days", "3"]);
    let order = market.json(&["order", "place", &gig["id"].to_string(), "--as", "noura"]);
    let id = order["id"].to_string();
    market.ok(&["order", "deliver", &id, "--message", "done", "--as", name]);
    market.ok(&["order", "complete", &id, "--as", "noura"]);
}

/// Moves the clock past clearance_days (14) and runs `tick`: pending earnings become available.
fn clear(market: &mut Market) {
    let later = souq::Timestamp::parse(&market.now).unwrap().plus_days(14).to_string();
    market.set_now(&later);
    market.ok(&["tick"]);
}

/// Earnings made through real orders and cleared by tick: layla (paypal, 25.00 available),
/// omar (paypal, 12.50), sam (bank, 40.00).
fn market_with_earnings() -> Market {
    let mut market = marketplace();
    sell(&market, "layla", "paypal", "layla@example.com", "31.25");
    sell(&market, "omar", "paypal", "omar@example.com", "15.62");
    sell(&market, "sam", "bank", IBAN, "50");
    clear(&mut market);
    market
}

fn run_json(market: &Market, args: &[&str]) -> Value {
    let mut all = vec!["payout", "run", "--as", "admin", "-y"];
    all.extend(args);
    market.json(&all)
}

fn items(market: &Market, batch: &str) -> Vec<Value> {
    market.json(&["payout", "show", batch, "--items"]).as_array().unwrap().clone()
}

fn sellers(batch: &Value) -> Vec<String> {
    batch["held"].as_array().unwrap().iter().map(|h| h["seller"].as_str().unwrap().to_string()).collect()
}

fn audit_ok(market: &Market) {
    let report = market.json(&["audit"]);
    assert_eq!(report["ok"], true, "{report:#}");
}

#[test]
fn set_payout_validates_the_account_and_shows_it() {
    let market = Market::with_gig();
    let before = market.snapshot();
    market
        .fails(6, &["user", "set-payout", "layla", "--method", "paypal", "--account", "not-an-email", "--as", "layla"]);
    market.fails(
        6,
        &["user", "set-payout", "layla", "--method", "bank", "--account", "DE88370400440532013000", "--as", "layla"],
    );
    market.fails(2, &["user", "set-payout", "layla", "--method", "cash", "--account", "x@y.com", "--as", "layla"]);
    market.fails(5, &["user", "set-payout", "layla", "--method", "paypal", "--account", "x@y.com", "--as", "noura"]);
    market.fails(2, &["user", "set-payout", "layla", "--method", "paypal", "--account", "x@y.com"]);
    assert_eq!(market.snapshot(), before);

    let user = market.json(&["user", "set-payout", "layla", "--method", "bank", "--account", IBAN, "--as", "layla"]);
    assert_eq!(user["payout_method"], "bank");
    assert_eq!(user["payout_account"], "DE89370400440532013000");
    let shown = market.json(&["user", "show", "layla", "--as", "layla"]);
    assert_eq!(shown["payout_account"], "DE89370400440532013000");
    market.ok(&["user", "set-payout", "layla", "--method", "paypal", "--account", "l@example.com", "--as", "admin"]);
    let events = market.ok(&["events", "--kind", "user.payout_set"]);
    assert_eq!(events.lines().count(), 2, "{events}");

    let unchanged = market.snapshot();
    market.ok(&["user", "set-payout", "layla", "--method", "paypal", "--account", "l@example.com", "--as", "layla"]);
    assert_eq!(market.snapshot(), unchanged, "setting the same account again is not a change");
}

#[test]
fn a_run_with_nobody_eligible_records_nothing_and_the_same_cron_line_pays_once_earnings_clear() {
    let mut market = marketplace();
    sell(&market, "layla", "paypal", "layla@example.com", "31.25"); // 25.00 pending, not yet cleared
    let cron = ["payout", "run", "--key", "2026-03-01", "--method", "paypal", "--yes", "--as", "admin", "-o", "json"];
    let before = market.snapshot();
    let out = market.cmd().args(cron).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nobody was eligible") && stderr.contains("\"2026-03-01\" is still free"), "{stderr}");
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(summary.get("id").is_none() && summary["replayed"] == false, "{summary:#}");
    assert_eq!(market.snapshot(), before, "no batch, no event");
    assert_eq!(market.json(&["payout", "list"]), serde_json::json!([]));
    // a person reads the note; a table of empty cells would say nothing more
    let table = market.cmd().args(&cron[..cron.len() - 2]).output().unwrap();
    assert_eq!((table.status.code(), table.stdout.is_empty()), (Some(0), true));

    clear(&mut market);
    let paid: Value = serde_json::from_slice(&market.cmd().args(cron).output().unwrap().stdout).unwrap();
    assert_eq!((paid["replayed"].as_bool(), paid["items_count"].as_i64()), (Some(false), Some(1)), "{paid:#}");
    assert_eq!(paid["total_cents"], 2500);
    assert_eq!(market.wallet("layla")["in_payout_cents"], 2500);
    audit_ok(&market);
}

#[test]
fn only_an_admin_runs_payouts() {
    let market = market_with_earnings();
    let before = market.snapshot();
    market.fails(5, &["payout", "run", "--key", "k", "--as", "layla", "-y"]);
    market.fails(2, &["payout", "run", "--key", "k", "-y"]);
    market.fails(6, &["payout", "run", "--key", "k", "--as", "admin", "-y", "--min", "0"]);
    market.fails(2, &["payout", "run", "--key", "k", "--as", "admin", "-y", "--method", "cash"]);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn unknown_batches_are_not_found() {
    let market = Market::new();
    let results = market.path("results.csv");
    std::fs::write(&results, "item_id,status\nsouq-b9-i1,SUCCESS\n").unwrap();
    let before = market.snapshot();
    market.fails(3, &["payout", "show", "9"]);
    market.fails(3, &["payout", "show", "9", "--items"]);
    market.fails(3, &["payout", "export", "9", "--as", "admin"]);
    market.fails(3, &["payout", "reconcile", "9", results.to_str().unwrap(), "--as", "admin"]);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn eligibility_needs_the_minimum_and_a_method_of_the_kind() {
    let mut market = marketplace();
    sell(&market, "layla", "paypal", "layla@example.com", "31.25");
    sell(&market, "omar", "paypal", "omar@example.com", "15.62");
    sell(&market, "sam", "bank", IBAN, "50");
    sell(&market, "tiny", "paypal", "tiny@example.com", "12.49");
    market.ok(&["user", "add", "nomethod"]);
    sell(&market, "nomethod", "", "", "20");
    let before_clearance = market.json(&["payout", "run", "--key", "early", "--as", "admin", "--dry-run"]);
    assert!(before_clearance.get("items").is_none(), "pending earnings are not paid: {before_clearance}");
    clear(&mut market);

    let paypal = run_json(&market, &["--key", "pp", "--method", "paypal"]);
    assert_eq!(paypal["items_count"], 2, "layla and omar; tiny is under min_payout 10.00");
    assert_eq!(paypal["total_cents"], 3750);
    assert_eq!(paypal["method"], "paypal");
    let paid: Vec<Value> = items(&market, "1").iter().map(|i| i["seller"].clone()).collect();
    assert_eq!(paid, ["layla", "omar"]);
    assert_eq!(market.wallet("layla")["available_cents"], 0);
    assert_eq!(market.wallet("layla")["in_payout_cents"], 2500);
    assert_eq!(market.wallet("nomethod")["available_cents"], 1600, "no payout method: not paid");
    assert_eq!(market.wallet("sam")["available_cents"], 4000, "sam is paid by bank");
    audit_ok(&market);

    let rest = run_json(&market, &["--key", "rest", "--min", "5"]);
    assert_eq!(rest["items_count"], 2, "sam (bank) and tiny (9.99 >= 5.00)");
    assert_eq!(rest["total_cents"], 4999);
    assert_eq!(rest["min_cents"], 500);
    audit_ok(&market);
}

#[test]
fn suspended_sellers_and_sellers_with_an_open_item_are_held() {
    let mut market = market_with_earnings();
    market.ok(&["user", "suspend", "omar", "--as", "admin"]);
    let first = run_json(&market, &["--key", "first", "--method", "paypal"]);
    assert_eq!(first["items_count"], 1);
    assert_eq!(sellers(&first), ["omar"]);
    assert_eq!(first["held"][0]["reason"], "suspended");
    assert_eq!(first["held"][0]["available_cents"], 1250);

    // layla earns more while her first item is still in flight: she waits for it to resolve.
    sell(&market, "layla", "paypal", "layla@example.com", "37.50");
    clear(&mut market);
    let second = run_json(&market, &["--key", "second"]);
    assert_eq!(second["items_count"], 1, "only sam");
    let held = second["held"].as_array().unwrap();
    assert_eq!(held.len(), 2);
    assert_eq!(held[0]["seller"], "layla");
    assert_eq!(held[0]["reason"], "open item in batch 1");
    assert_eq!(held[1]["seller"], "omar");
    assert_eq!(market.wallet("layla")["available_cents"], 3000);
    audit_ok(&market);
}

#[test]
fn the_same_key_twice_returns_the_same_batch_and_moves_nothing() {
    let mut market = market_with_earnings();
    let first = run_json(&market, &["--key", "2026-03-01"]);
    assert_eq!(first["replayed"], false);
    assert_eq!(first["items_count"], 3);
    let after_first = market.snapshot();

    sell(&market, "new", "paypal", "new@example.com", "62.50");
    clear(&mut market);
    let after_new = market.snapshot();
    let again = run_json(&market, &["--key", "2026-03-01"]);
    assert_eq!(again["replayed"], true);
    assert_eq!(again["id"], first["id"]);
    assert_eq!(again["items_count"], 3);
    assert_eq!(again["total_cents"], first["total_cents"]);
    assert_eq!(market.snapshot(), after_new, "a replay writes nothing");
    assert_ne!(after_first, after_new);

    market.fails(4, &["payout", "run", "--key", "2026-03-01", "--as", "admin", "-y", "--method", "paypal"]);
    market.fails(4, &["payout", "run", "--key", "2026-03-01", "--as", "admin", "-y", "--min", "20"]);
    assert_eq!(market.snapshot(), after_new);
    audit_ok(&market);
}

#[test]
fn a_dry_run_and_a_refused_confirmation_change_nothing() {
    let market = market_with_earnings();
    let before = market.snapshot();
    let preview = market.json(&["payout", "run", "--key", "k", "--as", "admin", "--dry-run"]);
    assert_eq!(preview["items_count"], 3);
    assert_eq!(preview["total_cents"], 7750);
    assert_eq!(market.snapshot(), before);

    let stderr = market.fails(2, &["payout", "run", "--key", "k", "--as", "admin"]);
    assert!(stderr.contains("Pay 3 seller(s) 77.50 USD in payout batch \"k\""), "{stderr}");
    assert!(stderr.contains("--yes"), "{stderr}");
    assert_eq!(market.snapshot(), before);

    let made = run_json(&market, &["--key", "k"]);
    assert_eq!(made["id"], 1, "the dry run used no id");
    assert_eq!(made["total_cents"], 7750);
}

#[test]
fn the_paypal_export_is_exact_and_the_same_every_time() {
    let market = market_with_earnings();
    run_json(&market, &["--key", "pp", "--method", "paypal"]);
    let expected = "layla@example.com,25.00,USD,souq-b1-i1,souq payout batch 1,PAYPAL\r\n\
                    omar@example.com,12.50,USD,souq-b1-i2,souq payout batch 1,PAYPAL\r\n";
    assert_eq!(market.ok(&["payout", "export", "1", "--as", "admin"]), expected);

    let file = market.path("paypal.csv");
    let written = market.json(&["payout", "export", "1", "--as", "admin", "--file", file.to_str().unwrap()]);
    assert_eq!(written[0]["file"], file.to_str().unwrap());
    assert_eq!(written[0]["rows"], 2);
    assert_eq!(written[0]["total_cents"], 3750);
    let first = std::fs::read(&file).unwrap();
    assert_eq!(first, expected.as_bytes());

    // resolving items does not change the file
    std::fs::write(market.path("r.csv"), "item_id,status\nsouq-b1-i1,SUCCESS\n").unwrap();
    market.ok(&["payout", "reconcile", "1", market.path("r.csv").to_str().unwrap(), "--as", "admin"]);
    market.ok(&["payout", "export", "1", "--as", "admin", "--file", file.to_str().unwrap(), "--force"]);
    assert_eq!(std::fs::read(&file).unwrap(), first);
}

#[test]
fn other_methods_export_a_generic_csv_with_formulas_defused() {
    let market = Market::new();
    market.sellers_with_available(&[("dash", "bank", IBAN, 1500), ("layla", "payoneer", "l@example.com", 2000)]);
    // souq no longer signs up a name starting with '-' (src/usernames.rs), but an older
    // database may hold one
    market.run_sql("UPDATE users SET username = '-dash' WHERE username = 'dash'");
    run_json(&market, &["--key", "all"]);
    assert_eq!(
        market.ok(&["payout", "export", "1", "--as", "admin"]),
        "item_ref,seller,method,account,amount,currency,note\r\n\
         souq-b1-i1,'-dash,bank,DE89370400440532013000,15.00,USD,souq payout batch 1\r\n\
         souq-b1-i2,layla,payoneer,l@example.com,20.00,USD,souq payout batch 1\r\n"
    );
}

/// `count` PayPal sellers PREFIX0000, PREFIX0001 ... with `cents` available each, made through
/// the library: the order flow would take minutes for thousands of sellers.
fn many_paypal_sellers(prefix: &str, count: usize, cents: i64) -> Market {
    let market = Market::new();
    let names: Vec<(String, String)> =
        (0..count).map(|n| (format!("{prefix}{n:04}"), format!("{prefix}{n:04}@example.com"))).collect();
    let sellers: Vec<(&str, &str, &str, i64)> =
        names.iter().map(|(name, email)| (name.as_str(), "paypal", email.as_str(), cents)).collect();
    market.sellers_with_available(&sellers);
    market
}

#[test]
fn a_paypal_export_over_5000_rows_is_split_into_numbered_files() {
    let market = many_paypal_sellers("s", 5001, 1000);
    let batch = run_json(&market, &["--key", "big", "--method", "paypal"]);
    assert_eq!(batch["items_count"], 5001);

    market.fails(2, &["payout", "export", "1", "--as", "admin"]);
    let base = market.path("big.csv");
    let written = market.json(&["payout", "export", "1", "--as", "admin", "--file", base.to_str().unwrap()]);
    let files: Vec<&str> = written.as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap()).collect();
    assert_eq!(files, [market.path("big-001.csv").to_str().unwrap(), market.path("big-002.csv").to_str().unwrap()]);
    let first = std::fs::read_to_string(market.path("big-001.csv")).unwrap();
    let second = std::fs::read_to_string(market.path("big-002.csv")).unwrap();
    assert_eq!(first.lines().count(), 5000);
    assert!(first.starts_with("s0000@example.com,10.00,USD,souq-b1-i1,"));
    assert_eq!(second, "s5000@example.com,10.00,USD,souq-b1-i5001,souq payout batch 1,PAYPAL\r\n");
    assert!(!base.exists());
}

/// Nine sellers on PayPal who earned 10.01 ... 10.09 through orders (cleared), paid in batch 1
/// (items 1-9 in name order).
fn nine_in_flight() -> Market {
    let mut market = marketplace();
    for (n, price) in
        ["12.51", "12.52", "12.54", "12.55", "12.56", "12.57", "12.59", "12.60", "12.61"].iter().enumerate()
    {
        let name = format!("s{}", n + 1);
        sell(&market, &name, "paypal", &format!("{name}@example.com"), price);
    }
    clear(&mut market);
    run_json(&market, &["--key", "b1", "--method", "paypal"]);
    market
}

fn reconcile(market: &Market, name: &str, csv: &str) -> Value {
    let file = market.path(name);
    std::fs::write(&file, csv).unwrap();
    market.json(&["payout", "reconcile", "1", file.to_str().unwrap(), "--as", "admin"])
}

fn summary(s: &Value) -> [i64; 7] {
    ["rows", "succeeded", "failed", "pending", "unmatched", "already_applied", "refused"]
        .map(|k| s[k].as_i64().unwrap())
}

#[test]
fn reconcile_applies_every_provider_status_once() {
    let market = nine_in_flight();
    audit_ok(&market);
    let results = "Status,Item_ID,provider_ref\n\
                   SUCCESS,souq-b1-i1,T1\n\
                   failed,souq-b1-i2,T2\n\
                   RETURNED,souq-b1-i3,\n\
                   BLOCKED,souq-b1-i4,\n\
                   REFUNDED,souq-b1-i5,\n\
                   REVERSED,souq-b1-i6,\n\
                   PENDING,souq-b1-i7,\n\
                   UNCLAIMED,souq-b1-i8,\n\
                   ONHOLD,souq-b1-i9,\n\
                   SUCCESS,souq-b1-i99,\n\
                   SUCCESS,souq-b2-i1,\n\
                   SUCCESS,somebody-else,\n";
    let first = reconcile(&market, "r.csv", results);
    assert_eq!(summary(&first), [12, 1, 5, 3, 3, 0, 0]);
    assert_eq!(first["problems"][0]["line"], 11);
    assert_eq!(first["problems"][0]["item_ref"], "souq-b1-i99");
    assert_eq!(first["replayed"], false);
    audit_ok(&market);

    let statuses: Vec<(String, String)> = items(&market, "1")
        .iter()
        .map(|i| (i["status"].as_str().unwrap().into(), i["provider_status"].as_str().unwrap().into()))
        .collect();
    let expect = |s: &str, p: &str| (s.to_string(), p.to_string());
    assert_eq!(
        statuses,
        [
            expect("paid", "SUCCESS"),
            expect("failed", "FAILED"),
            expect("failed", "RETURNED"),
            expect("failed", "BLOCKED"),
            expect("failed", "REFUNDED"),
            expect("failed", "REVERSED"),
            expect("pending", "PENDING"),
            expect("pending", "UNCLAIMED"),
            expect("pending", "ONHOLD"),
        ]
    );
    assert_eq!(items(&market, "1")[0]["provider_ref"], "T1");
    assert_eq!(market.wallet("s1")["available_cents"], 0, "paid out");
    assert_eq!(market.wallet("s2")["available_cents"], 1002, "returned to the seller");
    assert_eq!(market.wallet("s7")["available_cents"], 0, "still in flight");
    assert_eq!(market.wallet("s7")["in_payout_cents"], 1007);
    assert_eq!(market.wallet("s1")["in_payout_cents"], 0);
    assert_eq!(market.json(&["payout", "show", "1"])["status"], "open");

    let before = market.snapshot();
    let again = reconcile(&market, "r.csv", results);
    assert_eq!(again["replayed"], true, "the same file again moves nothing: {again:#}");
    assert_eq!(summary(&again), [12, 0, 0, 0, 3, 9, 0]);
    assert_eq!(market.snapshot(), before, "the same file again changes nothing");

    let rest =
        reconcile(&market, "rest.csv", "item_ref,status\nsouq-b1-i7,SUCCESS\nsouq-b1-i8,RETURNED\nsouq-b1-i9,ONHOLD\n");
    assert_eq!(summary(&rest), [3, 1, 1, 0, 0, 1, 0]);
    assert_eq!(market.json(&["payout", "show", "1"])["status"], "open");
    reconcile(&market, "last.csv", "item_id,status\nsouq-b1-i9,SUCCESS\n");
    assert_eq!(market.json(&["payout", "show", "1"])["status"], "closed");
    audit_ok(&market);
}

#[test]
fn success_then_failure_is_refused_but_a_reversal_returns_the_money() {
    let market = nine_in_flight();
    reconcile(&market, "paid.csv", "item_id,status\nsouq-b1-i1,SUCCESS\nsouq-b1-i2,FAILED\n");
    let before = market.snapshot();
    let refused =
        reconcile(&market, "bad.csv", "item_id,status\nsouq-b1-i1,FAILED\nsouq-b1-i2,SUCCESS\nsouq-b1-i1,PENDING\n");
    assert_eq!(summary(&refused), [3, 0, 0, 0, 0, 0, 3]);
    assert!(refused["problems"][0]["message"].as_str().unwrap().contains("REVERSED"), "{refused:#}");
    assert_eq!(market.snapshot(), before);

    let reversed = reconcile(&market, "rev.csv", "item_id,status\nsouq-b1-i1,REVERSED\n");
    assert_eq!(summary(&reversed), [1, 0, 1, 0, 0, 0, 0]);
    assert_eq!(items(&market, "1")[0]["status"], "reversed");
    assert_eq!(market.wallet("s1")["available_cents"], 1001, "the seller can be paid again");
    audit_ok(&market);
    let again = reconcile(&market, "paid.csv", "item_id,status\nsouq-b1-i1,SUCCESS\nsouq-b1-i1,REVERSED\n");
    assert_eq!(summary(&again), [2, 0, 0, 0, 0, 2, 0]);

    let next = run_json(&market, &["--key", "b2"]);
    assert_eq!(next["items_count"], 2, "s1 after the reversal and s2 after the failure");
    audit_ok(&market);
}

#[test]
fn a_malformed_result_file_is_invalid_with_line_numbers_and_changes_nothing() {
    let market = nine_in_flight();
    let before = market.snapshot();
    let file = market.path("bad.csv");
    for (csv, needle) in [
        ("id,state\nsouq-b1-i1,SUCCESS\n", "line 1: the header must name item_ref and status"),
        (
            "item_id,status\nsouq-b1-i1,SUCCESS\nsouq-b1-i2,MAYBE\n,FAILED\n",
            "line 3: unknown status \"MAYBE\"; line 4: item_ref is empty",
        ),
        ("item_id,status\nsouq-b1-i1,\"SUCC\nESS\n", "line 2"),
        ("\u{feff}item_id,status\r\nsouq-b1-i1,SUCCESS\r\nsouq-b1-i2,NOPE\r\n", "line 3: unknown status \"NOPE\""),
    ] {
        std::fs::write(&file, csv).unwrap();
        let stderr = market.fails(6, &["payout", "reconcile", "1", file.to_str().unwrap(), "--as", "admin"]);
        assert!(stderr.contains(needle), "{stderr}");
    }
    std::fs::write(&file, [0xff, 0xfe, b'\n']).unwrap();
    market.fails(6, &["payout", "reconcile", "1", file.to_str().unwrap(), "--as", "admin"]);
    market.fails(3, &["payout", "reconcile", "1", market.path("missing.csv").to_str().unwrap(), "--as", "admin"]);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn a_reconcile_dry_run_reports_and_changes_nothing() {
    let market = nine_in_flight();
    let before = market.snapshot();
    let file = market.path("r.csv");
    std::fs::write(&file, "item_id,status\nsouq-b1-i1,SUCCESS\n").unwrap();
    let preview = market.json(&["payout", "reconcile", "1", file.to_str().unwrap(), "--as", "admin", "--dry-run"]);
    assert_eq!(preview["succeeded"], 1);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn a_run_killed_mid_batch_then_rerun_pays_each_seller_exactly_once() {
    let market = many_paypal_sellers("k", 3000, 1500);
    // Kill runs at several moments of their life (some before, some inside the write
    // transaction, some after); whatever each kill hit, the database must stay whole and a
    // later run with the same key must leave every seller paid exactly once.
    for (attempt, delay_ms) in [5u64, 40, 80, 150, 300].into_iter().enumerate() {
        let mut child = market
            .std_cmd()
            .args(["payout", "run", "--key", "killed", "--as", "admin", "-y", "-q"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        audit_ok(&market);
        let batches = market.json(&["payout", "list"]);
        assert!(batches.as_array().unwrap().len() <= 1, "attempt {attempt}: {batches:#}");
    }
    let batch = run_json(&market, &["--key", "killed"]);
    assert_eq!(batch["items_count"], 3000);
    assert_eq!(batch["total_cents"], 3000 * 1500);
    let again = run_json(&market, &["--key", "killed"]);
    assert_eq!(again["replayed"], true);
    assert!(run_json(&market, &["--key", "later"]).get("items").is_none(), "nobody is left to pay");
    audit_ok(&market);
}

/// The operator sees the count and total and answers: "n" pays nobody, "y" makes the batch.
#[test]
fn on_a_terminal_the_operator_confirms_count_and_total_first() {
    let market = market_with_earnings();
    let before = market.snapshot();
    let run = ["payout", "run", "--key", "k", "--as", "admin"];
    let (code, declined) = market.terminal_session(160, &run, b"n\r");
    assert_eq!(code, Some(4), "a declined confirmation is exit 4:\n{declined}");
    assert!(declined.contains("Pay 3 seller(s) 77.50 USD"), "{declined}");
    assert_eq!(market.snapshot(), before);
    let accepted = market.on_a_terminal(&run, b"y\r");
    assert!(accepted.contains("Pay 3 seller(s) 77.50 USD"), "{accepted}");
    assert_eq!(market.json(&["payout", "show", "1"])["total_cents"], 7750);
    audit_ok(&market);
}
