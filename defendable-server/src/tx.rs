//! Transactions and retries shared by every service that writes: opening and
//! committing a transaction with the domain's errors, and running an attempt
//! again when it lost a race (a unique violation on the chain, a serialisation
//! failure, a busy database) with a doubling, jittered pause.

use std::time::Duration;

use crate::context::AppContext;
use crate::error::{db, Error};

/// A write transaction on the server's database.
pub use crate::store::Tx;

/// How often an attempt that lost a race is tried in all.
pub const ATTEMPTS: u32 = 12;

/// Opens a transaction.
pub async fn begin(ctx: &AppContext) -> Result<Tx, Error> {
    ctx.db
        .begin_write()
        .await
        .map_err(db("starting a transaction"))
}

/// Commits a transaction.
pub async fn commit(tx: Tx) -> Result<(), Error> {
    tx.commit().await.map_err(db("committing"))
}

/// How one attempt ended when it did not succeed.
#[derive(Debug)]
pub enum Attempt {
    /// Lost a race or met a busy database: try again.
    Retry(sqlx::Error),
    /// Anything else: answer with this error.
    Fail(Error),
}

impl From<Error> for Attempt {
    fn from(e: Error) -> Self {
        Attempt::Fail(e)
    }
}

/// Sorts a database error met while doing `context` into retry (races, busy)
/// or failure.
pub fn classify(context: &'static str) -> impl FnOnce(sqlx::Error) -> Attempt {
    move |e| {
        if crate::store::is_unique_violation(&e) || crate::store::is_retryable(&e) {
            Attempt::Retry(e)
        } else {
            Attempt::Fail(Error::storage(context, e))
        }
    }
}

/// Opens a transaction inside an attempt (a busy pool is a retry).
pub async fn begin_attempt(ctx: &AppContext) -> Result<Tx, Attempt> {
    ctx.db
        .begin_write()
        .await
        .map_err(classify("starting a transaction"))
}

/// Runs an attempt until it neither fails nor loses a race, at most
/// [`ATTEMPTS`] times; a lost race is retried after [`backoff`], any other
/// error is returned at once, and giving up is a retry-shortly error.
pub async fn with_retries<T, F, Fut>(mut attempt: F) -> Result<T, Error>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, Attempt>>,
{
    let mut last = None;
    for n in 0..ATTEMPTS {
        match attempt().await {
            Ok(value) => return Ok(value),
            Err(Attempt::Fail(e)) => return Err(e),
            Err(Attempt::Retry(e)) => {
                tracing::debug!(%e, attempt = n, "a write lost a race; retrying");
                last = Some(e);
                backoff(n).await;
            }
        }
    }
    Err(gave_up(last))
}

/// The answer once every attempt lost its race.
pub fn gave_up(last: Option<sqlx::Error>) -> Error {
    tracing::warn!(error = ?last, "a write gave up after {ATTEMPTS} attempts");
    Error::unavailable("the organisation's chain is busy; retry shortly")
}

/// The pause before retry `n`: doubling from 5 ms up to 320 ms, plus up to 20 ms
/// of jitter so racing writers spread out.
pub async fn backoff(n: u32) {
    let jitter = rand::random::<u64>() % 20;
    tokio::time::sleep(Duration::from_millis(5 * (1 << n.min(6)) + jitter)).await;
}
