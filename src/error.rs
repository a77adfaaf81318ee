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
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl fmt::Display) -> Error {
        Error { kind, message: message.to_string(), hint: None }
    }
    pub fn internal(message: impl fmt::Display) -> Error {
        Error::new(ErrorKind::Internal, message)
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
}

/// How much of a person's text an error message quotes: enough to find it, never a whole
/// 50 MB field.
const EXCERPT_CHARS: usize = 40;

/// `text`, cut to its first [`EXCERPT_CHARS`] characters (with … when cut), to quote in an error.
pub fn excerpt(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]).into(),
        None => text.into(),
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Error {
        use rusqlite::ErrorCode;
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                Error::new(ErrorKind::Busy, "the database is busy: another souq process held it past the timeout")
                    .with_hint("retry, or raise SOUQ_BUSY_TIMEOUT_MS")
            }
            Some(ErrorCode::ReadOnly) => {
                Error::internal("the database is read-only: souq needs write access to the file and its folder")
            }
            Some(ErrorCode::NotADatabase) => Error::invalid("the file is not a SQLite database (or it is encrypted)"),
            Some(ErrorCode::DiskFull) => Error::internal("the disk is full"),
            _ => Error::internal(format!("database: {err}")),
        }
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
