//! The double-entry ledger: accounts with cached balances and append-only, hash-chained,
//! idempotent transfers. Nothing else in souq writes a balance.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::clock::Timestamp;
use crate::error::{Error, Result};
use crate::money::Money;

/// The hash a chain starts from.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The three balances each user has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// Deposits and refunds: spendable, not withdrawable.
    Credit,
    /// Earnings in clearance.
    Pending,
    /// Cleared earnings: withdrawable and spendable.
    Available,
}

impl Bucket {
    pub fn as_str(self) -> &'static str {
        match self {
            Bucket::Credit => "credit",
            Bucket::Pending => "pending",
            Bucket::Available => "available",
        }
    }
}

/// An account, named the way DESIGN.md names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Account {
    User(i64, Bucket),
    Escrow,
    Revenue,
    PayoutsInFlight,
    /// Money entering or leaving the platform through a payment method ("paypal").
    World(String),
}

impl Account {
    /// The account's unique name: "user:7:credit", "escrow", "world:paypal".
    pub fn name(&self) -> String {
        match self {
            Account::User(id, bucket) => format!("user:{id}:{}", bucket.as_str()),
            Account::Escrow => "escrow".into(),
            Account::Revenue => "revenue".into(),
            Account::PayoutsInFlight => "payouts_in_flight".into(),
            Account::World(method) => format!("world:{method}"),
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Account::User(_, bucket) => bucket.as_str(),
            Account::Escrow => "escrow",
            Account::Revenue => "revenue",
            Account::PayoutsInFlight => "payouts_in_flight",
            Account::World(_) => "world",
        }
    }

    fn user_id(&self) -> Option<i64> {
        match self {
            Account::User(id, _) => Some(*id),
            _ => None,
        }
    }
}

/// One money movement: `amount` leaves `from` (the debit account) and enters `to`.
#[derive(Debug, Clone)]
pub struct Movement {
    pub from: Account,
    pub to: Account,
    pub amount: Money,
    /// What it is in the marketplace's words: "deposit", "order_payment", "release", "fee", ...
    pub kind: &'static str,
    pub order_id: Option<i64>,
    pub payout_item_id: Option<i64>,
    /// Deterministic key ("order:42:complete:net"): posting it again is a no-op.
    pub idem_key: String,
}

/// What posting did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Posted {
    /// A new transfer row with this id.
    New(i64),
    /// The same movement was already posted (same key, same fields): nothing moved.
    Replayed(i64),
}

impl Posted {
    pub fn is_new(self) -> bool {
        matches!(self, Posted::New(_))
    }
}

/// The account's id, creating it (balance 0) on first use.
pub fn account_id(conn: &Connection, account: &Account) -> Result<i64> {
    let name = account.name();
    let existing: Option<i64> =
        conn.prepare_cached("SELECT id FROM accounts WHERE name = ?1")?.query_row([&name], |r| r.get(0)).optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO accounts (name, user_id, kind) VALUES (?1, ?2, ?3)")?.execute(params![
        name,
        account.user_id(),
        account.kind()
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn balance(conn: &Connection, account: &Account) -> Result<Money> {
    let cents: Option<i64> = conn
        .prepare_cached("SELECT balance FROM accounts WHERE name = ?1")?
        .query_row([account.name()], |r| r.get(0))
        .optional()?;
    Ok(Money::from_cents(cents.unwrap_or(0)))
}

/// The text each transfer's hash covers, after the previous hash. Changing any field of any
/// row changes its hash and breaks the chain from there on.
#[allow(clippy::too_many_arguments)]
pub fn hash_row(
    prev_hash: &str,
    id: i64,
    debit_account: i64,
    credit_account: i64,
    amount: i64,
    kind: &str,
    order_id: Option<i64>,
    payout_item_id: Option<i64>,
    idem_key: &str,
    actor: &str,
    created_at: &str,
) -> String {
    let mut hasher = Sha256::new();
    let opt = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    let row = format!(
        "{id}|{debit_account}|{credit_account}|{amount}|{kind}|{}|{}|{idem_key}|{actor}|{created_at}",
        opt(order_id),
        opt(payout_item_id)
    );
    hasher.update(prev_hash.as_bytes());
    hasher.update(row.as_bytes());
    let digest = hasher.finalize();
    // One buffer, not a String per byte: this runs for every transfer (100,000 in a big payout run).
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(digest.len() * 2);
    for b in digest {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    hex
}

/// The id the next transfer gets and the hash it chains to, in one lookup of the last row.
fn chain_tail(conn: &Connection) -> Result<(i64, String)> {
    Ok(conn
        .prepare_cached("SELECT id + 1, hash FROM transfers ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or_else(|| (1, GENESIS_HASH.to_string())))
}

/// Posts one movement inside the caller's transaction: the transfer row and both cached
/// balances, or nothing. The same idem_key with the same fields is a no-op; with other
/// fields it is a conflict. A balance that would go negative where forbidden is a conflict.
pub fn post(conn: &Connection, actor: &str, now: Timestamp, m: &Movement) -> Result<Posted> {
    if !m.amount.is_positive() {
        return Err(Error::internal(format!("transfer {} of {} is not positive", m.idem_key, m.amount)));
    }
    let debit = account_id(conn, &m.from)?;
    let credit = account_id(conn, &m.to)?;
    let existing = conn
        .prepare_cached(
            "SELECT id, debit_account, credit_account, amount, kind, order_id, payout_item_id
             FROM transfers WHERE idem_key = ?1",
        )?
        .query_row([&m.idem_key], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                (r.get::<_, i64>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?, r.get::<_, String>(4)?),
                (r.get::<_, Option<i64>>(5)?, r.get::<_, Option<i64>>(6)?),
            ))
        })
        .optional()?;
    if let Some((id, money, links)) = existing {
        let same =
            money == (debit, credit, m.amount.cents(), m.kind.to_string()) && links == (m.order_id, m.payout_item_id);
        return if same {
            Ok(Posted::Replayed(id))
        } else {
            Err(Error::conflict(format!("idempotency key {} was already used for a different transfer", m.idem_key)))
        };
    }
    move_balance(conn, debit, -m.amount.cents(), &m.from)?;
    move_balance(conn, credit, m.amount.cents(), &m.to)?;
    let (id, prev) = chain_tail(conn)?;
    let created_at = now.to_string();
    let hash = hash_row(
        &prev,
        id,
        debit,
        credit,
        m.amount.cents(),
        m.kind,
        m.order_id,
        m.payout_item_id,
        &m.idem_key,
        actor,
        &created_at,
    );
    conn.prepare_cached(
        "INSERT INTO transfers (id, debit_account, credit_account, amount, kind, order_id, payout_item_id,
                                idem_key, actor, created_at, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        id,
        debit,
        credit,
        m.amount.cents(),
        m.kind,
        m.order_id,
        m.payout_item_id,
        m.idem_key,
        actor,
        created_at,
        prev,
        hash
    ])?;
    Ok(Posted::New(id))
}

fn move_balance(conn: &Connection, account_id: i64, delta: i64, account: &Account) -> Result<()> {
    conn.prepare_cached("UPDATE accounts SET balance = balance + ?1 WHERE id = ?2")?
        .execute(params![delta, account_id])
        .map_err(|e| match e.sqlite_error_code() {
            // the CHECK (balance >= 0) on every account but world:*
            Some(rusqlite::ErrorCode::ConstraintViolation) => {
                Error::conflict(format!("not enough money in {}", account.name()))
            }
            _ => Error::from(e),
        })?;
    Ok(())
}

/// A user's balances, as `wallet show` prints them.
#[derive(Debug, Clone, Serialize)]
pub struct Wallet {
    pub username: String,
    pub credit_cents: Money,
    pub pending_cents: Money,
    pub available_cents: Money,
    pub in_payout_cents: Money,
    pub currency: String,
}

/// Balances of one user's three accounts, plus what is in flight to them in open payout items.
pub fn wallet(conn: &Connection, user_id: i64, username: &str, currency: &str) -> Result<Wallet> {
    let in_payout: i64 = conn
        .prepare_cached(
            "SELECT coalesce(sum(amount_cents), 0) FROM payout_items
             WHERE seller_id = ?1 AND status IN ('in_flight', 'pending')",
        )?
        .query_row([user_id], |r| r.get(0))?;
    Ok(Wallet {
        username: username.to_string(),
        credit_cents: balance(conn, &Account::User(user_id, Bucket::Credit))?,
        pending_cents: balance(conn, &Account::User(user_id, Bucket::Pending))?,
        available_cents: balance(conn, &Account::User(user_id, Bucket::Available))?,
        in_payout_cents: Money::from_cents(in_payout),
        currency: currency.to_string(),
    })
}
