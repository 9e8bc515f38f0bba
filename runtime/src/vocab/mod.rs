//! The words of a declaration: architectures, states, support values,
//! versions and gate names, each with its spellings, `FromStr` and `Display`.

mod arch;
mod arch_set;
pub(crate) mod name;
mod state;
mod support;
mod version;
pub(crate) mod vocabulary;

pub use arch::Arch;
pub use arch_set::ArchSet;
pub use state::State;
pub use support::{Status, Support};
pub use version::{ParseVersionError, Version};
pub use vocabulary::ParseValueError;
