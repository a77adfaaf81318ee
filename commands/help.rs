//! `souq help`: help on a command, or the topics `environment` and `exit-codes`.

use anyhow::Result;
use clap::{Args, CommandFactory};

use crate::exit::CODES;
use crate::output;
use crate::Cli;

#[derive(Debug, Args)]
pub struct HelpArgs {
    /// A topic (environment, exit-codes) or a command path (gig import)
    topic: Vec<String>,
}

pub const ENVIRONMENT: &[(&str, &str)] = &[
    ("SOUQ_DB", "the database (--db): a SQLite file, default ./souq.db, or a PostgreSQL URL postgres://..."),
    ("SOUQ_USER", "the user to act as (--as)"),
    ("SOUQ_OUTPUT", "output format (-o): table, json, jsonl, csv, yaml"),
    ("SOUQ_NOW", "the time souq acts at, RFC 3339 (2026-11-27T10:00:00Z), for simulations and tests; 1970 to 9899, and a writing command never earlier than the newest event"),
    ("SOUQ_BUSY_TIMEOUT_MS", "how long to wait for another process's write lock; default 5000"),
    ("NO_COLOR", "honoured: souq prints no colour anyway"),
    ("USER / LOGNAME", "the OS user recorded on every event"),
];

pub fn run(args: HelpArgs) -> Result<()> {
    let topic: Vec<&str> = args.topic.iter().map(String::as_str).collect();
    match topic.as_slice() {
        ["environment"] | ["env"] => {
            let lines: Vec<String> =
                ENVIRONMENT.iter().map(|(name, meaning)| format!("  {name:<22} {meaning}\n")).collect();
            output::text(&format!("Environment variables:\n\n{}", lines.concat()))?;
        }
        ["exit-codes"] => {
            let lines: Vec<String> = CODES.iter().map(|(code, meaning)| format!("  {code:>3}  {meaning}\n")).collect();
            output::text(&format!("Exit codes:\n\n{}", lines.concat()))?;
        }
        path => {
            let mut command = Cli::command();
            command.build();
            let mut current = &mut command;
            for name in path {
                current = current.find_subcommand_mut(name).ok_or_else(|| {
                    souq::Error::usage(format!("no command or help topic {name:?}"))
                        .with_hint("topics: environment, exit-codes; commands: `souq --help`")
                })?;
            }
            current.print_long_help()?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command says what it does and every argument what it is, so `--help`, the man
    /// pages and the shells' completions describe all of them.
    #[test]
    fn every_argument_and_command_is_described() {
        fn walk(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in command.get_arguments() {
                let builtin = matches!(arg.get_id().as_str(), "help" | "version");
                if !builtin && arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("{path} {}", arg.get_id()));
                }
            }
            for sub in command.get_subcommands() {
                let sub_path = format!("{path} {}", sub.get_name());
                if sub.get_about().is_none() {
                    missing.push(sub_path.clone());
                }
                walk(sub, &sub_path, missing);
            }
        }
        let mut command = Cli::command();
        command.build();
        let mut missing = Vec::new();
        walk(&command, "souq", &mut missing);
        assert!(missing.is_empty(), "no description: {missing:#?}");
    }
}
