//! `souq events`: the event log as JSON lines, optionally followed as it grows.

use std::io::Write;
use std::time::Duration;

use anyhow::Result;
use clap::Args;
use souq::events::{self, Event, Filter};

use crate::app::App;
use crate::output::{self, Format, SafeJson, Tabular};
use crate::table::Fit;

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Only events after this id (with --follow and no --since: only new ones)
    #[arg(long, value_name = "ID")]
    since: Option<i64>,
    /// Only kinds starting with this, e.g. "order." or "message.blocked"
    #[arg(long, value_name = "PREFIX")]
    kind: Option<String>,
    /// At most this many events (not with --follow)
    #[arg(long, conflicts_with = "follow")]
    limit: Option<i64>,
    /// Keep printing new events as they are written, until interrupted
    #[arg(long)]
    follow: bool,
    /// How often --follow looks for new events, in milliseconds
    #[arg(long, default_value_t = 500, value_name = "MS", requires = "follow")]
    poll_ms: u64,
}

impl Tabular for Event {
    fn headers() -> Vec<&'static str> {
        vec!["id", "at", "actor", "os_user", "kind", "entity", "entity_id", "data"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.at.to_string(),
            output::opt(&self.actor),
            self.os_user.clone(),
            self.kind.clone(),
            self.entity.clone(),
            output::opt(&self.entity_id),
            self.data.to_string(),
        ]
    }
    fn fit() -> Fit {
        Fit::List { cut: &["data"], drop: &["os_user", "entity", "entity_id"] }
    }
}

/// Events are for scripts: JSON lines unless another format was asked for explicitly.
pub fn run(app: &App, args: EventsArgs) -> Result<()> {
    let store = app.open()?;
    let viewer = souq::users::viewer(store.db(), &app.session())?;
    let visible = |found: Vec<Event>| -> Vec<Event> { found.into_iter().map(|e| e.seen_by(&viewer)).collect() };
    let mut filter = Filter { since: args.since.unwrap_or(0), kind_prefix: args.kind, entity: None, limit: args.limit };
    if !args.follow {
        let found = visible(events::list(store.db(), &filter)?);
        return match output::format(app) {
            Format::Table | Format::Wide => print_lines(&found),
            _ => output::list(app, &found),
        };
    }
    if args.since.is_none() {
        filter.since = events::last_id(store.db())?;
    }
    // Polling: cheap, and it sees writes from every process (every host, on PostgreSQL), which
    // SQLite's update hooks (same connection only) would not. Ids grow in commit order on both
    // engines (events::record says why), so asking for "id > the last seen" misses nothing.
    loop {
        let found = visible(events::list(store.db(), &filter)?);
        if let Some(last) = found.last() {
            filter.since = last.id;
            print_lines(&found)?;
        }
        std::thread::sleep(Duration::from_millis(args.poll_ms));
    }
}

fn print_lines(found: &[Event]) -> Result<()> {
    let mut out = SafeJson(std::io::stdout().lock());
    for event in found {
        serde_json::to_writer(&mut out, event)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}
