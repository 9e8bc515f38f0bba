//! Spellings of the vocabulary and the "did you mean" shared by every parser of
//! user input in the runtime (architecture, state and support names, gate names).

use std::error::Error;
use std::fmt;

/// Jaro-Winkler similarity above which a known name is offered as a suggestion.
/// The same threshold darling uses for the compile-time suggestions, so the
/// macro and the runtime suggest alike.
const SUGGESTION_THRESHOLD: f64 = 0.8;

/// The known name closest to `input`: an exact match ignoring ASCII case first,
/// then the most similar name above the threshold.
pub(crate) fn closest<'a, I>(input: &str, known: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    // Lowercased once, and each candidate into one reused buffer: a registry
    // of a thousand gates is scanned for every unknown name.
    let input_lower = input.to_ascii_lowercase();
    let mut candidate_lower = String::new();
    let mut best: Option<(f64, &'a str)> = None;
    for candidate in known {
        if candidate.eq_ignore_ascii_case(input) {
            return Some(candidate);
        }
        candidate_lower.clear();
        candidate_lower.push_str(candidate);
        candidate_lower.make_ascii_lowercase();
        let score = strsim::jaro_winkler(&input_lower, &candidate_lower);
        if score > SUGGESTION_THRESHOLD && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, name)| name)
}

/// A registry's names lowercased, for [`Folded::closest`]: built once per
/// registry, on the first suggestion asked for.
pub(crate) struct Folded {
    /// The names, lowercased, one after another.
    text: String,
    /// Where each name ends in `text`.
    ends: Box<[usize]>,
}

/// The longest name the fast comparison takes: one bit per byte in a `u128`.
const FAST_LEN: usize = 128;

impl Folded {
    pub(crate) fn new<'a>(names: impl Iterator<Item = &'a str>) -> Folded {
        let mut text = String::new();
        let mut ends = Vec::new();
        for name in names {
            text.push_str(name);
            ends.push(text.len());
        }
        text.make_ascii_lowercase();
        Folded {
            text,
            ends: ends.into(),
        }
    }

    /// The name of `gates` (the ones this was built from, in order) closest
    /// to `input`, by the same rule as [`closest`]: an exact match ignoring
    /// ASCII case, else the most similar above the threshold.
    ///
    /// It is called for every unknown name (up to a hundred) against every
    /// gate (thousands), so the common case, ASCII names of at most 128
    /// bytes, takes a comparison that allocates nothing and finds each
    /// match with a bit mask instead of a scan; and a candidate whose length
    /// alone bounds its score below the best so far is skipped.
    pub(crate) fn closest(
        &self,
        input: &str,
        gates: &[&'static crate::Gate],
    ) -> Option<&'static str> {
        let lower = input.to_ascii_lowercase();
        let pattern = Pattern::new(&lower);
        let mut best: Option<(f64, usize)> = None;
        let mut start = 0;
        for (i, &end) in self.ends.iter().enumerate() {
            let candidate = &self.text[start..end];
            start = end;
            if candidate == lower {
                return gates.get(i).map(|g| g.name());
            }
            let floor = best.map_or(SUGGESTION_THRESHOLD, |(b, _)| b);
            let score = match &pattern {
                Some(pattern) if candidate.len() <= FAST_LEN && candidate.is_ascii() => {
                    if pattern.bound(candidate.len()) < floor {
                        continue;
                    }
                    pattern.jaro_winkler(candidate.as_bytes())
                }
                _ => strsim::jaro_winkler(candidate, &lower),
            };
            if score > floor {
                best = Some((score, i));
            }
        }
        best.and_then(|(_, i)| gates.get(i)).map(|g| g.name())
    }
}

/// An ASCII input of at most 128 bytes, ready to be compared with many
/// candidates: for each byte value, the positions where it occurs.
struct Pattern<'a> {
    bytes: &'a [u8],
    masks: [u128; 128],
}

impl<'a> Pattern<'a> {
    fn new(lower: &'a str) -> Option<Pattern<'a>> {
        if lower.len() > FAST_LEN || !lower.is_ascii() {
            return None;
        }
        let mut masks = [0u128; 128];
        for (j, &b) in lower.as_bytes().iter().enumerate() {
            masks[usize::from(b)] |= 1 << j;
        }
        Some(Pattern {
            bytes: lower.as_bytes(),
            masks,
        })
    }

    /// An upper bound of the score against any candidate of `len` bytes
    /// (every byte of the shorter matching, no transposition, the full
    /// prefix bonus), a little above the exact one so that rounding never
    /// skips a candidate that could win.
    fn bound(&self, len: usize) -> f64 {
        // Both at most 128 here: exact as `f64`.
        let (a, b) = (f64::from(len as u32), f64::from(self.bytes.len() as u32));
        let m = a.min(b);
        if m == 0.0 {
            return 1.0;
        }
        let jaro = (m / a + m / b + 1.0) / 3.0;
        jaro + 0.4 * (1.0 - jaro) + 1e-9
    }

    /// `strsim::jaro_winkler(candidate, input)`, both lowercase ASCII of at
    /// most 128 bytes, computed the same way (the greedy match of each
    /// candidate byte with the first free equal input byte in the window).
    fn jaro_winkler(&self, candidate: &[u8]) -> f64 {
        let (a_len, b_len) = (candidate.len(), self.bytes.len());
        if a_len == 0 || b_len == 0 {
            return if a_len == b_len { 1.0 } else { 0.0 };
        }
        let below = |n: usize| {
            if n >= FAST_LEN {
                u128::MAX
            } else {
                (1u128 << n) - 1
            }
        };
        let range = (a_len.max(b_len) / 2).saturating_sub(1);
        let (mut used, mut matched, mut count) = (0u128, 0u128, 0u32);
        for (i, &c) in candidate.iter().enumerate() {
            let (lo, hi) = (i.saturating_sub(range), (i + range + 1).min(b_len));
            if lo >= hi {
                continue;
            }
            let free = self.masks[usize::from(c & 0x7F)] & below(hi) & !below(lo) & !used;
            if free != 0 {
                used |= free & free.wrapping_neg();
                matched |= 1 << i;
                count += 1;
            }
        }
        if count == 0 {
            return 0.0;
        }
        let mut transpositions = 0u32;
        while matched != 0 {
            let (i, j) = (matched.trailing_zeros(), used.trailing_zeros());
            matched &= matched - 1;
            used &= used - 1;
            if candidate[i as usize] != self.bytes[j as usize] {
                transpositions += 1;
            }
        }
        let m = f64::from(count);
        // Both at most 128 here: exact as `f64`.
        let (a, b) = (f64::from(a_len as u32), f64::from(b_len as u32));
        let jaro = (m / a + m / b + f64::from(count - transpositions / 2) / m) / 3.0;
        if jaro > 0.7 {
            let prefix = candidate
                .iter()
                .take(4)
                .zip(self.bytes)
                .take_while(|(a, b)| a == b)
                .count();
            jaro + 0.1 * f64::from(prefix as u32) * (1.0 - jaro)
        } else {
            jaro
        }
    }
}

/// An architecture, state or support value that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseValueError {
    kind: &'static str,
    input: String,
    suggestion: Option<&'static str>,
    expected: &'static [&'static str],
}

impl ParseValueError {
    pub(crate) fn new(
        kind: &'static str,
        input: &str,
        suggestion: Option<&'static str>,
        expected: &'static [&'static str],
    ) -> Self {
        ParseValueError {
            kind,
            input: input.to_owned(),
            suggestion,
            expected,
        }
    }

    /// What was being parsed: `architecture`, `state` or `support value`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The text that did not parse.
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The closest known spelling, if one is close.
    #[must_use]
    pub fn suggestion(&self) -> Option<&'static str> {
        self.suggestion
    }
}

impl fmt::Display for ParseValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}`", self.kind, self.input)?;
        match self.suggestion {
            Some(s) => write!(f, "; did you mean `{s}`?"),
            None => write!(f, "; expected one of: {}", self.expected.join(", ")),
        }
    }
}

impl Error for ParseValueError {}

/// Declares one of the vocabulary enums: the variants with their spellings,
/// `ALL`, `as_str`, `Display` and a case-insensitive `FromStr` that also takes
/// the listed aliases and suggests the closest spelling on failure.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $kind:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $spelling:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order (the order of reports).
            pub const ALL: [$name; [$($spelling),+].len()] = [$($name::$variant),+];

            const SPELLINGS: &'static [&'static str] = &[$($spelling),+];

            /// The spelling used in declarations, configuration and reports.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $spelling ),+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::spelling::ParseValueError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let trimmed = s.trim();
                $(
                    if trimmed.eq_ignore_ascii_case($spelling)
                        $(|| trimmed.eq_ignore_ascii_case($alias))*
                    {
                        return Ok($name::$variant);
                    }
                )+
                let known = [$($spelling $(, $alias)*),+];
                let suggestion = $crate::spelling::closest(trimmed, known.iter().copied())
                    .map(|near| {
                        // An alias suggests the canonical spelling it stands for.
                        let mut canonical = near;
                        $( if [$spelling $(, $alias)*].contains(&near) { canonical = $spelling; } )+
                        canonical
                    });
                Err($crate::spelling::ParseValueError::new($kind, trimmed, suggestion, Self::SPELLINGS))
            }
        }
    };
}
pub(crate) use vocabulary;

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::Pattern;

    proptest! {
        #[test]
        fn fast_jaro_winkler_is_strsims(a in "[a-e.-]{0,40}", b in "[a-e.-]{0,40}") {
            let pattern = Pattern::new(&b).unwrap();
            let fast = pattern.jaro_winkler(a.as_bytes());
            let slow = strsim::jaro_winkler(&a, &b);
            prop_assert!((fast - slow).abs() < 1e-12, "{} {} {} {}", a, b, fast, slow);
            prop_assert!(pattern.bound(a.len()) >= fast);
        }
    }
}
