//! KubeVirt's admission of a spec against the gates: `Registry::used_by` and
//! `FeatureSet::check_spec`.

use std::sync::Arc;

use featuregate::{
    Arch, ConfigProblem, FeatureGate, GateConfig, Options, Rule, State, Warning, feature_gate,
    registry,
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
        .unwrap()
        .into_iter()
        .map(featuregate::Gate::name)
        .collect();
    assert_eq!(used, ["ImageVolume", "Sev"]);
    assert_eq!(registry().used_by(&EMPTY), Ok(vec![]));
    // Gates whose function takes another type are skipped.
    let used: Vec<_> = registry()
        .used_by(&(2u64 << 30))
        .unwrap()
        .into_iter()
        .map(featuregate::Gate::name)
        .collect();
    assert_eq!(used, ["LargeRequests"]);
}

#[test]
fn a_type_no_gate_takes_is_an_error_not_an_empty_list() {
    // A wrapped spec must not slip through an admission check.
    let wrapped = Arc::new(VmSpec { sev: true, ..EMPTY });
    let err = registry().used_by(&wrapped).unwrap_err();
    let problems: Vec<_> = err.problems().collect();
    assert!(
        matches!(problems[..], [ConfigProblem::UncheckedType { type_name }] if type_name.contains("Arc<") && type_name.contains("VmSpec")),
        "{problems:?}"
    );
    assert!(err.to_string().contains("VmSpec"), "{err}");
    assert!(registry().used_by(&Box::new(EMPTY)).is_err());
    assert!(registry().used_by(&"a str").is_err());

    let defaults = registry()
        .evaluate(&GateConfig::default(), &options())
        .unwrap();
    let err = defaults.check_spec(&wrapped).unwrap_err();
    assert!(err.to_string().contains("Arc<"), "{err}");
    assert!(defaults.check_spec(&Box::new(EMPTY)).is_err());
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
    assert_eq!(
        err.problems().collect::<Vec<_>>(),
        [&ConfigProblem::SpecUsesDisabled {
            gate: Sev::GATE,
            rule: Rule::StateDefault {
                state: State::Alpha
            }
        }]
    );
    // A refusal never quotes the standard message, which calls the gate active.
    assert_eq!(
        err.to_string(),
        "the spec uses feature gate Sev, which is off: the configuration does not name it, \
         and Alpha gates are off by default"
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
    let err = disabled
        .check_spec(&VmSpec {
            image_volumes: 1,
            ..EMPTY
        })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spec uses feature gate ImageVolume, which is off: the configuration disables it"
    );
}

#[test]
fn every_gate_that_is_off_is_named_with_its_reason() {
    let set = registry()
        .evaluate(
            &"ImageVolume=false".parse().unwrap(),
            &Options::default()
                .with_archs([Arch::Amd64])
                .with_policy(featuregate::ArchPolicy {
                    unspecified: featuregate::Action::Disable,
                    ..featuregate::ArchPolicy::default()
                }),
        )
        .unwrap();
    let spec = VmSpec {
        image_volumes: 1,
        sev: true,
        vnc: true,
        legacy_disk: true,
    };
    let err = set.check_spec(&spec).unwrap_err();
    let lines: Vec<String> = err.problems().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 4, "{lines:#?}");
    assert!(lines[0].contains("ImageVolume") && lines[0].contains("the configuration disables it"));
    assert!(
        lines[1].contains("LegacyDisk") && lines[1].contains("Deprecated gates are off by default")
    );
    assert!(lines[2].contains("Sev") && lines[2].contains("Alpha gates are off by default"));
    assert!(lines[3].contains("Vnc") && lines[3].contains("Discontinued gates are always off"));
    assert_eq!(err.to_string(), lines.join("\n"));
    for line in &lines {
        assert!(!line.contains("is active"), "{line}");
    }
    // Turned off by the architecture policy: named with the architecture.
    let set = registry()
        .evaluate(
            &"Sev=true".parse().unwrap(),
            &Options::default().with_archs([Arch::Amd64]).with_policy(
                featuregate::ArchPolicy::uniform(featuregate::Action::Disable),
            ),
        )
        .unwrap();
    let err = set.check_spec(&VmSpec { sev: true, ..EMPTY }).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spec uses feature gate Sev, which is off: the architecture policy (Disable) \
         turns it off on amd64 (unspecified)"
    );
}

#[test]
fn discontinued_is_always_refused() {
    let set = registry()
        .evaluate(&"Vnc=true".parse().unwrap(), &options())
        .unwrap();
    let err = set.check_spec(&VmSpec { vnc: true, ..EMPTY }).unwrap_err();
    assert_eq!(err.problems().next().unwrap().name(), "Vnc");
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
