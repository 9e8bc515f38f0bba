//! Requirements between gates: the compile-time rules (called at run time
//! here, over every case; the UI tests show them failing builds), the order
//! of `Gate::requires` and `Registry::required_by`.

use featuregate::{FeatureGate, feature_gate, registry};

mod maturity {
    use featuregate::feature_gate;

    #[feature_gate(state = Alpha)]
    pub(crate) struct Alpha;
    #[feature_gate(state = Beta)]
    pub(crate) struct Beta;
    #[feature_gate(name = "GA", state = GA)]
    pub(crate) struct Ga;
    #[feature_gate(state = Deprecated)]
    pub(crate) struct Deprecated;
    #[feature_gate(state = Discontinued)]
    pub(crate) struct Discontinued;

    /// The same states again, to be required.
    pub(crate) mod required {
        use featuregate::feature_gate;

        #[feature_gate(name = "RequiredAlpha", state = Alpha)]
        pub(crate) struct Alpha;
        #[feature_gate(name = "RequiredBeta", state = Beta)]
        pub(crate) struct Beta;
        #[feature_gate(name = "RequiredGA", state = GA)]
        pub(crate) struct Ga;
        #[feature_gate(name = "RequiredDeprecated", state = Deprecated)]
        pub(crate) struct Deprecated;
        #[feature_gate(name = "RequiredDiscontinued", state = Discontinued)]
        pub(crate) struct Discontinued;
    }
}

/// The compile-time rule, called at run time over every pair of states
/// (the UI tests show the errors it gives at compile time).
#[test]
fn maturity_rule_over_every_pair_of_states() {
    use featuregate::__private::{Decl, check};
    use maturity::{Alpha, Beta, Deprecated, Discontinued, Ga};
    let decls: [(&str, &Decl); 5] = [
        ("Alpha", &Alpha::__DECL),
        ("Beta", &Beta::__DECL),
        ("GA", &Ga::__DECL),
        ("Deprecated", &Deprecated::__DECL),
        ("Discontinued", &Discontinued::__DECL),
    ];
    let required: [&Decl; 5] = [
        &maturity::required::Alpha::__DECL,
        &maturity::required::Beta::__DECL,
        &maturity::required::Ga::__DECL,
        &maturity::required::Deprecated::__DECL,
        &maturity::required::Discontinued::__DECL,
    ];
    // Rows: the gate; columns: what it requires (Alpha, Beta, GA, Deprecated, Discontinued).
    let allowed = [
        [true, true, true, true, false],
        [false, true, true, false, false],
        [false, false, true, false, false],
        [true, true, true, true, false],
        [true, true, true, true, true],
    ];
    for (row, (state, gate)) in decls.iter().enumerate() {
        for (column, (required_state, _)) in decls.iter().enumerate() {
            let message = check(gate, required[column]).map(|m| m.as_str().to_owned());
            assert_eq!(
                message.is_none(),
                allowed[row][column],
                "{state} requiring {required_state}: {message:?}"
            );
            if let Some(message) = message {
                assert!(
                    message.starts_with(&format!(
                        "`{state}` ({state}) cannot require `Required{required_state}` ({required_state}): "
                    )),
                    "{message}"
                );
            }
        }
    }
}

#[feature_gate(name = "IOMMUFD", state = Alpha, arm64 = Unsupported("needs SMMUv3"), s390x = Unsupported)]
struct Iommufd;

#[feature_gate(name = "PCINUMAAwareTopology", state = Alpha)]
struct PciNumaAwareTopology;

#[feature_gate(name = "GraceIOVirtualization", state = Alpha, amd64 = Supported,
               requires = [Iommufd, crate::PciNumaAwareTopology])]
struct GraceIoVirtualization;

#[test]
fn requirements_in_declared_order_and_the_gates_that_require_one() {
    let requires: Vec<_> = GraceIoVirtualization::GATE
        .requires()
        .map(featuregate::Gate::name)
        .collect();
    assert_eq!(requires, ["IOMMUFD", "PCINUMAAwareTopology"]);
    assert!(std::ptr::eq(
        GraceIoVirtualization::GATE.requires().next().unwrap(),
        Iommufd::GATE
    ));
    assert_eq!(Iommufd::GATE.requires().len(), 0);

    let required_by: Vec<_> = registry()
        .required_by(Iommufd::GATE)
        .map(featuregate::Gate::name)
        .collect();
    assert_eq!(required_by, ["GraceIOVirtualization"]);
    assert_eq!(
        registry().required_by(GraceIoVirtualization::GATE).count(),
        0
    );
    // Several requirers come by name; a private registry answers for its own gates.
    let private = featuregate::Registry::new([Iommufd::GATE, PciNumaAwareTopology::GATE]).unwrap();
    assert_eq!(private.required_by(Iommufd::GATE).count(), 0);
}

#[test]
fn architecture_rule_names_each_architecture_and_the_reason() {
    use featuregate::__private::check;

    #[feature_gate(state = Alpha, arm64 = Supported, s390x = Supported, amd64 = Supported)]
    struct Everywhere;

    let message = check(&Everywhere::__DECL, &Iommufd::__DECL).unwrap();
    assert_eq!(
        message.as_str(),
        "`Everywhere` is Supported on arm64, where its requirement `IOMMUFD` is Unsupported (needs SMMUv3); so is s390x (no reason given)"
    );
    assert!(check(&GraceIoVirtualization::__DECL, &Iommufd::__DECL).is_none());
}

#[test]
fn a_long_reason_is_cut_short_in_the_message() {
    use featuregate::__private::check;

    #[feature_gate(state = Alpha, arm64 = Unsupported("ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé"))]
    struct LongReason;
    #[feature_gate(state = Alpha, arm64 = Supported)]
    struct OnArm;

    let message = check(&OnArm::__DECL, &LongReason::__DECL).unwrap();
    let message = message.as_str();
    assert!(message.ends_with("...)"), "{message}");
    assert!(message.len() < 250, "{}", message.len());
}

#[test]
fn itself_and_twice_under_other_paths_and_no_judgement_of_a_rejected_declaration() {
    use featuregate::__private::{Decl, check, distinct};

    let message = check(&Iommufd::__DECL, &crate::Iommufd::__DECL).unwrap();
    assert_eq!(
        message.as_str(),
        "`IOMMUFD` requires itself: a gate cannot require itself"
    );
    let message = distinct(
        &GraceIoVirtualization::__DECL,
        &Iommufd::__DECL,
        &[&PciNumaAwareTopology::__DECL, &Iommufd::__DECL],
    )
    .unwrap();
    assert_eq!(
        message.as_str(),
        "`GraceIOVirtualization` requires `IOMMUFD` twice: name each requirement once"
    );
    assert!(
        distinct(
            &GraceIoVirtualization::__DECL,
            &Iommufd::__DECL,
            &[&PciNumaAwareTopology::__DECL]
        )
        .is_none()
    );

    // The placeholder of a declaration the macro rejected is not judged:
    // its own errors are the ones to read.
    let unknown = Decl::UNKNOWN;
    assert!(check(&maturity::Ga::__DECL, &unknown).is_none());
    assert!(check(&unknown, &Iommufd::__DECL).is_none());
    assert!(distinct(&unknown, &unknown, &[&unknown]).is_none());
}

#[test]
fn every_broken_rule_of_one_requirement_in_one_message() {
    use featuregate::__private::check;

    #[feature_gate(state = GA, arm64 = Supported)]
    struct GaOnArm;

    let message = check(&GaOnArm::__DECL, &Iommufd::__DECL).unwrap();
    assert_eq!(
        message.as_str(),
        "`GaOnArm` (GA) cannot require `IOMMUFD` (Alpha): a GA gate may require only GA gates; \
         and `GaOnArm` is Supported on arm64, where its requirement `IOMMUFD` is Unsupported (needs SMMUv3)"
    );
}
