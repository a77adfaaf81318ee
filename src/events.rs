//! The event log: every change writes one row, read back by timelines and by `souq events --follow`.

use rusqlite::params;
use serde::Serialize;
use serde_json::Value;

use crate::clock::Timestamp;
use crate::db::Db;
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
///
/// Ids grow in commit order on both engines, which `events --follow` relies on (it asks for
/// "id > the last one seen"). SQLite hands out rowids under its single writer. PostgreSQL hands
/// out identity values at insert time, not at commit, so in general a transaction could take id
/// 10, another take 11 and commit first, and a follower that read 11 would never see 10. Here
/// that cannot happen: every write transaction takes the marketplace's advisory write lock
/// (`store::PG_WRITE_LOCK`) before its first statement and keeps it until it commits, so no
/// other transaction draws an id between this one's insert and its commit. The ids of a
/// rolled-back transaction (a refusal, a preview) are never seen: on PostgreSQL they are a gap,
/// which "id >" passes over.
pub fn record(db: &Db, session: &Session, kind: &str, entity: &str, entity_id: i64, data: Value) -> Result<i64> {
    // The newest event is the last one: every event before it passed this same check.
    let newest: Option<(i64, Timestamp)> =
        db.query_opt("SELECT id, at FROM events ORDER BY id DESC LIMIT 1", &[], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if let Some((id, at)) = newest.filter(|(_, at)| session.now < *at) {
        return Err(Error::conflict(format!(
            "the time is {}, earlier than event {id} at {at}: souq's timeline never runs backwards",
            session.now
        ))
        .with_hint(format!("set SOUQ_NOW to {at} or later (or unset it to use the clock)")));
    }
    db.insert(
        "INSERT INTO events (at, actor, os_user, kind, entity, entity_id, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
        params![session.now, session.actor, session.os_user, kind, entity, entity_id, data.to_string()],
    )
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

pub fn list(db: &Db, filter: &Filter) -> Result<Vec<Event>> {
    let prefix_pattern = filter.kind_prefix.as_deref().map(like_prefix);
    let (entity, entity_id) = match &filter.entity {
        Some((e, id)) => (Some(e.as_str()), Some(*id)),
        None => (None, None),
    };
    // No limit (or a negative one, which SQLite read as none) is the largest: PostgreSQL refuses
    // a negative LIMIT. The prefix matches ASCII letters in either case, as SQLite's LIKE does
    // and PostgreSQL's does not. The casts type ?2 and ?3 for PostgreSQL, which cannot tell a
    // parameter's type from `?N IS NULL` alone.
    let limit = filter.limit.filter(|l| *l >= 0).unwrap_or(i64::MAX);
    db.query_map(
        "SELECT id, at, actor, os_user, kind, entity, entity_id, data FROM events
         WHERE id > ?1
           AND (CAST(?2 AS TEXT) IS NULL OR lower(kind) LIKE lower(?2) ESCAPE '\\')
           AND (CAST(?3 AS TEXT) IS NULL OR (entity = ?3 AND entity_id = ?4))
         ORDER BY id LIMIT ?5",
        params![filter.since, prefix_pattern, entity, entity_id, limit],
        |r| {
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
        },
    )
}

/// The newest event id (0 for an empty log): where `--follow` starts when given no --since.
pub fn last_id(db: &Db) -> Result<i64> {
    db.query_row("SELECT coalesce(max(id), 0) FROM events", &[], |r| r.get(0))
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::error::ErrorKind;
    use crate::test_engines::on_each;

    fn at(time: &str) -> Session {
        Session { actor: Some("noura".into()), os_user: "test".into(), now: Timestamp::parse(time).unwrap() }
    }

    #[test]
    fn the_log_reads_alike_on_both_engines() {
        let seen = on_each(|db| {
            let empty = last_id(db).unwrap();
            let written = [("order.placed", "order", 1), ("order_x.placed", "order", 2), ("gig.created", "gig", 1)];
            let ids: Vec<i64> = written
                .iter()
                .map(|(kind, entity, id)| record(db, &at("2026-03-01T10:00:00Z"), kind, entity, *id, json!({"n": id})))
                .collect::<Result<_>>()
                .unwrap();
            let backwards = record(db, &at("2026-03-01T09:00:00Z"), "order.placed", "order", 1, json!({}));
            let ids_of = |filter: Filter| list(db, &filter).unwrap().iter().map(|e| e.id).collect::<Vec<_>>();
            json!({
                "empty": empty,
                "ids": ids,
                "last": last_id(db).unwrap(),
                "backwards": backwards.unwrap_err().kind() == ErrorKind::Conflict,
                "prefix": ids_of(Filter { kind_prefix: Some("ORDER_".into()), ..Filter::default() }),
                "entity": ids_of(Filter { entity: Some(("order".into(), 1)), ..Filter::default() }),
                "since_limited": ids_of(Filter { since: 1, limit: Some(1), ..Filter::default() }),
                "negative_limit": ids_of(Filter { limit: Some(-1), ..Filter::default() }),
                "all": list(db, &Filter::default()).unwrap(),
            })
        });
        assert_eq!((&seen["empty"], &seen["ids"], &seen["last"]), (&json!(0), &json!([1, 2, 3]), &json!(3)));
        assert_eq!(seen["backwards"], true);
        // "_" is itself, not any character; letters match in either case
        assert_eq!(seen["prefix"], json!([2]));
        assert_eq!(seen["entity"], json!([1]));
        assert_eq!(seen["since_limited"], json!([2]));
        assert_eq!(seen["negative_limit"], json!([1, 2, 3]));
        assert_eq!(seen["all"][2]["data"], json!({"n": 1}));
    }
}
