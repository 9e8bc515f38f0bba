//! What a report is made of: [`Column`]s and [`Cell`]s, each cell spelling
//! itself per form. The forms are rendered in `forms.rs` (text, Markdown,
//! CSV), `json.rs` and `html/`.

use std::borrow::Cow;

use crate::{Arch, State, Status, Version};

/// What an unspecified support shows in text and Markdown.
pub(crate) const UNSPECIFIED: &str = "-";

/// A column of a report: its name (the header in text, Markdown and CSV, the
/// key in JSON) and whether the tables show it (some columns, such as the
/// reasons of a matrix, travel in JSON only).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Column {
    name: Cow<'static, str>,
    in_tables: bool,
}

impl Column {
    pub(crate) fn new(name: impl Into<Cow<'static, str>>) -> Column {
        Column {
            name: name.into(),
            in_tables: true,
        }
    }

    pub(crate) fn json_only(name: &'static str) -> Column {
        Column {
            name: Cow::Borrowed(name),
            in_tables: false,
        }
    }

    /// The header, and the key of the column in JSON.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether text, Markdown and CSV show the column (JSON always does).
    #[must_use]
    pub fn in_tables(&self) -> bool {
        self.in_tables
    }
}

/// One cell of a report. Each form spells it its own way: a status is `-`
/// when unspecified in text and Markdown, empty in CSV and `null` in JSON; a
/// count shows its share of the total in text and Markdown, the bare number
/// in CSV and JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell(pub(super) Value);

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Value {
    Text(&'static str),
    Status(Status),
    /// `n` of `total` gates having `status`.
    Count {
        n: usize,
        total: usize,
        status: Status,
    },
    Number(usize),
    /// Text that may be absent (empty in tables, `null` in JSON).
    Note(Option<&'static str>),
    /// A reason per architecture (JSON: an object).
    Reasons(Vec<(Arch, &'static str)>),
    /// Gate names (JSON: an array; tables: comma-separated).
    Names(Vec<&'static str>),
    /// Each stage and the release it began (JSON: an array of
    /// `{"state", "version"}`; tables: `Alpha v1.6.0, Beta v1.7.0`).
    History(Vec<(State, Version)>),
    /// Evidence for one gate on one architecture: the declared support,
    /// the observed `passes/runs` and the finding, if any (tables:
    /// `Unverified 70/70 Promote`; JSON: an object of the four).
    Evidence {
        declared: Status,
        passes: usize,
        runs: usize,
        finding: Option<&'static str>,
    },
}

impl Cell {
    pub(crate) fn text(text: &'static str) -> Cell {
        Cell(Value::Text(text))
    }

    pub(crate) fn status(status: Status) -> Cell {
        Cell(Value::Status(status))
    }

    pub(crate) fn count(n: usize, total: usize, status: Status) -> Cell {
        Cell(Value::Count { n, total, status })
    }

    pub(crate) fn number(n: usize) -> Cell {
        Cell(Value::Number(n))
    }

    pub(crate) fn note(note: Option<&'static str>) -> Cell {
        Cell(Value::Note(note))
    }

    pub(crate) fn reasons(reasons: Vec<(Arch, &'static str)>) -> Cell {
        Cell(Value::Reasons(reasons))
    }

    pub(crate) fn names(names: Vec<&'static str>) -> Cell {
        Cell(Value::Names(names))
    }

    pub(crate) fn history(history: Vec<(State, Version)>) -> Cell {
        Cell(Value::History(history))
    }

    /// The evidence cell of one gate on one architecture.
    #[cfg_attr(not(feature = "evidence"), allow(dead_code))]
    pub(crate) fn evidence(
        declared: Status,
        passes: usize,
        runs: usize,
        finding: Option<&'static str>,
    ) -> Cell {
        Cell(Value::Evidence {
            declared,
            passes,
            runs,
            finding,
        })
    }

    /// The finding an evidence cell carries (`Promote`, `Regressed`, ...).
    #[must_use]
    pub fn finding(&self) -> Option<&'static str> {
        match self.0 {
            Value::Evidence { finding, .. } => finding,
            _ => None,
        }
    }

    /// The cell as text and Markdown show it (before Markdown's escaping).
    #[must_use]
    pub fn display(&self) -> Cow<'static, str> {
        match &self.0 {
            Value::Text(s) => Cow::Borrowed(s),
            Value::Status(Status::Unspecified) => Cow::Borrowed(UNSPECIFIED),
            Value::Status(s) => Cow::Borrowed(s.as_str()),
            Value::Count { n, total, .. } => Cow::Owned(format!("{n} ({})", percent(*n, *total))),
            Value::Number(n) => Cow::Owned(n.to_string()),
            Value::Note(note) => Cow::Borrowed(note.unwrap_or_default()),
            Value::Names(names) => Cow::Owned(names.join(", ")),
            Value::History(history) => Cow::Owned(
                history
                    .iter()
                    .map(|(state, version)| format!("{state} {version}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            Value::Evidence {
                declared,
                passes,
                runs,
                finding,
            } => {
                let declared = declared.support().map_or(UNSPECIFIED, |s| s.as_str());
                Cow::Owned(match finding {
                    Some(finding) => format!("{declared} {passes}/{runs} {finding}"),
                    None => format!("{declared} {passes}/{runs}"),
                })
            }
            Value::Reasons(reasons) => Cow::Owned(
                reasons
                    .iter()
                    .map(|(arch, reason)| format!("{arch}: {reason}"))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        }
    }

    /// The cell as CSV holds it (before quoting).
    #[must_use]
    pub fn csv(&self) -> Cow<'static, str> {
        match &self.0 {
            Value::Status(Status::Unspecified) => Cow::Borrowed(""),
            Value::Count { n, .. } => Cow::Owned(n.to_string()),
            _ => self.display(),
        }
    }

    /// The support status the cell shows, which picks its colour.
    #[must_use]
    pub fn shows(&self) -> Option<Status> {
        match self.0 {
            Value::Status(status)
            | Value::Evidence {
                declared: status, ..
            } => Some(status),
            Value::Count { n, status, .. } if n > 0 => Some(status),
            _ => None,
        }
    }
}

/// `count` as a whole percentage of `total`, rounded half up; `-` when there is nothing to count.
pub(crate) fn percent(count: usize, total: usize) -> String {
    (count * 100 + total / 2)
        .checked_div(total)
        .map_or_else(|| UNSPECIFIED.to_owned(), |p| format!("{p}%"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rounds() {
        assert_eq!(percent(1, 3), "33%");
        assert_eq!(percent(2, 3), "67%");
        assert_eq!(percent(0, 0), "-");
    }

    #[test]
    fn cells_spell_themselves_per_form() {
        let unspecified = Cell::status(Status::Unspecified);
        assert_eq!(
            (unspecified.display(), unspecified.csv()),
            ("-".into(), "".into())
        );
        let count = Cell::count(1, 3, Status::Pending);
        assert_eq!(
            (count.display(), count.csv()),
            ("1 (33%)".into(), "1".into())
        );
        assert_eq!(count.shows(), Some(Status::Pending));
        assert_eq!(Cell::count(0, 3, Status::Pending).shows(), None);
        let evidence = Cell::evidence(Status::Unverified, 70, 70, Some("Promote"));
        assert_eq!(evidence.display(), "Unverified 70/70 Promote");
        assert_eq!(evidence.csv(), "Unverified 70/70 Promote");
        assert_eq!(evidence.shows(), Some(Status::Unverified));
        assert_eq!(
            Cell::evidence(Status::Unspecified, 0, 0, None).display(),
            "- 0/0"
        );
    }
}
