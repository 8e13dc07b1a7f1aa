//! The public receipt page, `GET /r/{token}`: readable without JavaScript,
//! escaped, under a Content-Security-Policy that allows only what it needs, a
//! 404 page for unknown tokens, and (with `DEFENDABLE_TEST_CHROMIUM=1`) its
//! browser checks passing in headless Chromium.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use reqwest::StatusCode;
use serde_json::{json, Value};

use common::TestServer;

const XSS_NOTE: &str = "<script>alert(1)</script> & \"quoted\"";
const XSS_TITLE: &str = "</script><img src=x onerror=alert(2)>";

/// Mints a receipt for a run without a flight sheet, approved with `note`.
async fn mint(s: &TestServer, token: &str, title: &str, note: &str) -> Value {
    let project = s.ok_post("/projects", token, json!({"name": "page"})).await;
    let run = s
        .ok_post(
            "/runs",
            token,
            json!({"project_id": project["id"], "lane": "other", "title": title}),
        )
        .await;
    let id = run["id"].as_str().unwrap();
    s.ok_post(&format!("/runs/{id}/checks"), token, json!({}))
        .await;
    s.ok_post(
        &format!("/runs/{id}/approve"),
        token,
        json!({"decision": "approved", "note": note}),
    )
    .await;
    s.ok_post(&format!("/runs/{id}/receipt"), token, json!({}))
        .await
}

/// Mints an approved receipt for a deterministic sheet's run whose submission
/// fails its audit.
async fn mint_failed(s: &TestServer, token: &str) -> Value {
    let project = s
        .ok_post("/projects", token, json!({"name": "failing"}))
        .await;
    let sheets = s.ok_get("/flight-sheets", token).await;
    let sheet = sheets["flight_sheets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["deterministic"] == json!(true))
        .expect("a deterministic sheet")
        .clone();
    let run = s
        .ok_post(
            "/runs",
            token,
            json!({"project_id": project["id"], "flight_sheet_id": sheet["id"]}),
        )
        .await;
    let id = run["id"].as_str().unwrap();
    s.ok_post(
        &format!("/runs/{id}/submission"),
        token,
        json!({"output_text": "not json at all"}),
    )
    .await;
    let audit = s
        .ok_post(&format!("/runs/{id}/audit"), token, json!({}))
        .await;
    assert_eq!(audit["verdict"]["outcome"], "fail");
    s.ok_post(
        &format!("/runs/{id}/approve"),
        token,
        json!({"decision": "approved", "note": "shipped anyway"}),
    )
    .await;
    s.ok_post(&format!("/runs/{id}/receipt"), token, json!({}))
        .await
}

async fn fetch(s: &TestServer, path: &str) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let resp = s.http.get(s.url(path)).send().await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    (status, headers, resp.text().await.unwrap())
}

fn header<'a>(headers: &'a reqwest::header::HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header"))
        .to_str()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn page_shows_the_receipt_without_javascript() {
    let s = TestServer::start(common::Backend::Sqlite).await.unwrap();
    let token = s.sign_in("page", "receipts.example").await;
    let receipt = mint(&s, &token, XSS_TITLE, XSS_NOTE).await;
    let share = receipt["share_token"].as_str().unwrap();
    let public = s.ok_get(&format!("/share/{share}"), &token).await;

    let (status, headers, html) = fetch(&s, &format!("/r/{share}")).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(header(&headers, "content-type").starts_with("text/html"));

    // Chain position, hashes, verdict and approval are in the HTML itself.
    for key in ["receipt_id", "receipt_sha256", "parent_hash"] {
        let value = receipt[key].as_str().unwrap();
        assert!(html.contains(value), "{key} {value} not on the page");
    }
    assert!(html.contains(&format!(
        "<code id=\"org-seq\">{}</code>",
        receipt["org_seq"]
    )));
    let payload = &public["payload"];
    let outcome = payload["verdict"]["outcome"].as_str().unwrap();
    assert!(html.contains(&format!(
        "<span data-payload=\"verdict.outcome\">{outcome}</span>"
    )));
    assert!(html.contains("data-payload=\"verdict.severity\""));
    assert!(html.contains("data-payload=\"verdict.score_100\""));
    assert!(html.contains("<span data-payload=\"approval.decision\">approved</span>"));
    assert!(html.contains("<span data-payload=\"approval.approver\">page@receipts.example</span>"));
    for section in [
        "verdict", "checks", "approval", "evidence", "hashes", "chain",
    ] {
        assert!(
            html.contains(&format!("<section id=\"{section}\">")),
            "{section}"
        );
    }
    for link in [
        format!("href=\"/share/{share}\""),
        format!("href=\"/share/{share}/pdf\""),
        format!("href=\"/share/{share}/proof\""),
    ] {
        assert!(html.contains(&link), "{link}");
    }

    // The outcome leads; then the browser's checks and what they prove, with the
    // key id; then the log; then how to verify independently.
    let at = |marker: &str| {
        html.find(marker)
            .unwrap_or_else(|| panic!("{marker} not on the page"))
    };
    assert!(at("id=\"headline\"") < at("id=\"verification\""));
    assert!(at("id=\"verification\"") < at("id=\"log\""));
    assert!(at("id=\"log\"") < at("id=\"verify-yourself\""));
    let key_id = public["signature"]["key_id"].as_str().unwrap();
    assert!(html.contains(&format!("<code id=\"key-id\">{key_id}</code>")));
    assert!(html.contains("they prove integrity, not independence"));
    let proof = s.ok_get(&format!("/share/{share}/proof"), &token).await;
    assert!(html.contains(&format!(
        "<code id=\"checkpoint-size\">{}</code>",
        proof["checkpoint"]["tree_size"]
    )));
    assert!(html.contains(proof["checkpoint"]["root_hash"].as_str().unwrap()));
    let page_url = s.url(&format!("/r/{share}"));
    assert!(html.contains(&format!(
        "<code id=\"verify-command\">defendable verify {page_url}</code>"
    )));
    // The QR code is inline SVG, made by a library, of the page's address.
    let svg = &html[at("<svg role=\"img\"")..];
    assert!(svg.contains("<path") && svg.contains("</svg>"));
    assert!(html.contains("not checked (needs JavaScript)"));

    // Payload strings are escaped; nothing from the payload becomes markup.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"));
    assert!(html.contains("&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert!(!html.contains("<script>alert(1)"));
    assert!(!html.contains("<img"));
    assert_eq!(html.matches("<script").count(), 2, "data and code only");
    assert_eq!(html.matches("</script>").count(), 2);

    // The embedded payload is the stored canonical bytes, losslessly.
    let data_start = html.find("id=\"receipt-data\">").unwrap() + "id=\"receipt-data\">".len();
    let data_end = data_start + html[data_start..].find("</script>").unwrap();
    let data: Value = serde_json::from_str(&html[data_start..data_end]).unwrap();
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data["payload_b64"].as_str().unwrap())
        .unwrap();
    assert_eq!(
        defendable_contract::canonical::sha256_hex(&bytes),
        receipt["receipt_sha256"].as_str().unwrap()
    );
    assert_eq!(data["signature"], public["signature"]);
    assert_eq!(data["proof"]["inclusion"], proof["inclusion"]);
    assert_eq!(data["proof"]["checkpoint"], proof["checkpoint"]);
    assert_eq!(data["keys_url"], "/.well-known/defendable-keys");

    // The policy allows the page's own nonced script and style and same-origin
    // fetches, nothing else.
    let csp = header(&headers, "content-security-policy");
    let nonce = csp
        .split("script-src 'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a script nonce");
    assert_eq!(
        csp,
        format!(
            "default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; \
             connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        )
    );
    assert!(html.contains(&format!("<script nonce=\"{nonce}\">")));
    assert!(html.contains(&format!("<style nonce=\"{nonce}\">")));
    assert_eq!(header(&headers, "referrer-policy"), "no-referrer");
    assert_eq!(header(&headers, "x-content-type-options"), "nosniff");
    let (_, again, _) = fetch(&s, &format!("/r/{share}")).await;
    assert_ne!(
        header(&again, "content-security-policy"),
        csp,
        "a fresh nonce per response"
    );

    // The JSON API keeps its own strict policy.
    let (_, api, _) = fetch(&s, &format!("/share/{share}")).await;
    assert!(
        header(&api, "content-security-policy").starts_with("default-src 'none'; frame-ancestors")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_failed_verdict_leads_the_page_whatever_the_approval() {
    let s = TestServer::start(common::Backend::Sqlite).await.unwrap();
    let token = s.sign_in("failing", "receipts.example").await;
    let receipt = mint_failed(&s, &token).await;
    let share = receipt["share_token"].as_str().unwrap();
    let (status, _, html) = fetch(&s, &format!("/r/{share}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<header id=\"outcome\" data-tone=\"bad\">"),
        "{html}"
    );
    assert!(
        html.contains("<h1 id=\"headline\">Failed its audit</h1>"),
        "{html}"
    );
    assert!(html.contains("Approved by <span data-payload=\"approval.approver\">"));
    // Nothing before the headline says the receipt passed.
    let head = &html[..html.find("id=\"headline\"").unwrap()];
    let body = &head[head.find("<body>").unwrap()..];
    assert!(!body.to_lowercase().contains("pass"), "{body}");
    // Table headers never break inside a word.
    assert!(html.contains("th{white-space:nowrap"));
    assert!(!html.contains("anywhere}th") && !html.contains("td{overflow-wrap:anywhere"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn unknown_token_is_a_404_page() {
    let s = TestServer::start(common::Backend::Sqlite).await.unwrap();
    for path in ["/r/no-such-token", "/r/bad%3Ctoken%3E"] {
        let (status, headers, html) = fetch(&s, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {html}");
        assert!(header(&headers, "content-type").starts_with("text/html"));
        assert!(html.contains("Receipt not found"));
        assert!(!html.contains("<script"));
        assert!(header(&headers, "content-security-policy").starts_with("default-src 'none'"));
    }
}

/// The Chromium binary. The browser tests are ignored unless `DEFENDABLE_TEST_CHROMIUM=1`
/// was set when they were built; asked to run, they fail without a browser.
fn chromium() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    found.expect("this test needs headless Chromium on PATH (apt-get install -y chromium)")
}

/// Runs headless Chromium on `url` with `extra` flags and returns its stdout.
async fn run_chromium(bin: &Path, profile: &Path, url: &str, extra: &[String]) -> String {
    let mut command = Command::new(bin);
    command
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url);
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .unwrap()
        .expect("running chromium");
    assert!(
        output.status.success(),
        "chromium failed: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Every check the page runs for a signed receipt.
const ALL_CHECKS: [&str; 5] = ["hash", "payload", "signature", "checkpoint", "inclusion"];

/// The opening tag of the element carrying `marker`.
fn tag_with<'a>(dom: &'a str, marker: &str) -> &'a str {
    let at = dom
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in the DOM:\n{dom}"));
    let start = dom[..at].rfind('<').unwrap();
    let end = at + dom[at..].find('>').unwrap();
    &dom[start..=end]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[cfg_attr(
    not(defendable_test_chromium),
    ignore = "set DEFENDABLE_TEST_CHROMIUM=1 to run the page in headless Chromium"
)]
async fn browser_checks_pass_in_headless_chromium() {
    let bin = chromium();
    // A key whose base64 holds a "+", the verifier's field separator: the script
    // must split the verifier at its first two separators only.
    let signer = (0..=255u8)
        .map(|i| defendable_contract::note::Signer::from_seed("page.test", [i; 32]).unwrap())
        .find(|k| k.verifier().to_string().matches('+').count() > 2)
        .unwrap();
    let key = signer.to_string();
    let s = TestServer::start_on(common::Backend::Sqlite, &["--signing-key", &key])
        .await
        .unwrap();
    let token = s.sign_in("browser", "receipts.example").await;
    let receipt = mint(&s, &token, "Browser-checked run", XSS_NOTE).await;
    let url = s.url(&format!("/r/{}", receipt["share_token"].as_str().unwrap()));

    let profile = tempfile::tempdir().unwrap();
    let dom = run_chromium(&bin, profile.path(), &url, &["--dump-dom".to_string()]).await;
    for check in ALL_CHECKS {
        let tag = tag_with(&dom, &format!("data-check=\"{check}\""));
        assert!(
            tag.contains("data-ok=\"true\""),
            "{check} did not pass: {tag}\n{dom}"
        );
    }
    assert!(
        tag_with(&dom, "id=\"summary\"").contains("data-all-ok=\"true\""),
        "{dom}"
    );
    assert!(dom.contains(
        "Intact: every check passed in this browser, against keys served by this same server."
    ));
    assert!(dom.contains("Ed25519 signature by page.test+"), "{dom}");
    assert!(dom.contains("over the log's checkpoint at size"), "{dom}");
    assert!(!dom.contains("<script>alert(1)"));

    // A failed run that was approved anyway: the screenshot leads with the failure.
    let failed = mint_failed(&s, &token).await;
    let url = s.url(&format!("/r/{}", failed["share_token"].as_str().unwrap()));
    let profile = tempfile::tempdir().unwrap();
    let dom = run_chromium(&bin, profile.path(), &url, &["--dump-dom".to_string()]).await;
    for check in ALL_CHECKS {
        let tag = tag_with(&dom, &format!("data-check=\"{check}\""));
        assert!(tag.contains("data-ok=\"true\""), "{check}: {tag}");
    }
    assert!(dom.contains("Failed its audit"));

    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("receipt-page.png");
    let _ = std::fs::remove_file(&shot);
    let profile = tempfile::tempdir().unwrap();
    run_chromium(
        &bin,
        profile.path(),
        &url,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1200,2600".to_string(),
        ],
    )
    .await;
    let png = std::fs::read(&shot).expect("chromium wrote the screenshot");
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    println!("receipt page screenshot: {}", shot.display());
}

/// A completed cook's receipt (the runner protocol, straight over HTTP).
async fn cook_receipt(s: &TestServer, token: &str, runner: &str) -> Value {
    let project = s.ok_post("/projects", token, json!({"name": "cook"})).await;
    let run = s
        .ok_post(
            "/runs",
            token,
            json!({"project_id": project["id"], "lane": "other", "title": "Tuned run"}),
        )
        .await;
    let id = run["id"].as_str().unwrap();
    s.ok_post(&format!("/runs/{id}/checks"), token, json!({}))
        .await;
    s.ok_post(
        &format!("/runs/{id}/cook"),
        token,
        json!({"dataset_id": "pack-1"}),
    )
    .await;
    let job = s
        .ok_post("/runner/cooks/next", runner, json!({"runner": "page-rig"}))
        .await;
    let cook = &job["cook"];
    s.ok_post(
        &format!("/runner/cooks/{}/complete", cook["id"].as_str().unwrap()),
        runner,
        json!({"lease_id": cook["lease_id"], "eval_after": 0.8125,
               "metrics": {"duration_sec": 1234.5}}),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[cfg_attr(
    not(defendable_test_chromium),
    ignore = "set DEFENDABLE_TEST_CHROMIUM=1 to run the page in headless Chromium"
)]
async fn a_cook_receipt_page_passes_its_browser_checks() {
    let bin = chromium();
    let runner = "page-runner-token-0123456789abcdef0123456789";
    let s = TestServer::start_on(common::Backend::Sqlite, &["--runner-token", runner])
        .await
        .unwrap();
    let token = s.sign_in("cook", "receipts.example").await;
    let cook = cook_receipt(&s, &token, runner).await;
    let url = s.url(&format!("/r/{}", cook["share_token"].as_str().unwrap()));
    let profile = tempfile::tempdir().unwrap();
    let dom = run_chromium(&bin, profile.path(), &url, &["--dump-dom".to_string()]).await;
    for check in ALL_CHECKS {
        let tag = tag_with(&dom, &format!("data-check=\"{check}\""));
        assert!(
            tag.contains("data-ok=\"true\""),
            "{check} did not pass: {tag}\n{dom}"
        );
    }
    assert!(dom.contains("Fine-tune completed"), "{dom}");
    assert!(
        dom.contains("data-payload=\"cook.eval_after\">0.8125<"),
        "{dom}"
    );
}

/// The share token of a minted receipt, from its `share_token` or `share_url`.
fn share_token_of(minted: &Value) -> String {
    if let Some(token) = minted["share_token"].as_str() {
        return token.to_string();
    }
    let url = minted["share_url"].as_str().expect("a share link");
    url.rsplit_once("/share/").unwrap().1.to_string()
}

/// Posts `body`; the answer must be a success (200 or 201).
async fn created(s: &TestServer, path: &str, token: &str, body: Value) -> Value {
    let (status, answer) = s.post(path, token, body).await;
    assert!(status.is_success(), "POST {path}: {status} {answer}");
    answer
}

/// One receipt of every kind the server mints, as (headline, share token).
async fn one_of_each_kind(
    s: &TestServer,
    token: &str,
    runner: &str,
) -> Vec<(&'static str, String)> {
    s.make_member(token).await;
    let run = mint(s, token, "Plain run", "fine").await;
    let eval = mint_failed(s, token).await;
    let pin = created(
        s,
        "/models/catalog/ledger-anchor-72b/pin",
        token,
        json!({"declaration": "pinned for the page"}),
    )
    .await;
    let cook = cook_receipt(s, token, runner).await;
    let incident = s
        .ok_post(
            "/incidents",
            token,
            json!({"title": "went off script", "kind": "rogue", "tier": "mid", "lane": "other"}),
        )
        .await;
    let incident = s
        .ok_post(
            &format!("/incidents/{}/receipt", incident["id"].as_str().unwrap()),
            token,
            json!({}),
        )
        .await;
    let download = created(
        s,
        "/datasets/catalog/loan-covenant-checks/download",
        token,
        json!({}),
    )
    .await;
    // A run without checks fails its audit; the headline says what the verdict is.
    let outcome = s
        .ok_get(&format!("/share/{}", share_token_of(&run)), token)
        .await["payload"]["verdict"]["outcome"]
        .clone();
    let run_headline = match outcome.as_str() {
        Some("pass") => "Passed its audit",
        Some("fail") => "Failed its audit",
        _ => "Passed its audit, with risks flagged",
    };
    vec![
        (run_headline, share_token_of(&run)),
        ("Failed its audit", share_token_of(&eval)),
        ("Model pinned", share_token_of(&pin)),
        ("Fine-tune completed", share_token_of(&cook)),
        ("Incident open", share_token_of(&incident)),
        ("Dataset download granted", share_token_of(&download)),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[cfg_attr(
    not(defendable_test_chromium),
    ignore = "set DEFENDABLE_TEST_CHROMIUM=1 to run the page in headless Chromium"
)]
async fn every_receipt_kind_leads_with_its_outcome_and_passes_its_browser_checks() {
    let bin = chromium();
    let runner = "page-runner-token-0123456789abcdef0123456789";
    let s = TestServer::start_on(common::Backend::Sqlite, &["--runner-token", runner])
        .await
        .unwrap();
    let token = s.sign_in("kinds", "receipts.example").await;
    for (headline, share) in one_of_each_kind(&s, &token, runner).await {
        let (status, _, html) = fetch(&s, &format!("/r/{share}")).await;
        assert_eq!(status, StatusCode::OK, "{headline}: {html}");
        assert!(
            html.contains(&format!("<h1 id=\"headline\">{headline}</h1>")),
            "{headline} is not the headline:\n{html}"
        );
        let profile = tempfile::tempdir().unwrap();
        let url = s.url(&format!("/r/{share}"));
        let dom = run_chromium(&bin, profile.path(), &url, &["--dump-dom".to_string()]).await;
        for check in ALL_CHECKS {
            let tag = tag_with(&dom, &format!("data-check=\"{check}\""));
            assert!(
                tag.contains("data-ok=\"true\""),
                "{headline}: {check} did not pass: {tag}\n{dom}"
            );
        }
    }
}
