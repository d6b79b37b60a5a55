//! Entity types, the public IOB2 tags, and the internal label schemes (BIO, BILOU).
//!
//! The tagger predicts one *label* per token. Internally the label set is either BIO
//! (`O`, `B-X`, `I-X`: 9 labels) or BILOU (`O`, `B-X`, `I-X`, `L-X`, `U-X`: 17 labels);
//! which one a model uses is stored in its header. Callers always see [`Tag`], which is
//! IOB2 (every name starts with `B-`).

use newsgraph_model::MentionKind;
use std::fmt;

/// The four CoNLL-2003 name types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person (CoNLL `PER`).
    Per,
    /// An organisation (CoNLL `ORG`).
    Org,
    /// A location: states, cities, regions, seas (CoNLL `LOC`).
    Loc,
    /// Any other name: nationalities, events, products, works (CoNLL `MISC`).
    Misc,
}

impl EntityType {
    /// All types, in label order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Per,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
    ];

    /// The CoNLL spelling (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    /// Parses a CoNLL type; `PERSON`, `GPE` and `LOCATION` are accepted as aliases.
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "PER" | "PERSON" => EntityType::Per,
            "ORG" | "ORGANIZATION" | "ORGANISATION" => EntityType::Org,
            "LOC" | "LOCATION" | "GPE" => EntityType::Loc,
            "MISC" => EntityType::Misc,
            _ => return None,
        })
    }

    /// Index 0..4 (label order).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The newsgraph mention kind for a name of this type, before any knowledge-base
    /// refinement: PER → Person, ORG → Org, LOC → Gpe (CoNLL's LOC covers both states /
    /// cities and natural locations; most news LOC names are states and cities, and the
    /// knowledge base refines the rest to Loc), MISC → Misc. See [`mention_kind`] for
    /// the demonym rule that turns single-word MISC names into Norp.
    pub fn default_kind(self) -> MentionKind {
        match self {
            EntityType::Per => MentionKind::Person,
            EntityType::Org => MentionKind::Org,
            EntityType::Loc => MentionKind::Gpe,
            EntityType::Misc => MentionKind::Misc,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The mention kind of a name of type `ty` whose text is `text`.
///
/// As [`EntityType::default_kind`], except that a one-word MISC name that looks like a
/// demonym ("Israeli", "Iranian", "Chinese", "British", "French", "Swiss", "Greek",
/// "Thai") becomes [`MentionKind::Norp`]: in CoNLL most single-word MISC names are
/// nationalities. Multi-word MISC names ("World Cup", "Euro 96") stay Misc.
pub fn mention_kind(ty: EntityType, text: &str) -> MentionKind {
    if ty == EntityType::Misc && looks_like_demonym(text) {
        MentionKind::Norp
    } else {
        ty.default_kind()
    }
}

fn looks_like_demonym(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase()
        || !text.chars().all(|c| c.is_alphabetic() || c == '-')
        || text.chars().count() < 4
    {
        return false;
    }
    let lower = text.to_lowercase();
    // Plural demonyms ("Israelis", "Americans") are groups, also NORP.
    let stem = lower
        .strip_suffix("s")
        .filter(|s| s.ends_with("an") || s.ends_with('i'))
        .unwrap_or(&lower);
    const SUFFIXES: [&str; 9] = ["an", "ian", "ese", "ish", "i", "ch", "ss", "ek", "ai"];
    SUFFIXES.iter().any(|s| stem.ends_with(s))
}

/// A public per-token tag in IOB2: outside, or the beginning / inside of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Not part of a name.
    O,
    /// First token of a name.
    B(EntityType),
    /// Continuation of the name begun by the previous `B`.
    I(EntityType),
}

impl Tag {
    /// The entity type, if any.
    pub fn entity(self) -> Option<EntityType> {
        match self {
            Tag::O => None,
            Tag::B(t) | Tag::I(t) => Some(t),
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(t) => write!(f, "B-{t}"),
            Tag::I(t) => write!(f, "I-{t}"),
        }
    }
}

/// A name found by the tagger as a token range `[start, end)` of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TokenSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Type.
    pub ty: EntityType,
}

/// Names of an IOB2 tag sequence (a stray `I-X` starts a name, as in conlleval).
pub fn tag_spans(tags: &[Tag]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut cur: Option<TokenSpan> = None;
    for (i, t) in tags.iter().enumerate() {
        let continues = matches!((t, &cur), (Tag::I(ty), Some(c)) if *ty == c.ty);
        if continues {
            if let Some(c) = cur.as_mut() {
                c.end = i + 1;
            }
            continue;
        }
        if let Some(c) = cur.take() {
            out.push(c);
        }
        if let Some(ty) = t.entity() {
            cur = Some(TokenSpan {
                start: i,
                end: i + 1,
                ty,
            });
        }
    }
    out.extend(cur);
    out
}

/// Internal label scheme of a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// `O`, `B-X`, `I-X`.
    Bio,
    /// `O`, `B-X`, `I-X`, `L-X` (last), `U-X` (unit, one-token name).
    Bilou,
}

/// Position of a label inside a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    O,
    B,
    I,
    L,
    U,
}

impl Scheme {
    /// Code stored in the model header.
    pub(crate) fn code(self) -> u8 {
        match self {
            Scheme::Bio => 0,
            Scheme::Bilou => 1,
        }
    }

    pub(crate) fn from_code(c: u8) -> Option<Scheme> {
        match c {
            0 => Some(Scheme::Bio),
            1 => Some(Scheme::Bilou),
            _ => None,
        }
    }

    fn parts(self) -> usize {
        match self {
            Scheme::Bio => 2,
            Scheme::Bilou => 4,
        }
    }

    /// Number of labels.
    pub fn n_labels(self) -> usize {
        1 + 4 * self.parts()
    }

    pub(crate) fn label(self, part: Part, ty: EntityType) -> u8 {
        let p = match (self, part) {
            (_, Part::O) => return 0,
            (_, Part::B) => 0,
            (_, Part::I) => 1,
            (Scheme::Bio, Part::L) => 1,
            (Scheme::Bio, Part::U) => 0,
            (Scheme::Bilou, Part::L) => 2,
            (Scheme::Bilou, Part::U) => 3,
        };
        (1 + ty.index() * self.parts() + p) as u8
    }

    pub(crate) fn decode(self, label: u8) -> (Part, Option<EntityType>) {
        if label == 0 {
            return (Part::O, None);
        }
        let l = label as usize - 1;
        let ty = EntityType::ALL[(l / self.parts()).min(3)];
        let part = match (self, l % self.parts()) {
            (_, 0) => Part::B,
            (_, 1) => Part::I,
            (_, 2) => Part::L,
            _ => Part::U,
        };
        (part, Some(ty))
    }

    /// May label `b` follow label `a`? (`a = None` is the sentence start.)
    pub(crate) fn allowed(self, a: Option<u8>, b: u8) -> bool {
        let (pa, ta) = a.map_or((Part::O, None), |a| self.decode(a));
        let (pb, tb) = self.decode(b);
        let inside_a = matches!(pa, Part::B | Part::I);
        match self {
            Scheme::Bio => pb != Part::I || (inside_a && ta == tb),
            Scheme::Bilou => {
                if inside_a {
                    matches!(pb, Part::I | Part::L) && ta == tb
                } else {
                    matches!(pb, Part::O | Part::B | Part::U)
                }
            }
        }
    }

    /// May a sentence end after label `a`?
    pub(crate) fn may_end(self, a: u8) -> bool {
        match self {
            Scheme::Bio => true,
            Scheme::Bilou => !matches!(self.decode(a).0, Part::B | Part::I),
        }
    }

    /// Labels of the given spans over `n` tokens.
    pub(crate) fn encode(self, n: usize, spans: &[TokenSpan]) -> Vec<u8> {
        let mut out = vec![0u8; n];
        for s in spans {
            let end = s.end.min(n);
            if s.start >= end {
                continue;
            }
            if end - s.start == 1 {
                out[s.start] = self.label(Part::U, s.ty);
                continue;
            }
            out[s.start] = self.label(Part::B, s.ty);
            for o in &mut out[s.start + 1..end - 1] {
                *o = self.label(Part::I, s.ty);
            }
            out[end - 1] = self.label(Part::L, s.ty);
        }
        out
    }

    /// IOB2 tags of a label sequence (robust to sequences the decoder would not make).
    pub(crate) fn to_tags(self, labels: &[u8]) -> Vec<Tag> {
        let mut out = Vec::with_capacity(labels.len());
        let mut prev: Option<EntityType> = None;
        for &l in labels {
            let (part, ty) = self.decode(l);
            let tag = match (part, ty) {
                (Part::O, _) | (_, None) => Tag::O,
                (Part::B | Part::U, Some(t)) => Tag::B(t),
                (Part::I | Part::L, Some(t)) => {
                    if prev == Some(t) {
                        Tag::I(t)
                    } else {
                        Tag::B(t)
                    }
                }
            };
            prev = match (part, ty) {
                (Part::B | Part::I, t) => t,
                (Part::L | Part::U | Part::O, _) if self == Scheme::Bilou => None,
                (_, t) => t,
            };
            out.push(tag);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_round_trip() {
        let spans = vec![
            TokenSpan {
                start: 0,
                end: 2,
                ty: EntityType::Per,
            },
            TokenSpan {
                start: 2,
                end: 3,
                ty: EntityType::Per,
            },
            TokenSpan {
                start: 4,
                end: 7,
                ty: EntityType::Org,
            },
        ];
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let labels = scheme.encode(8, &spans);
            let tags = scheme.to_tags(&labels);
            assert_eq!(tag_spans(&tags), spans, "{scheme:?} {tags:?}");
            for w in labels.windows(2) {
                assert!(scheme.allowed(Some(w[0]), w[1]));
            }
        }
    }

    #[test]
    fn demonyms() {
        for w in [
            "Israeli", "Iranian", "Chinese", "British", "French", "Israelis",
        ] {
            assert_eq!(mention_kind(EntityType::Misc, w), MentionKind::Norp, "{w}");
        }
        for w in ["World Cup", "Olympics", "Euro"] {
            assert_eq!(mention_kind(EntityType::Misc, w), MentionKind::Misc, "{w}");
        }
        assert_eq!(mention_kind(EntityType::Loc, "Oman"), MentionKind::Gpe);
    }
}
