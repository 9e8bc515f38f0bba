//! What the macro itself checks of `requires`: the form, an empty list, a
//! path given twice, the gate itself. The rest is for the compiler (see the
//! UI tests under `ui-tests/ui/requires/`).

use quote::quote;

use super::errors;

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
