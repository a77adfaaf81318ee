//! `payout export`: the file a provider's bulk-payout upload takes, byte-identical on every run.
//! A batch made for PayPal gets the PayPal Payouts CSV (no header, at most 5,000 rows a file);
//! any other batch gets one generic CSV with a header, for Payoneer or a bank.

use std::path::{Path, PathBuf};

use super::{get_batch, items_of, Item, PayoutMethod};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::money::Money;
use crate::spreadsheet::escape_cell;
use crate::{policy, users, Session};

/// PayPal Payouts takes at most this many rows per uploaded file.
pub const PAYPAL_ROWS_PER_FILE: usize = 5_000;

/// One file of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPart {
    pub rows: usize,
    pub total: Money,
    pub bytes: Vec<u8>,
}

/// The provider file(s) for a batch (admin only: they carry sellers' accounts). Every item is
/// listed whatever its status, so the bytes never change once the batch exists.
pub fn export(db: &Db, session: &Session, batch_id: i64) -> Result<Vec<ExportPart>> {
    users::acting_admin(db, session, "export payouts")?;
    let batch = get_batch(db, batch_id)?;
    let items = items_of(db, batch_id)?;
    let currency = policy::load(db)?.currency;
    let note = format!("souq payout batch {batch_id}");
    if batch.method == Some(PayoutMethod::Paypal) {
        if items.is_empty() {
            return Ok(vec![ExportPart { rows: 0, total: Money::ZERO, bytes: Vec::new() }]);
        }
        items
            .chunks(PAYPAL_ROWS_PER_FILE)
            .map(|chunk| {
                part(chunk, None, |item| {
                    vec![
                        escape_cell(&item.account).into_owned(),
                        item.amount_cents.to_string(),
                        currency.clone(),
                        item.item_ref.clone(),
                        note.clone(),
                        "PAYPAL".to_string(),
                    ]
                })
            })
            .collect()
    } else {
        let header = ["item_ref", "seller", "method", "account", "amount", "currency", "note"];
        let generic = part(&items, Some(&header), |item| {
            vec![
                item.item_ref.clone(),
                escape_cell(&item.seller).into_owned(),
                item.method.to_string(),
                escape_cell(&item.account).into_owned(),
                item.amount_cents.to_string(),
                currency.clone(),
                note.clone(),
            ]
        })?;
        Ok(vec![generic])
    }
}

fn part(items: &[Item], header: Option<&[&str]>, row: impl Fn(&Item) -> Vec<String>) -> Result<ExportPart> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let written = header.map_or(Ok(()), |h| writer.write_record(h));
    written.map_err(|e| Error::internal(format!("csv: {e}")))?;
    let mut total = Money::ZERO;
    for item in items {
        writer.write_record(row(item)).map_err(|e| Error::internal(format!("csv: {e}")))?;
        total = total.checked_add(item.amount_cents)?;
    }
    let bytes = writer.into_inner().map_err(|e| Error::internal(format!("csv: {e}")))?;
    Ok(ExportPart { rows: items.len(), total, bytes })
}

/// Where part `index` (from 1) of `parts` goes: `base` itself for a single file, otherwise
/// `base` without its `.csv` plus `-001.csv`, `-002.csv` ...
pub fn part_path(base: &Path, index: usize, parts: usize) -> PathBuf {
    if parts <= 1 {
        return base.to_path_buf();
    }
    let text = base.to_string_lossy();
    let stem = match text.len().checked_sub(4) {
        Some(cut) if text.is_char_boundary(cut) && text[cut..].eq_ignore_ascii_case(".csv") => &text[..cut],
        _ => &text[..],
    };
    PathBuf::from(format!("{stem}-{index:03}.csv"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_files_are_numbered_beside_the_base_name() {
        assert_eq!(part_path(Path::new("out/pay.csv"), 1, 1), PathBuf::from("out/pay.csv"));
        assert_eq!(part_path(Path::new("out/pay.csv"), 2, 3), PathBuf::from("out/pay-002.csv"));
        assert_eq!(part_path(Path::new("pay"), 1, 2), PathBuf::from("pay-001.csv"));
        assert_eq!(part_path(Path::new("PAY.CSV"), 1, 2), PathBuf::from("PAY-001.csv"));
    }
}
