//! Orders through the binary: every transition for every actor, money through escrow, and
//! refusals that leave the database exactly as it was.

mod common;
use common::{Market, T0};

#[test]
fn placing_an_order_snapshots_price_fee_due_date_and_pays_escrow() {
    let market = Market::funded();
    let order =
        market.json(&["order", "place", "1", "--extra", "1", "--quantity", "2", "--note", "شكرا", "--as", "noura"]);
    assert_eq!(order["id"], 1);
    assert_eq!(order["gig_id"], 1);
    assert_eq!(order["buyer"], "noura");
    assert_eq!(order["seller"], "layla");
    assert_eq!(order["status"], "active");
    assert_eq!(order["quantity"], 2);
    assert_eq!(order["extras"], serde_json::json!([1]));
    assert_eq!(order["gross_cents"], 6000); // (20 + 10) * 2
    assert_eq!(order["fee_cents"], 1200);
    assert_eq!(order["net_cents"], 4800);
    assert_eq!(order["placed_at"], T0);
    assert_eq!(order["due_at"], "2026-03-04T10:00:00Z"); // 3 days + 0 for Express
    assert_eq!(order["delivered_at"], serde_json::Value::Null);
    assert_eq!(order["late"], false);
    assert_eq!(market.wallet("noura")["credit_cents"], 4000);
    assert_eq!(market.balance("escrow"), 6000);
    market.assert_money_conserved();
}

#[test]
fn an_order_pays_from_credit_first_then_available() {
    let mut market = Market::funded();
    // layla earns 16.00 net and it clears, then spends it on noura's... a second seller's gig
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--as", "noura"]);
    market.set_now("2026-03-20T10:00:00Z");
    market.ok(&["tick"]);
    assert_eq!(market.wallet("layla")["available_cents"], 1600);
    market.ok(&["gig", "create", "--as", "noura", "--title", "Voice over", "--price", "20", "--days", "1"]);
    market.ok(&["wallet", "deposit", "layla", "5", "--method", "card", "--ref", "l1", "--as", "admin"]);
    market.ok(&["order", "place", "2", "--as", "layla"]);
    let wallet = market.wallet("layla");
    assert_eq!(wallet["credit_cents"], 0);
    assert_eq!(wallet["available_cents"], 100);
    market.assert_money_conserved();
}

#[test]
fn not_enough_money_is_refused_and_changes_nothing() {
    let market = Market::with_gig();
    market.ok(&["wallet", "deposit", "noura", "19.99", "--method", "paypal", "--ref", "d", "--as", "admin"]);
    let before = market.snapshot();
    let err = market.fails(4, &["order", "place", "1", "--as", "noura"]);
    assert!(err.contains("not enough money"), "{err}");
    assert_eq!(market.snapshot(), before);
}

#[test]
fn gigs_that_cannot_be_ordered_are_refused() {
    let market = Market::funded();
    let before = market.snapshot();
    market.fails(4, &["order", "place", "1", "--as", "layla"]); // own gig
    market.fails(3, &["order", "place", "9", "--as", "noura"]);
    market.fails(3, &["order", "place", "1", "--extra", "7", "--as", "noura"]);
    market.fails(6, &["order", "place", "1", "--extra", "1", "--extra", "1", "--as", "noura"]);
    market.fails(6, &["order", "place", "1", "--quantity", "0", "--as", "noura"]);
    market.fails(6, &["order", "place", "1", "--quantity", "101", "--as", "noura"]);
    market.fails(2, &["order", "place", "1"]);
    assert_eq!(market.snapshot(), before);

    market.ok(&["gig", "pause", "1", "--as", "layla"]);
    let paused = market.snapshot();
    market.fails(4, &["order", "place", "1", "--as", "noura"]);
    assert_eq!(market.snapshot(), paused);

    market.ok(&["gig", "resume", "1", "--as", "layla"]);
    market.ok(&["user", "suspend", "layla", "--as", "admin"]);
    let suspended = market.snapshot();
    market.fails(4, &["order", "place", "1", "--as", "noura"]);
    assert_eq!(market.snapshot(), suspended);
}

#[test]
fn a_suspended_buyer_cannot_order() {
    let market = Market::funded();
    market.ok(&["user", "suspend", "noura", "--as", "admin"]);
    market.fails(5, &["order", "place", "1", "--as", "noura"]);
}

#[test]
fn deliver_then_complete_releases_net_to_pending_and_fee_to_revenue() {
    let market = Market::with_order();
    let delivered = market.json(&["order", "deliver", "1", "--message", "تم التسليم", "--as", "layla"]);
    assert_eq!(delivered["status"], "delivered");
    assert_eq!(delivered["delivered_at"], T0);
    let completed = market.json(&["order", "complete", "1", "--rating", "5", "--review", "ممتاز", "--as", "noura"]);
    assert_eq!(completed["status"], "completed");
    assert_eq!(completed["completed_at"], T0);
    assert_eq!(completed["fee_cents"], 400);
    assert_eq!(completed["net_cents"], 1600);
    assert_eq!(completed["rating"], 5);
    assert_eq!(completed["review"], "ممتاز");
    assert_eq!(market.wallet("layla")["pending_cents"], 1600);
    assert_eq!(market.balance("revenue"), 400);
    assert_eq!(market.balance("escrow"), 0);
    market.assert_money_conserved();
}

#[test]
fn completing_twice_moves_money_once() {
    let market = Market::with_order();
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--as", "noura"]);
    let once = market.snapshot();
    let again = market.json(&["order", "complete", "1", "--as", "noura"]);
    assert_eq!(again["status"], "completed");
    assert_eq!(market.snapshot(), once);
}

#[test]
fn the_commission_is_the_one_in_force_when_the_order_was_placed() {
    let market = Market::with_order();
    market.ok(&["config", "set", "commission_bps", "1000", "--as", "admin"]);
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    let completed = market.json(&["order", "complete", "1", "--as", "noura"]);
    assert_eq!(completed["fee_cents"], 400);
}

#[test]
fn only_the_seller_delivers_and_only_an_active_order() {
    let market = Market::with_order();
    market.ok(&["user", "add", "omar"]);
    let before = market.snapshot();
    market.fails(5, &["order", "deliver", "1", "--message", "x", "--as", "noura"]);
    market.fails(5, &["order", "deliver", "1", "--message", "x", "--as", "admin"]);
    market.fails(5, &["order", "deliver", "1", "--message", "x", "--as", "omar"]);
    market.fails(6, &["order", "deliver", "1", "--message", "  ", "--as", "layla"]);
    market.fails(3, &["order", "deliver", "2", "--message", "x", "--as", "layla"]);
    assert_eq!(market.snapshot(), before);
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    let delivered = market.snapshot();
    market.fails(4, &["order", "deliver", "1", "--message", "again", "--as", "layla"]);
    assert_eq!(market.snapshot(), delivered);
}

#[test]
fn a_suspended_seller_cannot_deliver() {
    let market = Market::with_order();
    market.ok(&["user", "suspend", "layla", "--as", "admin"]);
    market.fails(5, &["order", "deliver", "1", "--message", "done", "--as", "layla"]);
}

#[test]
fn only_the_buyer_completes_and_only_a_delivered_order() {
    let market = Market::with_order();
    let before = market.snapshot();
    market.fails(4, &["order", "complete", "1", "--as", "noura"]);
    market.fails(5, &["order", "complete", "1", "--as", "layla"]);
    market.fails(5, &["order", "complete", "1", "--as", "admin"]);
    assert_eq!(market.snapshot(), before);
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    let delivered = market.snapshot();
    market.fails(6, &["order", "complete", "1", "--rating", "6", "--as", "noura"]);
    market.fails(5, &["order", "complete", "1", "--as", "layla"]);
    assert_eq!(market.snapshot(), delivered);
}

#[test]
fn a_revision_sends_the_order_back_to_the_seller() {
    let market = Market::with_order();
    market.ok(&["order", "deliver", "1", "--message", "v1", "--as", "layla"]);
    market.fails(5, &["order", "revise", "1", "--as", "layla"]);
    let revised = market.json(&["order", "revise", "1", "--message", "please fix the title", "--as", "noura"]);
    assert_eq!(revised["status"], "active");
    market.fails(4, &["order", "revise", "1", "--as", "noura"]);
    market.ok(&["order", "deliver", "1", "--message", "v2", "--as", "layla"]);
    let shown = market.json(&["order", "show", "1", "--as", "noura"]);
    assert_eq!(shown["deliveries"].as_array().unwrap().len(), 2);
    assert_eq!(shown["messages"][0]["body"], "please fix the title");
}

#[test]
fn a_review_is_written_once_by_the_buyer_of_a_completed_order() {
    let market = Market::with_order();
    market.fails(4, &["order", "review", "1", "--rating", "4", "--as", "noura"]);
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--as", "noura"]);
    market.fails(5, &["order", "review", "1", "--rating", "4", "--as", "layla"]);
    market.fails(6, &["order", "review", "1", "--rating", "0", "--as", "noura"]);
    let reviewed = market.json(&["order", "review", "1", "--rating", "4", "--review", "good", "--as", "noura"]);
    assert_eq!(reviewed["rating"], 4);
    market.fails(4, &["order", "review", "1", "--rating", "5", "--as", "noura"]);
    market.fails(4, &["order", "complete", "1", "--rating", "5", "--as", "noura"]);
}

#[test]
fn the_seller_cancels_at_once_and_the_buyer_is_refunded_to_credit() {
    let market = Market::with_order();
    let cancelled = market.json(&["order", "cancel", "1", "--reason", "too busy", "--as", "layla"]);
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["cancel_reason"], "too busy");
    assert_eq!(market.wallet("noura")["credit_cents"], 10000);
    assert_eq!(market.balance("escrow"), 0);
    let once = market.snapshot();
    market.ok(&["order", "cancel", "1", "--as", "layla"]);
    assert_eq!(market.snapshot(), once);
    market.fails(4, &["order", "deliver", "1", "--message", "x", "--as", "layla"]);
    market.assert_money_conserved();
}

#[test]
fn the_seller_may_cancel_a_delivered_order_but_not_a_completed_one() {
    let market = Market::with_order();
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "deliver", "2", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "2", "--as", "noura"]);
    let before = market.snapshot();
    market.fails(4, &["order", "cancel", "2", "--as", "layla"]);
    market.fails(4, &["order", "cancel", "2", "--as", "admin"]);
    assert_eq!(market.snapshot(), before);
    assert_eq!(market.json(&["order", "cancel", "1", "--as", "layla"])["status"], "cancelled");
    market.assert_money_conserved();
}

#[test]
fn an_admin_cancels_any_open_order() {
    let market = Market::with_order();
    assert_eq!(market.json(&["order", "cancel", "1", "--as", "admin"])["status"], "cancelled");
    assert_eq!(market.wallet("noura")["credit_cents"], 10000);
}

#[test]
fn a_buyer_cancel_before_the_due_date_is_only_a_request() {
    let market = Market::with_order();
    let requested = market.json(&["order", "cancel", "1", "--reason", "changed my mind", "--as", "noura"]);
    assert_eq!(requested["status"], "active");
    assert_eq!(requested["cancel_requested_by"], "noura");
    assert_eq!(requested["cancel_requested_at"], T0);
    assert_eq!(market.balance("escrow"), 2000);
    let once = market.snapshot();
    market.ok(&["order", "cancel", "1", "--as", "noura"]);
    assert_eq!(market.snapshot(), once);
    // the seller accepts by cancelling
    assert_eq!(market.json(&["order", "cancel", "1", "--as", "layla"])["status"], "cancelled");
    assert_eq!(market.wallet("noura")["credit_cents"], 10000);
}

#[test]
fn late_order_cancel_by_the_buyer_refunds_at_once() {
    let mut market = Market::with_order();
    market.set_now("2026-03-04T10:00:01Z");
    let cancelled = market.json(&["order", "cancel", "1", "--as", "noura"]);
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(market.wallet("noura")["credit_cents"], 10000);
    market.assert_money_conserved();
}

#[test]
fn outsiders_can_neither_act_on_nor_see_an_order() {
    let market = Market::with_order();
    market.ok(&["user", "add", "omar"]);
    let before = market.snapshot();
    market.fails(5, &["order", "cancel", "1", "--as", "omar"]);
    market.fails(5, &["order", "message", "1", "--message", "hi", "--as", "omar"]);
    market.fails(5, &["order", "show", "1", "--as", "omar"]);
    market.fails(5, &["order", "revise", "1", "--as", "omar"]);
    market.fails(5, &["order", "message", "1", "--message", "hi", "--as", "admin"]);
    assert_eq!(market.snapshot(), before);
    market.ok(&["order", "show", "1", "--as", "admin"]);
}

#[test]
fn buyer_and_seller_message_each_other() {
    let market = Market::with_order();
    let sent = market.json(&["order", "message", "1", "--message", "مرحبا", "--as", "noura"]);
    assert_eq!(sent["sender"], "noura");
    assert_eq!(sent["body"], "مرحبا");
    market.ok(&["order", "message", "1", "--message", "hello", "--as", "layla"]);
    market.fails(6, &["order", "message", "1", "--message", "", "--as", "layla"]);
    let shown = market.json(&["order", "show", "1", "--as", "layla"]);
    assert_eq!(shown["messages"].as_array().unwrap().len(), 2);
}

#[test]
fn show_includes_the_timeline_of_events() {
    let market = Market::with_order();
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--as", "noura"]);
    let shown = market.json(&["order", "show", "1", "--as", "noura"]);
    assert_eq!(shown["id"], 1);
    let kinds: Vec<&str> = shown["timeline"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["order.placed", "order.delivered", "order.completed"]);
    assert_eq!(shown["timeline"][1]["actor"], "layla");
    let table = market.ok(&["order", "show", "1", "--as", "noura"]);
    assert!(table.contains("order.delivered"), "{table}");
}

#[test]
fn list_shows_each_user_their_own_side() {
    let market = Market::with_order();
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "deliver", "2", "--message", "done", "--as", "layla"]);
    assert_eq!(market.json(&["order", "list", "--as", "noura"]).as_array().unwrap().len(), 2);
    assert_eq!(market.json(&["order", "list", "--as-buyer", "--as", "layla"]).as_array().unwrap().len(), 0);
    assert_eq!(market.json(&["order", "list", "--as-seller", "--as", "layla"]).as_array().unwrap().len(), 2);
    let delivered = market.json(&["order", "list", "--status", "delivered", "--as", "admin"]);
    assert_eq!(delivered.as_array().unwrap().len(), 1);
    assert_eq!(delivered[0]["id"], 2);
    market.fails(2, &["order", "list", "--status", "lost", "--as", "noura"]);
    market.fails(2, &["order", "list"]);
}

#[test]
fn list_late_shows_past_due_undelivered_orders() {
    let mut market = Market::with_order();
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "deliver", "2", "--message", "done", "--as", "layla"]);
    market.set_now("2026-03-05T00:00:00Z");
    let late = market.json(&["order", "list", "--late", "--as", "noura"]);
    assert_eq!(late.as_array().unwrap().len(), 1);
    assert_eq!(late[0]["id"], 1);
}

#[test]
fn delivered_files_come_back_byte_for_byte_under_their_names() {
    let market = Market::with_order();
    let report = market.path("report.pdf");
    let bytes: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    std::fs::write(&report, &bytes).unwrap();
    std::fs::write(market.path("ملاحظات.txt"), "نص").unwrap();
    let report_arg = report.to_str().unwrap();
    let notes_arg = market.path("ملاحظات.txt");
    market.ok(&[
        "order",
        "deliver",
        "1",
        "--message",
        "here",
        "--attach",
        report_arg,
        "--attach",
        notes_arg.to_str().unwrap(),
        "--as",
        "layla",
    ]);
    let shown = market.json(&["order", "show", "1", "--as", "noura"]);
    assert_eq!(shown["deliveries"][0]["files"][0]["name"], "report.pdf");
    assert_eq!(shown["deliveries"][0]["files"][0]["size"], 5000);

    let out = market.path("out");
    std::fs::create_dir(&out).unwrap();
    let written = market.json(&["order", "files", "1", "--to", out.to_str().unwrap(), "--as", "noura"]);
    assert_eq!(written.as_array().unwrap().len(), 2);
    assert_eq!(std::fs::read(out.join("report.pdf")).unwrap(), bytes);
    assert_eq!(std::fs::read_to_string(out.join("ملاحظات.txt")).unwrap(), "نص");
    // never overwrites: a second export is refused and leaves the files alone
    std::fs::write(out.join("report.pdf"), "mine").unwrap();
    market.fails(4, &["order", "files", "1", "--to", out.to_str().unwrap(), "--as", "noura"]);
    assert_eq!(std::fs::read_to_string(out.join("report.pdf")).unwrap(), "mine");
}

#[test]
fn an_attachment_over_the_policy_limit_is_refused() {
    let market = Market::with_order();
    market.ok(&["config", "set", "max_attachment_bytes", "1000", "--as", "admin"]);
    let big = market.path("big.bin");
    std::fs::write(&big, vec![7u8; 1001]).unwrap();
    let before = market.snapshot();
    market.fails(6, &["order", "deliver", "1", "--message", "x", "--attach", big.to_str().unwrap(), "--as", "layla"]);
    market.fails(3, &["order", "deliver", "1", "--message", "x", "--attach", "missing.bin", "--as", "layla"]);
    assert_eq!(market.snapshot(), before);
    std::fs::write(&big, vec![7u8; 1000]).unwrap();
    market.ok(&["order", "deliver", "1", "--message", "x", "--attach", big.to_str().unwrap(), "--as", "layla"]);
}

#[test]
fn stored_file_names_cannot_escape_the_target_folder() {
    let market = Market::with_order();
    std::fs::write(market.path("a.txt"), "a").unwrap();
    market.ok(&["order", "deliver", "1", "--message", "x", "--attach", "a.txt", "--as", "layla"]);
    // an attacker rewrites the stored name behind the tool's back
    market.run_sql("UPDATE delivery_files SET name = '../escaped.txt'");
    let out = market.path("out");
    std::fs::create_dir(&out).unwrap();
    market.fails(6, &["order", "files", "1", "--to", out.to_str().unwrap(), "--as", "noura"]);
    assert!(!market.path("escaped.txt").exists());
}

#[test]
fn a_late_delivery_cannot_be_cancelled_at_once_by_the_buyer() {
    let mut market = Market::with_order();
    market.set_now("2026-03-05T10:00:00Z");
    let delivered = market.json(&["order", "deliver", "1", "--message", "sorry, late", "--as", "layla"]);
    assert_eq!(delivered["late"], true);
    // delivered (late, but delivered): the buyer's cancel is only a request now
    let requested = market.json(&["order", "cancel", "1", "--as", "noura"]);
    assert_eq!(requested["status"], "delivered");
    assert_eq!(requested["cancel_requested_by"], "noura");
}

/// Each transition, tried by each actor in each state it is not for: refused with the right
/// code, and nothing changes.
#[test]
fn every_transition_refuses_the_wrong_actor_and_the_wrong_state() {
    let market = Market::with_order();
    market.ok(&["user", "add", "omar"]);
    let refused = |code: i32, args: &[&str]| {
        let before = market.snapshot();
        market.fails(code, args);
        assert_eq!(market.snapshot(), before, "souq {args:?} changed the database");
    };
    // active order 1
    for actor in ["noura", "admin", "omar"] {
        refused(5, &["order", "deliver", "1", "--message", "x", "--as", actor]);
    }
    for actor in ["layla", "admin", "omar"] {
        refused(5, &["order", "revise", "1", "--as", actor]);
        refused(5, &["order", "complete", "1", "--as", actor]);
        refused(5, &["order", "review", "1", "--rating", "5", "--as", actor]);
    }
    refused(5, &["order", "cancel", "1", "--as", "omar"]);
    refused(5, &["order", "message", "1", "--message", "x", "--as", "omar"]);
    refused(4, &["order", "revise", "1", "--as", "noura"]);
    refused(4, &["order", "complete", "1", "--as", "noura"]);
    refused(4, &["order", "review", "1", "--rating", "5", "--as", "noura"]);
    // delivered
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    refused(4, &["order", "deliver", "1", "--message", "x", "--as", "layla"]);
    refused(4, &["order", "review", "1", "--rating", "5", "--as", "noura"]);
    // completed
    market.ok(&["order", "complete", "1", "--as", "noura"]);
    for actor in ["layla", "admin"] {
        refused(4, &["order", "cancel", "1", "--as", actor]);
    }
    refused(4, &["order", "cancel", "1", "--as", "noura"]);
    refused(4, &["order", "revise", "1", "--as", "noura"]);
    refused(4, &["order", "deliver", "1", "--message", "x", "--as", "layla"]);
    // people still talk after completion
    market.ok(&["order", "message", "1", "--message", "thanks!", "--as", "noura"]);
    // cancelled
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "cancel", "2", "--as", "admin"]);
    refused(4, &["order", "deliver", "2", "--message", "x", "--as", "layla"]);
    refused(4, &["order", "complete", "2", "--as", "noura"]);
    refused(4, &["order", "revise", "2", "--as", "noura"]);
    market.assert_money_conserved();
}

#[test]
fn order_tables_are_reviewed() {
    let market = Market::with_order();
    market.ok(&["order", "message", "1", "--message", "الرجاء الحفاظ على الأسلوب الرسمي", "--as", "noura"]);
    market.ok(&["order", "deliver", "1", "--message", "تم التسليم", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--rating", "5", "--as", "noura"]);
    insta::assert_snapshot!("order_list_table", market.ok(&["order", "list", "--as", "noura"]));
    insta::assert_snapshot!("order_show_table", market.ok(&["order", "show", "1", "--as", "noura"]));
    insta::assert_snapshot!("wallet_show_table", market.ok(&["wallet", "show", "layla", "--as", "admin"]));
}

#[test]
fn placing_again_with_the_same_key_returns_the_same_order_and_moves_no_money() {
    let market = Market::funded();
    let first = market.json(&["order", "place", "1", "--extra", "1", "--key", "cart-77", "--as", "noura"]);
    let wallet = market.wallet("noura");
    let before = market.snapshot();
    let again = market.json(&["order", "place", "1", "--extra", "1", "--key", "cart-77", "--as", "noura"]);
    assert_eq!(again["id"], first["id"]);
    assert_eq!((first["replayed"].as_bool(), again["replayed"].as_bool()), (Some(false), Some(true)));
    let table = market
        .cmd()
        .args(["order", "place", "1", "--extra", "1", "--key", "cart-77", "--as", "noura"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&table.stderr);
    assert!(stderr.contains("replayed: order key \"cart-77\""), "a person is told too: {stderr}");
    assert_eq!(market.snapshot(), before);
    assert_eq!(market.wallet("noura"), wallet);
    let stderr = market.fails(4, &["order", "place", "1", "--quantity", "2", "--key", "cart-77", "--as", "noura"]);
    assert!(stderr.contains("cart-77"), "{stderr}");
    assert_eq!(market.snapshot(), before);
    let other = market.json(&["order", "place", "1", "--as", "noura"]);
    assert_ne!(other["id"], first["id"]);
    market.ok(&["audit"]);
}

#[test]
fn a_buyers_cancel_of_an_order_on_time_says_it_is_only_a_request() {
    let market = Market::with_order();
    let out = market.cmd().args(["order", "cancel", "1", "--as", "noura", "-o", "json"]).output().unwrap();
    assert!(out.status.success());
    let order: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(order["status"], "active");
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("cancellation requested"), "{out:?}");
}
