//! What the macro itself checks of `requires`: the form, an empty list, a
//! path given twice, the gate itself. The rest is for the compiler (see the
//! UI tests under `ui-tests/ui/requires/`), which the expansion still asks
//! beside the macro's own errors.

use quote::quote;

use super::errors;
use crate::expand::feature_gate;

/// The arguments of each `requirement!` call in the expansion, as written.
fn requirement_calls(args: proc_macro2::TokenStream) -> Vec<String> {
    let out = feature_gate(
        args,
        quote!(
            struct Grace;
        ),
    )
    .to_string();
    out.split("requirement ! (")
        .skip(1)
        .map(|call| call.split(") ;").next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn one_path_or_a_list_of_paths() {
    for args in [
        quote!(state = Alpha, requires = Iommufd),
        quote!(state = Alpha, requires = [Iommufd]),
        quote!(state = Alpha, requires = [Iommufd, crate::gates::Pci,]),
        quote!(state = Alpha, requires = [::other::Gate]),
    ] {
        assert_eq!(
            errors(
                args.clone(),
                quote!(
                    struct Grace;
                )
            ),
            Vec::<String>::new(),
            "{args}"
        );
    }
}

#[test]
fn each_mistake_is_named() {
    let cases = [
        (
            quote!(requires = []),
            "`requires = []` names no gate: name one, or leave the key out",
        ),
        (
            quote!(requires = "IOMMUFD"),
            "`requires` takes the marker types of gates: `requires = [Iommufd, crate::gates::PciNumaAwareTopology]` or one path",
        ),
        (
            quote!(requires = [Iommufd, 1]),
            "`requires` lists the marker types of gates: `requires = [Iommufd, crate::gates::PciNumaAwareTopology]` or one path",
        ),
        (
            quote!(requires = [a::B, a::B]),
            "`a::B` is required twice: name each requirement once",
        ),
        (
            quote!(requires = Grace),
            "`Grace` requires itself: a gate cannot require itself",
        ),
        (
            quote!(requires = [Other, Self]),
            "`Grace` requires itself: a gate cannot require itself",
        ),
    ];
    for (args, message) in cases {
        assert_eq!(
            errors(
                quote!(state = Alpha, #args),
                quote!(
                    struct Grace;
                )
            ),
            [message],
            "{args}"
        );
    }
}

#[test]
fn every_duplicate_is_reported() {
    let out = errors(
        quote!(state = Alpha, requires = [A, B, A, B]),
        quote!(
            struct Grace;
        ),
    );
    assert_eq!(out.len(), 2, "{out:?}");
}

#[test]
fn requirements_left_out_leave_the_rest_to_the_compiler() {
    // Named twice and the gate itself: each an error of the macro, left out
    // of the list; the rest expands in full, so the compiler still says
    // whether `NotAGate` is a gate and whether `Known`'s rules hold.
    let args = quote!(state = GA, requires = [Known, Known, Self, NotAGate]);
    assert_eq!(
        errors(
            args.clone(),
            quote!(
                struct Grace;
            )
        ),
        [
            "`Known` is required twice: name each requirement once",
            "`Grace` requires itself: a gate cannot require itself",
        ]
    );
    assert_eq!(
        requirement_calls(args.clone()),
        [
            "Grace , Known",
            "Grace , NotAGate",
            "Grace , NotAGate , [Known]"
        ]
    );
    let out = feature_gate(
        args,
        quote!(
            struct Grace;
        ),
    )
    .to_string();
    assert!(out.contains("gate ! (Grace"), "the gate expands: {out}");
    assert!(!out.contains("UNKNOWN"), "no placeholder: {out}");
}

#[test]
fn beside_another_mistake_each_requirement_is_still_checked_to_be_a_gate() {
    // Another mistake: the placeholder, and only the first form of each
    // check (is it a gate at all); no rule is judged against a placeholder.
    let args = quote!(state = Bta, requires = [Known, Known, NotAGate]);
    assert_eq!(
        errors(
            args.clone(),
            quote!(
                struct Grace;
            )
        ),
        [
            "unknown state `Bta`; did you mean `Beta`?",
            "`Known` is required twice: name each requirement once",
        ]
    );
    assert_eq!(
        requirement_calls(args.clone()),
        ["Grace , Known", "Grace , NotAGate"]
    );
    let out = feature_gate(
        args,
        quote!(
            struct Grace;
        ),
    )
    .to_string();
    assert!(out.contains("Decl :: UNKNOWN"), "the placeholder: {out}");
    assert!(!out.contains("gate ! (Grace"), "no descriptor: {out}");
}

#[test]
fn a_declaration_without_requirements_adds_no_check() {
    assert!(requirement_calls(quote!(state = Bta)).is_empty());
    assert!(requirement_calls(quote!(state = Beta)).is_empty());
}
