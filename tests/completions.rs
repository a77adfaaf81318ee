//! The committed completion scripts must match what the binary generates now.

use assert_cmd::Command;

#[test]
fn committed_completions_are_current() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (shell, file) in [
        ("bash", "souq.bash"),
        ("zsh", "_souq"),
        ("fish", "souq.fish"),
        ("powershell", "_souq.ps1"),
        ("elvish", "souq.elv"),
    ] {
        let generated = Command::cargo_bin("souq").unwrap().args(["completions", shell]).output().unwrap();
        assert!(generated.status.success());
        let committed = std::fs::read(format!("{root}/completions/{file}")).unwrap_or_default();
        assert!(
            committed == generated.stdout,
            "completions/{file} is stale: run ./completions/refresh.sh and commit the result"
        );
    }
}
