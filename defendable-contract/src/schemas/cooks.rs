//! Cooks (preparation jobs tuned against a run's eval) and the runners that claim
//! them: the job queue, its leases, and the operator's per-runner tokens.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The base model a cook tunes when the request names none.
pub const DEFAULT_BASE_MODEL: &str = "swarm/curator-9b";

/// Where a cook stands. States only move forward:
/// queued → claimed → running → succeeded | failed (an expired or released lease
/// puts a claimed or running cook back to queued).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CookStatus {
    Queued,
    Claimed,
    Running,
    Succeeded,
    Failed,
}

impl CookStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CookStatus::Queued => "queued",
            CookStatus::Claimed => "claimed",
            CookStatus::Running => "running",
            CookStatus::Succeeded => "succeeded",
            CookStatus::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<CookStatus> {
        Some(match text {
            "queued" => CookStatus::Queued,
            "claimed" => CookStatus::Claimed,
            "running" => CookStatus::Running,
            "succeeded" => CookStatus::Succeeded,
            "failed" => CookStatus::Failed,
            _ => return None,
        })
    }

    /// True for succeeded and failed: nothing moves a cook out of them.
    pub fn is_final(self) -> bool {
        matches!(self, CookStatus::Succeeded | CookStatus::Failed)
    }
}

/// `POST /runs/{run_id}/cook`.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
pub struct CookRequestIn {
    /// The slug of the dataset package to tune with (lowercase letters, digits,
    /// `-`, `_` and `.`; up to 120 characters); none tunes on the run's own eval.
    #[serde(default)]
    pub dataset_id: Option<String>,
    /// Up to 200 characters; default `swarm/curator-9b`.
    #[serde(default)]
    pub base_model: Option<String>,
}

/// A cook as its organisation sees it.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Cook {
    pub id: String,
    pub run_id: String,
    /// The dataset slug given with the request, if any.
    pub dataset_id: Option<String>,
    pub base_model: String,
    pub status: CookStatus,
    /// The run's verdict score (0..1) when the cook was requested.
    pub eval_before: f64,
    pub eval_after: Option<f64>,
    /// `eval_after - eval_before`, rounded to 4 places.
    pub lift: Option<f64>,
    /// The number of graded rules of the run's eval the cook tunes against.
    pub pairs: i64,
    pub adapter_ref: Option<String>,
    /// The name of the runner holding or last holding the cook.
    pub runner: Option<String>,
    /// What the runner reported, merged key by key.
    pub metrics: Map<String, Value>,
    pub compute_usd: Option<f64>,
    pub error: Option<String>,
    /// How many times the cook was claimed.
    pub attempts: i64,
    /// When the current lease ends (claimed and running cooks).
    pub lease_expires_at: Option<String>,
    /// The cook receipt (`DCR-...`) once the cook succeeded.
    pub receipt_id: Option<String>,
    pub receipt_sha256: Option<String>,
    pub share_token: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// `GET /cooks`, newest first, one page (100 at most).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct CookList {
    pub cooks: Vec<Cook>,
    /// Pass as `cursor` for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// Paging of `GET /cooks`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct CookListQuery {
    /// Default 100; above 100 is read as 100.
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A cook in the path.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
pub struct CookPath {
    pub cook_id: String,
}

fn default_runner() -> String {
    "rig".to_string()
}

/// `POST /runner/cooks/next`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunnerClaimIn {
    /// The runner's name as shown on the cook (a per-runner token's own name wins).
    #[serde(default = "default_runner")]
    pub runner: String,
    /// How long the lease lasts without a heartbeat, in seconds (1 to 3600);
    /// default the server's `COOK_LEASE_SECONDS`.
    #[serde(default)]
    pub lease_seconds: Option<i64>,
}

/// A claimed job: what the runner needs to do it, and the lease every later
/// call for it must carry.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunnerJob {
    pub id: String,
    pub run_id: String,
    pub base_model: String,
    pub eval_before: f64,
    pub pairs: i64,
    /// The dataset slug, if the request named one.
    pub dataset: Option<String>,
    pub lease_id: String,
    pub lease_seconds: i64,
    pub lease_expires_at: String,
    /// 1 for the first claim; more when an earlier lease expired or was released.
    pub attempt: i64,
}

/// `POST /runner/cooks/next`: `cook` is null when the queue is empty.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunnerClaimOut {
    pub cook: Option<RunnerJob>,
}

/// The state a heartbeat reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RunnerReportedStatus {
    Claimed,
    Running,
}

/// `POST /runner/cooks/{cook_id}/status`: a heartbeat; it extends the lease.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunnerStatusIn {
    pub lease_id: String,
    /// Default `running`; a running cook cannot go back to `claimed`.
    #[serde(default)]
    pub status: Option<RunnerReportedStatus>,
    /// Fraction done, 0 to 1 (kept in the metrics as `progress`).
    #[serde(default)]
    pub progress: Option<f64>,
    /// Merged into the cook's metrics, key by key.
    #[serde(default)]
    pub metrics: Map<String, Value>,
}

/// A heartbeat's answer.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunnerStatusOut {
    pub ok: bool,
    pub status: CookStatus,
    pub lease_expires_at: String,
}

/// `POST /runner/cooks/{cook_id}/complete`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunnerCompleteIn {
    pub lease_id: String,
    /// The eval score after the cook, 0 to 1.
    pub eval_after: f64,
    /// Where the result is kept (up to 500 characters).
    #[serde(default)]
    pub adapter_ref: Option<String>,
    /// Merged into the cook's metrics; `duration_sec` (seconds, 0 or more) prices
    /// the compute at the server's `RIG_USD_PER_HOUR`.
    #[serde(default)]
    pub metrics: Map<String, Value>,
}

/// `POST /runner/cooks/{cook_id}/fail`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunnerFailIn {
    pub lease_id: String,
    /// What went wrong (kept up to 2000 characters).
    pub error: String,
}

/// `POST /runner/cooks/{cook_id}/release`: give an unfinished job back to the queue.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunnerReleaseIn {
    pub lease_id: String,
}

/// The answer to fail and release.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunnerAck {
    pub ok: bool,
    pub status: CookStatus,
}

/// `POST /internal/runners`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunnerTokenIn {
    /// The runner's name, 1 to 100 characters.
    pub name: String,
}

/// A per-runner token as listed (never its secret).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunnerToken {
    pub id: String,
    pub name: String,
    /// The first 12 characters of the token, for recognising it.
    pub token_prefix: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

/// `POST /internal/runners` (201): the token is shown here once and never again.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunnerTokenCreated {
    pub id: String,
    pub name: String,
    pub token_prefix: String,
    /// `dcrun_...`: the runner's bearer token for `/runner/*`.
    pub token: String,
    pub created_at: String,
}

/// `GET /internal/runners`, newest first.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunnerTokenList {
    pub runners: Vec<RunnerToken>,
}

/// A per-runner token in the path.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
pub struct RunnerPath {
    pub runner_id: String,
}
