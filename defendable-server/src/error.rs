//! The domain error every service returns. It names what went wrong in the
//! domain's terms (not found, conflict, invalid input with its reason, ...);
//! only the handler boundary (`handlers::boundary`) turns it into the API's
//! `{"detail"}` body and an HTTP status. Database errors are mapped here, in
//! one place: text the database refuses is invalid input, a busy database is
//! a retry, anything else is a logged storage failure that leaks nothing.

use std::fmt;

/// What a service call can fail with. Each variant carries the sentence the
/// caller is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The input is malformed or breaks a rule; the text says which and why.
    InvalidInput(String),
    /// No valid credential was presented.
    Unauthenticated(String),
    /// The caller is known but may not do this.
    Forbidden(String),
    /// The thing asked for does not exist (or is not the caller's to see).
    NotFound(String),
    /// The request conflicts with the current state (a stale step, a duplicate).
    Conflict(String),
    /// The thing existed but has expired for good.
    Gone(String),
    /// The input is larger than allowed.
    TooLarge(String),
    /// The input is well-formed but cannot be acted on.
    Unprocessable(String),
    /// Not ready yet; retry after this many seconds.
    NotReady { detail: String, retry_after: u64 },
    /// Too many requests; retry after this many seconds.
    RateLimited { detail: String, retry_after: u64 },
    /// A service this one depends on (Stripe) failed or answered badly.
    Upstream(String),
    /// Storage is busy or a race was lost too often; retry shortly.
    Unavailable(String),
    /// Storage failed; the cause was logged, the text names only the operation.
    Storage(String),
    /// Anything else that is the server's fault; logged where it happened.
    Internal(String),
}

impl Error {
    pub fn invalid(detail: impl Into<String>) -> Self {
        Error::InvalidInput(detail.into())
    }

    pub fn unauthenticated(detail: impl Into<String>) -> Self {
        Error::Unauthenticated(detail.into())
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Error::Forbidden(detail.into())
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Error::NotFound(detail.into())
    }

    pub fn conflict(detail: impl Into<String>) -> Self {
        Error::Conflict(detail.into())
    }

    pub fn gone(detail: impl Into<String>) -> Self {
        Error::Gone(detail.into())
    }

    pub fn too_large(detail: impl Into<String>) -> Self {
        Error::TooLarge(detail.into())
    }

    pub fn unprocessable(detail: impl Into<String>) -> Self {
        Error::Unprocessable(detail.into())
    }

    /// Not ready; retry after `secs` seconds (at least 1).
    pub fn not_ready(detail: impl Into<String>, secs: u64) -> Self {
        Error::NotReady {
            detail: detail.into(),
            retry_after: secs.max(1),
        }
    }

    /// Rate limited; retry after `secs` seconds (at least 1).
    pub fn rate_limited(detail: impl Into<String>, secs: u64) -> Self {
        Error::RateLimited {
            detail: detail.into(),
            retry_after: secs.max(1),
        }
    }

    pub fn upstream(detail: impl Into<String>) -> Self {
        Error::Upstream(detail.into())
    }

    pub fn unavailable(detail: impl Into<String>) -> Self {
        Error::Unavailable(detail.into())
    }

    /// A broken invariant (stored data the server wrote is not as it must be):
    /// logged, and answered as the server's fault.
    pub fn broken(detail: impl Into<String>) -> Self {
        let detail = detail.into();
        tracing::error!("{detail}");
        Error::Internal(detail)
    }

    /// The sentence shown to the caller.
    pub fn detail(&self) -> &str {
        match self {
            Error::InvalidInput(d)
            | Error::Unauthenticated(d)
            | Error::Forbidden(d)
            | Error::NotFound(d)
            | Error::Conflict(d)
            | Error::Gone(d)
            | Error::TooLarge(d)
            | Error::Unprocessable(d)
            | Error::Upstream(d)
            | Error::Unavailable(d)
            | Error::Storage(d)
            | Error::Internal(d) => d,
            Error::NotReady { detail, .. } | Error::RateLimited { detail, .. } => detail,
        }
    }

    /// Seconds to wait before retrying, for the errors that say so.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            Error::NotReady { retry_after, .. } | Error::RateLimited { retry_after, .. } => {
                Some(*retry_after)
            }
            _ => None,
        }
    }

    /// Maps a database error met while doing `context`: text the database
    /// refuses (NUL) is invalid input, a busy database asks for a retry, a
    /// constraint that a check upstream should have caught is a conflict, and
    /// anything else is logged and becomes a storage failure.
    pub fn storage(context: &str, error: sqlx::Error) -> Self {
        if crate::store::is_invalid_text(&error) {
            Error::invalid("text must not contain NUL (\\u0000) characters")
        } else if crate::store::is_retryable(&error) {
            tracing::warn!(%error, "{context}: database busy");
            Error::unavailable("the database is busy; retry shortly")
        } else if crate::store::is_unique_violation(&error) {
            tracing::warn!(%error, "{context}: a uniqueness constraint refused the write");
            Error::conflict(format!("conflict while {context}: it already exists"))
        } else {
            tracing::error!(%error, "{context}");
            Error::Storage(format!("internal error while {context}"))
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.detail())
    }
}

impl std::error::Error for Error {}

impl From<sqlx::Error> for Error {
    fn from(error: sqlx::Error) -> Self {
        Error::storage("using the database", error)
    }
}

/// Logs an internal failure and turns it into an error that leaks nothing.
pub fn internal(context: &str, error: impl fmt::Display) -> Error {
    tracing::error!(%error, "{context}");
    Error::Internal(format!("internal error while {context}"))
}

/// `.map_err(db("reading a run"))`: [`Error::storage`] with what was being done.
pub fn db(context: &str) -> impl FnOnce(sqlx::Error) -> Error + '_ {
    move |error| Error::storage(context, error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_errors_map_by_kind() {
        let e = Error::from(sqlx::Error::RowNotFound);
        assert!(matches!(e, Error::Storage(_)), "{e:?}");
        assert_eq!(e.detail(), "internal error while using the database");
        let e = db("reading a run")(sqlx::Error::PoolTimedOut);
        assert!(matches!(e, Error::Unavailable(_)), "{e:?}");
    }

    #[test]
    fn retry_hints_are_at_least_one_second() {
        assert_eq!(
            Error::rate_limited("slow down", 0),
            Error::RateLimited {
                detail: "slow down".into(),
                retry_after: 1
            }
        );
    }
}
