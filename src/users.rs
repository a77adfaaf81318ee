//! Users: sign-up, lookup, the acting user's checks (exists, not suspended, admin), suspension,
//! and who may read a user's private fields.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use serde_json::json;

use crate::clock::Timestamp;
use crate::db::Db;
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
pub fn viewer(conn: &Connection, session: &Session) -> Result<Viewer> {
    let Some(name) = session.actor.as_deref() else { return Ok(Viewer::default()) };
    let user = get(conn, name)?;
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

fn from_row(r: &Row) -> rusqlite::Result<User> {
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

pub fn find(conn: &Connection, username: &str) -> Result<Option<User>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE username = ?1");
    Ok(conn.prepare_cached(&sql)?.query_row([username], from_row).optional()?)
}

pub fn get(conn: &Connection, username: &str) -> Result<User> {
    find(conn, username)?.ok_or_else(|| Error::not_found("user", username))
}

pub fn get_by_id(conn: &Connection, id: i64) -> Result<User> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("user", format!("#{id}")))
}

pub fn list(conn: &Connection) -> Result<Vec<User>> {
    let sql = format!("SELECT {COLUMNS} FROM users ORDER BY id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let users = stmt.query_map([], from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(users)
}

/// The user the session acts as: named, existing and not suspended.
pub fn acting(conn: &Connection, session: &Session) -> Result<User> {
    let name = session
        .actor
        .as_deref()
        .ok_or_else(|| Error::usage("this command acts as a user: pass --as USER or set SOUQ_USER"))?;
    let user = get(conn, name)?;
    if user.is_suspended() {
        return Err(Error::forbidden(format!("user {name} is suspended and cannot act")));
    }
    Ok(user)
}

/// The acting user, who must be an admin.
pub fn acting_admin(conn: &Connection, session: &Session, doing: &str) -> Result<User> {
    let user = acting(conn, session)?;
    user.require_admin(doing)?;
    Ok(user)
}

pub fn any_admin(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM users WHERE is_admin = 1)", [], |r| r.get(0))?)
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
pub fn add(conn: &Db, session: &Session, new: &NewUser) -> Result<User> {
    usernames::validate(new.username)?;
    if let Some(email) = new.email {
        validate_email(email)?;
    }
    if new.is_admin && any_admin(conn)? {
        acting_admin(conn, session, "add another admin")?;
    }
    let key = usernames::key(new.username);
    let existing: Option<String> = conn
        .prepare_cached("SELECT username FROM users WHERE username_key = ?1")?
        .query_row([&key], |r| r.get(0))
        .optional()?;
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
    conn.execute(
        "INSERT INTO users (username, username_key, email, is_admin, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![new.username, key, new.email, new.is_admin, session.now],
    )?;
    let user = get(conn, new.username)?;
    events::record(
        conn,
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
    conn: &Db,
    session: &Session,
    username: &str,
    suspended: bool,
    reason: Option<&str>,
) -> Result<User> {
    let admin = acting_admin(conn, session, "suspend or unsuspend users")?;
    if let Some(reason) = reason {
        text::check_optional(reason, "reason", text::Shape::Prose)?;
    }
    let user = get(conn, username)?;
    if user.id == admin.id && suspended {
        return Err(Error::conflict("an admin cannot suspend themselves"));
    }
    let status = if suspended { UserStatus::Suspended } else { UserStatus::Active };
    if user.status == status {
        return Ok(user);
    }
    conn.execute("UPDATE users SET status = ?1 WHERE id = ?2", params![status, user.id])?;
    let kind = if suspended { "user.suspended" } else { "user.unsuspended" };
    events::record(conn, session, kind, "user", user.id, json!({"username": username, "reason": reason}))?;
    get(conn, username)
}

/// Sets how `username` is paid (the user themselves or an admin). The account is validated for
/// the method and stored normalised; setting the same method and account again changes nothing.
pub fn set_payout(conn: &Db, session: &Session, username: &str, method: PayoutMethod, account: &str) -> Result<User> {
    let actor = acting(conn, session)?;
    let user = get(conn, username)?;
    if actor.id != user.id {
        actor.require_admin(&format!("set {username}'s payout method"))?;
    }
    let account = method.normalize_account(account)?;
    if user.payout_method.as_deref() == Some(method.as_str()) && user.payout_account.as_deref() == Some(&account) {
        return Ok(user);
    }
    conn.execute(
        "UPDATE users SET payout_method = ?1, payout_account = ?2 WHERE id = ?3",
        params![method, account, user.id],
    )?;
    events::record(
        conn,
        session,
        "user.payout_set",
        "user",
        user.id,
        json!({"username": username, "method": method, "account": mask(&account),
               "previous_method": user.payout_method}),
    )?;
    get(conn, username)
}
