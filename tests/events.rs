//! The event stream through the binary: filters, JSON lines, and --follow seeing other processes' writes.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::Market;

#[test]
fn events_are_json_lines_with_actor_and_os_user() {
    let market = Market::with_gig();
    let out = market.ok(&["events"]);
    let events: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["user.added", "user.added", "user.added", "gig.created"]);
    let gig = &events[3];
    assert_eq!(gig["id"], 4);
    assert_eq!(gig["at"], common::T0);
    assert_eq!(gig["actor"], "layla");
    assert_eq!(gig["os_user"], "tester");
    assert_eq!(gig["entity"], "gig");
    assert_eq!(gig["entity_id"], 1);
    assert_eq!(gig["data"]["price_cents"], 2000);
}

#[test]
fn events_since_and_kind_prefix_filter() {
    let market = Market::with_gig();
    let ids = |args: &[&str]| -> Vec<i64> {
        let mut all = vec!["events"];
        all.extend_from_slice(args);
        market
            .ok(&all)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids(&["--since", "2"]), [3, 4]);
    assert_eq!(ids(&["--kind", "gig."]), [4]);
    assert_eq!(ids(&["--kind", "user", "--limit", "2"]), [1, 2]);
    assert_eq!(ids(&["--kind", "user_"]), Vec::<i64>::new()); // '_' is literal, not a LIKE wildcard
}

#[test]
fn events_follow_streams_what_other_processes_write() {
    let market = Market::with_gig();
    let mut follower = market
        .std_cmd()
        .args(["events", "--follow", "--since", "4", "--poll-ms", "20", "--kind", "gig."])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(follower.stdout.take().unwrap()).lines();
    // --since 4 (the fixture's last event) rather than "from now": the follower may start after
    // the pause below is written, and must still see it.
    market.ok(&["gig", "pause", "1", "--as", "layla"]);
    let line = lines.next().unwrap().unwrap();
    follower.kill().unwrap();
    follower.wait().unwrap();
    let event: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(event["kind"], "gig.paused");
    assert_eq!(event["entity_id"], 1);
}

#[test]
fn events_honour_the_output_format_and_stay_json_lines_by_default() {
    let market = Market::with_gig();
    let table = market.ok(&["events", "-o", "table"]);
    assert!(table.contains("┆ kind") && table.contains("gig.created") && !table.contains("{\"id\""), "{table}");
    let csv = market.ok(&["events", "-o", "csv"]);
    assert!(csv.starts_with("id,at,actor,os_user,kind,entity,entity_id,data\n"), "{csv}");
    let json = market.json(&["events"]);
    assert_eq!(json.as_array().unwrap().len(), 4);
    assert_eq!(
        market.ok(&["events", "--fields", "id,kind", "--kind", "gig."]),
        "{\"id\":4,\"kind\":\"gig.created\"}\n"
    );
    let stderr = market.fails(2, &["events", "--follow", "-o", "table"]);
    assert!(stderr.contains("--follow streams JSON lines"), "{stderr}");
}

#[test]
fn events_follow_ends_within_a_second_of_its_reader_going_even_with_no_new_event() {
    let market = Market::with_gig();
    // a poll period far longer than the bound: only noticing the closed pipe can end it in time
    let mut follower = market
        .std_cmd()
        .args(["events", "--follow", "--since", "3", "--poll-ms", "60000"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(follower.stdout.take().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.contains("gig.created"), "{line}");
    // `| head -1`: the reader takes its line and goes; no event follows
    drop(reader);
    let closed = std::time::Instant::now();
    let status = loop {
        if let Some(status) = follower.try_wait().unwrap() {
            break Some(status);
        }
        if closed.elapsed() > std::time::Duration::from_secs(5) {
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(10)); // checking, not passing time
    };
    let Some(status) = status else {
        follower.kill().unwrap();
        panic!("events --follow still runs 5 s after its reader closed");
    };
    assert!(closed.elapsed() < std::time::Duration::from_secs(1), "took {:?}", closed.elapsed());
    assert!(status.success(), "a reader that has gone is a quiet end, exit 0: {status}");
}
