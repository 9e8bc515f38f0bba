//! The token-level readers of the common marker type and entries agree with
//! syn's parsers, and hand everything else to them.

use proc_macro2::TokenStream;
use quote::{ToTokens as _, quote};
use syn::parse::Parser as _;

use crate::args::{self, Entry};
use crate::doc;
use crate::marker::{self, Marker};
use crate::trees::Trees;

fn shown(marker: &Marker) -> String {
    let mut description = Trees::new();
    doc::concat_args(&marker.description, &mut description);
    format!("{} {}", marker.ident, description.into_stream())
}

#[test]
fn a_plain_marker_reads_as_syn_reads_it() {
    for item in [
        quote!(
            struct A;
        ),
        quote!(
            pub struct A {}
        ),
        quote!(
            pub(crate) struct r#A;
        ),
        quote!(
            pub(in crate::x) struct A;
        ),
        quote! {
            /// One line.
            ///
            ///   indented, "quoted" \ and trailing
            #[doc = "more"]
            #[doc = r"raw \n"]
            pub struct A;
        },
        quote! {
            #[doc = ""]
            struct A;
        },
    ] {
        let fast = marker::scan(&item.clone().into_iter().collect::<Vec<_>>())
            .unwrap_or_else(|| panic!("not read: {item}"));
        let item_syn = syn::parse2::<syn::Item>(item.clone()).unwrap();
        let slow = marker::from_item(&item_syn).unwrap_or_else(|_| panic!("rejected: {item}"));
        assert_eq!(shown(&fast), shown(&slow), "{item}");
    }
}

#[test]
fn any_other_item_is_left_to_syn() {
    for item in [
        quote!(
            #[derive(Debug)]
            struct A;
        ),
        quote!(
            #[doc = include_str!("a.md")]
            struct A;
        ),
        quote!(
            #[doc = b"bytes"]
            struct A;
        ),
        quote!(
            #[doc]
            struct A;
        ),
        quote!(
            struct A<T>;
        ),
        quote!(
            struct A();
        ),
        quote!(
            struct A {
                x: u8,
            }
        ),
        quote!(
            struct A;
            struct B;
        ),
        quote!(
            enum A {}
        ),
        quote!(pub{} struct A;),
        quote!(),
    ] {
        assert!(
            marker::scan(&item.clone().into_iter().collect::<Vec<_>>()).is_none(),
            "{item}"
        );
    }
}

fn shown_entry(entry: &Entry) -> String {
    let value = entry
        .value
        .as_ref()
        .map(|v| v.to_token_stream().to_string());
    format!("{} = {value:?}", entry.key.to_token_stream())
}

#[test]
fn a_plain_entry_reads_as_syn_reads_it() {
    for chunk in [
        quote!(state = Beta),
        quote!(state = "Beta"),
        quote!(amd64 = Pending("needs CDI")),
        quote!(amd64 = Pending()),
        quote!(since = 1.5),
        quote!(requires = [A, crate::B]),
        quote!(requires = Self),
        quote!(used_by = Check),
    ] {
        let fast = args::plain(&chunk.clone().into_iter().collect::<Vec<_>>())
            .unwrap_or_else(|| panic!("not read: {chunk}"));
        let slow = args::entry.parse2(chunk.clone()).unwrap();
        assert_eq!(shown_entry(&fast), shown_entry(&slow), "{chunk}");
    }
}

#[test]
fn any_other_entry_is_left_to_syn() {
    let chunks: [TokenStream; 12] = [
        quote!(state = beta),
        quote!(state = true),
        quote!(state == Beta),
        quote!(state = Beta::X),
        quote!(state = -1),
        quote!(state),
        quote!(state(Beta)),
        quote!(stat = Beta),
        quote!(crate = ::featuregate),
        quote!(used_by = crate::spec::uses_sev),
        quote!(amd64 = Pending["x"]),
        quote!(amd64 = Pending("x") y),
    ];
    for chunk in chunks {
        assert!(
            args::plain(&chunk.clone().into_iter().collect::<Vec<_>>()).is_none(),
            "{chunk}"
        );
    }
}

#[test]
fn a_plain_string_reads_as_syn_reads_it_and_any_other_is_left_to_syn() {
    use proc_macro2::Literal;
    use std::str::FromStr as _;

    use crate::text;

    let read = [
        (r#""Beta""#, "Beta"),
        (r#""""#, ""),
        (r#""needs CDI (6)""#, "needs CDI (6)"),
        (r#""é ✓""#, "é ✓"),
        (r#"r" a doc comment""#, " a doc comment"),
        (r##"r#"with "quotes" \n"#"##, r#"with "quotes" \n"#),
        ("\"two\nlines\"", "two\nlines"),
    ];
    for (repr, value) in read {
        let literal = Literal::from_str(repr).unwrap();
        assert_eq!(text::plain(&literal).as_deref(), Some(value), "{repr}");
        let syn = syn::parse_str::<syn::LitStr>(repr).unwrap();
        assert_eq!(syn.value(), value, "{repr}");
    }
    // Escapes, suffixes and other literals go to syn.
    for repr in [
        r#""a\"b""#,
        r#""tab\t""#,
        r#""line \
           continued""#,
        r#""x"suffix"#,
        r##"r#"x"#suffix"##,
        r#"b"bytes""#,
        r#"c"c string""#,
        "1.5",
        "'c'",
    ] {
        let literal = Literal::from_str(repr).unwrap();
        assert_eq!(text::plain(&literal), None, "{repr}");
    }
}
