//! `show NAME`: every field of one gate, as labelled lines or as JSON.

use std::fmt::Write as _;

use super::TextOrJson;
use crate::{Arch, Gate};

/// The gate in `format`.
pub(super) fn render(gate: &Gate, format: TextOrJson) -> String {
    match format {
        TextOrJson::Text => text(gate),
        TextOrJson::Json => json(&to_json(gate)),
    }
}

/// Pretty JSON with a final line break.
pub(super) fn json(value: &serde_json::Value) -> String {
    let mut out = serde_json::to_string_pretty(value).expect("a JSON value serializes");
    out.push('\n');
    out
}

/// `{"name", "state", "description", "message", "since", "owner",
/// "support": {"amd64": "Supported" | null, ...}, "reasons": {"arm64": "..."},
/// "location": {"module_path", "file", "line"}}`; an absent field is `null`.
fn to_json(gate: &Gate) -> serde_json::Value {
    let support: serde_json::Map<String, serde_json::Value> = Arch::ALL
        .into_iter()
        .map(|arch| {
            (
                arch.to_string(),
                gate.support(arch).map(crate::Support::as_str).into(),
            )
        })
        .collect();
    let reasons: serde_json::Map<String, serde_json::Value> = Arch::ALL
        .into_iter()
        .filter_map(|arch| Some((arch.to_string(), gate.reason(arch)?.into())))
        .collect();
    let location = gate.location();
    serde_json::json!({
        "name": gate.name(),
        "state": gate.state().as_str(),
        "description": gate.description(),
        "message": gate.message(),
        "since": gate.since(),
        "owner": gate.owner(),
        "support": support,
        "reasons": reasons,
        "location": {
            "module_path": location.module_path(),
            "file": location.file(),
            "line": location.line(),
        },
    })
}

/// Every field of one gate, one per line; continuation lines indented.
fn text(gate: &Gate) -> String {
    const WIDTH: usize = 12;
    let mut text = String::new();
    let mut field = |label: &str, value: &str| {
        let mut lines = value.lines();
        let first = lines.next().unwrap_or_default();
        let _ = writeln!(text, "{label:WIDTH$}{first}");
        for line in lines {
            let _ = writeln!(text, "{:WIDTH$}{line}", "");
        }
    };
    field("name", gate.name());
    field("state", gate.state().as_str());
    field(
        "default",
        if gate.state().default_enabled() {
            "on"
        } else {
            "off"
        },
    );
    field("description", gate.description().unwrap_or("-"));
    field("message", &gate.message());
    field("since", gate.since().unwrap_or("-"));
    field("owner", gate.owner().unwrap_or("-"));
    field("location", &gate.location().to_string());
    field("used_by", if gate.has_used_by() { "yes" } else { "no" });
    field("support", "");
    for arch in Arch::ALL {
        let status = gate.status(arch);
        let status = if status.support().is_some() {
            status.as_str()
        } else {
            "-"
        };
        let value = match gate.reason(arch) {
            Some(reason) => format!("{status}: {reason}"),
            None => status.to_owned(),
        };
        field(&format!("  {arch}"), &value);
    }
    // No line ends in padding, whatever the values hold.
    let mut trimmed = String::with_capacity(text.len());
    for line in text.lines() {
        trimmed.push_str(line.trim_end());
        trimmed.push('\n');
    }
    trimmed
}
