//! The process's metrics and their Prometheus text rendering: requests by
//! route and status, request latency histograms, receipt mints, rate-limit
//! refusals, cook claims and download grants. Each process counts its own;
//! a scraper sums over the processes of a deployment.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds of the latency buckets, in seconds.
const LATENCY_BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// One latency histogram (cumulative buckets are computed when rendering).
#[derive(Default)]
struct Histogram {
    /// Observations per bucket, the last slot for those above every bound.
    counts: [u64; LATENCY_BUCKETS.len() + 1],
    sum_seconds: f64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        let slot = LATENCY_BUCKETS
            .iter()
            .position(|bound| seconds <= *bound)
            .unwrap_or(LATENCY_BUCKETS.len());
        self.counts[slot] += 1;
        self.sum_seconds += seconds;
    }
}

#[derive(Default)]
struct Requests {
    /// (method, route, status) -> count.
    by_status: BTreeMap<(String, String, u16), u64>,
    /// (method, route) -> latency.
    latency: BTreeMap<(String, String), Histogram>,
    /// route -> 429 answers.
    rate_limited: BTreeMap<String, u64>,
}

/// The counters of one server process.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<Requests>,
    in_flight: AtomicU64,
    /// kind -> receipts minted (committed).
    mints: Mutex<BTreeMap<String, u64>>,
    /// Group commits of run receipts (each appends one or more).
    mint_batches: AtomicU64,
    claims: AtomicU64,
    grants: AtomicU64,
    grant_spikes: AtomicU64,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

/// Decrements the in-flight gauge when the request is answered.
pub struct InFlight<'a>(&'a Metrics);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Metrics {
    /// A request has arrived; the guard marks it answered.
    pub fn start(&self) -> InFlight<'_> {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
        InFlight(self)
    }

    /// A request was answered (its status and the time to the response head).
    pub fn record_request(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        let mut requests = self.requests.lock().unwrap_or_else(|e| e.into_inner());
        *requests
            .by_status
            .entry((method.to_string(), route.to_string(), status))
            .or_default() += 1;
        requests
            .latency
            .entry((method.to_string(), route.to_string()))
            .or_default()
            .observe(elapsed.as_secs_f64());
        if status == 429 {
            *requests.rate_limited.entry(route.to_string()).or_default() += 1;
        }
    }

    /// A receipt of `kind` (`run`, ...) was committed to its chain.
    pub fn receipt_minted(&self, kind: &str) {
        let mut mints = self.mints.lock().unwrap_or_else(|e| e.into_inner());
        *mints.entry(kind.to_string()).or_default() += 1;
    }

    /// A group commit appended one or more run receipts in one transaction.
    pub fn mint_batch_committed(&self) {
        self.mint_batches.fetch_add(1, Ordering::Relaxed);
    }

    /// A runner claimed a cook.
    pub fn cook_claimed(&self) {
        self.claims.fetch_add(1, Ordering::Relaxed);
    }

    /// A download grant was issued.
    pub fn grant_issued(&self) {
        self.grants.fetch_add(1, Ordering::Relaxed);
    }

    /// One organisation's download grants went above the spike threshold.
    pub fn grant_spike(&self) {
        self.grant_spikes.fetch_add(1, Ordering::Relaxed);
    }

    /// Everything, in the Prometheus text exposition format (version 0.0.4).
    pub fn render(&self) -> String {
        let mut out = String::new();
        {
            let requests = self.requests.lock().unwrap_or_else(|e| e.into_inner());
            header(
                &mut out,
                "defendable_http_requests_total",
                "counter",
                "HTTP requests answered, by method, route template and status.",
            );
            for ((method, route, status), count) in &requests.by_status {
                let _ = writeln!(
                    out,
                    "defendable_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{status}\"}} {count}",
                    escape(method),
                    escape(route)
                );
            }
            header(
                &mut out,
                "defendable_http_request_duration_seconds",
                "histogram",
                "Time from a request's arrival to its response head, by method and route template.",
            );
            for ((method, route), histogram) in &requests.latency {
                let labels = format!("method=\"{}\",route=\"{}\"", escape(method), escape(route));
                let mut cumulative = 0;
                for (bound, count) in LATENCY_BUCKETS.iter().zip(histogram.counts.iter()) {
                    cumulative += count;
                    let _ = writeln!(
                        out,
                        "defendable_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {cumulative}"
                    );
                }
                cumulative += histogram.counts[LATENCY_BUCKETS.len()];
                let _ = writeln!(
                    out,
                    "defendable_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {cumulative}"
                );
                let _ = writeln!(
                    out,
                    "defendable_http_request_duration_seconds_sum{{{labels}}} {}",
                    histogram.sum_seconds
                );
                let _ = writeln!(
                    out,
                    "defendable_http_request_duration_seconds_count{{{labels}}} {cumulative}"
                );
            }
            header(
                &mut out,
                "defendable_rate_limited_total",
                "counter",
                "Requests refused by a rate limit (429), by route template.",
            );
            for (route, count) in &requests.rate_limited {
                let _ = writeln!(
                    out,
                    "defendable_rate_limited_total{{route=\"{}\"}} {count}",
                    escape(route)
                );
            }
        }
        header(
            &mut out,
            "defendable_http_requests_in_flight",
            "gauge",
            "Requests received and not yet answered.",
        );
        let _ = writeln!(
            out,
            "defendable_http_requests_in_flight {}",
            self.in_flight.load(Ordering::Relaxed)
        );
        header(
            &mut out,
            "defendable_receipts_minted_total",
            "counter",
            "Receipts committed to an organisation's chain, by kind.",
        );
        let mints = self.mints.lock().unwrap_or_else(|e| e.into_inner());
        if mints.is_empty() {
            out.push_str("defendable_receipts_minted_total{kind=\"run\"} 0\n");
        }
        for (kind, count) in mints.iter() {
            let _ = writeln!(
                out,
                "defendable_receipts_minted_total{{kind=\"{}\"}} {count}",
                escape(kind)
            );
        }
        header(
            &mut out,
            "defendable_receipt_group_commits_total",
            "counter",
            "Transactions that appended run receipts (receipts per commit = minted / this).",
        );
        let _ = writeln!(
            out,
            "defendable_receipt_group_commits_total {}",
            self.mint_batches.load(Ordering::Relaxed)
        );
        header(
            &mut out,
            "defendable_cook_claims_total",
            "counter",
            "Cooks claimed by runners.",
        );
        let _ = writeln!(
            out,
            "defendable_cook_claims_total {}",
            self.claims.load(Ordering::Relaxed)
        );
        header(
            &mut out,
            "defendable_download_grants_total",
            "counter",
            "Download grants issued.",
        );
        let _ = writeln!(
            out,
            "defendable_download_grants_total {}",
            self.grants.load(Ordering::Relaxed)
        );
        header(
            &mut out,
            "defendable_download_grant_spikes_total",
            "counter",
            "Grants that took one organisation above the spike threshold (alert on increase).",
        );
        let _ = writeln!(
            out,
            "defendable_download_grant_spikes_total {}",
            self.grant_spikes.load(Ordering::Relaxed)
        );
        out
    }
}

fn header(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

/// Escapes a label value (backslash, double quote, newline).
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Maps a request path to its route template (`/runs/{run_id}`), so labels
/// stay few whatever paths clients send.
#[derive(Clone, Debug, Default)]
pub struct RouteTable {
    routes: Vec<Vec<Segment>>,
    templates: Vec<String>,
}

#[derive(Clone, Debug)]
enum Segment {
    Literal(String),
    Param,
}

/// The label of a path that matches no route.
pub const UNMATCHED: &str = "unmatched";

impl RouteTable {
    /// The table of an OpenAPI document's `paths`, plus `extra` templates.
    pub fn from_openapi(document: &str, extra: &[&str]) -> RouteTable {
        let paths: Vec<String> = serde_json::from_str::<serde_json::Value>(document)
            .ok()
            .and_then(|v| v.get("paths").and_then(|p| p.as_object()).cloned())
            .map(|paths| paths.keys().cloned().collect())
            .unwrap_or_default();
        let mut table = RouteTable::default();
        for template in paths
            .iter()
            .map(String::as_str)
            .chain(extra.iter().copied())
        {
            let segments = split(template)
                .map(|s| {
                    if s.starts_with('{') && s.ends_with('}') {
                        Segment::Param
                    } else {
                        Segment::Literal(s.to_string())
                    }
                })
                .collect();
            table.routes.push(segments);
            table.templates.push(template.to_string());
        }
        table
    }

    /// The template `path` matches (literal segments preferred over parameters,
    /// leftmost first), or [`UNMATCHED`].
    pub fn route_of(&self, path: &str) -> &str {
        let parts: Vec<&str> = split(path).collect();
        let mut best: Option<(usize, Vec<bool>)> = None;
        for (index, route) in self.routes.iter().enumerate() {
            if route.len() != parts.len() {
                continue;
            }
            let mut literal = Vec::with_capacity(parts.len());
            let matches = route
                .iter()
                .zip(&parts)
                .all(|(segment, part)| match segment {
                    Segment::Literal(text) => {
                        literal.push(true);
                        text == part
                    }
                    Segment::Param => {
                        literal.push(false);
                        !part.is_empty()
                    }
                });
            if matches && best.as_ref().is_none_or(|(_, b)| literal > *b) {
                best = Some((index, literal));
            }
        }
        best.map(|(index, _)| self.templates[index].as_str())
            .unwrap_or(UNMATCHED)
    }
}

fn split(path: &str) -> impl Iterator<Item = &str> {
    path.trim_start_matches('/')
        .split('/')
        .filter(|segment| !segment.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_prefer_literals_and_unknown_paths_share_one_label() {
        let doc = r#"{"paths":{"/runs":{},"/runs/{run_id}":{},"/runs/{run_id}/audit":{},
            "/ledger/verify":{},"/ledger/{x}":{},"/":{}}}"#;
        let table = RouteTable::from_openapi(doc, &["/metrics"]);
        assert_eq!(table.route_of("/runs/abc"), "/runs/{run_id}");
        assert_eq!(table.route_of("/runs/abc/audit"), "/runs/{run_id}/audit");
        assert_eq!(table.route_of("/ledger/verify"), "/ledger/verify");
        assert_eq!(table.route_of("/ledger/other"), "/ledger/{x}");
        assert_eq!(table.route_of("/"), "/");
        assert_eq!(table.route_of("/metrics"), "/metrics");
        assert_eq!(table.route_of("/runs/a/b/c/d"), UNMATCHED);
        assert_eq!(table.route_of("/nope"), UNMATCHED);
    }

    #[test]
    fn renders_counters_and_cumulative_histograms() {
        let metrics = Metrics::default();
        metrics.record_request("GET", "/runs", 200, Duration::from_millis(3));
        metrics.record_request("GET", "/runs", 200, Duration::from_secs(20));
        metrics.record_request("POST", "/auth/request", 429, Duration::from_millis(1));
        metrics.receipt_minted("run");
        metrics.cook_claimed();
        let text = metrics.render();
        assert!(text.contains(
            "defendable_http_requests_total{method=\"GET\",route=\"/runs\",status=\"200\"} 2"
        ));
        assert!(text.contains(
            "defendable_http_request_duration_seconds_bucket{method=\"GET\",route=\"/runs\",le=\"0.005\"} 1"
        ));
        assert!(text.contains(
            "defendable_http_request_duration_seconds_bucket{method=\"GET\",route=\"/runs\",le=\"10\"} 1"
        ));
        assert!(text.contains(
            "defendable_http_request_duration_seconds_bucket{method=\"GET\",route=\"/runs\",le=\"+Inf\"} 2"
        ));
        assert!(text.contains("defendable_rate_limited_total{route=\"/auth/request\"} 1"));
        assert!(text.contains("defendable_receipts_minted_total{kind=\"run\"} 1"));
        assert!(text.contains("defendable_cook_claims_total 1"));
        assert!(text.contains("defendable_download_grants_total 0"));
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
