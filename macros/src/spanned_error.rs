//! An error at a span: the one constructor every stage uses when it has a
//! span rather than a syntax node (darling's `with_span` takes nodes).

use darling::Error;
use proc_macro2::Span;

/// An error at `span` with `message`.
pub(crate) fn at(span: Span, message: impl std::fmt::Display) -> Error {
    syn::Error::new(span, message).into()
}
