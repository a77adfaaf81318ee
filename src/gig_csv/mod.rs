//! Gigs in and out of CSV: `gig import` (streamed, validated, upsert by seller and sku, all or
//! nothing) and `gig export` (the same columns, spreadsheet formulas escaped).

use crate::error::Error;

mod decode;
mod export;
mod import;
mod pipeline;
mod quotes;
mod writer;

pub use decode::{encoding_named, Input};
pub use encoding_rs::Encoding;
pub use export::{export, ExportFilter};
pub use import::{import, ImportOptions, ImportSummary, Outcome, RowError, MAX_KEPT_ERRORS};

/// The columns `gig export` writes and `gig import` reads (any order, any case).
pub const COLUMNS: &[&str] =
    &["seller", "sku", "title", "description", "category", "price", "delivery_days", "tags", "extras"];

fn write_error(err: csv::Error) -> Error {
    Error::internal(format!("writing CSV: {err}"))
}
