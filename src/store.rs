//! The SQLite store: opening a database safely, forward-only migrations, and one transaction per command.

use std::fs::OpenOptions;
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

/// The migrations, in order: entry N takes the database from user_version N to N + 1.
pub const MIGRATIONS: &[&str] = &[include_str!("../schema.sql"), include_str!("../migrations/003_search_words.sql")];

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// An open souq database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
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
    /// Opens (or creates) the database at `path`, migrating it forward to this build's schema.
    pub fn open(path: &Path, missing: Missing, busy_timeout: Duration) -> Result<Store> {
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
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        conn.busy_timeout(busy_timeout)?;
        // before migrating: the search triggers call it, and a migration may write to gigs
        crate::search::register(&conn)?;
        let mut store = Store { conn, path: path.to_path_buf() };
        store.migrate(MIGRATIONS, missing)?;
        store.configure()?;
        Ok(store)
    }

    fn configure(&self) -> Result<()> {
        // WAL lets readers run beside the one writer; FULL makes each commit durable.
        let mode: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::internal(format!("could not switch {} to WAL (got {mode})", self.path.display())));
        }
        self.conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
        Ok(())
    }

    /// Applies `migrations[user_version..]`, each in its own immediate transaction.
    fn migrate(&mut self, migrations: &[&str], missing: Missing) -> Result<()> {
        let version = self.user_version()?;
        let latest = migrations.len() as i64;
        if version > latest {
            return Err(Error::conflict(format!(
                "{} has schema version {version}, newer than this souq understands ({latest})",
                self.path.display()
            ))
            .with_hint("upgrade souq; it never downgrades a database"));
        }
        if version == 0 && missing == Missing::Refuse {
            return Err(Error::not_found("souq database", self.path.display())
                .with_hint("the file exists but was never initialised: run `souq init`"));
        }
        if version == 0 && self.has_foreign_tables()? {
            return Err(Error::invalid(format!(
                "{} is a SQLite database but not a souq one; refusing to touch it",
                self.path.display()
            )));
        }
        for (index, sql) in migrations.iter().enumerate().skip(version as usize) {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute_batch(sql).map_err(|e| Error::internal(format!("migration {} failed: {e}", index + 1)))?;
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    fn user_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn has_foreign_tables(&self) -> Result<bool> {
        let count: i64 =
            self.conn
                .query_row("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'", [], |r| r.get(0))?;
        Ok(count > 0)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// For reads. Writes go through [`Store::write`].
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `work` in one `BEGIN IMMEDIATE` transaction: committed if it returns Ok,
    /// rolled back (nothing written) if it returns Err.
    pub fn write<T>(&mut self, work: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `work` exactly as [`Store::write`] would, then rolls it back: a dry run that
    /// reports what would happen using the same code.
    pub fn preview<T>(&mut self, work: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.rollback()?;
        Ok(value)
    }

    /// `write` when `commit`, `preview` otherwise.
    pub fn write_or_preview<T>(&mut self, commit: bool, work: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        if commit {
            self.write(work)
        } else {
            self.preview(work)
        }
    }

    /// A consistent online copy of the database (safe while other processes write).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(Error::conflict(format!("{} already exists; souq will not overwrite it", dest.display())));
        }
        create_private_file(dest)?;
        let mut target = Connection::open(dest)?;
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut target)?;
        backup.run_to_completion(256, Duration::from_millis(10), None)?;
        Ok(())
    }
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

/// Reads the first 16 bytes without opening the file for writing, so a file that is
/// not a database is left byte-for-byte untouched.
fn check_sqlite_header(path: &Path) -> Result<()> {
    let mut file =
        std::fs::File::open(path).map_err(|e| Error::internal(format!("cannot read {}: {e}", path.display())))?;
    if file.metadata()?.is_dir() {
        return Err(Error::invalid(format!("{} is a directory, not a database file", path.display())));
    }
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
        Store { conn: Connection::open(path).unwrap(), path: path.to_path_buf() }
    }

    #[test]
    fn a_database_at_version_n_opens_under_n_plus_1() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.db");
        let mut store = raw_store(&path);
        store.migrate(&[V1], Missing::Create).unwrap();
        store.conn.execute("INSERT INTO things (name) VALUES ('kept')", []).unwrap();
        assert_eq!(store.user_version().unwrap(), 1);

        store.migrate(&[V1, V2], Missing::Refuse).unwrap();
        assert_eq!(store.user_version().unwrap(), 2);
        let (name, colour): (String, String) =
            store.conn.query_row("SELECT name, colour FROM things", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        assert_eq!((name.as_str(), colour.as_str()), ("kept", "red"));
    }

    #[test]
    fn a_newer_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = raw_store(&dir.path().join("m.db"));
        store.migrate(&[V1, V2], Missing::Create).unwrap();
        let err = store.migrate(&[V1], Missing::Refuse).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Conflict);
    }

    #[test]
    fn a_failed_migration_leaves_the_version() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = raw_store(&dir.path().join("m.db"));
        store.migrate(&[V1], Missing::Create).unwrap();
        assert!(store.migrate(&[V1, "ALTER TABLE nope ADD COLUMN x;"], Missing::Refuse).is_err());
        assert_eq!(store.user_version().unwrap(), 1);
    }

    #[test]
    fn the_real_schema_applies() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db"), Missing::Create, Duration::from_secs(1)).unwrap();
        assert_eq!(store.user_version().unwrap(), MIGRATIONS.len() as i64);
    }

    #[test]
    fn network_filesystems_are_known() {
        assert_eq!(network_filesystem_name(0x6969), Some("NFS"));
        assert_eq!(network_filesystem_name(0xFF53_4D42), Some("CIFS"));
        assert_eq!(network_filesystem_name(0xEF53), None); // ext4
    }
}
