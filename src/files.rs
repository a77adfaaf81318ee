//! Files souq writes for people (exports, rejects, delivered files): private, whole or absent,
//! never through a symlink and never over an existing file unless asked.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// Whether an existing file at the target may be replaced (`--force`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Refuse,
    Replace,
}

impl Existing {
    /// [`Existing::Replace`] when `replace` (the command's `--force`).
    pub fn replace_if(replace: bool) -> Existing {
        if replace {
            Existing::Replace
        } else {
            Existing::Refuse
        }
    }
}

/// A file being written: a 0600 temporary file beside the target, which [`NewFile::finish`]
/// moves into place in one rename. Dropped unfinished (an error, a full disk), it is removed
/// and the target is as it was: no 0-byte or half-written file is ever left under its name.
pub struct NewFile {
    temp: NamedTempFile,
    path: PathBuf,
    existing: Existing,
}

/// Starts writing `path`. With [`Existing::Refuse`], a file already there (a symlink too,
/// even a dangling one) is a conflict, checked now and again, atomically, at the end.
pub fn create(path: &Path, existing: Existing) -> Result<NewFile> {
    if existing == Existing::Refuse {
        refuse_existing(path)?;
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().ok_or_else(|| Error::invalid(format!("{} names no file", path.display())))?;
    // tempfile creates the file 0600 with O_EXCL, so the temporary name cannot be a planted symlink
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(|e| Error::internal(format!("cannot write {}: {e}", path.display())))?;
    Ok(NewFile { temp, path: path.to_path_buf(), existing })
}

/// `bytes` written to `path` as [`create`] and [`NewFile::finish`] do.
pub fn write(path: &Path, bytes: &[u8], existing: Existing) -> Result<()> {
    let mut file = create(path, existing)?;
    file.write_all(bytes).map_err(|e| write_error(path, e))?;
    file.finish()
}

/// A conflict (exit 4) if anything is at `path`, a symlink included.
pub fn refuse_existing(path: &Path) -> Result<()> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(exists(path));
    }
    Ok(())
}

fn exists(path: &Path) -> Error {
    Error::conflict(format!("{} already exists; souq will not overwrite it", path.display()))
        .with_hint("choose another name, or pass --force to replace it")
}

fn write_error(path: &Path, err: io::Error) -> Error {
    Error::internal(format!("cannot write {}: {err}", path.display()))
}

impl NewFile {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes the data to disk, then puts the file in place: renamed over the target with
    /// [`Existing::Replace`] (a symlink there is replaced, not followed), hard-linked with
    /// [`Existing::Refuse`] so that a file created meanwhile is not overwritten either.
    pub fn finish(self) -> Result<()> {
        let NewFile { temp, path, existing } = self;
        temp.as_file().sync_all().map_err(|e| write_error(&path, e))?;
        let placed = match existing {
            Existing::Replace => temp.persist(&path).map(drop),
            Existing::Refuse => temp.persist_noclobber(&path).map(drop),
        };
        placed.map_err(|e| match e.error.kind() {
            io::ErrorKind::AlreadyExists => exists(&path),
            _ => write_error(&path, e.error),
        })?;
        // the rename is durable once the folder is
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::File::open(folder).and_then(|f| f.sync_all()).map_err(|e| write_error(&path, e))?;
        }
        Ok(())
    }
}

impl Write for NewFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

/// Whether `a` and `b` are the same file (one inode), through any path, symlink or hard link.
/// False when either does not exist.
pub fn same_file(a: &std::fs::Metadata, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(b).is_ok_and(|b| a.dev() == b.dev() && a.ino() == b.ino())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unfinished_file_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        let mut file = create(&path, Existing::Refuse).unwrap();
        file.write_all(b"half").unwrap();
        drop(file);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn finished_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write(&path, b"a,b\n", Existing::Refuse).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert!(write(&path, b"again", Existing::Refuse).is_err());
        write(&path, b"again", Existing::Replace).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"again");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
