//! Runner settings: the shared runner token, the default cook lease and the
//! price of runner compute.

use clap::Args;

/// Longest lease a runner may ask for, in seconds.
pub const MAX_LEASE_SECONDS: i64 = 3600;

/// Runner settings, flattened into the server's flags.
#[derive(Args, Clone, Debug)]
pub struct RunnerArgs {
    /// Shared bearer token for `/runner/*`; unset, only per-runner tokens work.
    #[arg(long, env = "RUNNER_TOKEN", hide_env_values = true)]
    pub runner_token: Option<String>,

    /// Default lease of a claimed cook, in seconds (1 to 3600); heartbeats extend it.
    #[arg(long, env = "COOK_LEASE_SECONDS", default_value_t = 120)]
    pub cook_lease_seconds: i64,

    /// Price of an hour of runner compute, in USD (prices a cook's `duration_sec`).
    #[arg(long, env = "RIG_USD_PER_HOUR", default_value_t = 0.80)]
    pub rig_usd_per_hour: f64,
}

/// The resolved runner settings.
#[derive(Clone, Debug)]
pub struct RunnerSettings {
    pub shared_token: Option<String>,
    pub lease_seconds: i64,
    pub rig_usd_per_hour: f64,
}

impl RunnerSettings {
    /// Checks the flags, adding every problem to `problems`.
    pub fn resolve(args: RunnerArgs, production: bool, problems: &mut Vec<String>) -> Self {
        let shared_token = args
            .runner_token
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        if production {
            if let Some(token) = &shared_token {
                if token.len() < 32 {
                    problems.push("RUNNER_TOKEN must be at least 32 characters".to_string());
                }
            }
        }
        if !(1..=MAX_LEASE_SECONDS).contains(&args.cook_lease_seconds) {
            problems.push(format!(
                "COOK_LEASE_SECONDS must be 1 to {MAX_LEASE_SECONDS}"
            ));
        }
        if !args.rig_usd_per_hour.is_finite() || args.rig_usd_per_hour < 0.0 {
            problems.push("RIG_USD_PER_HOUR must be a number, 0 or more".to_string());
        }
        RunnerSettings {
            shared_token,
            lease_seconds: args.cook_lease_seconds,
            rig_usd_per_hour: args.rig_usd_per_hour,
        }
    }
}
