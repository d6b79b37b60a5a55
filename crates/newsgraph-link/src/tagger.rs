//! The statistical name tagger as the linker sees it: a small trait, so that the
//! tagger of `newsgraph-ner` (or any other, or none) plugs in with one line.

use newsgraph_model::{MentionKind, Token};

/// A name the tagger found: a byte span of the text, its type and a confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaggedName {
    /// First byte in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The mention type.
    pub kind: MentionKind,
    /// Confidence in `[0, 1]`.
    pub score: f32,
}

/// A statistical tagger for names the knowledge base does not know.
pub trait NameTagger: Send + Sync {
    /// The names in `text`, given the tokens of each of its sentences (byte spans into
    /// `text`, as `newsgraph_segment::tokens` makes them), in text order. Must not
    /// panic on any input.
    fn names(&self, text: &str, sentences: &[&[Token]]) -> Vec<TaggedName>;
}

/// A tagger that finds nothing: the gazetteer alone.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoTagger;

impl NameTagger for NoTagger {
    fn names(&self, _text: &str, _sentences: &[&[Token]]) -> Vec<TaggedName> {
        Vec::new()
    }
}

impl NameTagger for newsgraph_ner::Tagger {
    fn names(&self, text: &str, sentences: &[&[Token]]) -> Vec<TaggedName> {
        self.spans_document(text, sentences, &newsgraph_ner::NoGazetteer)
            .into_iter()
            .flatten()
            .map(|s| TaggedName {
                start: s.start,
                end: s.end,
                kind: s.kind,
                score: s.score,
            })
            .collect()
    }
}

/// The built-in tagger of `newsgraph-ner` (trained on CoNLL-2003), or an error when
/// its model does not load.
pub fn builtin_tagger() -> Result<&'static dyn NameTagger, crate::LinkError> {
    newsgraph_ner::Tagger::builtin()
        .map(|t| t as &'static dyn NameTagger)
        .map_err(|e| crate::LinkError::Tagger(e.to_string()))
}
