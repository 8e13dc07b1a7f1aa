//! The HTTP layer in front of the dropshot router: security headers on every
//! response, CORS (with preflight), the client address for rate limits, the
//! `Retry-After` header of a 429, and `{"detail"}` bodies for dropshot's own
//! router errors (unknown path 404, wrong method 405).
//!
//! Dropshot 0.18 has no middleware hook and does not expose its router as a
//! service, so the layer is a small hyper server on the public address that
//! forwards each request, streamed, to dropshot on a private loopback port of
//! the same process (pooled keep-alive connections). The layer replaces any
//! client-sent [`PEER_HEADER`] with the client address and a per-process
//! secret, so the handlers can trust it.
//!
//! The layer is also where each request is observed: it gives the request its
//! id (`X-Request-Id`, forwarded to the handler and returned to the client),
//! counts it by route template and status, times it, logs one line for it,
//! and serves `GET /metrics` itself (see [`LayerSettings::metrics_allowed`]).
//!
//! Each client connection is held to the limits of [`crate::connections`]:
//! a bounded number open at once, a header timeout, an idle timeout and a
//! minimum request-body rate (408 when a body trickles), and hyper's own
//! bodiless error answers get a `{"detail"}`.
//!
//! The hot public route, `GET /share/{token}` (exactly: a valid token, no
//! suffix, no query), is answered by the layer from the share cache when the
//! receipt was read less than its TTL ago, with the body, status and headers the
//! router gives; anything else, a miss included, goes to the router, whose
//! handler fills the cache. The layer sees the cache only through
//! [`CachedAnswers`]: a path in, a fresh JSON body out.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::{Method, Request, Response, StatusCode, Uri, Version};
use http_body_util::{BodyExt as _, Either, Full, Limited};
use hyper::body::Incoming;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{oneshot, OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinHandle;

use crate::config::CorsOrigins;
use crate::connections::body::MinRateBody;
use crate::connections::io::WatchedIo;
use crate::connections::{ActiveRequest, ConnectionSettings, Connections};
use crate::limits::PEER_HEADER;
use crate::observability::logs::{self, REQUEST_ID_HEADER};
use crate::observability::metrics::{Metrics, RouteTable};

/// JSON bodies the layer may answer with itself: the exact body the router would
/// send for `GET {path}` (no query), while it is fresh. The layer knows nothing
/// of what they are; the server wires its share cache in.
pub trait CachedAnswers: Send + Sync + std::fmt::Debug {
    /// The fresh body of `GET {path}`, if there is one.
    fn body_for(&self, path: &str) -> Option<Bytes>;
}

/// The path the layer answers with the process's metrics.
pub const METRICS_PATH: &str = "/metrics";

/// Methods a browser may use across origins (and the `Allow` of an OPTIONS).
pub const CORS_METHODS: &str = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
/// Response headers a cross-origin script may read.
const CORS_EXPOSE: &str = "Retry-After, Content-Disposition, X-Request-Id";
/// How long a browser may cache a preflight answer, in seconds.
const CORS_MAX_AGE: &str = "600";
/// A JSON API needs no content of its own to load and may not be framed.
const CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const HSTS: &str = "max-age=31536000; includeSubDomains";
const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), payment=()";
/// Most request header fields the layer forwards (the router behind it takes
/// 100, and the layer adds two).
pub const MAX_HEADERS: usize = 96;
/// Largest total size of a request's header fields the layer forwards.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;
/// Hyper's own limits on the public side, above the layer's: beyond these (or
/// hyper's HTTP/1 read buffer, about 400 KiB) a request gets a bare 431 and
/// its connection is closed.
const HYPER_MAX_HEADERS: usize = 256;
const HYPER_MAX_HEADER_BYTES: u32 = 256 * 1024;
/// Largest error body the layer reads to rewrite it.
const ERROR_BODY_MAX: usize = 64 * 1024;
/// Hop-by-hop headers: never forwarded in either direction.
const HOP_BY_HOP: [&str; 7] = [
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

type LayerBody = Either<Incoming, Full<Bytes>>;

/// A response body with what must live until it has been sent: the request's
/// place in its connection's count, and its slot to the router.
pub struct HeldBody {
    inner: LayerBody,
    _request: ActiveRequest,
    _forward: Option<OwnedSemaphorePermit>,
}

impl http_body::Body for HeldBody {
    type Data = Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        std::pin::Pin::new(&mut self.get_mut().inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// What the layer does, fixed at start.
#[derive(Clone, Debug)]
pub struct LayerSettings {
    pub cors: CorsOrigins,
    /// Send `Strict-Transport-Security` (the public base URL is https).
    pub hsts: bool,
    /// Take the client address from the first `X-Forwarded-For` hop.
    pub trust_proxy_header: bool,
    /// The secret that makes [`PEER_HEADER`] trustworthy to the handlers.
    pub peer_secret: String,
    /// Bearer token for `/metrics`; without one, only direct loopback clients read it.
    pub metrics_token: Option<String>,
    /// The process's counters.
    pub metrics: Arc<Metrics>,
    /// Request paths to route templates, for metric labels.
    pub routes: RouteTable,
    /// Bodies answered without the router (shared receipts read recently).
    pub cached: Arc<dyn CachedAnswers>,
    /// Connection bounds and timeouts.
    pub connections: ConnectionSettings,
}

impl LayerSettings {
    /// Whether a request may read `/metrics`: with `METRICS_TOKEN` set, a
    /// request bearing it (compared in constant time); otherwise a request
    /// from a loopback TCP peer that no proxy forwarded (no `X-Forwarded-For`
    /// or `Forwarded` header).
    pub fn metrics_allowed(&self, headers: &HeaderMap, peer: SocketAddr) -> Result<(), StatusCode> {
        match &self.metrics_token {
            Some(token) => {
                let presented = headers
                    .get(header::AUTHORIZATION)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.strip_prefix("Bearer "))
                    .unwrap_or("");
                if crate::operator::secret_matches(presented, token) {
                    Ok(())
                } else {
                    Err(StatusCode::UNAUTHORIZED)
                }
            }
            None => {
                let proxied =
                    headers.contains_key("x-forwarded-for") || headers.contains_key("forwarded");
                if peer.ip().is_loopback() && !proxied {
                    Ok(())
                } else {
                    Err(StatusCode::FORBIDDEN)
                }
            }
        }
    }

    /// The request's origin, if it may read responses.
    fn reader_origin(&self, headers: &HeaderMap) -> Option<HeaderValue> {
        self.allowed_origin(headers.get(header::ORIGIN)).cloned()
    }

    /// A fresh cached body for exactly `GET {path}` (no query), if any.
    fn cached_answer(&self, method: &Method, uri: &Uri) -> Option<Bytes> {
        if method != Method::GET || uri.query().is_some() {
            return None;
        }
        self.cached.body_for(uri.path())
    }

    /// The origin, if a request from it may read responses.
    fn allowed_origin<'a>(&self, origin: Option<&'a HeaderValue>) -> Option<&'a HeaderValue> {
        let origin = origin?;
        let text = origin.to_str().ok()?;
        match &self.cors {
            CorsOrigins::Any => Some(origin),
            CorsOrigins::List(list) => list.iter().any(|o| o == text).then_some(origin),
        }
    }

    /// The client's address: when the proxy header is trusted, the last `X-Forwarded-For`
    /// hop (the one the trusted proxy appended; earlier hops are whatever the client
    /// sent, so counting by them would let a client pick its own rate-limit bucket),
    /// else the TCP peer.
    pub fn client_address(&self, headers: &HeaderMap, peer: SocketAddr) -> IpAddr {
        if self.trust_proxy_header {
            let last = headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .next_back()
                .and_then(|v| v.rsplit(',').next())
                .and_then(|hop| parse_hop(hop.trim()));
            if let Some(ip) = last {
                return ip;
            }
        }
        peer.ip()
    }

    /// Adds the security headers (and CORS read access for an allowed origin).
    pub fn decorate(&self, headers: &mut HeaderMap, origin: Option<&HeaderValue>) {
        let set = |headers: &mut HeaderMap, name: HeaderName, value: &'static str| {
            headers
                .entry(name)
                .or_insert(HeaderValue::from_static(value));
        };
        set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
        set(headers, header::X_FRAME_OPTIONS, "DENY");
        set(
            headers,
            header::REFERRER_POLICY,
            "strict-origin-when-cross-origin",
        );
        set(
            headers,
            HeaderName::from_static("permissions-policy"),
            PERMISSIONS,
        );
        set(headers, header::CONTENT_SECURITY_POLICY, CSP);
        set(headers, header::CACHE_CONTROL, "no-store");
        if self.hsts {
            set(headers, header::STRICT_TRANSPORT_SECURITY, HSTS);
        }
        if let CorsOrigins::List(_) = self.cors {
            headers.append(header::VARY, HeaderValue::from_static("Origin"));
        }
        if let Some(origin) = origin {
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                self.allow_origin_value(origin),
            );
            headers.insert(
                header::ACCESS_CONTROL_EXPOSE_HEADERS,
                HeaderValue::from_static(CORS_EXPOSE),
            );
        }
    }

    fn allow_origin_value(&self, origin: &HeaderValue) -> HeaderValue {
        match self.cors {
            CorsOrigins::Any => HeaderValue::from_static("*"),
            CorsOrigins::List(_) => origin.clone(),
        }
    }

    /// The answer to any OPTIONS request: 204; a CORS preflight from an
    /// allowed origin also gets the access-control headers.
    pub fn preflight(&self, headers: &HeaderMap) -> Response<Full<Bytes>> {
        let mut response = Response::new(Full::new(Bytes::new()));
        *response.status_mut() = StatusCode::NO_CONTENT;
        let out = response.headers_mut();
        out.insert(header::ALLOW, HeaderValue::from_static(CORS_METHODS));
        let origin = self.allowed_origin(headers.get(header::ORIGIN));
        let is_preflight = headers.contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
        if let (Some(origin), true) = (origin, is_preflight) {
            out.insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                self.allow_origin_value(origin),
            );
            out.insert(
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static(CORS_METHODS),
            );
            // Every request header is allowed, as in the reference.
            let requested = headers
                .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
                .cloned()
                .unwrap_or_else(|| HeaderValue::from_static("Authorization, Content-Type"));
            out.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, requested);
            out.insert(
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static(CORS_MAX_AGE),
            );
            out.append(
                header::VARY,
                HeaderValue::from_static(
                    "Access-Control-Request-Method, Access-Control-Request-Headers",
                ),
            );
        }
        self.decorate(response.headers_mut(), None);
        response
    }
}

/// One `X-Forwarded-For` hop: an address, possibly with a port or in brackets.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| {
            hop.strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .and_then(|h| h.parse().ok())
        })
}

/// Rewrites an error body: dropshot's `{request_id, error_code, message}`
/// becomes `{"detail": message, "request_id"}` (the layer's request id); a
/// `retry_after` field (429, 425) becomes the `Retry-After` header. Returns the new
/// body, if it changed.
pub fn rewrite_error(
    status: StatusCode,
    headers: &mut HeaderMap,
    body: &[u8],
    request_id: &str,
) -> Option<Bytes> {
    let Ok(serde_json::Value::Object(mut object)) = serde_json::from_slice(body) else {
        return None;
    };
    if let Some(secs) = object.get("retry_after").and_then(|v| v.as_u64()) {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(secs.max(1)));
    }
    if object.contains_key("detail") {
        return None;
    }
    let message = object
        .remove("message")
        .and_then(|m| m.as_str().map(str::to_string))
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("error").to_string());
    let mut out = serde_json::Map::new();
    out.insert("detail".into(), message.into());
    if object.contains_key("request_id") {
        out.insert("request_id".into(), request_id.into());
    }
    serde_json::to_vec(&serde_json::Value::Object(out))
        .ok()
        .map(Bytes::from)
}

/// Whether a path and query decode (`%XX`) to valid UTF-8. Dropshot would
/// replace invalid sequences silently; the layer refuses them instead.
pub fn decodes_to_utf8(path_and_query: &str) -> bool {
    let bytes = path_and_query.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                decoded.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                decoded.push(b);
                i += 1;
            }
        }
    }
    std::str::from_utf8(&decoded).is_ok()
}

/// Why a request's headers are refused (431), if they are: more than
/// [`MAX_HEADERS`] fields or more than [`MAX_HEADER_BYTES`] in all. Hyper's
/// own limits sit above these and close the connection without a body.
pub fn header_problem(headers: &HeaderMap) -> Option<String> {
    if headers.len() > MAX_HEADERS {
        return Some(format!("too many request headers ({MAX_HEADERS} max)"));
    }
    let bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    (bytes > MAX_HEADER_BYTES).then(|| {
        format!(
            "request headers too large ({} KiB max)",
            MAX_HEADER_BYTES / 1024
        )
    })
}

/// A 200 JSON response made by the layer itself.
fn json_response(body: Bytes) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(body));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// A `{"detail"}` response made by the layer itself.
fn detail_response(status: StatusCode, detail: &str) -> Response<Full<Bytes>> {
    let body = serde_json::json!({ "detail": detail }).to_string();
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn strip_hop_by_hop(headers: &mut HeaderMap) {
    for name in HOP_BY_HOP {
        headers.remove(name);
    }
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

struct Layer {
    settings: LayerSettings,
    upstream: SocketAddr,
    client: Client<HttpConnector, MinRateBody<Incoming>>,
    /// Requests being forwarded: each holds a connection to the router.
    forwards: Arc<Semaphore>,
}

impl Layer {
    /// Observes one request around [`Layer::forward`]: id, metrics, log line.
    async fn handle(
        &self,
        peer: SocketAddr,
        mut request: Request<Incoming>,
        active: ActiveRequest,
    ) -> Result<Response<HeldBody>, Infallible> {
        let started = Instant::now();
        let _in_flight = self.settings.metrics.start();
        let request_id = logs::request_id(request.headers().get(REQUEST_ID_HEADER));
        let _bound = logs::bind(&request_id);
        let method = request.method().clone();
        let route = self
            .settings
            .routes
            .route_of(request.uri().path())
            .to_string();
        let refusal = header_problem(request.headers())
            .map(|why| (StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, why))
            .or_else(|| {
                let target = request
                    .uri()
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                (!decodes_to_utf8(target)).then(|| {
                    (
                        StatusCode::BAD_REQUEST,
                        "the request path or query is not valid UTF-8".to_string(),
                    )
                })
            });
        if let Ok(value) = HeaderValue::from_str(&request_id) {
            request.headers_mut().insert(REQUEST_ID_HEADER, value);
        }
        let mut forward_slot = None;
        let mut response = if let Some((status, why)) = refusal {
            self.finish(detail_response(status, &why).map(Either::Right), None)
        } else if let Some(body) = self.settings.cached_answer(&method, request.uri()) {
            let origin = self.settings.reader_origin(request.headers());
            let answer = json_response(body);
            self.finish(answer.map(Either::Right), origin.as_ref())
        } else if request.uri().path() == METRICS_PATH && method == Method::GET {
            let origin = self.settings.reader_origin(request.headers());
            let answer = match self.settings.metrics_allowed(request.headers(), peer) {
                Ok(()) => {
                    let mut r = Response::new(Full::new(Bytes::from(
                        self.settings.metrics.render(),
                    )));
                    r.headers_mut().insert(
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
                    );
                    r
                }
                Err(StatusCode::UNAUTHORIZED) => {
                    detail_response(StatusCode::UNAUTHORIZED, "a valid metrics token is required")
                }
                Err(status) => detail_response(
                    status,
                    "metrics are served to loopback clients only; set METRICS_TOKEN to read them remotely",
                ),
            };
            self.finish(answer.map(Either::Right), origin.as_ref())
        } else {
            forward_slot = Arc::clone(&self.forwards).acquire_owned().await.ok();
            let Ok(response) = self.forward(peer, request, &request_id).await;
            response
        };

        if let Ok(value) = HeaderValue::from_str(&request_id) {
            response.headers_mut().insert(REQUEST_ID_HEADER, value);
        }
        let status = response.status().as_u16();
        let elapsed = started.elapsed();
        self.settings
            .metrics
            .record_request(method.as_str(), &route, status, elapsed);
        tracing::info!(
            method = %method,
            route = %route,
            status,
            latency_ms = elapsed.as_secs_f64() * 1000.0,
            "request"
        );
        Ok(response.map(|inner| HeldBody {
            inner,
            _request: active,
            _forward: forward_slot,
        }))
    }

    /// Forwards a request to the router and fixes up its answer.
    async fn forward(
        &self,
        peer: SocketAddr,
        mut request: Request<Incoming>,
        request_id: &str,
    ) -> Result<Response<LayerBody>, Infallible> {
        let origin = self.settings.reader_origin(request.headers());
        if request.method() == Method::OPTIONS {
            return Ok(self
                .settings
                .preflight(request.headers())
                .map(Either::Right));
        }

        let client = self.settings.client_address(request.headers(), peer);
        let headers = request.headers_mut();
        strip_hop_by_hop(headers);
        headers.remove(PEER_HEADER);
        if let Ok(value) = HeaderValue::from_str(&format!("{} {client}", self.settings.peer_secret))
        {
            headers.insert(PEER_HEADER, value);
        }
        let path = request
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/");
        let Ok(uri) = format!("http://{}{path}", self.upstream).parse::<Uri>() else {
            return Ok(self.finish(
                detail_response(StatusCode::BAD_REQUEST, "invalid request URI").map(Either::Right),
                origin.as_ref(),
            ));
        };
        if request.version() == Version::HTTP_2 {
            // Keep the client's authority for the HTTP/1.1 hop.
            if let Some(authority) = request.uri().authority().cloned() {
                if let Ok(host) = HeaderValue::from_str(authority.as_str()) {
                    request.headers_mut().entry(header::HOST).or_insert(host);
                }
            }
        }
        *request.uri_mut() = uri;
        *request.version_mut() = Version::HTTP_11;
        let cut_off = Arc::new(AtomicBool::new(false));
        let limits = &self.settings.connections;
        let request = request.map(|body| {
            MinRateBody::new(
                body,
                limits.body_min_bytes_per_sec,
                limits.body_rate_window,
                Arc::clone(&cut_off),
            )
        });

        let result = self.client.request(request).await;
        if cut_off.load(Ordering::Acquire) {
            let mut slow = detail_response(
                StatusCode::REQUEST_TIMEOUT,
                &format!(
                    "the request body arrived slower than {} bytes per second; the connection is closed",
                    limits.body_min_bytes_per_sec
                ),
            );
            slow.headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            return Ok(self.finish(slow.map(Either::Right), origin.as_ref()));
        }
        let response = match result {
            Ok(response) => response,
            Err(error) => {
                tracing::error!(%error, "forwarding a request to the router");
                return Ok(self.finish(
                    detail_response(
                        StatusCode::BAD_GATEWAY,
                        "the server could not route the request",
                    )
                    .map(Either::Right),
                    origin.as_ref(),
                ));
            }
        };
        let (mut parts, body) = response.into_parts();
        strip_hop_by_hop(&mut parts.headers);
        let body = if (parts.status.is_client_error() || parts.status.is_server_error())
            && is_json(&parts.headers)
        {
            match Limited::new(body, ERROR_BODY_MAX).collect().await {
                Ok(collected) => {
                    let bytes = collected.to_bytes();
                    let bytes = rewrite_error(parts.status, &mut parts.headers, &bytes, request_id)
                        .unwrap_or(bytes);
                    parts
                        .headers
                        .insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
                    Either::Right(Full::new(bytes))
                }
                Err(error) => {
                    tracing::warn!(error = %error, "reading an error body");
                    let status = parts.status;
                    let fallback =
                        detail_response(status, status.canonical_reason().unwrap_or("error"));
                    return Ok(self.finish(fallback.map(Either::Right), origin.as_ref()));
                }
            }
        } else {
            Either::Left(body)
        };
        Ok(self.finish(Response::from_parts(parts, body), origin.as_ref()))
    }

    fn finish(
        &self,
        mut response: Response<LayerBody>,
        origin: Option<&HeaderValue>,
    ) -> Response<LayerBody> {
        self.settings.decorate(response.headers_mut(), origin);
        response
    }
}

/// The running layer: stops when closed or dropped.
pub struct LayerHandle {
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl LayerHandle {
    /// Stops accepting, lets open requests finish (at most 10 s) and returns.
    pub async fn close(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), task).await;
        }
    }
}

impl Drop for LayerHandle {
    fn drop(&mut self) {
        // Dropping the sender ends the accept loop.
        self.stop.take();
    }
}

/// Serves the layer on `listener`, forwarding to the router at `upstream`.
pub fn spawn(listener: TcpListener, upstream: SocketAddr, settings: LayerSettings) -> LayerHandle {
    let connections = Connections::new(settings.connections.clone());
    let mut client = Client::builder(TokioExecutor::new());
    // Below hyper's 30 s header-read timeout on the router's side, so an idle
    // pooled connection is never reused just as the router closes it.
    client
        .pool_idle_timeout(Duration::from_secs(20))
        .pool_timer(TokioTimer::new());
    let layer = Arc::new(Layer {
        forwards: Arc::new(Semaphore::new(settings.connections.max_connections)),
        settings,
        upstream,
        client: client.build_http(),
    });
    let (stop, mut stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let mut builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
        // The connection guard times request heads and idle connections.
        builder
            .http1()
            .timer(TokioTimer::new())
            .header_read_timeout(None)
            .max_headers(HYPER_MAX_HEADERS);
        builder
            .http2()
            .timer(TokioTimer::new())
            .max_header_list_size(HYPER_MAX_HEADER_BYTES);
        let graceful = hyper_util::server::graceful::GracefulShutdown::new();
        loop {
            // A slot first: a connection over the bound is not even accepted.
            let slot = tokio::select! {
                slot = connections.slot() => slot,
                _ = &mut stopped => break,
            };
            let (socket, peer) = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok(pair) => pair,
                    Err(error) => {
                        tracing::warn!(%error, "accepting a connection");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                },
                _ = &mut stopped => break,
            };
            let _ = socket.set_nodelay(true);
            let registration = connections.register(slot);
            let state = Arc::clone(&registration.state);
            let layer = Arc::clone(&layer);
            let service = hyper::service::service_fn(move |request| {
                let layer = Arc::clone(&layer);
                let active = state.begin_request();
                async move { layer.handle(peer, request, active).await }
            });
            let io = WatchedIo::new(socket, Arc::clone(&registration.state));
            let connection = builder
                .serve_connection(TokioIo::new(io), service)
                .into_owned();
            let connection = graceful.watch(connection);
            tokio::spawn(async move {
                tokio::select! {
                    _ = connection => {}
                    _ = registration.closing() => {}
                }
            });
        }
        drop(listener);
        let _ = tokio::time::timeout(Duration::from_secs(10), graceful.shutdown()).await;
    });
    LayerHandle {
        stop: Some(stop),
        task: Some(task),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cache that holds one body, for `/share/tok-1`.
    #[derive(Debug)]
    struct OnePath;

    impl CachedAnswers for OnePath {
        fn body_for(&self, path: &str) -> Option<Bytes> {
            (path == "/share/tok-1").then(|| Bytes::from_static(b"{}"))
        }
    }

    fn settings(cors: CorsOrigins) -> LayerSettings {
        LayerSettings {
            cors,
            hsts: false,
            trust_proxy_header: false,
            peer_secret: "s".into(),
            metrics_token: None,
            metrics: Arc::new(Metrics::default()),
            routes: RouteTable::default(),
            cached: Arc::new(OnePath),
            connections: ConnectionSettings {
                header_timeout: Duration::from_secs(10),
                idle_timeout: Duration::from_secs(60),
                body_min_bytes_per_sec: 1024,
                body_rate_window: Duration::from_secs(10),
                max_connections: 16,
            },
        }
    }

    fn list(origins: &[&str]) -> CorsOrigins {
        CorsOrigins::List(origins.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn security_headers_are_added_without_overriding() {
        let mut s = settings(list(&["https://app.example"]));
        s.hsts = true;
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("max-age=60"),
        );
        s.decorate(&mut headers, None);
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["x-frame-options"], "DENY");
        assert_eq!(
            headers["referrer-policy"],
            "strict-origin-when-cross-origin"
        );
        assert!(headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'none'"));
        assert_eq!(headers["cache-control"], "max-age=60");
        assert!(headers.contains_key("strict-transport-security"));
        assert!(!headers.contains_key("access-control-allow-origin"));
        assert_eq!(headers["vary"], "Origin");
    }

    #[test]
    fn only_plain_gets_are_answered_from_the_cache() {
        let s = settings(CorsOrigins::Any);
        let hit = |method: Method, uri: &str| {
            s.cached_answer(&method, &uri.parse::<Uri>().unwrap())
                .is_some()
        };
        assert!(hit(Method::GET, "/share/tok-1"));
        assert!(!hit(Method::HEAD, "/share/tok-1"));
        assert!(!hit(Method::POST, "/share/tok-1"));
        assert!(!hit(Method::GET, "/share/tok-1?x=1"));
        assert!(!hit(Method::GET, "/share/tok-1/pdf"));
        assert!(!hit(Method::GET, "/share/tok-2"));
        assert!(!hit(Method::GET, "/r/tok-1"));
    }

    #[test]
    fn preflight_only_for_allowed_origins() {
        let s = settings(list(&["https://app.example"]));
        let mut request = HeaderMap::new();
        request.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://app.example"),
        );
        request.insert(
            header::ACCESS_CONTROL_REQUEST_METHOD,
            HeaderValue::from_static("PATCH"),
        );
        request.insert(
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            HeaderValue::from_static("authorization, content-type"),
        );
        let ok = s.preflight(&request);
        assert_eq!(ok.status(), StatusCode::NO_CONTENT);
        let h = ok.headers();
        assert_eq!(h["access-control-allow-origin"], "https://app.example");
        assert!(h["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("PATCH"));
        assert_eq!(
            h["access-control-allow-headers"],
            "authorization, content-type"
        );
        assert_eq!(h["x-content-type-options"], "nosniff");

        request.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        let refused = s.preflight(&request);
        assert_eq!(refused.status(), StatusCode::NO_CONTENT);
        assert!(!refused
            .headers()
            .contains_key("access-control-allow-origin"));
        assert!(!refused
            .headers()
            .contains_key("access-control-allow-methods"));
    }

    #[test]
    fn wildcard_answers_star() {
        let s = settings(CorsOrigins::Any);
        let origin = HeaderValue::from_static("https://any.example");
        let mut headers = HeaderMap::new();
        s.decorate(&mut headers, s.allowed_origin(Some(&origin)));
        assert_eq!(headers["access-control-allow-origin"], "*");
        assert!(!headers.contains_key("vary"));
    }

    #[test]
    fn proxy_header_only_when_trusted() {
        let mut s = settings(CorsOrigins::Any);
        let peer: SocketAddr = "10.0.0.2:5000".parse().unwrap();
        let mut headers = HeaderMap::new();
        // The client sent a first hop of its choosing; the trusted proxy appended the last.
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("198.51.100.77, 203.0.113.9"),
        );
        assert_eq!(s.client_address(&headers, peer), peer.ip());
        s.trust_proxy_header = true;
        assert_eq!(
            s.client_address(&headers, peer),
            "203.0.113.9".parse::<IpAddr>().unwrap()
        );
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("[2001:db8::5]:443"),
        );
        assert_eq!(
            s.client_address(&headers, peer),
            "2001:db8::5".parse::<IpAddr>().unwrap()
        );
        headers.insert("x-forwarded-for", HeaderValue::from_static("garbage"));
        assert_eq!(s.client_address(&headers, peer), peer.ip());
    }

    #[test]
    fn percent_decoding_must_give_utf8() {
        assert!(decodes_to_utf8("/runs/abc?limit=5&q=%C3%A9t%C3%A9"));
        assert!(decodes_to_utf8("/100%25?x=%zz"));
        assert!(!decodes_to_utf8("/runs/%FF%FE"));
        assert!(!decodes_to_utf8("/ledger?limit=%C0%AF"));
        assert!(!decodes_to_utf8("/a?b=%e9"));
    }

    #[test]
    fn header_floods_are_named() {
        let mut headers = HeaderMap::new();
        for i in 0..MAX_HEADERS {
            headers.insert(
                HeaderName::from_bytes(format!("x-h{i}").as_bytes()).unwrap(),
                HeaderValue::from_static("v"),
            );
        }
        assert_eq!(header_problem(&headers), None);
        headers.insert("x-one-more", HeaderValue::from_static("v"));
        assert!(header_problem(&headers).unwrap().contains("too many"));
        let mut headers = HeaderMap::new();
        let big = "b".repeat(MAX_HEADER_BYTES);
        headers.insert("x-big", HeaderValue::from_str(&big).unwrap());
        assert!(header_problem(&headers).unwrap().contains("too large"));
    }

    #[test]
    fn dropshot_errors_become_detail_and_429_gets_retry_after() {
        let mut headers = HeaderMap::new();
        let body = br#"{"request_id":"r1","error_code":null,"message":"Not Found"}"#;
        let out = rewrite_error(StatusCode::NOT_FOUND, &mut headers, body, "r1").unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"detail": "Not Found", "request_id": "r1"})
        );

        let body = br#"{"detail":"run not found"}"#;
        assert!(rewrite_error(StatusCode::NOT_FOUND, &mut headers, body, "r1").is_none());

        let body = br#"{"detail":"slow down","retry_after":7}"#;
        assert!(rewrite_error(StatusCode::TOO_MANY_REQUESTS, &mut headers, body, "r1").is_none());
        assert_eq!(headers["retry-after"], "7");
    }
}
