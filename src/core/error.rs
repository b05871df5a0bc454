//! The one error type of the data layer, and the mapping from an HTTP answer to it.

use thiserror::Error;

/// Why a document could not be shown. Pages match on this to choose between
/// "not found" (with a way back) and "could not load" (with Retry).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApiError {
    /// The server answered 404, or the URL names something that cannot exist
    /// (an invalid slug or page number): nothing to retry.
    #[error("not found")]
    NotFound,
    /// Any other non-success status.
    #[error("the server answered HTTP {0}")]
    Http(u16),
    /// The request never got an answer (offline, DNS, CORS refused, connection reset).
    #[error("network error: {0}")]
    Network(String),
    /// No complete answer arrived within the time-out.
    #[error("no answer within {0} seconds")]
    Timeout(u32),
    /// An answer arrived but is not a document of the expected shape.
    #[error("the data is not valid: {0}")]
    Decode(String),
}

impl ApiError {
    /// `true` when trying again could help; `false` for "not found".
    pub fn is_retryable(&self) -> bool {
        !matches!(self, ApiError::NotFound)
    }
}

/// Classifies an HTTP status: `Ok(())` for 2xx, `NotFound` for 404 and 410,
/// `Http(status)` for everything else.
pub fn check_status(status: u16) -> Result<(), ApiError> {
    match status {
        200..=299 => Ok(()),
        404 | 410 => Err(ApiError::NotFound),
        other => Err(ApiError::Http(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_statuses_pass() {
        for status in [200, 203, 204, 299] {
            assert_eq!(check_status(status), Ok(()));
        }
    }

    #[test]
    fn missing_documents_are_not_found() {
        assert_eq!(check_status(404), Err(ApiError::NotFound));
        assert_eq!(check_status(410), Err(ApiError::NotFound));
        assert!(!ApiError::NotFound.is_retryable());
    }

    #[test]
    fn other_statuses_keep_their_code_and_can_be_retried() {
        for status in [0, 301, 400, 403, 429, 500, 502, 503] {
            let err = check_status(status).unwrap_err();
            assert_eq!(err, ApiError::Http(status));
            assert!(err.is_retryable());
        }
    }

    #[test]
    fn messages_carry_the_cause() {
        assert_eq!(ApiError::Http(503).to_string(), "the server answered HTTP 503");
        assert_eq!(
            ApiError::Decode("missing field `title` at line 1 column 20".into()).to_string(),
            "the data is not valid: missing field `title` at line 1 column 20"
        );
        assert_eq!(ApiError::Timeout(15).to_string(), "no answer within 15 seconds");
    }
}
