//! Links the souq binary as a fixed-address (non-PIE) executable, for its start-up time.
//!
//! As a PIE, every start applied 32,000 relocations and so copied 150 pages of vtables and
//! string tables (.data.rel.ro) before main: 160 of the 380 page faults of `gig show`, a third
//! of its CPU (4.0 ms -> 2.8 ms task-clock; bench/writers.sh and issue 15). The cost: the binary's
//! own code loses address randomisation (its libraries, stack and heap keep theirs); souq
//! runs local commands on local files, with no network input.
fn main() {
    println!("cargo:rustc-link-arg-bins=-no-pie");
}
