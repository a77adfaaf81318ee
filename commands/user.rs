//! `souq user`: sign-up, listing, showing and suspending users.

use anyhow::Result;
use clap::Subcommand;
use souq::levels::{self, Profile, SellerStats};
use souq::users::{self, NewUser, User};

use crate::app::App;
use crate::output::{self, opt, Limit, Tabular};
use crate::table::Fit;
use crate::values::PayoutMethodArg;

#[derive(Debug, Subcommand)]
#[command(defer = true)] // see Command in main.rs
pub enum UserCommand {
    /// Add a user (adding an admin takes --as an admin, except the first one)
    Add {
        /// 1-32 letters or digits (Arabic, Latin and the other scripts Unicode recommends for
        /// names) and '_', '-', '.', starting with a letter or digit, not only digits. A name
        /// that looks like an existing one (case, or look-alike letters such as Cyrillic а for
        /// Latin a) is refused
        name: String,
        /// Where the user is reached
        #[arg(long)]
        email: Option<String>,
        /// Make the user an admin
        #[arg(long)]
        admin: bool,
    },
    /// List users
    List {
        #[command(flatten)]
        limit: Limit,
    },
    /// Show one user with their seller stats
    Show {
        /// The username
        name: String,
    },
    /// Suspend a user (admin): they cannot act, sell or be paid
    Suspend {
        /// The username
        name: String,
        /// Why, for the record and the user.suspended event
        #[arg(long)]
        reason: Option<String>,
    },
    /// Lift a suspension (admin)
    Unsuspend {
        /// The username
        name: String,
        /// Why, for the record and the user.unsuspended event
        #[arg(long)]
        reason: Option<String>,
    },
    /// Set how a user is paid (the user themselves or an admin)
    SetPayout {
        /// The username
        name: String,
        /// How the user is paid
        #[arg(long, value_enum)]
        method: PayoutMethodArg,
        /// An email for paypal and payoneer, an IBAN for bank
        #[arg(long)]
        account: String,
    },
}

impl Tabular for User {
    fn headers() -> Vec<&'static str> {
        vec!["id", "username", "email", "is_admin", "status", "level", "payout_account", "created_at"]
    }
    fn row(&self) -> Vec<String> {
        let payout = match (&self.payout_method, &self.payout_account) {
            (Some(method), Some(account)) => format!("{method}: {account}"),
            _ => String::new(),
        };
        vec![
            self.id.to_string(),
            self.username.clone(),
            opt(&self.email),
            if self.is_admin { "yes".into() } else { String::new() },
            self.status.to_string(),
            self.level.clone(),
            payout,
            self.created_at.to_string(),
        ]
    }
    fn fit() -> Fit {
        Fit::List { cut: &["email", "payout_account"], drop: &["payout_account", "email", "created_at", "level"] }
    }
}

/// A seller's stats as extra table columns, numbers only, one per column (so a spreadsheet can
/// sort and sum them); empty before the seller's first rating or delivery.
pub fn stats_headers() -> [&'static str; 5] {
    ["completed_orders", "rating_average", "rating_count", "on_time_pct", "completion_pct"]
}

pub fn stats_row(stats: &SellerStats) -> [String; 5] {
    [
        stats.completed_orders.to_string(),
        stats.rating_average.map(|average| format!("{average:.2}")).unwrap_or_default(),
        stats.rating_count.to_string(),
        opt(&stats.on_time_pct),
        opt(&stats.completion_pct),
    ]
}

impl Tabular for Profile {
    fn headers() -> Vec<&'static str> {
        let mut headers = User::headers();
        headers.extend(stats_headers());
        headers
    }
    fn row(&self) -> Vec<String> {
        let mut row = self.user.row();
        row.extend(stats_row(&self.stats));
        row
    }
}

pub fn run(app: &App, command: UserCommand) -> Result<()> {
    let mut store = app.open()?;
    let session = app.session();
    let user = match command {
        UserCommand::Add { name, email, admin } => store.write(|tx| {
            users::add(tx, &session, &NewUser { username: &name, email: email.as_deref(), is_admin: admin })
        })?,
        UserCommand::List { limit } => {
            let viewer = users::viewer(store.db(), &session)?;
            let list: Vec<User> = users::list(store.db())?.into_iter().map(|u| u.seen_by(&viewer)).collect();
            return output::list_limited(app, list, limit);
        }
        UserCommand::Show { name } => {
            let mut profile = levels::profile(store.db(), &name)?;
            profile.user = profile.user.seen_by(&users::viewer(store.db(), &session)?);
            return output::one(app, &profile);
        }
        UserCommand::Suspend { name, reason } => {
            store.write(|tx| users::set_suspended(tx, &session, &name, true, reason.as_deref()))?
        }
        UserCommand::Unsuspend { name, reason } => {
            store.write(|tx| users::set_suspended(tx, &session, &name, false, reason.as_deref()))?
        }
        UserCommand::SetPayout { name, method, account } => {
            store.write(|tx| users::set_payout(tx, &session, &name, method.into(), &account))?
        }
    };
    // whoever signed a user up without --as is not known to be that user
    output::one(app, &user.seen_by(&users::viewer(store.db(), &session)?))
}
