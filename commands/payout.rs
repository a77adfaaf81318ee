//! `souq payout`: batch payouts to sellers — run a batch, export the provider file, reconcile
//! the provider's results, list and show batches.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;
use souq::files;
use souq::payouts::export::{self, part_path};
use souq::payouts::reconcile::{self, ReconcileSummary};
use souq::payouts::run::{self, RunRequest, RunSummary};
use souq::payouts::{self, Batch, Item};
use souq::Money;

use crate::app::App;
use crate::output::{self, opt, Limit, Tabular};
use crate::table::Fit;
use crate::values::PayoutMethodArg;

#[derive(Debug, Subcommand)]
#[command(defer = true)] // see Command in main.rs
pub enum PayoutCommand {
    /// Pay every eligible seller's available balance into a new batch (admin)
    #[command(
        after_help = "Examples:\n  souq payout run --key 2026-03-01 --method paypal --as admin\n  souq payout run --key 2026-03-01 --dry-run --as admin\n  souq payout run --key nightly-$(date +%F) --yes --as admin   # from cron"
    )]
    Run(RunArgs),
    /// List payout batches, newest first
    List {
        #[command(flatten)]
        limit: Limit,
    },
    /// Show one batch, or its items with --items
    Show {
        /// The batch
        batch: i64,
        /// List the batch's items (seller, account, amount, status, provider ids)
        #[arg(long)]
        items: bool,
        /// With --items: at most N items, or --all
        #[command(flatten)]
        limit: Limit,
    },
    /// Write the provider's bulk-payout file for a batch (admin)
    ///
    /// A batch made with --method paypal gives the PayPal Payouts CSV (no header, at most 5,000
    /// rows a file: PATH-001.csv, PATH-002.csv ... when there are more); any other batch gives
    /// one CSV with a header. The bytes are the same every time.
    Export {
        /// The batch
        batch: i64,
        /// Write here instead of stdout (needed when the export is split into several files;
        /// created 0600, each in place only once complete)
        #[arg(long, value_name = "PATH")]
        file: Option<PathBuf>,
        /// Replace the files if they exist
        #[arg(long, requires = "file")]
        force: bool,
    },
    /// Apply a provider's result file to a batch (admin)
    ///
    /// FILE is a CSV whose header names item_id and status (any order or case) and optionally
    /// provider_ref; `-` reads stdin. The same file twice changes nothing.
    Reconcile {
        /// The batch
        batch: i64,
        /// The provider's result CSV, or - for stdin
        file: PathBuf,
        /// Report what the file would do and change nothing
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Names this run: the same key again returns the same batch and pays nobody twice
    #[arg(long)]
    key: String,
    /// Pay only sellers paid by this method
    #[arg(long, value_enum)]
    method: Option<PayoutMethodArg>,
    /// Smallest available balance to pay (default: the min_payout setting)
    #[arg(long, value_parser = Money::parse, value_name = "AMOUNT")]
    min: Option<Money>,
    /// Show the batch that would be made and change nothing
    #[arg(long)]
    dry_run: bool,
}

impl Tabular for Batch {
    fn headers() -> Vec<&'static str> {
        vec!["id", "key", "status", "method", "min_cents", "items_count", "total_cents", "created_at"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.key.clone(),
            self.status.clone(),
            self.method.map_or_else(|| "any".to_string(), |m| m.to_string()),
            self.min_cents.to_string(),
            self.items_count.to_string(),
            self.total_cents.to_string(),
            self.created_at.to_string(),
        ]
    }
    fn fit() -> Fit {
        Fit::List { cut: &[], drop: &["min", "created_at", "method"] }
    }
}

impl Tabular for RunSummary {
    fn headers() -> Vec<&'static str> {
        let mut headers = Batch::headers();
        headers.extend(["replayed", "held"]);
        headers
    }
    fn row(&self) -> Vec<String> {
        let mut row = match &self.batch {
            Some(batch) => batch.row(),
            None => vec![String::new(); Batch::headers().len()],
        };
        // A table is for people: the first few held sellers, the rest counted (JSON lists all).
        let mut held: Vec<String> = self.held.iter().take(10).map(|h| format!("{} ({})", h.seller, h.reason)).collect();
        if self.held.len() > held.len() {
            held.push(format!("and {} more", self.held.len() - held.len()));
        }
        row.push(output::replayed_cell(self.replayed));
        row.push(held.join("\n"));
        row
    }
}

impl Tabular for Item {
    fn headers() -> Vec<&'static str> {
        vec![
            "id",
            "item_ref",
            "seller",
            "method",
            "account",
            "amount_cents",
            "status",
            "provider_status",
            "provider_ref",
        ]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.item_ref.clone(),
            self.seller.clone(),
            self.method.to_string(),
            self.account.clone(),
            self.amount_cents.to_string(),
            self.status.as_str().to_string(),
            opt(&self.provider_status),
            opt(&self.provider_ref),
        ]
    }
    fn fit() -> Fit {
        Fit::List { cut: &["account"], drop: &["provider_ref", "provider_status", "method", "item_ref"] }
    }
}

impl Tabular for ReconcileSummary {
    fn headers() -> Vec<&'static str> {
        vec!["rows", "succeeded", "failed", "pending", "unmatched", "already_applied", "refused", "replayed"]
    }
    fn row(&self) -> Vec<String> {
        let mut row: Vec<String> =
            [self.rows, self.succeeded, self.failed, self.pending, self.unmatched, self.already_applied, self.refused]
                .iter()
                .map(ToString::to_string)
                .collect();
        row.push(output::replayed_cell(self.replayed));
        row
    }
}

/// One file `payout export --file` wrote.
#[derive(Debug, Serialize)]
struct ExportedFile {
    file: String,
    rows: usize,
    total_cents: Money,
}

impl Tabular for ExportedFile {
    fn headers() -> Vec<&'static str> {
        vec!["file", "rows", "total_cents"]
    }
    fn row(&self) -> Vec<String> {
        vec![self.file.clone(), self.rows.to_string(), self.total_cents.to_string()]
    }
}

pub fn run(app: &App, command: PayoutCommand) -> Result<()> {
    let mut store = app.open()?;
    let session = app.session();
    match command {
        PayoutCommand::Run(args) => run_batch(app, &mut store, args),
        PayoutCommand::List { limit } => output::list_limited(app, payouts::list_batches(store.db())?, limit),
        PayoutCommand::Show { batch, items: false, .. } => output::one(app, &payouts::get_batch(store.db(), batch)?),
        PayoutCommand::Show { batch, items: true, limit } => {
            let viewer = souq::users::viewer(store.db(), &session)?;
            let items: Vec<Item> =
                payouts::items_of(store.db(), batch)?.into_iter().map(|i| i.seen_by(&viewer)).collect();
            output::list_limited(app, items, limit)
        }
        PayoutCommand::Export { batch, file, force } => export_batch(app, &store, batch, file, force),
        PayoutCommand::Reconcile { batch, file, dry_run } => {
            let input = crate::open_input(&file)?;
            let summary = store.write_or_preview(!dry_run, |tx| reconcile::reconcile(tx, &session, batch, input))?;
            for problem in &summary.problems {
                app.note(format!("line {}: {}: {}", problem.line, problem.item_ref, problem.message));
            }
            if dry_run {
                app.note("dry run: nothing was changed");
            }
            output::note_replayed(app, summary.replayed, "every row of this file");
            output::one(app, &summary)
        }
    }
}

/// Plans the batch, asks the operator (count and total) unless nothing would move, then makes
/// it; the write re-plans under the lock and refuses if the plan changed in between.
fn run_batch(app: &App, store: &mut souq::Store, args: RunArgs) -> Result<()> {
    let session = app.session();
    let request = RunRequest { key: args.key, method: args.method.map(Into::into), min: args.min };
    if args.dry_run {
        let summary = store.preview(|tx| run::run(tx, &session, &request, None, &mut |_, _| {}))?;
        app.note("dry run: nothing was paid");
        return output::one(app, &summary);
    }
    let plan = store.preview(|tx| run::plan(tx, &session, &request))?;
    if plan.existing.is_none() && !plan.payees.is_empty() {
        let question = format!(
            "Pay {} seller(s) {} {} in payout batch {:?}{}?",
            plan.payees.len(),
            plan.total()?,
            souq::policy::load(store.db())?.currency,
            request.key,
            if plan.held.is_empty() { String::new() } else { format!(" ({} held)", plan.held.len()) }
        );
        app.confirm(&question, "nothing was paid")?;
    }
    let bar = app.show_progress().then(|| indicatif::ProgressBar::new(plan.payees.len() as u64));
    let summary = store.write(|tx| {
        run::run(tx, &session, &request, Some(&plan), &mut |done, _| {
            if let Some(bar) = &bar {
                bar.set_position(done);
            }
        })
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    match &summary.batch {
        Some(batch) if summary.replayed => {
            app.note(format!("payout key {:?} was used before: this is batch {}; nothing moved", batch.key, batch.id))
        }
        Some(_) => {}
        None => app.note(format!(
            "nobody was eligible (at least {} available{}): nothing was recorded; key {:?} is still free",
            plan.min,
            request.method.map(|m| format!(", paid by {m}")).unwrap_or_default(),
            request.key
        )),
    }
    if summary.batch.is_none() && app.format.is_table() {
        return Ok(()); // a table of empty cells would say less than the note above
    }
    output::one(app, &summary)
}

/// Writes the provider file to stdout, or to --file (split into numbered files past 5,000
/// PayPal rows) and lists the files written.
fn export_batch(app: &App, store: &souq::Store, batch: i64, file: Option<PathBuf>, force: bool) -> Result<()> {
    let parts = export::export(store.db(), &app.session(), batch)?;
    let Some(base) = file else {
        if parts.len() > 1 {
            return Err(souq::Error::usage(format!(
                "batch {batch} exports as {} files; pass --file PATH to write them",
                parts.len()
            ))
            .into());
        }
        let mut out = std::io::stdout().lock();
        out.write_all(&parts[0].bytes)?;
        return Ok(out.flush()?);
    };
    let paths: Vec<PathBuf> = (1..=parts.len()).map(|n| part_path(&base, n, parts.len())).collect();
    if !force {
        // all of them before any: a second file in the way leaves no first one written
        paths.iter().try_for_each(|path| files::refuse_existing(path))?;
    }
    let mut written = Vec::with_capacity(parts.len());
    for (part, path) in parts.iter().zip(paths) {
        files::write(&path, &part.bytes, files::Existing::replace_if(force))?;
        written.push(ExportedFile { file: path.display().to_string(), rows: part.rows, total_cents: part.total });
    }
    output::list(app, &written)
}
