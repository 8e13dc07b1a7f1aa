//! Request and response types of the wire, one file per area. Every type is a named
//! schema in `components.schemas` with the reference's name.

pub mod access;
pub mod agents;
pub mod auth;
pub mod catalogs;
pub mod checks;
pub mod common;
pub mod cooks;
pub mod flight_sheets;
pub mod membership;
pub mod org;
pub mod receipts;
pub mod runs;
pub mod stack;

pub use access::*;
pub use agents::*;
pub use auth::*;
pub use catalogs::*;
pub use checks::*;
pub use common::*;
pub use cooks::*;
pub use flight_sheets::*;
pub use membership::*;
pub use org::*;
pub use receipts::*;
pub use runs::*;
pub use stack::*;
