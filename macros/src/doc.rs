//! The marker type's doc comment, which becomes the gate's description.

use proc_macro2::Literal;
use syn::{Attribute, Expr, ExprLit, Lit, Meta};

use crate::trees::Trees;

/// A run of the doc comment: text the macro reads, or an expression rustc
/// has not expanded yet when it hands the item over
/// (`#[doc = include_str!("gate.md")]`), passed on to `concat!` as written.
pub(crate) enum Doc {
    Text(String),
    Expr(Expr),
}

/// The doc comment of `attrs`; see [`description`].
pub(crate) fn from_attrs(attrs: &[Attribute]) -> Vec<Doc> {
    description(attrs.iter().filter_map(|attr| {
        let Meta::NameValue(nv) = &attr.meta else {
            return None;
        };
        if !nv.path.is_ident("doc") {
            return None;
        }
        Some(match &nv.value {
            Expr::Lit(ExprLit {
                lit: Lit::Str(s), ..
            }) => Doc::Text(s.value()),
            other => Doc::Expr(other.clone()),
        })
    }))
}

/// The doc comment from the values of its `#[doc = ...]` attributes, in
/// order: one leading space per line removed (as rustdoc does for `///`
/// comments), blank lines at either end dropped; empty when there is none.
pub(crate) fn description(values: impl IntoIterator<Item = Doc>) -> Vec<Doc> {
    let mut runs: Vec<Doc> = Vec::new();
    for value in values {
        match value {
            Doc::Text(value) => {
                let line = |l: &'_ str| l.strip_prefix(' ').unwrap_or(l).trim_end().to_owned();
                // Most runs are one line of a `///` comment.
                let text = if value.contains('\n') {
                    value.split('\n').map(line).collect::<Vec<_>>().join("\n")
                } else {
                    line(&value)
                };
                match runs.last_mut() {
                    Some(Doc::Text(run)) => {
                        run.push('\n');
                        run.push_str(&text);
                    }
                    _ => runs.push(Doc::Text(text)),
                }
            }
            expr @ Doc::Expr(_) => runs.push(expr),
        }
    }
    if let Some(Doc::Text(first)) = runs.first_mut() {
        *first = first.trim_start_matches('\n').to_owned();
    }
    if let Some(Doc::Text(last)) = runs.last_mut() {
        *last = last.trim_end_matches('\n').to_owned();
    }
    if let [Doc::Text(only)] = runs.as_slice()
        && only.trim().is_empty()
    {
        runs.clear();
    }
    runs
}

/// The description and the NUL that ends it as one string, when it is
/// all text (no macro call to expand).
pub(crate) fn text(description: &[Doc]) -> Option<String> {
    let mut text = String::new();
    for (i, run) in description.iter().enumerate() {
        let Doc::Text(run) = run else { return None };
        if i > 0 {
            text.push('\n');
        }
        text.push_str(run);
    }
    text.push('\0');
    Some(text)
}

/// Writes the description as `concat!`'s arguments, ending with the NUL
/// that ends it: one literal in the common case.
pub(crate) fn concat_args(description: &[Doc], out: &mut Trees) {
    let mut text = String::new();
    for (i, run) in description.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        match run {
            Doc::Text(run) => text.push_str(run),
            Doc::Expr(expr) => {
                out.literal(Literal::string(&std::mem::take(&mut text)))
                    .punct(',')
                    .tokens(expr)
                    .punct(',');
            }
        }
    }
    text.push('\0');
    out.literal(Literal::string(&text));
}
