//! The HTML form of every report: one self-contained page per report (inline
//! CSS, no script, nothing fetched), rendered once from its columns and
//! cells like the other forms.
//!
//! What the page holds, and why:
//! - A `<table>` with a `<caption>`, `<th scope="col">` headers and the
//!   first column as `<th scope="row">`, so a screen reader names the gate
//!   and the architecture of each cell.
//! - A background colour per support value (Supported, Pending, Unsupported,
//!   Unverified, unspecified), and the words in each cell too: the page reads
//!   without colour, printed in black and white, and aloud. A legend above
//!   the table names each colour.
//! - A header row that stays in view while the rows scroll
//!   (`position: sticky`), compact rows and cells that never wrap, so 85
//!   gates x 5 architectures read at a glance; each row an anchor named by
//!   its first cell (`matrix.html#ImageVolume`).
//! - Every text (names, reasons, notes, titles) HTML-escaped, and a
//!   `Content-Security-Policy` that lets the page load nothing at all.
//!
//!
//! How each kind of cell looks is decided in one place, `look.rs`; the
//! style sheet is `style.rs`.

mod look;
mod style;

use std::borrow::Cow;
use std::fmt::Write as _;

pub(crate) use look::status_class;
use look::{FINDINGS, Look, SUPPORTS, look};
use style::STYLE;

use super::Report;
use super::table::{Cell, Column, Value};
use crate::Status;

/// `text` with `&`, `<`, `>`, `"` and `'` replaced by their entities: safe
/// in element content and in a quoted attribute.
#[must_use]
pub(crate) fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The page of `report`: its heading, a legend of the colours it uses, the
/// table, then its notes.
pub(crate) fn page<R: Report + ?Sized>(report: &R) -> String {
    let columns = report.columns();
    let shown: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].in_tables())
        .collect();
    let rows = report.rows();
    let looks: Vec<Vec<Look>> = rows
        .iter()
        .map(|row| shown.iter().map(|&i| look(&row[i])).collect())
        .collect();
    let coloured = looks.iter().flatten().any(|look| look.class.is_some());
    let marked = looks.iter().flatten().any(|look| look.mark.is_some());

    let heading = report.heading();
    let mut out = String::with_capacity(4096 + rows.len() * 512);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // The page loads nothing: no script, no image, no font, no style sheet.
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    let _ = writeln!(out, "<title>{}</title>", escape(heading));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>\n<main>");
    let _ = writeln!(out, "<h1>{}</h1>", escape(heading));
    if coloured {
        legend(&mut out, marked);
    }
    out.push_str("<table>\n");
    let caption = report.caption().or_else(|| report.title());
    if let Some(caption) = caption {
        let _ = writeln!(out, "<caption>{}</caption>", escape(&caption));
    }
    out.push_str("<thead><tr>");
    for &i in &shown {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(columns[i].name()));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    if rows.is_empty() {
        // An empty body would read as a broken page.
        let _ = writeln!(
            out,
            "<tr><td class=\"none\" colspan=\"{}\">none</td></tr>",
            shown.len()
        );
    }
    for (row, looks) in rows.iter().zip(&looks) {
        out.push_str("<tr>");
        for (k, (&i, look)) in shown.iter().zip(looks).enumerate() {
            let reason = reason_for(row, &columns[i]);
            cell(&mut out, k == 0, look, reason);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    let notes = report.notes();
    if !notes.is_empty() {
        out.push_str("<section class=\"notes\" aria-labelledby=\"notes\">\n<h2 id=\"notes\">Notes</h2>\n<ul>\n");
        for note in &notes {
            let _ = writeln!(out, "<li>{}</li>", escape(note));
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The legend: a swatch per support value with its meaning, and the
/// findings' badges when a cell carries one.
fn legend(out: &mut String, marked: bool) {
    out.push_str(
        "<ul class=\"legend\" aria-label=\"Legend\">\n<li class=\"legend-title\">Support:</li>\n",
    );
    for (status, means) in SUPPORTS {
        let word = if status == Status::Unspecified {
            "\u{2013} unspecified"
        } else {
            status.as_str()
        };
        let _ = writeln!(
            out,
            "<li><span class=\"swatch {}\">{word}</span><span class=\"means\">{means}</span></li>",
            status_class(status)
        );
    }
    out.push_str("</ul>\n");
    if marked {
        out.push_str("<ul class=\"legend\" aria-label=\"Findings\">\n<li class=\"legend-title\">Findings:</li>\n");
        for (word, means) in FINDINGS {
            let _ = writeln!(
                out,
                "<li><span class=\"mark f-{}\">{word}</span><span class=\"means\">{means}</span></li>",
                word.to_ascii_lowercase()
            );
        }
        out.push_str("</ul>\n");
    }
}

/// The reason a row gives for the architecture named by `column` (a
/// matrix's JSON-only `reasons` cell), shown as the cell's tooltip.
fn reason_for(row: &[Cell], column: &Column) -> Option<&'static str> {
    row.iter().find_map(|cell| match &cell.0 {
        Value::Reasons(reasons) => reasons
            .iter()
            .find(|(arch, _)| arch.as_str() == column.name())
            .map(|&(_, reason)| reason),
        _ => None,
    })
}

/// One cell: `<th scope="row">` first, `<td>` after, with its class, its
/// words (the reason as a tooltip) and its mark.
fn cell(out: &mut String, header: bool, look: &Look, reason: Option<&str>) {
    let tag = if header { "th" } else { "td" };
    out.push('<');
    out.push_str(tag);
    if header {
        // The row's anchor (`page.html#ImageVolume`): its words, spaces
        // made dashes (an id holds no space).
        let id: String = look
            .words
            .chars()
            .map(|c| if c.is_whitespace() { '-' } else { c })
            .collect();
        let _ = write!(out, " scope=\"row\" id=\"{}\"", escape(&id));
    }
    let mut classes: Vec<&str> = Vec::new();
    if look.bar.is_some() {
        classes.push("bar");
    } else if look.class.is_some() {
        classes.push("st");
    } else if look.numeric {
        classes.push("n");
    }
    classes.extend(look.class);
    if !classes.is_empty() {
        let _ = write!(out, " class=\"{}\"", classes.join(" "));
    }
    if let Some(share) = look.bar {
        // At least a sliver, so that a count of one still shows.
        let _ = write!(out, " style=\"--share: max(4px, {share}%)\"");
    }
    out.push('>');
    let words = escape(&look.words);
    match (reason, look.unspecified) {
        (_, true) => {
            let _ = write!(
                out,
                "<span aria-hidden=\"true\">\u{2013}</span><span class=\"sr\">{words}</span>"
            );
        }
        (Some(reason), false) => {
            let _ = write!(
                out,
                "<span class=\"why\" title=\"{}\">{words}</span>",
                escape(reason)
            );
        }
        (None, false) => out.push_str(&words),
    }
    if let Some(mark) = look.mark {
        let _ = write!(
            out,
            "<span class=\"mark f-{}\">{}</span>",
            escape(&mark.word.to_ascii_lowercase()),
            escape(mark.word)
        );
    }
    let _ = write!(out, "</{tag}>");
}

#[cfg(test)]
mod tests {
    use super::look::Mark;
    use super::*;

    #[test]
    fn escape_replaces_markup_characters() {
        assert_eq!(
            escape("<script>alert('x' & \"y\")</script>"),
            "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;"
        );
        assert!(matches!(escape("plain text"), Cow::Borrowed(_)));
    }

    #[test]
    fn each_status_has_its_class_and_words() {
        for status in Status::ALL {
            let look = look(&Cell::status(status));
            assert_eq!(look.class, Some(status_class(status)));
            assert!(STYLE.contains(&format!(".{} {{", status_class(status))));
        }
        assert_eq!(look(&Cell::status(Status::Pending)).words, "Pending");
        assert_eq!(look(&Cell::count(0, 3, Status::Pending)).class, None);
        assert_eq!(look(&Cell::count(1, 4, Status::Pending)).bar, Some(25));
    }

    #[test]
    fn every_finding_is_styled() {
        for (word, _) in FINDINGS {
            let class = format!(".f-{}::before", word.to_ascii_lowercase());
            assert!(STYLE.contains(&class), "{class}");
        }
        let mut out = String::new();
        let marked = Look {
            mark: Some(Mark::of("Promote")),
            ..Look::status(Status::Unverified)
        };
        cell(&mut out, false, &marked, None);
        assert_eq!(
            out,
            "<td class=\"st s-unverified\">Unverified<span class=\"mark f-promote\">Promote</span></td>"
        );
    }
}
