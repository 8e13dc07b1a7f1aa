//! What a person sees of a receipt, for every kind: its kind's title and sections
//! (from the contract's registry, [`ReceiptKind`]), what it is about, and the
//! outcome in plain words with a tone (the headline). The `/r/` page and the PDF
//! both render this one view, so a kind reads the same on screen and on paper.
//!
//! Every value shown is named by its payload path, so the page can mark it for
//! the browser to compare with the hashed payload.

use serde_json::Value;

use defendable_contract::receipt_kinds::{ReceiptKind, Section};

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

/// One receipt as a person sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptView {
    /// Its kind, when the registry knows its schema.
    pub kind: Option<ReceiptKind>,
    /// What kind of receipt this is ("Evaluation receipt").
    pub title: &'static str,
    /// The path of what the receipt is about (a run's title, a model's name).
    pub subject: Option<&'static str>,
    pub headline: Headline,
    /// The kind's sections, in order.
    pub sections: &'static [Section],
}

/// The dotted path of a JSON pointer (`/verdict/outcome` is `verdict.outcome`).
pub fn path_of(pointer: &str) -> String {
    pointer.trim_start_matches('/').replace('/', ".")
}

/// The value at a dotted path (`checks.0.label`; numbers index arrays).
pub fn lookup<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    value.pointer(&format!("/{}", path.replace('.', "/")))
}

/// A payload value as text: strings as they are, null or absent as `—`.
pub use defendable_contract::receipt_kinds::value_text as text_of;

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
            text("Checks: "),
            Part::Value("verdict.checks_passed"),
            text(" passed, "),
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

fn cook_headline(payload: &Value) -> Headline {
    let lift = lookup(payload, "cook.lift").and_then(Value::as_f64);
    let tone = match lift {
        Some(l) if l > 0.0 => Tone::Good,
        Some(_) => Tone::Caution,
        None => Tone::Neutral,
    };
    Headline {
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
    }
}

fn incident_headline(payload: &Value) -> Headline {
    let status = lookup(payload, "incident.status").and_then(Value::as_str);
    let (words, tone) = match status {
        Some("open") => ("Incident open".to_string(), Tone::Bad),
        Some("resolved") => ("Incident resolved".to_string(), Tone::Neutral),
        Some(other) => (format!("Incident {other}"), Tone::Caution),
        None => ("Incident".to_string(), Tone::Caution),
    };
    Headline {
        tone,
        words,
        facts: vec![
            vec![text("Tier "), Part::Value("incident.tier")],
            vec![text("Kind "), Part::Value("incident.kind")],
            vec![text("Opened "), Part::Value("incident.opened_at")],
        ],
    }
}

fn download_headline() -> Headline {
    Headline {
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
    }
}

fn model_pin_headline() -> Headline {
    Headline {
        tone: Tone::Neutral,
        words: "Model pinned".into(),
        facts: vec![
            vec![text("Model "), Part::Value("model.slug")],
            vec![text("Base "), Part::Value("model.base")],
            vec![text("Pinned "), Part::Value("pinned_at")],
        ],
    }
}

/// The view of a payload, by its schema's kind.
pub fn view(payload: &Value) -> ReceiptView {
    let Some(kind) = ReceiptKind::of_payload(payload) else {
        return ReceiptView {
            kind: None,
            title: "Receipt",
            subject: None,
            headline: Headline {
                tone: Tone::Neutral,
                words: "Receipt of a kind this server does not know".into(),
                facts: vec![vec![text("Schema "), Part::Value("schema")]],
            },
            sections: &[],
        };
    };
    let (subject, headline) = match kind {
        ReceiptKind::Run => ("run.title", audit_headline(payload, true)),
        ReceiptKind::Eval => ("assignment.title", audit_headline(payload, false)),
        ReceiptKind::Cook => ("run.title", cook_headline(payload)),
        ReceiptKind::Incident => ("incident.title", incident_headline(payload)),
        ReceiptKind::DatasetDownload => ("package.name", download_headline()),
        ReceiptKind::ModelPin => ("model.name", model_pin_headline()),
    };
    ReceiptView {
        kind: Some(kind),
        title: kind.title(),
        subject: Some(subject),
        headline,
        sections: kind.sections(),
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
        assert_eq!(v.title, "Evaluation receipt");
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
    fn every_kind_reads_its_title_and_sections_from_the_registry() {
        for kind in ReceiptKind::ALL {
            let v = view(&json!({ "schema": kind.schema() }));
            assert_eq!(v.kind, Some(kind));
            assert_eq!(v.title, kind.title());
            assert_eq!(v.sections, kind.sections());
            assert!(!v.headline.words.is_empty());
        }
        let unknown = view(&json!({"schema": "something.else/v9"}));
        assert_eq!((unknown.kind, unknown.title), (None, "Receipt"));
        assert_eq!(path_of("/verdict/score_100"), "verdict.score_100");
    }
}
