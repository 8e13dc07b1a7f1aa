//! The dataset and model catalogs from a member's side: members-only gates,
//! hashes recomputed from the raw responses, nothing internal in them, sample rows
//! read from the staged package files (425 while one is missing), and model pins
//! minted into the chain with exactly the card's public facts.

mod common;

use reqwest::StatusCode;
use serde_json::{json, Value};

use defendable_contract::canonical::{sha256_hex, value_to_canonical_vec};

use common::TestServer;

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
