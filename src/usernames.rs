//! Usernames: what a name may contain, and the key under which names that look alike are one name.

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;
use unicode_security::GeneralSecurityProfile;

use crate::error::{Error, Result};
use crate::text::{self, Shape};

pub const MAX_CHARS: usize = 32;

/// The rules, as `souq user add --help` states them.
pub const RULES: &str = "1-32 letters or digits (any script Unicode recommends for identifiers, Arabic and Latin \
     among them) and '_', '-', '.'; starting with a letter or digit; not only digits";

/// Refuses (invalid input) a name outside [`RULES`]. Invisible characters and bidi controls are
/// not letters, so a name can never hide or reorder part of itself; fullwidth and other
/// compatibility forms are not allowed by Unicode's identifier profile (UTS #39).
pub fn validate(name: &str) -> Result<()> {
    text::check(name, "username", Shape::Line)?;
    let len = name.chars().count();
    let allowed = |c: char| c.is_alphanumeric() && c.identifier_allowed();
    let first_ok = name.chars().next().is_some_and(allowed);
    let chars_ok = name.chars().all(|c| allowed(c) || matches!(c, '_' | '-' | '.'));
    if len > MAX_CHARS || !first_ok || !chars_ok || name.chars().all(|c| c.is_ascii_digit()) {
        return Err(Error::invalid(format!("invalid username {}: {RULES}", text::excerpt(name, text::EXCERPT_CHARS))));
    }
    Ok(())
}

/// The UTS #39 confusables skeleton of the lowercased name: `Admin`, `ADMIN` and `аdmin`
/// (Cyrillic а) all have the key of `admin`. `users.username_key` is UNIQUE on it.
pub fn key(name: &str) -> String {
    crate::confusables::skeleton(&name.to_lowercase()).collect()
}

/// `souq_username_key(name)` in SQL, for SQLite's migration 002 to key the users it finds. souq
/// itself binds [`key`] as a parameter wherever it writes a name, the same SQL on both engines:
/// PostgreSQL has no such function.
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "souq_username_key",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(key(&ctx.get::<String>(0)?)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_share_a_key() {
        assert_eq!(key("Admin"), key("admin"));
        assert_eq!(key("\u{0430}dmin"), key("admin")); // Cyrillic а
        assert_eq!(key("paypa1"), key("paypal"));
        assert_ne!(key("layla"), key("noura"));
        assert_eq!(key("ليلى"), key("ليلى"));
    }

    #[test]
    fn rules() {
        for good in ["admin", "layla_2", "ليلى", "noura.k", "a"] {
            assert!(validate(good).is_ok(), "{good}");
        }
        for bad in
            ["", "-rf", ".hidden", "12345", "ad\u{200B}min", "ad min", "ａｄｍｉｎ", "x\u{202E}y", &"a".repeat(33)]
        {
            assert!(validate(bad).is_err(), "{bad:?}");
        }
    }
}
