//! String literals read straight from their tokens.
//!
//! syn's `LitStr::value` prints the literal and parses the printed form back,
//! escapes and all; in the unoptimised proc macro of a user's dev profile
//! reading the strings that way was a fifth of the macro's time per gate.
//! Almost every string of a declaration is plain (no escape, not raw), and
//! its value is what lies between the quotes.

use proc_macro2::{Literal, Span};
use syn::LitStr;

/// The value of `literal` when it is a plain string literal: `"..."` with
/// no escape, or a raw string (`r"..."`, `r#"..."#`: what rustc makes of a
/// doc comment), without a suffix. `None` for anything else (an escape,
/// another kind of literal), which syn reads.
pub(crate) fn plain(literal: &Literal) -> Option<String> {
    let repr = literal.to_string();
    if let Some(raw) = repr.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let inner = raw[hashes..]
            .strip_prefix('"')?
            .strip_suffix(&raw[..hashes])?
            .strip_suffix('"')?;
        return (!holds(inner, b"\r")).then(|| inner.to_owned());
    }
    let inner = repr.strip_prefix('"')?.strip_suffix('"')?;
    // A `"` inside would be escaped, or end the literal before a suffix.
    if holds(inner, b"\\\"\r") {
        return None;
    }
    Some(inner.to_owned())
}

/// Whether `text` holds any of the ASCII bytes `any`: a plain loop, which
/// the unoptimised proc macro runs several times faster than `str::contains`
/// with a pattern of several characters.
fn holds(text: &str, any: &[u8]) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let mut j = 0;
        while j < any.len() {
            if bytes[i] == any[j] {
                return true;
            }
            j += 1;
        }
        i += 1;
    }
    false
}

/// A string argument: its value, and its token for spans and errors.
#[derive(Clone)]
pub(crate) struct Text {
    pub(crate) value: String,
    pub(crate) token: Literal,
}

impl Text {
    /// The plain string literal `literal`, read without syn.
    pub(crate) fn plain(literal: &Literal) -> Option<Text> {
        Some(Text {
            value: plain(literal)?,
            token: literal.clone(),
        })
    }

    /// A string literal syn read.
    pub(crate) fn from_syn(lit: &LitStr) -> Text {
        Text {
            value: lit.value(),
            token: lit.token(),
        }
    }

    pub(crate) fn span(&self) -> Span {
        self.token.span()
    }
}
