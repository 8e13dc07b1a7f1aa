//! Request ids and log lines: every request gets an id (a sane incoming
//! `X-Request-Id` is kept, otherwise one is made), the id is returned in the
//! response and written on every log line emitted while that request is
//! handled, as text or as one JSON object per line.
//!
//! The HTTP layer and the dropshot handler run in different tokio tasks, so
//! the id travels in the forwarded `X-Request-Id` header and each task binds
//! it ([`bind`]) for as long as it works on the request; the log formatter
//! looks the current task's id up.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use tracing::{Event, Subscriber};
use tracing_subscriber::fmt::format::{DefaultFields, Format, Full, Json, JsonFields, Writer};
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;

/// The header carrying the request id, in both directions.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Longest incoming request id kept.
const REQUEST_ID_MAX: usize = 128;

/// The request id bound to each tokio task working on a request.
static BOUND: LazyLock<Mutex<HashMap<tokio::task::Id, Arc<str>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The id for a request: the client's `X-Request-Id` when it is 1 to 128
/// characters of `A-Z a-z 0-9 . _ : -`, otherwise a new random one.
pub fn request_id(incoming: Option<&http::HeaderValue>) -> String {
    incoming
        .and_then(|v| v.to_str().ok())
        .filter(|v| is_sane(v))
        .map(str::to_string)
        .unwrap_or_else(crate::ids::new_id)
}

fn is_sane(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= REQUEST_ID_MAX
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

/// Marks the current task as working on `id` until the guard is dropped.
pub fn bind(id: &str) -> Binding {
    let task = tokio::task::try_id();
    if let Some(task) = task {
        BOUND
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(task, Arc::from(id));
    }
    Binding { task }
}

/// Binds the id the HTTP layer forwarded with a request (handlers call this first).
pub fn bind_request(request: &dropshot::RequestInfo) -> Binding {
    match request
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| is_sane(v))
    {
        Some(id) => bind(id),
        None => Binding { task: None },
    }
}

/// Unbinds the task's request id when dropped.
pub struct Binding {
    task: Option<tokio::task::Id>,
}

impl Drop for Binding {
    fn drop(&mut self) {
        if let Some(task) = self.task {
            BOUND
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&task);
        }
    }
}

/// The request id bound to the current task, if any.
pub fn current() -> Option<Arc<str>> {
    let task = tokio::task::try_id()?;
    BOUND
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&task)
        .cloned()
}

pub use crate::config::observability::LogFormat;

/// A formatter that adds the current request id to another formatter's line.
struct WithRequestId<F> {
    inner: F,
    json: bool,
}

impl<S, N, F> FormatEvent<S, N> for WithRequestId<F>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
    F: FormatEvent<S, N>,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &Event<'_>,
    ) -> std::fmt::Result {
        let Some(id) = current() else {
            return self.inner.format_event(ctx, writer, event);
        };
        let mut line = String::new();
        self.inner
            .format_event(ctx, Writer::new(&mut line), event)?;
        if self.json {
            // The id is checked to need no JSON escaping.
            match line.strip_prefix('{') {
                Some(rest) => write!(writer, "{{\"request_id\":\"{id}\",{rest}"),
                None => writer.write_str(&line),
            }
        } else {
            write!(writer, "[{id}] {line}")
        }
    }
}

/// Installs the global log subscriber (filter from `DEFENDABLE_LOG`, default `info`).
pub fn init(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("DEFENDABLE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Colour only when a person reads stderr on a terminal, never into a log file.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => {
            let inner: Format<Full> = Format::default();
            builder
                .fmt_fields(DefaultFields::new())
                .event_format(WithRequestId { inner, json: false })
                .init();
        }
        LogFormat::Json => {
            let inner: Format<Json> = Format::default().json().with_current_span(false);
            builder
                .fmt_fields(JsonFields::new())
                .event_format(WithRequestId { inner, json: true })
                .init();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incoming_ids_are_kept_only_when_sane() {
        let keep = http::HeaderValue::from_static("edge-4f:17.a_b");
        assert_eq!(request_id(Some(&keep)), "edge-4f:17.a_b");
        for bad in ["has space", "quote\"", "", &"x".repeat(129)] {
            let value = http::HeaderValue::from_str(bad).unwrap();
            let id = request_id(Some(&value));
            assert_ne!(id, bad);
            assert_eq!(id.len(), 32);
        }
        assert_eq!(request_id(None).len(), 32);
    }

    #[tokio::test]
    async fn a_binding_lasts_as_long_as_its_guard_in_its_task() {
        tokio::spawn(async {
            assert!(current().is_none());
            let guard = bind("req-1");
            assert_eq!(current().as_deref(), Some("req-1"));
            let other = tokio::spawn(async { current() }).await.unwrap();
            assert!(other.is_none(), "another task does not see the id");
            drop(guard);
            assert!(current().is_none());
        })
        .await
        .unwrap();
    }
}
