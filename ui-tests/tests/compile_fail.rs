//! One compile-fail case per mistake, grouped by kind under `ui/`, and the
//! cases that must compile under `pass/`. The `.stderr` snapshots were written
//! with the rustc named in `ui-tests/README.md`; regenerate them with
//! `TRYBUILD=overwrite cargo test -p featuregate-ui-tests` and read the diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*/*.rs");
    cases.pass("pass/*.rs");
}
