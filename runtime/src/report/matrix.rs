//! Gates x architectures: each gate's state and its support on every
//! architecture, with the reason of each status.

use std::fmt::{self, Write as _};

use super::Color;
use super::table::{self, Cell};
use crate::{Arch, Gate, Registry, Support};

/// Gates x architectures, with state, support and the reason of each status.
///
/// `Display` is an aligned text table without colour; [`Matrix::text`] can
/// colour it. [`Matrix::to_markdown`] adds the reasons as notes under the
/// table, [`Matrix::to_csv`] has the header
/// `name,state,amd64,arm64,s390x,ppc64le,riscv64`, and with the `serde`
/// feature [`Matrix::to_json`] (and `Serialize`) gives one object per gate:
/// `{"name", "state", "amd64": "Supported" | null, ..., "reasons": {"arm64": "..."}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    gates: Vec<&'static Gate>,
}

impl Registry {
    /// Every gate of the registry against every architecture, in name order.
    #[must_use]
    pub fn matrix(&self) -> Matrix {
        Matrix::new(self.iter())
    }
}

impl Matrix {
    /// A matrix of `gates`, in the order given.
    pub fn new(gates: impl IntoIterator<Item = &'static Gate>) -> Matrix {
        Matrix {
            gates: gates.into_iter().collect(),
        }
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

    /// The text table, coloured or not (`Display` is `text(Color::Never)`).
    #[must_use]
    pub fn text(&self, color: Color) -> MatrixText<'_> {
        MatrixText {
            matrix: self,
            color,
        }
    }

    fn header() -> Vec<&'static str> {
        ["name", "state"]
            .into_iter()
            .chain(Arch::ALL.map(Arch::as_str))
            .collect()
    }

    fn rows(&self) -> Vec<Vec<Cell>> {
        self.gates
            .iter()
            .map(|gate| {
                [Cell::plain(gate.name()), Cell::plain(gate.state().as_str())]
                    .into_iter()
                    .chain(Arch::ALL.map(|arch| Cell::support(gate.support(arch))))
                    .collect()
            })
            .collect()
    }

    /// A Markdown table, then the reasons as a list of notes
    /// (`- Gate on arm64 (Unverified): why`).
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        table::markdown(&mut out, &Matrix::header(), &self.rows());
        let mut notes = self
            .gates
            .iter()
            .flat_map(|gate| {
                Arch::ALL
                    .into_iter()
                    .filter_map(move |arch| Some((gate, arch, gate.reason(arch)?)))
            })
            .peekable();
        if notes.peek().is_some() {
            out.push_str("\nNotes:\n\n");
            for (gate, arch, reason) in notes {
                let support = gate.support(arch).map_or("unspecified", Support::as_str);
                let _ = writeln!(
                    out,
                    "- {} on {arch} ({support}): {}",
                    table::markdown_escape(gate.name()),
                    table::markdown_escape(reason)
                );
            }
        }
        out
    }

    /// CSV with the header `name,state,amd64,arm64,s390x,ppc64le,riscv64`,
    /// one record per gate, an empty cell where support is unspecified.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        table::csv_record(&mut out, Matrix::header());
        for gate in &self.gates {
            let supports = Arch::ALL.map(|arch| gate.support(arch).map_or("", Support::as_str));
            table::csv_record(
                &mut out,
                [gate.name(), gate.state().as_str()]
                    .into_iter()
                    .chain(supports),
            );
        }
        out
    }

    /// Pretty-printed JSON: an array with one object per gate (see [`Matrix`]).
    #[cfg(feature = "serde")]
    #[must_use]
    pub fn to_json(&self) -> String {
        super::json(self)
    }
}

impl fmt::Display for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text(Color::Never).fmt(f)
    }
}

/// The text table of a [`Matrix`], coloured or not; see [`Matrix::text`].
#[derive(Debug, Clone, Copy)]
pub struct MatrixText<'a> {
    matrix: &'a Matrix,
    color: Color,
}

impl fmt::Display for MatrixText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        table::text(f, &Matrix::header(), &self.matrix.rows(), self.color)
    }
}

#[cfg(feature = "serde")]
mod json {
    use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

    use super::Matrix;
    use crate::{Arch, Gate, Support};

    struct Row(&'static Gate);

    struct Reasons(&'static Gate);

    impl Serialize for Matrix {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut seq = serializer.serialize_seq(Some(self.gates.len()))?;
            for gate in &self.gates {
                seq.serialize_element(&Row(gate))?;
            }
            seq.end()
        }
    }

    impl Serialize for Row {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let gate = self.0;
            let mut map = serializer.serialize_map(Some(3 + Arch::ALL.len()))?;
            map.serialize_entry("name", gate.name())?;
            map.serialize_entry("state", gate.state().as_str())?;
            for arch in Arch::ALL {
                map.serialize_entry(arch.as_str(), &gate.support(arch).map(Support::as_str))?;
            }
            map.serialize_entry("reasons", &Reasons(gate))?;
            map.end()
        }
    }

    impl Serialize for Reasons {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(None)?;
            for arch in Arch::ALL {
                if let Some(reason) = self.0.reason(arch) {
                    map.serialize_entry(arch.as_str(), reason)?;
                }
            }
            map.end()
        }
    }
}
