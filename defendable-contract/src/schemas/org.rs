//! The organisation and its projects.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::doctrine::PlanTier;

/// `GET /org`: the caller's organisation with real counts.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Org {
    pub id: String,
    pub name: String,
    pub slug: String,
    pub member_count: i64,
    pub receipt_count: i64,
    pub plan: PlanTier,
    pub created_at: String,
}

/// `POST /projects`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ProjectIn {
    /// 1 to 200 characters.
    pub name: String,
}

/// A grouping of runs.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Project {
    pub id: String,
    pub name: String,
    pub slug: String,
    pub run_count: i64,
    pub created_at: String,
}

/// `GET /projects`, newest first.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ProjectList {
    pub projects: Vec<Project>,
}
