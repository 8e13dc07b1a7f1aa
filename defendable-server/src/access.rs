//! Access control: API keys (minted by an owner's session, shown once, stored
//! hashed, looked up by prefix, compared in constant time, soft-revoked, scoped and
//! optionally expiring), members and roles, invites, usage and the organisation's
//! settings.

use chrono::{Datelike, Duration, TimeZone, Utc};

use defendable_contract::doctrine::{ApiScope, Role};
use defendable_contract::schemas::{
    ApiKey, ApiKeyCreated, ApiKeyIn, ApiKeyList, OrgInvite, OrgInviteCreated, OrgInviteIn,
    OrgInviteList, OrgMember, OrgMemberList, OrgSettings, TokenOut, UsageStats,
};

use crate::auth::{self, scopes_of, Principal, KEY_PREFIX, PREFIX_LEN};
use crate::context::AppContext;
use crate::error::{db, Error};
use crate::store::access::{self as store, Acceptance, ApiKeyRow, InviteRow, MemberChange};
use crate::store::accounts::{self, UserRow};
use crate::{ids, time};

/// How long an invite lasts.
const INVITE_DAYS: i64 = 7;
/// Scopes a key gets when none are asked for: it can work, not approve.
const DEFAULT_SCOPES: [ApiScope; 2] = [ApiScope::Read, ApiScope::RunsWrite];

fn key_view(row: &ApiKeyRow) -> ApiKey {
    ApiKey {
        id: row.id.clone(),
        name: row.name.clone(),
        key_prefix: row.key_prefix.clone(),
        scopes: scopes_of(&row.scopes),
        created_at: time::to_wire(&row.created_at),
        expires_at: row.expires_at.as_deref().map(time::to_wire),
        last_used_at: row.last_used_at.as_deref().map(time::to_wire),
        revoked: row.revoked_at.is_some(),
    }
}

/// `POST /org/api-keys`: only an owner's own session (the route needs `Owner`).
pub async fn create_key(
    ctx: &AppContext,
    principal: &Principal,
    body: ApiKeyIn,
) -> Result<ApiKeyCreated, Error> {
    let name = crate::text::required_text(&body.name, "name", 200)?;
    let mut scopes = body.scopes.unwrap_or_else(|| DEFAULT_SCOPES.to_vec());
    scopes.sort_by_key(|s| s.as_str());
    scopes.dedup();
    if scopes.is_empty() {
        return Err(Error::invalid("a key needs at least one scope"));
    }
    let expires_at = match body.expires_in_days {
        None => None,
        Some(days) if (1..=3650).contains(&days) => Some(time::micros_in(Duration::days(days))),
        Some(_) => return Err(Error::invalid("expires_in_days must be 1 to 3650")),
    };
    let scope_text = scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(",");
    for _ in 0..3 {
        let secret = format!("{KEY_PREFIX}{}", ids::random_token(32));
        let row = ApiKeyRow {
            id: ids::new_id(),
            org_id: principal.org_id.clone(),
            name: name.clone(),
            key_prefix: secret[..PREFIX_LEN].to_string(),
            key_hash: ids::secret_hash(&secret),
            scopes: scope_text.clone(),
            created_by: principal.user_id.clone(),
            created_at: time::now_micros(),
            expires_at: expires_at.clone(),
            last_used_at: None,
            revoked_at: None,
        };
        match store::insert_api_key(&ctx.db, &row).await {
            Ok(()) => {
                tracing::info!(key_id = %row.id, org_id = %row.org_id, "api key minted");
                return Ok(ApiKeyCreated {
                    id: row.id,
                    name: row.name,
                    key_prefix: row.key_prefix,
                    scopes,
                    expires_at: row.expires_at.as_deref().map(time::to_wire),
                    secret,
                    created_at: time::to_wire(&row.created_at),
                });
            }
            // Two keys drew the same prefix: draw again.
            Err(e) if crate::store::is_unique_violation(&e) => continue,
            Err(e) => return Err(db("storing an API key")(e)),
        }
    }
    Err(Error::unavailable("could not mint a key; retry"))
}

/// `GET /org/api-keys`.
pub async fn list_keys(ctx: &AppContext, principal: &Principal) -> Result<ApiKeyList, Error> {
    let rows = store::list_api_keys(&ctx.db, &principal.org_id)
        .await
        .map_err(db("listing API keys"))?;
    Ok(ApiKeyList {
        api_keys: rows.iter().map(key_view).collect(),
    })
}

/// `DELETE /org/api-keys/{key_id}`: the key fails from the next request on.
pub async fn revoke_key(
    ctx: &AppContext,
    principal: &Principal,
    key_id: &str,
) -> Result<ApiKey, Error> {
    let row = store::revoke_api_key(&ctx.db, &principal.org_id, key_id, &time::now_micros())
        .await
        .map_err(db("revoking an API key"))?
        .ok_or_else(|| Error::not_found("api key not found"))?;
    tracing::info!(key_id = %row.id, "api key revoked");
    Ok(key_view(&row))
}

fn member_view(user: &UserRow) -> OrgMember {
    OrgMember {
        id: user.id.clone(),
        email: user.email.clone(),
        name: user.name.clone(),
        role: Role::parse(&user.role).unwrap_or(Role::Member),
        created_at: time::to_wire(&user.created_at),
    }
}

/// `GET /org/members`.
pub async fn members(ctx: &AppContext, principal: &Principal) -> Result<OrgMemberList, Error> {
    let rows = store::members(&ctx.db, &principal.org_id)
        .await
        .map_err(db("listing members"))?;
    Ok(OrgMemberList {
        members: rows.iter().map(member_view).collect(),
    })
}

fn member_change(change: MemberChange) -> Result<OrgMember, Error> {
    match change {
        MemberChange::Done(user) => Ok(member_view(&user)),
        MemberChange::NotFound => Err(Error::not_found("member not found")),
        MemberChange::Refused(why) => Err(Error::conflict(why)),
    }
}

/// `PUT /org/members/{user_id}/role`.
pub async fn set_role(
    ctx: &AppContext,
    principal: &Principal,
    user_id: &str,
    role: Role,
) -> Result<OrgMember, Error> {
    let change = store::set_role(
        &ctx.db,
        &principal.org_id,
        &principal.user_id,
        user_id,
        role.as_str(),
    )
    .await
    .map_err(db("changing a role"))?;
    member_change(change)
}

/// `DELETE /org/members/{user_id}`.
pub async fn remove_member(
    ctx: &AppContext,
    principal: &Principal,
    user_id: &str,
) -> Result<OrgMember, Error> {
    let change = store::remove_member(
        &ctx.db,
        &principal.org_id,
        &principal.user_id,
        user_id,
        &time::now_micros(),
    )
    .await
    .map_err(db("removing a member"))?;
    member_change(change)
}

fn invite_view(row: &InviteRow) -> OrgInvite {
    OrgInvite {
        id: row.id.clone(),
        email: row.email.clone(),
        role: Role::parse(&row.role).unwrap_or(Role::Member),
        expires_at: time::to_wire(&row.expires_at),
        accepted_at: row.accepted_at.as_deref().map(time::to_wire),
        created_at: time::to_wire(&row.created_at),
    }
}

/// `POST /org/invites`. The answer does not depend on whether the email has an
/// account already (accepting such an invite is refused to the invitee). When the
/// server sends mail, the secret goes only into the invitee's mail.
pub async fn invite(
    ctx: &AppContext,
    principal: &Principal,
    body: OrgInviteIn,
) -> Result<OrgInviteCreated, Error> {
    let email = auth::normalise_email(&body.email)?;
    let role = body.role.unwrap_or(Role::Member);
    let by_mail = ctx.mailer.sends();
    let token = ids::random_token(32);
    let row = InviteRow {
        id: ids::new_id(),
        org_id: principal.org_id.clone(),
        email,
        role: role.as_str().to_string(),
        token_hash: ids::secret_hash(&token),
        created_by: principal.user_id.clone(),
        expires_at: time::micros_in(Duration::days(INVITE_DAYS)),
        accepted_at: None,
        created_at: time::now_micros(),
        token_disclosed: !by_mail,
    };
    store::insert_invite(&ctx.db, &row)
        .await
        .map_err(db("storing an invite"))?;
    let invite_url = format!("{}/auth/callback?invite={token}", ctx.config.app_base_url);
    let emailed = if by_mail {
        let org_name = accounts::org_by_id(&ctx.db, &principal.org_id)
            .await
            .map_err(db("reading an organisation"))?
            .map(|o| o.name)
            .unwrap_or_default();
        let mail = crate::mail::invite(
            &row.email,
            &org_name,
            role.as_str(),
            &invite_url,
            INVITE_DAYS,
        );
        ctx.mailer.send_best_effort(&mail).await
    } else {
        false
    };
    Ok(OrgInviteCreated {
        id: row.id,
        email: row.email,
        role,
        emailed,
        // Development without mail only: then nobody else could deliver it.
        invite_url: (!by_mail).then_some(invite_url),
        expires_at: time::to_wire(&row.expires_at),
        created_at: time::to_wire(&row.created_at),
    })
}

/// `GET /org/invites`.
pub async fn invites(ctx: &AppContext, principal: &Principal) -> Result<OrgInviteList, Error> {
    let rows = store::list_invites(&ctx.db, &principal.org_id)
        .await
        .map_err(db("listing invites"))?;
    Ok(OrgInviteList {
        invites: rows.iter().map(invite_view).collect(),
    })
}

/// `POST /auth/accept-invite`: single use, atomically; the new user signs in.
/// When the server sends mail, only an invite whose secret travelled by mail
/// counts (holding it proves the mailbox).
pub async fn accept_invite(ctx: &AppContext, token: &str) -> Result<TokenOut, Error> {
    let token = token.trim();
    // The whole link is accepted as well as its `invite` value.
    let token = token
        .split_once("invite=")
        .map(|(_, t)| t.split('&').next().unwrap_or(t))
        .unwrap_or(token);
    if token.is_empty() || token.len() > 200 {
        return Err(Error::unauthenticated("invalid or expired invite"));
    }
    let outcome = store::accept_invite(
        &ctx.db,
        &ids::secret_hash(token),
        &time::now_micros(),
        !ctx.mailer.sends(),
        |invite| UserRow {
            id: ids::new_id(),
            org_id: invite.org_id.clone(),
            email: invite.email.clone(),
            name: None,
            role: invite.role.clone(),
            created_at: time::now_micros(),
        },
    )
    .await
    .map_err(db("accepting an invite"))?;
    match outcome {
        Acceptance::User(user) => auth::session_for(ctx, &user),
        Acceptance::InvalidInvite => Err(Error::unauthenticated("invalid or expired invite")),
        Acceptance::EmailTaken => Err(Error::conflict("email already has an account")),
    }
}

/// `GET /org/usage`.
pub async fn usage(ctx: &AppContext, principal: &Principal) -> Result<UsageStats, Error> {
    let now = Utc::now();
    let month_start = Utc
        .with_ymd_and_hms(now.year(), now.month(), 1, 0, 0, 0)
        .single()
        .map(time::micros)
        .unwrap_or_else(|| time::micros(now));
    let (lifetime, this_month, next_seq) = store::usage(&ctx.db, &principal.org_id, &month_start)
        .await
        .map_err(db("counting receipts"))?;
    Ok(UsageStats {
        receipts_lifetime: lifetime,
        receipts_this_month: this_month,
        org_seq: next_seq,
        earned_lanes: crate::agents::earned_lane_count(ctx, &principal.org_id).await?,
    })
}

/// `GET /org/settings`.
pub async fn settings(ctx: &AppContext, principal: &Principal) -> Result<OrgSettings, Error> {
    Ok(OrgSettings {
        require_distinct_approver: store::require_distinct_approver(&ctx.db, &principal.org_id)
            .await
            .map_err(db("reading settings"))?,
    })
}

/// `PUT /org/settings`.
pub async fn set_settings(
    ctx: &AppContext,
    principal: &Principal,
    body: OrgSettings,
) -> Result<OrgSettings, Error> {
    store::set_require_distinct_approver(
        &ctx.db,
        &principal.org_id,
        body.require_distinct_approver,
    )
    .await
    .map_err(db("changing settings"))?;
    Ok(body)
}
