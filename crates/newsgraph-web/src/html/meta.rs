//! Page metadata: headline, byline, dates, outlet, section, language, canonical URL.
//!
//! Sources, best first for each field:
//! - **JSON-LD** (`<script type="application/ld+json">`): the first object whose
//!   `@type` is an article type (`NewsArticle`, `Article`, `ReportageNewsArticle`,
//!   `BlogPosting`, …), found at the top level, in arrays, or in an `@graph`;
//! - **OpenGraph / article** properties: `og:title`, `og:site_name`, `og:url`,
//!   `og:locale`, `article:published_time`, `article:modified_time`,
//!   `article:section`, `article:author` (when not a URL);
//! - common `<meta name>`s: `author`, `byl`, `parsely-*`, `sailthru.*`, `dc.*`,
//!   `date`, `pubdate`, `publish-date`, `description`, `keywords`;
//! - the document: `<title>` (with the " | Outlet" suffix cut when it names the
//!   outlet), the first `<h1>`, `<time datetime>`, `<html lang>`,
//!   `<link rel=canonical>`.
//!
//! Dates are kept **as precise as stated**: an ISO-8601 date stays a date, a
//! date-time keeps its offset; other forms are not guessed at (a date the page does not
//! state in a machine-readable way is left to the text cleaner).

use super::dom::{collapse, RawMeta};
use serde_json::Value;

/// Metadata fields found on a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub canonical: Option<String>,
    pub keywords: Vec<String>,
    pub ld_body: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "scholarlyarticle",
    "techarticle",
    "report",
];

fn is_article_type(v: &Value) -> bool {
    match v {
        Value::String(s) => {
            let s = s.rsplit('/').next().unwrap_or(s).to_ascii_lowercase();
            ARTICLE_TYPES.contains(&s.as_str())
        }
        Value::Array(a) => a.iter().any(is_article_type),
        _ => false,
    }
}

fn find_article<'a>(v: &'a Value, depth: usize, out: &mut Vec<&'a Value>) {
    if depth > 8 || out.len() > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| find_article(i, depth + 1, out)),
        Value::Object(map) => {
            if map.get("@type").is_some_and(is_article_type) {
                out.push(v);
            }
            if let Some(graph) = map.get("@graph") {
                find_article(graph, depth + 1, out);
            }
            if let Some(main) = map.get("mainEntity") {
                find_article(main, depth + 1, out);
            }
        }
        _ => {}
    }
}

fn parse_ld(text: &str) -> Option<Value> {
    let t = text
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim();
    let t = t
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>")
        .trim();
    serde_json::from_str(t).ok().or_else(|| {
        // Raw control characters inside strings are a common fault.
        let cleaned: String = t
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => {
            let s = collapse(s);
            (!s.is_empty()).then_some(s)
        }
        Value::Object(m) => m.get("name").and_then(text_of),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().filter_map(text_of).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

fn first_of(v: &Value) -> Option<String> {
    match v {
        Value::Array(a) => a.iter().find_map(first_of),
        other => text_of(other),
    }
}

fn url_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if s.starts_with("http") => Some(s.trim().to_owned()),
        Value::Object(m) => m.get("@id").or_else(|| m.get("url")).and_then(url_of),
        _ => None,
    }
}

/// Keeps an ISO-8601-looking date as stated (trimmed); anything else is refused.
pub(crate) fn iso_date(value: &str) -> Option<String> {
    let v = value.trim();
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) {
        // 2019-11-19, 2019-11-19T10:00:00Z, 2019-11-19 10:00:00 (made ISO).
        let mut s = v.to_owned();
        if s.len() > 10 && s.as_bytes()[10] == b' ' && digits(11..13) {
            s.replace_range(10..11, "T");
        }
        return Some(s.split_whitespace().next().unwrap_or("").to_owned());
    }
    if digits(0..8) && v.len() == 8 {
        return Some(format!("{}-{}-{}", &v[0..4], &v[4..6], &v[6..8]));
    }
    None
}

/// Gathers metadata from what the DOM walk collected.
pub(crate) fn gather(raw: &RawMeta) -> Meta {
    let mut m = Meta::default();
    // JSON-LD first.
    for text in &raw.ld_json {
        let Some(value) = parse_ld(text) else {
            continue;
        };
        let mut found = Vec::new();
        find_article(&value, 0, &mut found);
        for a in found {
            let get = |k: &str| a.get(k);
            if m.title.is_none() {
                m.title = get("headline")
                    .and_then(first_of)
                    .or_else(|| get("name").and_then(first_of));
            }
            if m.byline.is_none() {
                m.byline = get("author")
                    .and_then(text_of)
                    .or_else(|| get("creator").and_then(text_of));
            }
            if m.published.is_none() {
                m.published = get("datePublished")
                    .and_then(first_of)
                    .as_deref()
                    .and_then(iso_date);
            }
            if m.modified.is_none() {
                m.modified = get("dateModified")
                    .and_then(first_of)
                    .as_deref()
                    .and_then(iso_date);
            }
            if m.site_name.is_none() {
                m.site_name = get("publisher").and_then(text_of);
            }
            if m.section.is_none() {
                m.section = get("articleSection").and_then(first_of);
            }
            if m.language.is_none() {
                m.language = get("inLanguage").and_then(first_of);
            }
            if m.canonical.is_none() {
                m.canonical = get("mainEntityOfPage")
                    .and_then(url_of)
                    .or_else(|| get("url").and_then(url_of));
            }
            if m.ld_body.is_none() {
                m.ld_body = get("articleBody")
                    .and_then(|v| v.as_str())
                    .map(str::to_owned);
            }
            if m.description.is_none() {
                m.description = get("description").and_then(first_of);
            }
        }
    }
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            raw.metas
                .iter()
                .find(|(name, content)| name == k && !content.is_empty())
                .map(|(_, c)| collapse(c))
        })
    };
    let not_url = |s: String| (!s.starts_with("http")).then_some(s);
    if m.title.is_none() {
        m.title = meta(&[
            "og:title",
            "twitter:title",
            "parsely-title",
            "dc.title",
            "headline",
        ]);
    }
    if m.byline.is_none() {
        m.byline = meta(&[
            "author",
            "article:author",
            "byl",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "dcterms.creator",
            "cxenseparse:author",
        ])
        .and_then(not_url)
        .or_else(|| raw.author_text.clone());
        if let Some(b) = &m.byline {
            let t = b.trim();
            let t = t
                .strip_prefix("By ")
                .or_else(|| t.strip_prefix("by "))
                .unwrap_or(t);
            m.byline = Some(t.to_owned());
        }
    }
    if m.published.is_none() {
        m.published = meta(&[
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "parsely-pub-date",
            "sailthru.date",
            "pubdate",
            "publishdate",
            "publish-date",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.date",
            "dcterms.created",
            "article.published",
        ])
        .as_deref()
        .and_then(iso_date)
        .or_else(|| raw.time.as_deref().and_then(iso_date));
    }
    if m.modified.is_none() {
        m.modified = meta(&[
            "article:modified_time",
            "og:updated_time",
            "datemodified",
            "dcterms.modified",
        ])
        .as_deref()
        .and_then(iso_date);
    }
    if m.site_name.is_none() {
        m.site_name = meta(&[
            "og:site_name",
            "application-name",
            "publisher",
            "dc.publisher",
            "cre",
        ]);
    }
    if m.section.is_none() {
        m.section = meta(&[
            "article:section",
            "section",
            "parsely-section",
            "sailthru.section",
            "category",
        ]);
    }
    if m.language.is_none() {
        m.language = raw
            .lang
            .clone()
            .or_else(|| meta(&["content-language", "language", "dc.language"]))
            .or_else(|| meta(&["og:locale"]).map(|l| l.replace('_', "-")));
    }
    if m.description.is_none() {
        m.description = meta(&["og:description", "description", "twitter:description"]);
    }
    if let Some(k) = meta(&["news_keywords", "keywords"]) {
        m.keywords = k
            .split([',', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .take(50)
            .collect();
    }
    let canonical = raw
        .links
        .iter()
        .find(|(rel, href)| {
            rel.split_whitespace().any(|r| r == "canonical") && href.starts_with("http")
        })
        .map(|(_, h)| h.clone());
    m.canonical = canonical
        .or(m.canonical.take())
        .or_else(|| meta(&["og:url"]));
    if m.title.is_none() {
        m.title = raw
            .title
            .as_deref()
            .map(|t| strip_site_suffix(t, m.site_name.as_deref()))
            .or_else(|| raw.h1.first().cloned());
    }
    m
}

/// Cuts " | Outlet" / " - Outlet" from a `<title>`.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            let named = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
            if named
                || (tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 2)
            {
                return head.trim().to_owned();
            }
        }
    }
    title.trim().to_owned()
}
