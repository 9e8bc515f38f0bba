//! Gates declared in two crates that this binary never names all arrive in
//! the one registry, with their declarations intact.

// Linking is all these crates get: no item of theirs is used. Without a
// mention rustc would not link them, and their registrations would be lost,
// as with any `inventory`-based registry.
use gates_network as _;
use gates_renamed as _;
use gates_storage as _;

use featuregate::{Arch, State, Support, registry};

#[test]
fn every_crate_registers_its_gates() {
    let names: Vec<_> = registry().iter().map(featuregate::Gate::name).collect();
    assert_eq!(
        names,
        [
            "CrossArchitectureVirtualization",
            "HotplugNICs",
            "HotplugVolumes",
            "ImageVolume",
            "ImageVolumeStreaming",
            "Passt"
        ]
    );
}

#[test]
fn declarations_arrive_intact() {
    let image = registry().get("ImageVolume").expect("storage's gate");
    assert_eq!(image.state(), State::Beta);
    assert_eq!(image.owner(), Some("sig-storage"));
    assert_eq!(image.support(Arch::S390x), Some(Support::Unverified));
    assert_eq!(image.location().module_path, "gates_storage");

    let nics = registry().get("HotplugNICs").expect("network's gate");
    assert_eq!(nics.state(), State::Ga);
    assert_eq!(nics.reason(Arch::Arm64), Some("multus images lack Arm64"));
    assert_eq!(nics.location().module_path, "gates_network");
    assert!(nics.location().file.ends_with("lib.rs"));
}

#[test]
fn a_renamed_dependency_declares_through_the_crate_override() {
    let gate = registry()
        .get("CrossArchitectureVirtualization")
        .expect("declared with crate = ::gatekit");
    assert_eq!(gate.state(), State::Alpha);
    assert_eq!(gate.support(Arch::Arm64), Some(Support::Supported));
}

#[test]
fn a_requirement_across_crates_arrives_as_the_other_crate_s_gate() {
    let streaming = registry()
        .get("ImageVolumeStreaming")
        .expect("network's gate");
    let image = registry().get("ImageVolume").expect("storage's gate");
    let requires: Vec<&featuregate::Gate> = streaming.requires().collect();
    assert_eq!(requires.len(), 1);
    // The very descriptor storage registered, not a copy.
    assert!(std::ptr::eq(requires[0], image));
    assert_eq!(requires[0].location().module_path, "gates_storage");

    let required_by: Vec<&str> = registry()
        .required_by(image)
        .map(featuregate::Gate::name)
        .collect();
    assert_eq!(required_by, ["ImageVolumeStreaming"]);
}
