//! Calculation formulas: a numbers-only lexer and parser with Python's arithmetic
//! (exact integers, floor division and modulo, bounded exponents).

use super::*;

#[derive(Debug, PartialEq)]
pub(super) enum FormulaError {
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
pub(super) enum Number {
    Int(i128),
    Float(f64),
}

impl Number {
    /// A JSON number (booleans are not numbers); integers stay exact.
    pub(super) fn of(v: &Value) -> Option<Number> {
        let Value::Number(n) = v else { return None };
        if let Some(i) = n.as_i64() {
            return Some(Number::Int(i.into()));
        }
        if let Some(u) = n.as_u64() {
            return Some(Number::Int(u.into()));
        }
        n.as_f64().filter(|x| x.is_finite()).map(Number::Float)
    }

    pub(super) fn f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(x) => x,
        }
    }

    pub(super) fn is_zero(self) -> bool {
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

pub(super) fn int(v: Option<i128>) -> Result<Number, FormulaError> {
    v.map(Number::Int)
        .ok_or_else(|| FormulaError::Limit("an integer wider than 128 bits".into()))
}

pub(super) fn float(x: f64) -> Result<Number, FormulaError> {
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
pub(super) fn floor_div(x: i128, y: i128) -> Option<i128> {
    let q = x.checked_div(y)?;
    if x % y != 0 && ((x < 0) != (y < 0)) {
        q.checked_sub(1)
    } else {
        Some(q)
    }
}

/// Python's `%` on integers (the sign of the divisor).
pub(super) fn py_mod(x: i128, y: i128) -> Option<i128> {
    let r = x.checked_rem(y)?;
    Some(if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    })
}

/// A binary operator with Python's numeric tower: exact when both operands are
/// integers (`/` always gives a float), floats otherwise.
pub(super) fn binary(op: &Tok, a: Number, b: Number) -> Result<Number, FormulaError> {
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

pub(super) fn power(base: Number, exp: Number) -> Result<Number, FormulaError> {
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
pub(super) enum Tok {
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
pub(super) fn literal(text: &str) -> Result<Number, FormulaError> {
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

pub(super) fn tokenize(formula: &str) -> Result<Vec<Tok>, FormulaError> {
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

pub(super) struct Parser<'a> {
    pub(super) toks: Vec<Tok>,
    pub(super) pos: usize,
    pub(super) depth: usize,
    pub(super) inputs: &'a Map<String, Value>,
}

impl Parser<'_> {
    pub(super) fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    pub(super) fn enter(&mut self) -> Result<(), FormulaError> {
        self.depth += 1;
        if self.depth > MAX_FORMULA_DEPTH {
            Err(FormulaError::Limit(format!(
                "the formula nests deeper than {MAX_FORMULA_DEPTH}"
            )))
        } else {
            Ok(())
        }
    }

    pub(super) fn expr(&mut self) -> Result<Number, FormulaError> {
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

    pub(super) fn term(&mut self) -> Result<Number, FormulaError> {
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

    pub(super) fn unary(&mut self) -> Result<Number, FormulaError> {
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

    pub(super) fn power(&mut self) -> Result<Number, FormulaError> {
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

    pub(super) fn atom(&mut self) -> Result<Number, FormulaError> {
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
pub(super) fn eval_formula(
    formula: &str,
    inputs: &Map<String, Value>,
) -> Result<Number, FormulaError> {
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
