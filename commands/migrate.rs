//! `souq migrate-to URL`: move a marketplace into a new PostgreSQL database, every row kept.

use anyhow::Result;
use clap::Args;
use souq::store::{Location, Missing, Store};

use crate::app::App;
use crate::output::{self, Tabular};

impl Tabular for souq::migrate::Copied {
    fn headers() -> Vec<&'static str> {
        vec!["table", "rows"]
    }
    fn row(&self) -> Vec<String> {
        vec![self.table.to_string(), self.rows.to_string()]
    }
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  createdb souq && souq --db market.db migrate-to postgresql://souq@db.example/souq
  souq --db market.db migrate-to 'postgresql:///souq?host=/run/postgresql'")]
pub struct MigrateArgs {
    /// The PostgreSQL database to copy into (postgres://...): it must exist and hold no marketplace yet
    #[arg(value_name = "URL")]
    target: String,
}

pub fn run(app: &App, args: MigrateArgs) -> Result<()> {
    let target_location = Location::parse(args.target.as_ref());
    if !matches!(target_location, Location::Postgres(_)) {
        return Err(souq::Error::usage(format!("{} is not a PostgreSQL URL (postgres://...)", args.target))
            .with_hint("to copy a SQLite file, use `souq backup FILE`")
            .into());
    }
    let mut source = app.open()?;
    if source.location() == &target_location {
        return Err(souq::Error::usage("the target is the database itself").into());
    }
    let mut target = Store::open(&target_location, Missing::Create, app.busy_timeout)?;
    let bar = crate::progress::counting(app, "tables");
    bar.set_length(souq::migrate::table_names().len() as u64);
    let copied = source.read(|from| {
        target.write(|to| {
            souq::migrate::check_empty(to)?;
            souq::migrate::copy_all(from, to, |_| bar.inc(1))
        })
    })?;
    bar.finish_and_clear();
    let report = souq::audit::run(target.db())?;
    let rows: i64 = copied.iter().map(|c| c.rows).sum();
    app.note(format!(
        "copied {rows} rows in {} tables from {} to {}",
        copied.len(),
        source.location(),
        target.location()
    ));
    output::list(app, &copied)?;
    if !report.ok {
        return Err(souq::Error::audit(format!(
            "the copy at {} fails `souq audit`; see `souq --db URL audit`",
            target.location()
        ))
        .into());
    }
    app.note(format!("audit passed on {}; point --db / SOUQ_DB at it from now on", target.location()));
    Ok(())
}
