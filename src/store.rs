//! The store: opening a database safely (a SQLite file, or a PostgreSQL database), forward-only
//! migrations, and one transaction per command that holds the marketplace's write lock.

use std::ffi::OsStr;
use std::fmt;
use std::fs::OpenOptions;
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::db::{Db, PgSession};
use crate::error::{Error, ErrorKind, Result};

/// The migrations, in order: entry N takes the database from user_version N to N + 1.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../schema.sql"),
    include_str!("../migrations/002_username_key.sql"),
    include_str!("../migrations/003_search_words.sql"),
    include_str!("../migrations/004_check_lists.sql"),
];

/// PostgreSQL's migrations, counted in its own souq_schema_version table. Its version 1 is
/// SQLite's version 3 (PostgreSQL support began there); a later change to the tables adds an entry
/// to both lists. SQLite's 004 adds none: it changes how SQLite checks values, not what is stored.
pub const PG_MIGRATIONS: &[&str] = &[include_str!("../postgres/001_schema.sql")];

/// The marketplace's write lock on PostgreSQL: a transaction-level advisory lock every writing
/// command takes first, so writers run one at a time across hosts, as `BEGIN IMMEDIATE` makes
/// them on SQLite ("souq" in ASCII; advisory locks are per database).
pub const PG_WRITE_LOCK: i64 = 0x736F_7571;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Where the marketplace lives: `--db` / SOUQ_DB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file (the embedded default).
    File(PathBuf),
    /// A PostgreSQL connection URL (`postgres://` or `postgresql://`).
    Postgres(String),
}

impl Location {
    /// A URL with a postgres scheme names a PostgreSQL database; anything else is a file path.
    pub fn parse(arg: &OsStr) -> Location {
        match arg.to_str() {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Location::Postgres(url.to_string())
            }
            _ => Location::File(PathBuf::from(arg)),
        }
    }
}

impl From<&Location> for Location {
    fn from(location: &Location) -> Location {
        location.clone()
    }
}

impl From<&Path> for Location {
    fn from(path: &Path) -> Location {
        Location::File(path.to_path_buf())
    }
}

impl From<&PathBuf> for Location {
    fn from(path: &PathBuf) -> Location {
        Location::File(path.clone())
    }
}

impl From<PathBuf> for Location {
    fn from(path: PathBuf) -> Location {
        Location::File(path)
    }
}

/// As people should see it: a URL without its password.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Location::File(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => f.write_str(&without_password(url)),
        }
    }
}

/// `postgres://user:secret@host/db` -> `postgres://user@host/db`.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split_once(':').map_or(credentials, |(user, _)| user);
            format!("{scheme}://{user}@{host}{tail}")
        }
        None => url.to_string(),
    }
}

/// An open souq database.
pub struct Store {
    db: Db,
    location: Location,
    /// SQLite's writers' queue; declared after `db` so that it is closed after the connection.
    queue: Option<crate::busy::WriterQueue>,
    busy_timeout: Duration,
}

/// How to treat a path with no souq database yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// `init` and `demo`: create the file (0600) and apply the schema.
    Create,
    /// Every other command: a missing database is an error that says to run `souq init`.
    Refuse,
}

impl Store {
    /// Opens (or creates) the database at `location`, migrating it forward to this build's schema.
    pub fn open(location: impl Into<Location>, missing: Missing, busy_timeout: Duration) -> Result<Store> {
        match &location.into() {
            Location::File(path) => Store::open_file(path, missing, busy_timeout),
            Location::Postgres(url) => Store::open_postgres(url, missing, busy_timeout),
        }
    }

    fn open_file(path: &Path, missing: Missing, busy_timeout: Duration) -> Result<Store> {
        refuse_network_filesystem(path)?;
        let exists = path.exists();
        match (exists, missing) {
            (false, Missing::Refuse) => {
                return Err(Error::not_found("database", path.display())
                    .with_hint("create one with `souq init --admin NAME` or point --db / SOUQ_DB at it"))
            }
            (false, Missing::Create) => create_private_file(path)?,
            (true, _) => check_sqlite_header(path)?,
        }
        refuse_read_only(path)?;
        crate::sqlite_memory::configure();
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        // The checkpoint on close stays (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE measured worse): with one
        // transaction per process, a WAL left behind is never restarted, every later process
        // rebuilds its index from the whole log, and it grows without bound.
        crate::busy::install(&conn, busy_timeout)?;
        crate::busy::defer_checkpoints(&conn);
        // before migrating: the search triggers call it, and a migration may write to gigs
        crate::search::register(&conn)?;
        crate::usernames::register(&conn)?;
        let mut store = Store {
            db: Db::Sqlite(conn),
            location: Location::File(path.to_path_buf()),
            queue: Some(crate::busy::WriterQueue::open(path)?),
            busy_timeout,
        };
        store.migrate_file(MIGRATIONS, missing)?;
        store.configure_file()?;
        Ok(store)
    }

    fn conn(&self) -> &Connection {
        self.db.sqlite().expect("a SQLite store")
    }

    fn configure_file(&self) -> Result<()> {
        // WAL lets readers run beside the one writer; FULL makes each commit durable.
        let mode: String = self.conn().query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::internal(format!("could not switch {} to WAL (got {mode})", self.location)));
        }
        self.conn().execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
        Ok(())
    }

    /// Applies `migrations[user_version..]`, each in its own immediate transaction.
    fn migrate_file(&mut self, migrations: &[&str], missing: Missing) -> Result<()> {
        let version = self.user_version()?;
        check_version(&self.location, version, migrations.len(), missing)?;
        if version == 0 && self.has_foreign_tables()? {
            return Err(Error::invalid(format!(
                "{} is a SQLite database but not a souq one; refusing to touch it",
                self.location
            )));
        }
        for (index, sql) in migrations.iter().enumerate().skip(version as usize) {
            self.write(|db| {
                db.execute_batch(sql).map_err(|e| e.context(format!("migration {} failed", index + 1)))?;
                let conn = db.sqlite().expect("a SQLite store");
                // A migration may edit table definitions in sqlite_schema itself (004), which
                // SQLite does not count as a schema change: the cookie is moved on here, so every
                // other connection re-reads the schema (after ordinary DDL it merely re-reads).
                let cookie: i64 = conn.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
                conn.pragma_update(None, "schema_version", cookie + 1)?;
                Ok(conn.pragma_update(None, "user_version", index as i64 + 1)?)
            })?;
        }
        Ok(())
    }

    fn user_version(&self) -> Result<i64> {
        Ok(self.conn().query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn has_foreign_tables(&self) -> Result<bool> {
        let count: i64 =
            self.conn()
                .query_row("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'", [], |r| r.get(0))?;
        Ok(count > 0)
    }

    fn open_postgres(url: &str, missing: Missing, busy_timeout: Duration) -> Result<Store> {
        let location = Location::Postgres(url.to_string());
        let mut config: postgres::Config =
            url.parse().map_err(|e| Error::usage(format!("{location} is not a PostgreSQL URL: {e}")))?;
        config.application_name("souq").connect_timeout(busy_timeout.max(Duration::from_secs(1)));
        let client = config.connect(postgres::NoTls).map_err(|e| {
            let err = Error::from(e);
            match err.kind() {
                ErrorKind::Internal => {
                    Error::internal(format!("cannot reach PostgreSQL at {location}: {}", err.message()))
                        .with_hint("is the server running, and the host, port or socket in the URL right?")
                }
                _ => err,
            }
        })?;
        let mut store =
            Store { db: Db::Postgres(Box::new(PgSession::new(client))), location, queue: None, busy_timeout };
        // A lock wait past the busy timeout fails as 55P03 (exit 7), as SQLite's busy timeout does;
        // C collation everywhere is in the schema, UTC and UTF-8 are set here for every session.
        let settings = format!(
            "SET lock_timeout = {}; SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'",
            busy_timeout.as_millis().max(1)
        );
        store.db.execute_batch(&settings)?;
        store.migrate_postgres(PG_MIGRATIONS, missing)?;
        Ok(store)
    }

    /// Applies `migrations[version..]` in one transaction that holds the write lock (PostgreSQL's
    /// DDL is transactional): two hosts running `init` at once apply the schema once, and the
    /// second sees the first's tables as souq's own.
    fn migrate_postgres(&mut self, migrations: &[&str], missing: Missing) -> Result<()> {
        // Up to date is the common case: it is answered without taking the lock.
        let version = pg_version(&self.db)?;
        check_version(&self.location, version.unwrap_or(0), migrations.len(), missing)?;
        if version == Some(migrations.len() as i64) {
            return Ok(());
        }
        let location = self.location.clone();
        self.write(|db| {
            let version = pg_version(db)?; // again, under the lock: another host may have migrated
            check_version(&location, version.unwrap_or(0), migrations.len(), missing)?;
            if version.is_none() && pg_has_foreign_tables(db)? {
                return Err(Error::invalid(format!(
                    "{location} holds another application's tables, not souq's; refusing to touch it"
                ))
                .with_hint("give souq a database (or a schema, through search_path) of its own"));
            }
            db.execute_batch("CREATE TABLE IF NOT EXISTS souq_schema_version (version BIGINT NOT NULL)")?;
            let from = version.unwrap_or(0) as usize;
            for (index, sql) in migrations.iter().enumerate().skip(from) {
                db.execute_batch(sql).map_err(|e| e.context(format!("migration {} failed", index + 1)))?;
            }
            db.execute("DELETE FROM souq_schema_version", &[])?;
            db.execute(
                "INSERT INTO souq_schema_version (version) VALUES (?1)",
                rusqlite::params![migrations.len() as i64],
            )?;
            Ok(())
        })
    }

    /// Where the database is, as people should see it.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The database, for reads. Writes go through [`Store::write`].
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Runs `work` in one transaction that holds the marketplace's write lock (SQLite's
    /// `BEGIN IMMEDIATE`; PostgreSQL's advisory lock, taken first): committed if it returns Ok,
    /// rolled back (nothing written) if it returns Err.
    ///
    /// A refusal by moderation rolls the work back like any error, then records the
    /// `<target>.blocked` event in a transaction of its own: only when moderation was the reason.
    pub fn write<T>(&mut self, work: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        let turn = self.begin_write()?;
        let value = match work(&self.db) {
            Ok(value) => value,
            Err(err) => {
                self.rollback();
                drop(turn);
                if let Some(blocked) = err.moderation_block() {
                    // Failing to record is not the user's error: they are told why they were refused.
                    let _ = self.record_blocked(blocked);
                }
                return Err(err);
            }
        };
        if let Err(err) = self.db.execute_batch("COMMIT") {
            self.rollback();
            return Err(err);
        }
        drop(turn);
        if let Some(conn) = self.db.sqlite() {
            crate::busy::checkpoint_if_due(conn);
        }
        Ok(value)
    }

    /// Opens the write transaction; the turn returned (SQLite's writers' queue) is held until
    /// the transaction has ended.
    fn begin_write(&self) -> Result<Option<crate::busy::Turn>> {
        match &self.db {
            Db::Sqlite(conn) => {
                let turn = self.queue.as_ref().map(|queue| queue.join(self.busy_timeout)).transpose()?;
                conn.execute_batch("BEGIN IMMEDIATE")?;
                Ok(turn)
            }
            Db::Postgres(_) => {
                // READ COMMITTED under one lock: each statement sees every earlier commit, and no
                // other writer runs until this one ends, as under SQLite's single writer.
                self.db.execute_batch("BEGIN ISOLATION LEVEL READ COMMITTED")?;
                let locked = self.db.execute("SELECT pg_advisory_xact_lock(?1)", rusqlite::params![PG_WRITE_LOCK]);
                locked.map(|_| None).inspect_err(|_| self.rollback())
            }
        }
    }

    /// Ends the open transaction without writing. A failure here leaves nothing to undo: the
    /// connection drops the transaction when the process ends.
    fn rollback(&self) {
        let _ = self.db.execute_batch("ROLLBACK");
    }

    fn record_blocked(&mut self, blocked: &crate::moderation::Blocked) -> Result<()> {
        self.write(|db| crate::moderation::record_blocked(db, blocked).map(drop))
    }

    /// Runs `work` on one consistent snapshot of the database (a read transaction: SQLite's
    /// deferred `BEGIN` under WAL, PostgreSQL's REPEATABLE READ READ ONLY), writers unblocked.
    pub fn read<T>(&mut self, work: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        self.db.execute_batch(match self.db.engine() {
            crate::db::Engine::Sqlite => "BEGIN",
            crate::db::Engine::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        })?;
        let value = work(&self.db);
        self.rollback();
        value
    }

    /// Runs `work` exactly as [`Store::write`] would, then rolls it back: a dry run that
    /// reports what would happen using the same code.
    pub fn preview<T>(&mut self, work: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        let _turn = self.begin_write()?;
        let value = work(&self.db);
        self.rollback();
        value
    }

    /// `write` when `commit`, `preview` otherwise.
    pub fn write_or_preview<T>(&mut self, commit: bool, work: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        if commit {
            self.write(work)
        } else {
            self.preview(work)
        }
    }

    /// A consistent online copy of the database at `dest`, safe while other processes write.
    /// All pages are copied in one backup step, inside one read transaction that writers (WAL)
    /// neither block nor restart: a copy in steps starts over each time another connection
    /// commits, and steady writers starved it. The copy is made under a temporary name in
    /// `dest`'s folder and renamed into place, so `dest` is either whole or absent; on failure
    /// nothing is left behind. An existing `dest` is replaced only when `force`.
    pub fn backup_to(&self, dest: &Path, force: bool) -> Result<()> {
        let Location::File(_) = self.location else {
            return Err(Error::usage("backup copies a SQLite file; this marketplace is on PostgreSQL")
                .with_hint("use pg_dump: pg_dump --format=custom --file=souq.dump URL"));
        };
        let exists = || std::fs::symlink_metadata(dest).is_ok();
        if self.is_this_database(dest) {
            return Err(Error::invalid(format!(
                "{} is the database itself; back it up to another file",
                dest.display()
            )));
        }
        if !force && exists() {
            return Err(Error::conflict(format!("{} already exists; souq will not overwrite it", dest.display()))
                .with_hint("pass --force to replace it"));
        }
        let temp = temporary_sibling(dest)?;
        create_private_file(&temp)?;
        let copied = self.copy_into(&temp).and_then(|()| {
            if force {
                std::fs::rename(&temp, dest)?;
            } else {
                // a hard link never replaces a file that appeared meanwhile, as rename would
                std::fs::hard_link(&temp, dest).map_err(|e| match e.kind() {
                    std::io::ErrorKind::AlreadyExists => {
                        Error::conflict(format!("{} already exists; souq will not overwrite it", dest.display()))
                    }
                    _ => Error::internal(format!("cannot create {}: {e}", dest.display())),
                })?;
                std::fs::remove_file(&temp)?;
            }
            sync_folder(dest)
        });
        if copied.is_err() {
            for leftover in [temp.clone(), journal_of(&temp)] {
                let _ = std::fs::remove_file(leftover);
            }
        }
        copied.map_err(|e| e.context(format!("backup to {}", dest.display())))
    }

    /// Whether `path` is this database's file or one of its companions (-wal, -shm, -journal),
    /// by name or, through links, by inode: a copy there would clobber the live database.
    fn is_this_database(&self, path: &Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        let absolute = |p: &Path| {
            let folder = p.parent().filter(|f| !f.as_os_str().is_empty()).unwrap_or(Path::new("."));
            std::fs::canonicalize(folder).ok().zip(p.file_name()).map(|(f, name)| f.join(name))
        };
        let Location::File(own) = &self.location else { return false };
        let (Some(dest), Some(db)) = (absolute(path), absolute(own)) else { return false };
        let target = std::fs::metadata(path).ok();
        ["", "-wal", "-shm", "-journal"].iter().any(|suffix| {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            let same_inode = |m: &std::fs::Metadata| {
                std::fs::metadata(&name).is_ok_and(|own| (own.dev(), own.ino()) == (m.dev(), m.ino()))
            };
            dest.as_os_str() == name || target.as_ref().is_some_and(same_inode)
        })
    }

    fn copy_into(&self, target: &Path) -> Result<()> {
        let mut target = Connection::open(target)?;
        let step = rusqlite::backup::Backup::new(self.conn(), &mut target)?.step(-1)?;
        if step != rusqlite::backup::StepResult::Done {
            return Err(Error::new(
                ErrorKind::Busy,
                "the database could not be read for the copy; nothing was written",
            )
            .with_hint("retry"));
        }
        target.close().map_err(|(_, e)| Error::from(e))
    }
}

/// PostgreSQL's schema version, or None when souq's version table is not there.
fn pg_version(db: &Db) -> Result<Option<i64>> {
    let exists: bool = db.query_row("SELECT to_regclass('souq_schema_version') IS NOT NULL", &[], |r| r.get(0))?;
    if !exists {
        return Ok(None);
    }
    db.query_opt("SELECT version FROM souq_schema_version", &[], |r| r.get(0))
}

fn pg_has_foreign_tables(db: &Db) -> Result<bool> {
    let count: i64 = db.query_row(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
        &[],
        |r| r.get(0),
    )?;
    Ok(count > 0)
}

/// Refuses a database newer than this build, and (unless creating) one never initialised.
fn check_version(location: &Location, version: i64, latest: usize, missing: Missing) -> Result<()> {
    if version > latest as i64 {
        return Err(Error::conflict(format!(
            "{location} has schema version {version}, newer than this souq understands ({latest})"
        ))
        .with_hint("upgrade souq; it never downgrades a database"));
    }
    if version == 0 && missing == Missing::Refuse {
        return Err(Error::not_found("souq database", location).with_hint(match location {
            Location::File(_) => "the file exists but was never initialised: run `souq init`",
            Location::Postgres(_) => "the database has no souq schema yet: run `souq --db URL init --admin NAME`",
        }));
    }
    Ok(())
}

/// A name for the copy in progress beside `dest` (the same filesystem, so the rename is atomic),
/// hidden and unique to this process.
fn temporary_sibling(dest: &Path) -> Result<PathBuf> {
    let name =
        dest.file_name().ok_or_else(|| Error::invalid(format!("{} names no file", dest.display())))?.to_string_lossy();
    Ok(dest.with_file_name(format!(".{name}.souq-backup-{}", std::process::id())))
}

fn journal_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
}

/// Makes the rename durable: the folder's entry is written out too.
fn sync_folder(file: &Path) -> Result<()> {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::File::open(folder)?.sync_all()?;
    Ok(())
}

fn create_private_file(path: &Path) -> Result<()> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map(drop)
        .map_err(|e| Error::internal(format!("cannot create {}: {e}", path.display())))
}

/// Reads the first 16 bytes of a regular file without opening it for writing, so a file that
/// is not a database is left byte-for-byte untouched.
fn check_sqlite_header(path: &Path) -> Result<()> {
    // a FIFO given as --db would block the open forever; a directory or device is no database
    let mut file = crate::input::open_file(path)?;
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..])? {
            0 => break,
            n => read += n,
        }
    }
    // An empty file is what `touch` makes: SQLite treats it as a new database.
    if read == 0 || &header == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(Error::invalid(format!("{} is not a SQLite database; refusing to touch it", path.display())))
    }
}

/// Judged by the permission bits rather than access(2), so the answer is the same for root:
/// souq writes the file, and WAL needs to create -wal and -shm files beside it.
fn refuse_read_only(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let writable = |p: &Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o222 != 0).unwrap_or(true);
    if !writable(path) {
        return Err(Error::internal(format!("{} is read-only: souq needs to write to it", path.display())));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !writable(folder) {
        return Err(Error::internal(format!(
            "the folder {} is read-only: SQLite needs to create its -wal and -shm files there",
            folder.display()
        )));
    }
    Ok(())
}

/// Filesystem magic numbers (statfs f_type) of network filesystems, where SQLite's
/// locking cannot be trusted and two hosts would corrupt the database.
const NETWORK_FILESYSTEMS: &[(i64, &str)] =
    &[(0x6969, "NFS"), (0x517B, "SMB"), (0xFF53_4D42, "CIFS"), (0xFE53_4D42, "SMB2"), (0x0102_1997, "9P")];

pub fn network_filesystem_name(magic: i64) -> Option<&'static str> {
    NETWORK_FILESYSTEMS.iter().find(|(m, _)| *m == magic).map(|(_, name)| *name)
}

fn refuse_network_filesystem(path: &Path) -> Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let probe = if path.exists() {
        path.to_path_buf()
    } else {
        match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    };
    let Ok(c_path) = CString::new(probe.as_os_str().as_bytes()) else {
        return Err(Error::invalid(format!("{} contains a NUL byte", path.display())));
    };
    let mut stat: libc::statfs = unsafe { std::mem::zeroed() };
    // SAFETY: c_path is a valid NUL-terminated string and stat a properly sized out-parameter.
    if unsafe { libc::statfs(c_path.as_ptr(), &mut stat) } != 0 {
        return Ok(()); // a missing folder is reported by the open that follows
    }
    match network_filesystem_name(stat.f_type as i64) {
        Some(name) => Err(Error::conflict(format!(
            "{} is on a network filesystem ({name}); SQLite's locking is not safe there",
            path.display()
        ))
        .with_hint("keep the database on a local disk; for many hosts use the PostgreSQL backend")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    const V1: &str = "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;";
    const V2: &str = "ALTER TABLE things ADD COLUMN colour TEXT NOT NULL DEFAULT 'red';";

    fn raw_store(path: &Path) -> Store {
        create_private_file(path).unwrap();
        Store {
            db: Db::Sqlite(Connection::open(path).unwrap()),
            location: Location::File(path.to_path_buf()),
            queue: None,
            busy_timeout: Duration::from_secs(1),
        }
    }

    #[test]
    fn a_database_at_version_n_opens_under_n_plus_1() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.db");
        let mut store = raw_store(&path);
        store.migrate_file(&[V1], Missing::Create).unwrap();
        store.conn().execute("INSERT INTO things (name) VALUES ('kept')", []).unwrap();
        assert_eq!(store.user_version().unwrap(), 1);

        store.migrate_file(&[V1, V2], Missing::Refuse).unwrap();
        assert_eq!(store.user_version().unwrap(), 2);
        let (name, colour): (String, String) =
            store.conn().query_row("SELECT name, colour FROM things", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        assert_eq!((name.as_str(), colour.as_str()), ("kept", "red"));
    }

    #[test]
    fn a_newer_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = raw_store(&dir.path().join("m.db"));
        store.migrate_file(&[V1, V2], Missing::Create).unwrap();
        let err = store.migrate_file(&[V1], Missing::Refuse).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Conflict);
    }

    #[test]
    fn a_failed_migration_leaves_the_version() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = raw_store(&dir.path().join("m.db"));
        store.migrate_file(&[V1], Missing::Create).unwrap();
        assert!(store.migrate_file(&[V1, "ALTER TABLE nope ADD COLUMN x;"], Missing::Refuse).is_err());
        assert_eq!(store.user_version().unwrap(), 1);
    }

    #[test]
    fn the_real_schema_applies() {
        let dir = tempfile::tempdir().unwrap();
        let location = Location::File(dir.path().join("s.db"));
        let store = Store::open(&location, Missing::Create, Duration::from_secs(1)).unwrap();
        assert_eq!(store.user_version().unwrap(), MIGRATIONS.len() as i64);
    }

    #[test]
    fn bulk_written_tables_check_their_values_without_a_temporary_btree() {
        let dir = tempfile::tempdir().unwrap();
        let store =
            Store::open(Location::File(dir.path().join("s.db")), Missing::Create, Duration::from_secs(1)).unwrap();
        for insert in [
            "EXPLAIN INSERT INTO gigs DEFAULT VALUES",
            "EXPLAIN INSERT INTO payout_items DEFAULT VALUES",
            "EXPLAIN INSERT INTO moderation_flags DEFAULT VALUES",
        ] {
            let mut program = store.conn().prepare(insert).unwrap();
            let opcodes: Vec<String> = program.query_map([], |r| r.get(1)).unwrap().map(|o| o.unwrap()).collect();
            assert!(opcodes.iter().any(|o| o == "Halt"), "{insert}: {opcodes:?}");
            assert!(!opcodes.iter().any(|o| o == "OpenEphemeral"), "{insert}: {opcodes:?}");
        }
        let flag = "INSERT INTO moderation_flags (rule, action, entity, entity_id, content_hash, excerpt, created_at)
                    VALUES ('r', 'flag', ?1, 1, 'h', 'e', '2026-03-01T10:00:00Z')";
        store.conn().execute(flag, ["review"]).unwrap();
        let refused = store.conn().execute(flag, ["invoice"]).unwrap_err();
        assert!(refused.to_string().contains("CHECK constraint failed"), "{refused}");
    }

    #[test]
    fn urls_name_postgres_and_lose_their_password_when_shown() {
        let url = Location::parse(OsStr::new("postgresql://souq:s3cret@db.example:5432/market?sslmode=disable"));
        assert_eq!(url.to_string(), "postgresql://souq@db.example:5432/market?sslmode=disable");
        assert!(matches!(Location::parse(OsStr::new("postgres:///market")), Location::Postgres(_)));
        assert_eq!(Location::parse(OsStr::new("market.db")), Location::File(PathBuf::from("market.db")));
        assert_eq!(Location::parse(OsStr::new("postgres.db")), Location::File(PathBuf::from("postgres.db")));
    }

    #[test]
    fn network_filesystems_are_known() {
        assert_eq!(network_filesystem_name(0x6969), Some("NFS"));
        assert_eq!(network_filesystem_name(0xFF53_4D42), Some("CIFS"));
        assert_eq!(network_filesystem_name(0xEF53), None); // ext4
    }
}
