//! Incidents: opening, listing (paged), resolving, and their receipts on the
//! organisation's chain, minted once per incident state.

use defendable_contract::doctrine::{IncidentKind, IncidentStatus, TierLevel};
use defendable_contract::schemas::*;

use crate::auth::Principal;
use crate::context::AppContext;
use crate::error::{db, Error};
use crate::store::agents::{self as store, IncidentRow};
use crate::text::{optional_text, required_text};
use crate::{ids, time};

use super::{decode_cursor, encode_cursor, page_limit, text_list};

/// What the watchdog prescribes for a locked lane.
pub const WATCHDOG_RESPONSE: [&str; 3] = [
    "lane_locked",
    "human_approval_required",
    "repair_task_recommended",
];

/// Largest page of incidents.
pub const MAX_INCIDENT_PAGE: i64 = 200;

/// An incident as the wire shows it.
pub fn view(row: &IncidentRow) -> Incident {
    Incident {
        id: row.id.clone(),
        kind: IncidentKind::parse(&row.kind).unwrap_or(IncidentKind::PolicyViolation),
        tier: TierLevel::parse(&row.tier).unwrap_or(TierLevel::High),
        title: row.title.clone(),
        detail: row.detail.clone(),
        lane: row.lane.clone(),
        response: serde_json::from_str(&row.response).unwrap_or_default(),
        status: IncidentStatus::parse(&row.status).unwrap_or(IncidentStatus::Open),
        agent_profile_id: row.agent_profile_id.clone(),
        agent_profile_name: row.agent_profile_name.clone(),
        run_id: row.run_id.clone(),
        receipt_id: row.receipt_row_id.clone(),
        share_token: row.share_token.clone(),
        created_at: time::to_wire(&row.created_at),
        resolved_at: row.resolved_at.as_deref().map(time::to_wire),
    }
}

pub async fn incident_row(
    ctx: &AppContext,
    principal: &Principal,
    id: &str,
) -> Result<IncidentRow, Error> {
    store::incident(&ctx.db, &principal.org_id, id.trim())
        .await
        .map_err(db("reading an incident"))?
        .ok_or_else(|| Error::not_found("incident not found"))
}

fn duplicate_open(e: sqlx::Error) -> Error {
    if crate::store::is_unique_violation(&e) {
        Error::conflict(
            "an open recurring_flag incident already exists for this agent profile and lane",
        )
    } else {
        crate::error::internal("storing an incident", e)
    }
}

/// `POST /incidents`: the profile and the run must belong to the caller's
/// organisation (404 otherwise).
pub async fn create(
    ctx: &AppContext,
    principal: &Principal,
    body: IncidentIn,
) -> Result<Incident, Error> {
    let title = required_text(&body.title, "title", 300)?;
    let detail = optional_text(body.detail, "detail", 4000)?;
    let lane = optional_text(body.lane, "lane", 200)?;
    let response = text_list(body.response, "response", 20, 200)?;
    let profile = match optional_text(body.agent_profile_id, "agent_profile_id", 64)? {
        Some(id) => Some(super::profile_row(ctx, &principal.org_id, &id).await?),
        None => None,
    };
    let run_id = match optional_text(body.run_id, "run_id", 64)? {
        Some(id) => Some(
            crate::store::runs::get(&ctx.db, &principal.org_id, &id)
                .await
                .map_err(db("reading a run"))?
                .ok_or_else(|| Error::not_found("run not found"))?
                .id,
        ),
        None => None,
    };
    let row = IncidentRow {
        id: ids::new_id(),
        org_id: principal.org_id.clone(),
        agent_profile_id: profile.as_ref().map(|p| p.id.clone()),
        run_id,
        kind: body
            .kind
            .unwrap_or(IncidentKind::PolicyViolation)
            .as_str()
            .into(),
        tier: body.tier.unwrap_or(TierLevel::High).as_str().into(),
        title,
        detail,
        lane,
        response: serde_json::to_string(&response).unwrap_or_else(|_| "[]".into()),
        status: IncidentStatus::Open.as_str().into(),
        revision: 0,
        receipt_row_id: None,
        created_by: principal.user_id.clone(),
        created_at: time::now_micros(),
        resolved_at: None,
        agent_profile_name: profile.as_ref().map(|p| p.name.clone()),
        share_token: None,
    };
    let mut tx = crate::tx::begin(ctx).await?;
    store::insert_incident(&mut tx, &row)
        .await
        .map_err(duplicate_open)?;
    tx.commit().await.map_err(db("committing"))?;
    Ok(view(&row))
}

/// `GET /incidents`.
pub async fn list(
    ctx: &AppContext,
    principal: &Principal,
    query: IncidentListQuery,
) -> Result<IncidentList, Error> {
    let limit = page_limit(query.limit, 50, MAX_INCIDENT_PAGE)?;
    let cursor = match query.cursor.as_deref().map(str::trim) {
        Some(c) if !c.is_empty() => Some(decode_cursor(c)?),
        _ => None,
    };
    let profile = optional_text(query.agent_profile_id, "agent_profile_id", 64)?;
    let after = cursor.as_ref().map(|(a, i)| (a.as_str(), i.as_str()));
    let mut rows = store::incidents_page(
        &ctx.db,
        &principal.org_id,
        profile.as_deref(),
        query.status.map(IncidentStatus::as_str),
        limit + 1,
        after,
    )
    .await
    .map_err(db("listing incidents"))?;
    let next_cursor = if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|r| encode_cursor(&r.created_at, &r.id))
    } else {
        None
    };
    Ok(IncidentList {
        incidents: rows.iter().map(view).collect(),
        next_cursor,
    })
}

/// `PATCH /incidents/{incident_id}`: sets the status (`resolved` by default).
/// Resolving a recurring_flag incident unlocks its lane on the profile; reopening
/// locks it again. Setting the status it already has changes nothing.
pub async fn update(
    ctx: &AppContext,
    principal: &Principal,
    incident_id: &str,
    body: IncidentPatch,
) -> Result<Incident, Error> {
    let status = body.status.unwrap_or(IncidentStatus::Resolved);
    let mut tx = crate::tx::begin(ctx).await?;
    let row = store::lock_incident(&mut tx, &principal.org_id, incident_id.trim())
        .await
        .map_err(db("locking an incident"))?
        .ok_or_else(|| Error::not_found("incident not found"))?;
    if row.status == status.as_str() {
        tx.rollback().await.map_err(db("ending a transaction"))?;
        return Ok(view(&row));
    }
    let resolved_at = (status == IncidentStatus::Resolved).then(time::now_micros);
    store::set_incident_status(&mut tx, &row.id, status.as_str(), resolved_at.as_deref())
        .await
        .map_err(duplicate_open)?;
    if let (true, Some(profile_id), Some(lane)) = (
        row.kind == IncidentKind::RecurringFlag.as_str(),
        &row.agent_profile_id,
        &row.lane,
    ) {
        super::set_lane_locked(
            &mut tx,
            &principal.org_id,
            profile_id,
            lane,
            status == IncidentStatus::Open,
        )
        .await?;
    }
    tx.commit().await.map_err(db("committing"))?;
    Ok(view(&incident_row(ctx, principal, &row.id).await?))
}
