//! Cooks and runners against a real server on both backends: exactly-once claims
//! under contention, lease expiry, lease holders only, forward-only states, one
//! receipt per cook (counted once on `/metrics`) even when completed several times
//! at once, number validation, runner credentials and tenancy.

use crate::common;

use std::collections::HashSet;
use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use common::{metric, TestServer};

const RUNNER: &str = "shared-runner-token-for-the-cook-tests-0123456789";
const INTERNAL: &str = "internal-key-for-the-cook-tests-0123456789abcdef";
const FLAGS: &[&str] = &["--runner-token", RUNNER, "--internal-api-key", INTERNAL];
/// The `/metrics` series counting minted cook receipts.
const COOK_MINTS: &str = r#"defendable_receipts_minted_total{kind="cook"}"#;

/// An owner's session and a run with a verdict, ready for cooks.
struct Org {
    owner: String,
    run: String,
}

async fn org_with_verdict(s: &TestServer, domain: &str) -> Org {
    let owner = s.sign_in("owner", domain).await;
    let project = s
        .ok_post("/projects", &owner, json!({"name": "cooks"}))
        .await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let run = s
        .ok_post(
            "/runs",
            &owner,
            json!({"project_id": project, "lane": "other", "title": "tune me"}),
        )
        .await["id"]
        .as_str()
        .unwrap()
        .to_string();
    s.ok_post(
        &format!("/runs/{run}/submission"),
        &owner,
        json!({"output_text": "the agent's work"}),
    )
    .await;
    s.ok_post(&format!("/runs/{run}/checks"), &owner, json!({}))
        .await;
    Org { owner, run }
}

async fn queue(s: &TestServer, org: &Org) -> String {
    let cook = s
        .ok_post(&format!("/runs/{}/cook", org.run), &org.owner, json!({}))
        .await;
    assert_eq!(cook["status"], "queued", "{cook}");
    cook["id"].as_str().unwrap().to_string()
}

async fn claim(s: &TestServer, token: &str, body: Value) -> (StatusCode, Value) {
    s.post("/runner/cooks/next", token, body).await
}

/// Claims as `token`, asserting a job came back.
async fn claim_job(s: &TestServer, token: &str, lease_seconds: i64) -> Value {
    let (status, body) = claim(
        s,
        token,
        json!({"runner": "rig", "lease_seconds": lease_seconds}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["cook"].is_object(), "no job: {body}");
    body["cook"].clone()
}

async fn runner_post(
    s: &TestServer,
    token: &str,
    cook: &str,
    verb: &str,
    body: Value,
) -> (StatusCode, Value) {
    s.post(&format!("/runner/cooks/{cook}/{verb}"), token, body)
        .await
}

async fn issue_runner_token(s: &TestServer, name: &str) -> Value {
    let resp = s
        .http
        .post(s.url("/internal/runners"))
        .header("x-internal-key", INTERNAL)
        .json(&json!({"name": name}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    resp.json().await.unwrap()
}

async fn cook_of(s: &TestServer, org: &Org, cook: &str) -> Value {
    s.ok_get(&format!("/cooks/{cook}"), &org.owner).await
}

async fn concurrent_claims_hand_out_each_cook_once(s: &TestServer) {
    let org = org_with_verdict(s, "claims.example").await;
    let mut queued = HashSet::new();
    for _ in 0..10 {
        queued.insert(queue(s, &org).await);
    }
    let tokens: Vec<String> = futures::future::join_all(
        (0..5).map(|n| async move { issue_runner_token(s, &format!("rig-{n}")).await }),
    )
    .await
    .iter()
    .map(|t| t["token"].as_str().unwrap().to_string())
    .collect();
    // 50 claims at once: 25 with the shared token, 25 spread over 5 runner tokens.
    let claims = futures::future::join_all((0..50).map(|n| {
        let token = if n % 2 == 0 {
            RUNNER.to_string()
        } else {
            tokens[n % 5].clone()
        };
        async move { claim(s, &token, json!({"runner": format!("r{n}")})).await }
    }))
    .await;
    let mut claimed = Vec::new();
    for (status, body) in &claims {
        assert_eq!(*status, StatusCode::OK, "{body}");
        if let Some(id) = body["cook"]["id"].as_str() {
            claimed.push(id.to_string());
        }
    }
    assert_eq!(claimed.len(), 10, "exactly the 10 queued cooks are claimed");
    let distinct: HashSet<String> = claimed.iter().cloned().collect();
    assert_eq!(distinct, queued, "each cook claimed exactly once");
    let (_, empty) = claim(s, RUNNER, json!({})).await;
    assert!(empty["cook"].is_null(), "{empty}");
    for id in &queued {
        let cook = cook_of(s, &org, id).await;
        assert_eq!(cook["status"], "claimed");
        assert_eq!(cook["attempts"], 1);
    }
}
on_both_backends_with!(
    concurrent_claims_are_exactly_once,
    concurrent_claims_hand_out_each_cook_once,
    FLAGS
);

async fn an_expired_lease_returns_the_cook(s: &TestServer) {
    let org = org_with_verdict(s, "lease.example").await;
    let id = queue(s, &org).await;
    // A runner claims, reports once, then goes silent (killed mid-job).
    let first = claim_job(s, RUNNER, 1).await;
    assert_eq!(first["id"], id.as_str());
    assert_eq!(first["attempt"], 1);
    let lease = first["lease_id"].as_str().unwrap().to_string();
    let (status, body) = runner_post(s, RUNNER, &id, "status", json!({"lease_id": lease})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "running");
    // While the lease lasts nobody else gets it.
    let (_, none) = claim(s, RUNNER, json!({})).await;
    assert!(none["cook"].is_null(), "{none}");
    tokio::time::sleep(Duration::from_millis(2200)).await;
    // After it, the next claim takes it back from the queue, with a new lease.
    let other = issue_runner_token(s, "second-rig").await;
    let other_token = other["token"].as_str().unwrap();
    let second = claim_job(s, other_token, 60).await;
    assert_eq!(second["id"], id.as_str());
    assert_eq!(second["attempt"], 2);
    let new_lease = second["lease_id"].as_str().unwrap().to_string();
    assert_ne!(new_lease, lease);
    let cook = cook_of(s, &org, &id).await;
    assert_eq!(cook["status"], "claimed");
    assert_eq!(cook["runner"], "second-rig");
    // The first runner lost it: another runner holds it now.
    for (verb, body) in [
        ("status", json!({"lease_id": lease})),
        ("complete", json!({"lease_id": lease, "eval_after": 0.9})),
        ("fail", json!({"lease_id": lease, "error": "late"})),
    ] {
        let (status, body) = runner_post(s, RUNNER, &id, verb, body).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{verb}: {body}");
        assert!(body["detail"].as_str().unwrap().contains("another runner"));
    }
    let done = runner_post(
        s,
        other_token,
        &id,
        "complete",
        json!({"lease_id": new_lease, "eval_after": 0.8}),
    )
    .await;
    assert_eq!(done.0, StatusCode::OK, "{}", done.1);
    assert_eq!(done.1["status"], "succeeded");
}
on_both_backends_with!(
    lease_expiry_requeues,
    an_expired_lease_returns_the_cook,
    FLAGS
);

async fn only_the_lease_holder_moves_a_cook_forward(s: &TestServer) {
    let org = org_with_verdict(s, "holder.example").await;
    let id = queue(s, &org).await;
    // Nothing to report on before a claim.
    let (status, _) = runner_post(s, RUNNER, &id, "status", json!({"lease_id": "x"})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let job = claim_job(s, RUNNER, 60).await;
    let lease = job["lease_id"].as_str().unwrap().to_string();
    // A wrong lease from the same credential is refused and changes nothing.
    for (verb, body) in [
        ("status", json!({"lease_id": "not-the-lease"})),
        (
            "complete",
            json!({"lease_id": "not-the-lease", "eval_after": 0.5}),
        ),
        ("fail", json!({"lease_id": "", "error": "x"})),
        ("release", json!({"lease_id": "nope"})),
    ] {
        let (status, body) = runner_post(s, RUNNER, &id, verb, body).await;
        assert_eq!(status, StatusCode::CONFLICT, "{verb}: {body}");
        assert!(body["detail"].is_string());
    }
    assert_eq!(cook_of(s, &org, &id).await["status"], "claimed");
    // claimed -> claimed and claimed -> running are fine; running -> claimed is not.
    let (status, _) = runner_post(
        s,
        RUNNER,
        &id,
        "status",
        json!({"lease_id": lease, "status": "claimed"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = runner_post(
        s,
        RUNNER,
        &id,
        "status",
        json!({"lease_id": lease, "progress": 0.5, "metrics": {"step": 1}}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = runner_post(
        s,
        RUNNER,
        &id,
        "status",
        json!({"lease_id": lease, "status": "claimed"}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let cook = cook_of(s, &org, &id).await;
    assert_eq!(cook["status"], "running");
    assert_eq!(cook["metrics"], json!({"progress": 0.5, "step": 1}));
    // Fail is final: nothing moves it back, not even the holder.
    let (status, body) = runner_post(
        s,
        RUNNER,
        &id,
        "fail",
        json!({"lease_id": lease, "error": "out of memory"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for (verb, body) in [
        ("status", json!({"lease_id": lease})),
        ("complete", json!({"lease_id": lease, "eval_after": 0.9})),
        ("fail", json!({"lease_id": lease, "error": "again"})),
        ("release", json!({"lease_id": lease})),
    ] {
        let (status, body) = runner_post(s, RUNNER, &id, verb, body).await;
        assert_eq!(status, StatusCode::CONFLICT, "{verb}: {body}");
    }
    let cook = cook_of(s, &org, &id).await;
    assert_eq!(cook["status"], "failed");
    assert_eq!(cook["error"], "out of memory");
    assert!(cook["receipt_id"].is_null());
    // A failed cook is not claimable again.
    let (_, none) = claim(s, RUNNER, json!({})).await;
    assert!(none["cook"].is_null());
    // Releasing gives an unfinished cook back to the queue at once.
    let second = queue(s, &org).await;
    let job = claim_job(s, RUNNER, 60).await;
    assert_eq!(job["id"], second.as_str());
    let (status, body) = runner_post(
        s,
        RUNNER,
        &second,
        "release",
        json!({"lease_id": job["lease_id"]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "queued");
    let again = claim_job(s, RUNNER, 60).await;
    assert_eq!(again["id"], second.as_str());
    assert_eq!(again["attempt"], 2);
    // Unknown cooks are 404, whatever the id holds.
    for unknown in ["no-such-cook", "%00", "0123456789abcdef0123456789abcdef"] {
        let (status, body) =
            runner_post(s, RUNNER, unknown, "status", json!({"lease_id": "x"})).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{unknown}: {body}");
        let (status, _) = s.get(&format!("/cooks/{unknown}"), &org.owner).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{unknown}");
    }
}
on_both_backends_with!(
    lease_holders_and_forward_states,
    only_the_lease_holder_moves_a_cook_forward,
    FLAGS
);

async fn two_completes_at_once_mint_one_receipt(s: &TestServer) {
    let org = org_with_verdict(s, "complete.example").await;
    let id = queue(s, &org).await;
    let queued = cook_of(s, &org, &id).await;
    let job = claim_job(s, RUNNER, 60).await;
    let lease = job["lease_id"].as_str().unwrap().to_string();
    assert_eq!(metric(&s.scrape().await, COOK_MINTS), 0.0);
    let body = json!({"lease_id": lease, "eval_after": 0.9125, "adapter_ref": "s3://adapters/a1",
                      "metrics": {"duration_sec": 1800, "loss": 0.25}});
    let answers = futures::future::join_all(
        (0..6).map(|_| runner_post(s, RUNNER, &id, "complete", body.clone())),
    )
    .await;
    let mut receipts = HashSet::new();
    for (status, cook) in &answers {
        assert_eq!(*status, StatusCode::OK, "{cook}");
        assert_eq!(cook["status"], "succeeded");
        receipts.insert(cook["receipt_id"].as_str().unwrap().to_string());
    }
    assert_eq!(
        receipts.len(),
        1,
        "one receipt for every answer: {receipts:?}"
    );
    let cook = cook_of(s, &org, &id).await;
    let expected_lift =
        ((0.9125 - queued["eval_before"].as_f64().unwrap()) * 10_000.0).round() / 10_000.0;
    assert_eq!(cook["lift"].as_f64().unwrap(), expected_lift);
    assert_eq!(cook["compute_usd"].as_f64().unwrap(), 0.4);
    assert_eq!(cook["adapter_ref"], "s3://adapters/a1");
    // Exactly one cook receipt in the chain, and the chain verifies.
    let ledger = s.ok_get("/ledger?limit=1000", &org.owner).await;
    let cook_receipts: Vec<&Value> = ledger["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["schema"] == "defendablecloud.cook-receipt/v1")
        .collect();
    assert_eq!(cook_receipts.len(), 1, "{ledger}");
    let verify = s.ok_get("/ledger/verify", &org.owner).await;
    assert_eq!(verify["ok"], true, "{verify}");
    // The public receipt carries the cook and no pinned_model key (never pinned).
    let public = s
        .ok_get(
            &format!("/share/{}", cook["share_token"].as_str().unwrap()),
            &org.owner,
        )
        .await;
    assert_eq!(public["verified"], true);
    let payload = &public["payload"];
    assert_eq!(payload["schema"], "defendablecloud.cook-receipt/v1");
    assert_eq!(payload["run_id"], org.run.as_str());
    assert_eq!(payload["cook"]["eval_after"], 0.9125);
    assert_eq!(payload["cook"]["runner"], "rig");
    assert_eq!(payload["cook"]["metrics"]["loss"], 0.25);
    assert!(payload.get("pinned_model").is_none(), "{payload}");
    // The receipt's PDF and page show the cook.
    let token = cook["share_token"].as_str().unwrap();
    let pdf = s
        .http
        .get(s.url(&format!("/share/{token}/pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));
    let page = s
        .http
        .get(s.url(&format!("/r/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("<h2>Cook</h2>"), "{html}");
    assert!(!html.contains("<h2>Approval</h2>"), "{html}");
    // Completing with another lease, or after the fact, is a conflict.
    let (status, _) = runner_post(
        s,
        RUNNER,
        &id,
        "complete",
        json!({"lease_id": "other", "eval_after": 0.1}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // Six completes, one receipt, counted once.
    let text = s.scrape().await;
    assert_eq!(metric(&text, COOK_MINTS), 1.0, "{text}");
}
on_both_backends_with!(
    double_complete_mints_once,
    two_completes_at_once_mint_one_receipt,
    FLAGS
);

async fn a_cook_seals_the_latest_pin_of_its_base_model(s: &TestServer) {
    let org = org_with_verdict(s, "pins.example").await;
    let me = s.ok_get("/auth/me", &org.owner).await;
    let org_id = me["org_id"].as_str().unwrap().to_string();
    // Model pins arrive with a later feature; mint two into the chain directly.
    let ctx = s.context();
    let mut pins = Vec::new();
    for declaration in ["first", "second"] {
        let mut tx = ctx.db.begin_write().await.unwrap();
        let row = match defendable_server::receipts::append(
            ctx,
            &mut tx,
            &org_id,
            Default::default(),
            |pos| {
                Ok(json!({
                    "schema": "defendablecloud.model-pin-receipt/v1",
                    "receipt_id": pos.receipt_id, "org_seq": pos.org_seq,
                    "parent_hash": pos.parent_hash, "created_at": pos.created_at,
                    "organization": {"id": org_id, "name": "pins"}, "share_url": pos.share_url,
                    "model": {"slug": "swarm/curator-9b", "name": "Curator", "base": "b",
                              "params_b": 9, "card_sha256": "c"},
                    "pinned_at": pos.created_at, "pinned_by_user_id": "u",
                    "declaration": declaration, "client_ref": null,
                }))
            },
        )
        .await
        {
            Ok(row) => row,
            Err(_) => panic!("minting a pin"),
        };
        tx.commit().await.unwrap();
        pins.push(row);
    }
    let id = queue(s, &org).await;
    let job = claim_job(s, RUNNER, 60).await;
    let (status, cook) = runner_post(
        s,
        RUNNER,
        &id,
        "complete",
        json!({"lease_id": job["lease_id"], "eval_after": 0.5}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{cook}");
    let public = s
        .ok_get(
            &format!("/share/{}", cook["share_token"].as_str().unwrap()),
            &org.owner,
        )
        .await;
    let pinned = &public["payload"]["pinned_model"];
    assert_eq!(pinned["pin_receipt_id"], pins[1].receipt_id.as_str());
    assert_eq!(
        pinned["pin_receipt_sha256"],
        pins[1].receipt_sha256.as_str()
    );
    assert_eq!(pinned["declaration"], "second");
    assert_eq!(pinned["slug"], "swarm/curator-9b");
    let verify = s.ok_get("/ledger/verify", &org.owner).await;
    assert_eq!(verify["ok"], true, "{verify}");
}
on_both_backends_with!(
    cook_receipts_seal_model_pins,
    a_cook_seals_the_latest_pin_of_its_base_model,
    FLAGS
);

async fn bad_numbers_are_refused_and_change_nothing(s: &TestServer) {
    let org = org_with_verdict(s, "numbers.example").await;
    let id = queue(s, &org).await;
    for lease_seconds in [0, -5, 3601] {
        let (status, body) = claim(s, RUNNER, json!({"lease_seconds": lease_seconds})).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{lease_seconds}: {body}");
        assert!(body["detail"].is_string());
    }
    assert_eq!(cook_of(s, &org, &id).await["status"], "queued");
    let job = claim_job(s, RUNNER, 60).await;
    let lease = job["lease_id"].as_str().unwrap().to_string();
    let (status, _) = runner_post(s, RUNNER, &id, "status", json!({"lease_id": lease})).await;
    assert_eq!(status, StatusCode::OK);
    for bad in [
        json!({"lease_id": lease, "eval_after": 1.5}),
        json!({"lease_id": lease, "eval_after": -0.01}),
        json!({"lease_id": lease, "eval_after": "high"}),
        json!({"lease_id": lease}),
        json!({"lease_id": lease, "eval_after": 0.5, "metrics": {"duration_sec": -3}}),
        json!({"lease_id": lease, "eval_after": 0.5, "metrics": {"duration_sec": "long"}}),
        json!({"lease_id": lease, "eval_after": 0.5, "metrics": {"blob": "x".repeat(70_000)}}),
        json!({"lease_id": lease, "eval_after": 0.5, "adapter_ref": "a\u{0}b"}),
    ] {
        let (status, body) = runner_post(s, RUNNER, &id, "complete", bad.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert!(body["detail"].is_string(), "{body}");
    }
    // Numbers JSON cannot hold are refused by the parser.
    let resp = s
        .http
        .post(s.url(&format!("/runner/cooks/{id}/complete")))
        .bearer_auth(RUNNER)
        .header("content-type", "application/json")
        .body(format!(r#"{{"lease_id":"{lease}","eval_after":1e400}}"#))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    for progress in [json!(1.01), json!(-1), json!("half")] {
        let (status, body) = runner_post(
            s,
            RUNNER,
            &id,
            "status",
            json!({"lease_id": lease, "progress": progress}),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{progress}: {body}");
    }
    let (status, _) = runner_post(
        s,
        RUNNER,
        &id,
        "fail",
        json!({"lease_id": lease, "error": "   "}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let cook = cook_of(s, &org, &id).await;
    assert_eq!(cook["status"], "running", "{cook}");
    assert!(cook["eval_after"].is_null());
    assert!(cook["receipt_id"].is_null());
    // The cook request checks its own fields.
    for bad in [
        json!({"dataset_id": "Not A Slug"}),
        json!({"base_model": ""}),
    ] {
        let (status, body) = s
            .post(&format!("/runs/{}/cook", org.run), &org.owner, bad.clone())
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
    }
    let cook = s
        .ok_post(
            &format!("/runs/{}/cook", org.run),
            &org.owner,
            json!({"dataset_id": "cre-memo-repair", "base_model": "acme/small-3b"}),
        )
        .await;
    assert_eq!(cook["dataset_id"], "cre-memo-repair");
    assert_eq!(cook["base_model"], "acme/small-3b");
    assert!(cook["pairs"].as_i64().unwrap() > 0, "{cook}");
}
on_both_backends_with!(
    bad_numbers_are_400,
    bad_numbers_are_refused_and_change_nothing,
    FLAGS
);

async fn cooks_stay_in_their_organisation(s: &TestServer) {
    let a = org_with_verdict(s, "tenant-a.example").await;
    let b = org_with_verdict(s, "tenant-b.example").await;
    let id = queue(s, &a).await;
    let (status, body) = s.get(&format!("/cooks/{id}"), &b.owner).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(body["detail"], "cook not found");
    let (status, _) = s
        .post(&format!("/runs/{}/cook", a.run), &b.owner, json!({}))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let listed = s.ok_get("/cooks", &b.owner).await;
    assert_eq!(listed["cooks"], json!([]));
    let listed = s.ok_get("/cooks", &a.owner).await;
    assert_eq!(listed["cooks"].as_array().unwrap().len(), 1);
    // A run without a verdict cannot be cooked yet.
    let project = s
        .ok_post("/projects", &a.owner, json!({"name": "raw"}))
        .await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let raw = s
        .ok_post(
            "/runs",
            &a.owner,
            json!({"project_id": project, "lane": "other", "title": "raw"}),
        )
        .await;
    let (status, body) = s
        .post(
            &format!("/runs/{}/cook", raw["id"].as_str().unwrap()),
            &a.owner,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}
on_both_backends_with!(
    cross_org_cook_is_404,
    cooks_stay_in_their_organisation,
    FLAGS
);

async fn runner_routes_take_runner_credentials_only(s: &TestServer) {
    let org = org_with_verdict(s, "creds.example").await;
    let id = queue(s, &org).await;
    for token in [
        None,
        Some("wrong"),
        Some(org.owner.as_str()),
        Some("dcrun_forged"),
    ] {
        let (status, body) = s
            .call(Method::POST, "/runner/cooks/next", token, Some(json!({})))
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{token:?}: {body}");
        assert_eq!(body["detail"], "invalid runner token");
    }
    // The operator issues, lists and revokes per-runner tokens.
    let (status, _) = s.call(Method::GET, "/internal/runners", None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let issued = issue_runner_token(s, "gpu-1").await;
    let token = issued["token"].as_str().unwrap().to_string();
    assert!(token.starts_with("dcrun_"));
    let listed: Value = s
        .http
        .get(s.url("/internal/runners"))
        .header("x-internal-key", INTERNAL)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed["runners"][0]["name"], "gpu-1");
    assert!(
        !listed.to_string().contains(&token),
        "the secret is shown once"
    );
    let job = claim_job(s, &token, 60).await;
    assert_eq!(job["id"], id.as_str());
    assert_eq!(cook_of(s, &org, &id).await["runner"], "gpu-1");
    let revoked: Value = s
        .http
        .delete(s.url(&format!(
            "/internal/runners/{}",
            issued["id"].as_str().unwrap()
        )))
        .header("x-internal-key", INTERNAL)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(revoked["revoked_at"].is_string(), "{revoked}");
    let (status, _) = runner_post(
        s,
        &token,
        &id,
        "status",
        json!({"lease_id": job["lease_id"]}),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let resp = s
        .http
        .delete(s.url("/internal/runners/unknown"))
        .header("x-internal-key", INTERNAL)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}
on_both_backends_with!(
    runner_credentials,
    runner_routes_take_runner_credentials_only,
    FLAGS
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn runner_routes_are_unavailable_without_a_runner_token() {
    let s = TestServer::start(common::Backend::Sqlite).await.unwrap();
    let (status, body) = claim(&s, "anything", json!({})).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    let (status, _) = s
        .call(
            Method::POST,
            "/internal/runners",
            None,
            Some(json!({"name": "x"})),
        )
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
}

async fn heartbeats_extend_the_lease(s: &TestServer) {
    let org = org_with_verdict(s, "heartbeat.example").await;
    let id = queue(s, &org).await;
    let job = claim_job(s, RUNNER, 2).await;
    let lease = job["lease_id"].as_str().unwrap().to_string();
    for _ in 0..3 {
        tokio::time::sleep(Duration::from_millis(1200)).await;
        let (status, body) =
            runner_post(s, RUNNER, &id, "status", json!({"lease_id": lease})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        // 3.6 s after the claim, a 2 s lease renewed every 1.2 s still holds.
        let (_, none) = claim(s, RUNNER, json!({})).await;
        assert!(none["cook"].is_null(), "reclaimed while renewed: {none}");
    }
    tokio::time::sleep(Duration::from_millis(2300)).await;
    let again = claim_job(s, RUNNER, 60).await;
    assert_eq!(again["id"], id.as_str());
    assert_eq!(again["attempt"], 2);
}
on_both_backends_with!(heartbeats_keep_a_lease, heartbeats_extend_the_lease, FLAGS);
