//! What reaches a person's terminal: stored text that attacks the terminal is shown escaped,
//! and tables fit the terminal's width with Arabic (lam-alef too), harakat, CJK and emoji in line.

mod common;

use common::Market;
use unicode_width::UnicodeWidthChar;

/// What attackers put in text a terminal will show (terminal escape injection, CVE-2021-42574).
const ATTACKS: &[&str] = &[
    "\u{1b}]0;pwned\u{7}", // OSC 0: sets the window title
    "\u{1b}[2J\u{1b}[H",   // CSI: clears the screen
    "\u{1b}]8;;https://evil.example/\u{1b}\\click here\u{1b}]8;;\u{1b}\\", // OSC 8: a hidden link
    "\u{9b}31m",           // C1 CSI
    "invoice\u{202e}fdp.exe", // RLO: shows as invoiceexe.pdf
    "if admin \u{2067}\u{2066}// check later\u{2069}\u{2069}", // Trojan Source isolates
    "line\rover",          // CR overwrites what came before
];

/// Bytes no terminal may receive raw: ESC, BEL, C1 (UTF-8 C2 80-9F), RLO, LRI/RLI/PDI, CR.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2069}', '\r'] {
        assert!(!text.contains(c), "{what}: raw U+{:04X} reaches the terminal:\n{text}", u32::from(c));
    }
}

/// The cells a terminal grid gives a line: each character's wcwidth (lam-alef is two cells).
fn cells(line: &str) -> usize {
    line.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// A marketplace whose stored texts hold the attacks, written behind souq's back as an older
/// version or another tool could have: the output must be safe whatever the database holds.
fn attacked_market() -> Market {
    let market = Market::with_order();
    market.ok(&["order", "message", "1", "--message", "hello", "--as", "noura"]);
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--rating", "5", "--review", "good", "--as", "noura"]);
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["dispute", "open", "2", "--reason", "late", "--as", "noura"]);
    market.ok(&["dispute", "comment", "1", "on its way", "--as", "layla"]);
    let attack = ATTACKS.join(" ");
    // through the library's connection: SQLite's search index triggers call its SQL functions
    let store = market.store();
    for sql in [
        "UPDATE gigs SET title = ?1, description = ?1",
        "UPDATE messages SET body = ?1",
        "UPDATE deliveries SET message = ?1",
        "UPDATE orders SET review_reply = ?1",
        "UPDATE disputes SET reason = ?1",
        "UPDATE dispute_comments SET body = ?1",
    ] {
        store.db().execute(sql, rusqlite::params![attack]).unwrap();
    }
    store.db().execute("UPDATE orders SET review = ?1", rusqlite::params![ATTACKS[4]]).unwrap();
    market
}

#[test]
fn stored_terminal_attacks_are_shown_escaped_in_every_view() {
    let market = attacked_market();
    let views: &[&[&str]] = &[
        &["gig", "list"],
        &["gig", "show", "1"],
        &["order", "list", "--as", "admin"],
        &["order", "show", "1", "--as", "noura"],
        &["dispute", "list", "--as", "admin"],
        &["dispute", "show", "1", "--as", "admin"],
        &["gig", "list", "-o", "wide"],
        &["gig", "list", "-o", "json"],
        &["order", "show", "1", "--as", "noura", "-o", "jsonl"],
        &["dispute", "show", "1", "--as", "admin", "-o", "json"],
    ];
    for args in views {
        let out = market.cmd().args(*args).output().unwrap();
        assert!(out.status.success(), "souq {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert_inert(&format!("souq {args:?} stdout"), &out.stdout);
        assert_inert(&format!("souq {args:?} stderr"), &out.stderr);
    }
    // CSV keeps its bytes for files and pipes, and is made safe for a person's terminal
    for args in [&["gig", "list", "-o", "csv"][..], &["order", "show", "1", "--as", "noura", "-o", "csv"]] {
        let screen = market.on_a_terminal(args, b"").replace("\r\n", "\n");
        assert_inert(&format!("souq {args:?} on a terminal"), screen.as_bytes());
    }
    let table = market.ok(&["gig", "show", "1"]);
    assert!(table.contains("\\u{1b}]0;pwned\\u{7}"), "the title is shown, escaped:\n{table}");
    let order = market.ok(&["order", "show", "1", "--as", "noura"]);
    assert!(order.contains("invoice\\u{202e}fdp.exe"), "the review is shown, escaped:\n{order}");
    // JSON escapes them as JSON does, and reads back as the very text stored
    let json = market.json(&["gig", "show", "1"]);
    assert_eq!(json["gig"]["title"].as_str().unwrap_or_else(|| json["title"].as_str().unwrap()), ATTACKS.join(" "));
}

#[test]
fn error_lines_quoting_user_text_are_escaped() {
    let market = Market::new();
    for args in [
        vec!["user", "show", "\u{1b}]0;pwned\u{7}"],
        vec!["gig", "list", "--status", "\u{1b}[2J"],
        vec!["order", "show", "\u{9b}2J"],
    ] {
        let out = market.cmd().args(&args).output().unwrap();
        assert!(!out.status.success(), "souq {args:?} succeeded");
        assert_inert(&format!("souq {args:?} stderr"), &out.stderr);
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: "));
    }
}

/// A marketplace of Arabic (every lam-alef form, harakat), CJK and emoji gigs, with orders in
/// every status and disputes.
fn multilingual_market() -> Market {
    let market = Market::funded();
    market.ok(&["wallet", "deposit", "noura", "100", "--method", "paypal", "--ref", "dep-2", "--as", "admin"]);
    for (title, price) in [
        ("ترجمة من الإنجليزية إلى العربية بدقة عالية", "25"),
        ("تصميم شعار لا مثيل له لمتجرك", "40"),
        ("تدقيق لغوي للأطروحات الأكاديمية", "15"),
        ("كتابة محتوى عن الآلات والأجهزة", "10"),
        ("مُتَرْجِمٌ مُحْتَرِفٌ لِلنُّصُوصِ الطِّبِّيَّةِ", "12.50"),
        ("日本語の翻訳サービス", "20"),
        ("Logo design 🎨✨ in 24 hours", "5"),
    ] {
        market.ok(&["gig", "create", "--as", "layla", "--title", title, "--price", price, "--days", "3"]);
    }
    for gig in ["2", "3", "4", "5", "6"] {
        market.ok(&["order", "place", gig, "--as", "noura"]);
    }
    market.ok(&["order", "deliver", "1", "--message", "تم", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--rating", "5", "--review", "عمل لا مثيل له، شكراً", "--as", "noura"]);
    market.ok(&["order", "deliver", "2", "--message", "تم", "--as", "layla"]);
    market.ok(&["order", "cancel", "3", "--as", "layla"]);
    market.ok(&["dispute", "open", "2", "--reason", "التسليم لا يطابق الوصف المطلوب في الطلب الأصلي", "--as", "noura"]);
    market.ok(&["dispute", "open", "4", "--reason", "the seller stopped answering messages", "--as", "noura"]);
    market
}

#[test]
fn lists_fit_80_and_120_column_terminals() {
    let market = multilingual_market();
    for columns in [80u16, 120] {
        for args in [&["gig", "list"][..], &["order", "list", "--as", "admin"], &["dispute", "list", "--as", "admin"]] {
            let screen = market.on_a_terminal_of(columns, args, b"");
            let lines: Vec<&str> = screen.lines().map(|l| l.trim_end_matches('\r')).filter(|l| !l.is_empty()).collect();
            let table: Vec<&str> = lines.iter().copied().filter(|l| l.starts_with(['┌', '│', '╞', '└'])).collect();
            assert!(table.len() >= 5, "souq {args:?} at {columns}: no table:\n{screen}");
            let widths: Vec<usize> = table.iter().map(|l| cells(l)).collect();
            assert!(
                widths.iter().all(|w| *w == widths[0] && *w <= usize::from(columns)),
                "souq {args:?} at {columns} columns: line widths {widths:?}:\n{screen}"
            );
            // ids, money, statuses and times are whole or absent, never cut
            assert!(!table.iter().any(|l| l.contains(".…") || l.contains("T…") || l.contains("-…")), "{screen}");
        }
        let orders = market.on_a_terminal_of(columns, &["order", "list", "--as", "admin"], b"");
        for whole in ["25.00", "completed", "cancelled", "disputed", "delivered"] {
            assert!(orders.contains(whole) || whole == "delivered", "{whole} missing at {columns}:\n{orders}");
        }
    }
}

#[test]
fn wide_shows_every_column_and_columns_fits_a_pipe() {
    let market = multilingual_market();
    let narrow = market.cmd().env("COLUMNS", "80").args(["gig", "list"]).output().unwrap();
    let narrow = String::from_utf8(narrow.stdout).unwrap();
    assert!(narrow.lines().all(|l| cells(l) <= 80), "{narrow}");
    assert!(!narrow.contains("updated_at"), "{narrow}");
    let wide = market.cmd().env("COLUMNS", "80").args(["gig", "list", "-o", "wide"]).output().unwrap();
    let wide = String::from_utf8(wide.stdout).unwrap();
    for header in ["sku", "category", "tags", "extras", "updated_at"] {
        assert!(wide.contains(header), "-o wide lacks {header}:\n{wide}");
    }
    let widths: Vec<usize> = wide.lines().map(cells).collect();
    assert!(widths.iter().all(|w| *w == widths[0]), "{wide}");
}

#[test]
fn the_money_of_finance_tables_stays_on_an_80_column_terminal() {
    let market = multilingual_market();
    for (args, kept) in [
        (&["ledger", "journal", "--as", "admin"][..], &["debit_account", "credit_account", "amount"][..]),
        (&["wallet", "history", "noura", "--as", "admin"], &["credit", "pending", "available", "clears_on"]),
    ] {
        let out = market.cmd().env("COLUMNS", "80").args(args).output().unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        assert!(out.lines().all(|l| cells(l) <= 80), "souq {args:?}:\n{out}");
        let header = out.lines().nth(1).unwrap_or_default();
        for column in kept {
            assert!(header.contains(&format!(" {column} ")), "souq {args:?} dropped {column}:\n{out}");
        }
    }
}

/// Rows of a table printed for people (the header row excluded).
fn table_rows(output: &str) -> usize {
    output.lines().filter(|l| l.starts_with('│')).count().saturating_sub(1)
}

#[test]
fn lists_stop_at_50_on_a_terminal_and_say_how_many_more() {
    let market = Market::with_gig();
    let mut csv = String::from("sku,title,price,delivery_days\n");
    for n in 2..=60 {
        csv.push_str(&format!("s{n},خدمة رقم {n},5,1\n"));
    }
    std::fs::write(market.path("gigs.csv"), csv).unwrap();
    market.ok(&["gig", "import", "gigs.csv", "--as", "layla"]);

    let screen = market.on_a_terminal(&["gig", "list"], b"");
    assert_eq!(table_rows(&screen), 50, "{screen}");
    assert!(screen.contains("10 more not shown: pass --limit N or --all"), "{screen}");
    let all = market.on_a_terminal(&["gig", "list", "--all"], b"");
    assert_eq!(table_rows(&all), 60, "{all}");
    assert!(!all.contains("more not shown"), "{all}");

    // scripts keep getting every row unless they ask for fewer
    assert_eq!(table_rows(&market.ok(&["gig", "list"])), 60);
    assert_eq!(market.json(&["gig", "list"]).as_array().unwrap().len(), 60);
    let limited = market.cmd().args(["gig", "list", "--limit", "5", "--offset", "50"]).output().unwrap();
    assert_eq!(table_rows(&String::from_utf8_lossy(&limited.stdout)), 5);
    assert_eq!(String::from_utf8_lossy(&limited.stderr), "5 more not shown: pass --limit N or --all\n");
    market.fails(2, &["gig", "list", "--limit", "5", "--all"]);
}

#[test]
fn every_list_command_takes_limit_and_all() {
    let market = Market::with_order();
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["dispute", "open", "1", "--reason", "late", "--as", "noura"]);
    market.ok(&["dispute", "open", "2", "--reason", "late", "--as", "noura"]);
    for list in [
        &["order", "list", "--as", "admin"][..],
        &["dispute", "list", "--as", "admin"],
        &["user", "list"],
        &["gig", "search", "ترجمة"],
        &["payout", "list"],
        &["moderate", "queue", "--as", "admin"],
        &["moderate", "rules", "show"],
        &["report", "sellers", "--as", "admin"],
    ] {
        let all = market.json(&[list, &["--all"]].concat());
        let one = market.json(&[list, &["--limit", "1"]].concat());
        assert!(one.as_array().unwrap().len() <= 1, "souq {list:?} --limit 1: {one}");
        assert_eq!(one.as_array().unwrap().first(), all.as_array().unwrap().first(), "souq {list:?}");
    }
    let out = market.cmd().args(["order", "list", "--as", "admin", "--limit", "1"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "1 more not shown: pass --limit N or --all\n");
}

#[test]
fn fixed_value_options_list_their_values_and_refuse_others_as_usage_errors() {
    let market = Market::with_order();
    let before = market.snapshot();
    for (args, value) in [
        (&["report", "sales", "--by", "quarter", "--as", "admin"][..], "quarter"),
        (&["gig", "list", "--status", "live"], "live"),
        (&["order", "list", "--status", "done", "--as", "admin"], "done"),
        (&["dispute", "list", "--status", "closed", "--as", "admin"], "closed"),
        (&["moderate", "queue", "--status", "pending", "--as", "admin"], "pending"),
        (&["payout", "run", "--key", "k", "--method", "venmo", "--as", "admin"], "venmo"),
        (&["user", "set-payout", "noura", "--method", "venmo", "--account", "x", "--as", "noura"], "venmo"),
        (&["wallet", "deposit", "noura", "5", "--method", "cash", "--ref", "r", "--as", "admin"], "cash"),
        (&["gig", "list", "-o", "xml"], "xml"),
    ] {
        let stderr = market.fails(2, args);
        assert!(stderr.contains(&format!("invalid value '{value}'")), "souq {args:?}: {stderr}");
        assert!(stderr.contains("possible values"), "souq {args:?} names the values: {stderr}");
    }
    assert_eq!(market.snapshot(), before);
    let help = market.ok(&["order", "list", "--help"]).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(help.contains("[possible values: active, delivered, completed, cancelled, disputed]"), "{help}");
    assert!(help.contains("Examples:"), "{help}");
    let bash = market.ok(&["completions", "bash"]);
    assert!(bash.contains("pending_review active paused rejected suspended"));
    assert!(bash.contains("day week month") && bash.contains("paypal payoneer bank"));
}

#[test]
fn gig_create_on_a_terminal_asks_every_field_and_checks_each_answer_at_its_prompt() {
    let market = Market::with_gig();
    let typed =
        "خدمة ترجمة\r3\r12.50\r100\r4\rtranslation\rعربي, english\rترجمة دقيقة\rtr-1\rExpress=oops\rExpress=10+0d\r\r";
    let (code, screen) = market.terminal_session(120, &["gig", "create", "--as", "layla"], typed.as_bytes());
    assert_eq!(code, Some(0), "{screen}");
    // the policy's minimum (5.00) refuses 3 at its prompt, and 100 days at theirs; both asked again
    assert!(screen.contains("price 3.00 is outside 5.00 .. 1000.00"), "{screen}");
    assert!(screen.contains("delivery days must be 1-90"), "{screen}");
    assert!(screen.contains("Express=oops"), "{screen}");
    let gig = market.json(&["gig", "show", "2"]);
    assert_eq!(gig["title"], "خدمة ترجمة");
    assert_eq!(gig["price_cents"], 1250);
    assert_eq!(gig["delivery_days"], 4);
    assert_eq!(gig["category"], "translation");
    assert_eq!(gig["tags"], serde_json::json!(["عربي", "english"]));
    assert_eq!(gig["description"], "ترجمة دقيقة");
    assert_eq!(gig["sku"], "tr-1");
    assert_eq!(gig["extras"][0]["title"], "Express");
}

/// Runs souq on a pseudo-terminal, types `typed`, and presses Ctrl-C once `prompt` is on the
/// screen (typed ahead, Ctrl-C would reach the shell before souq runs); returns the exit code
/// and the screen.
fn interrupt_at(market: &Market, args: &[&str], typed: &[u8], prompt: &str) -> (Option<i32>, String) {
    use std::io::{Read, Write};
    let souq = assert_cmd::cargo::cargo_bin("souq");
    let command = format!("stty cols 120 rows 40; {} {}", souq.display(), args.join(" "));
    let mut child = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .envs(market.std_cmd().get_envs().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned()))))
        .current_dir(market.dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let (chunks, seen) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n @ 1..) = stdout.read(&mut buf) {
            if chunks.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    stdin.write_all(typed).unwrap();
    let mut screen = Vec::new();
    while !String::from_utf8_lossy(&screen).contains(prompt) {
        let chunk = seen.recv_timeout(std::time::Duration::from_secs(30));
        screen.extend(
            chunk.unwrap_or_else(|_| panic!("no {prompt:?} on the screen: {:?}", String::from_utf8_lossy(&screen))),
        );
    }
    stdin.write_all(b"\x03").unwrap();
    drop(stdin);
    let code = child.wait().unwrap().code();
    screen.extend(seen.iter().flatten());
    (code, String::from_utf8_lossy(&screen).to_string())
}

/// The cursor is shown (ESC[?25h) after the last time it was hidden (ESC[?25l).
fn cursor_shown_at_exit(screen: &str) -> bool {
    screen.rfind("\u{1b}[?25h") >= screen.rfind("\u{1b}[?25l")
}

#[test]
fn ctrl_c_at_any_prompt_shows_the_cursor_exits_130_and_changes_nothing() {
    let market = Market::with_gig();
    let before = market.snapshot();
    let (code, screen) = interrupt_at(&market, &["gig", "create", "--as", "layla"], b"Half a gig\r", "Price");
    assert_eq!(code, Some(130), "{screen}");
    assert!(cursor_shown_at_exit(&screen), "{screen:?}");
    assert_eq!(market.snapshot(), before);

    let market = Market::with_order();
    market.ok(&["dispute", "open", "1", "--reason", "late", "--as", "noura"]);
    let before = market.snapshot();
    let resolve = ["dispute", "resolve", "1", "--release", "--as", "admin"];
    // Ctrl-C once the confirmation has hidden the cursor and waits for a key
    let (code, screen) = interrupt_at(&market, &resolve, b"", "\u{1b}[?25l");
    assert_eq!(code, Some(130), "{screen}");
    assert!(screen.contains("\u{1b}[?25l"), "the confirmation hides the cursor while it waits: {screen:?}");
    assert!(cursor_shown_at_exit(&screen), "{screen:?}");
    assert_eq!(market.snapshot(), before);
}

#[test]
fn import_and_scan_show_percentage_rate_and_time_left_on_a_terminal_only() {
    let market = Market::with_gig();
    let mut csv = String::from("sku,title,price,delivery_days,description\n");
    for n in 0..3000 {
        csv.push_str(&format!("s{n},ترجمة رقم {n},{},3,وصف الخدمة رقم {n}\n", 5 + n % 40));
    }
    std::fs::write(market.path("gigs.csv"), &csv).unwrap();
    let screen = market.on_a_terminal(&["gig", "import", "gigs.csv", "--as", "layla", "--dry-run"], b"");
    let size = format!("{:.2} KiB", csv.len() as f64 / 1024.0);
    assert!(screen.contains('%') && screen.contains(" left") && screen.contains(&size), "{screen}");
    let scan = market.on_a_terminal(&["moderate", "scan", "--as", "admin"], b"");
    assert!(scan.contains('%') && scan.contains("texts") && scan.contains(" left"), "{scan}");

    // off a terminal: the summary note only
    let out = market.cmd().args(["gig", "import", "gigs.csv", "--as", "layla", "--dry-run"]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("dry run, nothing written: 3000 rows"), "{stderr}");
    let out = market.cmd().args(["moderate", "scan", "--as", "admin"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains('%'));
}
