//! Observability against real servers: `/metrics` counters move with
//! requests, 429s and mints; who may read `/metrics`; request ids in
//! responses, error bodies and every JSON log line of a request; no colour escapes
//! in a log that is not a terminal.

use crate::common;
use crate::processes;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use common::{metric, TestServer};
use processes::{free_port, Api, ServerProcess};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn metrics_count_requests_refusals_and_mints() {
    let s = TestServer::start_with(None, &["--rate-limit-auth-per-email", "1"]).await;
    let before = s.scrape().await;
    assert!(before.contains("# TYPE defendable_http_requests_total counter"));
    assert!(before.contains("# TYPE defendable_http_request_duration_seconds histogram"));
    assert!(before.contains("defendable_cook_claims_total 0"));
    assert!(before.contains("defendable_download_grants_total 0"));
    let health = r#"defendable_http_requests_total{method="GET",route="/healthz",status="200"}"#;
    let health_count =
        r#"defendable_http_request_duration_seconds_count{method="GET",route="/healthz"}"#;
    let health_inf = r#"defendable_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="+Inf"}"#;
    for _ in 0..3 {
        let (status, _) = s.call(Method::GET, "/healthz", None, None).await;
        assert_eq!(status, StatusCode::OK);
    }
    // Paths are labelled by their route template, unknown paths share one label.
    let (status, _) = s.call(Method::GET, "/runs/some-run-id", None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = s.call(Method::GET, "/no/such/path/here", None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A second sign-in request for one email within a minute is refused.
    let token = s.sign_in("metrics", "observe.example").await;
    let email = format!("metrics{}observe.example", '@');
    let (status, _) = s
        .call(
            Method::POST,
            "/auth/request",
            None,
            Some(json!({"email": email})),
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);

    // One receipt.
    let api = Api::new(&s.base);
    let runs = api.approved_runs(&token, 1, 1).await;
    let receipt = s
        .ok_post(&format!("/runs/{}/receipt", runs[0]), &token, json!({}))
        .await;
    assert_eq!(receipt["org_seq"], json!(0));

    let after = s.scrape().await;
    assert_eq!(
        metric(&after, health) - metric(&before, health),
        3.0,
        "{after}"
    );
    assert_eq!(
        metric(&after, health_count) - metric(&before, health_count),
        3.0
    );
    assert_eq!(metric(&after, health_inf), metric(&after, health_count));
    assert_eq!(
        metric(
            &after,
            r#"defendable_http_requests_total{method="GET",route="/runs/{run_id}",status="401"}"#
        ),
        1.0,
        "{after}"
    );
    assert_eq!(
        metric(
            &after,
            r#"defendable_http_requests_total{method="GET",route="unmatched",status="404"}"#
        ),
        1.0
    );
    assert_eq!(
        metric(
            &after,
            r#"defendable_rate_limited_total{route="/auth/request"}"#
        ),
        1.0
    );
    assert_eq!(
        metric(&after, r#"defendable_receipts_minted_total{kind="run"}"#),
        1.0
    );
    // Asking for the same receipt again mints nothing.
    s.ok_post(&format!("/runs/{}/receipt", runs[0]), &token, json!({}))
        .await;
    let again = s.scrape().await;
    assert_eq!(
        metric(&again, r#"defendable_receipts_minted_total{kind="run"}"#),
        1.0
    );
    assert_eq!(
        metric(
            &again,
            r#"defendable_http_requests_total{method="GET",route="/metrics",status="200"}"#
        ),
        2.0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn metrics_are_loopback_only_without_a_token_and_need_it_with_one() {
    let open = TestServer::start_with(None, &[]).await;
    let resp = open
        .http
        .get(open.url("/metrics"))
        .header("x-forwarded-for", "203.0.113.7")
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.status(),
        StatusCode::FORBIDDEN,
        "a proxied request is not local"
    );
    let body: Value = resp.json().await.unwrap();
    assert!(body["detail"].as_str().unwrap().contains("METRICS_TOKEN"));

    let guarded = TestServer::start_with(None, &["--metrics-token", "scrape-secret-123"]).await;
    for auth in [None, Some("Bearer wrong"), Some("scrape-secret-123")] {
        let mut req = guarded.http.get(guarded.url("/metrics"));
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED, "{auth:?}");
        let body: Value = resp.json().await.unwrap();
        assert!(body["detail"].is_string());
    }
    let resp = guarded
        .http
        .get(guarded.url("/metrics"))
        .bearer_auth("scrape-secret-123")
        .header("x-forwarded-for", "203.0.113.7")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("defendable_http_requests_total"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn request_ids_are_returned_kept_when_sane_and_match_error_bodies() {
    let s = TestServer::start_with(None, &[]).await;
    let resp = s.http.get(s.url("/healthz")).send().await.unwrap();
    let made = resp.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_eq!(made.len(), 32);
    let resp = s.http.get(s.url("/healthz")).send().await.unwrap();
    assert_ne!(resp.headers()["x-request-id"].to_str().unwrap(), made);

    let resp = s
        .http
        .get(s.url("/healthz"))
        .header("x-request-id", "edge-7f3a:1")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["x-request-id"], "edge-7f3a:1");
    let resp = s
        .http
        .get(s.url("/healthz"))
        .header("x-request-id", "<script>")
        .send()
        .await
        .unwrap();
    assert_ne!(resp.headers()["x-request-id"], "<script>");

    // The router's own error body names the same id as the header.
    let resp = s
        .http
        .get(s.url("/no/such/path"))
        .header("x-request-id", "lost-1")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    assert_eq!(resp.headers()["x-request-id"], "lost-1");
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["request_id"], "lost-1", "{body}");
    assert!(body["detail"].is_string());
}

/// With `LOG_FORMAT=json` every line is a JSON object, and the lines written
/// while a request is handled (by the handler and by the layer) carry its id.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn json_logs_carry_the_request_id_on_every_line_of_a_request() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = ServerProcess::start(dir.path(), free_port(), &[("LOG_FORMAT", "json")]).await;
    let api = Api::new(&server.base);
    let email = format!("logs{}observe.example", '@');
    let resp = api
        .http
        .post(format!("{}/auth/request", server.base))
        .header("x-request-id", "trace-me-42")
        .json(&json!({ "email": email }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["x-request-id"], "trace-me-42");
    server.stop();

    let text = server.log_text();
    let lines: Vec<Value> = text
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(!lines.is_empty(), "{text}");
    let ours: Vec<&Value> = lines
        .iter()
        .filter(|l| l["request_id"] == "trace-me-42")
        .collect();
    let messages: Vec<&str> = ours
        .iter()
        .filter_map(|l| l["fields"]["message"].as_str())
        .collect();
    assert!(
        messages.contains(&"magic link issued"),
        "handler line: {text}"
    );
    assert!(messages.contains(&"request"), "layer line: {text}");
    let access = ours
        .iter()
        .find(|l| l["fields"]["message"] == "request")
        .unwrap();
    assert_eq!(access["fields"]["route"], "/auth/request");
    assert_eq!(access["fields"]["status"], 200);
    assert!(access["level"].is_string() && access["timestamp"].is_string());
    // Lines of other requests (the readiness probes) carry their own ids.
    assert!(lines
        .iter()
        .filter(|l| l["fields"]["message"] == "request" && l["fields"]["route"] == "/healthz")
        .all(|l| l["request_id"]
            .as_str()
            .is_some_and(|id| id != "trace-me-42")));
}

/// Text logs written to a file (not a terminal) carry no ANSI colour escapes.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn text_logs_into_a_file_have_no_colour_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = ServerProcess::start(dir.path(), free_port(), &[]).await;
    let api = Api::new(&server.base);
    let resp = api
        .http
        .get(format!("{}/healthz", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    server.stop();
    let text = server.log_text();
    assert!(text.contains("request"), "{text}");
    assert!(!text.contains('\u{1b}'), "escapes in the log: {text:?}");
}
