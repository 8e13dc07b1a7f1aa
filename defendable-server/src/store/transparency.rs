//! Signing keys, receipt signatures and signed checkpoints as stored.

use super::{int, opt_text, text, Db};

#[derive(Clone, Debug)]
pub struct KeyRow {
    pub key_id: String,
    pub name: String,
    pub verifier: String,
    pub created_at: String,
    pub retired_at: Option<String>,
}

/// Records the current key (once) and retires every other one.
pub async fn register_current_key(
    db: &Db,
    key_id: &str,
    name: &str,
    verifier: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO signing_keys (key_id, name, verifier, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT DO NOTHING",
    )
    .bind(key_id)
    .bind(name)
    .bind(verifier)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE signing_keys SET retired_at = NULL WHERE key_id = $1")
        .bind(key_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE signing_keys SET retired_at = $1 WHERE key_id <> $2 AND retired_at IS NULL",
    )
    .bind(now)
    .bind(key_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

pub async fn keys(db: &Db) -> Result<Vec<KeyRow>, sqlx::Error> {
    let rows = sqlx::query("SELECT * FROM signing_keys ORDER BY created_at DESC, key_id")
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(KeyRow {
                key_id: text(r, "key_id")?,
                name: text(r, "name")?,
                verifier: text(r, "verifier")?,
                created_at: text(r, "created_at")?,
                retired_at: opt_text(r, "retired_at")?,
            })
        })
        .collect()
}

pub async fn insert_signature(
    tx: &mut crate::store::Tx,
    receipt_row_id: &str,
    key_id: &str,
    note: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO receipt_signatures (receipt_row_id, key_id, note, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(receipt_row_id)
    .bind(key_id)
    .bind(note)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The receipt hashes of an organisation's chain, in order, up to `limit` entries.
pub async fn leaves(db: &Db, org_id: &str) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT org_seq, receipt_sha256 FROM receipts WHERE org_id = $1 ORDER BY org_seq",
    )
    .bind(org_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((int(r, "org_seq")?, text(r, "receipt_sha256")?)))
        .collect()
}

#[derive(Clone, Debug)]
pub struct CheckpointRow {
    pub tree_size: i64,
    pub root_hash: String,
    pub key_id: String,
    pub note: String,
}

/// The largest checkpoint signed for an organisation.
pub async fn latest_checkpoint(
    db: &Db,
    org_id: &str,
) -> Result<Option<CheckpointRow>, sqlx::Error> {
    sqlx::query(
        "SELECT tree_size, root_hash, key_id, note FROM checkpoints WHERE org_id = $1 \
         ORDER BY tree_size DESC LIMIT 1",
    )
    .bind(org_id)
    .fetch_optional(&db.pool)
    .await?
    .map(|r| {
        Ok(CheckpointRow {
            tree_size: int(&r, "tree_size")?,
            root_hash: text(&r, "root_hash")?,
            key_id: text(&r, "key_id")?,
            note: text(&r, "note")?,
        })
    })
    .transpose()
}

/// Stores a checkpoint unless one of that size exists; returns the stored one.
pub async fn insert_checkpoint(
    db: &Db,
    org_id: &str,
    row: &CheckpointRow,
    now: &str,
) -> Result<CheckpointRow, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO checkpoints (org_id, tree_size, root_hash, key_id, note, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id, tree_size) DO NOTHING",
    )
    .bind(org_id)
    .bind(row.tree_size)
    .bind(&row.root_hash)
    .bind(&row.key_id)
    .bind(&row.note)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let stored = sqlx::query(
        "SELECT tree_size, root_hash, key_id, note FROM checkpoints WHERE org_id = $1 AND tree_size = $2",
    )
    .bind(org_id)
    .bind(row.tree_size)
    .fetch_one(&mut *tx)
    .await?;
    let value = CheckpointRow {
        tree_size: int(&stored, "tree_size")?,
        root_hash: text(&stored, "root_hash")?,
        key_id: text(&stored, "key_id")?,
        note: text(&stored, "note")?,
    };
    tx.commit().await?;
    Ok(value)
}

/// The signatures of a page of the chain, by receipt row id.
pub async fn signatures_for_chain(
    db: &Db,
    org_id: &str,
    from_seq: i64,
    limit: i64,
) -> Result<std::collections::HashMap<String, (String, String)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT s.receipt_row_id, s.key_id, s.note FROM receipt_signatures s \
         JOIN receipts r ON r.id = s.receipt_row_id \
         WHERE r.org_id = $1 AND r.org_seq >= $2 AND r.org_seq < $3",
    )
    .bind(org_id)
    .bind(from_seq)
    .bind(from_seq.saturating_add(limit))
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                text(r, "receipt_row_id")?,
                (text(r, "key_id")?, text(r, "note")?),
            ))
        })
        .collect()
}

/// A receipt of a chain with what its signature covers.
#[derive(Clone, Debug)]
pub struct SignedLeaf {
    pub org_seq: i64,
    pub receipt_id: String,
    pub receipt_sha256: String,
    /// (key id, signed note), if the receipt has a signature.
    pub signature: Option<(String, String)>,
}

/// The receipts at positions `from_seq..to_seq` of an organisation's chain, in
/// order, each with its signature.
pub async fn signed_leaves(
    db: &Db,
    org_id: &str,
    from_seq: i64,
    to_seq: i64,
) -> Result<Vec<SignedLeaf>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT r.org_seq, r.receipt_id, r.receipt_sha256, s.key_id, s.note FROM receipts r \
         LEFT JOIN receipt_signatures s ON s.receipt_row_id = r.id \
         WHERE r.org_id = $1 AND r.org_seq >= $2 AND r.org_seq < $3 ORDER BY r.org_seq",
    )
    .bind(org_id)
    .bind(from_seq)
    .bind(to_seq)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SignedLeaf {
                org_seq: int(r, "org_seq")?,
                receipt_id: text(r, "receipt_id")?,
                receipt_sha256: text(r, "receipt_sha256")?,
                signature: opt_text(r, "key_id")?.zip(opt_text(r, "note")?),
            })
        })
        .collect()
}
