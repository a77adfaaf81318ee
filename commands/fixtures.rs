//! `souq fixtures FILE.yaml`: a marketplace built from a declarative file in one transaction, and
//! the walkthrough printer `souq demo` shares with it.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use souq::db::Db;
use souq::fixtures::{self, Fixture, Seen, Summary, View};
use souq::gigs::GigFilter;
use souq::payouts::{self, export};
use souq::reports::{self, Period, SalesFilter};
use souq::store::{Location, Store};
use souq::{audit, disputes, moderation, orders, users, wallet, Session};

use crate::app::App;
use crate::output::{self, Tabular};

#[derive(Debug, Args)]
pub struct FixturesArgs {
    /// The fixture file (YAML), or - for stdin; examples/demo.yaml shows every kind of step
    #[arg(value_name = "FILE.yaml")]
    file: PathBuf,

    /// Run every step and report what it would make, then keep nothing (the database must exist)
    #[arg(long)]
    dry_run: bool,

    /// Print the file's `say:` and `show:` steps as they run, as `souq demo` does
    #[arg(long)]
    walkthrough: bool,
}

impl Tabular for Summary {
    fn headers() -> Vec<&'static str> {
        vec![
            "steps_count",
            "users_count",
            "deposits_count",
            "gigs_count",
            "orders_count",
            "messages_count",
            "deliveries_count",
            "reviews_count",
            "cancellations_count",
            "disputes_count",
            "ticks_count",
            "payout_batches_count",
            "refused_count",
            "started_at",
            "ended_at",
            "dry_run",
        ]
    }
    fn row(&self) -> Vec<String> {
        let counts = [
            self.steps_count,
            self.users_count,
            self.deposits_count,
            self.gigs_count,
            self.orders_count,
            self.messages_count,
            self.deliveries_count,
            self.reviews_count,
            self.cancellations_count,
            self.disputes_count,
            self.ticks_count,
            self.payout_batches_count,
            self.refused_count,
        ];
        let mut row: Vec<String> = counts.iter().map(i64::to_string).collect();
        row.push(output::opt(&self.started_at));
        row.push(output::opt(&self.ended_at));
        row.push(self.dry_run.to_string());
        row
    }
}

/// All or nothing: the whole file runs in one write transaction, so a step the library refuses
/// leaves the database as it was (except the `*.blocked` event moderation records for a refusal,
/// as it does for any command). A database that already holds a marketplace is added to.
pub fn run(app: &App, args: FixturesArgs) -> Result<()> {
    let yaml = crate::read_yaml(&args.file)?;
    let name = if args.file.as_os_str() == "-" { "stdin".to_string() } else { args.file.display().to_string() };
    // a bad file is refused before any database is created
    let fixture = fixtures::parse(&name, &yaml)?;
    // a dry run creates nothing, not even the database
    let mut store = if args.dry_run { app.open()? } else { app.open_or_create()? };
    let mut summary = build(app, &mut store, &fixture, !args.dry_run, args.walkthrough)?;
    summary.dry_run = args.dry_run;
    if args.walkthrough && app.format.is_table() {
        app.note("\n== What the file made");
    }
    output::one(app, &summary)
}

/// Runs a parsed fixture on `store`: committed when `commit`, else
/// rolled back. With `walkthrough`, its `say:`/`show:` steps print as they run.
pub fn build(app: &App, store: &mut Store, fixture: &Fixture, commit: bool, walkthrough: bool) -> Result<Summary> {
    let location = store.location().clone();
    // A failed print (a reader gone: `souq demo | head`) stops the printing, not the build.
    let mut print_failed: Option<anyhow::Error> = None;
    let mut watch = |db: &Db, session: &Session, seen: Seen| -> souq::Result<()> {
        if walkthrough && print_failed.is_none() {
            print_failed = show(app, &location, db, session, seen).err();
        }
        Ok(())
    };
    let summary = store.write_or_preview(commit, |tx| fixtures::run(tx, &app.os_user, app.now, fixture, &mut watch))?;
    match print_failed {
        Some(err) => Err(err),
        None => Ok(summary),
    }
}

/// Prints one walkthrough moment: a heading, a view of the marketplace, or what a step did.
fn show(app: &App, location: &Location, db: &Db, session: &Session, seen: Seen) -> Result<()> {
    match seen {
        Seen::Say(title) => app.note(format!("\n== {title}")),
        Seen::Refused(message) => app.note(format!("refused: {message}")),
        Seen::Tick(summary) => output::one(app, &summary)?,
        Seen::Payout(summary) => output::one(app, &summary)?,
        Seen::Reconciled(summary) => output::one(app, &summary)?,
        Seen::Show(view) => show_view(app, location, db, session, view)?,
    }
    Ok(())
}

fn show_view(app: &App, location: &Location, db: &Db, session: &Session, view: View) -> Result<()> {
    match view {
        View::Users => output::list(app, &users::list(db)?)?,
        View::Gigs => output::list(app, &souq::gigs::list(db, &GigFilter::default())?)?,
        View::Search(text) => {
            let query = souq::search::SearchQuery { text, limit: 5, ..Default::default() };
            output::list(app, &souq::search::search(db, &query)?)?
        }
        View::Queue => {
            let flags = moderation::queue(db, session, Some(moderation::FlagStatus::Open), None)?;
            output::list(app, &flags)?;
            if let Some(flag) = flags.iter().find(|f| f.entity == "gig") {
                let approve = format!("moderate approve gig:{} --reason \"...\"", flag.entity_id);
                app.note(format!("decide: souq --db {location} --as admin {approve}"));
            }
        }
        View::Orders => output::list(app, &orders::list(db, session, &orders::OrderFilter::default())?)?,
        View::Order(id) => output::one(app, &orders::get(db, id)?)?,
        View::Wallets => {
            let mut all = Vec::new();
            for user in users::list(db)?.iter().filter(|u| !u.is_admin) {
                all.push(wallet::show(db, session, Some(&user.username))?);
            }
            output::list(app, &all)?
        }
        View::Audit => output::list(app, &audit::run(db)?.checks)?,
        View::Events(kind) => {
            let filter = souq::events::Filter { kind_prefix: Some(kind), ..Default::default() };
            output::list(app, &souq::events::list(db, &filter)?)?
        }
        View::Dispute(id) => {
            output::one(app, &disputes::get(db, id)?)?;
            app.note(format!("the whole dispute: souq --db {location} dispute show {id} --as admin"));
        }
        View::Payout(batch) => output::list(app, &payouts::items_of(db, batch)?)?,
        View::PayoutFile(batch) => {
            for part in export::export(db, session, batch)? {
                app.note(String::from_utf8_lossy(&part.bytes).trim_end());
            }
        }
        View::Sales => {
            let filter = SalesFilter { by: Period::Week, ..SalesFilter::default() };
            crate::report::print_sales(app, &reports::sales(db, session, &filter)?)?
        }
    }
    Ok(())
}
