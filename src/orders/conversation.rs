//! What buyer and seller say to each other on an order: messages, and deliveries with files
//! stored once by sha256 and written back out under safe names.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{visible_to_actor, Order, Role};
use crate::clock::Timestamp;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::files::{self, Existing};
use crate::moderation::{self, Target};
use crate::users::User;
use crate::{events, input, policy, text, Session};

pub const MAX_MESSAGE_CHARS: usize = 5_000;
pub const MAX_FILES_PER_DELIVERY: usize = 20;

#[derive(Debug, Clone, Serialize)]
pub struct Message {
    pub id: i64,
    pub order_id: i64,
    pub sender: String,
    pub body: String,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeliveredFile {
    pub name: String,
    pub sha256: String,
    pub size: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Delivery {
    pub id: i64,
    pub order_id: i64,
    pub message: String,
    pub files: Vec<DeliveredFile>,
    pub created_at: Timestamp,
}

/// The buyer or the seller writes on an order (in any state: people talk after completion too).
pub fn message(conn: &Db, session: &Session, id: i64, body: &str) -> Result<Message> {
    let (user, order, role) = visible_to_actor(conn, session, id)?;
    if !matches!(role, Role::Buyer | Role::Seller) {
        return Err(Error::forbidden(format!("only {} and {} write on order {id}", order.buyer, order.seller)));
    }
    store_message(conn, session, &order, &user, body)
}

/// Every message on an order is written here (and only here), so checks on message text apply to all of them.
pub(super) fn store_message(conn: &Db, session: &Session, order: &Order, sender: &User, body: &str) -> Result<Message> {
    let body = text::required(body, "message", MAX_MESSAGE_CHARS)?;
    conn.prepare_cached("INSERT INTO messages (order_id, sender_id, body, created_at) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![order.id, sender.id, body, session.now])?;
    let id = conn.last_insert_rowid();
    moderation::screen_text(conn, session, Target::Message, id, body)?;
    events::record(conn, session, "order.message", "order", order.id, json!({"message_id": id}))?;
    Ok(Message {
        id,
        order_id: order.id,
        sender: sender.username.clone(),
        body: body.to_string(),
        created_at: session.now,
    })
}

/// Every delivery is written here (and only here): its message, then its files into `blobs`,
/// each read up to the policy's size limit.
pub(super) fn store_delivery(
    conn: &Db,
    session: &Session,
    order: &Order,
    seller: &User,
    message: &str,
    files: &[PathBuf],
) -> Result<Delivery> {
    let message = text::required(message, "delivery message", MAX_MESSAGE_CHARS)?;
    if files.len() > MAX_FILES_PER_DELIVERY {
        return Err(Error::invalid(format!("at most {MAX_FILES_PER_DELIVERY} files per delivery")));
    }
    let stored = store_files(conn, files)?;
    conn.prepare_cached("INSERT INTO deliveries (order_id, sender_id, message, created_at) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![order.id, seller.id, message, session.now])?;
    let id = conn.last_insert_rowid();
    moderation::screen_text(conn, session, Target::Delivery, id, message)?;
    for file in &stored {
        conn.prepare_cached("INSERT INTO delivery_files (delivery_id, name, sha256) VALUES (?1, ?2, ?3)")?
            .execute(params![id, file.name, file.sha256])?;
    }
    Ok(Delivery { id, order_id: order.id, message: message.to_string(), files: stored, created_at: session.now })
}

/// Each file into `blobs` (once per content), read up to the policy's size limit.
fn store_files(conn: &Db, files: &[PathBuf]) -> Result<Vec<DeliveredFile>> {
    if files.is_empty() {
        return Ok(Vec::new());
    }
    let limit = policy::load(conn)?.max_attachment_bytes;
    let mut stored = Vec::with_capacity(files.len());
    for path in files {
        let name = safe_name(path)?;
        if stored.iter().any(|f: &DeliveredFile| f.name == name) {
            return Err(Error::invalid(format!(
                "two attachments are named {}",
                text::excerpt(&name, text::EXCERPT_CHARS)
            )));
        }
        let content = read_limited(path, limit)?;
        let sha256 = hex_sha256(&content);
        conn.prepare_cached("INSERT OR IGNORE INTO blobs (sha256, size, content) VALUES (?1, ?2, ?3)")?
            .execute(params![sha256, content.len() as i64, content])?;
        stored.push(DeliveredFile { name, sha256, size: content.len() as i64 });
    }
    Ok(stored)
}

/// A file name with no directory part that cannot climb out of, or hide in, the folder it is written to.
fn safe_name(path: &Path) -> Result<String> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    validate_file_name(name)?;
    Ok(name.to_string())
}

fn validate_file_name(name: &str) -> Result<()> {
    text::check(name, "file name", text::Shape::Line)?;
    let bad = name.is_empty()
        || name == "."
        || name == ".."
        || name.starts_with('.')
        || name.chars().any(|c| c == '/' || c == '\\' || c.is_control())
        || name.chars().count() > 255;
    if bad {
        Err(Error::invalid(format!("{} is not a safe file name", text::excerpt(name, text::EXCERPT_CHARS))))
    } else {
        Ok(())
    }
}

/// A regular file of at most `limit` bytes, refused without reading more than that.
fn read_limited(path: &Path, limit: i64) -> Result<Vec<u8>> {
    let what = format!("{} (a delivery may attach up to the policy's max_attachment_bytes)", path.display());
    input::read_limited(input::open_file(path)?, limit.max(0) as u64, &what)
        .map_err(|e| e.with_hint("raise it with: souq config set max_attachment_bytes N"))
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

pub(super) fn messages_of(conn: &Connection, order_id: i64) -> Result<Vec<Message>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.order_id, u.username, m.body, m.created_at
         FROM messages m JOIN users u ON u.id = m.sender_id WHERE m.order_id = ?1 ORDER BY m.id",
    )?;
    let rows = stmt.query_map([order_id], |r| {
        Ok(Message { id: r.get(0)?, order_id: r.get(1)?, sender: r.get(2)?, body: r.get(3)?, created_at: r.get(4)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn deliveries_of(conn: &Connection, order_id: i64) -> Result<Vec<Delivery>> {
    let mut stmt = conn
        .prepare_cached("SELECT id, order_id, message, created_at FROM deliveries WHERE order_id = ?1 ORDER BY id")?;
    let mut deliveries = stmt
        .query_map([order_id], |r| {
            Ok(Delivery {
                id: r.get(0)?,
                order_id: r.get(1)?,
                message: r.get(2)?,
                files: Vec::new(),
                created_at: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut files = conn.prepare_cached(
        "SELECT f.name, f.sha256, b.size FROM delivery_files f JOIN blobs b ON b.sha256 = f.sha256
         WHERE f.delivery_id = ?1 ORDER BY f.rowid",
    )?;
    for delivery in &mut deliveries {
        delivery.files = files
            .query_map([delivery.id], |r| Ok(DeliveredFile { name: r.get(0)?, sha256: r.get(1)?, size: r.get(2)? }))?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(deliveries)
}

/// A file `order files` wrote.
#[derive(Debug, Clone, Serialize)]
pub struct WrittenFile {
    pub delivery_id: i64,
    pub path: PathBuf,
    pub sha256: String,
    pub size: i64,
    /// The file was there already with the same sha256 (a re-run): left as it was.
    pub already_there: bool,
}

/// Writes every file delivered on the order into `dir` (made if missing), for its buyer,
/// seller or an admin. A name used by two deliveries is prefixed with the delivery id. Names
/// are checked again on the way out. A target already there with the same sha256 is skipped (so
/// a re-run is a no-op); with other content, without [`Existing::Replace`], nothing is written.
/// Each file is written as [`files::write`] does (0600, whole or not at all, never through a
/// symlink).
pub fn export_files(conn: &Db, session: &Session, id: i64, dir: &Path, existing: Existing) -> Result<Vec<WrittenFile>> {
    visible_to_actor(conn, session, id)?;
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::conflict(format!("cannot make the folder {}: {e}", dir.display())))?;
    let deliveries = deliveries_of(conn, id)?;
    let all: Vec<(i64, &DeliveredFile)> =
        deliveries.iter().flat_map(|d| d.files.iter().map(move |f| (d.id, f))).collect();
    let mut planned = Vec::with_capacity(all.len());
    for (delivery_id, file) in &all {
        validate_file_name(&file.name)?;
        let shared = all.iter().filter(|(_, f)| f.name == file.name).count() > 1;
        let name = if shared { format!("{delivery_id}-{}", file.name) } else { file.name.clone() };
        let path = dir.join(name);
        let already_there = match std::fs::read(&path) {
            Ok(content) if hex_sha256(&content) == file.sha256 => true,
            Ok(_) if existing == Existing::Refuse => {
                files::refuse_existing(&path)?;
                false
            }
            Ok(_) => false,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) if existing == Existing::Refuse => {
                return Err(Error::conflict(format!("{} is in the way: {e}", path.display())))
            }
            Err(_) => false,
        };
        planned.push(WrittenFile {
            delivery_id: *delivery_id,
            path,
            sha256: file.sha256.clone(),
            size: file.size,
            already_there,
        });
    }
    let mut blob = conn.prepare_cached("SELECT content FROM blobs WHERE sha256 = ?1")?;
    for file in planned.iter().filter(|f| !f.already_there) {
        let content: Vec<u8> = blob.query_row([&file.sha256], |r| r.get(0))?;
        files::write(&file.path, &content, existing)?;
    }
    Ok(planned)
}
