//! Exit codes: the one place where an error becomes a code and an `error:` line.

use std::process::ExitCode;

use souq::ErrorKind;

use crate::terminal::{safe, safe_line};

pub const USAGE: u8 = 2;

/// docs/design.md's table, also printed by `souq help exit-codes`.
pub const CODES: &[(u8, &str)] = &[
    (0, "done (also: the same idempotent command run again)"),
    (1, "unexpected failure (I/O, bug)"),
    (2, "usage: bad flags, missing --as, confirmation needed off a terminal"),
    (3, "not found"),
    (4, "not allowed now: state, balance, rule, duplicate key with other fields, a confirmation answered no"),
    (5, "forbidden: the acting user may not do this"),
    (6, "invalid input data: CSV, YAML, amount, date"),
    (7, "database busy past the timeout"),
    (8, "audit found a violation"),
    (crate::terminal::INTERRUPTED, "interrupted: Ctrl-C at a prompt (nothing was done)"),
];

pub fn code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::Internal => 1,
        ErrorKind::Usage => USAGE,
        ErrorKind::NotFound => 3,
        ErrorKind::Conflict => 4,
        ErrorKind::Forbidden => 5,
        ErrorKind::Invalid => 6,
        ErrorKind::Busy => 7,
        ErrorKind::Audit => 8,
    }
}

/// Prints `error: ...` (and `hint: ...`) on stderr and picks the exit code. A reader that
/// went away (`souq events | head`) is not an error: exit 0, quietly.
pub fn report(err: &anyhow::Error) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    if let Some(souq_err) = err.downcast_ref::<souq::Error>() {
        eprintln!("error: {}", safe(souq_err.message()));
        if let Some(hint) = souq_err.hint() {
            eprintln!("hint: {}", safe(hint));
        }
        return ExitCode::from(code(souq_err.kind()));
    }
    eprintln!("error: {}", safe_line(&one_line(err)));
    ExitCode::from(1)
}

/// clap's own errors are usage errors (exit 2), except a value our parser rejected as
/// invalid data (an amount like "1e3"), which keeps its own kind's code.
pub fn report_clap(err: &clap::Error) -> ExitCode {
    if !err.use_stderr() {
        let _ = err.print(); // --help, --version: the text is the output
        return ExitCode::SUCCESS;
    }
    eprint!("{}", safe(&one_line_clap(&err.render().to_string())));
    let inner = std::error::Error::source(err);
    if let Some(souq_err) = inner.and_then(|e| e.downcast_ref::<souq::Error>()) {
        return ExitCode::from(code(souq_err.kind()));
    }
    // an id or count that is not a number is bad input data, as a bad amount is
    if inner.is_some_and(|e| e.is::<std::num::ParseIntError>()) {
        return ExitCode::from(code(ErrorKind::Invalid));
    }
    ExitCode::from(USAGE)
}

/// clap's multi-line error as souq's: one `error:` line (indented details joined onto it), then
/// `hint:` lines for its tip and its usage line; the "For more information" line is dropped.
fn one_line_clap(rendered: &str) -> String {
    let mut error = String::new();
    let mut hints = Vec::new();
    for line in rendered.lines().map(str::trim_end).filter(|l| !l.is_empty()) {
        if let Some(tip) = line.trim_start().strip_prefix("tip: ") {
            hints.push(tip.to_string());
        } else if let Some(usage) = line.strip_prefix("Usage: ") {
            hints.push(format!("usage: {usage}"));
        } else if line.starts_with("For more information") {
            continue;
        } else if error.is_empty() {
            error = line.to_string();
        } else {
            error = format!("{} {}", error.trim_end_matches(':'), line.trim());
        }
    }
    let mut out = format!("{error}\n");
    for hint in hints {
        out.push_str(&format!("hint: {hint}\n"));
    }
    out
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
            || cause.downcast_ref::<csv::Error>().is_some_and(
                |e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
            )
    })
}

fn one_line(err: &anyhow::Error) -> String {
    err.chain().map(ToString::to_string).collect::<Vec<_>>().join(": ").replace('\n', " ")
}
