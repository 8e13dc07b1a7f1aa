//! The audit of a run and the human review after it: running the flight
//! sheet's checks and the verdict, the core checks, listing checks and flags,
//! grading, finalising and the approval that a receipt proves.

use crate::auth::Principal;
use crate::checks::lanes::EvidenceFacts;
use crate::checks::library::FlightSheetDef;
use crate::checks::verdict::Thresholds;
use crate::checks::{CheckOutcome, VerdictResult};
use crate::context::AppContext;
use crate::error::{db, Error};
use crate::flight_sheets;
use crate::ids;
use crate::store::audits::{self, ApprovalRow, CheckRow, VerdictRow};
use crate::store::runs::{self as run_store};
use crate::text::optional_text;
use crate::time;
use crate::tx::{begin, commit};
use defendable_contract::doctrine::{CheckKind, CheckStatus};
use defendable_contract::schemas::*;
use serde_json::Value;

use super::lifecycle::{RunStatus, Step};
use super::{get_run_row, inputs_of, lock_run, require, sheet_of, views};

fn check_rows(run_id: &str, outcomes: &[CheckOutcome]) -> Vec<CheckRow> {
    let now = time::now_micros();
    outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| CheckRow {
            id: ids::new_id(),
            run_id: run_id.to_string(),
            position: i as i64,
            check_key: o.check_key.clone(),
            label: o.label.clone(),
            category: o.category.clone(),
            kind: o.kind.as_str().to_string(),
            status: o.status.as_str().to_string(),
            severity: o.severity.clone(),
            source: o.source.as_str().to_string(),
            detail: o.detail.clone(),
            score: o.score,
            created_at: now.clone(),
        })
        .collect()
}

fn outcomes_of(rows: &[CheckRow]) -> Vec<CheckOutcome> {
    rows.iter()
        .map(|r| {
            let c = views::check(r);
            CheckOutcome {
                check_key: c.check_key,
                label: c.label,
                category: c.category,
                kind: c.kind,
                severity: r.severity.clone(),
                source: c.source,
                status: c.status,
                detail: c.detail,
                score: c.score,
            }
        })
        .collect()
}

fn verdict_row(run_id: &str, v: &VerdictResult, submission_sha256: Option<String>) -> VerdictRow {
    VerdictRow {
        id: ids::new_id(),
        run_id: run_id.to_string(),
        outcome: v.outcome.as_str().to_string(),
        summary: v.summary.clone(),
        score: v.score,
        score_100: v.score_100,
        severity: v.severity.as_str().to_string(),
        client_ready: v.client_ready.clone(),
        recommended_action: v.recommended_action.clone(),
        checks_passed: v.checks_passed,
        checks_failed: v.checks_failed,
        risk_breakdown: serde_json::to_string(&v.risk_breakdown).unwrap_or_else(|_| "{}".into()),
        submission_sha256,
        created_at: time::now_micros(),
    }
}

fn thresholds(def: &FlightSheetDef) -> Thresholds {
    Thresholds {
        pass: def.pass_threshold,
        fail: def.fail_threshold,
    }
}

/// Writes a fresh set of checks and (optionally) a verdict, voiding the old ones.
async fn store_audit(
    tx: &mut crate::store::Tx,
    run_id: &str,
    checks: &[CheckRow],
    verdict: Option<&VerdictRow>,
    status: RunStatus,
) -> Result<(), Error> {
    audits::void_verdict_and_approvals(tx, run_id, &time::now_micros())
        .await
        .map_err(db("voiding a verdict"))?;
    audits::replace_checks(tx, run_id, checks)
        .await
        .map_err(db("storing checks"))?;
    if let Some(v) = verdict {
        audits::insert_verdict(tx, v)
            .await
            .map_err(db("storing a verdict"))?;
    }
    run_store::set_status(tx, run_id, status.as_str())
        .await
        .map_err(db("updating a run"))
}

/// `POST /runs/{run_id}/audit`: applies the flight sheet. Deterministic sheets
/// produce the verdict at once; heuristic sheets leave checklist rules open.
pub async fn audit(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
) -> Result<AuditResult, Error> {
    let snapshot = get_run_row(ctx, principal, run_id).await?;
    let def = flight_sheets::for_run(ctx, &snapshot).await?;
    crate::agents::guard_run(ctx, &snapshot).await?;
    let mut tx = begin(ctx).await?;
    let (run, status) = lock_run(&mut tx, principal, run_id).await?;
    require(status, Step::Audit, &run)?;
    let def = def.ok_or_else(|| Error::conflict("this run has no flight sheet"))?;
    let submission = run_store::current_submission_tx(&mut tx, &run.id)
        .await
        .map_err(db("reading a submission"))?
        .ok_or_else(|| Error::conflict("add the agent submission first"))?;
    let evidence_count = run_store::evidence_count_tx(&mut tx, &run.id)
        .await
        .map_err(db("counting evidence"))?;
    let deterministic = def.eval_spec.is_some();
    let outcomes = match &def.eval_spec {
        Some(spec) => crate::checks::executor::run_structured_audit(spec, &submission.output_text),
        None => crate::checks::heuristic::run_heuristic_audit(
            &def,
            &submission.output_text,
            evidence_count as usize,
        ),
    };
    let needs_grading = outcomes.iter().any(|o| o.status == CheckStatus::Open);
    let rows = check_rows(&run.id, &outcomes);
    let (verdict, new_status) = if needs_grading {
        (None, RunStatus::Audited)
    } else {
        let v = crate::checks::verdict::compute_verdict(&outcomes, Some(thresholds(&def)));
        (
            Some(verdict_row(&run.id, &v, Some(submission.sha256.clone()))),
            RunStatus::FindingsReady,
        )
    };
    store_audit(&mut tx, &run.id, &rows, verdict.as_ref(), new_status).await?;
    commit(tx).await?;
    Ok(AuditResult {
        checks: rows.iter().map(views::check).collect(),
        needs_grading,
        deterministic,
        verdict: verdict.as_ref().map(views::verdict),
        status: new_status.as_str().into(),
    })
}

/// `POST /runs/{run_id}/checks`: the core check engine for runs without a flight sheet.
pub async fn core_checks(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
) -> Result<CoreChecksResult, Error> {
    crate::agents::guard_run(ctx, &get_run_row(ctx, principal, run_id).await?).await?;
    let mut tx = begin(ctx).await?;
    let (run, status) = lock_run(&mut tx, principal, run_id).await?;
    require(status, Step::CoreChecks, &run)?;
    let evidence = run_store::evidence_tx(&mut tx, &run.id)
        .await
        .map_err(db("reading evidence"))?;
    let facts: Vec<EvidenceFacts> = evidence
        .iter()
        .map(|e| EvidenceFacts {
            kind: e.kind.clone(),
            has_sha256: e.sha256.is_some(),
        })
        .collect();
    let outcomes = crate::checks::lanes::run_lane_checks(
        views::lane(&run.lane),
        &Value::Object(inputs_of(&run)),
        &facts,
    );
    let submission = run_store::current_submission_tx(&mut tx, &run.id)
        .await
        .map_err(db("reading a submission"))?;
    let v = crate::checks::verdict::compute_verdict(&outcomes, None);
    let rows = check_rows(&run.id, &outcomes);
    let verdict = verdict_row(&run.id, &v, submission.map(|s| s.sha256));
    store_audit(&mut tx, &run.id, &rows, Some(&verdict), RunStatus::Checked).await?;
    commit(tx).await?;
    Ok(CoreChecksResult {
        verdict: views::verdict(&verdict),
        checks: rows.iter().map(views::check).collect(),
    })
}

/// `GET /runs/{run_id}/checks`.
pub async fn list_checks(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
) -> Result<ChecksList, Error> {
    let run = get_run_row(ctx, principal, run_id).await?;
    let rows = audits::checks(&ctx.db, &run.id)
        .await
        .map_err(db("reading checks"))?;
    Ok(ChecksList {
        checks: rows.iter().map(views::check).collect(),
    })
}

/// `GET /runs/{run_id}/flags`.
pub async fn list_flags(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
) -> Result<FlagsList, Error> {
    let run = get_run_row(ctx, principal, run_id).await?;
    let rows = audits::checks(&ctx.db, &run.id)
        .await
        .map_err(db("reading checks"))?;
    Ok(FlagsList {
        flags: rows
            .iter()
            .filter(|r| r.status == CheckStatus::Flag.as_str())
            .map(views::finding)
            .collect(),
    })
}

/// `GET /runs/{run_id}/verdict`.
pub async fn get_verdict(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
) -> Result<Verdict, Error> {
    let run = get_run_row(ctx, principal, run_id).await?;
    let row = audits::current_verdict(&ctx.db, &run.id)
        .await
        .map_err(db("reading a verdict"))?
        .ok_or_else(|| Error::not_found("no verdict"))?;
    Ok(views::verdict(&row))
}

/// `PATCH /runs/{run_id}/checks/{check_id}`: an operator applies a checklist rule.
/// Re-grading after a verdict voids that verdict (and its approval).
pub async fn grade(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
    check_id: &str,
    body: CheckGradeIn,
) -> Result<CheckGraded, Error> {
    if !matches!(body.status, CheckStatus::Pass | CheckStatus::Flag) {
        return Err(Error::invalid("status must be pass (satisfied) or flag"));
    }
    let detail = optional_text(body.detail, "detail", 2000)?.unwrap_or_else(|| match body.status {
        CheckStatus::Pass => "Operator confirmed the rule is satisfied.".into(),
        _ => "Operator raised a flag.".into(),
    });
    let mut tx = begin(ctx).await?;
    let (run, status) = lock_run(&mut tx, principal, run_id).await?;
    let checks = audits::checks_tx(&mut tx, &run.id)
        .await
        .map_err(db("reading checks"))?;
    let check = checks
        .iter()
        .find(|c| c.id == check_id)
        .ok_or_else(|| Error::not_found("rule not found"))?;
    require(status, Step::Grade, &run)?;
    if check.kind != CheckKind::Checklist.as_str() {
        return Err(Error::conflict(format!(
            "rule {} is an automatic rule; only checklist rules are graded by an operator",
            check.check_key
        )));
    }
    audits::grade_check(
        &mut tx,
        &check.id,
        body.status.as_str(),
        &detail,
        &principal.user_id,
    )
    .await
    .map_err(db("grading a rule"))?;
    if status != RunStatus::Audited {
        audits::void_verdict_and_approvals(&mut tx, &run.id, &time::now_micros())
            .await
            .map_err(db("voiding a verdict"))?;
        run_store::set_status(&mut tx, &run.id, RunStatus::Audited.as_str())
            .await
            .map_err(db("updating a run"))?;
    }
    let open_remaining = checks
        .iter()
        .filter(|c| c.id != check.id && c.status == CheckStatus::Open.as_str())
        .count() as i64;
    commit(tx).await?;
    Ok(CheckGraded {
        ok: true,
        check_key: check.check_key.clone(),
        status: body.status,
        severity: views::severity(&check.severity),
        open_remaining,
    })
}

/// `POST /runs/{run_id}/findings`: the verdict over every applied rule.
pub async fn finalize(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
) -> Result<Verdict, Error> {
    let def = sheet_of(ctx, principal, run_id).await?;
    let mut tx = begin(ctx).await?;
    let (run, status) = lock_run(&mut tx, principal, run_id).await?;
    require(status, Step::Finalize, &run)?;
    let checks = audits::checks_tx(&mut tx, &run.id)
        .await
        .map_err(db("reading checks"))?;
    if checks.is_empty() {
        return Err(Error::conflict("run the audit first"));
    }
    let open = checks
        .iter()
        .filter(|c| c.status == CheckStatus::Open.as_str())
        .count();
    if open > 0 {
        return Err(Error::conflict(format!(
            "{open} rule(s) still need to be applied (satisfied or flagged)"
        )));
    }
    let def = def.ok_or_else(|| Error::conflict("this run has no flight sheet"))?;
    let submission = run_store::current_submission_tx(&mut tx, &run.id)
        .await
        .map_err(db("reading a submission"))?;
    let v = crate::checks::verdict::compute_verdict(&outcomes_of(&checks), Some(thresholds(&def)));
    let verdict = verdict_row(&run.id, &v, submission.map(|s| s.sha256));
    audits::void_verdict_and_approvals(&mut tx, &run.id, &time::now_micros())
        .await
        .map_err(db("voiding a verdict"))?;
    audits::insert_verdict(&mut tx, &verdict)
        .await
        .map_err(db("storing a verdict"))?;
    run_store::set_status(&mut tx, &run.id, RunStatus::FindingsReady.as_str())
        .await
        .map_err(db("updating a run"))?;
    commit(tx).await?;
    Ok(views::verdict(&verdict))
}

/// `POST /runs/{run_id}/approve`: a human decision bound to the current verdict
/// and submission.
pub async fn approve(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
    body: ApprovalIn,
) -> Result<Approval, Error> {
    let note = optional_text(body.note, "note", 2000)?;
    let distinct_approver =
        crate::store::access::require_distinct_approver(&ctx.db, &principal.org_id)
            .await
            .map_err(db("reading settings"))?;
    let mut tx = begin(ctx).await?;
    let (run, status) = lock_run(&mut tx, principal, run_id).await?;
    require(status, Step::Approve, &run)?;
    let verdict = audits::current_verdict_tx(&mut tx, &run.id)
        .await
        .map_err(db("reading a verdict"))?
        .ok_or_else(|| Error::conflict("run a verification before approving"))?;
    if distinct_approver {
        let submitter = run_store::current_submission_tx(&mut tx, &run.id)
            .await
            .map_err(db("reading a submission"))?
            .map(|s| s.submitted_by);
        // Compare people, not credentials: a key counts as the user who minted it.
        let submitter = match submitter {
            Some(actor) => match actor.strip_prefix("apikey:") {
                Some(key_id) => crate::store::access::key_minter_tx(&mut tx, key_id)
                    .await
                    .map_err(db("reading an API key"))?,
                None => Some(actor),
            },
            None => None,
        };
        if submitter.as_deref() == Some(principal.human_id.as_str()) {
            return Err(Error::conflict(
                "this organisation requires the approver to differ from whoever posted the submission",
            ));
        }
    }
    let row = ApprovalRow {
        id: ids::new_id(),
        run_id: run.id.clone(),
        verdict_id: verdict.id.clone(),
        submission_sha256: verdict.submission_sha256.clone(),
        decision: body.decision.as_str().to_string(),
        approver_user_id: principal.user_id.clone(),
        approver_email: principal.label(),
        note,
        created_at: time::now_micros(),
    };
    audits::insert_approval(&mut tx, &row)
        .await
        .map_err(db("storing an approval"))?;
    let new_status = match body.decision {
        defendable_contract::doctrine::ApprovalDecision::Approved => RunStatus::Approved,
        defendable_contract::doctrine::ApprovalDecision::Rejected => RunStatus::Rejected,
        defendable_contract::doctrine::ApprovalDecision::Escalated => RunStatus::Escalated,
    };
    run_store::set_status(&mut tx, &run.id, new_status.as_str())
        .await
        .map_err(db("updating a run"))?;
    commit(tx).await?;
    Ok(views::approval(&row, &verdict.outcome))
}
