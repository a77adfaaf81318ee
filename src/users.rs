//! Users: sign-up, lookup, the acting user's checks (exists, not suspended, admin), suspension,
//! and who may read a user's private fields.

use rusqlite::params;
use serde::Serialize;
use serde_json::json;

use crate::clock::Timestamp;
use crate::db::{Db, Row};
use crate::error::{Error, Result};
use crate::payouts::PayoutMethod;
use crate::status::UserStatus;
use crate::{events, text, usernames, Session};

#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub email: Option<String>,
    pub is_admin: bool,
    pub status: UserStatus,
    pub level: String,
    pub payout_method: Option<String>,
    pub payout_account: Option<String>,
    pub created_at: Timestamp,
}

impl User {
    pub fn is_suspended(&self) -> bool {
        self.status == UserStatus::Suspended
    }

    pub fn require_admin(&self, doing: &str) -> Result<()> {
        if self.is_admin {
            Ok(())
        } else {
            Err(Error::forbidden(format!("only an admin may {doing}; {} is not one", self.username)))
        }
    }
}

/// Who is reading. E-mail, payout account and deposit reference are private: shown whole only
/// to their owner and to admins, and [`mask`]ed for everyone else (anyone without --as too).
#[derive(Debug, Clone, Default)]
pub struct Viewer {
    user: Option<(i64, String)>,
    is_admin: bool,
}

impl Viewer {
    /// Whether this reader sees the private fields of the user `owner_id`.
    pub fn sees_private_of(&self, owner_id: i64) -> bool {
        self.is_admin || self.user.as_ref().is_some_and(|(id, _)| *id == owner_id)
    }

    pub fn is_admin(&self) -> bool {
        self.is_admin
    }

    /// [`Viewer::sees_private_of`] for data that names its owner by username.
    pub fn sees_private_of_name(&self, owner: &str) -> bool {
        self.is_admin || self.user.as_ref().is_some_and(|(_, name)| name == owner)
    }

    /// `text` as this reader may see it: whole when `visible`, else masked.
    pub fn show(visible: bool, text: Option<String>) -> Option<String> {
        if visible {
            text
        } else {
            text.map(|t| mask(&t))
        }
    }
}

/// The session's reader: the --as user (who must exist; a suspended user still reads their own),
/// or nobody in particular.
pub fn viewer(db: &Db, session: &Session) -> Result<Viewer> {
    let Some(name) = session.actor.as_deref() else { return Ok(Viewer::default()) };
    let user = get(db, name)?;
    Ok(Viewer { is_admin: user.is_admin, user: Some((user.id, user.username)) })
}

/// How a private value is shown to others: "****" and its last 4 characters, or only "****" when
/// it is too short for 4 characters to be a small part of it. A masked value stays as it is.
pub fn mask(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if text.starts_with("****") {
        return text.to_string();
    }
    if chars.len() < 10 {
        return "****".to_string();
    }
    format!("****{}", chars[chars.len() - 4..].iter().collect::<String>())
}

impl User {
    /// The user as `viewer` may see them: e-mail and payout account masked unless it is
    /// themselves or an admin.
    pub fn seen_by(mut self, viewer: &Viewer) -> User {
        let visible = viewer.sees_private_of(self.id);
        self.email = Viewer::show(visible, self.email);
        self.payout_account = Viewer::show(visible, self.payout_account);
        self
    }
}

const COLUMNS: &str = "id, username, email, is_admin, status, level, payout_method, payout_account, created_at";

fn from_row(r: &Row) -> Result<User> {
    Ok(User {
        id: r.get(0)?,
        username: r.get(1)?,
        email: r.get(2)?,
        is_admin: r.get(3)?,
        status: r.get(4)?,
        level: r.get(5)?,
        payout_method: r.get(6)?,
        payout_account: r.get(7)?,
        created_at: r.get(8)?,
    })
}

pub fn find(db: &Db, username: &str) -> Result<Option<User>> {
    db.query_opt(&format!("SELECT {COLUMNS} FROM users WHERE username = ?1"), params![username], from_row)
}

pub fn get(db: &Db, username: &str) -> Result<User> {
    find(db, username)?.ok_or_else(|| Error::not_found("user", username))
}

pub fn get_by_id(db: &Db, id: i64) -> Result<User> {
    db.query_opt(&format!("SELECT {COLUMNS} FROM users WHERE id = ?1"), params![id], from_row)?
        .ok_or_else(|| Error::not_found("user", format!("#{id}")))
}

pub fn list(db: &Db) -> Result<Vec<User>> {
    db.query_map(&format!("SELECT {COLUMNS} FROM users ORDER BY id"), &[], from_row)
}

/// The user the session acts as: named, existing and not suspended.
pub fn acting(db: &Db, session: &Session) -> Result<User> {
    let name = session
        .actor
        .as_deref()
        .ok_or_else(|| Error::usage("this command acts as a user: pass --as USER or set SOUQ_USER"))?;
    let user = get(db, name)?;
    if user.is_suspended() {
        return Err(Error::forbidden(format!("user {name} is suspended and cannot act")));
    }
    Ok(user)
}

/// The acting user, who must be an admin.
pub fn acting_admin(db: &Db, session: &Session, doing: &str) -> Result<User> {
    let user = acting(db, session)?;
    user.require_admin(doing)?;
    Ok(user)
}

pub fn any_admin(db: &Db) -> Result<bool> {
    db.query_row("SELECT EXISTS (SELECT 1 FROM users WHERE is_admin = 1)", &[], |r| r.get(0))
}

pub(crate) fn validate_email(email: &str) -> Result<()> {
    text::check(email, "email", text::Shape::Line)?;
    let valid = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(|c| c.is_whitespace() || c == ',')
        }
        None => false,
    };
    if valid {
        Ok(())
    } else {
        Err(Error::invalid(format!("invalid email {}", text::excerpt(email, text::EXCERPT_CHARS))))
    }
}

pub struct NewUser<'a> {
    pub username: &'a str,
    pub email: Option<&'a str>,
    pub is_admin: bool,
}

/// Signs a user up. Anyone may add a plain user; adding an admin takes an acting admin,
/// except for the very first one (that is how a marketplace gets its first admin).
pub fn add(db: &Db, session: &Session, new: &NewUser) -> Result<User> {
    usernames::validate(new.username)?;
    if let Some(email) = new.email {
        validate_email(email)?;
    }
    if new.is_admin && any_admin(db)? {
        acting_admin(db, session, "add another admin")?;
    }
    let key = usernames::key(new.username);
    let existing: Option<String> =
        db.query_opt("SELECT username FROM users WHERE username_key = ?1", params![key], |r| r.get(0))?;
    match existing {
        Some(name) if name == new.username => return Err(Error::conflict(format!("user {name} already exists"))),
        Some(name) => {
            return Err(Error::conflict(format!(
                "username {} looks like the existing user {name} (same letters once case and look-alike \
                 characters are folded)",
                text::excerpt(new.username, text::EXCERPT_CHARS)
            ))
            .with_hint("choose a name that reads differently"))
        }
        None => {}
    }
    db.execute(
        "INSERT INTO users (username, username_key, email, is_admin, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![new.username, key, new.email, new.is_admin, session.now],
    )?;
    let user = get(db, new.username)?;
    events::record(
        db,
        session,
        "user.added",
        "user",
        user.id,
        json!({"username": user.username, "is_admin": user.is_admin}),
    )?;
    Ok(user)
}

/// Suspends or reinstates `username` (admin only). Doing it twice is not an error:
/// the user ends in the asked state and no second event is written.
pub fn set_suspended(
    db: &Db,
    session: &Session,
    username: &str,
    suspended: bool,
    reason: Option<&str>,
) -> Result<User> {
    let admin = acting_admin(db, session, "suspend or unsuspend users")?;
    if let Some(reason) = reason {
        text::check_optional(reason, "reason", text::Shape::Prose)?;
    }
    let user = get(db, username)?;
    if user.id == admin.id && suspended {
        return Err(Error::conflict("an admin cannot suspend themselves"));
    }
    let status = if suspended { UserStatus::Suspended } else { UserStatus::Active };
    if user.status == status {
        return Ok(user);
    }
    db.execute("UPDATE users SET status = ?1 WHERE id = ?2", params![status, user.id])?;
    let kind = if suspended { "user.suspended" } else { "user.unsuspended" };
    events::record(db, session, kind, "user", user.id, json!({"username": username, "reason": reason}))?;
    get(db, username)
}

/// Sets how `username` is paid (the user themselves or an admin). The account is validated for
/// the method and stored normalised; setting the same method and account again changes nothing.
pub fn set_payout(db: &Db, session: &Session, username: &str, method: PayoutMethod, account: &str) -> Result<User> {
    let actor = acting(db, session)?;
    let user = get(db, username)?;
    if actor.id != user.id {
        actor.require_admin(&format!("set {username}'s payout method"))?;
    }
    let account = method.normalize_account(account)?;
    if user.payout_method.as_deref() == Some(method.as_str()) && user.payout_account.as_deref() == Some(&account) {
        return Ok(user);
    }
    db.execute(
        "UPDATE users SET payout_method = ?1, payout_account = ?2 WHERE id = ?3",
        params![method, account, user.id],
    )?;
    events::record(
        db,
        session,
        "user.payout_set",
        "user",
        user.id,
        json!({"username": username, "method": method, "account": mask(&account),
               "previous_method": user.payout_method}),
    )?;
    get(db, username)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::test_engines::fresh_stores;

    fn admin_session() -> Session {
        let now = Timestamp::parse("2026-03-01T10:00:00Z").unwrap();
        Session { actor: Some("admin".into()), os_user: "test".into(), now }
    }

    #[test]
    fn a_name_that_looks_like_a_taken_one_is_refused_the_same_on_every_engine() {
        for mut m in fresh_stores("a_name_that_looks_like_a_taken_one_is_refused_the_same_on_every_engine") {
            let admin = admin_session();
            let sign_up = |store: &mut crate::Store, name: &str| {
                store.write(|tx| add(tx, &admin, &NewUser { username: name, email: None, is_admin: false }))
            };
            m.store.write(|tx| add(tx, &admin, &NewUser { username: "admin", email: None, is_admin: true })).unwrap();
            sign_up(&mut m.store, "layla").unwrap();
            let same = sign_up(&mut m.store, "layla").unwrap_err();
            assert_eq!((same.kind(), same.message()), (ErrorKind::Conflict, "user layla already exists"));
            for look_alike in ["Layla", "LAYLA", "l\u{0430}yla", "1ayla"] {
                let err = sign_up(&mut m.store, look_alike).unwrap_err();
                assert_eq!(err.kind(), ErrorKind::Conflict, "{look_alike} on {:?}", m.engine());
                assert!(err.message().contains("looks like the existing user layla"), "{}", err.message());
            }
            let names: Vec<String> = list(m.store.db()).unwrap().into_iter().map(|u| u.username).collect();
            assert_eq!(names, ["admin", "layla"]);
            let key: String = m
                .store
                .db()
                .query_row("SELECT username_key FROM users WHERE username = 'layla'", &[], |r| r.get(0))
                .unwrap();
            assert_eq!(key, usernames::key("layla"));
        }
    }

    #[test]
    fn suspension_and_payout_changes_are_stored_once() {
        for mut m in fresh_stores("suspension_and_payout_changes_are_stored_once") {
            let admin = admin_session();
            m.store
                .write(|tx| {
                    add(tx, &admin, &NewUser { username: "admin", email: Some("ops@souq.example"), is_admin: true })?;
                    add(tx, &admin, &NewUser { username: "layla", email: None, is_admin: false })
                })
                .unwrap();
            assert!(any_admin(m.store.db()).unwrap());
            for _ in 0..2 {
                let user = m.store.write(|tx| set_suspended(tx, &admin, "layla", true, Some("spam"))).unwrap();
                assert!(user.is_suspended(), "{:?}", m.engine());
                let user = m
                    .store
                    .write(|tx| set_payout(tx, &admin, "layla", PayoutMethod::Paypal, "layla@example.com"))
                    .unwrap();
                assert_eq!(user.payout_method.as_deref(), Some("paypal"));
            }
            let layla = get(m.store.db(), "layla").unwrap();
            assert_eq!(get_by_id(m.store.db(), layla.id).unwrap().payout_account.as_deref(), Some("layla@example.com"));
            let filter = events::Filter { kind_prefix: Some("user.".into()), ..Default::default() };
            let kinds: Vec<String> = events::list(m.store.db(), &filter).unwrap().into_iter().map(|e| e.kind).collect();
            assert_eq!(kinds, ["user.added", "user.added", "user.suspended", "user.payout_set"], "{:?}", m.engine());
            let acting = Session { actor: Some("layla".into()), ..admin };
            assert_eq!(acting_admin(m.store.db(), &acting, "x").unwrap_err().kind(), ErrorKind::Forbidden);
        }
    }
}
