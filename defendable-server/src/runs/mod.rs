//! Runs: creation, evidence, submissions, audits, grading, verdicts and approvals.
//! Every state change locks the run's row in a transaction and asks the
//! lifecycle whether the step is legal before touching anything.

pub mod lifecycle;
pub mod upload;
pub mod views;

use serde_json::{Map, Value};
use sqlx::{Any, Transaction};

use defendable_contract::doctrine::{CheckKind, CheckStatus, Lane};
use defendable_contract::schemas::*;

use crate::auth::Principal;
use crate::checks::lanes::EvidenceFacts;
use crate::checks::library::FlightSheetDef;
use crate::checks::verdict::Thresholds;
use crate::checks::{CheckOutcome, VerdictResult};
use crate::context::AppContext;
use crate::error::{db, ApiError};
use crate::flight_sheets;
use crate::ids;
use crate::paging;
use crate::store::audits::{self, ApprovalRow, CheckRow, VerdictRow};
use crate::store::runs::{self as run_store, EvidenceRow, RunRow, SubmissionRow};
use crate::store::{projects, receipts as receipt_store};
use crate::time;
use lifecycle::{allow, RunStatus, Step};

/// Longest agent output accepted, in bytes.
pub const MAX_OUTPUT_BYTES: usize = 2 * 1024 * 1024;
/// Longest text evidence accepted, in bytes.
pub const MAX_EVIDENCE_TEXT_BYTES: usize = 1024 * 1024;

pub(crate) async fn begin(ctx: &AppContext) -> Result<Transaction<'static, Any>, ApiError> {
    ctx.db
        .pool
        .begin()
        .await
        .map_err(db("starting a transaction"))
}

/// Locks a run of the caller's organisation, or 404.
pub(crate) async fn lock_run(
    tx: &mut Transaction<'static, Any>,
    principal: &Principal,
    run_id: &str,
) -> Result<(RunRow, RunStatus), ApiError> {
    let run = run_store::lock(tx, &principal.org_id, run_id, &time::now_micros())
        .await
        .map_err(db("locking a run"))?
        .ok_or_else(|| ApiError::not_found("run not found"))?;
    let status = RunStatus::parse(&run.status)
        .ok_or_else(|| ApiError::internal(format!("run has an unknown status: {}", run.status)))?;
    Ok((run, status))
}

/// Asks the lifecycle; an illegal step is a 409.
pub(crate) fn require(status: RunStatus, step: Step, run: &RunRow) -> Result<(), ApiError> {
    allow(status, step, run.flight_sheet_id.is_some()).map_err(ApiError::conflict)
}

async fn commit(tx: Transaction<'static, Any>) -> Result<(), ApiError> {
    tx.commit().await.map_err(db("committing"))
}

/// A run of the caller's organisation, or 404.
pub async fn get_run_row(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
) -> Result<RunRow, ApiError> {
    run_store::get(&ctx.db, &principal.org_id, run_id)
        .await
        .map_err(db("reading a run"))?
        .ok_or_else(|| ApiError::not_found("run not found"))
}

/// The flight sheet a run was created against, read before any transaction (a
/// transaction never waits for a second pooled connection).
async fn sheet_of(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
) -> Result<Option<FlightSheetDef>, ApiError> {
    flight_sheets::for_run(ctx, &get_run_row(ctx, principal, run_id).await?).await
}

/// New evidence makes a verdict stale: the verdict and its approvals are voided and
/// the run goes back to where it stood before its audit or core checks.
pub(crate) async fn reopen_for_evidence(
    tx: &mut Transaction<'static, Any>,
    run: &RunRow,
    status: RunStatus,
) -> Result<(), ApiError> {
    if !status.has_verdict() {
        return Ok(());
    }
    audits::void_verdict_and_approvals(tx, &run.id, &time::now_micros())
        .await
        .map_err(db("voiding a verdict"))?;
    let submitted = run_store::current_submission_tx(tx, &run.id)
        .await
        .map_err(db("reading a submission"))?
        .is_some();
    let back_to = match (submitted, run.flight_sheet_id.is_some()) {
        (true, _) => RunStatus::Submitted,
        (false, true) => RunStatus::AssignmentIssued,
        (false, false) => RunStatus::Draft,
    };
    run_store::set_status(tx, &run.id, back_to.as_str())
        .await
        .map_err(db("updating a run"))
}

/// Text may not carry NUL characters (PostgreSQL cannot store them, and no field
/// needs them): a 400 that names the field.
pub(crate) fn reject_nul(text: &str, field: &str) -> Result<(), ApiError> {
    if text.contains('\0') {
        return Err(ApiError::bad_request(format!(
            "{field} must not contain NUL (\\u0000) characters"
        )));
    }
    Ok(())
}

/// Trims optional text: empty is absent, NUL and over-long text are a 400.
pub(crate) fn optional_text(
    value: Option<String>,
    field: &str,
    max: usize,
) -> Result<Option<String>, ApiError> {
    if let Some(v) = &value {
        reject_nul(v, field)?;
    }
    match value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
    {
        Some(v) if v.chars().count() > max => Err(ApiError::bad_request(format!(
            "{field} must be at most {max} characters"
        ))),
        other => Ok(other),
    }
}

pub(crate) fn required_text(value: &str, field: &str, max: usize) -> Result<String, ApiError> {
    reject_nul(value, field)?;
    let v = value.trim();
    if v.is_empty() {
        return Err(ApiError::bad_request(format!("{field} is required")));
    }
    if v.chars().count() > max {
        return Err(ApiError::bad_request(format!(
            "{field} must be at most {max} characters"
        )));
    }
    Ok(v.to_string())
}

/// `POST /projects`.
pub async fn create_project(
    ctx: &AppContext,
    principal: &Principal,
    body: ProjectIn,
) -> Result<Project, ApiError> {
    let name = required_text(&body.name, "name", 200)?;
    let id = ids::new_id();
    let row = projects::ProjectRow {
        slug: format!("{}-{}", ids::slugify(&name), &id[..6]),
        id,
        org_id: principal.org_id.clone(),
        name,
        run_count: 0,
        created_at: time::now_micros(),
    };
    projects::insert(&ctx.db, &row, &principal.user_id)
        .await
        .map_err(db("creating a project"))?;
    Ok(project_view(&row))
}

fn project_view(row: &projects::ProjectRow) -> Project {
    Project {
        id: row.id.clone(),
        name: row.name.clone(),
        slug: row.slug.clone(),
        run_count: row.run_count,
        created_at: time::to_wire(&row.created_at),
    }
}

/// `GET /projects`.
pub async fn list_projects(
    ctx: &AppContext,
    principal: &Principal,
) -> Result<ProjectList, ApiError> {
    let rows = projects::list(&ctx.db, &principal.org_id)
        .await
        .map_err(db("listing projects"))?;
    Ok(ProjectList {
        projects: rows.iter().map(project_view).collect(),
    })
}

/// `POST /runs`.
pub async fn create_run(
    ctx: &AppContext,
    principal: &Principal,
    body: RunIn,
) -> Result<Run, ApiError> {
    let project_id = body.project_id.trim();
    projects::get(&ctx.db, &principal.org_id, project_id)
        .await
        .map_err(db("reading a project"))?
        .ok_or_else(|| ApiError::not_found("project not found"))?;
    let sheet = match body
        .flight_sheet_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(key) => Some(flight_sheets::resolve(ctx, key).await?),
        None => None,
    };
    let profile = match body
        .agent_profile_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(id) => Some(crate::agents::profile_row(ctx, &principal.org_id, id).await?),
        None => None,
    };
    let lane_override_by = match &profile {
        Some(profile) => {
            let lane_name = match &sheet {
                Some(sheet) => sheet.def.name.clone(),
                None => body.lane.unwrap_or(Lane::Agent).as_str().to_string(),
            };
            crate::agents::admit_new_run(
                principal,
                profile,
                &lane_name,
                body.override_blocked_lane == Some(true),
            )?
        }
        None => None,
    };
    let title = optional_text(body.title, "title", 300)?;
    let (lane, title, assignment_text, flight_sheet_id, status) = match &sheet {
        Some(sheet) => (
            sheet.def.lane,
            title.unwrap_or_else(|| sheet.def.name.clone()),
            Some(crate::checks::library::build_assignment(&sheet.def)),
            Some(sheet.id.clone()),
            RunStatus::AssignmentIssued,
        ),
        None => (
            body.lane.unwrap_or(Lane::Agent),
            title.ok_or_else(|| {
                ApiError::bad_request("title is required when there is no flight sheet")
            })?,
            None,
            None,
            RunStatus::Draft,
        ),
    };
    let inputs = Value::Object(body.inputs.unwrap_or_default());
    let now = time::now_micros();
    let run = RunRow {
        id: ids::new_id(),
        org_id: principal.org_id.clone(),
        project_id: project_id.to_string(),
        flight_sheet_id,
        flight_sheet_sha256: sheet.as_ref().map(|s| s.sha256.clone()),
        agent_profile_id: profile.map(|p| p.id),
        lane_override_by,
        lane: lane.as_str().to_string(),
        title,
        status: status.as_str().to_string(),
        inputs: inputs.to_string(),
        assignment_text,
        agent_name: None,
        model_name: None,
        provider: None,
        created_by: principal.user_id.clone(),
        created_at: now.clone(),
        updated_at: now,
    };
    run_store::insert(&ctx.db, &run)
        .await
        .map_err(db("creating a run"))?;
    Ok(run_view(&run))
}

pub(crate) fn inputs_of(run: &RunRow) -> Map<String, Value> {
    match serde_json::from_str(&run.inputs) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

fn run_view(run: &RunRow) -> Run {
    Run {
        id: run.id.clone(),
        project_id: run.project_id.clone(),
        flight_sheet_id: run.flight_sheet_id.clone(),
        lane: views::lane(&run.lane),
        title: run.title.clone(),
        status: run.status.clone(),
        inputs: inputs_of(run),
        assignment_text: run.assignment_text.clone(),
        created_at: time::to_wire(&run.created_at),
        agent_profile_id: run.agent_profile_id.clone(),
        lane_override_by: run.lane_override_by.clone(),
    }
}

/// Largest page of runs (a larger `limit` is read as this).
pub const MAX_RUN_PAGE: i64 = 200;

/// `GET /runs`.
pub async fn list_runs(
    ctx: &AppContext,
    principal: &Principal,
    query: RunListQuery,
) -> Result<RunList, ApiError> {
    let limit = paging::clamped_limit(query.limit, 50, MAX_RUN_PAGE)?;
    let after = paging::optional_cursor(query.cursor.as_deref())?;
    let project = query
        .project_id
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let after = after.as_ref().map(|(a, i)| (a.as_str(), i.as_str()));
    let mut rows = run_store::list(&ctx.db, &principal.org_id, project, limit + 1, after)
        .await
        .map_err(db("listing runs"))?;
    let next_cursor = paging::split_page(&mut rows, limit, |r| (&r.run.created_at, &r.run.id));
    Ok(RunList {
        next_cursor,
        runs: rows
            .into_iter()
            .map(|r| RunSummary {
                id: r.run.id.clone(),
                project_id: r.run.project_id.clone(),
                lane: views::lane(&r.run.lane),
                title: r.run.title.clone(),
                status: r.run.status.clone(),
                verdict: r
                    .verdict
                    .as_deref()
                    .and_then(defendable_contract::doctrine::VerdictOutcome::parse),
                created_at: time::to_wire(&r.run.created_at),
            })
            .collect(),
    })
}

/// A run's current facts as stored, read outside any transaction.
pub(crate) struct CurrentFacts {
    pub submission: Option<SubmissionRow>,
    pub evidence: Vec<EvidenceRow>,
    pub checks: Vec<CheckRow>,
    pub verdict: Option<VerdictRow>,
    pub approval: Option<ApprovalRow>,
}

/// Reads [`CurrentFacts`] of a run.
pub(crate) async fn current_facts(
    ctx: &AppContext,
    run_id: &str,
) -> Result<CurrentFacts, ApiError> {
    Ok(CurrentFacts {
        submission: run_store::current_submission(&ctx.db, run_id)
            .await
            .map_err(db("reading a submission"))?,
        evidence: run_store::evidence(&ctx.db, run_id)
            .await
            .map_err(db("reading evidence"))?,
        checks: audits::checks(&ctx.db, run_id)
            .await
            .map_err(db("reading checks"))?,
        verdict: audits::current_verdict(&ctx.db, run_id)
            .await
            .map_err(db("reading a verdict"))?,
        approval: audits::current_approval(&ctx.db, run_id)
            .await
            .map_err(db("reading an approval"))?,
    })
}

/// `GET /runs/{run_id}`: the composite view.
pub async fn run_detail(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
) -> Result<RunDetail, ApiError> {
    let run = get_run_row(ctx, principal, run_id).await?;
    let sheet = flight_sheets::for_run(ctx, &run).await?;
    let submission = run_store::current_submission(&ctx.db, &run.id)
        .await
        .map_err(db("reading a submission"))?;
    let evidence = run_store::evidence_page(
        &ctx.db,
        &run.id,
        0,
        DETAIL_EVIDENCE_ITEMS,
        Some(DETAIL_PREVIEW_CHARS),
    )
    .await
    .map_err(db("reading evidence"))?;
    let (evidence_total, _) = run_store::evidence_totals(&ctx.db.pool, &run.id)
        .await
        .map_err(db("counting evidence"))?;
    let checks = audits::checks(&ctx.db, &run.id)
        .await
        .map_err(db("reading checks"))?;
    let verdict = audits::current_verdict(&ctx.db, &run.id)
        .await
        .map_err(db("reading a verdict"))?;
    let approval = audits::current_approval(&ctx.db, &run.id)
        .await
        .map_err(db("reading an approval"))?;
    let receipt = receipt_store::latest_for_run(&ctx.db, &run.id)
        .await
        .map_err(db("reading a receipt"))?;
    let ownership = Ownership {
        agent_created: submission
            .as_ref()
            .and_then(|s| s.agent_name.clone().or_else(|| s.model_name.clone())),
        audited_by: "DefendableCloud Eval".into(),
        referee_logic: match &sheet {
            Some(def) => format!("{} v{}", def.name, def.version),
            None => "deterministic checks".into(),
        },
        final_authority: Some(
            approval
                .as_ref()
                .map(|a| a.approver_email.clone())
                .unwrap_or_else(|| principal.email.clone()),
        ),
        approval_status: approval
            .as_ref()
            .map(|a| a.decision.clone())
            .unwrap_or_else(|| "pending".into()),
        receipt_status: if receipt.is_some() { "issued" } else { "draft" }.into(),
    };
    let agent_profile = match &run.agent_profile_id {
        Some(id) => crate::store::agents::profile(&ctx.db, &run.org_id, id)
            .await
            .map_err(db("reading an agent profile"))?
            .map(|p| crate::agents::profile_json(&p)),
        None => None,
    };
    let verdict_outcome = verdict
        .as_ref()
        .map(|v| v.outcome.clone())
        .unwrap_or_default();
    Ok(RunDetail {
        id: run.id.clone(),
        project_id: run.project_id.clone(),
        lane: views::lane(&run.lane),
        title: run.title.clone(),
        status: run.status.clone(),
        inputs: inputs_of(&run),
        assignment_text: run.assignment_text.clone(),
        agent_name: run.agent_name.clone(),
        model_name: run.model_name.clone(),
        provider: run.provider.clone(),
        created_at: time::to_wire(&run.created_at),
        updated_at: time::to_wire(&run.updated_at),
        flight_sheet: match (&run.flight_sheet_id, sheet) {
            (Some(id), Some(def)) => Some(RunFlightSheet {
                id: id.clone(),
                slug: def.slug.clone(),
                name: def.name.clone(),
                version: def.version.clone(),
                lane: def.lane,
                summary: def.summary.clone(),
                expected_outputs: def.expected_outputs.clone(),
                pass_threshold: def.pass_threshold,
                fail_threshold: def.fail_threshold,
            }),
            _ => None,
        },
        agent_profile,
        submission: submission.as_ref().map(views::submission),
        evidence: evidence.iter().map(views::evidence).collect(),
        evidence_total,
        checks: checks.iter().map(views::check).collect(),
        verdict: verdict.as_ref().map(views::verdict),
        approval: approval
            .as_ref()
            .map(|a| views::approval(a, &verdict_outcome)),
        receipt: receipt.as_ref().map(|r| views::receipt(ctx, r)),
        ownership,
    })
}

/// Evidence items listed in the composite view, and the note preview there.
const DETAIL_EVIDENCE_ITEMS: i64 = 100;
const DETAIL_PREVIEW_CHARS: i64 = 500;
/// The largest page of `GET /runs/{run_id}/evidence`.
const EVIDENCE_PAGE_MAX: u32 = 20;

/// `GET /runs/{run_id}/evidence`: whole items, a page at a time.
pub async fn evidence_page(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
    query: EvidencePageQuery,
) -> Result<EvidencePage, ApiError> {
    let limit = query.limit.unwrap_or(EVIDENCE_PAGE_MAX);
    if !(1..=EVIDENCE_PAGE_MAX).contains(&limit) {
        return Err(ApiError::bad_request(format!(
            "limit must be between 1 and {EVIDENCE_PAGE_MAX}"
        )));
    }
    let offset = i64::from(query.offset.unwrap_or(0));
    let run = get_run_row(ctx, principal, run_id).await?;
    let (total, _) = run_store::evidence_totals(&ctx.db.pool, &run.id)
        .await
        .map_err(db("counting evidence"))?;
    let rows = run_store::evidence_page(&ctx.db, &run.id, offset, i64::from(limit), None)
        .await
        .map_err(db("reading evidence"))?;
    let next = offset + rows.len() as i64;
    Ok(EvidencePage {
        items: rows.iter().map(views::evidence).collect(),
        total,
        next_offset: (next < total && !rows.is_empty()).then_some(next),
    })
}

/// Refuses evidence that would take a run past its bounds (`EVIDENCE_MAX_*`):
/// 409 past the number of items, 413 past the total bytes.
pub(crate) fn check_evidence_room(
    ctx: &AppContext,
    (items, bytes): (i64, i64),
    adding_bytes: u64,
) -> Result<(), ApiError> {
    let limits = ctx.config.evidence;
    if items as u64 >= limits.max_items {
        return Err(ApiError::conflict(format!(
            "this run already holds {items} evidence items, the most one run may hold ({})",
            limits.max_items
        )));
    }
    if (bytes as u64).saturating_add(adding_bytes) > limits.max_bytes {
        return Err(ApiError::too_large(format!(
            "this run's evidence would exceed {} bytes in all (it holds {bytes})",
            limits.max_bytes
        )));
    }
    Ok(())
}

/// The current evidence totals of a run, read in `tx`.
pub(crate) async fn evidence_totals_tx(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    run_id: &str,
) -> Result<(i64, i64), ApiError> {
    run_store::evidence_totals(&mut **tx, run_id)
        .await
        .map_err(db("counting evidence"))
}

/// `POST /runs/{run_id}/evidence`.
pub async fn add_evidence(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
    body: EvidenceIn,
) -> Result<Evidence, ApiError> {
    let label = required_text(&body.label, "label", 300)?;
    if body
        .content
        .as_ref()
        .is_some_and(|c| c.len() > MAX_EVIDENCE_TEXT_BYTES)
    {
        return Err(ApiError::too_large(format!(
            "evidence content must be at most {MAX_EVIDENCE_TEXT_BYTES} bytes; upload large material as a file"
        )));
    }
    if let Some(content) = &body.content {
        reject_nul(content, "content")?;
    }
    let content = body.content.filter(|c| !c.is_empty());
    let mut tx = begin(ctx).await?;
    let (run, status) = lock_run(&mut tx, principal, run_id).await?;
    require(status, Step::AddEvidence, &run)?;
    let totals = evidence_totals_tx(&mut tx, &run.id).await?;
    check_evidence_room(ctx, totals, content.as_ref().map_or(0, |c| c.len() as u64))?;
    reopen_for_evidence(&mut tx, &run, status).await?;
    let row = EvidenceRow {
        id: ids::new_id(),
        run_id: run.id.clone(),
        kind: body.kind.as_str().to_string(),
        label,
        sha256: content
            .as_deref()
            .map(|c| defendable_contract::canonical::sha256_hex(c.as_bytes())),
        byte_size: content.as_deref().map(|c| c.len() as i64),
        content_type: content.as_ref().map(|_| "text/plain".to_string()),
        content,
        filename: None,
        blob_key: None,
        created_by: principal.user_id.clone(),
        created_at: time::now_micros(),
    };
    run_store::insert_evidence(&mut tx, &row)
        .await
        .map_err(db("storing evidence"))?;
    commit(tx).await?;
    Ok(views::evidence(&row))
}

/// Reads the submission body: `{output_text, agent_name, ...}`, or a JSON agent
/// output posted whole (then its canonical JSON text is the output).
fn parse_submission(body: Value) -> Result<SubmissionRow, ApiError> {
    let Value::Object(mut map) = body else {
        return Err(ApiError::bad_request(
            "the submission must be a JSON object",
        ));
    };
    let string_field = |map: &mut Map<String, Value>,
                        name: &str,
                        max: usize|
     -> Result<Option<String>, ApiError> {
        match map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => optional_text(Some(s), name, max),
            Some(_) => Err(ApiError::bad_request(format!("{name} must be a string"))),
        }
    };
    let (output_text, agent_name, model_name, provider, tool_logs, notes) =
        match map.remove("output_text") {
            Some(output) => {
                let text = match output {
                    Value::String(s) => s,
                    Value::Null => String::new(),
                    other => defendable_contract::canonical::to_canonical_string(&other)
                        .map_err(|e| ApiError::bad_request(format!("output_text: {e}")))?,
                };
                let agent_name = string_field(&mut map, "agent_name", 200)?;
                let model_name = string_field(&mut map, "model_name", 200)?;
                let provider = string_field(&mut map, "provider", 200)?;
                let notes = string_field(&mut map, "notes", 10_000)?;
                let tool_logs = match map.remove("tool_logs") {
                    None | Some(Value::Null) => None,
                    Some(v) => Some(
                        defendable_contract::canonical::to_canonical_string(&v)
                            .map_err(|e| ApiError::bad_request(format!("tool_logs: {e}")))?,
                    ),
                };
                (text, agent_name, model_name, provider, tool_logs, notes)
            }
            None if map.is_empty() => return Err(ApiError::bad_request("paste the agent output")),
            None => {
                let text = defendable_contract::canonical::to_canonical_string(&Value::Object(map))
                    .map_err(|e| ApiError::bad_request(format!("submission: {e}")))?;
                (text, None, None, None, None, None)
            }
        };
    reject_nul(&output_text, "output_text")?;
    for (field, value) in [
        ("agent_name", &agent_name),
        ("model_name", &model_name),
        ("provider", &provider),
        ("notes", &notes),
    ] {
        if let Some(value) = value {
            reject_nul(value, field)?;
        }
    }
    let output_text = output_text.trim().to_string();
    if output_text.is_empty() {
        return Err(ApiError::bad_request("paste the agent output"));
    }
    if output_text.len() > MAX_OUTPUT_BYTES {
        return Err(ApiError::too_large(format!(
            "the agent output must be at most {MAX_OUTPUT_BYTES} bytes"
        )));
    }
    if tool_logs
        .as_ref()
        .is_some_and(|t| t.len() > MAX_OUTPUT_BYTES)
    {
        return Err(ApiError::too_large(format!(
            "tool_logs must be at most {MAX_OUTPUT_BYTES} bytes"
        )));
    }
    Ok(SubmissionRow {
        id: ids::new_id(),
        run_id: String::new(),
        agent_name,
        model_name,
        provider,
        sha256: defendable_contract::canonical::sha256_hex(output_text.as_bytes()),
        output_text,
        tool_logs,
        notes,
        submitted_by: String::new(),
        submitted_at: String::new(),
    })
}

/// `POST /runs/{run_id}/submission`: replaces the current submission and voids
/// the checks, verdict and approvals that were about the old one.
pub async fn add_submission(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
    body: Value,
) -> Result<SubmissionAck, ApiError> {
    let mut row = parse_submission(body)?;
    let mut tx = begin(ctx).await?;
    let (run, status) = lock_run(&mut tx, principal, run_id).await?;
    require(status, Step::Submit, &run)?;
    let now = time::now_micros();
    row.run_id = run.id.clone();
    row.submitted_by = principal.user_id.clone();
    row.submitted_at = now.clone();
    run_store::insert_submission(&mut tx, &row)
        .await
        .map_err(db("storing a submission"))?;
    run_store::set_agent(
        &mut tx,
        &run.id,
        &row.agent_name,
        &row.model_name,
        &row.provider,
    )
    .await
    .map_err(db("updating a run"))?;
    audits::void_verdict_and_approvals(&mut tx, &run.id, &now)
        .await
        .map_err(db("voiding a verdict"))?;
    audits::replace_checks(&mut tx, &run.id, &[])
        .await
        .map_err(db("clearing checks"))?;
    run_store::set_status(&mut tx, &run.id, RunStatus::Submitted.as_str())
        .await
        .map_err(db("updating a run"))?;
    commit(tx).await?;
    Ok(SubmissionAck {
        id: row.id,
        sha256: row.sha256,
        submitted_at: time::to_wire(&now),
        status: RunStatus::Submitted.as_str().into(),
    })
}

/// `GET /runs/{run_id}/submission`.
pub async fn get_submission(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
) -> Result<Submission, ApiError> {
    let run = get_run_row(ctx, principal, run_id).await?;
    let row = run_store::current_submission(&ctx.db, &run.id)
        .await
        .map_err(db("reading a submission"))?
        .ok_or_else(|| ApiError::not_found("no submission"))?;
    Ok(views::submission(&row))
}

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
    tx: &mut Transaction<'static, Any>,
    run_id: &str,
    checks: &[CheckRow],
    verdict: Option<&VerdictRow>,
    status: RunStatus,
) -> Result<(), ApiError> {
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
) -> Result<AuditResult, ApiError> {
    let snapshot = get_run_row(ctx, principal, run_id).await?;
    let def = flight_sheets::for_run(ctx, &snapshot).await?;
    crate::agents::guard_run(ctx, &snapshot).await?;
    let mut tx = begin(ctx).await?;
    let (run, status) = lock_run(&mut tx, principal, run_id).await?;
    require(status, Step::Audit, &run)?;
    let def = def.ok_or_else(|| ApiError::conflict("this run has no flight sheet"))?;
    let submission = run_store::current_submission_tx(&mut tx, &run.id)
        .await
        .map_err(db("reading a submission"))?
        .ok_or_else(|| ApiError::conflict("add the agent submission first"))?;
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
) -> Result<CoreChecksResult, ApiError> {
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
) -> Result<ChecksList, ApiError> {
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
) -> Result<FlagsList, ApiError> {
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
) -> Result<Verdict, ApiError> {
    let run = get_run_row(ctx, principal, run_id).await?;
    let row = audits::current_verdict(&ctx.db, &run.id)
        .await
        .map_err(db("reading a verdict"))?
        .ok_or_else(|| ApiError::not_found("no verdict"))?;
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
) -> Result<CheckGraded, ApiError> {
    if !matches!(body.status, CheckStatus::Pass | CheckStatus::Flag) {
        return Err(ApiError::bad_request(
            "status must be pass (satisfied) or flag",
        ));
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
        .ok_or_else(|| ApiError::not_found("rule not found"))?;
    require(status, Step::Grade, &run)?;
    if check.kind != CheckKind::Checklist.as_str() {
        return Err(ApiError::conflict(format!(
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
) -> Result<Verdict, ApiError> {
    let def = sheet_of(ctx, principal, run_id).await?;
    let mut tx = begin(ctx).await?;
    let (run, status) = lock_run(&mut tx, principal, run_id).await?;
    require(status, Step::Finalize, &run)?;
    let checks = audits::checks_tx(&mut tx, &run.id)
        .await
        .map_err(db("reading checks"))?;
    if checks.is_empty() {
        return Err(ApiError::conflict("run the audit first"));
    }
    let open = checks
        .iter()
        .filter(|c| c.status == CheckStatus::Open.as_str())
        .count();
    if open > 0 {
        return Err(ApiError::conflict(format!(
            "{open} rule(s) still need to be applied (satisfied or flagged)"
        )));
    }
    let def = def.ok_or_else(|| ApiError::conflict("this run has no flight sheet"))?;
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
) -> Result<Approval, ApiError> {
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
        .ok_or_else(|| ApiError::conflict("run a verification before approving"))?;
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
            return Err(ApiError::conflict(
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
