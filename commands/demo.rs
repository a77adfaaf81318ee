//! `souq demo`: a sample marketplace in a fresh database, walked through with tables a new user can follow.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;
use souq::gigs::{self, ExtraInput, GigFilter, GigInput};
use souq::store::{Missing, Store};
use souq::users::{self, NewUser};
use souq::{Money, Session, Timestamp};

use crate::app::App;
use crate::output;

#[derive(Debug, Args)]
pub struct DemoArgs {}

/// Where the demo writes when no --db is given, so it never touches ./souq.db.
const DEMO_DB: &str = "souq-demo.db";

pub fn run(app: &App, _args: DemoArgs) -> Result<()> {
    let path = app.db.clone().unwrap_or_else(|| PathBuf::from(DEMO_DB));
    remove_previous_demo(&path)?;
    let mut store = Store::open(&path, Missing::Create, app.busy_timeout)?;
    let start = app.now;
    app.note(format!("demo marketplace: {}", path.display()));

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
    output::list(app, &users::list(store.conn())?)?;

    for (seller, input) in demo_gigs()? {
        let session = at(app, start, Some(seller));
        store.write(|tx| gigs::create(tx, &session, &input))?;
    }
    section(app, "Gigs in Arabic and English, with paid extras");
    output::list(app, &gigs::list(store.conn(), &GigFilter::default())?)?;
    app.note(format!("\nexplore it: souq --db {} gig list --seller layla", path.display()));

    search_day(app, &store)?;
    Ok(())
}

/// Search, spelled the way buyers type: without hamza, with ه for ة, without the article.
fn search_day(app: &App, store: &Store) -> Result<()> {
    let query = souq::search::SearchQuery { text: "انجليزيه".into(), limit: 5, ..Default::default() };
    section(app, "Search: `souq gig search انجليزيه` finds \"الإنجليزية\" (Arabic spellings fold together)");
    output::list(app, &souq::search::search(store.conn(), &query)?)
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
    if souq::events::list(store.conn(), &filter)?.is_empty() {
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
