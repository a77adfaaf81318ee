//! A gigs file as the spreadsheet saved it, read as UTF-8: its encoding from a byte order mark,
//! the caller or its bytes (Windows-1256 when they read as Arabic), its delimiter from the header.

use std::io::{self, Read};

use encoding_rs::{Decoder, DecoderResult, Encoding, UTF_8, WINDOWS_1256};

use crate::error::{Error, Result};

/// How much of the file is read before the encoding and the delimiter are decided: the header
/// and the first rows, enough for the detector to tell Arabic from other text.
const PEEK_BYTES: usize = 64 * 1024;
/// How many bytes of a non-UTF-8 file are decoded at a time.
const DECODE_CHUNK: usize = 64 * 1024;

/// How the encoding was chosen, for the note saying what souq assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingSource {
    /// `--encoding`.
    Given,
    /// The file starts with the byte order mark of UTF-8, UTF-16LE or UTF-16BE.
    ByteOrderMark,
    /// No byte order mark, and the bytes are UTF-8 text.
    Utf8Text,
    /// No byte order mark, and the bytes read as Arabic text in Windows-1256 (what Excel's
    /// plain "CSV" writes in an Arabic Windows locale), or as UTF-16 (every other byte zero).
    Detected,
}

/// The file's text, as UTF-8, to stream through the CSV reader. UTF-8 input is handed on as
/// it is read (after its byte order mark), so decoding costs nothing there; other encodings
/// are decoded a chunk at a time, so memory stays flat in the file's size.
pub struct Input<R> {
    inner: R,
    /// None for UTF-8: the bytes are handed on as read.
    decoder: Option<Decoder>,
    /// Text read (and decoded) but not yet handed on: the peeked start of the file, then each
    /// decoded chunk.
    pending: Vec<u8>,
    at: usize,
    raw: Vec<u8>,
    done: bool,
    encoding: &'static Encoding,
    source: EncodingSource,
    delimiter: u8,
    delimiter_given: bool,
}

impl<R: Read> Input<R> {
    /// Reads the start of `inner` and decides how to read the rest: `encoding` and `delimiter`
    /// when given, otherwise from the bytes. A file that is neither UTF-8 (or UTF-16 with its
    /// byte order mark) nor Windows-1256 Arabic is refused, naming the fix.
    pub fn open(mut inner: R, encoding: Option<&'static Encoding>, delimiter: Option<u8>) -> Result<Input<R>> {
        let mut peek = Vec::with_capacity(PEEK_BYTES);
        (&mut inner).take(PEEK_BYTES as u64).read_to_end(&mut peek).map_err(read_error)?;
        let done = peek.len() < PEEK_BYTES;
        let bom = Encoding::for_bom(&peek);
        let (encoding, source, bom_len) = match (encoding, bom) {
            (Some(given), Some((found, len))) if given == found => (given, EncodingSource::Given, len),
            (Some(given), _) => (given, EncodingSource::Given, 0),
            (None, Some((found, len))) => (found, EncodingSource::ByteOrderMark, len),
            (None, None) => match guess(&peek, done)? {
                utf8 if utf8 == UTF_8 => (utf8, EncodingSource::Utf8Text, 0),
                detected => (detected, EncodingSource::Detected, 0),
            },
        };
        let mut input = Input {
            inner,
            decoder: None,
            pending: Vec::new(),
            at: 0,
            raw: Vec::new(),
            done,
            encoding,
            source,
            delimiter: delimiter.unwrap_or(b','),
            delimiter_given: delimiter.is_some(),
        };
        if encoding == UTF_8 {
            input.pending = peek;
            input.at = bom_len;
        } else {
            input.decoder = Some(encoding.new_decoder_without_bom_handling());
            input.decode(&peek[bom_len..], done)?;
        }
        if delimiter.is_none() {
            input.delimiter = sniff_delimiter(&input.pending[input.at..]);
        }
        Ok(input)
    }

    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// What souq assumed about the file that the person did not say, for a note on stderr:
    /// None when it is UTF-8 with `,` (or all was given).
    pub fn assumption(&self) -> Option<String> {
        let encoding = match self.source {
            EncodingSource::Given | EncodingSource::Utf8Text => None,
            EncodingSource::ByteOrderMark if self.encoding == UTF_8 => None,
            EncodingSource::ByteOrderMark => Some(format!("{} (its byte order mark)", self.encoding.name())),
            EncodingSource::Detected if self.encoding == WINDOWS_1256 => {
                Some(format!("{} (not UTF-8; reads as Arabic in it)", self.encoding.name()))
            }
            EncodingSource::Detected => {
                Some(format!("{} (no byte order mark, but every other byte is zero)", self.encoding.name()))
            }
        };
        let delimiter = (!self.delimiter_given && self.delimiter != b',')
            .then(|| format!("{} between fields (the header's)", crate::spreadsheet::delimiter_name(self.delimiter)));
        match (encoding, delimiter) {
            (None, None) => None,
            (Some(e), None) => Some(format!("read as {e}")),
            (None, Some(d)) => Some(format!("read with {d}")),
            (Some(e), Some(d)) => Some(format!("read as {e}, {d}")),
        }
    }

    /// Decodes `raw` onto the end of what is pending. Malformed input (UTF-16 with a lone
    /// surrogate) stops the import: it is not the text the person saved.
    fn decode(&mut self, raw: &[u8], last: bool) -> Result<()> {
        let Some(decoder) = &mut self.decoder else { return Ok(()) };
        let mut text = String::with_capacity(
            decoder.max_utf8_buffer_length_without_replacement(raw.len()).unwrap_or(raw.len() * 3 + 16),
        );
        let (result, _) = decoder.decode_to_string_without_replacement(raw, &mut text, last);
        if let DecoderResult::Malformed(..) = result {
            return Err(
                Error::invalid(format!("the file is not valid {} text", self.encoding.name())).with_hint(SAVE_AS_UTF8)
            );
        }
        self.pending.drain(..self.at);
        self.at = 0;
        self.pending.extend_from_slice(text.as_bytes());
        Ok(())
    }
}

impl<R: Read> Read for Input<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.at < self.pending.len() {
                let n = buf.len().min(self.pending.len() - self.at);
                buf[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
                self.at += n;
                return Ok(n);
            }
            if self.decoder.is_none() {
                return if self.done { Ok(0) } else { self.inner.read(buf) };
            }
            if self.done {
                return Ok(0);
            }
            self.raw.resize(DECODE_CHUNK, 0);
            let n = self.inner.read(&mut self.raw)?;
            self.done = n == 0;
            let raw = std::mem::take(&mut self.raw);
            let decoded = self.decode(&raw[..n], self.done);
            self.raw = raw;
            decoded.map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.message().to_string()))?;
        }
    }
}

const SAVE_AS_UTF8: &str =
    "save the file as \"CSV UTF-8\" (Excel) or Text CSV with UTF-8 (LibreOffice), or name its encoding with --encoding";

/// The encoding of a file without a byte order mark: UTF-8 if its start is UTF-8 text;
/// Windows-1256 if it is not and reads as Arabic in it. A file that is UTF-8 text with a few
/// bad bytes stays UTF-8 (those rows are reported), rather than every Arabic letter in it
/// being turned into two wrong ones.
fn guess(peek: &[u8], whole_file: bool) -> Result<&'static Encoding> {
    if let Some(utf16) = utf16_without_bom(peek) {
        return Ok(utf16);
    }
    let bad_at = match std::str::from_utf8(peek) {
        Ok(_) => return Ok(UTF_8),
        // a character cut by the end of the peek, not by the end of the file
        Err(e) if e.error_len().is_none() && !whole_file => return Ok(UTF_8),
        Err(e) => e.valid_up_to(),
    };
    if !peek[..bad_at].is_ascii() {
        return Ok(UTF_8);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(peek, whole_file);
    let likely = detector.guess(None, chardetng::Utf8Detection::Deny);
    if likely == WINDOWS_1256 {
        return Ok(WINDOWS_1256);
    }
    Err(Error::invalid(format!(
        "the file is not UTF-8 text, nor Arabic text in Windows-1256 (it reads most like {})",
        likely.name()
    ))
    .with_hint(format!("{SAVE_AS_UTF8} (e.g. --encoding {})", likely.name())))
}

/// UTF-16 saved without a byte order mark: text whose bytes are zero at every odd position
/// (LE) or every even one (BE), as Latin letters, digits and separators are in UTF-16. (Arabic
/// letters are not, but a header of column names always is.) Zeros everywhere are no text.
fn utf16_without_bom(peek: &[u8]) -> Option<&'static Encoding> {
    let start = &peek[..peek.len().min(1024) & !1];
    let zeros_at = |parity: usize| start.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd, pairs) = (zeros_at(0), zeros_at(1), start.len() / 2);
    // most of one half zero, hardly any of the other
    let mostly = |n: usize| pairs >= 4 && n * 10 >= pairs * 6;
    let hardly = |n: usize| n * 10 <= pairs;
    match (mostly(even) && hardly(odd), mostly(odd) && hardly(even)) {
        (true, _) => Some(encoding_rs::UTF_16BE),
        (_, true) => Some(encoding_rs::UTF_16LE),
        _ => None,
    }
}

/// An encoding by any of its WHATWG labels ("windows-1256", "cp1256", "utf-16le", "utf-8" ...).
pub fn encoding_named(label: &str) -> Result<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        Error::invalid(format!(
            "unknown encoding {}; e.g. utf-8, windows-1256, utf-16le, utf-16be, iso-8859-6",
            crate::text::excerpt(label, crate::text::EXCERPT_CHARS)
        ))
    })
}

/// The delimiter a header line uses: whichever of `,` `;` tab it holds most of outside quotes
/// (`,` when none or a tie).
fn sniff_delimiter(text: &[u8]) -> u8 {
    let line = text.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in line {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(count) = counts.iter_mut().find(|(d, _)| *d == b) {
                count.1 += 1;
            }
        }
    }
    // max_by_key keeps the last of equals: reversed, the first candidate wins a tie
    counts.iter().rev().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map_or(b',', |(d, _)| *d)
}

fn read_error(err: io::Error) -> Error {
    Error::internal(format!("reading the file: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &[u8], encoding: Option<&'static Encoding>) -> (String, u8, EncodingSource) {
        let mut input = Input::open(bytes, encoding, None).unwrap();
        let mut text = String::new();
        input.read_to_string(&mut text).unwrap();
        (text, input.delimiter, input.source)
    }

    #[test]
    fn delimiter_is_the_most_frequent_separator_of_the_header() {
        assert_eq!(sniff_delimiter(b"sku,title,price\n1;2;3;4;5"), b',');
        assert_eq!(sniff_delimiter(b"sku;title;price;delivery_days\r\n"), b';');
        assert_eq!(sniff_delimiter(b"sku\ttitle\tprice"), b'\t');
        assert_eq!(sniff_delimiter(b"\"a;b\",c"), b',');
        assert_eq!(sniff_delimiter(b"sku"), b',');
    }

    #[test]
    fn long_inputs_decode_across_chunks() {
        let text = "sku;title\n".to_string() + &"x;ترجمة\n".repeat(30_000);
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let (read, delimiter, source) = read_all(&bytes, None);
        assert_eq!((read.as_str(), delimiter, source), (text.as_str(), b';', EncodingSource::ByteOrderMark));
        let (cp1256, _, _) = WINDOWS_1256.encode(&text);
        let (read, _, source) = read_all(&cp1256, None);
        assert_eq!((read.as_str(), source), (text.as_str(), EncodingSource::Detected));
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_known_by_its_zeros() {
        let text = "sku,title,price,delivery_days\r\nw1,ترجمة,15,3\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(read_all(&le, None), (text.to_string(), b',', EncodingSource::Detected));
        assert_eq!(read_all(&be, None).0, text);
        assert_eq!(utf16_without_bom(&[0; 4096]), None);
        assert_eq!(utf16_without_bom(text.as_bytes()), None);
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_stays_utf8() {
        let (text, _, source) = read_all("sku,title\nx,ترجمة\ny,\u{0}".as_bytes(), None);
        assert_eq!(source, EncodingSource::Utf8Text);
        assert!(text.ends_with('\0'));
        let mut bytes = "sku,title\nx,ترجمة\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"y,\xC7\xE1\n");
        let mut input = Input::open(&bytes[..], None, None).unwrap();
        assert_eq!(input.encoding(), UTF_8);
        let mut out = Vec::new();
        input.read_to_end(&mut out).unwrap();
        assert_eq!(out, bytes);
    }
}
