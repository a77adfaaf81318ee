//! Orders: a buyer pays a gig into escrow, the seller delivers, the buyer completes (money
//! released to the seller's pending balance) or the order is cancelled (refunded to credit).
//! Reading orders lives here; the transitions live in the submodules.

mod conversation;
mod lifecycle;
#[cfg(test)]
mod proptests;
mod settlement;

use rusqlite::params;
use serde::Serialize;

use crate::clock::Timestamp;
use crate::db::{Db, Params, Row};
use crate::error::{Error, Result};
use crate::events::{self, Event};
use crate::money::Money;
use crate::status::OrderStatus;
use crate::users::{self, User};
use crate::Session;

pub use conversation::{export_files, message, Delivery, Message, WrittenFile};
pub use lifecycle::{cancel, complete, deliver, place, review, revise, NewOrder, Review};
pub use settlement::{refund_all, settle};

/// An order as docs/design.md's JSON shape has it, plus the fields the marketplace needs to act on it.
#[derive(Debug, Clone, Serialize)]
pub struct Order {
    pub id: i64,
    pub gig_id: i64,
    pub buyer: String,
    pub seller: String,
    pub status: OrderStatus,
    pub quantity: i64,
    /// Ids of the gig extras bought with the order.
    pub extras: Vec<i64>,
    pub gross_cents: Money,
    pub fee_cents: Money,
    pub net_cents: Money,
    pub refund_cents: Money,
    pub placed_at: Timestamp,
    pub due_at: Timestamp,
    pub delivered_at: Option<Timestamp>,
    pub completed_at: Option<Timestamp>,
    pub cancelled_at: Option<Timestamp>,
    pub cleared_at: Option<Timestamp>,
    pub late: bool,
    pub cancel_requested_by: Option<String>,
    pub cancel_requested_at: Option<Timestamp>,
    pub cancel_reason: Option<String>,
    pub rating: Option<i64>,
    pub review: Option<String>,
    /// The seller's one answer to the review.
    pub review_reply: Option<String>,
    pub note: Option<String>,
    #[serde(skip)]
    pub buyer_id: i64,
    #[serde(skip)]
    pub seller_id: i64,
    /// The commission in force when the order was placed: a later policy change does not
    /// change what this order pays.
    #[serde(skip)]
    pub commission_bps: i64,
}

impl Order {
    /// The money is still held for this order (escrow holds its gross).
    pub fn is_open(&self) -> bool {
        matches!(self.status, OrderStatus::Active | OrderStatus::Delivered | OrderStatus::Disputed)
    }

    /// Active, past its due time, and nothing delivered yet: the buyer may cancel at once. (A
    /// disputed order's clock is stopped; a delivered one is no longer waiting on the seller.)
    pub fn is_overdue(&self, now: Timestamp) -> bool {
        self.status == OrderStatus::Active && self.delivered_at.is_none() && now > self.due_at
    }

    /// Which side of the order `user` is on; admins who are neither may still look.
    pub fn role_of(&self, user: &User) -> Role {
        if user.id == self.buyer_id {
            Role::Buyer
        } else if user.id == self.seller_id {
            Role::Seller
        } else if user.is_admin {
            Role::Admin
        } else {
            Role::Outsider
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Buyer,
    Seller,
    Admin,
    Outsider,
}

const ORDER_SELECT: &str = "
    SELECT o.id, o.gig_id, b.username, s.username, o.status, o.quantity, o.gross_cents, o.fee_cents,
           o.net_cents, o.refund_cents, o.placed_at, o.due_at, o.delivered_at, o.completed_at,
           o.cancelled_at, o.cleared_at, o.late, r.username, o.cancel_requested_at, o.cancel_reason,
           o.rating, o.review, o.note, o.buyer_id, o.seller_id, o.commission_bps,
           (SELECT string_agg(CAST(x.extra_id AS TEXT), ',') FROM order_extras x WHERE x.order_id = o.id),
           o.review_reply
    FROM orders o
    JOIN users b ON b.id = o.buyer_id
    JOIN users s ON s.id = o.seller_id
    LEFT JOIN users r ON r.id = o.cancel_requested_by";

fn from_row(r: &Row) -> Result<Order> {
    // string_agg (SQLite's group_concat, under the name both engines know) promises no order
    let extras: Option<String> = r.get(26)?;
    let mut extras: Vec<i64> =
        extras.map(|e| e.split(',').filter_map(|id| id.parse().ok()).collect()).unwrap_or_default();
    extras.sort_unstable();
    Ok(Order {
        id: r.get(0)?,
        gig_id: r.get(1)?,
        buyer: r.get(2)?,
        seller: r.get(3)?,
        status: r.get(4)?,
        quantity: r.get(5)?,
        gross_cents: Money::from_cents(r.get(6)?),
        fee_cents: Money::from_cents(r.get(7)?),
        net_cents: Money::from_cents(r.get(8)?),
        refund_cents: Money::from_cents(r.get(9)?),
        placed_at: r.get(10)?,
        due_at: r.get(11)?,
        delivered_at: r.get(12)?,
        completed_at: r.get(13)?,
        cancelled_at: r.get(14)?,
        cleared_at: r.get(15)?,
        late: r.get(16)?,
        cancel_requested_by: r.get(17)?,
        cancel_requested_at: r.get(18)?,
        cancel_reason: r.get(19)?,
        rating: r.get(20)?,
        review: r.get(21)?,
        review_reply: r.get(27)?,
        note: r.get(22)?,
        buyer_id: r.get(23)?,
        seller_id: r.get(24)?,
        commission_bps: r.get(25)?,
        extras,
    })
}

pub fn find(db: &Db, id: i64) -> Result<Option<Order>> {
    let sql = format!("{ORDER_SELECT} WHERE o.id = ?1");
    db.query_opt(&sql, params![id], from_row)
}

pub fn get(db: &Db, id: i64) -> Result<Order> {
    find(db, id)?.ok_or_else(|| Error::not_found("order", id))
}

/// The orders meeting `condition`, a constant SQL condition over `o` (the orders row) with
/// parameters, in id order. For tick and list, which select many orders at once.
pub(crate) fn query(db: &Db, condition: &str, params: Params) -> Result<Vec<Order>> {
    let sql = format!("{ORDER_SELECT} WHERE {condition} ORDER BY o.id");
    db.query_map(&sql, params, from_row)
}

/// The acting user and the order, refused (exit 5) unless the user is its buyer, its seller or an admin.
pub(crate) fn visible_to_actor(db: &Db, session: &Session, id: i64) -> Result<(User, Order, Role)> {
    let user = users::acting(db, session)?;
    let order = get(db, id)?;
    match order.role_of(&user) {
        Role::Outsider => Err(Error::forbidden(format!(
            "order {id} belongs to {} and {}; {} is neither",
            order.buyer, order.seller, user.username
        ))),
        role => Ok((user, order, role)),
    }
}

/// An order with what happened to it, for `order show`.
#[derive(Debug, Clone, Serialize)]
pub struct OrderDetail {
    #[serde(flatten)]
    pub order: Order,
    pub deliveries: Vec<Delivery>,
    pub messages: Vec<Message>,
    pub timeline: Vec<Event>,
}

/// The order, its deliveries, messages and events, for its buyer, its seller or an admin.
pub fn show(db: &Db, session: &Session, id: i64) -> Result<OrderDetail> {
    let (_, order, _) = visible_to_actor(db, session, id)?;
    let filter = events::Filter { entity: Some(("order".into(), id)), ..Default::default() };
    Ok(OrderDetail {
        deliveries: conversation::deliveries_of(db, id)?,
        messages: conversation::messages_of(db, id)?,
        timeline: events::list(db, &filter)?,
        order,
    })
}

/// Which orders `order list` shows.
#[derive(Debug, Clone, Default)]
pub struct OrderFilter {
    pub status: Option<OrderStatus>,
    /// Only orders the actor bought.
    pub as_buyer: bool,
    /// Only orders the actor sells.
    pub as_seller: bool,
    /// Only late orders (flagged, or past due with nothing delivered).
    pub late: bool,
}

/// The acting user's orders (an admin sees every order unless they ask for their own side).
pub fn list(db: &Db, session: &Session, filter: &OrderFilter) -> Result<Vec<Order>> {
    let user = users::acting(db, session)?;
    let everyone = user.is_admin && !filter.as_buyer && !filter.as_seller;
    let (buyer, seller) = match (filter.as_buyer, filter.as_seller) {
        (true, false) => (true, false),
        (false, true) => (false, true),
        _ => (true, true),
    };
    // the cast types ?5 for PostgreSQL, which cannot tell it from `?5 IS NULL` alone
    const CONDITION: &str = "(?1 OR (?2 AND o.buyer_id = ?4) OR (?3 AND o.seller_id = ?4))
         AND (CAST(?5 AS TEXT) IS NULL OR o.status = ?5)
         AND (NOT ?6 OR o.late = 1 OR (o.status = 'active' AND o.delivered_at IS NULL AND o.due_at < ?7))";
    query(db, CONDITION, params![everyone, buyer, seller, user.id, filter.status, filter.late, session.now])
}

/// Who the ledger records as moving money: the acting user, or the operator's job (tick).
pub(crate) fn ledger_actor(session: &Session) -> &str {
    session.actor.as_deref().unwrap_or("system")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::test_engines::{on_each, seed};

    #[test]
    fn orders_read_alike_on_both_engines() {
        let seen = on_each(|db| {
            seed(db);
            let due_by = Timestamp::parse("2026-03-06").unwrap();
            let overdue = query(db, "o.status = 'active' AND o.due_at < ?1", params![due_by]).unwrap();
            json!({
                "order": get(db, 1).unwrap(),
                "missing": find(db, 99).unwrap().is_none(),
                "overdue": overdue.iter().map(|o| o.id).collect::<Vec<_>>(),
            })
        });
        // order_extras were written 2 then 1
        assert_eq!(seen["order"]["extras"], json!([1, 2]));
        assert_eq!((&seen["order"]["buyer"], &seen["order"]["late"]), (&json!("noura"), &json!(false)));
        assert_eq!(seen["missing"], true);
        assert_eq!(seen["overdue"], json!([3]));
    }
}
