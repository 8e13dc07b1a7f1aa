//! The flight-sheet library as stored: one row per slug, the definition as JSON text.

use sqlx::any::AnyRow;

use super::{int, text, Db};

#[derive(Clone, Debug)]
pub struct FlightSheetRow {
    pub id: String,
    pub slug: String,
    pub definition: String,
    pub definition_sha256: String,
    pub active: bool,
}

fn sheet_row(row: &AnyRow) -> Result<FlightSheetRow, sqlx::Error> {
    Ok(FlightSheetRow {
        id: text(row, "id")?,
        slug: text(row, "slug")?,
        definition: text(row, "definition")?,
        definition_sha256: text(row, "definition_sha256")?,
        active: int(row, "active")? != 0,
    })
}

pub async fn all(db: &Db) -> Result<Vec<FlightSheetRow>, sqlx::Error> {
    let rows = sqlx::query("SELECT * FROM flight_sheets ORDER BY name, slug")
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(sheet_row).collect()
}

pub async fn by_id_or_slug(db: &Db, key: &str) -> Result<Option<FlightSheetRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM flight_sheets WHERE id = $1 OR slug = $1")
        .bind(key)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| sheet_row(&r))
        .transpose()
}

/// Inserts or updates a sheet by slug (ids stay stable across restarts) and marks it active.
#[allow(clippy::too_many_arguments)]
pub async fn upsert(
    db: &Db,
    new_id: &str,
    slug: &str,
    name: &str,
    version: &str,
    lane: &str,
    definition: &str,
    definition_sha256: &str,
    source: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO flight_sheets (id, slug, name, version, lane, definition, definition_sha256, active, source, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9) \
         ON CONFLICT (slug) DO UPDATE SET name = excluded.name, version = excluded.version, lane = excluded.lane, \
         definition = excluded.definition, definition_sha256 = excluded.definition_sha256, active = 1, \
         source = excluded.source, updated_at = excluded.updated_at",
    )
    .bind(new_id)
    .bind(slug)
    .bind(name)
    .bind(version)
    .bind(lane)
    .bind(definition)
    .bind(definition_sha256)
    .bind(source)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO flight_sheet_versions (definition_sha256, slug, definition, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (definition_sha256) DO NOTHING",
    )
    .bind(definition_sha256)
    .bind(slug)
    .bind(definition)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// A definition by its hash (every version ever loaded is kept).
pub async fn version(db: &Db, definition_sha256: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query("SELECT definition FROM flight_sheet_versions WHERE definition_sha256 = $1")
        .bind(definition_sha256)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| text(&r, "definition"))
        .transpose()
}

/// Marks inactive every sheet whose slug is not in `keep`.
pub async fn deactivate_others(db: &Db, keep: &[String]) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let mut changed = 0;
    for row in all(db).await? {
        if row.active && !keep.contains(&row.slug) {
            changed += sqlx::query("UPDATE flight_sheets SET active = 0 WHERE id = $1")
                .bind(&row.id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
    }
    let value = changed;
    tx.commit().await?;
    Ok(value)
}
