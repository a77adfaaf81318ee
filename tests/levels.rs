//! Seller stats and levels through the binary: what `user show` and `gig show` report, and
//! `tick` moving a seller between levels exactly at the policy's thresholds.

mod common;
use common::Market;
use serde_json::json;

/// layla's record: order 1 on time and rated 5, order 2 delivered late and rated 4, order 3
/// cancelled. Completed 2, rating 4.50 of 2, on time 1 of 2, completion 2 of 3. Clock at T0 + 3d 1s.
fn track_record() -> Market {
    let mut market = Market::funded();
    for _ in 0..3 {
        market.ok(&["order", "place", "1", "--as", "noura"]);
    }
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--rating", "5", "--as", "noura"]);
    market.set_now("2026-03-04T10:00:01Z");
    market.ok(&["order", "deliver", "2", "--message", "sorry, late", "--as", "layla"]);
    market.ok(&["order", "complete", "2", "--rating", "4", "--as", "noura"]);
    market.ok(&["order", "cancel", "3", "--as", "layla"]);
    market
}

/// The seller's stats, which a user or a gig record carries among its own fields.
fn stats_of(record: &serde_json::Value) -> serde_json::Value {
    let keys = ["completed_orders", "rating_average", "rating_count", "on_time_pct", "completion_pct", "seller_level"];
    keys.iter().map(|key| (key.to_string(), record[key].clone())).collect::<serde_json::Map<_, _>>().into()
}

#[test]
fn user_show_and_gig_show_carry_the_sellers_stats() {
    let market = track_record();
    let expected = json!({"completed_orders": 2, "rating_average": 4.5, "rating_count": 2,
                          "on_time_pct": 50, "completion_pct": 66, "seller_level": "new"});
    let user = market.json(&["user", "show", "layla"]);
    assert_eq!(stats_of(&user), expected);
    assert_eq!(user["username"], "layla");
    let gig = market.json(&["gig", "show", "1"]);
    assert_eq!(stats_of(&gig), expected);
    assert_eq!(gig["seller"], "layla");
    let table = market.ok(&["user", "show", "layla"]);
    assert!(table.contains("rating_average") && table.contains("4.50") && table.contains("66"), "{table}");
    market.assert_money_conserved();
}

#[test]
fn a_user_who_never_sold_has_empty_stats() {
    let market = Market::with_gig();
    let stats = &stats_of(&market.json(&["user", "show", "noura"]));
    assert_eq!(
        *stats,
        json!({"completed_orders": 0, "rating_average": null, "rating_count": 0,
               "on_time_pct": null, "completion_pct": null, "seller_level": "new"})
    );
    market.assert_money_conserved();
}

/// level_1 set to exactly what track_record reaches, with an account 10 days old.
fn thresholds_at_the_record(market: &Market) {
    for (key, value) in [("completed", "2"), ("min_rating", "4.5"), ("on_time_pct", "50"), ("account_days", "10")] {
        market.ok(&["config", "set", &format!("level_1_{key}"), value, "--as", "admin"]);
    }
}

#[test]
fn tick_promotes_a_seller_exactly_when_every_threshold_is_met() {
    let mut market = track_record();
    thresholds_at_the_record(&market);
    // layla signed up at T0; ten days to the second is the boundary
    market.set_now("2026-03-11T09:59:59Z");
    assert_eq!(market.json(&["tick"])["level_changes"], 0);
    assert_eq!(market.json(&["user", "show", "layla"])["level"], "new");
    market.set_now("2026-03-11T10:00:00Z");
    assert_eq!(market.json(&["tick"])["level_changes"], 1);
    assert_eq!(market.json(&["user", "show", "layla"])["level"], "level_1");
    assert_eq!(market.json(&["gig", "show", "1"])["seller_level"], "level_1");
    assert_eq!(market.json(&["tick"])["level_changes"], 0, "a second tick changes nothing");
    let events = market.json(&["events", "--kind", "user.level_changed"]);
    assert_eq!(events.as_array().unwrap().len(), 1);
    assert_eq!(events[0]["data"], json!({"username": "layla", "from": "new", "to": "level_1"}));
    market.assert_money_conserved();
}

#[test]
fn each_threshold_just_missed_holds_the_seller_back() {
    let mut market = track_record();
    thresholds_at_the_record(&market);
    market.set_now("2026-03-11T10:00:00Z");
    for (key, above, back) in [
        ("completed", "3", "2"),
        ("min_rating", "4.51", "4.5"),
        ("on_time_pct", "51", "50"),
        ("account_days", "11", "10"),
    ] {
        let key = format!("level_1_{key}");
        market.ok(&["config", "set", &key, above, "--as", "admin"]);
        assert_eq!(market.json(&["tick"])["level_changes"], 0, "{key} = {above} should hold layla at new");
        market.ok(&["config", "set", &key, back, "--as", "admin"]);
    }
    assert_eq!(market.json(&["tick"])["level_changes"], 1);
    market.assert_money_conserved();
}

#[test]
fn a_seller_whose_record_drops_loses_the_level() {
    let mut market = track_record();
    thresholds_at_the_record(&market);
    market.set_now("2026-03-11T10:00:00Z");
    market.json(&["tick"]);
    // a fourth order goes past due undelivered: tick flags it late, on-time falls to 1 of 3
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.set_now("2026-03-15T10:00:01Z");
    let summary = market.json(&["tick"]);
    assert_eq!((summary["late_flagged"].as_i64(), summary["level_changes"].as_i64()), (Some(1), Some(1)));
    let stats = &market.json(&["user", "show", "layla"]);
    assert_eq!((stats["on_time_pct"].as_i64(), stats["seller_level"].as_str()), (Some(33), Some("new")));
    let events = market.json(&["events", "--kind", "user.level_changed"]);
    assert_eq!(events[1]["data"], json!({"username": "layla", "from": "level_1", "to": "new"}));
    market.assert_money_conserved();
}

#[test]
fn the_best_level_met_is_the_one_held() {
    let mut market = track_record();
    for level in ["level_1", "level_2", "top_rated"] {
        for (key, value) in [("completed", "1"), ("min_rating", "1"), ("on_time_pct", "0"), ("account_days", "0")] {
            market.ok(&["config", "set", &format!("{level}_{key}"), value, "--as", "admin"]);
        }
    }
    market.ok(&["config", "set", "top_rated_completed", "3", "--as", "admin"]);
    market.set_now("2026-03-05T00:00:00Z");
    market.json(&["tick"]);
    assert_eq!(market.json(&["user", "show", "layla"])["level"], "level_2");
    market.ok(&["config", "set", "top_rated_completed", "2", "--as", "admin"]);
    market.json(&["tick"]);
    assert_eq!(market.json(&["user", "show", "layla"])["level"], "top_rated");
    market.assert_money_conserved();
}
