//! Receipts: minting a run's receipt into its organisation's chain (serialised,
//! retried, idempotent per approval), appending any kind of receipt, and the
//! payloads, views and PDF layout of each kind.

pub mod group_commit;
pub mod incident;
pub mod payloads;
pub mod pdf;
pub mod rollup;

pub mod view;

use std::sync::Arc;

use serde_json::Value;

use defendable_contract::canonical::{sha256_hex, to_canonical_string};
use defendable_contract::receipt::{format_receipt_id, ZERO_HASH};
use defendable_contract::schemas::Receipt;

use crate::auth::Principal;
use crate::context::AppContext;
use crate::error::Error;
use crate::runs::lifecycle::{RunStatus, Step};
use crate::runs::{self, views};
use crate::store::receipts::{self as store, ReceiptRow};
use crate::store::{accounts, audits, projects, runs as run_store};
use crate::tx::{classify, with_retries, Attempt};
use crate::{flight_sheets, ids, time};
use payloads::{ChainPosition, RunFacts};

/// `POST /runs/{run_id}/receipt`: mints once per approval; asking again returns
/// the same receipt. An approved run's facts are read first, outside any lock,
/// and its receipt is appended by the organisation's group commit; anything
/// else (already receipted, not approved, changed meanwhile) goes one at a time.
pub async fn mint_for_run(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
) -> Result<Receipt, Error> {
    let snapshot = runs::get_run_row(ctx, principal, run_id).await?;
    let fixed = Arc::new(FixedFacts::read(ctx, &snapshot).await?);
    if let Some(job) = prepare(ctx, snapshot, Arc::clone(&fixed)).await? {
        if let group_commit::Outcome::Minted(row) = group_commit::submit(ctx, job).await? {
            return Ok(views::receipt(ctx, &row));
        }
    }
    with_retries(|| try_mint_for_run(ctx, principal, run_id, &fixed)).await
}

/// What a receipt row points at besides its organisation.
#[derive(Default)]
pub struct ReceiptLinks {
    pub run_id: Option<String>,
    pub approval_id: Option<String>,
}

/// Appends one receipt to `org_id`'s chain inside `tx`: takes the chain lock,
/// builds the payload for the next position, canonicalises, hashes, stores and
/// signs it. The caller commits `tx` (and does its own writes in it first or after).
pub async fn append(
    ctx: &AppContext,
    tx: &mut crate::store::Tx,
    org_id: &str,
    links: ReceiptLinks,
    build: impl FnOnce(&ChainPosition) -> Result<Value, Error>,
) -> Result<ReceiptRow, Attempt> {
    let head = store::lock_chain(tx, org_id)
        .await
        .map_err(classify("locking the chain"))?;
    append_after(ctx, tx, org_id, head, links, build).await
}

/// Appends one receipt after `head` (the chain lock is already held in `tx`):
/// the next position, the payload, its canonical bytes and hash, the row and
/// its signature.
async fn append_after(
    ctx: &AppContext,
    tx: &mut crate::store::Tx,
    org_id: &str,
    head: store::ChainHead,
    links: ReceiptLinks,
    build: impl FnOnce(&ChainPosition) -> Result<Value, Error>,
) -> Result<ReceiptRow, Attempt> {
    let (org_seq, parent_hash) = match head {
        Some((seq, hash)) => (seq + 1, hash),
        None => (0, ZERO_HASH.to_string()),
    };
    let share_token = ids::random_token(24);
    let position = ChainPosition {
        receipt_id: format_receipt_id(org_seq as u64, &ids::hex8()),
        org_seq,
        parent_hash,
        created_at: time::now_iso(),
        share_url: ctx.share_url(&share_token),
    };
    let payload = build(&position)?;
    let row = seal(
        org_id,
        links.run_id,
        links.approval_id,
        &position,
        share_token,
        &payload,
    )?;
    store::insert(tx, &row)
        .await
        .map_err(classify("storing a receipt"))?;
    let (key_id, note) = crate::transparency::sign_receipt(
        ctx,
        &row.org_id,
        row.org_seq,
        &row.receipt_id,
        &row.receipt_sha256,
    )?;
    crate::store::transparency::insert_signature(tx, &row.id, &key_id, &note, &time::now_micros())
        .await
        .map_err(classify("storing a signature"))?;
    Ok(row)
}

/// What never changes for a run: its organisation, project, flight sheet and
/// agent profile. Read before any transaction: a transaction must not wait for
/// a second pooled connection, or concurrent mints could exhaust the pool.
#[derive(Clone)]
pub struct FixedFacts {
    org: accounts::OrgRow,
    project: projects::ProjectRow,
    sheet: Option<crate::checks::library::FlightSheetDef>,
    agent_profile: Option<Value>,
}

impl FixedFacts {
    async fn read(ctx: &AppContext, run: &run_store::RunRow) -> Result<FixedFacts, Error> {
        let db = crate::error::db;
        let org = accounts::org_by_id(&ctx.db, &run.org_id)
            .await
            .map_err(db("reading an organisation"))?
            .ok_or_else(|| Error::not_found("org not found"))?;
        let project = projects::get(&ctx.db, &run.org_id, &run.project_id)
            .await
            .map_err(db("reading a project"))?
            .ok_or_else(|| Error::broken("run's project is missing"))?;
        let sheet = flight_sheets::for_run(ctx, run).await?;
        let agent_profile = match &run.agent_profile_id {
            Some(id) => crate::store::agents::profile(&ctx.db, &run.org_id, id)
                .await
                .map_err(db("reading an agent profile"))?
                .map(|p| crate::agents::profile_json(&p)),
            None => None,
        };
        Ok(FixedFacts {
            org,
            project,
            sheet,
            agent_profile,
        })
    }
}

/// Everything an approved run's receipt seals. For the group commit they are
/// read without a lock, with the run version (`run.updated_at`) they were read
/// at: every change to a run's facts touches it, so the batch appends the
/// receipt only if it is unchanged. The one-at-a-time path reads them under
/// the run's lock.
pub struct PreparedRun {
    fixed: Arc<FixedFacts>,
    run: run_store::RunRow,
    submission: Option<run_store::SubmissionRow>,
    evidence: Vec<run_store::EvidenceRow>,
    checks: Vec<audits::CheckRow>,
    verdict: audits::VerdictRow,
    approval: audits::ApprovalRow,
}

impl PreparedRun {
    fn org_id(&self) -> &str {
        &self.run.org_id
    }

    /// What the receipt row points at.
    fn links(&self) -> ReceiptLinks {
        ReceiptLinks {
            run_id: Some(self.run.id.clone()),
            approval_id: Some(self.approval.id.clone()),
        }
    }

    fn facts(&self) -> RunFacts<'_> {
        RunFacts {
            org: &self.fixed.org,
            project: &self.fixed.project,
            run: &self.run,
            inputs: runs::inputs_of(&self.run),
            sheet: self.fixed.sheet.as_ref(),
            submission: self.submission.as_ref(),
            evidence: &self.evidence,
            checks: &self.checks,
            verdict: &self.verdict,
            approval: &self.approval,
            agent_profile: self.fixed.agent_profile.clone(),
        }
    }
}

/// Reads an approved run's facts for the group commit; `None` when the run is
/// not plainly ready for its receipt (the one-at-a-time path explains why).
async fn prepare(
    ctx: &AppContext,
    run: run_store::RunRow,
    fixed: Arc<FixedFacts>,
) -> Result<Option<PreparedRun>, Error> {
    if RunStatus::parse(&run.status) != Some(RunStatus::Approved) {
        return Ok(None);
    }
    let facts = runs::current_facts(ctx, &run.id).await?;
    let Some(approval) = facts.approval.filter(|a| a.decision == "approved") else {
        return Ok(None);
    };
    let Some(verdict) = facts.verdict.filter(|v| v.id == approval.verdict_id) else {
        return Ok(None);
    };
    Ok(Some(PreparedRun {
        fixed,
        run,
        submission: facts.submission,
        evidence: facts.evidence,
        checks: facts.checks,
        verdict,
        approval,
    }))
}

/// The one-at-a-time mint: locks the run, then the chain, in one transaction.
async fn try_mint_for_run(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
    fixed: &Arc<FixedFacts>,
) -> Result<Receipt, Attempt> {
    let mut tx = crate::tx::begin_attempt(ctx).await?;
    let (run, status) = runs::lock_run(&mut tx, principal, run_id).await?;
    runs::require(status, Step::Receipt, &run)?;
    let approval = audits::current_approval_tx(&mut tx, &run.id)
        .await
        .map_err(classify("reading an approval"))?;
    if status == RunStatus::Receipted {
        if let Some(existing) = match &approval {
            Some(a) => store::for_approval_tx(&mut tx, &a.id)
                .await
                .map_err(classify("reading a receipt"))?,
            None => None,
        } {
            return Ok(views::receipt(ctx, &existing));
        }
        tx.rollback()
            .await
            .map_err(classify("ending a transaction"))?;
        let latest = store::latest_for_run(&ctx.db, &run.id)
            .await
            .map_err(classify("reading a receipt"))?;
        return latest
            .map(|r| views::receipt(ctx, &r))
            .ok_or_else(|| Attempt::Fail(Error::broken("receipted run has no receipt")));
    }
    let approval = approval
        .filter(|a| a.decision == "approved")
        .ok_or_else(|| Error::conflict("a human must approve before a receipt is issued"))?;
    let verdict = audits::current_verdict_tx(&mut tx, &run.id)
        .await
        .map_err(classify("reading a verdict"))?
        .filter(|v| v.id == approval.verdict_id)
        .ok_or_else(|| {
            Error::conflict("the approval is not for the current verdict; approve again")
        })?;
    if let Some(existing) = store::for_approval_tx(&mut tx, &approval.id)
        .await
        .map_err(classify("reading a receipt"))?
    {
        return Ok(views::receipt(ctx, &existing));
    }

    let submission = run_store::current_submission_tx(&mut tx, &run.id)
        .await
        .map_err(classify("reading a submission"))?;
    let evidence = run_store::evidence_tx(&mut tx, &run.id)
        .await
        .map_err(classify("reading evidence"))?;
    let checks = audits::checks_tx(&mut tx, &run.id)
        .await
        .map_err(classify("reading checks"))?;

    let sealed = PreparedRun {
        fixed: Arc::clone(fixed),
        run,
        submission,
        evidence,
        checks,
        verdict,
        approval,
    };
    let row = append(ctx, &mut tx, sealed.org_id(), sealed.links(), |position| {
        Ok(payloads::run_payload(position, &sealed.facts()))
    })
    .await?;
    run_store::set_status(&mut tx, &sealed.run.id, RunStatus::Receipted.as_str())
        .await
        .map_err(classify("updating a run"))?;
    tx.commit()
        .await
        .map_err(classify("committing a receipt"))?;
    ctx.metrics.receipt_minted("run");
    ctx.metrics.mint_batch_committed();
    tracing::info!(receipt_id = %row.receipt_id, org_seq = row.org_seq, "receipt minted");
    Ok(views::receipt(ctx, &row))
}

/// Canonicalises and hashes a payload into the row that stores its exact bytes.
fn seal(
    org_id: &str,
    run_id: Option<String>,
    approval_id: Option<String>,
    pos: &ChainPosition,
    share_token: String,
    payload: &Value,
) -> Result<ReceiptRow, Error> {
    let canonical = to_canonical_string(payload).map_err(|e| {
        Error::unprocessable(format!("the receipt payload cannot be canonicalised: {e}"))
    })?;
    let receipt_sha256 = sha256_hex(canonical.as_bytes());
    Ok(ReceiptRow {
        id: ids::new_id(),
        org_id: org_id.to_string(),
        run_id,
        approval_id,
        receipt_id: pos.receipt_id.clone(),
        org_seq: pos.org_seq,
        parent_hash: pos.parent_hash.clone(),
        receipt_sha256,
        share_token,
        schema_id: payload
            .get("schema")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        canonical_payload: canonical,
        created_at: time::now_micros(),
    })
}
