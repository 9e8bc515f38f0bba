//! The marker type the attribute is on, read in one place: straight from
//! its tokens when it is plainly one (doc comments, an optional
//! visibility, `struct Name;` or `struct Name {}`), by syn otherwise, whose
//! parse says what is wrong with any other item.
//!
//! Parsing the item with syn cost about a quarter of the macro's time per
//! gate in the unoptimised proc macro of a user's dev profile, for an item
//! that is almost always the plain shape. Anything else (another
//! attribute, generics, fields, another kind of item) goes to syn's parser
//! and the checks of [`from_item`].

use darling::Error;
use darling::error::Accumulator;
use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::spanned::Spanned as _;
use syn::{Fields, Ident, Item, ItemStruct, Lit};

use crate::doc::{self, Doc};
use crate::spanned_error::at;
use crate::text;

/// What the checks and the expansion need of the marker type.
pub(crate) struct Marker {
    pub(crate) ident: Ident,
    pub(crate) description: Vec<Doc>,
}

/// The marker type of `item`, or `None` with the reason pushed onto
/// `errors`. The common shape is read from the tokens; anything else goes
/// through syn, whose errors say what is wrong. rustc only hands attributes
/// whole items, so a parse failure is input from a test or a syntax newer
/// than syn's: say what is expected.
pub(crate) fn read(item: &[TokenTree], errors: &mut Accumulator) -> Option<Marker> {
    scan(item).or_else(|| {
        let item = item.iter().cloned().collect();
        let parsed =
            errors.handle(syn::parse2::<Item>(item).map_err(|_| at(Span::call_site(), MARKER)));
        parsed.and_then(|item| errors.handle(from_item(&item)))
    })
}

/// The marker type, when the item is plainly one; `None` leaves the item
/// to syn.
pub(crate) fn scan(item: &[TokenTree]) -> Option<Marker> {
    let mut docs = Vec::new();
    let mut tokens = item.iter().cloned().peekable();
    while let Some(TokenTree::Punct(hash)) = tokens.peek() {
        if hash.as_char() != '#' {
            return None;
        }
        tokens.next();
        let Some(TokenTree::Group(attr)) = tokens.next() else {
            return None;
        };
        if attr.delimiter() != Delimiter::Bracket {
            return None;
        }
        docs.push(doc_text(attr.stream())?);
    }
    let mut next = tokens.next()?;
    if matches!(&next, TokenTree::Ident(i) if i == "pub") {
        next = tokens.next()?;
        if let TokenTree::Group(restriction) = &next {
            if restriction.delimiter() != Delimiter::Parenthesis {
                return None;
            }
            next = tokens.next()?;
        }
    }
    if !matches!(&next, TokenTree::Ident(i) if i == "struct") {
        return None;
    }
    let Some(TokenTree::Ident(ident)) = tokens.next() else {
        return None;
    };
    match tokens.next()? {
        TokenTree::Punct(semi) if semi.as_char() == ';' => {}
        TokenTree::Group(body)
            if body.delimiter() == Delimiter::Brace && body.stream().is_empty() => {}
        _ => return None,
    }
    if tokens.next().is_some() {
        return None;
    }
    Some(Marker {
        ident,
        description: doc::description(docs),
    })
}

/// The text of `doc = "..."`; `None` for any other attribute.
fn doc_text(attr: TokenStream) -> Option<Doc> {
    let mut tokens = attr.into_iter();
    match (tokens.next(), tokens.next(), tokens.next(), tokens.next()) {
        (
            Some(TokenTree::Ident(name)),
            Some(TokenTree::Punct(eq)),
            Some(TokenTree::Literal(value)),
            None,
        ) if name == "doc" && eq.as_char() == '=' => {
            if let Some(text) = text::plain(&value) {
                return Some(Doc::Text(text));
            }
            match Lit::new(value) {
                Lit::Str(text) => Some(Doc::Text(text.value())),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The marker type the attribute is on, or why the item is not one.
pub(crate) fn from_item(item: &Item) -> Result<Marker, Error> {
    let (kind, span) = match item {
        Item::Struct(s) => {
            return marker_struct(s).map(|s| Marker {
                ident: s.ident.clone(),
                description: doc::from_attrs(&s.attrs),
            });
        }
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

/// What the attribute goes on: the message of every wrong item.
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
