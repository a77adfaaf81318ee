//! Wallets through the binary: deposits and settlement files (who may record them, limits,
//! idempotency) and balances.

mod common;
use common::Market;

#[test]
fn admin_deposit_lands_in_credit_and_prints_the_wallet() {
    let market = Market::with_gig();
    let wallet =
        market.json(&["wallet", "deposit", "noura", "50.25", "--method", "card", "--ref", "r1", "--as", "admin"]);
    assert_eq!(wallet["username"], "noura");
    assert_eq!(wallet["credit_cents"], 5025);
    assert_eq!(wallet["pending_cents"], 0);
    assert_eq!(wallet["available_cents"], 0);
    assert_eq!(wallet["in_payout_cents"], 0);
    assert_eq!(wallet["currency"], "USD");
    assert_eq!(market.balance("world:card"), -5025);
    market.assert_money_conserved();
}

#[test]
fn the_same_deposit_twice_moves_money_once() {
    let market = Market::with_gig();
    let args = ["wallet", "deposit", "noura", "50", "--method", "paypal", "--ref", "tx-9", "--as", "admin"];
    assert_eq!(market.json(&args)["replayed"], false);
    let again = market.json(&args);
    assert_eq!(again["credit_cents"], 5000);
    assert_eq!(again["replayed"], true);
    let table = market.cmd().args(args).output().unwrap();
    assert!(String::from_utf8_lossy(&table.stderr).contains("replayed"), "a person is told too: {table:?}");
    market.assert_money_conserved();
}

#[test]
fn a_reused_reference_with_other_fields_is_refused() {
    let market = Market::with_gig();
    market.ok(&["wallet", "deposit", "noura", "50", "--method", "paypal", "--ref", "tx-9", "--as", "admin"]);
    let before = market.snapshot();
    market.fails(4, &["wallet", "deposit", "noura", "60", "--method", "paypal", "--ref", "tx-9", "--as", "admin"]);
    market.fails(4, &["wallet", "deposit", "layla", "50", "--method", "paypal", "--ref", "tx-9", "--as", "admin"]);
    assert_eq!(market.snapshot(), before);
    // the same reference through another gateway is another payment
    market.ok(&["wallet", "deposit", "noura", "60", "--method", "payoneer", "--ref", "tx-9", "--as", "admin"]);
}

#[test]
fn only_an_admin_records_a_payment_not_even_a_user_for_themselves() {
    let market = Market::with_gig();
    let before = market.snapshot();
    market.fails(5, &["wallet", "deposit", "noura", "1000", "--method", "card", "--ref", "FAKE", "--as", "noura"]);
    market.fails(5, &["wallet", "deposit", "layla", "10", "--method", "cashu", "--ref", "theirs", "--as", "noura"]);
    market.fails(2, &["wallet", "deposit", "noura", "10", "--method", "cashu", "--ref", "noas"]);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn a_deposit_above_max_deposit_is_invalid_until_the_policy_allows_it() {
    let market = Market::with_gig();
    let before = market.snapshot();
    let args = ["wallet", "deposit", "noura", "10000.01", "--method", "card", "--ref", "big", "--as", "admin"];
    let err = market.fails(6, &args);
    assert!(err.contains("max_deposit 10000.00"), "{err}");
    market
        .fails(6, &["wallet", "deposit", "noura", "1000000000000", "--method", "card", "--ref", "x", "--as", "admin"]);
    assert_eq!(market.snapshot(), before);
    market.ok(&["config", "set", "max_deposit", "20000", "--as", "admin"]);
    assert_eq!(market.json(&args)["credit_cents"], 1_000_001);
}

#[test]
fn a_deposit_that_would_overflow_the_ledger_is_invalid_not_a_shortage() {
    let market = Market::with_gig();
    market.ok(&["config", "set", "max_deposit", "92233720368547758.07", "--as", "admin"]);
    market.ok(&[
        "wallet",
        "deposit",
        "noura",
        "92233720368547758.07",
        "--method",
        "card",
        "--ref",
        "a",
        "--as",
        "admin",
    ]);
    let before = market.snapshot();
    // world:card is at -i64::MAX cents: two more cents would pass i64::MIN
    let err =
        market.fails(6, &["wallet", "deposit", "layla", "0.02", "--method", "card", "--ref", "b", "--as", "admin"]);
    assert!(err.contains("out of range") && !err.contains("not enough"), "{err}");
    let err =
        market.fails(6, &["wallet", "deposit", "noura", "0.01", "--method", "paypal", "--ref", "c", "--as", "admin"]);
    assert!(err.contains("out of range"), "{err}");
    assert_eq!(market.snapshot(), before);
}

/// What a spreadsheet saves as "CSV UTF-8": a byte-order mark, CRLF line ends, quoted fields
/// where needed, and the gateway's extra columns in its own order and capitals.
const SETTLEMENT: &[u8] = b"\xef\xbb\xbfDate,Reference,Amount,Currency,Username,Method,Note\r\n\
2026-02-28,PP-7QX31,50.00,USD,noura,PayPal,\"Top-up, card ending 4242\"\r\n\
2026-02-28,CU-88120,12.5,USD,layla,cashu,\r\n";

fn import(market: &Market, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = market.path(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_settlement_file_credits_each_row_once_however_often_it_is_imported() {
    let market = Market::with_gig();
    let file = import(&market, "settlement.csv", SETTLEMENT);
    let args = ["wallet", "import-deposits", file.to_str().unwrap(), "--as", "admin"];
    let first = market.json(&args);
    assert_eq!((first["rows"].as_i64(), first["deposited"].as_i64()), (Some(2), Some(2)));
    assert_eq!(first["total_cents"], 6250);
    assert_eq!(market.wallet("noura")["credit_cents"], 5000);
    assert_eq!(market.wallet("layla")["credit_cents"], 1250);
    let unchanged = market.snapshot();
    let again = market.json(&args);
    assert_eq!((again["deposited"].as_i64(), again["already_applied"].as_i64()), (Some(0), Some(2)));
    assert_eq!((first["replayed"].as_bool(), again["replayed"].as_bool()), (Some(false), Some(true)));
    assert_eq!(market.snapshot(), unchanged, "the same file twice moves nothing");
    // a payment recorded by hand first is not credited again by the file
    market.ok(&["wallet", "deposit", "noura", "7", "--method", "card", "--ref", "C-1", "--as", "admin"]);
    let file = import(&market, "more.csv", b"username,amount,method,reference\nnoura,7,card,C-1\n");
    assert_eq!(market.json(&["wallet", "import-deposits", file.to_str().unwrap(), "--as", "admin"])["deposited"], 0);
    assert_eq!(market.events_of("wallet.deposited").len(), 3);
    market.assert_money_conserved();
}

#[test]
fn a_settlement_reference_seen_with_other_fields_is_a_conflict_and_credits_nothing() {
    let market = Market::with_gig();
    let file = import(&market, "settlement.csv", SETTLEMENT);
    market.ok(&["wallet", "import-deposits", file.to_str().unwrap(), "--as", "admin"]);
    let before = market.snapshot();
    let file = import(
        &market,
        "changed.csv",
        b"username,amount,method,reference\r\nlayla,1,card,NEW-1\r\nnoura,51.00,paypal,PP-7QX31\r\n",
    );
    let err = market.fails(4, &["wallet", "import-deposits", file.to_str().unwrap(), "--as", "admin"]);
    assert!(err.contains("line 3") && err.contains("PP-7QX31"), "{err}");
    assert_eq!(market.snapshot(), before, "the good row before it is not credited either");
}

#[test]
fn a_bad_settlement_file_names_every_bad_line_and_column_and_credits_nothing() {
    let market = Market::with_gig();
    let before = market.snapshot();
    let file = import(
        &market,
        "bad.csv",
        b"username,amount,method,reference\n\
          noura,50,paypal,OK-1\n\
          ghost,5x,bitcoin,R-2\n\
          layla,\"1,000.00\",card,R-3\n\
          noura,20000,card,\n\
          layla,-5,card,R-5\n",
    );
    let err = market.fails(6, &["wallet", "import-deposits", file.to_str().unwrap(), "--as", "admin"]);
    for expected in [
        "line 3: column username: no user \"ghost\", column amount:",
        "column method: unknown payment method \"bitcoin\"",
        "line 4: column amount: invalid amount \"1,000.00\"",
        "line 5: column amount: 20000.00 is more than max_deposit 10000.00, column reference:",
        "line 6: column amount: invalid amount \"-5\"",
    ] {
        assert!(err.contains(expected), "{expected:?} not in {err}");
    }
    assert!(!err.contains("line 2"), "{err}");
    let file = import(&market, "header.csv", b"user,amount,method,ref\nnoura,5,card,R\n");
    let err = market.fails(6, &["wallet", "import-deposits", file.to_str().unwrap(), "--as", "admin"]);
    assert!(err.contains("line 1: the header must name username, amount, method and reference"), "{err}");
    assert_eq!(market.snapshot(), before);
}

#[test]
fn only_an_admin_imports_a_settlement_file_and_a_dry_run_credits_nothing() {
    let market = Market::with_gig();
    let file = import(&market, "settlement.csv", SETTLEMENT);
    let before = market.snapshot();
    market.fails(5, &["wallet", "import-deposits", file.to_str().unwrap(), "--as", "noura"]);
    market.fails(2, &["wallet", "import-deposits", file.to_str().unwrap()]);
    let preview = market.json(&["wallet", "import-deposits", file.to_str().unwrap(), "--dry-run", "--as", "admin"]);
    assert_eq!(preview["deposited"], 2);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn bad_deposits_are_invalid_and_change_nothing() {
    let market = Market::with_gig();
    let before = market.snapshot();
    market.fails(6, &["wallet", "deposit", "noura", "-5", "--method", "paypal", "--ref", "a", "--as", "admin"]);
    market.fails(6, &["wallet", "deposit", "noura", "0", "--method", "paypal", "--ref", "a", "--as", "admin"]);
    market.fails(6, &["wallet", "deposit", "noura", "1.234", "--method", "paypal", "--ref", "a", "--as", "admin"]);
    market.fails(2, &["wallet", "deposit", "noura", "5", "--method", "bitcoin", "--ref", "a", "--as", "admin"]);
    market.fails(6, &["wallet", "deposit", "noura", "5", "--method", "paypal", "--ref", " ", "--as", "admin"]);
    market.fails(3, &["wallet", "deposit", "ghost", "5", "--method", "paypal", "--ref", "a", "--as", "admin"]);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn only_admins_see_other_wallets() {
    let market = Market::funded();
    assert_eq!(market.json(&["wallet", "show", "--as", "noura"])["credit_cents"], 10000);
    assert_eq!(market.json(&["wallet", "show", "noura", "--as", "noura"])["credit_cents"], 10000);
    market.fails(5, &["wallet", "show", "noura", "--as", "layla"]);
    market.fails(2, &["wallet", "show"]);
    assert_eq!(market.wallet("noura")["credit_cents"], 10000);
}
