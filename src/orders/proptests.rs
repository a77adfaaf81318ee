//! Random sequences of marketplace operations, refused ones included, must keep every invariant
//! `souq audit` checks, after every single step.

use std::cell::Cell;
use std::time::Duration;

use proptest::prelude::*;
use proptest::test_runner::TestRunner;

use crate::error::{ErrorKind, Result};
use crate::gigs::{self, ExtraInput, GigInput};
use crate::store::{Missing, Store};
use crate::users::{self, NewUser};
use crate::wallet::{self, Deposit};
use crate::{audit, disputes, orders, tick, Money, Session, Timestamp};

/// admin, two sellers, two buyers (noura also sells a gig, so self-purchase gets tried); a user
/// index picks from these.
const USERS: &[&str] = &["admin", "layla", "omar", "noura", "james"];

/// Who attempts an order operation: mostly the party who may (so orders move), sometimes
/// another party, an admin or anyone.
#[derive(Debug, Clone, Copy)]
enum Who {
    Buyer,
    Seller,
    Admin,
    Anyone(usize),
}

fn who(party: Who) -> impl Strategy<Value = Who> {
    prop_oneof![
        6 => Just(party),
        1 => Just(Who::Buyer),
        1 => Just(Who::Seller),
        1 => Just(Who::Admin),
        1 => (0..USERS.len()).prop_map(Who::Anyone),
    ]
}

/// Turns a random selector into an order id among those placed so far (or 1 when none is,
/// which exercises "not found"), so that operations mostly land on real orders: half of them
/// on one of the newest three, which are still open more often than not.
fn pick(store: &Store, selector: i64) -> i64 {
    let placed: i64 = store.db().query_row("SELECT count(*) FROM orders", &[], |r| r.get(0)).unwrap();
    if selector % 2 == 0 {
        (placed - selector / 2 % 3).max(1)
    } else {
        1 + selector / 2 % placed.max(1)
    }
}

/// The acting user's index for `who` on `order` (on an order that does not exist: the admin).
fn resolve(store: &Store, order: i64, who: Who) -> usize {
    let party = |name: &str| USERS.iter().position(|u| *u == name).unwrap();
    let found = orders::find(store.db(), order).unwrap();
    match (who, found) {
        (Who::Anyone(user), _) => user,
        (Who::Buyer, Some(o)) => party(&o.buyer),
        (Who::Seller, Some(o)) => party(&o.seller),
        (Who::Admin, _) | (_, None) => 0,
    }
}

#[derive(Debug, Clone)]
enum Op {
    Deposit {
        user: usize,
        cents: i64,
        reference: u8,
    },
    Place {
        buyer: usize,
        gig: i64,
        extra: bool,
        quantity: i64,
    },
    Deliver {
        order: i64,
        actor: Who,
    },
    Revise {
        order: i64,
        actor: Who,
    },
    Complete {
        order: i64,
        actor: Who,
        rating: Option<i64>,
    },
    Cancel {
        order: i64,
        actor: Who,
    },
    Review {
        order: i64,
        actor: Who,
        rating: i64,
    },
    Dispute {
        order: i64,
        actor: Who,
    },
    /// how: 0 refund all, 1 release, 2 refund `refund` cents (in range or not).
    Resolve {
        dispute: i64,
        actor: Who,
        how: u8,
        refund: i64,
    },
    Wait {
        hours: i64,
    },
    Tick,
}

fn op() -> impl Strategy<Value = Op> {
    let user = 0..USERS.len();
    let order = 0i64..1_000;
    // buyers are mostly noura and james with money; sometimes anyone (a seller, self-purchase, no money)
    let buyer = prop_oneof![4 => 3usize..5, 1 => user];
    prop_oneof![
        2 => (3usize..5, 1i64..10_000, 0u8..30)
            .prop_map(|(user, cents, reference)| Op::Deposit { user, cents, reference }),
        3 => (buyer, 1i64..=3, proptest::bool::weighted(0.3), prop_oneof![4 => 1i64..=2, 1 => 0i64..=101])
            .prop_map(|(buyer, gig, extra, quantity)| Op::Place { buyer, gig, extra, quantity }),
        2 => (order.clone(), who(Who::Seller)).prop_map(|(order, actor)| Op::Deliver { order, actor }),
        1 => (order.clone(), who(Who::Buyer)).prop_map(|(order, actor)| Op::Revise { order, actor }),
        2 => (order.clone(), who(Who::Buyer), proptest::option::of(0i64..=6))
            .prop_map(|(order, actor, rating)| Op::Complete { order, actor, rating }),
        1 => (order.clone(), who(Who::Buyer)).prop_map(|(order, actor)| Op::Cancel { order, actor }),
        2 => (order.clone(), who(Who::Buyer)).prop_map(|(order, actor)| Op::Dispute { order, actor }),
        1 => (order.clone(), who(Who::Admin), 0u8..3, -100i64..7_000)
            .prop_map(|(dispute, actor, how, refund)| Op::Resolve { dispute, actor, how, refund }),
        1 => (order, who(Who::Buyer), 0i64..=6).prop_map(|(order, actor, rating)| Op::Review { order, actor, rating }),
        1 => (1i64..24 * 10).prop_map(|hours| Op::Wait { hours }),
        1 => Just(Op::Tick),
    ]
}

fn session(user: Option<usize>, now: Timestamp) -> Session {
    Session { actor: user.map(|u| USERS[u].to_string()), os_user: "proptest".into(), now }
}

fn gig(title: &str, price: i64, extras: &[&str]) -> GigInput {
    GigInput {
        sku: None,
        title: title.into(),
        description: String::new(),
        category: String::new(),
        tags: Vec::new(),
        price: Money::from_cents(price),
        delivery_days: 2,
        extras: extras.iter().map(|e| ExtraInput::parse(e).unwrap()).collect(),
    }
}

fn marketplace(dir: &std::path::Path, now: Timestamp) -> Store {
    let mut store = Store::open(dir.join("p.db"), Missing::Create, Duration::from_secs(5)).unwrap();
    // durability is not under test here; speed is
    store.db().execute_batch("PRAGMA synchronous = OFF").unwrap();
    store
        .write(|tx| {
            for (i, name) in USERS.iter().enumerate() {
                users::add(tx, &session(Some(0), now), &NewUser { username: name, email: None, is_admin: i == 0 })?;
            }
            gigs::create(tx, &session(Some(1), now), &gig("Translation", 2_000, &["Express=10+0d"]))?;
            gigs::create(tx, &session(Some(2), now), &gig("Logo", 3_333, &[]))?;
            gigs::create(tx, &session(Some(3), now), &gig("Voice", 500, &[]))?;
            for buyer in ["noura", "james"] {
                let deposit = Deposit {
                    username: buyer,
                    amount: Money::from_cents(30_000),
                    method: "card",
                    reference: &format!("start-{buyer}"),
                };
                wallet::deposit(tx, &session(Some(0), now), &deposit)?;
            }
            // an order each from the start, so that early operations have one to act on
            for (buyer, gig_id) in [(3, 1), (4, 2)] {
                let new = orders::NewOrder { gig_id, extras: Vec::new(), quantity: 1, note: None, key: None };
                orders::place(tx, &session(Some(buyer), now), &new)?;
            }
            Ok(())
        })
        .unwrap();
    store
}

/// Applies one operation in its own transaction; refusals roll back, as in the binary. Returns
/// what the database said (`None` for waiting, which asks it nothing).
fn apply(store: &mut Store, op: &Op, now: &mut Timestamp) -> Option<Result<()>> {
    let at = *now;
    let on_order = |store: &Store, selector: i64, who: Who| {
        let order = pick(store, selector);
        (session(Some(resolve(store, order, who)), at), order)
    };
    let result = match op {
        Op::Deposit { user, cents, reference } => {
            let reference = format!("ref-{reference}");
            let deposit = Deposit {
                username: USERS[*user],
                amount: Money::from_cents(*cents),
                method: "paypal",
                reference: &reference,
            };
            store.write(|tx| wallet::deposit(tx, &session(Some(0), at), &deposit)).map(drop)
        }
        Op::Place { buyer, gig, extra, quantity } => {
            let extras = if *extra { vec![1] } else { Vec::new() };
            let new = orders::NewOrder { gig_id: *gig, extras, quantity: *quantity, note: None, key: None };
            store.write(|tx| orders::place(tx, &session(Some(*buyer), at), &new)).map(drop)
        }
        Op::Deliver { order, actor } => {
            let (s, order) = on_order(store, *order, *actor);
            store.write(|tx| orders::deliver(tx, &s, order, "here it is", &[])).map(drop)
        }
        Op::Revise { order, actor } => {
            let (s, order) = on_order(store, *order, *actor);
            store.write(|tx| orders::revise(tx, &s, order, Some("again"))).map(drop)
        }
        Op::Complete { order, actor, rating } => {
            let (s, order) = on_order(store, *order, *actor);
            let review = rating.map(|rating| orders::Review { rating, text: None });
            store.write(|tx| orders::complete(tx, &s, order, review.as_ref())).map(drop)
        }
        Op::Cancel { order, actor } => {
            let (s, order) = on_order(store, *order, *actor);
            store.write(|tx| orders::cancel(tx, &s, order, None)).map(drop)
        }
        Op::Review { order, actor, rating } => {
            let (s, order) = on_order(store, *order, *actor);
            let review = orders::Review { rating: *rating, text: None };
            store.write(|tx| orders::review(tx, &s, order, &review)).map(drop)
        }
        Op::Dispute { order, actor } => {
            let (s, order) = on_order(store, *order, *actor);
            store.write(|tx| disputes::open(tx, &s, order, "not as described")).map(drop)
        }
        Op::Resolve { dispute, actor, how, refund } => {
            let opened: i64 = store.db().query_row("SELECT count(*) FROM disputes", &[], |r| r.get(0)).unwrap();
            let id = 1 + dispute % opened.max(1);
            let order = disputes::get(store.db(), id).map_or(0, |d| d.order_id);
            let s = session(Some(resolve(store, order, *actor)), at);
            let resolution = match how {
                0 => disputes::Resolution::RefundAll,
                1 => disputes::Resolution::Release,
                _ => disputes::Resolution::Refund(Money::from_cents(*refund)),
            };
            store.write(|tx| disputes::resolve(tx, &s, id, resolution, None)).map(drop)
        }
        Op::Wait { hours } => {
            *now = now.plus_seconds(hours * 3600);
            return None;
        }
        Op::Tick => store.write(|tx| tick::run(tx, &session(None, at))).map(drop),
    };
    Some(result)
}

/// Every case's operations run through `apply`, with audit after each; across all cases at
/// least a third of the operations must succeed, or the test would pass by refusing everything.
#[test]
fn random_operations_keep_every_audit_check() {
    let mut runner = TestRunner::new(ProptestConfig { cases: 32, ..ProptestConfig::default() });
    let (asked, done) = (Cell::new(0u64), Cell::new(0u64));
    let outcome = runner.run(&proptest::collection::vec(op(), 10..80), |ops| {
        let dir = tempfile::tempdir().unwrap();
        let mut now = Timestamp::parse("2026-03-01T10:00:00Z").unwrap();
        let mut store = marketplace(dir.path(), now);
        for (step, op) in ops.iter().enumerate() {
            if let Some(result) = apply(&mut store, op, &mut now) {
                asked.set(asked.get() + 1);
                match result {
                    Ok(()) => done.set(done.get() + 1),
                    // a refusal names what was wrong; an internal error is a bug
                    Err(e) => prop_assert!(e.kind() != ErrorKind::Internal, "step {step} {op:?}: {e}"),
                }
            }
            let report = audit::run(store.db()).unwrap();
            let failed: Vec<_> = report.checks.iter().filter(|c| !c.ok).collect();
            prop_assert!(report.ok, "after step {step} {op:?}: {failed:?}");
        }
        // tick is idempotent: a second run at the same time finds nothing to do
        let at = now;
        store.write(|tx| tick::run(tx, &session(None, at))).unwrap();
        let again = store.write(|tx| tick::run(tx, &session(None, at))).unwrap();
        prop_assert_eq!(again, tick::TickSummary::default());
        Ok(())
    });
    if let Err(failure) = outcome {
        panic!("{failure}");
    }
    let (asked, done) = (asked.get(), done.get());
    assert!(done * 3 >= asked, "only {done} of {asked} operations succeeded");
}
