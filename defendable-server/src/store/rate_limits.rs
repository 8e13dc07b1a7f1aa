//! Rate-limit counters kept in the database, so every process of a deployment
//! counts against the same number: one row per bucket holding the start of its
//! current fixed window and the hits in it.

use super::{int, Db};

/// Counts one hit of `bucket` in the window starting at `window_start` (seconds
/// since the epoch) and returns the hits of that window so far, this one included.
/// One statement: a row from an older window starts again at 1.
pub async fn hit(db: &Db, bucket: &str, window_start: i64) -> Result<i64, sqlx::Error> {
    let row = sqlx::query(
        "INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (bucket) DO UPDATE SET \
           hits = CASE WHEN rate_limit_windows.window_start = EXCLUDED.window_start \
                       THEN rate_limit_windows.hits + 1 ELSE 1 END, \
           window_start = EXCLUDED.window_start \
         RETURNING hits",
    )
    .bind(bucket)
    .bind(window_start)
    .fetch_one(&db.pool)
    .await?;
    int(&row, "hits")
}

/// Drops the rows of windows that started before `before`.
pub async fn sweep(db: &Db, before: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM rate_limit_windows WHERE window_start < $1")
        .bind(before)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}
