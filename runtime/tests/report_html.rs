//! The HTML form of the reports: escaped, self-contained (no script,
//! nothing fetched), the same through the CLI's `--format html`, and, in
//! headless Chromium, one row per gate with each cell in its status's
//! colour. The 85-gate catalogue's page is tested in
//! `examples/kubevirt/tests/report_html.rs`.
#![cfg(feature = "cli")]

use featuregate::{Arch, FeatureGate, Registry, Report, Status, feature_gate};

#[path = "support/browser.rs"]
mod browser;
mod support;

/// Lets a VM use a container image as a volume.
#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified("<script>alert('x')</script> & \"more\""),
               s390x = Pending("needs <b>CDI</b>"), ppc64le = Unsupported("</td></tr></table><img src=x>"))]
struct ImageVolume;

/// Encrypts guest memory with AMD SEV.
#[feature_gate(name = "WorkloadEncryptionSEV", state = Alpha,
               amd64 = Supported, arm64 = Unsupported("AMD SEV | x86 only"), s390x = Unsupported)]
struct WorkloadEncryptionSev;

/// Grows disks to their image's size.
#[feature_gate(state = Alpha)]
struct ExpandDisks;

/// Takes VM snapshots.
#[feature_gate(state = GA, others = Supported, riscv64 = Unverified)]
struct Snapshot;

fn registry() -> Registry {
    Registry::new([
        ImageVolume::GATE,
        WorkloadEncryptionSev::GATE,
        ExpandDisks::GATE,
        Snapshot::GATE,
    ])
    .unwrap()
}

/// Every report's page, in a few shapes.
fn pages(registry: &Registry) -> Vec<(&'static str, String)> {
    let v = "v1.0.0".parse().unwrap();
    vec![
        ("matrix", registry.matrix().to_html()),
        (
            "matrix --arch",
            registry.matrix().with_archs([Arch::Arm64]).to_html(),
        ),
        ("matrix --at", registry.matrix_at(v).to_html()),
        ("coverage", registry.coverage().to_html()),
        (
            "parity",
            registry.parity(Arch::Amd64, Arch::Arm64).to_html(),
        ),
        (
            "empty parity",
            registry.parity(Arch::Amd64, Arch::Amd64).to_html(),
        ),
    ]
}

#[test]
fn hostile_text_is_escaped() {
    let html = registry().matrix().to_html();
    // The reasons show as text, in the cells' tooltips and in the notes.
    assert!(html.contains(
        "title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;\""
    ));
    assert!(html.contains(
        "<li>ImageVolume on arm64 (Unverified): &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</li>"
    ));
    assert!(html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;img src=x&gt;"));
    assert!(html.contains("needs &lt;b&gt;CDI&lt;/b&gt;"));
    for tag in ["<script", "<img", "<b>", "</td></tr></table><"] {
        assert!(!html.contains(tag), "{tag} in the page");
    }
}

#[test]
fn pages_are_self_contained() {
    for (what, html) in pages(&registry()) {
        let lower = html.to_ascii_lowercase();
        for fetch in [
            "<script", "src=", "href=", "@import", "url(", "http:", "https:", "<link", "<img",
            "<iframe", "<object", "<embed",
        ] {
            // The only `src=` is inside an escaped reason.
            let found = lower.replace("&lt;img src=x&gt;", "").contains(fetch);
            assert!(!found, "{what}: the page has {fetch}");
        }
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
            "{what}"
        );
        assert!(html.contains("<meta charset=\"utf-8\">"), "{what}");
        assert!(
            html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""),
            "{what}: a policy that loads nothing"
        );
        assert!(html.contains("position: sticky"), "{what}");
        assert!(html.ends_with("</html>\n"), "{what}");
    }
}

#[test]
fn tables_are_accessible() {
    let registry = registry();
    let html = registry.matrix().to_html();
    assert!(html.contains(
        "<caption>4 feature gates: maturity, and declared support on each of 5 architectures</caption>"
    ));
    assert!(html.contains(
        "<thead><tr><th scope=\"col\">name</th><th scope=\"col\">state</th><th scope=\"col\">amd64</th>"
    ));
    // The words in each cell, the name as the row's header; an unspecified
    // cell shows a dash and says the word.
    assert!(html.contains(
        "<tr><th scope=\"row\" id=\"ExpandDisks\">ExpandDisks</th><td>Alpha</td>\
         <td class=\"st s-unspecified\"><span aria-hidden=\"true\">\u{2013}</span><span class=\"sr\">unspecified</span></td>"
    ));
    assert!(html.contains("<td class=\"st s-supported\">Supported</td>"));
    assert!(html.contains("<ul class=\"legend\" aria-label=\"Legend\">"));
    assert!(
        !html.contains("aria-label=\"Findings\""),
        "no finding, no findings legend"
    );
    let none = registry.parity(Arch::Amd64, Arch::Amd64).to_html();
    assert!(
        none.contains("<tbody>\n<tr><td class=\"none\" colspan=\"4\">none</td></tr>\n</tbody>")
    );
    let coverage = registry.coverage().to_html();
    assert!(
        coverage.contains("<caption>4 feature gates; count (share) per support status:</caption>")
    );
    // amd64: 3 of 4 Supported, drawn as a bar of 75%.
    assert!(
        coverage.contains(
            "<td class=\"bar s-supported\" style=\"--share: max(4px, 75%)\">3 (75%)</td>"
        )
    );
    assert!(coverage.contains("<td class=\"n\">0 (0%)</td>"));
}

#[test]
fn the_cli_writes_the_page() {
    let registry = registry();
    for (args, expected) in [
        (
            &["matrix", "--format", "html"][..],
            registry.matrix().to_html(),
        ),
        (
            &["matrix", "--format", "HTML", "--arch", "s390x,arm64"][..],
            registry
                .matrix()
                .with_archs([Arch::S390x, Arch::Arm64])
                .to_html(),
        ),
        (
            &["coverage", "--format", "html"][..],
            registry.coverage().to_html(),
        ),
        (
            &["parity", "--arch", "s390x", "--format", "html"][..],
            registry.parity(Arch::Amd64, Arch::S390x).to_html(),
        ),
    ] {
        let (code, out, err) = support::cli::run_over(&registry, args);
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
        assert_eq!(out, expected, "{args:?}");
    }
    let dynamic: &dyn Report = &registry.coverage();
    assert_eq!(dynamic.to_html(), registry.coverage().to_html());
}

#[test]
fn chromium_shows_the_matrix_in_its_colours() {
    let dir = tempfile::tempdir().unwrap();
    let matrix = registry().matrix();
    let html = matrix.to_html();
    let page = browser::render(dir.path(), "hostile-matrix", &html, (1000, 600), None);
    // The browser built no element from the reasons' markup.
    for tag in ["<script", "<img", "<b>"] {
        assert!(!page.dom.contains(tag), "{tag} in the DOM");
    }
    assert!(page.dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"));
    browser::check_matrix(&matrix, &html, &page);
}

#[test]
fn chromium_shows_the_coverage_as_bars() {
    let dir = tempfile::tempdir().unwrap();
    let registry = registry();
    let coverage = registry.coverage();
    let html = coverage.to_html();
    let page = browser::render(dir.path(), "coverage", &html, (1000, 400), None);
    browser::check_coverage(&coverage, &html, &page);
    // amd64 Supported is 3 of 4: a bar over three quarters of the cell.
    let table = page.shot.table(
        browser::css_colour(&html, "head"),
        browser::css_colour(&html, "line"),
        Arch::ALL.len(),
    );
    let palette = browser::palette(&html);
    let ((x0, x1), (y0, _)) = table.cell(0, 1);
    let supported = palette[0].1;
    assert_eq!(palette[0].0, Status::Supported);
    let width = x1 - x0 + 4;
    let bar = (x0 - 2..x1 + 2)
        .filter(|&x| browser::close(page.shot.at(x, y0), supported, 12))
        .count();
    assert!(
        bar * 100 / width >= 60 && bar * 100 / width <= 80,
        "a 75% bar: {bar} of {width} pixels"
    );
}

#[test]
fn the_browser_check_sees_a_wrong_colour() {
    // The same page with Pending painted in Supported's colour: the check
    // must fail on the cell that shows it (s390x of ImageVolume).
    let dir = tempfile::tempdir().unwrap();
    let matrix = registry().matrix();
    let html = matrix.to_html();
    let wrong = html.replace(
        ".s-pending { background: var(--pending); }",
        ".s-pending { background: var(--supported); }",
    );
    assert_ne!(wrong, html);
    let page = browser::render(dir.path(), "miscoloured-matrix", &wrong, (1000, 600), None);
    let failure = std::panic::catch_unwind(|| browser::check_matrix(&matrix, &wrong, &page))
        .expect_err("a Pending cell painted green must fail the check");
    let message = failure
        .downcast_ref::<String>()
        .map(String::as_str)
        .unwrap_or_default();
    assert!(
        message.contains("ImageVolume on s390x is Pending"),
        "{message}"
    );
}
