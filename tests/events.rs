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
