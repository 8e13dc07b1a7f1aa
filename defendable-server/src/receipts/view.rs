//! What a person sees of a receipt, for every kind: its kind and subject, the
//! outcome in plain words (the headline), and the sections of values read from
//! the payload. The `/r/` page and the PDF both render this one view, so a kind
//! reads the same on screen and on paper.
//!
//! Every value shown is named by its payload path, so the page can mark it for
//! the browser to compare with the hashed payload.

use serde_json::Value;

/// How the outcome reads: what colour a headline gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tone {
    Good,
    Neutral,
    Caution,
    Bad,
}

impl Tone {
    /// The name the page's stylesheet keys on.
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Good => "good",
            Tone::Neutral => "neutral",
            Tone::Caution => "caution",
            Tone::Bad => "bad",
        }
    }
}

/// A piece of a headline fact: words, or a payload value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Value(&'static str),
}

/// The outcome, first thing a reader sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    pub tone: Tone,
    /// The outcome in words ("Failed its audit").
    pub words: String,
    /// Short supporting facts ("Score 42 out of 100", "Approved by …").
    pub facts: Vec<Vec<Part>>,
}

/// A titled block of the receipt's values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Label and value rows.
    Fields {
        id: &'static str,
        heading: &'static str,
        rows: Vec<(&'static str, &'static str)>,
    },
    /// One row per item of the array at `items`; `columns` are (header, key).
    Table {
        id: &'static str,
        heading: &'static str,
        items: &'static str,
        columns: &'static [(&'static str, &'static str)],
    },
}

/// One receipt as a person sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptView {
    /// What kind of receipt this is ("Evaluation receipt").
    pub kind: &'static str,
    /// The path of what the receipt is about (a run's title, a model's name).
    pub subject: Option<&'static str>,
    pub headline: Headline,
    pub blocks: Vec<Block>,
}

/// The value at a dotted path (`checks.0.label`; numbers index arrays).
pub fn lookup<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |v, part| match v {
        Value::Array(items) => items.get(part.parse::<usize>().ok()?),
        _ => v.get(part),
    })
}

/// A payload value as text: strings as they are, null or absent as `—`.
pub fn text_of(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "—".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// A fact's text with its values filled in from `payload`.
pub fn fact_text(payload: &Value, fact: &[Part]) -> String {
    fact.iter()
        .map(|part| match part {
            Part::Text(t) => t.clone(),
            Part::Value(path) => text_of(lookup(payload, path)),
        })
        .collect()
}

fn text(t: &str) -> Part {
    Part::Text(t.to_string())
}

const FINDING_COLUMNS: &[(&str, &str)] = &[
    ("Check", "label"),
    ("Status", "status"),
    ("Severity", "severity"),
    ("Detail", "detail"),
];
const EVIDENCE_COLUMNS: &[(&str, &str)] =
    &[("Label", "label"), ("Kind", "kind"), ("sha256", "sha256")];

fn approval_block() -> Block {
    Block::Fields {
        id: "approval",
        heading: "Approval",
        rows: vec![
            ("Decision", "approval.decision"),
            ("Approver", "approval.approver"),
            ("Note", "approval.note"),
            ("Time", "approval.approved_at"),
        ],
    }
}

fn evidence_block() -> Block {
    Block::Table {
        id: "evidence",
        heading: "Evidence",
        items: "evidence",
        columns: EVIDENCE_COLUMNS,
    }
}

/// The verdict and the human decision, in words: the worst of the two sets the tone.
fn audit_headline(payload: &Value, counts: bool) -> Headline {
    let outcome = lookup(payload, "verdict.outcome").and_then(Value::as_str);
    let (words, outcome_tone) = match outcome {
        Some("pass") => ("Passed its audit", Tone::Good),
        Some("risk") => ("Passed its audit, with risks flagged", Tone::Caution),
        Some("fail") => ("Failed its audit", Tone::Bad),
        _ => ("No audit verdict recorded", Tone::Neutral),
    };
    let decision = lookup(payload, "approval.decision").and_then(Value::as_str);
    let (decided, decision_tone) = match decision {
        Some("approved") => ("Approved by ", Tone::Good),
        Some("rejected") => ("Rejected by ", Tone::Bad),
        Some("escalated") => ("Escalated for review by ", Tone::Caution),
        _ => ("Decision recorded by ", Tone::Neutral),
    };
    let mut facts = vec![vec![
        text("Score "),
        Part::Value("verdict.score_100"),
        text(" out of 100"),
    ]];
    if counts {
        facts.push(vec![
            Part::Value("verdict.checks_passed"),
            text(" checks passed, "),
            Part::Value("verdict.checks_failed"),
            text(" failed"),
        ]);
    }
    facts.push(vec![text(decided), Part::Value("approval.approver")]);
    Headline {
        tone: outcome_tone.max(decision_tone),
        words: words.to_string(),
        facts,
    }
}

fn eval_view(payload: &Value) -> ReceiptView {
    ReceiptView {
        kind: "Evaluation receipt",
        subject: Some("assignment.title"),
        headline: audit_headline(payload, false),
        blocks: vec![
            Block::Fields {
                id: "verdict",
                heading: "Verdict",
                rows: vec![
                    ("Outcome", "verdict.outcome"),
                    ("Severity", "verdict.severity"),
                    ("Score (of 100)", "verdict.score_100"),
                    ("Client ready", "verdict.client_ready"),
                    ("Recommended action", "verdict.recommended_action"),
                    ("Summary", "verdict.summary"),
                ],
            },
            Block::Table {
                id: "findings",
                heading: "Findings",
                items: "findings",
                columns: FINDING_COLUMNS,
            },
            approval_block(),
            Block::Fields {
                id: "run",
                heading: "Run",
                rows: vec![
                    ("Run id", "run_id"),
                    ("Flight sheet", "flight_sheet.name"),
                    ("Sheet version", "flight_sheet.version"),
                    ("Agent", "submission.agent_name"),
                    ("Model", "submission.model_name"),
                    ("Submission sha256", "submission.sha256"),
                    ("Assignment sha256", "assignment.sha256"),
                ],
            },
            evidence_block(),
        ],
    }
}

fn run_view(payload: &Value) -> ReceiptView {
    ReceiptView {
        kind: "Run receipt",
        subject: Some("run.title"),
        headline: audit_headline(payload, true),
        blocks: vec![
            Block::Fields {
                id: "verdict",
                heading: "Verdict",
                rows: vec![
                    ("Outcome", "verdict.outcome"),
                    ("Severity", "verdict.severity"),
                    ("Score (of 100)", "verdict.score_100"),
                    ("Summary", "verdict.summary"),
                ],
            },
            Block::Table {
                id: "findings",
                heading: "Checks",
                items: "checks",
                columns: FINDING_COLUMNS,
            },
            approval_block(),
            Block::Fields {
                id: "run",
                heading: "Run",
                rows: vec![
                    ("Run id", "run_id"),
                    ("Lane", "run.lane"),
                    ("Project", "project.name"),
                ],
            },
            evidence_block(),
        ],
    }
}

fn cook_view(payload: &Value) -> ReceiptView {
    let lift = lookup(payload, "cook.lift").and_then(Value::as_f64);
    let tone = match lift {
        Some(l) if l > 0.0 => Tone::Good,
        Some(_) => Tone::Caution,
        None => Tone::Neutral,
    };
    ReceiptView {
        kind: "Fine-tune receipt",
        subject: Some("run.title"),
        headline: Headline {
            tone,
            words: "Fine-tune completed".into(),
            facts: vec![
                vec![
                    text("Eval score "),
                    Part::Value("cook.eval_before"),
                    text(" → "),
                    Part::Value("cook.eval_after"),
                ],
                vec![text("Lift "), Part::Value("cook.lift")],
                vec![text("Base model "), Part::Value("cook.base_model")],
            ],
        },
        blocks: vec![Block::Fields {
            id: "cook",
            heading: "Fine-tune",
            rows: vec![
                ("Base model", "cook.base_model"),
                ("Dataset", "cook.dataset"),
                ("Pairs", "cook.pairs"),
                ("Eval before", "cook.eval_before"),
                ("Eval after", "cook.eval_after"),
                ("Lift", "cook.lift"),
                ("Runner", "cook.runner"),
                ("Compute (USD)", "cook.compute_usd"),
                ("Pinned model", "pinned_model.slug"),
                ("Pin receipt", "pinned_model.pin_receipt_id"),
                ("Run id", "run_id"),
            ],
        }],
    }
}

fn incident_view(payload: &Value) -> ReceiptView {
    let status = lookup(payload, "incident.status").and_then(Value::as_str);
    let (words, tone) = match status {
        Some("open") => ("Incident open".to_string(), Tone::Bad),
        Some("resolved") => ("Incident resolved".to_string(), Tone::Neutral),
        Some(other) => (format!("Incident {other}"), Tone::Caution),
        None => ("Incident".to_string(), Tone::Caution),
    };
    ReceiptView {
        kind: "Incident receipt",
        subject: Some("incident.title"),
        headline: Headline {
            tone,
            words,
            facts: vec![
                vec![text("Tier "), Part::Value("incident.tier")],
                vec![text("Kind "), Part::Value("incident.kind")],
                vec![text("Opened "), Part::Value("incident.opened_at")],
            ],
        },
        blocks: vec![Block::Fields {
            id: "incident",
            heading: "Incident",
            rows: vec![
                ("Kind", "incident.kind"),
                ("Tier", "incident.tier"),
                ("Status", "incident.status"),
                ("Lane", "incident.lane"),
                ("Detail", "incident.detail"),
                ("Agent profile", "agent_profile.name"),
                ("Opened", "incident.opened_at"),
                ("Resolved", "incident.resolved_at"),
            ],
        }],
    }
}

fn download_view() -> ReceiptView {
    ReceiptView {
        kind: "Dataset download receipt",
        subject: Some("package.name"),
        headline: Headline {
            tone: Tone::Neutral,
            words: "Dataset download granted".into(),
            facts: vec![
                vec![text("Package "), Part::Value("package.slug")],
                vec![text("Link expires "), Part::Value("expires_at")],
                vec![
                    text("File ready when granted: "),
                    Part::Value("ready_at_grant"),
                ],
            ],
        },
        blocks: vec![
            Block::Fields {
                id: "package",
                heading: "Package",
                rows: vec![
                    ("Slug", "package.slug"),
                    ("Name", "package.name"),
                    ("Vertical", "package.vertical"),
                    ("Tier", "package.tier"),
                    ("Class", "package.pkg_class"),
                    ("Pairs", "package.pairs"),
                    ("Deed anchored", "package.deed_anchored"),
                ],
            },
            Block::Fields {
                id: "grant",
                heading: "Grant",
                rows: vec![
                    ("File bytes", "file.bytes"),
                    ("File sha256", "file.sha256"),
                    ("Ready when granted", "ready_at_grant"),
                    ("Expires", "expires_at"),
                    ("Grantee commitment", "grantee_commitment"),
                ],
            },
        ],
    }
}

fn model_pin_view() -> ReceiptView {
    ReceiptView {
        kind: "Model pin receipt",
        subject: Some("model.name"),
        headline: Headline {
            tone: Tone::Neutral,
            words: "Model pinned".into(),
            facts: vec![
                vec![text("Model "), Part::Value("model.slug")],
                vec![text("Base "), Part::Value("model.base")],
                vec![text("Pinned "), Part::Value("pinned_at")],
            ],
        },
        blocks: vec![Block::Fields {
            id: "model",
            heading: "Model",
            rows: vec![
                ("Slug", "model.slug"),
                ("Name", "model.name"),
                ("Base", "model.base"),
                ("Parameters (B)", "model.params_b"),
                ("Card sha256", "model.card_sha256"),
                ("Pinned at", "pinned_at"),
                ("Declaration", "declaration"),
                ("Client reference", "client_ref"),
            ],
        }],
    }
}

fn unknown_view() -> ReceiptView {
    ReceiptView {
        kind: "Receipt",
        subject: None,
        headline: Headline {
            tone: Tone::Neutral,
            words: "Receipt of an unknown kind".into(),
            facts: vec![vec![text("Schema "), Part::Value("schema")]],
        },
        blocks: Vec::new(),
    }
}

/// The view of a payload, by its schema.
pub fn view(payload: &Value) -> ReceiptView {
    let schema = payload.get("schema").and_then(Value::as_str).unwrap_or("");
    match schema.split('/').next().unwrap_or("") {
        "defendablecloud.eval-receipt" => eval_view(payload),
        "defendablecloud.receipt" => run_view(payload),
        "defendablecloud.cook-receipt" => cook_view(payload),
        "defendablecloud.incident-receipt" => incident_view(payload),
        "defendablecloud.dataset-download-receipt" => download_view(),
        "defendablecloud.model-pin-receipt" => model_pin_view(),
        _ => unknown_view(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lookup_walks_objects_and_arrays() {
        let v = json!({"checks": [{"label": "a"}, {"label": null}], "verdict": {"score_100": 87}});
        assert_eq!(text_of(lookup(&v, "checks.0.label")), "a");
        assert_eq!(text_of(lookup(&v, "checks.1.label")), "—");
        assert_eq!(text_of(lookup(&v, "checks.9.label")), "—");
        assert_eq!(text_of(lookup(&v, "verdict.score_100")), "87");
    }

    #[test]
    fn a_failed_verdict_leads_with_failure_whatever_the_approval() {
        let payload = json!({"schema": "defendablecloud.eval-receipt/v1",
            "verdict": {"outcome": "fail", "score_100": 42},
            "approval": {"decision": "approved", "approver": "a@x.example"}});
        let v = view(&payload);
        assert_eq!(v.kind, "Evaluation receipt");
        assert_eq!(v.headline.words, "Failed its audit");
        assert_eq!(v.headline.tone, Tone::Bad);
        let facts: Vec<String> = v
            .headline
            .facts
            .iter()
            .map(|f| fact_text(&payload, f))
            .collect();
        assert_eq!(facts, ["Score 42 out of 100", "Approved by a@x.example"]);
    }

    #[test]
    fn a_rejection_or_escalation_darkens_a_pass() {
        let with = |decision: &str| {
            view(&json!({"schema": "defendablecloud.receipt/v1",
                "verdict": {"outcome": "pass"}, "approval": {"decision": decision}}))
            .headline
            .tone
        };
        assert_eq!(with("approved"), Tone::Good);
        assert_eq!(with("escalated"), Tone::Caution);
        assert_eq!(with("rejected"), Tone::Bad);
    }

    #[test]
    fn every_kind_has_its_own_view() {
        let kinds = [
            ("defendablecloud.receipt/v1", "Run receipt"),
            ("defendablecloud.eval-receipt/v1", "Evaluation receipt"),
            ("defendablecloud.cook-receipt/v1", "Fine-tune receipt"),
            ("defendablecloud.incident-receipt/v1", "Incident receipt"),
            (
                "defendablecloud.dataset-download-receipt/v1",
                "Dataset download receipt",
            ),
            ("defendablecloud.model-pin-receipt/v1", "Model pin receipt"),
            ("something.else/v9", "Receipt"),
        ];
        for (schema, kind) in kinds {
            assert_eq!(view(&json!({ "schema": schema })).kind, kind, "{schema}");
        }
    }
}
