//! Events of target `featuregate` from every thread (the watcher logs from
//! its own): one global subscriber per test binary, installed on first
//! use, keeping the messages of error, warn and info events apart.

use std::sync::{Mutex, OnceLock};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

/// The levels kept, each with its messages.
const LEVELS: [Level; 3] = [Level::ERROR, Level::WARN, Level::INFO];

static LOGS: [Mutex<Vec<String>>; 3] = [
    Mutex::new(Vec::new()),
    Mutex::new(Vec::new()),
    Mutex::new(Vec::new()),
];

/// The messages logged at `level` (error, warn or info) so far.
pub(crate) fn logged_at(level: Level) -> &'static Mutex<Vec<String>> {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| tracing::subscriber::set_global_default(Global).unwrap());
    let slot = LEVELS
        .iter()
        .position(|l| *l == level)
        .expect("error, warn or info");
    &LOGS[slot]
}

struct Global;

struct Message(String);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0 = format!("{value:?}");
        }
    }
}

impl Subscriber for Global {
    fn enabled(&self, meta: &Metadata<'_>) -> bool {
        LEVELS.contains(meta.level()) && meta.target() == "featuregate"
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut message = Message(String::new());
        event.record(&mut message);
        let level = event.metadata().level();
        if let Some(slot) = LEVELS.iter().position(|l| l == level) {
            LOGS[slot].lock().unwrap().push(message.0);
        }
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}
