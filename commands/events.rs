//! `souq events`: the event log as JSON lines (or any format), optionally followed as it grows.

use anyhow::Result;
use clap::Args;
use souq::events::{self, Event, Filter};

use crate::app::App;
use crate::output::{self, Format, Tabular};
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

/// Events in the chosen format (JSON lines unless another was asked for); `--follow` streams
/// JSON lines, and ends when its reader does.
pub fn run(app: &App, args: EventsArgs) -> Result<()> {
    if args.follow && output::format(app) != Format::Jsonl {
        return Err(souq::Error::usage("--follow streams JSON lines; other formats need the whole list first")
            .with_hint("drop --output, or pass --output jsonl")
            .into());
    }
    let store = app.open()?;
    let viewer = souq::users::viewer(store.db(), &app.session())?;
    let visible = |found: Vec<Event>| -> Vec<Event> { found.into_iter().map(|e| e.seen_by(&viewer)).collect() };
    let mut filter = Filter { since: args.since.unwrap_or(0), kind_prefix: args.kind, entity: None, limit: args.limit };
    if !args.follow {
        return output::list(app, &visible(events::list(store.db(), &filter)?));
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
            output::list(app, &found)?;
        }
        if reader_gone_within(args.poll_ms) {
            return Ok(());
        }
    }
}

/// Waits up to `ms` milliseconds and says whether stdout's reader has gone. poll(2) on fd 1
/// reports POLLERR at once when a pipe's reader closes (POLLHUP for a socket or terminal), so
/// `souq events --follow | head -1` ends when head does, not when the next event arrives and
/// its write fails. A file or an open pipe reports neither: the wait is the whole poll period.
fn reader_gone_within(ms: u64) -> bool {
    let mut stdout = libc::pollfd { fd: libc::STDOUT_FILENO, events: 0, revents: 0 };
    let timeout = i32::try_from(ms).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd, alive for the whole call.
    let ready = unsafe { libc::poll(&mut stdout, 1, timeout) };
    ready > 0 && stdout.revents & (libc::POLLERR | libc::POLLHUP) != 0
}
