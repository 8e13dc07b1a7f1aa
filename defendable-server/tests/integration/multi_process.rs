//! Two real `defendable-server` processes on one PostgreSQL database behave as
//! one service: 200 receipt mints for one organisation from 32 concurrent
//! clients split across both all succeed, and the chain has no gap, fork or
//! duplicate; a rate limit holds for both together. Runs when
//! `DEFENDABLE_TEST_POSTGRES_URL` is set.

use crate::common;
use crate::processes;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use processes::{assert_chain_whole, free_port, Api, ServerProcess};

const MINTS: usize = 200;
const CLIENTS: usize = 32;

/// The settings every process of one deployment shares.
pub fn shared_env(database_url: &str) -> Vec<(&'static str, String)> {
    let signer = defendable_contract::note::Signer::from_seed("load.example", [7u8; 32]).unwrap();
    vec![
        ("DATABASE_URL", database_url.to_string()),
        (
            "JWT_SECRET",
            "a-shared-jwt-secret-for-two-processes-0123456789".into(),
        ),
        ("DEFENDABLE_SIGNING_KEY", signer.to_string()),
        ("RATE_LIMIT_MINT_PER_ORG", "100000".into()),
    ]
}

fn minted(metrics: &str) -> u64 {
    metrics
        .lines()
        .find(|l| l.starts_with("defendable_receipts_minted_total{kind=\"run\"}"))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[cfg_attr(
    not(defendable_test_postgres),
    ignore = "set DEFENDABLE_TEST_POSTGRES_URL to run against PostgreSQL"
)]
async fn two_processes_mint_one_whole_chain() {
    let database_url = common::fresh_postgres().await.expect(common::PG_MISSING);
    let env = shared_env(&database_url);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // Both start at once: migrations and start-up writes must not race.
    let (a, b) = tokio::join!(
        ServerProcess::start(dir_a.path(), free_port(), &env),
        ServerProcess::start(dir_b.path(), free_port(), &env),
    );
    let apis = [Api::new(&a.base), Api::new(&b.base)];

    // A session from one process is good on the other.
    let token = apis[0].sign_in("ops", "replicas.example").await;
    let me = apis[1]
        .ok(Method::GET, "/auth/me", &token, Value::Null)
        .await;
    assert!(me["email"].as_str().unwrap().starts_with("ops"), "{me}");

    let half = MINTS / 2;
    let (mut runs, more) = tokio::join!(
        apis[0].approved_runs(&token, half, 8),
        apis[1].approved_runs(&token, MINTS - half, 8),
    );
    runs.extend(more);
    assert_eq!(runs.len(), MINTS);

    // 32 clients, each on one of the two processes, each minting its share in turn.
    let clients = (0..CLIENTS).map(|client| {
        let api = apis[client % 2].clone();
        let mine: Vec<String> = runs.iter().skip(client).step_by(CLIENTS).cloned().collect();
        let token = token.clone();
        async move {
            let mut out = Vec::new();
            for run in mine {
                let (status, body) = api
                    .call(
                        Method::POST,
                        &format!("/runs/{run}/receipt"),
                        Some(&token),
                        Some(json!({})),
                    )
                    .await
                    .expect("the request completes");
                out.push((status, body));
            }
            out
        }
    });
    let results: Vec<(StatusCode, Value)> = futures::future::join_all(clients)
        .await
        .into_iter()
        .flatten()
        .collect();
    assert_eq!(results.len(), MINTS);
    let mut seqs: Vec<i64> = results
        .iter()
        .map(|(status, body)| {
            assert_eq!(*status, StatusCode::OK, "every mint succeeds: {body}");
            body["org_seq"].as_i64().unwrap()
        })
        .collect();
    seqs.sort();
    assert_eq!(seqs, (0..MINTS as i64).collect::<Vec<_>>());

    assert_chain_whole(&apis[0], &token, MINTS).await;
    assert_chain_whole(&apis[1], &token, MINTS).await;

    // Both processes did real work, and together minted exactly once per run.
    let mut total = 0;
    for api in &apis {
        let text = api
            .http
            .get(format!("{}/metrics", api.base))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let n = minted(&text);
        assert!(n > 0, "each process minted some receipts: {text}");
        total += n;
    }
    assert_eq!(total, MINTS as u64);
}

/// Shared limits count in whole minutes: waits for the next minute when fewer
/// than `60 - latest` seconds are left of this one.
async fn within_one_window(latest: i64) {
    let second = chrono::Utc::now().timestamp() % 60;
    if second > latest {
        tokio::time::sleep(std::time::Duration::from_secs((61 - second) as u64)).await;
    }
}

/// Sends `path` with `body` to the two processes in turn, `n` times; the statuses.
async fn alternate(
    apis: &[Api; 2],
    n: usize,
    path: impl Fn(usize) -> String,
    token: Option<&str>,
    body: Value,
) -> Vec<StatusCode> {
    let mut statuses = Vec::new();
    for i in 0..n {
        let (status, answer) = apis[i % 2]
            .call(Method::POST, &path(i), token, Some(body.clone()))
            .await
            .unwrap();
        if status == StatusCode::TOO_MANY_REQUESTS {
            assert!(answer["detail"].is_string(), "{answer}");
        }
        statuses.push(status);
    }
    statuses
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[cfg_attr(
    not(defendable_test_postgres),
    ignore = "set DEFENDABLE_TEST_POSTGRES_URL to run against PostgreSQL"
)]
async fn two_processes_share_verify_invite_and_mint_limits() {
    let database_url = common::fresh_postgres().await.expect(common::PG_MISSING);
    let mut env = shared_env(&database_url);
    env.retain(|(k, _)| *k != "RATE_LIMIT_MINT_PER_ORG");
    env.push(("RATE_LIMIT_VERIFY_PER_ADDRESS", "3".into()));
    env.push(("RATE_LIMIT_MINT_PER_ORG", "3".into()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a, b) = tokio::join!(
        ServerProcess::start(dir_a.path(), free_port(), &env),
        ServerProcess::start(dir_b.path(), free_port(), &env),
    );
    let apis = [Api::new(&a.base), Api::new(&b.base)];
    within_one_window(30).await;

    // One sign-in uses one of the 3 token exchanges of this address.
    let token = apis[0].sign_in("ops", "shared-limits.example").await;
    let runs = apis[0].approved_runs(&token, 4, 2).await;
    let body = json!({"token": "not-a-real-token"});
    let verify = alternate(&apis, 4, |_| "/auth/verify".into(), None, body.clone()).await;
    use StatusCode as S;
    let refused = [S::TOO_MANY_REQUESTS, S::TOO_MANY_REQUESTS];
    assert_eq!(
        verify,
        [[S::UNAUTHORIZED, S::UNAUTHORIZED], refused].concat()
    );
    let accept = alternate(&apis, 5, |_| "/auth/accept-invite".into(), None, body).await;
    assert_eq!(
        accept,
        [vec![S::UNAUTHORIZED; 3], refused.to_vec()].concat()
    );
    let mints = alternate(
        &apis,
        4,
        |i| format!("/runs/{}/receipt", runs[i]),
        Some(&token),
        json!({}),
    )
    .await;
    assert_eq!(mints, [S::OK, S::OK, S::OK, S::TOO_MANY_REQUESTS]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[cfg_attr(
    not(defendable_test_postgres),
    ignore = "set DEFENDABLE_TEST_POSTGRES_URL to run against PostgreSQL"
)]
async fn two_processes_share_one_sign_in_limit() {
    let database_url = common::fresh_postgres().await.expect(common::PG_MISSING);
    let mut env = shared_env(&database_url);
    env.push(("RATE_LIMIT_AUTH_PER_EMAIL", "5".into()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a, b) = tokio::join!(
        ServerProcess::start(dir_a.path(), free_port(), &env),
        ServerProcess::start(dir_b.path(), free_port(), &env),
    );
    let apis = [Api::new(&a.base), Api::new(&b.base)];

    // Windows are whole minutes: keep the ten requests inside one.
    within_one_window(45).await;
    let email = format!("limited{}shared-limit.example", '@');
    let mut allowed = 0;
    for i in 0..10 {
        let api = &apis[i % 2];
        let resp = api
            .http
            .post(format!("{}/auth/request", api.base))
            .json(&json!({ "email": email }))
            .send()
            .await
            .unwrap();
        match resp.status() {
            StatusCode::OK => allowed += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                let wait: u64 = resp.headers()["retry-after"]
                    .to_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!((1..=60).contains(&wait), "Retry-After {wait}");
                let body: Value = resp.json().await.unwrap();
                assert!(body["detail"].as_str().unwrap().contains("email"), "{body}");
            }
            other => panic!("unexpected {other}: {}", resp.text().await.unwrap()),
        }
    }
    assert_eq!(
        allowed, 5,
        "the limit of 5 holds for both processes together"
    );
}
