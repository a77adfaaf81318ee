//! `souq order`: place, deliver, revise, complete, review (and the seller's reply), cancel, message,
//! show and list orders.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;
use souq::events::Event;
use souq::orders::{self, Delivery, Message, NewOrder, Order, OrderDetail, OrderFilter, Review, WrittenFile};
use souq::reviews;
use souq::status::OrderStatus;

use crate::app::App;
use crate::output::{self, clip, Limit, Tabular};
use crate::table::Fit;
use crate::values;

#[derive(Debug, Subcommand)]
#[command(defer = true)] // see Command in main.rs
pub enum OrderCommand {
    /// Order a gig as the acting buyer
    ///
    /// The price (gig and extras, times quantity) is paid into escrow from your credit first,
    /// then from your available balance; without enough money nothing happens (exit 4).
    #[command(
        after_help = "Examples:\n  souq order place 1 --extra 1 --as noura\n  souq order place 1 --key cart-7731 --as noura   # safe to retry"
    )]
    Place(PlaceArgs),
    /// Deliver an active order as its seller
    #[command(
        after_help = "Examples:\n  souq order deliver 1 --message \"done\" --attach translation.docx --as layla"
    )]
    Deliver {
        /// The order
        id: i64,
        /// What you delivered
        #[arg(long)]
        message: String,
        /// A file to attach (repeatable); stored in the database
        #[arg(long = "attach", value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Send a delivered order back to its seller for changes (buyer)
    Revise {
        /// The order
        id: i64,
        /// What should change
        #[arg(long)]
        message: Option<String>,
    },
    /// Accept a delivered order (buyer): the seller is paid, minus the commission
    Complete {
        /// The order
        id: i64,
        #[command(flatten)]
        review: ReviewArgs,
    },
    /// Rate a completed order (buyer), once
    Review {
        /// The order
        id: i64,
        /// Stars, 1-5
        #[arg(long, allow_hyphen_values = true)]
        rating: i64,
        /// What you thought
        #[arg(long)]
        review: Option<String>,
    },
    /// Cancel an order and refund the buyer
    ///
    /// The seller or an admin cancels at once; so does the buyer of a late order. Otherwise the
    /// buyer's cancel is a request, accepted when the seller cancels too or by `souq tick` after
    /// cancel_request_days. The refund goes to the buyer's credit.
    Cancel {
        /// The order
        id: i64,
        /// Why
        #[arg(long)]
        reason: Option<String>,
    },
    /// Write to the other side of an order
    Message {
        /// The order
        id: i64,
        /// The message text
        #[arg(long)]
        message: String,
    },
    /// Answer the buyer's review of an order (seller), once
    Reply {
        /// The order
        id: i64,
        /// The reply text
        text: String,
    },
    /// Show an order with its deliveries, messages and timeline
    Show {
        /// The order
        id: i64,
    },
    /// Write an order's delivered files into a folder, made if missing (0600); a file already
    /// there with the same content is skipped, one with other content is replaced only with --force
    Files {
        /// The order
        id: i64,
        /// The folder to write into (created if missing)
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
        /// Replace files of the same names in the folder
        #[arg(long)]
        force: bool,
    },
    /// List your orders (an admin: every order)
    #[command(
        after_help = "Examples:\n  souq order list --as-seller --as layla\n  souq order list --status delivered --as noura\n  souq order list --late --as admin -o json"
    )]
    List(ListArgs),
}

#[derive(Debug, Args)]
pub struct PlaceArgs {
    /// The gig to order
    gig: i64,
    /// An extra of the gig to add, by id (repeatable)
    #[arg(long = "extra", value_name = "EXTRA_ID")]
    extras: Vec<i64>,
    /// How many times the gig (with its extras)
    #[arg(long, default_value_t = 1)]
    quantity: i64,
    /// Instructions for the seller
    #[arg(long)]
    note: Option<String>,
    /// Your own key for this purchase: placing again with the same key returns the same order
    /// and moves no money (for scripts that retry)
    #[arg(long)]
    key: Option<String>,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Stars, 1-5
    #[arg(long, allow_hyphen_values = true)]
    rating: Option<i64>,
    /// What you thought (needs --rating)
    #[arg(long, requires = "rating")]
    review: Option<String>,
}

impl ReviewArgs {
    fn review(self) -> Option<Review> {
        self.rating.map(|rating| Review { rating, text: self.review })
    }
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only orders in this status
    #[arg(long, value_parser = values::one_of(OrderStatus::ALL, OrderStatus::as_str))]
    status: Option<OrderStatus>,
    /// Only orders you bought
    #[arg(long, conflicts_with = "as_seller")]
    as_buyer: bool,
    /// Only orders you sell
    #[arg(long)]
    as_seller: bool,
    /// Only late orders
    #[arg(long)]
    late: bool,
    #[command(flatten)]
    limit: Limit,
}

impl Tabular for Order {
    fn headers() -> Vec<&'static str> {
        vec![
            "id",
            "gig_id",
            "buyer",
            "seller",
            "status",
            "quantity",
            "extras",
            "gross_cents",
            "fee_cents",
            "net_cents",
            "placed_at",
            "due_at",
            "late",
            "rating",
            "review",
            "review_reply",
        ]
    }
    fn row(&self) -> Vec<String> {
        let extras: Vec<String> = self.extras.iter().map(|e| format!("#{e}")).collect();
        vec![
            self.id.to_string(),
            self.gig_id.to_string(),
            self.buyer.clone(),
            self.seller.clone(),
            self.status.to_string(),
            self.quantity.to_string(),
            extras.join(" "),
            self.gross_cents.to_string(),
            self.fee_cents.to_string(),
            self.net_cents.to_string(),
            self.placed_at.to_string(),
            self.due_at.to_string(),
            if self.late { "late".into() } else { String::new() },
            output::opt(&self.rating),
            self.review.as_deref().map(|r| clip(r, 40)).unwrap_or_default(),
            self.review_reply.as_deref().map(|r| clip(r, 40)).unwrap_or_default(),
        ]
    }
    fn fit() -> Fit {
        Fit::List {
            cut: &["review", "review_reply", "extras"],
            drop: &[
                "review_reply",
                "review",
                "rating",
                "extras",
                "quantity",
                "fee",
                "net",
                "placed_at",
                "gig_id",
                "late",
            ],
        }
    }
}

impl Tabular for Message {
    fn headers() -> Vec<&'static str> {
        vec!["id", "order_id", "sender", "body", "created_at"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.order_id.to_string(),
            self.sender.clone(),
            clip(&self.body, 80),
            self.created_at.to_string(),
        ]
    }
    fn fit() -> Fit {
        Fit::List { cut: &["body"], drop: &["order_id"] }
    }
}

impl Tabular for Delivery {
    fn headers() -> Vec<&'static str> {
        vec!["id", "message", "files", "created_at"]
    }
    fn row(&self) -> Vec<String> {
        let files: Vec<String> = self.files.iter().map(|f| format!("{} ({} bytes)", f.name, f.size)).collect();
        vec![self.id.to_string(), clip(&self.message, 60), files.join("\n"), self.created_at.to_string()]
    }
    fn fit() -> Fit {
        Fit::List { cut: &["message", "files"], drop: &[] }
    }
}

/// A timeline row for people: when, who, what, and the details (the event log's other columns
/// are for scripts, which get them with -o json).
#[derive(Serialize)]
#[serde(transparent)]
struct Step<'a>(&'a Event);

impl Tabular for Step<'_> {
    fn headers() -> Vec<&'static str> {
        vec!["at", "actor", "kind", "data"]
    }
    fn row(&self) -> Vec<String> {
        let who = self.0.actor.clone().unwrap_or_else(|| format!("({})", self.0.os_user));
        vec![self.0.at.to_string(), who, self.0.kind.clone(), clip(&self.0.data.to_string(), 60)]
    }
    fn fit() -> Fit {
        Fit::List { cut: &["data"], drop: &[] }
    }
}

impl Tabular for WrittenFile {
    fn headers() -> Vec<&'static str> {
        vec!["delivery_id", "path", "size", "sha256", "already_there"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.delivery_id.to_string(),
            self.path.display().to_string(),
            self.size.to_string(),
            self.sha256.clone(),
            if self.already_there { "yes".into() } else { String::new() },
        ]
    }
    fn fit() -> Fit {
        Fit::List { cut: &["path"], drop: &["sha256"] }
    }
}

pub fn run(app: &App, command: OrderCommand) -> Result<()> {
    let mut store = app.open()?;
    let session = app.session();
    let order = match command {
        OrderCommand::Place(args) => {
            let new = NewOrder {
                gig_id: args.gig,
                extras: args.extras,
                quantity: args.quantity,
                note: args.note,
                key: args.key,
            };
            let placed = store.write(|tx| orders::place(tx, &session, &new))?;
            output::note_replayed(app, placed.replayed, format_args!("order key {:?}", new.key.unwrap_or_default()));
            return output::one(app, &placed);
        }
        OrderCommand::Deliver { id, message, files } => {
            souq::moderation::prepare(store.db())?;
            store.write(|tx| orders::deliver(tx, &session, id, &message, &files))?
        }
        OrderCommand::Revise { id, message } => {
            souq::moderation::prepare(store.db())?;
            store.write(|tx| orders::revise(tx, &session, id, message.as_deref()))?
        }
        OrderCommand::Complete { id, review } => {
            let review = review.review();
            if review.as_ref().is_some_and(|r| r.text.is_some()) {
                souq::moderation::prepare(store.db())?;
            }
            store.write(|tx| orders::complete(tx, &session, id, review.as_ref()))?
        }
        OrderCommand::Review { id, rating, review } => {
            let review = Review { rating, text: review };
            if review.text.is_some() {
                souq::moderation::prepare(store.db())?;
            }
            store.write(|tx| orders::review(tx, &session, id, &review))?
        }
        OrderCommand::Reply { id, text } => {
            souq::moderation::prepare(store.db())?;
            store.write(|tx| reviews::reply(tx, &session, id, &text))?
        }
        OrderCommand::Cancel { id, reason } => {
            let order = store.write(|tx| orders::cancel(tx, &session, id, reason.as_deref()))?;
            if order.status != OrderStatus::Cancelled && order.cancel_requested_at.is_some() {
                // the buyer of an order that is not late only asks: say so, the status alone reads as "nothing happened"
                app.note(format!(
                    "cancellation requested: the seller {} accepts it by cancelling too; otherwise `souq tick` accepts it after cancel_request_days",
                    order.seller
                ));
            }
            order
        }
        OrderCommand::Message { id, message } => {
            souq::moderation::prepare(store.db())?;
            let sent = store.write(|tx| orders::message(tx, &session, id, &message))?;
            return output::one(app, &sent);
        }
        OrderCommand::Show { id } => return show(app, &orders::show(store.db(), &session, id)?),
        OrderCommand::Files { id, to, force } => {
            let written =
                orders::export_files(store.db(), &session, id, &to, souq::files::Existing::replace_if(force))?;
            return output::list(app, &written);
        }
        OrderCommand::List(args) => {
            let filter = OrderFilter {
                status: args.status,
                as_buyer: args.as_buyer,
                as_seller: args.as_seller,
                late: args.late,
            };
            return output::list_limited(app, orders::list(store.db(), &session, &filter)?, args.limit);
        }
    };
    output::one(app, &order)
}

/// Scripts get the whole object; people (and CSV) get the order, then its deliveries, messages
/// and timeline as tables.
fn show(app: &App, detail: &OrderDetail) -> Result<()> {
    output::detail(app, detail, || {
        output::one(app, &detail.order)?;
        if !detail.deliveries.is_empty() {
            app.note("\ndeliveries");
            output::list(app, &detail.deliveries)?;
        }
        if !detail.messages.is_empty() {
            app.note("\nmessages");
            output::list(app, &detail.messages)?;
        }
        app.note("\ntimeline");
        let steps: Vec<Step> = detail.timeline.iter().map(Step).collect();
        output::list(app, &steps)
    })
}
