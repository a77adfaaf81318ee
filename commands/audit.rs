//! `souq audit`: check every invariant; exit 8 when one fails.

use anyhow::Result;
use souq::audit::{self, AuditReport, Check};

use crate::app::App;
use crate::output::{self, Tabular};

impl Tabular for Check {
    fn headers() -> Vec<&'static str> {
        vec!["name", "ok", "detail"]
    }
    fn row(&self) -> Vec<String> {
        vec![self.name.to_string(), if self.ok { "ok".into() } else { "FAILED".into() }, self.detail.clone()]
    }
}

pub fn run(app: &App) -> Result<()> {
    let store = app.open()?;
    let report = audit::run(store.db())?;
    print(app, &report)?;
    if report.ok {
        Ok(())
    } else {
        let failed: Vec<&str> = report.checks.iter().filter(|c| !c.ok).map(|c| c.name).collect();
        Err(souq::Error::audit(format!("audit failed: {}", failed.join(", "))).into())
    }
}

/// The report object for scripts ({ok, checks}); the checks as a table (or CSV) for people.
fn print(app: &App, report: &AuditReport) -> Result<()> {
    output::detail(app, report, || output::list(app, &report.checks))
}
