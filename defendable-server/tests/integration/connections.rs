//! Hostile connections against a real server process: a flood of idle
//! sockets under a low descriptor limit, silent and trickling clients, idle
//! keep-alive connections, requests hyper itself refuses, an oversized
//! multipart upload, and the modes of the files the server writes.

use crate::processes;

use std::path::Path;
use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

use processes::{free_port, Api, Launch, ServerProcess};

/// Makes sure this test process may hold `needed` descriptors.
fn allow_open_files(needed: u64) {
    use rustix::process::{getrlimit, setrlimit, Resource};
    let mut limit = getrlimit(Resource::Nofile);
    if limit.current.is_some_and(|c| c < needed) {
        limit.current = limit
            .maximum
            .map(|m| m.min(needed * 2))
            .or(Some(needed * 2));
        setrlimit(Resource::Nofile, limit).expect("raise this test's descriptor limit");
    }
}

/// Reads until the server closes the connection (or `within` passes); the bytes read.
async fn read_until_closed(stream: &mut TcpStream, within: Duration) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0)) | Ok(Err(_)) => return Some(out),
            Ok(Ok(n)) => out.extend_from_slice(&buf[..n]),
        }
    }
}

/// One complete response on a kept-alive connection: head and body.
async fn read_response(stream: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = tokio::time::timeout(Duration::from_secs(20), stream.read(&mut buf))
            .await
            .expect("an answer")
            .unwrap();
        assert!(
            n > 0,
            "closed before answering: {:?}",
            String::from_utf8_lossy(&out)
        );
        out.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&out).into_owned();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse::<usize>().unwrap())
                })
                .unwrap_or(0);
            if body.len() >= length {
                return text;
            }
        }
    }
}

/// Status and JSON body of a raw response.
fn parse_response(text: &str) -> (u16, Value) {
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

fn assert_detail(status: u16, body: &Value, expected_status: u16, what: &str) {
    assert_eq!(status, expected_status, "{what}: {body}");
    let detail = body["detail"]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: no detail in {body}"));
    assert!(!detail.is_empty(), "{what}");
}

/// A project and a draft run; the run's id.
async fn draft_run(api: &Api, token: &str) -> String {
    let project = api
        .ok(Method::POST, "/projects", token, json!({"name": "conn"}))
        .await;
    let run = api
        .ok(
            Method::POST,
            "/runs",
            token,
            json!({"project_id": project["id"], "lane": "other", "title": "target"}),
        )
        .await;
    run["id"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn idle_sockets_cannot_starve_the_server_of_descriptors() {
    const SOCKETS: usize = 1_100;
    allow_open_files(SOCKETS as u64 + 512);
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    // Timeouts far beyond the test: only the connection bound keeps room.
    let server = ServerProcess::launch(Launch {
        data_dir: dir.path(),
        log_dir: dir.path(),
        port,
        env: &[("HEADER_TIMEOUT_SECS", "600"), ("IDLE_TIMEOUT_SECS", "600")],
        open_files: Some(1024),
    })
    .await;

    let mut connecting = tokio::task::JoinSet::new();
    for _ in 0..SOCKETS {
        connecting.spawn(tokio::time::timeout(
            Duration::from_secs(30),
            TcpStream::connect(("127.0.0.1", port)),
        ));
    }
    let mut held = Vec::new();
    while let Some(result) = connecting.join_next().await {
        if let Ok(Ok(Ok(stream))) = result {
            held.push(stream);
        }
    }
    eprintln!("holding {} idle sockets", held.len());
    assert!(held.len() >= 1_050, "only {} sockets connected", held.len());

    let api = Api::new(&server.base);
    let started = Instant::now();
    let health = tokio::time::timeout(
        Duration::from_secs(20),
        api.http.get(format!("{}/healthz", server.base)).send(),
    )
    .await
    .expect("/healthz answers while idle sockets are held")
    .expect("/healthz connects");
    assert_eq!(health.status(), StatusCode::OK);
    eprintln!("/healthz answered in {:?}", started.elapsed());
    let open = server.open_descriptors().expect("/proc");
    assert!(open < 1024, "{open} descriptors open");
    // A real client still gets work done.
    let token = api.sign_in("crowded", "conn.example").await;
    draft_run(&api, &token).await;
    drop(held);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn silent_idle_and_trickling_clients_are_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let server = ServerProcess::start(
        dir.path(),
        port,
        &[
            ("HEADER_TIMEOUT_SECS", "2"),
            ("IDLE_TIMEOUT_SECS", "3"),
            ("BODY_MIN_BYTES_PER_SEC", "1000"),
            ("BODY_RATE_WINDOW_SECS", "2"),
        ],
    )
    .await;
    let addr = ("127.0.0.1", port);

    // A socket that sends nothing, and one that stops mid-head.
    for opening in [&b""[..], b"GET /healthz HTTP/1.1\r\nHost: x\r\n"] {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        stream.write_all(opening).await.unwrap();
        let started = Instant::now();
        read_until_closed(&mut stream, Duration::from_secs(10))
            .await
            .unwrap_or_else(|| panic!("still open after 10 s: {opening:?}"));
        assert!(started.elapsed() >= Duration::from_millis(1500));
    }

    // A kept-alive connection that goes quiet after an answer.
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let (status, _) = parse_response(&read_response(&mut stream).await);
    assert_eq!(status, 200);
    let started = Instant::now();
    read_until_closed(&mut stream, Duration::from_secs(10))
        .await
        .expect("an idle kept-alive connection is closed");
    assert!(started.elapsed() >= Duration::from_millis(2500));

    // An upload trickling a byte every 200 ms.
    let api = Api::new(&server.base);
    let token = api.sign_in("trickle", "conn.example").await;
    let run_id = draft_run(&api, &token).await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /runs/{run_id}/evidence/upload?filename=slow.txt HTTP/1.1\r\nHost: x\r\n\
         Authorization: Bearer {token}\r\nContent-Type: application/octet-stream\r\n\
         Content-Length: 100000\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let trickle = tokio::spawn(async move {
        for _ in 0..500 {
            if writer.write_all(b"x").await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    });
    let started = Instant::now();
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match tokio::time::timeout(Duration::from_secs(20), reader.read(&mut buf)).await {
            Err(_) => panic!("a trickling upload is still open after 20 s"),
            Ok(Ok(0)) | Ok(Err(_)) => break,
            Ok(Ok(n)) => answer.extend_from_slice(&buf[..n]),
        }
    }
    trickle.abort();
    eprintln!("trickle cut off after {:?}", started.elapsed());
    let (status, body) = parse_response(&String::from_utf8_lossy(&answer));
    assert_detail(status, &body, 408, "trickling upload");
    let detail = api
        .ok(Method::GET, &format!("/runs/{run_id}"), &token, Value::Null)
        .await;
    assert!(detail["evidence"].as_array().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn requests_refused_before_routing_carry_detail() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let server = ServerProcess::start(dir.path(), port, &[]).await;
    let addr = ("127.0.0.1", port);

    let long_uri = format!(
        "GET /runs?q={} HTTP/1.1\r\nHost: x\r\n\r\n",
        "a".repeat(70 * 1024)
    );
    for (request, status, what) in [
        (long_uri.into_bytes(), 414, "a 70 KB URI"),
        (b"GARBAGE\r\n\r\n".to_vec(), 400, "a garbage request line"),
        (
            b"GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
            400,
            "a control byte in the target",
        ),
        (
            b"GET / HTTP/1.1\r\nBad Header\r\n\r\n".to_vec(),
            400,
            "a header without a colon",
        ),
    ] {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        let _ = stream.write_all(&request).await;
        let answer = read_until_closed(&mut stream, Duration::from_secs(20))
            .await
            .unwrap_or_else(|| panic!("{what}: no answer"));
        let text = String::from_utf8_lossy(&answer);
        let (got, body) = parse_response(&text);
        assert_detail(got, &body, status, what);
        assert!(
            text.to_ascii_lowercase()
                .contains("content-type: application/json"),
            "{text}"
        );
    }

    // The seeds' `curl -F file=@...` form with a 26 MB file.
    let api = Api::new(&server.base);
    let token = api.sign_in("big", "conn.example").await;
    let run_id = draft_run(&api, &token).await;
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(vec![b'x'; 26 * 1024 * 1024]).file_name("big.bin"),
    );
    let response = api
        .http
        .post(format!("{}/runs/{run_id}/evidence/upload", server.base))
        .bearer_auth(&token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    assert_detail(status, &body, 413, "a 26 MB multipart upload");
    // Still serving on the same process.
    api.ok(Method::GET, &format!("/runs/{run_id}"), &token, Value::Null)
        .await;
}

/// Every directory under `dir` is 0700 and every file 0600; how many files.
fn assert_private(dir: &Path) -> usize {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "{}", dir.display());
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        if entry.file_type().unwrap().is_dir() {
            files += assert_private(&path);
        } else {
            let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{:o} {}", mode, path.display());
            files += 1;
        }
    }
    files
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_data_directory_and_its_files_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let port = free_port();
    let server = ServerProcess::launch(Launch {
        data_dir: &data,
        log_dir: dir.path(),
        port,
        env: &[],
        open_files: None,
    })
    .await;
    let api = Api::new(&server.base);
    let token = api.sign_in("private", "conn.example").await;
    let run_id = draft_run(&api, &token).await;
    let response = api
        .http
        .post(format!(
            "{}/runs/{run_id}/evidence/upload?filename=memo.txt",
            server.base
        ))
        .bearer_auth(&token)
        .body("a private memo")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    for name in [
        "defendable.db",
        "defendable.db-wal",
        "defendable.db-shm",
        "jwt_secret",
    ] {
        assert!(data.join(name).exists(), "{name}");
    }
    let files = assert_private(&data);
    assert!(files >= 5, "{files} files");
}
