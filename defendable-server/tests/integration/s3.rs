//! S3-compatible blob storage against a real S3-speaking server on loopback
//! (moto's server mode in CI): multipart uploads, reads, deletes, presigned
//! GET URLs, and a server that keeps evidence in the bucket. Runs when
//! `DEFENDABLE_TEST_S3_ENDPOINT` names the server (e.g. `http://127.0.0.1:5000`).

use crate::common;

use std::time::Duration;

use bytes::Bytes;
use reqwest::{Method, StatusCode};
use serde_json::json;
use sha2::{Digest, Sha256};

use common::TestServer;
use defendable_server::blobs::{BlobStore, PresignError};
use defendable_server::config::storage::S3Settings;

const S3_ENV: &str = "DEFENDABLE_TEST_S3_ENDPOINT";

fn endpoint() -> String {
    std::env::var(S3_ENV)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| panic!("this test needs an S3-compatible server: set {S3_ENV}"))
}

/// Creates a new bucket (an unsigned PUT, which the test server accepts).
async fn fresh_bucket(endpoint: &str) -> String {
    let name = format!(
        "defendable-test-{}",
        &defendable_server::ids::new_id()[..12]
    );
    let resp = reqwest::Client::new()
        .put(format!("{endpoint}/{name}"))
        .send()
        .await
        .unwrap();
    assert!(
        resp.status().is_success(),
        "create bucket: {}",
        resp.status()
    );
    name
}

fn settings(endpoint: &str, bucket: &str, prefix: Option<&str>) -> S3Settings {
    S3Settings {
        bucket: bucket.to_string(),
        endpoint: Some(endpoint.to_string()),
        region: "us-east-1".into(),
        access_key_id: Some("testing".into()),
        secret_access_key: Some("testing".into()),
        prefix: prefix.map(str::to_string),
    }
}

fn pattern(len: usize) -> Vec<u8> {
    (0..len).map(|i| ((i * 7 + i / 4096) % 256) as u8).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[cfg_attr(
    not(defendable_test_s3),
    ignore = "set DEFENDABLE_TEST_S3_ENDPOINT to run against an S3-compatible server"
)]
async fn blobs_round_trip_through_the_bucket_with_presigned_gets() {
    let endpoint = endpoint();
    let bucket = fresh_bucket(&endpoint).await;
    let dir = tempfile::tempdir().unwrap();
    let store = BlobStore::open_s3(
        dir.path().to_path_buf(),
        &settings(&endpoint, &bucket, Some("pfx")),
    )
    .unwrap();
    assert_eq!(store.bucket(), Some(bucket.as_str()));
    assert!(
        store.probe().await,
        "write, read back and remove a probe object"
    );

    // 20 MiB: more than two multipart parts, streamed from the staged file.
    let bytes = pattern(20 * 1024 * 1024);
    let chunks: Vec<Result<Bytes, String>> = bytes
        .chunks(256 * 1024)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    let staged = store
        .stage(futures::stream::iter(chunks), 25 * 1024 * 1024)
        .await
        .unwrap();
    assert_eq!(staged.sha256, hex::encode(Sha256::digest(&bytes)));
    let key = "orgs/o1/runs/r1/evidence/e1";
    store.commit(&staged, key).await.unwrap();
    assert_eq!(
        std::fs::read_dir(dir.path().join("tmp")).unwrap().count(),
        0,
        "the staged file is gone once uploaded"
    );
    assert!(!dir.path().join("objects").exists(), "nothing kept locally");
    assert!(store.get(key).await.unwrap() == bytes);

    // A presigned URL reads it without credentials. (The test server does not
    // check signatures or expiry, so only the URL's form and the read are checked.)
    let http = reqwest::Client::new();
    let url = store
        .presign_get(key, Duration::from_secs(300))
        .await
        .unwrap();
    assert!(
        url.starts_with(&format!("{endpoint}/{bucket}/pfx/{key}?")),
        "{url}"
    );
    assert!(
        url.contains("X-Amz-Signature=") && url.contains("X-Amz-Expires=300"),
        "{url}"
    );
    let fetched = http.get(&url).send().await.unwrap();
    assert_eq!(fetched.status(), StatusCode::OK);
    assert!(fetched.bytes().await.unwrap() == bytes);

    // Deleted objects are gone; a missing object is NotFound.
    store.delete(key).await;
    let missing = store.get(key).await.unwrap_err();
    assert_eq!(missing.kind(), std::io::ErrorKind::NotFound);

    // A local store cannot presign.
    let local = BlobStore::open(tempfile::tempdir().unwrap().path().to_path_buf()).unwrap();
    assert!(matches!(
        local.presign_get(key, Duration::from_secs(60)).await,
        Err(PresignError::NotSupported)
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[cfg_attr(
    not(defendable_test_s3),
    ignore = "set DEFENDABLE_TEST_S3_ENDPOINT to run against an S3-compatible server"
)]
async fn a_server_keeps_evidence_in_the_bucket() {
    let endpoint = endpoint();
    let bucket = fresh_bucket(&endpoint).await;
    let s = TestServer::start_with(
        None,
        &[
            "--s3-bucket",
            &bucket,
            "--s3-endpoint",
            &endpoint,
            "--s3-access-key-id",
            "testing",
            "--s3-secret-access-key",
            "testing",
        ],
    )
    .await;
    let (status, health) = s.call(Method::GET, "/healthz", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(health["storage"], json!(true), "{health}");
    assert_eq!(health["bucket"], json!(bucket));

    let token = s.sign_in("bucket", "s3.example").await;
    let me = s.ok_get("/auth/me", &token).await;
    let project = s.ok_post("/projects", &token, json!({"name": "s3"})).await;
    let run = s
        .ok_post(
            "/runs",
            &token,
            json!({"project_id": project["id"], "lane": "other", "title": "bucket"}),
        )
        .await;
    let run_id = run["id"].as_str().unwrap();
    let bytes = pattern(3 * 1024 * 1024 + 17);
    let resp = s
        .http
        .post(s.url(&format!("/runs/{run_id}/evidence/upload?filename=data.bin")))
        .bearer_auth(&token)
        .header("content-type", "application/octet-stream")
        .body(bytes.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let evidence: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(
        evidence["sha256"],
        json!(hex::encode(Sha256::digest(&bytes)))
    );

    let key = format!(
        "orgs/{}/runs/{run_id}/evidence/{}",
        me["org_id"].as_str().unwrap(),
        evidence["id"].as_str().unwrap()
    );
    let blobs = &s.context().blobs;
    assert!(
        blobs.get(&key).await.unwrap() == bytes,
        "the bucket holds the bytes"
    );
    assert!(
        !s.data_dir.path().join("blobs/objects").exists(),
        "nothing kept in the data directory"
    );
    let url = blobs
        .presign_get(&key, Duration::from_secs(60))
        .await
        .unwrap();
    let fetched = reqwest::get(&url).await.unwrap();
    assert_eq!(fetched.status(), StatusCode::OK);
    assert!(fetched.bytes().await.unwrap() == bytes);
}
