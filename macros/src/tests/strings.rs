//! Strings of the attribute are at most 65,535 bytes, each reported at its
//! own literal naming its key (where, the UI tests show); the doc comment
//! has no limit.

use quote::quote;

use super::errors;
use crate::expand::feature_gate;

fn long() -> String {
    "x".repeat(usize::from(u16::MAX) + 1)
}

#[test]
fn a_string_at_the_limit_is_accepted() {
    let max = "x".repeat(usize::from(u16::MAX));
    let out = errors(
        quote!(state = Beta, message = #max, owner = #max, others = Pending(#max)),
        quote!(
            struct X;
        ),
    );
    assert!(out.is_empty(), "{out:?}");
}

#[test]
fn each_string_over_the_limit_names_its_key() {
    let long = long();
    let cases = [
        (quote!(state = Beta, message = #long), "`message`"),
        (quote!(state = Beta, since = #long), "`since`"),
        (quote!(state = Beta, owner = #long), "`owner`"),
        (
            quote!(state = Beta, arm64 = Pending(#long)),
            "the reason of `arm64`",
        ),
        (
            quote!(state = Beta, amd64 = Supported, others = Unverified(#long)),
            "the reason of `others`",
        ),
    ];
    for (args, what) in cases {
        let out = errors(
            args,
            quote!(
                struct X;
            ),
        );
        assert_eq!(
            out,
            [format!(
                "{what} is 65536 bytes long; a string of the attribute is at most 65535 bytes"
            )]
        );
    }
}

#[test]
fn every_long_string_is_reported_at_once() {
    let long = long();
    let out = errors(
        quote!(state = Beta, message = #long, s390x = Unsupported(#long), others = Pending(#long)),
        quote!(
            struct X;
        ),
    );
    assert_eq!(out.len(), 3, "{out:?}");
}

#[test]
fn a_doc_comment_has_no_limit() {
    let doc = "d".repeat(200_000);
    let out = feature_gate(quote!(state = Beta), quote!(#[doc = #doc] struct X;)).to_string();
    assert!(
        !out.contains("compile_error"),
        "{}",
        &out[out.len() - 300..]
    );
    assert!(out.contains(&doc));
}

#[test]
fn a_doc_comment_rustc_has_not_expanded_is_passed_on() {
    // rustc hands an attribute `#[doc = include_str!(..)]` unexpanded: it
    // goes to `concat!` between the macro's own text, in its place.
    let out = feature_gate(
        quote!(state = Beta),
        quote!(
            /// Before.
            #[doc = include_str!("gate.md")]
            /// After.
            struct X;
        ),
    )
    .to_string();
    assert!(!out.contains("compile_error"), "{out}");
    assert!(
        out.contains(r#""X" ["Before.\n" , include_str ! ("gate.md") , "\nAfter.\0"]"#),
        "{out}"
    );
}
