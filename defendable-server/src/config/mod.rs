//! Settings from flags and the environment, with development defaults that need
//! no configuration at all, and the checks that production mode insists on.

use std::net::SocketAddr;
use std::path::PathBuf;

pub mod connections;
pub mod limits;
pub mod observability;
pub mod runners;
pub mod storage;

use anyhow::Context as _;
use clap::Args;

/// How long a shared receipt is served from memory by default, in milliseconds.
pub const SHARE_CACHE_DEFAULT_TTL_MS: u64 = 5_000;
/// The longest share-cache TTL accepted: a longer one would delay tamper reports too much.
pub const SHARE_CACHE_MAX_TTL_MS: u64 = 60_000;

/// Where the server runs and what it talks to.
#[derive(Args, Clone, Debug)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "DEFENDABLE_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Directory for the SQLite database, blobs and generated secrets
    /// (default: the per-user data directory).
    #[arg(long, env = "DEFENDABLE_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Database URL: `postgres://...` for PostgreSQL; default a SQLite file in the data directory.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,

    /// Public origin of this API, used in share URLs (default http://<listen>).
    #[arg(long, env = "API_BASE_URL")]
    pub api_base_url: Option<String>,

    /// Origin of the web app that magic links point to (default: the API origin).
    #[arg(long, env = "APP_BASE_URL")]
    pub app_base_url: Option<String>,

    /// `development` (default) or `production`.
    #[arg(long, env = "APP_ENV", default_value = "development")]
    pub app_env: String,

    /// Secret for signing JWTs (default in development: generated once and kept in the data directory).
    #[arg(long, env = "JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,

    /// Lifetime of a session token, in hours.
    #[arg(long, env = "JWT_TTL_HOURS", default_value_t = 720)]
    pub jwt_ttl_hours: i64,

    /// Lifetime of a magic link, in minutes.
    #[arg(long, env = "MAGIC_TTL_MINUTES", default_value_t = 30)]
    pub magic_ttl_minutes: i64,

    /// A directory of extra flight-sheet JSON files loaded at start.
    #[arg(long, env = "DEFENDABLE_FLIGHT_SHEETS")]
    pub flight_sheets: Option<PathBuf>,

    /// The Ed25519 key receipts and checkpoints are signed with, as a C2SP private key
    /// (`PRIVATE+KEY+<name>+<hash>+<base64>`). Default in development: created once in
    /// the data directory (mode 0600). Required in production.
    #[arg(long, env = "DEFENDABLE_SIGNING_KEY", hide_env_values = true)]
    pub signing_key: Option<String>,

    /// Comma-separated administrator emails.
    #[arg(long, env = "ADMIN_EMAILS", default_value = "")]
    pub admin_emails: String,

    /// Comma-separated browser origins allowed to call the API (CORS); `*` allows
    /// any origin and is refused in production (default: the APP_BASE_URL origin,
    /// plus http://localhost:5173 and http://127.0.0.1:5173 in development).
    #[arg(long, env = "CORS_ORIGINS")]
    pub cors_origins: Option<String>,

    /// Take the client address from the first `X-Forwarded-For` hop (only behind
    /// a proxy that sets it); otherwise the TCP peer address is used.
    #[arg(
        long,
        env = "TRUST_PROXY_HEADER",
        default_value = "false",
        num_args = 0..=1,
        default_missing_value = "true",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    pub trust_proxy_header: bool,

    /// `POST /auth/request` per email address, per minute (0 = no limit).
    #[arg(long, env = "RATE_LIMIT_AUTH_PER_EMAIL", default_value_t = 5)]
    pub rate_limit_auth_per_email: u32,

    /// `POST /auth/request` per client address, per minute (0 = no limit).
    #[arg(long, env = "RATE_LIMIT_AUTH_PER_ADDRESS", default_value_t = 20)]
    pub rate_limit_auth_per_address: u32,

    /// `POST /auth/verify` and `/auth/accept-invite` per client address, per minute (0 = no limit).
    #[arg(long, env = "RATE_LIMIT_VERIFY_PER_ADDRESS", default_value_t = 30)]
    pub rate_limit_verify_per_address: u32,

    /// Receipt mints per organisation, per minute (0 = no limit).
    #[arg(long, env = "RATE_LIMIT_MINT_PER_ORG", default_value_t = 120)]
    pub rate_limit_mint_per_org: u32,

    /// The public proof and log routes (`/share/{token}/proof`, `/share/{token}/log/...`)
    /// per client address, per minute (0 = no limit).
    #[arg(long, env = "RATE_LIMIT_LOG_PER_ADDRESS", default_value_t = 120)]
    pub rate_limit_log_per_address: u32,

    /// A directory with `datasets_v1.json`, `models_v1.json` and the package files
    /// (default: the sample catalogs built in).
    #[arg(long, env = "DEFENDABLE_CATALOGS")]
    pub catalogs: Option<PathBuf>,

    /// How long a shared receipt's public view is served from memory, in
    /// milliseconds (0 = read the database every time; at most 60000). A stored
    /// receipt changed behind the server's back shows `verified: false` after it.
    #[arg(
        long,
        env = "SHARE_CACHE_TTL_MS",
        default_value_t = SHARE_CACHE_DEFAULT_TTL_MS
    )]
    pub share_cache_ttl_ms: u64,

    /// Key for operator routes (`X-Internal-Key`); unset, those routes answer 503.
    #[arg(long, env = "INTERNAL_API_KEY", hide_env_values = true)]
    pub internal_api_key: Option<String>,

    #[command(flatten)]
    pub connections: ConnectionArgs,

    #[command(flatten)]
    pub evidence: EvidenceArgs,

    #[command(flatten)]
    pub membership: MembershipArgs,

    #[command(flatten)]
    pub email: EmailArgs,

    #[command(flatten)]
    pub datasets: DatasetArgs,

    #[command(flatten)]
    pub runners: runners::RunnerArgs,

    #[command(flatten)]
    pub observability: observability::ObservabilityArgs,

    #[command(flatten)]
    pub blob_storage: storage::BlobStorageArgs,
}

/// Limits on client connections (see `crate::connections`).
#[derive(Args, Clone, Debug)]
pub struct ConnectionArgs {
    /// Seconds a client has to send a complete request head, counted from
    /// connecting or from the first byte of a later request on the connection.
    #[arg(long, env = "HEADER_TIMEOUT_SECS", default_value_t = 10)]
    pub header_timeout_secs: u64,

    /// Seconds a kept-alive connection may sit idle between requests.
    #[arg(long, env = "IDLE_TIMEOUT_SECS", default_value_t = 60)]
    pub idle_timeout_secs: u64,

    /// Fewest request-body bytes per second, averaged over BODY_RATE_WINDOW_SECS
    /// (0 = no minimum); a slower upload is cut off with a 408.
    #[arg(long, env = "BODY_MIN_BYTES_PER_SEC", default_value_t = 1024)]
    pub body_min_bytes_per_sec: u64,

    /// The window over which the body rate is measured, in seconds.
    #[arg(long, env = "BODY_RATE_WINDOW_SECS", default_value_t = 10)]
    pub body_rate_window_secs: u64,

    /// Most client connections open at once; when full, the longest-idle one is
    /// closed to make room (default: the descriptor limit, less 256 kept for the
    /// server itself, divided by 4).
    #[arg(long, env = "MAX_CONNECTIONS")]
    pub max_connections: Option<usize>,
}

impl ConnectionArgs {
    fn resolve(&self, problems: &mut Vec<String>) -> connections::ConnectionSettings {
        use std::time::Duration;
        for (name, value) in [
            ("HEADER_TIMEOUT_SECS", self.header_timeout_secs),
            ("IDLE_TIMEOUT_SECS", self.idle_timeout_secs),
            ("BODY_RATE_WINDOW_SECS", self.body_rate_window_secs),
        ] {
            if !(1..=3600).contains(&value) {
                problems.push(format!("{name} must be between 1 and 3600"));
            }
        }
        if self.max_connections == Some(0) {
            problems.push("MAX_CONNECTIONS must be at least 1".to_string());
        }
        connections::ConnectionSettings {
            header_timeout: Duration::from_secs(self.header_timeout_secs),
            idle_timeout: Duration::from_secs(self.idle_timeout_secs),
            body_min_bytes_per_sec: self.body_min_bytes_per_sec,
            body_rate_window: Duration::from_secs(self.body_rate_window_secs),
            max_connections: self
                .max_connections
                .unwrap_or_else(connections::default_max_connections),
        }
    }
}

/// Bounds on the evidence one run holds.
#[derive(Args, Clone, Debug)]
pub struct EvidenceArgs {
    /// Most evidence items one run may hold.
    #[arg(long, env = "EVIDENCE_MAX_ITEMS_PER_RUN", default_value_t = 1000)]
    pub evidence_max_items_per_run: u64,

    /// Most evidence bytes (notes and files together) one run may hold (default 1 GiB).
    #[arg(long, env = "EVIDENCE_MAX_BYTES_PER_RUN", default_value_t = 1 << 30)]
    pub evidence_max_bytes_per_run: u64,
}

/// Bounds on the evidence one run holds, resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EvidenceLimits {
    pub max_items: u64,
    pub max_bytes: u64,
}

/// Membership, its price and Stripe.
#[derive(Args, Clone, Debug)]
pub struct MembershipArgs {
    /// How many memberships may be active at once; later applicants are waitlisted.
    #[arg(long, env = "MEMBERSHIP_CAP", default_value_t = 100)]
    pub membership_cap: i64,

    /// The yearly membership price in the currency's smallest unit (default $100.00).
    #[arg(long, env = "MEMBERSHIP_PRICE_CENTS", default_value_t = 10000)]
    pub membership_price_cents: i64,

    /// The membership price's currency (ISO 4217, lower case).
    #[arg(long, env = "MEMBERSHIP_CURRENCY", default_value = "usd")]
    pub membership_currency: String,

    /// Where new applications are announced by email (optional).
    #[arg(long, env = "MEMBERSHIP_REVIEW_EMAIL")]
    pub membership_review_email: Option<String>,

    /// Stripe secret key; unset, checkout and the webhook answer 503.
    #[arg(long, env = "STRIPE_API_KEY", hide_env_values = true)]
    pub stripe_api_key: Option<String>,

    /// The Stripe Price of one membership year.
    #[arg(long, env = "STRIPE_PRICE_ID")]
    pub stripe_price_id: Option<String>,

    /// The webhook endpoint's signing secret (`whsec_...`).
    #[arg(long, env = "STRIPE_WEBHOOK_SECRET", hide_env_values = true)]
    pub stripe_webhook_secret: Option<String>,

    /// Stripe's API origin (a local stand-in in tests).
    #[arg(
        long,
        env = "STRIPE_API_BASE",
        default_value = "https://api.stripe.com"
    )]
    pub stripe_api_base: String,

    /// Path on the return origin Stripe sends a payer to after paying.
    #[arg(
        long,
        env = "STRIPE_SUCCESS_PATH",
        default_value = "/org?checkout=success"
    )]
    pub stripe_success_path: String,

    /// Path on the return origin Stripe sends a payer to after cancelling.
    #[arg(
        long,
        env = "STRIPE_CANCEL_PATH",
        default_value = "/org?checkout=cancel"
    )]
    pub stripe_cancel_path: String,

    /// Comma-separated origins a checkout may return to, besides the app's origin.
    #[arg(long, env = "CHECKOUT_RETURN_ORIGINS", default_value = "")]
    pub checkout_return_origins: String,
}

/// Dataset download grants.
#[derive(Args, Clone, Debug)]
pub struct DatasetArgs {
    /// Download grants per organisation in any rolling 24 hours.
    #[arg(long, env = "DATASET_DOWNLOAD_DAILY_LIMIT", default_value_t = 500)]
    pub dataset_download_daily_limit: i64,

    /// More grants than this by one organisation within the spike window raise a
    /// warning and the grant-spike alert counter.
    #[arg(long, env = "DATASET_GRANT_SPIKE_THRESHOLD", default_value_t = 50)]
    pub dataset_grant_spike_threshold: i64,

    /// The spike window, in seconds.
    #[arg(long, env = "DATASET_GRANT_SPIKE_WINDOW_SECS", default_value_t = 300)]
    pub dataset_grant_spike_window_secs: i64,
}

/// Dataset grant settings, resolved.
#[derive(Clone, Debug)]
pub struct DatasetSettings {
    pub daily_limit: i64,
    pub spike_threshold: i64,
    pub spike_window_secs: i64,
}

/// Outgoing email.
#[derive(Args, Clone, Debug)]
pub struct EmailArgs {
    /// SMTP server for outgoing mail: `smtp://host:port` (plain, for a local relay),
    /// `smtp://user:pass@host:587?tls=required` (STARTTLS) or `smtps://user:pass@host:465`.
    /// Unset: development logs mails and returns links inline; production refuses to start.
    #[arg(long, env = "SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The sender of outgoing mail.
    #[arg(
        long,
        env = "EMAIL_FROM",
        default_value = "defendable <no-reply@localhost>"
    )]
    pub email_from: String,
}

/// Membership and Stripe settings, resolved.
#[derive(Clone, Debug)]
pub struct MembershipConfig {
    pub cap: i64,
    pub price_cents: i64,
    pub currency: String,
    pub review_email: Option<String>,
    /// Set only when the key and the price are both configured.
    pub stripe: Option<StripeConfig>,
    pub stripe_webhook_secret: Option<String>,
    /// Origins a checkout may return to (the app's origin included).
    pub checkout_return_origins: Vec<String>,
}

/// How to reach Stripe.
#[derive(Clone, Debug)]
pub struct StripeConfig {
    pub api_key: String,
    pub price_id: String,
    pub api_base: String,
    pub success_path: String,
    pub cancel_path: String,
}

/// The browser origins CORS lets read responses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorsOrigins {
    /// `*`: any origin (development only).
    Any,
    /// Exact origins (`scheme://host[:port]`).
    List(Vec<String>),
}

/// The resolved configuration.
#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub database_url: String,
    pub api_base_url: String,
    pub app_base_url: String,
    pub production: bool,
    pub jwt_secret: String,
    pub jwt_ttl_hours: i64,
    pub magic_ttl_minutes: i64,
    pub flight_sheets_dir: Option<PathBuf>,
    /// `DEFENDABLE_CATALOGS`, when set.
    pub catalogs_dir: Option<PathBuf>,
    pub admin_emails: Vec<String>,
    /// `SMTP_URL`, when mail goes out over SMTP.
    pub smtp_url: Option<String>,
    pub email_from: String,
    pub membership: MembershipConfig,
    pub datasets: DatasetSettings,
    pub cors_origins: CorsOrigins,
    pub trust_proxy_header: bool,
    /// How long a shared receipt is served from memory (`SHARE_CACHE_TTL_MS`).
    pub share_cache_ttl: std::time::Duration,
    pub limits: limits::LimitSettings,
    /// The receipt and checkpoint signing key.
    pub signer: defendable_contract::note::Signer,
    /// The operator key (`X-Internal-Key`), if operator routes are enabled.
    pub internal_api_key: Option<String>,
    /// Runner credentials, leases and compute price.
    pub runners: runners::RunnerSettings,
    /// Connection limits and timeouts on the public listener.
    pub connections: connections::ConnectionSettings,
    /// Bounds on the evidence one run holds.
    pub evidence: EvidenceLimits,
    /// Log format and metrics access.
    pub observability: observability::Observability,
    /// The S3 bucket for blobs, if any (otherwise the data directory).
    pub blob_storage: Option<storage::S3Settings>,
}

const MIN_SECRET_LEN: usize = 32;

/// Secrets from examples and defaults, refused in production whatever their length.
const KNOWN_DEFAULT_SECRETS: [&str; 4] = ["change-me", "changeme", "insecure", "dev-secret"];

/// Origins allowed in development when CORS_ORIGINS is not set (the web app's dev server).
const DEV_ORIGINS: [&str; 2] = ["http://localhost:5173", "http://127.0.0.1:5173"];

/// `scheme://host[:port]` of a URL, if it is an http(s) URL.
pub(crate) fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    (!host.is_empty() && !host.contains(char::is_whitespace))
        .then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// Parses CORS_ORIGINS; unset or empty means the app's origin (and the dev
/// server's in development).
fn resolve_cors(
    raw: Option<&str>,
    app_base_url: &str,
    production: bool,
    problems: &mut Vec<String>,
) -> CorsOrigins {
    let entries: Vec<&str> = raw
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    if entries.contains(&"*") {
        if production {
            problems.push("CORS_ORIGINS must not contain * in production".to_string());
        }
        return CorsOrigins::Any;
    }
    let mut origins = Vec::new();
    if entries.is_empty() {
        origins.extend(origin_of(app_base_url));
        if !production {
            origins.extend(DEV_ORIGINS.iter().map(|o| o.to_string()));
        }
    }
    for entry in entries {
        match origin_of(entry.trim_end_matches('/')) {
            Some(origin) if origin == entry.trim_end_matches('/').to_ascii_lowercase() => {
                origins.push(origin)
            }
            _ => problems.push(format!(
                "CORS_ORIGINS entry {entry:?} is not an origin like https://app.example.com"
            )),
        }
    }
    origins.dedup();
    CorsOrigins::List(origins)
}

/// Resolves membership and Stripe settings, noting what is wrong.
fn resolve_membership(
    args: MembershipArgs,
    app_base_url: &str,
    production: bool,
    problems: &mut Vec<String>,
) -> MembershipConfig {
    let set = |v: Option<String>| v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    if args.membership_cap < 0 {
        problems.push("MEMBERSHIP_CAP must be 0 or more".to_string());
    }
    if args.membership_price_cents < 1 {
        problems.push("MEMBERSHIP_PRICE_CENTS must be at least 1".to_string());
    }
    let currency = args.membership_currency.trim().to_ascii_lowercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_lowercase()) {
        problems.push("MEMBERSHIP_CURRENCY must be a three-letter ISO 4217 code".to_string());
    }
    let api_key = set(args.stripe_api_key);
    let price_id = set(args.stripe_price_id);
    let api_base = args
        .stripe_api_base
        .trim()
        .trim_end_matches('/')
        .to_string();
    if origin_of(&api_base).is_none() {
        problems.push(format!("STRIPE_API_BASE is not an http(s) URL: {api_base}"));
    } else if production && api_key.is_some() && !api_base.starts_with("https://") {
        problems.push("STRIPE_API_BASE must be https in production".to_string());
    }
    for (name, path) in [
        ("STRIPE_SUCCESS_PATH", &args.stripe_success_path),
        ("STRIPE_CANCEL_PATH", &args.stripe_cancel_path),
    ] {
        if !path.starts_with('/') || path.starts_with("//") {
            problems.push(format!(
                "{name} must be a path starting with / (got {path})"
            ));
        }
    }
    let mut checkout_return_origins: Vec<String> = origin_of(app_base_url).into_iter().collect();
    for entry in args
        .checkout_return_origins
        .split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let entry = entry.trim_end_matches('/');
        match origin_of(entry) {
            Some(origin) if origin == entry.to_ascii_lowercase() => {
                checkout_return_origins.push(origin)
            }
            _ => problems.push(format!(
                "CHECKOUT_RETURN_ORIGINS entry {entry:?} is not an origin like https://app.example.com"
            )),
        }
    }
    checkout_return_origins.dedup();
    let stripe = match (api_key, price_id) {
        (Some(api_key), Some(price_id)) => Some(StripeConfig {
            api_key,
            price_id,
            api_base,
            success_path: args.stripe_success_path,
            cancel_path: args.stripe_cancel_path,
        }),
        (Some(_), None) => {
            problems.push("STRIPE_PRICE_ID must be set when STRIPE_API_KEY is".to_string());
            None
        }
        _ => None,
    };
    MembershipConfig {
        cap: args.membership_cap,
        price_cents: args.membership_price_cents,
        currency,
        review_email: set(args.membership_review_email),
        stripe,
        stripe_webhook_secret: set(args.stripe_webhook_secret),
        checkout_return_origins,
    }
}

/// Why a production JWT secret is unacceptable, if it is.
fn weak_secret(secret: &str) -> Option<String> {
    let lower = secret.to_ascii_lowercase();
    if KNOWN_DEFAULT_SECRETS.iter().any(|d| lower.contains(d)) {
        return Some("JWT_SECRET is a default or example value; generate a random one".into());
    }
    if secret.len() < MIN_SECRET_LEN {
        return Some(format!(
            "JWT_SECRET must be at least {MIN_SECRET_LEN} characters"
        ));
    }
    None
}

impl Config {
    /// Resolves defaults, creating the data directory; in production, refuses
    /// to start with unsafe settings, listing every problem at once.
    pub fn resolve(args: ServeArgs) -> anyhow::Result<Config> {
        let production = matches!(
            args.app_env.to_ascii_lowercase().as_str(),
            "prod" | "production"
        );
        let data_dir = match args.data_dir {
            Some(dir) => dir,
            None => directories::ProjectDirs::from("", "", "defendable")
                .map(|dirs| dirs.data_dir().to_path_buf())
                .unwrap_or_else(|| PathBuf::from(".defendable")),
        };
        create_private_dir(&data_dir)
            .with_context(|| format!("creating the data directory {}", data_dir.display()))?;
        let database_url = args
            .database_url
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| {
                format!(
                    "sqlite://{}?mode=rwc",
                    data_dir.join("defendable.db").display()
                )
            });
        let api_base_url = args
            .api_base_url
            .unwrap_or_else(|| format!("http://{}", args.listen))
            .trim_end_matches('/')
            .to_string();
        let app_base_url = args
            .app_base_url
            .unwrap_or_else(|| api_base_url.clone())
            .trim_end_matches('/')
            .to_string();

        let mut problems = Vec::new();
        if args.jwt_ttl_hours < 1 {
            problems.push("JWT_TTL_HOURS must be at least 1".to_string());
        }
        if args.magic_ttl_minutes < 1 {
            problems.push("MAGIC_TTL_MINUTES must be at least 1".to_string());
        }
        let jwt_secret = match args.jwt_secret.filter(|s| !s.is_empty()) {
            Some(secret) => {
                if production {
                    problems.extend(weak_secret(&secret));
                }
                secret
            }
            None if production => {
                problems.push("JWT_SECRET must be set in production".to_string());
                String::new()
            }
            None => load_or_create_secret(&data_dir.join("jwt_secret"))?,
        };
        if production {
            for (name, url) in [
                ("API_BASE_URL", &api_base_url),
                ("APP_BASE_URL", &app_base_url),
            ] {
                if !url.starts_with("https://") {
                    problems.push(format!(
                        "{name} must be an https URL in production (got {url})"
                    ));
                }
            }
        }
        let signer = match args.signing_key.filter(|k| !k.trim().is_empty()) {
            Some(text) => match text.trim().parse::<defendable_contract::note::Signer>() {
                Ok(signer) => Some(signer),
                Err(e) => {
                    problems.push(format!("DEFENDABLE_SIGNING_KEY is not a signing key: {e}"));
                    None
                }
            },
            None if production => {
                problems.push(
                    "DEFENDABLE_SIGNING_KEY must be set in production (every server process signs with the same key)"
                        .to_string(),
                );
                None
            }
            None => Some(load_or_create_signer(
                &data_dir.join("signing_key"),
                &key_name_for(&api_base_url),
            )?),
        };
        let internal_api_key = args
            .internal_api_key
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty());
        if production {
            if let Some(key) = &internal_api_key {
                if key.len() < MIN_SECRET_LEN {
                    problems.push(format!(
                        "INTERNAL_API_KEY must be at least {MIN_SECRET_LEN} characters"
                    ));
                }
            }
        }
        let smtp_url = args
            .email
            .smtp_url
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty());
        match &smtp_url {
            Some(url) if !["smtp://", "smtps://"].iter().any(|s| url.starts_with(s)) => {
                problems.push("SMTP_URL must start with smtp:// or smtps://".to_string())
            }
            None if production => problems.push(
                "SMTP_URL must be set in production (sign-in links and invites are emailed)"
                    .to_string(),
            ),
            _ => {}
        }
        if args.datasets.dataset_download_daily_limit < 1 {
            problems.push("DATASET_DOWNLOAD_DAILY_LIMIT must be at least 1".to_string());
        }
        if args.datasets.dataset_grant_spike_threshold < 1
            || args.datasets.dataset_grant_spike_window_secs < 1
        {
            problems.push(
                "DATASET_GRANT_SPIKE_THRESHOLD and DATASET_GRANT_SPIKE_WINDOW_SECS must be at least 1"
                    .to_string(),
            );
        }
        if args.share_cache_ttl_ms > SHARE_CACHE_MAX_TTL_MS {
            problems.push(format!(
                "SHARE_CACHE_TTL_MS must be at most {} (a longer one delays tamper reports)",
                SHARE_CACHE_MAX_TTL_MS
            ));
        }
        let membership =
            resolve_membership(args.membership, &app_base_url, production, &mut problems);
        let runners = runners::RunnerSettings::resolve(args.runners, production, &mut problems);
        let connections = args.connections.resolve(&mut problems);
        if args.evidence.evidence_max_items_per_run < 1
            || args.evidence.evidence_max_bytes_per_run < 1
        {
            problems.push(
                "EVIDENCE_MAX_ITEMS_PER_RUN and EVIDENCE_MAX_BYTES_PER_RUN must be at least 1"
                    .to_string(),
            );
        }
        let cors_origins = resolve_cors(
            args.cors_origins.as_deref(),
            &app_base_url,
            production,
            &mut problems,
        );
        if !problems.is_empty() {
            anyhow::bail!("refusing to start:\n  - {}", problems.join("\n  - "));
        }
        let signer = signer.context("no signing key")?;
        Ok(Config {
            listen: args.listen,
            data_dir,
            database_url,
            api_base_url,
            app_base_url,
            production,
            jwt_secret,
            jwt_ttl_hours: args.jwt_ttl_hours,
            magic_ttl_minutes: args.magic_ttl_minutes,
            flight_sheets_dir: args.flight_sheets,
            catalogs_dir: args.catalogs,
            admin_emails: args
                .admin_emails
                .split(',')
                .map(|e| e.trim().to_ascii_lowercase())
                .filter(|e| !e.is_empty())
                .collect(),
            smtp_url,
            email_from: args.email.email_from,
            membership,
            datasets: DatasetSettings {
                daily_limit: args.datasets.dataset_download_daily_limit,
                spike_threshold: args.datasets.dataset_grant_spike_threshold,
                spike_window_secs: args.datasets.dataset_grant_spike_window_secs,
            },
            cors_origins,
            trust_proxy_header: args.trust_proxy_header,
            share_cache_ttl: std::time::Duration::from_millis(args.share_cache_ttl_ms),
            limits: limits::LimitSettings {
                auth_per_email: args.rate_limit_auth_per_email,
                auth_per_address: args.rate_limit_auth_per_address,
                verify_per_address: args.rate_limit_verify_per_address,
                mint_per_org: args.rate_limit_mint_per_org,
                log_per_address: args.rate_limit_log_per_address,
            },
            signer,
            internal_api_key,
            runners,
            connections,
            evidence: EvidenceLimits {
                max_items: args.evidence.evidence_max_items_per_run,
                max_bytes: args.evidence.evidence_max_bytes_per_run,
            },
            observability: observability::Observability::resolve(&args.observability),
            blob_storage: args.blob_storage.resolve(),
        })
    }
}

/// Reads a generated secret, or creates one (mode 0600) on first start.
fn load_or_create_secret(path: &std::path::Path) -> anyhow::Result<String> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        let existing = existing.trim().to_string();
        if existing.len() >= MIN_SECRET_LEN {
            return Ok(existing);
        }
    }
    let secret = crate::ids::random_token(48);
    write_private(path, secret.as_bytes())
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(secret)
}

/// A key name from the API's host (`api.example.com`, `127.0.0.1-8080`).
fn key_name_for(api_base_url: &str) -> String {
    let host = api_base_url
        .split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or(api_base_url)
        .split('/')
        .next()
        .unwrap_or_default()
        .replace(':', "-");
    if defendable_contract::note::is_valid_key_name(&host) {
        host
    } else {
        "defendable".to_string()
    }
}

/// Reads the development signing key, or creates one (from the OS's randomness).
fn load_or_create_signer(
    path: &std::path::Path,
    name: &str,
) -> anyhow::Result<defendable_contract::note::Signer> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        return existing
            .trim()
            .parse()
            .map_err(|e| anyhow::anyhow!("{} holds no signing key: {e}", path.display()));
    }
    let mut seed = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut seed);
    let signer = defendable_contract::note::Signer::from_seed(name, seed)
        .map_err(|e| anyhow::anyhow!("creating a signing key: {e}"))?;
    write_private(path, format!("{signer}\n").as_bytes())
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(signer)
}

/// Creates a directory, and any missing parent, accessible only by its owner
/// (mode 0700); an existing directory is left as it is.
pub fn create_private_dir(path: &std::path::Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path)
}

/// Writes a file readable only by its owner.
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)
}

#[cfg(test)]
mod tests;
