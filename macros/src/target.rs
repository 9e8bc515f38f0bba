//! `assert_target_supported!(A, B, ...)`: one check per gate, called at the
//! gate's path, so that a build refused for a target names the gate where
//! the user wrote it.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::parse::{ParseStream, Parser as _};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
use syn::{Expr, Path, Token};

use crate::respan::respan;

/// The checks for the paths of `input` against the build's target.
pub(crate) fn assert_target_supported(input: TokenStream) -> TokenStream {
    expand(input, None)
}

/// The checks for `ARCH; A, B, ...` against the architecture `ARCH` (an
/// `Option<Arch>` const expression): the hidden form tests use for targets
/// whose standard library is not installed.
pub(crate) fn assert_supported_on(input: TokenStream) -> TokenStream {
    let parser = |stream: ParseStream| {
        let arch: Expr = stream.parse()?;
        stream.parse::<Token![;]>()?;
        let rest: TokenStream = stream.parse()?;
        Ok((arch, rest))
    };
    match parser.parse2(input) {
        Ok((arch, rest)) => expand(rest, Some(&arch)),
        Err(err) => err.to_compile_error(),
    }
}

fn expand(input: TokenStream, arch: Option<&Expr>) -> TokenStream {
    let paths = match Punctuated::<Path, Token![,]>::parse_terminated.parse2(input) {
        Ok(paths) if !paths.is_empty() => paths,
        Ok(_) => {
            return syn::Error::new(
                Span::call_site(),
                "name the marker types of the gates to check, e.g. `assert_target_supported!(ImageVolume)`",
            )
            .to_compile_error();
        }
        Err(err) => return err.to_compile_error(),
    };
    let arch = arch.map_or_else(
        || quote!(::featuregate::Arch::current()),
        |arch| quote!(#arch),
    );
    paths
        .iter()
        .map(|path| {
            // The runtime's check, called at the path: its error is
            // reported there, each token keeping its name resolution.
            let check = quote!(::featuregate::__private::target_supported_at!(#arch; #path););
            respan(check, path.span())
        })
        .collect()
}
