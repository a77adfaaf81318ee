//! Several hosts on one PostgreSQL database at once: processes standing in for a web front end,
//! operators' machines and workers place, deliver, complete, clear and pay out the same orders
//! concurrently. No write may be lost, no money moved twice, and `audit` must pass.
//! PostgreSQL only (SQLite is one host by design); without a cluster it says so and returns.

mod common;

use std::process::Output;
use std::thread;

use serde_json::Value;

const HOSTS: usize = 4;
const SELLERS: usize = 4;
const BUYERS: usize = 8;
const ORDERS_EACH: usize = 3;
const PRICE_CENTS: i64 = 1_000;

/// One souq process against `url` at `now`, as a host would run it.
fn souq(url: &str, now: &str, args: &[&str]) -> Output {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("souq"))
        .args(args)
        .env("SOUQ_DB", url)
        .env("SOUQ_NOW", now)
        .env("SOUQ_BUSY_TIMEOUT_MS", "60000")
        .env("USER", "host")
        .env_remove("SOUQ_USER")
        .env_remove("SOUQ_OUTPUT")
        .output()
        .unwrap()
}

fn ok(url: &str, now: &str, args: &[&str]) -> String {
    let out = souq(url, now, args);
    assert!(
        out.status.success(),
        "souq {args:?}: exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(url: &str, now: &str, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["-o", "json"]);
    serde_json::from_str(&ok(url, now, &all)).unwrap()
}

/// What a racing host may be told: done (0), or "not allowed now" (4) because another host
/// got there first. Anything else — busy past the timeout, a crash — is a failure.
fn raced(url: &str, now: &str, args: &[&str]) -> bool {
    let out = souq(url, now, args);
    match out.status.code() {
        Some(0) => true,
        Some(4) => false,
        code => panic!("souq {args:?}: exit {code:?}: {}", String::from_utf8_lossy(&out.stderr)),
    }
}

/// Runs `work(host)` on every host at once and waits for all.
fn on_every_host<T: Send>(work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    thread::scope(|scope| {
        let work = &work;
        let handles: Vec<_> = (0..HOSTS).map(|host| scope.spawn(move || work(host))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

#[test]
fn hosts_sharing_one_postgres_database_lose_no_write_and_move_no_money_twice() {
    let Some(url) = common::pg::fresh_database() else {
        eprintln!("postgres: not run (SOUQ_TEST_PG unset)");
        return;
    };
    let url = url.as_str();
    let t0 = "2026-03-01T10:00:00Z";
    // every host runs init at once: the schema is applied once
    on_every_host(|_| ok(url, t0, &["init", "--admin", "admin"]));
    for s in 0..SELLERS {
        let seller = format!("seller{s}");
        ok(url, t0, &["user", "add", &seller]);
        ok(
            url,
            t0,
            &[
                "user",
                "set-payout",
                &seller,
                "--method",
                "paypal",
                "--account",
                &format!("{seller}@example.com"),
                "--as",
                &seller,
            ],
        );
        ok(
            url,
            t0,
            &[
                "gig",
                "create",
                "--as",
                &seller,
                "--title",
                "ترجمة مقال",
                "--price",
                "10",
                "--days",
                "3",
                "--category",
                "translation",
            ],
        );
    }
    for b in 0..BUYERS {
        let buyer = format!("buyer{b}");
        ok(url, t0, &["user", "add", &buyer]);
        ok(
            url,
            t0,
            &[
                "wallet",
                "deposit",
                &buyer,
                "100",
                "--method",
                "paypal",
                "--ref",
                &format!("dep-{buyer}"),
                "--as",
                "admin",
            ],
        );
    }

    // Every host places the same keyed orders: each key makes one order, whoever is first.
    let placed = on_every_host(|_| {
        let mut ids = Vec::new();
        for b in 0..BUYERS {
            for i in 0..ORDERS_EACH {
                let gig = (b % SELLERS + 1).to_string();
                let order = json(
                    url,
                    t0,
                    &["order", "place", &gig, "--as", &format!("buyer{b}"), "--key", &format!("k{b}-{i}")],
                );
                ids.push(order["id"].as_i64().unwrap());
            }
        }
        ids
    });
    assert!(placed.windows(2).all(|w| w[0] == w[1]), "hosts saw different orders for the same keys: {placed:?}");
    let orders = &placed[0];
    assert_eq!(orders.len(), BUYERS * ORDERS_EACH);

    // Every host delivers and completes every order: each happens exactly once.
    let t1 = "2026-03-02T10:00:00Z";
    let delivered: usize = on_every_host(|host| {
        orders
            .iter()
            .enumerate()
            .filter(|(n, id)| {
                let seller = format!("seller{}", (n / ORDERS_EACH) % SELLERS);
                raced(
                    url,
                    t1,
                    &["order", "deliver", &id.to_string(), "--as", &seller, "--message", &format!("host {host}")],
                )
            })
            .count()
    })
    .into_iter()
    .sum();
    assert_eq!(delivered, orders.len(), "each order is delivered once across hosts");
    let completed: usize = on_every_host(|_| {
        orders
            .iter()
            .enumerate()
            .filter(|(n, id)| {
                let buyer = format!("buyer{}", n / ORDERS_EACH);
                raced(url, t1, &["order", "complete", &id.to_string(), "--as", &buyer])
            })
            .count()
    })
    .into_iter()
    .sum();
    assert!(completed >= orders.len(), "a completion was lost: {completed} of {}", orders.len());

    // Cron on two hosts at once, past clearance; then every operator runs the same payout batch.
    let t2 = "2026-03-20T10:00:00Z";
    on_every_host(|_| ok(url, t2, &["tick"]));
    on_every_host(|_| ok(url, t2, &["payout", "run", "--key", "march", "--as", "admin", "--yes"]));

    let listed = json(url, t2, &["order", "list", "--all", "--as", "admin"]);
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), orders.len(), "every placed order is there once");
    assert!(listed.iter().all(|o| o["status"] == "completed"), "every order completed: {listed:?}");
    let batches = json(url, t2, &["payout", "list", "--as", "admin"]);
    assert_eq!(batches.as_array().unwrap().len(), 1, "one batch for one key: {batches}");
    let gross = PRICE_CENTS * orders.len() as i64;
    let buyers_left: i64 = (0..BUYERS)
        .map(|b| {
            json(url, t2, &["wallet", "show", &format!("buyer{b}"), "--as", "admin"])["credit_cents"].as_i64().unwrap()
        })
        .sum();
    assert_eq!(buyers_left, 10_000 * BUYERS as i64 - gross, "each order was paid for exactly once");
    ok(url, t2, &["audit"]);
}
