//! Payload builders, one per receipt schema. Every key written here is hashed.

use serde_json::{json, Map, Value};

use defendable_contract::receipt_kinds::ReceiptKind;

use crate::checks::library::FlightSheetDef;
use crate::store::accounts::OrgRow;
use crate::store::audits::{ApprovalRow, CheckRow, VerdictRow};
use crate::store::projects::ProjectRow;
use crate::store::runs::{EvidenceRow, RunRow, SubmissionRow};
use crate::time::to_wire;

/// Where a new receipt sits in its organisation's chain.
#[derive(Clone, Debug)]
pub struct ChainPosition {
    pub receipt_id: String,
    pub org_seq: i64,
    pub parent_hash: String,
    pub created_at: String,
    pub share_url: String,
}

/// Everything a run receipt is built from.
pub struct RunFacts<'a> {
    pub org: &'a OrgRow,
    pub project: &'a ProjectRow,
    pub run: &'a RunRow,
    pub inputs: Map<String, Value>,
    pub sheet: Option<&'a FlightSheetDef>,
    pub submission: Option<&'a SubmissionRow>,
    pub evidence: &'a [EvidenceRow],
    pub checks: &'a [CheckRow],
    pub verdict: &'a VerdictRow,
    pub approval: &'a ApprovalRow,
    /// The run's agent profile (`profile_out`), if it has one.
    pub agent_profile: Option<Value>,
}

/// The keys every kind has: its schema, chain position, organisation (as the kind's
/// registry entry names it) and share URL.
pub(crate) fn common(kind: ReceiptKind, pos: &ChainPosition, org: &OrgRow) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("schema".into(), json!(kind.schema()));
    map.insert("receipt_id".into(), json!(pos.receipt_id));
    map.insert("org_seq".into(), json!(pos.org_seq));
    map.insert("parent_hash".into(), json!(pos.parent_hash));
    map.insert("created_at".into(), json!(pos.created_at));
    map.insert("organization".into(), kind.organization(&org.id, &org.name));
    map.insert("share_url".into(), json!(pos.share_url));
    map
}

fn approval(a: &ApprovalRow) -> Value {
    json!({
        "decision": a.decision,
        "approver": a.approver_email,
        "note": a.note,
        "approved_at": to_wire(&a.created_at),
        "verdict_id": a.verdict_id,
        "submission_sha256": a.submission_sha256,
    })
}

/// `defendablecloud.receipt/v1` (no flight sheet) or `defendablecloud.eval-receipt/v1`.
pub fn run_payload(pos: &ChainPosition, f: &RunFacts<'_>) -> Value {
    match f.sheet {
        None => {
            let mut map = common(ReceiptKind::Run, pos, f.org);
            map.insert("run_id".into(), json!(f.run.id));
            map.insert(
                "project".into(),
                json!({"id": f.project.id, "name": f.project.name}),
            );
            map.insert(
                "run".into(),
                json!({"id": f.run.id, "lane": f.run.lane, "title": f.run.title, "inputs": f.inputs}),
            );
            map.insert(
                "evidence".into(),
                Value::Array(
                    f.evidence
                        .iter()
                        .map(|e| {
                            json!({"kind": e.kind, "label": e.label, "sha256": e.sha256,
                                   "content_type": e.content_type, "byte_size": e.byte_size})
                        })
                        .collect(),
                ),
            );
            map.insert(
                "checks".into(),
                Value::Array(
                    f.checks
                        .iter()
                        .map(|c| {
                            json!({"check_key": c.check_key, "label": c.label, "category": c.category,
                                   "status": c.status, "severity": c.severity, "detail": c.detail, "score": c.score})
                        })
                        .collect(),
                ),
            );
            let v = f.verdict;
            map.insert(
                "verdict".into(),
                json!({"outcome": v.outcome, "summary": v.summary, "score": v.score, "score_100": v.score_100,
                       "severity": v.severity, "checks_passed": v.checks_passed, "checks_failed": v.checks_failed}),
            );
            map.insert("approval".into(), approval(f.approval));
            Value::Object(map)
        }
        Some(sheet) => {
            let mut map = common(ReceiptKind::Eval, pos, f.org);
            map.insert("run_id".into(), json!(f.run.id));
            map.insert(
                "flight_sheet".into(),
                json!({"name": sheet.name, "version": sheet.version, "slug": sheet.slug}),
            );
            let assignment = f.run.assignment_text.as_deref().unwrap_or("");
            map.insert(
                "assignment".into(),
                json!({"title": f.run.title,
                       "sha256": defendable_contract::canonical::sha256_hex(assignment.as_bytes())}),
            );
            map.insert(
                "submission".into(),
                match f.submission {
                    Some(s) => json!({"agent_name": s.agent_name, "model_name": s.model_name,
                                      "provider": s.provider, "sha256": s.sha256}),
                    None => json!({}),
                },
            );
            map.insert(
                "evidence".into(),
                Value::Array(
                    f.evidence
                        .iter()
                        .map(|e| json!({"kind": e.kind, "label": e.label, "sha256": e.sha256}))
                        .collect(),
                ),
            );
            map.insert(
                "findings".into(),
                Value::Array(
                    f.checks
                        .iter()
                        .map(|c| {
                            json!({"label": c.label, "category": c.category, "status": c.status,
                                   "severity": c.severity, "detail": c.detail})
                        })
                        .collect(),
                ),
            );
            let v = f.verdict;
            map.insert(
                "verdict".into(),
                json!({"outcome": v.outcome, "score_100": v.score_100, "severity": v.severity,
                       "client_ready": v.client_ready, "recommended_action": v.recommended_action,
                       "summary": v.summary}),
            );
            map.insert("approval".into(), approval(f.approval));
            map.insert(
                "ownership".into(),
                json!({
                    "agent_created": f.submission.and_then(|s| s.agent_name.clone().or_else(|| s.model_name.clone())),
                    "audited_by": "DefendableCloud Eval",
                    "referee_logic": format!("{} v{}", sheet.name, sheet.version),
                    "final_authority": f.approval.approver_email,
                    "approval": f.approval.decision,
                }),
            );
            map.insert(
                "agent_profile".into(),
                f.agent_profile.clone().unwrap_or(Value::Null),
            );
            Value::Object(map)
        }
    }
}
