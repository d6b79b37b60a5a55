//! Direct quotes with their speaker and cue.
//!
//! # Idea
//!
//! 1. **Pairs of quote marks.** One pass over the body's bytes pairs “ with ” and a
//!    straight `"` with the next `"`, never across a line break and never over 2,000
//!    bytes. The quote's span is the words inside the marks, trimmed of white space and
//!    of a trailing `,` `;` `:` or single `.` (“We will respond,” → "We will respond").
//! 2. **The cue**, first match wins:
//!    - *describe … as* directly before the quote ("described by Trump as a “very big”
//!      discussion", "Describing the strikes as a “major success,” Trump said"): cue
//!      "described as", speaker the "by" agent, else the subject of "describe", else the
//!      subject of the speech verb after the quote;
//!    - a speech verb **right after** a quote that ends its clause (a comma, `?` or
//!      `!` before or just after the closing mark), with at most a subject between
//!      (“…,” he said / “…,” said Trump / “…?” the minister asked);
//!    - the nearest speech verb **before** the quote in its sentence (partial quotes:
//!      "warned that any aggression would be met with a “strong response”"; the second
//!      half of a quote split around its cue: “…,” he said, “and quickly.”).
//!
//!    A quote with no cue is a scare quote or a name and is not reported. A one-word
//!    quote, or one whose words are all capitalised (a name: the so-called “Board of
//!    Peace”), needs its cue close: a verb just after it, or one before it in the same
//!    clause (no comma, colon or dash between) within twelve tokens.
//! 3. **The speaker** is the subject of the cue (see `Doc::subject_left`): the nearest
//!    PERSON, ORG or GPE mention before the verb with only auxiliaries and adverbs
//!    between, or after an inverted verb; "he"/"she" is the last PERSON named before
//!    the pronoun (no gender check, no syntax: simple and predictable). An unnamed
//!    source ("a U.S. official") has no actor: the speaker is empty and the words go
//!    to `attributed_to`.
//! 4. **Declined to comment.** "X declined/refused to comment" is a statement without
//!    quoted words. It is reported as a [`Quote`] whose span and text are the refusal
//!    phrase itself ("declined to comment"), with the cue [`DECLINED_TO_COMMENT`]; a
//!    consumer wanting only quoted words filters on that cue.
//!
//! `attributed_to` is the reporting chain of the attribution nearest the quote in the
//! cue's sentence (see [`crate::attribution`]), else the speaker alone.
//!
//! # Limits
//!
//! Single curly quotes (‘…’) are not paired (they are apostrophes too often); a quote
//! running over a paragraph break is lost; a cue in the next sentence ("… ” It was, he
//! said, …) is not searched; pronoun resolution ignores gender and number.

use newsgraph_model::{Article, Quote, TokenKind};

use crate::attribution::{attribution_at, is_cue, verb_cue_at, Attribution};
use crate::doc::{low, Doc, Named, FILLERS, SOURCE_MODIFIERS, SOURCE_NOUNS};

/// The cue of a refusal to comment (a [`Quote`] without quoted words).
pub const DECLINED_TO_COMMENT: &str = "declined to comment";

/// Quote-mark pairs: (open mark start, inner start, inner end, close mark end).
fn pairs(body: &str) -> Vec<(usize, usize, usize, usize)> {
    const OPEN: &str = "“";
    const CLOSE: &str = "”";
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut curly: Option<usize> = None;
    let mut straight: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            curly = None;
            straight = None;
        } else if b == b'"' {
            // Orientation from the neighbours: an opening mark follows white space (or
            // an opening bracket or dash) and precedes a word; a closing one follows a
            // word or punctuation. A mark that can only close never opens, one that can
            // only open restarts an unclosed quote.
            let prev_space = i == 0 || {
                let p = bytes[i - 1];
                p.is_ascii_whitespace() || matches!(p, b'(' | b'[' | b'-' | b'/')
            };
            let next_space = i + 1 >= bytes.len() || {
                let n = bytes[i + 1];
                n.is_ascii_whitespace()
                    || matches!(n, b'.' | b',' | b';' | b':' | b')' | b'?' | b'!')
            };
            let can_open = prev_space && !next_space;
            let can_close = !prev_space;
            match straight {
                Some(o) if can_close && i - o <= 2000 => {
                    out.push((o, o + 1, i, i + 1));
                    straight = None;
                }
                Some(_) if can_open => straight = Some(i),
                Some(_) => straight = None,
                None if can_open || !can_close => straight = Some(i),
                None => {}
            }
        } else if b == 0xE2 && body.get(i..i + 3) == Some(OPEN) {
            curly = Some(i);
        } else if b == 0xE2 && body.get(i..i + 3) == Some(CLOSE) {
            if let Some(o) = curly.take() {
                if i - o <= 2000 {
                    out.push((o, o + 3, i, i + 3));
                }
            }
        }
        i += 1;
    }
    out.sort_unstable();
    out
}

/// Trims white space and trailing `,;:` or one `.` off `[s, e)`.
fn trim(body: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let b = body.as_bytes();
    while s < e && b[s].is_ascii_whitespace() {
        s += 1;
    }
    loop {
        while e > s && b[e - 1].is_ascii_whitespace() {
            e -= 1;
        }
        if e > s && matches!(b[e - 1], b',' | b';' | b':') {
            e -= 1;
            continue;
        }
        if e > s + 1 && b[e - 1] == b'.' && b[e - 2] != b'.' {
            e -= 1;
        }
        break;
    }
    (s, e)
}

/// A speech verb after the quote, with at most its subject between:
/// (cue token, speaker).
fn cue_after(doc: &Doc<'_>, close_tok: usize) -> Option<(usize, Option<Named>)> {
    let sp = doc.sentence_of_tok(close_tok)?;
    let (_, hi) = doc.ranges[sp];
    // “…,” he said / “…?” she asked / “…” , he said — not “…” has vowed (a subject).
    let before = close_tok.checked_sub(1).map(|k| doc.text(k)).unwrap_or("");
    let ends_clause =
        matches!(before, "," | "!" | "?" | "!?" | "?!" | "…") || doc.text(close_tok + 1) == ",";
    if !ends_clause {
        return None;
    }
    let mut j = close_tok + 1;
    while j < hi && doc.text(j) == "," {
        j += 1;
    }
    let floor = j;
    while j < hi && j < floor + 7 {
        let t = doc.toks[j];
        let w = doc.text(j);
        if t.kind == TokenKind::Word && is_cue(w) {
            let who = doc
                .subject_left(j, floor)
                .or_else(|| doc.subject_right(j, hi));
            return Some((j, who));
        }
        if doc.mention_at(t.start).is_some() {
            j += 1;
            continue;
        }
        if t.kind != TokenKind::Word {
            return None;
        }
        let lw = low(w);
        let ok = w.chars().next().is_some_and(char::is_uppercase)
            || matches!(&*lw, "he" | "she" | "they" | "we" | "i")
            || FILLERS.contains(&&*lw)
            || SOURCE_NOUNS.contains(&&*lw)
            || SOURCE_MODIFIERS.contains(&&*lw);
        if !ok {
            return None;
        }
        j += 1;
    }
    None
}

/// "describe … as [a|an|the]" right before the quote: (describe token, speaker).
fn described_as(doc: &Doc<'_>, open_tok: usize, lo: usize) -> Option<(usize, Option<Named>)> {
    let mut k = open_tok;
    while k > lo && matches!(&*low(doc.text(k - 1)), "a" | "an" | "the") {
        k -= 1;
    }
    if k <= lo || !doc.is(k - 1, "as") {
        return None;
    }
    let as_tok = k - 1;
    let floor = as_tok.saturating_sub(10).max(lo);
    let d = (floor..as_tok)
        .rev()
        .find(|&j| low(doc.text(j)).starts_with("describ"))?;
    // "described by Trump as"
    let by = (d + 1..as_tok).find(|&j| doc.is(j, "by")).and_then(|j| {
        let mi = doc.mention_at(doc.toks.get(j + 1)?.start)?;
        Some(doc.named_mention(mi))
    });
    let who = by.or_else(|| doc.subject_left(d, lo));
    Some((d, who))
}

/// The quote is a single word or a run of capitalised words (a name or a title).
fn name_like(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next();
    let rest: Vec<&str> = words.collect();
    rest.is_empty()
        || std::iter::once(first.unwrap_or(""))
            .chain(rest.iter().copied())
            .all(|w| {
                w.chars().next().is_some_and(|c| c.is_uppercase())
                    || matches!(w, "of" | "the" | "and" | "for")
            })
}

/// Finds the quotes of an article (see the module docs).
pub(crate) fn find(doc: &Doc<'_>, article: &Article, attrs: &[Attribution]) -> Vec<Quote> {
    let body = doc.body;
    let mut out = Vec::new();
    for (o, is, ie, c) in pairs(body) {
        let (s, e) = trim(body, is, ie);
        if s >= e {
            continue;
        }
        let (Some(sp_open), Some(_)) = (doc.sentence_at(o), doc.sentence_at(c - 1)) else {
            continue;
        };
        let open_tok = doc.tok_at_or_after(o);
        let close_tok = doc.tok_at_or_after(ie);
        let (lo, _) = doc.ranges[sp_open];
        let text = &body[s..e];
        if open_tok > lo && doc.text(open_tok - 1).eq_ignore_ascii_case("so-called") {
            continue;
        }
        let mut found: Option<(usize, Option<Named>, String)> = None;
        if let Some((d, who)) = described_as(doc, open_tok, lo) {
            let who = who.or_else(|| cue_after(doc, close_tok).and_then(|x| x.1));
            found = Some((d, who, "described as".to_string()));
        }
        if found.is_none() {
            if let Some((j, who)) = cue_after(doc, close_tok) {
                found = Some((j, who, doc.text(j).to_string()));
            }
        }
        if found.is_none() {
            let near = (lo..open_tok)
                .rev()
                .find(|&j| verb_cue_at(doc, j, open_tok + 1));
            if let Some(j) = near {
                let same_clause =
                    open_tok - j <= 12 && (j + 1..open_tok).all(|k| !doc.is_clause_break(k));
                if !name_like(text) || same_clause {
                    let who = doc
                        .subject_left(j, lo)
                        .or_else(|| doc.subject_right(j, open_tok));
                    found = Some((j, who, doc.text(j).to_string()));
                }
            }
        }
        let Some((cue_tok, who, cue)) = found else {
            continue;
        };
        let cue_byte = doc.toks.get(cue_tok).map_or(s, |t| t.start);
        let sentence = doc
            .sentence_at(cue_byte)
            .map_or(doc.sentences[sp_open].index, |p| doc.sentences[p].index);
        out.push(make(article, s, e, who, cue, attrs, sentence, s));
    }
    // Refusals to comment.
    for (sp, &(lo, hi)) in doc.ranges.iter().enumerate() {
        for i in lo..hi {
            let w = doc.text(i);
            if matches!(w, "declined" | "declines" | "refused" | "refuses")
                && doc.is(i + 1, "to")
                && doc.is(i + 2, "comment")
                && i + 2 < hi
            {
                let (s, e) = (doc.toks[i].start, doc.toks[i + 2].end);
                let who = doc.subject_left(i, lo);
                let sentence = doc.sentences[sp].index;
                out.push(make(
                    article,
                    s,
                    e,
                    who,
                    DECLINED_TO_COMMENT.to_string(),
                    attrs,
                    sentence,
                    s,
                ));
            }
        }
    }
    out.sort_by_key(|q| (q.start, q.end));
    out
}

#[allow(clippy::too_many_arguments)]
fn make(
    article: &Article,
    s: usize,
    e: usize,
    who: Option<Named>,
    cue: String,
    attrs: &[Attribution],
    sentence: usize,
    at: usize,
) -> Quote {
    let mut attributed_to = attribution_at(attrs, sentence, at)
        .map(|a| a.chain())
        .unwrap_or_default();
    if attributed_to.is_empty() {
        if let Some(w) = &who {
            attributed_to.push(w.actor.clone().unwrap_or_else(|| w.text.clone()));
        }
    }
    Quote {
        article: article.id.clone(),
        start: s,
        end: e,
        text: article.body.get(s..e).unwrap_or("").to_string(),
        speaker: who.and_then(|w| w.actor),
        cue: Some(cue),
        attributed_to,
    }
}
