//! `souq payout reconcile`'s result file against batch 1: applied, or a typed error.
#![no_main]

use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use souq::error::ErrorKind;
use souq::store::Store;

mod market;

static STORE: OnceLock<Mutex<Store>> = OnceLock::new();

fuzz_target!(|text: &str| {
    let mut store = STORE.get_or_init(|| Mutex::new(market::open())).lock().unwrap();
    let result = store.preview(|tx| souq::payouts::reconcile::reconcile(tx, &market::session("admin"), 1, text));
    if let Err(e) = result {
        assert_ne!(e.kind(), ErrorKind::Internal, "{e}");
    }
});
