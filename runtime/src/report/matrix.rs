//! Gates x architectures: each gate's state and its support on every
//! architecture, with the reason of each status.

use super::Report;
use super::table::{Cell, Column};
use crate::{Arch, Gate, Registry, State, Version};

/// Gates x architectures, with state, support and the reason of each status.
///
/// A [`Report`]: columns `name`, `state`, then one per architecture
/// (`amd64`, ..., or those given to [`Matrix::with_archs`]), and in JSON
/// only `reasons` (`{"arm64": "..."}`), `requires` (the names of the
/// gates it requires, in declared order) and `history` (`[{"state":
/// "Alpha", "version": "v1.6.0"}, ...]`, [`Gate::history`]); the Markdown form lists the reasons
/// as notes under the table (`- Gate on arm64 (Unverified): why`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    gates: Vec<&'static Gate>,
    archs: Vec<Arch>,
    /// The release the states are as of; `None` for the current ones.
    at: Option<Version>,
}

impl Registry {
    /// Every gate of the registry against every architecture, in name order.
    #[must_use]
    pub fn matrix(&self) -> Matrix {
        Matrix::new(self.iter())
    }

    /// The matrix as of release `version`: each gate in its state then
    /// ([`Gate::state_at`]), a gate not yet introduced left out.
    #[must_use]
    pub fn matrix_at(&self, version: Version) -> Matrix {
        self.matrix().at(version)
    }
}

impl From<&Registry> for Matrix {
    fn from(registry: &Registry) -> Matrix {
        registry.matrix()
    }
}

/// The architectures of a report: those given, in [`Arch`] order, each once;
/// all five when none is given.
pub(super) fn arch_selection(archs: impl IntoIterator<Item = Arch>) -> Vec<Arch> {
    let mut archs: Vec<Arch> = archs.into_iter().collect();
    archs.sort_unstable();
    archs.dedup();
    if archs.is_empty() {
        Arch::ALL.to_vec()
    } else {
        archs
    }
}

impl Matrix {
    /// A matrix of `gates`, in the order given, against every architecture.
    pub fn new(gates: impl IntoIterator<Item = &'static Gate>) -> Matrix {
        Matrix {
            gates: gates.into_iter().collect(),
            archs: Arch::ALL.to_vec(),
            at: None,
        }
    }

    /// The same rows as of release `version`: each gate's state then
    /// ([`Gate::state_at`]), the gates not yet introduced removed.
    #[must_use]
    pub fn at(mut self, version: Version) -> Matrix {
        self.gates.retain(|gate| gate.state_at(version).is_some());
        self.at = Some(version);
        self
    }

    /// The release the states are as of ([`Matrix::at`]), or `None` for
    /// the current states.
    #[must_use]
    pub fn version(&self) -> Option<Version> {
        self.at
    }

    /// The state the matrix shows for `gate`: as of [`Matrix::version`],
    /// or the current one.
    #[must_use]
    pub fn state_of(&self, gate: &Gate) -> State {
        self.at
            .and_then(|version| gate.state_at(version))
            .unwrap_or(gate.state())
    }

    /// The same rows against the architectures `archs` only (in [`Arch`]
    /// order whatever the order given; all five when `archs` is empty).
    #[must_use]
    pub fn with_archs(mut self, archs: impl IntoIterator<Item = Arch>) -> Matrix {
        self.archs = arch_selection(archs);
        self
    }

    /// The architectures of the columns, in [`Arch`] order.
    #[must_use]
    pub fn archs(&self) -> &[Arch] {
        &self.archs
    }

    /// The rows.
    #[must_use]
    pub fn gates(&self) -> &[&'static Gate] {
        &self.gates
    }

    /// Keeps the rows whose gate `keep` accepts (the CLI's `list` filters).
    pub fn retain(&mut self, mut keep: impl FnMut(&'static Gate) -> bool) {
        self.gates.retain(|g| keep(g));
    }

    /// How many rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.gates.len()
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.gates.is_empty()
    }
}

impl Report for Matrix {
    fn columns(&self) -> Vec<Column> {
        [Column::new("name"), Column::new("state")]
            .into_iter()
            .chain(self.archs.iter().map(|arch| Column::new(arch.as_str())))
            .chain([
                Column::json_only("reasons"),
                Column::json_only("requires"),
                Column::json_only("history"),
            ])
            .collect()
    }

    fn rows(&self) -> Vec<Vec<Cell>> {
        self.gates
            .iter()
            .map(|gate| {
                let reasons = self
                    .archs
                    .iter()
                    .filter_map(|&arch| Some((arch, gate.reason(arch)?)))
                    .collect();
                [
                    Cell::text(gate.name()),
                    Cell::text(self.state_of(gate).as_str()),
                ]
                .into_iter()
                .chain(
                    self.archs
                        .iter()
                        .map(|&arch| Cell::status(gate.status(arch))),
                )
                .chain([
                    Cell::reasons(reasons),
                    Cell::names(gate.requires().map(Gate::name).collect()),
                    Cell::history(gate.history().collect()),
                ])
                .collect()
            })
            .collect()
    }

    fn notes(&self) -> Vec<String> {
        self.gates
            .iter()
            .flat_map(|gate| {
                self.archs.iter().filter_map(move |&arch| {
                    let reason = gate.reason(arch)?;
                    Some(format!(
                        "{} on {arch} ({}): {reason}",
                        gate.name(),
                        gate.status(arch)
                    ))
                })
            })
            .collect()
    }
}
