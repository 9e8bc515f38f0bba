//! `FEATURE-GATES.md` holds the support matrix and the requirement graph
//! rendered from the catalogue; this test fails when either drifts from the
//! code. Rewrite them with
//! `FEATUREGATE_BLESS=1 cargo test -p kubevirt-gates --test feature_gates_doc`.

use featuregate::registry;
// The gates register themselves when the library is linked.
use kubevirt_gates as _;

const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/FEATURE-GATES.md");

#[test]
fn feature_gates_md_is_current() {
    featuregate::report::assert_docs(registry(), DOC);
}

#[test]
fn requirement_graph_is_current() {
    featuregate::report::assert_block("graph", &registry().graph().to_markdown(), DOC);
}
