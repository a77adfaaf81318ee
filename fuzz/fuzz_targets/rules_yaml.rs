//! `souq moderate rules import`'s YAML: a rule set, or a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use souq::error::ErrorKind;
use souq::moderation::RuleSet;

fuzz_target!(|text: &str| {
    if let Err(e) = RuleSet::parse("rules.yaml", text) {
        assert_ne!(e.kind(), ErrorKind::Internal, "{e}");
    }
});
