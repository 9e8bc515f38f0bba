//! Live configuration (feature `watch`): [`watch()`] keeps the active
//! configuration in step with a file, a Kubernetes `ConfigMap` volume
//! included.
//!
//! The kubelet updates a `ConfigMap` volume without ever writing the file a
//! program opened: it writes a new timestamped directory, points a
//! `..data_tmp` symlink at it, renames that over `..data` and removes the
//! old directory, while the file (`gates.yaml -> ..data/gates.yaml`) stays a
//! symlink. So the watcher watches the directory holding the file (and the
//! one holding its target, when that is elsewhere), reads the path afresh
//! after any change there, and compares contents: a reload is a new text,
//! not an event.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::config::file::{parse_file, read_bounded};
use crate::config::source_error::{Kind, SourceError};
use crate::{Change, GateConfig, Options, active, configure};

/// How long the watcher waits after the first event of a burst before it
/// reads the file: the kubelet's swap is several events, an editor's save
/// often two. Well under the one second a change takes to be visible.
const DEBOUNCE: Duration = Duration::from_millis(100);

/// How often the file is read even without an event, in case one was
/// missed (an inotify queue overflow, a directory replaced wholesale).
const POLL: Duration = Duration::from_secs(2);

/// What a [`watch()`]'s callback is told, from the watcher's thread.
#[derive(Debug)]
#[non_exhaustive]
pub enum WatchEvent {
    /// A new version of the file is now the active configuration, and
    /// these gates changed (never empty: a new version that changes no gate
    /// is applied without an event).
    Applied(Vec<Change>),
    /// A new version could not be used: unreadable, not the shape, refused
    /// by evaluation, or the file was deleted. The active configuration is
    /// kept. Its `Display` names the file and why (the event's `Display`
    /// adds the parser's details from its `source()`).
    Refused(SourceError),
}

impl fmt::Display for WatchEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WatchEvent::Applied(changes) => {
                f.write_str("applied a new feature gate configuration: ")?;
                for (i, change) in changes.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{change}")?;
                }
                Ok(())
            }
            WatchEvent::Refused(problem) => {
                write!(
                    f,
                    "{}; keeping the active configuration",
                    crate::ErrorChain::new(problem)
                )
            }
        }
    }
}

/// The handle of a running [`watch()`]: dropping it stops the watcher and
/// waits for its thread to end, so the callback is never called after.
#[must_use = "the watcher stops when its handle drops"]
pub struct Watcher {
    stop: Sender<Message>,
    thread: Option<JoinHandle<()>>,
    path: PathBuf,
}

impl Watcher {
    /// The file being watched.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl fmt::Debug for Watcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Watcher")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        // The thread may already be gone (its callback panicked); then
        // there is nobody to tell.
        let _ = self.stop.send(Message::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

enum Message {
    Changed,
    Stop,
}

/// Reads the configuration file at `path` ([`GateConfig::from_path`]) and
/// [`configure`]s it with `options` at once, then again whenever the file
/// changes, until the returned [`Watcher`] drops.
///
/// The first version must read and be accepted: otherwise this returns the
/// error and nothing is watched. Later versions are read after a short
/// debounce (a change is visible to `T::is_enabled()` within a second); one
/// that is unreadable, not the shape, refused by evaluation, or a deleted
/// file keeps the active configuration and is reported as
/// [`WatchEvent::Refused`] (and with the `tracing` feature logged at warn
/// level), once until the file changes again. A version that changes gates
/// is reported as [`WatchEvent::Applied`]. `on_event` runs on the watcher's
/// thread.
///
/// Works with a Kubernetes `ConfigMap` volume: the kubelet's swap of the
/// `..data` symlink is seen as a change of the file.
pub fn watch(
    path: impl AsRef<Path>,
    options: impl Into<Options>,
    on_event: impl Fn(WatchEvent) + Send + Sync + 'static,
) -> Result<Watcher, SourceError> {
    let path = path.as_ref().to_owned();
    let options = options.into();
    let (tx, rx) = mpsc::channel();
    let events = tx.clone();
    let mut notifier = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let relevant = match event {
            // Reads (ours included) open and close the file: not a change.
            Ok(event) => !matches!(
                event.kind,
                EventKind::Access(access) if access != AccessKind::Close(AccessMode::Write)
            ),
            // An error of the notifier (a queue overflow): read to be sure.
            Err(_) => true,
        };
        if relevant {
            let _ = events.send(Message::Changed);
        }
    })
    .map_err(|err| watch_error(&path, err))?;
    let mut dirs = Dirs::default();
    if let Err(err) = dirs.update(&mut notifier, &path) {
        // A missing directory is best told as the missing file it holds.
        read_bounded(&path)?;
        return Err(watch_error(&path, err));
    }

    // Read after the watch starts, so a change in between is not missed:
    // at worst it is read twice.
    let text = read_bounded(&path)?;
    let config = parse_file(&path, &text)?;
    configure(&config, &options)
        .map_err(|err| SourceError::new(&path, None, Kind::Refused(err)))?;

    let state = State {
        path: path.clone(),
        options,
        applied: text,
        problem: None,
    };
    let thread = thread::Builder::new()
        .name("featuregate-watch".to_owned())
        .spawn(move || run(state, notifier, dirs, &rx, &on_event))
        .map_err(|err| SourceError::new(&path, None, Kind::Io(err)))?;
    Ok(Watcher {
        stop: tx,
        thread: Some(thread),
        path,
    })
}

impl From<&Options> for Options {
    fn from(options: &Options) -> Options {
        options.clone()
    }
}

fn watch_error(path: &Path, err: notify::Error) -> SourceError {
    SourceError::new(path, None, Kind::Watch(err))
}

/// The directories watched: the file's own, and its target's when the file
/// is a symlink elsewhere (re-resolved after every change).
#[derive(Default)]
struct Dirs {
    own: Option<PathBuf>,
    /// `own` with its symlinks resolved, to compare with the target's.
    own_resolved: Option<PathBuf>,
    target: Option<PathBuf>,
}

impl Dirs {
    fn update(&mut self, notifier: &mut RecommendedWatcher, path: &Path) -> notify::Result<()> {
        if self.own.is_none() {
            let own = match path.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
                _ => PathBuf::from("."),
            };
            notifier.watch(&own, RecursiveMode::NonRecursive)?;
            self.own_resolved = std::fs::canonicalize(&own).ok();
            self.own = Some(own);
        }
        let target = std::fs::canonicalize(path)
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
        Ok(())
    }
}

struct State {
    path: PathBuf,
    options: Options,
    /// The text of the version now active.
    applied: String,
    /// The last problem reported, so a refusal is told once per version.
    problem: Option<String>,
}

fn run(
    mut state: State,
    mut notifier: RecommendedWatcher,
    mut dirs: Dirs,
    rx: &Receiver<Message>,
    on_event: &(impl Fn(WatchEvent) + Send + Sync + 'static),
) {
    let mut due: Option<Instant> = None;
    loop {
        let wait = due.map_or(POLL, |at| at.saturating_duration_since(Instant::now()));
        match rx.recv_timeout(wait) {
            Ok(Message::Changed) => {
                // The first event of a burst sets the deadline; later ones
                // do not push it back, so a stream of writes cannot starve
                // the reload.
                due.get_or_insert_with(|| Instant::now() + DEBOUNCE);
            }
            Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return,
            Err(RecvTimeoutError::Timeout) => {
                due = None;
                if let Some(event) = state.reload() {
                    #[cfg(feature = "tracing")]
                    if let WatchEvent::Refused(problem) = &event {
                        tracing::warn!(target: "featuregate", "{}", crate::ErrorChain::new(problem));
                    }
                    on_event(event);
                }
                let _ = dirs.update(&mut notifier, &state.path);
            }
        }
    }
}

impl State {
    /// Reads the file; applies a new text, reports a new problem.
    fn reload(&mut self) -> Option<WatchEvent> {
        match self.read() {
            Ok((text, _)) if text == self.applied => {
                self.problem = None;
                None
            }
            Ok((text, config)) => {
                let before = active();
                match configure(&config, &self.options) {
                    Ok(set) => {
                        self.applied = text;
                        self.problem = None;
                        let changes = set.changes(&before);
                        (!changes.is_empty()).then_some(WatchEvent::Applied(changes))
                    }
                    Err(err) => self.refuse(SourceError::new(&self.path, None, Kind::Refused(err))),
                }
            }
            Err(problem) => self.refuse(problem),
        }
    }

    fn read(&self) -> Result<(String, GateConfig), SourceError> {
        // A read that resolved `..data` just before the kubelet removed the
        // old directory finds nothing; the new version is already there.
        let text = read_bounded(&self.path)
            .or_else(|err| {
                if err.is_not_found() {
                    read_bounded(&self.path)
                } else {
                    Err(err)
                }
            })
            .map_err(|err| {
                if err.is_not_found() {
                    SourceError::new(&self.path, None, Kind::Deleted)
                } else {
                    err
                }
            })?;
        let config = parse_file(&self.path, &text)?;
        Ok((text, config))
    }

    fn refuse(&mut self, problem: SourceError) -> Option<WatchEvent> {
        let told = crate::ErrorChain::new(&problem).to_string();
        if self.problem.as_ref() == Some(&told) {
            return None;
        }
        self.problem = Some(told);
        Some(WatchEvent::Refused(problem))
    }
}
