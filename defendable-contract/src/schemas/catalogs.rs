//! Dataset and model catalogs, download grants, model pins and the operator's
//! staging surface. Every hash here can be recomputed from the response itself
//! with canonical JSON v1 (see each field).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One dataset package as the public may see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DatasetPackage {
    pub slug: String,
    pub name: String,
    pub vertical: String,
    /// `core` (every member) or `pro` (the pro and enterprise plans).
    pub tier: String,
    /// `sft`, `eval` or `preference`.
    pub pkg_class: String,
    /// Rows (pairs or cases) in the package file.
    pub pairs: i64,
    /// `none` or `anchored_local`.
    pub deed: String,
    pub deed_anchored: bool,
    pub description: String,
}

/// What the catalog is anchored to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DatasetCatalogAnchor {
    pub label: String,
    pub hash: String,
}

/// Totals of the catalog (counts only; prices are internal).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DatasetCatalogScorecard {
    pub total_packages: i64,
    pub total_pairs: i64,
    pub deed_anchored: i64,
}

/// Totals of one vertical.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DatasetCatalogVertical {
    pub packages: i64,
    pub pairs: i64,
}

/// `GET /datasets/catalog`. `packages_sha256` = SHA-256 of the canonical JSON of
/// `packages`; `catalog_sha256` = SHA-256 of the canonical JSON of this object
/// without `catalog_sha256`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DatasetCatalog {
    pub version: String,
    pub generated_at: String,
    pub filter_version: String,
    pub anchor: DatasetCatalogAnchor,
    pub scorecard: DatasetCatalogScorecard,
    pub verticals: BTreeMap<String, DatasetCatalogVertical>,
    pub packages: Vec<DatasetPackage>,
    pub packages_sha256: String,
    pub catalog_sha256: String,
}

/// `GET /datasets/catalog` filters.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct DatasetCatalogQuery {
    /// Only packages of this vertical (the totals and hashes still cover the whole catalog).
    #[serde(default)]
    pub vertical: Option<String>,
}

/// One package in the members' list, with what this organisation may do with it.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct DatasetListItem {
    pub slug: String,
    pub name: String,
    pub vertical: String,
    pub tier: String,
    pub pairs: i64,
    /// This organisation's plan covers the package's tier.
    pub entitled: bool,
    /// The package file is in the blob store and can be downloaded now.
    pub ready: bool,
}

/// `GET /datasets`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct DatasetList {
    /// The organisation's plan (`free`, `pro`, `enterprise`).
    pub plan: String,
    pub datasets: Vec<DatasetListItem>,
    pub count: i64,
}

/// A package by slug in the path.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct PackagePath {
    pub slug: String,
}

/// `GET /datasets/catalog/{slug}/samples` query.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct SamplesQuery {
    /// 1 to 50; default 10.
    #[serde(default)]
    pub limit: Option<i64>,
}

/// `GET /datasets/catalog/{slug}/samples`: the first rows of the package file.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct DatasetSamples {
    pub package: DatasetPackage,
    pub file_bytes: i64,
    pub file_sha256: String,
    pub rows: Vec<Value>,
    pub count: i64,
}

/// `POST /datasets/catalog/{slug}/download`; `{}` is fine.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
pub struct DatasetDownloadRequest {
    /// How long the download link works: 1 to 168 hours; default 24.
    #[serde(default)]
    pub expires_in_hours: Option<i64>,
}

/// The package as granted: the catalog entry plus the file's size and hash.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct DatasetDownloadPackage {
    pub slug: String,
    pub name: String,
    pub vertical: String,
    pub tier: String,
    pub pkg_class: String,
    pub pairs: i64,
    pub deed_anchored: bool,
    /// Size and SHA-256 of the file, when it was staged at grant time.
    pub file_bytes: Option<i64>,
    pub file_sha256: Option<String>,
}

/// `POST /datasets/catalog/{slug}/download` (201): a receipt on the chain and a
/// download capability that is not the public share link.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct DatasetDownloadGrant {
    pub receipt_id: String,
    pub org_seq: i64,
    pub receipt_sha256: String,
    /// The public proof page of the grant (it cannot download anything).
    pub share_url: String,
    /// The download capability: it answers with a short-lived signed link to the
    /// file until `expires_at`. Keep it private.
    pub download_url: String,
    pub grant_id: String,
    /// The file was in the blob store at grant time.
    pub ready: bool,
    pub expires_at: String,
    pub package: DatasetDownloadPackage,
}

/// A grant in the path, with its capability.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct GrantPath {
    pub grant_id: String,
}

/// The download capability of a grant.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct GrantQuery {
    pub token: String,
}

/// A short-lived signed link to one file.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct SignedFileQuery {
    /// Epoch seconds after which the link is refused.
    pub expires: i64,
    /// Hex HMAC-SHA256 of the grant, the key and `expires` under the server's secret.
    pub sig: String,
}

/// One object the operator should stage.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct StagingTask {
    /// The blob store key the package file belongs at.
    pub key: String,
    pub slug: String,
    pub source_path: String,
    /// Unexpired grants waiting for it.
    pub pending_grants: i64,
}

/// `GET /internal/staging-tasks`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct StagingTaskList {
    pub tasks: Vec<StagingTask>,
    pub count: i64,
}

/// `POST /internal/stage-complete`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct StageCompleteRequest {
    pub key: String,
}

/// What staging one object came to.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct StageCompleteResult {
    pub key: String,
    /// Unexpired grants for this object.
    pub grants_matched: i64,
    /// Grantees mailed now (recorded only when the mail was accepted).
    pub notified: i64,
    pub already_notified: i64,
    /// Grantees whose mail could not be sent (no address, or the send failed; retried next time).
    pub not_notified: i64,
}

/// A model card as the public may see it. `card_sha256` = SHA-256 of the
/// canonical JSON of this card without `card_sha256`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ModelCard {
    pub slug: String,
    pub name: String,
    pub family: String,
    pub base: String,
    pub base_license: String,
    pub params_b: f64,
    pub context_window: i64,
    pub purpose: String,
    pub trained_on: Vec<String>,
    pub eval_notes: String,
    pub compute_class: String,
    pub status: String,
    /// Left out when the model has no deed (so the card hashes the same in
    /// clients that drop empty optional fields).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deed: Option<String>,
    pub card_sha256: String,
}

/// Totals of the model catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ModelCatalogScorecard {
    pub total_models: i64,
    pub in_house_models: i64,
    pub active_models: i64,
}

/// `GET /models/catalog`. `models_sha256` = SHA-256 of the canonical JSON of
/// `models` (sorted by slug, as returned).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ModelCatalog {
    pub version: String,
    pub generated_at: String,
    pub scope: String,
    pub doctrine_note: String,
    pub models_sha256: String,
    pub scorecard: ModelCatalogScorecard,
    pub models: Vec<ModelCard>,
}

/// A model by slug in the path.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ModelPath {
    pub slug: String,
}

/// `POST /models/catalog/{slug}/pin`; `{}` is fine.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
pub struct ModelPinRequest {
    /// Why this model is pinned (at most 500 characters).
    #[serde(default)]
    pub declaration: Option<String>,
    /// Your own reference (at most 120 characters).
    #[serde(default)]
    pub client_ref: Option<String>,
}

/// The pinned model, exactly as sealed in the receipt.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ModelPinModel {
    pub slug: String,
    pub name: String,
    pub base: String,
    pub params_b: f64,
    pub card_sha256: String,
}

/// `POST /models/catalog/{slug}/pin` (201).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ModelPinReceiptOut {
    pub receipt_id: String,
    pub org_seq: i64,
    pub receipt_sha256: String,
    pub share_url: String,
    pub pinned_at: String,
    pub model: ModelPinModel,
    pub declaration: Option<String>,
    pub client_ref: Option<String>,
}
