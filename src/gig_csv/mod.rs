//! Gigs in and out of CSV: `gig import` (streamed, validated, upsert by seller and sku, all or
//! nothing) and `gig export` (the same columns, spreadsheet formulas escaped).

use std::borrow::Cow;

use crate::error::Error;

mod export;
mod import;
mod pipeline;
mod quotes;

pub use export::{export, ExportFilter};
pub use import::{import, ImportOptions, ImportSummary, Outcome, RowError, MAX_KEPT_ERRORS};

/// The columns `gig export` writes and `gig import` reads (any order, any case).
pub const COLUMNS: &[&str] =
    &["seller", "sku", "title", "description", "category", "price", "delivery_days", "tags", "extras"];

/// A cell a spreadsheet would run as a formula (or one that only looks escaped already).
fn needs_escape(cell: &str) -> bool {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => true,
        Some(b'\'') => needs_escape(&cell[1..]),
        _ => false,
    }
}

/// Export: a leading apostrophe before a cell a spreadsheet would execute (= + - @ tab CR).
/// A cell that starts with an apostrophe followed by such a character gets one more, so
/// [`unescape_cell`] gives back exactly what was exported.
pub fn escape_cell(cell: &str) -> Cow<'_, str> {
    if needs_escape(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Import: removes exactly the apostrophe [`escape_cell`] adds, and nothing else.
pub fn unescape_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_escape(rest) => rest,
        _ => cell,
    }
}

fn write_error(err: csv::Error) -> Error {
    Error::internal(format!("writing CSV: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formula_cells_get_one_apostrophe() {
        assert_eq!(escape_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(escape_cell("+971 50"), "'+971 50");
        assert_eq!(escape_cell("@x"), "'@x");
        assert_eq!(escape_cell("\tx"), "'\tx");
        assert_eq!(escape_cell("'=x"), "''=x");
        assert_eq!(escape_cell("it's"), "it's");
        assert_eq!(escape_cell("'quoted'"), "'quoted'");
        assert_eq!(unescape_cell("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unescape_cell("'quoted'"), "'quoted'");
    }

    proptest! {
        #[test]
        fn unescape_undoes_escape(cell in "['=+@\\-\t\ra-z ]{0,6}") {
            let escaped = escape_cell(&cell);
            prop_assert_eq!(unescape_cell(&escaped), cell.as_str());
        }
    }
}
