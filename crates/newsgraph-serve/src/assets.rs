//! The UI's static files, embedded in the binary at build time (no CDN, no files
//! read at run time): one stylesheet, one script, the icon.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// The stylesheet.
pub const APP_CSS: &str = include_str!("../assets/app.css");
/// The page script (tooltips, highlight toggles).
pub const APP_JS: &str = include_str!("../assets/app.js");
/// The icon.
pub const FAVICON: &str = include_str!("../assets/favicon.svg");

/// An embedded file by name: its content type and content.
pub fn lookup(name: &str) -> Option<(&'static str, &'static str)> {
    match name {
        "app.css" => Some(("text/css; charset=utf-8", APP_CSS)),
        "app.js" => Some(("text/javascript; charset=utf-8", APP_JS)),
        "favicon.svg" => Some(("image/svg+xml", FAVICON)),
        _ => None,
    }
}

/// `GET /static/{name}`.
pub async fn serve(Path(name): Path<String>) -> Response {
    match lookup(&name) {
        Some((content_type, body)) => {
            let mut resp = body.into_response();
            let h = resp.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            );
            resp
        }
        None => (StatusCode::NOT_FOUND, "no such file").into_response(),
    }
}
