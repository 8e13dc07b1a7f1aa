//! The dataset and model catalogs from a member's side: members-only gates,
//! hashes recomputed from the raw responses, nothing internal in them, sample rows
//! read from the staged package files (425 while one is missing), and model pins
//! minted into the chain with exactly the card's public facts.

use crate::common;

use reqwest::StatusCode;
use serde_json::{json, Value};

use defendable_contract::canonical::{sha256_hex, value_to_canonical_vec};

use common::{metric, TestServer};

fn canonical_hash(value: &Value) -> String {
    sha256_hex(&value_to_canonical_vec(value))
}

fn without(value: &Value, key: &str) -> Value {
    let mut v = value.clone();
    v.as_object_mut().unwrap().remove(key);
    v
}

async fn raw_get(
    s: &TestServer,
    path: &str,
    token: &str,
) -> (StatusCode, String, reqwest::header::HeaderMap) {
    let resp = s
        .http
        .get(s.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    (status, resp.text().await.unwrap(), headers)
}

const INTERNAL: [&str; 6] = [
    "internal_usd",
    "source_path",
    "weights_location",
    "default_rate",
    "s3://",
    "datasets/",
];

async fn browse(s: &TestServer) {
    let token = s.sign_in("buyer", "catalogs.example").await;
    for path in [
        "/datasets",
        "/datasets/catalog",
        "/models/catalog",
        "/datasets/catalog/credit-memo-failures/samples",
    ] {
        let (status, body) = s.get(path, &token).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}: {body}");
        assert!(body["detail"]
            .as_str()
            .unwrap()
            .starts_with("membership required (current status: pending)"));
    }
    s.make_member(&token).await;

    // The catalog: hashes recompute from the raw response; nothing internal leaks.
    let (status, text, _) = raw_get(s, "/datasets/catalog", &token).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    for internal in INTERNAL {
        assert!(!text.contains(internal), "{internal} in {text}");
    }
    let catalog: Value = serde_json::from_str(&text).unwrap();
    let packages = catalog["packages"].as_array().unwrap();
    assert!(packages.len() >= 12);
    assert_eq!(
        catalog["packages_sha256"],
        canonical_hash(&catalog["packages"])
    );
    assert_eq!(
        catalog["catalog_sha256"],
        canonical_hash(&without(&catalog, "catalog_sha256"))
    );
    assert_eq!(catalog["scorecard"]["total_packages"], packages.len());
    let pairs: i64 = packages.iter().map(|p| p["pairs"].as_i64().unwrap()).sum();
    assert_eq!(catalog["scorecard"]["total_pairs"], pairs);
    let finance = s.ok_get("/datasets/catalog?vertical=finance", &token).await;
    assert!(finance["packages"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["vertical"] == "finance"));
    assert!(!finance["packages"].as_array().unwrap().is_empty());
    let (status, _) = s.get("/datasets/catalog?vertical=astrology", &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let one = s
        .ok_get("/datasets/catalog/loan-covenant-checks", &token)
        .await;
    assert_eq!(
        one,
        *packages
            .iter()
            .find(|p| p["slug"] == "loan-covenant-checks")
            .unwrap()
    );
    let (status, body) = s.get("/datasets/catalog/no-such-package", &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["detail"], "package not found: no-such-package");

    // The members' list knows the plan and what is staged.
    let list = s.ok_get("/datasets", &token).await;
    assert_eq!(list["plan"], "free");
    for item in list["datasets"].as_array().unwrap() {
        assert_eq!(item["entitled"], item["tier"] == "core", "{item}");
        assert_eq!(item["ready"], true, "{item}");
    }

    // Samples come from the staged file: the same bytes that ship with the catalog.
    let shipped = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("catalogs/samples/loan-covenant-checks.jsonl"),
    )
    .unwrap();
    let samples = s
        .ok_get(
            "/datasets/catalog/loan-covenant-checks/samples?limit=3",
            &token,
        )
        .await;
    assert_eq!(samples["count"], 3);
    assert_eq!(samples["file_sha256"], sha256_hex(&shipped));
    assert_eq!(samples["file_bytes"], shipped.len());
    let first: Value =
        serde_json::from_slice(shipped.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(samples["rows"][0], first);
    for limit in ["0", "51", "-1"] {
        let (status, body) = s
            .get(
                &format!("/datasets/catalog/loan-covenant-checks/samples?limit={limit}"),
                &token,
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{limit}: {body}");
    }
    // Samples of a pro package are for plans that include it.
    let (status, body) = s
        .get(
            "/datasets/catalog/credit-memo-failures/samples?limit=50",
            &token,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    // A package whose file is not staged answers 425 with Retry-After.
    s.context()
        .blobs
        .delete("datasets/loan-covenant-checks/loan-covenant-checks.jsonl")
        .await;
    let (status, text, headers) =
        raw_get(s, "/datasets/catalog/loan-covenant-checks/samples", &token).await;
    assert_eq!(status.as_u16(), 425, "{text}");
    assert_eq!(headers.get("retry-after").unwrap(), "120");
    let list = s.ok_get("/datasets", &token).await;
    let item = list["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["slug"] == "loan-covenant-checks")
        .unwrap()
        .clone();
    assert_eq!(item["ready"], false);

    // Models: every card hash and the catalog hash recompute; nothing internal.
    let (status, text, _) = raw_get(s, "/models/catalog", &token).await;
    assert_eq!(status, StatusCode::OK);
    for internal in INTERNAL {
        assert!(!text.contains(internal), "{internal} in {text}");
    }
    let models: Value = serde_json::from_str(&text).unwrap();
    assert!(models["models"].as_array().unwrap().len() >= 4);
    assert_eq!(models["models_sha256"], canonical_hash(&models["models"]));
    for card in models["models"].as_array().unwrap() {
        assert_eq!(
            card["card_sha256"],
            canonical_hash(&without(card, "card_sha256")),
            "{card}"
        );
    }
    let (status, body) = s.get("/models/catalog/nope", &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["detail"], "model card not found: nope");
}

on_both_backends!(members_browse_catalogs_whose_hashes_recompute, browse);

async fn pins(s: &TestServer) {
    let token = s.sign_in("pinner", "catalogs.example").await;
    let (status, _) = s
        .post("/models/catalog/ledger-anchor-72b/pin", &token, json!({}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    s.make_member(&token).await;
    let card = s.ok_get("/models/catalog/ledger-anchor-72b", &token).await;

    let (status, body) = s
        .post(
            "/models/catalog/ledger-anchor-72b/pin",
            &token,
            json!({"declaration": "x".repeat(501)}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, body) = s
        .post("/models/catalog/lease-reader-9b/pin", &token, json!({}))
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "retired models are not pinned: {body}"
    );

    let (status, pin) = s
        .post(
            "/models/catalog/ledger-anchor-72b/pin",
            &token,
            json!({"declaration": "Used for Q3 covenant reviews", "client_ref": "ENG-42"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{pin}");
    // The refused pins minted nothing; this one is counted once.
    let text = s.scrape().await;
    assert_eq!(
        metric(
            &text,
            r#"defendable_receipts_minted_total{kind="model-pin"}"#
        ),
        1.0,
        "{text}"
    );
    let keys: Vec<&String> = pin["model"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["base", "card_sha256", "name", "params_b", "slug"]);
    assert_eq!(pin["model"]["card_sha256"], card["card_sha256"]);
    assert_eq!(pin["model"]["params_b"], card["params_b"]);

    // The public receipt seals the same facts and verifies.
    let token_part = pin["share_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap();
    let public = s.ok_get(&format!("/share/{token_part}"), &token).await;
    assert_eq!(public["verified"], true);
    assert_eq!(
        public["payload"]["schema"],
        "defendablecloud.model-pin-receipt/v1"
    );
    assert_eq!(public["payload"]["model"], pin["model"]);
    assert_eq!(
        public["payload"]["declaration"],
        "Used for Q3 covenant reviews"
    );
    assert_eq!(public["receipt_sha256"], pin["receipt_sha256"]);
    assert_eq!(
        public["receipt_sha256"],
        sha256_hex(&value_to_canonical_vec(&public["payload"]))
    );
    let text = public.to_string();
    for internal in INTERNAL {
        assert!(!text.contains(internal), "{internal} in {text}");
    }

    let recent = s
        .ok_get(
            "/receipts/recent?schema=defendablecloud.model-pin-receipt/v1",
            &token,
        )
        .await;
    assert_eq!(recent["count"], 1);
    assert_eq!(recent["rollups"][0]["summary"]["lane"], "model-pin");
    assert_eq!(
        recent["rollups"][0]["summary"]["model_slug"],
        "ledger-anchor-72b"
    );
    assert_eq!(recent["rollups"][0]["summary"]["client_ref"], "ENG-42");
    let verify = s.ok_get("/ledger/verify", &token).await;
    assert_eq!(verify["ok"], true, "{verify}");
}

on_both_backends!(a_model_pin_is_a_verifiable_receipt, pins);

/// Follows a grant's download URL by hand: the capability answers 302 to a
/// signed link, which serves the file.
async fn download(s: &TestServer, url: &str) -> (StatusCode, Vec<u8>, reqwest::header::HeaderMap) {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let first = http.get(url).send().await.unwrap();
    if first.status() != StatusCode::FOUND {
        let status = first.status();
        let headers = first.headers().clone();
        return (status, first.bytes().await.unwrap().to_vec(), headers);
    }
    let location = first.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with(&s.base), "{location}");
    let resp = http.get(&location).send().await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    (status, resp.bytes().await.unwrap().to_vec(), headers)
}

async fn grants(s: &TestServer) {
    let token = s.sign_in("grantee", "grants.example").await;
    let (status, _) = s
        .post(
            "/datasets/catalog/loan-covenant-checks/download",
            &token,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "non-members get no grant");
    s.make_member(&token).await;
    for hours in [0, 169] {
        let (status, _) = s
            .post(
                "/datasets/catalog/loan-covenant-checks/download",
                &token,
                json!({"expires_in_hours": hours}),
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{hours}");
    }
    // A pro package is outside the free plan.
    let (status, body) = s
        .post(
            "/datasets/catalog/credit-memo-failures/download",
            &token,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body["detail"].as_str().unwrap().contains("pro tier"));

    let (status, grant) = s
        .post(
            "/datasets/catalog/loan-covenant-checks/download",
            &token,
            json!({"expires_in_hours": 2}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{grant}");
    assert_eq!(grant["ready"], true);
    let shipped = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("catalogs/samples/loan-covenant-checks.jsonl"),
    )
    .unwrap();
    assert_eq!(grant["package"]["file_sha256"], sha256_hex(&shipped));

    // The public proof verifies and names no person, key or storage location.
    let share_token = grant["share_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let public = s.ok_get(&format!("/share/{share_token}"), &token).await;
    assert_eq!(public["verified"], true);
    assert_eq!(public["receipt_sha256"], grant["receipt_sha256"]);
    assert_eq!(
        public["receipt_sha256"],
        sha256_hex(&value_to_canonical_vec(&public["payload"]))
    );
    let payload = &public["payload"];
    assert_eq!(
        payload["schema"],
        "defendablecloud.dataset-download-receipt/v1"
    );
    assert_eq!(payload["file"]["sha256"], sha256_hex(&shipped));
    let text = public.to_string();
    let me = s.ok_get("/auth/me", &token).await;
    for secret in [
        me["id"].as_str().unwrap(),
        me["email"].as_str().unwrap(),
        "datasets/",
        "token=",
        grant["grant_id"].as_str().unwrap(),
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    // The organisation is named by name and by a commitment to its id, never the id.
    let org_id = me["org_id"].as_str().unwrap();
    assert!(!payload.to_string().contains(org_id), "{payload}");
    assert_eq!(payload["organization"]["name"], me["org_name"]);
    assert_eq!(
        payload["organization"]["id_sha256"],
        sha256_hex(format!("defendable-org:{org_id}").as_bytes())
    );
    // The grantee commitment opens with the salt the server keeps.
    let salt: String =
        sqlx::query_scalar("SELECT commitment_salt FROM dataset_grants WHERE id = $1")
            .bind(grant["grant_id"].as_str().unwrap())
            .fetch_one(&s.context().db.pool)
            .await
            .unwrap();
    let opened = json!({"salt": salt, "principal": me["id"], "email": me["email"]});
    assert_eq!(payload["grantee_commitment"], canonical_hash(&opened));

    // The public link is not a download capability; the grant's link is.
    let (status, body) = s
        .get(&format!("/share/{share_token}/download"), &token)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let url = grant["download_url"].as_str().unwrap();
    let (status, bytes, headers) = download(s, url).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bytes, shipped);
    assert_eq!(headers["x-content-sha256"], sha256_hex(&shipped).as_str());
    // Change the signature's last character (to one it is not).
    let last = if url.ends_with('0') { '1' } else { '0' };
    let forged = format!("{}{last}", &url[..url.len() - 1]);
    let (status, _, _) = download(s, &forged).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = s
        .get(
            &format!(
                "/datasets/files/{}?expires=9999999999&sig=00",
                grant["grant_id"].as_str().unwrap()
            ),
            &token,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // An expired grant is gone.
    sqlx::query("UPDATE dataset_grants SET expires_at = $1 WHERE id = $2")
        .bind("2001-01-01T00:00:00.000000Z")
        .bind(grant["grant_id"].as_str().unwrap())
        .execute(&s.context().db.pool)
        .await
        .unwrap();
    let (status, _, _) = download(s, url).await;
    assert_eq!(status.as_u16(), 410);

    // A file not staged: the grant says so, downloads wait (425), the stager sees it.
    let key = "datasets/rent-roll-reconciliation/rent-roll-reconciliation.jsonl";
    let staged = s.context().blobs.get(key).await.unwrap();
    s.context().blobs.delete(key).await;
    let (status, waiting) = s
        .post(
            "/datasets/catalog/rent-roll-reconciliation/download",
            &token,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(waiting["ready"], false);
    assert!(waiting["package"]["file_sha256"].is_null());
    let (status, _, headers) = download(s, waiting["download_url"].as_str().unwrap()).await;
    assert_eq!(status.as_u16(), 425);
    assert_eq!(headers["retry-after"], "120");
    let internal = |path: &str| {
        s.http
            .request(
                if path.ends_with("complete") {
                    reqwest::Method::POST
                } else {
                    reqwest::Method::GET
                },
                s.url(path),
            )
            .header(
                "X-Internal-Key",
                "catalog-tests-internal-key-0123456789abcdef",
            )
    };
    let tasks: Value = internal("/internal/staging-tasks")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(tasks["count"], 1, "{tasks}");
    assert_eq!(tasks["tasks"][0]["key"], key);
    assert_eq!(tasks["tasks"][0]["pending_grants"], 1);
    let resp = internal("/internal/stage-complete")
        .json(&json!({"key": key}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 425, "not there yet");
    s.put_blob(key, staged.clone()).await;
    let done: Value = internal("/internal/stage-complete")
        .json(&json!({"key": key}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(done["grants_matched"], 1, "{done}");
    // No SMTP here: nothing was sent, so nothing is recorded as sent.
    assert_eq!(done["notified"], 0);
    assert_eq!(done["not_notified"], 1);
    let tasks: Value = internal("/internal/staging-tasks")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(tasks["count"], 0, "{tasks}");
    let (status, bytes, _) = download(s, waiting["download_url"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bytes, staged);

    let recent = s
        .ok_get(
            "/receipts/recent?schema=defendablecloud.dataset-download-receipt/v1",
            &token,
        )
        .await;
    assert_eq!(recent["count"], 2);
    assert_eq!(
        recent["rollups"][0]["summary"]["package_slug"],
        "rent-roll-reconciliation"
    );
    assert_eq!(recent["rollups"][0]["summary"]["ready_at_grant"], false);
    let verify = s.ok_get("/ledger/verify", &token).await;
    assert_eq!(verify["ok"], true, "{verify}");
    // Once the membership lapses, grants stop downloading.
    sqlx::query("UPDATE orgs SET membership_renewal_at = $1 WHERE id = $2")
        .bind("2001-01-01T00:00:00.000000Z")
        .bind(me["org_id"].as_str().unwrap())
        .execute(&s.context().db.pool)
        .await
        .unwrap();
    let (status, body, _) = download(s, waiting["download_url"].as_str().unwrap()).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "{}",
        String::from_utf8_lossy(&body)
    );
}

on_both_backends_with!(
    grants_mint_receipts_and_private_download_links,
    grants,
    &[
        "--internal-api-key",
        "catalog-tests-internal-key-0123456789abcdef"
    ]
);

async fn quota(s: &TestServer) {
    let token = s.sign_in("hoarder", "grants.example").await;
    s.make_member(&token).await;
    // Eight grants at once against a limit of five: exactly five succeed.
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let http = s.http.clone();
        let url = s.url("/datasets/catalog/loan-covenant-checks/download");
        let token = token.clone();
        tasks.push(tokio::spawn(async move {
            let resp = http
                .post(url)
                .bearer_auth(token)
                .json(&json!({}))
                .send()
                .await
                .unwrap();
            let retry = resp
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().parse::<u64>().unwrap());
            (resp.status(), retry, resp.json::<Value>().await.unwrap())
        }));
    }
    let mut granted = 0;
    for t in tasks {
        let (status, retry, body) = t.await.unwrap();
        match status {
            StatusCode::CREATED => granted += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                let retry = retry.expect("Retry-After on 429");
                assert!((1..=86_400).contains(&retry), "{retry}");
                assert!(body["detail"]
                    .as_str()
                    .unwrap()
                    .contains("5 grants per rolling 24 hours"));
            }
            other => panic!("{other}: {body}"),
        }
    }
    assert_eq!(granted, 5);
    // Monitoring sees the grants and the spikes (the 4th and 5th grant in the window).
    let metrics = s
        .http
        .get(s.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let counter = |name: &str| -> u64 {
        metrics
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name} ")))
            .unwrap_or_else(|| panic!("{name} in {metrics}"))
            .parse()
            .unwrap()
    };
    assert_eq!(counter("defendable_download_grants_total"), 5);
    assert_eq!(counter("defendable_download_grant_spikes_total"), 2);
    assert!(metrics.contains("defendable_receipts_minted_total{kind=\"dataset-download\"} 5"));
    let verify = s.ok_get("/ledger/verify", &token).await;
    assert_eq!(verify["ok"], true);
}

on_both_backends_with!(
    the_download_quota_holds_under_concurrency,
    quota,
    &[
        "--dataset-download-daily-limit",
        "5",
        "--dataset-grant-spike-threshold",
        "3",
        "--rate-limit-mint-per-org",
        "0"
    ]
);
