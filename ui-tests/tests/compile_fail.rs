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

/// No message of the attribute sends a user into the library's files: no
/// snapshot quotes a source file of the workspace beside the case itself
/// (trybuild writes those `$WORKSPACE/...`) or of the standard library
/// (`$RUST/...`).
#[test]
fn no_snapshot_points_into_the_library() {
    let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let mut read = 0;
    for kind in std::fs::read_dir(&ui).expect("ui/ is readable") {
        let kind = kind.expect("a directory entry").path();
        for case in std::fs::read_dir(&kind).expect("a ui/ folder is readable") {
            let case = case.expect("a directory entry").path();
            if case.extension().is_none_or(|e| e != "stderr") {
                continue;
            }
            let text = std::fs::read_to_string(&case).expect("a snapshot is readable");
            for marker in ["$WORKSPACE", "$RUST"] {
                assert!(
                    !text.contains(marker),
                    "{} points into {marker}",
                    case.display()
                );
            }
            read += 1;
        }
    }
    assert!(read > 50, "only {read} snapshots read");
}
