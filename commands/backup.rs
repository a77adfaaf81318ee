//! `souq backup FILE`: a consistent copy of the database, safe while other processes write.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::app::App;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The new file to write (an existing one only with --force)
    file: PathBuf,
    /// Replace FILE if it exists
    #[arg(long)]
    force: bool,
}

pub fn run(app: &App, args: BackupArgs) -> Result<()> {
    let store = app.open()?;
    store.backup_to(&args.file, args.force)?;
    app.note(format!("backed up {} to {}", store.location(), args.file.display()));
    Ok(())
}
