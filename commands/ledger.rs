//! `souq ledger journal`: every transfer of a period with its accounts, and per-account totals.

use anyhow::Result;
use clap::{Args, Subcommand};
use souq::journal::{self, AccountTotal, JournalEntry, JournalFilter};
use souq::reports::DayRange;

use crate::app::App;
use crate::output::{self, Tabular};
use crate::report::day;
use crate::table::Fit;

#[derive(Debug, Subcommand)]
#[command(defer = true)] // see Command in main.rs
pub enum LedgerCommand {
    /// Every transfer (debit and credit account, amount, order / payout item, key, hash) and
    /// per-account totals; yours, or any account's for an admin
    ///
    /// JSON, JSON lines and YAML print one object: `transfers` and `totals`. Tables and CSV
    /// print the transfers, or with --totals each account's opening balance, debits, credits
    /// and closing balance for the period (closing = opening + credits - debits; with no --to
    /// it is the balance `wallet show` reports).
    #[command(
        after_help = "Examples:\n  souq ledger journal --from 2026-03-01 --to 2026-03-31 --as admin -o csv\n  souq ledger journal --as layla --totals"
    )]
    Journal(JournalArgs),
}

#[derive(Debug, Args)]
pub struct JournalArgs {
    /// First day included (2026-03-01), by when the transfer was made
    #[arg(long, value_parser = day, value_name = "DATE")]
    from: Option<time::Date>,
    /// Last day included
    #[arg(long, value_parser = day, value_name = "DATE")]
    to: Option<time::Date>,
    /// Only transfers touching this account ("escrow", "user:7:credit")
    #[arg(long, value_name = "NAME", conflicts_with = "user")]
    account: Option<String>,
    /// Only transfers touching this user's accounts (credit, pending, available)
    #[arg(long, value_name = "NAME")]
    user: Option<String>,
    /// Print the per-account totals instead of the transfers (tables and CSV)
    #[arg(long)]
    totals: bool,
}

impl Tabular for JournalEntry {
    fn headers() -> Vec<&'static str> {
        vec![
            "transfer_id",
            "created_at",
            "kind",
            "debit_account",
            "credit_account",
            "amount_cents",
            "order_id",
            "payout_item_id",
            "payout_batch_id",
            "idem_key",
            "actor",
            "hash",
        ]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.transfer_id.to_string(),
            self.created_at.clone(),
            self.kind.clone(),
            self.debit_account.clone(),
            self.credit_account.clone(),
            self.amount_cents.to_string(),
            output::opt(&self.order_id),
            output::opt(&self.payout_item_id),
            output::opt(&self.payout_batch_id),
            self.idem_key.clone(),
            self.actor.clone(),
            self.hash.clone(),
        ]
    }
    /// On a narrow terminal the accounts and the amount stay; the links and the chain go first.
    fn fit() -> Fit {
        Fit::List {
            cut: &[],
            drop: &["hash", "idem_key", "actor", "payout_batch_id", "payout_item_id", "order_id", "created_at"],
        }
    }
}

impl Tabular for AccountTotal {
    fn headers() -> Vec<&'static str> {
        vec!["account", "username", "opening_cents", "debits_cents", "credits_cents", "closing_cents"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.account.clone(),
            output::opt(&self.username),
            self.opening_cents.to_string(),
            self.debits_cents.to_string(),
            self.credits_cents.to_string(),
            self.closing_cents.to_string(),
        ]
    }
}

pub fn run(app: &App, command: LedgerCommand) -> Result<()> {
    let store = app.open()?;
    let session = app.session();
    match command {
        LedgerCommand::Journal(args) => {
            let filter = JournalFilter {
                range: DayRange { from: args.from, to: args.to },
                account: args.account,
                user: args.user,
            };
            let journal = journal::journal(store.db(), &session, &filter)?;
            output::detail(app, &journal, || {
                if args.totals {
                    output::list(app, &journal.totals)
                } else {
                    output::list(app, &journal.transfers)
                }
            })
        }
    }
}
