//! The *relate* stage for events (DESIGN.md §2, §8): who did what to whom, where, when,
//! how certain and according to whom, typed with the PLOVER ontology.
//!
//! # Idea
//!
//! [`extract_events`] is a pure function of one article's clean body, its sentences,
//! its linked mentions (from `newsgraph-link`) and its time expressions (from
//! `newsgraph-time`). No parser: per sentence it
//!
//! 1. **finds triggers** with a lexicon ([`lexicon`]) of verbs (by lemma: "struck" →
//!    strike) and event nouns ("talks", "strikes", "sanctions", "the invasion of X"),
//!    each mapped to a PLOVER type, an optional mode (ASSAULT/aerial, CONSULT/visit, …)
//!    and the prepositions that introduce its target ("strikes *on* X", "talks *with*
//!    X"). Ambiguous words need context ("lift sanctions", "pull out", "joint drills",
//!    "missiles" after a light verb, "signed" with a pact-like object; "fired tear
//!    gas" is coercion, "banned exports" a sanction, "sent a delegation" a visit,
//!    "sent missiles" aid); a noun after a *light verb* ("held talks", "carried
//!    out airstrikes", "struck a deal", "is weighing strikes", "claimed responsibility
//!    for an attack", "travelled to Israel for talks") takes the light verb's subject.
//!    A named event ("a 12-day conflict") still has its head noun as trigger; in a
//!    compound ("a security cooperation agreement") only the head counts. Word-class
//!    guesses keep adjectives and nouns out: a participle after a determiner ("the
//!    seized tanker"), a reduced relative after a noun when the sentence already has a
//!    verb ("citizens accused of spying"), a base or "-s" form without a subject before
//!    it ("house arrest", "the IRA bombs"), an "-s" form before a place ("Houthi
//!    targets in Yemen"), a word followed by an auxiliary ("Labour support has …"),
//!    gerunds after a preposition, and idioms ("seize on", "provided that", "asked
//!    whether"); a capitalised "May" inside a sentence is the month;
//! 2. **reads the clause around the trigger** over tokens: the *source* is the nearest
//!    mention to the left inside the clause that is not in a prepositional phrase
//!    ("over Iran's missiles" is skipped; "ministers of the EU", "tens of thousands of
//!    Israelis" are kept), extended over coordination ("X and Y", "X, alongside Y,";
//!    commas alone are an apposition), skipping an apposition or a relative clause
//!    between commas ("Hamas, the Palestinian group, attacked"; "Turkey, which has
//!    mediated …, hosted talks"); a common-noun subject right before the verb ("the
//!    party signed") means no mention is the subject; a pronoun subject goes only to
//!    the speaker of a reporting or cue verb ("Hamas said it …"); a relative clause
//!    takes its antecedent ("settlers who attacked", not a name inside a phrase before
//!    "that"); a subordinate clause has its own subject ("after Moscow expelled"); a
//!    purpose infinitive takes the main subject, not the object ("summoned the French
//!    ambassador to protest", unlike "urged Israel to …"); a participle after a comma
//!    takes the main verb's subject ("Russia pounded Kharkiv, killing six"); the
//!    subject of a passive topic verb ("a strike on X was discussed") is no party, and
//!    a warning verb closing the sentence (", analysts warned.") reports rather than
//!    threatens. The *target* is the first
//!    mention to the right, directly (object, also "the ruling of the court") or after
//!    one of the trigger's prepositions, up to an infinitive ("urged X *to* …", not
//!    "to northern Gaza") or a new clause after a comma ("…, the Pentagon said"), never
//!    a mention inside an abstract phrase ("attacked the decision by …": verbal attacks
//!    are dropped); passive voice, also reduced ("a deal mediated by X") or with a light
//!    verb ("the strikes were carried out by X"), swaps them; nouns take possessives and
//!    demonyms ("Netanyahu's visit", "Israeli strikes"), "by X", "between X and Y"; a
//!    speaker is a party to reported talks with someone else ("the Kremlin said the
//!    talks with Ukraine …"); *places* are GPE/LOC/FAC mentions after "in/at/near" and
//!    the list between em-dashes after the object ("sites—Fordow, Natanz, and
//!    Isfahan—"); an attack on a place in a state ("in the Ukrainian city of Odesa",
//!    "inside Iran") targets the state;
//! 3. **decides the modality** from cue words between the clause start and the
//!    trigger (and, for a noun subject, its own predicate after it: "talks … are
//!    expected to resume", "the summit was cancelled"), strongest first: NEGATED
//!    ("not", "no", "denied", "refused to", "cancelled"; not a negated saying: "did
//!    not say whether it would strike" is POSSIBLE), THREATENED (embedded under
//!    "threatened to", "warned that"), POSSIBLE (lexical: "considering", "the
//!    possibility of", "could favor", "any future", "trying to", "is unlikely to", "is
//!    believed to", "ready to", "whether"), CONDITIONAL (a modal with an "if"/"unless"
//!    clause, also "said it would … if"; events *inside* the if-clause are not
//!    emitted), POSSIBLE (a bare modal), PLANNED ("will", "is set to", "is expected
//!    to", "preparing", "postponed"), REPORTED (a reporting cue that covers the trigger:
//!    one after it, or one before it with no "but"/"while"/";" in between), else
//!    ASSERTED. An event embedded under another speech act ("urged Trump to return to
//!    *negotiations*", "blamed Russia for the *attack*") is not emitted: it is the
//!    content of the request or accusation, not a fact; a purpose "to protest" of a
//!    physical act ("blocked roads to protest") is the protest itself;
//! 4. **anchors time**: the nearest DATE/TIME expression of the sentence, a time
//!    directly before a noun ("the June strikes"), else the article's date for
//!    present-tense and present-perfect reports (anchor `dct`);
//! 5. **attributes**: the speakers of the reporting cues that cover the trigger ("X
//!    said", "X reported", "according to X", "confirmed to X"; "reportedly" names
//!    nobody), else the article's outlet;
//! 6. **merges across the article**: an anaphoric definite nominal or a verb whose
//!    subject is one ("the talks took place…", "That military campaign targeted …")
//!    and a later event whose participants are a subset of an earlier one of the same
//!    type are the earlier event, when their times and participants do not contradict
//!    it ("the October 2023 offensive" is not the June 2025 attacks): they add their
//!    attribution (and a timex when the earlier event had none of its own) to it and
//!    are not emitted twice. A dated definite nominal after an event with its own date
//!    ("Describing the June strikes as …" after "a 12-day conflict" in June) is a report
//!    of its own: it takes the antecedent's participants and certainty (a definite
//!    description presupposes the event, it does not report it anew) and keeps its own
//!    span and time, for the cross-article stage to merge. Same-type events of one
//!    sentence with shared sources are merged.
//!
//! Precision filters: events without any source or target are dropped (except PROTEST
//! by unnamed crowds), as are AID without both, an attack reported only by a generic
//! verb without an attacker ("were killed in the floods"), a release of no people
//! ("released a new version"), a block of no one ("blocked roads"), and a lone person
//! "discussing" or "agreeing" with nobody named (kept only to add attribution to an
//! earlier event); vague collectives ("European leaders", "Western officials") are no
//! party. Precision matters more than recall, so uncertain arguments are left empty
//! and the confidence is lowered rather than guessed. A strike with no target is a
//! labour strike (PROTEST) unless it is a definite plural with no workers named ("the
//! June strikes"); "released six American detainees" has no target (the nationality of
//! the people released is not a party).
//!
//! Confidence: the word's prior (0.6–0.8), +0.05 per merged report, −0.1 for a
//! noun trigger, −0.15 for a resolved pronoun, −0.2 without source, −0.1 without
//! target, clamped to [0.05, 0.95]; a repeated dated nominal has its antecedent's
//! confidence −0.1.
//!
//! # Limits
//!
//! No syntax tree: long-distance subjects, relative clauses, and coordination of whole
//! clauses are approximated by word windows, and the part-of-speech guesses above are
//! word lists. Pronouns other than a subject pronoun after a reporting verb are not
//! resolved ("asked him for support"). The lexicon is English and hand-written; an
//! unlisted verb is invisible, and a listed one in another sense ("attacked the plan",
//! "warned that costs could rise") is only partly filtered. Modality cues are read in
//! a window, so a cue of a neighbouring clause without a contrast word between can
//! still leak. Only mentions the linker resolved to an actor can be arguments, and
//! arguments are whatever the linker resolved: "Israeli forces" is the IDF (scored as
//! Israel by `newsgraph eval events`, which codes organs of a state at the level of the
//! state), "northern Israel" is the Galilee and "Houthi-held ports" names nobody.
//! Event coreference across sentences is the rules of step 6 only.
//! Speed is not a concern: the stage costs about 0.2 ms per 600-word article.

pub mod lexicon;

use lexicon::{Entry, Needs, Pos};
use newsgraph_link::LinkedMention;
use newsgraph_model::{
    Article, Event, EventTime, MentionKind, Modality, PloverType, Sentence, TimeAnchor, TimexType,
};
use newsgraph_time::{Tense, TimexFound};

/// Name of this extractor in provenance records.
pub const EXTRACTOR: &str = "events/lexicon";

/// One token of a sentence with what the clause analysis needs.
#[derive(Debug, Clone)]
struct Tk {
    start: usize,
    end: usize,
    lower: String,
    upper_initial: bool,
    /// Index into the sentence's mentions when the token is inside one.
    m: Option<usize>,
}

/// A mention usable as an argument.
#[derive(Debug, Clone)]
struct Ment {
    kind: MentionKind,
    actor: String,
    /// First and last token index.
    t0: usize,
    t1: usize,
    /// A state or title word in front of a person ("U.S." in "U.S. President X").
    modifier: bool,
}

/// An event before article-level merging.
#[derive(Debug, Clone)]
struct Draft {
    ev: Event,
    anaphor: bool,
    /// Only kept when it merges into an earlier event.
    weak: bool,
    has_own_time: bool,
}

/// Extracts the events of one article.
///
/// `mentions` are the linker's mentions ([`newsgraph_link::Linked::mentions`]) and
/// `timexes` the time stage's expressions, both over `article.body`; `sentences` the
/// segmenter's sentences. Never panics; all spans lie inside `article.body` on char
/// boundaries. Events are in text order.
pub fn extract_events(
    article: &Article,
    sentences: &[Sentence],
    mentions: &[LinkedMention],
    timexes: &[TimexFound],
) -> Vec<Event> {
    let body = article.body.as_str();
    let outlet = outlet_actor(article, mentions);
    let mut drafts = Vec::new();
    let mut mi = 0usize;
    for s in sentences {
        if s.start >= s.end || s.end > body.len() {
            continue;
        }
        while mi < mentions.len() && mentions[mi].mention.start < s.start {
            mi += 1;
        }
        let mut mj = mi;
        while mj < mentions.len() && mentions[mj].mention.end <= s.end {
            mj += 1;
        }
        let sent_mentions = &mentions[mi..mj];
        let sent_timexes: Vec<&TimexFound> = timexes
            .iter()
            .filter(|t| t.start >= s.start && t.end <= s.end)
            .collect();
        sentence_events(article, s, sent_mentions, &sent_timexes, &mut drafts);
        mi = mj;
    }
    let mut events = merge(drafts);
    for ev in &mut events {
        if ev.attributed_to.is_empty() {
            if let Some(o) = &outlet {
                ev.attributed_to.push(o.clone());
            }
        }
    }
    events
}

/// The outlet's actor id: a mention of it in the article, else `org:` + its slug.
fn outlet_actor(article: &Article, mentions: &[LinkedMention]) -> Option<String> {
    let src = article.source.trim();
    if src.is_empty() {
        return None;
    }
    for m in mentions {
        if m.mention.text.eq_ignore_ascii_case(src) {
            if let Some(a) = &m.mention.actor {
                return Some(a.clone());
            }
        }
    }
    let slug: String = src
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        None
    } else {
        Some(format!("org:{slug}"))
    }
}

// ---------------------------------------------------------------- per sentence

struct Ctx<'a> {
    body: &'a str,
    tk: Vec<Tk>,
    ms: Vec<Ment>,
    /// Token ranges of if/unless clauses.
    if_spans: Vec<(usize, usize)>,
}

impl Ctx<'_> {
    fn w(&self, i: usize) -> &str {
        self.tk.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }
    fn boundary(&self, i: usize) -> bool {
        lexicon::is_boundary(self.w(i))
    }
    /// The mention a token starts or is inside.
    fn ment(&self, i: usize) -> Option<&Ment> {
        self.tk
            .get(i)
            .and_then(|t| t.m)
            .and_then(|m| self.ms.get(m))
    }
    fn in_if(&self, i: usize) -> bool {
        self.if_spans.iter().any(|&(a, b)| i >= a && i < b)
    }
    /// Is the mention preceded by a preposition (skipping determiners)?
    fn after_prep(&self, m: &Ment) -> Option<&str> {
        let mut k = m.t0;
        let person = m.kind == MentionKind::Person;
        while k > 0 {
            k -= 1;
            let w = self.w(k);
            if matches!(w, "the" | "a" | "an") {
                continue;
            }
            // "with U.S. President Donald Trump": look past the title and its state
            if person {
                if let Some(pm) = self.ment(k) {
                    if pm.modifier {
                        k = pm.t0;
                        continue;
                    }
                }
                if self.tk[k].upper_initial && self.tk[k].m.is_none() && w.len() > 2 {
                    continue;
                }
                if w == "of" && k > 0 && self.tk[k - 1].upper_initial {
                    continue;
                }
            }
            return if lexicon::is_prep(w) { Some(w) } else { None };
        }
        None
    }
    /// Head noun before "of" that makes "X of <mention>" a subject ("ministers of").
    fn group_of(&self, m: &Ment) -> bool {
        let mut k = m.t0;
        while k > 0 {
            k -= 1;
            if matches!(self.w(k), "the" | "a" | "an") {
                continue;
            }
            if !matches!(self.w(k), "of" | "for") || k == 0 {
                return false;
            }
            return matches!(
                self.w(k - 1),
                "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "leader"
                    | "chief"
                    | "minister"
                    | "ministers"
                    | "leaders"
                    | "members"
                    | "officials"
                    | "representatives"
                    | "forces"
                    | "troops"
                    | "envoys"
                    | "delegations"
                    | "army"
                    | "government"
                    | "head"
                    | "heads"
                    // "tens of thousands of Israelis", "crowds of Serbians"
                    | "thousands"
                    | "hundreds"
                    | "dozens"
                    | "millions"
                    | "scores"
                    | "crowds"
            );
        }
        false
    }
    fn usable_arg(m: &Ment) -> bool {
        !m.modifier
            && !lexicon::is_vague_collective(&m.actor)
            && matches!(
                m.kind,
                MentionKind::Person
                    | MentionKind::Org
                    | MentionKind::Gpe
                    | MentionKind::Norp
                    | MentionKind::Loc
            )
    }
}

fn build_ctx<'a>(body: &'a str, s: &Sentence, mentions: &[LinkedMention]) -> Ctx<'a> {
    let toks = newsgraph_segment::tokens(body, s.start, s.end);
    let mut tk: Vec<Tk> = toks
        .iter()
        .enumerate()
        .map(|(n, t)| {
            let text = body.get(t.start..t.end).unwrap_or("");
            // a capitalised "May" inside a sentence is the month, never the modal
            let lower = if text == "May" && n > 0 {
                "May".to_string()
            } else {
                text.to_lowercase().replace('\u{2019}', "'")
            };
            Tk {
                start: t.start,
                end: t.end,
                upper_initial: text.chars().next().is_some_and(|c| c.is_uppercase()),
                lower,
                m: None,
            }
        })
        .collect();
    let mut ms = Vec::new();
    for lm in mentions {
        let m = &lm.mention;
        let Some(actor) = &m.actor else { continue };
        let t0 = tk.iter().position(|t| t.start >= m.start && t.end <= m.end);
        let Some(t0) = t0 else { continue };
        let mut t1 = t0;
        while t1 + 1 < tk.len() && tk[t1 + 1].end <= m.end {
            t1 += 1;
        }
        if tk[t0..=t1].iter().any(|t| t.m.is_some()) {
            continue;
        }
        let idx = ms.len();
        for t in &mut tk[t0..=t1] {
            t.m = Some(idx);
        }
        ms.push(Ment {
            kind: m.kind,
            actor: actor.clone(),
            t0,
            t1,
            modifier: false,
        });
    }
    // A state, demonym or organisation followed by capitalised title words and a
    // person is a modifier of the person ("U.S. President Donald Trump").
    for i in 0..ms.len() {
        if ms[i].kind == MentionKind::Person {
            continue;
        }
        if let Some(next) = ms.get(i + 1) {
            if next.kind != MentionKind::Person {
                continue;
            }
            let gap = tk.get(ms[i].t1 + 1..next.t0).unwrap_or(&[]);
            if !gap.is_empty() && gap.len() <= 4 && gap.iter().all(|t| t.upper_initial) {
                ms[i].modifier = true;
            }
        }
    }
    // If-clauses: from "if"/"unless" to the next comma, or to the end when the
    // clause comes last.
    let mut if_spans = Vec::new();
    for (i, t) in tk.iter().enumerate() {
        if t.lower == "if" || t.lower == "unless" {
            let mut j = i + 1;
            while j < tk.len() && tk[j].lower != "," && tk[j].lower != ";" {
                j += 1;
            }
            if_spans.push((i, j));
        }
    }
    Ctx {
        body,
        tk,
        ms,
        if_spans,
    }
}

/// A recognised trigger.
#[derive(Debug, Clone)]
struct Trigger {
    /// First and last token.
    i: usize,
    j: usize,
    entry: Entry,
    /// Light verb token (nouns).
    light: Option<usize>,
    /// A mention between the light verb and the noun ("offered Ukraine … aid").
    indirect: Option<usize>,
}

fn find_triggers(cx: &Ctx) -> Vec<Trigger> {
    let mut out = Vec::new();
    let n = cx.tk.len();
    for i in 0..n {
        // names of actors are never triggers; a named event is ("a 12-day conflict")
        if cx
            .ment(i)
            .is_some_and(|m| !matches!(m.kind, MentionKind::Event | MentionKind::Misc))
        {
            continue;
        }
        let w = cx.w(i);
        if w.len() < 2 || !w.chars().next().is_some_and(|c| c.is_alphabetic()) {
            continue;
        }
        // Months and names are capitalised: "March", "Strike Group".
        if cx.tk[i].upper_initial && i > 0 && w == "march" {
            continue;
        }
        let verb = lexicon::lemmas(w)
            .into_iter()
            .find_map(|l| lexicon::verb(&l));
        let noun_form = w
            .strip_suffix('s')
            .filter(|_| !w.ends_with("ss"))
            .unwrap_or(w);
        let noun = lexicon::noun(w).or_else(|| lexicon::noun(noun_form));
        let prev = if i > 0 { cx.w(i - 1) } else { "" };
        let prev_is_nounish = matches!(
            prev,
            "a" | "an"
                | "the"
                | "its"
                | "their"
                | "his"
                | "her"
                | "new"
                | "any"
                | "no"
                | "joint"
                | "further"
                | "more"
                | "military"
                | "air"
                | "ground"
                | "drone"
                | "missile"
                | "'s"
                | "of"
                | "indirect"
                | "direct"
                | "surprise"
                | "renewed"
                | "fresh"
                | "phone"
                | "peace"
                | "trade"
                | "economic"
                | "diplomatic"
                | "humanitarian"
                | "massive"
                | "deadly"
                | "major"
        ) || cx
            .ment(i.wrapping_sub(1))
            .is_some_and(|m| m.kind == MentionKind::Norp)
            || (i > 0
                && cx.tk[i - 1]
                    .lower
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit()));
        // "meeting", "bombing" are nouns unless a form of "be" or a pronoun precedes
        let ing_noun = w.ends_with("ing")
            && lexicon::noun(w).is_some()
            && !(lexicon::is_be(prev) || lexicon::is_pronoun(prev));
        let verbal_suffix = (w.ends_with("ed") || w.ends_with("ing")) && !ing_noun;
        let prev_verbal = matches!(
            prev,
            "to" | "will"
                | "would"
                | "could"
                | "might"
                | "may"
                | "not"
                | "also"
                | "again"
                | "reportedly"
                | "has"
                | "have"
                | "had"
                | "did"
                | "to,"
                | "and"
                | "never"
                | "already"
                | "still"
                | "later"
                | "then"
                | "now"
                | "soon"
        ) || (prev.ends_with("ly")
            && prev.len() > 4
            && !matches!(
                cx.w(i.wrapping_sub(2)),
                "a" | "an" | "the" | "its" | "their"
            ))
            || lexicon::is_be(prev)
            || lexicon::is_pronoun(prev)
            || cx
                .ment(i.wrapping_sub(1))
                .is_some_and(|m| m.kind != MentionKind::Norp);
        let choose_noun = match (verb.is_some(), noun.is_some()) {
            (true, true) => ing_noun || !verbal_suffix && (prev_is_nounish || !prev_verbal),
            (false, true) => true,
            _ => false,
        };
        // a mention right before is a subject unless a determiner makes it a
        // modifier ("the IRA bombs")
        let subject_before = cx.ment(i.wrapping_sub(1)).is_some_and(|m| {
            m.kind != MentionKind::Norp
                && !(m.t0 > 0
                    && matches!(
                        cx.w(m.t0 - 1),
                        "the"
                            | "a"
                            | "an"
                            | "new"
                            | "fresh"
                            | "further"
                            | "more"
                            | "additional"
                            | "tough"
                            | "tougher"
                            | "latest"
                            | "any"
                            | "no"
                            | "its"
                            | "their"
                    ))
        });
        let adverb_before =
            prev.ends_with("ly") || matches!(prev, "also" | "again" | "now" | "still");
        if !choose_noun && verb.is_some() {
            let ok = if w.ends_with("ing") {
                // "-ing": progressive, participle after a comma, or under a cue
                lexicon::is_be(prev)
                    || prev == ","
                    || prev == "of"
                    || adverb_before
                    || subject_before
                    || cx.tk.get(i.wrapping_sub(1)).is_some_and(|x| x.m.is_some())
                    || lexicon::is_pronoun(prev)
                    || lexicon::is_possible(prev)
                    || lexicon::is_negation(prev)
                    || lexicon::is_threat(prev)
                    || matches!(
                        prev,
                        "and" | "or" | "by" | "after" | "before" | "while" | "without"
                    )
            } else if w.ends_with("ed")
                || lexicon::lemmas(w).first().is_some_and(|l| l != w)
                || matches!(w, "hit" | "cut")
            {
                // past forms: anything but a determiner (handled below)
                !w.ends_with('s')
                    || w.ends_with("ss")
                    || lexicon::is_pronoun(prev)
                    || adverb_before
                    || subject_before
            } else if w.ends_with('s') && !w.ends_with("ss") {
                // "Houthi targets in Yemen": a plural noun before a place or the end
                let next = cx.w(i + 1);
                let noun_like = lexicon::is_locative(next) || matches!(next, "," | "." | "");
                (lexicon::is_pronoun(prev) || adverb_before || subject_before) && !noun_like
            } else {
                // base form: after "to", a modal, an auxiliary, a subject
                prev_verbal || adverb_before
            };
            if !ok {
                continue;
            }
            // reduced relative: "citizens accused of spying", "a deal mediated by X"
            if w.ends_with("ed")
                && cx.tk.get(i.wrapping_sub(1)).is_some_and(|x| {
                    x.m.is_none()
                        && !x.upper_initial
                        && x.lower.chars().all(|c| c.is_alphabetic())
                        && !lexicon::is_be(&x.lower)
                        && !lexicon::is_pronoun(&x.lower)
                        && !is_adverb(&x.lower)
                        && !lexicon::is_prep(&x.lower)
                        && !matches!(
                            x.lower.as_str(),
                            "forces"
                                | "troops"
                                | "army"
                                | "military"
                                | "police"
                                | "officials"
                                | "government"
                                | "fighters"
                                | "militants"
                                | "rebels"
                                | "jets"
                                | "warplanes"
                                | "aircraft"
                                | "drones"
                                | "ministers"
                                | "leaders"
                                | "protesters"
                                | "authorities"
                                | "navy"
                                | "guards"
                                | "soldiers"
                                | "units"
                                | "vessels"
                                | "ships"
                                | "has"
                                | "have"
                                | "had"
                                | "and"
                                | "also"
                                | "again"
                                | "not"
                                | "never"
                                | "then"
                                | "who"
                                | "that"
                                | "which"
                                | "it"
                                | "they"
                                | "administration"
                                | "ministry"
                                | "cabinet"
                                | "parliament"
                                | "council"
                                | "court"
                                | "regime"
                                | "delegation"
                                | "leader"
                                | "president"
                                | "minister"
                                | "group"
                                | "groups"
                                | "militia"
                                | "militias"
                                | "side"
                                | "sides"
                        )
                })
                && cx.w(i + 1) != "by"
                // a finite verb earlier in the sentence makes this one a modifier
                && (0..i.saturating_sub(1)).any(|q| {
                    let v = cx.w(q);
                    cx.tk[q].m.is_none()
                        && (v.ends_with("ed")
                            || matches!(v, "is" | "are" | "was" | "were" | "has" | "have" | "said"))
                })
            {
                continue;
            }
            // idioms and conjunctions: "seize on", "provided that", "asked why"
            let next = cx.w(i + 1);
            // "Labour support has been falling": a noun subject, not a verb
            if !verbal_suffix
                && matches!(
                    next,
                    "has" | "have" | "is" | "was" | "were" | "had" | "will" | "would"
                )
            {
                continue;
            }
            // "withdraw the men's passports": only forces withdraw in this sense
            if w.starts_with("withdr") {
                let mut q = i + 1;
                while matches!(
                    cx.w(q),
                    "the" | "its" | "their" | "his" | "her" | "all" | "'s"
                ) || cx.tk.get(q).is_some_and(|t| t.m.is_some())
                {
                    q += 1;
                    if q > i + 6 {
                        break;
                    }
                }
                let obj = cx.w(q);
                let military = matches!(
                    obj,
                    "troops"
                        | "forces"
                        | "soldiers"
                        | "units"
                        | "personnel"
                        | "army"
                        | "military"
                        | "from"
                        | "fighters"
                        | "tanks"
                        | "ships"
                        | "warships"
                        | "additional"
                        | "remaining"
                        | "some"
                        | "about"
                        | "more"
                        | "most"
                ) || obj.chars().next().is_some_and(|c| c.is_ascii_digit());
                let intransitive = q == i + 1 && matches!(obj, "" | "." | "," | "on" | "by" | "in");
                if !(military || intransitive) {
                    continue;
                }
            }
            // "free rail tickets": an adjective
            if w == "free"
                && !matches!(next, "the" | "a" | "all" | "his" | "her" | "their" | "its")
                && cx.tk.get(i + 1).is_some_and(|t| t.m.is_none())
                && !next.chars().next().is_some_and(|c| c.is_ascii_digit())
            {
                continue;
            }
            // "sent a letter to X" is no aid
            if w.starts_with("sen") || w.starts_with("deliver") {
                let msg = (i + 1..i + 4).any(|q| {
                    matches!(
                        cx.w(q),
                        "letter"
                            | "letters"
                            | "message"
                            | "messages"
                            | "invitation"
                            | "note"
                            | "signal"
                            | "email"
                            | "e-mail"
                            | "text"
                            | "invitations"
                            | "warning"
                    )
                });
                if msg {
                    continue;
                }
            }
            if (w.starts_with("seiz") && matches!(next, "on" | "upon"))
                || (w == "provided" && (next == "that" || lexicon::is_pronoun(next)))
                || (w.starts_with("ask")
                    && (i + 1..i + 5).any(|q| {
                        matches!(cx.w(q), "why" | "whether" | "about" | "if" | "what" | "how")
                    }))
            {
                continue;
            }
        }
        let entry = if choose_noun { noun } else { verb };
        let Some(mut entry) = entry else { continue };
        // "the seized tanker", "the release": a determiner makes it a noun or an
        // adjective, and unlisted nouns are not events
        if entry.pos == Pos::Verb
            && (matches!(
                prev,
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "this"
                    | "other"
                    | "newly"
                    | "recently"
            ) || prev.chars().next().is_some_and(|c| c.is_ascii_digit()))
        {
            continue;
        }
        // gerunds after a preposition are nominal mentions of an act, not events
        // ("praised Qatar for its role in mediating"), unless a cue governs them
        if entry.pos == Pos::Verb && w.ends_with("ing") && lexicon::is_prep(prev) && prev != "of" {
            continue;
        }
        let mut j = i;
        match entry.needs {
            Needs::Next(words) => {
                let found = (i + 1..(i + 4).min(n)).find(|&k| words.contains(&cx.w(k)));
                match found {
                    Some(k) => j = k,
                    None => continue,
                }
            }
            Needs::NextFar(words) => {
                let found = (i + 1..(i + 6).min(n))
                    .take_while(|&k| cx.w(k) != "," && !cx.boundary(k))
                    .find(|&k| words.contains(&cx.w(k)));
                if found.is_none() {
                    continue;
                }
            }
            Needs::Prev(words) => {
                let ok = (i.saturating_sub(2)..i).any(|k| words.contains(&cx.w(k)));
                if !ok {
                    continue;
                }
            }
            _ => {}
        }
        // special readings
        if entry.kind == PloverType::Assault && noun_form == "strike" {
            if matches!(prev, "on" | "general" | "hunger" | "labour" | "labor") {
                entry.kind = PloverType::Protest;
                entry.preps = &["against"];
                entry.needs = Needs::Nothing;
            } else if prev == "air" {
                entry.mode = Some("aerial");
            }
        }
        // "fired tear gas at protesters": crowd control is coercion, not an attack
        let riot_gear = |q: usize| matches!(cx.w(q), "tear" | "rubber" | "water" | "stun");
        if entry.kind == PloverType::Assault
            && entry.pos == Pos::Verb
            && w.starts_with("fir")
            && (i + 1..i + 3).any(riot_gear)
        {
            entry.kind = PloverType::Coerce;
            entry.needs = Needs::Nothing;
        }
        // "banned exports of gallium to the United States": a trade sanction
        if entry.kind == PloverType::Coerce
            && entry.pos == Pos::Verb
            && w.starts_with("ban")
            && (i + 1..i + 3).any(|q| {
                matches!(
                    cx.w(q),
                    "exports" | "imports" | "export" | "import" | "trade" | "sales" | "shipments"
                )
            })
        {
            entry.kind = PloverType::Sanction;
            entry.preps = &["to", "from", "on", "against"];
        }
        if entry.kind == PloverType::Consult
            && entry.pos == Pos::Verb
            && w.starts_with("meet")
            && matches!(
                cx.w(i + 1),
                "the" | "his" | "her" | "its" | "their" | "a" | "an" | "our"
            )
            && cx.tk.get(i + 2).is_some_and(|x| x.m.is_none())
        {
            continue;
        }
        let (light, indirect) = if entry.pos == Pos::Noun {
            find_light(cx, i)
        } else {
            (None, None)
        };
        if entry.needs == Needs::Light && light.is_none() {
            continue;
        }
        // "sent Taurus missiles to Ukraine": weapons handed over are aid, not an attack
        if entry.kind == PloverType::Assault
            && entry.needs == Needs::Light
            && light.is_some_and(|l| {
                lexicon::lemmas(cx.w(l))
                    .iter()
                    .any(|x| lexicon::verb(x).is_some_and(|v| v.kind == PloverType::Aid))
            })
        {
            continue;
        }
        out.push(Trigger {
            i,
            j,
            entry,
            light,
            indirect,
        });
    }
    // multiword verbs with "call": call on/for (REQUEST), call up (MOBILIZE)
    for i in 0..n {
        let w = cx.w(i);
        if !(w == "call" || w == "calls" || w == "called" || w == "calling") {
            continue;
        }
        let next = cx.w(i + 1);
        // "a phone call on Thursday": a noun
        if matches!(
            cx.w(i.wrapping_sub(1)),
            "phone" | "a" | "the" | "telephone" | "video"
        ) {
            continue;
        }
        let entry = match next {
            "on" | "for" => lexicon::Entry {
                kind: PloverType::Request,
                mode: None,
                pos: Pos::Verb,
                preps: &["on"],
                needs: Needs::Nothing,
                conf: 0.8,
            },
            "up" => lexicon::Entry {
                kind: PloverType::Mobilize,
                mode: None,
                pos: Pos::Verb,
                preps: &[],
                needs: Needs::Nothing,
                conf: 0.8,
            },
            _ => continue,
        };
        out.push(Trigger {
            i,
            j: i,
            entry,
            light: None,
            indirect: None,
        });
    }
    // "put ... on (high) alert" (MOBILIZE)
    for i in 0..n {
        if cx.w(i) == "put" || cx.w(i) == "puts" {
            if let Some(k) = (i + 1..(i + 8).min(n)).find(|&k| cx.w(k) == "alert") {
                out.push(Trigger {
                    i,
                    j: k,
                    entry: lexicon::Entry {
                        kind: PloverType::Mobilize,
                        mode: None,
                        pos: Pos::Verb,
                        preps: &[],
                        needs: Needs::Nothing,
                        conf: 0.7,
                    },
                    light: None,
                    indirect: None,
                });
            }
        }
    }
    out.sort_by_key(|t| t.i);
    // a light verb that is itself a trigger ("pledged support", "fired missiles",
    // "signed an agreement") is consumed by its noun
    let consumed: Vec<usize> = out.iter().filter_map(|t| t.light).collect();
    out.retain(|t| !(t.entry.pos == Pos::Verb && t.j == t.i && consumed.contains(&t.i)));
    // "a security cooperation agreement": the last noun of a compound is its head
    let noun_at: Vec<usize> = out
        .iter()
        .filter(|t| t.entry.pos == Pos::Noun)
        .map(|t| t.i)
        .collect();
    out.retain(|t| !(t.entry.pos == Pos::Noun && noun_at.contains(&(t.j + 1))));
    // "prisoners of war": no war
    out.retain(|t| {
        !(t.entry.pos == Pos::Noun && t.i > 0 && cx.w(t.i - 1) == "of" && cx.w(t.i) == "war")
    });
    // the word a verb needs ("lift sanctions") is part of it, not an event noun
    let needed: Vec<usize> = out
        .iter()
        .filter(|t| t.entry.pos == Pos::Verb && t.j > t.i)
        .map(|t| t.j)
        .collect();
    out.retain(|t| !(t.entry.pos == Pos::Noun && needed.contains(&t.i)));
    out
}

/// The light verb governing an event noun at `i`, within a few modifier words.
fn find_light(cx: &Ctx, i: usize) -> (Option<usize>, Option<usize>) {
    let mut k = i;
    let mut steps = 0;
    let mut indirect = None;
    while k > 0 && steps < 8 {
        k -= 1;
        steps += 1;
        let w = cx.w(k);
        if cx.boundary(k) || w == "," || w == "\u{2014}" {
            return (None, None);
        }
        if let Some(mi) = cx.tk[k].m {
            let m = &cx.ms[mi];
            // the name of the event itself ("a 12-day conflict"), a demonym or a state
            // modifying the noun
            if matches!(m.kind, MentionKind::Event | MentionKind::Misc)
                || m.kind == MentionKind::Norp
                || m.kind == MentionKind::Gpe && m.t1 + 1 == i
            {
                k = m.t0;
                continue;
            }
            if indirect.is_none() && Ctx::usable_arg(m) && cx.after_prep(m).is_none() {
                indirect = Some(mi);
                k = m.t0;
                continue;
            }
            return (None, None);
        }
        if w == "out" || w == "up" {
            continue;
        }
        let is_light = lexicon::lemmas(w).iter().any(|l| lexicon::is_light(l));
        if is_light {
            return (Some(k), indirect);
        }
        // "struck a deal": "strike" is the light verb of an agreement
        let agreement = lexicon::noun(cx.w(i).trim_end_matches('s'))
            .or_else(|| lexicon::noun(cx.w(i)))
            .is_some_and(|x| x.kind == PloverType::Agree);
        if agreement && lexicon::lemmas(w).iter().any(|l| l == "strike") {
            return (Some(k), indirect);
        }
        if w == "in" && k > 0 && matches!(cx.w(k - 1), "involved" | "engaged") {
            return (Some(k - 1), indirect);
        }
        // "claimed responsibility for a missile attack"
        if w == "for" && k > 1 && cx.w(k - 1) == "responsibility" {
            return (Some(k - 2), indirect);
        }
        // "travelled to Israel for talks with Netanyahu": the traveller is a party
        if w == "for" {
            let mut q = k;
            while q > 0 && q + 10 > k {
                q -= 1;
                if cx.boundary(q) || cx.w(q) == "," {
                    break;
                }
                if cx.tk[q].m.is_none()
                    && lexicon::lemmas(cx.w(q))
                        .iter()
                        .any(|l| lexicon::is_travel(l))
                {
                    return (Some(q), indirect);
                }
            }
        }
        if lexicon::is_prep(w) && w != "of" {
            return (None, None);
        }
        if lexicon::is_be(w) || lexicon::is_modal(w) || w == "to" {
            return (None, None);
        }
    }
    (None, None)
}

/// Nearest usable mention to the left of `pos` that is a clause subject, with the
/// coordinated group it heads; `None` when a boundary comes first. The flag tells
/// that a pronoun was resolved.
fn subject_left(cx: &Ctx, pos: usize, limit: usize) -> Option<(Vec<usize>, bool)> {
    if common_noun_subject(cx, pos) {
        return None;
    }
    let mut k = pos;
    let mut pronoun = false;
    let mut steps = 0;
    // "Hamas, the Palestinian group, attacked …": an apposition or a relative clause
    // between commas right before the verb is skipped; the subject precedes it
    // (a coordination, "U.S. forces, alongside Israel, struck", is no apposition)
    let mut q = pos;
    while q > 0 && is_adverb(cx.w(q - 1)) {
        q -= 1;
    }
    if q > 1 && cx.w(q - 1) == "," {
        let open = (q.saturating_sub(12)..q - 1)
            .rev()
            .find(|&c| cx.w(c) == ",");
        if let Some(c) = open {
            let coordination = matches!(
                cx.w(c + 1),
                "alongside" | "along" | "together" | "with" | "and" | "as" | "including"
            );
            if !coordination && c > 0 && cx.tk[c - 1].m.is_some() {
                k = c;
            }
        }
    }
    while k > 0 && steps < limit {
        k -= 1;
        steps += 1;
        let w = cx.w(k);
        if cx.boundary(k) && !(pronoun && w == "that") {
            // "settlers who attacked …", "Turkey, which has mediated …": the
            // antecedent is the subject
            let aux_only = (k + 1..pos).all(|a| {
                let v = cx.w(a);
                lexicon::is_be(v)
                    || is_adverb(v)
                    || matches!(v, "has" | "have" | "had" | "will" | "would" | "also")
            });
            if matches!(w, "who" | "which" | "that") && k > 0 && aux_only {
                let ante = if cx.w(k - 1) == "," && k > 1 {
                    k - 2
                } else {
                    k - 1
                };
                if let Some(mi) = cx.tk[ante].m {
                    let m = &cx.ms[mi];
                    // "the deal in Muscat that freed …": a name in a phrase before
                    // "that"/"which" modifies the antecedent, it is not it
                    let modifier = w != "who" && cx.after_prep(m).is_some();
                    if Ctx::usable_arg(m) && !modifier {
                        return Some((vec![mi], false));
                    }
                }
            }
            // "after Moscow expelled …": the subject of a subordinate clause
            return None;
        }
        if cx.in_if(k) && !cx.in_if(pos) {
            // skip over a preceding if-clause
            if let Some(&(a, _)) = cx.if_spans.iter().find(|&&(a, b)| k >= a && k < b) {
                k = a;
                continue;
            }
        }
        if cx.tk[k].m.is_none()
            && (lexicon::is_pronoun(w) || matches!(w, "its" | "their"))
            && !pronoun
        {
            pronoun = true;
            continue;
        }
        if let Some(mi) = cx.tk[k].m {
            let m = &cx.ms[mi];
            k = m.t0;
            if !Ctx::usable_arg(m) {
                continue;
            }
            // "after Moscow expelled": a subordinator, not a preposition, when the
            // name is right before the verb
            let subordinate = matches!(
                cx.after_prep(m),
                Some("after" | "before" | "since" | "until")
            ) && (m.t1 + 1..pos).all(|a| {
                let v = cx.w(a);
                is_adverb(v) || lexicon::is_be(v) || matches!(v, "has" | "have" | "had")
            });
            if cx.after_prep(m).is_some() && !cx.group_of(m) && !subordinate {
                continue;
            }
            // a pronoun goes only to the speaker of a reporting or cue verb
            // ("Hamas said it …", "Venezuela denied that it …")
            if pronoun {
                // "Hamas said it", "The Israeli army said … its jets"
                let mut q = m.t1 + 1;
                while q < m.t1 + 3
                    && cx.tk.get(q).is_some_and(|x| {
                        x.m.is_none()
                            && matches!(
                                x.lower.as_str(),
                                "army"
                                    | "military"
                                    | "ministry"
                                    | "government"
                                    | "forces"
                                    | "officials"
                                    | "spokesman"
                                    | "spokeswoman"
                                    | "'s"
                                    | "foreign"
                                    | "defense"
                                    | "defence"
                                    | "office"
                            )
                    })
                {
                    q += 1;
                }
                let v = cx.w(q);
                let speech = lexicon::is_report(v)
                    || lexicon::is_negation(v)
                    || lexicon::is_threat(v)
                    || matches!(v, "insisted" | "vowed" | "pledged" | "promised" | "added");
                if !speech {
                    return None;
                }
            }
            // "summoned the French ambassador to protest": the object of a verb is
            // not the subject of a purpose infinitive (it is after "urged X to")
            if pos > 0 && cx.w(pos - 1) == "to" && !pronoun {
                let mut q = m.t0;
                while q > 0
                    && matches!(
                        cx.w(q - 1),
                        "the" | "a" | "an" | "its" | "their" | "his" | "her"
                    )
                {
                    q -= 1;
                }
                if q > 0 {
                    let v = cx.w(q - 1);
                    let verb = cx.tk[q - 1].m.is_none()
                        && !cx.tk[q - 1].upper_initial
                        && v.ends_with("ed")
                        && !lexicon::is_be(v);
                    let control = lexicon::lemmas(v).iter().any(|l| lexicon::is_control(l));
                    if verb && !control {
                        return subject_left(cx, q - 1, limit);
                    }
                }
            }
            let group = group_left(cx, mi);
            // "intercepted over Jordan, and Israel struck": members inside a
            // prepositional phrase are not part of the subject
            // ("between X and Y" is one phrase)
            let phrase = !matches!(cx.after_prep(&cx.ms[group[0]]), Some("between" | "among"));
            let free = group.iter().enumerate().position(|(gi, &g)| {
                let m = &cx.ms[g];
                let opens = gi == 0
                    || phrase && (cx.ms[group[gi - 1]].t1 + 1..m.t0).any(|a| cx.w(a) == ",");
                opens && (cx.after_prep(m).is_none() || cx.group_of(m))
            });
            match free {
                Some(f) => return Some((group[f..].to_vec(), pronoun)),
                None if subordinate => return Some((group, pronoun)),
                None => {
                    k = cx.ms[group[0]].t0;
                    continue;
                }
            }
        }
    }
    None
}

/// Does a new clause start at token `k` (after a comma): a finite-looking verb, a
/// reporting verb, or a subject followed by one ("the Pentagon said", "officials
/// said")?
fn clause_after(cx: &Ctx, k: usize) -> bool {
    let verbish = |q: usize| {
        cx.tk.get(q).is_some_and(|t| {
            t.m.is_none()
                && !t.upper_initial
                && (lexicon::is_report(&t.lower)
                    || t.lower.ends_with("ed") && t.lower.len() > 4
                    || lexicon::is_modal(&t.lower))
        })
    };
    if verbish(k) {
        return true;
    }
    // a subject of up to four words, then the verb
    let mut q = k;
    while q < k + 5 && q < cx.tk.len() {
        if lexicon::is_report(cx.w(q)) && cx.tk[q].m.is_none() {
            return q > k;
        }
        if cx.boundary(q) || cx.w(q) == "," || lexicon::is_prep(cx.w(q)) {
            return false;
        }
        q += 1;
    }
    false
}

/// Adverbs that may stand between a subject and its verb ("Israel later struck").
fn is_adverb(w: &str) -> bool {
    (w.ends_with("ly") && w.len() > 4 && w != "only")
        || matches!(
            w,
            "also"
                | "again"
                | "later"
                | "then"
                | "never"
                | "already"
                | "still"
                | "now"
                | "soon"
                | "just"
                | "once"
                | "even"
                | "first"
                | "not"
                | "long"
        )
}

/// Is the subject right before the predicate at `pos` a common noun phrase ("the
/// party signed", "the chancellor would meet")? Then no mention further left is it.
fn common_noun_subject(cx: &Ctx, pos: usize) -> bool {
    let mut k = pos;
    // auxiliaries, modals, adverbs, negation
    while k > 0 {
        let w = cx.w(k - 1);
        let aux = lexicon::is_be(w)
            || lexicon::is_modal(w)
            || lexicon::is_negation(w)
            || w.ends_with("ly")
            || matches!(
                w,
                "has"
                    | "have"
                    | "had"
                    | "will"
                    | "to"
                    | "also"
                    | "again"
                    | "then"
                    | "set"
                    | "expected"
                    | "did"
                    | "does"
                    | "do"
            );
        if !aux || cx.tk[k - 1].m.is_some() {
            break;
        }
        k -= 1;
    }
    // "a plan to expand …": an infinitive's subject is further left
    if k < pos && (k..pos).any(|q| cx.w(q) == "to") {
        return false;
    }
    // up to three lowercase words, then a determiner
    let mut words = 0;
    while k > 0 && words < 4 {
        let t = &cx.tk[k - 1];
        let w = t.lower.as_str();
        if t.m.is_some() || lexicon::is_pronoun(w) {
            return false;
        }
        if matches!(w, "the" | "a" | "an" | "this" | "these" | "those") {
            return words > 0;
        }
        if t.upper_initial
            || !w.chars().all(|c| c.is_alphabetic() || c == '-')
            || lexicon::is_prep(w)
            || lexicon::is_boundary(w)
            || matches!(w, "and" | "or" | "'s")
        {
            return false;
        }
        words += 1;
        k -= 1;
    }
    false
}

/// The coordinated group ending with mention `mi` ("X, Y and Z", "X, alongside Y").
fn group_left(cx: &Ctx, mi: usize) -> Vec<usize> {
    let mut group = vec![mi];
    let mut cur = mi;
    while cur > 0 {
        let mut prev = cur - 1;
        // "Aliyev and Armenian Prime Minister Pashinyan": skip the title's state
        while prev > 0 && cx.ms[prev].modifier {
            prev -= 1;
        }
        if cx.ms[prev].modifier {
            break;
        }
        let (a, b) = (cx.ms[prev].t1 + 1, cx.ms[cur].t0);
        if a > b || b - a > 8 {
            break;
        }
        let gap: Vec<&str> = (a..b)
            .filter(|&k| {
                let t = &cx.tk[k];
                // title words and modifier mentions belong to the next name
                !(t.m.is_some_and(|m| cx.ms[m].modifier)
                    || t.m.is_none() && t.upper_initial && cx.ms[cur].kind == MentionKind::Person)
            })
            .map(|k| cx.w(k))
            .collect();
        let connector = gap
            .iter()
            .any(|w| matches!(*w, "," | "and" | "alongside" | "with" | "&"));
        let ok = gap.iter().all(|w| {
            matches!(
                *w,
                "," | "and"
                    | "alongside"
                    | "together"
                    | "along"
                    | "with"
                    | "as"
                    | "well"
                    | "the"
                    | "both"
                    | "forces"
                    | "troops"
                    | "army"
                    | "military"
                    | "'s"
                    | "government"
                    | "&"
            )
        });
        if !connector || !ok || !Ctx::usable_arg(&cx.ms[prev]) {
            break;
        }
        // "with" alone is a preposition, not coordination
        if gap.contains(&"with") && !gap.contains(&"together") && !gap.contains(&"along") {
            break;
        }
        group.push(prev);
        cur = prev;
    }
    group.reverse();
    // "X, Y, said": commas alone make an apposition, not a list
    while group.len() > 1 {
        let (a, b) = (cx.ms[group[0]].t1 + 1, cx.ms[group[group.len() - 1]].t0);
        if (a..b).any(|k| matches!(cx.w(k), "and" | "alongside" | "together" | "along" | "&")) {
            break;
        }
        group.remove(0);
    }
    group
}

/// The coordinated group starting with mention `mi`, to the right.
fn group_right(cx: &Ctx, mi: usize) -> Vec<usize> {
    let mut group = vec![mi];
    let mut cur = mi;
    while cur + 1 < cx.ms.len() {
        let next = cur + 1;
        let (a, b) = (cx.ms[cur].t1 + 1, cx.ms[next].t0);
        if a > b || b - a > 3 {
            break;
        }
        let gap: Vec<&str> = (a..b).map(|k| cx.w(k)).collect();
        let ok = !gap.is_empty()
            && gap.iter().all(|w| matches!(*w, "," | "and" | "or" | "the"))
            && gap.iter().any(|w| matches!(*w, "," | "and" | "or"));
        if !ok || !Ctx::usable_arg(&cx.ms[next]) {
            break;
        }
        group.push(next);
        cur = next;
    }
    // "X, Y and Z": a comma list counts only up to its last "and"/"or" element
    while group.len() > 1 {
        let last = group[group.len() - 1];
        let before = group[group.len() - 2];
        let (a, b) = (cx.ms[before].t1 + 1, cx.ms[last].t0);
        if (a..b).any(|k| matches!(cx.w(k), "and" | "or")) {
            break;
        }
        group.pop();
    }
    group
}

/// Arguments found to the right of a predicate.
#[derive(Default)]
struct Right {
    target: Vec<usize>,
    places: Vec<usize>,
    by: Vec<usize>,
    /// Token index of the "by" before `by`.
    by_at: usize,
    between: Vec<usize>,
}

/// Scans right of token `from` for the target (direct or after one of `preps`),
/// an agent after "by", "between X and Y", and places.
fn scan_right(cx: &Ctx, from: usize, preps: &[&str], direct: bool, limit: usize) -> Right {
    let mut r = Right::default();
    let n = cx.tk.len();
    let mut prep: Option<String> = None;
    let mut k = from;
    let end = (from + limit).min(n);
    let mut target_done = false;
    // determiners seen before the first mention: a second one starts another phrase
    // ("attacked the way the Iraq war …")
    let mut dets = 0;
    let mut abstract_between = false;
    let mut by_at = 0;
    while k < end {
        let w = cx.w(k);
        if is_abstract(w) {
            abstract_between = true;
        }
        // "the ruling of the court": a determiner inside an of-phrase is the same phrase
        if cx.tk[k].m.is_none()
            && matches!(w, "the" | "a" | "an")
            && !target_done
            && !(k > 0 && cx.w(k - 1) == "of")
        {
            dets += 1;
        }
        if cx.boundary(k) || w == ";" || matches!(w, "\u{201c}" | "\u{201d}" | "\"") {
            break;
        }
        if w == "\u{2014}" || w == "\u{2013}" {
            // a list between dashes: places
            let mut j = k + 1;
            while j < n && cx.w(j) != "\u{2014}" && cx.w(j) != "\u{2013}" && j < k + 16 {
                if let Some(m) = cx.ment(j) {
                    if matches!(
                        m.kind,
                        MentionKind::Fac | MentionKind::Gpe | MentionKind::Loc
                    ) {
                        let mi = cx.tk[j].m.unwrap_or(0);
                        if !r.places.contains(&mi) {
                            r.places.push(mi);
                        }
                    }
                    j = m.t1;
                }
                j += 1;
            }
            k = j + 1;
            continue;
        }
        if w == "," {
            // a comma ends the object unless a list continues; a new clause after it
            // ("…, hosted talks", "…, the Pentagon said") always ends it
            if !target_done && prep.is_none() && r.target.is_empty() || clause_after(cx, k + 1) {
                break;
            }
            // after a noun or a topic verb, ", and the …" starts the next item of a list
            // of topics, with arguments of its own ("the conflict in Gaza, and the
            // prospect of relations between Israel and Saudi Arabia")
            if !direct
                && matches!(cx.w(k + 1), "and" | "or")
                && matches!(cx.w(k + 2), "the" | "a" | "an")
            {
                break;
            }
            prep = None;
            k += 1;
            continue;
        }
        if let Some(mi) = cx.tk[k].m {
            let m = &cx.ms[mi];
            let next = m.t1 + 1;
            if m.modifier || matches!(m.kind, MentionKind::Misc | MentionKind::Event) {
                k = next;
                continue;
            }
            match prep.as_deref() {
                Some("by") => {
                    if r.by.is_empty() {
                        r.by_at = by_at;
                        r.by = group_right(cx, mi);
                        k = cx.ms[*r.by.last().unwrap_or(&mi)].t1 + 1;
                        prep = None;
                        continue;
                    }
                }
                Some("between") => {
                    if r.between.is_empty() {
                        r.between = group_right(cx, mi);
                        if r.between.len() < 2 {
                            // "between Iran and the ship's flag states": incomplete
                            r.between.clear();
                            break;
                        }
                        k = cx.ms[*r.between.last().unwrap_or(&mi)].t1 + 1;
                        prep = None;
                        continue;
                    }
                }
                Some(p) if lexicon::is_locative(p) => {
                    // "in the Ukrainian city of Odesa": the demonym names the state
                    let state_of_place = m.kind == MentionKind::Norp
                        && m.actor.starts_with("country:")
                        && matches!(
                            cx.w(next),
                            "city"
                                | "town"
                                | "village"
                                | "region"
                                | "province"
                                | "port"
                                | "capital"
                                | "district"
                                | "territory"
                                | "border"
                        );
                    if (matches!(
                        m.kind,
                        MentionKind::Gpe | MentionKind::Loc | MentionKind::Fac
                    ) || state_of_place)
                        && !r.places.contains(&mi)
                    {
                        r.places.push(mi);
                    }
                    k = next;
                    continue;
                }
                Some(p)
                    if !target_done
                        && preps.contains(&p)
                        && !abstract_between
                        && Ctx::usable_arg(m) =>
                {
                    r.target = group_right(cx, mi);
                    target_done = true;
                    k = cx.ms[*r.target.last().unwrap_or(&mi)].t1 + 1;
                    continue;
                }
                None | Some("of") if direct && !target_done && dets < 2 && Ctx::usable_arg(m) => {
                    r.target = group_right(cx, mi);
                    target_done = true;
                    k = cx.ms[*r.target.last().unwrap_or(&mi)].t1 + 1;
                    continue;
                }
                _ => {
                    if !target_done && m.kind != MentionKind::Norp {
                        // an object we cannot use: stop looking for the target
                        target_done = true;
                    }
                }
            }
            k = next;
            continue;
        }
        if w == "to"
            && cx.tk.get(k + 1).is_some_and(|x| {
                x.m.is_none()
                    && !x.upper_initial
                    && !matches!(
                        x.lower.as_str(),
                        "the" | "a" | "an" | "its" | "their" | "his" | "her"
                    )
                    && !lexicon::is_name_adjective(&x.lower)
                    && x.lower.chars().all(|c| c.is_alphabetic())
            })
        {
            // "urged X to …": an infinitive ends the arguments of this predicate
            break;
        }
        if w == "by" {
            by_at = k;
        }
        if lexicon::is_prep(w) {
            if !(w == "of" && prep.is_some()) {
                prep = Some(w.to_string());
            }
        } else if w == "and" && target_done {
            break;
        }
        k += 1;
    }
    r
}

fn sentence_events(
    article: &Article,
    s: &Sentence,
    mentions: &[LinkedMention],
    timexes: &[&TimexFound],
    out: &mut Vec<Draft>,
) {
    let cx = build_ctx(&article.body, s, mentions);
    if cx.tk.is_empty() {
        return;
    }
    let triggers = find_triggers(&cx);
    if triggers.is_empty() {
        return;
    }
    let first = out.len();
    let cues = attribution(&cx);
    // the participants of the last event found in this sentence
    let mut last_parties: Vec<usize> = Vec::new();
    let has_if = !cx.if_spans.is_empty();
    for (ti, t) in triggers.iter().enumerate() {
        if cx.in_if(t.i) {
            continue;
        }
        let e = t.entry;
        let pred = t.light.unwrap_or(t.i);
        // --- governing trigger (embedding)
        let clause_start = clause_start(&cx, pred);
        // only complements can be embedded: nouns, infinitives, gerunds
        let complement = e.pos == Pos::Noun
            || t.light.is_some()
            || (t.i > 0 && cx.w(t.i - 1) == "to")
            || cx.w(t.i).ends_with("ing");
        let governor = triggers[..ti]
            .iter()
            .rev()
            .filter(|_| complement)
            .find(|g| {
                g.i >= clause_start
                    && g.j < pred
                    && (g.entry.pos == Pos::Verb || g.light.is_some())
                    && Some(g.i) != t.light
            });
        let mut threatened = false;
        let mut embedded_possible = false;
        // "blocked roads to protest", "went on strike to protest": the act is the
        // protest; a purpose infinitive of a physical act is not embedded content
        let purpose_protest = e.kind == PloverType::Protest
            && t.i > 0
            && cx.w(t.i - 1) == "to"
            && governor.is_some_and(|g| {
                matches!(
                    g.entry.kind,
                    PloverType::Assault
                        | PloverType::Coerce
                        | PloverType::Mobilize
                        | PloverType::Retreat
                        | PloverType::Sanction
                        | PloverType::Protest
                )
            });
        let governor = governor.filter(|_| !purpose_protest);
        if let Some(g) = governor {
            let between: Vec<&str> = (g.j + 1..pred).map(|k| cx.w(k)).collect();
            // a verb of its own after "and" or a comma is a new predicate
            let coordinated = between.iter().any(|w| *w == "and" || *w == ",")
                && (e.pos == Pos::Verb || t.light.is_some())
                && !between.contains(&"to");
            if !coordinated {
                if g.entry.kind == PloverType::Threaten {
                    threatened = true;
                } else if between
                    .iter()
                    .any(|w| matches!(*w, "possibility" | "prospect" | "option" | "possible"))
                {
                    embedded_possible = true;
                } else if g.entry.kind == PloverType::Reject && between.first() == Some(&"to") {
                    // "refused to release": handled as negation of this one
                } else {
                    continue;
                }
            }
        }
        // "refused to <trigger>": the refusal is the negation, not a REJECT event
        if e.kind == PloverType::Reject
            && matches!(cx.w(t.i), "refused" | "refuse" | "refuses" | "declined")
            && triggers.iter().any(|o| o.i > t.i && o.i <= t.i + 4)
        {
            continue;
        }
        // --- passive voice
        let passive = e.pos == Pos::Verb
            && (cx.w(t.i).ends_with("ed")
                || matches!(
                    cx.w(t.i),
                    "struck" | "hit" | "held" | "sent" | "met" | "withdrawn" | "freed"
                ))
            && ((1..=2).any(|d| t.i >= d && lexicon::is_be(cx.w(t.i - d)))
                // reduced relative: "a deal mediated by the UAE"
                || cx.w(t.i + 1) == "by");
        // --- arguments
        let topic_verb = e.kind == PloverType::Consult
            && ["discuss", "rais", "negotiat", "talk", "spok", "speak"]
                .iter()
                .any(|p| cx.w(t.i).starts_with(p));
        let right = scan_right(
            &cx,
            t.i + 1,
            e.preps,
            e.pos == Pos::Verb && !passive && !topic_verb,
            14,
        );
        // "…, analysts warned.": a warning verb closing the sentence after a comma
        // reports what comes before it; it is no threat of its own
        if e.kind == PloverType::Threaten
            && e.pos == Pos::Verb
            && t.light.is_none()
            && (t.j + 1 >= cx.tk.len() || matches!(cx.w(t.j + 1), "." | "!" | ""))
            && (t.i.saturating_sub(4)..t.i).any(|k| cx.w(k) == ",")
        {
            continue;
        }
        // "a possible strike on X was discussed": the subject of a passive topic verb
        // is what was talked about, not a party; with no "by" nobody is named
        if passive && topic_verb && right.by.is_empty() {
            continue;
        }
        let mut conf = e.conf;
        let mut source: Vec<usize> = Vec::new();
        let mut target: Vec<usize> = right.target.clone();
        let mut anaphor = false;
        if passive {
            source = right.by.clone();
            if let Some((g, _)) = subject_left(&cx, t.i, 12) {
                if matches!(e.kind, PloverType::Mobilize | PloverType::Retreat) && source.is_empty()
                {
                    source = g;
                } else {
                    target = g;
                }
            }
        } else if e.pos == Pos::Verb || t.light.is_some() {
            if !embedded_possible {
                if let Some((g, pron)) = subject_left(&cx, pred, 14) {
                    // ", asking …": a participle after a comma takes the subject of the
                    // clause's main verb ("Russia pounded Kharkiv …, killing six": not
                    // the main verb's object); without one, only the clause's opening
                    // subject
                    let participle = cx.w(t.i).ends_with("ing") && t.i > 0 && cx.w(t.i - 1) == ",";
                    let main = || {
                        triggers[..ti].iter().rev().find(|m| {
                            m.entry.pos == Pos::Verb
                                && m.light.is_none()
                                && m.i >= clause_start
                                && !cx.w(m.i).ends_with("ing")
                        })
                    };
                    if !participle {
                        source = g;
                    } else if let Some(main) = main() {
                        if let Some((mg, _)) = subject_left(&cx, main.i, 14) {
                            source = mg;
                        }
                    } else if cx.ms[g[0]].t0 <= clause_start + 6 {
                        source = g;
                    }
                    if pron {
                        conf -= 0.15;
                    }
                }
            }
            if e.kind == PloverType::Reject && target.is_empty() {
                target = right.by.clone();
            }
            // "That military campaign targeted Iran's …": a verb whose subject is a
            // definite event noun of its type tells more of that event
            if source.is_empty() && e.pos == Pos::Verb {
                anaphor = triggers[..ti].iter().any(|nt| {
                    nt.entry.pos == Pos::Noun
                        && nt.entry.kind == e.kind
                        && nt.light.is_none()
                        && nt.i >= clause_start
                        && nt.j < pred
                        && definite(&cx, nt.i)
                        && (nt.j + 1..pred).all(|k| cx.tk[k].m.is_none() && is_adverb(cx.w(k)))
                });
            }
            if e.pos == Pos::Noun && !right.between.is_empty() {
                source = right.between.clone();
            }
        } else {
            // noun without a light verb
            source = noun_source(&cx, t.i);
            // "strikes by X": the agent right after the noun, not "… was mediated by X"
            // "the strikes on Iran were carried out by Israel": a passive light verb
            // (right before "by": a form of "be", adverbs, the light verb, "out")
            let passive_light = right.by_at > t.j + 2 && {
                let mut q = right.by_at;
                while q > t.j + 1 && matches!(cx.w(q - 1), "out" | "up") {
                    q -= 1;
                }
                let light = q > t.j + 1
                    && lexicon::lemmas(cx.w(q - 1))
                        .iter()
                        .any(|l| lexicon::is_light(l));
                q = q.saturating_sub(1);
                while light && q > t.j + 1 && is_adverb(cx.w(q - 1)) {
                    q -= 1;
                }
                light
                    && q > t.j + 1
                    && lexicon::is_be(cx.w(q - 1))
                    && (t.j + 1..q).all(|k| !cx.boundary(k) && cx.w(k) != ",")
            };
            if source.is_empty() && (right.by_at > t.j && right.by_at <= t.j + 2 || passive_light) {
                source = right.by.clone();
            }
            if !right.between.is_empty() {
                source = right.between.clone();
            }
            conf -= 0.1;
            // "the Kremlin said the talks with Ukraine would continue": the speaker
            // of a reported consultation with someone else is the other party
            if source.is_empty()
                && !target.is_empty()
                && matches!(
                    e.kind,
                    PloverType::Consult | PloverType::Agree | PloverType::Cooperate
                )
            {
                if let Some(m) = cues
                    .iter()
                    .filter(|c| c.at < t.i && matches!(cx.w(c.at), "said" | "says" | "say"))
                    .find_map(|c| c.subject)
                {
                    if !target.contains(&m) {
                        source = vec![m];
                    }
                }
            }
            // "the talks ended without an agreement": the parties of the sentence's
            // earlier event are the parties of the one that did not happen
            if source.is_empty()
                && target.is_empty()
                && (t.i.saturating_sub(3)..t.i).any(|k| cx.w(k) == "without")
            {
                source = last_parties.clone();
            }
            if source.is_empty() && target.is_empty() {
                anaphor = definite(&cx, t.i);
            }
        }
        if target.is_empty() {
            // the light verb may carry the object: "offered Ukraine a package of aid"
            if let Some(m) = t.indirect {
                target = vec![m];
            }
        }
        // "demanded that Israel halt …": the complement's subject is the addressee
        if e.kind == PloverType::Request && target.is_empty() && cx.w(t.j + 1) == "that" {
            let k = if cx.w(t.j + 2) == "the" {
                t.j + 3
            } else {
                t.j + 2
            };
            if let Some(mi) = cx.tk.get(k).and_then(|x| x.m) {
                if Ctx::usable_arg(&cx.ms[mi]) {
                    target = group_right(&cx, mi);
                }
            }
        }
        // "summoned the French ambassador to protest": the protest is addressed to
        // the object of the act it is the purpose of
        if e.kind == PloverType::Protest && target.is_empty() && t.i > 1 && cx.w(t.i - 1) == "to" {
            let obj = (t.i.saturating_sub(5)..t.i - 1)
                .rev()
                .find_map(|k| cx.tk[k].m)
                .filter(|&m| Ctx::usable_arg(&cx.ms[m]) && !source.contains(&m));
            if let Some(m) = obj {
                if cx.after_prep(&cx.ms[m]).is_none() {
                    target = vec![m];
                }
            }
        }
        let mut places = right.places.clone();
        // ASSAULT on something in a state: the state is the target
        if e.kind == PloverType::Assault && target.is_empty() {
            if let Some(&p) = places.iter().find(|&&p| {
                matches!(cx.ms[p].kind, MentionKind::Gpe | MentionKind::Norp)
                    && cx.ms[p].actor.starts_with("country:")
            }) {
                target.push(p);
            }
        }
        // "hosted Zelensky" names a guest; "received Egypt's proposal" does not
        if e.kind == PloverType::Consult
            && e.pos == Pos::Verb
            && (cx.w(t.i).starts_with("host") || cx.w(t.i).starts_with("receiv"))
        {
            target.retain(|&m| cx.w(cx.ms[m].t1 + 1) != "'s");
        }
        // a war or conflict between a coordinated subject needs no target
        let reciprocal = e.pos == Pos::Noun && source.len() >= 2;
        if e.needs == Needs::Target && target.is_empty() && !reciprocal {
            continue;
        }
        // symmetric acts between a coordinated subject: everyone is a source
        let mut kind = e.kind;
        // "sent a delegation to Tehran": a visit, not aid
        let mut mode = e.mode;
        if kind == PloverType::Aid
            && cx.w(t.i).starts_with("sen")
            && (t.i + 1..t.i + 4).any(|q| {
                matches!(
                    cx.w(q),
                    "delegation"
                        | "envoy"
                        | "envoys"
                        | "emissary"
                        | "negotiators"
                        | "representative"
                )
            })
        {
            kind = PloverType::Consult;
            mode = Some("visit");
        }
        if kind == PloverType::Aid && cx.w(t.i).starts_with("sen") {
            let to_actor = target.iter().any(|&m| {
                matches!(
                    cx.ms[m].kind,
                    MentionKind::Gpe | MentionKind::Org | MentionKind::Person
                )
            });
            if !to_actor {
                kind = PloverType::Mobilize;
                target.clear();
            }
        }
        if matches!(kind, PloverType::Mobilize | PloverType::Retreat) {
            target.clear();
        }
        // "blocked the approval of sanctions": a veto, not coercion
        if kind == PloverType::Coerce
            && cx.w(t.i).starts_with("block")
            && (t.i + 1..t.i + 5).any(|q| {
                matches!(
                    cx.w(q),
                    "approval"
                        | "resolution"
                        | "deal"
                        | "agreement"
                        | "proposal"
                        | "sanctions"
                        | "bid"
                        | "package"
                        | "plan"
                        | "law"
                        | "bill"
                        | "measure"
                        | "statement"
                        | "decision"
                        | "aid"
                        | "accession"
                        | "membership"
                )
            })
        {
            kind = PloverType::Reject;
            target.retain(|&m| cx.ms[m].kind != MentionKind::Norp);
        }
        // "released six American detainees": their nationality is not a party
        if kind == PloverType::Concede && !passive {
            target.retain(|&m| cx.ms[m].kind != MentionKind::Norp);
        }
        // "voted to strike over cuts", "strike action": a labour strike; a definite
        // plural ("the June strikes") refers back to military strikes unless workers
        // are named
        let labour_words = cx.tk.iter().any(|x| {
            matches!(
                x.lower.as_str(),
                "workers"
                    | "union"
                    | "unions"
                    | "staff"
                    | "employees"
                    | "doctors"
                    | "teachers"
                    | "nurses"
                    | "pay"
                    | "wages"
                    | "walkout"
                    | "pensions"
                    | "drivers"
            )
        });
        let anaphoric_plural = e.pos == Pos::Noun && cx.w(t.i) == "strikes" && definite(&cx, t.i);
        if kind == PloverType::Assault
            && !passive
            && target.is_empty()
            && places.is_empty()
            && (cx.w(t.i).starts_with("strike") && cx.w(t.i + 1) != ","
                || cx.w(t.i + 1) == "action")
            && (labour_words || !anaphoric_plural)
        {
            kind = PloverType::Protest;
        }
        // "attacked Labour's pledges", "attack Mr Blair's words": a verbal attack
        if kind == PloverType::Assault {
            if let Some(&last) = target.last() {
                let after = cx.ms[last].t1 + 1;
                let speech = (after..after + 5).any(|k| {
                    matches!(
                        cx.w(k),
                        "words"
                            | "pledges"
                            | "pledge"
                            | "policies"
                            | "policy"
                            | "plan"
                            | "plans"
                            | "remarks"
                            | "comments"
                            | "speech"
                            | "record"
                            | "claims"
                            | "proposals"
                            | "budget"
                            | "stance"
                            | "decision"
                    )
                });
                if cx.w(after) == "'s" && speech {
                    kind = PloverType::Accuse;
                }
            }
        }
        // a lone person "discussing" something with nobody named is no consultation
        // of its own; it can only add to one the article already reported
        let weak = matches!(
            kind,
            PloverType::Consult | PloverType::Agree | PloverType::Cooperate
        ) && e.pos == Pos::Verb
            && target.is_empty()
            && e.mode != Some("visit")
            && source.len() == 1
            && cx.ms[source[0]].kind == MentionKind::Person
            && !(kind == PloverType::Agree && matches!(cx.w(t.i + 1), "to" | "on"));
        // the same actor on both sides is a misreading
        target.retain(|m| !source.iter().any(|s| cx.ms[*s].actor == cx.ms[*m].actor));
        places.retain(|p| !target.contains(p) && !source.contains(p));
        if source.is_empty() && target.is_empty() && kind != PloverType::Protest && !anaphor {
            continue;
        }
        // "attacked the decision": an attack on nothing named is a verbal one
        if kind == PloverType::Assault && target.is_empty() && places.is_empty() {
            let abstract_object = (t.j + 1..t.j + 5).any(|q| is_abstract(cx.w(q)));
            if abstract_object {
                continue;
            }
        }
        // aid goes from someone to someone
        if kind == PloverType::Aid && (source.is_empty() || target.is_empty()) {
            continue;
        }
        // a release frees people: "released 90 prisoners", "freed Evan Gershkovich",
        // "the crew were released"; not "released a new version" or "a statement"
        if kind == PloverType::Concede
            && e.pos == Pos::Verb
            && (cx.w(t.i).starts_with("releas") || cx.w(t.i).starts_with("free"))
        {
            let people = |k: usize| {
                lexicon::is_people(cx.w(k))
                    || cx
                        .ment(k)
                        .is_some_and(|m| matches!(m.kind, MentionKind::Person | MentionKind::Norp))
            };
            let found = if passive {
                (t.i.saturating_sub(10)..t.i).any(people)
            } else {
                (t.j + 1..(t.j + 8).min(cx.tk.len()))
                    .take_while(|&k| !cx.boundary(k) && cx.w(k) != ",")
                    .any(people)
            };
            if !found {
                continue;
            }
        }
        // "killed", "hit", "destroyed" say who suffered, not that anyone attacked:
        // without an attacker ("were killed in the floods") they are no assault
        if kind == PloverType::Assault
            && e.pos == Pos::Verb
            && e.conf < 0.8
            && source.is_empty()
            && !anaphor
        {
            continue;
        }
        if kind == PloverType::Protest
            && source.is_empty()
            && target.is_empty()
            && t.light.is_none()
            && e.pos == Pos::Noun
        {
            continue;
        }
        // --- modality
        let my_cues = cues_for(&cx, &cues, t.i);
        let mut speakers: Vec<String> = Vec::new();
        for c in &my_cues {
            for a in &c.who {
                if !speakers.contains(a) {
                    speakers.push(a.clone());
                }
            }
        }
        let modality = modality(
            &cx,
            t,
            pred,
            clause_start,
            has_if,
            threatened,
            embedded_possible,
            !my_cues.is_empty() || in_quote(&cx, t.i),
        );
        // --- time
        let (time, own) = event_time(&cx, article, t, pred, timexes, modality);
        if source.is_empty() {
            conf -= 0.2;
        }
        if target.is_empty() {
            conf -= 0.1;
        }
        let ids = |v: &[usize]| {
            let mut out: Vec<String> = Vec::new();
            for &m in v {
                let a = cx.ms[m].actor.clone();
                if !out.contains(&a) {
                    out.push(a);
                }
            }
            out
        };
        let start = cx.tk[t.i].start;
        let end = cx.tk[t.j].end.max(start);
        let ev = Event {
            id: event_id(&article.id, start, kind),
            article: article.id.clone(),
            start,
            end,
            sentence: s.index,
            kind,
            mode: mode.map(str::to_string),
            source: ids(&source),
            target: ids(&target),
            place: ids(&places),
            time,
            modality,
            attributed_to: speakers
                .iter()
                .filter(|a| !ids(&source).contains(a) || modality != Modality::Asserted)
                .cloned()
                .collect(),
            confidence: conf.clamp(0.05, 0.95),
        };
        last_parties = source.iter().chain(target.iter()).copied().collect();
        out.push(Draft {
            ev,
            anaphor,
            weak,
            has_own_time: own,
        });
    }
    // a threat's target is the target of what it threatens ("threatened to strike X")
    let threatened: Vec<(Vec<String>, Vec<String>)> = out[first..]
        .iter()
        .filter(|d| d.ev.modality == Modality::Threatened)
        .map(|d| (d.ev.source.clone(), d.ev.target.clone()))
        .collect();
    for d in &mut out[first..] {
        if d.ev.kind == PloverType::Threaten && d.ev.target.is_empty() {
            if let Some((_, t)) = threatened.iter().find(|(s, t)| {
                !t.is_empty() && !s.is_empty() && s.iter().all(|a| d.ev.source.contains(a))
            }) {
                d.ev.target = t.clone();
            }
        }
    }
    let _ = cx.body;
}

/// Heads of abstract noun phrases: "attacked the decision", "an attack on the cost
/// of …" are verbal attacks, and a mention after them is not the target.
fn is_abstract(w: &str) -> bool {
    matches!(
        w,
        "decision"
            | "plan"
            | "plans"
            | "policy"
            | "policies"
            | "proposal"
            | "proposals"
            | "idea"
            | "way"
            | "record"
            | "remarks"
            | "comments"
            | "speech"
            | "words"
            | "claims"
            | "pledges"
            | "budget"
            | "stance"
            | "move"
            | "report"
            | "law"
            | "bill"
            | "ruling"
            | "approach"
            | "handling"
            | "reforms"
            | "strategy"
            | "critics"
            | "cost"
            | "costs"
            | "system"
            | "performance"
            | "credibility"
            | "reputation"
    )
}

/// Is token `i` inside quotation marks?
fn in_quote(cx: &Ctx, i: usize) -> bool {
    let mut open = false;
    for (k, t) in cx.tk.iter().enumerate() {
        if k >= i {
            break;
        }
        match t.lower.as_str() {
            "\u{201c}" => open = true,
            "\u{201d}" => open = false,
            "\"" => open = !open,
            _ => {}
        }
    }
    open
}

/// Start of the clause holding token `pos` (after the last hard boundary that is not
/// "that" after a cue verb, or after an if-clause).
fn clause_start(cx: &Ctx, pos: usize) -> usize {
    let mut k = pos;
    while k > 0 {
        k -= 1;
        let w = cx.w(k);
        if matches!(
            w,
            ";" | "while" | "whereas" | "although" | "though" | "but" | "because" | "who" | "which"
        ) {
            // "Turkey, which has mediated …, hosted talks": a relative clause closed
            // by a comma before `pos` belongs to the subject, not to this clause
            let closed = matches!(w, "who" | "which")
                && k > 0
                && cx.w(k - 1) == ","
                && (k + 1..pos).any(|c| cx.w(c) == ",");
            if closed {
                continue;
            }
            return k + 1;
        }
        if let Some(&(_, b)) = cx.if_spans.iter().find(|&&(a, b)| k >= a && k < b) {
            if b <= pos {
                return b + 1;
            }
        }
    }
    0
}

/// Source of an event noun without a light verb: a possessive ("Netanyahu's
/// visit") or a demonym/state right before it ("Israeli strikes").
fn noun_source(cx: &Ctx, i: usize) -> Vec<usize> {
    let mut k = i;
    let mut steps = 0;
    while k > 0 && steps < 3 {
        k -= 1;
        steps += 1;
        let w = cx.w(k);
        if w == "'s" {
            if k > 0 {
                if let Some(mi) = cx.tk[k - 1].m {
                    if Ctx::usable_arg(&cx.ms[mi]) {
                        return group_left(cx, mi);
                    }
                }
            }
            return Vec::new();
        }
        if let Some(mi) = cx.tk[k].m {
            let m = &cx.ms[mi];
            if (m.kind == MentionKind::Norp
                || m.kind == MentionKind::Gpe && m.actor.starts_with("country:"))
                && !m.modifier
            {
                if cx.after_prep(m).is_some()
                    && matches!(cx.after_prep(m), Some("in" | "at" | "near"))
                {
                    return Vec::new();
                }
                return group_left(cx, mi);
            }
            return Vec::new();
        }
        if cx.boundary(k) || w == "," || lexicon::is_prep(w) || w == "the" && steps > 1 {
            if w == "the" {
                continue;
            }
            return Vec::new();
        }
    }
    Vec::new()
}

/// Is the noun at `i` definite ("the talks", "the White House meeting")?
fn definite(cx: &Ctx, i: usize) -> bool {
    (i.saturating_sub(4)..i).any(|k| matches!(cx.w(k), "the" | "this" | "that" | "these" | "those"))
}

/// Modality of a trigger from the cues in its clause.
#[allow(clippy::too_many_arguments)]
fn modality(
    cx: &Ctx,
    t: &Trigger,
    pred: usize,
    clause_start: usize,
    has_if: bool,
    threatened: bool,
    embedded_possible: bool,
    reported: bool,
) -> Modality {
    let mut neg = false;
    let mut possible = embedded_possible;
    let mut modal = false;
    let mut plan = false;
    let mut threat = threatened;
    let end = if t.light.is_some() { pred + 1 } else { pred };
    let mut after_report = false;
    let mut unconfirmed = false;
    // a question asks whether it happens
    if cx.tk.last().is_some_and(|x| x.lower.contains('?')) {
        possible = true;
    }
    // "ahead of Netanyahu's visit", "the planned summit"
    if t.entry.pos == Pos::Noun && t.light.is_none() {
        for k in t.i.saturating_sub(5)..t.i {
            let w = cx.w(k);
            if (w == "ahead" && cx.w(k + 1) == "of")
                || matches!(w, "upcoming" | "planned" | "scheduled" | "forthcoming")
            {
                plan = true;
            }
        }
    }
    // a coordinated predicate starts its own window: "considered X and called for Y"
    let mut start = clause_start;
    for k in (clause_start..pred).rev() {
        if cx.w(k) == "and" {
            let only_aux = (k + 1..pred).all(|q| {
                let w = cx.w(q);
                w.ends_with("ly") || matches!(w, "has" | "have" | "had" | "also" | "then" | "later")
            });
            if only_aux {
                start = k + 1;
            }
            break;
        }
    }
    for k in start..end {
        let w = cx.w(k);
        if matches!(w, "offered" | "offers" | "offer" | "proposed" | "proposes")
            && cx.w(k + 1) == "to"
        {
            possible = true;
            continue;
        }
        // "is to visit": scheduled
        if w == "to" && k > 0 && matches!(cx.w(k - 1), "is" | "are" | "was" | "were") {
            plan = true;
            continue;
        }
        if w == "yet" && cx.w(k + 1) == "to" {
            neg = true;
            continue;
        }
        if matches!(w, "said" | "says" | "told" | "added" | "announced") {
            after_report = true;
        }
        // "said it would release them": a plan, unless an if-clause makes it a condition
        if w == "would" && after_report && !has_if {
            plan = true;
            continue;
        }
        // "did not say whether it would strike", "has not confirmed that it struck":
        // the negation is of the saying; the event is left open
        if neg
            && matches!(
                w,
                "say"
                    | "said"
                    | "confirm"
                    | "confirmed"
                    | "comment"
                    | "disclose"
                    | "specify"
                    | "know"
                    | "reveal"
                    | "indicate"
                    | "elaborate"
            )
        {
            neg = false;
            possible = true;
            unconfirmed = true;
            continue;
        }
        // "neither confirmed nor denied": the denial is of the saying too
        if unconfirmed && matches!(w, "nor" | "or" | "deny" | "denied" | "denies") {
            continue;
        }
        if lexicon::is_negation(w) {
            // "no" counts only right before a noun trigger
            // (and in "has no plans to meet", "no intention of withdrawing")
            if w == "no"
                && !(t.entry.pos == Pos::Noun && t.i.saturating_sub(k) <= 3)
                && !matches!(cx.w(k + 1), "plans" | "plan" | "intention" | "intentions")
            {
                continue;
            }
            neg = true;
        } else if lexicon::is_threat(w) {
            threat = true;
        } else if lexicon::is_possible(w) {
            possible = true;
        } else if lexicon::is_modal(w) {
            modal = true;
        } else if lexicon::is_plan(w) {
            if matches!(w, "set" | "expected" | "due" | "slated" | "plan" | "plans")
                && cx.w(k + 1) != "to"
            {
                continue;
            }
            plan = true;
        }
    }
    // a noun subject: its predicate follows ("talks … are expected to resume")
    if t.entry.pos == Pos::Noun && t.light.is_none() {
        let mut k = t.j + 1;
        while k < cx.tk.len() && k < t.j + 14 {
            let w = cx.w(k);
            // a comma or a clause of its own ("…, Modi said India would") ends it
            if cx.boundary(k) || w == "," {
                break;
            }
            if matches!(
                w,
                "was" | "were" | "is" | "are" | "will" | "would" | "could" | "to"
            ) {
                // (a name ending a phrase, "between India and China are", is not)
                let other_subject =
                    cx.tk
                        .get(k.wrapping_sub(1))
                        .and_then(|x| x.m)
                        .is_some_and(|mi| {
                            let g = group_left(cx, mi);
                            cx.after_prep(&cx.ms[g[0]]).is_none()
                        });
                if other_subject {
                    break;
                }
                // read the predicate
                for q in k..(k + 4).min(cx.tk.len()) {
                    let v = cx.w(q);
                    if lexicon::is_negation(v)
                        || matches!(v, "cancelled" | "canceled" | "scrapped" | "abandoned")
                        || v == "called" && cx.w(q + 1) == "off"
                    {
                        neg = true;
                    } else if matches!(v, "postponed" | "delayed" | "rescheduled") {
                        plan = true;
                    } else if matches!(
                        v,
                        "discussed"
                            | "considered"
                            | "mulled"
                            | "weighed"
                            | "proposed"
                            | "unlikely"
                            | "likely"
                            | "possible"
                    ) {
                        possible = true;
                    } else if v == "would" && after_report {
                        plan = true;
                    } else if lexicon::is_modal(v) {
                        modal = true;
                    } else if matches!(v, "will" | "scheduled" | "planned")
                        || (v == "be" && cx.w(q + 1) == "held")
                        || (matches!(v, "expected" | "set" | "due") && cx.w(q + 1) == "to")
                    {
                        plan = true;
                    }
                }
                break;
            }
            k += 1;
        }
    }
    if neg {
        Modality::Negated
    } else if threat {
        Modality::Threatened
    } else if possible {
        Modality::Possible
    } else if modal && has_if {
        Modality::Conditional
    } else if modal {
        Modality::Possible
    } else if plan {
        Modality::Planned
    } else if reported {
        Modality::Reported
    } else {
        Modality::Asserted
    }
}

/// One reporting cue of a sentence ("X said", "according to X") and the actors it
/// names as speakers.
struct Cue {
    /// Token index of the cue word.
    at: usize,
    /// Its speakers.
    who: Vec<String>,
    /// The speaker's mention when it is the subject of the cue ("the Kremlin said").
    subject: Option<usize>,
}

/// The reporting cues of a sentence.
fn attribution(cx: &Ctx) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    let n = cx.tk.len();
    let push = |v: &mut Vec<String>, a: &str| {
        if !v.iter().any(|x| x == a) {
            v.push(a.to_string());
        }
    };
    for k in 0..n {
        let w = cx.w(k);
        if w == "according" && cx.w(k + 1) == "to" {
            let mut who = Vec::new();
            let mut j = k + 2;
            while j < n && j < k + 8 && cx.w(j) != "," && !cx.boundary(j) {
                if let Some(m) = cx.ment(j) {
                    if Ctx::usable_arg(m) {
                        push(&mut who, &m.actor);
                    }
                    j = m.t1;
                }
                j += 1;
            }
            cues.push(Cue {
                at: k,
                who,
                subject: None,
            });
            continue;
        }
        if !lexicon::is_report(w) || cx.tk[k].m.is_some() {
            continue;
        }
        // "opposition claims", "newspaper reports": nouns, unless a source says them
        if matches!(w, "claims" | "reports" | "report")
            && !(k > 0 && cx.tk[k - 1].m.is_some())
            && !matches!(
                cx.w(k + 1),
                "say" | "said" | "suggest" | "suggested" | "indicate"
            )
        {
            continue;
        }
        // "reportedly", "allegedly": reported, by nobody named
        if matches!(w, "reportedly" | "allegedly" | "alleged") {
            cues.push(Cue {
                at: k,
                who: Vec::new(),
                subject: None,
            });
            continue;
        }
        // "reports" as a plural noun subject ("Reports also say") still marks reporting
        let mut who = Vec::new();
        let mut subject = None;
        // speaker: nearest mention to the left within a few words, not in a PP
        let mut j = k;
        let mut found = false;
        let mut steps = 0;
        while j > 0 && steps < 6 {
            j -= 1;
            steps += 1;
            let v = cx.w(j);
            if v == "," || cx.boundary(j) || v == "\u{201d}" || v == "\"" {
                break;
            }
            if let Some(mi) = cx.tk[j].m {
                let m = &cx.ms[mi];
                if Ctx::usable_arg(m) && cx.after_prep(m).is_none() {
                    push(&mut who, &m.actor);
                    found = true;
                    subject = Some(mi);
                }
                break;
            }
        }
        // inverted: "…, said Mark Rutte"
        let after_comma = k > 0 && matches!(cx.w(k - 1), "," | "\u{201d}" | "\"");
        if !found && after_comma {
            if let Some(m) = cx.ment(k + 1) {
                if Ctx::usable_arg(m) && m.kind != MentionKind::Norp {
                    push(&mut who, &m.actor);
                }
            }
        }
        // "confirmed to Axios", "told Reuters"
        let mut j = k + 1;
        if cx.w(j) == "to" {
            j += 1;
        }
        if let Some(m) = cx.ment(j) {
            if m.kind == MentionKind::Org && w != "said" {
                push(&mut who, &m.actor);
            }
        }
        cues.push(Cue {
            at: k,
            who,
            subject,
        });
    }
    cues
}

/// The cues that report the event at token `i`: a cue after it ("…, officials
/// said"), or one before it with no contrast in between ("Officials said X could
/// attack Y, but Z struck W": the strike is the writer's own statement).
fn cues_for<'c>(cx: &Ctx, cues: &'c [Cue], i: usize) -> Vec<&'c Cue> {
    let contrast = |a: usize, b: usize| {
        (a..b).any(|k| {
            matches!(
                cx.w(k),
                "but" | "while" | "whereas" | "although" | "though" | ";" | "meanwhile"
            )
        })
    };
    // a cue at the end of the sentence ("…, officials said.") covers all of it
    // (nothing after it but adverbials: no clause of its own)
    let trailing = |c: &Cue| {
        c.at + 8 >= cx.tk.len()
            && !(c.at + 1..cx.tk.len()).any(|k| {
                let w = cx.w(k);
                cx.tk[k].m.is_none()
                    && (cx.boundary(k)
                        || lexicon::is_be(w)
                        || lexicon::is_modal(w)
                        || matches!(w, "has" | "had" | "have" | "will")
                        || w.ends_with("ed") && w.len() > 4)
            })
    };
    cues.iter()
        .filter(|c| {
            if c.at > i {
                trailing(c) || !contrast(i, c.at)
            } else {
                !contrast(c.at + 1, i)
            }
        })
        .collect()
}

/// Time of an event: a timex right before a noun ("the June strikes"), the nearest
/// DATE/TIME of the sentence, else the article date for present-tense reports.
fn event_time(
    cx: &Ctx,
    article: &Article,
    t: &Trigger,
    pred: usize,
    timexes: &[&TimexFound],
    modality: Modality,
) -> (Option<EventTime>, bool) {
    let at = cx.tk[t.i].start;
    let usable = |x: &&&TimexFound| {
        matches!(x.kind, TimexType::Date | TimexType::Time)
            && !x.value.is_empty()
            && x.value != "PRESENT_REF"
            && !(modality == Modality::Asserted
                && x.tense == Tense::Future
                && x.value.starts_with("FUTURE"))
    };
    let best = timexes.iter().filter(usable).min_by_key(|x| {
        let d = if x.end <= at {
            at - x.end
        } else {
            x.start.saturating_sub(at)
        };
        // prefer expressions in the same clause (no if-clause between)
        d
    });
    if let Some(x) = best {
        return (
            Some(EventTime {
                value: x.value.clone(),
                anchor: TimeAnchor::Timex,
            }),
            true,
        );
    }
    // present-tense and present-perfect reports happen at the article's date
    let present = (pred.saturating_sub(3)..pred)
        .any(|k| matches!(cx.w(k), "has" | "have" | "is" | "are"))
        || (t.entry.pos == Pos::Verb && cx.w(t.i).ends_with('s') && !cx.w(t.i).ends_with("ss"));
    if present && matches!(modality, Modality::Asserted | Modality::Reported) {
        if let Some(p) = article.published.as_deref() {
            let day: String = p.chars().take(10).collect();
            if !day.is_empty() {
                return (
                    Some(EventTime {
                        value: day,
                        anchor: TimeAnchor::Dct,
                    }),
                    false,
                );
            }
        }
    }
    (None, false)
}

fn event_id(article: &str, start: usize, kind: PloverType) -> String {
    // FNV-1a over the article id, the trigger offset and the type
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for b in article.bytes() {
        eat(b);
    }
    for b in start.to_le_bytes() {
        eat(b);
    }
    for b in format!("{kind:?}").bytes() {
        eat(b);
    }
    format!("ev-{h:016x}")
}

// ---------------------------------------------------------------- article level

fn merge(drafts: Vec<Draft>) -> Vec<Event> {
    let mut out: Vec<(Event, bool)> = Vec::new();
    for d in drafts {
        let Draft {
            ev,
            anaphor,
            weak,
            has_own_time,
        } = d;
        // anaphoric nominal: add to the antecedent, the nearest earlier event of the
        // type whose time and participants do not contradict it ("the June strikes"
        // is not the October offensive)
        let antecedent = out.iter().rposition(|(p, p_own)| {
            p.kind == ev.kind
                && ev.sentence >= p.sentence
                && ev.sentence - p.sentence <= 4
                && (p.mode.is_none() || ev.mode.is_none() || p.mode == ev.mode)
                && !(*p_own && has_own_time && !same_time(p.time.as_ref(), ev.time.as_ref()))
                && ev
                    .target
                    .iter()
                    .chain(ev.source.iter())
                    .all(|a| p.target.contains(a) || p.source.contains(a))
        });
        let subset = |p: &Event| {
            ev.target.is_empty()
                && !ev.source.is_empty()
                && p.sentence < ev.sentence
                && ev.sentence - p.sentence <= 3
                && p.modality == Modality::Asserted
                && matches!(ev.modality, Modality::Asserted | Modality::Reported)
                && ev
                    .source
                    .iter()
                    .all(|a| p.source.contains(a) || p.target.contains(a))
        };
        if anaphor {
            if let Some(ai) = antecedent {
                let (p, p_own) = &mut out[ai];
                if has_own_time && *p_own && ev.source.is_empty() && ev.target.is_empty() {
                    // "the June strikes" after a dated event: a dated mention of it
                    // is a report of its own, with the antecedent's participants (an
                    // undated antecedent takes the date instead); a definite
                    // description presupposes the event rather than reporting it
                    // anew, so it keeps the antecedent's certainty
                    let mut own = ev.clone();
                    own.source = p.source.clone();
                    own.target = p.target.clone();
                    if own.place.is_empty() {
                        own.place = p.place.clone();
                    }
                    if matches!(own.modality, Modality::Asserted | Modality::Reported) {
                        if own.modality != p.modality {
                            own.attributed_to = p.attributed_to.clone();
                        }
                        own.modality = p.modality;
                    }
                    own.confidence = (p.confidence - 0.1).max(0.05);
                    out.push((own, true));
                } else {
                    absorb(p, p_own, &ev, has_own_time);
                }
                continue;
            }
            // no antecedent: an event of its own if it names anyone
            if ev.source.is_empty() && ev.target.is_empty() {
                continue;
            }
        }
        if let Some(ai) = out.iter().rposition(|(p, p_own)| {
            p.kind == ev.kind
                && subset(p)
                && !(*p_own && has_own_time && !same_time(p.time.as_ref(), ev.time.as_ref()))
        }) {
            let (p, p_own) = &mut out[ai];
            absorb(p, p_own, &ev, has_own_time);
            continue;
        }
        if weak {
            continue;
        }
        // same sentence, same type and modality, shared sources
        if let Some(p) = out.iter_mut().find(|(p, _)| {
            p.sentence == ev.sentence
                && p.kind == ev.kind
                && p.modality == ev.modality
                && (p.source.iter().any(|a| ev.source.contains(a))
                    || p.source.is_empty() && ev.source.is_empty())
        }) {
            let p = &mut p.0;
            for a in &ev.target {
                if !p.target.contains(a) && !p.source.contains(a) {
                    p.target.push(a.clone());
                }
            }
            for a in &ev.place {
                if !p.place.contains(a) {
                    p.place.push(a.clone());
                }
            }
            for a in &ev.source {
                if !p.source.contains(a) {
                    p.source.push(a.clone());
                }
            }
            if p.time.is_none() {
                p.time = ev.time.clone();
            }
            p.confidence = p.confidence.max(ev.confidence);
            continue;
        }
        out.push((ev, has_own_time));
    }
    out.into_iter().map(|(e, _)| e).collect()
}

/// Do two event times agree (equal, or one contains the other: "2025-06" and
/// "2025-06-13")?
fn same_time(a: Option<&EventTime>, b: Option<&EventTime>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.value.starts_with(&b.value) || b.value.starts_with(&a.value),
        _ => true,
    }
}

fn absorb(p: &mut Event, p_own: &mut bool, ev: &Event, own: bool) {
    for a in &ev.attributed_to {
        if !p.attributed_to.contains(a) {
            p.attributed_to.push(a.clone());
        }
    }
    if !*p_own && own {
        p.time = ev.time.clone();
        *p_own = true;
    }
    p.confidence = (p.confidence + 0.05).min(0.95);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_reach_the_lexicon() {
        for w in [
            "struck", "strikes", "attacked", "shelled", "urged", "met", "agreed", "detained",
            "withdrew",
        ] {
            assert!(
                lexicon::lemmas(w)
                    .iter()
                    .any(|l| lexicon::verb(l).is_some()),
                "{w}"
            );
        }
    }

    #[test]
    fn empty_input_gives_nothing() {
        let a = Article::default();
        assert!(extract_events(&a, &[], &[], &[]).is_empty());
    }
}
