//! The deterministic executor (REFERENCE 4.5) for flight sheets with an
//! `eval_spec`: the submission must be a JSON object, and required fields,
//! typed and expected-value checks, evidence references, math re-derivation
//! (with penalty bands) and the rule DSL are evaluated without an operator.
//!
//! It is hardened against hostile submissions and specs (REFERENCE 9.21-22):
//! formulas are numbers-only with bounded length, nesting, literals and
//! exponents; rule expressions have bounded depth and size; keys and labels
//! that come from agent input are sanitized and cut to the column limits; and
//! no input makes it panic.

use std::borrow::Cow;
use std::collections::HashSet;

use defendable_contract::doctrine::{
    tier_of, CheckKind, CheckSource, CheckStatus, RuleSeverity, TierLevel,
};
use serde::Deserialize as _;
use serde_json::{Map, Value};

use super::{
    dedupe_keys, sanitize_key, truncate_chars, CheckOutcome, MAX_DETAIL_CHARS, MAX_KEY_CHARS,
    MAX_LABEL_CHARS,
};

/// Longest formula the math re-derivation evaluates.
pub const MAX_FORMULA_CHARS: usize = 500;
/// Deepest nesting of a formula (parentheses and unary signs).
pub const MAX_FORMULA_DEPTH: usize = 32;
/// Largest absolute exponent of `**` / `^` (integer powers are also bounded
/// by the 128-bit width, float powers by the float range).
pub const MAX_EXPONENT: f64 = 1000.0;
/// Most calculations of a submission that are re-derived; the rest are
/// reported as unchecked (a mid flag, so the verdict is at most `risk`).
pub const MAX_CALCULATIONS: usize = 100;
/// Deepest nesting of arrays and objects read from a submission.
pub const MAX_JSON_DEPTH: usize = 512;
/// Most inputs of one calculation.
pub const MAX_CALC_INPUTS: usize = 100;
/// Deepest nesting of a rule expression.
pub const MAX_EXPR_DEPTH: usize = 16;
/// Most nodes of one rule expression.
pub const MAX_EXPR_NODES: usize = 256;
/// Longest field path.
pub const MAX_PATH_CHARS: usize = 200;
/// Most entries of each list of a spec (checks, rules, required fields).
pub const MAX_SPEC_ITEMS: usize = 200;
/// Longest string literal in a spec.
pub const MAX_LITERAL_CHARS: usize = 1000;

const TYPES: &[&str] = &["array", "object", "number", "string", "boolean"];
const PENALTY_KEYS: &[&str] = &[
    "tol_rel",
    "low_rel",
    "critical_rel",
    "critical_abs",
    "abs_floor_rel",
];
const MONETARY_UNITS: &[&str] = &["usd", "$", "dollar", "dollars", "us dollars"];
const MONETARY_WORDS: &[&str] = &[
    "amount",
    "payment",
    "check",
    "cost",
    "price",
    "fee",
    "dollar",
    "$",
    "invoice",
    "payout",
    "refund",
    "wire",
    "balance",
    "debt service",
];

// ---------------------------------------------------------------------------
// Spec validation
// ---------------------------------------------------------------------------

fn opt_array<'a>(spec: &'a Map<String, Value>, key: &str) -> Result<&'a [Value], String> {
    match spec.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) if items.len() <= MAX_SPEC_ITEMS => Ok(items),
        Some(Value::Array(_)) => Err(format!("{key} has more than {MAX_SPEC_ITEMS} entries")),
        Some(_) => Err(format!("{key} must be an array")),
    }
}

fn check_path(path: &Value, what: &str) -> Result<(), String> {
    match path.as_str() {
        Some(p) if !p.trim().is_empty() && p.chars().count() <= MAX_PATH_CHARS => Ok(()),
        _ => Err(format!(
            "{what} must be a path of 1 to {MAX_PATH_CHARS} characters"
        )),
    }
}

fn check_literal(v: &Value, what: &str) -> Result<(), String> {
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

fn validate_operand(v: &Value, what: &str) -> Result<(), String> {
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

fn validate_expr(expr: &Value, depth: usize, nodes: &mut usize) -> Result<(), String> {
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

fn check_band(v: &Value, key: &str) -> Result<(), String> {
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
                .is_some_and(|c| super::library::CATEGORIES.contains(&c))
            {
                return Err(format!(
                    "{what}.category must be one of {}",
                    super::library::CATEGORIES.join(", ")
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

// ---------------------------------------------------------------------------
// Submission access
// ---------------------------------------------------------------------------

/// Resolves a dotted path through objects only; `len(path)` gives the length
/// of the array, string (in characters) or object found there.
fn resolve<'a>(root: &'a Value, path: &str) -> Option<Cow<'a, Value>> {
    let path = path.trim();
    if path.is_empty() || path.chars().count() > MAX_PATH_CHARS {
        return None;
    }
    if let Some(inner) = path.strip_prefix("len(").and_then(|p| p.strip_suffix(')')) {
        let len = match walk(root, inner.trim())? {
            Value::Array(a) => a.len(),
            Value::String(s) => s.chars().count(),
            Value::Object(o) => o.len(),
            _ => return None,
        };
        return Some(Cow::Owned(Value::from(len as u64)));
    }
    walk(root, path).map(Cow::Borrowed)
}

fn walk<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    if path.is_empty() {
        return None;
    }
    path.split('.')
        .try_fold(root, |cur, seg| cur.as_object()?.get(seg))
}

/// JSON equality where numbers compare by value (1 == 1.0).
fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

fn non_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !super::text::strip(s).is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

/// A JSON number that is not a boolean.
fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64().filter(|x| x.is_finite()),
        _ => None,
    }
}

fn short(v: &Value) -> String {
    truncate_chars(&v.to_string(), 80)
}

fn text_field<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    obj.get(key)
        .and_then(Value::as_str)
        .filter(|s| !super::text::strip(s).is_empty())
}

// ---------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------

#[derive(Debug, PartialEq)]
enum FormulaError {
    /// Something other than numbers, input names, arithmetic and parentheses.
    NotArithmetic,
    /// Arithmetic without a value (division by zero, a complex result).
    Undefined(String),
    /// A documented limit of the engine stopped the evaluation (length,
    /// nesting, exponent, integer width, float range): the calculation is
    /// unchecked, not wrong.
    Limit(String),
}

/// A number as the original engine evaluates it: integers are exact (Python
/// ints; here 128 bits wide), anything with a fraction or exponent is a float.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Number {
    Int(i128),
    Float(f64),
}

impl Number {
    /// A JSON number (booleans are not numbers); integers stay exact.
    fn of(v: &Value) -> Option<Number> {
        let Value::Number(n) = v else { return None };
        if let Some(i) = n.as_i64() {
            return Some(Number::Int(i.into()));
        }
        if let Some(u) = n.as_u64() {
            return Some(Number::Int(u.into()));
        }
        n.as_f64().filter(|x| x.is_finite()).map(Number::Float)
    }

    fn f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(x) => x,
        }
    }

    fn is_zero(self) -> bool {
        self.f64() == 0.0
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Number::Int(i) => write!(f, "{i}"),
            Number::Float(x) => write!(f, "{x}"),
        }
    }
}

fn int(v: Option<i128>) -> Result<Number, FormulaError> {
    v.map(Number::Int)
        .ok_or_else(|| FormulaError::Limit("an integer wider than 128 bits".into()))
}

fn float(x: f64) -> Result<Number, FormulaError> {
    if x.is_finite() {
        Ok(Number::Float(x))
    } else if x.is_nan() {
        Err(FormulaError::Undefined(
            "the result is not a real number".into(),
        ))
    } else {
        Err(FormulaError::Limit(
            "a result beyond the float range (about ±1.8e308)".into(),
        ))
    }
}

/// Python's `//` on integers (rounds toward negative infinity).
fn floor_div(x: i128, y: i128) -> Option<i128> {
    let q = x.checked_div(y)?;
    if x % y != 0 && ((x < 0) != (y < 0)) {
        q.checked_sub(1)
    } else {
        Some(q)
    }
}

/// Python's `%` on integers (the sign of the divisor).
fn py_mod(x: i128, y: i128) -> Option<i128> {
    let r = x.checked_rem(y)?;
    Some(if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    })
}

/// A binary operator with Python's numeric tower: exact when both operands are
/// integers (`/` always gives a float), floats otherwise.
fn binary(op: &Tok, a: Number, b: Number) -> Result<Number, FormulaError> {
    use Number::Int;
    if matches!(op, Tok::Slash | Tok::FloorDiv | Tok::Percent) && b.is_zero() {
        return Err(FormulaError::Undefined("division by zero".into()));
    }
    let (x, y) = (a.f64(), b.f64());
    match (op, a, b) {
        (Tok::Plus, Int(p), Int(q)) => int(p.checked_add(q)),
        (Tok::Minus, Int(p), Int(q)) => int(p.checked_sub(q)),
        (Tok::Star, Int(p), Int(q)) => int(p.checked_mul(q)),
        (Tok::FloorDiv, Int(p), Int(q)) => int(floor_div(p, q)),
        (Tok::Percent, Int(p), Int(q)) => int(py_mod(p, q)),
        (Tok::Plus, ..) => float(x + y),
        (Tok::Minus, ..) => float(x - y),
        (Tok::Star, ..) => float(x * y),
        (Tok::Slash, ..) => float(x / y),
        (Tok::FloorDiv, ..) => float((x / y).floor()),
        (Tok::Percent, ..) => float(x - y * (x / y).floor()),
        _ => Err(FormulaError::NotArithmetic),
    }
}

fn power(base: Number, exp: Number) -> Result<Number, FormulaError> {
    if exp.f64().abs() > MAX_EXPONENT {
        return Err(FormulaError::Limit(format!(
            "an exponent above {MAX_EXPONENT}"
        )));
    }
    if base.is_zero() && exp.f64() < 0.0 {
        return Err(FormulaError::Undefined("division by zero".into()));
    }
    match (base, exp) {
        (Number::Int(b), Number::Int(e)) if e >= 0 => int(b.checked_pow(e as u32)),
        _ => float(base.f64().powf(exp.f64())),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(Number),
    Name(String),
    Plus,
    Minus,
    Star,
    Slash,
    FloorDiv,
    Percent,
    Pow,
    LParen,
    RParen,
}

/// A numeric literal: an integer (exact) unless it has a fraction or exponent.
fn literal(text: &str) -> Result<Number, FormulaError> {
    if text.contains(['.', 'e', 'E']) {
        let value: f64 = text.parse().map_err(|_| FormulaError::NotArithmetic)?;
        float(value).map_err(|_| {
            FormulaError::Limit(format!(
                "the literal {} is beyond the float range",
                truncate_chars(text, 40)
            ))
        })
    } else {
        text.parse::<i128>().map(Number::Int).map_err(|_| {
            FormulaError::Limit(format!(
                "the literal {} is wider than 128 bits",
                truncate_chars(text, 40)
            ))
        })
    }
}

fn tokenize(formula: &str) -> Result<Vec<Tok>, FormulaError> {
    let chars: Vec<char> = formula.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\n' | '\r' => i += 1,
            '0'..='9' | '.' => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                if i < chars.len() && (chars[i] == 'e' || chars[i] == 'E') {
                    let mut j = i + 1;
                    if j < chars.len() && (chars[j] == '+' || chars[j] == '-') {
                        j += 1;
                    }
                    if j < chars.len() && chars[j].is_ascii_digit() {
                        while j < chars.len() && chars[j].is_ascii_digit() {
                            j += 1;
                        }
                        i = j;
                    }
                }
                let text: String = chars[start..i].iter().collect();
                out.push(Tok::Num(literal(&text)?));
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                out.push(Tok::Name(chars[start..i].iter().collect()));
            }
            '+' => {
                out.push(Tok::Plus);
                i += 1;
            }
            '-' => {
                out.push(Tok::Minus);
                i += 1;
            }
            '*' if chars.get(i + 1) == Some(&'*') => {
                out.push(Tok::Pow);
                i += 2;
            }
            '*' => {
                out.push(Tok::Star);
                i += 1;
            }
            '^' => {
                out.push(Tok::Pow);
                i += 1;
            }
            '/' if chars.get(i + 1) == Some(&'/') => {
                out.push(Tok::FloorDiv);
                i += 2;
            }
            '/' => {
                out.push(Tok::Slash);
                i += 1;
            }
            '%' => {
                out.push(Tok::Percent);
                i += 1;
            }
            '(' => {
                out.push(Tok::LParen);
                i += 1;
            }
            ')' => {
                out.push(Tok::RParen);
                i += 1;
            }
            _ => return Err(FormulaError::NotArithmetic),
        }
    }
    Ok(out)
}

struct Parser<'a> {
    toks: Vec<Tok>,
    pos: usize,
    depth: usize,
    inputs: &'a Map<String, Value>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn enter(&mut self) -> Result<(), FormulaError> {
        self.depth += 1;
        if self.depth > MAX_FORMULA_DEPTH {
            Err(FormulaError::Limit(format!(
                "the formula nests deeper than {MAX_FORMULA_DEPTH}"
            )))
        } else {
            Ok(())
        }
    }

    fn expr(&mut self) -> Result<Number, FormulaError> {
        let mut acc = self.term()?;
        while let Some(op) = self.peek().cloned() {
            if !matches!(op, Tok::Plus | Tok::Minus) {
                break;
            }
            self.pos += 1;
            let rhs = self.term()?;
            acc = binary(&op, acc, rhs)?;
        }
        Ok(acc)
    }

    fn term(&mut self) -> Result<Number, FormulaError> {
        let mut acc = self.unary()?;
        while let Some(op) = self.peek().cloned() {
            if !matches!(op, Tok::Star | Tok::Slash | Tok::FloorDiv | Tok::Percent) {
                break;
            }
            self.pos += 1;
            let rhs = self.unary()?;
            acc = binary(&op, acc, rhs)?;
        }
        Ok(acc)
    }

    fn unary(&mut self) -> Result<Number, FormulaError> {
        match self.peek() {
            Some(Tok::Plus) | Some(Tok::Minus) => {
                let negate = self.peek() == Some(&Tok::Minus);
                self.pos += 1;
                self.enter()?;
                let v = self.unary()?;
                self.depth -= 1;
                match (negate, v) {
                    (false, v) => Ok(v),
                    (true, Number::Int(i)) => int(i.checked_neg()),
                    (true, Number::Float(x)) => Ok(Number::Float(-x)),
                }
            }
            _ => self.power(),
        }
    }

    fn power(&mut self) -> Result<Number, FormulaError> {
        let base = self.atom()?;
        if self.peek() == Some(&Tok::Pow) {
            self.pos += 1;
            self.enter()?;
            let exp = self.unary()?;
            self.depth -= 1;
            return power(base, exp);
        }
        Ok(base)
    }

    fn atom(&mut self) -> Result<Number, FormulaError> {
        let tok = self.peek().cloned().ok_or(FormulaError::NotArithmetic)?;
        self.pos += 1;
        match tok {
            Tok::Num(v) => Ok(v),
            Tok::Name(name) => self
                .inputs
                .get(&name)
                .and_then(Number::of)
                .ok_or(FormulaError::NotArithmetic),
            Tok::LParen => {
                self.enter()?;
                let v = self.expr()?;
                self.depth -= 1;
                if self.peek() != Some(&Tok::RParen) {
                    return Err(FormulaError::NotArithmetic);
                }
                self.pos += 1;
                Ok(v)
            }
            _ => Err(FormulaError::NotArithmetic),
        }
    }
}

/// Evaluates a numbers-only formula over `inputs`.
fn eval_formula(formula: &str, inputs: &Map<String, Value>) -> Result<Number, FormulaError> {
    if formula.chars().count() > MAX_FORMULA_CHARS {
        return Err(FormulaError::Limit(format!(
            "the formula is longer than {MAX_FORMULA_CHARS} characters"
        )));
    }
    let toks = tokenize(formula)?;
    if toks.is_empty() {
        return Err(FormulaError::NotArithmetic);
    }
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
        inputs,
    };
    let v = p.expr()?;
    if p.pos != p.toks.len() {
        return Err(FormulaError::NotArithmetic);
    }
    Ok(v)
}

// ---------------------------------------------------------------------------
// Penalty bands
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
struct Bands {
    tol_rel: f64,
    low_rel: f64,
    critical_rel: f64,
    critical_abs: f64,
    abs_floor_rel: f64,
}

impl Default for Bands {
    fn default() -> Self {
        Bands {
            tol_rel: 0.01,
            low_rel: 0.05,
            critical_rel: 0.10,
            critical_abs: 1000.0,
            abs_floor_rel: 0.02,
        }
    }
}

impl Bands {
    /// Overrides the bands with the valid numbers of `obj`.
    fn with(mut self, obj: Option<&Map<String, Value>>) -> Self {
        let Some(obj) = obj else { return self };
        let get = |k: &str| obj.get(k).and_then(num).filter(|x| *x >= 0.0);
        if let Some(x) = get("tol_rel") {
            self.tol_rel = x;
        }
        if let Some(x) = get("low_rel") {
            self.low_rel = x;
        }
        if let Some(x) = get("critical_rel") {
            self.critical_rel = x;
        }
        if let Some(x) = get("critical_abs") {
            self.critical_abs = x;
        }
        if let Some(x) = get("abs_floor_rel") {
            self.abs_floor_rel = x;
        }
        self
    }
}

/// "Spot of the foul": `None` when within tolerance, otherwise the tier of the
/// miss and the detail text. Two integers are compared exactly.
fn penalty(
    stated: Number,
    truth: Number,
    monetary: bool,
    bands: &Bands,
) -> (Option<TierLevel>, String) {
    let diff = match (stated, truth) {
        (Number::Int(s), Number::Int(t)) => s
            .checked_sub(t)
            .map_or_else(|| (s as f64 - t as f64).abs(), |d| d.unsigned_abs() as f64),
        _ => (stated.f64() - truth.f64()).abs(),
    };
    let rel = diff / truth.f64().abs().max(1e-9);
    let amount = if monetary {
        format!("${diff:.2}")
    } else {
        format!("{diff:.6}")
    };
    let base = format!("stated {stated}, recomputed {truth}");
    if rel <= bands.tol_rel {
        return (
            None,
            format!("{base} — within tolerance ({:.2}%).", rel * 100.0),
        );
    }
    let (tier, note) = if rel >= bands.critical_rel {
        (TierLevel::High, "material miss")
    } else if monetary && diff >= bands.critical_abs && rel >= bands.abs_floor_rel {
        (TierLevel::High, "high-dollar impact")
    } else if rel >= bands.low_rel {
        (TierLevel::Mid, "material miss")
    } else {
        (TierLevel::Low, "minor variance")
    };
    let pct = if rel.is_finite() && rel < 1e9 {
        format!("{:.2}%", rel * 100.0)
    } else {
        "very large".into()
    };
    (
        Some(tier),
        format!("{base} — off by {amount} ({pct}) · {note}."),
    )
}

fn is_monetary(name: &str, units: &str) -> bool {
    let units = units.trim().to_lowercase();
    let name = name.to_lowercase();
    MONETARY_UNITS.contains(&units.as_str()) || MONETARY_WORDS.iter().any(|w| name.contains(w))
}

// ---------------------------------------------------------------------------
// The rule DSL
// ---------------------------------------------------------------------------

struct Ctx<'a> {
    root: &'a Value,
    bands: Bands,
    budget: usize,
}

fn operand<'a>(v: &'a Value, ctx: &Ctx<'a>) -> Option<Cow<'a, Value>> {
    if let Value::Object(o) = v {
        if let Some(p) = o.get("field") {
            return resolve(ctx.root, p.as_str()?);
        }
        if let Some(p) = o.get("len") {
            return resolve(ctx.root, &format!("len({})", p.as_str()?));
        }
        if let Some(name) = o.get("calc") {
            let name = name.as_str()?;
            let calcs = ctx.root.get("calculations")?.as_array()?;
            let calc = calcs
                .iter()
                .find(|c| c.get("name").and_then(Value::as_str) == Some(name))?;
            return calc
                .get("result")
                .filter(|r| !r.is_null())
                .map(Cow::Borrowed);
        }
    }
    Some(Cow::Borrowed(v))
}

fn compare(op: &str, l: &Value, r: &Value) -> Option<bool> {
    match op {
        "==" => return Some(json_eq(l, r)),
        "!=" => return Some(!json_eq(l, r)),
        _ => {}
    }
    let ord = match (l, r) {
        (Value::Number(_), Value::Number(_)) => num(l)?.partial_cmp(&num(r)?)?,
        (Value::String(a), Value::String(b)) => a.cmp(b),
        _ => return None,
    };
    Some(match op {
        ">=" => ord.is_ge(),
        "<=" => ord.is_le(),
        ">" => ord.is_gt(),
        "<" => ord.is_lt(),
        _ => return None,
    })
}

/// The outcome of an `approx` at the top of a rule.
fn approx(obj: &Map<String, Value>, ctx: &Ctx<'_>) -> Option<(Option<TierLevel>, String)> {
    let l = operand(obj.get("left")?, ctx)?;
    let r = operand(obj.get("right")?, ctx)?;
    let (stated, truth) = (Number::of(&l)?, Number::of(&r)?);
    let monetary = obj
        .get("monetary")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    Some(penalty(stated, truth, monetary, &ctx.bands.with(Some(obj))))
}

/// Evaluates an expression: `Some(true/false)`, or `None` when unknown (an
/// operand is missing, a comparison mixes types, or a limit is hit).
fn eval(expr: &Value, ctx: &mut Ctx<'_>, depth: usize) -> Option<bool> {
    if depth > MAX_EXPR_DEPTH || ctx.budget == 0 {
        return None;
    }
    ctx.budget -= 1;
    let obj = expr.as_object()?;
    let op = obj.get("op")?.as_str()?;
    match op {
        "==" | "!=" | ">=" | "<=" | ">" | "<" => {
            let l = operand(obj.get("left")?, ctx)?;
            let r = operand(obj.get("right")?, ctx)?;
            compare(op, &l, &r)
        }
        "in" => {
            let l = operand(obj.get("left")?, ctx)?;
            let r = operand(obj.get("right")?, ctx)?;
            let list = r.as_array()?;
            Some(list.iter().any(|x| json_eq(&l, x)))
        }
        "all_nonempty" => {
            let arr = resolve(ctx.root, obj.get("array")?.as_str()?)?;
            let field = obj.get("field")?.as_str()?;
            let items = arr.as_array()?;
            Some(
                items
                    .iter()
                    .all(|it| it.as_object().is_some_and(|o| non_empty(o.get(field)))),
            )
        }
        "and" | "or" => {
            let terms = obj.get("terms")?.as_array()?;
            let mut values = Vec::with_capacity(terms.len());
            for t in terms {
                values.push(eval(t, ctx, depth + 1)?);
            }
            Some(if op == "and" {
                values.iter().all(|v| *v)
            } else {
                values.iter().any(|v| *v)
            })
        }
        "not" => eval(obj.get("term")?, ctx, depth + 1).map(|v| !v),
        "if" => match eval(obj.get("cond")?, ctx, depth + 1)? {
            false => Some(true),
            true => eval(obj.get("then")?, ctx, depth + 1),
        },
        "approx" => {
            let (tier, _) = approx(obj, ctx)?;
            Some(tier.is_none())
        }
        _ => None,
    }
}

fn describe_failure(expr: &Value, ctx: &Ctx<'_>) -> String {
    let Some(obj) = expr.as_object() else {
        return "Rule not satisfied.".into();
    };
    let op = obj.get("op").and_then(Value::as_str).unwrap_or_default();
    if matches!(op, "==" | "!=" | ">=" | "<=" | ">" | "<" | "in") {
        if let (Some(l), Some(r)) = (
            obj.get("left").and_then(|v| operand(v, ctx)),
            obj.get("right").and_then(|v| operand(v, ctx)),
        ) {
            return format!(
                "Rule not satisfied: {} {op} {} is false.",
                short(&l),
                short(&r)
            );
        }
    }
    if op == "all_nonempty" {
        let field = obj.get("field").and_then(Value::as_str).unwrap_or_default();
        let array = obj.get("array").and_then(Value::as_str).unwrap_or_default();
        return format!(
            "Rule not satisfied: some item of {} has no {}.",
            truncate_chars(array, 80),
            truncate_chars(field, 80)
        );
    }
    "Rule not satisfied.".into()
}

// ---------------------------------------------------------------------------
// The audit
// ---------------------------------------------------------------------------

fn auto(
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

fn spec_list<'a>(spec: &'a Value, key: &str) -> &'a [Value] {
    spec.get(key)
        .and_then(Value::as_array)
        .map_or(&[], |v| &v[..v.len().min(MAX_SPEC_ITEMS)])
}

/// A check's explicit severity as a tier spelling, or `default`.
fn explicit_severity(chk: &Map<String, Value>, default: &str) -> String {
    match chk.get("severity").and_then(Value::as_str) {
        Some(s) if RuleSeverity::parse(s).is_some() => tier_of(Some(s)).as_str().to_string(),
        _ => default.to_string(),
    }
}

fn deterministic_check(i: usize, chk: &Value, root: &Value) -> CheckOutcome {
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

fn evidence_check(i: usize, chk: &Value, root: &Value) -> CheckOutcome {
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
fn limit_note(why: &str) -> String {
    format!("Not re-derived: {why} (a documented limit of the engine); check it by hand.")
}

fn math_checks(root: &Value, bands: &Bands) -> Vec<CheckOutcome> {
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

fn rule_checks(spec: &Value, root: &Value, bands: Bands) -> Vec<CheckOutcome> {
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
fn normalize(outcomes: &mut [CheckOutcome]) {
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
fn nests_deeper_than(text: &str, max: usize) -> bool {
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
fn json_beyond_limits(why: String) -> Vec<CheckOutcome> {
    vec![auto(
        "json_within_limits",
        "Submission within the engine's limits",
        "schema",
        "high",
        CheckStatus::Flag,
        why,
    )]
}

fn json_invalid(why: String) -> Vec<CheckOutcome> {
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

#[cfg(test)]
mod tests {
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
}
