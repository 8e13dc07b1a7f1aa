//! Observability: request-id log lines ([`logs`]) and the process's counters
//! ([`metrics`]); their settings live in `config::observability`.

pub mod logs;
pub mod metrics;

pub use crate::config::observability::{Observability, ObservabilityArgs};
