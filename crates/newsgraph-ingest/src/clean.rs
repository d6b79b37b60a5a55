//! The *clean* stage for text: metadata out of the text, page chrome out of the body.
//!
//! Scraped news text is a page flattened to lines: a date line, a section label, the
//! headline (sometimes glued to its deck), a byline, the paragraphs, and page chrome
//! (share bars, "Comments Here:", "Read more:" links, cookie notices, ads). Cleaning
//! makes one pass over the lines:
//!
//! 1. **Units.** The text is cut into lines (LF, CRLF, CR), whitespace is normalised
//!    (NBSP and Unicode spaces → space, runs collapsed, ends trimmed; all other
//!    characters kept byte for byte), and hard-wrapped blocks are joined
//!    (see [`text`](self::text)).
//! 2. **Header.** From the top, lines are taken while they look like header lines: chrome
//!    is dropped, date lines ([`parse_date`]) become `published`/`updated`, bylines
//!    become `byline` (agencies go to `via`), "Source:"-style lines go to `via`, and
//!    short lines without a sentence end are headline candidates. The header ends at the
//!    first line that reads like a paragraph (ends a sentence, or is long). Of the
//!    candidates, a short all-caps line (or a short Title-Case line followed by a longer
//!    one, or a breadcrumb) is the section, the next is the title, the next the
//!    subtitle when it is short (≤ 16 words); any others stay in the body.
//! 3. **Tail.** From the bottom, chrome, bylines, "Reporting by …; Editing by …" credit
//!    lines, source lines and date lines are taken off.
//! 4. **Body.** The remaining lines minus whole-line chrome, with chrome glued to a
//!    paragraph's end ("… in Gaza. Comments Here:") and "Advertisement" markers between
//!    sentences cut, joined with one `'\n'`. The body is produced once here; every later
//!    span indexes into it.
//! 5. **Outlets.** "X reports via Y" in the text gives `source` X and `via` Y (the
//!    sentence stays in the body); a headline prefix naming an outlet ("Axios: …") and a
//!    dateline agency ("WASHINGTON (AP) —", recorded in `dateline`, the paragraph kept)
//!    add to `via`. A headline glued to its deck is split (see
//!    [`meta::split_glued_deck`]).
//!
//! Known limits: an all-caps headline of four words or fewer is taken for a section;
//! a Title-Case headline followed by a deck line may be taken for a section; a header
//! line that is a short paragraph without final punctuation is taken for a headline;
//! outlets are recognised from a fixed list plus shape ("… News", acronyms), so
//! unfamiliar outlets in bylines can be taken for people; chrome in languages other than
//! English is not recognised; text that is not a news page (lists, tables) is kept as it
//! is, line by line.

mod chrome;
mod date;
mod meta;
mod text;

use text::Unit;

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
    /// When the page states only an "Updated" date, that date is used.
    pub published: Option<String>,
    /// Last-update date-time from an "Updated: …" line, ISO-8601; None when not stated.
    pub updated: Option<String>,
    /// The place of a dateline opening the first paragraph ("WASHINGTON" in
    /// "WASHINGTON (AP) — …"); the paragraph itself is left unchanged.
    pub dateline: Option<String>,
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
    clean(raw, true)
}

/// Cleans a body that came with structured metadata (JSONL, feeds): no headline
/// detection, but chrome, a trailing byline and a leading date line are still handled.
pub fn clean_body(body: &str) -> Cleaned {
    clean(body, false)
}

/// Parses a date or date-time as written in the wild into ISO-8601, keeping only the
/// precision stated ("Jan 1, 2026" → "2026-01-01"; "01 January 2026 21:01 PM" →
/// "2026-01-01T21:01"; "2026-01-01T21:01:00Z" stays as is). `None` when the whole text
/// is not a date (see the rules in the `date` submodule); never guesses from today.
pub fn parse_date(text: &str) -> Option<String> {
    date::parse_date(text)
}

/// Metadata gathered while walking the lines, before it is settled into [`Cleaned`].
#[derive(Default)]
struct Found {
    published: Option<String>,
    updated: Option<String>,
    names: Vec<String>,
    /// Outlets from bylines, source lines and credit lines.
    via_lines: Vec<String>,
    section: Option<String>,
    removed: Vec<String>,
}

impl Found {
    fn date(&mut self, iso: String, updated: bool) {
        let slot = if updated {
            &mut self.updated
        } else {
            &mut self.published
        };
        if slot.is_none() {
            *slot = Some(iso);
        }
    }

    fn byline(&mut self, b: meta::Byline) {
        for n in b.names {
            if !self.names.contains(&n) {
                self.names.push(n);
            }
        }
        self.via_lines.extend(b.via);
    }

    /// Takes a metadata line (date, byline, credit, source) if it is one.
    fn meta_line(&mut self, line: &str) -> bool {
        if let Some(dates) = date_line(line) {
            for (iso, updated) in dates {
                self.date(iso, updated);
            }
            return true;
        }
        if let Some(b) = meta::parse_byline(line).or_else(|| meta::parse_credit_line(line)) {
            self.byline(b);
            return true;
        }
        if let Some(v) = meta::parse_via_line(line) {
            self.via_lines.extend(v);
            return true;
        }
        false
    }

    /// Lines with several fields: "By Jane Doe | Jan 1, 2026", "WORLD | 1 Jan 2026",
    /// "Published: 1 Jan 2026 · Updated: 2 Jan 2026". Every field must be recognised.
    fn segmented_line(&mut self, line: &str, allow_section: bool) -> bool {
        if line.len() > 200 || !line.contains(['|', '·', '•']) {
            return false;
        }
        let mut trial = Found::default();
        let mut any_meta = false;
        for seg in line.split(['|', '·', '•']) {
            let seg = seg.trim();
            if seg.is_empty() || chrome::is_chrome_line(seg, &mut String::new()) {
                continue;
            }
            if trial.meta_line(seg) {
                any_meta = true;
            } else if allow_section && trial.section.is_none() && meta::is_caps_section(seg) {
                trial.section = Some(seg.to_string());
            } else {
                return false;
            }
        }
        if !any_meta {
            return false;
        }
        if let Some(p) = trial.published {
            self.date(p, false);
        }
        if let Some(u) = trial.updated {
            self.date(u, true);
        }
        self.names.extend(trial.names);
        self.via_lines.extend(trial.via_lines);
        if self.section.is_none() {
            self.section = trial.section;
        }
        true
    }
}

/// A date line, possibly labelled ("Updated: …"): `(iso, is_update)`.
fn date_line(line: &str) -> Option<Vec<(String, bool)>> {
    if line.len() > 100 || !line.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let (rest, label) = date::strip_label(line);
    let iso = date::parse_date(rest)?;
    Some(vec![(iso, label == Some(true))])
}

/// Whether a line can be a headline, deck or section rather than a paragraph.
fn is_header_text(line: &str, first: bool) -> bool {
    let words = line.split_whitespace().count();
    if words > 30 || line.len() > 250 {
        return false;
    }
    if line.ends_with('?') {
        return first && words <= 15;
    }
    !chrome::ends_sentence(line) && !line.ends_with([';', ',', ':'])
}

/// Whether a header line after the headline is short enough to be a deck. Longer lines
/// without final punctuation are usually a lead paragraph whose full stop was lost, and
/// the lead carries the main facts, so it stays in the body.
fn is_deck(line: &str) -> bool {
    line.len() <= 120 && line.split_whitespace().count() <= 16
}

fn clean(raw: &str, scraped: bool) -> Cleaned {
    let units = text::units(raw);
    let mut found = Found::default();
    let n = units.len();
    let mut buf = String::new();

    // 2. Header.
    let mut i = 0;
    let mut header_text: Vec<usize> = Vec::new();
    while i < n && i < 16 {
        let t: &str = &units[i].text;
        if chrome::is_chrome_line(t, &mut buf) {
            found.removed.push(t.to_string());
        } else if found.meta_line(t) || found.segmented_line(t, scraped) {
        } else if date::looks_like_date(t) {
            // A date we cannot read (ambiguous day/month): neither headline nor body.
            found.removed.push(t.to_string());
        } else if scraped && header_text.len() < 4 && is_header_text(t, header_text.is_empty()) {
            match meta::breadcrumb(t) {
                Some(s) if found.section.is_none() && header_text.is_empty() => {
                    found.section = Some(s)
                }
                _ => header_text.push(i),
            }
        } else {
            break;
        }
        i += 1;
    }
    let body_start = i;

    // 3. Tail.
    let mut end = n;
    let mut tail_removed = Vec::new();
    while end > body_start {
        let t: &str = &units[end - 1].text;
        if chrome::is_chrome_line(t, &mut buf) {
            tail_removed.push(t.to_string());
        } else if !(found.meta_line(t) || found.segmented_line(t, false)) {
            break;
        }
        end -= 1;
    }

    // Headline candidates → section, title, subtitle; the rest goes back to the body.
    let mut title = None;
    let mut subtitle = None;
    let mut body_units: Vec<&Unit<'_>> = Vec::with_capacity(n);
    if let Some(&first) = header_text.first() {
        let mut rest: &[usize] = &header_text;
        if found.section.is_none() {
            let t: &str = &units[first].text;
            let longer_next = header_text.get(1).is_some_and(|&k| {
                units[k].text.split_whitespace().count() > t.split_whitespace().count()
            });
            if meta::is_caps_section(t) || (meta::is_title_section(t) && longer_next) {
                found.section = Some(t.to_string());
                rest = &rest[1..];
            }
        }
        if end > body_start {
            if let Some((&k, more)) = rest.split_first() {
                title = Some(units[k].text.to_string());
                rest = more;
            }
            if let Some((&k, more)) = rest.split_first() {
                if is_deck(&units[k].text) {
                    subtitle = Some(units[k].text.to_string());
                    rest = more;
                }
            }
        }
        body_units.extend(rest.iter().map(|&k| &units[k]));
    }
    body_units.extend(&units[body_start..end]);

    // 4. Body.
    let mut body = String::with_capacity(raw.len());
    let mut removed = std::mem::take(&mut found.removed);
    let last = body_units.len().saturating_sub(1);
    let mut reports: Vec<(Option<String>, String)> = Vec::new();
    for (k, u) in body_units.iter().enumerate() {
        let t: &str = &u.text;
        if chrome::is_chrome_line(t, &mut buf) {
            removed.push(t.to_string());
            continue;
        }
        let mut t = chrome::strip_glued_tail(t, &mut buf, &mut removed);
        if k == last {
            if let Some(open) = meta::glued_credit_start(t) {
                if let Some(b) = meta::parse_credit_line(&t[open..]) {
                    found.byline(b);
                    t = t[..open].trim_end();
                }
            }
        }
        let fixed = chrome::strip_inline_ads(t, &mut removed);
        let t = fixed.as_deref().unwrap_or(t);
        if t.is_empty() {
            continue;
        }
        reports.extend(meta::reports_via(t));
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(t);
    }

    removed.extend(tail_removed.into_iter().rev());

    // 5. Outlets.
    let mut source = None;
    let mut via: Vec<String> = Vec::new();
    for (src, v) in reports {
        if source.is_none() {
            source = src;
        }
        via.push(v);
    }
    if let Some(t) = &title {
        if let Some(o) = meta::headline_outlet(t, &body) {
            via.push(o);
        }
    }
    let dateline = body
        .split('\n')
        .next()
        .and_then(meta::dateline)
        .unwrap_or_default();
    via.extend(dateline.agency);
    via.extend(found.via_lines);
    if source.is_none() {
        source = removed.iter().find_map(|r| meta::copyright_holder(r));
    }
    let mut seen: Vec<String> = Vec::with_capacity(via.len());
    via.retain(|v| {
        let key = v.to_lowercase();
        let fresh =
            !seen.contains(&key) && source.as_ref().is_none_or(|s| !s.eq_ignore_ascii_case(v));
        seen.push(key);
        fresh
    });

    if subtitle.is_none() {
        if let Some((head, deck)) = title
            .as_deref()
            .and_then(|t| meta::split_glued_deck(t, &body))
        {
            title = Some(head);
            subtitle = Some(deck);
        }
    }

    let byline = meta::Byline {
        names: found.names,
        via: Vec::new(),
    }
    .joined();
    Cleaned {
        title,
        subtitle,
        byline,
        section: found.section,
        published: found.published.or_else(|| found.updated.clone()),
        updated: found.updated,
        dateline: dateline.place,
        source,
        via,
        body,
        removed,
    }
}
