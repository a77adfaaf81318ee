//! CSV as spreadsheet programs open it: one formula escape for every cell souq writes (and its
//! undoing on import), and the flavour Excel reads (UTF-8 byte order mark, CRLF, a delimiter).

use std::borrow::Cow;
use std::io::Write;

use crate::error::{Error, Result};

/// How souq writes CSV: plain (`,`, LF), or for Excel (`--excel`: a UTF-8 byte order mark,
/// CRLF), with `--delimiter` for a locale whose Excel splits on `;`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvStyle {
    pub excel: bool,
    pub delimiter: u8,
}

impl Default for CsvStyle {
    fn default() -> CsvStyle {
        CsvStyle { excel: false, delimiter: b',' }
    }
}

/// The byte order mark that makes Excel read a CSV file as UTF-8; without it Excel reads the
/// file in the locale's code page, and Arabic shows as mojibake.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

impl CsvStyle {
    /// A CSV writer in this style over `out` (the byte order mark, for Excel, already written).
    /// Rows may differ in length: a rejects file keeps the bad rows as they were.
    pub fn writer<W: Write>(self, mut out: W) -> Result<csv::Writer<W>> {
        if self.excel {
            out.write_all(UTF8_BOM)?;
        }
        let terminator = if self.excel { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
        Ok(csv::WriterBuilder::new().delimiter(self.delimiter).terminator(terminator).flexible(true).from_writer(out))
    }
}

/// A cell a spreadsheet would run as a formula (or one that only looks escaped already).
/// A plain negative number (`-12.50`, a world account's balance) is a number to a spreadsheet,
/// never a formula, and stays one for the scripts reading `-o csv`.
fn needs_escape(cell: &[u8]) -> bool {
    match cell.first() {
        Some(b'=' | b'+' | b'@' | b'\t' | b'\r') => true,
        Some(b'-') => !is_negative_number(cell),
        Some(b'\'') => needs_escape(&cell[1..]),
        _ => false,
    }
}

fn is_negative_number(cell: &[u8]) -> bool {
    let digits = &cell[1..];
    let (whole, frac) = match digits.iter().position(|&b| b == b'.') {
        Some(dot) => (&digits[..dot], Some(&digits[dot + 1..])),
        None => (digits, None),
    };
    let all_digits = |part: &[u8]| !part.is_empty() && part.iter().all(u8::is_ascii_digit);
    all_digits(whole) && frac.is_none_or(all_digits)
}

/// A cell as souq writes it to CSV: a leading apostrophe before a cell a spreadsheet would
/// execute (= + - @ tab CR, as OWASP recommends against CSV injection). A cell that starts
/// with an apostrophe followed by such a character gets one more, so [`unescape_cell`] gives
/// back exactly what was written.
pub fn escape_cell(cell: &str) -> Cow<'_, str> {
    if needs_escape(cell.as_bytes()) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// [`escape_cell`] of a cell that may not be UTF-8 (a bad row copied to a rejects file).
pub fn escape_bytes(cell: &[u8]) -> Cow<'_, [u8]> {
    if needs_escape(cell) {
        Cow::Owned([b"'", cell].concat())
    } else {
        Cow::Borrowed(cell)
    }
}

/// Import: removes exactly the apostrophe [`escape_cell`] adds, and nothing else.
pub fn unescape_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_escape(rest.as_bytes()) => rest,
        _ => cell,
    }
}

/// A delimiter as given on the command line: one ASCII punctuation character, or `tab`.
pub fn parse_delimiter(text: &str) -> Result<u8> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if text.len() == 1 && text.as_bytes()[0].is_ascii_punctuation() && !matches!(text, "\"" | "'") => {
            Ok(text.as_bytes()[0])
        }
        _ => Err(Error::invalid(format!(
            "a delimiter is one character such as , or ; or the word tab, not {}",
            crate::text::excerpt(text, crate::text::EXCERPT_CHARS)
        ))),
    }
}

/// `','`, `';'` or `tab`, as a note names a delimiter.
pub fn delimiter_name(delimiter: u8) -> String {
    match delimiter {
        b'\t' => "tab".into(),
        d => format!("'{}'", char::from(d)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formula_cells_get_one_apostrophe() {
        assert_eq!(escape_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(escape_cell("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(escape_cell("+971 50"), "'+971 50");
        assert_eq!(escape_cell("@x"), "'@x");
        assert_eq!(escape_cell("\tx"), "'\tx");
        assert_eq!(escape_cell("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(escape_cell("'=x"), "''=x");
        assert_eq!(escape_cell("it's"), "it's");
        assert_eq!(escape_cell("'quoted'"), "'quoted'");
        assert_eq!(escape_cell("-12.50"), "-12.50");
        assert_eq!(escape_cell("-12."), "'-12.");
        assert_eq!(escape_cell("-"), "'-");
        assert_eq!(unescape_cell("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unescape_cell("'quoted'"), "'quoted'");
        assert_eq!(unescape_cell("'-12.50"), "'-12.50");
    }

    #[test]
    fn excel_style_starts_with_the_byte_order_mark_and_ends_rows_with_crlf() {
        let mut writer = CsvStyle { excel: true, delimiter: b';' }.writer(Vec::new()).unwrap();
        writer.write_record(["a", "b;c"]).unwrap();
        assert_eq!(writer.into_inner().unwrap(), b"\xEF\xBB\xBFa;\"b;c\"\r\n");
    }

    proptest! {
        #[test]
        fn unescape_undoes_escape(cell in "['=+@\\-\t\r0-9.a-z ]{0,6}") {
            let escaped = escape_cell(&cell);
            prop_assert_eq!(unescape_cell(&escaped), cell.as_str());
            let bytes = escape_bytes(cell.as_bytes());
            prop_assert_eq!(bytes.as_ref(), escaped.as_bytes());
        }
    }
}
