//! The organisation's ledger: the chain listed in order and verified link by link
//! with the contract's checks, from the exact stored bytes, and every signature
//! against the published keys.

use defendable_contract::receipt::{verify_chain, ChainEntry};
use defendable_contract::schemas::{
    LedgerEntry, LedgerError, LedgerExport, LedgerExportEntry, LedgerList, LedgerQuery,
    LedgerVerifyResult, ReceiptSignature,
};

use crate::auth::Principal;
use crate::context::AppContext;
use crate::error::{db, Error};
use crate::store::receipts::{self as store, ReceiptRow};
use crate::time::to_wire;

const PAGE: i64 = 1000;
/// How many errors `/ledger/verify` lists (the count is always complete).
const ERRORS_SHOWN: usize = 100;

/// Reads one page of the chain as asked by a ledger query.
async fn page(
    ctx: &AppContext,
    principal: &Principal,
    query: &LedgerQuery,
) -> Result<Vec<ReceiptRow>, Error> {
    let from = query.from_seq.unwrap_or(0);
    let limit = query.limit.unwrap_or(PAGE);
    if from < 0 {
        return Err(Error::invalid("from_seq must be 0 or more"));
    }
    if !(1..=PAGE).contains(&limit) {
        return Err(Error::invalid(format!("limit must be 1..{PAGE}")));
    }
    store::chain(&ctx.db, &principal.org_id, from, limit)
        .await
        .map_err(db("reading the ledger"))
}

/// `GET /ledger/export`: entries with their exact canonical payloads.
pub async fn export(
    ctx: &AppContext,
    principal: &Principal,
    query: LedgerQuery,
) -> Result<LedgerExport, Error> {
    // The checkpoint first: the rows read after it always cover it. A chain the
    // server refuses to sign (a receipt whose signature fails, a rewritten history)
    // is not exported: the refusal names the receipt, and /ledger/verify lists all.
    let checkpoint = Some(crate::transparency::checkpoint(ctx, &principal.org_id).await?);
    let rows = page(ctx, principal, &query).await?;
    let mut signatures = match rows.first() {
        Some(first) => crate::store::transparency::signatures_for_chain(
            &ctx.db,
            &principal.org_id,
            first.org_seq,
            rows.last().map_or(0, |last| last.org_seq) - first.org_seq + 1,
        )
        .await
        .map_err(db("reading signatures"))?,
        None => Default::default(),
    };
    Ok(LedgerExport {
        checkpoint,
        org_id: principal.org_id.clone(),
        entries: rows
            .into_iter()
            .map(|r| LedgerExportEntry {
                signature: signatures
                    .remove(&r.id)
                    .map(|(key_id, note)| ReceiptSignature { key_id, note }),
                created_at: to_wire(&r.created_at),
                receipt_id: r.receipt_id,
                org_seq: r.org_seq,
                parent_hash: r.parent_hash,
                receipt_sha256: r.receipt_sha256,
                schema: r.schema_id,
                payload_canonical: r.canonical_payload,
            })
            .collect(),
    })
}

/// `GET /ledger`.
pub async fn list(
    ctx: &AppContext,
    principal: &Principal,
    query: LedgerQuery,
) -> Result<LedgerList, Error> {
    let rows = page(ctx, principal, &query).await?;
    Ok(LedgerList {
        entries: rows
            .iter()
            .map(|r| LedgerEntry {
                receipt_id: r.receipt_id.clone(),
                org_seq: r.org_seq,
                parent_hash: r.parent_hash.clone(),
                receipt_sha256: r.receipt_sha256.clone(),
                schema: r.schema_id.clone(),
                created_at: to_wire(&r.created_at),
            })
            .collect(),
    })
}

/// Reads the whole chain in pages.
async fn all_rows(ctx: &AppContext, org_id: &str) -> Result<Vec<ReceiptRow>, Error> {
    let mut rows: Vec<ReceiptRow> = Vec::new();
    loop {
        let from = rows.last().map(|r| r.org_seq + 1).unwrap_or(0);
        let page = store::chain(&ctx.db, org_id, from, PAGE)
            .await
            .map_err(db("reading the ledger"))?;
        let done = (page.len() as i64) < PAGE;
        rows.extend(page);
        if done {
            return Ok(rows);
        }
    }
}

/// `GET /ledger/verify`: every receipt's own checks, the links between them, and
/// every signature against the published keys; each error at its position.
pub async fn verify(ctx: &AppContext, principal: &Principal) -> Result<LedgerVerifyResult, Error> {
    let rows = all_rows(ctx, &principal.org_id).await?;
    let bad_signatures = crate::transparency::bad_receipts(
        ctx,
        &principal.org_id,
        0,
        rows.last().map_or(0, |last| last.org_seq.saturating_add(1)),
    )
    .await?;
    let org_id = principal.org_id.clone();
    // Hashing a long chain is CPU work (on several threads): off the runtime.
    let report = tokio::task::spawn_blocking(move || {
        let entries: Vec<ChainEntry<'_>> = rows
            .iter()
            .map(|r| ChainEntry {
                org_seq: r.org_seq,
                receipt_id: &r.receipt_id,
                parent_hash: &r.parent_hash,
                receipt_sha256: &r.receipt_sha256,
                canonical_payload: r.canonical_payload.as_bytes(),
            })
            .collect();
        verify_chain(Some(&org_id), &entries)
    })
    .await
    .map_err(|e| crate::error::internal("verifying the chain", e))?;
    let mut errors: Vec<LedgerError> = report
        .errors
        .into_iter()
        .map(|e| LedgerError {
            org_seq: e.org_seq,
            error: e.error,
        })
        .chain(bad_signatures.into_iter().map(|b| LedgerError {
            org_seq: b.org_seq,
            error: b.why,
        }))
        .collect();
    // Each receipt's errors together, in chain order (the sort is stable).
    errors.sort_by_key(|e| e.org_seq);
    Ok(LedgerVerifyResult {
        ok: errors.is_empty(),
        receipts_checked: report.receipts_checked as i64,
        error_count: errors.len() as i64,
        errors: errors.into_iter().take(ERRORS_SHOWN).collect(),
    })
}
