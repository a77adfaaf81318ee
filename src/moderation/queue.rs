//! The review queue: flags raised by rules (and by review_new_gigs), and the admin's
//! approve / reject, which also decide a held gig's fate.

use rusqlite::params;
use serde::Serialize;
use serde_json::json;

use super::rules::Action;
use crate::clock::Timestamp;
use crate::db::{Db, Row};
use crate::error::{Error, Result};
use crate::status::GigStatus;
use crate::{events, users, Session};

/// One item in the queue, in docs/design.md's flag shape.
#[derive(Debug, Clone, Serialize)]
pub struct Flag {
    pub id: i64,
    pub rule: String,
    pub action: String,
    pub entity: String,
    pub entity_id: i64,
    pub excerpt: String,
    pub status: FlagStatus,
    pub created_at: Timestamp,
}

/// Where a flag stands: waiting in the queue, or decided by an admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagStatus {
    Open,
    Approved,
    Rejected,
}

impl FlagStatus {
    pub const ALL: [FlagStatus; 3] = [FlagStatus::Open, FlagStatus::Approved, FlagStatus::Rejected];

    pub fn name(self) -> &'static str {
        match self {
            FlagStatus::Open => "open",
            FlagStatus::Approved => "approved",
            FlagStatus::Rejected => "rejected",
        }
    }

    /// The status named `name`, or exit 6 naming the ones there are.
    pub fn parse(name: &str) -> Result<FlagStatus> {
        FlagStatus::ALL.into_iter().find(|s| s.name() == name).ok_or_else(|| {
            let names: Vec<&str> = FlagStatus::ALL.iter().map(|s| s.name()).collect();
            Error::invalid(format!("unknown flag status {name:?}; one of {}", names.join(", ")))
        })
    }
}

impl rusqlite::types::ToSql for FlagStatus {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.name().into())
    }
}

impl rusqlite::types::FromSql for FlagStatus {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let name = value.as_str()?;
        FlagStatus::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("unknown flag status {name:?}").into()))
    }
}

/// The pseudo-rule of gigs that wait for review because the policy says every new gig does.
pub const REVIEW_NEW_GIGS: &str = "review_new_gigs";

const FLAG_COLUMNS: &str = "id, rule, action, entity, entity_id, excerpt, status, created_at";

fn flag_from_row(r: &Row) -> Result<Flag> {
    Ok(Flag {
        id: r.get(0)?,
        rule: r.get(1)?,
        action: r.get(2)?,
        entity: r.get(3)?,
        entity_id: r.get(4)?,
        excerpt: r.get(5)?,
        status: r.get(6)?,
        created_at: r.get(7)?,
    })
}

/// Where a flag points and what it saw.
pub(super) struct Subject<'a> {
    pub entity: &'a str,
    pub entity_id: i64,
    pub content_hash: &'a str,
}

/// Raises a flag unless this rule already flagged this very content (then None).
pub(super) fn raise(
    db: &Db,
    session: &Session,
    rule: &str,
    action: Action,
    subject: &Subject,
    excerpt: &str,
) -> Result<Option<i64>> {
    // Content already flagged by this rule is a row the insert skips (no id comes back): never
    // a UNIQUE error, which would abort a PostgreSQL transaction (a scan re-runs over old content).
    let inserted = db.query_opt(
        "INSERT INTO moderation_flags (rule, action, entity, entity_id, content_hash, excerpt, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (entity, entity_id, rule, content_hash) DO NOTHING
         RETURNING id",
        params![rule, action.name(), subject.entity, subject.entity_id, subject.content_hash, excerpt, session.now],
        |r| r.get::<i64>(0),
    )?;
    let Some(id) = inserted else { return Ok(None) };
    events::record(
        db,
        session,
        "moderation.flagged",
        subject.entity,
        subject.entity_id,
        json!({"flag_id": id, "rule": rule, "action": action.name(), "excerpt": excerpt}),
    )?;
    Ok(Some(id))
}

/// Whether this rule already flagged this content (what `scan` without --apply reports).
pub(super) fn already_raised(db: &Db, rule: &str, subject: &Subject) -> Result<bool> {
    db.query_row(
        "SELECT EXISTS (SELECT 1 FROM moderation_flags
                        WHERE entity = ?1 AND entity_id = ?2 AND rule = ?3 AND content_hash = ?4)",
        params![subject.entity, subject.entity_id, rule, subject.content_hash],
        |r| r.get(0),
    )
}

fn open_flags_of(db: &Db, entity: &str, entity_id: i64) -> Result<Vec<Flag>> {
    let sql = format!(
        "SELECT {FLAG_COLUMNS} FROM moderation_flags
         WHERE entity = ?1 AND entity_id = ?2 AND status = 'open' ORDER BY id"
    );
    db.query_map(&sql, params![entity, entity_id], flag_from_row)
}

pub(super) fn has_open(db: &Db, entity: &str, entity_id: i64) -> Result<bool> {
    Ok(!open_flags_of(db, entity, entity_id)?.is_empty())
}

pub fn get(db: &Db, id: i64) -> Result<Flag> {
    let sql = format!("SELECT {FLAG_COLUMNS} FROM moderation_flags WHERE id = ?1");
    db.query_opt(&sql, params![id], flag_from_row)?.ok_or_else(|| Error::not_found("flag", id))
}

/// The queue, oldest first: flags in `status` (all statuses when None), of one rule if given.
pub fn list(db: &Db, session: &Session, status: Option<FlagStatus>, rule: Option<&str>) -> Result<Vec<Flag>> {
    users::acting_admin(db, session, "read the moderation queue")?;
    let sql = format!(
        "SELECT {FLAG_COLUMNS} FROM moderation_flags
         WHERE (CAST(?1 AS TEXT) IS NULL OR status = ?1) AND (CAST(?2 AS TEXT) IS NULL OR rule = ?2) ORDER BY id"
    );
    db.query_map(&sql, params![status, rule], flag_from_row)
}

/// What `moderate approve|reject` acts on: one flag, or a gig with all its open flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    Flag(i64),
    Gig(i64),
}

impl Decided {
    /// `12` is flag 12; `gig:12` is gig 12.
    pub fn parse(text: &str) -> Result<Decided> {
        let bad = || Error::invalid(format!("{text:?}: expected a flag id (12) or a gig (gig:12)"));
        match text.strip_prefix("gig:") {
            Some(id) => id.parse().map(Decided::Gig).map_err(|_| bad()),
            None => text.parse().map(Decided::Flag).map_err(|_| bad()),
        }
    }
}

/// Approves (the content may stay) or rejects (it may not) a flag or a gig, with the admin's
/// reason. An approved gig with nothing else open goes live; a rejected gig is `rejected`.
/// Deciding a flag again the same way is a no-op; the other way is refused (exit 4).
pub fn decide(db: &Db, session: &Session, what: Decided, approve: bool, reason: &str) -> Result<Vec<Flag>> {
    let admin = users::acting_admin(db, session, "moderate")?;
    if reason.trim().is_empty() {
        return Err(Error::invalid("a reason is needed: it is kept with the decision"));
    }
    let status = if approve { FlagStatus::Approved } else { FlagStatus::Rejected };
    let (flags, gig_id) = match what {
        Decided::Flag(id) => {
            let flag = get(db, id)?;
            if flag.status == status {
                return Ok(vec![flag]);
            }
            if flag.status != FlagStatus::Open {
                return Err(Error::conflict(format!("flag {id} was already {}", flag.status.name())));
            }
            let gig_id = (flag.entity == "gig").then_some(flag.entity_id);
            (vec![flag], gig_id)
        }
        Decided::Gig(id) => {
            let gig = crate::gigs::get(db, id)?;
            let flags = open_flags_of(db, "gig", id)?;
            if flags.is_empty() && gig.status != GigStatus::PendingReview {
                return Err(Error::conflict(format!(
                    "gig {id} is {} and has no open flags: nothing to decide",
                    gig.status
                )));
            }
            (flags, Some(id))
        }
    };
    let mut decided = Vec::with_capacity(flags.len());
    for flag in flags {
        db.execute(
            "UPDATE moderation_flags SET status = ?1, decided_by = ?2, decided_at = ?3, reason = ?4 WHERE id = ?5",
            params![status, admin.id, session.now, reason, flag.id],
        )?;
        events::record(
            db,
            session,
            &format!("moderation.{}", status.name()),
            &flag.entity,
            flag.entity_id,
            json!({"flag_id": flag.id, "rule": flag.rule, "reason": reason}),
        )?;
        decided.push(get(db, flag.id)?);
    }
    if let Some(gig_id) = gig_id {
        settle_gig(db, session, gig_id, approve, reason)?;
    }
    Ok(decided)
}

/// After a decision: a rejected gig is `rejected`; an approved one leaves pending_review once
/// no open flag holds it back.
fn settle_gig(db: &Db, session: &Session, gig_id: i64, approve: bool, reason: &str) -> Result<()> {
    let gig = crate::gigs::get(db, gig_id)?;
    let to = if !approve {
        "rejected"
    } else if gig.status == GigStatus::PendingReview && !has_open(db, "gig", gig_id)? {
        "active"
    } else {
        return Ok(());
    };
    if gig.status.as_str() == to {
        return Ok(());
    }
    set_gig_status(db, session, gig_id, gig.status.as_str(), to, reason)
}

/// Moves a gig between review states, with its event (gig.held, gig.approved, gig.rejected).
pub(super) fn set_gig_status(
    db: &Db,
    session: &Session,
    gig_id: i64,
    from: &str,
    to: &str,
    reason: &str,
) -> Result<()> {
    db.execute("UPDATE gigs SET status = ?1, updated_at = ?2 WHERE id = ?3", params![to, session.now, gig_id])?;
    let kind = match to {
        "pending_review" => "gig.held",
        "active" => "gig.approved",
        _ => "gig.rejected",
    };
    events::record(db, session, kind, "gig", gig_id, json!({"from": from, "to": to, "reason": reason}))?;
    Ok(())
}
