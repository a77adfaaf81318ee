//! Waiting for the write lock fairly: short, jittered polls that grow more eager with age.
//!
//! SQLite's own busy handler sleeps in growing steps (1, 2, 5, 10 ... up to 100 ms), so under many
//! writers a process that lost a few rounds sleeps longest and keeps losing, while fresh commands
//! go first: the slowest of 8 writers waited 2.36 s. Here every waiter polls every 0.5-2 ms, and
//! one that has already waited polls more often, so the lock tends to go to the oldest waiter.

use std::cell::Cell;
use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rusqlite::Connection;

use crate::error::Result;

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
