//! Access-control storage: API keys, members and roles, invites, revoked session
//! tokens, usage counts and the organisation's settings.

use sqlx::any::AnyRow;

use super::accounts::{user_row, UserRow};
use super::{int, opt_text, text, Db};

#[derive(Clone, Debug)]
pub struct ApiKeyRow {
    pub id: String,
    pub org_id: String,
    pub name: String,
    pub key_prefix: String,
    pub key_hash: String,
    /// Comma-separated scopes.
    pub scopes: String,
    pub created_by: String,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

fn key_row(row: &AnyRow) -> Result<ApiKeyRow, sqlx::Error> {
    Ok(ApiKeyRow {
        id: text(row, "id")?,
        org_id: text(row, "org_id")?,
        name: text(row, "name")?,
        key_prefix: text(row, "key_prefix")?,
        key_hash: text(row, "key_hash")?,
        scopes: text(row, "scopes")?,
        created_by: text(row, "created_by")?,
        created_at: text(row, "created_at")?,
        expires_at: opt_text(row, "expires_at")?,
        last_used_at: opt_text(row, "last_used_at")?,
        revoked_at: opt_text(row, "revoked_at")?,
    })
}

pub async fn insert_api_key(db: &Db, k: &ApiKeyRow) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO api_keys (id, org_id, name, key_prefix, key_hash, scopes, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&k.id)
    .bind(&k.org_id)
    .bind(&k.name)
    .bind(&k.key_prefix)
    .bind(&k.key_hash)
    .bind(&k.scopes)
    .bind(&k.created_by)
    .bind(&k.created_at)
    .bind(&k.expires_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// A key by its public prefix (revoked or not: the caller decides).
pub async fn api_key_by_prefix(db: &Db, prefix: &str) -> Result<Option<ApiKeyRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM api_keys WHERE key_prefix = $1")
        .bind(prefix)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| key_row(&r))
        .transpose()
}

/// Records a use, at most once a minute per key (no write on every request).
pub async fn touch_api_key(
    db: &Db,
    id: &str,
    now: &str,
    a_minute_ago: &str,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE api_keys SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)",
    )
    .bind(now)
    .bind(id)
    .bind(a_minute_ago)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

pub async fn list_api_keys(db: &Db, org_id: &str) -> Result<Vec<ApiKeyRow>, sqlx::Error> {
    let rows = sqlx::query("SELECT * FROM api_keys WHERE org_id = $1 ORDER BY created_at DESC, id")
        .bind(org_id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(key_row).collect()
}

/// The user who minted a key (the human an `apikey:<id>` actor stands for).
pub async fn key_minter_tx(
    tx: &mut crate::store::Tx,
    key_id: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query("SELECT created_by FROM api_keys WHERE id = $1")
        .bind(key_id)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| text(&r, "created_by"))
        .transpose()
}

/// Soft-revokes a key of this organisation (the first revocation time is kept).
pub async fn revoke_api_key(
    db: &Db,
    org_id: &str,
    id: &str,
    now: &str,
) -> Result<Option<ApiKeyRow>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let value = sqlx::query(
        "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $1) WHERE org_id = $2 AND id = $3 RETURNING *",
    )
    .bind(now)
    .bind(org_id)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    .map(|r| key_row(&r))
    .transpose()?;
    tx.commit().await?;
    Ok(value)
}

pub async fn members(db: &Db, org_id: &str) -> Result<Vec<UserRow>, sqlx::Error> {
    let rows = sqlx::query("SELECT * FROM users WHERE org_id = $1 ORDER BY created_at, id")
        .bind(org_id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(user_row).collect()
}

/// Takes the organisation's row lock for the rest of the transaction (serialises
/// role changes, so "one owner at least" holds under concurrency).
async fn lock_org(tx: &mut crate::store::Tx, org_id: &str) -> Result<(), sqlx::Error> {
    super::lock_row(tx, "orgs", super::Touch::Column("plan"), None, org_id).await?;
    Ok(())
}

/// What a membership change came to.
pub enum MemberChange {
    Done(UserRow),
    NotFound,
    /// Refused, with the reason.
    Refused(&'static str),
}

async fn member_and_owner_count(
    tx: &mut crate::store::Tx,
    org_id: &str,
    user_id: &str,
) -> Result<(Option<UserRow>, i64), sqlx::Error> {
    let member = sqlx::query("SELECT * FROM users WHERE org_id = $1 AND id = $2")
        .bind(org_id)
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| user_row(&r))
        .transpose()?;
    let owners =
        sqlx::query("SELECT COUNT(*) AS n FROM users WHERE org_id = $1 AND role = 'owner'")
            .bind(org_id)
            .fetch_one(&mut **tx)
            .await?;
    Ok((member, int(&owners, "n")?))
}

/// Sets a member's role; an owner cannot demote themself and the last owner stays.
pub async fn set_role(
    db: &Db,
    org_id: &str,
    acting_user_id: &str,
    user_id: &str,
    role: &str,
) -> Result<MemberChange, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    lock_org(&mut tx, org_id).await?;
    let (member, owners) = member_and_owner_count(&mut tx, org_id, user_id).await?;
    let Some(mut member) = member else {
        tx.rollback().await?;
        return Ok(MemberChange::NotFound);
    };
    if member.role == "owner" && role != "owner" {
        if member.id == acting_user_id {
            tx.rollback().await?;
            return Ok(MemberChange::Refused("owners cannot demote themselves"));
        }
        if owners <= 1 {
            tx.rollback().await?;
            return Ok(MemberChange::Refused(
                "the organisation must keep at least one owner",
            ));
        }
    }
    sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
        .bind(role)
        .bind(&member.id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    member.role = role.to_string();
    Ok(MemberChange::Done(member))
}

/// Removes a member (their sessions then fail) and revokes the API keys they
/// minted, in one transaction; never oneself, never the last owner.
pub async fn remove_member(
    db: &Db,
    org_id: &str,
    acting_user_id: &str,
    user_id: &str,
    now: &str,
) -> Result<MemberChange, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    lock_org(&mut tx, org_id).await?;
    let (member, owners) = member_and_owner_count(&mut tx, org_id, user_id).await?;
    let Some(member) = member else {
        tx.rollback().await?;
        return Ok(MemberChange::NotFound);
    };
    if member.id == acting_user_id {
        tx.rollback().await?;
        return Ok(MemberChange::Refused("you cannot remove yourself"));
    }
    if member.role == "owner" && owners <= 1 {
        tx.rollback().await?;
        return Ok(MemberChange::Refused(
            "the organisation must keep at least one owner",
        ));
    }
    sqlx::query("DELETE FROM users WHERE id = $1")
        .bind(&member.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $1) WHERE org_id = $2 AND created_by = $3",
    )
    .bind(now)
    .bind(org_id)
    .bind(&member.id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(MemberChange::Done(member))
}

#[derive(Clone, Debug)]
pub struct InviteRow {
    pub id: String,
    pub org_id: String,
    pub email: String,
    pub role: String,
    pub token_hash: String,
    pub created_by: String,
    pub expires_at: String,
    pub accepted_at: Option<String>,
    pub created_at: String,
    /// The secret was shown to the inviter (development without mail).
    pub token_disclosed: bool,
}

fn invite_row(row: &AnyRow) -> Result<InviteRow, sqlx::Error> {
    Ok(InviteRow {
        id: text(row, "id")?,
        org_id: text(row, "org_id")?,
        email: text(row, "email")?,
        role: text(row, "role")?,
        token_hash: text(row, "token_hash")?,
        created_by: text(row, "created_by")?,
        expires_at: text(row, "expires_at")?,
        accepted_at: opt_text(row, "accepted_at")?,
        created_at: text(row, "created_at")?,
        token_disclosed: int(row, "token_disclosed")? != 0,
    })
}

pub async fn insert_invite(db: &Db, i: &InviteRow) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO invites (id, org_id, email, role, token_hash, created_by, expires_at, created_at, token_disclosed) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&i.id)
    .bind(&i.org_id)
    .bind(&i.email)
    .bind(&i.role)
    .bind(&i.token_hash)
    .bind(&i.created_by)
    .bind(&i.expires_at)
    .bind(&i.created_at)
    .bind(i64::from(i.token_disclosed))
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

pub async fn list_invites(db: &Db, org_id: &str) -> Result<Vec<InviteRow>, sqlx::Error> {
    let rows = sqlx::query("SELECT * FROM invites WHERE org_id = $1 ORDER BY created_at DESC, id")
        .bind(org_id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(invite_row).collect()
}

/// What accepting an invite came to.
pub enum Acceptance {
    User(UserRow),
    InvalidInvite,
    /// The email has an account already; the invite stays unused.
    EmailTaken,
}

/// Uses an invite (atomically, once) and creates its user, in one transaction.
/// An invite whose secret was shown to the inviter counts only when
/// `disclosed_ok` (development without mail).
pub async fn accept_invite(
    db: &Db,
    token_hash: &str,
    now: &str,
    disclosed_ok: bool,
    new_user: impl FnOnce(&InviteRow) -> UserRow,
) -> Result<Acceptance, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let invite = sqlx::query(
        "UPDATE invites SET accepted_at = $1 WHERE token_hash = $2 AND accepted_at IS NULL AND expires_at > $1 \
         AND (token_disclosed = 0 OR $3 = 1) RETURNING *",
    )
    .bind(now)
    .bind(token_hash)
    .bind(i64::from(disclosed_ok))
    .fetch_optional(&mut *tx)
    .await?
    .map(|r| invite_row(&r))
    .transpose()?;
    let Some(invite) = invite else {
        tx.rollback().await?;
        return Ok(Acceptance::InvalidInvite);
    };
    let user = new_user(&invite);
    match super::accounts::insert_user(&mut tx, &user).await {
        Ok(()) => {
            tx.commit().await?;
            Ok(Acceptance::User(user))
        }
        Err(e) if super::is_unique_violation(&e) => {
            tx.rollback().await?;
            Ok(Acceptance::EmailTaken)
        }
        Err(e) => Err(e),
    }
}

/// Revokes a session token until it would have expired anyway.
pub async fn revoke_token(
    db: &Db,
    jti: &str,
    expires_at: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO revoked_tokens (jti, expires_at, revoked_at) VALUES ($1, $2, $3) ON CONFLICT (jti) DO NOTHING",
    )
    .bind(jti)
    .bind(expires_at)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Receipt counts: lifetime, since `month_start`, and the next chain position.
pub async fn usage(
    db: &Db,
    org_id: &str,
    month_start: &str,
) -> Result<(i64, i64, i64), sqlx::Error> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS lifetime, \
                COALESCE(SUM(CASE WHEN created_at >= $2 THEN 1 ELSE 0 END), 0) AS this_month, \
                COALESCE(MAX(org_seq) + 1, 0) AS next_seq \
         FROM receipts WHERE org_id = $1",
    )
    .bind(org_id)
    .bind(month_start)
    .fetch_one(&db.pool)
    .await?;
    Ok((
        int(&row, "lifetime")?,
        int(&row, "this_month")?,
        int(&row, "next_seq")?,
    ))
}

pub async fn require_distinct_approver(db: &Db, org_id: &str) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("SELECT require_distinct_approver AS v FROM orgs WHERE id = $1")
        .bind(org_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(match row {
        Some(r) => int(&r, "v")? != 0,
        None => false,
    })
}

pub async fn set_require_distinct_approver(
    db: &Db,
    org_id: &str,
    on: bool,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE orgs SET require_distinct_approver = $1 WHERE id = $2")
        .bind(i64::from(on))
        .bind(org_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}
