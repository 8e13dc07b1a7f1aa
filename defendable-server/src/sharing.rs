//! The public side of a receipt, reached by its share token: the receipt read,
//! checked (hash, payload, signature) and cached; its PDF; its proof file; and
//! the public log of the chain it belongs to.

use std::sync::Arc;

use serde_json::Value;

use defendable_contract::schemas::{
    ConsistencyProof, ProofFile, PublicReceipt, ReceiptSignature, SignedCheckpoint,
};

use defendable_contract::receipt::{verify_entry, ChainEntry};

use crate::context::AppContext;
use crate::error::Error;
use crate::published_keys::SignedReceipt;
use crate::receipts::{pdf, view};
use crate::share_cache::{self, SharedReceipt};
use crate::store::receipts::{self as store, ReceiptRow};
use crate::transparency;

/// The payload as the public may see it. Run and eval receipts are public whole;
/// the projection and the hash then cover the same bytes.
fn public_payload(row: &ReceiptRow) -> Result<Value, Error> {
    serde_json::from_str(&row.canonical_payload)
        .map_err(|e| crate::error::internal("reading a stored receipt", e))
}

/// Why the server cannot vouch for a stored receipt, from its exact stored bytes:
/// its own checks (canonical bytes, the hash, the payload agreeing with its
/// columns) and its signature by a published key. Empty when it verifies.
async fn problems(
    ctx: &AppContext,
    row: &ReceiptRow,
    signature: Option<&store::StoredSignature>,
) -> Result<Vec<String>, Error> {
    let mut problems = verify_entry(
        Some(&row.org_id),
        &ChainEntry {
            org_seq: row.org_seq,
            receipt_id: &row.receipt_id,
            parent_hash: &row.parent_hash,
            receipt_sha256: &row.receipt_sha256,
            canonical_payload: row.canonical_payload.as_bytes(),
        },
    );
    let keys = ctx
        .published_keys
        .covering(&ctx.db, signature.map(|(key_id, _)| key_id.as_str()))
        .await?;
    let claim = SignedReceipt {
        org_id: &row.org_id,
        org_seq: row.org_seq,
        receipt_id: &row.receipt_id,
        receipt_sha256: &row.receipt_sha256,
        note: signature.map(|(_, note)| note.as_str()),
    };
    if let Err(why) = claim.check(&keys) {
        problems.push(why);
    }
    Ok(problems)
}

/// `GET /share/{token}`.
pub async fn share(ctx: &AppContext, token: &str) -> Result<PublicReceipt, Error> {
    Ok(shared(ctx, token).await?.public.clone())
}

/// The receipt shared under a public token, with its public view, or 404: from the
/// share cache while fresh, else read with its signature in one query, checked
/// (hash, payload, signature: once per read, not per request) and kept.
pub async fn shared(ctx: &AppContext, token: &str) -> Result<Arc<SharedReceipt>, Error> {
    if !share_cache::valid_token(token) {
        return Err(Error::not_found("receipt not found"));
    }
    if let Some(hit) = ctx.share_cache.get(token) {
        return Ok(hit);
    }
    let (row, signature) = store::by_share_token_signed(&ctx.db, token)
        .await
        .map_err(crate::error::db("reading a receipt"))?
        .ok_or_else(|| Error::not_found("receipt not found"))?;
    let payload = public_payload(&row)?;
    let problems = problems(ctx, &row, signature.as_ref()).await?;
    let public = PublicReceipt {
        receipt_id: row.receipt_id.clone(),
        org_seq: row.org_seq,
        parent_hash: row.parent_hash.clone(),
        receipt_sha256: row.receipt_sha256.clone(),
        verified: problems.is_empty(),
        created_at: payload
            .get("created_at")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        payload,
        signature: signature.map(|(key_id, note)| ReceiptSignature { key_id, note }),
    };
    let shared = Arc::new(
        SharedReceipt::new(row, public, problems)
            .map_err(|e| crate::error::internal("serialising a receipt", e))?,
    );
    ctx.share_cache.insert(token, Arc::clone(&shared));
    Ok(shared)
}

/// `GET /share/{token}/pdf`: the public receipt rendered on one page, with its
/// proof file (the exact body of `GET /share/{token}/proof`) attached.
pub async fn share_pdf(ctx: &AppContext, token: &str) -> Result<(String, Vec<u8>), Error> {
    let shared = shared(ctx, token).await?;
    // The server prints no proof it cannot vouch for: a receipt failing its checks is
    // refused here as on `/share/{token}/proof`.
    let proof = transparency::proof_of(ctx, &shared).await?;
    let proof = serde_json::to_vec(&proof)
        .map(Some)
        .map_err(|e| crate::error::internal("serialising a proof file", e))?;
    let doc = pdf_document(&shared, ctx.page_url(token), proof);
    let bytes =
        pdf::render_receipt_pdf(&doc).map_err(|e| crate::error::internal("rendering a PDF", e))?;
    Ok((shared.row.receipt_id.clone(), bytes))
}

/// The PDF's content: the receipt's view, rows as text.
fn pdf_document(
    shared: &SharedReceipt,
    page_url: String,
    proof: Option<Vec<u8>>,
) -> pdf::ReceiptPdf {
    let (row, payload) = (&shared.row, &shared.public.payload);
    let v = view::view(payload);
    let text = |path: &str| view::text_of(view::lookup(payload, path));
    let sections = v
        .sections
        .iter()
        .map(|section| pdf::PdfSection {
            heading: section.heading.to_string(),
            rows: section.rows(payload),
        })
        .filter(|section| !section.rows.is_empty())
        .collect();
    let title = match v.subject.map(text) {
        Some(subject) => format!("{} · {subject}", v.title),
        None => v.title.to_string(),
    };
    pdf::ReceiptPdf {
        title,
        headline: v.headline.words.clone(),
        tone: v.headline.tone,
        facts: v
            .headline
            .facts
            .iter()
            .map(|f| view::fact_text(payload, f))
            .collect(),
        receipt_id: row.receipt_id.clone(),
        org_seq: row.org_seq,
        receipt_sha256: row.receipt_sha256.clone(),
        parent_hash: row.parent_hash.clone(),
        created_at: text("created_at"),
        schema: row.schema_id.clone(),
        key_id: shared.public.signature.as_ref().map(|s| s.key_id.clone()),
        page_url,
        sections,
        proof,
    }
}

/// The organisation whose chain holds the receipt shared under `token` (404 if none).
async fn log_of(ctx: &AppContext, token: &str) -> Result<String, Error> {
    Ok(shared(ctx, token).await?.row.org_id.clone())
}

/// `GET /share/{token}/log/checkpoint`: the signed checkpoint of the chain the
/// shared receipt belongs to, as `/ledger/checkpoint` gives it to its members.
pub async fn log_checkpoint(ctx: &AppContext, token: &str) -> Result<SignedCheckpoint, Error> {
    transparency::checkpoint(ctx, &log_of(ctx, token).await?).await
}

/// `GET /share/{token}/log/consistency`: a consistency proof between two sizes of
/// the chain the shared receipt belongs to.
pub async fn log_consistency(
    ctx: &AppContext,
    token: &str,
    first: i64,
    second: i64,
) -> Result<ConsistencyProof, Error> {
    let org_id = log_of(ctx, token).await?;
    transparency::consistency_between(ctx, &org_id, (first, "first"), (Some(second), "second"))
        .await
}

/// `GET /share/{token}/proof`: the receipt, its signature, the checkpoint and the
/// inclusion proof, in one file; refused (409) for a receipt that fails its checks.
pub async fn proof_file(ctx: &AppContext, token: &str) -> Result<ProofFile, Error> {
    let shared = shared(ctx, token).await?;
    transparency::proof_of(ctx, &shared).await
}
