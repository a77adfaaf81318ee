//! `gig export`: gigs as CSV in the columns `gig import` reads, written one row at a time.

use std::io::Write;

use rusqlite::params;

use super::{write_error, COLUMNS};
use crate::db::Db;
use crate::error::Result;
use crate::gigs::{self, Extra, ExtraInput, Gig};
use crate::money::Money;
use crate::spreadsheet::{escape_cell, CsvStyle};
use crate::status::GigStatus;
use crate::users;

#[derive(Debug, Clone, Default)]
pub struct ExportFilter {
    pub seller: Option<String>,
    pub status: Option<GigStatus>,
}

/// Writes the gigs `filter` selects to `out` in [`COLUMNS`], one row at a time, and returns how
/// many, in `style` (plain, or for Excel). `gig import` of the result as their seller reports
/// every row unchanged, in every style.
pub fn export(db: &Db, filter: &ExportFilter, style: CsvStyle, out: &mut dyn Write) -> Result<u64> {
    if let Some(seller) = &filter.seller {
        users::get(db, seller)?;
    }
    let mut writer = style.writer(out)?;
    writer.write_record(COLUMNS).map_err(write_error)?;
    // Each gig's extras come on its rows (one per extra, in order): the rows stream to the
    // file without a query per gig, which a streaming read may not make on PostgreSQL.
    let sql = format!(
        "SELECT {}, e.id, e.title, e.price_cents, e.extra_days
         FROM gigs g JOIN users u ON u.id = g.seller_id LEFT JOIN gig_extras e ON e.gig_id = g.id
         WHERE (CAST(?1 AS TEXT) IS NULL OR u.username = ?1) AND (CAST(?2 AS TEXT) IS NULL OR g.status = ?2)
         ORDER BY g.id, e.position",
        gigs::GIG_COLUMNS
    );
    let mut count = 0;
    let mut gig: Option<Gig> = None;
    db.query_each(&sql, params![filter.seller, filter.status], |row| {
        let id: i64 = row.get(0)?;
        if gig.as_ref().is_none_or(|gig| gig.id != id) {
            if let Some(done) = gig.replace(gigs::gig_from_row(row)?) {
                write_gig(&mut writer, done)?;
                count += 1;
            }
        }
        if let (Some(extra_id), Some(gig)) = (row.get::<Option<i64>>(12)?, gig.as_mut()) {
            let (title, cents, extra_days) = (row.get(13)?, row.get(14)?, row.get(15)?);
            gig.extras.push(Extra { id: extra_id, title, price_cents: Money::from_cents(cents), extra_days });
        }
        Ok(())
    })?;
    if let Some(done) = gig {
        write_gig(&mut writer, done)?;
        count += 1;
    }
    writer.flush()?;
    Ok(count)
}

/// One gig as a row of [`COLUMNS`].
fn write_gig(writer: &mut csv::Writer<impl Write>, gig: Gig) -> Result<()> {
    let input = gigs::input_of(&gig);
    let extras: Vec<String> = input.extras.iter().map(ExtraInput::format).collect();
    let cells = [
        gig.seller,
        gig.sku,
        gig.title,
        gig.description,
        gig.category,
        gig.price_cents.to_string(),
        gig.delivery_days.to_string(),
        gig.tags.join("; "),
        extras.join("; "),
    ];
    writer.write_record(cells.iter().map(|c| escape_cell(c).into_owned())).map_err(write_error)
}
