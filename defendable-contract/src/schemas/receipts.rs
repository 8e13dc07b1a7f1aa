//! Receipts, their public view and the per-organisation ledger.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A minted receipt's coordinates and links.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Receipt {
    pub receipt_id: String,
    pub org_seq: i64,
    pub parent_hash: String,
    pub receipt_sha256: String,
    pub share_token: String,
    pub share_url: String,
    pub pdf_url: String,
    pub created_at: String,
}

/// `GET /share/{token}`: the public payload and a server-recomputed `verified`.
/// Anyone can recompute `receipt_sha256` from `payload` with the canonical form.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct PublicReceipt {
    pub receipt_id: String,
    pub org_seq: i64,
    pub parent_hash: String,
    pub receipt_sha256: String,
    pub verified: bool,
    pub created_at: String,
    pub payload: Value,
}

/// One chain position, without the payload.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct LedgerEntry {
    pub receipt_id: String,
    pub org_seq: i64,
    pub parent_hash: String,
    pub receipt_sha256: String,
    pub schema: String,
    pub created_at: String,
}

/// `GET /ledger`, in org_seq order.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct LedgerList {
    pub entries: Vec<LedgerEntry>,
}

/// Query of `GET /ledger`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct LedgerQuery {
    /// First org_seq to return (default 0).
    pub from_seq: Option<i64>,
    /// 1 to 1000 entries (default 1000).
    pub limit: Option<i64>,
}

/// One problem found in the chain.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct LedgerError {
    pub org_seq: i64,
    pub error: String,
}

/// `GET /ledger/verify`: `errors` lists the first 100; `error_count` is the total.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct LedgerVerifyResult {
    pub ok: bool,
    pub receipts_checked: i64,
    pub error_count: i64,
    pub errors: Vec<LedgerError>,
}

/// One chain position with the exact canonical payload bytes it hashes, for
/// checking the chain on the client.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct LedgerExportEntry {
    pub receipt_id: String,
    pub org_seq: i64,
    pub parent_hash: String,
    pub receipt_sha256: String,
    pub schema: String,
    pub created_at: String,
    /// The canonical JSON text whose SHA-256 is `receipt_sha256`.
    pub payload_canonical: String,
}

/// `GET /ledger/export`, in org_seq order.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct LedgerExport {
    pub org_id: String,
    pub entries: Vec<LedgerExportEntry>,
}
