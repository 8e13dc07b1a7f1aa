//! Reading a submission: JSON paths, comparisons and the small value helpers the
//! checks share.

use super::*;

/// Resolves a dotted path through objects only; `len(path)` gives the length
/// of the array, string (in characters) or object found there.
pub(super) fn resolve<'a>(root: &'a Value, path: &str) -> Option<Cow<'a, Value>> {
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

pub(super) fn walk<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    if path.is_empty() {
        return None;
    }
    path.split('.')
        .try_fold(root, |cur, seg| cur.as_object()?.get(seg))
}

/// JSON equality where numbers compare by value (1 == 1.0).
pub(super) fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

pub(super) fn non_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !crate::checks::text::strip(s).is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

/// A JSON number that is not a boolean.
pub(super) fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64().filter(|x| x.is_finite()),
        _ => None,
    }
}

pub(super) fn short(v: &Value) -> String {
    truncate_chars(&v.to_string(), 80)
}

pub(super) fn text_field<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    obj.get(key)
        .and_then(Value::as_str)
        .filter(|s| !crate::checks::text::strip(s).is_empty())
}
