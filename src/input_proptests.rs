//! Byte-level property tests of every parser of outside input: amounts, times, the config and
//! rules YAML, the payout reconcile file and the gig import CSV. Whatever the bytes, a parser
//! returns a value or a typed error (never Internal, which means a bug) and never panics.
//!
//! Inputs are random bytes, and real samples with random bytes flipped, inserted or removed
//! (which reach further into a parser than noise does). The same targets run under
//! cargo-fuzz in fuzz/ (by hand; CI runs these).

use std::sync::Mutex;
use std::time::Duration;

use proptest::prelude::*;

use crate::error::{ErrorKind, Result};
use crate::gig_csv::{self, ImportOptions};
use crate::store::{Missing, Store};
use crate::{moderation, payouts, policy, users, Money, Session, Timestamp};

/// A gig import as LibreOffice saves one: header, quoted fields, Arabic, an extra, CRLF.
const GIGS_CSV: &[u8] = "sku,title,description,category,tags,price,delivery_days,extras\r\n\
logo-1,\"تصميم شعار احترافي\",\"شعار + 3 نماذج، \"\"ملف مفتوح\"\"\",design,\"logo;branding\",15.00,3,\"Express=10+0d\"\r\n\
tr-2,Arabic to English translation,\"Up to 500 words\",translation,,\"5,00\",2,\r\n"
    .as_bytes();

/// A provider's result file (PayPal Payouts style).
const RESULTS_CSV: &[u8] =
    b"item_id,status,provider_ref\nsouq-b1-i1,SUCCESS,5XJ12345AB678901C\nsouq-b1-i2,FAILED,\nsouq-b1-i1,REVERSED,R-1\n";

const CONFIG_YAML: &[u8] =
    b"# souq policy\ncommission_bps: 2000\nclearance_days: 14\nmin_payout: \"10.00\"\nauto_complete_days: 3\n";

const RULES_YAML: &[u8] = "rules:\n  - id: no-phones\n    applies_to: [message, gig]\n    action: block\n    pattern: '\\+?[0-9٠-٩]{9,}'\n  - id: no-whatsapp\n    applies_to: [message]\n    action: flag\n    words: [whatsapp, واتساب, \"wa.me\"]\n"
    .as_bytes();

/// Random bytes, or `sample` with up to 8 random edits.
fn bytes_like(sample: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    let edit = (any::<prop::sample::Index>(), 0u8..3, any::<u8>());
    prop_oneof![
        1 => prop::collection::vec(any::<u8>(), 0..512),
        3 => prop::collection::vec(edit, 1..8).prop_map(move |edits| {
            let mut bytes = sample.to_vec();
            for (at, kind, byte) in edits {
                let i = at.index(bytes.len() + 1);
                match kind {
                    0 if i < bytes.len() => bytes[i] = byte,
                    1 if i < bytes.len() => drop(bytes.remove(i)),
                    _ => bytes.insert(i, byte),
                }
            }
            bytes
        }),
    ]
}

fn text_like(sample: &'static [u8]) -> impl Strategy<Value = String> {
    bytes_like(sample).prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Amounts as people type them, and near misses.
fn amount_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[-+ ]?[0-9٠-٩]{0,22}([.,٫][0-9]{0,4})?[ ]?",
        "\\PC{0,12}",
        any::<i64>().prop_map(|c| format!("{}.{:02}", c / 100, (c % 100).abs())),
    ]
}

/// A number in `lo..hi`, its ends often: the edges are where times overflow.
fn edgy(lo: u32, hi: u32) -> impl Strategy<Value = u32> {
    prop_oneof![Just(lo), Just(hi - 1), lo..hi]
}

/// "Z", or an offset up to a day either way.
fn offset() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Z".to_string()),
        (prop_oneof![Just('+'), Just('-')], edgy(0, 26), edgy(0, 60)).prop_map(|(s, h, m)| format!("{s}{h:02}:{m:02}")),
    ]
}

/// Times as scripts write them, extreme years and offsets included.
fn time_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => ((edgy(0, 10_000), edgy(1, 13), edgy(1, 32)), (edgy(0, 24), edgy(0, 60), 0u32..61), offset())
            .prop_map(|((y, mo, d), (h, mi, s), z)| format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{z}")),
        1 => (edgy(0, 10_000), 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => "[0-9T:Z+.-]{0,30}",
        1 => "\\PC{0,24}",
    ]
}

/// A refusal must be a typed error a person can act on; Internal means souq broke.
fn typed<T>(result: &Result<T>) -> std::result::Result<(), TestCaseError> {
    if let Err(e) = result {
        prop_assert!(e.kind() != ErrorKind::Internal, "internal error for outside input: {e}");
    }
    Ok(())
}

fn admin_session() -> Session {
    Session {
        actor: Some("admin".into()),
        os_user: "proptest".into(),
        now: Timestamp::parse("2026-03-01T10:00:00Z").unwrap(),
    }
}

/// One database for the cases that need one (each case only previews: nothing is committed):
/// an admin, the seller layla with 100.00 available and a payout method, and batch 1 paying her.
fn market() -> &'static Mutex<Store> {
    static MARKET: std::sync::OnceLock<Mutex<Store>> = std::sync::OnceLock::new();
    MARKET.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        let mut store = Store::open(dir.join("p.db"), Missing::Create, Duration::from_secs(5)).unwrap();
        let session = admin_session();
        store
            .write(|tx| {
                users::add(tx, &session, &users::NewUser { username: "admin", email: None, is_admin: true })?;
                let layla =
                    users::add(tx, &session, &users::NewUser { username: "layla", email: None, is_admin: false })?;
                users::set_payout(tx, &session, "layla", payouts::PayoutMethod::parse("paypal")?, "layla@example.com")?;
                let earnings = crate::ledger::Movement {
                    from: crate::ledger::Account::World("test".into()),
                    to: crate::ledger::Account::User(layla.id, crate::ledger::Bucket::Available),
                    amount: Money::from_cents(10_000),
                    kind: "test_earnings",
                    order_id: None,
                    payout_item_id: None,
                    idem_key: "test:layla".into(),
                };
                crate::ledger::post(tx, "admin", session.now, &earnings)?;
                let request = payouts::run::RunRequest { key: "k".into(), method: None, min: None };
                payouts::run::run(tx, &session, &request, None, &mut |_, _| {})?;
                Ok(())
            })
            .unwrap();
        Mutex::new(store)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn amounts_parse_or_are_refused_and_round_trip(text in amount_text()) {
        let parsed = Money::parse(&text);
        typed(&parsed)?;
        if let Ok(money) = parsed {
            prop_assert_eq!(Money::parse(&money.to_string()).unwrap(), money);
        }
    }

    #[test]
    fn times_parse_or_are_refused(text in prop::collection::vec(time_text(), 4)) {
        for text in text {
            typed(&Timestamp::parse(&text))?;
            typed(&Timestamp::now(Some(&text)))?;
        }
    }

    #[test]
    fn config_yaml_parses_or_is_refused(text in text_like(CONFIG_YAML)) {
        let pairs = policy::parse_yaml(&text);
        typed(&pairs)?;
        if let Ok(pairs) = pairs {
            let mut store = market().lock().unwrap_or_else(|e| e.into_inner());
            typed(&store.preview(|tx| policy::set_many(tx, &admin_session(), &pairs)))?;
        }
    }

    #[test]
    fn rules_yaml_parses_or_is_refused(text in text_like(RULES_YAML)) {
        let mut store = market().lock().unwrap_or_else(|e| e.into_inner());
        typed(&store.preview(|tx| moderation::import_rules(tx, &admin_session(), "rules.yaml", &text)))?;
    }

    #[test]
    fn reconcile_files_apply_or_are_refused(text in text_like(RESULTS_CSV)) {
        let mut store = market().lock().unwrap_or_else(|e| e.into_inner());
        typed(&store.preview(|tx| payouts::reconcile::reconcile(tx, &admin_session(), 1, text.as_bytes())))?;
    }

    #[test]
    fn gig_csv_imports_or_is_refused(bytes in bytes_like(GIGS_CSV)) {
        let mut store = market().lock().unwrap_or_else(|e| e.into_inner());
        let session = Session { actor: Some("layla".into()), ..admin_session() };
        let options = ImportOptions { dry_run: true, skip_invalid: false, excel_rejects: false };
        let imported = gig_csv::Input::open(bytes.as_slice(), None, None)
            .and_then(|input| gig_csv::import(&mut store, &session, input, options, None, &mut |_| {}));
        typed(&imported)?;
    }
}

/// Found by times_parse_or_are_refused: the last minute of year 9999 west of UTC is year 10000
/// in UTC, which `time` cannot hold; converting it panicked (exit 101 for SOUQ_NOW).
#[test]
fn a_time_past_year_9999_in_utc_is_refused() {
    for text in ["9999-12-31T23:59:00-00:59", "9999-12-31T23:59:59-23:59"] {
        assert_eq!(Timestamp::parse(text).unwrap_err().kind(), ErrorKind::Invalid, "{text}");
        assert_eq!(Timestamp::now(Some(text)).unwrap_err().kind(), ErrorKind::Invalid, "{text}");
    }
}
