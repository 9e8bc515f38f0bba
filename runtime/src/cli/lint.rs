//! `lint --version VERSION`: the gates that overstayed their stage under
//! the lifecycle policy, one line each (or JSON).

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
    let rendered = match args.format {
        TextOrJson::Text => {
            let mut text = String::new();
            for finding in &findings {
                let _ = writeln!(text, "{finding}");
            }
            text
        }
        TextOrJson::Json => super::pretty_json(&findings),
    };
    (rendered, findings.len())
}
