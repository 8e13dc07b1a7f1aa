//! Flight sheets: the rulebooks a run is audited against.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::doctrine::{CheckKind, Lane, RuleSeverity};

/// One rule of a flight sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FlightSheetRule {
    pub key: String,
    pub label: String,
    pub category: String,
    pub kind: CheckKind,
    pub severity: RuleSeverity,
}

/// A rulebook. `deterministic` sheets carry an evaluation spec and are graded
/// without an operator; the others mix automatic and checklist rules.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct FlightSheet {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub version: String,
    pub lane: Lane,
    pub summary: String,
    pub purpose: String,
    pub assignment_instructions: String,
    pub required_inputs: Vec<String>,
    pub expected_outputs: Vec<String>,
    pub audit_checks: Vec<FlightSheetRule>,
    /// A weighted score below this cannot come out `pass`.
    pub pass_threshold: i64,
    /// A weighted score below this comes out `fail`.
    pub fail_threshold: i64,
    pub deterministic: bool,
}

/// `GET /flight-sheets`: the active library, ordered by name.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct FlightSheetList {
    pub flight_sheets: Vec<FlightSheet>,
}
