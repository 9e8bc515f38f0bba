//! The evidence report as an HTML page (`evidence --format html`): each
//! cell's background by the declared support, the finding as a mark in its
//! colour, one row per gate; checked in headless Chromium.
#![cfg(all(feature = "evidence", feature = "cli"))]

use std::fmt::Write as _;

use featuregate::__private::leaked_gate_with;
use featuregate::evidence::{Assessment, Evidence, EvidencePolicy, FindingKind};
use featuregate::{Arch, Registry, State, Status, Support};

#[path = "support/browser.rs"]
mod browser;
mod support;

use browser::{TOLERANCE, close, css_colour};

/// Gates for every finding: on amd64 `Sev` Regressed, `Tdx` Unbacked,
/// `Snapshot` Promote; on s390x `Sev` Contradicted; `ImageVolume` none.
fn registry() -> Registry {
    Registry::new([
        leaked_gate_with(
            "ImageVolume",
            State::Beta,
            &[
                (Arch::Amd64, Support::Supported),
                (Arch::S390x, Support::Unverified),
            ],
            &[],
        ),
        leaked_gate_with(
            "Sev",
            State::Beta,
            &[
                (Arch::Amd64, Support::Supported),
                (Arch::S390x, Support::Unsupported),
            ],
            &[],
        ),
        leaked_gate_with(
            "Snapshot",
            State::Alpha,
            &[(Arch::S390x, Support::Pending)],
            &[],
        ),
        leaked_gate_with(
            "Tdx",
            State::Alpha,
            &[(Arch::Amd64, Support::Supported)],
            &[],
        ),
    ])
    .unwrap()
}

/// Five tests of each gate, 14 runs each, the first test failing `failing` times.
fn junit(gates: &[(&str, usize)]) -> String {
    let mut xml = String::from("<testsuite name=\"e2e\">\n");
    for &(gate, failing) in gates {
        for test in 0..5 {
            for run in 0..14 {
                let name = format!("[It] {gate} {test} [FeatureGate:{gate}]");
                if test == 0 && run < failing {
                    let _ = writeln!(
                        xml,
                        "<testcase name=\"{name}\"><failure message=\"boom\"/></testcase>"
                    );
                } else {
                    let _ = writeln!(xml, "<testcase name=\"{name}\"/>");
                }
            }
        }
    }
    xml + "</testsuite>\n"
}

fn assessment(registry: &Registry) -> Assessment {
    let mut evidence = Evidence::new();
    evidence
        .add_junit(
            Arch::Amd64,
            junit(&[("ImageVolume", 0), ("Sev", 3), ("Snapshot", 0)]).as_bytes(),
        )
        .unwrap();
    evidence
        .add_junit(Arch::S390x, junit(&[("Sev", 0)]).as_bytes())
        .unwrap();
    registry.assess(&evidence, &EvidencePolicy::default())
}

#[test]
fn the_cli_writes_the_page() {
    let registry = registry();
    let dir = tempfile::tempdir().unwrap();
    let amd64 = support::cli::write(
        dir.path(),
        "amd64.xml",
        &junit(&[("ImageVolume", 0), ("Sev", 3), ("Snapshot", 0)]),
    );
    let s390x = support::cli::write(dir.path(), "s390x.xml", &junit(&[("Sev", 0)]));
    let (code, out, err) = support::cli::run_over(
        &registry,
        &[
            "evidence",
            "--junit",
            &format!("amd64={amd64}"),
            "--junit",
            &format!("s390x={s390x}"),
            "--format",
            "html",
        ],
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, assessment(&registry).to_html());
    assert!(out.contains(
        "<td class=\"st s-supported\">Supported 67/70<span class=\"mark f-regressed\">Regressed</span></td>"
    ));
    assert!(out.contains(
        "<td class=\"st s-unspecified\">unspecified 70/70<span class=\"mark f-promote\">Promote</span></td>"
    ));
    assert!(
        out.contains("aria-label=\"Findings\""),
        "the legend lists the findings"
    );
}

#[test]
fn chromium_shows_support_as_colour_and_findings_as_marks() {
    let registry = registry();
    let assessment = assessment(&registry);
    let kinds: Vec<(&str, Arch, FindingKind)> = assessment
        .findings()
        .iter()
        .map(|f| (f.gate.name(), f.arch, f.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Sev", Arch::Amd64, FindingKind::Regressed),
            ("Sev", Arch::S390x, FindingKind::Contradicted),
            ("Snapshot", Arch::Amd64, FindingKind::Promote),
            ("Tdx", Arch::Amd64, FindingKind::Unbacked),
        ]
    );
    let html = assessment.to_html();
    let dir = tempfile::tempdir().unwrap();
    let page = browser::render(dir.path(), "evidence", &html, (1100, 500), None);

    // The DOM: one row per gate, in order, each cell classed by its declared support.
    let rows = browser::body_rows(&page.dom);
    let names: Vec<&str> = rows.iter().map(|(n, _)| n.as_str()).collect();
    let gates: Vec<&str> = assessment.gates().iter().map(|g| g.name()).collect();
    assert_eq!(names, gates, "one row per gate ({})", page.path.display());
    let archs = assessment.archs().to_vec();
    assert_eq!(archs, [Arch::Amd64, Arch::S390x]);
    for ((name, classes), gate) in rows.iter().zip(assessment.gates()) {
        let expected: Vec<String> = archs
            .iter()
            .map(|&a| format!("st s-{}", gate.status(a).as_str().to_ascii_lowercase()))
            .collect();
        assert_eq!(classes[1..], expected[..], "the cells of {name}");
    }

    // The screenshot: each cell's background is its declared support's
    // colour; a cell with a finding holds its mark's colour, the others none.
    let palette = browser::palette(&html);
    let colour = |status: Status| palette.iter().find(|(s, _)| *s == status).unwrap().1;
    let marks: Vec<(FindingKind, [u8; 3])> = FindingKind::ALL
        .iter()
        .map(|&k| (k, css_colour(&html, &k.as_str().to_ascii_lowercase())))
        .collect();
    let table = page.shot.table(
        css_colour(&html, "head"),
        css_colour(&html, "line"),
        gates.len(),
    );
    assert_eq!(table.columns.len(), 2 + archs.len(), "{table:?}");
    for (r, gate) in assessment.gates().iter().enumerate() {
        for (c, &arch) in archs.iter().enumerate() {
            let cell = table.cell(r, 2 + c);
            let seen = page.shot.dominant(cell.0, cell.1);
            let status = gate.status(arch);
            assert!(
                close(seen, colour(status), TOLERANCE),
                "{} on {arch} declared {status}: the screenshot has {seen:?} ({})",
                gate.name(),
                page.path.display()
            );
            let finding = assessment.finding(gate.name(), arch).map(|f| f.kind);
            for &(kind, rgb) in &marks {
                let pixels = page.shot.count_in(rgb, cell, TOLERANCE);
                if finding == Some(kind) {
                    assert!(
                        pixels >= 10,
                        "{} on {arch}: the {kind} mark's colour in the cell ({pixels} pixels, {})",
                        gate.name(),
                        page.path.display()
                    );
                } else {
                    assert_eq!(
                        pixels,
                        0,
                        "{} on {arch}: no {kind} mark expected ({})",
                        gate.name(),
                        page.path.display()
                    );
                }
            }
        }
    }
    // The legend shows every support colour above the table.
    for (status, rgb) in &palette {
        let shown = page.shot.count(*rgb, (0, table.head.0), TOLERANCE);
        assert!(shown >= 200, "the legend shows {status} ({shown} pixels)");
    }
}
