//! The statuses of users, gigs, orders and disputes as types: the same lowercase words in JSON,
//! the database and the command line, so nothing visible changes, and no comparison is a string.

use std::fmt;
use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// One status enum: its variants with their stored words, `ALL` (in the schema's order, for
/// the command line's value lists), `as_str`, Display, FromStr (invalid input naming the
/// choices), serde and SQLite conversions.
macro_rules! status_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = Error;
            fn from_str(text: &str) -> Result<$name, Error> {
                $name::ALL.iter().copied().find(|s| s.as_str() == text).ok_or_else(|| {
                    let names: Vec<&str> = $name::ALL.iter().map(|s| s.as_str()).collect();
                    Error::invalid(format!(
                        "unknown {} {}; one of {}",
                        $what,
                        crate::text::excerpt(text, crate::text::EXCERPT_CHARS),
                        names.join(", ")
                    ))
                })
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                value.as_str()?.parse().map_err(|e: Error| FromSqlError::Other(e.message().into()))
            }
        }
    };
}

status_enum! {
    /// Whether a user may act.
    UserStatus, "user status" {
        Active = "active",
        /// Cannot act, sell or be paid (an admin's decision).
        Suspended = "suspended",
    }
}

status_enum! {
    /// Where a gig stands: only `active` gigs are found and ordered.
    GigStatus, "gig status" {
        /// New gigs wait here when the policy reviews them.
        PendingReview = "pending_review",
        Active = "active",
        /// Taken off the market by its seller for a while.
        Paused = "paused",
        /// Refused by moderation.
        Rejected = "rejected",
        /// Taken down by an admin.
        Suspended = "suspended",
    }
}

status_enum! {
    /// Where an order stands (docs/design.md: the order lifecycle).
    OrderStatus, "order status" {
        /// Paid into escrow, the seller is working.
        Active = "active",
        /// The seller delivered; the buyer completes or asks for a revision.
        Delivered = "delivered",
        /// The seller was paid (minus the commission).
        Completed = "completed",
        /// Refunded to the buyer.
        Cancelled = "cancelled",
        /// A dispute is open; money waits in escrow for an admin.
        Disputed = "disputed",
    }
}

status_enum! {
    /// Whether a dispute still waits for an admin.
    DisputeStatus, "dispute status" {
        Open = "open",
        Resolved = "resolved",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_in_every_form() {
        for status in OrderStatus::ALL {
            assert_eq!(status.as_str().parse::<OrderStatus>().unwrap(), *status);
            assert_eq!(serde_json::to_string(status).unwrap(), format!("\"{status}\""));
        }
        assert_eq!(GigStatus::PendingReview.as_str(), "pending_review");
        assert!("Active".parse::<UserStatus>().is_err());
        assert_eq!(serde_json::from_str::<DisputeStatus>("\"resolved\"").unwrap(), DisputeStatus::Resolved);
    }
}
