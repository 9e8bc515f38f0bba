//! Per architecture: how many gates have each support status.

use std::fmt;

use super::table::{self, Cell};
use crate::{Arch, Registry, Support};

/// The counts of one architecture: how many gates are Supported, Pending,
/// Unsupported, Unverified there, and how many leave it unspecified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ArchCoverage {
    /// Gates Supported.
    pub supported: usize,
    /// Gates Pending.
    pub pending: usize,
    /// Gates Unsupported.
    pub unsupported: usize,
    /// Gates Unverified.
    pub unverified: usize,
    /// Gates that do not name the architecture.
    pub unspecified: usize,
}

impl ArchCoverage {
    /// How many gates have `support` (`None`: unspecified).
    #[must_use]
    pub fn count(&self, support: Option<Support>) -> usize {
        match support {
            Some(Support::Supported) => self.supported,
            Some(Support::Pending) => self.pending,
            Some(Support::Unsupported) => self.unsupported,
            Some(Support::Unverified) => self.unverified,
            None => self.unspecified,
        }
    }

    /// All gates counted (the five counts summed).
    #[must_use]
    pub fn total(&self) -> usize {
        self.supported + self.pending + self.unsupported + self.unverified + self.unspecified
    }

    fn add(&mut self, support: Option<Support>) {
        *match support {
            Some(Support::Supported) => &mut self.supported,
            Some(Support::Pending) => &mut self.pending,
            Some(Support::Unsupported) => &mut self.unsupported,
            Some(Support::Unverified) => &mut self.unverified,
            None => &mut self.unspecified,
        } += 1;
    }
}

/// Support status counts per architecture, from [`Registry::coverage`].
///
/// The text form (`Display`) shows each count with its share of all gates;
/// Markdown the same; CSV the bare counts under
/// `arch,supported,pending,unsupported,unverified,unspecified,total`; JSON
/// (feature `serde`) an object keyed by architecture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    total: usize,
    by_arch: [ArchCoverage; Arch::ALL.len()],
}

/// Column order of every form; `None` is unspecified.
const COLUMNS: [Option<Support>; 5] = [
    Some(Support::Supported),
    Some(Support::Pending),
    Some(Support::Unsupported),
    Some(Support::Unverified),
    None,
];
const HEADER: [&str; 7] = [
    "arch",
    "supported",
    "pending",
    "unsupported",
    "unverified",
    "unspecified",
    "total",
];

impl Registry {
    /// For each architecture, how many gates have each support status.
    #[must_use]
    pub fn coverage(&self) -> Coverage {
        let mut by_arch = [ArchCoverage::default(); Arch::ALL.len()];
        for gate in self {
            for arch in Arch::ALL {
                by_arch[arch.index()].add(gate.support(arch));
            }
        }
        Coverage {
            total: self.len(),
            by_arch,
        }
    }
}

impl Coverage {
    /// The counts of `arch`.
    #[must_use]
    pub fn get(&self, arch: Arch) -> ArchCoverage {
        self.by_arch[arch.index()]
    }

    /// How many gates were counted (the same for every architecture).
    #[must_use]
    pub fn total(&self) -> usize {
        self.total
    }

    /// Every architecture with its counts, in [`Arch`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Arch, ArchCoverage)> + '_ {
        Arch::ALL.into_iter().map(|arch| (arch, self.get(arch)))
    }

    fn rows(&self) -> Vec<Vec<Cell>> {
        self.iter()
            .map(|(arch, counts)| {
                std::iter::once(Cell::plain(arch.as_str()))
                    .chain(COLUMNS.map(|support| {
                        let n = counts.count(support);
                        Cell {
                            text: format!("{n} ({})", table::percent(n, self.total)),
                            support: support.filter(|_| n > 0),
                        }
                    }))
                    .chain([Cell::plain(counts.total().to_string())])
                    .collect()
            })
            .collect()
    }

    /// A Markdown table: counts with their percentages.
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        table::markdown(&mut out, &HEADER, &self.rows());
        out
    }

    /// CSV: `arch,supported,pending,unsupported,unverified,unspecified,total`, bare counts.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        table::csv_record(&mut out, HEADER);
        for (arch, counts) in self.iter() {
            let numbers = COLUMNS.map(|s| counts.count(s).to_string());
            let total = counts.total().to_string();
            table::csv_record(
                &mut out,
                std::iter::once(arch.as_str())
                    .chain(numbers.iter().map(String::as_str))
                    .chain([total.as_str()]),
            );
        }
        out
    }

    /// Pretty-printed JSON: `{"amd64": {"supported": 3, ..., "total": 5}, ...}`.
    #[cfg(feature = "serde")]
    #[must_use]
    pub fn to_json(&self) -> String {
        super::json(self)
    }

    /// The text table, coloured or not (`Display` is `text(Color::Never)`).
    #[must_use]
    pub fn text(&self, color: super::Color) -> impl fmt::Display + '_ {
        struct Text<'a>(&'a Coverage, super::Color);
        impl fmt::Display for Text<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                writeln!(
                    f,
                    "{} feature gates; count (share) per support status:",
                    self.0.total
                )?;
                table::text(f, &HEADER, &self.0.rows(), self.1)
            }
        }
        Text(self, color)
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text(super::Color::Never).fmt(f)
    }
}

#[cfg(feature = "serde")]
mod json {
    use serde::ser::{Serialize, SerializeMap, Serializer};

    use super::{ArchCoverage, Coverage, HEADER};

    impl Serialize for Coverage {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(self.by_arch.len()))?;
            for (arch, counts) in self.iter() {
                map.serialize_entry(arch.as_str(), &counts)?;
            }
            map.end()
        }
    }

    /// `{"supported": n, ..., "unspecified": n, "total": n}`.
    impl Serialize for ArchCoverage {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(6))?;
            for (key, support) in HEADER[1..6].iter().zip(super::COLUMNS) {
                map.serialize_entry(key, &self.count(support))?;
            }
            map.serialize_entry("total", &self.total())?;
            map.end()
        }
    }
}
