//! Cleaning scraped text. (Stub: being written.)

/// What cleaning found in a scraped document: metadata moved out of the text, and the
/// clean body that every later span indexes into.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// Headline, when one was recognised.
    pub title: Option<String>,
    /// Subtitle or deck that followed the headline.
    pub subtitle: Option<String>,
    /// Author(s), without "By".
    pub byline: Option<String>,
    /// Section label ("NEWS DESK").
    pub section: Option<String>,
    /// Publication date-time, ISO-8601, as precise as stated; None when not stated.
    pub published: Option<String>,
    /// The outlet that published this copy ("Caliber.Az"), when the text says.
    pub source: Option<String>,
    /// Outlets it was syndicated from, nearest first ("Axios").
    pub via: Vec<String>,
    /// The clean body: paragraphs separated by a single '\n'.
    pub body: String,
    /// Chrome lines or fragments that were removed (for diagnostics).
    pub removed: Vec<String>,
}

/// Cleans a whole scraped document (date line, section, headline, body, byline, chrome).
pub fn clean_scraped(raw: &str) -> Cleaned {
    let _ = raw;
    todo!()
}

/// Cleans a body that came with structured metadata (JSONL, feeds): no headline
/// detection, but chrome, a trailing byline and a leading date line are still handled.
pub fn clean_body(body: &str) -> Cleaned {
    let _ = body;
    todo!()
}

/// Parses a date or date-time as written in the wild into ISO-8601, keeping only the
/// precision stated ("Jan 1, 2026" → "2026-01-01"; "01 January 2026 21:01 PM" →
/// "2026-01-01T21:01"; "2026-01-01T21:01:00Z" stays as is).
pub fn parse_date(text: &str) -> Option<String> {
    let _ = text;
    todo!()
}
