//! Text the API accepts from callers: no NUL characters (PostgreSQL cannot
//! store them), trimmed, required or optional, and bounded in characters. Each
//! refusal names the field.

use crate::error::Error;

/// Text may not carry NUL characters (PostgreSQL cannot store them, and no field
/// needs them): a 400 that names the field.
pub fn reject_nul(text: &str, field: &str) -> Result<(), Error> {
    if text.contains('\0') {
        return Err(Error::invalid(format!(
            "{field} must not contain NUL (\\u0000) characters"
        )));
    }
    Ok(())
}

/// Trims optional text: empty is absent, NUL and over-long text are a 400.
pub fn optional_text(
    value: Option<String>,
    field: &str,
    max: usize,
) -> Result<Option<String>, Error> {
    if let Some(v) = &value {
        reject_nul(v, field)?;
    }
    match value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
    {
        Some(v) if v.chars().count() > max => Err(Error::invalid(format!(
            "{field} must be at most {max} characters"
        ))),
        other => Ok(other),
    }
}

/// Trims required text: empty, NUL and over-long text are invalid input.
pub fn required_text(value: &str, field: &str, max: usize) -> Result<String, Error> {
    reject_nul(value, field)?;
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::invalid(format!("{field} is required")));
    }
    if v.chars().count() > max {
        return Err(Error::invalid(format!(
            "{field} must be at most {max} characters"
        )));
    }
    Ok(v.to_string())
}
