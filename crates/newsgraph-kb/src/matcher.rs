//! The gazetteer: every name, alias, demonym and office title of a [`Kb`] in one
//! Aho–Corasick automaton, matched over text in one pass.
//!
//! # Matching rules
//!
//! The automaton matches ASCII case-insensitively and reports every (overlapping)
//! occurrence; each occurrence is then kept only if it passes these checks, and the
//! kept ones are reduced to the longest non-overlapping matches, leftmost first.
//!
//! - **Word boundaries**: the character before and the one after a match must not be
//!   letters or digits (any script). Apostrophes, hyphens and punctuation are
//!   boundaries, so "Iran's", "Iran’s", "pro-Iran", "Hamas-run" and "(Gaza)" match.
//! - **Acronyms** — names whose letters are all capitals, at most six of them, with
//!   or without dots ("US", "U.S.", "IRGC", "UNRWA") — match only in exactly that case:
//!   "us", "Us" and "who" never match. An acronym that is also an English word
//!   ("US", "WHO", "IS", "AID"…) is further refused when a neighbouring word is
//!   all-capitals (≥ 3 letters), as in a shouted headline ("TELL US MORE").
//!   Dotted and undotted spellings of 2–4 letter acronyms are both generated
//!   ("U.N." from "UN" and back).
//! - **Other names** are case-tolerant, but at least one word that is capitalised in
//!   the KB must be capitalised in the text: "Iran", "IRAN" and "United states" match,
//!   "iran", "turkey", "white house" and "the states" do not. Capitalisation of a word
//!   is its first character only, so "IRan" passes too.
//! - **Office titles** are matched in any case ("prime minister", "Prime Minister"),
//!   except acronyms ("PM").
//! - **Punctuation tolerance**: straight and curly apostrophes are interchangeable,
//!   a hyphen in a name also matches a space ("al-Qaeda" / "al Qaeda"), and names with
//!   accented letters also match their plain-ASCII spelling ("Élysée" / "Elysee").
//!   Demonyms get a plural unless they end in -h, -e or -s ("Israelis", not
//!   "Frenchs").
//!
//! The same text can name several entities ("Isfahan" the city and the nuclear site,
//! "Georgia"): a [`NameMatch`] carries every candidate; choosing is resolution's job.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use newsgraph_model::MentionKind;

use crate::kb::{Entity, EntityClass, Kb, Office};

/// How a name in the text reached its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameVia {
    /// The canonical name.
    Name,
    /// An alias or abbreviation.
    Alias,
    /// A demonym of a state ("Israeli"): the mention is NORP, the state is the entity.
    Demonym,
}

/// One candidate entity of a name match.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate<'k> {
    /// The entity.
    pub entity: &'k Entity,
    /// How the text names it.
    pub via: NameVia,
}

impl Candidate<'_> {
    /// The mention type this candidate gives the span: NORP for a demonym, else the
    /// entity's kind.
    pub fn mention_kind(&self) -> MentionKind {
        if self.via == NameVia::Demonym {
            MentionKind::Norp
        } else {
            self.entity.kind
        }
    }
}

/// A span of text naming one or more KB entities.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMatch<'k> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The entities the span may name (at least one), in KB order.
    pub candidates: Vec<Candidate<'k>>,
}

/// An office title in the text, with the state or organisation it belongs to when
/// the text says so: "Israeli Prime Minister", "U.S. President", "Iran's foreign
/// minister", "Secretary-General of the United Nations", "Secretary of State" (local
/// to the United States), "the president" (no state). "Netanyahu's office" and
/// "the Trump administration" are title matches with a `holder` and no office.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleMatch<'k> {
    /// First byte of the whole phrase (the state modifier included, "the" not).
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Byte span of the title words alone.
    pub title_span: (usize, usize),
    /// The office, when the phrase names one.
    pub office: Option<&'k Office>,
    /// The state or organisation of the office, when known.
    pub of_state: Option<&'k Entity>,
    /// For "X's office" / "X administration": the person X.
    pub holder: Option<&'k Entity>,
}

/// Names and titles found in one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scan<'k> {
    /// Entity names, ordered, non-overlapping.
    pub names: Vec<NameMatch<'k>>,
    /// Title phrases, ordered.
    pub titles: Vec<TitleMatch<'k>>,
}

/// A set of [`MentionKind`]s (a bit set).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct KindSet(u16);

fn kind_bit(k: MentionKind) -> u16 {
    1 << match k {
        MentionKind::Person => 0,
        MentionKind::Org => 1,
        MentionKind::Gpe => 2,
        MentionKind::Loc => 3,
        MentionKind::Norp => 4,
        MentionKind::Fac => 5,
        MentionKind::Event => 6,
        MentionKind::Misc => 7,
    }
}

impl KindSet {
    /// Adds a kind.
    pub fn insert(&mut self, k: MentionKind) {
        self.0 |= kind_bit(k);
    }
    /// Whether the set holds `k`.
    pub fn contains(&self, k: MentionKind) -> bool {
        self.0 & kind_bit(k) != 0
    }
    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
    /// The raw bits (Person = bit 0 … Misc = bit 7), for feature hashing.
    pub fn bits(&self) -> u16 {
        self.0
    }
}

/// What the gazetteer says about one token: which kinds of KB name begin at it and
/// which continue through it, and whether an office title begins or continues there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TokenGaz {
    /// Kinds of names whose first token this is.
    pub begin: KindSet,
    /// Kinds of names this token continues (second token onwards).
    pub inside: KindSet,
    /// An office title starts here.
    pub title_begin: bool,
    /// An office title continues here.
    pub title_inside: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Entity(u32, NameVia),
    Office(u32, Option<u32>),
}

#[derive(Debug, Clone)]
enum CaseRule {
    /// The text must equal the pattern byte for byte; `wordlike`: refuse next to
    /// all-capital words.
    Exact { wordlike: bool },
    /// At least one of these word starts (byte offsets) must be uppercase in the text.
    CapWords(Vec<u16>),
    /// Any case.
    Any,
}

#[derive(Debug)]
struct Pattern {
    text: String,
    rule: CaseRule,
    targets: Vec<Target>,
}

/// The compiled automaton and pattern table of a [`Kb`] (built once, kept by the Kb).
#[derive(Debug)]
pub(crate) struct Automaton {
    ac: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

/// The gazetteer matcher of a [`Kb`]: a cheap handle (two references) from
/// [`Kb::gazetteer`]; the automaton behind it is built once per Kb.
#[derive(Debug, Clone, Copy)]
pub struct Gazetteer<'k> {
    kb: &'k Kb,
    auto: &'k Automaton,
}

const WORDLIKE: &[&str] = &[
    "us", "who", "is", "it", "am", "an", "as", "or", "on", "in", "no", "so", "me", "we", "aid",
    "all", "arm", "hit", "car", "ban", "fat", "tap", "sun", "eu", "un",
];

fn fold_ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'Ā' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' | 'Ē' => 'E',
            'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'Í' | 'Ì' | 'Î' | 'Ï' | 'Ī' | 'İ' => 'I',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
            'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' | 'Ō' => 'O',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
            'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ū' => 'U',
            'ç' | 'č' | 'ć' => 'c',
            'Ç' | 'Č' | 'Ć' => 'C',
            'ñ' | 'ń' => 'n',
            'Ñ' => 'N',
            'š' | 'ş' | 'ș' | 'ś' => 's',
            'Š' | 'Ş' | 'Ș' | 'Ś' => 'S',
            'ž' | 'ż' | 'ź' => 'z',
            'Ž' | 'Ż' | 'Ź' => 'Z',
            'ğ' => 'g',
            'ý' => 'y',
            'ł' => 'l',
            'Ł' => 'L',
            'ő' => 'o',
            'ű' => 'u',
            'ţ' | 'ț' => 't',
            c => c,
        })
        .collect()
}

/// Whether a name is an acronym: only capital letters (2–6) besides dots, `&` and
/// digits.
fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

/// Spelling variants of a name (see the module docs).
fn variants(name: &str, demonym: bool) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let folded = fold_ascii(name);
    if folded != name {
        out.push(folded);
    }
    let mut extra = Vec::new();
    for v in &out {
        if v.contains('\'') {
            extra.push(v.replace('\'', "’"));
        }
        if v.contains('’') {
            extra.push(v.replace('’', "'"));
        }
        if v.contains('-') {
            extra.push(v.replace('-', " "));
        }
    }
    out.extend(extra);
    if is_acronym(name) {
        let letters: String = name.chars().filter(|c| c.is_ascii_uppercase()).collect();
        if letters.len() == name.len() && (2..=4).contains(&letters.len()) {
            out.push(letters.chars().flat_map(|c| [c, '.']).collect());
        } else if name.contains('.') && name.chars().all(|c| c.is_ascii_uppercase() || c == '.') {
            out.push(letters);
        }
    }
    if demonym {
        let last = name.chars().last().unwrap_or('s');
        if last.is_ascii_lowercase() && !matches!(last, 'h' | 'e' | 's') {
            let more: Vec<String> = out.iter().map(|v| format!("{v}s")).collect();
            out.extend(more);
        }
    }
    out.sort();
    out.dedup();
    out
}

fn rule_for(pattern: &str, title: bool) -> CaseRule {
    if is_acronym(pattern) {
        let lower: String = pattern
            .chars()
            .filter(|c| c.is_alphabetic())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        return CaseRule::Exact {
            wordlike: WORDLIKE.contains(&lower.as_str()),
        };
    }
    if title {
        return CaseRule::Any;
    }
    let mut caps = Vec::new();
    let mut at_start = true;
    for (i, c) in pattern.char_indices() {
        if at_start && c.is_uppercase() {
            caps.push(i as u16);
        }
        at_start = c == ' ' || c == '-';
    }
    if caps.is_empty() {
        CaseRule::Any
    } else {
        CaseRule::CapWords(caps)
    }
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The word (letters only) just before byte `i`, skipping spaces.
fn word_before(text: &str, i: usize) -> &str {
    let head = text.get(..i).unwrap_or("").trim_end();
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(head.len(), |(k, _)| k);
    &head[start..]
}

/// The word (letters only) just after byte `i`, skipping spaces.
fn word_after(text: &str, i: usize) -> &str {
    let tail = text.get(i..).unwrap_or("").trim_start();
    let end = tail
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(tail.len(), |(k, _)| k);
    &tail[..end]
}

fn shouted(w: &str) -> bool {
    w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase())
}

impl Pattern {
    fn accepts(&self, text: &str, start: usize, end: usize) -> bool {
        let m = &text.as_bytes()[start..end];
        match &self.rule {
            CaseRule::Exact { wordlike } => {
                m == self.text.as_bytes()
                    && !(*wordlike
                        && (shouted(word_before(text, start)) || shouted(word_after(text, end))))
            }
            CaseRule::CapWords(offs) => offs.iter().any(|&o| {
                m.get(o as usize)
                    .is_some_and(|&b| b.is_ascii_uppercase() || b >= 0x80)
                    && text
                        .get(start + o as usize..)
                        .and_then(|s| s.chars().next())
                        .is_some_and(char::is_uppercase)
            }),
            CaseRule::Any => true,
        }
    }
}

struct Hit {
    start: usize,
    end: usize,
    pats: Vec<u32>,
}

impl Automaton {
    pub(crate) fn build(kb: &Kb) -> Automaton {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut index: HashMap<(String, bool), usize> = HashMap::new();
        let mut add = |name: &str, target: Target, demonym: bool| {
            let title = matches!(target, Target::Office(..));
            for v in variants(name, demonym) {
                if v.trim().is_empty() {
                    continue;
                }
                let key = (v.clone(), title);
                let pi = *index.entry(key).or_insert_with(|| {
                    patterns.push(Pattern {
                        rule: rule_for(&v, title),
                        text: v,
                        targets: Vec::new(),
                    });
                    patterns.len() - 1
                });
                if !patterns[pi].targets.contains(&target) {
                    patterns[pi].targets.push(target);
                }
            }
        };
        for (i, e) in kb.entities().iter().enumerate() {
            let i = i as u32;
            add(&e.name, Target::Entity(i, NameVia::Name), false);
            for a in &e.aliases {
                // "the White House" adds nothing to "White House" but a wider span.
                if let Some(rest) = a.strip_prefix("the ") {
                    if e.names().any(|n| n == rest) {
                        continue;
                    }
                }
                add(a, Target::Entity(i, NameVia::Alias), false);
            }
            for d in &e.demonyms {
                add(d, Target::Entity(i, NameVia::Demonym), true);
            }
        }
        for (oi, o) in kb.offices().iter().enumerate() {
            let oi = oi as u32;
            for n in std::iter::once(&o.title).chain(&o.aliases) {
                add(n, Target::Office(oi, None), false);
            }
            for l in &o.local {
                let si = kb.entity_index(&l.of).map(|s| s as u32);
                for n in std::iter::once(&l.title).chain(&l.aliases) {
                    add(n, Target::Office(oi, si), false);
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns.iter().map(|p| p.text.as_bytes()))
            .or_else(|_| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(patterns.iter().map(|p| p.text.as_bytes()))
            })
            .ok();
        Automaton { ac, patterns }
    }
}

impl<'k> Gazetteer<'k> {
    pub(crate) fn new(kb: &'k Kb, auto: &'k Automaton) -> Gazetteer<'k> {
        Gazetteer { kb, auto }
    }

    /// Number of distinct patterns (names and their generated variants).
    pub fn pattern_count(&self) -> usize {
        self.auto.patterns.len()
    }

    /// Accepted, longest non-overlapping hits, leftmost first.
    fn hits(&self, text: &str) -> Vec<Hit> {
        let Some(ac) = &self.auto.ac else {
            return Vec::new();
        };
        let mut raw: Vec<(usize, usize, u32)> = Vec::new();
        for m in ac.find_overlapping_iter(text) {
            let (s, e) = (m.start(), m.end());
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            if char_before(text, s).is_some_and(is_word_char)
                || char_at(text, e).is_some_and(is_word_char)
            {
                continue;
            }
            let pi = m.pattern().as_usize();
            if self.auto.patterns[pi].accepts(text, s, e) {
                raw.push((s, e, pi as u32));
            }
        }
        raw.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        // "the Gulf" yields to "Gulf of Oman" starting at its second word.
        let yields = |&(s, e, p): &(usize, usize, u32)| {
            let t = self.auto.patterns[p as usize].text.as_bytes();
            t.len() > 4
                && t[..4].eq_ignore_ascii_case(b"the ")
                && raw
                    .iter()
                    .skip_while(|r| r.0 < s + 4)
                    .take_while(|r| r.0 == s + 4)
                    .any(|r| r.1 > e)
        };
        let drop: Vec<bool> = raw.iter().map(yields).collect();
        let raw: Vec<(usize, usize, u32)> = raw
            .iter()
            .zip(drop)
            .filter(|(_, d)| !d)
            .map(|(r, _)| *r)
            .collect();
        let mut out: Vec<Hit> = Vec::new();
        let mut last_end = 0;
        for (s, e, p) in raw {
            if let Some(h) = out.last_mut() {
                if h.start == s && h.end == e {
                    h.pats.push(p);
                    continue;
                }
            }
            if s >= last_end {
                out.push(Hit {
                    start: s,
                    end: e,
                    pats: vec![p],
                });
                last_end = e;
            }
        }
        out
    }

    /// Entity names in `text`: ordered, non-overlapping, longest first, each with its
    /// candidate entities. Office titles are not included (see [`Gazetteer::scan`]).
    pub fn find(&self, text: &str) -> Vec<NameMatch<'k>> {
        self.scan(text).names
    }

    /// Names and title phrases of `text` in one pass.
    pub fn scan(&self, text: &str) -> Scan<'k> {
        let kb = self.kb;
        let hits = self.hits(text);
        let mut names: Vec<NameMatch<'k>> = Vec::new();
        // For each hit: index into `names` if it names entities; office targets.
        let mut name_of_hit: Vec<Option<usize>> = Vec::with_capacity(hits.len());
        let mut offices_of_hit: Vec<Vec<(u32, Option<u32>)>> = Vec::with_capacity(hits.len());
        for h in &hits {
            let mut cands: Vec<Candidate<'k>> = Vec::new();
            let mut offs = Vec::new();
            for &p in &h.pats {
                for t in &self.auto.patterns[p as usize].targets {
                    match *t {
                        Target::Entity(i, via) => {
                            let entity = kb.entity_at(i as usize);
                            if let Some(c) =
                                cands.iter_mut().find(|c| std::ptr::eq(c.entity, entity))
                            {
                                if via == NameVia::Name {
                                    c.via = via;
                                }
                            } else {
                                cands.push(Candidate { entity, via });
                            }
                        }
                        Target::Office(o, s) => {
                            if !offs.contains(&(o, s)) {
                                offs.push((o, s));
                            }
                        }
                    }
                }
            }
            if cands.is_empty() {
                name_of_hit.push(None);
            } else {
                name_of_hit.push(Some(names.len()));
                names.push(NameMatch {
                    start: h.start,
                    end: h.end,
                    candidates: cands,
                });
            }
            offices_of_hit.push(offs);
        }
        let mut titles = Vec::new();
        for (k, h) in hits.iter().enumerate() {
            if !offices_of_hit[k].is_empty() {
                if let Some(t) =
                    self.title_at(text, &hits, &names, &name_of_hit, &offices_of_hit, k)
                {
                    titles.push(t);
                }
            }
            if let Some(ni) = name_of_hit[k] {
                if let Some(t) = holder_phrase(kb, text, h, &names[ni]) {
                    titles.push(t);
                }
            }
        }
        Scan { names, titles }
    }

    fn title_at(
        &self,
        text: &str,
        hits: &[Hit],
        names: &[NameMatch<'k>],
        name_of_hit: &[Option<usize>],
        offices_of_hit: &[Vec<(u32, Option<u32>)>],
        k: usize,
    ) -> Option<TitleMatch<'k>> {
        let kb = self.kb;
        let h = &hits[k];
        // "9 PM", "21:01 PM": a time, not a prime minister.
        let t = &text[h.start..h.end];
        if t.len() <= 3
            && t.bytes().all(|b| b.is_ascii_uppercase())
            && text[..h.start]
                .trim_end()
                .bytes()
                .last()
                .is_some_and(|b| b.is_ascii_digit())
        {
            return None;
        }
        let state_of = |ni: usize| -> Option<&'k Entity> {
            names[ni]
                .candidates
                .iter()
                .find(|c| c.entity.is_state())
                .or_else(|| {
                    names[ni]
                        .candidates
                        .iter()
                        .find(|c| c.entity.class == EntityClass::Org && c.entity.org_type.is_some())
                })
                .map(|c| c.entity)
        };
        let mut start = h.start;
        let mut end = h.end;
        let mut state: Option<&Entity> = None;
        // A state or organisation right before: "Israeli Prime Minister",
        // "U.S. President", "Iran's foreign minister", "UN Secretary-General".
        if k > 0 {
            if let Some(ni) = name_of_hit[k - 1] {
                let gap = &text[hits[k - 1].end..h.start];
                let g = gap.trim();
                let ok_gap = !gap.is_empty()
                    && gap.len() <= 4
                    && (g.is_empty() || matches!(g, "'s" | "’s" | "'" | "’"));
                if ok_gap {
                    if let Some(s) = state_of(ni) {
                        state = Some(s);
                        start = hits[k - 1].start;
                    }
                }
            }
        }
        // "… of Iran", "… of the United Nations".
        if state.is_none() {
            if let (Some(next), Some(ni)) =
                (hits.get(k + 1), name_of_hit.get(k + 1).copied().flatten())
            {
                let gap = text[h.end..next.start].to_ascii_lowercase();
                let g: Vec<&str> = gap.split_whitespace().collect();
                if gap.starts_with(' ') && (g == ["of"] || g == ["of", "the"]) {
                    if let Some(s) = state_of(ni) {
                        state = Some(s);
                        end = next.end;
                    }
                }
            }
        }
        let offs = &offices_of_hit[k];
        let state_idx = state.and_then(|s| kb.entity_index(&s.id)).map(|i| i as u32);
        let chosen = match state_idx {
            Some(si) => offs
                .iter()
                .find(|(_, s)| *s == Some(si))
                .or_else(|| offs.iter().find(|(_, s)| s.is_none()))
                .or_else(|| offs.first()),
            None => offs.iter().find(|(_, s)| s.is_none()).or_else(|| {
                // A title local to exactly one state names that state.
                let locals: Vec<_> = offs.iter().filter(|(_, s)| s.is_some()).collect();
                (locals.len() == 1).then(|| locals[0])
            }),
        };
        let &(oi, local_state) = chosen?;
        if state.is_none() {
            if let Some(si) = local_state {
                state = Some(kb.entity_at(si as usize));
            }
        }
        if state.is_none() {
            // A bare title only when capitalised ("President Trump") or after "the".
            let first_upper = text[h.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let after_the = word_before(text, h.start).eq_ignore_ascii_case("the");
            if !first_upper && !after_the {
                return None;
            }
        }
        Some(TitleMatch {
            start,
            end,
            title_span: (h.start, h.end),
            office: Some(kb.office_at(oi as usize)),
            of_state: state,
            holder: None,
        })
    }

    /// Per-token gazetteer features for a sequence tagger: for each `(start, end)`
    /// token span of `text` (as the segmenter gives them), which kinds of KB names
    /// begin or continue there, and where office titles are.
    pub fn token_tags(
        &self,
        text: &str,
        tokens: impl IntoIterator<Item = (usize, usize)>,
    ) -> Vec<TokenGaz> {
        let hits = self.hits(text);
        let kb = self.kb;
        let mut out = Vec::new();
        let mut k = 0;
        for (ts, te) in tokens {
            let mut g = TokenGaz::default();
            while k < hits.len() && hits[k].end <= ts {
                k += 1;
            }
            if let Some(h) = hits.get(k) {
                if h.start < te && ts < h.end {
                    let begin = ts <= h.start;
                    for &p in &h.pats {
                        for t in &self.auto.patterns[p as usize].targets {
                            match *t {
                                Target::Entity(i, via) => {
                                    let c = Candidate {
                                        entity: kb.entity_at(i as usize),
                                        via,
                                    };
                                    if begin {
                                        g.begin.insert(c.mention_kind());
                                    } else {
                                        g.inside.insert(c.mention_kind());
                                    }
                                }
                                Target::Office(..) => {
                                    if begin {
                                        g.title_begin = true;
                                    } else {
                                        g.title_inside = true;
                                    }
                                }
                            }
                        }
                    }
                }
            }
            out.push(g);
        }
        out
    }
}

const HOLDER_WORDS: &[&str] = &[
    "office",
    "administration",
    "government",
    "cabinet",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aides",
];

/// "Netanyahu's office", "Trump administration", "the Starmer government".
fn holder_phrase<'k>(
    kb: &'k Kb,
    text: &str,
    h: &Hit,
    name: &NameMatch<'k>,
) -> Option<TitleMatch<'k>> {
    let person = name
        .candidates
        .iter()
        .find(|c| c.entity.class == EntityClass::Person)?
        .entity;
    let rest = &text[h.end..];
    let (skip, possessive) = if rest.starts_with("'s ") || rest.starts_with("’s ") {
        (rest.find(' ')? + 1, true)
    } else if rest.starts_with(' ') {
        (1, false)
    } else {
        return None;
    };
    let word_end = rest[skip..]
        .find(|c: char| !c.is_alphabetic())
        .map_or(rest.len(), |p| p + skip);
    let word = &rest[skip..word_end];
    let lw = word.to_ascii_lowercase();
    let ok = if possessive {
        HOLDER_WORDS.contains(&lw.as_str())
    } else {
        lw == "administration" || lw == "government"
    };
    if !ok {
        return None;
    }
    Some(TitleMatch {
        start: h.start,
        end: h.end + word_end,
        title_span: (h.end + skip, h.end + word_end),
        office: None,
        of_state: person
            .country
            .as_deref()
            .and_then(|c| kb.entity(&format!("country:{c}"))),
        holder: Some(person),
    })
}
