//! The catalogue's pages in headless Chromium: the matrix of KubeVirt's 85
//! gates has one row per gate, each architecture's cell in its status's
//! colour, with a legend; its header row stays in view when the table is
//! scrolled to the last gate; the coverage page draws each count as a bar.

use featuregate::registry;
// The gates register themselves when the library is linked.
use kubevirt_gates as _;

#[path = "../../../runtime/tests/support/browser.rs"]
mod browser;

#[test]
fn the_catalogue_matrix_in_chromium() {
    let matrix = registry().matrix();
    assert_eq!(matrix.len(), 85);
    let html = matrix.to_html();
    let dir = tempfile::tempdir().unwrap();
    let page = browser::render(dir.path(), "catalogue-matrix", &html, (1000, 2400), None);
    browser::check_matrix(&matrix, &html, &page);
}

#[test]
fn the_header_row_stays_in_view() {
    let matrix = registry().matrix();
    let last = *matrix.gates().last().unwrap();
    let html = matrix.to_html();
    // Scrolled to the last gate's row, far below the table's top. Headless
    // Chromium's screenshot of a scrolled document comes out blank, so the
    // page scrolls in a box of its own instead (the sticky header sticks to
    // its nearest scrolling box, the window or this one, alike), and CSS
    // scroll snapping, not a script, scrolls it to the last row.
    let scrolled = html.replacen(
        "</style>",
        &format!(
            "main {{ height: 360px; overflow: auto; scroll-snap-type: y mandatory; }}\n\
             #{} {{ scroll-snap-align: start; }}\n</style>",
            last.name()
        ),
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    let page = browser::render(
        dir.path(),
        "catalogue-scrolled",
        &scrolled,
        (1000, 400),
        None,
    );
    let table = page.shot.table(
        browser::css_colour(&html, "head"),
        browser::css_colour(&html, "line"),
        2,
    );
    // The header row at the top of the box (the body's margin above it)...
    assert_eq!(
        table.head.0,
        16,
        "the header row sticks to the top ({})",
        page.path.display()
    );
    let supported = browser::css_colour(&html, "supported");
    assert_eq!(
        page.shot
            .count(supported, (0, table.head.0), browser::TOLERANCE),
        0,
        "the legend scrolled away"
    );
    // ... and under it the last gate's row, in its colours.
    let row = table
        .rows
        .iter()
        .position(|&(y0, y1)| y1 - y0 >= 12)
        .expect("a whole row under the header");
    let palette = browser::palette(&html);
    for (c, &arch) in matrix.archs().iter().enumerate() {
        let (xs, ys) = table.cell(row, 2 + c);
        let status = last.status(arch);
        let colour = palette.iter().find(|(s, _)| *s == status).unwrap().1;
        assert!(
            browser::close(page.shot.dominant(xs, ys), colour, browser::TOLERANCE),
            "{} on {arch}: {status} under the header",
            last.name()
        );
    }
}

#[test]
fn the_catalogue_coverage_in_chromium() {
    let coverage = registry().coverage();
    let html = coverage.to_html();
    let dir = tempfile::tempdir().unwrap();
    let page = browser::render(dir.path(), "catalogue-coverage", &html, (1000, 400), None);
    browser::check_coverage(&coverage, &html, &page);
}
