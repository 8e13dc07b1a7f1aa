//! Paying for a membership with Stripe: Checkout Sessions created over Stripe's
//! REST API, and the webhook that turns a verified, paid, correctly priced
//! `checkout.session.completed` event into an active membership with a seat.
//! Every verified event and every reported payment is recorded, whatever
//! became of it, so no payment is silently lost.

use std::time::Duration;

use hmac::{Hmac, Mac};
use http::HeaderMap;
use serde_json::Value;
use sha2::Sha256;

use defendable_contract::doctrine::MembershipStatus;
use defendable_contract::schemas::{
    MembershipCheckoutIn, MembershipCheckoutOut, StripeWebhookResult,
};

use crate::auth::Principal;
use crate::config::StripeConfig;
use crate::context::AppContext;
use crate::error::{db, Error};
use crate::store::membership::{self as store, CheckoutRow, PaymentRow};
use crate::{ids, mail, time};

/// How far a webhook's signed timestamp may be from now.
pub const SIGNATURE_TOLERANCE_SECS: i64 = 300;

/// How long a paid year lasts.
const MEMBERSHIP_DAYS: i64 = 365;

/// The events that can activate a membership: a completed Checkout Session, and
/// the later success of a delayed payment method (bank debits) for one.
const CHECKOUT_COMPLETED: &str = "checkout.session.completed";
const ASYNC_PAYMENT_SUCCEEDED: &str = "checkout.session.async_payment_succeeded";

fn stripe_config(ctx: &AppContext) -> Result<&StripeConfig, Error> {
    ctx.config
        .membership
        .stripe
        .as_ref()
        .ok_or_else(|| Error::unavailable("stripe not configured"))
}

/// The origin Stripe sends the payer back to: the requested one or the app's,
/// which must be one of the allowed origins (http only for localhost).
fn return_origin(ctx: &AppContext, requested: Option<&str>) -> Result<String, Error> {
    let refused = || Error::invalid("return_to_origin is not allowed for checkout redirects");
    let raw = requested
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .unwrap_or(&ctx.config.app_base_url)
        .trim_end_matches('/');
    let origin = crate::config::origin_of(raw).ok_or_else(refused)?;
    // Exactly an origin: no path, query, fragment or credentials.
    if origin != raw.to_ascii_lowercase() || origin.contains('@') {
        return Err(refused());
    }
    if let Some(host_port) = origin.strip_prefix("http://") {
        let host = host_port.rsplit_once(':').map_or(host_port, |(h, _)| h);
        if host != "localhost" && host != "127.0.0.1" {
            return Err(refused());
        }
    }
    if !ctx
        .config
        .membership
        .checkout_return_origins
        .contains(&origin)
    {
        return Err(refused());
    }
    Ok(origin)
}

/// Stripe's error message from an error response body.
fn stripe_message(body: &str) -> String {
    serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| {
            v.pointer("/error/message")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .unwrap_or_else(|| body.chars().take(300).collect())
}

/// `POST /membership/checkout` (owner): a Stripe Checkout Session for one year.
pub async fn checkout(
    ctx: &AppContext,
    principal: &Principal,
    body: MembershipCheckoutIn,
) -> Result<MembershipCheckoutOut, Error> {
    let stripe = stripe_config(ctx)?;
    let row = crate::membership::current(ctx, &principal.org_id).await?;
    let status = MembershipStatus::parse(&row.status).unwrap_or(MembershipStatus::Pending);
    match status {
        MembershipStatus::Approved | MembershipStatus::Inactive => {}
        MembershipStatus::Active => {
            return Err(Error::conflict("already active — no further payment due"))
        }
        MembershipStatus::Pending | MembershipStatus::Waitlisted => {
            return Err(Error::forbidden(format!(
                "membership not yet approved (current: {}); checkout opens once an administrator approves the application",
                status.as_str()
            )))
        }
    }
    let origin = return_origin(ctx, body.return_to_origin.as_deref())?;
    let membership = &ctx.config.membership;
    let form: Vec<(&str, String)> = vec![
        ("mode", "payment".into()),
        ("line_items[0][price]", stripe.price_id.clone()),
        ("line_items[0][quantity]", "1".into()),
        ("success_url", format!("{origin}{}", stripe.success_path)),
        ("cancel_url", format!("{origin}{}", stripe.cancel_path)),
        ("client_reference_id", row.org_id.clone()),
        ("customer_email", principal.email.clone()),
        ("metadata[org_id]", row.org_id.clone()),
        ("metadata[org_slug]", row.org_slug.clone()),
        ("metadata[price_id]", stripe.price_id.clone()),
        ("payment_intent_data[metadata][org_id]", row.org_id.clone()),
    ];
    let response = ctx
        .http
        .post(format!("{}/v1/checkout/sessions", stripe.api_base))
        .bearer_auth(&stripe.api_key)
        .form(&form)
        .timeout(Duration::from_secs(20))
        .send()
        .await
        .map_err(|e| {
            tracing::warn!(error = %e, "Stripe unreachable");
            Error::upstream("stripe: could not reach Stripe; try again shortly")
        })?;
    let status_code = response.status();
    let text = response
        .text()
        .await
        .map_err(|_| Error::upstream("stripe: the response was cut off"))?;
    if !status_code.is_success() {
        let message = stripe_message(&text);
        tracing::warn!(status = status_code.as_u16(), %message, "Stripe refused a Checkout Session");
        return Err(Error::upstream(format!("stripe: {message}")));
    }
    let session: Value = serde_json::from_str(&text)
        .map_err(|_| Error::upstream("stripe: the response was not JSON"))?;
    let (Some(id), Some(url)) = (
        session.get("id").and_then(Value::as_str),
        session.get("url").and_then(Value::as_str),
    ) else {
        return Err(Error::upstream(
            "stripe: the response had no session id or url",
        ));
    };
    let expires_at = session
        .get("expires_at")
        .and_then(Value::as_i64)
        .unwrap_or_else(|| chrono::Utc::now().timestamp() + 24 * 3600);
    store::insert_checkout(
        &ctx.db,
        &CheckoutRow {
            id: id.to_string(),
            org_id: row.org_id.clone(),
            price_id: stripe.price_id.clone(),
            amount_cents: membership.price_cents,
            currency: membership.currency.clone(),
            created_by: principal.user_id.clone(),
            expires_at,
            created_at: time::now_micros(),
        },
    )
    .await
    .map_err(db("storing a checkout session"))?;
    tracing::info!(org = %row.org_slug, session = %id, "checkout session created");
    Ok(MembershipCheckoutOut {
        url: url.to_string(),
        session_id: id.to_string(),
        expires_at,
    })
}

/// Checks a `Stripe-Signature` header (`t=<unix>,v1=<hex>[,v1=...]`): an
/// HMAC-SHA256 of `<t>.<payload>` under the endpoint's secret must match one of
/// the `v1` signatures (compared in constant time), and `t` must be within the
/// tolerance of `now`.
pub fn verify_signature(
    header: &str,
    payload: &[u8],
    secret: &str,
    now: i64,
) -> Result<(), String> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        let Some((key, value)) = part.trim().split_once('=') else {
            continue;
        };
        match key {
            "t" => timestamp = Some(value.parse::<i64>().map_err(|_| "bad timestamp")?),
            "v1" => signatures.push(value),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or("no timestamp")?;
    if signatures.is_empty() {
        return Err("no v1 signature".into());
    }
    if (now - timestamp).abs() > SIGNATURE_TOLERANCE_SECS {
        return Err("timestamp outside the tolerance zone".into());
    }
    for signature in signatures {
        let Ok(expected) = hex::decode(signature) else {
            continue;
        };
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
            .map_err(|_| "unusable secret".to_string())?;
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(payload);
        if mac.verify_slice(&expected).is_ok() {
            return Ok(());
        }
    }
    Err("no signature matches the payload".into())
}

/// What the webhook answers.
fn result(outcome: &str) -> StripeWebhookResult {
    StripeWebhookResult {
        received: true,
        outcome: outcome.to_string(),
        duplicate_event: false,
        idempotent: false,
        activated: false,
        waitlisted_due_to_cap_race: false,
        org_id: None,
        seat_number: None,
        ignored_type: None,
        ignored_payment_status: None,
    }
}

fn with_org(
    mut r: StripeWebhookResult,
    org_id: Option<String>,
    seat: Option<i64>,
) -> StripeWebhookResult {
    r.activated = matches!(r.outcome.as_str(), "activated" | "renewed");
    r.waitlisted_due_to_cap_race = r.outcome == "waitlisted_due_to_cap";
    r.org_id = org_id;
    r.seat_number = seat;
    r
}

/// The facts of a completed Checkout Session the webhook acts on.
struct Payment {
    session_id: String,
    org_id: String,
    payment_key: String,
    amount: Option<i64>,
    currency: Option<String>,
    customer: Option<String>,
}

fn str_or_id(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Object(o) => o.get("id").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

/// `POST /stripe/webhook`.
pub async fn webhook(
    ctx: &AppContext,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<StripeWebhookResult, Error> {
    let stripe = stripe_config(ctx)?;
    let secret = ctx
        .config
        .membership
        .stripe_webhook_secret
        .as_deref()
        .ok_or_else(|| Error::unavailable("stripe webhook not configured"))?;
    let header = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| Error::invalid("missing Stripe-Signature header"))?;
    verify_signature(header, body, secret, chrono::Utc::now().timestamp())
        .map_err(|why| Error::invalid(format!("invalid signature: {why}")))?;
    let event: Value =
        serde_json::from_slice(body).map_err(|e| Error::invalid(format!("invalid event: {e}")))?;
    let event_id = event
        .get("id")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty() && id.len() <= 255)
        .ok_or_else(|| Error::invalid("invalid event: no id"))?;
    let event_type = event
        .get("type")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::invalid("invalid event: no type"))?;
    if let Some(seen) = duplicate(ctx, event_id).await? {
        return Ok(seen);
    }

    let mut tx = crate::tx::begin(ctx).await?;
    if let Err(e) = store::insert_event(&mut tx, event_id, event_type, &time::now_micros()).await {
        if crate::store::is_unique_violation(&e) {
            drop(tx);
            return duplicate(ctx, event_id)
                .await?
                .ok_or_else(|| Error::unavailable("the event is being processed; retry"));
        }
        return Err(db("recording a Stripe event")(e));
    }
    if event_type != CHECKOUT_COMPLETED && event_type != ASYNC_PAYMENT_SUCCEEDED {
        store::finish_event(&mut tx, event_id, "ignored_type", None, None)
            .await
            .map_err(db("recording a Stripe event"))?;
        tx.commit().await.map_err(db("recording a Stripe event"))?;
        let mut r = result("ignored_type");
        r.ignored_type = Some(event_type.to_string());
        return Ok(r);
    }
    let session = event
        .pointer("/data/object")
        .ok_or_else(|| Error::invalid("invalid event: no data.object"))?;
    let session_id = session
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::invalid("invalid event: the session has no id"))?;
    let org_id = session
        .get("client_reference_id")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| Error::invalid("checkout session has no client_reference_id"))?;
    let payment_status = session
        .get("payment_status")
        .and_then(Value::as_str)
        .unwrap_or("");
    if payment_status != "paid" && payment_status != "no_payment_required" {
        store::finish_event(
            &mut tx,
            event_id,
            "ignored_payment_status",
            Some(org_id),
            None,
        )
        .await
        .map_err(db("recording a Stripe event"))?;
        tx.commit().await.map_err(db("recording a Stripe event"))?;
        let mut r = with_org(
            result("ignored_payment_status"),
            Some(org_id.to_string()),
            None,
        );
        r.ignored_payment_status = Some(payment_status.to_string());
        return Ok(r);
    }
    let payment = Payment {
        session_id: session_id.to_string(),
        org_id: org_id.to_string(),
        payment_key: str_or_id(session.get("payment_intent"))
            .unwrap_or_else(|| format!("checkout:{session_id}")),
        amount: session.get("amount_total").and_then(Value::as_i64),
        currency: session
            .get("currency")
            .and_then(Value::as_str)
            .map(str::to_ascii_lowercase),
        customer: str_or_id(session.get("customer")),
    };
    let outcome = settle(ctx, stripe, &mut tx, event_id, &payment).await?;
    tx.commit().await.map_err(db("recording a payment"))?;
    let answer = with_org(result(&outcome.0), Some(payment.org_id.clone()), outcome.1);
    if outcome.2 {
        let mut r = answer;
        r.idempotent = true;
        r.activated = false;
        r.waitlisted_due_to_cap_race = false;
        return Ok(r);
    }
    match answer.outcome.as_str() {
        "activated" | "renewed" => notify_activation(ctx, &payment.org_id, outcome.1).await,
        "ignored_type" | "ignored_payment_status" => {}
        problem => tracing::warn!(
            org = %payment.org_id, payment = %payment.payment_key, outcome = problem,
            "payment recorded without activating a membership; the operator must resolve it (refund or activate)"
        ),
    }
    Ok(answer)
}

/// A replay of an event already handled: what it came to, changing nothing.
async fn duplicate(ctx: &AppContext, event_id: &str) -> Result<Option<StripeWebhookResult>, Error> {
    let seen = store::event(&ctx.db, event_id)
        .await
        .map_err(db("reading a Stripe event"))?;
    Ok(seen.map(|(outcome, org_id, seat)| {
        let mut r = with_org(result(&outcome), org_id, seat);
        r.duplicate_event = true;
        r.activated = false;
        r
    }))
}

/// Decides and records what a paid session does: (outcome, seat, already recorded).
async fn settle(
    ctx: &AppContext,
    stripe: &StripeConfig,
    tx: &mut crate::store::Tx,
    event_id: &str,
    p: &Payment,
) -> Result<(String, Option<i64>, bool), Error> {
    // The lock comes first: two events for the same payment then see each other.
    crate::membership::lock_current(tx).await?;
    if let Some((outcome, _org, seat)) = store::payment_tx(tx, &p.payment_key)
        .await
        .map_err(db("reading a payment"))?
    {
        store::finish_event(tx, event_id, "idempotent", Some(&p.org_id), seat)
            .await
            .map_err(db("recording a Stripe event"))?;
        return Ok((outcome, seat, true));
    }
    let now = time::now_micros();
    let org = store::by_org(&mut **tx, &p.org_id)
        .await
        .map_err(db("reading a membership"))?;
    let checkout = store::checkout_tx(tx, &p.session_id)
        .await
        .map_err(db("reading a checkout session"))?;
    let membership = &ctx.config.membership;
    let mut seat = None;
    let outcome = match (&org, &checkout) {
        (None, _) => "unknown_org",
        (Some(_), None) => "unknown_checkout",
        (Some(_), Some(c)) if c.org_id != p.org_id => "unknown_checkout",
        (Some(_), Some(c))
            if c.price_id != stripe.price_id
                || c.amount_cents != membership.price_cents
                || c.currency != membership.currency
                || p.amount != Some(membership.price_cents)
                || p.currency.as_deref() != Some(membership.currency.as_str()) =>
        {
            "amount_mismatch"
        }
        (Some(org), Some(_)) => {
            match MembershipStatus::parse(&org.status).unwrap_or(MembershipStatus::Pending) {
                MembershipStatus::Active => "already_active",
                MembershipStatus::Pending | MembershipStatus::Waitlisted => "not_approved",
                MembershipStatus::Approved => {
                    let active = store::active_count_tx(tx)
                        .await
                        .map_err(db("counting memberships"))?;
                    if active >= membership.cap {
                        store::waitlist(tx, &org.org_id)
                            .await
                            .map_err(db("waitlisting a membership"))?;
                        "waitlisted_due_to_cap"
                    } else {
                        let n = store::next_seat(tx).await.map_err(db("taking a seat"))?;
                        seat = Some(n);
                        "activated"
                    }
                }
                MembershipStatus::Inactive => {
                    let n = match org.seat_number {
                        Some(n) => n,
                        None => store::next_seat(tx).await.map_err(db("taking a seat"))?,
                    };
                    seat = Some(n);
                    "renewed"
                }
            }
        }
    };
    if let Some(n) = seat {
        let renewal_at = time::micros_in(chrono::Duration::days(MEMBERSHIP_DAYS));
        store::activate(tx, &p.org_id, n, &now, &renewal_at, p.customer.as_deref())
            .await
            .map_err(db("activating a membership"))?;
    }
    store::insert_payment(
        tx,
        &PaymentRow {
            id: ids::new_id(),
            payment_key: p.payment_key.clone(),
            event_id: event_id.to_string(),
            checkout_session_id: Some(p.session_id.clone()),
            org_id: Some(p.org_id.clone()),
            amount_cents: p.amount,
            currency: p.currency.clone(),
            customer_id: p.customer.clone(),
            outcome: outcome.to_string(),
            seat_number: seat,
            created_at: now,
        },
    )
    .await
    .map_err(db("recording a payment"))?;
    store::finish_event(tx, event_id, outcome, Some(&p.org_id), seat)
        .await
        .map_err(db("recording a Stripe event"))?;
    Ok((outcome.to_string(), seat, false))
}

/// Tells the organisation's owner that the membership is active (best effort).
async fn notify_activation(ctx: &AppContext, org_id: &str, seat: Option<i64>) {
    let (Some(seat), Ok(Some(row)), Ok(Some(owner))) = (
        seat,
        store::by_org(&ctx.db.pool, org_id).await,
        store::owner_email(&ctx.db, org_id).await,
    ) else {
        return;
    };
    tracing::info!(org = %row.org_slug, seat, "membership activated");
    let renewal = row
        .renewal_at
        .as_deref()
        .map(time::to_wire)
        .unwrap_or_default();
    ctx.mailer
        .send_best_effort(&mail::membership_activated(
            &owner,
            &row.org_slug,
            seat,
            &renewal,
        ))
        .await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(secret: &str, t: i64, payload: &[u8]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(format!("{t}.").as_bytes());
        mac.update(payload);
        hex::encode(mac.finalize().into_bytes())
    }

    #[test]
    fn signatures_verify_only_for_the_exact_payload_secret_and_time() {
        let body = br#"{"id":"evt_1"}"#;
        let t = 1_700_000_000;
        let good = sign("whsec_a", t, body);
        let header = format!("t={t},v1={good}");
        assert!(verify_signature(&header, body, "whsec_a", t + 10).is_ok());
        // Any one of several v1 signatures (secret rotation) may match.
        let rotated = format!("t={t},v1={},v1={good},v0=zz", "ab".repeat(32));
        assert!(verify_signature(&rotated, body, "whsec_a", t).is_ok());
        assert!(verify_signature(&header, br#"{"id":"evt_2"}"#, "whsec_a", t).is_err());
        assert!(verify_signature(&header, body, "whsec_b", t).is_err());
        assert!(verify_signature(&header, body, "whsec_a", t + 301)
            .unwrap_err()
            .contains("tolerance"));
        assert!(verify_signature(&header, body, "whsec_a", t - 301).is_err());
        assert!(verify_signature(&format!("v1={good}"), body, "whsec_a", t).is_err());
        assert!(verify_signature(&format!("t={t}"), body, "whsec_a", t).is_err());
        assert!(verify_signature("garbage", body, "whsec_a", t).is_err());
        assert!(verify_signature(&format!("t={t},v1=nothex"), body, "whsec_a", t).is_err());
    }
}
