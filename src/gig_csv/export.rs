//! `gig export`: gigs as CSV in the columns `gig import` reads, written one row at a time.

use std::io::Write;

use rusqlite::params;

use super::{write_error, COLUMNS};
use crate::db::Db;
use crate::error::Result;
use crate::gigs::{self, ExtraInput};
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
pub fn export(conn: &Db, filter: &ExportFilter, style: CsvStyle, out: &mut dyn Write) -> Result<u64> {
    if let Some(seller) = &filter.seller {
        users::get(conn, seller)?;
    }
    let mut writer = style.writer(out)?;
    writer.write_record(COLUMNS).map_err(write_error)?;
    let sql = format!(
        "SELECT {} FROM gigs g JOIN users u ON u.id = g.seller_id
         WHERE (?1 IS NULL OR u.username = ?1) AND (?2 IS NULL OR g.status = ?2)
         ORDER BY g.id",
        gigs::GIG_COLUMNS
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params![filter.seller, filter.status])?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        let mut gig = gigs::gig_from_row(row)?;
        gig.extras = gigs::extras_of(conn, gig.id)?;
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
        writer.write_record(cells.iter().map(|c| escape_cell(c).into_owned())).map_err(write_error)?;
        count += 1;
    }
    writer.flush()?;
    Ok(count)
}
