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

use super::{html, raw, Call, Limit};
use crate::auth::{self, Need};
use crate::context::AppContext;
use crate::{
    access, agents, billing, cooks, datasets, flight_sheets, grants, ledger, membership, models,
    page, policy, receipts, runners, runs, sharing, transparency,
};

/// The server's implementation of the API trait.
pub enum DefendableServer {}

type Ctx = RequestContext<AppContext>;

impl DefendableApi for DefendableServer {
    type Context = AppContext;

    async fn service_info(rqctx: Ctx) -> Result<HttpResponseOk<ServiceInfo>, ApiError> {
        let Call { _log, .. } = Call::anyone(&rqctx, Limit::None).await?;
        Ok(HttpResponseOk(crate::service_info()))
    }

    async fn healthz(rqctx: Ctx) -> Result<HttpResponseOk<HealthOut>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::None).await?;
        Ok(HttpResponseOk(crate::health(ctx).await))
    }

    async fn auth_request(
        rqctx: Ctx,
        body: TypedBody<MagicRequestIn>,
    ) -> Result<HttpResponseOk<MagicRequestOut>, ApiError> {
        let email = body.into_inner().email;
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::SignIn { email: &email }).await?;
        Ok(HttpResponseOk(auth::request_link(ctx, &email).await?))
    }

    async fn auth_verify(
        rqctx: Ctx,
        body: TypedBody<MagicVerifyIn>,
    ) -> Result<HttpResponseOk<TokenOut>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::Verify).await?;
        Ok(HttpResponseOk(
            auth::verify_link(ctx, &body.into_inner().token).await?,
        ))
    }

    async fn auth_me(rqctx: Ctx) -> Result<HttpResponseOk<Me>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(auth::me(ctx, &p).await?))
    }

    async fn org_get(rqctx: Ctx) -> Result<HttpResponseOk<Org>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(crate::org(ctx, &p).await?))
    }

    async fn projects_list(rqctx: Ctx) -> Result<HttpResponseOk<ProjectList>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(runs::list_projects(ctx, &p).await?))
    }

    async fn projects_create(
        rqctx: Ctx,
        body: TypedBody<ProjectIn>,
    ) -> Result<HttpResponseOk<Project>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::create_project(ctx, &p, body.into_inner()).await?,
        ))
    }

    async fn flight_sheets_list(rqctx: Ctx) -> Result<HttpResponseOk<FlightSheetList>, ApiError> {
        let Call { ctx, _log, .. } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(flight_sheets::list(ctx).await?))
    }

    async fn flight_sheets_get(
        rqctx: Ctx,
        path: Path<FlightSheetPath>,
    ) -> Result<HttpResponseOk<FlightSheet>, ApiError> {
        let Call { ctx, _log, .. } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            flight_sheets::get(ctx, &path.into_inner().id_or_slug).await?,
        ))
    }

    async fn runs_list(
        rqctx: Ctx,
        query: Query<RunListQuery>,
    ) -> Result<HttpResponseOk<RunList>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::list_runs(ctx, &p, query.into_inner()).await?,
        ))
    }

    async fn runs_create(
        rqctx: Ctx,
        body: TypedBody<RunIn>,
    ) -> Result<HttpResponseOk<Run>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::create_run(ctx, &p, body.into_inner()).await?,
        ))
    }

    async fn runs_get(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<RunDetail>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::run_detail(ctx, &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn evidence_add(
        rqctx: Ctx,
        path: Path<RunPath>,
        body: TypedBody<EvidenceIn>,
    ) -> Result<HttpResponseOk<Evidence>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::add_evidence(ctx, &p, &path.into_inner().run_id, body.into_inner()).await?,
        ))
    }

    async fn evidence_list(
        rqctx: Ctx,
        path: Path<RunPath>,
        query: Query<EvidencePageQuery>,
    ) -> Result<HttpResponseOk<EvidencePage>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::evidence_page(ctx, &p, &path.into_inner().run_id, query.into_inner()).await?,
        ))
    }

    async fn evidence_upload(
        rqctx: Ctx,
        path: Path<RunPath>,
        query: Query<EvidenceUploadQuery>,
        body: StreamingBody,
    ) -> Result<HttpResponseOk<Evidence>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        let headers = rqctx.request.headers().clone();
        Ok(HttpResponseOk(
            runs::upload::upload_evidence(
                ctx,
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
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::add_submission(ctx, &p, &path.into_inner().run_id, body.into_inner().0).await?,
        ))
    }

    async fn submission_get(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<Submission>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::get_submission(ctx, &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn audit_run(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<AuditResult>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::audit(ctx, &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn checks_list(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<ChecksList>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::list_checks(ctx, &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn checks_run(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<CoreChecksResult>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::core_checks(ctx, &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn checks_grade(
        rqctx: Ctx,
        path: Path<CheckPath>,
        body: TypedBody<CheckGradeIn>,
    ) -> Result<HttpResponseOk<CheckGraded>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        let path = path.into_inner();
        Ok(HttpResponseOk(
            runs::grade(ctx, &p, &path.run_id, &path.check_id, body.into_inner()).await?,
        ))
    }

    async fn findings_finalize(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<Verdict>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::finalize(ctx, &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn flags_list(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<FlagsList>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::list_flags(ctx, &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn verdict_get(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<Verdict>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::get_verdict(ctx, &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn approval_set(
        rqctx: Ctx,
        path: Path<RunPath>,
        body: TypedBody<ApprovalIn>,
    ) -> Result<HttpResponseOk<Approval>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Approve, Limit::None).await?;
        Ok(HttpResponseOk(
            runs::approve(ctx, &p, &path.into_inner().run_id, body.into_inner()).await?,
        ))
    }

    async fn receipt_generate(
        rqctx: Ctx,
        path: Path<RunPath>,
    ) -> Result<HttpResponseOk<Receipt>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::Mint).await?;
        Ok(HttpResponseOk(
            receipts::mint_for_run(ctx, &p, &path.into_inner().run_id).await?,
        ))
    }

    async fn share_get(
        rqctx: Ctx,
        path: Path<SharePath>,
    ) -> Result<HttpResponseOk<PublicReceipt>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::None).await?;
        Ok(HttpResponseOk(
            sharing::share(ctx, &path.into_inner().token).await?,
        ))
    }

    async fn share_pdf(rqctx: Ctx, path: Path<SharePath>) -> Result<Response<Body>, ApiError> {
        // The PDF carries a proof, which reads the whole chain: limited like the proof route.
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::PublicLog).await?;
        let (receipt_id, bytes) = sharing::share_pdf(ctx, &path.into_inner().token).await?;
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
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            ledger::list(ctx, &p, query.into_inner()).await?,
        ))
    }

    async fn ledger_export(
        rqctx: Ctx,
        query: Query<LedgerQuery>,
    ) -> Result<HttpResponseOk<LedgerExport>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            ledger::export(ctx, &p, query.into_inner()).await?,
        ))
    }

    async fn ledger_verify(rqctx: Ctx) -> Result<HttpResponseOk<LedgerVerifyResult>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(ledger::verify(ctx, &p).await?))
    }

    async fn auth_accept_invite(
        rqctx: Ctx,
        body: TypedBody<AcceptInviteIn>,
    ) -> Result<HttpResponseOk<TokenOut>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::AcceptInvite).await?;
        Ok(HttpResponseOk(
            access::accept_invite(ctx, &body.into_inner().token).await?,
        ))
    }

    async fn auth_logout(rqctx: Ctx) -> Result<HttpResponseOk<LogoutOut>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(auth::logout(ctx, &p).await?))
    }

    async fn api_keys_list(rqctx: Ctx) -> Result<HttpResponseOk<ApiKeyList>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Owner, Limit::None).await?;
        Ok(HttpResponseOk(access::list_keys(ctx, &p).await?))
    }

    async fn api_keys_create(
        rqctx: Ctx,
        body: TypedBody<ApiKeyIn>,
    ) -> Result<HttpResponseCreated<ApiKeyCreated>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Owner, Limit::None).await?;
        Ok(HttpResponseCreated(
            access::create_key(ctx, &p, body.into_inner()).await?,
        ))
    }

    async fn api_keys_revoke(
        rqctx: Ctx,
        path: Path<ApiKeyPath>,
    ) -> Result<HttpResponseOk<ApiKey>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Owner, Limit::None).await?;
        Ok(HttpResponseOk(
            access::revoke_key(ctx, &p, &path.into_inner().key_id).await?,
        ))
    }

    async fn members_list(rqctx: Ctx) -> Result<HttpResponseOk<OrgMemberList>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(access::members(ctx, &p).await?))
    }

    async fn members_set_role(
        rqctx: Ctx,
        path: Path<MemberPath>,
        body: TypedBody<OrgMemberRoleUpdate>,
    ) -> Result<HttpResponseOk<OrgMember>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Owner, Limit::None).await?;
        Ok(HttpResponseOk(
            access::set_role(ctx, &p, &path.into_inner().user_id, body.into_inner().role).await?,
        ))
    }

    async fn members_remove(
        rqctx: Ctx,
        path: Path<MemberPath>,
    ) -> Result<HttpResponseOk<OrgMember>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Owner, Limit::None).await?;
        Ok(HttpResponseOk(
            access::remove_member(ctx, &p, &path.into_inner().user_id).await?,
        ))
    }

    async fn invites_list(rqctx: Ctx) -> Result<HttpResponseOk<OrgInviteList>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Owner, Limit::None).await?;
        Ok(HttpResponseOk(access::invites(ctx, &p).await?))
    }

    async fn invites_create(
        rqctx: Ctx,
        body: TypedBody<OrgInviteIn>,
    ) -> Result<HttpResponseCreated<OrgInviteCreated>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Owner, Limit::None).await?;
        Ok(HttpResponseCreated(
            access::invite(ctx, &p, body.into_inner()).await?,
        ))
    }

    async fn org_usage(rqctx: Ctx) -> Result<HttpResponseOk<UsageStats>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(access::usage(ctx, &p).await?))
    }

    async fn org_settings_get(rqctx: Ctx) -> Result<HttpResponseOk<OrgSettings>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(access::settings(ctx, &p).await?))
    }

    async fn org_settings_set(
        rqctx: Ctx,
        body: TypedBody<OrgSettings>,
    ) -> Result<HttpResponseOk<OrgSettings>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Owner, Limit::None).await?;
        Ok(HttpResponseOk(
            access::set_settings(ctx, &p, body.into_inner()).await?,
        ))
    }

    async fn signing_keys(rqctx: Ctx) -> Result<HttpResponseOk<SigningKeyList>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::None).await?;
        Ok(HttpResponseOk(transparency::signing_keys(ctx).await?))
    }

    async fn ledger_checkpoint(rqctx: Ctx) -> Result<HttpResponseOk<SignedCheckpoint>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            transparency::checkpoint(ctx, &p.org_id).await?,
        ))
    }

    async fn ledger_inclusion_proof(
        rqctx: Ctx,
        query: Query<InclusionQuery>,
    ) -> Result<HttpResponseOk<InclusionProof>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        let q = query.into_inner();
        Ok(HttpResponseOk(
            transparency::inclusion(ctx, &p.org_id, q.org_seq, q.tree_size).await?,
        ))
    }

    async fn ledger_consistency_proof(
        rqctx: Ctx,
        query: Query<ConsistencyQuery>,
    ) -> Result<HttpResponseOk<ConsistencyProof>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        let q = query.into_inner();
        Ok(HttpResponseOk(
            transparency::consistency(ctx, &p.org_id, q.from, q.to).await?,
        ))
    }

    async fn share_proof(
        rqctx: Ctx,
        path: Path<SharePath>,
    ) -> Result<HttpResponseOk<ProofFile>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::PublicLog).await?;
        Ok(HttpResponseOk(
            sharing::proof_file(ctx, &path.into_inner().token).await?,
        ))
    }

    async fn share_log_checkpoint(
        rqctx: Ctx,
        path: Path<SharePath>,
    ) -> Result<HttpResponseOk<SignedCheckpoint>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::PublicLog).await?;
        Ok(HttpResponseOk(
            sharing::log_checkpoint(ctx, &path.into_inner().token).await?,
        ))
    }

    async fn share_log_consistency(
        rqctx: Ctx,
        path: Path<SharePath>,
        query: Query<LogConsistencyQuery>,
    ) -> Result<HttpResponseOk<ConsistencyProof>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::PublicLog).await?;
        let q = query.into_inner();
        Ok(HttpResponseOk(
            sharing::log_consistency(ctx, &path.into_inner().token, q.first, q.second).await?,
        ))
    }

    // Membership, billing and administration.

    async fn membership_get(rqctx: Ctx) -> Result<HttpResponseOk<Membership>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(membership::get(ctx, &p).await?))
    }

    async fn membership_apply(
        rqctx: Ctx,
        body: TypedBody<MembershipApplicationIn>,
    ) -> Result<HttpResponseCreated<Membership>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Owner, Limit::None).await?;
        Ok(HttpResponseCreated(
            membership::apply(ctx, &p, body.into_inner()).await?,
        ))
    }

    async fn membership_approve(
        rqctx: Ctx,
        body: TypedBody<MembershipApproveIn>,
    ) -> Result<HttpResponseOk<Membership>, ApiError> {
        let Call { ctx, _log, .. } = Call::operator(&rqctx).await?;
        let slug = body.into_inner().org_slug;
        Ok(HttpResponseOk(membership::approve(ctx, &slug).await?))
    }

    async fn membership_checkout(
        rqctx: Ctx,
        body: TypedBody<MembershipCheckoutIn>,
    ) -> Result<HttpResponseCreated<MembershipCheckoutOut>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Owner, Limit::None).await?;
        Ok(HttpResponseCreated(
            billing::checkout(ctx, &p, body.into_inner()).await?,
        ))
    }

    async fn stripe_webhook(
        rqctx: Ctx,
        body: UntypedBody,
    ) -> Result<HttpResponseOk<StripeWebhookResult>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::None).await?;
        Ok(HttpResponseOk(
            billing::webhook(ctx, rqctx.request.headers(), body.as_bytes()).await?,
        ))
    }

    async fn admin_applications(
        rqctx: Ctx,
    ) -> Result<HttpResponseOk<AdminApplicationList>, ApiError> {
        let Call { ctx, _log, .. } = Call::admin(&rqctx).await?;
        Ok(HttpResponseOk(membership::applications(ctx).await?))
    }

    async fn admin_application_approve(
        rqctx: Ctx,
        path: Path<OrgSlugPath>,
    ) -> Result<HttpResponseOk<Membership>, ApiError> {
        let Call { ctx, _log, .. } = Call::admin(&rqctx).await?;
        let slug = path.into_inner().slug;
        Ok(HttpResponseOk(membership::approve(ctx, &slug).await?))
    }

    async fn admin_health(rqctx: Ctx) -> Result<HttpResponseOk<AdminHealth>, ApiError> {
        let Call { who: p, _log, .. } = Call::admin(&rqctx).await?;
        Ok(HttpResponseOk(AdminHealth {
            ok: true,
            admin_email: p.email,
        }))
    }

    async fn receipts_recent(
        rqctx: Ctx,
        query: Query<RecentReceiptsQuery>,
    ) -> Result<HttpResponseOk<ReceiptRollupList>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            receipts::rollup::recent(ctx, &p, query.into_inner()).await?,
        ))
    }

    async fn policy_training_data(
        rqctx: Ctx,
    ) -> Result<HttpResponseOk<TrainingDataPolicy>, ApiError> {
        let Call { _log, .. } = Call::anyone(&rqctx, Limit::None).await?;
        Ok(HttpResponseOk(policy::training_data()))
    }

    // ---- Agent profiles, incidents, watchdog, stack planner ----

    async fn agent_profiles_list(
        rqctx: Ctx,
        query: Query<AgentProfileListQuery>,
    ) -> Result<HttpResponseOk<AgentProfileList>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            agents::list(ctx, &p, query.into_inner()).await?,
        ))
    }

    async fn agent_profiles_create(
        rqctx: Ctx,
        body: TypedBody<AgentProfileIn>,
    ) -> Result<HttpResponseOk<AgentProfile>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        Ok(HttpResponseOk(
            agents::create(ctx, &p, body.into_inner()).await?,
        ))
    }

    async fn agent_profiles_get(
        rqctx: Ctx,
        path: Path<AgentProfilePath>,
    ) -> Result<HttpResponseOk<AgentProfile>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            agents::get(ctx, &p, &path.into_inner().profile_id).await?,
        ))
    }

    async fn agent_profiles_watchdog(
        rqctx: Ctx,
        path: Path<AgentProfilePath>,
    ) -> Result<HttpResponseOk<WatchdogResult>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        Ok(HttpResponseOk(
            agents::watchdog(ctx, &p, &path.into_inner().profile_id).await?,
        ))
    }

    async fn incidents_list(
        rqctx: Ctx,
        query: Query<IncidentListQuery>,
    ) -> Result<HttpResponseOk<IncidentList>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            agents::incidents::list(ctx, &p, query.into_inner()).await?,
        ))
    }

    async fn incidents_create(
        rqctx: Ctx,
        body: TypedBody<IncidentIn>,
    ) -> Result<HttpResponseOk<Incident>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        Ok(HttpResponseOk(
            agents::incidents::create(ctx, &p, body.into_inner()).await?,
        ))
    }

    async fn incidents_update(
        rqctx: Ctx,
        path: Path<IncidentPath>,
        body: TypedBody<IncidentPatch>,
    ) -> Result<HttpResponseOk<Incident>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        Ok(HttpResponseOk(
            agents::incidents::update(ctx, &p, &path.into_inner().incident_id, body.into_inner())
                .await?,
        ))
    }

    async fn incidents_receipt(
        rqctx: Ctx,
        path: Path<IncidentPath>,
    ) -> Result<HttpResponseOk<Receipt>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::Mint).await?;
        Ok(HttpResponseOk(
            receipts::incident::mint(ctx, &p, &path.into_inner().incident_id).await?,
        ))
    }

    async fn stack_planner_options(
        rqctx: Ctx,
    ) -> Result<HttpResponseOk<StackPlannerOptions>, ApiError> {
        let Call { _log, .. } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(crate::stack::options()))
    }

    async fn stack_assessment(
        rqctx: Ctx,
        body: TypedBody<StackAssessmentIn>,
    ) -> Result<HttpResponseOk<StackAssessment>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        let earned = agents::earned_lanes(ctx, &p.org_id).await?;
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
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::None).await?;
        Ok(HttpResponseOk(
            cooks::request(ctx, &p, &path.into_inner().run_id, body.into_inner()).await?,
        ))
    }

    async fn cooks_list(
        rqctx: Ctx,
        query: Query<CookListQuery>,
    ) -> Result<HttpResponseOk<CookList>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            cooks::list(ctx, &p, query.into_inner()).await?,
        ))
    }

    async fn cooks_get(rqctx: Ctx, path: Path<CookPath>) -> Result<HttpResponseOk<Cook>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            cooks::get(ctx, &p, &path.into_inner().cook_id).await?,
        ))
    }

    async fn runner_cooks_next(
        rqctx: Ctx,
        path: Path<CookPath>,
        body: TypedBody<RunnerClaimIn>,
    ) -> Result<HttpResponseOk<RunnerClaimOut>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::None).await?;
        if path.into_inner().cook_id != defendable_contract::api::CLAIM_SEGMENT {
            return Err(ApiError::not_found("not found"));
        }
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
        let Call { ctx, who, _log } = Call::runner(&rqctx).await?;
        Ok(HttpResponseOk(
            cooks::heartbeat(ctx, &who, &path.into_inner().cook_id, body.into_inner()).await?,
        ))
    }

    async fn runner_cooks_complete(
        rqctx: Ctx,
        path: Path<CookPath>,
        body: TypedBody<RunnerCompleteIn>,
    ) -> Result<HttpResponseOk<Cook>, ApiError> {
        let Call { ctx, who, _log } = Call::runner(&rqctx).await?;
        Ok(HttpResponseOk(
            cooks::complete(ctx, &who, &path.into_inner().cook_id, body.into_inner()).await?,
        ))
    }

    async fn runner_cooks_fail(
        rqctx: Ctx,
        path: Path<CookPath>,
        body: TypedBody<RunnerFailIn>,
    ) -> Result<HttpResponseOk<RunnerAck>, ApiError> {
        let Call { ctx, who, _log } = Call::runner(&rqctx).await?;
        Ok(HttpResponseOk(
            cooks::fail(ctx, &who, &path.into_inner().cook_id, body.into_inner()).await?,
        ))
    }

    async fn runner_cooks_release(
        rqctx: Ctx,
        path: Path<CookPath>,
        body: TypedBody<RunnerReleaseIn>,
    ) -> Result<HttpResponseOk<RunnerAck>, ApiError> {
        let Call { ctx, who, _log } = Call::runner(&rqctx).await?;
        Ok(HttpResponseOk(
            cooks::release(ctx, &who, &path.into_inner().cook_id, body.into_inner()).await?,
        ))
    }

    async fn runner_tokens_create(
        rqctx: Ctx,
        body: TypedBody<RunnerTokenIn>,
    ) -> Result<HttpResponseCreated<RunnerTokenCreated>, ApiError> {
        let Call { ctx, _log, .. } = Call::operator(&rqctx).await?;
        Ok(HttpResponseCreated(
            runners::issue(ctx, &body.into_inner().name).await?,
        ))
    }

    async fn runner_tokens_list(rqctx: Ctx) -> Result<HttpResponseOk<RunnerTokenList>, ApiError> {
        let Call { ctx, _log, .. } = Call::operator(&rqctx).await?;
        Ok(HttpResponseOk(runners::list(ctx).await?))
    }

    async fn runner_tokens_revoke(
        rqctx: Ctx,
        path: Path<RunnerPath>,
    ) -> Result<HttpResponseOk<RunnerToken>, ApiError> {
        let Call { ctx, _log, .. } = Call::operator(&rqctx).await?;
        Ok(HttpResponseOk(
            runners::revoke(ctx, &path.into_inner().runner_id).await?,
        ))
    }

    // ---- Datasets and models (members only) ----

    async fn datasets_list(rqctx: Ctx) -> Result<HttpResponseOk<DatasetList>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(datasets::list(ctx, &p).await?))
    }

    async fn datasets_catalog(
        rqctx: Ctx,
        query: Query<DatasetCatalogQuery>,
    ) -> Result<HttpResponseOk<DatasetCatalog>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            datasets::catalog(ctx, &p, query.into_inner()).await?,
        ))
    }

    async fn datasets_package(
        rqctx: Ctx,
        path: Path<PackagePath>,
    ) -> Result<HttpResponseOk<DatasetPackage>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            datasets::get(ctx, &p, &path.into_inner().slug).await?,
        ))
    }

    async fn datasets_samples(
        rqctx: Ctx,
        path: Path<PackagePath>,
        query: Query<SamplesQuery>,
    ) -> Result<HttpResponseOk<DatasetSamples>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            datasets::samples(ctx, &p, &path.into_inner().slug, query.into_inner()).await?,
        ))
    }

    async fn datasets_download(
        rqctx: Ctx,
        path: Path<PackagePath>,
        body: TypedBody<DatasetDownloadRequest>,
    ) -> Result<HttpResponseCreated<DatasetDownloadGrant>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::Mint).await?;
        Ok(HttpResponseCreated(
            grants::grant(ctx, &p, &path.into_inner().slug, body.into_inner()).await?,
        ))
    }

    async fn grant_download(
        rqctx: Ctx,
        path: Path<GrantPath>,
        query: Query<GrantQuery>,
    ) -> Result<Response<Body>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::None).await?;
        let location =
            grants::download(ctx, &path.into_inner().grant_id, &query.into_inner().token).await?;
        Response::builder()
            .status(302)
            .header(http::header::LOCATION, location)
            .header(http::header::CACHE_CONTROL, "no-store")
            .body(Body::empty())
            .map_err(|e| crate::error::internal("building a response", e).into())
    }

    async fn grant_file(
        rqctx: Ctx,
        path: Path<GrantPath>,
        query: Query<SignedFileQuery>,
    ) -> Result<Response<Body>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::None).await?;
        let q = query.into_inner();
        let file = grants::file(ctx, &path.into_inner().grant_id, q.expires, &q.sig).await?;
        Response::builder()
            .status(200)
            .header(http::header::CONTENT_TYPE, "application/x-ndjson")
            .header(
                http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", file.name),
            )
            .header("x-content-sha256", file.sha256)
            .header(http::header::CACHE_CONTROL, "private, no-store")
            .body(Body::from(file.bytes))
            .map_err(|e| crate::error::internal("building a response", e).into())
    }

    async fn share_download(rqctx: Ctx, path: Path<SharePath>) -> Result<Response<Body>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::None).await?;
        Err(grants::share_download(ctx, &path.into_inner().token)
            .await
            .into())
    }

    async fn staging_tasks(rqctx: Ctx) -> Result<HttpResponseOk<StagingTaskList>, ApiError> {
        let Call { ctx, _log, .. } = Call::operator(&rqctx).await?;
        Ok(HttpResponseOk(grants::staging_tasks(ctx).await?))
    }

    async fn stage_complete(
        rqctx: Ctx,
        body: TypedBody<StageCompleteRequest>,
    ) -> Result<HttpResponseOk<StageCompleteResult>, ApiError> {
        let Call { ctx, _log, .. } = Call::operator(&rqctx).await?;
        Ok(HttpResponseOk(
            grants::stage_complete(ctx, body.into_inner()).await?,
        ))
    }

    async fn models_catalog(rqctx: Ctx) -> Result<HttpResponseOk<ModelCatalog>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(models::catalog(ctx, &p).await?))
    }

    async fn models_get(
        rqctx: Ctx,
        path: Path<ModelPath>,
    ) -> Result<HttpResponseOk<ModelCard>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::Read, Limit::None).await?;
        Ok(HttpResponseOk(
            models::get(ctx, &p, &path.into_inner().slug).await?,
        ))
    }

    async fn models_pin(
        rqctx: Ctx,
        path: Path<ModelPath>,
        body: TypedBody<ModelPinRequest>,
    ) -> Result<HttpResponseCreated<ModelPinReceiptOut>, ApiError> {
        let Call { ctx, who: p, _log } = Call::member(&rqctx, Need::RunsWrite, Limit::Mint).await?;
        Ok(HttpResponseCreated(
            models::pin(ctx, &p, &path.into_inner().slug, body.into_inner()).await?,
        ))
    }

    async fn openapi_document(rqctx: Ctx) -> Result<Response<Body>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::None).await?;
        raw("application/json", None, ctx.openapi.as_bytes().to_vec())
    }

    async fn receipt_page(rqctx: Ctx, path: Path<SharePath>) -> Result<Response<Body>, ApiError> {
        let Call { ctx, _log, .. } = Call::anyone(&rqctx, Limit::None).await?;
        let token = path.into_inner().token;
        let nonce = page::nonce();
        let csp = page::csp(&nonce);
        let shared = match sharing::shared(ctx, &token).await {
            Ok(shared) => shared,
            Err(crate::error::Error::NotFound(_)) => {
                return html(404, &csp, page::not_found(&nonce))
            }
            Err(e) => return Err(e.into()),
        };
        // A proof the server cannot build is said on the page, not hidden behind a 500.
        // Building one reads the whole chain, so it is limited like the proof route; a
        // client over the limit still gets the page, with the proof marked unavailable.
        let proof = match super::spend(&rqctx, Limit::PublicLog, None).await {
            Ok(()) => transparency::proof_of(ctx, &shared).await,
            Err(limited) => Err(limited),
        };
        let chain = match &proof {
            Ok(file) => page::ChainStatus::Proven(file),
            Err(e) => page::ChainStatus::Unavailable(e.detail().to_string()),
        };
        let url = ctx.page_url(&token);
        html(
            200,
            &csp,
            page::receipt(&shared.row, &shared.public, chain, &url, &nonce),
        )
    }
}
