//! Links the `souq` binary with packed relative relocations (DT_RELR, GNU ld 2.38+ and glibc
//! 2.36+): the position-independent binary (kept for ASLR) otherwise carries 35,000 relocation
//! entries (830 KB) that the loader reads and applies at every start, a sixth of a `gig show`.
fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.ends_with("-linux-gnu") {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
