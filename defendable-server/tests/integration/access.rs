//! Access control end to end: invites, roles, scoped and revocable API keys,
//! server-side sign-out, separation of duties, usage; on SQLite and PostgreSQL.

use crate::common;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use common::TestServer;

fn email(local: &str, domain: &str) -> String {
    format!("{local}{}{domain}", '@')
}

async fn send(
    s: &TestServer,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    s.call(method, path, Some(token), body).await
}

/// Invites `address` into the owner's organisation and returns the accepted session.
async fn invite_and_accept(s: &TestServer, owner: &str, address: &str, role: &str) -> Value {
    let (status, invite) = send(
        s,
        Method::POST,
        "/org/invites",
        owner,
        Some(json!({"email": address, "role": role})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{invite}");
    let url = invite["invite_url"].as_str().unwrap();
    let token = url.split("invite=").nth(1).unwrap().to_string();
    let (status, session) = s
        .call(
            Method::POST,
            "/auth/accept-invite",
            None,
            Some(json!({"token": token})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{session}");
    let (status, again) = s
        .call(
            Method::POST,
            "/auth/accept-invite",
            None,
            Some(json!({"token": token})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "an invite works once: {again}"
    );
    session
}

/// A run without a flight sheet taken to a verdict by `token`.
async fn checked_run(s: &TestServer, token: &str, project: &str) -> String {
    let run = s
        .ok_post(
            "/runs",
            token,
            json!({"project_id": project, "lane": "other", "title": "work"}),
        )
        .await;
    let id = run["id"].as_str().unwrap().to_string();
    s.ok_post(
        &format!("/runs/{id}/submission"),
        token,
        json!({"output_text": "the agent's work"}),
    )
    .await;
    s.ok_post(&format!("/runs/{id}/checks"), token, json!({}))
        .await;
    id
}

async fn team(s: &TestServer) {
    let owner = s.sign_in("owner", "team.example").await;
    let org = s.ok_get("/org", &owner).await;
    let member_session =
        invite_and_accept(s, &owner, &email("member", "team.example"), "member").await;
    assert_eq!(member_session["user"]["org_id"], org["id"]);
    assert_eq!(member_session["user"]["role"], "member");
    let member = member_session["access_token"].as_str().unwrap().to_string();
    let member_id = member_session["user"]["id"].as_str().unwrap().to_string();
    assert_eq!(s.ok_get("/org", &owner).await["member_count"], 2);

    // Owner-only actions are refused to a member.
    for (method, path, body) in [
        (Method::POST, "/org/api-keys", Some(json!({"name": "x"}))),
        (Method::GET, "/org/api-keys", None),
        (Method::GET, "/org/invites", None),
        (
            Method::POST,
            "/org/invites",
            Some(json!({"email": email("x", "team.example")})),
        ),
        (
            Method::PUT,
            "/org/settings",
            Some(json!({"require_distinct_approver": true})),
        ),
    ] {
        let (status, body) = send(s, method.clone(), path, &member, body).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {path}: {body}");
        assert!(body["detail"].is_string());
    }
    let members = s.ok_get("/org/members", &member).await;
    assert_eq!(members["members"].as_array().unwrap().len(), 2);

    // A scoped CI key: it works, cannot approve, cannot mint keys, and dies on revoke.
    let (status, key) = send(
        s,
        Method::POST,
        "/org/api-keys",
        &owner,
        Some(json!({"name": "ci", "scopes": ["read", "runs:write"]})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{key}");
    let secret = key["secret"].as_str().unwrap().to_string();
    assert!(secret.starts_with("dc_"));
    assert_eq!(key["key_prefix"].as_str().unwrap(), &secret[..12]);
    let me = s.ok_get("/auth/me", &secret).await;
    assert_eq!(me["id"], format!("apikey:{}", key["id"].as_str().unwrap()));
    let project = s
        .ok_post("/projects", &secret, json!({"name": "from CI"}))
        .await;
    let project_id = project["id"].as_str().unwrap().to_string();
    let run = checked_run(s, &secret, &project_id).await;
    let (status, body) = send(
        s,
        Method::POST,
        &format!("/runs/{run}/approve"),
        &secret,
        Some(json!({"decision": "approved"})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body["detail"].as_str().unwrap().contains("approve"));
    let (status, _) = send(
        s,
        Method::POST,
        "/org/api-keys",
        &secret,
        Some(json!({"name": "child"})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "keys cannot mint keys");
    // The member approves the key's run.
    s.ok_post(
        &format!("/runs/{run}/approve"),
        &member,
        json!({"decision": "approved"}),
    )
    .await;
    let keys = s.ok_get("/org/api-keys", &owner).await;
    let listed = &keys["api_keys"][0];
    assert_eq!(listed["revoked"], false);
    assert!(listed["last_used_at"].is_string());
    assert!(listed.get("secret").is_none() && listed.get("key_hash").is_none());
    let (status, revoked) = send(
        s,
        Method::DELETE,
        &format!("/org/api-keys/{}", key["id"].as_str().unwrap()),
        &owner,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{revoked}");
    assert_eq!(revoked["revoked"], true);
    let (status, _) = s.get("/runs", &secret).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a revoked key fails at once"
    );

    // A key with the approve scope approves, and the receipt names the key.
    let (_, approver) = send(
        s,
        Method::POST,
        "/org/api-keys",
        &owner,
        Some(json!({"name": "release bot", "scopes": ["read", "runs:write", "approve"], "expires_in_days": 30})),
    )
    .await;
    let bot = approver["secret"].as_str().unwrap().to_string();
    assert!(approver["expires_at"].is_string());
    let run = checked_run(s, &bot, &project_id).await;
    s.ok_post(
        &format!("/runs/{run}/approve"),
        &bot,
        json!({"decision": "approved"}),
    )
    .await;
    let receipt = s
        .ok_post(&format!("/runs/{run}/receipt"), &bot, json!({}))
        .await;
    let public = s
        .ok_get(
            &format!("/share/{}", receipt["share_token"].as_str().unwrap()),
            &owner,
        )
        .await;
    let approver_label = public["payload"]["approval"]["approver"].as_str().unwrap();
    assert!(
        approver_label.starts_with("api key release bot (apikey:"),
        "{approver_label}"
    );

    // Roles: no self-demotion; promotion and demotion of others.
    let owner_id = s.ok_get("/auth/me", &owner).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, body) = send(
        s,
        Method::PUT,
        &format!("/org/members/{owner_id}/role"),
        &owner,
        Some(json!({"role": "member"})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, promoted) = send(
        s,
        Method::PUT,
        &format!("/org/members/{member_id}/role"),
        &owner,
        Some(json!({"role": "owner"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{promoted}");
    assert_eq!(promoted["role"], "owner");
    let (status, _) = send(
        s,
        Method::PUT,
        &format!("/org/members/{member_id}/role"),
        &owner,
        Some(json!({"role": "member"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = send(
        s,
        Method::PUT,
        "/org/members/0123456789abcdef0123456789abcdef/role",
        &owner,
        Some(json!({"role": "member"})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Separation of duties: whoever posted the submission may not approve it.
    let (status, _) = send(
        s,
        Method::PUT,
        "/org/settings",
        &owner,
        Some(json!({"require_distinct_approver": true})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        s.ok_get("/org/settings", &member).await["require_distinct_approver"],
        true
    );
    let run = checked_run(s, &owner, &project_id).await;
    let (status, body) = send(
        s,
        Method::POST,
        &format!("/runs/{run}/approve"),
        &owner,
        Some(json!({"decision": "approved"})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    s.ok_post(
        &format!("/runs/{run}/approve"),
        &member,
        json!({"decision": "approved"}),
    )
    .await;

    // Invites answer the same whether the email has an account or not; an email
    // with an account is refused when the invite is accepted.
    let (status, registered) = send(
        s,
        Method::POST,
        "/org/invites",
        &owner,
        Some(json!({"email": email("member", "team.example")})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{registered}");
    let (status, unknown) = send(
        s,
        Method::POST,
        "/org/invites",
        &owner,
        Some(json!({"email": email("nobody-yet", "team.example")})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{unknown}");
    let keys_of = |v: &Value| {
        let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys_of(&registered), keys_of(&unknown));
    assert_eq!(registered["emailed"], unknown["emailed"]);
    let token = registered["invite_url"]
        .as_str()
        .unwrap()
        .split("invite=")
        .nth(1)
        .unwrap()
        .to_string();
    let (status, body) = s
        .call(
            Method::POST,
            "/auth/accept-invite",
            None,
            Some(json!({"token": token})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let late = email("late", "team.example");
    let (_, invite) = send(
        s,
        Method::POST,
        "/org/invites",
        &owner,
        Some(json!({"email": late})),
    )
    .await;
    s.sign_in("late", "team.example").await;
    let token = invite["invite_url"]
        .as_str()
        .unwrap()
        .split("invite=")
        .nth(1)
        .unwrap()
        .to_string();
    let (status, body) = s
        .call(
            Method::POST,
            "/auth/accept-invite",
            None,
            Some(json!({"token": token})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let invites = s.ok_get("/org/invites", &owner).await;
    assert_eq!(invites["invites"].as_array().unwrap().len(), 4);

    // Removing a member ends their sessions at once.
    let (status, _) = send(
        s,
        Method::DELETE,
        &format!("/org/members/{owner_id}"),
        &owner,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "no removing oneself");
    let (status, _) = send(
        s,
        Method::DELETE,
        &format!("/org/members/{member_id}"),
        &owner,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = s.get("/runs", &member).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Sign-out revokes only the presented session.
    let second = s.sign_in("owner", "team.example").await;
    let (status, _) = send(s, Method::POST, "/auth/logout", &second, None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = s.get("/auth/me", &second).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    s.ok_get("/auth/me", &owner).await;

    let usage = s.ok_get("/org/usage", &owner).await;
    assert_eq!(usage["receipts_lifetime"], 1);
    assert_eq!(usage["receipts_this_month"], 1);
    assert_eq!(usage["org_seq"], 1);
}
on_both_backends!(an_owner_runs_a_team, team);

async fn parallel_accept(s: &TestServer) {
    let owner = s.sign_in("owner", "race-invite.example").await;
    let (_, invite) = send(
        s,
        Method::POST,
        "/org/invites",
        &owner,
        Some(json!({"email": email("new", "race-invite.example")})),
    )
    .await;
    let token = invite["invite_url"]
        .as_str()
        .unwrap()
        .split("invite=")
        .nth(1)
        .unwrap()
        .to_string();
    let accept = |t: String| async move {
        s.call(
            Method::POST,
            "/auth/accept-invite",
            None,
            Some(json!({"token": t})),
        )
        .await
        .0
    };
    let (a, b) = tokio::join!(accept(token.clone()), accept(token));
    let mut statuses = [a, b];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::UNAUTHORIZED]);
    assert_eq!(s.ok_get("/org", &owner).await["member_count"], 2);
}
on_both_backends!(
    an_invite_is_accepted_once_under_concurrency,
    parallel_accept
);

/// Turns `require_distinct_approver` on.
async fn require_distinct_approver(s: &TestServer, owner: &str) {
    let (status, body) = send(
        s,
        Method::PUT,
        "/org/settings",
        owner,
        Some(json!({"require_distinct_approver": true})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn distinct_approver_compares_people(s: &TestServer) {
    let owner = s.sign_in("owner", "duties.example").await;
    let (status, key) = send(
        s,
        Method::POST,
        "/org/api-keys",
        &owner,
        Some(json!({"name": "own bot", "scopes": ["read", "runs:write", "approve"]})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{key}");
    let bot = key["secret"].as_str().unwrap().to_string();
    let member = invite_and_accept(s, &owner, &email("member", "duties.example"), "member").await;
    let member = member["access_token"].as_str().unwrap().to_string();
    require_distinct_approver(s, &owner).await;
    let project = s
        .ok_post("/projects", &owner, json!({"name": "duties"}))
        .await;
    let project = project["id"].as_str().unwrap();

    // The owner submits, then approves through a key they minted: the same person.
    let run = checked_run(s, &owner, project).await;
    let (status, body) = send(
        s,
        Method::POST,
        &format!("/runs/{run}/approve"),
        &bot,
        Some(json!({"decision": "approved"})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(
        body["detail"].as_str().unwrap().contains("differ"),
        "{body}"
    );
    // And the other way round: the key submits, its maker approves.
    let by_key = checked_run(s, &bot, project).await;
    let (status, body) = send(
        s,
        Method::POST,
        &format!("/runs/{by_key}/approve"),
        &owner,
        Some(json!({"decision": "approved"})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    // Another person approves both.
    for id in [&run, &by_key] {
        s.ok_post(
            &format!("/runs/{id}/approve"),
            &member,
            json!({"decision": "approved"}),
        )
        .await;
    }
}
on_both_backends!(
    separation_of_duties_counts_a_key_as_its_maker,
    distinct_approver_compares_people
);

async fn removed_members_keys_die(s: &TestServer) {
    let owner = s.sign_in("owner", "leavers.example").await;
    let leaver = invite_and_accept(s, &owner, &email("leaver", "leavers.example"), "owner").await;
    let leaver_id = leaver["user"]["id"].as_str().unwrap().to_string();
    let leaver = leaver["access_token"].as_str().unwrap().to_string();
    let (status, key) = send(
        s,
        Method::POST,
        "/org/api-keys",
        &leaver,
        Some(json!({"name": "leaver's bot"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{key}");
    let secret = key["secret"].as_str().unwrap().to_string();
    s.ok_get("/runs", &secret).await;

    let (status, body) = send(
        s,
        Method::DELETE,
        &format!("/org/members/{leaver_id}"),
        &owner,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = s.get("/runs", &secret).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert!(body["detail"].is_string(), "{body}");
    let keys = s.ok_get("/org/api-keys", &owner).await;
    let listed = keys["api_keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == key["id"])
        .unwrap()
        .clone();
    assert_eq!(listed["revoked"], true, "{listed}");
}
on_both_backends!(
    removing_a_member_revokes_their_keys,
    removed_members_keys_die
);
