//! Canonical JSON v1: the exact bytes a receipt hash is taken over.
//!
//! The form is what `orjson.dumps(obj, option=OPT_SORT_KEYS)` produces (orjson up to
//! 3.11.6, the version the golden vectors in `tests/fixtures/` were made with):
//!
//! - no whitespace; separators `,` and `:`;
//! - object keys sorted by code point at every level (UTF-8 byte order);
//! - raw UTF-8, only `"` and `\` and the control characters U+0000..U+001F escaped
//!   (`\b \t \n \f \r`, otherwise `\u00xx` in lowercase hex);
//! - integers from -2^63 to 2^64-1 as written; anything else is an error;
//! - floats in the shortest round-trip form: fixed notation with at least one
//!   fractional digit for decimal exponents -5..=15 (`27.0`, `0.00001`), otherwise
//!   scientific without a `+` sign (`1e16`, `1e-7`, `1.25e-10`); NaN and ±∞ are `null`.
//!
//! orjson 3.11.7 and later write positive exponents with a sign (`1e+16`); canonical v1
//! keeps the unsigned form documented by the reference service.

use std::fmt;

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

mod check;

pub use check::{CanonicalDoc, CanonicalValue};

/// Why a value has no canonical form.
#[derive(Debug, thiserror::Error)]
pub enum CanonicalError {
    /// The value could not be represented as JSON (for example an integer beyond
    /// 64 bits or a map with non-string keys).
    #[error("value has no canonical JSON form: {0}")]
    Unrepresentable(#[from] serde_json::Error),
}

/// The canonical bytes of any serialisable value.
pub fn to_canonical_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, CanonicalError> {
    let value = serde_json::to_value(value)?;
    Ok(value_to_canonical_vec(&value))
}

/// The canonical text of any serialisable value.
pub fn to_canonical_string<T: Serialize + ?Sized>(value: &T) -> Result<String, CanonicalError> {
    let bytes = to_canonical_vec(value)?;
    // The writer only ever emits valid UTF-8.
    Ok(String::from_utf8(bytes).expect("canonical JSON is UTF-8"))
}

/// The canonical bytes of a JSON value (infallible: every `Value` has a form).
pub fn value_to_canonical_vec(value: &Value) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    write_value(&mut out, value);
    out
}

/// Lowercase hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Lowercase hex SHA-256 of a value's canonical bytes.
pub fn sha256_canonical<T: Serialize + ?Sized>(value: &T) -> Result<String, CanonicalError> {
    Ok(sha256_hex(&to_canonical_vec(value)?))
}

/// Checks in one pass, without building a `Value`, that `bytes` are JSON already in
/// canonical form, and gives access to their top-level members. Decides exactly as
/// [`parse_canonical`] does; when the bytes are refused, the reason is the one
/// [`parse_canonical`] gives.
pub fn check_canonical(bytes: &[u8]) -> Result<CanonicalDoc<'_>, NotCanonical> {
    check::check(bytes).ok_or_else(|| match parse_canonical(bytes) {
        Err(e) => e,
        // Not expected: the two decide alike (a property test holds them together).
        Ok(_) => NotCanonical {
            reason: "not in canonical form".to_string(),
        },
    })
}

/// Parses JSON text and returns it only if it is already in canonical form
/// (so a verifier can hash exactly the bytes it was given).
pub fn parse_canonical(bytes: &[u8]) -> Result<Value, NotCanonical> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| NotCanonical {
        reason: format!("not JSON: {e}"),
    })?;
    let again = value_to_canonical_vec(&value);
    if again != bytes {
        let at = again
            .iter()
            .zip(bytes)
            .position(|(a, b)| a != b)
            .unwrap_or(again.len().min(bytes.len()));
        return Err(NotCanonical {
            reason: format!("not in canonical form (first difference at byte {at})"),
        });
    }
    Ok(value)
}

/// True when `bytes` is JSON already in canonical form.
pub fn is_canonical(bytes: &[u8]) -> bool {
    check::check(bytes).is_some()
}

/// Bytes that are not canonical JSON, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotCanonical {
    pub reason: String,
}

impl fmt::Display for NotCanonical {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for NotCanonical {}

fn write_value(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                out.extend_from_slice(u.to_string().as_bytes());
            } else if let Some(i) = n.as_i64() {
                out.extend_from_slice(i.to_string().as_bytes());
            } else {
                write_float(out, n.as_f64().unwrap_or(f64::NAN));
            }
        }
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_value(out, item);
            }
            out.push(b']');
        }
        Value::Object(map) => {
            // Sorted here rather than trusting the map's order, so the form does not
            // depend on serde_json's `preserve_order` feature.
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push(b'{');
            for (i, (key, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_string(out, key);
                out.push(b':');
                write_value(out, item);
            }
            out.push(b'}');
        }
    }
}

/// Shortest round-trip digits (ryu), laid out as orjson does: fixed for decimal
/// exponents -5..=15, scientific with an unsigned positive exponent otherwise.
fn write_float(out: &mut Vec<u8>, f: f64) {
    if !f.is_finite() {
        out.extend_from_slice(b"null");
        return;
    }
    let mut buffer = ryu::Buffer::new();
    out.extend_from_slice(buffer.format_finite(f).as_bytes());
}

fn write_string(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let short: Option<&[u8]> = match b {
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            0x08 => Some(b"\\b"),
            b'\t' => Some(b"\\t"),
            b'\n' => Some(b"\\n"),
            0x0c => Some(b"\\f"),
            b'\r' => Some(b"\\r"),
            0x00..=0x1f => None,
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        match short {
            Some(escape) => out.extend_from_slice(escape),
            None => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(b >> 4) as usize],
                HEX[(b & 0xf) as usize],
            ]),
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn canon(v: &Value) -> String {
        String::from_utf8(value_to_canonical_vec(v)).unwrap()
    }

    #[test]
    fn floats_follow_the_documented_forms() {
        let cases = [
            (0.75, "0.75"),
            (27.0, "27.0"),
            (1e16, "1e16"),
            (1e15, "1000000000000000.0"),
            (1e-7, "1e-7"),
            (1e-5, "0.00001"),
            (-0.0, "-0.0"),
            (1.25e-10, "1.25e-10"),
            (1.7976931348623157e308, "1.7976931348623157e308"),
        ];
        for (f, want) in cases {
            assert_eq!(canon(&json!(f)), want, "{f:e}");
        }
    }

    #[test]
    fn non_finite_floats_are_null() {
        let v = serde_json::to_value([f64::NAN, f64::INFINITY]).unwrap();
        assert_eq!(canon(&v), "[null,null]");
    }

    #[test]
    fn keys_sort_by_code_point_and_strings_escape_minimally() {
        let v = json!({"b": 1, "a": {"ä": "\u{1}\"\\/\u{7f}", "A": [true, null]}, "😀": "\n"});
        assert_eq!(
            canon(&v),
            "{\"a\":{\"A\":[true,null],\"ä\":\"\\u0001\\\"\\\\/\u{7f}\"},\"b\":1,\"😀\":\"\\n\"}"
        );
    }

    #[test]
    fn integers_at_the_64_bit_edges() {
        assert_eq!(canon(&json!(u64::MAX)), "18446744073709551615");
        assert_eq!(canon(&json!(i64::MIN)), "-9223372036854775808");
        assert!(to_canonical_vec(&(u64::MAX as u128 + 1)).is_err());
    }

    #[test]
    fn parse_canonical_rejects_other_forms() {
        assert!(is_canonical(br#"{"a":1,"b":[1.5,"x"]}"#));
        assert!(!is_canonical(br#"{"b":1,"a":1}"#));
        assert!(!is_canonical(br#"{"a": 1}"#));
        assert!(!is_canonical(br#"{"a":1,"a":1}"#));
        assert!(!is_canonical(b"1e+16"));
        assert!(!is_canonical(b"\"\\u00e4\""));
        assert!(!is_canonical(b"not json"));
        let err = parse_canonical(br#"{"a": 1}"#).unwrap_err();
        assert!(err.reason.contains("byte 5"), "{err}");
    }
}
