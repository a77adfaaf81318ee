//! What buyer and seller say to each other on an order: messages, and deliveries with files
//! stored once by sha256 and written back out under safe names.

use std::path::{Path, PathBuf};

use rusqlite::params;
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
pub fn message(db: &Db, session: &Session, id: i64, body: &str) -> Result<Message> {
    let (user, order, role) = visible_to_actor(db, session, id)?;
    if !matches!(role, Role::Buyer | Role::Seller) {
        return Err(Error::forbidden(format!("only {} and {} write on order {id}", order.buyer, order.seller)));
    }
    store_message(db, session, &order, &user, body)
}

/// Every message on an order is written here (and only here), so checks on message text apply to all of them.
pub(super) fn store_message(db: &Db, session: &Session, order: &Order, sender: &User, body: &str) -> Result<Message> {
    let body = text::required(body, "message", MAX_MESSAGE_CHARS)?;
    let id = db.insert(
        "INSERT INTO messages (order_id, sender_id, body, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id",
        params![order.id, sender.id, body, session.now],
    )?;
    moderation::screen_text(db, session, Target::Message, id, body)?;
    events::record(db, session, "order.message", "order", order.id, json!({"message_id": id}))?;
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
    db: &Db,
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
    let stored = store_files(db, files)?;
    let id = db.insert(
        "INSERT INTO deliveries (order_id, sender_id, message, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id",
        params![order.id, seller.id, message, session.now],
    )?;
    moderation::screen_text(db, session, Target::Delivery, id, message)?;
    for file in &stored {
        db.execute(
            "INSERT INTO delivery_files (delivery_id, name, sha256) VALUES (?1, ?2, ?3)",
            params![id, file.name, file.sha256],
        )?;
    }
    Ok(Delivery { id, order_id: order.id, message: message.to_string(), files: stored, created_at: session.now })
}

/// Each file into `blobs` (once per content), read up to the policy's size limit.
fn store_files(db: &Db, files: &[PathBuf]) -> Result<Vec<DeliveredFile>> {
    if files.is_empty() {
        return Ok(Vec::new());
    }
    let limit = policy::load(db)?.max_attachment_bytes;
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
        let sha256 = store_blob(db, &content)?;
        stored.push(DeliveredFile { name, sha256, size: content.len() as i64 });
    }
    Ok(stored)
}

/// Keeps `content` once, under its sha256 (the same file delivered again is already there).
fn store_blob(db: &Db, content: &[u8]) -> Result<String> {
    let sha256 = hex_sha256(content);
    db.execute(
        "INSERT INTO blobs (sha256, size, content) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
        params![sha256, content.len() as i64, content],
    )?;
    Ok(sha256)
}

/// The bytes stored under `sha256`.
fn blob(db: &Db, sha256: &str) -> Result<Vec<u8>> {
    db.query_row("SELECT content FROM blobs WHERE sha256 = ?1", params![sha256], |r| r.get(0))
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

pub(super) fn messages_of(db: &Db, order_id: i64) -> Result<Vec<Message>> {
    db.query_map(
        "SELECT m.id, m.order_id, u.username, m.body, m.created_at
         FROM messages m JOIN users u ON u.id = m.sender_id WHERE m.order_id = ?1 ORDER BY m.id",
        params![order_id],
        |r| {
            Ok(Message {
                id: r.get(0)?,
                order_id: r.get(1)?,
                sender: r.get(2)?,
                body: r.get(3)?,
                created_at: r.get(4)?,
            })
        },
    )
}

pub(super) fn deliveries_of(db: &Db, order_id: i64) -> Result<Vec<Delivery>> {
    let mut deliveries = db.query_map(
        "SELECT id, order_id, message, created_at FROM deliveries WHERE order_id = ?1 ORDER BY id",
        params![order_id],
        |r| {
            Ok(Delivery {
                id: r.get(0)?,
                order_id: r.get(1)?,
                message: r.get(2)?,
                files: Vec::new(),
                created_at: r.get(3)?,
            })
        },
    )?;
    for delivery in &mut deliveries {
        // by name, the key's order: PostgreSQL keeps no insertion order (SQLite's rowid) to
        // list them in the order they were attached, and both engines must list them alike
        delivery.files = db.query_map(
            "SELECT f.name, f.sha256, b.size FROM delivery_files f JOIN blobs b ON b.sha256 = f.sha256
             WHERE f.delivery_id = ?1 ORDER BY f.name",
            params![delivery.id],
            |r| Ok(DeliveredFile { name: r.get(0)?, sha256: r.get(1)?, size: r.get(2)? }),
        )?;
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
pub fn export_files(db: &Db, session: &Session, id: i64, dir: &Path, existing: Existing) -> Result<Vec<WrittenFile>> {
    visible_to_actor(db, session, id)?;
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::conflict(format!("cannot make the folder {}: {e}", dir.display())))?;
    let deliveries = deliveries_of(db, id)?;
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
    for file in planned.iter().filter(|f| !f.already_there) {
        files::write(&file.path, &blob(db, &file.sha256)?, existing)?;
    }
    Ok(planned)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::test_engines::{on_each, seed};

    #[test]
    fn messages_deliveries_and_files_read_alike_on_both_engines() {
        let seen = on_each(|db| {
            seed(db);
            db.execute(
                "INSERT INTO messages (order_id, sender_id, body, created_at) VALUES (1, 3, 'hi', '2026-03-01T11:00:00Z')",
                &[],
            )
            .unwrap();
            db.execute(
                "INSERT INTO deliveries (order_id, sender_id, message, created_at)
                 VALUES (1, 2, 'here', '2026-03-01T12:00:00Z')",
                &[],
            )
            .unwrap();
            let bytes: Vec<u8> = (0..=255).collect();
            let sha256 = store_blob(db, &bytes).unwrap();
            // the same content again is kept once, and is no error
            assert_eq!(store_blob(db, &bytes).unwrap(), sha256);
            for name in ["z.bin", "a.bin"] {
                db.execute(
                    "INSERT INTO delivery_files (delivery_id, name, sha256) VALUES (1, ?1, ?2)",
                    params![name, sha256],
                )
                .unwrap();
            }
            json!({
                "messages": messages_of(db, 1).unwrap(),
                "deliveries": deliveries_of(db, 1).unwrap(),
                "blob_intact": blob(db, &sha256).unwrap() == bytes,
            })
        });
        assert_eq!(seen["messages"][0]["sender"], "noura");
        let files = &seen["deliveries"][0]["files"];
        assert_eq!(
            (&files[0]["name"], &files[1]["name"], &files[1]["size"]),
            (&json!("a.bin"), &json!("z.bin"), &json!(256))
        );
        assert_eq!(seen["blob_intact"], true);
    }
}
