//! Users through the binary: sign-up, the first admin, suspension, and the acting-user checks.

mod common;
use common::Market;

#[test]
fn user_add_prints_the_user_as_json() {
    let market = Market::new();
    let user = market.json(&["user", "add", "layla", "--email", "layla@example.com"]);
    assert_eq!(user["id"], 2);
    assert_eq!(user["username"], "layla");
    assert_eq!(user["email"], "****.com", "shown whole only to layla herself and to admins");
    assert_eq!(user["is_admin"], false);
    assert_eq!(user["status"], "active");
    assert_eq!(user["level"], "new");
    assert_eq!(user["created_at"], common::T0);
}

#[test]
fn only_an_admin_adds_another_admin() {
    let market = Market::new();
    market.ok(&["user", "add", "layla"]);
    let before = market.snapshot();
    market.fails(2, &["user", "add", "boss", "--admin"]);
    market.fails(5, &["user", "add", "boss", "--admin", "--as", "layla"]);
    assert_eq!(market.snapshot(), before);
    let boss = market.json(&["user", "add", "boss", "--admin", "--as", "admin"]);
    assert_eq!(boss["is_admin"], true);
}

#[test]
fn duplicate_and_malformed_usernames_are_refused() {
    let market = Market::new();
    market.ok(&["user", "add", "layla"]);
    market.fails(4, &["user", "add", "layla"]);
    market.fails(6, &["user", "add", "has space"]);
    market.fails(6, &["user", "add", "12345"]);
    market.fails(6, &["user", "add", "x", "--email", "not-an-email"]);
}

#[test]
fn a_suspended_user_cannot_act_until_unsuspended() {
    let market = Market::with_gig();
    let suspended = market.json(&["user", "suspend", "layla", "--as", "admin", "--reason", "spam"]);
    assert_eq!(suspended["status"], "suspended");
    market.fails(5, &["gig", "pause", "1", "--as", "layla"]);
    market.fails(5, &["user", "suspend", "noura", "--as", "layla"]);
    market.ok(&["user", "unsuspend", "layla", "--as", "admin"]);
    market.ok(&["gig", "pause", "1", "--as", "layla"]);
}

#[test]
fn unknown_users_are_not_found() {
    let market = Market::new();
    market.fails(3, &["user", "show", "ghost"]);
    market.fails(3, &["gig", "create", "--as", "ghost", "--title", "t", "--price", "5", "--days", "1"]);
}
