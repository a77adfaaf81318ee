//! The library's one error type: a kind (which the binary maps to an exit code), a message and an optional hint.

use std::fmt;

/// What went wrong, in the terms of docs/design.md's exit-code table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A bug or an I/O failure nobody asked for.
    Internal,
    /// The command was called wrongly: a missing `--as`, a missing field off a terminal.
    Usage,
    /// A user, gig, order, batch ... that does not exist.
    NotFound,
    /// Not allowed now: the state, a balance, a rule, an idempotency key reused with other fields.
    Conflict,
    /// The acting user may not do this.
    Forbidden,
    /// Input data that does not parse or validate: CSV, YAML, amounts, dates.
    Invalid,
    /// The database stayed locked past the busy timeout.
    Busy,
    /// `souq audit` found a violated invariant.
    Audit,
}

#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
    hint: Option<String>,
    /// Set when moderation refused the content: what to record once the command's
    /// transaction has rolled back (see `Store::write`).
    blocked: Option<Box<crate::moderation::Blocked>>,
    /// Set when the database refused a statement for a constraint (CHECK, UNIQUE, FOREIGN KEY,
    /// NOT NULL), on either engine: callers turn the ones they expect into marketplace words.
    constraint: bool,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl fmt::Display) -> Error {
        Error { kind, message: message.to_string(), hint: None, blocked: None, constraint: false }
    }
    pub fn internal(message: impl fmt::Display) -> Error {
        Error::new(ErrorKind::Internal, message)
    }
    /// The write lock stayed held past the busy timeout, whichever engine or queue held it.
    pub fn busy() -> Error {
        Error::new(ErrorKind::Busy, "the database is busy: another souq process held it past the timeout")
            .with_hint("retry, or raise SOUQ_BUSY_TIMEOUT_MS")
    }
    pub fn usage(message: impl fmt::Display) -> Error {
        Error::new(ErrorKind::Usage, message)
    }
    /// `what` names the thing in the marketplace's words ("gig", "order"), `id` what was asked for.
    pub fn not_found(what: &str, id: impl fmt::Display) -> Error {
        Error::new(ErrorKind::NotFound, format!("{what} {id} not found"))
    }
    pub fn conflict(message: impl fmt::Display) -> Error {
        Error::new(ErrorKind::Conflict, message)
    }
    pub fn forbidden(message: impl fmt::Display) -> Error {
        Error::new(ErrorKind::Forbidden, message)
    }
    pub fn invalid(message: impl fmt::Display) -> Error {
        Error::new(ErrorKind::Invalid, message)
    }
    pub fn audit(message: impl fmt::Display) -> Error {
        Error::new(ErrorKind::Audit, message)
    }

    /// A refusal by a moderation rule (exit 4), carrying the rule's verdict.
    pub fn blocked(message: impl fmt::Display, blocked: crate::moderation::Blocked) -> Error {
        Error { blocked: Some(Box::new(blocked)), ..Error::conflict(message) }
    }

    pub fn with_hint(mut self, hint: impl fmt::Display) -> Error {
        self.hint = Some(hint.to_string());
        self
    }

    /// Prefix the message with where it happened ("line 3, column price: ...").
    pub fn context(mut self, place: impl fmt::Display) -> Error {
        self.message = format!("{place}: {}", self.message);
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    pub fn message(&self) -> &str {
        &self.message
    }
    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }
    /// Whether the database refused a statement for one of the schema's constraints.
    pub fn is_constraint_violation(&self) -> bool {
        self.constraint
    }
    /// The moderation verdict, when a rule refused the content.
    pub fn moderation_block(&self) -> Option<&crate::moderation::Blocked> {
        self.blocked.as_deref()
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Error {
        use rusqlite::ErrorCode;
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::busy(),
            Some(ErrorCode::ReadOnly) => {
                Error::internal("the database is read-only: souq needs write access to the file and its folder")
            }
            Some(ErrorCode::NotADatabase) => Error::invalid("the file is not a SQLite database (or it is encrypted)"),
            Some(ErrorCode::DiskFull) => Error::internal("the disk is full"),
            Some(ErrorCode::ConstraintViolation) => {
                Error { constraint: true, ..Error::internal(format!("database: {err}")) }
            }
            _ => Error::internal(format!("database: {err}")),
        }
    }
}

impl From<postgres::Error> for Error {
    fn from(err: postgres::Error) -> Error {
        use postgres::error::SqlState;
        let Some(db) = err.as_db_error() else {
            if err.is_closed() {
                return Error::internal("the connection to PostgreSQL was lost");
            }
            // "error connecting to server" says little without its cause (no such socket, refused)
            let cause = std::error::Error::source(&err).map(|c| format!(": {c}")).unwrap_or_default();
            return Error::internal(format!("database: {err}{cause}"));
        };
        let code = db.code();
        if [&SqlState::LOCK_NOT_AVAILABLE, &SqlState::T_R_DEADLOCK_DETECTED, &SqlState::T_R_SERIALIZATION_FAILURE]
            .contains(&code)
        {
            return Error::busy();
        }
        if [&SqlState::INVALID_PASSWORD, &SqlState::INVALID_AUTHORIZATION_SPECIFICATION].contains(&code) {
            return Error::forbidden(format!("PostgreSQL refused the login: {}", db.message()))
                .with_hint("check the user and password in the URL (or PGPASSWORD / ~/.pgpass)");
        }
        if code == &SqlState::INSUFFICIENT_PRIVILEGE {
            return Error::forbidden(format!("PostgreSQL: {}", db.message()))
                .with_hint("souq's role needs to own the database's tables (see the README, More than one host)");
        }
        if code == &SqlState::INVALID_CATALOG_NAME {
            return Error::new(ErrorKind::NotFound, format!("PostgreSQL: {}", db.message()))
                .with_hint("create it first (createdb NAME), then `souq --db URL init --admin NAME`");
        }
        if code == &SqlState::DISK_FULL {
            return Error::internal("the database server's disk is full");
        }
        let constraint = code.code().starts_with("23");
        Error { constraint, ..Error::internal(format!("database: {}", db.message())) }
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::internal(err)
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Error {
        Error::internal(format!("json: {err}"))
    }
}
