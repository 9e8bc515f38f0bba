//! The Kubernetes `--feature-gates` flag form and the plain list, as
//! `GateConfig::parse` reads them (Kubernetes' `featuregate` flag cases).

use featuregate::{ConfigError, GateConfig};

fn parse(s: &str) -> GateConfig {
    GateConfig::parse(s).unwrap_or_else(|e| panic!("{s:?} should parse: {e}"))
}

fn config(enabled: &[&str], disabled: &[&str]) -> GateConfig {
    GateConfig {
        enabled: enabled.iter().map(|s| (*s).to_owned()).collect(),
        disabled: disabled.iter().map(|s| (*s).to_owned()).collect(),
    }
}

#[test]
fn flag_form() {
    assert_eq!(parse("A=true,B=false"), config(&["A"], &["B"]));
    assert_eq!(parse("A=false"), config(&[], &["A"]));
}

#[test]
fn spaces_are_trimmed() {
    assert_eq!(parse(" A = true ,  B=false "), config(&["A"], &["B"]));
    assert_eq!(parse("\tA=true,\nB=false\n"), config(&["A"], &["B"]));
}

#[test]
fn empty_entries_are_skipped() {
    assert_eq!(parse(""), GateConfig::default());
    assert_eq!(parse(" , ,"), GateConfig::default());
    assert_eq!(parse(",A=true,,B=false,"), config(&["A"], &["B"]));
}

#[test]
fn go_boolean_spellings() {
    for spelling in ["1", "t", "T", "TRUE", "true", "True"] {
        assert_eq!(
            parse(&format!("A={spelling}")),
            config(&["A"], &[]),
            "{spelling}"
        );
    }
    for spelling in ["0", "f", "F", "FALSE", "false", "False"] {
        assert_eq!(
            parse(&format!("A={spelling}")),
            config(&[], &["A"]),
            "{spelling}"
        );
    }
    // Go's ParseBool takes exactly these: not `tRuE`, not `yes`.
    for bad in ["tRuE", "yes", "no", "on", "2", ""] {
        assert!(GateConfig::parse(&format!("A={bad}")).is_err(), "{bad}");
    }
}

#[test]
fn bad_value_names_the_gate_and_position() {
    let err = GateConfig::parse("A=yes").unwrap_err();
    assert!(
        matches!(&err, ConfigError::InvalidValue { name, value, position: 1, .. } if name == "A" && value == "yes")
    );
    assert_eq!(err.name(), "A");
    let message = err.to_string();
    assert!(
        message.contains("A=yes") && message.contains("entry 1"),
        "{message}"
    );

    let err = GateConfig::parse("X=true, ,A=yes").unwrap_err();
    assert_eq!(err.position(), Some(3), "empty entries count: {err}");
}

#[test]
fn meta_names_are_kept_in_the_lists() {
    assert_eq!(
        parse("AllAlpha=true,AllBeta=false"),
        config(&["AllAlpha"], &["AllBeta"])
    );
    assert_eq!(
        parse("A=false,AllAlpha=true"),
        config(&["AllAlpha"], &["A"])
    );
    assert_eq!(parse("AllBeta,B"), config(&["AllBeta", "B"], &[]));
}

#[test]
fn plain_list_enables_each_name() {
    assert_eq!(parse("A,B"), config(&["A", "B"], &[]));
    assert_eq!(parse(" A , , B "), config(&["A", "B"], &[]));
    assert_eq!(parse("A"), config(&["A"], &[]));
}

#[test]
fn forms_do_not_mix() {
    let err = GateConfig::parse("A=true,B").unwrap_err();
    assert!(
        matches!(&err, ConfigError::MissingValue { entry, position: 2 } if entry == "B"),
        "{err:?}"
    );
    assert_eq!(err.name(), "B");
    let message = err.to_string();
    assert!(
        message.contains("entry 2 `B`") && message.contains("missing its value"),
        "{message}"
    );

    let err = GateConfig::parse("A,B=true").unwrap_err();
    assert!(
        matches!(&err, ConfigError::UnexpectedValue { name, position: 2, .. } if name == "B"),
        "{err:?}"
    );
    assert!(err.to_string().contains("B=true"), "{err}");

    // The first non-empty entry decides.
    assert!(GateConfig::parse(", ,A,B=false").is_err());
    assert!(GateConfig::parse(", ,A=false,B").is_err());
}

#[test]
fn bad_names() {
    let err = GateConfig::parse("A=true,=false").unwrap_err();
    assert!(
        matches!(err, ConfigError::InvalidName { position: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("empty"), "{err}");

    let err = GateConfig::parse("A B=true").unwrap_err();
    assert!(
        matches!(err, ConfigError::InvalidName { position: 1, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("`A B`"), "{err}");

    // `A=B=true`: the value is everything after the first `=`.
    let err = GateConfig::parse("A=B=true").unwrap_err();
    assert!(
        matches!(&err, ConfigError::InvalidValue { name, value, .. } if name == "A" && value == "B=true")
    );
}

#[test]
fn a_name_given_twice_names_both_entries() {
    let err = GateConfig::parse("A=true,B=true,A=false").unwrap_err();
    match &err {
        ConfigError::DuplicateEntry {
            name,
            first,
            first_entry,
            second,
            second_entry,
        } => {
            assert_eq!((name.as_str(), *first, *second), ("A", 1, 3));
            assert_eq!(
                (first_entry.as_str(), second_entry.as_str()),
                ("A=true", "A=false")
            );
        }
        other => panic!("{other:?}"),
    }
    let message = err.to_string();
    assert!(
        message.contains("entry 1 `A=true`") && message.contains("entry 3 `A=false`"),
        "{message}"
    );

    assert!(GateConfig::parse("A,A").is_err());
    assert!(GateConfig::parse("A=true, A =true").is_err());
    // Names are case-sensitive, as gates are.
    assert_eq!(parse("A,a"), config(&["A", "a"], &[]));
}

#[test]
fn display_gives_the_flag_form_back() {
    let c = config(&["B", "A"], &["C"]);
    assert_eq!(c.to_string(), "B=true,A=true,C=false");
    assert_eq!(parse(&c.to_string()), c);
    assert_eq!(GateConfig::default().to_string(), "");
    assert_eq!("A, B".parse::<GateConfig>(), Ok(config(&["A", "B"], &[])));
}

#[test]
fn errors_are_std_errors() {
    fn takes(_: &dyn std::error::Error) {}
    let err = GateConfig::parse("A=maybe").unwrap_err();
    takes(&err);
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(err);
    assert!(!boxed.to_string().is_empty());
}

#[test]
fn long_inputs_parse() {
    // Linear: 100,000 distinct entries parse without a quadratic duplicate check.
    let s = (0..100_000).fold(String::new(), |mut s, i| {
        s.push_str("Gate");
        s.push_str(&i.to_string());
        s.push_str("=true,");
        s
    });
    assert_eq!(parse(&s).enabled.len(), 100_000);
}
