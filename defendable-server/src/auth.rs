//! Sign-in and principals: magic links (hashed, single use, atomic), session JWTs
//! and resolving the bearer of a request to a user of an organisation.

use chrono::Duration;
use http::HeaderMap;
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use defendable_contract::doctrine::Role;
use defendable_contract::schemas::{MagicRequestOut, Me, TokenOut, TokenUser};

use crate::context::AppContext;
use crate::error::{db, ApiError};
use crate::ids;
use crate::store::accounts::{self, OrgRow, SignIn, UserRow};
use crate::time;

/// Who is calling.
#[derive(Clone, Debug)]
pub struct Principal {
    pub user_id: String,
    pub org_id: String,
    pub email: String,
    pub role: Role,
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
pub fn normalise_email(raw: &str) -> Result<String, ApiError> {
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
        Err(ApiError::bad_request("enter a valid email"))
    }
}

/// Stores a magic-link token for `email` and returns the link (as `dev_link` in development).
pub async fn request_link(ctx: &AppContext, raw_email: &str) -> Result<MagicRequestOut, ApiError> {
    let email = normalise_email(raw_email)?;
    if ctx.config.production && !ctx.config.email_configured {
        return Err(ApiError::unavailable("email delivery unavailable"));
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
    Ok(MagicRequestOut {
        ok: true,
        sent: false,
        dev_link: Some(link),
    })
}

/// Exchanges a magic-link token for a JWT; a new email gets its own organisation.
pub async fn verify_link(ctx: &AppContext, token: &str) -> Result<TokenOut, ApiError> {
    let token = token.trim();
    if token.is_empty() || token.len() > 200 {
        return Err(ApiError::unauthorized("invalid or expired link"));
    }
    let token_hash = ids::secret_hash(token);
    for _ in 0..3 {
        let outcome =
            accounts::sign_in_with_link(&ctx.db, &token_hash, &time::now_micros(), new_account)
                .await
                .map_err(db("signing in"))?;
        match outcome {
            SignIn::User(user) => return issue_token(ctx, &user),
            SignIn::InvalidLink => return Err(ApiError::unauthorized("invalid or expired link")),
            // A parallel first sign-in of the same email created the user: go again.
            SignIn::Raced => continue,
        }
    }
    Err(ApiError::unavailable("sign-in is busy; retry shortly"))
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

fn issue_token(ctx: &AppContext, user: &UserRow) -> Result<TokenOut, ApiError> {
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

/// Resolves the request's bearer token to a principal (401 otherwise).
pub async fn authenticate(ctx: &AppContext, headers: &HeaderMap) -> Result<Principal, ApiError> {
    let value = headers
        .get(http::header::AUTHORIZATION)
        .ok_or_else(|| ApiError::unauthorized("missing bearer token"))?
        .to_str()
        .map_err(|_| ApiError::unauthorized("invalid or expired token"))?;
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::unauthorized("missing bearer token"))?;
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_required_spec_claims(&["exp", "sub"]);
    validation.leeway = 0;
    let claims = decode::<Claims>(
        token,
        &DecodingKey::from_secret(ctx.config.jwt_secret.as_bytes()),
        &validation,
    )
    .map_err(|_| ApiError::unauthorized("invalid or expired token"))?
    .claims;
    let user = accounts::user_by_id(&ctx.db, &claims.sub)
        .await
        .map_err(db("reading a user"))?
        .filter(|u| u.org_id == claims.org)
        .ok_or_else(|| ApiError::unauthorized("invalid or expired token"))?;
    Ok(Principal {
        user_id: user.id,
        org_id: user.org_id,
        email: user.email,
        role: Role::parse(&user.role).unwrap_or(Role::Member),
    })
}

/// `GET /auth/me`.
pub async fn me(ctx: &AppContext, principal: &Principal) -> Result<Me, ApiError> {
    let user = accounts::user_by_id(&ctx.db, &principal.user_id)
        .await
        .map_err(db("reading a user"))?
        .ok_or_else(|| ApiError::unauthorized("user not found"))?;
    let org = accounts::org_by_id(&ctx.db, &user.org_id)
        .await
        .map_err(db("reading an organisation"))?
        .ok_or_else(|| ApiError::not_found("org not found"))?;
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
            assert_eq!(normalise_email(bad).unwrap_err().status(), 400, "{bad}");
        }
    }
}
