//! The check engine: the flight-sheet library, the heuristic rule path, the
//! deterministic executor, the legacy lane templates and the tier-weighted
//! verdict that rolls their results up.
//!
//! Every path produces [`CheckOutcome`]s in the contract's vocabulary
//! (`pass | flag | open | skip`), and [`verdict::compute_verdict`] turns a set of
//! them into a [`VerdictResult`].

pub mod executor;
pub mod heuristic;
pub mod lanes;
pub mod library;
pub mod text;
pub mod verdict;

use defendable_contract::doctrine::{
    CheckKind, CheckSource, CheckStatus, Severity, VerdictOutcome,
};

pub use defendable_contract::schemas::RiskBreakdown;

/// Longest check key a rule may produce (keys from agent input are cut to this).
pub const MAX_KEY_CHARS: usize = 64;
/// Longest check label a rule may produce.
pub const MAX_LABEL_CHARS: usize = 300;
/// Longest detail text a rule may produce.
pub const MAX_DETAIL_CHARS: usize = 2000;

/// The result of applying one rule to a run.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckOutcome {
    pub check_key: String,
    pub label: String,
    pub category: String,
    pub kind: CheckKind,
    /// A `RuleSeverity` spelling (`high`, `critical`, `noncritical`, ...).
    pub severity: String,
    pub source: CheckSource,
    pub status: CheckStatus,
    pub detail: String,
    pub score: Option<f64>,
}

/// A verdict computed from a set of checks.
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictResult {
    pub outcome: VerdictOutcome,
    pub severity: Severity,
    pub summary: String,
    /// 0..1, four decimals.
    pub score: f64,
    /// 0..100, tier-weighted.
    pub score_100: i64,
    pub client_ready: String,
    pub recommended_action: String,
    pub checks_passed: i64,
    pub checks_failed: i64,
    pub risk_breakdown: RiskBreakdown,
}

/// Cuts `text` to at most `max` characters (on a character boundary).
pub(crate) fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => text[..at].to_string(),
        None => text.to_string(),
    }
}

/// Turns agent-supplied text into a safe check key: ASCII letters, digits, `_`
/// and `-` only (anything else becomes `_`), at most [`MAX_KEY_CHARS`].
pub(crate) fn sanitize_key(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(MAX_KEY_CHARS)
        .collect();
    if cleaned.is_empty() {
        "_".to_string()
    } else {
        cleaned
    }
}

/// Makes every key in `outcomes` unique by suffixing repeats with `_2`, `_3`, ...
/// (staying within [`MAX_KEY_CHARS`]).
pub(crate) fn dedupe_keys(outcomes: &mut [CheckOutcome]) {
    let mut seen = std::collections::HashSet::new();
    for o in outcomes.iter_mut() {
        if seen.insert(o.check_key.clone()) {
            continue;
        }
        let mut n = 2usize;
        loop {
            let suffix = format!("_{n}");
            let base = truncate_chars(&o.check_key, MAX_KEY_CHARS - suffix.len());
            let candidate = format!("{base}{suffix}");
            if seen.insert(candidate.clone()) {
                o.check_key = candidate;
                break;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(key: &str) -> CheckOutcome {
        CheckOutcome {
            check_key: key.into(),
            label: key.into(),
            category: "math".into(),
            kind: CheckKind::Auto,
            severity: "high".into(),
            source: CheckSource::Auto,
            status: CheckStatus::Pass,
            detail: String::new(),
            score: None,
        }
    }

    #[test]
    fn keys_are_sanitized_and_bounded() {
        assert_eq!(sanitize_key("math_Net Income (€)"), "math_Net_Income____");
        assert_eq!(sanitize_key(&"k".repeat(500)).len(), MAX_KEY_CHARS);
        assert_eq!(sanitize_key(""), "_");
        assert_eq!(truncate_chars("héllo", 2), "hé");
        assert_eq!(truncate_chars("ab", 5), "ab");
    }

    #[test]
    fn duplicate_keys_get_suffixes() {
        let long = "x".repeat(MAX_KEY_CHARS);
        let mut list = vec![
            outcome("a"),
            outcome("a"),
            outcome("a"),
            outcome(&long),
            outcome(&long),
        ];
        dedupe_keys(&mut list);
        let keys: Vec<&str> = list.iter().map(|o| o.check_key.as_str()).collect();
        assert_eq!(&keys[..3], &["a", "a_2", "a_3"]);
        assert_ne!(keys[3], keys[4]);
        assert!(keys.iter().all(|k| k.len() <= MAX_KEY_CHARS));
    }
}
