//! The legacy lane engine (REFERENCE 4.6) behind `POST /runs/{id}/checks`:
//! pure functions of a run's inputs and evidence, with results mapped into the
//! contract's `CheckStatus` vocabulary (the fix of REFERENCE 9.18):
//! the legacy `fail` becomes a `flag` of high severity, `risk` a `flag` of mid
//! severity, `pass` stays `pass` and `skip` stays `skip`.

use defendable_contract::doctrine::{CheckKind, CheckSource, CheckStatus, Lane};
use serde_json::Value;

use super::CheckOutcome;

/// What the lane engine needs to know about one evidence item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceFacts {
    /// The evidence kind (`file`, `note`, `tool_output`, ...).
    pub kind: String,
    /// Whether the stored item carries a sha256.
    pub has_sha256: bool,
}

/// The legacy result vocabulary, before mapping.
enum Legacy {
    Pass,
    Fail,
    Risk,
    Skip,
}

struct Spec<'a> {
    key: &'a str,
    label: &'a str,
    category: &'a str,
}

fn outcome(spec: Spec<'_>, result: Legacy, detail: String) -> CheckOutcome {
    // The severity a passing check carries is the one it would carry when it
    // fails, so the weights in the verdict reflect what was at stake.
    let (status, severity) = match result {
        Legacy::Pass => (CheckStatus::Pass, "high"),
        Legacy::Fail => (CheckStatus::Flag, "high"),
        Legacy::Risk => (CheckStatus::Flag, "mid"),
        Legacy::Skip => (CheckStatus::Skip, "low"),
    };
    CheckOutcome {
        check_key: spec.key.to_string(),
        label: spec.label.to_string(),
        category: spec.category.to_string(),
        kind: CheckKind::Auto,
        severity: severity.to_string(),
        source: CheckSource::Auto,
        status,
        detail,
        score: None,
    }
}

/// Whether an input counts as present: not missing, not null, not blank text,
/// not an empty array or object.
fn present(inputs: &Value, key: &str) -> bool {
    match inputs.get(key) {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !super::text::strip(s).is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

/// A number: any JSON number, or text that parses as a finite number. Booleans
/// are not numbers.
fn number(inputs: &Value, key: &str) -> Option<f64> {
    match inputs.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => super::text::strip(s)
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite()),
        _ => None,
    }
}

fn required_inputs(key: &str, label: &str, inputs: &Value, required: &[&str]) -> CheckOutcome {
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|k| !present(inputs, k))
        .collect();
    let spec = Spec {
        key,
        label,
        category: "schema",
    };
    if missing.is_empty() {
        outcome(
            spec,
            Legacy::Pass,
            format!("Inputs present: {}.", required.join(", ")),
        )
    } else {
        outcome(
            spec,
            Legacy::Fail,
            format!("Missing required input(s): {}.", missing.join(", ")),
        )
    }
}

fn positive_number(key: &str, label: &str, inputs: &Value, field: &str) -> CheckOutcome {
    let spec = Spec {
        key,
        label,
        category: "math",
    };
    match number(inputs, field) {
        Some(v) if v > 0.0 => outcome(spec, Legacy::Pass, format!("{field} = {v}.")),
        Some(v) => outcome(
            spec,
            Legacy::Fail,
            format!("{field} must be > 0 (got {v})."),
        ),
        None => outcome(
            spec,
            Legacy::Fail,
            format!("{field} is missing or not a number."),
        ),
    }
}

/// Runs the lane's template checks followed by the common checks
/// (`evidence_present`, `file_hash_integrity`, `human_approval_gate`).
pub fn run_lane_checks(
    lane: Lane,
    inputs: &Value,
    evidence: &[EvidenceFacts],
) -> Vec<CheckOutcome> {
    let mut out = Vec::new();
    match lane {
        Lane::Agent => {
            out.push(required_inputs(
                "agent_inputs",
                "Task definition present",
                inputs,
                &["task"],
            ));
            let spec = Spec {
                key: "agent_io",
                label: "Agent tool or model output captured",
                category: "evidence",
            };
            if evidence
                .iter()
                .any(|e| e.kind == "tool_output" || e.kind == "model_output")
            {
                out.push(outcome(
                    spec,
                    Legacy::Pass,
                    "Tool or model output is attached.".into(),
                ));
            } else {
                out.push(outcome(
                    spec,
                    Legacy::Risk,
                    "No tool_output or model_output evidence; the agent's work is not captured."
                        .into(),
                ));
            }
        }
        Lane::Dataset => {
            out.push(required_inputs(
                "dataset_inputs",
                "Dataset source and row count present",
                inputs,
                &["source", "row_count"],
            ));
            out.push(positive_number(
                "dataset_rows",
                "Row count is a positive number",
                inputs,
                "row_count",
            ));
        }
        Lane::Compute => {
            out.push(required_inputs(
                "compute_inputs",
                "Machine and benchmark score present",
                inputs,
                &["machine", "benchmark_score"],
            ));
            out.push(positive_number(
                "compute_score",
                "Benchmark score is a positive number",
                inputs,
                "benchmark_score",
            ));
        }
        Lane::Other => {}
    }

    let spec = Spec {
        key: "evidence_present",
        label: "Evidence attached",
        category: "evidence",
    };
    if evidence.is_empty() {
        out.push(outcome(
            spec,
            Legacy::Fail,
            "No evidence is attached to the run.".into(),
        ));
    } else {
        out.push(outcome(
            spec,
            Legacy::Pass,
            format!("{} evidence item(s) attached.", evidence.len()),
        ));
    }

    let spec = Spec {
        key: "file_hash_integrity",
        label: "Every file has a sha256",
        category: "evidence",
    };
    let files: Vec<&EvidenceFacts> = evidence.iter().filter(|e| e.kind == "file").collect();
    let unhashed = files.iter().filter(|e| !e.has_sha256).count();
    if files.is_empty() {
        out.push(outcome(spec, Legacy::Skip, "No file evidence.".into()));
    } else if unhashed > 0 {
        out.push(outcome(
            spec,
            Legacy::Fail,
            format!("{unhashed} of {} file(s) have no sha256.", files.len()),
        ));
    } else {
        out.push(outcome(
            spec,
            Legacy::Pass,
            format!("All {} file(s) are hashed.", files.len()),
        ));
    }

    out.push(outcome(
        Spec {
            key: "human_approval_gate",
            label: "Human approval required before the receipt",
            category: "policy",
        },
        Legacy::Pass,
        "A receipt is minted only after a human approval.".into(),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::verdict::compute_verdict;
    use defendable_contract::doctrine::VerdictOutcome;
    use serde_json::json;

    fn ev(kind: &str, hashed: bool) -> EvidenceFacts {
        EvidenceFacts {
            kind: kind.into(),
            has_sha256: hashed,
        }
    }

    fn find<'a>(list: &'a [CheckOutcome], key: &str) -> &'a CheckOutcome {
        list.iter().find(|c| c.check_key == key).expect(key)
    }

    #[test]
    fn dataset_lane_passes_with_inputs_and_evidence() {
        let out = run_lane_checks(
            Lane::Dataset,
            &json!({"source": "s3://bucket/x", "row_count": 100}),
            &[ev("note", false)],
        );
        let keys: Vec<&str> = out.iter().map(|c| c.check_key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "dataset_inputs",
                "dataset_rows",
                "evidence_present",
                "file_hash_integrity",
                "human_approval_gate"
            ]
        );
        assert_eq!(find(&out, "file_hash_integrity").status, CheckStatus::Skip);
        assert!(out
            .iter()
            .all(|c| c.kind == CheckKind::Auto && c.source == CheckSource::Auto));
        assert_eq!(compute_verdict(&out, None).outcome, VerdictOutcome::Pass);
    }

    #[test]
    fn inputs_are_stripped_as_the_original_does() {
        // A unit separator alone is blank to str.strip(); around a number it is
        // whitespace that float() ignores.
        let out = run_lane_checks(
            Lane::Dataset,
            &json!({"source": "\u{1f}", "row_count": "\u{1f}12\u{1e}"}),
            &[ev("note", false)],
        );
        assert_eq!(find(&out, "dataset_inputs").status, CheckStatus::Flag);
        assert_eq!(find(&out, "dataset_rows").status, CheckStatus::Pass);
    }

    #[test]
    fn legacy_fail_maps_to_high_flag() {
        let out = run_lane_checks(Lane::Dataset, &json!({"row_count": "0"}), &[]);
        let inputs = find(&out, "dataset_inputs");
        assert_eq!(inputs.status, CheckStatus::Flag);
        assert_eq!(inputs.severity, "high");
        assert!(inputs.detail.contains("source"));
        assert_eq!(find(&out, "dataset_rows").status, CheckStatus::Flag);
        assert_eq!(find(&out, "evidence_present").status, CheckStatus::Flag);
        assert_eq!(compute_verdict(&out, None).outcome, VerdictOutcome::Fail);
        // Every status is in the contract's vocabulary.
        for c in &out {
            assert!(CheckStatus::parse(c.status.as_str()).is_some());
        }
    }

    #[test]
    fn legacy_risk_maps_to_mid_flag() {
        let out = run_lane_checks(
            Lane::Agent,
            &json!({"task": "summarise"}),
            &[ev("note", false)],
        );
        let io = find(&out, "agent_io");
        assert_eq!(io.status, CheckStatus::Flag);
        assert_eq!(io.severity, "mid");
        assert_eq!(compute_verdict(&out, None).outcome, VerdictOutcome::Risk);

        let out = run_lane_checks(
            Lane::Agent,
            &json!({"task": "summarise"}),
            &[ev("model_output", false)],
        );
        assert_eq!(find(&out, "agent_io").status, CheckStatus::Pass);
    }

    #[test]
    fn compute_lane_and_file_hashes() {
        let out = run_lane_checks(
            Lane::Compute,
            &json!({"machine": "  ", "benchmark_score": true}),
            &[ev("file", true), ev("file", false)],
        );
        assert_eq!(find(&out, "compute_inputs").status, CheckStatus::Flag);
        // A boolean is not a number.
        assert_eq!(find(&out, "compute_score").status, CheckStatus::Flag);
        let hashes = find(&out, "file_hash_integrity");
        assert_eq!(hashes.status, CheckStatus::Flag);
        assert_eq!(hashes.severity, "high");

        let out = run_lane_checks(
            Lane::Compute,
            &json!({"machine": "8xH100", "benchmark_score": "412.5"}),
            &[ev("file", true)],
        );
        assert!(out.iter().all(|c| c.status == CheckStatus::Pass));
    }

    #[test]
    fn other_lane_has_only_common_checks() {
        let out = run_lane_checks(Lane::Other, &json!({}), &[]);
        assert_eq!(out.len(), 3);
        assert_eq!(out[2].check_key, "human_approval_gate");
    }
}
