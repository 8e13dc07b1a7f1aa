//! Group commit for run receipts. Mints for one organisation that arrive while
//! another batch of that organisation is committing wait, and are then appended
//! together in one transaction: one chain lock, one durable commit, three
//! statements per receipt. Each request prepared its run's facts beforehand
//! (outside any lock); the batch checks, in the same statement that marks the
//! run receipted, that the run has not changed since (its `updated_at` and
//! current approval). A run that changed is answered [`Outcome::Stale`] and
//! goes through the one-at-a-time path, which decides what it becomes.
//!
//! The queueing and leadership are [`crate::group_commit`]'s; a mint whose batch
//! was abandoned (its leader panicked) falls back to the one-at-a-time path,
//! which is idempotent.

use super::payloads;
use super::{append_after, PreparedRun};
use crate::context::AppContext;
use crate::error::Error;
use crate::store::receipts::{self as store, ReceiptRow};
use crate::store::runs as run_store;
use crate::time;
use crate::tx::{self, classify, Attempt};

/// Most receipts one transaction appends.
const MAX_BATCH: usize = 64;

/// How a prepared mint ended.
pub enum Outcome {
    /// Appended and committed.
    Minted(Box<ReceiptRow>),
    /// The run changed after it was prepared, or its batch was abandoned:
    /// nothing was written for it; mint it one at a time.
    Stale,
}

/// Queues a prepared mint on its organisation's group commit and waits for
/// the batch holding it.
pub async fn submit(ctx: &AppContext, job: PreparedRun) -> Result<Outcome, Error> {
    let org_id = job.org_id().to_string();
    let key = format!("run-receipt:{org_id}");
    ctx.group_commit
        .submit(&key, MAX_BATCH, job, |batch| {
            commit_and_answer(ctx, &org_id, batch)
        })
        .await
        // The batch holding this mint was abandoned: mint it one at a time.
        .unwrap_or(Ok(Outcome::Stale))
}

/// Commits a batch, retrying lost races; one outcome per job, in the order given.
async fn commit_and_answer(
    ctx: &AppContext,
    org_id: &str,
    batch: Vec<PreparedRun>,
) -> Vec<Result<Outcome, Error>> {
    let mut answers: Vec<Option<Result<Outcome, Error>>> = batch.iter().map(|_| None).collect();
    // Runs are locked in id order, so batches of two processes that share runs
    // wait for each other instead of deadlocking.
    let mut pending: Vec<(usize, PreparedRun)> = batch.into_iter().enumerate().collect();
    pending.sort_by(|a, b| a.1.run.id.cmp(&b.1.run.id));
    let mut attempt = 0;
    while !pending.is_empty() {
        let jobs: Vec<&PreparedRun> = pending.iter().map(|(_, job)| job).collect();
        match commit_batch(ctx, org_id, &jobs).await {
            Ok(outcomes) => {
                if outcomes.iter().any(|o| matches!(o, Outcome::Minted(_))) {
                    ctx.metrics.mint_batch_committed();
                }
                for ((i, _), outcome) in pending.drain(..).zip(outcomes) {
                    if let Outcome::Minted(row) = &outcome {
                        ctx.metrics.receipt_minted("run");
                        tracing::info!(receipt_id = %row.receipt_id, org_seq = row.org_seq, "receipt minted");
                    }
                    answers[i] = Some(Ok(outcome));
                }
            }
            Err(BatchError::Job(k, e)) => {
                // One receipt failed for good (its payload, its signature, or a
                // database error that is not a lost race): answer it, commit the rest.
                let (i, _) = pending.remove(k);
                answers[i] = Some(Err(e));
            }
            Err(BatchError::Batch(Attempt::Retry(e))) if attempt + 1 < tx::ATTEMPTS => {
                tracing::debug!(%e, attempt, "a batch of mints lost a race; retrying");
                tx::backoff(attempt).await;
                attempt += 1;
            }
            Err(BatchError::Batch(failure)) => {
                let e = match failure {
                    Attempt::Fail(e) => e,
                    Attempt::Retry(e) => tx::gave_up(Some(e)),
                };
                for (i, _) in pending.drain(..) {
                    answers[i] = Some(Err(e.clone()));
                }
            }
        }
    }
    answers
        .into_iter()
        .map(|a| a.unwrap_or(Ok(Outcome::Stale)))
        .collect()
}

enum BatchError {
    /// The whole batch failed or lost a race.
    Batch(Attempt),
    /// The job at this index cannot be minted.
    Job(usize, Error),
}

impl From<Attempt> for BatchError {
    fn from(a: Attempt) -> Self {
        BatchError::Batch(a)
    }
}

/// One transaction for the batch: marks each unchanged run receipted, takes
/// the chain lock once, appends the receipts in order, signs them, commits.
async fn commit_batch(
    ctx: &AppContext,
    org_id: &str,
    batch: &[&PreparedRun],
) -> Result<Vec<Outcome>, BatchError> {
    let mut tx = tx::begin_attempt(ctx).await?;
    let now = time::now_micros();
    let mut fresh = Vec::with_capacity(batch.len());
    for job in batch {
        let marked = run_store::mark_receipted_if_unchanged(
            &mut tx,
            org_id,
            &job.run.id,
            &job.run.updated_at,
            &job.approval.id,
            &now,
        )
        .await
        .map_err(classify("marking a run receipted"))?;
        fresh.push(marked);
    }
    let appended = fresh.iter().filter(|f| **f).count();
    if appended == 0 {
        tx.rollback()
            .await
            .map_err(classify("ending a transaction"))?;
        return Ok(batch.iter().map(|_| Outcome::Stale).collect());
    }
    let mut head = store::lock_chain_for(&mut tx, org_id, appended as i64)
        .await
        .map_err(classify("locking the chain"))?;
    let mut outcomes = Vec::with_capacity(batch.len());
    for (i, (job, fresh)) in batch.iter().zip(fresh).enumerate() {
        if !fresh {
            outcomes.push(Outcome::Stale);
            continue;
        }
        let row = append_after(ctx, &mut tx, org_id, head, job.links(), |position| {
            Ok(payloads::run_payload(position, &job.facts()))
        })
        .await
        .map_err(|attempt| match attempt {
            Attempt::Fail(e) => BatchError::Job(i, e),
            retry => BatchError::Batch(retry),
        })?;
        head = Some((row.org_seq, row.receipt_sha256.clone()));
        outcomes.push(Outcome::Minted(Box::new(row)));
    }
    tx.commit().await.map_err(classify("committing receipts"))?;
    Ok(outcomes)
}
