//! The database the reconcile and gig CSV targets run against (each input only previews, so
//! nothing is committed): an admin, the seller layla with 100.00 available and a payout method,
//! and batch 1 paying her.

use std::time::Duration;

use souq::ledger::{self, Account, Bucket, Movement};
use souq::payouts::{self, PayoutMethod};
use souq::store::{Missing, Store};
use souq::users::{self, NewUser};
use souq::{Money, Session, Timestamp};

pub fn session(actor: &str) -> Session {
    Session { actor: Some(actor.into()), os_user: "fuzz".into(), now: Timestamp::parse("2026-03-01T10:00:00Z").unwrap() }
}

pub fn open() -> Store {
    let dir = tempfile::tempdir().unwrap().keep();
    let mut store = Store::open(&dir.join("fuzz.db"), Missing::Create, Duration::from_secs(5)).unwrap();
    let admin = session("admin");
    store
        .write(|tx| {
            users::add(tx, &admin, &NewUser { username: "admin", email: None, is_admin: true })?;
            let layla = users::add(tx, &admin, &NewUser { username: "layla", email: None, is_admin: false })?;
            users::set_payout(tx, &admin, "layla", PayoutMethod::parse("paypal")?, "layla@example.com")?;
            let earnings = Movement {
                from: Account::World("fuzz".into()),
                to: Account::User(layla.id, Bucket::Available),
                amount: Money::from_cents(10_000),
                kind: "test_earnings",
                order_id: None,
                payout_item_id: None,
                idem_key: "fuzz:layla".into(),
            };
            ledger::post(tx, "admin", admin.now, &earnings)?;
            let request = payouts::run::RunRequest { key: "k".into(), method: None, min: None };
            payouts::run::run(tx, &admin, &request, None, &mut |_, _| {})?;
            Ok(())
        })
        .unwrap();
    store
}
