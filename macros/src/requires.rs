//! The `requires` key: the marker types of the gates this one needs.
//!
//! The macro sees only paths; whether each names a type, and a gate, and
//! whether the two gates' states and support agree, is for the compiler to
//! settle (see the runtime's `__feature_gate_requirement!`). What the paths
//! alone show is checked here: the list is not empty and names no path
//! twice (a path named again is left out, and the rest are still judged).

use darling::Error;
use proc_macro2::{Delimiter, Span};
use quote::ToTokens;
use syn::parse::Parser as _;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
use syn::{Path, Token};

use crate::args::Value;
use crate::crate_path::CratePath;
use crate::spanned_error::at;
use crate::trees::Trees;

const EXAMPLE: &str = "`requires = [Iommufd, crate::gates::PciNumaAwareTopology]` or one path";

/// The paths of `requires = [A, path::B]` or `requires = A`, in order,
/// each once; and an error at each path named a second time, which is left
/// out of the list (so the rest of the list is still checked: see
/// `check::Gate::left_out`).
pub(crate) fn paths(value: &Value) -> Result<(Vec<Path>, Vec<Error>), Error> {
    let list = match value {
        Value::Path(path) => return Ok((vec![path.clone()], Vec::new())),
        Value::List(group) if group.delimiter() == Delimiter::Bracket => group,
        other => {
            return Err(Error::custom(format!(
                "`requires` takes the marker types of gates: {EXAMPLE}"
            ))
            .with_span(other));
        }
    };
    let parser = |input: syn::parse::ParseStream| {
        Punctuated::<Path, Token![,]>::parse_terminated_with(input, Path::parse_mod_style)
    };
    let paths = parser.parse2(list.stream()).map_err(|error| {
        Error::from(syn::Error::new(
            error.span(),
            format!("`requires` lists the marker types of gates: {EXAMPLE}"),
        ))
    })?;
    if paths.is_empty() {
        return Err(at(
            list.span(),
            "`requires = []` names no gate: name one, or leave the key out",
        ));
    }
    let mut seen: Vec<String> = Vec::with_capacity(paths.len());
    let mut once = Vec::with_capacity(paths.len());
    let mut twice = Vec::new();
    for path in paths {
        let text = written(&path);
        if seen.contains(&text) {
            twice.push(
                Error::custom(format!(
                    "`{text}` is required twice: name each requirement once"
                ))
                .with_span(&path),
            );
        } else {
            seen.push(text);
            once.push(path);
        }
    }
    Ok((once, twice))
}

/// The path as written, without spaces (`crate::gates::Iommufd`).
pub(crate) fn written(path: &Path) -> String {
    path.to_token_stream().to_string().replace(' ', "")
}

/// Whether `path` names the marker type `ident` itself (`Self`, or its
/// identifier alone); another path to it is caught by const evaluation.
pub(crate) fn is_itself(path: &Path, ident: &syn::Ident) -> bool {
    path.get_ident().is_some_and(|i| i == ident || i == "Self")
}

/// Writes the checks of the requirements to `out`: for each, a call of the
/// runtime's `requirement!` spanned at its path, which checks the rules;
/// for each after the first, one more that checks it is none of the
/// requirements before it. The second is a const of its own, so that an
/// earlier requirement that is no gate (whose error is reported at its own
/// path) does not keep this one's broken rules from being reported too.
pub(crate) fn checks(krate: &CratePath, ident: &syn::Ident, paths: &[Path], out: &mut Trees) {
    for (i, path) in paths.iter().enumerate() {
        let span = type_name(path);
        let mut args = Trees::new();
        args.push(ident.clone()).punct(',').tokens(path);
        call(krate, span, args, out);
        if i > 0 {
            let mut args = Trees::new();
            args.push(ident.clone())
                .punct(',')
                .tokens(path)
                .punct(',')
                .group(Delimiter::Bracket, list(&paths[..i]));
            call(krate, span, args, out);
        }
    }
}

/// For a declaration with mistakes, beside its placeholder descriptor (see
/// [`crate::fallback`]): the first form of each requirement's check, which
/// says whether it names a gate at all. No check judges the rules of a
/// placeholder, so these say nothing more; they cost nothing to a
/// declaration without mistakes.
pub(crate) fn gate_checks(krate: &CratePath, ident: &syn::Ident, paths: &[Path], out: &mut Trees) {
    for path in paths {
        let mut args = Trees::new();
        args.push(ident.clone()).punct(',').tokens(path);
        call(krate, type_name(path), args, out);
    }
}

/// Where a requirement's check is spanned: the invocation (macro path, `!`,
/// parentheses, `;`) at the requirement's type name (`Iommufd` of
/// `crate::gates::Iommufd`: a span cannot cover several tokens on stable
/// Rust); the arguments keep their own spans.
fn type_name(path: &Path) -> Span {
    path.segments
        .last()
        .map_or_else(|| path.span(), |s| s.ident.span())
}

/// `krate::__private::requirement!(args);`, spanned at `span`.
fn call(krate: &CratePath, span: Span, args: Trees, out: &mut Trees) {
    let mut call = Trees::at(span);
    krate.write_at(&mut call);
    call.path_sep()
        .ident("__private")
        .path_sep()
        .ident("requirement")
        .punct('!')
        .group(Delimiter::Parenthesis, args)
        .punct(';');
    out.extend_trees(call);
}

/// `A, path::B`: the paths with their own spans.
pub(crate) fn list(paths: &[Path]) -> Trees {
    let mut list = Trees::new();
    for (i, path) in paths.iter().enumerate() {
        if i > 0 {
            list.punct(',');
        }
        list.tokens(path);
    }
    list
}
