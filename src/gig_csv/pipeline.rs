//! Batches of rows read on one thread, checked on worker threads, and written by the calling
//! thread in the order they were read, with a fixed number of batches in flight.

use std::sync::mpsc::{sync_channel, SyncSender};

use crate::error::Result;

/// Batches queued for each worker, and checked batches each worker queues for the writer: a
/// worker has at most 2 * QUEUED + 1 batches in flight (the one it checks too), and the reading
/// thread holds one more while it waits for room. What is read ahead stays that many batches
/// per worker, however long the input.
const QUEUED: usize = 1;

/// How many threads check rows: the cores there are, less the one writing, at least one.
/// (On a two-core machine the one worker and the writer each get a core; the reading thread,
/// a tenth of the writer's work, shares the worker's.)
pub(super) fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1)).clamp(1, 4)
}

/// Runs `check` over every item of every batch `next_batch` gives (until it gives None) on
/// `workers` threads, and hands each checked batch to `write` on the calling thread, in the
/// order the batches were read. `next_batch` runs on a thread of its own: reading the file
/// was a tenth of the writing thread's time, and the writing thread is an import's bottleneck.
/// The first error from `write` stops everything and is returned; an error from `next_batch`
/// is returned once the batches before it are written.
pub(super) fn run<T: Send, U: Send>(
    workers: usize,
    next_batch: impl FnMut() -> Result<Option<Vec<T>>> + Send,
    check: impl Fn(T) -> U + Sync,
    mut write: impl FnMut(Vec<U>) -> Result<()>,
) -> Result<()> {
    let check = &check;
    std::thread::scope(|scope| {
        // Batch k goes to worker k % workers, and comes back on that worker's own channel, so
        // taking the results round-robin gives them back in the order they were read.
        let (inboxes, outboxes): (Vec<_>, Vec<_>) = (0..workers.max(1))
            .map(|_| {
                let (to_worker, inbox) = sync_channel::<Vec<T>>(QUEUED);
                let (outbox, from_worker) = sync_channel::<Vec<U>>(QUEUED);
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
            .unzip();
        let reader = scope.spawn(move || read(next_batch, inboxes));
        // A worker's channel closes once the reader has stopped and the worker has sent back
        // every batch it was given: the batch due next was never read.
        for written in 0.. {
            let Ok(checked) = outboxes[written % outboxes.len()].recv() else { break };
            // on an error, the channels close as this returns: the workers stop at their next
            // send, the reader at its next one
            write(checked)?;
        }
        reader.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// The reading thread: batch k to worker k % workers, until the input ends (Ok), a batch cannot
/// be read (that error), or the workers are gone because the writer stopped (Ok: the writer
/// returns its own error). Its queues close as it returns.
fn read<T>(mut next_batch: impl FnMut() -> Result<Option<Vec<T>>>, inboxes: Vec<SyncSender<Vec<T>>>) -> Result<()> {
    for sent in 0.. {
        let Some(batch) = next_batch()? else { break };
        if inboxes[sent % inboxes.len()].send(batch).is_err() {
            break;
        }
    }
    Ok(())
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
        use std::sync::atomic::{AtomicUsize, Ordering};
        let read = AtomicUsize::new(0);
        let mut next = batches(10_000, 10);
        let mut written = 0usize;
        run(
            2,
            || {
                read.fetch_add(1, Ordering::SeqCst);
                next()
            },
            |n| n,
            |_| {
                written += 1;
                let read = read.load(Ordering::SeqCst);
                // each worker's batches in flight, the one the reader holds, the one just read
                assert!(read - written <= 2 * (2 * QUEUED + 1) + 2, "read {read} written {written}");
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
