//! Reports through the binary: sales per period and sellers by gross, whose totals must equal
//! what the ledger holds (revenue, sellers' earnings, buyers' refunds).

mod common;
use common::Market;
use serde_json::{json, Value};

/// Settled: 2026-03-01 layla's order 1 completed (20.00) and order 2 cancelled (20.00 back);
/// 2026-03-03 omar's order 3 completed (12.50); 2026-04-02 layla's order 4 split by a dispute
/// (7.33 back to noura). Order 5 is still active and in no report.
fn sales_history() -> Market {
    let mut market = Market::funded();
    market.ok(&["user", "add", "omar"]);
    market.ok(&["gig", "create", "--as", "omar", "--title", "Banner", "--price", "12.50", "--days", "2"]);
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--rating", "5", "--as", "noura"]);
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "cancel", "2", "--as", "layla"]);
    market.set_now("2026-03-03T12:00:00Z");
    market.ok(&["order", "place", "2", "--as", "noura"]);
    market.ok(&["order", "deliver", "3", "--message", "done", "--as", "omar"]);
    market.ok(&["order", "complete", "3", "--as", "noura"]);
    market.set_now("2026-04-02T08:00:00Z");
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["dispute", "open", "4", "--reason", "half of it", "--as", "noura"]);
    market.ok(&["dispute", "resolve", "1", "--refund", "7.33", "--as", "admin", "--yes"]);
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market
}

fn periods(report: &Value) -> Vec<&str> {
    report.as_array().unwrap().iter().map(|r| r["period"].as_str().unwrap()).collect()
}

/// Sums one field over a report's rows.
fn total(report: &Value, field: &str) -> i64 {
    report.as_array().unwrap().iter().map(|r| r[field].as_i64().unwrap()).sum()
}

#[test]
fn monthly_sales_add_up_per_month() {
    let market = sales_history();
    let report = market.json(&["report", "sales", "--as", "admin"]);
    assert_eq!(
        report,
        json!([
            {"period": "2026-03", "orders": 3, "gross_cents": 5250, "fee_cents": 650, "refund_cents": 2000, "net_cents": 2600},
            {"period": "2026-04", "orders": 1, "gross_cents": 2000, "fee_cents": 253, "refund_cents": 733, "net_cents": 1014},
        ])
    );
    market.assert_money_conserved();
}

#[test]
fn report_totals_equal_the_ledger() {
    let market = sales_history();
    let report = market.json(&["report", "sales", "--by", "day", "--as", "admin"]);
    assert_eq!(total(&report, "fee_cents"), market.balance("revenue"));
    let earned: i64 = ["layla", "omar"]
        .iter()
        .map(|s| {
            let w = market.wallet(s);
            w["pending_cents"].as_i64().unwrap() + w["available_cents"].as_i64().unwrap()
        })
        .sum();
    assert_eq!(total(&report, "net_cents"), earned);
    // noura paid 100.00 in, placed 5 orders (4 x 20.00 + 12.50), and got the refunds back
    let credit = market.wallet("noura")["credit_cents"].as_i64().unwrap();
    assert_eq!(total(&report, "refund_cents"), credit - (10_000 - 4 * 2000 - 1250));
    for row in report.as_array().unwrap() {
        let parts = ["fee_cents", "refund_cents", "net_cents"].iter().map(|f| row[f].as_i64().unwrap()).sum::<i64>();
        assert_eq!(parts, row["gross_cents"].as_i64().unwrap(), "{row}");
    }
    // everything settled is in the report; only the open order's gross is still in escrow
    assert_eq!(market.balance("escrow"), 2000);
    market.assert_money_conserved();
}

#[test]
fn sales_group_by_day_and_iso_week() {
    let market = sales_history();
    let by_day = market.json(&["report", "sales", "--by", "day", "--as", "admin"]);
    let sold: Vec<&str> =
        by_day.as_array().unwrap().iter().filter(|r| r["orders"] != 0).map(|r| r["period"].as_str().unwrap()).collect();
    assert_eq!(sold, ["2026-03-01", "2026-03-03", "2026-04-02"]);
    assert_eq!(by_day[0]["orders"], 2);
    // every day from the first sale to the last is there, the empty ones as zeros
    assert_eq!(by_day.as_array().unwrap().len(), 31 + 2);
    assert_eq!(
        by_day[1],
        json!({"period": "2026-03-02", "orders": 0, "gross_cents": 0, "fee_cents": 0, "refund_cents": 0, "net_cents": 0})
    );
    let by_week = market.json(&["report", "sales", "--by", "week", "--as", "admin"]);
    // 2026-03-01 is a Sunday: the end of ISO week 9; weeks 11 to 13 sold nothing
    assert_eq!(periods(&by_week), ["2026-W09", "2026-W10", "2026-W11", "2026-W12", "2026-W13", "2026-W14"]);
    assert_eq!([2, 3, 4].map(|i| by_week[i]["gross_cents"].as_i64().unwrap()), [0, 0, 0]);
    assert_eq!(total(&by_week, "gross_cents"), total(&by_day, "gross_cents"));
    let by_month = market.json(&["report", "sales", "--from", "2026-01-15", "--to", "2026-05-01", "--as", "admin"]);
    assert_eq!(periods(&by_month), ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]);
    market.assert_money_conserved();
}

#[test]
fn weeks_are_zero_filled_across_the_iso_year_end() {
    // 2026-12-28 is in 2026-W53 and 2027-01-04 opens 2027-W01; nothing sold in between
    let mut market = Market::funded();
    market.set_now("2026-12-21T10:00:00Z");
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "cancel", "1", "--as", "layla"]);
    market.set_now("2027-01-12T10:00:00Z");
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "cancel", "2", "--as", "layla"]);
    let by_week = market.json(&["report", "sales", "--by", "week", "--as", "admin"]);
    assert_eq!(periods(&by_week), ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]);
    let ranged = market.json(&[
        "report",
        "sales",
        "--by",
        "week",
        "--from",
        "2026-12-30",
        "--to",
        "2027-01-05",
        "--as",
        "admin",
    ]);
    assert_eq!(periods(&ranged), ["2026-W53", "2027-W01"]);
    assert_eq!(total(&ranged, "orders"), 0);
    let nothing = market.json(&["report", "sales", "--by", "day", "--from", "2027-02-01", "--as", "admin"]);
    assert_eq!(nothing, json!([]), "no sales and no --to: no periods to fill");
}

#[test]
fn from_and_to_include_both_days_and_seller_narrows() {
    let market = sales_history();
    let march_rest =
        market.json(&["report", "sales", "--by", "day", "--from", "2026-03-02", "--to", "2026-04-02", "--as", "admin"]);
    assert_eq!(periods(&march_rest).len(), 30 + 2, "2026-03-02 to 2026-04-02, every day");
    assert_eq!((march_rest[0]["orders"].as_i64(), march_rest[1]["orders"].as_i64()), (Some(0), Some(1)));
    assert_eq!(total(&march_rest, "orders"), 2);
    let first_day = market.json(&["report", "sales", "--by", "day", "--to", "2026-03-01", "--as", "admin"]);
    assert_eq!(periods(&first_day), ["2026-03-01"]);
    let omar = market.json(&["report", "sales", "--seller", "omar", "--as", "admin"]);
    assert_eq!(
        omar,
        json!([{"period": "2026-03", "orders": 1, "gross_cents": 1250, "fee_cents": 250, "refund_cents": 0, "net_cents": 1000}])
    );
    market.fails(6, &["report", "sales", "--from", "2026-04-01", "--to", "2026-03-01", "--as", "admin"]);
    market.fails(6, &["report", "sales", "--from", "2026-13-01", "--as", "admin"]);
    market.fails(2, &["report", "sales", "--by", "year", "--as", "admin"]);
    market.fails(3, &["report", "sales", "--seller", "nobody", "--as", "admin"]);
    market.assert_money_conserved();
}

#[test]
fn a_seller_sees_only_their_own_sales() {
    let market = sales_history();
    let own = market.json(&["report", "sales", "--as", "omar"]);
    assert_eq!(total(&own, "gross_cents"), 1250);
    assert_eq!(market.json(&["report", "sales", "--seller", "omar", "--as", "omar"]), own);
    market.fails(5, &["report", "sales", "--seller", "layla", "--as", "omar"]);
    assert_eq!(market.json(&["report", "sales", "--as", "noura"]), json!([]));
    market.fails(2, &["report", "sales"]);
    market.assert_money_conserved();
}

#[test]
fn csv_and_tables_for_scripts_and_people() {
    let market = sales_history();
    let csv = market.ok(&["report", "sales", "--as", "admin", "-o", "csv"]);
    assert_eq!(
        csv,
        "period,orders,gross_cents,fee_cents,refund_cents,net_cents\n2026-03,3,5250,650,2000,2600\n2026-04,1,2000,253,733,1014\n"
    );
    let table = market.ok(&["report", "sales", "--as", "admin"]);
    assert!(table.contains("total") && table.contains("72.50"), "{table}");
    assert!(!table.contains('█'), "no chart when stdout is not a terminal: {table}");
    market.assert_money_conserved();
}

#[test]
fn on_a_terminal_the_table_charts_gross_per_period() {
    let market = sales_history();
    let screen = market.on_a_terminal(&["report", "sales", "--as", "admin"], b"");
    let march = screen.lines().find(|l| l.contains("2026-03")).unwrap_or_else(|| panic!("{screen}"));
    let april = screen.lines().find(|l| l.contains("2026-04")).unwrap();
    let blocks = |line: &str| line.chars().filter(|c| *c == '█').count();
    // March (52.50) is the widest bar, April (20.00) 20/52.5 of it
    assert_eq!(blocks(march), 24, "{screen}");
    assert_eq!(blocks(april), 9, "{screen}");
    market.assert_money_conserved();
}

#[test]
fn sellers_are_ranked_by_gross_with_their_stats() {
    let market = sales_history();
    let ranked = market.json(&["report", "sellers", "--as", "admin"]);
    assert_eq!(ranked[0]["rank"], 1);
    assert_eq!(ranked[0]["seller"], "layla");
    assert_eq!(ranked[0]["gross_cents"], 6000);
    assert_eq!(ranked[0]["net_cents"], 2614);
    assert_eq!(ranked[0]["completed_orders"], 2);
    assert_eq!(ranked[0]["rating_average"], 5.0);
    assert_eq!(ranked[1]["seller"], "omar");
    assert_eq!(ranked[1]["gross_cents"], 1250);
    assert_eq!(ranked.as_array().unwrap().len(), 2);
    // numbers in their own columns for scripts and spreadsheets: no "5.00 (1 ratings)", no "%"
    let csv = market.ok(&["report", "sellers", "--as", "admin", "-o", "csv"]);
    assert_eq!(
        csv,
        "rank,seller,orders,gross_cents,fee_cents,refund_cents,net_cents,completed_orders,rating_average,rating_count,on_time_pct,completion_pct,seller_level\n\
         1,layla,3,6000,653,2733,2614,2,5.0,1,100,66,new\n\
         2,omar,1,1250,250,0,1000,1,,0,100,100,new\n"
    );
    let april = market.json(&["report", "sellers", "--from", "2026-04-01", "--as", "admin"]);
    assert_eq!(april.as_array().unwrap().len(), 1);
    market.fails(5, &["report", "sellers", "--as", "layla"]);
    market.assert_money_conserved();
}

#[test]
fn the_demo_ends_with_a_split_dispute_and_the_sales_report() {
    let market = Market::empty();
    let out = market.cmd().arg("demo").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let dispute = market.json(&["dispute", "show", "1", "--as", "admin"]);
    assert_eq!((dispute["resolution"].as_str(), dispute["refund_cents"].as_i64()), (Some("refund"), Some(875)));
    assert_eq!(
        (dispute["order"]["fee_cents"].as_i64(), dispute["order"]["net_cents"].as_i64()),
        (Some(325), Some(1300))
    );
    let report = market.json(&["report", "sales", "--as", "admin"]);
    assert_eq!(total(&report, "fee_cents"), market.balance("revenue"));
    market.assert_money_conserved();
}

#[test]
fn sales_table_is_reviewed() {
    let market = sales_history();
    insta::assert_snapshot!(
        "report_sales_by_day_table",
        market.ok(&["report", "sales", "--by", "day", "--as", "admin"])
    );
    market.assert_money_conserved();
}
