//! A statistical sequence tagger for names: people, organisations, locations and other
//! names (the CoNLL-2003 types PER, ORG, LOC, MISC), for names the knowledge base does
//! not know.
//!
//! ## The idea
//!
//! Each token gets one label (`O`, or begin / inside / last / unit of a name of a type:
//! BILOU, 17 labels) and the best label sequence of a sentence is found with Viterbi
//! over per-token scores plus label-pair (transition) scores; illegal sequences
//! (`O` followed by `I-PER`) are excluded. A token's score for a label is the sum of
//! the weights of its features: the word, its lowercase, shape ("Xxxx", "X.X."),
//! prefixes and suffixes, neighbouring words, capitalisation patterns, position in the
//! sentence, word clusters learned from unlabelled news text, how often the word is
//! capitalised mid-sentence in that text, and optionally gazetteer flags (see
//! [`features`] and [`gazetteer`]). Features are hashed straight into a fixed-size
//! weight table (no feature strings, no dictionary), which keeps the model compact and
//! tagging fast. The weights are learned with the averaged structured perceptron
//! ([`train`]) on the CoNLL-2003 English training set.
//!
//! The built-in model ([`Tagger::builtin`]) is compiled into the binary from
//! `model/conll.bin` (format in [`model`]); `model/README.md` has the commands that
//! retrain it (word clusters from the unlabelled news text under `../shared/data`, the
//! gazetteer exported from newsgraph's knowledge base, then the perceptron).
//!
//! ## Types
//!
//! [`NameSpan::kind`] maps CoNLL types to newsgraph's [`MentionKind`]: PER → Person,
//! ORG → Org, LOC → Gpe (CoNLL's LOC covers both states / cities and natural
//! locations; the knowledge base refines), MISC → Norp for a one-word demonym-like name
//! ("Israeli", "Omani", "Chinese") and Misc otherwise.

pub mod cluster;
pub mod conll;
pub mod error;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod tags;
pub mod train;

pub use error::NerError;
pub use features::{FeatureConfig, Lexicon};
pub use gazetteer::{GazFlags, Gazetteer, ListGazetteer, NoGazetteer};
pub use tags::{EntityType, Scheme, Tag, TokenSpan};

use features::{DocFeat, Extractor};
use model::{marginals, viterbi, Model};
use newsgraph_model::{MentionKind, Token};
use std::cell::RefCell;
use std::sync::OnceLock;

/// The built-in model (trained on CoNLL-2003 English).
static BUILTIN_BYTES: &[u8] = include_bytes!("../model/conll.bin");

/// A name found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NameSpan {
    /// First byte in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// First token (index into the tokens given).
    pub token_start: usize,
    /// One past the last token.
    pub token_end: usize,
    /// The CoNLL type.
    pub ty: EntityType,
    /// The newsgraph mention kind (see the crate docs for the mapping).
    pub kind: MentionKind,
    /// Confidence in 0..=1: the smallest marginal probability, over the name's tokens,
    /// of the label the tagger chose (with a temperature fitted on development data).
    pub score: f32,
}

/// A trained tagger. Cheap to share between threads (`&Tagger` is `Sync`); scratch
/// buffers are per thread.
///
/// A model has one or two stages. The first tags each sentence on its own. The second,
/// when present, tags again with document features: how the first stage labelled the
/// same word elsewhere in the document ("Netanyahu" after "Benjamin Netanyahu"). Give
/// whole articles to [`Tagger::tag_document`] / [`Tagger::spans_document`] to use it
/// fully; the per-sentence methods (and one-sentence documents) use the first stage only.
#[derive(Debug, Clone)]
pub struct Tagger {
    stages: Vec<Model>,
}

struct Scratch {
    ex: Extractor,
    gaz: Vec<GazFlags>,
    emit: Vec<f32>,
    back: Vec<u8>,
    labels: Vec<u8>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch {
        ex: Extractor::default(),
        gaz: Vec::new(),
        emit: Vec::new(),
        back: Vec::new(),
        labels: Vec::new(),
    });
}

/// Sentences longer than this are tagged in pieces of this many tokens (Viterbi is
/// linear, but a pathological "sentence" of a million tokens should not need a
/// million-entry scratch table per label).
const MAX_TOKENS: usize = 2000;

impl Tagger {
    /// The built-in model, loaded once. Fails only if the binary was built with a
    /// broken model file.
    pub fn builtin() -> Result<&'static Tagger, NerError> {
        static CELL: OnceLock<Result<Tagger, String>> = OnceLock::new();
        CELL.get_or_init(|| Tagger::load(BUILTIN_BYTES).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| NerError::Builtin(e.clone()))
    }

    /// Loads a model from the bytes of a model file.
    pub fn load(bytes: &[u8]) -> Result<Tagger, NerError> {
        Ok(Tagger {
            stages: model::read_file(bytes)?,
        })
    }

    /// Loads a model file.
    pub fn load_file(path: &std::path::Path) -> Result<Tagger, NerError> {
        let bytes = std::fs::read(path).map_err(|source| NerError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Tagger::load(&bytes)
    }

    pub(crate) fn from_stages(stages: Vec<Model>) -> Tagger {
        Tagger { stages }
    }

    /// The model file bytes of this tagger. Rows whose largest quantised weight is at
    /// most `prune` are dropped (0 keeps every non-zero weight).
    pub fn to_bytes(&self, prune: i16) -> Vec<u8> {
        let refs: Vec<&Model> = self.stages.iter().collect();
        model::write_file(&refs, prune)
    }

    /// Whether the model was trained with gazetteer features. Only then are gazetteer
    /// flags used: those of the names stored in the model, together with those of the
    /// gazetteer given to [`Tagger::tag_with`] and friends.
    pub fn uses_gazetteer(&self) -> bool {
        self.stages.iter().any(|m| m.cfg.gazetteer)
    }

    /// Number of stages (2 when the model has a document stage).
    pub fn stages(&self) -> usize {
        self.stages.len()
    }

    /// The internal label scheme.
    pub fn scheme(&self) -> Scheme {
        self.stages[0].scheme
    }

    /// Per-token IOB2 tags of one sentence's tokens.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        self.tag_with(tokens, &NoGazetteer)
    }

    /// As [`Tagger::tag`], with gazetteer flags from `gaz`.
    pub fn tag_with(&self, tokens: &[&str], gaz: &dyn Gazetteer) -> Vec<Tag> {
        self.tag_document(&[tokens], gaz)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// Per-token IOB2 tags of every sentence of one document (an article).
    pub fn tag_document(&self, sentences: &[&[&str]], gaz: &dyn Gazetteer) -> Vec<Vec<Tag>> {
        let scheme = self.scheme();
        let mut out: Vec<Vec<Tag>> = sentences
            .iter()
            .map(|s| Vec::with_capacity(s.len()))
            .collect();
        self.run(sentences, gaz, |k, _, s| {
            out[k].extend(scheme.to_tags(&s.labels))
        });
        out
    }

    /// Names of one sentence as token spans.
    pub fn token_spans(&self, tokens: &[&str], gaz: &dyn Gazetteer) -> Vec<TokenSpan> {
        tags::tag_spans(&self.tag_with(tokens, gaz))
    }

    /// Runs every stage over a document; calls `each(sentence index, last-stage model,
    /// scratch)` for every piece (of at most `MAX_TOKENS` tokens) of every sentence, in
    /// order, with the last stage's emissions and labels in the scratch.
    fn run(
        &self,
        sentences: &[&[&str]],
        gaz: &dyn Gazetteer,
        mut each: impl FnMut(usize, &Model, &Scratch),
    ) {
        let pieces: Vec<(usize, &[&str])> = sentences
            .iter()
            .enumerate()
            .flat_map(|(k, s)| {
                let v: Vec<(usize, &[&str])> = if s.is_empty() {
                    vec![(k, *s)]
                } else {
                    s.chunks(MAX_TOKENS).map(|c| (k, c)).collect()
                };
                v
            })
            .collect();
        SCRATCH.with(|cell| {
            let mut s = cell.borrow_mut();
            let first = &self.stages[0];
            // The document stage only helps with a document: a single sentence is
            // tagged by the sentence stage alone (measured: better on CoNLL dev).
            let second = self.stages.get(1).filter(|_| sentences.len() > 1);
            let Some(second) = second else {
                for &(k, toks) in &pieces {
                    Self::decode(first, toks, gaz, &[], &mut s);
                    each(k, first, &s);
                }
                return;
            };
            let mut labels = Vec::with_capacity(pieces.len());
            for &(_, toks) in &pieces {
                Self::decode(first, toks, gaz, &[], &mut s);
                labels.push(s.labels.clone());
            }
            let toks: Vec<&[&str]> = pieces.iter().map(|p| p.1).collect();
            let docs = features::doc_feats(&toks, &labels, first.scheme);
            for (&(k, toks), d) in pieces.iter().zip(&docs) {
                Self::decode(second, toks, gaz, d, &mut s);
                each(k, second, &s);
            }
        });
    }

    fn decode(m: &Model, tokens: &[&str], gaz: &dyn Gazetteer, doc: &[DocFeat], s: &mut Scratch) {
        let Scratch {
            ex,
            gaz: flags,
            emit,
            back,
            labels,
        } = s;
        flags.clear();
        flags.resize(tokens.len(), GazFlags::default());
        if m.cfg.gazetteer {
            m.gazetteer.annotate(tokens, flags);
            gaz.annotate(tokens, flags);
        }
        ex.sentence(tokens, flags, doc, &m.lexicon, m.cfg, m.bits);
        m.emissions(ex, tokens.len(), emit);
        viterbi(emit, &m.trans, &m.end, m.n_labels, back, labels);
    }

    /// Names in one sentence of `text`, given its tokens (byte spans into `text`, as
    /// made by `newsgraph_segment`), with byte spans, kinds and confidences. Tokens
    /// whose span is not valid in `text` are treated as empty tokens.
    pub fn spans(&self, text: &str, tokens: &[Token]) -> Vec<NameSpan> {
        self.spans_document(text, &[tokens], &NoGazetteer)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// Names in every sentence of one document (an article): `sentences[k]` holds the
    /// tokens of sentence `k` (byte spans into `text`). Returns the names of each
    /// sentence, in order. Tokens whose span is not valid in `text` are empty tokens.
    pub fn spans_document(
        &self,
        text: &str,
        sentences: &[&[Token]],
        gaz: &dyn Gazetteer,
    ) -> Vec<Vec<NameSpan>> {
        let strs: Vec<Vec<&str>> = sentences
            .iter()
            .map(|toks| {
                toks.iter()
                    .map(|t| text.get(t.start..t.end).unwrap_or(""))
                    .collect()
            })
            .collect();
        let refs: Vec<&[&str]> = strs.iter().map(Vec::as_slice).collect();
        let mut out: Vec<Vec<NameSpan>> = vec![Vec::new(); sentences.len()];
        let mut base = vec![0usize; sentences.len()];
        self.run(&refs, gaz, |k, m, s| {
            let l = m.n_labels;
            let marg = marginals(&s.emit, &m.trans, &m.end, l, m.temperature);
            let tags = m.scheme.to_tags(&s.labels);
            let tokens = sentences[k];
            for sp in tags::tag_spans(&tags) {
                let score = (sp.start..sp.end)
                    .map(|i| {
                        marg.get(i * l + s.labels[i] as usize)
                            .copied()
                            .unwrap_or(0.0)
                    })
                    .fold(1.0f32, f32::min)
                    .clamp(0.0, 1.0);
                let (ts, te) = (base[k] + sp.start, base[k] + sp.end);
                let start = tokens[ts].start;
                let end = tokens[te - 1].end.max(start);
                let name = text.get(start..end).unwrap_or("");
                out[k].push(NameSpan {
                    start,
                    end,
                    token_start: ts,
                    token_end: te,
                    ty: sp.ty,
                    kind: tags::mention_kind(sp.ty, name),
                    score,
                });
            }
            base[k] += s.labels.len();
        });
        out
    }
}
