//! `souq gig`: create, change, show and list gigs; import and export them as CSV; search them.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};
use souq::files::{self, Existing};
use souq::gig_csv::{self, ExportFilter, ImportOptions, ImportSummary};
use souq::gigs::{self, ExtraInput, Gig, GigChanges, GigFilter, GigInput};
use souq::levels::{self, GigWithStats};
use souq::policy::Policy;
use souq::search::synonyms::{self, SynonymGroup};
use souq::search::{self, SearchHit, SearchQuery, Sort};
use souq::status::GigStatus;
use souq::Money;

use crate::app::App;
use crate::output::{self, clip, Limit, Tabular};
use crate::table::Fit;
use crate::values;

#[derive(Debug, Subcommand)]
#[command(defer = true)] // see Command in main.rs
pub enum GigCommand {
    /// List a new gig as the acting seller (asks for missing fields on a terminal)
    #[command(
        after_help = "Examples:\n  souq gig create --as layla     # on a terminal: asks for each field\n  souq gig create --as layla --title \"ترجمة احترافية\" --price 15 --days 3 --extra \"Express=10+0d\""
    )]
    Create(CreateArgs),
    /// Change a gig (its seller or an admin); only the given fields change
    Update(UpdateArgs),
    /// Show one gig with its extras and its seller's stats
    Show {
        /// The gig
        id: i64,
    },
    /// List gigs
    #[command(
        after_help = "Examples:\n  souq gig list --status active --max-price 50\n  souq gig list --seller layla -o json\n  souq gig list --all -o wide"
    )]
    List(ListArgs),
    /// Take an active gig off the market for a while
    Pause {
        /// The gig
        id: i64,
    },
    /// Put a paused gig back on the market
    Resume {
        /// The gig
        id: i64,
    },
    /// Create or update your gigs from a CSV file (all or nothing unless --skip-invalid)
    ///
    /// Columns (header required, any order and case): sku, title, price, delivery_days and
    /// optionally description, category, tags ("a; b" or "a, b"), extras
    /// ("Title=PRICE+DAYSd; Title=PRICE+DAYSd") and seller (an admin imports for many sellers).
    /// Rows are matched to your gigs by sku: created, updated or unchanged. A cell that
    /// `gig export` escaped with a leading apostrophe is read back without it.
    ///
    /// Reads what spreadsheets save: UTF-8 (with or without a byte order mark), UTF-16 with one
    /// (Excel's "Unicode text"), and Excel's plain "CSV" from an Arabic Windows (Windows-1256,
    /// `;`); the separator (`,` `;` tab) comes from the header. Prices and days may be written
    /// in Arabic-Indic or Persian digits with ٫ and ٬ (٢٥٫٥٠, 1٬250).
    #[command(
        after_help = "Examples:\n  souq --as layla gig import gigs.csv --dry-run\n  souq --as layla gig import gigs.csv --skip-invalid --rejects bad.csv\n  souq --as admin gig import all-sellers.csv"
    )]
    Import(ImportArgs),
    /// Write gigs as CSV in the columns `gig import` reads
    ///
    /// Cells a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
    /// leading apostrophe, which `gig import` removes again: export then import changes nothing.
    /// For Excel, add --excel (UTF-8 with a byte order mark, CRLF), and --delimiter ";" where
    /// Excel's locale separates lists with `;` (Arabic, most of Europe).
    Export(ExportArgs),
    /// Find active gigs by words in their title, tags and description, best match first
    ///
    /// Arabic spellings match each other (أ/إ/آ/ا, ة/ه, ى/ي, harakat, tatweel, Arabic-Indic
    /// digits); plurals, attached particles and possessives, broken plurals and words of the
    /// same root match ("شعاراتي" finds "شعار", "متاجر" finds "متجر"), as do English word forms
    /// ("designing" finds "design"), the last word as a prefix ("ترج"), typos in words of 5
    /// letters or more, loan-word spellings (انستقرام, انستغرام), words written apart or
    /// together, and the operator's synonyms. Closer matches come first.
    /// Off a terminal it prints the best 20 unless --limit or --all says otherwise.
    #[command(
        after_help = "Examples:\n  souq gig search \"ترجمه انجليزي\" --max-price 50\n  souq gig search logo --sort price --limit 5"
    )]
    Search(SearchArgs),
    /// The search synonyms: groups of words buyers type for the same thing
    #[command(subcommand)]
    Synonyms(SynonymsCommand),
}

#[derive(Debug, Subcommand)]
#[command(defer = true)] // see Command in main.rs
pub enum SynonymsCommand {
    /// Replace the synonym list with a YAML file (admin)
    ///
    /// The file reads `synonyms: [[لوجو, شعار, logo], [cv, resume, سيرة ذاتية]]`: each group
    /// lists words or phrases that mean the same; a search for one finds the others.
    Import {
        /// The YAML file, or - for stdin
        file: PathBuf,
    },
    /// Print the synonym list as YAML that `gig synonyms import` reads back
    Export,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file, or - for stdin
    file: PathBuf,
    /// Check every row and report what would happen, writing nothing
    #[arg(long)]
    dry_run: bool,
    /// Import the good rows even when some are bad
    #[arg(long)]
    skip_invalid: bool,
    /// Write the bad rows, with a reason column, to this CSV file (created 0600; never the input)
    #[arg(long, value_name = "FILE")]
    rejects: Option<PathBuf>,
    /// Replace the --rejects file if it exists
    #[arg(long, requires = "rejects")]
    force: bool,
    /// The file's encoding (utf-8, windows-1256, utf-16le, utf-16be, iso-8859-6 ...); by default
    /// a byte order mark decides, else UTF-8, else Windows-1256 if the bytes read as Arabic
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    encoding: Option<&'static souq::gig_csv::Encoding>,
}

/// `--encoding`: any label of the WHATWG Encoding Standard.
fn parse_encoding(label: &str) -> std::result::Result<&'static souq::gig_csv::Encoding, String> {
    gig_csv::encoding_named(label).map_err(|e| e.message().to_string())
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Only this seller's gigs
    #[arg(long, value_name = "USER")]
    seller: Option<String>,
    /// Only gigs in this status
    #[arg(long, value_parser = values::one_of(GigStatus::ALL, GigStatus::as_str))]
    status: Option<GigStatus>,
    /// Write to this file instead of stdout (created 0600, in place only once complete)
    #[arg(long, value_name = "PATH")]
    file: Option<PathBuf>,
    /// Replace the --file if it exists
    #[arg(long, requires = "file")]
    force: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The words to look for
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    query: Vec<String>,
    /// Only gigs in this category
    #[arg(long)]
    category: Option<String>,
    /// Only gigs costing at least this much, e.g. 10 or 12.50
    #[arg(long, value_parser = Money::parse, value_name = "AMOUNT")]
    min_price: Option<Money>,
    /// Only gigs costing at most this much
    #[arg(long, value_parser = Money::parse, value_name = "AMOUNT")]
    max_price: Option<Money>,
    /// Order of the results
    #[arg(long, value_enum, default_value = "relevance")]
    sort: SortArg,
    #[command(flatten)]
    limit: Limit,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SortArg {
    /// Best match first
    Relevance,
    /// Cheapest first
    Price,
    /// Most recently listed first
    Newest,
}

impl From<SortArg> for Sort {
    fn from(sort: SortArg) -> Sort {
        match sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Price => Sort::Price,
            SortArg::Newest => Sort::Newest,
        }
    }
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// What the buyer gets, 1-120 characters
    #[arg(long)]
    title: Option<String>,
    /// Price, e.g. 25 or 25.50
    #[arg(long, value_parser = Money::parse, allow_hyphen_values = true)]
    price: Option<Money>,
    /// Delivery days, 1-90
    #[arg(long)]
    days: Option<i64>,
    /// The category buyers browse by
    #[arg(long)]
    category: Option<String>,
    /// The full description
    #[arg(long)]
    description: Option<String>,
    /// Tags separated by commas
    #[arg(long)]
    tags: Option<String>,
    /// Your own key for the gig (default gig-ID)
    #[arg(long)]
    sku: Option<String>,
    /// A paid add-on, "Title=PRICE+DAYSd" (repeatable)
    #[arg(long = "extra", value_parser = ExtraInput::parse, value_name = "EXTRA", allow_hyphen_values = true)]
    extras: Vec<ExtraInput>,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The gig
    id: i64,
    /// A new title, 1-120 characters
    #[arg(long)]
    title: Option<String>,
    /// A new price, e.g. 25 or 25.50
    #[arg(long, value_parser = Money::parse, allow_hyphen_values = true)]
    price: Option<Money>,
    /// New delivery days, 1-90
    #[arg(long)]
    days: Option<i64>,
    /// A new category
    #[arg(long)]
    category: Option<String>,
    /// A new description
    #[arg(long)]
    description: Option<String>,
    /// New tags separated by commas (replacing the old ones)
    #[arg(long)]
    tags: Option<String>,
    /// A new key of your own for the gig
    #[arg(long)]
    sku: Option<String>,
    /// Replace the extras with these ("Title=PRICE+DAYSd", repeatable)
    #[arg(long = "extra", value_parser = ExtraInput::parse, value_name = "EXTRA", allow_hyphen_values = true)]
    extras: Vec<ExtraInput>,
    /// Remove every extra
    #[arg(long, conflicts_with = "extras")]
    no_extras: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this seller's gigs
    #[arg(long, value_name = "USER")]
    seller: Option<String>,
    /// Only gigs in this category
    #[arg(long)]
    category: Option<String>,
    /// Only gigs in this status
    #[arg(long, value_parser = values::one_of(GigStatus::ALL, GigStatus::as_str))]
    status: Option<GigStatus>,
    /// Only gigs costing at least this much, e.g. 10 or 12.50
    #[arg(long, value_parser = Money::parse, allow_hyphen_values = true, value_name = "AMOUNT")]
    min_price: Option<Money>,
    /// Only gigs costing at most this much
    #[arg(long, value_parser = Money::parse, allow_hyphen_values = true, value_name = "AMOUNT")]
    max_price: Option<Money>,
    #[command(flatten)]
    limit: Limit,
    /// Skip the first N gigs (with --limit, to page through)
    #[arg(long, default_value_t = 0, value_name = "N")]
    offset: i64,
}

impl Tabular for Gig {
    fn headers() -> Vec<&'static str> {
        vec![
            "id",
            "seller",
            "sku",
            "title",
            "category",
            "tags",
            "price_cents",
            "delivery_days",
            "status",
            "extras",
            "updated_at",
        ]
    }
    fn row(&self) -> Vec<String> {
        let extras: Vec<String> = self
            .extras
            .iter()
            .map(|e| format!("#{} {} +{} +{}d", e.id, e.title, e.price_cents, e.extra_days))
            .collect();
        vec![
            self.id.to_string(),
            self.seller.clone(),
            self.sku.clone(),
            clip(&self.title, 60),
            self.category.clone(),
            self.tags.join(", "),
            self.price_cents.to_string(),
            self.delivery_days.to_string(),
            self.status.to_string(),
            extras.join("\n"),
            self.updated_at.to_string(),
        ]
    }
    fn fit() -> Fit {
        Fit::List {
            cut: &["title", "tags", "category", "extras", "sku"],
            drop: &["extras", "tags", "updated_at", "sku", "category", "delivery_days", "seller"],
        }
    }
}

impl Tabular for GigWithStats {
    fn headers() -> Vec<&'static str> {
        let mut headers = Gig::headers();
        headers.push("seller_level");
        headers.extend(crate::user::stats_headers());
        headers
    }
    fn row(&self) -> Vec<String> {
        let mut row = self.gig.row();
        row.push(self.stats.level.clone());
        row.extend(crate::user::stats_row(&self.stats));
        row
    }
}

impl Tabular for ImportSummary {
    fn headers() -> Vec<&'static str> {
        vec!["rows", "created", "updated", "unchanged", "invalid", "errors"]
    }
    fn row(&self) -> Vec<String> {
        let errors: Vec<String> = self.errors.iter().map(ToString::to_string).collect();
        vec![
            self.rows.to_string(),
            self.created.to_string(),
            self.updated.to_string(),
            self.unchanged.to_string(),
            self.invalid.to_string(),
            errors.join("\n"),
        ]
    }
    fn fit() -> Fit {
        Fit::List { cut: &["errors"], drop: &[] }
    }
}

impl Tabular for SynonymGroup {
    fn headers() -> Vec<&'static str> {
        vec!["group", "phrases"]
    }
    fn row(&self) -> Vec<String> {
        vec![self.group.to_string(), self.phrases.join(", ")]
    }
}

impl Tabular for SearchHit {
    fn headers() -> Vec<&'static str> {
        vec!["id", "title", "seller", "price_cents", "delivery_days", "category", "snippet"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.gig.id.to_string(),
            clip(&self.gig.title, 50),
            self.gig.seller.clone(),
            self.gig.price_cents.to_string(),
            self.gig.delivery_days.to_string(),
            self.gig.category.clone(),
            self.snippet.clone(),
        ]
    }
    fn fit() -> Fit {
        Fit::List { cut: &["title", "snippet", "category"], drop: &["snippet", "category", "delivery_days"] }
    }
}

pub fn run(app: &App, command: GigCommand) -> Result<()> {
    let mut store = app.open()?;
    let session = app.session();
    match command {
        GigCommand::Create(args) => {
            let input = create_input(app, &souq::policy::load(store.db())?, args)?;
            souq::moderation::prepare(store.db())?;
            let gig = store.write(|tx| gigs::create(tx, &session, &input))?;
            output::one(app, &gig)
        }
        GigCommand::Update(args) => {
            let id = args.id;
            let changes = update_changes(args);
            souq::moderation::prepare(store.db())?;
            let gig = store.write(|tx| gigs::update(tx, &session, id, changes))?;
            output::one(app, &gig)
        }
        GigCommand::Show { id } => output::one(app, &levels::gig_with_stats(store.db(), id)?),
        GigCommand::List(args) => {
            let rows = args.limit.rows(None);
            let filter = GigFilter {
                seller: args.seller,
                category: args.category,
                status: args.status,
                min_price: args.min_price,
                max_price: args.max_price,
                limit: rows.map(|n| n as i64),
                offset: args.offset,
            };
            let found = gigs::list(store.db(), &filter)?;
            output::list(app, &found)?;
            if rows == Some(found.len()) {
                let total = gigs::count(store.db(), &filter)?;
                output::note_more(app, Some(total.saturating_sub(args.offset.max(0) as u64 + found.len() as u64)));
            }
            Ok(())
        }
        GigCommand::Pause { id } => output::one(app, &store.write(|tx| gigs::set_paused(tx, &session, id, true))?),
        GigCommand::Resume { id } => output::one(app, &store.write(|tx| gigs::set_paused(tx, &session, id, false))?),
        GigCommand::Import(args) => import(app, &mut store, &session, args),
        GigCommand::Export(args) => export(app, &store, args),
        GigCommand::Synonyms(SynonymsCommand::Import { file }) => {
            let yaml = crate::read_yaml(&file)?;
            let label = file.display().to_string();
            output::list(app, &store.write(|tx| synonyms::import(tx, &session, &label, &yaml))?)
        }
        GigCommand::Synonyms(SynonymsCommand::Export) => output::text(&synonyms::export(store.db())?),
        GigCommand::Search(args) => {
            // one hit past the limit tells whether there are more, without ranking every match
            let rows = args.limit.rows(Some(SEARCH_LIMIT));
            let query = SearchQuery {
                text: args.query.join(" "),
                category: args.category,
                min_price: args.min_price,
                max_price: args.max_price,
                sort: args.sort.into(),
                limit: rows.map_or(i64::MAX, |n| n as i64 + 1),
            };
            let mut hits = search::search(store.db(), &query)?;
            let more = rows.is_some_and(|n| hits.len() > n);
            hits.truncate(rows.unwrap_or(usize::MAX));
            output::list(app, &hits)?;
            if more {
                output::note_more(app, None);
            }
            Ok(())
        }
    }
}

/// Results `gig search` prints off a terminal without --limit (as before --all existed).
const SEARCH_LIMIT: usize = 20;

/// Bad rows listed on stderr; the JSON summary keeps up to gig_csv::MAX_KEPT_ERRORS.
const SHOW_ERRORS: usize = 20;

fn import(app: &App, store: &mut souq::Store, session: &souq::Session, args: ImportArgs) -> Result<()> {
    if let Some(rejects) = &args.rejects {
        refuse_rejects_over_input(&args.file, rejects)?;
    }
    // the bar counts the file's bytes as read, before decoding
    let (bar, raw) = crate::progress::reading(app, &args.file, crate::open_input(&args.file)?);
    let source = gig_csv::Input::open(raw, args.encoding, app.delimiter)?;
    if let Some(assumed) = source.assumption() {
        app.note(format!("note: {assumed}; --encoding, --delimiter to say otherwise"));
    }
    let mut rejects = match &args.rejects {
        Some(path) => Some(io::BufWriter::new(files::create(path, Existing::replace_if(args.force))?)),
        None => None,
    };
    let options = ImportOptions { dry_run: args.dry_run, skip_invalid: args.skip_invalid, excel_rejects: app.excel };
    let summary =
        gig_csv::import(store, session, source, options, rejects.as_mut().map(|w| w as &mut dyn Write), &mut |rows| {
            bar.set_message(format!("{rows} rows"))
        })?;
    bar.finish_and_clear();
    if let Some(rejects) = rejects {
        rejects.into_inner().map_err(|e| souq::Error::internal(e.error()))?.finish()?;
    }
    if !app.format.is_table() {
        output::one(app, &summary)?;
    }
    if let Some(refusal) = summary.refusal(SHOW_ERRORS) {
        return Err(refusal.into());
    }
    let what = if args.dry_run { "dry run, nothing written" } else { "imported" };
    app.note(format!(
        "{what}: {} rows, {} created, {} updated, {} unchanged, {} invalid",
        summary.rows, summary.created, summary.updated, summary.unchanged, summary.invalid
    ));
    for error in summary.errors.iter().take(SHOW_ERRORS) {
        app.note(format!("  skipped {error}"));
    }
    if summary.invalid > SHOW_ERRORS as u64 {
        app.note(format!("  ... and {} more", summary.invalid - SHOW_ERRORS as u64));
    }
    Ok(())
}

fn export(app: &App, store: &souq::Store, args: ExportArgs) -> Result<()> {
    let filter = ExportFilter { seller: args.seller, status: args.status };
    let count = match &args.file {
        Some(path) => {
            let mut out = io::BufWriter::new(files::create(path, Existing::replace_if(args.force))?);
            let count = gig_csv::export(store.db(), &filter, app.csv_style(), &mut out)?;
            out.into_inner().map_err(|e| souq::Error::internal(e.error()))?.finish()?;
            count
        }
        None => {
            let mut out = ClosedPipe { inner: io::stdout().lock(), closed: false };
            match gig_csv::export(store.db(), &filter, app.csv_style(), &mut out) {
                Err(_) if out.closed => return Ok(()),
                result => result?,
            }
        }
    };
    app.note(format!("exported {count} gig(s)"));
    Ok(())
}

/// `--rejects` naming the input (by any path: a symlink, a hard link, `-` redirected from it)
/// would overwrite the file being read: refused before either is opened.
fn refuse_rejects_over_input(input: &std::path::Path, rejects: &std::path::Path) -> Result<()> {
    let input_meta = if input.as_os_str() == "-" {
        use std::os::fd::AsFd;
        std::io::stdin().as_fd().try_clone_to_owned().map(std::fs::File::from).and_then(|f| f.metadata())
    } else {
        std::fs::metadata(input)
    };
    match input_meta {
        Ok(meta) if files::same_file(&meta, rejects) => Err(souq::Error::usage(format!(
            "--rejects {} is the file being imported; it would be overwritten",
            rejects.display()
        ))
        .with_hint("write the rejects to another file")
        .into()),
        _ => Ok(()),
    }
}

/// Remembers that the reader of stdout went away, so `gig export | head` ends quietly with
/// exit 0 (the library reports the failed write without its io::Error).
struct ClosedPipe<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> Write for ClosedPipe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).inspect_err(|e| self.closed |= e.kind() == io::ErrorKind::BrokenPipe)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().inspect_err(|e| self.closed |= e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// The gig `gig create` makes. With title, price and days all given, the flags alone; off a
/// terminal a missing one is a usage error naming the flag, never a prompt that hangs a
/// script. On a terminal a seller who left one out is asked for every field no flag gave,
/// each answer checked at its prompt by the library's own validation against the policy
/// (a price under min_gig_price is refused there, not after the last question) and asked
/// again until it passes.
fn create_input(app: &App, policy: &Policy, args: CreateArgs) -> Result<GigInput> {
    let mut draft = GigInput {
        sku: args.sku.clone(),
        // stand-ins that pass validation until the seller's answer replaces them
        title: args.title.clone().unwrap_or_else(|| "-".into()),
        description: args.description.clone().unwrap_or_default(),
        category: args.category.clone().unwrap_or_default(),
        tags: gigs::parse_tags(args.tags.as_deref().unwrap_or_default()),
        price: args.price.unwrap_or(policy.min_gig_price),
        delivery_days: args.days.unwrap_or(*gigs::DELIVERY_DAYS.start()),
        extras: args.extras.clone(),
    };
    let missing: Vec<&str> =
        [("--title", args.title.is_none()), ("--price", args.price.is_none()), ("--days", args.days.is_none())]
            .into_iter()
            .filter_map(|(flag, missing)| missing.then_some(flag))
            .collect();
    if missing.is_empty() {
        return Ok(draft);
    }
    if !app.can_prompt() {
        // every missing flag at once (and --as, which no prompt asks for), so that a script is
        // fixed in one go, not one flag per run
        let unasked = app.actor.is_none().then_some("--as");
        let all: Vec<&str> = unasked.into_iter().chain(missing.iter().copied()).collect();
        return Err(souq::Error::usage(format!("missing {}", all.join(", ")))
            .with_hint("pass them, or run on a terminal to be asked for the gig's fields")
            .into());
    }
    crate::terminal::exit_130_on_interrupt();
    let range = format!("{} to {}", policy.min_gig_price, policy.max_gig_price);
    if args.title.is_none() {
        ask(policy, &mut draft, "title", "Title (what the buyer gets)", false, |gig, answer| {
            gig.title = answer.to_string();
            Ok(())
        })?;
    }
    if args.price.is_none() {
        ask(policy, &mut draft, "price", &format!("Price ({range})"), false, |gig, answer| {
            gig.price = Money::parse(answer)?;
            Ok(())
        })?;
    }
    if args.days.is_none() {
        ask(policy, &mut draft, "delivery_days", "Delivery days (1-90)", false, |gig, answer| {
            gig.delivery_days =
                answer.parse().map_err(|_| souq::Error::invalid("delivery days: a whole number from 1 to 90"))?;
            Ok(())
        })?;
    }
    if args.category.is_none() {
        ask(policy, &mut draft, "category", "Category (Enter for none)", true, |gig, answer| {
            gig.category = answer.to_string();
            Ok(())
        })?;
    }
    if args.tags.is_none() {
        ask(policy, &mut draft, "tags", "Tags, separated by commas (Enter for none)", true, |gig, answer| {
            gig.tags = gigs::parse_tags(answer);
            Ok(())
        })?;
    }
    if args.description.is_none() {
        ask(policy, &mut draft, "description", "Description (Enter for none)", true, |gig, answer| {
            gig.description = answer.to_string();
            Ok(())
        })?;
    }
    if args.sku.is_none() {
        ask(policy, &mut draft, "sku", "Your key for the gig (Enter for gig-ID)", true, |gig, answer| {
            gig.sku = Some(answer.to_string()).filter(|sku| !sku.is_empty());
            Ok(())
        })?;
    }
    while args.extras.is_empty() && draft.extras.len() < gigs::MAX_EXTRAS {
        let before = draft.extras.len();
        let prompt = format!("Extra {}: Title=PRICE+DAYSd, e.g. Express=10+0d (Enter when done)", before + 1);
        ask(policy, &mut draft, "extras", &prompt, true, |gig, answer| {
            if !answer.is_empty() {
                gig.extras.push(ExtraInput::parse(answer)?);
            }
            Ok(())
        })?;
        if draft.extras.len() == before {
            break;
        }
    }
    Ok(draft)
}

/// Asks for one field until `apply` takes the answer and the gig passes validation at `field`
/// (fields asked later still hold valid stand-ins, so only this answer can fail).
fn ask(
    policy: &Policy,
    draft: &mut GigInput,
    field: &str,
    prompt: &str,
    optional: bool,
    apply: impl Fn(&mut GigInput, &str) -> souq::Result<()>,
) -> Result<()> {
    let check = |answer: &String| -> Result<(), String> {
        let mut trial = draft.clone();
        apply(&mut trial, answer.trim()).map_err(|e| e.message().to_string())?;
        match trial.validate(policy) {
            Err(refused) if refused.field == field => Err(refused.error.message().to_string()),
            _ => Ok(()),
        }
    };
    let answer: String =
        dialoguer::Input::new().with_prompt(prompt).allow_empty(optional).validate_with(check).interact_text()?;
    Ok(apply(draft, answer.trim())?)
}

fn update_changes(args: UpdateArgs) -> GigChanges {
    let extras = if args.no_extras {
        Some(Vec::new())
    } else if args.extras.is_empty() {
        None
    } else {
        Some(args.extras)
    };
    GigChanges {
        sku: args.sku,
        title: args.title,
        description: args.description,
        category: args.category,
        tags: args.tags.as_deref().map(gigs::parse_tags),
        price: args.price,
        delivery_days: args.days,
        extras,
    }
}
