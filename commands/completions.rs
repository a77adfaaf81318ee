//! `souq completions SHELL`: completion scripts generated from the command definition.

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
