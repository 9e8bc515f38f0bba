//! Spellings of the vocabulary: the `vocabulary!` macro that declares
//! `Arch`, `State`, `Support`, `Status` and `Action` with their spellings and
//! a `FromStr` that suggests, and [`ParseValueError`], its error.

use std::error::Error;
use std::fmt;

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
            type Err = $crate::vocab::vocabulary::ParseValueError;

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
                let suggestion = $crate::text::suggest::closest(trimmed, known.iter().copied())
                    .map(|near| {
                        // An alias suggests the canonical spelling it stands for.
                        let mut canonical = near;
                        $( if [$spelling $(, $alias)*].contains(&near) { canonical = $spelling; } )+
                        canonical
                    });
                Err($crate::vocab::vocabulary::ParseValueError::new($kind, trimmed, suggestion, Self::SPELLINGS))
            }
        }
    };
}
pub(crate) use vocabulary;
