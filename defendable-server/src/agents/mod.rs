//! Agent profiles: declaring them, their capability by lane, the watchdog that
//! locks lanes with recurring critical flags, the lane guard runs pass through,
//! and the lanes profiles have earned.

pub mod capability;
pub mod incidents;

use serde_json::Value;

use defendable_contract::doctrine::{CapabilityTier, IncidentKind, LaneStatus, TierLevel};
use defendable_contract::schemas::*;

use crate::auth::{Need, Principal};
use crate::context::AppContext;
use crate::error::{db, Error};
use crate::store::agents::{self as store, ProfileRow, Scope};
use crate::store::runs::RunRow;
use crate::text::{optional_text, required_text};
use crate::{ids, time};

pub(crate) use crate::paging::{decode_cursor, encode_cursor, page_limit};

/// Largest page of profiles.
pub const MAX_PROFILE_PAGE: i64 = 100;

/// A list of short texts: each trimmed, non-empty and bounded; duplicates dropped.
pub(crate) fn text_list(
    values: Vec<String>,
    field: &str,
    max_items: usize,
    max_len: usize,
) -> Result<Vec<String>, Error> {
    if values.len() > max_items {
        return Err(Error::invalid(format!(
            "{field} takes at most {max_items} entries"
        )));
    }
    let mut out: Vec<String> = Vec::new();
    for v in values {
        let v = required_text(&v, field, max_len)?;
        if !out.contains(&v) {
            out.push(v);
        }
    }
    Ok(out)
}

fn governance_of(row: &ProfileRow) -> Governance {
    serde_json::from_str(&row.governance).unwrap_or_default()
}

fn validate_governance(g: Option<Governance>) -> Result<Governance, Error> {
    let g = g.unwrap_or_default();
    if let Some(cap) = g.spend_cap_usd {
        if !cap.is_finite() || cap < 0.0 {
            return Err(Error::invalid(
                "governance.spend_cap_usd must be a number of at least 0",
            ));
        }
    }
    let mut blocked = text_list(g.blocked_lanes, "governance.blocked_lanes", 100, 200)?;
    blocked.sort();
    Ok(Governance {
        requires_approval_client_output: g.requires_approval_client_output,
        spend_cap_usd: g.spend_cap_usd,
        blocked_lanes: blocked,
        notes: optional_text(g.notes, "governance.notes", 2000)?,
    })
}

/// A profile as the wire shows it (no capability).
pub fn profile_view(row: &ProfileRow) -> AgentProfile {
    AgentProfile {
        id: row.id.clone(),
        name: row.name.clone(),
        harness: row.harness.clone(),
        harness_version: row.harness_version.clone(),
        model: row.model.clone(),
        model_provider: row.model_provider.clone(),
        served_by: row.served_by.clone(),
        runtime_host: row.runtime_host.clone(),
        runtime_os: row.runtime_os.clone(),
        runtime_hardware: row.runtime_hardware.clone(),
        tools: serde_json::from_str(&row.tools).unwrap_or_default(),
        context_window: row.context_window,
        capability_tier: row
            .capability_tier
            .as_deref()
            .and_then(CapabilityTier::parse),
        notes: row.notes.clone(),
        governance: governance_of(row),
        active: row.active,
        created_at: time::to_wire(&row.created_at),
        summary: None,
        capability: None,
    }
}

/// The profile as JSON for receipts and run views (`profile_out`).
pub fn profile_json(row: &ProfileRow) -> Value {
    serde_json::to_value(profile_view(row)).unwrap_or(Value::Null)
}

/// A profile of the caller's organisation, or 404.
pub async fn profile_row(
    ctx: &AppContext,
    org_id: &str,
    profile_id: &str,
) -> Result<ProfileRow, Error> {
    store::profile(&ctx.db, org_id, profile_id.trim())
        .await
        .map_err(db("reading an agent profile"))?
        .ok_or_else(|| Error::not_found("agent profile not found"))
}

/// `POST /agent-profiles`.
pub async fn create(
    ctx: &AppContext,
    principal: &Principal,
    body: AgentProfileIn,
) -> Result<AgentProfile, Error> {
    let name = required_text(&body.name, "name", 120)?;
    if let Some(n) = body.context_window {
        if !(1..=100_000_000).contains(&n) {
            return Err(Error::invalid("context_window must be 1..100000000 tokens"));
        }
    }
    let tools = text_list(body.tools, "tools", 50, 120)?;
    let governance = validate_governance(body.governance)?;
    let row = ProfileRow {
        id: ids::new_id(),
        org_id: principal.org_id.clone(),
        name,
        harness: optional_text(body.harness, "harness", 80)?,
        harness_version: optional_text(body.harness_version, "harness_version", 40)?,
        model: optional_text(body.model, "model", 120)?,
        model_provider: optional_text(body.model_provider, "model_provider", 80)?,
        served_by: optional_text(body.served_by, "served_by", 40)?,
        runtime_host: optional_text(body.runtime_host, "runtime_host", 120)?,
        runtime_os: optional_text(body.runtime_os, "runtime_os", 80)?,
        runtime_hardware: optional_text(body.runtime_hardware, "runtime_hardware", 160)?,
        tools: serde_json::to_string(&tools).unwrap_or_else(|_| "[]".into()),
        context_window: body.context_window,
        capability_tier: body.capability_tier.map(|t| t.as_str().to_string()),
        notes: optional_text(body.notes, "notes", 2000)?,
        governance: serde_json::to_string(&governance).unwrap_or_else(|_| "{}".into()),
        active: true,
        created_by: principal.user_id.clone(),
        created_at: time::now_micros(),
    };
    store::insert_profile(&ctx.db, &row)
        .await
        .map_err(db("creating an agent profile"))?;
    Ok(profile_view(&row))
}

/// `GET /agent-profiles`: one page, each profile with its summary, in three
/// queries whatever the number of runs.
pub async fn list(
    ctx: &AppContext,
    principal: &Principal,
    query: AgentProfileListQuery,
) -> Result<AgentProfileList, Error> {
    let limit = page_limit(query.limit, 50, MAX_PROFILE_PAGE)?;
    let cursor = match query.cursor.as_deref().map(str::trim) {
        Some(c) if !c.is_empty() => Some(decode_cursor(c)?),
        _ => None,
    };
    let after = cursor.as_ref().map(|(a, i)| (a.as_str(), i.as_str()));
    let mut rows = store::profiles_page(&ctx.db, &principal.org_id, limit + 1, after)
        .await
        .map_err(db("listing agent profiles"))?;
    let next_cursor = if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|r| encode_cursor(&r.created_at, &r.id))
    } else {
        None
    };
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let scope = Scope::Profiles(&ids);
    let runs = store::run_facts(&ctx.db, &principal.org_id, &scope)
        .await
        .map_err(db("reading runs of agent profiles"))?;
    let flags = store::check_facts(&ctx.db, &principal.org_id, &scope, true)
        .await
        .map_err(db("reading flags of agent profiles"))?;
    let runs = capability::by_profile(&runs, |r| &r.profile_id);
    let flags = capability::by_profile(&flags, |c| &c.profile_id);
    let none = Vec::new();
    let agent_profiles = rows
        .iter()
        .map(|row| {
            let cap = capability::capability(
                runs.get(&row.id).unwrap_or(&none),
                flags.get(&row.id).unwrap_or(&Vec::new()),
                &governance_of(row).blocked_lanes,
            );
            AgentProfile {
                summary: Some(capability::summary(&cap)),
                ..profile_view(row)
            }
        })
        .collect();
    Ok(AgentProfileList {
        agent_profiles,
        next_cursor,
    })
}

async fn capability_of(ctx: &AppContext, row: &ProfileRow) -> Result<Capability, Error> {
    let ids = [row.id.clone()];
    let scope = Scope::Profiles(&ids);
    let runs = store::run_facts(&ctx.db, &row.org_id, &scope)
        .await
        .map_err(db("reading runs of an agent profile"))?;
    let checks = store::check_facts(&ctx.db, &row.org_id, &scope, false)
        .await
        .map_err(db("reading rules of an agent profile"))?;
    Ok(capability::capability(
        &runs.iter().collect::<Vec<_>>(),
        &checks.iter().collect::<Vec<_>>(),
        &governance_of(row).blocked_lanes,
    ))
}

/// `GET /agent-profiles/{profile_id}`.
pub async fn get(
    ctx: &AppContext,
    principal: &Principal,
    profile_id: &str,
) -> Result<AgentProfile, Error> {
    let row = profile_row(ctx, &principal.org_id, profile_id).await?;
    let cap = capability_of(ctx, &row).await?;
    Ok(AgentProfile {
        capability: Some(cap),
        ..profile_view(&row)
    })
}

/// `POST /agent-profiles/{profile_id}/watchdog`: for every lane blocked by its
/// numbers, opens one recurring_flag incident unless an open one exists, and
/// locks the lane in the profile's governance. Serialised per profile, so
/// concurrent calls open each incident once.
pub async fn watchdog(
    ctx: &AppContext,
    principal: &Principal,
    profile_id: &str,
) -> Result<WatchdogResult, Error> {
    let row = profile_row(ctx, &principal.org_id, profile_id).await?;
    let cap = capability_of(ctx, &row).await?;
    let mut blocked: Vec<&LaneCapability> = cap
        .lanes
        .iter()
        .filter(|l| l.status == LaneStatus::Blocked)
        .collect();
    blocked.sort_by(|a, b| a.name.cmp(&b.name));
    blocked.dedup_by(|a, b| a.name == b.name);

    let mut tx = crate::tx::begin(ctx).await?;
    let row = store::lock_profile(&mut tx, &principal.org_id, &row.id)
        .await
        .map_err(db("locking an agent profile"))?
        .ok_or_else(|| Error::not_found("agent profile not found"))?;
    let open = store::open_recurring_lanes(&mut tx, &row.id)
        .await
        .map_err(db("reading incidents"))?;
    let now = time::now_micros();
    let mut opened = Vec::new();
    for lane in blocked.iter().filter(|l| !open.contains(&l.name)) {
        let incident = store::IncidentRow {
            id: ids::new_id(),
            org_id: row.org_id.clone(),
            agent_profile_id: Some(row.id.clone()),
            run_id: None,
            kind: IncidentKind::RecurringFlag.as_str().into(),
            tier: TierLevel::High.as_str().into(),
            title: format!("Recurring critical flag on lane '{}'", lane.name),
            detail: Some(format!(
                "{} propolis verdict(s) on this lane ({}H {}J {}P). Lane locked pending repair.",
                lane.propolis, lane.honey, lane.jelly, lane.propolis
            )),
            lane: Some(lane.name.clone()),
            response: serde_json::to_string(&incidents::WATCHDOG_RESPONSE)
                .unwrap_or_else(|_| "[]".into()),
            status: "open".into(),
            revision: 0,
            receipt_row_id: None,
            created_by: principal.user_id.clone(),
            created_at: now.clone(),
            resolved_at: None,
            agent_profile_name: Some(row.name.clone()),
            share_token: None,
        };
        store::insert_incident(&mut tx, &incident)
            .await
            .map_err(db("opening an incident"))?;
        opened.push(incidents::view(&incident));
    }
    let mut governance = governance_of(&row);
    for lane in &blocked {
        if !governance.blocked_lanes.contains(&lane.name) {
            governance.blocked_lanes.push(lane.name.clone());
        }
    }
    governance.blocked_lanes.sort();
    store::set_governance(
        &mut tx,
        &row.id,
        &serde_json::to_string(&governance).unwrap_or_else(|_| "{}".into()),
    )
    .await
    .map_err(db("locking lanes"))?;
    tx.commit().await.map_err(db("committing"))?;
    Ok(WatchdogResult {
        opened,
        scanned_lanes: cap.lanes.len() as i64,
        blocked_lanes: blocked.iter().map(|l| l.name.clone()).collect(),
        governance,
    })
}

/// Adds or removes a lane in a profile's governance (inside `tx`, profile locked).
pub(crate) async fn set_lane_locked(
    tx: &mut crate::store::Tx,
    org_id: &str,
    profile_id: &str,
    lane: &str,
    locked: bool,
) -> Result<(), Error> {
    let Some(row) = store::lock_profile(tx, org_id, profile_id)
        .await
        .map_err(db("locking an agent profile"))?
    else {
        return Ok(());
    };
    let mut governance = governance_of(&row);
    governance.blocked_lanes.retain(|l| l != lane);
    if locked {
        governance.blocked_lanes.push(lane.to_string());
        governance.blocked_lanes.sort();
    }
    store::set_governance(
        tx,
        &row.id,
        &serde_json::to_string(&governance).unwrap_or_else(|_| "{}".into()),
    )
    .await
    .map_err(db("changing blocked lanes"))
}

/// True when the profile's governance blocks this lane.
pub fn blocks(profile: &ProfileRow, lane_name: &str) -> bool {
    governance_of(profile)
        .blocked_lanes
        .iter()
        .any(|l| l == lane_name)
}

/// What a new run does about its agent profile's blocked lanes: nothing when the
/// lane is open; the owner's id when an owner overrides a blocked lane; a 409
/// when the lane is blocked and not overridden (403 when a non-owner tries).
pub fn admit_new_run(
    principal: &Principal,
    profile: &ProfileRow,
    lane_name: &str,
    override_requested: bool,
) -> Result<Option<String>, Error> {
    if !blocks(profile, lane_name) {
        return Ok(None);
    }
    if !override_requested {
        return Err(Error::conflict(format!(
            "lane '{lane_name}' is blocked for agent profile '{}'; resolve its incident, or an owner can create the run with override_blocked_lane",
            profile.name
        )));
    }
    principal
        .require(Need::Owner)
        .map_err(|_| Error::forbidden("only an owner's own session can override a blocked lane"))?;
    Ok(Some(principal.user_id.clone()))
}

/// Refuses (409) to audit or check a run on a lane its agent profile blocks,
/// unless an owner overrode the block when the run was created. The lane is named
/// as the capability names it (the flight sheet's current name).
pub async fn guard_run(ctx: &AppContext, run: &RunRow) -> Result<(), Error> {
    let (Some(profile_id), None) = (&run.agent_profile_id, &run.lane_override_by) else {
        return Ok(());
    };
    let Some(profile) = store::profile(&ctx.db, &run.org_id, profile_id)
        .await
        .map_err(db("reading an agent profile"))?
    else {
        return Ok(());
    };
    let sheet_name = match &run.flight_sheet_id {
        Some(id) => store::sheet_name(&ctx.db, id)
            .await
            .map_err(db("reading a flight sheet"))?,
        None => None,
    };
    let lane_name = capability::lane_name(sheet_name.as_deref(), &run.lane);
    if blocks(&profile, &lane_name) {
        return Err(Error::conflict(format!(
            "lane '{lane_name}' is blocked for agent profile '{}'; resolve its incident, or an owner can create a new run with override_blocked_lane",
            profile.name
        )));
    }
    Ok(())
}

/// Lanes the organisation's active profiles have earned (approved or restricted),
/// in two queries.
pub async fn earned_lanes(ctx: &AppContext, org_id: &str) -> Result<Vec<EarnedLane>, Error> {
    let profiles = store::active_profiles(&ctx.db, org_id)
        .await
        .map_err(db("listing agent profiles"))?;
    if profiles.is_empty() {
        return Ok(Vec::new());
    }
    let runs = store::run_facts(&ctx.db, org_id, &Scope::Active)
        .await
        .map_err(db("reading runs of agent profiles"))?;
    let runs = capability::by_profile(&runs, |r| &r.profile_id);
    let mut out = Vec::new();
    for p in &profiles {
        let Some(runs) = runs.get(&p.id) else {
            continue;
        };
        let cap = capability::capability(runs, &[], &[]);
        for lane in cap.lanes {
            if matches!(lane.status, LaneStatus::Approved | LaneStatus::Restricted) {
                out.push(EarnedLane {
                    profile: p.name.clone(),
                    profile_id: p.id.clone(),
                    tier: p.capability_tier.as_deref().and_then(CapabilityTier::parse),
                    lane: lane.name,
                    status: lane.status,
                });
            }
        }
    }
    Ok(out)
}

/// `earned_lanes` of `/org/usage`: (profile, lane) pairs with three or more honey
/// verdicts and no propolis one.
pub async fn earned_lane_count(ctx: &AppContext, org_id: &str) -> Result<i64, Error> {
    Ok(earned_lanes(ctx, org_id)
        .await?
        .iter()
        .filter(|l| l.status == LaneStatus::Approved)
        .count() as i64)
}
