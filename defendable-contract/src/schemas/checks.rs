//! Audits: applied rules, findings and verdicts.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::doctrine::{
    CheckKind, CheckSource, CheckStatus, RuleSeverity, Severity, VerdictOutcome,
};

/// One applied rule of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Check {
    pub id: String,
    pub check_key: String,
    pub label: String,
    pub category: String,
    pub kind: CheckKind,
    pub status: CheckStatus,
    pub severity: RuleSeverity,
    pub source: CheckSource,
    pub detail: String,
    pub score: Option<f64>,
}

/// `GET /runs/{run_id}/checks`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ChecksList {
    pub checks: Vec<Check>,
}

/// A flagged check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    pub id: String,
    /// The rule key (same as `check_key`).
    pub key: String,
    pub check_key: String,
    pub label: String,
    pub category: String,
    pub status: CheckStatus,
    pub severity: RuleSeverity,
    pub source: CheckSource,
    pub detail: String,
}

/// `GET /runs/{run_id}/flags`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct FlagsList {
    pub flags: Vec<Finding>,
}

/// Labels of the flagged rules by tier.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RiskBreakdown {
    pub high: Vec<String>,
    pub mid: Vec<String>,
    pub low: Vec<String>,
}

/// The rolled-up verdict of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Verdict {
    pub outcome: VerdictOutcome,
    pub summary: String,
    /// 0..1, four decimals.
    pub score: f64,
    /// 0..100, tier-weighted.
    pub score_100: i64,
    pub severity: Severity,
    pub client_ready: String,
    pub recommended_action: String,
    pub checks_passed: i64,
    pub checks_failed: i64,
    pub risk_breakdown: RiskBreakdown,
    pub created_at: String,
}

/// `POST /runs/{run_id}/audit`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct AuditResult {
    pub checks: Vec<Check>,
    /// True while checklist rules are still `open`.
    pub needs_grading: bool,
    /// True for flight sheets graded without an operator.
    pub deterministic: bool,
    pub verdict: Option<Verdict>,
    pub status: String,
}

/// `PATCH /runs/{run_id}/checks/{check_id}`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct CheckGradeIn {
    /// `pass` (satisfied) or `flag`.
    pub status: CheckStatus,
    #[serde(default)]
    pub detail: Option<String>,
}

/// The answer to grading a checklist rule.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct CheckGraded {
    pub ok: bool,
    pub check_key: String,
    pub status: CheckStatus,
    pub severity: RuleSeverity,
    /// How many rules are still open.
    pub open_remaining: i64,
}

/// `POST /runs/{run_id}/checks`: the core check engine's result.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct CoreChecksResult {
    pub verdict: Verdict,
    pub checks: Vec<Check>,
}
