//! The `crate = path` key: the path of the runtime crate, for a framework
//! that re-exports it under another name.

use darling::Error;
use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::Path;

use crate::respan::respan;
use crate::trees::Trees;

/// Where the expansion finds the runtime: `::featuregate` unless the
/// declaration says otherwise.
#[derive(Clone, Default)]
pub(crate) enum CratePath {
    #[default]
    Default,
    Explicit(Path),
}

impl CratePath {
    /// Checks the path a declaration gives: it must be absolute, since the
    /// expansion lands in the user's module and a relative path would
    /// resolve differently in each one.
    pub(crate) fn new(path: Path) -> Result<CratePath, Error> {
        let first = path.segments.first().map(|s| s.ident.to_string());
        let absolute = path.leading_colon.is_some()
            || first
                .as_deref()
                .is_some_and(|f| f == "crate" || f == "$crate");
        if absolute {
            return Ok(CratePath::Explicit(path));
        }
        let written = quote!(#path).to_string().replace(' ', "");
        let message = if matches!(first.as_deref(), Some("self" | "super")) {
            format!(
                "`crate` must be an absolute path, not `{written}`: start it with `crate::` (`crate::reexport::featuregate`)"
            )
        } else {
            format!(
                "`crate` must be an absolute path, like `crate = ::{written}`: a relative path would resolve differently in each module"
            )
        };
        Err(Error::custom(message).with_span(&path))
    }
}

impl CratePath {
    /// Writes the path located like `trees`; an explicit path keeps its own
    /// name resolution (see [`respan`]).
    pub(crate) fn write_at(&self, trees: &mut Trees) {
        match self {
            CratePath::Default => {
                trees.absolute(&["featuregate"]);
            }
            CratePath::Explicit(path) => {
                let span = trees.span();
                trees.extend(respan(path.to_token_stream(), span));
            }
        }
    }
}

impl ToTokens for CratePath {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            CratePath::Default => tokens.extend(quote!(::featuregate)),
            CratePath::Explicit(path) => path.to_tokens(tokens),
        }
    }
}
