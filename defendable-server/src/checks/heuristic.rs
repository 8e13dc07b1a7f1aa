//! The heuristic path (REFERENCE 4.4) for flight sheets without an `eval_spec`:
//! automatic rules are evaluated with simple text heuristics, checklist rules are
//! left `open` for an operator to apply.
//!
//! Automatic rules with a key this module does not implement are flagged
//! (fail-closed), never silently passed.

use defendable_contract::doctrine::{CheckKind, CheckSource, CheckStatus};

use super::library::{FlightSheetDef, RuleDef};
use super::{text as pytext, truncate_chars, CheckOutcome, MAX_DETAIL_CHARS};

/// The detail of a checklist rule that still awaits an operator.
pub const OPEN_DETAIL: &str = "Operator must apply this rule: confirm satisfied or raise a flag.";

/// Shortest trimmed output that `output_nonempty` accepts.
pub const MIN_OUTPUT_CHARS: usize = 200;

const CITATION_MARKERS: &[&str] = &[
    "source",
    "per the",
    "according to",
    "exhibit",
    "rent roll",
    "t12",
    "page",
    "[",
    "cited",
    "provided",
];

/// Whether an expected output section appears in the (lowercased) text: its
/// whole label is a substring, or every word of it longer than 3 letters is.
fn section_present(lower_text: &str, section: &str) -> bool {
    let label = section.trim().to_lowercase();
    if label.is_empty() || lower_text.contains(&label) {
        return true;
    }
    let words: Vec<&str> = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
        .collect();
    !words.is_empty() && words.iter().all(|w| lower_text.contains(w))
}

fn evaluate_auto(
    rule: &RuleDef,
    def: &FlightSheetDef,
    text: &str,
    evidence_count: usize,
) -> (CheckStatus, String) {
    let trimmed = pytext::strip(text);
    let lower = trimmed.to_lowercase();
    match rule.key.as_str() {
        "sections_present" => {
            let missing: Vec<&str> = def
                .expected_outputs
                .iter()
                .map(String::as_str)
                .filter(|s| !section_present(&lower, s))
                .collect();
            if missing.is_empty() {
                (
                    CheckStatus::Pass,
                    format!(
                        "All {} expected section(s) present.",
                        def.expected_outputs.len()
                    ),
                )
            } else {
                (
                    CheckStatus::Flag,
                    format!("Missing section(s): {}.", missing.join("; ")),
                )
            }
        }
        "output_nonempty" => {
            let n = trimmed.chars().count();
            if n >= MIN_OUTPUT_CHARS {
                (CheckStatus::Pass, format!("Output has {n} characters."))
            } else {
                (
                    CheckStatus::Flag,
                    format!("Output has {n} characters; at least {MIN_OUTPUT_CHARS} are expected."),
                )
            }
        }
        "numbers_present" | "specs_present" => {
            if pytext::has_digit(trimmed) {
                (CheckStatus::Pass, "Output contains figures.".into())
            } else {
                (
                    CheckStatus::Flag,
                    "Output contains no figures at all.".into(),
                )
            }
        }
        "citations_present" => match CITATION_MARKERS.iter().find(|m| lower.contains(*m)) {
            Some(m) => (
                CheckStatus::Pass,
                format!("Output references its sources (found \"{m}\")."),
            ),
            None => (
                CheckStatus::Flag,
                "Output does not reference any source, exhibit or page.".into(),
            ),
        },
        "evidence_attached" => {
            if evidence_count > 0 {
                (
                    CheckStatus::Pass,
                    format!("{evidence_count} evidence item(s) attached."),
                )
            } else {
                (
                    CheckStatus::Flag,
                    "No evidence is attached to the run.".into(),
                )
            }
        }
        _ => (
            CheckStatus::Flag,
            "Auto rule has no implementation; flagged for review.".into(),
        ),
    }
}

/// Applies a heuristic flight sheet's rules, in order, to a submission.
pub fn run_heuristic_audit(
    def: &FlightSheetDef,
    output_text: &str,
    evidence_count: usize,
) -> Vec<CheckOutcome> {
    def.audit_checks
        .iter()
        .map(|rule| {
            let (status, detail) = match rule.kind {
                CheckKind::Checklist => (CheckStatus::Open, OPEN_DETAIL.to_string()),
                CheckKind::Auto => evaluate_auto(rule, def, output_text, evidence_count),
            };
            CheckOutcome {
                check_key: rule.key.clone(),
                label: rule.label.clone(),
                category: rule.category.clone(),
                kind: rule.kind,
                severity: rule.severity.as_str().to_string(),
                source: CheckSource::Auto,
                status,
                detail: truncate_chars(&detail, MAX_DETAIL_CHARS),
                score: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::library::builtin_library;
    use defendable_contract::doctrine::{Lane, RuleSeverity};

    fn rule(key: &str, kind: CheckKind) -> RuleDef {
        RuleDef {
            key: key.into(),
            label: format!("rule {key}"),
            category: "structure".into(),
            kind,
            severity: RuleSeverity::Critical,
        }
    }

    fn sheet(rules: Vec<RuleDef>) -> FlightSheetDef {
        FlightSheetDef {
            slug: "test-sheet".into(),
            name: "Test sheet".into(),
            version: "1.0".into(),
            lane: Lane::Agent,
            summary: String::new(),
            purpose: String::new(),
            assignment_instructions: "Write it.".into(),
            required_inputs: vec![],
            expected_outputs: vec!["Executive Summary".into(), "Risk Register".into()],
            audit_checks: rules,
            pass_threshold: 80,
            fail_threshold: 60,
            eval_spec: None,
        }
    }

    #[test]
    fn checklist_rules_stay_open() {
        let def = sheet(vec![
            rule("sections_present", CheckKind::Auto),
            rule("covenants_reviewed", CheckKind::Checklist),
        ]);
        let out = run_heuristic_audit(&def, "## Executive Summary\n## Risk Register\n", 0);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].status, CheckStatus::Pass);
        assert_eq!(out[1].status, CheckStatus::Open);
        assert_eq!(out[1].kind, CheckKind::Checklist);
        assert_eq!(out[1].source, CheckSource::Auto);
        assert_eq!(out[1].detail, OPEN_DETAIL);
        assert_eq!(out[1].severity, "critical");
    }

    #[test]
    fn sections_match_by_label_or_long_words() {
        let def = sheet(vec![rule("sections_present", CheckKind::Auto)]);
        let out = run_heuristic_audit(&def, "EXECUTIVE SUMMARY ... the register of each risk", 0);
        assert_eq!(out[0].status, CheckStatus::Pass, "{}", out[0].detail);
        let out = run_heuristic_audit(&def, "Executive summary only", 0);
        assert_eq!(out[0].status, CheckStatus::Flag);
        assert!(out[0].detail.contains("Risk Register"));
    }

    #[test]
    fn auto_rules_and_fail_closed_unknown_keys() {
        let def = sheet(vec![
            rule("output_nonempty", CheckKind::Auto),
            rule("numbers_present", CheckKind::Auto),
            rule("citations_present", CheckKind::Auto),
            rule("evidence_attached", CheckKind::Auto),
            rule("mystery_rule", CheckKind::Auto),
        ]);
        let out = run_heuristic_audit(&def, "short and vague", 0);
        assert!(out.iter().all(|c| c.status == CheckStatus::Flag));
        assert!(out[4].detail.contains("no implementation"));

        let long = format!(
            "Per the rent roll (page 3) the DSCR is 1.32x. {}",
            "x".repeat(200)
        );
        let out = run_heuristic_audit(&def, &long, 2);
        let statuses: Vec<CheckStatus> = out.iter().map(|c| c.status).collect();
        assert_eq!(
            statuses,
            [
                CheckStatus::Pass,
                CheckStatus::Pass,
                CheckStatus::Pass,
                CheckStatus::Pass,
                CheckStatus::Flag
            ]
        );
    }

    #[test]
    fn text_is_trimmed_and_digits_found_as_the_original_does() {
        let def = sheet(vec![
            rule("output_nonempty", CheckKind::Auto),
            rule("specs_present", CheckKind::Auto),
        ]);
        // 199 characters padded with unit separators (whitespace to str.strip()).
        let text = format!("{}\u{1f}\u{1f}\u{1c}", "a".repeat(199));
        let out = run_heuristic_audit(&def, &text, 0);
        assert_eq!(out[0].status, CheckStatus::Flag, "{}", out[0].detail);
        assert!(
            out[0].detail.contains("199 characters"),
            "{}",
            out[0].detail
        );
        // Fullwidth digits are digits to Python's \d.
        let out = run_heuristic_audit(&def, "ＶＲＡＭ ３２ GB", 0);
        assert_eq!(out[1].status, CheckStatus::Pass, "{}", out[1].detail);
        let out = run_heuristic_audit(&def, "VRAM ½", 0);
        assert_eq!(out[1].status, CheckStatus::Flag);
    }

    #[test]
    fn builtin_heuristic_sheets_accept_a_well_formed_submission() {
        for def in builtin_library().iter().filter(|d| d.eval_spec.is_none()) {
            let mut text = String::new();
            for s in &def.expected_outputs {
                text.push_str(&format!(
                    "## {s}\nPer the provided rent roll (page 3), figures are 1.32x and 64% [source: exhibit A].\n\n"
                ));
            }
            text.push_str(&"Detailed reasoning with numbers 1 2 3 and sources cited. ".repeat(6));
            let out = run_heuristic_audit(def, &text, 1);
            for c in &out {
                match c.kind {
                    CheckKind::Auto => {
                        assert_eq!(c.status, CheckStatus::Pass, "{}: {}", def.slug, c.check_key)
                    }
                    CheckKind::Checklist => assert_eq!(c.status, CheckStatus::Open),
                }
            }
        }
    }
}
