//! Moderation: rules (YAML, stored in the database), the contact and payment detectors, screening
//! of gigs, messages, deliveries and reviews as they are written, the review queue, and scans.
//!
//! How callers use it, each inside the command's one transaction:
//! - gigs: after the gig row is written, [`screen_gig`] — block is an error (exit 4, naming the
//!   rule), hold moves the gig to pending_review, flag queues it.
//! - messages, deliveries, reviews: after the row is written, [`screen_text`] with its id —
//!   block is an error, flag queues it.
//! - a refusal is an error carrying the verdict ([`Blocked`]). The command's transaction rolls
//!   back, and with it any event written there; `Store::write` then records `message.blocked`
//!   (or `delivery.blocked`, `gig.blocked`, `review.blocked`) with the rule, what it matched and
//!   the author, in a transaction of its own — which is what automation (`souq events --follow
//!   --kind message.blocked`) watches. A command refused for any other reason records nothing.
mod detectors;
mod normalise;
mod numbering;
mod phone;
mod queue;
mod rules;
mod scan;

use std::sync::{Arc, Mutex};

use rusqlite::params;
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};

pub use detectors::{Detector, Found};
pub use normalise::{as_written, for_matching, for_matching_mapped};
pub use queue::{decide, Decided, Flag, FlagStatus};
pub use rules::{Action, Hit, Rule, RuleSet, Severity, Target};
pub use scan::{scan, ScanOptions, ScanSummary};

use crate::db::Db;
use crate::error::{Error, Result};
use crate::gigs::GigInput;
use crate::policy::{self, Policy};
use crate::{events, users, Session};

/// The rules a marketplace applies until an admin imports its own: the shipped rule set.
pub const DEFAULT_RULES: &str = include_str!("../../examples/moderation.yaml");

/// The queue, oldest first (see [`queue::list`]).
pub fn queue(db: &Db, session: &Session, status: Option<FlagStatus>, rule: Option<&str>) -> Result<Vec<Flag>> {
    queue::list(db, session, status, rule)
}

/// The newest imported rule set's source, or the built-in one.
fn active_source(db: &Db) -> Result<(String, String)> {
    let stored: Option<(i64, String)> =
        db.query_opt("SELECT id, source FROM moderation_rule_sets ORDER BY id DESC LIMIT 1", &[], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    Ok(match stored {
        Some((id, source)) => (format!("rule set #{id}"), source),
        None => ("built-in rules".to_string(), DEFAULT_RULES.to_string()),
    })
}

/// What a compiled rule set was made from: it is reused while this stays the same.
#[derive(PartialEq)]
enum Made {
    /// SQLite: the file and the newest set's id. Rule sets are only ever added, so the pair
    /// names one source, and each call reads only the id.
    File { file: String, newest: i64 },
    /// PostgreSQL: a session has no name for its database as sure as a file's path (hosts,
    /// ports and database names repeat across clusters), so each call reads the newest source
    /// itself, still in one statement, and the source is the key.
    Source { label: String, source: String },
}

/// The active rules, compiled once per process and again only when another set is imported.
/// Every message, delivery and imported gig is screened, so this runs often: one statement,
/// and the rules are compiled only when [`Made`] changes.
pub fn active_rules(db: &Db) -> Result<Arc<RuleSet>> {
    static COMPILED: Mutex<Option<(Made, Arc<RuleSet>)>> = Mutex::new(None);
    let made = match db.sqlite() {
        Some(conn) => Made::File {
            file: conn.path().unwrap_or_default().to_string(),
            newest: db.query_row("SELECT coalesce(max(id), 0) FROM moderation_rule_sets", &[], |r| r.get(0))?,
        },
        None => {
            let (label, source) = active_source(db)?;
            Made::Source { label, source }
        }
    };
    let mut compiled = COMPILED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    // an in-memory SQLite database has no file name to tell it from another: never reused
    let in_memory = matches!(&made, Made::File { file, .. } if file.is_empty());
    if let Some((_, rules)) = compiled.as_ref().filter(|(cached, _)| !in_memory && *cached == made) {
        return Ok(Arc::clone(rules));
    }
    let rules = Arc::new(match &made {
        Made::File { .. } => {
            let (label, source) = active_source(db)?;
            RuleSet::stored(&label, &source)?
        }
        Made::Source { label, source } => RuleSet::stored(label, source)?,
    });
    *compiled = Some((made, Arc::clone(&rules)));
    Ok(rules)
}

/// Reads the active rules before a command that screens text takes the write lock. Their
/// regexes and the detectors' compile later, inside the transaction, and only those a text
/// needs (see [`RuleSet`] and the detectors' first pass): most texts need none, and the rest
/// a few, well under a millisecond. Later calls in this process reuse what this one read.
pub fn prepare(db: &Db) -> Result<()> {
    active_rules(db)?;
    Ok(())
}

/// The active rules, as `moderate rules show` lists them.
pub fn show_rules(db: &Db) -> Result<Vec<Rule>> {
    Ok(active_rules(db)?.rules().to_vec())
}

/// The active rule set's YAML, exactly as imported (comments kept), so export -> import is a no-op.
pub fn export_rules(db: &Db) -> Result<String> {
    Ok(active_source(db)?.1)
}

/// Makes `yaml` the active rule set (admin only) after validating all of it; `file` names it in
/// errors. Importing the rules already active changes nothing and writes no event.
pub fn import_rules(db: &Db, session: &Session, file: &str, yaml: &str) -> Result<Vec<Rule>> {
    let admin = users::acting_admin(db, session, "change the moderation rules")?;
    let parsed = RuleSet::parse(file, yaml)?;
    if active_source(db)?.1 == yaml {
        return Ok(parsed.rules().to_vec());
    }
    let id = db.insert(
        "INSERT INTO moderation_rule_sets (source, rules, imported_by, imported_at) VALUES (?1, ?2, ?3, ?4)
         RETURNING id",
        params![yaml, parsed.rules().len() as i64, admin.id, session.now],
    )?;
    let ids: Vec<&str> = parsed.rules().iter().map(|r| r.id.as_str()).collect();
    events::record(db, session, "moderation.rules_imported", "rule_set", id, json!({"file": file, "rules": ids}))?;
    Ok(parsed.rules().to_vec())
}

/// What the rules said about one text.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    pub hits: Vec<Hit>,
}

impl Verdict {
    /// The hit that decides what happens: the strongest action, then the highest severity.
    pub fn strongest(&self) -> Option<&Hit> {
        self.hits.iter().max_by_key(|h| (h.action, h.severity))
    }

    pub fn action(&self) -> Option<Action> {
        self.strongest().map(|h| h.action)
    }

    /// The hit that refuses the content, if one does.
    pub fn blocking(&self) -> Option<&Hit> {
        self.strongest().filter(|h| h.action == Action::Block)
    }
}

/// The one text a gig is screened as: everything a buyer reads.
pub fn gig_text(title: &str, description: &str, tags: &str, extras: &str) -> String {
    format!("{title}\n{description}\n{tags}\n{extras}")
}

fn input_text(input: &GigInput) -> String {
    let extras: Vec<&str> = input.extras.iter().map(|e| e.title.as_str()).collect();
    gig_text(&input.title, &input.description, &input.tags.join(","), &extras.join("\n"))
}

fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn refusal_message(target: Target, hit: &Hit) -> String {
    format!("{} refused by moderation rule {}: {}", target.name(), hit.rule, hit.excerpt)
}

const REFUSAL_HINT: &str =
    "`souq moderate rules show` lists the rules; an admin can review a refusal you think is wrong";

/// A refusal with nothing to record: a gig row of an import, judged before it is written.
fn refusal(target: Target, hit: &Hit) -> Error {
    Error::conflict(refusal_message(target, hit)).with_hint(REFUSAL_HINT)
}

/// What a moderation block carries in its error, for the `<target>.blocked` event recorded
/// after the refused command rolled back: who, about what, and the rule's verdict.
#[derive(Debug, Clone)]
pub struct Blocked {
    pub session: Session,
    pub target: Target,
    /// The entity the event is about: the order of a message, delivery or review; the gig
    /// (0 for a gig refused as it was created, which has no id once rolled back).
    pub entity: &'static str,
    pub entity_id: i64,
    pub hit: Hit,
}

fn blocked(blocked: Blocked) -> Error {
    Error::blocked(refusal_message(blocked.target, &blocked.hit), blocked).with_hint(REFUSAL_HINT)
}

/// Raises a flag for every hit on content `entity`/`entity_id`; returns how many were new.
fn raise_all(db: &Db, session: &Session, target: Target, entity_id: i64, text: &str, hits: &[Hit]) -> Result<usize> {
    let hash = content_hash(text);
    let subject = queue::Subject { entity: target.entity(), entity_id, content_hash: &hash };
    let mut new = 0;
    for hit in hits {
        new += usize::from(queue::raise(db, session, &hit.rule, hit.action, &subject, &hit.excerpt)?.is_some());
    }
    Ok(new)
}

/// Screens gig `gig_id` as `input` describes it; call it right after the row is written (create,
/// update), in the same transaction. Block: Err (exit 4) naming the rule, and the
/// caller's transaction rolls back. Hold: the gig goes to pending_review. Flag: it stays as it
/// is, queued. A gig pending review by policy (review_new_gigs) is queued too.
/// `created`: the gig row was inserted in this transaction (a refusal rolls its id back).
pub fn screen_gig(db: &Db, session: &Session, gig_id: i64, created: bool, input: &GigInput) -> Result<Verdict> {
    let policy = policy::load(db)?;
    let verdict = judged(&*active_rules(db)?, &policy, input)?;
    if let Some(hit) = verdict.blocking() {
        let entity_id = if created { 0 } else { gig_id };
        return Err(blocked(Blocked {
            session: session.clone(),
            target: Target::Gig,
            entity: "gig",
            entity_id,
            hit: hit.clone(),
        }));
    }
    apply_gig_verdict(db, session, &policy, gig_id, input, &verdict)?;
    Ok(verdict)
}

/// The rules' verdict on a gig, without writing anything: Err (exit 4) naming the rule when one
/// blocks it. A CSV import judges each row before writing it, so that one refused row of many
/// leaves nothing behind, then applies the verdict to the row it wrote.
pub fn judge_gig(rules: &RuleSet, policy: &Policy, input: &GigInput) -> Result<Verdict> {
    let verdict = judged(rules, policy, input)?;
    match verdict.blocking() {
        Some(hit) => Err(refusal(Target::Gig, hit)),
        None => Ok(verdict),
    }
}

fn judged(rules: &RuleSet, policy: &Policy, input: &GigInput) -> Result<Verdict> {
    Ok(Verdict { hits: rules.check(Target::Gig, &input_text(input), Some(input.price), &policy.allowed_domains)? })
}

/// Which of the gig's fields a blocking rule objects to (the first that is blocked on its own),
/// so an import can name the column; "title" when only the fields together are blocked (or
/// the rules do not compile: the caller names that error).
pub fn blocked_field(rules: &RuleSet, policy: &Policy, input: &GigInput) -> &'static str {
    let extras: Vec<&str> = input.extras.iter().map(|e| e.title.as_str()).collect();
    let fields = [
        ("title", input.title.clone()),
        ("description", input.description.clone()),
        ("tags", input.tags.join(",")),
        ("extras", extras.join("\n")),
    ];
    fields
        .iter()
        .find(|(_, text)| {
            let hits = rules.check(Target::Gig, text, None, &policy.allowed_domains).unwrap_or_default();
            Verdict { hits }.blocking().is_some()
        })
        .map_or("title", |(field, _)| *field)
}

/// Records what `verdict` (from [`judge_gig`]) says about gig `gig_id`, just written: flags
/// queued, a hold sends the gig to pending_review, a gig pending review by policy is queued.
pub fn apply_gig_verdict(
    db: &Db,
    session: &Session,
    policy: &Policy,
    gig_id: i64,
    input: &GigInput,
    verdict: &Verdict,
) -> Result<()> {
    if verdict.hits.is_empty() && !policy.review_new_gigs {
        return Ok(()); // the common case of a bulk import: nothing to record, no query
    }
    raise_all(db, session, Target::Gig, gig_id, &input_text(input), &verdict.hits)?;
    let status: String = db.query_row("SELECT status FROM gigs WHERE id = ?1", params![gig_id], |r| r.get(0))?;
    if verdict.action() == Some(Action::Hold) && matches!(status.as_str(), "active" | "paused") {
        let hit = verdict.strongest().map(|h| h.rule.as_str()).unwrap_or_default();
        queue::set_gig_status(db, session, gig_id, &status, "pending_review", &format!("held by rule {hit}"))?;
    } else if status == "pending_review" && policy.review_new_gigs && !queue::has_open(db, "gig", gig_id)? {
        let subject = queue::Subject { entity: "gig", entity_id: gig_id, content_hash: "" };
        queue::raise(db, session, queue::REVIEW_NEW_GIGS, Action::Hold, &subject, &input.title)?;
    }
    Ok(())
}

/// Screens a message, delivery or review (`entity_id`: the message id, delivery id, or the
/// order id of a review) right after it is written, in the same transaction. Block: Err (exit 4)
/// naming the rule and carrying the verdict ([`Blocked`], about the order). Flag: queued.
pub fn screen_text(db: &Db, session: &Session, target: Target, entity_id: i64, text: &str) -> Result<Verdict> {
    let allowed = policy::load(db)?.allowed_domains;
    let verdict = Verdict { hits: active_rules(db)?.check(target, text, None, &allowed)? };
    if let Some(hit) = verdict.blocking() {
        let order_id = match target {
            Target::Message => {
                db.query_row("SELECT order_id FROM messages WHERE id = ?1", params![entity_id], |r| r.get(0))?
            }
            Target::Delivery => {
                db.query_row("SELECT order_id FROM deliveries WHERE id = ?1", params![entity_id], |r| r.get(0))?
            }
            _ => entity_id,
        };
        let entity = if target == Target::Username { "user" } else { "order" };
        return Err(blocked(Blocked {
            session: session.clone(),
            target,
            entity,
            entity_id: order_id,
            hit: hit.clone(),
        }));
    }
    raise_all(db, session, target, entity_id, text, &verdict.hits)?;
    Ok(verdict)
}

/// Records `<target>.blocked` for a refusal (called by `Store::write` once the refused command
/// rolled back), with the rule, what it matched as written and as normalised, and the author;
/// returns the event id.
pub fn record_blocked(db: &Db, blocked: &Blocked) -> Result<i64> {
    let hit = &blocked.hit;
    let kind = format!("{}.blocked", blocked.target.name());
    let data = json!({
        "rule": hit.rule,
        "what": hit.what,
        "matched": hit.matched,
        "normalised": hit.normalised,
        "excerpt": hit.excerpt,
        "author": blocked.session.actor,
    });
    events::record(db, &blocked.session, &kind, blocked.entity, blocked.entity_id, data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Timestamp;
    use crate::error::ErrorKind;
    use crate::store::Store;
    use crate::test_engines::fresh_stores;
    use crate::users::NewUser;

    /// An admin and layla in `store`; the admin's session.
    pub(super) fn market(store: &mut Store) -> Session {
        let now = Timestamp::parse("2026-03-01T10:00:00Z").unwrap();
        let admin = Session { actor: Some("admin".into()), os_user: "test".into(), now };
        store
            .write(|tx| {
                users::add(tx, &admin, &NewUser { username: "admin", email: None, is_admin: true })?;
                users::add(tx, &admin, &NewUser { username: "layla", email: None, is_admin: false })
            })
            .unwrap();
        admin
    }

    fn as_layla(admin: &Session) -> Session {
        Session { actor: Some("layla".into()), ..admin.clone() }
    }

    fn kinds(store: &Store, prefix: &str) -> Vec<events::Event> {
        let filter = events::Filter { kind_prefix: Some(prefix.into()), ..Default::default() };
        events::list(store.db(), &filter).unwrap()
    }

    #[test]
    fn a_blocked_review_is_refused_and_recorded_after_the_rollback() {
        for mut m in fresh_stores("a_blocked_review_is_refused_and_recorded_after_the_rollback") {
            let layla = as_layla(&market(&mut m.store));
            let text = "كلمني واتس ٠٥٠ ١٢٣ ٤٥ ٦٧";
            let err = m.store.write(|tx| screen_text(tx, &layla, Target::Review, 3, text)).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Conflict);
            assert!(err.message().contains("contact-in-messages"), "{}", err.message());
            assert_eq!(err.moderation_block().map(|b| b.hit.rule.as_str()), Some("contact-in-messages"));
            let blocked = kinds(&m.store, "review.blocked");
            assert_eq!((blocked[0].entity.as_str(), blocked[0].entity_id), ("order", Some(3)), "{:?}", m.engine());
            assert_eq!(blocked[0].data["author"], "layla");
            assert_eq!(blocked[0].data["rule"], "contact-in-messages");
            assert_eq!(blocked[0].data["matched"], "٠٥٠ ١٢٣ ٤٥ ٦٧");
            assert_eq!(blocked[0].data["normalised"], "050 123 45 67");
        }
    }

    #[test]
    fn a_refusal_for_another_reason_records_nothing() {
        for mut m in fresh_stores("a_refusal_for_another_reason_records_nothing") {
            let layla = as_layla(&market(&mut m.store));
            let refused: Result<()> = m.store.write(|tx| {
                screen_text(tx, &layla, Target::Review, 3, "here are your 3 files")?;
                Err(Error::conflict("order 3 is already delivered"))
            });
            assert!(refused.unwrap_err().moderation_block().is_none());
            assert!(kinds(&m.store, "review.blocked").is_empty(), "{:?}", m.engine());
        }
    }

    #[test]
    fn a_flagged_delivery_is_accepted_and_queued_once() {
        for mut m in fresh_stores("a_flagged_delivery_is_accepted_and_queued_once") {
            let admin = market(&mut m.store);
            let layla = as_layla(&admin);
            let text = "files attached; next time pay me via paypal.me/layla";
            for _ in 0..2 {
                let verdict = m.store.write(|tx| screen_text(tx, &layla, Target::Delivery, 5, text)).unwrap();
                assert_eq!(verdict.action(), Some(Action::Flag));
            }
            let flags = queue(m.store.db(), &admin, Some(FlagStatus::Open), None).unwrap();
            assert_eq!(flags.len(), 1, "{:?}", m.engine());
            assert_eq!((flags[0].entity.as_str(), flags[0].entity_id), ("delivery", 5));
            assert!(queue(m.store.db(), &admin, Some(FlagStatus::Approved), None).unwrap().is_empty());
            assert_eq!(queue(m.store.db(), &admin, None, Some("off-platform-payment")).unwrap().len(), 1);
            let decided = m.store.write(|tx| decide(tx, &admin, Decided::Flag(flags[0].id), true, "a link")).unwrap();
            assert_eq!(decided[0].status, FlagStatus::Approved);
        }
    }

    #[test]
    fn an_imported_rule_set_is_active_at_once_and_importing_it_again_changes_nothing() {
        for mut m in fresh_stores("an_imported_rule_set_is_active_at_once") {
            let admin = market(&mut m.store);
            assert!(show_rules(m.store.db()).unwrap().len() > 1);
            let yaml = "rules:\n  - id: no-shouting\n    applies_to: [message]\n    patterns: ['HELLO']\n    \
                        action: flag\n    severity: low\n";
            for _ in 0..2 {
                let rules = m.store.write(|tx| import_rules(tx, &admin, "mine.yaml", yaml)).unwrap();
                assert_eq!(rules.len(), 1);
            }
            let ids: Vec<String> = show_rules(m.store.db()).unwrap().into_iter().map(|r| r.id).collect();
            assert_eq!(ids, ["no-shouting"], "{:?}", m.engine());
            assert_eq!(export_rules(m.store.db()).unwrap(), yaml);
            let imported = kinds(&m.store, "moderation.rules_imported");
            assert_eq!(imported.len(), 1);
            let newest = m.store.db().query_row("SELECT max(id) FROM moderation_rule_sets", &[], |r| r.get(0));
            assert_eq!(imported[0].entity_id, Some(newest.unwrap()));
        }
    }
}
