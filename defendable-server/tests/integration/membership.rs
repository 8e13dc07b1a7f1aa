//! Membership and billing end to end: an organisation applies, an administrator
//! approves it, the owner checks out through a Stripe stand-in, a signed webhook
//! activates it with a seat; replays and forgeries change nothing; payments that
//! cannot activate are recorded; seats stay unique under concurrency; a lapsed
//! year turns inactive and renews. Mail goes through a real SMTP server on
//! loopback and the tests follow the links in it.

use crate::common;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use common::smtp::SmtpSink;
use common::stripe::{self, FakeStripe};
use common::TestServer;

const INTERNAL_KEY: &str = "internal-key-for-membership-tests-0123456789";

fn email(local: &str, domain: &str) -> String {
    format!("{local}{}{domain}", '@')
}

/// Runs a test body against a server with mail and Stripe configured, on SQLite
/// and (when configured) on PostgreSQL.
macro_rules! on_both_backends_world {
    ($name:ident, $body:path, $cap:expr) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                let w = world(None, $cap).await;
                $body(&w).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() {
                let Some(url) = common::fresh_postgres().await else {
                    return;
                };
                let w = world(Some(url), $cap).await;
                $body(&w).await;
            }
        }
    };
}

struct World {
    server: TestServer,
    smtp: SmtpSink,
    stripe: FakeStripe,
    admin: String,
}

async fn world(database_url: Option<String>, cap: i64) -> World {
    let smtp = SmtpSink::start().await;
    let stripe = FakeStripe::start().await;
    let admin_email = email("Admin", "membership-admin.example");
    let cap = cap.to_string();
    let mut flags: Vec<String> = vec![
        "--smtp-url".into(),
        smtp.url(),
        "--internal-api-key".into(),
        INTERNAL_KEY.into(),
        "--admin-emails".into(),
        admin_email.to_lowercase(),
        "--membership-cap".into(),
        cap,
        "--checkout-return-origins".into(),
        "https://app.membership.example".into(),
    ];
    flags.extend(stripe.flags());
    let refs: Vec<&str> = flags.iter().map(String::as_str).collect();
    let server = TestServer::start_with(database_url, &refs).await;
    let admin = sign_in_by_mail(&server, &smtp, &admin_email).await;
    World {
        server,
        smtp,
        stripe,
        admin,
    }
}

/// Signs in by following the link of the mail the SMTP server received.
async fn sign_in_by_mail(s: &TestServer, smtp: &SmtpSink, address: &str) -> String {
    let (status, body) = s
        .call(
            Method::POST,
            "/auth/request",
            None,
            Some(json!({"email": address})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["sent"], true, "{body}");
    assert!(
        body["dev_link"].is_null(),
        "no inline link once mail is sent: {body}"
    );
    let mail = smtp.take(&address.to_lowercase(), "sign-in link").await;
    let link = mail.link();
    assert!(link.contains("/auth/callback?token="), "{link}");
    let token = link.split("token=").nth(1).unwrap();
    let (status, body) = s
        .call(
            Method::POST,
            "/auth/verify",
            None,
            Some(json!({"token": token})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["access_token"].as_str().unwrap().to_string()
}

async fn webhook(s: &TestServer, payload: &str, signature: Option<String>) -> (StatusCode, Value) {
    let mut req = s
        .http
        .post(s.url("/stripe/webhook"))
        .header("content-type", "application/json")
        .body(payload.to_string());
    if let Some(sig) = signature {
        req = req.header("Stripe-Signature", sig);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status();
    (status, resp.json().await.unwrap_or(Value::Null))
}

fn signed(payload: &str) -> Option<String> {
    Some(stripe::signature(
        stripe::WEBHOOK_SECRET,
        chrono::Utc::now().timestamp(),
        payload,
    ))
}

/// An organisation whose owner applied; returns (token, org id, slug).
async fn applicant(w: &World, local: &str) -> (String, String, String) {
    let owner = sign_in_by_mail(&w.server, &w.smtp, &email(local, "membership.example")).await;
    let org = w.server.ok_get("/org", &owner).await;
    let (status, m) = w
        .server
        .post(
            "/membership/apply",
            &owner,
            json!({"company_name": format!("{local} Ltd"), "intended_use": "audits"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{m}");
    (
        owner,
        org["id"].as_str().unwrap().to_string(),
        org["slug"].as_str().unwrap().to_string(),
    )
}

async fn admin_approve(w: &World, slug: &str) -> Value {
    w.server
        .ok_post(
            &format!("/admin/applications/{slug}/approve"),
            &w.admin,
            json!({}),
        )
        .await
}

/// Checks out and returns the Stripe session id.
async fn checkout(w: &World, owner: &str) -> String {
    let (status, out) = w
        .server
        .post("/membership/checkout", owner, json!({}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    out["session_id"].as_str().unwrap().to_string()
}

/// A run without a flight sheet, approved and receipted.
async fn mint_run_receipt(s: &TestServer, token: &str, title: &str) -> Value {
    let project = s.ok_post("/projects", token, json!({"name": "p"})).await;
    s.mint_receipt(token, project["id"].as_str().unwrap(), title)
        .await
}

async fn apply_approve_pay(w: &World) {
    let s = &w.server;
    let (owner, org_id, slug) = applicant(w, "first").await;

    // Pending: the review inbox is not configured here; the admin queue shows it.
    let m = s.ok_get("/membership", &owner).await;
    assert_eq!(m["status"], "pending");
    assert_eq!(m["cap"], 10);
    assert_eq!(m["active_count"], 0);
    assert_eq!(m["application"]["company_name"], "first Ltd");
    let (status, body) = s.post("/membership/checkout", &owner, json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body["detail"]
        .as_str()
        .unwrap()
        .contains("not yet approved (current: pending)"));

    let queue = s.ok_get("/admin/applications", &w.admin).await;
    assert_eq!(queue["count"], 1, "{queue}");
    let row = &queue["applications"][0];
    assert_eq!(row["org_slug"], slug.as_str());
    assert_eq!(row["applicant_email"], email("first", "membership.example"));
    assert_eq!(row["company_name"], "first Ltd");
    let health = s.ok_get("/admin/health", &w.admin).await;
    assert_eq!(health["ok"], true);

    // Not an administrator; nor is an administrator's API key.
    let (status, _) = s.get("/admin/applications", &owner).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, key) = s
        .post("/org/api-keys", &w.admin, json!({"name": "admin key"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{key}");
    let (status, body) = s
        .get("/admin/applications", key["secret"].as_str().unwrap())
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body["detail"]
        .as_str()
        .unwrap()
        .contains("API keys never pass"));

    // The operator route needs the internal key.
    let (status, body) = s
        .call(
            Method::POST,
            "/membership/approve",
            Some(&owner),
            Some(json!({"org_slug": slug})),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let resp = s
        .http
        .post(s.url("/membership/approve"))
        .header("X-Internal-Key", INTERNAL_KEY)
        .json(&json!({"org_slug": "no-such-org"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);

    let approved = admin_approve(w, &slug).await;
    assert_eq!(approved["status"], "approved", "{approved}");
    // Approving again changes nothing.
    assert_eq!(admin_approve(w, &slug).await["status"], "approved");
    let queue = s.ok_get("/admin/applications", &w.admin).await;
    assert_eq!(queue["count"], 0, "{queue}");

    // Only allowed origins; only owners.
    let (status, body) = s
        .post(
            "/membership/checkout",
            &owner,
            json!({"return_to_origin": "https://evil.example"}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _) = s
        .post(
            "/membership/checkout",
            &owner,
            json!({"return_to_origin": "https://app.membership.example/path"}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Stripe refusing is a 502 carrying Stripe's message.
    *w.stripe.state.refuse_with.lock().unwrap() = Some("No such price: 'price_x'".into());
    let (status, body) = s.post("/membership/checkout", &owner, json!({})).await;
    assert_eq!(status.as_u16(), 502, "{body}");
    assert_eq!(body["detail"], "stripe: No such price: 'price_x'");
    *w.stripe.state.refuse_with.lock().unwrap() = None;

    let (status, out) = s
        .post(
            "/membership/checkout",
            &owner,
            json!({"return_to_origin": "https://app.membership.example/"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    let session = out["session_id"].as_str().unwrap().to_string();
    assert!(out["url"]
        .as_str()
        .unwrap()
        .starts_with("https://checkout.stripe.test/"));
    assert!(out["expires_at"].as_i64().unwrap() > chrono::Utc::now().timestamp());
    assert_eq!(w.stripe.field(0, "mode").as_deref(), Some("payment"));
    assert_eq!(
        w.stripe.field(0, "client_reference_id").as_deref(),
        Some(org_id.as_str())
    );
    assert_eq!(
        w.stripe.field(0, "line_items[0][price]").as_deref(),
        Some(stripe::PRICE_ID)
    );
    assert_eq!(
        w.stripe.field(0, "success_url").as_deref(),
        Some("https://app.membership.example/org?checkout=success")
    );

    // Forged, unsigned and stale events change nothing.
    let event = stripe::completed_event("evt_1", &session, &org_id, "pi_1", 10000);
    let (status, body) = webhook(s, &event, None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let forged = stripe::signature("whsec_someone_else", chrono::Utc::now().timestamp(), &event);
    let (status, body) = webhook(s, &event, Some(forged)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(body["detail"]
        .as_str()
        .unwrap()
        .starts_with("invalid signature"));
    let stale = stripe::signature(
        stripe::WEBHOOK_SECRET,
        chrono::Utc::now().timestamp() - 600,
        &event,
    );
    let (status, _) = webhook(s, &event, Some(stale)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let tampered = event.replace("\"amount_total\":10000", "\"amount_total\":10001");
    let (status, _) = webhook(s, &tampered, signed(&event)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(s.ok_get("/membership", &owner).await["status"], "approved");

    // Members-only routes stay closed until the membership is active.
    let (status, body) = s.get("/receipts/recent", &owner).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body["detail"]
        .as_str()
        .unwrap()
        .starts_with("membership required (current status: approved)"));

    // The real event activates with seat 1 and mails the owner.
    let (status, body) = webhook(s, &event, signed(&event)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["outcome"], "activated", "{body}");
    assert_eq!(body["activated"], true);
    assert_eq!(body["seat_number"], 1);
    let m = s.ok_get("/membership", &owner).await;
    assert_eq!(m["status"], "active", "{m}");
    assert_eq!(m["seat_number"], 1);
    assert_eq!(m["active_count"], 1);
    assert!(m["renewal_at"].as_str().unwrap() > m["activated_at"].as_str().unwrap());
    let welcome = w
        .smtp
        .take(
            &email("first", "membership.example"),
            "membership is active",
        )
        .await;
    assert!(
        welcome.body().contains("seat number 1"),
        "{}",
        welcome.body()
    );

    // Open now: a minted receipt shows up with its summary.
    let receipt = mint_run_receipt(s, &owner, "Q3 vendor review").await;
    let recent = s.ok_get("/receipts/recent", &owner).await;
    assert_eq!(recent["count"], 1, "{recent}");
    let rollup = &recent["rollups"][0];
    assert_eq!(rollup["receipt_id"], receipt["receipt_id"]);
    assert_eq!(rollup["payload_schema"], "defendablecloud.receipt/v1");
    assert_eq!(rollup["summary"]["lane"], "run");
    assert_eq!(rollup["summary"]["run_title"], "Q3 vendor review");
    let filtered = s
        .ok_get(
            "/receipts/recent?schema=defendablecloud.model-pin-receipt/v1&limit=5",
            &owner,
        )
        .await;
    assert_eq!(filtered["count"], 0);
    let (status, _) = s.get("/receipts/recent?limit=51", &owner).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // A replay of the event, and the same payment under another event, change nothing.
    let (status, body) = webhook(s, &event, signed(&event)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["duplicate_event"], true, "{body}");
    assert_eq!(body["activated"], false);
    let again = stripe::completed_event("evt_1b", &session, &org_id, "pi_1", 10000);
    let (status, body) = webhook(s, &again, signed(&again)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["idempotent"], true, "{body}");
    assert_eq!(body["seat_number"], 1);
    let m = s.ok_get("/membership", &owner).await;
    assert_eq!(
        (m["seat_number"].clone(), m["active_count"].clone()),
        (json!(1), json!(1))
    );
    let (status, body) = s.post("/membership/checkout", &owner, json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    // Other events are acknowledged and ignored.
    let other =
        json!({"id": "evt_other", "type": "invoice.paid", "data": {"object": {}}}).to_string();
    let (status, body) = webhook(s, &other, signed(&other)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["ignored_type"], "invoice.paid");

    // A wrong amount is recorded and reported, never activates.
    let (owner2, org2, slug2) = applicant(w, "second").await;
    admin_approve(w, &slug2).await;
    let session2 = checkout(w, &owner2).await;
    let cheap = stripe::completed_event("evt_2", &session2, &org2, "pi_2", 100);
    let (status, body) = webhook(s, &cheap, signed(&cheap)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["outcome"], "amount_mismatch", "{body}");
    assert_eq!(body["activated"], false);
    assert_eq!(s.ok_get("/membership", &owner2).await["status"], "approved");
    // A delayed payment method (a bank debit) succeeds later: that event activates.
    let later = stripe::completed_event("evt_2b", &session2, &org2, "pi_2b", 10000).replace(
        "checkout.session.completed",
        "checkout.session.async_payment_succeeded",
    );
    let (status, body) = webhook(s, &later, signed(&later)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["outcome"], "activated", "{body}");
    assert_eq!(body["seat_number"], 2);

    // A payment from an organisation that was never approved is recorded, not lost.
    let (owner3, org3, _) = applicant(w, "third").await;
    let (status, _) = s.post("/membership/checkout", &owner3, json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let sneaky = stripe::completed_event("evt_3", &session2, &org3, "pi_3", 10000);
    let (status, body) = webhook(s, &sneaky, signed(&sneaky)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["outcome"], "unknown_checkout", "{body}");
    assert_eq!(s.ok_get("/membership", &owner3).await["status"], "pending");
}

on_both_backends_world!(
    an_org_applies_is_approved_pays_and_is_activated_once,
    apply_approve_pay,
    10
);

async fn seats_under_concurrency(w: &World) {
    let s = &w.server;
    let mut paying = Vec::new();
    for i in 0..6 {
        let (owner, org, slug) = applicant(w, &format!("seat{i}")).await;
        admin_approve(w, &slug).await;
        let session = checkout(w, &owner).await;
        paying.push((owner, org, session));
    }
    // A cap of 4: six approved organisations pay at once; four get seats 1..4,
    // two are waitlisted with their payments recorded.
    let mut tasks = Vec::new();
    for (i, (_, org, session)) in paying.iter().enumerate() {
        let event = stripe::completed_event(
            &format!("evt_c{i}"),
            session,
            org,
            &format!("pi_c{i}"),
            10000,
        );
        let http = s.http.clone();
        let url = s.url("/stripe/webhook");
        tasks.push(tokio::spawn(async move {
            let sig = signed(&event).unwrap();
            let resp = http
                .post(url)
                .header("Stripe-Signature", sig)
                .body(event)
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), StatusCode::OK);
            resp.json::<Value>().await.unwrap()
        }));
    }
    let mut seats = Vec::new();
    let mut waitlisted = 0;
    for t in tasks {
        let body = t.await.unwrap();
        match body["outcome"].as_str().unwrap() {
            "activated" => seats.push(body["seat_number"].as_i64().unwrap()),
            "waitlisted_due_to_cap" => waitlisted += 1,
            other => panic!("unexpected outcome {other}: {body}"),
        }
    }
    seats.sort();
    assert_eq!(seats, vec![1, 2, 3, 4]);
    assert_eq!(waitlisted, 2);
    let m = s.ok_get("/membership", &paying[0].0).await;
    assert_eq!(m["active_count"], 4);
    let queue = s.ok_get("/admin/applications", &w.admin).await;
    assert_eq!(queue["count"], 2, "{queue}");
    assert_eq!(queue["applications"][0]["waitlist_position"], 1);
    assert_eq!(queue["applications"][1]["waitlist_position"], 2);

    // A year later: the membership lapses and renewal keeps the seat.
    let mut renewing = None;
    for (owner, org, _) in &paying {
        let m = s.ok_get("/membership", owner).await;
        if m["status"] == "active" {
            renewing = Some((owner.clone(), org.clone(), m["seat_number"].clone()));
            break;
        }
    }
    let (owner, org, seat) = renewing.expect("an active membership");
    sqlx::query("UPDATE orgs SET membership_renewal_at = $1 WHERE id = $2")
        .bind("2001-01-01T00:00:00.000000Z")
        .bind(&org)
        .execute(&s.context().db.pool)
        .await
        .unwrap();
    let m = s.ok_get("/membership", &owner).await;
    assert_eq!(m["status"], "inactive", "{m}");
    assert_eq!(m["active_count"], 3);
    let (status, body) = s.get("/receipts/recent", &owner).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body["detail"].as_str().unwrap().contains("inactive"));
    let session = checkout(w, &owner).await;
    let renewal = stripe::completed_event("evt_renew", &session, &org, "pi_renew", 10000);
    let (status, body) = webhook(s, &renewal, signed(&renewal)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["outcome"], "renewed", "{body}");
    assert_eq!(body["seat_number"], seat);
    let m = s.ok_get("/membership", &owner).await;
    assert_eq!(m["status"], "active");
    assert_eq!(m["seat_number"], seat);
    assert!(m["renewal_at"].as_str().unwrap() > "2026");
    s.ok_get("/receipts/recent", &owner).await;
}

on_both_backends_world!(
    seats_stay_unique_when_payments_race,
    seats_under_concurrency,
    4
);

async fn invites_by_mail(w: &World) {
    let s = &w.server;
    let owner = sign_in_by_mail(s, &w.smtp, &email("boss", "invites.example")).await;
    let invitee = email("newcomer", "invites.example");
    let (status, invite) = s
        .post(
            "/org/invites",
            &owner,
            json!({"email": invitee, "role": "member"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{invite}");
    assert_eq!(invite["emailed"], true);
    let mail = w.smtp.take(&invitee, "invited").await;
    let link = mail.link();
    assert!(link.contains("/auth/callback?invite="), "{link}");
    assert!(
        invite["invite_url"].is_null(),
        "mailed, never answered: {invite}"
    );
    let (status, session) = s
        .call(
            Method::POST,
            "/auth/accept-invite",
            None,
            Some(json!({"token": link})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{session}");
    assert_eq!(session["user"]["email"], invitee.as_str());
}

on_both_backends_world!(
    invites_arrive_by_mail_and_their_link_works,
    invites_by_mail,
    10
);

async fn dataset_ready_mail(w: &World) {
    let s = &w.server;
    let address = email("waiting", "membership.example");
    let owner = sign_in_by_mail(s, &w.smtp, &address).await;
    s.make_member(&owner).await;
    let key = "datasets/grant-budget-compliance/grant-budget-compliance.jsonl";
    let bytes = s.context().blobs.get(key).await.unwrap();
    s.context().blobs.delete(key).await;
    let (status, grant) = s
        .post(
            "/datasets/catalog/grant-budget-compliance/download",
            &owner,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{grant}");
    assert_eq!(grant["ready"], false);
    s.put_blob(key, bytes.clone()).await;
    let complete = || async {
        let resp = s
            .http
            .post(s.url("/internal/stage-complete"))
            .header("X-Internal-Key", INTERNAL_KEY)
            .json(&json!({"key": key}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        resp.json::<Value>().await.unwrap()
    };
    let first = complete().await;
    assert_eq!(first["notified"], 1, "{first}");
    let mail = w.smtp.take(&address, "dataset is ready").await;
    let link = mail.link();
    assert_eq!(link, grant["download_url"].as_str().unwrap());
    let resp = s.http.get(&link).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.bytes().await.unwrap().to_vec(), bytes);
    let again = complete().await;
    assert_eq!(again["already_notified"], 1, "{again}");
    assert_eq!(again["notified"], 0);
}

on_both_backends_world!(
    grantees_are_mailed_once_their_file_is_staged,
    dataset_ready_mail,
    10
);
