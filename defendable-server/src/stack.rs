//! The stack planner: deterministic tables of task classes, model tiers and
//! compute tiers, and the assessment of which model and compute a set of jobs
//! needs. The recommended model is never below what the jobs require, and a
//! budget caps optional upgrades without ever recommending an undersized stack.

use defendable_contract::schemas::{
    Budget, ComputeTier, ComputeTierKey, Deployment, EarnedLane, Fit, ModelTier, ModelTierKey,
    PlannedLane, StackAssessment, StackAssessmentIn, StackPlannerOptions, TaskClass,
};

use crate::error::Error;

struct Task {
    key: &'static str,
    label: &'static str,
    min_model: ModelTierKey,
    client_facing: bool,
    high_stakes: bool,
    autonomous: bool,
}

const fn task(
    key: &'static str,
    label: &'static str,
    min_model: ModelTierKey,
    flags: (bool, bool, bool),
) -> Task {
    Task {
        key,
        label,
        min_model,
        client_facing: flags.0,
        high_stakes: flags.1,
        autonomous: flags.2,
    }
}

const PLAIN: (bool, bool, bool) = (false, false, false);
const CLIENT_FACING: (bool, bool, bool) = (true, false, false);
const HIGH_STAKES: (bool, bool, bool) = (false, true, false);
const AUTONOMOUS: (bool, bool, bool) = (false, false, true);

use ModelTierKey::{Anchor, Edge, Senior, Workhorse};

const TASKS: &[Task] = &[
    task("intake", "Intake and triage", Edge, PLAIN),
    task("evidence_extraction", "Evidence extraction", Edge, PLAIN),
    task("log_summary", "Log summaries", Edge, PLAIN),
    task("routing", "Routing", Edge, PLAIN),
    task("drafting", "Drafting", Workhorse, PLAIN),
    task(
        "structured_analysis",
        "Structured analysis",
        Workhorse,
        PLAIN,
    ),
    task("financial_math", "Financial math", Workhorse, HIGH_STAKES),
    task("synthesis_memo", "Synthesis memos", Senior, CLIENT_FACING),
    task("deep_research", "Deep research", Senior, PLAIN),
    task("arbitration", "Arbitration", Anchor, HIGH_STAKES),
    task(
        "autonomous_action",
        "Autonomous actions",
        Workhorse,
        AUTONOMOUS,
    ),
];

fn model_label(m: ModelTierKey) -> &'static str {
    match m {
        Edge => "Edge (3–4B)",
        Workhorse => "Workhorse (7–14B)",
        Senior => "Senior (27–34B)",
        Anchor => "Anchor (70B+)",
    }
}

fn model_params(m: ModelTierKey) -> &'static str {
    match m {
        Edge => "3–4B",
        Workhorse => "7–14B",
        Senior => "27–34B",
        Anchor => "70B+",
    }
}

struct Compute {
    key: ComputeTierKey,
    label: &'static str,
    max_model: ModelTierKey,
    cost: &'static str,
    /// 1 (low) to 4 (high), compared with the budget.
    cost_rank: u8,
    owner: bool,
    uptime: &'static str,
}

const COMPUTE: &[Compute] = &[
    Compute {
        key: ComputeTierKey::OwnerEdge,
        label: "Owner edge device",
        max_model: Edge,
        cost: "low",
        cost_rank: 1,
        owner: true,
        uptime: "fragile",
    },
    Compute {
        key: ComputeTierKey::OwnerGpu,
        label: "Owner GPU workstation",
        max_model: Workhorse,
        cost: "low–medium",
        cost_rank: 2,
        owner: true,
        uptime: "ok",
    },
    Compute {
        key: ComputeTierKey::HostedGpu,
        label: "Hosted GPU",
        max_model: Senior,
        cost: "medium",
        cost_rank: 3,
        owner: false,
        uptime: "strong",
    },
    Compute {
        key: ComputeTierKey::HostedMulti,
        label: "Hosted multi-GPU",
        max_model: Anchor,
        cost: "high",
        cost_rank: 4,
        owner: false,
        uptime: "strong",
    },
];

fn compute(key: ComputeTierKey) -> &'static Compute {
    COMPUTE
        .iter()
        .find(|c| c.key == key)
        .expect("every compute key has a row")
}

/// The highest cost rank a budget allows.
fn budget_ceiling(budget: Option<Budget>) -> u8 {
    match budget {
        Some(Budget::Low) => 2,
        Some(Budget::Medium) => 3,
        Some(Budget::High) | None => 4,
    }
}

fn budget_text(budget: Budget) -> &'static str {
    match budget {
        Budget::Low => "low",
        Budget::Medium => "medium",
        Budget::High => "high",
    }
}

fn deployment_text(d: Deployment) -> &'static str {
    match d {
        Deployment::Owner => "owner",
        Deployment::Cloud => "cloud",
        Deployment::Hybrid => "hybrid",
    }
}

/// `GET /stack-planner/options`.
pub fn options() -> StackPlannerOptions {
    StackPlannerOptions {
        task_classes: TASKS
            .iter()
            .map(|t| TaskClass {
                key: t.key.into(),
                label: t.label.into(),
                min_model: t.min_model,
                client_facing: t.client_facing,
                high_stakes: t.high_stakes,
                autonomous: t.autonomous,
            })
            .collect(),
        model_tiers: [Edge, Workhorse, Senior, Anchor]
            .into_iter()
            .map(|m| ModelTier {
                key: m,
                label: model_label(m).into(),
                params: model_params(m).into(),
            })
            .collect(),
        compute_tiers: COMPUTE
            .iter()
            .map(|c| ComputeTier {
                key: c.key,
                label: c.label.into(),
                max_model: c.max_model,
                cost: c.cost.into(),
                owner: c.owner,
                uptime: c.uptime.into(),
            })
            .collect(),
    }
}

/// `POST /stack-assessment`: 400 when no job is picked or a job key is unknown.
pub fn assess(
    answers: &StackAssessmentIn,
    earned_lanes: Vec<EarnedLane>,
) -> Result<StackAssessment, Error> {
    if answers.jobs.len() > 50 {
        return Err(Error::invalid("pick at most 50 jobs"));
    }
    let mut jobs: Vec<&Task> = Vec::new();
    let mut unknown = Vec::new();
    for key in &answers.jobs {
        let key = key.trim();
        match TASKS.iter().find(|t| t.key == key) {
            Some(t) if !jobs.iter().any(|j| j.key == t.key) => jobs.push(t),
            Some(_) => {}
            None => unknown.push(key.to_string()),
        }
    }
    if !unknown.is_empty() {
        return Err(Error::invalid(format!(
            "unknown job(s): {}; GET /stack-planner/options lists the task classes",
            unknown.join(", ")
        )));
    }
    if jobs.is_empty() {
        return Err(Error::invalid("pick at least one job"));
    }
    let client_facing = answers.client_facing || jobs.iter().any(|j| j.client_facing);
    let high_stakes = answers.high_stakes || jobs.iter().any(|j| j.high_stakes);
    let autonomous = jobs.iter().any(|j| j.autonomous);
    let mut reasons = Vec::new();

    // Model: the largest class any job needs; never recommend less.
    let required_model = jobs.iter().map(|j| j.min_model).max().unwrap_or(Edge);
    let recommended_model = required_model;
    if client_facing && required_model >= Senior {
        reasons.push(format!(
            "client-facing work keeps the {} class it requires",
            model_label(required_model)
        ));
    }

    // Deployment: the first matching rule wins.
    let has_edge = jobs.iter().any(|j| j.min_model == Edge);
    let has_bigger = jobs.iter().any(|j| j.min_model >= Workhorse);
    let prefers_owner = answers.preference == Some(Deployment::Owner);
    let deployment = if has_edge && has_bigger {
        reasons
            .push("edge-level jobs can run on owned hardware while larger ones run hosted".into());
        Deployment::Hybrid
    } else if !has_bigger && (answers.data_local_only || prefers_owner) {
        reasons.push("every job fits on owned edge hardware".into());
        Deployment::Owner
    } else if required_model >= Senior || (answers.needs_24_7 && client_facing) {
        reasons.push(format!(
            "{} or always-on client-facing work needs hosted compute",
            model_label(Senior)
        ));
        Deployment::Cloud
    } else if answers.data_local_only || prefers_owner {
        reasons.push("data stays local on owned hardware".into());
        Deployment::Owner
    } else {
        Deployment::Cloud
    };
    if let Some(pref) = answers.preference {
        let accepted = pref == deployment || (pref == Deployment::Hybrid && has_edge && has_bigger);
        if !accepted {
            reasons.push(format!(
                "you preferred {}, but these jobs point to {}",
                deployment_text(pref),
                deployment_text(deployment)
            ));
        }
    }

    // Compute: the smallest tier hosting the requirement; uptime may ask for more,
    // within the budget.
    let min_compute = COMPUTE
        .iter()
        .find(|c| c.max_model >= required_model)
        .expect("the largest tier hosts every model");
    let ceiling = budget_ceiling(answers.budget);
    let mut recommended = min_compute;
    if (answers.needs_24_7 || client_facing) && min_compute.uptime != "strong" {
        let hosted = COMPUTE
            .iter()
            .find(|c| !c.owner && c.max_model >= recommended_model)
            .expect("a hosted tier hosts every model");
        if hosted.cost_rank <= ceiling {
            reasons.push(format!(
                "always-on or client-facing work needs strong uptime: {}",
                hosted.label
            ));
            recommended = hosted;
        } else if let Some(budget) = answers.budget {
            reasons.push(format!(
                "strong uptime would need {} ({} cost), above the {} budget: staying on {}",
                hosted.label,
                hosted.cost,
                budget_text(budget),
                min_compute.label
            ));
        }
    }
    let within_budget = min_compute.cost_rank <= ceiling;
    if let (false, Some(budget)) = (within_budget, answers.budget) {
        reasons.push(format!(
            "these jobs need at least {} ({} cost), above the {} budget: raise the budget or drop the largest jobs",
            min_compute.label,
            min_compute.cost,
            budget_text(budget)
        ));
    }

    let owner_fit = if min_compute.owner && required_model <= Workhorse {
        Fit::Strong
    } else if has_edge {
        Fit::Partial
    } else {
        Fit::None
    };
    let mut cost_band = recommended.cost.to_string();
    if answers.needs_24_7 && recommended.cost_rank < 4 {
        cost_band.push_str(" (×24-7 always-on)");
    }
    let human_approval_required = client_facing || high_stakes || autonomous;

    let mut approved = Vec::new();
    let mut restricted = Vec::new();
    let mut blocked = Vec::new();
    for job in &jobs {
        let lane = |reason: String| PlannedLane {
            key: job.key.into(),
            label: job.label.into(),
            reason,
        };
        if job.autonomous {
            restricted.push(lane(
                "autonomous action — allowed only behind human approval".into(),
            ));
        } else if job.min_model <= recommended.max_model {
            if job.client_facing || job.high_stakes {
                restricted.push(lane("human approval required before release".into()));
            } else {
                approved.push(lane("within the recommended stack".into()));
            }
        } else {
            blocked.push(lane(format!(
                "needs {} — above the recommended stack",
                model_label(job.min_model)
            )));
        }
    }

    let summary = format!(
        "{} deployment: {} on {}; cost {}{}.",
        deployment_text(deployment),
        model_label(recommended_model),
        recommended.label,
        cost_band,
        if human_approval_required {
            "; a human approves before release"
        } else {
            ""
        }
    );
    let next_step = if !within_budget {
        "Raise the budget or narrow the jobs, then assess again.".to_string()
    } else if earned_lanes.is_empty() {
        "Create an agent profile for this stack and run its first audited runs.".to_string()
    } else {
        "Run audited work on the lanes your profiles have earned; the watchdog locks lanes that keep failing.".to_string()
    };
    Ok(StackAssessment {
        deployment,
        required_model,
        recommended_model,
        min_compute: min_compute.key,
        recommended_compute: recommended.key,
        model_label: model_label(recommended_model).into(),
        compute_label: compute(recommended.key).label.into(),
        owner_fit,
        cloud_fit: Fit::Strong,
        cost_band,
        human_approval_required,
        approved_lanes: approved,
        restricted_lanes: restricted,
        blocked_lanes: blocked,
        budget: answers.budget,
        within_budget,
        reasons,
        summary,
        earned_lanes,
        next_step,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(jobs: &[&str]) -> StackAssessmentIn {
        StackAssessmentIn {
            jobs: jobs.iter().map(|j| j.to_string()).collect(),
            client_facing: false,
            high_stakes: false,
            needs_24_7: false,
            data_local_only: false,
            preference: None,
            budget: None,
        }
    }

    #[test]
    fn client_facing_anchor_work_stays_anchor_and_is_not_blocked() {
        let mut a = answers(&["arbitration"]);
        a.client_facing = true;
        let out = assess(&a, vec![]).unwrap();
        assert_eq!(out.required_model, Anchor);
        assert_eq!(out.recommended_model, Anchor);
        assert_eq!(out.recommended_compute, ComputeTierKey::HostedMulti);
        assert!(out.blocked_lanes.is_empty());
        assert_eq!(out.restricted_lanes[0].key, "arbitration");
    }

    #[test]
    fn mixed_jobs_are_hybrid_and_edge_only_local_is_owner() {
        let out = assess(&answers(&["intake", "drafting"]), vec![]).unwrap();
        assert_eq!(out.deployment, Deployment::Hybrid);
        assert_eq!(out.owner_fit, Fit::Strong);
        let mut a = answers(&["intake", "routing"]);
        a.data_local_only = true;
        let out = assess(&a, vec![]).unwrap();
        assert_eq!(out.deployment, Deployment::Owner);
        assert_eq!(out.min_compute, ComputeTierKey::OwnerEdge);
    }

    #[test]
    fn budget_caps_the_uptime_upgrade_but_never_undersizes() {
        let mut a = answers(&["drafting"]);
        a.needs_24_7 = true;
        let out = assess(&a, vec![]).unwrap();
        assert_eq!(out.recommended_compute, ComputeTierKey::HostedGpu);
        a.budget = Some(Budget::Low);
        let out = assess(&a, vec![]).unwrap();
        assert_eq!(out.recommended_compute, ComputeTierKey::OwnerGpu);
        assert!(out.within_budget);
        let mut a = answers(&["deep_research"]);
        a.budget = Some(Budget::Low);
        let out = assess(&a, vec![]).unwrap();
        assert_eq!(out.recommended_compute, ComputeTierKey::HostedGpu);
        assert!(!out.within_budget);
    }

    #[test]
    fn no_or_unknown_jobs_are_refused() {
        assert!(matches!(
            assess(&answers(&[]), vec![]).unwrap_err(),
            Error::InvalidInput(_)
        ));
        let e = assess(&answers(&["intake", "juggling"]), vec![]).unwrap_err();
        assert!(matches!(e, Error::InvalidInput(_)));
        assert!(e.detail().contains("juggling"));
    }
}
