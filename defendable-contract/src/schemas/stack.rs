//! The stack planner: which model and compute a set of jobs needs.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::doctrine::{CapabilityTier, LaneStatus};

/// Model size classes, smallest first.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ModelTierKey {
    Edge,
    Workhorse,
    Senior,
    Anchor,
}

/// Compute classes, smallest first.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ComputeTierKey {
    OwnerEdge,
    OwnerGpu,
    HostedGpu,
    HostedMulti,
}

/// Where the stack runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Deployment {
    Owner,
    Cloud,
    Hybrid,
}

/// The most the organisation will spend on compute: `low` allows the owner tiers
/// (low and low–medium cost), `medium` also one hosted GPU, `high` anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Budget {
    Low,
    Medium,
    High,
}

/// How well a deployment fits the jobs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    Strong,
    Partial,
    None,
}

/// A kind of job an agent does.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct TaskClass {
    pub key: String,
    pub label: String,
    pub min_model: ModelTierKey,
    pub client_facing: bool,
    pub high_stakes: bool,
    pub autonomous: bool,
}

/// A model size class.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ModelTier {
    pub key: ModelTierKey,
    pub label: String,
    pub params: String,
}

/// A compute class.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ComputeTier {
    pub key: ComputeTierKey,
    pub label: String,
    /// The largest model class it hosts.
    pub max_model: ModelTierKey,
    /// low, low–medium, medium or high.
    pub cost: String,
    /// Hardware the organisation owns.
    pub owner: bool,
    /// fragile, ok or strong.
    pub uptime: String,
}

/// `GET /stack-planner/options`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct StackPlannerOptions {
    pub task_classes: Vec<TaskClass>,
    pub model_tiers: Vec<ModelTier>,
    pub compute_tiers: Vec<ComputeTier>,
}

/// `POST /stack-assessment`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct StackAssessmentIn {
    /// Task-class keys (at least one; unknown keys are a 400).
    pub jobs: Vec<String>,
    #[serde(default)]
    pub client_facing: bool,
    #[serde(default)]
    pub high_stakes: bool,
    #[serde(default)]
    pub needs_24_7: bool,
    #[serde(default)]
    pub data_local_only: bool,
    /// The deployment the organisation would prefer, if any.
    #[serde(default)]
    pub preference: Option<Deployment>,
    /// A compute spending ceiling; without one, cost does not limit the plan.
    #[serde(default)]
    pub budget: Option<Budget>,
}

/// A job's standing on the recommended stack.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct PlannedLane {
    pub key: String,
    pub label: String,
    pub reason: String,
}

/// A lane an agent profile of the organisation has already earned.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct EarnedLane {
    pub profile: String,
    pub profile_id: String,
    pub tier: Option<CapabilityTier>,
    pub lane: String,
    pub status: LaneStatus,
}

/// The planner's answer.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct StackAssessment {
    pub deployment: Deployment,
    /// The largest model class any job needs.
    pub required_model: ModelTierKey,
    /// Never below `required_model`.
    pub recommended_model: ModelTierKey,
    /// The smallest compute that hosts `required_model`.
    pub min_compute: ComputeTierKey,
    pub recommended_compute: ComputeTierKey,
    pub model_label: String,
    pub compute_label: String,
    pub owner_fit: Fit,
    pub cloud_fit: Fit,
    pub cost_band: String,
    pub human_approval_required: bool,
    pub approved_lanes: Vec<PlannedLane>,
    pub restricted_lanes: Vec<PlannedLane>,
    pub blocked_lanes: Vec<PlannedLane>,
    pub budget: Option<Budget>,
    /// False when even `min_compute` costs more than the budget allows (the plan
    /// still names what the jobs need; it never recommends an undersized stack).
    pub within_budget: bool,
    pub reasons: Vec<String>,
    pub summary: String,
    pub earned_lanes: Vec<EarnedLane>,
    pub next_step: String,
}
