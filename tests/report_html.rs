//! `report sales|sellers --html FILE` as a person would check it: the page rendered by headless
//! Chromium (Debian's `chromium` package; .ci/run installs it), its DOM read back (numbers
//! present, one bar per period, hostile names inert), and a screenshot taken.

mod common;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::Market;
use serde_json::Value;

/// A name no current souq would accept, as an older database or another tool may hold it:
/// markup, quotes and a right-to-left override that would show "exe.pdf" as "fdp.exe".
const HOSTILE: &str = "<script>alert(\"x\")</script>\u{202E}fdp.exe&'";
const ARABIC: &str = "ليلى";

/// Sales in 2026-W09 (layla), none in W10 and W11, then W12 (ليلى, and the hostile seller's
/// order, one completed and one cancelled).
fn market() -> Market {
    let mut market = Market::funded();
    market.ok(&["user", "add", ARABIC]);
    market.ok(&["user", "add", "mallory"]);
    market.ok(&["gig", "create", "--as", ARABIC, "--title", "تصميم شعار", "--price", "12.50", "--days", "2"]);
    market.ok(&["gig", "create", "--as", "mallory", "--title", "Anything", "--price", "7.25", "--days", "2"]);
    market.ok(&["order", "place", "1", "--as", "noura"]);
    market.ok(&["order", "deliver", "1", "--message", "done", "--as", "layla"]);
    market.ok(&["order", "complete", "1", "--rating", "5", "--as", "noura"]);
    market.set_now("2026-03-17T09:00:00Z");
    for (order, gig, seller) in [("2", "2", ARABIC), ("3", "3", "mallory")] {
        market.ok(&["order", "place", gig, "--as", "noura"]);
        market.ok(&["order", "deliver", order, "--message", "تم", "--as", seller]);
        market.ok(&["order", "complete", order, "--as", "noura"]);
    }
    market.ok(&["order", "place", "3", "--as", "noura"]);
    market.ok(&["order", "cancel", "4", "--as", "mallory"]);
    market
        .run_sql(&format!("UPDATE users SET username = '{}' WHERE username = 'mallory'", HOSTILE.replace('\'', "''")));
    market
}

fn money(cents: &Value) -> String {
    let cents = cents.as_i64().unwrap();
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// Chromium, or a failure naming the package: this check must not pass by not running.
fn chromium() -> PathBuf {
    let path = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).map(|dir| dir.join("chromium")).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain([PathBuf::from("/usr/bin/chromium")])
        .find(|path| path.is_file());
    path.expect(
        "headless Chromium renders the HTML report in this test and none was found (no `chromium` on PATH \
         or at /usr/bin/chromium): install Debian's chromium package (apt-get install chromium), as .ci/run does",
    )
}

/// Runs headless Chromium on the page with `action` (--dump-dom, --screenshot=...), in a
/// profile of its own and with nothing fetched from the network; returns stdout.
fn render(page: &Path, action: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new("timeout")
        .arg("120")
        .arg(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(action)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium {action:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Takes a 1200x1600 screenshot and checks it is a PNG of that size with something drawn on it
/// (a blank page compresses to a few kilobytes). Returns where it is.
fn screenshot(page: &Path, png: &Path) {
    render(page, &[&format!("--screenshot={}", png.display()), "--window-size=1200,1600"]);
    let bytes = std::fs::read(png).unwrap_or_else(|e| panic!("no screenshot at {}: {e}", png.display()));
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let size = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    assert_eq!((size(16), size(20)), (1200, 1600), "the IHDR's width and height");
    assert!(bytes.len() > 20_000, "a screenshot of {} bytes shows next to nothing", bytes.len());
}

/// What the page may not hold: a script, or anything that reaches out of the file.
fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a <script> in the page");
    assert!(!lower.contains("http://") && !lower.contains("https://"), "a network reference in the page");
    assert!(!lower.contains("url(") && !lower.contains("@import") && !lower.contains("<img"), "an external resource");
    assert!(!html.contains('\u{202E}'), "a raw right-to-left override in the page");
}

#[test]
fn sales_page_renders_one_bar_per_period_with_the_reports_numbers() {
    let market = market();
    let args = ["report", "sales", "--by", "week", "--as", "admin"];
    let report = market.json(&args);
    let rows = report.as_array().unwrap();
    let periods: Vec<&str> = rows.iter().map(|r| r["period"].as_str().unwrap()).collect();
    assert_eq!(periods, ["2026-W09", "2026-W10", "2026-W11", "2026-W12"]);
    let page = market.path("sales.html");
    let stdout = market.ok(&[&args[..], &["--html", page.to_str().unwrap()]].concat());
    assert_eq!(stdout, "", "the report goes to the file");
    let html = std::fs::read_to_string(&page).unwrap();
    assert_self_contained(&html);
    assert!(html.contains("<title>souq: Sales by week</title>"));

    let dom = render(&page, &["--dump-dom"]);
    assert_eq!(dom.matches("<g class=\"bar\"").count(), periods.len(), "one bar per period:\n{dom}");
    for row in rows {
        let bar = format!("<g class=\"bar\" data-period=\"{}\">", row["period"].as_str().unwrap());
        assert_eq!(dom.matches(&bar).count(), 1, "{bar}");
        let cells: String = ["orders", "gross_cents", "fee_cents", "refund_cents", "net_cents"]
            .iter()
            .map(|field| match field {
                &"orders" => format!("<td>{}</td>", row[field]),
                _ => format!("<td>{}</td>", money(&row[field])),
            })
            .collect();
        let table_row = format!("<th class=\"text\" scope=\"row\">{}</th>{cells}", row["period"].as_str().unwrap());
        assert!(dom.contains(&table_row), "{table_row} not in the table:\n{dom}");
        let tooltip = format!("{}: gross {} USD", row["period"].as_str().unwrap(), money(&row["gross_cents"]));
        assert!(dom.contains(&tooltip), "{tooltip}");
    }
    // the empty weeks are bars of no height, not missing ones
    assert!(dom.contains("2026-W10: gross 0.00 USD"));
    screenshot(&page, &market.path("sales.png"));
}

#[test]
fn sellers_page_shows_arabic_and_hostile_names_as_text() {
    let market = market();
    let report = market.json(&["report", "sellers", "--as", "admin"]);
    let sellers: Vec<&str> = report.as_array().unwrap().iter().map(|r| r["seller"].as_str().unwrap()).collect();
    assert_eq!(sellers, ["layla", HOSTILE, ARABIC]);
    let page = market.path("sellers.html");
    market.ok(&["report", "sellers", "--as", "admin", "--html", page.to_str().unwrap()]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert_self_contained(&html);

    let dom = render(&page, &["--dump-dom"]);
    assert_eq!(dom.matches("<g class=\"bar\"").count(), 3, "one bar per seller");
    assert!(!dom.to_lowercase().contains("<script"), "the hostile name became markup:\n{dom}");
    let shown = "&lt;script&gt;alert(\"x\")&lt;/script&gt;\\u{202e}fdp.exe&amp;'";
    assert!(dom.contains(&format!("<bdi dir=\"auto\">{shown}</bdi>")), "hostile name not shown as text:\n{dom}");
    assert!(dom.contains(&format!("<bdi dir=\"auto\" lang=\"ar\">{ARABIC}</bdi>")), "{dom}");
    // the chart's label for the Arabic name is laid out right to left, ending at its bar
    assert!(
        dom.contains(&format!(
            "direction=\"rtl\" text-anchor=\"start\" lang=\"ar\" dominant-baseline=\"middle\">{ARABIC}</text>"
        )),
        "{dom}"
    );
    for row in report.as_array().unwrap() {
        let gross = format!("<td>{}</td><td>{}</td>", row["orders"], money(&row["gross_cents"]));
        assert!(dom.contains(&gross), "{gross}");
    }
    screenshot(&page, &market.path("sellers.png"));
}

#[test]
fn html_follows_the_reports_filters_and_scope() {
    let market = market();
    let page = market.path("layla.html");
    // a seller sees only their own sales, in the page as in the table
    market.ok(&[
        "report",
        "sales",
        "--by",
        "week",
        "--from",
        "2026-03-09",
        "--to",
        "2026-03-22",
        "--as",
        "layla",
        "--html",
        page.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("settled from 2026-03-09 to 2026-03-22"));
    assert_eq!(html.matches("<g class=\"bar\"").count(), 2, "W11 and W12, both empty for layla");
    assert!(html.contains("<td>0</td><td>0.00</td>"));
    market.fails(5, &["report", "sellers", "--as", "layla", "--html", market.path("no.html").to_str().unwrap()]);
    assert!(!market.path("no.html").exists());
}

#[test]
fn html_is_written_like_every_file_souq_writes() {
    use std::os::unix::fs::PermissionsExt;
    let market = market();
    let page = market.path("report.html");
    let write = ["report", "sellers", "--as", "admin", "--html", page.to_str().unwrap()];
    std::fs::write(&page, "mine").unwrap();
    let refused = market.fails(4, &write);
    assert!(refused.contains("already exists") && refused.contains("--force"), "{refused}");
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "mine");
    market.ok(&[&write[..], &["--force"]].concat());
    assert!(std::fs::read_to_string(&page).unwrap().starts_with("<!DOCTYPE html>"));
    assert_eq!(std::fs::metadata(&page).unwrap().permissions().mode() & 0o777, 0o600);
    // a folder that is not there: an I/O failure (exit 1), and nothing written anywhere
    let nowhere = market.path("missing/report.html");
    let err = market.fails(1, &["report", "sales", "--as", "admin", "--html", nowhere.to_str().unwrap()]);
    assert!(err.contains("cannot write"), "{err}");
    market.fails(2, &["report", "sales", "--as", "admin", "--force"]);
}
