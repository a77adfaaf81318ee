//! Wallets through the binary: deposits (who may record them, idempotency) and balances.

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
    market.ok(&args);
    let again = market.json(&args);
    assert_eq!(again["credit_cents"], 5000);
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
fn a_user_records_only_their_own_payment() {
    let market = Market::with_gig();
    market.ok(&["wallet", "deposit", "noura", "10", "--method", "cashu", "--ref", "mine", "--as", "noura"]);
    let before = market.snapshot();
    market.fails(5, &["wallet", "deposit", "layla", "10", "--method", "cashu", "--ref", "theirs", "--as", "noura"]);
    market.fails(2, &["wallet", "deposit", "noura", "10", "--method", "cashu", "--ref", "noas"]);
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
