//! `souq wallet`: record gateway payments into users' credit (one, or a settlement file), and show balances.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use souq::ledger::Wallet;
use souq::reports::DayRange;
use souq::statement::{self, WalletMovement};
use souq::wallet::{self, Deposit, ImportSummary};
use souq::Money;

use crate::app::App;
use crate::output::{self, Tabular};
use crate::table::Fit;
use crate::values::{self, DepositMethod};

#[derive(Debug, Subcommand)]
#[command(defer = true)] // see Command in main.rs
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
    /// Every movement of credit, pending and available with the balances after it, and the day
    /// each pending earning clears (yours, or USER's for an admin)
    ///
    /// JSON, JSON lines and YAML print one object: opening balances, movements, closing
    /// balances. Tables and CSV print the movements.
    #[command(
        after_help = "Examples:\n  souq wallet history --as layla\n  souq wallet history layla --from 2026-03-01 --as admin -o csv"
    )]
    History {
        /// Whose wallet (an admin's choice; default: yours)
        user: Option<String>,
        /// First day included (2026-03-01), by when the money moved
        #[arg(long, value_parser = crate::report::day, value_name = "DATE")]
        from: Option<time::Date>,
        /// Last day included
        #[arg(long, value_parser = crate::report::day, value_name = "DATE")]
        to: Option<time::Date>,
    },
    /// A month's statement for USER: opening balances, the month's movements, closing balances
    ///
    /// Tables and CSV print an "opening" row, the movements and a "closing" row; JSON, JSON
    /// lines and YAML one object with opening, movements and closing.
    #[command(after_help = "Example:\n  souq wallet statement layla --month 2026-03 --as layla")]
    Statement {
        /// Whose wallet (yours, or anyone's for an admin)
        user: String,
        /// The calendar month, YYYY-MM
        #[arg(long, value_parser = statement::month, value_name = "YYYY-MM")]
        month: DayRange,
    },
}

impl Tabular for WalletMovement {
    fn headers() -> Vec<&'static str> {
        vec![
            "transfer_id",
            "created_at",
            "kind",
            "order_id",
            "payout_item_id",
            "change.credit_cents",
            "change.pending_cents",
            "change.available_cents",
            "credit_cents",
            "pending_cents",
            "available_cents",
            "clears_on",
        ]
    }
    fn row(&self) -> Vec<String> {
        vec![
            output::opt(&self.transfer_id),
            self.created_at.clone(),
            self.kind.clone(),
            output::opt(&self.order_id),
            output::opt(&self.payout_item_id),
            self.change.credit_cents.to_string(),
            self.change.pending_cents.to_string(),
            self.change.available_cents.to_string(),
            self.balance.credit_cents.to_string(),
            self.balance.pending_cents.to_string(),
            self.balance.available_cents.to_string(),
            output::opt(&self.clears_on),
        ]
    }
    /// On a narrow terminal the balances and clearing dates stay; links and changes go first.
    fn fit() -> Fit {
        Fit::List {
            cut: &[],
            drop: &["payout_item_id", "order_id", "created_at", "change.credit", "change.pending", "change.available"],
        }
    }
}

impl Tabular for Wallet {
    fn headers() -> Vec<&'static str> {
        vec!["username", "credit_cents", "pending_cents", "available_cents", "in_payout_cents", "currency"]
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
        vec!["rows", "deposited", "already_applied", "total_cents", "replayed"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.rows.to_string(),
            self.deposited.to_string(),
            self.already_applied.to_string(),
            self.total_cents.to_string(),
            output::replayed_cell(self.replayed),
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
            output::note_replayed(app, summary.replayed, "every deposit of this file");
            return output::one(app, &summary);
        }
        WalletCommand::Deposit { user, amount, method, reference } => {
            let method = values::name(method);
            let deposit = Deposit { username: &user, amount, method: &method, reference: &reference };
            let deposited = store.write(|tx| wallet::deposit(tx, &session, &deposit))?;
            output::note_replayed(app, deposited.replayed, format_args!("deposit {method} {reference:?}"));
            return output::one(app, &deposited);
        }
        WalletCommand::Show { user } => wallet::show(store.db(), &session, user.as_deref())?,
        WalletCommand::History { user, from, to } => {
            let history = statement::history(store.db(), &session, user.as_deref(), DayRange { from, to })?;
            return output::detail(app, &history, || output::list(app, &history.movements));
        }
        WalletCommand::Statement { user, month } => {
            let history = statement::history(store.db(), &session, Some(&user), month)?;
            return output::detail(app, &history, || {
                let at = |day: &Option<String>| day.clone().unwrap_or_default();
                let mut rows = vec![WalletMovement::balances_row("opening", at(&history.from), history.opening)];
                rows.extend(history.movements.iter().cloned());
                rows.push(WalletMovement::balances_row("closing", at(&history.to), history.closing));
                output::list(app, &rows)
            });
        }
    };
    output::one(app, &wallet)
}
