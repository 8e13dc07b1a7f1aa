//! Runs, their evidence items and the agent's submissions.

use sqlx::any::AnyRow;
use sqlx::Any;

use super::{int, opt_text, text, Db};

#[derive(Clone, Debug)]
pub struct RunRow {
    pub id: String,
    pub org_id: String,
    pub project_id: String,
    pub flight_sheet_id: Option<String>,
    /// The definition the run was assigned (see `flight_sheet_versions`).
    pub flight_sheet_sha256: Option<String>,
    pub agent_profile_id: Option<String>,
    /// The owner who started this run on a lane its agent profile blocks.
    pub lane_override_by: Option<String>,
    pub lane: String,
    pub title: String,
    pub status: String,
    pub inputs: String,
    pub assignment_text: Option<String>,
    pub agent_name: Option<String>,
    pub model_name: Option<String>,
    pub provider: Option<String>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
}

fn run_row(row: &AnyRow) -> Result<RunRow, sqlx::Error> {
    Ok(RunRow {
        id: text(row, "id")?,
        org_id: text(row, "org_id")?,
        project_id: text(row, "project_id")?,
        flight_sheet_id: opt_text(row, "flight_sheet_id")?,
        flight_sheet_sha256: opt_text(row, "flight_sheet_sha256")?,
        agent_profile_id: opt_text(row, "agent_profile_id")?,
        lane_override_by: opt_text(row, "lane_override_by")?,
        lane: text(row, "lane")?,
        title: text(row, "title")?,
        status: text(row, "status")?,
        inputs: text(row, "inputs")?,
        assignment_text: opt_text(row, "assignment_text")?,
        agent_name: opt_text(row, "agent_name")?,
        model_name: opt_text(row, "model_name")?,
        provider: opt_text(row, "provider")?,
        created_by: text(row, "created_by")?,
        created_at: text(row, "created_at")?,
        updated_at: text(row, "updated_at")?,
    })
}

pub async fn insert(db: &Db, run: &RunRow) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO runs (id, org_id, project_id, flight_sheet_id, agent_profile_id, lane, title, status, inputs, \
         assignment_text, agent_name, model_name, provider, created_by, created_at, updated_at, flight_sheet_sha256, lane_override_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
    )
    .bind(&run.id)
    .bind(&run.org_id)
    .bind(&run.project_id)
    .bind(&run.flight_sheet_id)
    .bind(&run.agent_profile_id)
    .bind(&run.lane)
    .bind(&run.title)
    .bind(&run.status)
    .bind(&run.inputs)
    .bind(&run.assignment_text)
    .bind(&run.agent_name)
    .bind(&run.model_name)
    .bind(&run.provider)
    .bind(&run.created_by)
    .bind(&run.created_at)
    .bind(&run.updated_at)
    .bind(&run.flight_sheet_sha256)
    .bind(&run.lane_override_by)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// A run of this organisation (another organisation's run is "not found").
pub async fn get(db: &Db, org_id: &str, id: &str) -> Result<Option<RunRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM runs WHERE org_id = $1 AND id = $2")
        .bind(org_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| run_row(&r))
        .transpose()
}

/// Locks the run for the rest of the transaction (a write on its row) and
/// returns it as it is now: every state change of a run goes through this.
pub async fn lock(
    tx: &mut crate::store::Tx,
    org_id: &str,
    id: &str,
    now: &str,
) -> Result<Option<RunRow>, sqlx::Error> {
    super::lock_row(tx, "runs", super::Touch::UpdatedAt(now), Some(org_id), id)
        .await?
        .map(|r| run_row(&r))
        .transpose()
}

/// Marks an approved run receipted only if it is still as it was read: the
/// same `updated_at` (every change to a run's facts touches it) and the same
/// current approval. Takes the run's row lock. True when it was marked.
pub async fn mark_receipted_if_unchanged(
    tx: &mut crate::store::Tx,
    org_id: &str,
    id: &str,
    read_at: &str,
    approval_id: &str,
    now: &str,
) -> Result<bool, sqlx::Error> {
    let marked = sqlx::query(
        "UPDATE runs SET status = 'receipted', updated_at = $1 \
         WHERE org_id = $2 AND id = $3 AND status = 'approved' AND updated_at = $4 \
         AND (SELECT a.id FROM approvals a WHERE a.run_id = runs.id AND a.voided_at IS NULL \
              ORDER BY a.created_at DESC LIMIT 1) = $5",
    )
    .bind(now)
    .bind(org_id)
    .bind(id)
    .bind(read_at)
    .bind(approval_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(marked == 1)
}

pub async fn set_status(
    tx: &mut crate::store::Tx,
    id: &str,
    status: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE runs SET status = $1 WHERE id = $2")
        .bind(status)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn set_agent(
    tx: &mut crate::store::Tx,
    id: &str,
    agent_name: &Option<String>,
    model_name: &Option<String>,
    provider: &Option<String>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE runs SET agent_name = $1, model_name = $2, provider = $3 WHERE id = $4")
        .bind(agent_name)
        .bind(model_name)
        .bind(provider)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

macro_rules! select_runs_with_verdict {
    () => {
        "SELECT r.*, (SELECT v.outcome FROM verdicts v WHERE v.run_id = r.id AND v.voided_at IS NULL \
         ORDER BY v.created_at DESC LIMIT 1) AS verdict_outcome FROM runs r"
    };
}

/// One row of the run list, with the current verdict's outcome.
#[derive(Clone, Debug)]
pub struct RunListRow {
    pub run: RunRow,
    pub verdict: Option<String>,
}

/// One page of the organisation's runs (optionally of one project), newest first,
/// after the `(created_at, id)` position `after` when given.
pub async fn list(
    db: &Db,
    org_id: &str,
    project_id: Option<&str>,
    limit: i64,
    after: Option<(&str, &str)>,
) -> Result<Vec<RunListRow>, sqlx::Error> {
    let (at, id) = after.unzip();
    let rows = sqlx::query(concat!(
        select_runs_with_verdict!(),
        " WHERE r.org_id = $1 AND ($2 IS NULL OR r.project_id = $2) \
         AND ($3 IS NULL OR r.created_at < $3 OR (r.created_at = $3 AND r.id < $4)) \
         ORDER BY r.created_at DESC, r.id DESC LIMIT $5"
    ))
    .bind(org_id)
    .bind(project_id)
    .bind(at)
    .bind(id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(RunListRow {
                run: run_row(r)?,
                verdict: opt_text(r, "verdict_outcome")?,
            })
        })
        .collect()
}

#[derive(Clone, Debug)]
pub struct EvidenceRow {
    pub id: String,
    pub run_id: String,
    pub kind: String,
    pub label: String,
    pub content: Option<String>,
    pub filename: Option<String>,
    pub blob_key: Option<String>,
    pub sha256: Option<String>,
    pub byte_size: Option<i64>,
    pub content_type: Option<String>,
    pub created_by: String,
    pub created_at: String,
}

fn evidence_row(row: &AnyRow) -> Result<EvidenceRow, sqlx::Error> {
    Ok(EvidenceRow {
        id: text(row, "id")?,
        run_id: text(row, "run_id")?,
        kind: text(row, "kind")?,
        label: text(row, "label")?,
        content: opt_text(row, "content")?,
        filename: opt_text(row, "filename")?,
        blob_key: opt_text(row, "blob_key")?,
        sha256: opt_text(row, "sha256")?,
        byte_size: sqlx::Row::try_get::<Option<i64>, _>(row, "byte_size")?,
        content_type: opt_text(row, "content_type")?,
        created_by: text(row, "created_by")?,
        created_at: text(row, "created_at")?,
    })
}

pub async fn insert_evidence(
    tx: &mut crate::store::Tx,
    e: &EvidenceRow,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO evidence_items (id, run_id, kind, label, content, filename, blob_key, sha256, byte_size, \
         content_type, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&e.id)
    .bind(&e.run_id)
    .bind(&e.kind)
    .bind(&e.label)
    .bind(&e.content)
    .bind(&e.filename)
    .bind(&e.blob_key)
    .bind(&e.sha256)
    .bind(e.byte_size)
    .bind(&e.content_type)
    .bind(&e.created_by)
    .bind(&e.created_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn evidence(db: &Db, run_id: &str) -> Result<Vec<EvidenceRow>, sqlx::Error> {
    evidence_on(&db.pool, run_id).await
}

/// A page of a run's evidence in the order it was added; with `preview`,
/// note text is cut to that many characters by the database.
pub async fn evidence_page(
    db: &Db,
    run_id: &str,
    offset: i64,
    limit: i64,
    preview: Option<i64>,
) -> Result<Vec<EvidenceRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, run_id, kind, label, filename, blob_key, sha256, byte_size, content_type, \
         created_by, created_at, \
         CASE WHEN $2 < 0 THEN content ELSE SUBSTR(content, 1, CAST($2 AS INTEGER)) END AS content \
         FROM evidence_items WHERE run_id = $1 ORDER BY created_at, id LIMIT $3 OFFSET $4",
    )
    .bind(run_id)
    .bind(preview.unwrap_or(-1))
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(evidence_row).collect()
}

/// [`evidence`] inside a transaction.
pub async fn evidence_tx(
    tx: &mut crate::store::Tx,
    run_id: &str,
) -> Result<Vec<EvidenceRow>, sqlx::Error> {
    evidence_on(&mut **tx, run_id).await
}

async fn evidence_on<'e>(
    exec: impl sqlx::Executor<'e, Database = Any>,
    run_id: &str,
) -> Result<Vec<EvidenceRow>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT * FROM evidence_items WHERE run_id = $1 ORDER BY created_at, id")
            .bind(run_id)
            .fetch_all(exec)
            .await?;
    rows.iter().map(evidence_row).collect()
}

#[derive(Clone, Debug)]
pub struct SubmissionRow {
    pub id: String,
    pub run_id: String,
    pub agent_name: Option<String>,
    pub model_name: Option<String>,
    pub provider: Option<String>,
    pub output_text: String,
    pub tool_logs: Option<String>,
    pub notes: Option<String>,
    pub sha256: String,
    pub submitted_by: String,
    pub submitted_at: String,
}

fn submission_row(row: &AnyRow) -> Result<SubmissionRow, sqlx::Error> {
    Ok(SubmissionRow {
        id: text(row, "id")?,
        run_id: text(row, "run_id")?,
        agent_name: opt_text(row, "agent_name")?,
        model_name: opt_text(row, "model_name")?,
        provider: opt_text(row, "provider")?,
        output_text: text(row, "output_text")?,
        tool_logs: opt_text(row, "tool_logs")?,
        notes: opt_text(row, "notes")?,
        sha256: text(row, "sha256")?,
        submitted_by: text(row, "submitted_by")?,
        submitted_at: text(row, "submitted_at")?,
    })
}

/// Stores a submission and supersedes the previous one.
pub async fn insert_submission(
    tx: &mut crate::store::Tx,
    s: &SubmissionRow,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE submissions SET superseded_at = $1 WHERE run_id = $2 AND superseded_at IS NULL",
    )
    .bind(&s.submitted_at)
    .bind(&s.run_id)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO submissions (id, run_id, agent_name, model_name, provider, output_text, tool_logs, notes, sha256, \
         submitted_by, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&s.id)
    .bind(&s.run_id)
    .bind(&s.agent_name)
    .bind(&s.model_name)
    .bind(&s.provider)
    .bind(&s.output_text)
    .bind(&s.tool_logs)
    .bind(&s.notes)
    .bind(&s.sha256)
    .bind(&s.submitted_by)
    .bind(&s.submitted_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The run's current (not superseded) submission.
pub async fn current_submission(
    db: &Db,
    run_id: &str,
) -> Result<Option<SubmissionRow>, sqlx::Error> {
    current_submission_on(&db.pool, run_id).await
}

/// [`current_submission`] inside a transaction.
pub async fn current_submission_tx(
    tx: &mut crate::store::Tx,
    run_id: &str,
) -> Result<Option<SubmissionRow>, sqlx::Error> {
    current_submission_on(&mut **tx, run_id).await
}

async fn current_submission_on<'e>(
    exec: impl sqlx::Executor<'e, Database = Any>,
    run_id: &str,
) -> Result<Option<SubmissionRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM submissions WHERE run_id = $1 AND superseded_at IS NULL")
        .bind(run_id)
        .fetch_optional(exec)
        .await?
        .map(|r| submission_row(&r))
        .transpose()
}

/// How many evidence items a run holds and their bytes (note text and files).
pub async fn evidence_totals<'e, E>(executor: E, run_id: &str) -> Result<(i64, i64), sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let row = sqlx::query(
        "SELECT COUNT(*) AS n, CAST(COALESCE(SUM(byte_size), 0) AS BIGINT) AS bytes \
         FROM evidence_items WHERE run_id = $1",
    )
    .bind(run_id)
    .fetch_one(executor)
    .await?;
    Ok((int(&row, "n")?, int(&row, "bytes")?))
}

/// Counts evidence items (used by audits).
pub async fn evidence_count_tx(
    tx: &mut crate::store::Tx,
    run_id: &str,
) -> Result<i64, sqlx::Error> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM evidence_items WHERE run_id = $1")
        .bind(run_id)
        .fetch_one(&mut **tx)
        .await?;
    int(&row, "n")
}
