//! The watcher's thread: waits for the notifier's events (or polls), reads
//! the files when they settle, reloads, and reports each change.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::RecommendedWatcher;

use super::dirs::DirState;
use super::read::{File, read_all, same};
use super::shared::{Shared, lock};
use super::{DEBOUNCE, Message, POLL, POLL_MISSING, WatchEvent};
use crate::config::source_error::SourceError;

/// The watcher's thread.
pub(super) struct Running {
    pub(super) shared: Arc<Mutex<Shared>>,
    pub(super) files: Vec<File>,
    pub(super) settle: Duration,
    /// Whether the callback panicked once already (logged once).
    pub(super) panicked: bool,
}

impl Running {
    pub(super) fn run(
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
    pub(super) fn deliver(
        &mut self,
        on_event: &(impl Fn(WatchEvent) + Send + Sync),
        event: WatchEvent,
    ) {
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
