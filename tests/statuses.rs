//! Statuses through the binary: the same lowercase words in JSON, filters and errors as before
//! they became enums; every word a filter names is accepted, anything else is a usage error (exit 2)
//! listing the choices, before the database is opened.

mod common;
use common::Market;

#[test]
fn every_status_word_filters_and_others_are_refused_with_the_choices() {
    let market = Market::with_order();
    let order = market.json(&["order", "show", "1", "--as", "noura"]);
    assert_eq!(order["order"]["status"].as_str().or(order["status"].as_str()), Some("active"));
    assert_eq!(market.json(&["gig", "show", "1"])["status"], "active");
    assert_eq!(market.json(&["user", "show", "layla"])["status"], "active");
    for word in ["active", "delivered", "completed", "cancelled", "disputed"] {
        market.ok(&["order", "list", "--status", word, "--as", "admin"]);
    }
    for word in ["pending_review", "active", "paused", "rejected", "suspended"] {
        market.ok(&["gig", "list", "--status", word]);
        market.ok(&["gig", "export", "--status", word]);
    }
    for word in ["open", "resolved"] {
        market.ok(&["dispute", "list", "--status", word, "--as", "admin"]);
    }
    let err = market.fails(2, &["order", "list", "--status", "Active", "--as", "admin"]);
    assert!(err.contains("[possible values: active, delivered, completed, cancelled, disputed]"), "{err}");
    let err = market.fails(2, &["dispute", "list", "--status", "closed", "--as", "admin"]);
    assert!(err.contains("[possible values: open, resolved]"), "{err}");
    let err = market.fails(2, &["gig", "export", "--status", "\u{1b}[2J"]);
    assert!(!err.contains('\u{1b}'), "the refused word is shown escaped: {err:?}");
}
