//! Conversions into the API's `{"detail"}` error. Internal failures are logged
//! with their cause and answered with a 500 that leaks nothing.

pub use defendable_contract::api::ApiError;

/// Logs an internal failure and turns it into a 500.
pub fn internal(context: &str, error: impl std::fmt::Display) -> ApiError {
    tracing::error!(%error, "{context}");
    ApiError::internal(format!("internal error while {context}"))
}

/// Maps a database error: a busy database is 503 (retry), anything else 500.
pub fn db(context: &str) -> impl FnOnce(sqlx::Error) -> ApiError + '_ {
    move |error| {
        if crate::store::is_invalid_text(&error) {
            ApiError::bad_request("text must not contain NUL (\\u0000) characters")
        } else if crate::store::is_retryable(&error) {
            tracing::warn!(%error, "{context}: database busy");
            ApiError::unavailable("the database is busy; retry shortly")
        } else {
            internal(context, error)
        }
    }
}
