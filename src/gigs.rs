//! Gigs: the services sellers list, with their paid extras; validation against policy, create,
//! update, pause/resume and listing.

use rusqlite::params;
use serde::Serialize;
use serde_json::json;

use crate::clock::Timestamp;
use crate::db::{Db, Engine, Row};
use crate::error::{Error, Result};
use crate::money::Money;
use crate::policy::{self, Policy};
use crate::status::GigStatus;
use crate::text::{self, Shape};
use crate::users::{self, User};
use crate::{events, moderation, search, Session};

pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_DESCRIPTION_CHARS: usize = 5_000;
pub const MAX_SKU_CHARS: usize = 64;
pub const MAX_EXTRAS: usize = 10;
pub const DELIVERY_DAYS: std::ops::RangeInclusive<i64> = 1..=90;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Extra {
    pub id: i64,
    pub title: String,
    pub price_cents: Money,
    pub extra_days: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Gig {
    pub id: i64,
    pub seller: String,
    pub sku: String,
    pub title: String,
    pub description: String,
    pub category: String,
    pub tags: Vec<String>,
    pub price_cents: Money,
    pub delivery_days: i64,
    pub status: GigStatus,
    pub extras: Vec<Extra>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// An extra as a seller writes it: `Title=PRICE+DAYSd`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraInput {
    pub title: String,
    pub price: Money,
    pub extra_days: i64,
}

impl ExtraInput {
    /// Parses `Title=PRICE+DAYSd` (or `Title=PRICE`, no extra days). The title may itself
    /// contain '=': the price is what follows the last one.
    pub fn parse(text: &str) -> Result<ExtraInput> {
        let bad = |why: &str| Error::invalid(format!("extra {}: {why} (expected Title=PRICE+DAYSd)", quote(text)));
        let (title, terms) = text.rsplit_once('=').ok_or_else(|| bad("no '='"))?;
        let title = title.trim();
        if title.is_empty() {
            return Err(bad("empty title"));
        }
        let (price, days) = match terms.trim().split_once('+') {
            Some((p, d)) => {
                let digits = d.trim().strip_suffix(['d', 'D']).ok_or_else(|| bad("days must end in d"))?;
                let days = crate::money::western_digits(digits)
                    .and_then(|days| days.parse::<i64>().ok())
                    .ok_or_else(|| bad("days must be a whole number"))?;
                (p.trim(), days)
            }
            None => (terms.trim(), 0),
        };
        let price = Money::parse(price).map_err(|e| bad(e.message()))?;
        Ok(ExtraInput { title: title.to_string(), price, extra_days: days })
    }

    /// The form `parse` reads, as `gig export` writes it.
    pub fn format(&self) -> String {
        format!("{}={}+{}d", self.title, self.price, self.extra_days)
    }
}

/// Splits a tag cell on ',' or ';', trimming, dropping empties and repeats, keeping order.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split([',', ';', '،']).map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    tags
}

/// Everything a gig is made of, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GigInput {
    pub sku: Option<String>,
    pub title: String,
    pub description: String,
    pub category: String,
    pub tags: Vec<String>,
    pub price: Money,
    pub delivery_days: i64,
    pub extras: Vec<ExtraInput>,
}

/// A validation failure names the field it is about, so CSV import can name the column.
#[derive(Debug)]
pub struct FieldError {
    pub field: &'static str,
    pub error: Error,
}

/// A seller's text in an error message: escaped, at most [`text::EXCERPT_CHARS`] characters.
fn quote(value: &str) -> String {
    text::excerpt(value, text::EXCERPT_CHARS)
}

/// [`text::check`] naming the field, for a text the gig must have.
fn text_field(field: &'static str, value: &str, shape: Shape) -> Result<(), FieldError> {
    text::check(value, field, shape).map_err(|error| FieldError { field, error })
}

/// [`text::check_optional`] naming the field, for a text the gig may leave empty.
fn text_optional(field: &'static str, value: &str, shape: Shape) -> Result<(), FieldError> {
    text::check_optional(value, field, shape).map_err(|error| FieldError { field, error })
}

fn field_err(field: &'static str, message: impl std::fmt::Display) -> FieldError {
    FieldError { field, error: Error::invalid(message) }
}

impl GigInput {
    /// The title, category and tags as a gig row stores them: trimmed, tags joined by ','.
    pub fn stored_text(&self) -> (&str, &str, String) {
        (self.title.trim(), self.category.trim(), self.tags.join(","))
    }

    /// Checks the gig against policy and the fixed limits, naming the first field that fails.
    pub fn validate(&self, policy: &Policy) -> Result<(), FieldError> {
        if let Some(sku) = &self.sku {
            let len = sku.chars().count();
            text_field("sku", sku, Shape::Line)?;
            if len == 0 || len > MAX_SKU_CHARS || sku.chars().any(char::is_whitespace) {
                return Err(field_err("sku", format!("sku must be 1-{MAX_SKU_CHARS} characters without spaces")));
            }
        }
        text_field("title", &self.title, Shape::Line)?;
        text_optional("description", &self.description, Shape::Prose)?;
        text_optional("category", &self.category, Shape::Line)?;
        for tag in &self.tags {
            text_field("tags", tag, Shape::Line)?;
        }
        let title_len = self.title.trim().chars().count();
        if title_len == 0 || self.title.chars().count() > MAX_TITLE_CHARS {
            return Err(field_err("title", format!("title must be 1-{MAX_TITLE_CHARS} characters")));
        }
        if self.description.chars().count() > MAX_DESCRIPTION_CHARS {
            return Err(field_err("description", format!("description is over {MAX_DESCRIPTION_CHARS} characters")));
        }
        if self.category.chars().count() > 64 {
            return Err(field_err("category", "category is over 64 characters"));
        }
        if self.price < policy.min_gig_price || self.price > policy.max_gig_price {
            return Err(field_err(
                "price",
                format!("price {} is outside {} .. {}", self.price, policy.min_gig_price, policy.max_gig_price),
            ));
        }
        if !DELIVERY_DAYS.contains(&self.delivery_days) {
            return Err(field_err("delivery_days", format!("delivery days must be 1-90, got {}", self.delivery_days)));
        }
        if self.extras.len() > MAX_EXTRAS {
            return Err(field_err("extras", format!("at most {MAX_EXTRAS} extras")));
        }
        for (i, extra) in self.extras.iter().enumerate() {
            text::check(&extra.title, "extra's title", Shape::Line)
                .map_err(|error| FieldError { field: "extras", error })?;
            if extra.title.chars().count() > MAX_TITLE_CHARS {
                return Err(field_err(
                    "extras",
                    format!("extra {}: title over {MAX_TITLE_CHARS} characters", quote(&extra.title)),
                ));
            }
            if !extra.price.is_positive() || extra.price > policy.max_gig_price {
                return Err(field_err(
                    "extras",
                    format!("extra {}: price must be 0.01 .. {}", quote(&extra.title), policy.max_gig_price),
                ));
            }
            if !(0..=90).contains(&extra.extra_days) {
                return Err(field_err("extras", format!("extra {}: extra days must be 0-90", quote(&extra.title))));
            }
            if self.extras[..i].iter().any(|e| e.title == extra.title) {
                return Err(field_err("extras", format!("extra {} appears twice", quote(&extra.title))));
            }
        }
        Ok(())
    }
}

pub(crate) const GIG_COLUMNS: &str = "g.id, u.username, g.sku, g.title, g.description, g.category, g.tags,
     g.price_cents, g.delivery_days, g.status, g.created_at, g.updated_at";

pub(crate) fn gig_from_row(r: &Row) -> Result<Gig> {
    let tags: String = r.get(6)?;
    Ok(Gig {
        id: r.get(0)?,
        seller: r.get(1)?,
        sku: r.get(2)?,
        title: r.get(3)?,
        description: r.get(4)?,
        category: r.get(5)?,
        tags: parse_tags(&tags),
        price_cents: Money::from_cents(r.get(7)?),
        delivery_days: r.get(8)?,
        status: r.get(9)?,
        extras: Vec::new(),
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

pub fn extras_of(db: &Db, gig_id: i64) -> Result<Vec<Extra>> {
    db.query_map(
        "SELECT id, title, price_cents, extra_days FROM gig_extras WHERE gig_id = ?1 ORDER BY position",
        params![gig_id],
        |r| {
            Ok(Extra {
                id: r.get(0)?,
                title: r.get(1)?,
                price_cents: Money::from_cents(r.get(2)?),
                extra_days: r.get(3)?,
            })
        },
    )
}

pub fn find(db: &Db, id: i64) -> Result<Option<Gig>> {
    let sql = format!("SELECT {GIG_COLUMNS} FROM gigs g JOIN users u ON u.id = g.seller_id WHERE g.id = ?1");
    let Some(mut gig) = db.query_opt(&sql, params![id], gig_from_row)? else {
        return Ok(None);
    };
    gig.extras = extras_of(db, id)?;
    Ok(Some(gig))
}

pub fn get(db: &Db, id: i64) -> Result<Gig> {
    find(db, id)?.ok_or_else(|| Error::not_found("gig", id))
}

/// The gig a seller knows by `sku`, if any.
pub fn find_by_sku(db: &Db, seller_id: i64, sku: &str) -> Result<Option<Gig>> {
    let id: Option<i64> =
        db.query_opt("SELECT id FROM gigs WHERE seller_id = ?1 AND sku = ?2", params![seller_id, sku], |r| r.get(0))?;
    id.map(|id| get(db, id)).transpose()
}

#[derive(Debug, Clone, Default)]
pub struct GigFilter {
    pub seller: Option<String>,
    pub category: Option<String>,
    pub status: Option<GigStatus>,
    pub min_price: Option<Money>,
    pub max_price: Option<Money>,
    pub limit: Option<i64>,
    pub offset: i64,
}

/// The WHERE of `list` and `count`: parameters 1-5 are seller, category, status, min and max price.
const FILTER: &str = "FROM gigs g JOIN users u ON u.id = g.seller_id
         WHERE (CAST(?1 AS TEXT) IS NULL OR u.username = ?1)
           AND (CAST(?2 AS TEXT) IS NULL OR g.category = ?2)
           AND (CAST(?3 AS TEXT) IS NULL OR g.status = ?3)
           AND (CAST(?4 AS BIGINT) IS NULL OR g.price_cents >= ?4)
           AND (CAST(?5 AS BIGINT) IS NULL OR g.price_cents <= ?5)";

pub fn list(db: &Db, filter: &GigFilter) -> Result<Vec<Gig>> {
    let sql = format!("SELECT {GIG_COLUMNS} {FILTER} ORDER BY g.id LIMIT ?6 OFFSET ?7");
    let mut gigs = db.query_map(
        &sql,
        params![
            filter.seller,
            filter.category,
            filter.status,
            filter.min_price.map(Money::cents),
            filter.max_price.map(Money::cents),
            // no limit: PostgreSQL refuses SQLite's -1
            filter.limit.unwrap_or(i64::MAX),
            filter.offset
        ],
        gig_from_row,
    )?;
    for gig in &mut gigs {
        gig.extras = extras_of(db, gig.id)?;
    }
    Ok(gigs)
}

/// How many gigs `filter` matches, whatever its limit and offset.
pub fn count(db: &Db, filter: &GigFilter) -> Result<u64> {
    let sql = format!("SELECT count(*) {FILTER}");
    let count: i64 = db.query_row(
        &sql,
        params![
            filter.seller,
            filter.category,
            filter.status,
            filter.min_price.map(Money::cents),
            filter.max_price.map(Money::cents)
        ],
        |r| r.get(0),
    )?;
    Ok(count as u64)
}

/// The status a new gig starts in under `policy`.
pub fn initial_status(policy: &Policy) -> GigStatus {
    if policy.review_new_gigs {
        GigStatus::PendingReview
    } else {
        GigStatus::Active
    }
}

/// Inserts a gig for `seller` and returns its id. A gig without a sku gets `gig-ID`.
/// Validation is the caller's (create and import validate differently). A sku the seller
/// already has is refused (exit 4) by the statement itself, which then inserts nothing: on
/// PostgreSQL a failed statement would end the transaction, and an import goes on after a
/// bad row.
pub fn insert(db: &Db, seller: &User, input: &GigInput, status: GigStatus, now: Timestamp) -> Result<i64> {
    try_insert(db, seller, input, status, now)?.map_err(|sku| sku_taken(&sku))
}

/// [`insert`], but when the seller has a gig with the sku the new one would have, nothing is
/// written and that sku is given back.
pub fn try_insert(
    db: &Db,
    seller: &User,
    input: &GigInput,
    status: GigStatus,
    now: Timestamp,
) -> Result<std::result::Result<i64, String>> {
    let (chosen, sku) = match (&input.sku, db.engine()) {
        // SQLite picks the same max + 1 for a NULL id, without the query (import's every row)
        (Some(sku), Engine::Sqlite) => (None, sku.clone()),
        // PostgreSQL's identity column takes no NULL id
        (Some(sku), Engine::Postgres) => (Some(next_id(db)?), sku.clone()),
        // the sku names the id, so the id is chosen first (inside the caller's write transaction)
        (None, _) => {
            let id = next_id(db)?;
            (Some(id), format!("gig-{id}"))
        }
    };
    let (title, category, tags) = input.stored_text();
    let inserted = db.execute(
        "INSERT INTO gigs (id, seller_id, sku, title, description, category, tags, price_cents,
                           delivery_days, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)
         ON CONFLICT (seller_id, sku) DO NOTHING",
        params![
            chosen,
            seller.id,
            sku,
            title,
            input.description,
            category,
            tags,
            input.price.cents(),
            input.delivery_days,
            status,
            now
        ],
    )?;
    if inserted == 0 {
        return Ok(Err(sku));
    }
    // No RETURNING id: SQLite runs a RETURNING clause as a trigger program, whose statement
    // savepoint makes FTS5 flush what an import defers, a segment per gig (an import of 100k
    // rows took 1.8 times the CPU). The id is the one chosen, or the rowid SQLite picked.
    let id = match (chosen, db.sqlite()) {
        (Some(id), _) => id,
        (None, Some(conn)) => conn.last_insert_rowid(),
        (None, None) => return Err(Error::internal("a gig inserted on PostgreSQL without its id (a bug in souq)")),
    };
    // a new gig has no extras to keep or move
    for (position, extra) in input.extras.iter().enumerate() {
        insert_extra(db, id, position, extra)?;
    }
    search::index_gig(db, id, title, &input.description, &tags)?;
    Ok(Ok(id))
}

/// The id the next gig gets.
fn next_id(db: &Db) -> Result<i64> {
    let sql = match db.engine() {
        Engine::Sqlite => "SELECT coalesce(max(id), 0) + 1 FROM gigs",
        Engine::Postgres => "SELECT nextval(pg_get_serial_sequence('gigs', 'id'))",
    };
    db.query_row(sql, &[], |r| r.get(0))
}

fn sku_taken(sku: &str) -> Error {
    Error::conflict(format!("the seller already has a gig with sku {}", quote(sku)))
        .with_hint("use `souq gig update` to change it")
}

/// Makes the gig's extras exactly `extras`. An extra keeps its id while its title stays,
/// so orders placed by extra id keep meaning the same add-on across edits and re-imports.
pub fn replace_extras(db: &Db, gig_id: i64, extras: &[ExtraInput]) -> Result<()> {
    let current = extras_of(db, gig_id)?;
    for old in current.iter().filter(|old| !extras.iter().any(|e| e.title == old.title)) {
        db.execute("DELETE FROM gig_extras WHERE id = ?1", params![old.id])?;
    }
    // positions are rewritten in two passes so the UNIQUE (gig_id, position) never collides
    if !current.is_empty() {
        db.execute("UPDATE gig_extras SET position = -position - 1 WHERE gig_id = ?1", params![gig_id])?;
    }
    for (position, extra) in extras.iter().enumerate() {
        match current.iter().find(|old| old.title == extra.title) {
            Some(old) => db.execute(
                "UPDATE gig_extras SET position = ?1, price_cents = ?2, extra_days = ?3 WHERE id = ?4",
                params![position as i64, extra.price.cents(), extra.extra_days, old.id],
            )?,
            None => insert_extra(db, gig_id, position, extra)?,
        };
    }
    Ok(())
}

fn insert_extra(db: &Db, gig_id: i64, position: usize, extra: &ExtraInput) -> Result<usize> {
    db.execute(
        "INSERT INTO gig_extras (gig_id, position, title, price_cents, extra_days) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![gig_id, position as i64, extra.title, extra.price.cents(), extra.extra_days],
    )
}

/// Overwrites gig `gig_id`'s fields with `input` (sku included when given). A sku another of
/// the seller's gigs has is refused (exit 4) by the statement's guard, which then changes
/// nothing (see [`insert`]).
pub fn overwrite(db: &Db, gig_id: i64, input: &GigInput, now: Timestamp) -> Result<()> {
    let (title, category, tags) = input.stored_text();
    let changed = db.execute(
        "UPDATE gigs SET sku = coalesce(?2, sku), title = ?3, description = ?4, category = ?5, tags = ?6,
                         price_cents = ?7, delivery_days = ?8, updated_at = ?9
         WHERE id = ?1
           AND NOT EXISTS (SELECT 1 FROM gigs other
                           WHERE other.seller_id = gigs.seller_id AND other.sku = ?2 AND other.id <> ?1)",
        params![
            gig_id,
            input.sku,
            title,
            input.description,
            category,
            tags,
            input.price.cents(),
            input.delivery_days,
            now
        ],
    )?;
    if changed == 0 {
        // the caller found the gig in this transaction: only the guard stops the update
        return Err(sku_taken(input.sku.as_deref().unwrap_or_default()));
    }
    replace_extras(db, gig_id, &input.extras)?;
    search::index_gig(db, gig_id, title, &input.description, &tags)
}

/// The input that would recreate `gig` as it is now.
pub fn input_of(gig: &Gig) -> GigInput {
    GigInput {
        sku: Some(gig.sku.clone()),
        title: gig.title.clone(),
        description: gig.description.clone(),
        category: gig.category.clone(),
        tags: gig.tags.clone(),
        price: gig.price_cents,
        delivery_days: gig.delivery_days,
        extras: gig
            .extras
            .iter()
            .map(|e| ExtraInput { title: e.title.clone(), price: e.price_cents, extra_days: e.extra_days })
            .collect(),
    }
}

fn gig_event_data(gig: &Gig) -> serde_json::Value {
    json!({"seller": gig.seller, "sku": gig.sku, "title": gig.title, "price_cents": gig.price_cents, "status": gig.status})
}

/// Lists a new gig for the acting user.
pub fn create(db: &Db, session: &Session, input: &GigInput) -> Result<Gig> {
    let seller = users::acting(db, session)?;
    let policy = policy::load(db)?;
    input.validate(&policy).map_err(|f| f.error)?;
    let id = insert(db, &seller, input, initial_status(&policy), session.now)?;
    moderation::screen_gig(db, session, id, true, input)?;
    let gig = get(db, id)?;
    events::record(db, session, "gig.created", "gig", id, gig_event_data(&gig))?;
    Ok(gig)
}

/// The fields `gig update` may change; None leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct GigChanges {
    pub sku: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub category: Option<String>,
    pub tags: Option<Vec<String>>,
    pub price: Option<Money>,
    pub delivery_days: Option<i64>,
    pub extras: Option<Vec<ExtraInput>>,
}

/// The gig's seller or an admin may manage it.
fn managed_gig(db: &Db, session: &Session, gig_id: i64) -> Result<(User, Gig)> {
    let actor = users::acting(db, session)?;
    let gig = get(db, gig_id)?;
    if gig.seller != actor.username && !actor.is_admin {
        return Err(Error::forbidden(format!(
            "gig {gig_id} belongs to {}; only they or an admin may change it",
            gig.seller
        )));
    }
    Ok((actor, gig))
}

impl GigChanges {
    /// `before` with these changes made.
    pub fn applied_to(self, before: GigInput) -> GigInput {
        GigInput {
            sku: self.sku.or(before.sku),
            title: self.title.unwrap_or(before.title),
            description: self.description.unwrap_or(before.description),
            category: self.category.unwrap_or(before.category),
            tags: self.tags.unwrap_or(before.tags),
            price: self.price.unwrap_or(before.price),
            delivery_days: self.delivery_days.unwrap_or(before.delivery_days),
            extras: self.extras.unwrap_or(before.extras),
        }
    }
}

pub fn update(db: &Db, session: &Session, gig_id: i64, changes: GigChanges) -> Result<Gig> {
    let (_, gig) = managed_gig(db, session, gig_id)?;
    let before = input_of(&gig);
    let after = changes.applied_to(before.clone());
    if after == before {
        return Ok(gig);
    }
    after.validate(&policy::load(db)?).map_err(|f| f.error)?;
    overwrite(db, gig_id, &after, session.now)?;
    moderation::screen_gig(db, session, gig_id, false, &after)?;
    let gig = get(db, gig_id)?;
    events::record(db, session, "gig.updated", "gig", gig_id, gig_event_data(&gig))?;
    Ok(gig)
}

/// Pauses an active gig, or resumes a paused one. Asking for the state it is in is a no-op.
pub fn set_paused(db: &Db, session: &Session, gig_id: i64, paused: bool) -> Result<Gig> {
    let (_, gig) = managed_gig(db, session, gig_id)?;
    let (from, to, kind) = if paused {
        (GigStatus::Active, GigStatus::Paused, "gig.paused")
    } else {
        (GigStatus::Paused, GigStatus::Active, "gig.resumed")
    };
    if gig.status == to {
        return Ok(gig);
    }
    if gig.status != from {
        return Err(Error::conflict(format!("gig {gig_id} is {}; only a {from} gig can be {to}", gig.status)));
    }
    db.execute("UPDATE gigs SET status = ?1, updated_at = ?2 WHERE id = ?3", params![to, session.now, gig_id])?;
    let gig = get(db, gig_id)?;
    events::record(db, session, kind, "gig", gig_id, gig_event_data(&gig))?;
    Ok(gig)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extras_parse_and_format_round_trip() {
        let extra = ExtraInput::parse("Express = 10.50 + 2d").unwrap();
        assert_eq!(extra, ExtraInput { title: "Express".into(), price: Money::from_cents(1050), extra_days: 2 });
        assert_eq!(ExtraInput::parse(&extra.format()).unwrap(), extra);
        assert_eq!(ExtraInput::parse("ترجمة فورية=5").unwrap().extra_days, 0);
        assert_eq!(ExtraInput::parse("a=b=3+1d").unwrap().title, "a=b");
        // as a seller types it in Arabic: Arabic-Indic digits and the decimal sign
        let arabic = ExtraInput::parse("تسليم سريع=٧٫٥٠+١d").unwrap();
        assert_eq!((arabic.price, arabic.extra_days), (Money::from_cents(750), 1));
        for bad in ["Express", "=5+1d", "X=five", "X=5+2", "X=-5+1d", "X=5+xd"] {
            assert!(ExtraInput::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tags_split_on_commas_and_semicolons() {
        assert_eq!(parse_tags(" logo; design ,logo,,شعار،تصميم"), ["logo", "design", "شعار", "تصميم"]);
    }
}
