//! The API as a dropshot trait: the single definition the server implements and
//! `openapi.json` is rendered from. Built only with the `api` feature.

use dropshot::{
    Body, ErrorStatusCode, HttpError, HttpResponseCreated, HttpResponseError, HttpResponseOk, Path,
    Query, RequestContext, StreamingBody, TypedBody, UntypedBody,
};
use http::Response;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::schemas::*;

/// Every error the API returns: `{"detail": "<message>"}` with a 4xx or 5xx status.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(rename = "Error")]
pub struct ApiError {
    pub detail: String,
    /// Seconds to wait before retrying (429 only). The server's HTTP layer
    /// also sends it as the `Retry-After` header.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(skip)]
    pub retry_after: Option<u64>,
    #[serde(skip)]
    #[schemars(skip)]
    status: u16,
}

impl ApiError {
    /// An error with this status (a 4xx or 5xx code; anything else becomes 500).
    pub fn new(status: u16, detail: impl Into<String>) -> Self {
        let status = if (400..600).contains(&status) {
            status
        } else {
            500
        };
        ApiError {
            detail: detail.into(),
            retry_after: None,
            status,
        }
    }

    /// 429: too many requests; retry after this many seconds (at least 1).
    pub fn too_many_requests(detail: impl Into<String>, retry_after_secs: u64) -> Self {
        ApiError {
            retry_after: Some(retry_after_secs.max(1)),
            ..Self::new(429, detail)
        }
    }

    /// 425: not ready yet; retry after this many seconds (at least 1).
    pub fn too_early(detail: impl Into<String>, retry_after_secs: u64) -> Self {
        ApiError {
            retry_after: Some(retry_after_secs.max(1)),
            ..Self::new(425, detail)
        }
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(400, detail)
    }

    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(401, detail)
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(403, detail)
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(404, detail)
    }

    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::new(409, detail)
    }

    pub fn too_large(detail: impl Into<String>) -> Self {
        Self::new(413, detail)
    }

    pub fn unprocessable(detail: impl Into<String>) -> Self {
        Self::new(422, detail)
    }

    pub fn unavailable(detail: impl Into<String>) -> Self {
        Self::new(503, detail)
    }

    pub fn internal(detail: impl Into<String>) -> Self {
        Self::new(500, detail)
    }

    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status, self.detail)
    }
}

impl From<HttpError> for ApiError {
    /// Dropshot's own errors (bad JSON, wrong types, oversize bodies) keep their
    /// message as `detail`; an oversize body is reported as 413.
    fn from(error: HttpError) -> Self {
        let message = error.external_message;
        if message.contains("exceeded maximum size") {
            return ApiError::too_large(message);
        }
        ApiError::new(error.status_code.as_u16(), message)
    }
}

impl HttpResponseError for ApiError {
    fn status_code(&self) -> ErrorStatusCode {
        ErrorStatusCode::from_u16(self.status).unwrap_or(ErrorStatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// A run in the path.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
pub struct RunPath {
    pub run_id: String,
}

/// A check of a run in the path.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
pub struct CheckPath {
    pub run_id: String,
    pub check_id: String,
}

/// A flight sheet id or slug in the path.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
pub struct FlightSheetPath {
    pub id_or_slug: String,
}

/// A public share token in the path.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
pub struct SharePath {
    pub token: String,
}

/// Largest evidence file, in bytes (25 MiB).
pub const UPLOAD_MAX_BYTES: usize = 25 * 1024 * 1024;
/// Largest upload request: the file plus room for multipart framing.
pub const UPLOAD_REQUEST_MAX_BYTES: usize = UPLOAD_MAX_BYTES + 64 * 1024;

/// The DefendableCloud API.
#[dropshot::api_description]
pub trait DefendableApi {
    type Context;

    /// Service information.
    #[endpoint { method = GET, path = "/", tags = ["meta"] }]
    async fn service_info(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<ServiceInfo>, ApiError>;

    /// Service, database and storage health, each really probed.
    #[endpoint { method = GET, path = "/healthz", tags = ["meta"] }]
    async fn healthz(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<HealthOut>, ApiError>;

    /// Request a magic-link sign-in.
    #[endpoint { method = POST, path = "/auth/request", tags = ["auth"] }]
    async fn auth_request(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<MagicRequestIn>,
    ) -> Result<HttpResponseOk<MagicRequestOut>, ApiError>;

    /// Exchange a one-time magic-link token for a JWT.
    #[endpoint { method = POST, path = "/auth/verify", tags = ["auth"] }]
    async fn auth_verify(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<MagicVerifyIn>,
    ) -> Result<HttpResponseOk<TokenOut>, ApiError>;

    /// The signed-in principal.
    #[endpoint { method = GET, path = "/auth/me", tags = ["auth"] }]
    async fn auth_me(rqctx: RequestContext<Self::Context>) -> Result<HttpResponseOk<Me>, ApiError>;

    /// The caller's organisation.
    #[endpoint { method = GET, path = "/org", tags = ["org"] }]
    async fn org_get(rqctx: RequestContext<Self::Context>)
        -> Result<HttpResponseOk<Org>, ApiError>;

    /// List projects, newest first.
    #[endpoint { method = GET, path = "/projects", tags = ["projects"] }]
    async fn projects_list(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<ProjectList>, ApiError>;

    /// Create a project.
    #[endpoint { method = POST, path = "/projects", tags = ["projects"] }]
    async fn projects_create(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<ProjectIn>,
    ) -> Result<HttpResponseOk<Project>, ApiError>;

    /// The active flight-sheet library, ordered by name.
    #[endpoint { method = GET, path = "/flight-sheets", tags = ["eval"] }]
    async fn flight_sheets_list(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<FlightSheetList>, ApiError>;

    /// One flight sheet, by id or slug.
    #[endpoint { method = GET, path = "/flight-sheets/{id_or_slug}", tags = ["eval"] }]
    async fn flight_sheets_get(
        rqctx: RequestContext<Self::Context>,
        path: Path<FlightSheetPath>,
    ) -> Result<HttpResponseOk<FlightSheet>, ApiError>;

    /// List runs, newest first.
    #[endpoint { method = GET, path = "/runs", tags = ["runs"] }]
    async fn runs_list(
        rqctx: RequestContext<Self::Context>,
        query: Query<RunListQuery>,
    ) -> Result<HttpResponseOk<RunList>, ApiError>;

    /// Create a run, optionally against a flight sheet.
    #[endpoint { method = POST, path = "/runs", tags = ["runs"] }]
    async fn runs_create(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<RunIn>,
    ) -> Result<HttpResponseOk<Run>, ApiError>;

    /// Everything about a run.
    #[endpoint { method = GET, path = "/runs/{run_id}", tags = ["runs"] }]
    async fn runs_get(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<RunDetail>, ApiError>;

    /// A run's evidence, whole, one page at a time (at most 20 items).
    #[endpoint { method = GET, path = "/runs/{run_id}/evidence", tags = ["runs"] }]
    async fn evidence_list(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
        query: Query<EvidencePageQuery>,
    ) -> Result<HttpResponseOk<EvidencePage>, ApiError>;

    /// Attach evidence (text, note, URL, ...).
    #[endpoint { method = POST, path = "/runs/{run_id}/evidence", tags = ["runs"] }]
    async fn evidence_add(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
        body: TypedBody<EvidenceIn>,
    ) -> Result<HttpResponseOk<Evidence>, ApiError>;

    /// Upload a file as evidence (25 MiB max), hashed while it streams. The body is
    /// the file's bytes; a `multipart/form-data` form with `file` and `label`
    /// fields is accepted on the same route.
    #[endpoint {
        method = POST,
        path = "/runs/{run_id}/evidence/upload",
        tags = ["runs"],
        request_body_max_bytes = UPLOAD_REQUEST_MAX_BYTES,
    }]
    async fn evidence_upload(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
        query: Query<EvidenceUploadQuery>,
        body: StreamingBody,
    ) -> Result<HttpResponseOk<Evidence>, ApiError>;

    /// Attach the agent's submission.
    #[endpoint { method = POST, path = "/runs/{run_id}/submission", tags = ["eval"] }]
    async fn submission_add(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
        body: TypedBody<SubmissionBody>,
    ) -> Result<HttpResponseOk<SubmissionAck>, ApiError>;

    /// The run's current submission.
    #[endpoint { method = GET, path = "/runs/{run_id}/submission", tags = ["eval"] }]
    async fn submission_get(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<Submission>, ApiError>;

    /// Apply the flight sheet to the submission.
    #[endpoint { method = POST, path = "/runs/{run_id}/audit", tags = ["eval"] }]
    async fn audit_run(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<AuditResult>, ApiError>;

    /// The run's applied rules.
    #[endpoint { method = GET, path = "/runs/{run_id}/checks", tags = ["eval"] }]
    async fn checks_list(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<ChecksList>, ApiError>;

    /// Run the core check engine (runs without a flight sheet).
    #[endpoint { method = POST, path = "/runs/{run_id}/checks", tags = ["runs"] }]
    async fn checks_run(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<CoreChecksResult>, ApiError>;

    /// Grade a checklist rule: satisfied (`pass`) or `flag`.
    #[endpoint { method = PATCH, path = "/runs/{run_id}/checks/{check_id}", tags = ["eval"] }]
    async fn checks_grade(
        rqctx: RequestContext<Self::Context>,
        path: Path<CheckPath>,
        body: TypedBody<CheckGradeIn>,
    ) -> Result<HttpResponseOk<CheckGraded>, ApiError>;

    /// Finalise the verdict once every rule is applied.
    #[endpoint { method = POST, path = "/runs/{run_id}/findings", tags = ["eval"] }]
    async fn findings_finalize(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<Verdict>, ApiError>;

    /// The flagged rules.
    #[endpoint { method = GET, path = "/runs/{run_id}/flags", tags = ["eval"] }]
    async fn flags_list(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<FlagsList>, ApiError>;

    /// The run's current verdict.
    #[endpoint { method = GET, path = "/runs/{run_id}/verdict", tags = ["eval"] }]
    async fn verdict_get(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<Verdict>, ApiError>;

    /// Record a human decision on the current verdict.
    #[endpoint { method = POST, path = "/runs/{run_id}/approve", tags = ["runs"] }]
    async fn approval_set(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
        body: TypedBody<ApprovalIn>,
    ) -> Result<HttpResponseOk<Approval>, ApiError>;

    /// Mint the run's receipt (idempotent per approval).
    #[endpoint { method = POST, path = "/runs/{run_id}/receipt", tags = ["runs"] }]
    async fn receipt_generate(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<Receipt>, ApiError>;

    /// The public view of a receipt.
    #[endpoint { method = GET, path = "/share/{token}", tags = ["public"] }]
    async fn share_get(
        rqctx: RequestContext<Self::Context>,
        path: Path<SharePath>,
    ) -> Result<HttpResponseOk<PublicReceipt>, ApiError>;

    /// The public receipt as a one-page PDF.
    #[endpoint { method = GET, path = "/share/{token}/pdf", tags = ["public"] }]
    async fn share_pdf(
        rqctx: RequestContext<Self::Context>,
        path: Path<SharePath>,
    ) -> Result<Response<Body>, ApiError>;

    /// The organisation's chain, in org_seq order.
    #[endpoint { method = GET, path = "/ledger", tags = ["ledger"] }]
    async fn ledger_list(
        rqctx: RequestContext<Self::Context>,
        query: Query<LedgerQuery>,
    ) -> Result<HttpResponseOk<LedgerList>, ApiError>;

    /// The organisation's chain with each receipt's exact canonical payload, for
    /// checking it on the client.
    #[endpoint { method = GET, path = "/ledger/export", tags = ["ledger"] }]
    async fn ledger_export(
        rqctx: RequestContext<Self::Context>,
        query: Query<LedgerQuery>,
    ) -> Result<HttpResponseOk<LedgerExport>, ApiError>;

    /// Walk the organisation's chain and check every link.
    #[endpoint { method = GET, path = "/ledger/verify", tags = ["ledger"] }]
    async fn ledger_verify(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<LedgerVerifyResult>, ApiError>;

    /// Accept an invite: creates the user in the inviting organisation and signs in.
    #[endpoint { method = POST, path = "/auth/accept-invite", tags = ["auth"] }]
    async fn auth_accept_invite(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<AcceptInviteIn>,
    ) -> Result<HttpResponseOk<TokenOut>, ApiError>;

    /// Sign out: the presented session token stops working at once.
    #[endpoint { method = POST, path = "/auth/logout", tags = ["auth"] }]
    async fn auth_logout(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<LogoutOut>, ApiError>;

    /// The organisation's API keys, newest first (owner).
    #[endpoint { method = GET, path = "/org/api-keys", tags = ["org"] }]
    async fn api_keys_list(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<ApiKeyList>, ApiError>;

    /// Mint an API key; its secret is shown once (an owner's own session only).
    #[endpoint { method = POST, path = "/org/api-keys", tags = ["org"] }]
    async fn api_keys_create(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<ApiKeyIn>,
    ) -> Result<HttpResponseCreated<ApiKeyCreated>, ApiError>;

    /// Revoke an API key: it fails at once (owner).
    #[endpoint { method = DELETE, path = "/org/api-keys/{key_id}", tags = ["org"] }]
    async fn api_keys_revoke(
        rqctx: RequestContext<Self::Context>,
        path: Path<ApiKeyPath>,
    ) -> Result<HttpResponseOk<ApiKey>, ApiError>;

    /// The organisation's members, oldest first.
    #[endpoint { method = GET, path = "/org/members", tags = ["org"] }]
    async fn members_list(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<OrgMemberList>, ApiError>;

    /// Change a member's role (owner; an organisation keeps one owner at least).
    #[endpoint { method = PUT, path = "/org/members/{user_id}/role", tags = ["org"] }]
    async fn members_set_role(
        rqctx: RequestContext<Self::Context>,
        path: Path<MemberPath>,
        body: TypedBody<OrgMemberRoleUpdate>,
    ) -> Result<HttpResponseOk<OrgMember>, ApiError>;

    /// Remove a member: their sessions stop working at once (owner).
    #[endpoint { method = DELETE, path = "/org/members/{user_id}", tags = ["org"] }]
    async fn members_remove(
        rqctx: RequestContext<Self::Context>,
        path: Path<MemberPath>,
    ) -> Result<HttpResponseOk<OrgMember>, ApiError>;

    /// The organisation's invites, newest first (owner).
    #[endpoint { method = GET, path = "/org/invites", tags = ["org"] }]
    async fn invites_list(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<OrgInviteList>, ApiError>;

    /// Invite someone by email; the link is shown once and lasts 7 days (owner).
    #[endpoint { method = POST, path = "/org/invites", tags = ["org"] }]
    async fn invites_create(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<OrgInviteIn>,
    ) -> Result<HttpResponseCreated<OrgInviteCreated>, ApiError>;

    /// Receipt counts of the organisation.
    #[endpoint { method = GET, path = "/org/usage", tags = ["org"] }]
    async fn org_usage(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<UsageStats>, ApiError>;

    /// The organisation's settings.
    #[endpoint { method = GET, path = "/org/settings", tags = ["org"] }]
    async fn org_settings_get(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<OrgSettings>, ApiError>;

    /// Change the organisation's settings (owner).
    #[endpoint { method = PUT, path = "/org/settings", tags = ["org"] }]
    async fn org_settings_set(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<OrgSettings>,
    ) -> Result<HttpResponseOk<OrgSettings>, ApiError>;

    /// The server's signing keys, current and retired.
    #[endpoint { method = GET, path = "/.well-known/defendable-keys", tags = ["public"] }]
    async fn signing_keys(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<SigningKeyList>, ApiError>;

    /// A signed checkpoint of the organisation's chain at its current size.
    #[endpoint { method = GET, path = "/ledger/checkpoint", tags = ["ledger"] }]
    async fn ledger_checkpoint(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<SignedCheckpoint>, ApiError>;

    /// An inclusion proof of one receipt in a tree size of the organisation's chain.
    #[endpoint { method = GET, path = "/ledger/proof/inclusion", tags = ["ledger"] }]
    async fn ledger_inclusion_proof(
        rqctx: RequestContext<Self::Context>,
        query: Query<InclusionQuery>,
    ) -> Result<HttpResponseOk<InclusionProof>, ApiError>;

    /// A consistency proof between two sizes of the organisation's chain.
    #[endpoint { method = GET, path = "/ledger/proof/consistency", tags = ["ledger"] }]
    async fn ledger_consistency_proof(
        rqctx: RequestContext<Self::Context>,
        query: Query<ConsistencyQuery>,
    ) -> Result<HttpResponseOk<ConsistencyProof>, ApiError>;

    /// A self-contained proof file for one receipt.
    #[endpoint { method = GET, path = "/share/{token}/proof", tags = ["public"] }]
    async fn share_proof(
        rqctx: RequestContext<Self::Context>,
        path: Path<SharePath>,
    ) -> Result<HttpResponseOk<ProofFile>, ApiError>;

    /// The signed checkpoint of the chain (the organisation's log) a shared receipt
    /// belongs to, at its current size: for auditors without an account.
    #[endpoint { method = GET, path = "/share/{token}/log/checkpoint", tags = ["public"] }]
    async fn share_log_checkpoint(
        rqctx: RequestContext<Self::Context>,
        path: Path<SharePath>,
    ) -> Result<HttpResponseOk<SignedCheckpoint>, ApiError>;

    /// A consistency proof between two sizes of the chain a shared receipt belongs
    /// to: shows that the later checkpoint extends the earlier one.
    #[endpoint { method = GET, path = "/share/{token}/log/consistency", tags = ["public"] }]
    async fn share_log_consistency(
        rqctx: RequestContext<Self::Context>,
        path: Path<SharePath>,
        query: Query<LogConsistencyQuery>,
    ) -> Result<HttpResponseOk<ConsistencyProof>, ApiError>;

    // Membership, billing and administration.

    /// The organisation's membership.
    #[endpoint { method = GET, path = "/membership", tags = ["membership"] }]
    async fn membership_get(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<Membership>, ApiError>;

    /// Apply for membership (owner); waitlisted when the service is full.
    #[endpoint { method = POST, path = "/membership/apply", tags = ["membership"] }]
    async fn membership_apply(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<MembershipApplicationIn>,
    ) -> Result<HttpResponseCreated<Membership>, ApiError>;

    /// Approve an organisation's application (operator, `X-Internal-Key`).
    #[endpoint { method = POST, path = "/membership/approve", tags = ["membership"] }]
    async fn membership_approve(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<MembershipApproveIn>,
    ) -> Result<HttpResponseOk<Membership>, ApiError>;

    /// Start paying for an approved membership (or renewing an inactive one) with
    /// Stripe Checkout (owner).
    #[endpoint { method = POST, path = "/membership/checkout", tags = ["membership"] }]
    async fn membership_checkout(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<MembershipCheckoutIn>,
    ) -> Result<HttpResponseCreated<MembershipCheckoutOut>, ApiError>;

    /// Stripe's webhook: the raw event, verified by its `Stripe-Signature` header.
    #[endpoint { method = POST, path = "/stripe/webhook", tags = ["membership"] }]
    async fn stripe_webhook(
        rqctx: RequestContext<Self::Context>,
        body: UntypedBody,
    ) -> Result<HttpResponseOk<StripeWebhookResult>, ApiError>;

    /// Pending and waitlisted applications, oldest first (administrators).
    #[endpoint { method = GET, path = "/admin/applications", tags = ["admin"] }]
    async fn admin_applications(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<AdminApplicationList>, ApiError>;

    /// Approve an application (administrators).
    #[endpoint { method = POST, path = "/admin/applications/{slug}/approve", tags = ["admin"] }]
    async fn admin_application_approve(
        rqctx: RequestContext<Self::Context>,
        path: Path<OrgSlugPath>,
    ) -> Result<HttpResponseOk<Membership>, ApiError>;

    /// Whether the caller passes the administrator gate.
    #[endpoint { method = GET, path = "/admin/health", tags = ["admin"] }]
    async fn admin_health(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<AdminHealth>, ApiError>;

    /// The organisation's newest receipts with a summary each (members only).
    #[endpoint { method = GET, path = "/receipts/recent", tags = ["receipts"] }]
    async fn receipts_recent(
        rqctx: RequestContext<Self::Context>,
        query: Query<RecentReceiptsQuery>,
    ) -> Result<HttpResponseOk<ReceiptRollupList>, ApiError>;

    /// The training-data policy, with a hash anyone can recompute.
    #[endpoint { method = GET, path = "/policy/training-data", tags = ["public"] }]
    async fn policy_training_data(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<TrainingDataPolicy>, ApiError>;
    // ---- Agent profiles, incidents, watchdog, stack planner ----

    /// Active agent profiles with a capability summary, newest first (paged).
    #[endpoint { method = GET, path = "/agent-profiles", tags = ["agents"] }]
    async fn agent_profiles_list(
        rqctx: RequestContext<Self::Context>,
        query: Query<AgentProfileListQuery>,
    ) -> Result<HttpResponseOk<AgentProfileList>, ApiError>;

    /// Declare an agent profile.
    #[endpoint { method = POST, path = "/agent-profiles", tags = ["agents"] }]
    async fn agent_profiles_create(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<AgentProfileIn>,
    ) -> Result<HttpResponseOk<AgentProfile>, ApiError>;

    /// One agent profile with its capability by lane.
    #[endpoint { method = GET, path = "/agent-profiles/{profile_id}", tags = ["agents"] }]
    async fn agent_profiles_get(
        rqctx: RequestContext<Self::Context>,
        path: Path<AgentProfilePath>,
    ) -> Result<HttpResponseOk<AgentProfile>, ApiError>;

    /// Open a recurring_flag incident for every blocked lane without an open one,
    /// and lock those lanes in the profile's governance.
    #[endpoint { method = POST, path = "/agent-profiles/{profile_id}/watchdog", tags = ["agents"] }]
    async fn agent_profiles_watchdog(
        rqctx: RequestContext<Self::Context>,
        path: Path<AgentProfilePath>,
    ) -> Result<HttpResponseOk<WatchdogResult>, ApiError>;

    /// Incidents, newest first (paged, optionally filtered).
    #[endpoint { method = GET, path = "/incidents", tags = ["agents"] }]
    async fn incidents_list(
        rqctx: RequestContext<Self::Context>,
        query: Query<IncidentListQuery>,
    ) -> Result<HttpResponseOk<IncidentList>, ApiError>;

    /// Open an incident.
    #[endpoint { method = POST, path = "/incidents", tags = ["agents"] }]
    async fn incidents_create(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<IncidentIn>,
    ) -> Result<HttpResponseOk<Incident>, ApiError>;

    /// Change an incident's status (resolve it by default).
    #[endpoint { method = PATCH, path = "/incidents/{incident_id}", tags = ["agents"] }]
    async fn incidents_update(
        rqctx: RequestContext<Self::Context>,
        path: Path<IncidentPath>,
        body: TypedBody<IncidentPatch>,
    ) -> Result<HttpResponseOk<Incident>, ApiError>;

    /// Mint the incident's receipt (idempotent per incident state).
    #[endpoint { method = POST, path = "/incidents/{incident_id}/receipt", tags = ["agents"] }]
    async fn incidents_receipt(
        rqctx: RequestContext<Self::Context>,
        path: Path<IncidentPath>,
    ) -> Result<HttpResponseOk<Receipt>, ApiError>;

    /// The stack planner's tables.
    #[endpoint { method = GET, path = "/stack-planner/options", tags = ["agents"] }]
    async fn stack_planner_options(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<StackPlannerOptions>, ApiError>;

    /// Which model and compute a set of jobs needs.
    #[endpoint { method = POST, path = "/stack-assessment", tags = ["agents"] }]
    async fn stack_assessment(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<StackAssessmentIn>,
    ) -> Result<HttpResponseOk<StackAssessment>, ApiError>;

    // ---- Cooks and runners ----

    /// Queue a cook: a preparation job tuned against the run's current eval.
    #[endpoint { method = POST, path = "/runs/{run_id}/cook", tags = ["cooks"] }]
    async fn cook_request(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunPath>,
        body: TypedBody<CookRequestIn>,
    ) -> Result<HttpResponseOk<Cook>, ApiError>;

    /// The organisation's cooks, newest first, one page (100 at most).
    #[endpoint { method = GET, path = "/cooks", tags = ["cooks"] }]
    async fn cooks_list(
        rqctx: RequestContext<Self::Context>,
        query: Query<CookListQuery>,
    ) -> Result<HttpResponseOk<CookList>, ApiError>;

    /// One cook.
    #[endpoint { method = GET, path = "/cooks/{cook_id}", tags = ["cooks"] }]
    async fn cooks_get(
        rqctx: RequestContext<Self::Context>,
        path: Path<CookPath>,
    ) -> Result<HttpResponseOk<Cook>, ApiError>;

    /// Claim the oldest queued cook (or one whose lease expired), exactly once,
    /// with a lease (runner token). Published as `POST /runner/cooks/next` (see
    /// [`CLAIM_PATH`]): dropshot's router cannot hold a literal segment beside the
    /// `{cook_id}` of the per-cook routes, so it is routed through that variable
    /// and answers only for `next`.
    #[endpoint { method = POST, path = "/runner/cooks/{cook_id}", tags = ["runner"] }]
    async fn runner_cooks_next(
        rqctx: RequestContext<Self::Context>,
        path: Path<CookPath>,
        body: TypedBody<RunnerClaimIn>,
    ) -> Result<HttpResponseOk<RunnerClaimOut>, ApiError>;

    /// Heartbeat: report progress and extend the lease (lease holder only).
    #[endpoint { method = POST, path = "/runner/cooks/{cook_id}/status", tags = ["runner"] }]
    async fn runner_cooks_status(
        rqctx: RequestContext<Self::Context>,
        path: Path<CookPath>,
        body: TypedBody<RunnerStatusIn>,
    ) -> Result<HttpResponseOk<RunnerStatusOut>, ApiError>;

    /// Complete a cook and mint its receipt, once (lease holder only).
    #[endpoint { method = POST, path = "/runner/cooks/{cook_id}/complete", tags = ["runner"] }]
    async fn runner_cooks_complete(
        rqctx: RequestContext<Self::Context>,
        path: Path<CookPath>,
        body: TypedBody<RunnerCompleteIn>,
    ) -> Result<HttpResponseOk<Cook>, ApiError>;

    /// Fail a cook (lease holder only).
    #[endpoint { method = POST, path = "/runner/cooks/{cook_id}/fail", tags = ["runner"] }]
    async fn runner_cooks_fail(
        rqctx: RequestContext<Self::Context>,
        path: Path<CookPath>,
        body: TypedBody<RunnerFailIn>,
    ) -> Result<HttpResponseOk<RunnerAck>, ApiError>;

    /// Give an unfinished cook back to the queue (lease holder only).
    #[endpoint { method = POST, path = "/runner/cooks/{cook_id}/release", tags = ["runner"] }]
    async fn runner_cooks_release(
        rqctx: RequestContext<Self::Context>,
        path: Path<CookPath>,
        body: TypedBody<RunnerReleaseIn>,
    ) -> Result<HttpResponseOk<RunnerAck>, ApiError>;

    /// Issue a per-runner token; it is shown once (internal key).
    #[endpoint { method = POST, path = "/internal/runners", tags = ["internal"] }]
    async fn runner_tokens_create(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<RunnerTokenIn>,
    ) -> Result<HttpResponseCreated<RunnerTokenCreated>, ApiError>;

    /// The per-runner tokens, newest first (internal key).
    #[endpoint { method = GET, path = "/internal/runners", tags = ["internal"] }]
    async fn runner_tokens_list(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<RunnerTokenList>, ApiError>;

    /// Revoke a per-runner token: it fails from the next request on (internal key).
    #[endpoint { method = DELETE, path = "/internal/runners/{runner_id}", tags = ["internal"] }]
    async fn runner_tokens_revoke(
        rqctx: RequestContext<Self::Context>,
        path: Path<RunnerPath>,
    ) -> Result<HttpResponseOk<RunnerToken>, ApiError>;

    // ---- Datasets and models (members only) ----

    /// The dataset packages with what this organisation may download.
    #[endpoint { method = GET, path = "/datasets", tags = ["datasets"] }]
    async fn datasets_list(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<DatasetList>, ApiError>;

    /// The dataset catalog, with hashes anyone can recompute.
    #[endpoint { method = GET, path = "/datasets/catalog", tags = ["datasets"] }]
    async fn datasets_catalog(
        rqctx: RequestContext<Self::Context>,
        query: Query<DatasetCatalogQuery>,
    ) -> Result<HttpResponseOk<DatasetCatalog>, ApiError>;

    /// One dataset package.
    #[endpoint { method = GET, path = "/datasets/catalog/{slug}", tags = ["datasets"] }]
    async fn datasets_package(
        rqctx: RequestContext<Self::Context>,
        path: Path<PackagePath>,
    ) -> Result<HttpResponseOk<DatasetPackage>, ApiError>;

    /// The first rows of a package file (425 while it is not staged).
    #[endpoint { method = GET, path = "/datasets/catalog/{slug}/samples", tags = ["datasets"] }]
    async fn datasets_samples(
        rqctx: RequestContext<Self::Context>,
        path: Path<PackagePath>,
        query: Query<SamplesQuery>,
    ) -> Result<HttpResponseOk<DatasetSamples>, ApiError>;

    /// Grant a download of a package: a receipt on the chain and a private
    /// download capability (members; quota per rolling 24 hours).
    #[endpoint { method = POST, path = "/datasets/catalog/{slug}/download", tags = ["datasets"] }]
    async fn datasets_download(
        rqctx: RequestContext<Self::Context>,
        path: Path<PackagePath>,
        body: TypedBody<DatasetDownloadRequest>,
    ) -> Result<HttpResponseCreated<DatasetDownloadGrant>, ApiError>;

    /// A grant's download capability: redirects (302) to a signed link valid for
    /// 15 minutes; 410 once the grant expired, 425 while the file is not staged.
    #[endpoint { method = GET, path = "/datasets/grants/{grant_id}/download", tags = ["datasets"] }]
    async fn grant_download(
        rqctx: RequestContext<Self::Context>,
        path: Path<GrantPath>,
        query: Query<GrantQuery>,
    ) -> Result<Response<Body>, ApiError>;

    /// A signed link to a granted file; its SHA-256 is in `X-Content-SHA256`.
    #[endpoint { method = GET, path = "/datasets/files/{grant_id}", tags = ["datasets"] }]
    async fn grant_file(
        rqctx: RequestContext<Self::Context>,
        path: Path<GrantPath>,
        query: Query<SignedFileQuery>,
    ) -> Result<Response<Body>, ApiError>;

    /// The public proof link of a receipt never downloads (403 for a download
    /// receipt, 404 otherwise).
    #[endpoint { method = GET, path = "/share/{token}/download", tags = ["public"] }]
    async fn share_download(
        rqctx: RequestContext<Self::Context>,
        path: Path<SharePath>,
    ) -> Result<Response<Body>, ApiError>;

    /// Files that unexpired grants are waiting for (operator, `X-Internal-Key`).
    #[endpoint { method = GET, path = "/internal/staging-tasks", tags = ["internal"] }]
    async fn staging_tasks(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<StagingTaskList>, ApiError>;

    /// A file is staged: mail the grantees waiting for it (operator, `X-Internal-Key`).
    #[endpoint { method = POST, path = "/internal/stage-complete", tags = ["internal"] }]
    async fn stage_complete(
        rqctx: RequestContext<Self::Context>,
        body: TypedBody<StageCompleteRequest>,
    ) -> Result<HttpResponseOk<StageCompleteResult>, ApiError>;

    /// The model catalog, with hashes anyone can recompute.
    #[endpoint { method = GET, path = "/models/catalog", tags = ["models"] }]
    async fn models_catalog(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<HttpResponseOk<ModelCatalog>, ApiError>;

    /// One model card.
    #[endpoint { method = GET, path = "/models/catalog/{slug}", tags = ["models"] }]
    async fn models_get(
        rqctx: RequestContext<Self::Context>,
        path: Path<ModelPath>,
    ) -> Result<HttpResponseOk<ModelCard>, ApiError>;

    /// Pin a model into a receipt on the organisation's chain.
    #[endpoint { method = POST, path = "/models/catalog/{slug}/pin", tags = ["models"] }]
    async fn models_pin(
        rqctx: RequestContext<Self::Context>,
        path: Path<ModelPath>,
        body: TypedBody<ModelPinRequest>,
    ) -> Result<HttpResponseCreated<ModelPinReceiptOut>, ApiError>;

    /// This document.
    #[endpoint { method = GET, path = "/openapi.json", unpublished = true }]
    async fn openapi_document(
        rqctx: RequestContext<Self::Context>,
    ) -> Result<Response<Body>, ApiError>;

    /// A shared receipt as an HTML page for people; its script re-checks the
    /// hash, the payload and the signature in the browser.
    #[endpoint { method = GET, path = "/r/{token}", unpublished = true }]
    async fn receipt_page(
        rqctx: RequestContext<Self::Context>,
        path: Path<SharePath>,
    ) -> Result<Response<Body>, ApiError>;
}

/// The claim route as published; the router reaches it through `/runner/cooks/{cook_id}`.
pub const CLAIM_PATH: &str = "/runner/cooks/next";
/// The segment that selects the claim route under `/runner/cooks/`.
pub const CLAIM_SEGMENT: &str = "next";

/// Publishes the claim operation at its literal path, without the path variable
/// the router needs to reach it.
fn publish_claim_path(doc: &mut serde_json::Value) {
    let Some(paths) = doc.get_mut("paths").and_then(|p| p.as_object_mut()) else {
        return;
    };
    let Some(mut item) = paths.remove("/runner/cooks/{cook_id}") else {
        return;
    };
    if let Some(op) = item.get_mut("post").and_then(|o| o.as_object_mut()) {
        op.remove("parameters");
    }
    paths.insert(CLAIM_PATH.to_string(), item);
    paths.sort_keys();
}

/// Renders the OpenAPI document of the API (3.0.x), as committed in `openapi.json`.
pub fn openapi_json() -> String {
    let description =
        defendable_api_mod::stub_api_description().expect("the API description is valid");
    let mut openapi = description.openapi(
        "DefendableCloud API",
        crate::API_VERSION.parse().expect("semver"),
    );
    openapi
        .description("A proof vault for AI-agent work: runs, audits, verdicts, approvals and hash-chained receipts.")
        .license_name("Apache-2.0");
    let mut value = openapi.json().expect("the OpenAPI document serialises");
    publish_claim_path(&mut value);
    let mut text = serde_json::to_string_pretty(&value).expect("pretty JSON");
    text.push('\n');
    text
}
