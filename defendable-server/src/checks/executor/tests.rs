//! The executor's behaviour, pinned: every part through `run_structured_audit` and
//! `validate_spec`, with the verdicts they lead to.

use super::*;
use crate::checks::verdict::{compute_verdict, Thresholds};
use defendable_contract::doctrine::VerdictOutcome;
use serde_json::json;

fn find<'a>(list: &'a [CheckOutcome], key: &str) -> &'a CheckOutcome {
    list.iter()
        .find(|c| c.check_key == key)
        .unwrap_or_else(|| panic!("no {key} in {list:#?}"))
}

fn spec() -> Value {
    json!({
        "required_output_schema": {"type": "object", "required": ["invoice.currency", "calculations", "claims"]},
        "deterministic_checks": [
            {"check": "Currency is supported", "match_field": "invoice.currency", "expected_values": ["USD", "EUR"]},
            {"check": "Lines are an array", "match_field": "invoice.lines", "type": "array"},
            {"check": "Lines carry sku and amount", "match_field": "invoice.lines", "required_keys": ["sku", "amount"]},
            {"check": "Line count", "match_field": "len(invoice.lines)", "expected_value": 2},
            {"name": "Described only", "description": "no match_field"}
        ],
        "evidence_checks": [
            {"check": "Claims cite an evidence_reference", "match_field": "claims"},
            {"name": "Explicit field", "field": "source", "match_field": "claims"}
        ],
        "rules": [
            {"id": "total_gate", "label": "Total under the cap", "severity": "critical",
             "expr": {"op": "<=", "left": {"calc": "Invoice Total"}, "right": 10000}},
            {"id": "all_cited", "label": "Every claim cited", "risk": "mid",
             "expr": {"op": "all_nonempty", "array": "claims", "field": "evidence_reference"}},
            {"id": "discount_ok", "label": "Discount only with approval",
             "expr": {"op": "if", "cond": {"op": ">", "left": {"field": "invoice.discount"}, "right": 0},
                      "then": {"op": "==", "left": {"field": "invoice.approved"}, "right": true}}},
            {"id": "absent", "label": "Uses a missing field",
             "expr": {"op": ">=", "left": {"field": "nope.none"}, "right": 1}},
            {"id": "total_approx", "label": "Total matches the stated total",
             "expr": {"op": "approx", "left": {"field": "invoice.stated_total"}, "right": {"calc": "Invoice Total"}, "monetary": true}}
        ]
    })
}

fn submission(total: f64, stated_total: f64) -> String {
    json!({
        "invoice": {"currency": "USD", "lines": [{"sku": "a", "amount": 100}, {"sku": "b", "amount": 50}],
                    "discount": 0, "approved": false, "stated_total": stated_total},
        "claims": [{"claim": "x", "evidence_reference": "exhibit A", "source": "file 1"}],
        "calculations": [
            {"name": "Invoice Total", "formula": "(a + b) * (1 + tax)", "inputs": {"a": 100, "b": 50, "tax": 0.1},
             "result": total, "units": "USD"}
        ]
    })
    .to_string()
}

#[test]
fn spec_used_in_tests_is_valid() {
    validate_spec(&spec()).unwrap();
}

#[test]
fn valid_submission_passes() {
    let out = run_structured_audit(&spec(), &submission(165.0, 165.0));
    for key in [
        "json_valid",
        "required_fields_present",
        "det_1",
        "det_2",
        "det_3",
        "det_4",
        "ev_1",
        "ev_2",
        "math_Invoice_Total",
        "total_gate",
        "all_cited",
        "discount_ok",
        "total_approx",
    ] {
        assert_eq!(
            find(&out, key).status,
            CheckStatus::Pass,
            "{key}: {}",
            find(&out, key).detail
        );
    }
    assert_eq!(find(&out, "det_5").status, CheckStatus::Skip);
    assert_eq!(find(&out, "det_5").label, "Described only");
    assert_eq!(find(&out, "absent").status, CheckStatus::Skip);
    assert!(out
        .iter()
        .all(|c| c.kind == CheckKind::Auto && c.source == CheckSource::Auto));
    assert!(out
        .iter()
        .all(|c| matches!(c.severity.as_str(), "high" | "mid" | "low")));
    assert_eq!(find(&out, "json_valid").severity, "high");
    assert_eq!(find(&out, "ev_1").severity, "mid");
    assert_eq!(find(&out, "det_5").severity, "low");
    assert_eq!(find(&out, "math_Invoice_Total").severity, "high");
    let v = compute_verdict(&out, Some(Thresholds { pass: 80, fail: 60 }));
    assert_eq!(v.outcome, VerdictOutcome::Pass, "{}", v.summary);
    assert_eq!(v.score_100, 100);
}

#[test]
fn math_penalty_bands() {
    // 0.5% off: within tolerance.
    let out = run_structured_audit(&spec(), &submission(165.8, 165.0));
    assert_eq!(find(&out, "math_Invoice_Total").status, CheckStatus::Pass);
    // 3% off: low.
    let out = run_structured_audit(&spec(), &submission(169.95, 165.0));
    let m = find(&out, "math_Invoice_Total");
    assert_eq!(
        (m.status, m.severity.as_str()),
        (CheckStatus::Flag, "low"),
        "{}",
        m.detail
    );
    assert!(
        m.detail.contains("minor variance") && m.detail.contains("$"),
        "{}",
        m.detail
    );
    // 7% off: mid.
    let out = run_structured_audit(&spec(), &submission(176.55, 165.0));
    assert_eq!(find(&out, "math_Invoice_Total").severity, "mid");
    // 20% off: high, and the verdict fails.
    let out = run_structured_audit(&spec(), &submission(198.0, 165.0));
    assert_eq!(find(&out, "math_Invoice_Total").severity, "high");
    assert_eq!(compute_verdict(&out, None).outcome, VerdictOutcome::Fail);
    // Monetary and ≥ $1000 off at ≥ 2%: high-dollar impact.
    let (tier, detail) = penalty(
        Number::Float(103_000.0),
        Number::Float(100_000.0),
        true,
        &Bands::default(),
    );
    assert_eq!(tier, Some(TierLevel::High));
    assert!(detail.contains("high-dollar impact"), "{detail}");
    let (tier, _) = penalty(
        Number::Int(103_000),
        Number::Int(100_000),
        false,
        &Bands::default(),
    );
    assert_eq!(tier, Some(TierLevel::Low));
    // Overridden bands.
    let bands = Bands::default().with(json!({"tol_rel": 0.05}).as_object());
    assert_eq!(
        penalty(Number::Int(104), Number::Int(100), false, &bands).0,
        None
    );
}

#[test]
fn approx_rule_takes_its_tier_from_the_miss() {
    let out = run_structured_audit(&spec(), &submission(165.0, 200.0));
    let r = find(&out, "total_approx");
    assert_eq!(r.status, CheckStatus::Flag);
    assert_eq!(r.severity, "high");
}

#[test]
fn failing_rules_and_fields() {
    let text = json!({
        "invoice": {"currency": "GBP", "lines": "none", "discount": 5, "approved": false, "stated_total": 1},
        "claims": [{"claim": "x", "evidence_reference": "  "}],
        "calculations": [{"name": "Invoice Total", "formula": "a * 100", "inputs": {"a": 200}, "result": 20000}]
    })
    .to_string();
    let out = run_structured_audit(&spec(), &text);
    for key in [
        "det_1",
        "det_2",
        "det_3",
        "ev_1",
        "ev_2",
        "total_gate",
        "all_cited",
        "discount_ok",
    ] {
        assert_eq!(find(&out, key).status, CheckStatus::Flag, "{key}");
    }
    assert_eq!(find(&out, "det_4").status, CheckStatus::Flag); // len of a string is 4, not 2
    assert_eq!(find(&out, "total_gate").severity, "high");
    assert_eq!(find(&out, "all_cited").severity, "mid");
    assert_eq!(find(&out, "discount_ok").severity, "mid");
    assert!(
        find(&out, "total_gate").detail.contains("20000"),
        "{}",
        find(&out, "total_gate").detail
    );
    assert_eq!(compute_verdict(&out, None).outcome, VerdictOutcome::Fail);
}

#[test]
fn not_json_fails_closed() {
    for text in [
        "not json at all",
        "[1, 2]",
        "42",
        "\"text\"",
        "",
        "{\"a\": ",
    ] {
        let out = run_structured_audit(&spec(), text);
        assert_eq!(out.len(), 1, "{text}");
        assert_eq!(out[0].check_key, "json_valid");
        assert_eq!(out[0].status, CheckStatus::Flag);
        assert_eq!(out[0].severity, "high");
        assert!(out[0].detail.starts_with("Not valid JSON: "));
        let v = compute_verdict(&out, Some(Thresholds { pass: 80, fail: 60 }));
        assert_eq!(v.outcome, VerdictOutcome::Fail);
        assert_eq!(
            v.severity,
            defendable_contract::doctrine::Severity::Propolis
        );
    }
}

#[test]
fn incomplete_object_does_not_pass() {
    let out = run_structured_audit(&spec(), r#"{"still": "incomplete"}"#);
    assert_eq!(
        find(&out, "required_fields_present").status,
        CheckStatus::Flag
    );
    assert_ne!(
        compute_verdict(&out, Some(Thresholds { pass: 80, fail: 60 })).outcome,
        VerdictOutcome::Pass
    );
}

#[test]
fn formulas_are_numbers_only_and_bounded() {
    let inputs = json!({"a": 2, "b": 3, "big": 1e300})
        .as_object()
        .unwrap()
        .clone();
    assert_eq!(eval_formula("a ^ b", &inputs), Ok(Number::Int(8)));
    assert_eq!(eval_formula("a ** b ** 2", &inputs), Ok(Number::Int(512)));
    assert_eq!(eval_formula("-a ** 2", &inputs), Ok(Number::Int(-4)));
    assert_eq!(eval_formula("7 // a + 7 % b", &inputs), Ok(Number::Int(4)));
    assert_eq!(eval_formula("-7 % 3", &inputs), Ok(Number::Int(2)));
    assert_eq!(eval_formula("-7 // 2", &inputs), Ok(Number::Int(-4)));
    assert_eq!(eval_formula("7 / 2", &inputs), Ok(Number::Float(3.5)));
    assert_eq!(eval_formula("a ** -1", &inputs), Ok(Number::Float(0.5)));
    assert_eq!(
        eval_formula("1.5e2 / (a + b)", &inputs),
        Ok(Number::Float(30.0))
    );
    assert_eq!(eval_formula("2 ** 65", &inputs), Ok(Number::Int(1 << 65)));
    for hostile in [
        "9**9**9",
        "9 ** 999",
        "a ** 1e9",
        "2 ** 1001",
        "10.0 ** 400",
    ] {
        assert!(
            matches!(eval_formula(hostile, &inputs), Err(FormulaError::Limit(_))),
            "{hostile}"
        );
    }
    assert!(matches!(
        eval_formula("1e400", &inputs),
        Err(FormulaError::Limit(_))
    ));
    assert!(matches!(
        eval_formula("big * big", &inputs),
        Err(FormulaError::Limit(_))
    ));
    assert!(matches!(
        eval_formula("a / 0", &inputs),
        Err(FormulaError::Undefined(_))
    ));
    assert!(matches!(
        eval_formula(&"(".repeat(10_000), &inputs),
        Err(FormulaError::Limit(_))
    ));
    assert!(matches!(
        eval_formula(&format!("{}1{}", "(".repeat(100), ")".repeat(100)), &inputs),
        Err(FormulaError::Limit(_))
    ));
    assert!(matches!(
        eval_formula(&"-".repeat(400), &inputs),
        Err(FormulaError::Limit(_))
    ));
    for not_math in [
        "\"x\" * 10",
        "__import__('os')",
        "a if b else 1",
        "c + 1",
        "a +",
        "",
        "a b",
        "max(a, b)",
        "a[0]",
    ] {
        assert_eq!(
            eval_formula(not_math, &inputs),
            Err(FormulaError::NotArithmetic),
            "{not_math}"
        );
    }
}

#[test]
fn hostile_submissions_are_bounded() {
    let spec = spec();
    // Huge exponent in a calculation: skipped, quickly.
    let text = json!({"calculations": [
        {"name": "boom", "formula": "9**9**9", "inputs": {}, "result": 1},
        {"name": "strings", "formula": "'x' * 10**9", "inputs": {}, "result": 1},
        {"name": "n", "formula": "a * 2", "inputs": {"a": true}, "result": 2},
        {"name": "overflow", "formula": "a * 2", "inputs": {"a": 1e300}, "result": 2}
    ]})
    .to_string();
    let out = run_structured_audit(&spec, &text);
    for key in ["math_strings", "math_n"] {
        assert_eq!(find(&out, key).status, CheckStatus::Skip, "{key}");
    }
    // A limit leaves the calculation unchecked: a mid flag that says so.
    let boom = find(&out, "math_boom");
    assert_eq!(
        (boom.status, boom.severity.as_str()),
        (CheckStatus::Flag, "mid")
    );
    assert!(boom.detail.contains("documented limit"), "{}", boom.detail);
    // Large floats are evaluated as the original does: 2e300 is not 2.
    let overflow = find(&out, "math_overflow");
    assert_eq!(
        (overflow.status, overflow.severity.as_str()),
        (CheckStatus::Flag, "high")
    );
    assert!(find(&out, "math_n").detail.contains("Non-numeric"));

    // Long and odd names: keys and labels stay within the column limits.
    let long = "é".repeat(5000);
    let calcs: Vec<Value> = (0..3)
        .map(|_| json!({"name": long, "formula": "1 + 1", "inputs": {}, "result": 2}))
        .collect();
    let out = run_structured_audit(&spec, &json!({"calculations": calcs}).to_string());
    let keys: HashSet<&str> = out.iter().map(|c| c.check_key.as_str()).collect();
    assert_eq!(keys.len(), out.len(), "keys are unique");
    for c in &out {
        assert!(c.check_key.len() <= MAX_KEY_CHARS, "{}", c.check_key);
        assert!(c
            .check_key
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == '-'));
        assert!(c.label.chars().count() <= MAX_LABEL_CHARS);
        assert!(c.detail.chars().count() <= MAX_DETAIL_CHARS);
    }

    // Many calculations: capped.
    let calcs: Vec<Value> = (0..5000)
        .map(|i| json!({"name": format!("c{i}"), "formula": "1", "inputs": {}, "result": 1}))
        .collect();
    let out = run_structured_audit(&spec, &json!({"calculations": calcs}).to_string());
    assert!(out.len() < MAX_CALCULATIONS + 30);
    let limit = find(&out, "math_limit");
    assert_eq!(
        (limit.status, limit.severity.as_str()),
        (CheckStatus::Flag, "mid")
    );
    assert!(limit.detail.starts_with("4900 of 5000"), "{}", limit.detail);

    // Deep nesting: refused by the parser, never a stack overflow.
    let deep = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    let out = run_structured_audit(&spec, &deep);
    assert_eq!(out[0].status, CheckStatus::Flag);
    assert_eq!(out[0].check_key, "json_within_limits");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        run_structured_audit(&spec, &deep)[0].status,
        CheckStatus::Flag
    );

    // Huge numbers and long strings in fields.
    let text = format!(
        r#"{{"invoice": {{"currency": "{}", "stated_total": 1e308, "lines": []}}, "claims": [], "calculations": [{{"name": "Invoice Total", "formula": "1", "inputs": {{}}, "result": 1e308}}]}}"#,
        "U".repeat(1_000_000)
    );
    let out = run_structured_audit(&spec, &text);
    assert!(find(&out, "det_1").detail.len() < 1000);
    assert_eq!(find(&out, "math_Invoice_Total").status, CheckStatus::Flag);
    let _ = run_structured_audit(&spec, "1e999999");
    let _ = run_structured_audit(&spec, &format!("{{\"a\": 1{}}}", "0".repeat(100_000)));
}

#[test]
fn hostile_specs_are_refused_and_still_safe_at_runtime() {
    let mut deep = json!({"op": "==", "left": 1, "right": 1});
    for _ in 0..100 {
        deep = json!({"op": "not", "term": deep});
    }
    let bad_specs = [
        json!("text"),
        json!({"rules": [{"id": "x", "expr": deep.clone()}]}),
        json!({"rules": [{"id": "x", "expr": {"op": "and", "terms": (0..300).map(|_| json!({"op": "==", "left": 1, "right": 1})).collect::<Vec<_>>()}}]}),
        json!({"rules": [{"id": "x", "expr": {"op": "eval", "code": "1"}}]}),
        json!({"rules": [{"id": "x", "expr": {"op": "==", "left": "x".repeat(5000), "right": 1}}]}),
        json!({"rules": [{"id": "has space", "expr": {"op": "==", "left": 1, "right": 1}}]}),
        json!({"rules": [{"id": "k".repeat(65), "expr": {"op": "==", "left": 1, "right": 1}}]}),
        json!({"rules": [{"id": "a", "expr": {"op": "==", "left": 1, "right": 1}}, {"id": "a", "expr": {"op": "==", "left": 1, "right": 1}}]}),
        json!({"rules": [{"id": "a", "label": "l".repeat(301), "expr": {"op": "==", "left": 1, "right": 1}}]}),
        json!({"rules": [{"id": "a", "risk": "extreme", "expr": {"op": "==", "left": 1, "right": 1}}]}),
        json!({"penalty": {"tol_rel": -1}}),
        json!({"penalty": {"surprise": 1}}),
        json!({"deterministic_checks": [{"match_field": "a", "type": "date"}]}),
        json!({"deterministic_checks": "all"}),
        json!({"required_output_schema": {"required": [1]}}),
    ];
    for (i, s) in bad_specs.iter().enumerate() {
        assert!(validate_spec(s).is_err(), "spec {i} should be refused");
        // Even unvalidated, the executor stays safe.
        let _ = run_structured_audit(s, r#"{"a": 1}"#);
    }
    let out = run_structured_audit(&json!({"rules": [{"id": "x", "expr": deep}]}), "{}");
    assert_eq!(out[1].status, CheckStatus::Skip);
}

#[test]
fn integer_arithmetic_is_exact() {
    let calc = |formula: &str, inputs: Value, result: Value| {
        let text = json!({"calculations": [{"name": "exact", "formula": formula, "inputs": inputs, "result": result}]});
        let out = run_structured_audit(&spec(), &text.to_string());
        find(&out, "math_exact").clone()
    };
    let c = calc("(10 ** 17 + 1) - 10 ** 17", json!({}), json!(1));
    assert_eq!(c.status, CheckStatus::Pass, "{}", c.detail);
    let c = calc("(10 ** 17 + 1) - 10 ** 17", json!({}), json!(0));
    assert_eq!(c.status, CheckStatus::Flag, "{}", c.detail);
    let c = calc(
        "a - b",
        json!({"a": 100_000_000_000_000_001_u64, "b": 100_000_000_000_000_000_u64}),
        json!(1),
    );
    assert_eq!(c.status, CheckStatus::Pass, "{}", c.detail);
    let c = calc(
        "a * a",
        json!({"a": 3_000_000_000_u64}),
        json!(9_000_000_000_000_000_000_u64),
    );
    assert_eq!(c.status, CheckStatus::Pass, "{}", c.detail);
    // Floats stay floats.
    let c = calc("a / 3", json!({"a": 1}), json!(0.3333));
    assert_eq!(c.status, CheckStatus::Pass, "{}", c.detail);
    // Beyond 128 bits the engine stops, and says so.
    let c = calc("10 ** 40 * 10 ** 40", json!({}), json!(1));
    assert_eq!((c.status, c.severity.as_str()), (CheckStatus::Flag, "mid"));
    assert!(c.detail.contains("128 bits"), "{}", c.detail);
}

#[test]
fn the_calculation_cap_cannot_hide_wrong_math() {
    let mut calcs: Vec<Value> = (0..100)
        .map(|i| json!({"name": format!("ok{i}"), "formula": "a * 2", "inputs": {"a": i}, "result": i * 2}))
        .collect();
    calcs.extend((0..5).map(|i| {
        json!({"name": format!("bad{i}"), "formula": "a * 2", "inputs": {"a": 100}, "result": 300})
    }));
    let text = json!({"calculations": calcs});
    let out = run_structured_audit(&json!({}), &text.to_string());
    let limit = find(&out, "math_limit");
    assert_eq!(
        (limit.status, limit.severity.as_str()),
        (CheckStatus::Flag, "mid")
    );
    assert!(
        limit
            .detail
            .starts_with("5 of 105 calculations were not re-derived"),
        "{}",
        limit.detail
    );
    let v = compute_verdict(&out, Some(Thresholds { pass: 80, fail: 60 }));
    assert_eq!(v.outcome, VerdictOutcome::Risk, "{}", v.summary);
}

#[test]
fn deep_json_and_huge_numbers_are_not_called_invalid() {
    // 200 levels: valid, read and audited.
    let deep = format!(
        r#"{{"invoice": {{"currency": "USD"}}, "claims": [], "calculations": [], "deep": {}1{}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    let out = run_structured_audit(&spec(), &deep);
    assert_eq!(find(&out, "json_valid").status, CheckStatus::Pass);
    assert_eq!(
        find(&out, "required_fields_present").status,
        CheckStatus::Pass
    );
    // Right at the limit: still read (and no stack overflow on a 2 MiB thread).
    let edge = format!(
        "{{\"a\": {}1{}}}",
        "[".repeat(MAX_JSON_DEPTH - 1),
        "]".repeat(MAX_JSON_DEPTH - 1)
    );
    let out = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || run_structured_audit(&json!({}), &edge))
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(find(&out, "json_valid").status, CheckStatus::Pass);
    // Brackets inside strings do not count.
    let text = format!(r#"{{"s": "{}"}}"#, "[{".repeat(5000));
    assert_eq!(
        find(&run_structured_audit(&spec(), &text), "json_valid").status,
        CheckStatus::Pass
    );
    // Beyond the documented depth: a flag that names the limit.
    let deeper = format!(
        "{{\"a\": {}1{}}}",
        "[".repeat(MAX_JSON_DEPTH),
        "]".repeat(MAX_JSON_DEPTH)
    );
    let out = run_structured_audit(&spec(), &deeper);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].check_key, "json_within_limits");
    assert!(
        out[0].detail.contains("deeper than 512 levels"),
        "{}",
        out[0].detail
    );
    assert!(!out[0].detail.contains("Not valid JSON"));
    // A number beyond the float range: named as a limit, not as invalid JSON.
    let out = run_structured_audit(&spec(), r#"{"calculations": [], "x": 1e400}"#);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].check_key, "json_within_limits");
    assert!(out[0].detail.contains("±1.8e308"), "{}", out[0].detail);
    assert_ne!(compute_verdict(&out, None).outcome, VerdictOutcome::Pass);
}

#[test]
fn dsl_operators() {
    let root = json!({"n": 5, "s": "abc", "arr": [{"f": 1}, {"f": ""}], "calculations": [{"name": "C", "result": 2.0}]});
    let mut ctx = Ctx {
        root: &root,
        bands: Bands::default(),
        budget: MAX_EXPR_NODES,
    };
    let cases = [
        (
            json!({"op": "==", "left": {"field": "n"}, "right": 5.0}),
            Some(true),
        ),
        (
            json!({"op": "!=", "left": {"field": "s"}, "right": "abc"}),
            Some(false),
        ),
        (json!({"op": ">", "left": {"field": "s"}, "right": 1}), None),
        (
            json!({"op": "<", "left": {"calc": "C"}, "right": 3}),
            Some(true),
        ),
        (
            json!({"op": "==", "left": {"len": "arr"}, "right": 2}),
            Some(true),
        ),
        (
            json!({"op": "==", "left": {"field": "len(s)"}, "right": 3}),
            Some(true),
        ),
        (
            json!({"op": "in", "left": {"field": "s"}, "right": ["abc", "d"]}),
            Some(true),
        ),
        (
            json!({"op": "all_nonempty", "array": "arr", "field": "f"}),
            Some(false),
        ),
        (
            json!({"op": "and", "terms": [{"op": "==", "left": 1, "right": 1}, {"op": ">", "left": {"field": "zz"}, "right": 1}]}),
            None,
        ),
        (
            json!({"op": "or", "terms": [{"op": "==", "left": 1, "right": 2}, {"op": "==", "left": 1, "right": 1}]}),
            Some(true),
        ),
        (
            json!({"op": "not", "term": {"op": "==", "left": 1, "right": 2}}),
            Some(true),
        ),
        (
            json!({"op": "if", "cond": {"op": "==", "left": 1, "right": 2}, "then": {"op": "==", "left": 1, "right": 2}}),
            Some(true),
        ),
        (
            json!({"op": "approx", "left": {"calc": "C"}, "right": 2.01}),
            Some(true),
        ),
        (
            json!({"op": "<", "left": {"calc": "Missing"}, "right": 3}),
            None,
        ),
    ];
    for (expr, expected) in cases {
        ctx.budget = MAX_EXPR_NODES;
        assert_eq!(eval(&expr, &mut ctx, 1), expected, "{expr}");
    }
}
