//! Where the lists sit in a `KubeVirt` document, read through serde from
//! JSON or YAML: a whole CR (`spec.configuration.developerConfiguration`),
//! an object holding `developerConfiguration`, or a bare
//! `developerConfiguration`; any other document is refused, saying which
//! shapes are read.
//!
//! Two passes over the text, both linear: the first finds the shape and
//! checks every key on the way (near misses, misplaced levels, unknown
//! fields of `developerConfiguration`, the CR's `kind` and `apiVersion`);
//! the second hands the one object that holds the lists to `GateConfig`'s
//! own `Deserialize`, so its checks (and the format's line numbers) apply.
//! Nothing else is kept. The messages of this crate's are reported whole
//! (their quoted parts are bounded), a parser's own cut.

use std::cell::RefCell;
use std::fmt;
use std::path::Path;

use serde::de::{self, DeserializeSeed};

use crate::GateConfig;
use crate::config::source_error::{Kind, Message, SourceError};

mod extract;
mod shape;

#[cfg(feature = "yaml")]
use extract::At;
use extract::Extract;
use shape::Probe;
#[cfg(feature = "yaml")]
use shape::Shape;

const SPEC: &str = "spec";
const CONFIGURATION: &str = "configuration";
const DEVELOPER: &str = "developerConfiguration";
const LISTS: [&str; 2] = ["featureGates", "disabledFeatureGates"];
/// The fields of `KubeVirt`'s `DeveloperConfiguration`: an object whose keys
/// are all among them is a bare `developerConfiguration`.
pub(crate) const DEVELOPER_FIELDS: [&str; 12] = [
    "featureGates",
    "disabledFeatureGates",
    "useEmulation",
    "memoryOvercommit",
    "cpuAllocationRatio",
    "nodeSelectors",
    "pvcTolerateLessSpaceUpToPercent",
    "minimumReservePVCBytes",
    "minimumClusterTSCFrequency",
    "diskVerification",
    "logVerbosity",
    "clusterProfiler",
];
/// The only `kind` a CR may have.
const KUBEVIRT: &str = "KubeVirt";
/// The `apiVersion`s `KubeVirt` serves its CR under.
pub(crate) const API_VERSIONS: [&str; 2] = ["kubevirt.io/v1", "kubevirt.io/v1alpha3"];
/// The keys a CR's root may have besides `spec`.
const CR_KEYS: [&str; 4] = ["apiVersion", "kind", "metadata", "status"];

/// The shapes this reads, for the message refusing a document of none.
const SHAPES: &str = "it reads a KubeVirt CR (kind: KubeVirt, apiVersion: kubevirt.io/v1), \
     an object holding developerConfiguration, a developerConfiguration (featureGates, \
     disabledFeatureGates and its other fields), an empty object, or a flag-form list";

/// The keys from the document's root to the object holding the lists.
const CR_PATH: &[&str] = &[SPEC, CONFIGURATION, DEVELOPER];
const WRAPPED_PATH: &[&str] = &[DEVELOPER];
const BARE_PATH: &[&str] = &[];

thread_local! {
    /// The last message of this crate's raised while deserializing on this
    /// thread: a parser's error carries it among its own text, and it is
    /// bounded already, so it is reported whole rather than cut as the
    /// parser's own text is.
    static OURS: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// An error of this crate's with `message` (whose quoted parts are
/// bounded), remembered so that the file's error reports it whole.
pub(crate) fn ours<E: de::Error>(message: fmt::Arguments<'_>) -> E {
    let text = message.to_string();
    OURS.with(|ours| *ours.borrow_mut() = Some(text.clone()));
    E::custom(text)
}

/// The message of a failed read: ours when the error is one of ours, else
/// the parser's own, cut.
fn message(parser_text: &str) -> Message {
    match OURS.with(|ours| ours.borrow_mut().take()) {
        Some(text) if parser_text.contains(&text) => Message::ours(text),
        _ => Message::parser(parser_text),
    }
}

fn forget_ours() {
    OURS.with(|ours| *ours.borrow_mut() = None);
}

pub(crate) fn from_json(path: &Path, text: &str) -> Result<GateConfig, SourceError> {
    forget_ours();
    let fail = |err: serde_json::Error| {
        let line = Some(err.line()).filter(|&l| l > 0);
        let message = message(&err.to_string());
        SourceError::new(
            path,
            line,
            Kind::Document {
                format: "JSON",
                message,
            },
        )
    };
    let keys = Probe.deserialize(&mut json(text)).map_err(fail)?;
    let mut de = json(text);
    let config = Extract(keys).deserialize(&mut de).map_err(fail)?;
    de.end().map_err(fail)?;
    Ok(config)
}

fn json(text: &str) -> serde_json::Deserializer<serde_json::de::StrRead<'_>> {
    serde_json::Deserializer::from_str(text)
}

#[cfg(feature = "yaml")]
pub(crate) fn from_yaml(path: &Path, text: &str) -> Result<GateConfig, SourceError> {
    forget_ours();
    if let Err((line, why)) = crate::config::yaml_events::check(text) {
        let message = Message::ours(why);
        return Err(SourceError::new(
            path,
            line,
            Kind::Document {
                format: "YAML",
                message,
            },
        ));
    }
    let fail = |err: serde_saphyr::Error| {
        let line = err
            .location()
            .and_then(|l| usize::try_from(l.line()).ok())
            .filter(|&l| l > 0);
        let message = message(&err.to_string());
        SourceError::new(
            path,
            line,
            Kind::Document {
                format: "YAML",
                message,
            },
        )
    };
    let Shape(keys) = serde_saphyr::from_str_with_options(text, yaml_options()).map_err(fail)?;
    // The YAML reader takes a type, not a seed: one type per place.
    let config =
        match keys.len() {
            0 => serde_saphyr::from_str_with_options::<At<0>>(text, yaml_options())
                .map(At::into_config),
            1 => serde_saphyr::from_str_with_options::<At<1>>(text, yaml_options())
                .map(At::into_config),
            _ => serde_saphyr::from_str_with_options::<At<3>>(text, yaml_options())
                .map(At::into_config),
        };
    config.map_err(fail)
}

/// serde-saphyr's defaults bound every document; these are tighter, sized
/// for a CR of a few KiB: an alias bomb is refused after a few thousand
/// replayed events, never expanded. Errors stay on one line (no snippet).
#[cfg(feature = "yaml")]
fn yaml_options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_aliases = 1_000;
    budget.max_documents = 1;
    budget.max_depth = 64;
    let mut limits = serde_saphyr::options::AliasLimits::default();
    limits.max_total_replayed_events = 10_000;
    limits.max_replay_stack_depth = 16;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.alias_limits = limits;
    options.with_snippet = false;
    options.emit_comments = false;
    options
}
