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

mod audit;
mod formula;
mod penalty;
mod rules;
mod spec;
#[cfg(test)]
mod tests;
mod values;

pub use audit::run_structured_audit;
use formula::*;
use penalty::*;
use rules::*;
pub use spec::validate_spec;
use values::*;
