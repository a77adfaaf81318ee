//! Amounts as typed on the command line and in CSV cells: a value that prints back to itself, or
//! a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use souq::error::ErrorKind;
use souq::Money;

fuzz_target!(|text: &str| {
    match Money::parse(text) {
        Ok(money) => assert_eq!(Money::parse(&money.to_string()).unwrap(), money),
        Err(e) => assert_ne!(e.kind(), ErrorKind::Internal, "{text:?}: {e}"),
    }
});
