//! Agent profiles with their capability by lane, the watchdog, and incidents.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::doctrine::{CapabilityTier, IncidentKind, IncidentStatus, LaneStatus, TierLevel};

/// An agent profile's governance: what the organisation declares about it.
/// `blocked_lanes` is enforced: runs on those lanes are refused (409) unless an
/// owner overrides it; the watchdog adds lanes to it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Governance {
    #[serde(default)]
    pub requires_approval_client_output: Option<bool>,
    #[serde(default)]
    pub spend_cap_usd: Option<f64>,
    /// Lane names (flight-sheet names, or the lane for runs without one), sorted.
    #[serde(default)]
    pub blocked_lanes: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

/// `POST /agent-profiles`: a declared agent stack.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct AgentProfileIn {
    /// 1 to 120 characters.
    pub name: String,
    /// Up to 80 characters.
    #[serde(default)]
    pub harness: Option<String>,
    /// Up to 40 characters.
    #[serde(default)]
    pub harness_version: Option<String>,
    /// Up to 120 characters.
    #[serde(default)]
    pub model: Option<String>,
    /// Up to 80 characters.
    #[serde(default)]
    pub model_provider: Option<String>,
    /// Up to 40 characters.
    #[serde(default)]
    pub served_by: Option<String>,
    /// Up to 120 characters.
    #[serde(default)]
    pub runtime_host: Option<String>,
    /// Up to 80 characters.
    #[serde(default)]
    pub runtime_os: Option<String>,
    /// Up to 160 characters.
    #[serde(default)]
    pub runtime_hardware: Option<String>,
    /// Up to 50 tools of up to 120 characters each.
    #[serde(default)]
    pub tools: Vec<String>,
    /// 1 to 100,000,000 tokens.
    #[serde(default)]
    pub context_window: Option<i64>,
    #[serde(default)]
    pub capability_tier: Option<CapabilityTier>,
    /// Up to 2000 characters.
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub governance: Option<Governance>,
}

/// An agent profile as stored.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct AgentProfile {
    pub id: String,
    pub name: String,
    pub harness: Option<String>,
    pub harness_version: Option<String>,
    pub model: Option<String>,
    pub model_provider: Option<String>,
    pub served_by: Option<String>,
    pub runtime_host: Option<String>,
    pub runtime_os: Option<String>,
    pub runtime_hardware: Option<String>,
    pub tools: Vec<String>,
    pub context_window: Option<i64>,
    pub capability_tier: Option<CapabilityTier>,
    pub notes: Option<String>,
    pub governance: Governance,
    pub active: bool,
    pub created_at: String,
    /// The short capability, in `GET /agent-profiles`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<CapabilitySummary>,
    /// The full capability, in `GET /agent-profiles/{profile_id}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capability: Option<Capability>,
}

/// Verdict severities counted over a profile's runs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct VerdictCounts {
    pub honey: i64,
    pub jelly: i64,
    pub propolis: i64,
}

/// One lane of a profile: its runs against one flight sheet (or, without a flight
/// sheet, in one run lane). propolis ≥ 2 → blocked, ≥ 1 → restricted, honey ≥ 3 →
/// approved, else testing.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct LaneCapability {
    pub flight_sheet_id: Option<String>,
    /// The lane's name: the flight sheet's name, or the run lane without one.
    pub name: String,
    pub lane: String,
    pub honey: i64,
    pub jelly: i64,
    pub propolis: i64,
    pub total: i64,
    pub status: LaneStatus,
    /// True when the profile's governance blocks this lane.
    pub locked: bool,
}

/// The share of applied rules that passed, per category.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct PassRate {
    pub category: String,
    pub label: String,
    /// Passed / (passed + flagged), two decimals.
    pub rate: f64,
    pub n: i64,
}

/// A flag that recurs across the profile's runs.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RecurringFlag {
    pub label: String,
    pub count: i64,
    pub severity: String,
    pub category: String,
}

/// One evaluated run of a profile.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct CapabilityRun {
    pub run_id: String,
    pub title: String,
    pub lane_name: String,
    pub outcome: String,
    /// honey, jelly or propolis (anything else counts as jelly).
    pub severity: String,
    pub score_100: i64,
    pub created_at: String,
}

/// `GET /agent-profiles/{profile_id}`: what the profile has shown it can do.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Capability {
    /// restricted if any lane is blocked or restricted, else approved if any is
    /// approved, else testing.
    pub overall_status: LaneStatus,
    /// Runs with a current verdict.
    pub evaluated_runs: i64,
    pub total_runs: i64,
    pub verdict_counts: VerdictCounts,
    pub lanes: Vec<LaneCapability>,
    pub pass_rates: Vec<PassRate>,
    /// The six most frequent flags.
    pub recurring_flags: Vec<RecurringFlag>,
    pub latest: Option<CapabilityRun>,
    /// The 25 newest evaluated runs.
    pub history: Vec<CapabilityRun>,
}

/// The short form of a capability shown in lists.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct CapabilitySummary {
    pub overall_status: LaneStatus,
    pub evaluated_runs: i64,
    pub verdict_counts: VerdictCounts,
    pub latest: Option<CapabilityRun>,
    pub approved_lanes: Vec<String>,
    /// Lanes that are blocked or restricted.
    pub blocked_lanes: Vec<String>,
    /// The three most frequent flags.
    pub recurring_flags: Vec<RecurringFlag>,
}

/// `GET /agent-profiles`: active profiles, newest first, one page.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct AgentProfileList {
    pub agent_profiles: Vec<AgentProfile>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// Paging of `GET /agent-profiles`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct AgentProfileListQuery {
    /// 1 to 100, default 50.
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// An agent profile in the path.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct AgentProfilePath {
    pub profile_id: String,
}

/// `POST /agent-profiles/{profile_id}/watchdog`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct WatchdogResult {
    /// Incidents opened by this call (none for a lane that already has an open one).
    pub opened: Vec<Incident>,
    pub scanned_lanes: i64,
    /// Every lane whose numbers block it, sorted.
    pub blocked_lanes: Vec<String>,
    /// The profile's governance after the call.
    pub governance: Governance,
}

/// `POST /incidents`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct IncidentIn {
    #[serde(default)]
    pub agent_profile_id: Option<String>,
    /// A run of the caller's organisation.
    #[serde(default)]
    pub run_id: Option<String>,
    /// Defaults to `policy_violation`.
    #[serde(default)]
    pub kind: Option<IncidentKind>,
    /// Defaults to `high`.
    #[serde(default)]
    pub tier: Option<TierLevel>,
    /// 1 to 300 characters.
    pub title: String,
    /// Up to 4000 characters.
    #[serde(default)]
    pub detail: Option<String>,
    /// Up to 200 characters.
    #[serde(default)]
    pub lane: Option<String>,
    /// Up to 20 response steps of up to 200 characters each.
    #[serde(default)]
    pub response: Vec<String>,
}

/// `PATCH /incidents/{incident_id}`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct IncidentPatch {
    /// Defaults to `resolved`. Resolving a `recurring_flag` incident unlocks its lane.
    #[serde(default)]
    pub status: Option<IncidentStatus>,
}

/// An incident.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Incident {
    pub id: String,
    pub kind: IncidentKind,
    pub tier: TierLevel,
    pub title: String,
    pub detail: Option<String>,
    pub lane: Option<String>,
    pub response: Vec<String>,
    pub status: IncidentStatus,
    pub agent_profile_id: Option<String>,
    pub agent_profile_name: Option<String>,
    pub run_id: Option<String>,
    /// The newest receipt's internal row id, if any.
    pub receipt_id: Option<String>,
    /// The newest receipt's public token, if any.
    pub share_token: Option<String>,
    pub created_at: String,
    pub resolved_at: Option<String>,
}

/// `GET /incidents`: newest first, one page.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct IncidentList {
    pub incidents: Vec<Incident>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// Filters and paging of `GET /incidents`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct IncidentListQuery {
    pub agent_profile_id: Option<String>,
    pub status: Option<IncidentStatus>,
    /// 1 to 200, default 50.
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// An incident in the path.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct IncidentPath {
    pub incident_id: String,
}
