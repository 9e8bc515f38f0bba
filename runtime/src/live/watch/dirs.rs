//! The directories a watched file depends on: its own (by absolute path,
//! watched again when it is deleted and created anew) and its symlink
//! target's, when that is elsewhere (a `ConfigMap`'s `..data` directory).

use std::path::{Path, PathBuf};

use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

/// What identifies a directory, so that one deleted and created again under
/// the same path is told apart from the one watched: device and inode where
/// there are such, its existence elsewhere (the kernel's removal event
/// covers the rest).
type DirId = (u64, u64);

#[cfg(unix)]
fn dir_id(dir: &Path) -> Option<DirId> {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(dir)
        .ok()
        .filter(std::fs::Metadata::is_dir)
        .map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn dir_id(dir: &Path) -> Option<DirId> {
    std::fs::metadata(dir)
        .ok()
        .filter(std::fs::Metadata::is_dir)
        .map(|_| (0, 0))
}

/// The directories watched for one file.
pub(crate) struct Dirs {
    /// The file, absolute.
    path: PathBuf,
    /// Its own directory, absolute.
    own: PathBuf,
    /// The identity of `own` when it was last watched; `None` while it is
    /// not (missing).
    own_id: Option<DirId>,
    /// `own` with its symlinks resolved, to compare with the target's.
    own_resolved: Option<PathBuf>,
    target: Option<PathBuf>,
}

/// What [`Dirs::update`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DirState {
    /// Watched as before.
    Watched,
    /// Watched anew (created again since): read the file now.
    Rewatched,
    /// The file's directory is missing: poll until it is back.
    Missing,
}

impl Dirs {
    /// Starts watching the directory of `path` (absolute).
    pub(crate) fn start(notifier: &mut RecommendedWatcher, path: &Path) -> notify::Result<Dirs> {
        let own = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
            _ => PathBuf::from("/"),
        };
        let own_id = dir_id(&own);
        notifier.watch(&own, RecursiveMode::NonRecursive)?;
        let mut dirs = Dirs {
            path: path.to_owned(),
            own_resolved: std::fs::canonicalize(&own).ok(),
            own,
            own_id,
            target: None,
        };
        dirs.update(notifier, false);
        Ok(dirs)
    }

    /// Whether `removed` (from a removal event) is the file's own
    /// directory.
    pub(crate) fn is_own(&self, removed: &Path) -> bool {
        removed == self.own
    }

    /// Brings the watches in step: the own directory watched again when it
    /// was `removed` (an event said so) or is another directory than the
    /// one watched, the target's re-resolved.
    pub(crate) fn update(&mut self, notifier: &mut RecommendedWatcher, removed: bool) -> DirState {
        let mut state = DirState::Watched;
        let id = dir_id(&self.own);
        if removed || id != self.own_id {
            if self.own_id.is_some() {
                // Gone with its directory already, most likely.
                let _ = notifier.unwatch(&self.own);
            }
            self.own_id = None;
            if id.is_some()
                && notifier
                    .watch(&self.own, RecursiveMode::NonRecursive)
                    .is_ok()
            {
                // Identified after the watch starts: a directory replaced
                // in between is seen at the next update.
                self.own_id = id;
                self.own_resolved = std::fs::canonicalize(&self.own).ok();
                state = DirState::Rewatched;
            }
        }
        if self.own_id.is_none() {
            state = DirState::Missing;
        }
        let target = std::fs::canonicalize(&self.path)
            .ok()
            .and_then(|t| t.parent().map(Path::to_owned))
            .filter(|t| self.own_resolved.as_ref() != Some(t));
        if target != self.target {
            if let Some(old) = self.target.take() {
                // Gone already when the kubelet removed it: nothing to undo.
                let _ = notifier.unwatch(&old);
            }
            if let Some(new) = &target {
                // A target directory that vanished in between is seen at the
                // next change of the file's own directory.
                if notifier.watch(new, RecursiveMode::NonRecursive).is_ok() {
                    self.target = target;
                }
            }
        }
        state
    }
}
