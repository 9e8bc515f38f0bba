//! One compile-fail case per mistake, grouped by kind under `ui/`, and the
//! cases that must compile under `pass/`. The `.stderr` snapshots were written
//! with the rustc named in `ui-tests/README.md`; regenerate them with
//! `TRYBUILD=overwrite cargo test -p featuregate-ui-tests` and read the diff.

// The snapshots quote the compiler: on another version the test is skipped
// rather than failing on rustc's wording (see ui-tests/README.md).
#[rustversion::attr(
    not(stable(1.95)),
    ignore = "the .stderr snapshots were written with rustc 1.95"
)]
#[test]
fn ui() {
    trybuild::TestCases::new().compile_fail("ui/*/*.rs");
}

/// What must compile does so on any rustc: these cases quote no compiler.
#[test]
fn pass() {
    trybuild::TestCases::new().pass("pass/*.rs");
}
