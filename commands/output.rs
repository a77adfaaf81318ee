//! Rendering: any result as a table for people, or JSON / JSON lines / CSV / YAML for scripts.

use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use clap::{Args, ValueEnum};
use serde::Serialize;
use serde_json::Value;
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

/// A type's table columns, named by the fields they show (`headers`, the JSON names; see
/// `table_headers`). JSON, JSON lines, YAML and CSV come from `Serialize`, so a new result type
/// gets every format, with one name per field, by naming its columns once.
pub trait Tabular: Serialize {
    fn headers() -> Vec<&'static str>;
    fn row(&self) -> Vec<String>;
    /// How a list of these gives way on a narrow terminal (`-o wide` shows every column).
    fn fit() -> Fit {
        FROM_THE_RIGHT
    }
}

/// A replayable result: its own columns, then whether this run replayed an earlier one.
impl<T: Tabular> Tabular for souq::Replay<T> {
    fn headers() -> Vec<&'static str> {
        let mut headers = T::headers();
        headers.push("replayed");
        headers
    }
    fn row(&self) -> Vec<String> {
        let mut row = self.value.row();
        row.push(replayed_cell(self.replayed));
        row
    }
    fn fit() -> Fit {
        T::fit()
    }
}

/// The `replayed` cell of a table: said only when it happened.
pub fn replayed_cell(replayed: bool) -> String {
    if replayed {
        "yes (nothing moved)".into()
    } else {
        String::new()
    }
}

/// Says on stderr that an idempotent command replayed an earlier run, so a person at a table
/// (which scripts read as `"replayed": true`) is not misled into thinking it happened twice.
pub fn note_replayed(app: &App, replayed: bool, what: impl std::fmt::Display) {
    if replayed {
        app.note(format!("replayed: {what} was done before; nothing changed this time"));
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
    if format(app).is_table() {
        if items.is_empty() {
            app.note("(none)");
            return Ok(());
        }
        let mut table = Table::new();
        table.set_header(table_headers::<T>());
        for item in items {
            table.add_row(item.row());
        }
        return print_table(app, &table, T::fit());
    }
    let records = records(app, items)?;
    let mut out = SafeJson(io::stdout().lock());
    match format(app) {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &records)?;
            writeln!(out)?;
        }
        Format::Csv => print_csv(app, &mut out.0, &records, &T::headers())?,
        Format::Yaml => out.0.write_all(serde_norway::to_string(&records)?.as_bytes())?,
        _ => {
            for record in &records {
                serde_json::to_writer(&mut out, record)?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Prints one object: a two-column field/value table for people, the object itself otherwise.
pub fn one<T: Tabular>(app: &App, item: &T) -> Result<()> {
    if format(app).is_table() {
        let mut table = Table::new();
        for (field, value) in table_headers::<T>().into_iter().zip(item.row()) {
            table.add_row([field, value]);
        }
        return print_table(app, &table, Fit::Record);
    }
    print_record(app, item)
}

/// Prints an object made of parts (a record with its comments, timeline, ...): whole for
/// JSON, JSON lines and YAML (and CSV of the fields `--fields` picks); for tables and CSV,
/// `parts` prints each part in turn.
pub fn detail<T: Serialize>(app: &App, item: &T, parts: impl FnOnce() -> Result<()>) -> Result<()> {
    match format(app) {
        Format::Table | Format::Wide => parts(),
        Format::Csv if app.fields.is_none() => parts(),
        _ => print_record(app, item),
    }
}

/// One object in a machine format: pretty JSON, one JSON line, one CSV row or a YAML mapping.
fn print_record<T: Serialize>(app: &App, item: &T) -> Result<()> {
    let mut records = records(app, std::slice::from_ref(item))?;
    let record = records.pop().unwrap_or_default();
    let mut out = SafeJson(io::stdout().lock());
    match format(app) {
        Format::Jsonl => serde_json::to_writer(&mut out, &record)?,
        Format::Csv => print_csv(app, &mut out.0, &[record], &[])?,
        Format::Yaml => out.0.write_all(serde_norway::to_string(&record)?.as_bytes())?,
        _ => serde_json::to_writer_pretty(&mut out, &record)?,
    }
    if format(app) != Format::Csv && format(app) != Format::Yaml {
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

/// The headings of a table: the field names JSON and CSV use, except that money, `X_cents` there,
/// is shown formatted ("12.50") under the heading `X`.
pub fn table_headers<T: Tabular>() -> Vec<String> {
    T::headers().into_iter().map(table_heading).collect()
}

/// The table heading of a field: its name, without `_cents` for money.
fn table_heading(field: &str) -> String {
    field.strip_suffix("_cents").unwrap_or(field).to_string()
}

/// Items as the JSON objects every machine format prints (JSON, JSON lines, CSV and YAML all
/// come from these, so a field has one name in all of them), cut to `--fields` when given.
fn records<T: Serialize>(app: &App, items: &[T]) -> Result<Vec<Value>> {
    let records = items.iter().map(serde_json::to_value).collect::<serde_json::Result<Vec<Value>>>()?;
    match &app.fields {
        None => Ok(records),
        Some(fields) => records.into_iter().map(|record| select(record, fields)).collect(),
    }
}

/// The fields of `record` named in `fields`, in that order; an unknown name is a usage error
/// (exit 2) listing the ones there are.
fn select(record: Value, fields: &[String]) -> Result<Value> {
    let Value::Object(object) = record else {
        return Err(souq::Error::usage("--fields selects fields of records; this output has none").into());
    };
    let mut picked = serde_json::Map::new();
    for field in fields {
        let Some(value) = object.get(field.as_str()) else {
            let valid: Vec<&str> = object.keys().map(String::as_str).collect();
            return Err(souq::Error::usage(format!("--fields: no field {field:?} here"))
                .with_hint(format!("the fields are: {}", valid.join(",")))
                .into());
        };
        picked.insert(field.clone(), value.clone());
    }
    Ok(Value::Object(picked))
}

/// CSV as it is for a file or a pipe (the bytes a spreadsheet reads); for a person's terminal,
/// `terminal::safe`, so a cell cannot drive the terminal either.
fn print_csv(app: &App, out: &mut impl Write, records: &[Value], empty: &[&str]) -> Result<()> {
    if !io::stdout().is_terminal() {
        return write_csv(app, out, records, empty);
    }
    let mut bytes = Vec::new();
    write_csv(app, &mut bytes, records, empty)?;
    out.write_all(terminal::safe(&String::from_utf8_lossy(&bytes)).as_bytes())?;
    Ok(())
}

/// CSV in the style `--excel` / `--delimiter` ask for. The columns are the JSON fields; a nested
/// object with the same fields in every row (a struct: a movement's `change`) is spread into
/// columns by path (`change.credit_cents`), free-form data (an event's) stays one cell. A cell
/// is the JSON value (text as it is, money in cents, a list as JSON), escaped so that a
/// spreadsheet never runs one as a formula (a title `=HYPERLINK(...)` is text). An empty list
/// has the header `empty` (its table's columns).
fn write_csv(app: &App, out: &mut impl Write, records: &[Value], empty: &[&str]) -> Result<()> {
    let objects: Vec<&serde_json::Map<String, Value>> = records.iter().filter_map(Value::as_object).collect();
    fn fields_of(value: Option<&Value>) -> Option<Vec<&String>> {
        value.and_then(Value::as_object).map(|object| object.keys().collect())
    }
    let mut header: Vec<String> = Vec::new();
    let mut columns: Vec<(&str, Option<&str>)> = Vec::new();
    for key in objects.first().map(|first| first.keys()).into_iter().flatten() {
        let inner = fields_of(objects[0].get(key));
        let spread = inner.as_ref().is_some_and(|i| !i.is_empty())
            && objects.iter().all(|object| fields_of(object.get(key)) == inner);
        match inner {
            Some(inner) if spread => {
                for field in inner {
                    header.push(format!("{key}.{field}"));
                    columns.push((key, Some(field)));
                }
            }
            _ => {
                header.push(key.clone());
                columns.push((key, None));
            }
        }
    }
    if objects.is_empty() {
        header = empty.iter().map(ToString::to_string).collect();
    }
    let mut writer = app.csv_style().writer(out)?;
    writer.write_record(&header)?;
    for object in &objects {
        for (key, field) in &columns {
            let value = object.get(*key).map(|v| field.map_or(v, |f| &v[f]));
            let cell = match value {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(text)) => text.clone(),
                Some(other) => other.to_string(),
            };
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
