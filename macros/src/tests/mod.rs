//! The macro's tests, on `proc_macro2` tokens: a proc-macro crate cannot
//! export its core to an outside `tests/` directory, so they live here.
//! `expand` holds the expansion snapshots and the error paths, `imports`
//! the check that the files import as a tree, `names` and `strings` the
//! limits on what a declaration holds, `props` the property tests (never a
//! panic, errors exactly when the input is invalid).

mod expand;
mod fast_paths;
mod imports;
mod lifecycle;
mod names;
mod props;
mod requires;
mod strings;
mod target;

use expect_test::ExpectFile;
use proc_macro2::TokenStream;

use crate::expand::feature_gate;

/// The expansion, pretty-printed when it parses as a file.
fn expand(args: TokenStream, item: TokenStream) -> String {
    let out = feature_gate(args, item);
    match syn::parse2::<syn::File>(out.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(_) => out.to_string(),
    }
}

fn check(args: TokenStream, item: TokenStream, snapshot: &ExpectFile) {
    snapshot.assert_eq(&expand(args, item));
}

/// The messages of the `compile_error!`s in the expansion, in order.
fn errors(args: TokenStream, item: TokenStream) -> Vec<String> {
    let out = feature_gate(args, item);
    let mut messages = Vec::new();
    let mut tokens = out.into_iter().peekable();
    while let Some(token) = tokens.next() {
        if let proc_macro2::TokenTree::Ident(ident) = &token
            && ident == "compile_error"
        {
            // `compile_error ! { "message" }` (darling) or `( "message" )`.
            let _bang = tokens.next();
            if let Some(proc_macro2::TokenTree::Group(group)) = tokens.next()
                && let Ok(lit) = syn::parse2::<syn::LitStr>(group.stream())
            {
                messages.push(lit.value());
            }
        }
    }
    messages
}
