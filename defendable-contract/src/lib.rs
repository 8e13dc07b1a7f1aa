//! The defendable contract: wire types, doctrine enums, the API trait, canonical JSON
//! and every receipt verification routine. Pure: no I/O.

pub mod canonical;
pub mod checkpoint;
pub mod doctrine;
pub mod merkle;
pub mod note;
pub mod receipt;
pub mod receipt_kinds;
pub mod schemas;
pub mod transparency;

#[cfg(feature = "api")]
pub mod api;

/// The API version published in `openapi.json`.
pub const API_VERSION: &str = "1.0.0";
