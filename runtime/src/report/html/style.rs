//! The style sheet of every HTML report, inline in each page.

/// The style sheet. The colours are custom properties on `:root` (the
/// browser tests read them from here); every other rule refers to them.
pub(super) const STYLE: &str = r#"
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
