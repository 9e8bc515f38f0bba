//! The catalogue, one module per area of KubeVirt. A gate's area is where
//! its feature lives; its `owner` is the SIG KubeVirt names for it, where it
//! names one. Within a module, the gates follow the lifecycle (Alpha, Beta,
//! GA, Deprecated, Discontinued), then their names.

pub mod compute;
pub mod confidential;
pub mod devices;
pub mod extensions;
pub mod migration;
pub mod network;
pub mod observability;
pub mod security;
pub mod storage;
