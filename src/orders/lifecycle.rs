//! The order's transitions and who may make them: place, deliver, revise, complete, review, cancel.

use std::path::PathBuf;

use rusqlite::params;
use serde_json::json;

use super::{conversation, get, ledger_actor, refund_all, settle, visible_to_actor, Order, Role};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::gigs;
use crate::ledger::{self, Account, Bucket, Movement};
use crate::moderation::{self, Target};
use crate::money::Money;
use crate::policy;
use crate::status::{GigStatus, OrderStatus};
use crate::text::{self, Shape};
use crate::users;
use crate::{events, Replay, Session};

pub const QUANTITY: std::ops::RangeInclusive<i64> = 1..=100;
pub const MAX_NOTE_CHARS: usize = 2_000;
pub const MAX_REVIEW_CHARS: usize = 2_000;

/// What the buyer asks for.
#[derive(Debug, Clone)]
pub struct NewOrder {
    pub gig_id: i64,
    /// Ids of the gig's extras, each at most once.
    pub extras: Vec<i64>,
    pub quantity: i64,
    pub note: Option<String>,
    /// The buyer's idempotency key: the same key again returns the order it placed.
    pub key: Option<String>,
}

/// Places an order as the acting buyer: snapshots the price (gig and extras, times quantity)
/// and the commission, sets the due time (delivery days plus the extras' days) and moves the
/// gross into escrow, from the buyer's credit first and then from available. Not enough money
/// is a conflict and nothing changes.
pub fn place(db: &Db, session: &Session, new: &NewOrder) -> Result<Replay<Order>> {
    let buyer = users::acting(db, session)?;
    if let Some(order) = placed_with_key(db, buyer.id, new)? {
        return Ok(Replay { value: order, replayed: true });
    }
    let gig = gigs::get(db, new.gig_id)?;
    if !QUANTITY.contains(&new.quantity) {
        return Err(Error::invalid(format!("quantity must be 1-100, got {}", new.quantity)));
    }
    if let Some(note) = &new.note {
        text::check_optional(note, "note", Shape::Prose)?;
    }
    if new.note.as_ref().is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS) {
        return Err(Error::invalid(format!("the note is over {MAX_NOTE_CHARS} characters")));
    }
    if gig.status != GigStatus::Active {
        return Err(Error::conflict(format!("gig {} is {} and cannot be ordered", gig.id, gig.status)));
    }
    let seller = users::get(db, &gig.seller)?;
    if seller.is_suspended() {
        return Err(Error::conflict(format!("gig {}'s seller {} is suspended", gig.id, seller.username)));
    }
    if seller.id == buyer.id {
        return Err(Error::conflict(format!("{} cannot order their own gig", buyer.username)));
    }
    let mut unit = gig.price_cents;
    let mut days = gig.delivery_days;
    let mut bought = Vec::new();
    for (i, extra_id) in new.extras.iter().enumerate() {
        if new.extras[..i].contains(extra_id) {
            return Err(Error::invalid(format!("extra {extra_id} is given twice")));
        }
        let extra = gig
            .extras
            .iter()
            .find(|e| e.id == *extra_id)
            .ok_or_else(|| Error::not_found("extra", format!("{extra_id} of gig {}", gig.id)))?;
        unit = unit.checked_add(extra.price_cents)?;
        days += extra.extra_days;
        bought.push(extra);
    }
    let gross = unit.checked_mul(new.quantity)?;
    let policy = policy::load(db)?;
    let fee = Money::fee(gross, policy.commission_bps)?;
    let net = gross.checked_sub(fee)?;
    // a key used before was looked up first (placed_with_key): under the write lock no other
    // writer can take it meanwhile, so this insert never trips the key's unique index
    let order_id = db.insert(
        "INSERT INTO orders (gig_id, buyer_id, seller_id, status, quantity, unit_price_cents, gross_cents,
                             commission_bps, fee_cents, net_cents, note, placed_at, due_at, place_key)
         VALUES (?1, ?2, ?3, 'active', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id",
        params![
            gig.id,
            buyer.id,
            seller.id,
            new.quantity,
            unit.cents(),
            gross.cents(),
            policy.commission_bps,
            fee.cents(),
            net.cents(),
            new.note,
            session.now,
            session.now.plus_days(days),
            new.key
        ],
    )?;
    for extra in bought {
        db.execute(
            "INSERT INTO order_extras (order_id, extra_id, title, price_cents, extra_days) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![order_id, extra.id, extra.title, extra.price_cents.cents(), extra.extra_days],
        )?;
    }
    pay_into_escrow(db, session, order_id, buyer.id, gross)?;
    events::record(
        db,
        session,
        "order.placed",
        "order",
        order_id,
        json!({"gig_id": gig.id, "quantity": new.quantity, "extras": new.extras, "gross_cents": gross}),
    )?;
    // built rather than read back (as `get` would give it: extras in id order)
    let mut extras = new.extras.clone();
    extras.sort_unstable();
    let order = Order {
        id: order_id,
        gig_id: gig.id,
        buyer: buyer.username,
        seller: seller.username,
        status: OrderStatus::Active,
        quantity: new.quantity,
        extras,
        gross_cents: gross,
        fee_cents: fee,
        net_cents: net,
        refund_cents: Money::ZERO,
        placed_at: session.now,
        due_at: session.now.plus_days(days),
        delivered_at: None,
        completed_at: None,
        cancelled_at: None,
        cleared_at: None,
        late: false,
        cancel_requested_by: None,
        cancel_requested_at: None,
        cancel_reason: None,
        rating: None,
        review: None,
        review_reply: None,
        note: new.note.clone(),
        buyer_id: buyer.id,
        seller_id: seller.id,
        commission_bps: policy.commission_bps,
    };
    Ok(Replay { value: order, replayed: false })
}

/// The order this buyer already placed with `new.key`, if any. The same key asking for another
/// gig, extras, quantity or note is a conflict: a retry must not turn into a different purchase.
fn placed_with_key(db: &Db, buyer_id: i64, new: &NewOrder) -> Result<Option<Order>> {
    let Some(key) = &new.key else { return Ok(None) };
    if key.is_empty() || key.chars().count() > 100 {
        return Err(Error::invalid("an order key must be 1-100 characters"));
    }
    let id: Option<i64> =
        db.query_opt("SELECT id FROM orders WHERE buyer_id = ?1 AND place_key = ?2", params![buyer_id, key], |r| {
            r.get(0)
        })?;
    let Some(id) = id else { return Ok(None) };
    let order = get(db, id)?;
    let mut asked = new.extras.clone();
    asked.sort_unstable();
    let mut bought = order.extras.clone();
    bought.sort_unstable();
    if order.gig_id != new.gig_id || order.quantity != new.quantity || bought != asked || order.note != new.note {
        return Err(Error::conflict(format!(
            "order key {key:?} was already used for order {id}, a different purchase"
        )));
    }
    Ok(Some(order))
}

/// Takes `gross` from the buyer's credit, then from their available balance.
fn pay_into_escrow(db: &Db, session: &Session, order_id: i64, buyer_id: i64, gross: Money) -> Result<()> {
    let (credit, available) =
        ledger::balances(db, &Account::User(buyer_id, Bucket::Credit), &Account::User(buyer_id, Bucket::Available))?;
    let from_credit = credit.min(gross);
    let from_available = gross.checked_sub(from_credit)?;
    if from_available > available {
        return Err(Error::conflict(format!(
            "not enough money: the order costs {gross}, the buyer has {credit} credit and {available} available"
        ))
        .with_hint("record a payment first: souq wallet deposit USER AMOUNT --method M --ref R"));
    }
    for (bucket, amount) in [(Bucket::Credit, from_credit), (Bucket::Available, from_available)] {
        if amount.is_positive() {
            let movement = Movement {
                from: Account::User(buyer_id, bucket),
                to: Account::Escrow,
                amount,
                kind: "order_payment",
                order_id: Some(order_id),
                payout_item_id: None,
                idem_key: format!("order:{order_id}:payment:{}", bucket.as_str()),
            };
            ledger::post(db, ledger_actor(session), session.now, &movement)?;
        }
    }
    Ok(())
}

/// The seller delivers an active order: a message and files (stored by content hash). A first
/// delivery after the due time marks the order late for good (it counts against on-time rates).
pub fn deliver(db: &Db, session: &Session, id: i64, message: &str, files: &[PathBuf]) -> Result<Order> {
    let (user, order, role) = visible_to_actor(db, session, id)?;
    if role != Role::Seller {
        return Err(Error::forbidden(format!("only the seller {} delivers order {id}", order.seller)));
    }
    require_status(&order, &[OrderStatus::Active], "delivered")?;
    let late = order.late || order.is_overdue(session.now);
    let delivery = conversation::store_delivery(db, session, &order, &user, message, files)?;
    db.execute(
        "UPDATE orders SET status = 'delivered', delivered_at = ?2, late = ?3 WHERE id = ?1",
        params![id, session.now, late],
    )?;
    events::record(
        db,
        session,
        "order.delivered",
        "order",
        id,
        json!({"delivery_id": delivery.id, "files_count": delivery.files.len(), "late": late}),
    )?;
    // built rather than read back: only these three columns changed
    Ok(Order { status: OrderStatus::Delivered, delivered_at: Some(session.now), late, ..order })
}

/// The buyer sends a delivered order back for changes: it is active again, its due time unchanged.
pub fn revise(db: &Db, session: &Session, id: i64, message: Option<&str>) -> Result<Order> {
    let (user, order, role) = visible_to_actor(db, session, id)?;
    if role != Role::Buyer {
        return Err(Error::forbidden(format!("only the buyer {} asks for a revision of order {id}", order.buyer)));
    }
    require_status(&order, &[OrderStatus::Delivered], "sent back for revision")?;
    if let Some(text) = message {
        conversation::store_message(db, session, &order, &user, text)?;
    }
    db.execute("UPDATE orders SET status = 'active' WHERE id = ?1", params![id])?;
    events::record(db, session, "order.revision_requested", "order", id, json!({}))?;
    get(db, id)
}

/// A rating with an optional review text.
#[derive(Debug, Clone)]
pub struct Review {
    pub rating: i64,
    pub text: Option<String>,
}

/// The buyer accepts a delivered order: escrow is released to the seller (net) and revenue
/// (fee), optionally with a review. Completing an already completed order again is a no-op.
pub fn complete(db: &Db, session: &Session, id: i64, review: Option<&Review>) -> Result<Order> {
    let (_, order, role) = visible_to_actor(db, session, id)?;
    if role != Role::Buyer {
        return Err(Error::forbidden(format!("only the buyer {} completes order {id}", order.buyer)));
    }
    if let Some(r) = review {
        validate_review(r)?;
    }
    if order.status == OrderStatus::Completed {
        // the same command again is a no-op; a new rating on a completed order is a review
        if review.is_some_and(|r| Some(r.rating) != order.rating) {
            return Err(Error::conflict(format!("order {id} is already completed"))
                .with_hint(format!("rate it, once, with: souq order review {id} --rating N")));
        }
        return Ok(order);
    }
    require_status(&order, &[OrderStatus::Delivered], "completed")?;
    let order = settle(db, session, &order, Money::ZERO)?;
    match review {
        Some(r) => store_review(db, session, &order, r),
        None => Ok(order),
    }
}

/// The buyer rates a completed order, once.
pub fn review(db: &Db, session: &Session, id: i64, review: &Review) -> Result<Order> {
    let (_, order, role) = visible_to_actor(db, session, id)?;
    if role != Role::Buyer {
        return Err(Error::forbidden(format!("only the buyer {} reviews order {id}", order.buyer)));
    }
    validate_review(review)?;
    require_status(&order, &[OrderStatus::Completed], "reviewed")?;
    if order.rating.is_some() {
        return Err(Error::conflict(format!("order {id} is already reviewed")));
    }
    store_review(db, session, &order, review)
}

fn validate_review(review: &Review) -> Result<()> {
    if !(1..=5).contains(&review.rating) {
        return Err(Error::invalid(format!("rating must be 1-5, got {}", review.rating)));
    }
    if let Some(review_text) = &review.text {
        text::check_optional(review_text, "review", Shape::Prose)?;
    }
    if review.text.as_ref().is_some_and(|t| t.chars().count() > MAX_REVIEW_CHARS) {
        return Err(Error::invalid(format!("the review is over {MAX_REVIEW_CHARS} characters")));
    }
    Ok(())
}

fn store_review(db: &Db, session: &Session, order: &Order, review: &Review) -> Result<Order> {
    if let Some(review_text) = &review.text {
        moderation::screen_text(db, session, Target::Review, order.id, review_text)?;
    }
    db.execute(
        "UPDATE orders SET rating = ?2, review = ?3, reviewed_at = ?4 WHERE id = ?1",
        params![order.id, review.rating, review.text, session.now],
    )?;
    events::record(db, session, "order.reviewed", "order", order.id, json!({"rating": review.rating}))?;
    get(db, order.id)
}

/// Cancels an order, or asks to. The seller and admins cancel at once (full refund); so does
/// the buyer of a late order. Otherwise the buyer's cancel is a request, which the seller
/// accepts by cancelling too, or which `tick` accepts after cancel_request_days. Cancelling a
/// cancelled order again is a no-op.
pub fn cancel(db: &Db, session: &Session, id: i64, reason: Option<&str>) -> Result<Order> {
    let (user, order, role) = visible_to_actor(db, session, id)?;
    if order.status == OrderStatus::Cancelled {
        return Ok(order);
    }
    require_status(&order, &[OrderStatus::Active, OrderStatus::Delivered], "cancelled")?;
    if let Some(reason) = reason {
        text::check_optional(reason, "reason", Shape::Prose)?;
    }
    if reason.is_some_and(|r| r.chars().count() > MAX_NOTE_CHARS) {
        return Err(Error::invalid(format!("the reason is over {MAX_NOTE_CHARS} characters")));
    }
    // visible_to_actor already refused outsiders: this is the seller, an admin or the buyer
    let at_once = role != Role::Buyer || order.is_overdue(session.now);
    if !at_once {
        if order.cancel_requested_at.is_some() {
            return Ok(order);
        }
        db.execute(
            "UPDATE orders SET cancel_requested_by = ?2, cancel_requested_at = ?3, cancel_reason = ?4 WHERE id = ?1",
            params![id, user.id, session.now, reason],
        )?;
        events::record(db, session, "order.cancel_requested", "order", id, json!({"reason": reason}))?;
        return get(db, id);
    }
    if let Some(reason) = reason {
        db.execute("UPDATE orders SET cancel_reason = ?2 WHERE id = ?1", params![id, reason])?;
    }
    refund_all(db, session, &get(db, id)?)
}

fn require_status(order: &Order, allowed: &[OrderStatus], becoming: &str) -> Result<()> {
    if allowed.contains(&order.status) {
        Ok(())
    } else {
        Err(Error::conflict(format!("order {} is {} and cannot be {becoming}", order.id, order.status)))
    }
}
