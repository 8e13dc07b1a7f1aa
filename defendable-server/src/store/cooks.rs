//! Cooks and their leases. A claim is one conditional UPDATE of the oldest
//! claimable row (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite runs the single
//! statement under its write lock), so no cook is ever handed out twice; every
//! later change locks the cook's row first (a write on it) for its transaction.

use sqlx::any::AnyRow;
use sqlx::Row;

use super::{int, opt_text, text, Backend, Db};

#[derive(Clone, Debug)]
pub struct CookRow {
    pub id: String,
    pub org_id: String,
    pub run_id: String,
    pub dataset_id: Option<String>,
    pub base_model: String,
    pub status: String,
    pub eval_before: f64,
    pub eval_after: Option<f64>,
    pub lift: Option<f64>,
    pub pairs: i64,
    pub adapter_ref: Option<String>,
    pub runner: Option<String>,
    /// Who holds the lease: `token:<runner token id>` or `shared`.
    pub runner_key: Option<String>,
    pub lease_id: Option<String>,
    pub lease_seconds: Option<i64>,
    pub lease_expires_at: Option<String>,
    pub attempts: i64,
    /// A JSON object, as text.
    pub metrics: String,
    pub compute_usd: Option<f64>,
    pub error: Option<String>,
    pub receipt_row_id: Option<String>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
}

/// The receipt a succeeded cook points at, as listed with it.
#[derive(Clone, Debug, Default)]
pub struct CookReceipt {
    pub receipt_id: Option<String>,
    pub receipt_sha256: Option<String>,
    pub share_token: Option<String>,
}

fn cook_row(row: &AnyRow) -> Result<CookRow, sqlx::Error> {
    Ok(CookRow {
        id: text(row, "id")?,
        org_id: text(row, "org_id")?,
        run_id: text(row, "run_id")?,
        dataset_id: opt_text(row, "dataset_id")?,
        base_model: text(row, "base_model")?,
        status: text(row, "status")?,
        eval_before: row.try_get::<f64, _>("eval_before")?,
        eval_after: row.try_get::<Option<f64>, _>("eval_after")?,
        lift: row.try_get::<Option<f64>, _>("lift")?,
        pairs: int(row, "pairs")?,
        adapter_ref: opt_text(row, "adapter_ref")?,
        runner: opt_text(row, "runner")?,
        runner_key: opt_text(row, "runner_key")?,
        lease_id: opt_text(row, "lease_id")?,
        lease_seconds: row.try_get::<Option<i64>, _>("lease_seconds")?,
        lease_expires_at: opt_text(row, "lease_expires_at")?,
        attempts: int(row, "attempts")?,
        metrics: text(row, "metrics")?,
        compute_usd: row.try_get::<Option<f64>, _>("compute_usd")?,
        error: opt_text(row, "error")?,
        receipt_row_id: opt_text(row, "receipt_row_id")?,
        created_by: text(row, "created_by")?,
        created_at: text(row, "created_at")?,
        updated_at: text(row, "updated_at")?,
    })
}

fn with_receipt(row: &AnyRow) -> Result<(CookRow, CookReceipt), sqlx::Error> {
    Ok((
        cook_row(row)?,
        CookReceipt {
            receipt_id: opt_text(row, "r_receipt_id")?,
            receipt_sha256: opt_text(row, "r_receipt_sha256")?,
            share_token: opt_text(row, "r_share_token")?,
        },
    ))
}

const WITH_RECEIPT: &str =
    "SELECT c.*, r.receipt_id AS r_receipt_id, r.receipt_sha256 AS r_receipt_sha256, \
     r.share_token AS r_share_token FROM cooks c LEFT JOIN receipts r ON r.id = c.receipt_row_id";

pub async fn insert(db: &Db, c: &CookRow) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO cooks (id, org_id, run_id, dataset_id, base_model, status, eval_before, pairs, \
         attempts, metrics, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(&c.id)
    .bind(&c.org_id)
    .bind(&c.run_id)
    .bind(&c.dataset_id)
    .bind(&c.base_model)
    .bind(&c.status)
    .bind(c.eval_before)
    .bind(c.pairs)
    .bind(c.attempts)
    .bind(&c.metrics)
    .bind(&c.created_by)
    .bind(&c.created_at)
    .bind(&c.updated_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// One page of the organisation's cooks, newest first, with their receipts, after the
/// `(created_at, id)` position `after` when given.
pub async fn list(
    db: &Db,
    org_id: &str,
    limit: i64,
    after: Option<(&str, &str)>,
) -> Result<Vec<(CookRow, CookReceipt)>, sqlx::Error> {
    let (at, id) = after.unzip();
    let sql = format!(
        "{WITH_RECEIPT} WHERE c.org_id = $1 \
         AND ($2 IS NULL OR c.created_at < $2 OR (c.created_at = $2 AND c.id < $3)) \
         ORDER BY c.created_at DESC, c.id DESC LIMIT $4"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(org_id)
        .bind(at)
        .bind(id)
        .bind(limit)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(with_receipt).collect()
}

/// One cook of an organisation, with its receipt.
pub async fn get(
    db: &Db,
    org_id: &str,
    id: &str,
) -> Result<Option<(CookRow, CookReceipt)>, sqlx::Error> {
    let sql = format!("{WITH_RECEIPT} WHERE c.org_id = $1 AND c.id = $2");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(org_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| with_receipt(&r))
        .transpose()
}

/// One cook of any organisation (runners work across organisations).
pub async fn get_any(db: &Db, id: &str) -> Result<Option<CookRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM cooks WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| cook_row(&r))
        .transpose()
}

/// Who claims, and the lease they get.
pub struct Lease<'a> {
    pub runner: &'a str,
    pub runner_key: &'a str,
    pub lease_id: &'a str,
    pub lease_seconds: i64,
    pub expires_at: &'a str,
}

/// Claims the oldest cook that is queued or whose lease ended before `now`:
/// one statement, so two claimers never get the same cook.
pub async fn claim(db: &Db, lease: &Lease<'_>, now: &str) -> Result<Option<CookRow>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let claimable =
        "(status = 'queued' OR (status IN ('claimed', 'running') AND lease_expires_at < $6))";
    let lock = match db.backend {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE cooks SET status = 'claimed', runner = $1, runner_key = $2, lease_id = $3, \
         lease_seconds = $4, lease_expires_at = $5, updated_at = $6, attempts = attempts + 1 \
         WHERE id = (SELECT id FROM cooks WHERE {claimable} ORDER BY created_at, id LIMIT 1{lock}) \
         AND {claimable} RETURNING *"
    );
    let value = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(lease.runner)
        .bind(lease.runner_key)
        .bind(lease.lease_id)
        .bind(lease.lease_seconds)
        .bind(lease.expires_at)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| cook_row(&r))
        .transpose()?;
    tx.commit().await?;
    Ok(value)
}

/// Locks a cook for the rest of the transaction (a write on its row) and
/// returns it as it is now.
pub async fn lock(
    tx: &mut crate::store::Tx,
    id: &str,
    now: &str,
) -> Result<Option<CookRow>, sqlx::Error> {
    super::lock_row(tx, "cooks", super::Touch::UpdatedAt(now), None, id)
        .await?
        .map(|r| cook_row(&r))
        .transpose()
}

/// A heartbeat: the new state and metrics, and the lease extended.
pub async fn heartbeat(
    tx: &mut crate::store::Tx,
    id: &str,
    status: &str,
    metrics: &str,
    expires_at: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE cooks SET status = $1, metrics = $2, lease_expires_at = $3 WHERE id = $4")
        .bind(status)
        .bind(metrics)
        .bind(expires_at)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// What a successful cook ends with.
pub struct Outcome<'a> {
    pub eval_after: f64,
    pub lift: f64,
    pub adapter_ref: Option<&'a str>,
    pub metrics: &'a str,
    pub compute_usd: Option<f64>,
    pub receipt_row_id: &'a str,
}

pub async fn succeed(
    tx: &mut crate::store::Tx,
    id: &str,
    o: &Outcome<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE cooks SET status = 'succeeded', eval_after = $1, lift = $2, adapter_ref = $3, \
         metrics = $4, compute_usd = $5, receipt_row_id = $6, lease_expires_at = NULL WHERE id = $7",
    )
    .bind(o.eval_after)
    .bind(o.lift)
    .bind(o.adapter_ref)
    .bind(o.metrics)
    .bind(o.compute_usd)
    .bind(o.receipt_row_id)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn fail(tx: &mut crate::store::Tx, id: &str, error: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE cooks SET status = 'failed', error = $1, lease_expires_at = NULL WHERE id = $2",
    )
    .bind(error)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Back to the queue: the lease ends and any runner may claim the cook again.
pub async fn release(tx: &mut crate::store::Tx, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE cooks SET status = 'queued', lease_id = NULL, lease_expires_at = NULL, \
         runner_key = NULL WHERE id = $1",
    )
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A model-pin receipt of an organisation: its public id, hash and exact payload.
pub struct PinReceipt {
    pub receipt_id: String,
    pub receipt_sha256: String,
    pub canonical_payload: String,
}

/// The organisation's receipts of one schema, newest first.
pub async fn receipts_of_schema(
    db: &Db,
    org_id: &str,
    schema_id: &str,
) -> Result<Vec<PinReceipt>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT receipt_id, receipt_sha256, canonical_payload FROM receipts \
         WHERE org_id = $1 AND schema_id = $2 ORDER BY org_seq DESC",
    )
    .bind(org_id)
    .bind(schema_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(PinReceipt {
                receipt_id: text(r, "receipt_id")?,
                receipt_sha256: text(r, "receipt_sha256")?,
                canonical_payload: text(r, "canonical_payload")?,
            })
        })
        .collect()
}
