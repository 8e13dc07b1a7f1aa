//! Projects: groupings of runs inside an organisation.

use sqlx::any::AnyRow;

use super::{int, text, Db};

#[derive(Clone, Debug)]
pub struct ProjectRow {
    pub id: String,
    pub org_id: String,
    pub name: String,
    pub slug: String,
    pub run_count: i64,
    pub created_at: String,
}

fn project_row(row: &AnyRow) -> Result<ProjectRow, sqlx::Error> {
    Ok(ProjectRow {
        id: text(row, "id")?,
        org_id: text(row, "org_id")?,
        name: text(row, "name")?,
        slug: text(row, "slug")?,
        run_count: int(row, "run_count")?,
        created_at: text(row, "created_at")?,
    })
}

macro_rules! select_projects {
    () => {
        "SELECT p.id, p.org_id, p.name, p.slug, p.created_at, \
         (SELECT COUNT(*) FROM runs r WHERE r.project_id = p.id) AS run_count FROM projects p"
    };
}

pub async fn insert(db: &Db, project: &ProjectRow, created_by: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO projects (id, org_id, name, slug, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&project.id)
    .bind(&project.org_id)
    .bind(&project.name)
    .bind(&project.slug)
    .bind(created_by)
    .bind(&project.created_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

pub async fn list(db: &Db, org_id: &str) -> Result<Vec<ProjectRow>, sqlx::Error> {
    let rows = sqlx::query(concat!(
        select_projects!(),
        " WHERE p.org_id = $1 ORDER BY p.created_at DESC, p.id DESC"
    ))
    .bind(org_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(project_row).collect()
}

/// A project of this organisation (another organisation's project is "not found").
pub async fn get(db: &Db, org_id: &str, id: &str) -> Result<Option<ProjectRow>, sqlx::Error> {
    sqlx::query(concat!(
        select_projects!(),
        " WHERE p.org_id = $1 AND p.id = $2"
    ))
    .bind(org_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    .map(|r| project_row(&r))
    .transpose()
}
