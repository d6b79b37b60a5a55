//! Attributions: who a sentence's content is credited to, as a reporting chain.
//!
//! # Idea
//!
//! One pass over each sentence's tokens looks for three constructions:
//!
//! - **a reporting verb with its subject**: a lowercase cue word ([`is_cue`]: "said",
//!   "reported", "confirmed", "estimates", "told", "warned", "say", …) whose subject is
//!   found to its left with only auxiliaries and adverbs between ("Axios reported",
//!   "The United Nations estimates", "Reports also say", "state media reported", "a
//!   U.S. official confirmed"; "he"/"she" is the last person named before);
//! - **a channel after the verb**: "to X" or "told X" with an organisation X, and
//!   "via X" ("a U.S. official confirmed to Axios", "X told Reuters", "Caliber.Az
//!   reports via Axios") — these go to [`Attribution::via`];
//! - **"according to X"**, X being the noun phrase up to the next clause break
//!   ("according to local officials", "According to multiple media reports").
//!
//! The chain of an attribution ([`Attribution::chain`]) is the reporter first (the one
//! whose words the sentence gives: the official, Caliber.Az), then the channels it came
//! through in text order (Axios): "official → Axios", "Caliber.Az ← Axios". Each link is
//! an actor id when the linker resolved the name, else the words ("U.S. official",
//! "local officials").
//!
//! # Limits
//!
//! An attribution covers its own sentence only (a following "he added" sentence is a
//! new one); coordinated reporters are read for two names ("Reuters and AP reported"),
//! not for longer lists or unnamed sources;
//! a subject separated from its verb by a parenthesis or apposition is missed; a
//! definite "the official" is not linked back to the outlet that first quoted them.

use newsgraph_model::{ActorId, MentionKind, TokenKind};
use serde::Serialize;

use crate::doc::{low, Doc, Named};

/// A named link of a reporting chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reporter {
    /// First byte of the name in the body.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The name as written, without a leading determiner ("U.S. official").
    pub text: String,
    /// The actor the name was resolved to, when it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorId>,
}

impl Reporter {
    /// The actor id, else the name as written: what `attributed_to` lists.
    pub fn key(&self) -> String {
        self.actor.clone().unwrap_or_else(|| self.text.clone())
    }

    fn from(n: Named) -> Self {
        Reporter {
            start: n.start,
            end: n.end,
            text: n.text,
            actor: n.actor,
        }
    }
}

/// A reporting construction and the chain it gives its sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// First byte of the construction (the reporter, or "according").
    pub start: usize,
    /// One past its last byte (the verb, or the last channel).
    pub end: usize,
    /// Index of the sentence it covers (`Sentence::index`).
    pub sentence: usize,
    /// Who states it (usually one).
    pub reporter: Vec<Reporter>,
    /// The channels it came through, nearest to the reporter first ("to Axios",
    /// "via Axios").
    pub via: Vec<Reporter>,
    /// The cue as written, lowercase ("reported", "according to").
    pub cue: String,
}

impl Attribution {
    /// The chain: reporters, then channels, as actor ids or names (no repeats).
    pub fn chain(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in self.reporter.iter().chain(&self.via) {
            let k = r.key();
            if !out.contains(&k) {
                out.push(k);
            }
        }
        out
    }
}

/// Reporting verbs and speech verbs that introduce a statement (lowercase forms).
/// (Sorted: looked up by binary search.)
const CUES: &[&str] = &[
    "acknowledged",
    "acknowledges",
    "added",
    "adds",
    "admits",
    "admitted",
    "alleged",
    "alleges",
    "announced",
    "announces",
    "argued",
    "argues",
    "asked",
    "asks",
    "assured",
    "called",
    "cautioned",
    "cautions",
    "claim",
    "claimed",
    "claims",
    "conceded",
    "confirm",
    "confirmed",
    "confirms",
    "declared",
    "declares",
    "demanded",
    "demands",
    "denied",
    "denies",
    "deny",
    "described",
    "describes",
    "disclosed",
    "dubbed",
    "emphasised",
    "emphasized",
    "estimate",
    "estimated",
    "estimates",
    "explained",
    "explains",
    "insist",
    "insisted",
    "insists",
    "noted",
    "notes",
    "pledged",
    "pledges",
    "posted",
    "predicted",
    "predicts",
    "promised",
    "promises",
    "recalled",
    "reiterated",
    "repeated",
    "replied",
    "report",
    "reported",
    "reports",
    "responded",
    "revealed",
    "reveals",
    "said",
    "say",
    "says",
    "stated",
    "stressed",
    "stresses",
    "suggested",
    "suggests",
    "tell",
    "tells",
    "threatened",
    "threatens",
    "told",
    "tweeted",
    "urge",
    "urged",
    "urges",
    "vowed",
    "vows",
    "warn",
    "warned",
    "warns",
    "writes",
    "wrote",
];

/// Cues that only introduce an adjacent quote, never a statement by themselves.
const QUOTE_ONLY: &[&str] = &["described", "describes", "called", "dubbed"];

/// Cues that are also nouns ("media reports", "his claims"): accepted as verbs only
/// before "that", "via", "to" or a clause break.
const NOUN_LIKE: &[&str] = &[
    "report",
    "reports",
    "claim",
    "claims",
    "estimate",
    "estimates",
    "notes",
    "demands",
    "promises",
    "pledges",
    "warns",
];

/// `w` is a lowercase reporting or speech verb.
pub fn is_cue(w: &str) -> bool {
    w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && CUES.binary_search(&w).is_ok()
}

/// Token `i` (before `hi`) is a cue used as a verb: a cue word, and a noun-like one
/// ("reports", "claims") only before "that", "via", "to" or a clause break.
pub(crate) fn verb_cue_at(doc: &Doc<'_>, i: usize, hi: usize) -> bool {
    let w = doc.text(i);
    doc.kind(i) == Some(TokenKind::Word)
        && is_cue(w)
        && (!NOUN_LIKE.contains(&w)
            || doc.is(i + 1, "that")
            || doc.is(i + 1, "via")
            || doc.is(i + 1, "to")
            || i + 1 >= hi
            || doc.is_clause_break(i + 1))
}

/// Finds the attributions of an article (see the module docs).
pub(crate) fn find(doc: &Doc<'_>) -> Vec<Attribution> {
    let mut out = Vec::new();
    for (si, &(lo, hi)) in doc.ranges.iter().enumerate() {
        let sentence = doc.sentences[si].index;
        let mut i = lo;
        while i < hi {
            let w = doc.text(i);
            if w.eq_ignore_ascii_case("according") && doc.is(i + 1, "to") && i + 2 < hi {
                let (np, next) = according_np(doc, i + 2, hi);
                if let Some(r) = np {
                    out.push(Attribution {
                        start: doc.toks[i].start,
                        end: r.end,
                        sentence,
                        reporter: vec![r],
                        via: Vec::new(),
                        cue: "according to".to_string(),
                    });
                }
                i = next;
                continue;
            }
            if verb_cue_at(doc, i, hi) && !QUOTE_ONLY.contains(&w) {
                // Inverted after a quote or a clause: "…,” said one London broker.
                let inverted = || {
                    (i > lo && matches!(doc.text(i - 1), "," | "”" | "\""))
                        .then(|| doc.subject_right(i, hi))
                        .flatten()
                };
                if let Some(subj) = doc.subject_left(i, lo).or_else(inverted) {
                    let (via, end) = channels(doc, i, hi);
                    let mut reporter = vec![Reporter::from(subj)];
                    // "Reuters and AP reported": a coordinated named subject.
                    let first = doc.tok_at_or_after(reporter[0].start);
                    if reporter[0].actor.is_some() && first >= lo + 2 && doc.is(first - 1, "and") {
                        if let Some(mi) = doc.mention_at(doc.toks[first - 2].start) {
                            let m = &doc.mentions[mi].mention;
                            if m.actor.is_some()
                                && matches!(
                                    m.kind,
                                    MentionKind::Person | MentionKind::Org | MentionKind::Gpe
                                )
                            {
                                reporter.insert(0, Reporter::from(doc.named_mention(mi)));
                            }
                        }
                    }
                    out.push(Attribution {
                        start: reporter[0].start.min(doc.toks[i].start),
                        end: end.max(doc.toks[i].end),
                        sentence,
                        reporter,
                        via,
                        cue: w.to_string(),
                    });
                }
            }
            i += 1;
        }
    }
    inherit_channels(&mut out);
    out
}

/// "The U.S. official added …" after "a U.S. official confirmed to Axios": an unnamed
/// reporter given again with "the" keeps the channels it had before.
fn inherit_channels(attrs: &mut [Attribution]) {
    for i in 0..attrs.len() {
        let a = &attrs[i];
        if !a.via.is_empty() || a.reporter.len() != 1 || a.reporter[0].actor.is_some() {
            continue;
        }
        let text = a.reporter[0].text.to_ascii_lowercase();
        let earlier = attrs[..i].iter().rev().find(|b| {
            b.reporter.len() == 1
                && b.reporter[0].actor.is_none()
                && !b.via.is_empty()
                && b.reporter[0].text.eq_ignore_ascii_case(&text)
        });
        if let Some(via) = earlier.map(|b| b.via.clone()) {
            attrs[i].via = via;
        }
    }
}

/// The noun phrase after "according to": a mention alone (its actor), else the words
/// up to the next clause break (at most eight tokens). Returns it and the token after.
fn according_np(doc: &Doc<'_>, from: usize, hi: usize) -> (Option<Reporter>, usize) {
    let mut j = from;
    while j < hi && j < from + 8 && !doc.is_clause_break(j) && !doc.is(j, "that") {
        j += 1;
    }
    if j == from {
        return (None, j);
    }
    let mut s = from;
    while s < j && matches!(&*low(doc.text(s)), "a" | "an" | "the") {
        s += 1;
    }
    if s >= j {
        return (None, j);
    }
    let (start, end) = (doc.toks[s].start, doc.toks[j - 1].end);
    // A phrase that is one mention (with modifiers) names its actor.
    let actor = doc.mention_at(doc.toks[j - 1].start).and_then(|mi| {
        let m = &doc.mentions[mi].mention;
        (m.end == end && m.start <= start + 1).then(|| m.actor.clone())?
    });
    let text = doc.body.get(start..end).unwrap_or("").to_string();
    (
        Some(Reporter {
            start,
            end,
            text,
            actor,
        }),
        j,
    )
}

/// Channels after the verb at `cue`: "to X", "told X" (X an organisation), "via X".
fn channels(doc: &Doc<'_>, cue: usize, hi: usize) -> (Vec<Reporter>, usize) {
    let mut via = Vec::new();
    let mut end = doc.toks[cue].end;
    let mut j = cue + 1;
    let told = matches!(doc.text(cue), "told" | "tells" | "tell");
    loop {
        let prep = doc.is(j, "to") || doc.is(j, "via");
        let at = if prep { j + 1 } else { j };
        if !(prep || (told && via.is_empty() && j == cue + 1)) || at >= hi {
            break;
        }
        // "told The Associated Press": the mention may start after the article.
        let at = if doc.is(at, "the") && at + 1 < hi {
            at + 1
        } else {
            at
        };
        let Some(mi) = doc.mention_at(doc.toks[at].start) else {
            break;
        };
        let m = &doc.mentions[mi].mention;
        if m.kind != MentionKind::Org || m.start != doc.toks[at].start {
            break;
        }
        let n = doc.named_mention(mi);
        end = n.end;
        via.push(Reporter::from(n));
        j = doc.tok_at_or_after(m.end);
    }
    (via, end)
}

#[cfg(test)]
#[test]
fn cues_are_sorted() {
    assert!(CUES.windows(2).all(|w| w[0] < w[1]));
}

/// The attribution that covers byte `at` of sentence `sentence`: the nearest one in
/// that sentence starting before `at`, else the nearest after it.
pub fn attribution_at(attrs: &[Attribution], sentence: usize, at: usize) -> Option<&Attribution> {
    let mut before: Option<&Attribution> = None;
    let mut after: Option<&Attribution> = None;
    for a in attrs.iter().filter(|a| a.sentence == sentence) {
        if a.start <= at {
            if before.is_none_or(|b| a.start >= b.start) {
                before = Some(a);
            }
        } else if after.is_none_or(|b| a.start < b.start) {
            after = Some(a);
        }
    }
    before.or(after)
}

/// The reporting chain of a sentence: every attribution of the sentence, in text
/// order, each as its [`Attribution::chain`], without repeats.
pub fn attribution_for_sentence(attrs: &[Attribution], sentence: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in attrs.iter().filter(|a| a.sentence == sentence) {
        for k in a.chain() {
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}
