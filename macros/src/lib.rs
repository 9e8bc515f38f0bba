//! The `#[feature_gate]` attribute of the [`featuregate`] crate. Depend on
//! `featuregate`, which re-exports it; this crate is its implementation.
//!
//! [`featuregate`]: https://docs.rs/featuregate

mod args;
mod check;
mod crate_path;
mod doc;
mod expand;
mod fallback;
mod lifecycle;
mod marker;
mod parse;
mod requires;
mod respan;
mod spanned_error;
mod symbol;
mod target;
mod text;
mod trees;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Declares a feature gate on a marker type; see the `featuregate` crate.
#[proc_macro_attribute]
pub fn feature_gate(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::feature_gate(args.into(), item.into()).into()
}

/// Fails the build for a target where a listed gate is `Unsupported`; see
/// `featuregate::assert_target_supported!`.
#[proc_macro]
pub fn assert_target_supported(input: TokenStream) -> TokenStream {
    target::assert_target_supported(input.into()).into()
}

/// Not public API: `assert_target_supported!` for a given architecture
/// (`ARCH; A, B`), for tests of targets whose standard library is missing.
#[doc(hidden)]
#[proc_macro]
pub fn __assert_supported_on(input: TokenStream) -> TokenStream {
    target::assert_supported_on(input.into()).into()
}
