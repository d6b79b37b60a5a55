//! Feeds: RSS 0.9x/1.0/2.0, Atom and JSON Feed to items.
//!
//! Parsing is feed-rs (quick-xml underneath). XML safety is checked **before**
//! parsing: a document type declaration with an internal subset that declares entities
//! (`<!ENTITY …>`) is refused with [`WebError::UnsafeXml`] — that is how both the
//! "billion laughs" entity bomb and external entities (`SYSTEM "file:///etc/passwd"`)
//! arrive. A plain `<!DOCTYPE rss PUBLIC …>` (RSS 0.91) is accepted: the DTD is never
//! fetched. Independently of that check, quick-xml as used by feed-rs resolves only the
//! five predefined entities and character references; any other `&name;` stays as
//! text, so nothing is expanded or fetched even if the check were bypassed.
//!
//! Each item keeps title, link, guid (feed-rs derives a stable one when the feed has
//! none), publication date (RFC 3339 in UTC, as feed-rs normalises it), authors, the
//! summary and the full content as plain text (HTML turned into text with
//! [`crate::html_to_text`]), and whether the content looks like the full article or
//! only a summary ([`FeedItem::needs_page`]).
//!
//! Known limits: feeds are read whole (feeds are small; the caller caps the size);
//! dates are normalised to UTC by feed-rs, so the original offset is lost.

use crate::html::html_to_text;
use crate::WebError;
use serde::{Deserialize, Serialize};

/// Largest feed parsed: 32 MiB.
pub const MAX_FEED_BYTES: usize = 32 * 1024 * 1024;

/// Content of at least this many characters counts as the full article.
pub const FULL_CONTENT_CHARS: usize = 1200;

/// One item of a feed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedItem {
    /// The item's id (RSS `guid`, Atom `id`, JSON Feed `id`; derived when absent).
    pub id: String,
    /// Title, as text.
    pub title: Option<String>,
    /// The article's URL (the first `alternate` or unlabelled link).
    pub link: Option<String>,
    /// Publication date, RFC 3339 (UTC), falling back to the update date.
    pub published: Option<String>,
    /// Authors' names, comma-separated.
    pub author: Option<String>,
    /// Summary / description as text.
    pub summary: Option<String>,
    /// Full content (`content:encoded`, Atom `content`, JSON `content_html`/`content_text`)
    /// as text.
    pub content: Option<String>,
    /// Categories / tags.
    pub categories: Vec<String>,
    /// Language, when the feed says.
    pub language: Option<String>,
}

impl FeedItem {
    /// True when the feed carries only a summary (or nothing) for this item, so the
    /// article page should be fetched for the full text.
    pub fn needs_page(&self) -> bool {
        self.content
            .as_deref()
            .is_none_or(|c| c.chars().count() < FULL_CONTENT_CHARS)
    }

    /// The best text the feed itself carries: the content, else the summary.
    pub fn text(&self) -> Option<&str> {
        self.content
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .or(self.summary.as_deref())
    }
}

/// A parsed feed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedFeed {
    /// The feed's title (usually the outlet).
    pub title: Option<String>,
    /// The feed's home page link.
    pub link: Option<String>,
    /// `rss`, `atom`, `json`, `rss0`, `rss1`.
    pub kind: String,
    /// The items, in feed order.
    pub items: Vec<FeedItem>,
}

/// Refuses XML that declares entities (see the module docs).
pub fn check_xml_safety(bytes: &[u8]) -> Result<(), WebError> {
    // Only the prolog can hold a DTD: look before the first element that is not a
    // declaration, within the first 64 KiB.
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_uppercase).collect();
    if let Some(at) = memchr::memmem::find(&lower, b"<!DOCTYPE") {
        let rest = &lower[at..];
        if memchr::memmem::find(rest, b"<!ENTITY").is_some() {
            return Err(WebError::UnsafeXml(
                "the document type declares entities (entity expansion and external entities are not allowed in feeds)".into(),
            ));
        }
        if memchr::memchr(b'[', &rest[..rest.len().min(4096)]).is_some_and(|open| {
            // An internal subset of any kind (e.g. parameter entities).
            memchr::memchr(b'>', &rest[..open]).is_none()
        }) {
            return Err(WebError::UnsafeXml(
                "the document type has an internal subset (not allowed in feeds)".into(),
            ));
        }
    }
    Ok(())
}

fn text(t: &Option<feed_rs::model::Text>) -> Option<String> {
    t.as_ref().and_then(|t| to_text(&t.content))
}

fn to_text(s: &str) -> Option<String> {
    let out = if s.contains('<') {
        html_to_text(s)
    } else {
        s.split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    (!out.trim().is_empty()).then_some(out)
}

/// Parses feed bytes (RSS, Atom or JSON Feed, detected from the content).
///
/// Errors: [`WebError::UnsafeXml`] for entity declarations, [`WebError::TooLarge`]
/// beyond [`MAX_FEED_BYTES`], [`WebError::Feed`] when the bytes are not a feed.
pub fn parse_feed(bytes: &[u8]) -> Result<ParsedFeed, WebError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(WebError::TooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_FEED_BYTES as u64,
        });
    }
    check_xml_safety(bytes)?;
    let feed = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .build()
        .parse(bytes)
        .map_err(|e| WebError::Feed(e.to_string()))?;
    let kind = match feed.feed_type {
        feed_rs::model::FeedType::Atom => "atom",
        feed_rs::model::FeedType::JSON => "json",
        feed_rs::model::FeedType::RSS0 => "rss0",
        feed_rs::model::FeedType::RSS1 => "rss1",
        feed_rs::model::FeedType::RSS2 => "rss",
    };
    let feed_lang = feed.language.clone();
    let items = feed
        .entries
        .iter()
        .map(|e| {
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| e.links.first())
                .map(|l| l.href.trim().to_owned())
                .filter(|l| !l.is_empty());
            let authors: Vec<String> = e
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().map(str::trim))
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect();
            FeedItem {
                id: e.id.clone(),
                title: text(&e.title).map(|t| t.replace('\n', " ")),
                link,
                published: e.published.or(e.updated).map(|d| d.to_rfc3339()),
                author: (!authors.is_empty()).then(|| authors.join(", ")),
                summary: text(&e.summary),
                content: e
                    .content
                    .as_ref()
                    .and_then(|c| c.body.as_deref())
                    .and_then(to_text),
                categories: e
                    .categories
                    .iter()
                    .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone()))
                    .collect(),
                language: e.language.clone().or_else(|| feed_lang.clone()),
            }
        })
        .collect();
    Ok(ParsedFeed {
        title: text(&feed.title),
        link: feed
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .map(|l| l.href.clone()),
        kind: kind.to_owned(),
        items,
    })
}
