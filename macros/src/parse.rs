//! Reads the attribute's arguments into a [`Declaration`], collecting every
//! mistake with the span of the token that caused it.
//!
//! The keys are dispatched from one table rather than through darling's
//! derived receivers (`FromMeta` on a struct of fields and on the value
//! enums), for three reasons. Time: a receiver reads its input as
//! `NestedMeta`, which parses every value as a full Rust expression; in the
//! unoptimised proc macro of a user's dev profile that was 20 of the 58 us
//! the macro spent per gate (measured with a unit-test probe of
//! `expand::feature_gate`, see BENCHMARKS.md), against 12 us for the reader
//! in [`crate::args`]. Spans: a derived receiver reports an unknown key over
//! the whole `key = value` item and stops at the first syntax error, where
//! the reader goes on with the next entry. Suggestions: darling's "did you
//! mean" is case-sensitive and knows no synonyms (`aarch64`, `Stable`), so
//! [`crate::symbol::closest`] makes them, and darling's `suggestions`
//! feature is not enabled. What darling does here is carry the errors: its
//! [`Error`] (spans, `multiple`, `write_errors`) and its accumulator, which
//! collects every mistake of one attribute.

use darling::Error;
use darling::error::Accumulator;
use proc_macro2::{Span, TokenStream, TokenTree};
use syn::{Lit, LitStr, Path};

use crate::args::{self, Entry, Value};
use crate::crate_path::CratePath;
use crate::lifecycle::{self, Stage};
use crate::requires;
use crate::spanned_error::at;
use crate::symbol::{
    self, ARCH_SYNONYMS, ARCHS, KEYS, STAGES, STATE_SYNONYMS, STATES, STRING_MAX, SUPPORTS,
};
use crate::text::Text;

/// A string argument with the span of its literal.
pub(crate) struct WithSpan<T> {
    pub(crate) value: T,
    pub(crate) span: Span,
}

/// A support value: its index in [`SUPPORTS`] and its optional reason.
pub(crate) struct SupportValue {
    pub(crate) index: usize,
    pub(crate) reason: Option<String>,
}

/// What the attribute says, each key at most once.
#[derive(Default)]
pub(crate) struct Declaration {
    /// Index in [`STATES`], and the span of its value.
    pub(crate) state: Option<(usize, Span)>,
    pub(crate) name: Option<WithSpan<String>>,
    pub(crate) message: Option<String>,
    pub(crate) archs: [Option<SupportValue>; ARCHS.len()],
    pub(crate) others: Option<SupportValue>,
    pub(crate) since: Option<WithSpan<String>>,
    pub(crate) owner: Option<String>,
    pub(crate) used_by: Option<Path>,
    pub(crate) krate: CratePath,
    pub(crate) requires: Vec<Path>,
    /// How many paths of `requires` were left out of the list for an error
    /// of their own (named twice).
    pub(crate) requires_left_out: usize,
    /// The stage keys, in [`STAGES`] order.
    pub(crate) stages: [Option<Stage>; STAGES.len()],
    /// Every key given, valid value or not (a bad `state = Bta` is not also
    /// a missing `state`).
    pub(crate) given: Vec<&'static str>,
}

/// Parses `args`, pushing each mistake onto `errors`.
pub(crate) fn declaration(args: TokenStream, errors: &mut Accumulator) -> Declaration {
    let mut declaration = Declaration::default();
    let (entries, syntax) = args::entries(args);
    errors.extend(syntax.into_iter().map(Error::from));
    for Entry {
        key: path,
        known,
        value,
    } in entries
    {
        let Some(key) = known.or_else(|| known_key(&path)) else {
            errors.push(unknown_key(&path));
            continue;
        };
        if declaration.given.contains(&key) {
            errors.push(
                Error::custom(format!("duplicate key `{key}`: it is already given above"))
                    .with_span(&path),
            );
            continue;
        }
        declaration.given.push(key);
        let Some(value) = value else {
            errors.push(
                Error::custom(format!("`{key}` needs a value: write `{key} = ...`"))
                    .with_span(&path),
            );
            continue;
        };
        errors.handle(declaration.set(key, &value));
    }
    declaration
}

impl Declaration {
    fn set(&mut self, key: &'static str, value: &Value) -> Result<(), Error> {
        match key {
            symbol::STATE => self.state = Some((state(value)?, span_of(value))),
            symbol::NAME => {
                // Not held to the string limit: the name rule (at most 128
                // bytes) is the stricter one, and says so.
                let text = literal(key, value)?;
                self.name = Some(WithSpan {
                    span: text.span(),
                    value: text.value,
                });
            }
            symbol::MESSAGE => self.message = Some(string(key, value)?.value),
            symbol::SINCE => {
                let text = string(key, value)?;
                self.since = Some(WithSpan {
                    span: text.span(),
                    value: text.value,
                });
            }
            symbol::OWNER => self.owner = Some(string(key, value)?.value),
            symbol::OTHERS => self.others = Some(support(key, value)?),
            symbol::USED_BY => {
                self.used_by = Some(path(
                    key,
                    value,
                    "used_by = crate::spec::uses_image_volume",
                )?);
            }
            symbol::REQUIRES => {
                let (paths, twice) = requires::paths(value)?;
                self.requires = paths;
                self.requires_left_out = twice.len();
                if !twice.is_empty() {
                    return Err(Error::multiple(twice));
                }
            }
            symbol::CRATE => {
                self.krate = CratePath::new(path(key, value, "crate = ::my_crate::featuregate")?)?;
            }
            key => {
                if let Some(index) = symbol::index(&STAGES, key) {
                    self.stages[index] = Some(lifecycle::stage(key, string(key, value)?)?);
                } else {
                    let index = symbol::index(&ARCHS, key).unwrap_or_default();
                    self.archs[index] = Some(support(key, value)?);
                }
            }
        }
        Ok(())
    }
}

fn known_key(path: &Path) -> Option<&'static str> {
    let ident = path.get_ident()?.to_string();
    symbol::index(&KEYS, &ident).map(|i| KEYS[i])
}

fn key_text(path: &Path) -> String {
    path.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

fn unknown_key(path: &Path) -> Error {
    let key = key_text(path);
    let message = if let Some(arch) = symbol::closest(&key, &ARCHS, &ARCH_SYNONYMS)
        && symbol::closest(&key, &KEYS, &[]).is_none_or(|k| k == arch)
    {
        format!("unknown architecture `{key}`; did you mean `{arch}`?")
    } else {
        let suggestion = symbol::closest(&key, &KEYS, &[]);
        format!("unknown key `{key}`; {}", symbol::hint(suggestion, &KEYS))
    };
    Error::custom(message).with_span(path)
}

/// The string literal of `key`, within the descriptor's limit.
fn string(key: &str, value: &Value) -> Result<Text, Error> {
    let text = literal(key, value)?;
    fits(|| format!("`{key}`"), &text)?;
    Ok(text)
}

fn literal(key: &str, value: &Value) -> Result<Text, Error> {
    match value {
        Value::Str(text) => Ok(text.clone()),
        Value::Lit(Lit::Str(lit)) => Ok(Text::from_syn(lit)),
        _ => Err(
            Error::custom(format!("`{key}` takes a string literal: `{key} = \"...\"`"))
                .with_span(value),
        ),
    }
}

/// An error at `lit` when its value is longer than the descriptor keeps;
/// `what` names it (`` `owner` ``, `` `others`' reason ``).
fn fits(what: impl FnOnce() -> String, text: &Text) -> Result<(), Error> {
    let len = text.value.len();
    if len > STRING_MAX {
        return Err(at(
            text.span(),
            format!(
                "{} is {len} bytes long; a string of the attribute is at most {STRING_MAX} bytes",
                what()
            ),
        ));
    }
    Ok(())
}

fn path(key: &str, value: &Value, example: &str) -> Result<Path, Error> {
    match value {
        Value::Path(path) => Ok(path.clone()),
        _ => Err(Error::custom(format!("`{key}` takes a path: `{example}`")).with_span(value)),
    }
}

/// A bare identifier (`Beta`) or, as darling's derived enums read it, a
/// string literal (`"Beta"`), with its span.
fn word(value: &Value) -> Option<(String, Span)> {
    match value {
        Value::Path(path) => path.get_ident().map(|i| (i.to_string(), i.span())),
        Value::Str(text) => Some((text.value.clone(), text.span())),
        Value::Lit(Lit::Str(lit)) => Some((lit.value(), lit.span())),
        _ => None,
    }
}

fn state(value: &Value) -> Result<usize, Error> {
    let Some((word, span)) = word(value) else {
        return Err(
            Error::custom(format!("`state` takes one of: {}", STATES.join(", "))).with_span(value),
        );
    };
    symbol::index(&STATES, &word).ok_or_else(|| {
        let suggestion = symbol::closest(&word, &STATES, &STATE_SYNONYMS);
        at(
            span,
            format!(
                "unknown state `{word}`; {}",
                symbol::hint(suggestion, &STATES)
            ),
        )
    })
}

fn support(key: &str, value: &Value) -> Result<SupportValue, Error> {
    let (word, reason) = match value {
        Value::Call(head, args) => {
            let Some(reason) = reason(args.stream()) else {
                let span = args
                    .stream()
                    .into_iter()
                    .next()
                    .map_or(args.span(), |first| first.span());
                return Err(at(
                    span,
                    "the reason is one string literal: `Pending(\"needs CDI\")`",
                ));
            };
            fits(|| format!("the reason of `{key}`"), &reason)?;
            (word(head), Some(reason.value).filter(|r| !r.is_empty()))
        }
        other => (word(other), None),
    };
    let Some((word, span)) = word else {
        return Err(Error::custom(format!(
            "expected a support value: {}, optionally with a reason: `Pending(\"needs CDI\")`",
            SUPPORTS.join(", ")
        ))
        .with_span(value));
    };
    let index = symbol::index(&SUPPORTS, &word).ok_or_else(|| {
        let suggestion = symbol::closest(&word, &SUPPORTS, &[]);
        at(
            span,
            format!(
                "unknown support value `{word}`; {}",
                symbol::hint(suggestion, &SUPPORTS)
            ),
        )
    })?;
    Ok(SupportValue { index, reason })
}

/// The one string literal of `Pending("needs CDI")`'s parentheses. Read
/// from the tokens when it is a plain literal (syn's parser costs more in
/// the unoptimised proc macro), by syn otherwise (`Pending(("x"))`).
fn reason(args: TokenStream) -> Option<Text> {
    let mut tokens = args.clone().into_iter();
    if let (Some(TokenTree::Literal(lit)), None) = (tokens.next(), tokens.next()) {
        if let Some(reason) = Text::plain(&lit) {
            return Some(reason);
        }
        if let Lit::Str(reason) = Lit::new(lit) {
            return Some(Text::from_syn(&reason));
        }
    }
    syn::parse2::<LitStr>(args)
        .ok()
        .map(|lit| Text::from_syn(&lit))
}

/// The span of a value's first token: where an error about it points.
fn span_of(value: &Value) -> Span {
    match value {
        Value::Path(path) => path
            .segments
            .first()
            .map_or_else(Span::call_site, |s| s.ident.span()),
        Value::Call(head, _) => span_of(head),
        Value::Str(text) => text.span(),
        Value::Lit(lit) => lit.span(),
        Value::List(group) => group.span(),
    }
}
