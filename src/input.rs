//! Reading what comes from outside without trusting its size or kind: regular files only (a FIFO
//! or a device never blocks or floods souq), every read bounded, YAML aliases bounded.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use yaml_rust2::parser::{Event, Parser};

use crate::error::{Error, Result};

/// The largest YAML file souq reads (policy, moderation rules): the built-in rules are 3 KB.
pub const MAX_YAML_BYTES: u64 = 1 << 20;

/// How many more nodes YAML aliases may add to a document than it spells out. serde_norway
/// bounds alias jumps only by 100 x the document's events, so a 1 MB "billion laughs" padded with
/// filler still expands to tens of GB; this bound is independent of the file's size.
pub const MAX_YAML_ALIAS_NODES: u64 = 10_000;

/// Opens `path` for reading if it is a regular file. A FIFO, a directory or a device (/dev/zero)
/// is refused (invalid input) at once: the open does not wait for a FIFO's writer
/// (O_NONBLOCK), and the kind is taken from the opened file, so it cannot change in between.
pub fn open_file(path: &Path) -> Result<File> {
    let file = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path).map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound {
            Error::not_found("file", path.display())
        } else {
            Error::internal(format!("cannot read {}: {e}", path.display()))
        }
    })?;
    let kind = file.metadata()?.file_type();
    if !kind.is_file() {
        use std::os::unix::fs::FileTypeExt;
        let what = if kind.is_dir() {
            "a directory"
        } else if kind.is_fifo() {
            "a FIFO"
        } else if kind.is_char_device() || kind.is_block_device() {
            "a device"
        } else {
            "a socket"
        };
        return Err(Error::invalid(format!("{} is {what}, not a regular file", path.display()))
            .with_hint("give a regular file, or - and pipe it to stdin"));
    }
    Ok(file)
}

/// All of `reader`, refused (invalid input) past `limit` bytes without reading more than
/// `limit` + 1. `what` names the input in the error.
pub fn read_limited(reader: impl Read, limit: u64, what: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Error::invalid(format!("{what} is larger than {limit} bytes")));
    }
    Ok(bytes)
}

/// A reader for line-based files (CSV) that refuses, as an `InvalidData` I/O error, a line
/// longer than `max_line` bytes or more than `max_total` bytes in all, so a parser that
/// buffers a whole field never holds more than one bounded line. CRLF comes out as LF.
pub struct BoundedLines<R> {
    inner: R,
    max_line: u64,
    max_total: u64,
    line: u64,
    total: u64,
    /// A CR read last, not yet known to be followed by LF.
    pending_cr: bool,
}

impl<R: Read> BoundedLines<R> {
    pub fn new(inner: R, max_line: u64, max_total: u64) -> BoundedLines<R> {
        BoundedLines { inner, max_line, max_total, line: 0, total: 0, pending_cr: false }
    }

    fn too_big(&self, message: String) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, message)
    }
}

impl<R: Read> Read for BoundedLines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let mut raw = vec![0u8; buf.len()];
        let n = self.inner.read(&mut raw)?;
        if n == 0 {
            if std::mem::take(&mut self.pending_cr) {
                buf[0] = b'\r';
                return Ok(1);
            }
            return Ok(0);
        }
        self.total += n as u64;
        if self.total > self.max_total {
            return Err(self.too_big(format!("the file is larger than {} bytes", self.max_total)));
        }
        let mut out = 0;
        for &byte in &raw[..n] {
            if std::mem::take(&mut self.pending_cr) && byte != b'\n' {
                buf[out] = b'\r';
                out += 1;
            }
            if byte == b'\r' {
                self.pending_cr = true;
                continue;
            }
            self.line = if byte == b'\n' { 0 } else { self.line + 1 };
            if self.line > self.max_line {
                return Err(self.too_big(format!("a line is longer than {} bytes", self.max_line)));
            }
            buf[out] = byte;
            out += 1;
        }
        if out == 0 {
            // only a CR so far: read on rather than report an end of file
            return self.read(buf);
        }
        Ok(out)
    }
}

/// Refuses (invalid input) a YAML document whose aliases would expand it by more than
/// [`MAX_YAML_ALIAS_NODES`] nodes ("billion laughs"), or deeper than serde_norway's 128 levels,
/// in one pass over its events and without building it.
pub fn check_yaml_aliases(yaml: &str, what: &str) -> Result<()> {
    let mut parser = Parser::new_from_str(yaml);
    // per open collection: its anchor id and the nodes it expands to so far
    let mut open: Vec<(usize, u64)> = Vec::new();
    let mut anchored: HashMap<usize, u64> = HashMap::new();
    let (mut spelled, mut expanded) = (0u64, 0u64);
    loop {
        let (event, _) = parser.next_token().map_err(|e| Error::invalid(format!("{what}: YAML: {e}")))?;
        let nodes = match event {
            Event::StreamEnd => return Ok(()),
            Event::Scalar(_, _, anchor, _) => {
                if anchor != 0 {
                    anchored.insert(anchor, 1);
                }
                spelled += 1;
                1
            }
            Event::Alias(anchor) => anchored.get(&anchor).copied().unwrap_or(1),
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if open.len() >= 128 {
                    return Err(Error::invalid(format!("{what}: YAML nested deeper than 128 levels")));
                }
                open.push((anchor, 1));
                spelled += 1;
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (anchor, nodes) = open.pop().unwrap_or_default();
                if anchor != 0 {
                    anchored.insert(anchor, nodes);
                }
                match open.last_mut() {
                    Some(parent) => parent.1 = parent.1.saturating_add(nodes),
                    None => expanded = expanded.saturating_add(nodes),
                }
                continue;
            }
            _ => continue,
        };
        match open.last_mut() {
            Some(parent) => parent.1 = parent.1.saturating_add(nodes),
            None => expanded = expanded.saturating_add(nodes),
        }
        let growing = open.last().map_or(expanded, |p| p.1).max(expanded);
        if growing.saturating_sub(spelled) > MAX_YAML_ALIAS_NODES {
            return Err(Error::invalid(format!(
                "{what}: YAML aliases expand it by more than {MAX_YAML_ALIAS_NODES} nodes (a \"billion laughs\"?)"
            ))
            .with_hint("write the values out instead of repeating them through *aliases"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(input: &[u8], max_line: u64) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        BoundedLines::new(input, max_line, 1 << 20).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn crlf_becomes_lf_and_long_lines_stop() {
        assert_eq!(through(b"a,b\r\nc\rd\r", 10).unwrap(), b"a,b\nc\rd\r");
        assert!(through(&[b'x'; 100], 10).is_err());
        assert_eq!(through(b"0123456789\n0123456789\n", 10).unwrap().len(), 22);
    }

    #[test]
    fn aliases_are_bounded_but_allowed() {
        assert!(check_yaml_aliases("a: &x [1, 2]\nb: *x\nc: *x\n", "t").is_ok());
        let mut laughs = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
            laughs.push_str(&format!("{name}: &{name} [{}]\n", vec![format!("*{prev}"); 9].join(", ")));
        }
        assert!(check_yaml_aliases(&laughs, "t").is_err());
    }
}
