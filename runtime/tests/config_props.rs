//! Property tests over hostile input: random bytes and random JSON for
//! `GateConfig::parse`, serde and `Registry::evaluate`, and files of
//! random bytes, YAML and JSON (invisible characters spliced into keys)
//! for `GateConfig::from_path`. Never a panic; whatever is accepted
//! displays and parses back to itself; a file is never `Ok` when its
//! document is of no known shape; no message is longer than 1 KiB per
//! problem or holds a control, format, separator, private-use or tag
//! character.
#![cfg(feature = "serde")]

#[cfg(feature = "yaml")]
use std::error::Error as _;
#[cfg(feature = "yaml")]
use std::path::Path;

#[cfg(feature = "yaml")]
use featuregate::SourceError;
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

/// Unicode's control (Cc) and format (Cf) characters, the line and
/// paragraph separators, private-use and tag characters: what must never
/// reach a terminal or a log.
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
    c.is_control()
        || CF.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
        || matches!(c,
            '\u{e000}'..='\u{f8ff}' | '\u{e0000}'..='\u{e007f}'
            | '\u{f0000}'..='\u{ffffd}' | '\u{100000}'..='\u{10fffd}')
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
            // Every bad entry, one per line, each short and clean; then
            // the count of those past the hundred listed.
            for problem in err.problems() {
                check_message(&problem.to_string())?;
                prop_assert!(problem.position() >= 1);
            }
            let counted = usize::from(err.omitted() > 0);
            prop_assert_eq!(
                err.to_string().lines().count(),
                err.problems().len() + counted
            );
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

/// `GateConfig::from_path` over hostile files (YAML needs the `yaml` feature).
#[cfg(feature = "yaml")]
mod files {
    use super::*;

    /// The keys a file's root may have in some known shape.
    const KNOWN_ROOT_KEYS: [&str; 18] = [
        "featureGates",
        "disabledFeatureGates",
        "useEmulation",
        "memoryOvercommit",
        "cpuAllocationRatio",
        "nodeSelectors",
        "pvcTolerateLessSpaceUpToPercent",
        "minimumReservePVCBytes",
        "minimumClusterTSCFrequency",
        "diskVerification",
        "logVerbosity",
        "clusterProfiler",
        "developerConfiguration",
        "spec",
        "kind",
        "apiVersion",
        "metadata",
        "status",
    ];

    /// Keys as a careless or hostile file has them: known ones, near misses,
    /// invisible characters spliced in, anything.
    fn file_key() -> impl Strategy<Value = String> {
        let known = proptest::sample::select(KNOWN_ROOT_KEYS.to_vec()).prop_map(str::to_owned);
        let spliced = (
            proptest::sample::select(KNOWN_ROOT_KEYS.to_vec()),
            proptest::sample::select(vec![
                '\u{200b}', '\u{feff}', '\u{2060}', '\u{202e}', '\u{ad}',
            ]),
            0usize..8,
        )
            .prop_map(|(key, c, at)| {
                let at = at.min(key.len());
                format!("{}{c}{}", &key[..at], &key[at..])
            });
        prop_oneof![
            4 => known,
            2 => spliced,
            1 => Just("enabledFeatureGates".to_owned()),
            1 => Just("ImageVolume".to_owned()),
            1 => Just("feature_gates".to_owned()),
            1 => "[a-zA-Z]{1,12}",
            1 => ".{0,12}",
        ]
    }

    /// Values for those keys: lists of names, objects one level down, scalars.
    fn file_value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::{Value, json};
        let names = proptest::collection::vec(name(), 0..4).prop_map(Value::from);
        let leaf = prop_oneof![
            names,
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i32>().prop_map(Value::from),
            Just(json!("KubeVirt")),
            Just(json!("kubevirt.io/v1")),
            Just(json!("List")),
            ".{0,20}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            proptest::collection::vec((file_key(), inner), 0..4)
                .prop_map(|fields| Value::Object(fields.into_iter().collect()))
        })
    }

    /// A document's root: an object of such keys.
    fn file_document() -> impl Strategy<Value = serde_json::Map<String, serde_json::Value>> {
        proptest::collection::vec((file_key(), file_value()), 0..5)
            .prop_map(|fields| fields.into_iter().collect())
    }

    /// YAML text the JSON writer would never make: tags, anchors, several
    /// documents, block lists, flow maps, with hostile keys.
    fn yaml_text() -> impl Strategy<Value = String> {
        let value = prop_oneof![
            Just("[A, B]".to_owned()),
            Just("[!!binary RzAwMA==]".to_owned()),
            Just("!custom G005".to_owned()),
            Just("!!str A".to_owned()),
            Just("&a [A]".to_owned()),
            Just("*a".to_owned()),
            Just("{featureGates: [A]}".to_owned()),
            Just("KubeVirt".to_owned()),
            Just("kubevirt.io/v1".to_owned()),
            Just(String::new()),
            Just("\n  - A\n  - B".to_owned()),
            ".{0,12}",
        ];
        let line = prop_oneof![
            8 => (file_key(), value).prop_map(|(k, v)| format!("{k}: {v}")),
            1 => Just("---".to_owned()),
            1 => Just("- A".to_owned()),
            1 => Just("# comment".to_owned()),
        ];
        proptest::collection::vec(line, 0..8).prop_map(|lines| lines.join("\n"))
    }

    /// Every problem of a refused file: its message and its cause, each at
    /// most 1 KiB and clean.
    fn check_source_error(err: &SourceError) -> Result<(), TestCaseError> {
        let problems = err.problems().len();
        prop_assert!(problems >= 1);
        for problem in err.problems() {
            let mut line = problem.to_string();
            if let Some(cause) = problem.source() {
                line = format!("{line}: {cause}");
            }
            check_message(&line)?;
        }
        let debug = format!("{err:?}");
        prop_assert!(debug.len() <= 1024 * problems, "{} bytes", debug.len());
        prop_assert!(!err.to_string().chars().any(|c| c != '\n' && is_hidden(c)));
        Ok(())
    }

    /// Reads `text` as the file `name` in `dir`: never a panic; an error is
    /// bounded and clean.
    fn read_file(dir: &Path, name: &str, text: &[u8]) -> Result<Option<GateConfig>, TestCaseError> {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        match GateConfig::from_path(&path) {
            Ok(config) => Ok(Some(config)),
            Err(err) => {
                check_source_error(&err)?;
                Ok(None)
            }
        }
    }

    /// Whether a document of these root keys can be of a known shape (a
    /// necessary condition: what is accepted must meet it).
    fn could_be_known(root: &serde_json::Map<String, serde_json::Value>) -> bool {
        let has = |key: &str| root.contains_key(key);
        let fields = &KNOWN_ROOT_KEYS[..12];
        if has("kind") || has("apiVersion") {
            let cr_keys = ["apiVersion", "kind", "metadata", "spec", "status"];
            return root.keys().all(|k| cr_keys.contains(&k.as_str()))
                && root.get("kind").is_some_and(|k| k == "KubeVirt")
                && root
                    .get("apiVersion")
                    .is_some_and(|v| v == "kubevirt.io/v1" || v == "kubevirt.io/v1alpha3");
        }
        if has("developerConfiguration") {
            // Beside it, a CR's spec.configuration has settings of its own;
            // none a near miss of a known key.
            return !has("spec")
                && !root
                    .keys()
                    .any(|k| fields.contains(&k.as_str()) || spliced(k));
        }
        root.keys().all(|k| fields.contains(&k.as_str()))
    }

    /// Whether `key` is a known key with invisible characters spliced in.
    fn spliced(key: &str) -> bool {
        let visible: String = key.chars().filter(|&c| !is_hidden(c)).collect();
        visible != key && KNOWN_ROOT_KEYS.contains(&visible.as_str())
    }

    proptest! {
        #[test]
        fn files_of_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let dir = tempfile::tempdir().unwrap();
            for name in ["gates", "gates.json", "gates.yaml"] {
                read_file(dir.path(), name, &bytes)?;
            }
        }

        #[test]
        fn json_and_yaml_files_of_no_known_shape_are_refused(root in file_document()) {
            let dir = tempfile::tempdir().unwrap();
            let json = serde_json::to_string(&root).unwrap();
            let pretty = serde_json::to_string_pretty(&root).unwrap();
            for (name, text) in [("gates.json", &json), ("gates.yaml", &pretty), ("gates", &json)] {
                if read_file(dir.path(), name, text.as_bytes())?.is_some() {
                    prop_assert!(could_be_known(&root), "{name} accepted: {text}");
                }
            }
        }

        #[test]
        fn yaml_files_with_tags_documents_and_invisible_keys(text in yaml_text()) {
            let dir = tempfile::tempdir().unwrap();
            if let Some(config) = read_file(dir.path(), "gates.yaml", text.as_bytes())? {
                // Accepted: no tag smuggled a name in, one document, no known
                // key with invisible characters spliced in.
                for smuggled in ["G000", "G005"] {
                    prop_assert!(!config.enabled.iter().any(|n| n == smuggled), "{text:?}");
                }
                let mut content = false;
                for (i, line) in text.lines().enumerate() {
                    // A byte order mark opens a YAML stream legitimately:
                    // the parser drops it, it is no invisible key.
                    let line = if i == 0 { line.strip_prefix('\u{feff}').unwrap_or(line) } else { line };
                    let trimmed = line.trim();
                    if line == "---" {
                        prop_assert!(!content, "a second document: {text:?}");
                    } else if !trimmed.is_empty() && !trimmed.starts_with('#') {
                        content = true;
                    }
                    if let Some((key, _)) = line.split_once(": ")
                        && !key.contains('#')
                        && !line.starts_with([' ', '-'])
                    {
                        prop_assert!(!spliced(key), "{text:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn the_gates_are_registered() {
    for gate in [AlphaGate::GATE, BetaGate::GATE, DeprecatedGate::GATE] {
        assert!(registry().contains(gate));
    }
}
