//! `explain NAME`: the decision on one gate under a configuration, and the
//! source that named it.

use std::fmt::{self, Write as _};

use serde::Serialize;

use super::{ExplainArgs, TextOrJson};
use crate::Registry;

/// The sentence of [`FeatureSet::explain`](crate::FeatureSet::explain), then
/// the source whose word counted ([`Sources::origin_named_in`](crate::Sources::origin_named_in):
/// for a gate switched by `AllAlpha` or `AllBeta`, the source of that
/// name). The caller has checked that the registry knows the name.
pub(super) fn render(
    registry: &Registry,
    args: &ExplainArgs,
) -> Result<String, Box<dyn fmt::Display>> {
    let sources = args
        .gates
        .sources()
        .map_err(|e| Box::new(super::commands::sources_error(&e)) as _)?;
    let set = registry
        .evaluate(&sources.config(), &args.gates.options())
        .map_err(|e| Box::new(e) as _)?;
    let explanation = set
        .explain(&args.name)
        .ok_or_else(|| Box::new(format!("unknown feature gate {}", args.name)) as _)?;
    let origin = sources.origin_named_in(registry, explanation.gate().name());
    let source = origin.map(|(label, _)| label);
    // A message quoting a multi-line text still takes one line.
    let sentence = explanation.to_string().replace(['\n', '\r'], " ");
    Ok(match args.format {
        TextOrJson::Text => {
            let mut text = format!("{sentence}\n");
            let _ = match origin {
                Some((label, named)) if named == explanation.gate().name() => {
                    writeln!(text, "source: {label}")
                }
                Some((label, named)) => writeln!(text, "source: {label} (names {named})"),
                None => writeln!(text, "source: none names it"),
            };
            text
        }
        TextOrJson::Json => super::pretty_json(&Fields {
            name: explanation.gate().name(),
            enabled: explanation.enabled(),
            explanation: &sentence,
            source,
        }),
    })
}

/// `{"name", "enabled", "explanation", "source"}`, in that order; `source`
/// is `null` when no source names the gate.
#[derive(Serialize)]
struct Fields<'a> {
    name: &'a str,
    enabled: bool,
    explanation: &'a str,
    source: Option<&'a str>,
}
