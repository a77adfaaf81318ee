//! `souq audit` through the binary: green after every kind of scenario, and exit 8 with the
//! broken invariant named after the ledger is edited behind the tool's back (straight SQL on the
//! database, the way an attacker or a careless operator would).

mod common;
use common::Market;
use serde_json::Value;
use souq::db::Engine;

/// A marketplace with money in every place: credit, escrow, pending, available, revenue.
fn busy_market() -> Market {
    let mut market = Market::funded();
    for _ in 0..3 {
        market.ok(&["order", "place", "1", "--as", "noura"]);
    }
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--rating", "5", "--as", "noura"]);
    market.ok(&["order", "deliver", "2", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "2", "--as", "noura"]);
    market.set_now("2026-03-20T10:00:00Z");
    market.ok(&["tick"]);
    market.ok(&["order", "place", "1", "--extra", "1", "--as", "noura"]);
    market.ok(&["order", "deliver", "4", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "4", "--as", "noura"]);
    market
}

/// What an attacker does first: drops the triggers that keep the ledger append-only (on
/// PostgreSQL a trigger is named with its table).
fn drop_append_only_triggers(market: &Market) {
    market.run_sql(match market.engine() {
        Engine::Sqlite => "DROP TRIGGER transfers_append_only_update; DROP TRIGGER transfers_append_only_delete;",
        Engine::Postgres => {
            "DROP TRIGGER transfers_append_only_update ON transfers;
             DROP TRIGGER transfers_append_only_delete ON transfers;"
        }
    });
}

/// The names of the failed checks, from `audit -o json` (which exits 8).
fn failed_checks(market: &Market) -> Vec<String> {
    let out = market.cmd().args(["audit", "-o", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(8), "audit should fail: {}", String::from_utf8_lossy(&out.stdout));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["ok"] == false)
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn audit_passes_on_a_busy_marketplace_and_names_every_check() {
    let market = busy_market();
    market.assert_money_conserved();
    let report = market.json(&["audit"]);
    assert_eq!(report["ok"], true);
    let names: Vec<&str> = report["checks"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    for name in [
        "debits_equal_credits",
        "cached_balances",
        "hash_chain",
        "escrow_matches_open_orders",
        "pending_matches_uncleared",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
}

#[test]
fn an_edited_transfer_amount_fails_the_audit() {
    let market = busy_market();
    drop_append_only_triggers(&market);
    // and pays themselves more
    market.run_sql("UPDATE transfers SET amount = amount + 1000 WHERE kind = 'release'");
    let failed = failed_checks(&market);
    assert!(failed.contains(&"hash_chain".to_string()), "{failed:?}");
    assert!(failed.contains(&"cached_balances".to_string()), "{failed:?}");
}

#[test]
fn a_deleted_transfer_fails_the_audit() {
    let market = busy_market();
    drop_append_only_triggers(&market);
    market.run_sql("DELETE FROM transfers WHERE id = 3");
    assert!(failed_checks(&market).contains(&"hash_chain".to_string()));
}

#[test]
fn an_edited_balance_fails_the_audit() {
    let market = busy_market();
    market.run_sql("UPDATE accounts SET balance = balance + 500 WHERE name = 'user:2:pending'");
    let failed = failed_checks(&market);
    assert!(failed.contains(&"cached_balances".to_string()), "{failed:?}");
    assert!(failed.contains(&"debits_equal_credits".to_string()), "{failed:?}");
    assert!(failed.contains(&"pending_matches_uncleared".to_string()), "{failed:?}");
}

#[test]
fn money_taken_out_of_escrow_fails_the_audit() {
    let market = busy_market();
    // balanced on paper (escrow down, revenue up, as if by a transfer) but no open order lost its money
    market.run_sql(
        "UPDATE accounts SET balance = balance - 100 WHERE name = 'escrow';
         UPDATE accounts SET balance = balance + 100 WHERE name = 'revenue';",
    );
    assert!(failed_checks(&market).contains(&"escrow_matches_open_orders".to_string()));
}

#[test]
fn a_failed_audit_exits_8_with_one_error_line() {
    let market = busy_market();
    market.run_sql("UPDATE accounts SET balance = balance + 1 WHERE name = 'revenue'");
    let err = market.fails(8, &["audit"]);
    assert!(err.contains("cached_balances"), "{err}");
}

#[test]
fn the_demo_marketplace_passes_the_audit() {
    let market = Market::empty();
    let out = market.cmd().args(["demo", "--db", &market.db]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for state in ["active", "delivered", "completed", "cancelled", "late"] {
        assert!(stdout.contains(state), "the demo shows no {state} order");
    }
    market.assert_money_conserved();
    let orders = market.json(&["order", "list", "--as", "admin"]);
    assert_eq!(orders.as_array().unwrap().len(), 10);
}
