//! Runs: creation, evidence, submissions, audits, grading, verdicts and approvals.
//! Every state change locks the run's row in a transaction and asks the
//! lifecycle whether the step is legal before touching anything.

pub mod lifecycle;
pub mod upload;
pub mod verdicts;
pub mod views;

pub use verdicts::{
    approve, audit, core_checks, finalize, get_verdict, grade, list_checks, list_flags,
};

use serde_json::{Map, Value};

use defendable_contract::doctrine::Lane;
use defendable_contract::schemas::*;

use crate::auth::Principal;
use crate::checks::library::FlightSheetDef;
use crate::context::AppContext;
use crate::error::{db, Error};
use crate::flight_sheets;
use crate::ids;
use crate::paging;
use crate::store::audits::{self, ApprovalRow, CheckRow, VerdictRow};
use crate::store::runs::{self as run_store, EvidenceRow, RunRow, SubmissionRow};
use crate::store::{projects, receipts as receipt_store};
use crate::text::{optional_text, reject_nul, required_text};
use crate::time;
use crate::tx::{begin, commit};
use lifecycle::{allow, RunStatus, Step};

/// Longest agent output accepted, in bytes.
pub const MAX_OUTPUT_BYTES: usize = 2 * 1024 * 1024;
/// Longest text evidence accepted, in bytes.
pub const MAX_EVIDENCE_TEXT_BYTES: usize = 1024 * 1024;

/// Locks a run of the caller's organisation, or 404.
pub(crate) async fn lock_run(
    tx: &mut crate::store::Tx,
    principal: &Principal,
    run_id: &str,
) -> Result<(RunRow, RunStatus), Error> {
    let run = run_store::lock(tx, &principal.org_id, run_id, &time::now_micros())
        .await
        .map_err(db("locking a run"))?
        .ok_or_else(|| Error::not_found("run not found"))?;
    let status = RunStatus::parse(&run.status)
        .ok_or_else(|| Error::broken(format!("run has an unknown status: {}", run.status)))?;
    Ok((run, status))
}

/// Asks the lifecycle; an illegal step is a 409.
pub(crate) fn require(status: RunStatus, step: Step, run: &RunRow) -> Result<(), Error> {
    allow(status, step, run.flight_sheet_id.is_some()).map_err(Error::conflict)
}

/// A run of the caller's organisation, or 404.
pub async fn get_run_row(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
) -> Result<RunRow, Error> {
    run_store::get(&ctx.db, &principal.org_id, run_id)
        .await
        .map_err(db("reading a run"))?
        .ok_or_else(|| Error::not_found("run not found"))
}

/// The flight sheet a run was created against, read before any transaction (a
/// transaction never waits for a second pooled connection).
pub(super) async fn sheet_of(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
) -> Result<Option<FlightSheetDef>, Error> {
    flight_sheets::for_run(ctx, &get_run_row(ctx, principal, run_id).await?).await
}

/// New evidence makes a verdict stale: the verdict and its approvals are voided and
/// the run goes back to where it stood before its audit or core checks.
pub(crate) async fn reopen_for_evidence(
    tx: &mut crate::store::Tx,
    run: &RunRow,
    status: RunStatus,
) -> Result<(), Error> {
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

/// `POST /projects`.
pub async fn create_project(
    ctx: &AppContext,
    principal: &Principal,
    body: ProjectIn,
) -> Result<Project, Error> {
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
pub async fn list_projects(ctx: &AppContext, principal: &Principal) -> Result<ProjectList, Error> {
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
) -> Result<Run, Error> {
    let project_id = body.project_id.trim();
    projects::get(&ctx.db, &principal.org_id, project_id)
        .await
        .map_err(db("reading a project"))?
        .ok_or_else(|| Error::not_found("project not found"))?;
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
            title
                .ok_or_else(|| Error::invalid("title is required when there is no flight sheet"))?,
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
) -> Result<RunList, Error> {
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
pub(crate) async fn current_facts(ctx: &AppContext, run_id: &str) -> Result<CurrentFacts, Error> {
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
) -> Result<RunDetail, Error> {
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
) -> Result<EvidencePage, Error> {
    let limit = query.limit.unwrap_or(EVIDENCE_PAGE_MAX);
    if !(1..=EVIDENCE_PAGE_MAX).contains(&limit) {
        return Err(Error::invalid(format!(
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
) -> Result<(), Error> {
    let limits = ctx.config.evidence;
    if items as u64 >= limits.max_items {
        return Err(Error::conflict(format!(
            "this run already holds {items} evidence items, the most one run may hold ({})",
            limits.max_items
        )));
    }
    if (bytes as u64).saturating_add(adding_bytes) > limits.max_bytes {
        return Err(Error::too_large(format!(
            "this run's evidence would exceed {} bytes in all (it holds {bytes})",
            limits.max_bytes
        )));
    }
    Ok(())
}

/// The current evidence totals of a run, read in `tx`.
pub(crate) async fn evidence_totals_tx(
    tx: &mut crate::store::Tx,
    run_id: &str,
) -> Result<(i64, i64), Error> {
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
) -> Result<Evidence, Error> {
    let label = required_text(&body.label, "label", 300)?;
    if body
        .content
        .as_ref()
        .is_some_and(|c| c.len() > MAX_EVIDENCE_TEXT_BYTES)
    {
        return Err(Error::too_large(format!(
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
fn parse_submission(body: Value) -> Result<SubmissionRow, Error> {
    let Value::Object(mut map) = body else {
        return Err(Error::invalid("the submission must be a JSON object"));
    };
    let string_field =
        |map: &mut Map<String, Value>, name: &str, max: usize| -> Result<Option<String>, Error> {
            match map.remove(name) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => optional_text(Some(s), name, max),
                Some(_) => Err(Error::invalid(format!("{name} must be a string"))),
            }
        };
    let (output_text, agent_name, model_name, provider, tool_logs, notes) =
        match map.remove("output_text") {
            Some(output) => {
                let text = match output {
                    Value::String(s) => s,
                    Value::Null => String::new(),
                    other => defendable_contract::canonical::to_canonical_string(&other)
                        .map_err(|e| Error::invalid(format!("output_text: {e}")))?,
                };
                let agent_name = string_field(&mut map, "agent_name", 200)?;
                let model_name = string_field(&mut map, "model_name", 200)?;
                let provider = string_field(&mut map, "provider", 200)?;
                let notes = string_field(&mut map, "notes", 10_000)?;
                let tool_logs = match map.remove("tool_logs") {
                    None | Some(Value::Null) => None,
                    Some(v) => Some(
                        defendable_contract::canonical::to_canonical_string(&v)
                            .map_err(|e| Error::invalid(format!("tool_logs: {e}")))?,
                    ),
                };
                (text, agent_name, model_name, provider, tool_logs, notes)
            }
            None if map.is_empty() => return Err(Error::invalid("paste the agent output")),
            None => {
                let text = defendable_contract::canonical::to_canonical_string(&Value::Object(map))
                    .map_err(|e| Error::invalid(format!("submission: {e}")))?;
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
        return Err(Error::invalid("paste the agent output"));
    }
    if output_text.len() > MAX_OUTPUT_BYTES {
        return Err(Error::too_large(format!(
            "the agent output must be at most {MAX_OUTPUT_BYTES} bytes"
        )));
    }
    if tool_logs
        .as_ref()
        .is_some_and(|t| t.len() > MAX_OUTPUT_BYTES)
    {
        return Err(Error::too_large(format!(
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
) -> Result<SubmissionAck, Error> {
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
) -> Result<Submission, Error> {
    let run = get_run_row(ctx, principal, run_id).await?;
    let row = run_store::current_submission(&ctx.db, &run.id)
        .await
        .map_err(db("reading a submission"))?
        .ok_or_else(|| Error::not_found("no submission"))?;
    Ok(views::submission(&row))
}
