//! The run lifecycle: projects, flight sheets, runs, evidence, submissions, audits,
//! core checks and approvals.

use std::io::Read as _;
use std::path::Path;

use futures::StreamExt as _;
use sha2::{Digest as _, Sha256};

use crate::api::{Answer as _, Ctx};
use crate::cli::{
    ApprovalCommand, AuditCommand, ChecksCommand, DecisionArg, EvidenceCommand, EvidenceKindArg,
    FailOn, FlightSheetsCommand, GradeStatus, LaneArg, ProjectsCommand, RunsCommand,
    SubmissionAddArgs, SubmissionCommand,
};
use crate::client::types;
use crate::commands::{interactive, wire};
use crate::error::CliError;
use crate::output::{note, opt};

fn lane(arg: LaneArg) -> types::Lane {
    match arg {
        LaneArg::Agent => types::Lane::Agent,
        LaneArg::Dataset => types::Lane::Dataset,
        LaneArg::Compute => types::Lane::Compute,
        LaneArg::Other => types::Lane::Other,
    }
}

pub async fn projects(ctx: &Ctx, cmd: ProjectsCommand) -> Result<(), CliError> {
    let client = ctx.authed()?;
    match cmd {
        ProjectsCommand::Ls => {
            let list = client.projects_list().send().answer(ctx).await?;
            let rows = list
                .projects
                .iter()
                .map(|p| {
                    vec![
                        p.id.clone(),
                        p.name.clone(),
                        p.run_count.to_string(),
                        p.created_at.clone(),
                    ]
                })
                .collect();
            ctx.printer
                .list(&list.projects, &["ID", "NAME", "RUNS", "CREATED"], rows)
        }
        ProjectsCommand::Create { name } => {
            let project = client
                .projects_create()
                .body(types::ProjectIn { name })
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &project,
                vec![
                    ("id", project.id.clone()),
                    ("name", project.name.clone()),
                    ("slug", project.slug.clone()),
                ],
            )
        }
    }
}

pub async fn flight_sheets(ctx: &Ctx, cmd: FlightSheetsCommand) -> Result<(), CliError> {
    let client = ctx.authed()?;
    match cmd {
        FlightSheetsCommand::Ls { lane: wanted } => {
            let mut sheets = client
                .flight_sheets_list()
                .send()
                .answer(ctx)
                .await?
                .flight_sheets;
            if let Some(wanted) = wanted {
                let wanted = lane(wanted);
                sheets.retain(|s| s.lane == wanted);
            }
            let rows = sheets
                .iter()
                .map(|s| {
                    vec![
                        s.slug.clone(),
                        s.name.clone(),
                        wire(&s.lane),
                        if s.deterministic {
                            "deterministic"
                        } else {
                            "heuristic"
                        }
                        .to_string(),
                        s.audit_checks.len().to_string(),
                    ]
                })
                .collect();
            ctx.printer
                .list(&sheets, &["SLUG", "NAME", "LANE", "KIND", "RULES"], rows)
        }
        FlightSheetsCommand::Show { slug_or_id } => {
            let sheet = client
                .flight_sheets_get()
                .id_or_slug(slug_or_id)
                .send()
                .answer(ctx)
                .await?;
            if ctx.printer.json {
                return ctx.printer.json(&sheet);
            }
            ctx.printer.object(
                &sheet,
                vec![
                    ("name", format!("{} v{}", sheet.name, sheet.version)),
                    ("slug", sheet.slug.clone()),
                    ("id", sheet.id.clone()),
                    ("lane", wire(&sheet.lane)),
                    ("summary", sheet.summary.clone()),
                    ("required inputs", sheet.required_inputs.join(", ")),
                    ("expected outputs", sheet.expected_outputs.join(", ")),
                    (
                        "thresholds",
                        format!(
                            "pass {} / fail {}",
                            sheet.pass_threshold, sheet.fail_threshold
                        ),
                    ),
                ],
            )?;
            let rows = sheet
                .audit_checks
                .iter()
                .map(|r| {
                    vec![
                        r.key.clone(),
                        r.label.clone(),
                        wire(&r.kind),
                        wire(&r.severity),
                    ]
                })
                .collect();
            ctx.printer.list(
                &sheet.audit_checks,
                &["RULE", "LABEL", "KIND", "SEVERITY"],
                rows,
            )
        }
    }
}

fn parse_inputs(
    inputs: &[String],
) -> Result<Option<serde_json::Map<String, serde_json::Value>>, CliError> {
    if inputs.is_empty() {
        return Ok(None);
    }
    let mut map = serde_json::Map::new();
    for input in inputs {
        let (key, value) = input
            .split_once('=')
            .ok_or_else(|| CliError::usage(format!("--input wants KEY=VALUE, got {input:?}")))?;
        let value = serde_json::from_str(value)
            .unwrap_or_else(|_| serde_json::Value::String(value.to_string()));
        map.insert(key.trim().to_string(), value);
    }
    Ok(Some(map))
}

fn check_rows(checks: &[types::Check]) -> Vec<Vec<String>> {
    checks
        .iter()
        .map(|c| {
            vec![
                c.id.clone(),
                c.check_key.clone(),
                wire(&c.status),
                wire(&c.severity),
                wire(&c.kind),
                c.detail.clone(),
            ]
        })
        .collect()
}

const CHECK_HEADERS: [&str; 6] = ["ID", "RULE", "STATUS", "SEVERITY", "KIND", "DETAIL"];

fn verdict_fields(v: &types::Verdict) -> Vec<(&'static str, String)> {
    vec![
        ("outcome", wire(&v.outcome)),
        ("severity", wire(&v.severity)),
        ("score", format!("{}/100", v.score_100)),
        ("summary", v.summary.clone()),
        ("recommended action", v.recommended_action.clone()),
        (
            "rules",
            format!("{} passed, {} flagged", v.checks_passed, v.checks_failed),
        ),
    ]
}

pub async fn runs(ctx: &Ctx, cmd: RunsCommand) -> Result<(), CliError> {
    let client = ctx.authed()?;
    match cmd {
        RunsCommand::New {
            project,
            flight_sheet,
            title,
            lane: run_lane,
            inputs,
            agent_profile,
            override_blocked_lane,
        } => {
            let body = types::RunIn {
                project_id: project,
                flight_sheet_id: flight_sheet,
                title,
                lane: run_lane.map(lane),
                inputs: parse_inputs(&inputs)?,
                agent_profile_id: agent_profile,
                override_blocked_lane: override_blocked_lane.then_some(true),
            };
            let run = client.runs_create().body(body).send().answer(ctx).await?;
            ctx.printer.object(
                &run,
                vec![
                    ("id", run.id.clone()),
                    ("title", run.title.clone()),
                    ("status", run.status.clone()),
                    ("lane", wire(&run.lane)),
                ],
            )?;
            if let Some(text) = run.assignment_text.as_deref().filter(|_| !ctx.printer.json) {
                ctx.printer.say("")?;
                ctx.printer.say(text)?;
            }
            Ok(())
        }
        RunsCommand::Ls { project, limit } => {
            let mut request = client.runs_list();
            if let Some(project) = project {
                request = request.project_id(project);
            }
            if let Some(limit) = limit {
                request = request.limit(limit);
            }
            let list = request.send().answer(ctx).await?;
            let rows = list
                .runs
                .iter()
                .map(|r| {
                    vec![
                        r.id.clone(),
                        r.title.clone(),
                        r.status.clone(),
                        opt(r.verdict.as_ref().map(wire)),
                        r.created_at.clone(),
                    ]
                })
                .collect();
            ctx.printer.list(
                &list.runs,
                &["ID", "TITLE", "STATUS", "VERDICT", "CREATED"],
                rows,
            )
        }
        RunsCommand::Show { run } => {
            let run = client.runs_get().run_id(run).send().answer(ctx).await?;
            ctx.printer.object(
                &run,
                vec![
                    ("id", run.id.clone()),
                    ("title", run.title.clone()),
                    ("status", run.status.clone()),
                    ("lane", wire(&run.lane)),
                    (
                        "flight sheet",
                        opt(run
                            .flight_sheet
                            .as_ref()
                            .map(|s| format!("{} v{}", s.name, s.version))),
                    ),
                    ("evidence", run.evidence.len().to_string()),
                    (
                        "submission",
                        opt(run.submission.as_ref().map(|s| s.sha256.clone())),
                    ),
                    ("rules applied", run.checks.len().to_string()),
                    (
                        "verdict",
                        opt(run
                            .verdict
                            .as_ref()
                            .map(|v| format!("{} ({}/100)", wire(&v.outcome), v.score_100))),
                    ),
                    (
                        "approval",
                        opt(run.approval.as_ref().map(|a| wire(&a.decision))),
                    ),
                    (
                        "receipt",
                        opt(run
                            .receipt
                            .as_ref()
                            .map(|r| format!("{} {}", r.receipt_id, r.share_url))),
                    ),
                    (
                        "receipt page",
                        opt(run
                            .receipt
                            .as_ref()
                            .map(|r| super::verify::page_url(&r.share_url))),
                    ),
                ],
            )
        }
        RunsCommand::Submission { run } => {
            let sub = client
                .submission_get()
                .run_id(run)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &sub,
                vec![
                    ("sha256", sub.sha256.clone()),
                    ("submitted at", sub.submitted_at.clone()),
                    ("agent", opt(sub.agent_name.as_deref())),
                    ("model", opt(sub.model_name.as_deref())),
                    ("output", sub.output_text.clone()),
                ],
            )
        }
        RunsCommand::Checks { run } => {
            let list = client.checks_list().run_id(run).send().answer(ctx).await?;
            let rows = check_rows(&list.checks);
            ctx.printer.list(&list.checks, &CHECK_HEADERS, rows)
        }
        RunsCommand::Flags { run } => {
            let list = client.flags_list().run_id(run).send().answer(ctx).await?;
            let rows = list
                .flags
                .iter()
                .map(|f| {
                    vec![
                        f.key.clone(),
                        f.label.clone(),
                        wire(&f.severity),
                        f.detail.clone(),
                    ]
                })
                .collect();
            ctx.printer
                .list(&list.flags, &["RULE", "LABEL", "SEVERITY", "DETAIL"], rows)
        }
        RunsCommand::Verdict { run } => {
            let verdict = client.verdict_get().run_id(run).send().answer(ctx).await?;
            ctx.printer.object(&verdict, verdict_fields(&verdict))
        }
    }
}

pub async fn evidence(ctx: &Ctx, cmd: EvidenceCommand) -> Result<(), CliError> {
    let client = ctx.authed()?;
    match cmd {
        EvidenceCommand::Add {
            run,
            label,
            kind,
            content,
        } => {
            let kind = match kind {
                EvidenceKindArg::Note => types::EvidenceKind::Note,
                EvidenceKindArg::Url => types::EvidenceKind::Url,
                EvidenceKindArg::Log => types::EvidenceKind::Log,
                EvidenceKindArg::File => {
                    return Err(CliError::usage(
                        "files are uploaded with `defendable evidence upload RUN FILE`",
                    ))
                }
            };
            let item = client
                .evidence_add()
                .run_id(run)
                .body(types::EvidenceIn {
                    kind,
                    label,
                    content,
                })
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &item,
                vec![
                    ("id", item.id.clone()),
                    ("label", item.label.clone()),
                    ("kind", wire(&item.kind)),
                ],
            )
        }
        EvidenceCommand::Upload { run, file, label } => upload(ctx, run, &file, label).await,
    }
}

/// Hashes a file without loading it whole.
fn sha256_of_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok(hex::encode(hasher.finalize()));
        }
        hasher.update(&buf[..n]);
    }
}

async fn upload(
    ctx: &Ctx,
    run: String,
    path: &Path,
    label: Option<String>,
) -> Result<(), CliError> {
    let client = ctx.authed()?;
    let open_error =
        |e: std::io::Error| CliError::other(format!("reading {}: {e}", path.display()));
    let size = std::fs::metadata(path).map_err(open_error)?.len();
    let local_sha = sha256_of_file(path).map_err(open_error)?;
    let filename = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "upload.bin".to_string());
    let file = tokio::fs::File::open(path).await.map_err(open_error)?;

    let bar = crate::output::transfer_bar(size, &filename);
    let progress = bar.clone();
    let stream = tokio_util_stream(file).map(move |chunk| {
        if let Ok(bytes) = &chunk {
            progress.inc(bytes.len() as u64);
        }
        chunk
    });
    let result = client
        .evidence_upload()
        .run_id(run)
        .filename(filename.clone())
        .label(label.unwrap_or_else(|| filename.clone()))
        .body(reqwest::Body::wrap_stream(stream))
        .send()
        .await;
    bar.finish_and_clear();
    let item = result.map_err(|e| ctx.fail(e))?.into_inner();
    let server_sha = item.sha256.clone().unwrap_or_default();
    if server_sha != local_sha {
        return Err(CliError::verification(format!(
            "the server stored sha256 {server_sha}, but {} hashes to {local_sha}",
            path.display()
        )));
    }
    ctx.printer.object(
        &item,
        vec![
            ("id", item.id.clone()),
            ("label", item.label.clone()),
            ("bytes", opt(item.byte_size)),
            ("sha256", format!("{server_sha} (matches the local file)")),
        ],
    )
}

/// Reads a file as a stream of chunks.
fn tokio_util_stream(
    file: tokio::fs::File,
) -> impl futures::Stream<Item = std::io::Result<bytes::Bytes>> {
    futures::stream::unfold(file, |mut file| async move {
        use tokio::io::AsyncReadExt as _;
        let mut buf = vec![0u8; 64 * 1024];
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok(bytes::Bytes::from(buf)), file))
            }
            Err(e) => Some((Err(e), file)),
        }
    })
}

pub async fn submission(ctx: &Ctx, cmd: SubmissionCommand) -> Result<(), CliError> {
    let SubmissionCommand::Add(args) = cmd;
    let SubmissionAddArgs {
        run,
        stdin,
        output_file,
        output_text,
        agent_name,
        model_name,
        provider,
        notes,
    } = args;
    let output_text = match (stdin.as_deref(), output_file, output_text) {
        (Some("-"), None, None) => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| CliError::other(format!("reading standard input: {e}")))?;
            text
        }
        (Some(other), _, _) => {
            return Err(CliError::usage(format!(
                "unexpected argument {other:?}: use --output-file, --output-text or -"
            )))
        }
        (None, Some(path), None) => std::fs::read_to_string(&path)
            .map_err(|e| CliError::other(format!("reading {}: {e}", path.display())))?,
        (None, None, Some(text)) => text,
        _ => {
            return Err(CliError::usage(
                "give the output with --output-file F, --output-text T, or - for stdin",
            ))
        }
    };
    let ack = ctx
        .authed()?
        .submission_add()
        .run_id(run)
        .body(types::SubmissionIn {
            output_text,
            agent_name,
            model_name,
            provider,
            notes,
            tool_logs: None,
        })
        .send()
        .answer(ctx)
        .await?;
    ctx.printer.object(
        &ack,
        vec![
            ("sha256", ack.sha256.clone()),
            ("status", ack.status.clone()),
        ],
    )
}

pub async fn audit(ctx: &Ctx, cmd: AuditCommand) -> Result<(), CliError> {
    let client = ctx.authed()?;
    match cmd {
        AuditCommand::Run { run, fail_on } => {
            let result = client.audit_run().run_id(run).send().answer(ctx).await?;
            if ctx.printer.json {
                ctx.printer.json(&result)?;
            } else {
                let rows = check_rows(&result.checks);
                ctx.printer.list(&result.checks, &CHECK_HEADERS, rows)?;
                match &result.verdict {
                    Some(v) => ctx.printer.object(v, verdict_fields(v))?,
                    None => ctx.printer.say(
                        "Checklist rules are open: apply each with `defendable audit grade`, then `defendable audit finalize`.",
                    )?,
                }
            }
            gate(fail_on, result.verdict.as_ref(), result.needs_grading)
        }
        AuditCommand::Grade {
            run,
            check,
            status,
            detail,
        } => {
            let checks = client
                .checks_list()
                .run_id(run.clone())
                .send()
                .answer(ctx)
                .await?
                .checks;
            let check_id = checks
                .iter()
                .find(|c| c.id == check || c.check_key == check)
                .map(|c| c.id.clone())
                .ok_or_else(|| CliError::other(format!("no rule {check:?} on this run")))?;
            let graded = client
                .checks_grade()
                .run_id(run)
                .check_id(check_id)
                .body(types::CheckGradeIn {
                    status: match status {
                        GradeStatus::Pass => types::CheckStatus::Pass,
                        GradeStatus::Flag => types::CheckStatus::Flag,
                    },
                    detail,
                })
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &graded,
                vec![
                    ("rule", graded.check_key.clone()),
                    ("status", wire(&graded.status)),
                    ("open rules left", graded.open_remaining.to_string()),
                ],
            )
        }
        AuditCommand::Finalize { run } => {
            let verdict = client
                .findings_finalize()
                .run_id(run)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(&verdict, verdict_fields(&verdict))
        }
    }
}

/// The CI gate of `audit run --fail-on`: exit 3 when the verdict reaches the level.
fn gate(
    fail_on: Option<FailOn>,
    verdict: Option<&types::Verdict>,
    needs_grading: bool,
) -> Result<(), CliError> {
    let Some(level) = fail_on else {
        return Ok(());
    };
    let Some(verdict) = verdict else {
        if needs_grading {
            note("note: no verdict yet (checklist rules are open), so the gate passes for now");
        }
        return Ok(());
    };
    let failed = matches!(
        (level, verdict.outcome),
        (_, types::VerdictOutcome::Fail) | (FailOn::Risk, types::VerdictOutcome::Risk)
    );
    if failed {
        return Err(CliError::verification(format!(
            "the verdict is {} ({}/100), at or past --fail-on {}",
            wire(&verdict.outcome),
            verdict.score_100,
            match level {
                FailOn::Risk => "risk",
                FailOn::Fail => "fail",
            }
        )));
    }
    Ok(())
}

pub async fn checks(ctx: &Ctx, cmd: ChecksCommand) -> Result<(), CliError> {
    let ChecksCommand::Run { run } = cmd;
    let result = ctx
        .authed()?
        .checks_run()
        .run_id(run)
        .send()
        .answer(ctx)
        .await?;
    if ctx.printer.json {
        return ctx.printer.json(&result);
    }
    let rows = check_rows(&result.checks);
    ctx.printer.list(&result.checks, &CHECK_HEADERS, rows)?;
    ctx.printer
        .object(&result.verdict, verdict_fields(&result.verdict))
}

pub async fn approval(ctx: &Ctx, cmd: ApprovalCommand) -> Result<(), CliError> {
    let ApprovalCommand::Set {
        run,
        decision,
        note: text,
        yes,
    } = cmd;
    let decision = match decision {
        DecisionArg::Approved => types::ApprovalDecision::Approved,
        DecisionArg::Rejected => types::ApprovalDecision::Rejected,
        DecisionArg::Escalated => types::ApprovalDecision::Escalated,
    };
    let client = ctx.authed()?;
    if !yes && interactive() {
        let verdict = client
            .verdict_get()
            .run_id(run.clone())
            .send()
            .await
            .map(|v| v.into_inner());
        let shown = match &verdict {
            Ok(v) => format!("{} ({}/100): {}", wire(&v.outcome), v.score_100, v.summary),
            Err(_) => "no verdict yet".to_string(),
        };
        let confirmed = dialoguer::Confirm::new()
            .with_prompt(format!(
                "Record `{}` on run {run}? Verdict: {shown}",
                wire(&decision)
            ))
            .default(false)
            .interact()
            .map_err(|e| CliError::other(format!("reading the answer: {e}")))?;
        if !confirmed {
            return Err(CliError::other("cancelled; nothing was recorded"));
        }
    }
    let approval = client
        .approval_set()
        .run_id(run)
        .body(types::ApprovalIn {
            decision,
            note: text,
        })
        .send()
        .answer(ctx)
        .await?;
    ctx.printer.object(
        &approval,
        vec![
            ("decision", wire(&approval.decision)),
            ("verdict", approval.verdict_outcome.clone()),
            ("approver", approval.approver_email.clone()),
            ("note", opt(approval.note.as_deref())),
        ],
    )
}
