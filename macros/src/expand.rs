//! The attribute's one way through: [`feature_gate`] tries the expansion
//! and, when the declaration has mistakes, hands them to
//! [`fallback`](crate::fallback).
//!
//! A checked declaration becomes one call of the runtime's
//! `__private::gate!` (its `__feature_gate!` macro), which expands to the
//! static descriptor, the `FeatureGate` impl and the `inventory`
//! registration, after a call of `__private::requirement!` per requirement
//! check. The tokens are gathered in [`Trees`] and made into a stream once. The expansion is kept small on purpose: a crate of a
//! thousand gates pays for every token built here a thousand times at each
//! rebuild, in a proc macro that the user's dev profile runs unoptimised. So
//! the strings travel as one literal, their lengths and the state and
//! support values as one byte string, and rustc expands the rest from the
//! runtime's `macro_rules!` and evaluates it with const fns.

use darling::Error;
use proc_macro2::{Delimiter, Literal, Span, TokenStream, TokenTree};
use syn::Ident;

use crate::check::{self, Gate};
use crate::crate_path::CratePath;
use crate::doc;
use crate::fallback::{self, Failure};
use crate::marker::{self, MARKER};
use crate::parse;
use crate::requires;
use crate::spanned_error::at;
use crate::symbol::{ARCHS, STAGES};
use crate::trees::Trees;

/// The attribute's whole job, on `proc_macro2` tokens so tests can drive it.
/// It never panics: every failure becomes a `compile_error!` next to the
/// unchanged item.
pub(crate) fn feature_gate(args: TokenStream, item: TokenStream) -> TokenStream {
    // The item's trees are read once: the marker type is scanned from them
    // and they lead the expansion, which is made into a stream in one go.
    let item: Vec<TokenTree> = item.into_iter().collect();
    match try_expand(args, &item) {
        Ok(expansion) => {
            let mut out = Trees::new();
            out.extend(item).extend_trees(expansion);
            out.into_stream()
        }
        Err(failure) => fallback::expand(item.into_iter().collect(), *failure),
    }
}

fn try_expand(args: TokenStream, item: &[TokenTree]) -> Result<Trees, Box<Failure>> {
    // The accumulator must be finished on every path (it panics when
    // dropped unfinished), so nothing below returns early while it lives.
    let mut errors = Error::accumulator();
    let declaration = parse::declaration(args, &mut errors);
    let krate = declaration.krate.clone();
    let marker = marker::read(item, &mut errors);
    let ident: Option<Ident> = marker.as_ref().map(|marker| marker.ident.clone());
    let gate = marker.map(|marker| check::gate(declaration, marker, &mut errors));
    match (errors.finish(), gate) {
        (Ok(()), Some(gate)) => Ok(descriptor(&gate, &krate)),
        // Without a marker type an error was pushed above; this arm only
        // keeps the types honest.
        (Ok(()), None) => Err(Box::new(Failure::new(
            at(Span::call_site(), MARKER),
            krate,
            ident,
            Vec::new(),
        ))),
        // Each requirement left out of the list pushed one error: when they
        // are all the errors, the rest of the declaration is sound.
        (Err(error), Some(gate)) if error.len() == gate.left_out => {
            Err(Box::new(Failure::beside(error, descriptor(&gate, &krate))))
        }
        (Err(error), gate) => {
            let requires = gate.map(|gate| gate.requires).unwrap_or_default();
            Err(Box::new(Failure::new(error, krate, ident, requires)))
        }
    }
}

fn descriptor(gate: &Gate, krate: &CratePath) -> Trees {
    // The strings with a length, in the layout's order: the name, message,
    // since and owner, each architecture's reason, each stage's version.
    let mut fields = [""; 4 + ARCHS.len() + STAGES.len()];
    fields[0] = &gate.name;
    fields[1] = gate.message.as_deref().unwrap_or_default();
    fields[2] = gate.since.as_deref().unwrap_or_default();
    fields[3] = gate.owner.as_deref().unwrap_or_default();
    for (slot, support) in fields[4..].iter_mut().zip(&gate.support) {
        *slot = support
            .as_ref()
            .and_then(|s| s.reason.as_deref())
            .unwrap_or_default();
    }
    for (slot, stage) in fields[4 + ARCHS.len()..].iter_mut().zip(&gate.stages) {
        *slot = stage.as_deref().unwrap_or_default();
    }
    let mut text = String::new();
    let mut layout = Vec::with_capacity(2 * fields.len() + 4);
    for field in fields {
        text.push_str(field);
        // The parser held every string to u16::MAX bytes and the name to 128.
        let len = field.len() as u16;
        layout.push(len as u8);
        layout.push((len >> 8) as u8);
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
    layout.extend(codes.to_le_bytes());
    let ident = &gate.ident;

    // `gate!(Ident, "strings", b"layout", [requires], used_by)`
    let mut args = Trees::new();
    args.push(ident.clone()).punct(',');
    // The description goes in the tail, after the fields with a length and
    // before the module path: a doc comment has no length limit. Plain text
    // joins the fields' literal; a doc comment that holds a macro call
    // (`include_str!`) follows it in brackets, as `concat!`'s arguments.
    if let Some(description) = doc::text(&gate.description) {
        text.push_str(&description);
        args.literal(Literal::string(&text));
    } else {
        args.literal(Literal::string(&text));
        let mut description = Trees::new();
        doc::concat_args(&gate.description, &mut description);
        args.group(Delimiter::Bracket, description);
    }
    args.punct(',')
        .literal(Literal::byte_string(&layout))
        .punct(',');
    args.group(Delimiter::Bracket, requires::list(&gate.requires));
    if let Some(path) = &gate.used_by {
        args.punct(',').tokens(path);
    }
    // Each requirement's check, then the descriptor: the call of
    // `__private::gate!`. `line!()` in its body gives the line of the
    // outermost macro call, so the call is spanned at the marker type's
    // name, and that is the line of the declaration.
    let mut out = Trees::new();
    requires::checks(krate, ident, &gate.requires, &mut out);
    let mut call = Trees::at(ident.span());
    match krate {
        CratePath::Default => {
            krate.write_at(&mut call);
        }
        CratePath::Explicit(_) => {
            call.ident(RUNTIME);
        }
    }
    call.path_sep()
        .ident("__private")
        .path_sep()
        .ident("gate")
        .punct('!')
        .group(Delimiter::Parenthesis, args)
        .punct(';');
    let CratePath::Explicit(path) = krate else {
        out.extend_trees(call);
        return out;
    };
    // An explicit crate path keeps its own spans, by which it resolves (a
    // framework's `$crate`): it is imported under a name spanned like the
    // call, in a block of its own.
    // `const _: () = { use path as __featuregate_runtime; call };`
    let mut block = Trees::at(ident.span());
    block
        .ident("use")
        .tokens(path)
        .ident("as")
        .ident(RUNTIME)
        .punct(';')
        .extend_trees(call);
    out.ident("const")
        .ident("_")
        .punct(':')
        .group(Delimiter::Parenthesis, Trees::new())
        .punct('=')
        .group(Delimiter::Brace, block)
        .punct(';');
    out
}

/// The name an explicit crate path is imported under.
const RUNTIME: &str = "__featuregate_runtime";
