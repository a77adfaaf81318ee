//! `souq demo`: a sample marketplace in a fresh database, built from the embedded
//! examples/demo.yaml by the fixtures engine and walked through with tables a new user can follow.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;
use souq::store::{Location, Missing, Store};
use souq::Session;

use crate::app::App;

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
    app.note(format!("demo marketplace: {location}"));
    let file = "examples/demo.yaml";
    let fixture = souq::fixtures::parse(file, souq::fixtures::DEMO)?;
    let built = crate::fixtures::build(app, &mut store, &fixture, true, true);
    // the mark that lets the next `souq demo` replace this database, and nothing else: made
    // whatever the build's outcome (a reader gone mid-walkthrough still leaves the marketplace)
    let session = Session { actor: None, os_user: app.os_user.clone(), now: app.now };
    store.write(|tx| souq::events::record(tx, &session, "demo.created", "demo", 0, serde_json::json!({})))?;
    built?;
    app.note(format!("\nexplore it: souq --db {location} gig list --seller layla"));
    Ok(())
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
