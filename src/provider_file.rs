//! The CSV files payment providers send back (payout results, deposit settlements): columns found
//! by header name in any order or case, each row with its line number, and one error naming every
//! bad line so that nothing of a bad file is applied.

use std::io::Read;

use csv::StringRecord;

use crate::error::{Error, Result};
use crate::input::BoundedLines;
use crate::text;

/// The longest line of a provider file: providers' files carry a few dozen short columns.
pub const MAX_LINE_BYTES: u64 = 64 << 10;
/// The largest provider file: a million rows at PayPal's longest lines.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// How many bad lines an error spells out; the rest are counted.
const SHOWN_PROBLEMS: usize = 20;

/// One data row of a provider file.
pub struct Row<'a> {
    /// The line it starts on (the header is line 1).
    pub line: u64,
    record: &'a StringRecord,
    columns: &'a [Option<usize>],
}

impl Row<'_> {
    /// The trimmed field of the `index`-th column asked for (required ones first, then optional
    /// ones); empty when the column is absent or the row is short.
    pub fn field(&self, index: usize) -> &str {
        self.columns[index].and_then(|c| self.record.get(c)).unwrap_or_default()
    }
}

/// Reads `input` (a stream, each line at most [`MAX_LINE_BYTES`], the whole at most
/// [`MAX_FILE_BYTES`]) whose header names every column of `required` (and perhaps some of `optional`),
/// calling `each` on every row. A row `each` refuses with a message (the inner `Err`), or one the
/// CSV reader cannot read, is a problem; any problem makes the whole file invalid input (`what`,
/// nothing applied) with each bad line named. An outer `Err` (the database failed) stops at once.
pub fn parse<T>(
    input: impl Read,
    what: &str,
    required: &[&str],
    optional: &[&str],
    mut each: impl FnMut(&Row) -> Result<std::result::Result<T, String>>,
) -> Result<Vec<T>> {
    // BoundedLines gives CRLF as LF: the csv crate numbers lines after a CRLF header one short.
    // The csv crate skips the BOM spreadsheets save UTF-8 with.
    let bounded = BoundedLines::new(input, MAX_LINE_BYTES, MAX_FILE_BYTES);
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(bounded);
    let header = reader.headers().map_err(|e| read_error("line 1", e))?.clone();
    // "a|b": the column is named a, or b in files made before it was renamed.
    let position =
        |names: &&str| names.split('|').find_map(|name| header.iter().position(|h| h.eq_ignore_ascii_case(name)));
    let columns: Vec<Option<usize>> = required.iter().chain(optional).map(position).collect();
    if columns[..required.len()].iter().any(Option::is_none) {
        return Err(Error::invalid(format!(
            "line 1: the header must name {} (found: {})",
            in_words(required),
            text::excerpt(&header.iter().collect::<Vec<_>>().join(","), text::EXCERPT_CHARS)
        )));
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line());
                match each(&Row { line, record: &record, columns: &columns })? {
                    Ok(row) => rows.push(row),
                    Err(message) => problems.push(format!("line {line}: {message}")),
                }
            }
            Err(e) if e.is_io_error() => return Err(read_error(what, e)),
            Err(e) => problems.push(format!("line {}: {e}", e.position().map_or(0, |p| p.line()))),
        }
    }
    if problems.is_empty() {
        return Ok(rows);
    }
    let more = problems.len().saturating_sub(SHOWN_PROBLEMS);
    problems.truncate(SHOWN_PROBLEMS);
    if more > 0 {
        problems.push(format!("and {more} more"));
    }
    Err(Error::invalid(format!("{what}, nothing applied: {}", problems.join("; "))))
}

/// A read that failed: too long a line or file is invalid input (exit 6), anything else internal.
fn read_error(place: &str, err: csv::Error) -> Error {
    match err.kind() {
        csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
            Error::invalid(format!("{place}: {io}, nothing applied"))
        }
        csv::ErrorKind::Io(io) => Error::internal(format!("{place}: {io}")),
        _ => Error::invalid(format!("{place}: {err}")),
    }
}

/// "a, b and c".
/// A column's current name, of "name|older name".
fn first_name(names: &str) -> &str {
    names.split('|').next().unwrap_or(names)
}

fn in_words(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, [])) => first_name(last).to_string(),
        Some((last, rest)) => {
            format!("{} and {}", rest.iter().map(|n| first_name(n)).collect::<Vec<_>>().join(", "), first_name(last))
        }
        None => String::new(),
    }
}
