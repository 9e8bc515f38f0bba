//! Property tests: parsing never panics, Display reads back, evaluation never
//! panics, whatever the input.

use featuregate::{Action, Arch, ArchPolicy, GateConfig, Options, feature_gate, registry};
use proptest::prelude::*;

#[feature_gate(state = Alpha, amd64 = Supported, arm64 = Unsupported)]
struct AlphaGate;

#[feature_gate(state = Beta, arm64 = Unverified, others = Pending)]
struct BetaGate;

#[feature_gate(state = GA)]
struct GaGate;

#[feature_gate(state = Deprecated, s390x = Unsupported)]
struct DeprecatedGate;

#[feature_gate(state = Discontinued)]
struct DiscontinuedGate;

/// Names a gate could have.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9_.-]{0,12}",
        Just("AllAlpha".to_owned()),
        Just("AllBeta".to_owned()),
        Just("AlphaGate".to_owned()),
        Just("BetaGate".to_owned()),
    ]
}

/// A configuration of distinct valid names.
fn valid_config() -> impl Strategy<Value = GateConfig> {
    proptest::collection::hash_set(name(), 0..12)
        .prop_flat_map(|names| {
            let names: Vec<String> = names.into_iter().collect();
            let n = names.len();
            (Just(names), proptest::collection::vec(any::<bool>(), n))
        })
        .prop_map(|(names, on)| {
            let mut config = GateConfig::default();
            for (name, on) in names.into_iter().zip(on) {
                if on {
                    &mut config.enabled
                } else {
                    &mut config.disabled
                }
                .push(name);
            }
            config
        })
}

/// Any configuration at all, duplicates and odd names included.
fn any_config() -> impl Strategy<Value = GateConfig> {
    let list = proptest::collection::vec(prop_oneof![name(), ".*", "[^\\s,=]{1,8}"], 0..10);
    (list.clone(), list).prop_map(|(enabled, disabled)| GateConfig { enabled, disabled })
}

fn action() -> impl Strategy<Value = Action> {
    proptest::sample::select(Action::ALL.to_vec())
}

fn any_options() -> impl Strategy<Value = Options> {
    (
        proptest::collection::vec(proptest::sample::select(Arch::ALL.to_vec()), 0..6),
        (action(), action(), action(), action()),
        any::<bool>(),
    )
        .prop_map(
            |(archs, (unsupported, pending, unverified, unspecified), strict)| Options {
                archs,
                policy: ArchPolicy {
                    unsupported,
                    pending,
                    unverified,
                    unspecified,
                },
                strict,
            },
        )
}

proptest! {
    #[test]
    fn parse_never_panics(s in ".*") {
        let _ = GateConfig::parse(&s);
    }

    #[test]
    fn parse_never_panics_on_flag_like_input(s in "[A-Za-z ,=01tTfF]{0,40}") {
        if let Ok(config) = GateConfig::parse(&s) {
            // What parses displays and parses back to itself.
            prop_assert_eq!(GateConfig::parse(&config.to_string()), Ok(config));
        } else {
            let err = GateConfig::parse(&s).unwrap_err();
            prop_assert!(!err.to_string().is_empty());
            prop_assert!(err.position() >= 1);
        }
    }

    #[test]
    fn display_then_parse_round_trips(config in valid_config()) {
        prop_assert_eq!(GateConfig::parse(&config.to_string()), Ok(config));
    }

    #[test]
    fn evaluate_never_panics(config in any_config(), options in any_options()) {
        match registry().evaluate(&config, &options) {
            Ok(set) => {
                // The rules that hold whatever the configuration says.
                prop_assert!(set.is::<GaGate>());
                prop_assert!(!set.is::<DiscontinuedGate>());
                for warning in set.warnings() {
                    prop_assert!(!warning.to_string().is_empty());
                }
            }
            Err(err) => prop_assert!(!err.to_string().is_empty()),
        }
    }
}
