//! SOUQ_NOW and dates: a time, or a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use souq::error::ErrorKind;
use souq::Timestamp;

fuzz_target!(|text: &str| {
    if let Err(e) = Timestamp::now(Some(text)) {
        assert_ne!(e.kind(), ErrorKind::Internal, "{text:?}: {e}");
    }
});
