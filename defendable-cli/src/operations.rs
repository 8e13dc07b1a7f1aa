//! Every operation of the contract placed in the command tree. The match is
//! exhaustive over the operations generated from `openapi.json`, so a new operation
//! does not compile until it has a command.

include!(concat!(env!("OUT_DIR"), "/operations.rs"));

/// The command that performs an operation (`noun verb`, plus the flag that selects
/// it where one command covers several operations).
pub fn command_for(operation: Operation) -> &'static str {
    match operation {
        Operation::ServiceInfo => "server info",
        Operation::Healthz => "server health",
        Operation::AuthRequest => "auth login",
        Operation::AuthVerify => "auth verify",
        Operation::AuthMe => "auth status",
        Operation::OrgGet => "org show",
        Operation::ProjectsList => "projects ls",
        Operation::ProjectsCreate => "projects create",
        Operation::FlightSheetsList => "flight-sheets ls",
        Operation::FlightSheetsGet => "flight-sheets show",
        Operation::RunsList => "runs ls",
        Operation::RunsCreate => "runs new",
        Operation::RunsGet => "runs show",
        Operation::SubmissionGet => "runs submission",
        Operation::ChecksList => "runs checks",
        Operation::FlagsList => "runs flags",
        Operation::VerdictGet => "runs verdict",
        Operation::EvidenceList => "evidence ls",
        Operation::EvidenceAdd => "evidence add",
        Operation::EvidenceUpload => "evidence upload",
        Operation::SubmissionAdd => "submission add",
        Operation::AuditRun => "audit run",
        Operation::ChecksGrade => "audit grade",
        Operation::FindingsFinalize => "audit finalize",
        Operation::ChecksRun => "checks run",
        Operation::ApprovalSet => "approval set",
        Operation::ReceiptGenerate => "receipt generate",
        Operation::ShareGet => "receipt show",
        Operation::SharePdf => "receipt pdf",
        Operation::LedgerList => "ledger ls",
        Operation::LedgerExport => "ledger export",
        Operation::LedgerVerify => "ledger verify --server",
        Operation::AuthAcceptInvite => "auth accept-invite",
        Operation::AuthLogout => "auth logout",
        Operation::ApiKeysList => "keys ls",
        Operation::ApiKeysCreate => "keys create",
        Operation::ApiKeysRevoke => "keys revoke",
        Operation::MembersList => "members ls",
        Operation::MembersSetRole => "members set-role",
        Operation::MembersRemove => "members rm",
        Operation::InvitesList => "invites ls",
        Operation::InvitesCreate => "invites create",
        Operation::OrgUsage => "org usage",
        Operation::OrgSettingsGet => "org settings",
        Operation::OrgSettingsSet => "org settings --require-distinct-approver",
        Operation::SigningKeys => "server keys",
        Operation::LedgerCheckpoint => "ledger checkpoint",
        Operation::LedgerInclusionProof => "ledger prove",
        Operation::LedgerConsistencyProof => "ledger consistency",
        Operation::ShareProof => "receipt export",
        Operation::ShareLogCheckpoint => "log checkpoint",
        Operation::ShareLogConsistency => "log consistency",
        // Cooks and runners.
        Operation::CookRequest => "cooks request",
        Operation::CooksList => "cooks ls",
        Operation::CooksGet => "cooks show",
        Operation::RunnerCooksNext
        | Operation::RunnerCooksStatus
        | Operation::RunnerCooksComplete
        | Operation::RunnerCooksFail
        | Operation::RunnerCooksRelease => "runner work",
        Operation::RunnerTokensCreate => "runner issue",
        Operation::RunnerTokensList => "runner ls",
        Operation::RunnerTokensRevoke => "runner revoke",
        Operation::MembershipGet => "membership status",
        Operation::MembershipApply => "membership apply",
        Operation::MembershipApprove => "membership approve",
        Operation::MembershipCheckout => "membership checkout",
        Operation::StripeWebhook => "admin stripe-event",
        Operation::AdminApplications => "admin applications ls",
        Operation::AdminApplicationApprove => "admin applications approve",
        Operation::AdminHealth => "admin health",
        Operation::PolicyTrainingData => "policy training-data",
        Operation::ReceiptsRecent => "receipts recent",
        Operation::DatasetsList => "datasets ls",
        Operation::DatasetsCatalog => "datasets catalog",
        Operation::DatasetsPackage => "datasets show",
        Operation::DatasetsSamples => "datasets samples",
        Operation::DatasetsDownload | Operation::GrantDownload | Operation::GrantFile => {
            "datasets download"
        }
        Operation::ShareDownload => "datasets download",
        Operation::StagingTasks => "datasets staging",
        Operation::StageComplete => "datasets stage-complete",
        Operation::ModelsCatalog => "models catalog",
        Operation::ModelsGet => "models show",
        Operation::ModelsPin => "models pin",
        Operation::AgentProfilesList => "agents ls",
        Operation::AgentProfilesCreate => "agents create",
        Operation::AgentProfilesGet => "agents show",
        Operation::AgentProfilesWatchdog => "agents watchdog",
        Operation::IncidentsList => "incidents ls",
        Operation::IncidentsCreate => "incidents open",
        Operation::IncidentsUpdate => "incidents resolve",
        Operation::IncidentsReceipt => "incidents receipt",
        Operation::StackPlannerOptions => "stack options",
        Operation::StackAssessment => "stack assess",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory as _;

    #[test]
    fn every_operation_has_a_real_command() {
        let root = crate::cli::Cli::command();
        for op in Operation::ALL {
            let words: Vec<&str> = command_for(*op)
                .split_whitespace()
                .take_while(|w| !w.starts_with("--"))
                .collect();
            let mut cmd = &root;
            for word in &words {
                cmd = cmd
                    .find_subcommand(word)
                    .unwrap_or_else(|| panic!("{} maps to missing command {words:?}", op.id()));
            }
            if let Some(flag) = command_for(*op)
                .split_whitespace()
                .find(|w| w.starts_with("--"))
            {
                let name = flag.trim_start_matches("--");
                assert!(
                    cmd.get_arguments().any(|a| a.get_long() == Some(name)),
                    "{} needs {flag} on {words:?}",
                    op.id()
                );
            }
        }
        assert!(Operation::ALL.len() >= 31);
    }

    #[test]
    fn tokens_may_start_with_a_hyphen() {
        use clap::Parser as _;
        let cli = crate::cli::Cli::try_parse_from(["defendable", "verify", "-qEivYB", "--offline"])
            .unwrap();
        match cli.command {
            crate::cli::Command::Verify(args) => {
                assert_eq!(args.target, "-qEivYB");
                assert!(args.offline);
            }
            other => panic!("{other:?}"),
        }
        let cli =
            crate::cli::Cli::try_parse_from(["defendable", "verify", "--offline", "file.json"])
                .unwrap();
        let crate::cli::Command::Verify(args) = cli.command else {
            panic!("verify");
        };
        assert_eq!(args.target, "file.json");
        assert!(crate::cli::Cli::try_parse_from(["defendable", "auth", "verify", "-abc"]).is_ok());
    }
}
