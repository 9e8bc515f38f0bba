//! Rules across keys and against the item: `state` is required, `name` must be
//! nameable in a configuration string, `crate` must be absolute, the item must
//! be a marker type, and the strings must fit the descriptor.

use darling::Error;
use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned as _;
use syn::{Attribute, Expr, ExprLit, Fields, Ident, Item, ItemStruct, Lit, Meta, Path};

use crate::parse::{Declaration, SupportValue, at};
use crate::symbol::{ARCHS, STATES};

/// A declaration that passed every check: what the expansion needs.
pub(crate) struct Gate {
    pub(crate) ident: Ident,
    pub(crate) name: String,
    /// Index in [`STATES`].
    pub(crate) state: usize,
    pub(crate) message: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) since: Option<String>,
    pub(crate) owner: Option<String>,
    /// Per architecture (in [`ARCHS`] order), `others` already applied.
    pub(crate) support: [Option<SupportValue>; ARCHS.len()],
    pub(crate) used_by: Option<Path>,
}

/// The marker type the attribute is on, or why the item is not one.
pub(crate) fn marker(item: &Item) -> Result<&ItemStruct, Error> {
    let (kind, span) = match item {
        Item::Struct(s) => return marker_struct(s),
        Item::Enum(e) => ("an enum", e.enum_token.span),
        Item::Union(u) => ("a union", u.union_token.span),
        Item::Fn(f) => ("a function", f.sig.fn_token.span),
        Item::Trait(t) => ("a trait", t.trait_token.span),
        Item::Impl(i) => ("an impl block", i.impl_token.span),
        Item::Mod(m) => ("a module", m.mod_token.span),
        Item::Type(t) => ("a type alias", t.type_token.span),
        Item::Const(c) => ("a const", c.const_token.span),
        Item::Static(s) => ("a static", s.static_token.span),
        other => ("another kind of item", other.span()),
    };
    Err(at(span, format!("{MARKER}; found {kind}")))
}

pub(crate) const MARKER: &str = "#[feature_gate] goes on a marker type: a unit struct (`struct Name;`) or an empty braced struct (`struct Name {}`)";

fn marker_struct(s: &ItemStruct) -> Result<&ItemStruct, Error> {
    if !s.generics.params.is_empty() || s.generics.where_clause.is_some() {
        return Err(Error::custom(format!("{MARKER}, without generics")).with_span(&s.generics));
    }
    match &s.fields {
        Fields::Unit => Ok(s),
        Fields::Named(named) if named.named.is_empty() => Ok(s),
        Fields::Named(named) => {
            Err(Error::custom(format!("{MARKER}; this one has fields")).with_span(named))
        }
        Fields::Unnamed(unnamed) => {
            Err(Error::custom(format!("{MARKER}; found a tuple struct")).with_span(unnamed))
        }
    }
}

/// Applies the cross-key rules; `None` when any of them failed (each pushed
/// onto `errors`).
pub(crate) fn gate(
    declaration: Declaration,
    marker: &ItemStruct,
    errors: &mut Vec<Error>,
) -> Option<Gate> {
    let before = errors.len();
    let Declaration {
        state,
        name,
        message,
        mut archs,
        others,
        since,
        owner,
        used_by,
        krate: _,
        given,
    } = declaration;
    if !given.contains(&crate::symbol::STATE) {
        errors.push(at(
            Span::call_site(),
            format!(
                "missing key `state`: every gate has one, e.g. `#[feature_gate(state = Alpha)]`; one of: {}",
                STATES.join(", ")
            ),
        ));
    }
    let name = match name {
        Some(name) => {
            if let Some(problem) = unnameable(&name.value) {
                errors.push(at(
                    name.span,
                    format!("`name` {problem}: a configuration string (`A=true,B=false`) could never name this gate"),
                ));
            }
            name.value
        }
        None => marker.ident.unraw().to_string(),
    };
    let description = description(&marker.attrs);
    if let Some(others) = others {
        for slot in archs.iter_mut().filter(|s| s.is_none()) {
            *slot = Some(SupportValue {
                index: others.index,
                reason: others.reason.clone(),
            });
        }
    }
    let state = state?;
    (errors.len() == before).then(|| Gate {
        ident: marker.ident.clone(),
        name,
        state,
        message,
        description,
        since,
        owner,
        support: archs,
        used_by,
    })
}

/// Why `name` could not appear in a configuration string, if it could not.
fn unnameable(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some("is empty")
    } else if name.chars().any(char::is_whitespace) {
        Some("holds whitespace")
    } else if name.contains(',') {
        Some("holds `,`")
    } else if name.contains('=') {
        Some("holds `=`")
    } else {
        None
    }
}

/// The doc comment, one leading space per line removed (as rustdoc does for
/// `///` comments), blank lines at either end dropped.
fn description(attrs: &[Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter_map(|attr| match &attr.meta {
            Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(s), ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .flat_map(|doc| {
            doc.split('\n')
                .map(|l| l.strip_prefix(' ').unwrap_or(l).trim_end().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    let text = lines.join("\n");
    let text = text.trim_matches('\n');
    (!text.trim().is_empty()).then(|| text.to_owned())
}

/// Whether `path` is absolute (`::a::b`, `crate::a`, `$crate::a`), as a path
/// emitted into every module must be.
pub(crate) fn absolute(path: &Path) -> bool {
    path.leading_colon.is_some()
        || path.segments.first().is_some_and(|s| {
            let first = s.ident.to_string();
            first == "crate" || first == "$crate"
        })
}
