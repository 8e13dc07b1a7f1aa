//! Crash safety: a server process killed with SIGKILL while receipt mints and
//! streamed uploads are in flight, then restarted on the same database and data
//! directory, has lost nothing it acknowledged and kept nothing half-written:
//! the chain verifies, every receipt has its signature, every evidence row's
//! blob is whole, unfinished uploads are gone, and the interrupted runs mint
//! normally afterwards. On SQLite, and on PostgreSQL when configured.

mod common;
mod processes;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt as _;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use sqlx::Row as _;

use processes::{assert_chain_whole, free_port, Api, ServerProcess};

const MINTS: usize = 60;
/// Half of them complete before the kill; the other half are held just
/// before their last chunk, so the kill always lands mid-upload.
const UPLOADS: usize = 8;
/// Each upload: 64 chunks of 64 KiB, one every 5 ms.
const CHUNKS: usize = 64;
const CHUNK: usize = 64 * 1024;

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

async fn crash_and_recover(database_url: Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut env = vec![("RATE_LIMIT_MINT_PER_ORG", "100000".to_string())];
    if let Some(url) = &database_url {
        env.push(("DATABASE_URL", url.clone()));
    }
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut server = ServerProcess::start(dir.path(), port, &env).await;
    let api = Api::new(&server.base);
    let token = api.sign_in("crash", "crash.example").await;
    let runs = api.approved_runs(&token, MINTS, 8).await;
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
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    while held_chunks.load(Ordering::SeqCst) < (UPLOADS / 2) * (CHUNKS - 1) {
        assert!(
            std::time::Instant::now() < deadline,
            "held uploads did not progress"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    // Then the mints, all at once (16 at a time); the kill lands among them.
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
    while minted.load(Ordering::SeqCst) < 3 {
        assert!(std::time::Instant::now() < deadline, "no mint completed");
        tokio::time::sleep(Duration::from_millis(2)).await;
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

    // A run is receipted exactly when its receipt exists; the rest mint now.
    for run in &runs {
        let detail = api
            .ok(Method::GET, &format!("/runs/{run}"), &token, Value::Null)
            .await;
        let receipted = detail["status"] == "receipted";
        assert_eq!(receipted, detail["receipt"].is_object(), "{detail}");
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
    assert_chain_whole(&api, &token, MINTS).await;

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
    check_storage(dir.path(), database_url.as_deref()).await;
}

/// Directly in the database: every receipt has its signature, and every
/// evidence row with a blob points at a file whose bytes match its hash.
async fn check_storage(data_dir: &Path, database_url: Option<&str>) {
    sqlx::any::install_default_drivers();
    let url = database_url
        .map(str::to_string)
        .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("defendable.db").display()));
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let unsigned: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM receipts r \
         WHERE NOT EXISTS (SELECT 1 FROM receipt_signatures s WHERE s.receipt_row_id = r.id)",
    )
    .fetch_one(&pool)
    .await
    .unwrap()
    .get("n");
    assert_eq!(unsigned, 0, "no receipt without its signature");
    let rows = sqlx::query(
        "SELECT blob_key, sha256, byte_size FROM evidence_items WHERE blob_key IS NOT NULL",
    )
    .fetch_all(&pool)
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
    pool.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_survives_sigkill_mid_mint_and_mid_upload() {
    crash_and_recover(None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_survives_sigkill_mid_mint_and_mid_upload() {
    match common::fresh_postgres().await {
        Some(url) => crash_and_recover(Some(url)).await,
        None => eprintln!("skipped: set {} to run against PostgreSQL", common::PG_ENV),
    }
}
