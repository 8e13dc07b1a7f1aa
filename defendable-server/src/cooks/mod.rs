//! Cooks: preparation jobs an organisation queues against a run's eval, and the
//! lease-based protocol runners follow to do them. A claim is exactly-once and
//! leased; heartbeats extend the lease; an expired or released lease puts the cook
//! back in the queue; only the lease holder can report on, complete or fail it;
//! states only move forward; completing mints exactly one cook receipt.

pub mod receipt;

use serde_json::{Map, Value};

use defendable_contract::canonical::to_canonical_string;
use defendable_contract::receipt_kinds::ReceiptKind;
use defendable_contract::schemas::*;

use crate::auth::Principal;
use crate::context::AppContext;
use crate::error::{db, Error};
use crate::operator::secret_matches;
use crate::paging;
use crate::receipts::{self, ReceiptLinks};
use crate::runners::{RunnerIdentity, MAX_LEASE_SECONDS};
use crate::runs;
use crate::store::cooks::{self as store, CookReceipt, CookRow, Lease, Outcome};
use crate::store::{accounts, audits, runs as run_store};
use crate::tx::{classify, Attempt};
use crate::{ids, time};

/// How many cooks `GET /cooks` lists.
const LIST_LIMIT: i64 = 100;
/// Largest metrics object a cook keeps, as canonical JSON.
const MAX_METRICS_BYTES: usize = 64 * 1024;
/// Longest failure message kept.
const MAX_ERROR_CHARS: usize = 2000;

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn metrics_of(row: &CookRow) -> Map<String, Value> {
    serde_json::from_str(&row.metrics).unwrap_or_default()
}

fn status_of(row: &CookRow) -> Result<CookStatus, Error> {
    CookStatus::parse(&row.status)
        .ok_or_else(|| Error::broken(format!("cook has an unknown status: {}", row.status)))
}

/// The wire view of a cook.
pub fn view(row: &CookRow, receipt: &CookReceipt) -> Result<Cook, Error> {
    let status = status_of(row)?;
    Ok(Cook {
        id: row.id.clone(),
        run_id: row.run_id.clone(),
        dataset_id: row.dataset_id.clone(),
        base_model: row.base_model.clone(),
        status,
        eval_before: row.eval_before,
        eval_after: row.eval_after,
        lift: row.lift,
        pairs: row.pairs,
        adapter_ref: row.adapter_ref.clone(),
        runner: row.runner.clone(),
        metrics: metrics_of(row),
        compute_usd: row.compute_usd,
        error: row.error.clone(),
        attempts: row.attempts,
        lease_expires_at: match status {
            CookStatus::Claimed | CookStatus::Running => {
                row.lease_expires_at.as_deref().map(time::to_wire)
            }
            _ => None,
        },
        receipt_id: receipt.receipt_id.clone(),
        receipt_sha256: receipt.receipt_sha256.clone(),
        share_token: receipt.share_token.clone(),
        created_at: time::to_wire(&row.created_at),
        updated_at: time::to_wire(&row.updated_at),
    })
}

/// Ids are 32 lowercase hex characters; anything else names no cook (and never
/// reaches the database, which may refuse such text).
fn cook_id_of(raw: &str) -> Result<&str, Error> {
    if raw.len() == 32
        && raw
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        Ok(raw)
    } else {
        Err(Error::not_found("cook not found"))
    }
}

/// A dataset slug: lowercase letters, digits, `-`, `_`, `.`; up to 120 characters.
fn dataset_slug(raw: Option<String>) -> Result<Option<String>, Error> {
    let Some(slug) = raw.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let valid = slug.len() <= 120
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c));
    if !valid {
        return Err(Error::invalid(
            "dataset_id must be a dataset slug: lowercase letters, digits, '-', '_' or '.', up to 120 characters",
        ));
    }
    Ok(Some(slug))
}

/// `POST /runs/{run_id}/cook`: queues a cook against the run's current verdict.
pub async fn request(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
    body: CookRequestIn,
) -> Result<Cook, Error> {
    let dataset_id = dataset_slug(body.dataset_id)?;
    let base_model = crate::text::required_text(
        body.base_model.as_deref().unwrap_or(DEFAULT_BASE_MODEL),
        "base_model",
        200,
    )?;
    let run = runs::get_run_row(ctx, principal, run_id).await?;
    let verdict = audits::current_verdict(&ctx.db, &run.id)
        .await
        .map_err(db("reading a verdict"))?
        .ok_or_else(|| {
            Error::conflict("run a verification first — the cook tunes against the eval")
        })?;
    let pairs = audits::checks(&ctx.db, &run.id)
        .await
        .map_err(db("reading checks"))?
        .len() as i64;
    let now = time::now_micros();
    let row = CookRow {
        id: ids::new_id(),
        org_id: run.org_id.clone(),
        run_id: run.id.clone(),
        dataset_id,
        base_model,
        status: CookStatus::Queued.as_str().to_string(),
        eval_before: verdict.score,
        eval_after: None,
        lift: None,
        pairs,
        adapter_ref: None,
        runner: None,
        runner_key: None,
        lease_id: None,
        lease_seconds: None,
        lease_expires_at: None,
        attempts: 0,
        metrics: "{}".to_string(),
        compute_usd: None,
        error: None,
        receipt_row_id: None,
        created_by: principal.user_id.clone(),
        created_at: now.clone(),
        updated_at: now,
    };
    store::insert(&ctx.db, &row)
        .await
        .map_err(db("queueing a cook"))?;
    tracing::info!(cook = %row.id, run = %row.run_id, "cook queued");
    view(&row, &CookReceipt::default())
}

/// `GET /cooks`.
pub async fn list(
    ctx: &AppContext,
    principal: &Principal,
    query: CookListQuery,
) -> Result<CookList, Error> {
    let limit = paging::clamped_limit(query.limit, LIST_LIMIT, LIST_LIMIT)?;
    let after = paging::optional_cursor(query.cursor.as_deref())?;
    let after = after.as_ref().map(|(a, i)| (a.as_str(), i.as_str()));
    let mut rows = store::list(&ctx.db, &principal.org_id, limit + 1, after)
        .await
        .map_err(db("listing cooks"))?;
    let next_cursor = paging::split_page(&mut rows, limit, |(r, _)| (&r.created_at, &r.id));
    Ok(CookList {
        next_cursor,
        cooks: rows
            .iter()
            .map(|(row, receipt)| view(row, receipt))
            .collect::<Result<_, _>>()?,
    })
}

/// `GET /cooks/{cook_id}`: another organisation's cook is not found.
pub async fn get(ctx: &AppContext, principal: &Principal, cook_id: &str) -> Result<Cook, Error> {
    by_org(ctx, &principal.org_id, cook_id).await
}

async fn by_org(ctx: &AppContext, org_id: &str, cook_id: &str) -> Result<Cook, Error> {
    let cook_id = cook_id_of(cook_id)?;
    let (row, receipt) = store::get(&ctx.db, org_id, cook_id)
        .await
        .map_err(db("reading a cook"))?
        .ok_or_else(|| Error::not_found("cook not found"))?;
    view(&row, &receipt)
}

/// `POST /runner/cooks/next`: the oldest claimable cook, leased to the caller.
pub async fn claim(
    ctx: &AppContext,
    who: &RunnerIdentity,
    body: RunnerClaimIn,
) -> Result<RunnerClaimOut, Error> {
    let runner = match &who.name {
        Some(name) => name.clone(),
        None => crate::text::required_text(&body.runner, "runner", 100)?,
    };
    let lease_seconds = body
        .lease_seconds
        .unwrap_or(ctx.config.runners.lease_seconds);
    if !(1..=MAX_LEASE_SECONDS).contains(&lease_seconds) {
        return Err(Error::invalid(format!(
            "lease_seconds must be 1 to {MAX_LEASE_SECONDS}"
        )));
    }
    let lease_id = ids::new_id();
    let expires_at = time::micros_in(chrono::Duration::seconds(lease_seconds));
    let lease = Lease {
        runner: &runner,
        runner_key: &who.key,
        lease_id: &lease_id,
        lease_seconds,
        expires_at: &expires_at,
    };
    let claimed = store::claim(&ctx.db, &lease, &time::now_micros())
        .await
        .map_err(db("claiming a cook"))?;
    let Some(row) = claimed else {
        return Ok(RunnerClaimOut { cook: None });
    };
    ctx.metrics.cook_claimed();
    tracing::info!(cook = %row.id, runner = %runner, attempt = row.attempts, "cook claimed");
    Ok(RunnerClaimOut {
        cook: Some(RunnerJob {
            id: row.id,
            run_id: row.run_id,
            base_model: row.base_model,
            eval_before: row.eval_before,
            pairs: row.pairs,
            dataset: row.dataset_id,
            lease_id,
            lease_seconds,
            lease_expires_at: time::to_wire(&expires_at),
            attempt: row.attempts,
        }),
    })
}

/// 409 or 403 unless `who` holds the cook's current lease `lease_id`.
fn require_lease(row: &CookRow, who: &RunnerIdentity, lease_id: &str) -> Result<CookStatus, Error> {
    let status = status_of(row)?;
    match status {
        CookStatus::Succeeded | CookStatus::Failed => {
            return Err(Error::conflict(format!(
                "cook already {}; its state cannot change",
                status.as_str()
            )))
        }
        CookStatus::Queued => {
            return Err(Error::conflict(
                "cook is not claimed (its lease ended or was released); claim it again",
            ))
        }
        CookStatus::Claimed | CookStatus::Running => {}
    }
    if row.runner_key.as_deref() != Some(who.key.as_str()) {
        return Err(Error::forbidden("this cook is leased to another runner"));
    }
    let current = row.lease_id.as_deref().unwrap_or("");
    if lease_id.is_empty() || !secret_matches(lease_id, current) {
        return Err(Error::conflict(
            "this lease is no longer the cook's lease: the cook was claimed again",
        ));
    }
    Ok(status)
}

/// The price of the cook's compute: `metrics.duration_sec` (the merged metrics,
/// as the runner last reported them) at `rate` USD per hour, to 4 places.
fn compute_usd(metrics: &Map<String, Value>, rate: f64) -> Option<f64> {
    let seconds = metrics.get("duration_sec")?.as_f64()?;
    (seconds.is_finite() && seconds > 0.0).then(|| round4(seconds / 3600.0 * rate))
}

/// Checks a metrics object: storable as canonical JSON and not too large.
fn check_metrics(metrics: &Map<String, Value>) -> Result<String, Error> {
    let text = to_canonical_string(metrics)
        .map_err(|e| Error::invalid(format!("metrics cannot be stored: {e}")))?;
    if text.len() > MAX_METRICS_BYTES {
        return Err(Error::invalid(format!(
            "metrics must be at most {} KiB",
            MAX_METRICS_BYTES / 1024
        )));
    }
    Ok(text)
}

/// The cook's metrics with `update` merged in, key by key.
fn merged(
    row: &CookRow,
    update: Map<String, Value>,
) -> Result<(Map<String, Value>, String), Error> {
    let mut metrics = metrics_of(row);
    metrics.extend(update);
    let text = check_metrics(&metrics)?;
    Ok((metrics, text))
}

async fn lock(tx: &mut crate::store::Tx, cook_id: &str) -> Result<CookRow, Attempt> {
    store::lock(tx, cook_id, &time::now_micros())
        .await
        .map_err(classify("locking a cook"))?
        .ok_or_else(|| Attempt::Fail(Error::not_found("cook not found")))
}

/// Commits on success; on failure rolls back at once, so the cook's row lock is
/// gone before the answer leaves (a claim skips locked rows).
async fn finish<T>(tx: crate::store::Tx, result: Result<T, Attempt>) -> Result<T, Attempt> {
    match result {
        Ok(value) => {
            tx.commit().await.map_err(classify("committing"))?;
            Ok(value)
        }
        Err(e) => {
            if let Err(rollback) = tx.rollback().await {
                tracing::warn!(%rollback, "rolling back a cook transaction");
            }
            Err(e)
        }
    }
}

/// `POST /runner/cooks/{cook_id}/status`: a heartbeat from the lease holder.
pub async fn heartbeat(
    ctx: &AppContext,
    who: &RunnerIdentity,
    cook_id: &str,
    body: RunnerStatusIn,
) -> Result<RunnerStatusOut, Error> {
    let cook_id = cook_id_of(cook_id)?;
    let mut update = body.metrics;
    check_metrics(&update)?;
    if let Some(progress) = body.progress {
        if !progress.is_finite() || !(0.0..=1.0).contains(&progress) {
            return Err(Error::invalid("progress must be a number from 0 to 1"));
        }
        update.insert("progress".into(), Value::from(progress));
    }
    let wanted = match body.status.unwrap_or(RunnerReportedStatus::Running) {
        RunnerReportedStatus::Claimed => CookStatus::Claimed,
        RunnerReportedStatus::Running => CookStatus::Running,
    };
    crate::tx::with_retries(|| {
        let update = update.clone();
        let lease_id = body.lease_id.clone();
        async move {
            let mut tx = crate::tx::begin_attempt(ctx).await?;
            let result = async {
                let row = lock(&mut tx, cook_id).await?;
                let status = require_lease(&row, who, &lease_id)?;
                if status == CookStatus::Running && wanted == CookStatus::Claimed {
                    return Err(Attempt::Fail(Error::conflict(
                        "a running cook cannot go back to claimed",
                    )));
                }
                let (_, metrics) = merged(&row, update)?;
                let seconds = row
                    .lease_seconds
                    .unwrap_or(ctx.config.runners.lease_seconds);
                let expires_at = time::micros_in(chrono::Duration::seconds(seconds));
                store::heartbeat(&mut tx, &row.id, wanted.as_str(), &metrics, &expires_at)
                    .await
                    .map_err(classify("recording a heartbeat"))?;
                Ok(RunnerStatusOut {
                    ok: true,
                    status: wanted,
                    lease_expires_at: time::to_wire(&expires_at),
                })
            }
            .await;
            finish(tx, result).await
        }
    })
    .await
}

/// `POST /runner/cooks/{cook_id}/complete`: the lease holder's result; mints the
/// cook receipt once. Sending it again with the same lease returns the same cook.
pub async fn complete(
    ctx: &AppContext,
    who: &RunnerIdentity,
    cook_id: &str,
    body: RunnerCompleteIn,
) -> Result<Cook, Error> {
    let cook_id = cook_id_of(cook_id)?;
    if !body.eval_after.is_finite() || !(0.0..=1.0).contains(&body.eval_after) {
        return Err(Error::invalid("eval_after must be a number from 0 to 1"));
    }
    let adapter_ref = match body.adapter_ref.as_deref().map(str::trim) {
        Some(r) if !r.is_empty() => Some(crate::text::required_text(r, "adapter_ref", 500)?),
        _ => None,
    };
    check_metrics(&body.metrics)?;
    if let Some(v) = body.metrics.get("duration_sec").filter(|v| !v.is_null()) {
        if !v.as_f64().is_some_and(|d| d.is_finite() && d >= 0.0) {
            return Err(Error::invalid(
                "metrics.duration_sec must be a number of seconds, 0 or more",
            ));
        }
    }
    let rate = ctx.config.runners.rig_usd_per_hour;

    // What never changes for a cook (its organisation and run) and the pin it
    // seals are read before the transaction, which never waits for a second
    // pooled connection.
    let snapshot = store::get_any(&ctx.db, cook_id)
        .await
        .map_err(db("reading a cook"))?
        .ok_or_else(|| Error::not_found("cook not found"))?;
    let org = accounts::org_by_id(&ctx.db, &snapshot.org_id)
        .await
        .map_err(db("reading an organisation"))?
        .ok_or_else(|| Error::broken("cook's organisation is missing"))?;
    let run = run_store::get(&ctx.db, &snapshot.org_id, &snapshot.run_id)
        .await
        .map_err(db("reading a run"))?
        .ok_or_else(|| Error::broken("cook's run is missing"))?;
    let pins = store::receipts_of_schema(&ctx.db, &org.id, ReceiptKind::ModelPin.schema())
        .await
        .map_err(db("reading model pins"))?;
    let pinned_model = receipt::latest_pin(&pins, &snapshot.base_model);

    // Whether this call minted (a repeated complete returns the cook as it is).
    let minted = crate::tx::with_retries(|| {
        let metrics_update = body.metrics.clone();
        let lease_id = body.lease_id.clone();
        let adapter_ref = adapter_ref.clone();
        let pinned_model = pinned_model.clone();
        let (org, run) = (&org, &run);
        async move {
            let mut tx = crate::tx::begin_attempt(ctx).await?;
            let result = async {
                let row = lock(&mut tx, cook_id).await?;
                let same_holder = row.runner_key.as_deref() == Some(who.key.as_str())
                    && secret_matches(&lease_id, row.lease_id.as_deref().unwrap_or(""));
                if status_of(&row)? == CookStatus::Succeeded && same_holder {
                    // A repeated complete (a retry, or two sent at once): the first minted.
                    return Ok(false);
                }
                if status_of(&row)? == CookStatus::Succeeded {
                    return Err(Attempt::Fail(Error::conflict("cook already completed")));
                }
                require_lease(&row, who, &lease_id)?;
                let (metrics, metrics_text) = merged(&row, metrics_update)?;
                let lift = round4(body.eval_after - row.eval_before);
                let compute_usd = compute_usd(&metrics, rate);
                let runner = row.runner.clone().unwrap_or_default();
                let facts = receipt::CookFacts {
                    org,
                    run,
                    cook: &row,
                    runner: &runner,
                    eval_after: body.eval_after,
                    lift,
                    metrics: &metrics,
                    compute_usd,
                    pinned_model,
                };
                let links = ReceiptLinks {
                    run_id: Some(run.id.clone()),
                    approval_id: None,
                };
                let minted = receipts::append(ctx, &mut tx, &row.org_id, links, |position| {
                    Ok(receipt::cook_payload(position, &facts))
                })
                .await?;
                let outcome = Outcome {
                    eval_after: body.eval_after,
                    lift,
                    adapter_ref: adapter_ref.as_deref(),
                    metrics: &metrics_text,
                    compute_usd,
                    receipt_row_id: &minted.id,
                };
                store::succeed(&mut tx, &row.id, &outcome)
                    .await
                    .map_err(classify("completing a cook"))?;
                tracing::info!(cook = %row.id, receipt_id = %minted.receipt_id, "cook completed");
                Ok(true)
            }
            .await;
            finish(tx, result).await
        }
    })
    .await?;
    if minted {
        ctx.metrics.receipt_minted("cook");
    }
    by_org(ctx, &snapshot.org_id, cook_id).await
}

/// `POST /runner/cooks/{cook_id}/fail`.
pub async fn fail(
    ctx: &AppContext,
    who: &RunnerIdentity,
    cook_id: &str,
    body: RunnerFailIn,
) -> Result<RunnerAck, Error> {
    let cook_id = cook_id_of(cook_id)?;
    crate::text::reject_nul(&body.error, "error")?;
    let error: String = body.error.trim().chars().take(MAX_ERROR_CHARS).collect();
    if error.is_empty() {
        return Err(Error::invalid("error is required"));
    }
    crate::tx::with_retries(|| {
        let error = error.clone();
        let lease_id = body.lease_id.clone();
        async move {
            let mut tx = crate::tx::begin_attempt(ctx).await?;
            let result = async {
                let row = lock(&mut tx, cook_id).await?;
                require_lease(&row, who, &lease_id)?;
                store::fail(&mut tx, &row.id, &error)
                    .await
                    .map_err(classify("failing a cook"))?;
                tracing::info!(cook = %row.id, "cook failed");
                Ok(RunnerAck {
                    ok: true,
                    status: CookStatus::Failed,
                })
            }
            .await;
            finish(tx, result).await
        }
    })
    .await
}

/// `POST /runner/cooks/{cook_id}/release`: back to the queue for any runner.
pub async fn release(
    ctx: &AppContext,
    who: &RunnerIdentity,
    cook_id: &str,
    body: RunnerReleaseIn,
) -> Result<RunnerAck, Error> {
    let cook_id = cook_id_of(cook_id)?;
    crate::tx::with_retries(|| {
        let lease_id = body.lease_id.clone();
        async move {
            let mut tx = crate::tx::begin_attempt(ctx).await?;
            let result = async {
                let row = lock(&mut tx, cook_id).await?;
                require_lease(&row, who, &lease_id)?;
                store::release(&mut tx, &row.id)
                    .await
                    .map_err(classify("releasing a cook"))?;
                tracing::info!(cook = %row.id, "cook released to the queue");
                Ok(RunnerAck {
                    ok: true,
                    status: CookStatus::Queued,
                })
            }
            .await;
            finish(tx, result).await
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lift_and_prices_round_to_four_places() {
        assert_eq!(round4(0.9 - 0.75), 0.15);
        assert_eq!(round4(1.0 / 3.0), 0.3333);
    }

    #[test]
    fn compute_is_priced_from_the_reported_duration() {
        let metrics = |v: Value| v.as_object().unwrap().clone();
        assert_eq!(
            compute_usd(&metrics(json!({"duration_sec": 1800})), 0.8),
            Some(0.4)
        );
        assert_eq!(compute_usd(&metrics(json!({"duration_sec": 0})), 0.8), None);
        assert_eq!(
            compute_usd(&metrics(json!({"duration_sec": "x"})), 0.8),
            None
        );
        assert_eq!(compute_usd(&metrics(json!({})), 0.8), None);
    }

    #[test]
    fn dataset_slugs_are_checked() {
        assert_eq!(dataset_slug(None).unwrap(), None);
        assert_eq!(dataset_slug(Some("  ".into())).unwrap(), None);
        assert_eq!(
            dataset_slug(Some("cre-memo_v1.2".into()))
                .unwrap()
                .as_deref(),
            Some("cre-memo_v1.2")
        );
        assert!(dataset_slug(Some("Bad Slug".into())).is_err());
        assert!(dataset_slug(Some("x".repeat(121))).is_err());
    }
}
