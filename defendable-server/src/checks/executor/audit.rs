//! The audit itself: required fields, typed and expected-value checks, evidence
//! references, math re-derivation and DSL rules, in the order the original runs them.

use super::*;

pub(super) fn auto(
    key: &str,
    label: &str,
    category: &str,
    severity: &str,
    status: CheckStatus,
    detail: String,
) -> CheckOutcome {
    CheckOutcome {
        check_key: truncate_chars(key, MAX_KEY_CHARS),
        label: truncate_chars(label, MAX_LABEL_CHARS),
        category: category.to_string(),
        kind: CheckKind::Auto,
        severity: severity.to_string(),
        source: CheckSource::Auto,
        status,
        detail: truncate_chars(&detail, MAX_DETAIL_CHARS),
        score: None,
    }
}

pub(super) fn spec_list<'a>(spec: &'a Value, key: &str) -> &'a [Value] {
    spec.get(key)
        .and_then(Value::as_array)
        .map_or(&[], |v| &v[..v.len().min(MAX_SPEC_ITEMS)])
}

/// A check's explicit severity as a tier spelling, or `default`.
pub(super) fn explicit_severity(chk: &Map<String, Value>, default: &str) -> String {
    match chk.get("severity").and_then(Value::as_str) {
        Some(s) if RuleSeverity::parse(s).is_some() => tier_of(Some(s)).as_str().to_string(),
        _ => default.to_string(),
    }
}

pub(super) fn deterministic_check(i: usize, chk: &Value, root: &Value) -> CheckOutcome {
    let key = format!("det_{}", i + 1);
    let empty = Map::new();
    let chk = chk.as_object().unwrap_or(&empty);
    let fallback = format!("check {}", i + 1);
    let label = text_field(chk, "check")
        .or_else(|| text_field(chk, "name"))
        .unwrap_or(&fallback);
    let severity = explicit_severity(chk, "critical");
    let Some(path) = chk.get("match_field").and_then(Value::as_str) else {
        return auto(
            &key,
            label,
            "structure",
            "noncritical",
            CheckStatus::Skip,
            "No match_field; not machine-checkable.".into(),
        );
    };
    let value = resolve(root, path);
    let shown = truncate_chars(path, 80);
    let verdict = |category: &str, ok: bool, detail: String| {
        let status = if ok {
            CheckStatus::Pass
        } else {
            CheckStatus::Flag
        };
        auto(&key, label, category, &severity, status, detail)
    };
    if let Some(expected) = chk.get("expected_values").and_then(Value::as_array) {
        return match value {
            Some(v) if expected.iter().any(|e| json_eq(&v, e)) => verdict(
                "structure",
                true,
                format!("{shown} = {} is allowed.", short(&v)),
            ),
            Some(v) => verdict(
                "structure",
                false,
                format!("{shown} = {} is not one of the allowed values.", short(&v)),
            ),
            None => verdict("structure", false, format!("{shown} is missing.")),
        };
    }
    if let Some(t) = chk.get("type").and_then(Value::as_str) {
        let ok = value.as_deref().is_some_and(|v| match t {
            "array" => v.is_array(),
            "object" => v.is_object(),
            "number" => v.is_number(),
            "string" => v.is_string(),
            "boolean" => v.is_boolean(),
            _ => false,
        });
        let detail = match (&value, ok) {
            (None, _) => format!("{shown} is missing."),
            (Some(_), true) => format!("{shown} is a {t}."),
            (Some(_), false) => format!("{shown} is not a {t}."),
        };
        return verdict("schema", ok, detail);
    }
    if let Some(keys) = chk.get("required_keys").and_then(Value::as_array) {
        let keys: Vec<&str> = keys.iter().filter_map(Value::as_str).collect();
        let Some(v) = value else {
            return verdict("schema", false, format!("{shown} is missing."));
        };
        let Some(items) = v.as_array() else {
            return verdict("schema", false, format!("{shown} is not an array."));
        };
        let bad: Vec<String> = items
            .iter()
            .enumerate()
            .filter(|(_, it)| {
                !it.as_object()
                    .is_some_and(|o| keys.iter().all(|k| o.contains_key(*k)))
            })
            .map(|(n, _)| n.to_string())
            .take(10)
            .collect();
        return if bad.is_empty() {
            verdict(
                "schema",
                true,
                format!(
                    "All {} item(s) of {shown} hold {}.",
                    items.len(),
                    keys.join(", ")
                ),
            )
        } else {
            verdict(
                "schema",
                false,
                format!(
                    "Item(s) {} of {shown} lack one of {}.",
                    bad.join(", "),
                    keys.join(", ")
                ),
            )
        };
    }
    if let Some(expected) = chk.get("expected_value") {
        return match value {
            Some(v) if json_eq(&v, expected) => {
                verdict("structure", true, format!("{shown} = {}.", short(&v)))
            }
            Some(v) => verdict(
                "structure",
                false,
                format!("{shown} = {}, expected {}.", short(&v), short(expected)),
            ),
            None => verdict("structure", false, format!("{shown} is missing.")),
        };
    }
    auto(
        &key,
        label,
        "structure",
        "noncritical",
        CheckStatus::Skip,
        "No expectation given; nothing to check.".into(),
    )
}

pub(super) fn evidence_check(i: usize, chk: &Value, root: &Value) -> CheckOutcome {
    let key = format!("ev_{}", i + 1);
    let empty = Map::new();
    let chk = chk.as_object().unwrap_or(&empty);
    let fallback = format!("evidence {}", i + 1);
    let label = text_field(chk, "check")
        .or_else(|| text_field(chk, "name"))
        .unwrap_or(&fallback);
    let severity = explicit_severity(chk, "critical");
    let skip = |detail: &str| {
        auto(
            &key,
            label,
            "evidence",
            "noncritical",
            CheckStatus::Skip,
            detail.to_string(),
        )
    };
    let field = match text_field(chk, "field") {
        Some(f) => Some(f.to_string()),
        None => {
            let text = format!(
                "{} {}",
                chk.get("condition")
                    .and_then(Value::as_str)
                    .unwrap_or_default(),
                chk.get("check").and_then(Value::as_str).unwrap_or_default()
            )
            .to_lowercase();
            ["evidence_reference", "source_location", "source"]
                .iter()
                .find(|f| text.contains(*f))
                .map(|f| f.to_string())
        }
    };
    let (Some(field), Some(path)) = (field, chk.get("match_field").and_then(Value::as_str)) else {
        return skip("No field or match_field; not machine-checkable.");
    };
    let Some(value) = resolve(root, path) else {
        return skip("Nothing at match_field to check.");
    };
    let Some(items) = value.as_array() else {
        return skip("match_field is not an array; not checkable.");
    };
    let field_shown = truncate_chars(&field, 80);
    let bad: Vec<String> = items
        .iter()
        .enumerate()
        .filter(|(_, it)| !it.as_object().is_some_and(|o| non_empty(o.get(&field))))
        .map(|(n, _)| n.to_string())
        .collect();
    if bad.is_empty() {
        auto(
            &key,
            label,
            "evidence",
            &severity,
            CheckStatus::Pass,
            format!("All {} item(s) carry {field_shown}.", items.len()),
        )
    } else {
        let shown: Vec<String> = bad.iter().take(10).cloned().collect();
        auto(
            &key,
            label,
            "evidence",
            &severity,
            CheckStatus::Flag,
            format!(
                "{} of {} item(s) lack {field_shown} (items {}).",
                bad.len(),
                items.len(),
                shown.join(", ")
            ),
        )
    }
}

/// Why a limit of the engine left part of a submission unchecked.
pub(super) fn limit_note(why: &str) -> String {
    format!("Not re-derived: {why} (a documented limit of the engine); check it by hand.")
}

pub(super) fn math_checks(root: &Value, bands: &Bands) -> Vec<CheckOutcome> {
    let Some(calcs) = root.get("calculations").and_then(Value::as_array) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, calc) in calcs.iter().enumerate().take(MAX_CALCULATIONS) {
        let Some(calc) = calc.as_object() else {
            continue;
        };
        let (Some(formula), Some(inputs), Some(stated)) = (
            calc.get("formula").and_then(Value::as_str),
            calc.get("inputs").and_then(Value::as_object),
            calc.get("result").and_then(Number::of),
        ) else {
            continue;
        };
        let fallback = format!("calc_{}", i + 1);
        let name = text_field(calc, "name").unwrap_or(&fallback);
        let key = sanitize_key(&format!("math_{name}"));
        let label = format!("Math: {name}");
        let skip = |detail: String| auto(&key, &label, "math", "", CheckStatus::Skip, detail);
        let unchecked = |why: &str| {
            auto(
                &key,
                &label,
                "math",
                "mid",
                CheckStatus::Flag,
                limit_note(why),
            )
        };
        if inputs.len() > MAX_CALC_INPUTS {
            out.push(unchecked(&format!("more than {MAX_CALC_INPUTS} inputs")));
            continue;
        }
        if inputs.values().any(|v| Number::of(v).is_none()) {
            out.push(skip("Non-numeric inputs; skipped.".into()));
            continue;
        }
        let truth = match eval_formula(formula, inputs) {
            Ok(v) => v,
            Err(FormulaError::NotArithmetic) => {
                out.push(skip(
                    "Formula not pure-arithmetic; not verifiable in v1.".into(),
                ));
                continue;
            }
            Err(FormulaError::Undefined(why)) => {
                out.push(skip(format!("Formula not evaluable: {why}.")));
                continue;
            }
            Err(FormulaError::Limit(why)) => {
                out.push(unchecked(&why));
                continue;
            }
        };
        let units = calc
            .get("units")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let (tier, detail) = penalty(stated, truth, is_monetary(name, units), bands);
        out.push(match tier {
            None => auto(&key, &label, "math", "", CheckStatus::Pass, detail),
            Some(t) => auto(&key, &label, "math", t.as_str(), CheckStatus::Flag, detail),
        });
    }
    if calcs.len() > MAX_CALCULATIONS {
        let left = calcs.len() - MAX_CALCULATIONS;
        out.push(auto(
            "math_limit",
            "Math: calculation limit",
            "math",
            "mid",
            CheckStatus::Flag,
            format!(
                "{left} of {} calculations were not re-derived: the engine re-derives at most \
                 the first {MAX_CALCULATIONS} (a documented limit); check the rest by hand.",
                calcs.len()
            ),
        ));
    }
    out
}

pub(super) fn rule_checks(spec: &Value, root: &Value, bands: Bands) -> Vec<CheckOutcome> {
    let mut out = Vec::new();
    for (i, rule) in spec_list(spec, "rules").iter().enumerate() {
        let empty = Map::new();
        let rule = rule.as_object().unwrap_or(&empty);
        let key = text_field(rule, "id").map_or_else(|| format!("rule_{}", i + 1), sanitize_key);
        let label = text_field(rule, "label").unwrap_or(&key).to_string();
        let category = text_field(rule, "category")
            .map_or("policy".to_string(), |c| truncate_chars(c, MAX_KEY_CHARS));
        let tier = match rule.get("risk").and_then(Value::as_str) {
            Some(r @ ("high" | "mid" | "low")) => TierLevel::parse(r).unwrap_or(TierLevel::Mid),
            _ => tier_of(rule.get("severity").and_then(Value::as_str)),
        };
        let Some(expr) = rule.get("expr") else {
            out.push(auto(
                &key,
                &label,
                &category,
                "low",
                CheckStatus::Skip,
                "Rule has no expression.".into(),
            ));
            continue;
        };
        let mut ctx = Ctx {
            root,
            bands,
            budget: MAX_EXPR_NODES,
        };
        let top_approx = expr.get("op").and_then(Value::as_str) == Some("approx");
        let outcome = if top_approx {
            match expr.as_object().and_then(|o| approx(o, &ctx)) {
                Some((None, detail)) => auto(
                    &key,
                    &label,
                    &category,
                    tier.as_str(),
                    CheckStatus::Pass,
                    detail,
                ),
                Some((Some(miss), detail)) => auto(
                    &key,
                    &label,
                    &category,
                    miss.as_str(),
                    CheckStatus::Flag,
                    detail,
                ),
                None => auto(
                    &key,
                    &label,
                    &category,
                    "low",
                    CheckStatus::Skip,
                    "Operand missing in submission; not evaluable.".into(),
                ),
            }
        } else {
            match eval(expr, &mut ctx, 1) {
                Some(true) => auto(
                    &key,
                    &label,
                    &category,
                    tier.as_str(),
                    CheckStatus::Pass,
                    "Rule satisfied.".into(),
                ),
                Some(false) => auto(
                    &key,
                    &label,
                    &category,
                    tier.as_str(),
                    CheckStatus::Flag,
                    describe_failure(expr, &ctx),
                ),
                None => auto(
                    &key,
                    &label,
                    &category,
                    "low",
                    CheckStatus::Skip,
                    "Operand missing in submission; not evaluable.".into(),
                ),
            }
        };
        out.push(outcome);
    }
    out
}

/// Tier normalization (REFERENCE 4.5 step 6): results without a tier become
/// `low` when skipped, `mid` in the evidence category and `high` otherwise.
pub(super) fn normalize(outcomes: &mut [CheckOutcome]) {
    for o in outcomes {
        if matches!(o.severity.as_str(), "high" | "mid" | "low") {
            continue;
        }
        o.severity = if o.status == CheckStatus::Skip {
            "low"
        } else if o.category == "evidence" {
            "mid"
        } else {
            "high"
        }
        .to_string();
    }
}

/// Audits a submission against a deterministic sheet's `eval_spec`. Every
/// result has kind and source `auto`; none is left open. Never panics.
pub fn run_structured_audit(spec: &Value, output_text: &str) -> Vec<CheckOutcome> {
    let text = output_text.trim();
    if nests_deeper_than(text, MAX_JSON_DEPTH) {
        return json_beyond_limits(format!(
            "The submission nests arrays and objects deeper than {MAX_JSON_DEPTH} levels \
             (a documented limit of the engine); it was not audited."
        ));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    let parsed = Value::deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    let root: Value = match parsed {
        Ok(v @ Value::Object(_)) => v,
        Ok(_) => return json_invalid("the submission is JSON but not an object.".into()),
        Err(e) if e.to_string().starts_with("number out of range") => {
            return json_beyond_limits(format!(
                "A number at line {} column {} is beyond the range the engine reads \
                 (about ±1.8e308, a documented limit); the submission was not audited.",
                e.line(),
                e.column()
            ))
        }
        Err(e) => return json_invalid(format!("{e}.")),
    };
    let mut out = vec![auto(
        "json_valid",
        "Submission is valid JSON",
        "schema",
        "critical",
        CheckStatus::Pass,
        "The submission is a JSON object.".into(),
    )];
    let required = spec
        .get("required_output_schema")
        .and_then(|s| s.get("required"))
        .and_then(Value::as_array)
        .map_or(&[][..], |v| &v[..v.len().min(MAX_SPEC_ITEMS)]);
    if !required.is_empty() {
        let missing: Vec<String> = required
            .iter()
            .filter(|p| p.as_str().is_none_or(|p| resolve(&root, p).is_none()))
            .map(|p| truncate_chars(p.as_str().unwrap_or("?"), 80))
            .collect();
        out.push(if missing.is_empty() {
            auto(
                "required_fields_present",
                "Required fields present",
                "schema",
                "critical",
                CheckStatus::Pass,
                format!("All {} required field(s) present.", required.len()),
            )
        } else {
            auto(
                "required_fields_present",
                "Required fields present",
                "schema",
                "critical",
                CheckStatus::Flag,
                format!("Missing required field(s): {}.", missing.join(", ")),
            )
        });
    }
    for (i, chk) in spec_list(spec, "deterministic_checks").iter().enumerate() {
        out.push(deterministic_check(i, chk, &root));
    }
    for (i, chk) in spec_list(spec, "evidence_checks").iter().enumerate() {
        out.push(evidence_check(i, chk, &root));
    }
    let bands = Bands::default().with(spec.get("penalty").and_then(Value::as_object));
    out.extend(math_checks(&root, &bands));
    out.extend(rule_checks(spec, &root, bands));
    normalize(&mut out);
    dedupe_keys(&mut out);
    out
}

/// Whether arrays and objects nest deeper than `max` (outside strings). A
/// linear scan, so a hostile depth is refused before any recursive parsing.
pub(super) fn nests_deeper_than(text: &str, max: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// A submission the engine could not read because of one of its documented
/// limits (not because it is invalid): one high flag naming the limit.
pub(super) fn json_beyond_limits(why: String) -> Vec<CheckOutcome> {
    vec![auto(
        "json_within_limits",
        "Submission within the engine's limits",
        "schema",
        "high",
        CheckStatus::Flag,
        why,
    )]
}

pub(super) fn json_invalid(why: String) -> Vec<CheckOutcome> {
    let mut out = vec![auto(
        "json_valid",
        "Submission is valid JSON",
        "schema",
        "critical",
        CheckStatus::Flag,
        format!("Not valid JSON: {why}"),
    )];
    normalize(&mut out);
    out
}
