//! Test harness: a real server on a free loopback port, over SQLite in a temp
//! directory or over a fresh PostgreSQL database, and a small HTTP client.

#![allow(dead_code)]

use std::net::SocketAddr;

pub mod pdf;
pub mod smtp;
pub mod stripe;

use clap::Parser;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use defendable_server::config::{Config, ServeArgs};

/// The environment variable naming a PostgreSQL server for the tests
/// (e.g. `postgres://postgres@127.0.0.1:5432/postgres`); each test gets its own database.
pub const PG_ENV: &str = "DEFENDABLE_TEST_POSTGRES_URL";

/// Why a PostgreSQL test that was asked to run (`--include-ignored`, or the variable set
/// at build time) cannot: it must fail, never pass without having run.
pub const PG_MISSING: &str =
    "this test needs PostgreSQL: set DEFENDABLE_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Parser)]
struct Args {
    #[command(flatten)]
    serve: ServeArgs,
}

pub struct TestServer {
    pub base: String,
    pub addr: SocketAddr,
    pub http: reqwest::Client,
    pub data_dir: tempfile::TempDir,
    server: Option<defendable_server::Server>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            // Closing needs the runtime; dropping the handle stops accepting.
            drop(server);
        }
    }
}

/// A seat number no other test organisation holds.
fn rand_seat() -> i64 {
    use std::sync::atomic::{AtomicI64, Ordering};
    static NEXT: AtomicI64 = AtomicI64::new(1_000_000);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Creates a fresh PostgreSQL database and returns its URL, or None when the
/// tests are not configured for PostgreSQL.
pub async fn fresh_postgres() -> Option<String> {
    let admin = std::env::var(PG_ENV).ok().filter(|v| !v.is_empty())?;
    sqlx::any::install_default_drivers();
    let name = format!("defendable_test_{}", defendable_server::ids::new_id());
    let pool = sqlx::AnyPool::connect(&admin)
        .await
        .expect("connect to the PostgreSQL admin URL");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&pool)
        .await
        .expect("create a test database");
    pool.close().await;
    let (base, _) = admin.rsplit_once('/').expect("admin URL has a database");
    Some(format!("{base}/{name}"))
}

/// The value of the sample whose name and labels are exactly `series` in a
/// `/metrics` text (0 if absent).
pub fn metric(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
        .unwrap_or(0.0)
}

impl TestServer {
    /// Starts a server on the given backend; None when PostgreSQL is not configured.
    pub async fn start(backend: Backend) -> Option<TestServer> {
        Self::start_on(backend, &[]).await
    }

    /// Like `start`, with extra server flags.
    pub async fn start_on(backend: Backend, extra: &[&str]) -> Option<TestServer> {
        let database_url = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => Some(fresh_postgres().await?),
        };
        Some(Self::start_with(database_url, extra).await)
    }

    pub async fn start_with(database_url: Option<String>, extra: &[&str]) -> TestServer {
        let data_dir = tempfile::tempdir().unwrap();
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let listen = format!("127.0.0.1:{port}");
        let mut argv = vec![
            "x".to_string(),
            "--listen".into(),
            listen.clone(),
            "--data-dir".into(),
            data_dir.path().display().to_string(),
        ];
        if let Some(url) = database_url {
            argv.push("--database-url".into());
            argv.push(url);
        }
        argv.extend(extra.iter().map(|s| s.to_string()));
        let args = Args::parse_from(argv);
        let config = Config::resolve(args.serve).unwrap();
        let server = defendable_server::start(config).await.unwrap();
        let addr = server.local_addr();
        TestServer {
            base: format!("http://{addr}"),
            addr,
            http: reqwest::Client::new(),
            data_dir,
            server: Some(server),
        }
    }

    /// `/metrics` as text (asked from loopback, which needs no token).
    pub async fn scrape(&self) -> String {
        let resp = self.http.get(self.url("/metrics")).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert!(resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4"));
        resp.text().await.unwrap()
    }

    /// The running server's shared state.
    pub fn context(&self) -> &defendable_server::context::AppContext {
        self.server.as_ref().expect("running").app_private()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Sends a JSON request; returns the status and the parsed body (Null if empty or not JSON).
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self.http.request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let text = resp.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    pub async fn get(&self, path: &str, token: &str) -> (StatusCode, Value) {
        self.call(Method::GET, path, Some(token), None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::POST, path, Some(token), Some(body)).await
    }

    /// Like `get`, asserting 200.
    pub async fn ok_get(&self, path: &str, token: &str) -> Value {
        let (s, v) = self.get(path, token).await;
        assert_eq!(s, StatusCode::OK, "GET {path}: {v}");
        v
    }

    /// Like `post`, asserting 200.
    pub async fn ok_post(&self, path: &str, token: &str, body: Value) -> Value {
        let (s, v) = self.post(path, token, body).await;
        assert_eq!(s, StatusCode::OK, "POST {path}: {v}");
        v
    }

    /// A run without a flight sheet in `project`, checked, approved and receipted;
    /// returns the receipt.
    pub async fn mint_receipt(&self, token: &str, project: &str, title: &str) -> Value {
        let run = self
            .ok_post(
                "/runs",
                token,
                json!({"project_id": project, "lane": "other", "title": title}),
            )
            .await;
        let id = run["id"].as_str().unwrap();
        self.ok_post(&format!("/runs/{id}/checks"), token, json!({}))
            .await;
        self.ok_post(
            &format!("/runs/{id}/approve"),
            token,
            json!({"decision": "approved"}),
        )
        .await;
        self.ok_post(&format!("/runs/{id}/receipt"), token, json!({}))
            .await
    }

    /// Makes the organisation of `token` an active member for a year, straight in
    /// the database (for tests of members-only routes; the paid path is tested in
    /// tests/membership.rs).
    pub async fn make_member(&self, token: &str) {
        let org = self.ok_get("/org", token).await;
        let seat: i64 = rand_seat();
        sqlx::query(
            "UPDATE orgs SET membership_status = 'active', seat_number = $1, \
             membership_activated_at = $2, membership_renewal_at = $3 WHERE id = $4",
        )
        .bind(seat)
        .bind("2026-01-01T00:00:00.000000Z")
        .bind("2999-01-01T00:00:00.000000Z")
        .bind(org["id"].as_str().unwrap())
        .execute(&self.context().db.pool)
        .await
        .unwrap();
    }

    /// Stores `bytes` in the server's blob store under `key` (as an operator's
    /// stager would).
    pub async fn put_blob(&self, key: &str, bytes: Vec<u8>) {
        let chunk: Result<bytes::Bytes, std::io::Error> = Ok(bytes::Bytes::from(bytes));
        let blobs = &self.context().blobs;
        let staged = blobs
            .stage(futures::stream::iter([chunk]), u64::MAX)
            .await
            .unwrap();
        blobs.commit(&staged, key).await.unwrap();
    }

    /// Signs `local@domain` in through the magic link and returns the JWT.
    pub async fn sign_in(&self, local: &str, domain: &str) -> String {
        let email = format!("{local}{}{domain}", '@');
        let (s, v) = self
            .call(
                Method::POST,
                "/auth/request",
                None,
                Some(json!({"email": email})),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let link = v["dev_link"].as_str().expect("dev_link in development");
        let token = link.split("token=").nth(1).unwrap().to_string();
        let (s, v) = self
            .call(
                Method::POST,
                "/auth/verify",
                None,
                Some(json!({"token": token})),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v["access_token"].as_str().unwrap().to_string()
    }
}

/// Runs one async test body against SQLite, and against PostgreSQL when configured.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, $body:path) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                let server = $crate::common::TestServer::start($crate::common::Backend::Sqlite)
                    .await
                    .unwrap();
                $body(&server).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            #[cfg_attr(
                not(defendable_test_postgres),
                ignore = "set DEFENDABLE_TEST_POSTGRES_URL to run against PostgreSQL"
            )]
            async fn postgres() {
                let server = $crate::common::TestServer::start($crate::common::Backend::Postgres)
                    .await
                    .expect($crate::common::PG_MISSING);
                $body(&server).await;
            }
        }
    };
}

/// Like `on_both_backends!`, with extra server flags.
#[macro_export]
macro_rules! on_both_backends_with {
    ($name:ident, $body:path, $flags:expr) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                let server =
                    $crate::common::TestServer::start_on($crate::common::Backend::Sqlite, $flags)
                        .await
                        .unwrap();
                $body(&server).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            #[cfg_attr(
                not(defendable_test_postgres),
                ignore = "set DEFENDABLE_TEST_POSTGRES_URL to run against PostgreSQL"
            )]
            async fn postgres() {
                let server =
                    $crate::common::TestServer::start_on($crate::common::Backend::Postgres, $flags)
                        .await
                        .expect($crate::common::PG_MISSING);
                $body(&server).await;
            }
        }
    };
}
