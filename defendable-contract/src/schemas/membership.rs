//! Membership and billing: applications, approval, Stripe Checkout, the Stripe
//! webhook's answer, the administrators' review queue and the training-data policy.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::doctrine::MembershipStatus;

/// What an organisation said when it applied.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct MembershipApplicationView {
    pub company_name: String,
    pub intended_use: Option<String>,
    pub referral_source: Option<String>,
}

/// An organisation's membership.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Membership {
    pub status: MembershipStatus,
    pub applied_at: Option<String>,
    pub approved_at: Option<String>,
    pub activated_at: Option<String>,
    /// When the paid year ends; after it the membership is `inactive` until renewed.
    pub renewal_at: Option<String>,
    /// The seat number, unique across the service; kept across renewals.
    pub seat_number: Option<i64>,
    /// How many active memberships the service admits (`MEMBERSHIP_CAP`).
    pub cap: i64,
    /// How many memberships are active now.
    pub active_count: i64,
    /// 1-based position among waitlisted organisations, when waitlisted.
    pub waitlist_position: Option<i64>,
    pub application: Option<MembershipApplicationView>,
}

/// `POST /membership/apply`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct MembershipApplicationIn {
    /// 1 to 200 characters.
    pub company_name: String,
    /// At most 1000 characters.
    #[serde(default)]
    pub intended_use: Option<String>,
    /// At most 200 characters.
    #[serde(default)]
    pub referral_source: Option<String>,
}

/// `POST /membership/approve` (operator, `X-Internal-Key`).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct MembershipApproveIn {
    /// 1 to 80 characters.
    pub org_slug: String,
}

/// `POST /membership/checkout`; every field is optional (`{}` is fine).
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
pub struct MembershipCheckoutIn {
    /// Where Stripe sends the payer back (`scheme://host[:port]`): one of
    /// `CHECKOUT_RETURN_ORIGINS` or the app's origin. Default: the app's origin.
    #[serde(default)]
    pub return_to_origin: Option<String>,
}

/// `POST /membership/checkout` (201): pay at `url` before `expires_at`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct MembershipCheckoutOut {
    pub url: String,
    pub session_id: String,
    /// Epoch seconds.
    pub expires_at: i64,
}

/// `POST /stripe/webhook`: what the server did with an event. Every verified
/// event is recorded; a payment that cannot activate a membership is recorded
/// for the operator and reported here, never dropped.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct StripeWebhookResult {
    pub received: bool,
    /// `activated`, `renewed`, `waitlisted_due_to_cap`, `not_approved`, `already_active`,
    /// `amount_mismatch`, `unknown_checkout`, `unknown_org`, `ignored_type`,
    /// `ignored_payment_status`.
    pub outcome: String,
    /// The event was seen before; nothing changed this time.
    pub duplicate_event: bool,
    /// The payment was recorded before (same payment); nothing changed this time.
    pub idempotent: bool,
    pub activated: bool,
    pub waitlisted_due_to_cap_race: bool,
    pub org_id: Option<String>,
    pub seat_number: Option<i64>,
    pub ignored_type: Option<String>,
    pub ignored_payment_status: Option<String>,
}

/// One application awaiting review.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct AdminApplicationRow {
    pub org_id: String,
    pub org_slug: String,
    pub org_name: String,
    /// An owner's email.
    pub applicant_email: Option<String>,
    pub status: MembershipStatus,
    pub applied_at: Option<String>,
    pub waitlist_position: Option<i64>,
    pub company_name: Option<String>,
    pub intended_use: Option<String>,
    pub referral_source: Option<String>,
}

/// `GET /admin/applications`: pending and waitlisted applications, oldest first.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct AdminApplicationList {
    pub applications: Vec<AdminApplicationRow>,
    pub count: i64,
}

/// An organisation by slug in the path.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct OrgSlugPath {
    pub slug: String,
}

/// `GET /admin/health`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct AdminHealth {
    pub ok: bool,
    pub admin_email: String,
}

/// `GET /policy/training-data`: what the service learns from. `sha256` is the
/// SHA-256 of the canonical JSON (v1) of this object without `sha256`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct TrainingDataPolicy {
    pub version: String,
    pub statement: String,
    pub we_learn_from: Vec<String>,
    pub we_dont_learn_from: Vec<String>,
    pub enforcement: Vec<String>,
    pub effective_at: String,
    pub last_updated: String,
    pub sha256: String,
}
