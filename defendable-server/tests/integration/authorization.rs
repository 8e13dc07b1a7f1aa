//! The authorization matrix: every route of `openapi.json`, called by every kind of
//! principal, answers as its access class says, and no route leaks another
//! organisation's data. A route with no entry in `class_of` fails the test.

use crate::common;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use common::TestServer;

const SECRET: &str = "matrix-secret-that-is-long-enough-for-hs256-0123456789";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Public,
    /// Operator routes (`X-Internal-Key`): no bearer of any kind opens them.
    Operator,
    /// Stripe's webhook: only a valid `Stripe-Signature` opens it.
    Signed,
    /// Administrators' own sessions (`ADMIN_EMAILS`); no caller here is one.
    Admin,
    Read,
    Write,
    Approve,
    Owner,
    /// Runner credentials only (`RUNNER_TOKEN` or a per-runner token): every
    /// user credential is refused with 401.
    Runner,
}

/// Every operation's access class. New operations must be placed here.
fn class_of(operation_id: &str) -> Class {
    match operation_id {
        "service_info"
        | "healthz"
        | "auth_request"
        | "auth_verify"
        | "auth_accept_invite"
        | "share_get"
        | "share_pdf"
        | "share_proof"
        | "share_log_checkpoint"
        | "share_log_consistency"
        | "signing_keys"
        | "policy_training_data" => Class::Public,
        "membership_approve" | "staging_tasks" | "stage_complete" => Class::Operator,
        // Capability links: the grant's token or a signed link, never a bearer.
        "grant_download" | "grant_file" | "share_download" => Class::Public,
        "stripe_webhook" => Class::Signed,
        "admin_applications" | "admin_application_approve" | "admin_health" => Class::Admin,
        "auth_me"
        | "auth_logout"
        | "org_get"
        | "projects_list"
        | "flight_sheets_list"
        | "flight_sheets_get"
        | "runs_list"
        | "runs_get"
        | "evidence_list"
        | "submission_get"
        | "checks_list"
        | "flags_list"
        | "verdict_get"
        | "ledger_list"
        | "ledger_export"
        | "ledger_verify"
        | "members_list"
        | "org_usage"
        | "org_settings_get"
        | "ledger_checkpoint"
        | "ledger_inclusion_proof"
        | "ledger_consistency_proof"
        | "membership_get"
        | "receipts_recent"
        | "datasets_list"
        | "datasets_catalog"
        | "datasets_package"
        | "datasets_samples"
        | "models_catalog"
        | "models_get"
        | "agent_profiles_list"
        | "agent_profiles_get"
        | "incidents_list"
        | "stack_planner_options"
        | "stack_assessment" => Class::Read,
        "projects_create"
        | "runs_create"
        | "evidence_add"
        | "evidence_upload"
        | "submission_add"
        | "audit_run"
        | "checks_run"
        | "checks_grade"
        | "findings_finalize"
        | "receipt_generate"
        | "agent_profiles_create"
        | "agent_profiles_watchdog"
        | "incidents_create"
        | "incidents_update"
        | "incidents_receipt"
        | "models_pin"
        | "datasets_download" => Class::Write,
        // Cooks and runners.
        "cooks_list" | "cooks_get" => Class::Read,
        "cook_request" => Class::Write,
        "runner_cooks_next"
        | "runner_cooks_status"
        | "runner_cooks_complete"
        | "runner_cooks_fail"
        | "runner_cooks_release" => Class::Runner,
        "runner_tokens_create" | "runner_tokens_list" | "runner_tokens_revoke" => Class::Operator,
        "approval_set" => Class::Approve,
        "api_keys_list"
        | "api_keys_create"
        | "api_keys_revoke"
        | "members_set_role"
        | "members_remove"
        | "invites_list"
        | "invites_create"
        | "org_settings_set"
        | "membership_apply"
        | "membership_checkout" => Class::Owner,
        other => panic!("operation {other} has no access class: add it to the matrix"),
    }
}

/// Who calls, and what they may do.
struct Caller {
    name: &'static str,
    token: Option<String>,
    /// None: the credentials themselves are refused (401).
    allowed: Option<&'static [Class]>,
    other_org: bool,
}

const EVERYTHING: &[Class] = &[Class::Read, Class::Write, Class::Approve, Class::Owner];
const MEMBER: &[Class] = &[Class::Read, Class::Write, Class::Approve];

struct Route {
    id: String,
    method: Method,
    path: String,
}

fn routes() -> Vec<Route> {
    let doc: Value = serde_json::from_str(&defendable_contract::api::openapi_json()).unwrap();
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            out.push(Route {
                id: op["operationId"].as_str().unwrap().to_string(),
                method: method.to_uppercase().parse().unwrap(),
                path: path.clone(),
            });
        }
    }
    out
}

fn email(local: &str, domain: &str) -> String {
    format!("{local}{}{domain}", '@')
}

/// An org A with data, and everything the callers need.
struct World {
    run: String,
    check: String,
    project: String,
    share: String,
    spare_key: String,
    owner_id: String,
    sheet: String,
    profile: String,
    incident: String,
    cook: String,
}

async fn key(s: &TestServer, owner: &str, scopes: Value) -> Value {
    let (status, key) = s
        .call(
            Method::POST,
            "/org/api-keys",
            Some(owner),
            Some(json!({"name": "matrix", "scopes": scopes})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{key}");
    key
}

fn expired_token(owner: &Value) -> String {
    let now = chrono::Utc::now().timestamp();
    let claims = json!({"sub": owner["id"], "org": owner["org_id"], "email": owner["email"],
                        "iat": now - 100, "exp": now - 10, "jti": "expired-token"});
    jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .unwrap()
}

fn body_for(route: &Route, world: &World, n: usize) -> Option<Value> {
    Some(match route.id.as_str() {
        "auth_request" => json!({"email": email(&format!("m{n}"), "matrix-x.example")}),
        "auth_verify" | "auth_accept_invite" => json!({"token": "not-a-token"}),
        "projects_create" => json!({"name": format!("p{n}")}),
        "runs_create" => json!({"project_id": world.project, "lane": "other", "title": "m"}),
        "evidence_add" => json!({"kind": "note", "label": "l", "content": "c"}),
        "submission_add" => json!({"output_text": "matrix output"}),
        "checks_grade" => json!({"status": "pass"}),
        "approval_set" => json!({"decision": "escalated"}),
        "api_keys_create" => json!({"name": format!("k{n}")}),
        "members_set_role" => json!({"role": "owner"}),
        "invites_create" => json!({"email": email(&format!("i{n}"), "matrix-y.example")}),
        "org_settings_set" => json!({"require_distinct_approver": false}),
        "membership_apply" => json!({"company_name": format!("c{n}")}),
        "membership_approve" => json!({"org_slug": "anything"}),
        "membership_checkout" => json!({}),
        "agent_profiles_create" => json!({"name": format!("agent {n}")}),
        "incidents_create" => json!({"title": format!("incident {n}")}),
        "incidents_update" => json!({"status": "open"}),
        "stack_assessment" => json!({"jobs": ["intake"]}),
        "cook_request" => json!({}),
        "models_pin" => json!({}),
        "datasets_download" => json!({}),
        "stage_complete" => json!({"key": "datasets/x/x.jsonl"}),
        "runner_cooks_next" => json!({"runner": "matrix"}),
        "runner_cooks_status" | "runner_cooks_release" => json!({"lease_id": "l"}),
        "runner_cooks_complete" => json!({"lease_id": "l", "eval_after": 0.5}),
        "runner_cooks_fail" => json!({"lease_id": "l", "error": "e"}),
        "runner_tokens_create" => json!({"name": "matrix"}),
        _ => return None,
    })
}

fn concrete_path(route: &Route, world: &World) -> String {
    route
        .path
        .replace("{run_id}", &world.run)
        .replace("{check_id}", &world.check)
        .replace("{id_or_slug}", &world.sheet)
        .replace("{token}", &world.share)
        .replace("{key_id}", &world.spare_key)
        .replace("{user_id}", &world.owner_id)
        .replace("{slug}", "anything")
        .replace("{grant_id}", "no-such-grant")
        .replace("{profile_id}", &world.profile)
        .replace("{incident_id}", &world.incident)
        .replace("{cook_id}", &world.cook)
        .replace("{runner_id}", "matrix-runner")
        + match route.id.as_str() {
            "ledger_inclusion_proof" => "?org_seq=0",
            "ledger_consistency_proof" => "?from=0",
            "share_log_consistency" => "?first=0&second=0",
            "grant_download" => "?token=t",
            "grant_file" => "?expires=1&sig=s",
            _ => "",
        }
}

async fn matrix(s: &TestServer) {
    let owner = s.sign_in("owner", "matrix-a.example").await;
    let me = s.ok_get("/auth/me", &owner).await;
    let owner_id = me["id"].as_str().unwrap().to_string();
    let project = s.ok_post("/projects", &owner, json!({"name": "a"})).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let new_run = |title: &'static str| {
        let owner = owner.clone();
        let project = project.clone();
        async move {
            let run = s
                .ok_post(
                    "/runs",
                    &owner,
                    json!({"project_id": project, "lane": "other", "title": title}),
                )
                .await;
            let id = run["id"].as_str().unwrap().to_string();
            s.ok_post(
                &format!("/runs/{id}/submission"),
                &owner,
                json!({"output_text": "work"}),
            )
            .await;
            let checked = s
                .ok_post(&format!("/runs/{id}/checks"), &owner, json!({}))
                .await;
            (id, checked["checks"][0]["id"].as_str().unwrap().to_string())
        }
    };
    let (run, check) = new_run("matrix run").await;
    let (sealed, _) = new_run("sealed").await;
    s.ok_post(
        &format!("/runs/{sealed}/approve"),
        &owner,
        json!({"decision": "approved"}),
    )
    .await;
    let receipt = s
        .ok_post(&format!("/runs/{sealed}/receipt"), &owner, json!({}))
        .await;
    let sheet = s.ok_get("/flight-sheets", &owner).await["flight_sheets"][0]["slug"]
        .as_str()
        .unwrap()
        .to_string();

    let invite = |address: String| {
        let owner = owner.clone();
        async move {
            let (_, invite) = s
                .call(
                    Method::POST,
                    "/org/invites",
                    Some(&owner),
                    Some(json!({"email": address})),
                )
                .await;
            let token = invite["invite_url"]
                .as_str()
                .unwrap()
                .split("invite=")
                .nth(1)
                .unwrap()
                .to_string();
            let (_, session) = s
                .call(
                    Method::POST,
                    "/auth/accept-invite",
                    None,
                    Some(json!({"token": token})),
                )
                .await;
            session
        }
    };
    let member = invite(email("member", "matrix-a.example")).await["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let removed = invite(email("removed", "matrix-a.example")).await;
    let (status, _) = s
        .call(
            Method::DELETE,
            &format!("/org/members/{}", removed["user"]["id"].as_str().unwrap()),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    let secret = |k: &Value| k["secret"].as_str().unwrap().to_string();
    let read_key = key(s, &owner, json!(["read"])).await;
    let write_key = key(s, &owner, json!(["read", "runs:write"])).await;
    let approve_key = key(s, &owner, json!(["read", "runs:write", "approve"])).await;
    let revoked_key = key(s, &owner, json!(["read"])).await;
    let spare = key(s, &owner, json!(["read"])).await;
    let (status, _) = s
        .call(
            Method::DELETE,
            &format!("/org/api-keys/{}", revoked_key["id"].as_str().unwrap()),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let outsider = s.sign_in("outsider", "matrix-b.example").await;
    let cook = s
        .ok_post(&format!("/runs/{run}/cook"), &owner, json!({}))
        .await["id"]
        .as_str()
        .unwrap()
        .to_string();

    let profile = s
        .ok_post("/agent-profiles", &owner, json!({"name": "matrix agent"}))
        .await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let incident = s
        .ok_post(
            "/incidents",
            &owner,
            json!({"title": "matrix incident", "agent_profile_id": profile}),
        )
        .await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let world = World {
        run,
        check,
        project: project.clone(),
        share: receipt["share_token"].as_str().unwrap().to_string(),
        spare_key: spare["id"].as_str().unwrap().to_string(),
        owner_id,
        sheet,
        profile,
        incident,
        cook,
    };
    let callers = vec![
        Caller {
            name: "anonymous",
            token: None,
            allowed: None,
            other_org: false,
        },
        Caller {
            name: "garbage token",
            token: Some("garbage".into()),
            allowed: None,
            other_org: false,
        },
        Caller {
            name: "expired token",
            token: Some(expired_token(&me)),
            allowed: None,
            other_org: false,
        },
        Caller {
            name: "revoked key",
            token: Some(secret(&revoked_key)),
            allowed: None,
            other_org: false,
        },
        Caller {
            name: "removed member",
            token: Some(removed["access_token"].as_str().unwrap().to_string()),
            allowed: None,
            other_org: false,
        },
        Caller {
            name: "read key",
            token: Some(secret(&read_key)),
            allowed: Some(&[Class::Read]),
            other_org: false,
        },
        Caller {
            name: "write key",
            token: Some(secret(&write_key)),
            allowed: Some(&[Class::Read, Class::Write]),
            other_org: false,
        },
        Caller {
            name: "approve key",
            token: Some(secret(&approve_key)),
            allowed: Some(MEMBER),
            other_org: false,
        },
        Caller {
            name: "member",
            token: Some(member),
            allowed: Some(MEMBER),
            other_org: false,
        },
        Caller {
            name: "another org's owner",
            token: Some(outsider),
            allowed: Some(EVERYTHING),
            other_org: true,
        },
        Caller {
            name: "owner",
            token: Some(owner.clone()),
            allowed: Some(EVERYTHING),
            other_org: false,
        },
    ];

    let routes = routes();
    assert!(routes.len() >= 44, "{} routes", routes.len());
    let mut n = 0;
    for caller in &callers {
        // Signing out goes last, so the caller's token works for every other route.
        let (last, first): (Vec<&Route>, Vec<&Route>) =
            routes.iter().partition(|r| r.id == "auth_logout");
        for route in first.into_iter().chain(last) {
            n += 1;
            let class = class_of(&route.id);
            let path = concrete_path(route, &world);
            let mut req = s.http.request(route.method.clone(), s.url(&path));
            if let Some(t) = &caller.token {
                req = req.bearer_auth(t);
            }
            req = if route.id == "evidence_upload" {
                req.header("content-type", "application/octet-stream")
                    .body(b"matrix bytes".to_vec())
            } else if let Some(body) = body_for(route, &world, n) {
                req.json(&body)
            } else {
                req
            };
            let resp = req.send().await.unwrap();
            let status = resp.status();
            let text = resp.text().await.unwrap();
            let what = format!(
                "{} {} {} ({}): {status} {text}",
                caller.name, route.method, route.path, route.id
            );
            assert!(status.as_u16() < 500, "{what}");
            let body: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            match class {
                Class::Public => continue,
                Class::Runner => {
                    assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}");
                    assert!(body["detail"].is_string(), "{what}");
                    continue;
                }
                Class::Operator => {
                    assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}");
                    assert_eq!(body["detail"], "invalid internal key", "{what}");
                    continue;
                }
                Class::Signed => {
                    assert_eq!(status, StatusCode::BAD_REQUEST, "{what}");
                    assert!(
                        body["detail"]
                            .as_str()
                            .unwrap()
                            .contains("Stripe-Signature"),
                        "{what}"
                    );
                    continue;
                }
                Class::Admin if caller.allowed.is_some() => {
                    assert_eq!(status, StatusCode::FORBIDDEN, "{what}");
                    assert!(
                        body["detail"].as_str().unwrap().contains("admin access"),
                        "{what}"
                    );
                    continue;
                }
                _ => {}
            }
            // Checkout opens only for approved memberships; nobody here is approved.
            let not_yet_approved = route.id == "membership_checkout"
                && status == StatusCode::FORBIDDEN
                && body["detail"]
                    .as_str()
                    .is_some_and(|d| d.starts_with("membership not yet approved"));
            // Members-only routes: nobody in the matrix holds an active membership.
            let members_only = [
                "receipts_recent",
                "datasets_list",
                "datasets_catalog",
                "datasets_package",
                "datasets_samples",
                "models_catalog",
                "models_get",
                "models_pin",
                "datasets_download",
            ]
            .contains(&route.id.as_str())
                && status == StatusCode::FORBIDDEN
                && body["detail"]
                    .as_str()
                    .is_some_and(|d| d.starts_with("membership required"));
            match caller.allowed {
                None => {
                    assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}");
                    assert!(body["detail"].is_string(), "{what}");
                }
                Some(allowed) if !allowed.contains(&class) => {
                    assert_eq!(status, StatusCode::FORBIDDEN, "{what}");
                    assert!(body["detail"].is_string(), "{what}");
                }
                Some(_) => {
                    assert!(
                        status != StatusCode::UNAUTHORIZED
                            && (status != StatusCode::FORBIDDEN
                                || not_yet_approved
                                || members_only),
                        "{what}"
                    );
                    if caller.other_org {
                        // Catalog entries are not the organisation's objects.
                        if route.path.contains('{')
                            && route.id != "flight_sheets_get"
                            && !members_only
                        {
                            assert_eq!(status, StatusCode::NOT_FOUND, "{what}");
                        }
                        for secret_id in [&world.run, &world.project, &world.owner_id] {
                            assert!(!text.contains(secret_id.as_str()), "leak: {what}");
                        }
                    }
                }
            }
        }
    }
}
on_both_backends_with!(
    every_route_answers_every_principal,
    matrix,
    &[
        "--jwt-secret",
        SECRET,
        "--internal-api-key",
        "matrix-internal-key-0123456789abcdef0123456789",
        "--runner-token",
        "matrix-runner-token-0123456789abcdef0123456789",
        "--admin-emails",
        concat!("admin", "@", "matrix-z.example"),
        "--stripe-api-key",
        "sk_test_matrix",
        "--stripe-price-id",
        "price_matrix",
        "--stripe-webhook-secret",
        "whsec_matrix",
        // Nobody reaches Stripe here: no membership in the matrix is approved.
        "--stripe-api-base",
        "http://127.0.0.1:9",
    ]
);
