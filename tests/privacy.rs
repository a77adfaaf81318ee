//! Privacy through the binary: e-mail, payout account and deposit reference are shown whole only
//! to the user themself and to admins, in every command that shows them and in every format;
//! anyone else (and anyone without --as) sees them masked as "****" and the last 4 characters.

mod common;
use common::Market;

const IBAN: &str = "DE89370400440532013000";
const SAM_EMAIL: &str = "sam.haddad@example.com";
const NOURA_EMAIL: &str = "noura@example.com";
const DEPOSIT_REF: &str = "PP-7QX31-88120";
const FORMATS: &[&str] = &["table", "json", "jsonl", "csv", "yaml"];

/// `with_gig` plus sam (bank account, an e-mail) paid in payout batch 1, and a deposit for noura.
fn market() -> Market {
    let market = Market::with_gig();
    market.ok(&["user", "add", "sam", "--email", SAM_EMAIL]);
    market.sellers_with_available(&[("sam", "bank", IBAN, 5000)]);
    market.ok(&["payout", "run", "--key", "k", "--yes", "--as", "admin"]);
    market.ok(&["wallet", "deposit", "noura", "50", "--method", "paypal", "--ref", DEPOSIT_REF, "--as", "admin"]);
    market
}

/// What `args` prints in every format, as `actor` (None: no --as).
fn outputs(market: &Market, args: &[&str], actor: Option<&str>) -> Vec<String> {
    FORMATS
        .iter()
        .map(|format| {
            let mut all = args.to_vec();
            all.extend(["-o", format]);
            if let Some(actor) = actor {
                all.extend(["--as", actor]);
            }
            market.ok(&all)
        })
        .collect()
}

fn assert_hidden(market: &Market, args: &[&str], actor: Option<&str>, secrets: &[&str]) {
    for (out, format) in outputs(market, args, actor).iter().zip(FORMATS) {
        for secret in secrets {
            assert!(!out.contains(secret), "souq {args:?} -o {format} as {actor:?} shows {secret:?}:\n{out}");
        }
        assert!(out.contains("****"), "souq {args:?} -o {format} as {actor:?} masks nothing:\n{out}");
    }
}

fn assert_shown(market: &Market, args: &[&str], actor: Option<&str>, secrets: &[&str]) {
    for (out, format) in outputs(market, args, actor).iter().zip(FORMATS) {
        for secret in secrets {
            assert!(out.contains(secret), "souq {args:?} -o {format} as {actor:?} hides {secret:?}:\n{out}");
        }
    }
}

#[test]
fn user_list_shows_private_fields_only_to_their_owner_and_admins() {
    let market = market();
    let all = [SAM_EMAIL, IBAN, NOURA_EMAIL];
    assert_hidden(&market, &["user", "list"], None, &all);
    assert_hidden(&market, &["user", "list"], Some("layla"), &all);
    assert_shown(&market, &["user", "list"], Some("sam"), &[SAM_EMAIL, IBAN]);
    assert_hidden(&market, &["user", "list"], Some("sam"), &[NOURA_EMAIL]);
    assert_shown(&market, &["user", "list"], Some("admin"), &all);
    let listed = market.json(&["user", "list", "--as", "layla"]);
    let sam = listed.as_array().unwrap().iter().find(|u| u["username"] == "sam").unwrap();
    assert_eq!((sam["email"].as_str(), sam["payout_account"].as_str()), (Some("****.com"), Some("****3000")));
}

#[test]
fn user_show_and_every_user_command_mask_for_others() {
    let market = market();
    assert_hidden(&market, &["user", "show", "sam"], None, &[SAM_EMAIL, IBAN]);
    assert_hidden(&market, &["user", "show", "sam"], Some("noura"), &[SAM_EMAIL, IBAN]);
    assert_shown(&market, &["user", "show", "sam"], Some("sam"), &[SAM_EMAIL, IBAN]);
    assert_shown(&market, &["user", "show", "sam"], Some("admin"), &[SAM_EMAIL, IBAN]);
    // signing up without --as proves nothing about who typed it
    let added = market.json(&["user", "add", "hala", "--email", "hala.k@example.com"]);
    assert_eq!(added["email"], "****.com");
    let set = ["user", "set-payout", "hala", "--method", "paypal", "--account", "hala.k@example.com"];
    let mut as_hala = set.to_vec();
    as_hala.extend(["--as", "hala"]);
    assert_eq!(market.json(&as_hala)["payout_account"], "hala.k@example.com");
    assert_eq!(market.json(&["user", "suspend", "sam", "--as", "admin"])["email"], SAM_EMAIL);
    market.fails(3, &["user", "list", "--as", "ghost"]);
}

#[test]
fn payout_items_show_the_account_to_the_seller_and_admins_only() {
    let market = market();
    assert_hidden(&market, &["payout", "show", "1", "--items"], None, &[IBAN]);
    assert_hidden(&market, &["payout", "show", "1", "--items"], Some("layla"), &[IBAN]);
    assert_shown(&market, &["payout", "show", "1", "--items"], Some("sam"), &[IBAN]);
    assert_shown(&market, &["payout", "show", "1", "--items"], Some("admin"), &[IBAN]);
    for actor in [None, Some("layla")] {
        for out in outputs(&market, &["payout", "list"], actor).iter().chain(&outputs(
            &market,
            &["payout", "show", "1"],
            actor,
        )) {
            assert!(!out.contains(IBAN) && !out.contains(SAM_EMAIL), "{out}");
        }
    }
}

#[test]
fn events_mask_deposit_references_for_others_and_accounts_for_everyone() {
    let market = market();
    assert_hidden(&market, &["events"], None, &[IBAN, DEPOSIT_REF]);
    assert_hidden(&market, &["events"], Some("layla"), &[IBAN, DEPOSIT_REF]);
    assert_shown(&market, &["events"], Some("noura"), &[DEPOSIT_REF]);
    assert_shown(&market, &["events"], Some("admin"), &[DEPOSIT_REF]);
    for actor in ["sam", "admin"] {
        assert_hidden(&market, &["events", "--kind", "user.payout_set"], Some(actor), &[IBAN]);
    }
    let set = market.json(&["events", "--kind", "user.payout_set", "--as", "admin"]);
    assert_eq!(set[0]["data"]["account"], "****3000", "stored masked: the last 4 only");
    let stored =
        market.query_i64("SELECT count(*) FROM events WHERE data LIKE ?1", rusqlite::params![format!("%{IBAN}%")]);
    assert_eq!(stored, 0, "no event carries a whole account");
}
