//! End to end over real HTTP: sign-in, runs through every engine, approvals,
//! receipts, the public view, the PDF and the ledger, on SQLite and PostgreSQL.

use crate::common;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use common::TestServer;
use defendable_contract::receipt::{verify_chain, ChainEntry};

/// Recomputes a receipt hash from the public payload alone.
fn recompute(payload: &Value) -> String {
    let mut p = payload.clone();
    p.as_object_mut().unwrap().remove("receipt_sha256");
    let bytes = defendable_contract::canonical::to_canonical_vec(&p).unwrap();
    hex::encode(Sha256::digest(&bytes))
}

async fn new_project(s: &TestServer, token: &str) -> String {
    let p = s
        .ok_post("/projects", token, json!({"name": "Q2 deals"}))
        .await;
    p["id"].as_str().unwrap().to_string()
}

async fn sheets(s: &TestServer, token: &str) -> Vec<Value> {
    s.ok_get("/flight-sheets", token).await["flight_sheets"]
        .as_array()
        .unwrap()
        .clone()
}

/// Checks the public view, the PDF and the ledger for a minted receipt.
async fn check_public_receipt(s: &TestServer, token: &str, receipt: &Value) {
    assert!(receipt["receipt_id"].as_str().unwrap().starts_with("DCR-"));
    assert_eq!(receipt["receipt_sha256"].as_str().unwrap().len(), 64);
    assert_eq!(receipt["parent_hash"].as_str().unwrap().len(), 64);
    let share_token = receipt["share_token"].as_str().unwrap();
    assert_eq!(
        receipt["share_url"],
        json!(s.url(&format!("/share/{share_token}")))
    );

    let (status, public) = s
        .call(Method::GET, &format!("/share/{share_token}"), None, None)
        .await;
    assert_eq!(status, StatusCode::OK, "{public}");
    assert_eq!(public["verified"], json!(true));
    assert_eq!(public["receipt_sha256"], receipt["receipt_sha256"]);
    assert_eq!(
        recompute(&public["payload"]),
        receipt["receipt_sha256"].as_str().unwrap()
    );
    assert_eq!(public["payload"]["receipt_id"], receipt["receipt_id"]);
    assert_eq!(public["payload"]["org_seq"], receipt["org_seq"]);
    assert_eq!(public["payload"]["parent_hash"], receipt["parent_hash"]);

    let pdf = s
        .http
        .get(s.url(&format!("/share/{share_token}/pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(common::pdf::page_count(&bytes), 1);
    // Lines wrap at spaces: read the text as one run of words.
    let text = common::pdf::text(&bytes)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let page_url = s.url(&format!("/r/{share_token}"));
    for needle in [
        receipt["receipt_id"].as_str().unwrap(),
        receipt["receipt_sha256"].as_str().unwrap(),
        receipt["parent_hash"].as_str().unwrap(),
        public["payload"]["verdict"]["outcome"].as_str().unwrap(),
        public["payload"]["approval"]["decision"].as_str().unwrap(),
        public["signature"]["key_id"].as_str().unwrap(),
        &page_url,
        &format!("defendable verify {page_url}"),
        "How to verify",
        "Verdict",
        "Approval",
    ] {
        assert!(
            text.contains(needle),
            "{needle} missing from the PDF text:\n{text}"
        );
    }
    if let Some(note) = public["payload"]["approval"]["note"].as_str() {
        let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&note), "approval note missing:\n{text}");
    }
    assert!(
        !text.to_lowercase().contains("verified"),
        "the paper claims a verification:\n{text}"
    );
    // The attached proof file is exactly what the proof route serves.
    let proof = s
        .http
        .get(s.url(&format!("/share/{share_token}/proof")))
        .send()
        .await
        .unwrap();
    assert_eq!(proof.status(), StatusCode::OK);
    let proof = proof.bytes().await.unwrap();
    assert_eq!(
        common::pdf::attachment(&bytes, "defendable-proof.json").as_deref(),
        Some(&proof[..]),
        "the PDF's attachment is not the proof route's body"
    );
    assert_eq!(common::pdf::link_uris(&bytes), [page_url]);

    let ledger = s.ok_get("/ledger", token).await;
    let entries = ledger["entries"].as_array().unwrap();
    assert!(entries
        .iter()
        .any(|e| e["receipt_id"] == receipt["receipt_id"]));
    let verify = s.ok_get("/ledger/verify", token).await;
    assert_eq!(verify["ok"], json!(true), "{verify}");
    assert_eq!(verify["error_count"], json!(0));

    // The chain checks again here, from the exported canonical bytes alone.
    let export = s.ok_get("/ledger/export", token).await;
    let rows = export["entries"].as_array().unwrap();
    let chain: Vec<ChainEntry<'_>> = rows
        .iter()
        .map(|e| ChainEntry {
            org_seq: e["org_seq"].as_i64().unwrap(),
            receipt_id: e["receipt_id"].as_str().unwrap(),
            parent_hash: e["parent_hash"].as_str().unwrap(),
            receipt_sha256: e["receipt_sha256"].as_str().unwrap(),
            canonical_payload: e["payload_canonical"].as_str().unwrap().as_bytes(),
        })
        .collect();
    let report = verify_chain(export["org_id"].as_str(), &chain);
    assert!(report.ok, "{report:?}");
    assert_eq!(report.receipts_checked as usize, entries.len());
    assert_eq!(
        verify["receipts_checked"].as_i64().unwrap() as usize,
        entries.len()
    );
}

/// A heuristic flight sheet: audit leaves checklist rules open; an operator grades them.
async fn heuristic_flow(s: &TestServer) {
    let token = s.sign_in("analyst", "heuristic.example").await;
    let project = new_project(s, &token).await;
    let sheet = sheets(s, &token)
        .await
        .into_iter()
        .find(|f| {
            f["deterministic"] == json!(false)
                && f["audit_checks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|r| r["kind"] == "checklist")
        })
        .expect("a heuristic sheet with checklist rules");
    let run = s
        .ok_post(
            "/runs",
            &token,
            json!({"project_id": project, "flight_sheet_id": sheet["slug"], "title": "Q2 deal"}),
        )
        .await;
    assert_eq!(run["status"], "assignment_issued");
    assert!(run["assignment_text"]
        .as_str()
        .unwrap()
        .starts_with("ASSIGNMENT — "));
    let run_id = run["id"].as_str().unwrap();

    // Audit before a submission is a state conflict.
    let (status, body) = s
        .post(&format!("/runs/{run_id}/audit"), &token, json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["detail"], "add the agent submission first");

    s.ok_post(
        &format!("/runs/{run_id}/evidence"),
        &token,
        json!({"kind": "note", "label": "deal terms", "content": "Loan 8.625M at 6.1%"}),
    )
    .await;
    let sections: Vec<String> = sheet["expected_outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let mut text = String::new();
    for section in &sections {
        text.push_str(&format!("## {section}\nPer the provided rent roll (page 3), figures are 1.32x and 64% [source: exhibit A].\n\n"));
    }
    text.push_str(&"Detailed reasoning follows with numbers 1 2 3 and sources cited. ".repeat(6));
    let ack = s
        .ok_post(&format!("/runs/{run_id}/submission"), &token, json!({"output_text": format!("  {text}  "), "agent_name": "memo-agent", "model_name": "m-1"}))
        .await;
    assert_eq!(
        ack["sha256"].as_str().unwrap(),
        hex::encode(Sha256::digest(text.trim().as_bytes()))
    );

    let audit = s
        .ok_post(&format!("/runs/{run_id}/audit"), &token, json!({}))
        .await;
    assert_eq!(audit["deterministic"], json!(false));
    assert_eq!(audit["needs_grading"], json!(true));
    assert!(audit["verdict"].is_null());

    // Approving or finalising with open rules is refused.
    let (status, _) = s
        .post(
            &format!("/runs/{run_id}/approve"),
            &token,
            json!({"decision": "approved"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, body) = s
        .post(&format!("/runs/{run_id}/findings"), &token, json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("still need to be applied"),
        "{body}"
    );

    let checks = audit["checks"].as_array().unwrap();
    // Automatic rules cannot be overridden by an operator.
    if let Some(auto) = checks.iter().find(|c| c["kind"] == "auto") {
        let (status, _) = s
            .call(
                Method::PATCH,
                &format!("/runs/{run_id}/checks/{}", auto["id"].as_str().unwrap()),
                Some(&token),
                Some(json!({"status": "pass"})),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
    }
    for check in checks.iter().filter(|c| c["status"] == "open") {
        let (status, graded) = s
            .call(
                Method::PATCH,
                &format!("/runs/{run_id}/checks/{}", check["id"].as_str().unwrap()),
                Some(&token),
                Some(json!({"status": "pass"})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{graded}");
        assert_eq!(graded["status"], "pass");
    }
    let verdict = s
        .ok_post(&format!("/runs/{run_id}/findings"), &token, json!({}))
        .await;
    assert!(["pass", "risk", "fail"].contains(&verdict["outcome"].as_str().unwrap()));
    assert!(["honey", "jelly", "propolis"].contains(&verdict["severity"].as_str().unwrap()));
    let score = verdict["score_100"].as_i64().unwrap();
    assert!((0..=100).contains(&score));
    assert_eq!(
        s.ok_get(&format!("/runs/{run_id}/verdict"), &token).await["outcome"],
        verdict["outcome"]
    );

    let approval = s
        .ok_post(
            &format!("/runs/{run_id}/approve"),
            &token,
            json!({"decision": "approved", "note": "ship it — Проверено"}),
        )
        .await;
    assert_eq!(approval["decision"], "approved");
    assert_eq!(approval["submission_sha256"], ack["sha256"]);
    let receipt = s
        .ok_post(&format!("/runs/{run_id}/receipt"), &token, json!({}))
        .await;
    // Minting is idempotent per approval.
    let again = s
        .ok_post(&format!("/runs/{run_id}/receipt"), &token, json!({}))
        .await;
    assert_eq!(again, receipt);
    check_public_receipt(s, &token, &receipt).await;
    let (_, public) = s
        .call(
            Method::GET,
            &format!("/share/{}", receipt["share_token"].as_str().unwrap()),
            None,
            None,
        )
        .await;
    let payload = &public["payload"];
    assert_eq!(payload["schema"], "defendablecloud.eval-receipt/v1");
    assert_eq!(payload["submission"]["sha256"], ack["sha256"]);
    assert_eq!(payload["approval"]["note"], "ship it — Проверено");
    assert_eq!(payload["verdict"]["outcome"], verdict["outcome"]);
    assert_eq!(payload["findings"].as_array().unwrap().len(), checks.len());

    // The run is sealed now.
    let (status, _) = s
        .post(
            &format!("/runs/{run_id}/submission"),
            &token,
            json!({"output_text": "new"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let detail = s.ok_get(&format!("/runs/{run_id}"), &token).await;
    assert_eq!(detail["status"], "receipted");
    assert_eq!(detail["receipt"]["receipt_id"], receipt["receipt_id"]);
    assert_eq!(detail["ownership"]["receipt_status"], "issued");
    assert_eq!(detail["evidence"].as_array().unwrap().len(), 1);
}
on_both_backends!(heuristic_sheet_walks_to_a_verified_receipt, heuristic_flow);

/// A deterministic sheet grades itself; a submission that is not JSON fails closed.
async fn deterministic_flow(s: &TestServer) {
    let token = s.sign_in("quant", "deterministic.example").await;
    let project = new_project(s, &token).await;
    let sheet = sheets(s, &token)
        .await
        .into_iter()
        .find(|f| f["deterministic"] == json!(true))
        .expect("a deterministic sheet");
    let run = s
        .ok_post(
            "/runs",
            &token,
            json!({"project_id": project, "flight_sheet_id": sheet["id"]}),
        )
        .await;
    assert_eq!(run["title"], sheet["name"]);
    let run_id = run["id"].as_str().unwrap();
    s.ok_post(
        &format!("/runs/{run_id}/submission"),
        &token,
        json!({"output_text": "not json at all"}),
    )
    .await;
    let audit = s
        .ok_post(&format!("/runs/{run_id}/audit"), &token, json!({}))
        .await;
    assert_eq!(audit["deterministic"], json!(true));
    assert_eq!(audit["needs_grading"], json!(false));
    assert_eq!(audit["verdict"]["outcome"], "fail");
    assert_eq!(audit["verdict"]["severity"], "propolis");
    let flags = s.ok_get(&format!("/runs/{run_id}/flags"), &token).await;
    assert!(!flags["flags"].as_array().unwrap().is_empty());
    assert!(flags["flags"][0]["key"].is_string());

    // A new submission voids the verdict and approval.
    s.ok_post(
        &format!("/runs/{run_id}/approve"),
        &token,
        json!({"decision": "rejected"}),
    )
    .await;
    s.ok_post(
        &format!("/runs/{run_id}/submission"),
        &token,
        json!({"output_text": "{\"still\": \"incomplete\"}"}),
    )
    .await;
    let (status, _) = s.get(&format!("/runs/{run_id}/verdict"), &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = s
        .post(&format!("/runs/{run_id}/receipt"), &token, json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let audit = s
        .ok_post(&format!("/runs/{run_id}/audit"), &token, json!({}))
        .await;
    assert_ne!(
        audit["verdict"]["outcome"], "pass",
        "an incomplete submission is not a pass: {audit}"
    );
    s.ok_post(
        &format!("/runs/{run_id}/approve"),
        &token,
        json!({"decision": "approved", "note": "accepted with known gaps"}),
    )
    .await;
    let receipt = s
        .ok_post(&format!("/runs/{run_id}/receipt"), &token, json!({}))
        .await;
    check_public_receipt(s, &token, &receipt).await;
}
on_both_backends!(deterministic_sheet_grades_itself, deterministic_flow);

/// The core check engine for a run without a flight sheet.
async fn core_checks_flow(s: &TestServer) {
    let token = s.sign_in("data", "core.example").await;
    let project = new_project(s, &token).await;
    let (status, body) = s
        .post(
            "/runs",
            &token,
            json!({"project_id": project, "lane": "dataset"}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a run without a sheet needs a title: {body}"
    );
    let run = s
        .ok_post("/runs", &token, json!({"project_id": project, "lane": "dataset", "title": "rows", "inputs": {"source": "s3://bucket/x", "row_count": 100}}))
        .await;
    assert_eq!(run["status"], "draft");
    let run_id = run["id"].as_str().unwrap();
    s.ok_post(
        &format!("/runs/{run_id}/evidence"),
        &token,
        json!({"kind": "note", "label": "sample", "content": "rows look fine"}),
    )
    .await;
    let (status, _) = s
        .post(&format!("/runs/{run_id}/audit"), &token, json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let result = s
        .ok_post(&format!("/runs/{run_id}/checks"), &token, json!({}))
        .await;
    let keys: Vec<&str> = result["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["check_key"].as_str().unwrap())
        .collect();
    assert!(
        keys.contains(&"dataset_rows") && keys.contains(&"evidence_present"),
        "{keys:?}"
    );
    assert_eq!(result["verdict"]["outcome"], "pass", "{result}");
    for c in result["checks"].as_array().unwrap() {
        assert!(["pass", "flag", "open", "skip"].contains(&c["status"].as_str().unwrap()));
    }
    s.ok_get(&format!("/runs/{run_id}/checks"), &token).await;
    s.ok_post(
        &format!("/runs/{run_id}/approve"),
        &token,
        json!({"decision": "approved"}),
    )
    .await;
    let receipt = s
        .ok_post(&format!("/runs/{run_id}/receipt"), &token, json!({}))
        .await;
    check_public_receipt(s, &token, &receipt).await;
    let (_, public) = s
        .call(
            Method::GET,
            &format!("/share/{}", receipt["share_token"].as_str().unwrap()),
            None,
            None,
        )
        .await;
    assert_eq!(public["payload"]["schema"], "defendablecloud.receipt/v1");
    assert_eq!(public["payload"]["run"]["inputs"]["row_count"], 100);

    // A dataset run missing its inputs and evidence fails.
    let bad = s
        .ok_post(
            "/runs",
            &token,
            json!({"project_id": project, "lane": "dataset", "title": "empty"}),
        )
        .await;
    let result = s
        .ok_post(
            &format!("/runs/{}/checks", bad["id"].as_str().unwrap()),
            &token,
            json!({}),
        )
        .await;
    assert_eq!(result["verdict"]["outcome"], "fail");
    assert!(result["verdict"]["checks_failed"].as_i64().unwrap() >= 1);
}
on_both_backends!(
    core_check_engine_feeds_the_same_receipt_path,
    core_checks_flow
);

/// Uploads: the seeds' multipart form and the published octet-stream operation.
async fn upload_flow(s: &TestServer) {
    let token = s.sign_in("files", "upload.example").await;
    let project = new_project(s, &token).await;
    let run = s
        .ok_post(
            "/runs",
            &token,
            json!({"project_id": project, "title": "files"}),
        )
        .await;
    let run_id = run["id"].as_str().unwrap();
    let memo = "Property memo — Zürich, Проверка\n"
        .repeat(1000)
        .into_bytes();
    let form = reqwest::multipart::Form::new()
        .part(
            "file",
            reqwest::multipart::Part::bytes(memo.clone())
                .file_name("../memo.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        )
        .text("label", "property memo");
    let resp = s
        .http
        .post(s.url(&format!("/runs/{run_id}/evidence/upload")))
        .bearer_auth(&token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let ev: Value = resp.json().await.unwrap();
    assert_eq!(ev["kind"], "file");
    assert_eq!(ev["label"], "property memo");
    assert_eq!(ev["filename"], "memo.pdf");
    assert_eq!(ev["content_type"], "application/pdf");
    assert_eq!(ev["byte_size"], json!(memo.len()));
    assert_eq!(
        ev["sha256"].as_str().unwrap(),
        hex::encode(Sha256::digest(&memo))
    );

    let resp = s
        .http
        .post(s.url(&format!(
            "/runs/{run_id}/evidence/upload?label=raw%20log&filename=run.log"
        )))
        .bearer_auth(&token)
        .header("content-type", "application/octet-stream")
        .body(b"line 1\nline 2\n".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let ev: Value = resp.json().await.unwrap();
    assert_eq!(ev["label"], "raw log");
    assert_eq!(
        ev["sha256"].as_str().unwrap(),
        hex::encode(Sha256::digest(b"line 1\nline 2\n"))
    );

    // Past 25 MiB: 413, and nothing is stored.
    let big = vec![b'x'; 25 * 1024 * 1024 + 1];
    let resp = s
        .http
        .post(s.url(&format!("/runs/{run_id}/evidence/upload")))
        .bearer_auth(&token)
        .header("content-type", "application/octet-stream")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body: Value = resp.json().await.unwrap();
    assert!(
        body["detail"].as_str().unwrap().contains("too large"),
        "{body}"
    );
    let detail = s.ok_get(&format!("/runs/{run_id}"), &token).await;
    assert_eq!(detail["evidence"].as_array().unwrap().len(), 2);
    let tmp = s.data_dir.path().join("blobs").join("tmp");
    let leftovers: Vec<_> = std::fs::read_dir(tmp).unwrap().collect();
    assert!(leftovers.is_empty(), "no partial upload is left behind");

    // Another organisation's run: 404 before anything is read or stored.
    let other = s.sign_in("intruder", "elsewhere.example").await;
    let resp = s
        .http
        .post(s.url(&format!("/runs/{run_id}/evidence/upload")))
        .bearer_auth(&other)
        .body(b"x".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}
on_both_backends!(uploads_stream_hash_and_limit, upload_flow);

/// Concurrent mints in one organisation never fail, gap or fork.
async fn concurrent_mints(s: &TestServer) {
    let token = s.sign_in("ops", "concurrent.example").await;
    let project = new_project(s, &token).await;
    let mut runs = Vec::new();
    for i in 0..24 {
        let run = s
            .ok_post(
                "/runs",
                &token,
                json!({"project_id": project, "lane": "other", "title": format!("run {i}")}),
            )
            .await;
        let id = run["id"].as_str().unwrap().to_string();
        s.ok_post(
            &format!("/runs/{id}/evidence"),
            &token,
            json!({"label": "note", "content": "x"}),
        )
        .await;
        s.ok_post(&format!("/runs/{id}/checks"), &token, json!({}))
            .await;
        s.ok_post(
            &format!("/runs/{id}/approve"),
            &token,
            json!({"decision": "approved"}),
        )
        .await;
        runs.push(id);
    }
    // Every run is asked for twice at once: the two answers are one receipt.
    let mints = runs.iter().chain(runs.iter()).map(|id| {
        let url = format!("/runs/{id}/receipt");
        let token = token.clone();
        async move { (id.clone(), s.post(&url, &token, json!({})).await) }
    });
    let results = futures::future::join_all(mints).await;
    let mut by_run: std::collections::BTreeMap<String, Value> = Default::default();
    for (id, (status, body)) in &results {
        assert_eq!(*status, StatusCode::OK, "{body}");
        if let Some(first) = by_run.insert(id.clone(), body.clone()) {
            assert_eq!(
                first["receipt_id"], body["receipt_id"],
                "one receipt per run"
            );
            assert_eq!(first["receipt_sha256"], body["receipt_sha256"]);
        }
    }
    let mut seqs: Vec<i64> = by_run
        .values()
        .map(|body| body["org_seq"].as_i64().unwrap())
        .collect();
    seqs.sort();
    assert_eq!(seqs, (0..24).collect::<Vec<i64>>());
    for (id, receipt) in &by_run {
        let share = receipt["share_token"].as_str().unwrap();
        let public = s.ok_get(&format!("/share/{share}"), &token).await;
        assert_eq!(public["payload"]["run_id"].as_str(), Some(id.as_str()));
    }
    // Appended in group commits: every receipt counted once, in at most as
    // many transactions as receipts.
    let metrics = s.context().metrics.render();
    let sample = |name: &str| -> u64 {
        metrics
            .lines()
            .find_map(|l| l.strip_prefix(name)?.trim().parse().ok())
            .unwrap_or_else(|| panic!("{name} missing from {metrics}"))
    };
    assert_eq!(
        sample(r#"defendable_receipts_minted_total{kind="run"}"#),
        24
    );
    let commits = sample("defendable_receipt_group_commits_total");
    assert!((1..=24).contains(&commits), "{commits} group commits");
    let ledger = s.ok_get("/ledger", &token).await;
    let entries = ledger["entries"].as_array().unwrap();
    for pair in entries.windows(2) {
        assert_eq!(pair[1]["parent_hash"], pair[0]["receipt_sha256"]);
    }
    assert_eq!(entries[0]["parent_hash"], json!("0".repeat(64)));
    let verify = s.ok_get("/ledger/verify", &token).await;
    assert_eq!(verify["ok"], json!(true), "{verify}");
    assert_eq!(verify["receipts_checked"], json!(24));
}
on_both_backends!(concurrent_mints_keep_the_chain_whole, concurrent_mints);

/// The group commit's guard: a run is marked receipted only while it is
/// exactly as its facts were read (same organisation, same `updated_at`, same
/// current approval, still approved).
async fn changed_runs_are_not_marked(s: &TestServer) {
    use defendable_server::store::{audits, runs as run_store};
    let token = s.sign_in("ops", "guard.example").await;
    let project = new_project(s, &token).await;
    let run = s
        .ok_post(
            "/runs",
            &token,
            json!({"project_id": project, "lane": "other", "title": "guarded"}),
        )
        .await;
    let id = run["id"].as_str().unwrap();
    s.ok_post(&format!("/runs/{id}/checks"), &token, json!({}))
        .await;
    s.ok_post(
        &format!("/runs/{id}/approve"),
        &token,
        json!({"decision": "approved"}),
    )
    .await;
    let db = &s.context().db;
    let org_id: String = sqlx::query_scalar("SELECT org_id FROM runs WHERE id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let row = run_store::get(db, &org_id, id).await.unwrap().unwrap();
    let approval = audits::current_approval(db, id).await.unwrap().unwrap();
    let mut tx = db.begin_write().await.unwrap();
    let now = defendable_server::time::now_micros();
    for (org, version, approval_id) in [
        (
            org_id.as_str(),
            "2000-01-01T00:00:00.000000Z",
            approval.id.as_str(),
        ),
        (org_id.as_str(), row.updated_at.as_str(), "another-approval"),
        ("another-org", row.updated_at.as_str(), approval.id.as_str()),
    ] {
        let marked =
            run_store::mark_receipted_if_unchanged(&mut tx, org, id, version, approval_id, &now)
                .await
                .unwrap();
        assert!(!marked, "marked with {org} {version} {approval_id}");
    }
    // The run as it was read is marked once; then its version has moved on.
    for expected in [true, false] {
        let marked = run_store::mark_receipted_if_unchanged(
            &mut tx,
            &org_id,
            id,
            &row.updated_at,
            &approval.id,
            &now,
        )
        .await
        .unwrap();
        assert_eq!(marked, expected);
    }
    tx.rollback().await.unwrap();
    // Nothing was kept: the run mints normally.
    let receipt = s
        .ok_post(&format!("/runs/{id}/receipt"), &token, json!({}))
        .await;
    assert_eq!(receipt["org_seq"], json!(0));
}
on_both_backends!(
    the_group_commit_guard_refuses_changed_runs,
    changed_runs_are_not_marked
);

/// Rewriting a stored receipt is caught by the public view and the ledger check.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn tampering_with_a_stored_receipt_is_detected() {
    let s = TestServer::start(common::Backend::Sqlite).await.unwrap();
    let token = s.sign_in("audit", "tamper.example").await;
    let project = new_project(&s, &token).await;
    let mut receipts = Vec::new();
    for i in 0..3 {
        let run = s
            .ok_post(
                "/runs",
                &token,
                json!({"project_id": project, "lane": "other", "title": format!("t{i}")}),
            )
            .await;
        let id = run["id"].as_str().unwrap();
        s.ok_post(&format!("/runs/{id}/checks"), &token, json!({}))
            .await;
        s.ok_post(
            &format!("/runs/{id}/approve"),
            &token,
            json!({"decision": "approved"}),
        )
        .await;
        receipts.push(
            s.ok_post(&format!("/runs/{id}/receipt"), &token, json!({}))
                .await,
        );
    }
    let db_path = s.data_dir.path().join("defendable.db");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db_path.display()))
        .await
        .unwrap();
    sqlx::query("UPDATE receipts SET canonical_payload = replace(canonical_payload, '\"title\":\"t1\"', '\"title\":\"forged\"') WHERE org_seq = 1")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let token1 = receipts[1]["share_token"].as_str().unwrap();
    let (_, public) = s
        .call(Method::GET, &format!("/share/{token1}"), None, None)
        .await;
    assert_eq!(public["verified"], json!(false));
    assert_eq!(public["payload"]["run"]["title"], "forged");
    let verify = s.ok_get("/ledger/verify", &token).await;
    assert_eq!(verify["ok"], json!(false));
    assert_eq!(verify["receipts_checked"], json!(3));
    let errors = verify["errors"].as_array().unwrap();
    assert!(
        errors
            .iter()
            .any(|e| e["org_seq"] == 1 && e["error"].as_str().unwrap().contains("hash mismatch")),
        "{verify}"
    );
    assert!(
        errors.iter().all(|e| e["org_seq"] == 1),
        "only the forged receipt is wrong: {verify}"
    );
}

/// Evidence added after a verdict makes it stale: the verdict and any approval are
/// voided, and the run must be checked again before it can be approved.
async fn late_evidence(s: &TestServer) {
    let token = s.sign_in("late", "late-evidence.example").await;
    let project = new_project(s, &token).await;
    let run = s
        .ok_post(
            "/runs",
            &token,
            json!({"project_id": project, "lane": "other", "title": "late evidence"}),
        )
        .await;
    let id = run["id"].as_str().unwrap();
    s.ok_post(&format!("/runs/{id}/checks"), &token, json!({}))
        .await;
    s.ok_post(
        &format!("/runs/{id}/approve"),
        &token,
        json!({"decision": "escalated"}),
    )
    .await;
    s.ok_post(
        &format!("/runs/{id}/evidence"),
        &token,
        json!({"kind": "note", "label": "found later", "content": "a new fact"}),
    )
    .await;
    let (status, _) = s.get(&format!("/runs/{id}/verdict"), &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "the verdict is void");
    let detail = s.ok_get(&format!("/runs/{id}"), &token).await;
    assert_eq!(detail["status"], "draft");
    assert_eq!(detail["approval"], Value::Null);
    let (status, body) = s
        .post(
            &format!("/runs/{id}/approve"),
            &token,
            json!({"decision": "approved"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    s.ok_post(&format!("/runs/{id}/checks"), &token, json!({}))
        .await;
    let verdict = s.ok_get(&format!("/runs/{id}/verdict"), &token).await;
    assert!(verdict["outcome"].is_string());
}
on_both_backends!(late_evidence_voids_the_verdict, late_evidence);

/// A run is audited by the flight-sheet version it was assigned, even after an operator
/// changes the sheet in the library.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn runs_keep_the_sheet_version_they_were_assigned() {
    let dir = tempfile::tempdir().unwrap();
    let builtin: Value = serde_json::from_str(include_str!(
        "../../flight_sheets/invoice_totals_check.json"
    ))
    .unwrap();
    let mut sheet = builtin.clone();
    sheet["slug"] = json!("operator_sheet");
    sheet["name"] = json!("Operator sheet");
    sheet["version"] = json!("1.0");
    let path = dir.path().join("operator_sheet.json");
    std::fs::write(&path, sheet.to_string()).unwrap();
    let flag = dir.path().display().to_string();
    let s = TestServer::start_with(None, &["--flight-sheets", &flag]).await;
    let token = s.sign_in("ops", "versions.example").await;
    let project = new_project(&s, &token).await;
    let run = s
        .ok_post(
            "/runs",
            &token,
            json!({"project_id": project, "flight_sheet_id": "operator_sheet"}),
        )
        .await;
    let run_id = run["id"].as_str().unwrap();

    // The operator turns the sheet into a heuristic one with other rules and reloads.
    sheet["version"] = json!("2.0");
    sheet.as_object_mut().unwrap().remove("eval_spec");
    sheet["audit_checks"] = json!([{"key": "operator_review", "label": "Operator review",
        "category": "policy", "kind": "checklist", "severity": "high"}]);
    std::fs::write(&path, sheet.to_string()).unwrap();
    defendable_server::flight_sheets::sync(&s.context().db, Some(dir.path()))
        .await
        .unwrap();
    let current = s.ok_get("/flight-sheets/operator_sheet", &token).await;
    assert_eq!(current["version"], "2.0");

    let detail = s.ok_get(&format!("/runs/{run_id}"), &token).await;
    assert_eq!(detail["flight_sheet"]["version"], "1.0", "{detail}");
    s.ok_post(
        &format!("/runs/{run_id}/submission"),
        &token,
        json!({"output_text": "not json"}),
    )
    .await;
    let audit = s
        .ok_post(&format!("/runs/{run_id}/audit"), &token, json!({}))
        .await;
    assert_eq!(
        audit["deterministic"],
        json!(true),
        "the assigned v1 rules: {audit}"
    );
    assert!(audit["checks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["check_key"] != "operator_review"));

    // A new run gets the new version.
    let newer = s
        .ok_post(
            "/runs",
            &token,
            json!({"project_id": project, "flight_sheet_id": "operator_sheet"}),
        )
        .await;
    let newer = s
        .ok_get(&format!("/runs/{}", newer["id"].as_str().unwrap()), &token)
        .await;
    assert_eq!(newer["flight_sheet"]["version"], "2.0");
}

/// The browser origin the share test reads from, and the share cache's TTL there.
const SHARE_ORIGIN: &str = "https://app.share.example";
const SHARE_TTL_MS: u64 = 3_000;

/// A GET from [`SHARE_ORIGIN`] with a request id: the status, the headers but
/// `date` (sorted) and the body.
async fn raw_get(
    s: &TestServer,
    path: &str,
    request_id: &str,
) -> (StatusCode, Vec<(String, String)>, Vec<u8>) {
    let r = s
        .http
        .get(s.url(path))
        .header("origin", SHARE_ORIGIN)
        .header("x-request-id", request_id)
        .send()
        .await
        .unwrap();
    let mut headers: Vec<(String, String)> = r
        .headers()
        .iter()
        .filter(|(name, _)| *name != "date")
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_string()))
        .collect();
    headers.sort();
    (r.status(), headers, r.bytes().await.unwrap().to_vec())
}

/// One `/metrics` count of `GET /share/{token}` by status.
async fn share_count(s: &TestServer, status: u16) -> u64 {
    let text = s
        .http
        .get(s.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let series = format!(
        "defendable_http_requests_total{{method=\"GET\",route=\"/share/{{token}}\",status=\"{status}\"}} "
    );
    text.lines()
        .find_map(|l| l.strip_prefix(&series))
        .map_or(0, |n| n.trim().parse().unwrap())
}

/// `GET /share/{token}` from the share cache (answered by the HTTP layer) gives the
/// router's exact body and headers; unknown tokens and bad shapes are 404; a stored
/// receipt changed behind the server's back shows `verified: false` once the TTL has
/// passed; every answer is counted under the route and carries its request id.
async fn share_fast_path(s: &TestServer) {
    let token = s.sign_in("share", "share-cache.example").await;
    let project = new_project(s, &token).await;
    let receipt = s.mint_receipt(&token, &project, "cached").await;
    let share = receipt["share_token"].as_str().unwrap();
    let path = format!("/share/{share}");

    // The first read goes to the router and fills the cache; the second is a hit.
    let filled = std::time::Instant::now();
    let (status, routed_headers, routed_body) = raw_get(s, &path, "share-routed").await;
    assert_eq!(status, StatusCode::OK);
    let (status, cached_headers, cached_body) = raw_get(s, &path, "share-cached").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        String::from_utf8(cached_body.clone()).unwrap(),
        String::from_utf8(routed_body.clone()).unwrap()
    );
    let without_id = |headers: &[(String, String)]| -> Vec<(String, String)> {
        headers
            .iter()
            .filter(|(name, _)| name != "x-request-id")
            .cloned()
            .collect()
    };
    assert_eq!(without_id(&cached_headers), without_id(&routed_headers));
    let has = |headers: &[(String, String)], name: &str, value: &str| {
        headers.contains(&(name.to_string(), value.to_string()))
    };
    assert!(has(&routed_headers, "x-request-id", "share-routed"));
    assert!(has(&cached_headers, "x-request-id", "share-cached"));
    for (name, value) in [
        ("content-type", "application/json"),
        ("access-control-allow-origin", SHARE_ORIGIN),
        ("x-content-type-options", "nosniff"),
        ("cache-control", "no-store"),
        ("vary", "Origin"),
    ] {
        assert!(
            has(&cached_headers, name, value),
            "{name}: {cached_headers:?}"
        );
    }
    let public: Value = serde_json::from_slice(&cached_body).unwrap();
    assert_eq!(public["verified"], json!(true));
    assert_eq!(public["receipt_sha256"], receipt["receipt_sha256"]);
    assert!(public["signature"]["note"].is_string());

    // Changed behind the server's back: the cache still answers within the TTL ...
    let pool = sqlx::AnyPool::connect(&s.context().config.database_url)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE receipts SET canonical_payload = replace(canonical_payload, '\"title\":\"cached\"', '\"title\":\"forged\"') WHERE share_token = $1",
    )
    .bind(share)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let (_, within) = s.call(Method::GET, &path, None, None).await;
    assert!(filled.elapsed().as_millis() < u128::from(SHARE_TTL_MS));
    assert_eq!(within["verified"], json!(true));

    // ... and reports the change once it has passed.
    tokio::time::sleep(
        std::time::Duration::from_millis(SHARE_TTL_MS + 100).saturating_sub(filled.elapsed()),
    )
    .await;
    for _ in 0..2 {
        let (status, after) = s.call(Method::GET, &path, None, None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(after["verified"], json!(false));
        assert_eq!(after["payload"]["run"]["title"], "forged");
    }

    // Anything but the exact shape goes to the router, which answers the same.
    let (status, _, queried) = raw_get(s, &format!("{path}?via=query"), "share-query").await;
    assert_eq!(status, StatusCode::OK);
    let queried: Value = serde_json::from_slice(&queried).unwrap();
    assert_eq!(queried["verified"], json!(false));

    // Unknown tokens and tokens of the wrong shape: 404 with a detail.
    let long = format!("/share/{}", "a".repeat(65));
    for bad in [
        "/share/no-such-token",
        "/share/bad.token",
        "/share/%F0%9F%94%91",
        long.as_str(),
    ] {
        for _ in 0..2 {
            let (status, headers, body) = raw_get(s, bad, "share-missing").await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{bad}");
            assert!(has(&headers, "x-request-id", "share-missing"));
            let body: Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(body["detail"], "receipt not found", "{bad}");
        }
    }

    // Counted under the route template, cached answers included.
    assert_eq!(share_count(s, 200).await, 6);
    assert_eq!(share_count(s, 404).await, 8);
}
on_both_backends_with!(
    the_share_fast_path_answers_as_the_router_does,
    share_fast_path,
    &[
        "--share-cache-ttl-ms",
        "3000",
        "--cors-origins",
        SHARE_ORIGIN
    ]
);

/// The seeds' own sheet, `cre_memo_dscr_ltv_v1`, exists as documented and audits as its
/// `dscr_gate` says: its passing example (posted whole, as the seeds do) passes, and a
/// submission whose DSCR is under 1.20 fails on `dscr_gate`.
async fn seeds_sheet_flow(s: &TestServer) {
    let token = s.sign_in("underwriter", "seeds.example").await;
    let project = new_project(s, &token).await;
    let sheet = s
        .ok_get("/flight-sheets/cre_memo_dscr_ltv_v1", &token)
        .await;
    assert_eq!(sheet["name"], "DSCR and LTV Analysis");
    assert_eq!(sheet["lane"], "agent");
    assert_eq!(
        sheet["audit_checks"][0],
        json!({"key": "dscr_gate", "label": "DSCR ≥ 1.20", "category": "policy", "kind": "auto", "severity": "critical"})
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("flight_sheets/tests");
    let pass: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("cre_memo_dscr_ltv_v1.pass.json")).unwrap(),
    )
    .unwrap();
    let fail: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("cre_memo_dscr_ltv_v1.fail.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(fail["expect_flag"], "dscr_gate");

    let new_run = || async {
        let run = s
            .ok_post(
                "/runs",
                &token,
                json!({"project_id": project, "flight_sheet_id": sheet["id"], "title": "Q2 deal"}),
            )
            .await;
        run["id"].as_str().unwrap().to_string()
    };
    let run_id = new_run().await;
    s.ok_post(&format!("/runs/{run_id}/submission"), &token, pass)
        .await;
    let audit = s
        .ok_post(&format!("/runs/{run_id}/audit"), &token, json!({}))
        .await;
    assert_eq!(audit["verdict"]["outcome"], "pass", "{audit}");
    let flags = s.ok_get(&format!("/runs/{run_id}/flags"), &token).await;
    assert_eq!(flags["flags"], json!([]), "{flags}");

    let run_id = new_run().await;
    s.ok_post(
        &format!("/runs/{run_id}/submission"),
        &token,
        json!({"output_text": fail["submission"].to_string()}),
    )
    .await;
    let audit = s
        .ok_post(&format!("/runs/{run_id}/audit"), &token, json!({}))
        .await;
    assert_eq!(audit["verdict"]["outcome"], "fail", "{audit}");
    let flags = s.ok_get(&format!("/runs/{run_id}/flags"), &token).await;
    let keys: Vec<&str> = flags["flags"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["key"].as_str())
        .collect();
    assert_eq!(keys, ["dscr_gate"], "{flags}");
}
on_both_backends!(the_seeds_sheet_audits_as_documented, seeds_sheet_flow);

/// poppler, an independent reader, reads the served PDF: one A4 page whose text
/// has the receipt's hashes whole, and the proof file attached.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[cfg_attr(
    not(defendable_test_poppler),
    ignore = "set DEFENDABLE_TEST_POPPLER=1 (needs poppler-utils)"
)]
async fn poppler_reads_the_served_pdf() {
    let s = TestServer::start(common::Backend::Sqlite).await.unwrap();
    let token = s.sign_in("poppler", "pdf.example").await;
    let project = new_project(&s, &token).await;
    let receipt = s.mint_receipt(&token, &project, "Проверка отчёта").await;
    let share = receipt["share_token"].as_str().unwrap();
    let pdf = s
        .http
        .get(s.url(&format!("/share/{share}/pdf")))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("receipt.pdf");
    std::fs::write(&path, &pdf).unwrap();
    // Kept for a person to look at.
    let kept = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("receipt.pdf");
    std::fs::write(&kept, &pdf).unwrap();
    println!("receipt PDF: {}", kept.display());
    let run = |tool: &str, args: &[&str]| {
        let out = std::process::Command::new(tool)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{tool} (poppler-utils) could not run: {e}"));
        assert!(out.status.success(), "{tool} failed: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let file = path.to_str().unwrap();
    let info = run("pdfinfo", &[file]);
    assert!(info.contains("(A4)"), "{info}");
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 1")),
        "{info}"
    );
    let text = run("pdftotext", &["-layout", "-enc", "UTF-8", file, "-"]);
    for needle in ["Проверка отчёта", share] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
    for key in ["receipt_sha256", "parent_hash"] {
        let hash = receipt[key].as_str().unwrap();
        assert!(
            text.lines().any(|l| l.contains(hash)),
            "{hash} not whole:\n{text}"
        );
    }
    let out = dir.path().join("proof.json");
    run(
        "pdfdetach",
        &[
            "-savefile",
            "defendable-proof.json",
            "-o",
            out.to_str().unwrap(),
            file,
        ],
    );
    let proof = s.ok_get(&format!("/share/{share}/proof"), &token).await;
    let attached: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(attached, proof);
}
