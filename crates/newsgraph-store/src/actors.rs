//! The actor vocabulary of the storage interface: what is written with an article
//! ([`ArticleFacts`]) and what actor queries return.

use newsgraph_model::{Actor, ActorId, Mention, MentionKind, Role};

/// Where a stored actor comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorOrigin {
    /// The knowledge base (built-in or a user's file).
    Kb,
    /// Derived from articles: a name the knowledge base lacks.
    Derived,
}

impl ActorOrigin {
    /// `kb` or `derived` (the stored spelling).
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorOrigin::Kb => "kb",
            ActorOrigin::Derived => "derived",
        }
    }

    /// Parses the stored spelling.
    pub fn parse(s: &str) -> Option<ActorOrigin> {
        match s {
            "kb" => Some(ActorOrigin::Kb),
            "derived" => Some(ActorOrigin::Derived),
            _ => None,
        }
    }
}

/// An actor to store: the actor (for a KB actor with its KB roles) and its origin.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRecord {
    /// The actor.
    pub actor: Actor,
    /// Where it comes from.
    pub origin: ActorOrigin,
}

/// A role an article asserts for an actor, with its evidence and date.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnedRole {
    /// The actor holding the role.
    pub actor: ActorId,
    /// The actor's name (filled by the store on reads; ignored on writes).
    pub name: String,
    /// The role: `title`, `of` (required to be stored), `from`/`to` = the article's
    /// date (or range), `source: article`, and its evidence (the first item's article
    /// and byte span are stored).
    pub role: Role,
}

/// Facts extracted from one article, stored with it in its transaction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleFacts {
    /// Mentions (byte spans into the body; at most one per span).
    pub mentions: Vec<Mention>,
    /// Every actor the mentions name or list as candidates.
    pub actors: Vec<ActorRecord>,
    /// Roles the article asserts.
    pub roles: Vec<LearnedRole>,
    /// Time expressions (byte spans into the body; at most one per start).
    pub timexes: Vec<newsgraph_model::Timex>,
    /// Events (byte spans into the body; ids unique across the store).
    pub events: Vec<newsgraph_model::Event>,
    /// Quotes (at most one per start).
    pub quotes: Vec<newsgraph_model::Quote>,
    /// Figures (at most one per start).
    pub quantities: Vec<newsgraph_model::Quantity>,
    /// What the cluster stage decided: story, merged events, series.
    pub cluster: crate::ClusterFacts,
}

/// Which actors [`crate::Store::list_actors`] returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorQuery {
    /// Only actors of this kind.
    pub kind: Option<MentionKind>,
    /// Most rows to return.
    pub limit: usize,
}

impl Default for ActorQuery {
    fn default() -> Self {
        ActorQuery {
            kind: None,
            limit: 50,
        }
    }
}

/// An actor with counts.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorSummary {
    /// The actor: its roles are the KB's followed by those articles asserted (one per
    /// title and state, `from`/`to` spanning the dates seen, every evidence item).
    pub actor: Actor,
    /// Where it comes from.
    pub origin: ActorOrigin,
    /// Mentions naming it.
    pub mentions: u64,
    /// Articles with such mentions.
    pub articles: u64,
    /// The forms the mentions used, with counts, most frequent first.
    pub names: Vec<(String, u64)>,
}

/// One mention of an actor, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// The mention.
    pub mention: Mention,
    /// Whether the actor is only one of the mention's candidates.
    pub as_candidate: bool,
    /// The article's headline.
    pub title: String,
    /// The article's publication date.
    pub published: Option<String>,
    /// Index of the sentence holding the mention.
    pub sentence_index: Option<usize>,
    /// That sentence's text.
    pub sentence: Option<String>,
}

/// An actor with all its mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorDetail {
    /// The actor and its counts.
    pub summary: ActorSummary,
    /// Its mentions, by article date (undated last), article and position.
    pub mentions: Vec<ActorMention>,
}

/// Normalised lookup key of a name: lowercase, dots dropped, curly apostrophes
/// straightened, hyphens as spaces, a possessive "'s" dropped, white space collapsed
/// ("U.S." → "us", "Netanyahu's" → "netanyahu").
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '.' => {}
            '’' | '‘' => out.push('\''),
            '-' | '‐' | '–' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .strip_suffix("'s")
        .map(str::to_string)
        .unwrap_or(joined)
}

/// The stored spelling of a mention kind ("PERSON").
pub(crate) fn kind_str(k: MentionKind) -> &'static str {
    match k {
        MentionKind::Person => "PERSON",
        MentionKind::Org => "ORG",
        MentionKind::Gpe => "GPE",
        MentionKind::Loc => "LOC",
        MentionKind::Norp => "NORP",
        MentionKind::Fac => "FAC",
        MentionKind::Event => "EVENT",
        MentionKind::Misc => "MISC",
    }
}

/// Parses a stored mention kind.
pub(crate) fn parse_kind(s: &str) -> Option<MentionKind> {
    Some(match s {
        "PERSON" => MentionKind::Person,
        "ORG" => MentionKind::Org,
        "GPE" => MentionKind::Gpe,
        "LOC" => MentionKind::Loc,
        "NORP" => MentionKind::Norp,
        "FAC" => MentionKind::Fac,
        "EVENT" => MentionKind::Event,
        "MISC" => MentionKind::Misc,
        _ => return None,
    })
}

/// Merges roles articles asserted into one role per (title, state): `from` the
/// earliest date, `to` the latest, every evidence item.
pub(crate) fn merge_learned(roles: Vec<LearnedRole>) -> Vec<Role> {
    let mut out: Vec<Role> = Vec::new();
    for lr in roles {
        let r = lr.role;
        match out
            .iter_mut()
            .find(|o| name_key(&o.title) == name_key(&r.title) && o.of == r.of)
        {
            Some(o) => {
                if r.from.is_some() && (o.from.is_none() || r.from < o.from) {
                    o.from = r.from.clone();
                }
                if r.to.is_some() && (o.to.is_none() || r.to > o.to) {
                    o.to = r.to.clone();
                }
                o.evidence.extend(r.evidence);
            }
            None => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_keys() {
        assert_eq!(name_key("U.S."), "us");
        assert_eq!(name_key("Netanyahu’s"), "netanyahu");
        assert_eq!(name_key("  Benjamin   Netanyahu "), "benjamin netanyahu");
        assert_eq!(name_key("al-Qaeda"), "al qaeda");
    }
}
