//! `souq completions SHELL` and `souq manpages DIR`: completion scripts and man pages generated
//! from the command definition, so they describe exactly what the binary accepts.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::output;
use crate::Cli;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    shell: Shell,
}

/// Generated into memory first: clap_complete panics on a failed write, and a closed pipe
/// (`souq completions bash | head`) must end quietly.
pub fn run(args: CompletionsArgs) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "souq", &mut script);
    output::text(&String::from_utf8(script)?)
}

#[derive(Debug, Args)]
pub struct ManpagesArgs {
    /// The folder to write souq.1, souq-gig.1, souq-gig-create.1 ... into (man/ in the repository)
    dir: PathBuf,
}

/// One page per command, the commands under it listed on its page (clap_mangen).
pub fn manpages(args: ManpagesArgs) -> Result<()> {
    std::fs::create_dir_all(&args.dir)?;
    clap_mangen::generate_to(Cli::command(), &args.dir)
        .map_err(|e| souq::Error::internal(format!("cannot write man pages to {}: {e}", args.dir.display())))?;
    Ok(())
}
