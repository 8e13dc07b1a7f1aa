//! The public log of the chain a shared receipt belongs to, read without an account:
//! `GET /share/{token}/log/checkpoint` (the latest signed checkpoint) and
//! `GET /share/{token}/log/consistency?first=N&second=M` (a consistency proof), with
//! the same shapes as `/ledger/checkpoint` and `/ledger/proof/consistency`. They are
//! called by path here; a server without them answers 404, read as "no public log".

use serde::de::DeserializeOwned;

use crate::client::types::{ConsistencyProof, SignedCheckpoint};
use crate::error::CliError;

/// A public log route's answer: `None` when the server has no such route (404).
async fn get<T: DeserializeOwned>(url: String) -> Result<Option<T>, CliError> {
    let response = reqwest::Client::new()
        .get(&url)
        .send()
        .await
        .map_err(|e| CliError::other(format!("could not reach {url}: {e}")))?;
    let status = response.status();
    if status == reqwest::StatusCode::NOT_FOUND {
        return Ok(None);
    }
    if !status.is_success() {
        let text = response.text().await.unwrap_or_default();
        let detail = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v.get("detail").and_then(|d| d.as_str()).map(str::to_string))
            .unwrap_or(text);
        return Err(CliError::from_status(
            status.as_u16(),
            format!("{url}: {detail}"),
        ));
    }
    response
        .json()
        .await
        .map(Some)
        .map_err(|e| CliError::other(format!("{url} sent a malformed answer: {e}")))
}

/// The chain's latest signed checkpoint, or `None` when the server has no public log.
pub async fn checkpoint(base: &str, token: &str) -> Result<Option<SignedCheckpoint>, CliError> {
    get(format!("{base}/share/{token}/log/checkpoint")).await
}

/// A consistency proof between two tree sizes, or `None` without a public log.
pub async fn consistency(
    base: &str,
    token: &str,
    first: i64,
    second: i64,
) -> Result<Option<ConsistencyProof>, CliError> {
    get(format!(
        "{base}/share/{token}/log/consistency?first={first}&second={second}"
    ))
    .await
}
