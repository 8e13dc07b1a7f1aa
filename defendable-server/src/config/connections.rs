//! Connection-guard settings: how many client connections may be open, and
//! how long and how slowly a client may send.

use std::time::Duration;

/// Descriptors kept free for everything but client connections: standard
/// streams, logs, the runtime, listeners, the database pool and migrations.
pub const RESERVED_DESCRIPTORS: u64 = 256;
/// Descriptors one client connection may hold at worst: its socket, both ends
/// of the pooled connection to the router, and a blob file.
pub const DESCRIPTORS_PER_CONNECTION: u64 = 4;
/// The fewest connections the default allows, whatever the descriptor limit.
const MIN_CONNECTIONS: u64 = 16;

/// The guard's settings, resolved from the configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectionSettings {
    /// Time to send a complete request head, from connecting or from the first
    /// byte of a later request.
    pub header_timeout: Duration,
    /// Time a connection may sit between requests.
    pub idle_timeout: Duration,
    /// Fewest request-body bytes per second, averaged over `body_rate_window`.
    pub body_min_bytes_per_sec: u64,
    pub body_rate_window: Duration,
    /// Most client connections open at once.
    pub max_connections: usize,
}

/// The default bound on connections: what the process's descriptor limit
/// (`RLIMIT_NOFILE`) leaves after [`RESERVED_DESCRIPTORS`], divided by
/// [`DESCRIPTORS_PER_CONNECTION`].
pub fn default_max_connections() -> usize {
    let limit = rustix::process::getrlimit(rustix::process::Resource::Nofile)
        .current
        .unwrap_or(1 << 20)
        .min(1 << 20);
    (limit.saturating_sub(RESERVED_DESCRIPTORS) / DESCRIPTORS_PER_CONNECTION).max(MIN_CONNECTIONS)
        as usize
}
