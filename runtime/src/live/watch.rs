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

use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher};

use super::watch_dirs::{DirState, Dirs};
pub use super::watch_layer::Layer;
use super::watch_layer::LayerKind;
pub use super::watch_options::WatchOptions;
pub use super::watch_refusal::Refusal;
use crate::config::file::{parse_file, read_bounded};
use crate::config::source_error::{Kind, SourceError};
use crate::{Change, GateConfig, Options, Sources, active, configure};

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
/// [`configure`]s it with `options` at once, then again whenever the file
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
/// [`Sources`] does) and [`configure`]s the result with `options` at once,
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

/// A layer as the watcher keeps it: its label, its configuration as last
/// applied, and for a file the text that configuration was read from.
struct Slot {
    label: String,
    kind: SlotKind,
    config: GateConfig,
}

enum SlotKind {
    File(String),
    Fixed,
}

/// What the watcher's thread and [`Watcher::update`] share.
struct Shared {
    options: Options,
    slots: Vec<Slot>,
    /// The last problem reported, so a refusal is told once per version.
    problem: Option<String>,
}

fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    // A reload that panicked left the slots as they were: no reason to stop.
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// Lays `configs` (one per slot, in order) over each other and
    /// configures the result once.
    fn configure(&self, configs: &[&GateConfig]) -> Result<Vec<Change>, Refusal> {
        let mut sources = Sources::new();
        for (slot, config) in self.slots.iter().zip(configs) {
            sources.push(slot.label.clone(), (*config).clone());
        }
        let before = active();
        match configure(&sources.config(), &self.options) {
            Ok(set) => Ok(set.changes(&before)),
            Err(error) => {
                // The layers whose word counts on a refused gate, or on a
                // requirement it misses (the layer that turned it off).
                let names: Vec<&str> = error
                    .problems()
                    .flat_map(|problem| {
                        let missing: &[crate::Explanation] = match problem {
                            crate::ConfigProblem::MissingRequirement { missing, .. } => missing,
                            _ => &[],
                        };
                        std::iter::once(problem.name())
                            .chain(missing.iter().map(|why| why.gate().name()))
                    })
                    .collect();
                let mut layers: Vec<String> = Vec::new();
                for (label, _) in sources.iter() {
                    let blamed = names
                        .iter()
                        .any(|&name| sources.origin(name) == Some(label));
                    if blamed {
                        layers.push(label.to_owned());
                    }
                }
                if layers.is_empty() {
                    layers = sources.iter().map(|(label, _)| label.to_owned()).collect();
                }
                Err(Refusal::Evaluation { layers, error })
            }
        }
    }

    /// A stable read of every file (in the order of `files`): applies a new
    /// version, reports a new problem.
    fn offer(
        &mut self,
        files: &[File],
        reads: Vec<Result<String, SourceError>>,
    ) -> Option<WatchEvent> {
        let mut texts = Vec::with_capacity(reads.len());
        let mut unchanged = true;
        for (file, read) in files.iter().zip(reads) {
            let slot = &self.slots[file.slot];
            match read {
                Ok(text) => {
                    unchanged &= matches!(&slot.kind, SlotKind::File(applied) if *applied == text);
                    texts.push(text);
                }
                Err(error) => {
                    let layer = slot.label.clone();
                    return self.refuse(Refusal::Source { layer, error });
                }
            }
        }
        if unchanged {
            self.problem = None;
            return None;
        }
        let mut configs: Vec<GateConfig> =
            self.slots.iter().map(|slot| slot.config.clone()).collect();
        for (file, text) in files.iter().zip(&texts) {
            match parse_file(&file.path, text) {
                Ok(config) => configs[file.slot] = config,
                Err(error) => {
                    let layer = self.slots[file.slot].label.clone();
                    return self.refuse(Refusal::Source { layer, error });
                }
            }
        }
        let refs: Vec<&GateConfig> = configs.iter().collect();
        match self.configure(&refs) {
            Ok(changes) => {
                for (slot, config) in self.slots.iter_mut().zip(configs) {
                    slot.config = config;
                }
                for (file, text) in files.iter().zip(texts) {
                    self.slots[file.slot].kind = SlotKind::File(text);
                }
                self.problem = None;
                (!changes.is_empty()).then_some(WatchEvent::Applied(changes))
            }
            Err(refusal) => self.refuse(refusal),
        }
    }

    fn refuse(&mut self, problem: Refusal) -> Option<WatchEvent> {
        let told = crate::ErrorChain::new(&problem).to_string();
        if self.problem.as_ref() == Some(&told) {
            return None;
        }
        self.problem = Some(told);
        Some(WatchEvent::Refused(problem))
    }
}

/// A file layer as the watcher's thread sees it.
struct File {
    /// Its position among the layers.
    slot: usize,
    /// Absolute.
    path: PathBuf,
    dirs: Dirs,
    /// Whether a removal event named its directory since the last update.
    removed: bool,
}

/// Reads a file, telling a file that disappeared as deleted.
fn read_file(path: &Path) -> Result<String, SourceError> {
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

fn read_all(files: &[File]) -> Vec<Result<String, SourceError>> {
    files.iter().map(|file| read_file(&file.path)).collect()
}

/// Whether two reads of the files agree: the same texts, or the same
/// problems.
fn same(a: &[Result<String, SourceError>], b: &[Result<String, SourceError>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|pair| match pair {
            (Ok(a), Ok(b)) => a == b,
            (Err(a), Err(b)) => a.to_string() == b.to_string(),
            _ => false,
        })
}

/// The files' first version: two reads `settle` apart that agree, waiting
/// a bounded number of times for them to hold still.
fn read_stable(
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

/// The watcher's thread.
struct Running {
    shared: Arc<Mutex<Shared>>,
    files: Vec<File>,
    settle: Duration,
    /// Whether the callback panicked once already (logged once).
    panicked: bool,
}

impl Running {
    fn run(
        mut self,
        mut notifier: RecommendedWatcher,
        rx: &Receiver<Message>,
        on_event: &(impl Fn(WatchEvent) + Send + Sync + 'static),
    ) {
        // The first read of a burst is due at `due`; a read waiting for its
        // confirmation is `pending`, taken at its instant.
        let mut due: Option<Instant> = None;
        let mut pending: Option<(Instant, Vec<Result<String, SourceError>>)> = None;
        let mut interval = POLL;
        let mut poll_at = Instant::now() + interval;
        loop {
            // While a read waits for its confirmation, nothing else is
            // read; a burst or a poll due meanwhile follows it.
            let next = match &pending {
                Some((at, _)) => *at + self.settle,
                None => due.map_or(poll_at, |at| at.min(poll_at)),
            };
            match rx.recv_timeout(next.saturating_duration_since(Instant::now())) {
                Ok(Message::Changed) => {
                    // The first event of a burst sets the deadline; later
                    // ones do not push it back, so a stream of writes cannot
                    // starve the reload.
                    due.get_or_insert_with(|| Instant::now() + DEBOUNCE);
                }
                Ok(Message::Removed(path)) => {
                    for file in &mut self.files {
                        file.removed |= file.dirs.is_own(&path);
                    }
                }
                Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) => {}
            }
            let now = Instant::now();
            if let Some((at, reads)) = pending.take() {
                if now < at + self.settle {
                    pending = Some((at, reads));
                    continue;
                }
                let again = read_all(&self.files);
                if same(&reads, &again) {
                    let event = lock(&self.shared).offer(&self.files, again);
                    if let Some(event) = event {
                        self.deliver(on_event, event);
                    }
                } else {
                    pending = Some((now, again));
                }
            } else if due.is_some_and(|at| now >= at) || now >= poll_at {
                due = None;
                pending = Some((now, read_all(&self.files)));
                poll_at = now + interval;
            } else {
                continue;
            }
            // After each read: the directories in step, a directory created
            // again read at once, a missing one polled.
            let mut missing = false;
            for file in &mut self.files {
                match file
                    .dirs
                    .update(&mut notifier, std::mem::take(&mut file.removed))
                {
                    DirState::Watched => {}
                    DirState::Rewatched => {
                        due.get_or_insert(now);
                    }
                    DirState::Missing => missing = true,
                }
            }
            interval = if missing { POLL_MISSING } else { POLL };
            poll_at = poll_at.min(now + interval);
        }
    }

    /// Tells `on_event` (and with `tracing`, the log of a refusal); a panic
    /// in the callback is caught, logged once, and the watcher goes on.
    fn deliver(&mut self, on_event: &(impl Fn(WatchEvent) + Send + Sync), event: WatchEvent) {
        #[cfg(feature = "tracing")]
        if let WatchEvent::Refused(problem) = &event {
            tracing::warn!(target: "featuregate", "{}", crate::ErrorChain::new(problem));
        }
        let panicked = catch_unwind(AssertUnwindSafe(|| on_event(event))).is_err();
        if panicked && !self.panicked {
            self.panicked = true;
            #[cfg(feature = "tracing")]
            tracing::error!(
                target: "featuregate",
                "the feature gate watcher's callback panicked; the watcher goes on (logged once)"
            );
        }
    }
}
