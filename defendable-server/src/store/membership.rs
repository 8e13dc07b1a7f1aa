//! SQL for memberships: the organisation's membership columns, the seat counter,
//! Checkout Sessions, Stripe events and payments.

use sqlx::any::AnyRow;
use sqlx::{Any, Row};

use super::{int, opt_text, text, Db};

use super::Tx;

/// An organisation's membership as stored.
#[derive(Clone, Debug)]
pub struct MembershipRow {
    pub org_id: String,
    pub org_slug: String,
    pub org_name: String,
    pub status: String,
    pub applied_at: Option<String>,
    /// The application as JSON text.
    pub application: Option<String>,
    pub approved_at: Option<String>,
    pub activated_at: Option<String>,
    pub renewal_at: Option<String>,
    pub seat_number: Option<i64>,
    pub stripe_customer_id: Option<String>,
    pub created_at: String,
}

fn membership_row(row: &AnyRow) -> Result<MembershipRow, sqlx::Error> {
    Ok(MembershipRow {
        org_id: text(row, "id")?,
        org_slug: text(row, "slug")?,
        org_name: text(row, "name")?,
        status: text(row, "membership_status")?,
        applied_at: opt_text(row, "membership_applied_at")?,
        application: opt_text(row, "membership_application")?,
        approved_at: opt_text(row, "membership_approved_at")?,
        activated_at: opt_text(row, "membership_activated_at")?,
        renewal_at: opt_text(row, "membership_renewal_at")?,
        seat_number: row.try_get::<Option<i64>, _>("seat_number")?,
        stripe_customer_id: opt_text(row, "stripe_customer_id")?,
        created_at: text(row, "created_at")?,
    })
}

/// Active memberships whose paid year has ended become `inactive`.
pub async fn lapse_expired(tx: &mut Tx, now: &str) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE orgs SET membership_status = 'inactive' \
         WHERE membership_status = 'active' AND membership_renewal_at < $1",
    )
    .bind(now)
    .execute(&mut **tx)
    .await?
    .rows_affected())
}

/// One organisation's membership becomes `inactive` if its paid year has ended.
pub async fn lapse_org(db: &Db, org_id: &str, now: &str) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let value = sqlx::query(
        "UPDATE orgs SET membership_status = 'inactive' \
         WHERE id = $1 AND membership_status = 'active' AND membership_renewal_at < $2",
    )
    .bind(org_id)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(value)
}

/// An organisation's membership, on the pool or inside a transaction.
pub async fn by_org<'e, E>(executor: E, org_id: &str) -> Result<Option<MembershipRow>, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    sqlx::query("SELECT * FROM orgs WHERE id = $1")
        .bind(org_id)
        .fetch_optional(executor)
        .await?
        .map(|r| membership_row(&r))
        .transpose()
}

pub async fn by_slug_tx(tx: &mut Tx, slug: &str) -> Result<Option<MembershipRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM orgs WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| membership_row(&r))
        .transpose()
}

/// Active memberships whose paid year has not ended at `now`.
pub async fn active_count(db: &Db, now: &str) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "SELECT COUNT(*) AS n FROM orgs WHERE membership_status = 'active' \
         AND (membership_renewal_at IS NULL OR membership_renewal_at >= $1)",
    )
    .bind(now)
    .fetch_one(&db.pool)
    .await?
    .try_get("n")
}

/// Active memberships (call after [`lapse_expired`] in the same transaction).
pub async fn active_count_tx(tx: &mut Tx) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) AS n FROM orgs WHERE membership_status = 'active'")
        .fetch_one(&mut **tx)
        .await?
        .try_get("n")
}

/// 1 + the number of waitlisted organisations that applied earlier.
pub async fn waitlist_position(db: &Db, applied_at: &str) -> Result<i64, sqlx::Error> {
    let ahead: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM orgs WHERE membership_status = 'waitlisted' \
         AND membership_applied_at < $1",
    )
    .bind(applied_at)
    .fetch_one(&db.pool)
    .await?
    .try_get("n")?;
    Ok(ahead + 1)
}

/// Takes the membership lock for the rest of the transaction: every change that
/// counts active memberships or hands out seats goes through it, one at a time.
pub async fn lock(tx: &mut Tx) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE membership_counters SET value = value WHERE name = 'seat'")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The next seat number (call with the membership lock held).
pub async fn next_seat(tx: &mut Tx) -> Result<i64, sqlx::Error> {
    sqlx::query("UPDATE membership_counters SET value = value + 1 WHERE name = 'seat'")
        .execute(&mut **tx)
        .await?;
    int(
        &sqlx::query("SELECT value FROM membership_counters WHERE name = 'seat'")
            .fetch_one(&mut **tx)
            .await?,
        "value",
    )
}

/// Records an application (the first `applied_at` is kept when re-applying).
pub async fn apply(
    tx: &mut Tx,
    org_id: &str,
    status: &str,
    application_json: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE orgs SET membership_status = $1, membership_application = $2, \
         membership_applied_at = COALESCE(membership_applied_at, $3) WHERE id = $4",
    )
    .bind(status)
    .bind(application_json)
    .bind(now)
    .bind(org_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Approved (or waitlisted because the service is full).
pub async fn set_approval(
    tx: &mut Tx,
    org_id: &str,
    status: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE orgs SET membership_status = $1, \
         membership_approved_at = CASE WHEN $2 = 'approved' THEN $3 ELSE membership_approved_at END \
         WHERE id = $4",
    )
    .bind(status)
    .bind(status)
    .bind(now)
    .bind(org_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A paid year starts: active until `renewal_at`, with this seat.
pub async fn activate(
    tx: &mut Tx,
    org_id: &str,
    seat_number: i64,
    now: &str,
    renewal_at: &str,
    customer_id: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE orgs SET membership_status = 'active', seat_number = $1, \
         membership_activated_at = $2, membership_renewal_at = $3, \
         stripe_customer_id = COALESCE(stripe_customer_id, $4) WHERE id = $5",
    )
    .bind(seat_number)
    .bind(now)
    .bind(renewal_at)
    .bind(customer_id)
    .bind(org_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Waitlisted at payment time because the service filled up meanwhile.
pub async fn waitlist(tx: &mut Tx, org_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE orgs SET membership_status = 'waitlisted' WHERE id = $1")
        .bind(org_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Pending and waitlisted applications, oldest application first.
pub async fn applications(db: &Db) -> Result<Vec<MembershipRow>, sqlx::Error> {
    sqlx::query(
        "SELECT * FROM orgs WHERE membership_status IN ('pending', 'waitlisted') \
         AND membership_applied_at IS NOT NULL \
         ORDER BY membership_applied_at ASC, created_at ASC LIMIT 1000",
    )
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(membership_row)
    .collect()
}

/// The email of an owner of the organisation (the earliest).
pub async fn owner_email(db: &Db, org_id: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query(
        "SELECT email FROM users WHERE org_id = $1 AND role = 'owner' ORDER BY created_at ASC LIMIT 1",
    )
    .bind(org_id)
    .fetch_optional(&db.pool)
    .await?
    .map(|r| text(&r, "email"))
    .transpose()
}

/// A Checkout Session this server created.
#[derive(Clone, Debug)]
pub struct CheckoutRow {
    pub id: String,
    pub org_id: String,
    pub price_id: String,
    pub amount_cents: i64,
    pub currency: String,
    pub created_by: String,
    pub expires_at: i64,
    pub created_at: String,
}

pub async fn insert_checkout(db: &Db, c: &CheckoutRow) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO checkout_sessions (id, org_id, price_id, amount_cents, currency, created_by, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&c.id)
    .bind(&c.org_id)
    .bind(&c.price_id)
    .bind(c.amount_cents)
    .bind(&c.currency)
    .bind(&c.created_by)
    .bind(c.expires_at)
    .bind(&c.created_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

pub async fn checkout_tx(tx: &mut Tx, id: &str) -> Result<Option<CheckoutRow>, sqlx::Error> {
    sqlx::query("SELECT * FROM checkout_sessions WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| {
            Ok(CheckoutRow {
                id: text(&r, "id")?,
                org_id: text(&r, "org_id")?,
                price_id: text(&r, "price_id")?,
                amount_cents: int(&r, "amount_cents")?,
                currency: text(&r, "currency")?,
                created_by: text(&r, "created_by")?,
                expires_at: int(&r, "expires_at")?,
                created_at: text(&r, "created_at")?,
            })
        })
        .transpose()
}

/// Claims a Stripe event id for this transaction; a unique violation means the
/// event was seen before.
pub async fn insert_event(
    tx: &mut Tx,
    id: &str,
    event_type: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO stripe_events (id, event_type, outcome, received_at) VALUES ($1, $2, 'processing', $3)",
    )
    .bind(id)
    .bind(event_type)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn finish_event(
    tx: &mut Tx,
    id: &str,
    outcome: &str,
    org_id: Option<&str>,
    seat_number: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE stripe_events SET outcome = $1, org_id = $2, seat_number = $3 WHERE id = $4",
    )
    .bind(outcome)
    .bind(org_id)
    .bind(seat_number)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A recorded event: (outcome, org id, seat number).
pub async fn event(
    db: &Db,
    id: &str,
) -> Result<Option<(String, Option<String>, Option<i64>)>, sqlx::Error> {
    sqlx::query("SELECT outcome, org_id, seat_number FROM stripe_events WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| {
            Ok((
                text(&r, "outcome")?,
                opt_text(&r, "org_id")?,
                r.try_get::<Option<i64>, _>("seat_number")?,
            ))
        })
        .transpose()
}

/// A payment Stripe reported.
#[derive(Clone, Debug)]
pub struct PaymentRow {
    pub id: String,
    /// The PaymentIntent id, or `checkout:<session id>` when there is none.
    pub payment_key: String,
    pub event_id: String,
    pub checkout_session_id: Option<String>,
    pub org_id: Option<String>,
    pub amount_cents: Option<i64>,
    pub currency: Option<String>,
    pub customer_id: Option<String>,
    pub outcome: String,
    pub seat_number: Option<i64>,
    pub created_at: String,
}

/// The recorded payment with this key: (outcome, org id, seat number).
pub async fn payment_tx(
    tx: &mut Tx,
    payment_key: &str,
) -> Result<Option<(String, Option<String>, Option<i64>)>, sqlx::Error> {
    sqlx::query(
        "SELECT outcome, org_id, seat_number FROM membership_payments WHERE payment_key = $1",
    )
    .bind(payment_key)
    .fetch_optional(&mut **tx)
    .await?
    .map(|r| {
        Ok((
            text(&r, "outcome")?,
            opt_text(&r, "org_id")?,
            r.try_get::<Option<i64>, _>("seat_number")?,
        ))
    })
    .transpose()
}

pub async fn insert_payment(tx: &mut Tx, p: &PaymentRow) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO membership_payments (id, payment_key, event_id, checkout_session_id, org_id, \
         amount_cents, currency, customer_id, outcome, seat_number, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&p.id)
    .bind(&p.payment_key)
    .bind(&p.event_id)
    .bind(&p.checkout_session_id)
    .bind(&p.org_id)
    .bind(p.amount_cents)
    .bind(&p.currency)
    .bind(&p.customer_id)
    .bind(&p.outcome)
    .bind(p.seat_number)
    .bind(&p.created_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
