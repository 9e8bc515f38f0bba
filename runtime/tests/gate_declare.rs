//! Declaring gates with every key, and reading each back from the descriptor.

use featuregate::{Arch, FeatureGate, State, Support, feature_gate, registry};

/// Lets a VM use a container image as a volume.
///
/// Second paragraph.
#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified, s390x = Unverified)]
struct ImageVolume;

#[feature_gate(name = "WorkloadEncryptionSEV", state = Alpha,
               amd64 = Supported, arm64 = Unsupported, s390x = Unsupported)]
struct WorkloadEncryptionSev;

#[feature_gate(state = Alpha)] // no architecture named: support unspecified
struct ExpandDisks;

#[feature_gate(state = Beta, amd64 = Supported, others = Pending("needs CDI"))]
struct Snapshot {}

struct VmSpec {
    pub image_volumes: usize,
}

fn uses_image_volumes(spec: &VmSpec) -> bool {
    spec.image_volumes > 0
}

#[feature_gate(state = GA, message = "custom message", since = "v1.9.0", owner = "sig-storage",
               used_by = uses_image_volumes, riscv64 = Unverified("no hardware"))]
struct Everything;

#[test]
fn keys_read_back() {
    let g = ImageVolume::GATE;
    assert_eq!(g.name(), "ImageVolume");
    assert_eq!(g.state(), State::Beta);
    assert_eq!(
        g.description(),
        Some("Lets a VM use a container image as a volume.\n\nSecond paragraph.")
    );
    assert_eq!(g.support(Arch::Amd64), Some(Support::Supported));
    assert_eq!(g.support(Arch::Arm64), Some(Support::Unverified));
    assert_eq!(g.support(Arch::Ppc64le), None);
    assert_eq!(
        g.message(),
        "feature gate ImageVolume is active (feature state is \"Beta\")"
    );
    assert_eq!(g.location().module_path, "gate_declare");
    assert!(
        g.location().file.ends_with("gate_declare.rs"),
        "{}",
        g.location()
    );
    assert_eq!(g.location().line, 9);
    assert!(ImageVolume::is_enabled());
    assert!(!ExpandDisks::is_enabled());

    assert_eq!(WorkloadEncryptionSev::GATE.name(), "WorkloadEncryptionSEV");
    assert_eq!(ExpandDisks::GATE.support_by_arch().count(), 0);
    let snapshot: Vec<_> = Snapshot::GATE.support_by_arch().collect();
    assert_eq!(snapshot.len(), 5);
    assert_eq!(snapshot[1], (Arch::Arm64, Support::Pending));
    assert_eq!(Snapshot::GATE.reason(Arch::S390x), Some("needs CDI"));
    assert_eq!(Snapshot::GATE.reason(Arch::Amd64), None);

    let e = Everything::GATE;
    assert_eq!(e.state(), State::Ga);
    assert_eq!(e.message(), "custom message");
    assert_eq!(e.since(), Some("v1.9.0"));
    assert_eq!(e.owner(), Some("sig-storage"));
    assert_eq!(e.reason(Arch::Riscv64), Some("no hardware"));
    assert_eq!(e.is_used_by(&VmSpec { image_volumes: 1 }), Some(true));
    assert_eq!(e.is_used_by(&VmSpec { image_volumes: 0 }), Some(false));
    assert_eq!(e.is_used_by(&"another type"), None);
    assert_eq!(
        ImageVolume::GATE.is_used_by(&VmSpec { image_volumes: 1 }),
        None
    );
}

#[test]
fn registry_holds_them_sorted() {
    let names: Vec<_> = registry().iter().map(featuregate::Gate::name).collect();
    assert_eq!(
        names,
        [
            "Everything",
            "ExpandDisks",
            "ImageVolume",
            "IncludedDescription",
            "NulInDescription",
            "Snapshot",
            "WorkloadEncryptionSEV"
        ]
    );
    assert!(std::ptr::eq(
        registry().get("ImageVolume").unwrap(),
        ImageVolume::GATE
    ));
    assert_eq!(registry().suggest("imagevolume"), Some("ImageVolume"));
    assert_eq!(registry().suggest("Snapshto"), Some("Snapshot"));
}

/// Has a NUL: `"\0"` in a doc comment.
#[doc = "and a second line with \0 in it"]
#[feature_gate(state = Alpha)]
struct NulInDescription;

/// Before the included text.
#[doc = include_str!("fixtures/declare-description.md")]
/// After it.
#[feature_gate(state = Alpha)]
struct IncludedDescription;

#[test]
fn a_description_may_hold_anything_and_the_location_stays_intact() {
    let g = NulInDescription::GATE;
    assert_eq!(
        g.description(),
        Some("Has a NUL: `\"\\0\"` in a doc comment.\nand a second line with \0 in it")
    );
    assert_eq!(g.location().module_path, "gate_declare");
    assert!(g.location().file.ends_with("gate_declare.rs"));

    let g = IncludedDescription::GATE;
    assert_eq!(
        g.description(),
        Some(
            "Before the included text.\nIncluded from a file, as rustc hands it over unexpanded.\n\nAfter it."
        )
    );
    assert_eq!(g.location().module_path, "gate_declare");
}

/// A code the runtime does not know (the macro of another version, say)
/// is refused, not read as the nearest state: in const evaluation that
/// fails the build.
#[test]
#[should_panic(expected = "unknown state code")]
fn an_unknown_state_code_is_refused() {
    let _ = featuregate::__private::Gate::__new("\0\0", [0; 14], 5, 0, None);
}

#[test]
#[should_panic(expected = "unknown support code")]
fn an_unknown_support_code_is_refused() {
    let _ = featuregate::__private::Gate::__new("\0\0", [0; 14], 5 << 3, 0, None);
}
