//! `souq migrate-to URL`: a whole marketplace copied, every row with its id, into a new
//! PostgreSQL database, so that a seller base moves hosts without starting again.
//!
//! The source is read in one snapshot (a read transaction) and the target written in one
//! transaction under its write lock, table by table in foreign-key order through COPY; the
//! identity counters are then moved past the copied ids, the search index is built, and every
//! table's row count is compared. Nothing is half-copied: any failure rolls the target back.

use std::io::Write;

use rusqlite::types::Value;
use serde::Serialize;

use crate::db::Db;
use crate::error::{Error, Result};
use crate::search::{self, IndexEntry};

/// One table to copy: its fixed SQL texts, made at compile time from the column list below.
struct Table {
    name: &'static str,
    /// Every column, in the order COPY receives them.
    columns: &'static [&'static str],
    select: &'static str,
    copy: &'static str,
    count: &'static str,
    /// Moves the table's identity counter past the copied ids (tables with an `id` column).
    restart_identity: Option<&'static str>,
}

macro_rules! table {
    ($name:ident ($($column:ident),+)) => {
        table!(@ $name ($($column),+) None)
    };
    ($name:ident ($($column:ident),+), identity $id:ident) => {
        table!(@ $name ($($column),+) Some(concat!(
            "SELECT setval(pg_get_serial_sequence('", stringify!($name), "', '", stringify!($id), "'), ",
            "coalesce(max(", stringify!($id), "), 0) + 1, false) FROM ", stringify!($name)
        )))
    };
    (@ $name:ident ($first:ident $(, $column:ident)*) $restart:expr) => {
        Table {
            name: stringify!($name),
            columns: &[stringify!($first) $(, stringify!($column))*],
            select: concat!(
                "SELECT ", stringify!($first) $(, ", ", stringify!($column))*,
                " FROM ", stringify!($name), " ORDER BY ", stringify!($first)
            ),
            copy: concat!(
                "COPY ", stringify!($name), " (", stringify!($first) $(, ", ", stringify!($column))*, ") FROM STDIN"
            ),
            count: concat!("SELECT count(*) FROM ", stringify!($name)),
            restart_identity: $restart,
        }
    };
}

/// Every table of the marketplace (the search index aside, which is built anew), parents
/// before the tables that refer to them. tests/schema_drift.rs keeps both schemas' columns equal;
/// tests/migrate.rs fails if a table or column is missing here.
const TABLES: &[Table] = &[
    table!(settings(key, value)),
    table!(users(id, username, email, is_admin, status, level, payout_method, payout_account, created_at, username_key), identity id),
    table!(gigs(id, seller_id, sku, title, description, category, tags, price_cents, delivery_days, status, created_at, updated_at), identity id),
    table!(gig_extras(id, gig_id, position, title, price_cents, extra_days), identity id),
    table!(accounts(id, name, user_id, kind, balance), identity id),
    table!(orders(id, gig_id, buyer_id, seller_id, status, quantity, unit_price_cents, gross_cents, commission_bps,
        fee_cents, net_cents, refund_cents, note, place_key, placed_at, due_at, delivered_at, completed_at, cancelled_at,
        cleared_at, late, cancel_requested_by, cancel_requested_at, cancel_reason, rating, review, review_reply,
        reviewed_at), identity id),
    table!(order_extras(order_id, extra_id, title, price_cents, extra_days)),
    table!(payout_batches(id, key, method, min_cents, status, created_by, created_at), identity id),
    table!(payout_items(id, batch_id, seller_id, method, account, amount_cents, status, provider_status, provider_ref,
        updated_at), identity id),
    table!(transfers(id, debit_account, credit_account, amount, kind, order_id, payout_item_id, idem_key, actor,
        created_at, prev_hash, hash), identity id),
    table!(blobs(sha256, size, content)),
    table!(deliveries(id, order_id, sender_id, message, created_at), identity id),
    table!(delivery_files(delivery_id, name, sha256)),
    table!(messages(id, order_id, sender_id, body, created_at), identity id),
    table!(disputes(id, order_id, opened_by, reason, status, resolution, refund_cents, note, resolved_by, opened_at,
        resolved_at), identity id),
    table!(dispute_comments(id, dispute_id, author_id, body, created_at), identity id),
    table!(events(id, at, actor, os_user, kind, entity, entity_id, data), identity id),
    table!(moderation_rule_sets(id, source, rules, imported_by, imported_at), identity id),
    table!(moderation_flags(id, rule, action, entity, entity_id, content_hash, excerpt, status, created_at, decided_by,
        decided_at, reason), identity id),
    table!(search_terms(term)),
    table!(search_synonyms(group_no, position, phrase)),
];

/// What was copied, table by table.
#[derive(Debug, Clone, Serialize)]
pub struct Copied {
    pub table: &'static str,
    pub rows: i64,
}

/// The names of the tables a migration copies, in order (for the tests that hold this list to
/// the schema).
pub fn table_names() -> Vec<&'static str> {
    TABLES.iter().map(|t| t.name).collect()
}

/// Each table's columns as copied, in order (for the same tests).
pub fn table_columns() -> Vec<(&'static str, Vec<String>)> {
    TABLES.iter().map(|t| (t.name, t.columns.iter().map(|c| c.to_string()).collect())).collect()
}

/// Refuses a target that already holds a marketplace: a migration starts from an empty one.
pub fn check_empty(target: &Db) -> Result<()> {
    let users: i64 = target.query_row("SELECT count(*) FROM users", &[], |r| r.get(0))?;
    let events: i64 = target.query_row("SELECT count(*) FROM events", &[], |r| r.get(0))?;
    if users + events > 0 {
        return Err(Error::conflict(
            "the target database already holds a marketplace; souq migrates into an empty one",
        )
        .with_hint("create a new database (createdb NAME) and point migrate-to at it"));
    }
    Ok(())
}

/// Copies every table of `source` into `target` (a PostgreSQL database inside its write
/// transaction), then checks that each table has as many rows on both sides. `progress` hears
/// each table's name and row count as it is done.
pub fn copy_all(source: &Db, target: &Db, mut progress: impl FnMut(&Copied)) -> Result<Vec<Copied>> {
    let Db::Postgres(pg) = target else {
        return Err(Error::usage("migrate-to copies into PostgreSQL; for a copy of a SQLite file use `souq backup`"));
    };
    let mut copied = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        pg.with_client(|client| {
            let mut writer = client.copy_in(table.copy)?;
            let mut line = Vec::with_capacity(256);
            source.query_each(table.select, &[], |row| {
                line.clear();
                for index in 0..table.columns.len() {
                    if index > 0 {
                        line.push(b'\t');
                    }
                    copy_text(&mut line, row.get::<Value>(index)?);
                }
                line.push(b'\n');
                writer.write_all(&line).map_err(|e| Error::internal(format!("copying {}: {e}", table.name)))
            })?;
            writer.finish()?;
            Ok(())
        })?;
        if let Some(restart) = table.restart_identity {
            target.query_row(restart, &[], |_| Ok(()))?;
        }
        let rows: i64 = source.query_row(table.count, &[], |r| r.get(0))?;
        let landed: i64 = target.query_row(table.count, &[], |r| r.get(0))?;
        if rows != landed {
            return Err(Error::internal(format!("{}: {rows} rows read but {landed} written", table.name)));
        }
        let done = Copied { table: table.name, rows };
        progress(&done);
        copied.push(done);
    }
    index_for_search(target)?;
    Ok(copied)
}

/// Builds PostgreSQL's search index over the copied gigs, a page at a time (the words are made
/// in Rust, as for every gig written there).
fn index_for_search(target: &Db) -> Result<()> {
    const PAGE: i64 = 5_000;
    let mut after = 0;
    loop {
        let page: Vec<(i64, IndexEntry)> = target.query_map(
            "SELECT id, title, description, tags FROM gigs WHERE id > ?1 ORDER BY id LIMIT ?2",
            rusqlite::params![after, PAGE],
            |r| {
                let (title, description, tags): (String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?);
                Ok((r.get(0)?, IndexEntry::of(&title, &description, &tags)))
            },
        )?;
        let Some(&(last, _)) = page.last() else { return Ok(()) };
        let entries: Vec<(i64, &IndexEntry)> = page.iter().map(|(id, entry)| (*id, entry)).collect();
        search::index_gigs(target, &entries)?;
        after = last;
    }
}

/// One value in COPY's text format: `\N` for NULL, backslash escapes for the characters that
/// separate fields and rows, bytea as `\\x` and hex.
fn copy_text(out: &mut Vec<u8>, value: Value) {
    match value {
        Value::Null => out.extend_from_slice(b"\\N"),
        Value::Integer(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Value::Real(f) => out.extend_from_slice(f.to_string().as_bytes()),
        Value::Text(text) => {
            for byte in text.bytes() {
                match byte {
                    b'\\' => out.extend_from_slice(b"\\\\"),
                    b'\t' => out.extend_from_slice(b"\\t"),
                    b'\n' => out.extend_from_slice(b"\\n"),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    _ => out.push(byte),
                }
            }
        }
        Value::Blob(bytes) => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\\\x");
            for byte in bytes {
                out.push(HEX[usize::from(byte >> 4)]);
                out.push(HEX[usize::from(byte & 0xf)]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: Value) -> String {
        let mut out = Vec::new();
        copy_text(&mut out, value);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn copy_text_escapes_what_separates_fields_and_rows() {
        assert_eq!(text(Value::Null), "\\N");
        assert_eq!(text(Value::Integer(-42)), "-42");
        assert_eq!(text(Value::Text("a\tb\nc\\d\re".into())), "a\\tb\\nc\\\\d\\re");
        assert_eq!(text(Value::Text("ترجمة \\N".into())), "ترجمة \\\\N");
        assert_eq!(text(Value::Blob(vec![0, 0xff, 0x10])), "\\\\x00ff10");
    }

    #[test]
    fn the_fixed_texts_name_every_column() {
        let users = TABLES.iter().find(|t| t.name == "users").unwrap();
        assert_eq!(users.columns.len(), 10);
        assert!(users.select.starts_with("SELECT id, username, email,"));
        assert!(users.copy.ends_with("username_key) FROM STDIN"));
        assert!(users.restart_identity.unwrap().contains("pg_get_serial_sequence('users', 'id')"));
        assert!(TABLES.iter().find(|t| t.name == "settings").unwrap().restart_identity.is_none());
    }
}
