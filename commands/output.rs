//! Rendering: any result as a table for people, or JSON / JSON lines / CSV / YAML for scripts.

use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use clap::{Args, ValueEnum};
use serde::Serialize;
use souq::spreadsheet::escape_cell;

use crate::app::App;
use crate::table::{Fit, Table, FROM_THE_RIGHT};
use crate::terminal;

/// `table` is fitted to the terminal's width, `wide` shows every column however wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Wide,
    Json,
    Jsonl,
    Csv,
    Yaml,
}

impl Format {
    /// Table or wide: output for people.
    pub fn is_table(self) -> bool {
        matches!(self, Format::Table | Format::Wide)
    }
}

/// A type's columns for tables and CSV. JSON, JSON lines and YAML come from `Serialize`,
/// so a new result type gets every format by naming its columns once.
pub trait Tabular: Serialize {
    fn headers() -> Vec<&'static str>;
    fn row(&self) -> Vec<String>;
    /// How a list of these gives way on a narrow terminal (`-o wide` shows every column).
    fn fit() -> Fit {
        FROM_THE_RIGHT
    }
}

/// Prints a table for people: fitted to the terminal (`-o table`), or whole (`-o wide`, and
/// off a terminal unless COLUMNS is set).
pub fn print_table(app: &App, table: &Table, fit: Fit) -> Result<()> {
    let max = if app.format == Format::Wide { None } else { terminal::columns() };
    let mut out = io::stdout().lock();
    writeln!(out, "{}", table.render(fit, max))?;
    out.flush()?;
    Ok(())
}

/// The format to print in: `--excel` with no `--output` asks for CSV.
pub fn format(app: &App) -> Format {
    if app.excel && app.format == Format::Table {
        Format::Csv
    } else {
        app.format
    }
}

/// Prints a list: a table, a JSON array, one JSON object per line, CSV rows or a YAML sequence.
pub fn list<T: Tabular>(app: &App, items: &[T]) -> Result<()> {
    let mut out = SafeJson(io::stdout().lock());
    match format(app) {
        Format::Table | Format::Wide => {
            if items.is_empty() {
                app.note("(none)");
                return Ok(());
            }
            let mut table = Table::new();
            table.set_header(T::headers());
            for item in items {
                table.add_row(item.row());
            }
            print_table(app, &table, T::fit())?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, items)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for item in items {
                serde_json::to_writer(&mut out, item)?;
                writeln!(out)?;
            }
        }
        Format::Csv => print_csv(app, &mut out.0, items)?,
        Format::Yaml => out.0.write_all(serde_norway::to_string(items)?.as_bytes())?,
    }
    out.flush()?;
    Ok(())
}

/// Prints one object: a two-column field/value table for people, the object itself otherwise.
pub fn one<T: Tabular>(app: &App, item: &T) -> Result<()> {
    let mut out = SafeJson(io::stdout().lock());
    match format(app) {
        Format::Table | Format::Wide => {
            let mut table = Table::new();
            for (field, value) in T::headers().into_iter().zip(item.row()) {
                table.add_row([field.to_string(), value]);
            }
            print_table(app, &table, Fit::Record)?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, item)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            serde_json::to_writer(&mut out, item)?;
            writeln!(out)?;
        }
        Format::Csv => print_csv(app, &mut out.0, std::slice::from_ref(item))?,
        Format::Yaml => out.0.write_all(serde_norway::to_string(item)?.as_bytes())?,
    }
    out.flush()?;
    Ok(())
}

/// Prints an object made of parts (a record with its comments, timeline, ...): whole for
/// JSON, JSON lines and YAML; for tables and CSV, `parts` prints each part in turn.
pub fn detail<T: Serialize>(app: &App, item: &T, parts: impl FnOnce() -> Result<()>) -> Result<()> {
    let mut out = SafeJson(io::stdout().lock());
    match format(app) {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(item)?)?,
        Format::Jsonl => writeln!(out, "{}", serde_json::to_string(item)?)?,
        Format::Yaml => write!(out, "{}", serde_norway::to_string(item)?)?,
        Format::Table | Format::Wide | Format::Csv => {
            drop(out);
            return parts();
        }
    }
    out.flush()?;
    Ok(())
}

/// CSV as it is for a file or a pipe (the bytes a spreadsheet reads); for a person's terminal,
/// `terminal::safe`, so a cell cannot drive the terminal either.
fn print_csv<T: Tabular>(app: &App, out: &mut impl Write, items: &[T]) -> Result<()> {
    if !io::stdout().is_terminal() {
        return write_csv(app, out, items);
    }
    let mut bytes = Vec::new();
    write_csv(app, &mut bytes, items)?;
    out.write_all(terminal::safe(&String::from_utf8_lossy(&bytes)).as_bytes())?;
    Ok(())
}

/// CSV in the style `--excel` / `--delimiter` ask for, every cell escaped so that a spreadsheet
/// never runs one as a formula (a title `=HYPERLINK(...)` is shown as text).
fn write_csv<T: Tabular>(app: &App, out: &mut impl Write, items: &[T]) -> Result<()> {
    let mut writer = app.csv_style().writer(out)?;
    writer.write_record(T::headers())?;
    for item in items {
        for cell in item.row() {
            writer.write_field(escape_cell(&cell).as_bytes())?;
        }
        writer.write_record(None::<&[u8]>)?;
    }
    writer.flush()?;
    Ok(())
}

/// An optional value for a table cell.
pub fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// Shortens text for a table cell, on a character boundary.
pub fn clip(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        let mut clipped: String = text.chars().take(max_chars.saturating_sub(1)).collect();
        clipped.push('…');
        clipped
    }
}

/// Writes text to stdout: as it is for a pipe or a file, `terminal::safe` (tabs kept) for a
/// person's terminal. Errors (a closed pipe) are returned, never a panic as `print!` would:
/// main turns a closed pipe into a quiet exit 0.
pub fn text(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    if out.is_terminal() {
        let parts: Vec<String> = text.split('\t').map(|part| terminal::safe(part).into_owned()).collect();
        out.write_all(parts.join("\t").as_bytes())?;
    } else {
        out.write_all(text.as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// A writer of JSON that passes what serde_json writes through `terminal::safe_json`. serde_json
/// writes whole strings or fragments of them, so each write is whole UTF-8 characters.
pub struct SafeJson<W>(pub W);

impl<W: Write> Write for SafeJson<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match std::str::from_utf8(buf) {
            Ok(text) => {
                self.0.write_all(terminal::safe_json(text).as_bytes())?;
                Ok(buf.len())
            }
            Err(_) => self.0.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Rows a list shows on a terminal when neither --limit nor --all is given.
pub const TERMINAL_LIMIT: usize = 50;

// `--limit N` and `--all`, which every list command takes. A plain comment, not a doc comment:
// clap would make that the about of each command flattening this, as its arguments are built
// after the command (`defer`, main.rs).
#[derive(Debug, Clone, Copy, Args)]
pub struct Limit {
    /// Show at most N rows (default on a terminal: 50)
    #[arg(long, value_name = "N", value_parser = row_count)]
    limit: Option<usize>,
    /// Show every row, also on a terminal
    #[arg(long, conflicts_with = "limit")]
    all: bool,
}

impl Limit {
    /// How many rows to show, `None` for all. A person at a terminal gets a screenful or two
    /// (TERMINAL_LIMIT); a script (stdout not a terminal) gets `off_terminal`, which is every
    /// row for most lists: what scripts got before --limit existed.
    pub fn rows(&self, off_terminal: Option<usize>) -> Option<usize> {
        match (self.all, self.limit) {
            (true, _) => None,
            (false, Some(n)) => Some(n),
            (false, None) if io::stdout().is_terminal() => Some(TERMINAL_LIMIT),
            (false, None) => off_terminal,
        }
    }
}

/// A --limit: a count of at least 1 (bad data, exit 6, like any count that is not one).
fn row_count(text: &str) -> souq::Result<usize> {
    match text.parse() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(souq::Error::invalid(format!("--limit must be a number of rows, at least 1, got {text:?}"))),
    }
}

/// Prints the first rows of `items` that `limit` allows and says on stderr how many more there are.
pub fn list_limited<T: Tabular>(app: &App, mut items: Vec<T>, limit: Limit) -> Result<()> {
    let rows = limit.rows(None);
    let more = rows.map_or(0, |n| items.len().saturating_sub(n));
    items.truncate(rows.unwrap_or(usize::MAX));
    list(app, &items)?;
    note_more(app, Some(more as u64));
    Ok(())
}

/// "12 more not shown" (or just "more", when the list only knows there are some).
pub fn note_more(app: &App, more: Option<u64>) {
    match more {
        Some(0) => {}
        Some(n) => app.note(format!("{n} more not shown: pass --limit N or --all")),
        None => app.note("more not shown: pass --limit N or --all"),
    }
}
