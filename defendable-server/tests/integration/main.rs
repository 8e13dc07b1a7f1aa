//! The server's integration tests, in one test binary (each file a module): one link
//! of the whole server instead of one per file, which dominates a test cycle on a
//! small machine. Run one area with `cargo test -p defendable-server --test integration
//! -- NAME::`, e.g. `-- contract::`.

#[macro_use]
mod common;
mod processes;

mod access;
mod agents;
mod architecture;
mod authorization;
mod bad_input;
mod catalogs;
mod check_sheets;
mod connections;
mod contract;
mod cooks;
mod crash;
mod e2e;
mod evidence_bounds;
mod hardening;
mod hostile;
mod invites;
mod membership;
mod multi_process;
mod observability;
mod page;
mod paging;
mod s3;
mod transparency;
