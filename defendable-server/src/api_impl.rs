//! `impl DefendableApi`: thin handlers that parse, authorise, call a service and
//! map its errors.

use dropshot::{
    Body, HttpResponseCreated, HttpResponseOk, Path, Query, RequestContext, StreamingBody,
    TypedBody,
};
use http::Response;

use defendable_contract::api::{
    ApiError, CheckPath, DefendableApi, FlightSheetPath, RunPath, SharePath,
};
use defendable_contract::schemas::*;

use crate::auth::{self, Need, Principal};
use crate::context::AppContext;
use crate::{access, flight_sheets, ledger, page, receipts, runs, transparency};

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
            .auth_request(&email, ctx.client_address(&rqctx.request))?;
        Ok(HttpResponseOk(auth::request_link(ctx, &email).await?))
    }

    async fn auth_verify(
        rqctx: Ctx,
        body: TypedBody<MagicVerifyIn>,
    ) -> Result<HttpResponseOk<TokenOut>, ApiError> {
        let _rq = crate::observability::logs::bind_request(&rqctx.request);
        let ctx = rqctx.context();
        ctx.limits.auth_verify(ctx.client_address(&rqctx.request))?;
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
        rqctx.context().limits.mint(&p.org_id)?;
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
        let (receipt_id, bytes) =
            receipts::share_pdf(rqctx.context(), &path.into_inner().token).await?;
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
            .accept_invite(ctx.client_address(&rqctx.request))?;
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
        Ok(HttpResponseOk(
            transparency::proof_file(rqctx.context(), &path.into_inner().token).await?,
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
        match receipts::share_with_row(rqctx.context(), &token).await {
            Ok((row, public)) => html(200, &csp, page::receipt(&row, &public, &nonce)),
            Err(e) if e.status() == 404 => html(404, &csp, page::not_found(&nonce)),
            Err(e) => Err(e),
        }
    }
}
