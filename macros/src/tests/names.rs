//! The name rule: 1 to 128 bytes, an ASCII letter, then ASCII letters,
//! digits, `-`, `_` or `.`; `AllAlpha` and `AllBeta` reserved in any case.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::errors;

fn named(name: &str) -> Vec<String> {
    errors(
        quote!(state = Beta, name = #name),
        quote!(
            struct X;
        ),
    )
}

fn only(messages: &[String]) -> &str {
    assert_eq!(messages.len(), 1, "{messages:#?}");
    &messages[0]
}

const RULE: &str =
    "a gate name is 1 to 128 bytes: an ASCII letter, then ASCII letters, digits, `-`, `_` or `.`";

#[test]
fn names_that_follow_the_rule_are_accepted() {
    for name in ["A", "ImageVolume", "VM.Live-Update_2", &"a".repeat(128)] {
        assert_eq!(named(name), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn each_broken_rule_is_named() {
    let cases = [
        ("", "gate name is empty"),
        ("1Gate", "gate name `1Gate` starts with `1`"),
        ("_Gate", "gate name `_Gate` starts with `_`"),
        ("Image Volume", "gate name `Image Volume` holds ` `"),
        ("A,B", "gate name `A,B` holds `,`"),
        ("A=B", "gate name `A=B` holds `=`"),
        ("A/B", "gate name `A/B` holds `/`"),
        (
            "Gr\u{f6}\u{df}e",
            "gate name `Gr\u{f6}\u{df}e` holds `\\u{f6}`, which is not ASCII",
        ),
    ];
    for (name, problem) in cases {
        assert_eq!(only(&named(name)), format!("{problem}; {RULE}"), "{name:?}");
    }
    let long = "a".repeat(129);
    assert!(only(&named(&long)).contains("is 129 bytes long; a gate name is 1 to 128 bytes"));
}

#[test]
fn control_and_invisible_characters_are_refused_and_shown_escaped() {
    for (c, shown) in [
        ('\0', "\\0"),
        ('\u{1b}', "\\u{1b}"),
        ('\u{202e}', "\\u{202e}"),
        ('\u{200b}', "\\u{200b}"),
        ('\n', "\\n"),
    ] {
        let message = named(&format!("Ab{c}cd"));
        let message = only(&message);
        assert!(
            !message.contains(c),
            "{message:?} holds the character itself"
        );
        assert!(message.contains(shown), "{message:?} does not show {shown}");
    }
}

#[test]
fn a_long_bad_name_is_cut_short_in_the_message() {
    let name = format!("1{}", "x".repeat(10_000));
    let message = named(&name);
    assert!(only(&message).len() < 300, "{}", message[0].len());
}

#[test]
fn reserved_names_are_refused_in_any_case() {
    for name in ["AllAlpha", "allalpha", "ALLBETA", "AllBeta"] {
        let message = named(name);
        assert!(only(&message).contains("is reserved"), "{message:?}");
    }
    // As the type's identifier too.
    let message = errors(
        quote!(state = Beta),
        quote!(
            struct AllBeta;
        ),
    );
    assert!(
        only(&message).contains("`AllBeta` is reserved"),
        "{message:?}"
    );
    // A longer name that starts alike is fine.
    assert!(named("AllAlphaGates").is_empty());
}

#[test]
fn a_non_ascii_identifier_needs_a_name() {
    let ident = format_ident!("Gr\u{f6}\u{df}e");
    let message = errors(quote!(state = Beta), quote!(struct #ident;));
    assert!(
        only(&message).ends_with("name the gate with `name = \"...\"`"),
        "{message:?}"
    );
    let ok: Vec<String> = errors(
        quote!(state = Beta, name = "Groesse"),
        quote!(struct #ident;),
    );
    assert!(ok.is_empty(), "{ok:?}");
}

#[test]
fn a_raw_identifier_is_named_without_its_prefix() {
    let item: TokenStream = "struct r#Box;".parse().unwrap();
    assert!(errors(quote!(state = Beta), item).is_empty());
}
