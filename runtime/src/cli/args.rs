//! The arguments of each subcommand.

use clap::{Args, ValueEnum};

use super::{Format, GateArgs, TextOrJson};
use crate::{Arch, State, Status};

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
/// it ([`GateArgs`], with `--config` for `--feature-gates-file`), and the
/// output format.
#[derive(Debug, Clone, Args)]
#[command(mut_arg(GateArgs::FILES_ID, |arg| arg.visible_alias("config")))]
pub struct CheckArgs {
    #[command(flatten)]
    pub(super) gates: GateArgs,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = TextOrJson::Text)]
    pub(super) format: TextOrJson,
}

/// Arguments of `explain`: the gate, then the same inputs as `check`.
#[derive(Debug, Clone, Args)]
#[command(mut_arg(GateArgs::FILES_ID, |arg| arg.visible_alias("config")))]
pub struct ExplainArgs {
    /// The gate's name, as configurations spell it.
    pub(super) name: String,
    #[command(flatten)]
    pub(super) gates: GateArgs,
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
