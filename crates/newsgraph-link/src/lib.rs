//! The *recognise* and *resolve* stages for actors (DESIGN.md §2): mentions of people,
//! organisations, states, places and groups in an article, with byte spans and types,
//! the titles and roles they carry, and the actors behind them.
//!
//! # Idea
//!
//! [`Linker::link`] is a pure function of one article and the read-only knowledge base
//! ([`newsgraph_kb::Kb`]), so it runs in parallel with the other per-article stages.
//! It works in four passes over the clean body:
//!
//! 1. **Names.** The gazetteer ([`newsgraph_kb::Gazetteer::scan`]) finds every KB name,
//!    alias and demonym, and every office title phrase ("Israeli Prime Minister",
//!    "Netanyahu's office"). The statistical tagger ([`NameTagger`], by default the
//!    CoNLL-trained tagger of `newsgraph-ner`) finds names the KB lacks. They are
//!    combined by one rule: **the gazetteer wins** on any overlap, except that a
//!    tagger name (confidence ≥ 0.5) that strictly contains gazetteer names and adds
//!    at least one capitalised word of its own is a longer, different name and
//!    replaces them ("Gaza Board of Peace" over "Gaza"). Tagger names are first
//!    trimmed of office-title phrases ("President Donald Trump" → "Donald Trump") and
//!    dropped when they start lowercase. A leading "the" is trimmed off KB names.
//!    Mentions never overlap.
//! 2. **Titles and roles.** An office title directly before a name gives that name's
//!    PERSON mention a role `{title, of}`: the mention span covers **the name only**;
//!    the title's state modifier ("Israeli", "U.S.") stays a mention of its own, so
//!    every span names one thing. The role is *asserted* by the article
//!    ([`AssertedRole`], with the span from title to name as evidence and the
//!    article's date). "Deputy", "Vice", "Acting"… make a different title that is not
//!    the KB office; "former", "then"… give a role that is neither asserted nor
//!    resolved. A title with no name after it ("the Iranian president") is a PERSON
//!    mention of the title words alone, with the role; a title without a state ("the
//!    president") takes the state of the same office's last mention in the article.
//!    Generic roles after a state or organisation ("a U.S. official", "Pentagon
//!    officials", "Iranian Foreign Ministry spokesman Esmaeil Baghaei", "a
//!    spokesperson for the U.S. State Department") keep the role but never name an
//!    actor by themselves. "Netanyahu's office", "the Trump administration" are ORG
//!    mentions (the words after the name) of the state's **executive**: the KB
//!    government body of branch `executive` of the holder's state whose name holds
//!    the title of the office the holder holds ("Prime Minister's Office"), else the
//!    state's first executive body in KB order ("White House"), else the state.
//! 3. **Resolution within the article.** A KB name with one candidate is that entity.
//!    Several candidates are scored: canonical name 1.0, alias 0.9; +0.2 for a
//!    state; +2 for a person named unambiguously elsewhere in the article (so a
//!    surname goes to the full name), +0.3 for a person in office at the article's
//!    date, +1 / +0.5 for a person holding the title before it (at the date / ever);
//!    +0.6 for the kind of the neighbours in a list ("Fordow, Natanz, and Isfahan"),
//!    +0.6 for a facility in a sentence about nuclear sites; ±0.15 after a
//!    preposition. The best is chosen when it leads by ≥ 0.25; otherwise the mention
//!    keeps **every candidate with its normalised score** and no actor. A demonym is a
//!    NORP mention of its state ("Israeli strikes" → `country:ISR`). A capital is the
//!    state when it is the grammatical subject of a speech or action verb or a
//!    possessive ("Tehran said", "Washington would", "Tehran's delegation"), and the
//!    city otherwise, always after a preposition ("in Tehran"). Tagger names get
//!    derived ids: `person:`, `org:`, `place:`, `group:` or `misc:` + the slug of the
//!    longest name of the article that ends with it ("Albusaidi" after "Badr
//!    Albusaidi" → `person:badr-albusaidi`).
//! 4. **Titles alone** resolve to the holder of the office of that state at the
//!    article's date ([`DateRange::of_article`]: `published`, else both
//!    `published_bounds`) from the KB: one holder → the actor; several (an uncertain
//!    handover, or a range of dates spanning two terms) → candidates scored by the
//!    share of the range each covers. Without a KB holder, roles this article asserts,
//!    then roles other articles asserted ([`RoleMemory`], [`Linker::resolve_pending`])
//!    within two years of the date (score `1 − Δdays/730`; undated: 0.5) decide: one
//!    actor, or a best at least twice the second, is chosen, else candidates. An
//!    undated article without bounds keeps the KB holders as candidates, choosing
//!    only when exactly one of them is also named in the article.
//!
//! # Limits
//!
//! Coreference stops at names and titles: pronouns ("he", "his government"), nominal
//! anaphora ("the leaders") and appositions after a name ("Pezeshkian, Iran's
//! president,") are not resolved. The capital rule is a word list, not a parser.
//! Derived ids are per article slugs: two different people with one name share an
//! id, and a surname alone in a later article does not reach the full name stored
//! from an earlier one. Titles are English only.

mod date;
mod error;
mod memory;
mod run;
mod tagger;

use std::collections::HashMap;
use std::sync::OnceLock;

use newsgraph_kb::{Branch, Entity, EntityClass, Kb, Term};
use newsgraph_model::{Actor, ActorId, Article, Mention, MentionCandidate, MentionKind, Sentence};

pub use date::{day_number, parse_iso, DateRange};
pub use error::LinkError;
pub use memory::{AssertedRole, NoMemory, RoleBook, RoleMemory};
pub use tagger::{builtin_tagger, NameTagger, NoTagger, TaggedName};

/// How a mention reached its actor (or why it has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum How {
    /// A KB name, alias or abbreviation.
    Name,
    /// A demonym of a state ("Israeli" → Israel).
    Demonym,
    /// A capital as the grammatical subject or possessor: the state ("Tehran said").
    CapitalAsState,
    /// A name found by the tagger only (derived actor id).
    Tagger,
    /// A shorter form of a name given in full elsewhere in the article.
    EarlierMention,
    /// A title resolved to its holder at the article's date by the KB.
    TitleKb,
    /// A title resolved by a role this article asserts.
    TitleArticle,
    /// A title resolved by a role other articles asserted.
    TitleLearned,
    /// "X's office", "X administration": the executive of X's state.
    HolderPhrase,
    /// A role without a named actor ("a U.S. official") or a title not resolved.
    RoleOnly,
    /// Several candidates, none clearly best (see [`Mention::candidates`]).
    Ambiguous,
}

/// A title that a bare-title mention waits to have resolved by a [`RoleMemory`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleRef {
    /// The KB title of the office in that state ("President").
    pub title: String,
    /// The state or organisation (actor id).
    pub of: ActorId,
}

/// One mention with what the linker knows about it beyond the report contract.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkedMention {
    /// The mention (contract type).
    pub mention: Mention,
    /// Index of its sentence.
    pub sentence: Option<usize>,
    /// How it was resolved.
    pub how: How,
    /// For a bare title not resolved yet: what to ask a [`RoleMemory`].
    pub pending: Option<TitleRef>,
}

/// Where an actor comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorOrigin {
    /// The knowledge base.
    Kb,
    /// Derived from the articles (a name the KB lacks).
    Derived,
}

impl ActorOrigin {
    /// `kb` or `derived`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorOrigin::Kb => "kb",
            ActorOrigin::Derived => "derived",
        }
    }
}

/// An actor the mentions of an article refer to.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkedActor {
    /// The actor: for KB actors with their KB roles; roles asserted by articles are in
    /// [`Linked::roles`].
    pub actor: Actor,
    /// Where it comes from.
    pub origin: ActorOrigin,
}

/// Everything the linker found in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Linked {
    /// Mentions in text order, non-overlapping.
    pub mentions: Vec<LinkedMention>,
    /// The actors mentions refer to (chosen ones and candidates), in order of first
    /// reference.
    pub actors: Vec<LinkedActor>,
    /// Roles the article asserts ("Iranian President Masoud Pezeshkian").
    pub roles: Vec<AssertedRole>,
    /// The article's date, as used for resolution.
    pub date: Option<DateRange>,
}

impl Linked {
    /// The mentions as contract values.
    pub fn contract_mentions(&self) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().map(|m| &m.mention)
    }

    fn add_actor(&mut self, actor: LinkedActor) {
        if !self.actors.iter().any(|a| a.actor.id == actor.actor.id) {
            self.actors.push(actor);
        }
    }
}

/// The linker: a knowledge base, a tagger and indexes over the KB. Build one per
/// knowledge base and share it (`Sync`); [`Linker::builtin`] is the built-in KB with
/// the built-in tagger.
pub struct Linker<'a> {
    kb: &'a Kb,
    tagger: Option<&'a dyn NameTagger>,
    /// Terms by (office id, state id).
    terms: HashMap<(String, String), Vec<&'a Term>>,
    /// Executive government bodies by alpha-3 code, in KB order.
    executives: HashMap<String, Vec<&'a Entity>>,
}

impl std::fmt::Debug for Linker<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Linker")
            .field("entities", &self.kb.entities().len())
            .field("tagger", &self.tagger.is_some())
            .finish()
    }
}

impl<'a> Linker<'a> {
    /// A linker over `kb`, with `tagger` for names the KB lacks (`None`: gazetteer only).
    pub fn new(kb: &'a Kb, tagger: Option<&'a dyn NameTagger>) -> Self {
        let mut terms: HashMap<(String, String), Vec<&'a Term>> = HashMap::new();
        for t in kb.terms() {
            terms
                .entry((t.office.clone(), t.of.clone()))
                .or_default()
                .push(t);
        }
        let mut executives: HashMap<String, Vec<&'a Entity>> = HashMap::new();
        for e in kb.entities() {
            if e.class == EntityClass::GovBody && e.branch == Some(Branch::Executive) {
                if let Some(c) = &e.country {
                    executives.entry(c.clone()).or_default().push(e);
                }
            }
        }
        Linker {
            kb,
            tagger,
            terms,
            executives,
        }
    }

    /// The built-in knowledge base with the built-in tagger (built once). Should the
    /// tagger model fail to load, the linker works with the gazetteer alone.
    pub fn builtin() -> &'static Linker<'static> {
        static CELL: OnceLock<Linker<'static>> = OnceLock::new();
        CELL.get_or_init(|| Linker::new(Kb::builtin(), builtin_tagger().ok()))
    }

    /// The knowledge base.
    pub fn kb(&self) -> &'a Kb {
        self.kb
    }

    /// Recognises and resolves the mentions of one article (see the crate docs).
    /// `sentences` are the article's sentences (byte spans into its body). Pure; never
    /// panics on any input.
    pub fn link(&self, article: &Article, sentences: &[Sentence]) -> Linked {
        run::Run::new(self, article, sentences).link()
    }

    /// Resolves the bare titles of `linked` that neither the KB nor the article itself
    /// could, from roles asserted by other articles (the store, or earlier articles of
    /// a batch).
    pub fn resolve_pending(&self, linked: &mut Linked, memory: &dyn RoleMemory) {
        let date = linked.date;
        let mut new_actors = Vec::new();
        for lm in &mut linked.mentions {
            let Some(tr) = lm.pending.clone() else {
                continue;
            };
            let roles = memory.asserted(&tr.title, &tr.of);
            if roles.is_empty() {
                continue;
            }
            let scored = score_asserted(&roles, date);
            if scored.is_empty() {
                continue;
            }
            for (id, _) in &scored {
                if let Some(r) = roles.iter().find(|r| &r.actor == id) {
                    new_actors.push(self.actor_for(id, &r.name, MentionKind::Person));
                }
            }
            lm.pending = None;
            match choose(&scored) {
                Some(id) => {
                    lm.mention.actor = Some(id);
                    lm.mention.candidates.clear();
                    lm.how = How::TitleLearned;
                }
                None => {
                    lm.mention.candidates = normalise(&scored);
                    lm.how = How::Ambiguous;
                }
            }
        }
        for a in new_actors {
            linked.add_actor(a);
        }
    }

    /// The actor for an id: the KB's when it knows it, else a derived one.
    fn actor_for(&self, id: &str, name: &str, kind: MentionKind) -> LinkedActor {
        match self.kb.entity(id) {
            Some(e) => LinkedActor {
                actor: self.kb.to_actor(e),
                origin: ActorOrigin::Kb,
            },
            None => LinkedActor {
                actor: Actor {
                    id: id.to_string(),
                    name: name.to_string(),
                    kind,
                    aliases: Vec::new(),
                    country: None,
                    roles: Vec::new(),
                },
                origin: ActorOrigin::Derived,
            },
        }
    }
}

/// Scores the holders of asserted roles by how near their evidence is to `date`:
/// `1 − Δdays/730` within two years, 0.5 when either date is unknown; best per actor.
fn score_asserted(roles: &[AssertedRole], date: Option<DateRange>) -> Vec<(ActorId, f32)> {
    let mut best: Vec<(ActorId, f32)> = Vec::new();
    for r in roles {
        let seen = r.role.from.as_deref().and_then(parse_iso);
        let score = match (date, seen) {
            (Some(d), Some(s)) => {
                let days = d
                    .distance_days(s.earliest())
                    .min(d.distance_days(s.latest()));
                if days > 730 {
                    continue;
                }
                1.0 - days as f32 / 730.0
            }
            _ => 0.5,
        };
        match best.iter_mut().find(|(id, _)| id == &r.actor) {
            Some(b) => b.1 = b.1.max(score),
            None => best.push((r.actor.clone(), score)),
        }
    }
    best.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    best
}

/// The one actor to choose among scored candidates (sorted best first): the only one,
/// or a best at least twice the second.
fn choose(scored: &[(ActorId, f32)]) -> Option<ActorId> {
    match scored {
        [only] => Some(only.0.clone()),
        [first, second, ..] if first.1 > 0.0 && first.1 >= 2.0 * second.1 => Some(first.0.clone()),
        _ => None,
    }
}

/// Candidates with scores normalised to sum 1, best first.
fn normalise(scored: &[(ActorId, f32)]) -> Vec<MentionCandidate> {
    let sum: f32 = scored.iter().map(|(_, s)| s.max(0.0)).sum();
    scored
        .iter()
        .map(|(id, s)| MentionCandidate {
            actor: id.clone(),
            score: if sum > 0.0 {
                ((s.max(0.0) / sum) * 1000.0).round() / 1000.0
            } else {
                0.0
            },
        })
        .collect()
}
