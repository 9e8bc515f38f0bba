//! How each kind of cell shows in HTML: one function decides.
//!
//! [`look`] maps a cell to a [`Look`]: the CSS class of its background
//! (`s-supported`, `s-pending`, `s-unsupported`, `s-unverified`,
//! `s-unspecified`, from [`status_class`]), its words, an optional bar (the
//! share of a coverage count) and an optional finding [`Mark`]. A new kind of
//! cell is one more arm in [`look`]; the CSS and the legend follow. For the
//! evidence report's cell (declared support, `passes/runs`, a finding):
//!
//! ```text
//! Value::Evidence { declared, passes, runs, finding } => Look {
//!     words: format!("{declared} {passes}/{runs}").into(),  // the words, whatever the colour
//!     unspecified: false,                                   // keep the figures: no lone dash
//!     mark: finding.map(|kind| Mark::of(kind.as_str())),    // "Promote", "Regressed", ...
//!     ..Look::status(declared)                              // background by declared support
//! },
//! ```
//!
//! A new report also gives its page a heading: `impl Sealed for Assessment
//! { fn heading(&self) -> &'static str { "..." } }` in `report/mod.rs`
//! (and a `caption` when its title is not the one).
//!
//! A [`Mark`] shows as a badge at the end of the cell: the finding's glyph
//! (a CSS `::before`: `▲` Promote, `▼` Regressed, `?` Unbacked, `✕`
//! Contradicted) and its word, in the DOM so that a screen reader says it,
//! class `mark f-promote` (`f-` and the word in lower case), in the
//! finding's colour (`--promote`, ... on `:root`). The legend
//! lists the findings whenever a cell of the page carries a mark.

use std::borrow::Cow;

use crate::Status;
use crate::report::table::{Cell, Value};

/// The CSS class of a support status's background.
#[must_use]
pub(crate) fn status_class(status: Status) -> &'static str {
    match status {
        Status::Supported => "s-supported",
        Status::Pending => "s-pending",
        Status::Unsupported => "s-unsupported",
        Status::Unverified => "s-unverified",
        Status::Unspecified => "s-unspecified",
    }
}

/// A finding shown as a badge in a cell: its word, its class `f-<word in
/// lower case>` (styled for `Promote`, `Regressed`, `Unbacked` and
/// `Contradicted`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    pub(super) word: &'static str,
}

impl Mark {
    /// The mark of the finding spelled `word` (`Promote`, ...).
    #[cfg_attr(not(feature = "evidence"), allow(dead_code))] // the evidence cells use it
    pub(crate) const fn of(word: &'static str) -> Mark {
        Mark { word }
    }
}

/// The findings the CSS styles, in the legend's order, with what each says.
pub(super) const FINDINGS: [(&str, &str); 4] = [
    ("Regressed", "declared Supported, a test fails there"),
    ("Contradicted", "declared Unsupported, yet the tests pass"),
    ("Unbacked", "declared Supported without enough passing runs"),
    ("Promote", "the tests back Supported"),
];

/// The support values in the legend's order, with what each means (VEP 123).
pub(super) const SUPPORTS: [(Status, &str); 5] = [
    (Status::Supported, "tested"),
    (Status::Pending, "planned"),
    (Status::Unverified, "should work, untested"),
    (Status::Unsupported, "cannot work"),
    (Status::Unspecified, "not declared"),
];

/// How one cell shows: see the module's documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Look {
    /// The background's class ([`status_class`]), or `None` for plain text.
    pub(super) class: Option<&'static str>,
    /// What the cell says.
    pub(super) words: Cow<'static, str>,
    /// A status cell that is unspecified: a dash to the eye, the word to a
    /// screen reader.
    pub(super) unspecified: bool,
    /// A number, aligned to the right.
    pub(super) numeric: bool,
    /// The share of a bar drawn in the background's colour, in percent.
    pub(super) bar: Option<usize>,
    /// A finding's badge.
    pub(super) mark: Option<Mark>,
}

impl Look {
    fn plain(words: Cow<'static, str>) -> Look {
        Look {
            class: None,
            words,
            unspecified: false,
            numeric: false,
            bar: None,
            mark: None,
        }
    }

    /// A cell filled with the colour of `status`, saying it.
    pub(super) fn status(status: Status) -> Look {
        Look {
            class: Some(status_class(status)),
            words: Cow::Borrowed(if status == Status::Unspecified {
                "unspecified"
            } else {
                status.as_str()
            }),
            unspecified: status == Status::Unspecified,
            numeric: false,
            bar: None,
            mark: None,
        }
    }
}

/// How `cell` shows in HTML: the one place that knows each kind of cell.
pub(super) fn look(cell: &Cell) -> Look {
    match &cell.0 {
        Value::Status(status) => Look::status(*status),
        Value::Count { n, total, status } if *n > 0 => Look {
            words: cell.display(),
            bar: Some((n * 100).checked_div(*total).unwrap_or(0)),
            unspecified: false,
            numeric: true,
            ..Look::status(*status)
        },
        Value::Count { .. } | Value::Number(_) => Look {
            numeric: true,
            ..Look::plain(cell.display())
        },
        Value::Evidence {
            declared,
            passes,
            runs,
            ..
        } => Look {
            // The words whatever the colour; the figures keep an unspecified
            // cell from being a lone dash.
            words: Cow::Owned(format!(
                "{} {passes}/{runs}",
                declared.support().map_or("unspecified", |s| s.as_str())
            )),
            unspecified: false,
            mark: cell.finding().map(Mark::of),
            ..Look::status(*declared)
        },
        _ => Look::plain(cell.display()),
    }
}
