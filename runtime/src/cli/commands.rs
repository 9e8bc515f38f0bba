//! What each subcommand does, writing into the given streams. Each output is
//! rendered whole and written with one `write_all`, so a closed pipe surfaces
//! as one `BrokenPipe` error that the caller turns into a quiet exit.

use std::fmt::{self, Write as _};
use std::io::{self, Write};

use super::{
    CheckArgs, Command, Exit, GraphArgs, GraphFormat, ListArgs, ParityArgs, ReportArgs, TextOrJson,
    explain, lint, show,
};
use crate::report::Color;
use crate::{Arch, ConfigProblem, Matrix, Registry, Severity, Status};

pub(super) fn execute(
    command: &Command,
    registry: &Registry,
    color: Color,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let mut exit = Exit::SUCCESS;
    let rendered = match command {
        Command::List(args) => args.format.format.render(&list(registry, args), color),
        Command::Matrix(ReportArgs { archs, at, format }) => {
            let matrix = match at {
                Some(version) => registry.matrix_at(*version),
                None => registry.matrix(),
            };
            format
                .format
                .render(&matrix.with_archs(archs.iter().copied()), color)
        }
        Command::Coverage(ReportArgs { archs, at, format }) => {
            let coverage = match at {
                Some(version) => registry.coverage_at(*version),
                None => registry.coverage(),
            };
            format
                .format
                .render(&coverage.with_archs(archs.iter().copied()), color)
        }
        Command::Parity(ParityArgs { arch, base, format }) => {
            format.format.render(&registry.parity(*base, *arch), color)
        }
        Command::Show(args) => {
            let Some(gate) = registry.get(&args.name) else {
                return Ok(unknown(registry, &args.name, err));
            };
            show::render(gate, registry, args.format)
        }
        Command::Explain(args) => {
            if registry.get(&args.name).is_none() {
                return Ok(unknown(registry, &args.name, err));
            }
            match explain::render(registry, args) {
                Ok(rendered) => rendered,
                Err(error) => return Ok(fail(err, "error: ", &*error)),
            }
        }
        Command::Graph(GraphArgs { all, format }) => {
            let graph = registry.graph().with_all(*all);
            match format {
                GraphFormat::Text => graph.to_string(),
                GraphFormat::Json => graph.to_json(),
                GraphFormat::Mermaid => graph.to_mermaid(),
                GraphFormat::Markdown => graph.to_markdown(),
                GraphFormat::Dot => graph.to_dot(),
            }
        }
        Command::Check(args) => match check(registry, args) {
            Ok((rendered, warnings)) => {
                // Text form: the list alone on stdout, so a pipe reads gate
                // names only, then the warnings on stderr.
                out.write_all(rendered.as_bytes())?;
                out.flush()?;
                err.write_all(warnings.as_bytes())?;
                err.flush()?;
                return Ok(exit);
            }
            Err(error) => return Ok(fail(err, "error: ", &*error)),
        },
        Command::Schema => super::pretty_json(&registry.schema()),
        #[cfg(feature = "evidence")]
        Command::Evidence(args) => {
            let outcome = super::evidence::run(registry, args, color);
            if !outcome.stderr.is_empty() {
                let _ = err
                    .write_all(outcome.stderr.as_bytes())
                    .and_then(|()| err.flush());
            }
            exit = outcome.exit;
            outcome.stdout
        }
        Command::Lint(args) => {
            let (rendered, findings) = lint::render(registry, args);
            if findings > 0 {
                exit = Exit::FAILURE;
            }
            rendered
        }
    };
    out.write_all(rendered.as_bytes())?;
    Ok(exit)
}

/// Reports a name the registry does not know, with the nearest one.
fn unknown(registry: &Registry, name: &str, err: &mut dyn Write) -> Exit {
    let unknown = ConfigProblem::UnknownGate {
        name: name.to_owned(),
        suggestion: registry.suggest(name),
        severity: Severity::Refusal,
    };
    // The lookup's answer is the message itself, as written.
    fail(err, "", &unknown)
}

/// Reports why a command failed on stderr, each line of the message after
/// `prefix`; a failure to say so changes nothing about the exit.
fn fail(err: &mut dyn Write, prefix: &str, error: &dyn fmt::Display) -> Exit {
    let mut text = String::new();
    for line in error.to_string().lines() {
        let _ = writeln!(text, "{prefix}{line}");
    }
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
    Exit::FAILURE
}

/// The gates `list` keeps. Each filter given must hold; the values within
/// one filter are alternatives.
fn list(registry: &Registry, args: &ListArgs) -> Matrix {
    let archs: &[Arch] = if args.archs.is_empty() {
        &Arch::ALL
    } else {
        &args.archs
    };
    let mut matrix = match args.at {
        Some(version) => registry.matrix_at(version),
        None => registry.matrix(),
    };
    let shown = matrix.clone();
    matrix.retain(|gate| {
        let state_ok = args.states.is_empty() || args.states.contains(&shown.state_of(gate));
        let support_ok = if !args.supports.is_empty() {
            archs
                .iter()
                .any(|&arch| args.supports.contains(&gate.status(arch)))
        } else if !args.archs.is_empty() {
            archs
                .iter()
                .any(|&arch| gate.status(arch) != Status::Unspecified)
        } else {
            true
        };
        state_ok && support_ok
    });
    matrix
}

/// Why the sources could not be read: one problem a line, each with its
/// causes (a single problem's chain on its line, as for any error).
pub(super) fn sources_error(error: &crate::SourceError) -> String {
    if error.problems().len() > 1 {
        error.to_string()
    } else {
        crate::ErrorChain::new(error).to_string()
    }
}

/// Evaluates the configuration: the enabled gates (for several
/// architectures, each with where it is on: an `archs` column, or the JSON
/// key `archs` mapping each enabled gate to its architectures) for stdout
/// and each warning one per line for stderr (or one JSON document for
/// stdout holding both), or the reason the configuration is refused.
fn check(registry: &Registry, args: &CheckArgs) -> Result<(String, String), Box<dyn fmt::Display>> {
    let sources = args
        .gates
        .sources()
        .map_err(|e| Box::new(sources_error(&e)) as _)?;
    let set = registry
        .evaluate(&sources.config(), &args.gates.options())
        .map_err(|e| Box::new(e) as _)?;
    // A warning quoting a multi-line message still takes one line.
    let warnings = set
        .warnings()
        .iter()
        .map(|w| w.to_string().replace(['\n', '\r'], " "));
    // A cluster (several `--arch`): where each enabled gate is on.
    let cluster = set.evaluated_archs().len() > 1;
    Ok(match args.format {
        TextOrJson::Text => {
            let mut text = String::new();
            if cluster {
                let width = set
                    .enabled()
                    .map(|g| g.name().len())
                    .max()
                    .unwrap_or(0)
                    .max("name".len());
                let _ = writeln!(text, "{:width$}  archs", "name");
                for gate in set.enabled() {
                    let _ = writeln!(text, "{:width$}  {}", gate.name(), set.archs(gate.name()));
                }
            } else {
                for gate in set.enabled() {
                    text.push_str(gate.name());
                    text.push('\n');
                }
            }
            let mut warned = String::new();
            for warning in warnings {
                let _ = writeln!(warned, "warning: {warning}");
            }
            (text, warned)
        }
        TextOrJson::Json => {
            let names: Vec<&str> = set.enabled().map(crate::Gate::name).collect();
            let warnings: Vec<String> = warnings.collect();
            let mut json = serde_json::json!({ "enabled": names, "warnings": warnings });
            if cluster {
                let archs: serde_json::Map<String, serde_json::Value> = set
                    .enabled()
                    .map(|g| (g.name().to_owned(), serde_json::json!(set.archs(g.name()))))
                    .collect();
                json["archs"] = serde_json::Value::Object(archs);
            }
            (super::pretty_json(&json), String::new())
        }
    })
}
