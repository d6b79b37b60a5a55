//! The one error type of the server, and how it becomes an HTTP response.
//!
//! Every failure a client can cause or see is a [`ServeError`] with an HTTP status and a
//! message that says what was wrong in words the client can act on. API routes answer
//! with a JSON body `{"error": {"status": 404, "message": "…"}}`; the web UI wraps the
//! same error in [`PageError`] to answer with an HTML page. Internal details (database
//! paths, driver messages) are logged, never sent.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use newsgraph_store::StoreError;

/// Why a request (or starting the server) failed.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// A thing asked for by id does not exist.
    #[error("no {what} with id {id:?}")]
    NotFound {
        /// What kind of thing ("article", "actor", …).
        what: &'static str,
        /// The id asked for.
        id: String,
    },

    /// No route answers this path.
    #[error("no such endpoint: {0}")]
    NoRoute(String),

    /// A parameter or body the server cannot use.
    #[error("{0}")]
    BadRequest(String),

    /// A rejection of the HTTP layer (malformed query string, body too large, …), with
    /// the status it chose.
    #[error("{message}")]
    Rejected {
        /// The status to answer with.
        status: StatusCode,
        /// What was wrong.
        message: String,
    },

    /// A write without the right token.
    #[error("{0}")]
    Unauthorized(String),

    /// A write the server's configuration does not allow at all.
    #[error("{0}")]
    Forbidden(String),

    /// A body of a content type the endpoint does not read.
    #[error("unsupported content type {0:?}: send application/json, text/plain or text/html")]
    UnsupportedMediaType(String),

    /// The store failed or refused the operation.
    #[error(transparent)]
    Store(#[from] StoreError),

    /// A bug or a failed background task.
    #[error("internal error: {0}")]
    Internal(String),

    /// The listening socket could not be opened.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: String,
        /// What the OS said.
        #[source]
        source: std::io::Error,
    },

    /// Another I/O failure while serving.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
}

impl ServeError {
    /// The HTTP status this error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            ServeError::NotFound { .. } | ServeError::NoRoute(_) => StatusCode::NOT_FOUND,
            ServeError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ServeError::Rejected { status, .. } => *status,
            ServeError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ServeError::Forbidden(_) => StatusCode::FORBIDDEN,
            ServeError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ServeError::Store(e) => match e {
                StoreError::NotFound { .. } => StatusCode::NOT_FOUND,
                StoreError::AmbiguousPrefix { .. }
                | StoreError::PrefixTooShort { .. }
                | StoreError::InvalidQuery { .. }
                | StoreError::InvalidCursor { .. } => StatusCode::BAD_REQUEST,
                StoreError::InvalidArticle { .. } => StatusCode::UNPROCESSABLE_ENTITY,
                StoreError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            },
            ServeError::Internal(_) | ServeError::Bind { .. } | ServeError::Io(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// The message sent to the client: the error itself for client errors; a generic
    /// sentence for server errors (whose details go to the log instead).
    pub fn public_message(&self) -> String {
        let status = self.status();
        if status.is_server_error() {
            if status == StatusCode::SERVICE_UNAVAILABLE {
                return "the store is busy; try again shortly".into();
            }
            tracing::error!("{self}");
            return "internal error: the server could not complete the request (see its log)"
                .into();
        }
        self.to_string()
    }
}

/// The JSON error body of the API.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// The fields of [`ErrorBody`].
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct ErrorDetail {
    /// The HTTP status code, repeated for clients that only see the body.
    pub status: u16,
    /// What was wrong.
    pub message: String,
}

impl IntoResponse for ServeError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = ErrorBody {
            error: ErrorDetail {
                status: status.as_u16(),
                message: self.public_message(),
            },
        };
        let mut resp = (status, axum::Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            resp.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"newsgraph\""),
            );
        }
        resp
    }
}

/// A [`ServeError`] met while rendering a web page: answered as an HTML page.
#[derive(Debug)]
pub struct PageError(pub ServeError);

impl<E: Into<ServeError>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let page = crate::pages::error_page(status, &self.0.public_message());
        (status, page).into_response()
    }
}

macro_rules! from_rejection {
    ($($t:ty),*) => {$(
        impl From<$t> for ServeError {
            fn from(r: $t) -> Self {
                ServeError::Rejected { status: r.status(), message: r.body_text() }
            }
        }
    )*};
}

from_rejection!(
    axum::extract::rejection::QueryRejection,
    axum::extract::rejection::PathRejection,
    axum::extract::rejection::BytesRejection,
    axum::extract::rejection::JsonRejection
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_follow_the_store_error() {
        let e = ServeError::from(StoreError::InvalidCursor { cursor: "x".into() });
        assert_eq!(e.status(), StatusCode::BAD_REQUEST);
        assert!(e.public_message().contains("invalid cursor"));
        let e = ServeError::from(StoreError::NotFound { id: "abcd".into() });
        assert_eq!(e.status(), StatusCode::NOT_FOUND);
    }

    #[test]
    fn server_errors_hide_their_details() {
        let e = ServeError::Internal("/secret/path/db failed".into());
        assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!e.public_message().contains("/secret"));
    }
}
