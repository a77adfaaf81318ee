//! Reviews through the binary: the buyer rates once (on completion or later), 1 to 5 stars;
//! the seller answers once.

mod common;
use common::Market;

/// `with_order`, delivered and completed by noura without a rating.
fn completed() -> Market {
    let market = Market::with_order();
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--as", "noura"]);
    market
}

#[test]
fn the_buyer_rates_on_completion() {
    let market = Market::with_order();
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    let order = market.json(&["order", "complete", "1", "--rating", "5", "--review", "ممتاز", "--as", "noura"]);
    assert_eq!(order["rating"], 5);
    assert_eq!(order["review"], "ممتاز");
    assert_eq!(order["review_reply"], serde_json::Value::Null);
    market.assert_money_conserved();
}

#[test]
fn the_buyer_reviews_a_completed_order_once() {
    let market = completed();
    let order = market.json(&["order", "review", "1", "--rating", "4", "--review", "good", "--as", "noura"]);
    assert_eq!((order["rating"].as_i64(), order["review"].as_str()), (Some(4), Some("good")));
    let before = market.snapshot();
    let err = market.fails(4, &["order", "review", "1", "--rating", "5", "--as", "noura"]);
    assert!(err.contains("already reviewed"), "{err}");
    assert_eq!(market.snapshot(), before);
    market.assert_money_conserved();
}

#[test]
fn ratings_outside_one_to_five_are_invalid_and_change_nothing() {
    let market = Market::with_order();
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    let before = market.snapshot();
    for rating in ["0", "6", "-1"] {
        market.fails(6, &["order", "complete", "1", "--rating", rating, "--as", "noura"]);
    }
    assert_eq!(market.snapshot(), before);
    market.ok(&["order", "complete", "1", "--as", "noura"]);
    let before = market.snapshot();
    for rating in ["0", "6", "-1"] {
        market.fails(6, &["order", "review", "1", "--rating", rating, "--as", "noura"]);
    }
    market.fails(6, &["order", "review", "1", "--rating", "four", "--as", "noura"]);
    assert_eq!(market.snapshot(), before);
    market.assert_money_conserved();
}

#[test]
fn only_the_buyer_reviews_and_only_a_completed_order() {
    let market = Market::with_order();
    market.fails(4, &["order", "review", "1", "--rating", "5", "--as", "noura"]);
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--as", "noura"]);
    let before = market.snapshot();
    market.fails(5, &["order", "review", "1", "--rating", "5", "--as", "layla"]);
    market.fails(5, &["order", "review", "1", "--rating", "5", "--as", "admin"]);
    assert_eq!(market.snapshot(), before);
    market.assert_money_conserved();
}

#[test]
fn the_seller_replies_to_a_review_once() {
    let market = completed();
    market.ok(&["order", "review", "1", "--rating", "2", "--review", "slow", "--as", "noura"]);
    let order = market.json(&["order", "reply", "1", "شكرا على ملاحظتك", "--as", "layla"]);
    assert_eq!(order["review_reply"], "شكرا على ملاحظتك");
    assert_eq!(order["rating"], 2);
    let before = market.snapshot();
    let err = market.fails(4, &["order", "reply", "1", "again", "--as", "layla"]);
    assert!(err.contains("already has a reply"), "{err}");
    assert_eq!(market.snapshot(), before);
    let events = market.json(&["events", "--kind", "order.review_replied"]);
    assert_eq!(events[0]["entity_id"], 1);
    market.assert_money_conserved();
}

#[test]
fn a_reply_needs_a_review_the_seller_and_some_text() {
    let market = completed();
    let before = market.snapshot();
    let err = market.fails(4, &["order", "reply", "1", "thanks", "--as", "layla"]);
    assert!(err.contains("no review"), "{err}");
    market.ok(&["order", "review", "1", "--rating", "5", "--as", "noura"]);
    let reviewed = market.snapshot();
    market.fails(5, &["order", "reply", "1", "me too", "--as", "noura"]);
    market.fails(5, &["order", "reply", "1", "admin here", "--as", "admin"]);
    market.fails(6, &["order", "reply", "1", "   ", "--as", "layla"]);
    market.fails(3, &["order", "reply", "9", "thanks", "--as", "layla"]);
    assert_eq!(market.snapshot(), reviewed);
    assert_ne!(reviewed, before);
    market.assert_money_conserved();
}

#[test]
fn a_reply_with_contact_details_is_refused_and_recorded() {
    let market = completed();
    market.ok(&["order", "review", "1", "--rating", "3", "--as", "noura"]);
    let before = market.snapshot();
    let err = market.fails(4, &["order", "reply", "1", "كلمني واتساب ٠٥٠١٢٣٤٥٦٧", "--as", "layla"]);
    assert!(err.contains("contact-in-messages"), "{err}");
    assert_eq!(market.json(&["order", "show", "1", "--as", "layla"])["review_reply"], serde_json::Value::Null);
    let blocked = market.json(&["events", "--kind", "review.blocked"]);
    assert_eq!((blocked[0]["entity"].as_str(), blocked[0]["entity_id"].as_i64()), (Some("order"), Some(1)));
    assert_ne!(market.snapshot(), before, "the refusal is recorded as an event");
    market.ok(&["order", "reply", "1", "شكرا، سأتحسن", "--as", "layla"]);
    market.assert_money_conserved();
}
