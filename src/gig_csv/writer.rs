//! Where `gig import` writes the gigs it creates: into SQLite one at a time as their rows come
//! (search triggers off, the index written in bulk, a larger page cache), or into PostgreSQL a
//! batch of rows at a time (the batch's skus looked up in one query, its new gigs copied in with
//! COPY), where a statement per row would cost a round trip to the server each.

use std::collections::{HashMap, HashSet};

use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{ToSql, Type};
use rusqlite::{params, Connection};

use crate::db::Db;
use crate::error::{Error, Result};
use crate::gigs::{self, GigInput};
use crate::moderation::{self, Verdict};
use crate::policy::Policy;
use crate::search::{self, IndexEntry};
use crate::users::User;
use crate::Session;

/// A new gig as an import writes it: checked, judged and ready to index.
pub(super) struct NewGig {
    pub input: GigInput,
    pub verdict: Verdict,
    pub index: IndexEntry,
}

/// What an import knows of a seller's sku before writing its row.
pub(super) enum Found {
    /// No gig of the seller has it.
    Absent,
    /// Gig `id` has it (created before the import or by an earlier batch of it).
    Gig(i64),
    /// A row of the batch being written created it, and it is not copied in yet.
    Pending,
}

/// The import's writer for its engine.
pub(super) enum Writer<'c> {
    /// `tries_insert`: whether [`Writer::create_if_new`] tries to insert the gig. Once a row's
    /// sku was found taken it waits for a row that creates a gig the usual way: a re-import of
    /// existing gigs pays one failed insert, not one a row.
    Sqlite {
        index: search::Deferred<'c>,
        _cache: PageCache<'c>,
        tries_insert: bool,
    },
    Postgres(Batch),
}

impl<'c> Writer<'c> {
    pub fn start(db: &'c Db) -> Result<Writer<'c>> {
        Ok(match db.sqlite() {
            Some(conn) => Writer::Sqlite {
                _cache: PageCache::grow(conn, IMPORT_CACHE_KIB)?,
                index: search::defer(db)?,
                tries_insert: true,
            },
            None => Writer::Postgres(Batch::default()),
        })
    }

    /// Whether [`Writer::look_up`] wants the skus of a batch before its rows are written.
    pub fn looks_up_batches(&self) -> bool {
        matches!(self, Writer::Postgres(_))
    }

    /// Finds, in one query, which of the (seller id, sku) pairs a batch's rows name are gigs.
    pub fn look_up(&mut self, db: &Db, keys: &[(i64, &str)]) -> Result<()> {
        if let Writer::Postgres(batch) = self {
            batch.look_up(db, keys)?;
        }
        Ok(())
    }

    /// The seller's gig with `sku`, as this import knows it.
    pub fn find(&self, db: &Db, seller_id: i64, sku: &str) -> Result<Found> {
        match self {
            Writer::Sqlite { .. } => {
                let sql = "SELECT id FROM gigs WHERE seller_id = ?1 AND sku = ?2";
                let id: Option<i64> = db.query_opt(sql, params![seller_id, sku], |r| r.get(0))?;
                Ok(id.map_or(Found::Absent, Found::Gig))
            }
            Writer::Postgres(batch) => Ok(batch.find(seller_id, sku)),
        }
    }

    /// Writes a new gig for `seller`, with moderation's verdict applied and the gig indexed:
    /// at once on SQLite, with the rest of its batch on PostgreSQL ([`Writer::flush`]).
    pub fn create(&mut self, db: &Db, seller: &User, gig: NewGig, session: &Session, policy: &Policy) -> Result<()> {
        match self {
            Writer::Sqlite { index, tries_insert, .. } => {
                let id = gigs::insert(db, seller, &gig.input, gigs::initial_status(policy), session.now)?;
                *tries_insert = true;
                judge_and_index(db, index, id, &gig, session, policy)
            }
            Writer::Postgres(batch) => {
                batch.push(seller.id, gig);
                Ok(())
            }
        }
    }

    /// On SQLite, [`Writer::create`] unless the seller has a gig with the sku already: whether
    /// it wrote the gig (nothing is written when not). Most rows of an import are new gigs, and
    /// the insert finds a taken sku as a lookup before it would, at the cost of one (the lookup
    /// was 6% of the writing thread). On PostgreSQL, which writes new gigs a batch at a time
    /// after looking their skus up, and after a taken sku (see `tries_insert`), nothing is
    /// written: false.
    pub fn create_if_new(
        &mut self,
        db: &Db,
        seller: &User,
        gig: &NewGig,
        session: &Session,
        policy: &Policy,
    ) -> Result<bool> {
        let Writer::Sqlite { index, tries_insert: tries_insert @ true, .. } = self else { return Ok(false) };
        match gigs::try_insert(db, seller, &gig.input, gigs::initial_status(policy), session.now)? {
            Ok(id) => judge_and_index(db, index, id, gig, session, policy).map(|()| true),
            Err(_taken) => {
                *tries_insert = false;
                Ok(false)
            }
        }
    }

    /// Gig `id`'s text was overwritten: SQLite's deferred index takes it again at the end
    /// (on PostgreSQL `gigs::overwrite` has indexed it).
    pub fn updated(&self, id: i64) -> Result<()> {
        match self {
            Writer::Sqlite { index, .. } => index.mark(id),
            Writer::Postgres(_) => Ok(()),
        }
    }

    /// After each batch: its new gigs written (PostgreSQL).
    pub fn flush(&mut self, db: &Db, session: &Session, policy: &Policy) -> Result<()> {
        match self {
            Writer::Sqlite { .. } => Ok(()),
            Writer::Postgres(batch) => batch.flush(db, session, policy),
        }
    }

    /// After the last batch: the gigs updated indexed again, the words seen added to the
    /// vocabulary (SQLite).
    pub fn finish(self) -> Result<()> {
        match self {
            Writer::Sqlite { index, .. } => index.finish(),
            Writer::Postgres(batch) if batch.new.is_empty() => Ok(()),
            Writer::Postgres(_) => Err(Error::internal("an import batch was left unwritten (a bug in souq)")),
        }
    }
}

/// The rest of writing new gig `id` on SQLite: moderation's verdict applied, the gig indexed.
fn judge_and_index(
    db: &Db,
    index: &search::Deferred,
    id: i64,
    gig: &NewGig,
    session: &Session,
    policy: &Policy,
) -> Result<()> {
    moderation::apply_gig_verdict(db, session, policy, id, &gig.input, &gig.verdict)?;
    index.add(id, &gig.index)
}

/// SQLite's page cache during an import, in KiB. With the default 2 MiB the gigs indexes,
/// which an import fills in no particular order (by sku, category, price), are written out
/// to the WAL and read back again and again: at 1M rows 16 MiB halves the system time
/// (6.3 -> 3.5 s). A fixed size keeps memory flat however long the file.
const IMPORT_CACHE_KIB: i64 = 16 * 1024;

/// A larger page cache for as long as it lives; the connection's own size after.
pub(super) struct PageCache<'c> {
    conn: &'c Connection,
    before: i64,
}

impl PageCache<'_> {
    fn grow(conn: &Connection, kib: i64) -> Result<PageCache<'_>> {
        let before: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        // a negative cache_size is a size in KiB rather than a number of pages
        conn.pragma_update(None, "cache_size", -kib)?;
        Ok(PageCache { conn, before })
    }
}

impl Drop for PageCache<'_> {
    fn drop(&mut self) {
        // only memory is at stake, and only this connection's, which ends with its command
        let _ = self.conn.pragma_update(None, "cache_size", self.before);
    }
}

/// One batch of rows on PostgreSQL: the gigs its rows name, and the new gigs it makes, which
/// are written when the batch ends. Memory is that of one batch, whatever the file's length.
#[derive(Default)]
pub(super) struct Batch {
    /// (seller id, sku) -> gig id, for the pairs the batch's rows name that are gigs.
    known: HashMap<(i64, String), i64>,
    /// The (seller id, sku) pairs of `new`.
    pending: HashSet<(i64, String)>,
    /// The batch's new gigs in file order, with their seller's id.
    new: Vec<(i64, NewGig)>,
}

/// The gigs with any of a JSON array's (seller_id, sku) pairs, each looked up in the (seller_id,
/// sku) index: the statement is planned while gigs looks empty (its rows are this transaction's,
/// unseen by the statistics), and a join would then read the whole table for every batch.
const KNOWN_SQL: &str = "
    SELECT k.seller_id, k.sku, g.id
    FROM json_to_recordset(CAST(CAST(?1 AS TEXT) AS json)) AS k (seller_id BIGINT, sku TEXT)
    CROSS JOIN LATERAL (SELECT id FROM gigs WHERE seller_id = k.seller_id AND sku = k.sku LIMIT 1) AS g";

/// As many new gig ids as ?1, taken from the gigs' identity as a default id would be.
const NEW_IDS_SQL: &str = "SELECT nextval(pg_get_serial_sequence('gigs', 'id')) FROM generate_series(1, ?1)";

const COPY_GIGS: &str = "COPY gigs (id, seller_id, sku, title, description, category, tags, price_cents,
                                    delivery_days, status, created_at, updated_at) FROM STDIN (FORMAT binary)";
const GIG_TYPES: &[Type] = &[
    Type::INT8,
    Type::INT8,
    Type::TEXT,
    Type::TEXT,
    Type::TEXT,
    Type::TEXT,
    Type::TEXT,
    Type::INT8,
    Type::INT8,
    Type::TEXT,
    Type::TEXT,
    Type::TEXT,
];

const COPY_EXTRAS: &str =
    "COPY gig_extras (gig_id, position, title, price_cents, extra_days) FROM STDIN (FORMAT binary)";
const EXTRA_TYPES: &[Type] = &[Type::INT8, Type::INT8, Type::TEXT, Type::INT8, Type::INT8];

impl Batch {
    fn look_up(&mut self, db: &Db, keys: &[(i64, &str)]) -> Result<()> {
        self.known.clear();
        if keys.is_empty() {
            return Ok(());
        }
        let pairs: Vec<serde_json::Value> =
            keys.iter().map(|(seller_id, sku)| serde_json::json!({"seller_id": seller_id, "sku": sku})).collect();
        let rows: Vec<((i64, String), i64)> =
            db.query_map(KNOWN_SQL, params![serde_json::Value::from(pairs).to_string()], |r| {
                Ok(((r.get(0)?, r.get(1)?), r.get(2)?))
            })?;
        self.known.extend(rows);
        Ok(())
    }

    fn find(&self, seller_id: i64, sku: &str) -> Found {
        let key = (seller_id, sku.to_string());
        match self.known.get(&key) {
            Some(id) => Found::Gig(*id),
            None if self.pending.contains(&key) => Found::Pending,
            None => Found::Absent,
        }
    }

    fn push(&mut self, seller_id: i64, gig: NewGig) {
        let sku = gig.input.sku.clone().unwrap_or_default();
        self.pending.insert((seller_id, sku));
        self.new.push((seller_id, gig));
    }

    /// Writes the batch's new gigs: ids taken, the gigs and their extras copied in, their
    /// documents and words indexed, moderation's verdicts applied (the common verdict, none,
    /// costs no statement).
    fn flush(&mut self, db: &Db, session: &Session, policy: &Policy) -> Result<()> {
        if self.new.is_empty() {
            return Ok(());
        }
        let mut ids: Vec<i64> = db.query_map(NEW_IDS_SQL, params![self.new.len() as i64], |r| r.get(0))?;
        // ids in file order, as SQLite gives them
        ids.sort_unstable();
        let status = gigs::initial_status(policy);
        let Db::Postgres(pg) = db else { return Err(Error::internal("COPY is PostgreSQL's (a bug in souq)")) };
        pg.with_client(|client| {
            copy(client, COPY_GIGS, GIG_TYPES, |writer| {
                let now = session.now.to_string();
                for ((seller_id, gig), id) in self.new.iter().zip(&ids) {
                    let input = &gig.input;
                    let (title, category, tags) = input.stored_text();
                    let sku = input.sku.as_deref().unwrap_or_default();
                    let row: [&(dyn ToSql + Sync); 12] = [
                        id,
                        seller_id,
                        &sku,
                        &title,
                        &input.description,
                        &category,
                        &tags,
                        &input.price.cents(),
                        &input.delivery_days,
                        &status.as_str(),
                        &now,
                        &now,
                    ];
                    writer.write(&row)?;
                }
                Ok(())
            })?;
            if self.new.iter().any(|(_, gig)| !gig.input.extras.is_empty()) {
                copy(client, COPY_EXTRAS, EXTRA_TYPES, |writer| {
                    for ((_, gig), id) in self.new.iter().zip(&ids) {
                        for (position, extra) in gig.input.extras.iter().enumerate() {
                            let row: [&(dyn ToSql + Sync); 5] =
                                [id, &(position as i64), &extra.title, &extra.price.cents(), &extra.extra_days];
                            writer.write(&row)?;
                        }
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })?;
        let entries: Vec<(i64, &IndexEntry)> =
            ids.iter().zip(&self.new).map(|(id, (_, gig))| (*id, &gig.index)).collect();
        search::index_gigs(db, &entries)?;
        for (id, (_, gig)) in ids.iter().zip(&self.new) {
            moderation::apply_gig_verdict(db, session, policy, *id, &gig.input, &gig.verdict)?;
        }
        self.new.clear();
        self.pending.clear();
        Ok(())
    }
}

/// Runs one `COPY ... FROM STDIN (FORMAT binary)` of columns `types`, its rows written by `rows`.
fn copy(
    client: &mut postgres::Client,
    sql: &str,
    types: &[Type],
    rows: impl FnOnce(&mut BinaryCopyInWriter) -> std::result::Result<(), postgres::Error>,
) -> Result<()> {
    let mut writer = BinaryCopyInWriter::new(client.copy_in(sql)?, types);
    rows(&mut writer)?;
    writer.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Timestamp;
    use crate::gigs::ExtraInput;
    use crate::money::Money;
    use crate::store::Store;

    fn new_gig(n: usize) -> NewGig {
        let input = GigInput {
            sku: Some(format!("sku-{n}")),
            title: format!(" ترجمة الإنجليزية {n} "),
            // text COPY would have to escape all of these; binary COPY sends them as they are
            description: "سطر\nline\t\\ 'quoted' \"dq\" \\N".into(),
            category: "translation".into(),
            tags: vec!["ترجمة".into(), format!("tag{n}")],
            price: Money::from_cents(1000 + n as i64),
            delivery_days: 3,
            extras: (0..n % 3)
                .map(|e| ExtraInput {
                    title: format!("extra {e}"),
                    price: Money::from_cents(500),
                    extra_days: e as i64,
                })
                .collect(),
        };
        let (title, _, tags) = input.stored_text();
        let index = IndexEntry::of(title, &input.description, &tags);
        NewGig { input, verdict: Verdict { hits: Vec::new() }, index }
    }

    /// Two batches of new gigs: the second names two of the first's skus again, and one of its
    /// own twice. What the writer found for each row.
    fn import(store: &mut Store) -> Vec<String> {
        let now = Timestamp::parse("2026-03-01T10:00:00Z").unwrap();
        let session = Session { actor: Some("layla".into()), os_user: "test".into(), now };
        let policy = Policy::default();
        store
            .write(|db| {
                db.execute("INSERT INTO users (username, created_at) VALUES ('layla', ?1)", rusqlite::params![now])?;
                let seller = crate::users::get(db, "layla")?;
                let id = seller.id;
                let mut writer = Writer::start(db)?;
                let mut found = Vec::new();
                for batch in [vec![0, 1, 2, 3], vec![2, 3, 4, 5, 4, 6]] {
                    let skus: Vec<String> = batch.iter().map(|n| format!("sku-{n}")).collect();
                    let keys: Vec<(i64, &str)> = skus.iter().map(|sku| (id, sku.as_str())).collect();
                    writer.look_up(db, &keys)?;
                    for (n, sku) in batch.into_iter().zip(&skus) {
                        match writer.find(db, id, sku)? {
                            Found::Absent => writer.create(db, &seller, new_gig(n), &session, &policy)?,
                            Found::Gig(gig) => found.push(format!("{sku}: gig {gig}")),
                            Found::Pending => found.push(format!("{sku}: pending")),
                        }
                    }
                    writer.flush(db, &session, &policy)?;
                }
                writer.finish()?;
                Ok(found)
            })
            .unwrap()
    }

    fn dump(db: &Db) -> Vec<String> {
        let mut rows = db
            .query_map(
                "SELECT id, seller_id, sku, title, description, category, tags, price_cents, delivery_days, status,
                        created_at, updated_at
                 FROM gigs ORDER BY id",
                &[],
                |r| {
                    let cells: Vec<String> = (0..12)
                        .map(|i| r.get::<rusqlite::types::Value>(i).map(|v| format!("{v:?}")))
                        .collect::<Result<_>>()?;
                    Ok(cells.join(" | "))
                },
            )
            .unwrap();
        rows.extend(
            db.query_map(
                "SELECT gig_id, position, title, price_cents, extra_days FROM gig_extras ORDER BY gig_id, position",
                &[],
                |r| {
                    Ok(format!(
                        "extra {} {} {} {} {}",
                        r.get::<i64>(0)?,
                        r.get::<i64>(1)?,
                        r.get::<String>(2)?,
                        r.get::<i64>(3)?,
                        r.get::<i64>(4)?
                    ))
                },
            )
            .unwrap(),
        );
        rows.extend(db.query_map("SELECT term FROM search_terms ORDER BY term", &[], |r| r.get(0)).unwrap());
        rows
    }

    /// A PostgreSQL import's batches store the rows SQLite's gig-at-a-time writes store, under
    /// the same ids, index them, and tell a sku seen in this batch from one of an earlier one.
    #[test]
    fn postgres_batches_store_what_sqlite_stores() {
        let mut stores = crate::test_engines::fresh_stores("postgres_batches_store_what_sqlite_stores");
        let [sqlite, pg] = &mut stores[..] else { return };
        let (sqlite, pg) = (&mut sqlite.store, &mut pg.store);
        let on_sqlite = import(sqlite);
        let on_pg = import(pg);
        // SQLite has written the row before the repeat; PostgreSQL still holds it in the batch
        assert_eq!(on_sqlite, ["sku-2: gig 3", "sku-3: gig 4", "sku-4: gig 5"]);
        assert_eq!(on_pg, ["sku-2: gig 3", "sku-3: gig 4", "sku-4: pending"]);
        assert_eq!(dump(pg.db()), dump(sqlite.db()));
        let query = search::SearchQuery { text: "tag5 انجليزيه".into(), limit: 10, ..Default::default() };
        let ids = |store: &Store| {
            search::search(store.db(), &query).unwrap().iter().map(|hit| hit.gig.id).collect::<Vec<_>>()
        };
        assert_eq!(ids(pg), [6]);
        assert_eq!(ids(sqlite), [6]);
    }
}
