//! Time through the binary: SOUQ_NOW must be a time souq can compute due dates from, and the
//! timeline never runs backwards (a writing command earlier than the newest event is refused).

mod common;
use common::Market;

#[test]
fn a_souq_now_beyond_what_souq_can_represent_is_invalid_not_a_panic() {
    let mut market = Market::funded();
    let before = market.snapshot();
    for far in ["9999-12-31T23:59:59Z", "9900-01-01T00:00:00Z", "1969-12-31T23:59:59Z"] {
        market.set_now(far);
        let stderr = market.fails(6, &["order", "place", "1", "--as", "noura"]);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("SOUQ_NOW") && stderr.contains(far), "{stderr}");
    }
    assert_eq!(market.snapshot(), before);
    market.set_now("9899-12-31T23:59:59Z");
    market.ok(&["order", "place", "1", "--as", "noura"]);
}

#[test]
fn a_writing_command_earlier_than_the_newest_event_is_refused() {
    let mut market = Market::funded();
    market.set_now("2026-03-05T10:00:00Z");
    market.ok(&["order", "place", "1", "--as", "noura"]);
    let before = market.snapshot();
    market.set_now("2026-03-05T09:59:59Z");
    let stderr = market.fails(4, &["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    assert!(stderr.contains("never runs backwards"), "{stderr}");
    assert!(stderr.contains("hint: set SOUQ_NOW to 2026-03-05T10:00:00Z or later"), "{stderr}");
    market.fails(4, &["user", "add", "omar"]);
    assert_eq!(market.snapshot(), before);
    // reading at an earlier time changes nothing and is allowed
    market.ok(&["order", "show", "1", "--as", "noura"]);
    market.set_now("2026-03-05T10:00:00Z"); // the same second is not earlier
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
}
