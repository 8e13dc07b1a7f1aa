//! The registry of receipt kinds: for each kind of receipt the server mints, its
//! schema id, a title, the summary fields listed by `/receipts/recent`, the sections a
//! person sees on the page and in the PDF, and what its public view redacts. Minting,
//! rollups, verification, the page and the PDF all read this one table; adding a kind
//! is one new variant, and every `match` over [`ReceiptKind`] then asks for it.

use serde_json::{json, Map, Value};

use crate::canonical::sha256_hex;

/// Every kind of receipt on an organisation's chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReceiptKind {
    /// A run without a flight sheet (`defendablecloud.receipt/v1`).
    Run,
    /// A run audited against a flight sheet (`defendablecloud.eval-receipt/v1`).
    Eval,
    /// A finished cook (`defendablecloud.cook-receipt/v1`).
    Cook,
    /// An agent incident (`defendablecloud.incident-receipt/v1`).
    Incident,
    /// A dataset download grant (`defendablecloud.dataset-download-receipt/v1`).
    DatasetDownload,
    /// A model pin (`defendablecloud.model-pin-receipt/v1`).
    ModelPin,
}

/// One labelled value of a payload, found by JSON pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub pointer: &'static str,
}

const fn field(label: &'static str, pointer: &'static str) -> Field {
    Field { label, pointer }
}

/// What a section shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionBody {
    /// One row per field.
    Fields(&'static [Field]),
    /// One row per element of the array at `pointer`: labelled by the element's
    /// `label_key`, its text the `columns` keys joined by spaces.
    List {
        pointer: &'static str,
        label_key: &'static str,
        columns: &'static [&'static str],
    },
}

/// A part of a receipt as a person sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    pub heading: &'static str,
    pub body: SectionBody,
}

/// A field the public view does not show as it is, and what stands in its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Redaction {
    /// Where the field would be (JSON pointer).
    pub pointer: &'static str,
    /// What the hashed payload carries instead, so the public view still verifies.
    pub replaced_by: &'static str,
}

/// The payload key holding the commitment to the organisation's id in kinds whose
/// public view hides that id: `SHA-256("defendable-org:" + id)` in hex. Organisation
/// ids are 128 random bits, so it cannot be reversed, and anyone told the id can check it.
pub const ORG_ID_COMMITMENT_KEY: &str = "id_sha256";

/// The commitment to an organisation id stored under [`ORG_ID_COMMITMENT_KEY`].
pub fn org_id_commitment(org_id: &str) -> String {
    sha256_hex(format!("defendable-org:{org_id}").as_bytes())
}

/// How a payload's `organization` object names its organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgBinding {
    /// `organization.id` in clear.
    Id,
    /// `organization.id_sha256`, the [`org_id_commitment`] of the id.
    Commitment,
}

const RUN_SECTIONS: &[Section] = &[
    Section {
        heading: "Organisation",
        body: SectionBody::Fields(&[field("Name", "/organization/name")]),
    },
    Section {
        heading: "Run",
        body: SectionBody::Fields(&[
            field("Title", "/run/title"),
            field("Project", "/project/name"),
            field("Lane", "/run/lane"),
            field("Run id", "/run_id"),
        ]),
    },
    Section {
        heading: "Verdict",
        body: SectionBody::Fields(&[
            field("Outcome", "/verdict/outcome"),
            field("Severity", "/verdict/severity"),
            field("Score", "/verdict/score_100"),
            field("Summary", "/verdict/summary"),
        ]),
    },
    APPROVAL_SECTION,
    Section {
        heading: "Checks",
        body: SectionBody::List {
            pointer: "/checks",
            label_key: "label",
            columns: &["status", "severity", "detail"],
        },
    },
    EVIDENCE_SECTION,
];

const APPROVAL_SECTION: Section = Section {
    heading: "Approval",
    body: SectionBody::Fields(&[
        field("Decision", "/approval/decision"),
        field("Approver", "/approval/approver"),
        field("Note", "/approval/note"),
        field("Approved at", "/approval/approved_at"),
    ]),
};

const EVIDENCE_SECTION: Section = Section {
    heading: "Evidence",
    body: SectionBody::List {
        pointer: "/evidence",
        label_key: "label",
        columns: &["kind", "sha256"],
    },
};

const EVAL_SECTIONS: &[Section] = &[
    Section {
        heading: "Organisation",
        body: SectionBody::Fields(&[field("Name", "/organization/name")]),
    },
    Section {
        heading: "Run",
        body: SectionBody::Fields(&[
            field("Title", "/assignment/title"),
            field("Flight sheet", "/ownership/referee_logic"),
            field("Run id", "/run_id"),
            field("Agent", "/submission/agent_name"),
            field("Model", "/submission/model_name"),
            field("Submission sha256", "/submission/sha256"),
        ]),
    },
    Section {
        heading: "Verdict",
        body: SectionBody::Fields(&[
            field("Outcome", "/verdict/outcome"),
            field("Severity", "/verdict/severity"),
            field("Score", "/verdict/score_100"),
            field("Recommended action", "/verdict/recommended_action"),
            field("Summary", "/verdict/summary"),
        ]),
    },
    APPROVAL_SECTION,
    Section {
        heading: "Findings",
        body: SectionBody::List {
            pointer: "/findings",
            label_key: "label",
            columns: &["status", "severity", "detail"],
        },
    },
    EVIDENCE_SECTION,
];

const COOK_SECTIONS: &[Section] = &[
    Section {
        heading: "Organisation",
        body: SectionBody::Fields(&[field("Name", "/organization/name")]),
    },
    Section {
        heading: "Run",
        body: SectionBody::Fields(&[field("Title", "/run/title"), field("Run id", "/run_id")]),
    },
    Section {
        heading: "Cook",
        body: SectionBody::Fields(&[
            field("Base model", "/cook/base_model"),
            field("Dataset", "/cook/dataset"),
            field("Pairs", "/cook/pairs"),
            field("Eval before", "/cook/eval_before"),
            field("Eval after", "/cook/eval_after"),
            field("Lift", "/cook/lift"),
            field("Runner", "/cook/runner"),
            field("Compute (USD)", "/cook/compute_usd"),
        ]),
    },
    Section {
        heading: "Pinned model",
        body: SectionBody::Fields(&[
            field("Model", "/pinned_model/slug"),
            field("Card sha256", "/pinned_model/card_sha256"),
            field("Pin receipt", "/pinned_model/pin_receipt_id"),
            field("Pin receipt sha256", "/pinned_model/pin_receipt_sha256"),
        ]),
    },
];

const INCIDENT_SECTIONS: &[Section] = &[
    Section {
        heading: "Organisation",
        body: SectionBody::Fields(&[field("Name", "/organization/name")]),
    },
    Section {
        heading: "Incident",
        body: SectionBody::Fields(&[
            field("Title", "/incident/title"),
            field("Kind", "/incident/kind"),
            field("Tier", "/incident/tier"),
            field("Status", "/incident/status"),
            field("Lane", "/incident/lane"),
            field("Detail", "/incident/detail"),
            field("Opened", "/incident/opened_at"),
            field("Resolved", "/incident/resolved_at"),
            field("Run id", "/run_id"),
            field("Agent profile", "/agent_profile/name"),
        ]),
    },
];

const DATASET_DOWNLOAD_SECTIONS: &[Section] = &[
    Section {
        heading: "Organisation",
        body: SectionBody::Fields(&[field("Name", "/organization/name")]),
    },
    Section {
        heading: "Package",
        body: SectionBody::Fields(&[
            field("Name", "/package/name"),
            field("Slug", "/package/slug"),
            field("Vertical", "/package/vertical"),
            field("Tier", "/package/tier"),
            field("Pairs", "/package/pairs"),
        ]),
    },
    Section {
        heading: "Grant",
        body: SectionBody::Fields(&[
            field("File sha256", "/file/sha256"),
            field("File bytes", "/file/bytes"),
            field("Ready at grant", "/ready_at_grant"),
            field("Expires", "/expires_at"),
            field("Grantee commitment", "/grantee_commitment"),
        ]),
    },
];

const MODEL_PIN_SECTIONS: &[Section] = &[
    Section {
        heading: "Organisation",
        body: SectionBody::Fields(&[field("Name", "/organization/name")]),
    },
    Section {
        heading: "Model",
        body: SectionBody::Fields(&[
            field("Name", "/model/name"),
            field("Slug", "/model/slug"),
            field("Base", "/model/base"),
            field("Parameters (B)", "/model/params_b"),
            field("Card sha256", "/model/card_sha256"),
        ]),
    },
    Section {
        heading: "Pin",
        body: SectionBody::Fields(&[
            field("Pinned at", "/pinned_at"),
            field("Declaration", "/declaration"),
            field("Client reference", "/client_ref"),
        ]),
    },
];

impl ReceiptKind {
    /// Every kind, in the order they are listed.
    pub const ALL: [ReceiptKind; 6] = [
        ReceiptKind::Run,
        ReceiptKind::Eval,
        ReceiptKind::Cook,
        ReceiptKind::Incident,
        ReceiptKind::DatasetDownload,
        ReceiptKind::ModelPin,
    ];

    /// The payload's `schema` value.
    pub const fn schema(self) -> &'static str {
        match self {
            ReceiptKind::Run => "defendablecloud.receipt/v1",
            ReceiptKind::Eval => "defendablecloud.eval-receipt/v1",
            ReceiptKind::Cook => "defendablecloud.cook-receipt/v1",
            ReceiptKind::Incident => "defendablecloud.incident-receipt/v1",
            ReceiptKind::DatasetDownload => "defendablecloud.dataset-download-receipt/v1",
            ReceiptKind::ModelPin => "defendablecloud.model-pin-receipt/v1",
        }
    }

    /// The schema without its version (`defendablecloud.cook-receipt`).
    pub fn family(self) -> &'static str {
        let schema = self.schema();
        schema.split_once('/').map_or(schema, |(family, _)| family)
    }

    /// The short name `/receipts/recent` lists it under.
    pub const fn lane(self) -> &'static str {
        match self {
            ReceiptKind::Run => "run",
            ReceiptKind::Eval => "eval",
            ReceiptKind::Cook => "cook",
            ReceiptKind::Incident => "incident",
            ReceiptKind::DatasetDownload => "dataset-download",
            ReceiptKind::ModelPin => "model-pin",
        }
    }

    /// What a person calls it.
    pub const fn title(self) -> &'static str {
        match self {
            ReceiptKind::Run => "Run receipt",
            ReceiptKind::Eval => "Evaluation receipt",
            ReceiptKind::Cook => "Cook receipt",
            ReceiptKind::Incident => "Incident receipt",
            ReceiptKind::DatasetDownload => "Dataset download receipt",
            ReceiptKind::ModelPin => "Model pin receipt",
        }
    }

    /// The kind whose schema is exactly `schema`.
    pub fn from_schema(schema: &str) -> Option<ReceiptKind> {
        ReceiptKind::ALL.into_iter().find(|k| k.schema() == schema)
    }

    /// The kind of a schema of any version of its family (for summaries).
    pub fn from_family(schema: &str) -> Option<ReceiptKind> {
        let family = schema.split_once('/').map_or(schema, |(family, _)| family);
        ReceiptKind::ALL.into_iter().find(|k| k.family() == family)
    }

    /// The kind of a payload, by its `schema` key.
    pub fn of_payload(payload: &Value) -> Option<ReceiptKind> {
        payload
            .get("schema")
            .and_then(Value::as_str)
            .and_then(ReceiptKind::from_schema)
    }

    /// The summary `/receipts/recent` shows: (key, JSON pointer) pairs.
    pub const fn summary_fields(self) -> &'static [(&'static str, &'static str)] {
        match self {
            ReceiptKind::Run => &[
                ("run_title", "/run/title"),
                ("outcome", "/verdict/outcome"),
                ("score", "/verdict/score"),
            ],
            ReceiptKind::Eval => &[
                ("run_title", "/assignment/title"),
                ("outcome", "/verdict/outcome"),
                ("severity", "/verdict/severity"),
                ("score_100", "/verdict/score_100"),
            ],
            ReceiptKind::Cook => &[
                ("run_title", "/run/title"),
                ("base_model", "/cook/base_model"),
                ("eval_before", "/cook/eval_before"),
                ("eval_after", "/cook/eval_after"),
                ("lift", "/cook/lift"),
                ("pinned_model_slug", "/pinned_model/slug"),
            ],
            ReceiptKind::Incident => &[
                ("kind", "/incident/kind"),
                ("title", "/incident/title"),
                ("severity", "/incident/tier"),
                ("status", "/incident/status"),
            ],
            ReceiptKind::DatasetDownload => &[
                ("package_slug", "/package/slug"),
                ("package_name", "/package/name"),
                ("vertical", "/package/vertical"),
                ("ready_at_grant", "/ready_at_grant"),
                ("expires_at", "/expires_at"),
            ],
            ReceiptKind::ModelPin => &[
                ("model_slug", "/model/slug"),
                ("model_name", "/model/name"),
                ("base", "/model/base"),
                ("params_b", "/model/params_b"),
                ("declaration", "/declaration"),
                ("client_ref", "/client_ref"),
            ],
        }
    }

    /// The summary of `payload`: `lane` and every summary field (null when absent).
    pub fn summary(self, payload: &Value) -> Value {
        let mut map = Map::new();
        map.insert("lane".into(), json!(self.lane()));
        for (key, pointer) in self.summary_fields() {
            map.insert(
                (*key).to_string(),
                payload.pointer(pointer).cloned().unwrap_or(Value::Null),
            );
        }
        Value::Object(map)
    }

    /// The sections a person sees, in order.
    pub const fn sections(self) -> &'static [Section] {
        match self {
            ReceiptKind::Run => RUN_SECTIONS,
            ReceiptKind::Eval => EVAL_SECTIONS,
            ReceiptKind::Cook => COOK_SECTIONS,
            ReceiptKind::Incident => INCIDENT_SECTIONS,
            ReceiptKind::DatasetDownload => DATASET_DOWNLOAD_SECTIONS,
            ReceiptKind::ModelPin => MODEL_PIN_SECTIONS,
        }
    }

    /// What the public view hides, and what the hashed payload holds in its place.
    /// The public view of every kind is its whole hashed payload, so it verifies;
    /// a hidden value is never in that payload, only a commitment to it.
    pub const fn redactions(self) -> &'static [Redaction] {
        match self {
            ReceiptKind::DatasetDownload => &[
                Redaction {
                    pointer: "/organization/id",
                    replaced_by: "/organization/id_sha256",
                },
                Redaction {
                    pointer: "/granted_to_user_id",
                    replaced_by: "/grantee_commitment",
                },
                Redaction {
                    pointer: "/granted_to_email",
                    replaced_by: "/grantee_commitment",
                },
                Redaction {
                    pointer: "/tigris_key",
                    replaced_by: "/file/sha256",
                },
            ],
            ReceiptKind::Run
            | ReceiptKind::Eval
            | ReceiptKind::Cook
            | ReceiptKind::Incident
            | ReceiptKind::ModelPin => &[],
        }
    }

    /// How this kind's payload names its organisation.
    pub const fn org_binding(self) -> OrgBinding {
        match self {
            ReceiptKind::DatasetDownload => OrgBinding::Commitment,
            ReceiptKind::Run
            | ReceiptKind::Eval
            | ReceiptKind::Cook
            | ReceiptKind::Incident
            | ReceiptKind::ModelPin => OrgBinding::Id,
        }
    }

    /// The payload's `organization` object for an organisation.
    pub fn organization(self, org_id: &str, name: &str) -> Value {
        match self.org_binding() {
            OrgBinding::Id => json!({"id": org_id, "name": name}),
            OrgBinding::Commitment => {
                json!({ORG_ID_COMMITMENT_KEY: org_id_commitment(org_id), "name": name})
            }
        }
    }

    /// The outcome in words, the first line a person reads.
    pub fn headline(self, payload: &Value) -> String {
        let text = |pointer: &str| value_text(payload.pointer(pointer));
        match self {
            ReceiptKind::Run | ReceiptKind::Eval => format!(
                "Verdict: {} (score {}/100); approval: {}",
                text("/verdict/outcome"),
                text("/verdict/score_100"),
                text("/approval/decision")
            ),
            ReceiptKind::Cook => format!(
                "Cook of {}: eval {} → {} (lift {})",
                text("/cook/base_model"),
                text("/cook/eval_before"),
                text("/cook/eval_after"),
                text("/cook/lift")
            ),
            ReceiptKind::Incident => format!(
                "Incident ({}, {} tier): {}; status {}",
                text("/incident/kind"),
                text("/incident/tier"),
                text("/incident/title"),
                text("/incident/status")
            ),
            ReceiptKind::DatasetDownload => format!(
                "Download of {} granted until {}",
                text("/package/name"),
                text("/expires_at")
            ),
            ReceiptKind::ModelPin => format!(
                "Model {} pinned: {}",
                text("/model/name"),
                text("/declaration")
            ),
        }
    }
}

/// Whether a payload's `organization` names `org_id`, in clear or by commitment.
pub fn payload_names_org(payload: &Value, org_id: &str) -> bool {
    let Some(org) = payload.get("organization") else {
        return false;
    };
    if let Some(id) = org.get("id").and_then(Value::as_str) {
        return id == org_id;
    }
    org.get(ORG_ID_COMMITMENT_KEY).and_then(Value::as_str) == Some(&org_id_commitment(org_id))
}

/// A value as a person reads it: strings bare, null or absent as a dash.
pub fn value_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "—".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

impl Section {
    /// The section's rows (label, text) for one payload; empty when the payload has
    /// nothing for it (a cook without a pinned model, say).
    pub fn rows(&self, payload: &Value) -> Vec<(String, String)> {
        match self.body {
            SectionBody::Fields(fields) => {
                if fields.iter().all(|f| payload.pointer(f.pointer).is_none()) {
                    return Vec::new();
                }
                fields
                    .iter()
                    .map(|f| (f.label.to_string(), value_text(payload.pointer(f.pointer))))
                    .collect()
            }
            SectionBody::List {
                pointer,
                label_key,
                columns,
            } => payload
                .pointer(pointer)
                .and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        .map(|item| {
                            let text = columns
                                .iter()
                                .map(|c| value_text(item.get(*c)))
                                .collect::<Vec<_>>()
                                .join(" ");
                            (value_text(item.get(label_key)), text)
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_are_distinct_and_round_trip() {
        for kind in ReceiptKind::ALL {
            assert_eq!(ReceiptKind::from_schema(kind.schema()), Some(kind));
            assert_eq!(
                ReceiptKind::from_family(&format!("{}/v9", kind.family())),
                Some(kind)
            );
            assert!(kind.schema().starts_with("defendablecloud."));
            assert!(!kind.sections().is_empty());
        }
        let mut schemas: Vec<_> = ReceiptKind::ALL.iter().map(|k| k.schema()).collect();
        schemas.sort();
        schemas.dedup();
        assert_eq!(schemas.len(), 6);
        assert_eq!(ReceiptKind::from_schema("defendablecloud.receipt/v2"), None);
    }

    #[test]
    fn summaries_read_each_kind_from_its_own_paths() {
        let eval = json!({"schema": "defendablecloud.eval-receipt/v1",
            "assignment": {"title": "Q2 memo"}, "run": {"title": "wrong place"},
            "verdict": {"outcome": "pass", "severity": "honey", "score_100": 92}});
        assert_eq!(
            ReceiptKind::Eval.summary(&eval),
            json!({"lane": "eval", "run_title": "Q2 memo", "outcome": "pass",
                   "severity": "honey", "score_100": 92})
        );
        let cook = json!({"cook": {"base_model": "m", "lift": 0.1}});
        assert_eq!(
            ReceiptKind::Cook.summary(&cook)["pinned_model_slug"],
            Value::Null
        );
    }

    #[test]
    fn the_org_commitment_binds_the_id_without_showing_it() {
        let org = ReceiptKind::DatasetDownload.organization("0123abcd", "Acme");
        assert!(org.get("id").is_none());
        let payload = json!({ "organization": org });
        assert!(payload_names_org(&payload, "0123abcd"));
        assert!(!payload_names_org(&payload, "0123abce"));
        let clear = json!({"organization": ReceiptKind::Run.organization("o1", "A")});
        assert!(payload_names_org(&clear, "o1"));
        assert!(!payload_names_org(&json!({}), "o1"));
    }

    #[test]
    fn sections_render_rows_and_skip_what_is_absent() {
        let payload = json!({"cook": {"base_model": "m", "pairs": 3}, "findings": [
            {"label": "Rule", "status": "pass", "severity": null, "detail": "ok"}]});
        let cook = &ReceiptKind::Cook.sections()[2];
        let rows = cook.rows(&payload);
        assert_eq!(rows[0], ("Base model".to_string(), "m".to_string()));
        assert_eq!(rows[2].1, "3");
        assert!(ReceiptKind::Cook.sections()[3].rows(&payload).is_empty());
        let findings = &ReceiptKind::Eval.sections()[4];
        assert_eq!(
            findings.rows(&payload),
            vec![("Rule".to_string(), "pass — ok".to_string())]
        );
        assert!(ReceiptKind::Eval
            .headline(&json!({"verdict": {"outcome": "fail", "score_100": 40}}))
            .contains("fail"));
    }
}
