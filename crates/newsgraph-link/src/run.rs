//! One run of the linker over one article (the algorithm of the crate docs).

use std::collections::{HashMap, HashSet};

use newsgraph_kb::{slugify, Candidate, Entity, EntityClass, Kb, NameVia, Office, Scan};
use newsgraph_model::{
    ActorId, Article, Mention, MentionKind, MentionRole, Provenance, Role, RoleSource, Sentence,
    Token,
};

use crate::{
    choose, normalise, score_asserted, ActorOrigin, AssertedRole, DateRange, How, Linked,
    LinkedActor, LinkedMention, Linker, TitleRef,
};

/// Lead the best KB candidate needs over the second to be chosen.
const MARGIN: f32 = 0.25;

/// Words before a title that make it another office ("Deputy Foreign Minister").
const OTHER_OFFICE: &[&str] = &[
    "deputy",
    "vice",
    "assistant",
    "acting",
    "under",
    "junior",
    "interim",
    "associate",
];
/// Words before a title that make it a past office.
const FORMER: &[&str] = &["former", "ex", "then", "late", "previous", "outgoing"];
/// Words after which a place name is a place, never its government.
const PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "from", "to", "into", "inside", "outside", "across", "around", "toward",
    "towards", "via", "through", "of", "over", "between", "and", "visit", "visited", "visiting",
];
/// Verbs (and auxiliaries) that make a capital before them its state's government.
const STATE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "has",
    "have",
    "had",
    "is",
    "was",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "cannot",
    "warned",
    "warns",
    "accused",
    "accuses",
    "rejected",
    "rejects",
    "denied",
    "denies",
    "announced",
    "announces",
    "insisted",
    "insists",
    "threatened",
    "threatens",
    "responded",
    "demanded",
    "urged",
    "told",
    "called",
    "considered",
    "considers",
    "wants",
    "wanted",
    "launched",
    "struck",
    "agreed",
    "refused",
    "plans",
    "planned",
    "hopes",
    "welcomed",
    "condemned",
    "confirmed",
    "signalled",
    "signaled",
    "vowed",
    "ordered",
    "approved",
    "imposed",
    "blamed",
    "believes",
    "sees",
    "views",
    "retaliated",
    "sent",
    "seeks",
    "sought",
    "claimed",
    "dismissed",
    "criticised",
    "criticized",
    "expelled",
    "recalled",
    "summoned",
    "did",
    "does",
    "is",
    "sanctioned",
    "pledged",
    "offered",
    "proposed",
];
/// A lowercase past-tense verb right after a capital makes it the subject of the
/// verb ("Washington lifted sanctions", "Beijing suspended imports"): the word list
/// above names the common ones, this the rest (not after a preposition: "strikes on
/// Beirut killed 12").
fn past_verb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// Adverbs allowed between a capital and its verb ("Tehran also said").
const ADVERBS: &[&str] = &[
    "also", "again", "still", "quickly", "later", "then", "has", "had",
];
/// Words of a sentence about nuclear or military sites (favour facilities).
const SITE_WORDS: &[&str] = &[
    "nuclear",
    "enrichment",
    "reactor",
    "facility",
    "facilities",
    "site",
    "sites",
    "plant",
];
/// "X's office", "X administration": the executive itself.
const EXECUTIVE_WORDS: &[&str] = &["office", "administration", "government", "cabinet"];
/// Roles with no office in the KB: kept, never resolved to a person by themselves.
const ROLE_WORDS: &[(&str, &str)] = &[
    ("official", "official"),
    ("officials", "official"),
    ("spokesman", "spokesman"),
    ("spokeswoman", "spokeswoman"),
    ("spokesperson", "spokesperson"),
    ("spokespeople", "spokesperson"),
    ("envoy", "envoy"),
    ("envoys", "envoy"),
    ("ambassador", "ambassador"),
    ("ambassadors", "ambassador"),
    ("diplomat", "diplomat"),
    ("diplomats", "diplomat"),
    ("negotiator", "negotiator"),
    ("negotiators", "negotiator"),
    ("commander", "commander"),
    ("commanders", "commander"),
    ("adviser", "adviser"),
    ("advisers", "adviser"),
    ("advisor", "adviser"),
    ("advisors", "adviser"),
    ("aide", "aide"),
    ("aides", "aide"),
    ("lawmaker", "lawmaker"),
    ("lawmakers", "lawmaker"),
    ("source", "source"),
    ("sources", "source"),
];

#[derive(Debug, Clone)]
enum Src<'a> {
    Kb(Vec<Candidate<'a>>),
    Tag { kind: MentionKind },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The KB office itself.
    Holder,
    /// Another office named after it ("Deputy Foreign Minister").
    Other,
    /// A past holder ("former President").
    Former,
}

#[derive(Debug, Clone)]
struct TitleInfo<'a> {
    title: String,
    office: Option<&'a Office>,
    of: Option<&'a Entity>,
    mode: Mode,
    /// Start of the whole title phrase (evidence).
    phrase_start: usize,
    /// Span of a bare title mention.
    span: (usize, usize),
}

#[derive(Debug, Clone)]
struct Raw<'a> {
    start: usize,
    end: usize,
    src: Src<'a>,
    title: Option<TitleInfo<'a>>,
}

impl Raw<'_> {
    /// The kind every reading of the span agrees on.
    fn sure_kind(&self) -> Option<MentionKind> {
        match &self.src {
            Src::Tag { kind, .. } => Some(*kind),
            Src::Kb(c) => {
                let k = c.first()?.mention_kind();
                c.iter().all(|x| x.mention_kind() == k).then_some(k)
            }
        }
    }
}

pub(crate) struct Run<'r, 'a> {
    l: &'r Linker<'a>,
    kb: &'a Kb,
    article: &'r Article,
    body: &'r str,
    sentences: &'r [Sentence],
    linked: Linked,
    /// Names and kinds of derived actors.
    derived: HashMap<String, (String, MentionKind)>,
    /// (position, office id, state) of every title with a state, in text order.
    title_states: Vec<(usize, String, &'a Entity)>,
}

impl<'r, 'a> Run<'r, 'a> {
    pub(crate) fn new(l: &'r Linker<'a>, article: &'r Article, sentences: &'r [Sentence]) -> Self {
        Run {
            l,
            kb: l.kb,
            article,
            body: &article.body,
            sentences,
            linked: Linked {
                date: DateRange::of_article(article),
                ..Linked::default()
            },
            derived: HashMap::new(),
            title_states: Vec::new(),
        }
    }

    pub(crate) fn link(mut self) -> Linked {
        let body = self.body;
        let scan = self.kb.gazetteer().scan(body);
        let tagged = match self.l.tagger {
            Some(t) => {
                let toks: Vec<Vec<Token>> = self
                    .sentences
                    .iter()
                    .map(|s| newsgraph_segment::tokens(body, s.start, s.end))
                    .collect();
                let refs: Vec<&[Token]> = toks.iter().map(Vec::as_slice).collect();
                t.names(body, &refs)
            }
            None => Vec::new(),
        };
        let mut raws = self.merge(&scan, tagged);
        let bare = self.attach_titles(&scan, &mut raws);
        self.resolve_names(&raws);
        self.bare_titles(bare);
        self.holder_phrases(&scan);
        self.sort();
        self.generic_roles();
        self.sort();
        self.finish()
    }

    // ---------------------------------------------------------------- pass 1: names

    fn merge(&self, scan: &Scan<'a>, tagged: Vec<crate::TaggedName>) -> Vec<Raw<'a>> {
        let body = self.body;
        let phrases: Vec<(usize, usize)> = scan
            .titles
            .iter()
            .filter(|t| t.office.is_some())
            .map(|t| (t.start, t.end))
            .collect();
        let mut kb: Vec<Option<Raw<'a>>> = scan
            .names
            .iter()
            .map(|n| {
                let (start, end) = trim_the(body, n.start, n.end);
                Some(Raw {
                    start,
                    end,
                    src: Src::Kb(n.candidates.clone()),
                    title: None,
                })
            })
            .collect();
        let mut out = Vec::new();
        for t in tagged {
            if t.start >= t.end || body.get(t.start..t.end).is_none() {
                continue;
            }
            let (mut s, mut e) = (t.start, t.end);
            for &(ps, pe) in &phrases {
                if s >= ps && s < pe {
                    s = pe;
                }
                if e > ps && e <= pe && s < ps {
                    e = ps;
                }
            }
            let Some((s, e)) = trim_space(body, s, e) else {
                continue;
            };
            if !body[s..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                continue;
            }
            // A lone capitalised sentence opener ("Moreover") is not a name.
            let word = &body[s..e];
            if !word.contains(' ')
                && self.sentences.iter().any(|x| x.start == s)
                && newsgraph_segment::is_sentence_starter(word.as_bytes())
            {
                continue;
            }
            let over: Vec<usize> = kb
                .iter()
                .enumerate()
                .filter(|(_, k)| k.as_ref().is_some_and(|k| k.start < e && s < k.end))
                .map(|(i, _)| i)
                .collect();
            let tag = Raw {
                start: s,
                end: e,
                src: Src::Tag { kind: t.kind },
                title: None,
            };
            if over.is_empty() {
                out.push(tag);
                continue;
            }
            let inner: Vec<(usize, usize)> = over
                .iter()
                .filter_map(|&i| kb[i].as_ref().map(|k| (k.start, k.end)))
                .collect();
            let inside = inner
                .iter()
                .all(|&(ks, ke)| ks >= s && ke <= e && ke - ks < e - s);
            if inside && t.score >= 0.5 && extra_capitalised(body, s, e, &inner) {
                let mut tag = tag;
                for i in over {
                    // "Philippines' Department of …": the state keeps its own mention.
                    if let Some(k) = kb[i].as_ref().filter(|k| k.start == tag.start) {
                        let rest = &body[k.end..];
                        let poss = ["'s ", "’s ", "' ", "’ "]
                            .iter()
                            .find(|p| rest.starts_with(**p));
                        if let Some(p) = poss {
                            tag.start = k.end + p.len();
                            continue;
                        }
                    }
                    kb[i] = None;
                }
                if tag.start < tag.end {
                    out.push(tag);
                }
            }
        }
        // Tagger names never overlap each other: the longest, leftmost wins.
        out.sort_by_key(|r| (std::cmp::Reverse(r.end - r.start), r.start));
        let mut kept: Vec<Raw<'a>> = Vec::new();
        for r in out {
            if !kept.iter().any(|k| k.start < r.end && r.start < k.end) {
                kept.push(r);
            }
        }
        kept.extend(kb.into_iter().flatten());
        kept.sort_by_key(|r| (r.start, r.end));
        kept
    }

    // ---------------------------------------------------------------- pass 2: titles

    /// Attaches each office title to the name right after it; returns the titles with
    /// no name after them.
    fn attach_titles(&mut self, scan: &Scan<'a>, raws: &mut [Raw<'a>]) -> Vec<TitleInfo<'a>> {
        let body = self.body;
        let mut bare = Vec::new();
        for t in &scan.titles {
            let Some(office) = t.office else {
                continue;
            };
            let (ts, te) = t.title_span;
            let mut info = TitleInfo {
                title: match t.of_state {
                    Some(s) => office.title_in(&s.id).to_string(),
                    None => office.title.clone(),
                },
                office: Some(office),
                of: t.of_state,
                mode: Mode::Holder,
                phrase_start: t.start,
                span: (ts, te),
            };
            let before_title = prev_word(body, ts);
            let before_phrase = prev_word(body, t.start);
            if let Some((ws, w)) = before_title.filter(|(_, w)| {
                t.start == ts && OTHER_OFFICE.contains(&w.to_ascii_lowercase().as_str())
            }) {
                info.mode = Mode::Other;
                info.title = body[ws..te].to_string();
                info.office = None;
                info.span = (ws, te);
                info.phrase_start = ws;
                // "Iranian Deputy Foreign Minister": the state is before the modifier.
                if let Some(r) = raws.iter().rev().find(|r| r.end <= ws) {
                    let gap = &body[r.end..ws];
                    if gap.len() <= 4 && matches!(gap.trim(), "" | "'s" | "’s") {
                        if let Src::Kb(c) = &r.src {
                            if let Some(s) = c.iter().find(|c| c.entity.is_state()) {
                                info.of = Some(s.entity);
                                info.phrase_start = r.start;
                            }
                        }
                    }
                }
                let _ = w;
            } else if before_phrase
                .is_some_and(|(_, w)| FORMER.contains(&w.to_ascii_lowercase().as_str()))
                || body[..t.start].ends_with("ex-")
            {
                info.mode = Mode::Former;
                info.title = format!("former {}", info.title);
            }
            if let (Some(of), Mode::Holder) = (info.of, info.mode) {
                self.title_states.push((t.start, office.id.clone(), of));
            }
            let next = raws.iter_mut().find(|r| {
                r.start > t.end && matches!(body.get(t.end..r.start), Some(" " | "\u{a0}"))
            });
            match next {
                Some(r) if person_like(r) => {
                    if let Src::Tag { kind, .. } = &mut r.src {
                        *kind = MentionKind::Person;
                    }
                    r.title = Some(info);
                }
                _ => bare.push(info),
            }
        }
        bare
    }

    // ---------------------------------------------------------------- pass 3: resolve

    fn resolve_names(&mut self, raws: &[Raw<'a>]) {
        let body = self.body;
        // Persons named without doubt anywhere in the article.
        let mut named: HashSet<&'a str> = HashSet::new();
        for r in raws {
            if let Src::Kb(c) = &r.src {
                let text = &body[r.start..r.end];
                let persons: Vec<&Candidate<'a>> = c
                    .iter()
                    .filter(|c| c.entity.class == EntityClass::Person)
                    .collect();
                if persons.len() == 1 && (c.len() == 1 || text.contains(' ')) {
                    named.insert(persons[0].entity.id.as_str());
                }
            }
        }
        // Person names the tagger found, as word lists, for the longest-name rule.
        let tag_people: Vec<Vec<&str>> = raws
            .iter()
            .filter(|r| {
                matches!(
                    r.src,
                    Src::Tag {
                        kind: MentionKind::Person,
                        ..
                    }
                )
            })
            .map(|r| name_words(&body[r.start..r.end]))
            .collect();
        for (i, r) in raws.iter().enumerate() {
            let text = &body[r.start..r.end];
            let sentence = self.sentence_of(r.start);
            let (kind, actor, candidates, how) = match &r.src {
                Src::Tag { kind, .. } => {
                    let (id, how) = self.derived_id(*kind, text, &tag_people, &named);
                    let Some(id) = id else {
                        continue;
                    };
                    (*kind, Some(id), Vec::new(), how)
                }
                Src::Kb(cands) => self.resolve_kb(i, raws, cands, &named),
            };
            let mut role = None;
            if let Some(info) = &r.title {
                let mut of = info.of.map(|e| e.id.clone());
                if of.is_none() && info.mode == Mode::Holder {
                    // "President Trump": the state of the person's term of that office.
                    if let (Some(id), Some(office)) = (&actor, info.office) {
                        of = self.term_state(id, &office.id);
                    }
                }
                role = Some(MentionRole {
                    title: info.title.clone(),
                    of: of.clone(),
                });
                if let (Some(id), Some(of), true) = (&actor, info.of, info.mode != Mode::Former) {
                    self.assert_role(id, &info.title, &of.id, info.phrase_start, r.end, sentence);
                }
            }
            self.push(LinkedMention {
                mention: Mention {
                    article: self.article.id.clone(),
                    start: r.start,
                    end: r.end,
                    text: text.to_string(),
                    kind,
                    actor,
                    role,
                    candidates,
                },
                sentence,
                how,
                pending: None,
            });
        }
    }

    /// The derived id of a tagger name (or a KB person it shortens).
    fn derived_id(
        &mut self,
        kind: MentionKind,
        text: &str,
        tag_people: &[Vec<&str>],
        named: &HashSet<&'a str>,
    ) -> (Option<ActorId>, How) {
        let words = name_words(text);
        let mut canonical = words.clone();
        let mut how = How::Tagger;
        if kind == MentionKind::Person {
            for other in tag_people {
                if other.len() > canonical.len() && other.ends_with(&words) {
                    canonical = other.clone();
                    how = How::EarlierMention;
                }
            }
            if words.len() == 1 && how == How::Tagger {
                // A surname of a KB person named in the article.
                let hits: Vec<&&str> = named
                    .iter()
                    .filter(|id| {
                        self.kb
                            .entity(id)
                            .is_some_and(|e| e.name.split_whitespace().last() == Some(words[0]))
                    })
                    .collect();
                if let [id] = hits.as_slice() {
                    return (Some((**id).to_string()), How::EarlierMention);
                }
            }
        }
        let name = canonical.join(" ");
        let slug = slugify(&name);
        if slug.is_empty() {
            return (None, how);
        }
        let prefix = match kind {
            MentionKind::Person => "person",
            MentionKind::Org => "org",
            MentionKind::Gpe | MentionKind::Loc | MentionKind::Fac => "place",
            MentionKind::Norp => "group",
            MentionKind::Event | MentionKind::Misc => "misc",
        };
        let id = format!("{prefix}:{slug}");
        if self.kb.entity(&id).is_none() {
            self.derived.entry(id.clone()).or_insert((name, kind));
        }
        (Some(id), how)
    }

    /// Chooses among the KB candidates of raw span `i`.
    fn resolve_kb(
        &self,
        i: usize,
        raws: &[Raw<'a>],
        cands: &[Candidate<'a>],
        named: &HashSet<&'a str>,
    ) -> (
        MentionKind,
        Option<ActorId>,
        Vec<newsgraph_model::MentionCandidate>,
        How,
    ) {
        let body = self.body;
        let r = &raws[i];
        let day = self.linked.date.map(|d| d.from);
        let sentence_text = self
            .sentence_of(r.start)
            .and_then(|k| self.sentences.get(k))
            .and_then(|s| body.get(s.start..s.end))
            .unwrap_or("")
            .to_lowercase();
        let site_context = SITE_WORDS.iter().any(|w| sentence_text.contains(w));
        let before = prev_word(body, r.start).map(|(_, w)| w.to_ascii_lowercase());
        let after_prep = before.as_deref().is_some_and(|w| PREPOSITIONS.contains(&w));
        let mut list_kinds = Vec::new();
        if i > 0 && is_coordination(body.get(raws[i - 1].end..r.start).unwrap_or("x")) {
            list_kinds.extend(raws[i - 1].sure_kind());
        }
        if let Some(n) = raws.get(i + 1) {
            if is_coordination(body.get(r.end..n.start).unwrap_or("x")) {
                list_kinds.extend(n.sure_kind());
            }
        }
        let mut scored: Vec<(&Candidate<'a>, f32)> = cands
            .iter()
            .map(|c| {
                let e = c.entity;
                let kind = c.mention_kind();
                let mut s = match c.via {
                    NameVia::Name | NameVia::Demonym => 1.0,
                    NameVia::Alias => 0.9,
                };
                if e.is_state() {
                    s += 0.2;
                }
                if e.class == EntityClass::Person {
                    if named.contains(e.id.as_str()) {
                        s += 2.0;
                    }
                    if day.is_some_and(|d| !self.kb.roles_of(&e.id, d).is_empty()) {
                        s += 0.3;
                    }
                    if let Some(office) = r.title.as_ref().and_then(|t| t.office) {
                        let terms = self.kb.terms_of(&e.id);
                        let holds = |t: &&newsgraph_kb::Term| {
                            t.office == office.id
                                && r.title
                                    .as_ref()
                                    .and_then(|ti| ti.of)
                                    .is_none_or(|of| of.id == t.of)
                        };
                        if terms
                            .iter()
                            .any(|t| holds(t) && day.is_some_and(|d| t.covers(d)))
                        {
                            s += 1.0;
                        } else if terms.iter().any(holds) {
                            s += 0.5;
                        }
                    }
                    if after_prep {
                        s -= 0.15;
                    }
                } else if after_prep
                    && matches!(kind, MentionKind::Gpe | MentionKind::Loc | MentionKind::Fac)
                {
                    s += 0.15;
                }
                if list_kinds.contains(&kind) {
                    s += 0.6;
                }
                if site_context && kind == MentionKind::Fac {
                    s += 0.6;
                }
                (c, s)
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        let best = scored[0].0;
        let clear = scored.len() == 1 || scored[0].1 - scored[1].1 >= MARGIN;
        if !clear {
            let list: Vec<(ActorId, f32)> =
                scored.iter().map(|(c, s)| (actor_id_of(c), *s)).collect();
            return (best.mention_kind(), None, normalise(&list), How::Ambiguous);
        }
        let e = best.entity;
        if best.via == NameVia::Demonym {
            return (
                MentionKind::Norp,
                Some(e.id.clone()),
                Vec::new(),
                How::Demonym,
            );
        }
        if let Some(state) = &e.capital_of {
            if self.capital_is_state(r.start, r.end) {
                return (
                    MentionKind::Gpe,
                    Some(format!("country:{state}")),
                    Vec::new(),
                    How::CapitalAsState,
                );
            }
        }
        let how = if e.class == EntityClass::Person
            && !body[r.start..r.end].contains(' ')
            && named.contains(e.id.as_str())
        {
            How::EarlierMention
        } else {
            How::Name
        };
        (e.kind, Some(e.id.clone()), Vec::new(), how)
    }

    /// Whether a capital at `start..end` is its state's government (see crate docs).
    fn capital_is_state(&self, start: usize, end: usize) -> bool {
        let body = self.body;
        if prev_word(body, start)
            .is_some_and(|(_, w)| PREPOSITIONS.contains(&w.to_ascii_lowercase().as_str()))
        {
            return false;
        }
        let rest = &body[end..];
        if rest.starts_with("'s ") || rest.starts_with("’s ") {
            return true;
        }
        if !rest.starts_with(' ') {
            return false;
        }
        let words = next_words(body, end, 2);
        let w0 = words.first().map(|w| w.to_ascii_lowercase());
        let w1 = words.get(1).map(|w| w.to_ascii_lowercase());
        match (w0.as_deref(), w1.as_deref()) {
            (Some(a), _) if STATE_VERBS.contains(&a) => true,
            _ if words.first().is_some_and(|w| past_verb(w))
                && !prev_word(body, start).is_some_and(|(_, w)| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "on" | "against" | "by" | "for" | "with" | "after" | "under" | "upon"
                    )
                }) =>
            {
                true
            }
            (Some(a), Some(b)) if ADVERBS.contains(&a) && STATE_VERBS.contains(&b) => true,
            _ => false,
        }
    }

    /// The state of a person's term of `office` (the one covering the date if any).
    fn term_state(&self, person: &str, office: &str) -> Option<String> {
        let terms: Vec<_> = self
            .kb
            .terms_of(person)
            .into_iter()
            .filter(|t| t.office == office)
            .collect();
        let day = self.linked.date.map(|d| d.from);
        terms
            .iter()
            .find(|t| day.is_some_and(|d| t.covers(d)))
            .or(terms.last())
            .map(|t| t.of.clone())
    }

    fn assert_role(
        &mut self,
        actor: &str,
        title: &str,
        of: &str,
        start: usize,
        end: usize,
        sentence: Option<usize>,
    ) {
        let name = self
            .kb
            .entity(actor)
            .map(|e| e.name.clone())
            .or_else(|| self.derived.get(actor).map(|d| d.0.clone()))
            .unwrap_or_else(|| actor.to_string());
        let (from, to) = match self.linked.date {
            Some(d) => (Some(d.from.to_string()), Some(d.to.to_string())),
            None => (None, None),
        };
        self.linked.roles.push(AssertedRole {
            actor: actor.to_string(),
            name,
            role: Role {
                title: title.to_string(),
                of: Some(of.to_string()),
                from,
                to,
                source: Some(RoleSource::Article),
                evidence: vec![Provenance {
                    article: self.article.id.clone(),
                    start,
                    end,
                    sentence,
                    extractor: "link/title".into(),
                    confidence: 0.9,
                }],
            },
        });
    }

    // ---------------------------------------------------------------- pass 4: bare titles

    fn bare_titles(&mut self, bare: Vec<TitleInfo<'a>>) {
        for mut info in bare {
            let (s, e) = info.span;
            if self.overlaps(s, e) {
                continue;
            }
            let sentence = self.sentence_of(s);
            if info.mode == Mode::Holder && info.of.is_none() {
                if let Some(office) = info.office {
                    info.of = self
                        .title_states
                        .iter()
                        .rev()
                        .find(|(p, o, _)| *p < s && *o == office.id)
                        .map(|(_, _, st)| *st);
                    if let Some(st) = info.of {
                        info.title = office.title_in(&st.id).to_string();
                    }
                }
            }
            let mut lm = LinkedMention {
                mention: Mention {
                    article: self.article.id.clone(),
                    start: s,
                    end: e,
                    text: self.body[s..e].to_string(),
                    kind: MentionKind::Person,
                    actor: None,
                    role: Some(MentionRole {
                        title: info.title.clone(),
                        of: info.of.map(|o| o.id.clone()),
                    }),
                    candidates: Vec::new(),
                },
                sentence,
                how: How::RoleOnly,
                pending: None,
            };
            if let (Mode::Holder, Some(office), Some(of)) = (info.mode, info.office, info.of) {
                self.resolve_title(&mut lm, office, of, &info.title);
            }
            self.push(lm);
        }
    }

    /// The holder of `office` of `of` at the article's date (see crate docs, step 4).
    fn resolve_title(&self, lm: &mut LinkedMention, office: &Office, of: &Entity, title: &str) {
        let terms = self
            .l
            .terms
            .get(&(office.id.clone(), of.id.clone()))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let mut scored: Vec<(ActorId, f32)> = Vec::new();
        match self.linked.date {
            Some(d) => {
                for t in terms {
                    let from = t.from.earliest().max(d.from);
                    let to = match t.to {
                        None => d.to,
                        Some(end) if end.is_exact() => {
                            // exclusive end day
                            if end.earliest() <= d.from {
                                continue;
                            }
                            end.earliest().min(d.to)
                        }
                        Some(end) => end.latest().min(d.to),
                    };
                    if from > to {
                        continue;
                    }
                    let days = (crate::day_number(to) - crate::day_number(from) + 1).max(1) as f32;
                    let share = days / d.len_days() as f32;
                    match scored.iter_mut().find(|(id, _)| id == &t.person) {
                        Some(s) => s.1 += share,
                        None => scored.push((t.person.clone(), share)),
                    }
                }
            }
            None => {
                let named: HashSet<&str> = self
                    .linked
                    .mentions
                    .iter()
                    .filter_map(|m| m.mention.actor.as_deref())
                    .collect();
                let mut all: Vec<&str> = Vec::new();
                for t in terms.iter().rev() {
                    if !all.contains(&t.person.as_str()) {
                        all.push(&t.person);
                    }
                }
                let in_article: Vec<&str> =
                    all.iter().copied().filter(|p| named.contains(p)).collect();
                let pick = if in_article.is_empty() {
                    all.into_iter().take(10).collect()
                } else {
                    in_article
                };
                scored = pick.into_iter().map(|p| (p.to_string(), 1.0)).collect();
            }
        }
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        if !scored.is_empty() {
            match choose(&scored) {
                Some(id) => {
                    lm.mention.actor = Some(id);
                    lm.how = How::TitleKb;
                }
                None => {
                    lm.mention.candidates = normalise(&scored);
                    lm.how = How::Ambiguous;
                }
            }
            return;
        }
        // Not in the KB: roles this article asserts, else wait for the store.
        let own: Vec<AssertedRole> = self
            .linked
            .roles
            .iter()
            .filter(|r| {
                r.role.title.eq_ignore_ascii_case(title) && r.role.of.as_deref() == Some(&of.id)
            })
            .cloned()
            .collect();
        let scored = score_asserted(&own, self.linked.date);
        match (scored.is_empty(), choose(&scored)) {
            (true, _) => {
                lm.pending = Some(TitleRef {
                    title: title.to_string(),
                    of: of.id.clone(),
                })
            }
            (false, Some(id)) => {
                lm.mention.actor = Some(id);
                lm.how = How::TitleArticle;
            }
            (false, None) => {
                lm.mention.candidates = normalise(&scored);
                lm.how = How::Ambiguous;
            }
        }
    }

    // ---------------------------------------------------------------- holder phrases

    fn holder_phrases(&mut self, scan: &Scan<'a>) {
        for t in &scan.titles {
            let (Some(holder), None, Some(state)) = (t.holder, t.office, t.of_state) else {
                continue;
            };
            let (s, e) = t.title_span;
            if self.overlaps(s, e) {
                continue;
            }
            let word = self.body[s..e].to_ascii_lowercase();
            let exec = self.executive_of(state, holder);
            let (kind, actor, role, how) = if EXECUTIVE_WORDS.contains(&word.as_str()) {
                (MentionKind::Org, Some(exec), None, How::HolderPhrase)
            } else {
                let title = match word.as_str() {
                    "aides" => "aide".to_string(),
                    w => w.to_string(),
                };
                (
                    MentionKind::Person,
                    None,
                    Some(MentionRole {
                        title,
                        of: Some(exec),
                    }),
                    How::RoleOnly,
                )
            };
            let sentence = self.sentence_of(s);
            self.push(LinkedMention {
                mention: Mention {
                    article: self.article.id.clone(),
                    start: s,
                    end: e,
                    text: self.body[s..e].to_string(),
                    kind,
                    actor,
                    role,
                    candidates: Vec::new(),
                },
                sentence,
                how,
                pending: None,
            });
        }
    }

    /// The executive body of `state` that `holder` heads (see crate docs).
    fn executive_of(&self, state: &Entity, holder: &Entity) -> ActorId {
        let Some(bodies) = state
            .country
            .as_ref()
            .and_then(|c| self.l.executives.get(c))
        else {
            return state.id.clone();
        };
        let day = self.linked.date.map(|d| d.from);
        let titles: Vec<String> = self
            .kb
            .terms_of(&holder.id)
            .into_iter()
            .filter(|t| t.of == state.id && day.is_none_or(|d| t.covers(d)))
            .map(|t| t.title.to_lowercase())
            .collect();
        bodies
            .iter()
            .find(|b| {
                b.names()
                    .any(|n| titles.iter().any(|t| n.to_lowercase().contains(t.as_str())))
            })
            .or(bodies.first())
            .map_or_else(|| state.id.clone(), |b| b.id.clone())
    }

    // ---------------------------------------------------------------- generic roles

    fn generic_roles(&mut self) {
        let body = self.body;
        let mut add = Vec::new();
        for (ws, we) in word_spans(body) {
            let word = body[ws..we].to_ascii_lowercase();
            let Some(&(_, title)) = ROLE_WORDS.iter().find(|(w, _)| *w == word) else {
                continue;
            };
            if self.overlaps(ws, we) {
                continue;
            }
            let of = self
                .role_owner_before(ws)
                .or_else(|| self.role_owner_after(we));
            let Some((of, ev_start)) = of else {
                continue;
            };
            // "spokesman Esmaeil Baghaei": the role goes to the name; before any other
            // name the word is an adjective ("Iran's official IRNA news agency").
            let after = self
                .linked
                .mentions
                .iter()
                .position(|m| m.mention.start == we + 1 && body.get(we..we + 1) == Some(" "));
            let next = after.filter(|&k| {
                let m = &self.linked.mentions[k];
                (m.mention.kind == MentionKind::Person || m.how == How::Tagger)
                    && m.mention.role.is_none()
            });
            if after.is_some() && next.is_none() {
                continue;
            }
            if let Some(k) = next {
                let (start, end, sentence) = {
                    let m = &mut self.linked.mentions[k];
                    if m.mention.kind != MentionKind::Person {
                        m.mention.kind = MentionKind::Person;
                        if let Some(id) = m.mention.actor.take() {
                            let new = id
                                .split_once(':')
                                .map_or(id.clone(), |(_, s)| format!("person:{s}"));
                            if let Some((name, _)) = self.derived.remove(&id) {
                                self.derived
                                    .insert(new.clone(), (name, MentionKind::Person));
                            }
                            m.mention.actor = Some(new);
                        }
                    }
                    m.mention.role = Some(MentionRole {
                        title: title.to_string(),
                        of: Some(of.clone()),
                    });
                    (ev_start.min(ws), m.mention.end, m.sentence)
                };
                if let Some(actor) = self.linked.mentions[k].mention.actor.clone() {
                    self.assert_role(&actor, title, &of, start, end, sentence);
                }
                continue;
            }
            add.push(LinkedMention {
                mention: Mention {
                    article: self.article.id.clone(),
                    start: ws,
                    end: we,
                    text: body[ws..we].to_string(),
                    kind: MentionKind::Person,
                    actor: None,
                    role: Some(MentionRole {
                        title: title.to_string(),
                        of: Some(of),
                    }),
                    candidates: Vec::new(),
                },
                sentence: self.sentence_of(ws),
                how: How::RoleOnly,
                pending: None,
            });
        }
        for m in add {
            self.push(m);
        }
    }

    /// "a U.S. official", "Pentagon officials", "an Iranian judiciary official": the
    /// actor of a state or organisation mention right before (at most two lowercase
    /// words between), with the start of that mention.
    fn role_owner_before(&self, ws: usize) -> Option<(ActorId, usize)> {
        let body = self.body;
        let m = self
            .linked
            .mentions
            .iter()
            .rev()
            .find(|m| m.mention.end <= ws)?;
        let gap = body.get(m.mention.end..ws)?;
        let gap = gap
            .strip_prefix("'s")
            .or_else(|| gap.strip_prefix("’s"))
            .unwrap_or(gap);
        let words: Vec<&str> = gap.split_whitespace().collect();
        if !gap.starts_with(' ')
            || words.len() > 2
            || !words.iter().all(|w| w.chars().all(|c| c.is_lowercase()))
        {
            return None;
        }
        owner(&m.mention).map(|id| (id, m.mention.start))
    }

    /// "a spokesperson for the U.S. State Department".
    fn role_owner_after(&self, we: usize) -> Option<(ActorId, usize)> {
        let rest = self.body.get(we..)?;
        let skip = [" for the ", " for "]
            .iter()
            .find(|p| rest.starts_with(**p))?
            .len();
        let m = self
            .linked
            .mentions
            .iter()
            .find(|m| m.mention.start == we + skip)?;
        owner(&m.mention).map(|id| (id, we))
    }

    // ---------------------------------------------------------------- bookkeeping

    fn push(&mut self, m: LinkedMention) {
        self.linked.mentions.push(m);
    }

    fn sort(&mut self) {
        self.linked
            .mentions
            .sort_by_key(|m| (m.mention.start, m.mention.end));
    }

    fn overlaps(&self, s: usize, e: usize) -> bool {
        self.linked
            .mentions
            .iter()
            .any(|m| m.mention.start < e && s < m.mention.end)
    }

    fn sentence_of(&self, pos: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.end <= pos);
        self.sentences
            .get(k)
            .filter(|s| s.start <= pos)
            .map(|s| s.index)
    }

    fn finish(mut self) -> Linked {
        let mut ids: Vec<ActorId> = Vec::new();
        for m in &self.linked.mentions {
            for id in m
                .mention
                .actor
                .iter()
                .chain(m.mention.candidates.iter().map(|c| &c.actor))
            {
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
        }
        for id in ids {
            let actor = match self.kb.entity(&id) {
                Some(e) => LinkedActor {
                    actor: self.kb.to_actor(e),
                    origin: ActorOrigin::Kb,
                },
                None => {
                    let (name, kind) = self
                        .derived
                        .get(&id)
                        .cloned()
                        .unwrap_or_else(|| (id.clone(), MentionKind::Misc));
                    let mut aliases: Vec<String> = Vec::new();
                    for m in &self.linked.mentions {
                        if m.mention.actor.as_deref() == Some(id.as_str())
                            && m.mention.text != name
                            && !aliases.contains(&m.mention.text)
                            && m.how != How::HolderPhrase
                            && m.mention.role.is_none()
                        {
                            aliases.push(m.mention.text.clone());
                        }
                    }
                    LinkedActor {
                        actor: newsgraph_model::Actor {
                            id: id.clone(),
                            name,
                            kind,
                            aliases,
                            country: None,
                            roles: Vec::new(),
                        },
                        origin: ActorOrigin::Derived,
                    }
                }
            };
            self.linked.add_actor(actor);
        }
        self.linked
    }
}

/// The actor a role word belongs to: a state, group of a state, or organisation.
fn owner(m: &Mention) -> Option<ActorId> {
    match m.kind {
        MentionKind::Gpe | MentionKind::Norp | MentionKind::Org => m.actor.clone(),
        _ => None,
    }
}

/// The actor id a KB candidate gives its mention: a demonym names its state.
fn actor_id_of(c: &Candidate<'_>) -> ActorId {
    c.entity.id.clone()
}

/// Whether a span can be the name after a title: a tagger name, or a KB name with a
/// person among its candidates.
fn person_like(r: &Raw<'_>) -> bool {
    match &r.src {
        Src::Tag { .. } => true,
        Src::Kb(c) => c.iter().any(|c| c.entity.class == EntityClass::Person),
    }
}

/// `start..end` without a leading "the " (KB aliases such as "the White House").
fn trim_the(body: &str, start: usize, end: usize) -> (usize, usize) {
    let t = &body[start..end];
    for p in ["the ", "The ", "THE "] {
        if t.len() > p.len() + 1 && t.starts_with(p) {
            return (start + p.len(), end);
        }
    }
    (start, end)
}

/// `s..e` trimmed of white space; `None` when nothing is left.
fn trim_space(body: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let t = body.get(s..e)?;
    let lead = t.len() - t.trim_start().len();
    let t2 = t.trim();
    if t2.is_empty() {
        return None;
    }
    Some((s + lead, s + lead + t2.len()))
}

/// Whether `s..e` has a capitalised word outside the `inner` spans (other than "The").
fn extra_capitalised(body: &str, s: usize, e: usize, inner: &[(usize, usize)]) -> bool {
    word_spans(body.get(..e).unwrap_or(""))
        .into_iter()
        .filter(|&(ws, _)| ws >= s)
        .filter(|&(ws, we)| !inner.iter().any(|&(is, ie)| ws < ie && is < we))
        .any(|(ws, we)| {
            let w = &body[ws..we];
            w != "The" && w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// Whether the text between two names joins them in a list.
fn is_coordination(gap: &str) -> bool {
    matches!(
        gap.trim(),
        "," | "and" | ", and" | "or" | ", or" | "&" | "/" | "—" | "–"
    )
}

/// The words of a name, without a possessive ending.
fn name_words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The word (letters) just before byte `i`, skipping white space: its start and text.
fn prev_word(body: &str, i: usize) -> Option<(usize, &str)> {
    let head = body.get(..i)?.trim_end_matches([' ', '\u{a0}', '\t']);
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(p, _)| p)?;
    Some((start, &head[start..]))
}

/// Up to `n` words right after byte `i` (stopping at punctuation).
fn next_words(body: &str, i: usize, n: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = body.get(i..).unwrap_or("");
    while out.len() < n {
        let t = rest.trim_start_matches([' ', '\u{a0}']);
        let len = t
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(t.len(), |(p, _)| p);
        if len == 0 {
            break;
        }
        out.push(&t[..len]);
        rest = &t[len..];
        if !rest.starts_with([' ', '\u{a0}']) {
            break;
        }
    }
    out
}

/// Byte spans of the alphabetic words of `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_helpers() {
        assert_eq!(prev_word("said in Tehran", 8), Some((5, "in")));
        assert_eq!(prev_word("", 0), None);
        assert_eq!(
            next_words("Tehran also said it", 6, 2),
            vec!["also", "said"]
        );
        assert_eq!(next_words("Tehran, said", 6, 2), Vec::<&str>::new());
        assert_eq!(
            word_spans("a U.S. official"),
            vec![(0, 1), (2, 3), (4, 5), (7, 15)]
        );
        assert!(is_coordination(", and "));
        assert!(!is_coordination(" said "));
        assert_eq!(trim_the("the White House", 0, 15), (4, 15));
        assert_eq!(name_words("Badr Albusaidi’s"), vec!["Badr", "Albusaidi"]);
    }
}
