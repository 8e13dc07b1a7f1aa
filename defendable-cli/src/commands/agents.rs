//! `agents`, `incidents` and `stack`: agent profiles and their earned lanes, the
//! watchdog, incidents with their receipts, and the stack planner.

use clap::{Args, Subcommand, ValueEnum};

use crate::api::{Answer as _, Ctx};
use crate::client::types;
use crate::commands::{interactive, wire};
use crate::completion::live;
use crate::error::CliError;
use crate::output::opt;
use crate::paging::{self, Listing, Page, PageArgs};
use crate::resolve;

#[derive(Debug, Subcommand)]
pub enum AgentsCommand {
    /// Active agent profiles with their capability summary, newest first.
    Ls {
        #[command(flatten)]
        page: PageArgs,
    },
    /// One profile with its capability by lane.
    Show {
        /// The agent profile: its id or a unique prefix of it.
        #[arg(add = live::agents())]
        agent: String,
    },
    /// Declare an agent profile.
    Create(Box<CreateArgs>),
    /// Open an incident for every blocked lane and lock those lanes.
    Watchdog {
        /// The agent profile: its id or a unique prefix of it.
        #[arg(add = live::agents())]
        agent: String,
    },
}

/// The flags of `agents create`.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The profile's name.
    name: String,
    /// The agent harness (the program that drives the model).
    #[arg(long)]
    harness: Option<String>,
    /// The harness's version.
    #[arg(long)]
    harness_version: Option<String>,
    /// The model the agent runs on.
    #[arg(long)]
    model: Option<String>,
    /// Who provides the model.
    #[arg(long)]
    provider: Option<String>,
    /// Who serves the model (API, local runtime).
    #[arg(long)]
    served_by: Option<String>,
    /// The host the agent runs on.
    #[arg(long)]
    runtime_host: Option<String>,
    /// The host's operating system.
    #[arg(long)]
    runtime_os: Option<String>,
    /// The host's hardware (CPU, GPU).
    #[arg(long)]
    runtime_hardware: Option<String>,
    /// A tool the agent uses (repeatable).
    #[arg(long = "tool", value_name = "TOOL")]
    tools: Vec<String>,
    /// The model's context window, in tokens.
    #[arg(long)]
    context_window: Option<i64>,
    /// The model's size tier.
    #[arg(long, value_enum)]
    tier: Option<TierArg>,
    /// Free-form notes.
    #[arg(long)]
    notes: Option<String>,
    /// A lane (flight-sheet name) runs of this profile may not use (repeatable).
    #[arg(long = "blocked-lane", value_name = "LANE")]
    blocked_lanes: Vec<String>,
    /// Spending cap in USD, recorded in the governance.
    #[arg(long)]
    spend_cap_usd: Option<f64>,
    /// Client-facing output needs a human approval.
    #[arg(long)]
    requires_approval_client_output: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TierArg {
    Edge,
    Small,
    Mid,
    Frontier,
}

#[derive(Debug, Subcommand)]
pub enum IncidentsCommand {
    /// Incidents, newest first.
    Ls {
        /// Only incidents of this agent profile (its id or a unique prefix of it).
        #[arg(long, add = live::agents())]
        agent: Option<String>,
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        #[command(flatten)]
        page: PageArgs,
    },
    /// Open an incident.
    Open {
        /// What happened, in one line.
        #[arg(long)]
        title: String,
        /// The kind of incident.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// How severe it is.
        #[arg(long, value_enum)]
        tier: Option<LevelArg>,
        /// What happened, in full.
        #[arg(long)]
        detail: Option<String>,
        /// The lane involved.
        #[arg(long)]
        lane: Option<String>,
        /// The agent profile involved (its id or a unique prefix of it).
        #[arg(long, add = live::agents())]
        agent: Option<String>,
        /// The run involved (its id or a unique prefix of it).
        #[arg(long, add = live::runs())]
        run: Option<String>,
        /// A response step (repeatable).
        #[arg(long = "response", value_name = "STEP")]
        response: Vec<String>,
    },
    /// Resolve an incident (or reopen it); resolving a watchdog incident unlocks its lane.
    Resolve {
        incident: String,
        /// Reopen instead of resolving.
        #[arg(long)]
        reopen: bool,
    },
    /// Mint (or fetch) the receipt of the incident's current state.
    Receipt { incident: String },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum StatusArg {
    Open,
    Resolved,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum KindArg {
    Rogue,
    Dark,
    PolicyViolation,
    RecurringFlag,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LevelArg {
    Low,
    Mid,
    High,
}

#[derive(Debug, Subcommand)]
pub enum StackCommand {
    /// The planner's task classes, model tiers and compute tiers.
    Options,
    /// Which model and compute your jobs need (asks on a terminal when no --job is given).
    Assess {
        /// A task-class key (repeatable; see `stack options`).
        #[arg(long = "job", value_name = "KEY")]
        jobs: Vec<String>,
        /// The output goes to clients.
        #[arg(long)]
        client_facing: bool,
        /// The stakes are high (money, legal, safety).
        #[arg(long)]
        high_stakes: bool,
        /// The agents must run around the clock.
        #[arg(long = "always-on")]
        needs_24_7: bool,
        /// Data may not leave your own hardware.
        #[arg(long)]
        data_local_only: bool,
        /// Where you would rather run it.
        #[arg(long, value_enum)]
        preference: Option<PreferenceArg>,
        /// The budget band.
        #[arg(long, value_enum)]
        budget: Option<BudgetArg>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum PreferenceArg {
    Owner,
    Cloud,
    Hybrid,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum BudgetArg {
    Low,
    Medium,
    High,
}

fn join(items: &[String]) -> String {
    if items.is_empty() {
        "-".into()
    } else {
        items.join(", ")
    }
}

fn profile_row(p: &types::AgentProfile) -> Vec<String> {
    let (status, evaluated, approved, blocked) = status_text(p.summary.as_ref());
    vec![
        p.id.clone(),
        p.name.clone(),
        opt(p.model.as_deref()),
        opt(p.capability_tier.as_ref().map(wire)),
        status,
        evaluated,
        approved,
        blocked,
    ]
}

fn status_text(summary: Option<&types::CapabilitySummary>) -> (String, String, String, String) {
    match summary {
        Some(s) => (
            wire(&s.overall_status),
            s.evaluated_runs.to_string(),
            join(&s.approved_lanes),
            join(&s.blocked_lanes),
        ),
        None => ("-".into(), "-".into(), "-".into(), "-".into()),
    }
}

pub async fn agents(ctx: &Ctx, cmd: AgentsCommand) -> Result<(), CliError> {
    let client = ctx.authed()?;
    match cmd {
        AgentsCommand::Ls { page } => {
            let listing = Listing {
                headers: &[
                    "id",
                    "name",
                    "model",
                    "tier",
                    "status",
                    "evaluated",
                    "approved lanes",
                    "blocked/restricted",
                ],
                row: profile_row,
                ids: true,
                json: |agent_profiles, next_cursor| types::AgentProfileList {
                    agent_profiles,
                    next_cursor,
                },
            };
            paging::list(ctx, &page, listing, |cursor| {
                let mut request = client.agent_profiles_list();
                if let Some(limit) = page.limit {
                    request = request.limit(limit);
                }
                if let Some(cursor) = cursor {
                    request = request.cursor(cursor);
                }
                async move {
                    let list = request.send().answer(ctx).await?;
                    Ok(Page {
                        items: list.agent_profiles,
                        next: list.next_cursor,
                    })
                }
            })
            .await
        }
        AgentsCommand::Show { agent } => {
            let p = client
                .agent_profiles_get()
                .profile_id(resolve::agent_id(ctx, &client, &agent).await?)
                .send()
                .answer(ctx)
                .await?;
            if ctx.printer.json {
                return ctx.printer.json(&p);
            }
            let cap = p.capability.as_ref();
            ctx.printer.object(
                &p,
                vec![
                    ("name", p.name.clone()),
                    ("id", p.id.clone()),
                    ("model", opt(p.model.as_deref())),
                    ("harness", opt(p.harness.as_deref())),
                    ("tier", opt(p.capability_tier.as_ref().map(wire))),
                    ("tools", join(&p.tools)),
                    ("locked lanes", join(&p.governance.blocked_lanes)),
                    (
                        "status",
                        opt(cap.map(|c| wire(&c.overall_status)).as_deref()),
                    ),
                    (
                        "evaluated runs",
                        opt(cap.map(|c| format!("{} of {}", c.evaluated_runs, c.total_runs))),
                    ),
                ],
            )?;
            if let Some(cap) = cap {
                ctx.printer.say("")?;
                let rows = cap
                    .lanes
                    .iter()
                    .map(|l| {
                        vec![
                            l.name.clone(),
                            l.honey.to_string(),
                            l.jelly.to_string(),
                            l.propolis.to_string(),
                            wire(&l.status),
                            if l.locked { "locked" } else { "" }.to_string(),
                        ]
                    })
                    .collect();
                ctx.printer.list(
                    &cap.lanes,
                    &["lane", "honey", "jelly", "propolis", "status", ""],
                    rows,
                )?;
            }
            Ok(())
        }
        AgentsCommand::Create(args) => {
            let CreateArgs {
                name,
                harness,
                harness_version,
                model,
                provider,
                served_by,
                runtime_host,
                runtime_os,
                runtime_hardware,
                tools,
                context_window,
                tier,
                notes,
                blocked_lanes,
                spend_cap_usd,
                requires_approval_client_output,
            } = *args;
            let governance = types::Governance {
                blocked_lanes,
                notes: None,
                requires_approval_client_output: requires_approval_client_output.then_some(true),
                spend_cap_usd,
            };
            let body = types::AgentProfileIn {
                capability_tier: tier.map(|t| match t {
                    TierArg::Edge => types::CapabilityTier::Edge,
                    TierArg::Small => types::CapabilityTier::Small,
                    TierArg::Mid => types::CapabilityTier::Mid,
                    TierArg::Frontier => types::CapabilityTier::Frontier,
                }),
                context_window,
                governance: Some(governance),
                harness,
                harness_version,
                model,
                model_provider: provider,
                name,
                notes,
                runtime_hardware,
                runtime_host,
                runtime_os,
                served_by,
                tools,
            };
            let p = client
                .agent_profiles_create()
                .body(body)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &p,
                vec![
                    ("id", p.id.clone()),
                    ("name", p.name.clone()),
                    ("locked lanes", join(&p.governance.blocked_lanes)),
                ],
            )
        }
        AgentsCommand::Watchdog { agent } => {
            let out = client
                .agent_profiles_watchdog()
                .profile_id(resolve::agent_id(ctx, &client, &agent).await?)
                .send()
                .answer(ctx)
                .await?;
            if ctx.printer.json {
                return ctx.printer.json(&out);
            }
            ctx.printer.say(&format!(
                "scanned {} lane(s); blocked: {}; locked now: {}",
                out.scanned_lanes,
                join(&out.blocked_lanes),
                join(&out.governance.blocked_lanes)
            ))?;
            ctx.printer.list(
                &out,
                INCIDENT_HEADERS,
                out.opened.iter().map(incident_row).collect(),
            )
        }
    }
}

const INCIDENT_HEADERS: &[&str] = &["id", "kind", "tier", "status", "lane", "title", "profile"];

fn incident_row(i: &types::Incident) -> Vec<String> {
    vec![
        i.id.clone(),
        wire(&i.kind),
        wire(&i.tier),
        wire(&i.status),
        opt(i.lane.as_deref()),
        i.title.clone(),
        opt(i.agent_profile_name.as_deref()),
    ]
}

fn incident_fields(i: &types::Incident) -> Vec<(&'static str, String)> {
    vec![
        ("id", i.id.clone()),
        ("kind", wire(&i.kind)),
        ("tier", wire(&i.tier)),
        ("status", wire(&i.status)),
        ("title", i.title.clone()),
        ("lane", opt(i.lane.as_deref())),
        ("profile", opt(i.agent_profile_name.as_deref())),
        ("run", opt(i.run_id.as_deref())),
        ("resolved at", opt(i.resolved_at.as_deref())),
    ]
}

pub async fn incidents(ctx: &Ctx, cmd: IncidentsCommand) -> Result<(), CliError> {
    let client = ctx.authed()?;
    match cmd {
        IncidentsCommand::Ls {
            agent,
            status,
            page,
        } => {
            let agent = match agent {
                Some(agent) => Some(resolve::agent_id(ctx, &client, &agent).await?),
                None => None,
            };
            let status = status.map(|status| match status {
                StatusArg::Open => types::IncidentStatus::Open,
                StatusArg::Resolved => types::IncidentStatus::Resolved,
            });
            let listing = Listing {
                headers: INCIDENT_HEADERS,
                row: incident_row,
                ids: true,
                json: |incidents, next_cursor| types::IncidentList {
                    incidents,
                    next_cursor,
                },
            };
            paging::list(ctx, &page, listing, |cursor| {
                let mut request = client.incidents_list();
                if let Some(agent) = &agent {
                    request = request.agent_profile_id(agent.clone());
                }
                if let Some(status) = status {
                    request = request.status(status);
                }
                if let Some(limit) = page.limit {
                    request = request.limit(limit);
                }
                if let Some(cursor) = cursor {
                    request = request.cursor(cursor);
                }
                async move {
                    let list = request.send().answer(ctx).await?;
                    Ok(Page {
                        items: list.incidents,
                        next: list.next_cursor,
                    })
                }
            })
            .await
        }
        IncidentsCommand::Open {
            title,
            kind,
            tier,
            detail,
            lane,
            agent,
            run,
            response,
        } => {
            let agent = match agent {
                Some(agent) => Some(resolve::agent_id(ctx, &client, &agent).await?),
                None => None,
            };
            let run = match run {
                Some(run) => Some(resolve::run_id(ctx, &client, &run).await?),
                None => None,
            };
            let body = types::IncidentIn {
                agent_profile_id: agent,
                detail,
                kind: kind.map(|k| match k {
                    KindArg::Rogue => types::IncidentKind::Rogue,
                    KindArg::Dark => types::IncidentKind::Dark,
                    KindArg::PolicyViolation => types::IncidentKind::PolicyViolation,
                    KindArg::RecurringFlag => types::IncidentKind::RecurringFlag,
                }),
                lane,
                response,
                run_id: run,
                tier: tier.map(|t| match t {
                    LevelArg::Low => types::TierLevel::Low,
                    LevelArg::Mid => types::TierLevel::Mid,
                    LevelArg::High => types::TierLevel::High,
                }),
                title,
            };
            let i = client
                .incidents_create()
                .body(body)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(&i, incident_fields(&i))
        }
        IncidentsCommand::Resolve { incident, reopen } => {
            let status = if reopen {
                types::IncidentStatus::Open
            } else {
                types::IncidentStatus::Resolved
            };
            let i = client
                .incidents_update()
                .incident_id(incident)
                .body(types::IncidentPatch {
                    status: Some(status),
                })
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(&i, incident_fields(&i))
        }
        IncidentsCommand::Receipt { incident } => {
            let r = client
                .incidents_receipt()
                .incident_id(incident)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &r,
                vec![
                    ("receipt", r.receipt_id.clone()),
                    ("chain position", r.org_seq.to_string()),
                    ("sha256", r.receipt_sha256.clone()),
                    ("share url", r.share_url.clone()),
                ],
            )
        }
    }
}

/// The answers of `stack assess`, asked on a terminal when no job was given.
struct Answers {
    jobs: Vec<String>,
    client_facing: bool,
    high_stakes: bool,
    needs_24_7: bool,
    data_local_only: bool,
    preference: Option<types::Deployment>,
    budget: Option<types::Budget>,
}

fn ask_err(e: dialoguer::Error) -> CliError {
    CliError::other(format!("reading the answer: {e}"))
}

fn ask(options: &types::StackPlannerOptions) -> Result<Answers, CliError> {
    let labels: Vec<String> = options
        .task_classes
        .iter()
        .map(|t| format!("{} ({})", t.label, t.key))
        .collect();
    let picked = dialoguer::MultiSelect::new()
        .with_prompt("Which jobs will your agents do? (space to pick, enter to finish)")
        .items(&labels)
        .interact()
        .map_err(ask_err)?;
    let yes_no = |question: &str| crate::prompt::confirm(question, false);
    let client_facing = yes_no("Does the output go to clients?")?;
    let high_stakes = yes_no("Are the stakes high (money, legal, safety)?")?;
    let needs_24_7 = yes_no("Must the agents run around the clock?")?;
    let data_local_only = yes_no("Must data stay on your own hardware?")?;
    let preference = dialoguer::Select::new()
        .with_prompt("Where would you rather run it?")
        .items(&["no preference", "own hardware", "cloud", "hybrid"])
        .default(0)
        .interact()
        .map_err(ask_err)?;
    let budget = dialoguer::Select::new()
        .with_prompt("Compute budget?")
        .items(&["no limit", "low", "medium", "high"])
        .default(0)
        .interact()
        .map_err(ask_err)?;
    Ok(Answers {
        jobs: picked
            .into_iter()
            .map(|i| options.task_classes[i].key.clone())
            .collect(),
        client_facing,
        high_stakes,
        needs_24_7,
        data_local_only,
        preference: match preference {
            1 => Some(types::Deployment::Owner),
            2 => Some(types::Deployment::Cloud),
            3 => Some(types::Deployment::Hybrid),
            _ => None,
        },
        budget: match budget {
            1 => Some(types::Budget::Low),
            2 => Some(types::Budget::Medium),
            3 => Some(types::Budget::High),
            _ => None,
        },
    })
}

fn lanes_text(lanes: &[types::PlannedLane]) -> String {
    if lanes.is_empty() {
        return "-".into();
    }
    lanes
        .iter()
        .map(|l| format!("{} ({})", l.key, l.reason))
        .collect::<Vec<_>>()
        .join("; ")
}

pub async fn stack(ctx: &Ctx, cmd: StackCommand) -> Result<(), CliError> {
    let client = ctx.authed()?;
    match cmd {
        StackCommand::Options => {
            let options = client.stack_planner_options().send().answer(ctx).await?;
            if ctx.printer.json {
                return ctx.printer.json(&options);
            }
            let jobs = options
                .task_classes
                .iter()
                .map(|t| {
                    let mut flags = Vec::new();
                    if t.client_facing {
                        flags.push("client-facing");
                    }
                    if t.high_stakes {
                        flags.push("high-stakes");
                    }
                    if t.autonomous {
                        flags.push("autonomous");
                    }
                    vec![
                        t.key.clone(),
                        t.label.clone(),
                        wire(&t.min_model),
                        flags.join(","),
                    ]
                })
                .collect();
            ctx.printer
                .list(&options, &["job", "label", "min model", "flags"], jobs)?;
            ctx.printer.say("")?;
            let compute = options
                .compute_tiers
                .iter()
                .map(|c| {
                    vec![
                        wire(&c.key),
                        c.label.clone(),
                        wire(&c.max_model),
                        c.cost.clone(),
                        c.uptime.clone(),
                    ]
                })
                .collect();
            ctx.printer.list(
                &options,
                &["compute", "label", "max model", "cost", "uptime"],
                compute,
            )
        }
        StackCommand::Assess {
            jobs,
            client_facing,
            high_stakes,
            needs_24_7,
            data_local_only,
            preference,
            budget,
        } => {
            let answers = if jobs.is_empty() {
                if !interactive() {
                    return Err(CliError::usage(
                        "pick at least one --job (see `defendable stack options`)",
                    ));
                }
                let options = client.stack_planner_options().send().answer(ctx).await?;
                ask(&options)?
            } else {
                Answers {
                    jobs,
                    client_facing,
                    high_stakes,
                    needs_24_7,
                    data_local_only,
                    preference: preference.map(|p| match p {
                        PreferenceArg::Owner => types::Deployment::Owner,
                        PreferenceArg::Cloud => types::Deployment::Cloud,
                        PreferenceArg::Hybrid => types::Deployment::Hybrid,
                    }),
                    budget: budget.map(|b| match b {
                        BudgetArg::Low => types::Budget::Low,
                        BudgetArg::Medium => types::Budget::Medium,
                        BudgetArg::High => types::Budget::High,
                    }),
                }
            };
            let body = types::StackAssessmentIn {
                budget: answers.budget,
                client_facing: answers.client_facing,
                data_local_only: answers.data_local_only,
                high_stakes: answers.high_stakes,
                jobs: answers.jobs,
                needs_24_7: answers.needs_24_7,
                preference: answers.preference,
            };
            let a = client
                .stack_assessment()
                .body(body)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &a,
                vec![
                    ("deployment", wire(&a.deployment)),
                    ("model", a.model_label.clone()),
                    ("compute", a.compute_label.clone()),
                    ("cost", a.cost_band.clone()),
                    ("within budget", a.within_budget.to_string()),
                    (
                        "human approval",
                        if a.human_approval_required {
                            "required"
                        } else {
                            "not required"
                        }
                        .to_string(),
                    ),
                    ("approved", lanes_text(&a.approved_lanes)),
                    ("restricted", lanes_text(&a.restricted_lanes)),
                    ("blocked", lanes_text(&a.blocked_lanes)),
                    ("why", a.reasons.join("; ")),
                    ("summary", a.summary.clone()),
                    ("next step", a.next_step.clone()),
                ],
            )
        }
    }
}
