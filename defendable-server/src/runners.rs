//! Runner credentials: the shared `RUNNER_TOKEN` bearer and the per-runner tokens
//! the operator issues and revokes (stored hashed, shown once), plus the runner
//! settings. Public user tokens never open `/runner/*`.

use clap::Args;
use http::HeaderMap;

use defendable_contract::schemas::{RunnerToken, RunnerTokenCreated, RunnerTokenList};

use crate::context::AppContext;
use crate::error::{db, ApiError};
use crate::operator::secret_matches;
use crate::store::runner_tokens::{self as store, RunnerTokenRow};
use crate::{ids, time};

/// How per-runner tokens start (user API keys start with `dc_`).
pub const TOKEN_PREFIX: &str = "dcrun_";

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

/// Which runner credential a request carried.
#[derive(Clone, Debug)]
pub struct RunnerIdentity {
    /// What a lease records as its holder: `token:<id>` or `shared`.
    pub key: String,
    /// A per-runner token's registered name.
    pub name: Option<String>,
}

fn bearer(headers: &HeaderMap) -> &str {
    headers
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .unwrap_or("")
}

/// A per-runner token (checked against its stored hash) or the shared
/// `RUNNER_TOKEN` (compared in constant time). 401 for anything else; 503 when
/// the shared token is unset and no per-runner token was presented.
pub async fn authenticate(
    ctx: &AppContext,
    headers: &HeaderMap,
) -> Result<RunnerIdentity, ApiError> {
    let presented = bearer(headers);
    if presented.starts_with(TOKEN_PREFIX) {
        let found = store::use_by_hash(&ctx.db, &ids::secret_hash(presented), &time::now_micros())
            .await
            .map_err(db("checking a runner token"))?;
        return match found {
            Some(t) => Ok(RunnerIdentity {
                key: format!("token:{}", t.id),
                name: Some(t.name),
            }),
            None => Err(ApiError::unauthorized("invalid runner token")),
        };
    }
    let Some(expected) = ctx.config.runners.shared_token.as_deref() else {
        return Err(ApiError::unavailable(
            "runner not configured: set RUNNER_TOKEN or issue a per-runner token",
        ));
    };
    if presented.is_empty() || !secret_matches(presented, expected) {
        return Err(ApiError::unauthorized("invalid runner token"));
    }
    Ok(RunnerIdentity {
        key: "shared".to_string(),
        name: None,
    })
}

fn view(t: &RunnerTokenRow) -> RunnerToken {
    RunnerToken {
        id: t.id.clone(),
        name: t.name.clone(),
        token_prefix: t.token_prefix.clone(),
        created_at: time::to_wire(&t.created_at),
        last_used_at: t.last_used_at.as_deref().map(time::to_wire),
        revoked_at: t.revoked_at.as_deref().map(time::to_wire),
    }
}

/// `POST /internal/runners`: a new token, shown once.
pub async fn issue(ctx: &AppContext, name: &str) -> Result<RunnerTokenCreated, ApiError> {
    let name = crate::runs::required_text(name, "name", 100)?;
    let token = format!("{TOKEN_PREFIX}{}", ids::random_token(32));
    let row = RunnerTokenRow {
        id: ids::new_id(),
        name,
        token_prefix: token.chars().take(12).collect(),
        token_hash: ids::secret_hash(&token),
        created_at: time::now_micros(),
        last_used_at: None,
        revoked_at: None,
    };
    store::insert(&ctx.db, &row)
        .await
        .map_err(db("storing a runner token"))?;
    tracing::info!(runner_token = %row.id, name = %row.name, "runner token issued");
    Ok(RunnerTokenCreated {
        id: row.id,
        name: row.name,
        token_prefix: row.token_prefix,
        token,
        created_at: time::to_wire(&row.created_at),
    })
}

/// `GET /internal/runners`.
pub async fn list(ctx: &AppContext) -> Result<RunnerTokenList, ApiError> {
    let rows = store::list(&ctx.db)
        .await
        .map_err(db("listing runner tokens"))?;
    Ok(RunnerTokenList {
        runners: rows.iter().map(view).collect(),
    })
}

/// `DELETE /internal/runners/{runner_id}`: the token fails from the next request on.
pub async fn revoke(ctx: &AppContext, id: &str) -> Result<RunnerToken, ApiError> {
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::not_found("runner token not found"));
    }
    store::revoke(&ctx.db, id, &time::now_micros())
        .await
        .map_err(db("revoking a runner token"))?;
    let row = store::get(&ctx.db, id)
        .await
        .map_err(db("reading a runner token"))?
        .ok_or_else(|| ApiError::not_found("runner token not found"))?;
    tracing::info!(runner_token = %row.id, "runner token revoked");
    Ok(view(&row))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(token: Option<&str>, lease: i64, price: f64) -> RunnerArgs {
        RunnerArgs {
            runner_token: token.map(str::to_string),
            cook_lease_seconds: lease,
            rig_usd_per_hour: price,
        }
    }

    #[test]
    fn settings_are_checked_and_every_problem_listed() {
        let mut problems = Vec::new();
        let s = RunnerSettings::resolve(args(Some("  "), 120, 0.8), true, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(s.shared_token, None, "a blank token is no token");

        let mut problems = Vec::new();
        RunnerSettings::resolve(args(Some("short"), 0, f64::NAN), true, &mut problems);
        assert_eq!(problems.len(), 3, "{problems:?}");

        let mut problems = Vec::new();
        let s = RunnerSettings::resolve(args(Some("short"), 3600, 0.0), false, &mut problems);
        assert!(
            problems.is_empty(),
            "development accepts a short token: {problems:?}"
        );
        assert_eq!(s.shared_token.as_deref(), Some("short"));
    }
}
