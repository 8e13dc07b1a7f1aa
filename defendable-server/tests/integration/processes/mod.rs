//! Test harness for whole server processes: runs the built `defendable-server`
//! binary on a free loopback port, waits until it answers, and kills it
//! (gracefully or with SIGKILL). Also prepares approved runs to mint.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{json, Value};

/// A `defendable-server` process.
pub struct ServerProcess {
    pub base: String,
    pub port: u16,
    child: Child,
    /// Where the process's stderr goes.
    pub log: PathBuf,
}

/// How to start a server process.
pub struct Launch<'a> {
    pub data_dir: &'a Path,
    /// Where the process's stderr is kept.
    pub log_dir: &'a Path,
    pub port: u16,
    pub env: &'a [(&'a str, &'a str)],
    /// The process's descriptor limit (`ulimit -n`), if lowered.
    pub open_files: Option<u64>,
}

/// A free loopback port (bound, then released).
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

impl ServerProcess {
    /// Starts the binary with `--data-dir`, on `port`, with extra environment
    /// variables, and waits (up to 60 s) for `/healthz`.
    pub async fn start(data_dir: &Path, port: u16, env: &[(&str, &str)]) -> ServerProcess {
        Self::launch(Launch {
            data_dir,
            log_dir: data_dir,
            port,
            env,
            open_files: None,
        })
        .await
    }

    /// Starts the binary as `launch` says, and waits (up to 60 s) for `/healthz`.
    pub async fn launch(launch: Launch<'_>) -> ServerProcess {
        let port = launch.port;
        let log = launch
            .log_dir
            .join(format!("server-{port}-{}.log", rand_suffix()));
        let stderr = std::fs::File::create(&log).unwrap();
        let binary = env!("CARGO_BIN_EXE_defendable-server");
        let mut command = match launch.open_files {
            // The shell lowers its descriptor limit, then becomes the server.
            Some(limit) => {
                let mut c = Command::new("sh");
                c.arg("-c")
                    .arg(format!("ulimit -n {limit} && exec \"$0\" \"$@\""))
                    .arg(binary);
                c
            }
            None => Command::new(binary),
        };
        command
            .arg("serve")
            .arg("--listen")
            .arg(format!("127.0.0.1:{port}"))
            .arg("--data-dir")
            .arg(launch.data_dir)
            .env_remove("DATABASE_URL")
            .env_remove("LOG_FORMAT")
            .env_remove("METRICS_TOKEN")
            .env_remove("NO_COLOR")
            .stdout(Stdio::null())
            .stderr(stderr);
        for (key, value) in launch.env {
            command.env(key, value);
        }
        let child = command.spawn().expect("start defendable-server");
        let mut server = ServerProcess {
            base: format!("http://127.0.0.1:{port}"),
            port,
            child,
            log,
        };
        server.wait_ready().await;
        server
    }

    async fn wait_ready(&mut self) {
        let http = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("server exited with {status}: {}", self.log_text());
            }
            if let Ok(resp) = http.get(format!("{}/healthz", self.base)).send().await {
                if resp.status() == StatusCode::OK {
                    return;
                }
            }
            assert!(
                Instant::now() < deadline,
                "server did not start: {}",
                self.log_text()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A `/proc/<pid>/status` figure in KiB (`VmRSS`, `VmHWM`), Linux only.
    pub fn memory_kib(&self, field: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    /// How many descriptors the process has open (Linux only).
    pub fn open_descriptors(&self) -> Option<usize> {
        std::fs::read_dir(format!("/proc/{}/fd", self.pid()))
            .ok()
            .map(|d| d.count())
    }

    /// The process's stderr so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGKILL: no shutdown code runs.
    pub fn kill_hard(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGINT, then waits for the process to exit (SIGKILL after 15 s).
    pub fn stop(&mut self) {
        let _ = Command::new("kill")
            .arg("-INT")
            .arg(self.child.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.kill_hard();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill_hard();
    }
}

fn rand_suffix() -> u64 {
    use std::time::SystemTime;
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64
}

/// A small JSON client for a server process.
#[derive(Clone)]
pub struct Api {
    pub base: String,
    pub http: reqwest::Client,
}

impl Api {
    pub fn new(base: &str) -> Api {
        Api {
            base: base.to_string(),
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(120))
                .build()
                .unwrap(),
        }
    }

    /// Sends a JSON request; the status and the parsed body (Null if not JSON).
    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Result<(StatusCode, Value), reqwest::Error> {
        let mut req = self.http.request(method, format!("{}{path}", self.base));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await?;
        let status = resp.status();
        let text = resp.text().await?;
        Ok((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
    }

    pub async fn ok(&self, method: reqwest::Method, path: &str, token: &str, body: Value) -> Value {
        let body = (method != reqwest::Method::GET).then_some(body);
        let (status, value) = self.call(method, path, Some(token), body).await.unwrap();
        assert_eq!(status, StatusCode::OK, "{path}: {value}");
        value
    }

    /// Signs `local@domain` in through the development magic link; the JWT.
    pub async fn sign_in(&self, local: &str, domain: &str) -> String {
        let email = format!("{local}{}{domain}", '@');
        let (s, v) = self
            .call(
                reqwest::Method::POST,
                "/auth/request",
                None,
                Some(json!({ "email": email })),
            )
            .await
            .unwrap();
        assert_eq!(s, StatusCode::OK, "{v}");
        let link = v["dev_link"].as_str().expect("dev_link in development");
        let token = link.split("token=").nth(1).unwrap().to_string();
        let (s, v) = self
            .call(
                reqwest::Method::POST,
                "/auth/verify",
                None,
                Some(json!({ "token": token })),
            )
            .await
            .unwrap();
        assert_eq!(s, StatusCode::OK, "{v}");
        v["access_token"].as_str().unwrap().to_string()
    }

    /// Creates `count` runs with evidence, checks and an approval, ready to
    /// mint; returns their ids. `parallel` requests at a time.
    pub async fn approved_runs(&self, token: &str, count: usize, parallel: usize) -> Vec<String> {
        use futures::StreamExt as _;
        let project = self
            .ok(
                reqwest::Method::POST,
                "/projects",
                token,
                json!({"name": "load"}),
            )
            .await;
        let project = project["id"].as_str().unwrap().to_string();
        futures::stream::iter(0..count)
            .map(|i| {
                let project = project.clone();
                async move {
                    let run = self
                        .ok(
                            reqwest::Method::POST,
                            "/runs",
                            token,
                            json!({"project_id": project, "lane": "other", "title": format!("run {i}")}),
                        )
                        .await;
                    let id = run["id"].as_str().unwrap().to_string();
                    self.ok(
                        reqwest::Method::POST,
                        &format!("/runs/{id}/evidence"),
                        token,
                        json!({"label": "note", "content": format!("note {i}")}),
                    )
                    .await;
                    self.ok(
                        reqwest::Method::POST,
                        &format!("/runs/{id}/checks"),
                        token,
                        json!({}),
                    )
                    .await;
                    self.ok(
                        reqwest::Method::POST,
                        &format!("/runs/{id}/approve"),
                        token,
                        json!({"decision": "approved"}),
                    )
                    .await;
                    id
                }
            })
            .buffer_unordered(parallel)
            .collect()
            .await
    }
}

/// Checks a ledger: `count` entries, seq 0..count, each linked to the one
/// before, no duplicate receipt id, and `/ledger/verify` ok.
pub async fn assert_chain_whole(api: &Api, token: &str, count: usize) {
    let ledger = api
        .ok(
            reqwest::Method::GET,
            "/ledger?limit=1000",
            token,
            Value::Null,
        )
        .await;
    let mut entries = ledger["entries"].as_array().unwrap().clone();
    entries.sort_by_key(|e| e["org_seq"].as_i64().unwrap());
    let seqs: Vec<i64> = entries
        .iter()
        .map(|e| e["org_seq"].as_i64().unwrap())
        .collect();
    assert_eq!(
        seqs,
        (0..count as i64).collect::<Vec<_>>(),
        "no gap, no duplicate"
    );
    assert_eq!(entries[0]["parent_hash"], json!("0".repeat(64)));
    for pair in entries.windows(2) {
        assert_eq!(pair[1]["parent_hash"], pair[0]["receipt_sha256"], "no fork");
    }
    let mut ids: Vec<&str> = entries
        .iter()
        .map(|e| e["receipt_id"].as_str().unwrap())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count);
    let verify = api
        .ok(reqwest::Method::GET, "/ledger/verify", token, Value::Null)
        .await;
    assert_eq!(verify["ok"], json!(true), "{verify}");
    assert_eq!(verify["receipts_checked"], json!(count));
}
