//! The Defendable Run: creation, evidence, the agent's submission and approval.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::doctrine::{ApprovalDecision, EvidenceKind, Lane, VerdictOutcome};
use crate::schemas::{Check, Receipt, Verdict};

/// `POST /runs`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunIn {
    pub project_id: String,
    /// A flight sheet id or slug; the run is then audited against it.
    #[serde(default)]
    pub flight_sheet_id: Option<String>,
    /// An agent profile of the caller's organisation.
    #[serde(default)]
    pub agent_profile_id: Option<String>,
    /// Run on a lane the agent profile's governance blocks (owner sessions only;
    /// recorded on the run).
    #[serde(default)]
    pub override_blocked_lane: Option<bool>,
    /// Defaults to `agent`; a flight sheet's lane wins.
    #[serde(default)]
    pub lane: Option<Lane>,
    /// Up to 300 characters; required without a flight sheet.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub inputs: Option<Map<String, Value>>,
}

/// A run as created.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Run {
    pub id: String,
    pub project_id: String,
    pub flight_sheet_id: Option<String>,
    pub lane: Lane,
    pub title: String,
    pub status: String,
    pub inputs: Map<String, Value>,
    pub assignment_text: Option<String>,
    pub created_at: String,
    #[serde(default)]
    pub agent_profile_id: Option<String>,
    /// The owner who ran this on a lane the agent profile's governance blocks.
    #[serde(default)]
    pub lane_override_by: Option<String>,
}

/// One row of `GET /runs`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunSummary {
    pub id: String,
    pub project_id: String,
    pub lane: Lane,
    pub title: String,
    pub status: String,
    /// The current verdict's outcome, if any.
    pub verdict: Option<VerdictOutcome>,
    pub created_at: String,
}

/// `GET /runs`, newest first.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunList {
    pub runs: Vec<RunSummary>,
    /// Pass as `cursor` for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// Query of `GET /runs`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunListQuery {
    /// Default 50; above 200 is read as 200.
    pub limit: Option<i64>,
    /// Only runs of this project.
    pub project_id: Option<String>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The flight sheet as shown inside a run.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunFlightSheet {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub version: String,
    pub lane: Lane,
    pub summary: String,
    pub expected_outputs: Vec<String>,
    pub pass_threshold: i64,
    pub fail_threshold: i64,
}

/// Who did what in a run.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Ownership {
    pub agent_created: Option<String>,
    pub audited_by: String,
    pub referee_logic: String,
    pub final_authority: Option<String>,
    pub approval_status: String,
    pub receipt_status: String,
}

/// `GET /runs/{run_id}`: everything about a run in one document.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RunDetail {
    pub id: String,
    pub project_id: String,
    pub lane: Lane,
    pub title: String,
    pub status: String,
    pub inputs: Map<String, Value>,
    pub assignment_text: Option<String>,
    pub agent_name: Option<String>,
    pub model_name: Option<String>,
    pub provider: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub flight_sheet: Option<RunFlightSheet>,
    pub agent_profile: Option<Value>,
    pub submission: Option<Submission>,
    /// The run's first evidence items (at most 100), with note text cut to a
    /// 500-character preview (`byte_size` tells the whole length); every item,
    /// whole, is listed page by page at `GET /runs/{run_id}/evidence`.
    pub evidence: Vec<Evidence>,
    /// How many evidence items the run holds.
    #[serde(default)]
    pub evidence_total: i64,
    pub checks: Vec<Check>,
    pub verdict: Option<Verdict>,
    pub approval: Option<Approval>,
    pub receipt: Option<Receipt>,
    pub ownership: Ownership,
}

/// `POST /runs/{run_id}/evidence`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct EvidenceIn {
    #[serde(default = "default_evidence_kind")]
    pub kind: EvidenceKind,
    /// 1 to 300 characters.
    pub label: String,
    #[serde(default)]
    pub content: Option<String>,
}

fn default_evidence_kind() -> EvidenceKind {
    EvidenceKind::Note
}

/// Query of `GET /runs/{run_id}/evidence`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct EvidencePageQuery {
    /// Items to skip (default 0).
    pub offset: Option<u32>,
    /// Items to return, 1 to 20 (default 20).
    pub limit: Option<u32>,
}

/// One page of a run's evidence, whole, in the order it was added.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct EvidencePage {
    pub items: Vec<Evidence>,
    /// How many evidence items the run holds.
    pub total: i64,
    /// The `offset` of the next page, if there is one.
    pub next_offset: Option<i64>,
}

/// Query of `POST /runs/{run_id}/evidence/upload` (the body is the file's bytes).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct EvidenceUploadQuery {
    /// Defaults to the file name.
    pub label: Option<String>,
    /// The original file name, kept as metadata only.
    pub filename: Option<String>,
}

/// An evidence item; files carry the sha256 of their bytes.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    pub id: String,
    pub kind: EvidenceKind,
    pub label: String,
    pub content: Option<String>,
    pub filename: Option<String>,
    pub sha256: Option<String>,
    pub byte_size: Option<i64>,
    pub content_type: Option<String>,
    pub created_at: String,
}

/// `POST /runs/{run_id}/submission`: the agent's output. `output_text` is the
/// output itself; a body without it is taken whole as a JSON submission.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct SubmissionIn {
    pub output_text: String,
    #[serde(default)]
    pub agent_name: Option<String>,
    #[serde(default)]
    pub model_name: Option<String>,
    #[serde(default)]
    pub provider: Option<String>,
    #[serde(default)]
    pub tool_logs: Option<Value>,
    #[serde(default)]
    pub notes: Option<String>,
}

/// The answer to a submission: its hash over the trimmed UTF-8 text.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct SubmissionAck {
    pub id: String,
    pub sha256: String,
    pub submitted_at: String,
    pub status: String,
}

/// The run's current submission.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Submission {
    pub agent_name: Option<String>,
    pub model_name: Option<String>,
    pub provider: Option<String>,
    pub output_text: String,
    pub tool_logs: Option<Value>,
    pub notes: Option<String>,
    pub sha256: String,
    pub submitted_at: String,
}

/// `POST /runs/{run_id}/approve`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ApprovalIn {
    pub decision: ApprovalDecision,
    #[serde(default)]
    pub note: Option<String>,
}

/// A human decision, bound to the verdict and the submission it approved.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Approval {
    pub decision: ApprovalDecision,
    pub approver_email: String,
    pub note: Option<String>,
    pub verdict_outcome: String,
    pub submission_sha256: Option<String>,
    pub created_at: String,
}

/// The body of `POST /runs/{run_id}/submission` as received: published as
/// [`SubmissionIn`], parsed leniently by the server (a JSON agent output posted
/// whole, without an `output_text` wrapper, is accepted as the output itself).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SubmissionBody(pub Value);

impl JsonSchema for SubmissionBody {
    fn schema_name() -> String {
        SubmissionIn::schema_name()
    }

    fn json_schema(generator: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        SubmissionIn::json_schema(generator)
    }
}
