//! The stage keys: versions, order, the state they give, `since` beside
//! them (the UI tests under `ui-tests/ui/lifecycle/` show the spans).

use quote::quote;

use super::{errors, expand};

#[test]
fn versions_in_every_form_are_accepted() {
    for version in ["v1.9", "1.9", "v1.9.0", "1.9.0", "v0.30.0", "v10.200.3000"] {
        assert_eq!(
            errors(
                quote!(ga = #version),
                quote!(
                    struct X;
                )
            ),
            Vec::<String>::new(),
            "{version}"
        );
    }
}

#[test]
fn malformed_versions_are_named_escaped() {
    for version in [
        "",
        "v",
        "1",
        "v1",
        "1.",
        ".1",
        "1.9.",
        "1.9.0.1",
        "V1.9",
        "vv1.9",
        "1.x",
        "1 .9",
        " 1.9",
        "-1.9",
        "+1.9",
        "1.4294967296",
    ] {
        let out = errors(
            quote!(ga = #version),
            quote!(
                struct X;
            ),
        );
        assert_eq!(out.len(), 1, "{version:?}: {out:?}");
        assert!(
            out[0].starts_with(&format!(
                "malformed version `{}` for `ga`",
                version.escape_debug()
            )),
            "{out:?}"
        );
    }
    let out = errors(
        quote!(beta = "v1.\u{1b}[31m"),
        quote!(
            struct X;
        ),
    );
    assert!(out[0].contains("`v1.\\u{1b}[31m`"), "{out:?}");
}

#[test]
fn the_stage_keys_give_the_state() {
    let out = expand(
        quote!(alpha = "v1.6.0", beta = "v1.7.0"),
        quote!(
            struct X;
        ),
    );
    // The layout's codes: the state in bits 0..3, Beta = 1.
    assert!(out.contains(r#"\x01\0\0\0""#), "{out}");
    let out = expand(
        quote!(state = Beta, alpha = "v1.6.0", beta = "v1.7.0"),
        quote!(
            struct X;
        ),
    );
    assert!(out.contains(r#"\x01\0\0\0""#), "{out}");
}

#[test]
fn each_rule_is_named() {
    let cases = [
        (
            quote!(alpha = "v1.7.0", beta = "v1.6.0"),
            "`beta = \"v1.6.0\"` is not after `alpha = \"v1.7.0\"`: a gate enters its stages in the order Alpha, Beta, GA, Deprecated, Discontinued, each in a later release",
        ),
        (
            quote!(beta = "v1.7", ga = "v1.7.0"),
            "`ga = \"v1.7.0\"` is not after `beta = \"v1.7\"`: a gate enters its stages in the order Alpha, Beta, GA, Deprecated, Discontinued, each in a later release",
        ),
        (
            quote!(state = Alpha, beta = "v1.7"),
            "`state = Alpha` disagrees with the stage keys: the last stage given is Beta (`beta = \"v1.7\"`); make it Beta or leave `state` out",
        ),
        (
            quote!(since = "v1.7", beta = "v1.7"),
            "`since` does not mix with the stage keys: `beta = \"v1.7\"` already says when the gate entered its state; leave `since` out",
        ),
    ];
    for (args, message) in cases {
        assert_eq!(
            errors(
                args.clone(),
                quote!(
                    struct X;
                )
            ),
            [message],
            "{args}"
        );
    }
}

#[test]
fn a_stage_key_that_does_not_read_is_not_a_missing_state() {
    let out = errors(
        quote!(ga = "soon"),
        quote!(
            struct X;
        ),
    );
    assert_eq!(out.len(), 1, "{out:?}");
    // Nor is the state judged against the stages that did read.
    let out = errors(
        quote!(state = GA, alpha = "v1.0", ga = "soon"),
        quote!(
            struct X;
        ),
    );
    assert_eq!(out.len(), 1, "{out:?}");
}
