//! Operator credentials: the internal key (`X-Internal-Key`) that guards the
//! operator-only routes, and the constant-time secret comparison they share.

use http::HeaderMap;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq as _;

use crate::context::AppContext;
use crate::error::Error;

/// The header carrying the internal key.
pub const INTERNAL_KEY_HEADER: &str = "x-internal-key";

/// Compares a presented secret with the expected one in constant time (both are
/// hashed first, so neither the content nor the length leaks through timing).
pub fn secret_matches(presented: &str, expected: &str) -> bool {
    let a = Sha256::digest(presented.as_bytes());
    let b = Sha256::digest(expected.as_bytes());
    a.ct_eq(&b).into()
}

/// 503 when no internal key is configured, 401 when the request does not carry it.
pub fn require_internal_key(ctx: &AppContext, headers: &HeaderMap) -> Result<(), Error> {
    let Some(expected) = ctx.config.internal_api_key.as_deref() else {
        return Err(Error::unavailable("internal surface not configured"));
    };
    let presented = headers
        .get(INTERNAL_KEY_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or("");
    if presented.is_empty() || !secret_matches(presented, expected) {
        return Err(Error::unauthenticated("invalid internal key"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::secret_matches;

    #[test]
    fn secrets_match_only_when_equal() {
        assert!(secret_matches("abc", "abc"));
        assert!(!secret_matches("abc", "abd"));
        assert!(!secret_matches("ab", "abc"));
        assert!(!secret_matches("", "abc"));
    }
}
