//! `souq moderate`: the review queue, approve / reject, the rules, and scans of stored content.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};
use souq::moderation::{self, Decided, Flag, Rule, RuleSet, ScanOptions, ScanSummary};
use souq::store::Store;

use crate::app::App;
use crate::output::{self, clip, Limit, Tabular};
use crate::table::Fit;
use crate::values::{self, FlagStatus};

#[derive(Debug, Subcommand)]
#[command(defer = true)] // see Command in main.rs
pub enum ModerateCommand {
    /// The review queue, oldest first (admin)
    Queue {
        /// Only flags in this status, or all
        #[arg(long, value_enum, default_value = "open")]
        status: FlagStatus,
        /// Only flags raised by this rule id
        #[arg(long, value_name = "ID")]
        rule: Option<String>,
        #[command(flatten)]
        limit: Limit,
    },
    /// Approve a flag (12) or a held gig with all its flags (gig:12): the content may stay (admin)
    Approve(DecideArgs),
    /// Reject a flag (12) or a gig (gig:12): a rejected gig is taken off the market (admin)
    Reject(DecideArgs),
    /// The moderation rules every souq process applies
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Run the rules over stored gigs, messages, deliveries, reviews and usernames (admin).
    /// Reports only, unless --apply; the same content is never flagged twice.
    #[command(
        after_help = "Examples:\n  souq moderate scan --as admin\n  souq moderate scan --rules new-rules.yaml --as admin   # try rules first\n  souq moderate scan --apply --as admin"
    )]
    Scan(ScanArgs),
}

#[derive(Debug, Args)]
pub struct DecideArgs {
    /// A flag id, or gig:ID
    #[arg(value_name = "FLAG_OR_GIG", value_parser = Decided::parse)]
    what: Decided,
    /// Why: kept with the decision and in its event
    #[arg(long)]
    reason: String,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)] // see Command in main.rs
pub enum RulesCommand {
    /// Make a YAML rule file the active rules (admin); errors read FILE:LINE: rule ID: reason
    Import {
        /// The YAML file, or - for stdin
        file: PathBuf,
    },
    /// Print the active rules' YAML, as imported
    Export,
    /// List the active rules
    Show {
        #[command(flatten)]
        limit: Limit,
    },
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Scan with the rules in this YAML file instead of the active ones
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    /// Only content with an id above this (in each table: gigs, messages, deliveries, reviews, users)
    #[arg(long, value_name = "ID", default_value_t = 0)]
    since: i64,
    /// Raise the flags and hold the gigs the rules catch (otherwise nothing is written)
    #[arg(long)]
    apply: bool,
}

impl Tabular for Flag {
    fn headers() -> Vec<&'static str> {
        vec!["id", "rule", "action", "entity", "entity_id", "excerpt", "status", "created_at"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.rule.clone(),
            self.action.clone(),
            self.entity.clone(),
            self.entity_id.to_string(),
            clip(&self.excerpt, 60),
            self.status.name().to_string(),
            self.created_at.to_string(),
        ]
    }
    fn fit() -> Fit {
        Fit::List { cut: &["excerpt"], drop: &["created_at", "action", "entity"] }
    }
}

impl Tabular for Rule {
    fn headers() -> Vec<&'static str> {
        vec!["id", "applies_to", "matches", "action", "severity", "description"]
    }
    fn row(&self) -> Vec<String> {
        let mut matches = Vec::new();
        if let Some(detector) = self.detector {
            matches.push(detector.name().to_string());
        }
        if !self.patterns.is_empty() {
            matches.push(format!("{} patterns", self.patterns.len()));
        }
        if !self.words.is_empty() {
            matches.push(format!("{} words", self.words.len()));
        }
        if let Some(below) = self.price_below_cents {
            matches.push(format!("price < {below}"));
        }
        if let Some(above) = self.price_above_cents {
            matches.push(format!("price > {above}"));
        }
        let targets: Vec<&str> = self.applies_to.iter().map(|t| t.name()).collect();
        vec![
            self.id.clone(),
            targets.join(", "),
            matches.join(", "),
            self.action.name().to_string(),
            format!("{:?}", self.severity).to_lowercase(),
            clip(&self.description, 60),
        ]
    }
    fn fit() -> Fit {
        Fit::List { cut: &["description", "matches", "applies_to"], drop: &["description", "severity"] }
    }
}

impl Tabular for ScanSummary {
    fn headers() -> Vec<&'static str> {
        vec!["texts", "matched", "new_flags", "already_flagged", "held_gigs", "by_rule", "applied"]
    }
    fn row(&self) -> Vec<String> {
        let by_rule: Vec<String> = self.by_rule.iter().map(|(rule, n)| format!("{rule}: {n}")).collect();
        vec![
            self.texts.to_string(),
            self.matched.to_string(),
            self.new_flags.to_string(),
            self.already_flagged.to_string(),
            self.held_gigs.to_string(),
            by_rule.join("\n"),
            self.applied.to_string(),
        ]
    }
}

pub fn run(app: &App, command: ModerateCommand) -> Result<()> {
    let mut store = app.open()?;
    let session = app.session();
    match command {
        ModerateCommand::Queue { status, rule, limit } => {
            let status = match status {
                FlagStatus::All => None,
                status => Some(moderation::FlagStatus::parse(&values::name(status))?),
            };
            let flags = moderation::queue(store.db(), &session, status, rule.as_deref())?;
            output::list_limited(app, flags, limit)
        }
        ModerateCommand::Approve(args) => decide(app, &mut store, args, true),
        ModerateCommand::Reject(args) => decide(app, &mut store, args, false),
        ModerateCommand::Rules(RulesCommand::Import { file }) => {
            let yaml = crate::read_yaml(&file)?;
            let label = file.display().to_string();
            output::list(app, &store.write(|tx| moderation::import_rules(tx, &session, &label, &yaml))?)
        }
        ModerateCommand::Rules(RulesCommand::Export) => output::text(&moderation::export_rules(store.db())?),
        ModerateCommand::Rules(RulesCommand::Show { limit }) => {
            output::list_limited(app, moderation::show_rules(store.db())?, limit)
        }
        ModerateCommand::Scan(args) => scan(app, &mut store, args),
    }
}

fn decide(app: &App, store: &mut Store, args: DecideArgs, approve: bool) -> Result<()> {
    let session = app.session();
    let flags = store.write(|tx| moderation::decide(tx, &session, args.what, approve, &args.reason))?;
    output::list(app, &flags)
}

fn scan(app: &App, store: &mut Store, args: ScanArgs) -> Result<()> {
    let session = app.session();
    let rules = match &args.rules {
        Some(file) => std::sync::Arc::new(RuleSet::parse(&file.display().to_string(), &crate::read_yaml(file)?)?),
        None => moderation::active_rules(store.db())?,
    };
    let options = ScanOptions { since: args.since, apply: args.apply };
    let bar = crate::progress::counting(app, "texts");
    let mut progress = |done: u64, total: u64| {
        bar.set_length(total);
        bar.set_position(done);
    };
    // Without --apply nothing is written, so the scan reads outside a write transaction and
    // never holds the write lock other processes need.
    let summary = if args.apply {
        store.write(|tx| moderation::scan(tx, &session, &rules, options, &mut progress))?
    } else {
        moderation::scan(store.db(), &session, &rules, options, &mut progress)?
    };
    bar.finish_and_clear();
    if !args.apply && summary.new_flags > 0 {
        app.note(format!("{} new flags found; nothing was written (pass --apply to queue them)", summary.new_flags));
    }
    output::one(app, &summary)
}
