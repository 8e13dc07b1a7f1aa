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
    /// The server's signature over the receipt's hash and chain position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<ReceiptSignature>,
}

/// A receipt's signature: a C2SP signed note whose text is the receipt statement
/// (see `defendable_contract::transparency::receipt_statement`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReceiptSignature {
    /// `<key name>+<8 hex key hash>`, as listed at `/.well-known/defendable-keys`.
    pub key_id: String,
    /// The signed note.
    pub note: String,
}

/// A signing key of this server.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct SigningKey {
    pub key_id: String,
    pub name: String,
    /// The C2SP verifier key: `<name>+<hash>+<base64(0x01 || public key)>`.
    pub verifier: String,
    pub algorithm: String,
    /// `current` or `retired` (a retired key still verifies what it signed).
    pub status: String,
    pub valid_from: String,
    pub valid_until: Option<String>,
}

/// `GET /.well-known/defendable-keys`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct SigningKeyList {
    pub keys: Vec<SigningKey>,
}

/// A signed checkpoint of an organisation's chain (C2SP tlog-checkpoint).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct SignedCheckpoint {
    pub origin: String,
    pub tree_size: i64,
    /// Hex of the RFC 6962 root over the receipts' hashes, in chain order.
    pub root_hash: String,
    pub key_id: String,
    /// The signed note.
    pub note: String,
}

/// `GET /ledger/proof/inclusion`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct InclusionQuery {
    pub org_seq: i64,
    /// Default: the current size.
    pub tree_size: Option<i64>,
}

/// An RFC 9162 inclusion proof (hashes in hex).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct InclusionProof {
    pub org_seq: i64,
    pub tree_size: i64,
    /// Hex of SHA-256(0x00 || receipt hash bytes).
    pub leaf_hash: String,
    pub proof: Vec<String>,
    pub root_hash: String,
}

/// `GET /ledger/proof/consistency`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ConsistencyQuery {
    pub from: i64,
    /// Default: the current size.
    pub to: Option<i64>,
}

/// `GET /share/{token}/log/consistency`: two sizes of the chain the shared receipt
/// belongs to, as an auditor saw them in two signed checkpoints.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct LogConsistencyQuery {
    /// The earlier tree size (0..=second).
    pub first: i64,
    /// The later tree size (at most the current size).
    pub second: i64,
}

/// An RFC 9162 consistency proof between two tree sizes (hashes in hex).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ConsistencyProof {
    pub from: i64,
    pub to: i64,
    pub from_root: String,
    pub to_root: String,
    pub proof: Vec<String>,
}

/// `GET /share/{token}/proof`: everything needed to verify one receipt offline with
/// nothing but a trusted public key.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ProofFile {
    /// `defendable-proof/v1`.
    pub format: String,
    pub receipt: PublicReceipt,
    pub signature: ReceiptSignature,
    /// The verifier key that signed (check it against one you trust).
    pub verifier: String,
    pub inclusion: InclusionProof,
    pub checkpoint: SignedCheckpoint,
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
    /// The server's signature (absent for receipts minted before signing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<ReceiptSignature>,
}

/// `GET /ledger/export`, in org_seq order.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct LedgerExport {
    pub org_id: String,
    pub entries: Vec<LedgerExportEntry>,
    /// The signed checkpoint of the chain, taken before the entries were read (so
    /// the entries always cover it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoint: Option<SignedCheckpoint>,
}

/// `GET /receipts/recent` query.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RecentReceiptsQuery {
    /// Only receipts whose payload `schema` is exactly this.
    #[serde(default)]
    pub schema: Option<String>,
    /// 1 to 50; default 10.
    #[serde(default)]
    pub limit: Option<i64>,
}

/// One receipt with a summary read from its schema's payload.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ReceiptRollup {
    pub receipt_id: String,
    pub org_seq: i64,
    pub payload_schema: String,
    pub receipt_sha256: String,
    pub share_url: String,
    pub created_at: String,
    /// Always has `lane` (`eval`, `run`, `cook`, `incident`, `dataset-download`,
    /// `model-pin` or `unknown`) and that lane's few fields.
    pub summary: Value,
}

/// `GET /receipts/recent`: newest first.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ReceiptRollupList {
    pub rollups: Vec<ReceiptRollup>,
    pub count: i64,
}
