//! The README runs: every `souq` line of its examples, in order, on a fresh database, exits 0
//! (or the exit its `# exit N` comment documents), so the README cannot drift from the binary.

mod common;

use std::path::Path;

/// The `souq` lines of README.md's indented code blocks, in order, with the exit each expects.
/// A block right after a `<!-- not run: why -->` line is a reference and is left out.
fn steps(readme: &str) -> Vec<(usize, String, i32)> {
    let mut steps = Vec::new();
    let (mut skip_next, mut in_block, mut skipping) = (false, false, false);
    for (number, line) in readme.lines().enumerate() {
        if line.starts_with("<!-- not run") {
            skip_next = true;
        } else if let Some(code) = line.strip_prefix("    ") {
            if !in_block {
                (in_block, skipping, skip_next) = (true, skip_next, false);
            }
            let command = code.trim();
            if !skipping && command.starts_with("souq ") {
                let exit = command
                    .split_once("# exit ")
                    .and_then(|(_, rest)| rest.split_whitespace().next()?.parse().ok())
                    .unwrap_or(0);
                steps.push((number + 1, command.to_string(), exit));
            }
        } else if !line.trim().is_empty() {
            in_block = false;
        }
    }
    steps
}

#[test]
fn the_readme_examples_run_in_order_on_a_fresh_database() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let steps = steps(&readme);
    assert!(steps.len() >= 25, "only {} runnable lines found", steps.len());
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("examples")).unwrap();
    for example in ["gigs.csv", "moderation.yaml", "settlement.csv", "demo.yaml"] {
        std::fs::copy(root.join("examples").join(example), dir.path().join("examples").join(example)).unwrap();
    }
    // the reader's own file, attached to a delivery
    std::fs::write(dir.path().join("translation.docx"), b"PK\x03\x04 a translated document").unwrap();
    let souq = assert_cmd::cargo::cargo_bin("souq");
    let path = format!("{}:{}", souq.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    for (line, command, expected) in steps {
        let out = std::process::Command::new("bash")
            .args(["-c", &command])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env_remove("SOUQ_DB")
            .env_remove("SOUQ_USER")
            .env_remove("SOUQ_OUTPUT")
            .env("SOUQ_NOW", common::T0)
            .env("USER", "tester")
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(expected),
            "README.md line {line}: `{command}` exited {:?}, the README says {expected}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // the walkthrough's delivered files landed, once each
    let delivered: Vec<_> = std::fs::read_dir(dir.path().join("delivered")).unwrap().collect();
    assert_eq!(delivered.len(), 2, "two deliveries of translation.docx, each prefixed with its delivery id");
}

#[test]
fn order_files_makes_the_folder_and_a_rerun_skips_what_is_there() {
    let market = common::Market::with_order();
    std::fs::write(market.path("a.txt"), "first").unwrap();
    market.ok(&["order", "deliver", "1", "--message", "done", "--attach", "a.txt", "--as", "layla"]);
    let to = market.path("new/nested");
    let to = to.to_str().unwrap();
    let first = market.json(&["order", "files", "1", "--to", to, "--as", "noura"]);
    assert_eq!(first[0]["already_there"], false);
    assert_eq!(std::fs::read_to_string(market.path("new/nested/a.txt")).unwrap(), "first");
    let again = market.json(&["order", "files", "1", "--to", to, "--as", "noura"]);
    assert_eq!(again[0]["already_there"], true);
    std::fs::write(market.path("new/nested/a.txt"), "changed by hand").unwrap();
    market.fails(4, &["order", "files", "1", "--to", to, "--as", "noura"]);
    assert_eq!(std::fs::read_to_string(market.path("new/nested/a.txt")).unwrap(), "changed by hand");
}
