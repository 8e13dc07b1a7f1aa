//! Applied rules (checks), verdicts and approvals of runs.

use sqlx::any::AnyRow;
use sqlx::Row;

use super::{int, opt_text, text, Db};

#[derive(Clone, Debug)]
pub struct CheckRow {
    pub id: String,
    pub run_id: String,
    pub position: i64,
    pub check_key: String,
    pub label: String,
    pub category: String,
    pub kind: String,
    pub status: String,
    pub severity: String,
    pub source: String,
    pub detail: String,
    pub score: Option<f64>,
    pub created_at: String,
}

fn check_row(row: &AnyRow) -> Result<CheckRow, sqlx::Error> {
    Ok(CheckRow {
        id: text(row, "id")?,
        run_id: text(row, "run_id")?,
        position: int(row, "position")?,
        check_key: text(row, "check_key")?,
        label: text(row, "label")?,
        category: text(row, "category")?,
        kind: text(row, "kind")?,
        status: text(row, "status")?,
        severity: text(row, "severity")?,
        source: text(row, "source")?,
        detail: text(row, "detail")?,
        score: row.try_get::<Option<f64>, _>("score")?,
        created_at: text(row, "created_at")?,
    })
}

/// Replaces every check of the run.
pub async fn replace_checks(
    tx: &mut crate::store::Tx,
    run_id: &str,
    checks: &[CheckRow],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM check_results WHERE run_id = $1")
        .bind(run_id)
        .execute(&mut **tx)
        .await?;
    // One multi-row statement per 64 checks (13 parameters a row stays far
    // below both backends' parameter limits).
    for chunk in checks.chunks(64) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|r| {
                let cols: Vec<String> = (1..=13).map(|c| format!("${}", r * 13 + c)).collect();
                format!("({})", cols.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO check_results (id, run_id, position, check_key, label, category, kind, status, severity, \
             source, detail, score, created_at) VALUES {}",
            rows.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for c in chunk {
            query = query
                .bind(c.id.clone())
                .bind(c.run_id.clone())
                .bind(c.position)
                .bind(c.check_key.clone())
                .bind(c.label.clone())
                .bind(c.category.clone())
                .bind(c.kind.clone())
                .bind(c.status.clone())
                .bind(c.severity.clone())
                .bind(c.source.clone())
                .bind(c.detail.clone())
                .bind(c.score)
                .bind(c.created_at.clone());
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

pub async fn checks(db: &Db, run_id: &str) -> Result<Vec<CheckRow>, sqlx::Error> {
    let rows = sqlx::query("SELECT * FROM check_results WHERE run_id = $1 ORDER BY position, id")
        .bind(run_id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(check_row).collect()
}

pub async fn checks_tx(
    tx: &mut crate::store::Tx,
    run_id: &str,
) -> Result<Vec<CheckRow>, sqlx::Error> {
    let rows = sqlx::query("SELECT * FROM check_results WHERE run_id = $1 ORDER BY position, id")
        .bind(run_id)
        .fetch_all(&mut **tx)
        .await?;
    rows.iter().map(check_row).collect()
}

pub async fn grade_check(
    tx: &mut crate::store::Tx,
    check_id: &str,
    status: &str,
    detail: &str,
    graded_by: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE check_results SET status = $1, detail = $2, source = 'operator', graded_by = $3 WHERE id = $4",
    )
    .bind(status)
    .bind(detail)
    .bind(graded_by)
    .bind(check_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[derive(Clone, Debug)]
pub struct VerdictRow {
    pub id: String,
    pub run_id: String,
    pub outcome: String,
    pub summary: String,
    pub score: f64,
    pub score_100: i64,
    pub severity: String,
    pub client_ready: String,
    pub recommended_action: String,
    pub checks_passed: i64,
    pub checks_failed: i64,
    pub risk_breakdown: String,
    pub submission_sha256: Option<String>,
    pub created_at: String,
}

fn verdict_row(row: &AnyRow) -> Result<VerdictRow, sqlx::Error> {
    Ok(VerdictRow {
        id: text(row, "id")?,
        run_id: text(row, "run_id")?,
        outcome: text(row, "outcome")?,
        summary: text(row, "summary")?,
        score: row.try_get::<f64, _>("score")?,
        score_100: int(row, "score_100")?,
        severity: text(row, "severity")?,
        client_ready: text(row, "client_ready")?,
        recommended_action: text(row, "recommended_action")?,
        checks_passed: int(row, "checks_passed")?,
        checks_failed: int(row, "checks_failed")?,
        risk_breakdown: text(row, "risk_breakdown")?,
        submission_sha256: opt_text(row, "submission_sha256")?,
        created_at: text(row, "created_at")?,
    })
}

/// Voids the current verdict and approvals of a run (a new submission, a
/// re-audit or a re-graded rule makes them stale).
pub async fn void_verdict_and_approvals(
    tx: &mut crate::store::Tx,
    run_id: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE verdicts SET voided_at = $1 WHERE run_id = $2 AND voided_at IS NULL")
        .bind(now)
        .bind(run_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE approvals SET voided_at = $1 WHERE run_id = $2 AND voided_at IS NULL")
        .bind(now)
        .bind(run_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn insert_verdict(tx: &mut crate::store::Tx, v: &VerdictRow) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO verdicts (id, run_id, outcome, summary, score, score_100, severity, client_ready, \
         recommended_action, checks_passed, checks_failed, risk_breakdown, submission_sha256, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(&v.id)
    .bind(&v.run_id)
    .bind(&v.outcome)
    .bind(&v.summary)
    .bind(v.score)
    .bind(v.score_100)
    .bind(&v.severity)
    .bind(&v.client_ready)
    .bind(&v.recommended_action)
    .bind(v.checks_passed)
    .bind(v.checks_failed)
    .bind(&v.risk_breakdown)
    .bind(&v.submission_sha256)
    .bind(&v.created_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

const CURRENT_VERDICT: &str =
    "SELECT * FROM verdicts WHERE run_id = $1 AND voided_at IS NULL ORDER BY created_at DESC LIMIT 1";

pub async fn current_verdict(db: &Db, run_id: &str) -> Result<Option<VerdictRow>, sqlx::Error> {
    sqlx::query(CURRENT_VERDICT)
        .bind(run_id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| verdict_row(&r))
        .transpose()
}

pub async fn current_verdict_tx(
    tx: &mut crate::store::Tx,
    run_id: &str,
) -> Result<Option<VerdictRow>, sqlx::Error> {
    sqlx::query(CURRENT_VERDICT)
        .bind(run_id)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| verdict_row(&r))
        .transpose()
}

#[derive(Clone, Debug)]
pub struct ApprovalRow {
    pub id: String,
    pub run_id: String,
    pub verdict_id: String,
    pub submission_sha256: Option<String>,
    pub decision: String,
    pub approver_user_id: String,
    pub approver_email: String,
    pub note: Option<String>,
    pub created_at: String,
}

fn approval_row(row: &AnyRow) -> Result<ApprovalRow, sqlx::Error> {
    Ok(ApprovalRow {
        id: text(row, "id")?,
        run_id: text(row, "run_id")?,
        verdict_id: text(row, "verdict_id")?,
        submission_sha256: opt_text(row, "submission_sha256")?,
        decision: text(row, "decision")?,
        approver_user_id: text(row, "approver_user_id")?,
        approver_email: text(row, "approver_email")?,
        note: opt_text(row, "note")?,
        created_at: text(row, "created_at")?,
    })
}

/// Records a decision; it replaces the previous decision on the same verdict.
pub async fn insert_approval(
    tx: &mut crate::store::Tx,
    a: &ApprovalRow,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE approvals SET voided_at = $1 WHERE run_id = $2 AND voided_at IS NULL")
        .bind(&a.created_at)
        .bind(&a.run_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO approvals (id, run_id, verdict_id, submission_sha256, decision, approver_user_id, approver_email, \
         note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&a.id)
    .bind(&a.run_id)
    .bind(&a.verdict_id)
    .bind(&a.submission_sha256)
    .bind(&a.decision)
    .bind(&a.approver_user_id)
    .bind(&a.approver_email)
    .bind(&a.note)
    .bind(&a.created_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

const CURRENT_APPROVAL: &str =
    "SELECT * FROM approvals WHERE run_id = $1 AND voided_at IS NULL ORDER BY created_at DESC LIMIT 1";

pub async fn current_approval(db: &Db, run_id: &str) -> Result<Option<ApprovalRow>, sqlx::Error> {
    sqlx::query(CURRENT_APPROVAL)
        .bind(run_id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| approval_row(&r))
        .transpose()
}

pub async fn current_approval_tx(
    tx: &mut crate::store::Tx,
    run_id: &str,
) -> Result<Option<ApprovalRow>, sqlx::Error> {
    sqlx::query(CURRENT_APPROVAL)
        .bind(run_id)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| approval_row(&r))
        .transpose()
}
