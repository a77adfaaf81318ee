//! The resolved global options of one invocation: where the database is, who acts, when, and how to print.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;
use souq::spreadsheet::CsvStyle;
use souq::store::{Location, Missing, Store};
use souq::{Session, Timestamp};

use crate::output::Format;

pub const DEFAULT_DB: &str = "souq.db";

pub struct App {
    /// --db / SOUQ_DB, if given.
    pub db: Option<PathBuf>,
    pub actor: Option<String>,
    pub format: Format,
    /// `--excel`: CSV with a byte order mark and CRLF.
    pub excel: bool,
    /// `--delimiter`, if given.
    pub delimiter: Option<u8>,
    pub yes: bool,
    pub no_input: bool,
    pub quiet: bool,
    /// `--fields`: the fields machine formats print, in this order.
    pub fields: Option<Vec<String>>,
    pub now: Timestamp,
    pub os_user: String,
    pub busy_timeout: Duration,
}

impl App {
    /// --db / SOUQ_DB: a SQLite file, or a PostgreSQL URL.
    pub fn location(&self) -> Location {
        Location::parse(self.db.as_deref().unwrap_or(Path::new(DEFAULT_DB)).as_os_str())
    }

    /// Opens the existing database (every command but init and demo).
    pub fn open(&self) -> Result<Store> {
        Ok(Store::open(self.location(), Missing::Refuse, self.busy_timeout)?)
    }

    pub fn open_or_create(&self) -> Result<Store> {
        Ok(Store::open(self.location(), Missing::Create, self.busy_timeout)?)
    }

    /// How CSV is written: `--excel`, `--delimiter`.
    pub fn csv_style(&self) -> CsvStyle {
        CsvStyle { excel: self.excel, delimiter: self.delimiter.unwrap_or(b',') }
    }

    pub fn session(&self) -> Session {
        Session { actor: self.actor.clone(), os_user: self.os_user.clone(), now: self.now }
    }

    /// Prompts are allowed only with a person at both ends: stdin to answer, stderr to ask on.
    pub fn can_prompt(&self) -> bool {
        !self.no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }

    /// Progress bars only when a person watches stderr.
    pub fn show_progress(&self) -> bool {
        !self.quiet && std::io::stderr().is_terminal()
    }

    /// Asks before something that cannot be undone. `--yes` answers for the user; with no
    /// terminal to ask on and no `--yes`, the command is refused (a usage error), never hung.
    /// A "no" is exit 4 with `declined` as its error (nothing was done: the command did not
    /// succeed); Ctrl-C is exit 130.
    pub fn confirm(&self, question: &str, declined: &str) -> Result<()> {
        if self.yes {
            return Ok(());
        }
        if !self.can_prompt() {
            return Err(souq::Error::usage(format!(
                "{question}: confirmation needed and there is no terminal to ask on"
            ))
            .with_hint("pass --yes to confirm from a script")
            .into());
        }
        crate::terminal::exit_130_on_interrupt();
        let yes =
            dialoguer::Confirm::new().with_prompt(crate::terminal::safe_line(question)).default(false).interact()?;
        if yes {
            Ok(())
        } else {
            Err(souq::Error::conflict(format!("not confirmed: {declined}")).into())
        }
    }

    /// A note for the person at the terminal (stderr), silenced by --quiet.
    pub fn note(&self, text: impl std::fmt::Display) {
        if !self.quiet {
            eprintln!("{}", crate::terminal::safe(&text.to_string()));
        }
    }
}

/// The OS login recorded on every event: who ran the command, whatever --as says.
pub fn os_user() -> String {
    for var in ["USER", "LOGNAME"] {
        if let Ok(name) = std::env::var(var) {
            if !name.is_empty() {
                return name;
            }
        }
    }
    // SAFETY: getuid has no preconditions and cannot fail.
    format!("uid:{}", unsafe { libc::getuid() })
}
