//! Hostile inputs against a real server process: deeply nested JSON, 10 MB
//! strings, `9**9**9` and other runaway formulas in submissions, invalid UTF-8
//! in bodies, paths, queries and headers, and header floods. Each gets a quick
//! answer (a 4xx with `{"detail"}`, or a bounded audit), the server's peak
//! memory stays bounded, and it keeps serving.

use crate::processes;

use std::io::{Read as _, Write as _};
use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use processes::{free_port, Api, ServerProcess};

/// No hostile request may take longer than this (debug build, shared machine).
const ANSWER_WITHIN: Duration = Duration::from_secs(20);

async fn send(
    api: &Api,
    method: Method,
    path: &str,
    token: Option<&str>,
    content_type: &str,
    body: Vec<u8>,
) -> (StatusCode, Value) {
    let mut req = api
        .http
        .request(method, format!("{}{path}", api.base))
        .header("content-type", content_type)
        .body(body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let resp = tokio::time::timeout(ANSWER_WITHIN, req.send())
        .await
        .unwrap_or_else(|_| panic!("{path}: no answer within {ANSWER_WITHIN:?}"))
        .unwrap();
    let status = resp.status();
    let text = resp.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn assert_4xx_detail(status: StatusCode, body: &Value, what: &str) {
    assert!(status.is_client_error(), "{what}: {status} {body}");
    let detail = body["detail"]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: no detail in {body}"));
    assert!(!detail.is_empty(), "{what}");
}

/// Sends raw bytes on a new connection and returns the response head and body.
fn raw_exchange(port: u16, request: &[u8]) -> String {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(ANSWER_WITHIN)).unwrap();
    // The server may answer and close before reading everything.
    let _ = stream.write_all(request);
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                out.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&out);
                if let Some((head, body)) = text.split_once("\r\n\r\n") {
                    let length = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                        })
                        .unwrap_or(0);
                    if body.len() >= length {
                        break;
                    }
                }
            }
            Err(_) => break,
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn status_of(response: &str) -> u16 {
    response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {response:?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hostile_inputs_get_quick_4xx_answers_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let server = ServerProcess::start(dir.path(), port, &[]).await;
    let api = Api::new(&server.base);
    let token = api.sign_in("hostile", "hostile.example").await;
    let project = api
        .ok(
            Method::POST,
            "/projects",
            &token,
            json!({"name": "hostile"}),
        )
        .await;
    let run = api
        .ok(
            Method::POST,
            "/runs",
            &token,
            json!({"project_id": project["id"], "lane": "other", "title": "target"}),
        )
        .await;
    let run_id = run["id"].as_str().unwrap().to_string();
    let baseline = server.memory_kib("VmHWM").expect("/proc status");

    // Deeply nested JSON, in every body position.
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_object = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    for (path, body) in [
        (
            "/projects".to_string(),
            format!("{{\"name\": {deep_array}}}"),
        ),
        (
            "/runs".to_string(),
            format!(
                "{{\"project_id\": \"{}\", \"title\": \"t\", \"inputs\": {deep_object}}}",
                project["id"].as_str().unwrap()
            ),
        ),
        (format!("/runs/{run_id}/submission"), deep_object.clone()),
        (format!("/runs/{run_id}/evidence"), deep_array.clone()),
        ("/auth/request".to_string(), deep_object.clone()),
    ] {
        let (status, value) = send(
            &api,
            Method::POST,
            &path,
            Some(&token),
            "application/json",
            body.into_bytes(),
        )
        .await;
        assert_4xx_detail(status, &value, &format!("nested JSON to {path}"));
    }

    // 10 MB strings in JSON fields.
    let ten_mb = "x".repeat(10 * 1024 * 1024);
    for (path, field) in [
        ("/projects".to_string(), "name"),
        ("/runs".to_string(), "title"),
        (format!("/runs/{run_id}/evidence"), "content"),
        (format!("/runs/{run_id}/submission"), "output_text"),
        ("/auth/request".to_string(), "email"),
        ("/auth/verify".to_string(), "token"),
    ] {
        let body = json!({ field: ten_mb, "project_id": project["id"] }).to_string();
        let (status, value) = send(
            &api,
            Method::POST,
            &path,
            Some(&token),
            "application/json",
            body.into_bytes(),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::PAYLOAD_TOO_LARGE,
            "{path}.{field}: {value}"
        );
        assert_4xx_detail(status, &value, &format!("10 MB {field} to {path}"));
    }

    // Invalid UTF-8 in a JSON body, a multipart label, a path, a query and a header.
    let (status, value) = send(
        &api,
        Method::POST,
        "/projects",
        Some(&token),
        "application/json",
        b"{\"name\": \"\xff\xfe\xfd\"}".to_vec(),
    )
    .await;
    assert_4xx_detail(status, &value, "invalid UTF-8 in JSON");
    let form = b"--XB\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\n\xff\xfe\r\n--XB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--XB--\r\n".to_vec();
    let (status, value) = send(
        &api,
        Method::POST,
        &format!("/runs/{run_id}/evidence/upload"),
        Some(&token),
        "multipart/form-data; boundary=XB",
        form,
    )
    .await;
    assert_4xx_detail(status, &value, "invalid UTF-8 in a multipart label");
    for path in [
        "/runs/%FF%FE".to_string(),
        "/ledger?limit=%FF".to_string(),
        "/flight-sheets/%C0%AF".to_string(),
        format!("/runs/{run_id}/evidence/upload?filename=%FF%FE.txt&label=%FF"),
    ] {
        let method = if path.contains("upload") {
            Method::POST
        } else {
            Method::GET
        };
        let (status, value) = send(
            &api,
            method,
            &path,
            Some(&token),
            "application/octet-stream",
            b"bytes".to_vec(),
        )
        .await;
        assert_4xx_detail(status, &value, &format!("invalid UTF-8 in {path}"));
    }
    let response = raw_exchange(
        port,
        b"GET /auth/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \xff\xfe\xfd\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(status_of(&response), 401, "{response}");
    assert!(response.contains("\"detail\""), "{response}");

    // Header floods: over the server's own limits a 431 that says why; far
    // beyond them, a bare 431 and a closed connection; quickly either way.
    let mut many = String::from("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
    for i in 0..150 {
        many.push_str(&format!("X-Flood-{i}: {i}\r\n"));
    }
    many.push_str("\r\n");
    let response = raw_exchange(port, many.as_bytes());
    assert_eq!(status_of(&response), 431, "{response}");
    assert!(response.contains("\"detail\""), "{response}");
    let big = format!(
        "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: {}\r\n\r\n",
        "b".repeat(48 * 1024)
    );
    let response = raw_exchange(port, big.as_bytes());
    assert_eq!(status_of(&response), 431, "{response}");
    assert!(response.contains("\"detail\""), "{response}");
    let mut flood = String::from("GET /healthz HTTP/1.1\r\nHost: x\r\n");
    for i in 0..20_000 {
        flood.push_str(&format!("X-Flood-{i}: {}\r\n", "v".repeat(32)));
    }
    flood.push_str("\r\n");
    let response = raw_exchange(port, flood.as_bytes());
    assert_eq!(status_of(&response), 431, "{response}");

    // Runaway formulas in a submission: the audit answers promptly and marks
    // them unverifiable or unchecked instead of computing them.
    let sheet = api
        .ok(
            Method::GET,
            "/flight-sheets/invoice_totals_check",
            &token,
            Value::Null,
        )
        .await;
    let run = api
        .ok(
            Method::POST,
            "/runs",
            &token,
            json!({"project_id": project["id"], "flight_sheet_id": sheet["id"]}),
        )
        .await;
    let formula_run = run["id"].as_str().unwrap().to_string();
    let formulas = [
        "9**9**9".to_string(),
        "9^9^9^9".to_string(),
        "(((((((((((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))))))))))"
            .into(),
        format!("a{}", "*a".repeat(2000)),
        "1e308*1e308".to_string(),
        "a/0".to_string(),
        "__import__('os').system('true')".to_string(),
    ];
    let calculations: Vec<Value> = formulas
        .iter()
        .enumerate()
        .map(|(i, f)| json!({"name": format!("Hostile {i}"), "formula": f, "inputs": {"a": 2}, "result": 4}))
        .collect();
    let submission = json!({
        "invoice": {"number": "1", "currency": "EUR", "payment_terms_days": 30, "lines": [],
                    "subtotal": 0, "tax_rate": 0, "tax": 0, "total": 0},
        "calculations": calculations,
        "claims": [],
        "final_output": "x",
    });
    api.ok(
        Method::POST,
        &format!("/runs/{formula_run}/submission"),
        &token,
        json!({"output_text": submission.to_string()}),
    )
    .await;
    let audit = tokio::time::timeout(
        ANSWER_WITHIN,
        api.ok(
            Method::POST,
            &format!("/runs/{formula_run}/audit"),
            &token,
            json!({}),
        ),
    )
    .await
    .expect("the audit answers promptly");
    let checks = api
        .ok(
            Method::GET,
            &format!("/runs/{formula_run}/checks"),
            &token,
            Value::Null,
        )
        .await;
    let checks = checks["checks"]
        .as_array()
        .unwrap_or_else(|| panic!("{checks}"));
    for (i, formula) in formulas.iter().enumerate() {
        let check = checks
            .iter()
            .find(|c| c["check_key"] == json!(format!("math_Hostile_{i}")))
            .unwrap_or_else(|| panic!("a check for formula {i}: {checks:?}"));
        // Either unverifiable (skipped), or stopped by a documented limit: then it
        // is a mid flag saying so, so that the unchecked math cannot pass unseen.
        let detail = check["detail"].as_str().unwrap();
        match check["status"].as_str() {
            Some("skip") => assert!(
                detail.contains("not evaluable") || detail.contains("not verifiable"),
                "{detail}"
            ),
            Some("flag") => {
                assert_eq!(check["severity"], "mid", "formula {formula}: {check}");
                assert!(detail.contains("documented limit"), "{detail}");
            }
            _ => panic!("formula {formula}: {check}"),
        }
    }
    assert!(audit["verdict"].is_object(), "{audit}");

    // Bounded memory: the peak grew by less than 64 MiB over all of the above.
    let peak = server.memory_kib("VmHWM").unwrap();
    eprintln!("peak memory: {baseline} KiB before, {peak} KiB after");
    assert!(
        peak.saturating_sub(baseline) < 64 * 1024,
        "peak memory grew from {baseline} KiB to {peak} KiB"
    );

    // Still serving, and the target run is untouched.
    let detail = api
        .ok(Method::GET, &format!("/runs/{run_id}"), &token, Value::Null)
        .await;
    assert_eq!(detail["status"], "draft");
    assert!(detail["submission"].is_null());
    assert!(detail["evidence"].as_array().unwrap().is_empty());
}
