//! Disputes: the buyer or the seller stops an order's clocks and asks an admin to decide; the
//! admin's resolution moves the escrowed money through the orders module's settlement.

use rusqlite::params;
use serde::Serialize;
use serde_json::json;

use crate::clock::Timestamp;
use crate::db::{Db, Row};
use crate::error::{Error, Result};
use crate::events::{self, Event};
use crate::money::Money;
use crate::orders::{self, Order, Role};
use crate::status::{DisputeStatus, OrderStatus};
use crate::users;
use crate::{text, Session};

pub const MAX_TEXT_CHARS: usize = 2_000;

/// A dispute as docs/design.md's JSON shape has it, plus the admin's note.
#[derive(Debug, Clone, Serialize)]
pub struct Dispute {
    pub id: i64,
    pub order_id: i64,
    pub opened_by: String,
    pub reason: String,
    pub status: DisputeStatus,
    pub resolution: Option<String>,
    pub refund_cents: Option<Money>,
    pub resolved_by: Option<String>,
    pub note: Option<String>,
    pub opened_at: Timestamp,
    pub resolved_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Comment {
    pub id: i64,
    pub dispute_id: i64,
    pub author: String,
    pub body: String,
    pub created_at: Timestamp,
}

/// How an admin settles a dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Cancel the order: the whole gross back to the buyer's credit.
    RefundAll,
    /// Complete the order as if the buyer had accepted it.
    Release,
    /// This much back to the buyer; the order completes on the rest.
    Refund(Money),
}

impl Resolution {
    pub fn name(self) -> &'static str {
        match self {
            Resolution::RefundAll => "refund_all",
            Resolution::Release => "release",
            Resolution::Refund(_) => "refund",
        }
    }
}

const SELECT: &str = "
    SELECT d.id, d.order_id, o.username, d.reason, d.status, d.resolution, d.refund_cents, r.username,
           d.note, d.opened_at, d.resolved_at
    FROM disputes d
    JOIN users o ON o.id = d.opened_by
    LEFT JOIN users r ON r.id = d.resolved_by";

fn from_row(r: &Row) -> Result<Dispute> {
    Ok(Dispute {
        id: r.get(0)?,
        order_id: r.get(1)?,
        opened_by: r.get(2)?,
        reason: r.get(3)?,
        status: r.get(4)?,
        resolution: r.get(5)?,
        refund_cents: r.get::<Option<i64>>(6)?.map(Money::from_cents),
        resolved_by: r.get(7)?,
        note: r.get(8)?,
        opened_at: r.get(9)?,
        resolved_at: r.get(10)?,
    })
}

pub fn get(db: &Db, id: i64) -> Result<Dispute> {
    let sql = format!("{SELECT} WHERE d.id = ?1");
    db.query_opt(&sql, params![id], from_row)?.ok_or_else(|| Error::not_found("dispute", id))
}

/// The buyer or the seller opens a dispute on an active or delivered order. The order becomes
/// `disputed`, which stops its clocks: tick neither completes, cancels nor flags it.
pub fn open(db: &Db, session: &Session, order_id: i64, reason: &str) -> Result<Dispute> {
    let (user, order, role) = orders::visible_to_actor(db, session, order_id)?;
    if !matches!(role, Role::Buyer | Role::Seller) {
        return Err(Error::forbidden(format!(
            "only {} and {} open a dispute on order {order_id}",
            order.buyer, order.seller
        )));
    }
    if !matches!(order.status, OrderStatus::Active | OrderStatus::Delivered) {
        return Err(Error::conflict(format!("order {order_id} is {} and cannot be disputed", order.status)));
    }
    let reason = text::required(reason, "reason", MAX_TEXT_CHARS)?;
    // the order is active or delivered, so it has no open dispute for the one-open index to refuse
    let id = db.insert(
        "INSERT INTO disputes (order_id, opened_by, reason, opened_at) VALUES (?1, ?2, ?3, ?4) RETURNING id",
        params![order_id, user.id, reason, session.now],
    )?;
    db.execute("UPDATE orders SET status = 'disputed' WHERE id = ?1", params![order_id])?;
    events::record(db, session, "order.disputed", "order", order_id, json!({"dispute_id": id, "from": order.status}))?;
    events::record(db, session, "dispute.opened", "dispute", id, json!({"order_id": order_id, "reason": reason}))?;
    get(db, id)
}

/// The buyer, the seller or an admin adds to an open dispute.
pub fn comment(db: &Db, session: &Session, id: i64, body: &str) -> Result<Comment> {
    let dispute = get(db, id)?;
    let (user, _, _) = orders::visible_to_actor(db, session, dispute.order_id)?;
    if dispute.status != DisputeStatus::Open {
        return Err(Error::conflict(format!("dispute {id} is resolved and takes no more comments")));
    }
    let body = text::required(body, "comment", MAX_TEXT_CHARS)?;
    let comment_id = db.insert(
        "INSERT INTO dispute_comments (dispute_id, author_id, body, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id",
        params![id, user.id, body, session.now],
    )?;
    events::record(db, session, "dispute.commented", "dispute", id, json!({"comment_id": comment_id}))?;
    Ok(Comment {
        id: comment_id,
        dispute_id: id,
        author: user.username,
        body: body.to_string(),
        created_at: session.now,
    })
}

/// What `dispute resolve` did: the dispute and the order as they now are.
#[derive(Debug, Clone, Serialize)]
pub struct Resolved {
    #[serde(flatten)]
    pub dispute: Dispute,
    pub order: Order,
}

/// An admin who is not a party to the order settles an open dispute. The money moves only through `orders::refund_all` and
/// `orders::settle`, the same paths cancellation and completion take. A refund must be more
/// than zero and at most the order's gross (exit 6 otherwise); a resolved dispute is exit 4.
pub fn resolve(db: &Db, session: &Session, id: i64, resolution: Resolution, note: Option<&str>) -> Result<Resolved> {
    let admin = users::acting_admin(db, session, "resolve disputes")?;
    let dispute = get(db, id)?;
    if dispute.status != DisputeStatus::Open {
        return Err(Error::conflict(format!(
            "dispute {id} is already resolved ({})",
            dispute.resolution.as_deref().unwrap_or_default()
        )));
    }
    let note = note.map(|n| text::required(n, "note", MAX_TEXT_CHARS)).transpose()?;
    let order = orders::get(db, dispute.order_id)?;
    if order.role_of(&admin) != Role::Admin {
        return Err(Error::forbidden(format!(
            "{} is a party to order {} and cannot decide its dispute; another admin must",
            admin.username, order.id
        )));
    }
    let order = match resolution {
        Resolution::RefundAll => orders::refund_all(db, session, &order)?,
        Resolution::Release => orders::settle(db, session, &order, Money::ZERO)?,
        Resolution::Refund(amount) => {
            if !amount.is_positive() || amount > order.gross_cents {
                return Err(Error::invalid(format!(
                    "a refund must be more than 0.00 and at most the order's {}, got {amount}",
                    order.gross_cents
                ))
                .with_hint("--release pays the seller in full; --refund-all returns everything to the buyer"));
            }
            orders::settle(db, session, &order, amount)?
        }
    };
    db.execute(
        "UPDATE disputes SET status = 'resolved', resolution = ?2, refund_cents = ?3, note = ?4, resolved_by = ?5,
                             resolved_at = ?6
         WHERE id = ?1",
        params![id, resolution.name(), order.refund_cents.cents(), note, admin.id, session.now],
    )?;
    events::record(
        db,
        session,
        "dispute.resolved",
        "dispute",
        id,
        json!({"order_id": order.id, "resolution": resolution.name(), "refund_cents": order.refund_cents,
               "fee_cents": order.fee_cents, "net_cents": order.net_cents}),
    )?;
    Ok(Resolved { dispute: get(db, id)?, order })
}

/// Disputes the acting user may see: on their own orders, or every one for an admin.
pub fn list(db: &Db, session: &Session, status: Option<DisputeStatus>) -> Result<Vec<Dispute>> {
    let user = users::acting(db, session)?;
    // the cast types ?3 for PostgreSQL, which cannot tell it from `?3 IS NULL` alone
    let sql = format!(
        "{SELECT}
         JOIN orders x ON x.id = d.order_id
         WHERE (?1 OR x.buyer_id = ?2 OR x.seller_id = ?2) AND (CAST(?3 AS TEXT) IS NULL OR d.status = ?3)
         ORDER BY d.id"
    );
    db.query_map(&sql, params![user.is_admin, user.id, status], from_row)
}

/// A dispute with its order, comments and timeline (the dispute's and its order's events).
#[derive(Debug, Clone, Serialize)]
pub struct DisputeDetail {
    #[serde(flatten)]
    pub dispute: Dispute,
    pub order: Order,
    pub comments: Vec<Comment>,
    pub timeline: Vec<Event>,
}

/// The whole story of a dispute, for its buyer, its seller or an admin.
pub fn show(db: &Db, session: &Session, id: i64) -> Result<DisputeDetail> {
    let dispute = get(db, id)?;
    let (_, order, _) = orders::visible_to_actor(db, session, dispute.order_id)?;
    let of = |entity: &str, entity_id: i64| {
        events::list(db, &events::Filter { entity: Some((entity.into(), entity_id)), ..Default::default() })
    };
    let mut timeline = of("dispute", id)?;
    timeline.extend(of("order", order.id)?);
    timeline.sort_by_key(|e| e.id);
    Ok(DisputeDetail { comments: comments_of(db, id)?, timeline, dispute, order })
}

fn comments_of(db: &Db, id: i64) -> Result<Vec<Comment>> {
    db.query_map(
        "SELECT c.id, c.dispute_id, u.username, c.body, c.created_at
         FROM dispute_comments c JOIN users u ON u.id = c.author_id WHERE c.dispute_id = ?1 ORDER BY c.id",
        params![id],
        |r| {
            Ok(Comment {
                id: r.get(0)?,
                dispute_id: r.get(1)?,
                author: r.get(2)?,
                body: r.get(3)?,
                created_at: r.get(4)?,
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use proptest::prelude::*;

    use super::*;
    use crate::gigs::{self, GigInput};
    use crate::ledger::{self, Account, Bucket};
    use crate::store::{Missing, Store};
    use crate::users::NewUser;
    use crate::wallet::{self, Deposit};
    use crate::{audit, policy};

    fn at(actor: &str) -> Session {
        Session { actor: Some(actor.into()), os_user: "test".into(), now: Timestamp::parse("2026-03-01").unwrap() }
    }

    /// A marketplace at commission `bps` with one order of `price` x `quantity`, disputed by its buyer.
    fn disputed_order(dir: &std::path::Path, price: i64, quantity: i64, bps: i64) -> Store {
        let mut store = Store::open(dir.join("d.db"), Missing::Create, Duration::from_secs(5)).unwrap();
        store.db().execute_batch("PRAGMA synchronous = OFF").unwrap();
        store
            .write(|tx| {
                for (name, is_admin) in [("admin", true), ("layla", false), ("noura", false)] {
                    users::add(tx, &at("admin"), &NewUser { username: name, email: None, is_admin })?;
                }
                let settings = [("commission_bps".into(), bps.to_string()), ("max_deposit".into(), "100000".into())];
                policy::set_many(tx, &at("admin"), &settings)?;
                let gig = GigInput {
                    sku: None,
                    title: "Logo".into(),
                    description: String::new(),
                    category: String::new(),
                    tags: Vec::new(),
                    price: Money::from_cents(price),
                    delivery_days: 2,
                    extras: Vec::new(),
                };
                gigs::create(tx, &at("layla"), &gig)?;
                let amount = Money::from_cents(price * quantity);
                let deposit = Deposit { username: "noura", amount, method: "card", reference: "r" };
                wallet::deposit(tx, &at("admin"), &deposit)?;
                let new = orders::NewOrder { gig_id: 1, extras: Vec::new(), quantity, note: None, key: None };
                orders::place(tx, &at("noura"), &new)?;
                open(tx, &at("noura"), 1, "not what I asked for")
            })
            .unwrap();
        store
    }

    #[test]
    fn disputes_read_alike_on_both_engines() {
        let seen = crate::test_engines::on_each(|db| {
            crate::test_engines::seed(db);
            db.execute(
                "INSERT INTO disputes (order_id, opened_by, reason, status, resolution, refund_cents, resolved_by,
                                       opened_at, resolved_at)
                 VALUES (1, 3, 'late', 'resolved', 'refund', 500, 1, '2026-03-01T12:00:00Z', '2026-03-02T09:00:00Z')",
                &[],
            )
            .unwrap();
            db.execute(
                "INSERT INTO disputes (order_id, opened_by, reason, opened_at) VALUES (3, 2, 'no reply', '2026-03-03T12:00:00Z')",
                &[],
            )
            .unwrap();
            db.execute(
                "INSERT INTO dispute_comments (dispute_id, author_id, body, created_at)
                 VALUES (1, 2, 'sent it', '2026-03-01T13:00:00Z')",
                &[],
            )
            .unwrap();
            serde_json::json!({
                "resolved": get(db, 1).unwrap(),
                "open": get(db, 2).unwrap(),
                "comments": comments_of(db, 1).unwrap(),
                "missing": get(db, 9).unwrap_err().kind() == crate::error::ErrorKind::NotFound,
            })
        });
        assert_eq!(
            (&seen["resolved"]["refund_cents"], &seen["resolved"]["resolved_by"]),
            (&500.into(), &"admin".into())
        );
        assert_eq!(
            (&seen["open"]["refund_cents"], &seen["open"]["opened_by"]),
            (&serde_json::Value::Null, &"layla".into())
        );
        assert_eq!(seen["comments"][0]["author"], "layla");
        assert_eq!(seen["missing"], true);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// For every gross and refund, the buyer gets the refund back, revenue the fee on the
        /// seller's part and the seller the rest: refund + fee + net = gross, no cent lost.
        #[test]
        fn a_split_refund_accounts_for_every_cent(
            (price, quantity, refund) in (500i64..=100_000, 1i64..=100)
                .prop_flat_map(|(price, quantity)| (Just(price), Just(quantity), 1..=price * quantity)),
            bps in 0i64..=10_000,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let mut store = disputed_order(dir.path(), price, quantity, bps);
            let gross = price * quantity;
            let resolved = store
                .write(|tx| resolve(tx, &at("admin"), 1, Resolution::Refund(Money::from_cents(refund)), None))
                .unwrap();
            let balance = |account| ledger::balance(store.db(), &account).unwrap().cents();
            let (fee, net) = (balance(Account::Revenue), balance(Account::User(2, Bucket::Pending)));
            prop_assert_eq!(balance(Account::User(3, Bucket::Credit)), refund);
            prop_assert_eq!(fee, Money::fee(Money::from_cents(gross - refund), bps).unwrap().cents());
            prop_assert_eq!(refund + fee + net, gross);
            prop_assert_eq!(balance(Account::Escrow), 0);
            prop_assert_eq!((resolved.order.fee_cents.cents(), resolved.order.net_cents.cents()), (fee, net));
            prop_assert_eq!(resolved.dispute.refund_cents, Some(Money::from_cents(refund)));
            prop_assert!(audit::run(store.db()).unwrap().ok);
        }
    }
}
