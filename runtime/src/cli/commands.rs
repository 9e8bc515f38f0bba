//! What each subcommand does, writing into the given streams. Each report is
//! rendered whole and written with one `write_all`, so a closed pipe surfaces
//! as one `BrokenPipe` error that the caller turns into a quiet exit.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{CheckArgs, Command, FAILURE, Format, ListArgs, ParityArgs, Status};
use crate::report::Color;
use crate::{
    Action, Arch, ArchPolicy, ConfigProblem, Coverage, Gate, GateConfig, Matrix, Options, Parity,
    Registry,
};

pub(super) fn execute(
    command: &Command,
    registry: &Registry,
    color: Color,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    match command {
        Command::List(args) => {
            let matrix = list(registry, args);
            out.write_all(render(&matrix, args.format.format, color).as_bytes())?;
        }
        Command::Show(args) => {
            let Some(gate) = registry.get(&args.name) else {
                let unknown = ConfigProblem::UnknownGate {
                    name: args.name.clone(),
                    suggestion: registry.suggest(&args.name),
                };
                writeln!(err, "{unknown}")?;
                return Ok(FAILURE);
            };
            out.write_all(show(gate).as_bytes())?;
        }
        Command::Matrix(format) => {
            out.write_all(render(&registry.matrix(), format.format, color).as_bytes())?;
        }
        Command::Coverage(format) => {
            out.write_all(render(&registry.coverage(), format.format, color).as_bytes())?;
        }
        Command::Parity(ParityArgs { arch, base, format }) => {
            let parity = registry.parity_report(*base, *arch);
            out.write_all(render(&parity, format.format, color).as_bytes())?;
        }
        Command::Check(args) => return check(registry, args, out, err),
    }
    Ok(0)
}

/// The four forms every report has.
trait Report {
    fn text(&self, color: Color) -> String;
    fn markdown(&self) -> String;
    fn csv(&self) -> String;
    fn json(&self) -> String;
}

macro_rules! report {
    ($($ty:ty),+) => {$(
        impl Report for $ty {
            fn text(&self, color: Color) -> String {
                <$ty>::text(self, color).to_string()
            }
            fn markdown(&self) -> String {
                self.to_markdown()
            }
            fn csv(&self) -> String {
                self.to_csv()
            }
            fn json(&self) -> String {
                self.to_json()
            }
        }
    )+};
}

report!(Matrix, Coverage, Parity);

fn render(report: &impl Report, format: Format, color: Color) -> String {
    match format {
        Format::Text => report.text(color),
        Format::Markdown => report.markdown(),
        Format::Csv => report.csv(),
        Format::Json => report.json(),
    }
}

/// The gates `list` keeps. Each filter given must hold; the values within
/// one filter are alternatives.
fn list(registry: &Registry, args: &ListArgs) -> Matrix {
    let archs: &[Arch] = if args.archs.is_empty() {
        &Arch::ALL
    } else {
        &args.archs
    };
    let mut matrix = registry.matrix();
    matrix.retain(|gate| {
        let state_ok = args.states.is_empty() || args.states.contains(&gate.state());
        let support_ok = if !args.supports.is_empty() {
            archs
                .iter()
                .any(|&arch| args.supports.iter().any(|s| s.0 == gate.support(arch)))
        } else if !args.archs.is_empty() {
            archs.iter().any(|&arch| gate.support(arch).is_some())
        } else {
            true
        };
        state_ok && support_ok
    });
    matrix
}

/// Every field of one gate, one per line; continuation lines indented.
fn show(gate: &Gate) -> String {
    const WIDTH: usize = 12;
    let mut text = String::new();
    let mut field = |label: &str, value: &str| {
        let mut lines = value.lines();
        let first = format!("{label:WIDTH$}{}", lines.next().unwrap_or_default());
        for line in std::iter::once(first).chain(lines.map(|line| format!("{:WIDTH$}{line}", ""))) {
            text.push_str(line.trim_end());
            text.push('\n');
        }
    };
    let location = gate.location();
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
    field("location", &location.to_string());
    field("used_by", if gate.has_used_by() { "yes" } else { "no" });
    field("support", "");
    for arch in Arch::ALL {
        let support = gate.support(arch).map_or("-", |s| s.as_str());
        let value = match gate.reason(arch) {
            Some(reason) => format!("{support}: {reason}"),
            None => support.to_owned(),
        };
        field(&format!("  {arch}"), &value);
    }
    text
}

/// Evaluates the configuration; prints the enabled gates, then each warning,
/// one per line. A refused configuration goes to stderr with exit 1.
fn check(
    registry: &Registry,
    args: &CheckArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let config = match GateConfig::parse(&args.feature_gates) {
        Ok(config) => config,
        Err(error) => {
            writeln!(err, "error: {error}")?;
            return Ok(FAILURE);
        }
    };
    let mut policy = ArchPolicy::default();
    for status in &args.deny {
        *match status {
            Status::Unsupported => &mut policy.unsupported,
            Status::Pending => &mut policy.pending,
            Status::Unverified => &mut policy.unverified,
            Status::Unspecified => &mut policy.unspecified,
        } = Action::Deny;
    }
    let mut options = Options::default()
        .with_policy(policy)
        .with_strict(args.strict);
    if !args.archs.is_empty() {
        options = options.with_archs(args.archs.iter().copied());
    }
    match registry.evaluate(&config, &options) {
        Ok(set) => {
            let mut text = String::new();
            for gate in set.enabled() {
                text.push_str(gate.name());
                text.push('\n');
            }
            for warning in set.warnings() {
                let _ = writeln!(text, "warning: {warning}");
            }
            out.write_all(text.as_bytes())?;
            Ok(0)
        }
        Err(error) => {
            writeln!(err, "error: {error}")?;
            Ok(FAILURE)
        }
    }
}
