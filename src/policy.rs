//! Policy: the marketplace's settings (commission, limits, clocks, level thresholds), stored in
//! the database so that every process applies the same ones, and read/written as YAML.

use std::collections::BTreeMap;

use rusqlite::params;
use serde::Serialize;
use serde_json::json;

use crate::db::Db;
use crate::error::{Error, Result};
use crate::money::Money;
use crate::{events, users, Session};

/// Thresholds a seller must meet (all of them) to hold a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelThresholds {
    pub completed: i64,
    /// Average rating in hundredths (450 = 4.50).
    pub min_rating_x100: i64,
    pub on_time_pct: i64,
    pub account_days: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub currency: String,
    pub commission_bps: i64,
    pub min_gig_price: Money,
    pub max_gig_price: Money,
    pub auto_complete_days: i64,
    pub clearance_days: i64,
    pub clearance_days_top_rated: i64,
    pub cancel_request_days: i64,
    pub min_payout: Money,
    /// The largest single deposit a gateway may credit.
    pub max_deposit: Money,
    pub review_new_gigs: bool,
    pub max_attachment_bytes: i64,
    /// Hosts a link in a message or gig may point to (each with its subdomains): the
    /// marketplace's own, lowercase, in the order given.
    pub allowed_domains: Vec<String>,
    pub level_1: LevelThresholds,
    pub level_2: LevelThresholds,
    pub top_rated: LevelThresholds,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            currency: "USD".into(),
            commission_bps: 2000,
            min_gig_price: Money::from_cents(500),
            max_gig_price: Money::from_cents(100_000),
            auto_complete_days: 3,
            clearance_days: 14,
            clearance_days_top_rated: 7,
            cancel_request_days: 2,
            min_payout: Money::from_cents(1000),
            max_deposit: Money::from_cents(1_000_000),
            review_new_gigs: false,
            max_attachment_bytes: 10 * 1024 * 1024,
            allowed_domains: Vec::new(),
            level_1: LevelThresholds { completed: 10, min_rating_x100: 450, on_time_pct: 90, account_days: 60 },
            level_2: LevelThresholds { completed: 50, min_rating_x100: 460, on_time_pct: 90, account_days: 120 },
            top_rated: LevelThresholds { completed: 100, min_rating_x100: 470, on_time_pct: 95, account_days: 180 },
        }
    }
}

/// One setting as `config show` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Setting {
    pub key: &'static str,
    pub value: String,
    pub default: String,
    pub description: &'static str,
}

/// Every key, with its description; the order is the order of `config show` and `config export`.
pub const KEYS: &[(&str, &str)] = &[
    ("currency", "ISO 4217 code of the marketplace's one currency"),
    ("commission_bps", "platform commission in basis points (2000 = 20%)"),
    ("min_gig_price", "lowest gig price"),
    ("max_gig_price", "highest gig price"),
    ("auto_complete_days", "days after delivery before an untouched order completes itself"),
    ("clearance_days", "days earnings stay pending before they can be withdrawn"),
    ("clearance_days_top_rated", "clearance days for top_rated sellers"),
    ("cancel_request_days", "days before a buyer's cancellation request is accepted automatically"),
    ("min_payout", "smallest available balance paid out by `payout run`"),
    ("max_deposit", "largest single deposit a payment gateway may credit"),
    ("review_new_gigs", "new gigs wait in the moderation queue before going live"),
    ("max_attachment_bytes", "largest file a delivery may attach"),
    ("allowed_domains", "comma-separated domains (and their subdomains) links may point to"),
    ("level_1_completed", "completed orders needed for level_1"),
    ("level_1_min_rating", "average rating needed for level_1"),
    ("level_1_on_time_pct", "on-time delivery percentage needed for level_1"),
    ("level_1_account_days", "account age in days needed for level_1"),
    ("level_2_completed", "completed orders needed for level_2"),
    ("level_2_min_rating", "average rating needed for level_2"),
    ("level_2_on_time_pct", "on-time delivery percentage needed for level_2"),
    ("level_2_account_days", "account age in days needed for level_2"),
    ("top_rated_completed", "completed orders needed for top_rated"),
    ("top_rated_min_rating", "average rating needed for top_rated"),
    ("top_rated_on_time_pct", "on-time delivery percentage needed for top_rated"),
    ("top_rated_account_days", "account age in days needed for top_rated"),
];

fn int_in(key: &str, text: &str, min: i64, max: i64) -> Result<i64> {
    match text.trim().parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(Error::invalid(format!("{key}: expected a whole number from {min} to {max}, got {}", quote(text)))),
    }
}

fn money(key: &str, text: &str) -> Result<Money> {
    Money::parse(text.trim()).map_err(|e| e.context(key))
}

/// A rating like "4.5" or "4.75" as hundredths, between 1 and 5.
fn rating(key: &str, text: &str) -> Result<i64> {
    let bad = || Error::invalid(format!("{key}: expected a rating from 1 to 5 like 4.5, got {}", quote(text)));
    let hundredths = Money::parse(text.trim()).map_err(|_| bad())?.cents();
    if (100..=500).contains(&hundredths) {
        Ok(hundredths)
    } else {
        Err(bad())
    }
}

/// A comma-separated list of domain names ("souq.example, khamsat.com"), lowercased; empty
/// for none. A scheme, path, port or wildcard is refused rather than guessed at: the setting
/// lets links through, so it says exactly which hosts.
fn domains(key: &str, text: &str) -> Result<Vec<String>> {
    let mut domains: Vec<String> = Vec::new();
    for domain in text.split(',').map(str::trim).filter(|d| !d.is_empty()) {
        let lower = domain.to_ascii_lowercase();
        let labels_ok = lower.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        });
        if !lower.contains('.') || lower.len() > 253 || !labels_ok {
            return Err(Error::invalid(format!(
                "{key}: expected domain names separated by commas like souq.example,khamsat.com, got {}",
                quote(domain)
            )));
        }
        if !domains.contains(&lower) {
            domains.push(lower);
        }
    }
    Ok(domains)
}

fn show_rating(hundredths: i64) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

impl Policy {
    fn thresholds_mut(&mut self, level: &str) -> &mut LevelThresholds {
        match level {
            "level_1" => &mut self.level_1,
            "level_2" => &mut self.level_2,
            _ => &mut self.top_rated,
        }
    }

    fn thresholds(&self, level: &str) -> &LevelThresholds {
        match level {
            "level_1" => &self.level_1,
            "level_2" => &self.level_2,
            _ => &self.top_rated,
        }
    }

    /// Sets one key from its text form, validating it. Unknown keys are invalid input.
    pub fn apply(&mut self, key: &str, text: &str) -> Result<()> {
        match key {
            "currency" => {
                let code = text.trim();
                if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                    return Err(Error::invalid(format!(
                        "currency: expected a 3-letter code like USD, got {}",
                        quote(text)
                    )));
                }
                self.currency = code.to_string();
            }
            "commission_bps" => self.commission_bps = int_in(key, text, 0, 10_000)?,
            "min_gig_price" => self.min_gig_price = money(key, text)?,
            "max_gig_price" => self.max_gig_price = money(key, text)?,
            "auto_complete_days" => self.auto_complete_days = int_in(key, text, 1, 365)?,
            "clearance_days" => self.clearance_days = int_in(key, text, 0, 365)?,
            "clearance_days_top_rated" => self.clearance_days_top_rated = int_in(key, text, 0, 365)?,
            "cancel_request_days" => self.cancel_request_days = int_in(key, text, 1, 365)?,
            "min_payout" => self.min_payout = money(key, text)?,
            "max_deposit" => self.max_deposit = money(key, text)?,
            "review_new_gigs" => {
                self.review_new_gigs = match text.trim() {
                    "true" => true,
                    "false" => false,
                    _ => {
                        return Err(Error::invalid(format!(
                            "review_new_gigs: expected true or false, got {}",
                            quote(text)
                        )))
                    }
                }
            }
            "max_attachment_bytes" => self.max_attachment_bytes = int_in(key, text, 1, 1 << 30)?,
            "allowed_domains" => self.allowed_domains = domains(key, text)?,
            _ => {
                let (level, field) = ["level_1_", "level_2_", "top_rated_"]
                    .iter()
                    .find_map(|p| key.strip_prefix(p).map(|f| (p.trim_end_matches('_'), f)))
                    .ok_or_else(|| unknown_key(key))?;
                let t = self.thresholds_mut(level);
                match field {
                    "completed" => t.completed = int_in(key, text, 0, 1_000_000)?,
                    "min_rating" => t.min_rating_x100 = rating(key, text)?,
                    "on_time_pct" => t.on_time_pct = int_in(key, text, 0, 100)?,
                    "account_days" => t.account_days = int_in(key, text, 0, 36_500)?,
                    _ => return Err(unknown_key(key)),
                }
            }
        }
        Ok(())
    }

    /// What is wrong with the policy as a whole, once every key is set: amounts that must be
    /// positive, and bounds in the wrong order. Checked after all keys of a change are applied,
    /// so a change may lower (or raise) both bounds of a pair in any order.
    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (key, amount) in [
            ("min_gig_price", self.min_gig_price),
            ("max_gig_price", self.max_gig_price),
            ("min_payout", self.min_payout),
            ("max_deposit", self.max_deposit),
        ] {
            if !amount.is_positive() {
                problems.push(format!("{key}: must be more than 0.00, got {amount}"));
            }
        }
        if self.min_gig_price > self.max_gig_price {
            problems
                .push(format!("min_gig_price {} is above max_gig_price {}", self.min_gig_price, self.max_gig_price));
        }
        problems
    }

    /// The text form of one key, as stored and shown.
    pub fn get(&self, key: &str) -> Result<String> {
        Ok(match key {
            "currency" => self.currency.clone(),
            "commission_bps" => self.commission_bps.to_string(),
            "min_gig_price" => self.min_gig_price.to_string(),
            "max_gig_price" => self.max_gig_price.to_string(),
            "auto_complete_days" => self.auto_complete_days.to_string(),
            "clearance_days" => self.clearance_days.to_string(),
            "clearance_days_top_rated" => self.clearance_days_top_rated.to_string(),
            "cancel_request_days" => self.cancel_request_days.to_string(),
            "min_payout" => self.min_payout.to_string(),
            "max_deposit" => self.max_deposit.to_string(),
            "review_new_gigs" => self.review_new_gigs.to_string(),
            "max_attachment_bytes" => self.max_attachment_bytes.to_string(),
            "allowed_domains" => self.allowed_domains.join(","),
            _ => {
                let (level, field) = ["level_1_", "level_2_", "top_rated_"]
                    .iter()
                    .find_map(|p| key.strip_prefix(p).map(|f| (p.trim_end_matches('_'), f)))
                    .ok_or_else(|| unknown_key(key))?;
                let t = self.thresholds(level);
                match field {
                    "completed" => t.completed.to_string(),
                    "min_rating" => show_rating(t.min_rating_x100),
                    "on_time_pct" => t.on_time_pct.to_string(),
                    "account_days" => t.account_days.to_string(),
                    _ => return Err(unknown_key(key)),
                }
            }
        })
    }

    /// The thresholds of each level, best level first.
    pub fn levels(&self) -> [(&'static str, &LevelThresholds); 3] {
        [("top_rated", &self.top_rated), ("level_2", &self.level_2), ("level_1", &self.level_1)]
    }
}

fn unknown_key(key: &str) -> Error {
    Error::invalid(format!("unknown setting {}", quote(key))).with_hint("`souq config show` lists the settings")
}

/// The policy in force: defaults overlaid with what is stored.
pub fn load(db: &Db) -> Result<Policy> {
    let mut policy = Policy::default();
    db.query_each("SELECT key, value FROM settings", &[], |r| {
        policy.apply(&r.get::<String>(0)?, &r.get::<String>(1)?).map_err(|e| e.context("stored setting"))
    })?;
    Ok(policy)
}

pub fn show(db: &Db) -> Result<Vec<Setting>> {
    let policy = load(db)?;
    let defaults = Policy::default();
    KEYS.iter()
        .map(|(key, description)| {
            Ok(Setting { key, value: policy.get(key)?, default: defaults.get(key)?, description })
        })
        .collect()
}

/// Sets keys (admin only), all or none, writing one `config.set` event per key that changed.
/// Every key is applied before the policy is checked as a whole; any problem refuses the change
/// with one error listing every bad key.
pub fn set_many(db: &Db, session: &Session, pairs: &[(String, String)]) -> Result<Vec<Setting>> {
    users::acting_admin(db, session, "change the policy")?;
    let before = load(db)?;
    let mut policy = before.clone();
    let mut problems = Vec::new();
    let mut unknown = false;
    for (key, value) in pairs {
        if let Err(e) = policy.apply(key, value) {
            unknown |= !KEYS.iter().any(|(k, _)| k == key);
            problems.push(e.message().to_string());
        }
    }
    problems.extend(policy.problems());
    if !problems.is_empty() {
        let err = Error::invalid(format!("{}; nothing changed", problems.join("; ")));
        return Err(if unknown { err.with_hint("`souq config show` lists the settings") } else { err });
    }
    for (key, _) in KEYS.iter().filter(|(key, _)| pairs.iter().any(|(k, _)| k == key)) {
        let (from, to) = (before.get(key)?, policy.get(key)?);
        if from != to {
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, to],
            )?;
            events::record(db, session, "config.set", "config", 0, json!({"key": key, "from": from, "to": to}))?;
        }
    }
    show(db)
}

/// The policy as a YAML mapping, every key present, in `KEYS` order.
pub fn export_yaml(db: &Db) -> Result<String> {
    let policy = load(db)?;
    let mut out = String::from("# souq policy: `souq config import FILE` reads this back\n");
    for (key, description) in KEYS {
        let value = policy.get(key)?;
        let scalar = serde_norway::to_string(&value).map_err(Error::internal)?;
        out.push_str(&format!("# {description}\n{key}: {}", scalar));
    }
    Ok(out)
}

/// Parses a YAML mapping of settings into (key, text value) pairs, in key order. Keys and values
/// are checked by [`set_many`], all together; here only the shape (a mapping of single values).
pub fn parse_yaml(yaml: &str) -> Result<Vec<(String, String)>> {
    let mapping: BTreeMap<String, serde_norway::Value> =
        serde_norway::from_str(yaml).map_err(|e| Error::invalid(format!("policy YAML: {e}")))?;
    let mut pairs = Vec::with_capacity(mapping.len());
    let mut problems = Vec::new();
    for (key, value) in mapping {
        match value {
            serde_norway::Value::String(s) => pairs.push((key, s)),
            serde_norway::Value::Number(n) => pairs.push((key, n.to_string())),
            serde_norway::Value::Bool(b) => pairs.push((key, b.to_string())),
            // a list setting (allowed_domains) may be written as a YAML sequence of names
            serde_norway::Value::Sequence(items) if items.iter().all(serde_norway::Value::is_string) => {
                let items: Vec<&str> = items.iter().filter_map(serde_norway::Value::as_str).collect();
                pairs.push((key, items.join(",")))
            }
            other => {
                problems.push(format!("{}: expected a single value, got {}", quote(&key), quote(&format!("{other:?}"))))
            }
        }
    }
    if problems.is_empty() {
        Ok(pairs)
    } else {
        Err(Error::invalid(problems.join("; ")))
    }
}

/// A value from a policy file in an error message: escaped, at most 80 characters.
fn quote(text: &str) -> String {
    crate::text::excerpt(text, crate::text::EXCERPT_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_round_trips_through_its_text() {
        let mut policy = Policy::default();
        for (key, _) in KEYS {
            let text = policy.get(key).unwrap();
            policy.apply(key, &text).unwrap();
        }
        assert_eq!(policy, Policy::default());
    }

    #[test]
    fn bad_values_name_the_key() {
        let mut policy = Policy::default();
        for (key, value) in
            [("commission_bps", "20%"), ("min_payout", "-1"), ("level_1_min_rating", "6"), ("nope", "1")]
        {
            let err = policy.apply(key, value).unwrap_err();
            assert!(err.to_string().contains(key), "{err}");
        }
    }

    #[test]
    fn a_setting_is_inserted_then_updated_in_place() {
        use crate::test_engines::fresh_stores;
        use crate::users::NewUser;
        for mut m in fresh_stores("a_setting_is_inserted_then_updated_in_place") {
            let now = crate::Timestamp::parse("2026-03-01T10:00:00Z").unwrap();
            let admin = Session { actor: Some("admin".into()), os_user: "test".into(), now };
            m.store
                .write(|tx| users::add(tx, &admin, &NewUser { username: "admin", email: None, is_admin: true }))
                .unwrap();
            for bps in ["1500", "1750", "1750"] {
                let pairs = [
                    ("commission_bps".to_string(), bps.to_string()),
                    ("allowed_domains".into(), "souq.example".into()),
                ];
                m.store.write(|tx| set_many(tx, &admin, &pairs)).unwrap();
                assert_eq!(load(m.store.db()).unwrap().commission_bps.to_string(), bps, "{:?}", m.engine());
            }
            let rows: i64 = m.store.db().query_row("SELECT count(*) FROM settings", &[], |r| r.get(0)).unwrap();
            assert_eq!(rows, 2);
            let filter = events::Filter { kind_prefix: Some("config.set".into()), ..Default::default() };
            assert_eq!(events::list(m.store.db(), &filter).unwrap().len(), 3, "{:?}", m.engine());
            assert!(export_yaml(m.store.db()).unwrap().contains("commission_bps: '1750'"));
        }
    }
}
