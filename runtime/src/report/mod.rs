//! Reports over a registry: the support [`Matrix`], per-architecture
//! [`Coverage`], [`Parity`] between two architectures, and the docs check that
//! keeps a committed Markdown matrix in step with the code ([`check_docs`]).
//!
//! Every report renders as an aligned text table (`Display`), Markdown and CSV,
//! and with the `serde` feature as JSON (each also implements `Serialize`).
//! Cells use the spellings of the vocabulary (`GA`, `Supported`, ...); an
//! unspecified support is `-` in text and Markdown, an empty cell in CSV and
//! `null` in JSON.
//!
//! ```
//! use featuregate::{Arch, Registry, feature_gate, FeatureGate};
//!
//! #[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified("no CI runner yet"))]
//! pub struct ImageVolume;
//!
//! let registry = Registry::new([ImageVolume::GATE]).unwrap();
//! let matrix = registry.matrix();
//! assert_eq!(
//!     matrix.to_csv(),
//!     "name,state,amd64,arm64,s390x,ppc64le,riscv64\nImageVolume,Beta,Supported,Unverified,,,\n"
//! );
//! assert_eq!(registry.coverage().get(Arch::Arm64).unverified, 1);
//! assert_eq!(registry.parity(Arch::Amd64, Arch::Arm64)[0].gate.name(), "ImageVolume");
//! ```

mod coverage;
mod docs_check;
mod matrix;
mod parity;
mod table;

pub use coverage::{ArchCoverage, Coverage};
pub use docs_check::{
    BEGIN_MARKER, BLESS_ENV, DocsCheck, DocsError, END_MARKER, assert_docs, check_docs, check_file,
};
pub use matrix::{Matrix, MatrixText};
pub use parity::{Parity, ParityGap};

use std::io::IsTerminal;

/// Whether a text table colours its support values (Supported green, Pending
/// yellow, Unverified cyan, Unsupported red).
///
/// `Display` never colours; [`Matrix::text`] takes a `Color`, and
/// [`Color::auto`] picks one for a stream the way command-line tools do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Color {
    /// Plain text.
    #[default]
    Never,
    /// ANSI colours.
    Always,
}

impl Color {
    /// [`Color::Always`] when `stream` is a terminal and `NO_COLOR` is not set
    /// to a non-empty value (<https://no-color.org>), else [`Color::Never`].
    #[must_use]
    pub fn auto(stream: &impl IsTerminal) -> Color {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if !no_color && stream.is_terminal() {
            Color::Always
        } else {
            Color::Never
        }
    }
}

/// Pretty JSON of a report. Serializing these types cannot fail (string keys,
/// no maps with other keys), so an error here is a bug worth a panic.
#[cfg(feature = "serde")]
fn json(value: &impl serde::Serialize) -> String {
    let mut out = serde_json::to_string_pretty(value).expect("reports serialize to JSON");
    out.push('\n');
    out
}
