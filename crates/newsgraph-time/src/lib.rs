//! Time expressions: recognition and TIMEX3 normalisation, and bounds on the date of
//! undated articles (the time half of the *normalise* stage, DESIGN.md §2).
//!
//! # Idea
//!
//! Time expressions are a small closed language ("late last month", "7 October 2023",
//! "the third quarter", "two days ago", "every Friday"), so recognition is a hand-written
//! scanner, not a cascade of regexes run over every sentence:
//!
//! 1. **Tokens.** One pass over the bytes makes words, numbers and punctuation, and
//!    classifies every word once against the lexicon (months, weekdays, units, number
//!    words, "last"/"next"/"ago", modifiers, …) — [`mod@tokens`], [`lexicon`].
//! 2. **Grammar.** Only at tokens that can begin an expression (a lexicon word or a
//!    number) the grammar reads optional modifiers ("early", "the end of", "more
//!    than"), one core expression and optional suffixes ("ago", "or so"), longest match
//!    first, and yields a description of the expression that does not yet depend on
//!    the date of the document (`grammar`).
//! 3. **Resolution.** Each description is then turned into a TIMEX3 value against the
//!    document creation time (DCT), the tense of its sentence (the nearest cue word:
//!    "will", "is set to", "expected", "next" look forward; "met", "said", "was", "-ed"
//!    forms look back) and the previous date of the text for anaphoric expressions
//!    ("more than a week earlier" after "in June") — `resolve`. Without a DCT, values
//!    that need one stay partial ("XXXX-02-04").
//! 4. **Undated articles.** [`bound_publication`] bounds the publication date from the
//!    latest explicit date the text states in the past tense, explicit dates it
//!    announces in the future tense, and office holders named with their title (through
//!    [`OfficeTerms`], which the knowledge base implements); [`resolve_with_bounds`]
//!    then fills in partial values the bounds make unique.
//!
//! Spans are byte offsets into the body, always on char boundaries. No input panics.

mod bounds;
mod error;
mod grammar;
pub mod lexicon;
mod resolve;
pub mod tokens;
mod value;

pub use bounds::{bound_publication, resolve_with_bounds, OfficeMention, OfficeTerm, OfficeTerms};
pub use error::TimeError;
pub use value::is_valid_value;

use grammar::Sem;
use jiff::civil::Date;
use lexicon::{tense_cue, Cue, Lex};
use newsgraph_model::{Sentence, Timex, TimexType};
use serde::Serialize;
use tokens::{Kind, Tok};
use value::Point;

/// The document creation time: the date an article was published, against which
/// relative expressions are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dct {
    /// The publication date.
    pub date: Date,
}

impl Dct {
    /// A DCT on `date`.
    pub fn new(date: Date) -> Self {
        Dct { date }
    }

    /// Parse an ISO-8601 date or date-time ("2026-01-01", "2026-01-01T21:01:00Z",
    /// "1998-02-13T14:26:00"); only the date part is used. A value with only a year and
    /// month ("2026-01") is taken as the first of the month.
    pub fn parse(s: &str) -> Result<Dct, TimeError> {
        let s = s.trim();
        let head: String = s.chars().take(10).collect();
        let bad = || TimeError::BadDate(s.to_string());
        let mut parts = head.split('-');
        let y: i32 = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let m: u8 = match parts.next() {
            Some(p) => p.get(..2).unwrap_or(p).parse().map_err(|_| bad())?,
            None => 1,
        };
        let d: u8 = match parts.next() {
            Some(p) => p.get(..2).unwrap_or(p).parse().map_err(|_| bad())?,
            None => 1,
        };
        let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
            return Err(bad());
        };
        Date::new(y, m, d).map(Dct::new).map_err(|_| bad())
    }
}

/// The tense of the sentence around an expression, from the nearest cue word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    /// Looks back ("met", "said", "was").
    Past,
    /// Looks forward ("will", "is set to", "expected", "next").
    Future,
    /// No cue.
    #[default]
    Unknown,
}

/// A recognised and normalised time expression, with what its value was resolved from.
///
/// Richer than [`newsgraph_model::Timex`] (which [`TimexFound::to_timex`] gives): the
/// TimeML id, sentence, tense and anchor, and enough of the parse to resolve a partial
/// value again once bounds on the document date are known ([`resolve_with_bounds`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimexFound {
    /// TimeML id, "t1", "t2", … in text order.
    pub tid: String,
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 modifier.
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// Index of the sentence holding it, when sentences were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
    /// Tense of its sentence.
    pub tense: Tense,
    /// TimeML `anchorTimeID`: "t0" for the DCT, the tid of the previous expression for
    /// anaphoric ones, none for explicit values.
    #[serde(rename = "anchorTimeID", skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// The value still needs a document date ("XXXX-02-04").
    pub partial: bool,
    #[serde(skip)]
    strong: bool,
    #[serde(skip)]
    sem: Option<Sem>,
}

impl TimexFound {
    /// The report-contract form for `article`.
    pub fn to_timex(&self, article: &str) -> Timex {
        Timex {
            article: article.to_string(),
            start: self.start,
            end: self.end,
            text: self.text.clone(),
            kind: self.kind,
            value: self.value.clone(),
            r#mod: self.modifier.clone(),
        }
    }

    /// The date range `[first, last]` the value denotes, for DATE and TIME values with
    /// a concrete calendar value (not partial, not a duration or reference).
    pub fn range(&self) -> Option<(Date, Date)> {
        let p = self.point()?;
        Some((p.start()?, p.end()?))
    }

    fn point(&self) -> Option<Point> {
        if self.partial || !matches!(self.kind, TimexType::Date | TimexType::Time) {
            return None;
        }
        match &self.sem {
            Some(Sem::Point(p)) => Some(*p),
            _ => parse_point(&self.value),
        }
    }
}

/// Parse a concrete DATE value back to a period ("2025-06", "2025-06-13", "1989-Q3").
fn parse_point(v: &str) -> Option<Point> {
    let date_part = v.split('T').next()?;
    let mut it = date_part.split('-');
    let y: i32 = it.next()?.parse().ok()?;
    if y < 1000 {
        return None;
    }
    let Some(second) = it.next() else {
        return Some(Point::Year(y));
    };
    if let Some(q) = second.strip_prefix('Q') {
        return Some(Point::Quarter(y, q.parse().ok()?));
    }
    if let Some(h) = second.strip_prefix('H') {
        return Some(Point::Half(y, h.parse().ok()?));
    }
    if let Some(w) = second.strip_prefix('W') {
        return Some(Point::Week(y, w.parse().ok()?));
    }
    let m: u8 = second.parse().ok()?;
    match it.next() {
        None => Some(Point::Month(y, m)),
        Some(d) => Some(Point::Day(value::date(y, m, d.parse().ok()?)?)),
    }
}

/// True when token `t` can begin a time expression.
fn is_trigger(t: &Tok) -> bool {
    match t.kind {
        Kind::Word => t.lex != Lex::None,
        Kind::Num => true,
        Kind::Punct => t.ch == b'\'',
    }
}

/// Recognise and normalise every time expression of `body` against `dct` (the article's
/// publication date, `None` when undated).
///
/// `sentences` (from `newsgraph_segment::sentences`) scope the tense cues and give each
/// expression its sentence index; pass an empty slice to treat the body as one sentence.
/// Spans are byte offsets into `body`, in order and non-overlapping.
pub fn extract(body: &str, sentences: &[Sentence], dct: Option<Dct>) -> Vec<TimexFound> {
    let mut toks = Vec::with_capacity(body.len() / 6 + 1);
    tokens::tokenize(body, 0, body.len(), &mut toks);
    // sentence of every token
    let mut sent_of: Vec<u32> = Vec::with_capacity(toks.len());
    let mut si = 0usize;
    for t in &toks {
        while si + 1 < sentences.len() && sentences[si].end <= t.start {
            si += 1;
        }
        sent_of.push(u32::try_from(si).unwrap_or(u32::MAX));
    }
    let mut hits = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if is_trigger(&toks[i]) {
            if let Some(h) = grammar::parse_at(&toks, body, i) {
                if h.last > h.first && h.first >= i && sent_of[h.first] == sent_of[h.last - 1] {
                    i = h.last;
                    hits.push(h);
                    continue;
                }
            }
        }
        i += 1;
    }
    let mut out: Vec<TimexFound> = Vec::with_capacity(hits.len());
    let mut anchor: Option<(Point, usize)> = None;
    for h in hits {
        let (tense, strong) = tense_at(&toks, &sent_of, body, h.first, h.last);
        let ctx = resolve::Ctx {
            dct: dct.map(|d| d.date),
            tense,
            strong,
            anchor: anchor.map(|a| a.0),
        };
        let r = resolve::resolve(&h.sem, &ctx);
        let start = toks[h.first].start;
        let end = toks[h.last - 1].end;
        let mut modifier = h.modifier.map(str::to_string);
        if matches!(h.sem, Sem::Anaphoric(..) | Sem::Offset(..)) {
            let back = matches!(h.sem, Sem::Anaphoric(_, n) | Sem::Offset(_, n, _) if n < 0);
            modifier = match modifier.as_deref() {
                Some("MORE_THAN") => Some(if back { "BEFORE" } else { "AFTER" }.to_string()),
                Some("LESS_THAN") => Some(if back { "AFTER" } else { "BEFORE" }.to_string()),
                Some("EQUAL_OR_LESS") => Some("APPROX".to_string()),
                other => other.map(str::to_string),
            };
        }
        let anchor_id = match r.anchored {
            resolve::Anchored::Nothing => None,
            resolve::Anchored::Dct => Some("t0".to_string()),
            resolve::Anchored::Previous => anchor.map(|a| out[a.1].tid.clone()),
        };
        let is_partial =
            r.value.contains('X') && !matches!(r.kind, TimexType::Duration | TimexType::Set);
        let tf = TimexFound {
            tid: format!("t{}", out.len() + 1),
            start,
            end,
            text: body[start..end].to_string(),
            kind: r.kind,
            value: r.value,
            modifier,
            sentence: (!sentences.is_empty()).then(|| sent_of[h.first] as usize),
            tense,
            anchor: anchor_id,
            partial: is_partial,
            strong,
            sem: Some(h.sem),
        };
        // anaphoric values never become the reference time themselves
        let anaphoric = matches!(
            tf.sem,
            Some(Sem::Anaphoric(..) | Sem::Same(..) | Sem::Offset(..) | Sem::ReportQuarter(-1))
        );
        if let (Some(p), false) = (r.point, anaphoric) {
            if matches!(tf.kind, TimexType::Date | TimexType::Time) {
                anchor = Some((p, out.len()));
            }
        }
        out.push(tf);
    }
    out
}

/// The tense of the sentence around tokens `[first, last)`: the nearest cue word within
/// ten tokens on either side, in the same sentence.
/// Returns the tense and whether it rests on a strong cue ("will", "met") rather than
/// only a regular past form ("announced", often a participle).
fn tense_at(toks: &[Tok], sent_of: &[u32], body: &str, first: usize, last: usize) -> (Tense, bool) {
    let s = sent_of[first];
    // the expression's own words count first ("next week", "last year", "ago")
    for t in &toks[first..last] {
        if t.kind == Kind::Word {
            match tense_cue(body.as_bytes().get(t.start..t.end).unwrap_or_default()) {
                Cue::Future => return (Tense::Future, true),
                Cue::Past if matches!(t.lex, Lex::Rel(_) | Lex::Ago) => return (Tense::Past, true),
                _ => {}
            }
        }
    }
    let mut weak = false;
    // walk outwards word by word (punctuation does not count towards the distance)
    let mut l = first;
    let mut r = last;
    let in_sent = |k: usize| sent_of[k] == s;
    for _ in 0..10 {
        let mut left = None;
        while l > 0 && in_sent(l - 1) {
            l -= 1;
            if toks[l].kind == Kind::Word {
                left = Some(l);
                break;
            }
        }
        let mut right = None;
        while r < toks.len() && in_sent(r) {
            r += 1;
            if toks[r - 1].kind == Kind::Word {
                right = Some(r - 1);
                break;
            }
        }
        if left.is_none() && right.is_none() {
            break;
        }
        for k in [left, right].into_iter().flatten() {
            match cue_of(&toks[k], body) {
                Cue::Past => return (Tense::Past, true),
                Cue::Future => return (Tense::Future, true),
                Cue::WeakPast => weak = true,
                Cue::None => {}
            }
        }
    }
    if weak {
        (Tense::Past, false)
    } else {
        (Tense::Unknown, false)
    }
}

fn cue_of(t: &Tok, body: &str) -> Cue {
    if t.kind != Kind::Word {
        return Cue::None;
    }
    tense_cue(body.as_bytes().get(t.start..t.end).unwrap_or_default())
}

/// Re-resolve one expression against a document date (used by the bounds code).
pub(crate) fn reresolve(t: &TimexFound, dct: Date) -> Option<String> {
    let sem = t.sem.as_ref()?;
    let ctx = resolve::Ctx {
        dct: Some(dct),
        tense: t.tense,
        strong: t.strong,
        anchor: None,
    };
    if matches!(sem, Sem::Anaphoric(..) | Sem::Same(..)) {
        return None;
    }
    let r = resolve::resolve(sem, &ctx);
    (!r.value.contains('X')).then_some(r.value)
}

#[cfg(test)]
mod tests;
