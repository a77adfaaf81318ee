//! `souq tick`: apply everything due now (auto-completions, clearance, accepted cancellation
//! requests, late flags, seller levels) and print what was done. Meant for cron.

use anyhow::Result;
use clap::Args;
use souq::tick::{self, TickSummary};

use crate::app::App;
use crate::output::{self, Tabular};

#[derive(Debug, Args)]
pub struct TickArgs {
    /// Report what is due without changing anything
    #[arg(long)]
    dry_run: bool,
}

impl Tabular for TickSummary {
    fn headers() -> Vec<&'static str> {
        vec![
            "auto_completed",
            "cleared_orders",
            "cleared_cents",
            "cancellations_accepted",
            "late_flagged",
            "level_changes",
        ]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.auto_completed.to_string(),
            self.cleared_orders.to_string(),
            self.cleared_cents.to_string(),
            self.cancellations_accepted.to_string(),
            self.late_flagged.to_string(),
            self.level_changes.to_string(),
        ]
    }
}

pub fn run(app: &App, args: TickArgs) -> Result<()> {
    let mut store = app.open()?;
    let session = app.session();
    let summary = store.write_or_preview(!args.dry_run, |tx| tick::run(tx, &session))?;
    output::one(app, &summary)
}
