//! Benchmark (run by bench/tick.sh, never in CI): builds N orders (default 100k) through the
//! library, then times `tick` over N due auto-completions and N due clearances next to a
//! hand-written SQL baseline making the same row changes on an identical copy of the database.
//! Both copies are compared row for row afterwards, so the baseline cannot cheat.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{params, Connection};
use serde_json::json;
use souq::gigs::{self, GigInput};
use souq::ledger::{hash_row, GENESIS_HASH};
use souq::orders::{self, NewOrder};
use souq::store::{Missing, Store};
use souq::users::{self, NewUser};
use souq::wallet::{self, Deposit};
use souq::{tick, Money, Session, Timestamp};

const SELLERS: usize = 100;
const BUYERS: usize = 1_000;
/// Operations per transaction while building (a real marketplace commits one per command).
const BATCH: usize = 1_000;

fn main() {
    let n: usize = std::env::var("SOUQ_BENCH_ORDERS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let runs: usize = std::env::var("SOUQ_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(3);
    let dir = tempfile::tempdir().expect("temp dir");
    let t0 = Timestamp::parse("2026-03-01T10:00:00Z").unwrap();

    let base = dir.path().join("base.db");
    let ((placed, delivered), build) = measure(|| build_marketplace(&base, n, t0));
    println!(
        "built {n} orders through the library: place {:.2?} ({:.2?} cpu), deliver {:.2?} ({:.2?} cpu)",
        placed.wall, placed.cpu, delivered.wall, delivered.cpu
    );

    let complete_at = t0.plus_days(3);
    let clear_at = t0.plus_days(3 + 14);
    let mut ticks = Vec::new();
    let mut baselines = Vec::new();
    for run in 0..runs {
        let tick_db = copy(&base, dir.path(), &format!("tick-{run}.db"));
        let base_db = copy(&base, dir.path(), &format!("baseline-{run}.db"));
        ticks.push(time_tick(&tick_db, complete_at, clear_at, n));
        baselines.push(time_baseline(&base_db, complete_at, clear_at));
        if run == 0 {
            assert_same_rows(&tick_db, &base_db);
        }
        std::fs::remove_file(tick_db).unwrap();
        std::fs::remove_file(base_db).unwrap();
    }
    println!("median of {runs} runs over {n} orders (tick and baseline rows compared equal):");
    println!(
        "  {:<14} {:>10} {:>10} {:>7}   {:>10} {:>10} {:>7}",
        "", "tick", "baseline", "ratio", "tick cpu", "base cpu", "ratio"
    );
    let steps: [(&str, Pick); 3] = [
        ("auto-complete", |t| t[0]),
        ("clearance", |t| t[1]),
        ("tick total", |t| Timing { wall: t[0].wall + t[1].wall, cpu: t[0].cpu + t[1].cpu }),
    ];
    let mut tick_total = Timing::default();
    for (name, pick) in steps {
        let tick = median(ticks.iter().map(pick));
        let base = median(baselines.iter().map(pick));
        let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
        println!(
            "  {name:<14} {:>10.3?} {:>10.3?} {:>6.2}x   {:>10.3?} {:>10.3?} {:>6.2}x",
            tick.wall,
            base.wall,
            ratio(tick.wall, base.wall),
            tick.cpu,
            base.cpu,
            ratio(tick.cpu, base.cpu)
        );
        tick_total = tick;
    }
    println!(
        "whole lifecycle through the library (build {:.2?} + tick {:.2?}): {:.2?} wall, {:.2?} cpu",
        build.wall,
        tick_total.wall,
        build.wall + tick_total.wall,
        build.cpu + tick_total.cpu
    );
}

/// Picks one step's timing out of a run's [auto-complete, clearance].
type Pick = fn(&[Timing; 2]) -> Timing;

/// The median wall and the median CPU time (each taken on its own).
fn median(timings: impl Iterator<Item = Timing>) -> Timing {
    let all: Vec<Timing> = timings.collect();
    let mut wall: Vec<Duration> = all.iter().map(|t| t.wall).collect();
    let mut cpu: Vec<Duration> = all.iter().map(|t| t.cpu).collect();
    wall.sort();
    cpu.sort();
    Timing { wall: wall[wall.len() / 2], cpu: cpu[cpu.len() / 2] }
}

/// Wall-clock and CPU time of one step. The machine is shared, so CPU time (this process
/// only) is the steadier comparison; wall time includes waiting for fsync and for other jobs.
#[derive(Debug, Clone, Copy, Default)]
struct Timing {
    wall: Duration,
    cpu: Duration,
}

fn cpu_time() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: ts is a valid out-parameter; CLOCK_PROCESS_CPUTIME_ID is always available on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn measure<T>(work: impl FnOnce() -> T) -> (T, Timing) {
    let (wall, cpu) = (Instant::now(), cpu_time());
    let value = work();
    (value, Timing { wall: wall.elapsed(), cpu: cpu_time() - cpu })
}

/// Optional bench-only page cache size (SOUQ_BENCH_CACHE_KIB), applied to tick's and the
/// baseline's connections alike, to see how much of the time is cache misses.
fn tune(conn: &Connection) {
    if let Some(kib) = std::env::var("SOUQ_BENCH_CACHE_KIB").ok().and_then(|v| v.parse::<i64>().ok()) {
        conn.execute_batch(&format!("PRAGMA cache_size = -{kib}")).unwrap();
    }
}

fn at(actor: Option<&str>, now: Timestamp) -> Session {
    Session { actor: actor.map(str::to_string), os_user: "bench".into(), now }
}

fn seller(i: usize) -> String {
    format!("seller{i}")
}
fn buyer(i: usize) -> String {
    format!("buyer{i}")
}

/// Users, one gig per seller, a deposit per buyer, then N orders placed and delivered at t0.
fn build_marketplace(path: &Path, n: usize, t0: Timestamp) -> (Timing, Timing) {
    let mut store = Store::open(path, Missing::Create, Duration::from_secs(5)).unwrap();
    tune(store.db().sqlite().expect("the tick benchmark runs on SQLite"));
    store
        .write(|tx| {
            users::add(tx, &at(None, t0), &NewUser { username: "admin", email: None, is_admin: true })?;
            for name in (0..SELLERS).map(seller).chain((0..BUYERS).map(buyer)) {
                users::add(tx, &at(None, t0), &NewUser { username: &name, email: None, is_admin: false })?;
            }
            for s in 0..SELLERS {
                let gig = GigInput {
                    sku: None,
                    title: format!("Gig of {}", seller(s)),
                    description: String::new(),
                    category: String::new(),
                    tags: Vec::new(),
                    price: Money::from_cents(500 + 37 * s as i64),
                    delivery_days: 2,
                    extras: Vec::new(),
                };
                gigs::create(tx, &at(Some(&seller(s)), t0), &gig)?;
            }
            let per_buyer = Money::from_cents(((n / BUYERS + 1) as i64) * 5_000);
            for b in 0..BUYERS {
                let name = buyer(b);
                let reference = format!("bench-{b}");
                let deposit = Deposit { username: &name, amount: per_buyer, method: "card", reference: &reference };
                wallet::deposit(tx, &at(Some("admin"), t0), &deposit)?;
            }
            Ok(())
        })
        .unwrap();
    let ids: Vec<usize> = (0..n).collect();
    let ((), place) = measure(|| {
        for chunk in ids.chunks(BATCH) {
            store
                .write(|tx| {
                    for &i in chunk {
                        let new = NewOrder {
                            gig_id: (i % SELLERS) as i64 + 1,
                            extras: Vec::new(),
                            quantity: 1,
                            note: None,
                            key: None,
                        };
                        orders::place(tx, &at(Some(&buyer(i % BUYERS)), t0), &new)?;
                    }
                    Ok(())
                })
                .unwrap();
        }
    });
    let ((), deliver) = measure(|| {
        for chunk in ids.chunks(BATCH) {
            store
                .write(|tx| {
                    for &i in chunk {
                        orders::deliver(tx, &at(Some(&seller(i % SELLERS)), t0), i as i64 + 1, "done", &[])?;
                    }
                    Ok(())
                })
                .unwrap();
        }
    });
    (place, deliver)
}

fn copy(from: &Path, dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(from, &to).unwrap();
    to
}

/// `souq tick` as cron runs it: one transaction per run, at the time everything is due.
fn time_tick(path: &Path, complete_at: Timestamp, clear_at: Timestamp, n: usize) -> [Timing; 2] {
    let mut store = Store::open(path, Missing::Refuse, Duration::from_secs(5)).unwrap();
    tune(store.db().sqlite().expect("the tick benchmark runs on SQLite"));
    let (first, completing) = measure(|| store.write(|tx| tick::run(tx, &at(None, complete_at))).unwrap());
    let (second, clearing) = measure(|| store.write(|tx| tick::run(tx, &at(None, clear_at))).unwrap());
    assert_eq!((first.auto_completed, second.cleared_orders), (n as i64, n as i64));
    [completing, clearing]
}

/// The same row changes as tick, written by hand: set-based where SQL allows it, with the
/// hash chain (inherently sequential) and the events inserted row by row.
fn time_baseline(path: &Path, complete_at: Timestamp, clear_at: Timestamp) -> [Timing; 2] {
    let mut conn = Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;").unwrap();
    tune(&conn);
    let ((), completing) = measure(|| baseline_complete(&mut conn, complete_at).unwrap());
    let ((), clearing) = measure(|| baseline_clear(&mut conn, clear_at).unwrap());
    [completing, clearing]
}

struct Chain<'c> {
    tx: &'c rusqlite::Transaction<'c>,
    prev: String,
    next_id: i64,
    deltas: HashMap<i64, i64>,
    now: String,
}

impl Chain<'_> {
    fn account(&self, name: &str, user_id: Option<i64>, kind: &str) -> rusqlite::Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO accounts (name, user_id, kind) VALUES (?1, ?2, ?3) ON CONFLICT (name) DO NOTHING",
            )?
            .execute(params![name, user_id, kind])?;
        self.tx.prepare_cached("SELECT id FROM accounts WHERE name = ?1")?.query_row([name], |r| r.get(0))
    }

    fn transfer(
        &mut self,
        debit: i64,
        credit: i64,
        amount: i64,
        kind: &str,
        order: i64,
        key: &str,
    ) -> rusqlite::Result<()> {
        let hash = hash_row(
            &self.prev,
            self.next_id,
            debit,
            credit,
            amount,
            kind,
            Some(order),
            None,
            key,
            "system",
            &self.now,
        );
        self.tx
            .prepare_cached(
                "INSERT INTO transfers (id, debit_account, credit_account, amount, kind, order_id, payout_item_id,
                                        idem_key, actor, created_at, prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, 'system', ?8, ?9, ?10)",
            )?
            .execute(params![self.next_id, debit, credit, amount, kind, order, key, self.now, self.prev, hash])?;
        *self.deltas.entry(debit).or_default() -= amount;
        *self.deltas.entry(credit).or_default() += amount;
        self.prev = hash;
        self.next_id += 1;
        Ok(())
    }

    fn event(&self, kind: &str, order: i64, data: serde_json::Value) -> rusqlite::Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO events (at, actor, os_user, kind, entity, entity_id, data)
                 VALUES (?1, NULL, 'bench', ?2, 'order', ?3, ?4)",
            )?
            .execute(params![self.now, kind, order, data.to_string()])?;
        Ok(())
    }

    fn apply_balances(&self) -> rusqlite::Result<()> {
        let mut update = self.tx.prepare_cached("UPDATE accounts SET balance = balance + ?1 WHERE id = ?2")?;
        for (account, delta) in &self.deltas {
            update.execute(params![delta, account])?;
        }
        Ok(())
    }
}

fn chain<'c>(tx: &'c rusqlite::Transaction<'c>, now: Timestamp) -> rusqlite::Result<Chain<'c>> {
    let (prev, next_id) = tx.query_row(
        "SELECT coalesce((SELECT hash FROM transfers ORDER BY id DESC LIMIT 1), ?1),
                coalesce((SELECT max(id) FROM transfers), 0) + 1",
        [GENESIS_HASH],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Chain { tx, prev, next_id, deltas: HashMap::new(), now: now.to_string() })
}

fn baseline_complete(conn: &mut Connection, now: Timestamp) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let cutoff = now.plus_days(-3).to_string();
    let due: Vec<(i64, i64, i64, i64)> = tx
        .prepare(
            "SELECT id, seller_id, gross_cents, commission_bps FROM orders
                  WHERE status = 'delivered' AND delivered_at <= ?1 ORDER BY id",
        )?
        .query_map([&cutoff], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    {
        let mut chain = chain(&tx, now)?;
        let escrow = chain.account("escrow", None, "escrow")?;
        let mut revenue = None;
        let mut pending: HashMap<i64, i64> = HashMap::new();
        for &(id, seller, gross, bps) in &due {
            let fee = Money::fee(Money::from_cents(gross), bps).unwrap().cents();
            let net = gross - fee;
            let to = match pending.get(&seller) {
                Some(&a) => a,
                None => {
                    let a = chain.account(&format!("user:{seller}:pending"), Some(seller), "pending")?;
                    pending.insert(seller, a);
                    a
                }
            };
            if net > 0 {
                chain.transfer(escrow, to, net, "release", id, &format!("order:{id}:release:net"))?;
            }
            if fee > 0 {
                let revenue = match revenue {
                    Some(a) => a,
                    None => *revenue.insert(chain.account("revenue", None, "revenue")?),
                };
                chain.transfer(escrow, revenue, fee, "fee", id, &format!("order:{id}:release:fee"))?;
            }
            tx.prepare_cached(
                "UPDATE orders SET status = 'completed', completed_at = ?2, fee_cents = ?3, net_cents = ?4,
                                   refund_cents = 0 WHERE id = ?1",
            )?
            .execute(params![id, chain.now, fee, net])?;
            chain.event("order.completed", id, json!({"refund_cents": 0, "fee_cents": fee, "net_cents": net}))?;
        }
        chain.apply_balances()?;
    }
    tx.commit()
}

fn baseline_clear(conn: &mut Connection, now: Timestamp) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let cutoff = now.plus_days(-14).to_string();
    let due: Vec<(i64, i64, i64)> = tx
        .prepare(
            "SELECT id, seller_id, net_cents FROM orders
                  WHERE status = 'completed' AND cleared_at IS NULL AND completed_at <= ?1 ORDER BY id",
        )?
        .query_map([&cutoff], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    {
        let mut chain = chain(&tx, now)?;
        let mut accounts: HashMap<i64, (i64, i64)> = HashMap::new();
        for &(id, seller, net) in &due {
            let (pending, available) = match accounts.get(&seller) {
                Some(&pair) => pair,
                None => {
                    let pending = chain.account(&format!("user:{seller}:pending"), Some(seller), "pending")?;
                    let available = chain.account(&format!("user:{seller}:available"), Some(seller), "available")?;
                    *accounts.entry(seller).or_insert((pending, available))
                }
            };
            if net > 0 {
                chain.transfer(pending, available, net, "clearance", id, &format!("order:{id}:clear"))?;
            }
            chain.event("order.cleared", id, json!({"net_cents": net}))?;
        }
        tx.execute(
            "UPDATE orders SET cleared_at = ?2 WHERE status = 'completed' AND cleared_at IS NULL AND completed_at <= ?1",
            params![cutoff, chain.now],
        )?;
        chain.apply_balances()?;
    }
    tx.commit()
}

/// The baseline must have made exactly the changes tick made.
fn assert_same_rows(a: &Path, b: &Path) {
    for (table, columns) in [
        ("orders", "*"),
        ("accounts", "*"),
        ("transfers", "*"),
        ("events", "at, actor, os_user, kind, entity, entity_id, data"),
    ] {
        let rows = |path: &Path| -> Vec<String> {
            let conn = Connection::open(path).unwrap();
            let mut stmt = conn.prepare(&format!("SELECT {columns} FROM {table} ORDER BY rowid")).unwrap();
            let width = stmt.column_count();
            let mut out = Vec::new();
            let mut rows = stmt.query([]).unwrap();
            while let Some(row) = rows.next().unwrap() {
                out.push((0..width).map(|i| format!("{:?}", row.get_ref(i).unwrap())).collect::<Vec<_>>().join("|"));
            }
            out
        };
        let (left, right) = (rows(a), rows(b));
        assert_eq!(left.len(), right.len(), "{table}: row counts differ");
        if let Some(i) = (0..left.len()).find(|&i| left[i] != right[i]) {
            panic!("{table} row {i} differs:\n tick:     {}\n baseline: {}", left[i], right[i]);
        }
    }
}
