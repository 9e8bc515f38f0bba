//! What the integration tests share: a command line run over a registry
//! into buffers, without a process (`cli.rs`), the kubelet's update of a
//! `ConfigMap` volume (`kubelet.rs`, included by path where needed), and
//! (feature `tracing`) a subscriber that records events. Each test file is
//! a crate of its own and uses what it needs of this, so the rest is dead
//! code there.
#![allow(dead_code)]

#[cfg(feature = "tracing")]
pub(crate) mod recorder;

pub(crate) mod child;
pub(crate) mod cli;
