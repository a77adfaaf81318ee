//! Sales reports: settled orders (completed or cancelled) summed per period or per seller.
//! Every figure comes from the order rows settlement wrote in the same transaction as the
//! ledger, so gross = refunds + fees + net on every row, fees are the revenue account's
//! takings and net is what sellers earned.

use std::str::FromStr;

use rusqlite::params;
use serde::Serialize;

use crate::db::{Db, Row};
use crate::error::{Error, Result};
use crate::levels::{self, SellerStats};
use crate::money::Money;
use crate::users::{self, User};
use crate::Session;

/// How `report sales` groups orders: by the day, ISO week or month they were settled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    Day,
    Week,
    #[default]
    Month,
}

impl Period {
    /// The label of the period `day` falls in: "2026-03-01", "2026-W09" (ISO week) or "2026-03".
    fn label(self, day: time::Date) -> String {
        match self {
            Period::Day => day.to_string(),
            Period::Week => {
                let (year, week, _) = day.to_iso_week_date();
                format!("{year}-W{week:02}")
            }
            Period::Month => format!("{}-{:02}", day.year(), u8::from(day.month())),
        }
    }

    /// The first day of the period a label names; None for a label it never writes.
    fn first_day(self, label: &str) -> Option<time::Date> {
        let number = |text: &str| text.parse::<i32>().ok();
        match self {
            Period::Day => time::Date::parse(label, time::macros::format_description!("[year]-[month]-[day]")).ok(),
            Period::Week => {
                let (year, week) = label.split_once("-W")?;
                let week = u8::try_from(number(week)?).ok()?;
                time::Date::from_iso_week_date(number(year)?, week, time::Weekday::Monday).ok()
            }
            Period::Month => {
                let (year, month) = label.split_once('-')?;
                let month = time::Month::try_from(u8::try_from(number(month)?).ok()?).ok()?;
                time::Date::from_calendar_date(number(year)?, month, 1).ok()
            }
        }
    }
}

/// Every period from the first to the last, a zero row for each one with no sales, so a chart's
/// bars keep their gaps: from --from (or the first period with sales) to --to (or the last).
fn zero_filled(rows: Vec<SalesRow>, by: Period, range: DayRange) -> Vec<SalesRow> {
    let first = range.from.or_else(|| rows.first().and_then(|r| by.first_day(&r.period)));
    let last = range.to.or_else(|| rows.last().and_then(|r| by.first_day(&r.period)));
    let (Some(first), Some(last)) = (first, last) else { return rows };
    let mut sales = rows.into_iter().peekable();
    let mut filled: Vec<SalesRow> = Vec::new();
    let mut day = first;
    while day <= last {
        let period = by.label(day);
        if filled.last().is_none_or(|row| row.period != period) {
            let row = match sales.next_if(|row| row.period == period) {
                Some(row) => row,
                None => SalesRow { period, totals: Totals::default() },
            };
            filled.push(row);
        }
        let Some(next) = day.next_day() else { break };
        day = next;
    }
    // rows outside the days walked (none, unless a label is not one this walk writes) are kept
    filled.extend(sales);
    filled
}

impl FromStr for Period {
    type Err = Error;
    fn from_str(text: &str) -> Result<Period> {
        match text {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            _ => Err(Error::invalid(format!("unknown period {text:?}; one of day, week, month"))),
        }
    }
}

/// The days, UTC, whose settled orders a report covers; both ends included, either open.
#[derive(Debug, Clone, Copy, Default)]
pub struct DayRange {
    pub from: Option<time::Date>,
    pub to: Option<time::Date>,
}

impl DayRange {
    /// The days as SQL parameters ("2026-03-01"), refused when they are the wrong way round.
    pub(crate) fn params(self) -> Result<(Option<String>, Option<String>)> {
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if from > to {
                return Err(Error::invalid(format!("--from {from} is after --to {to}")));
            }
        }
        Ok((self.from.map(|d| d.to_string()), self.to.map(|d| d.to_string())))
    }
}

/// What `report sales` covers and how it groups.
#[derive(Debug, Clone, Default)]
pub struct SalesFilter {
    pub by: Period,
    pub range: DayRange,
    pub seller: Option<String>,
}

/// Money of a group of settled orders: gross = refund + fee + net.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub orders: i64,
    pub gross_cents: Money,
    pub fee_cents: Money,
    pub refund_cents: Money,
    pub net_cents: Money,
}

/// One period of `report sales`: "2026-03-01", "2026-W09" or "2026-03".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SalesRow {
    pub period: String,
    #[serde(flatten)]
    pub totals: Totals,
}

/// One seller of `report sellers`, ranked by gross.
#[derive(Debug, Clone, Serialize)]
pub struct SellerRow {
    pub rank: i64,
    pub seller: String,
    #[serde(flatten)]
    pub totals: Totals,
    #[serde(flatten)]
    pub stats: SellerStats,
}

/// Settled orders with their seller's name and the time they settled, restricted by ?1 from
/// day, ?2 to day, ?3 seller id (each cast where first used: from `?N IS NULL` alone PostgreSQL
/// cannot tell a parameter's type).
const SETTLED: &str = "
    FROM (SELECT o.*, u.username AS seller, coalesce(o.completed_at, o.cancelled_at) AS settled_at
          FROM orders o JOIN users u ON u.id = o.seller_id
          WHERE o.status IN ('completed', 'cancelled')) s
    WHERE (CAST(?1 AS TEXT) IS NULL OR substr(s.settled_at, 1, 10) >= ?1)
      AND (CAST(?2 AS TEXT) IS NULL OR substr(s.settled_at, 1, 10) <= ?2)
      AND (CAST(?3 AS BIGINT) IS NULL OR s.seller_id = ?3)";

const SUMS: &str = "count(*), CAST(coalesce(sum(s.gross_cents), 0) AS BIGINT),
    CAST(coalesce(sum(s.fee_cents), 0) AS BIGINT), CAST(coalesce(sum(s.refund_cents), 0) AS BIGINT),
    CAST(coalesce(sum(s.net_cents), 0) AS BIGINT)";

fn totals(r: &Row, first: usize) -> Result<Totals> {
    let money = |i: usize| r.get::<i64>(first + i).map(Money::from_cents);
    Ok(Totals {
        orders: r.get(first)?,
        gross_cents: money(1)?,
        fee_cents: money(2)?,
        refund_cents: money(3)?,
        net_cents: money(4)?,
    })
}

/// The seller the report is limited to. Admins see any seller or all; anyone else sees only
/// their own sales, whether or not they name themselves.
fn scope(db: &Db, session: &Session, filter: &SalesFilter) -> Result<Option<User>> {
    let actor = users::acting(db, session)?;
    match &filter.seller {
        Some(name) if *name != actor.username => {
            actor.require_admin(&format!("see {name}'s sales"))?;
            Ok(Some(users::get(db, name)?))
        }
        None if actor.is_admin => Ok(None),
        _ => Ok(Some(actor)),
    }
}

/// Orders, gross, fees, refunds and net per period, oldest first.
pub fn sales(db: &Db, session: &Session, filter: &SalesFilter) -> Result<Vec<SalesRow>> {
    let seller = scope(db, session, filter)?;
    let rows = per_period(db, filter.by, filter.range, seller.map(|s| s.id))?;
    Ok(zero_filled(rows, filter.by, filter.range))
}

/// The settled orders in `range` (of one seller, or everyone's) summed per period, oldest
/// first; a period with no sales has no row.
fn per_period(db: &Db, by: Period, range: DayRange, seller_id: Option<i64>) -> Result<Vec<SalesRow>> {
    let (from, to) = range.params()?;
    // Summed per day in SQL (the first ten characters of the RFC 3339 text, alike on both
    // engines), then per week or month here: SQLite's strftime and PostgreSQL's to_char have no
    // common spelling, and ISO weeks are the label's own rule in Rust either way.
    let sql = format!(
        "SELECT substr(s.settled_at, 1, 10), {SUMS}
         {SETTLED}
         GROUP BY substr(s.settled_at, 1, 10) ORDER BY 1"
    );
    let days = db.query_map(&sql, params![from, to, seller_id], |r| Ok((r.get::<String>(0)?, totals(r, 1)?)))?;
    let mut rows: Vec<SalesRow> = Vec::new();
    for (day, totals) in days {
        let date = Period::Day
            .first_day(&day)
            .ok_or_else(|| Error::internal(format!("an order settled on {day:?}, which is not a day")))?;
        // days come in order, so each period's days are together
        let period = by.label(date);
        match rows.last_mut() {
            Some(row) if row.period == period => row.totals = row.totals.plus(&totals)?,
            _ => rows.push(SalesRow { period, totals }),
        }
    }
    Ok(rows)
}

/// Every seller with settled orders in the range, by gross (then net, then name), with their
/// current stats. Admins only: it shows every seller's money.
pub fn sellers(db: &Db, session: &Session, range: DayRange) -> Result<Vec<SellerRow>> {
    users::acting_admin(db, session, "rank sellers")?;
    let (from, to) = range.params()?;
    let sql = format!(
        "SELECT s.seller_id, s.seller, {SUMS}
         {SETTLED}
         GROUP BY s.seller_id, s.seller
         ORDER BY sum(s.gross_cents) DESC, sum(s.net_cents) DESC, s.seller"
    );
    let ranked: Vec<(i64, String, Totals)> =
        db.query_map(&sql, params![from, to, None::<i64>], |r| Ok((r.get(0)?, r.get(1)?, totals(r, 2)?)))?;
    let mut stats = levels::all_stats(db)?;
    ranked
        .into_iter()
        .enumerate()
        .map(|(i, (id, seller, totals))| {
            // everyone with a settled sale is in all_stats; the lookup cannot miss
            let stats = stats.remove(&id).ok_or_else(|| Error::internal(format!("no stats for seller {seller}")))?;
            Ok(SellerRow { rank: i as i64 + 1, seller, totals, stats })
        })
        .collect()
}

/// The sum of report rows, for a table's total line.
pub fn sum<'a>(rows: impl IntoIterator<Item = &'a Totals>) -> Result<Totals> {
    rows.into_iter().try_fold(Totals::default(), |acc, t| acc.plus(t))
}

impl Totals {
    fn plus(&self, other: &Totals) -> Result<Totals> {
        Ok(Totals {
            orders: self.orders + other.orders,
            gross_cents: self.gross_cents.checked_add(other.gross_cents)?,
            fee_cents: self.fee_cents.checked_add(other.fee_cents)?,
            refund_cents: self.refund_cents.checked_add(other.refund_cents)?,
            net_cents: self.net_cents.checked_add(other.net_cents)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::test_engines::{on_each, seed};

    #[test]
    fn sales_sum_alike_on_both_engines() {
        let seen = on_each(|db| {
            seed(db);
            let since = DayRange { from: time::Date::from_calendar_date(2026, time::Month::March, 5).ok(), to: None };
            json!({
                "day": per_period(db, Period::Day, DayRange::default(), None).unwrap(),
                "week": per_period(db, Period::Week, DayRange::default(), Some(2)).unwrap(),
                "month": per_period(db, Period::Month, DayRange::default(), None).unwrap(),
                "since": per_period(db, Period::Day, since, None).unwrap(),
                "nobody": per_period(db, Period::Month, DayRange::default(), Some(3)).unwrap(),
            })
        });
        let periods = |by: &str| seen[by].as_array().unwrap().iter().map(|r| r["period"].clone()).collect::<Vec<_>>();
        assert_eq!(periods("day"), [json!("2026-03-02"), json!("2026-03-09")]);
        assert_eq!(periods("week"), [json!("2026-W10"), json!("2026-W11")]);
        assert_eq!(periods("since"), [json!("2026-03-09")]);
        assert_eq!(seen["nobody"], json!([]));
        let month = &seen["month"][0];
        assert_eq!(
            (&month["period"], &month["orders"], &month["gross_cents"], &month["refund_cents"], &month["net_cents"]),
            (&json!("2026-03"), &json!(2), &json!(5500), &json!(2000), &json!(2800))
        );
    }
}
