//! A doc comment over 64 KiB compiles and is the gate's whole description,
//! also when rustc hands it to the attribute unexpanded (`include_str!`).
use featuregate::{FeatureGate, feature_gate};

/// The first line, from a `///` comment.
#[doc = include_str!("long-doc-comment.md")]
#[feature_gate(state = Beta)]
pub struct LongDescription;

fn main() {
    let description = LongDescription::GATE.description().unwrap();
    assert!(description.len() > 70_000, "{}", description.len());
    assert!(description.starts_with("The first line, from a `///` comment.\n# A description longer than 64 KiB\n"));
    assert!(description.ends_with("The end.\n"));
    assert_eq!(LongDescription::GATE.name(), "LongDescription");
    assert!(LongDescription::GATE.location().file.ends_with("long-doc-comment.rs"));
}
