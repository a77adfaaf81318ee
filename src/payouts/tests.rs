//! Library tests for payouts, on each engine at hand: balances are set up with ledger::post from
//! `world:test`, then runs and random provider results must keep every audit check green and
//! move money once.

use proptest::prelude::*;

use super::reconcile::reconcile;
use super::run::{plan, run, RunRequest};
use super::*;
use crate::ledger::{self, Account, Bucket, Movement};
use crate::store::Store;
use crate::test_engines::{fresh_stores, Fresh};
use crate::users::{self, NewUser};
use crate::{audit, ErrorKind, Session};

fn session(actor: &str) -> Session {
    Session {
        actor: Some(actor.into()),
        os_user: "test".into(),
        now: Timestamp::parse("2026-03-01T10:00:00Z").unwrap(),
    }
}

/// On each engine at hand, a store with the admin `admin` and sellers s0.. on PayPal with these
/// available balances.
fn markets(test: &str, balances: &[i64]) -> Vec<Fresh> {
    let mut markets = fresh_stores(test);
    for market in &mut markets {
        seed(&mut market.store, balances);
    }
    markets
}

fn seed(store: &mut Store, balances: &[i64]) {
    let admin = session("admin");
    store
        .write(|tx| {
            users::add(tx, &admin, &NewUser { username: "admin", email: None, is_admin: true })?;
            for (n, cents) in balances.iter().enumerate() {
                let name = format!("s{n}");
                let user = users::add(tx, &admin, &NewUser { username: &name, email: None, is_admin: false })?;
                users::set_payout(tx, &admin, &name, PayoutMethod::Paypal, &format!("{name}@example.com"))?;
                ledger::post(
                    tx,
                    "admin",
                    admin.now,
                    &Movement {
                        from: Account::World("test".into()),
                        to: Account::User(user.id, Bucket::Available),
                        amount: Money::from_cents(*cents),
                        kind: "test_earnings",
                        order_id: None,
                        payout_item_id: None,
                        idem_key: format!("test:{name}"),
                    },
                )?;
            }
            Ok(())
        })
        .unwrap();
}

fn request(key: &str) -> RunRequest {
    RunRequest { key: key.into(), method: None, min: None }
}

fn assert_audit_ok(store: &Store) {
    let report = audit::run(store.db()).unwrap();
    assert!(report.ok, "{:#?}", report.checks.iter().filter(|c| !c.ok).collect::<Vec<_>>());
}

#[test]
fn a_run_moves_available_into_flight_once_per_key() {
    for mut market in markets("a_run_moves_available_into_flight_once_per_key", &[2500, 999, 1000]) {
        let store = &mut market.store;
        let admin = session("admin");
        let made = store.write(|tx| run(tx, &admin, &request("k"), None, &mut |_, _| {})).unwrap();
        let batch = made.batch.clone().unwrap();
        assert_eq!((batch.id, batch.items_count, batch.total_cents.cents(), made.replayed), (1, 2, 3500, false));
        assert_eq!(ledger::balance(store.db(), &Account::PayoutsInFlight).unwrap().cents(), 3500);
        let again = store.write(|tx| run(tx, &admin, &request("k"), None, &mut |_, _| {})).unwrap();
        assert_eq!((again.batch, again.replayed), (made.batch, true));
        assert_eq!(ledger::balance(store.db(), &Account::PayoutsInFlight).unwrap().cents(), 3500);
        assert_audit_ok(store);
    }
}

/// A previewed run (`--dry-run`) rolls back and uses up no id on either engine: the next batch
/// and its items number on from where the last real ones ended.
#[test]
fn a_preview_uses_no_batch_or_item_id() {
    for mut market in markets("a_preview_uses_no_batch_or_item_id", &[2500, 1500]) {
        let store = &mut market.store;
        let admin = session("admin");
        let preview = store.preview(|tx| run(tx, &admin, &request("k"), None, &mut |_, _| {})).unwrap();
        assert_eq!(preview.batch.map(|b| b.id), Some(1));
        let made = store.write(|tx| run(tx, &admin, &request("k"), None, &mut |_, _| {})).unwrap();
        assert_eq!(made.batch.map(|b| b.id), Some(1));
        let ids: Vec<i64> = items_of(store.db(), 1).unwrap().iter().map(|i| i.id).collect();
        assert_eq!(ids, [1, 2]);
    }
}

#[test]
fn a_run_refuses_when_the_confirmed_plan_no_longer_holds() {
    for mut market in markets("a_run_refuses_when_the_confirmed_plan_no_longer_holds", &[2500, 1500]) {
        let store = &mut market.store;
        let admin = session("admin");
        let confirmed = store.preview(|tx| plan(tx, &admin, &request("k"))).unwrap();
        store.write(|tx| users::set_suspended(tx, &admin, "s1", true, None)).unwrap();
        let err = store.write(|tx| run(tx, &admin, &request("k"), Some(&confirmed), &mut |_, _| {})).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Conflict);
        assert!(find_batch_by_key(store.db(), "k").unwrap().is_none());
    }
}

#[test]
fn progress_is_reported_per_item() {
    for mut market in markets("progress_is_reported_per_item", &[2500, 1500, 1200]) {
        let mut seen = Vec::new();
        market
            .store
            .write(|tx| run(tx, &session("admin"), &request("k"), None, &mut |done, total| seen.push((done, total))))
            .unwrap();
        assert_eq!(seen, [(1, 3), (2, 3), (3, 3)]);
    }
}

const STATUSES: &[&str] =
    &["SUCCESS", "FAILED", "RETURNED", "BLOCKED", "REFUNDED", "REVERSED", "PENDING", "UNCLAIMED", "ONHOLD"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever the provider reports, in whatever order and however often, the audit stays
    /// green and each seller's money is in exactly one place: available, in flight or paid out.
    #[test]
    fn any_sequence_of_results_keeps_the_books_whole(
        results in proptest::collection::vec((0usize..4, 0usize..STATUSES.len()), 1..30)
    ) {
        let balances = [1100, 2200, 3300, 4400];
        for mut market in markets("any_sequence_of_results_keeps_the_books_whole", &balances) {
            let store = &mut market.store;
            let admin = session("admin");
            store.write(|tx| run(tx, &admin, &request("k"), None, &mut |_, _| {})).unwrap();
            for chunk in results.chunks(3) {
                let mut csv = String::from("item_id,status\n");
                for (item, status) in chunk {
                    csv.push_str(&format!("{},{}\n", item_ref(1, *item as i64 + 1), STATUSES[*status]));
                }
                store.write(|tx| reconcile(tx, &admin, 1, csv.as_bytes())).unwrap();
                assert_audit_ok(store);
            }
            let items = items_of(store.db(), 1).unwrap();
            for (n, item) in items.iter().enumerate() {
                let user = users::get(store.db(), &format!("s{n}")).unwrap();
                let available =
                    ledger::balance(store.db(), &Account::User(user.id, Bucket::Available)).unwrap().cents();
                let expected = match item.status {
                    ItemStatus::Failed | ItemStatus::Reversed => balances[n],
                    _ => 0,
                };
                prop_assert_eq!(available, expected, "{:?}", item);
            }
            let paid_out = ledger::balance(store.db(), &Account::World("paypal".into())).unwrap().cents();
            let paid: i64 =
                items.iter().filter(|i| i.status == ItemStatus::Paid).map(|i| i.amount_cents.cents()).sum();
            prop_assert_eq!(paid_out, paid);
        }
    }
}
