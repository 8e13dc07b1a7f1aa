//! The run lifecycle as a state machine: which step is legal in which state, and
//! the 409 detail that explains an illegal one.
//!
//! ```text
//! draft / assignment_issued --submit--> submitted --audit--> audited --grade/finalize--> findings_ready
//!                                                 \--audit (deterministic)------------> findings_ready
//! (no flight sheet) any --core checks--> checked
//! findings_ready / checked --approve--> approved | rejected | escalated --receipt (approved)--> receipted
//! ```
//! A new submission, new evidence, a re-audit or a re-graded rule voids the verdict
//! and any approval; a receipted run is sealed.

/// Where a run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunStatus {
    Draft,
    AssignmentIssued,
    Submitted,
    Audited,
    FindingsReady,
    Checked,
    Approved,
    Rejected,
    Escalated,
    Receipted,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Draft => "draft",
            RunStatus::AssignmentIssued => "assignment_issued",
            RunStatus::Submitted => "submitted",
            RunStatus::Audited => "audited",
            RunStatus::FindingsReady => "findings_ready",
            RunStatus::Checked => "checked",
            RunStatus::Approved => "approved",
            RunStatus::Rejected => "rejected",
            RunStatus::Escalated => "escalated",
            RunStatus::Receipted => "receipted",
        }
    }

    pub fn parse(text: &str) -> Option<RunStatus> {
        Some(match text {
            "draft" => RunStatus::Draft,
            "assignment_issued" => RunStatus::AssignmentIssued,
            "submitted" => RunStatus::Submitted,
            "audited" => RunStatus::Audited,
            "findings_ready" => RunStatus::FindingsReady,
            "checked" => RunStatus::Checked,
            "approved" => RunStatus::Approved,
            "rejected" => RunStatus::Rejected,
            "escalated" => RunStatus::Escalated,
            "receipted" => RunStatus::Receipted,
            _ => return None,
        })
    }

    /// True once a verdict exists and is not stale.
    pub fn has_verdict(self) -> bool {
        matches!(
            self,
            RunStatus::FindingsReady
                | RunStatus::Checked
                | RunStatus::Approved
                | RunStatus::Rejected
                | RunStatus::Escalated
                | RunStatus::Receipted
        )
    }

    fn has_submission(self) -> bool {
        !matches!(self, RunStatus::Draft | RunStatus::AssignmentIssued)
    }
}

/// Something a caller wants to do to a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    AddEvidence,
    Submit,
    Audit,
    CoreChecks,
    Grade,
    Finalize,
    Approve,
    Receipt,
}

/// Whether `step` is legal for a run in `status`; `Err` holds the 409 detail.
pub fn allow(status: RunStatus, step: Step, has_flight_sheet: bool) -> Result<(), String> {
    use RunStatus::*;
    if status == Receipted && step != Step::Receipt {
        return Err("this run has a receipt and is sealed; start a new run to change it".into());
    }
    match step {
        Step::AddEvidence => match status {
            Approved => Err("the run is approved, so its evidence is frozen; re-audit or submit again to reopen it".into()),
            _ => Ok(()),
        },
        Step::Submit => Ok(()),
        Step::Audit => {
            if !has_flight_sheet {
                Err("this run has no flight sheet; run the core checks with POST /runs/{run_id}/checks".into())
            } else if !status.has_submission() {
                Err("add the agent submission first".into())
            } else {
                Ok(())
            }
        }
        Step::CoreChecks => {
            if has_flight_sheet {
                Err("this run has a flight sheet; audit it with POST /runs/{run_id}/audit".into())
            } else {
                Ok(())
            }
        }
        Step::Grade => {
            if !has_flight_sheet {
                Err("only runs audited against a flight sheet have checklist rules to grade".into())
            } else if matches!(status, Draft | AssignmentIssued | Submitted) {
                Err("run the audit first".into())
            } else {
                Ok(())
            }
        }
        Step::Finalize => match status {
            Audited | FindingsReady => Ok(()),
            Draft | AssignmentIssued | Submitted => Err("run the audit first".into()),
            _ if !has_flight_sheet => Err("this run has no flight sheet to finalise".into()),
            _ => Err(format!(
                "the verdict already has a decision ({}); re-grade a rule or re-audit to change it",
                status.as_str()
            )),
        },
        Step::Approve => {
            if status.has_verdict() {
                Ok(())
            } else {
                Err("run a verification before approving".into())
            }
        }
        Step::Receipt => match status {
            Approved | Receipted => Ok(()),
            Rejected | Escalated | FindingsReady | Checked => {
                Err("a human must approve before a receipt is issued".into())
            }
            _ => Err("run the audit / findings first".into()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [RunStatus; 10] = [
        RunStatus::Draft,
        RunStatus::AssignmentIssued,
        RunStatus::Submitted,
        RunStatus::Audited,
        RunStatus::FindingsReady,
        RunStatus::Checked,
        RunStatus::Approved,
        RunStatus::Rejected,
        RunStatus::Escalated,
        RunStatus::Receipted,
    ];

    #[test]
    fn statuses_round_trip() {
        for s in ALL {
            assert_eq!(RunStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(RunStatus::parse("bogus"), None);
    }

    #[test]
    fn a_receipted_run_is_sealed() {
        for step in [
            Step::AddEvidence,
            Step::Submit,
            Step::Audit,
            Step::Grade,
            Step::Finalize,
            Step::Approve,
        ] {
            assert!(allow(RunStatus::Receipted, step, true).is_err(), "{step:?}");
        }
        assert!(allow(RunStatus::Receipted, Step::Receipt, true).is_ok());
    }

    #[test]
    fn audit_needs_a_sheet_and_a_submission() {
        assert_eq!(
            allow(RunStatus::AssignmentIssued, Step::Audit, true).unwrap_err(),
            "add the agent submission first"
        );
        assert!(allow(RunStatus::Submitted, Step::Audit, false).is_err());
        assert!(allow(RunStatus::Submitted, Step::Audit, true).is_ok());
        assert!(allow(RunStatus::FindingsReady, Step::Audit, true).is_ok());
    }

    #[test]
    fn approval_needs_a_verdict_and_receipts_need_approval() {
        for s in [RunStatus::Draft, RunStatus::Submitted, RunStatus::Audited] {
            assert_eq!(
                allow(s, Step::Approve, true).unwrap_err(),
                "run a verification before approving"
            );
            assert!(allow(s, Step::Receipt, true).is_err());
        }
        assert!(allow(RunStatus::FindingsReady, Step::Approve, true).is_ok());
        assert!(allow(RunStatus::Checked, Step::Approve, false).is_ok());
        assert_eq!(
            allow(RunStatus::Rejected, Step::Receipt, true).unwrap_err(),
            "a human must approve before a receipt is issued"
        );
        assert!(allow(RunStatus::Approved, Step::Receipt, true).is_ok());
    }

    #[test]
    fn checks_engines_follow_the_flight_sheet() {
        assert!(allow(RunStatus::Draft, Step::CoreChecks, false).is_ok());
        assert!(allow(RunStatus::Draft, Step::CoreChecks, true).is_err());
        assert!(allow(RunStatus::Submitted, Step::Grade, true).is_err());
        assert!(allow(RunStatus::Audited, Step::Grade, true).is_ok());
        assert!(allow(RunStatus::Approved, Step::Finalize, true).is_err());
        assert!(allow(RunStatus::Approved, Step::AddEvidence, true).is_err());
    }
}
