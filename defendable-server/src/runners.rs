//! Runner credentials: the shared `RUNNER_TOKEN` bearer and the per-runner tokens
//! the operator issues and revokes (stored hashed, shown once), plus the runner
//! settings. Public user tokens never open `/runner/*`.

pub use crate::config::runners::{RunnerArgs, RunnerSettings, MAX_LEASE_SECONDS};
use http::HeaderMap;

use defendable_contract::schemas::{RunnerToken, RunnerTokenCreated, RunnerTokenList};

use crate::context::AppContext;
use crate::error::{db, Error};
use crate::operator::secret_matches;
use crate::store::runner_tokens::{self as store, RunnerTokenRow};
use crate::{ids, time};

/// How per-runner tokens start (user API keys start with `dc_`).
pub const TOKEN_PREFIX: &str = "dcrun_";

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
pub async fn authenticate(ctx: &AppContext, headers: &HeaderMap) -> Result<RunnerIdentity, Error> {
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
            None => Err(Error::unauthenticated("invalid runner token")),
        };
    }
    let Some(expected) = ctx.config.runners.shared_token.as_deref() else {
        return Err(Error::unavailable(
            "runner not configured: set RUNNER_TOKEN or issue a per-runner token",
        ));
    };
    if presented.is_empty() || !secret_matches(presented, expected) {
        return Err(Error::unauthenticated("invalid runner token"));
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
pub async fn issue(ctx: &AppContext, name: &str) -> Result<RunnerTokenCreated, Error> {
    let name = crate::text::required_text(name, "name", 100)?;
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
pub async fn list(ctx: &AppContext) -> Result<RunnerTokenList, Error> {
    let rows = store::list(&ctx.db)
        .await
        .map_err(db("listing runner tokens"))?;
    Ok(RunnerTokenList {
        runners: rows.iter().map(view).collect(),
    })
}

/// `DELETE /internal/runners/{runner_id}`: the token fails from the next request on.
pub async fn revoke(ctx: &AppContext, id: &str) -> Result<RunnerToken, Error> {
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::not_found("runner token not found"));
    }
    store::revoke(&ctx.db, id, &time::now_micros())
        .await
        .map_err(db("revoking a runner token"))?;
    let row = store::get(&ctx.db, id)
        .await
        .map_err(db("reading a runner token"))?
        .ok_or_else(|| Error::not_found("runner token not found"))?;
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
