//! The HTTP layer and rate limits against a real server: security headers on
//! every kind of response, CORS preflight, 429 with `Retry-After`, and
//! `{"detail"}` bodies for the router's own errors.

use crate::common;

use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use common::TestServer;

const APP: &str = "https://app.example.com";

fn assert_security_headers(headers: &HeaderMap, what: &str) {
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "strict-origin-when-cross-origin"),
    ] {
        assert_eq!(
            headers.get(name).and_then(|v| v.to_str().ok()),
            Some(value),
            "{what}: {name} in {headers:?}"
        );
    }
    for name in [
        "content-security-policy",
        "permissions-policy",
        "cache-control",
    ] {
        assert!(headers.contains_key(name), "{what}: {name} in {headers:?}");
    }
}

async fn server(extra: &[&str]) -> TestServer {
    let mut flags = vec!["--cors-origins", APP];
    flags.extend_from_slice(extra);
    TestServer::start_with(None, &flags).await
}

/// Signs in, takes a run through to a receipt and returns its share token.
async fn mint_a_receipt(s: &TestServer) -> (String, String, String) {
    let token = s.sign_in("pdf", "hardening.example").await;
    let project = s
        .ok_post("/projects", &token, json!({"name": "hardening"}))
        .await;
    let run = s
        .ok_post(
            "/runs",
            &token,
            json!({"project_id": project["id"], "lane": "dataset", "title": "rows",
                   "inputs": {"source": "s3://bucket/x", "row_count": 10}}),
        )
        .await;
    let run_id = run["id"].as_str().unwrap().to_string();
    s.ok_post(
        &format!("/runs/{run_id}/evidence"),
        &token,
        json!({"kind": "note", "label": "sample", "content": "fine"}),
    )
    .await;
    s.ok_post(&format!("/runs/{run_id}/checks"), &token, json!({}))
        .await;
    s.ok_post(
        &format!("/runs/{run_id}/approve"),
        &token,
        json!({"decision": "approved"}),
    )
    .await;
    let receipt = s
        .ok_post(&format!("/runs/{run_id}/receipt"), &token, json!({}))
        .await;
    let share = receipt["share_token"].as_str().unwrap().to_string();
    (token, run_id, share)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn security_headers_on_json_errors_and_pdf() {
    let s = server(&[]).await;

    let ok = s.http.get(s.url("/healthz")).send().await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    assert_security_headers(ok.headers(), "healthz");
    assert_eq!(ok.headers()["cache-control"], "no-store");
    // The base URL is http here: no HSTS.
    assert!(!ok.headers().contains_key("strict-transport-security"));

    let denied = s.http.get(s.url("/runs")).send().await.unwrap();
    assert_eq!(denied.status(), StatusCode::UNAUTHORIZED);
    assert_security_headers(denied.headers(), "401");
    let body: Value = denied.json().await.unwrap();
    assert!(body["detail"].is_string(), "{body}");

    let (_, _, share) = mint_a_receipt(&s).await;
    let pdf = s
        .http
        .get(s.url(&format!("/share/{share}/pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert_security_headers(pdf.headers(), "pdf");
    let bytes = pdf.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hsts_when_the_base_url_is_https() {
    let s = server(&["--api-base-url", "https://api.example.com"]).await;
    let ok = s.http.get(s.url("/healthz")).send().await.unwrap();
    assert!(ok.headers()["strict-transport-security"]
        .to_str()
        .unwrap()
        .contains("max-age="));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn cors_for_allowed_origins_only() {
    let s = server(&[]).await;
    let preflight = |origin: &'static str| {
        s.http
            .request(Method::OPTIONS, s.url("/runs/abc/checks/def"))
            .header("origin", origin)
            .header("access-control-request-method", "PATCH")
            .header(
                "access-control-request-headers",
                "authorization, content-type",
            )
            .send()
    };

    let allowed = preflight(APP).await.unwrap();
    assert_eq!(allowed.status(), StatusCode::NO_CONTENT);
    let h = allowed.headers();
    assert_eq!(h["access-control-allow-origin"], APP);
    let methods = h["access-control-allow-methods"].to_str().unwrap();
    for m in ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] {
        assert!(methods.contains(m), "{methods}");
    }
    assert!(h["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .contains("authorization"));
    assert!(!h.contains_key("access-control-allow-credentials"));
    assert_security_headers(h, "preflight");

    let refused = preflight("https://evil.example").await.unwrap();
    assert_eq!(refused.status(), StatusCode::NO_CONTENT);
    assert!(!refused
        .headers()
        .contains_key("access-control-allow-origin"));
    assert!(!refused
        .headers()
        .contains_key("access-control-allow-methods"));

    // Simple requests: the allowed origin may read the response, others may not.
    let read = s
        .http
        .get(s.url("/healthz"))
        .header("origin", APP)
        .send()
        .await
        .unwrap();
    assert_eq!(read.headers()["access-control-allow-origin"], APP);
    assert!(read.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .contains("Retry-After"));
    let other = s
        .http
        .get(s.url("/healthz"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::OK);
    assert!(!other.headers().contains_key("access-control-allow-origin"));
}

async fn request_link(s: &TestServer, email: &str) -> reqwest::Response {
    s.http
        .post(s.url("/auth/request"))
        .json(&json!({ "email": email }))
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn auth_request_is_rate_limited_per_email() {
    let s = server(&["--rate-limit-auth-per-email", "2"]).await;
    for _ in 0..2 {
        let ok = request_link(&s, "busy@limits.example").await;
        assert_eq!(ok.status(), StatusCode::OK);
    }
    let refused = request_link(&s, "Busy@Limits.example").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    assert_security_headers(refused.headers(), "429");
    let body: Value = refused.json().await.unwrap();
    assert!(
        body["detail"].as_str().unwrap().contains("too many"),
        "{body}"
    );

    // Another email from the same address is not affected.
    let other = request_link(&s, "calm@limits.example").await;
    assert_eq!(other.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn auth_request_is_rate_limited_per_address_and_verify_too() {
    let s = server(&[
        "--rate-limit-auth-per-address",
        "2",
        "--rate-limit-verify-per-address",
        "1",
    ])
    .await;
    assert_eq!(
        request_link(&s, "a@addr.example").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        request_link(&s, "b@addr.example").await.status(),
        StatusCode::OK
    );
    let refused = request_link(&s, "c@addr.example").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers().contains_key("retry-after"));

    let (status, _) = s
        .call(
            Method::POST,
            "/auth/verify",
            None,
            Some(json!({"token": "nope"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = s
        .call(
            Method::POST,
            "/auth/verify",
            None,
            Some(json!({"token": "nope"})),
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_proxy_header_counts_only_when_trusted() {
    let forwarded = |s: &TestServer, hop: &'static str, email: &'static str| {
        s.http
            .post(s.url("/auth/request"))
            .header("x-forwarded-for", hop)
            .json(&json!({ "email": email }))
            .send()
    };
    // Trusted: each forwarded client has its own budget.
    let s = server(&["--rate-limit-auth-per-address", "1", "--trust-proxy-header"]).await;
    let a = forwarded(&s, "203.0.113.1", "a@proxy.example")
        .await
        .unwrap();
    assert_eq!(a.status(), StatusCode::OK);
    let b = forwarded(&s, "203.0.113.2, 10.0.0.1", "b@proxy.example")
        .await
        .unwrap();
    assert_eq!(b.status(), StatusCode::OK);
    let again = forwarded(&s, "203.0.113.1", "c@proxy.example")
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::TOO_MANY_REQUESTS);

    // Not trusted: the header is ignored, everyone is the loopback peer.
    let s = server(&["--rate-limit-auth-per-address", "1"]).await;
    let a = forwarded(&s, "203.0.113.1", "a@proxy.example")
        .await
        .unwrap();
    assert_eq!(a.status(), StatusCode::OK);
    let b = forwarded(&s, "203.0.113.2", "b@proxy.example")
        .await
        .unwrap();
    assert_eq!(b.status(), StatusCode::TOO_MANY_REQUESTS);

    // A client cannot forge the layer's own peer header either.
    let forged = s
        .http
        .post(s.url("/auth/request"))
        .header(defendable_server::limits::PEER_HEADER, "guess 203.0.113.9")
        .json(&json!({ "email": "d@proxy.example" }))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn mints_are_rate_limited_per_org() {
    let s = server(&["--rate-limit-mint-per-org", "1"]).await;
    let (token, run_id, _) = mint_a_receipt(&s).await;
    let (status, body) = s
        .post(&format!("/runs/{run_id}/receipt"), &token, json!({}))
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert!(body["detail"].as_str().unwrap().contains("mints"), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn router_errors_carry_detail() {
    let s = server(&[]).await;
    let missing = s.http.get(s.url("/no/such/path")).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_security_headers(missing.headers(), "404");
    let body: Value = missing.json().await.unwrap();
    assert_eq!(body["detail"], "Not Found", "{body}");
    assert!(body.get("message").is_none(), "{body}");

    let wrong = s.http.delete(s.url("/healthz")).send().await.unwrap();
    assert_eq!(wrong.status(), StatusCode::METHOD_NOT_ALLOWED);
    let body: Value = wrong.json().await.unwrap();
    assert!(body["detail"].is_string(), "{body}");

    // Handler errors keep their own detail untouched.
    let (status, body) = s.get("/runs/unknown", "not-a-token").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(
        body["detail"].is_string() && body.get("request_id").is_none(),
        "{body}"
    );
}
