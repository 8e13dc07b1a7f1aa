//! The public log of the chain a shared receipt belongs to, read without an account
//! through the generated client: `GET /share/{token}/log/checkpoint` (the latest signed
//! checkpoint) and `GET /share/{token}/log/consistency?first=N&second=M` (a consistency
//! proof). A server without them (the original service) answers 404, read here as
//! "no public log" so that the caller can say what it could not check.

use crate::client::types::{ConsistencyProof, SignedCheckpoint};
use crate::client::Client;
use crate::error::CliError;

/// An answer of a public log route: `None` when the server has no such route (404).
fn found<T>(
    base: &str,
    answer: Result<
        progenitor_client::ResponseValue<T>,
        progenitor_client::Error<impl crate::error::ErrorDetail>,
    >,
) -> Result<Option<T>, CliError> {
    match answer {
        Ok(value) => Ok(Some(value.into_inner())),
        Err(e) if e.status().map(|s| s.as_u16()) == Some(404) => Ok(None),
        Err(e) => Err(CliError::from_api(base, e)),
    }
}

/// The chain's latest signed checkpoint, or `None` when the server has no public log.
pub async fn checkpoint(base: &str, token: &str) -> Result<Option<SignedCheckpoint>, CliError> {
    let answer = Client::new(base)
        .share_log_checkpoint()
        .token(token)
        .send()
        .await;
    found(base, answer)
}

/// A consistency proof between two tree sizes, or `None` without a public log.
pub async fn consistency(
    base: &str,
    token: &str,
    first: i64,
    second: i64,
) -> Result<Option<ConsistencyProof>, CliError> {
    let answer = Client::new(base)
        .share_log_consistency()
        .token(token)
        .first(first)
        .second(second)
        .send()
        .await;
    found(base, answer)
}
