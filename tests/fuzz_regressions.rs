//! Crashes the parser property tests and fuzzers found (src/input_proptests.rs, fuzz/), each
//! through the binary: a clear error and the right exit code, never a panic.

mod common;

use common::Market;

/// The last minute of year 9999 west of UTC is year 10000 in UTC; SOUQ_NOW panicked (exit 101).
#[test]
fn souq_now_past_year_9999_in_utc_is_invalid_input() {
    let mut market = Market::new();
    let before = market.snapshot();
    for now in ["9999-12-31T23:59:00-00:59", "9999-12-31T23:59:59-23:59"] {
        market.set_now(now);
        let stderr = market.fails(6, &["user", "add", "layla"]);
        assert!(stderr.contains("SOUQ_NOW"), "{stderr}");
    }
    assert_eq!(market.snapshot(), before);
}
