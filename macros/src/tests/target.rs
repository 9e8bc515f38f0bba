//! `assert_target_supported!`: one check per gate, called at the gate's
//! path; a list that names nothing is an error, not a silent pass.

use proc_macro2::TokenStream;
use quote::quote;

use crate::target::{assert_supported_on, assert_target_supported};

fn checks(out: &TokenStream) -> usize {
    out.to_string().matches("target_supported_at").count()
}

#[test]
fn one_check_per_gate_at_the_target() {
    let out = assert_target_supported(quote!(ImageVolume, crate::gates::Sev,));
    assert_eq!(checks(&out), 2, "{out}");
    let text = out.to_string();
    assert!(text.contains("Arch :: current ()"), "{text}");
    assert!(text.contains("crate :: gates :: Sev"), "{text}");
}

#[test]
fn the_hidden_form_takes_the_architecture() {
    let out = assert_supported_on(quote!(Some(Arch::S390x); Sev));
    assert_eq!(checks(&out), 1, "{out}");
    assert!(out.to_string().contains("Some (Arch :: S390x)"), "{out}");
    assert!(!out.to_string().contains("current"), "{out}");
}

#[test]
fn nothing_named_or_no_path_is_an_error() {
    for input in [
        quote!(),
        quote!(,),
        quote!("ImageVolume"),
        quote!(ImageVolume ImageVolume),
    ] {
        let out = assert_target_supported(input.clone());
        assert!(
            out.to_string().contains("compile_error"),
            "{input} gave {out}"
        );
        assert_eq!(checks(&out), 0, "{out}");
    }
    let out = assert_supported_on(quote!(Sev));
    assert!(out.to_string().contains("compile_error"), "{out}");
}
