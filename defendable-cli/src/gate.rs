//! The CI gate of `audit run|finalize --fail-on LEVEL`: exit 3 as soon as the rules
//! applied so far decide an outcome at or past LEVEL (a flagged high-tier rule makes
//! the verdict `fail` whatever is still open; a mid-tier one makes it at least
//! `risk`), and exit 5 ("pending") while open rules leave it undecided.

use defendable_contract::doctrine::{tier_of, TierLevel};

use crate::cli::FailOn;
use crate::client::types;
use crate::commands::wire;
use crate::error::{CliError, EXIT_PENDING};
use crate::output::note;

fn level_name(level: FailOn) -> &'static str {
    match level {
        FailOn::Risk => "risk",
        FailOn::Fail => "fail",
    }
}

fn reaches(level: FailOn, outcome: types::VerdictOutcome) -> bool {
    matches!(
        (level, outcome),
        (_, types::VerdictOutcome::Fail) | (FailOn::Risk, types::VerdictOutcome::Risk)
    )
}

/// The gate on a final verdict.
pub fn verdict(level: FailOn, verdict: &types::Verdict) -> Result<(), CliError> {
    if reaches(level, verdict.outcome) {
        return Err(CliError::verification(format!(
            "the verdict is {} ({}/100), at or past --fail-on {}",
            wire(&verdict.outcome),
            verdict.score_100,
            level_name(level)
        )));
    }
    Ok(())
}

/// The outcome the flagged rules already bind the verdict to, with the rule that
/// decides it: a high-tier flag is `fail`, a mid-tier flag at least `risk`.
fn bound(checks: &[types::Check]) -> Option<(types::VerdictOutcome, &types::Check)> {
    let flagged = || {
        checks
            .iter()
            .filter(|c| c.status == types::CheckStatus::Flag)
    };
    let tier = |c: &&types::Check| tier_of(Some(&wire(&c.severity)));
    if let Some(c) = flagged().find(|c| tier(c) == TierLevel::High) {
        return Some((types::VerdictOutcome::Fail, c));
    }
    flagged()
        .find(|c| tier(c) == TierLevel::Mid)
        .map(|c| (types::VerdictOutcome::Risk, c))
}

/// The gate after `audit run`: the verdict when there is one, else what the flags
/// already decide, else "pending" while checklist rules are open.
pub fn audit(
    level: FailOn,
    verdict_now: Option<&types::Verdict>,
    checks: &[types::Check],
    allow_pending: bool,
) -> Result<(), CliError> {
    if let Some(v) = verdict_now {
        return verdict(level, v);
    }
    if let Some((outcome, rule)) = bound(checks) {
        if reaches(level, outcome) {
            return Err(CliError::verification(format!(
                "rule {} ({}) is flagged, so the verdict will be {} whatever the open rules \
                 say: at or past --fail-on {}",
                rule.check_key,
                wire(&rule.severity),
                match outcome {
                    types::VerdictOutcome::Fail => "fail",
                    _ => "at least risk",
                },
                level_name(level)
            )));
        }
    }
    let open = checks
        .iter()
        .filter(|c| c.status == types::CheckStatus::Open)
        .count();
    if open == 0 {
        return Ok(());
    }
    let what = format!(
        "{open} checklist rule{} still open, so the verdict is pending",
        if open == 1 { " is" } else { "s are" }
    );
    if allow_pending {
        note(&format!(
            "note: {what}; --allow-pending lets the gate pass for now"
        ));
        return Ok(());
    }
    Err(CliError {
        code: EXIT_PENDING,
        message: format!(
            "{what} (exit {EXIT_PENDING}): grade them with `defendable audit grade`, then gate on \
             `defendable audit finalize --fail-on {}` (or pass --allow-pending)",
            level_name(level)
        ),
        status: None,
    })
}
