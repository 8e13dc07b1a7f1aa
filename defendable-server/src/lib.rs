//! The defendable server: implements the contract's API over SQLite or
//! PostgreSQL and a blob store, and runs the Defendable Run from sign-in to a
//! publicly verifiable receipt.

pub mod access;
pub mod agents;
pub mod auth;
pub mod billing;
pub mod blobs;
pub mod catalogs;
pub mod checks;
pub mod config;
pub mod connections;
pub mod context;
pub mod cooks;
pub mod datasets;
pub mod error;
pub mod flight_sheets;
pub mod grants;
pub mod group_commit;
pub mod handlers;
pub mod http_layer;
pub mod ids;
pub mod ledger;
pub mod limits;
pub mod mail;
pub mod membership;
pub mod models;
pub mod observability;
pub mod operator;
pub mod page;
pub mod paging;
pub mod policy;
pub mod published_keys;
pub mod receipts;
pub mod runners;
pub mod runs;
pub mod share_cache;
pub mod sharing;
pub mod stack;
pub mod store;
pub mod text;
pub mod time;
pub mod transparency;
pub mod tx;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context as _;
use dropshot::{
    ConfigDropshot, ConfigLogging, ConfigLoggingLevel, HandlerTaskMode, HttpServer, ServerBuilder,
};

use crate::error::Error;
use defendable_contract::api::defendable_api_mod;
use defendable_contract::doctrine::PlanTier;
use defendable_contract::schemas::{HealthOut, Org, ServiceInfo};

use crate::auth::Principal;
use crate::config::Config;
use crate::context::AppContext;
use crate::error::db;

pub const SERVICE: &str = "defendable-cloud-api";

/// Largest JSON request body, in bytes.
pub const JSON_BODY_MAX_BYTES: usize = 4 * 1024 * 1024;

/// Connects, migrates, loads the flight-sheet library and opens the blob store.
pub async fn prepare(config: Config) -> anyhow::Result<AppContext> {
    let config_limits = config.limits;
    let db = store::Db::connect(&config.database_url).await?;
    db.migrate().await?;
    transparency::register_key(&db, &config.signer)
        .await
        .context("publishing the signing key")?;
    let sheets = flight_sheets::sync(&db, config.flight_sheets_dir.as_deref())
        .await
        .context("loading the flight-sheet library")?;
    tracing::info!(sheets, backend = db.backend.as_str(), "database ready");
    let blob_dir = config.data_dir.join("blobs");
    let blobs = match &config.blob_storage {
        Some(settings) => blobs::BlobStore::open_s3(blob_dir, settings)?,
        None => blobs::BlobStore::open(blob_dir).context("opening the blob store")?,
    };
    // Outgoing HTTPS (Stripe) uses rustls with the ring provider.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mailer = mail::Mailer::new(config.smtp_url.as_deref(), &config.email_from)?;
    let http = reqwest::Client::builder()
        .connect_timeout(std::time::Duration::from_secs(10))
        .timeout(std::time::Duration::from_secs(30))
        .user_agent(concat!("defendable-server/", env!("CARGO_PKG_VERSION")))
        .build()
        .context("building the outgoing HTTP client")?;
    let catalogs = match &config.catalogs_dir {
        Some(dir) => catalogs::Catalogs::from_dir(dir)?,
        None => catalogs::Catalogs::builtin()?,
    };
    let staged = datasets::stage_shipped(&catalogs, &blobs)
        .await
        .context("staging the catalog's package files")?;
    if staged > 0 {
        tracing::info!(staged, "package files staged into the blob store");
    }
    let share_cache = Arc::new(share_cache::ShareCache::new(config.share_cache_ttl));
    let limits = limits::Limits::for_database(config_limits, &db);
    tracing::info!(shared = limits.shared(), "rate limits ready");
    Ok(AppContext {
        catalogs: Arc::new(catalogs),
        share_cache,
        config,
        db,
        blobs,
        openapi: Arc::new(defendable_contract::api::openapi_json()),
        limits,
        mailer,
        http,
        metrics: Arc::new(observability::metrics::Metrics::default()),
        group_commit: Default::default(),
        published_keys: Default::default(),
    })
}

/// The share cache as the HTTP layer sees it: `GET /share/{token}` bodies.
#[derive(Debug)]
struct ShareAnswers(Arc<share_cache::ShareCache>);

impl http_layer::CachedAnswers for ShareAnswers {
    fn body_for(&self, path: &str) -> Option<bytes::Bytes> {
        self.0.body_for_path(path)
    }
}

/// A running server: the HTTP layer on the public address in front of the
/// dropshot router on a private loopback port.
pub struct Server {
    router: HttpServer<AppContext>,
    layer: http_layer::LayerHandle,
    local_addr: SocketAddr,
}

impl Server {
    /// The public address.
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The shared state.
    pub fn app_private(&self) -> &AppContext {
        self.router.app_private()
    }

    /// Completes when the router has stopped.
    pub async fn wait_for_shutdown(&self) -> Result<(), String> {
        self.router.wait_for_shutdown().await
    }

    /// Stops accepting, lets open requests finish, and stops the router.
    pub async fn close(self) -> Result<(), String> {
        self.layer.close().await;
        self.router.close().await
    }
}

/// Starts the HTTP server on the configured address.
pub async fn start(config: Config) -> anyhow::Result<Server> {
    let listen = config.listen;
    let public = std::net::TcpListener::bind(listen)
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .and_then(tokio::net::TcpListener::from_std)
        .map_err(|e| anyhow::anyhow!("cannot listen on {listen}: {e}"))?;
    let local_addr = public.local_addr()?;
    let context = prepare(config).await?;
    let layer_settings = http_layer::LayerSettings {
        cors: context.config.cors_origins.clone(),
        hsts: context.config.api_base_url.starts_with("https://"),
        trust_proxy_header: context.config.trust_proxy_header,
        peer_secret: context.limits.peer_secret().to_string(),
        metrics_token: context.config.observability.metrics_token.clone(),
        metrics: Arc::clone(&context.metrics),
        cached: Arc::new(ShareAnswers(Arc::clone(&context.share_cache))),
        connections: context.config.connections.clone(),
        routes: observability::metrics::RouteTable::from_openapi(
            &context.openapi,
            &[http_layer::METRICS_PATH],
        ),
    };
    let api = defendable_api_mod::api_description::<handlers::DefendableServer>()
        .map_err(|e| anyhow::anyhow!("building the API: {e}"))?;
    let log = ConfigLogging::StderrTerminal {
        level: ConfigLoggingLevel::Warn,
    }
    .to_logger("defendable-server")
    .map_err(|e| anyhow::anyhow!("creating the request logger: {e}"))?;
    let dropshot_config = ConfigDropshot {
        bind_address: SocketAddr::from(([127, 0, 0, 1], 0)),
        default_request_body_max_bytes: JSON_BODY_MAX_BYTES,
        default_handler_task_mode: HandlerTaskMode::Detached,
        ..Default::default()
    };
    let router = ServerBuilder::new(api, context, log)
        .config(dropshot_config)
        .start()
        .map_err(|e| anyhow::anyhow!("cannot open the router's loopback port: {e}"))?;
    let layer = http_layer::spawn(public, router.local_addr(), layer_settings);
    Ok(Server {
        router,
        layer,
        local_addr,
    })
}

/// `GET /`.
pub fn service_info() -> ServiceInfo {
    ServiceInfo {
        service: SERVICE.into(),
        version: env!("CARGO_PKG_VERSION").into(),
        api_version: defendable_contract::API_VERSION.into(),
        tagline: "Proof vault for AI-agent work: every run ends in a verifiable receipt.".into(),
        endpoints: [
            "/healthz",
            "/auth/request",
            "/auth/verify",
            "/auth/me",
            "/org",
            "/projects",
            "/flight-sheets",
            "/runs",
            "/runs/{run_id}",
            "/runs/{run_id}/audit",
            "/runs/{run_id}/receipt",
            "/share/{token}",
            "/ledger",
            "/ledger/verify",
            "/membership",
            "/policy/training-data",
            "/openapi.json",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
    }
}

/// `GET /healthz`: probes the database and the blob store.
pub async fn health(ctx: &AppContext) -> HealthOut {
    let (db_ok, storage) = tokio::join!(ctx.db.ping(), ctx.blobs.probe());
    HealthOut {
        ok: db_ok && storage,
        service: SERVICE.into(),
        version: env!("CARGO_PKG_VERSION").into(),
        db: db_ok,
        db_backend: ctx.db.backend.as_str().into(),
        storage,
        email_configured: ctx.mailer.sends(),
        bucket: ctx.blobs.bucket().map(str::to_string),
    }
}

/// `GET /org`.
pub async fn org(ctx: &AppContext, principal: &Principal) -> Result<Org, Error> {
    let org = store::accounts::org_by_id(&ctx.db, &principal.org_id)
        .await
        .map_err(db("reading an organisation"))?
        .ok_or_else(|| Error::not_found("org not found"))?;
    let members = store::accounts::member_count(&ctx.db, &org.id)
        .await
        .map_err(db("counting members"))?;
    Ok(Org {
        id: org.id,
        name: org.name,
        slug: org.slug,
        member_count: members,
        receipt_count: org.receipt_count,
        plan: PlanTier::parse(&org.plan).unwrap_or(PlanTier::Free),
        created_at: time::to_wire(&org.created_at),
    })
}
