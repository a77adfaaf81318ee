//! Search quality through the binary, on a labelled query set (tests/search_corpus): the
//! share of the gigs buyers should find that `gig search` finds, per kind of query, and
//! whether the first results of a plain query stay on its topic.

mod common;
use std::collections::{BTreeMap, HashMap};

use common::Market;
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search_corpus");
const SYNONYMS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/synonyms.yaml");

/// Below these the test fails: overall recall, and recall of the weakest category.
const MIN_RECALL: f64 = 0.90;
const MIN_CATEGORY_RECALL: f64 = 0.75;

/// The catalogue's gigs, and the operator's synonym list from examples/.
fn market() -> (Market, HashMap<String, String>) {
    let market = Market::new();
    market.ok(&["user", "add", "layla"]);
    market.ok(&["gig", "import", &format!("{CORPUS}/catalogue.csv"), "--as", "layla"]);
    market.ok(&["gig", "synonyms", "import", SYNONYMS, "--as", "admin"]);
    let mut categories = HashMap::new();
    let mut reader = csv::Reader::from_path(format!("{CORPUS}/catalogue.csv")).unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        categories.insert(record[0].to_string(), record[3].to_string());
    }
    (market, categories)
}

/// The skus `gig search QUERY` finds, best first.
fn found(market: &Market, query: &str) -> Vec<String> {
    let hits: Value = market.json(&["gig", "search", query, "--limit", "100"]);
    hits.as_array().unwrap().iter().map(|hit| hit["sku"].as_str().unwrap().to_string()).collect()
}

/// The rows of a tab-separated corpus file, comment lines left out.
fn rows(name: &str) -> Vec<Vec<String>> {
    std::fs::read_to_string(format!("{CORPUS}/{name}"))
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn buyers_find_what_they_type_for() {
    let (market, _) = market();
    // category -> (gigs found, gigs expected)
    let mut recall: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for row in rows("queries.tsv") {
        let [category, query, skus] = &row[..] else { panic!("queries.tsv: 3 columns expected, got {row:?}") };
        let hits = found(&market, query);
        let entry = recall.entry(category.clone()).or_default();
        for sku in skus.split_whitespace() {
            entry.1 += 1;
            if hits.iter().any(|hit| hit == sku) {
                entry.0 += 1;
            } else {
                misses.push(format!("{category}: {query:?} misses {sku}"));
            }
        }
    }
    let (found_all, expected_all) = recall.values().fold((0, 0), |(f, e), (cf, ce)| (f + cf, e + ce));
    let overall = found_all as f64 / expected_all as f64;
    println!("{:<10} {:>6} {:>9}", "category", "recall", "found");
    for (category, (found, expected)) in &recall {
        println!("{category:<10} {:>6.2} {:>4}/{:<4}", *found as f64 / *expected as f64, found, expected);
    }
    println!("{:<10} {overall:>6.2} {found_all:>4}/{expected_all:<4}", "overall");
    println!("{}", misses.join("\n"));
    let weakest = recall.iter().map(|(c, (f, e))| (*f as f64 / *e as f64, c)).min_by(|a, b| a.0.total_cmp(&b.0));
    assert!(overall >= MIN_RECALL, "overall recall {overall:.2} is below {MIN_RECALL}");
    let (lowest, category) = weakest.unwrap();
    assert!(lowest >= MIN_CATEGORY_RECALL, "recall of {category} is {lowest:.2}, below {MIN_CATEGORY_RECALL}");
}

#[test]
fn the_first_three_results_of_a_plain_query_stay_on_topic() {
    let (market, categories) = market();
    let mut off_topic = Vec::new();
    for row in rows("precision.tsv") {
        let [query, allowed] = &row[..] else { panic!("precision.tsv: 2 columns expected, got {row:?}") };
        let hits = found(&market, query);
        assert!(!hits.is_empty(), "{query:?} finds nothing");
        for sku in hits.iter().take(3) {
            if !allowed.split_whitespace().any(|a| a == categories[sku]) {
                off_topic.push(format!("{query:?} shows {sku} ({}) in its top 3: {hits:?}", categories[sku]));
            }
        }
    }
    assert!(off_topic.is_empty(), "{}", off_topic.join("\n"));
}
