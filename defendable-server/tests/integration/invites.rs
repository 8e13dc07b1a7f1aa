//! Invites on a production server that sends mail (to a real SMTP sink on
//! loopback): the inviter never sees the invite's secret, only the mailed link
//! signs the invitee in (once), an invite whose secret was ever shown is refused,
//! and the answer does not tell whether the email has an account. On SQLite and
//! PostgreSQL.

use crate::common;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use common::smtp::SmtpSink;
use common::TestServer;

fn email(local: &str, domain: &str) -> String {
    format!("{local}{}{domain}", '@')
}

struct World {
    server: TestServer,
    smtp: SmtpSink,
}

/// A server in production mode whose mail goes to a local sink.
async fn production(database_url: Option<String>) -> World {
    let smtp = SmtpSink::start().await;
    let signer = defendable_contract::note::Signer::from_seed("api.invites.example", [9u8; 32])
        .unwrap()
        .to_string();
    let flags: Vec<String> = vec![
        "--app-env".into(),
        "production".into(),
        "--jwt-secret".into(),
        "q7Vt2Lm9Xc4Rb8Nz1Kd6Hs3Pw5Jy0Gf2Te".into(),
        "--api-base-url".into(),
        "https://api.invites.example".into(),
        "--app-base-url".into(),
        "https://app.invites.example".into(),
        "--smtp-url".into(),
        smtp.url(),
        "--signing-key".into(),
        signer,
        "--admin-emails".into(),
        email("admin", "invites-admin.example"),
    ];
    let refs: Vec<&str> = flags.iter().map(String::as_str).collect();
    let server = TestServer::start_with(database_url, &refs).await;
    World { server, smtp }
}

macro_rules! in_production_on_both_backends {
    ($name:ident, $body:path) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                $body(&production(None).await).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            #[cfg_attr(
                not(defendable_test_postgres),
                ignore = "set DEFENDABLE_TEST_POSTGRES_URL to run against PostgreSQL"
            )]
            async fn postgres() {
                let url = common::fresh_postgres().await.expect(common::PG_MISSING);
                $body(&production(Some(url)).await).await;
            }
        }
    };
}

/// Asks for a sign-in link for `address`: the answer carries no link.
async fn request_link(s: &TestServer, address: &str) {
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
    assert!(body["dev_link"].is_null(), "{body}");
}

/// Signs in through the mailed magic link.
async fn sign_in_by_mail(w: &World, address: &str) -> String {
    request_link(&w.server, address).await;
    let link = w.smtp.take(address, "sign-in link").await.link();
    let token = link.split("token=").nth(1).unwrap();
    let (status, body) = w
        .server
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

/// `POST /auth/accept-invite` with `token` (a link or its token).
async fn accept(s: &TestServer, token: &str) -> (StatusCode, Value) {
    s.call(
        Method::POST,
        "/auth/accept-invite",
        None,
        Some(json!({"token": token})),
    )
    .await
}

/// Invites `address` into the organisation of `owner`: 201, nothing secret in it.
async fn invite(s: &TestServer, owner: &str, address: &str) -> Value {
    let (status, body) = s
        .post("/org/invites", owner, json!({"email": address}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert!(
        body["invite_url"].is_null(),
        "no link for the inviter: {body}"
    );
    assert_eq!(body["emailed"], true, "{body}");
    body
}

async fn the_secret_travels_only_by_mail(w: &World) {
    let s = &w.server;
    let admin = email("admin", "invites-admin.example");
    // Anyone can sign up and own an organisation; they invite an administrator's
    // address that nobody has signed in with yet.
    let inviter = sign_in_by_mail(w, &email("mallory", "invites.example")).await;
    let created = invite(s, &inviter, &admin).await;
    let mail = w.smtp.take(&admin, "invited").await;
    let link = mail.link();
    assert!(link.starts_with("https://app.invites.example/auth/callback?invite="));
    let token = link.split("invite=").nth(1).unwrap().to_string();

    // Nothing the inviter can read holds the secret.
    let listed = s.ok_get("/org/invites", &inviter).await;
    for seen in [&created, &listed] {
        assert!(!seen.to_string().contains(&token), "{seen}");
    }
    // Nor can they get a session for the address some other way.
    request_link(s, &admin).await;
    w.smtp.take(&admin, "sign-in link").await;
    for guess in [created["id"].as_str().unwrap(), "", "invite="] {
        let (status, body) = accept(s, guess).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
        assert!(body["detail"].is_string(), "{body}");
    }
    let (status, _) = s.get("/admin/applications", &inviter).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The mailed link signs the invitee in, once.
    let (status, session) = accept(s, &link).await;
    assert_eq!(status, StatusCode::OK, "{session}");
    assert_eq!(session["user"]["email"], admin.as_str());
    let (status, again) = accept(s, &token).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{again}");
}
in_production_on_both_backends!(
    an_invite_secret_goes_only_to_the_mailbox,
    the_secret_travels_only_by_mail
);

async fn shown_secrets_are_refused(w: &World) {
    let s = &w.server;
    let owner = sign_in_by_mail(w, &email("owner", "old-invites.example")).await;
    let org = s.ok_get("/org", &owner).await;
    // An invite made before mail was the only way (its secret was answered to
    // the inviter): the rows written then carry no `token_disclosed` value.
    let token = "an-invite-secret-the-inviter-has-seen-0123456789";
    sqlx::query(
        "INSERT INTO invites (id, org_id, email, role, token_hash, created_by, expires_at, created_at) \
         VALUES ($1, $2, $3, 'owner', $4, 'someone', '2999-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z')",
    )
    .bind(defendable_server::ids::new_id())
    .bind(org["id"].as_str().unwrap())
    .bind(email("admin", "invites-admin.example"))
    .bind(defendable_server::ids::secret_hash(token))
    .execute(&s.context().db.pool)
    .await
    .unwrap();
    let (status, body) = accept(s, token).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(s.ok_get("/org", &owner).await["member_count"], 1);
}
in_production_on_both_backends!(
    an_invite_whose_secret_was_shown_is_refused,
    shown_secrets_are_refused
);

async fn registered_or_not_looks_the_same(w: &World) {
    let s = &w.server;
    let owner = sign_in_by_mail(w, &email("owner", "probe.example")).await;
    let registered = email("someone", "elsewhere.example");
    sign_in_by_mail(w, &registered).await;
    let unknown = email("nobody", "elsewhere.example");

    let a = invite(s, &owner, &registered).await;
    let b = invite(s, &owner, &unknown).await;
    let shape = |v: &Value| {
        let mut fields: Vec<(String, String)> = v
            .as_object()
            .unwrap()
            .iter()
            .filter(|(k, _)| !["id", "email", "expires_at", "created_at"].contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect();
        fields.sort();
        fields
    };
    assert_eq!(shape(&a), shape(&b));
    // Both get mail; the registered address cannot use it (409, told to them only).
    let link = w.smtp.take(&registered, "invited").await.link();
    w.smtp.take(&unknown, "invited").await;
    let (status, body) = accept(s, &link).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let listed = s.ok_get("/org/invites", &owner).await;
    assert_eq!(listed["invites"].as_array().unwrap().len(), 2);
}
in_production_on_both_backends!(
    invites_do_not_tell_whether_an_email_is_registered,
    registered_or_not_looks_the_same
);
