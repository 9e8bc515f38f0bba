//! Reports over a registry: the support [`Matrix`], per-architecture
//! [`Coverage`], [`Parity`] between two architectures, and the docs check that
//! keeps a committed Markdown matrix in step with the code ([`check_docs`]).
//!
//! Every report is a [`Report`]: a title, a header of [`Column`]s and rows of
//! [`Cell`]s, from which its forms come, the same way for each: an
//! aligned text table (`Display`, or `to_text` with colour), Markdown
//! (`to_markdown`), CSV (`to_csv`), a self-contained HTML page (`to_html`:
//! a colour and the words per support value, a legend, a header that stays
//! in view) and, with the `serde` feature, JSON (`to_json`: an array of one
//! object per row, keyed by column; each report also implements `Serialize`
//! so). The forms are methods of each report and
//! of the trait, for a report picked at run time (`&dyn Report`).
//! Cells use the spellings of the vocabulary (`GA`, `Supported`, ...); an
//! unspecified support is `-` in text and Markdown, an empty cell in CSV and
//! `null` in JSON.
//!
//! Matrix and coverage cover the architectures a program ships: all five by
//! default, or those given to `with_archs`, always in [`Arch`](crate::Arch)
//! order; the CSV header follows.
//!
//! ```
//! use featuregate::{Arch, Registry, feature_gate, FeatureGate};
//!
//! #[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified("no CI runner yet"))]
//! pub struct ImageVolume;
//!
//! let registry = Registry::new([ImageVolume::GATE]).unwrap();
//! assert_eq!(
//!     registry.matrix().to_csv(),
//!     "name,state,amd64,arm64,s390x,ppc64le,riscv64\nImageVolume,Beta,Supported,Unverified,,,\n"
//! );
//! assert_eq!(
//!     registry.matrix().with_archs([Arch::Arm64, Arch::Amd64]).to_csv(),
//!     "name,state,amd64,arm64\nImageVolume,Beta,Supported,Unverified\n"
//! );
//! assert_eq!(registry.coverage().get(Arch::Arm64).unverified, 1);
//! // A page to open in a browser: colour and words in each cell.
//! let page = registry.matrix().to_html();
//! assert!(page.contains(r#"<td class="st s-supported">Supported</td>"#));
//! let parity = registry.parity(Arch::Amd64, Arch::Arm64);
//! assert_eq!(parity.iter().next().unwrap().gate.name(), "ImageVolume");
//! ```

mod coverage;
mod diff;
mod doc_file;
mod docs_check;
#[cfg(feature = "evidence")]
mod evidence;
mod forms;
mod graph;
mod html;
#[cfg(feature = "serde")]
mod json;
mod matrix;
mod parity;
mod table;

pub use coverage::{ArchCoverage, Coverage};
pub use docs_check::{
    BEGIN_MARKER, BLESS_ENV, DocsCheck, DocsError, END_MARKER, MATRIX_BLOCK, MAX_DOC_BYTES,
    assert_block, assert_docs, check_block, check_docs, check_file, markers,
};
pub use graph::Graph;
pub use matrix::Matrix;
pub use parity::{Parity, ParityGap};
pub use table::{Cell, Column};

use std::io::IsTerminal;

/// Whether a text table colours its support values (Supported green, Pending
/// yellow, Unverified cyan, Unsupported red).
///
/// `Display` never colours; [`Report::to_text`] takes a `Color`, and
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

mod sealed {
    /// What only the HTML page needs of a report (kept here, out of the
    /// public trait): the page's heading, and the table's caption when the
    /// title is not the one.
    pub trait Sealed {
        /// The page's title and heading.
        fn heading(&self) -> &'static str;

        /// The table's caption; `None` for the report's title.
        fn caption(&self) -> Option<String> {
            None
        }
    }

    impl Sealed for super::Matrix {
        fn heading(&self) -> &'static str {
            "Feature gates by architecture"
        }

        fn caption(&self) -> Option<String> {
            let as_of = self
                .version()
                .map(|version| format!(" as of {version}"))
                .unwrap_or_default();
            Some(format!(
                "{} feature gates{as_of}: maturity, and declared support on each of {} architectures",
                self.len(),
                self.archs().len()
            ))
        }
    }

    impl Sealed for super::Coverage {
        fn heading(&self) -> &'static str {
            "Feature gate coverage by architecture"
        }
    }

    impl Sealed for super::Parity {
        fn heading(&self) -> &'static str {
            "Feature gate parity between architectures"
        }
    }

    #[cfg(feature = "evidence")]
    impl Sealed for crate::evidence::Assessment {
        fn heading(&self) -> &'static str {
            "Feature gate support against test evidence"
        }

        fn caption(&self) -> Option<String> {
            Some(format!(
                "{} feature gates on {} architectures with test results: declared support, passed/run tests, finding",
                self.gates().len(),
                self.archs().len()
            ))
        }
    }
}

/// One shape for every report: an optional title, a header and rows, from
/// which the forms are rendered once for all reports. Sealed: the
/// reports are [`Matrix`], [`Coverage`] and [`Parity`] (and, with the
/// `evidence` feature, `evidence::Assessment`); it is object safe,
/// so a program can pick one at run time (`&dyn Report`), as the CLI does.
pub trait Report: sealed::Sealed {
    /// A line that introduces the table in text and Markdown (the summary of
    /// a parity report, say); CSV and JSON leave it out.
    fn title(&self) -> Option<String> {
        None
    }

    /// The columns: the CSV header, the JSON keys.
    fn columns(&self) -> Vec<Column>;

    /// The rows, one cell per column.
    fn rows(&self) -> Vec<Vec<Cell>>;

    /// Notes listed under the Markdown table (the reasons of a matrix).
    fn notes(&self) -> Vec<String> {
        Vec::new()
    }

    /// The title, then an aligned text table; coloured or not (`Display` is
    /// `to_text(Color::Never)`).
    fn to_text(&self, color: Color) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = forms::text(self, &mut out, color);
        out
    }

    /// The title as a paragraph, a Markdown table, then the notes as a list.
    fn to_markdown(&self) -> String {
        forms::markdown(self)
    }

    /// CSV: the header, then one record per row.
    fn to_csv(&self) -> String {
        forms::csv(self)
    }

    /// Pretty-printed JSON: an array of one object per row, keyed by column.
    #[cfg(feature = "serde")]
    fn to_json(&self) -> String {
        json::to_string(self)
    }

    /// One self-contained HTML page (inline CSS, no script, nothing
    /// fetched): a legend, then the table, each support value in its colour
    /// and in words, the header row staying in view; then the notes.
    fn to_html(&self) -> String {
        html::page(self)
    }
}

/// Each report's forms as inherent methods too (so calling them needs no
/// import of [`Report`]), its `Display` (the plain text form) and its
/// `Serialize` (the JSON form): all from its [`Report`] shape, through the
/// one renderer of each form.
macro_rules! forms {
    ($($ty:ty),+) => {$(
        impl $ty {
            /// The title, then an aligned text table; coloured or not
            /// (`Display` is `to_text(Color::Never)`). See [`Report::to_text`].
            #[must_use]
            pub fn to_text(&self, color: Color) -> String {
                Report::to_text(self, color)
            }

            /// The Markdown form. See [`Report::to_markdown`].
            #[must_use]
            pub fn to_markdown(&self) -> String {
                forms::markdown(self)
            }

            /// The CSV form. See [`Report::to_csv`].
            #[must_use]
            pub fn to_csv(&self) -> String {
                forms::csv(self)
            }

            /// The HTML page. See [`Report::to_html`].
            #[must_use]
            pub fn to_html(&self) -> String {
                html::page(self)
            }

            /// The JSON form. See [`Report::to_json`].
            #[cfg(feature = "serde")]
            #[must_use]
            pub fn to_json(&self) -> String {
                json::to_string(self)
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                forms::text(self, f, Color::Never)
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                json::Json(self).serialize(serializer)
            }
        }
    )+};
}

forms!(Matrix, Coverage, Parity);
#[cfg(feature = "evidence")]
forms!(crate::evidence::Assessment);
