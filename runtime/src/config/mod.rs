//! What a program is told to enable and disable, and where it comes from:
//! [`GateConfig`], the flag form, the serde shape, files and `KubeVirt` CRs,
//! layered [`Sources`]. Plain data: nothing here knows evaluation.

pub(crate) mod file;
pub(crate) mod file_kind;
mod gate_config;
#[cfg(feature = "serde")]
pub(crate) mod kubevirt_cr;
pub(crate) mod parse_error;
#[cfg(feature = "serde")]
mod schema;
#[cfg(feature = "serde")]
mod serde_shape;
pub(crate) mod source_error;
mod sources;
#[cfg(feature = "yaml")]
mod yaml_events;

pub use gate_config::GateConfig;
pub use parse_error::ParseError;
#[cfg(feature = "serde")]
pub use schema::schema;
pub use source_error::{MAX_FILE_BYTES, SourceError};
pub use sources::Sources;
