//! Respanning: tokens moved to where an error of the code they make should
//! be reported, each keeping its own name resolution.

use proc_macro2::{Group, Span, TokenStream, TokenTree};

/// `tokens` located at `span` (so that an error of the code they make is
/// reported there), each keeping its own name resolution: a `$crate` in a
/// framework's `crate = $crate::featuregate` still means the framework's
/// crate.
pub(crate) fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut new = Group::new(group.delimiter(), respan(group.stream(), span));
                new.set_span(group.span().located_at(span));
                token = TokenTree::Group(new);
            } else {
                token.set_span(token.span().located_at(span));
            }
            token
        })
        .collect()
}
