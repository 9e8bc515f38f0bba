//! The attribute's one way through: [`feature_gate`] tries the expansion
//! and, when the declaration has mistakes, hands them to
//! [`fallback`](crate::fallback).
//!
//! A checked declaration becomes one call of the runtime's
//! `__private::gate!` (its `__feature_gate!` macro), which expands to the
//! static descriptor, the `FeatureGate` impl and the `inventory`
//! registration. The expansion is kept small on purpose: a crate of a
//! thousand gates pays for every token built here a thousand times at each
//! rebuild, in a proc macro that the user's dev profile runs unoptimised. So
//! the strings travel as one literal, their lengths and the state and
//! support values as one byte string, and rustc expands the rest from the
//! runtime's `macro_rules!` and evaluates it with const fns.

use darling::Error;
use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens as _, quote, quote_spanned};
use syn::{Ident, Item};

use crate::check::{self, Gate};
use crate::crate_path::CratePath;
use crate::doc;
use crate::fallback::{self, Failure};
use crate::parse::{self, at};
use crate::requires;
use crate::scan;

/// The attribute's whole job, on `proc_macro2` tokens so tests can drive it.
/// It never panics: every failure becomes a `compile_error!` next to the
/// unchanged item.
pub(crate) fn feature_gate(args: TokenStream, item: TokenStream) -> TokenStream {
    match try_expand(args, &item) {
        Ok(expansion) => {
            let mut out = item;
            out.extend(expansion);
            out
        }
        Err(failure) => fallback::expand(item, *failure),
    }
}

fn try_expand(args: TokenStream, item: &TokenStream) -> Result<TokenStream, Box<Failure>> {
    // The accumulator must be finished on every path (it panics when
    // dropped unfinished), so nothing below returns early while it lives.
    let mut errors = Error::accumulator();
    let declaration = parse::declaration(args, &mut errors);
    let krate = declaration.krate.clone();
    // The common shape is read from the tokens; anything else goes through
    // syn, whose errors say what is wrong. rustc only hands attributes whole
    // items, so a parse failure is input from a test or a syntax newer than
    // syn's: say what is expected.
    let marker = scan::marker(item).or_else(|| {
        let parsed = errors.handle(
            syn::parse2::<Item>(item.clone()).map_err(|_| at(Span::call_site(), check::MARKER)),
        );
        parsed.and_then(|item| errors.handle(check::marker(&item)))
    });
    let ident: Option<Ident> = marker.as_ref().map(|marker| marker.ident.clone());
    let gate = marker.map(|marker| check::gate(declaration, marker, &mut errors));
    match errors.finish_with(gate) {
        Ok(Some(gate)) => Ok(descriptor(&gate, &krate)),
        // Without a marker type an error was pushed above; this arm only
        // keeps the types honest.
        Ok(None) => Err(Box::new(Failure::new(
            at(Span::call_site(), check::MARKER),
            krate,
            ident,
        ))),
        Err(error) => Err(Box::new(Failure::new(error, krate, ident))),
    }
}

fn descriptor(gate: &Gate, krate: &CratePath) -> TokenStream {
    let reasons = gate
        .support
        .iter()
        .map(|s| s.as_ref().and_then(|s| s.reason.as_deref()));
    let fields = [
        Some(gate.name.as_str()),
        gate.message.as_deref(),
        gate.since.as_deref(),
        gate.owner.as_deref(),
    ]
    .into_iter()
    .chain(reasons)
    .chain(gate.stages.iter().map(Option::as_deref))
    .map(Option::unwrap_or_default);
    let mut text = String::new();
    let mut layout = Vec::new();
    for field in fields {
        text.push_str(field);
        // The parser held every string to u16::MAX bytes and the name to 128.
        layout.extend((field.len() as u16).to_le_bytes());
    }
    // The description goes in the tail, after the fields with a length and
    // before the module path: a doc comment has no length limit. It travels
    // apart from the fields, which the hidden `__DECL` const holds alone.
    let fields = Literal::string(&text);
    let description = doc::concat_args(&gate.description);
    // The runtime decodes the same layout in `Gate::__from_layout`: each
    // length as a little-endian u16, then the codes as a little-endian u32
    // (the state in bits 0..3, then 3 bits per architecture, 0 meaning
    // unspecified).
    let mut codes = gate.state as u32;
    for (i, support) in gate.support.iter().enumerate() {
        if let Some(support) = support {
            codes |= (support.index as u32 + 1) << (3 * (i + 1));
        }
    }
    layout.extend(codes.to_le_bytes());
    let layout = Literal::byte_string(&layout);
    let ident = &gate.ident;
    let line = quote_spanned!(ident.span()=> ::core::line!());
    let used_by = gate.used_by.as_ref().map(|path| quote!(, #path));
    if gate.requires.is_empty() {
        return quote! {
            #krate::__private::gate!(#ident, [#fields, #description], #layout, #line, [] #used_by);
        };
    }
    // The requirements' consts and the descriptor that lists them share a
    // scope of their own.
    let (checks, names) = requires::checks(&krate.to_token_stream(), ident, &gate.requires);
    quote! {
        const _: () = {
            #checks
            #krate::__private::gate!(#ident, [#fields, #description], #layout, #line, [#(#names),*] #used_by);
        };
    }
}
