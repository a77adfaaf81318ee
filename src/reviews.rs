//! Reviews: the buyer's rating and text live on the order (orders::complete and orders::review);
//! here the seller answers a review, once.

use rusqlite::params;
use serde_json::json;

use crate::db::Db;
use crate::error::{Error, Result};
use crate::moderation::{self, Target};
use crate::orders::{self, Order, Role};
use crate::{events, text, Session};

pub const MAX_REPLY_CHARS: usize = 2_000;

/// The seller replies to the buyer's review of a completed order. One reply per review: a
/// second one is refused (exit 4), as is a reply to an order with no review yet, or one a
/// moderation rule blocks (the caller records that with `moderation::record_blocked`).
pub fn reply(db: &Db, session: &Session, order_id: i64, reply: &str) -> Result<Order> {
    let (_, order, role) = orders::visible_to_actor(db, session, order_id)?;
    if role != Role::Seller {
        return Err(Error::forbidden(format!("only the seller {} replies to order {order_id}'s review", order.seller)));
    }
    let reply = text::required(reply, "reply", MAX_REPLY_CHARS)?;
    if order.rating.is_none() {
        return Err(Error::conflict(format!("order {order_id} has no review to reply to")));
    }
    if order.review_reply.is_some() {
        return Err(Error::conflict(format!("order {order_id}'s review already has a reply")));
    }
    db.execute("UPDATE orders SET review_reply = ?2 WHERE id = ?1", params![order_id, reply])?;
    // a reply is public like the review: the same rules keep contact details out of it
    moderation::screen_text(db, session, Target::Review, order_id, reply)?;
    events::record(db, session, "order.review_replied", "order", order_id, json!({}))?;
    orders::get(db, order_id)
}
