//! `GET /receipts/recent`: the organisation's newest receipts with a short summary
//! read from each schema's own payload paths (members only).

use serde_json::{json, Value};

use defendable_contract::receipt_kinds::ReceiptKind;
use defendable_contract::schemas::{ReceiptRollup, ReceiptRollupList, RecentReceiptsQuery};

use crate::auth::Principal;
use crate::context::AppContext;
use crate::error::{db, Error};
use crate::store::receipts as store;

/// The summary of one payload, by its kind's registry entry (any version of a
/// known schema family); an unknown schema is listed as `unknown`.
pub fn summary(payload: &Value) -> Value {
    let schema = payload.get("schema").and_then(Value::as_str).unwrap_or("");
    match ReceiptKind::from_family(schema) {
        Some(kind) => kind.summary(payload),
        None => json!({"lane": "unknown"}),
    }
}

/// `GET /receipts/recent?schema=&limit=` (members only).
pub async fn recent(
    ctx: &AppContext,
    principal: &Principal,
    query: RecentReceiptsQuery,
) -> Result<ReceiptRollupList, Error> {
    let limit = query.limit.unwrap_or(10);
    if !(1..=50).contains(&limit) {
        return Err(Error::invalid("limit must be 1..50"));
    }
    let schema = query
        .schema
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if schema.is_some_and(|s| s.len() > 200) {
        return Err(Error::invalid("schema must be at most 200 characters"));
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
