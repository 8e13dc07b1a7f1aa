//! Organisations, users and magic-link tokens.

use sqlx::any::AnyRow;
use sqlx::Row;

use super::{int, opt_text, text, Db};

#[derive(Clone, Debug)]
pub struct OrgRow {
    pub id: String,
    pub name: String,
    pub slug: String,
    pub plan: String,
    pub receipt_count: i64,
    pub created_at: String,
}

#[derive(Clone, Debug)]
pub struct UserRow {
    pub id: String,
    pub org_id: String,
    pub email: String,
    pub name: Option<String>,
    pub role: String,
    pub created_at: String,
}

fn org_row(row: &AnyRow) -> Result<OrgRow, sqlx::Error> {
    Ok(OrgRow {
        id: text(row, "id")?,
        name: text(row, "name")?,
        slug: text(row, "slug")?,
        plan: text(row, "plan")?,
        receipt_count: int(row, "receipt_count")?,
        created_at: text(row, "created_at")?,
    })
}

pub(crate) fn user_row(row: &AnyRow) -> Result<UserRow, sqlx::Error> {
    Ok(UserRow {
        id: text(row, "id")?,
        org_id: text(row, "org_id")?,
        email: text(row, "email")?,
        name: opt_text(row, "name")?,
        role: text(row, "role")?,
        created_at: text(row, "created_at")?,
    })
}

/// Stores a magic-link token's hash.
pub async fn insert_magic_token(
    db: &Db,
    id: &str,
    email: &str,
    token_hash: &str,
    expires_at: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO magic_tokens (id, email, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(email)
    .bind(token_hash)
    .bind(expires_at)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

pub async fn user_by_email(db: &Db, email: &str) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| user_row(&r))
        .transpose()
}

pub async fn user_by_id(db: &Db, id: &str) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| user_row(&r))
        .transpose()
}

/// A session's user and whether the session was signed out, in one query.
pub async fn session_user(
    db: &Db,
    user_id: &str,
    jti: &str,
) -> Result<Option<(UserRow, bool)>, sqlx::Error> {
    sqlx::query(
        "SELECT u.*, (SELECT COUNT(*) FROM revoked_tokens r WHERE r.jti = $2) AS revoked \
         FROM users u WHERE u.id = $1",
    )
    .bind(user_id)
    .bind(jti)
    .fetch_optional(&db.pool)
    .await?
    .map(|r| Ok((user_row(&r)?, super::int(&r, "revoked")? > 0)))
    .transpose()
}

pub async fn org_by_id(db: &Db, id: &str) -> Result<Option<OrgRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM orgs WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| org_row(&r))
        .transpose()
}

pub async fn member_count(db: &Db, org_id: &str) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) AS n FROM users WHERE org_id = $1")
        .bind(org_id)
        .fetch_one(&db.pool)
        .await?
        .try_get("n")
}

/// What signing in with a magic link came to.
pub enum SignIn {
    /// The link was valid and is now used; the user existed or was just created.
    User(UserRow),
    /// Unknown, used or expired link; nothing changed.
    InvalidLink,
    /// Another first sign-in of the same email created the user meanwhile; nothing
    /// changed (the link is still unused) and the caller should try again.
    Raced,
}

/// Uses a magic link and, for a new email, creates its organisation with the user
/// as owner, all in one transaction: a failure leaves the link unused.
pub async fn sign_in_with_link(
    db: &Db,
    token_hash: &str,
    now: &str,
    new_account: impl FnOnce(&str) -> (OrgRow, UserRow),
) -> Result<SignIn, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let consumed = sqlx::query(
        "UPDATE magic_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING email",
    )
    .bind(now)
    .bind(token_hash)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = consumed else {
        tx.rollback().await?;
        return Ok(SignIn::InvalidLink);
    };
    let email = text(&row, "email")?;
    let existing = sqlx::query("SELECT * FROM users WHERE email = $1")
        .bind(&email)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| user_row(&r))
        .transpose()?;
    if let Some(user) = existing {
        tx.commit().await?;
        return Ok(SignIn::User(user));
    }
    let (org, user) = new_account(&email);
    sqlx::query("INSERT INTO orgs (id, name, slug, plan, receipt_count, created_at) VALUES ($1, $2, $3, $4, 0, $5)")
        .bind(&org.id)
        .bind(&org.name)
        .bind(&org.slug)
        .bind(&org.plan)
        .bind(&org.created_at)
        .execute(&mut *tx)
        .await?;
    match insert_user(&mut tx, &user).await {
        Ok(()) => {
            tx.commit().await?;
            Ok(SignIn::User(user))
        }
        Err(e) if super::is_unique_violation(&e) => {
            tx.rollback().await?;
            Ok(SignIn::Raced)
        }
        Err(e) => Err(e),
    }
}

/// Inserts a user inside a transaction (a taken email is a unique violation).
pub(crate) async fn insert_user(
    tx: &mut crate::store::Tx,
    user: &UserRow,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO users (id, org_id, email, name, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&user.id)
    .bind(&user.org_id)
    .bind(&user.email)
    .bind(&user.name)
    .bind(&user.role)
    .bind(&user.created_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
