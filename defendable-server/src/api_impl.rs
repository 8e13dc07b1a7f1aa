//! `impl DefendableApi`: thin handlers that parse, authorise, call a service and
//! map its errors.

use dropshot::{
    Body, HttpResponseCreated, HttpResponseOk, Path, Query, RequestContext, StreamingBody,
    TypedBody, UntypedBody,
};
use http::Response;

use defendable_contract::api::{
    ApiError, CheckPath, DefendableApi, FlightSheetPath, RunPath, SharePath,
};
use defendable_contract::schemas::*;

use crate::auth::{self, Need, Principal};
use crate::context::AppContext;
use crate::{
    access, agents, billing, cooks, datasets, flight_sheets, grants, ledger, membership, models,
    operator, page, policy, receipts, runners, runs, transparency,
};

/// The server's implementation of the API trait.
pub enum DefendableServer {}

type Ctx = RequestContext<AppContext>;

async fn principal(rqctx: &Ctx, need: Need) -> Result<Principal, ApiError> {
    auth::authenticate(rqctx.context(), rqctx.request.headers(), need).await
}

fn raw(
    content_type: &str,
    disposition: Option<String>,
    bytes: Vec<u8>,
) -> Result<Response<Body>, ApiError> {
    let mut builder = Response::builder()
        .status(200)
        .header(http::header::CONTENT_TYPE, content_type);
    if let Some(d) = disposition {
        builder = builder.header(http::header::CONTENT_DISPOSITION, d);
    }
    builder
        .body(Body::from(bytes))
        .map_err(|e| crate::error::internal("building a response", e))
}

/// An HTML page with its own Content-Security-Policy (the HTTP layer keeps a
/// policy the handler set), kept out of referrers and search indexes: the URL
/// holds the share token.
fn html(status: u16, csp: &str, body: String) -> Result<Response<Body>, ApiError> {
    Response::builder()
        .status(status)
        .header(http::header::CONTENT_TYPE, "text/html; charset=utf-8")
        .header(http::header::CONTENT_SECURITY_POLICY, csp)
        .header(http::header::REFERRER_POLICY, "no-referrer")
        .header("x-robots-tag", "noindex")
        .body(Body::from(body))
        .map_err(|e| crate::error::internal("building a response", e))
}

impl DefendableApi for DefendableServer {
    type Context = AppContext;

    async fn service_info(rqctx: Ctx) -> Result<HttpResponseOk<ServiceInfo>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        Ok(HttpResponseOk(crate::service_info()))
    }

    async fn healthz(rqctx: Ctx) -> Result<HttpResponseOk<HealthOut>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        Ok(HttpResponseOk(crate::health(rqctx.context()).await))
    }

    async fn auth_request(
        rqctx: Ctx,
        body: TypedBody<MagicRequestIn>,
    ) -> Result<HttpResponseOk<MagicRequestOut>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        let email = body.into_inner().email;
        ctx.limits
            .auth_request(&email, ctx.client_address(&rqctx.request))
            .await?;
        Ok(HttpResponseOk(auth::request_link(ctx, &email).await?))
    }

    async fn auth_verify(
        rqctx: Ctx,
        body: TypedBody<MagicVerifyIn>,
    ) -> Result<HttpResponseOk<TokenOut>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        ctx.limits
            .auth_verify(ctx.client_address(&rqctx.request))
            .await?;
        Ok(HttpResponseOk(
            auth::verify_link(ctx, &body.into_inner().token).await?,
        ))
    }

    async fn auth_me(rqctx: Ctx) -> Result<HttpResponseOk<Me>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(auth::me(rqctx.context(), &p).await?))
    }

    async fn org_get(rqctx: Ctx) -> Result<HttpResponseOk<Org>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(crate::org(rqctx.context(), &p).await?))
    }

    async fn projects_list(rqctx: Ctx) -> Result<HttpResponseOk<ProjectList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            runs::list_projects(rqctx.context(), &p).await?,
        ))
    }

    async fn projects_create(
        rqctx: Ctx,
        body: TypedBody<ProjectIn>,
    ) -> Result<HttpResponseOk<Project>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseOk(
            runs::create_project(rqctx.context(), &p, body.into_inner()).await?,
        ))
    }

    async fn flight_sheets_list(rqctx: Ctx) -> Result<HttpResponseOk<FlightSheetList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(flight_sheets::list(rqctx.context()).await?))
    }

    async fn flight_sheets_get(
        rqctx: Ctx,
        path: Path<FlightSheetPath>,
    ) -> Result<HttpResponseOk<FlightSheet>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            flight_sheets::get(rqctx.context(), &path.into_inner().id_or_slug).await?,
        ))
    }

    async fn runs_list(
        rqctx: Ctx,
        query: Query<RunListQuery>,
    ) -> Result<HttpResponseOk<RunList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            runs::list_runs(rqctx.context(), &p, query.into_inner()).await?,
        ))
    }

    async fn runs_create(
        rqctx: Ctx,
        body: TypedBody<RunIn>,
    ) -> Result<HttpResponseOk<Run>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseOk(
            runs::create_run(rqctx.context(), &p, body.into_inner()).await?,
        ))
    }

    async fn runs_get(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<RunDetail>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            runs::run_detail(rqctx.context(), &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn evidence_add(
        rqctx: Ctx,
        path: Path<RunPath>,
        body: TypedBody<EvidenceIn>,
    ) -> Result<HttpResponseOk<Evidence>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseOk(
            runs::add_evidence(
                rqctx.context(),
                &p,
                &path.into_inner().run_id,
                body.into_inner(),
            )
            .await?,
        ))
    }

    async fn evidence_list(
        rqctx: Ctx,
        path: Path<RunPath>,
        query: Query<EvidencePageQuery>,
    ) -> Result<HttpResponseOk<EvidencePage>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            runs::evidence_page(
                rqctx.context(),
                &p,
                &path.into_inner().run_id,
                query.into_inner(),
            )
            .await?,
        ))
    }

    async fn evidence_upload(
        rqctx: Ctx,
        path: Path<RunPath>,
        query: Query<EvidenceUploadQuery>,
        body: StreamingBody,
    ) -> Result<HttpResponseOk<Evidence>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        let headers = rqctx.request.headers().clone();
        Ok(HttpResponseOk(
            runs::upload::upload_evidence(
                rqctx.context(),
                &p,
                &path.into_inner().run_id,
                query.into_inner(),
                &headers,
                body,
            )
            .await?,
        ))
    }

    async fn submission_add(
        rqctx: Ctx,
        path: Path<RunPath>,
        body: TypedBody<SubmissionBody>,
    ) -> Result<HttpResponseOk<SubmissionAck>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseOk(
            runs::add_submission(
                rqctx.context(),
                &p,
                &path.into_inner().run_id,
                body.into_inner().0,
            )
            .await?,
        ))
    }

    async fn submission_get(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<Submission>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            runs::get_submission(rqctx.context(), &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn audit_run(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<AuditResult>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseOk(
            runs::audit(rqctx.context(), &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn checks_list(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<ChecksList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            runs::list_checks(rqctx.context(), &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn checks_run(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<CoreChecksResult>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseOk(
            runs::core_checks(rqctx.context(), &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn checks_grade(
        rqctx: Ctx,
        path: Path<CheckPath>,
        body: TypedBody<CheckGradeIn>,
    ) -> Result<HttpResponseOk<CheckGraded>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        let path = path.into_inner();
        Ok(HttpResponseOk(
            runs::grade(
                rqctx.context(),
                &p,
                &path.run_id,
                &path.check_id,
                body.into_inner(),
            )
            .await?,
        ))
    }

    async fn findings_finalize(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<Verdict>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseOk(
            runs::finalize(rqctx.context(), &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn flags_list(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<FlagsList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            runs::list_flags(rqctx.context(), &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn verdict_get(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<Verdict>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            runs::get_verdict(rqctx.context(), &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn approval_set(
        rqctx: Ctx,
        path: Path<RunPath>,
        body: TypedBody<ApprovalIn>,
    ) -> Result<HttpResponseOk<Approval>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Approve).await?;
        Ok(HttpResponseOk(
            runs::approve(
                rqctx.context(),
                &p,
                &path.into_inner().run_id,
                body.into_inner(),
            )
            .await?,
        ))
    }

    async fn receipt_generate(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<Receipt>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        rqctx.context().limits.mint(&p.org_id).await?;
        Ok(HttpResponseOk(
            receipts::mint_for_run(rqctx.context(), &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn share_get(
        rqctx: Ctx,
        path: Path<SharePath>,
    ) -> Result<HttpResponseOk<PublicReceipt>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        Ok(HttpResponseOk(
            receipts::share(rqctx.context(), &path.into_inner().token).await?,
        ))
    }

    async fn share_pdf(rqctx: Ctx, path: Path<SharePath>) -> Result<Response<Body>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        // The PDF carries a proof, which reads the whole chain: limited like the proof route.
        ctx.limits
            .public_log(ctx.client_address(&rqctx.request))
            .await?;
        let (receipt_id, bytes) = receipts::share_pdf(ctx, &path.into_inner().token).await?;
        raw(
            "application/pdf",
            Some(format!("inline; filename=\"{receipt_id}.pdf\"")),
            bytes,
        )
    }

    async fn ledger_list(
        rqctx: Ctx,
        query: Query<LedgerQuery>,
    ) -> Result<HttpResponseOk<LedgerList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            ledger::list(rqctx.context(), &p, query.into_inner()).await?,
        ))
    }

    async fn ledger_export(
        rqctx: Ctx,
        query: Query<LedgerQuery>,
    ) -> Result<HttpResponseOk<LedgerExport>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            ledger::export(rqctx.context(), &p, query.into_inner()).await?,
        ))
    }

    async fn ledger_verify(rqctx: Ctx) -> Result<HttpResponseOk<LedgerVerifyResult>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(ledger::verify(rqctx.context(), &p).await?))
    }

    async fn auth_accept_invite(
        rqctx: Ctx,
        body: TypedBody<AcceptInviteIn>,
    ) -> Result<HttpResponseOk<TokenOut>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        ctx.limits
            .accept_invite(ctx.client_address(&rqctx.request))
            .await?;
        Ok(HttpResponseOk(
            access::accept_invite(ctx, &body.into_inner().token).await?,
        ))
    }

    async fn auth_logout(rqctx: Ctx) -> Result<HttpResponseOk<LogoutOut>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(auth::logout(rqctx.context(), &p).await?))
    }

    async fn api_keys_list(rqctx: Ctx) -> Result<HttpResponseOk<ApiKeyList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Owner).await?;
        Ok(HttpResponseOk(
            access::list_keys(rqctx.context(), &p).await?,
        ))
    }

    async fn api_keys_create(
        rqctx: Ctx,
        body: TypedBody<ApiKeyIn>,
    ) -> Result<HttpResponseCreated<ApiKeyCreated>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Owner).await?;
        Ok(HttpResponseCreated(
            access::create_key(rqctx.context(), &p, body.into_inner()).await?,
        ))
    }

    async fn api_keys_revoke(
        rqctx: Ctx,
        path: Path<ApiKeyPath>,
    ) -> Result<HttpResponseOk<ApiKey>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Owner).await?;
        Ok(HttpResponseOk(
            access::revoke_key(rqctx.context(), &p, &path.into_inner().key_id).await?,
        ))
    }

    async fn members_list(rqctx: Ctx) -> Result<HttpResponseOk<OrgMemberList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(access::members(rqctx.context(), &p).await?))
    }

    async fn members_set_role(
        rqctx: Ctx,
        path: Path<MemberPath>,
        body: TypedBody<OrgMemberRoleUpdate>,
    ) -> Result<HttpResponseOk<OrgMember>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Owner).await?;
        Ok(HttpResponseOk(
            access::set_role(
                rqctx.context(),
                &p,
                &path.into_inner().user_id,
                body.into_inner().role,
            )
            .await?,
        ))
    }

    async fn members_remove(
        rqctx: Ctx,
        path: Path<MemberPath>,
    ) -> Result<HttpResponseOk<OrgMember>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Owner).await?;
        Ok(HttpResponseOk(
            access::remove_member(rqctx.context(), &p, &path.into_inner().user_id).await?,
        ))
    }

    async fn invites_list(rqctx: Ctx) -> Result<HttpResponseOk<OrgInviteList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Owner).await?;
        Ok(HttpResponseOk(access::invites(rqctx.context(), &p).await?))
    }

    async fn invites_create(
        rqctx: Ctx,
        body: TypedBody<OrgInviteIn>,
    ) -> Result<HttpResponseCreated<OrgInviteCreated>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Owner).await?;
        Ok(HttpResponseCreated(
            access::invite(rqctx.context(), &p, body.into_inner()).await?,
        ))
    }

    async fn org_usage(rqctx: Ctx) -> Result<HttpResponseOk<UsageStats>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(access::usage(rqctx.context(), &p).await?))
    }

    async fn org_settings_get(rqctx: Ctx) -> Result<HttpResponseOk<OrgSettings>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(access::settings(rqctx.context(), &p).await?))
    }

    async fn org_settings_set(
        rqctx: Ctx,
        body: TypedBody<OrgSettings>,
    ) -> Result<HttpResponseOk<OrgSettings>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Owner).await?;
        Ok(HttpResponseOk(
            access::set_settings(rqctx.context(), &p, body.into_inner()).await?,
        ))
    }

    async fn signing_keys(rqctx: Ctx) -> Result<HttpResponseOk<SigningKeyList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        Ok(HttpResponseOk(
            transparency::signing_keys(rqctx.context()).await?,
        ))
    }

    async fn ledger_checkpoint(rqctx: Ctx) -> Result<HttpResponseOk<SignedCheckpoint>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            transparency::checkpoint(rqctx.context(), &p.org_id).await?,
        ))
    }

    async fn ledger_inclusion_proof(
        rqctx: Ctx,
        query: Query<InclusionQuery>,
    ) -> Result<HttpResponseOk<InclusionProof>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        let q = query.into_inner();
        Ok(HttpResponseOk(
            transparency::inclusion(rqctx.context(), &p.org_id, q.org_seq, q.tree_size).await?,
        ))
    }

    async fn ledger_consistency_proof(
        rqctx: Ctx,
        query: Query<ConsistencyQuery>,
    ) -> Result<HttpResponseOk<ConsistencyProof>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        let q = query.into_inner();
        Ok(HttpResponseOk(
            transparency::consistency(rqctx.context(), &p.org_id, q.from, q.to).await?,
        ))
    }

    async fn share_proof(
        rqctx: Ctx,
        path: Path<SharePath>,
    ) -> Result<HttpResponseOk<ProofFile>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        ctx.limits
            .public_log(ctx.client_address(&rqctx.request))
            .await?;
        Ok(HttpResponseOk(
            transparency::proof_file(ctx, &path.into_inner().token).await?,
        ))
    }

    async fn share_log_checkpoint(
        rqctx: Ctx,
        path: Path<SharePath>,
    ) -> Result<HttpResponseOk<SignedCheckpoint>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        ctx.limits
            .public_log(ctx.client_address(&rqctx.request))
            .await?;
        Ok(HttpResponseOk(
            transparency::log_checkpoint(ctx, &path.into_inner().token).await?,
        ))
    }

    async fn share_log_consistency(
        rqctx: Ctx,
        path: Path<SharePath>,
        query: Query<LogConsistencyQuery>,
    ) -> Result<HttpResponseOk<ConsistencyProof>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        ctx.limits
            .public_log(ctx.client_address(&rqctx.request))
            .await?;
        let q = query.into_inner();
        Ok(HttpResponseOk(
            transparency::log_consistency(ctx, &path.into_inner().token, q.first, q.second).await?,
        ))
    }

    // Membership, billing and administration.

    async fn membership_get(rqctx: Ctx) -> Result<HttpResponseOk<Membership>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(membership::get(rqctx.context(), &p).await?))
    }

    async fn membership_apply(
        rqctx: Ctx,
        body: TypedBody<MembershipApplicationIn>,
    ) -> Result<HttpResponseCreated<Membership>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Owner).await?;
        Ok(HttpResponseCreated(
            membership::apply(rqctx.context(), &p, body.into_inner()).await?,
        ))
    }

    async fn membership_approve(
        rqctx: Ctx,
        body: TypedBody<MembershipApproveIn>,
    ) -> Result<HttpResponseOk<Membership>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        operator::require_internal_key(rqctx.context(), rqctx.request.headers())?;
        let slug = body.into_inner().org_slug;
        Ok(HttpResponseOk(
            membership::approve(rqctx.context(), &slug).await?,
        ))
    }

    async fn membership_checkout(
        rqctx: Ctx,
        body: TypedBody<MembershipCheckoutIn>,
    ) -> Result<HttpResponseCreated<MembershipCheckoutOut>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Owner).await?;
        Ok(HttpResponseCreated(
            billing::checkout(rqctx.context(), &p, body.into_inner()).await?,
        ))
    }

    async fn stripe_webhook(
        rqctx: Ctx,
        body: UntypedBody,
    ) -> Result<HttpResponseOk<StripeWebhookResult>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        Ok(HttpResponseOk(
            billing::webhook(rqctx.context(), rqctx.request.headers(), body.as_bytes()).await?,
        ))
    }

    async fn admin_applications(
        rqctx: Ctx,
    ) -> Result<HttpResponseOk<AdminApplicationList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        auth::authenticate_admin(rqctx.context(), rqctx.request.headers()).await?;
        Ok(HttpResponseOk(
            membership::applications(rqctx.context()).await?,
        ))
    }

    async fn admin_application_approve(
        rqctx: Ctx,
        path: Path<OrgSlugPath>,
    ) -> Result<HttpResponseOk<Membership>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        auth::authenticate_admin(rqctx.context(), rqctx.request.headers()).await?;
        let slug = path.into_inner().slug;
        Ok(HttpResponseOk(
            membership::approve(rqctx.context(), &slug).await?,
        ))
    }

    async fn admin_health(rqctx: Ctx) -> Result<HttpResponseOk<AdminHealth>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = auth::authenticate_admin(rqctx.context(), rqctx.request.headers()).await?;
        Ok(HttpResponseOk(AdminHealth {
            ok: true,
            admin_email: p.email,
        }))
    }

    async fn receipts_recent(
        rqctx: Ctx,
        query: Query<RecentReceiptsQuery>,
    ) -> Result<HttpResponseOk<ReceiptRollupList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            receipts::rollup::recent(rqctx.context(), &p, query.into_inner()).await?,
        ))
    }

    async fn policy_training_data(
        rqctx: Ctx,
    ) -> Result<HttpResponseOk<TrainingDataPolicy>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        Ok(HttpResponseOk(policy::training_data()))
    }

    // ---- Agent profiles, incidents, watchdog, stack planner ----

    async fn agent_profiles_list(
        rqctx: Ctx,
        query: Query<AgentProfileListQuery>,
    ) -> Result<HttpResponseOk<AgentProfileList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            agents::list(rqctx.context(), &p, query.into_inner()).await?,
        ))
    }

    async fn agent_profiles_create(
        rqctx: Ctx,
        body: TypedBody<AgentProfileIn>,
    ) -> Result<HttpResponseOk<AgentProfile>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseOk(
            agents::create(rqctx.context(), &p, body.into_inner()).await?,
        ))
    }

    async fn agent_profiles_get(
        rqctx: Ctx,
        path: Path<AgentProfilePath>,
    ) -> Result<HttpResponseOk<AgentProfile>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            agents::get(rqctx.context(), &p, &path.into_inner().profile_id).await?,
        ))
    }

    async fn agent_profiles_watchdog(
        rqctx: Ctx,
        path: Path<AgentProfilePath>,
    ) -> Result<HttpResponseOk<WatchdogResult>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseOk(
            agents::watchdog(rqctx.context(), &p, &path.into_inner().profile_id).await?,
        ))
    }

    async fn incidents_list(
        rqctx: Ctx,
        query: Query<IncidentListQuery>,
    ) -> Result<HttpResponseOk<IncidentList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            agents::incidents::list(rqctx.context(), &p, query.into_inner()).await?,
        ))
    }

    async fn incidents_create(
        rqctx: Ctx,
        body: TypedBody<IncidentIn>,
    ) -> Result<HttpResponseOk<Incident>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseOk(
            agents::incidents::create(rqctx.context(), &p, body.into_inner()).await?,
        ))
    }

    async fn incidents_update(
        rqctx: Ctx,
        path: Path<IncidentPath>,
        body: TypedBody<IncidentPatch>,
    ) -> Result<HttpResponseOk<Incident>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseOk(
            agents::incidents::update(
                rqctx.context(),
                &p,
                &path.into_inner().incident_id,
                body.into_inner(),
            )
            .await?,
        ))
    }

    async fn incidents_receipt(
        rqctx: Ctx,
        path: Path<IncidentPath>,
    ) -> Result<HttpResponseOk<Receipt>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        rqctx.context().limits.mint(&p.org_id).await?;
        Ok(HttpResponseOk(
            agents::incidents::receipt(rqctx.context(), &p, &path.into_inner().incident_id).await?,
        ))
    }

    async fn stack_planner_options(
        rqctx: Ctx,
    ) -> Result<HttpResponseOk<StackPlannerOptions>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(crate::stack::options()))
    }

    async fn stack_assessment(
        rqctx: Ctx,
        body: TypedBody<StackAssessmentIn>,
    ) -> Result<HttpResponseOk<StackAssessment>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        let earned = agents::earned_lanes(rqctx.context(), &p.org_id).await?;
        Ok(HttpResponseOk(crate::stack::assess(
            &body.into_inner(),
            earned,
        )?))
    }

    // ---- Cooks and runners ----

    async fn cook_request(
        rqctx: Ctx,
        path: Path<RunPath>,
        body: TypedBody<CookRequestIn>,
    ) -> Result<HttpResponseOk<Cook>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseOk(
            cooks::request(
                rqctx.context(),
                &p,
                &path.into_inner().run_id,
                body.into_inner(),
            )
            .await?,
        ))
    }

    async fn cooks_list(
        rqctx: Ctx,
        query: Query<CookListQuery>,
    ) -> Result<HttpResponseOk<CookList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            cooks::list(rqctx.context(), &p, query.into_inner()).await?,
        ))
    }

    async fn cooks_get(rqctx: Ctx, path: Path<CookPath>) -> Result<HttpResponseOk<Cook>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            cooks::get(rqctx.context(), &p, &path.into_inner().cook_id).await?,
        ))
    }

    async fn runner_cooks_next(
        rqctx: Ctx,
        path: Path<CookPath>,
        body: TypedBody<RunnerClaimIn>,
    ) -> Result<HttpResponseOk<RunnerClaimOut>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        if path.into_inner().cook_id != defendable_contract::api::CLAIM_SEGMENT {
            return Err(ApiError::not_found("not found"));
        }
        let ctx = rqctx.context();
        let who = runners::authenticate(ctx, rqctx.request.headers()).await?;
        Ok(HttpResponseOk(
            cooks::claim(ctx, &who, body.into_inner()).await?,
        ))
    }

    async fn runner_cooks_status(
        rqctx: Ctx,
        path: Path<CookPath>,
        body: TypedBody<RunnerStatusIn>,
    ) -> Result<HttpResponseOk<RunnerStatusOut>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        let who = runners::authenticate(ctx, rqctx.request.headers()).await?;
        Ok(HttpResponseOk(
            cooks::heartbeat(ctx, &who, &path.into_inner().cook_id, body.into_inner()).await?,
        ))
    }

    async fn runner_cooks_complete(
        rqctx: Ctx,
        path: Path<CookPath>,
        body: TypedBody<RunnerCompleteIn>,
    ) -> Result<HttpResponseOk<Cook>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        let who = runners::authenticate(ctx, rqctx.request.headers()).await?;
        Ok(HttpResponseOk(
            cooks::complete(ctx, &who, &path.into_inner().cook_id, body.into_inner()).await?,
        ))
    }

    async fn runner_cooks_fail(
        rqctx: Ctx,
        path: Path<CookPath>,
        body: TypedBody<RunnerFailIn>,
    ) -> Result<HttpResponseOk<RunnerAck>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        let who = runners::authenticate(ctx, rqctx.request.headers()).await?;
        Ok(HttpResponseOk(
            cooks::fail(ctx, &who, &path.into_inner().cook_id, body.into_inner()).await?,
        ))
    }

    async fn runner_cooks_release(
        rqctx: Ctx,
        path: Path<CookPath>,
        body: TypedBody<RunnerReleaseIn>,
    ) -> Result<HttpResponseOk<RunnerAck>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        let who = runners::authenticate(ctx, rqctx.request.headers()).await?;
        Ok(HttpResponseOk(
            cooks::release(ctx, &who, &path.into_inner().cook_id, body.into_inner()).await?,
        ))
    }

    async fn runner_tokens_create(
        rqctx: Ctx,
        body: TypedBody<RunnerTokenIn>,
    ) -> Result<HttpResponseCreated<RunnerTokenCreated>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        operator::require_internal_key(ctx, rqctx.request.headers())?;
        Ok(HttpResponseCreated(
            runners::issue(ctx, &body.into_inner().name).await?,
        ))
    }

    async fn runner_tokens_list(rqctx: Ctx) -> Result<HttpResponseOk<RunnerTokenList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        operator::require_internal_key(ctx, rqctx.request.headers())?;
        Ok(HttpResponseOk(runners::list(ctx).await?))
    }

    async fn runner_tokens_revoke(
        rqctx: Ctx,
        path: Path<RunnerPath>,
    ) -> Result<HttpResponseOk<RunnerToken>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        operator::require_internal_key(ctx, rqctx.request.headers())?;
        Ok(HttpResponseOk(
            runners::revoke(ctx, &path.into_inner().runner_id).await?,
        ))
    }

    // ---- Datasets and models (members only) ----

    async fn datasets_list(rqctx: Ctx) -> Result<HttpResponseOk<DatasetList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(datasets::list(rqctx.context(), &p).await?))
    }

    async fn datasets_catalog(
        rqctx: Ctx,
        query: Query<DatasetCatalogQuery>,
    ) -> Result<HttpResponseOk<DatasetCatalog>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            datasets::catalog(rqctx.context(), &p, query.into_inner()).await?,
        ))
    }

    async fn datasets_package(
        rqctx: Ctx,
        path: Path<PackagePath>,
    ) -> Result<HttpResponseOk<DatasetPackage>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            datasets::get(rqctx.context(), &p, &path.into_inner().slug).await?,
        ))
    }

    async fn datasets_samples(
        rqctx: Ctx,
        path: Path<PackagePath>,
        query: Query<SamplesQuery>,
    ) -> Result<HttpResponseOk<DatasetSamples>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            datasets::samples(
                rqctx.context(),
                &p,
                &path.into_inner().slug,
                query.into_inner(),
            )
            .await?,
        ))
    }

    async fn datasets_download(
        rqctx: Ctx,
        path: Path<PackagePath>,
        body: TypedBody<DatasetDownloadRequest>,
    ) -> Result<HttpResponseCreated<DatasetDownloadGrant>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseCreated(
            grants::grant(
                rqctx.context(),
                &p,
                &path.into_inner().slug,
                body.into_inner(),
            )
            .await?,
        ))
    }

    async fn grant_download(
        rqctx: Ctx,
        path: Path<GrantPath>,
        query: Query<GrantQuery>,
    ) -> Result<Response<Body>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        grants::download(
            rqctx.context(),
            &path.into_inner().grant_id,
            &query.into_inner().token,
        )
        .await
    }

    async fn grant_file(
        rqctx: Ctx,
        path: Path<GrantPath>,
        query: Query<SignedFileQuery>,
    ) -> Result<Response<Body>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let q = query.into_inner();
        grants::file(
            rqctx.context(),
            &path.into_inner().grant_id,
            q.expires,
            &q.sig,
        )
        .await
    }

    async fn share_download(rqctx: Ctx, path: Path<SharePath>) -> Result<Response<Body>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        grants::share_download(rqctx.context(), &path.into_inner().token).await
    }

    async fn staging_tasks(rqctx: Ctx) -> Result<HttpResponseOk<StagingTaskList>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        operator::require_internal_key(rqctx.context(), rqctx.request.headers())?;
        Ok(HttpResponseOk(
            grants::staging_tasks(rqctx.context()).await?,
        ))
    }

    async fn stage_complete(
        rqctx: Ctx,
        body: TypedBody<StageCompleteRequest>,
    ) -> Result<HttpResponseOk<StageCompleteResult>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        operator::require_internal_key(rqctx.context(), rqctx.request.headers())?;
        Ok(HttpResponseOk(
            grants::stage_complete(rqctx.context(), body.into_inner()).await?,
        ))
    }

    async fn models_catalog(rqctx: Ctx) -> Result<HttpResponseOk<ModelCatalog>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(models::catalog(rqctx.context(), &p).await?))
    }

    async fn models_get(
        rqctx: Ctx,
        path: Path<ModelPath>,
    ) -> Result<HttpResponseOk<ModelCard>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::Read).await?;
        Ok(HttpResponseOk(
            models::get(rqctx.context(), &p, &path.into_inner().slug).await?,
        ))
    }

    async fn models_pin(
        rqctx: Ctx,
        path: Path<ModelPath>,
        body: TypedBody<ModelPinRequest>,
    ) -> Result<HttpResponseCreated<ModelPinReceiptOut>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let p = principal(&rqctx, Need::RunsWrite).await?;
        Ok(HttpResponseCreated(
            models::pin(
                rqctx.context(),
                &p,
                &path.into_inner().slug,
                body.into_inner(),
            )
            .await?,
        ))
    }

    async fn openapi_document(rqctx: Ctx) -> Result<Response<Body>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        raw(
            "application/json",
            None,
            rqctx.context().openapi.as_bytes().to_vec(),
        )
    }

    async fn receipt_page(rqctx: Ctx, path: Path<SharePath>) -> Result<Response<Body>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let token = path.into_inner().token;
        let nonce = page::nonce();
        let csp = page::csp(&nonce);
        let ctx = rqctx.context();
        let shared = match receipts::shared(ctx, &token).await {
            Ok(shared) => shared,
            Err(e) if e.status() == 404 => return html(404, &csp, page::not_found(&nonce)),
            Err(e) => return Err(e),
        };
        // A proof the server cannot build is said on the page, not hidden behind a 500.
        // Building one reads the whole chain, so it is limited like the proof route; a
        // client over the limit still gets the page, with the proof marked unavailable.
        let proof = match ctx
            .limits
            .public_log(ctx.client_address(&rqctx.request))
            .await
        {
            Ok(()) => transparency::proof_of(ctx, &shared).await,
            Err(limited) => Err(limited),
        };
        let chain = match &proof {
            Ok(file) => page::ChainStatus::Proven(file),
            Err(e) => page::ChainStatus::Unavailable(e.detail.clone()),
        };
        let url = ctx.page_url(&token);
        html(
            200,
            &csp,
            page::receipt(&shared.row, &shared.public, chain, &url, &nonce),
        )
    }
}
