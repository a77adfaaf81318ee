//! `souq config import`'s YAML, as far as parsing goes: settings, or a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use souq::error::ErrorKind;

fuzz_target!(|text: &str| {
    if let Err(e) = souq::policy::parse_yaml(text) {
        assert_ne!(e.kind(), ErrorKind::Internal, "{e}");
    }
});
