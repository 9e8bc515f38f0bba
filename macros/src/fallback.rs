//! What a declaration with mistakes expands to: the item unchanged, the
//! errors, and an impl of `FeatureGate` on a placeholder descriptor, so that
//! one typo in the attribute does not bury the user in errors from every
//! use of the type (`T::is_enabled()`), and whether each requirement is a
//! gate at all (SPEC section 10: every mistake at once). When the only
//! mistakes left requirements out of the list (named twice, the gate
//! itself), the gate's own expansion stands in for the placeholder, so that
//! the compiler judges the other requirements' rules too.

use darling::Error;
use proc_macro2::TokenStream;
use quote::quote;
use syn::{Ident, Path};

use crate::crate_path::CratePath;
use crate::requires;
use crate::trees::Trees;

/// Why the expansion failed, and what the fallback needs to keep the item
/// usable.
pub(crate) struct Failure {
    error: Error,
    instead: Instead,
}

/// What follows the errors.
enum Instead {
    /// An impl of `FeatureGate` on the placeholder descriptor, when the item
    /// is a marker type (no impl on anything else), and the check that each
    /// requirement read is a gate.
    Placeholder {
        krate: CratePath,
        marker: Option<Ident>,
        requires: Vec<Path>,
    },
    /// The gate's expansion, built from its requirements that are left.
    Expansion(Trees),
}

impl Failure {
    pub(crate) fn new(
        error: Error,
        krate: CratePath,
        marker: Option<Ident>,
        requires: Vec<Path>,
    ) -> Failure {
        Failure {
            error,
            instead: Instead::Placeholder {
                krate,
                marker,
                requires,
            },
        }
    }

    /// A failure whose every error left a requirement out of the list: the
    /// gate expands in full beside them.
    pub(crate) fn beside(error: Error, expansion: Trees) -> Failure {
        Failure {
            error,
            instead: Instead::Expansion(expansion),
        }
    }
}

pub(crate) fn expand(mut item: TokenStream, failure: Failure) -> TokenStream {
    let Failure { error, instead } = failure;
    item.extend(error.write_errors());
    match instead {
        Instead::Placeholder {
            krate,
            marker: Some(ident),
            requires,
        } => {
            // Like the real impl, left out of rustc's list of the types
            // that are gates when a requirement names one that is not.
            item.extend(quote! {
                #[diagnostic::do_not_recommend]
                impl #krate::FeatureGate for #ident {
                    const __DECL: #krate::__private::Decl = #krate::__private::Decl::UNKNOWN;
                }
            });
            if !requires.is_empty() {
                let mut checks = Trees::new();
                requires::gate_checks(&krate, &ident, &requires, &mut checks);
                item.extend(checks.into_stream());
            }
        }
        Instead::Placeholder { marker: None, .. } => {}
        Instead::Expansion(expansion) => item.extend(expansion.into_stream()),
    }
    item
}
