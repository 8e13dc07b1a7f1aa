//! Bad input of every kind gets a 4xx with `{"detail": ...}`, never a 500, and
//! leaves nothing half-written.

use crate::common;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use common::TestServer;

fn assert_detail(status: StatusCode, body: &Value, expected: StatusCode, context: &str) {
    assert_eq!(status, expected, "{context}: {body}");
    assert!(body["detail"].is_string(), "{context}: no detail in {body}");
}

async fn raw(
    s: &TestServer,
    method: Method,
    path: &str,
    token: Option<&str>,
    content_type: &str,
    body: Vec<u8>,
) -> (StatusCode, Value) {
    let mut req = s
        .http
        .request(method, s.url(path))
        .header("content-type", content_type)
        .body(body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status();
    let text = resp.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn auth_failures(s: &TestServer) {
    for (header, why) in [
        (None, "missing"),
        (Some("Bearer garbage"), "garbage"),
        (Some("Bearer "), "empty"),
        (Some("Basic abc"), "wrong scheme"),
        (
            Some("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"),
            "forged",
        ),
    ] {
        let mut req = s.http.get(s.url("/runs"));
        if let Some(h) = header {
            req = req.header("authorization", h);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let body: Value = resp.json().await.unwrap();
        assert_detail(status, &body, StatusCode::UNAUTHORIZED, why);
    }
    // A magic link works once.
    let email = format!("once{}example.com", '@');
    let (_, v) = s
        .call(
            Method::POST,
            "/auth/request",
            None,
            Some(json!({"email": email})),
        )
        .await;
    let token = v["dev_link"]
        .as_str()
        .unwrap()
        .split("token=")
        .nth(1)
        .unwrap()
        .to_string();
    let (status, _) = s
        .call(
            Method::POST,
            "/auth/verify",
            None,
            Some(json!({"token": token})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = s
        .call(
            Method::POST,
            "/auth/verify",
            None,
            Some(json!({"token": token})),
        )
        .await;
    assert_detail(status, &body, StatusCode::UNAUTHORIZED, "reused link");

    // Two links of one new email used at the same moment: both sign in, into one
    // organisation; one link used twice at the same moment signs in once.
    let fresh = format!("race{}race.example", '@');
    let mut links = Vec::new();
    for _ in 0..2 {
        let (_, v) = s
            .call(
                Method::POST,
                "/auth/request",
                None,
                Some(json!({"email": fresh})),
            )
            .await;
        links.push(
            v["dev_link"]
                .as_str()
                .unwrap()
                .split("token=")
                .nth(1)
                .unwrap()
                .to_string(),
        );
    }
    let verify = |t: String| async move {
        s.call(
            Method::POST,
            "/auth/verify",
            None,
            Some(json!({"token": t})),
        )
        .await
    };
    let (a, b) = tokio::join!(verify(links[0].clone()), verify(links[1].clone()));
    assert_eq!((a.0, b.0), (StatusCode::OK, StatusCode::OK), "{a:?} {b:?}");
    assert_eq!(a.1["user"]["org_id"], b.1["user"]["org_id"]);
    let (_, v) = s
        .call(
            Method::POST,
            "/auth/request",
            None,
            Some(json!({"email": fresh})),
        )
        .await;
    let once = v["dev_link"]
        .as_str()
        .unwrap()
        .split("token=")
        .nth(1)
        .unwrap()
        .to_string();
    let (a, b) = tokio::join!(verify(once.clone()), verify(once));
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::OK, StatusCode::UNAUTHORIZED],
        "{a:?} {b:?}"
    );
    let (status, body) = s
        .call(
            Method::POST,
            "/auth/request",
            None,
            Some(json!({"email": "not-an-email"})),
        )
        .await;
    assert_detail(status, &body, StatusCode::BAD_REQUEST, "bad email");
    // A token signed with another secret is refused.
    let other = TestServer::start_with(
        None,
        &["--jwt-secret", "another-secret-that-is-long-enough-1234"],
    )
    .await;
    let foreign = other.sign_in("x", "foreign.example").await;
    let (status, body) = s.get("/auth/me", &foreign).await;
    assert_detail(status, &body, StatusCode::UNAUTHORIZED, "foreign token");
}
on_both_backends!(auth_failures_are_401, auth_failures);

async fn malformed_bodies(s: &TestServer) {
    let token = s.sign_in("bad", "input.example").await;
    let project = s.ok_post("/projects", &token, json!({"name": "p"})).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let run = s
        .ok_post(
            "/runs",
            &token,
            json!({"project_id": project, "title": "t"}),
        )
        .await;
    let run_id = run["id"].as_str().unwrap().to_string();
    let cases: Vec<(Method, String, &str, Vec<u8>, StatusCode)> = vec![
        (
            Method::POST,
            "/projects".into(),
            "application/json",
            b"{not json".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            "/projects".into(),
            "application/json",
            b"{\"name\": 5}".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            "/projects".into(),
            "application/json",
            b"{}".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            "/projects".into(),
            "application/json",
            b"{\"name\": \"   \"}".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            "/projects".into(),
            "application/json",
            format!("{{\"name\": \"{}\"}}", "x".repeat(201)).into_bytes(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            "/projects".into(),
            "text/plain",
            b"name".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            "/projects".into(),
            "application/json",
            vec![0xff, 0xfe, 0x00],
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            "/runs".into(),
            "application/json",
            b"{\"project_id\": \"nope\", \"title\": \"t\"}".to_vec(),
            StatusCode::NOT_FOUND,
        ),
        (
            Method::POST,
            "/runs".into(),
            "application/json",
            format!("{{\"project_id\": \"{project}\", \"flight_sheet_id\": \"missing\"}}")
                .into_bytes(),
            StatusCode::NOT_FOUND,
        ),
        (
            Method::POST,
            "/runs".into(),
            "application/json",
            format!("{{\"project_id\": \"{project}\", \"title\": \"t\", \"lane\": \"space\"}}")
                .into_bytes(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            "/runs".into(),
            "application/json",
            format!("{{\"project_id\": \"{project}\", \"title\": \"t\", \"inputs\": [1]}}")
                .into_bytes(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            format!("/runs/{run_id}/evidence"),
            "application/json",
            b"{\"label\": \"\"}".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            format!("/runs/{run_id}/evidence"),
            "application/json",
            b"{\"label\": \"x\", \"kind\": \"weird\"}".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            format!("/runs/{run_id}/submission"),
            "application/json",
            b"[1, 2]".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            format!("/runs/{run_id}/submission"),
            "application/json",
            b"{}".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            format!("/runs/{run_id}/submission"),
            "application/json",
            b"{\"output_text\": \"   \"}".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            format!("/runs/{run_id}/submission"),
            "application/json",
            b"{\"output_text\": \"x\", \"agent_name\": 7}".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            format!("/runs/{run_id}/approve"),
            "application/json",
            b"{\"decision\": \"maybe\"}".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            format!("/runs/{run_id}/approve"),
            "application/json",
            b"{\"decision\": \"approved\"}".to_vec(),
            StatusCode::CONFLICT,
        ),
        (
            Method::POST,
            format!("/runs/{run_id}/receipt"),
            "application/json",
            Vec::new(),
            StatusCode::CONFLICT,
        ),
        (
            Method::POST,
            format!("/runs/{run_id}/findings"),
            "application/json",
            Vec::new(),
            StatusCode::CONFLICT,
        ),
        (
            Method::PATCH,
            format!("/runs/{run_id}/checks/nope"),
            "application/json",
            b"{\"status\": \"pass\"}".to_vec(),
            StatusCode::NOT_FOUND,
        ),
        (
            Method::GET,
            "/runs?limit=-1".into(),
            "application/json",
            Vec::new(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::GET,
            "/runs?limit=abc".into(),
            "application/json",
            Vec::new(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::GET,
            "/runs/does-not-exist".into(),
            "application/json",
            Vec::new(),
            StatusCode::NOT_FOUND,
        ),
        (
            Method::GET,
            format!("/runs/{run_id}/verdict"),
            "application/json",
            Vec::new(),
            StatusCode::NOT_FOUND,
        ),
        (
            Method::GET,
            format!("/runs/{run_id}/submission"),
            "application/json",
            Vec::new(),
            StatusCode::NOT_FOUND,
        ),
        (
            Method::GET,
            "/flight-sheets/nope".into(),
            "application/json",
            Vec::new(),
            StatusCode::NOT_FOUND,
        ),
        (
            Method::GET,
            "/ledger?limit=0".into(),
            "application/json",
            Vec::new(),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::GET,
            "/share/%00%01".into(),
            "application/json",
            Vec::new(),
            StatusCode::NOT_FOUND,
        ),
        (
            Method::GET,
            "/share/unknown-token/pdf".into(),
            "application/json",
            Vec::new(),
            StatusCode::NOT_FOUND,
        ),
    ];
    for (method, path, ct, body, expected) in cases {
        let context = format!("{method} {path} {}", String::from_utf8_lossy(&body));
        let (status, value) = raw(s, method, &path, Some(&token), ct, body).await;
        assert_detail(status, &value, expected, &context);
    }
    // An oversize JSON body: 413.
    let huge = format!("{{\"output_text\": \"{}\"}}", "a".repeat(5 * 1024 * 1024));
    let (status, value) = raw(
        s,
        Method::POST,
        &format!("/runs/{run_id}/submission"),
        Some(&token),
        "application/json",
        huge.into_bytes(),
    )
    .await;
    assert_detail(
        status,
        &value,
        StatusCode::PAYLOAD_TOO_LARGE,
        "oversize body",
    );
    // Deeply nested JSON is refused cleanly.
    let nested = format!(
        "{{\"output_text\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let (status, value) = raw(
        s,
        Method::POST,
        &format!("/runs/{run_id}/submission"),
        Some(&token),
        "application/json",
        nested.into_bytes(),
    )
    .await;
    assert_detail(status, &value, StatusCode::BAD_REQUEST, "deep nesting");
    // Nothing above changed the run.
    let detail = s.ok_get(&format!("/runs/{run_id}"), &token).await;
    assert_eq!(detail["status"], "draft");
    assert!(detail["submission"].is_null());
    assert!(detail["evidence"].as_array().unwrap().is_empty());
}
on_both_backends!(
    malformed_bodies_are_4xx_and_change_nothing,
    malformed_bodies
);

async fn tenancy(s: &TestServer) {
    let alice = s.sign_in("alice", "first.example").await;
    let bob = s.sign_in("bob", "second.example").await;
    let project = s
        .ok_post("/projects", &alice, json!({"name": "private"}))
        .await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let run = s
        .ok_post(
            "/runs",
            &alice,
            json!({"project_id": project, "title": "mine"}),
        )
        .await;
    let run_id = run["id"].as_str().unwrap();
    for path in [
        format!("/runs/{run_id}"),
        format!("/runs/{run_id}/checks"),
        format!("/runs/{run_id}/flags"),
    ] {
        let (status, body) = s.get(&path, &bob).await;
        assert_detail(status, &body, StatusCode::NOT_FOUND, &path);
    }
    for path in [
        format!("/runs/{run_id}/evidence"),
        format!("/runs/{run_id}/checks"),
        format!("/runs/{run_id}/submission"),
    ] {
        let (status, body) = s
            .post(&path, &bob, json!({"label": "x", "output_text": "x"}))
            .await;
        assert_detail(status, &body, StatusCode::NOT_FOUND, &path);
    }
    let (status, body) = s
        .post(
            "/runs",
            &bob,
            json!({"project_id": project, "title": "sneaky"}),
        )
        .await;
    assert_detail(
        status,
        &body,
        StatusCode::NOT_FOUND,
        "another org's project",
    );
    assert!(s.ok_get("/runs", &bob).await["runs"]
        .as_array()
        .unwrap()
        .is_empty());
    assert!(s.ok_get("/projects", &bob).await["projects"]
        .as_array()
        .unwrap()
        .is_empty());
    let org = s.ok_get("/org", &alice).await;
    assert_eq!(org["member_count"], 1);
    assert_eq!(org["plan"], "free");
    let me = s.ok_get("/auth/me", &alice).await;
    assert_eq!(me["role"], "owner");
    assert_eq!(me["org_id"], org["id"]);
}
on_both_backends!(other_organisations_see_nothing, tenancy);

async fn health_and_meta(s: &TestServer) {
    let (status, health) = s.call(Method::GET, "/healthz", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(health["ok"], json!(true));
    assert_eq!(health["db"], json!(true));
    assert_eq!(health["storage"], json!(true));
    let (status, info) = s.call(Method::GET, "/", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(info["service"], "defendable-cloud-api");
    let (status, doc) = s.call(Method::GET, "/openapi.json", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.0"));
}
on_both_backends!(health_probes_and_serves_the_contract, health_and_meta);

/// NUL characters (which PostgreSQL cannot store) are a 400 wherever text goes in,
/// and a NUL in an id is a 4xx too; nothing is written.
async fn nul_characters(s: &TestServer) {
    let token = s.sign_in("nul", "nul.example").await;
    let project = s.ok_post("/projects", &token, json!({"name": "p"})).await;
    let project = project["id"].as_str().unwrap().to_string();
    let (status, body) = s
        .post("/projects", &token, json!({"name": "bad\u{0}name"}))
        .await;
    assert_detail(status, &body, StatusCode::BAD_REQUEST, "project name");
    let (status, body) = s
        .post(
            "/runs",
            &token,
            json!({"project_id": project, "lane": "other", "title": "t\u{0}"}),
        )
        .await;
    assert_detail(status, &body, StatusCode::BAD_REQUEST, "run title");
    let run = s
        .ok_post(
            "/runs",
            &token,
            json!({"project_id": project, "lane": "other", "title": "t"}),
        )
        .await;
    let run_id = run["id"].as_str().unwrap();
    for (path, body) in [
        (
            format!("/runs/{run_id}/evidence"),
            json!({"kind": "note", "label": "l", "content": "a\u{0}b"}),
        ),
        (
            format!("/runs/{run_id}/submission"),
            json!({"output_text": "out\u{0}put"}),
        ),
        (
            format!("/runs/{run_id}/submission"),
            json!({"output_text": "ok", "notes": "\u{0}"}),
        ),
        (
            format!("/runs/{run_id}/approve"),
            json!({"decision": "approved", "note": "\u{0}"}),
        ),
    ] {
        let (status, body) = s.post(&path, &token, body).await;
        assert!(status.is_client_error(), "{path}: {status} {body}");
        assert!(body["detail"].is_string(), "{path}: {body}");
    }
    let (status, body) = raw(
        s,
        Method::POST,
        &format!("/runs/{run_id}/evidence/upload?label=a%00b"),
        Some(&token),
        "application/octet-stream",
        b"bytes".to_vec(),
    )
    .await;
    assert_detail(status, &body, StatusCode::BAD_REQUEST, "upload label");
    for path in ["/runs/%00x", "/flight-sheets/%00", "/runs/%00/checks"] {
        let (status, body) = s.get(path, &token).await;
        assert!(status.is_client_error(), "{path}: {status} {body}");
    }
    let detail = s.ok_get(&format!("/runs/{run_id}"), &token).await;
    assert_eq!(detail["evidence"], json!([]), "nothing half-written");
    assert_eq!(detail["submission"], Value::Null);
}
on_both_backends!(nul_characters_are_refused, nul_characters);
