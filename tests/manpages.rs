//! The committed man pages must match what the binary generates now, page for page.

use assert_cmd::Command;

#[test]
fn committed_man_pages_are_current() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let fresh = tempfile::tempdir().unwrap();
    Command::cargo_bin("souq").unwrap().arg("manpages").arg(fresh.path()).assert().success();
    let pages = |dir: &std::path::Path| {
        let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "1"))
            .map(|path| (path.file_name().unwrap().to_string_lossy().to_string(), std::fs::read(&path).unwrap()))
            .collect();
        pages.sort();
        pages
    };
    let generated = pages(fresh.path());
    assert!(generated.iter().any(|(name, _)| name == "souq-gig-create.1"), "one page per command");
    let committed = pages(&root.join("man"));
    let names = |pages: &[(String, Vec<u8>)]| pages.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&committed), names(&generated), "man/ is stale: run ./man/refresh.sh and commit the result");
    for ((name, committed), (_, generated)) in committed.iter().zip(&generated) {
        assert!(committed == generated, "man/{name} is stale: run ./man/refresh.sh and commit the result");
    }
}
