//! Crash safety: a server process killed with SIGKILL while receipt mints,
//! streamed uploads and runner calls on cooks (claims, heartbeats, completes)
//! are in flight, then restarted on the same database and data directory, has
//! lost nothing it acknowledged and kept nothing half-written: the chain
//! verifies, every receipt has its signature, every evidence row's blob is
//! whole, unfinished uploads are gone, every cook is in a legal state with at
//! most one receipt, and the interrupted runs and cooks finish normally
//! afterwards. On SQLite, and on PostgreSQL when configured.

use crate::common;
use crate::processes;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use futures::StreamExt as _;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use sqlx::{AnyPool, Row as _};

use processes::{assert_chain_whole, free_port, Api, ServerProcess};

const MINTS: usize = 60;
/// Half of them complete before the kill; the other half are held just
/// before their last chunk, so the kill always lands mid-upload.
const UPLOADS: usize = 8;
/// Each upload: 64 chunks of 64 KiB, one every 5 ms.
const CHUNKS: usize = 64;
const CHUNK: usize = 64 * 1024;

/// Cooks queued before the kill, and the runners working through them.
const COOKS: usize = 60;
const RUNNERS: usize = 4;
/// The lease runners take before the kill. Each runner claims its first cook
/// and abandons it, so the kill always leaves cooks claimed with live leases.
const LEASE_SECONDS: i64 = 5;
const RUNNER_TOKEN: &str = "shared-runner-token-for-the-crash-test-0123456789";
const COOK_RECEIPT: &str = "defendablecloud.cook-receipt/v1";

fn upload_bytes(n: usize) -> Vec<u8> {
    (0..CHUNKS * CHUNK)
        .map(|i| ((i * 31 + n * 7) % 251) as u8)
        .collect()
}

/// A streamed upload body; a held one counts its chunks in `sent` and never
/// sends its last chunk.
fn slow_body(bytes: Vec<u8>, held: Option<Arc<AtomicUsize>>) -> reqwest::Body {
    let chunks: Vec<bytes::Bytes> = bytes
        .chunks(CHUNK)
        .map(bytes::Bytes::copy_from_slice)
        .collect();
    let last = chunks.len() - 1;
    let stream = futures::stream::iter(chunks.into_iter().enumerate()).then(move |(i, chunk)| {
        let held = held.clone();
        async move {
            tokio::time::sleep(Duration::from_millis(5)).await;
            if let Some(sent) = held {
                if i == last {
                    std::future::pending::<()>().await;
                }
                sent.fetch_add(1, Ordering::SeqCst);
            }
            Ok::<_, std::io::Error>(chunk)
        }
    });
    reqwest::Body::wrap_stream(stream)
}

/// A run with a verdict, in a project of its own, and `COOKS` cooks queued on it.
async fn queue_cooks(api: &Api, token: &str) -> Vec<String> {
    let project = api
        .ok(Method::POST, "/projects", token, json!({"name": "cooks"}))
        .await;
    let run = api
        .ok(
            Method::POST,
            "/runs",
            token,
            json!({"project_id": project["id"], "lane": "other", "title": "cooked"}),
        )
        .await;
    let run = run["id"].as_str().unwrap();
    api.ok(
        Method::POST,
        &format!("/runs/{run}/submission"),
        token,
        json!({"output_text": "the agent's work"}),
    )
    .await;
    api.ok(
        Method::POST,
        &format!("/runs/{run}/checks"),
        token,
        json!({}),
    )
    .await;
    let mut cooks = Vec::new();
    for _ in 0..COOKS {
        let cook = api
            .ok(Method::POST, &format!("/runs/{run}/cook"), token, json!({}))
            .await;
        cooks.push(cook["id"].as_str().unwrap().to_string());
    }
    cooks
}

/// What the test watches while the runners work.
#[derive(Default)]
struct RunnerProgress {
    /// Completes answered 200.
    completed: AtomicUsize,
    /// Cooks claimed and abandoned.
    held: AtomicUsize,
    /// Runner calls sent and not yet answered.
    in_flight: AtomicUsize,
}

/// What one runner saw before its server died.
#[derive(Default)]
struct RunnerLog {
    /// Cooks whose complete was answered 200, with the receipt id it named.
    completed: Vec<(String, String)>,
    /// The cook it claimed, reported on once and abandoned.
    held: Option<String>,
    /// Answers other than 200: the call, its status and body.
    refused: Vec<(&'static str, StatusCode, Value)>,
}

/// A heartbeat under `lease`.
fn heartbeat(lease: &Value) -> Value {
    json!({"lease_id": lease, "progress": 0.5})
}

/// A cook's result under `lease`.
fn cook_result(lease: &Value) -> Value {
    json!({"lease_id": lease, "eval_after": 0.9, "metrics": {"duration_sec": 60}})
}

/// A runner call with the shared token; None once the server is gone.
async fn runner_call(
    api: &Api,
    progress: &RunnerProgress,
    path: &str,
    body: Value,
) -> Option<(StatusCode, Value)> {
    progress.in_flight.fetch_add(1, Ordering::SeqCst);
    let answer = api
        .call(Method::POST, path, Some(RUNNER_TOKEN), Some(body))
        .await;
    progress.in_flight.fetch_sub(1, Ordering::SeqCst);
    answer.ok()
}

/// A runner looping claim, heartbeat, complete, without pause, until its
/// server dies. The first cook it gets it holds: one heartbeat, then nothing.
async fn runner(api: Api, n: usize, progress: Arc<RunnerProgress>) -> RunnerLog {
    let mut log = RunnerLog::default();
    let claim = json!({"runner": format!("rig-{n}"), "lease_seconds": LEASE_SECONDS});
    loop {
        let Some((status, body)) =
            runner_call(&api, &progress, "/runner/cooks/next", claim.clone()).await
        else {
            return log;
        };
        if status != StatusCode::OK {
            log.refused.push(("claim", status, body));
            continue;
        }
        let Some(id) = body["cook"]["id"].as_str().map(str::to_string) else {
            tokio::time::sleep(Duration::from_millis(5)).await;
            continue;
        };
        let lease = body["cook"]["lease_id"].clone();
        let path = format!("/runner/cooks/{id}/status");
        let Some((status, body)) = runner_call(&api, &progress, &path, heartbeat(&lease)).await
        else {
            return log;
        };
        if status != StatusCode::OK {
            log.refused.push(("status", status, body));
            continue;
        }
        if log.held.is_none() {
            log.held = Some(id);
            progress.held.fetch_add(1, Ordering::SeqCst);
            continue;
        }
        let path = format!("/runner/cooks/{id}/complete");
        let Some((status, body)) = runner_call(&api, &progress, &path, cook_result(&lease)).await
        else {
            return log;
        };
        if status != StatusCode::OK {
            log.refused.push(("complete", status, body));
            continue;
        }
        let receipt = body["receipt_id"].as_str().unwrap().to_string();
        log.completed.push((id, receipt));
        progress.completed.fetch_add(1, Ordering::SeqCst);
    }
}

/// The database the server runs on.
async fn connect(data_dir: &Path, database_url: Option<&str>) -> AnyPool {
    sqlx::any::install_default_drivers();
    let url = database_url
        .map(str::to_string)
        .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("defendable.db").display()));
    AnyPool::connect(&url).await.unwrap()
}

/// A cook as stored.
struct StoredCook {
    status: String,
    lease_expires_at: Option<DateTime<Utc>>,
}

/// Directly in the database: every cook is in a legal state (queued, leased,
/// or succeeded with its receipt), each cook receipt names a succeeded cook
/// that points at it, and no cook has more than one. The cooks by id.
async fn stored_cooks(pool: &AnyPool) -> HashMap<String, StoredCook> {
    let receipts = sqlx::query("SELECT id, canonical_payload FROM receipts WHERE schema_id = $1")
        .bind(COOK_RECEIPT)
        .fetch_all(pool)
        .await
        .unwrap();
    let mut receipts_of: HashMap<String, Vec<String>> = HashMap::new();
    for row in &receipts {
        let payload: Value = serde_json::from_str(row.get("canonical_payload")).unwrap();
        let cook = payload["cook"]["id"].as_str().unwrap().to_string();
        receipts_of.entry(cook).or_default().push(row.get("id"));
    }
    let rows =
        sqlx::query("SELECT id, status, lease_id, lease_expires_at, receipt_row_id FROM cooks")
            .fetch_all(pool)
            .await
            .unwrap();
    let mut cooks = HashMap::new();
    for row in rows {
        let id: String = row.get("id");
        let status: String = row.get("status");
        let lease_id: Option<String> = row.get("lease_id");
        let lease_expires_at: Option<String> = row.get("lease_expires_at");
        let receipt_row: Option<String> = row.get("receipt_row_id");
        let receipts = receipts_of.remove(&id).unwrap_or_default();
        match status.as_str() {
            "queued" => assert!(receipt_row.is_none() && receipts.is_empty(), "{id}"),
            "claimed" | "running" => {
                assert!(lease_id.is_some() && lease_expires_at.is_some(), "{id}");
                assert!(receipt_row.is_none() && receipts.is_empty(), "{id}");
            }
            "succeeded" => assert_eq!(
                receipts,
                Vec::from_iter(receipt_row),
                "a succeeded cook {id} has exactly the one receipt it points at"
            ),
            other => panic!("cook {id} is {other}: nothing failed it"),
        }
        let lease_expires_at = lease_expires_at.map(|t| {
            DateTime::parse_from_rfc3339(&t)
                .unwrap()
                .with_timezone(&Utc)
        });
        cooks.insert(
            id,
            StoredCook {
                status,
                lease_expires_at,
            },
        );
    }
    assert!(
        receipts_of.is_empty(),
        "cook receipts of no cook: {receipts_of:?}"
    );
    cooks
}

/// After the restart, claims as one runner until every cook has succeeded. A
/// cook leased at the kill comes back only once its lease has ended; each
/// completes normally. How many were completed.
async fn finish_cooks(api: &Api, stale: &HashMap<String, DateTime<Utc>>) -> usize {
    let deadline = Instant::now() + Duration::from_secs(LEASE_SECONDS as u64 + 60);
    let mut reclaimed = HashSet::new();
    let mut completed = 0;
    loop {
        let claim = json!({"runner": "after-restart", "lease_seconds": 60});
        let (status, body) = api
            .call(
                Method::POST,
                "/runner/cooks/next",
                Some(RUNNER_TOKEN),
                Some(claim),
            )
            .await
            .unwrap();
        assert_eq!(status, StatusCode::OK, "{body}");
        let Some(id) = body["cook"]["id"].as_str() else {
            if reclaimed.len() == stale.len() {
                return completed;
            }
            assert!(Instant::now() < deadline, "leases of the kill never ended");
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        if let Some(expiry) = stale.get(id) {
            assert!(
                Utc::now() > *expiry,
                "cook {id} claimed again before its lease ({expiry}) ended"
            );
            assert!(body["cook"]["attempt"].as_i64().unwrap() >= 2, "{body}");
            reclaimed.insert(id.to_string());
        }
        let lease = &body["cook"]["lease_id"];
        let mut answers = Vec::new();
        for (verb, report) in [
            ("status", heartbeat(lease)),
            ("complete", cook_result(lease)),
        ] {
            let (status, answer) = api
                .call(
                    Method::POST,
                    &format!("/runner/cooks/{id}/{verb}"),
                    Some(RUNNER_TOKEN),
                    Some(report),
                )
                .await
                .unwrap();
            assert_eq!(status, StatusCode::OK, "{verb} {id}: {answer}");
            answers.push(answer);
        }
        assert_eq!(answers[1]["status"], "succeeded", "{}", answers[1]);
        assert!(answers[1]["receipt_id"].is_string(), "{}", answers[1]);
        completed += 1;
    }
}

/// The `/metrics` count of minted receipts of `kind`.
async fn minted_count(api: &Api, kind: &str) -> f64 {
    let text = api
        .http
        .get(format!("{}/metrics", api.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    common::metric(
        &text,
        &format!("defendable_receipts_minted_total{{kind=\"{kind}\"}}"),
    )
}

async fn crash_and_recover(database_url: Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut env = vec![
        ("RATE_LIMIT_MINT_PER_ORG", "100000".to_string()),
        ("RUNNER_TOKEN", RUNNER_TOKEN.to_string()),
    ];
    if let Some(url) = &database_url {
        env.push(("DATABASE_URL", url.clone()));
    }
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut server = ServerProcess::start(dir.path(), port, &env).await;
    let api = Api::new(&server.base);
    let token = api.sign_in("crash", "crash.example").await;
    let runs = api.approved_runs(&token, MINTS, 8).await;
    let cooks = queue_cooks(&api, &token).await;
    let project = api
        .ok(
            Method::POST,
            "/projects",
            &token,
            json!({"name": "uploads"}),
        )
        .await;
    let mut upload_runs = Vec::new();
    for i in 0..UPLOADS {
        let run = api
            .ok(
                Method::POST,
                "/runs",
                &token,
                json!({"project_id": project["id"], "lane": "other", "title": format!("upload {i}")}),
            )
            .await;
        upload_runs.push(run["id"].as_str().unwrap().to_string());
    }

    // The uploads: half complete, half are held mid-stream.
    let held_chunks = Arc::new(AtomicUsize::new(0));
    let uploads: Vec<_> = upload_runs
        .iter()
        .enumerate()
        .map(|(n, run)| {
            let (api, token, run) = (api.clone(), token.clone(), run.clone());
            let held = (n % 2 == 0).then(|| Arc::clone(&held_chunks));
            tokio::spawn(async move {
                let resp = api
                    .http
                    .post(format!(
                        "{}/runs/{run}/evidence/upload?filename=part{n}.bin",
                        api.base
                    ))
                    .bearer_auth(&token)
                    .header("content-type", "application/octet-stream")
                    .body(slow_body(upload_bytes(n), held))
                    .send()
                    .await;
                match resp {
                    Ok(r) if r.status() == StatusCode::OK => r.json::<Value>().await.ok(),
                    _ => None,
                }
            })
        })
        .collect();

    // The free uploads finish (the held ones keep their connections open).
    let mut stored_uploads = Vec::new();
    let mut held_tasks = Vec::new();
    for (n, task) in uploads.into_iter().enumerate() {
        if n % 2 == 0 {
            held_tasks.push((n, task));
        } else {
            let evidence = task.await.unwrap();
            let evidence =
                evidence.unwrap_or_else(|| panic!("upload {n} completes before the kill"));
            stored_uploads.push((n, evidence));
        }
    }
    // The held uploads wait at their last chunk.
    let deadline = Instant::now() + Duration::from_secs(120);
    while held_chunks.load(Ordering::SeqCst) < (UPLOADS / 2) * (CHUNKS - 1) {
        assert!(Instant::now() < deadline, "held uploads did not progress");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    // The runners start, each holding its first cook.
    let progress = Arc::new(RunnerProgress::default());
    let runners: Vec<_> = (0..RUNNERS)
        .map(|n| tokio::spawn(runner(api.clone(), n, Arc::clone(&progress))))
        .collect();
    while progress.held.load(Ordering::SeqCst) < RUNNERS {
        assert!(Instant::now() < deadline, "runners claimed nothing");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    // Then the mints, all at once (16 at a time); the kill lands among them,
    // once runners have completed cooks and while runner calls are in flight.
    let minted = Arc::new(AtomicUsize::new(0));
    let mints = {
        let (api, token, minted) = (api.clone(), token.clone(), Arc::clone(&minted));
        let runs = runs.clone();
        tokio::spawn(async move {
            futures::stream::iter(runs)
                .map(|run| {
                    let (api, token, minted) = (api.clone(), token.clone(), Arc::clone(&minted));
                    async move {
                        let result = api
                            .call(
                                Method::POST,
                                &format!("/runs/{run}/receipt"),
                                Some(&token),
                                Some(json!({})),
                            )
                            .await;
                        if matches!(&result, Ok((StatusCode::OK, _))) {
                            minted.fetch_add(1, Ordering::SeqCst);
                        }
                        result.ok()
                    }
                })
                .buffer_unordered(16)
                .collect::<Vec<Option<(StatusCode, Value)>>>()
                .await
        })
    };
    while minted.load(Ordering::SeqCst) < 3
        || progress.completed.load(Ordering::SeqCst) < 3
        || progress.in_flight.load(Ordering::SeqCst) == 0
    {
        assert!(
            Instant::now() < deadline,
            "no mint or no cook completed, or the runners stopped"
        );
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    server.kill_hard();

    let mint_results = mints.await.unwrap();
    let acknowledged: Vec<Value> = mint_results
        .iter()
        .flatten()
        .filter(|(status, _)| *status == StatusCode::OK)
        .map(|(_, body)| body.clone())
        .collect();
    let interrupted = mint_results.iter().filter(|r| r.is_none()).count();
    assert!(!acknowledged.is_empty());
    assert!(
        interrupted > 0,
        "the kill landed while mints were in flight"
    );
    let mut cooks_completed = Vec::new();
    let mut cooks_held = Vec::new();
    for task in runners {
        let log = tokio::time::timeout(Duration::from_secs(30), task)
            .await
            .expect("a runner stops when its server dies")
            .unwrap();
        assert!(log.refused.is_empty(), "refused: {:?}", log.refused);
        cooks_completed.extend(log.completed);
        cooks_held.extend(log.held);
    }
    assert!(
        cooks_completed.len() + cooks_held.len() < COOKS,
        "the runners still had cooks at the kill"
    );
    for (n, task) in held_tasks {
        let answer = tokio::time::timeout(Duration::from_secs(30), task)
            .await
            .expect("a held upload ends when its server dies")
            .unwrap();
        assert!(answer.is_none(), "held upload {n} was cut off by the kill");
    }
    assert_eq!(stored_uploads.len(), UPLOADS / 2);
    let leftovers = std::fs::read_dir(dir.path().join("blobs/tmp"))
        .unwrap()
        .count();

    // Restart on the same database and data directory.
    let server = ServerProcess::start(dir.path(), port, &env).await;
    let api = Api::new(&server.base);
    assert_eq!(
        std::fs::read_dir(dir.path().join("blobs/tmp"))
            .unwrap()
            .count(),
        0,
        "unfinished uploads are removed at start ({leftovers} were left by the crash)"
    );

    // The chain as it stands verifies, and holds every acknowledged receipt.
    let ledger = api
        .ok(Method::GET, "/ledger?limit=1000", &token, Value::Null)
        .await;
    let entries = ledger["entries"].as_array().unwrap();
    let verify = api
        .ok(Method::GET, "/ledger/verify", &token, Value::Null)
        .await;
    assert_eq!(verify["ok"], json!(true), "{verify}");
    assert_eq!(verify["receipts_checked"], json!(entries.len()));
    for receipt in &acknowledged {
        assert!(
            entries
                .iter()
                .any(|e| e["receipt_id"] == receipt["receipt_id"]
                    && e["receipt_sha256"] == receipt["receipt_sha256"]),
            "acknowledged receipt {} is in the chain",
            receipt["receipt_id"]
        );
    }

    // Cooks: each in a legal state; each acknowledged complete succeeded with
    // the receipt it named, which is in the chain.
    let pool = connect(dir.path(), database_url.as_deref()).await;
    let stored = stored_cooks(&pool).await;
    assert_eq!(
        stored.keys().collect::<HashSet<_>>(),
        cooks.iter().collect::<HashSet<_>>()
    );
    for (id, receipt) in &cooks_completed {
        let cook = api
            .ok(Method::GET, &format!("/cooks/{id}"), &token, Value::Null)
            .await;
        assert_eq!(cook["status"], "succeeded", "{cook}");
        assert_eq!(cook["receipt_id"], receipt.as_str(), "{cook}");
        assert!(entries.iter().any(|e| e["receipt_id"] == receipt.as_str()));
    }
    // The cooks still leased at the kill include every held one.
    let stale: HashMap<String, DateTime<Utc>> = stored
        .iter()
        .filter(|(_, c)| c.status == "claimed" || c.status == "running")
        .map(|(id, c)| (id.clone(), c.lease_expires_at.unwrap()))
        .collect();
    for id in &cooks_held {
        assert!(stale.contains_key(id), "held cook {id} is still leased");
    }

    // A run is receipted exactly when its receipt exists; the rest mint now.
    let mut unreceipted = 0;
    for run in &runs {
        let detail = api
            .ok(Method::GET, &format!("/runs/{run}"), &token, Value::Null)
            .await;
        let receipted = detail["status"] == "receipted";
        assert_eq!(receipted, detail["receipt"].is_object(), "{detail}");
        unreceipted += usize::from(!receipted);
        let (status, body) = api
            .call(
                Method::POST,
                &format!("/runs/{run}/receipt"),
                Some(&token),
                Some(json!({})),
            )
            .await
            .unwrap();
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    // Every cook not yet succeeded completes now, the leased ones once their
    // leases end.
    let finished = finish_cooks(&api, &stale).await;
    let succeeded = stored.values().filter(|c| c.status == "succeeded").count();
    assert_eq!(finished, COOKS - succeeded);
    let stored = stored_cooks(&pool).await;
    assert!(stored.values().all(|c| c.status == "succeeded"));
    // The restarted process counted exactly the receipts it minted.
    assert_eq!(minted_count(&api, "run").await, unreceipted as f64);
    assert_eq!(minted_count(&api, "cook").await, finished as f64);
    assert_chain_whole(&api, &token, MINTS + COOKS).await;

    // Evidence: acknowledged uploads are listed; every listed file is whole.
    for (n, run) in upload_runs.iter().enumerate() {
        let detail = api
            .ok(Method::GET, &format!("/runs/{run}"), &token, Value::Null)
            .await;
        let files: Vec<&Value> = detail["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "file")
            .collect();
        match stored_uploads.iter().find(|(m, _)| *m == n) {
            Some((_, stored)) => {
                assert_eq!(files.len(), 1, "upload {n} kept once");
                assert_eq!(files[0]["id"], stored["id"]);
            }
            None => assert!(files.is_empty(), "the cut-off upload {n} left no row"),
        }
        let expected = hex::encode(Sha256::digest(upload_bytes(n)));
        for file in files {
            assert_eq!(file["sha256"], json!(expected), "upload {n}: {file}");
            assert_eq!(file["byte_size"], json!(CHUNKS * CHUNK));
        }
    }
    check_storage(&pool, dir.path()).await;
    pool.close().await;
}

/// Directly in the database: every receipt has its signature, and every
/// evidence row with a blob points at a file whose bytes match its hash.
async fn check_storage(pool: &AnyPool, data_dir: &Path) {
    let unsigned: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM receipts r \
         WHERE NOT EXISTS (SELECT 1 FROM receipt_signatures s WHERE s.receipt_row_id = r.id)",
    )
    .fetch_one(pool)
    .await
    .unwrap()
    .get("n");
    assert_eq!(unsigned, 0, "no receipt without its signature");
    let rows = sqlx::query(
        "SELECT blob_key, sha256, byte_size FROM evidence_items WHERE blob_key IS NOT NULL",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for row in rows {
        let key: String = row.get("blob_key");
        let sha: String = row.get("sha256");
        let size: i64 = row.get("byte_size");
        let bytes = std::fs::read(data_dir.join("blobs/objects").join(&key))
            .unwrap_or_else(|e| panic!("blob of row {key}: {e}"));
        assert_eq!(bytes.len() as i64, size);
        assert_eq!(hex::encode(Sha256::digest(&bytes)), sha);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_survives_sigkill_mid_mint_mid_upload_and_mid_cook() {
    crash_and_recover(None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[cfg_attr(
    not(defendable_test_postgres),
    ignore = "set DEFENDABLE_TEST_POSTGRES_URL to run against PostgreSQL"
)]
async fn postgres_survives_sigkill_mid_mint_mid_upload_and_mid_cook() {
    let url = common::fresh_postgres().await.expect(common::PG_MISSING);
    crash_and_recover(Some(url)).await;
}
