//! The cook receipt (`defendablecloud.cook-receipt/v1`) and the model pin it seals:
//! the organisation's newest model-pin receipt of the cook's base model.

use serde_json::{json, Map, Value};

use defendable_contract::receipt_kinds::ReceiptKind;

use crate::receipts::payloads::{common, ChainPosition};
use crate::store::accounts::OrgRow;
use crate::store::cooks::{CookRow, PinReceipt};
use crate::store::runs::RunRow;

/// Everything a cook receipt is built from.
pub struct CookFacts<'a> {
    pub org: &'a OrgRow,
    pub run: &'a RunRow,
    pub cook: &'a CookRow,
    pub runner: &'a str,
    pub eval_after: f64,
    pub lift: f64,
    pub metrics: &'a Map<String, Value>,
    pub compute_usd: Option<f64>,
    /// The sealed pin (`pinned_model`), absent when the organisation never pinned
    /// the base model.
    pub pinned_model: Option<Value>,
}

/// The payload; `pinned_model` is left out entirely when there is no pin.
pub fn cook_payload(pos: &ChainPosition, f: &CookFacts<'_>) -> Value {
    let mut map = common(ReceiptKind::Cook, pos, f.org);
    map.insert("run_id".into(), json!(f.run.id));
    map.insert(
        "run".into(),
        json!({"id": f.run.id, "lane": f.run.lane, "title": f.run.title}),
    );
    map.insert(
        "cook".into(),
        json!({
            "id": f.cook.id,
            "base_model": f.cook.base_model,
            "dataset": f.cook.dataset_id,
            "pairs": f.cook.pairs,
            "eval_before": f.cook.eval_before,
            "eval_after": f.eval_after,
            "lift": f.lift,
            "runner": f.runner,
            "metrics": f.metrics,
            "compute_usd": f.compute_usd,
        }),
    );
    if let Some(pin) = &f.pinned_model {
        map.insert("pinned_model".into(), pin.clone());
    }
    Value::Object(map)
}

/// The newest pin of `slug` among the organisation's model-pin receipts (given
/// newest first), as the cook receipt seals it.
pub fn latest_pin(pins: &[PinReceipt], slug: &str) -> Option<Value> {
    pins.iter().find_map(|pin| {
        let payload: Value = serde_json::from_str(&pin.canonical_payload).ok()?;
        let model = payload.get("model")?;
        if model.get("slug").and_then(Value::as_str) != Some(slug) {
            return None;
        }
        let field = |v: &Value, key: &str| v.get(key).cloned().unwrap_or(Value::Null);
        Some(json!({
            "slug": slug,
            "name": field(model, "name"),
            "base": field(model, "base"),
            "params_b": field(model, "params_b"),
            "card_sha256": field(model, "card_sha256"),
            "pinned_at": field(&payload, "pinned_at"),
            "declaration": field(&payload, "declaration"),
            "client_ref": field(&payload, "client_ref"),
            "pin_receipt_id": pin.receipt_id,
            "pin_receipt_sha256": pin.receipt_sha256,
            "pin_share_url": field(&payload, "share_url"),
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pin(id: &str, slug: &str, declaration: &str) -> PinReceipt {
        PinReceipt {
            receipt_id: id.to_string(),
            receipt_sha256: format!("{id}-sha"),
            canonical_payload: json!({
                "schema": ReceiptKind::ModelPin.schema(),
                "model": {"slug": slug, "name": "N", "base": "B", "params_b": 9, "card_sha256": "c"},
                "pinned_at": "2026-01-01T00:00:00Z",
                "declaration": declaration,
                "client_ref": null,
                "share_url": format!("https://x/share/{id}"),
            })
            .to_string(),
        }
    }

    #[test]
    fn the_newest_pin_of_the_slug_wins() {
        let pins = vec![
            pin("DCR-3", "other/model", "c"),
            pin("DCR-2", "swarm/curator-9b", "newest"),
            pin("DCR-1", "swarm/curator-9b", "oldest"),
        ];
        let sealed = latest_pin(&pins, "swarm/curator-9b").unwrap();
        assert_eq!(sealed["pin_receipt_id"], "DCR-2");
        assert_eq!(sealed["declaration"], "newest");
        assert_eq!(sealed["pin_receipt_sha256"], "DCR-2-sha");
        assert_eq!(sealed["params_b"], 9);
        assert!(latest_pin(&pins, "absent/model").is_none());
    }
}
