//! The benchmark program behind `scripts/bench` (run by hand on a release
//! build, never in CI). Every figure is measured next to a baseline taken in
//! the same run on the same machine, and reported as a ratio:
//!
//! - receipt mints per second (32 concurrent clients) against the raw
//!   durable-commit rate of the same database (SQLite, and PostgreSQL when
//!   `--postgres` is given), through the server's own pool settings;
//! - `GET /share/{token}` requests per second and p99 at 64 connections against
//!   a minimal dropshot handler returning a fixed JSON body;
//! - offline verification of a 1,000,000-receipt chain against `sha256sum`
//!   over the same canonical bytes;
//! - a 25 MB evidence upload: the server's peak memory growth, and its
//!   throughput against a raw loopback transfer of the same bytes;
//! - wall time of `defendable --version` and of an offline `verify` of a proof file;
//! - full run lifecycles (create run, evidence, submission, audit, grade,
//!   findings, approve, receipt) per second at 1, 8 and 32 clients, with p50 and
//!   p99 latency, against their limit: the raw durable-commit rate of the same
//!   database divided by the write transactions one lifecycle takes.
//!
//! `bench run --server BIN --cli BIN [--postgres ADMIN_URL] [--only SECTION]` prints a
//! Markdown report; `--only` measures one section (`mints`, `lifecycle`, `share`,
//! `upload`, `chain` or `cli`). `bench baseline-server PORT` is the baseline handler (a process of its own).

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use dropshot::{
    endpoint, ApiDescription, ConfigDropshot, ConfigLogging, ConfigLoggingLevel, HttpError,
    HttpResponseOk, RequestContext, ServerBuilder,
};
use futures::StreamExt as _;
use serde_json::{json, Value};

use defendable_contract::api::SharePath;
use defendable_contract::canonical::{sha256_hex, to_canonical_vec};
use defendable_contract::receipt::{verify_chain, ChainEntry, ZERO_HASH};

const MINT_CLIENTS: usize = 32;
const MINTS: usize = 600;
const SHARE_CONNECTIONS: usize = 64;
const SHARE_SECONDS: u64 = 8;
const COMMIT_SECONDS: u64 = 5;
const CHAIN_LENGTH: usize = 1_000_000;
const UPLOAD_BYTES: usize = 25 * 1024 * 1024;
/// Client counts of the lifecycle section.
const LIFECYCLE_CLIENTS: [usize; 3] = [1, 8, 32];
/// How long each lifecycle load runs.
const LIFECYCLE_SECONDS: u64 = 6;

// ---------------------------------------------------------------- baseline

#[endpoint { method = GET, path = "/share/{token}" }]
async fn fixed_share(
    _rqctx: RequestContext<()>,
    _path: dropshot::Path<SharePath>,
) -> Result<HttpResponseOk<Value>, HttpError> {
    Ok(HttpResponseOk(json!({
        "receipt_id": "DCR-000000-00000000",
        "verified": true,
        "payload": {"schema": "defendablecloud.receipt/v1", "org_seq": 0}
    })))
}

async fn baseline_server(port: u16) {
    let mut api = ApiDescription::new();
    api.register(fixed_share).unwrap();
    let log = ConfigLogging::StderrTerminal {
        level: ConfigLoggingLevel::Warn,
    }
    .to_logger("baseline")
    .unwrap();
    let config = ConfigDropshot {
        bind_address: ([127, 0, 0, 1], port).into(),
        ..Default::default()
    };
    let server = ServerBuilder::new(api, (), log)
        .config(config)
        .start()
        .unwrap();
    server.await.unwrap();
}

// ---------------------------------------------------------------- processes

struct Process {
    child: Child,
    base: String,
}

impl Process {
    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn status_kib(&self, field: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap()
    }

    /// Resets the peak resident size (`VmHWM`) to the current one.
    fn reset_peak(&self) {
        let _ = std::fs::write(format!("/proc/{}/clear_refs", self.pid()), "5");
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn wait_ready(url: &str) {
    let http = reqwest::Client::new();
    for _ in 0..600 {
        if let Ok(r) = http.get(url).send().await {
            if r.status().is_success() || r.status().is_client_error() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{url} did not come up");
}

async fn start_server(bin: &Path, data_dir: &Path, database_url: Option<&str>) -> Process {
    let port = free_port();
    let mut command = Command::new(bin);
    command
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--data-dir")
        .arg(data_dir)
        .env("RATE_LIMIT_MINT_PER_ORG", "0")
        .env("RATE_LIMIT_AUTH_PER_EMAIL", "0")
        .env("DEFENDABLE_LOG", "warn")
        .env_remove("DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(url) = database_url {
        command.env("DATABASE_URL", url);
    }
    let process = Process {
        child: command.spawn().expect("start the server"),
        base: format!("http://127.0.0.1:{port}"),
    };
    wait_ready(&format!("{}/healthz", process.base)).await;
    process
}

// ---------------------------------------------------------------- HTTP helpers

#[derive(Clone)]
struct Api {
    base: String,
    http: reqwest::Client,
    token: String,
}

impl Api {
    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut req = self
            .http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let value: Value = resp.json().await.unwrap_or(Value::Null);
        assert!(status.is_success(), "{path}: {status} {value}");
        value
    }

    async fn patch(&self, path: &str, body: Value) -> Value {
        self.call(reqwest::Method::PATCH, path, Some(body)).await
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        self.call(reqwest::Method::POST, path, Some(body)).await
    }

    async fn get(&self, path: &str) -> Value {
        self.call(reqwest::Method::GET, path, None).await
    }
}

async fn sign_in(base: &str, local: &str) -> Api {
    let http = reqwest::Client::new();
    let email = format!("{local}{}bench.example", '@');
    let v: Value = http
        .post(format!("{base}/auth/request"))
        .json(&json!({ "email": email }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let link = v["dev_link"].as_str().expect("development server");
    let token = link.split("token=").nth(1).unwrap();
    let v: Value = http
        .post(format!("{base}/auth/verify"))
        .json(&json!({ "token": token }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    Api {
        base: base.to_string(),
        http,
        token: v["access_token"].as_str().unwrap().to_string(),
    }
}

async fn approved_runs(api: &Api, count: usize) -> Vec<String> {
    let project = api.post("/projects", json!({"name": "bench"})).await;
    let project = project["id"].as_str().unwrap().to_string();
    futures::stream::iter(0..count)
        .map(|i| {
            let (api, project) = (api.clone(), project.clone());
            async move {
                let run = api
                    .post(
                        "/runs",
                        json!({"project_id": project, "lane": "other", "title": format!("bench {i}")}),
                    )
                    .await;
                let id = run["id"].as_str().unwrap().to_string();
                api.post(
                    &format!("/runs/{id}/evidence"),
                    json!({"label": "note", "content": "measured"}),
                )
                .await;
                api.post(&format!("/runs/{id}/checks"), json!({})).await;
                api.post(
                    &format!("/runs/{id}/approve"),
                    json!({"decision": "approved"}),
                )
                .await;
                id
            }
        })
        .buffer_unordered(16)
        .collect()
        .await
}

// ---------------------------------------------------------------- measurements

/// Raw durable commits per second: 32 tasks, each committing one-row
/// transactions, through a pool with the server's own settings.
async fn commit_rate(database_url: &str) -> f64 {
    let db = defendable_server::store::Db::connect(database_url)
        .await
        .unwrap();
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS bench_commits (id TEXT PRIMARY KEY, seq BIGINT NOT NULL, body TEXT NOT NULL)",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(COMMIT_SECONDS);
    let started = Instant::now();
    let tasks: Vec<_> = (0..MINT_CLIENTS)
        .map(|t| {
            let pool = db.pool.clone();
            tokio::spawn(async move {
                let mut n = 0u64;
                while Instant::now() < deadline {
                    let mut tx = pool.begin().await.unwrap();
                    sqlx::query("INSERT INTO bench_commits (id, seq, body) VALUES ($1, $2, $3)")
                        .bind(format!("{t}-{n}-{}", defendable_server::ids::hex8()))
                        .bind(n as i64)
                        .bind("x".repeat(512))
                        .execute(&mut *tx)
                        .await
                        .unwrap();
                    tx.commit().await.unwrap();
                    n += 1;
                }
                n
            })
        })
        .collect();
    let mut total = 0;
    for task in tasks {
        total += task.await.unwrap();
    }
    let rate = total as f64 / started.elapsed().as_secs_f64();
    sqlx::raw_sql("DROP TABLE bench_commits")
        .execute(&db.pool)
        .await
        .unwrap();
    db.pool.close().await;
    rate
}

/// Receipt mints per second with 32 clients (the runs are prepared first).
async fn mint_rate(api: &Api, runs: &[String]) -> f64 {
    let started = Instant::now();
    let clients: Vec<_> = (0..MINT_CLIENTS)
        .map(|c| {
            let api = api.clone();
            let mine: Vec<String> = runs.iter().skip(c).step_by(MINT_CLIENTS).cloned().collect();
            tokio::spawn(async move {
                for run in mine {
                    api.post(&format!("/runs/{run}/receipt"), json!({})).await;
                }
            })
        })
        .collect();
    for c in clients {
        c.await.unwrap();
    }
    runs.len() as f64 / started.elapsed().as_secs_f64()
}

/// Receipts per group commit so far, from the server's `/metrics`.
async fn receipts_per_commit(api: &Api) -> f64 {
    let text = api
        .http
        .get(format!("{}/metrics", api.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let sample = |name: &str| -> f64 {
        text.lines()
            .find_map(|l| l.strip_prefix(name)?.trim().parse().ok())
            .unwrap_or(0.0)
    };
    sample("defendable_receipts_minted_total{kind=\"run\"}")
        / sample("defendable_receipt_group_commits_total").max(1.0)
}

/// What every lifecycle shares: a project, a flight sheet with a checklist
/// check (graded by a person), and a submission that names its sections.
struct Kit {
    project: String,
    sheet: String,
    submission: Value,
}

async fn lifecycle_kit(api: &Api) -> Kit {
    let project = api.post("/projects", json!({"name": "lifecycles"})).await;
    let sheets = api.get("/flight-sheets").await;
    let sheet = sheets["flight_sheets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["deterministic"] == json!(false)
                && f["audit_checks"]
                    .as_array()
                    .is_some_and(|c| c.iter().any(|r| r["kind"] == json!("checklist")))
        })
        .expect("a sheet with a checklist check")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let full = api.get(&format!("/flight-sheets/{sheet}")).await;
    let mut text = full["expected_outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "## {}\nPer the provided rent roll (page 2), 1.32x DSCR and 64% LTV [source: exhibit A].",
                s.as_str().unwrap()
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    text.push_str(
        &"\n\nSupporting analysis with figures 1, 2 and 3, according to the cited exhibits."
            .repeat(5),
    );
    Kit {
        project: project["id"].as_str().unwrap().to_string(),
        sheet,
        submission: json!({"output_text": text, "agent_name": "bench-agent", "model_name": "model-1", "provider": "local"}),
    }
}

/// One whole lifecycle, as a client drives it; the number of writing requests it made.
async fn lifecycle(api: &Api, kit: &Kit, n: usize) -> usize {
    let run = api
        .post(
            "/runs",
            json!({"project_id": kit.project, "flight_sheet_id": kit.sheet, "title": format!("lifecycle {n}")}),
        )
        .await;
    let id = run["id"].as_str().unwrap().to_string();
    api.post(
        &format!("/runs/{id}/evidence"),
        json!({"kind": "note", "label": "deal terms", "content": "Loan 8.625M, NOI 1.2M, value 14M."}),
    )
    .await;
    api.post(&format!("/runs/{id}/submission"), kit.submission.clone())
        .await;
    let audit = api.post(&format!("/runs/{id}/audit"), json!({})).await;
    let mut writes = 4;
    for check in audit["checks"].as_array().unwrap() {
        if check["status"] == json!("open") {
            let check_id = check["id"].as_str().unwrap();
            api.patch(
                &format!("/runs/{id}/checks/{check_id}"),
                json!({"status": "pass"}),
            )
            .await;
            writes += 1;
        }
    }
    api.post(&format!("/runs/{id}/findings"), json!({})).await;
    api.post(
        &format!("/runs/{id}/approve"),
        json!({"decision": "approved", "note": "ship it"}),
    )
    .await;
    api.post(&format!("/runs/{id}/receipt"), json!({})).await;
    writes + 3
}

struct LifecycleLoad {
    rate: f64,
    p50_ms: f64,
    p99_ms: f64,
    writes: f64,
}

/// `clients` clients each driving lifecycles back to back for a few seconds.
async fn lifecycle_load(api: &Api, kit: &std::sync::Arc<Kit>, clients: usize) -> LifecycleLoad {
    let deadline = Instant::now() + Duration::from_secs(LIFECYCLE_SECONDS);
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let (api, kit) = (api.clone(), std::sync::Arc::clone(kit));
            tokio::spawn(async move {
                let mut samples = Vec::new();
                let mut writes = 0;
                let mut n = c * 1_000_000;
                while Instant::now() < deadline {
                    let t = Instant::now();
                    writes += lifecycle(&api, &kit, n).await;
                    samples.push(t.elapsed().as_secs_f64() * 1000.0);
                    n += 1;
                }
                (samples, writes)
            })
        })
        .collect();
    let mut samples = Vec::new();
    let mut writes = 0;
    for task in tasks {
        let (s, w) = task.await.unwrap();
        samples.extend(s);
        writes += w;
    }
    let elapsed = started.elapsed().as_secs_f64();
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let pick = |q: f64| samples[((samples.len() as f64 * q) as usize).min(samples.len() - 1)];
    LifecycleLoad {
        rate: samples.len() as f64 / elapsed,
        p50_ms: pick(0.50),
        p99_ms: pick(0.99),
        writes: writes as f64 / samples.len() as f64,
    }
}

/// The lifecycle rows of one backend; its 32-client rate.
/// CPU seconds used so far by the server process, by PostgreSQL's processes, by
/// this load generator, and by the whole machine (all from `/proc`).
fn cpu_seconds(server_pid: u32) -> [f64; 4] {
    let tick = 100.0; // USER_HZ on Linux
    let of = |stat: &str| -> Option<(String, f64)> {
        let (head, rest) = stat.rsplit_once(") ")?;
        let comm = head.split_once(" (")?.1.to_string();
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let used = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
        Some((comm, used / tick))
    };
    let mut out = [0.0; 4];
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.parse::<u32>().ok()) else {
            continue;
        };
        let Some((comm, used)) = std::fs::read_to_string(entry.path().join("stat"))
            .ok()
            .and_then(|s| of(&s))
        else {
            continue;
        };
        if pid == server_pid {
            out[0] += used;
        } else if comm == "postgres" {
            out[1] += used;
        } else if pid == std::process::id() {
            out[2] += used;
        }
    }
    let all = std::fs::read_to_string("/proc/stat").unwrap();
    let cpu: Vec<f64> = all
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .skip(1)
        .filter_map(|v| v.parse().ok())
        .collect();
    // Busy time: everything but idle and iowait.
    out[3] = (cpu.iter().sum::<f64>() - cpu[3] - cpu.get(4).copied().unwrap_or(0.0)) / tick;
    out
}

async fn lifecycle_rows(
    api: &Api,
    server_pid: u32,
    backend: &str,
    commits: f64,
    rows: &mut Vec<Row>,
) -> f64 {
    let kit = std::sync::Arc::new(lifecycle_kit(api).await);
    let mut rate_at_most_clients = 0.0;
    for clients in LIFECYCLE_CLIENTS {
        eprintln!("{backend}: lifecycles, {clients} clients ...");
        let (before, started) = (cpu_seconds(server_pid), Instant::now());
        let load = lifecycle_load(api, &kit, clients).await;
        let (after, took) = (cpu_seconds(server_pid), started.elapsed().as_secs_f64());
        let used: Vec<f64> = (0..4).map(|i| (after[i] - before[i]) / took).collect();
        eprintln!(
            "  CPUs busy: server {:.2}, PostgreSQL {:.2}, load generator {:.2}, machine {:.2} of {}",
            used[0],
            used[1],
            used[2],
            used[3],
            std::thread::available_parallelism().map_or(1, |n| n.get())
        );
        let limit = commits / load.writes;
        rows.push(row(
            &format!("full lifecycles/s, {backend}, {clients} clients (p50 / p99 ms; CPU)"),
            format!(
                "{:.0} ({:.1} / {:.1}); CPUs busy {:.2}: server {:.2}, PostgreSQL {:.2}, load {:.2}",
                load.rate, load.p50_ms, load.p99_ms, used[3], used[0], used[1], used[2]
            ),
            format!(
                "{limit:.0} = {commits:.0} commits/s ÷ {:.1} write transactions",
                load.writes
            ),
            load.rate / limit,
            match clients {
                1 if backend == "SQLite" => "p50 < 10 ms",
                32 => "≥ 0.5",
                _ => "",
            },
        ));
        rate_at_most_clients = load.rate;
    }
    let verify = api.get("/ledger/verify").await;
    assert_eq!(verify["ok"], json!(true), "{verify}");
    rate_at_most_clients
}

struct Load {
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
}

/// `connections` keep-alive connections, each sending GETs back to back.
async fn hammer(url: &str, connections: usize, seconds: u64) -> Load {
    // Warm up: open the connections and fill caches.
    let clients: Vec<reqwest::Client> = (0..connections)
        .map(|_| {
            reqwest::Client::builder()
                .pool_max_idle_per_host(1)
                .build()
                .unwrap()
        })
        .collect();
    for client in &clients {
        let r = client.get(url).send().await.unwrap();
        assert!(r.status().is_success(), "{url}: {}", r.status());
        r.bytes().await.unwrap();
    }
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let tasks: Vec<_> = clients
        .into_iter()
        .map(|client| {
            let url = url.to_string();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                while Instant::now() < deadline {
                    let t = Instant::now();
                    let r = client.get(&url).send().await.unwrap();
                    assert!(r.status().is_success());
                    r.bytes().await.unwrap();
                    latencies.push(t.elapsed());
                }
                latencies
            })
        })
        .collect();
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    let pct =
        |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)].as_secs_f64() * 1000.0;
    Load {
        rps: all.len() as f64 / elapsed,
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
    }
}

/// A chain of `n` receipts shaped like `template`, verified offline, against
/// `sha256sum` over the same canonical bytes. Returns (receipts/s, baseline receipts/s, payload bytes).
fn chain_verification(template: &Value, org_id: &str, n: usize, dir: &Path) -> (f64, f64, usize) {
    let mut bytes: Vec<u8> = Vec::new();
    let mut spans = Vec::with_capacity(n);
    let mut ids = Vec::with_capacity(n);
    let mut hashes: Vec<String> = Vec::with_capacity(n);
    for seq in 0..n {
        let mut payload = template.clone();
        let id = defendable_contract::receipt::format_receipt_id(seq as u64, "0badf00d");
        let parent = if seq == 0 {
            ZERO_HASH.to_string()
        } else {
            hashes[seq - 1].clone()
        };
        payload["receipt_id"] = json!(id);
        payload["org_seq"] = json!(seq);
        payload["parent_hash"] = json!(parent);
        let canonical = to_canonical_vec(&payload).unwrap();
        hashes.push(sha256_hex(&canonical));
        spans.push((bytes.len(), canonical.len()));
        bytes.extend_from_slice(&canonical);
        ids.push(id);
    }
    let entries: Vec<ChainEntry<'_>> = (0..n)
        .map(|seq| ChainEntry {
            org_seq: seq as i64,
            receipt_id: &ids[seq],
            parent_hash: if seq == 0 {
                ZERO_HASH
            } else {
                &hashes[seq - 1]
            },
            receipt_sha256: &hashes[seq],
            canonical_payload: &bytes[spans[seq].0..spans[seq].0 + spans[seq].1],
        })
        .collect();
    let started = Instant::now();
    let report = verify_chain(Some(org_id), &entries);
    let ours = started.elapsed().as_secs_f64();
    assert!(report.ok, "{:?}", report.errors.first());
    assert_eq!(report.receipts_checked, n as u64);

    let file = dir.join("canonical-payloads.bin");
    std::fs::write(&file, &bytes).unwrap();
    // Read once so both sides start from the page cache.
    let _ = std::fs::read(&file).unwrap();
    let started = Instant::now();
    let status = Command::new("sha256sum")
        .arg(&file)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    let baseline = started.elapsed().as_secs_f64();
    assert!(status.success());
    let _ = std::fs::remove_file(&file);
    (n as f64 / ours, n as f64 / baseline, bytes.len() / n)
}

/// The same bytes over a raw loopback TCP connection, read to the end: seconds.
fn raw_loopback(bytes: &[u8]) -> f64 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let expected = bytes.len();
    let reader = std::thread::spawn(move || {
        let (mut socket, _) = listener.accept().unwrap();
        let mut buf = vec![0u8; 256 * 1024];
        let mut total = 0;
        while total < expected {
            let n = socket.read(&mut buf).unwrap();
            assert!(n > 0);
            total += n;
        }
        socket.write_all(b"k").unwrap();
    });
    let started = Instant::now();
    let mut client = std::net::TcpStream::connect(addr).unwrap();
    client.write_all(bytes).unwrap();
    let mut ack = [0u8; 1];
    client.read_exact(&mut ack).unwrap();
    let elapsed = started.elapsed().as_secs_f64();
    reader.join().unwrap();
    elapsed
}

fn median_wall_ms(runs: usize, mut command: impl FnMut() -> Command) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let out = command().output().unwrap();
            let t = started.elapsed().as_secs_f64() * 1000.0;
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            t
        })
        .collect();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    times[runs / 2]
}

async fn fresh_postgres(admin: &str) -> String {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(admin).await.unwrap();
    let name = format!("defendable_bench_{}", defendable_server::ids::hex8());
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let (base, _) = admin.rsplit_once('/').unwrap();
    format!("{base}/{name}")
}

async fn drop_postgres(admin: &str, url: &str) {
    let name = url.rsplit_once('/').unwrap().1;
    let pool = sqlx::AnyPool::connect(admin).await.unwrap();
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&pool)
    .await;
}

// ---------------------------------------------------------------- the report

struct Row {
    figure: String,
    value: String,
    baseline: String,
    ratio: String,
    target: String,
}

fn row(figure: &str, value: String, baseline: String, ratio: f64, target: &str) -> Row {
    Row {
        figure: figure.into(),
        value,
        baseline,
        ratio: format!("{ratio:.2}"),
        target: target.into(),
    }
}

/// The report's sections, for `--only`.
const SECTIONS: [&str; 6] = ["mints", "lifecycle", "share", "upload", "chain", "cli"];

async fn run(
    server: PathBuf,
    cli: PathBuf,
    postgres: Option<String>,
    only: Option<String>,
) -> String {
    let wants = |section: &str| only.as_deref().is_none_or(|o| o == section);
    let mut rows = Vec::new();
    let work = tempfile::tempdir().unwrap();

    // Mints on SQLite (the server's own file), then the rest on the same server.
    let sqlite_dir = work.path().join("sqlite");
    std::fs::create_dir_all(&sqlite_dir).unwrap();
    let sqlite_url = format!(
        "sqlite://{}?mode=rwc",
        sqlite_dir.join("defendable.db").display()
    );
    let commits = if wants("mints") || wants("lifecycle") {
        eprintln!("SQLite: raw commits ...");
        Some(commit_rate(&sqlite_url).await)
    } else {
        None
    };
    let server_process = start_server(&server, &sqlite_dir, None).await;
    let api = sign_in(&server_process.base, "mints").await;
    // The other sections need one approved run (its receipt is minted below).
    let runs = match commits.filter(|_| wants("mints")) {
        Some(commits) => {
            eprintln!("SQLite: preparing {MINTS} runs ...");
            let runs = approved_runs(&api, MINTS).await;
            eprintln!("SQLite: minting ...");
            let mints = mint_rate(&api, &runs).await;
            eprintln!(
                "  {:.1} receipts per commit",
                receipts_per_commit(&api).await
            );
            let verify = api.get("/ledger/verify").await;
            assert_eq!(verify["ok"], json!(true));
            rows.push(row(
                "receipt mints/s, SQLite, 32 clients",
                format!("{mints:.0}"),
                format!("{commits:.0} raw commits/s"),
                mints / commits,
                "≥ 0.5",
            ));
            runs
        }
        None => approved_runs(&api, 1).await,
    };

    let sqlite_lifecycles = match commits.filter(|_| wants("lifecycle")) {
        Some(commits) => {
            Some(lifecycle_rows(&api, server_process.pid(), "SQLite", commits, &mut rows).await)
        }
        None => None,
    };

    if let (Some(admin), true) = (&postgres, wants("mints") || wants("lifecycle")) {
        let url = fresh_postgres(admin).await;
        eprintln!("PostgreSQL: raw commits ...");
        let commits = commit_rate(&url).await;
        let pg_dir = work.path().join("pg");
        std::fs::create_dir_all(&pg_dir).unwrap();
        let pg = start_server(&server, &pg_dir, Some(&url)).await;
        let pg_api = sign_in(&pg.base, "mints").await;
        if wants("mints") {
            eprintln!("PostgreSQL: preparing {MINTS} runs ...");
            let pg_runs = approved_runs(&pg_api, MINTS).await;
            eprintln!("PostgreSQL: minting ...");
            let mints = mint_rate(&pg_api, &pg_runs).await;
            eprintln!(
                "  {:.1} receipts per commit",
                receipts_per_commit(&pg_api).await
            );
            rows.push(row(
                "receipt mints/s, PostgreSQL, 32 clients",
                format!("{mints:.0}"),
                format!("{commits:.0} raw commits/s"),
                mints / commits,
                "≥ 0.5",
            ));
        }
        if wants("lifecycle") {
            let pg_rate = lifecycle_rows(&pg_api, pg.pid(), "PostgreSQL", commits, &mut rows).await;
            if let Some(sqlite_rate) = sqlite_lifecycles {
                rows.push(row(
                    "full lifecycles/s at 32 clients, SQLite against PostgreSQL",
                    format!("{sqlite_rate:.0}"),
                    format!("{pg_rate:.0} (PostgreSQL)"),
                    sqlite_rate / pg_rate,
                    "≥ 1",
                ));
            }
        }
        drop(pg);
        drop_postgres(admin, &url).await;
    }

    // The shared receipt of the share and CLI sections.
    let receipt = api
        .post(&format!("/runs/{}/receipt", runs[0]), json!({}))
        .await;
    let token = receipt["share_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();

    // GET /share/{token} against the minimal dropshot handler.
    if wants("share") {
        eprintln!("GET /share/{{token}} ...");
        let share = hammer(
            &format!("{}/share/{token}", server_process.base),
            SHARE_CONNECTIONS,
            SHARE_SECONDS,
        )
        .await;
        let port = free_port();
        let baseline = Process {
            child: Command::new(std::env::current_exe().unwrap())
                .args(["baseline-server", &port.to_string()])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
            base: format!("http://127.0.0.1:{port}"),
        };
        let fixed_url = format!("{}/share/{token}", baseline.base);
        wait_ready(&fixed_url).await;
        eprintln!("baseline handler ...");
        let fixed = hammer(&fixed_url, SHARE_CONNECTIONS, SHARE_SECONDS).await;
        drop(baseline);
        rows.push(row(
            "GET /share/{token} requests/s, 64 connections",
            format!("{:.0}", share.rps),
            format!("{:.0} (minimal dropshot handler)", fixed.rps),
            share.rps / fixed.rps,
            "≥ 0.5",
        ));
        rows.push(row(
            "GET /share/{token} p99 latency, ms (p50)",
            format!("{:.2} ({:.2})", share.p99_ms, share.p50_ms),
            format!("{:.2} ({:.2})", fixed.p99_ms, fixed.p50_ms),
            fixed.p99_ms / share.p99_ms,
            "p99 < 10 ms",
        ));
    }

    // A 25 MB upload: peak memory growth and throughput.
    if wants("upload") {
        let run = api
        .post(
            "/runs",
            json!({"project_id": api.get("/projects").await["projects"][0]["id"], "lane": "other", "title": "upload"}),
        )
        .await;
        let run_id = run["id"].as_str().unwrap().to_string();
        let upload_url = format!(
            "{}/runs/{run_id}/evidence/upload?filename=big.bin",
            server_process.base
        );
        let small = vec![7u8; 1024 * 1024];
        api.http
            .post(&upload_url)
            .bearer_auth(&api.token)
            .body(small)
            .send()
            .await
            .unwrap();
        let bytes: Vec<u8> = (0..UPLOAD_BYTES).map(|i| (i * 131 % 251) as u8).collect();
        server_process.reset_peak();
        let rss_before = server_process.status_kib("VmRSS");
        eprintln!("25 MB upload ...");
        let started = Instant::now();
        let resp = api
            .http
            .post(&upload_url)
            .bearer_auth(&api.token)
            .header("content-type", "application/octet-stream")
            .body(bytes.clone())
            .send()
            .await
            .unwrap();
        let upload_s = started.elapsed().as_secs_f64();
        assert!(resp.status().is_success(), "{}", resp.status());
        let peak = server_process.status_kib("VmHWM");
        let growth_mib = peak.saturating_sub(rss_before) as f64 / 1024.0;
        let raw_s = raw_loopback(&bytes);
        let mb = UPLOAD_BYTES as f64 / (1024.0 * 1024.0);
        rows.push(row(
            "25 MB upload: server peak memory growth, MiB",
            format!("{growth_mib:.1}"),
            format!("{:.1} MiB resident before", rss_before as f64 / 1024.0),
            growth_mib / mb,
            "< 10 MiB",
        ));
        rows.push(row(
            "25 MB upload throughput, MiB/s (hashed, fsynced, stored)",
            format!("{:.0}", mb / upload_s),
            format!("{:.0} (raw loopback TCP)", mb / raw_s),
            raw_s / upload_s,
            "",
        ));
    }

    // Offline chain verification, shaped like this server's real receipts.
    if wants("chain") {
        let export = api.get("/ledger/export").await;
        let template: Value =
            serde_json::from_str(export["entries"][0]["payload_canonical"].as_str().unwrap())
                .unwrap();
        let org_id = export["org_id"].as_str().unwrap().to_string();
        eprintln!("verifying a chain of {CHAIN_LENGTH} receipts ...");
        let (ours, sha, size) = chain_verification(&template, &org_id, CHAIN_LENGTH, work.path());
        rows.push(row(
            &format!(
                "offline chain verification, receipts/s ({CHAIN_LENGTH} receipts of {size} bytes)"
            ),
            format!("{ours:.0}"),
            format!("{sha:.0} (sha256sum over the same bytes)"),
            ours / sha,
            "≥ 0.5",
        ));
    }

    // The CLI: --version, and an offline verify of a proof file.
    if wants("cli") {
        let proof = api.get(&format!("/share/{token}/proof")).await;
        let proof_file = work.path().join("proof.json");
        std::fs::write(&proof_file, serde_json::to_string_pretty(&proof).unwrap()).unwrap();
        let keys = api.get("/.well-known/defendable-keys").await;
        let key_file = work.path().join("key.txt");
        std::fs::write(&key_file, keys["keys"][0]["verifier"].as_str().unwrap()).unwrap();
        let config_dir = work.path().join("cli-config");
        let version_ms = median_wall_ms(21, || {
            let mut c = Command::new(&cli);
            c.arg("--version");
            c
        });
        let verify_ms = median_wall_ms(21, || {
            let mut c = Command::new(&cli);
            c.arg("verify")
                .arg(&proof_file)
                .arg("--offline")
                .arg("--key")
                .arg(&key_file)
                .env("DEFENDABLE_CONFIG_DIR", &config_dir)
                .env("DEFENDABLE_NO_KEYRING", "1");
            c
        });
        let true_ms = median_wall_ms(21, || Command::new("true"));
        rows.push(row(
            "`defendable --version` wall time, ms (median of 21)",
            format!("{version_ms:.1}"),
            format!("{true_ms:.1} (`true`)"),
            true_ms / version_ms,
            "< 20 ms",
        ));
        rows.push(row(
            "`defendable verify proof.json --offline --key K` wall time, ms",
            format!("{verify_ms:.1}"),
            format!("{true_ms:.1} (`true`)"),
            true_ms / verify_ms,
            "< 20 ms",
        ));
    }
    drop(server_process);

    let mut out = String::from(
        "| figure | measured | baseline (same run) | ratio | target |\n|---|---|---|---|---|\n",
    );
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            r.figure, r.value, r.baseline, r.ratio, r.target
        ));
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    match args.get(1).map(String::as_str) {
        Some("baseline-server") => {
            let port: u16 = args[2].parse().unwrap();
            runtime.block_on(baseline_server(port));
        }
        Some("run") => {
            let flag = |name: &str| {
                args.iter()
                    .position(|a| a == name)
                    .and_then(|i| args.get(i + 1))
                    .cloned()
            };
            let server = PathBuf::from(flag("--server").expect("--server BIN"));
            let cli = PathBuf::from(flag("--cli").expect("--cli BIN"));
            let only = flag("--only");
            if let Some(section) = &only {
                assert!(
                    SECTIONS.contains(&section.as_str()),
                    "--only takes one of {SECTIONS:?}"
                );
            }
            let report = runtime.block_on(run(server, cli, flag("--postgres"), only));
            print!("{report}");
        }
        _ => {
            eprintln!("usage: bench run --server BIN --cli BIN [--postgres ADMIN_URL] [--only SECTION] | bench baseline-server PORT");
            std::process::exit(2);
        }
    }
}
