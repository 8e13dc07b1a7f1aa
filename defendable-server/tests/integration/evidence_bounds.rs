//! Evidence per run is bounded in items and bytes, and the composite view of
//! a run stays small however much evidence it holds: it lists metadata and
//! short previews, and the whole items are read page by page.

use crate::common;

use reqwest::StatusCode;
use serde_json::{json, Value};

use common::TestServer;

const FLAGS: &[&str] = &[
    "--evidence-max-items-per-run",
    "5",
    "--evidence-max-bytes-per-run",
    "400000",
];

async fn draft_run(s: &TestServer, token: &str) -> String {
    let project = s
        .ok_post("/projects", token, json!({"name": "bounds"}))
        .await;
    let run = s
        .ok_post(
            "/runs",
            token,
            json!({"project_id": project["id"], "lane": "other", "title": "bounded"}),
        )
        .await;
    run["id"].as_str().unwrap().to_string()
}

fn assert_detail(status: StatusCode, body: &Value, expected: StatusCode, what: &str) {
    assert_eq!(status, expected, "{what}: {body}");
    assert!(
        body["detail"].as_str().is_some_and(|d| !d.is_empty()),
        "{what}: {body}"
    );
}

async fn evidence_is_bounded_and_the_view_small(s: &TestServer) {
    let token = s.sign_in("bounds", "evidence.example").await;

    // Count: five items fit, the sixth is refused (as a note and as a file).
    let run = draft_run(s, &token).await;
    let big_note = "n".repeat(70_000);
    for i in 0..5 {
        s.ok_post(
            &format!("/runs/{run}/evidence"),
            &token,
            json!({"label": format!("note {i}"), "content": big_note}),
        )
        .await;
    }
    let (status, body) = s
        .post(
            &format!("/runs/{run}/evidence"),
            &token,
            json!({"label": "one too many", "content": "x"}),
        )
        .await;
    assert_detail(status, &body, StatusCode::CONFLICT, "a sixth note");
    let response = s
        .http
        .post(s.url(&format!("/runs/{run}/evidence/upload?filename=a.txt")))
        .bearer_auth(&token)
        .body("a file")
        .send()
        .await
        .unwrap();
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_detail(
        status,
        &body,
        StatusCode::CONFLICT,
        "a sixth item as a file",
    );

    // The composite view: five notes of 70 KB give a small document.
    let response = s
        .http
        .get(s.url(&format!("/runs/{run}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.unwrap();
    assert!(
        text.len() < 20_000,
        "the composite view is {} bytes",
        text.len()
    );
    let detail: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(detail["evidence_total"], 5);
    let listed = detail["evidence"].as_array().unwrap();
    assert_eq!(listed.len(), 5);
    for item in listed {
        assert_eq!(item["content"].as_str().unwrap().chars().count(), 500);
        assert_eq!(item["byte_size"], 70_000);
    }

    // The whole items, page by page.
    let page = s
        .ok_get(&format!("/runs/{run}/evidence?limit=2"), &token)
        .await;
    assert_eq!(page["total"], 5);
    assert_eq!(page["next_offset"], 2);
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["label"], "note 0");
    assert_eq!(items[0]["content"].as_str().unwrap().len(), 70_000);
    let last = s
        .ok_get(&format!("/runs/{run}/evidence?offset=4&limit=2"), &token)
        .await;
    assert_eq!(last["items"].as_array().unwrap().len(), 1);
    assert!(last["next_offset"].is_null(), "{last}");
    let (status, body) = s
        .get(&format!("/runs/{run}/evidence?limit=500"), &token)
        .await;
    assert_detail(status, &body, StatusCode::BAD_REQUEST, "a page too large");

    // Bytes: 400 KB in all; a note or a file past it is refused with 413.
    let run = draft_run(s, &token).await;
    let note = "b".repeat(300_000);
    s.ok_post(
        &format!("/runs/{run}/evidence"),
        &token,
        json!({"label": "big", "content": note}),
    )
    .await;
    let (status, body) = s
        .post(
            &format!("/runs/{run}/evidence"),
            &token,
            json!({"label": "past the bytes", "content": "c".repeat(150_000)}),
        )
        .await;
    assert_detail(
        status,
        &body,
        StatusCode::PAYLOAD_TOO_LARGE,
        "a note past the bytes",
    );
    let response = s
        .http
        .post(s.url(&format!("/runs/{run}/evidence/upload?filename=b.bin")))
        .bearer_auth(&token)
        .body(vec![b'f'; 150_000])
        .send()
        .await
        .unwrap();
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_detail(
        status,
        &body,
        StatusCode::PAYLOAD_TOO_LARGE,
        "a file past the bytes",
    );
    let page = s.ok_get(&format!("/runs/{run}/evidence"), &token).await;
    assert_eq!(page["total"], 1, "{page}");
}

on_both_backends_with!(
    bounded_evidence,
    evidence_is_bounded_and_the_view_small,
    FLAGS
);
