//! `souq demo`: a sample marketplace in a fresh database, walked through with tables a new user can follow.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;
use souq::disputes::{self, Resolution};
use souq::gigs::{self, ExtraInput, GigFilter, GigInput};
use souq::moderation;
use souq::orders::{self, NewOrder, Review};
use souq::payouts::run::{self as payout_run, RunRequest};
use souq::payouts::{self, export, reconcile, PayoutMethod};
use souq::reports::{self, Period, SalesFilter};
use souq::reviews;
use souq::store::{Location, Missing, Store};
use souq::users::{self, NewUser};
use souq::wallet::{self, Deposit};
use souq::{audit, tick};
use souq::{Money, Session, Timestamp};

use crate::app::App;
use crate::output;
use souq::db::Db;

#[derive(Debug, Args)]
pub struct DemoArgs {}

/// Where the demo writes when no --db is given, so it never touches ./souq.db.
const DEMO_DB: &str = "souq-demo.db";

pub fn run(app: &App, _args: DemoArgs) -> Result<()> {
    let location = match &app.db {
        Some(_) => app.location(),
        None => Location::File(PathBuf::from(DEMO_DB)),
    };
    if let Location::File(path) = &location {
        remove_previous_demo(path)?;
    }
    let mut store = Store::open(&location, Missing::Create, app.busy_timeout)?;
    if !souq::events::list(store.db(), &souq::events::Filter { limit: Some(1), ..Default::default() })?.is_empty() {
        // a file was removed above; a PostgreSQL database is never emptied by souq
        return Err(souq::Error::conflict(format!(
            "{location} already holds a marketplace; the demo needs an empty one"
        ))
        .with_hint("on PostgreSQL: dropdb and createdb it, then run the demo again")
        .into());
    }
    // The story takes 37 days and ends before now: the timeline never runs backwards, so the
    // commands a visitor runs next (at now) must come after all of it.
    let start = app.now.plus_days(-40);
    app.note(format!("demo marketplace: {location}"));

    let admin = at(app, start, Some("admin"));
    store.write(|tx| {
        users::add(tx, &admin, &NewUser { username: "admin", email: Some("ops@souq.example"), is_admin: true })?;
        souq::events::record(tx, &admin, "demo.created", "demo", 0, serde_json::json!({}))?;
        for (name, email) in [
            ("layla", "layla@souq.example"),
            ("omar", "omar@souq.example"),
            ("sam", "sam@souq.example"),
            ("noura", "noura@souq.example"),
            ("james", "james@souq.example"),
        ] {
            users::add(tx, &admin, &NewUser { username: name, email: Some(email), is_admin: false })?;
        }
        Ok(())
    })?;
    section(app, "Users: an admin, three sellers (layla, omar, sam) and two buyers (noura, james)");
    output::list(app, &users::list(store.db())?)?;

    for (seller, input) in demo_gigs()? {
        let session = at(app, start, Some(seller));
        store.write(|tx| gigs::create(tx, &session, &input))?;
    }
    section(app, "Gigs in Arabic and English, with paid extras");
    output::list(app, &gigs::list(store.db(), &GigFilter::default())?)?;

    search_day(app, &store)?;
    moderation_day(app, &mut store, start)?;
    marketplace_day(app, &mut store, start.plus_seconds(600))?;
    payout_day(app, &mut store, start.plus_days(30))?;
    dispute_day(app, &mut store, start.plus_days(31))?;
    app.note(format!("\nexplore it: souq --db {location} gig list --seller layla"));
    Ok(())
}

/// A review with the seller's reply, then a dispute an admin settles with a split refund, and
/// the sales report that shows both.
fn dispute_day(app: &App, store: &mut Store, start: Timestamp) -> Result<()> {
    let day = |n: i64, who: &str| at(app, start.plus_days(n), Some(who));
    let gig_of = |db: &Db, seller: &str, sku: &str| -> souq::Result<i64> {
        let seller = users::get(db, seller)?;
        Ok(gigs::find_by_sku(db, seller.id, sku)?.ok_or_else(|| souq::Error::not_found("gig", sku))?.id)
    };
    let (reviewed, dispute) = store.write(|tx| {
        for (buyer, reference) in [("noura", "demo-noura"), ("james", "demo-james")] {
            let deposit = Deposit { username: buyer, amount: Money::from_cents(10_000), method: "paypal", reference };
            wallet::deposit(tx, &day(0, "admin"), &deposit)?;
        }
        let order = |gig_id| NewOrder { gig_id, extras: Vec::new(), quantity: 1, note: None, key: None };
        let translation = gig_of(tx, "layla", "tr-en-ar")?;
        let logo = gig_of(tx, "omar", "logo")?;

        let reviewed = orders::place(tx, &day(1, "noura"), &order(translation))?.value.id;
        let disputed = orders::place(tx, &day(1, "james"), &order(logo))?.value.id;
        orders::deliver(tx, &day(2, "layla"), reviewed, "الترجمة مرفقة", &[])?;
        let review = Review { rating: 5, text: Some("ترجمة دقيقة وسريعة".into()) };
        orders::complete(tx, &day(2, "noura"), reviewed, Some(&review))?;
        reviews::reply(tx, &day(3, "layla"), reviewed, "شكرا لك، يسعدني العمل معك مجددا")?;

        orders::deliver(tx, &day(4, "omar"), disputed, "Logo attached", &[])?;
        let dispute = disputes::open(tx, &day(5, "james"), disputed, "Only one of the three concepts was delivered")?;
        disputes::comment(tx, &day(5, "omar"), dispute.id, "The other two are on the way")?;
        let split = Resolution::Refund(Money::parse("8.75")?);
        disputes::resolve(tx, &day(6, "admin"), dispute.id, split, Some("one concept of three, refund a third"))?;
        Ok((reviewed, dispute.id))
    })?;

    section(app, "A review, answered by the seller");
    output::one(app, &orders::get(store.db(), reviewed)?)?;
    section(app, "A dispute settled by an admin: 8.75 back to james, the commission only on omar's 16.25");
    output::one(app, &disputes::get(store.db(), dispute)?)?;
    section(app, "Sales by day");
    let filter = SalesFilter { by: Period::Day, ..SalesFilter::default() };
    crate::report::print_sales(app, &reports::sales(store.db(), &day(6, "admin"), &filter)?)?;
    app.note(format!("\nthe whole dispute: souq --db {} dispute show {dispute} --as admin", store.location()));
    Ok(())
}

/// Orders, money and time: deposits, orders in every state, deliveries, a revision, reviews, a
/// cancellation request, a late cancellation, `tick` on simulated days, wallets and the audit.
fn marketplace_day(app: &App, store: &mut Store, start: Timestamp) -> Result<()> {
    let hour = |h: i64| start.plus_seconds(h * 3600);
    let extra_of = |store: &Store, gig: i64| -> Result<i64> { Ok(gigs::get(store.db(), gig)?.extras[0].id) };
    let express = extra_of(store, 1)?;

    let admin = at(app, start, Some("admin"));
    // the gateways' settlement file, as an admin imports it each morning
    let settlement = "username,amount,method,reference\nnoura,200,paypal,PP-1001\njames,150,cashu,CU-2002\n";
    store.write(|tx| wallet::import_deposits(tx, &admin, settlement.as_bytes()))?;
    for (buyer, gig, extras, quantity) in [
        ("noura", 1, vec![express], 1), // 1: translation with express delivery
        ("noura", 3, vec![], 1),        // 2: logo
        ("james", 5, vec![], 1),        // 3: WordPress fix
        ("james", 4, vec![], 2),        // 4: two banners
        ("noura", 6, vec![], 1),        // 5: voice-over
        ("james", 2, vec![], 1),        // 6: proofreading
    ] {
        let new = NewOrder { gig_id: gig, extras, quantity, note: None, key: None };
        store.write(|tx| orders::place(tx, &at(app, hour(1), Some(buyer)), &new))?;
    }
    store.write(|tx| {
        orders::message(tx, &at(app, hour(2), Some("noura")), 1, "الرجاء الحفاظ على الأسلوب الرسمي")?;
        orders::deliver(tx, &at(app, hour(6), Some("layla")), 1, "الترجمة جاهزة", &[])?;
        orders::deliver(tx, &at(app, hour(8), Some("sam")), 3, "Fixed: the plugin conflict is gone", &[])?;
        orders::deliver(tx, &at(app, hour(9), Some("omar")), 4, "Two banners attached", &[])?;
        Ok(())
    })?;
    wallets(
        app,
        store,
        hour(9),
        "Day 1: buyers pay in (the admin records it), order six gigs; the money waits in escrow",
    )?;

    store.write(|tx| {
        let review = |rating, text: &str| orders::Review { rating, text: Some(text.to_string()) };
        orders::complete(tx, &at(app, hour(20), Some("noura")), 1, Some(&review(5, "ممتاز، تسليم سريع")))?;
        orders::complete(tx, &at(app, hour(22), Some("james")), 3, Some(&review(4, "Quick and clean")))?;
        orders::revise(tx, &at(app, hour(23), Some("james")), 4, Some("Please make the logo bigger"))?;
        orders::cancel(tx, &at(app, hour(26), Some("noura")), 5, Some("I found a recording"))?;
        orders::deliver(tx, &at(app, hour(30), Some("omar")), 4, "Bigger logo, as asked", &[])?;
        Ok(())
    })?;
    section(
        app,
        "Day 2: two orders completed with reviews, one revised and delivered again, one cancellation requested",
    );
    order_list(app, store, hour(30))?;
    blocked_message(app, store, at(app, hour(31), Some("omar")), 4)?;

    section(app, "Day 5: tick accepts the unanswered cancellation request and flags the late proofreading order");
    run_tick(app, store, hour(4 * 24))?;
    store.write(|tx| orders::cancel(tx, &at(app, hour(4 * 24 + 1), Some("james")), 6, Some("too late for me")))?;
    section(app, "The buyer of a late order cancels at once: refunded to credit");
    order_list(app, store, hour(4 * 24 + 1))?;

    section(app, "Day 6: tick completes the delivery nobody answered for three days");
    run_tick(app, store, hour(5 * 24 + 12))?;
    store.write(|tx| {
        let proofreading = NewOrder { gig_id: 2, extras: Vec::new(), quantity: 1, note: None, key: None };
        orders::place(tx, &at(app, hour(19 * 24), Some("noura")), &proofreading)?;
        orders::deliver(tx, &at(app, hour(19 * 24 + 5), Some("layla")), 7, "تم التدقيق", &[])?;
        let voice =
            NewOrder { gig_id: 6, extras: Vec::new(), quantity: 1, note: Some("British accent".into()), key: None };
        orders::place(tx, &at(app, hour(19 * 24 + 6), Some("james")), &voice)?;
        Ok(())
    })?;
    section(app, "Day 21: tick clears earnings fourteen days after their completion");
    run_tick(app, store, hour(20 * 24))?;
    section(app, "Orders in every state: active (one late), delivered, completed, cancelled");
    order_list(app, store, hour(20 * 24))?;
    wallets(app, store, hour(20 * 24), "Wallets: cleared earnings are available to withdraw; refunds sit in credit")?;

    section(app, "Audit: every invariant of the ledger holds");
    output::list(app, &audit::run(store.db())?.checks)
}

fn run_tick(app: &App, store: &mut Store, now: Timestamp) -> Result<()> {
    let summary = store.write(|tx| tick::run(tx, &at(app, now, None)))?;
    output::one(app, &summary)
}

fn order_list(app: &App, store: &Store, now: Timestamp) -> Result<()> {
    let filter = orders::OrderFilter::default();
    output::list(app, &orders::list(store.db(), &at(app, now, Some("admin")), &filter)?)
}

fn wallets(app: &App, store: &Store, now: Timestamp, title: &str) -> Result<()> {
    section(app, title);
    let admin = at(app, now, Some("admin"));
    let mut all = Vec::new();
    for user in ["layla", "omar", "sam", "noura", "james"] {
        all.push(wallet::show(store.db(), &admin, Some(user))?);
    }
    output::list(app, &all)
}

/// The payout day: sellers choose how they are paid, the admin pays every PayPal seller with
/// cleared earnings in one batch, exports the PayPal file and reconciles PayPal's results.
fn payout_day(app: &App, store: &mut Store, now: Timestamp) -> Result<()> {
    for (seller, method, account) in [
        ("layla", PayoutMethod::Paypal, "layla@souq.example"),
        ("omar", PayoutMethod::Paypal, "omar@souq.example"),
        ("sam", PayoutMethod::Bank, "GB82 WEST 1234 5698 7654 32"),
    ] {
        let session = at(app, now, Some(seller));
        store.write(|tx| users::set_payout(tx, &session, seller, method, account))?;
    }
    let admin = at(app, now, Some("admin"));
    let request = RunRequest { key: "demo-payday".into(), method: Some(PayoutMethod::Paypal), min: None };
    let summary = store.write(|tx| payout_run::run(tx, &admin, &request, None, &mut |_, _| {}))?;
    section(app, "Payout day: every PayPal seller with at least min_payout available, in one batch");
    output::one(app, &summary)?;
    let batch = summary.batch.as_ref().ok_or_else(|| souq::Error::internal("the demo's sellers have earnings"))?.id;
    let items = payouts::items_of(store.db(), batch)?;
    output::list(app, &items)?;

    section(app, "The PayPal Payouts file (souq payout export)");
    for part in export::export(store.db(), &admin, batch)? {
        app.note(String::from_utf8_lossy(&part.bytes).trim_end());
    }

    // PayPal pays the first seller; the second has no PayPal account yet (UNCLAIMED).
    let mut results = String::from("item_id,status,provider_ref\n");
    for (item, status) in items.iter().zip(["SUCCESS", "UNCLAIMED"]) {
        results.push_str(&format!("{},{status},PP-{}\n", item.item_ref, item.id));
    }
    let reconciled = store.write(|tx| reconcile::reconcile(tx, &admin, batch, results.as_bytes()))?;
    section(app, "PayPal's results reconciled (souq payout reconcile): paid out, or still in flight");
    output::one(app, &reconciled)?;
    output::list(app, &payouts::items_of(store.db(), batch)?)?;
    Ok(())
}

/// Moderation: a gig held for a phone number, one flagged for an outside payment, and one
/// refused outright, whose refusal is still recorded for automation.
fn moderation_day(app: &App, store: &mut Store, start: Timestamp) -> Result<()> {
    let omar = at(app, start.plus_seconds(60), Some("omar"));
    let mut held = demo_gig("wa-logo", "شعار سريع خلال يوم", "20")?;
    held.description = "للتواصل السريع واتساب ٠٥٠ ١٢٣ ٤٥ ٦٧".into();
    let held = store.write(|tx| gigs::create(tx, &omar, &held))?;
    let sam = at(app, start.plus_seconds(120), Some("sam"));
    let mut flagged = demo_gig("seo-pack", "SEO audit for your website", "40")?;
    flagged.description = "Full report in 3 days. I also accept Western Union.".into();
    store.write(|tx| gigs::create(tx, &sam, &flagged))?;
    let refused = demo_gig("reviews", "100 fake reviews for your shop", "15")?;
    let result = store.write(|tx| gigs::create(tx, &sam, &refused));
    if let Err(err) = result {
        app.note(format!("\nsam's third gig was refused: {}", err.message()));
    }
    section(app, "The moderation queue: a gig held for a phone number, one flagged for Western Union");
    let admin = at(app, start.plus_seconds(180), Some("admin"));
    output::list(app, &moderation::queue(store.db(), &admin, Some(moderation::FlagStatus::Open), None)?)?;
    app.note(format!(
        "decide: souq --db {} --as admin moderate approve gig:{} --reason \"...\"",
        store.location(),
        held.id
    ));
    Ok(())
}

fn demo_gig(sku: &str, title: &str, price: &str) -> Result<GigInput> {
    Ok(GigInput {
        sku: Some(sku.into()),
        title: title.into(),
        description: String::new(),
        category: String::new(),
        tags: Vec::new(),
        price: Money::parse(price)?,
        delivery_days: 2,
        extras: Vec::new(),
    })
}

/// A seller tries to take the buyer off the platform with a number in circled and Arabic digits
/// split by an emoji: the message is refused (exit 4 from the
/// command line) and the refusal recorded as a `message.blocked` event for automation.
fn blocked_message(app: &App, store: &mut Store, seller: Session, order_id: i64) -> Result<()> {
    let text = "للتعديلات السريعة راسلني وتساب ⓪⑤⓪ 🌹 ١٢٣ ٤٥ ٦٧";
    let refused = store.write(|tx| orders::message(tx, &seller, order_id, text)).unwrap_err();
    section(app, "A message with a disguised phone number is refused, and the refusal is an event scripts follow");
    app.note(format!("refused: {}", refused.message()));
    let blocked = souq::events::Filter { kind_prefix: Some("message.blocked".into()), ..Default::default() };
    output::list(app, &souq::events::list(store.db(), &blocked)?)
}

/// Search, spelled the way buyers type: without hamza, with ه for ة, without the article.
fn search_day(app: &App, store: &Store) -> Result<()> {
    let query = souq::search::SearchQuery { text: "انجليزيه".into(), limit: 5, ..Default::default() };
    section(app, "Search: `souq gig search انجليزيه` finds \"الإنجليزية\" (Arabic spellings fold together)");
    output::list(app, &souq::search::search(store.db(), &query)?)
}

fn at(app: &App, now: Timestamp, actor: Option<&str>) -> Session {
    Session { actor: actor.map(str::to_string), os_user: app.os_user.clone(), now }
}

fn section(app: &App, title: &str) {
    app.note(format!("\n== {title}"));
}

/// Only a database the demo made itself is replaced; any other file at the path is left alone.
fn remove_previous_demo(path: &Path) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let store = Store::open(path, Missing::Refuse, std::time::Duration::from_secs(5)).map_err(|_| not_a_demo(path))?;
    let filter =
        souq::events::Filter { kind_prefix: Some("demo.created".into()), limit: Some(1), ..Default::default() };
    if souq::events::list(store.db(), &filter)?.is_empty() {
        return Err(not_a_demo(path).into());
    }
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        if file.exists() {
            std::fs::remove_file(file)?;
        }
    }
    Ok(())
}

fn not_a_demo(path: &Path) -> souq::Error {
    souq::Error::conflict(format!(
        "{} exists and is not a demo database; the demo will not overwrite it",
        path.display()
    ))
    .with_hint("pass --db with a new file name")
}

fn demo_gigs() -> Result<Vec<(&'static str, GigInput)>> {
    let gig = |sku: &str,
               title: &str,
               category: &str,
               tags: &str,
               price: &str,
               days: i64,
               extras: &[&str]|
     -> Result<GigInput> {
        Ok(GigInput {
            sku: Some(sku.into()),
            title: title.into(),
            description: String::new(),
            category: category.into(),
            tags: gigs::parse_tags(tags),
            price: Money::parse(price)?,
            delivery_days: days,
            extras: extras.iter().map(|e| ExtraInput::parse(e)).collect::<souq::Result<_>>()?,
        })
    };
    Ok(vec![
        (
            "layla",
            gig(
                "tr-en-ar",
                "ترجمة احترافية من الإنجليزية إلى العربية",
                "ترجمة",
                "ترجمة,إنجليزي",
                "15",
                3,
                &["تسليم سريع=10+0d", "تدقيق لغوي=5+1d"],
            )?,
        ),
        ("layla", gig("proof-ar", "تدقيق لغوي ونحوي لنصوصك العربية", "ترجمة", "تدقيق,لغة عربية", "10", 2, &[])?),
        ("omar", gig("logo", "تصميم شعار احترافي لشركتك", "تصميم", "شعار,هوية", "25", 5, &["ملف مفتوح المصدر=15+0d"])?),
        (
            "omar",
            gig(
                "banner",
                "Social media banner design",
                "design",
                "banner,social",
                "12.50",
                2,
                &["Extra revision=5+1d"],
            )?,
        ),
        (
            "sam",
            gig(
                "wp-fix",
                "Fix any WordPress bug within 24 hours",
                "programming",
                "wordpress,php",
                "30",
                1,
                &["Speed audit=20+2d"],
            )?,
        ),
        ("sam", gig("voice-en", "English voice-over up to 150 words", "audio", "voice,english", "5", 2, &[])?),
    ])
}
