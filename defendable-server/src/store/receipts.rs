//! Receipts: the per-organisation chain. Appending is serialised per organisation
//! by a write on the organisation's row inside the minting transaction (a row lock
//! on PostgreSQL, the write lock on SQLite), backed by UNIQUE(org_id, org_seq).

use sqlx::any::AnyRow;

use super::{int, opt_text, text, Db};

#[derive(Clone, Debug)]
pub struct ReceiptRow {
    pub id: String,
    pub org_id: String,
    pub run_id: Option<String>,
    pub approval_id: Option<String>,
    pub receipt_id: String,
    pub org_seq: i64,
    pub parent_hash: String,
    pub receipt_sha256: String,
    pub share_token: String,
    pub schema_id: String,
    pub canonical_payload: String,
    pub created_at: String,
}

fn receipt_row(row: &AnyRow) -> Result<ReceiptRow, sqlx::Error> {
    Ok(ReceiptRow {
        id: text(row, "id")?,
        org_id: text(row, "org_id")?,
        run_id: opt_text(row, "run_id")?,
        approval_id: opt_text(row, "approval_id")?,
        receipt_id: text(row, "receipt_id")?,
        org_seq: int(row, "org_seq")?,
        parent_hash: text(row, "parent_hash")?,
        receipt_sha256: text(row, "receipt_sha256")?,
        share_token: text(row, "share_token")?,
        schema_id: text(row, "schema_id")?,
        canonical_payload: text(row, "canonical_payload")?,
        created_at: text(row, "created_at")?,
    })
}

/// The head of an organisation's chain: the last (org_seq, receipt_sha256).
pub type ChainHead = Option<(i64, String)>;

/// Takes the organisation's chain lock for the rest of the transaction and
/// returns the current head. Also counts the receipt about to be appended.
pub async fn lock_chain(tx: &mut crate::store::Tx, org_id: &str) -> Result<ChainHead, sqlx::Error> {
    lock_chain_for(tx, org_id, 1).await
}

/// [`lock_chain`] for `count` receipts about to be appended together.
pub async fn lock_chain_for(
    tx: &mut crate::store::Tx,
    org_id: &str,
    count: i64,
) -> Result<ChainHead, sqlx::Error> {
    sqlx::query("UPDATE orgs SET receipt_count = receipt_count + $2 WHERE id = $1")
        .bind(org_id)
        .bind(count)
        .execute(&mut **tx)
        .await?;
    let head = sqlx::query(
        "SELECT org_seq, receipt_sha256 FROM receipts WHERE org_id = $1 ORDER BY org_seq DESC LIMIT 1",
    )
    .bind(org_id)
    .fetch_optional(&mut **tx)
    .await?;
    head.map(|r| Ok((int(&r, "org_seq")?, text(&r, "receipt_sha256")?)))
        .transpose()
}

pub async fn insert(tx: &mut crate::store::Tx, r: &ReceiptRow) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO receipts (id, org_id, run_id, approval_id, receipt_id, org_seq, parent_hash, receipt_sha256, \
         share_token, schema_id, canonical_payload, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&r.id)
    .bind(&r.org_id)
    .bind(&r.run_id)
    .bind(&r.approval_id)
    .bind(&r.receipt_id)
    .bind(r.org_seq)
    .bind(&r.parent_hash)
    .bind(&r.receipt_sha256)
    .bind(&r.share_token)
    .bind(&r.schema_id)
    .bind(&r.canonical_payload)
    .bind(&r.created_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn for_approval_tx(
    tx: &mut crate::store::Tx,
    approval_id: &str,
) -> Result<Option<ReceiptRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM receipts WHERE approval_id = $1")
        .bind(approval_id)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| receipt_row(&r))
        .transpose()
}

/// A receipt's signature as stored: (key id, signed note).
pub type StoredSignature = (String, String);

/// A receipt by its share token, with its signature if it has one (receipts minted
/// before signing have none), in one query.
pub async fn by_share_token_signed(
    db: &Db,
    token: &str,
) -> Result<Option<(ReceiptRow, Option<StoredSignature>)>, sqlx::Error> {
    sqlx::query(
        "SELECT r.*, s.key_id AS signature_key_id, s.note AS signature_note FROM receipts r \
         LEFT JOIN receipt_signatures s ON s.receipt_row_id = r.id WHERE r.share_token = $1",
    )
    .bind(token)
    .fetch_optional(&db.pool)
    .await?
    .map(|r| {
        let signature = opt_text(&r, "signature_key_id")?.zip(opt_text(&r, "signature_note")?);
        Ok((receipt_row(&r)?, signature))
    })
    .transpose()
}

/// The newest receipt of a run.
pub async fn latest_for_run(db: &Db, run_id: &str) -> Result<Option<ReceiptRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM receipts WHERE run_id = $1 ORDER BY org_seq DESC LIMIT 1")
        .bind(run_id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| receipt_row(&r))
        .transpose()
}

/// A page of the chain in org_seq order.
pub async fn chain(
    db: &Db,
    org_id: &str,
    from_seq: i64,
    limit: i64,
) -> Result<Vec<ReceiptRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT * FROM receipts WHERE org_id = $1 AND org_seq >= $2 ORDER BY org_seq LIMIT $3",
    )
    .bind(org_id)
    .bind(from_seq)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(receipt_row).collect()
}

/// The organisation's newest receipts, optionally of one schema.
pub async fn recent(
    db: &Db,
    org_id: &str,
    schema: Option<&str>,
    limit: i64,
) -> Result<Vec<ReceiptRow>, sqlx::Error> {
    let rows = match schema {
        Some(schema) => {
            sqlx::query(
                "SELECT * FROM receipts WHERE org_id = $1 AND schema_id = $2 ORDER BY org_seq DESC LIMIT $3",
            )
            .bind(org_id)
            .bind(schema)
            .bind(limit)
            .fetch_all(&db.pool)
            .await?
        }
        None => {
            sqlx::query("SELECT * FROM receipts WHERE org_id = $1 ORDER BY org_seq DESC LIMIT $2")
                .bind(org_id)
                .bind(limit)
                .fetch_all(&db.pool)
                .await?
        }
    };
    rows.iter().map(receipt_row).collect()
}

/// A receipt by its row id, inside a transaction.
pub async fn by_id_tx(
    tx: &mut crate::store::Tx,
    id: &str,
) -> Result<Option<ReceiptRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM receipts WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| receipt_row(&r))
        .transpose()
}
