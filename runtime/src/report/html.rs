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
//! # Cells: one function decides how each kind looks
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
use std::fmt::Write as _;

use super::Report;
use super::table::{Cell, Column, Value};
use crate::Status;

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
    word: &'static str,
}

impl Mark {
    /// The mark of the finding spelled `word` (`Promote`, ...).
    #[cfg_attr(not(feature = "evidence"), allow(dead_code))] // the evidence cells use it
    pub(crate) const fn of(word: &'static str) -> Mark {
        Mark { word }
    }
}

/// The findings the CSS styles, in the legend's order, with what each says.
const FINDINGS: [(&str, &str); 4] = [
    ("Regressed", "declared Supported, a test fails there"),
    ("Contradicted", "declared Unsupported, yet the tests pass"),
    ("Unbacked", "declared Supported without enough passing runs"),
    ("Promote", "the tests back Supported"),
];

/// The support values in the legend's order, with what each means (VEP 123).
const SUPPORTS: [(Status, &str); 5] = [
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
    class: Option<&'static str>,
    /// What the cell says.
    words: Cow<'static, str>,
    /// A status cell that is unspecified: a dash to the eye, the word to a
    /// screen reader.
    unspecified: bool,
    /// A number, aligned to the right.
    numeric: bool,
    /// The share of a bar drawn in the background's colour, in percent.
    bar: Option<usize>,
    /// A finding's badge.
    mark: Option<Mark>,
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
    fn status(status: Status) -> Look {
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
fn look(cell: &Cell) -> Look {
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

/// The style sheet. The colours are custom properties on `:root` (the
/// browser tests read them from here); every other rule refers to them.
const STYLE: &str = r#"
:root {
  --supported: #7fd08f; --pending: #ffd75e; --unverified: #97cdf2;
  --unsupported: #f28b8b; --unspecified: #eceef1;
  --head: #1f2937; --head-text: #ffffff; --line: #d1d5db; --zebra: #f9fafb;
  --ink: #111827; --muted: #6b7280;
  --promote: #166534; --regressed: #b91c1c; --unbacked: #92400e; --contradicted: #6b21a8;
}
* { box-sizing: border-box; }
body { margin: 16px; color: var(--ink); background: #ffffff;
  font: 13px/18px "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
h1 { font-size: 18px; line-height: 24px; margin: 0 0 8px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 10px; list-style: none; margin: 0 0 10px; padding: 0; font-size: 12px; }
.legend li { display: flex; align-items: center; gap: 5px; }
.legend .swatch { display: inline-block; padding: 1px 8px; text-align: center;
  border: 1px solid var(--line); font-weight: 600; }
.legend .means { color: var(--muted); }
.legend-title { font-weight: 600; margin-right: 2px; }
table { border-collapse: separate; border-spacing: 0; border: 1px solid var(--line); }
caption { caption-side: top; text-align: left; padding: 0 0 6px; color: var(--muted); }
th, td { padding: 2px 8px; white-space: nowrap; text-align: left; font-weight: normal;
  border-right: 1px solid var(--line); border-bottom: 1px solid var(--line); }
thead th { position: sticky; top: 0; z-index: 1; background: var(--head); color: var(--head-text);
  font-weight: 600; border-right-color: #4b5563; border-bottom: 0; }
tbody tr:nth-child(even) { background: var(--zebra); }
tbody th { font-weight: 600; scroll-margin-top: 24px; }
td.st { min-width: 104px; text-align: center; }
td.none { color: var(--muted); font-style: italic; }
td.n { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
.s-supported { background: var(--supported); }
.s-pending { background: var(--pending); }
.s-unverified { background: var(--unverified); }
.s-unsupported { background: var(--unsupported); }
.s-unspecified { background: var(--unspecified); color: var(--muted); }
.bar { text-align: right; font-variant-numeric: tabular-nums; min-width: 120px; }
.bar.s-supported { background: linear-gradient(90deg, var(--supported) var(--share), transparent 0); }
.bar.s-pending { background: linear-gradient(90deg, var(--pending) var(--share), transparent 0); }
.bar.s-unverified { background: linear-gradient(90deg, var(--unverified) var(--share), transparent 0); }
.bar.s-unsupported { background: linear-gradient(90deg, var(--unsupported) var(--share), transparent 0); }
.bar.s-unspecified { background: linear-gradient(90deg, var(--unspecified) var(--share), transparent 0); color: var(--ink); }
.why { text-decoration: underline dotted; text-underline-offset: 2px; cursor: help; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.mark { display: inline-block; margin-left: 6px; padding: 0 4px; border-radius: 3px;
  background: #ffffff; border: 1px solid currentColor; font-size: 11px; line-height: 14px; font-weight: 700; }
.mark::before { margin-right: 3px; }
.f-promote { color: var(--promote); }
.f-promote::before { content: "\25B2"; }
.f-regressed { color: var(--regressed); }
.f-regressed::before { content: "\25BC"; }
.f-unbacked { color: var(--unbacked); }
.f-unbacked::before { content: "?"; }
.f-contradicted { color: var(--contradicted); }
.f-contradicted::before { content: "\2715"; }
.notes { margin-top: 16px; max-width: 60em; }
.notes h2 { font-size: 15px; margin: 0 0 6px; }
.notes ul { margin: 0; padding-left: 20px; }
@media print { thead th { position: static; } }
"#;

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
