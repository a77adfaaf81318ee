//! `souq gig`: create, change, show and list gigs.

use anyhow::Result;
use clap::{Args, Subcommand};
use souq::gigs::{self, ExtraInput, Gig, GigChanges, GigFilter, GigInput};
use souq::{moderation, Money};

use crate::app::App;
use crate::moderate;
use crate::output::{self, clip, Tabular};

#[derive(Debug, Subcommand)]
pub enum GigCommand {
    /// List a new gig as the acting seller (asks for missing fields on a terminal)
    Create(CreateArgs),
    /// Change a gig (its seller or an admin); only the given fields change
    Update(UpdateArgs),
    /// Show one gig with its extras
    Show { id: i64 },
    /// List gigs
    List(ListArgs),
    /// Take an active gig off the market for a while
    Pause { id: i64 },
    /// Put a paused gig back on the market
    Resume { id: i64 },
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// What the buyer gets, 1-120 characters
    #[arg(long)]
    title: Option<String>,
    /// Price, e.g. 25 or 25.50
    #[arg(long, value_parser = Money::parse, allow_hyphen_values = true)]
    price: Option<Money>,
    /// Delivery days, 1-90
    #[arg(long)]
    days: Option<i64>,
    /// The category buyers browse by
    #[arg(long, default_value = "")]
    category: String,
    /// The full description
    #[arg(long, default_value = "")]
    description: String,
    /// Tags separated by commas
    #[arg(long, default_value = "")]
    tags: String,
    /// Your own key for the gig (default gig-ID)
    #[arg(long)]
    sku: Option<String>,
    /// A paid add-on, "Title=PRICE+DAYSd" (repeatable)
    #[arg(long = "extra", value_parser = ExtraInput::parse, value_name = "EXTRA", allow_hyphen_values = true)]
    extras: Vec<ExtraInput>,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    id: i64,
    #[arg(long)]
    title: Option<String>,
    #[arg(long, value_parser = Money::parse, allow_hyphen_values = true)]
    price: Option<Money>,
    #[arg(long)]
    days: Option<i64>,
    #[arg(long)]
    category: Option<String>,
    #[arg(long)]
    description: Option<String>,
    #[arg(long)]
    tags: Option<String>,
    #[arg(long)]
    sku: Option<String>,
    /// Replace the extras with these ("Title=PRICE+DAYSd", repeatable)
    #[arg(long = "extra", value_parser = ExtraInput::parse, value_name = "EXTRA", allow_hyphen_values = true)]
    extras: Vec<ExtraInput>,
    /// Remove every extra
    #[arg(long, conflicts_with = "extras")]
    no_extras: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long)]
    seller: Option<String>,
    #[arg(long)]
    category: Option<String>,
    /// pending_review, active, paused, rejected or suspended
    #[arg(long)]
    status: Option<String>,
    #[arg(long, value_parser = Money::parse, allow_hyphen_values = true)]
    min_price: Option<Money>,
    #[arg(long, value_parser = Money::parse, allow_hyphen_values = true)]
    max_price: Option<Money>,
    #[arg(long)]
    limit: Option<i64>,
    #[arg(long, default_value_t = 0)]
    offset: i64,
}

impl Tabular for Gig {
    fn headers() -> Vec<&'static str> {
        vec!["id", "seller", "sku", "title", "category", "tags", "price", "days", "status", "extras", "updated_at"]
    }
    fn row(&self) -> Vec<String> {
        let extras: Vec<String> = self
            .extras
            .iter()
            .map(|e| format!("#{} {} +{} +{}d", e.id, e.title, e.price_cents, e.extra_days))
            .collect();
        vec![
            self.id.to_string(),
            self.seller.clone(),
            self.sku.clone(),
            clip(&self.title, 60),
            self.category.clone(),
            self.tags.join(", "),
            self.price_cents.to_string(),
            self.delivery_days.to_string(),
            self.status.clone(),
            extras.join("\n"),
            self.updated_at.to_string(),
        ]
    }
}

pub fn run(app: &App, command: GigCommand) -> Result<()> {
    let mut store = app.open()?;
    let session = app.session();
    match command {
        GigCommand::Create(args) => {
            let input = create_input(app, args)?;
            let created = store.write(|tx| gigs::create(tx, &session, &input));
            let gig = moderate::record_refusal(&mut store, created, |tx| {
                moderation::record_blocked_gig(tx, &session, None, &input)
            })?;
            output::one(app, &gig)
        }
        GigCommand::Update(args) => {
            let id = args.id;
            let changes = update_changes(args);
            let updated = store.write(|tx| gigs::update(tx, &session, id, changes.clone()));
            let gig = moderate::record_refusal(&mut store, updated, |tx| {
                let after = changes.applied_to(gigs::input_of(&gigs::get(tx, id)?));
                moderation::record_blocked_gig(tx, &session, Some(id), &after)
            })?;
            output::one(app, &gig)
        }
        GigCommand::Show { id } => output::one(app, &gigs::get(store.conn(), id)?),
        GigCommand::List(args) => {
            let filter = GigFilter {
                seller: args.seller,
                category: args.category,
                status: args.status,
                min_price: args.min_price,
                max_price: args.max_price,
                limit: args.limit,
                offset: args.offset,
            };
            output::list(app, &gigs::list(store.conn(), &filter)?)
        }
        GigCommand::Pause { id } => output::one(app, &store.write(|tx| gigs::set_paused(tx, &session, id, true))?),
        GigCommand::Resume { id } => output::one(app, &store.write(|tx| gigs::set_paused(tx, &session, id, false))?),
    }
}

/// Fills the fields a seller left out by asking on a terminal; off one, a missing field
/// is a usage error naming the flag, never a prompt that hangs a script.
fn create_input(app: &App, args: CreateArgs) -> Result<GigInput> {
    let title = match args.title {
        Some(title) => title,
        None => ask(
            app,
            "--title",
            "Title",
            |t: &String| {
                if t.trim().is_empty() {
                    Err("a title is needed")
                } else {
                    Ok(())
                }
            },
        )?,
    };
    let price = match args.price {
        Some(price) => price,
        None => {
            let text = ask(app, "--price", "Price (e.g. 25 or 25.50)", |t: &String| {
                Money::parse(t).map(drop).map_err(|_| "expected an amount like 25 or 25.50")
            })?;
            Money::parse(&text)?
        }
    };
    let delivery_days = match args.days {
        Some(days) => days,
        None => ask(app, "--days", "Delivery days (1-90)", |d: &i64| {
            if gigs::DELIVERY_DAYS.contains(d) {
                Ok(())
            } else {
                Err("1 to 90 days")
            }
        })?,
    };
    Ok(GigInput {
        sku: args.sku,
        title,
        description: args.description,
        category: args.category,
        tags: gigs::parse_tags(&args.tags),
        price,
        delivery_days,
        extras: args.extras,
    })
}

fn ask<T>(app: &App, flag: &str, prompt: &str, check: impl Fn(&T) -> Result<(), &'static str>) -> Result<T>
where
    T: Clone + ToString + std::str::FromStr,
    T::Err: ToString,
{
    if !app.can_prompt() {
        return Err(souq::Error::usage(format!("missing {flag}"))
            .with_hint("pass it, or run on a terminal to be asked")
            .into());
    }
    Ok(dialoguer::Input::<T>::new().with_prompt(prompt).validate_with(|v: &T| check(v)).interact_text()?)
}

fn update_changes(args: UpdateArgs) -> GigChanges {
    let extras = if args.no_extras {
        Some(Vec::new())
    } else if args.extras.is_empty() {
        None
    } else {
        Some(args.extras)
    };
    GigChanges {
        sku: args.sku,
        title: args.title,
        description: args.description,
        category: args.category,
        tags: args.tags.as_deref().map(gigs::parse_tags),
        price: args.price,
        delivery_days: args.days,
        extras,
    }
}
