//! Gig search: an index of each word's forms (the word, its stems, its Arabic roots), queried
//! at widening levels of looseness (query.rs) so that closer matches come first, ranked within
//! a level by relevance, with a snippet of the seller's own words. On SQLite the index is FTS5,
//! kept in step by triggers calling this module's Rust; on PostgreSQL it is a tsvector per gig
//! that the gig code writes (pg.rs). Both hold the same terms, from terms.rs.

mod arabic;
mod query;
pub mod synonyms;
mod terms;

use std::cell::RefCell;
use std::collections::HashSet;

use rusqlite::config::DbConfig;
use rusqlite::functions::FunctionFlags;
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::db::{Db, Engine};
use crate::error::{Error, Result};
use crate::gigs::{self, Gig};
use crate::money::Money;
pub use query::{Expr, Level};
pub use terms::{index_text, words, Forms};

/// The SQL function the gigs_fts triggers in schema.sql call; registered on every connection
/// by `Store::open`, so no write to `gigs` can leave the index behind.
pub const INDEX_TEXT_FUNCTION: &str = "souq_search_text";

/// The SQL function giving the vocabulary terms of a gig's title, description and tags as a
/// JSON array, for the triggers to add to search_terms.
pub const VOCABULARY_FUNCTION: &str = "souq_search_terms";

/// Registers [`INDEX_TEXT_FUNCTION`] and [`VOCABULARY_FUNCTION`]. They are innocuous (they
/// only read their arguments), which SQLite requires of a function a trigger calls.
pub fn register(conn: &Connection) -> Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS;
    conn.create_scalar_function(INDEX_TEXT_FUNCTION, 1, flags, |ctx| Ok(index_text(&ctx.get::<String>(0)?)))?;
    conn.create_scalar_function(VOCABULARY_FUNCTION, 3, flags, |ctx| {
        let texts = [ctx.get::<String>(0)?, ctx.get::<String>(1)?, ctx.get::<String>(2)?];
        let terms = terms::vocabulary(&[&texts[0], &texts[1], &texts[2]]);
        Ok(serde_json::Value::from(terms).to_string())
    })?;
    Ok(())
}

/// Bulk indexing for one transaction: while it lives the connection runs no triggers, the
/// caller [`Deferred::add`]s each gig it inserts with its [`IndexEntry`] (made wherever is
/// convenient, another thread included), [`Deferred::mark`]s each existing gig whose text it
/// changes, and [`Deferred::finish`] indexes the marked ones in one statement and adds the
/// words seen to the vocabulary (those not written on the way: see [`VOCABULARY_HELD`]).
/// A trigger makes every one-row write to gigs a statement that may write several rows
/// and abort halfway, for which SQLite keeps a statement journal (a copy of every page the
/// statement touches, in a temporary file) and at whose savepoint FTS5 flushes its
/// in-memory buffer: one tiny segment per gig, then most of a large import spent merging
/// them. A one-row insert into gigs_fts with no trigger around it needs neither, so FTS5
/// buffers the added rows as it would for one big statement. A bulk writer writes only
/// gigs, gig_extras, moderation flags and events (inserts, which no other trigger watches).
pub struct Deferred<'c> {
    db: &'c Db,
    /// The vocabulary terms of the gigs added and not written yet: written when there are
    /// [`VOCABULARY_HELD`] of them and at the end, so that each is written about once.
    vocabulary: RefCell<Vocabulary>,
    /// The FTS5 settings [`BULK_SETTINGS`] changed, with the values to put back.
    restore: Vec<(&'static str, i64)>,
}

/// Every term of every gig is looked up in this set on the import's writing thread, its
/// bottleneck: hashed with foldhash, not std's SipHash (which guards against chosen keys; the set
/// lives for one import and its keys are the file's own words). SipHash was 15.4M of that
/// thread's 249M instructions for 2,500 gigs; foldhash saves about 13M of them (callgrind).
type Vocabulary = HashSet<String, foldhash::fast::RandomState>;

/// How many vocabulary terms a [`Deferred`] holds before writing them (a few MiB): a file's
/// words repeat, so most imports write their vocabulary once, at the end, and a file of
/// ever new words keeps memory flat.
const VOCABULARY_HELD: usize = 100_000;

/// What the index stores for one gig: its title, description and tags as [`index_text`]
/// gives them (the text the gigs_fts triggers store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    title: String,
    description: String,
    tags: String,
    /// From [`IndexEntry::learning`]: the vocabulary terms of the words its thread had not
    /// indexed before, space separated.
    first_seen: Option<String>,
}

impl IndexEntry {
    /// The entry of a gig stored with these columns (`tags` as stored: joined by ',').
    pub fn of(title: &str, description: &str, tags: &str) -> IndexEntry {
        IndexEntry {
            title: index_text(title),
            description: index_text(description),
            tags: index_text(tags),
            first_seen: None,
        }
    }

    /// [`IndexEntry::of`], noting the vocabulary terms of the words the calling thread had not
    /// indexed before: made on threads that live for one import, whose every entry goes to one
    /// [`Deferred`], these hold every term of the import, each about once per thread. The
    /// import's writing thread, its bottleneck, then looks up a few new terms a gig instead of
    /// every one of its words and stems (a tenth of that thread's work).
    pub fn learning(title: &str, description: &str, tags: &str) -> IndexEntry {
        let mut first_seen = String::new();
        let title = terms::index_column(title, Some(&mut first_seen));
        let description = terms::index_column(description, Some(&mut first_seen));
        let tags = terms::index_column(tags, Some(&mut first_seen));
        IndexEntry { title, description, tags, first_seen: Some(first_seen) }
    }

    /// Its vocabulary terms, a term repeated as often as its words are (whoever writes them
    /// takes each once: sorting them on an import's workers cost a fifth of making the entry).
    fn vocabulary(&self) -> impl Iterator<Item = &str> {
        [&self.title, &self.description, &self.tags].into_iter().flat_map(|text| terms::vocabulary_of(text))
    }

    /// The terms a [`Deferred`] adds to the vocabulary for it: those first seen, if noted.
    fn terms_to_learn(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        match &self.first_seen {
            Some(first_seen) => Box::new(first_seen.split(' ').filter(|term| !term.is_empty())),
            None => Box::new(self.vocabulary()),
        }
    }
}

const PENDING_SQL: &str = "
    CREATE TEMP TABLE IF NOT EXISTS search_pending (gig_id INTEGER PRIMARY KEY);
    DELETE FROM temp.search_pending;";

/// Starts deferring, inside a write transaction on SQLite (PostgreSQL has no triggers to turn
/// off: see [`index_gig`]); dropping the guard (also on an error) ends it.
pub fn defer(db: &Db) -> Result<Deferred<'_>> {
    let conn = sqlite_only(db)?;
    db.execute_batch(PENDING_SQL)?;
    // Changing the setting expires every prepared statement: none compiled without the
    // triggers runs after they are back.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    let restore = BULK_SETTINGS
        .iter()
        .map(|&(name, bulk, default)| {
            let sql = "SELECT v FROM gigs_fts_config WHERE k = ?1";
            let own: Option<i64> = db.query_opt(sql, params![name], |r| r.get(0))?;
            set_fts_option(db, name, bulk)?;
            Ok((name, own.unwrap_or(default)))
        })
        .collect::<Result<_>>()?;
    Ok(Deferred { db, vocabulary: RefCell::new(Vocabulary::default()), restore })
}

/// FTS5's settings while a bulk writer defers: (name, value, FTS5's default). FTS5 keeps the
/// rows added in a hash table and writes it out as a new segment of the index when it holds
/// `hashsize` bytes; once `automerge` segments are of one size it merges them into a larger
/// one (fts5.html#fts5_configuration_options). With the defaults (1 MiB, 4) a large import
/// wrote its terms out again and again merging small segments. The table's own settings are
/// back before the transaction commits, so later writes and every search see them (a failed
/// import rolls the change back with the rest).
const BULK_SETTINGS: [(&str, i64, i64); 2] = [("hashsize", 8 << 20, 1 << 20), ("automerge", 8, 4)];

fn set_fts_option(db: &Db, name: &str, value: i64) -> Result<()> {
    db.execute("INSERT INTO gigs_fts (gigs_fts, rank) VALUES (?1, ?2)", params![name, value])?;
    Ok(())
}

fn sqlite_only(db: &Db) -> Result<&Connection> {
    db.sqlite().ok_or_else(|| Error::internal("the FTS5 search index is SQLite's (a bug in souq)"))
}

impl Deferred<'_> {
    /// Indexes gig `gig_id`, just inserted, as `entry` (from its stored columns) says.
    pub fn add(&self, gig_id: i64, entry: &IndexEntry) -> Result<()> {
        self.db.execute(
            "INSERT INTO gigs_fts (rowid, title, description, tags) VALUES (?1, ?2, ?3, ?4)",
            params![gig_id, entry.title, entry.description, entry.tags],
        )?;
        let mut vocabulary = self.vocabulary.borrow_mut();
        for term in entry.terms_to_learn() {
            if !vocabulary.contains(term) {
                vocabulary.insert(term.to_string());
            }
        }
        if vocabulary.len() >= VOCABULARY_HELD {
            self.write_vocabulary(&mut vocabulary)?;
        }
        Ok(())
    }

    /// Adds the terms held to search_terms, in order (its primary key's index is then written
    /// from left to right), and forgets them.
    fn write_vocabulary(&self, held: &mut Vocabulary) -> Result<()> {
        let mut terms: Vec<String> = held.drain().collect();
        terms.sort_unstable();
        for term in &terms {
            self.db.execute("INSERT OR IGNORE INTO search_terms (term) VALUES (?1)", params![term])?;
        }
        Ok(())
    }

    /// The text of existing gig `gig_id` changed: index it again at [`Deferred::finish`].
    pub fn mark(&self, gig_id: i64) -> Result<()> {
        self.db.execute("INSERT OR IGNORE INTO temp.search_pending (gig_id) VALUES (?1)", params![gig_id])?;
        Ok(())
    }

    /// Indexes the marked gigs again (dropping what the index held for them first) and ends
    /// deferring.
    pub fn finish(self) -> Result<()> {
        let db = self.db;
        db.execute("DELETE FROM gigs_fts WHERE rowid IN (SELECT gig_id FROM temp.search_pending)", &[])?;
        db.execute(
            "INSERT INTO gigs_fts (rowid, title, description, tags)
             SELECT id, souq_search_text(title), souq_search_text(description), souq_search_text(tags)
             FROM gigs WHERE id IN (SELECT gig_id FROM temp.search_pending)
             ORDER BY id",
            &[],
        )?;
        db.execute(
            "INSERT OR IGNORE INTO search_terms (term)
             SELECT terms.value FROM gigs g, json_each(souq_search_terms(g.title, g.description, g.tags)) terms
             WHERE g.id IN (SELECT gig_id FROM temp.search_pending)",
            &[],
        )?;
        db.execute("DELETE FROM temp.search_pending", &[])?;
        for &(name, value) in &self.restore {
            set_fts_option(db, name, value)?;
        }
        self.write_vocabulary(&mut self.vocabulary.borrow_mut())
    }
}

impl Drop for Deferred<'_> {
    fn drop(&mut self) {
        // The setting belongs to this connection, not to the database; should turning the
        // triggers back on fail, the connection ends with its command anyway.
        if let Some(conn) = self.db.sqlite() {
            let _ = conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true);
        }
    }
}

/// Indexes gig `gig_id`, just inserted or changed, with its columns as stored (`tags` joined by
/// ','). SQLite's triggers have already done it as the row was written (or a [`Deferred`] does
/// it); on PostgreSQL, which cannot call souq's Rust, the gig code calls this in the same
/// transaction.
pub fn index_gig(db: &Db, gig_id: i64, title: &str, description: &str, tags: &str) -> Result<()> {
    match db.engine() {
        Engine::Sqlite => Ok(()),
        Engine::Postgres => pg::index(db, &[(gig_id, &IndexEntry::of(title, description, tags))]),
    }
}

/// [`index_gig`] for many gigs at once, each with its [`IndexEntry`]: an import's batch on
/// PostgreSQL, in two statements.
pub fn index_gigs(db: &Db, gigs: &[(i64, &IndexEntry)]) -> Result<()> {
    match db.engine() {
        Engine::Sqlite => Ok(()),
        Engine::Postgres => pg::index(db, gigs),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best bm25 score first (title counts most, then tags, then description).
    #[default]
    Relevance,
    /// Cheapest first.
    Price,
    /// Most recently listed first.
    Newest,
}

#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: String,
    pub category: Option<String>,
    pub min_price: Option<Money>,
    pub max_price: Option<Money>,
    pub sort: Sort,
    pub limit: i64,
}

/// One gig found, with its score (lower is better: bm25 on SQLite, minus ts_rank on PostgreSQL)
/// and a snippet where the words matched.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    #[serde(flatten)]
    pub gig: Gig,
    pub score: f64,
    pub snippet: String,
}

// Only what a buyer may order is searchable: active gigs of sellers who are not suspended.
// The filter is applied at query time rather than by keeping such gigs out of the index, so
// a pause, a suspension or a moderation decision takes effect at once. One text for the
// statements below and pg.rs's (a macro, because concat! takes literals): ?2 category, ?3/?4
// price range.
macro_rules! visible_gig {
    () => {
        "g.status = 'active' AND u.status = 'active'
         AND (CAST(?2 AS TEXT) IS NULL OR g.category = ?2)
         AND (CAST(?3 AS BIGINT) IS NULL OR g.price_cents >= ?3)
         AND (CAST(?4 AS BIGINT) IS NULL OR g.price_cents <= ?4)"
    };
}

/// Every gig whose words match, best bm25 score first (title weighs 10, tags 5, description 1).
const RANKED_SQL: &str = "
    SELECT rowid, rank FROM gigs_fts
    WHERE gigs_fts MATCH ?1 AND rank MATCH 'bm25(10.0, 1.0, 5.0)'
    ORDER BY rank";

/// Whether gig ?1 may be shown under the filters.
const VISIBLE_SQL: &str =
    concat!("SELECT 1 FROM gigs g JOIN users u ON u.id = g.seller_id WHERE g.id = ?1 AND ", visible_gig!());

/// Matching visible gigs by price (?5 = 'price') or newest first, then by score.
const SORTED_SQL: &str = concat!(
    "SELECT g.id, gigs_fts.rank FROM gigs_fts
     JOIN gigs g ON g.id = gigs_fts.rowid JOIN users u ON u.id = g.seller_id
     WHERE gigs_fts MATCH ?1 AND rank MATCH 'bm25(10.0, 1.0, 5.0)' AND ",
    visible_gig!(),
    " ORDER BY CASE ?5 WHEN 'price' THEN g.price_cents END,
              CASE ?5 WHEN 'newest' THEN g.created_at END DESC,
              gigs_fts.rank, g.id
     LIMIT ?6"
);

// declared here, after visible_gig!, whose text its statement shares
mod pg;

/// The gigs matching `query`, closest matches first: each [`Level`] in turn adds the gigs only
/// it matches after those of the levels before, until `limit` gigs are found.
pub fn search(db: &Db, query: &SearchQuery) -> Result<Vec<SearchHit>> {
    if query.limit < 1 {
        return Err(Error::invalid(format!("--limit must be at least 1, got {}", query.limit)));
    }
    let limit = usize::try_from(query.limit).unwrap_or(usize::MAX);
    let mut words = query::Query::new(db, &query.text)?;
    let mut found: Vec<(i64, f64)> = Vec::new();
    let mut seen: HashSet<i64> = HashSet::new();
    let mut last: Option<Expr> = None;
    for level in Level::ALL {
        let expr = words.expression(level)?;
        if last.as_ref() == Some(&expr) {
            continue;
        }
        let hits = match db.sqlite() {
            Some(conn) => matching(conn, &expr.render(), query, limit - found.len(), &seen)?,
            None => pg::matching(db, &expr.tsquery(), query, limit - found.len(), &seen)?,
        };
        for hit in hits {
            seen.insert(hit.0);
            found.push(hit);
        }
        last = Some(expr);
        if found.len() == limit {
            break;
        }
    }
    let (mut wanted, mut prefixes) = (HashSet::new(), Vec::new());
    if let Some(expr) = &last {
        expr.collect(&mut wanted, &mut prefixes);
    }
    found
        .into_iter()
        .map(|(id, score)| {
            let gig = gigs::get(db, id)?;
            let snippet = snippet(&gig, &wanted, &prefixes);
            Ok(SearchHit { gig, score, snippet })
        })
        .collect()
}

/// Up to `limit` visible gigs matching FTS5 `expression` in the query's order, leaving out
/// `seen`. FTS5 is SQLite's own, and so are these statements: they run on its connection.
fn matching(
    conn: &Connection,
    expression: &str,
    query: &SearchQuery,
    limit: usize,
    seen: &HashSet<i64>,
) -> Result<Vec<(i64, f64)>> {
    match query.sort {
        Sort::Relevance => best_visible(conn, expression, query, limit, seen),
        Sort::Price | Sort::Newest => {
            let sort = if query.sort == Sort::Price { "price" } else { "newest" };
            let (min_price, max_price) = (query.min_price.map(Money::cents), query.max_price.map(Money::cents));
            let wanted = i64::try_from(limit + seen.len()).unwrap_or(i64::MAX);
            let rows: Vec<(i64, f64)> = conn
                .prepare_cached(SORTED_SQL)?
                .query_map(params![expression, query.category, min_price, max_price, sort, wanted], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect::<rusqlite::Result<_>>()
                .map_err(|e| fts_error(e, &query.text))?;
            Ok(rows.into_iter().filter(|(id, _)| !seen.contains(id)).take(limit).collect())
        }
    }
}

/// The first `limit` visible gigs in rank order. Rows arrive best first and are checked one
/// by one, so a common word stops after `limit` hits instead of joining every match.
fn best_visible(
    conn: &Connection,
    expression: &str,
    query: &SearchQuery,
    limit: usize,
    seen: &HashSet<i64>,
) -> Result<Vec<(i64, f64)>> {
    let mut ranked = conn.prepare_cached(RANKED_SQL)?;
    let mut visible = conn.prepare_cached(VISIBLE_SQL)?;
    let mut rows = ranked.query([expression])?;
    let mut found = Vec::new();
    while let Some(row) = rows.next().map_err(|e| fts_error(e, &query.text))? {
        let id: i64 = row.get(0)?;
        if seen.contains(&id) {
            continue;
        }
        let filters = params![id, query.category, query.min_price.map(Money::cents), query.max_price.map(Money::cents)];
        if visible.exists(filters)? {
            found.push((id, row.get(1)?));
            if found.len() == limit {
                break;
            }
        }
    }
    Ok(found)
}

/// Quoting makes a bad MATCH expression unreachable from user input; should one happen, it
/// is the query's fault (exit 6), not a crash.
fn fts_error(err: rusqlite::Error, text: &str) -> Error {
    match err.sqlite_error_code() {
        Some(rusqlite::ErrorCode::Unknown) => Error::invalid(format!("search query {text:?}: {err}")),
        _ => err.into(),
    }
}

/// Words either side of the first match in a snippet.
const SNIPPET_CONTEXT: usize = 5;

/// The first field (title, then tags, then description) containing a searched term, cut to a
/// few words around it, with every matching word in [brackets]. Built from the seller's own
/// text rather than FTS5's snippet(), which could only show the folded, stemmed index terms.
pub fn snippet(gig: &Gig, wanted: &HashSet<String>, prefixes: &[String]) -> String {
    let matches = |word: &String| {
        Forms::of(word).index_terms().iter().any(|t| wanted.contains(t))
            || prefixes.iter().any(|p| word.starts_with(p.as_str()))
    };
    let tags = gig.tags.join(", ");
    for field in [gig.title.as_str(), tags.as_str(), gig.description.as_str()] {
        let pieces: Vec<&str> = field.split_whitespace().collect();
        let hits: Vec<bool> = pieces.iter().map(|piece| words(piece).iter().any(matches)).collect();
        let Some(first) = hits.iter().position(|&h| h) else { continue };
        let start = first.saturating_sub(SNIPPET_CONTEXT);
        let end = (first + SNIPPET_CONTEXT + 1).min(pieces.len());
        let mut out: Vec<String> = Vec::new();
        if start > 0 {
            out.push("…".into());
        }
        for i in start..end {
            out.push(if hits[i] { format!("[{}]", pieces[i]) } else { pieces[i].to_string() });
        }
        if end < pieces.len() {
            out.push("…".into());
        }
        return out.join(" ");
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database made before search had word forms is indexed again when it is opened: its
    /// gigs are found by plurals and roots, and their words are in the vocabulary.
    #[test]
    fn the_migration_indexes_existing_gigs_again() {
        use crate::store::{Missing, Store, MIGRATIONS};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let old = Connection::open(&path).unwrap();
            register(&old).unwrap();
            old.execute_batch(MIGRATIONS[0]).unwrap();
            old.execute_batch(
                "PRAGMA user_version = 1;
                 INSERT INTO users (id, username, created_at) VALUES (1, 'layla', '2026-03-01T10:00:00Z');
                 INSERT INTO gigs (seller_id, sku, title, price_cents, delivery_days, created_at, updated_at)
                 VALUES (1, 'logo', 'تصاميم شعارات', 2000, 3, '2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z');",
            )
            .unwrap();
        }
        let store = Store::open(&path, Missing::Refuse, std::time::Duration::from_secs(1)).unwrap();
        let conn = store.db();
        let query = SearchQuery { text: "تصميم شعار".into(), limit: 5, ..SearchQuery::default() };
        assert_eq!(search(conn, &query).unwrap().len(), 1);
        let known: i64 = conn
            .query_row("SELECT count(*) FROM search_terms WHERE term IN ('تصاميم', 'شعار')", &[], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(known, 2);
    }

    /// Entries made while learning, on a thread of their own, note each word's terms the first
    /// time: together they hold the whole vocabulary of what they index.
    #[test]
    fn learning_entries_note_each_new_word_once() {
        let texts =
            [("تصميم شعارات", "تصميم شعار احترافي", "logo,design"), ("شعارات جديدة", "designing logos", "logo")];
        let first_seen: Vec<String> = std::thread::spawn(move || {
            // a word the thread indexed without learning is noted all the same
            IndexEntry::of(texts[0].0, "", "");
            texts.iter().map(|(t, d, g)| IndexEntry::learning(t, d, g).first_seen.unwrap()).collect()
        })
        .join()
        .unwrap();
        let second: Vec<&str> = first_seen[1].split(' ').collect();
        assert!(second.contains(&"designing") && second.contains(&"جديده"), "{second:?}");
        for seen_before in ["شعارات", "تصميم", "احترافي"] {
            assert!(!second.contains(&seen_before), "{seen_before} again in {second:?}");
        }
        let mut learned: Vec<&str> = first_seen.iter().flat_map(|terms| terms.split(' ')).collect();
        learned.sort_unstable();
        learned.dedup();
        let mut all: Vec<String> = texts
            .iter()
            .flat_map(|(t, d, g)| IndexEntry::of(t, d, g).vocabulary().map(str::to_string).collect::<Vec<_>>())
            .collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(learned, all);
    }

    /// A bulk writer's FTS5 settings hold while it defers, and the table's own are back when it
    /// finishes: an operator's setting as it was, FTS5's default where there was none.
    #[test]
    fn deferring_puts_the_index_settings_back() {
        use crate::store::{Missing, Store};
        let dir = tempfile::tempdir().unwrap();
        let mut store =
            Store::open(dir.path().join("m.db"), Missing::Create, std::time::Duration::from_secs(1)).unwrap();
        let setting = |db: &Db, name: &str| -> Option<i64> {
            db.query_opt("SELECT v FROM gigs_fts_config WHERE k = ?1", params![name], |r| r.get(0)).unwrap()
        };
        store
            .write(|db| {
                set_fts_option(db, "automerge", 2)?;
                let deferred = defer(db)?;
                assert_eq!(setting(db, "automerge"), Some(8));
                assert_eq!(setting(db, "hashsize"), Some(8 << 20));
                deferred.add(1, &IndexEntry::of("تصاميم", "", ""))?;
                deferred.finish()?;
                assert_eq!(setting(db, "automerge"), Some(2), "the operator's own");
                assert_eq!(setting(db, "hashsize"), Some(1 << 20), "FTS5's default");
                Ok(())
            })
            .unwrap();
    }

    /// A bulk writer writes the vocabulary it holds once it holds VOCABULARY_HELD terms, and
    /// the rest at the end: every term once, memory bounded whatever the file.
    #[test]
    fn deferring_writes_the_vocabulary_it_holds_on_the_way() {
        use crate::store::{Missing, Store};
        let dir = tempfile::tempdir().unwrap();
        let mut store =
            Store::open(dir.path().join("m.db"), Missing::Create, std::time::Duration::from_secs(1)).unwrap();
        let terms = |db: &Db| -> i64 { db.query_row("SELECT count(*) FROM search_terms", &[], |r| r.get(0)).unwrap() };
        let entry = |from: usize, to: usize| IndexEntry {
            // each term twice, as two threads would give them
            first_seen: Some((from..to).chain(from..to).map(|n| format!("w{n}")).collect::<Vec<_>>().join(" ")),
            ..IndexEntry::of("", "", "")
        };
        store
            .write(|db| {
                let before = terms(db);
                let deferred = defer(db)?;
                deferred.add(1, &entry(0, VOCABULARY_HELD - 1))?;
                assert_eq!(terms(db), before, "held, not written yet");
                deferred.add(2, &entry(VOCABULARY_HELD - 10, VOCABULARY_HELD + 5))?;
                assert_eq!(terms(db) - before, VOCABULARY_HELD as i64 + 5, "written once held");
                assert!(deferred.vocabulary.borrow().is_empty());
                deferred.add(3, &entry(VOCABULARY_HELD, VOCABULARY_HELD + 20))?;
                deferred.finish()?;
                assert_eq!(terms(db) - before, VOCABULARY_HELD as i64 + 20, "the rest at the end, each once");
                Ok(())
            })
            .unwrap();
    }

    /// The triggers are off only while a bulk writer defers: a gig written after the guard is
    /// gone (an import that failed included) is indexed by them again, and one the writer
    /// added is indexed as the triggers would have.
    #[test]
    fn deferring_turns_the_triggers_off_and_back_on() {
        use crate::clock::Timestamp;
        use crate::store::{Missing, Store};
        use crate::users::{self, NewUser};
        use crate::Session;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.db");
        let mut store = Store::open(&path, Missing::Create, std::time::Duration::from_secs(1)).unwrap();
        let now = Timestamp::parse("2026-03-01T10:00:00Z").unwrap();
        let layla = Session { actor: Some("layla".into()), os_user: "test".into(), now };
        let gig = |title: &str| gigs::GigInput {
            sku: None,
            title: title.into(),
            description: "وصف".into(),
            category: String::new(),
            tags: vec!["logo".into()],
            price: Money::parse("20").unwrap(),
            delivery_days: 3,
            extras: Vec::new(),
        };
        // the FTS5 index and its deferral are SQLite's
        let found = |db: &Db, word: &str| -> i64 {
            let sql = "SELECT count(*) FROM gigs_fts WHERE gigs_fts MATCH ?1";
            db.query_row(sql, params![format!("\"{word}\"")], |r| r.get(0)).unwrap()
        };
        store
            .write(|tx| {
                users::add(tx, &layla, &NewUser { username: "layla", email: None, is_admin: false })?;
                let deferred = defer(tx)?;
                let quiet = gigs::create(tx, &layla, &gig("unindexed"))?;
                assert_eq!(found(tx, "unindexed"), 0, "no trigger indexed it");
                let added = gigs::create(tx, &layla, &gig("الإنجليزية"))?;
                // gigs::create re-reads the gig: what the import adds is the stored columns
                deferred.add(added.id, &IndexEntry::of(&added.title, &added.description, &added.tags.join(",")))?;
                deferred.mark(quiet.id)?;
                deferred.finish()?;
                let _failed = defer(tx)?; // dropped without finishing, as on an error
                Ok(())
            })
            .unwrap();
        assert_eq!((found(store.db(), "unindexed"), found(store.db(), "انجليزيه")), (1, 1));
        store.write(|tx| gigs::create(tx, &layla, &gig("afterwards")).map(drop)).unwrap();
        assert_eq!(found(store.db(), "afterwards"), 1, "the triggers index again after the guard");
    }
}
