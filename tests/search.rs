//! `gig search` through the binary: Arabic spelling variants and prefixes, only what can be
//! ordered, an index kept in step with edits, filters and sorting, hostile query text, and
//! the operator's synonym list.

mod common;
use common::Market;
use serde_json::Value;

/// layla's gigs 2..=9 (gig 1 is the fixture's "ترجمة احترافية").
const CATALOGUE: &str = "\
sku,title,description,category,price,delivery_days,tags
en,ترجمة الإنجليزية,نصوص عامة,translation,10,2,
library,تصميم مكتبة رقمية,,design,20,3,
hospital,موقع مستشفى,,programming,30,4,
faq,كتابة أسئلة شائعة,,writing,8,1,
harakat,مُتَرْجِم مُحْتَرِف,,translation,12,2,
tatweel,تـــصـــمـيـم بطاقات,,design,15,2,
digits,باقة ٥٠٠ كلمة,,writing,9,1,
wp,WordPress Speed-Up,Faster pages,programming,40,3,\"cache, seo\"
";

fn market() -> Market {
    let market = Market::with_gig();
    let path = market.path("catalogue.csv");
    std::fs::write(&path, CATALOGUE).unwrap();
    market.ok(&["gig", "import", path.to_str().unwrap(), "--as", "layla"]);
    market
}

fn ids(market: &Market, args: &[&str]) -> Vec<i64> {
    let mut all = vec!["gig", "search"];
    all.extend(args);
    let found: Value = market.json(&all);
    found.as_array().unwrap().iter().map(|g| g["id"].as_i64().unwrap()).collect()
}

#[test]
fn every_spelling_variant_finds_the_gig() {
    let market = market();
    let cases: &[(i64, &[&str])] = &[
        (
            2,
            &["انجليزية", "الانجليزيه", "إنجليزية", "الإنجليزيّة", "بالإنجليزية", "والانجليزية", "للإنجليزية", "الإنـجـليزية"],
        ),
        (3, &["مكتبه", "مكتبة", "المكتبة", "بالمكتبه", "مَكْتَبَة"]),
        (4, &["مستشفي", "المستشفى", "مستشفى"]),
        (5, &["اسئله", "أسئلة", "الأسئلة", "إسئلة"]),
        (6, &["مترجم", "المترجم", "مُتَرجِم", "محترف"]),
        (7, &["تصميم", "التصميم", "تـصـمـيـم", "وتصميم"]),
        (8, &["500", "٥٠٠", "۵۰۰"]),
        (9, &["wordpress", "WORDPRESS", "speed", "up", "cache", "SEO"]),
    ];
    for (id, queries) in cases {
        for query in *queries {
            let found = ids(&market, &[query]);
            assert!(found.contains(id), "{query:?} should find gig {id}, found {found:?}");
        }
    }
}

#[test]
fn a_nonsense_term_finds_nothing() {
    let market = market();
    assert!(ids(&market, &["ززققطط"]).is_empty());
    assert!(ids(&market, &["xyzzyplugh"]).is_empty());
    assert!(ids(&market, &["ترجمة", "xyzzyplugh"]).is_empty(), "every word must match");
}

#[test]
fn the_table_highlights_the_sellers_own_words() {
    let market = market();
    let table = market.ok(&["gig", "search", "انجليزية"]);
    assert!(table.contains("[الإنجليزية]"), "{table}");
    let hit = &market.json(&["gig", "search", "faster"])[0];
    assert_eq!(hit["snippet"], "[Faster] pages");
    assert_eq!(hit["seller"], "layla");
    assert!(hit["score"].is_number());
}

#[test]
fn only_active_gigs_of_active_sellers_are_found() {
    let market = market();
    market.ok(&["gig", "pause", "2", "--as", "layla"]);
    assert!(ids(&market, &["انجليزية"]).is_empty());
    market.ok(&["gig", "resume", "2", "--as", "layla"]);
    assert_eq!(ids(&market, &["انجليزية"]), [2]);
    market.ok(&["user", "suspend", "layla", "--as", "admin"]);
    assert!(ids(&market, &["انجليزية"]).is_empty());
}

#[test]
fn the_index_follows_edits_and_reimports() {
    let market = market();
    market.ok(&["gig", "update", "3", "--as", "layla", "--title", "تصميم قرطاسية"]);
    assert!(!ids(&market, &["مكتبة"]).contains(&3));
    assert_eq!(ids(&market, &["قرطاسية"]), [3]);
    let path = market.path("again.csv");
    std::fs::write(&path, "sku,title,price,delivery_days,tags\nlibrary,تصميم مكتبة,20,3,رفوف\n").unwrap();
    market.ok(&["gig", "import", path.to_str().unwrap(), "--as", "layla"]);
    assert_eq!(ids(&market, &["رفوف"]), [3]);
    assert!(ids(&market, &["قرطاسية"]).is_empty());
}

#[test]
fn filters_sort_and_limit() {
    let market = market();
    assert_eq!(ids(&market, &["تصميم", "--sort", "price"]), [7, 3]);
    assert_eq!(ids(&market, &["تصميم", "--max-price", "16"]), [7]);
    assert_eq!(ids(&market, &["تصميم", "--min-price", "16"]), [3]);
    // by price among the closer matches, then مترجم (6), which only shares ترجمة's root
    assert_eq!(ids(&market, &["ترجمة", "--category", "translation", "--sort", "price"]), [2, 1, 6]);
    assert_eq!(ids(&market, &["تصميم", "--sort", "price", "--limit", "1"]), [7]);
    market.fails(6, &["gig", "search", "تصميم", "--limit", "0"]);
}

#[test]
fn query_text_never_reaches_fts5_syntax() {
    let market = market();
    for query in ["AND", "NEAR(a b", "title:x", "a OR b", "(ترجمة", "^x", "x*", "'; DROP TABLE gigs; --", "-ترجمة"]
    {
        let out = market.cmd().args(["gig", "search", "-o", "json", "--", query]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{query:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(ids(&market, &["(ترجمة"]), ids(&market, &["ترجمة"]));
    for nothing in ["\"", "*", "\"\"", "..."] {
        let stderr = market.fails(6, &["gig", "search", nothing]);
        assert!(stderr.contains("no words"), "{stderr}");
    }
}

#[test]
fn audit_checks_the_index_has_every_gig() {
    let market = market();
    market.ok(&["gig", "update", "3", "--as", "layla", "--title", "تصميم قرطاسية"]);
    market.ok(&["audit"]);
    market.run_sql(match market.engine() {
        souq::db::Engine::Sqlite => "DELETE FROM gigs_fts WHERE rowid = 3",
        souq::db::Engine::Postgres => "DELETE FROM gig_search WHERE gig_id = 3",
    });
    let out = market.cmd().args(["audit", "-o", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(8));
    assert!(String::from_utf8_lossy(&out.stdout).contains("gig 3 is missing from the search index"));
}

#[test]
fn the_operators_synonyms_widen_a_search() {
    let market = market();
    let yaml = market.path("synonyms.yaml");
    // gig 3 is "تصميم مكتبة رقمية", gig 9 "WordPress Speed-Up"
    std::fs::write(&yaml, "synonyms:\n  - [library, مكتبة]\n  - [ووردبريس, wordpress, word press]\n").unwrap();
    assert!(ids(&market, &["library"]).is_empty());
    market.fails(5, &["gig", "synonyms", "import", yaml.to_str().unwrap(), "--as", "layla"]);
    let groups = market.json(&["gig", "synonyms", "import", yaml.to_str().unwrap(), "--as", "admin"]);
    assert_eq!(groups[1]["phrases"], serde_json::json!(["ووردبريس", "wordpress", "word press"]));
    assert_eq!(ids(&market, &["library"])[0], 3, "then كتابة (5), which shares مكتبة's root");
    assert_eq!(ids(&market, &["ووردبريس"]), [9]);
    let exported = market.ok(&["gig", "synonyms", "export"]);
    assert_eq!(
        exported,
        "synonyms:\n  - [\"library\", \"مكتبة\"]\n  - [\"ووردبريس\", \"wordpress\", \"word press\"]\n"
    );
    std::fs::write(&yaml, &exported).unwrap();
    market.ok(&["gig", "synonyms", "import", yaml.to_str().unwrap(), "--as", "admin"]);
    assert_eq!(market.ok(&["gig", "synonyms", "export"]), exported, "export then import changes nothing");
}

#[test]
fn a_bad_synonym_file_changes_nothing() {
    let market = market();
    let yaml = market.path("synonyms.yaml");
    std::fs::write(&yaml, "synonyms:\n  - [logo, شعار]\n").unwrap();
    market.ok(&["gig", "synonyms", "import", yaml.to_str().unwrap(), "--as", "admin"]);
    let before = market.ok(&["gig", "synonyms", "export"]);
    for (bad, says) in [
        ("synonyms:\n  - [cv, resume]\n  - [لوجو]\n", "synonym group 2"),
        ("synonyms:\n  - [cv, \"?!\"]\n", "is not a word"),
        ("synonym: [[cv, resume]]\n", "not a synonym list"),
    ] {
        std::fs::write(&yaml, bad).unwrap();
        let err = market.fails(6, &["gig", "synonyms", "import", yaml.to_str().unwrap(), "--as", "admin"]);
        assert!(err.contains(says), "{bad:?}: {err}");
    }
    assert_eq!(market.ok(&["gig", "synonyms", "export"]), before);
}
