//! `souq tick` through the binary: each clock (auto-complete, clearance, cancellation
//! requests, late flags) fires once when due, never early, never twice, and never on a disputed order.

mod common;
use common::Market;
use serde_json::Value;

fn tick(market: &Market) -> Value {
    market.json(&["tick"])
}

/// with_order, delivered at T0.
fn delivered() -> Market {
    let market = Market::with_order();
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market
}

#[test]
fn nothing_due_reports_zeros() {
    let market = Market::with_order();
    let summary = tick(&market);
    assert_eq!(
        summary,
        serde_json::json!({"auto_completed": 0, "cleared_orders": 0, "cleared_cents": 0,
                           "cancellations_accepted": 0, "late_flagged": 0, "level_changes": 0})
    );
}

#[test]
fn an_untouched_delivery_completes_after_auto_complete_days() {
    let mut market = delivered();
    market.set_now("2026-03-04T09:59:59Z");
    assert_eq!(tick(&market)["auto_completed"], 0);
    market.set_now("2026-03-04T10:00:00Z");
    assert_eq!(tick(&market)["auto_completed"], 1);
    let order = market.json(&["order", "show", "1", "--as", "noura"]);
    assert_eq!(order["status"], "completed");
    assert_eq!(order["completed_at"], "2026-03-04T10:00:00Z");
    assert_eq!(market.wallet("layla")["pending_cents"], 1600);
    market.assert_money_conserved();
}

#[test]
fn earnings_clear_after_clearance_days() {
    let mut market = delivered();
    market.ok(&["order", "complete", "1", "--as", "noura"]);
    market.set_now("2026-03-15T09:59:59Z");
    assert_eq!(tick(&market)["cleared_orders"], 0);
    market.set_now("2026-03-15T10:00:00Z");
    let summary = tick(&market);
    assert_eq!(summary["cleared_orders"], 1);
    assert_eq!(summary["cleared_cents"], 1600);
    let wallet = market.wallet("layla");
    assert_eq!(wallet["pending_cents"], 0);
    assert_eq!(wallet["available_cents"], 1600);
    market.assert_money_conserved();
}

#[test]
fn top_rated_sellers_clear_sooner() {
    let mut market = delivered();
    market.ok(&["order", "complete", "1", "--rating", "5", "--as", "noura"]);
    // thresholds one rated, on-time order meets: tick makes layla top_rated, then clears
    for (key, value) in [("completed", "1"), ("min_rating", "5"), ("on_time_pct", "100"), ("account_days", "0")] {
        market.ok(&["config", "set", &format!("top_rated_{key}"), value, "--as", "admin"]);
    }
    market.set_now("2026-03-08T09:59:59Z");
    assert_eq!(tick(&market)["cleared_orders"], 0);
    market.set_now("2026-03-08T10:00:00Z");
    assert_eq!(tick(&market)["cleared_orders"], 1);
    assert_eq!(market.json(&["user", "show", "layla"])["level"], "top_rated");
    assert_eq!(market.wallet("layla")["available_cents"], 1600);
}

#[test]
fn an_unanswered_cancellation_request_is_accepted_after_cancel_request_days() {
    let mut market = Market::with_order();
    market.ok(&["order", "cancel", "1", "--as", "noura"]);
    market.set_now("2026-03-03T09:00:00Z");
    assert_eq!(tick(&market)["cancellations_accepted"], 0);
    market.set_now("2026-03-03T10:00:00Z");
    assert_eq!(tick(&market)["cancellations_accepted"], 1);
    assert_eq!(market.json(&["order", "show", "1", "--as", "noura"])["status"], "cancelled");
    assert_eq!(market.wallet("noura")["credit_cents"], 10000);
    market.assert_money_conserved();
}

#[test]
fn past_due_undelivered_orders_are_flagged_late_once() {
    let mut market = Market::with_order();
    market.set_now("2026-03-04T10:00:01Z");
    assert_eq!(tick(&market)["late_flagged"], 1);
    assert_eq!(tick(&market)["late_flagged"], 0);
    let order = market.json(&["order", "show", "1", "--as", "noura"]);
    assert_eq!(order["late"], true);
    // a late delivery stays late
    market.ok(&["order", "deliver", "1", "--message", "sorry", "--as", "layla"]);
    assert_eq!(market.json(&["order", "show", "1", "--as", "layla"])["late"], true);
}

#[test]
fn running_tick_twice_changes_nothing_the_second_time() {
    let mut market = delivered();
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "cancel", "2", "--as", "noura"]);
    market.set_now("2026-04-01T00:00:00Z");
    let first = tick(&market);
    assert_eq!(first["auto_completed"], 1);
    assert_eq!(first["cancellations_accepted"], 1);
    let after_first = market.snapshot();
    let second = tick(&market);
    assert_eq!(
        second,
        serde_json::json!({"auto_completed": 0, "cleared_orders": 0, "cleared_cents": 0,
                           "cancellations_accepted": 0, "late_flagged": 0, "level_changes": 0})
    );
    assert_eq!(market.snapshot(), after_first);
    // the order auto-completed on 1 April clears 14 days later
    market.set_now("2026-04-15T00:00:00Z");
    assert_eq!(tick(&market)["cleared_cents"], 1600);
    market.assert_money_conserved();
}

#[test]
fn disputed_orders_are_left_alone() {
    let mut market = delivered();
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "cancel", "2", "--as", "noura"]);
    // what `dispute open` does to an order: its clocks stop
    market.run_sql("UPDATE orders SET status = 'disputed'");
    market.set_now("2026-05-01T00:00:00Z");
    let before = market.snapshot();
    let summary = tick(&market);
    assert_eq!(summary["auto_completed"], 0);
    assert_eq!(summary["cancellations_accepted"], 0);
    assert_eq!(summary["late_flagged"], 0);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn dry_run_reports_without_changing_anything() {
    let mut market = delivered();
    market.set_now("2026-04-01T00:00:00Z");
    let before = market.snapshot();
    assert_eq!(market.json(&["tick", "--dry-run"])["auto_completed"], 1);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn only_an_admin_or_the_operator_runs_tick() {
    let market = Market::with_order();
    market.fails(5, &["tick", "--as", "noura"]);
    market.ok(&["tick", "--as", "admin"]);
    market.ok(&["tick"]);
}
