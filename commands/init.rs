//! `souq init`: create the database, or bring an existing one up to date; optionally its first admin.

use anyhow::Result;
use clap::Args;
use souq::users::{self, NewUser};

use crate::app::App;
use crate::output;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Create this admin too (skipped if the user already exists)
    #[arg(long, value_name = "NAME")]
    admin: Option<String>,
}

pub fn run(app: &App, args: InitArgs) -> Result<()> {
    let mut store = app.open_or_create()?;
    let session = app.session();
    let admin = store.write(|tx| {
        let Some(name) = &args.admin else { return Ok(None) };
        match users::find(tx, name)? {
            Some(existing) if existing.is_admin => Ok(Some(existing)),
            Some(_) => Err(souq::Error::conflict(format!("user {name} exists and is not an admin"))),
            None => users::add(tx, &session, &NewUser { username: name, email: None, is_admin: true }).map(Some),
        }
    })?;
    app.note(format!("database ready: {}", store.location()));
    if let Some(admin) = admin {
        output::one(app, &admin)?;
    }
    Ok(())
}
