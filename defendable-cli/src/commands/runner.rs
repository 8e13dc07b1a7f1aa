//! `runner`: the worker loop that does queued cooks with a runner token, and the
//! operator's per-runner tokens (internal key).
//!
//! A job runs through `--exec CMD` (`sh -c CMD`): the job is written to its stdin
//! as JSON, its stdout must be `{"eval_after": .., "adapter_ref": .., "metrics": {..}}`
//! and its stderr lines `progress 0.42` move the progress bar. While it runs, the
//! loop sends heartbeats at a third of the lease; Ctrl-C (or SIGTERM) stops the
//! command and gives the cook back to the queue.

use std::io::IsTerminal as _;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderValue};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::sync::watch;

use crate::api::{Answer as _, Ctx};
use crate::cli::{InternalKeyArgs, RunnerCommand, RunnerWorkArgs};
use crate::client::{types, Client};
use crate::error::CliError;
use crate::output::{note, opt};

/// Largest stdout of a job command that is read, in bytes.
const MAX_RESULT_BYTES: u64 = 1024 * 1024;
/// How many of the command's last stderr lines a failure reports.
const ERROR_TAIL_LINES: usize = 20;

pub async fn runner(ctx: &Ctx, cmd: RunnerCommand) -> Result<(), CliError> {
    match cmd {
        RunnerCommand::Work(args) => work(ctx, args).await,
        RunnerCommand::Issue { name, key } => {
            let created = operator(ctx, &key)?
                .runner_tokens_create()
                .body(types::RunnerTokenIn { name })
                .send()
                .answer(ctx)
                .await?;
            if !ctx.printer.json {
                note("The token is shown once: give it to the runner as DEFENDABLE_RUNNER_TOKEN.");
            }
            ctx.printer.object(
                &created,
                vec![
                    ("id", created.id.clone()),
                    ("name", created.name.clone()),
                    ("token", created.token.clone()),
                    ("created", created.created_at.clone()),
                ],
            )
        }
        RunnerCommand::Ls { key } => {
            let list = operator(ctx, &key)?
                .runner_tokens_list()
                .send()
                .answer(ctx)
                .await?;
            let rows = list
                .runners
                .iter()
                .map(|t| {
                    vec![
                        t.id.clone(),
                        t.name.clone(),
                        t.token_prefix.clone(),
                        t.created_at.clone(),
                        opt(t.last_used_at.clone()),
                        opt(t.revoked_at.clone()),
                    ]
                })
                .collect();
            ctx.printer.list(
                &list,
                &["ID", "NAME", "PREFIX", "CREATED", "LAST USED", "REVOKED"],
                rows,
            )
        }
        RunnerCommand::Revoke { runner_id, key } => {
            let token = operator(ctx, &key)?
                .runner_tokens_revoke()
                .runner_id(runner_id)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &token,
                vec![
                    ("id", token.id.clone()),
                    ("name", token.name.clone()),
                    ("revoked", opt(token.revoked_at.clone())),
                ],
            )
        }
    }
}

/// A client carrying the operator's internal key.
fn operator(ctx: &Ctx, key: &InternalKeyArgs) -> Result<Client, CliError> {
    let mut headers = HeaderMap::new();
    let mut value = HeaderValue::from_str(key.internal_key.trim())
        .map_err(|_| CliError::usage("the internal key is not valid header text"))?;
    value.set_sensitive(true);
    headers.insert("x-internal-key", value);
    ctx.client_with_headers(None, headers)
}

/// Says that the runner token, not a session, was refused.
fn runner_refusal(error: CliError) -> CliError {
    if error.status == Some(401) {
        return CliError::auth_required(format!(
            "the runner token was refused: {} (check DEFENDABLE_RUNNER_TOKEN)",
            error
                .message
                .split(" (run `")
                .next()
                .unwrap_or(&error.message)
        ));
    }
    error
}

/// Resolves at Ctrl-C (SIGINT) or, on Unix, SIGTERM (a service manager stopping
/// the runner).
async fn interrupted() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}

/// Resolves when Ctrl-C was pressed (never, if the signal cannot be watched).
async fn stopped(mut stop: watch::Receiver<bool>) {
    if stop.wait_for(|s| *s).await.is_err() {
        std::future::pending::<()>().await;
    }
}

/// How a job ended for this runner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Succeeded,
    Failed,
    /// Given back to the queue (Ctrl-C).
    Released,
    /// The lease was lost (expired and claimed by another runner).
    Lost,
}

#[derive(Default)]
struct Tally {
    succeeded: u64,
    failed: u64,
    released: u64,
    lost: u64,
}

impl Tally {
    fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Succeeded => self.succeeded += 1,
            Outcome::Failed => self.failed += 1,
            Outcome::Released => self.released += 1,
            Outcome::Lost => self.lost += 1,
        }
    }

    fn jobs(&self) -> u64 {
        self.succeeded + self.failed + self.lost
    }
}

/// `runner work`: claims, runs and reports jobs until stopped.
async fn work(ctx: &Ctx, args: RunnerWorkArgs) -> Result<(), CliError> {
    let token = args.token.trim().to_string();
    if token.is_empty() {
        return Err(CliError::usage(
            "a runner token is required (DEFENDABLE_RUNNER_TOKEN)",
        ));
    }
    let client = ctx.client_with_headers(Some(&token), HeaderMap::new())?;
    let (stop_tx, stop_rx) = watch::channel(false);
    tokio::spawn(async move {
        interrupted().await;
        let _ = stop_tx.send(true);
    });
    let max_idle = Duration::from_secs(args.idle_max);
    let mut idle = Duration::from_secs(1);
    let mut tally = Tally::default();
    loop {
        if *stop_rx.borrow() || args.max_jobs.is_some_and(|max| tally.jobs() >= max) {
            break;
        }
        let request = client.runner_cooks_next().body(types::RunnerClaimIn {
            runner: args.runner.clone(),
            lease_seconds: Some(args.lease),
        });
        let claimed = tokio::select! {
            answer = request.send() => answer,
            _ = stopped(stop_rx.clone()) => break,
        };
        let job = match claimed {
            Ok(answer) => answer.into_inner().cook,
            Err(e) => {
                let e = runner_refusal(ctx.fail(e));
                if matches!(e.status, Some(400..=499)) {
                    return Err(e);
                }
                note(&format!(
                    "claiming failed: {}; retrying in {}s",
                    e.message,
                    idle.as_secs()
                ));
                tokio::select! {
                    _ = tokio::time::sleep(idle) => {}
                    _ = stopped(stop_rx.clone()) => break,
                }
                idle = (idle * 2).min(max_idle);
                continue;
            }
        };
        let Some(job) = job else {
            if args.exit_when_idle {
                break;
            }
            tokio::select! {
                _ = tokio::time::sleep(idle) => {}
                _ = stopped(stop_rx.clone()) => break,
            }
            idle = (idle * 2).min(max_idle);
            continue;
        };
        idle = Duration::from_secs(1);
        let outcome = do_job(ctx, &client, &args, job, stop_rx.clone()).await?;
        tally.add(outcome);
        if outcome == Outcome::Released {
            break;
        }
    }
    let summary = json!({
        "succeeded": tally.succeeded,
        "failed": tally.failed,
        "released": tally.released,
        "lost": tally.lost,
    });
    ctx.printer.object(
        &summary,
        vec![
            ("succeeded", tally.succeeded.to_string()),
            ("failed", tally.failed.to_string()),
            ("released", tally.released.to_string()),
            ("lost", tally.lost.to_string()),
        ],
    )
}

/// What the job command prints on stdout.
#[derive(Deserialize)]
struct ExecResult {
    eval_after: f64,
    #[serde(default)]
    adapter_ref: Option<String>,
    #[serde(default)]
    metrics: Map<String, Value>,
}

/// The whole stdout as JSON, or else its last non-empty line.
fn parse_result(stdout: &str) -> Result<ExecResult, String> {
    serde_json::from_str(stdout.trim()).or_else(|first| {
        stdout
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .and_then(|l| serde_json::from_str(l.trim()).ok())
            .ok_or_else(|| format!("the command printed no result JSON on stdout ({first})"))
    })
}

/// `progress 0.42` or `progress=0.42` (a fraction from 0 to 1).
fn parse_progress(line: &str) -> Option<f64> {
    let rest = line.trim().strip_prefix("progress")?;
    let value: f64 = rest
        .trim_start_matches([' ', '=', ':'])
        .trim()
        .parse()
        .ok()?;
    (0.0..=1.0).contains(&value).then_some(value)
}

/// Prints a line above the progress bar (or on stderr when there is none).
fn say(bar: &indicatif::ProgressBar, text: &str) {
    if bar.is_hidden() || bar.is_finished() {
        note(text);
    } else {
        bar.println(text);
    }
}

fn progress_bar(job: &types::RunnerJob) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(100);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} cook {msg} [{bar:30}] {pos:>3}% {elapsed}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(job.id.chars().take(8).collect::<String>());
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// A heartbeat; `Err(true)` when the lease is gone (another runner holds the cook,
/// or it reached a final state), `Err(false)` for a passing failure.
async fn heartbeat(
    ctx: &Ctx,
    client: &Client,
    job: &types::RunnerJob,
    progress: f64,
) -> Result<(), (bool, String)> {
    let sent = client
        .runner_cooks_status()
        .cook_id(job.id.clone())
        .body(types::RunnerStatusIn {
            lease_id: job.lease_id.clone(),
            metrics: Map::new(),
            progress: Some(progress),
            status: Some(types::RunnerReportedStatus::Running),
        })
        .send()
        .answer(ctx)
        .await;
    match sent {
        Ok(_) => Ok(()),
        Err(e) => Err((matches!(e.status, Some(401 | 403 | 404 | 409)), e.message)),
    }
}

/// Runs one claimed job to its end.
async fn do_job(
    ctx: &Ctx,
    client: &Client,
    args: &RunnerWorkArgs,
    job: types::RunnerJob,
    stop: watch::Receiver<bool>,
) -> Result<Outcome, CliError> {
    let bar = progress_bar(&job);
    say(
        &bar,
        &format!(
            "cook {} claimed (attempt {}, base model {}, lease {}s)",
            job.id, job.attempt, job.base_model, job.lease_seconds
        ),
    );
    if let Err((lost, why)) = heartbeat(ctx, client, &job, 0.0).await {
        if lost {
            bar.finish_and_clear();
            say(
                &bar,
                &format!("cook {}: lease lost before starting: {why}", job.id),
            );
            return Ok(Outcome::Lost);
        }
        say(&bar, &format!("cook {}: heartbeat failed: {why}", job.id));
    }
    let started = Instant::now();
    let spawned = tokio::process::Command::new("sh")
        .arg("-c")
        .arg(&args.exec)
        .env("DEFENDABLE_COOK_ID", &job.id)
        .env("DEFENDABLE_COOK_ATTEMPT", job.attempt.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => {
            let error = format!("could not start the job command: {e}");
            return finish_failed(ctx, client, &job, &bar, error).await;
        }
    };
    // The job as JSON on stdin (the lease stays with the runner).
    let mut input = serde_json::to_value(&job).unwrap_or_default();
    if let Some(map) = input.as_object_mut() {
        map.remove("lease_id");
    }
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(input.to_string().as_bytes()).await;
        let _ = stdin.shutdown().await;
    }
    let stdout_task = child.stdout.take().map(|out| {
        tokio::spawn(async move {
            let mut bytes = Vec::new();
            let _ = out.take(MAX_RESULT_BYTES).read_to_end(&mut bytes).await;
            String::from_utf8_lossy(&bytes).into_owned()
        })
    });
    let (progress_tx, progress_rx) = watch::channel(0.0f64);
    let tail = Arc::new(Mutex::new(Vec::<String>::new()));
    let stderr_task = child.stderr.take().map(|err| {
        let bar = bar.clone();
        let tail = tail.clone();
        tokio::spawn(async move {
            let mut lines = BufReader::new(err).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(p) = parse_progress(&line) {
                    bar.set_position((p * 100.0).round() as u64);
                    let _ = progress_tx.send(p);
                    continue;
                }
                say(&bar, &line);
                if let Ok(mut tail) = tail.lock() {
                    tail.push(line);
                    let excess = tail.len().saturating_sub(ERROR_TAIL_LINES);
                    tail.drain(..excess);
                }
            }
        })
    });

    let every = Duration::from_secs((job.lease_seconds / 3).max(1) as u64);
    let mut ticker = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    let exit = loop {
        tokio::select! {
            status = child.wait() => break status,
            _ = ticker.tick() => {
                let progress = *progress_rx.borrow();
                if let Err((lost, why)) = heartbeat(ctx, client, &job, progress).await {
                    if lost {
                        let _ = child.start_kill();
                        let _ = child.wait().await;
                        bar.finish_and_clear();
                        say(&bar, &format!("cook {}: lease lost, job abandoned: {why}", job.id));
                        return Ok(Outcome::Lost);
                    }
                    say(&bar, &format!("cook {}: heartbeat failed: {why}", job.id));
                }
            }
            _ = stopped(stop.clone()) => {
                let _ = child.start_kill();
                let _ = child.wait().await;
                bar.finish_and_clear();
                let released = client
                    .runner_cooks_release()
                    .cook_id(job.id.clone())
                    .body(types::RunnerReleaseIn { lease_id: job.lease_id.clone() })
                    .send()
                    .answer(ctx)
                    .await;
                match released {
                    Ok(_) => say(&bar, &format!("stopped: cook {} went back to the queue", job.id)),
                    Err(e) => say(&bar, &format!(
                        "stopped: cook {} could not be released ({}); it returns to the queue when its lease ends",
                        job.id, e.message
                    )),
                }
                return Ok(Outcome::Released);
            }
        }
    };
    let stdout = match stdout_task {
        Some(task) => task.await.unwrap_or_default(),
        None => String::new(),
    };
    if let Some(task) = stderr_task {
        let _ = task.await;
    }
    let exit = exit.map_err(|e| CliError::other(format!("waiting for the job command: {e}")))?;
    if !exit.success() {
        let tail = tail.lock().map(|t| t.join("\n")).unwrap_or_default();
        let code = exit
            .code()
            .map_or_else(|| "a signal".to_string(), |c| c.to_string());
        let error = format!("the job command exited with {code}: {tail}");
        return finish_failed(ctx, client, &job, &bar, error).await;
    }
    let result = match parse_result(&stdout) {
        Ok(result) => result,
        Err(why) => return finish_failed(ctx, client, &job, &bar, why).await,
    };
    let mut metrics = result.metrics;
    metrics
        .entry("duration_sec")
        .or_insert_with(|| json!((started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0));
    let completed = client
        .runner_cooks_complete()
        .cook_id(job.id.clone())
        .body(types::RunnerCompleteIn {
            lease_id: job.lease_id.clone(),
            eval_after: result.eval_after,
            adapter_ref: result.adapter_ref,
            metrics,
        })
        .send()
        .answer(ctx)
        .await;
    bar.finish_and_clear();
    match completed {
        Ok(cook) => {
            say(
                &bar,
                &format!(
                    "cook {} succeeded: eval {:.4} -> {}, receipt {}",
                    cook.id,
                    cook.eval_before,
                    opt(cook.eval_after.map(|v| format!("{v:.4}"))),
                    opt(cook.receipt_id.clone())
                ),
            );
            Ok(Outcome::Succeeded)
        }
        Err(e) if e.status == Some(400) => {
            let error = format!("the server refused the job's result: {}", e.message);
            finish_failed(ctx, client, &job, &bar, error).await
        }
        Err(e) if matches!(e.status, Some(403 | 409)) => {
            say(&bar, &format!("cook {}: lease lost: {}", job.id, e.message));
            Ok(Outcome::Lost)
        }
        Err(e) => Err(runner_refusal(e)),
    }
}

/// Reports a failed job to the server.
async fn finish_failed(
    ctx: &Ctx,
    client: &Client,
    job: &types::RunnerJob,
    bar: &indicatif::ProgressBar,
    error: String,
) -> Result<Outcome, CliError> {
    bar.finish_and_clear();
    say(bar, &format!("cook {} failed: {error}", job.id));
    let sent = client
        .runner_cooks_fail()
        .cook_id(job.id.clone())
        .body(types::RunnerFailIn {
            lease_id: job.lease_id.clone(),
            error,
        })
        .send()
        .answer(ctx)
        .await;
    match sent {
        Ok(_) => Ok(Outcome::Failed),
        Err(e) if matches!(e.status, Some(403 | 409)) => Ok(Outcome::Lost),
        Err(e) => Err(runner_refusal(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_lines() {
        assert_eq!(parse_progress("progress 0.5"), Some(0.5));
        assert_eq!(parse_progress("progress=1"), Some(1.0));
        assert_eq!(parse_progress("  progress: 0.25 "), Some(0.25));
        assert_eq!(parse_progress("progress 2"), None);
        assert_eq!(parse_progress("loss 0.5"), None);
    }

    #[test]
    fn results_from_stdout() {
        let r = parse_result("{\"eval_after\": 0.9}\n").unwrap();
        assert_eq!(r.eval_after, 0.9);
        let r = parse_result(
            "training...\nepoch 1\n{\"eval_after\": 0.7, \"metrics\": {\"loss\": 1}}\n",
        )
        .unwrap();
        assert_eq!(r.eval_after, 0.7);
        assert_eq!(r.metrics["loss"], 1);
        assert!(parse_result("nothing useful").is_err());
    }
}
