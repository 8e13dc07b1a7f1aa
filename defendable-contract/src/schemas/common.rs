//! Shapes shared by every area: the error body, service information and health.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Every non-2xx response: `{"detail": "<message>"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorBody {
    pub detail: String,
}

/// `GET /`: what this service is.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ServiceInfo {
    pub service: String,
    pub version: String,
    pub api_version: String,
    pub tagline: String,
    pub endpoints: Vec<String>,
}

/// `GET /healthz`: each dependency really probed.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct HealthOut {
    /// True only when the database and the blob store both answered.
    pub ok: bool,
    pub service: String,
    pub version: String,
    /// `SELECT 1` succeeded.
    pub db: bool,
    /// Which database backend is in use (`sqlite` or `postgres`).
    pub db_backend: String,
    /// The blob store accepted a write and read it back.
    pub storage: bool,
    pub email_configured: bool,
    pub bucket: Option<String>,
}
