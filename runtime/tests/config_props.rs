//! Property tests over hostile input: random bytes and random JSON for
//! `GateConfig::parse`, serde and `Registry::evaluate`. Never a panic;
//! whatever is accepted displays and parses back to itself; no message is
//! longer than 1 KiB per problem or holds a control or format character.
#![cfg(feature = "serde")]

use featuregate::{
    Action, Arch, ArchPolicy, FeatureGate as _, GateConfig, Options, feature_gate, registry,
};
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

/// Unicode's control (Cc) and format (Cf) characters, and the line and
/// paragraph separators: what must never reach a terminal or a log.
fn is_hidden(c: char) -> bool {
    const CF: &[(char, char)] = &[
        ('\u{ad}', '\u{ad}'),
        ('\u{600}', '\u{605}'),
        ('\u{61c}', '\u{61c}'),
        ('\u{6dd}', '\u{6dd}'),
        ('\u{70f}', '\u{70f}'),
        ('\u{890}', '\u{891}'),
        ('\u{8e2}', '\u{8e2}'),
        ('\u{180e}', '\u{180e}'),
        ('\u{200b}', '\u{200f}'),
        ('\u{2028}', '\u{202e}'),
        ('\u{2060}', '\u{2064}'),
        ('\u{2066}', '\u{206f}'),
        ('\u{feff}', '\u{feff}'),
        ('\u{fff9}', '\u{fffb}'),
        ('\u{110bd}', '\u{110bd}'),
        ('\u{110cd}', '\u{110cd}'),
        ('\u{13430}', '\u{1343f}'),
        ('\u{1bca0}', '\u{1bca3}'),
        ('\u{1d173}', '\u{1d17a}'),
        ('\u{e0001}', '\u{e0001}'),
        ('\u{e0020}', '\u{e007f}'),
    ];
    c.is_control() || CF.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// One message of one problem or warning: short and clean.
fn check_message(message: &str) -> Result<(), TestCaseError> {
    prop_assert!(!message.is_empty());
    prop_assert!(message.len() <= 1024, "{} bytes: {message}", message.len());
    prop_assert!(!message.chars().any(is_hidden), "{message:?}");
    Ok(())
}

/// Names as a hostile configuration has them.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9_.-]{0,12}",
        "[A-Za-z][A-Za-z0-9_.-]{120,140}",
        Just("AllAlpha".to_owned()),
        Just("AllBeta".to_owned()),
        Just("AlphaGate".to_owned()),
        Just("BetaGate".to_owned()),
        Just("GaGate".to_owned()),
        Just("DeprecatedGate".to_owned()),
        Just("DiscontinuedGate".to_owned()),
        "[\u{feff}\u{200b}\u{202e}\u{0}\n\t ,=A-Za-zé]{0,10}",
        ".{0,20}",
        ".{200,300}",
    ]
}

/// Any configuration at all: duplicates, invalid names, both lists.
fn any_config() -> impl Strategy<Value = GateConfig> {
    let list = || proptest::collection::vec(name(), 0..10);
    (list(), list()).prop_map(|(enabled, disabled)| GateConfig { enabled, disabled })
}

fn any_options() -> impl Strategy<Value = Options> {
    let action = || proptest::sample::select(Action::ALL.to_vec());
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
                emulated_version: None,
            },
        )
}

/// Flag strings: entries of hostile names, values and separators.
fn flag_string() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        Just(String::new()),
        Just("=true".to_owned()),
        Just("=false".to_owned()),
        Just("=1".to_owned()),
        Just(" = F ".to_owned()),
        "=.{0,6}",
    ];
    proptest::collection::vec((name(), value), 0..10).prop_map(|entries| {
        entries
            .into_iter()
            .map(|(n, v)| format!("{n}{v}"))
            .collect::<Vec<_>>()
            .join(",")
    })
}

/// JSON documents in `KubeVirt`'s shape and beside it.
fn json() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("featureGates".to_owned()),
        Just("disabledFeatureGates".to_owned()),
        Just("featuregates".to_owned()),
        Just("disabledFeatureGate".to_owned()),
        Just("useEmulation".to_owned()),
        ".{0,12}",
    ];
    let value = prop_oneof![
        proptest::collection::vec(name(), 0..6)
            .prop_map(|names| serde_json::to_string(&names).unwrap()),
        Just("true".to_owned()),
        Just("null".to_owned()),
        Just("{\"a\": [1, 2]}".to_owned()),
        any::<i64>().prop_map(|n| n.to_string()),
    ];
    proptest::collection::vec((key, value), 0..4).prop_map(|fields| {
        let fields: Vec<String> = fields
            .into_iter()
            .map(|(k, v)| format!("{}: {v}", serde_json::to_string(&k).unwrap()))
            .collect();
        format!("{{{}}}", fields.join(", "))
    })
}

/// Whether every name appears once in the whole configuration.
fn names_each_once(config: &GateConfig) -> bool {
    let mut all: Vec<&String> = config.enabled.iter().chain(&config.disabled).collect();
    all.sort();
    let len = all.len();
    all.dedup();
    all.len() == len
}

fn check_parse(s: &str) -> Result<(), TestCaseError> {
    match GateConfig::parse(s) {
        Ok(config) => {
            prop_assert_eq!(GateConfig::parse(&config.to_string()), Ok(config));
        }
        Err(err) => {
            check_message(&err.to_string())?;
            prop_assert!(err.position() >= 1);
        }
    }
    Ok(())
}

fn check_evaluate(config: &GateConfig, options: &Options) -> Result<(), TestCaseError> {
    match registry().evaluate(config, options) {
        Ok(set) => {
            // The rules that hold whatever the configuration says.
            prop_assert!(set.is::<GaGate>());
            prop_assert!(!set.is::<DiscontinuedGate>());
            for warning in set.warnings() {
                check_message(&warning.to_string())?;
            }
            // Accepted: every name valid and given once, so it round-trips.
            prop_assert!(names_each_once(config));
            prop_assert_eq!(GateConfig::parse(&config.to_string()), Ok(config.clone()));
        }
        Err(err) => {
            prop_assert!(err.problems().len() > 0);
            for problem in err.problems() {
                check_message(&problem.to_string())?;
            }
            prop_assert_eq!(err.to_string().lines().count(), err.problems().len());
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn parse_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        check_parse(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn parse_flag_strings(s in flag_string()) {
        check_parse(&s)?;
    }

    #[test]
    fn deserialize_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        // Never a panic; what is accepted round-trips when it names each gate once.
        if let Ok(config) = serde_json::from_slice::<GateConfig>(&bytes)
            && names_each_once(&config)
        {
            prop_assert_eq!(GateConfig::parse(&config.to_string()), Ok(config));
        }
    }

    #[test]
    fn deserialize_random_json(json in json(), options in any_options()) {
        match serde_json::from_str::<GateConfig>(&json) {
            Ok(config) => {
                if names_each_once(&config) {
                    prop_assert_eq!(GateConfig::parse(&config.to_string()), Ok(config.clone()));
                }
                check_evaluate(&config, &options)?;
            }
            Err(err) => check_message(&err.to_string())?,
        }
    }

    #[test]
    fn evaluate_any_config(config in any_config(), options in any_options()) {
        check_evaluate(&config, &options)?;
    }

    #[test]
    fn evaluate_parsed_flag_strings(s in flag_string(), options in any_options()) {
        if let Ok(config) = GateConfig::parse(&s) {
            check_evaluate(&config, &options)?;
        }
    }
}

#[test]
fn the_gates_are_registered() {
    for gate in [AlphaGate::GATE, BetaGate::GATE, DeprecatedGate::GATE] {
        assert!(registry().contains(gate));
    }
}
