//! Observability settings: the log format and who may read `GET /metrics`.

use clap::Args;

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines, prefixed with `[request id]`.
    Text,
    /// One JSON object per line, with a `request_id` member.
    Json,
}

/// Logging and metrics settings (flattened into the server's flags).
#[derive(Args, Clone, Debug)]
pub struct ObservabilityArgs {
    /// Log line format: `text` or `json` (one JSON object per line).
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value = "text")]
    pub log_format: LogFormat,

    /// Bearer token that reads `GET /metrics` from anywhere; unset, `/metrics`
    /// answers only loopback clients that came through no proxy.
    #[arg(long, env = "METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
}

/// The resolved settings.
#[derive(Clone, Debug, Default)]
pub struct Observability {
    pub metrics_token: Option<String>,
}

impl Observability {
    pub fn resolve(args: &ObservabilityArgs) -> Observability {
        Observability {
            metrics_token: args
                .metrics_token
                .clone()
                .filter(|token| !token.trim().is_empty()),
        }
    }
}
