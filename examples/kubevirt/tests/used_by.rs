//! The two gates KubeVirt checks against a VMI spec (its `VmiSpecUsed`) answer
//! for the example's `VmSpec`, and only for it.

use featuregate::{FeatureGate, GateConfig, Options, registry};
use kubevirt_gates::gates::network::{Macvtap, Passt, PasstBinding};
use kubevirt_gates::{InterfaceBinding, VmSpec};

#[test]
fn macvtap_and_passt_see_their_interface_fields() {
    let plain = VmSpec::default().with_interface("default", InterfaceBinding::Masquerade);
    let macvtap = plain
        .clone()
        .with_interface("net1", InterfaceBinding::Macvtap);
    let passt = VmSpec::default().with_interface("default", InterfaceBinding::Passt);

    assert_eq!(Macvtap::GATE.is_used_by(&plain), Some(false));
    assert_eq!(Macvtap::GATE.is_used_by(&macvtap), Some(true));
    assert_eq!(Macvtap::GATE.is_used_by(&passt), Some(false));
    assert_eq!(Passt::GATE.is_used_by(&passt), Some(true));
    assert_eq!(Passt::GATE.is_used_by(&macvtap), Some(false));

    // A binding plugin named "passt" is not the discontinued field.
    let plugin =
        VmSpec::default().with_interface("default", InterfaceBinding::Plugin("passt".into()));
    assert_eq!(Passt::GATE.is_used_by(&plugin), Some(false));
}

#[test]
fn gates_without_a_predicate_or_another_type_answer_none() {
    let spec = VmSpec::default().with_interface("default", InterfaceBinding::Passt);
    assert_eq!(PasstBinding::GATE.is_used_by(&spec), None);
    assert_eq!(Passt::GATE.is_used_by(&"a string, not a VmSpec"), None);
}

#[test]
fn registry_used_by_lists_the_gates_a_spec_uses() {
    let spec = VmSpec::default()
        .with_interface("default", InterfaceBinding::Passt)
        .with_interface("net1", InterfaceBinding::Macvtap);
    let names: Vec<&str> = registry()
        .used_by(&spec)
        .unwrap()
        .iter()
        .map(|g| g.name())
        .collect();
    assert_eq!(names, ["Macvtap", "Passt"]);
    assert_eq!(registry().used_by(&VmSpec::default()), Ok(vec![]));
}

#[test]
fn admission_rejects_a_spec_that_uses_a_discontinued_binding() {
    // As KubeVirt's admission does: Macvtap is discontinued, so a VM that
    // still asks for it is refused, even with the gate listed as enabled.
    let config = GateConfig::parse("Macvtap").unwrap();
    let set = registry().evaluate(&config, &Options::default()).unwrap();
    let spec = VmSpec::default().with_interface("net1", InterfaceBinding::Macvtap);
    let error = set.check_spec(&spec).unwrap_err().to_string();
    assert!(error.contains("Macvtap"), "{error}");

    let plain = VmSpec::default().with_interface("default", InterfaceBinding::Masquerade);
    assert_eq!(set.check_spec(&plain).unwrap(), []);
}
