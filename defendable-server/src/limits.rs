//! Per-key rate limits for the routes that attackers like: magic-link requests
//! (per email and per client address), token exchanges (`/auth/verify`,
//! `/auth/accept-invite`, per address), receipt mints (per organisation) and the
//! public log routes that read a whole chain (`/share/{token}/proof` and
//! `/share/{token}/log/...`, per address).
//!
//! Each limit is a GCRA bucket (the `governor` crate): `N` per minute allows a
//! burst of `N` and refills one every `60/N` seconds. A refusal is a 429 whose
//! `retry_after` the HTTP layer sends as `Retry-After`. A limit of 0 turns that
//! limit off. The state is per process: behind a load balancer each process
//! counts on its own, which bounds abuse without any shared store.

use std::hash::Hash;
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};

use defendable_contract::api::ApiError;

/// The request header through which the HTTP layer hands the client address
/// to the handlers, as `<secret> <address>`. Any copy sent by a client is
/// removed by the layer; without the process's secret the header is ignored.
pub const PEER_HEADER: &str = "x-defendable-peer";

/// How often (in checks) idle keys are dropped from the tables.
const SWEEP_EVERY: u64 = 1024;

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

/// One keyed bucket set, or nothing when the limit is off.
struct Bucket<K: Hash + Eq + Clone> {
    limiter: Option<DefaultKeyedRateLimiter<K>>,
    what: &'static str,
}

impl<K: Hash + Eq + Clone> Bucket<K> {
    fn new(per_minute: u32, what: &'static str) -> Self {
        Bucket {
            limiter: NonZeroU32::new(per_minute)
                .map(|n| DefaultKeyedRateLimiter::keyed(Quota::per_minute(n))),
            what,
        }
    }

    fn check(&self, key: &K) -> Result<(), ApiError> {
        let Some(limiter) = &self.limiter else {
            return Ok(());
        };
        limiter.check_key(key).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            // Round up: retrying after the advertised time must succeed.
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            ApiError::too_many_requests(
                format!("too many {}; retry in {} s", self.what, secs.max(1)),
                secs,
            )
        })
    }

    fn sweep(&self) {
        if let Some(limiter) = &self.limiter {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}

/// The server's rate limiters.
pub struct Limits {
    auth_email: Bucket<String>,
    auth_address: Bucket<IpAddr>,
    verify_address: Bucket<IpAddr>,
    invite_address: Bucket<IpAddr>,
    mint_org: Bucket<String>,
    log_address: Bucket<IpAddr>,
    peer_secret: String,
    checks: AtomicU64,
}

impl Limits {
    pub fn new(settings: LimitSettings) -> Limits {
        Limits {
            auth_email: Bucket::new(settings.auth_per_email, "sign-in requests for this email"),
            auth_address: Bucket::new(
                settings.auth_per_address,
                "sign-in requests from this address",
            ),
            verify_address: Bucket::new(
                settings.verify_per_address,
                "sign-in attempts from this address",
            ),
            invite_address: Bucket::new(
                settings.verify_per_address,
                "invite attempts from this address",
            ),
            mint_org: Bucket::new(settings.mint_per_org, "receipt mints for this organisation"),
            log_address: Bucket::new(
                settings.log_per_address,
                "proof and log requests from this address",
            ),
            peer_secret: crate::ids::random_token(24),
            checks: AtomicU64::new(0),
        }
    }

    /// `POST /auth/request`: per client address, then per (normalised) email.
    pub fn auth_request(&self, email: &str, client: IpAddr) -> Result<(), ApiError> {
        self.tick();
        self.auth_address.check(&client)?;
        self.auth_email.check(&email.trim().to_lowercase())
    }

    /// `POST /auth/verify`: per client address.
    pub fn auth_verify(&self, client: IpAddr) -> Result<(), ApiError> {
        self.tick();
        self.verify_address.check(&client)
    }

    /// `POST /auth/accept-invite`: per client address.
    pub fn accept_invite(&self, client: IpAddr) -> Result<(), ApiError> {
        self.tick();
        self.invite_address.check(&client)
    }

    /// A receipt mint: per organisation.
    pub fn mint(&self, org_id: &str) -> Result<(), ApiError> {
        self.tick();
        self.mint_org.check(&org_id.to_string())
    }

    /// `GET /share/{token}/proof` and `/share/{token}/log/...`: per client address.
    pub fn public_log(&self, client: IpAddr) -> Result<(), ApiError> {
        self.tick();
        self.log_address.check(&client)
    }

    /// The secret the HTTP layer proves itself with in [`PEER_HEADER`].
    pub fn peer_secret(&self) -> &str {
        &self.peer_secret
    }

    /// The client's address: the one the HTTP layer vouched for (it applies
    /// the trusted-proxy setting), else the TCP peer.
    pub fn client_address(&self, headers: &http::HeaderMap, remote: SocketAddr) -> IpAddr {
        headers
            .get(PEER_HEADER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(' '))
            .filter(|(secret, _)| {
                use subtle::ConstantTimeEq as _;
                bool::from(secret.as_bytes().ct_eq(self.peer_secret.as_bytes()))
            })
            .and_then(|(_, address)| address.parse().ok())
            .unwrap_or_else(|| remote.ip())
    }

    /// Drops idle keys now and then so the tables stay small.
    fn tick(&self) {
        if self.checks.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            self.auth_email.sweep();
            self.auth_address.sweep();
            self.verify_address.sweep();
            self.invite_address.sweep();
            self.mint_org.sweep();
            self.log_address.sweep();
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new(LimitSettings::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn auth_request_is_limited_per_email_and_per_address() {
        let limits = Limits::new(LimitSettings {
            auth_per_email: 2,
            auth_per_address: 3,
            ..LimitSettings::default()
        });
        let a = ip("192.0.2.1");
        limits.auth_request("x@example.com", a).unwrap();
        limits.auth_request(" X@Example.com ", a).unwrap();
        let refused = limits
            .auth_request("x@example.com", ip("192.0.2.9"))
            .unwrap_err();
        assert_eq!(refused.status(), 429);
        assert!(refused.retry_after.unwrap() >= 1);
        assert!(refused.detail.contains("email"), "{}", refused.detail);
        // Another email from the first address: its third request is allowed
        // (the refused one above came from elsewhere), the fourth is not.
        limits.auth_request("y@example.com", a).unwrap();
        let refused = limits.auth_request("z@example.com", a).unwrap_err();
        assert!(refused.detail.contains("address"), "{}", refused.detail);
        limits
            .auth_request("z@example.com", ip("2001:db8::1"))
            .unwrap();
    }

    #[test]
    fn verify_invite_and_mint_have_their_own_buckets() {
        let limits = Limits::new(LimitSettings {
            verify_per_address: 1,
            mint_per_org: 2,
            ..LimitSettings::default()
        });
        let a = ip("198.51.100.7");
        limits.auth_verify(a).unwrap();
        assert_eq!(limits.auth_verify(a).unwrap_err().status(), 429);
        limits.accept_invite(a).unwrap();
        assert_eq!(limits.accept_invite(a).unwrap_err().status(), 429);
        limits.auth_verify(ip("198.51.100.8")).unwrap();
        limits.mint("org-1").unwrap();
        limits.mint("org-1").unwrap();
        let refused = limits.mint("org-1").unwrap_err();
        assert_eq!(refused.status(), 429);
        // One mint per 30 s refills: the wait is rounded up to whole seconds.
        assert!((1..=30).contains(&refused.retry_after.unwrap()));
        limits.mint("org-2").unwrap();
    }

    #[test]
    fn the_public_log_is_limited_per_address() {
        let limits = Limits::new(LimitSettings {
            log_per_address: 2,
            ..LimitSettings::default()
        });
        let a = ip("192.0.2.40");
        limits.public_log(a).unwrap();
        limits.public_log(a).unwrap();
        let refused = limits.public_log(a).unwrap_err();
        assert_eq!(refused.status(), 429);
        assert!(refused.detail.contains("log"), "{}", refused.detail);
        limits.public_log(ip("192.0.2.41")).unwrap();
    }

    #[test]
    fn zero_turns_a_limit_off() {
        let limits = Limits::new(LimitSettings {
            auth_per_email: 0,
            auth_per_address: 0,
            verify_per_address: 0,
            mint_per_org: 0,
            log_per_address: 0,
        });
        for _ in 0..2000 {
            limits
                .auth_request("x@example.com", ip("192.0.2.1"))
                .unwrap();
            limits.mint("org").unwrap();
        }
    }

    #[test]
    fn the_peer_header_needs_the_secret() {
        let limits = Limits::default();
        let remote: SocketAddr = "127.0.0.1:4000".parse().unwrap();
        let mut headers = http::HeaderMap::new();
        assert_eq!(limits.client_address(&headers, remote), ip("127.0.0.1"));
        headers.insert(PEER_HEADER, "forged 203.0.113.5".parse().unwrap());
        assert_eq!(limits.client_address(&headers, remote), ip("127.0.0.1"));
        let vouched = format!("{} 203.0.113.5", limits.peer_secret());
        headers.insert(PEER_HEADER, vouched.parse().unwrap());
        assert_eq!(limits.client_address(&headers, remote), ip("203.0.113.5"));
    }
}
