//! The shared state handed to every handler.

use std::sync::Arc;

use crate::blobs::BlobStore;
use crate::config::Config;
use crate::limits::Limits;
use crate::store::Db;

/// Everything a request may need.
pub struct AppContext {
    pub config: Config,
    pub db: Db,
    pub blobs: BlobStore,
    /// The rendered OpenAPI document, served at `/openapi.json`.
    pub openapi: Arc<String>,
    /// Rate limits for sign-in and mint routes.
    pub limits: Limits,
    /// Outgoing mail (SMTP, or logged in development).
    pub mailer: crate::mail::Mailer,
    /// Outgoing HTTP (Stripe's API).
    pub http: reqwest::Client,
    /// The dataset and model catalogs.
    pub catalogs: Arc<crate::catalogs::Catalogs>,
    /// The process's counters, served at `/metrics`.
    pub metrics: Arc<crate::observability::metrics::Metrics>,
    /// Writes waiting to be committed together, per key (run receipts per organisation).
    pub group_commit: crate::group_commit::GroupCommit,
    /// Shared receipts read in the last few seconds (also served by the HTTP layer).
    pub share_cache: Arc<crate::share_cache::ShareCache>,
    /// The published signing keys, which every signature is checked against.
    pub published_keys: crate::published_keys::PublishedKeys,
}

impl AppContext {
    /// The public URL of a shared receipt.
    pub fn share_url(&self, token: &str) -> String {
        format!("{}/share/{}", self.config.api_base_url, token)
    }

    /// The public URL of a shared receipt's page for people (`/r/{token}`).
    pub fn page_url(&self, token: &str) -> String {
        format!("{}/r/{}", self.config.api_base_url, token)
    }

    /// The client address of a request (see [`Limits::client_address`]).
    pub fn client_address(&self, request: &dropshot::RequestInfo) -> std::net::IpAddr {
        self.limits
            .client_address(request.headers(), request.remote_addr())
    }
}
