//! Gazetteer features: known names as per-token flags.
//!
//! A [`Gazetteer`] marks, for each token of a sentence, which kinds of known names cover
//! it and where (first token, later token, one-token name). The tagger turns the flags
//! into features, so the knowledge base can plug its own name lists in through this
//! trait. The weights of these features are learned at training time: a model trained
//! with a gazetteer records that fact in its header and only uses the flags then (with
//! any gazetteer of the same kind, e.g. a larger KB at run time); a model trained without
//! ignores them.
//!
//! [`ListGazetteer`] is a simple implementation: phrases by type, matched on lowercase
//! token sequences whose first token starts with a capital or a digit.

use crate::error::NerError;
use crate::features::{word_keys, IdMap};
use crate::tags::EntityType;

/// Gazetteer flags of one token: for each type, bit `3·t` = first token of a known name,
/// `3·t + 1` = a later token of one, `3·t + 2` = the whole one-token name (type order
/// PER, ORG, LOC, MISC).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct GazFlags(pub u16);

impl GazFlags {
    /// Marks tokens `start..end` as a known name of type `ty`.
    pub fn mark(flags: &mut [GazFlags], start: usize, end: usize, ty: EntityType) {
        let end = end.min(flags.len());
        if start >= end {
            return;
        }
        let base = 3 * ty.index() as u16;
        if end - start == 1 {
            flags[start].0 |= 1 << (base + 2);
            return;
        }
        flags[start].0 |= 1 << base;
        for f in &mut flags[start + 1..end] {
            f.0 |= 1 << (base + 1);
        }
    }

    /// No flag set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// A source of known names for the tagger's gazetteer features.
pub trait Gazetteer: Send + Sync {
    /// Sets the flags of the known names found in `tokens` (`out.len() == tokens.len()`,
    /// all zero on entry). Must not panic on any input.
    fn annotate(&self, tokens: &[&str], out: &mut [GazFlags]);
}

/// A gazetteer that knows nothing (the default when none is given).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoGazetteer;

impl Gazetteer for NoGazetteer {
    fn annotate(&self, _tokens: &[&str], _out: &mut [GazFlags]) {}
}

/// Phrases by type, matched case-insensitively on token sequences.
#[derive(Debug, Clone, Default)]
pub struct ListGazetteer {
    /// Hash of the lowercase token sequence → type bits (1 << type index).
    phrases: IdMap<u8>,
    max_len: usize,
}

fn seq_key(tokens: &[&str]) -> u64 {
    let mut h = 0x8f1b_bcdc_ca62_c1d6u64;
    for t in tokens {
        h = (h.rotate_left(17) ^ word_keys(t).1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    h
}

impl ListGazetteer {
    /// An empty gazetteer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a phrase (tokenised like article text) of the given type.
    pub fn insert(&mut self, phrase: &str, ty: EntityType) {
        let toks: Vec<&str> = newsgraph_segment::tokens(phrase, 0, phrase.len())
            .iter()
            .map(|t| &phrase[t.start..t.end])
            .collect();
        if toks.is_empty() || toks.len() > 12 {
            return;
        }
        self.max_len = self.max_len.max(toks.len());
        *self.phrases.entry(seq_key(&toks)).or_default() |= 1 << ty.index();
    }

    /// Reads lines `TYPE<TAB>phrase` (`PER`, `ORG`, `LOC`, `MISC`; `#` starts a comment
    /// line; blank lines are skipped).
    pub fn parse(text: &str) -> Result<Self, NerError> {
        let mut g = Self::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| NerError::Gazetteer {
                line: i + 1,
                message,
            };
            let (ty, phrase) = line
                .split_once('\t')
                .ok_or_else(|| err("expected TYPE<TAB>phrase".into()))?;
            let ty = EntityType::parse(ty.trim())
                .ok_or_else(|| err(format!("unknown type {ty:?} (PER, ORG, LOC, MISC)")))?;
            g.insert(phrase.trim(), ty);
        }
        Ok(g)
    }

    /// The longest phrase (in tokens) and the (phrase key, type bits) entries, sorted.
    pub(crate) fn entries(&self) -> (usize, Vec<(u64, u8)>) {
        let mut v: Vec<(u64, u8)> = self.phrases.iter().map(|(k, v)| (*k, *v)).collect();
        v.sort_unstable();
        (self.max_len, v)
    }

    pub(crate) fn from_entries(max_len: usize, entries: Vec<(u64, u8)>) -> Self {
        ListGazetteer {
            phrases: entries.into_iter().collect(),
            max_len,
        }
    }

    /// Number of distinct phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// No phrases.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

impl Gazetteer for ListGazetteer {
    fn annotate(&self, tokens: &[&str], out: &mut [GazFlags]) {
        if self.phrases.is_empty() {
            return;
        }
        let n = tokens.len().min(out.len());
        for i in 0..n {
            let starts_name = tokens[i]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric());
            if !starts_name {
                continue;
            }
            let mut h = 0x8f1b_bcdc_ca62_c1d6u64;
            for (j, tok) in tokens
                .iter()
                .enumerate()
                .take(n.min(i + self.max_len))
                .skip(i)
            {
                h = (h.rotate_left(17) ^ word_keys(tok).1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                if let Some(&bits) = self.phrases.get(&h) {
                    for ty in EntityType::ALL {
                        if bits & (1 << ty.index()) != 0 {
                            GazFlags::mark(out, i, j + 1, ty);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_gazetteer_matches_case_insensitively() {
        let g = ListGazetteer::parse("LOC\tNew York\nPER\tBenjamin Netanyahu\n# c\n\nLOC\tYork\n")
            .unwrap();
        assert_eq!(g.len(), 3);
        let toks = ["In", "NEW", "YORK", ",", "Benjamin", "Netanyahu", "york"];
        let mut f = vec![GazFlags::default(); toks.len()];
        g.annotate(&toks, &mut f);
        assert_eq!(f[1].0, 1 << 6);
        assert_eq!(f[2].0, 1 << 7 | 1 << 8);
        assert_eq!(f[4].0, 1);
        assert_eq!(f[5].0, 2);
        assert!(f[6].is_empty(), "lowercase start does not match");
        assert!(ListGazetteer::parse("XX\tfoo").is_err());
        assert!(matches!(
            ListGazetteer::parse("LOC\tok\nbad line"),
            Err(NerError::Gazetteer { line: 2, .. })
        ));
    }
}
