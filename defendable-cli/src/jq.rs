//! `--jq EXPR`: a jq filter over the JSON a command prints, run by the embedded jaq
//! interpreter (no external binary). A filter that does not parse is a usage error.

use jaq_core::data::JustLut;
use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Compiler, Ctx, Vars};
use jaq_json::Val;

use crate::error::CliError;

type Data = JustLut<Val>;

/// A compiled jq filter.
pub struct JqFilter {
    expr: String,
    filter: jaq_core::Filter<Data>,
}

impl std::fmt::Debug for JqFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("JqFilter").field(&self.expr).finish()
    }
}

impl JqFilter {
    /// Parses and compiles `expr` with jq's standard library; errors are exit 2.
    pub fn compile(expr: &str) -> Result<JqFilter, CliError> {
        let defs = jaq_core::defs()
            .chain(jaq_std::defs())
            .chain(jaq_json::defs());
        let funs = jaq_core::funs::<Data>()
            .chain(jaq_std::funs::<Data>())
            .chain(jaq_json::funs::<Data>());
        let arena = Arena::default();
        let program = File {
            code: expr,
            path: (),
        };
        let modules = Loader::new(defs)
            .load(&arena, program)
            .map_err(|errors| bad_expression(expr, load_messages(errors)))?;
        let filter = Compiler::default()
            .with_funs(funs)
            .compile(modules)
            .map_err(|errors| {
                let messages = errors
                    .into_iter()
                    .flat_map(|(_, undefined)| undefined)
                    .map(|(name, kind)| format!("undefined {} {name}", kind.as_str()))
                    .collect();
                bad_expression(expr, messages)
            })?;
        Ok(JqFilter {
            expr: expr.to_string(),
            filter,
        })
    }

    /// Runs the filter on one JSON value; each output is one value.
    pub fn run(&self, input: serde_json::Value) -> Result<Vec<serde_json::Value>, CliError> {
        let input = jaq_json::read::parse_single(input.to_string().as_bytes())
            .map_err(|e| CliError::other(format!("--jq: reading the input: {e}")))?;
        let ctx = Ctx::<Data>::new(&self.filter.lut, Vars::new([]));
        let mut outputs = Vec::new();
        for output in self.filter.id.run((ctx, input)) {
            let value = output.map_err(|exn| match exn.get_err() {
                Ok(error) => CliError::other(format!("--jq: {error}")),
                Err(_) => CliError::other("--jq: the filter halted"),
            })?;
            let text = value.to_string();
            let json = serde_json::from_str(&text).map_err(|e| {
                CliError::other(format!("--jq: the result is not JSON ({e}): {text}"))
            })?;
            outputs.push(json);
        }
        Ok(outputs)
    }
}

fn bad_expression(expr: &str, messages: Vec<String>) -> CliError {
    CliError::usage(format!(
        "--jq {expr:?} is not a valid jq expression: {}",
        messages.join("; ")
    ))
}

/// jaq's lexer and parser errors as "expected X near Y".
fn load_messages<P>(errors: jaq_core::load::Errors<&str, P>) -> Vec<String> {
    use jaq_core::load::Error;
    let near = |rest: &str| {
        let rest: String = rest.chars().take(20).collect();
        if rest.is_empty() {
            "at the end".to_string()
        } else {
            format!("near {rest:?}")
        }
    };
    errors
        .into_iter()
        .flat_map(|(_, error)| match error {
            Error::Io(errs) => errs
                .into_iter()
                .map(|(path, e)| format!("cannot load {path}: {e}"))
                .collect::<Vec<_>>(),
            Error::Lex(errs) => errs
                .into_iter()
                .map(|(expect, rest)| format!("expected {} {}", expect.as_str(), near(rest)))
                .collect(),
            Error::Parse(errs) => errs
                .into_iter()
                .map(|(expect, rest)| format!("expected {} {}", expect.as_str(), near(rest)))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn filters_run_with_the_standard_library() {
        let f = JqFilter::compile("[.[] | select(.n > 1) | .id] | map(ascii_upcase)").unwrap();
        let out = f
            .run(json!([{"id": "a", "n": 1}, {"id": "b", "n": 2}]))
            .unwrap();
        assert_eq!(out, vec![json!(["B"])]);
        let ids = JqFilter::compile(".[].id").unwrap();
        assert_eq!(
            ids.run(json!([{"id": "x"}, {"id": "y"}])).unwrap(),
            vec![json!("x"), json!("y")]
        );
    }

    #[test]
    fn bad_expressions_are_usage_errors_with_the_reason() {
        let e = JqFilter::compile(".[] |").unwrap_err();
        assert_eq!(e.code, crate::error::EXIT_USAGE);
        assert!(e.message.contains("expected"), "{}", e.message);
        let e = JqFilter::compile("nosuchfn(1)").unwrap_err();
        assert_eq!(e.code, crate::error::EXIT_USAGE);
        assert!(
            e.message.contains("undefined filter nosuchfn"),
            "{}",
            e.message
        );
    }

    #[test]
    fn runtime_errors_are_plain_errors() {
        let f = JqFilter::compile(".a.b").unwrap();
        let e = f.run(json!({"a": 1})).unwrap_err();
        assert_eq!(e.code, crate::error::EXIT_ERROR);
    }
}
