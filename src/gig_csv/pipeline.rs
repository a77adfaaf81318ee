//! Batches of rows checked on worker threads while the calling thread writes the ones before
//! them, in the order they were read, with a fixed number of batches in flight.

use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use crate::error::Result;

/// Batches each worker may hold at once (queued, being checked, done and waiting): what the
/// calling thread reads ahead is this many batches per worker, however long the input.
const IN_FLIGHT_PER_WORKER: usize = 2;

/// A worker's inbox of batches to check, and its outbox of checked ones.
type Lane<T, U> = (SyncSender<Vec<T>>, Receiver<Vec<U>>);

/// How many threads check rows: the cores there are, less the one writing, at least one.
/// (On a two-core machine the one worker and the writer each get a core.)
pub(super) fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1)).clamp(1, 4)
}

/// Runs `check` over every item of every batch `next_batch` gives (until it gives None) on
/// `workers` threads, and hands each checked batch to `write` on the calling thread, in the
/// order the batches were read. The first error from `write` stops everything and is
/// returned; an error from `next_batch` is returned once the batches before it are written.
/// The workers end as their channels close.
pub(super) fn run<T: Send, U: Send>(
    workers: usize,
    mut next_batch: impl FnMut() -> Result<Option<Vec<T>>>,
    check: impl Fn(T) -> U + Sync,
    mut write: impl FnMut(Vec<U>) -> Result<()>,
) -> Result<()> {
    let check = &check;
    std::thread::scope(|scope| {
        // Batch k goes to worker k % workers, and comes back on that worker's own channel, so
        // taking the results round-robin gives them back in the order they were read.
        let lanes: Vec<Lane<T, U>> = (0..workers.max(1))
            .map(|_| {
                let (to_worker, inbox) = sync_channel::<Vec<T>>(IN_FLIGHT_PER_WORKER);
                let (outbox, from_worker) = sync_channel::<Vec<U>>(IN_FLIGHT_PER_WORKER);
                scope.spawn(move || {
                    for batch in inbox {
                        let checked: Vec<U> = batch.into_iter().map(check).collect();
                        if outbox.send(checked).is_err() {
                            break; // the writer stopped
                        }
                    }
                });
                (to_worker, from_worker)
            })
            .collect();
        let (mut sent, mut written, mut more) = (0usize, 0usize, true);
        // A batch that cannot be read ends the reading; the batches read before it are
        // written first, as they would have been one at a time.
        let mut unreadable = None;
        loop {
            while more && sent - written < lanes.len() * IN_FLIGHT_PER_WORKER {
                match next_batch() {
                    Ok(Some(batch)) => {
                        // a worker only stops when its inbox closes (below), or by panicking,
                        // which the scope passes on
                        let _ = lanes[sent % lanes.len()].0.send(batch);
                        sent += 1;
                    }
                    Ok(None) => more = false,
                    Err(err) => {
                        unreadable = Some(err);
                        more = false;
                    }
                }
            }
            if written == sent {
                return unreadable.map_or(Ok(()), Err);
            }
            let Ok(checked) = lanes[written % lanes.len()].1.recv() else {
                return Ok(()); // unreachable: a worker that panicked ends the scope with its panic
            };
            written += 1;
            write(checked)?;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    fn batches(total: u32, size: u32) -> impl FnMut() -> Result<Option<Vec<u32>>> {
        let mut next = 0;
        move || {
            if next >= total {
                return Ok(None);
            }
            let batch: Vec<u32> = (next..(next + size).min(total)).collect();
            next += size;
            Ok(Some(batch))
        }
    }

    #[test]
    fn results_come_back_in_read_order_whatever_the_workers() {
        for workers in [1, 2, 3, 4] {
            let mut seen = Vec::new();
            run(
                workers,
                batches(1_000, 7),
                |n| n * 2,
                |batch| {
                    seen.extend(batch);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(seen, (0..1_000).map(|n| n * 2).collect::<Vec<_>>(), "{workers} workers");
        }
    }

    #[test]
    fn reading_stays_a_few_batches_ahead_of_writing() {
        let read = std::cell::Cell::new(0usize);
        let mut next = batches(10_000, 10);
        let mut written = 0usize;
        run(
            2,
            || {
                read.set(read.get() + 1);
                next()
            },
            |n| n,
            |_| {
                written += 1;
                assert!(read.get() - written <= 2 * IN_FLIGHT_PER_WORKER + 1, "read {} written {written}", read.get());
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(written, 1_000);
    }

    #[test]
    fn a_read_error_is_returned_after_the_batches_before_it_are_written() {
        let mut next = batches(100, 10);
        let mut reads = 0;
        let mut seen = Vec::new();
        let err = run(
            2,
            || {
                reads += 1;
                if reads == 4 {
                    return Err(Error::internal("disk"));
                }
                next()
            },
            |n| n,
            |batch| {
                seen.extend(batch);
                Ok(())
            },
        )
        .unwrap_err();
        assert_eq!(err.message(), "disk");
        assert_eq!(seen, (0..30).collect::<Vec<_>>());
    }

    #[test]
    fn a_write_error_stops_reading_and_is_returned() {
        let mut reads = 0;
        let mut next = batches(1_000_000, 10);
        let err = run(
            2,
            || {
                reads += 1;
                next()
            },
            |n| n,
            |batch| if batch[0] >= 50 { Err(Error::invalid("stop")) } else { Ok(()) },
        )
        .unwrap_err();
        assert_eq!(err.message(), "stop");
        assert!(reads < 20, "{reads} batches read");
    }
}
