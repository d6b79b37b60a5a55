//! Who may write: the decision made once from the bind address and the token, and the
//! check made on every write request.
//!
//! Reading is open to whoever can reach the server. Writing (ingesting articles) is:
//!
//! - **open** when the server listens on a loopback address and no token was given:
//!   only processes on this machine can reach it;
//! - **token-protected** whenever a token was given: a write must carry
//!   `Authorization: Bearer <token>`;
//! - **closed** when the server listens on a non-loopback address without a token:
//!   anyone on the network could write, so nobody may (and the server warns at start).
//!
//! Browsers add one more way in: a page on another site can make the user's browser
//! POST to `127.0.0.1`. Writes are therefore also refused when the request says it
//! comes from another site (`Sec-Fetch-Site: cross-site`, or an `Origin` whose host is
//! not the `Host` the request was sent to).

use crate::ServeError;
use axum::http::{header, HeaderMap};
use std::net::SocketAddr;

/// Whether and how writes are allowed.
#[derive(Clone, PartialEq, Eq)]
pub enum WritePolicy {
    /// Writes allowed without a token (loopback bind, no token given).
    Open,
    /// Writes need this bearer token.
    Token(String),
    /// Writes refused (non-loopback bind without a token).
    Closed,
}

impl std::fmt::Debug for WritePolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the token.
        match self {
            WritePolicy::Open => f.write_str("Open"),
            WritePolicy::Token(_) => f.write_str("Token(…)"),
            WritePolicy::Closed => f.write_str("Closed"),
        }
    }
}

/// Decides the write policy for a server bound to `addr` with an optional token, and
/// the warning to print at start, if any. An empty token counts as none.
pub fn write_policy(addr: &SocketAddr, token: Option<&str>) -> (WritePolicy, Option<String>) {
    match token.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => (WritePolicy::Token(t.to_string()), None),
        None if addr.ip().is_loopback() => (WritePolicy::Open, None),
        None => (
            WritePolicy::Closed,
            Some(format!(
                "listening on {addr}, which is not a loopback address, without a token: \
                 write endpoints (POST /api/articles) are disabled; pass --token or set \
                 NEWSGRAPH_TOKEN to enable them"
            )),
        ),
    }
}

/// Checks a write request against the policy.
pub fn check_write(policy: &WritePolicy, headers: &HeaderMap) -> Result<(), ServeError> {
    if is_cross_site(headers) {
        return Err(ServeError::Forbidden(
            "cross-site write refused: the request comes from another site's page".into(),
        ));
    }
    match policy {
        WritePolicy::Open => Ok(()),
        WritePolicy::Closed => Err(ServeError::Forbidden(
            "writes are disabled: this server listens on a non-loopback address without a \
             token (restart it with --token or NEWSGRAPH_TOKEN)"
                .into(),
        )),
        WritePolicy::Token(expected) => {
            let given = headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| {
                    v.strip_prefix("Bearer ")
                        .or_else(|| v.strip_prefix("bearer "))
                })
                .map(str::trim);
            match given {
                None => Err(ServeError::Unauthorized(
                    "this write needs a token: send `Authorization: Bearer <token>`".into(),
                )),
                Some(t) if constant_time_eq(t.as_bytes(), expected.as_bytes()) => Ok(()),
                Some(_) => Err(ServeError::Unauthorized("wrong token".into())),
            }
        }
    }
}

/// True when the browser says the request comes from another site.
fn is_cross_site(headers: &HeaderMap) -> bool {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if get("sec-fetch-site") == Some("cross-site") {
        return true;
    }
    match (get("origin"), get("host")) {
        (Some("null"), _) => true,
        (Some(origin), Some(host)) => {
            let origin_host = origin
                .split_once("://")
                .map_or(origin, |(_, rest)| rest)
                .trim_end_matches('/');
            !origin_host.eq_ignore_ascii_case(host)
        }
        // An Origin without a Host cannot be checked; requests without Origin are not
        // from a browser's cross-origin fetch.
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// Compares two byte strings in time independent of where they first differ.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn addr(s: &str) -> SocketAddr {
        s.parse().unwrap()
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn loopback_without_token_is_open() {
        for a in ["127.0.0.1:8080", "[::1]:8080", "127.0.0.2:1"] {
            let (p, warning) = write_policy(&addr(a), None);
            assert_eq!(p, WritePolicy::Open, "{a}");
            assert!(warning.is_none());
        }
    }

    #[test]
    fn non_loopback_without_token_is_closed_and_warns() {
        for a in ["0.0.0.0:8080", "192.0.2.7:80", "[::]:8080"] {
            let (p, warning) = write_policy(&addr(a), None);
            assert_eq!(p, WritePolicy::Closed, "{a}");
            assert!(warning.unwrap().contains("--token"));
        }
        // A blank token is no token.
        assert_eq!(
            write_policy(&addr("0.0.0.0:1"), Some("  ")).0,
            WritePolicy::Closed
        );
    }

    #[test]
    fn a_token_protects_writes_anywhere() {
        for a in ["0.0.0.0:8080", "127.0.0.1:8080"] {
            let (p, _) = write_policy(&addr(a), Some("s3cret"));
            assert_eq!(p, WritePolicy::Token("s3cret".into()));
            assert!(matches!(
                check_write(&p, &HeaderMap::new()),
                Err(ServeError::Unauthorized(_))
            ));
            assert!(matches!(
                check_write(&p, &headers(&[("authorization", "Bearer nope")])),
                Err(ServeError::Unauthorized(_))
            ));
            assert!(check_write(&p, &headers(&[("authorization", "Bearer s3cret")])).is_ok());
        }
    }

    #[test]
    fn closed_refuses_even_with_a_header() {
        let r = check_write(
            &WritePolicy::Closed,
            &headers(&[("authorization", "Bearer x")]),
        );
        assert!(matches!(r, Err(ServeError::Forbidden(_))));
    }

    #[test]
    fn cross_site_writes_are_refused() {
        let open = WritePolicy::Open;
        assert!(check_write(&open, &headers(&[("host", "127.0.0.1:8080")])).is_ok());
        assert!(check_write(
            &open,
            &headers(&[
                ("host", "127.0.0.1:8080"),
                ("origin", "http://127.0.0.1:8080")
            ])
        )
        .is_ok());
        for bad in [
            &[
                ("host", "127.0.0.1:8080"),
                ("origin", "https://evil.example"),
            ][..],
            &[("host", "127.0.0.1:8080"), ("origin", "null")][..],
            &[("sec-fetch-site", "cross-site")][..],
        ] {
            assert!(matches!(
                check_write(&open, &headers(bad)),
                Err(ServeError::Forbidden(_))
            ));
        }
    }

    #[test]
    fn debug_never_shows_the_token() {
        assert!(!format!("{:?}", WritePolicy::Token("s3cret".into())).contains("s3cret"));
    }

    #[test]
    fn constant_time_eq_compares() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
