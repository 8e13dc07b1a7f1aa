//! `GET /receipts/recent`: the organisation's newest receipts with a short summary
//! read from each schema's own payload paths (members only).

use serde_json::{json, Value};

use defendable_contract::schemas::{ReceiptRollup, ReceiptRollupList, RecentReceiptsQuery};

use crate::auth::Principal;
use crate::context::AppContext;
use crate::error::{db, ApiError};
use crate::store::receipts as store;

/// The summary of one payload, by its schema.
pub fn summary(payload: &Value) -> Value {
    let at = |path: &str| payload.pointer(path).cloned().unwrap_or(Value::Null);
    let schema = payload.get("schema").and_then(Value::as_str).unwrap_or("");
    let family = schema.split('/').next().unwrap_or("");
    match family {
        "defendablecloud.eval-receipt" => json!({
            "lane": "eval",
            "run_title": at("/assignment/title"),
            "outcome": at("/verdict/outcome"),
            "severity": at("/verdict/severity"),
            "score_100": at("/verdict/score_100"),
        }),
        "defendablecloud.receipt" => json!({
            "lane": "run",
            "run_title": at("/run/title"),
            "outcome": at("/verdict/outcome"),
            "score": at("/verdict/score"),
        }),
        "defendablecloud.cook-receipt" => json!({
            "lane": "cook",
            "run_title": at("/run/title"),
            "base_model": at("/cook/base_model"),
            "eval_before": at("/cook/eval_before"),
            "eval_after": at("/cook/eval_after"),
            "lift": at("/cook/lift"),
            "pinned_model_slug": at("/pinned_model/slug"),
        }),
        "defendablecloud.incident-receipt" => json!({
            "lane": "incident",
            "kind": at("/incident/kind"),
            "title": at("/incident/title"),
            "severity": at("/incident/tier"),
            "status": at("/incident/status"),
        }),
        "defendablecloud.dataset-download-receipt" => json!({
            "lane": "dataset-download",
            "package_slug": at("/package/slug"),
            "package_name": at("/package/name"),
            "vertical": at("/package/vertical"),
            "ready_at_grant": at("/ready_at_grant"),
            "expires_at": at("/expires_at"),
        }),
        "defendablecloud.model-pin-receipt" => json!({
            "lane": "model-pin",
            "model_slug": at("/model/slug"),
            "model_name": at("/model/name"),
            "base": at("/model/base"),
            "params_b": at("/model/params_b"),
            "declaration": at("/declaration"),
            "client_ref": at("/client_ref"),
        }),
        _ => json!({"lane": "unknown"}),
    }
}

/// `GET /receipts/recent?schema=&limit=` (members only).
pub async fn recent(
    ctx: &AppContext,
    principal: &Principal,
    query: RecentReceiptsQuery,
) -> Result<ReceiptRollupList, ApiError> {
    let limit = query.limit.unwrap_or(10);
    if !(1..=50).contains(&limit) {
        return Err(ApiError::bad_request("limit must be 1..50"));
    }
    let schema = query
        .schema
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if schema.is_some_and(|s| s.len() > 200) {
        return Err(ApiError::bad_request(
            "schema must be at most 200 characters",
        ));
    }
    crate::membership::require_member(ctx, principal).await?;
    let rows = store::recent(&ctx.db, &principal.org_id, schema, limit)
        .await
        .map_err(db("listing receipts"))?;
    let mut rollups = Vec::with_capacity(rows.len());
    for row in rows {
        let payload: Value = serde_json::from_str(&row.canonical_payload)
            .map_err(|e| crate::error::internal("reading a stored receipt", e))?;
        rollups.push(ReceiptRollup {
            receipt_id: row.receipt_id.clone(),
            org_seq: row.org_seq,
            payload_schema: row.schema_id.clone(),
            receipt_sha256: row.receipt_sha256.clone(),
            share_url: ctx.share_url(&row.share_token),
            created_at: payload
                .get("created_at")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            summary: summary(&payload),
        });
    }
    Ok(ReceiptRollupList {
        count: rollups.len() as i64,
        rollups,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_read_each_schema_from_its_own_paths() {
        let eval = json!({"schema": "defendablecloud.eval-receipt/v1",
            "assignment": {"title": "Q2 memo"}, "run": {"title": "wrong place"},
            "verdict": {"outcome": "pass", "severity": "honey", "score_100": 92}});
        assert_eq!(
            summary(&eval),
            json!({"lane": "eval", "run_title": "Q2 memo", "outcome": "pass",
                   "severity": "honey", "score_100": 92})
        );
        let incident = json!({"schema": "defendablecloud.incident-receipt/v1",
            "kind": "wrong", "incident": {"kind": "recurring_flag", "title": "Lane locked",
            "tier": "high", "status": "open"}});
        assert_eq!(summary(&incident)["kind"], "recurring_flag");
        assert_eq!(summary(&incident)["title"], "Lane locked");
        assert_eq!(summary(&incident)["severity"], "high");
        let cook = json!({"schema": "defendablecloud.cook-receipt/v1", "run": {"title": "t"},
            "cook": {"base_model": "m", "lift": 0.1}});
        assert_eq!(summary(&cook)["pinned_model_slug"], Value::Null);
        assert_eq!(summary(&cook)["lift"], 0.1);
        assert_eq!(
            summary(&json!({"schema": "x/v1"})),
            json!({"lane": "unknown"})
        );
    }
}
