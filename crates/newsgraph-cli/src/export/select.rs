//! Which part of the store an export covers: articles chosen by outlet and publication
//! date (the shared `--source/--from/--to` filters) and, optionally, one story.
//!
//! The store applies the article filter itself when it lists articles page by page;
//! the story path filters a story's (already loaded) article list in memory with
//! [`ArticleMatch::matches`], which follows the store's rules exactly: outlet compared
//! case-insensitively (ASCII), dates compared at the precision of the bound, undated
//! articles never passing a date bound.

use newsgraph_store::ArticleSummary;

/// The article filter of an export (`--source`, `--from`, `--to`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMatch {
    /// Only articles from this outlet.
    pub source: Option<String>,
    /// Only articles published on or after this date (a prefix of ISO-8601).
    pub from: Option<String>,
    /// Only articles published on or before this date (a prefix of ISO-8601).
    pub to: Option<String>,
}

impl ArticleMatch {
    /// True when no filter is set (every article passes).
    pub fn is_empty(&self) -> bool {
        self.source.is_none() && self.from.is_none() && self.to.is_none()
    }

    /// Checks that the date bounds look like ISO-8601 dates; the message names the
    /// offending option.
    pub fn check(&self) -> Result<(), String> {
        for (name, bound) in [("--from", &self.from), ("--to", &self.to)] {
            if let Some(b) = bound {
                if !looks_like_date(b) {
                    return Err(format!(
                        "{name} {b:?} is not an ISO-8601 date such as 2026-01-31"
                    ));
                }
            }
        }
        Ok(())
    }

    /// Whether an article passes the filter.
    pub fn matches(&self, a: &ArticleSummary) -> bool {
        if let Some(s) = &self.source {
            if !a.source.eq_ignore_ascii_case(s) {
                return false;
            }
        }
        if let Some(from) = &self.from {
            match &a.published {
                Some(p) if prefix(p, from.chars().count()) >= from.as_str() => {}
                _ => return false,
            }
        }
        if let Some(to) = &self.to {
            match &a.published {
                Some(p) if prefix(p, to.chars().count()) <= to.as_str() => {}
                _ => return false,
            }
        }
        true
    }
}

/// The first `n` characters of `s`.
fn prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// Four digits, then only digits and the punctuation of ISO-8601 date-times.
fn looks_like_date(s: &str) -> bool {
    s.len() >= 4
        && s.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | '.' | '+' | 'T' | 'Z'))
}

/// What an export covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The article filter.
    pub articles: ArticleMatch,
    /// Only this story (full id).
    pub story: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(source: &str, published: Option<&str>) -> ArticleSummary {
        ArticleSummary {
            id: "a".into(),
            title: "t".into(),
            source: source.into(),
            published: published.map(str::to_string),
            byline: None,
            duplicate_of: None,
            words: 1,
            bytes: 1,
            path: None,
            url: None,
            ingested_at: "2026-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn dates_compare_at_the_precision_of_the_bound() {
        let m = ArticleMatch {
            from: Some("2026-03".into()),
            to: Some("2026-03-05".into()),
            ..ArticleMatch::default()
        };
        assert!(m.matches(&summary("x", Some("2026-03-01T08:00:00Z"))));
        assert!(m.matches(&summary("x", Some("2026-03-05T23:59:00Z"))));
        assert!(!m.matches(&summary("x", Some("2026-03-06"))));
        assert!(!m.matches(&summary("x", Some("2026-02-28"))));
        assert!(
            !m.matches(&summary("x", None)),
            "undated never passes a bound"
        );
    }

    #[test]
    fn outlet_is_case_insensitive() {
        let m = ArticleMatch {
            source: Some("gulf wire".into()),
            ..ArticleMatch::default()
        };
        assert!(m.matches(&summary("Gulf Wire", None)));
        assert!(!m.matches(&summary("Gulf Wires", None)));
        assert!(ArticleMatch::default().matches(&summary("", None)));
    }

    #[test]
    fn bad_bounds_are_rejected() {
        let m = ArticleMatch {
            to: Some("yesterday".into()),
            ..ArticleMatch::default()
        };
        assert!(m.check().unwrap_err().contains("--to"));
        let ok = ArticleMatch {
            from: Some("2026-01-31T10:00:00+02:00".into()),
            ..ArticleMatch::default()
        };
        assert!(ok.check().is_ok());
    }
}
