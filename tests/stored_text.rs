//! Stored text through the binary: controls, bidi overrides and invisible-only text are refused
//! (exit 6, database unchanged) in every field people write; what real people write still passes.
//! The attack strings are the published ones: Trojan Source (CVE-2021-42574), the RLO file-name
//! trick, terminal escapes (OSC title, clear screen), and the blank names of chat spam.

mod common;
use common::Market;

/// CVE-2021-42574's "commenting-out" example, as a line of code pasted into a title.
const TROJAN_SOURCE: &str = "/*\u{202E} } \u{2066}if (isAdmin)\u{2069} \u{2066} begin admins only */";
/// Shows as "invoiceexe.pdf" in a file list.
const RLO_FILE: &str = "invoice\u{202E}fdp.exe";
/// Blank-looking texts: zero-width space, ZWNJ + ZWJ, BOM, word joiner, braille blank, Hangul
/// filler, right-to-left mark: each has nothing a reader can see.
const BLANKS: &[&str] = &[
    "\u{200B}",
    "\u{200B}\u{200B}\u{200B}",
    "\u{200C}\u{200D}",
    "\u{FEFF}",
    "\u{2060}",
    "\u{2800}",
    "\u{3164}",
    " \u{200F} ",
];
/// xterm's OSC 0 (set the window title) and ED 2 (clear the screen).
const ESCAPES: &[&str] = &["hi \u{1B}]0;pwned\u{7}", "\u{1B}[2J\u{1B}[Hpay here", "\u{9B}2J"];

fn gig(title: &str) -> Vec<String> {
    ["gig", "create", "--as", "layla", "--title", title, "--price", "20", "--days", "3"].map(String::from).to_vec()
}

fn fails_unchanged(market: &Market, args: &[&str]) -> String {
    let before = market.snapshot();
    let err = market.fails(6, args);
    assert_eq!(market.snapshot(), before, "souq {args:?} changed the database");
    assert!(!err.contains('\u{1B}') && !err.contains('\u{202E}'), "stderr echoes the raw bytes: {err:?}");
    err
}

#[test]
fn titles_refuse_bidi_overrides_controls_line_breaks_and_blanks() {
    let market = Market::with_gig();
    let mut bad = vec![TROJAN_SOURCE, "Logo\nDesign", "Logo\tDesign", "\u{202D}ngiseD ogoL"];
    bad.extend(BLANKS);
    bad.extend(ESCAPES);
    for title in bad {
        let args = gig(title);
        let err = fails_unchanged(&market, &args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(err.contains("title"), "{title:?}: {err}");
    }
    for (flag, value) in [("--tags", "logo,\u{200B}"), ("--category", "\u{202E}ngised"), ("--extra", "\u{200B}=5+0d")] {
        let mut args = gig("Logo design");
        args.extend([flag.to_string(), value.to_string()]);
        fails_unchanged(&market, &args.iter().map(String::as_str).collect::<Vec<_>>());
    }
    fails_unchanged(&market, &["gig", "update", "1", "--as", "layla", "--title", "\u{200B}"]);
    fails_unchanged(&market, &["gig", "update", "1", "--as", "layla", "--description", "\u{200B}\u{200B}"]);
}

#[test]
fn real_titles_and_messages_still_pass() {
    let market = Market::with_order();
    // Arabic with harakat, tatweel, a ZWNJ inside a Persian word, an emoji with ZWJ
    market.ok(&gig("تـرجمة احترافيّة من الإنجليزية").iter().map(String::as_str).collect::<Vec<_>>());
    market.ok(&gig("ترجمه فارسی می\u{200C}خواهم").iter().map(String::as_str).collect::<Vec<_>>());
    market.ok(&gig("Family logo 👨\u{200D}👩\u{200D}👧").iter().map(String::as_str).collect::<Vec<_>>());
    // prose keeps line breaks, tabs, Windows line ends and bidi marks between Arabic and English
    market.ok(&[
        "order",
        "message",
        "1",
        "--as",
        "noura",
        "--message",
        "السلام عليكم\r\nالملف: \u{2067}logo.svg\u{2069}\tشكرا",
    ]);
    market.ok(&["order", "deliver", "1", "--as", "layla", "--message", "Here it is.\nRegards"]);
}

#[test]
fn every_written_text_refuses_terminal_escapes_and_blanks() {
    let mut market = Market::with_order();
    market.ok(&["order", "deliver", "1", "--as", "layla", "--message", "done"]);
    let mut cases: Vec<Vec<String>> = Vec::new();
    for bad in ESCAPES.iter().chain(BLANKS) {
        let v = |args: &[&str]| args.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        cases.push(v(&["order", "message", "1", "--as", "noura", "--message", bad]));
        cases.push(v(&["order", "revise", "1", "--as", "noura", "--message", bad]));
        cases.push(v(&["order", "cancel", "1", "--as", "noura", "--reason", bad]));
        cases.push(v(&["order", "complete", "1", "--as", "noura", "--rating", "5", "--review", bad]));
        cases.push(v(&["dispute", "open", "1", "--as", "noura", "--reason", bad]));
        cases.push(v(&["order", "place", "1", "--as", "noura", "--note", bad]));
    }
    for bad in ESCAPES.iter().chain(BLANKS) {
        cases.push(["user", "suspend", "layla", "--as", "admin", "--reason", bad].map(String::from).to_vec());
    }
    for args in &cases {
        fails_unchanged(&market, &args.iter().map(String::as_str).collect::<Vec<_>>());
    }
    market.ok(&["order", "complete", "1", "--as", "noura", "--rating", "4"]);
    for bad in ESCAPES.iter().chain(BLANKS) {
        fails_unchanged(&market, &["order", "reply", "1", "--as", "layla", bad]);
    }
    market.set_now("2026-03-02T10:00:00Z");
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["dispute", "open", "2", "--as", "noura", "--reason", "late"]);
    for bad in ESCAPES.iter().chain(BLANKS) {
        fails_unchanged(&market, &["dispute", "comment", "1", "--as", "noura", bad]);
    }
}

#[test]
fn an_attachment_named_with_a_right_to_left_override_is_refused_shown_escaped() {
    let market = Market::with_order();
    let path = market.path(RLO_FILE);
    std::fs::write(&path, b"MZ\x90\x00").unwrap();
    let err = fails_unchanged(
        &market,
        &[
            "order",
            "deliver",
            "1",
            "--as",
            "layla",
            "--message",
            "invoice attached",
            "--attach",
            path.to_str().unwrap(),
        ],
    );
    assert!(err.contains(r"invoice\u{202E}fdp.exe"), "{err}");
    let blank = market.path("\u{200B}");
    std::fs::write(&blank, b"x").unwrap();
    fails_unchanged(
        &market,
        &["order", "deliver", "1", "--as", "layla", "--message", "m", "--attach", blank.to_str().unwrap()],
    );
}

#[test]
fn a_nul_in_an_imported_title_is_refused() {
    let market = Market::with_gig();
    let csv = market.path("nul.csv");
    std::fs::write(&csv, b"sku,title,price,delivery_days\na,Logo\x00design,10,3\n").unwrap();
    let err = fails_unchanged(&market, &["gig", "import", csv.to_str().unwrap(), "--as", "layla"]);
    assert!(err.contains("U+0000"), "{err}");
}
