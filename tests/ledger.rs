//! `souq ledger journal` through the binary: every transfer with its accounts and links, totals
//! per account that tie out with `wallet show` and `audit`, date ranges, and who sees what.

mod common;
use common::Market;
use serde_json::Value;

/// A month of a marketplace: noura and james deposit; layla sells twice to noura (both
/// completed), omar's order from james is cancelled (james refunded to credit); tick clears
/// layla's earnings on 2026-03-16 and a payout batch pays her on 2026-03-17, which the
/// provider confirms. Returns the market with the clock on 2026-03-17.
fn month() -> Market {
    let mut market = Market::new();
    for name in ["layla", "omar", "noura", "james"] {
        market.ok(&["user", "add", name]);
    }
    market.ok(&[
        "user",
        "set-payout",
        "layla",
        "--method",
        "paypal",
        "--account",
        "layla@example.com",
        "--as",
        "layla",
    ]);
    market.ok(&["wallet", "deposit", "noura", "100", "--method", "paypal", "--ref", "PP-1", "--as", "admin"]);
    market.ok(&["wallet", "deposit", "james", "60", "--method", "payoneer", "--ref", "PO-7", "--as", "admin"]);
    for (seller, title, price) in [("layla", "ترجمة", "25"), ("omar", "Logo", "40")] {
        market.ok(&["gig", "create", "--as", seller, "--title", title, "--price", price, "--days", "3"]);
    }
    for _ in 0..2 {
        let order = market.json(&["order", "place", "1", "--as", "noura"]);
        let id = order["id"].to_string();
        market.ok(&["order", "deliver", &id, "--message", "done", "--as", "layla"]);
        market.ok(&["order", "complete", &id, "--as", "noura"]);
    }
    market.ok(&["order", "place", "2", "--as", "james"]);
    market.ok(&["order", "cancel", "3", "--reason", "too busy", "--as", "omar"]);
    market.set_now("2026-03-16T09:00:00Z");
    market.ok(&["tick"]);
    market.set_now("2026-03-17T09:00:00Z");
    market.ok(&["payout", "run", "--key", "march", "--as", "admin", "-y"]);
    let results = market.path("results.csv");
    std::fs::write(&results, "Status,Item_ID,provider_ref\nSUCCESS,souq-b1-i1,T1\n").unwrap();
    market.ok(&["payout", "reconcile", "1", results.to_str().unwrap(), "--as", "admin"]);
    market
}

fn journal(market: &Market, args: &[&str]) -> Value {
    let mut all = vec!["ledger", "journal"];
    all.extend(args);
    market.json(&all)
}

/// The totals' closing balance of each account, by name.
fn closing(journal: &Value) -> std::collections::BTreeMap<String, i64> {
    journal["totals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["account"].as_str().unwrap().to_string(), t["closing_cents"].as_i64().unwrap()))
        .collect()
}

#[test]
fn the_journal_totals_tie_out_with_every_wallet_and_the_audit() {
    let market = month();
    assert_eq!(market.json(&["audit"])["ok"], true);
    let all = journal(&market, &["--as", "admin"]);
    let closing = closing(&all);
    for (id, name) in [(2, "layla"), (3, "omar"), (4, "noura"), (5, "james")] {
        let wallet = market.wallet(name);
        for bucket in ["credit", "pending", "available"] {
            let account = format!("user:{id}:{bucket}");
            let journal_says = closing.get(&account).copied().unwrap_or(0);
            assert_eq!(journal_says, wallet[format!("{bucket}_cents")], "{account}: {all:#}");
            assert_eq!(journal_says, market.balance(&account), "{account}");
        }
    }
    for account in ["escrow", "revenue", "payouts_in_flight", "world:paypal", "world:payoneer"] {
        assert_eq!(closing[account], market.balance(account), "{account}");
    }
    // double entry: every transfer debits one account and credits another by the same amount
    assert_eq!(closing.values().sum::<i64>(), 0, "{closing:?}");
    let sums = |field: &str| all["totals"].as_array().unwrap().iter().map(|t| t[field].as_i64().unwrap()).sum::<i64>();
    assert_eq!(sums("debits_cents"), sums("credits_cents"));
    let moved: i64 = all["transfers"].as_array().unwrap().iter().map(|t| t["amount_cents"].as_i64().unwrap()).sum();
    assert_eq!(moved, sums("debits_cents"));

    // noura's 100.00 came from paypal, layla's two sales left 2 x 20.00 net (fees 2 x 5.00), the
    // batch sent her 40.00 through payouts_in_flight, and the provider confirmed it
    assert_eq!(closing["user:4:credit"], 5000);
    assert_eq!(closing["user:5:credit"], 6000, "james was refunded in full");
    assert_eq!(closing["revenue"], 1000);
    assert_eq!(closing["world:paypal"], -10000 + 4000);
    assert_eq!(closing["escrow"], 0);
    assert_eq!(closing["payouts_in_flight"], 0);
}

#[test]
fn every_transfer_names_its_accounts_its_order_or_payout_batch_and_its_chain_hash() {
    let market = month();
    let all = journal(&market, &["--as", "admin"]);
    let transfers = all["transfers"].as_array().unwrap();
    let first = &transfers[0];
    assert_eq!(first["transfer_id"], 1);
    assert_eq!(first["kind"], "deposit");
    assert_eq!(
        (first["debit_account"].as_str(), first["credit_account"].as_str()),
        (Some("world:paypal"), Some("user:4:credit"))
    );
    assert_eq!(first["amount_cents"], 10000);
    assert_eq!(first["created_at"], common::T0);
    assert_eq!(first["order_id"], Value::Null);
    assert_eq!(first["hash"].as_str().unwrap().len(), 64);
    let ids: Vec<i64> = transfers.iter().map(|t| t["transfer_id"].as_i64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "oldest first: {ids:?}");
    let refund = transfers.iter().find(|t| t["order_id"] == 3 && t["credit_account"] == "user:5:credit").unwrap();
    assert_eq!(refund["amount_cents"], 4000, "{refund:#}");
    let batch: Vec<&Value> = transfers.iter().filter(|t| t["payout_batch_id"] == 1).collect();
    assert_eq!(batch.len(), 2, "the payout and its confirmation: {transfers:#?}");
    assert!(batch.iter().all(|t| t["payout_item_id"] == 1 && t["amount_cents"] == 4000));
    assert_eq!(batch[1]["credit_account"], "world:paypal");

    // the same transfers in every format
    let csv = market.ok(&["ledger", "journal", "--as", "admin", "-o", "csv"]);
    assert!(csv.starts_with("transfer_id,created_at,kind,debit_account,credit_account,amount_cents,order_id,payout_item_id,payout_batch_id,idem_key,actor,hash\n"), "{csv}");
    assert_eq!(csv.lines().count(), transfers.len() + 1);
    assert!(
        csv.contains(&format!(
            "1,{},deposit,world:paypal,user:4:credit,10000,,,,deposit:paypal:PP-1,admin,",
            common::T0
        )),
        "{csv}"
    );
    let table = market.ok(&["ledger", "journal", "--as", "admin", "-o", "wide"]);
    assert!(table.contains("deposit:payoneer:PO-7") && table.contains(first["hash"].as_str().unwrap()), "{table}");
    let jsonl = market.ok(&["ledger", "journal", "--as", "admin", "-o", "jsonl"]);
    assert_eq!(serde_json::from_str::<Value>(&jsonl).unwrap(), all);
    let yaml = market.ok(&["ledger", "journal", "--as", "admin", "-o", "yaml"]);
    assert!(yaml.starts_with("transfers:\n") && yaml.contains("\ntotals:\n"), "{yaml}");
    let totals = market.ok(&["ledger", "journal", "--as", "admin", "--totals", "-o", "csv"]);
    assert!(
        totals.starts_with("account,username,opening_cents,debits_cents,credits_cents,closing_cents\n"),
        "{totals}"
    );
    assert!(totals.contains("\nuser:4:credit,noura,0,5000,10000,5000\n"), "{totals}");
}

#[test]
fn a_date_range_opens_with_the_balance_before_it_and_closes_with_the_balance_at_its_end() {
    let market = month();
    let march_first = journal(&market, &["--to", "2026-03-01", "--as", "admin"]);
    let later = journal(&market, &["--from", "2026-03-02", "--as", "admin"]);
    let all = journal(&market, &["--as", "admin"]);
    let count = |j: &Value| j["transfers"].as_array().unwrap().len();
    assert!(count(&march_first) > 0 && count(&later) > 0);
    assert_eq!(count(&march_first) + count(&later), count(&all));
    assert!(later["transfers"].as_array().unwrap().iter().all(|t| t["created_at"].as_str().unwrap() >= "2026-03-02"));
    // the first part's closing balances are the second part's opening ones
    let opening: std::collections::BTreeMap<String, i64> = later["totals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["account"].as_str().unwrap().to_string(), t["opening_cents"].as_i64().unwrap()))
        .filter(|(_, cents)| *cents != 0)
        .collect();
    let mut before = closing(&march_first);
    before.retain(|_, cents| *cents != 0);
    assert_eq!(opening, before);
    let nonzero = |j: &Value| {
        let mut balances = closing(j);
        balances.retain(|_, cents| *cents != 0);
        balances
    };
    assert_eq!(nonzero(&later), nonzero(&all));

    market.fails(6, &["ledger", "journal", "--from", "2026-03-10", "--to", "2026-03-01", "--as", "admin"]);
    market.fails(6, &["ledger", "journal", "--from", "tomorrow", "--as", "admin"]);
    let empty = journal(&market, &["--from", "2027-01-01", "--as", "admin"]);
    assert_eq!(empty["transfers"], serde_json::json!([]));
}

#[test]
fn a_user_sees_only_transfers_touching_their_own_accounts() {
    let market = month();
    let before = market.snapshot();
    let mine = journal(&market, &["--as", "james"]);
    let transfers = mine["transfers"].as_array().unwrap();
    assert_eq!(transfers.len(), 3, "deposit, payment, refund: {mine:#}");
    for t in transfers {
        assert!(
            t["debit_account"].as_str().unwrap().starts_with("user:5:")
                || t["credit_account"].as_str().unwrap().starts_with("user:5:"),
            "{t}"
        );
    }
    let accounts: Vec<&str> =
        mine["totals"].as_array().unwrap().iter().map(|t| t["account"].as_str().unwrap()).collect();
    assert_eq!(accounts, ["user:5:credit"], "no platform account's totals");
    assert_eq!(journal(&market, &["--user", "james", "--as", "james"]), mine);
    assert_eq!(journal(&market, &["--user", "james", "--as", "admin"]), mine);
    assert_eq!(journal(&market, &["--account", "user:5:credit", "--as", "james"])["transfers"], mine["transfers"]);

    market.fails(5, &["ledger", "journal", "--user", "layla", "--as", "james"]);
    market.fails(5, &["ledger", "journal", "--account", "user:2:available", "--as", "james"]);
    market.fails(5, &["ledger", "journal", "--account", "escrow", "--as", "james"]);
    market.fails(5, &["ledger", "journal", "--account", "no-such", "--as", "james"]);
    market.fails(3, &["ledger", "journal", "--account", "no-such", "--as", "admin"]);
    market.fails(3, &["ledger", "journal", "--user", "nobody", "--as", "admin"]);
    market.fails(2, &["ledger", "journal", "--user", "james", "--account", "escrow", "--as", "admin"]);
    market.fails(2, &["ledger", "journal"]);
    assert_eq!(market.snapshot(), before);

    let escrow = journal(&market, &["--account", "escrow", "--as", "admin"]);
    assert!(escrow["transfers"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["debit_account"] == "escrow" || t["credit_account"] == "escrow"));
    assert_eq!(closing(&escrow), [("escrow".to_string(), 0)].into());
}

/// The sum of the movements' changes to one balance ("credit_cents", ...).
fn moved(history: &Value, bucket: &str) -> i64 {
    history["movements"].as_array().unwrap().iter().map(|m| m["change"][bucket].as_i64().unwrap()).sum()
}

const BUCKETS: [&str; 3] = ["credit_cents", "pending_cents", "available_cents"];

#[test]
fn wallet_history_runs_each_balance_and_dates_each_pending_earning_by_the_policy() {
    let mut market = Market::new();
    for name in ["layla", "noura"] {
        market.ok(&["user", "add", name]);
    }
    market.ok(&["wallet", "deposit", "noura", "100", "--method", "paypal", "--ref", "PP-1", "--as", "admin"]);
    market.ok(&["gig", "create", "--as", "layla", "--title", "ترجمة", "--price", "25", "--days", "3"]);
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--as", "noura"]); // 2026-03-01: clears 14 days later
    market.ok(&["config", "set", "clearance_days", "10", "--as", "admin"]);
    let pending = market.json(&["wallet", "history", "--as", "layla"]);
    let release = &pending["movements"][0];
    assert_eq!((release["kind"].as_str(), release["order_id"].as_i64()), (Some("release"), Some(1)), "{pending:#}");
    assert_eq!(release["change"]["pending_cents"], 2000);
    assert_eq!(release["clears_on"], "2026-03-11", "completed_at + clearance_days from the policy now");

    market.set_now("2026-03-12T08:00:00Z");
    market.ok(&["tick"]);
    let cleared = market.json(&["wallet", "history", "--as", "layla"]);
    let movements = cleared["movements"].as_array().unwrap();
    assert_eq!(movements.len(), 2, "{cleared:#}");
    assert_eq!(movements[0]["clears_on"], "2026-03-12", "once cleared, the day tick cleared it");
    assert_eq!(movements[1]["kind"], "clearance");
    assert_eq!(
        movements[1]["change"],
        serde_json::json!({"credit_cents": 0, "pending_cents": -2000, "available_cents": 2000})
    );
    assert_eq!(movements[1]["clears_on"], Value::Null);
    let wallet = market.wallet("layla");
    for bucket in BUCKETS {
        assert_eq!(movements[1][bucket], wallet[bucket], "{bucket}");
        assert_eq!(cleared["closing"][bucket], wallet[bucket], "{bucket}");
    }

    // the buyer's side: deposit then payment, each with the credit left after it
    let noura = market.json(&["wallet", "history", "noura", "--as", "admin"]);
    let credit: Vec<i64> =
        noura["movements"].as_array().unwrap().iter().map(|m| m["credit_cents"].as_i64().unwrap()).collect();
    assert_eq!(credit, [10000, 7500]);
    let csv = market.ok(&["wallet", "history", "--as", "noura", "-o", "csv"]);
    assert!(csv.starts_with("transfer_id,created_at,kind,order_id,payout_item_id,change.credit_cents,change.pending_cents,change.available_cents,credit_cents,pending_cents,available_cents,clears_on\n"), "{csv}");
    assert!(csv.contains(",order_payment,1,,-2500,0,0,7500,0,0,\n"), "{csv}");

    let before = market.snapshot();
    market.fails(5, &["wallet", "history", "layla", "--as", "noura"]);
    market.fails(3, &["wallet", "history", "nobody", "--as", "admin"]);
    market.fails(6, &["wallet", "history", "--from", "2026-03-12", "--to", "2026-03-01", "--as", "noura"]);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn a_monthly_statement_opens_where_the_last_closed_and_closes_at_the_wallet_of_its_last_day() {
    let mut market = month();
    let end_of_march = market.wallet("layla");
    let noura_end_of_march = market.wallet("noura");
    // April: noura buys again and layla's new earning is pending
    market.set_now("2026-04-02T10:00:00Z");
    market.ok(&["wallet", "deposit", "noura", "30", "--method", "paypal", "--ref", "PP-2", "--as", "admin"]);
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "deliver", "4", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "4", "--as", "noura"]);

    for (name, end) in [("layla", &end_of_march), ("noura", &noura_end_of_march)] {
        let march = market.json(&["wallet", "statement", name, "--month", "2026-03", "--as", name]);
        let april = market.json(&["wallet", "statement", name, "--month", "2026-04", "--as", "admin"]);
        let now = market.wallet(name);
        assert_eq!((march["from"].as_str(), march["to"].as_str()), (Some("2026-03-01"), Some("2026-03-31")));
        for bucket in BUCKETS {
            assert_eq!(march["opening"][bucket], 0, "{name} {bucket}");
            let closing = march["closing"][bucket].as_i64().unwrap();
            assert_eq!(march["opening"][bucket].as_i64().unwrap() + moved(&march, bucket), closing, "{name} {bucket}");
            assert_eq!(closing, end[bucket], "{name} {bucket}: the wallet on March 31");
            assert_eq!(april["opening"][bucket], march["closing"][bucket], "{name} {bucket}");
            assert_eq!(closing + moved(&april, bucket), now[bucket], "{name} {bucket}");
            assert_eq!(april["closing"][bucket], now[bucket], "{name} {bucket}");
        }
    }
    let april = market.json(&["wallet", "statement", "layla", "--month", "2026-04", "--as", "layla"]);
    assert_eq!(april["movements"][0]["clears_on"], "2026-04-16");

    let table = market.ok(&["wallet", "statement", "noura", "--month", "2026-04", "--as", "noura", "-o", "csv"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[1].starts_with(",2026-04-01,opening,,,0,0,0,5000,0,0,"), "{table}");
    assert!(lines.last().unwrap().starts_with(",2026-04-30,closing,,,0,0,0,5500,0,0,"), "{table}");
    assert_eq!(lines.len(), 1 + 1 + 2 + 1, "header, opening, deposit and payment, closing: {table}");

    let before = market.snapshot();
    market.fails(5, &["wallet", "statement", "layla", "--month", "2026-03", "--as", "noura"]);
    for bad in ["2026-13", "March", "2026-3", "26-03", "2026-03-01"] {
        market.fails(6, &["wallet", "statement", "noura", "--month", bad, "--as", "noura"]);
    }
    market.fails(2, &["wallet", "statement", "noura", "--as", "noura"]);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn a_top_rated_sellers_earnings_are_dated_by_the_shorter_clearance() {
    let mut market = Market::with_order();
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--rating", "5", "--as", "noura"]);
    let clears_on =
        |market: &Market| market.json(&["wallet", "history", "--as", "layla"])["movements"][0]["clears_on"].clone();
    assert_eq!(clears_on(&market), "2026-03-15", "a new seller: clearance_days (14)");
    for (key, value) in [("completed", "1"), ("min_rating", "5"), ("on_time_pct", "100"), ("account_days", "0")] {
        market.ok(&["config", "set", &format!("top_rated_{key}"), value, "--as", "admin"]);
    }
    market.set_now("2026-03-02T10:00:00Z");
    market.ok(&["tick"]); // layla becomes top_rated; nothing clears yet
    assert_eq!(market.json(&["user", "show", "layla"])["level"], "top_rated");
    assert_eq!(clears_on(&market), "2026-03-08", "top_rated: clearance_days_top_rated (7)");
    market.set_now("2026-03-08T10:00:00Z");
    assert_eq!(market.json(&["tick"])["cleared_orders"], 1, "tick clears it on the day history said");
    assert_eq!(clears_on(&market), "2026-03-08");
}
