//! The Kubernetes `--feature-gates` flag form and the plain list, as
//! `GateConfig::parse` reads them (Kubernetes' `featuregate` flag cases).

use featuregate::{GateConfig, ParseError};

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
        matches!(&err, ParseError::InvalidValue { name, value, position: 1, .. } if name == "A" && value == "yes")
    );
    assert_eq!(err.name(), "A");
    let message = err.to_string();
    assert!(
        message.contains("A=yes") && message.contains("entry 1"),
        "{message}"
    );

    let err = GateConfig::parse("X=true, ,A=yes").unwrap_err();
    assert_eq!(err.position(), 3, "empty entries count: {err}");
    assert_eq!(err.entry(), "A=yes");
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
        matches!(&err, ParseError::MissingValue { entry, position: 2 } if entry == "B"),
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
        matches!(&err, ParseError::UnexpectedValue { name, position: 2, .. } if name == "B"),
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
        matches!(err, ParseError::InvalidName { position: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("empty"), "{err}");

    let err = GateConfig::parse("A B=true").unwrap_err();
    assert!(
        matches!(err, ParseError::InvalidName { position: 1, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("`A B=true`"), "{err}");
    assert!(err.to_string().contains("whitespace"), "{err}");

    // `A=B=true`: the value is everything after the first `=`.
    let err = GateConfig::parse("A=B=true").unwrap_err();
    assert!(
        matches!(&err, ParseError::InvalidValue { name, value, .. } if name == "A" && value == "B=true")
    );
}

#[test]
fn a_name_given_twice_names_both_entries() {
    let err = GateConfig::parse("A=true,B=true,A=false").unwrap_err();
    match &err {
        ParseError::DuplicateEntry {
            name,
            first,
            first_entry,
            position,
            entry,
        } => {
            assert_eq!((name.as_str(), *first, *position), ("A", 1, 3));
            assert_eq!(
                (first_entry.as_str(), entry.as_str()),
                ("A=true", "A=false")
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!((err.position(), err.entry()), (3, "A=false"));
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

#[test]
fn names_follow_the_rule_of_gate_names() {
    // Invisible, control, non-ASCII characters and over-long names are
    // errors naming the entry, never names of unknown gates.
    let long = format!("{}=true", "A".repeat(129));
    for (input, position) in [
        ("\u{feff}ImageVolume=true", 1),
        ("A=true,Image\u{200b}Volume=true", 2),
        ("A=true,Image\u{202e}Volume=false", 2),
        ("Imäge=true", 1),
        ("1Gate=true", 1),
        ("A,B\u{0}C", 2),
        ("A,\u{a0}B", 2),
        (long.as_str(), 1),
    ] {
        let err = GateConfig::parse(input).unwrap_err();
        assert!(
            matches!(err, ParseError::InvalidName { .. }),
            "{input:?}: {err:?}"
        );
        assert_eq!(err.position(), position, "{input:?}");
        let message = err.to_string();
        assert!(
            !message
                .chars()
                .any(|c| c.is_control() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{202e}')),
            "{message:?}"
        );
        assert!(message.len() < 400, "{message}");
    }
    let err = GateConfig::parse("\u{feff}ImageVolume=true").unwrap_err();
    assert_eq!(
        err.to_string(),
        "entry 1 `\\u{feff}ImageVolume=true`: the feature gate name starts with `\\u{feff}`; \
         a feature gate name is an ASCII letter, then ASCII letters, digits, `-`, `_` or `.`"
    );
    // 128 bytes is the most a name may have.
    assert!(GateConfig::parse(&"A".repeat(128)).is_ok());
    // Letters, digits, `-`, `_` and `.` after a letter.
    assert_eq!(parse("a-b_c.9"), config(&["a-b_c.9"], &[]));
}

#[test]
fn a_long_entry_is_cut_in_the_message() {
    let input = format!("{}=maybe", "A".repeat(100_000));
    let err = GateConfig::parse(&input).unwrap_err();
    let message = err.to_string();
    assert!(message.len() < 1024, "{} bytes", message.len());
    assert!(message.contains("(100006 bytes)"), "{message}");
}
