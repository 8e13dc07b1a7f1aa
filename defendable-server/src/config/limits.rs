//! Rate-limit settings: requests per minute for each limited route.

/// The configured limits, in requests per minute (0 = unlimited).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LimitSettings {
    /// `/auth/request`, per email address.
    pub auth_per_email: u32,
    /// `/auth/request`, per client address.
    pub auth_per_address: u32,
    /// `/auth/verify` and `/auth/accept-invite`, per client address (each route its own bucket).
    pub verify_per_address: u32,
    /// Receipt mints, per organisation.
    pub mint_per_org: u32,
    /// The public proof and log routes, per client address.
    pub log_per_address: u32,
}

impl Default for LimitSettings {
    fn default() -> Self {
        LimitSettings {
            auth_per_email: 5,
            auth_per_address: 20,
            verify_per_address: 30,
            mint_per_org: 120,
            log_per_address: 120,
        }
    }
}
