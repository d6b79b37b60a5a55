//! The shared view of one article the three extractors scan: tokens per sentence,
//! mentions by position, and the small word tests they all use.

use newsgraph_link::LinkedMention;
use newsgraph_model::{ActorId, MentionKind, Sentence, Token, TokenKind};

/// A word lowercased (ASCII), for comparing with word lists without allocating: the
/// word itself when it has no ASCII capital (most words), else a copy on the stack; a
/// word longer than 24 bytes with a capital reads as "" (no list holds one).
pub(crate) enum Low<'a> {
    Same(&'a str),
    Buf([u8; 24], usize),
}

impl std::ops::Deref for Low<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Low::Same(s) => s,
            Low::Buf(b, n) => std::str::from_utf8(&b[..*n]).unwrap_or(""),
        }
    }
}

/// `w` lowercased (see [`Low`]).
pub(crate) fn low(w: &str) -> Low<'_> {
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return Low::Same(w);
    }
    let mut buf = [0u8; 24];
    if w.len() > buf.len() {
        return Low::Buf(buf, 0);
    }
    for (d, b) in buf.iter_mut().zip(w.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    Low::Buf(buf, w.len())
}

/// One article, tokenised once.
pub(crate) struct Doc<'a> {
    pub body: &'a str,
    pub sentences: &'a [Sentence],
    /// All tokens of all sentences, in text order.
    pub toks: Vec<Token>,
    /// Token range `[lo, hi)` of each sentence (by position in `sentences`).
    pub ranges: Vec<(usize, usize)>,
    /// Mentions sorted by start (they never overlap, so ends are sorted too).
    pub mentions: Vec<&'a LinkedMention>,
}

/// Who a phrase names: a resolved actor or, failing that, the words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Named {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub actor: Option<ActorId>,
}

impl<'a> Doc<'a> {
    pub fn new(body: &'a str, sentences: &'a [Sentence], mentions: &'a [LinkedMention]) -> Self {
        let mut toks = Vec::with_capacity(body.len() / 5 + 1);
        let mut ranges = Vec::with_capacity(sentences.len());
        for s in sentences {
            let lo = toks.len();
            let (a, b) = (s.start.min(body.len()), s.end.min(body.len()));
            if a < b {
                toks.extend(newsgraph_segment::tokens(body, a, b));
            }
            ranges.push((lo, toks.len()));
        }
        let mut ms: Vec<&LinkedMention> = mentions
            .iter()
            .filter(|m| {
                m.mention.start < m.mention.end
                    && m.mention.end <= body.len()
                    && body.is_char_boundary(m.mention.start)
                    && body.is_char_boundary(m.mention.end)
            })
            .collect();
        ms.sort_by_key(|m| (m.mention.start, m.mention.end));
        Doc {
            body,
            sentences,
            toks,
            ranges,
            mentions: ms,
        }
    }

    /// The text of token `i` (empty when out of range).
    pub fn text(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.body.get(t.start..t.end))
            .unwrap_or("")
    }

    /// Token `i` is a word equal to `w` (ASCII case-insensitive).
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.text(i).eq_ignore_ascii_case(w)
    }

    /// Token `i` is a word starting with a lowercase letter.
    pub fn is_lower_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
            && self
                .text(i)
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase())
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Token `i` is punctuation that ends a clause.
    pub fn is_clause_break(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct)
            && matches!(
                self.text(i),
                "," | ";" | ":" | "(" | ")" | "—" | "–" | "." | "!" | "?" | "“" | "”" | "\""
            )
    }

    /// Index (into `self.mentions`) of the mention covering byte `b`.
    pub fn mention_at(&self, b: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.mention.end <= b);
        (i < self.mentions.len() && self.mentions[i].mention.start <= b).then_some(i)
    }

    /// Position (into `self.sentences`) of the sentence holding byte `b`.
    pub fn sentence_at(&self, b: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= b);
        (i < self.sentences.len() && self.sentences[i].start <= b).then_some(i)
    }

    /// Index of the first token starting at or after byte `b`.
    pub fn tok_at_or_after(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.start < b)
    }

    /// Sentence position of token `i`.
    pub fn sentence_of_tok(&self, i: usize) -> Option<usize> {
        self.toks.get(i).and_then(|t| self.sentence_at(t.start))
    }

    /// The named thing of mention `mi`, widened over a state or group modifier
    /// mention directly before it ("U.S." + "official" → "U.S. official").
    pub fn named_mention(&self, mi: usize) -> Named {
        let m = &self.mentions[mi].mention;
        let mut start = m.start;
        if m.actor.is_none() && mi > 0 {
            let p = &self.mentions[mi - 1].mention;
            if matches!(p.kind, MentionKind::Gpe | MentionKind::Norp)
                && self
                    .body
                    .get(p.end..m.start)
                    .is_some_and(|g| g.chars().all(char::is_whitespace))
            {
                start = p.start;
            }
        }
        Named {
            start,
            end: m.end,
            text: self.body.get(start..m.end).unwrap_or("").to_string(),
            actor: m.actor.clone(),
        }
    }

    /// The last PERSON mention with an actor that ends before byte `b`.
    pub fn last_person_before(&self, b: usize) -> Option<usize> {
        let n = self.mentions.partition_point(|m| m.mention.end <= b);
        (0..n).rev().find(|&i| {
            let m = &self.mentions[i].mention;
            m.kind == MentionKind::Person && m.actor.is_some()
        })
    }

    /// The subject of the verb at token `cue`, looking left within the sentence
    /// (token floor `lo`): the nearest speaker-like mention with only auxiliaries and
    /// adverbs between, a pronoun "he"/"she" (→ the last person named before), or a
    /// source phrase ("local officials", "state media", "sources", "Reports").
    pub fn subject_left(&self, cue: usize, lo: usize) -> Option<Named> {
        let mut j = cue;
        let mut steps = 0;
        while j > lo && steps < 8 {
            j -= 1;
            steps += 1;
            let t = self.toks[j];
            if let Some(mi) = self.mention_at(t.start) {
                let m = &self.mentions[mi].mention;
                // "the Health Ministry in Gaza says": the place qualifies the source.
                let first = self.tok_at_or_after(m.start);
                if first >= lo + 2
                    && matches!(self.text(first - 1), "in" | "of" | "for" | "at")
                    && SOURCE_NOUNS.contains(&&*low(self.text(first - 2)))
                {
                    let mut n = self.source_phrase(first - 2, lo);
                    n.end = m.end;
                    n.text = self.body.get(n.start..n.end).unwrap_or("").to_string();
                    return Some(n);
                }
                return match m.kind {
                    MentionKind::Person | MentionKind::Org | MentionKind::Gpe => {
                        Some(self.named_mention(mi))
                    }
                    _ => None,
                };
            }
            let w = self.text(j);
            let lw = low(w);
            if FILLERS.contains(&&*lw) && t.kind == TokenKind::Word {
                continue;
            }
            // An apposition or relative clause between subject and verb:
            // "Gharibabadi, who led the delegation, told" — jump to the comma before it.
            if w == "," {
                let k = (lo..j).rev().take(16).find(|&k| self.text(k) == ",")?;
                if k > lo {
                    if let Some(mi) = self.mention_at(self.toks[k - 1].start) {
                        let m = &self.mentions[mi].mention;
                        if matches!(m.kind, MentionKind::Person | MentionKind::Org) {
                            return Some(self.named_mention(mi));
                        }
                    }
                }
                return None;
            }
            if &*lw == "he" || &*lw == "she" {
                let p = self.last_person_before(t.start)?;
                return Some(Named {
                    start: t.start,
                    end: t.end,
                    text: w.to_string(),
                    actor: self.mentions[p].mention.actor.clone(),
                });
            }
            if SOURCE_NOUNS.contains(&&*lw) {
                return Some(self.source_phrase(j, lo));
            }
            // "people familiar with the matter said"
            if j >= lo + 4
                && self.is(j - 1, "the")
                && self.is(j - 2, "with")
                && self.is(j - 3, "familiar")
                && SOURCE_NOUNS.contains(&&*low(self.text(j - 4)))
            {
                let mut n = self.source_phrase(j - 4, lo);
                n.end = t.end;
                n.text = self.body.get(n.start..n.end).unwrap_or("").to_string();
                return Some(n);
            }
            return None;
        }
        None
    }

    /// A source phrase ending with the noun at token `head`: modifiers to its left
    /// ("local", "multiple media", "a senior U.S."), determiners dropped from the text.
    pub fn source_phrase(&self, head: usize, lo: usize) -> Named {
        let mut s = head;
        while s > lo {
            let k = s - 1;
            let lw = low(self.text(k));
            let in_mention = self.mention_at(self.toks[k].start).is_some();
            let word = self.kind(k) == Some(TokenKind::Word);
            let possessive = matches!(&*lw, "'s" | "’s" | "’" | "'") && k > lo;
            // "envoy to the agency", "spokesperson for the ministry"
            let linking = matches!(&*lw, "to" | "for" | "of" | "at")
                && k > lo
                && SOURCE_NOUNS.contains(&&*low(self.text(k - 1)));
            if (word && (SOURCE_MODIFIERS.contains(&&*lw) || SOURCE_NOUNS.contains(&&*lw)))
                || in_mention
                || possessive
                || linking
            {
                s = k;
            } else {
                break;
            }
        }
        while s < head
            && matches!(
                &*low(self.text(s)),
                "a" | "an" | "the" | "'s" | "’s" | "'" | "’"
            )
        {
            s += 1;
        }
        let (start, end) = (self.toks[s].start, self.toks[head].end);
        Named {
            start,
            end,
            text: self.body.get(start..end).unwrap_or("").to_string(),
            actor: None,
        }
    }

    /// The subject after an inverted verb ("said Iranian President Masoud
    /// Pezeshkian"): the first PERSON/ORG mention within five tokens, over title words.
    pub fn subject_right(&self, cue: usize, hi: usize) -> Option<Named> {
        let mut j = cue + 1;
        while j < hi && j <= cue + 5 {
            let t = self.toks[j];
            if let Some(mi) = self.mention_at(t.start) {
                let m = &self.mentions[mi].mention;
                match m.kind {
                    MentionKind::Person | MentionKind::Org => return Some(self.named_mention(mi)),
                    MentionKind::Norp | MentionKind::Gpe => {
                        j = self.tok_at_or_after(m.end);
                        continue;
                    }
                    _ => return None,
                }
            }
            let w = self.text(j);
            if SOURCE_NOUNS.contains(&&*low(w)) {
                return Some(self.source_phrase(j, cue + 1));
            }
            let cap = w.chars().next().is_some_and(char::is_uppercase);
            if !(cap || SOURCE_MODIFIERS.contains(&w) || matches!(w, "one"))
                || t.kind != TokenKind::Word
            {
                return None;
            }
            j += 1;
        }
        None
    }
}

/// Words allowed between a subject and its verb ("has also previously said").
pub(crate) const FILLERS: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "previously",
    "later",
    "earlier",
    "reportedly",
    "again",
    "then",
    "further",
    "repeatedly",
    "publicly",
    "already",
    "recently",
    "once",
    "would",
    "will",
    "had",
    "separately",
    "quickly",
    "privately",
    "firmly",
    "explicitly",
    "clearly",
    "is",
    "was",
    "were",
    "are",
    "been",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
];

/// Nouns that head an unnamed source ("officials said", "state media reported").
pub(crate) const SOURCE_NOUNS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "report",
    "reports",
    "media",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "diplomat",
    "diplomats",
    "witnesses",
    "witness",
    "authorities",
    "analysts",
    "experts",
    "residents",
    "police",
    "medics",
    "doctors",
    "observers",
    "investigators",
    "aides",
    "aide",
    "people",
    "insiders",
    "outlets",
    "outlet",
    "newspaper",
    "agency",
    "ministry",
    "statement",
    "forces",
    "army",
    "navy",
    "military",
    "government",
    "court",
    "guards",
    "embassy",
    "envoy",
    "ambassador",
    "broker",
    "brokers",
    "trader",
    "traders",
    "analyst",
    "lawyer",
    "lawyers",
    "adviser",
    "advisers",
    "commander",
    "commanders",
    "spokespeople",
    "office",
    "officer",
    "officers",
    "negotiators",
    "negotiator",
    "leaders",
    "mediators",
    "residents",
    "activists",
    "group",
    "groups",
    "monitors",
];

/// Words that may modify a source noun ("local officials", "multiple media reports").
pub(crate) const SOURCE_MODIFIERS: &[&str] = &[
    "a",
    "an",
    "the",
    "local",
    "state",
    "state-run",
    "state-owned",
    "multiple",
    "several",
    "senior",
    "unnamed",
    "anonymous",
    "two",
    "three",
    "other",
    "some",
    "many",
    "western",
    "foreign",
    "health",
    "security",
    "government",
    "military",
    "news",
    "unidentified",
    "informed",
    "diplomatic",
    "intelligence",
    "defence",
    "defense",
    "top",
    "high-ranking",
    "administration",
    "israeli",
    "palestinian",
    "iranian",
    "u.s.",
    "us",
    "un",
    "regional",
    "independent",
    "official",
    "medical",
    "hospital",
    "rescue",
    "emergency",
    "familiar",
    "armed",
    "civil",
    "one",
    "london",
    "british",
    "american",
    "russian",
    "chinese",
    "european",
    "oil",
    "industry",
    "shipping",
    "company",
    "ukrainian",
    "turkish",
    "egyptian",
    "qatari",
];
