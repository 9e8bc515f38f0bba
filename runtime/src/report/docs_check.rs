//! The docs check: a committed Markdown matrix must equal the one the code
//! renders, so a support document can never drift from the declarations.

use std::error::Error;
use std::fmt::{self, Write as _};
use std::io;
use std::path::{Path, PathBuf};

use crate::Registry;

/// The environment variable that makes the docs check rewrite the file
/// instead of failing: `FEATUREGATE_BLESS=1 cargo test`.
pub const BLESS_ENV: &str = "FEATUREGATE_BLESS";

/// Where a generated matrix begins inside a larger document. When a file holds
/// both markers, each on a line of its own, only the lines between them are
/// checked (and rewritten); otherwise the whole file is.
pub const BEGIN_MARKER: &str = "<!-- featuregate:matrix:begin -->";
/// Where a generated matrix ends; see [`BEGIN_MARKER`].
pub const END_MARKER: &str = "<!-- featuregate:matrix:end -->";

/// Files larger than this many lines (each side, once common head and tail are
/// trimmed) get a whole-block diff instead of a line-by-line one.
const DIFF_LIMIT: usize = 4000;

/// What a successful docs check did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocsCheck {
    /// The file already held the rendered matrix.
    UpToDate,
    /// Blessing was on and the file was (re)written; it did differ.
    Blessed,
}

/// Why a docs check failed. `Display` is the message a test failure shows:
/// for [`DocsError::Drift`], a line diff and how to bless.
#[derive(Debug)]
#[non_exhaustive]
pub enum DocsError {
    /// The file differs from the rendered matrix.
    Drift {
        /// The file checked.
        path: PathBuf,
        /// The lines that differ: `-` what the file has, `+` what the code renders.
        diff: String,
    },
    /// The file does not exist (and blessing was off).
    Missing {
        /// The file checked.
        path: PathBuf,
    },
    /// The file holds one marker without the other, or the end before the beginning.
    Markers {
        /// The file checked.
        path: PathBuf,
    },
    /// Reading or writing the file failed.
    Io {
        /// The file checked.
        path: PathBuf,
        /// The failure.
        source: io::Error,
    },
}

impl fmt::Display for DocsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocsError::Drift { path, diff } => write!(
                f,
                "{} is out of date with the feature gates declared in code; \
                 rerun with {BLESS_ENV}=1 to rewrite it, then review and commit the change.\n\
                 --- {0} (committed)\n+++ rendered from the code\n{diff}",
                path.display()
            ),
            DocsError::Missing { path } => {
                write!(
                    f,
                    "{} does not exist; rerun with {BLESS_ENV}=1 to create it",
                    path.display()
                )
            }
            DocsError::Markers { path } => write!(
                f,
                "{} holds an unmatched feature gate matrix marker: put `{BEGIN_MARKER}` and \
                 `{END_MARKER}` each on a line of its own, in that order",
                path.display()
            ),
            DocsError::Io { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

impl Error for DocsError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            DocsError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Whether `FEATUREGATE_BLESS` asks for rewriting (`1` or `true`).
fn bless_from_env() -> bool {
    std::env::var(BLESS_ENV).is_ok_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
}

/// Checks that the file at `path` holds the Markdown matrix of `registry`
/// ([`Matrix::to_markdown`](crate::Matrix::to_markdown)), in whole or between
/// [`BEGIN_MARKER`] and [`END_MARKER`]. With `FEATUREGATE_BLESS=1` in the
/// environment a differing or missing file is rewritten instead.
///
/// ```no_run
/// // tests/docs.rs
/// #[test]
/// fn support_matrix_is_current() {
///     featuregate::report::assert_docs(featuregate::registry(), "docs/feature-gates.md");
/// }
/// ```
pub fn check_docs(registry: &Registry, path: impl AsRef<Path>) -> Result<DocsCheck, DocsError> {
    check_file(&registry.matrix().to_markdown(), path, bless_from_env())
}

/// [`check_docs`] that panics with the readable diff, for tests.
///
/// # Panics
/// When the file differs from the rendered matrix, is missing, or cannot be
/// read or written, with the message of [`DocsError`].
#[track_caller]
pub fn assert_docs(registry: &Registry, path: impl AsRef<Path>) {
    if let Err(error) = check_docs(registry, path) {
        panic!("{error}");
    }
}

/// The engine of [`check_docs`] for any rendered text (another report, or a
/// matrix of a subset of gates), with blessing chosen by the caller rather
/// than by the environment.
pub fn check_file(
    expected: &str,
    path: impl AsRef<Path>,
    bless: bool,
) -> Result<DocsCheck, DocsError> {
    let path = path.as_ref();
    let io_error = |source| DocsError::Io {
        path: path.to_owned(),
        source,
    };
    let committed = match std::fs::read_to_string(path) {
        Ok(text) => Some(text.replace("\r\n", "\n")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_error(e)),
    };
    let Some(committed) = committed else {
        if !bless {
            return Err(DocsError::Missing {
                path: path.to_owned(),
            });
        }
        std::fs::write(path, expected).map_err(io_error)?;
        return Ok(DocsCheck::Blessed);
    };
    let (before, region, after) = split_markers(&committed).ok_or_else(|| DocsError::Markers {
        path: path.to_owned(),
    })?;
    if region == expected {
        return Ok(DocsCheck::UpToDate);
    }
    if bless {
        std::fs::write(path, format!("{before}{expected}{after}")).map_err(io_error)?;
        return Ok(DocsCheck::Blessed);
    }
    let first_line = before.lines().count() + 1;
    Err(DocsError::Drift {
        path: path.to_owned(),
        diff: line_diff(region, expected, first_line),
    })
}

/// `(before, region, after)`: the region is the whole text, or the lines
/// between the marker lines. `None` for unmatched markers.
fn split_markers(text: &str) -> Option<(&str, &str, &str)> {
    let line_start = |marker: &str| {
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            if line.trim() == marker {
                return Some((offset, offset + line.len()));
            }
            offset += line.len();
        }
        None
    };
    match (line_start(BEGIN_MARKER), line_start(END_MARKER)) {
        (None, None) => Some(("", text, "")),
        (Some((_, begin_end)), Some((end_start, _))) if begin_end <= end_start => Some((
            &text[..begin_end],
            &text[begin_end..end_start],
            &text[end_start..],
        )),
        _ => None,
    }
}

/// A line diff of `old` against `new`: hunks headed `@@ line N @@` (N counted
/// in the file, from `first_line`), `-` lines of the file, `+` lines rendered.
#[allow(clippy::many_single_char_names)] // i, j, n, m: the textbook names of the LCS recurrence
fn line_diff(old: &str, new: &str, first_line: usize) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);

    // Edit script of the middle: (in old, in new) per line; LCS by dynamic
    // programming, which is plenty for documents of a few hundred lines.
    let mut ops: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    if a_mid.len() > DIFF_LIMIT || b_mid.len() > DIFF_LIMIT {
        ops.extend((0..a_mid.len()).map(|i| (Some(i), None)));
        ops.extend((0..b_mid.len()).map(|j| (None, Some(j))));
    } else {
        let (n, m) = (a_mid.len(), b_mid.len());
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        let at = |i: usize, j: usize| i * (m + 1) + j;
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[at(i, j)] = if a_mid[i] == b_mid[j] {
                    lcs[at(i + 1, j + 1)] + 1
                } else {
                    lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && a_mid[i] == b_mid[j] {
                ops.push((Some(i), Some(j)));
                i += 1;
                j += 1;
            } else if j == m || (i < n && lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) {
                ops.push((Some(i), None));
                i += 1;
            } else {
                ops.push((None, Some(j)));
                j += 1;
            }
        }
    }

    let mut out = String::new();
    let mut old_line = first_line + head;
    let mut in_hunk = false;
    for op in ops {
        match op {
            (Some(_), Some(_)) => {
                in_hunk = false;
                old_line += 1;
            }
            (removed, added) => {
                if !in_hunk {
                    let _ = writeln!(out, "@@ line {old_line} @@");
                    in_hunk = true;
                }
                if let Some(i) = removed {
                    let _ = writeln!(out, "-{}", a_mid[i]);
                    old_line += 1;
                }
                if let Some(j) = added {
                    let _ = writeln!(out, "+{}", b_mid[j]);
                }
            }
        }
    }
    if out.is_empty() {
        // Same lines, different line ends (a missing final newline).
        let _ = writeln!(
            out,
            "@@ line {} @@\n(the files differ only in their final line break)",
            first_line + a.len()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{line_diff, split_markers};

    #[test]
    fn diff_shows_changed_lines_with_file_line_numbers() {
        let diff = line_diff("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n", 1);
        assert_eq!(diff, "@@ line 2 @@\n-b\n+B\n@@ line 5 @@\n+e\n");
        assert_eq!(line_diff("x\n", "y\n", 10), "@@ line 10 @@\n-x\n+y\n");
        assert!(line_diff("x", "x\n", 1).contains("final line break"));
    }

    #[test]
    fn markers_split_the_region() {
        let text = "# Doc\n<!-- featuregate:matrix:begin -->\n| t |\n<!-- featuregate:matrix:end -->\ntail\n";
        let (before, region, after) = split_markers(text).unwrap();
        assert_eq!(region, "| t |\n");
        assert!(before.ends_with("begin -->\n"));
        assert!(after.starts_with("<!-- featuregate:matrix:end"));
        assert!(
            split_markers("<!-- featuregate:matrix:end -->\n<!-- featuregate:matrix:begin -->\n")
                .is_none()
        );
        assert!(split_markers("<!-- featuregate:matrix:begin -->\n").is_none());
        assert_eq!(split_markers("plain"), Some(("", "plain", "")));
    }
}
