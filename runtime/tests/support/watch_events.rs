//! What the live-reload tests share: one watcher at a time (the active
//! configuration is global), and the events a watcher reports, recorded.
//! Each test file uses what it needs of this.
#![allow(dead_code)]

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use featuregate::watch::WatchEvent;

/// The active configuration is global: one watcher at a time.
static SERIAL: Mutex<()> = Mutex::new(());

pub(crate) fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(PoisonError::into_inner)
}

pub(crate) type Events = Arc<Mutex<Vec<WatchEvent>>>;

/// The events a watcher reports, and the callback that records them.
pub(crate) fn recorder() -> (Events, impl Fn(WatchEvent) + Send + Sync + 'static) {
    let events = Events::default();
    let sink = Arc::clone(&events);
    (events, move |event| sink.lock().unwrap().push(event))
}

/// Waits (a bounded few seconds) for the first event, and takes them all.
pub(crate) fn next_events(events: &Events) -> Vec<WatchEvent> {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        let mut seen = events.lock().unwrap();
        if !seen.is_empty() {
            return std::mem::take(&mut *seen);
        }
        drop(seen);
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("no event within 5 s");
}
