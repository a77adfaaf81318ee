//! `souq dispute`: open a dispute on an order, comment on it, list and show disputes, and
//! resolve one (admin) by refunding all, releasing all or refunding an amount.

use anyhow::Result;
use clap::{Args, Subcommand};
use souq::disputes::{self, Comment, Dispute, DisputeDetail, Resolution, Resolved};
use souq::status::{DisputeStatus, OrderStatus};
use souq::Money;

use crate::app::App;
use crate::output::{self, clip, opt, Limit, Tabular};
use crate::table::Fit;
use crate::values;

#[derive(Debug, Subcommand)]
#[command(defer = true)] // see Command in main.rs
pub enum DisputeCommand {
    /// Dispute an active or delivered order (its buyer or seller): its clocks stop until an admin decides
    Open {
        /// The order
        order: i64,
        /// What went wrong
        #[arg(long)]
        reason: String,
    },
    /// Add to an open dispute (its buyer, its seller or an admin)
    Comment {
        /// The dispute
        id: i64,
        /// The comment text
        text: String,
    },
    /// List disputes on your orders (an admin: every dispute)
    List {
        /// Only disputes in this status
        #[arg(long, value_parser = values::one_of(DisputeStatus::ALL, DisputeStatus::as_str))]
        status: Option<DisputeStatus>,
        #[command(flatten)]
        limit: Limit,
    },
    /// Show a dispute with its order, comments and timeline
    Show {
        /// The dispute
        id: i64,
    },
    /// Settle a dispute (admin); asks first on a terminal, needs --yes off one
    #[command(
        after_help = "Examples:\n  souq dispute resolve 1 --refund 8.75 --note \"one of three\" --as admin\n  souq dispute resolve 1 --release --dry-run --as admin"
    )]
    Resolve(ResolveArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("resolution").required(true).args(["refund_all", "release", "refund"])))]
pub struct ResolveArgs {
    /// The dispute
    id: i64,
    /// Cancel the order and return the whole price to the buyer's credit
    #[arg(long)]
    refund_all: bool,
    /// Complete the order as if the buyer had accepted it
    #[arg(long)]
    release: bool,
    /// Return AMOUNT to the buyer; the order completes on the rest, commission on the seller's part only
    #[arg(long, value_name = "AMOUNT", value_parser = Money::parse, allow_hyphen_values = true)]
    refund: Option<Money>,
    /// Why, for the record
    #[arg(long)]
    note: Option<String>,
    /// Show the resolution and its money without changing anything
    #[arg(long)]
    dry_run: bool,
}

impl ResolveArgs {
    fn resolution(&self) -> Resolution {
        match self.refund {
            Some(amount) => Resolution::Refund(amount),
            None if self.release => Resolution::Release,
            None => Resolution::RefundAll,
        }
    }
}

impl Tabular for Dispute {
    fn headers() -> Vec<&'static str> {
        vec![
            "id",
            "order_id",
            "opened_by",
            "reason",
            "status",
            "resolution",
            "refund_cents",
            "resolved_by",
            "note",
            "opened_at",
            "resolved_at",
        ]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.order_id.to_string(),
            self.opened_by.clone(),
            clip(&self.reason, 60),
            self.status.to_string(),
            opt(&self.resolution),
            opt(&self.refund_cents),
            opt(&self.resolved_by),
            self.note.as_deref().map(|n| clip(n, 40)).unwrap_or_default(),
            self.opened_at.to_string(),
            opt(&self.resolved_at),
        ]
    }
    fn fit() -> Fit {
        Fit::List {
            cut: &["reason", "note"],
            drop: &["note", "resolved_by", "resolved_at", "refund", "resolution", "opened_by"],
        }
    }
}

impl Tabular for Resolved {
    fn headers() -> Vec<&'static str> {
        let mut headers = Dispute::headers();
        headers.extend(["order.status", "order.fee_cents", "order.net_cents"]);
        headers
    }
    fn row(&self) -> Vec<String> {
        let mut row = self.dispute.row();
        row.extend([self.order.status.to_string(), self.order.fee_cents.to_string(), self.order.net_cents.to_string()]);
        row
    }
}

impl Tabular for Comment {
    fn headers() -> Vec<&'static str> {
        vec!["id", "dispute_id", "author", "body", "created_at"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.dispute_id.to_string(),
            self.author.clone(),
            clip(&self.body, 80),
            self.created_at.to_string(),
        ]
    }
    fn fit() -> Fit {
        Fit::List { cut: &["body"], drop: &["dispute_id"] }
    }
}

pub fn run(app: &App, command: DisputeCommand) -> Result<()> {
    let mut store = app.open()?;
    let session = app.session();
    match command {
        DisputeCommand::Open { order, reason } => {
            output::one(app, &store.write(|tx| disputes::open(tx, &session, order, &reason))?)
        }
        DisputeCommand::Comment { id, text } => {
            output::one(app, &store.write(|tx| disputes::comment(tx, &session, id, &text))?)
        }
        DisputeCommand::List { status, limit } => {
            output::list_limited(app, disputes::list(store.db(), &session, status)?, limit)
        }
        DisputeCommand::Show { id } => show(app, &disputes::show(store.db(), &session, id)?),
        DisputeCommand::Resolve(args) => {
            let resolution = args.resolution();
            let note = args.note.as_deref();
            // a rolled-back run checks everything (who, state, amount) and shows the exact
            // split before anyone is asked; the real run below checks it all again
            let planned = store.preview(|tx| disputes::resolve(tx, &session, args.id, resolution, note))?;
            if args.dry_run {
                return output::one(app, &planned);
            }
            app.confirm(&question(&planned), &format!("dispute {} is still open", args.id))?;
            output::one(app, &store.write(|tx| disputes::resolve(tx, &session, args.id, resolution, note))?)
        }
    }
}

/// "Resolve dispute 1 on order 1: refund 7.33 to noura, pay layla 10.14 (fee 2.53)?"
fn question(planned: &Resolved) -> String {
    let order = &planned.order;
    let mut parts = Vec::new();
    if order.refund_cents.is_positive() {
        parts.push(format!("refund {} to {}", order.refund_cents, order.buyer));
    }
    if order.status == OrderStatus::Completed {
        parts.push(format!("pay {} {} (fee {})", order.seller, order.net_cents, order.fee_cents));
    }
    format!("Resolve dispute {} on order {}: {}?", planned.dispute.id, order.id, parts.join(", "))
}

/// Scripts get the whole object; people (and CSV) get the dispute, its order, comments and timeline.
fn show(app: &App, detail: &DisputeDetail) -> Result<()> {
    output::detail(app, detail, || {
        output::one(app, &detail.dispute)?;
        app.note("\norder");
        output::one(app, &detail.order)?;
        if !detail.comments.is_empty() {
            app.note("\ncomments");
            output::list(app, &detail.comments)?;
        }
        app.note("\ntimeline");
        output::list(app, &detail.timeline)
    })
}
