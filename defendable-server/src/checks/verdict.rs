//! The tier-weighted verdict (REFERENCE 4.3) with the flight sheet's thresholds
//! actually applied (the fix of REFERENCE 9.19).

use defendable_contract::doctrine::{tier_of, CheckStatus, Severity, TierLevel, VerdictOutcome};

use super::{CheckOutcome, RiskBreakdown, VerdictResult};

/// A flight sheet's score thresholds, on the 0..100 weighted scale.
///
/// The tier of the worst flag decides the outcome first (any high flag is
/// `fail`, any mid flag is `risk`, low flags alone are `pass`). The thresholds
/// can then only make the outcome *worse*, never better:
///
/// * `score_100 < fail` → `fail` / `propolis`, whatever the flags were;
/// * `score_100 < pass` → at least `risk` / `jelly` (a `pass` becomes `risk`);
/// * otherwise the flag-based outcome stands.
///
/// Independently of thresholds, a set of checks in which no rule applied (all
/// skipped, or none at all) is never a clean pass: it comes out `risk` / `jelly`
/// with a summary saying that no rule applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thresholds {
    /// A weighted score below this cannot come out `pass`.
    pub pass: i64,
    /// A weighted score below this comes out `fail`.
    pub fail: i64,
}

const READY_YES: &str = "Yes";
const READY_MINOR: &str = "Yes — minor notes only";
const READY_LIMITED: &str = "With limitations / after repair";
const READY_NO_HIGH: &str = "No — high-risk flag";
const READY_NO_SCORE: &str = "No — score below the fail threshold";

/// Rounds `num / den` to the nearest integer, halves to even (Python's `round`).
fn round_half_even(num: u64, den: u64) -> u64 {
    let den = den.max(1);
    let q = num / den;
    let r = num % den;
    match (2 * r).cmp(&den) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Equal => q + (q % 2),
    }
}

fn severity_of(outcome: VerdictOutcome) -> Severity {
    match outcome {
        VerdictOutcome::Pass => Severity::Honey,
        VerdictOutcome::Risk => Severity::Jelly,
        VerdictOutcome::Fail => Severity::Propolis,
    }
}

/// Computes the verdict of a set of checks.
///
/// Only `pass` and `flag` checks are *applied*; `open` and `skip` are ignored.
/// Each applied check weighs its tier's weight (`tier_of(severity).weight()`:
/// high 5, mid 2, low 1), and `score_100 = round(100 × passed weight / applied
/// weight)` (halves to even). See [`Thresholds`] for how `thresholds` can
/// lower the outcome; `None` (the legacy lane engine) applies none.
pub fn compute_verdict(checks: &[CheckOutcome], thresholds: Option<Thresholds>) -> VerdictResult {
    let mut passed = 0i64;
    let mut applied = 0i64;
    let mut passed_weight = 0u64;
    let mut applied_weight = 0u64;
    let mut breakdown = RiskBreakdown::default();
    for check in checks {
        let tier = tier_of(Some(&check.severity));
        match check.status {
            CheckStatus::Pass => {
                passed += 1;
                applied += 1;
                passed_weight += u64::from(tier.weight());
                applied_weight += u64::from(tier.weight());
            }
            CheckStatus::Flag => {
                applied += 1;
                applied_weight += u64::from(tier.weight());
                let label = check.label.clone();
                match tier {
                    TierLevel::High => breakdown.high.push(label),
                    TierLevel::Mid => breakdown.mid.push(label),
                    TierLevel::Low => breakdown.low.push(label),
                }
            }
            CheckStatus::Open | CheckStatus::Skip => {}
        }
    }
    let flagged = applied - passed;
    let score_100 = round_half_even(100 * passed_weight, applied_weight.max(1)) as i64;
    let score = score_100 as f64 / 100.0;

    let (mut outcome, mut client_ready, mut recommended_action) = if !breakdown.high.is_empty() {
        (
            VerdictOutcome::Fail,
            READY_NO_HIGH.to_string(),
            format!(
                "HIGH-RISK — resolve before release: {}.",
                breakdown.high.join("; ")
            ),
        )
    } else if !breakdown.mid.is_empty() {
        (
            VerdictOutcome::Risk,
            READY_LIMITED.to_string(),
            format!("Clear flags: {}.", breakdown.mid.join("; ")),
        )
    } else if !breakdown.low.is_empty() {
        (
            VerdictOutcome::Pass,
            READY_MINOR.to_string(),
            format!(
                "Minor notes (safe to release): {}.",
                breakdown.low.join("; ")
            ),
        )
    } else {
        (
            VerdictOutcome::Pass,
            READY_YES.to_string(),
            "No flags raised. Approve and issue the receipt.".to_string(),
        )
    };

    let mut summary = format!(
        "{passed}/{applied} rules passed · {} high-risk, {} mid, {} low flag(s) · {score_100}/100 weighted.",
        breakdown.high.len(),
        breakdown.mid.len(),
        breakdown.low.len()
    );

    if applied == 0 {
        // Nothing was verified: not a clean pass, and not a score to trust.
        outcome = VerdictOutcome::Risk;
        client_ready = READY_LIMITED.to_string();
        recommended_action =
            "No rule applied to this submission; review it by hand or supply what the rules need."
                .to_string();
        summary = format!(
            "No rule applied ({} check(s), all skipped or open) · 0/100 weighted.",
            checks.len()
        );
    } else if let Some(t) = thresholds {
        let all_flags = || {
            breakdown
                .high
                .iter()
                .chain(&breakdown.mid)
                .chain(&breakdown.low)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ")
        };
        if score_100 < t.fail {
            if outcome != VerdictOutcome::Fail {
                outcome = VerdictOutcome::Fail;
                client_ready = READY_NO_SCORE.to_string();
                recommended_action = format!(
                    "Score {score_100}/100 is below the fail threshold ({}); resolve before release: {}.",
                    t.fail,
                    all_flags()
                );
            }
            summary.push_str(&format!(" Below the fail threshold ({}).", t.fail));
        } else if score_100 < t.pass {
            if outcome == VerdictOutcome::Pass {
                outcome = VerdictOutcome::Risk;
                client_ready = READY_LIMITED.to_string();
                recommended_action = format!(
                    "Score {score_100}/100 is below the pass threshold ({}); clear flags: {}.",
                    t.pass,
                    all_flags()
                );
            }
            summary.push_str(&format!(" Below the pass threshold ({}).", t.pass));
        }
    }

    VerdictResult {
        outcome,
        severity: severity_of(outcome),
        summary,
        score,
        score_100,
        client_ready,
        recommended_action,
        checks_passed: passed,
        checks_failed: flagged,
        risk_breakdown: breakdown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use defendable_contract::doctrine::{CheckKind, CheckSource};

    fn check(label: &str, severity: &str, status: CheckStatus) -> CheckOutcome {
        CheckOutcome {
            check_key: label.to_lowercase().replace(' ', "_"),
            label: label.into(),
            category: "policy".into(),
            kind: CheckKind::Auto,
            severity: severity.into(),
            source: CheckSource::Auto,
            status,
            detail: String::new(),
            score: None,
        }
    }

    const T: Option<Thresholds> = Some(Thresholds { pass: 80, fail: 60 });

    #[test]
    fn clean_pass() {
        let v = compute_verdict(
            &[
                check("A", "critical", CheckStatus::Pass),
                check("B", "noncritical", CheckStatus::Pass),
                check("C", "low", CheckStatus::Skip),
            ],
            T,
        );
        assert_eq!(v.outcome, VerdictOutcome::Pass);
        assert_eq!(v.severity, Severity::Honey);
        assert_eq!(v.score_100, 100);
        assert_eq!(v.score, 1.0);
        assert_eq!(v.client_ready, "Yes");
        assert_eq!(v.checks_passed, 2);
        assert_eq!(v.checks_failed, 0);
        assert_eq!(
            v.summary,
            "2/2 rules passed · 0 high-risk, 0 mid, 0 low flag(s) · 100/100 weighted."
        );
        assert_eq!(
            v.recommended_action,
            "No flags raised. Approve and issue the receipt."
        );
    }

    #[test]
    fn tier_weights_drive_the_score() {
        // high pass (5) + mid flag (2): 5/7 = 71.43 → 71.
        let v = compute_verdict(
            &[
                check("A", "high", CheckStatus::Pass),
                check("B", "jelly", CheckStatus::Flag),
            ],
            None,
        );
        assert_eq!(v.score_100, 71);
        assert_eq!(v.score, 0.71);
        assert_eq!(v.outcome, VerdictOutcome::Risk);
        assert_eq!(v.severity, Severity::Jelly);
        assert_eq!(v.risk_breakdown.mid, vec!["B".to_string()]);
        assert_eq!(v.recommended_action, "Clear flags: B.");
        assert_eq!(v.client_ready, "With limitations / after repair");

        // high flag: fail regardless of score.
        let v = compute_verdict(
            &[
                check("A", "low", CheckStatus::Pass),
                check("B", "propolis", CheckStatus::Flag),
                check("C", "minor", CheckStatus::Flag),
            ],
            None,
        );
        assert_eq!(v.outcome, VerdictOutcome::Fail);
        assert_eq!(v.severity, Severity::Propolis);
        assert_eq!(v.score_100, 14); // 1/7
        assert_eq!(v.risk_breakdown.high, vec!["B".to_string()]);
        assert_eq!(v.risk_breakdown.low, vec!["C".to_string()]);
        assert_eq!(v.client_ready, "No — high-risk flag");
        assert!(v
            .recommended_action
            .starts_with("HIGH-RISK — resolve before release: B"));
        assert_eq!(v.checks_failed, 2);
    }

    #[test]
    fn rounding_is_half_even() {
        assert_eq!(round_half_even(125, 10), 12);
        assert_eq!(round_half_even(135, 10), 14);
        assert_eq!(round_half_even(1, 3), 0);
        assert_eq!(round_half_even(2, 3), 1);
        assert_eq!(round_half_even(0, 0), 0);
    }

    #[test]
    fn low_flags_only_pass_without_thresholds_but_not_below_pass_threshold() {
        // 2 high passes (10) + 1 low flag (1): 10/11 = 91 → pass/honey.
        let checks = [
            check("A", "high", CheckStatus::Pass),
            check("B", "high", CheckStatus::Pass),
            check("C", "low", CheckStatus::Flag),
        ];
        let v = compute_verdict(&checks, T);
        assert_eq!(v.outcome, VerdictOutcome::Pass);
        assert_eq!(v.client_ready, "Yes — minor notes only");
        assert_eq!(v.recommended_action, "Minor notes (safe to release): C.");

        // 1 low pass + 3 low flags: 25/100 → pass by flags alone, fail by threshold.
        let checks = [
            check("A", "low", CheckStatus::Pass),
            check("B", "low", CheckStatus::Flag),
            check("C", "low", CheckStatus::Flag),
            check("D", "low", CheckStatus::Flag),
        ];
        assert_eq!(compute_verdict(&checks, None).outcome, VerdictOutcome::Pass);
        let v = compute_verdict(&checks, T);
        assert_eq!(v.score_100, 25);
        assert_eq!(v.outcome, VerdictOutcome::Fail);
        assert_eq!(v.severity, Severity::Propolis);
        assert!(v.summary.contains("fail threshold (60)"), "{}", v.summary);

        // 3 low passes + 1 low flag: 75 → below pass (80), above fail (60) → risk.
        let checks = [
            check("A", "low", CheckStatus::Pass),
            check("B", "low", CheckStatus::Pass),
            check("C", "low", CheckStatus::Pass),
            check("D", "low", CheckStatus::Flag),
        ];
        let v = compute_verdict(&checks, T);
        assert_eq!(v.score_100, 75);
        assert_eq!(v.outcome, VerdictOutcome::Risk);
        assert_eq!(v.severity, Severity::Jelly);
        assert!(v.summary.contains("pass threshold (80)"), "{}", v.summary);
    }

    #[test]
    fn thresholds_never_improve_an_outcome() {
        let checks = [
            check("A", "high", CheckStatus::Pass),
            check("B", "high", CheckStatus::Pass),
            check("C", "high", CheckStatus::Pass),
            check("D", "high", CheckStatus::Flag),
        ];
        let v = compute_verdict(&checks, Some(Thresholds { pass: 0, fail: 0 }));
        assert_eq!(v.outcome, VerdictOutcome::Fail);
        assert_eq!(v.client_ready, "No — high-risk flag");
    }

    #[test]
    fn no_applied_rule_is_not_a_clean_pass() {
        for checks in [
            vec![],
            vec![
                check("A", "low", CheckStatus::Skip),
                check("B", "high", CheckStatus::Open),
            ],
        ] {
            for t in [None, T] {
                let v = compute_verdict(&checks, t);
                assert_eq!(v.outcome, VerdictOutcome::Risk);
                assert_eq!(v.severity, Severity::Jelly);
                assert_eq!(v.score_100, 0);
                assert!(v.summary.starts_with("No rule applied"), "{}", v.summary);
                assert_eq!(v.checks_passed, 0);
                assert_eq!(v.checks_failed, 0);
            }
        }
    }

    #[test]
    fn risk_breakdown_serializes_as_the_contract_type() {
        let v = compute_verdict(&[check("B", "mid", CheckStatus::Flag)], None);
        let text = serde_json::to_string(&v.risk_breakdown).unwrap();
        let back: defendable_contract::schemas::RiskBreakdown =
            serde_json::from_str(&text).unwrap();
        assert_eq!(back.mid, vec!["B".to_string()]);
    }
}
