//! Following CSV quoting over a byte stream: to catch a quote left open at the end of a file,
//! and to stop a header, field or record past its size limit before the csv reader holds it.

use std::io::{self, Read};

/// The largest header line: the nine columns' names take about a hundred bytes.
pub(super) const MAX_HEADER_BYTES: u64 = 16 * 1024;
/// The largest field: a description of gigs::MAX_DESCRIPTION_CHARS characters of four bytes
/// each, every one a doubled quote, still fits.
pub(super) const MAX_FIELD_BYTES: u64 = 64 * 1024;
/// The largest record: a few fields at their limit.
pub(super) const MAX_RECORD_BYTES: u64 = 256 * 1024;

/// Passes bytes through to the csv reader while following their CSV quoting, so that a quote
/// left open at the end of the file is known (the csv crate ends such a field silently), and
/// a field or record longer than its limit ends the reading with an error, however long it
/// goes on (`/dev/zero` is one endless field): memory stays flat.
pub(super) struct QuoteTracker<R> {
    inner: R,
    delimiter: u8,
    state: Quoting,
    /// Bytes passed through so far, and where the current field and record started.
    offset: u64,
    field_start: u64,
    record_start: u64,
    /// Records ended so far: the first one is the header.
    records: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the end of the field, or the first half of `""`.
    QuoteInQuoted,
}

/// A header, field or record past its limit: the error the reader returns (InvalidData).
#[derive(Debug)]
pub(super) struct TooLong(&'static str, u64);

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} longer than {} KiB: is this a gigs CSV file?", self.0, self.1 / 1024)
    }
}

impl std::error::Error for TooLong {}

impl<R> QuoteTracker<R> {
    pub(super) fn new(inner: R, delimiter: u8) -> QuoteTracker<R> {
        QuoteTracker {
            inner,
            delimiter,
            state: Quoting::FieldStart,
            offset: 0,
            field_start: 0,
            record_start: 0,
            records: 0,
        }
    }

    pub(super) fn in_quotes(&self) -> bool {
        self.state == Quoting::Quoted
    }

    /// Err when the field or record running up to `at` (a byte offset) is past its limit.
    fn check(&self, at: u64) -> io::Result<()> {
        let too_long = |what, limit| Err(io::Error::new(io::ErrorKind::InvalidData, TooLong(what, limit)));
        if self.records == 0 && at - self.record_start > MAX_HEADER_BYTES {
            return too_long("the header line is", MAX_HEADER_BYTES);
        }
        if at - self.field_start > MAX_FIELD_BYTES {
            return too_long("a field is", MAX_FIELD_BYTES);
        }
        if at - self.record_start > MAX_RECORD_BYTES {
            return too_long("a record is", MAX_RECORD_BYTES);
        }
        Ok(())
    }
}

impl<R: Read> Read for QuoteTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let (bytes, mut i, mut state) = (&buf[..n], 0, self.state);
        let delimiter = self.delimiter;
        while i < bytes.len() {
            // inside a field only its end matters: jump to it rather than step through the text
            let skip = match state {
                Quoting::Quoted => memchr::memchr(b'"', &bytes[i..]),
                Quoting::Unquoted => memchr::memchr3(delimiter, b'\n', b'\r', &bytes[i..]),
                Quoting::FieldStart | Quoting::QuoteInQuoted => Some(0),
            };
            let Some(skip) = skip else { break };
            i += skip;
            let at = self.offset + i as u64;
            state = match (state, bytes[i]) {
                (Quoting::Quoted, _) => Quoting::QuoteInQuoted,
                (Quoting::FieldStart | Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
                (_, b'\n') => {
                    self.check(at)?;
                    self.records += 1;
                    (self.field_start, self.record_start) = (at + 1, at + 1);
                    Quoting::FieldStart
                }
                (_, b) if b == delimiter || b == b'\r' => {
                    self.check(at)?;
                    self.field_start = at + 1;
                    Quoting::FieldStart
                }
                _ => Quoting::Unquoted,
            };
            i += 1;
        }
        self.state = state;
        self.offset += n as u64;
        self.check(self.offset)?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_tracker_sees_an_unterminated_quote() {
        // whole, and one byte per read (state carried across reads): the same answer
        let tracked = |text: &str| {
            let mut whole = QuoteTracker::new(text.as_bytes(), b',');
            std::io::copy(&mut whole, &mut std::io::sink()).unwrap();
            let mut bytewise = QuoteTracker::new(text.as_bytes(), b',');
            let mut byte = [0u8; 1];
            while bytewise.read(&mut byte).unwrap() == 1 {}
            assert_eq!(whole.in_quotes(), bytewise.in_quotes(), "{text:?}");
            whole.in_quotes()
        };
        assert!(!tracked("a,\"b,\"\"c\"\"\nd\"\n"));
        assert!(!tracked("a,5\" screen,x\n"));
        assert!(tracked("a,\"b\nc,d\n"));
        assert!(tracked("a,\"b\"\"\n"));
        assert!(!tracked("x,\"\"\n\"a\"\"b\",c\r\n"));
        assert!(tracked("x,\"\"\n\"a\"\"b\",\"c\r\n"));
    }

    fn copy_err(text: &[u8]) -> Option<String> {
        let mut tracker = QuoteTracker::new(text, b';');
        std::io::copy(&mut tracker, &mut std::io::sink()).err().map(|e| e.to_string())
    }

    #[test]
    fn sizes_are_limited_per_header_field_and_record() {
        let field = "x".repeat(MAX_FIELD_BYTES as usize);
        // a quoted field's limit counts its quotes
        let ok = format!("a;b\n{field};\"{}\"\n", &field[2..]);
        assert_eq!(copy_err(ok.as_bytes()), None);
        let long_header = format!("{}\n", "a;".repeat(MAX_HEADER_BYTES as usize));
        assert!(copy_err(long_header.as_bytes()).unwrap().starts_with("the header line is longer"));
        let long_field = format!("a;b\n\"{field}x\n{field}\";c\n");
        assert!(copy_err(long_field.as_bytes()).unwrap().starts_with("a field is longer than 64 KiB"));
        let long_record = format!("a;b\n{}\n", format!("{field};").repeat(4));
        assert!(copy_err(long_record.as_bytes()).unwrap().starts_with("a record is longer than 256 KiB"));
        // an endless field fails after at most one read past the limit
        let mut zeros = QuoteTracker::new(std::io::repeat(0), b',');
        assert!(std::io::copy(&mut zeros, &mut std::io::sink()).is_err());
        assert!(zeros.offset <= MAX_HEADER_BYTES + 64 * 1024);
    }
}
