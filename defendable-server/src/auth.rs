//! Sign-in and principals: magic links (hashed, single use, atomic), session JWTs
//! and resolving the bearer of a request to a user of an organisation.

use chrono::{Duration, Utc};
use http::HeaderMap;
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq as _;

use defendable_contract::doctrine::{ApiScope, Role};
use defendable_contract::schemas::{LogoutOut, MagicRequestOut, Me, TokenOut, TokenUser};

use crate::context::AppContext;
use crate::error::{db, Error};
use crate::ids;
use crate::store::access;
use crate::store::accounts::{self, OrgRow, SignIn, UserRow};
use crate::time;

/// Every API key starts with this; the bearer is then a key, not a JWT.
pub const KEY_PREFIX: &str = "dc_";
/// How many leading characters of a key are kept in clear, for lookup.
pub const PREFIX_LEN: usize = 12;

/// The scopes stored with a key (comma-separated).
pub fn scopes_of(text: &str) -> Vec<ApiScope> {
    text.split(',').filter_map(ApiScope::parse).collect()
}

/// Who is calling: a person's session or an organisation's API key.
#[derive(Clone, Debug)]
pub struct Principal {
    /// The actor written into audit trails: a user id, or `apikey:<key id>` for a key.
    pub user_id: String,
    /// The person behind the actor: the user themself, or the user who minted the key.
    pub human_id: String,
    pub org_id: String,
    /// A person's email; for a key, the email of the owner who minted it.
    pub email: String,
    /// A key acts as a member, never as an owner.
    pub role: Role,
    pub credential: Credential,
}

/// How the caller proved who they are.
#[derive(Clone, Debug)]
pub enum Credential {
    Session {
        jti: String,
        expires_at: i64,
    },
    ApiKey {
        key_id: String,
        name: String,
        scopes: Vec<ApiScope>,
        created_at: String,
    },
}

/// What a route needs of its caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Reading the organisation's data.
    Read,
    /// Creating and changing projects and runs.
    RunsWrite,
    /// Recording a human decision on a verdict.
    Approve,
    /// An owner's own session: keys, invites, roles, settings.
    Owner,
}

impl Principal {
    pub fn is_api_key(&self) -> bool {
        matches!(self.credential, Credential::ApiKey { .. })
    }

    /// How audit trails and receipts name this actor.
    pub fn label(&self) -> String {
        match &self.credential {
            Credential::Session { .. } => self.email.clone(),
            Credential::ApiKey { name, .. } => format!("api key {name} ({})", self.user_id),
        }
    }

    /// 403 unless this principal may do what the route needs.
    pub fn require(&self, need: Need) -> Result<(), Error> {
        match (&self.credential, need) {
            (Credential::Session { .. }, Need::Owner) if self.role != Role::Owner => Err(
                Error::forbidden("only an owner of the organisation can do this"),
            ),
            (Credential::Session { .. }, _) => Ok(()),
            (Credential::ApiKey { .. }, Need::Owner) => Err(Error::forbidden(
                "API keys cannot manage keys, invites, roles or settings; sign in as an owner",
            )),
            (Credential::ApiKey { scopes, .. }, need) => {
                let scope = match need {
                    Need::Read => ApiScope::Read,
                    Need::RunsWrite => ApiScope::RunsWrite,
                    _ => ApiScope::Approve,
                };
                if scopes.contains(&scope) {
                    Ok(())
                } else {
                    Err(Error::forbidden(format!(
                        "this API key lacks the {} scope",
                        scope.as_str()
                    )))
                }
            }
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    org: String,
    email: String,
    iat: i64,
    exp: i64,
    jti: String,
}

/// Trims, lowercases and minimally validates an email address.
pub fn normalise_email(raw: &str) -> Result<String, Error> {
    let email = raw.trim().to_lowercase();
    let valid = email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            }
            None => false,
        };
    if valid {
        Ok(email)
    } else {
        Err(Error::invalid("enter a valid email"))
    }
}

/// Stores a magic-link token for `email` and returns the link (as `dev_link` in development).
pub async fn request_link(ctx: &AppContext, raw_email: &str) -> Result<MagicRequestOut, Error> {
    let email = normalise_email(raw_email)?;
    if ctx.config.production && !ctx.mailer.sends() {
        return Err(Error::unavailable("email delivery unavailable"));
    }
    let token = ids::random_token(32);
    accounts::insert_magic_token(
        &ctx.db,
        &ids::new_id(),
        &email,
        &ids::secret_hash(&token),
        &time::micros_in(Duration::minutes(ctx.config.magic_ttl_minutes)),
        &time::now_micros(),
    )
    .await
    .map_err(db("storing a magic link"))?;
    let link = format!("{}/auth/callback?token={}", ctx.config.app_base_url, token);
    tracing::info!(%email, "magic link issued");
    if !ctx.mailer.sends() {
        // Development without SMTP: the link comes back inline.
        return Ok(MagicRequestOut {
            ok: true,
            sent: false,
            dev_link: Some(link),
        });
    }
    let mail = crate::mail::magic_link(&email, &link, ctx.config.magic_ttl_minutes);
    ctx.mailer.send(&mail).await.map_err(|_| {
        Error::unavailable("the sign-in email could not be sent; try again shortly")
    })?;
    Ok(MagicRequestOut {
        ok: true,
        sent: true,
        dev_link: None,
    })
}

/// Exchanges a magic-link token for a JWT; a new email gets its own organisation.
pub async fn verify_link(ctx: &AppContext, token: &str) -> Result<TokenOut, Error> {
    let token = token.trim();
    if token.is_empty() || token.len() > 200 {
        return Err(Error::unauthenticated("invalid or expired link"));
    }
    let token_hash = ids::secret_hash(token);
    for _ in 0..3 {
        let outcome =
            accounts::sign_in_with_link(&ctx.db, &token_hash, &time::now_micros(), new_account)
                .await
                .map_err(db("signing in"))?;
        match outcome {
            SignIn::User(user) => return issue_token(ctx, &user),
            SignIn::InvalidLink => return Err(Error::unauthenticated("invalid or expired link")),
            // A parallel first sign-in of the same email created the user: go again.
            SignIn::Raced => continue,
        }
    }
    Err(Error::unavailable("sign-in is busy; retry shortly"))
}

/// The organisation and owner a new email gets on its first sign-in.
fn new_account(email: &str) -> (OrgRow, UserRow) {
    let domain = email.split_once('@').map(|(_, d)| d).unwrap_or(email);
    let org_id = ids::new_id();
    let now = time::now_micros();
    let org = OrgRow {
        id: org_id.clone(),
        name: domain.to_string(),
        slug: format!("{}-{}", ids::slugify(domain), &org_id[..6]),
        plan: "free".into(),
        receipt_count: 0,
        created_at: now.clone(),
    };
    let user = UserRow {
        id: ids::new_id(),
        org_id,
        email: email.to_string(),
        name: None,
        role: Role::Owner.as_str().into(),
        created_at: now,
    };
    (org, user)
}

fn issue_token(ctx: &AppContext, user: &UserRow) -> Result<TokenOut, Error> {
    let now = chrono::Utc::now().timestamp();
    let ttl = ctx.config.jwt_ttl_hours * 3600;
    let claims = Claims {
        sub: user.id.clone(),
        org: user.org_id.clone(),
        email: user.email.clone(),
        iat: now,
        exp: now + ttl,
        jti: ids::new_id(),
    };
    let token = encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(ctx.config.jwt_secret.as_bytes()),
    )
    .map_err(|e| crate::error::internal("signing a token", e))?;
    Ok(TokenOut {
        access_token: token,
        token_type: "bearer".into(),
        expires_in: ttl,
        user: TokenUser {
            id: user.id.clone(),
            email: user.email.clone(),
            org_id: user.org_id.clone(),
            name: user.name.clone(),
            role: Role::parse(&user.role).unwrap_or(Role::Member),
        },
    })
}

/// The bearer token of a request, if it has one.
fn bearer(headers: &HeaderMap) -> Result<&str, Error> {
    let value = headers
        .get(http::header::AUTHORIZATION)
        .ok_or_else(|| Error::unauthenticated("missing bearer token"))?
        .to_str()
        .map_err(|_| Error::unauthenticated("invalid or expired token"))?;
    value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| Error::unauthenticated("missing bearer token"))
}

/// Resolves the request's bearer (a session JWT or a `dc_` API key) to a principal
/// allowed to do what the route needs: 401 for bad credentials, 403 for too few rights.
pub async fn authenticate(
    ctx: &AppContext,
    headers: &HeaderMap,
    need: Need,
) -> Result<Principal, Error> {
    let token = bearer(headers)?;
    let principal = if token.starts_with(KEY_PREFIX) {
        principal_of_key(ctx, token).await?
    } else {
        session_principal(ctx, token).await?
    };
    principal.require(need)?;
    Ok(principal)
}

fn decode_session(ctx: &AppContext, token: &str) -> Result<Claims, Error> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_required_spec_claims(&["exp", "sub"]);
    validation.leeway = 0;
    decode::<Claims>(
        token,
        &DecodingKey::from_secret(ctx.config.jwt_secret.as_bytes()),
        &validation,
    )
    .map(|d| d.claims)
    .map_err(|_| Error::unauthenticated("invalid or expired token"))
}

async fn session_principal(ctx: &AppContext, token: &str) -> Result<Principal, Error> {
    let claims = decode_session(ctx, token)?;
    // Re-read on every request, with the sign-out list in the same query: a
    // removed member's or a signed-out token fails at once.
    let (user, revoked) = accounts::session_user(&ctx.db, &claims.sub, &claims.jti)
        .await
        .map_err(db("checking a session"))?
        .ok_or_else(|| Error::unauthenticated("invalid or expired token"))?;
    if revoked {
        return Err(Error::unauthenticated("this session has been signed out"));
    }
    if user.org_id != claims.org {
        return Err(Error::unauthenticated("invalid or expired token"));
    }
    Ok(Principal {
        human_id: user.id.clone(),
        user_id: user.id,
        org_id: user.org_id,
        email: user.email,
        role: Role::parse(&user.role).unwrap_or(Role::Member),
        credential: Credential::Session {
            jti: claims.jti,
            expires_at: claims.exp,
        },
    })
}

/// An administrator's own session (`ADMIN_EMAILS`, case-insensitive); API keys
/// never pass, whoever minted them.
pub async fn authenticate_admin(ctx: &AppContext, headers: &HeaderMap) -> Result<Principal, Error> {
    let principal = authenticate(ctx, headers, Need::Read).await?;
    if principal.is_api_key() {
        return Err(Error::forbidden(
            "admin access requires an administrator's own session; API keys never pass",
        ));
    }
    let email = principal.email.to_ascii_lowercase();
    if !ctx.config.admin_emails.contains(&email) {
        return Err(Error::forbidden("admin access required"));
    }
    Ok(principal)
}

/// `POST /auth/logout`: the presented session stops working for good.
pub async fn logout(ctx: &AppContext, principal: &Principal) -> Result<LogoutOut, Error> {
    match &principal.credential {
        Credential::Session { jti, expires_at } => {
            let until = chrono::DateTime::from_timestamp(*expires_at, 0)
                .map(time::micros)
                .unwrap_or_else(time::now_micros);
            access::revoke_token(&ctx.db, jti, &until, &time::now_micros())
                .await
                .map_err(db("signing out"))?;
            Ok(LogoutOut { ok: true })
        }
        Credential::ApiKey { .. } => Err(Error::invalid(
            "an API key does not sign out; an owner revokes it with DELETE /org/api-keys/{key_id}",
        )),
    }
}

/// Issues a session for a user (sign-in and accepted invites).
pub fn session_for(ctx: &AppContext, user: &UserRow) -> Result<TokenOut, Error> {
    issue_token(ctx, user)
}

/// `GET /auth/me`.
pub async fn me(ctx: &AppContext, principal: &Principal) -> Result<Me, Error> {
    if let Credential::ApiKey {
        name, created_at, ..
    } = &principal.credential
    {
        let org = accounts::org_by_id(&ctx.db, &principal.org_id)
            .await
            .map_err(db("reading an organisation"))?
            .ok_or_else(|| Error::not_found("org not found"))?;
        // A key is described as itself; it is never an administrator.
        return Ok(Me {
            is_admin: false,
            id: principal.user_id.clone(),
            email: principal.email.clone(),
            name: Some(format!("api key {name}")),
            role: principal.role,
            org_id: org.id,
            org_name: org.name,
            created_at: time::to_wire(created_at),
        });
    }
    let user = accounts::user_by_id(&ctx.db, &principal.user_id)
        .await
        .map_err(db("reading a user"))?
        .ok_or_else(|| Error::unauthenticated("user not found"))?;
    let org = accounts::org_by_id(&ctx.db, &user.org_id)
        .await
        .map_err(db("reading an organisation"))?
        .ok_or_else(|| Error::not_found("org not found"))?;
    Ok(Me {
        is_admin: ctx.config.admin_emails.contains(&user.email),
        id: user.id,
        email: user.email,
        name: user.name,
        role: principal.role,
        org_id: org.id,
        org_name: org.name,
        created_at: time::to_wire(&user.created_at),
    })
}

/// Resolves a `dc_` bearer to its key's principal: 401 for an unknown, wrong,
/// revoked or expired key.
pub async fn principal_of_key(ctx: &AppContext, secret: &str) -> Result<Principal, Error> {
    let refused = || Error::unauthenticated("invalid, revoked or expired API key");
    if secret.len() < PREFIX_LEN || secret.len() > 200 || !secret.is_ascii() {
        return Err(refused());
    }
    let row = access::api_key_by_prefix(&ctx.db, &secret[..PREFIX_LEN])
        .await
        .map_err(db("reading an API key"))?
        .ok_or_else(refused)?;
    let presented = ids::secret_hash(secret);
    let matches: bool = presented.as_bytes().ct_eq(row.key_hash.as_bytes()).into();
    let now = time::now_micros();
    let expired = row
        .expires_at
        .as_deref()
        .is_some_and(|at| at <= now.as_str());
    if !matches || row.revoked_at.is_some() || expired {
        return Err(refused());
    }
    // `last_used_at` is kept to the minute: a key used in the last minute (as
    // read just now) is not written again, so a busy key costs no write per request.
    let a_minute_ago = time::micros(Utc::now() - Duration::minutes(1));
    let recent = row
        .last_used_at
        .as_deref()
        .is_some_and(|at| at >= a_minute_ago.as_str());
    if !recent {
        if let Err(error) = access::touch_api_key(&ctx.db, &row.id, &now, &a_minute_ago).await {
            tracing::warn!(%error, "recording an API key's use");
        }
    }
    // A key stands for the person who minted it: once they are no longer a
    // member of its organisation, it fails too.
    let minted_by = accounts::user_by_id(&ctx.db, &row.created_by)
        .await
        .map_err(db("reading a user"))?
        .filter(|u| u.org_id == row.org_id)
        .ok_or_else(refused)?;
    Ok(Principal {
        user_id: format!("apikey:{}", row.id),
        human_id: minted_by.id,
        org_id: row.org_id.clone(),
        email: minted_by.email,
        role: Role::Member,
        credential: Credential::ApiKey {
            key_id: row.id.clone(),
            name: row.name.clone(),
            scopes: scopes_of(&row.scopes),
            created_at: row.created_at.clone(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            normalise_email("  Dev@Example.COM ").unwrap(),
            concat!("dev", "@", "example.com")
        );
        for bad in [
            "",
            "nope",
            "a@b",
            "a@.com",
            "a b@c.com",
            "@x.com",
            "a@b@c.com",
        ] {
            assert!(
                matches!(normalise_email(bad).unwrap_err(), Error::InvalidInput(_)),
                "{bad}"
            );
        }
    }
}
