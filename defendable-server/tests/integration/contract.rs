//! The contract: `openapi.json` is current, and it carries what the original's
//! contract tests lock (schema names, exact enum sets, paths).
//! `DEFENDABLE_UPDATE_OPENAPI=1 cargo test -p defendable-server --test integration -- contract::` rewrites the file.

use std::collections::BTreeSet;

use serde_json::Value;

fn committed_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi.json")
}

fn document() -> Value {
    serde_json::from_str(&defendable_contract::api::openapi_json()).unwrap()
}

#[test]
fn committed_openapi_is_current() {
    let rendered = defendable_contract::api::openapi_json();
    let path = committed_path();
    if std::env::var("DEFENDABLE_UPDATE_OPENAPI").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &rendered).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == rendered,
        "openapi.json is stale: run `DEFENDABLE_UPDATE_OPENAPI=1 cargo test -p defendable-server --test integration -- contract::`"
    );
}

/// Every enum value reachable from a property, following `$ref`s.
fn enum_values(doc: &Value, schema: &Value, out: &mut BTreeSet<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap();
        enum_values(doc, &doc["components"]["schemas"][name], out);
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        out.extend(values.iter().filter_map(|v| v.as_str().map(str::to_string)));
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(items) = schema.get(key).and_then(Value::as_array) {
            for item in items {
                enum_values(doc, item, out);
            }
        }
    }
}

fn property_enum(doc: &Value, schema: &str, property: &str) -> BTreeSet<String> {
    let prop = &doc["components"]["schemas"][schema]["properties"][property];
    assert!(!prop.is_null(), "{schema}.{property} is missing");
    let mut out = BTreeSet::new();
    enum_values(doc, prop, &mut out);
    out
}

fn set(values: &[&str]) -> BTreeSet<String> {
    values.iter().map(|s| s.to_string()).collect()
}

/// Every component the original's `test_openapi.py` names (REFERENCE.md section 8.2,
/// items 1 to 10): generated clients refer to these names.
#[test]
fn every_component_the_reference_names_exists() {
    let doc = document();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.0."));
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let reference = [
        // 1. doctrine
        "FlightSheet",
        "FlightSheetRule",
        "FlightSheetList",
        "Submission",
        "Check",
        "Finding",
        "Verdict",
        "Approval",
        "Receipt",
        "LedgerEntry",
        "LedgerList",
        "LedgerError",
        "LedgerVerifyResult",
        "PublicReceipt",
        "ChecksList",
        "FlagsList",
        // 2. organisations and keys
        "Org",
        "ApiKey",
        "ApiKeyCreated",
        "ApiKeyIn",
        "ApiKeyList",
        "UsageStats",
        // 3. membership
        "Membership",
        "MembershipApplicationIn",
        "MembershipApplicationView",
        // 4. policy
        "TrainingDataPolicy",
        // 5. the dataset catalog
        "DatasetPackage",
        "DatasetCatalog",
        "DatasetCatalogScorecard",
        "DatasetCatalogVertical",
        "DatasetCatalogAnchor",
        // 6. downloads
        "DatasetDownloadRequest",
        "DatasetDownloadGrant",
        "DatasetDownloadPackage",
        // 7. the model catalog
        "ModelCard",
        "ModelCatalog",
        "ModelCatalogScorecard",
        "ModelPinRequest",
        "ModelPinModel",
        "ModelPinReceiptOut",
        // 8. administration
        "AdminApplicationRow",
        "AdminApplicationList",
        // 9. approval and checkout
        "MembershipApproveIn",
        "MembershipCheckoutIn",
        "MembershipCheckoutOut",
        // 10. rollups
        "ReceiptRollup",
        "ReceiptRollupList",
    ];
    let missing: Vec<&str> = reference
        .iter()
        .copied()
        .filter(|name| !schemas.contains_key(*name))
        .collect();
    assert!(missing.is_empty(), "components missing: {missing:?}");
    let rollup = &schemas["ReceiptRollup"]["properties"];
    assert!(
        !rollup["payload_schema"].is_null(),
        "ReceiptRollup.payload_schema"
    );
    assert!(
        rollup["schema"].is_null(),
        "ReceiptRollup must not have `schema`"
    );
    // The names clients used before the rename are gone, so no client binds to both.
    for old in [
        "MembershipApplication",
        "CatalogAnchor",
        "DatasetScorecard",
        "VerticalSummary",
        "ModelScorecard",
    ] {
        assert!(!schemas.contains_key(old), "stale component {old}");
    }
}

#[test]
fn doctrine_enums_are_exact() {
    let doc = document();
    assert_eq!(
        property_enum(&doc, "Verdict", "severity"),
        set(&["honey", "jelly", "propolis"])
    );
    assert_eq!(
        property_enum(&doc, "Verdict", "outcome"),
        set(&["pass", "risk", "fail"])
    );
    let rule_severity = set(&[
        "high",
        "mid",
        "medium",
        "low",
        "critical",
        "noncritical",
        "honey",
        "jelly",
        "propolis",
        "minor",
    ]);
    assert_eq!(property_enum(&doc, "Check", "severity"), rule_severity);
    assert_eq!(property_enum(&doc, "Finding", "severity"), rule_severity);
    assert_eq!(
        property_enum(&doc, "FlightSheetRule", "severity"),
        rule_severity
    );
    assert_eq!(
        property_enum(&doc, "Check", "status"),
        set(&["pass", "flag", "open", "skip"])
    );
    assert_eq!(
        property_enum(&doc, "FlightSheetRule", "kind"),
        set(&["auto", "checklist"])
    );
    assert_eq!(
        property_enum(&doc, "Approval", "decision"),
        set(&["approved", "rejected", "escalated"])
    );
    assert_eq!(
        property_enum(&doc, "Org", "plan"),
        set(&["free", "pro", "enterprise"])
    );
    assert_eq!(
        property_enum(&doc, "Check", "kind"),
        set(&["auto", "checklist"])
    );
    assert_eq!(
        property_enum(&doc, "Check", "source"),
        set(&["auto", "operator"])
    );
    assert_eq!(
        property_enum(&doc, "Finding", "status"),
        set(&["pass", "flag", "open", "skip"])
    );
    let lanes = set(&["agent", "dataset", "compute", "other"]);
    assert_eq!(property_enum(&doc, "FlightSheet", "lane"), lanes);
    assert_eq!(property_enum(&doc, "Run", "lane"), lanes);
}

#[test]
fn the_contract_names_itself_and_requires_the_proof_fields() {
    let doc = document();
    assert_eq!(doc["info"]["title"], "DefendableCloud API");
    for (schema, fields) in [
        (
            "Receipt",
            &[
                "receipt_id",
                "org_seq",
                "parent_hash",
                "receipt_sha256",
                "share_url",
            ][..],
        ),
        (
            "PublicReceipt",
            &[
                "receipt_id",
                "receipt_sha256",
                "parent_hash",
                "payload",
                "verified",
            ][..],
        ),
        (
            "LedgerVerifyResult",
            &["ok", "receipts_checked", "error_count", "errors"][..],
        ),
        (
            "Verdict",
            &["outcome", "severity", "score", "score_100"][..],
        ),
    ] {
        let required: BTreeSet<String> = doc["components"]["schemas"][schema]["required"]
            .as_array()
            .unwrap_or_else(|| panic!("{schema} has no required list"))
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        for field in fields {
            assert!(
                required.contains(*field),
                "{schema}.{field} must be required"
            );
        }
    }
    // The doctrine's incident kinds have no `single_flag` (checked on the type; the
    // incident routes come later).
    assert!(defendable_contract::doctrine::IncidentKind::parse("single_flag").is_none());
}

#[test]
fn core_loop_paths_exist() {
    let doc = document();
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/", "get"),
        ("/healthz", "get"),
        ("/auth/request", "post"),
        ("/auth/verify", "post"),
        ("/auth/me", "get"),
        ("/org", "get"),
        ("/projects", "get"),
        ("/projects", "post"),
        ("/flight-sheets", "get"),
        ("/flight-sheets/{id_or_slug}", "get"),
        ("/runs", "get"),
        ("/runs", "post"),
        ("/runs/{run_id}", "get"),
        ("/runs/{run_id}/evidence", "post"),
        ("/runs/{run_id}/evidence/upload", "post"),
        ("/runs/{run_id}/submission", "post"),
        ("/runs/{run_id}/submission", "get"),
        ("/runs/{run_id}/audit", "post"),
        ("/runs/{run_id}/checks", "get"),
        ("/runs/{run_id}/checks", "post"),
        ("/runs/{run_id}/checks/{check_id}", "patch"),
        ("/runs/{run_id}/findings", "post"),
        ("/runs/{run_id}/flags", "get"),
        ("/runs/{run_id}/verdict", "get"),
        ("/runs/{run_id}/approve", "post"),
        ("/runs/{run_id}/receipt", "post"),
        ("/share/{token}", "get"),
        ("/share/{token}/pdf", "get"),
        ("/ledger", "get"),
        ("/ledger/verify", "get"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} is missing"
        );
    }
    // Progenitor cannot read multipart bodies: the published upload is octet-stream.
    let upload = &paths["/runs/{run_id}/evidence/upload"]["post"]["requestBody"]["content"];
    assert!(upload.get("application/octet-stream").is_some());
    assert!(upload.get("multipart/form-data").is_none());
    // Every error response is `{"detail"}`.
    let error = &doc["components"]["schemas"]["Error"];
    assert_eq!(error["required"], serde_json::json!(["detail"]));
}
