//! `moderate scan`: the rules run over content already stored, reporting (or, with --apply,
//! queueing) what they find. The same content is never flagged twice, so a scan can be re-run.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::json;

use super::queue::{self, Subject};
use super::rules::{Action, Hit, RuleSet, Target};
use super::{content_hash, gig_text};
use crate::db::Db;
use crate::error::Result;
use crate::money::Money;
use crate::{events, policy, users, Session};

#[derive(Debug, Clone, Copy, Default)]
pub struct ScanOptions {
    /// Only content with an id above this (in each table): for scanning what is new since the last scan.
    pub since: i64,
    /// Raise the flags and hold the gigs; without it nothing is written.
    pub apply: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ScanSummary {
    /// Texts read (a gig is one text: title, description, tags, extras).
    pub texts: u64,
    /// Texts at least one rule matched.
    pub matched: u64,
    /// Flags raised (or, without --apply, that would be).
    pub new_flags: u64,
    /// Matches already in the queue from an earlier scan or check.
    pub already_flagged: u64,
    /// Active or paused gigs moved (or to be moved) to pending_review by a hold or block rule.
    pub held_gigs: u64,
    /// Matches per rule id.
    pub by_rule: BTreeMap<String, u64>,
    pub applied: bool,
}

/// What a scan reads: per target, a count and the rows (id, text, price, gig status).
struct Source {
    target: Target,
    count: &'static str,
    rows: &'static str,
}

const SOURCES: &[Source] = &[
    Source {
        target: Target::Gig,
        count: "SELECT count(*) FROM gigs WHERE id > ?1",
        rows: "SELECT g.id, g.title, g.description, g.tags,
                      (SELECT group_concat(e.title, char(10) ORDER BY e.position)
                       FROM gig_extras e WHERE e.gig_id = g.id),
                      g.price_cents, g.status
               FROM gigs g WHERE g.id > ?1 ORDER BY g.id",
    },
    Source {
        target: Target::Message,
        count: "SELECT count(*) FROM messages WHERE id > ?1",
        rows: "SELECT id, body, NULL, NULL, NULL, NULL, NULL FROM messages WHERE id > ?1 ORDER BY id",
    },
    Source {
        target: Target::Delivery,
        count: "SELECT count(*) FROM deliveries WHERE id > ?1",
        rows: "SELECT id, message, NULL, NULL, NULL, NULL, NULL FROM deliveries WHERE id > ?1 ORDER BY id",
    },
    Source {
        target: Target::Review,
        count: "SELECT count(*) FROM orders WHERE id > ?1 AND review IS NOT NULL",
        rows: "SELECT id, review, NULL, NULL, NULL, NULL, NULL FROM orders
               WHERE id > ?1 AND review IS NOT NULL ORDER BY id",
    },
    Source {
        target: Target::Username,
        count: "SELECT count(*) FROM users WHERE id > ?1",
        rows: "SELECT id, username, NULL, NULL, NULL, NULL, NULL FROM users WHERE id > ?1 ORDER BY id",
    },
];

/// Texts read before they are matched, in parallel, as one batch; `progress` is told after each.
const BATCH: usize = 8_192;

/// One stored text to check.
struct Item {
    id: i64,
    text: String,
    price: Option<Money>,
    /// A gig's status (None for other content).
    status: Option<String>,
}

fn read_batch(rows: &mut rusqlite::Rows, target: Target) -> Result<Vec<Item>> {
    let mut batch = Vec::with_capacity(BATCH);
    while batch.len() < BATCH {
        let Some(row) = rows.next()? else { break };
        let text = match target {
            Target::Gig => gig_text(
                &row.get::<_, String>(1)?,
                &row.get::<_, String>(2)?,
                &row.get::<_, String>(3)?,
                &row.get::<_, Option<String>>(4)?.unwrap_or_default(),
            ),
            _ => row.get(1)?,
        };
        batch.push(Item {
            id: row.get(0)?,
            text,
            price: row.get::<_, Option<i64>>(5)?.map(Money::from_cents),
            status: row.get(6)?,
        });
    }
    Ok(batch)
}

/// What one matcher thread found in its share of a batch.
struct Matched {
    texts: u64,
    /// Only the items some rule matched, with the hits.
    hits: Vec<(Item, Vec<Hit>)>,
}

/// Matches `batch` on every core (matching is most of a scan's work and each text stands
/// alone), returning at once; [`join`] collects the results in order.
fn start_matching<'scope, 'env>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    rules: &'env RuleSet,
    allowed_domains: &'env [String],
    target: Target,
    mut batch: Vec<Item>,
) -> Vec<std::thread::ScopedJoinHandle<'scope, Matched>> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let per_thread = batch.len().div_ceil(threads).max(1);
    let mut shares = Vec::with_capacity(threads);
    while !batch.is_empty() {
        let rest = batch.split_off(per_thread.min(batch.len()));
        shares.push(std::mem::replace(&mut batch, rest));
    }
    shares
        .into_iter()
        .map(|share| {
            scope.spawn(move || {
                let texts = share.len() as u64;
                let hits = share
                    .into_iter()
                    .map(|item| {
                        let hits = rules.check(target, &item.text, item.price, allowed_domains);
                        (item, hits)
                    })
                    .filter(|(_, hits)| !hits.is_empty())
                    .collect();
                Matched { texts, hits }
            })
        })
        .collect()
}

fn join(matcher: std::thread::ScopedJoinHandle<'_, Matched>) -> Matched {
    matcher.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Counts one matched text and, with `apply`, queues its flags and holds its gig. Only a new
/// finding holds a gig: one an admin already approved stays live.
fn record(
    conn: &Db,
    session: &Session,
    target: Target,
    item: &Item,
    hits: &[Hit],
    apply: bool,
    summary: &mut ScanSummary,
) -> Result<()> {
    summary.matched += 1;
    let hash = content_hash(&item.text);
    let subject = Subject { entity: target.entity(), entity_id: item.id, content_hash: &hash };
    let mut holds = false;
    for hit in hits {
        *summary.by_rule.entry(hit.rule.clone()).or_default() += 1;
        let new = if apply {
            queue::raise(conn, session, &hit.rule, hit.action, &subject, &hit.excerpt)?.is_some()
        } else {
            !queue::already_raised(conn, &hit.rule, &subject)?
        };
        if new {
            summary.new_flags += 1;
            holds |= hit.action >= Action::Hold;
        } else {
            summary.already_flagged += 1;
        }
    }
    if let Some(status @ ("active" | "paused")) = item.status.as_deref().filter(|_| holds) {
        summary.held_gigs += 1;
        if apply {
            queue::set_gig_status(conn, session, item.id, status, "pending_review", "held by moderate scan")?;
        }
    }
    Ok(())
}

/// Runs `rules` over stored content (admin only). `progress(done, total)` is called as texts are
/// read. With `apply`, flags are raised, held gigs move to pending_review and one
/// `moderation.scanned` event records the summary; without it the database is left untouched.
/// The scan holds one transaction for its whole run when applying (the caller's).
pub fn scan(
    conn: &Db,
    session: &Session,
    rules: &RuleSet,
    options: ScanOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ScanSummary> {
    users::acting_admin(conn, session, "scan content")?;
    let allowed_domains = policy::load(conn)?.allowed_domains;
    let mut total = 0;
    for source in SOURCES {
        total += conn.prepare_cached(source.count)?.query_row([options.since], |r| r.get::<_, i64>(0))? as u64;
    }
    let mut summary = ScanSummary { applied: options.apply, ..ScanSummary::default() };
    progress(0, total);
    for source in SOURCES {
        let mut stmt = conn.prepare_cached(source.rows)?;
        let mut rows = stmt.query([options.since])?;
        std::thread::scope(|scope| -> Result<()> {
            // While the matchers work on one batch, this thread reads the next.
            let mut matching = Vec::new();
            loop {
                let batch = read_batch(&mut rows, source.target)?;
                for matcher in matching.drain(..) {
                    let Matched { texts, hits } = join(matcher);
                    summary.texts += texts;
                    for (item, hits) in hits {
                        record(conn, session, source.target, &item, &hits, options.apply, &mut summary)?;
                    }
                }
                progress(summary.texts, total);
                if batch.is_empty() {
                    return Ok(());
                }
                matching = start_matching(scope, rules, &allowed_domains, source.target, batch);
            }
        })?;
    }
    progress(summary.texts, total);
    // A scan that found nothing new changed nothing, and leaves no trace: re-running is a no-op.
    if options.apply && (summary.new_flags > 0 || summary.held_gigs > 0) {
        events::record(conn, session, "moderation.scanned", "moderation", 0, json!(summary))?;
    }
    Ok(summary)
}
