//! `souq wallet`: record a gateway payment into a user's credit, and show balances.

use anyhow::Result;
use clap::Subcommand;
use souq::ledger::Wallet;
use souq::wallet::{self, Deposit};
use souq::Money;

use crate::app::App;
use crate::output::{self, Tabular};
use crate::values::{self, DepositMethod};

#[derive(Debug, Subcommand)]
pub enum WalletCommand {
    /// Record a payment a gateway received for USER (an admin for anyone, a user for themselves);
    /// the same --method and --ref again is a no-op
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

pub fn run(app: &App, command: WalletCommand) -> Result<()> {
    let mut store = app.open()?;
    let session = app.session();
    let wallet = match command {
        WalletCommand::Deposit { user, amount, method, reference } => {
            let method = values::name(method);
            let deposit = Deposit { username: &user, amount, method: &method, reference: &reference };
            store.write(|tx| wallet::deposit(tx, &session, &deposit))?
        }
        WalletCommand::Show { user } => wallet::show(store.conn(), &session, user.as_deref())?,
    };
    output::one(app, &wallet)
}
