//! souq: the marketplace library. Functions take a transaction, typed inputs and a [`Session`];
//! they return data and typed errors, and never print or read the environment.

pub mod audit;
mod busy;
pub mod clock;
mod confusables;
pub mod db;
pub mod disputes;
pub mod error;
pub mod events;
pub mod files;
pub mod fixtures;
pub mod gig_csv;
pub mod gigs;
pub mod input;
#[cfg(test)]
mod input_proptests;
pub mod journal;
pub mod ledger;
pub mod levels;
pub mod migrate;
pub mod moderation;
pub mod money;
pub mod orders;
pub mod payouts;
pub mod policy;
pub mod provider_file;
pub mod reports;
pub mod reviews;
pub mod search;
pub mod spreadsheet;
mod sqlite_memory;
pub mod statement;
pub mod status;
pub mod store;
#[cfg(test)]
mod test_engines;
pub mod text;
pub mod tick;
pub mod usernames;
pub mod users;
pub mod wallet;

pub use clock::Timestamp;
pub use error::{Error, ErrorKind, Result};
pub use money::Money;
pub use store::Store;

/// What an idempotent operation (one with a key or a provider's reference) returns: its result,
/// and whether this call replayed an earlier one with the same key, doing nothing new.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Replay<T> {
    #[serde(flatten)]
    pub value: T,
    pub replayed: bool,
}

/// Who is acting and when. The binary builds one per command from --as / SOUQ_USER,
/// the OS user and SOUQ_NOW; the library never looks these up itself.
#[derive(Debug, Clone)]
pub struct Session {
    /// The marketplace user acting (`--as`), if the command was given one.
    pub actor: Option<String>,
    /// The login of the person or cron job running the command, recorded on every event.
    pub os_user: String,
    pub now: Timestamp,
}
