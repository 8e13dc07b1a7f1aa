//! The shared state handed to every handler.

use std::sync::Arc;

use crate::blobs::BlobStore;
use crate::config::Config;
use crate::store::Db;

/// Everything a request may need.
pub struct AppContext {
    pub config: Config,
    pub db: Db,
    pub blobs: BlobStore,
    /// The rendered OpenAPI document, served at `/openapi.json`.
    pub openapi: Arc<String>,
}

impl AppContext {
    /// The public URL of a shared receipt.
    pub fn share_url(&self, token: &str) -> String {
        format!("{}/share/{}", self.config.api_base_url, token)
    }
}
