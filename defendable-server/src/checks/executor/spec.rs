//! Validation of an `eval_spec` before a sheet is accepted: every path, literal, operand,
//! rule expression and penalty band is checked against the executor's bounds.

use super::*;

pub(super) fn opt_array<'a>(
    spec: &'a Map<String, Value>,
    key: &str,
) -> Result<&'a [Value], String> {
    match spec.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) if items.len() <= MAX_SPEC_ITEMS => Ok(items),
        Some(Value::Array(_)) => Err(format!("{key} has more than {MAX_SPEC_ITEMS} entries")),
        Some(_) => Err(format!("{key} must be an array")),
    }
}

pub(super) fn check_path(path: &Value, what: &str) -> Result<(), String> {
    match path.as_str() {
        Some(p) if !p.trim().is_empty() && p.chars().count() <= MAX_PATH_CHARS => Ok(()),
        _ => Err(format!(
            "{what} must be a path of 1 to {MAX_PATH_CHARS} characters"
        )),
    }
}

pub(super) fn check_literal(v: &Value, what: &str) -> Result<(), String> {
    let too_long = match v {
        Value::String(s) => s.chars().count() > MAX_LITERAL_CHARS,
        Value::Array(a) => {
            a.len() > MAX_SPEC_ITEMS || a.iter().any(|x| x.is_array() || x.is_object())
        }
        Value::Object(_) => true,
        _ => false,
    };
    if too_long {
        Err(format!("{what}: literal too large or nested"))
    } else {
        Ok(())
    }
}

pub(super) fn validate_operand(v: &Value, what: &str) -> Result<(), String> {
    if let Value::Object(o) = v {
        if let Some(p) = o.get("field").or_else(|| o.get("len")) {
            return check_path(p, what);
        }
        if let Some(c) = o.get("calc") {
            return match c.as_str() {
                Some(name) if !name.is_empty() && name.chars().count() <= MAX_LABEL_CHARS => Ok(()),
                _ => Err(format!("{what}: calc must name a calculation")),
            };
        }
        return Err(format!(
            "{what}: an operand object needs field, len or calc"
        ));
    }
    check_literal(v, what)
}

pub(super) fn validate_expr(expr: &Value, depth: usize, nodes: &mut usize) -> Result<(), String> {
    *nodes += 1;
    if *nodes > MAX_EXPR_NODES {
        return Err(format!("expression has more than {MAX_EXPR_NODES} nodes"));
    }
    if depth > MAX_EXPR_DEPTH {
        return Err(format!("expression nests deeper than {MAX_EXPR_DEPTH}"));
    }
    let obj = expr
        .as_object()
        .ok_or("an expression must be an object with an op")?;
    let op = obj
        .get("op")
        .and_then(Value::as_str)
        .ok_or("an expression needs a string op")?;
    let need = |k: &str| obj.get(k).ok_or_else(|| format!("op {op} needs {k}"));
    match op {
        "==" | "!=" | ">=" | "<=" | ">" | "<" => {
            validate_operand(need("left")?, "left")?;
            validate_operand(need("right")?, "right")
        }
        "in" => {
            validate_operand(need("left")?, "left")?;
            validate_operand(need("right")?, "right")
        }
        "approx" => {
            validate_operand(need("left")?, "left")?;
            validate_operand(need("right")?, "right")?;
            if let Some(m) = obj.get("monetary") {
                if !m.is_boolean() {
                    return Err("approx: monetary must be a boolean".into());
                }
            }
            for key in PENALTY_KEYS {
                if let Some(v) = obj.get(*key) {
                    check_band(v, key)?;
                }
            }
            Ok(())
        }
        "all_nonempty" => {
            check_path(need("array")?, "all_nonempty.array")?;
            match need("field")?.as_str() {
                Some(f) if !f.is_empty() && f.chars().count() <= MAX_PATH_CHARS => Ok(()),
                _ => Err("all_nonempty.field must be a field name".into()),
            }
        }
        "and" | "or" => {
            let terms = need("terms")?
                .as_array()
                .ok_or_else(|| format!("op {op}: terms must be an array"))?;
            if terms.is_empty() {
                return Err(format!("op {op}: terms must not be empty"));
            }
            for t in terms {
                validate_expr(t, depth + 1, nodes)?;
            }
            Ok(())
        }
        "not" => validate_expr(need("term")?, depth + 1, nodes),
        "if" => {
            validate_expr(need("cond")?, depth + 1, nodes)?;
            validate_expr(need("then")?, depth + 1, nodes)
        }
        other => Err(format!("unknown op {:?}", truncate_chars(other, 40))),
    }
}

pub(super) fn check_band(v: &Value, key: &str) -> Result<(), String> {
    match v.as_f64() {
        Some(x) if x.is_finite() && x >= 0.0 && !v.is_boolean() => Ok(()),
        _ => Err(format!("penalty {key} must be a non-negative number")),
    }
}

/// Validates an `eval_spec` (used when loading sheets). Every block is
/// optional; what is present must have the right shape and stay within the
/// documented limits.
pub fn validate_spec(spec: &Value) -> Result<(), String> {
    let spec = spec.as_object().ok_or("eval_spec must be an object")?;
    if let Some(schema) = spec.get("required_output_schema") {
        let schema = schema
            .as_object()
            .ok_or("required_output_schema must be an object")?;
        opt_array(schema, "required")?
            .iter()
            .try_for_each(|p| check_path(p, "required_output_schema.required[]"))?;
    }
    for block in ["deterministic_checks", "evidence_checks"] {
        for (i, chk) in opt_array(spec, block)?.iter().enumerate() {
            let what = format!("{block}[{i}]");
            let chk = chk
                .as_object()
                .ok_or_else(|| format!("{what} must be an object"))?;
            if let Some(p) = chk.get("match_field") {
                check_path(p, &format!("{what}.match_field"))?;
            }
            if let Some(v) = chk.get("expected_values") {
                if !v.is_array() {
                    return Err(format!("{what}.expected_values must be an array"));
                }
                check_literal(v, &what)?;
            }
            if let Some(t) = chk.get("type") {
                if !t.as_str().is_some_and(|t| TYPES.contains(&t)) {
                    return Err(format!("{what}.type must be one of {}", TYPES.join(", ")));
                }
            }
            if let Some(k) = chk.get("required_keys") {
                if !k
                    .as_array()
                    .is_some_and(|a| a.len() <= MAX_SPEC_ITEMS && a.iter().all(Value::is_string))
                {
                    return Err(format!("{what}.required_keys must be an array of strings"));
                }
            }
            if let Some(s) = chk.get("severity") {
                if s.as_str().is_none_or(|s| RuleSeverity::parse(s).is_none()) {
                    return Err(format!("{what}.severity is not a known severity"));
                }
            }
        }
    }
    opt_array(spec, "math_checks")?;
    opt_array(spec, "flag_rules")?;
    let mut ids = HashSet::new();
    for (i, rule) in opt_array(spec, "rules")?.iter().enumerate() {
        let what = format!("rules[{i}]");
        let rule = rule
            .as_object()
            .ok_or_else(|| format!("{what} must be an object"))?;
        if let Some(id) = rule.get("id") {
            let id = id.as_str().unwrap_or_default();
            if id.is_empty() || id.len() > MAX_KEY_CHARS || sanitize_key(id) != id {
                return Err(format!(
                    "{what}.id must be 1 to {MAX_KEY_CHARS} of [A-Za-z0-9_-]"
                ));
            }
            if !ids.insert(id.to_string()) {
                return Err(format!("{what}.id {id:?} is used twice"));
            }
        }
        if let Some(l) = rule.get("label") {
            if l.as_str()
                .is_none_or(|l| l.chars().count() > MAX_LABEL_CHARS)
            {
                return Err(format!(
                    "{what}.label must be text of at most {MAX_LABEL_CHARS} characters"
                ));
            }
        }
        if let Some(c) = rule.get("category") {
            if !c
                .as_str()
                .is_some_and(|c| crate::checks::library::CATEGORIES.contains(&c))
            {
                return Err(format!(
                    "{what}.category must be one of {}",
                    crate::checks::library::CATEGORIES.join(", ")
                ));
            }
        }
        if let Some(r) = rule.get("risk") {
            if !matches!(r.as_str(), Some("high" | "mid" | "low")) {
                return Err(format!("{what}.risk must be high, mid or low"));
            }
        }
        if let Some(s) = rule.get("severity") {
            if !s.is_string() {
                return Err(format!("{what}.severity must be text"));
            }
        }
        let expr = rule
            .get("expr")
            .ok_or_else(|| format!("{what} needs an expr"))?;
        let mut nodes = 0;
        validate_expr(expr, 1, &mut nodes).map_err(|e| format!("{what}.expr: {e}"))?;
    }
    if let Some(p) = spec.get("penalty") {
        let p = p.as_object().ok_or("penalty must be an object")?;
        for (k, v) in p {
            if !PENALTY_KEYS.contains(&k.as_str()) {
                return Err(format!("penalty: unknown key {:?}", truncate_chars(k, 40)));
            }
            check_band(v, k)?;
        }
    }
    Ok(())
}
