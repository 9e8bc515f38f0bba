//! `show NAME`: every field of one gate, as labelled lines or as JSON.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;

use super::TextOrJson;
use crate::{Arch, Gate, Registry, Support};

/// The gate of `registry` in `format`.
pub(super) fn render(gate: &Gate, registry: &Registry, format: TextOrJson) -> String {
    let requires: Vec<&str> = gate.requires().map(Gate::name).collect();
    let required_by: Vec<&str> = registry.required_by(gate).map(Gate::name).collect();
    match format {
        TextOrJson::Text => text(gate, &requires, &required_by),
        TextOrJson::Json => super::pretty_json(&fields(gate, requires, required_by)),
    }
}

/// `{"name", "state", "description", "message", "since", "owner",
/// "support": {"amd64": "Supported" | null, ...}, "reasons": {"arm64": "..."},
/// "location": {"module_path", "file", "line"}, "requires": [names],
/// "required_by": [names], "history": [{"state", "version"}]}`, in that
/// order; an absent field is `null`.
fn fields<'a>(gate: &Gate, requires: Vec<&'a str>, required_by: Vec<&'a str>) -> Fields<'a> {
    let location = gate.location();
    Fields {
        name: gate.name(),
        state: gate.state().as_str(),
        description: gate.description(),
        message: gate.message(),
        since: gate.since(),
        owner: gate.owner(),
        support: PerArch(
            Arch::ALL
                .map(|arch| (arch, gate.support(arch).map(Support::as_str)))
                .into(),
        ),
        reasons: PerArch(
            Arch::ALL
                .into_iter()
                .filter_map(|arch| Some((arch, gate.reason(arch)?)))
                .collect(),
        ),
        location: LocationFields {
            module_path: location.module_path(),
            file: location.file(),
            line: location.line(),
        },
        requires,
        required_by,
        history: gate
            .history()
            .map(|(state, version)| Stage {
                state: state.as_str(),
                version: version.to_string(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct Fields<'a> {
    name: &'static str,
    state: &'static str,
    description: Option<&'static str>,
    message: Cow<'static, str>,
    since: Option<&'static str>,
    owner: Option<&'static str>,
    support: PerArch<Option<&'static str>>,
    reasons: PerArch<&'static str>,
    location: LocationFields,
    requires: Vec<&'a str>,
    required_by: Vec<&'a str>,
    history: Vec<Stage>,
}

/// A stage of the history: `{"state": "Alpha", "version": "v1.6.0"}`.
#[derive(Serialize)]
struct Stage {
    state: &'static str,
    version: String,
}

#[derive(Serialize)]
struct LocationFields {
    module_path: &'static str,
    file: &'static str,
    line: u32,
}

/// An object keyed by architecture, in [`Arch`] order.
struct PerArch<T>(Vec<(Arch, T)>);

impl<T: Serialize> Serialize for PerArch<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(arch, value)| (arch.as_str(), value)))
    }
}

/// Every field of one gate, one per line; continuation lines indented.
fn text(gate: &Gate, requires: &[&str], required_by: &[&str]) -> String {
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
    let history: Vec<String> = gate
        .history()
        .map(|(state, version)| format!("{state} {version}"))
        .collect();
    field(
        "history",
        &if history.is_empty() {
            "-".to_owned()
        } else {
            history.join(", ")
        },
    );
    field("owner", gate.owner().unwrap_or("-"));
    field("location", &gate.location().to_string());
    field("used_by", if gate.has_used_by() { "yes" } else { "no" });
    let list = |names: &[&str]| {
        if names.is_empty() {
            "-".to_owned()
        } else {
            names.join(", ")
        }
    };
    field("requires", &list(requires));
    field("required by", &list(required_by));
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
