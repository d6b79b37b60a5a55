//! HTML building blocks: escaping, safe URLs and the page layout.
//!
//! Article text is untrusted, and so is everything derived from it (titles, names,
//! quotes, metadata). Pages are built as strings, and the rule is simple: **every
//! value goes through [`esc`]** (for text and double-quoted attribute values alike;
//! it escapes `& < > " '`), ids in URLs go through [`seg`] (percent-encoding), and a
//! URL that came from an article is only ever a link when [`safe_href`] accepts it
//! (`http:`/`https:` only, so `javascript:` and `data:` URLs stay text). Only string
//! literals written in this crate are pushed unescaped.
//!
//! The layout links one stylesheet and one script from `/static/`; no inline script
//! or style appears anywhere, so the strict Content-Security-Policy the server sends
//! holds.

use std::fmt::{self, Display, Write};

/// Text escaped for HTML text and double- or single-quoted attribute values.
pub struct Esc<'a>(pub &'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut last = 0;
        for (i, b) in s.bytes().enumerate() {
            let rep = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => continue,
            };
            f.write_str(&s[last..i])?;
            f.write_str(rep)?;
            last = i + 1;
        }
        f.write_str(&s[last..])
    }
}

/// Escapes `s` for HTML (text or quoted attribute).
pub fn esc(s: &str) -> Esc<'_> {
    Esc(s)
}

/// A string escaped for HTML, as an owned `String`.
pub fn escape(s: &str) -> String {
    esc(s).to_string()
}

/// One URL path segment or query value, percent-encoded (everything but unreserved
/// characters), so an id can never leave its segment or start a new parameter.
pub struct Seg<'a>(pub &'a str);

impl Display for Seg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                f.write_char(char::from(b))?;
            } else {
                write!(f, "%{b:02X}")?;
            }
        }
        Ok(())
    }
}

/// Percent-encodes `s` for a path segment or a query value.
pub fn seg(s: &str) -> Seg<'_> {
    Seg(s)
}

/// The URL of an article's reader page.
pub fn article_url(id: &str) -> String {
    format!("/articles/{}", seg(id))
}

/// The URL of an actor's page.
pub fn actor_url(id: &str) -> String {
    format!("/actors/{}", seg(id))
}

/// The URL of a story's page.
pub fn story_url(id: &str) -> String {
    format!("/stories/{}", seg(id))
}

/// `url` if it is safe to put in an `href`: an absolute `http:` or `https:` URL
/// without control characters or white space. Anything else (`javascript:`, `data:`,
/// relative, protocol-relative) is `None`, to be shown as text.
pub fn safe_href(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let ok_scheme = lower.starts_with("http://") || lower.starts_with("https://");
    let clean = !url.chars().any(|c| c.is_control() || c.is_whitespace());
    (ok_scheme && clean).then_some(url)
}

/// What a page is, for the navigation bar's highlight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Stories and the home page.
    Home,
    /// Articles and the reader.
    Articles,
    /// Actors.
    Actors,
    /// Events.
    Events,
    /// Search.
    Search,
    /// Anything else.
    Other,
}

/// Wraps a page body in the common layout: head (title, stylesheet, script), the
/// navigation bar with the search box, and a footer.
pub fn layout(title: &str, section: Section, query: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 2048);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · newsgraph</title>\
         <link rel=\"stylesheet\" href=\"/static/app.css\">\
         <link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\
         <script src=\"/static/app.js\" defer></script></head><body>\
         <header class=\"top\"><a class=\"brand\" href=\"/\">newsgraph</a><nav>",
        esc(title)
    );
    for (s, href, label) in [
        (Section::Home, "/", "Stories"),
        (Section::Articles, "/articles", "Articles"),
        (Section::Actors, "/actors", "Actors"),
        (Section::Events, "/events", "Events"),
        (Section::Search, "/search", "Search"),
    ] {
        let cur = if s == section {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(out, "<a href=\"{href}\"{cur}>{label}</a>");
    }
    let _ = write!(
        out,
        "</nav><form class=\"quick\" action=\"/search\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" value=\"{}\" placeholder=\"Search articles\" \
         aria-label=\"Search articles\"></form></header><main>",
        esc(query)
    );
    out.push_str(body);
    out.push_str(
        "</main><footer>newsgraph · <a href=\"/api/openapi.json\">API (OpenAPI)</a></footer>\
         <div id=\"tip\" role=\"tooltip\" hidden></div></body></html>\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(
            escape(r#"<script>alert("x&'y")</script>"#),
            "&lt;script&gt;alert(&quot;x&amp;&#39;y&quot;)&lt;/script&gt;"
        );
        assert_eq!(escape("plain — ünïcode"), "plain — ünïcode");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn segments_cannot_escape_their_place() {
        assert_eq!(seg("a/b?c=d&e#f").to_string(), "a%2Fb%3Fc%3Dd%26e%23f");
        assert_eq!(seg("person:badr-al").to_string(), "person%3Abadr-al");
        assert_eq!(seg("\"><x").to_string(), "%22%3E%3Cx");
        assert_eq!(seg("é").to_string(), "%C3%A9");
    }

    #[test]
    fn only_http_urls_become_links() {
        assert_eq!(
            safe_href("https://example.com/a"),
            Some("https://example.com/a")
        );
        assert_eq!(safe_href("HTTP://EXAMPLE.COM"), Some("HTTP://EXAMPLE.COM"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>",
            "//evil.example",
            "/relative",
            "https://ex ample.com",
            "https://example.com/\u{0}",
            "vbscript:x",
        ] {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn layout_escapes_title_and_query() {
        let page = layout("<b>t</b>", Section::Home, "\"><script>", "<p>body</p>");
        assert!(page.contains("&lt;b&gt;t&lt;/b&gt; · newsgraph"));
        assert!(page.contains("value=\"&quot;&gt;&lt;script&gt;\""));
        assert!(!page.contains("\"><script>"));
        assert!(page.contains("<p>body</p>"));
    }
}
