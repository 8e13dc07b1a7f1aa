//! Write transactions, and group commit for every write on SQLite.
//!
//! PostgreSQL: a [`Tx`] is a pooled transaction; PostgreSQL already merges the
//! WAL flushes of concurrent commits.
//!
//! SQLite has one writer at a time, and each commit waits for its own fsync.
//! Many connections competing for the write lock also sleep in SQLite's busy
//! handler (1 ms, 2 ms, 5 ms, ...), however short the transactions. So on
//! SQLite all writes go through one connection, the writer:
//! - A [`Tx`] takes the writer (requests queue for it in order), opens the
//!   batch transaction if none is open (`BEGIN IMMEDIATE`; the batch's first
//!   transaction needs nothing more), and otherwise works inside a savepoint of
//!   its own.
//! - Its commit releases the savepoint, lets the next request in, and waits
//!   until the batch is durable. The first request to wait schedules the batch
//!   commit: it queues for the writer behind everyone already waiting, so the
//!   batch holds every transaction released before it, and then commits once
//!   (one fsync for all of them).
//! - A transaction dropped without commit (an error, a refusal) is rolled back
//!   to its savepoint before the writer is used again; nothing of it remains.
//!
//! Nothing is acknowledged before it is durable: a commit returns only after
//! the batch holding it committed, and if that commit fails every transaction
//! of the batch gets the error. Requests of one batch see each other's writes
//! (they come after each other on one connection), as consecutive transactions
//! would; readers on other connections see a batch once it is committed.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use sqlx::AnyConnection;
use sqlx::{Any, Transaction};
use tokio::sync::{oneshot, Mutex, OwnedMutexGuard};

/// What the writer connection is doing between transactions.
pub struct WriterState {
    /// The writer's own connection (taken out of the pool, with its settings).
    conn: Option<AnyConnection>,
    /// A batch transaction is open.
    open: bool,
    /// A transaction dropped without commit, rolled back before the
    /// connection is used again.
    pending_rollback: Option<Undo>,
    /// Transactions released into the open batch, waiting for its commit.
    released: Vec<oneshot::Sender<Result<(), String>>>,
    /// The next savepoint number.
    next: u64,
}

/// How a transaction that was not committed is undone.
#[derive(Debug)]
enum Undo {
    /// It opened the batch and nothing else is in it: the whole batch.
    Batch,
    /// Back to its savepoint.
    Savepoint(String),
}

/// The single SQLite writer.
pub struct Writer {
    state: Arc<Mutex<WriterState>>,
    /// A request has scheduled the open batch's commit.
    commit_scheduled: AtomicBool,
    /// Batches committed so far.
    batches: AtomicU64,
    /// The pool the writer's connection comes from.
    pool: sqlx::AnyPool,
}

impl Writer {
    pub fn new(pool: sqlx::AnyPool) -> Arc<Writer> {
        Arc::new(Writer {
            state: Arc::new(Mutex::new(WriterState {
                conn: None,
                open: false,
                pending_rollback: None,
                released: Vec::new(),
                next: 0,
            })),
            commit_scheduled: AtomicBool::new(false),
            batches: AtomicU64::new(0),
            pool,
        })
    }

    /// Batches committed so far (each one durable commit for all its transactions).
    pub fn batches(&self) -> u64 {
        self.batches.load(Ordering::Relaxed)
    }

    /// Takes the writer and makes its connection ready: any dropped
    /// transaction rolled back, a batch open.
    async fn take(&self) -> Result<OwnedMutexGuard<WriterState>, sqlx::Error> {
        let mut state = Arc::clone(&self.state).lock_owned().await;
        if state.conn.is_none() {
            state.conn = Some(self.pool.acquire().await?.detach());
        }
        if let Err(e) = settle(&mut state).await {
            fail_batch(&mut state, &e).await;
            return Err(e);
        }
        Ok(state)
    }

    /// A new write transaction: it opens the batch, or takes a savepoint in
    /// the open one.
    pub async fn begin(self: &Arc<Self>) -> Result<Tx, sqlx::Error> {
        let mut state = self.take().await?;
        let savepoint = if state.open {
            state.next += 1;
            let name = format!("w{}", state.next);
            if let Err(e) = exec(&mut state, &format!("SAVEPOINT {name}")).await {
                fail_batch(&mut state, &e).await;
                return Err(e);
            }
            Some(name)
        } else {
            // The batch's first transaction needs no savepoint: undoing it is
            // undoing the batch, which holds nothing else yet.
            if let Err(e) = exec(&mut state, "BEGIN IMMEDIATE").await {
                drop_connection(&mut state);
                return Err(e);
            }
            state.open = true;
            None
        };
        Ok(Tx(Inner::Shared(Shared {
            state: Some(state),
            savepoint,
            writer: Arc::clone(self),
        })))
    }

    /// Commits the open batch once the writer is free, answering every
    /// transaction released into it.
    async fn commit_batch(&self) {
        let mut state = Arc::clone(&self.state).lock_owned().await;
        // Transactions released from now on wait for the next commit.
        self.commit_scheduled.store(false, Ordering::SeqCst);
        let result = match settle(&mut state).await {
            Ok(()) if state.open => exec(&mut state, "COMMIT").await,
            Ok(()) => Ok(()),
            Err(e) => Err(e),
        };
        match result {
            Ok(()) => {
                if state.open {
                    self.batches.fetch_add(1, Ordering::Relaxed);
                }
                state.open = false;
                for waiter in state.released.drain(..) {
                    let _ = waiter.send(Ok(()));
                }
            }
            Err(e) => fail_batch(&mut state, &e).await,
        }
    }
}

/// Undoes a dropped transaction, if any.
async fn settle(state: &mut WriterState) -> Result<(), sqlx::Error> {
    match state.pending_rollback.take() {
        None => Ok(()),
        Some(Undo::Batch) => {
            state.open = false;
            exec(state, "ROLLBACK").await
        }
        Some(Undo::Savepoint(name)) => {
            exec(state, &format!("ROLLBACK TO {name}; RELEASE {name}")).await
        }
    }
}

/// The batch cannot commit: everything released into it fails, the batch is
/// rolled back, and the connection is replaced if it is in doubt.
async fn fail_batch(state: &mut WriterState, error: &sqlx::Error) {
    tracing::error!(%error, "the SQLite writer's batch failed; its transactions are refused");
    for waiter in state.released.drain(..) {
        let _ = waiter.send(Err(error.to_string()));
    }
    state.pending_rollback = None;
    if state.open && exec(state, "ROLLBACK").await.is_err() {
        drop_connection(state);
    }
    state.open = false;
}

fn drop_connection(state: &mut WriterState) {
    state.conn = None;
    state.open = false;
    state.pending_rollback = None;
}

async fn exec(state: &mut WriterState, sql: &str) -> Result<(), sqlx::Error> {
    let conn = state.conn.as_mut().ok_or(sqlx::Error::PoolClosed)?;
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(conn)
        .await?;
    Ok(())
}

/// A write transaction: on PostgreSQL a pooled transaction, on SQLite a
/// savepoint in the writer's batch. It derefs to the connection, so queries
/// run on `&mut *tx` (or `&mut **tx` through a `&mut Tx`) either way. Dropped
/// without [`Tx::commit`], it is rolled back.
pub struct Tx(Inner);

enum Inner {
    Pooled(Transaction<'static, Any>),
    Shared(Shared),
}

struct Shared {
    /// The writer, held until commit or drop.
    state: Option<OwnedMutexGuard<WriterState>>,
    /// Its savepoint; `None` when it opened the batch.
    savepoint: Option<String>,
    writer: Arc<Writer>,
}

impl Shared {
    fn undo(&mut self) -> Undo {
        match self.savepoint.take() {
            Some(name) => Undo::Savepoint(name),
            None => Undo::Batch,
        }
    }
}

impl Drop for Shared {
    fn drop(&mut self) {
        if let Some(mut state) = self.state.take() {
            // Not committed: undone before the writer is used again.
            state.pending_rollback = Some(self.undo());
        }
    }
}

impl Tx {
    pub(super) fn pooled(tx: Transaction<'static, Any>) -> Tx {
        Tx(Inner::Pooled(tx))
    }

    /// Commits; returns once the writes are durable.
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self.0 {
            Inner::Pooled(tx) => tx.commit().await,
            Inner::Shared(mut shared) => {
                let mut state = shared.state.take().expect("an open transaction");
                if let Some(name) = &shared.savepoint {
                    if let Err(e) = exec(&mut state, &format!("RELEASE {name}")).await {
                        state.pending_rollback = Some(shared.undo());
                        return Err(e);
                    }
                }
                let (done, durable) = oneshot::channel();
                state.released.push(done);
                drop(state);
                let writer = Arc::clone(&shared.writer);
                if !writer.commit_scheduled.swap(true, Ordering::SeqCst) {
                    // A task of its own: the batch commits even if this request's
                    // future is dropped meanwhile, so no waiter is left behind.
                    tokio::spawn(async move { writer.commit_batch().await });
                }
                match durable.await {
                    Ok(Ok(())) => Ok(()),
                    Ok(Err(why)) => Err(sqlx::Error::Protocol(format!(
                        "the batch holding this transaction did not commit: {why}"
                    ))),
                    Err(_) => Err(sqlx::Error::Protocol(
                        "the batch holding this transaction was abandoned".into(),
                    )),
                }
            }
        }
    }

    /// Rolls back.
    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        match self.0 {
            Inner::Pooled(tx) => tx.rollback().await,
            Inner::Shared(mut shared) => {
                let mut state = shared.state.take().expect("an open transaction");
                state.pending_rollback = Some(shared.undo());
                settle(&mut state).await
            }
        }
    }
}

impl Deref for Tx {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        match &self.0 {
            Inner::Pooled(tx) => tx,
            Inner::Shared(shared) => shared
                .state
                .as_ref()
                .and_then(|s| s.conn.as_ref())
                .expect("an open transaction"),
        }
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match &mut self.0 {
            Inner::Pooled(tx) => tx,
            Inner::Shared(shared) => shared
                .state
                .as_mut()
                .and_then(|s| s.conn.as_mut())
                .expect("an open transaction"),
        }
    }
}

impl std::fmt::Debug for Tx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Inner::Pooled(_) => f.write_str("Tx(pooled)"),
            Inner::Shared(s) => write!(f, "Tx(savepoint {:?})", s.savepoint),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Db;

    async fn db() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("w.db").display());
        let db = Db::connect(&url).await.unwrap();
        sqlx::raw_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
            .execute(&db.pool)
            .await
            .unwrap();
        (dir, db)
    }

    async fn ids(db: &Db) -> Vec<i64> {
        sqlx::query_scalar("SELECT id FROM t ORDER BY id")
            .fetch_all(&db.pool)
            .await
            .unwrap()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_transactions_share_durable_commits() {
        let (_dir, db) = db().await;
        let tasks: Vec<_> = (1..=64)
            .map(|i: i64| {
                let db = db.clone();
                tokio::spawn(async move {
                    let mut tx = db.begin_write().await.unwrap();
                    sqlx::query("INSERT INTO t (id, v) VALUES ($1, 'x')")
                        .bind(i)
                        .execute(&mut *tx)
                        .await
                        .unwrap();
                    tx.commit().await.unwrap();
                    // Acknowledged means durable and visible to every reader.
                    let seen: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM t WHERE id = $1")
                        .bind(i)
                        .fetch_one(&db.pool)
                        .await
                        .unwrap();
                    assert_eq!(seen, 1);
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        assert_eq!(ids(&db).await, (1..=64).collect::<Vec<_>>());
        let batches = db.writer.as_ref().unwrap().batches();
        assert!(
            (1..64).contains(&batches),
            "64 transactions in {batches} commits"
        );
    }

    #[tokio::test]
    async fn a_transaction_dropped_or_rolled_back_leaves_nothing() {
        let (_dir, db) = db().await;
        let mut tx = db.begin_write().await.unwrap();
        sqlx::query("INSERT INTO t (id, v) VALUES (1, 'dropped')")
            .execute(&mut *tx)
            .await
            .unwrap();
        drop(tx);
        let mut tx = db.begin_write().await.unwrap();
        sqlx::query("INSERT INTO t (id, v) VALUES (2, 'rolled back')")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.rollback().await.unwrap();
        let mut tx = db.begin_write().await.unwrap();
        sqlx::query("INSERT INTO t (id, v) VALUES (3, 'kept')")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(ids(&db).await, vec![3]);
    }

    #[tokio::test]
    async fn a_failed_statement_undoes_only_its_own_transaction() {
        let (_dir, db) = db().await;
        let mut first = db.begin_write().await.unwrap();
        sqlx::query("INSERT INTO t (id, v) VALUES (1, 'a')")
            .execute(&mut *first)
            .await
            .unwrap();
        first.commit().await.unwrap();
        let mut second = db.begin_write().await.unwrap();
        sqlx::query("INSERT INTO t (id, v) VALUES (2, 'b')")
            .execute(&mut *second)
            .await
            .unwrap();
        let duplicate = sqlx::query("INSERT INTO t (id, v) VALUES (1, 'again')")
            .execute(&mut *second)
            .await;
        assert!(super::super::is_unique_violation(&duplicate.unwrap_err()));
        drop(second);
        let mut third = db.begin_write().await.unwrap();
        sqlx::query("UPDATE t SET v = 'c' WHERE id = 1")
            .execute(&mut *third)
            .await
            .unwrap();
        third.commit().await.unwrap();
        assert_eq!(ids(&db).await, vec![1]);
        let v: String = sqlx::query_scalar("SELECT v FROM t WHERE id = 1")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(v, "c");
    }
}
