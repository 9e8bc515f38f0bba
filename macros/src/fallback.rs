//! What a declaration with mistakes expands to: the item unchanged, the
//! errors, and an impl of `FeatureGate` on a placeholder descriptor, so that
//! one typo in the attribute does not bury the user in errors from every
//! use of the type (`T::is_enabled()`).

use darling::Error;
use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

use crate::crate_path::CratePath;

/// Why the expansion failed, and what the fallback needs to keep the item
/// usable.
pub(crate) struct Failure {
    error: Error,
    krate: CratePath,
    /// The marker type, when the item is one (no impl on anything else).
    marker: Option<Ident>,
}

impl Failure {
    pub(crate) fn new(error: Error, krate: CratePath, marker: Option<Ident>) -> Failure {
        Failure {
            error,
            krate,
            marker,
        }
    }
}

pub(crate) fn expand(mut item: TokenStream, failure: Failure) -> TokenStream {
    let Failure {
        error,
        krate,
        marker,
    } = failure;
    let errors = error.write_errors();
    let placeholder = marker.map(|ident| {
        quote! {
            impl #krate::FeatureGate for #ident {
                const __DECL: #krate::__private::Decl = #krate::__private::Decl::UNKNOWN;
            }
        }
    });
    item.extend(quote!(#errors #placeholder));
    item
}
