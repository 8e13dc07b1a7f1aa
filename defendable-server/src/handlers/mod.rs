//! The handler layer: the API trait's implementation ([`api`]), the one call
//! every handler opens ([`Call`]: binds the request's id to its log lines,
//! authenticates the caller the route lets in, and spends from the route's rate
//! limit), the boundary where a domain [`Error`] becomes the API's `{"detail"}`
//! and status, and raw responses (PDFs, files, HTML pages).

pub mod api;

use dropshot::{Body, RequestContext};
use http::Response;

use defendable_contract::api::ApiError;

use crate::auth::{self, Need, Principal};
use crate::context::AppContext;
use crate::error::Error;
use crate::observability::logs;
use crate::runners::RunnerIdentity;
use crate::{operator, runners};

pub use api::DefendableServer;

type Ctx = RequestContext<AppContext>;

/// The rate limit a route spends from before its service runs.
#[derive(Clone, Copy, Debug)]
pub enum Limit<'a> {
    /// Not limited.
    None,
    /// `/auth/request`: per email address and per client address.
    SignIn { email: &'a str },
    /// `/auth/verify`: per client address.
    Verify,
    /// `/auth/accept-invite`: per client address.
    AcceptInvite,
    /// A receipt mint: per organisation (needs a member caller).
    Mint,
    /// The routes that read a whole chain (proofs, the public log): per client address.
    PublicLog,
}

/// An open handler call: the context, who is calling (`()` on a public or an
/// operator route, a [`Principal`] on a member's or an administrator's, a
/// [`RunnerIdentity`] on a runner's), and the request's log binding, which
/// lasts as long as the call.
pub struct Call<'r, W = ()> {
    pub ctx: &'r AppContext,
    pub who: W,
    pub _log: logs::Binding,
}

impl<'r> Call<'r> {
    /// A public route.
    pub async fn anyone(rqctx: &'r Ctx, limit: Limit<'_>) -> Result<Self, ApiError> {
        let call = Call {
            ctx: rqctx.context(),
            who: (),
            _log: logs::bind_request(&rqctx.request),
        };
        spend(rqctx, limit, None).await?;
        Ok(call)
    }

    /// An operator route: the internal key (`X-Internal-Key`) must match.
    pub async fn operator(rqctx: &'r Ctx) -> Result<Self, ApiError> {
        let call = Call::anyone(rqctx, Limit::None).await?;
        operator::require_internal_key(call.ctx, rqctx.request.headers())?;
        Ok(call)
    }
}

impl<'r> Call<'r, Principal> {
    /// A member's route: a session or API key of an organisation that may do `need`.
    pub async fn member(rqctx: &'r Ctx, need: Need, limit: Limit<'_>) -> Result<Self, ApiError> {
        let _log = logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        let who = auth::authenticate(ctx, rqctx.request.headers(), need).await?;
        spend(rqctx, limit, Some(&who)).await?;
        Ok(Call { ctx, who, _log })
    }

    /// An administrator's route: an administrator's own session.
    pub async fn admin(rqctx: &'r Ctx) -> Result<Self, ApiError> {
        let _log = logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        let who = auth::authenticate_admin(ctx, rqctx.request.headers()).await?;
        Ok(Call { ctx, who, _log })
    }
}

impl<'r> Call<'r, RunnerIdentity> {
    /// A runner's route: the shared runner token or a per-runner token.
    pub async fn runner(rqctx: &'r Ctx) -> Result<Self, ApiError> {
        let _log = logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        let who = runners::authenticate(ctx, rqctx.request.headers()).await?;
        Ok(Call { ctx, who, _log })
    }
}

/// Spends one request from the route's limit (handlers call it directly only
/// where a refusal is not the answer, as on the receipt page).
pub(super) async fn spend(
    rqctx: &Ctx,
    limit: Limit<'_>,
    who: Option<&Principal>,
) -> Result<(), Error> {
    let ctx = rqctx.context();
    let client = || ctx.client_address(&rqctx.request);
    match limit {
        Limit::None => Ok(()),
        Limit::SignIn { email } => ctx.limits.auth_request(email, client()).await,
        Limit::Verify => ctx.limits.auth_verify(client()).await,
        Limit::AcceptInvite => ctx.limits.accept_invite(client()).await,
        Limit::PublicLog => ctx.limits.public_log(client()).await,
        Limit::Mint => match who {
            Some(principal) => ctx.limits.mint(&principal.org_id).await,
            None => Err(Error::broken("a mint limit on a route without a member")),
        },
    }
}

/// The handler boundary: a domain error becomes the API's `{"detail"}` and status.
impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        let status = match &error {
            Error::InvalidInput(_) => 400,
            Error::Unauthenticated(_) => 401,
            Error::Forbidden(_) => 403,
            Error::NotFound(_) => 404,
            Error::Conflict(_) => 409,
            Error::Gone(_) => 410,
            Error::TooLarge(_) => 413,
            Error::Unprocessable(_) => 422,
            Error::NotReady { retry_after, .. } => {
                return ApiError::too_early(error.detail(), *retry_after)
            }
            Error::RateLimited { retry_after, .. } => {
                return ApiError::too_many_requests(error.detail(), *retry_after)
            }
            Error::Upstream(_) => 502,
            Error::Unavailable(_) => 503,
            Error::Storage(_) | Error::Internal(_) => 500,
        };
        ApiError::new(status, error.detail())
    }
}

/// A 200 with raw bytes: a PDF, a file, an export.
pub fn raw(
    content_type: &str,
    disposition: Option<String>,
    bytes: Vec<u8>,
) -> Result<Response<Body>, ApiError> {
    let mut builder = Response::builder()
        .status(200)
        .header(http::header::CONTENT_TYPE, content_type);
    if let Some(d) = disposition {
        builder = builder.header(http::header::CONTENT_DISPOSITION, d);
    }
    builder
        .body(Body::from(bytes))
        .map_err(|e| crate::error::internal("building a response", e).into())
}

/// An HTML page with its own Content-Security-Policy (the HTTP layer keeps a
/// policy the handler set), kept out of referrers and search indexes: the URL
/// holds the share token.
pub fn html(status: u16, csp: &str, body: String) -> Result<Response<Body>, ApiError> {
    Response::builder()
        .status(status)
        .header(http::header::CONTENT_TYPE, "text/html; charset=utf-8")
        .header(http::header::CONTENT_SECURITY_POLICY, csp)
        .header(http::header::REFERRER_POLICY, "no-referrer")
        .header("x-robots-tag", "noindex")
        .body(Body::from(body))
        .map_err(|e| crate::error::internal("building a response", e).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_errors_keep_their_sentence_and_get_their_status() {
        let cases = [
            (Error::invalid("bad"), 400),
            (Error::unauthenticated("who"), 401),
            (Error::forbidden("no"), 403),
            (Error::not_found("gone"), 404),
            (Error::conflict("stale"), 409),
            (Error::gone("expired"), 410),
            (Error::too_large("big"), 413),
            (Error::unprocessable("odd"), 422),
            (Error::upstream("stripe"), 502),
            (Error::unavailable("busy"), 503),
            (Error::Storage("s".into()), 500),
        ];
        for (error, status) in cases {
            let detail = error.detail().to_string();
            let api = ApiError::from(error);
            assert_eq!(
                (api.status(), api.detail.as_str()),
                (status, detail.as_str())
            );
            assert_eq!(api.retry_after, None);
        }
        let api = ApiError::from(Error::rate_limited("slow", 7));
        assert_eq!((api.status(), api.retry_after), (429, Some(7)));
        let api = ApiError::from(Error::not_ready("soon", 2));
        assert_eq!((api.status(), api.retry_after), (425, Some(2)));
    }
}
