//! The ledger journal for the finance team: every transfer of a period with its debit and credit
//! accounts and what it belongs to, and per-account totals (opening, debits, credits, closing)
//! that tie out with the cached balances `wallet show` and `audit` read.

use rusqlite::params;
use serde::Serialize;

use crate::db::{Db, Row};
use crate::error::{Error, Result};
use crate::ledger::{Account, Bucket};
use crate::money::Money;
use crate::reports::DayRange;
use crate::users;
use crate::Session;

/// Whose transfers a journal shows.
#[derive(Debug, Clone, Default)]
pub struct JournalFilter {
    pub range: DayRange,
    /// One account by its ledger name ("escrow", "user:7:credit").
    pub account: Option<String>,
    /// One user's three accounts.
    pub user: Option<String>,
}

/// One transfer: `amount_cents` left `debit_account` and entered `credit_account`.
#[derive(Debug, Clone, Serialize)]
pub struct JournalEntry {
    pub transfer_id: i64,
    pub created_at: String,
    pub kind: String,
    pub debit_account: String,
    pub credit_account: String,
    pub amount_cents: Money,
    pub order_id: Option<i64>,
    pub payout_item_id: Option<i64>,
    /// The payout batch of `payout_item_id`: ties a batch to the transfers it made.
    pub payout_batch_id: Option<i64>,
    pub idem_key: String,
    pub actor: String,
    /// The transfer's link in the hash chain `audit` verifies.
    pub hash: String,
}

/// One account over the period: closing = opening + credits - debits. With no --to, closing
/// is the account's balance now.
#[derive(Debug, Clone, Serialize)]
pub struct AccountTotal {
    pub account: String,
    /// The user whose account it is; None for the platform's and the world's.
    pub username: Option<String>,
    pub opening_cents: Money,
    pub debits_cents: Money,
    pub credits_cents: Money,
    pub closing_cents: Money,
}

/// The journal of a period: its transfers, oldest first, and the totals of the accounts in scope.
#[derive(Debug, Clone, Serialize)]
pub struct Journal {
    pub transfers: Vec<JournalEntry>,
    pub totals: Vec<AccountTotal>,
}

/// Which accounts the journal covers: one user's, one account, or all (admins only).
enum Scope {
    All,
    User(i64),
    Account(String),
}

/// Admins see every account; anyone else sees only transfers touching their own accounts,
/// and asking for another's account or user is refused.
fn scope(db: &Db, session: &Session, filter: &JournalFilter) -> Result<Scope> {
    let actor = users::acting(db, session)?;
    if let Some(name) = &filter.account {
        let own = [Bucket::Credit, Bucket::Pending, Bucket::Available]
            .into_iter()
            .any(|bucket| Account::User(actor.id, bucket).name() == *name);
        if !own {
            actor.require_admin(&format!("see the journal of account {name}"))?;
            let exists: bool =
                db.query_row("SELECT EXISTS (SELECT 1 FROM accounts WHERE name = ?1)", params![name], |r| r.get(0))?;
            if !exists {
                return Err(Error::not_found("account", name));
            }
        }
        return Ok(Scope::Account(name.clone()));
    }
    match &filter.user {
        Some(name) if *name != actor.username => {
            actor.require_admin(&format!("see {name}'s journal"))?;
            Ok(Scope::User(users::get(db, name)?.id))
        }
        None if actor.is_admin => Ok(Scope::All),
        _ => Ok(Scope::User(actor.id)),
    }
}

/// The restriction every query below shares: ?1 from day, ?2 to day (by the transfer's date),
/// ?3 user id, ?4 account name, each NULL for "any". PostgreSQL types a parameter where it is
/// first used, and `?N IS NULL` alone says nothing of its type: hence the casts.
const IN_SCOPE: &str = "(CAST(?3 AS BIGINT) IS NULL OR d.user_id = ?3 OR c.user_id = ?3)
                        AND (CAST(?4 AS TEXT) IS NULL OR d.name = ?4 OR c.name = ?4)";
const IN_RANGE: &str = "(CAST(?1 AS TEXT) IS NULL OR substr(t.created_at, 1, 10) >= ?1)
                        AND (CAST(?2 AS TEXT) IS NULL OR substr(t.created_at, 1, 10) <= ?2)";

fn entry(r: &Row) -> Result<JournalEntry> {
    Ok(JournalEntry {
        transfer_id: r.get(0)?,
        created_at: r.get(1)?,
        kind: r.get(2)?,
        debit_account: r.get(3)?,
        credit_account: r.get(4)?,
        amount_cents: Money::from_cents(r.get(5)?),
        order_id: r.get(6)?,
        payout_item_id: r.get(7)?,
        payout_batch_id: r.get(8)?,
        idem_key: r.get(9)?,
        actor: r.get(10)?,
        hash: r.get(11)?,
    })
}

/// The transfers of the period touching the accounts in scope, and those accounts' totals.
pub fn journal(db: &Db, session: &Session, filter: &JournalFilter) -> Result<Journal> {
    let scope = scope(db, session, filter)?;
    let (from, to) = filter.range.params()?;
    let (user_id, account) = match &scope {
        Scope::All => (None, None),
        Scope::User(id) => (Some(*id), None),
        Scope::Account(name) => (None, Some(name.as_str())),
    };
    let sql = format!(
        "SELECT t.id, t.created_at, t.kind, d.name, c.name, t.amount, t.order_id, t.payout_item_id,
                p.batch_id, t.idem_key, t.actor, t.hash
         FROM transfers t
         JOIN accounts d ON d.id = t.debit_account
         JOIN accounts c ON c.id = t.credit_account
         LEFT JOIN payout_items p ON p.id = t.payout_item_id
         WHERE {IN_RANGE} AND {IN_SCOPE}
         ORDER BY t.id"
    );
    let transfers = db.query_map(&sql, params![from, to, user_id, account], entry)?;
    // Each transfer is two legs: -amount for its debit account, +amount for its credit account
    // (amounts are positive), so one pass over the transfers totals every account. Opening: the
    // legs before --from; debits and credits: those within the range.
    let totals_sql = "
        WITH legs AS (SELECT debit_account AS account, -amount AS delta, substr(created_at, 1, 10) AS day FROM transfers
                      UNION ALL
                      SELECT credit_account, amount, substr(created_at, 1, 10) FROM transfers)
        SELECT a.name, u.username,
               CAST(coalesce(sum(CASE WHEN l.day < ?1 THEN l.delta END), 0) AS BIGINT),
               CAST(coalesce(sum(CASE WHEN l.delta < 0 AND (CAST(?1 AS TEXT) IS NULL OR l.day >= ?1)
                                           AND (CAST(?2 AS TEXT) IS NULL OR l.day <= ?2)
                                      THEN -l.delta END), 0) AS BIGINT),
               CAST(coalesce(sum(CASE WHEN l.delta > 0 AND (CAST(?1 AS TEXT) IS NULL OR l.day >= ?1)
                                           AND (CAST(?2 AS TEXT) IS NULL OR l.day <= ?2)
                                      THEN l.delta END), 0) AS BIGINT)
        FROM legs l
        JOIN accounts a ON a.id = l.account
        LEFT JOIN users u ON u.id = a.user_id
        WHERE (CAST(?3 AS BIGINT) IS NULL OR a.user_id = ?3) AND (CAST(?4 AS TEXT) IS NULL OR a.name = ?4)
        GROUP BY a.id, u.id
        ORDER BY a.name";
    let mut totals = db.query_map(totals_sql, params![from, to, user_id, account], |r| {
        let (opening, debits, credits): (i64, i64, i64) = (r.get(2)?, r.get(3)?, r.get(4)?);
        Ok(AccountTotal {
            account: r.get(0)?,
            username: r.get(1)?,
            opening_cents: Money::from_cents(opening),
            debits_cents: Money::from_cents(debits),
            credits_cents: Money::from_cents(credits),
            closing_cents: Money::from_cents(opening + credits - debits),
        })
    })?;
    totals
        .retain(|t| t.opening_cents != Money::ZERO || t.debits_cents != Money::ZERO || t.credits_cents != Money::ZERO);
    Ok(Journal { transfers, totals })
}
