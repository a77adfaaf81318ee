//! `gig import`: a CSV file streamed row by row into one transaction, every row validated,
//! gigs upserted by (seller, sku), and nothing kept unless every row was good.

use std::collections::HashMap;
use std::io::{Read, Write};

use csv::ByteRecord;
use rusqlite::params;
use serde::Serialize;
use serde_json::json;

use super::pipeline;
use super::quotes::QuoteTracker;
use super::writer::{Found, NewGig, Writer};
use super::{write_error, Input, COLUMNS};
use crate::db::{Db, Engine};
use crate::error::{Error, ErrorKind, Result};
use crate::gigs::{self, ExtraInput, FieldError, GigInput};
use crate::moderation::{self, RuleSet, Verdict};
use crate::money::{self, Money};
use crate::policy::{self, Policy};
use crate::search::IndexEntry;
use crate::spreadsheet::{escape_bytes, unescape_cell, CsvStyle};
use crate::store::Store;
use crate::text;
use crate::users::{self, User};
use crate::{events, Session};

const REQUIRED: &[&str] = &["sku", "title", "price", "delivery_days"];
/// The column a rejects file adds. Import ignores it, so a corrected rejects file imports as is.
const REASON: &str = "reason";

/// How many row errors a summary keeps; `invalid` counts them all, so memory stays flat
/// however bad a file is.
pub const MAX_KEPT_ERRORS: usize = 1_000;
/// Progress is reported every this many rows.
pub const PROGRESS_EVERY: u64 = 1_000;

#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Check only: everything is rolled back.
    pub dry_run: bool,
    /// Import the good rows even when some are bad (otherwise any bad row stops everything).
    pub skip_invalid: bool,
    /// Write the rejects file for Excel (byte order mark, CRLF); its delimiter is the input's.
    pub excel_rejects: bool,
}

/// One bad row: the spreadsheet line (header = 1) and the column it is about.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub column: String,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

/// docs/design.md's import summary. `errors` holds the first [`MAX_KEPT_ERRORS`]; `invalid` counts all.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportSummary {
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub invalid: u64,
    pub errors: Vec<RowError>,
    #[serde(skip)]
    skip_invalid: bool,
}

impl ImportSummary {
    /// The error the import ends with when it wrote nothing because of bad rows: exit 6,
    /// naming the first `show` bad rows and how many more there were.
    pub fn refusal(&self, show: usize) -> Option<Error> {
        if self.invalid == 0 || self.skip_invalid {
            return None;
        }
        let mut message = format!("{} invalid row(s); nothing was imported", self.invalid);
        for error in self.errors.iter().take(show) {
            message.push_str(&format!("\n  {error}"));
        }
        let shown = self.errors.len().min(show) as u64;
        if self.invalid > shown {
            message.push_str(&format!("\n  ... and {} more", self.invalid - shown));
        }
        Some(Error::invalid(message).with_hint("fix those rows, or pass --skip-invalid to import the good ones"))
    }

    fn reject(&mut self, error: RowError) {
        self.invalid += 1;
        if self.errors.len() < MAX_KEPT_ERRORS {
            self.errors.push(error);
        }
    }
}

/// What one row did to the gig it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
}

/// Reads gigs from `source` and upserts them by (seller, sku) in ONE transaction, streaming:
/// rows are validated and judged by moderation on worker threads a batch at a time while this
/// thread writes the batch before, in file order, and the transaction is rolled back at the
/// end if any row was bad (unless `skip_invalid`) or on a dry run. Bad rows are written to
/// `rejects` with their reason. A refused import returns its summary (nothing written);
/// [`ImportSummary::refusal`] gives the error to end with. Any other error (the file cannot be
/// read, a record is too long, the database fails) is returned, and nothing is written.
pub fn import(
    store: &mut Store,
    session: &Session,
    source: Input<impl Read + Send>,
    options: ImportOptions,
    rejects: Option<&mut dyn Write>,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportSummary> {
    let mut summary = None;
    let outcome = store.write_or_preview(!options.dry_run, |tx| {
        let done = import_rows(tx, session, source, options, rejects, progress)?;
        let refused = done.refusal(0).is_some();
        summary = Some(done);
        if refused {
            // dropping the transaction: nothing of a refused import stays
            Err(Error::invalid("import refused"))
        } else {
            Ok(())
        }
    });
    match (outcome, summary) {
        (Ok(()), Some(summary)) => Ok(summary),
        (Err(_), Some(summary)) if summary.refusal(0).is_some() => Ok(summary),
        (Err(err), _) => Err(err),
        (Ok(()), None) => Err(Error::internal("import finished without a summary")),
    }
}

fn import_rows(
    db: &Db,
    session: &Session,
    source: Input<impl Read + Send>,
    options: ImportOptions,
    rejects: Option<&mut dyn Write>,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportSummary> {
    let actor = users::acting(db, session)?;
    let policy = policy::load(db)?;
    let moderation = moderation::active_rules(db)?;
    // Records end at '\n' only, and a CR before it is taken off the last field (see `field`):
    // the csv crate's own CRLF handling counts the lines of every record after the first one short.
    let delimiter = source.delimiter();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(QuoteTracker::new(source, delimiter));
    let mut header_record = ByteRecord::new();
    if !read_record(&mut reader, &mut header_record)? {
        return Err(Error::invalid(format!(
            "line 1: the file is empty; expected a header naming the columns ({})",
            COLUMNS.join(",")
        )));
    }
    let header = Header::parse(&header_record)?;
    let mut rejects = match rejects {
        Some(out) => {
            let style = CsvStyle { excel: options.excel_rejects, delimiter };
            Some(Rejects::start(style.writer(out)?, &header_record, &header)?)
        }
        None => None,
    };
    let seen = SeenSkus::start(db)?;
    let mut writer = Writer::start(db)?;
    let mut sellers = Sellers { actor: actor.clone(), known: HashMap::new() };
    let mut summary = ImportSummary { skip_invalid: options.skip_invalid, ..ImportSummary::default() };
    let mut records = Records::start(reader)?;

    // Rows are decoded, validated and judged by moderation on worker threads, a batch at a
    // time, while this thread writes the batch before; writing stays here, in file order.
    let check = |row: ReadRow| {
        let checked = check_row(&row, &header, &policy, &moderation);
        (row, checked)
    };
    let write = |batch: Vec<(ReadRow, Checked)>| -> Result<()> {
        if writer.looks_up_batches() {
            let keys = batch_keys(db, &batch, &mut sellers)?;
            writer.look_up(db, &keys)?;
        }
        for (row, checked) in batch {
            summary.rows += 1;
            let rules = Rules { line: row.line, policy: &policy, session };
            match write_row(db, checked, &rules, &mut sellers, &seen, &mut writer)? {
                Ok(Outcome::Created) => summary.created += 1,
                Ok(Outcome::Updated) => summary.updated += 1,
                Ok(Outcome::Unchanged) => summary.unchanged += 1,
                Err(error) => {
                    if let Some(rejects) = &mut rejects {
                        rejects.write(&row.record, &error)?;
                    }
                    summary.reject(error);
                }
            }
            if summary.rows.is_multiple_of(PROGRESS_EVERY) {
                progress(summary.rows);
            }
        }
        writer.flush(db, session, &policy)
    };
    pipeline::run(pipeline::workers(), || records.batch(BATCH_ROWS), check, write)?;
    progress(summary.rows);
    writer.finish()?;
    if let Some(rejects) = &mut rejects {
        rejects.finish()?;
    }
    if summary.created + summary.updated > 0 {
        // One summary event, not one per gig: a million-row import would otherwise double
        // the events table and the time the import takes.
        events::record(
            db,
            session,
            "gig.imported",
            "user",
            actor.id,
            json!({"rows": summary.rows, "created": summary.created, "updated": summary.updated,
                   "unchanged": summary.unchanged, "invalid": summary.invalid}),
        )?;
    }
    Ok(summary)
}

/// The next record that is not a blank line. A record past its size limit, or text that
/// does not decode, is invalid input naming the line it starts on.
fn read_record<R: Read>(reader: &mut csv::Reader<R>, record: &mut ByteRecord) -> Result<bool> {
    loop {
        let line = reader.position().line();
        let more = reader.read_byte_record(record).map_err(|err| match err.kind() {
            csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
                Error::invalid(format!("line {line}: {io}"))
            }
            _ => csv_error(err),
        })?;
        if !more {
            return Ok(false);
        }
        if record.len() > 1 || !field(record, 0).is_empty() {
            return Ok(true);
        }
    }
}

/// How many rows a worker checks at a time, at most.
const BATCH_ROWS: usize = 512;
/// How many bytes of rows a batch holds, at most (plus one record): with the records' size
/// limit, what is read ahead stays a few MiB whatever the rows are like.
const BATCH_BYTES: usize = 1024 * 1024;

/// A data record as read, with its spreadsheet line.
struct ReadRow {
    record: ByteRecord,
    line: u64,
    /// The last record, inside a quote the file never closes.
    unterminated: bool,
}

/// The data records of a file, each read only once the next one has been, so the last row
/// knows it is the last: the csv crate closes an unterminated quote silently at the end.
struct Records<R> {
    reader: csv::Reader<QuoteTracker<R>>,
    next: Option<ByteRecord>,
}

impl<R: Read> Records<R> {
    fn start(reader: csv::Reader<QuoteTracker<R>>) -> Result<Records<R>> {
        let mut records = Records { reader, next: None };
        records.next = records.read()?;
        Ok(records)
    }

    fn read(&mut self) -> Result<Option<ByteRecord>> {
        let mut record = ByteRecord::new();
        Ok(read_record(&mut self.reader, &mut record)?.then_some(record))
    }

    fn row(&mut self) -> Result<Option<ReadRow>> {
        let Some(record) = self.next.take() else { return Ok(None) };
        self.next = self.read()?;
        let unterminated = self.next.is_none() && self.reader.get_ref().in_quotes();
        let line = record.position().map_or(0, |p| p.line());
        Ok(Some(ReadRow { record, line, unterminated }))
    }

    /// Up to `size` rows or [`BATCH_BYTES`]; None at the end of the file.
    fn batch(&mut self, size: usize) -> Result<Option<Vec<ReadRow>>> {
        let mut rows = Vec::with_capacity(size);
        let mut bytes = 0;
        while rows.len() < size && bytes < BATCH_BYTES {
            match self.row()? {
                Some(row) => {
                    bytes += row.record.as_slice().len();
                    rows.push(row);
                }
                None => break,
            }
        }
        Ok((!rows.is_empty()).then_some(rows))
    }
}

/// Field `index` of a record, without the CR of a CRLF line ending on the last field.
fn field(record: &ByteRecord, index: usize) -> &[u8] {
    let bytes = record.get(index).unwrap_or_default();
    match bytes.strip_suffix(b"\r") {
        Some(stripped) if index + 1 == record.len() => stripped,
        _ => bytes,
    }
}

/// A row with bytes that are not UTF-8, in a file whose start was: the fix is the same as for
/// a file that is not UTF-8 at all.
const NOT_UTF8: &str = "not UTF-8 text (save the file as \"CSV UTF-8\", or name its encoding with --encoding)";
const ENCODING_HINT: &str =
    "save the file as \"CSV UTF-8\" (Excel) or Text CSV with UTF-8 (LibreOffice), or name its encoding with --encoding";

fn csv_error(err: csv::Error) -> Error {
    Error::internal(format!("reading the CSV: {err}"))
}

/// Catches a sku given twice in one file without holding the file's skus in memory. A gig this
/// import created (id above `last_id_before`; the write transaction is ours) is found in gigs
/// itself; the skus of gigs that existed before are remembered, with their line, in a
/// temporary table, which spills to disk. A first import of new gigs never writes to it.
struct SeenSkus {
    last_id_before: i64,
}

// The table is temporary (this connection's own), so the unqualified name is it on both
// engines; SQLite's INTEGER PRIMARY KEY is its rowid, which PostgreSQL spells BIGINT.
const SEEN_SKUS_SQLITE: &str = "
    CREATE TEMP TABLE IF NOT EXISTS import_seen_skus (gig_id INTEGER PRIMARY KEY, line INTEGER NOT NULL);
    DELETE FROM import_seen_skus;";
const SEEN_SKUS_POSTGRES: &str = "
    CREATE TEMP TABLE IF NOT EXISTS import_seen_skus (gig_id BIGINT PRIMARY KEY, line BIGINT NOT NULL);
    DELETE FROM import_seen_skus;";

impl SeenSkus {
    fn start(db: &Db) -> Result<SeenSkus> {
        db.execute_batch(match db.engine() {
            Engine::Sqlite => SEEN_SKUS_SQLITE,
            Engine::Postgres => SEEN_SKUS_POSTGRES,
        })?;
        let last_id_before = db.query_row("SELECT coalesce(max(id), 0) FROM gigs", &[], |r| r.get(0))?;
        Ok(SeenSkus { last_id_before })
    }

    /// The id of the seller's gig with this sku, if any (`found`, as the import's writer knows
    /// it); Err(why) when the row on `line` repeats an earlier row's sku.
    fn existing(
        &self,
        db: &Db,
        found: Found,
        sku: &str,
        line: u64,
    ) -> Result<std::result::Result<Option<i64>, String>> {
        let twice = || format!("sku {} appears twice in the file", excerpt(sku));
        match found {
            Found::Absent => Ok(Ok(None)),
            Found::Pending => Ok(Err(twice())),
            Found::Gig(id) if id > self.last_id_before => Ok(Err(twice())),
            Found::Gig(id) => {
                let first: i64 = db.query_row(
                    "INSERT INTO import_seen_skus (gig_id, line) VALUES (?1, ?2)
                     ON CONFLICT (gig_id) DO UPDATE SET line = import_seen_skus.line
                     RETURNING line",
                    params![id, line as i64],
                    |r| r.get(0),
                )?;
                Ok(if first as u64 == line {
                    Ok(Some(id))
                } else {
                    Err(format!("{} (first on line {first})", twice()))
                })
            }
        }
    }
}

/// Which field of a record holds which column.
struct Header {
    columns: Vec<String>,
    seller: Option<usize>,
    sku: usize,
    title: usize,
    description: Option<usize>,
    category: Option<usize>,
    price: usize,
    delivery_days: usize,
    tags: Option<usize>,
    extras: Option<usize>,
}

impl Header {
    fn parse(record: &ByteRecord) -> Result<Header> {
        let bad = |column: &str, why: String| Error::invalid(format!("line 1, column {column}: {why}"));
        let mut columns: Vec<String> = Vec::with_capacity(record.len());
        for i in 0..record.len() {
            let name = std::str::from_utf8(field(record, i))
                .map_err(|_| bad(&(i + 1).to_string(), "the header is not UTF-8 text".into()).with_hint(ENCODING_HINT))?
                .trim()
                .to_lowercase();
            if !COLUMNS.contains(&name.as_str()) && name != REASON {
                return Err(bad(&excerpt(&name), format!("unknown column; the columns are {}", COLUMNS.join(",")))
                    .with_hint(
                        "a file whose fields are separated by something else than , ; or tab needs --delimiter",
                    ));
            }
            if columns.contains(&name) {
                return Err(bad(&name, "the column appears twice".into()));
            }
            columns.push(name);
        }
        let find = |name: &str| columns.iter().position(|c| c == name);
        for required in REQUIRED {
            if find(required).is_none() {
                return Err(bad(required, format!("required column missing (need {})", REQUIRED.join(","))));
            }
        }
        Ok(Header {
            seller: find("seller"),
            sku: find("sku").unwrap_or_default(),
            title: find("title").unwrap_or_default(),
            description: find("description"),
            category: find("category"),
            price: find("price").unwrap_or_default(),
            delivery_days: find("delivery_days").unwrap_or_default(),
            tags: find("tags"),
            extras: find("extras"),
            columns,
        })
    }

    fn name(&self, index: usize) -> String {
        self.columns.get(index).cloned().unwrap_or_else(|| (index + 1).to_string())
    }
}

/// What one row is written under.
struct Rules<'a> {
    line: u64,
    policy: &'a Policy,
    session: &'a Session,
}

/// The acting user, and (for an admin) the sellers named in a `seller` column.
struct Sellers {
    actor: User,
    known: HashMap<String, std::result::Result<User, String>>,
}

impl Sellers {
    /// The seller a row is for. A non-admin naming someone else stops the whole import (exit 5).
    fn resolve(&mut self, db: &Db, name: &str, line: u64) -> Result<std::result::Result<&User, String>> {
        if name.is_empty() || name == self.actor.username {
            return Ok(Ok(&self.actor));
        }
        if !self.actor.is_admin {
            return Err(Error::forbidden(format!(
                "line {line}, column seller: only an admin may import gigs for another seller ({name}); you are {}",
                self.actor.username
            )));
        }
        if !self.known.contains_key(name) {
            let seller = match users::find(db, name)? {
                None => Err(format!("no user {}", excerpt(name))),
                Some(user) if user.is_suspended() => Err(format!("seller {} is suspended", excerpt(name))),
                Some(user) => Ok(user),
            };
            self.known.insert(name.to_string(), seller);
        }
        Ok(self.known[name].as_ref().map_err(Clone::clone))
    }
}

/// What a worker finds out about a row without the database.
enum Checked {
    /// Wrong field count, not UTF-8, or a quote left open: nothing else is looked at.
    Unreadable(RowError),
    Row(Box<CheckedRow>),
}

struct CheckedRow {
    /// The seller and sku cells, trimmed: the writer resolves and looks them up.
    seller: String,
    sku: String,
    /// The gig, or the first column that does not parse or fails validation.
    gig: std::result::Result<JudgedGig, RowError>,
}

struct JudgedGig {
    input: GigInput,
    /// Moderation's verdict, or the refusal naming the column a blocking rule objects to.
    verdict: std::result::Result<Verdict, RowError>,
    /// What search indexes for the gig, if it is created.
    index: IndexEntry,
}

/// Decodes, validates and judges one record (worker side). The writer reports the outcomes
/// in the order a row was always checked in: unreadable, seller, sku repeated, the gig's
/// fields, unchanged, moderation; the checks that need no database are simply done first.
fn check_row(row: &ReadRow, header: &Header, policy: &Policy, moderation: &RuleSet) -> Checked {
    let (record, line) = (&row.record, row.line);
    let row_error = |index: usize, message: String| RowError { line, column: header.name(index), message };
    if row.unterminated {
        let last = record.len().min(header.columns.len()).max(1) - 1;
        return Checked::Unreadable(row_error(
            last,
            "unterminated quote: the quoted field runs to the end of the file".into(),
        ));
    }
    if record.len() != header.columns.len() {
        let index = record.len().min(header.columns.len());
        let message = format!("{} fields, but the header has {}", record.len(), header.columns.len());
        return Checked::Unreadable(row_error(index, message));
    }
    let mut cells: Vec<&str> = Vec::with_capacity(record.len());
    for i in 0..record.len() {
        match std::str::from_utf8(field(record, i)) {
            Ok(text) => cells.push(unescape_cell(text)),
            Err(_) => return Checked::Unreadable(row_error(i, NOT_UTF8.into())),
        }
    }
    let field_error =
        |f: FieldError| RowError { line, column: f.field.to_string(), message: f.error.message().to_string() };
    let gig = gig_input(header, &cells)
        .map_err(|(index, message)| row_error(index, message))
        .and_then(|input| input.validate(policy).map(|()| input).map_err(field_error))
        .map(|input| {
            let verdict = moderation::judge_gig(moderation, policy, &input).map_err(|error| {
                field_error(FieldError { field: moderation::blocked_field(moderation, policy, &input), error })
            });
            let (title, _, tags) = input.stored_text();
            let index = IndexEntry::learning(title, &input.description, &tags);
            JudgedGig { input, verdict, index }
        });
    Checked::Row(Box::new(CheckedRow {
        seller: header.seller.map_or("", |i| cells[i]).trim().to_string(),
        sku: cells[header.sku].trim().to_string(),
        gig,
    }))
}

/// The gig a row describes, or the column that does not parse.
fn gig_input(header: &Header, cells: &[&str]) -> std::result::Result<GigInput, (usize, String)> {
    let optional = |index: Option<usize>| index.map_or("", |i| cells[i]);
    let price = Money::parse(cells[header.price].trim()).map_err(|e| (header.price, e.message().to_string()))?;
    let days_text = cells[header.delivery_days].trim();
    let delivery_days =
        money::western_digits(days_text).and_then(|days| days.parse::<i64>().ok()).ok_or_else(|| {
            (header.delivery_days, format!("delivery days must be a whole number, got {}", excerpt(days_text)))
        })?;
    let extras = optional(header.extras)
        .split(';')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(ExtraInput::parse)
        .collect::<Result<Vec<_>>>()
        .map_err(|e| (header.extras.unwrap_or_default(), e.message().to_string()))?;
    Ok(GigInput {
        sku: Some(cells[header.sku].trim().to_string()),
        title: cells[header.title].trim().to_string(),
        description: optional(header.description).to_string(),
        category: optional(header.category).trim().to_string(),
        tags: gigs::parse_tags(optional(header.tags)),
        price,
        delivery_days,
        extras,
    })
}

/// The one path every imported gig takes (writer side): its seller resolved, its sku checked
/// for repeats, then created, updated or left alone. Err(RowError) is a bad row; the outer
/// Err stops the import. Checks that gig create/update must pass belong in [`check_row`]
/// (no database) or here.
fn write_row(
    db: &Db,
    checked: Checked,
    rules: &Rules,
    sellers: &mut Sellers,
    seen: &SeenSkus,
    writer: &mut Writer,
) -> Result<std::result::Result<Outcome, RowError>> {
    let line = rules.line;
    let CheckedRow { seller, sku, gig } = match checked {
        Checked::Unreadable(error) => return Ok(Err(error)),
        Checked::Row(row) => *row,
    };
    let seller = match sellers.resolve(db, &seller, line)? {
        Ok(seller) => seller,
        Err(why) => return Ok(Err(RowError { line, column: "seller".into(), message: why })),
    };
    // Most rows are new gigs: a good one is written as such first, and goes on to the lookup of
    // its sku below only when the seller has that sku already (nothing written).
    let gig = match gig {
        Ok(JudgedGig { input, verdict: Ok(verdict), index }) => {
            let new = NewGig { input, verdict, index };
            if writer.create_if_new(db, seller, &new, rules.session, rules.policy)? {
                return Ok(Ok(Outcome::Created));
            }
            Ok(JudgedGig { input: new.input, verdict: Ok(new.verdict), index: new.index })
        }
        other => other,
    };
    let existing = if sku.is_empty() {
        None // the sku column's error comes from validation
    } else {
        match seen.existing(db, writer.find(db, seller.id, &sku)?, &sku, line)? {
            Ok(existing) => existing,
            Err(why) => return Ok(Err(RowError { line, column: "sku".into(), message: why })),
        }
    };
    match gig {
        Ok(gig) => write_gig(db, seller, gig, existing, rules, writer),
        Err(error) => Ok(Err(error)),
    }
}

/// Writes a checked gig: created, updated or left alone. `existing` is the id of the
/// seller's gig with this sku, if there is one. A refusal about the row (a sku another gig
/// took) is a bad row; a failure of the database or the disk is the outer error, which stops
/// the import with nothing written, `--skip-invalid` or not.
fn write_gig(
    db: &Db,
    seller: &User,
    gig: JudgedGig,
    existing: Option<i64>,
    rules: &Rules,
    writer: &mut Writer,
) -> Result<std::result::Result<Outcome, RowError>> {
    let line = rules.line;
    let outcome = (|| -> Result<std::result::Result<Outcome, RowError>> {
        let (policy, session) = (rules.policy, rules.session);
        let current = existing.map(|id| gigs::get(db, id)).transpose()?;
        if current.as_ref().is_some_and(|current| gigs::input_of(current) == gig.input) {
            return Ok(Ok(Outcome::Unchanged));
        }
        let verdict = match gig.verdict {
            Ok(verdict) => verdict,
            Err(refused) => return Ok(Err(refused)),
        };
        let Some(current) = current else {
            writer.create(db, seller, NewGig { input: gig.input, verdict, index: gig.index }, session, policy)?;
            return Ok(Ok(Outcome::Created));
        };
        gigs::overwrite(db, current.id, &gig.input, session.now)?;
        moderation::apply_gig_verdict(db, session, policy, current.id, &gig.input, &verdict)?;
        // the index is written as the gig is, and a failure there stops the import
        writer.updated(current.id)?;
        Ok(Ok(Outcome::Updated))
    })();
    // Only souq's own refusal (a conflict, which no failed statement raises): any error from the
    // database (of whatever kind: a lost privilege is `Forbidden`) has ended a PostgreSQL
    // transaction, and the import with it.
    match outcome {
        Err(error) if error.kind() == ErrorKind::Conflict => {
            Ok(Err(RowError { line, column: "sku".into(), message: error.message().to_string() }))
        }
        other => other,
    }
}

/// The (seller id, sku) pairs a batch's rows name, for the writer to look up at once. The
/// sellers are resolved as the rows will be (a non-admin naming another seller stops the
/// import here as it would there); rows without a seller or a sku are left out.
fn batch_keys<'b>(db: &Db, batch: &'b [(ReadRow, Checked)], sellers: &mut Sellers) -> Result<Vec<(i64, &'b str)>> {
    let mut keys = Vec::with_capacity(batch.len());
    for (row, checked) in batch {
        let Checked::Row(checked) = checked else { continue };
        if checked.sku.is_empty() {
            continue;
        }
        if let Ok(seller) = sellers.resolve(db, &checked.seller, row.line)? {
            keys.push((seller.id, checked.sku.as_str()));
        }
    }
    Ok(keys)
}

/// The bad rows as the file had them, plus a `reason` column, every cell escaped as souq
/// escapes all the CSV it writes: a cell the file had escaped stays as it was, a formula
/// typed raw gets its apostrophe, and either imports back as the same text.
struct Rejects<'a> {
    writer: csv::Writer<&'a mut dyn Write>,
    reason_index: usize,
}

impl<'a> Rejects<'a> {
    fn start(
        mut writer: csv::Writer<&'a mut dyn Write>,
        header_record: &ByteRecord,
        header: &Header,
    ) -> Result<Rejects<'a>> {
        let reason_index = header.columns.iter().position(|c| c == REASON).unwrap_or(header.columns.len());
        let mut first: Vec<&[u8]> = (0..header_record.len()).map(|i| field(header_record, i)).collect();
        if reason_index == header.columns.len() {
            first.push(REASON.as_bytes());
        }
        writer.write_record(first.into_iter().map(escape_bytes)).map_err(write_error)?;
        Ok(Rejects { writer, reason_index })
    }

    fn write(&mut self, record: &ByteRecord, error: &RowError) -> Result<()> {
        let reason = error.to_string();
        let mut row: Vec<&[u8]> = (0..record.len()).map(|i| unescaped(field(record, i))).collect();
        while row.len() < self.reason_index {
            row.push(b"");
        }
        if self.reason_index < row.len() {
            row[self.reason_index] = reason.as_bytes();
        } else {
            row.push(reason.as_bytes());
        }
        self.writer.write_record(row.into_iter().map(escape_bytes)).map_err(write_error)
    }

    fn finish(&mut self) -> Result<()> {
        self.writer.flush().map_err(Error::from)
    }
}

/// A cell without the escape souq's own export added (bytes that are not UTF-8 as they are).
fn unescaped(cell: &[u8]) -> &[u8] {
    std::str::from_utf8(cell).map_or(cell, |text| unescape_cell(text).as_bytes())
}

/// A cell quoted for an error message: escaped, and shorter than elsewhere, since a row's error
/// also names its line, column and the columns there are.
fn excerpt(cell: &str) -> String {
    text::excerpt(cell, 40)
}
