//! The common marker type read straight from its tokens: doc comments,
//! an optional visibility, `struct Name;` or `struct Name {}`.
//!
//! Parsing the item with syn cost about a quarter of the macro's time per
//! gate in the unoptimised proc macro of a user's dev profile, for an item
//! that is almost always this shape. Anything else (another attribute,
//! generics, fields, another kind of item) goes to syn's parser and its
//! checks in [`crate::check::marker`], which say what is wrong.

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use syn::Lit;

use crate::check::Marker;
use crate::doc::{self, Doc};
use crate::text;

/// The marker type, when the item is plainly one; `None` leaves the item
/// to syn.
pub(crate) fn marker(item: &[TokenTree]) -> Option<Marker> {
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
