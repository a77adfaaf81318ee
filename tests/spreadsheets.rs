//! Spreadsheets in and out, through the binary: the sample sheets of tests/samples/ (the bytes
//! Excel, Google Sheets and LibreOffice save) import as their seller typed them; CSV souq writes
//! opens in Excel (--excel) without running a formula, and imports back unchanged.

mod common;
use std::path::PathBuf;

use common::Market;
use serde_json::Value;
use souq::db::Engine;

fn sample(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "samples", name].iter().collect();
    path.to_str().unwrap().to_string()
}

/// A market whose seller layla may ask 1,250 for a gig (the sheet's dearest price).
fn seller_market() -> Market {
    let market = Market::with_gig();
    market.ok(&["config", "set", "max_gig_price", "2000", "--as", "admin"]);
    market
}

impl Market {
    /// Runs, expects exit 0, and returns (stdout, stderr).
    fn run_ok(&self, args: &[&str]) -> (String, String) {
        let out = self.cmd().args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "souq {args:?}: exit {:?}\n{stderr}", out.status.code());
        (String::from_utf8(out.stdout).unwrap(), stderr)
    }

    fn gig_by_sku(&self, sku: &str) -> Value {
        let gigs = self.json(&["gig", "list", "--seller", "layla"]);
        let id = gigs.as_array().unwrap().iter().find(|g| g["sku"] == sku).unwrap_or_else(|| panic!("no {sku}"))["id"]
            .as_i64()
            .unwrap();
        self.json(&["gig", "show", &id.to_string()])
    }
}

/// Every sheet as a spreadsheet program saved it imports whole: Arabic text intact (a line
/// break inside a cell included), prices typed in Arabic-Indic or Persian digits with the
/// Arabic decimal and thousands signs read as the seller meant, and a note saying what souq
/// assumed about the encoding and delimiter when the file did not say.
#[test]
fn every_sample_sheet_imports_as_the_seller_typed_it() {
    let cases = [
        // file, the note on stderr (None: nothing assumed)
        ("gigs-excel-csv-windows-1256.csv", Some("read as windows-1256 (not UTF-8; reads as Arabic in it), ';'")),
        ("gigs-excel-csv-windows-1256-comma.csv", Some("read as windows-1256 (not UTF-8; reads as Arabic in it);")),
        ("gigs-excel-csv-utf8.csv", None),
        ("gigs-excel-unicode-text.txt", Some("read as UTF-16LE (its byte order mark), tab between fields")),
        ("gigs-utf16be-tabs.txt", Some("read as UTF-16BE (its byte order mark), tab between fields")),
        ("gigs-google-sheets.csv", None),
        ("gigs-libreoffice-utf8.csv", None),
        (
            "gigs-libreoffice-windows-1256-semicolon.csv",
            Some("read as windows-1256 (not UTF-8; reads as Arabic in it), ';'"),
        ),
        ("gigs-libreoffice-utf16-tabs.txt", Some("read as UTF-16LE (its byte order mark), tab between fields")),
    ];
    for (file, note) in cases {
        let market = seller_market();
        let (stdout, stderr) = market.run_ok(&["gig", "import", &sample(file), "--as", "layla", "-o", "json"]);
        let summary: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!((summary["created"].as_u64(), summary["invalid"].as_u64()), (Some(5), Some(0)), "{file}: {summary}");
        match note {
            Some(note) => assert!(stderr.contains(note), "{file}: {stderr}"),
            None => assert!(!stderr.contains("note:"), "{file}: {stderr}"),
        }
        let tr = market.gig_by_sku("tr-en-ar");
        assert_eq!(tr["title"], "ترجمة احترافية من الإنجليزية إلى العربية", "{file}");
        assert_eq!(tr["description"], "ترجمة دقيقة لمستنداتك.\nحتى 500 كلمة في الخدمة الأساسية.", "{file}");
        assert_eq!((tr["price_cents"].as_i64(), tr["delivery_days"].as_i64()), (Some(1_500), Some(2)), "{file}");
        assert_eq!(market.gig_by_sku("logo-ar")["price_cents"], 2_550, "{file}");
        assert_eq!(market.gig_by_sku("cv-fa")["price_cents"], 1_500, "{file}");
        let site = market.gig_by_sku("site");
        assert_eq!(
            (site["price_cents"].as_i64(), site["description"].as_str()),
            (Some(125_000), Some("متجر \"ووكومرس\" جاهز"))
        );
        assert_eq!(market.gig_by_sku("logo-ar")["tags"], serde_json::json!(["تصميم", "شعار"]), "{file}");
    }
}

/// The issue's first row: Excel's plain "CSV" in an Arabic locale was "unknown column
/// sku;title;..." (or, with `,`, every row "not UTF-8 text").
#[test]
fn excel_csv_from_an_arabic_windows_locale_imports() {
    let market = seller_market();
    let (_, stderr) = market.run_ok(&["gig", "import", &sample("gigs-excel-csv-windows-1256.csv"), "--as", "layla"]);
    assert!(stderr.contains("windows-1256") && stderr.contains("5 created"), "{stderr}");
    assert_eq!(market.gig_by_sku("voice")["title"], "تعليق صوتي باللهجة الخليجية");
    // said outright, the same file imports with nothing assumed
    let again = seller_market();
    let (_, stderr) = again.run_ok(&[
        "gig",
        "import",
        &sample("gigs-excel-csv-windows-1256.csv"),
        "--as",
        "layla",
        "--encoding",
        "cp1256",
        "--delimiter",
        ";",
    ]);
    assert!(!stderr.contains("note:") && stderr.contains("5 created"), "{stderr}");
}

/// --encoding overrides what the bytes suggest; a name encoding_rs does not know is a usage error.
#[test]
fn encoding_flag_overrides_detection() {
    let market = seller_market();
    let before = market.snapshot();
    let stderr = market.fails(
        6,
        &["gig", "import", &sample("gigs-excel-csv-windows-1256.csv"), "--as", "layla", "--encoding", "utf-8", "-q"],
    );
    assert!(
        stderr.contains("not UTF-8 text (save the file as \"CSV UTF-8\", or name its encoding with --encoding)"),
        "{stderr}"
    );
    let stderr = market
        .fails(2, &["gig", "import", &sample("gigs-google-sheets.csv"), "--as", "layla", "--encoding", "klingon"]);
    assert!(stderr.contains("unknown encoding \"klingon\""), "{stderr}");
    assert_eq!(market.snapshot(), before);
}

/// A file souq still cannot read says how to fix it: a French Excel's Windows-1252 "CSV", and
/// Calc's Windows-1256 save of a sheet whose Arabic-Indic prices that code page cannot hold.
#[test]
fn a_file_it_cannot_read_names_the_fix() {
    let market = seller_market();
    let before = market.snapshot();
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(
        "sku;title;description;price;delivery_days\r\nbrochure;Création de brochure;Brochure élégante, livrée en PDF à l'équipe;25;3\r\n",
    );
    let path = market.path("francais.csv");
    std::fs::write(&path, &latin).unwrap();
    let stderr = market.fails(6, &["gig", "import", path.to_str().unwrap(), "--as", "layla"]);
    assert!(stderr.starts_with("error: the file is not UTF-8 text, nor Arabic text in Windows-1256"), "{stderr}");
    assert!(
        stderr.contains("hint: save the file as \"CSV UTF-8\"") && stderr.contains("--encoding windows-1252"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    let stderr = market
        .fails(6, &["gig", "import", &sample("gigs-libreoffice-windows-1256-lost-digits.csv"), "--as", "layla", "-q"]);
    assert!(stderr.contains("line 2, column price: invalid amount \"??\""), "{stderr}");
    assert_eq!(market.snapshot(), before);
}

/// --delimiter names a separator the header does not give away.
#[test]
fn delimiter_flag_overrides_sniffing() {
    let market = seller_market();
    let path = market.path("pipes.csv");
    std::fs::write(&path, "sku|title|price|delivery_days\np1|ترجمة فورية|١٢٫٥٠|٣\n").unwrap();
    let stderr = market.fails(6, &["gig", "import", path.to_str().unwrap(), "--as", "layla"]);
    assert!(stderr.contains("unknown column"), "{stderr}");
    market.ok(&["gig", "import", path.to_str().unwrap(), "--as", "layla", "--delimiter", "|"]);
    let gig = market.gig_by_sku("p1");
    assert_eq!((gig["price_cents"].as_i64(), gig["delivery_days"].as_i64()), (Some(1_250), Some(3)));
    market.fails(2, &["gig", "list", "--delimiter", "ab"]);
}

/// A huge input ends quickly with one short error line, nothing written: /dev/zero (one endless
/// field; 16.7 GB of memory before), a 50 MB field, a 50 MB header.
#[test]
fn oversized_input_ends_with_one_short_error() {
    let market = seller_market();
    let before = market.snapshot();
    let out = market
        .std_cmd()
        .args(["gig", "import", "-", "--as", "layla"])
        .stdin(std::fs::File::open("/dev/zero").unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert_eq!(stderr, "error: line 1: the header line is longer than 16 KiB: is this a gigs CSV file?\n");
    let field = market.path("field.csv");
    write_with_50_mb(&field, "sku,title,price,delivery_days\nbig,\"", "\",10,3\n");
    let stderr = market.fails(6, &["gig", "import", field.to_str().unwrap(), "--as", "layla", "--skip-invalid"]);
    assert_eq!(stderr, "error: line 2: a field is longer than 64 KiB: is this a gigs CSV file?\n");
    let header = market.path("header.csv");
    write_with_50_mb(&header, "sku,title,price,delivery_days,", "\n");
    let stderr = market.fails(6, &["gig", "import", header.to_str().unwrap(), "--as", "layla"]);
    assert_eq!(stderr, "error: line 1: the header line is longer than 16 KiB: is this a gigs CSV file?\n");
    // an unknown column within the limit is quoted as an excerpt, not whole
    let wide = market.path("wide.csv");
    std::fs::write(&wide, format!("sku,title,price,delivery_days,{}\n", "x".repeat(10_000))).unwrap();
    let stderr = market.fails(6, &["gig", "import", wide.to_str().unwrap(), "--as", "layla"]);
    assert!(stderr.len() < 300, "{stderr}");
    assert_eq!(market.snapshot(), before);
    assert!(peak_child_rss_kib() < 64 * 1024, "peak RSS {} KiB", peak_child_rss_kib());
}

/// `head`, 50 MB of Arabic text, `tail`: written a piece at a time, so that this test's own
/// memory (which a spawned child's peak starts from) stays small.
fn write_with_50_mb(path: &std::path::Path, head: &str, tail: &str) {
    use std::io::Write;
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    file.write_all(head.as_bytes()).unwrap();
    let piece = "ت".repeat(500_000);
    for _ in 0..50 {
        file.write_all(piece.as_bytes()).unwrap();
    }
    file.write_all(tail.as_bytes()).unwrap();
    file.flush().unwrap();
}

/// The largest peak resident set of the processes this test ran (nextest runs each test in a
/// process of its own).
fn peak_child_rss_kib() -> i64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given
    let usage = unsafe {
        assert_eq!(libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()), 0);
        usage.assume_init()
    };
    usage.ru_maxrss
}

/// A database failure in the middle of an import (here an index whose expression fails on the
/// third gig, as a full disk or a corrupt page would; an import runs no triggers) is an internal
/// error, exit 1, with nothing imported, --skip-invalid or not: never a bad row skipped while the
/// others are committed.
#[test]
fn a_database_error_during_import_is_internal_and_imports_nothing() {
    let market = seller_market();
    // each engine's own failing expression: SQLite's json() of text that is none, PostgreSQL's
    // division by zero (of a column, so that it is not folded away when the index is made)
    let (trouble, message) = match market.engine() {
        Engine::Sqlite => (
            "CREATE INDEX disk_trouble ON gigs (json(CASE WHEN sku = 'g3' THEN 'a failing write' ELSE '1' END))",
            "malformed JSON",
        ),
        Engine::Postgres => (
            "CREATE INDEX disk_trouble ON gigs ((CASE WHEN sku = 'g3' THEN price_cents / 0 ELSE 0 END))",
            "division by zero",
        ),
    };
    market.run_sql(trouble);
    let before = market.snapshot();
    let path = market.path("five.csv");
    let rows: String = (1..=5).map(|i| format!("g{i},خدمة رقم {i},1{i},2\n")).collect();
    std::fs::write(&path, format!("sku,title,price,delivery_days\n{rows}")).unwrap();
    for extra in [None, Some("--skip-invalid")] {
        let mut args = vec!["gig", "import", path.to_str().unwrap(), "--as", "layla"];
        args.extend(extra);
        let stderr = market.fails(1, &args);
        assert_eq!(stderr, format!("error: database: {message}\n"));
        assert_eq!(market.snapshot(), before, "{extra:?}");
    }
}

/// `gig export` in every spreadsheet variant imports back as a no-op: plain; --excel (BOM,
/// CRLF); --excel --delimiter ';' (Excel in an Arabic locale), formulas escaped on the way out
/// and unescaped on the way in.
#[test]
fn export_then_import_is_a_no_op_in_every_variant() {
    let market = seller_market();
    market.ok(&["gig", "import", &sample("gigs-excel-csv-utf8.csv"), "--as", "layla"]);
    let tricky = market.path("tricky.csv");
    std::fs::write(
        &tricky,
        "sku,title,description,category,price,delivery_days,tags\n\
         f1,\"=HYPERLINK(\"\"#A1\"\",\"\"اضغط\"\")\",\"-2+3\n'@x\",@cat,١٠,٣,+tag; '=x\n",
    )
    .unwrap();
    market.ok(&["gig", "import", tricky.to_str().unwrap(), "--as", "layla"]);
    let before = market.snapshot();
    for variant in [&[][..], &["--excel"][..], &["--excel", "--delimiter", ";"][..]] {
        let path = market.path("export.csv");
        let _ = std::fs::remove_file(&path);
        let mut args = vec!["gig", "export", "--file", path.to_str().unwrap()];
        args.extend(variant);
        market.ok(&args);
        let bytes = std::fs::read(&path).unwrap();
        let excel = variant.contains(&"--excel");
        assert_eq!(bytes.starts_with(b"\xEF\xBB\xBF"), excel, "{variant:?}");
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text.contains("\r\n"), excel, "{variant:?}");
        assert!(text.contains("'=HYPERLINK") && text.contains("'-2+3") && text.contains("'@cat"), "{text}");
        let (stdout, _) = market.run_ok(&["gig", "import", path.to_str().unwrap(), "--as", "layla", "-o", "json"]);
        let summary: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(summary["unchanged"], summary["rows"], "{variant:?}: {summary}");
        assert_eq!(summary["rows"], 7, "{variant:?}");
        assert_eq!(market.snapshot(), before, "{variant:?}");
    }
    let gig = market.gig_by_sku("f1");
    assert_eq!(gig["title"], "=HYPERLINK(\"#A1\",\"اضغط\")");
    assert_eq!(gig["description"], "-2+3\n'@x");
}

/// No CSV souq writes starts a cell with what a spreadsheet runs: `-o csv` of every list and
/// record (gigs, search, users, orders, disputes), the --rejects file; `--excel` adds the byte
/// order mark there too (report CSVs included).
#[test]
fn no_csv_souq_writes_holds_a_formula() {
    let market = seller_market();
    market.ok(&[
        "gig",
        "create",
        "--as",
        "layla",
        "--title",
        "=HYPERLINK(\"#A1\",\"اضغط هنا\")",
        "--description=-2+3+cmd|' /C calc'!A0",
        "--price",
        "20",
        "--days",
        "3",
        "--category",
        "@SUM(1)",
        "--tags",
        "+x",
    ]);
    market.ok(&["wallet", "deposit", "noura", "100", "--method", "paypal", "--ref", "dep-noura", "--as", "admin"]);
    market.ok(&["order", "place", "2", "--as", "noura"]);
    market.ok(&["dispute", "open", "1", "--reason", "=HYPERLINK(\"#x\",\"refund\")", "--as", "noura"]);
    let rejects = market.path("rejects.csv");
    let bad = market.path("bad.csv");
    std::fs::write(&bad, "sku,title,price,delivery_days\n=1+1,@bad title,+5,=2\n").unwrap();
    market.ok(&[
        "gig",
        "import",
        bad.to_str().unwrap(),
        "--as",
        "layla",
        "--skip-invalid",
        "--rejects",
        rejects.to_str().unwrap(),
    ]);
    let commands: &[&[&str]] = &[
        &["gig", "list"],
        &["gig", "show", "2"],
        &["gig", "search", "اضغط"],
        &["user", "list", "--as", "admin"],
        &["user", "show", "noura", "--as", "admin"],
        &["order", "list", "--as", "admin"],
        &["order", "show", "1", "--as", "admin"],
        &["dispute", "list", "--as", "admin"],
        &["dispute", "show", "1", "--as", "admin"],
    ];
    let mut outputs = vec![("rejects".to_string(), std::fs::read_to_string(&rejects).unwrap())];
    for args in commands {
        let mut all = args.to_vec();
        all.extend(["-o", "csv"]);
        outputs.push((args.join(" "), market.ok(&all)));
        let excel = market.cmd().args(*args).arg("--excel").output().unwrap().stdout;
        assert!(excel.starts_with(b"\xEF\xBB\xBFid,") || excel.starts_with(b"\xEF\xBB\xBFfield"), "{args:?}");
    }
    let report =
        market.cmd().args(["report", "sales", "--excel", "--delimiter", ";", "--as", "admin"]).output().unwrap().stdout;
    assert!(report.starts_with(b"\xEF\xBB\xBFperiod;"), "{}", String::from_utf8_lossy(&report));
    let mut formulas_seen = 0;
    for (what, csv) in outputs {
        for record in csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(csv.as_bytes()).records()
        {
            for cell in record.unwrap().iter() {
                let risky = cell.starts_with(['=', '+', '@', '\t', '\r'])
                    || (cell.starts_with('-') && cell[1..].parse::<f64>().is_err());
                assert!(!risky, "{what}: a cell a spreadsheet would run: {cell:?}\n{csv}");
                formulas_seen +=
                    usize::from(cell.starts_with("'=") || cell.starts_with("'@") || cell.starts_with("'+"));
            }
        }
    }
    assert!(formulas_seen >= 10, "the escaped cells are there: {formulas_seen}");
}

/// The rejects file of a sheet read as UTF-16 with tabs is UTF-8 with the sheet's own separator
/// (for Excel, with --excel, its byte order mark and CRLF), and imports once the rows are fixed.
#[test]
fn rejects_of_a_utf16_sheet_reimport_once_fixed() {
    let market = Market::with_gig(); // max_gig_price 1000: the 1٬250 gig is a bad row
    let rejects = market.path("rejects.txt");
    let sheet = sample("gigs-excel-unicode-text.txt");
    let (_, stderr) = market.run_ok(&[
        "gig",
        "import",
        &sheet,
        "--as",
        "layla",
        "--skip-invalid",
        "--rejects",
        rejects.to_str().unwrap(),
        "--excel",
    ]);
    assert!(stderr.contains("4 created") && stderr.contains("1 invalid"), "{stderr}");
    let text = String::from_utf8(std::fs::read(&rejects).unwrap()).unwrap();
    let text = text.strip_prefix('\u{FEFF}').expect("a byte order mark for Excel");
    assert!(text.starts_with("sku\ttitle\tdescription\tcategory\tprice\tdelivery_days\ttags\treason\r\n"), "{text}");
    assert!(text.contains("site\tمتجر إلكتروني كامل\t") && text.contains("column price"), "{text}");
    std::fs::write(&rejects, text.replace("1٬250", "٩٩٩")).unwrap();
    market.ok(&["gig", "import", rejects.to_str().unwrap(), "--as", "layla"]);
    assert_eq!(market.gig_by_sku("site")["price_cents"], 99_900);
}

/// souq's `--excel --delimiter ';'` export, opened in LibreOffice Calc and saved again (a real
/// Calc save, tests/samples/make-libreoffice.sh): the escaped formulas stay text in Calc, and
/// importing the file Calc wrote changes nothing.
#[test]
fn an_export_resaved_by_libreoffice_imports_unchanged() {
    let market = seller_market();
    market.ok(&["gig", "import", &sample("gigs-excel-csv-utf8.csv"), "--as", "layla"]);
    market.ok(&["gig", "import", &sample("formulas.csv"), "--as", "layla"]);
    let before = market.snapshot();
    let (stdout, _) = market.run_ok(&[
        "gig",
        "import",
        &sample("gigs-souq-excel-export-resaved-by-libreoffice.csv"),
        "--as",
        "layla",
        "-o",
        "json",
    ]);
    let summary: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!((summary["rows"].as_u64(), summary["unchanged"].as_u64()), (Some(6), Some(6)), "{summary}");
    assert_eq!(market.snapshot(), before);
    assert_eq!(market.gig_by_sku("f1")["tags"], serde_json::json!(["+x", "'=y"]));
}
