//! `souq wallet`: record gateway payments into users' credit (one, or a settlement file), and show balances.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use souq::ledger::Wallet;
use souq::wallet::{self, Deposit, ImportSummary};
use souq::Money;

use crate::app::App;
use crate::output::{self, Tabular};
use crate::values::{self, DepositMethod};

#[derive(Debug, Subcommand)]
pub enum WalletCommand {
    /// Record a payment a gateway confirmed for USER (admin); the same --method and --ref again
    /// is a no-op
    Deposit {
        /// Whose credit the payment goes to
        user: String,
        /// The amount paid, e.g. 50 or 49.99
        #[arg(value_parser = Money::parse, allow_hyphen_values = true)]
        amount: Money,
        /// How the gateway was paid
        #[arg(long, value_enum)]
        method: DepositMethod,
        /// The gateway's reference for the payment
        #[arg(long = "ref", value_name = "REF")]
        reference: String,
    },
    /// Credit every payment of a gateway's settlement file (admin); all of it or none
    ///
    /// FILE is a CSV whose header names username, amount, method and reference (any order or
    /// case); `-` reads stdin. Rows already credited (same method and reference) are skipped, so
    /// the same file twice credits nothing the second time.
    ImportDeposits {
        /// The settlement CSV (header naming username, amount, method, reference), or - for stdin
        file: PathBuf,
        /// Report what the file would credit and change nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Show balances: credit, pending, available and in payout (yours, or USER's for an admin)
    Show {
        /// Whose wallet (an admin's choice; default: yours)
        user: Option<String>,
    },
}

impl Tabular for Wallet {
    fn headers() -> Vec<&'static str> {
        vec!["username", "credit", "pending", "available", "in_payout", "currency"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.username.clone(),
            self.credit_cents.to_string(),
            self.pending_cents.to_string(),
            self.available_cents.to_string(),
            self.in_payout_cents.to_string(),
            self.currency.clone(),
        ]
    }
}

impl Tabular for ImportSummary {
    fn headers() -> Vec<&'static str> {
        vec!["rows", "deposited", "already_applied", "total"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.rows.to_string(),
            self.deposited.to_string(),
            self.already_applied.to_string(),
            self.total_cents.to_string(),
        ]
    }
}

pub fn run(app: &App, command: WalletCommand) -> Result<()> {
    let mut store = app.open()?;
    let session = app.session();
    let wallet = match command {
        WalletCommand::ImportDeposits { file, dry_run } => {
            let input = crate::open_input(&file)?;
            let summary = store.write_or_preview(!dry_run, |tx| wallet::import_deposits(tx, &session, input))?;
            if dry_run {
                app.note("dry run: nothing was credited");
            }
            return output::one(app, &summary);
        }
        WalletCommand::Deposit { user, amount, method, reference } => {
            let method = values::name(method);
            let deposit = Deposit { username: &user, amount, method: &method, reference: &reference };
            store.write(|tx| wallet::deposit(tx, &session, &deposit))?
        }
        WalletCommand::Show { user } => wallet::show(store.conn(), &session, user.as_deref())?,
    };
    output::one(app, &wallet)
}
