//! The gates Supported on one architecture and not on another.

use super::Report;
use super::table::{self, Cell, Column};
use crate::{Arch, Gate, Registry, Status, Support};

/// A gate Supported on the base architecture and not on the other one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParityGap {
    /// The gate.
    pub gate: &'static Gate,
    /// What the other architecture has instead (`None`: unspecified).
    pub other: Option<Support>,
}

impl Registry {
    /// The gates Supported on `base` and not on `other`, in name order, with
    /// how many gates are Supported on `base` at all.
    #[must_use]
    pub fn parity(&self, base: Arch, other: Arch) -> Parity {
        let mut base_supported = 0;
        let mut gaps = Vec::new();
        for gate in self.iter() {
            if gate.support(base) != Some(Support::Supported) {
                continue;
            }
            base_supported += 1;
            let theirs = gate.support(other);
            if theirs != Some(Support::Supported) {
                gaps.push(ParityGap {
                    gate,
                    other: theirs,
                });
            }
        }
        Parity {
            base,
            other,
            base_supported,
            gaps,
        }
    }
}

/// How far `other` is from `base`: the gaps ([`Parity::iter`]), and how many
/// of the gates Supported on `base` are Supported on `other` too.
///
/// A [`Report`] with a summary title (`s390x parity with amd64: 1 of 4 gates
/// Supported on amd64 are Supported on s390x (25%)`) and one row per gap,
/// columns `name`, `state`, the other architecture (its status there) and
/// `reason` (the reason it gives).
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

    /// The gates Supported on the base and not on the other, in name order.
    pub fn iter(&self) -> std::slice::Iter<'_, ParityGap> {
        self.gaps.iter()
    }

    /// How many gaps.
    #[must_use]
    pub fn len(&self) -> usize {
        self.gaps.len()
    }

    /// Whether the other architecture supports everything the base does.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.gaps.is_empty()
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
}

impl<'a> IntoIterator for &'a Parity {
    type Item = &'a ParityGap;
    type IntoIter = std::slice::Iter<'a, ParityGap>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Report for Parity {
    fn title(&self) -> Option<String> {
        Some(format!(
            "{} parity with {}: {} of {} gates Supported on {} are Supported on {} ({})",
            self.other,
            self.base,
            self.matched(),
            self.base_supported,
            self.base,
            self.other,
            table::percent(self.matched(), self.base_supported)
        ))
    }

    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("name"),
            Column::new("state"),
            Column::new(self.other.as_str()),
            Column::new("reason"),
        ]
    }

    fn rows(&self) -> Vec<Vec<Cell>> {
        self.gaps
            .iter()
            .map(|gap| {
                vec![
                    Cell::text(gap.gate.name()),
                    Cell::text(gap.gate.state().as_str()),
                    Cell::status(Status::of(gap.other)),
                    Cell::note(gap.gate.reason(self.other)),
                ]
            })
            .collect()
    }
}
