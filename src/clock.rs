//! Time: one UTC timestamp type, RFC 3339 in and out, and the clock that SOUQ_NOW overrides.

use std::fmt;

use serde::{Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime, UtcOffset};

use crate::error::{Error, Result};

/// The earliest moment souq acts at: the Unix epoch.
const EARLIEST: OffsetDateTime = time::macros::datetime!(1970-01-01 00:00:00 UTC);
/// The latest: a century before the end of year 9999, the last the time library represents.
const LATEST: OffsetDateTime = time::macros::datetime!(9899-12-31 23:59:59 UTC);

/// A moment in UTC, to the second. Stored and printed as "2026-11-27T13:59:26Z".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    /// The time to act at: `override_rfc3339` (the binary passes SOUQ_NOW) or the system clock.
    /// Either must lie in [`EARLIEST`, `LATEST`]: the due dates and clearances souq computes from
    /// it (at most a century ahead) then stay inside the dates it can represent.
    pub fn now(override_rfc3339: Option<&str>) -> Result<Timestamp> {
        let (now, source) = match override_rfc3339 {
            Some(text) => (Timestamp::parse(text).map_err(|e| e.context("SOUQ_NOW"))?, "SOUQ_NOW"),
            None => (Timestamp::from_offset(OffsetDateTime::now_utc()), "the system clock"),
        };
        let (earliest, latest) = (Timestamp(EARLIEST), Timestamp(LATEST));
        if now < earliest || now > latest {
            return Err(Error::invalid(format!(
                "{source}: {now} is outside the times souq works with ({earliest} to {latest})"
            )));
        }
        Ok(now)
    }

    /// Parses RFC 3339 with any offset ("2026-11-27T10:00:00+03:00"), or a plain date (midnight UTC).
    pub fn parse(text: &str) -> Result<Timestamp> {
        let parsed = OffsetDateTime::parse(text, &Rfc3339).or_else(|_| {
            let date = time::Date::parse(text, time::macros::format_description!("[year]-[month]-[day]"))?;
            Ok::<_, time::error::Parse>(date.midnight().assume_utc())
        });
        // an offset can carry a valid local time past year 9999 in UTC: refused, not a panic
        parsed.ok().and_then(|t| t.checked_to_offset(UtcOffset::UTC)).map(Timestamp::from_offset).ok_or_else(|| {
            Error::invalid(format!(
                "invalid time {text:?}: expected RFC 3339 like 2026-11-27T10:00:00Z or a date like 2026-11-27"
            ))
        })
    }

    fn from_offset(t: OffsetDateTime) -> Timestamp {
        Timestamp(t.to_offset(UtcOffset::UTC).replace_nanosecond(0).expect("0 ns is valid"))
    }

    pub fn plus_days(self, days: i64) -> Timestamp {
        Timestamp(self.0 + Duration::days(days))
    }

    pub fn plus_seconds(self, seconds: i64) -> Timestamp {
        Timestamp(self.0 + Duration::seconds(seconds))
    }

    /// Whole days from `earlier` to `self`, rounded down.
    pub fn days_since(self, earlier: Timestamp) -> i64 {
        (self.0 - earlier.0).whole_days()
    }

    /// The calendar date, "2026-11-27".
    pub fn date(self) -> time::Date {
        self.0.date()
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        // Written digit by digit: every row souq writes binds a time or two, and the padded
        // integer formatting below costs several times more.
        if let Ok(year) = u16::try_from(d.year()) {
            if year <= 9999 {
                let mut text = *b"0000-00-00T00:00:00Z";
                let mut put = |at: usize, width: usize, mut n: u16| {
                    for i in (at..at + width).rev() {
                        text[i] = b'0' + (n % 10) as u8;
                        n /= 10;
                    }
                };
                put(0, 4, year);
                put(5, 2, u8::from(d.month()).into());
                put(8, 2, d.day().into());
                put(11, 2, d.hour().into());
                put(14, 2, d.minute().into());
                put(17, 2, d.second().into());
                return f.write_str(std::str::from_utf8(&text).expect("ASCII digits"));
            }
        }
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            d.year(),
            u8::from(d.month()),
            d.day(),
            d.hour(),
            d.minute(),
            d.second()
        )
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl rusqlite::types::ToSql for Timestamp {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(self.to_string()))
    }
}

impl rusqlite::types::FromSql for Timestamp {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let text = value.as_str()?;
        Timestamp::parse(text).map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_offsets_to_utc() {
        let t = Timestamp::parse("2026-11-27T10:00:00+03:00").unwrap();
        assert_eq!(t.to_string(), "2026-11-27T07:00:00Z");
        assert_eq!(Timestamp::parse("2026-11-27").unwrap().to_string(), "2026-11-27T00:00:00Z");
    }

    #[test]
    fn rejects_garbage() {
        for text in ["", "tomorrow", "2026-13-01T00:00:00Z", "2026-11-27 10:00"] {
            assert!(Timestamp::parse(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn prints_every_field_zero_padded() {
        for text in ["0001-01-01T00:00:00Z", "2026-11-27T13:59:26Z", "9999-12-31T23:59:59Z", "2024-02-29T09:05:07Z"] {
            assert_eq!(Timestamp::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn now_refuses_times_whose_due_dates_souq_could_not_represent() {
        for text in ["9999-12-31T23:59:59Z", "9900-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "0001-01-01T00:00:00Z"] {
            let err = Timestamp::now(Some(text)).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Invalid, "{text}");
        }
        let latest = Timestamp::now(Some("9899-12-31T23:59:59Z")).unwrap();
        assert_eq!(latest.plus_days(36_500).date().year(), 9999);
    }

    #[test]
    fn days_arithmetic() {
        let t = Timestamp::parse("2026-02-27T12:00:00Z").unwrap();
        assert_eq!(t.plus_days(3).to_string(), "2026-03-02T12:00:00Z");
        assert_eq!(t.plus_days(3).days_since(t), 3);
    }
}
