//! The arguments of each subcommand.

use clap::{Args, ValueEnum};

use super::{Format, GateArgs, TextOrJson};
use crate::{Arch, State, Status, Version};

/// Arguments of `list`.
#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// Keep gates that specify support on ARCH (with --support: that support there). Repeatable.
    #[arg(long = "arch", value_name = "ARCH", value_delimiter = ',')]
    pub(super) archs: Vec<Arch>,
    /// Keep gates with STATUS (supported, pending, unsupported, unverified, unspecified) on
    /// the --arch architectures, or on any architecture without --arch. Repeatable.
    #[arg(long = "support", value_name = "STATUS", value_delimiter = ',')]
    pub(super) supports: Vec<Status>,
    /// Keep gates in STATE (alpha, beta, ga, deprecated, discontinued). Repeatable.
    #[arg(long = "state", value_name = "STATE", value_delimiter = ',')]
    pub(super) states: Vec<State>,
    /// List the gates as of release VERSION (v1.7, 1.7.0): each in its state then, the gates
    /// not yet introduced left out.
    #[arg(long, value_name = "VERSION")]
    pub(super) at: Option<Version>,
    #[command(flatten)]
    pub(super) format: FormatArg,
}

/// Arguments of `show`.
#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// The gate's name, as configurations spell it.
    pub(super) name: String,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = TextOrJson::Text)]
    pub(super) format: TextOrJson,
}

/// Arguments of `matrix` and `coverage`.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// Report on ARCH only (default: every architecture); repeatable. Columns stay in
    /// architecture order.
    #[arg(long = "arch", value_name = "ARCH", value_delimiter = ',')]
    pub(super) archs: Vec<Arch>,
    /// Report as of release VERSION (v1.7, 1.7.0): each gate in its state then, the gates not
    /// yet introduced left out.
    #[arg(long, value_name = "VERSION")]
    pub(super) at: Option<Version>,
    #[command(flatten)]
    pub(super) format: FormatArg,
}

/// Arguments of `parity`.
#[derive(Debug, Clone, Args)]
pub struct ParityArgs {
    /// The architecture compared with the base.
    #[arg(long, value_name = "ARCH")]
    pub(super) arch: Arch,
    /// The reference architecture.
    #[arg(long, value_name = "ARCH", default_value = "amd64")]
    pub(super) base: Arch,
    #[command(flatten)]
    pub(super) format: FormatArg,
}

/// Arguments of `check`: the configuration's sources and how to evaluate
/// it ([`GateArgs`], with `--config` for `--feature-gates-file` and `--at`
/// for `--emulated-version`), and the output format.
#[derive(Debug, Clone, Args)]
#[command(
    mut_arg(GateArgs::FILES_ID, |arg| arg.visible_alias("config")),
    mut_arg(GateArgs::EMULATED_VERSION_ID, |arg| arg.visible_alias("at")),
)]
pub struct CheckArgs {
    #[command(flatten)]
    pub(super) gates: GateArgs,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = TextOrJson::Text)]
    pub(super) format: TextOrJson,
}

/// Arguments of `explain`: the gate, then the same inputs as `check`.
#[derive(Debug, Clone, Args)]
#[command(
    mut_arg(GateArgs::FILES_ID, |arg| arg.visible_alias("config")),
    mut_arg(GateArgs::EMULATED_VERSION_ID, |arg| arg.visible_alias("at")),
)]
pub struct ExplainArgs {
    /// The gate's name, as configurations spell it.
    pub(super) name: String,
    #[command(flatten)]
    pub(super) gates: GateArgs,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = TextOrJson::Text)]
    pub(super) format: TextOrJson,
}

/// Arguments of `lint`: the release to judge at and the policy's limits
/// (`KubeVirt`'s by default).
#[derive(Debug, Clone, Args)]
pub struct LintArgs {
    /// The current release (v1.9, 1.9.0).
    #[arg(long, value_name = "VERSION")]
    pub(super) version: Version,
    /// Minor releases a gate may stay Alpha [default: 2].
    #[arg(long, value_name = "N")]
    pub(super) alpha_releases: Option<u32>,
    /// Minor releases a gate may stay Beta [default: 3].
    #[arg(long, value_name = "N")]
    pub(super) beta_releases: Option<u32>,
    /// Minor releases a gate may stay Deprecated before it is Discontinued [default: 1].
    #[arg(long, value_name = "N")]
    pub(super) deprecated_releases: Option<u32>,
    /// Also report the gates with no recorded history (no stage key, no version), which
    /// the policy cannot judge.
    #[arg(long)]
    pub(super) require_history: bool,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = TextOrJson::Text)]
    pub(super) format: TextOrJson,
}

/// The `--format` of the reports.
#[derive(Debug, Clone, Args)]
pub struct FormatArg {
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Text)]
    pub(super) format: Format,
}

/// Arguments of `graph`.
#[derive(Debug, Clone, Args)]
pub struct GraphArgs {
    /// Draw the gates without requirements too.
    #[arg(long)]
    pub(super) all: bool,
    /// Output format: text (one `A -> B` line per requirement), json, mermaid, markdown (a
    /// fenced Mermaid block), dot.
    #[arg(long, value_enum, ignore_case = true, default_value_t = GraphFormat::Text)]
    pub(super) format: GraphFormat,
}

/// How `graph` draws the requirements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, ValueEnum)]
#[non_exhaustive]
pub enum GraphFormat {
    /// One `A -> B` line per requirement.
    #[default]
    Text,
    /// Pretty-printed JSON: each gate with `requires` and `required_by`.
    Json,
    /// A Mermaid flowchart.
    Mermaid,
    /// The Mermaid flowchart in a fenced Markdown block.
    Markdown,
    /// A Graphviz digraph.
    Dot,
}
