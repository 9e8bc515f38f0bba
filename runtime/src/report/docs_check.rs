//! The docs check: a committed Markdown matrix must equal the one the code
//! renders, so a support document can never drift from the declarations.
//!
//! The check only ever touches a regular file of at most [`MAX_DOC_BYTES`]
//! (a symlink, a directory, a FIFO or a device is refused before it is
//! opened, and the read is bounded), only the lines between its two markers,
//! and rewrites it atomically: a temporary file in the same directory,
//! renamed over the old one, so a crash never leaves half a file and a
//! symlink put in its place is replaced, never written through.

use std::error::Error;
use std::fmt::{self, Write as _};
use std::io;
use std::path::{Path, PathBuf};

use super::Matrix;
use super::diff::line_diff;
use super::doc_file::{read_regular, write_atomically};

/// The environment variable that makes the docs check rewrite the file
/// instead of failing: `FEATUREGATE_BLESS=1 cargo test`. Only the exact
/// value `1` blesses.
pub const BLESS_ENV: &str = "FEATUREGATE_BLESS";

/// Where the generated matrix begins, on a line of its own. The file must
/// hold both markers; only the lines between them are checked and rewritten.
pub const BEGIN_MARKER: &str = "<!-- featuregate:matrix:begin -->";
/// Where the generated matrix ends; see [`BEGIN_MARKER`].
pub const END_MARKER: &str = "<!-- featuregate:matrix:end -->";

/// The largest document the check reads, in bytes (4 MiB); a larger file is
/// refused rather than read.
pub const MAX_DOC_BYTES: u64 = 4 * 1024 * 1024;

/// What a successful docs check did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocsCheck {
    /// The file already held the rendered matrix.
    UpToDate,
    /// Blessing was on and the file was (re)written; it did differ.
    Blessed,
}

/// Why a docs check failed. `Display` is one line; [`assert_docs`] adds the
/// diff of [`DocsError::Drift`] and the cause of an I/O error to its panic.
#[derive(Debug)]
#[non_exhaustive]
pub enum DocsError {
    /// The file differs from the rendered matrix.
    Drift {
        /// The file checked.
        path: PathBuf,
        /// The lines that differ: `-` what the file has, `+` what the code
        /// renders, under `@@ line N @@` headings.
        diff: String,
    },
    /// The file does not exist (and blessing was off).
    Missing {
        /// The file checked.
        path: PathBuf,
    },
    /// The file lacks a marker of the block, or has the end before the
    /// beginning.
    Markers {
        /// The file checked.
        path: PathBuf,
        /// The block whose markers are missing: `matrix` for
        /// [`BEGIN_MARKER`] and [`END_MARKER`].
        block: String,
    },
    /// A block name other than 1 to 64 lowercase ASCII letters, digits and
    /// `-` (it goes into the markers, inside an HTML comment).
    BlockName {
        /// The file to be checked.
        path: PathBuf,
        /// The name given, cut to 64 characters.
        block: String,
    },
    /// The path is not a regular file (a symlink, a directory, a FIFO, a device).
    NotAFile {
        /// The file checked.
        path: PathBuf,
        /// What it is instead: `symbolic link`, `directory`, `FIFO`, ...
        kind: &'static str,
    },
    /// The file is larger than [`MAX_DOC_BYTES`].
    TooLarge {
        /// The file checked.
        path: PathBuf,
    },
    /// Reading the file failed.
    Read {
        /// The file checked.
        path: PathBuf,
        /// The failure.
        source: io::Error,
    },
    /// Writing the file failed; the old file, if any, is untouched.
    Write {
        /// The file checked.
        path: PathBuf,
        /// The failure.
        source: io::Error,
    },
}

impl DocsError {
    /// The file the check was about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            DocsError::Drift { path, .. }
            | DocsError::Missing { path }
            | DocsError::Markers { path, .. }
            | DocsError::BlockName { path, .. }
            | DocsError::NotAFile { path, .. }
            | DocsError::TooLarge { path }
            | DocsError::Read { path, .. }
            | DocsError::Write { path, .. } => path,
        }
    }
}

impl fmt::Display for DocsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path().display();
        match self {
            DocsError::Drift { .. } => write!(
                f,
                "{path} is out of date with the feature gates declared in code; \
                 rerun with {BLESS_ENV}=1 to rewrite it, then review and commit the change"
            ),
            DocsError::Missing { .. } => write!(
                f,
                "{path} does not exist; rerun with {BLESS_ENV}=1 to create it"
            ),
            DocsError::Markers { block, .. } => {
                let (begin, end) = markers(block);
                write!(
                    f,
                    "{path} lacks the feature gate {block} markers: put `{begin}` and \
                     `{end}` each on a line of its own, in that order"
                )
            }
            DocsError::BlockName { block, .. } => write!(
                f,
                "invalid docs block name {block:?} for {path}: use 1 to 64 lowercase ASCII \
                 letters, digits and `-`"
            ),
            DocsError::NotAFile { kind, .. } => write!(
                f,
                "{path} is a {kind}, not a regular file; the docs check reads and writes \
                 regular files only"
            ),
            DocsError::TooLarge { .. } => {
                write!(f, "{path} is larger than {MAX_DOC_BYTES} bytes")
            }
            DocsError::Read { .. } => write!(f, "cannot read {path}"),
            DocsError::Write { .. } => write!(f, "cannot write {path}"),
        }
    }
}

impl Error for DocsError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            DocsError::Read { source, .. } | DocsError::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Whether `FEATUREGATE_BLESS` asks for rewriting: exactly `1`.
fn bless_from_env() -> bool {
    std::env::var_os(BLESS_ENV).is_some_and(|v| v == "1")
}

/// Checks that the file at `path` holds, between [`BEGIN_MARKER`] and
/// [`END_MARKER`], the Markdown form of `matrix` (a [`Matrix`], or a
/// registry for its whole matrix). With `FEATUREGATE_BLESS=1` in the
/// environment a differing region is rewritten instead, and a missing file
/// created with the markers around the matrix.
///
/// ```no_run
/// // tests/docs.rs
/// use featuregate::{Arch, registry};
///
/// #[test]
/// fn support_matrix_is_current() {
///     featuregate::report::assert_docs(registry(), "docs/feature-gates.md");
///     // A program that ships on two architectures documents those two.
///     let shipped = registry().matrix().with_archs([Arch::Amd64, Arch::S390x]);
///     featuregate::report::assert_docs(shipped, "docs/shipped.md");
/// }
/// ```
pub fn check_docs(
    matrix: impl Into<Matrix>,
    path: impl AsRef<Path>,
) -> Result<DocsCheck, DocsError> {
    check_file(&matrix.into().to_markdown(), path, bless_from_env())
}

/// [`check_docs`] that panics with a readable message, for tests.
///
/// # Panics
/// When the check fails: with the error, then the line diff of a drift or
/// the cause of an I/O error.
#[track_caller]
pub fn assert_docs(matrix: impl Into<Matrix>, path: impl AsRef<Path>) {
    if let Err(error) = check_docs(matrix, path) {
        panic_with(&error);
    }
}

/// Panics with `error`, then the line diff of a drift or the chain of
/// causes of an I/O error.
#[track_caller]
fn panic_with(error: &DocsError) -> ! {
    let mut message = error.to_string();
    if let DocsError::Drift { path, diff } = error {
        let _ = write!(
            message,
            "\n--- {} (committed)\n+++ rendered from the code\n{diff}",
            path.display()
        );
    }
    let mut source = error.source();
    while let Some(cause) = source {
        let _ = write!(message, ": {cause}");
        source = cause.source();
    }
    panic!("{message}");
}

/// The engine of [`check_docs`] for any rendered text (another report, or a
/// matrix of a subset of gates), with blessing chosen by the caller rather
/// than by the environment.
pub fn check_file(
    expected: &str,
    path: impl AsRef<Path>,
    bless: bool,
) -> Result<DocsCheck, DocsError> {
    check_block(MATRIX_BLOCK, expected, path, bless)
}

/// The name of the matrix's block: its markers are [`BEGIN_MARKER`] and
/// [`END_MARKER`].
pub const MATRIX_BLOCK: &str = "matrix";

/// The begin and end markers of the block `block`:
/// `<!-- featuregate:BLOCK:begin -->` and `<!-- featuregate:BLOCK:end -->`.
#[must_use]
pub fn markers(block: &str) -> (String, String) {
    (
        format!("<!-- featuregate:{block}:begin -->"),
        format!("<!-- featuregate:{block}:end -->"),
    )
}

/// [`check_file`] for any block of a document, between the markers of
/// `block` ([`markers`]): one file can hold several generated blocks (the
/// matrix, the requirement graph), each checked on its own, with the same
/// file safety. A missing file is created, when blessing, holding this
/// block alone.
///
/// ```no_run
/// // tests/docs.rs: the requirement graph as a Mermaid block in the docs.
/// let graph = featuregate::registry().graph().to_markdown();
/// featuregate::report::assert_block("graph", &graph, "docs/feature-gates.md");
/// ```
pub fn check_block(
    block: &str,
    expected: &str,
    path: impl AsRef<Path>,
    bless: bool,
) -> Result<DocsCheck, DocsError> {
    let path = path.as_ref();
    if block.is_empty()
        || block.len() > 64
        || !block
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(DocsError::BlockName {
            path: path.to_owned(),
            block: block.chars().take(64).collect(),
        });
    }
    let (begin, end) = markers(block);
    let Some((committed, permissions)) = read_regular(path)? else {
        if !bless {
            return Err(DocsError::Missing {
                path: path.to_owned(),
            });
        }
        write_atomically(path, &format!("{begin}\n{expected}{end}\n"), None)?;
        return Ok(DocsCheck::Blessed);
    };
    let committed = committed.replace("\r\n", "\n");
    let (before, region, after) =
        split_markers(&committed, &begin, &end).ok_or_else(|| DocsError::Markers {
            path: path.to_owned(),
            block: block.to_owned(),
        })?;
    if region == expected {
        return Ok(DocsCheck::UpToDate);
    }
    if bless {
        write_atomically(
            path,
            &format!("{before}{expected}{after}"),
            Some(permissions),
        )?;
        return Ok(DocsCheck::Blessed);
    }
    let first_line = before.lines().count() + 1;
    Err(DocsError::Drift {
        path: path.to_owned(),
        diff: line_diff(region, expected, first_line),
    })
}

/// [`check_block`] with blessing from the environment, as [`check_docs`]
/// has it, that panics with a readable message, as [`assert_docs`] does.
///
/// # Panics
/// When the check fails: with the error, then the line diff of a drift or
/// the cause of an I/O error.
#[track_caller]
pub fn assert_block(block: &str, expected: &str, path: impl AsRef<Path>) {
    if let Err(error) = check_block(block, expected, path, bless_from_env()) {
        panic_with(&error);
    }
}

/// `(before, region, after)`: the lines between the marker lines, and what
/// surrounds them (markers included). `None` unless both markers stand on
/// lines of their own, the beginning first.
fn split_markers<'a>(text: &'a str, begin: &str, end: &str) -> Option<(&'a str, &'a str, &'a str)> {
    let line_of = |marker: &str| {
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            if line.trim() == marker {
                return Some((offset, offset + line.len()));
            }
            offset += line.len();
        }
        None
    };
    let (_, begin_end) = line_of(begin)?;
    let (end_start, _) = line_of(end)?;
    (begin_end <= end_start).then(|| {
        (
            &text[..begin_end],
            &text[begin_end..end_start],
            &text[end_start..],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::{BEGIN_MARKER, END_MARKER, markers, split_markers};

    fn split(text: &str) -> Option<(&str, &str, &str)> {
        split_markers(text, BEGIN_MARKER, END_MARKER)
    }

    #[test]
    fn markers_split_the_region() {
        let text = "# Doc\n<!-- featuregate:matrix:begin -->\n| t |\n<!-- featuregate:matrix:end -->\ntail\n";
        assert_eq!(
            markers("matrix"),
            (BEGIN_MARKER.to_owned(), END_MARKER.to_owned())
        );
        let (before, region, after) = split(text).unwrap();
        assert_eq!(region, "| t |\n");
        assert!(before.ends_with("begin -->\n"));
        assert!(after.starts_with("<!-- featuregate:matrix:end"));
        assert!(
            split("<!-- featuregate:matrix:end -->\n<!-- featuregate:matrix:begin -->\n").is_none()
        );
        assert!(split("<!-- featuregate:matrix:begin -->\n").is_none());
        assert!(split("plain").is_none());
    }
}
