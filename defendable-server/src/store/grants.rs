//! SQL for dataset download grants: recording them, the rolling quota and spike
//! counts, and what the operator's stager needs.

use sqlx::any::AnyRow;
use sqlx::{Any, Row};

use super::{int, opt_text, text, Db};

use super::Tx;

#[derive(Clone, Debug)]
pub struct GrantRow {
    pub id: String,
    pub org_id: String,
    pub receipt_row_id: String,
    pub slug: String,
    pub object_key: String,
    pub principal: String,
    pub email: String,
    pub commitment_salt: String,
    pub ready_at_grant: bool,
    pub expires_at: String,
    pub notified_at: Option<String>,
    pub created_at: String,
}

fn grant_row(row: &AnyRow) -> Result<GrantRow, sqlx::Error> {
    Ok(GrantRow {
        id: text(row, "id")?,
        org_id: text(row, "org_id")?,
        receipt_row_id: text(row, "receipt_row_id")?,
        slug: text(row, "slug")?,
        object_key: text(row, "object_key")?,
        principal: text(row, "principal")?,
        email: text(row, "email")?,
        commitment_salt: text(row, "commitment_salt")?,
        ready_at_grant: int(row, "ready_at_grant")? != 0,
        expires_at: text(row, "expires_at")?,
        notified_at: opt_text(row, "notified_at")?,
        created_at: text(row, "created_at")?,
    })
}

/// Serialises this organisation's grants for the rest of the transaction (the
/// organisation row is locked; the receipt mint that follows takes it anyway).
pub async fn lock_org(tx: &mut Tx, org_id: &str) -> Result<(), sqlx::Error> {
    super::lock_row(
        tx,
        "orgs",
        super::Touch::Column("receipt_count"),
        None,
        org_id,
    )
    .await?;
    Ok(())
}

/// Grants of the organisation since `since`: (count, oldest created_at), in a
/// transaction or on the pool.
pub async fn count_since<'e, E>(
    executor: E,
    org_id: &str,
    since: &str,
) -> Result<(i64, Option<String>), sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let row = sqlx::query(
        "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM dataset_grants \
         WHERE org_id = $1 AND created_at >= $2",
    )
    .bind(org_id)
    .bind(since)
    .fetch_one(executor)
    .await?;
    Ok((row.try_get("n")?, opt_text(&row, "oldest")?))
}

pub async fn insert(tx: &mut Tx, g: &GrantRow) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO dataset_grants (id, org_id, receipt_row_id, slug, object_key, principal, email, \
         commitment_salt, ready_at_grant, expires_at, notified_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&g.id)
    .bind(&g.org_id)
    .bind(&g.receipt_row_id)
    .bind(&g.slug)
    .bind(&g.object_key)
    .bind(&g.principal)
    .bind(&g.email)
    .bind(&g.commitment_salt)
    .bind(g.ready_at_grant as i64)
    .bind(&g.expires_at)
    .bind(&g.notified_at)
    .bind(&g.created_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn by_id(db: &Db, id: &str) -> Result<Option<GrantRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM dataset_grants WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| grant_row(&r))
        .transpose()
}

/// Unexpired grants (at `now`), oldest first.
pub async fn unexpired(db: &Db, now: &str) -> Result<Vec<GrantRow>, sqlx::Error> {
    sqlx::query(
        "SELECT * FROM dataset_grants WHERE expires_at > $1 ORDER BY created_at LIMIT 10000",
    )
    .bind(now)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(grant_row)
    .collect()
}

/// Unexpired grants of one object.
pub async fn unexpired_for_key(
    db: &Db,
    key: &str,
    now: &str,
) -> Result<Vec<GrantRow>, sqlx::Error> {
    sqlx::query(
        "SELECT * FROM dataset_grants WHERE object_key = $1 AND expires_at > $2 ORDER BY created_at",
    )
    .bind(key)
    .bind(now)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(grant_row)
    .collect()
}

/// Claims a grant's notification: true when this call set it.
pub async fn claim_notification(db: &Db, id: &str, now: &str) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let value = sqlx::query(
        "UPDATE dataset_grants SET notified_at = $1 WHERE id = $2 AND notified_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    tx.commit().await?;
    Ok(value)
}

/// Gives a claimed notification back (the mail was not accepted).
pub async fn release_notification(db: &Db, id: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE dataset_grants SET notified_at = NULL WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}
