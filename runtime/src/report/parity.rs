//! The gates Supported on one architecture and not on another.

use std::fmt;

use super::table::{self, Cell};
use crate::{Arch, Gate, Registry, Support};

/// A gate Supported on the base architecture and not on the other one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParityGap {
    /// The gate.
    pub gate: &'static Gate,
    /// What the other architecture has instead (`None`: unspecified).
    pub other: Option<Support>,
}

impl Registry {
    /// The gates Supported on `base` and not on `other`, in name order.
    #[must_use]
    pub fn parity(&self, base: Arch, other: Arch) -> Vec<ParityGap> {
        self.iter()
            .filter(|gate| gate.support(base) == Some(Support::Supported))
            .filter_map(|gate| {
                let theirs = gate.support(other);
                (theirs != Some(Support::Supported)).then_some(ParityGap {
                    gate,
                    other: theirs,
                })
            })
            .collect()
    }

    /// [`Registry::parity`] with the figures around it, for reports.
    #[must_use]
    pub fn parity_report(&self, base: Arch, other: Arch) -> Parity {
        let base_supported = self
            .iter()
            .filter(|g| g.support(base) == Some(Support::Supported))
            .count();
        Parity {
            base,
            other,
            base_supported,
            gaps: self.parity(base, other),
        }
    }
}

/// How far `other` is from `base`: the gaps, and how many of the gates
/// Supported on `base` are Supported on `other` too.
///
/// Text (`Display`): a summary line, then one row per gap with the other
/// architecture's status and its reason. CSV: `name,state,OTHER,reason`.
/// JSON (feature `serde`): `{"base", "other", "supported_on_base",
/// "gaps": [{"gate", "state", "other", "reason"}]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parity {
    base: Arch,
    other: Arch,
    base_supported: usize,
    gaps: Vec<ParityGap>,
}

impl Parity {
    /// The reference architecture.
    #[must_use]
    pub fn base(&self) -> Arch {
        self.base
    }

    /// The architecture compared with it.
    #[must_use]
    pub fn other(&self) -> Arch {
        self.other
    }

    /// The gates Supported on the base and not on the other.
    #[must_use]
    pub fn gaps(&self) -> &[ParityGap] {
        &self.gaps
    }

    /// How many gates are Supported on the base.
    #[must_use]
    pub fn supported_on_base(&self) -> usize {
        self.base_supported
    }

    /// How many of those are Supported on the other architecture too.
    #[must_use]
    pub fn matched(&self) -> usize {
        self.base_supported - self.gaps.len()
    }

    fn header(&self) -> [&'static str; 4] {
        ["name", "state", self.other.as_str(), "reason"]
    }

    fn rows(&self) -> Vec<Vec<Cell>> {
        self.gaps
            .iter()
            .map(|gap| {
                vec![
                    Cell::plain(gap.gate.name()),
                    Cell::plain(gap.gate.state().as_str()),
                    Cell::support(gap.other),
                    Cell::plain(gap.gate.reason(self.other).unwrap_or_default()),
                ]
            })
            .collect()
    }

    fn summary(&self) -> String {
        format!(
            "{} parity with {}: {} of {} gates Supported on {} are Supported on {} ({})",
            self.other,
            self.base,
            self.matched(),
            self.base_supported,
            self.base,
            self.other,
            table::percent(self.matched(), self.base_supported)
        )
    }

    /// The summary line, then a Markdown table of the gaps.
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let mut out = self.summary();
        out.push_str(".\n");
        if !self.gaps.is_empty() {
            out.push('\n');
            let rows: Vec<Vec<Cell>> = self.rows();
            table::markdown(&mut out, &self.header(), &rows);
        }
        out
    }

    /// CSV: `name,state,OTHER,reason`, one record per gap.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        table::csv_record(&mut out, self.header());
        for gap in &self.gaps {
            table::csv_record(
                &mut out,
                [
                    gap.gate.name(),
                    gap.gate.state().as_str(),
                    gap.other.map_or("", Support::as_str),
                    gap.gate.reason(self.other).unwrap_or_default(),
                ],
            );
        }
        out
    }

    /// Pretty-printed JSON (see [`Parity`]).
    #[cfg(feature = "serde")]
    #[must_use]
    pub fn to_json(&self) -> String {
        super::json(self)
    }

    /// The text form, coloured or not (`Display` is `text(Color::Never)`).
    #[must_use]
    pub fn text(&self, color: super::Color) -> impl fmt::Display + '_ {
        struct Text<'a>(&'a Parity, super::Color);
        impl fmt::Display for Text<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                writeln!(f, "{}", self.0.summary())?;
                if self.0.gaps.is_empty() {
                    return Ok(());
                }
                table::text(f, &self.0.header(), &self.0.rows(), self.1)
            }
        }
        Text(self, color)
    }
}

impl fmt::Display for Parity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text(super::Color::Never).fmt(f)
    }
}

#[cfg(feature = "serde")]
mod json {
    use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

    use super::{Parity, ParityGap};
    use crate::Support;

    impl Serialize for Parity {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut st = serializer.serialize_struct("Parity", 4)?;
            st.serialize_field("base", self.base.as_str())?;
            st.serialize_field("other", self.other.as_str())?;
            st.serialize_field("supported_on_base", &self.base_supported)?;
            let gaps: Vec<_> = self.gaps.iter().map(|gap| Gap(gap, self.other)).collect();
            st.serialize_field("gaps", &gaps)?;
            st.end()
        }
    }

    /// A gap with the reason its other architecture gives.
    struct Gap<'a>(&'a ParityGap, crate::Arch);

    impl Serialize for Gap<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let Gap(gap, other) = *self;
            let mut map = serializer.serialize_map(Some(4))?;
            map.serialize_entry("gate", gap.gate.name())?;
            map.serialize_entry("state", gap.gate.state().as_str())?;
            map.serialize_entry("other", &gap.other.map(Support::as_str))?;
            map.serialize_entry("reason", &gap.gate.reason(other))?;
            map.end()
        }
    }

    /// `{"gate", "state", "other"}`; a lone gap does not know its architecture,
    /// so the reason travels only in [`Parity`]'s form.
    impl Serialize for ParityGap {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(3))?;
            map.serialize_entry("gate", self.gate.name())?;
            map.serialize_entry("state", self.gate.state().as_str())?;
            map.serialize_entry("other", &self.other.map(Support::as_str))?;
            map.end()
        }
    }
}
