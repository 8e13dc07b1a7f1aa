//! Signed, transparent receipts over HTTP: signatures, checkpoints, inclusion and
//! consistency proofs, proof files checked offline with only the public key, a
//! server that checks every signature before it vouches for a receipt or signs a
//! checkpoint, and the public log of a shared receipt's chain.

use crate::common;

use reqwest::Method;
use serde_json::{json, Value};
use sqlx::Row as _;

use common::TestServer;
use defendable_contract::canonical::{sha256_hex, to_canonical_string};
use defendable_contract::checkpoint::open_checkpoint;
use defendable_contract::merkle;
use defendable_contract::note::{self, Verifier};
use defendable_contract::schemas::ProofFile;
use defendable_contract::transparency::{check_proof_file, hash_from_hex, receipt_statement};

async fn mint(s: &TestServer, token: &str, project: &str, title: &str) -> Value {
    s.mint_receipt(token, project, title).await
}

fn hashes(list: &Value) -> Vec<merkle::Hash> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|h| hash_from_hex(h.as_str().unwrap()).unwrap())
        .collect()
}

/// JSON pointers of every string inside `v`.
fn string_pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::String(_) => out.push(at),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                string_pointers(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let key = k.replace('~', "~0").replace('/', "~1");
                string_pointers(item, format!("{at}/{key}"), out);
            }
        }
        _ => {}
    }
}

async fn transparency(s: &TestServer) {
    let token = s.sign_in("audit", "transparent.example").await;
    let org = s.ok_get("/org", &token).await;
    let org_id = org["id"].as_str().unwrap();
    let project = s.ok_post("/projects", &token, json!({"name": "t"})).await;
    let project = project["id"].as_str().unwrap();
    let mut receipts = Vec::new();
    for i in 0..3 {
        receipts.push(mint(s, &token, project, &format!("r{i}")).await);
    }

    // The published key verifies each receipt's signature over its statement.
    let keys = s.ok_get("/.well-known/defendable-keys", &token).await;
    let current: Vec<&Value> = keys["keys"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["status"] == "current")
        .collect();
    assert_eq!(current.len(), 1, "{keys}");
    let verifier: Verifier = current[0]["verifier"].as_str().unwrap().parse().unwrap();
    let trusted = std::slice::from_ref(&verifier);
    for r in &receipts {
        let public = s
            .ok_get(
                &format!("/share/{}", r["share_token"].as_str().unwrap()),
                &token,
            )
            .await;
        let sig = &public["signature"];
        assert_eq!(sig["key_id"], current[0]["key_id"]);
        let opened = note::open(sig["note"].as_str().unwrap(), trusted).unwrap();
        assert_eq!(
            opened.text,
            receipt_statement(
                org_id,
                r["org_seq"].as_i64().unwrap(),
                r["receipt_id"].as_str().unwrap(),
                r["receipt_sha256"].as_str().unwrap()
            )
        );
    }

    // The checkpoint is signed and its root is the tree over the chain's hashes.
    let cp = s.ok_get("/ledger/checkpoint", &token).await;
    assert_eq!(cp["tree_size"], 3);
    let opened = open_checkpoint(cp["note"].as_str().unwrap(), trusted).unwrap();
    let leaves: Vec<merkle::Hash> = receipts
        .iter()
        .map(|r| merkle::receipt_leaf(r["receipt_sha256"].as_str().unwrap()).unwrap())
        .collect();
    assert_eq!(opened.root(), &merkle::root(&leaves));
    assert_eq!(opened.size(), 3);
    assert!(opened.origin().ends_with(&format!("/orgs/{org_id}")));
    assert_eq!(
        s.ok_get("/ledger/checkpoint", &token).await["note"],
        cp["note"]
    );
    for seq in 0..3u64 {
        let p = s
            .ok_get(&format!("/ledger/proof/inclusion?org_seq={seq}"), &token)
            .await;
        merkle::verify_inclusion(
            &leaves[seq as usize],
            seq,
            3,
            &hashes(&p["proof"]),
            opened.root(),
        )
        .unwrap();
    }

    // One more receipt: the new checkpoint is consistent with the old one.
    receipts.push(mint(s, &token, project, "r3").await);
    let cp4 = s.ok_get("/ledger/checkpoint", &token).await;
    let opened4 = open_checkpoint(cp4["note"].as_str().unwrap(), trusted).unwrap();
    let c = s
        .ok_get("/ledger/proof/consistency?from=3&to=4", &token)
        .await;
    merkle::verify_consistency(3, 4, opened.root(), opened4.root(), &hashes(&c["proof"])).unwrap();
    let (status, body) = s.get("/ledger/proof/inclusion?org_seq=9", &token).await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = s.get("/ledger/proof/consistency?from=5", &token).await;
    assert_eq!(status, 400, "{body}");

    // The proof file verifies with nothing but the key; any tampering is named.
    let share = receipts[1]["share_token"].as_str().unwrap();
    let (status, file) = s
        .call(
            reqwest::Method::GET,
            &format!("/share/{share}/proof"),
            None,
            None,
        )
        .await;
    assert_eq!(status, 200, "{file}");
    let parsed: ProofFile = serde_json::from_value(file.clone()).unwrap();
    let checks = check_proof_file(&parsed, trusted);
    assert!(checks.iter().all(|c| c.ok != Some(false)), "{checks:?}");
    for name in ["hash", "signature", "checkpoint", "inclusion"] {
        assert!(
            checks.iter().any(|c| c.check == name && c.ok == Some(true)),
            "{name}"
        );
    }
    let failing = |mutate: &dyn Fn(&mut Value)| {
        let mut doc = file.clone();
        mutate(&mut doc);
        let parsed: ProofFile = serde_json::from_value(doc).unwrap();
        check_proof_file(&parsed, trusted)
            .into_iter()
            .filter(|c| c.ok == Some(false))
            .map(|c| c.check)
            .collect::<Vec<_>>()
    };
    assert!(
        failing(&|d| d["receipt"]["payload"]["run_id"] = json!("forged"))
            .contains(&"hash".to_string())
    );
    assert!(failing(&|d| {
        let n = d["signature"]["note"]
            .as_str()
            .unwrap()
            .replace("seq 1", "seq 2");
        d["signature"]["note"] = json!(n);
    })
    .contains(&"signature".to_string()));
    assert!(
        failing(&|d| d["inclusion"]["proof"][0] = json!("00".repeat(32)))
            .contains(&"inclusion".to_string())
    );
    assert!(failing(&|d| {
        let n = d["checkpoint"]["note"]
            .as_str()
            .unwrap()
            .replacen('\n', "x\n", 1);
        d["checkpoint"]["note"] = json!(n);
    })
    .contains(&"checkpoint".to_string()));
    // Every single character of the signature and checkpoint notes, every proof hash
    // and every string in the payload: changing any one of them fails a check.
    let failed = |doc: &Value| -> bool {
        match serde_json::from_value::<ProofFile>(doc.clone()) {
            Ok(parsed) => check_proof_file(&parsed, trusted)
                .iter()
                .any(|c| c.ok == Some(false)),
            Err(_) => true,
        }
    };
    let flip = |c: char| if c == 'A' { 'B' } else { 'A' };
    for pointer in ["/signature/note", "/checkpoint/note"] {
        let text = file.pointer(pointer).unwrap().as_str().unwrap().to_string();
        for (i, c) in text.char_indices() {
            let mut changed = text.clone();
            changed.replace_range(i..i + c.len_utf8(), &flip(c).to_string());
            let mut doc = file.clone();
            *doc.pointer_mut(pointer).unwrap() = json!(changed);
            assert!(failed(&doc), "changing {pointer} at {i} went unnoticed");
        }
    }
    for k in 0..file["inclusion"]["proof"].as_array().unwrap().len() {
        let hash = file["inclusion"]["proof"][k].as_str().unwrap().to_string();
        for i in 0..hash.len() {
            let mut changed = hash.clone();
            let c = if &hash[i..=i] == "0" { "1" } else { "0" };
            changed.replace_range(i..=i, c);
            let mut doc = file.clone();
            doc["inclusion"]["proof"][k] = json!(changed);
            assert!(
                failed(&doc),
                "changing proof hash {k} at {i} went unnoticed"
            );
        }
    }
    let mut pointers = Vec::new();
    string_pointers(
        &file["receipt"]["payload"],
        "/receipt/payload".into(),
        &mut pointers,
    );
    assert!(pointers.len() > 10);
    for pointer in pointers {
        let mut doc = file.clone();
        let text = doc.pointer(&pointer).unwrap().as_str().unwrap().to_string();
        *doc.pointer_mut(&pointer).unwrap() = json!(format!("{text}x"));
        assert!(failed(&doc), "changing {pointer} went unnoticed");
    }

    let stranger = note::Signer::from_seed("stranger", [7; 32])
        .unwrap()
        .verifier();
    let untrusted = check_proof_file(&parsed, &[stranger]);
    assert!(untrusted
        .iter()
        .any(|c| c.check == "signature" && c.ok == Some(false)));

    // Rewriting an old receipt: the server refuses to sign a checkpoint over it.
    let pool = sqlx::AnyPool::connect(&s.context().config.database_url)
        .await
        .unwrap();
    sqlx::query("UPDATE receipts SET receipt_sha256 = $1 WHERE org_id = $2 AND org_seq = 1")
        .bind("ab".repeat(32))
        .bind(org_id)
        .execute(&pool)
        .await
        .unwrap();
    mint(s, &token, project, "after rewrite").await;
    let (status, body) = s.get("/ledger/checkpoint", &token).await;
    assert_eq!(status, 409, "{body}");
    let detail = body["detail"].as_str().unwrap();
    assert!(detail.contains("refusing to sign"), "{body}");
    assert!(
        detail.contains(receipts[1]["receipt_id"].as_str().unwrap()),
        "the rewritten receipt is named: {body}"
    );
}
on_both_backends!(receipts_are_signed_and_provable, transparency);

/// Rotating the signing key: the old key is listed as retired and still verifies what
/// it signed; new receipts carry the new key.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_rotated_key_still_verifies_old_receipts() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("shared.db").display()
    );
    let old_key = note::Signer::from_seed("rotation.example", [1; 32]).unwrap();
    let new_key = note::Signer::from_seed("rotation.example", [2; 32]).unwrap();

    let first =
        TestServer::start_with(Some(url.clone()), &["--signing-key", &old_key.to_string()]).await;
    let token = first.sign_in("keys", "rotation.example").await;
    let project = first
        .ok_post("/projects", &token, json!({"name": "r"}))
        .await;
    let project = project["id"].as_str().unwrap().to_string();
    let before = mint(&first, &token, &project, "before").await;
    drop(first);

    let second = TestServer::start_with(Some(url), &["--signing-key", &new_key.to_string()]).await;
    let token = second.sign_in("keys", "rotation.example").await;
    let after = mint(&second, &token, &project, "after").await;
    let keys = second.ok_get("/.well-known/defendable-keys", &token).await;
    let keys = keys["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 2, "{keys:?}");
    let status_of = |v: &Verifier| {
        keys.iter()
            .find(|k| k["verifier"] == v.to_string())
            .map(|k| (k["status"].clone(), k["valid_until"].clone()))
            .unwrap()
    };
    let (old_status, old_until) = status_of(&old_key.verifier());
    assert_eq!(old_status, "retired");
    assert!(old_until.is_string());
    assert_eq!(status_of(&new_key.verifier()).0, "current");

    for (receipt, key, other) in [(&before, &old_key, &new_key), (&after, &new_key, &old_key)] {
        let public = second
            .ok_get(
                &format!("/share/{}", receipt["share_token"].as_str().unwrap()),
                &token,
            )
            .await;
        let note_text = public["signature"]["note"].as_str().unwrap();
        note::open(note_text, &[key.verifier()]).expect("signed by its own key");
        assert!(note::open(note_text, &[other.verifier()]).is_err());
    }
    // Proof files of old receipts still verify with the old key (and the checkpoint
    // is now signed by the new one: trust both).
    let (_, file) = second
        .call(
            reqwest::Method::GET,
            &format!("/share/{}/proof", before["share_token"].as_str().unwrap()),
            None,
            None,
        )
        .await;
    let parsed: ProofFile = serde_json::from_value(file).unwrap();
    let checks = check_proof_file(&parsed, &[old_key.verifier(), new_key.verifier()]);
    assert!(checks.iter().all(|c| c.ok != Some(false)), "{checks:?}");
}

/// Rewrites a stored receipt's run title and recomputes its hash, as anyone with
/// write access to the database (but not the signing key) can.
async fn forge(s: &TestServer, share_token: &str) {
    let pool = sqlx::AnyPool::connect(&s.context().config.database_url)
        .await
        .unwrap();
    let row = sqlx::query("SELECT canonical_payload FROM receipts WHERE share_token = $1")
        .bind(share_token)
        .fetch_one(&pool)
        .await
        .unwrap();
    let mut payload: Value =
        serde_json::from_str(&row.get::<String, _>("canonical_payload")).unwrap();
    payload["run"]["title"] = json!("forged");
    let canonical = to_canonical_string(&payload).unwrap();
    sqlx::query(
        "UPDATE receipts SET canonical_payload = $1, receipt_sha256 = $2 WHERE share_token = $3",
    )
    .bind(&canonical)
    .bind(sha256_hex(canonical.as_bytes()))
    .bind(share_token)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
}

/// A public GET (no credentials).
async fn public_get(s: &TestServer, path: &str) -> (reqwest::StatusCode, Value) {
    s.call(Method::GET, path, None, None).await
}

/// Asserts a 409 whose detail names `receipt`.
fn refused(what: &str, (status, body): (reqwest::StatusCode, Value), receipt: &Value) {
    assert_eq!(status, 409, "{what}: {body}");
    let detail = body["detail"].as_str().unwrap_or_default();
    assert!(detail.starts_with("refusing to"), "{what}: {body}");
    assert!(
        detail.contains(receipt["receipt_id"].as_str().unwrap()),
        "{what} names the forged receipt: {body}"
    );
}

async fn forgeries(s: &TestServer) {
    let token = s.sign_in("forger", "forged.example").await;
    let project = s.ok_post("/projects", &token, json!({"name": "f"})).await;
    let project = project["id"].as_str().unwrap();
    let mut r = Vec::new();
    for i in 0..3 {
        r.push(mint(s, &token, project, &format!("f{i}")).await);
    }
    assert_eq!(s.ok_get("/ledger/checkpoint", &token).await["tree_size"], 3);
    r.push(mint(s, &token, project, "f3").await);
    let share = |i: usize| r[i]["share_token"].as_str().unwrap().to_string();
    assert_eq!(
        public_get(s, &format!("/share/{}", share(3))).await.1["verified"],
        true
    );

    // The newest receipt (after the last checkpoint) is forged, hash and all.
    forge(s, &share(3)).await;
    let (status, public) = public_get(s, &format!("/share/{}", share(3))).await;
    assert_eq!(status, 200);
    assert_eq!(public["payload"]["run"]["title"], "forged");
    assert_eq!(
        public["verified"], false,
        "the signature names the old hash"
    );
    assert_eq!(
        public_get(s, &format!("/share/{}", share(0))).await.1["verified"],
        true
    );
    let report = s.ok_get("/ledger/verify", &token).await;
    assert_eq!(report["ok"], false, "{report}");
    assert_eq!(report["receipts_checked"], 4);
    assert_eq!(report["error_count"], 1, "{report}");
    assert_eq!(report["errors"][0]["org_seq"], 3);
    assert!(
        report["errors"][0]["error"]
            .as_str()
            .unwrap()
            .starts_with("signature:"),
        "{report}"
    );
    refused(
        "/ledger/checkpoint",
        s.get("/ledger/checkpoint", &token).await,
        &r[3],
    );
    refused(
        "/ledger/export",
        s.get("/ledger/export", &token).await,
        &r[3],
    );
    for i in [0, 3] {
        refused(
            "/share/{token}/proof",
            public_get(s, &format!("/share/{}/proof", share(i))).await,
            &r[3],
        );
        refused(
            "/share/{token}/log/checkpoint",
            public_get(s, &format!("/share/{}/log/checkpoint", share(i))).await,
            &r[3],
        );
    }

    // A receipt under the last checkpoint, forged as well: named too.
    forge(s, &share(1)).await;
    assert_eq!(
        public_get(s, &format!("/share/{}", share(1))).await.1["verified"],
        false
    );
    let (status, body) = s.get("/ledger/checkpoint", &token).await;
    refused("/ledger/checkpoint", (status, body.clone()), &r[1]);
    assert!(
        body["detail"].as_str().unwrap().contains("1 more"),
        "{body}"
    );
    let report = s.ok_get("/ledger/verify", &token).await;
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(
        report["error_count"].as_u64().unwrap() as usize,
        errors.len()
    );
    for seq in [1, 3] {
        assert!(
            errors
                .iter()
                .any(|e| e["org_seq"] == seq
                    && e["error"].as_str().unwrap().starts_with("signature:")),
            "{report}"
        );
    }
    let seqs: Vec<i64> = errors
        .iter()
        .map(|e| e["org_seq"].as_i64().unwrap())
        .collect();
    assert!(
        seqs.windows(2).all(|w| w[0] <= w[1]),
        "in chain order: {report}"
    );

    // A receipt whose signature was deleted is not vouched for either.
    let pool = sqlx::AnyPool::connect(&s.context().config.database_url)
        .await
        .unwrap();
    sqlx::query(
        "DELETE FROM receipt_signatures WHERE receipt_row_id = \
         (SELECT id FROM receipts WHERE share_token = $1)",
    )
    .bind(share(2))
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let (_, public) = public_get(s, &format!("/share/{}", share(2))).await;
    assert_eq!(public["verified"], false, "{public}");
    let report = s.ok_get("/ledger/verify", &token).await;
    assert!(
        report["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["org_seq"] == 2 && e["error"].as_str().unwrap().contains("no signature")),
        "{report}"
    );
}
on_both_backends_with!(
    a_forged_receipt_is_never_vouched_for,
    forgeries,
    &["--share-cache-ttl-ms", "0"]
);

async fn public_log(s: &TestServer) {
    let token = s.sign_in("logged", "public-log.example").await;
    let project = s.ok_post("/projects", &token, json!({"name": "l"})).await;
    let project = project["id"].as_str().unwrap();
    let first = mint(s, &token, project, "l0").await;
    mint(s, &token, project, "l1").await;
    let share = first["share_token"].as_str().unwrap();
    let keys = s.ok_get("/.well-known/defendable-keys", &token).await;
    let verifier: Verifier = keys["keys"][0]["verifier"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let trusted = std::slice::from_ref(&verifier);

    // Without an account: the same checkpoint members get.
    let (status, cp2) = public_get(s, &format!("/share/{share}/log/checkpoint")).await;
    assert_eq!(status, 200, "{cp2}");
    assert_eq!(cp2, s.ok_get("/ledger/checkpoint", &token).await);
    let opened2 = open_checkpoint(cp2["note"].as_str().unwrap(), trusted).unwrap();
    assert_eq!(opened2.size(), 2);

    // The chain grows: the new checkpoint provably extends the one seen before.
    mint(s, &token, project, "l2").await;
    let (_, cp3) = public_get(s, &format!("/share/{share}/log/checkpoint")).await;
    let opened3 = open_checkpoint(cp3["note"].as_str().unwrap(), trusted).unwrap();
    assert_eq!(opened3.size(), 3);
    let (status, proof) = public_get(
        s,
        &format!("/share/{share}/log/consistency?first=2&second=3"),
    )
    .await;
    assert_eq!(status, 200, "{proof}");
    assert_eq!(
        (proof["from"].clone(), proof["to"].clone()),
        (json!(2), json!(3))
    );
    assert_eq!(
        proof,
        s.ok_get("/ledger/proof/consistency?from=2&to=3", &token)
            .await
    );
    merkle::verify_consistency(
        2,
        3,
        opened2.root(),
        opened3.root(),
        &hashes(&proof["proof"]),
    )
    .unwrap();

    // Another organisation's receipt leads to that organisation's log.
    let other = s.sign_in("other", "other-log.example").await;
    let other_project = s.ok_post("/projects", &other, json!({"name": "o"})).await;
    let theirs = mint(s, &other, other_project["id"].as_str().unwrap(), "o0").await;
    let (_, their_cp) = public_get(
        s,
        &format!(
            "/share/{}/log/checkpoint",
            theirs["share_token"].as_str().unwrap()
        ),
    )
    .await;
    assert_eq!(their_cp["tree_size"], 1);
    assert_ne!(their_cp["origin"], cp3["origin"]);

    // Unknown tokens: 404; bad sizes: 400; each with a detail.
    for path in [
        "/share/no-such-token/log/checkpoint".to_string(),
        "/share/no-such-token/log/consistency?first=0&second=1".to_string(),
        "/share/bad.token/log/checkpoint".to_string(),
    ] {
        let (status, body) = public_get(s, &path).await;
        assert_eq!(status, 404, "{path}: {body}");
        assert!(body["detail"].is_string(), "{path}: {body}");
    }
    for query in [
        "first=3&second=2",
        "first=0&second=4",
        "first=-1&second=2",
        "first=0&second=-1",
        "first=1",
        "second=2",
        "first=a&second=2",
        "first=1&second=99999999999999999999",
    ] {
        let (status, body) =
            public_get(s, &format!("/share/{share}/log/consistency?{query}")).await;
        assert_eq!(status, 400, "{query}: {body}");
        assert!(body["detail"].is_string(), "{query}: {body}");
    }
}
on_both_backends!(the_public_log_needs_no_account, public_log);

/// The public proof and log routes are limited per client address.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_public_log_is_rate_limited() {
    let s = TestServer::start_on(
        common::Backend::Sqlite,
        &["--rate-limit-log-per-address", "2"],
    )
    .await
    .unwrap();
    let token = s.sign_in("limited", "limited-log.example").await;
    let project = s.ok_post("/projects", &token, json!({"name": "l"})).await;
    let receipt = mint(&s, &token, project["id"].as_str().unwrap(), "l0").await;
    let share = receipt["share_token"].as_str().unwrap();
    assert_eq!(
        public_get(&s, &format!("/share/{share}/log/checkpoint"))
            .await
            .0,
        200
    );
    assert_eq!(
        public_get(&s, &format!("/share/{share}/proof")).await.0,
        200
    );
    let resp = s
        .http
        .get(s.url(&format!("/share/{share}/log/consistency?first=0&second=1")))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 429);
    assert!(resp.headers().contains_key("retry-after"));
    let body: Value = resp.json().await.unwrap();
    assert!(body["detail"].as_str().unwrap().contains("log"), "{body}");
    // The receipt itself stays readable.
    assert_eq!(public_get(&s, &format!("/share/{share}")).await.0, 200);
}
