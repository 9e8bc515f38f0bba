//! `evidence --junit ARCH=PATH...`: the declared support checked against
//! test results, as a report, a CI check (`--check`) or a diff that
//! promotes what the evidence backs (`--suggest`).

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;

use super::{Exit, FormatArg};
use crate::evidence::{Assessment, Evidence, EvidenceMap, EvidencePolicy};
use crate::report::Color;
use crate::{Arch, Registry};

/// Arguments of `evidence`.
#[derive(Debug, Clone, Args)]
pub struct EvidenceArgs {
    /// JUnit XML of runs on ARCH: a file, or a directory read for `*.xml`. Repeatable.
    #[arg(long = "junit", value_name = "ARCH=PATH", value_parser = junit_arg, required = true)]
    pub(super) junit: Vec<(Arch, PathBuf)>,
    /// Rules mapping untagged tests to gates, one `PATTERN => GateName` a line.
    #[arg(long, value_name = "FILE")]
    pub(super) map: Option<PathBuf>,
    /// Tests of a gate that must each meet --min-runs and --min-pass-rate [default: 5].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub(super) min_tests: Option<u32>,
    /// Runs a test needs on an architecture to count [default: 14].
    #[arg(long, value_name = "N")]
    pub(super) min_runs: Option<usize>,
    /// The share of a test's runs that must pass, 0 to 1 [default: 0.95].
    #[arg(long, value_name = "F", value_parser = pass_rate)]
    pub(super) min_pass_rate: Option<f64>,
    /// Judge only ARCH (repeatable); each must have a --junit file, or the command fails.
    #[arg(long = "arch", value_name = "ARCH", value_delimiter = ',')]
    pub(super) archs: Vec<Arch>,
    /// Keep only suites whose timestamp is on or after DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub(super) since: Option<String>,
    /// Exit 1 on a Regressed or Contradicted finding (with --strict, on Unbacked too).
    #[arg(long)]
    pub(super) check: bool,
    /// With --check, fail on Unbacked findings too.
    #[arg(long, requires = "check")]
    pub(super) strict: bool,
    /// Print a unified diff of the declarations promoting each Promote finding to Supported.
    #[arg(long)]
    pub(super) suggest: bool,
    /// Where the declarations' files (as `file!()` names them) are found, for --suggest.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub(super) source_root: PathBuf,
    #[command(flatten)]
    pub(super) format: FormatArg,
}

fn junit_arg(text: &str) -> Result<(Arch, PathBuf), String> {
    let (arch, path) = text
        .split_once('=')
        .ok_or_else(|| "expected ARCH=PATH, as in arm64=results/junit.functest.xml".to_owned())?;
    let arch: Arch = arch.trim().parse().map_err(|e| format!("{e}"))?;
    if path.is_empty() {
        return Err("the path after `=` is empty".to_owned());
    }
    Ok((arch, PathBuf::from(path)))
}

fn pass_rate(text: &str) -> Result<f64, String> {
    let rate: f64 = text
        .trim()
        .parse()
        .map_err(|_| "expected a number from 0 to 1, such as 0.95".to_owned())?;
    if (0.0..=1.0).contains(&rate) {
        Ok(rate)
    } else {
        Err("expected a number from 0 to 1, such as 0.95".to_owned())
    }
}

/// A `--since` date, checked as the command line is read: a malformed one
/// is a usage error (exit 2), as any other malformed value.
fn date(text: &str) -> Result<String, String> {
    crate::evidence::Evidence::new()
        .since(text)
        .map(|_| text.to_owned())
        .map_err(|e| e.to_string())
}

/// What `evidence` prints: stdout, the lines for stderr, and the exit.
pub(super) struct Outcome {
    pub(super) stdout: String,
    pub(super) stderr: String,
    pub(super) exit: Exit,
}

pub(super) fn run(registry: &Registry, args: &EvidenceArgs, color: Color) -> Outcome {
    match assess(registry, args, color) {
        Ok(outcome) => outcome,
        Err(message) => Outcome {
            stdout: String::new(),
            stderr: format!("error: {message}\n"),
            exit: Exit::FAILURE,
        },
    }
}

fn assess(registry: &Registry, args: &EvidenceArgs, color: Color) -> Result<Outcome, String> {
    let mut evidence = Evidence::new();
    if let Some(since) = &args.since {
        evidence = evidence.since(since).map_err(|e| e.to_string())?;
    }
    if let Some(map) = &args.map {
        let map =
            EvidenceMap::from_path(map).map_err(|e| crate::ErrorChain::new(&e).to_string())?;
        evidence = evidence.with_map(map);
    }
    for (arch, path) in &args.junit {
        if !args.archs.is_empty() && !args.archs.contains(arch) {
            continue;
        }
        evidence
            .add_path(*arch, path)
            .map_err(|e| crate::ErrorChain::new(&e).to_string())?;
    }
    let missing: Vec<&str> = args
        .archs
        .iter()
        .filter(|a| !evidence.covers(**a))
        .map(|a| a.as_str())
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "no JUnit file for {} (named with --arch); give one with --junit ARCH=PATH, \
             or a failed upload would pass unseen",
            missing.join(", ")
        ));
    }
    let defaults = EvidencePolicy::default();
    let policy = EvidencePolicy {
        min_tests: args.min_tests.map_or(defaults.min_tests, |n| n as usize),
        min_runs: args.min_runs.unwrap_or(defaults.min_runs),
        min_pass_rate: args.min_pass_rate.unwrap_or(defaults.min_pass_rate),
    };
    let assessment = registry.assess(&evidence, &policy);
    let mut stderr = String::new();
    for warning in assessment.warnings() {
        let _ = writeln!(stderr, "warning: {warning}");
    }
    if evidence.duplicates() > 0 {
        let _ = writeln!(
            stderr,
            "note: {} file(s) given twice for one architecture, counted once",
            evidence.duplicates()
        );
    }
    if evidence.undated() > 0 {
        let _ = writeln!(
            stderr,
            "note: --since left out {} test case(s) of suites without a timestamp",
            evidence.undated()
        );
    }
    let stdout = if args.suggest {
        let (diff, notes) = crate::evidence::promote::suggest(&assessment, &args.source_root);
        for note in notes {
            let _ = writeln!(stderr, "note: {note}");
        }
        diff
    } else {
        render(&assessment, args, color)
    };
    let failing = assessment
        .findings()
        .iter()
        .filter(|f| f.kind.fails_check(args.strict))
        .count();
    let mut exit = Exit::SUCCESS;
    if args.check && failing > 0 {
        let _ = writeln!(
            stderr,
            "error: {failing} finding(s) fail the check ({})",
            if args.strict {
                "Regressed, Contradicted, Unbacked"
            } else {
                "Regressed, Contradicted"
            }
        );
        exit = Exit::FAILURE;
    }
    Ok(Outcome {
        stdout,
        stderr,
        exit,
    })
}

/// The report in the format asked; in text, each finding and the test plan
/// of each architecture follow the table.
fn render(assessment: &Assessment, args: &EvidenceArgs, color: Color) -> String {
    let mut out = args.format.format.render(assessment, color);
    if args.format.format == super::Format::Text {
        if !assessment.findings().is_empty() {
            out.push('\n');
        }
        for finding in assessment.findings() {
            let _ = writeln!(out, "{finding}");
        }
        for &arch in assessment.archs() {
            let plan = assessment.untested(arch);
            if !plan.is_empty() {
                let names: Vec<String> = plan
                    .iter()
                    .map(|g| format!("{} ({})", g.name(), g.state()))
                    .collect();
                let _ = writeln!(
                    out,
                    "\nuntested on {arch} ({} gates, most mature first): {}",
                    plan.len(),
                    names.join(", ")
                );
            }
        }
    }
    out
}
