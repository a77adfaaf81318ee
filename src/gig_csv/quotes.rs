//! Following CSV quoting over a byte stream, to catch a quote left open at the end of a file.

use std::io::Read;

/// Passes bytes through to the csv reader while following their CSV quoting, so that a quote
/// left open at the end of the file is known (the csv crate ends such a field silently).
pub(super) struct QuoteTracker<R> {
    inner: R,
    state: Quoting,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the end of the field, or the first half of `""`.
    QuoteInQuoted,
}

impl<R> QuoteTracker<R> {
    pub(super) fn new(inner: R) -> QuoteTracker<R> {
        QuoteTracker { inner, state: Quoting::FieldStart }
    }

    pub(super) fn in_quotes(&self) -> bool {
        self.state == Quoting::Quoted
    }
}

impl<R: Read> Read for QuoteTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let (bytes, mut i, mut state) = (&buf[..n], 0, self.state);
        while i < bytes.len() {
            // inside a field only its end matters: jump to it rather than step through the text
            let skip = match state {
                Quoting::Quoted => bytes[i..].iter().position(|&b| b == b'"'),
                Quoting::Unquoted => bytes[i..].iter().position(|&b| matches!(b, b',' | b'\n' | b'\r')),
                Quoting::FieldStart | Quoting::QuoteInQuoted => Some(0),
            };
            let Some(skip) = skip else { break };
            i += skip;
            state = match (state, bytes[i]) {
                (Quoting::Quoted, _) => Quoting::QuoteInQuoted,
                (Quoting::FieldStart | Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
                (_, b',' | b'\n' | b'\r') => Quoting::FieldStart,
                _ => Quoting::Unquoted,
            };
            i += 1;
        }
        self.state = state;
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
            let mut whole = QuoteTracker::new(text.as_bytes());
            std::io::copy(&mut whole, &mut std::io::sink()).unwrap();
            let mut bytewise = QuoteTracker::new(text.as_bytes());
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
}
