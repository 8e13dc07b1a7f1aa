//! Stored rows turned into wire types.

use defendable_contract::doctrine::{
    ApprovalDecision, CheckKind, CheckSource, CheckStatus, EvidenceKind, Lane, RuleSeverity,
    Severity, VerdictOutcome,
};
use defendable_contract::schemas::{
    Approval, Check, Evidence, Finding, Receipt, RiskBreakdown, Submission, Verdict,
};

use crate::context::AppContext;
use crate::store::audits::{ApprovalRow, CheckRow, VerdictRow};
use crate::store::receipts::ReceiptRow;
use crate::store::runs::{EvidenceRow, SubmissionRow};
use crate::time::to_wire;

pub fn lane(text: &str) -> Lane {
    Lane::parse(text).unwrap_or(Lane::Other)
}

pub fn evidence(row: &EvidenceRow) -> Evidence {
    Evidence {
        id: row.id.clone(),
        kind: EvidenceKind::parse(&row.kind).unwrap_or(EvidenceKind::Note),
        label: row.label.clone(),
        content: row.content.clone(),
        filename: row.filename.clone(),
        sha256: row.sha256.clone(),
        byte_size: row.byte_size,
        content_type: row.content_type.clone(),
        created_at: to_wire(&row.created_at),
    }
}

pub fn severity(text: &str) -> RuleSeverity {
    RuleSeverity::parse(text).unwrap_or(RuleSeverity::Mid)
}

pub fn check(row: &CheckRow) -> Check {
    Check {
        id: row.id.clone(),
        check_key: row.check_key.clone(),
        label: row.label.clone(),
        category: row.category.clone(),
        kind: CheckKind::parse(&row.kind).unwrap_or(CheckKind::Auto),
        status: CheckStatus::parse(&row.status).unwrap_or(CheckStatus::Skip),
        severity: severity(&row.severity),
        source: CheckSource::parse(&row.source).unwrap_or(CheckSource::Auto),
        detail: row.detail.clone(),
        score: row.score,
    }
}

pub fn finding(row: &CheckRow) -> Finding {
    let c = check(row);
    Finding {
        id: c.id,
        key: c.check_key.clone(),
        check_key: c.check_key,
        label: c.label,
        category: c.category,
        status: c.status,
        severity: c.severity,
        source: c.source,
        detail: c.detail,
    }
}

pub fn verdict(row: &VerdictRow) -> Verdict {
    Verdict {
        outcome: VerdictOutcome::parse(&row.outcome).unwrap_or(VerdictOutcome::Risk),
        summary: row.summary.clone(),
        score: row.score,
        score_100: row.score_100,
        severity: Severity::parse(&row.severity).unwrap_or(Severity::Jelly),
        client_ready: row.client_ready.clone(),
        recommended_action: row.recommended_action.clone(),
        checks_passed: row.checks_passed,
        checks_failed: row.checks_failed,
        risk_breakdown: serde_json::from_str::<RiskBreakdown>(&row.risk_breakdown)
            .unwrap_or_default(),
        created_at: to_wire(&row.created_at),
    }
}

pub fn approval(row: &ApprovalRow, verdict_outcome: &str) -> Approval {
    Approval {
        decision: ApprovalDecision::parse(&row.decision).unwrap_or(ApprovalDecision::Escalated),
        approver_email: row.approver_email.clone(),
        note: row.note.clone(),
        verdict_outcome: verdict_outcome.to_string(),
        submission_sha256: row.submission_sha256.clone(),
        created_at: to_wire(&row.created_at),
    }
}

pub fn submission(row: &SubmissionRow) -> Submission {
    Submission {
        agent_name: row.agent_name.clone(),
        model_name: row.model_name.clone(),
        provider: row.provider.clone(),
        output_text: row.output_text.clone(),
        tool_logs: row
            .tool_logs
            .as_deref()
            .and_then(|t| serde_json::from_str(t).ok()),
        notes: row.notes.clone(),
        sha256: row.sha256.clone(),
        submitted_at: to_wire(&row.submitted_at),
    }
}

pub fn receipt(ctx: &AppContext, row: &ReceiptRow) -> Receipt {
    let share_url = ctx.share_url(&row.share_token);
    Receipt {
        receipt_id: row.receipt_id.clone(),
        org_seq: row.org_seq,
        parent_hash: row.parent_hash.clone(),
        receipt_sha256: row.receipt_sha256.clone(),
        share_token: row.share_token.clone(),
        pdf_url: format!("{share_url}/pdf"),
        share_url,
        created_at: to_wire(&row.created_at),
    }
}
