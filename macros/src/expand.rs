//! Turns a checked declaration into one call of the runtime's
//! `__private::gate!` (its `__feature_gate!` macro), which expands to the
//! static descriptor, the `FeatureGate` impl and the `inventory` registration.
//!
//! The expansion is kept small on purpose: a crate of a thousand gates pays
//! for every token built here a thousand times at each rebuild, in a proc
//! macro that the user's dev profile runs unoptimised. So the strings travel
//! as one literal, their lengths and the state and support values as one
//! byte string, and rustc expands the rest from the runtime's `macro_rules!`
//! and evaluates it with const fns.

use darling::Error;
use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Item;

use crate::check::{self, Gate};
use crate::parse::{self, at};
use crate::symbol::ARCHS;

/// The attribute's whole job, on `proc_macro2` tokens so tests can drive it.
/// It never panics: every failure becomes a `compile_error!` next to the
/// unchanged item (so no "cannot find type" follows a typo in the attribute).
pub(crate) fn feature_gate(args: TokenStream, item: TokenStream) -> TokenStream {
    // A plain Vec rather than darling's accumulator: the accumulator panics
    // when dropped unfinished, and this function must not panic.
    let mut errors = Vec::new();
    let declaration = parse::declaration(args, &mut errors);
    let krate = match &declaration.krate {
        Some(path) if !check::absolute(path) => {
            errors.push(
                Error::custom(format!(
                    "`crate` must be an absolute path, like `crate = ::{}`: a relative path would resolve differently in each module",
                    quote!(#path).to_string().replace(' ', "")
                ))
                .with_span(path),
            );
            quote!(::featuregate)
        }
        Some(path) => quote!(#path),
        None => quote!(::featuregate),
    };
    let parsed: Result<Item, _> = syn::parse2(item.clone());
    let Ok(parsed) = parsed else {
        // rustc only hands attributes whole items, so this is input from a
        // test or a newer syntax than syn knows: say what is expected.
        errors.push(at(Span::call_site(), check::MARKER));
        return with_errors(item, errors);
    };
    let marker = match check::marker(&parsed) {
        Ok(marker) => marker,
        Err(error) => {
            errors.push(error);
            return with_errors(item, errors);
        }
    };
    match check::gate(declaration, marker, &mut errors) {
        Some(gate) if errors.is_empty() => match descriptor(&gate, &krate) {
            Ok(expansion) => concat(item, expansion),
            Err(error) => fallback(item, &marker.ident, &krate, vec![error]),
        },
        _ => fallback(item, &marker.ident, &krate, errors),
    }
}

fn with_errors(item: TokenStream, errors: Vec<Error>) -> TokenStream {
    if errors.is_empty() {
        return item;
    }
    concat(item, Error::multiple(errors).write_errors())
}

fn concat(mut first: TokenStream, second: TokenStream) -> TokenStream {
    first.extend(second);
    first
}

/// The item, its errors, and an impl of `FeatureGate` on a placeholder
/// descriptor so that uses of the type (`T::is_enabled()`) add no errors.
fn fallback(
    item: TokenStream,
    ident: &syn::Ident,
    krate: &TokenStream,
    errors: Vec<Error>,
) -> TokenStream {
    let placeholder = quote! {
        impl #krate::FeatureGate for #ident {
            const GATE: &'static #krate::__private::Gate = &#krate::__private::FALLBACK;
        }
    };
    concat(with_errors(item, errors), placeholder)
}

fn descriptor(gate: &Gate, krate: &TokenStream) -> Result<TokenStream, Error> {
    let reasons = gate
        .support
        .iter()
        .map(|s| s.as_ref().and_then(|s| s.reason.as_deref()));
    let fields = [
        Some(gate.name.as_str()),
        gate.message.as_deref(),
        gate.description.as_deref(),
        gate.since.as_deref(),
        gate.owner.as_deref(),
    ]
    .into_iter()
    .chain(reasons)
    .map(Option::unwrap_or_default);
    let mut text = String::new();
    let mut lens = Vec::with_capacity(5 + ARCHS.len());
    for (i, field) in fields.enumerate() {
        // The descriptor keeps each length in a u16.
        let len = u16::try_from(field.len()).map_err(|_| {
            let what = [
                "the name",
                "the message",
                "the doc comment",
                "since",
                "owner",
            ]
            .get(i)
            .map_or_else(
                || format!("the {} reason", ARCHS[i - 5]),
                |w| (*w).to_owned(),
            );
            at(
                Span::call_site(),
                format!("{what} is longer than {} bytes", u16::MAX),
            )
        })?;
        text.push_str(field);
        lens.push(len);
    }
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
    let mut layout: Vec<u8> = lens.iter().flat_map(|len| len.to_le_bytes()).collect();
    layout.extend(codes.to_le_bytes());
    let layout = Literal::byte_string(&layout);
    let ident = &gate.ident;
    let line = quote_spanned!(ident.span()=> ::core::line!());
    let used_by = gate.used_by.as_ref().map(|path| quote!(, #path));
    Ok(quote! {
        #krate::__private::gate!(#ident, #text, #layout, #line #used_by);
    })
}
