//! KubeVirt's admission of a spec against the gates: `Registry::used_by` and
//! `FeatureSet::check_spec`.

use featuregate::{
    Arch, ConfigError, FeatureGate, GateConfig, Options, Warning, feature_gate, registry,
};

struct VmSpec {
    pub image_volumes: usize,
    pub sev: bool,
    pub legacy_disk: bool,
    pub vnc: bool,
}

const EMPTY: VmSpec = VmSpec {
    image_volumes: 0,
    sev: false,
    legacy_disk: false,
    vnc: false,
};

fn uses_image_volumes(spec: &VmSpec) -> bool {
    spec.image_volumes > 0
}
fn uses_sev(spec: &VmSpec) -> bool {
    spec.sev
}
fn uses_legacy_disk(spec: &VmSpec) -> bool {
    spec.legacy_disk
}
fn uses_vnc(spec: &VmSpec) -> bool {
    spec.vnc
}
#[allow(clippy::trivially_copy_pass_by_ref)] // `used_by` takes a `fn(&S) -> bool`
fn request_is_large(request: &u64) -> bool {
    *request > 1 << 30
}

#[feature_gate(state = Beta, used_by = uses_image_volumes)]
struct ImageVolume;

#[feature_gate(state = Alpha, used_by = uses_sev)]
struct Sev;

#[feature_gate(state = Deprecated, used_by = uses_legacy_disk)]
struct LegacyDisk;

#[feature_gate(state = Discontinued, used_by = uses_vnc, message = "VNC is gone; use the serial console")]
struct Vnc;

#[feature_gate(state = Alpha, used_by = request_is_large)]
struct LargeRequests;

#[feature_gate(state = GA)]
struct NoPredicate;

fn options() -> Options {
    Options::default().with_archs([Arch::Amd64])
}

#[test]
fn used_by_lists_the_gates_a_value_uses() {
    let spec = VmSpec {
        image_volumes: 1,
        sev: true,
        ..EMPTY
    };
    let used: Vec<_> = registry()
        .used_by(&spec)
        .into_iter()
        .map(featuregate::Gate::name)
        .collect();
    assert_eq!(used, ["ImageVolume", "Sev"]);
    assert!(registry().used_by(&EMPTY).is_empty());
    // Gates whose function takes another type are skipped.
    let used: Vec<_> = registry()
        .used_by(&(2u64 << 30))
        .into_iter()
        .map(featuregate::Gate::name)
        .collect();
    assert_eq!(used, ["LargeRequests"]);
    assert!(registry().used_by(&"a str").is_empty());
}

#[test]
fn a_spec_using_a_gate_that_is_off_is_refused() {
    let defaults = registry()
        .evaluate(&GateConfig::default(), &options())
        .unwrap();
    assert_eq!(defaults.check_spec(&EMPTY), Ok(vec![]));
    assert_eq!(
        defaults.check_spec(&VmSpec {
            image_volumes: 3,
            ..EMPTY
        }),
        Ok(vec![])
    );

    let err = defaults
        .check_spec(&VmSpec { sev: true, ..EMPTY })
        .unwrap_err();
    assert_eq!(err, ConfigError::SpecUsesDisabled { gate: Sev::GATE });
    let message = err.to_string();
    assert!(
        message.contains("Sev") && message.contains(&*Sev::GATE.message()),
        "{message}"
    );

    let enabled = registry()
        .evaluate(&"Sev=true".parse().unwrap(), &options())
        .unwrap();
    assert_eq!(
        enabled.check_spec(&VmSpec { sev: true, ..EMPTY }),
        Ok(vec![])
    );

    let disabled = registry()
        .evaluate(&"ImageVolume=false".parse().unwrap(), &options())
        .unwrap();
    assert!(
        disabled
            .check_spec(&VmSpec {
                image_volumes: 1,
                ..EMPTY
            })
            .is_err()
    );
}

#[test]
fn discontinued_is_always_refused() {
    let set = registry()
        .evaluate(&"Vnc=true".parse().unwrap(), &options())
        .unwrap();
    let err = set.check_spec(&VmSpec { vnc: true, ..EMPTY }).unwrap_err();
    assert_eq!(err.name(), "Vnc");
    let message = err.to_string();
    assert!(
        message.contains("VNC is gone; use the serial console"),
        "{message}"
    );
}

#[test]
fn deprecated_warns() {
    let spec = VmSpec {
        legacy_disk: true,
        ..EMPTY
    };
    let off = registry()
        .evaluate(&GateConfig::default(), &options())
        .unwrap();
    assert!(
        off.check_spec(&spec).is_err(),
        "Deprecated is off unless enabled"
    );

    let on = registry()
        .evaluate(&"LegacyDisk=true".parse().unwrap(), &options())
        .unwrap();
    let warnings = on.check_spec(&spec).unwrap();
    assert_eq!(
        warnings,
        [Warning::SpecUsesDeprecated {
            gate: LegacyDisk::GATE
        }]
    );
    let message = warnings[0].to_string();
    assert!(
        message.contains("LegacyDisk") && message.contains("deprecated"),
        "{message}"
    );
    assert!(NoPredicate::GATE.is_used_by(&spec).is_none());
}
