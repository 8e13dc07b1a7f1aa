//! The rule DSL: operands, comparisons, `approx`, boolean combinators and the text
//! that explains a failed rule.

use super::*;

pub(super) struct Ctx<'a> {
    pub(super) root: &'a Value,
    pub(super) bands: Bands,
    pub(super) budget: usize,
}

pub(super) fn operand<'a>(v: &'a Value, ctx: &Ctx<'a>) -> Option<Cow<'a, Value>> {
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

pub(super) fn compare(op: &str, l: &Value, r: &Value) -> Option<bool> {
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
pub(super) fn approx(
    obj: &Map<String, Value>,
    ctx: &Ctx<'_>,
) -> Option<(Option<TierLevel>, String)> {
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
pub(super) fn eval(expr: &Value, ctx: &mut Ctx<'_>, depth: usize) -> Option<bool> {
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

pub(super) fn describe_failure(expr: &Value, ctx: &Ctx<'_>) -> String {
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
