//! Per-key rate limits for the routes that attackers like: magic-link requests
//! (per email and per client address), token exchanges (`/auth/verify`,
//! `/auth/accept-invite`, per address), receipt mints (per organisation) and the
//! public log routes that read a whole chain (`/share/{token}/proof` and
//! `/share/{token}/log/...`, per address).
//!
//! A refusal is a 429 whose `retry_after` the HTTP layer sends as `Retry-After`.
//! A limit of 0 turns that limit off. Where the counts live depends on the
//! database:
//! - SQLite (one process): in this process, as GCRA buckets (the `governor`
//!   crate): `N` per minute allows a burst of `N` and refills one every `60/N` s.
//! - PostgreSQL (any number of processes): in the database, one upsert per check
//!   into a fixed one-minute window per key (`store::rate_limits`), so `N` per
//!   minute holds for the whole deployment, not per process.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};

use crate::error::Error;

pub use crate::config::limits::LimitSettings;
use crate::store::{rate_limits, Backend, Db};

/// The request header through which the HTTP layer hands the client address
/// to the handlers, as `<secret> <address>`. Any copy sent by a client is
/// removed by the layer; without the process's secret the header is ignored.
pub const PEER_HEADER: &str = "x-defendable-peer";

/// How often (in checks) idle keys are dropped from the tables.
const SWEEP_EVERY: u64 = 1024;

/// The length of a shared (database) window, in seconds.
const WINDOW_SECS: i64 = 60;

/// The limited things; each has its own buckets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    AuthEmail,
    AuthAddress,
    VerifyAddress,
    InviteAddress,
    MintOrg,
    LogAddress,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::AuthEmail,
        Kind::AuthAddress,
        Kind::VerifyAddress,
        Kind::InviteAddress,
        Kind::MintOrg,
        Kind::LogAddress,
    ];

    fn per_minute(self, settings: &LimitSettings) -> u32 {
        match self {
            Kind::AuthEmail => settings.auth_per_email,
            Kind::AuthAddress => settings.auth_per_address,
            Kind::VerifyAddress | Kind::InviteAddress => settings.verify_per_address,
            Kind::MintOrg => settings.mint_per_org,
            Kind::LogAddress => settings.log_per_address,
        }
    }

    /// The bucket-name prefix in the database.
    fn name(self) -> &'static str {
        match self {
            Kind::AuthEmail => "auth-email",
            Kind::AuthAddress => "auth-address",
            Kind::VerifyAddress => "verify-address",
            Kind::InviteAddress => "invite-address",
            Kind::MintOrg => "mint-org",
            Kind::LogAddress => "log-address",
        }
    }

    /// What a refusal says there were too many of.
    fn what(self) -> &'static str {
        match self {
            Kind::AuthEmail => "sign-in requests for this email",
            Kind::AuthAddress => "sign-in requests from this address",
            Kind::VerifyAddress => "sign-in attempts from this address",
            Kind::InviteAddress => "invite attempts from this address",
            Kind::MintOrg => "receipt mints for this organisation",
            Kind::LogAddress => "proof and log requests from this address",
        }
    }
}

fn refusal(kind: Kind, secs: u64) -> Error {
    let secs = secs.max(1);
    Error::rate_limited(
        format!("too many {}; retry in {} s", kind.what(), secs),
        secs,
    )
}

/// Where the counts live.
enum Counters {
    /// In this process: one keyed GCRA table per kind (None when the limit is off).
    Local(Vec<(Kind, Option<DefaultKeyedRateLimiter<String>>)>),
    /// In the shared database.
    Shared(Db),
}

/// The server's rate limiters.
pub struct Limits {
    settings: LimitSettings,
    counters: Counters,
    peer_secret: String,
    checks: AtomicU64,
}

impl Limits {
    /// Limits counted in this process.
    pub fn new(settings: LimitSettings) -> Limits {
        let tables = Kind::ALL
            .iter()
            .map(|&kind| {
                let table = NonZeroU32::new(kind.per_minute(&settings))
                    .map(|n| DefaultKeyedRateLimiter::keyed(Quota::per_minute(n)));
                (kind, table)
            })
            .collect();
        Limits::with(settings, Counters::Local(tables))
    }

    /// Limits counted in the database when it is PostgreSQL (shared by every
    /// process of the deployment), else in this process.
    pub fn for_database(settings: LimitSettings, db: &Db) -> Limits {
        match db.backend {
            Backend::Postgres => Limits::with(settings, Counters::Shared(db.clone())),
            Backend::Sqlite => Limits::new(settings),
        }
    }

    fn with(settings: LimitSettings, counters: Counters) -> Limits {
        Limits {
            settings,
            counters,
            peer_secret: crate::ids::random_token(24),
            checks: AtomicU64::new(0),
        }
    }

    /// True when the counts are kept in the shared database.
    pub fn shared(&self) -> bool {
        matches!(self.counters, Counters::Shared(_))
    }

    /// `POST /auth/request`: per client address, then per (normalised) email.
    pub async fn auth_request(&self, email: &str, client: IpAddr) -> Result<(), Error> {
        self.check(Kind::AuthAddress, &client.to_string()).await?;
        self.check(Kind::AuthEmail, &email.trim().to_lowercase())
            .await
    }

    /// `POST /auth/verify`: per client address.
    pub async fn auth_verify(&self, client: IpAddr) -> Result<(), Error> {
        self.check(Kind::VerifyAddress, &client.to_string()).await
    }

    /// `POST /auth/accept-invite`: per client address.
    pub async fn accept_invite(&self, client: IpAddr) -> Result<(), Error> {
        self.check(Kind::InviteAddress, &client.to_string()).await
    }

    /// A receipt mint: per organisation.
    pub async fn mint(&self, org_id: &str) -> Result<(), Error> {
        self.check(Kind::MintOrg, org_id).await
    }

    /// `GET /share/{token}/proof` and `/share/{token}/log/...`: per client address.
    pub async fn public_log(&self, client: IpAddr) -> Result<(), Error> {
        self.check(Kind::LogAddress, &client.to_string()).await
    }

    /// Counts one hit of `key` for `kind`; a 429 once its limit is used up.
    async fn check(&self, kind: Kind, key: &str) -> Result<(), Error> {
        let per_minute = kind.per_minute(&self.settings);
        if per_minute == 0 {
            return Ok(());
        }
        let sweep = self.checks.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1;
        match &self.counters {
            Counters::Local(tables) => {
                if sweep {
                    for (_, table) in tables.iter() {
                        if let Some(table) = table {
                            table.retain_recent();
                            table.shrink_to_fit();
                        }
                    }
                }
                let Some((_, Some(table))) = tables.iter().find(|(k, _)| *k == kind) else {
                    return Ok(());
                };
                table.check_key(&key.to_string()).map_err(|not_until| {
                    let wait = not_until.wait_time_from(DefaultClock::default().now());
                    // Round up: retrying after the advertised time must succeed.
                    refusal(kind, wait.as_secs() + u64::from(wait.subsec_nanos() > 0))
                })
            }
            Counters::Shared(db) => {
                let now = chrono::Utc::now().timestamp();
                let window_start = now - now.rem_euclid(WINDOW_SECS);
                if sweep {
                    if let Err(error) = rate_limits::sweep(db, window_start - WINDOW_SECS).await {
                        tracing::warn!(%error, "dropping old rate-limit windows");
                    }
                }
                // Keys are hashed: an email of any length makes a short, fixed-size row key.
                let bucket = format!("{}:{}", kind.name(), crate::ids::secret_hash(key));
                let hits = rate_limits::hit(db, &bucket, window_start)
                    .await
                    .map_err(crate::error::db("counting a rate limit"))?;
                if hits > i64::from(per_minute) {
                    // The window ends at window_start + 60: retrying then must succeed.
                    let secs = u64::try_from(window_start + WINDOW_SECS - now).unwrap_or(1);
                    Err(refusal(kind, secs))
                } else {
                    Ok(())
                }
            }
        }
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

    #[tokio::test]
    async fn auth_request_is_limited_per_email_and_per_address() {
        let limits = Limits::new(LimitSettings {
            auth_per_email: 2,
            auth_per_address: 3,
            ..LimitSettings::default()
        });
        let a = ip("192.0.2.1");
        limits.auth_request("x@example.com", a).await.unwrap();
        limits.auth_request(" X@Example.com ", a).await.unwrap();
        let refused = limits
            .auth_request("x@example.com", ip("192.0.2.9"))
            .await
            .unwrap_err();
        assert!(matches!(refused, Error::RateLimited { .. }));
        assert!(refused.retry_after().unwrap() >= 1);
        assert!(refused.detail().contains("email"), "{}", refused.detail());
        // Another email from the first address: its third request is allowed
        // (the refused one above came from elsewhere), the fourth is not.
        limits.auth_request("y@example.com", a).await.unwrap();
        let refused = limits.auth_request("z@example.com", a).await.unwrap_err();
        assert!(refused.detail().contains("address"), "{}", refused.detail());
        limits
            .auth_request("z@example.com", ip("2001:db8::1"))
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn verify_invite_and_mint_have_their_own_buckets() {
        let limits = Limits::new(LimitSettings {
            verify_per_address: 1,
            mint_per_org: 2,
            ..LimitSettings::default()
        });
        let a = ip("198.51.100.7");
        limits.auth_verify(a).await.unwrap();
        assert!(matches!(
            limits.auth_verify(a).await.unwrap_err(),
            Error::RateLimited { .. }
        ));
        limits.accept_invite(a).await.unwrap();
        assert!(matches!(
            limits.accept_invite(a).await.unwrap_err(),
            Error::RateLimited { .. }
        ));
        limits.auth_verify(ip("198.51.100.8")).await.unwrap();
        limits.mint("org-1").await.unwrap();
        limits.mint("org-1").await.unwrap();
        let refused = limits.mint("org-1").await.unwrap_err();
        assert!(matches!(refused, Error::RateLimited { .. }));
        // One mint per 30 s refills: the wait is rounded up to whole seconds.
        assert!((1..=30).contains(&refused.retry_after().unwrap()));
        limits.mint("org-2").await.unwrap();
    }

    #[tokio::test]
    async fn the_public_log_is_limited_per_address() {
        let limits = Limits::new(LimitSettings {
            log_per_address: 2,
            ..LimitSettings::default()
        });
        let a = ip("192.0.2.40");
        limits.public_log(a).await.unwrap();
        limits.public_log(a).await.unwrap();
        let refused = limits.public_log(a).await.unwrap_err();
        assert!(matches!(refused, Error::RateLimited { .. }));
        assert!(refused.detail().contains("log"), "{}", refused.detail());
        limits.public_log(ip("192.0.2.41")).await.unwrap();
    }

    #[tokio::test]
    async fn zero_turns_a_limit_off() {
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
                .await
                .unwrap();
            limits.mint("org").await.unwrap();
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
