//! Agent profiles, capability by lane, the watchdog, blocked lanes and the owner
//! override, incidents and their receipts, paging, cross-organisation references
//! and the stack planner, against a real server on both database backends.

use crate::common;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use common::{metric, TestServer};

fn id(v: &Value) -> String {
    v["id"].as_str().expect("an id").to_string()
}

async fn project(s: &TestServer, token: &str) -> String {
    id(&s
        .ok_post("/projects", token, json!({"name": "agents"}))
        .await)
}

async fn profile(s: &TestServer, token: &str, name: &str) -> String {
    id(&s
        .ok_post(
            "/agent-profiles",
            token,
            json!({"name": name, "model": "m-7b", "capability_tier": "mid", "tools": ["search"]}),
        )
        .await)
}

/// The verdict severity a run without a flight sheet gets from the core checks.
#[derive(Clone, Copy)]
enum Outcome {
    /// Evidence attached: every rule passes.
    Honey,
    /// An agent run without captured tool or model output: a mid flag.
    Jelly,
    /// No evidence at all: a high flag.
    Propolis,
}

/// A run of `profile` on `lane` whose core checks end in `outcome`; returns its id.
async fn run_with(
    s: &TestServer,
    token: &str,
    project: &str,
    profile: &str,
    lane: &str,
    outcome: Outcome,
) -> String {
    let inputs = match lane {
        "agent" => json!({"task": "summarise"}),
        "dataset" => json!({"source": "s3", "row_count": 10}),
        "compute" => json!({"machine": "m", "benchmark_score": 5}),
        _ => json!({}),
    };
    let run = s
        .ok_post(
            "/runs",
            token,
            json!({"project_id": project, "agent_profile_id": profile, "lane": lane,
                   "title": "work", "inputs": inputs}),
        )
        .await;
    assert_eq!(run["agent_profile_id"], profile);
    let run = id(&run);
    s.ok_post(
        &format!("/runs/{run}/submission"),
        token,
        json!({"output_text": "done"}),
    )
    .await;
    if !matches!(outcome, Outcome::Propolis) {
        s.ok_post(
            &format!("/runs/{run}/evidence"),
            token,
            json!({"kind": "note", "label": "notes", "content": "seen"}),
        )
        .await;
    }
    let checked = s
        .ok_post(&format!("/runs/{run}/checks"), token, json!({}))
        .await;
    let expected = match outcome {
        Outcome::Honey => "honey",
        Outcome::Jelly => "jelly",
        Outcome::Propolis => "propolis",
    };
    assert_eq!(checked["verdict"]["severity"], expected, "{checked}");
    run
}

fn lane<'a>(profile: &'a Value, name: &str) -> &'a Value {
    profile["capability"]["lanes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["name"] == name)
        .unwrap_or_else(|| panic!("no lane {name}: {profile}"))
}

async fn capability_numbers(s: &TestServer) {
    let owner = s.sign_in("owner", "cap.example").await;
    let proj = project(s, &owner).await;
    let p = profile(s, &owner, "worker").await;
    let other = profile(s, &owner, "other worker").await;
    for _ in 0..3 {
        run_with(s, &owner, &proj, &p, "other", Outcome::Honey).await;
    }
    run_with(s, &owner, &proj, &p, "dataset", Outcome::Propolis).await;
    run_with(s, &owner, &proj, &p, "agent", Outcome::Jelly).await;
    // A run without a verdict counts in total_runs only.
    s.ok_post(
        "/runs",
        &owner,
        json!({"project_id": proj, "agent_profile_id": p, "lane": "other", "title": "pending"}),
    )
    .await;
    // Another profile's runs never count for this one.
    run_with(s, &owner, &proj, &other, "other", Outcome::Propolis).await;

    let detail = s.ok_get(&format!("/agent-profiles/{p}"), &owner).await;
    let cap = &detail["capability"];
    assert_eq!(cap["evaluated_runs"], 5, "{cap}");
    assert_eq!(cap["total_runs"], 6);
    assert_eq!(
        cap["verdict_counts"],
        json!({"honey": 3, "jelly": 1, "propolis": 1})
    );
    assert_eq!(lane(&detail, "other")["status"], "approved");
    assert_eq!(lane(&detail, "other")["honey"], 3);
    assert_eq!(lane(&detail, "dataset")["status"], "restricted");
    assert_eq!(lane(&detail, "agent")["status"], "testing");
    assert_eq!(cap["overall_status"], "restricted");
    assert_eq!(cap["history"].as_array().unwrap().len(), 5);
    assert_eq!(cap["latest"]["severity"], "jelly");
    let flags = cap["recurring_flags"].as_array().unwrap();
    assert!(
        flags
            .iter()
            .any(|f| f["label"] == "Evidence attached" && f["count"] == 1),
        "{flags:?}"
    );
    let evidence = cap["pass_rates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["category"] == "evidence")
        .unwrap()
        .clone();
    assert_eq!(evidence["label"], "Evidence reference");
    assert!(evidence["n"].as_i64().unwrap() >= 5, "{evidence}");
    assert!(evidence["rate"].as_f64().unwrap() < 1.0);
    assert_eq!(detail["name"], "worker");
    assert_eq!(detail["tools"], json!(["search"]));

    let list = s.ok_get("/agent-profiles", &owner).await;
    let row = list["agent_profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == p)
        .unwrap()
        .clone();
    assert_eq!(row["summary"]["approved_lanes"], json!(["other"]));
    assert_eq!(row["summary"]["blocked_lanes"], json!(["dataset"]));
    assert_eq!(row["summary"]["evaluated_runs"], 5);
    assert!(row.get("capability").is_none());
    let other_row = list["agent_profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == other)
        .unwrap()
        .clone();
    assert_eq!(other_row["summary"]["blocked_lanes"], json!(["other"]));

    let usage = s.ok_get("/org/usage", &owner).await;
    assert_eq!(usage["earned_lanes"], 1, "{usage}");
    let plan = s
        .ok_post("/stack-assessment", &owner, json!({"jobs": ["intake"]}))
        .await;
    let earned = plan["earned_lanes"].as_array().unwrap();
    assert!(earned
        .iter()
        .any(|l| l["profile_id"] == p && l["lane"] == "other" && l["status"] == "approved"));
    assert!(earned
        .iter()
        .any(|l| l["profile_id"] == p && l["lane"] == "dataset" && l["status"] == "restricted"));
    assert!(earned.iter().all(|l| l["lane"] != "agent"));

    // The run view and the eval receipt carry the profile.
    let runs = s.ok_get("/runs?limit=1", &owner).await;
    let run = runs["runs"][0]["id"].as_str().unwrap().to_string();
    let detail = s.ok_get(&format!("/runs/{run}"), &owner).await;
    assert_eq!(detail["agent_profile"]["id"], other);
}
on_both_backends!(capability_follows_verdict_severities, capability_numbers);

async fn watchdog_and_blocked_lanes(s: &TestServer) {
    let owner = s.sign_in("owner", "watch.example").await;
    let owner_id = id(&s.ok_get("/auth/me", &owner).await);
    let proj = project(s, &owner).await;
    let p = profile(s, &owner, "flaky").await;
    // A run started on the dataset lane before it is blocked.
    let early = id(&s
        .ok_post(
            "/runs",
            &owner,
            json!({"project_id": proj, "agent_profile_id": p, "lane": "dataset", "title": "early",
                   "inputs": {"source": "s3", "row_count": 3}}),
        )
        .await);
    for lane in ["dataset", "dataset", "compute", "compute", "other"] {
        run_with(s, &owner, &proj, &p, lane, Outcome::Propolis).await;
    }
    let first = s
        .ok_post(&format!("/agent-profiles/{p}/watchdog"), &owner, json!({}))
        .await;
    let opened = first["opened"].as_array().unwrap();
    assert_eq!(opened.len(), 2, "{first}");
    assert_eq!(first["blocked_lanes"], json!(["compute", "dataset"]));
    assert_eq!(first["scanned_lanes"], 3);
    assert_eq!(
        first["governance"]["blocked_lanes"],
        json!(["compute", "dataset"])
    );
    let dataset = opened.iter().find(|i| i["lane"] == "dataset").unwrap();
    assert_eq!(dataset["kind"], "recurring_flag");
    assert_eq!(dataset["tier"], "high");
    assert_eq!(dataset["status"], "open");
    assert_eq!(
        dataset["title"],
        "Recurring critical flag on lane 'dataset'"
    );
    assert_eq!(
        dataset["detail"],
        "2 propolis verdict(s) on this lane (0H 0J 2P). Lane locked pending repair."
    );
    assert_eq!(
        dataset["response"],
        json!([
            "lane_locked",
            "human_approval_required",
            "repair_task_recommended"
        ])
    );
    assert_eq!(dataset["agent_profile_name"], "flaky");
    let dataset_incident = id(dataset);

    // Idempotent: again, and several at once, open nothing more.
    let again = s
        .ok_post(&format!("/agent-profiles/{p}/watchdog"), &owner, json!({}))
        .await;
    assert_eq!(again["opened"], json!([]));
    let open = s
        .ok_get(
            &format!("/incidents?agent_profile_id={p}&status=open"),
            &owner,
        )
        .await;
    assert_eq!(open["incidents"].as_array().unwrap().len(), 2);
    let detail = s.ok_get(&format!("/agent-profiles/{p}"), &owner).await;
    assert_eq!(lane(&detail, "dataset")["locked"], true);
    assert_eq!(lane(&detail, "other")["locked"], false);

    // Concurrent watchdogs on a second profile open each incident once.
    let q = profile(s, &owner, "racy").await;
    for _ in 0..2 {
        run_with(s, &owner, &proj, &q, "other", Outcome::Propolis).await;
    }
    let watchdog = format!("/agent-profiles/{q}/watchdog");
    let calls = (0..4).map(|_| s.post(&watchdog, &owner, json!({})));
    let answers = futures::future::join_all(calls).await;
    let mut opened_total = 0;
    for (status, body) in answers {
        assert_eq!(status, StatusCode::OK, "{body}");
        opened_total += body["opened"].as_array().unwrap().len();
    }
    assert_eq!(opened_total, 1);
    let listed = s
        .ok_get(&format!("/incidents?agent_profile_id={q}"), &owner)
        .await;
    assert_eq!(listed["incidents"].as_array().unwrap().len(), 1);

    // A blocked lane refuses new runs and checks of earlier runs.
    let new_run = |token: String, extra: Value| {
        let mut body = json!({"project_id": proj, "agent_profile_id": p, "lane": "dataset",
                              "title": "blocked?"});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        async move { s.post("/runs", &token, body).await }
    };
    let (status, body) = new_run(owner.clone(), json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body["detail"].as_str().unwrap().contains("dataset"));
    let (status, body) = s
        .post(&format!("/runs/{early}/checks"), &owner, json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    // Other lanes still work.
    let (status, body) = s
        .post(
            "/runs",
            &owner,
            json!({"project_id": proj, "agent_profile_id": p, "lane": "agent", "title": "fine"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Only an owner's own session overrides, and the override is recorded.
    let (_, invite) = s
        .call(
            Method::POST,
            "/org/invites",
            Some(&owner),
            Some(json!({"email": format!("member{}watch.example", '@')})),
        )
        .await;
    let token = invite["invite_url"]
        .as_str()
        .unwrap()
        .split("invite=")
        .nth(1)
        .unwrap()
        .to_string();
    let (_, joined) = s
        .call(
            Method::POST,
            "/auth/accept-invite",
            None,
            Some(json!({"token": token})),
        )
        .await;
    let member = joined["access_token"].as_str().unwrap().to_string();
    let (status, body) = new_run(member.clone(), json!({"override_blocked_lane": true})).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, key) = s
        .call(
            Method::POST,
            "/org/api-keys",
            Some(&owner),
            Some(json!({"name": "ci", "scopes": ["read", "runs:write"]})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let key = key["secret"].as_str().unwrap().to_string();
    let (status, body) = new_run(key, json!({"override_blocked_lane": true})).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = new_run(member.clone(), json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, overridden) = new_run(owner.clone(), json!({"override_blocked_lane": true})).await;
    assert_eq!(status, StatusCode::OK, "{overridden}");
    assert_eq!(overridden["lane_override_by"], owner_id.as_str());
    let overridden = id(&overridden);
    s.ok_post(
        &format!("/runs/{overridden}/submission"),
        &owner,
        json!({"output_text": "done"}),
    )
    .await;
    s.ok_post(&format!("/runs/{overridden}/checks"), &member, json!({}))
        .await;

    // Resolving the incident unlocks the lane; reopening locks it again.
    let resolved = s
        .call(
            Method::PATCH,
            &format!("/incidents/{dataset_incident}"),
            Some(&owner),
            Some(json!({})),
        )
        .await;
    assert_eq!(resolved.0, StatusCode::OK, "{}", resolved.1);
    assert_eq!(resolved.1["status"], "resolved");
    assert!(resolved.1["resolved_at"].is_string());
    let (status, body) = new_run(member.clone(), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = s
        .call(
            Method::PATCH,
            &format!("/incidents/{dataset_incident}"),
            Some(&owner),
            Some(json!({"status": "open"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = new_run(member.clone(), json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // A second open recurring_flag incident for the same lane is a conflict.
    let (status, body) = s
        .post(
            "/incidents",
            &owner,
            json!({"title": "dup", "kind": "recurring_flag", "lane": "dataset", "agent_profile_id": p}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    // Governance declared at creation blocks a flight sheet's lane by its name.
    let sheet = s.ok_get("/flight-sheets", &owner).await["flight_sheets"][0].clone();
    let declared = id(&s
        .ok_post(
            "/agent-profiles",
            &owner,
            json!({"name": "careful", "governance": {"blocked_lanes": [sheet["name"]]}}),
        )
        .await);
    let (status, body) = s
        .post(
            "/runs",
            &member,
            json!({"project_id": proj, "agent_profile_id": declared, "flight_sheet_id": sheet["slug"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    // A flight-sheet run whose lane gets locked later cannot be audited.
    let late = profile(s, &owner, "late").await;
    let run = id(&s
        .ok_post(
            "/runs",
            &member,
            json!({"project_id": proj, "agent_profile_id": late, "flight_sheet_id": sheet["slug"]}),
        )
        .await);
    s.ok_post(
        &format!("/runs/{run}/submission"),
        &member,
        json!({"output_text": "the memo"}),
    )
    .await;
    let incident = id(&s
        .ok_post(
            "/incidents",
            &owner,
            json!({"title": "by hand", "kind": "recurring_flag", "lane": sheet["name"],
                   "agent_profile_id": late}),
        )
        .await);
    for status in ["resolved", "open"] {
        let (code, body) = s
            .call(
                Method::PATCH,
                &format!("/incidents/{incident}"),
                Some(&owner),
                Some(json!({"status": status})),
            )
            .await;
        assert_eq!(code, StatusCode::OK, "{body}");
    }
    let (status, body) = s
        .post(&format!("/runs/{run}/audit"), &member, json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(
        body["detail"].as_str().unwrap().contains("blocked"),
        "{body}"
    );
}
on_both_backends!(
    watchdog_locks_blocked_lanes_once,
    watchdog_and_blocked_lanes
);

async fn incident_receipts(s: &TestServer) {
    let owner = s.sign_in("owner", "incident.example").await;
    let proj = project(s, &owner).await;
    let p = profile(s, &owner, "rogue one").await;
    let run = run_with(s, &owner, &proj, &p, "other", Outcome::Honey).await;
    let incident = s
        .ok_post(
            "/incidents",
            &owner,
            json!({"title": "went off script", "kind": "rogue", "tier": "mid",
                   "agent_profile_id": p, "run_id": run, "lane": "other",
                   "response": ["paused", "paused", "reviewed"]}),
        )
        .await;
    assert_eq!(incident["status"], "open");
    assert_eq!(incident["response"], json!(["paused", "reviewed"]));
    assert_eq!(incident["agent_profile_name"], "rogue one");
    let incident = id(&incident);
    let path = format!("/incidents/{incident}/receipt");

    let first = s.ok_post(&path, &owner, json!({})).await;
    let again = s.ok_post(&path, &owner, json!({})).await;
    assert_eq!(first["receipt_id"], again["receipt_id"]);
    assert_eq!(first["share_token"], again["share_token"]);
    let together =
        futures::future::join_all((0..4).map(|_| s.post(&path, &owner, json!({})))).await;
    for (status, body) in together {
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["receipt_id"], first["receipt_id"]);
    }
    let public = s
        .ok_get(
            &format!("/share/{}", first["share_token"].as_str().unwrap()),
            &owner,
        )
        .await;
    assert_eq!(public["verified"], true);
    let payload = &public["payload"];
    assert_eq!(payload["schema"], "defendablecloud.incident-receipt/v1");
    assert_eq!(payload["incident"]["status"], "open");
    assert_eq!(payload["incident"]["kind"], "rogue");
    assert_eq!(payload["incident"]["id"], incident.as_str());
    assert_eq!(payload["run_id"], run.as_str());
    assert_eq!(payload["agent_profile"]["name"], "rogue one");
    // The page and the PDF show the incident.
    let token = first["share_token"].as_str().unwrap();
    let page = s
        .http
        .get(s.url(&format!("/r/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains("<section id=\"incident\">"), "{page}");
    assert!(page.contains("went off script"));
    assert!(page.contains("rogue one"));
    let pdf = s
        .http
        .get(s.url(&format!("/share/{token}/pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), StatusCode::OK);
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));

    // A new state gets a new receipt, once.
    let (status, _) = s
        .call(
            Method::PATCH,
            &format!("/incidents/{incident}"),
            Some(&owner),
            Some(json!({"status": "resolved"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let resolved = s.ok_post(&path, &owner, json!({})).await;
    assert_ne!(resolved["receipt_id"], first["receipt_id"]);
    assert_eq!(
        resolved["org_seq"].as_i64().unwrap(),
        first["org_seq"].as_i64().unwrap() + 1
    );
    assert_eq!(
        s.ok_post(&path, &owner, json!({})).await["receipt_id"],
        resolved["receipt_id"]
    );
    let public = s
        .ok_get(
            &format!("/share/{}", resolved["share_token"].as_str().unwrap()),
            &owner,
        )
        .await;
    assert_eq!(public["payload"]["incident"]["status"], "resolved");
    assert!(public["payload"]["incident"]["resolved_at"].is_string());
    let listed = s.ok_get("/incidents", &owner).await;
    assert_eq!(
        listed["incidents"][0]["share_token"],
        resolved["share_token"]
    );

    // Resolving twice changes nothing and mints nothing new.
    let (status, _) = s
        .call(
            Method::PATCH,
            &format!("/incidents/{incident}"),
            Some(&owner),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        s.ok_post(&path, &owner, json!({})).await["receipt_id"],
        resolved["receipt_id"]
    );

    let verify = s.ok_get("/ledger/verify", &owner).await;
    assert_eq!(verify["ok"], true, "{verify}");
    assert_eq!(verify["receipts_checked"], 2);
    assert_eq!(verify["error_count"], 0);
    // Two receipts minted, two counted; the repeated asks counted nothing.
    let text = s.scrape().await;
    assert_eq!(
        metric(
            &text,
            r#"defendable_receipts_minted_total{kind="incident"}"#
        ),
        2.0,
        "{text}"
    );
}
on_both_backends!(incident_receipts_once_per_state, incident_receipts);

async fn tenancy_paging_and_bad_input(s: &TestServer) {
    let a = s.sign_in("owner", "tenant-a.example").await;
    let b = s.sign_in("owner", "tenant-b.example").await;
    let proj_a = project(s, &a).await;
    let proj_b = project(s, &b).await;
    let pa = profile(s, &a, "a's agent").await;
    let run_a = id(&s
        .ok_post(
            "/runs",
            &a,
            json!({"project_id": proj_a, "lane": "other", "title": "a"}),
        )
        .await);
    let inc_a = id(&s
        .ok_post("/incidents", &a, json!({"title": "a's incident"}))
        .await);

    let not_found = |(status, body): (StatusCode, Value)| {
        assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
        assert!(body["detail"].is_string());
    };
    not_found(s.get(&format!("/agent-profiles/{pa}"), &b).await);
    not_found(
        s.post(&format!("/agent-profiles/{pa}/watchdog"), &b, json!({}))
            .await,
    );
    not_found(
        s.post(
            "/runs",
            &b,
            json!({"project_id": proj_b, "lane": "other", "title": "b", "agent_profile_id": pa}),
        )
        .await,
    );
    not_found(
        s.post(
            "/incidents",
            &b,
            json!({"title": "x", "agent_profile_id": pa}),
        )
        .await,
    );
    not_found(
        s.post("/incidents", &b, json!({"title": "x", "run_id": run_a}))
            .await,
    );
    not_found(
        s.call(
            Method::PATCH,
            &format!("/incidents/{inc_a}"),
            Some(&b),
            Some(json!({})),
        )
        .await,
    );
    not_found(
        s.post(&format!("/incidents/{inc_a}/receipt"), &b, json!({}))
            .await,
    );
    let seen = s
        .ok_get(&format!("/incidents?agent_profile_id={pa}"), &b)
        .await;
    assert_eq!(seen["incidents"], json!([]));
    assert_eq!(
        s.ok_get("/agent-profiles", &b).await["agent_profiles"],
        json!([])
    );
    not_found(s.get("/agent-profiles/nope", &a).await);

    // Paging: newest first, a cursor to the next page, none after the last.
    for n in 0..3 {
        profile(s, &a, &format!("extra {n}")).await;
        s.ok_post("/incidents", &a, json!({"title": format!("extra {n}")}))
            .await;
    }
    for (path, key, total) in [
        ("/agent-profiles", "agent_profiles", 4),
        ("/incidents", "incidents", 4),
    ] {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let url = match &cursor {
                Some(c) => format!("{path}?limit=3&cursor={c}"),
                None => format!("{path}?limit=3"),
            };
            let page = s.ok_get(&url, &a).await;
            let rows = page[key].as_array().unwrap();
            assert!(rows.len() <= 3);
            seen.extend(rows.iter().map(id));
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => break,
            }
        }
        assert_eq!(seen.len(), total, "{path}: {seen:?}");
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), total);
        for bad in ["limit=0", "limit=1000", "cursor=garbage"] {
            let (status, body) = s.get(&format!("{path}?{bad}"), &a).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{path}?{bad}: {body}");
        }
    }
    let newest = s.ok_get("/agent-profiles?limit=1", &a).await;
    assert_eq!(newest["agent_profiles"][0]["name"], "extra 2");

    // Bad input is a 400 with a detail, and nothing is stored.
    let long = "x".repeat(121);
    for body in [
        json!({"name": ""}),
        json!({"name": long}),
        json!({"name": "nul\u{0}"}),
        json!({"name": "n", "context_window": 0}),
        json!({"name": "n", "capability_tier": "huge"}),
        json!({"name": "n", "governance": {"spend_cap_usd": -1}}),
        json!({"name": "n", "tools": [""]}),
    ] {
        let (status, answer) = s.post("/agent-profiles", &a, body.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {answer}");
        assert!(answer["detail"].is_string());
    }
    for body in [
        json!({"title": ""}),
        json!({"title": "t", "kind": "single_flag"}),
        json!({"title": "t", "tier": "extreme"}),
        json!({"title": "t", "detail": "d".repeat(4001)}),
    ] {
        let (status, answer) = s.post("/incidents", &a, body.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {answer}");
    }
    let (status, _) = s
        .call(
            Method::PATCH,
            &format!("/incidents/{inc_a}"),
            Some(&a),
            Some(json!({"status": "whatever"})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        s.ok_get("/agent-profiles?limit=100", &a).await["agent_profiles"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
}
on_both_backends!(
    cross_org_references_paging_and_bad_input,
    tenancy_paging_and_bad_input
);

async fn stack_planner(s: &TestServer) {
    let owner = s.sign_in("owner", "stack.example").await;
    let options = s.ok_get("/stack-planner/options", &owner).await;
    assert_eq!(options["task_classes"].as_array().unwrap().len(), 11);
    assert_eq!(options["model_tiers"].as_array().unwrap().len(), 4);
    assert_eq!(options["compute_tiers"].as_array().unwrap().len(), 4);
    let arbitration = options["task_classes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["key"] == "arbitration")
        .unwrap()
        .clone();
    assert_eq!(arbitration["min_model"], "anchor");

    // Client-facing work that needs anchor stays anchor and is not blocked.
    let plan = s
        .ok_post(
            "/stack-assessment",
            &owner,
            json!({"jobs": ["arbitration", "synthesis_memo"], "client_facing": true}),
        )
        .await;
    assert_eq!(plan["required_model"], "anchor");
    assert_eq!(plan["recommended_model"], "anchor");
    assert_eq!(plan["recommended_compute"], "hosted_multi");
    assert_eq!(plan["deployment"], "cloud");
    assert_eq!(plan["blocked_lanes"], json!([]));
    assert_eq!(plan["human_approval_required"], true);
    assert_eq!(plan["restricted_lanes"].as_array().unwrap().len(), 2);

    // Budget: caps the always-on upgrade, never undersizes the stack.
    let always_on = json!({"jobs": ["drafting"], "needs_24_7": true});
    let plan = s
        .ok_post("/stack-assessment", &owner, always_on.clone())
        .await;
    assert_eq!(plan["recommended_compute"], "hosted_gpu");
    assert_eq!(plan["within_budget"], true);
    let mut low = always_on.clone();
    low["budget"] = json!("low");
    let plan = s.ok_post("/stack-assessment", &owner, low).await;
    assert_eq!(plan["recommended_compute"], "owner_gpu");
    assert_eq!(plan["within_budget"], true);
    assert_eq!(plan["budget"], "low");
    let plan = s
        .ok_post(
            "/stack-assessment",
            &owner,
            json!({"jobs": ["deep_research"], "budget": "low"}),
        )
        .await;
    assert_eq!(plan["recommended_compute"], "hosted_gpu");
    assert_eq!(plan["recommended_model"], "senior");
    assert_eq!(plan["within_budget"], false);
    assert!(plan["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r.as_str().unwrap().contains("budget")));

    // Mixed jobs are hybrid; edge-only local work stays on owned hardware.
    let plan = s
        .ok_post(
            "/stack-assessment",
            &owner,
            json!({"jobs": ["intake", "drafting"], "preference": "cloud"}),
        )
        .await;
    assert_eq!(plan["deployment"], "hybrid");
    assert!(plan["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r.as_str().unwrap().contains("preferred cloud")));
    let plan = s
        .ok_post(
            "/stack-assessment",
            &owner,
            json!({"jobs": ["intake"], "data_local_only": true}),
        )
        .await;
    assert_eq!(plan["deployment"], "owner");
    assert_eq!(plan["owner_fit"], "strong");

    for body in [
        json!({"jobs": []}),
        json!({"jobs": ["intake", "juggling"]}),
        json!({}),
        json!({"jobs": ["intake"], "budget": "infinite"}),
    ] {
        let (status, answer) = s.post("/stack-assessment", &owner, body.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {answer}");
        assert!(answer["detail"].is_string(), "{answer}");
    }
    let (_, answer) = s
        .post("/stack-assessment", &owner, json!({"jobs": []}))
        .await;
    assert_eq!(answer["detail"], "pick at least one job");
}
on_both_backends!(stack_planner_answers, stack_planner);
