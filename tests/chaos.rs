//! Chaos: several workers run random valid and invalid commands on one database while some of
//! their processes are killed with SIGKILL at random moments; after every round `souq audit`
//! passes and a model of the commands that succeeded matches the database (every order's
//! status, the counts by status, every wallet balance and the platform's revenue).
//!
//! Each worker owns one buyer, one seller and the seller's gig, and runs its commands one after
//! another, so it knows the state each of its commands meets and predicts success or refusal.
//! A killed command's outcome is unknown: an idempotent one (deposit, place with --key,
//! complete, cancel) is run again until it finishes, which converges on "done once"; any other
//! (deliver, revise, dispute open/resolve) is looked up in the database, which must show either
//! the state before or the state after, and the model follows. Time moves only between rounds
//! (ROUND_DAYS apart), where tick, reconcile and payout run happen, several processes at once
//! with some killed, and then once more to converge (all three are idempotent).
//!
//! SOUQ_CHAOS_SEED replays a run's choices (the interleaving of processes differs);
//! SOUQ_CHAOS_ROUNDS (default 3) and SOUQ_CHAOS_COMMANDS (per worker and round, default 30)
//! make it longer: bench/chaos.sh.

mod common;

use std::collections::BTreeMap;
use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Market, T0};
use serde_json::Value;

const WORKERS: usize = 4;
const ROUND_DAYS: i64 = 10;
/// One command in this many is killed (after a random delay: it may finish first).
const KILL_ONE_IN: u64 = 6;
/// Longest delay before killing a nightly job; a debug build runs a command in 10-100 ms.
const KILL_WITHIN_MICROS: u64 = 100_000;

// The policy the model follows; set explicitly so that a changed default cannot skew it.
const COMMISSION_BPS: i64 = 1500;
const AUTO_COMPLETE_DAYS: i64 = 3;
const CLEARANCE_DAYS: i64 = 14;
const CANCEL_REQUEST_DAYS: i64 = 2;
const MIN_PAYOUT_CENTS: i64 = 1000;
const POLICY: &[(&str, &str)] = &[
    ("commission_bps", "1500"),
    ("auto_complete_days", "3"),
    ("clearance_days", "14"),
    // the same as clearance_days: a seller's level then never changes when money clears
    ("clearance_days_top_rated", "14"),
    ("cancel_request_days", "2"),
    ("min_payout", "10"),
];

/// Amounts people and scripts really mistype, each refused whatever the state.
const BAD_AMOUNTS: &[&str] =
    &["0", "-5", "abc", "12.345", "1e3", "99999999999999999999", "NaN", "", " ", "0x10", "5..5", "12,50.1"];

/// Messages that try to take the deal off the platform (moderation refuses them).
const CONTACT_MESSAGES: &[&str] = &[
    "call me on 0501234567 and we skip the fees",
    "راسلني على واتساب 0501234567",
    "email me: deal@example.com",
    "my whatsapp is +966 50 123 4567",
];

/// splitmix64: a tiny seeded generator, so a failing run's choices can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().map_or(default, |v| v.parse().unwrap_or_else(|_| panic!("{name}={v}: not a number")))
}

fn at(day: i64) -> String {
    souq::Timestamp::parse(T0).unwrap().plus_days(day).to_string()
}

fn cents_text(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// What a command did.
#[derive(Debug)]
enum Outcome {
    Done(String),
    Refused(i32),
    Busy,
    Killed,
}

/// What the model says a command will do.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    Succeed,
    Refuse,
    /// Not predicted (no effect on orders or money either way).
    Either,
}

#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    run: u64,
    succeeded: u64,
    refused_as_expected: u64,
    busy: u64,
    killed: u64,
    /// Killed commands the database shows as committed, among those looked up.
    killed_committed: u64,
    killed_rolled_back: u64,
}

impl Stats {
    fn add(&mut self, other: &Stats) {
        self.run += other.run;
        self.succeeded += other.succeeded;
        self.refused_as_expected += other.refused_as_expected;
        self.busy += other.busy;
        self.killed += other.killed;
        self.killed_committed += other.killed_committed;
        self.killed_rolled_back += other.killed_rolled_back;
    }
}

/// Runs souq at `day` as `args`, killing it after `kill` if given.
fn run(market: &Market, seed: u64, day: i64, args: &[String], kill: Option<Duration>, stats: &mut Stats) -> Outcome {
    stats.run += 1;
    let mut child = market
        .std_cmd()
        .env("SOUQ_NOW", at(day))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(delay) = kill {
        std::thread::sleep(delay);
        // an exited but not yet waited-for child is still ours: this cannot hit another process
        child.kill().unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    match (out.status.code(), out.status.signal()) {
        (_, Some(libc::SIGKILL)) if kill.is_some() => {
            stats.killed += 1;
            Outcome::Killed
        }
        (Some(0), _) => Outcome::Done(String::from_utf8(out.stdout).unwrap()),
        (Some(7), _) => {
            stats.busy += 1;
            Outcome::Busy
        }
        (Some(code @ 2..=6), _) => {
            assert!(stderr.starts_with("error: "), "seed {seed}: souq {args:?} exit {code} without 'error:': {stderr}");
            Outcome::Refused(code)
        }
        (code, signal) => panic!("seed {seed}: souq {args:?} at day {day}: exit {code:?} signal {signal:?}\n{stderr}"),
    }
}

fn args(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|s| s.to_string()).collect()
}

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Active,
    Delivered,
    Completed,
    Cancelled,
    Disputed,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Delivered => "delivered",
            Status::Completed => "completed",
            Status::Cancelled => "cancelled",
            Status::Disputed => "disputed",
        }
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Wallet {
    credit: i64,
    pending: i64,
    available: i64,
    in_payout: i64,
}

#[derive(Debug, Clone)]
struct Order {
    id: i64,
    gross: i64,
    status: Status,
    due_day: i64,
    delivered_day: Option<i64>,
    completed_day: Option<i64>,
    cleared: bool,
    net: i64,
    cancel_requested_day: Option<i64>,
    dispute: Option<i64>,
}

/// One buyer, one seller with one gig, and the model of their orders and wallets.
struct Worker {
    index: usize,
    seed: u64,
    rng: Rng,
    buyer: String,
    seller: String,
    gig: i64,
    price: i64,
    days: i64,
    extra: i64,
    extra_price: i64,
    extra_days: i64,
    paid_out: bool,
    orders: Vec<Order>,
    deposits: Vec<(String, i64)>,
    places: Vec<(String, bool, i64)>,
    /// Order keys that placed an order, and its id.
    keyed: BTreeMap<String, i64>,
    buyer_wallet: Wallet,
    seller_wallet: Wallet,
    revenue: i64,
    stats: Stats,
    /// How long a command takes here now (a moving average), to time kills by.
    typical: Duration,
}

/// A resolution an admin picks for a dispute.
#[derive(Debug, Clone, Copy)]
enum Resolution {
    RefundAll,
    Release,
    Refund(i64),
}

impl Worker {
    fn new(market: &Market, seed: u64, index: usize) -> Worker {
        let buyer = format!("buyer{index}");
        let seller = format!("seller{index}");
        market.ok(&["user", "add", &buyer, "--email", &format!("{buyer}@example.com")]);
        market.ok(&["user", "add", &seller]);
        let titles = ["تصميم شعار احترافي", "Arabic to English translation", "كتابة محتوى تسويقي", "SEO audit"];
        let price = 1000 + 250 * index as i64;
        let gig = market.json(&[
            "gig",
            "create",
            "--as",
            &seller,
            "--title",
            titles[index % titles.len()],
            "--price",
            &cents_text(price),
            "--days",
            "2",
            "--extra",
            "Express=7.5+1d",
        ]);
        // the last seller has no payout method: their earnings stay available
        let paid_out = index + 1 < WORKERS;
        if paid_out {
            let account = format!("{seller}@example.com");
            market.ok(&["user", "set-payout", &seller, "--method", "paypal", "--account", &account, "--as", "admin"]);
        }
        Worker {
            index,
            seed,
            rng: Rng(seed ^ (index as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D)),
            gig: gig["id"].as_i64().unwrap(),
            price,
            days: 2,
            extra: gig["extras"][0]["id"].as_i64().unwrap(),
            extra_price: 750,
            extra_days: 1,
            paid_out,
            buyer,
            seller,
            orders: Vec::new(),
            deposits: Vec::new(),
            places: Vec::new(),
            keyed: BTreeMap::new(),
            buyer_wallet: Wallet::default(),
            seller_wallet: Wallet::default(),
            revenue: 0,
            stats: Stats::default(),
            typical: Duration::from_millis(30),
        }
    }

    fn round(&mut self, market: &Market, day: i64, commands: u64) {
        for _ in 0..commands {
            self.step(market, day);
        }
    }

    /// Runs `args`, maybe killed, and checks the outcome against `expect`; `None` when killed
    /// or busy (a busy command changed nothing).
    fn attempt(&mut self, market: &Market, day: i64, args: &[String], expect: Expect) -> Option<Result<String, i32>> {
        // between a third and all of a typical command's time: before, during and after its
        // transaction (a commit comes near the end of a command's run)
        let typical = self.typical.as_micros() as u64;
        let kill = self.rng.one_in(KILL_ONE_IN).then(|| Duration::from_micros(typical / 3 + self.rng.below(typical)));
        let seed = self.seed;
        let started = Instant::now();
        let outcome = run(market, seed, day, args, kill, &mut self.stats);
        if !matches!(outcome, Outcome::Killed) {
            self.typical = (self.typical * 7 + started.elapsed()) / 8;
        }
        match (outcome, expect) {
            (Outcome::Killed | Outcome::Busy, _) => None,
            (Outcome::Done(out), Expect::Succeed | Expect::Either) => {
                self.stats.succeeded += 1;
                Some(Ok(out))
            }
            (Outcome::Refused(code), Expect::Refuse | Expect::Either) => {
                self.stats.refused_as_expected += 1;
                Some(Err(code))
            }
            (outcome, expect) => panic!(
                "seed {seed}: worker {}: souq {args:?} at day {day}: expected {expect:?}, got {outcome:?}\nmodel: {:?}",
                self.index, self.orders
            ),
        }
    }

    /// An idempotent command: killed or busy, it runs again (never killed) until it finishes.
    /// `credit_after` is the buyer's credit had it taken effect: then a killed run is first
    /// looked up (the credit must be the model's before or that).
    fn converge(
        &mut self,
        market: &Market,
        day: i64,
        args: &[String],
        expect: Expect,
        credit_after: Option<i64>,
    ) -> Result<String, i32> {
        let killed_before = self.stats.killed;
        if let Some(result) = self.attempt(market, day, args, expect) {
            return result;
        }
        if let (Some(after), true) = (credit_after, self.stats.killed > killed_before) {
            let buyer = self.buyer.clone();
            let shown = json(&self.read(market, day, &["wallet", "show", &buyer, "--as", "admin", "-o", "json"]));
            match shown["credit_cents"].as_i64().unwrap() {
                credit if credit == self.buyer_wallet.credit => self.stats.killed_rolled_back += 1,
                credit if credit == after => self.stats.killed_committed += 1,
                credit => panic!("seed {}: after killed {args:?}, {buyer} has {credit} credit", self.seed),
            }
        }
        loop {
            match run(market, self.seed, day, args, None, &mut self.stats) {
                Outcome::Done(out) if expect != Expect::Refuse => return Ok(out),
                Outcome::Refused(code) if expect != Expect::Succeed => return Err(code),
                Outcome::Busy => continue,
                other => panic!("seed {}: souq {args:?} run again: expected {expect:?}, got {other:?}", self.seed),
            }
        }
    }

    /// The status the database shows for order `id` (after a killed command).
    fn status_in_db(&mut self, market: &Market, day: i64, id: i64) -> String {
        let shown = self.read(market, day, &["order", "show", &id.to_string(), "--as", "admin", "-o", "json"]);
        json(&shown)["status"].as_str().unwrap().to_string()
    }

    /// A non-idempotent command on order `slot`: runs once; killed, the database decides
    /// between the status before and one of `after`. Some(stdout) when it took effect (empty
    /// when the database told).
    fn once(
        &mut self,
        market: &Market,
        day: i64,
        args: &[String],
        expect: Expect,
        slot: usize,
        after: &[Status],
    ) -> Option<String> {
        let killed_before = self.stats.killed;
        match self.attempt(market, day, args, expect) {
            Some(Ok(out)) if expect == Expect::Succeed => Some(out),
            Some(_) => None,
            None if expect != Expect::Succeed => None,
            // busy: it changed nothing
            None if self.stats.killed == killed_before => None,
            None => {
                let id = self.orders[slot].id;
                let before = self.orders[slot].status;
                let found = self.status_in_db(market, day, id);
                if found == before.as_str() {
                    self.stats.killed_rolled_back += 1;
                    None
                } else if after.iter().any(|s| s.as_str() == found) {
                    self.stats.killed_committed += 1;
                    Some(String::new())
                } else {
                    panic!(
                        "seed {}: after killed {args:?}, order {id} is {found}, neither {before:?} nor {after:?}",
                        self.seed
                    )
                }
            }
        }
    }

    fn settle(&mut self, slot: usize, refund: i64, day: i64) {
        let order = &mut self.orders[slot];
        let part = order.gross - refund;
        let fee = (part * COMMISSION_BPS + 5_000) / 10_000;
        order.net = part - fee;
        order.status = Status::Completed;
        order.completed_day = Some(day);
        self.buyer_wallet.credit += refund;
        self.seller_wallet.pending += order.net;
        self.revenue += fee;
    }

    fn refund_all(&mut self, slot: usize) {
        self.orders[slot].status = Status::Cancelled;
        self.buyer_wallet.credit += self.orders[slot].gross;
    }

    fn step(&mut self, market: &Market, day: i64) {
        let choice = self.rng.below(100);
        let slot = (!self.orders.is_empty()).then(|| self.rng.below(self.orders.len() as u64) as usize);
        match (choice, slot) {
            (0..=9, _) => self.deposit(market, day),
            (10..=24, _) => self.place(market, day),
            (25..=27, _) => self.place_again(market, day),
            (28..=39, Some(slot)) => self.deliver(market, day, slot),
            (40..=43, Some(slot)) => self.revise(market, day, slot),
            (44..=53, Some(slot)) => self.complete(market, day, slot),
            (54..=59, Some(slot)) => self.cancel(market, day, slot),
            (60..=64, Some(slot)) => self.dispute(market, day, slot),
            (65..=69, Some(slot)) => self.resolve(market, day, slot),
            (70..=73, Some(slot)) => self.message(market, day, slot),
            (74..=75, _) => self.tick_between(market, day),
            (76..=77, _) => self.payout_between(market, day),
            _ => self.invalid(market, day, slot),
        }
    }

    fn deposit(&mut self, market: &Market, day: i64) {
        let cents = 500 + self.rng.below(6_000) as i64;
        let reference = format!("PP-{}-{}-{}", self.index, day, self.deposits.len());
        let args = args(&[
            "wallet",
            "deposit",
            &self.buyer,
            &cents_text(cents),
            "--method",
            "paypal",
            "--ref",
            &reference,
            "--as",
            "admin",
        ]);
        if self.converge(market, day, &args, Expect::Succeed, Some(self.buyer_wallet.credit + cents)).is_ok() {
            self.buyer_wallet.credit += cents;
            self.deposits.push((reference, cents));
        }
    }

    fn gross(&self, extra: bool, quantity: i64) -> i64 {
        (self.price + if extra { self.extra_price } else { 0 }) * quantity
    }

    fn place(&mut self, market: &Market, day: i64) {
        let key = format!("w{}-{}", self.index, self.places.len());
        let extra = self.rng.one_in(3);
        let quantity = 1 + self.rng.below(2) as i64;
        self.places.push((key.clone(), extra, quantity));
        self.place_with(market, day, &key, extra, quantity);
    }

    /// A script retrying a purchase: the same key returns the same order and moves nothing.
    fn place_again(&mut self, market: &Market, day: i64) {
        match self.places.last().cloned() {
            Some((key, extra, quantity)) => self.place_with(market, day, &key, extra, quantity),
            None => self.place(market, day),
        }
    }

    fn place_with(&mut self, market: &Market, day: i64, key: &str, extra: bool, quantity: i64) {
        let gross = self.gross(extra, quantity);
        let (gig, extra_id, quantity_text) = (self.gig.to_string(), self.extra.to_string(), quantity.to_string());
        let mut parts = vec!["order", "place", &gig, "--quantity", &quantity_text, "--key", key, "--as", &self.buyer];
        parts.extend(["-o", "json"]);
        if extra {
            parts.extend(["--extra", &extra_id]);
        }
        let known = self.keyed.get(key).copied();
        let expect =
            if known.is_some() || self.buyer_wallet.credit >= gross { Expect::Succeed } else { Expect::Refuse };
        let args = args(&parts);
        let credit_after = (expect == Expect::Succeed && known.is_none()).then(|| self.buyer_wallet.credit - gross);
        let Ok(out) = self.converge(market, day, &args, expect, credit_after) else { return };
        let order = json(&out);
        let id = order["id"].as_i64().unwrap();
        assert_eq!(order["gross_cents"].as_i64(), Some(gross), "seed {}: order {id}'s price", self.seed);
        if let Some(known) = known {
            assert_eq!(known, id, "seed {}: key {key} placed a second order", self.seed);
            return;
        }
        self.keyed.insert(key.to_string(), id);
        self.buyer_wallet.credit -= gross;
        self.orders.push(Order {
            id,
            gross,
            status: Status::Active,
            due_day: day + self.days + if extra { self.extra_days } else { 0 },
            delivered_day: None,
            completed_day: None,
            cleared: false,
            net: 0,
            cancel_requested_day: None,
            dispute: None,
        });
    }
}

impl Worker {
    fn order_args(&self, what: &[&str], slot: usize, actor: &str) -> Vec<String> {
        let id = self.orders[slot].id.to_string();
        let mut parts = vec!["order", what[0], &id];
        parts.extend(&what[1..]);
        parts.extend(["--as", actor]);
        args(&parts)
    }

    fn deliver(&mut self, market: &Market, day: i64, slot: usize) {
        let expect = if self.orders[slot].status == Status::Active { Expect::Succeed } else { Expect::Refuse };
        let args = self.order_args(&["deliver", "--message", "التصميم النهائي مرفق، done"], slot, &self.seller);
        if self.once(market, day, &args, expect, slot, &[Status::Delivered]).is_some() {
            self.orders[slot].status = Status::Delivered;
            self.orders[slot].delivered_day = Some(day);
        }
    }

    fn revise(&mut self, market: &Market, day: i64, slot: usize) {
        let expect = if self.orders[slot].status == Status::Delivered { Expect::Succeed } else { Expect::Refuse };
        let args = self.order_args(&["revise", "--message", "one more pass on the colours please"], slot, &self.buyer);
        if self.once(market, day, &args, expect, slot, &[Status::Active]).is_some() {
            self.orders[slot].status = Status::Active;
        }
    }

    fn complete(&mut self, market: &Market, day: i64, slot: usize) {
        let before = self.orders[slot].status;
        let expect = match before {
            Status::Delivered | Status::Completed => Expect::Succeed,
            _ => Expect::Refuse,
        };
        let args = self.order_args(&["complete"], slot, &self.buyer);
        if self.converge(market, day, &args, expect, None).is_ok() && before == Status::Delivered {
            self.settle(slot, 0, day);
        }
    }

    fn cancel(&mut self, market: &Market, day: i64, slot: usize) {
        let by_seller = self.rng.one_in(2);
        let order = &self.orders[slot];
        let open = matches!(order.status, Status::Active | Status::Delivered);
        let overdue = order.status == Status::Active && order.delivered_day.is_none() && day > order.due_day;
        let expect = if open || order.status == Status::Cancelled { Expect::Succeed } else { Expect::Refuse };
        let actor = if by_seller { self.seller.clone() } else { self.buyer.clone() };
        let args = self.order_args(&["cancel", "--reason", "plans changed"], slot, &actor);
        if self.converge(market, day, &args, expect, None).is_err() || !open {
            return;
        }
        if by_seller || overdue {
            self.refund_all(slot);
        } else if self.orders[slot].cancel_requested_day.is_none() {
            self.orders[slot].cancel_requested_day = Some(day);
        }
    }

    fn dispute(&mut self, market: &Market, day: i64, slot: usize) {
        let open = matches!(self.orders[slot].status, Status::Active | Status::Delivered);
        let expect = if open { Expect::Succeed } else { Expect::Refuse };
        let actor = if self.rng.one_in(2) { self.seller.clone() } else { self.buyer.clone() };
        let id = self.orders[slot].id.to_string();
        let parts =
            ["dispute", "open", &id, "--reason", "the file is not what we agreed", "--as", &actor, "-o", "json"];
        let Some(out) = self.once(market, day, &args(&parts), expect, slot, &[Status::Disputed]) else { return };
        let order_id = self.orders[slot].id;
        let dispute = if out.is_empty() {
            let list = self.read(market, day, &["dispute", "list", "--as", "admin", "-o", "json"]);
            let open = json(&list)
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["order_id"].as_i64() == Some(order_id) && d["status"] == "open")
                .cloned();
            open.unwrap_or_else(|| panic!("seed {}: order {order_id} disputed with no open dispute", self.seed))
        } else {
            json(&out)
        };
        self.orders[slot].status = Status::Disputed;
        self.orders[slot].dispute = dispute["id"].as_i64();
    }

    fn resolve(&mut self, market: &Market, day: i64, slot: usize) {
        let Some(dispute) = self.orders[slot].dispute else { return self.invalid(market, day, Some(slot)) };
        let gross = self.orders[slot].gross;
        let resolution = match self.rng.below(4) {
            0 => Resolution::RefundAll,
            1 => Resolution::Release,
            // sometimes out of range: nothing, or more than the order's price
            2 if self.rng.one_in(3) => Resolution::Refund(if self.rng.one_in(2) { 0 } else { gross + 1 }),
            _ => Resolution::Refund(1 + self.rng.below(gross as u64) as i64),
        };
        let valid = !matches!(resolution, Resolution::Refund(r) if r < 1 || r > gross);
        let disputed = self.orders[slot].status == Status::Disputed;
        let expect = if valid && disputed { Expect::Succeed } else { Expect::Refuse };
        let amount;
        let how: Vec<&str> = match resolution {
            Resolution::RefundAll => vec!["--refund-all"],
            Resolution::Release => vec!["--release"],
            Resolution::Refund(cents) => {
                amount = cents_text(cents);
                vec!["--refund", &amount]
            }
        };
        let id = dispute.to_string();
        let mut parts = vec!["dispute", "resolve", &id, "--yes", "--as", "admin"];
        parts.extend(how);
        let after = if matches!(resolution, Resolution::RefundAll) { Status::Cancelled } else { Status::Completed };
        if self.once(market, day, &args(&parts), expect, slot, &[after]).is_none() {
            return;
        }
        match resolution {
            Resolution::RefundAll => self.refund_all(slot),
            Resolution::Release => self.settle(slot, 0, day),
            Resolution::Refund(cents) => self.settle(slot, cents, day),
        }
    }

    fn message(&mut self, market: &Market, day: i64, slot: usize) {
        let actor = if self.rng.one_in(2) { self.seller.clone() } else { self.buyer.clone() };
        let (text, expect) = if self.rng.one_in(2) {
            (*self.rng.pick(CONTACT_MESSAGES), Expect::Refuse)
        } else {
            ("هل يمكن تسليم نسخة PDF أيضاً؟", Expect::Either)
        };
        let args = self.order_args(&["message", "--message", text], slot, &actor);
        self.attempt(market, day, &args, expect);
    }

    /// A tick in the middle of a round finds nothing due: the round began with one.
    fn tick_between(&mut self, market: &Market, day: i64) {
        let args = if self.rng.one_in(2) { args(&["tick"]) } else { args(&["tick", "--as", "admin"]) };
        self.attempt(market, day, &args, Expect::Succeed);
    }

    /// A payout run in the middle of a round pays nobody: the round's run took every eligible
    /// balance, and those sellers stay held until their items are reconciled.
    fn payout_between(&mut self, market: &Market, day: i64) {
        let key = format!("w{}-{}", self.index, self.rng.below(1_000_000));
        self.attempt(market, day, &args(&["payout", "run", "--key", &key, "--yes", "--as", "admin"]), Expect::Either);
    }

    /// Commands refused whatever the state: bad amounts, unknown ids, wrong actors.
    fn invalid(&mut self, market: &Market, day: i64, slot: Option<usize>) {
        let other_buyer = format!("buyer{}", (self.index + 1) % WORKERS);
        let order = slot.map_or("999999".to_string(), |s| self.orders[s].id.to_string());
        let (buyer, seller) = (self.buyer.clone(), self.seller.clone());
        let bad_amount = *self.rng.pick(BAD_AMOUNTS);
        let reference = format!("BAD-{}", self.rng.below(1_000_000));
        let gig = self.gig.to_string();
        // a provider's file as a European spreadsheet saves it: BOM, semicolons, CRLF
        let semicolons = market.path("results-semicolons.csv").to_str().unwrap().to_string();
        let parts: Vec<&str> = match self.rng.below(14) {
            0 => vec![
                "wallet", "deposit", &buyer, bad_amount, "--method", "paypal", "--ref", &reference, "--as", "admin",
            ],
            1 => vec!["wallet", "deposit", &other_buyer, "10", "--method", "card", "--ref", &reference, "--as", &buyer],
            2 => match self.deposits.first().cloned() {
                // the same payment reference again with another amount
                Some((reference, cents)) => {
                    let other = cents_text(cents + 1);
                    let parts = ["wallet", "deposit", &buyer, &other, "--method", "paypal", "--ref", &reference];
                    return self.refuse(market, day, &[&parts[..], &["--as", "admin"]].concat());
                }
                None => {
                    vec!["wallet", "deposit", &buyer, "5", "--method", "bitcoin", "--ref", &reference, "--as", "admin"]
                }
            },
            3 => vec!["order", "deliver", &order, "--message", "done", "--as", &buyer],
            4 => vec!["order", "complete", &order, "--as", &seller],
            5 => vec!["order", "cancel", &order, "--as", "omar"],
            6 => vec!["dispute", "open", &order, "--reason", "not mine", "--as", "omar"],
            7 => vec!["order", "complete", "999999", "--as", &buyer],
            8 => vec!["payout", "run", "--key", "mine", "--yes", "--as", &seller],
            9 => vec!["tick", "--as", &buyer],
            10 => vec!["dispute", "resolve", "999999", "--release", "--yes", "--as", "admin"],
            11 => vec!["payout", "reconcile", "1", &semicolons, "--as", "admin"],
            12 => vec!["payout", "reconcile", "1", &semicolons, "--as", &seller],
            _ => match self.rng.below(4) {
                0 => vec!["order", "place", &gig, "--quantity", "0", "--as", &buyer],
                1 => vec!["order", "place", &gig, "--quantity", "101", "--as", &buyer],
                2 => vec!["order", "place", "999999", "--as", &buyer],
                _ => vec!["order", "place", &gig, "--as", &seller],
            },
        };
        self.refuse(market, day, &parts);
    }

    fn refuse(&mut self, market: &Market, day: i64, parts: &[&str]) {
        self.attempt(market, day, &args(parts), Expect::Refuse);
    }

    /// A read-only command that must succeed (never killed).
    fn read(&mut self, market: &Market, day: i64, parts: &[&str]) -> String {
        match run(market, self.seed, day, &args(parts), None, &mut self.stats) {
            Outcome::Done(out) => out,
            other => panic!("seed {}: souq {parts:?}: {other:?}", self.seed),
        }
    }

    /// What tick does at `day` to this worker's orders and wallets, in tick's order.
    fn tick(&mut self, day: i64) {
        for slot in 0..self.orders.len() {
            let order = &self.orders[slot];
            let open = matches!(order.status, Status::Active | Status::Delivered);
            if open && order.cancel_requested_day.is_some_and(|d| d <= day - CANCEL_REQUEST_DAYS) {
                self.refund_all(slot);
            }
        }
        for slot in 0..self.orders.len() {
            let order = &self.orders[slot];
            if order.status == Status::Delivered && order.delivered_day.is_some_and(|d| d <= day - AUTO_COMPLETE_DAYS) {
                self.settle(slot, 0, day);
            }
        }
        for order in &mut self.orders {
            if order.status == Status::Completed
                && !order.cleared
                && order.completed_day.unwrap() <= day - CLEARANCE_DAYS
            {
                order.cleared = true;
                self.seller_wallet.pending -= order.net;
                self.seller_wallet.available += order.net;
            }
        }
    }
}

/// The last payout batch: its id and, per item, the provider's ref, the worker and the amount.
struct Batch {
    id: i64,
    items: Vec<(String, usize, i64)>,
}

/// Between rounds: the clock moves to `day` and the nightly jobs run, each as several
/// processes at once (some killed), then once more to converge: tick, the provider's answers
/// for the last batch, and a new payout batch.
fn nightly(
    market: &Market,
    seed: u64,
    rng: &mut Rng,
    day: i64,
    workers: &mut [Worker],
    batch: &mut Option<Batch>,
    stats: &mut Stats,
) {
    storm(market, seed, rng, day, &args(&["tick"]), stats);
    for worker in workers.iter_mut() {
        worker.tick(day);
    }
    if let Some(last) = batch.take() {
        let mut file = String::from("item_id,status\n");
        for (item_ref, worker, amount) in &last.items {
            let wallet = &mut workers[*worker].seller_wallet;
            wallet.in_payout -= amount;
            if rng.one_in(3) {
                file.push_str(&format!("{item_ref},FAILED\n"));
                wallet.available += amount;
            } else {
                file.push_str(&format!("{item_ref},SUCCESS\n"));
            }
        }
        let path = market.path(&format!("results-{}.csv", last.id));
        std::fs::write(&path, file).unwrap();
        let id = last.id.to_string();
        storm(
            market,
            seed,
            rng,
            day,
            &args(&["payout", "reconcile", &id, path.to_str().unwrap(), "--as", "admin"]),
            stats,
        );
    }
    let payees: Vec<(usize, i64)> = workers
        .iter()
        .filter(|w| w.paid_out && w.seller_wallet.available >= MIN_PAYOUT_CENTS)
        .map(|w| (w.index, w.seller_wallet.available))
        .collect();
    let key = format!("nightly-{day}");
    let run_args = args(&["payout", "run", "--key", &key, "--yes", "--as", "admin", "-o", "json"]);
    let Some(out) = storm(market, seed, rng, day, &run_args, stats) else { return };
    if payees.is_empty() {
        return;
    }
    let made = json(&out);
    let id = made["id"].as_i64().unwrap();
    assert_eq!(made["items_count"].as_i64(), Some(payees.len() as i64), "seed {seed}: batch {id}: {made}");
    let shown = read(market, seed, day, &["payout", "show", &id.to_string(), "--items", "--as", "admin", "-o", "json"]);
    let mut items = Vec::new();
    for item in json(&shown).as_array().unwrap() {
        let worker = workers.iter().position(|w| item["seller"] == w.seller.as_str()).unwrap();
        let amount = item["amount_cents"].as_i64().unwrap();
        let wallet = &mut workers[worker].seller_wallet;
        assert_eq!(amount, wallet.available, "seed {seed}: batch {id} pays {} another amount", item["seller"]);
        wallet.in_payout += amount;
        wallet.available = 0;
        items.push((item["item_ref"].as_str().unwrap().to_string(), worker, amount));
    }
    assert_eq!(items.len(), payees.len(), "seed {seed}: batch {id}'s items");
    *batch = Some(Batch { id, items });
}

/// Three processes of one idempotent command at once, each killed half the time, then one
/// more that must finish; its stdout, or None when it was refused (a run with nobody to pay).
fn storm(market: &Market, seed: u64, rng: &mut Rng, day: i64, args: &[String], stats: &mut Stats) -> Option<String> {
    let mut children: Vec<_> = (0..3)
        .map(|_| {
            let kill = rng.one_in(2).then(|| Duration::from_micros(rng.below(KILL_WITHIN_MICROS)));
            let child = market
                .std_cmd()
                .env("SOUQ_NOW", at(day))
                .args(args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            (kill, child)
        })
        .collect();
    children.sort_by_key(|(kill, _)| *kill);
    let started = Instant::now();
    for (kill, child) in &mut children {
        if let Some(delay) = kill {
            std::thread::sleep(delay.saturating_sub(started.elapsed()));
            child.kill().unwrap();
        }
    }
    for (_, child) in children {
        stats.run += 1;
        let out = child.wait_with_output().unwrap();
        match (out.status.code(), out.status.signal()) {
            (_, Some(libc::SIGKILL)) => stats.killed += 1,
            (Some(0 | 4 | 7), _) => {}
            (code, signal) => panic!(
                "seed {seed}: souq {args:?} at day {day}: exit {code:?} signal {signal:?}\n{}",
                String::from_utf8_lossy(&out.stderr)
            ),
        }
    }
    match run(market, seed, day, args, None, stats) {
        Outcome::Done(out) => Some(out),
        Outcome::Refused(4) => None,
        other => panic!("seed {seed}: souq {args:?} at day {day}, run again: {other:?}"),
    }
}

fn read(market: &Market, seed: u64, day: i64, parts: &[&str]) -> String {
    match run(market, seed, day, &args(parts), None, &mut Stats::default()) {
        Outcome::Done(out) => out,
        other => panic!("seed {seed}: souq {parts:?}: {other:?}"),
    }
}

/// `souq audit` passes, and every order's status, every wallet and the revenue are the model's.
/// Returns the orders counted by status.
fn check(market: &Market, seed: u64, day: i64, workers: &[Worker]) -> BTreeMap<String, usize> {
    read(market, seed, day, &["audit"]);
    let listed = json(&read(market, seed, day, &["order", "list", "--as", "admin", "-o", "json"]));
    let in_db: BTreeMap<i64, String> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["id"].as_i64().unwrap(), o["status"].as_str().unwrap().to_string()))
        .collect();
    let modelled: BTreeMap<i64, String> =
        workers.iter().flat_map(|w| &w.orders).map(|o| (o.id, o.status.as_str().to_string())).collect();
    let count = |statuses: &BTreeMap<i64, String>| {
        let mut counts = BTreeMap::new();
        for status in statuses.values() {
            *counts.entry(status.clone()).or_insert(0) += 1;
        }
        counts
    };
    assert_eq!(count(&in_db), count(&modelled), "seed {seed}: orders by status at day {day}");
    assert_eq!(in_db, modelled, "seed {seed}: order statuses at day {day}");
    for worker in workers {
        for (user, model) in [(&worker.buyer, worker.buyer_wallet), (&worker.seller, worker.seller_wallet)] {
            let shown = json(&read(market, seed, day, &["wallet", "show", user, "--as", "admin", "-o", "json"]));
            let cents = |field: &str| shown[field].as_i64().unwrap();
            let found = Wallet {
                credit: cents("credit_cents"),
                pending: cents("pending_cents"),
                available: cents("available_cents"),
                in_payout: cents("in_payout_cents"),
            };
            assert_eq!(found, model, "seed {seed}: {user}'s wallet at day {day}");
        }
    }
    let revenue: i64 = workers.iter().map(|w| w.revenue).sum();
    assert_eq!(market.balance("revenue"), revenue, "seed {seed}: revenue at day {day}");
    count(&in_db)
}

#[test]
fn killed_processes_leave_audit_green_and_the_database_as_modelled() {
    let seed = std::env::var("SOUQ_CHAOS_SEED").map_or_else(
        |_| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64,
        |v| v.parse().expect("SOUQ_CHAOS_SEED: a number"),
    );
    // printed first, so a failing run shows it beside the panic
    eprintln!("chaos seed {seed} (replay with SOUQ_CHAOS_SEED={seed})");
    let rounds = env_number("SOUQ_CHAOS_ROUNDS", 3);
    let commands = env_number("SOUQ_CHAOS_COMMANDS", 30);
    let started = Instant::now();
    let market = Market::new();
    market.ok(&["user", "add", "omar"]);
    for (key, value) in POLICY {
        market.ok(&["config", "set", key, value, "--as", "admin"]);
    }
    std::fs::write(market.path("results-semicolons.csv"), "\u{feff}item_id;status\r\nsouq-b1-i1;SUCCESS\r\n").unwrap();
    let mut workers: Vec<Worker> = (0..WORKERS).map(|i| Worker::new(&market, seed, i)).collect();
    let mut rng = Rng(seed);
    let mut nightly_stats = Stats::default();
    let mut batch = None;
    let mut counts = BTreeMap::new();
    for round in 0..=rounds {
        let day = round as i64 * ROUND_DAYS;
        nightly(&market, seed, &mut rng, day, &mut workers, &mut batch, &mut nightly_stats);
        if round < rounds {
            std::thread::scope(|scope| {
                for worker in workers.iter_mut() {
                    scope.spawn(|| worker.round(&market, day, commands));
                }
            });
        }
        counts = check(&market, seed, day, &workers);
    }
    let mut total = nightly_stats;
    for worker in &workers {
        total.add(&worker.stats);
    }
    eprintln!(
        "chaos seed {seed}: {} rounds x {WORKERS} workers x {commands} commands; {} processes run, {} succeeded, \
         {} refused as expected, {} busy, {} killed ({} looked up: {} committed, {} rolled back; nightly jobs: {} \
         run, {} killed); orders {counts:?}; audit ok; {:.1} s",
        rounds,
        total.run,
        total.succeeded,
        total.refused_as_expected,
        total.busy,
        total.killed,
        total.killed_committed + total.killed_rolled_back,
        total.killed_committed,
        total.killed_rolled_back,
        nightly_stats.run,
        nightly_stats.killed,
        started.elapsed().as_secs_f64(),
    );
}
