//! The operator's synonym list: groups of words or phrases that mean the same to a buyer
//! (لوجو, شعار, logo), stored in the database and applied when a query is built, so a change
//! takes effect at once without indexing anything again.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::terms::words;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::{events, users, Session};

/// The file `gig synonyms import` reads: `synonyms: [[لوجو, شعار, logo], [cv, resume, سيرة ذاتية]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymFile {
    synonyms: Vec<Vec<String>>,
}

/// One group of the list: words or phrases a buyer may type for the same thing.
#[derive(Debug, Clone, Serialize)]
pub struct SynonymGroup {
    pub group: usize,
    pub phrases: Vec<String>,
}

/// A phrase longer than this is not a search term but a mistake in the file.
const MAX_PHRASE_CHARS: usize = 60;

/// Replaces the synonym list (admin only) with the groups of `yaml`, after checking all of it;
/// `file` names it in errors. Returns the groups as stored.
pub fn import(db: &Db, session: &Session, file: &str, yaml: &str) -> Result<Vec<SynonymGroup>> {
    users::acting_admin(db, session, "change the search synonyms")?;
    let parsed: SynonymFile =
        serde_norway::from_str(yaml).map_err(|e| Error::invalid(format!("{file}: not a synonym list: {e}")))?;
    for (n, group) in parsed.synonyms.iter().enumerate() {
        let at = |reason: String| Error::invalid(format!("{file}: synonym group {}: {reason}", n + 1));
        if group.len() < 2 {
            return Err(at(format!("{group:?} needs at least two words that mean the same")));
        }
        for phrase in group {
            if words(phrase).is_empty() || phrase.chars().count() > MAX_PHRASE_CHARS {
                return Err(at(format!("{phrase:?} is not a word or phrase of up to {MAX_PHRASE_CHARS} characters")));
            }
        }
    }
    db.execute("DELETE FROM search_synonyms", &[])?;
    for (n, group) in parsed.synonyms.iter().enumerate() {
        for (position, phrase) in group.iter().enumerate() {
            db.execute(
                "INSERT INTO search_synonyms (group_no, position, phrase) VALUES (?1, ?2, ?3)",
                params![n as i64 + 1, position as i64, phrase.trim()],
            )?;
        }
    }
    let groups = parsed.synonyms.len();
    events::record(db, session, "search.synonyms_imported", "search", 0, json!({"file": file, "groups": groups}))?;
    Ok(stored(db)?.into_iter().enumerate().map(|(n, phrases)| SynonymGroup { group: n + 1, phrases }).collect())
}

/// The synonym list as a file `import` reads back, one group a line.
pub fn export(db: &Db) -> Result<String> {
    let mut out = String::from("synonyms:\n");
    for group in stored(db)? {
        let quoted: Vec<String> = group.iter().map(|p| serde_json::Value::from(p.as_str()).to_string()).collect();
        out.push_str(&format!("  - [{}]\n", quoted.join(", ")));
    }
    Ok(out)
}

/// The groups as stored: phrases as the operator wrote them.
fn stored(db: &Db) -> Result<Vec<Vec<String>>> {
    let mut groups: Vec<(i64, Vec<String>)> = Vec::new();
    let rows: Vec<(i64, String)> =
        db.query_map("SELECT group_no, phrase FROM search_synonyms ORDER BY group_no, position", &[], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    for (group, phrase) in rows {
        match groups.last_mut() {
            Some((last, phrases)) if *last == group => phrases.push(phrase),
            _ => groups.push((group, vec![phrase])),
        }
    }
    Ok(groups.into_iter().map(|(_, phrases)| phrases).collect())
}

/// The groups with each phrase as search words (as `terms::words` splits and folds them).
pub fn groups(db: &Db) -> Result<Vec<Vec<Vec<String>>>> {
    Ok(stored(db)?.iter().map(|group| group.iter().map(|phrase| words(phrase)).collect()).collect())
}
