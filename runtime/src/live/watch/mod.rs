//! Live configuration (feature `watch`): [`watch_sources()`] keeps the
//! active configuration in step with layers of configuration (files re-read
//! when they change, a Kubernetes `ConfigMap` volume included, and
//! configurations the program gives), [`watch()`] with one file.
//!
//! The kubelet updates a `ConfigMap` volume without ever writing the file a
//! program opened: it writes a new timestamped directory, points a
//! `..data_tmp` symlink at it, renames that over `..data` and removes the
//! old directory, while the file (`gates.yaml -> ..data/gates.yaml`) stays a
//! symlink. So the watcher watches the directory holding each file (and the
//! one holding its target, when that is elsewhere), reads every file afresh
//! after any change there, and compares contents: a reload is a new text,
//! not an event. A text counts once two reads the settling time apart agree,
//! so a file rewritten in place is never applied half-written.

mod dirs;
mod layer;
mod options;
mod read;
mod refusal;
mod running;
mod shared;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher};

use crate::config::file::{parse_file, read_bounded};
use crate::config::source_error::{Kind, SourceError};
use crate::{Change, GateConfig, Options};
use dirs::Dirs;
pub use layer::Layer;
use layer::LayerKind;
pub use options::WatchOptions;
use read::{File, read_stable};
pub use refusal::Refusal;
use running::Running;
use shared::{Shared, Slot, SlotKind, lock};

/// How long the watcher waits after the first event of a burst before it
/// reads the files: the kubelet's swap is several events, an editor's save
/// often two. With the settling time, well under the one second a change
/// takes to be visible.
const DEBOUNCE: Duration = Duration::from_millis(100);

/// How often the files are read even without an event, in case one was
/// missed (an inotify queue overflow).
const POLL: Duration = Duration::from_secs(2);

/// How often while a file's directory is missing (the kernel watches
/// nothing there until it is back).
const POLL_MISSING: Duration = Duration::from_millis(100);

/// How many settling times the start waits for every file to hold still.
const START_TRIES: u32 = 50;

/// What a watcher's callback is told, from the watcher's thread.
#[derive(Debug)]
#[non_exhaustive]
pub enum WatchEvent {
    /// A new version of the layers is now the active configuration, and
    /// these gates changed (never empty: a new version that changes no gate
    /// is applied without an event).
    Applied(Vec<Change>),
    /// A new version could not be used: a file unreadable, not the shape,
    /// or deleted, or the layers' combination refused by evaluation. The
    /// active configuration is kept. Its `Display` names the layer and why
    /// (the event's `Display` adds the parser's details from its
    /// `source()`).
    Refused(Refusal),
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

/// The handle of a running watcher: dropping it stops the watcher and
/// waits for its thread to end, so the callback is never called after.
#[must_use = "the watcher stops when its handle drops"]
pub struct Watcher {
    stop: Sender<Message>,
    thread: Option<JoinHandle<()>>,
    paths: Vec<PathBuf>,
    shared: Arc<Mutex<Shared>>,
}

impl Watcher {
    /// The first file watched, absolute (empty when no layer is a file).
    #[must_use]
    pub fn path(&self) -> &Path {
        self.paths.first().map_or(Path::new(""), PathBuf::as_path)
    }

    /// Every file watched, absolute, lowest layer first.
    #[must_use]
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// Replaces the fixed layer labelled `label` with `config` and
    /// configures the layers at once: the files as last applied, every
    /// fixed layer, this one new. An operator that reads its CR through an
    /// informer feeds it so.
    ///
    /// # Errors
    /// [`Refusal::NoSuchLayer`] when no fixed layer has that label,
    /// [`Refusal::Evaluation`] when evaluation refuses the layers with this
    /// one: then the layer and the active configuration stay as they were.
    pub fn update(&self, label: &str, config: GateConfig) -> Result<Vec<Change>, Refusal> {
        let mut shared = lock(&self.shared);
        let Some(index) = shared
            .slots
            .iter()
            .position(|slot| slot.label == label && matches!(slot.kind, SlotKind::Fixed))
        else {
            return Err(Refusal::NoSuchLayer {
                label: label.to_owned(),
            });
        };
        let mut configs: Vec<&GateConfig> = shared.slots.iter().map(|slot| &slot.config).collect();
        configs[index] = &config;
        let changes = shared.configure(&configs)?;
        shared.slots[index].config = config;
        Ok(changes)
    }
}

impl fmt::Debug for Watcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Watcher")
            .field("paths", &self.paths)
            .finish_non_exhaustive()
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        // The thread may already be gone; then there is nobody to tell.
        let _ = self.stop.send(Message::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

enum Message {
    Changed,
    /// A watched directory itself was removed.
    Removed(PathBuf),
    Stop,
}

/// Reads the configuration file at `path` ([`GateConfig::from_path`]) and
/// [`configure`](crate::configure)s it with `options` at once, then again whenever the file
/// changes, until the returned [`Watcher`] drops: [`watch_sources()`] with
/// the one layer [`Layer::file`].
///
/// # Errors
/// The first version must read and be accepted: otherwise this returns why
/// and nothing is watched (a configuration evaluation refuses is an error
/// whose [`SourceError::refusal`] gives the reasons).
pub fn watch(
    path: impl AsRef<Path>,
    options: impl Into<WatchOptions>,
    on_event: impl Fn(WatchEvent) + Send + Sync + 'static,
) -> Result<Watcher, SourceError> {
    let path = path.as_ref();
    watch_sources([Layer::file(path.to_owned())], options, on_event)
        .map_err(|refusal| refusal.into_source_error(path))
}

/// Lays `layers` over each other in order (later ones winning per gate, as
/// [`Sources`](crate::Sources) does) and [`configure`](crate::configure)s the result with `options` at once,
/// then again whenever a file layer changes, until the returned [`Watcher`]
/// drops.
///
/// Each reload reads every file layer anew, layers everything and
/// configures once: no intermediate set is ever published, so a fixed
/// layer (the operator's `--feature-gates`) keeps winning over a reloaded
/// file. A file's version counts once two reads the settling time apart
/// ([`WatchOptions::with_settle_time`], 100 ms or more) agree; a change is
/// visible to `T::is_enabled()` within a second, also after the file's
/// directory was deleted and created again. A problem in any layer (a file
/// unreadable, not the shape or deleted, or evaluation refusing the
/// combination) refuses that reload as a whole: the active configuration
/// stays, and [`WatchEvent::Refused`] names the layer (also logged at warn
/// level with the `tracing` feature), once until the files change again. A
/// version that changes gates is reported as [`WatchEvent::Applied`].
/// `on_event` runs on the watcher's thread; a panic in it is caught (logged
/// once with `tracing`) and the watcher goes on.
///
/// Works with a Kubernetes `ConfigMap` volume: the kubelet's swap of the
/// `..data` symlink is seen as a change of the file.
///
/// # Errors
/// The first version must read (every file must exist) and be accepted:
/// otherwise this returns why and nothing is watched.
pub fn watch_sources(
    layers: impl IntoIterator<Item = Layer>,
    options: impl Into<WatchOptions>,
    on_event: impl Fn(WatchEvent) + Send + Sync + 'static,
) -> Result<Watcher, Refusal> {
    let options = options.into();
    let (tx, rx) = mpsc::channel();
    let mut notifier = notifier(tx.clone())?;
    let mut slots = Vec::new();
    let mut files = Vec::new();
    for layer in layers {
        let kind = match layer.kind {
            LayerKind::Fixed(config) => {
                slots.push(Slot {
                    label: layer.label,
                    kind: SlotKind::Fixed,
                    config,
                });
                continue;
            }
            LayerKind::File(path) => path,
        };
        let source = |error| Refusal::Source {
            layer: layer.label.clone(),
            error,
        };
        let path = std::path::absolute(&kind)
            .map_err(|err| source(SourceError::new(&kind, None, Kind::Io(err))))?;
        let dirs = Dirs::start(&mut notifier, &path).map_err(|err| {
            // A missing directory is best told as the missing file it holds.
            match read_bounded(&path) {
                Err(missing) => source(missing),
                Ok(_) => source(SourceError::new(&path, None, Kind::Watch(err))),
            }
        })?;
        files.push(File {
            slot: slots.len(),
            path,
            dirs,
            removed: false,
        });
        slots.push(Slot {
            label: layer.label,
            kind: SlotKind::File(String::new()),
            config: GateConfig::default(),
        });
    }

    // Read after the watches start, so a change in between is not missed:
    // at worst it is read twice.
    let reads = read_stable(&files, &slots, options.settle_time())?;
    let mut shared = Shared {
        options: options.options().clone(),
        slots,
        problem: None,
    };
    let mut configs = Vec::new();
    for (file, read) in files.iter().zip(reads) {
        let layer = || shared.slots[file.slot].label.clone();
        let text = read.map_err(|error| Refusal::Source {
            layer: layer(),
            error,
        })?;
        let config = parse_file(&file.path, &text).map_err(|error| Refusal::Source {
            layer: layer(),
            error,
        })?;
        configs.push((file.slot, text, config));
    }
    for (slot, text, config) in configs {
        shared.slots[slot].kind = SlotKind::File(text);
        shared.slots[slot].config = config;
    }
    let all: Vec<&GateConfig> = shared.slots.iter().map(|slot| &slot.config).collect();
    shared.configure(&all)?;

    let shared = Arc::new(Mutex::new(shared));
    let paths = files.iter().map(|file| file.path.clone()).collect();
    let running = Running {
        shared: Arc::clone(&shared),
        files,
        settle: options.settle_time(),
        panicked: false,
    };
    let thread = thread::Builder::new()
        .name("featuregate-watch".to_owned())
        .spawn(move || running.run(notifier, &rx, &on_event))
        .map_err(|err| Refusal::Source {
            layer: "the watcher".to_owned(),
            error: SourceError::new(Path::new("."), None, Kind::Io(err)),
        })?;
    Ok(Watcher {
        stop: tx,
        thread: Some(thread),
        paths,
        shared,
    })
}

/// A notifier that sends a [`Message`] for each event that may change a
/// file: `Removed` too when a watched directory itself goes.
fn notifier(events: Sender<Message>) -> Result<RecommendedWatcher, Refusal> {
    notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let message = match event {
            Ok(event) => match event.kind {
                // Reads (ours included) open and close the file: not a change.
                EventKind::Access(access) if access != AccessKind::Close(AccessMode::Write) => {
                    return;
                }
                EventKind::Remove(_) => {
                    for path in event.paths {
                        let _ = events.send(Message::Removed(path));
                    }
                    Message::Changed
                }
                _ => Message::Changed,
            },
            // An error of the notifier (a queue overflow): read to be sure.
            Err(_) => Message::Changed,
        };
        let _ = events.send(message);
    })
    .map_err(|err| Refusal::Source {
        layer: "the watcher".to_owned(),
        error: SourceError::new(Path::new("."), None, Kind::Watch(err)),
    })
}

impl From<&Options> for Options {
    fn from(options: &Options) -> Options {
        options.clone()
    }
}
