//! The one renderer of each table form: an aligned text table, a Markdown
//! table and CSV (the JSON form is in `json.rs`, HTML in `html/`).
//!
//! Columns are aligned by hand with `std::fmt` padding: a table crate
//! (`comfy-table`, `tabled`) would be a non-optional dependency, bring its
//! own width and styling rules, and still not give CSV or JSON, for a few
//! lines of arithmetic.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use super::table::Column;
use super::{Color, Report};
use crate::{Status, Support};

fn width(s: &str) -> usize {
    s.chars().count()
}

/// The columns the tables show, by index.
fn shown(columns: &[Column]) -> Vec<usize> {
    (0..columns.len())
        .filter(|&i| columns[i].in_tables())
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
            escape(Cow::Owned(columns[i].name().to_owned())).into_owned(),
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
}
