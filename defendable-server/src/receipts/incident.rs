//! Incident receipts: the `defendablecloud.incident-receipt/v1` payload (every key
//! written here is hashed) and minting it once per incident state.

use serde_json::{json, Value};

use defendable_contract::receipt_kinds::ReceiptKind;

use defendable_contract::schemas::Receipt;

use crate::agents::incidents;
use crate::auth::Principal;
use crate::context::AppContext;
use crate::error::Error;
use crate::runs::views;
use crate::store::accounts::{self, OrgRow};
use crate::store::agents::{self as agent_store, IncidentRow};
use crate::store::receipts as receipt_store;
use crate::time;
use crate::time::to_wire;
use crate::tx::{classify, Attempt};

use super::payloads::{common, ChainPosition};

/// The incident as it stands (its state is what the receipt proves), with the
/// agent profile (`profile_out`) or null, and the run id or null.
pub fn incident_payload(
    pos: &ChainPosition,
    org: &OrgRow,
    incident: &IncidentRow,
    agent_profile: Option<Value>,
) -> Value {
    let mut map = common(ReceiptKind::Incident, pos, org);
    map.insert("run_id".into(), json!(incident.run_id));
    let response: Value = serde_json::from_str(&incident.response).unwrap_or_else(|_| json!([]));
    map.insert(
        "incident".into(),
        json!({
            "id": incident.id,
            "kind": incident.kind,
            "tier": incident.tier,
            "title": incident.title,
            "detail": incident.detail,
            "lane": incident.lane,
            "response": response,
            "status": incident.status,
            "revision": incident.revision,
            "opened_at": to_wire(&incident.created_at),
            "resolved_at": incident.resolved_at.as_deref().map(to_wire),
        }),
    );
    map.insert("agent_profile".into(), agent_profile.unwrap_or(Value::Null));
    Value::Object(map)
}

/// `POST /incidents/{incident_id}/receipt`: mints the receipt of the incident's
/// current state; asking again for the same state returns the same receipt.
pub async fn mint(
    ctx: &AppContext,
    principal: &Principal,
    incident_id: &str,
) -> Result<Receipt, Error> {
    crate::tx::with_retries(|| try_receipt(ctx, principal, incident_id)).await
}

async fn try_receipt(
    ctx: &AppContext,
    principal: &Principal,
    incident_id: &str,
) -> Result<Receipt, Attempt> {
    // Read before the transaction: a transaction never waits for a second pooled
    // connection.
    let snapshot = incidents::incident_row(ctx, principal, incident_id).await?;
    let org = accounts::org_by_id(&ctx.db, &principal.org_id)
        .await
        .map_err(classify("reading an organisation"))?
        .ok_or_else(|| Error::not_found("org not found"))?;
    let profile = match &snapshot.agent_profile_id {
        Some(id) => Some(crate::agents::profile_json(
            &crate::agents::profile_row(ctx, &principal.org_id, id).await?,
        )),
        None => None,
    };

    let mut tx = crate::tx::begin_attempt(ctx).await?;
    let incident = agent_store::lock_incident(&mut tx, &principal.org_id, &snapshot.id)
        .await
        .map_err(classify("locking an incident"))?
        .ok_or_else(|| Error::not_found("incident not found"))?;
    if let Some(existing) =
        agent_store::receipt_for_revision(&mut tx, &incident.id, incident.revision)
            .await
            .map_err(classify("reading an incident receipt"))?
    {
        let row = receipt_store::by_id_tx(&mut tx, &existing)
            .await
            .map_err(classify("reading a receipt"))?
            .ok_or_else(|| Error::broken("an incident receipt is missing"))?;
        return Ok(views::receipt(ctx, &row));
    }
    let links = super::ReceiptLinks {
        run_id: incident.run_id.clone(),
        approval_id: None,
    };
    let row = super::append(ctx, &mut tx, &principal.org_id, links, |position| {
        Ok(incident_payload(position, &org, &incident, profile))
    })
    .await?;
    agent_store::record_receipt(
        &mut tx,
        &incident.id,
        incident.revision,
        &row.id,
        &time::now_micros(),
    )
    .await
    .map_err(classify("recording an incident receipt"))?;
    tx.commit()
        .await
        .map_err(classify("committing a receipt"))?;
    ctx.metrics.receipt_minted("incident");
    tracing::info!(receipt_id = %row.receipt_id, incident = %incident.id, "incident receipt minted");
    Ok(views::receipt(ctx, &row))
}
