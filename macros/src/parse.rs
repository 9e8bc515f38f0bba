//! Reads the attribute's arguments into a [`Declaration`], collecting every
//! mistake with the span of the token that caused it.
//!
//! The keys are dispatched from one table rather than through a derived darling
//! receiver: a derived receiver spans an unknown key over the whole `key =
//! value` item and cannot tell `aarch64` (an architecture under another name)
//! from a typo. The entries come from [`crate::args`]; darling carries the
//! errors.

use darling::Error;
use proc_macro2::{Span, TokenStream};
use syn::{Lit, LitStr, Path};

use crate::args::{self, Entry, Value};

use crate::symbol::{self, ARCH_SYNONYMS, ARCHS, KEYS, STATE_SYNONYMS, STATES, SUPPORTS};

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
    /// Index in [`STATES`].
    pub(crate) state: Option<usize>,
    pub(crate) name: Option<WithSpan<String>>,
    pub(crate) message: Option<String>,
    pub(crate) archs: [Option<SupportValue>; ARCHS.len()],
    pub(crate) others: Option<SupportValue>,
    pub(crate) since: Option<String>,
    pub(crate) owner: Option<String>,
    pub(crate) used_by: Option<Path>,
    pub(crate) krate: Option<Path>,
    /// Every key given, valid value or not (a bad `state = Bta` is not also
    /// a missing `state`).
    pub(crate) given: Vec<&'static str>,
}

/// Parses `args`, pushing each mistake onto `errors`.
pub(crate) fn declaration(args: TokenStream, errors: &mut Vec<Error>) -> Declaration {
    let mut declaration = Declaration::default();
    let (entries, syntax) = args::entries(args);
    errors.extend(syntax.into_iter().map(Error::from));
    for Entry { key: path, value } in entries {
        let Some(key) = known_key(&path) else {
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
        if let Err(error) = declaration.set(key, &value) {
            errors.push(error);
        }
    }
    declaration
}

impl Declaration {
    fn set(&mut self, key: &'static str, value: &Value) -> Result<(), Error> {
        match key {
            symbol::STATE => self.state = Some(state(value)?),
            symbol::NAME => {
                let lit = string(key, value)?;
                self.name = Some(WithSpan {
                    value: lit.value(),
                    span: lit.span(),
                });
            }
            symbol::MESSAGE => self.message = Some(string(key, value)?.value()),
            symbol::SINCE => self.since = Some(string(key, value)?.value()),
            symbol::OWNER => self.owner = Some(string(key, value)?.value()),
            symbol::OTHERS => self.others = Some(support(value)?),
            symbol::USED_BY => {
                self.used_by = Some(path(
                    key,
                    value,
                    "used_by = crate::spec::uses_image_volume",
                )?);
            }
            symbol::CRATE => {
                self.krate = Some(path(key, value, "crate = ::my_crate::featuregate")?);
            }
            arch => {
                let index = ARCHS.iter().position(|&a| a == arch).unwrap_or_default();
                self.archs[index] = Some(support(value)?);
            }
        }
        Ok(())
    }
}

fn known_key(path: &Path) -> Option<&'static str> {
    let ident = path.get_ident()?.to_string();
    KEYS.into_iter().find(|&k| k == ident)
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

fn string(key: &str, value: &Value) -> Result<LitStr, Error> {
    match value {
        Value::Lit(Lit::Str(lit)) => Ok(lit.clone()),
        _ => Err(
            Error::custom(format!("`{key}` takes a string literal: `{key} = \"...\"`"))
                .with_span(value),
        ),
    }
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
    STATES.iter().position(|&s| s == word).ok_or_else(|| {
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

fn support(value: &Value) -> Result<SupportValue, Error> {
    let (word, reason) = match value {
        Value::Call(head, args) => {
            let Ok(reason) = syn::parse2::<LitStr>(args.stream()) else {
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
            (word(head), Some(reason.value()).filter(|r| !r.is_empty()))
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
    let index = SUPPORTS.iter().position(|&s| s == word).ok_or_else(|| {
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

/// An error at `span` (darling's `with_span` takes syntax nodes, not spans).
pub(crate) fn at(span: Span, message: impl std::fmt::Display) -> Error {
    syn::Error::new(span, message).into()
}
