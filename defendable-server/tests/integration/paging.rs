//! Paged lists: `GET /runs` and `GET /cooks` walk to their end by cursor, a limit
//! above the largest page is read as that page (as the original service capped it),
//! and bad paging input is a 400; against a real server on both database backends.

use crate::common;

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{json, Value};

use common::TestServer;

/// Every id of `path`'s `key` list, page by page of `limit`.
async fn walk(s: &TestServer, token: &str, path: &str, key: &str, limit: i64) -> Vec<String> {
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let sep = if path.contains('?') { '&' } else { '?' };
        let url = match &cursor {
            Some(c) => format!("{path}{sep}limit={limit}&cursor={c}"),
            None => format!("{path}{sep}limit={limit}"),
        };
        let page = s.ok_get(&url, token).await;
        let rows = page[key].as_array().unwrap();
        assert!(rows.len() as i64 <= limit, "{url}");
        ids.extend(rows.iter().map(|r| r["id"].as_str().unwrap().to_string()));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => return ids,
        }
    }
}

async fn runs_page_to_the_end(s: &TestServer) {
    let token = s.sign_in("pager", "paging.example").await;
    let project = s
        .ok_post("/projects", &token, json!({"name": "many"}))
        .await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let other = s
        .ok_post("/projects", &token, json!({"name": "other"}))
        .await["id"]
        .as_str()
        .unwrap()
        .to_string();
    for n in 0..205 {
        s.ok_post(
            "/runs",
            &token,
            json!({"project_id": project, "title": format!("run {n}"), "lane": "other"}),
        )
        .await;
    }
    s.ok_post(
        "/runs",
        &token,
        json!({"project_id": other, "title": "elsewhere", "lane": "other"}),
    )
    .await;

    // The original's shape on the last page: no cursor at all.
    let first: Value = s.ok_get("/runs?limit=1000", &token).await;
    assert_eq!(first["runs"].as_array().unwrap().len(), 200);
    assert!(first["next_cursor"].is_string());
    let default = s.ok_get("/runs", &token).await;
    assert_eq!(default["runs"].as_array().unwrap().len(), 50);

    let all = walk(s, &token, "/runs", "runs", 200).await;
    assert_eq!(all.len(), 206);
    assert_eq!(all.iter().collect::<BTreeSet<_>>().len(), 206);
    let small = walk(s, &token, "/runs", "runs", 7).await;
    assert_eq!(
        small, all,
        "pages of 7 list the same runs in the same order"
    );
    let mine = walk(
        s,
        &token,
        &format!("/runs?project_id={project}"),
        "runs",
        100,
    )
    .await;
    assert_eq!(mine.len(), 205);
    let last = s.ok_get("/runs?limit=200", &token).await;
    let tail = s
        .ok_get(
            &format!(
                "/runs?limit=200&cursor={}",
                last["next_cursor"].as_str().unwrap()
            ),
            &token,
        )
        .await;
    assert_eq!(tail["runs"].as_array().unwrap().len(), 6);
    assert!(
        tail.get("next_cursor").is_none(),
        "the last page has no cursor: {tail}"
    );

    for bad in [
        "limit=0",
        "limit=-1",
        "limit=abc",
        "cursor=garbage",
        "cursor=1~2",
    ] {
        let (status, body) = s.get(&format!("/runs?{bad}"), &token).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert!(body["detail"].is_string(), "{bad}: {body}");
    }
    let (status, body) = s.get("/cooks?cursor=garbage", &token).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, body) = s.get("/cooks?limit=0", &token).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let cooks = s.ok_get("/cooks?limit=500", &token).await;
    assert_eq!(cooks, json!({"cooks": []}));
}
on_both_backends!(runs_and_cooks_page_to_the_end, runs_page_to_the_end);
