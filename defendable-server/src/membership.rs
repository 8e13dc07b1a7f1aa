//! Memberships: applying, approving (administrators and operators), the view of
//! an organisation's membership, lapsing at the renewal date, and the gate that
//! members-only routes pass through.

use defendable_contract::doctrine::MembershipStatus;
use defendable_contract::schemas::{
    AdminApplicationList, AdminApplicationRow, Membership, MembershipApplicationIn,
    MembershipApplicationView,
};

use crate::auth::Principal;
use crate::context::AppContext;
use crate::error::{db, Error};
use crate::mail;
use crate::store::membership::{self as store, MembershipRow};
use crate::text::{optional_text, required_text};
use crate::time;

fn status_of(row: &MembershipRow) -> MembershipStatus {
    MembershipStatus::parse(&row.status).unwrap_or(MembershipStatus::Pending)
}

fn application_of(row: &MembershipRow) -> Option<MembershipApplicationView> {
    row.application
        .as_deref()
        .and_then(|text| serde_json::from_str(text).ok())
}

fn wire(stored: &Option<String>) -> Option<String> {
    stored.as_deref().map(time::to_wire)
}

/// Takes the membership lock for the rest of `tx` and ends every paid year whose
/// renewal date has passed, so counts and states read after it are current.
pub(crate) async fn lock_current(tx: &mut crate::store::Tx) -> Result<(), Error> {
    store::lock(tx).await.map_err(db("locking memberships"))?;
    lapse_in(tx).await
}

/// A transaction that holds the membership lock (see [`lock_current`]).
async fn begin_locked(ctx: &AppContext) -> Result<crate::store::Tx, Error> {
    let mut tx = crate::tx::begin(ctx).await?;
    lock_current(&mut tx).await?;
    Ok(tx)
}

/// Inside a transaction holding the membership lock: ends every paid year whose
/// renewal date has passed.
async fn lapse_in(tx: &mut crate::store::Tx) -> Result<(), Error> {
    let lapsed = store::lapse_expired(tx, &time::now_micros())
        .await
        .map_err(db("lapsing memberships"))?;
    if lapsed > 0 {
        tracing::info!(
            lapsed,
            "memberships past their renewal date are now inactive"
        );
    }
    Ok(())
}

/// The organisation's membership as it stands now: an active one whose paid
/// year has ended is marked `inactive` first (the only write on this path).
pub(crate) async fn current(ctx: &AppContext, org_id: &str) -> Result<MembershipRow, Error> {
    let read = || async {
        store::by_org(&ctx.db.pool, org_id)
            .await
            .map_err(db("reading a membership"))?
            .ok_or_else(|| Error::not_found("org not found"))
    };
    let row = read().await?;
    let now = time::now_micros();
    let lapsed =
        row.status == "active" && row.renewal_at.as_deref().is_some_and(|r| r < now.as_str());
    if !lapsed {
        return Ok(row);
    }
    store::lapse_org(&ctx.db, org_id, &now)
        .await
        .map_err(db("lapsing a membership"))?;
    tracing::info!(org = %row.org_slug, "membership past its renewal date is now inactive");
    read().await
}

/// The wire view of a stored membership.
pub async fn view(ctx: &AppContext, row: &MembershipRow) -> Result<Membership, Error> {
    let status = status_of(row);
    let active_count = store::active_count(&ctx.db, &time::now_micros())
        .await
        .map_err(db("counting memberships"))?;
    let waitlist_position = match (status, &row.applied_at) {
        (MembershipStatus::Waitlisted, Some(applied_at)) => Some(
            store::waitlist_position(&ctx.db, applied_at)
                .await
                .map_err(db("reading the waitlist"))?,
        ),
        _ => None,
    };
    Ok(Membership {
        status,
        applied_at: wire(&row.applied_at),
        approved_at: wire(&row.approved_at),
        activated_at: wire(&row.activated_at),
        renewal_at: wire(&row.renewal_at),
        seat_number: row.seat_number,
        cap: ctx.config.membership.cap,
        active_count,
        waitlist_position,
        application: application_of(row),
    })
}

/// `GET /membership`.
pub async fn get(ctx: &AppContext, principal: &Principal) -> Result<Membership, Error> {
    let row = current(ctx, &principal.org_id).await?;
    view(ctx, &row).await
}

/// The gate of members-only routes: 403 naming the state unless the
/// organisation's membership is active (a lapsed year is not).
pub async fn require_member(ctx: &AppContext, principal: &Principal) -> Result<(), Error> {
    let row = current(ctx, &principal.org_id).await?;
    match status_of(&row) {
        MembershipStatus::Active => Ok(()),
        other => Err(Error::forbidden(format!(
            "membership required (current status: {}). Apply with POST /membership/apply \
             (`defendable membership apply`), then pay once approved.",
            other.as_str()
        ))),
    }
}

/// `POST /membership/apply` (owner): pending, or waitlisted when the service is full.
pub async fn apply(
    ctx: &AppContext,
    principal: &Principal,
    body: MembershipApplicationIn,
) -> Result<Membership, Error> {
    let application = MembershipApplicationView {
        company_name: required_text(&body.company_name, "company_name", 200)?,
        intended_use: optional_text(body.intended_use, "intended_use", 1000)?,
        referral_source: optional_text(body.referral_source, "referral_source", 200)?,
    };
    let mut tx = begin_locked(ctx).await?;
    let row = store::by_org(&mut *tx, &principal.org_id)
        .await
        .map_err(db("reading a membership"))?
        .ok_or_else(|| Error::not_found("org not found"))?;
    let status = status_of(&row);
    if status != MembershipStatus::Pending {
        return Err(Error::conflict(format!(
            "already {}: re-applying isn't supported; see GET /membership",
            status.as_str()
        )));
    }
    let active = store::active_count_tx(&mut tx)
        .await
        .map_err(db("counting memberships"))?;
    let next = if active >= ctx.config.membership.cap {
        MembershipStatus::Waitlisted
    } else {
        MembershipStatus::Pending
    };
    let json = serde_json::to_string(&application)
        .map_err(|e| crate::error::internal("encoding an application", e))?;
    store::apply(
        &mut tx,
        &row.org_id,
        next.as_str(),
        &json,
        &time::now_micros(),
    )
    .await
    .map_err(db("storing an application"))?;
    tx.commit().await.map_err(db("storing an application"))?;
    tracing::info!(org = %row.org_slug, status = next.as_str(), "membership application");
    if let Some(inbox) = &ctx.config.membership.review_email {
        let notice = mail::application_received(
            inbox,
            &row.org_slug,
            &application.company_name,
            next.as_str(),
        );
        ctx.mailer.send_best_effort(&notice).await;
    }
    get(ctx, principal).await
}

/// Approves an organisation by slug (administrators and operators share this):
/// `approved`, or `waitlisted` when the service is full; an active membership is
/// returned unchanged; approving again is a no-op.
pub async fn approve(ctx: &AppContext, slug: &str) -> Result<Membership, Error> {
    let slug = slug.trim();
    if slug.is_empty() || slug.chars().count() > 80 {
        return Err(Error::invalid("org_slug must be 1 to 80 characters"));
    }
    let mut tx = begin_locked(ctx).await?;
    let row = store::by_slug_tx(&mut tx, slug)
        .await
        .map_err(db("reading a membership"))?
        .ok_or_else(|| Error::not_found(format!("org not found: {slug}")))?;
    match status_of(&row) {
        MembershipStatus::Active | MembershipStatus::Approved => {
            tx.commit().await.map_err(db("ending a transaction"))?;
            return view(ctx, &row).await;
        }
        MembershipStatus::Pending | MembershipStatus::Waitlisted => {}
        MembershipStatus::Inactive => {
            return Err(Error::conflict(
                "can't approve from state: inactive (the membership lapsed; the owner renews it through checkout)",
            ))
        }
    }
    if row.applied_at.is_none() {
        return Err(Error::conflict(format!(
            "{slug} has not applied for membership"
        )));
    }
    let active = store::active_count_tx(&mut tx)
        .await
        .map_err(db("counting memberships"))?;
    let next = if active >= ctx.config.membership.cap {
        MembershipStatus::Waitlisted
    } else {
        MembershipStatus::Approved
    };
    store::set_approval(&mut tx, &row.org_id, next.as_str(), &time::now_micros())
        .await
        .map_err(db("approving a membership"))?;
    tx.commit().await.map_err(db("approving a membership"))?;
    tracing::info!(org = %slug, status = next.as_str(), "membership approval");
    let row = current(ctx, &row.org_id).await?;
    view(ctx, &row).await
}

/// `GET /admin/applications`.
pub async fn applications(ctx: &AppContext) -> Result<AdminApplicationList, Error> {
    let rows = store::applications(&ctx.db)
        .await
        .map_err(db("listing applications"))?;
    let mut applications = Vec::with_capacity(rows.len());
    let mut waitlisted_seen = 0;
    for row in &rows {
        let status = status_of(row);
        // Rows come oldest first, so a waitlisted row's position is its rank.
        let waitlist_position = (status == MembershipStatus::Waitlisted).then(|| {
            waitlisted_seen += 1;
            waitlisted_seen
        });
        let application = application_of(row);
        applications.push(AdminApplicationRow {
            org_id: row.org_id.clone(),
            org_slug: row.org_slug.clone(),
            org_name: row.org_name.clone(),
            applicant_email: store::owner_email(&ctx.db, &row.org_id)
                .await
                .map_err(db("reading an owner"))?,
            status,
            applied_at: wire(&row.applied_at),
            waitlist_position,
            company_name: application.as_ref().map(|a| a.company_name.clone()),
            intended_use: application.as_ref().and_then(|a| a.intended_use.clone()),
            referral_source: application.and_then(|a| a.referral_source),
        });
    }
    Ok(AdminApplicationList {
        count: applications.len() as i64,
        applications,
    })
}
