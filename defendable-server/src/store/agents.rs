//! Agent profiles, the facts their capability is computed from (a bounded number of
//! queries for any number of runs), incidents and incident receipts.

use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};

use super::{int, opt_text, text, Db};

#[derive(Clone, Debug)]
pub struct ProfileRow {
    pub id: String,
    pub org_id: String,
    pub name: String,
    pub harness: Option<String>,
    pub harness_version: Option<String>,
    pub model: Option<String>,
    pub model_provider: Option<String>,
    pub served_by: Option<String>,
    pub runtime_host: Option<String>,
    pub runtime_os: Option<String>,
    pub runtime_hardware: Option<String>,
    /// A JSON list of strings.
    pub tools: String,
    pub context_window: Option<i64>,
    pub capability_tier: Option<String>,
    pub notes: Option<String>,
    /// A JSON object.
    pub governance: String,
    pub active: bool,
    pub created_by: String,
    pub created_at: String,
}

fn profile_row(row: &AnyRow) -> Result<ProfileRow, sqlx::Error> {
    Ok(ProfileRow {
        id: text(row, "id")?,
        org_id: text(row, "org_id")?,
        name: text(row, "name")?,
        harness: opt_text(row, "harness")?,
        harness_version: opt_text(row, "harness_version")?,
        model: opt_text(row, "model")?,
        model_provider: opt_text(row, "model_provider")?,
        served_by: opt_text(row, "served_by")?,
        runtime_host: opt_text(row, "runtime_host")?,
        runtime_os: opt_text(row, "runtime_os")?,
        runtime_hardware: opt_text(row, "runtime_hardware")?,
        tools: text(row, "tools")?,
        context_window: row.try_get::<Option<i64>, _>("context_window")?,
        capability_tier: opt_text(row, "capability_tier")?,
        notes: opt_text(row, "notes")?,
        governance: text(row, "governance")?,
        active: int(row, "active")? != 0,
        created_by: text(row, "created_by")?,
        created_at: text(row, "created_at")?,
    })
}

pub async fn insert_profile(db: &Db, p: &ProfileRow) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO agent_profiles (id, org_id, name, harness, harness_version, model, model_provider, \
         served_by, runtime_host, runtime_os, runtime_hardware, tools, context_window, capability_tier, \
         notes, governance, active, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
    )
    .bind(&p.id)
    .bind(&p.org_id)
    .bind(&p.name)
    .bind(&p.harness)
    .bind(&p.harness_version)
    .bind(&p.model)
    .bind(&p.model_provider)
    .bind(&p.served_by)
    .bind(&p.runtime_host)
    .bind(&p.runtime_os)
    .bind(&p.runtime_hardware)
    .bind(&p.tools)
    .bind(p.context_window)
    .bind(&p.capability_tier)
    .bind(&p.notes)
    .bind(&p.governance)
    .bind(i64::from(p.active))
    .bind(&p.created_by)
    .bind(&p.created_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// A profile of this organisation (another organisation's is "not found").
pub async fn profile(db: &Db, org_id: &str, id: &str) -> Result<Option<ProfileRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM agent_profiles WHERE org_id = $1 AND id = $2")
        .bind(org_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| profile_row(&r))
        .transpose()
}

/// A position in a newest-first listing: (created_at, id) of the last row seen.
pub type After<'a> = Option<(&'a str, &'a str)>;

/// One page of the organisation's active profiles, newest first.
pub async fn profiles_page(
    db: &Db,
    org_id: &str,
    limit: i64,
    after: After<'_>,
) -> Result<Vec<ProfileRow>, sqlx::Error> {
    let (at, id) = after.unzip();
    sqlx::query(
        "SELECT * FROM agent_profiles WHERE org_id = $1 AND active = 1 \
         AND ($2 IS NULL OR created_at < $2 OR (created_at = $2 AND id < $3)) \
         ORDER BY created_at DESC, id DESC LIMIT $4",
    )
    .bind(org_id)
    .bind(at)
    .bind(id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(profile_row)
    .collect()
}

/// Every active profile of the organisation, newest first.
pub async fn active_profiles(db: &Db, org_id: &str) -> Result<Vec<ProfileRow>, sqlx::Error> {
    sqlx::query(
        "SELECT * FROM agent_profiles WHERE org_id = $1 AND active = 1 ORDER BY created_at DESC, id DESC",
    )
    .bind(org_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(profile_row)
    .collect()
}

/// Locks a profile for the rest of the transaction and returns it as it is now.
pub async fn lock_profile(
    tx: &mut crate::store::Tx,
    org_id: &str,
    id: &str,
) -> Result<Option<ProfileRow>, sqlx::Error> {
    let touch = super::Touch::Column("governance");
    super::lock_row(tx, "agent_profiles", touch, Some(org_id), id)
        .await?
        .map(|r| profile_row(&r))
        .transpose()
}

pub async fn set_governance(
    tx: &mut crate::store::Tx,
    id: &str,
    governance: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE agent_profiles SET governance = $1 WHERE id = $2")
        .bind(governance)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Which profiles' runs to read.
pub enum Scope<'a> {
    /// These profiles (at most a page of them).
    Profiles(&'a [String]),
    /// Every active profile of the organisation.
    Active,
}

fn scope_sql(scope: &Scope<'_>) -> String {
    match scope {
        Scope::Profiles([]) => "AND 1 = 0".into(),
        Scope::Profiles(ids) => {
            let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 2)).collect();
            format!("AND r.agent_profile_id IN ({})", marks.join(", "))
        }
        Scope::Active => "AND r.agent_profile_id IN \
             (SELECT id FROM agent_profiles WHERE org_id = $1 AND active = 1)"
            .into(),
    }
}

/// One run of a profile with its current verdict, if any.
#[derive(Clone, Debug)]
pub struct RunFact {
    pub run_id: String,
    pub profile_id: String,
    pub title: String,
    pub flight_sheet_id: Option<String>,
    pub sheet_name: Option<String>,
    pub lane: String,
    pub created_at: String,
    pub outcome: Option<String>,
    pub severity: Option<String>,
    pub score_100: Option<i64>,
    pub verdict_at: Option<String>,
}

/// Every run of the scoped profiles with its current verdict: one query.
pub async fn run_facts(
    db: &Db,
    org_id: &str,
    scope: &Scope<'_>,
) -> Result<Vec<RunFact>, sqlx::Error> {
    let sql = format!(
        "SELECT r.id AS run_id, r.agent_profile_id, r.title, r.flight_sheet_id, f.name AS sheet_name, \
         r.lane, r.created_at, v.outcome, v.severity, v.score_100, v.created_at AS verdict_at \
         FROM runs r \
         LEFT JOIN flight_sheets f ON f.id = r.flight_sheet_id \
         LEFT JOIN verdicts v ON v.run_id = r.id AND v.voided_at IS NULL \
         WHERE r.org_id = $1 {} ORDER BY r.created_at DESC, r.id DESC",
        scope_sql(scope)
    );
    let mut query = sqlx::query(AssertSqlSafe(sql)).bind(org_id);
    if let Scope::Profiles(ids) = scope {
        for id in *ids {
            query = query.bind(id);
        }
    }
    query
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(RunFact {
                run_id: text(row, "run_id")?,
                profile_id: text(row, "agent_profile_id")?,
                title: text(row, "title")?,
                flight_sheet_id: opt_text(row, "flight_sheet_id")?,
                sheet_name: opt_text(row, "sheet_name")?,
                lane: text(row, "lane")?,
                created_at: text(row, "created_at")?,
                outcome: opt_text(row, "outcome")?,
                severity: opt_text(row, "severity")?,
                score_100: row.try_get::<Option<i64>, _>("score_100")?,
                verdict_at: opt_text(row, "verdict_at")?,
            })
        })
        .collect()
}

/// One applied rule (passed or flagged) of a profile's run.
#[derive(Clone, Debug)]
pub struct CheckFact {
    pub profile_id: String,
    pub category: String,
    pub label: String,
    pub status: String,
    pub severity: String,
}

/// The passed and flagged rules of the scoped profiles' runs (only the flags when
/// `flags_only`): one query.
pub async fn check_facts(
    db: &Db,
    org_id: &str,
    scope: &Scope<'_>,
    flags_only: bool,
) -> Result<Vec<CheckFact>, sqlx::Error> {
    let statuses = if flags_only {
        "('flag')"
    } else {
        "('pass', 'flag')"
    };
    let sql = format!(
        "SELECT r.agent_profile_id, c.category, c.label, c.status, c.severity \
         FROM check_results c JOIN runs r ON r.id = c.run_id \
         WHERE r.org_id = $1 AND c.status IN {statuses} {}",
        scope_sql(scope)
    );
    let mut query = sqlx::query(AssertSqlSafe(sql)).bind(org_id);
    if let Scope::Profiles(ids) = scope {
        for id in *ids {
            query = query.bind(id);
        }
    }
    query
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(CheckFact {
                profile_id: text(row, "agent_profile_id")?,
                category: text(row, "category")?,
                label: text(row, "label")?,
                status: text(row, "status")?,
                severity: text(row, "severity")?,
            })
        })
        .collect()
}

#[derive(Clone, Debug)]
pub struct IncidentRow {
    pub id: String,
    pub org_id: String,
    pub agent_profile_id: Option<String>,
    pub run_id: Option<String>,
    pub kind: String,
    pub tier: String,
    pub title: String,
    pub detail: Option<String>,
    pub lane: Option<String>,
    /// A JSON list of strings.
    pub response: String,
    pub status: String,
    /// Bumped on every status change: receipts are minted once per revision.
    pub revision: i64,
    pub receipt_row_id: Option<String>,
    pub created_by: String,
    pub created_at: String,
    pub resolved_at: Option<String>,
    /// Joined: the profile's name and the newest receipt's share token.
    pub agent_profile_name: Option<String>,
    pub share_token: Option<String>,
}

fn incident_row(row: &AnyRow) -> Result<IncidentRow, sqlx::Error> {
    Ok(IncidentRow {
        id: text(row, "id")?,
        org_id: text(row, "org_id")?,
        agent_profile_id: opt_text(row, "agent_profile_id")?,
        run_id: opt_text(row, "run_id")?,
        kind: text(row, "kind")?,
        tier: text(row, "tier")?,
        title: text(row, "title")?,
        detail: opt_text(row, "detail")?,
        lane: opt_text(row, "lane")?,
        response: text(row, "response")?,
        status: text(row, "status")?,
        revision: int(row, "revision")?,
        receipt_row_id: opt_text(row, "receipt_row_id")?,
        created_by: text(row, "created_by")?,
        created_at: text(row, "created_at")?,
        resolved_at: opt_text(row, "resolved_at")?,
        agent_profile_name: opt_text(row, "agent_profile_name")?,
        share_token: opt_text(row, "share_token")?,
    })
}

const INCIDENT_SELECT: &str = "SELECT i.*, p.name AS agent_profile_name, rc.share_token \
     FROM incidents i \
     LEFT JOIN agent_profiles p ON p.id = i.agent_profile_id \
     LEFT JOIN receipts rc ON rc.id = i.receipt_row_id";

pub async fn insert_incident(
    tx: &mut crate::store::Tx,
    i: &IncidentRow,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO incidents (id, org_id, agent_profile_id, run_id, kind, tier, title, detail, lane, \
         response, status, revision, receipt_row_id, created_by, created_at, resolved_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(&i.id)
    .bind(&i.org_id)
    .bind(&i.agent_profile_id)
    .bind(&i.run_id)
    .bind(&i.kind)
    .bind(&i.tier)
    .bind(&i.title)
    .bind(&i.detail)
    .bind(&i.lane)
    .bind(&i.response)
    .bind(&i.status)
    .bind(i.revision)
    .bind(&i.receipt_row_id)
    .bind(&i.created_by)
    .bind(&i.created_at)
    .bind(&i.resolved_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// An incident of this organisation with its joined names.
pub async fn incident(db: &Db, org_id: &str, id: &str) -> Result<Option<IncidentRow>, sqlx::Error> {
    sqlx::query(AssertSqlSafe(format!(
        "{INCIDENT_SELECT} WHERE i.org_id = $1 AND i.id = $2"
    )))
    .bind(org_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    .map(|r| incident_row(&r))
    .transpose()
}

/// One page of the organisation's incidents, newest first.
pub async fn incidents_page(
    db: &Db,
    org_id: &str,
    profile_id: Option<&str>,
    status: Option<&str>,
    limit: i64,
    after: After<'_>,
) -> Result<Vec<IncidentRow>, sqlx::Error> {
    let (at, id) = after.unzip();
    sqlx::query(AssertSqlSafe(format!(
        "{INCIDENT_SELECT} WHERE i.org_id = $1 \
         AND ($2 IS NULL OR i.agent_profile_id = $2) \
         AND ($3 IS NULL OR i.status = $3) \
         AND ($4 IS NULL OR i.created_at < $4 OR (i.created_at = $4 AND i.id < $5)) \
         ORDER BY i.created_at DESC, i.id DESC LIMIT $6"
    )))
    .bind(org_id)
    .bind(profile_id)
    .bind(status)
    .bind(at)
    .bind(id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(incident_row)
    .collect()
}

/// Locks an incident for the rest of the transaction and returns it as it is now.
pub async fn lock_incident(
    tx: &mut crate::store::Tx,
    org_id: &str,
    id: &str,
) -> Result<Option<IncidentRow>, sqlx::Error> {
    let touch = super::Touch::Column("revision");
    if super::lock_row(tx, "incidents", touch, Some(org_id), id)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    sqlx::query(AssertSqlSafe(format!("{INCIDENT_SELECT} WHERE i.id = $1")))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| incident_row(&r))
        .transpose()
}

/// Changes an incident's status and moves it to its next revision.
pub async fn set_incident_status(
    tx: &mut crate::store::Tx,
    id: &str,
    status: &str,
    resolved_at: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE incidents SET status = $1, resolved_at = $2, revision = revision + 1 WHERE id = $3",
    )
    .bind(status)
    .bind(resolved_at)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The lanes of a profile's open recurring_flag incidents.
pub async fn open_recurring_lanes(
    tx: &mut crate::store::Tx,
    profile_id: &str,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query(
        "SELECT lane FROM incidents WHERE agent_profile_id = $1 AND kind = 'recurring_flag' \
         AND status = 'open' AND lane IS NOT NULL",
    )
    .bind(profile_id)
    .fetch_all(&mut **tx)
    .await?
    .iter()
    .map(|r| text(r, "lane"))
    .collect()
}

/// The receipt row minted for this revision of an incident, if any.
pub async fn receipt_for_revision(
    tx: &mut crate::store::Tx,
    incident_id: &str,
    revision: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query(
        "SELECT receipt_row_id FROM incident_receipts WHERE incident_id = $1 AND revision = $2",
    )
    .bind(incident_id)
    .bind(revision)
    .fetch_optional(&mut **tx)
    .await?
    .map(|r| text(&r, "receipt_row_id"))
    .transpose()
}

/// Records the receipt of an incident revision and makes it the incident's newest.
pub async fn record_receipt(
    tx: &mut crate::store::Tx,
    incident_id: &str,
    revision: i64,
    receipt_row_id: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO incident_receipts (incident_id, revision, receipt_row_id, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(incident_id)
    .bind(revision)
    .bind(receipt_row_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE incidents SET receipt_row_id = $1 WHERE id = $2")
        .bind(receipt_row_id)
        .bind(incident_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The current name of a flight sheet (what its lane is called).
pub async fn sheet_name(db: &Db, flight_sheet_id: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query("SELECT name FROM flight_sheets WHERE id = $1")
        .bind(flight_sheet_id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| text(&r, "name"))
        .transpose()
}
