//! What a report is made of ([`Column`]s and [`Cell`]s) and the one renderer
//! of each table form: an aligned text table, a Markdown table and CSV (the
//! JSON form is in `json.rs`).
//!
//! Columns are aligned by hand with `std::fmt` padding: a table crate
//! (`comfy-table`, `tabled`) would be a non-optional dependency, bring its
//! own width and styling rules, and still not give CSV or JSON, for a few
//! lines of arithmetic.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use super::{Color, Report};
use crate::{Arch, State, Status, Support, Version};

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

fn width(s: &str) -> usize {
    s.chars().count()
}

/// The columns the tables show, by index.
fn shown(columns: &[Column]) -> Vec<usize> {
    (0..columns.len())
        .filter(|&i| columns[i].in_tables)
        .collect()
}

/// ANSI SGR code of a support value.
fn paint(support: Support) -> &'static str {
    match support {
        Support::Supported => "32",
        Support::Pending => "33",
        Support::Unverified => "36",
        Support::Unsupported => "31",
    }
}

/// Rows of (text, the status that colours it), the header first.
type Grid = Vec<Vec<(String, Option<Status>)>>;

/// The header and the rows as the tables show them: text per shown column,
/// and the width of each column.
fn grid<R: Report + ?Sized>(
    report: &R,
    escape: fn(Cow<'static, str>) -> Cow<'static, str>,
) -> (Vec<usize>, Grid) {
    let columns = report.columns();
    let shown = shown(&columns);
    let header = shown.iter().map(|&i| {
        (
            escape(Cow::Owned(columns[i].name.to_string())).into_owned(),
            None,
        )
    });
    let mut grid = vec![header.collect::<Vec<_>>()];
    for row in report.rows() {
        grid.push(
            shown
                .iter()
                .map(|&i| (escape(row[i].display()).into_owned(), row[i].shows()))
                .collect(),
        );
    }
    let mut widths = vec![0; shown.len()];
    for row in &grid {
        for (w, (text, _)) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(text));
        }
    }
    (widths, grid)
}

/// The title line, then the table: columns separated by two spaces, no
/// trailing whitespace. Colour codes wrap the padded text so they do not
/// count towards the width. A report with a title and no rows shows only
/// its title.
pub(crate) fn text<R: Report + ?Sized>(
    report: &R,
    out: &mut impl fmt::Write,
    color: Color,
) -> fmt::Result {
    let title = report.title();
    if let Some(title) = &title {
        writeln!(out, "{title}")?;
    }
    let (widths, grid) = grid(report, |s| s);
    if title.is_some() && grid.len() == 1 {
        return Ok(());
    }
    let last = widths.len().saturating_sub(1);
    let mut line = String::new();
    for row in &grid {
        line.clear();
        for (i, ((text, status), &w)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = if i == last { 0 } else { w - width(text) };
            match (color, status.and_then(Status::support)) {
                (Color::Always, Some(s)) => write!(line, "\x1b[{}m{text}\x1b[0m", paint(s))?,
                _ => line.push_str(text),
            }
            write!(line, "{:pad$}", "")?;
        }
        // An empty last cell would leave the padding of the one before it.
        out.write_str(line.trim_end())?;
        out.write_char('\n')?;
    }
    Ok(())
}

/// Escapes what would break a Markdown table cell or list item.
fn markdown_escape(s: Cow<'static, str>) -> Cow<'static, str> {
    if s.contains(['\\', '|', '\n', '\r']) {
        Cow::Owned(
            s.replace('\\', "\\\\")
                .replace('|', "\\|")
                .replace(['\n', '\r'], " "),
        )
    } else {
        s
    }
}

/// The title as a paragraph, a Markdown table with padded columns (so the
/// committed file reads well raw), then the notes as a list.
pub(crate) fn markdown<R: Report + ?Sized>(report: &R) -> String {
    let mut out = String::new();
    let title = report.title();
    if let Some(title) = &title {
        out.push_str(&markdown_escape(Cow::Owned(title.clone())));
        out.push('\n');
    }
    let (widths, grid) = grid(report, markdown_escape);
    if title.is_none() || grid.len() > 1 {
        if title.is_some() {
            out.push('\n');
        }
        for (r, row) in grid.iter().enumerate() {
            out.push('|');
            for ((cell, _), &w) in row.iter().zip(&widths) {
                let pad = w - width(cell);
                let _ = write!(out, " {cell}{:pad$} |", "");
            }
            out.push('\n');
            if r == 0 {
                out.push('|');
                for &w in &widths {
                    let _ = write!(out, "{:-<w$}|", "", w = w + 2);
                }
                out.push('\n');
            }
        }
    }
    let notes = report.notes();
    if !notes.is_empty() {
        out.push_str("\nNotes:\n\n");
        for note in notes {
            let _ = writeln!(out, "- {}", markdown_escape(Cow::Owned(note)));
        }
    }
    out
}

/// A header record and one record per row (RFC 4180 quoting: a cell holding
/// `,`, `"`, a line break or surrounding spaces is quoted, its quotes
/// doubled), each ended by `\n`.
pub(crate) fn csv<R: Report + ?Sized>(report: &R) -> String {
    let columns = report.columns();
    let shown = shown(&columns);
    let mut out = String::new();
    csv_record(&mut out, shown.iter().map(|&i| columns[i].name()));
    for row in report.rows() {
        let cells: Vec<_> = shown.iter().map(|&i| row[i].csv()).collect();
        csv_record(&mut out, cells.iter().map(AsRef::as_ref));
    }
    out
}

fn csv_record<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let quote =
            cell.contains([',', '"', '\n', '\r']) || cell.starts_with(' ') || cell.ends_with(' ');
        if quote {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push('\n');
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
    fn csv_quotes_what_needs_it() {
        let mut out = String::new();
        csv_record(
            &mut out,
            ["a", "b,c", "say \"hi\"", "", " pad", "two\nlines"],
        );
        assert_eq!(
            out,
            "a,\"b,c\",\"say \"\"hi\"\"\",,\" pad\",\"two\nlines\"\n"
        );
    }

    #[test]
    fn markdown_escapes_pipes_and_breaks() {
        assert_eq!(markdown_escape(Cow::Borrowed("x|y\nz\\")), "x\\|y z\\\\");
    }

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
