//! `moderate scan`: the rules run over content already stored, reporting (or, with --apply,
//! queueing) what they find. The same content is never flagged twice, so a scan can be re-run.

use std::collections::BTreeMap;

use rusqlite::params;
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

/// What a scan reads: per target, a count and a page of rows (id, text, price, gig status)
/// after an id. Pages, not one long read: recording a finding queries the same connection,
/// which PostgreSQL cannot do while it streams a result, and a page bounds what is held.
struct Source {
    target: Target,
    count: &'static str,
    page: &'static str,
}

const SOURCES: &[Source] = &[
    Source {
        target: Target::Gig,
        count: "SELECT count(*) FROM gigs WHERE id > ?1",
        page: "SELECT id, title, description, tags, price_cents, status FROM gigs
               WHERE id > ?1 ORDER BY id LIMIT ?2",
    },
    Source {
        target: Target::Message,
        count: "SELECT count(*) FROM messages WHERE id > ?1",
        page: "SELECT id, body FROM messages WHERE id > ?1 ORDER BY id LIMIT ?2",
    },
    Source {
        target: Target::Delivery,
        count: "SELECT count(*) FROM deliveries WHERE id > ?1",
        page: "SELECT id, message FROM deliveries WHERE id > ?1 ORDER BY id LIMIT ?2",
    },
    Source {
        target: Target::Review,
        count: "SELECT count(*) FROM orders WHERE id > ?1 AND review IS NOT NULL",
        page: "SELECT id, review FROM orders WHERE id > ?1 AND review IS NOT NULL ORDER BY id LIMIT ?2",
    },
    Source {
        target: Target::Username,
        count: "SELECT count(*) FROM users WHERE id > ?1",
        page: "SELECT id, username FROM users WHERE id > ?1 ORDER BY id LIMIT ?2",
    },
];

/// The extras' titles of the gigs of a page, in each gig's order (the last part of its text).
const GIG_EXTRAS: &str =
    "SELECT gig_id, title FROM gig_extras WHERE gig_id BETWEEN ?1 AND ?2 ORDER BY gig_id, position";

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

/// The next batch of `source`: up to [`BATCH`] texts with an id above `after`.
fn read_batch(db: &Db, source: &Source, after: i64) -> Result<Vec<Item>> {
    let mut batch = Vec::with_capacity(BATCH);
    db.query_each(source.page, params![after, BATCH as i64], |row| {
        batch.push(match source.target {
            Target::Gig => Item {
                id: row.get(0)?,
                // the extras, the text's last part, are added below
                text: gig_text(&row.get::<String>(1)?, &row.get::<String>(2)?, &row.get::<String>(3)?, ""),
                price: Some(Money::from_cents(row.get(4)?)),
                status: Some(row.get(5)?),
            },
            _ => Item { id: row.get(0)?, text: row.get(1)?, price: None, status: None },
        });
        Ok(())
    })?;
    let ids = batch.first().zip(batch.last()).map(|(first, last)| (first.id, last.id));
    if let (Target::Gig, Some((first, last))) = (source.target, ids) {
        let mut previous = None;
        db.query_each(GIG_EXTRAS, params![first, last], |row| {
            let gig_id: i64 = row.get(0)?;
            if let Ok(at) = batch.binary_search_by_key(&gig_id, |item| item.id) {
                let text = &mut batch[at].text;
                if previous == Some(gig_id) {
                    text.push('\n');
                }
                text.push_str(&row.get::<String>(1)?);
            }
            previous = Some(gig_id);
            Ok(())
        })?;
    }
    Ok(batch)
}

/// What one matcher thread found in its share of a batch.
struct Matched {
    texts: u64,
    /// Only the items some rule matched, with the hits; Err when the rules do not compile.
    hits: Result<Vec<(Item, Vec<Hit>)>>,
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
                    .filter_map(|item| match rules.check(target, &item.text, item.price, allowed_domains) {
                        Ok(hits) if hits.is_empty() => None,
                        Ok(hits) => Some(Ok((item, hits))),
                        Err(e) => Some(Err(e)),
                    })
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
    db: &Db,
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
            queue::raise(db, session, &hit.rule, hit.action, &subject, &hit.excerpt)?.is_some()
        } else {
            !queue::already_raised(db, &hit.rule, &subject)?
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
            queue::set_gig_status(db, session, item.id, status, "pending_review", "held by moderate scan")?;
        }
    }
    Ok(())
}

/// Runs `rules` over stored content (admin only). `progress(done, total)` is called as texts are
/// read. With `apply`, flags are raised, held gigs move to pending_review and one
/// `moderation.scanned` event records the summary; without it the database is left untouched.
/// The scan holds one transaction for its whole run when applying (the caller's).
pub fn scan(
    db: &Db,
    session: &Session,
    rules: &RuleSet,
    options: ScanOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ScanSummary> {
    users::acting_admin(db, session, "scan content")?;
    let allowed_domains = policy::load(db)?.allowed_domains;
    let mut total = 0;
    for source in SOURCES {
        total += db.query_row(source.count, params![options.since], |r| r.get::<i64>(0))? as u64;
    }
    let mut summary = ScanSummary { applied: options.apply, ..ScanSummary::default() };
    progress(0, total);
    for source in SOURCES {
        let mut after = options.since;
        std::thread::scope(|scope| -> Result<()> {
            // While the matchers work on one batch, this thread reads the next.
            let mut matching = Vec::new();
            loop {
                let batch = read_batch(db, source, after)?;
                after = batch.last().map_or(after, |item| item.id);
                for matcher in matching.drain(..) {
                    let Matched { texts, hits } = join(matcher);
                    summary.texts += texts;
                    for (item, hits) in hits? {
                        record(db, session, source.target, &item, &hits, options.apply, &mut summary)?;
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
        events::record(db, session, "moderation.scanned", "moderation", 0, json!(summary))?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::moderation::tests::market;
    use crate::moderation::{active_rules, queue as flags, FlagStatus};
    use crate::test_engines::fresh_stores;
    use crate::users::{self, NewUser};

    /// Every flag on `entity` as (entity_id, rule, content_hash), in id order.
    fn raised(db: &Db, entity: &str) -> Vec<(i64, String, String)> {
        db.query_map(
            "SELECT entity_id, rule, content_hash FROM moderation_flags WHERE entity = ?1 ORDER BY id",
            params![entity],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
    }

    fn run(store: &mut crate::Store, admin: &Session, apply: bool) -> ScanSummary {
        let rules = active_rules(store.db()).unwrap();
        let options = ScanOptions { since: 0, apply };
        store.write_or_preview(apply, |tx| scan(tx, admin, &rules, options, &mut |_, _| ())).unwrap()
    }

    #[test]
    fn a_scan_reads_past_a_batch_and_flags_each_finding_once() {
        for mut m in fresh_stores("a_scan_reads_past_a_batch_and_flags_each_finding_once") {
            let admin = market(&mut m.store);
            // more users than one batch holds, then one posing as staff: found on the second page
            let users = "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 9000)
                         INSERT INTO users (username, username_key, created_at)
                         SELECT 'u' || i, 'u' || i, '2026-03-01T10:00:00Z' FROM n";
            m.store.write(|tx| tx.execute_batch(users)).unwrap();
            let support = NewUser { username: "support_team", email: None, is_admin: false };
            let support_id = m.store.write(|tx| users::add(tx, &admin, &support)).unwrap().id;

            let dry = run(&mut m.store, &admin, false);
            assert_eq!((dry.texts, dry.matched, dry.new_flags), (9003, 1, 1), "{:?}", m.engine());
            assert!(raised(m.store.db(), "user").is_empty());
            let first = run(&mut m.store, &admin, true);
            assert_eq!((first.texts, first.new_flags, first.already_flagged), (9003, 1, 0));
            let again = run(&mut m.store, &admin, true);
            assert_eq!((again.new_flags, again.already_flagged), (0, 1), "{:?}", m.engine());
            let found = raised(m.store.db(), "user");
            assert_eq!(found.len(), 1);
            assert_eq!((found[0].0, found[0].1.as_str()), (support_id, "impersonation"));
        }
    }

    #[test]
    fn a_scanned_gig_is_its_title_description_tags_and_extras_in_order() {
        for mut m in fresh_stores("a_scanned_gig_is_its_title_description_tags_and_extras_in_order") {
            let admin = market(&mut m.store);
            let contact = "call me on whatsapp 0501234567";
            let gigs = [
                ("logo", "Logo design", vec!["Source files", "Fast delivery"]),
                ("flyer", "Flyer", vec![]),
                ("card", "Business card", vec!["Print ready"]),
            ];
            m.store
                .write(|tx| {
                    for (sku, title, extras) in &gigs {
                        let gig_id = tx.insert(
                            "INSERT INTO gigs (seller_id, sku, title, description, tags, price_cents, delivery_days,
                                               created_at, updated_at)
                             VALUES (2, ?1, ?2, ?3, 'design,print', 2500, 3, ?4, ?4) RETURNING id",
                            params![sku, title, contact, admin.now],
                        )?;
                        // written in reverse: the text takes them in their position's order
                        for (position, extra) in extras.iter().enumerate().rev() {
                            tx.execute(
                                "INSERT INTO gig_extras (gig_id, position, title, price_cents, extra_days)
                                 VALUES (?1, ?2, ?3, 500, 1)",
                                params![gig_id, position as i64, extra],
                            )?;
                        }
                    }
                    Ok(())
                })
                .unwrap();
            let summary = run(&mut m.store, &admin, true);
            assert_eq!(summary.held_gigs, 3, "{:?}", m.engine());
            let hashes: Vec<(i64, String)> = raised(m.store.db(), "gig")
                .into_iter()
                .filter(|(_, rule, _)| rule == "contact-in-gigs")
                .map(|(id, _, hash)| (id, hash))
                .collect();
            let expected: Vec<(i64, String)> = gigs
                .iter()
                .enumerate()
                .map(|(at, (_, title, extras))| {
                    let text = gig_text(title, contact, "design,print", &extras.join("\n"));
                    (at as i64 + 1, content_hash(&text))
                })
                .collect();
            assert_eq!(hashes, expected, "{:?}", m.engine());
            let held = flags(m.store.db(), &admin, Some(FlagStatus::Open), Some("contact-in-gigs")).unwrap();
            assert_eq!(held.len(), 3);
            let status: String =
                m.store.db().query_row("SELECT status FROM gigs WHERE id = 2", &[], |r| r.get(0)).unwrap();
            assert_eq!(status, "pending_review");
        }
    }
}
