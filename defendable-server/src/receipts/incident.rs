//! The `defendablecloud.incident-receipt/v1` payload. Every key written here is hashed.

use serde_json::{json, Value};

use defendable_contract::receipt_kinds::ReceiptKind;

use crate::store::accounts::OrgRow;
use crate::store::agents::IncidentRow;
use crate::time::to_wire;

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
