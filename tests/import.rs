//! `gig import` and `gig export` through the binary: malformed files, all-or-nothing, upserts,
//! --skip-invalid and --rejects, BOM/CRLF, stdin, and export -> import as a no-op.

mod common;
use common::Market;

const HEADER: &str = "sku,title,description,category,price,delivery_days,tags,extras\n";

impl Market {
    /// Writes `content` to a file in the market's folder and returns its path as text.
    fn file(&self, name: &str, content: impl AsRef<[u8]>) -> String {
        let path = self.path(name);
        std::fs::write(&path, content).unwrap();
        path.to_str().unwrap().to_string()
    }
}

fn rows(text: &str) -> String {
    format!("{HEADER}{text}")
}

/// Each file is bad in one way: the import exits 6, names the line and column, and writes nothing.
#[test]
fn malformed_files_are_refused_naming_line_and_column() {
    let long_title = "x".repeat(121);
    let eleven_extras = (0..11).map(|i| format!("e{i}=5+0d")).collect::<Vec<_>>().join("; ");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty file", b"".to_vec(), "line 1:"),
        ("required column missing", b"sku,title,delivery_days\na,b,3\n".to_vec(), "line 1, column price:"),
        (
            "unknown column",
            b"sku,title,price,delivery_days,colour\na,b,5,3,red\n".to_vec(),
            "line 1, column \"colour\":",
        ),
        ("column twice", b"sku,title,Title,price,delivery_days\na,b,c,5,3\n".to_vec(), "line 1, column title:"),
        ("empty sku", rows(",Logo,,,10,3,,\n").into_bytes(), "line 2, column sku:"),
        ("empty title", rows("a,Logo,,,10,3,,\nb,  ,,,10,3,,\n").into_bytes(), "line 3, column title:"),
        ("price not a number", rows("a,Logo,,,ten,3,,\n").into_bytes(), "line 2, column price:"),
        ("price with three decimals", rows("a,Logo,,,10.005,3,,\n").into_bytes(), "line 2, column price:"),
        ("price above policy", rows("a,Logo,,,5000,3,,\n").into_bytes(), "line 2, column price:"),
        ("zero delivery days", rows("a,Logo,,,10,0,,\n").into_bytes(), "line 2, column delivery_days:"),
        ("delivery days not a number", rows("a,Logo,,,10,3d,,\n").into_bytes(), "line 2, column delivery_days:"),
        ("extra without price", rows("a,Logo,,,10,3,,Express\n").into_bytes(), "line 2, column extras:"),
        (
            "too many extras",
            rows(&format!("a,Logo,,,10,3,,\"{eleven_extras}\"\n")).into_bytes(),
            "line 2, column extras:",
        ),
        ("title too long", rows(&format!("a,{long_title},,,10,3,,\n")).into_bytes(), "line 2, column title:"),
        ("sku with a space", rows("my sku,Logo,,,10,3,,\n").into_bytes(), "line 2, column sku:"),
        (
            "sku twice in the file",
            rows("a,Logo,,,10,3,,\nb,Card,,,10,3,,\na,Logo 2,,,10,3,,\n").into_bytes(),
            "line 4, column sku: sku \"a\" appears twice in the file\n",
        ),
        (
            "existing gig's sku twice in the file",
            rows("gig-1,Same,,,10,3,,\ngig-1,Again,,,10,3,,\n").into_bytes(),
            "line 3, column sku: sku \"gig-1\" appears twice in the file (first on line 2)",
        ),
        (
            "not UTF-8 nor Arabic",
            [rows("a,").into_bytes(), b"Lo\xffgo,,,10,3,,\n".to_vec()].concat(),
            "the file is not UTF-8 text",
        ),
        (
            "a bad byte in UTF-8 text",
            [rows("a,ترجمة,,,10,3,,\nb,").into_bytes(), b"Lo\xffgo,,,10,3,,\n".to_vec()].concat(),
            "line 3, column title: not UTF-8 text",
        ),
        ("too few fields", rows("a,Logo,,,10\n").into_bytes(), "line 2, column delivery_days:"),
        ("too many fields", rows("a,Logo,,,10,3,,,surplus\n").into_bytes(), "line 2, column 9:"),
        (
            "unterminated quote",
            rows("a,Logo,,,10,3,,\nb,Card,\"never closed,,10,3,,\n").into_bytes(),
            "line 3, column description:",
        ),
        (
            "line counted after a quoted newline",
            rows("a,Logo,\"two\nlines\",,10,3,,\nb,Card,,,0,3,,\n").into_bytes(),
            "line 4, column price:",
        ),
        (
            "BOM and CRLF keep line numbers",
            b"\xef\xbb\xbfsku,title,price,delivery_days\r\na,Logo,10,3\r\nb,Card,10,99\r\n".to_vec(),
            "line 3, column delivery_days:",
        ),
    ];
    let market = Market::with_gig();
    let before = market.snapshot();
    for (name, content, expected) in cases {
        let path = market.file("bad.csv", content);
        let stderr = market.fails(6, &["gig", "import", &path, "--as", "layla"]);
        assert!(stderr.contains(expected), "{name}: expected {expected:?} in\n{stderr}");
        assert_eq!(market.snapshot(), before, "{name}: the database changed");
    }
}

#[test]
fn every_bad_row_is_reported_and_counted_in_json() {
    let market = Market::with_gig();
    let mut text = String::from(HEADER);
    for i in 0..30 {
        text.push_str(&format!("s{i},Gig {i},,,1,3,,\n"));
    }
    text.push_str("good,Fine,,,10,3,,\n");
    let path = market.file("many.csv", text);
    let before = market.snapshot();
    let out = market.cmd().args(["gig", "import", &path, "--as", "layla", "-o", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(6));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["rows"], 31);
    assert_eq!(summary["invalid"], 30);
    assert_eq!(summary["created"], 1, "counted, though rolled back");
    assert_eq!(summary["errors"].as_array().unwrap().len(), 30);
    assert_eq!(
        summary["errors"][29],
        serde_json::json!({"line": 31, "column": "price", "message": "price 1.00 is outside 5.00 .. 1000.00"})
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("error: 30 invalid row(s); nothing was imported"), "{stderr}");
    assert!(stderr.contains("line 2, column price") && stderr.contains("... and 10 more"), "{stderr}");
    assert_eq!(market.snapshot(), before);
}

#[test]
fn import_creates_then_reimport_reports_unchanged() {
    let market = Market::with_gig();
    let path = market.file(
        "gigs.csv",
        rows("logo,تصميم شعار,\"وصف، مع فاصلة\nوسطر ثان\",design,25.5,4,\"شعار; logo, brand\",\"Source=10+0d; Express=5+1d\"\n"),
    );
    let first = market.json(&["gig", "import", &path, "--as", "layla"]);
    assert_eq!(
        (first["rows"].clone(), first["created"].clone(), first["unchanged"].clone()),
        (1.into(), 1.into(), 0.into())
    );
    let gig = market.json(&["gig", "show", "2"]);
    assert_eq!(gig["sku"], "logo");
    assert_eq!(gig["description"], "وصف، مع فاصلة\nوسطر ثان");
    assert_eq!(gig["tags"], serde_json::json!(["شعار", "logo", "brand"]));
    assert_eq!(gig["price_cents"], 2550);
    assert_eq!(gig["extras"][1]["title"], "Express");
    assert_eq!(gig["extras"][1]["extra_days"], 1);

    let again = market.json(&["gig", "import", &path, "--as", "layla"]);
    assert_eq!(
        (again["created"].clone(), again["updated"].clone(), again["unchanged"].clone()),
        (0.into(), 0.into(), 1.into())
    );
}

#[test]
fn reimport_updates_changed_rows_and_keeps_extra_ids() {
    let market = Market::with_gig();
    let path = market.file("a.csv", rows("logo,Logo,,design,20,4,,Source=10+0d\ncard,Card,,design,9,2,,\n"));
    market.ok(&["gig", "import", &path, "--as", "layla"]);
    let extra_id = market.json(&["gig", "show", "2"])["extras"][0]["id"].clone();
    let path = market.file("b.csv", rows("logo,Logo,,design,30,4,,Source=12+0d\ncard,Card,,design,9,2,,\n"));
    let summary = market.json(&["gig", "import", &path, "--as", "layla"]);
    assert_eq!((summary["updated"].clone(), summary["unchanged"].clone()), (1.into(), 1.into()));
    let gig = market.json(&["gig", "show", "2"]);
    assert_eq!(gig["price_cents"], 3000);
    assert_eq!(gig["extras"][0]["id"], extra_id);
    assert_eq!(gig["extras"][0]["price_cents"], 1200);
}

#[test]
fn columns_in_any_order_and_case_with_bom_and_crlf() {
    let market = Market::with_gig();
    let path = market.file(
        "crlf.csv",
        "\u{feff}Delivery_Days,PRICE,Title,SKU,Description\r\n3,10,Logo,a,\"two\r\nlines\"\r\n5,12,Card,b,\r\n",
    );
    let summary = market.json(&["gig", "import", &path, "--as", "layla"]);
    assert_eq!(summary["created"], 2);
    let gig = market.json(&["gig", "show", "3"]);
    assert_eq!((gig["sku"].clone(), gig["delivery_days"].clone()), ("b".into(), 5.into()));
}

#[test]
fn import_reads_stdin() {
    let market = Market::with_gig();
    let out = market
        .cmd()
        .args(["gig", "import", "-", "--as", "layla", "-o", "json"])
        .write_stdin(rows("s1,From stdin,,,10,3,,\n"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(market.json(&["gig", "show", "2"])["title"], "From stdin");
}

#[test]
fn skip_invalid_imports_good_rows_and_writes_rejects_that_reimport_once_fixed() {
    let market = Market::with_gig();
    let path = market.file("mixed.csv", rows("a,Good,,,10,3,,\nb,Cheap,,,1,3,,\nc,Also good,,,12,3,,\n"));
    let rejects = market.path("rejects.csv");
    let summary = market.json(&[
        "gig",
        "import",
        &path,
        "--as",
        "layla",
        "--skip-invalid",
        "--rejects",
        rejects.to_str().unwrap(),
    ]);
    assert_eq!((summary["created"].clone(), summary["invalid"].clone()), (2.into(), 1.into()));
    let rejected = std::fs::read_to_string(&rejects).unwrap();
    assert_eq!(
        rejected,
        "sku,title,description,category,price,delivery_days,tags,extras,reason\n\
         b,Cheap,,,1,3,,,\"line 3, column price: price 1.00 is outside 5.00 .. 1000.00\"\n"
    );
    let fixed = market.file("fixed.csv", rejected.replace(",1,3,", ",6,3,"));
    assert_eq!(market.json(&["gig", "import", &fixed, "--as", "layla"])["created"], 1);
}

#[test]
fn dry_run_reports_and_writes_nothing() {
    let market = Market::with_gig();
    let path = market.file("a.csv", rows("a,Good,,,10,3,,\n"));
    let before = market.snapshot();
    let summary = market.json(&["gig", "import", &path, "--as", "layla", "--dry-run"]);
    assert_eq!(summary["created"], 1);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn import_writes_one_summary_event() {
    let market = Market::with_gig();
    let path = market.file("a.csv", rows("a,One,,,10,3,,\nb,Two,,,10,3,,\n"));
    market.ok(&["gig", "import", &path, "--as", "layla"]);
    let events = market.ok(&["events", "--kind", "gig.imported"]);
    let lines: Vec<serde_json::Value> = events.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["data"]["created"], 2);
    assert_eq!(lines[0]["actor"], "layla");
}

#[test]
fn only_an_admin_imports_for_other_sellers() {
    let market = Market::with_gig();
    let path = market.file("two.csv", "seller,sku,title,price,delivery_days\nlayla,a,Mine,10,3\nnoura,b,Hers,10,3\n");
    let before = market.snapshot();
    let stderr = market.fails(5, &["gig", "import", &path, "--as", "layla"]);
    assert!(stderr.contains("line 3, column seller"), "{stderr}");
    assert_eq!(market.snapshot(), before);
    let summary = market.json(&["gig", "import", &path, "--as", "admin"]);
    assert_eq!(summary["created"], 2);
    assert_eq!(market.json(&["gig", "show", "3"])["seller"], "noura");

    let ghost = market.file("ghost.csv", "seller,sku,title,price,delivery_days\nghost,a,Mine,10,3\n");
    let stderr = market.fails(6, &["gig", "import", &ghost, "--as", "admin"]);
    assert!(stderr.contains("line 2, column seller: no user \"ghost\""), "{stderr}");
    market.ok(&["user", "suspend", "noura", "--as", "admin"]);
    let stderr = market.fails(6, &["gig", "import", &path, "--as", "admin"]);
    assert!(stderr.contains("line 3, column seller: seller \"noura\" is suspended"), "{stderr}");
}

#[test]
fn export_escapes_formula_cells() {
    let market = Market::with_gig();
    let path = market.file("f.csv", rows("f1,=HYPERLINK(\"x\"),-1 risky,@cat,10,3,+tag,\n"));
    market.ok(&["gig", "import", &path, "--as", "layla"]);
    let csv = market.ok(&["gig", "export", "--seller", "layla"]);
    assert!(csv.contains("layla,f1,\"'=HYPERLINK(\"\"x\"\")\",'-1 risky,'@cat,10.00,3,'+tag,"), "{csv}");
    let tab = market.file("t.csv", "sku,title,description,price,delivery_days\nt1,T,\"\tTabbed\",10,3\n");
    market.ok(&["gig", "import", &tab, "--as", "layla"]);
    assert!(market.ok(&["gig", "export"]).contains("t1,T,'\tTabbed,"));
}

#[test]
fn export_then_import_is_a_no_op() {
    let market = Market::with_gig();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/gigs.csv");
    market.ok(&["gig", "import", example.to_str().unwrap(), "--as", "layla"]);
    let tricky = market.file(
        "tricky.csv",
        rows("q1,\"He said \"\"hi\"\", then, left\",\"=1+1\n'@x\",'-dash,15,2,\"+a; b\",\"Gift=5+0d\"\n"),
    );
    market.ok(&["gig", "import", &tricky, "--as", "layla"]);
    let export = market.path("export.csv");
    market.ok(&["gig", "export", "--file", export.to_str().unwrap()]);
    let before = market.snapshot();
    let summary = market.json(&["gig", "import", export.to_str().unwrap(), "--as", "layla"]);
    assert_eq!(summary["rows"], 16);
    assert_eq!(summary["unchanged"], 16, "{summary}");
    assert_eq!(market.snapshot(), before);
    let gig = market.json(&["gig", "show", "16"]);
    assert_eq!(gig["description"], "=1+1\n'@x");
    assert_eq!(gig["category"], "-dash");
}

#[test]
fn export_filters_by_seller_and_status() {
    let market = Market::with_gig();
    market.ok(&["gig", "pause", "1", "--as", "layla"]);
    assert_eq!(market.ok(&["gig", "export", "--status", "active"]).lines().count(), 1);
    assert_eq!(market.ok(&["gig", "export", "--status", "paused", "--seller", "layla"]).lines().count(), 2);
    market.fails(3, &["gig", "export", "--seller", "ghost"]);
    market.fails(2, &["gig", "export", "--status", "sleeping"]);
}

#[test]
fn the_example_file_imports_as_is() {
    let market = Market::with_gig();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/gigs.csv");
    let summary = market.json(&["gig", "import", example.to_str().unwrap(), "--as", "layla"]);
    assert_eq!(summary["invalid"], 0);
    assert_eq!(summary["created"], summary["rows"]);
}

/// Moderation applies to imported gigs as to created ones: a blocked row is a bad row naming the
/// column the rule objects to (nothing written), a held one is imported pending review.
#[test]
fn imported_gigs_pass_moderation() {
    let market = Market::with_gig();
    let before = market.snapshot();
    let path = market.file(
        "gigs.csv",
        rows("ok,Logo design,Clean vector logo,design,25,3,,\nbad,Reviews pack,I will write 100 fake reviews for your shop,marketing,15,2,,\n"),
    );
    let stderr = market.fails(6, &["gig", "import", &path, "--as", "layla"]);
    assert!(stderr.contains("line 3, column description:"), "{stderr}");
    assert!(stderr.contains("prohibited-services"), "{stderr}");
    assert_eq!(market.snapshot(), before);

    let skipped = market.json(&["gig", "import", &path, "--as", "layla", "--skip-invalid", "--rejects", "rejects.csv"]);
    assert_eq!((skipped["created"].clone(), skipped["invalid"].clone()), (1.into(), 1.into()));
    assert_eq!(market.json(&["gig", "list", "--seller", "layla"]).as_array().unwrap().len(), 2);

    let held = market.file("held.csv", rows("wa,Logo fast,للتواصل واتساب ٠٥٠ ١٢٣ ٤٥ ٦٧,design,25,3,,\n"));
    market.ok(&["gig", "import", &held, "--as", "layla"]);
    let gigs = market.json(&["gig", "list", "--seller", "layla", "--status", "pending_review"]);
    assert_eq!(gigs[0]["sku"], "wa");
    let queue = market.json(&["moderate", "queue", "--as", "admin"]);
    assert!(
        queue.as_array().unwrap().iter().any(|f| f["rule"] == "contact-in-gigs" && f["entity"] == "gig"),
        "{queue}"
    );
}

/// Rows are checked in batches on other threads: a file of several batches still reports its
/// bad rows in file order with their own lines, and the gigs keep the file's order.
#[test]
fn a_long_file_reports_bad_rows_in_order_and_keeps_row_order() {
    let market = Market::with_gig();
    let bad = [5, 600, 1_100];
    let mut text = String::from(HEADER);
    for i in 0..2_000 {
        let price = if bad.contains(&i) { "1" } else { "10" };
        let sku = if i == 1_500 { "r0".to_string() } else { format!("r{i}") };
        text.push_str(&format!("{sku},Gig {i},,,{price},3,,\n"));
    }
    text.push_str("\"r-open,Gig open,,,10,3,,\n");
    let path = market.file("long.csv", text);
    let rejects = market.path("rejects.csv");
    let args = ["gig", "import", &path, "--as", "layla", "--skip-invalid", "--rejects", rejects.to_str().unwrap()];
    let summary = market.json(&args);
    let lines: Vec<(i64, &str)> = summary["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_i64().unwrap(), e["column"].as_str().unwrap()))
        .collect();
    // line = row + 2 (header on line 1); the repeated sku on row 1500, the open quote last
    assert_eq!(lines, [(7, "price"), (602, "price"), (1_102, "price"), (1_502, "sku"), (2_002, "sku")]);
    assert_eq!(summary["created"], 1_996);
    let rejected = std::fs::read_to_string(&rejects).unwrap();
    let reasons: Vec<&str> = rejected.lines().skip(1).filter_map(|l| l.split(",Gig ").next()).collect();
    assert_eq!(reasons[..4], ["r5", "r600", "r1100", "r0"]);
    let listed = market.json(&["gig", "list", "--seller", "layla"]);
    let skus: Vec<&str> = listed.as_array().unwrap().iter().map(|g| g["sku"].as_str().unwrap()).collect();
    assert_eq!(skus[1..4], ["r0", "r1", "r2"]);
    assert_eq!(skus.last(), Some(&"r1999"));
}
