//! The storage layer: one pool (SQLite by default, PostgreSQL when configured),
//! the migrations, and the queries grouped by concern. Nothing here knows HTTP.

pub mod access;
pub mod accounts;
pub mod agents;
pub mod audits;
pub mod cooks;
pub mod flight_sheets;
pub mod grants;
pub mod membership;
pub mod projects;
pub mod rate_limits;
pub mod receipts;
pub mod runner_tokens;
pub mod runs;
pub mod transparency;
pub mod writer;

pub use writer::Tx;

use std::time::Duration;

use anyhow::Context as _;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};

/// Which database is behind the pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// The database handle shared by every request.
#[derive(Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// SQLite's single writer (see [`writer`]); PostgreSQL writes on the pool.
    writer: Option<std::sync::Arc<writer::Writer>>,
}

/// The migrations, in order. The SQL is portable across both backends.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "core", include_str!("../../migrations/0001_core.sql")),
    (
        2,
        "access",
        include_str!("../../migrations/0002_access.sql"),
    ),
    (
        3,
        "sheet_versions",
        include_str!("../../migrations/0003_sheet_versions.sql"),
    ),
    (
        4,
        "signatures",
        include_str!("../../migrations/0004_signatures.sql"),
    ),
    (
        5,
        "membership",
        include_str!("../../migrations/0005_membership.sql"),
    ),
    (6, "cooks", include_str!("../../migrations/0006_cooks.sql")),
    (
        7,
        "agents",
        include_str!("../../migrations/0007_agents.sql"),
    ),
    (
        9,
        "dataset_grants",
        include_str!("../../migrations/0009_dataset_grants.sql"),
    ),
    (
        10,
        "auth_hardening",
        include_str!("../../migrations/0010_auth_hardening.sql"),
    ),
];

impl Db {
    /// Connects to `url` (`sqlite://...` or `postgres://...`), failing fast with a
    /// message that names the database when it cannot be reached.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            anyhow::bail!("unsupported DATABASE_URL (expected sqlite:// or postgres://): {url}");
        };
        let mut options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
        options = match backend {
            Backend::Sqlite => options
                .max_connections(8)
                .after_connect(|conn, _meta| {
                    Box::pin(async move {
                        sqlx::raw_sql(
                            "PRAGMA busy_timeout = 15000; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;",
                        )
                        .execute(conn)
                        .await?;
                        Ok(())
                    })
                }),
            Backend::Postgres => options.max_connections(16),
        };
        let pool = options
            .connect(url)
            .await
            .with_context(|| format!("cannot connect to the database at {}", redact_url(url)))?;
        if backend == Backend::Sqlite {
            sqlx::raw_sql("PRAGMA journal_mode = WAL;")
                .execute(&pool)
                .await
                .context("enabling WAL on the SQLite database")?;
        }
        let writer = (backend == Backend::Sqlite).then(|| writer::Writer::new(pool.clone()));
        Ok(Db {
            pool,
            backend,
            writer,
        })
    }

    /// Applies every migration not applied yet, each in its own transaction.
    pub async fn migrate(&self) -> anyhow::Result<Vec<i64>> {
        // Under the migrators' lock too: two PostgreSQL sessions running `CREATE
        // TABLE IF NOT EXISTS` at once can both try to create the table's type.
        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT pg_advisory_xact_lock(74410001)")
                .execute(&mut *tx)
                .await?;
        }
        sqlx::raw_sql(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )
        .execute(&mut *tx)
        .await
        .context("creating schema_migrations")?;
        tx.commit().await.context("creating schema_migrations")?;
        let mut applied = Vec::new();
        for (version, name, sql) in MIGRATIONS {
            let mut tx = self.pool.begin().await?;
            if self.backend == Backend::Postgres {
                // Serialise concurrent migrators (several server processes starting at once).
                sqlx::query("SELECT pg_advisory_xact_lock(74410001)")
                    .execute(&mut *tx)
                    .await?;
            }
            let done: i64 =
                sqlx::query("SELECT COUNT(*) AS n FROM schema_migrations WHERE version = $1")
                    .bind(*version)
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get("n")?;
            if done > 0 {
                tx.rollback().await?;
                continue;
            }
            sqlx::raw_sql(*sql)
                .execute(&mut *tx)
                .await
                .with_context(|| format!("applying migration {version} ({name})"))?;
            sqlx::query(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            )
            .bind(*version)
            .bind(*name)
            .bind(crate::time::now_micros())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            applied.push(*version);
        }
        Ok(applied)
    }

    /// A write transaction: a savepoint in the writer's batch on SQLite (its
    /// commit returns once the batch is durable), a pooled transaction on
    /// PostgreSQL. Every write goes through one.
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        match &self.writer {
            Some(writer) => writer.begin().await,
            None => Ok(Tx::pooled(self.pool.begin().await?)),
        }
    }

    /// `SELECT 1`.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }
}

/// Hides a password in a database URL.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let creds = &url[scheme_end + 3..at];
            match creds.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme_end + 3],
                    &creds[..colon],
                    &url[at..]
                ),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// True when the error is a uniqueness violation (a lost race to insert).
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Database(db) => {
            db.is_unique_violation()
                || db.message().contains("UNIQUE constraint failed")
                || db.code().as_deref() == Some("23505")
        }
        _ => false,
    }
}

/// True when the error is SQLite's "database is locked" or a PostgreSQL
/// serialisation/deadlock failure: the transaction can simply be retried.
pub fn is_retryable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Database(db) => {
            let code = db.code();
            matches!(
                code.as_deref(),
                Some("40001") | Some("40P01") | Some("5") | Some("6") | Some("517")
            ) || db.message().contains("database is locked")
        }
        // Every pooled connection busy: retry shortly rather than fail.
        sqlx::Error::PoolTimedOut => true,
        _ => false,
    }
}

/// True when the database refused text it cannot store (PostgreSQL and NUL
/// characters): the client's input, so a 400 rather than a 500.
pub fn is_invalid_text(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Database(db) => {
            matches!(db.code().as_deref(), Some("22021") | Some("22P05"))
        }
        _ => false,
    }
}

/// Reads an optional text column.
pub fn opt_text(row: &AnyRow, column: &str) -> Result<Option<String>, sqlx::Error> {
    row.try_get::<Option<String>, _>(column)
}

/// Reads a text column.
pub fn text(row: &AnyRow, column: &str) -> Result<String, sqlx::Error> {
    row.try_get::<String, _>(column)
}

/// Reads an integer column.
pub fn int(row: &AnyRow, column: &str) -> Result<i64, sqlx::Error> {
    row.try_get::<i64, _>(column)
}

/// How [`lock_row`] writes to the row it locks.
#[derive(Clone, Copy, Debug)]
pub enum Touch<'a> {
    /// Sets a column to itself: the row is locked, nothing changes.
    Column(&'static str),
    /// Sets `updated_at` to this time: the lock also marks the row changed.
    UpdatedAt(&'a str),
}

/// Locks one row of `table` (by `id`, and within `org_id` when given) for the
/// rest of `tx` by writing to it: an UPDATE takes the row's write lock on both
/// backends, and SQLite has no `SELECT ... FOR UPDATE`. The row as it is
/// now, in the same statement; `None` when there is no such row. `table` and
/// the column are the caller's constants, never input.
pub async fn lock_row(
    tx: &mut crate::store::Tx,
    table: &'static str,
    touch: Touch<'_>,
    org_id: Option<&str>,
    id: &str,
) -> Result<Option<AnyRow>, sqlx::Error> {
    let (set, first) = match touch {
        Touch::Column(column) => (format!("{column} = {column}"), 1),
        Touch::UpdatedAt(_) => ("updated_at = $1".to_string(), 2),
    };
    let scope = match org_id {
        Some(_) => format!(" AND org_id = ${}", first + 1),
        None => String::new(),
    };
    let sql = format!("UPDATE {table} SET {set} WHERE id = ${first}{scope} RETURNING *");
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    if let Touch::UpdatedAt(now) = touch {
        query = query.bind(now.to_string());
    }
    query = query.bind(id.to_string());
    if let Some(org_id) = org_id {
        query = query.bind(org_id.to_string());
    }
    query.fetch_optional(&mut **tx).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact_url("postgres://u:secret@localhost/db"),
            "postgres://u:***@localhost/db"
        );
        assert_eq!(
            redact_url("postgres://localhost/db"),
            "postgres://localhost/db"
        );
        assert_eq!(redact_url("sqlite://x.db"), "sqlite://x.db");
    }
}
