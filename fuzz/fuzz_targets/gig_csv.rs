//! `souq gig import`'s CSV bytes as layla, dry run: a summary, or a typed error.
#![no_main]

use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use souq::error::ErrorKind;
use souq::gig_csv::{self, ImportOptions};
use souq::store::Store;

mod market;

static STORE: OnceLock<Mutex<Store>> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let mut store = STORE.get_or_init(|| Mutex::new(market::open())).lock().unwrap();
    let options = ImportOptions { dry_run: true, skip_invalid: false };
    let result = gig_csv::import(&mut store, &market::session("layla"), bytes, options, None, &mut |_| {});
    if let Err(e) = result {
        assert_ne!(e.kind(), ErrorKind::Internal, "{e}");
    }
});
