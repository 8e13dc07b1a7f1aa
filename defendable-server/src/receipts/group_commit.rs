//! Group commit for run receipts. Mints for one organisation that arrive while
//! another batch of that organisation is committing wait, and are then appended
//! together in one transaction: one chain lock, one durable commit, three
//! statements per receipt. Each request prepared its run's facts beforehand
//! (outside any lock); the batch checks, in the same statement that marks the
//! run receipted, that the run has not changed since (its `updated_at` and
//! current approval). A run that changed is answered [`Outcome::Stale`] and
//! goes through the one-at-a-time path, which decides what it becomes.
//!
//! Leadership: the request that finds its organisation idle commits the first
//! batch; afterwards it hands leadership to the oldest waiting request, so no
//! request commits more than one batch and none waits behind an endless queue.
//! A leader that panics hands over too (its batch's waiters fall back to the
//! one-at-a-time path, which is idempotent).

use std::collections::HashMap;
use std::sync::Mutex;

use tokio::sync::mpsc;

use super::payloads;
use super::{append_after, classify, Attempt, PreparedRun, MINT_ATTEMPTS};
use crate::context::AppContext;
use crate::error::ApiError;
use crate::store::receipts::{self as store, ReceiptRow};
use crate::store::runs as run_store;
use crate::time;

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

/// What a waiting request is told.
enum Message {
    Done(Result<Outcome, ApiError>),
    /// Commit the next batch (it holds this request's own mint).
    Lead,
}

struct Waiting {
    job: PreparedRun,
    reply: mpsc::UnboundedSender<Message>,
}

#[derive(Default)]
struct OrgQueue {
    waiting: Vec<Waiting>,
    /// A request is committing a batch for this organisation.
    leading: bool,
}

/// The per-organisation queues of this process.
#[derive(Default)]
pub struct GroupCommit {
    queues: Mutex<HashMap<String, OrgQueue>>,
}

impl GroupCommit {
    /// Queues a prepared mint and waits for its batch to commit, leading a
    /// batch when asked to.
    pub async fn submit(&self, ctx: &AppContext, job: PreparedRun) -> Result<Outcome, ApiError> {
        let org_id = job.org_id().to_string();
        let (reply, mut inbox) = mpsc::unbounded_channel();
        let mut lead = {
            let mut queues = self.queues.lock().unwrap_or_else(|p| p.into_inner());
            let queue = queues.entry(org_id.clone()).or_default();
            queue.waiting.push(Waiting { job, reply });
            !std::mem::replace(&mut queue.leading, true)
        };
        loop {
            if lead {
                let batch = self.take_batch(&org_id);
                let guard = HandOver {
                    queues: self,
                    org_id: &org_id,
                };
                commit_and_answer(ctx, &org_id, batch).await;
                drop(guard);
            }
            match inbox.recv().await {
                Some(Message::Done(result)) => return result,
                Some(Message::Lead) => lead = true,
                // The batch holding this mint was abandoned.
                None => return Ok(Outcome::Stale),
            }
        }
    }

    fn take_batch(&self, org_id: &str) -> Vec<Waiting> {
        let mut queues = self.queues.lock().unwrap_or_else(|p| p.into_inner());
        let queue = queues.entry(org_id.to_string()).or_default();
        let n = queue.waiting.len().min(MAX_BATCH);
        let mut batch: Vec<Waiting> = queue.waiting.drain(..n).collect();
        // Runs are locked in id order, so batches of two processes that share
        // runs wait for each other instead of deadlocking.
        batch.sort_by(|a, b| a.job.run.id.cmp(&b.job.run.id));
        batch
    }

    /// After a batch: passes leadership to the oldest waiting request that is
    /// still listening, or marks the organisation idle.
    fn hand_over(&self, org_id: &str) {
        let mut queues = self.queues.lock().unwrap_or_else(|p| p.into_inner());
        let Some(queue) = queues.get_mut(org_id) else {
            return;
        };
        // Requests are not cancelled (handlers run detached), so a closed
        // inbox means its request is gone; its mint is dropped unwritten.
        while let Some(first) = queue.waiting.first() {
            if first.reply.send(Message::Lead).is_ok() {
                return;
            }
            queue.waiting.remove(0);
        }
        queues.remove(org_id);
    }
}

/// Hands leadership over when the leader's batch ends, also by a panic.
struct HandOver<'a> {
    queues: &'a GroupCommit,
    org_id: &'a str,
}

impl Drop for HandOver<'_> {
    fn drop(&mut self) {
        self.queues.hand_over(self.org_id);
    }
}

/// Commits a batch, retrying lost races, and answers each of its requests.
async fn commit_and_answer(ctx: &AppContext, org_id: &str, mut batch: Vec<Waiting>) {
    let mut attempt = 0;
    while !batch.is_empty() {
        match commit_batch(ctx, org_id, &batch).await {
            Ok(outcomes) => {
                if outcomes.iter().any(|o| matches!(o, Outcome::Minted(_))) {
                    ctx.metrics.mint_batch_committed();
                }
                for (waiting, outcome) in batch.into_iter().zip(outcomes) {
                    if let Outcome::Minted(row) = &outcome {
                        ctx.metrics.receipt_minted("run");
                        tracing::info!(receipt_id = %row.receipt_id, org_seq = row.org_seq, "receipt minted");
                    }
                    let _ = waiting.reply.send(Message::Done(Ok(outcome)));
                }
                return;
            }
            Err(BatchError::Job(i, e)) => {
                // One receipt failed for good (its payload, its signature, or a
                // database error that is not a lost race): answer it, commit the rest.
                let _ = batch.remove(i).reply.send(Message::Done(Err(e)));
            }
            Err(BatchError::Batch(Attempt::Retry(e))) if attempt + 1 < MINT_ATTEMPTS => {
                tracing::debug!(%e, attempt, "a batch of mints lost a race; retrying");
                super::backoff(attempt).await;
                attempt += 1;
            }
            Err(BatchError::Batch(failure)) => {
                let e = match failure {
                    Attempt::Fail(e) => e,
                    Attempt::Retry(e) => {
                        tracing::warn!(error = %e, "a batch of mints gave up after {MINT_ATTEMPTS} attempts");
                        ApiError::unavailable("the organisation's chain is busy; retry shortly")
                    }
                };
                for waiting in batch {
                    let _ = waiting.reply.send(Message::Done(Err(e.clone())));
                }
                return;
            }
        }
    }
}

enum BatchError {
    /// The whole batch failed or lost a race.
    Batch(Attempt),
    /// The job at this index cannot be minted.
    Job(usize, ApiError),
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
    batch: &[Waiting],
) -> Result<Vec<Outcome>, BatchError> {
    let mut tx = ctx
        .db
        .pool
        .begin()
        .await
        .map_err(classify("starting a transaction"))?;
    let now = time::now_micros();
    let mut fresh = Vec::with_capacity(batch.len());
    for waiting in batch {
        let job = &waiting.job;
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
    for (i, (waiting, fresh)) in batch.iter().zip(fresh).enumerate() {
        if !fresh {
            outcomes.push(Outcome::Stale);
            continue;
        }
        let job = &waiting.job;
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
