//! `FEATURE-GATES.md` is the support matrix rendered from the catalogue; this
//! test fails when they drift apart. Rewrite it with
//! `FEATUREGATE_BLESS=1 cargo test -p kubevirt-gates --test feature_gates_doc`.

// The gates register themselves when the library is linked.
use kubevirt_gates as _;

#[test]
fn feature_gates_md_is_current() {
    featuregate::report::assert_docs(
        featuregate::registry(),
        concat!(env!("CARGO_MANIFEST_DIR"), "/FEATURE-GATES.md"),
    );
}
