//! Batch payouts: payout methods, batches and items (their invariants are checked in `audit`).
//! Making a batch is in `run`, the provider file in `export`, the provider's results in `reconcile`.

pub mod export;
pub mod reconcile;
pub mod run;

use rusqlite::params;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::Serialize;

use crate::clock::Timestamp;
use crate::db::{Db, Row};
use crate::error::{Error, Result};
use crate::money::Money;

/// How a seller is paid. The account is an email for PayPal and Payoneer, an IBAN for a bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PayoutMethod {
    Paypal,
    Payoneer,
    Bank,
}

impl PayoutMethod {
    pub fn parse(text: &str) -> Result<PayoutMethod> {
        match text {
            "paypal" => Ok(PayoutMethod::Paypal),
            "payoneer" => Ok(PayoutMethod::Payoneer),
            "bank" => Ok(PayoutMethod::Bank),
            _ => Err(Error::invalid(format!("invalid payout method {text:?}: expected paypal, payoneer or bank"))),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PayoutMethod::Paypal => "paypal",
            PayoutMethod::Payoneer => "payoneer",
            PayoutMethod::Bank => "bank",
        }
    }

    /// The account in the form souq stores and sends: an email as given, an IBAN in capitals
    /// without spaces. Anything else is invalid input.
    pub fn normalize_account(self, account: &str) -> Result<String> {
        let account = account.trim();
        // Provider files are opened in spreadsheets; an account is never allowed to be a formula.
        if account.starts_with(['=', '+', '-', '@']) {
            return Err(Error::invalid(format!("invalid {} account {account:?}: it may not start with = + - @", self)));
        }
        match self {
            PayoutMethod::Paypal | PayoutMethod::Payoneer => {
                crate::users::validate_email(account)?;
                Ok(account.to_string())
            }
            PayoutMethod::Bank => normalize_iban(account),
        }
    }
}

impl std::fmt::Display for PayoutMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ToSql for PayoutMethod {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for PayoutMethod {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        PayoutMethod::parse(value.as_str()?).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// An IBAN: country letters, two check digits, up to 30 letters or digits, and the ISO 13616
/// check that the number, with its first four characters moved to the end, is 1 modulo 97.
fn normalize_iban(text: &str) -> Result<String> {
    let iban: String = text.chars().filter(|c| *c != ' ').collect::<String>().to_ascii_uppercase();
    let bad = |why: &str| Error::invalid(format!("invalid IBAN {text:?}: {why}"));
    let b = iban.as_bytes();
    if !(15..=34).contains(&b.len()) || !b.iter().all(u8::is_ascii_alphanumeric) {
        return Err(bad("expected 15 to 34 letters and digits"));
    }
    if !b[..2].iter().all(u8::is_ascii_uppercase) || !b[2..4].iter().all(u8::is_ascii_digit) {
        return Err(bad("expected a country code and two check digits first, like DE89"));
    }
    let remainder = b[4..].iter().chain(&b[..4]).fold(0u32, |r, &c| {
        if c.is_ascii_digit() {
            (r * 10 + u32::from(c - b'0')) % 97
        } else {
            (r * 100 + u32::from(c - b'A') + 10) % 97
        }
    });
    if remainder != 1 {
        return Err(bad("the check digits do not match"));
    }
    Ok(iban)
}

/// Where a payout item stands. `in_flight` and `pending` items hold money in payouts_in_flight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Sent to the provider, no result yet.
    InFlight,
    /// The provider reported PENDING, UNCLAIMED or ONHOLD: still in flight.
    Pending,
    /// SUCCESS: the money left the platform.
    Paid,
    /// The provider failed or returned it before success: back in the seller's available balance.
    Failed,
    /// REVERSED after SUCCESS: the provider took it back; back in the seller's available balance.
    Reversed,
}

impl ItemStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemStatus::InFlight => "in_flight",
            ItemStatus::Pending => "pending",
            ItemStatus::Paid => "paid",
            ItemStatus::Failed => "failed",
            ItemStatus::Reversed => "reversed",
        }
    }

    pub fn is_open(self) -> bool {
        matches!(self, ItemStatus::InFlight | ItemStatus::Pending)
    }
}

impl ToSql for ItemStatus {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for ItemStatus {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value.as_str()? {
            "in_flight" => Ok(ItemStatus::InFlight),
            "pending" => Ok(ItemStatus::Pending),
            "paid" => Ok(ItemStatus::Paid),
            "failed" => Ok(ItemStatus::Failed),
            "reversed" => Ok(ItemStatus::Reversed),
            other => Err(FromSqlError::Other(format!("unknown payout item status {other:?}").into())),
        }
    }
}

/// A payout batch as docs/design.md shapes it, plus what it was made for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Batch {
    pub id: i64,
    pub key: String,
    pub status: String,
    pub method: Option<PayoutMethod>,
    pub min_cents: Money,
    /// How many items the batch has (`payout show --items` lists them).
    pub items_count: i64,
    pub total_cents: Money,
    pub created_at: Timestamp,
}

/// One seller's payment in a batch.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub id: i64,
    pub batch_id: i64,
    /// The id this item has in provider files ("souq-b3-i42").
    pub item_ref: String,
    pub seller: String,
    pub method: PayoutMethod,
    pub account: String,
    pub amount_cents: Money,
    pub status: ItemStatus,
    pub provider_status: Option<String>,
    pub provider_ref: Option<String>,
    pub updated_at: Timestamp,
}

impl Item {
    /// The item as `viewer` may see it: the account masked unless it is the seller or an admin.
    pub fn seen_by(mut self, viewer: &crate::users::Viewer) -> Item {
        if !viewer.sees_private_of_name(&self.seller) {
            self.account = crate::users::mask(&self.account);
        }
        self
    }
}

/// The item id sent to providers: unique, at most 30 characters, no spaces (PayPal's rules).
pub fn item_ref(batch_id: i64, item_id: i64) -> String {
    format!("souq-b{batch_id}-i{item_id}")
}

/// The (batch id, item id) an item ref names, if it is one of souq's.
pub fn parse_item_ref(text: &str) -> Option<(i64, i64)> {
    let (batch, item) = text.strip_prefix("souq-b")?.split_once("-i")?;
    let number = |s: &str| if s.bytes().all(|b| b.is_ascii_digit()) { s.parse().ok() } else { None };
    Some((number(batch)?, number(item)?))
}

const BATCH_SQL: &str = "SELECT b.id, b.key, b.status, b.method, b.min_cents,
            (SELECT count(*) FROM payout_items i WHERE i.batch_id = b.id),
            (SELECT CAST(coalesce(sum(amount_cents), 0) AS BIGINT) FROM payout_items i WHERE i.batch_id = b.id),
            b.created_at
     FROM payout_batches b";

fn batch_from_row(r: &Row) -> Result<Batch> {
    Ok(Batch {
        id: r.get(0)?,
        key: r.get(1)?,
        status: r.get(2)?,
        method: r.get(3)?,
        min_cents: Money::from_cents(r.get(4)?),
        items_count: r.get(5)?,
        total_cents: Money::from_cents(r.get(6)?),
        created_at: r.get(7)?,
    })
}

pub fn get_batch(db: &Db, id: i64) -> Result<Batch> {
    db.query_opt(&format!("{BATCH_SQL} WHERE b.id = ?1"), params![id], batch_from_row)?
        .ok_or_else(|| Error::not_found("payout batch", id))
}

pub fn find_batch_by_key(db: &Db, key: &str) -> Result<Option<Batch>> {
    db.query_opt(&format!("{BATCH_SQL} WHERE b.key = ?1"), params![key], batch_from_row)
}

/// Every batch, newest first.
pub fn list_batches(db: &Db) -> Result<Vec<Batch>> {
    db.query_map(&format!("{BATCH_SQL} ORDER BY b.id DESC"), &[], batch_from_row)
}

const ITEMS_SQL: &str = "SELECT i.id, i.batch_id, u.username, i.method, i.account, i.amount_cents, i.status,
            i.provider_status, i.provider_ref, i.updated_at
     FROM payout_items i JOIN users u ON u.id = i.seller_id
     WHERE i.batch_id = ?1 ORDER BY i.id";

/// The items of a batch (which must exist), in id order.
pub fn items_of(db: &Db, batch_id: i64) -> Result<Vec<Item>> {
    get_batch(db, batch_id)?;
    db.query_map(ITEMS_SQL, params![batch_id], |r| {
        Ok(Item {
            id: r.get(0)?,
            batch_id: r.get(1)?,
            item_ref: item_ref(r.get(1)?, r.get(0)?),
            seller: r.get(2)?,
            method: r.get(3)?,
            account: r.get(4)?,
            amount_cents: Money::from_cents(r.get(5)?),
            status: r.get(6)?,
            provider_status: r.get(7)?,
            provider_ref: r.get(8)?,
            updated_at: r.get(9)?,
        })
    })
}

/// Closes the batch once no item is in flight (and reopens none: resolved items stay resolved).
fn refresh_batch_status(db: &Db, batch_id: i64) -> Result<()> {
    db.execute(
        "UPDATE payout_batches SET status = 'closed'
         WHERE id = ?1 AND status = 'open'
           AND NOT EXISTS (SELECT 1 FROM payout_items
                           WHERE batch_id = ?1 AND status IN ('in_flight', 'pending'))",
        params![batch_id],
    )?;
    Ok(())
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn ibans_with_a_good_checksum_are_accepted_and_normalised() {
        let iban = PayoutMethod::Bank.normalize_account("de89 3704 0044 0532 0130 00").unwrap();
        assert_eq!(iban, "DE89370400440532013000");
        assert_eq!(PayoutMethod::Bank.normalize_account("GB82WEST12345698765432").unwrap(), "GB82WEST12345698765432");
        assert!(PayoutMethod::Bank.normalize_account("SA0380000000608010167519").is_ok());
    }

    #[test]
    fn ibans_with_a_bad_checksum_or_shape_are_invalid() {
        for text in
            ["DE88370400440532013000", "DE8937040044", "1289370400440532013000", "DE89-3704-0044-0532-0130-00", ""]
        {
            let err = PayoutMethod::Bank.normalize_account(text).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Invalid, "{text:?}");
        }
    }

    #[test]
    fn email_accounts_must_be_emails_and_never_formulas() {
        assert!(PayoutMethod::Paypal.normalize_account("layla@example.com").is_ok());
        for text in ["layla", "layla@example", "=HYPERLINK(\"x\")@a.b", "+1@a.com", "-x@a.com"] {
            assert!(PayoutMethod::Payoneer.normalize_account(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn item_refs_round_trip_and_fit_paypal() {
        assert_eq!(item_ref(3, 42), "souq-b3-i42");
        assert_eq!(parse_item_ref("souq-b3-i42"), Some((3, 42)));
        assert_eq!(parse_item_ref("souq-b3-i4x"), None);
        assert_eq!(parse_item_ref("b3-i42"), None);
        assert!(item_ref(99_999_999_999, 99_999_999_999).len() <= 30);
    }
}

#[cfg(test)]
mod tests;
