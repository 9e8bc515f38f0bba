//! `lint --version VERSION`: the gates that overstayed their stage under
//! the lifecycle policy, and with `--require-history` those with no
//! recorded history, one line each (or JSON).

use std::fmt::Write as _;

use super::{LintArgs, TextOrJson};
use crate::{LifecyclePolicy, Registry};

/// The findings in the format asked, and how many there are (the command
/// fails when there is any, so CI stops on them).
pub(super) fn render(registry: &Registry, args: &LintArgs) -> (String, usize) {
    let defaults = LifecyclePolicy::default();
    let policy = LifecyclePolicy {
        alpha_releases: args.alpha_releases.unwrap_or(defaults.alpha_releases),
        beta_releases: args.beta_releases.unwrap_or(defaults.beta_releases),
        deprecated_releases: args
            .deprecated_releases
            .unwrap_or(defaults.deprecated_releases),
    };
    let findings = registry.lint(args.version, &policy);
    let missing = if args.require_history {
        registry.missing_history()
    } else {
        Vec::new()
    };
    let rendered = match args.format {
        TextOrJson::Text => {
            let mut text = String::new();
            for finding in &findings {
                let _ = writeln!(text, "{finding}");
            }
            for gate in &missing {
                let _ = writeln!(text, "{gate}");
            }
            text
        }
        // One array: the overstays, then the gates without history, each
        // with the same keys.
        TextOrJson::Json => {
            let mut all: Vec<serde_json::Value> = Vec::new();
            all.extend(findings.iter().filter_map(|f| serde_json::to_value(f).ok()));
            all.extend(missing.iter().filter_map(|m| serde_json::to_value(m).ok()));
            super::pretty_json(&all)
        }
    };
    (rendered, findings.len() + missing.len())
}
