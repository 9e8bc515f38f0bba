//! What the watcher's thread and [`Watcher::update`](super::Watcher::update)
//! share: the layers as last applied, laid over each other and configured
//! once per reload.

use std::sync::{Mutex, MutexGuard, PoisonError};

use super::read::File;
use super::{Refusal, WatchEvent};
use crate::config::file::parse_file;
use crate::config::source_error::SourceError;
use crate::{Change, GateConfig, Options, Sources, active, configure};

/// A layer as the watcher keeps it: its label, its configuration as last
/// applied, and for a file the text that configuration was read from.
pub(super) struct Slot {
    pub(super) label: String,
    pub(super) kind: SlotKind,
    pub(super) config: GateConfig,
}

pub(super) enum SlotKind {
    File(String),
    Fixed,
}

/// What the watcher's thread and [`Watcher::update`] share.
pub(super) struct Shared {
    pub(super) options: Options,
    pub(super) slots: Vec<Slot>,
    /// The last problem reported, so a refusal is told once per version.
    pub(super) problem: Option<String>,
}

pub(super) fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    // A reload that panicked left the slots as they were: no reason to stop.
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// Lays `configs` (one per slot, in order) over each other and
    /// configures the result once.
    pub(super) fn configure(&self, configs: &[&GateConfig]) -> Result<Vec<Change>, Refusal> {
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
    pub(super) fn offer(
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

    pub(super) fn refuse(&mut self, problem: Refusal) -> Option<WatchEvent> {
        let told = crate::ErrorChain::new(&problem).to_string();
        if self.problem.as_ref() == Some(&told) {
            return None;
        }
        self.problem = Some(told);
        Some(WatchEvent::Refused(problem))
    }
}
