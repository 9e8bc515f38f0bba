//! Expansion snapshots a reviewer reads in the diff (regenerate with
//! `UPDATE_EXPECT=1 cargo test -p featuregate-macros`), and the error paths.

use expect_test::expect_file;
use quote::quote;

use super::{check, expand};
use crate::expand::feature_gate;

#[test]
fn snapshot_plain() {
    check(
        quote!(
            state = Beta,
            amd64 = Supported,
            arm64 = Unverified,
            s390x = Unverified
        ),
        quote! {
            /// Lets a VM use a container image as a volume.
            pub struct ImageVolume;
        },
        &expect_file!["snapshots/plain.expanded"],
    );
}

#[test]
fn snapshot_every_key() {
    check(
        quote!(
            name = "WorkloadEncryptionSEV",
            state = Alpha,
            message = "SEV needs AMD hardware",
            amd64 = Supported,
            others = Unsupported("AMD SEV is an AMD64 feature"),
            since = "v1.9.0",
            owner = "sig-compute",
            used_by = crate::spec::uses_sev,
            crate = ::reexport::featuregate,
        ),
        quote!(
            pub struct WorkloadEncryptionSev {}
        ),
        &expect_file!["snapshots/every_key.expanded"],
    );
}

#[test]
fn snapshot_error_keeps_item() {
    check(
        quote!(state = Bta, aarch64 = Supported),
        quote!(
            pub struct ImageVolume;
        ),
        &expect_file!["snapshots/error_keeps_item.expanded"],
    );
}

#[test]
fn wrong_item_is_emitted_unchanged_with_the_error() {
    let out = feature_gate(
        quote!(state = Beta),
        quote!(
            enum E {
                A,
            }
        ),
    )
    .to_string();
    assert!(out.starts_with("enum E { A , }"), "{out}");
    assert!(out.contains("compile_error"), "{out}");
    assert!(
        !out.contains("impl"),
        "no FeatureGate impl on a non-marker item: {out}"
    );
}

#[test]
fn garbage_never_panics() {
    let cases = [
        (quote!(), quote!()),
        (
            quote!(=),
            quote!(
                struct X;
            ),
        ),
        (
            quote!(state = = Beta),
            quote!(
                struct X;
            ),
        ),
        (
            quote!(state = Beta,,),
            quote!(
                struct X;
            ),
        ),
        (
            quote!(amd64 = Pending("a", "b")),
            quote!(
                struct X;
            ),
        ),
        (
            quote!(amd64 = Pending()),
            quote!(
                struct X;
            ),
        ),
        (
            quote!(state = Beta::Gamma),
            quote!(
                struct X;
            ),
        ),
        (
            quote!(::state = Beta),
            quote!(
                struct X;
            ),
        ),
        (
            quote!(a::b = c),
            quote!(
                struct X;
            ),
        ),
        (quote!(state = Beta), quote!(struct)),
        (quote!(state = Beta), quote!(not an item at all)),
        (
            quote!("literal"),
            quote!(
                struct X;
            ),
        ),
        (
            quote!(crate = "x"),
            quote!(
                struct X;
            ),
        ),
        (
            quote!(state = Beta, name = "r#type"),
            quote!(
                struct r#type;
            ),
        ),
    ];
    for (args, item) in cases {
        let out = feature_gate(args.clone(), item.clone());
        assert!(!out.is_empty(), "{args} / {item}");
    }
}

#[test]
fn raw_identifier_names_the_gate_without_its_prefix() {
    let out = expand(
        quote!(state = Beta),
        quote!(
            pub struct r#Box;
        ),
    );
    assert!(out.contains("\"Box"), "{out}");
}

#[test]
fn snapshot_requires() {
    check(
        quote!(
            name = "GraceIOVirtualization",
            state = Alpha,
            arm64 = Supported,
            requires = [Iommufd, crate::gates::PciNumaAwareTopology],
        ),
        quote!(
            pub struct GraceIoVirtualization;
        ),
        &expect_file!["snapshots/requires.expanded"],
    );
}

#[test]
fn snapshot_lifecycle() {
    check(
        quote!(
            alpha = "v1.6.0",
            beta = "1.7",
            ga = "v1.9.0",
            arm64 = Supported
        ),
        quote!(
            /// Gives a VM a pvpanic device.
            pub struct PanicDevices;
        ),
        &expect_file!["snapshots/lifecycle.expanded"],
    );
}
