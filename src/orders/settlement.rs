//! Where an order's escrow goes: released to the seller (minus the fee, after any refund) or
//! refunded to the buyer. Completion, tick and dispute resolution all settle through here.

use rusqlite::params;
use serde_json::json;

use super::{get, ledger_actor, Order};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::ledger::{self, Account, Bucket, Movement};
use crate::money::Money;
use crate::status::OrderStatus;
use crate::{events, Session};

/// Completes `order`: `refund` goes back to the buyer's credit, the rest (gross - refund) is
/// released, its net to the seller's pending balance and the fee (at the commission snapshotted
/// on the order) to revenue. A normal completion passes Money::ZERO. Accepts an active, delivered
/// or disputed order; the caller decides who may do this.
pub fn settle(db: &Db, session: &Session, order: &Order, refund: Money) -> Result<Order> {
    require_open(order, "completed")?;
    if refund.cents() < 0 || refund > order.gross_cents {
        return Err(Error::invalid(format!(
            "refund {refund} is not between 0.00 and the order's {}",
            order.gross_cents
        )));
    }
    let part = order.gross_cents.checked_sub(refund)?;
    let fee = Money::fee(part, order.commission_bps)?;
    let net = part.checked_sub(fee)?;
    let key = |what: &str| format!("order:{}:{what}", order.id);
    post(db, session, order, Account::User(order.buyer_id, Bucket::Credit), refund, "refund", key("refund"))?;
    post(db, session, order, Account::User(order.seller_id, Bucket::Pending), net, "release", key("release:net"))?;
    post(db, session, order, Account::Revenue, fee, "fee", key("release:fee"))?;
    db.execute(
        "UPDATE orders SET status = 'completed', completed_at = ?2, fee_cents = ?3, net_cents = ?4, refund_cents = ?5
         WHERE id = ?1",
        params![order.id, session.now, fee.cents(), net.cents(), refund.cents()],
    )?;
    events::record(
        db,
        session,
        "order.completed",
        "order",
        order.id,
        json!({"refund_cents": refund, "fee_cents": fee, "net_cents": net}),
    )?;
    // built rather than read back: tick settles many orders in one run
    Ok(Order {
        status: OrderStatus::Completed,
        completed_at: Some(session.now),
        fee_cents: fee,
        net_cents: net,
        refund_cents: refund,
        ..order.clone()
    })
}

/// Cancels `order` and refunds its whole gross from escrow to the buyer's credit. Accepts an
/// active, delivered or disputed order; the caller decides who may do this.
pub fn refund_all(db: &Db, session: &Session, order: &Order) -> Result<Order> {
    require_open(order, "cancelled")?;
    let credit = Account::User(order.buyer_id, Bucket::Credit);
    post(db, session, order, credit, order.gross_cents, "refund", format!("order:{}:refund", order.id))?;
    db.execute(
        "UPDATE orders SET status = 'cancelled', cancelled_at = ?2, fee_cents = 0, net_cents = 0, refund_cents = gross_cents
         WHERE id = ?1",
        params![order.id, session.now],
    )?;
    events::record(
        db,
        session,
        "order.cancelled",
        "order",
        order.id,
        json!({"refund_cents": order.gross_cents, "reason": order.cancel_reason}),
    )?;
    get(db, order.id)
}

fn require_open(order: &Order, becoming: &str) -> Result<()> {
    if order.is_open() {
        Ok(())
    } else {
        Err(Error::conflict(format!("order {} is {} and cannot be {becoming}", order.id, order.status)))
    }
}

/// Moves `amount` out of escrow for `order`; nothing to move (a zero fee, a zero refund) is no transfer.
fn post(
    db: &Db,
    session: &Session,
    order: &Order,
    to: Account,
    amount: Money,
    kind: &'static str,
    idem_key: String,
) -> Result<()> {
    if amount.is_positive() {
        let movement = Movement {
            from: Account::Escrow,
            to,
            amount,
            kind,
            order_id: Some(order.id),
            payout_item_id: None,
            idem_key,
        };
        ledger::post(db, ledger_actor(session), session.now, &movement)?;
    }
    Ok(())
}
