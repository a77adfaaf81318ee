//! The event log: every change writes one row, read back by timelines and by `souq events --follow`.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::Value;

use crate::clock::Timestamp;
use crate::error::{Error, Result};
use crate::users::{mask, Viewer};
use crate::Session;

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: i64,
    pub at: Timestamp,
    pub actor: Option<String>,
    pub os_user: String,
    pub kind: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub data: Value,
}

/// Keys of event data that hold a private value (see [`crate::users::Viewer`]).
const PRIVATE_KEYS: &[&str] = &["email", "account", "ref"];

impl Event {
    /// The event as `viewer` may see it: private values masked unless the event is about the
    /// viewer's own user or the viewer is an admin. An account is masked for everyone (events
    /// written before souq masked it on the way in may hold a whole one).
    pub fn seen_by(mut self, viewer: &Viewer) -> Event {
        let visible = match (self.entity.as_str(), self.entity_id) {
            ("user", Some(id)) => viewer.sees_private_of(id),
            _ => viewer.is_admin(),
        };
        if let Value::Object(data) = &mut self.data {
            for key in PRIVATE_KEYS {
                if let Some(Value::String(text)) = data.get_mut(*key) {
                    if *key == "account" || !visible {
                        *text = mask(text);
                    }
                }
            }
        }
        self
    }
}

/// Appends an event (`kind` like "order.placed") about `entity` #`entity_id`, acted by the
/// session's user. The timeline never runs backwards: a session earlier than the newest event
/// is refused (a SOUQ_NOW set back, or a clock behind the one that wrote the log).
pub fn record(
    conn: &Connection,
    session: &Session,
    kind: &str,
    entity: &str,
    entity_id: i64,
    data: Value,
) -> Result<i64> {
    // The newest event is the last one: every event before it passed this same check.
    let newest: Option<(i64, Timestamp)> = conn
        .prepare_cached("SELECT id, at FROM events ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((id, at)) = newest.filter(|(_, at)| session.now < *at) {
        return Err(Error::conflict(format!(
            "the time is {}, earlier than event {id} at {at}: souq's timeline never runs backwards",
            session.now
        ))
        .with_hint(format!("set SOUQ_NOW to {at} or later (or unset it to use the clock)")));
    }
    conn.prepare_cached(
        "INSERT INTO events (at, actor, os_user, kind, entity, entity_id, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![session.now, session.actor, session.os_user, kind, entity, entity_id, data.to_string()])?;
    Ok(conn.last_insert_rowid())
}

/// What to read from the log.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only events with an id greater than this.
    pub since: i64,
    /// Only kinds starting with this ("order." or "order.placed").
    pub kind_prefix: Option<String>,
    pub entity: Option<(String, i64)>,
    pub limit: Option<i64>,
}

pub fn list(conn: &Connection, filter: &Filter) -> Result<Vec<Event>> {
    let prefix_pattern = filter.kind_prefix.as_deref().map(like_prefix);
    let (entity, entity_id) = match &filter.entity {
        Some((e, id)) => (Some(e.as_str()), Some(*id)),
        None => (None, None),
    };
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, actor, os_user, kind, entity, entity_id, data FROM events
         WHERE id > ?1
           AND (?2 IS NULL OR kind LIKE ?2 ESCAPE '\\')
           AND (?3 IS NULL OR (entity = ?3 AND entity_id = ?4))
         ORDER BY id LIMIT ?5",
    )?;
    let rows =
        stmt.query_map(params![filter.since, prefix_pattern, entity, entity_id, filter.limit.unwrap_or(-1)], |r| {
            let data: String = r.get(7)?;
            Ok(Event {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                os_user: r.get(3)?,
                kind: r.get(4)?,
                entity: r.get(5)?,
                entity_id: r.get(6)?,
                data: serde_json::from_str(&data).unwrap_or(Value::String(data)),
            })
        })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The newest event id (0 for an empty log): where `--follow` starts when given no --since.
pub fn last_id(conn: &Connection) -> Result<i64> {
    Ok(conn
        .query_row("SELECT max(id) FROM events", [], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten()
        .unwrap_or(0))
}

/// A LIKE pattern matching text that starts with `prefix` literally.
pub fn like_prefix(prefix: &str) -> String {
    let mut pattern = String::with_capacity(prefix.len() + 1);
    for c in prefix.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}
