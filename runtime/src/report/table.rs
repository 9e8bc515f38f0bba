//! Rendering of rows of cells as an aligned text table, a Markdown table and
//! CSV, shared by every report.
//!
//! Columns are aligned by hand with `std::fmt` padding: a table crate would be
//! a non-optional dependency for a few lines of arithmetic.

use std::fmt::{self, Write as _};

use super::Color;
use crate::Support;

/// What an unspecified support shows in text and Markdown.
pub(crate) const UNSPECIFIED: &str = "-";

/// One cell: its text, and the support it shows (which picks its colour).
pub(crate) struct Cell {
    pub(crate) text: String,
    pub(crate) support: Option<Support>,
}

impl Cell {
    pub(crate) fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            support: None,
        }
    }

    /// A support cell: its spelling, or `-` when unspecified.
    pub(crate) fn support(support: Option<Support>) -> Cell {
        Cell {
            text: support.map_or(UNSPECIFIED, Support::as_str).to_owned(),
            support,
        }
    }
}

fn width(s: &str) -> usize {
    s.chars().count()
}

fn widths(header: &[&str], rows: &[Vec<Cell>]) -> Vec<usize> {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(&cell.text));
        }
    }
    widths
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

/// Columns separated by two spaces, no trailing whitespace. Colour codes wrap
/// the padded text so they do not count towards the width.
pub(crate) fn text(
    out: &mut impl fmt::Write,
    header: &[&str],
    rows: &[Vec<Cell>],
    color: Color,
) -> fmt::Result {
    let widths = widths(header, rows);
    let last = widths.len().saturating_sub(1);
    let header_cells: Vec<Cell> = header.iter().map(|h| Cell::plain(*h)).collect();
    let mut line = String::new();
    for row in std::iter::once(&header_cells).chain(rows) {
        line.clear();
        for (i, (cell, &w)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = if i == last { 0 } else { w - width(&cell.text) };
            match (color, cell.support) {
                (Color::Always, Some(s)) => write!(line, "\x1b[{}m{}\x1b[0m", paint(s), cell.text)?,
                _ => line.push_str(&cell.text),
            }
            write!(line, "{:pad$}", "")?;
        }
        // An empty last cell would leave the padding of the one before it.
        out.write_str(line.trim_end())?;
        out.write_char('\n')?;
    }
    Ok(())
}

/// Escapes what would break a Markdown table cell.
pub(crate) fn markdown_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// A Markdown table with padded columns, so the committed file reads well raw.
pub(crate) fn markdown(out: &mut String, header: &[&str], rows: &[Vec<Cell>]) {
    let rows: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| Cell::plain(markdown_escape(&c.text)))
                .collect()
        })
        .collect();
    let widths = widths(header, &rows);
    let line = |out: &mut String, cells: &mut dyn Iterator<Item = &str>| {
        out.push('|');
        for (cell, &w) in cells.zip(&widths) {
            let pad = w - width(cell);
            let _ = write!(out, " {cell}{:pad$} |", "");
        }
        out.push('\n');
    };
    line(out, &mut header.iter().copied());
    out.push('|');
    for &w in &widths {
        let _ = write!(out, "{:-<w$}|", "", w = w + 2);
    }
    out.push('\n');
    for row in &rows {
        line(out, &mut row.iter().map(|c| c.text.as_str()));
    }
}

/// One CSV record (RFC 4180 quoting: a cell holding `,`, `"`, a line break or
/// surrounding spaces is quoted, its quotes doubled), ended by `\n`.
pub(crate) fn csv_record<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
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
    fn text_aligns_without_trailing_space() {
        let mut out = String::new();
        let rows = vec![
            vec![
                Cell::plain("LongName"),
                Cell::support(Some(Support::Supported)),
                Cell::support(None),
            ],
            vec![
                Cell::plain("A"),
                Cell::support(None),
                Cell::support(Some(Support::Pending)),
            ],
        ];
        text(&mut out, &["name", "x", "y"], &rows, Color::Never).unwrap();
        assert_eq!(
            out,
            "name      x          y\nLongName  Supported  -\nA         -          Pending\n"
        );
        let mut colored = String::new();
        text(&mut colored, &["name", "x", "y"], &rows, Color::Always).unwrap();
        assert!(
            colored.contains("\x1b[32mSupported\x1b[0m  -"),
            "{colored:?}"
        );
    }

    #[test]
    fn markdown_escapes_pipes() {
        let mut out = String::new();
        markdown(
            &mut out,
            &["a", "b"],
            &[vec![Cell::plain("x|y"), Cell::plain("z")]],
        );
        assert_eq!(out, "| a    | b |\n|------|---|\n| x\\|y | z |\n");
    }

    #[test]
    fn percent_rounds() {
        assert_eq!(percent(1, 3), "33%");
        assert_eq!(percent(2, 3), "67%");
        assert_eq!(percent(0, 0), "-");
    }
}
