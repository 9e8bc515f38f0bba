//! Reading the watched files: bounded, and only a text that two reads the
//! settling time apart agree on counts.

use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use super::dirs::Dirs;
use super::shared::Slot;
use super::{Refusal, START_TRIES};
use crate::config::file::read_bounded;
use crate::config::source_error::{Kind, SourceError};

/// A file layer as the watcher's thread sees it.
pub(super) struct File {
    /// Its position among the layers.
    pub(super) slot: usize,
    /// Absolute.
    pub(super) path: PathBuf,
    pub(super) dirs: Dirs,
    /// Whether a removal event named its directory since the last update.
    pub(super) removed: bool,
}

/// Reads a file, telling a file that disappeared as deleted.
pub(super) fn read_file(path: &Path) -> Result<String, SourceError> {
    // A read that resolved `..data` just before the kubelet removed the
    // old directory finds nothing; the new version is already there.
    read_bounded(path)
        .or_else(|err| {
            if err.is_not_found() {
                read_bounded(path)
            } else {
                Err(err)
            }
        })
        .map_err(|err| {
            if err.is_not_found() {
                SourceError::new(path, None, Kind::Deleted)
            } else {
                err
            }
        })
}

pub(super) fn read_all(files: &[File]) -> Vec<Result<String, SourceError>> {
    files.iter().map(|file| read_file(&file.path)).collect()
}

/// Whether two reads of the files agree: the same texts, or the same
/// problems.
pub(super) fn same(a: &[Result<String, SourceError>], b: &[Result<String, SourceError>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|pair| match pair {
            (Ok(a), Ok(b)) => a == b,
            (Err(a), Err(b)) => a.to_string() == b.to_string(),
            _ => false,
        })
}

/// The files' first version: two reads `settle` apart that agree, waiting
/// a bounded number of times for them to hold still.
pub(super) fn read_stable(
    files: &[File],
    slots: &[Slot],
    settle: Duration,
) -> Result<Vec<Result<String, SourceError>>, Refusal> {
    if files.is_empty() {
        return Ok(Vec::new());
    }
    let mut reads = read_all(files);
    // A file missing at start is an error at once; waiting changes nothing.
    let missing = files
        .iter()
        .zip(&reads)
        .find(|(_, read)| read.as_ref().is_err_and(SourceError::is_not_found));
    if let Some((file, _)) = missing {
        let error = read_bounded(&file.path)
            .err()
            .unwrap_or_else(|| SourceError::new(&file.path, None, Kind::Deleted));
        return Err(Refusal::Source {
            layer: slots[file.slot].label.clone(),
            error,
        });
    }
    let mut moving = 0;
    for _ in 0..START_TRIES {
        thread::sleep(settle);
        let again = read_all(files);
        if same(&reads, &again) {
            return Ok(again);
        }
        moving = (0..files.len())
            .find(|&i| !same(&reads[i..=i], &again[i..=i]))
            .unwrap_or(0);
        reads = again;
    }
    Err(Refusal::Unstable {
        layer: slots[files[moving].slot].label.clone(),
    })
}
