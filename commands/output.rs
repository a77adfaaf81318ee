//! Rendering: any result as a table for people, or JSON / JSON lines / CSV / YAML for scripts.

use std::io::{self, Write};

use anyhow::Result;
use clap::ValueEnum;
use comfy_table::{presets, ContentArrangement, Table};
use serde::Serialize;
use souq::spreadsheet::escape_cell;

use crate::app::App;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
    Yaml,
}

/// A type's columns for tables and CSV. JSON, JSON lines and YAML come from `Serialize`,
/// so a new result type gets every format by naming its columns once.
pub trait Tabular: Serialize {
    fn headers() -> Vec<&'static str>;
    fn row(&self) -> Vec<String>;
}

/// A table sized to the terminal (natural width when stdout is a pipe). comfy-table measures
/// cells with unicode-width, so Arabic letters count one column and harakat none.
pub fn table() -> Table {
    let mut table = Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    table
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
    let mut out = io::stdout().lock();
    match format(app) {
        Format::Table => {
            let mut table = table();
            table.set_header(T::headers());
            for item in items {
                table.add_row(item.row());
            }
            if items.is_empty() {
                app.note("(none)");
            } else {
                writeln!(out, "{table}")?;
            }
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
        Format::Csv => write_csv(app, &mut out, items)?,
        Format::Yaml => out.write_all(serde_norway::to_string(items)?.as_bytes())?,
    }
    out.flush()?;
    Ok(())
}

/// Prints one object: a two-column field/value table for people, the object itself otherwise.
pub fn one<T: Tabular>(app: &App, item: &T) -> Result<()> {
    let mut out = io::stdout().lock();
    match format(app) {
        Format::Table => {
            let mut table = table();
            for (field, value) in T::headers().into_iter().zip(item.row()) {
                table.add_row(vec![field.to_string(), value]);
            }
            writeln!(out, "{table}")?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, item)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            serde_json::to_writer(&mut out, item)?;
            writeln!(out)?;
        }
        Format::Csv => write_csv(app, &mut out, std::slice::from_ref(item))?,
        Format::Yaml => out.write_all(serde_norway::to_string(item)?.as_bytes())?,
    }
    out.flush()?;
    Ok(())
}

/// Prints an object made of parts (a record with its comments, timeline, ...): whole for
/// JSON, JSON lines and YAML; for tables and CSV, `parts` prints each part in turn.
pub fn detail<T: Serialize>(app: &App, item: &T, parts: impl FnOnce() -> Result<()>) -> Result<()> {
    let mut out = io::stdout().lock();
    match format(app) {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(item)?)?,
        Format::Jsonl => writeln!(out, "{}", serde_json::to_string(item)?)?,
        Format::Yaml => write!(out, "{}", serde_norway::to_string(item)?)?,
        Format::Table | Format::Csv => {
            drop(out);
            return parts();
        }
    }
    out.flush()?;
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

/// Writes text to stdout as it is. Errors (a closed pipe) are returned, never a panic as
/// `print!` would: main turns a closed pipe into a quiet exit 0.
pub fn text(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}
