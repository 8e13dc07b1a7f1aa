//! The flight-sheet library: the built-in sheets embedded from
//! `defendable-server/flight_sheets/*.json`, loading and validating an
//! operator's directory of extra sheets, and the assignment text a run is issued.
//!
//! The file format and the threshold semantics are documented in
//! `defendable-server/flight_sheets/README.md`.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use defendable_contract::doctrine::{CheckKind, Lane, RuleSeverity};
use serde::{Deserialize, Serialize};

use super::{executor, MAX_KEY_CHARS, MAX_LABEL_CHARS};

/// A flight sheet: the rulebook a run is audited against.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FlightSheetDef {
    pub slug: String,
    pub name: String,
    pub version: String,
    pub lane: Lane,
    pub summary: String,
    pub purpose: String,
    pub assignment_instructions: String,
    pub required_inputs: Vec<String>,
    pub expected_outputs: Vec<String>,
    pub audit_checks: Vec<RuleDef>,
    /// A weighted score (0..100) below this cannot come out `pass`.
    pub pass_threshold: i64,
    /// A weighted score (0..100) below this comes out `fail`.
    pub fail_threshold: i64,
    /// Present on deterministic sheets: the executor's spec.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eval_spec: Option<serde_json::Value>,
}

/// One rule of a flight sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RuleDef {
    pub key: String,
    pub label: String,
    pub category: String,
    /// Defaults to `checklist` (an operator applies it).
    #[serde(default = "default_kind")]
    pub kind: CheckKind,
    /// Defaults to `noncritical`.
    #[serde(default = "default_severity")]
    pub severity: RuleSeverity,
}

fn default_kind() -> CheckKind {
    CheckKind::Checklist
}

fn default_severity() -> RuleSeverity {
    RuleSeverity::Noncritical
}

/// The built-in sheets, by file name: every `flight_sheets/*.json` (listed by
/// the build script).
const BUILTIN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_sheets.rs"));

/// The rule categories a sheet may use. `authority` marks rules about who may
/// sign off (approval authority, delegation limits).
pub const CATEGORIES: &[&str] = &[
    "structure",
    "schema",
    "math",
    "evidence",
    "policy",
    "readiness",
    "authority",
];

/// What is wrong with a sheet: the JSON path of the offending value (`$` is
/// the whole file) and the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Invalid {
    pub path: String,
    pub reason: String,
}

fn invalid(path: impl Into<String>, reason: impl Into<String>) -> Invalid {
    Invalid {
        path: path.into(),
        reason: reason.into(),
    }
}

/// One bad file of a sheet directory.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetProblem {
    pub file: String,
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at {}: {}", self.file, self.path, self.reason)
    }
}

/// Every problem found in a sheet directory (never just the first).
#[derive(Debug)]
pub struct LoadErrors(pub Vec<SheetProblem>);

impl std::fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} flight-sheet problem(s); nothing was loaded:",
            self.0.len()
        )?;
        for p in &self.0 {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadErrors {}

/// Parses and validates one sheet, naming the JSON path of what is wrong.
pub fn parse_sheet(text: &str) -> Result<FlightSheetDef, Invalid> {
    let mut de = serde_json::Deserializer::from_str(text);
    let def: FlightSheetDef = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = match e.path().to_string() {
            p if p == "." => "$".to_string(),
            p => format!("$.{p}"),
        };
        invalid(path, e.into_inner().to_string())
    })?;
    de.end()
        .map_err(|e| invalid("$", format!("text after the sheet: {e}")))?;
    validate(&def)?;
    Ok(def)
}

/// The built-in library. Panics if a built-in file is invalid (a unit test
/// parses them all).
pub fn builtin_library() -> Vec<FlightSheetDef> {
    BUILTIN
        .iter()
        .map(|(name, text)| {
            parse_sheet(text)
                .unwrap_or_else(|e| panic!("built-in {name} at {}: {}", e.path, e.reason))
        })
        .collect()
}

/// Loads every `*.json` file of `dir` (sorted by file name), validating each.
/// Every bad file is reported, with the JSON path and the reason; two files
/// with the same slug are a problem too. Any problem loads nothing.
pub fn load_dir(dir: &Path) -> Result<Vec<FlightSheetDef>, LoadErrors> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| {
        LoadErrors(vec![SheetProblem {
            file: shown.clone(),
            path: "$".into(),
            reason: format!("cannot read the directory: {e}"),
        }])
    })?;
    let mut paths = Vec::new();
    let mut problems = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if path.is_file() && path.extension().is_some_and(|e| e == "json") {
                    paths.push(path);
                }
            }
            Err(e) => problems.push(SheetProblem {
                file: shown.clone(),
                path: "$".into(),
                reason: format!("cannot list the directory: {e}"),
            }),
        }
    }
    paths.sort();
    let mut sheets = Vec::new();
    let mut slugs: HashMap<String, String> = HashMap::new();
    for path in paths {
        let file = path.display().to_string();
        let parsed = std::fs::read_to_string(&path)
            .map_err(|e| invalid("$", format!("cannot read the file: {e}")))
            .and_then(|text| parse_sheet(&text));
        match parsed {
            Ok(def) => {
                if let Some(first) = slugs.get(&def.slug) {
                    problems.push(SheetProblem {
                        file,
                        path: "$.slug".into(),
                        reason: format!("slug {:?} is already used by {first}", def.slug),
                    });
                    continue;
                }
                slugs.insert(def.slug.clone(), file);
                sheets.push(def);
            }
            Err(e) => problems.push(SheetProblem {
                file,
                path: e.path,
                reason: e.reason,
            }),
        }
    }
    if problems.is_empty() {
        Ok(sheets)
    } else {
        Err(LoadErrors(problems))
    }
}

/// Checks a sheet: slug, rule keys, labels and categories, thresholds and the
/// eval_spec.
pub fn validate(def: &FlightSheetDef) -> Result<(), Invalid> {
    if def.slug.is_empty() || def.slug.len() > MAX_KEY_CHARS {
        return Err(invalid(
            "$.slug",
            format!("must be 1 to {MAX_KEY_CHARS} characters"),
        ));
    }
    if !def
        .slug
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    {
        return Err(invalid(
            "$.slug",
            format!("{:?} may only contain a-z, 0-9, '_' and '-'", def.slug),
        ));
    }
    if def.name.trim().is_empty() {
        return Err(invalid("$.name", "must not be empty"));
    }
    if def.name.chars().count() > MAX_LABEL_CHARS {
        return Err(invalid(
            "$.name",
            format!("is longer than {MAX_LABEL_CHARS} characters"),
        ));
    }
    if def.version.trim().is_empty() {
        return Err(invalid("$.version", "must not be empty"));
    }
    let mut keys = HashSet::new();
    for (i, rule) in def.audit_checks.iter().enumerate() {
        let at = |field: &str| format!("$.audit_checks[{i}].{field}");
        if rule.key.is_empty() || rule.key.len() > MAX_KEY_CHARS {
            return Err(invalid(
                at("key"),
                format!("must be 1 to {MAX_KEY_CHARS} characters"),
            ));
        }
        if !keys.insert(rule.key.as_str()) {
            return Err(invalid(at("key"), format!("{:?} is used twice", rule.key)));
        }
        if rule.label.trim().is_empty() || rule.label.chars().count() > MAX_LABEL_CHARS {
            return Err(invalid(
                at("label"),
                format!("must be 1 to {MAX_LABEL_CHARS} characters"),
            ));
        }
        if !CATEGORIES.contains(&rule.category.as_str()) {
            return Err(invalid(
                at("category"),
                format!(
                    "{:?} is not one of {}",
                    super::truncate_chars(&rule.category, 40),
                    CATEGORIES.join(", ")
                ),
            ));
        }
    }
    if !(0..=100).contains(&def.pass_threshold) {
        return Err(invalid("$.pass_threshold", "must be between 0 and 100"));
    }
    if !(0..=100).contains(&def.fail_threshold) {
        return Err(invalid("$.fail_threshold", "must be between 0 and 100"));
    }
    if def.fail_threshold > def.pass_threshold {
        return Err(invalid(
            "$.fail_threshold",
            format!(
                "{} must not exceed pass_threshold ({})",
                def.fail_threshold, def.pass_threshold
            ),
        ));
    }
    if let Some(spec) = &def.eval_spec {
        executor::validate_spec(spec).map_err(|e| invalid("$.eval_spec", e))?;
    }
    Ok(())
}

/// The assignment text a run against `def` is issued: a header line
/// `ASSIGNMENT — <name>`, the instructions, the required inputs, the sections
/// to deliver (numbered; they are the headings the audit looks for) and the
/// standing rules.
pub fn build_assignment(def: &FlightSheetDef) -> String {
    let mut text = format!("ASSIGNMENT — {}\n\n", def.name.trim());
    let instructions = def.assignment_instructions.trim();
    if !instructions.is_empty() {
        text.push_str(instructions);
        text.push_str("\n\n");
    }
    if !def.required_inputs.is_empty() {
        text.push_str("Required inputs:\n");
        for input in &def.required_inputs {
            text.push_str(&format!("  - {input}\n"));
        }
        text.push('\n');
    }
    if !def.expected_outputs.is_empty() {
        text.push_str("Deliver these sections (use each as a heading):\n");
        for (i, output) in def.expected_outputs.iter().enumerate() {
            text.push_str(&format!("  {}. {output}\n", i + 1));
        }
        text.push('\n');
    }
    text.push_str(
        "Rules: use only the provided evidence. Label every assumption as an assumption. \
         If a required input is missing, say so instead of guessing. \
         Do not fabricate figures, sources or citations.\n",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_sheet_parses_and_validates() {
        let sheets = builtin_library();
        assert!(sheets.len() >= 10);
        let mut slugs = HashSet::new();
        for def in &sheets {
            assert!(
                slugs.insert(def.slug.clone()),
                "duplicate slug {}",
                def.slug
            );
            validate(def).unwrap();
            // The serialized form (what the database stores) reads back.
            let text = serde_json::to_string(def).unwrap();
            let back: FlightSheetDef = serde_json::from_str(&text).unwrap();
            assert_eq!(back.audit_checks, def.audit_checks);
            assert_eq!(back.eval_spec, def.eval_spec);
            // Families: underscore slugs are deterministic, hyphen slugs heuristic.
            if def.eval_spec.is_some() {
                assert!(
                    def.slug.contains('_') && !def.slug.contains('-'),
                    "{}",
                    def.slug
                );
            } else {
                assert!(
                    def.slug.contains('-') && !def.slug.contains('_'),
                    "{}",
                    def.slug
                );
                assert!(!def.expected_outputs.is_empty(), "{}", def.slug);
            }
        }
        for lane in Lane::ALL {
            assert!(
                sheets.iter().any(|d| d.lane == *lane),
                "no sheet for lane {lane}"
            );
        }
        assert!(sheets.iter().any(|d| d.eval_spec.is_none()
            && d.audit_checks
                .iter()
                .any(|r| r.kind == CheckKind::Checklist)));
        assert!(sheets.iter().any(|d| d.eval_spec.is_some()));
        // The file list matches the directory, so no sheet is forgotten.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("flight_sheets");
        assert_eq!(load_dir(&dir).unwrap().len(), sheets.len());
    }

    #[test]
    fn assignment_text_lists_inputs_and_sections() {
        let def = builtin_library()
            .into_iter()
            .find(|d| d.slug == "credit-memo-review")
            .unwrap();
        let text = build_assignment(&def);
        assert!(text.starts_with(&format!("ASSIGNMENT — {}\n\n", def.name)));
        assert!(text.contains(def.assignment_instructions.trim()));
        for input in &def.required_inputs {
            assert!(text.contains(&format!("  - {input}\n")));
        }
        assert!(text.contains(&format!("  1. {}\n", def.expected_outputs[0])));
        assert!(text.contains("Do not fabricate"));
    }

    /// A well-formed submission for each built-in deterministic sheet.
    fn sample_submission(slug: &str) -> serde_json::Value {
        use serde_json::json;
        let canon = |calcs: serde_json::Value| {
            json!({
                "assignment_id": "A-1", "agent_summary": "Sized the loan from the package.",
                "inputs_used": ["rent roll", "T12"], "missing_inputs": [],
                "claims": [{"claim": "GPR is 1.2M", "evidence_reference": "rent roll p.2", "confidence": 0.9}],
                "calculations": calcs,
                "risks": [{"risk": "Rollover in 2027", "severity": "jelly", "evidence_reference": "rent roll p.3"}],
                "assumptions": ["5% vacancy"], "open_questions": [], "final_output": {"loan": {"amount": 8000000}},
                "self_check": {"all_claims_cited": true, "inputs_complete": true, "calculations_verified": true}
            })
        };
        match slug {
            "invoice_totals_check" => json!({
                "invoice": {"number": "INV-7", "currency": "USD", "payment_terms_days": 30,
                    "lines": [{"sku": "a", "quantity": 2, "unit_price": 50, "amount": 100},
                              {"sku": "b", "quantity": 1, "unit_price": 50, "amount": 50}],
                    "subtotal": 150, "tax_rate": 0.1, "tax": 15, "total": 165},
                "calculations": [
                    {"name": "Invoice Subtotal", "formula": "a + b", "inputs": {"a": 100, "b": 50}, "result": 150, "units": "usd"},
                    {"name": "Invoice Tax", "formula": "subtotal * rate", "inputs": {"subtotal": 150, "rate": 0.1}, "result": 15, "units": "usd"},
                    {"name": "Invoice Total", "formula": "subtotal + tax", "inputs": {"subtotal": 150, "tax": 15}, "result": 165, "units": "usd"}],
                "claims": [{"claim": "Total is 165", "evidence_reference": "invoice p.1"}],
                "final_output": "Invoice INV-7 totals are consistent."
            }),
            "loan_dscr_ltv_check" => canon(json!([
                {"name": "Net Operating Income", "formula": "gpr - vacancy - opex", "inputs": {"gpr": 1200000, "vacancy": 60000, "opex": 400000}, "result": 740000, "units": "usd"},
                {"name": "Annual Debt Service", "formula": "loan * constant", "inputs": {"loan": 8000000, "constant": 0.075}, "result": 600000, "units": "usd"},
                {"name": "Debt Service Coverage Ratio", "formula": "noi / ads", "inputs": {"noi": 740000, "ads": 600000}, "result": 1.2333, "units": "x"},
                {"name": "Loan to Value", "formula": "loan / value", "inputs": {"loan": 8000000, "value": 12000000}, "result": 0.6667, "units": "ratio"}])),
            "agent_schema_compliance" => canon(json!([])),
            "dataset_quality_check" => json!({
                "dataset": {"name": "orders", "version": "3", "license": "CC-BY-4.0", "row_count": 1000, "column_count": 3,
                    "columns": [{"name": "id", "type": "int", "null_count": 0},
                                {"name": "sku", "type": "text", "null_count": 10},
                                {"name": "amount", "type": "decimal", "null_count": 20}]},
                "calculations": [
                    {"name": "Null Rate", "formula": "nulls / (rows * cols)", "inputs": {"nulls": 30, "rows": 1000, "cols": 3}, "result": 0.01},
                    {"name": "Duplicate Rate", "formula": "dups / rows", "inputs": {"dups": 5, "rows": 1000}, "result": 0.005}],
                "sources": [{"item": "row_count", "source": "SELECT count(*) log"}],
                "final_output": "Extract is usable."
            }),
            "compute_benchmark_check" => json!({
                "machine": {"provider": "p", "gpu_model": "H100", "gpu_count": 8, "vram_gb": 80, "hourly_price_usd": 20.0},
                "benchmark": {"name": "llm-serve", "version": "1.2", "tokens_per_second": 1000,
                    "runs": [{"run": 1, "tokens_per_second": 1000, "log_reference": "run1.log"},
                             {"run": 2, "tokens_per_second": 1010, "log_reference": "run2.log"},
                             {"run": 3, "tokens_per_second": 990, "log_reference": "run3.log"}]},
                "calculations": [
                    {"name": "Mean Throughput", "formula": "(r1 + r2 + r3) / 3", "inputs": {"r1": 1000, "r2": 1010, "r3": 990}, "result": 1000},
                    {"name": "Cost per Million Tokens", "formula": "price / (tps * 3600) * 1000000", "inputs": {"price": 20.0, "tps": 1000}, "result": 5.5556, "units": "usd"}],
                "final_output": "Machine matches the listing."
            }),
            "payout_reconciliation_check" => json!({
                "payout": {"period": "2026-10", "currency": "USD", "gross_sales": 10000, "fees": 350, "refunds": 150,
                    "net_payout": 9500, "bank_reference": "WIRE-1"},
                "orders": [{"order_id": "o1", "amount": 10000, "source": "orders.csv row 2"}],
                "calculations": [
                    {"name": "Net Payout", "formula": "gross - fees - refunds", "inputs": {"gross": 10000, "fees": 350, "refunds": 150}, "result": 9500, "units": "usd"},
                    {"name": "Fee Rate", "formula": "fees / gross", "inputs": {"fees": 350, "gross": 10000}, "result": 0.035}],
                "final_output": "Payout reconciles."
            }),
            other => panic!("no sample submission for {other}; add one"),
        }
    }

    #[test]
    fn deterministic_sheets_pass_a_well_formed_submission() {
        use crate::checks::verdict::{compute_verdict, Thresholds};
        use defendable_contract::doctrine::{CheckStatus, VerdictOutcome};
        for def in builtin_library() {
            let Some(spec) = &def.eval_spec else { continue };
            if fixture(&def.slug, "pass").exists() {
                continue; // covered by library_fixtures_pass_and_fail_as_named
            }
            let text = sample_submission(&def.slug).to_string();
            let out = executor::run_structured_audit(spec, &text);
            for c in &out {
                assert!(
                    matches!(c.status, CheckStatus::Pass | CheckStatus::Skip),
                    "{}: {} {:?}: {}",
                    def.slug,
                    c.check_key,
                    c.status,
                    c.detail
                );
            }
            let t = Thresholds {
                pass: def.pass_threshold,
                fail: def.fail_threshold,
            };
            assert_eq!(
                compute_verdict(&out, Some(t)).outcome,
                VerdictOutcome::Pass,
                "{}",
                def.slug
            );
            // And the two submissions of the end-to-end flow do not pass.
            for bad in ["not json at all", r#"{"still": "incomplete"}"#] {
                let out = executor::run_structured_audit(spec, bad);
                assert_ne!(
                    compute_verdict(&out, Some(t)).outcome,
                    VerdictOutcome::Pass,
                    "{}",
                    def.slug
                );
            }
        }
    }

    /// The sheet families of the library, each with at least three sheets.
    const FAMILIES: &[&str] = &[
        "genai_",
        "cre_memo_",
        "dataset_",
        "compute_",
        "doc_",
        "fin_",
        "evx_",
        "comp_",
        "client_",
        "repair_",
    ];

    fn fixture(slug: &str, kind: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("flight_sheets/tests")
            .join(format!("{slug}.{kind}.json"))
    }

    /// Every library sheet with fixtures passes its passing submission and, on
    /// its failing one, flags the rule the fixture names.
    #[test]
    fn library_fixtures_pass_and_fail_as_named() {
        use crate::checks::verdict::{compute_verdict, Thresholds};
        use defendable_contract::doctrine::{CheckStatus, VerdictOutcome};
        let library = builtin_library();
        let mut per_family: HashMap<&str, usize> = HashMap::new();
        let mut checked = 0;
        for def in &library {
            let pass_path = fixture(&def.slug, "pass");
            if !pass_path.exists() {
                continue;
            }
            let spec = def
                .eval_spec
                .as_ref()
                .expect("fixtures are for deterministic sheets");
            let t = Thresholds {
                pass: def.pass_threshold,
                fail: def.fail_threshold,
            };
            let pass = std::fs::read_to_string(&pass_path).unwrap();
            let out = executor::run_structured_audit(spec, &pass);
            for c in &out {
                assert_eq!(
                    c.status,
                    CheckStatus::Pass,
                    "{}: {} on the passing submission: {}",
                    def.slug,
                    c.check_key,
                    c.detail
                );
            }
            let v = compute_verdict(&out, Some(t));
            assert_eq!(
                v.outcome,
                VerdictOutcome::Pass,
                "{}: {}",
                def.slug,
                v.summary
            );

            let fail: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(fixture(&def.slug, "fail")).unwrap())
                    .unwrap();
            let key = fail["expect_flag"]
                .as_str()
                .expect("expect_flag names a rule");
            assert!(
                def.audit_checks.iter().any(|r| r.key == key),
                "{}: {key} is not a rule of the sheet",
                def.slug
            );
            let out = executor::run_structured_audit(spec, &fail["submission"].to_string());
            let hit = out
                .iter()
                .find(|c| c.check_key == key)
                .unwrap_or_else(|| panic!("{}: no {key} result", def.slug));
            assert_eq!(
                hit.status,
                CheckStatus::Flag,
                "{}: {key}: {}",
                def.slug,
                hit.detail
            );
            assert_ne!(
                compute_verdict(&out, Some(t)).outcome,
                VerdictOutcome::Pass,
                "{}",
                def.slug
            );
            let family = FAMILIES
                .iter()
                .find(|f| def.slug.starts_with(*f))
                .unwrap_or_else(|| panic!("{} is in no family", def.slug));
            *per_family.entry(family).or_default() += 1;
            checked += 1;
        }
        assert!(checked >= 30, "only {checked} sheets have fixtures");
        for family in FAMILIES {
            assert!(
                per_family.get(family).copied().unwrap_or(0) >= 3,
                "family {family}"
            );
        }
        // The seeds' sheet is there as documented.
        let seeds = library
            .iter()
            .find(|d| d.slug == "cre_memo_dscr_ltv_v1")
            .unwrap();
        assert_eq!(seeds.name, "DSCR and LTV Analysis");
        assert_eq!(seeds.lane, Lane::Agent);
        let gate = &seeds.audit_checks[0];
        assert_eq!(
            (
                gate.key.as_str(),
                gate.label.as_str(),
                gate.category.as_str()
            ),
            ("dscr_gate", "DSCR ≥ 1.20", "policy")
        );
        assert_eq!(
            (gate.kind, gate.severity),
            (CheckKind::Auto, RuleSeverity::Critical)
        );
        // Every fixture belongs to a sheet.
        for entry in std::fs::read_dir(fixture("x", "pass").parent().unwrap()).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            let slug = name.split('.').next().unwrap();
            assert!(
                library.iter().any(|d| d.slug == slug),
                "stray fixture {name}"
            );
        }
    }

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    fn minimal(slug: &str, extra: &str) -> String {
        format!(
            r#"{{"slug":"{slug}","name":"N","version":"1.0","lane":"other","summary":"","purpose":"",
            "assignment_instructions":"","required_inputs":[],"expected_outputs":[],
            "audit_checks":[{{"key":"k","label":"L","category":"policy"}}],
            "pass_threshold":80,"fail_threshold":60{extra}}}"#
        )
    }

    #[test]
    fn load_dir_validates_and_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "b.json", &minimal("b-sheet", ""));
        write(
            dir.path(),
            "a.json",
            &minimal("a_sheet", r#","eval_spec":{"rules":[]}"#),
        );
        write(dir.path(), "notes.txt", "ignored");
        let sheets = load_dir(dir.path()).unwrap();
        assert_eq!(sheets.len(), 2);
        assert_eq!(sheets[0].slug, "a_sheet");
        // Defaults: checklist, noncritical.
        assert_eq!(sheets[1].audit_checks[0].kind, CheckKind::Checklist);
        assert_eq!(
            sheets[1].audit_checks[0].severity,
            RuleSeverity::Noncritical
        );

        let cases = [
            minimal("Bad Slug", ""),
            minimal("", ""),
            minimal("x", "").replace("\"pass_threshold\":80", "\"pass_threshold\":50"),
            minimal("x", "").replace("\"pass_threshold\":80", "\"pass_threshold\":101"),
            minimal("x", r#","eval_spec":{"rules":[{"id":"r","expr":{"op":"bogus"}}]}"#),
            minimal("x", r#","eval_spec":"text""#),
            minimal("x", "").replace(
                r#"[{"key":"k","label":"L","category":"policy"}]"#,
                r#"[{"key":"k","label":"L","category":"policy"},{"key":"k","label":"M","category":"policy"}]"#,
            ),
            "{not json".to_string(),
        ];
        for (i, case) in cases.iter().enumerate() {
            let dir = tempfile::tempdir().unwrap();
            write(dir.path(), "broken.json", case);
            let err = format!("{:#}", load_dir(dir.path()).unwrap_err());
            assert!(err.contains("broken.json"), "case {i}: {err}");
        }

        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "one.json", &minimal("same", ""));
        write(dir.path(), "two.json", &minimal("same", ""));
        let err = format!("{:#}", load_dir(dir.path()).unwrap_err());
        assert!(err.contains("two.json") && err.contains("same"), "{err}");
    }

    #[test]
    fn every_bad_file_is_named_with_its_json_path() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..20 {
            write(
                dir.path(),
                &format!("good{i:02}.json"),
                &minimal(&format!("good-{i}"), ""),
            );
        }
        write(
            dir.path(),
            "bad_severity.json",
            &minimal("s", "").replace(
                r#""category":"policy"}"#,
                r#""category":"policy","severity":"huge"}"#,
            ),
        );
        write(
            dir.path(),
            "bad_category.json",
            &minimal("c", "").replace(r#""category":"policy""#, r#""category":"vibes""#),
        );
        write(
            dir.path(),
            "bad_rule.json",
            &minimal(
                "r",
                r#","eval_spec":{"rules":[{"id":"x","expr":{"op":"bogus"}}]}"#,
            ),
        );
        write(dir.path(), "bad_syntax.json", "{\"slug\": ");
        let errors = load_dir(dir.path()).unwrap_err();
        let found: Vec<(String, String)> = errors
            .0
            .iter()
            .map(|p| {
                let file = Path::new(&p.file)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .to_string();
                (file, p.path.clone())
            })
            .collect();
        let expected = [
            ("bad_category.json", "$.audit_checks[0].category"),
            ("bad_rule.json", "$.eval_spec"),
            ("bad_severity.json", "$.audit_checks[0].severity"),
            ("bad_syntax.json", "$.slug"),
        ];
        assert_eq!(found.len(), expected.len(), "{errors}");
        for ((file, path), (want_file, want_path)) in found.iter().zip(expected) {
            assert_eq!(
                (file.as_str(), path.as_str()),
                (want_file, want_path),
                "{errors}"
            );
        }
        let text = errors.to_string();
        assert!(text.starts_with("4 flight-sheet problem(s)"), "{text}");
        assert!(text.contains("unknown op"), "{text}");
        assert!(text.contains("\"vibes\" is not one of"), "{text}");

        // Every documented category is accepted, authority included.
        for category in CATEGORIES {
            let dir = tempfile::tempdir().unwrap();
            write(
                dir.path(),
                "a.json",
                &minimal("a", "").replace("\"policy\"", &format!("{category:?}")),
            );
            assert_eq!(load_dir(dir.path()).unwrap().len(), 1, "{category}");
        }
        let readme = include_str!("../../flight_sheets/README.md");
        for category in CATEGORIES {
            assert!(
                readme.contains(&format!("`{category}`")),
                "README lists {category}"
            );
        }
    }
}
