//! Waiting for the write lock fairly: souq's writers queue for it asleep, and whoever else holds
//! it is polled for in short, jittered steps that grow more eager with age.
//!
//! SQLite's own busy handler sleeps in growing steps (1, 2, 5, 10 ... up to 100 ms), so under many
//! writers a process that lost a few rounds sleeps longest and keeps losing, while fresh commands
//! go first: the slowest of 8 writers waited 2.36 s. Polling every 0.5-2 ms fixed the tail but
//! not the cost: on 2 cores, 7 waiters waking a thousand times a second each take the CPU from
//! the one writer they wait for. So souq's writers first queue on an flock of the database file
//! ([`WriterQueue`]), asleep until the writer ahead of them lets go, and reach `BEGIN IMMEDIATE`
//! one at a time; the polls ([`wait`]) remain for a writer that is not souq (the sqlite3 shell,
//! an older souq) or a checkpoint. The checkpoint a commit may bring is made after the turn is
//! given up ([`defer_checkpoints`]), not by the writer the others queue behind.

use std::cell::Cell;
use std::ffi::c_int;
use std::fs::File;
use std::hash::{BuildHasher, RandomState};
use std::os::fd::{AsRawFd, RawFd};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use rusqlite::Connection;

use crate::error::{Error, Result};

// rusqlite's busy handler is a plain `fn(i32) -> bool`, with no room for per-connection data:
// the timeout is the process's (one SOUQ_BUSY_TIMEOUT_MS per command), and the start of the
// current wait belongs to the thread whose statement is waiting.
static TIMEOUT_MS: AtomicU64 = AtomicU64::new(0);

thread_local! {
    static WAIT_STARTED: Cell<Option<Instant>> = const { Cell::new(None) };
    static JITTER: RandomState = RandomState::new();
}

/// Makes `conn` wait for locks with [`wait`], giving up (SQLITE_BUSY) after `timeout`.
pub fn install(conn: &Connection, timeout: Duration) -> Result<()> {
    TIMEOUT_MS.store(u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX), Ordering::Relaxed);
    conn.busy_handler(Some(wait))?;
    Ok(())
}

/// Called by SQLite each time a lock is refused; `attempt` is 0 on the first refusal of a wait.
/// Returns false to give up.
fn wait(attempt: i32) -> bool {
    let now = Instant::now();
    let started = match WAIT_STARTED.with(Cell::get) {
        Some(started) if attempt > 0 => started,
        _ => {
            WAIT_STARTED.with(|s| s.set(Some(now)));
            now
        }
    };
    let left = Duration::from_millis(TIMEOUT_MS.load(Ordering::Relaxed)).saturating_sub(now - started);
    if left.is_zero() {
        return false;
    }
    std::thread::sleep(step(attempt, now - started).min(left));
    true
}

/// How long to sleep before the next try: random in 0.5-2 ms for a new waiter, shrinking to
/// 0.1-0.4 ms once it has waited 20 ms, so long waiters win the next free lock more often.
fn step(attempt: i32, waited: Duration) -> Duration {
    let random = JITTER.with(|state| state.hash_one((attempt, waited.as_nanos())));
    let (low, spread) = if waited < Duration::from_millis(20) { (500, 1500) } else { (100, 300) };
    Duration::from_micros(low + random % spread)
}

/// The queue of souq's writers to one SQLite file: an exclusive flock(2) of the file itself, held
/// from before `BEGIN IMMEDIATE` to after `COMMIT`. flock locks are apart from the POSIX locks
/// SQLite takes on the same file (Linux keeps the two kinds separate; network filesystems, where
/// they may not be, are refused before this is opened), so SQLite's own locking is untouched.
///
/// The file stays open as long as the connection: closing any descriptor of a file drops every
/// POSIX lock this process holds on it, SQLite's included. [`crate::store::Store`] declares its
/// queue after its connection, so the queue is closed last; a helper thread that timed out
/// ([`WriterQueue::join`]) holds the file until its flock returns, and its command then ends
/// (busy, exit 7) rather than open the database again. (So, as with the header check every
/// open makes through a descriptor of its own, one process keeps one Store per file.)
pub struct WriterQueue {
    file: Arc<File>,
}

/// A place at the head of the queue: the next writer waits until this is dropped.
pub struct Turn {
    file: Arc<File>,
}

/// Where a waiting helper thread's flock stands, shared with the command that waits for it.
#[derive(Clone, Copy, PartialEq)]
enum Wait {
    Waiting,
    Locked,
    /// The command stopped waiting (timeout): the helper lets go of a lock it gets later.
    Abandoned,
}

impl WriterQueue {
    pub fn open(database: &Path) -> Result<WriterQueue> {
        Ok(WriterQueue { file: Arc::new(File::open(database)?) })
    }

    /// Waits (asleep) for the writers ahead to finish, up to `timeout`: then the database is
    /// busy, as when SQLite's own lock is held past it.
    pub fn join(&self, timeout: Duration) -> Result<Turn> {
        let turn = || Turn { file: Arc::clone(&self.file) };
        match flock(self.file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) {
            Ok(()) => return Ok(turn()),
            Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(err) => return Err(err.into()),
        }
        // flock(2) has no timeout: a helper thread sleeps in it while this one waits on a condvar
        // that has one. The helper shares the file (its descriptor stays open, never reused for
        // another file while the helper may still unlock it).
        let state = Arc::new((Mutex::new(Wait::Waiting), Condvar::new()));
        let helper_state = Arc::clone(&state);
        let file = Arc::clone(&self.file);
        std::thread::spawn(move || {
            let fd = file.as_raw_fd();
            let locked = flock(fd, libc::LOCK_EX).is_ok();
            let (lock, ready) = &*helper_state;
            let mut wait = lock.lock().unwrap_or_else(|e| e.into_inner());
            if *wait == Wait::Abandoned {
                if locked {
                    let _ = flock(fd, libc::LOCK_UN);
                }
                return;
            }
            // a failed flock ends the wait as a lock would: BEGIN IMMEDIATE then waits as before
            *wait = Wait::Locked;
            ready.notify_one();
        });
        let (lock, ready) = &*state;
        let wait = lock.lock().unwrap_or_else(|e| e.into_inner());
        let (mut wait, _) =
            ready.wait_timeout_while(wait, timeout, |w| *w == Wait::Waiting).unwrap_or_else(|e| e.into_inner());
        if *wait == Wait::Locked {
            return Ok(turn());
        }
        // no turn, so nothing here unlocks: the helper lets go of the lock if it gets it later
        *wait = Wait::Abandoned;
        Err(Error::busy())
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        let _ = flock(self.file.as_raw_fd(), libc::LOCK_UN);
    }
}

/// WAL pages past which a commit is followed by a checkpoint: SQLite's own autocheckpoint point.
const CHECKPOINT_PAGES: c_int = 1000;

thread_local! {
    /// The pages in the write-ahead log after the last commit on this thread's connection (a
    /// process writes through one connection per thread; were there two, a missed checkpoint is
    /// made at the next commit, which reports the log's whole size again).
    static WAL_PAGES: Cell<c_int> = const { Cell::new(0) };
}

/// Moves SQLite's automatic checkpoint out of the queue. SQLite checkpoints inside the commit
/// that takes the log past 1,000 pages, so the writer holding the queue would copy those pages
/// into the database and sync it while every writer behind it waits: a checkpoint every 150 or
/// so commands, the slowest of them. Instead the commit only notes the log's size, and
/// [`checkpoint_if_due`] checkpoints (PASSIVE, as SQLite's own) once the turn is given up.
pub fn defer_checkpoints(conn: &Connection) {
    // SAFETY: the handle is this open connection's; the hook is a plain function that touches
    // only a thread-local, and replacing SQLite's autocheckpoint hook is what sqlite3_wal_hook is for.
    unsafe {
        rusqlite::ffi::sqlite3_wal_hook(conn.handle(), Some(note_wal_pages), std::ptr::null_mut());
    }
}

unsafe extern "C" fn note_wal_pages(
    _: *mut std::ffi::c_void,
    _: *mut rusqlite::ffi::sqlite3,
    _: *const std::ffi::c_char,
    pages: c_int,
) -> c_int {
    WAL_PAGES.with(|p| p.set(pages));
    rusqlite::ffi::SQLITE_OK
}

/// After a commit, with the turn given up: checkpoints if the log has grown past the point.
/// A checkpoint that fails (busy readers, say) is SQLite's to retry at the next one.
pub fn checkpoint_if_due(conn: &Connection) {
    if WAL_PAGES.with(|p| p.replace(0)) >= CHECKPOINT_PAGES {
        let _ = conn.execute_batch("PRAGMA wal_checkpoint(PASSIVE)");
    }
}

fn flock(fd: RawFd, operation: libc::c_int) -> std::io::Result<()> {
    loop {
        // SAFETY: flock has no memory preconditions; every caller holds the File behind fd.
        if unsafe { libc::flock(fd, operation) } == 0 {
            return Ok(());
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_short_and_shrink_for_old_waiters() {
        for attempt in 0..1000 {
            let fresh = step(attempt, Duration::from_millis(1));
            assert!((Duration::from_micros(500)..Duration::from_millis(2)).contains(&fresh), "{fresh:?}");
            let old = step(attempt, Duration::from_millis(30));
            assert!((Duration::from_micros(100)..Duration::from_micros(400)).contains(&old), "{old:?}");
        }
    }
}
