//! The HTML reports in a real browser, for their tests: a page rendered by
//! headless Chromium (a screenshot and the DOM the browser built), and
//! where a report's table is in the screenshot. Included by path by
//! `report_html.rs` here and in `examples/kubevirt`.
//!
//! `FEATUREGATE_SCREENSHOTS=DIR` keeps a copy of each screenshot there
//! (`DIR/NAME.png`), for a look by hand.
//!
//! Chromium comes from the distribution (`apt-get install chromium`, as
//! `.ci/run` does); a machine without it fails these tests, naming the
//! package, rather than passing them unseen.
//!
//! Where a cell is: the page is not measured by a script (it has none);
//! the screenshot is read instead. The table's header row is the only long
//! run of the header's dark colour, its cells separated by lighter lines;
//! below it each row is a band between two grid lines, read down the left
//! padding of the first column, where no text is. So the rows and columns
//! are found whatever the fonts, the legend's height or the window's width.
//! A finding's mark in a cell is its colour inside the cell's box:
//! `shot.count_in(css_colour(html, "promote"), table.cell(r, c), TOLERANCE)`.

// Each test crate that includes this uses a part of it.
#![allow(dead_code)]

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one Chromium run may take before it is killed and the test fails.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The package that brings the browser.
const INSTALL: &str = "apt-get install chromium";

/// A page as the browser showed it.
pub(crate) struct Rendered {
    /// The DOM after parsing (`--dump-dom`).
    pub(crate) dom: String,
    /// The screenshot.
    pub(crate) shot: Shot,
    /// The page's file, for a look by hand when a test fails.
    pub(crate) path: PathBuf,
}

/// A screenshot: `width` x `height` pixels, RGB.
pub(crate) struct Shot {
    pub(crate) width: usize,
    pub(crate) height: usize,
    rgb: Vec<u8>,
}

/// An sRGB colour.
pub(crate) type Rgb = [u8; 3];

/// The browser on `PATH`, or a failure that says how to install it.
fn chromium() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| {
            panic!(
                "the HTML reports are tested in headless Chromium, which is not on PATH: \
                 install it with `{INSTALL}` (Debian's package `chromium`)"
            )
        })
}

/// Writes `html` to a file in `dir` and renders it at `width` x `height`
/// (CSS pixels, one device pixel each), scrolled to `#fragment` when
/// given: the screenshot and the DOM, from one Chromium run. `name` names
/// the page in messages and its kept screenshot.
pub(crate) fn render(
    dir: &Path,
    name: &str,
    html: &str,
    (width, height): (u32, u32),
    fragment: Option<&str>,
) -> Rendered {
    let page = dir.join("page.html");
    std::fs::write(&page, html).unwrap();
    let shot_path = dir.join("shot.png");
    let dom_path = dir.join("dom.html");
    let log_path = dir.join("chromium.log");
    let mut url = format!("file://{}", page.display());
    if let Some(fragment) = fragment {
        url.push('#');
        url.push_str(fragment);
    }
    let mut command = Command::new(chromium());
    command
        .args([
            "--headless=new",
            // Root in CI and here: Chromium's sandbox refuses to run as root.
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-color-profile=srgb",
            "--force-device-scale-factor=1",
            "--no-first-run",
            "--disable-extensions",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--screenshot={}", shot_path.display()))
        .arg("--dump-dom")
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(File::create(&dom_path).unwrap())
        .stderr(File::create(&log_path).unwrap());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let started = Instant::now();
    let mut child = command.spawn().unwrap_or_else(|error| {
        panic!("cannot start chromium ({error}): install it with `{INSTALL}`")
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            kill(&mut child);
            panic!(
                "chromium did not finish within {TIMEOUT:?} rendering {name} ({}); its log: {}",
                page.display(),
                log_path.display()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    assert!(
        status.success() && shot_path.is_file(),
        "chromium failed ({status}) rendering {name} ({}); the end of its log:\n{}",
        page.display(),
        tail(&log)
    );
    eprintln!(
        "chromium rendered {name} in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if let Some(keep) = std::env::var_os("FEATUREGATE_SCREENSHOTS") {
        let keep = PathBuf::from(keep);
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&shot_path, keep.join(format!("{name}.png"))).unwrap();
    }
    let shot = Shot::read(&shot_path);
    Rendered {
        dom: std::fs::read_to_string(&dom_path).unwrap(),
        shot,
        path: page,
    }
}

/// Ends a browser that hung, with the processes it started (its group).
fn kill(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

fn tail(log: &str) -> String {
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}

impl Shot {
    /// Decodes a PNG file into RGB (an alpha channel, which Chromium's
    /// opaque pages leave at 255, is dropped).
    pub(crate) fn read(path: &Path) -> Shot {
        let mut decoder = png::Decoder::new(std::io::BufReader::new(File::open(path).unwrap()));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = decoder.read_info().unwrap();
        let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buffer).unwrap();
        let channels = match info.color_type {
            png::ColorType::Rgb => 3,
            png::ColorType::Rgba => 4,
            other => panic!("unexpected PNG colour type {other:?} in {}", path.display()),
        };
        buffer.truncate(info.buffer_size());
        let rgb = if channels == 3 {
            buffer
        } else {
            let mut rgb = Vec::with_capacity(buffer.len() / 4 * 3);
            for px in buffer.chunks_exact(4) {
                rgb.extend_from_slice(&px[..3]);
            }
            rgb
        };
        Shot {
            width: info.width as usize,
            height: info.height as usize,
            rgb,
        }
    }

    /// The colour at (`x`, `y`).
    pub(crate) fn at(&self, x: usize, y: usize) -> Rgb {
        let i = (y * self.width + x) * 3;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }

    /// The most frequent colour of the box `x0..x1` x `y0..y1`: a cell's
    /// background, whatever its text covers.
    pub(crate) fn dominant(&self, (x0, x1): (usize, usize), (y0, y1): (usize, usize)) -> Rgb {
        // A cell has a handful of colours: its background and its text's
        // antialiasing.
        let mut counts: Vec<(Rgb, usize)> = Vec::new();
        for y in y0..y1 {
            for x in x0..x1 {
                let colour = self.at(x, y);
                match counts.iter_mut().find(|(c, _)| *c == colour) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((colour, 1)),
                }
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(colour, n)| (n, colour))
            .map(|(colour, _)| colour)
            .expect("a box of at least one pixel")
    }

    /// How many pixels of the rows `y0..y1` are within `tolerance` of `colour`.
    pub(crate) fn count(&self, colour: Rgb, (y0, y1): (usize, usize), tolerance: u8) -> usize {
        (y0..y1)
            .flat_map(|y| (0..self.width).map(move |x| (x, y)))
            .filter(|&(x, y)| close(self.at(x, y), colour, tolerance))
            .count()
    }

    /// How many pixels of the box `cell` (as [`Table::cell`] gives it) are
    /// within `tolerance` of `colour`.
    pub(crate) fn count_in(
        &self,
        colour: Rgb,
        ((x0, x1), (y0, y1)): ((usize, usize), (usize, usize)),
        tolerance: u8,
    ) -> usize {
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| close(self.at(x, y), colour, tolerance))
            .count()
    }

    /// Where the report's table is: its header row's colour `head`, lines
    /// between header cells of any other colour, body rows separated by
    /// lines of colour `line`. `rows` rows are read.
    pub(crate) fn table(&self, head: Rgb, line: Rgb, rows: usize) -> Table {
        let tolerance = 8;
        // The header: the first pixel row with a long run of its colour.
        let (top, left) = (0..self.height)
            .find_map(|y| {
                let runs = self.runs_x(y, |c| close(c, head, tolerance));
                runs.into_iter()
                    .find(|&(x0, x1)| x1 - x0 >= 100)
                    .map(|(x0, _)| (y, x0))
            })
            .unwrap_or_else(|| panic!("no header row of colour {head:?} in the screenshot"));
        let mut bottom = top;
        while bottom < self.height && close(self.at(left + 2, bottom), head, tolerance) {
            bottom += 1;
        }
        // Columns: the header's cells along its top padding, above the text.
        let columns: Vec<(usize, usize)> = self
            .runs_x(top + 1, |c| close(c, head, tolerance))
            .into_iter()
            .filter(|&(x0, x1)| x1 - x0 >= 8)
            .collect();
        // Rows: bands between grid lines, down the first column's padding.
        let x = left + 2;
        let mut bands = Vec::new();
        let mut y = bottom;
        while bands.len() < rows && y < self.height {
            while y < self.height && close(self.at(x, y), line, tolerance) {
                y += 1;
            }
            let start = y;
            while y < self.height && !close(self.at(x, y), line, tolerance) {
                y += 1;
            }
            assert!(
                y < self.height,
                "row {} of {rows} runs off the screenshot (at y={start}): make the window taller",
                bands.len() + 1
            );
            bands.push((start, y));
        }
        Table {
            head: (top, bottom),
            columns,
            rows: bands,
        }
    }

    /// The runs of pixels of row `y` that `keep` accepts, as `x0..x1`.
    fn runs_x(&self, y: usize, keep: impl Fn(Rgb) -> bool) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut start = None;
        for x in 0..=self.width {
            let inside = x < self.width && keep(self.at(x, y));
            match (start, inside) {
                (None, true) => start = Some(x),
                (Some(x0), false) => {
                    runs.push((x0, x));
                    start = None;
                }
                _ => {}
            }
        }
        runs
    }
}

/// Where a table is in a screenshot: pixel ranges, end excluded.
#[derive(Debug)]
pub(crate) struct Table {
    /// The header row's top and bottom.
    pub(crate) head: (usize, usize),
    /// Each column's left and right, inside its lines.
    pub(crate) columns: Vec<(usize, usize)>,
    /// Each body row's top and bottom, inside its lines.
    pub(crate) rows: Vec<(usize, usize)>,
}

impl Table {
    /// The inside of the cell at `row`, `column`, less a margin of 2
    /// pixels: its background's box.
    pub(crate) fn cell(&self, row: usize, column: usize) -> ((usize, usize), (usize, usize)) {
        let (x0, x1) = self.columns[column];
        let (y0, y1) = self.rows[row];
        ((x0 + 2, x1 - 2), (y0 + 2, y1 - 2))
    }
}

/// Whether two colours differ by at most `tolerance` in each channel.
pub(crate) fn close(a: Rgb, b: Rgb, tolerance: u8) -> bool {
    a.iter().zip(b).all(|(&x, y)| x.abs_diff(y) <= tolerance)
}

/// The colour of the CSS custom property `--name: #rrggbb` in the page's
/// style sheet: the palette the legend and the cells are painted with.
pub(crate) fn css_colour(html: &str, name: &str) -> Rgb {
    let key = format!("--{name}: #");
    let at = html
        .find(&key)
        .unwrap_or_else(|| panic!("the page declares no colour {key}"))
        + key.len();
    let hex = &html[at..at + 6];
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
    [byte(0), byte(2), byte(4)]
}

/// The rows of the table body of a DOM: for each `<tr>`, its first cell's
/// text and the classes of its other cells.
pub(crate) fn body_rows(dom: &str) -> Vec<(String, Vec<String>)> {
    let start = dom.find("<tbody>").expect("a <tbody>");
    let end = dom.find("</tbody>").expect("a </tbody>");
    dom[start..end]
        .split("<tr")
        .skip(1)
        .map(|row| {
            let name = between(row, "<th scope=\"row\"", "</th>")
                .map(|th| th[th.find('>').unwrap() + 1..].to_owned())
                .unwrap_or_default();
            let classes = row
                .split("<td")
                .skip(1)
                .map(|td| between(td, "class=\"", "\"").unwrap_or_default().to_owned())
                .collect();
            (name, classes)
        })
        .collect()
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let from = text.find(open)? + open.len();
    let to = text[from..].find(close)? + from;
    Some(&text[from..to])
}

/// The colour tolerance per channel: `--force-color-profile=srgb` paints
/// the style sheet's colours exactly; this allows for rounding.
pub(crate) const TOLERANCE: u8 = 6;

/// The page's palette: each status's background, as its style sheet says.
pub(crate) fn palette(html: &str) -> Vec<(featuregate::Status, Rgb)> {
    featuregate::Status::ALL
        .iter()
        .map(|&status| {
            (
                status,
                css_colour(html, &status.as_str().to_ascii_lowercase()),
            )
        })
        .collect()
}

/// Checks a rendered matrix page against the matrix it shows: the DOM has
/// one row per gate, in order, each architecture's cell classed by its
/// status; in the screenshot every status cell has its status's colour,
/// and the legend above the table shows each colour.
pub(crate) fn check_matrix(matrix: &featuregate::Matrix, html: &str, page: &Rendered) {
    let rows = body_rows(&page.dom);
    let names: Vec<&str> = rows.iter().map(|(name, _)| name.as_str()).collect();
    let gates: Vec<&str> = matrix.gates().iter().map(|g| g.name()).collect();
    assert_eq!(
        names,
        gates,
        "one row per gate, in order ({})",
        page.path.display()
    );
    let archs = matrix.archs();
    for ((name, classes), gate) in rows.iter().zip(matrix.gates()) {
        let statuses: Vec<String> = archs
            .iter()
            .map(|&arch| format!("st s-{}", gate.status(arch).as_str().to_ascii_lowercase()))
            .collect();
        assert_eq!(classes[1..], statuses[..], "the cells of {name}");
    }

    let palette = palette(html);
    let colour = |status| palette.iter().find(|(s, _)| *s == status).unwrap().1;
    let table = page.shot.table(
        css_colour(html, "head"),
        css_colour(html, "line"),
        matrix.len(),
    );
    assert_eq!(
        table.columns.len(),
        2 + archs.len(),
        "name, state and one column per architecture: {table:?}"
    );
    let heights: Vec<usize> = table.rows.iter().map(|(y0, y1)| y1 - y0).collect();
    assert!(
        heights.iter().all(|&h| h == heights[0] && h >= 12),
        "rows of one height, single lines: {heights:?}"
    );
    for (r, gate) in matrix.gates().iter().enumerate() {
        for (c, &arch) in archs.iter().enumerate() {
            let (xs, ys) = table.cell(r, 2 + c);
            let seen = page.shot.dominant(xs, ys);
            let status = gate.status(arch);
            assert!(
                close(seen, colour(status), TOLERANCE),
                "{} on {arch} is {status}: expected {:?}, the screenshot has {seen:?} at x {xs:?}, y {ys:?} ({})",
                gate.name(),
                colour(status),
                page.path.display()
            );
        }
    }
    for (status, rgb) in &palette {
        let shown = page.shot.count(*rgb, (0, table.head.0), TOLERANCE);
        assert!(
            shown >= 200,
            "the legend above the table shows {status} in {rgb:?} ({shown} pixels)"
        );
    }
}

/// Checks a rendered coverage page: one row per architecture, in order; in
/// the screenshot each count's cell starts with a bar of its status's
/// colour when the count is not zero, and has none when it is.
pub(crate) fn check_coverage(coverage: &featuregate::Coverage, html: &str, page: &Rendered) {
    let rows = body_rows(&page.dom);
    let shown: Vec<&str> = rows.iter().map(|(arch, _)| arch.as_str()).collect();
    let archs: Vec<&str> = coverage.iter().map(|(arch, _)| arch.as_str()).collect();
    assert_eq!(shown, archs, "one row per architecture");

    let table = page.shot.table(
        css_colour(html, "head"),
        css_colour(html, "line"),
        archs.len(),
    );
    // Statuses in `Status::ALL` order, as the columns.
    let palette = palette(html);
    assert_eq!(
        table.columns.len(),
        2 + palette.len(),
        "arch, five statuses, total: {table:?}"
    );
    for (r, (arch, counts)) in coverage.iter().enumerate() {
        for (c, &(status, colour)) in palette.iter().enumerate() {
            // The bar starts at the cell's left edge: its first pixels.
            let ((x0, _), ys) = table.cell(r, 1 + c);
            let seen = page.shot.dominant((x0 - 1, x0 + 1), ys);
            let filled = counts.count(status) > 0;
            assert_eq!(
                close(seen, colour, TOLERANCE),
                filled,
                "{arch} {status}: {} gates, the bar's start is {seen:?} ({})",
                counts.count(status),
                page.path.display()
            );
        }
    }
}
