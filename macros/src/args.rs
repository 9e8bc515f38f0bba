//! Splits the attribute's arguments into `key = value` entries.
//!
//! A small reader of its own rather than darling's `NestedMeta`: that parses
//! every value as a full Rust expression, which in the unoptimised proc macro
//! of a user's dev profile was a third of the macro's time per gate, and it
//! gives up at the first syntax error. The values this attribute takes are
//! simple (a word, a path, `Word("reason")`, a literal), and reading entry by
//! entry lets one malformed entry be reported beside the others.

use proc_macro2::{Delimiter, Group, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt as _;
use syn::parse::{ParseStream, Parser as _};
use syn::{Ident, Lit, Path, Token};

use crate::symbol::{self, KEYS};
use crate::text::Text;

/// One `key = value` entry; `value` is `None` for a bare `key` or `key(...)`.
pub(crate) struct Entry {
    pub(crate) key: Path,
    /// The key, when the reader already found it among [`KEYS`].
    pub(crate) known: Option<&'static str>,
    pub(crate) value: Option<Value>,
}

/// A value as written.
pub(crate) enum Value {
    /// `Beta`, `crate::spec::uses_sev`, `::reexport::featuregate`.
    Path(Path),
    /// `Pending("needs CDI")`: the head (a path, or a literal as in
    /// `"Pending"("needs CDI")`) and its parenthesised arguments.
    Call(Box<Value>, Group),
    /// `"ImageVolume"` read from its token (see [`crate::text`]).
    Str(Text),
    /// Any other literal (which the key may refuse), or a string syn read.
    Lit(Lit),
    /// `[Iommufd, crate::gates::PciNumaAwareTopology]`: the bracketed tokens,
    /// which the key reads.
    List(Group),
}

impl ToTokens for Value {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            Value::Path(path) => path.to_tokens(tokens),
            Value::Call(head, args) => {
                head.to_tokens(tokens);
                args.to_tokens(tokens);
            }
            Value::Str(text) => text.token.to_tokens(tokens),
            Value::Lit(lit) => lit.to_tokens(tokens),
            Value::List(group) => group.to_tokens(tokens),
        }
    }
}

/// The entries of `args`, in order; each entry that does not read is an
/// error, and reading goes on with the next.
pub(crate) fn entries(args: TokenStream) -> (Vec<Entry>, Vec<syn::Error>) {
    let (mut entries, mut errors) = (Vec::new(), Vec::new());
    // The tokens are read once into a vector and each entry is a slice of
    // it: in a proc macro, building, cloning and iterating a token stream
    // each cross into the compiler.
    let tokens: Vec<TokenTree> = args.into_iter().collect();
    let mut start = 0;
    for (i, token) in tokens.iter().enumerate() {
        let comma = matches!(token, TokenTree::Punct(p) if p.as_char() == ',');
        let chunk = if comma {
            &tokens[start..i]
        } else if i + 1 == tokens.len() {
            &tokens[start..]
        } else {
            continue;
        };
        start = i + 1;
        if chunk.is_empty() {
            errors.push(syn::Error::new(
                token.span(),
                "expected `key = value` before `,`",
            ));
            continue;
        }
        if let Some(entry) = plain(chunk) {
            entries.push(entry);
            continue;
        }
        match entry.parse2(chunk.iter().cloned().collect()) {
            Ok(entry) => entries.push(entry),
            Err(error) => errors.push(error),
        }
    }
    (entries, errors)
}

/// The common entries read straight from their tokens (syn's parser costs
/// most of the macro's time per key in the unoptimised proc macro of a
/// user's dev profile): a known key, `=`, and a capitalised word (`Beta`,
/// `Gate00005`), a word with parenthesised arguments (`Pending("...")`), a
/// literal other than `true`/`false`, or a bracketed list. Anything else
/// (`None`) goes to syn's parser, which reads it the same way or says what
/// is wrong.
pub(crate) fn plain(chunk: &[TokenTree]) -> Option<Entry> {
    let mut tokens = chunk.iter().cloned();
    let (Some(TokenTree::Ident(key)), Some(TokenTree::Punct(eq)), Some(first)) =
        (tokens.next(), tokens.next(), tokens.next())
    else {
        return None;
    };
    if eq.as_char() != '=' || eq.spacing() != Spacing::Alone {
        return None;
    }
    let known = {
        let key = key.to_string();
        KEYS[symbol::index(&KEYS, &key)?]
    };
    let value = match first {
        TokenTree::Ident(word)
            if word
                .to_string()
                .starts_with(|c: char| c.is_ascii_uppercase()) =>
        {
            Value::Path(Path::from(word))
        }
        TokenTree::Literal(lit) => match Text::plain(&lit) {
            Some(text) => Value::Str(text),
            None => Value::Lit(Lit::new(lit)),
        },
        TokenTree::Group(list) if list.delimiter() == Delimiter::Bracket => Value::List(list),
        _ => return None,
    };
    let value = match (value, tokens.next()) {
        (value, None) => value,
        (head @ Value::Path(_), Some(TokenTree::Group(args)))
            if args.delimiter() == Delimiter::Parenthesis =>
        {
            Value::Call(Box::new(head), args)
        }
        _ => return None,
    };
    if tokens.next().is_some() {
        return None;
    }
    Some(Entry {
        key: Path::from(key),
        known: Some(known),
        value: Some(value),
    })
}

pub(crate) fn entry(input: ParseStream) -> syn::Result<Entry> {
    if input.peek(Lit) {
        let lit: Lit = input.parse()?;
        return Err(syn::Error::new(
            lit.span(),
            "expected `key = value`, found a literal; the first key is usually `state = ...`",
        ));
    }
    let key = input.call(Path::parse_mod_style)?;
    let value = if let Some(eq) = input.parse::<Option<Token![=]>>()? {
        if input.is_empty() {
            // Said here: at the end of an entry syn could only point at the
            // whole attribute.
            return Err(syn::Error::new(
                eq.span,
                "expected a value after `=`: a word such as `Beta`, a string or a path",
            ));
        }
        Some(value(input)?)
    } else {
        // `key` alone or `key(...)`: the caller says what the key needs.
        let _ = input.parse::<Option<Group>>()?;
        None
    };
    Ok(Entry {
        key,
        known: None,
        value,
    })
}

fn value(input: ParseStream) -> syn::Result<Value> {
    if input.peek(syn::token::Bracket) {
        return Ok(Value::List(input.parse()?));
    }
    let head = if input.peek(Lit) {
        Value::Lit(input.parse()?)
    } else if input.peek(Token![::]) || input.peek(Ident::peek_any) {
        Value::Path(input.call(Path::parse_mod_style)?)
    } else {
        return Err(input.error(
            "expected a value: a word such as `Beta`, a string, a path or a list `[A, B]`",
        ));
    };
    if input.peek(syn::token::Paren) {
        let args: Group = input.parse()?;
        debug_assert_eq!(args.delimiter(), Delimiter::Parenthesis);
        return Ok(Value::Call(Box::new(head), args));
    }
    Ok(head)
}
