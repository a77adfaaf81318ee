//! `souq config`: show and change the marketplace policy, or move it as YAML.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use souq::policy::{self, Setting};

use crate::app::App;
use crate::output::{self, Tabular};
use crate::table::Fit;

#[derive(Debug, Subcommand)]
#[command(defer = true)] // see Command in main.rs
pub enum ConfigCommand {
    /// Show every setting with its default
    Show,
    /// Change one setting (admin)
    Set {
        /// The setting, as `config show` names it (commission_bps, min_price ...)
        key: String,
        /// Its new value: amounts as 12.50, durations in days, switches as true/false
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Print the policy as YAML
    Export,
    /// Apply a YAML file of settings (admin); all of it or none
    Import {
        /// The YAML file, or - for stdin
        file: PathBuf,
    },
}

impl Tabular for Setting {
    fn headers() -> Vec<&'static str> {
        vec!["key", "value", "default", "description"]
    }
    fn row(&self) -> Vec<String> {
        vec![self.key.to_string(), self.value.clone(), self.default.clone(), self.description.to_string()]
    }
    fn fit() -> Fit {
        Fit::List { cut: &["description", "default", "value"], drop: &["default"] }
    }
}

pub fn run(app: &App, command: ConfigCommand) -> Result<()> {
    let mut store = app.open()?;
    let session = app.session();
    match command {
        ConfigCommand::Show => output::list(app, &policy::show(store.db())?),
        ConfigCommand::Set { key, value } => {
            let settings = store.write(|tx| policy::set_many(tx, &session, &[(key.clone(), value)]))?;
            let changed: Vec<Setting> = settings.into_iter().filter(|s| s.key == key).collect();
            output::list(app, &changed)
        }
        ConfigCommand::Export => output::text(&policy::export_yaml(store.db())?),
        ConfigCommand::Import { file } => {
            let yaml = crate::read_yaml(&file)?;
            let pairs = policy::parse_yaml(&yaml).map_err(|e| e.context(file.display()))?;
            let settings = store.write(|tx| policy::set_many(tx, &session, &pairs))?;
            output::list(app, &settings)
        }
    }
}
