//! Bounds on the publication date of an undated article, and resolving partial values
//! once the bounds make them unique.
//!
//! An undated article still says a lot about when it was written:
//!
//! - an explicit date it states in the past tense (or with no tense cue) has already
//!   happened: the article is on or after the start of that date ("7 October 2023");
//! - an explicit date it announces in the future tense has not: the article is on or
//!   before its end;
//! - an office holder named with a present title ("US President Donald Trump") means the
//!   article falls within one of that person's terms; of several terms (2017–2021,
//!   2025–) only those consistent with the dates above are kept, so a text that also
//!   mentions 7 October 2023 is on or after 2025-01-20. The terms come from the
//!   knowledge base through [`OfficeTerms`].
//!
//! Each bound comes with a human-readable reason naming its evidence.

use crate::value::fmt_date;
use crate::{reresolve, Dct, Tense, TimexFound};
use jiff::civil::Date;
use newsgraph_model::{DateBounds, TimexType};

/// One term of office: from its first day to its last (open when still in office).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfficeTerm {
    /// First day in office.
    pub from: Date,
    /// Last day in office, `None` while in office (or when unknown).
    pub to: Option<Date>,
}

/// An office holder named with a title in a body: "US President Donald Trump".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeMention {
    /// First byte of the phrase.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The phrase as written.
    pub text: String,
    /// The person's terms in that office.
    pub terms: Vec<OfficeTerm>,
    /// The title is a past one ("former President …"): no bound follows.
    pub former: bool,
}

/// Knowledge of who held which office when (implemented by the knowledge base).
pub trait OfficeTerms {
    /// The terms during which the person `name` held the office `title` (as written
    /// before the name, e.g. "US President", "Israeli Prime Minister"); empty when
    /// unknown.
    fn terms(&self, title: &str, name: &str) -> Vec<OfficeTerm>;

    /// Office holders named with their title in `body`. The default finds "[Country]
    /// Title Name" phrases with a small list of titles and asks [`OfficeTerms::terms`];
    /// a knowledge base with its own gazetteer can do better by overriding it.
    fn mentions(&self, body: &str) -> Vec<OfficeMention> {
        default_mentions(self, body)
    }
}

const TITLES: &[&str] = &[
    "President",
    "Minister",
    "Chancellor",
    "Premier",
    "King",
    "Queen",
    "Secretary",
    "Secretary-General",
    "Emperor",
    "Pope",
    "Governor",
    "Mayor",
    "Leader",
];

/// Words with their byte spans (letters, digits, inner `.`, `-`, `'`).
fn words(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in body.char_indices() {
        let inner = c.is_alphanumeric() || (start.is_some() && matches!(c, '.' | '-'));
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, body.len()));
    }
    out
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn default_mentions<T: OfficeTerms + ?Sized>(kb: &T, body: &str) -> Vec<OfficeMention> {
    let ws = words(body);
    let w = |k: usize| body[ws[k].0..ws[k].1].trim_end_matches('.');
    let mut out = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        if !TITLES.contains(&w(k)) {
            k += 1;
            continue;
        }
        // title: capitalised words before it on the same line ("US", "Israeli Prime")
        let mut s = k;
        while s > 0
            && k - s < 3
            && is_cap(w(s - 1))
            && !body[ws[s - 1].1..ws[s].0].contains(['\n', ',', '.'])
        {
            s -= 1;
        }
        // name: up to three capitalised words after it
        let mut e = k + 1;
        while e < ws.len()
            && e - k <= 3
            && is_cap(w(e))
            && !TITLES.contains(&w(e))
            && !body[ws[e - 1].1..ws[e].0].contains(['\n', ','])
        {
            e += 1;
        }
        if e == k + 1 {
            k += 1;
            continue;
        }
        let title = &body[ws[s].0..ws[k].1];
        let name = &body[ws[k + 1].0..ws[e - 1].1];
        let name = name.trim_end_matches('.');
        let terms = kb.terms(title, name);
        if !terms.is_empty() {
            let former = s > 0 && {
                let prev = w(s - 1).to_ascii_lowercase();
                matches!(prev.as_str(), "former" | "ex" | "late" | "then")
            };
            let end = ws[k + 1].0 + name.len();
            out.push(OfficeMention {
                start: ws[s].0,
                end,
                text: body[ws[s].0..end].to_string(),
                terms,
                former,
            });
        }
        k = e;
    }
    out
}

/// Bounds on the publication date of an undated article, with reasons: from the latest
/// explicit date `timexes` (from [`crate::extract`] with no DCT) state in the past, the
/// earliest they announce in the future, and — when `offices` is given — the terms of
/// office holders named with their title.
pub fn bound_publication(
    body: &str,
    timexes: &[TimexFound],
    offices: Option<&dyn OfficeTerms>,
) -> DateBounds {
    let mut from: Option<(Date, String)> = None;
    let mut to: Option<(Date, String)> = None;
    for t in timexes {
        if t.kind != TimexType::Date || t.partial || t.anchor.is_some() {
            continue;
        }
        let Some((first, last)) = t.range() else {
            continue;
        };
        match t.tense {
            Tense::Future => {
                if to.as_ref().is_none_or(|(d, _)| last < *d) {
                    let why = format!(
                        "announces \"{}\" (bytes {}–{}) in the future tense: on or before {}",
                        t.text,
                        t.start,
                        t.end,
                        fmt_date(last)
                    );
                    to = Some((last, why));
                }
            }
            Tense::Past | Tense::Unknown => {
                if from.as_ref().is_none_or(|(d, _)| first > *d) {
                    let why = format!(
                        "mentions \"{}\" (bytes {}–{}) as past: on or after {}",
                        t.text,
                        t.start,
                        t.end,
                        fmt_date(first)
                    );
                    from = Some((first, why));
                }
            }
        }
    }
    let mut reasons: Vec<String> = Vec::new();
    let mut office_reasons = Vec::new();
    if let Some(kb) = offices {
        for m in kb.mentions(body) {
            if m.former {
                continue;
            }
            let lo = from.as_ref().map(|f| f.0);
            let hi = to.as_ref().map(|t| t.0);
            let fitting: Vec<OfficeTerm> = m
                .terms
                .iter()
                .copied()
                .filter(|t| lo.is_none_or(|lo| t.to.is_none_or(|e| e >= lo)))
                .filter(|t| hi.is_none_or(|hi| t.from <= hi))
                .collect();
            let Some(start) = fitting.iter().map(|t| t.from).min() else {
                continue;
            };
            let end = if fitting.iter().all(|t| t.to.is_some()) {
                fitting.iter().filter_map(|t| t.to).max()
            } else {
                None
            };
            if from.as_ref().is_none_or(|(d, _)| start > *d) {
                let why = format!(
                    "names \"{}\" (bytes {}–{}), in office from {}: on or after {}",
                    m.text,
                    m.start,
                    m.end,
                    fmt_date(start),
                    fmt_date(start)
                );
                from = Some((start, why));
            }
            if let Some(end) = end {
                if to.as_ref().is_none_or(|(d, _)| end < *d) {
                    let why = format!(
                        "names \"{}\" (bytes {}–{}), in office until {}: on or before {}",
                        m.text,
                        m.start,
                        m.end,
                        fmt_date(end),
                        fmt_date(end)
                    );
                    to = Some((end, why));
                }
            }
            office_reasons.push(m);
        }
    }
    if let Some((_, why)) = &from {
        reasons.push(why.clone());
    }
    if let Some((_, why)) = &to {
        reasons.push(why.clone());
    }
    DateBounds {
        from: from.map(|f| fmt_date(f.0)),
        to: to.map(|t| fmt_date(t.0)),
        reasons,
    }
}

/// Resolve the partial values of `timexes` ("XXXX-02-04") that `bounds` make unique: a
/// value is filled in when it comes out the same with the document date at either end
/// of the range. Returns how many were resolved; the others stay partial (always so
/// when the range is open on one side).
pub fn resolve_with_bounds(timexes: &mut [TimexFound], bounds: &DateBounds) -> usize {
    let (Some(from), Some(to)) = (bounds.from.as_deref(), bounds.to.as_deref()) else {
        return 0;
    };
    let (Ok(from), Ok(to)) = (Dct::parse(from), Dct::parse(to)) else {
        return 0;
    };
    let mut n = 0;
    for t in timexes.iter_mut().filter(|t| t.partial) {
        let (Some(a), Some(b)) = (reresolve(t, from.date), reresolve(t, to.date)) else {
            continue;
        };
        if a == b {
            t.value = a;
            t.partial = false;
            t.anchor = Some("t0".to_string());
            n += 1;
        }
    }
    n
}
