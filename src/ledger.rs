//! The double-entry ledger: accounts with cached balances and append-only, hash-chained,
//! idempotent transfers. Nothing else in souq writes a balance.

use rusqlite::params;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::clock::Timestamp;
use crate::db::Db;
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

/// An account, named the way docs/design.md names it.
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

/// What the ledger knows of a movement before posting it, in one statement (post runs this for
/// every transfer): its two accounts' ids (None for an account not used yet) and the transfer
/// already posted under its idem_key, if any.
fn look_up(db: &Db, m: &Movement) -> Result<(Option<i64>, Option<i64>, Option<i64>)> {
    db.query_row(
        "SELECT (SELECT id FROM accounts WHERE name = ?1), (SELECT id FROM accounts WHERE name = ?2),
                (SELECT id FROM transfers WHERE idem_key = ?3)",
        params![m.from.name(), m.to.name(), m.idem_key],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}

/// Creates the account (balance 0): its id.
fn create_account(db: &Db, account: &Account) -> Result<i64> {
    db.insert(
        "INSERT INTO accounts (name, user_id, kind) VALUES (?1, ?2, ?3) RETURNING id",
        params![account.name(), account.user_id(), account.kind()],
    )
}

pub fn balance(db: &Db, account: &Account) -> Result<Money> {
    let cents: Option<i64> =
        db.query_opt("SELECT balance FROM accounts WHERE name = ?1", params![account.name()], |r| r.get(0))?;
    Ok(Money::from_cents(cents.unwrap_or(0)))
}

/// Two accounts' balances in one statement (0 for an account not used yet).
pub fn balances(db: &Db, a: &Account, b: &Account) -> Result<(Money, Money)> {
    let (a, b): (i64, i64) = db.query_row(
        "SELECT coalesce((SELECT balance FROM accounts WHERE name = ?1), 0),
                coalesce((SELECT balance FROM accounts WHERE name = ?2), 0)",
        params![a.name(), b.name()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((Money::from_cents(a), Money::from_cents(b)))
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
    // Fed to the hasher piece by piece (same bytes as joining the fields with '|'): no format!
    // and no String per row, as this runs for every transfer posted.
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    let mut digits = Digits::default();
    for (i, field) in [Some(id), Some(debit_account), Some(credit_account), Some(amount)].into_iter().enumerate() {
        if i > 0 {
            hasher.update(b"|");
        }
        hasher.update(digits.of(field));
    }
    hasher.update(b"|");
    hasher.update(kind.as_bytes());
    for field in [order_id, payout_item_id] {
        hasher.update(b"|");
        hasher.update(digits.of(field));
    }
    for text in [idem_key, actor, created_at] {
        hasher.update(b"|");
        hasher.update(text.as_bytes());
    }
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

/// A buffer for writing an integer in decimal without allocating.
#[derive(Default)]
struct Digits([u8; 20]);

impl Digits {
    /// `n` in decimal as `to_string` writes it; nothing for None.
    fn of(&mut self, n: Option<i64>) -> &[u8] {
        let Some(n) = n else { return &[] };
        let mut at = self.0.len();
        let mut rest = n.unsigned_abs();
        loop {
            at -= 1;
            self.0[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if n < 0 {
            at -= 1;
            self.0[at] = b'-';
        }
        &self.0[at..]
    }
}

/// Posts one movement inside the caller's transaction: the transfer row and both cached
/// balances, or nothing. The same idem_key with the same fields is a no-op; with other
/// fields it is a conflict. A balance that would go negative where forbidden is a conflict;
/// one that would leave the range of an i64 is invalid input (exit 6). Both are decided before
/// anything is written, and no statement fails (a failed statement ends a PostgreSQL
/// transaction): on a refusal this movement has written nothing and the caller's transaction
/// is still good.
pub fn post(db: &Db, actor: &str, now: Timestamp, m: &Movement) -> Result<Posted> {
    if !m.amount.is_positive() {
        return Err(Error::internal(format!("transfer {} of {} is not positive", m.idem_key, m.amount)));
    }
    let (debit, credit, existing) = look_up(db, m)?;
    // Looked for first, always: a replay must never move a balance, not even for a moment.
    if let Some(existing) = existing {
        return replayed(db, m, existing, (debit, credit));
    }
    let debit = debit.map_or_else(|| create_account(db, &m.from), Ok)?;
    let credit = credit.map_or_else(|| create_account(db, &m.to), Ok)?;
    move_balances(db, debit, credit, m)?;
    let (id, prev) = chain_tail(db)?;
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
    db.execute(
        "INSERT INTO transfers (id, debit_account, credit_account, amount, kind, order_id, payout_item_id,
                                idem_key, actor, created_at, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
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
        ],
    )?;
    Ok(Posted::New(id))
}

/// The id the next transfer gets and the hash it chains to, in one lookup of the last row.
fn chain_tail(db: &Db) -> Result<(i64, String)> {
    Ok(db
        .query_opt("SELECT id + 1, hash FROM transfers ORDER BY id DESC LIMIT 1", &[], |r| Ok((r.get(0)?, r.get(1)?)))?
        .unwrap_or_else(|| (1, GENESIS_HASH.to_string())))
}

/// What posting `m` again means when transfer `existing` already has its idem_key: Replayed
/// when that transfer has the same fields (its accounts are `accounts`' ids), a conflict when not.
fn replayed(db: &Db, m: &Movement, existing: i64, accounts: (Option<i64>, Option<i64>)) -> Result<Posted> {
    let posted = db.query_row(
        "SELECT debit_account, credit_account, amount, kind, order_id, payout_item_id FROM transfers WHERE id = ?1",
        params![existing],
        |r| {
            Ok((
                (Some(r.get::<i64>(0)?), Some(r.get::<i64>(1)?)),
                (r.get::<i64>(2)?, r.get::<String>(3)?),
                (r.get::<Option<i64>>(4)?, r.get::<Option<i64>>(5)?),
            ))
        },
    )?;
    if posted == (accounts, (m.amount.cents(), m.kind.to_string()), (m.order_id, m.payout_item_id)) {
        Ok(Posted::Replayed(existing))
    } else {
        Err(Error::conflict(format!("idempotency key {} was already used for a different transfer", m.idem_key)))
    }
}

/// Moves the amount from `debit` to `credit`, both or neither. The debit's guard decides for
/// both legs before either is written: the debit account may not go below zero (world:* may),
/// and neither balance may leave the range of an i64 (the bounds, computed here, cannot
/// overflow: the amount is positive). A refused debit changes no row, and then the credit,
/// which the guard has already cleared, is not run. Two single-row statements (one statement
/// over both ids builds a temporary b-tree for its IN list, which costs more).
fn move_balances(db: &Db, debit: i64, credit: i64, m: &Movement) -> Result<()> {
    const DEBIT: &str = "UPDATE accounts SET balance = balance - ?1
                         WHERE id = ?2 AND (kind = 'world' OR balance >= ?1) AND balance >= ?3
                           AND (SELECT balance FROM accounts WHERE id = ?4) <= ?5";
    const CREDIT: &str = "UPDATE accounts SET balance = balance + ?1 WHERE id = ?2";
    let cents = m.amount.cents();
    let (debit_floor, credit_ceiling) = (i64::MIN + cents, i64::MAX - cents);
    if db.execute(DEBIT, params![cents, debit, debit_floor, credit, credit_ceiling])? == 0 {
        return Err(refusal(db, debit, credit, m)?);
    }
    db.execute(CREDIT, params![cents, credit])?;
    Ok(())
}

/// Why the debit guard refused `m`, in the marketplace's words: read on the refusal only.
fn refusal(db: &Db, debit: i64, credit: i64, m: &Movement) -> Result<Error> {
    let (debit_balance, credit_balance): (i64, i64) = db.query_row(
        "SELECT (SELECT balance FROM accounts WHERE id = ?1), (SELECT balance FROM accounts WHERE id = ?2)",
        params![debit, credit],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let cents = m.amount.cents();
    let out_of_range =
        |account: &Account| Error::invalid(format!("amount out of range: {} would overflow", account.name()));
    Ok(if m.from.kind() != "world" && debit_balance < cents {
        Error::conflict(format!("not enough money in {}", m.from.name()))
    } else if debit_balance.checked_sub(cents).is_none() {
        out_of_range(&m.from)
    } else if credit_balance.checked_add(cents).is_none() {
        out_of_range(&m.to)
    } else {
        Error::internal(format!("transfer {}: the ledger refused it and cannot say why", m.idem_key))
    })
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
pub fn wallet(db: &Db, user_id: i64, username: &str, currency: &str) -> Result<Wallet> {
    let in_payout: i64 = db.query_row(
        "SELECT CAST(coalesce(sum(amount_cents), 0) AS BIGINT) FROM payout_items
         WHERE seller_id = ?1 AND status IN ('in_flight', 'pending')",
        params![user_id],
        |r| r.get(0),
    )?;
    Ok(Wallet {
        username: username.to_string(),
        credit_cents: balance(db, &Account::User(user_id, Bucket::Credit))?,
        pending_cents: balance(db, &Account::User(user_id, Bucket::Pending))?,
        available_cents: balance(db, &Account::User(user_id, Bucket::Available))?,
        in_payout_cents: Money::from_cents(in_payout),
        currency: currency.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::test_engines::on_each_engine;

    #[test]
    fn hash_row_hashes_the_fields_joined_by_bars() {
        // digests of sha256(prev_hash + "id|debit|credit|amount|kind|order|payout_item|key|actor|at")
        let cases = [
            (
                hash_row(
                    GENESIS_HASH,
                    1,
                    2,
                    3,
                    500,
                    "fee",
                    Some(7),
                    None,
                    "order:7:release:fee",
                    "system",
                    "2026-03-01T10:00:00Z",
                ),
                "62ec15ac1f3c26285b77034e98e36183f6d3ff9f1efb50e98bcc743fb4479069",
            ),
            (
                hash_row(
                    GENESIS_HASH,
                    12,
                    5,
                    9,
                    -250,
                    "payout",
                    None,
                    None,
                    "payout:1:x",
                    "admin",
                    "2026-11-27T13:59:26Z",
                ),
                "e03a449f477bef67506f098f1bd1a73173da4e9b1b08eafaeb279151433f961e",
            ),
            (
                hash_row(GENESIS_HASH, i64::MAX, 1, 2, 1, "k", None, Some(i64::MIN), "k", "a", "t"),
                "9c99b8dc1899451a4240a6ac1a0ccbc4f211eafaeaede6f07b5c998d91133602",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }

    fn movement(from: Account, to: Account, cents: i64, key: &str) -> Movement {
        Movement {
            from,
            to,
            amount: Money::from_cents(cents),
            kind: "test",
            order_id: None,
            payout_item_id: None,
            idem_key: key.into(),
        }
    }

    fn transfers(db: &Db) -> i64 {
        db.query_row("SELECT count(*) FROM transfers", &[], |r| r.get(0)).unwrap()
    }

    const NOW: &str = "2026-03-01T10:00:00Z";

    #[test]
    fn a_key_posts_once_refuses_other_fields_and_replays_even_when_money_has_moved_on() {
        on_each_engine(|store| {
            let now = Timestamp::parse(NOW).unwrap();
            let world = Account::World("card".into());
            store
                .write(|tx| {
                    let deposit = movement(world.clone(), Account::Escrow, 100, "k1");
                    let Posted::New(id) = post(tx, "t", now, &deposit)? else { panic!("a new key posts") };
                    assert_eq!(post(tx, "t", now, &deposit)?, Posted::Replayed(id));
                    let other = post(tx, "t", now, &movement(world.clone(), Account::Escrow, 50, "k1")).unwrap_err();
                    assert_eq!(other.kind(), ErrorKind::Conflict);
                    let short =
                        post(tx, "t", now, &movement(Account::Escrow, Account::Revenue, 101, "k2")).unwrap_err();
                    assert!(short.to_string().contains("not enough money in escrow"), "{short}");
                    let spend = movement(Account::Escrow, Account::Revenue, 100, "k3");
                    assert!(post(tx, "t", now, &spend)?.is_new());
                    // escrow is empty now: posting the same movement again is still a replay, not a refusal
                    assert!(!post(tx, "t", now, &spend)?.is_new());
                    assert_eq!(transfers(tx), 2);
                    assert_eq!(balance(tx, &world)?.cents(), -100);
                    assert_eq!(balance(tx, &Account::Escrow)?.cents(), 0);
                    assert_eq!(balance(tx, &Account::Revenue)?.cents(), 100);
                    Ok(())
                })
                .unwrap();
        });
    }

    /// A refused movement writes nothing and runs no failing statement, so the same transaction
    /// goes on (on PostgreSQL a failed statement would have ended it) and commits whole.
    #[test]
    fn an_overdraft_or_an_overflow_is_refused_before_anything_is_written() {
        on_each_engine(|store| {
            let now = Timestamp::parse(NOW).unwrap();
            let world = Account::World("card".into());
            let post_one = |tx: &Db, from: &Account, to: &Account, cents: i64, key: &str| {
                post(tx, "t", now, &movement(from.clone(), to.clone(), cents, key))
            };
            store
                .write(|tx| {
                    assert!(post_one(tx, &world, &Account::Escrow, i64::MAX, "max")?.is_new());
                    let over = post_one(tx, &world, &Account::Escrow, 1, "one_more").unwrap_err();
                    assert_eq!(over.kind(), ErrorKind::Invalid);
                    assert!(over.to_string().contains("amount out of range: escrow would overflow"), "{over}");
                    // world:card is at -MAX: one more cent takes it to its floor, two go past it
                    assert!(post_one(tx, &world, &Account::Revenue, 1, "floor")?.is_new());
                    let under = post_one(tx, &world, &Account::PayoutsInFlight, 1, "below").unwrap_err();
                    assert_eq!(under.kind(), ErrorKind::Invalid);
                    assert!(under.to_string().contains("world:card would overflow"), "{under}");
                    let short = post_one(tx, &Account::Revenue, &Account::PayoutsInFlight, 2, "short").unwrap_err();
                    assert_eq!(short.kind(), ErrorKind::Conflict);
                    assert!(post_one(tx, &Account::Revenue, &Account::PayoutsInFlight, 1, "enough")?.is_new());
                    Ok(())
                })
                .unwrap();
            let db = store.db();
            let balances: Vec<(String, i64)> = db
                .query_map("SELECT name, balance FROM accounts ORDER BY id", &[], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap();
            let expected = [("world:card", i64::MIN), ("escrow", i64::MAX), ("revenue", 0), ("payouts_in_flight", 1)];
            assert_eq!(balances, expected.map(|(name, cents)| (name.to_string(), cents)));
            let keys: Vec<String> =
                db.query_map("SELECT idem_key FROM transfers ORDER BY id", &[], |r| r.get(0)).unwrap();
            assert_eq!(keys, ["max", "floor", "enough"]);
        });
    }
}
