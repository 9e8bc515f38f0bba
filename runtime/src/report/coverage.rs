//! Per architecture: how many gates have each support status.

use super::Report;
use super::matrix::arch_selection;
use super::table::{Cell, Column};
use crate::{Arch, Gate, Registry, Status, Version};

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
    /// How many gates have `status` (a [`Status`], a
    /// [`Support`](crate::Support), or an `Option<Support>` with `None` for
    /// unspecified).
    #[must_use]
    pub fn count(&self, status: impl Into<Status>) -> usize {
        match status.into() {
            Status::Supported => self.supported,
            Status::Pending => self.pending,
            Status::Unsupported => self.unsupported,
            Status::Unverified => self.unverified,
            Status::Unspecified => self.unspecified,
        }
    }

    /// All gates counted (the five counts summed).
    #[must_use]
    pub fn total(&self) -> usize {
        self.supported + self.pending + self.unsupported + self.unverified + self.unspecified
    }

    fn add(&mut self, status: Status) {
        *match status {
            Status::Supported => &mut self.supported,
            Status::Pending => &mut self.pending,
            Status::Unsupported => &mut self.unsupported,
            Status::Unverified => &mut self.unverified,
            Status::Unspecified => &mut self.unspecified,
        } += 1;
    }
}

/// Support status counts per architecture, from [`Registry::coverage`].
///
/// A [`Report`] with the title `N feature gates; count (share) per support
/// status:` and the columns `arch`, `supported`, `pending`, `unsupported`,
/// `unverified`, `unspecified`, `total`: text and Markdown show each count
/// with its share of all gates, CSV and JSON the bare counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    total: usize,
    by_arch: [ArchCoverage; Arch::ALL.len()],
    archs: Vec<Arch>,
}

impl Registry {
    /// For each architecture, how many gates have each support status.
    #[must_use]
    pub fn coverage(&self) -> Coverage {
        Coverage::of(self.iter())
    }

    /// The coverage as of release `version`: the gates not yet introduced
    /// then ([`Gate::state_at`]) are not counted.
    #[must_use]
    pub fn coverage_at(&self, version: Version) -> Coverage {
        Coverage::of(self.iter().filter(|gate| gate.state_at(version).is_some()))
    }
}

impl Coverage {
    fn of<'a>(gates: impl Iterator<Item = &'a Gate>) -> Coverage {
        let mut by_arch = [ArchCoverage::default(); Arch::ALL.len()];
        let mut total = 0;
        for gate in gates {
            total += 1;
            for arch in Arch::ALL {
                by_arch[arch.index()].add(gate.status(arch));
            }
        }
        Coverage {
            total,
            by_arch,
            archs: Arch::ALL.to_vec(),
        }
    }

    /// The same counts, reported for the architectures `archs` only (in
    /// [`Arch`] order whatever the order given; all five when `archs` is
    /// empty). [`Coverage::get`] still answers for any architecture.
    #[must_use]
    pub fn with_archs(mut self, archs: impl IntoIterator<Item = Arch>) -> Coverage {
        self.archs = arch_selection(archs);
        self
    }

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

    /// The architectures reported, each with its counts, in [`Arch`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Arch, ArchCoverage)> + '_ {
        self.archs.iter().map(|&arch| (arch, self.get(arch)))
    }
}

impl Report for Coverage {
    fn title(&self) -> Option<String> {
        Some(format!(
            "{} feature gates; count (share) per support status:",
            self.total
        ))
    }

    fn columns(&self) -> Vec<Column> {
        std::iter::once(Column::new("arch"))
            .chain(Status::ALL.map(|s| Column::new(s.as_str().to_ascii_lowercase())))
            .chain([Column::new("total")])
            .collect()
    }

    fn rows(&self) -> Vec<Vec<Cell>> {
        self.iter()
            .map(|(arch, counts)| {
                std::iter::once(Cell::text(arch.as_str()))
                    .chain(Status::ALL.map(|s| Cell::count(counts.count(s), self.total, s)))
                    .chain([Cell::number(counts.total())])
                    .collect()
            })
            .collect()
    }
}
