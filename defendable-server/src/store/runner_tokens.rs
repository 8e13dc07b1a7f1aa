//! Per-runner tokens: issued and revoked by the operator, stored as SHA-256 hashes.

use sqlx::any::AnyRow;

use super::{opt_text, text, Db};

#[derive(Clone, Debug)]
pub struct RunnerTokenRow {
    pub id: String,
    pub name: String,
    pub token_prefix: String,
    pub token_hash: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

fn token_row(row: &AnyRow) -> Result<RunnerTokenRow, sqlx::Error> {
    Ok(RunnerTokenRow {
        id: text(row, "id")?,
        name: text(row, "name")?,
        token_prefix: text(row, "token_prefix")?,
        token_hash: text(row, "token_hash")?,
        created_at: text(row, "created_at")?,
        last_used_at: opt_text(row, "last_used_at")?,
        revoked_at: opt_text(row, "revoked_at")?,
    })
}

pub async fn insert(db: &Db, t: &RunnerTokenRow) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO runner_tokens (id, name, token_prefix, token_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&t.id)
    .bind(&t.name)
    .bind(&t.token_prefix)
    .bind(&t.token_hash)
    .bind(&t.created_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Every token, newest first.
pub async fn list(db: &Db) -> Result<Vec<RunnerTokenRow>, sqlx::Error> {
    let rows = sqlx::query("SELECT * FROM runner_tokens ORDER BY created_at DESC, id")
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(token_row).collect()
}

pub async fn get(db: &Db, id: &str) -> Result<Option<RunnerTokenRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM runner_tokens WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| token_row(&r))
        .transpose()
}

/// The unrevoked token with this hash, marked as used now.
pub async fn use_by_hash(
    db: &Db,
    token_hash: &str,
    now: &str,
) -> Result<Option<RunnerTokenRow>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let found =
        sqlx::query("SELECT * FROM runner_tokens WHERE token_hash = $1 AND revoked_at IS NULL")
            .bind(token_hash)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| token_row(&r))
            .transpose()?;
    if let Some(t) = &found {
        sqlx::query("UPDATE runner_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(now)
            .bind(&t.id)
            .execute(&mut *tx)
            .await?;
    }
    let value = found;
    tx.commit().await?;
    Ok(value)
}

/// Revokes a token (once: a second revocation keeps the first time).
pub async fn revoke(db: &Db, id: &str, now: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE runner_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}
