//! The output contract for scripts (README, "For scripts: the output contract"), checked on every
//! command of the clap tree against the demo marketplace: field names, ids, money, counts and
//! lists, the same names in tables, CSV and JSON, and `replayed` on every idempotent command.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::Market;
use serde_json::Value;

/// Commands whose output is not records, so the contract has nothing to say about them.
const EXEMPT: &[(&str, &str)] = &[
    ("help", "prints help text"),
    ("completions", "prints a shell script"),
    ("init", "creates the database; tests/cli.rs covers it"),
    ("demo", "builds the marketplace this test runs on"),
    ("backup", "copies the database to a file the user names"),
    ("migrate-to", "needs a PostgreSQL server; tests/migrate.rs covers it"),
    ("config export", "prints the policy as YAML, the file format config import reads"),
    ("gig export", "prints the gig file format gig import reads"),
    ("gig synonyms export", "prints the YAML file gig synonyms import reads"),
    ("moderate rules export", "prints the YAML file moderate rules import reads"),
    ("payout export", "prints the provider's upload file, whose format is the provider's"),
];

/// Idempotent commands: run twice, the second run says `replayed: true`.
const IDEMPOTENT: &[&str] =
    &["order place", "wallet deposit", "wallet import-deposits", "payout run", "payout reconcile"];

/// Money words: a key made of one of these (or ending `_` and one) holds money and must end
/// `_cents`. (`pending` is not one: reconcile counts pending rows.)
const MONEY_WORDS: &[&str] =
    &["amount", "price", "total", "gross", "fee", "fees", "net", "refund", "credit", "available", "balance"];

/// Objects keyed by data, not by field names: their keys are exempt from the naming rules.
const KEYED_BY_DATA: &[(&str, &str)] = &[(".by_rule", "moderate scan's matches per rule, keyed by the rule's id")];

/// Table columns that summarise several fields for people and have no one field's name.
const TABLE_ONLY: &[(&str, &str)] = &[("moderate rules show", "matches")];

/// Every leaf command of `souq --help`, recursively ("gig synonyms import").
fn leaf_commands(market: &Market, path: &mut Vec<String>, found: &mut Vec<String>) {
    let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
    args.push("--help");
    let help = market.ok(&args);
    let subcommands: Vec<String> = help
        .split("Commands:\n")
        .nth(1)
        .map(|section| {
            section
                .lines()
                .take_while(|line| line.starts_with("  "))
                // a description's continuation is indented further than the names
                .filter(|line| !line[2..].starts_with(' '))
                .filter_map(|line| line.split_whitespace().next())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    if subcommands.is_empty() {
        found.push(path.join(" "));
    }
    for name in subcommands {
        path.push(name);
        leaf_commands(market, path, found);
        path.pop();
    }
}

/// How each command is run on the demo marketplace, in order (later ones change it). Words in
/// capitals are filled in as the run goes: files the test wrote, ids earlier commands made.
const RUNS: &[(&str, &str)] = &[
    ("audit", "audit"),
    ("config show", "config show"),
    ("user list", "user list --as admin"),
    ("user show", "user show layla --as admin"),
    ("gig list", "gig list"),
    ("gig show", "gig show 1"),
    ("gig search", "gig search logo"),
    ("order list", "order list --as admin"),
    ("order show", "order show 1 --as admin"),
    ("dispute list", "dispute list --as admin"),
    ("dispute show", "dispute show 1 --as admin"),
    ("wallet show", "wallet show layla --as admin"),
    ("wallet history", "wallet history layla --as admin"),
    ("wallet statement", "wallet statement layla --month MONTH --as admin"),
    ("ledger journal", "ledger journal --as admin"),
    ("report sales", "report sales --as admin"),
    ("report sellers", "report sellers --as admin"),
    ("payout list", "payout list --as admin"),
    ("payout show", "payout show 1 --as admin"),
    ("events", "events --as admin"),
    ("moderate queue", "moderate queue --status all --as admin"),
    ("moderate rules show", "moderate rules show --as admin"),
    ("moderate scan", "moderate scan --as admin"),
    ("tick", "tick --dry-run --as admin"),
    ("config set", "config set min_payout 10 --as admin"),
    ("config import", "config import POLICY --as admin"),
    ("moderate rules import", "moderate rules import RULES --as admin"),
    ("gig synonyms import", "gig synonyms import SYNONYMS --as admin"),
    ("user add", "user add rania --email rania@example.com --as admin"),
    ("user set-payout", "user set-payout rania --method paypal --account rania@example.com --as admin"),
    ("user suspend", "user suspend james --reason contract --as admin"),
    ("user unsuspend", "user unsuspend james --as admin"),
    ("gig create", "gig create --title Contract --price 12.50 --days 2 --category testing --as rania"),
    ("gig update", "gig update GIG --price 13 --as rania"),
    ("gig pause", "gig pause GIG --as rania"),
    ("gig resume", "gig resume GIG --as rania"),
    ("gig import", "gig import GIGS --as sam"),
    ("wallet deposit", "wallet deposit noura 100 --method paypal --ref PP-contract-0 --as admin"),
    ("wallet import-deposits", "wallet import-deposits DEPOSITS --as admin"),
    ("order place", "order place GIG --key contract-1 --as noura"),
    ("order message", "order message ORDER --message hello --as noura"),
    ("order deliver", "order deliver ORDER --message done --attach DELIVERED --as rania"),
    ("order files", "order files ORDER --to FILES --as noura"),
    ("order revise", "order revise ORDER --message again --as noura"),
    ("dispute open", "dispute open ORDER --reason wrong --as noura"),
    ("dispute comment", "dispute comment DISPUTE looking --as rania"),
    ("dispute resolve", "dispute resolve DISPUTE --release --yes --as admin"),
    ("order complete", "order complete SECOND --as noura"),
    ("order review", "order review SECOND --rating 4 --as noura"),
    ("order reply", "order reply SECOND thanks --as rania"),
    ("order cancel", "order cancel 2 --reason late --as noura"),
    ("moderate approve", "moderate approve HELD --reason fine --as admin"),
    ("moderate reject", "moderate reject HELD2 --reason spam --as admin"),
    ("payout run", "payout run --key contract-batch --min 1 --yes --as admin"),
    ("payout reconcile", "payout reconcile BATCH RESULTS --as admin"),
    // last: its steps' times are the newest of the marketplace's
    ("fixtures", "fixtures FIXTURE"),
];

/// Writes the files the commands read, and sets up what a command needs before it runs (an
/// order delivered to complete, a held gig to decide on, a result file for the new batch).
fn prepare(market: &Market, name: &str, vars: &mut BTreeMap<&'static str, String>) {
    let write = |file: &str, text: &str| {
        let path = market.path(file);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    match name {
        "audit" => {
            vars.insert("POLICY", write("policy.yaml", &market.ok(&["config", "export"])));
            vars.insert("RULES", write("rules.yaml", &market.ok(&["moderate", "rules", "export"])));
            vars.insert("SYNONYMS", write("synonyms.yaml", &market.ok(&["gig", "synonyms", "export"])));
            let gigs = market.ok(&["gig", "export", "--seller", "sam", "--as", "admin"]);
            vars.insert("GIGS", write("gigs.csv", &gigs));
            let deposits = "username,amount,method,reference\nnoura,25,paypal,PP-contract-1\n";
            vars.insert("DEPOSITS", write("deposits.csv", deposits));
            vars.insert("DELIVERED", write("delivered.txt", "the work"));
            vars.insert("FILES", market.path("files").to_str().unwrap().to_string());
            vars.insert("MONTH", market.now[..7].to_string());
            let fixture = format!(
                "start: {}\nadmin: admin\nsteps:\n  - user: {{name: hala, email: hala@example.com}}\n  \
                 - deposit: {{user: hala, amount: 40, method: paypal, reference: PP-contract-fixture}}\n",
                market.now
            );
            vars.insert("FIXTURE", write("fixture.yaml", &fixture));
        }
        "order complete" => {
            let second = market.json(&["order", "place", &vars["GIG"], "--as", "noura"])["id"].to_string();
            market.ok(&["order", "deliver", &second, "--message", "done", "--as", "rania"]);
            vars.insert("SECOND", second);
        }
        "moderate approve" => {
            for var in ["HELD", "HELD2"] {
                let args = ["gig", "create", "--title", "Call me", "--price", "10", "--days", "1", "--as", "rania"];
                let mut args = args.to_vec();
                args.extend(["--description", "call 050 123 45 67"]);
                vars.insert(var, format!("gig:{}", market.json(&args)["id"]));
            }
        }
        "payout reconcile" => {
            let items = market.json(&["payout", "show", &vars["BATCH"], "--items", "--as", "admin"]);
            let mut results = String::from("item_ref,status\n");
            for item in items.as_array().unwrap() {
                results.push_str(&format!("{},SUCCESS\n", item["item_ref"].as_str().unwrap()));
            }
            vars.insert("RESULTS", write("results.csv", &results));
        }
        _ => {}
    }
}

/// What a command made that later ones use.
fn remember(name: &str, json: &Value, vars: &mut BTreeMap<&'static str, String>) {
    let var = match name {
        "gig create" => "GIG",
        "order place" => "ORDER",
        "dispute open" => "DISPUTE",
        "payout run" => "BATCH",
        _ => return,
    };
    vars.insert(var, json["id"].to_string());
}

fn is_snake_case(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Every rule a JSON value must keep, with `kinds` collecting each key's kind (list or not) to
/// check across commands that no name is a count in one place and a list in another.
fn check(
    command: &str,
    path: &str,
    value: &Value,
    kinds: &mut BTreeMap<String, BTreeSet<String>>,
    problems: &mut Vec<String>,
) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| check(command, path, item, kinds, problems)),
        Value::Object(object) => {
            for (key, inner) in object {
                let at = format!("{command}: {path}.{key}");
                if KEYED_BY_DATA.iter().any(|(keyed, _)| path.ends_with(keyed)) {
                    continue;
                }
                if !is_snake_case(key) {
                    problems.push(format!("{at}: not snake_case"));
                }
                if key.ends_with("_id") && !(inner.is_i64() || inner.is_null()) {
                    problems.push(format!("{at}: an id that is not an integer: {inner}"));
                }
                if key.ends_with("_cents") && !(inner.is_i64() || inner.is_null()) {
                    problems.push(format!("{at}: money that is not integer cents: {inner}"));
                }
                let last = key.rsplit('_').next().unwrap_or(key);
                if (MONEY_WORDS.contains(&key.as_str()) || MONEY_WORDS.contains(&last)) && !inner.is_object() {
                    problems.push(format!("{at}: money without _cents"));
                }
                if key.ends_with("_count") && !inner.is_i64() {
                    problems.push(format!("{at}: a count that is not an integer"));
                }
                let kind = match inner {
                    Value::Array(_) => "list",
                    Value::Number(_) => "number",
                    Value::Null => continue,
                    _ => "other",
                };
                kinds.entry(key.clone()).or_default().insert(format!("{kind} ({command})"));
                check(command, &format!("{path}.{key}"), inner, kinds, problems);
            }
        }
        _ => {}
    }
}

/// A table's column headings (its first line of text between the box lines).
fn table_headings(table: &str) -> Vec<String> {
    let line = table.lines().find(|line| line.chars().any(char::is_alphanumeric)).unwrap_or_default();
    line.split(['│', '┆', '|']).map(str::trim).filter(|cell| !cell.is_empty()).map(str::to_string).collect()
}

/// A table heading is its field's name, without `_cents` for money.
fn heading_of(field: &str) -> String {
    field.strip_suffix("_cents").unwrap_or(field).to_string()
}

#[test]
fn every_command_keeps_the_output_contract() {
    let market = Market::empty();
    market.ok(&["demo", "--db", &market.db]);
    let mut leaves = Vec::new();
    leaf_commands(&market, &mut Vec::new(), &mut leaves);
    let covered: BTreeSet<&str> = RUNS.iter().chain(EXEMPT).map(|(name, _)| *name).collect();
    let uncovered: Vec<&String> = leaves.iter().filter(|leaf| !covered.contains(leaf.as_str())).collect();
    assert!(
        uncovered.is_empty(),
        "commands the contract test does not run (run them, or exempt them with a reason): {uncovered:?}"
    );
    let stale: Vec<&&str> = covered.iter().filter(|name| !leaves.iter().any(|leaf| leaf == *name)).collect();
    assert!(stale.is_empty(), "the contract test names commands that no longer exist: {stale:?}");

    let mut problems = Vec::new();
    let mut kinds = BTreeMap::new();
    let mut vars = BTreeMap::new();
    // the runs before `config set` change nothing, so each can run again as CSV and as a table
    let read_only = RUNS.iter().position(|(name, _)| *name == "config set").unwrap();
    for (index, (name, line)) in RUNS.iter().enumerate() {
        prepare(&market, name, &mut vars);
        let args: Vec<String> =
            line.split(' ').map(|word| vars.get(word).cloned().unwrap_or_else(|| word.to_string())).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let json = market.json(&args);
        check(name, "", &json, &mut kinds, &mut problems);
        remember(name, &json, &mut vars);
        if IDEMPOTENT.contains(name) {
            if json["replayed"] != Value::Bool(false) {
                problems.push(format!("{name}: the first run lacks \"replayed\": false"));
            }
            if market.json(&args)["replayed"] != Value::Bool(true) {
                problems.push(format!("{name}: the second run lacks \"replayed\": true"));
            }
        }
        let Value::Array(items) = &json else { continue };
        if index >= read_only {
            continue;
        }
        let Some(Value::Object(first)) = items.first() else { continue };
        // a list: the same names in its CSV header and its table's headings
        let csv = market.ok(&[&args[..], &["-o", "csv"]].concat());
        let header = csv::ReaderBuilder::new().from_reader(csv.as_bytes()).headers().unwrap().clone();
        let mut fields = Vec::new();
        for (key, value) in first {
            match value {
                Value::Object(inner) if header.iter().any(|h| h.starts_with(&format!("{key}."))) => {
                    fields.extend(inner.keys().map(|k| format!("{key}.{k}")))
                }
                _ => fields.push(key.clone()),
            }
        }
        if !header.iter().eq(fields.iter().map(String::as_str)) {
            problems.push(format!("{name}: CSV columns {header:?} are not the JSON fields {fields:?}"));
        }
        let table = market.ok(&[&args[..], &["-o", "wide"]].concat());
        for heading in table_headings(&table) {
            let exempt = TABLE_ONLY.contains(&(*name, heading.as_str()));
            if !exempt && !fields.iter().any(|field| heading_of(field) == heading) {
                problems.push(format!("{name}: table column {heading:?} is no JSON field (of {fields:?})"));
            }
        }
    }
    for (key, seen) in &kinds {
        let lists = seen.iter().filter(|k| k.starts_with("list")).count();
        if lists > 0 && lists < seen.len() {
            problems.push(format!("{key:?} is a list in one place and not in another: {seen:?}"));
        }
    }
    assert!(problems.is_empty(), "the output contract is broken:\n{}", problems.join("\n"));
}
