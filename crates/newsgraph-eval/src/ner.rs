//! Name-recognition evaluation (`newsgraph eval ner FILE [--predictions OUT]`).
//!
//! Input is CoNLL-2003 format: one token per line with the token first and the gold tag
//! last (`EU NNP I-NP I-ORG` or `EU I-ORG`), blank lines between sentences,
//! `-DOCSTART-` lines between documents, IOB1 or IOB2 tags (read by
//! [`newsgraph_ner::conll::parse`]; a bad line is an error naming it).
//!
//! Scores are **conlleval-compatible**: names (chunks) are read from gold and predicted
//! tags with conlleval's rules (`I-X` after `O` or after another type starts a name;
//! `B-X` separates adjacent names of one type), a predicted name is correct when its
//! first token, last token and type all equal a gold name's, and precision, recall and
//! F1 are micro-averaged over all names, overall and per type. Token accuracy is
//! conlleval's too (tags compared after nothing more than reading them; a `-DOCSTART-`
//! line is not a token here).
//!
//! Types: the tagger predicts the CoNLL types directly (PER, ORG, LOC, MISC). For
//! newsgraph's own mention kinds the mapping is [`conll_type`]: Person → PER, Org → ORG,
//! Gpe, Loc and Fac → LOC, Norp, Event and Misc → MISC.
//!
//! Everything but [`evaluate`]'s timing is a pure function of strings; the CLI does the
//! file I/O.

use crate::error::EvalError;
use newsgraph_model::MentionKind;
use newsgraph_ner::conll::{self, chunks, ConllSentence};
use newsgraph_ner::{Gazetteer, Tagger};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

/// The CoNLL type conlleval expects for a newsgraph mention kind.
pub fn conll_type(kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::Person => "PER",
        MentionKind::Org => "ORG",
        MentionKind::Gpe | MentionKind::Loc | MentionKind::Fac => "LOC",
        MentionKind::Norp | MentionKind::Event | MentionKind::Misc => "MISC",
    }
}

/// Counts and scores of one type (or of all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct TypeScore {
    /// Predicted names that match a gold name exactly.
    pub correct: usize,
    /// Predicted names.
    pub predicted: usize,
    /// Gold names.
    pub gold: usize,
    /// `correct / predicted` (0 when nothing is predicted, as conlleval prints).
    pub precision: f64,
    /// `correct / gold` (0 when there is no gold name).
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

impl TypeScore {
    fn finish(mut self) -> Self {
        let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        self.precision = div(self.correct, self.predicted);
        self.recall = div(self.correct, self.gold);
        self.f1 = if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        };
        self
    }
}

/// Scores of a whole file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NerScores {
    /// Sentences.
    pub sentences: usize,
    /// Tokens.
    pub tokens: usize,
    /// Tokens whose predicted tag equals the gold tag.
    pub correct_tags: usize,
    /// `correct_tags / tokens`.
    pub accuracy: f64,
    /// All types together.
    pub overall: TypeScore,
    /// Per type (every type that occurs in gold or predictions), by name.
    pub per_type: BTreeMap<String, TypeScore>,
}

/// Scores predicted tags against gold tags, sentence by sentence (conlleval's rules).
/// A sentence whose predicted tag count differs from the gold one is an error naming
/// its index.
pub fn score<G: AsRef<str>, P: AsRef<str>>(
    gold: &[Vec<G>],
    pred: &[Vec<P>],
) -> Result<NerScores, EvalError> {
    if gold.len() != pred.len() {
        return Err(EvalError::Mismatch(format!(
            "{} gold sentences but {} predicted",
            gold.len(),
            pred.len()
        )));
    }
    let mut s = NerScores::default();
    let mut per: BTreeMap<String, TypeScore> = BTreeMap::new();
    for (k, (g, p)) in gold.iter().zip(pred).enumerate() {
        if g.len() != p.len() {
            return Err(EvalError::Mismatch(format!(
                "sentence {}: {} gold tags but {} predicted",
                k + 1,
                g.len(),
                p.len()
            )));
        }
        s.sentences += 1;
        s.tokens += g.len();
        s.correct_tags += g
            .iter()
            .zip(p)
            .filter(|(a, b)| a.as_ref() == b.as_ref())
            .count();
        let gc = chunks(g);
        let pc = chunks(p);
        let gset: HashSet<_> = gc.iter().collect();
        for c in &gc {
            per.entry(c.ty.clone()).or_default().gold += 1;
        }
        for c in &pc {
            let e = per.entry(c.ty.clone()).or_default();
            e.predicted += 1;
            if gset.contains(c) {
                e.correct += 1;
            }
        }
    }
    for v in per.values() {
        s.overall.correct += v.correct;
        s.overall.predicted += v.predicted;
        s.overall.gold += v.gold;
    }
    s.overall = s.overall.finish();
    s.per_type = per.into_iter().map(|(k, v)| (k, v.finish())).collect();
    s.accuracy = if s.tokens == 0 {
        0.0
    } else {
        s.correct_tags as f64 / s.tokens as f64
    };
    Ok(s)
}

/// The result of running the tagger over a file.
#[derive(Debug, Clone, Serialize)]
pub struct NerEvaluation {
    /// The scores.
    pub scores: NerScores,
    /// Seconds spent tagging (feature extraction + decoding, one thread).
    pub seconds: f64,
    /// Tokens tagged per second.
    pub tokens_per_second: f64,
    /// Predicted tags (IOB2), per sentence.
    #[serde(skip)]
    pub predictions: Vec<Vec<String>>,
    /// The parsed input.
    #[serde(skip)]
    pub sentences: Vec<ConllSentence>,
}

/// Parses a CoNLL file (errors name the line).
pub fn read_conll(text: &str) -> Result<Vec<ConllSentence>, EvalError> {
    let s = conll::parse(text)?;
    if s.is_empty() {
        return Err(EvalError::Empty);
    }
    Ok(s)
}

/// Tags every sentence of `text` (CoNLL format) and scores the result. The sentences
/// of each document (`-DOCSTART-` to `-DOCSTART-`) are tagged together, as the
/// pipeline tags the sentences of one article.
pub fn evaluate(
    tagger: &Tagger,
    text: &str,
    gazetteer: &dyn Gazetteer,
) -> Result<NerEvaluation, EvalError> {
    let sentences = read_conll(text)?;
    let refs: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    // Documents: runs of sentences from one `-DOCSTART-` to the next (the whole file
    // when it has none), tagged together so that the document stage sees them all.
    let t0 = Instant::now();
    let mut tags: Vec<Vec<newsgraph_ner::Tag>> = Vec::with_capacity(refs.len());
    let mut i = 0;
    while i < refs.len() {
        let mut j = i + 1;
        while j < refs.len() && sentences[j].doc_start.is_none() {
            j += 1;
        }
        let doc: Vec<&[&str]> = refs[i..j].iter().map(Vec::as_slice).collect();
        tags.extend(tagger.tag_document(&doc, gazetteer));
        i = j;
    }
    let seconds = t0.elapsed().as_secs_f64();
    let predictions: Vec<Vec<String>> = tags
        .iter()
        .map(|s| s.iter().map(|t| t.to_string()).collect())
        .collect();
    let gold: Vec<&Vec<String>> = sentences.iter().map(|s| &s.tags).collect();
    let gold: Vec<Vec<&str>> = gold
        .iter()
        .map(|g| g.iter().map(String::as_str).collect())
        .collect();
    let scores = score(&gold, &predictions)?;
    let tokens_per_second = if seconds > 0.0 {
        scores.tokens as f64 / seconds
    } else {
        0.0
    };
    Ok(NerEvaluation {
        scores,
        seconds,
        tokens_per_second,
        predictions,
        sentences,
    })
}

/// The input written back with one more column, the predicted tag (what conlleval
/// reads: `token … gold predicted`). `-DOCSTART-` lines get `O`; sentences are
/// separated by one blank line.
pub fn predictions_text<P: AsRef<str>>(
    sentences: &[ConllSentence],
    predictions: &[Vec<P>],
) -> String {
    let mut out = String::new();
    for (k, s) in sentences.iter().enumerate() {
        if let Some(d) = &s.doc_start {
            out.push_str(d);
            out.push_str(" O\n\n");
        }
        for (i, line) in s.lines.iter().enumerate() {
            out.push_str(line);
            out.push(' ');
            out.push_str(
                predictions
                    .get(k)
                    .and_then(|p| p.get(i))
                    .map_or("O", |t| t.as_ref()),
            );
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// A conlleval-style text report.
pub fn format_report(e: &NerEvaluation) -> String {
    let s = &e.scores;
    let mut out = format!(
        "processed {} tokens in {} sentences with {} gold names; found {} names, {} correct\n\
         accuracy {:6.2}%; precision {:6.2}%; recall {:6.2}%; F1 {:6.2}\n",
        s.tokens,
        s.sentences,
        s.overall.gold,
        s.overall.predicted,
        s.overall.correct,
        100.0 * s.accuracy,
        100.0 * s.overall.precision,
        100.0 * s.overall.recall,
        100.0 * s.overall.f1
    );
    for (ty, t) in &s.per_type {
        out.push_str(&format!(
            "{:>17}: precision {:6.2}%; recall {:6.2}%; F1 {:6.2}  {} ({} gold)\n",
            ty,
            100.0 * t.precision,
            100.0 * t.recall,
            100.0 * t.f1,
            t.predicted,
            t.gold
        ));
    }
    out.push_str(&format!(
        "tagging: {:.3} s, {:.0} tokens/s (one thread)\n",
        e.seconds, e.tokens_per_second
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn perfect_is_one() {
        let g = vec![v("B-PER I-PER O B-LOC"), v("O B-ORG")];
        let s = score(&g, &g).unwrap();
        assert_eq!(s.overall.f1, 1.0);
        assert_eq!(s.overall.correct, 3);
        assert_eq!(s.accuracy, 1.0);
        assert_eq!(s.per_type["PER"].f1, 1.0);
    }

    #[test]
    fn one_wrong_type() {
        let g = vec![v("B-PER I-PER O B-LOC")];
        let p = vec![v("B-PER I-PER O B-ORG")];
        let s = score(&g, &p).unwrap();
        assert_eq!(
            (s.overall.correct, s.overall.predicted, s.overall.gold),
            (1, 2, 2)
        );
        assert!((s.overall.f1 - 0.5).abs() < 1e-12);
        assert_eq!(s.per_type["LOC"].recall, 0.0);
        assert_eq!(s.per_type["ORG"].precision, 0.0);
        assert_eq!(s.per_type["PER"].f1, 1.0);
    }

    #[test]
    fn iob1_and_iob2_score_the_same() {
        let iob1 = vec![v("I-PER I-PER B-PER O I-LOC I-ORG")];
        let iob2 = vec![v("B-PER I-PER B-PER O B-LOC B-ORG")];
        let s = score(&iob1, &iob2).unwrap();
        assert_eq!(s.overall.f1, 1.0);
        assert_eq!(s.overall.gold, 4);
        // Tag accuracy compares the tags as written.
        assert!(s.accuracy < 1.0);
    }

    #[test]
    fn boundary_errors_count_twice() {
        let g = vec![v("B-PER I-PER O")];
        let p = vec![v("B-PER O O")];
        let s = score(&g, &p).unwrap();
        assert_eq!(
            (s.overall.correct, s.overall.predicted, s.overall.gold),
            (0, 1, 1)
        );
        assert_eq!(s.overall.f1, 0.0);
    }

    #[test]
    fn mismatched_lengths_are_errors() {
        assert!(score(&[v("O O")], &[v("O")]).is_err());
        assert!(score(&[v("O")], &Vec::<Vec<String>>::new()).is_err());
    }

    #[test]
    fn predictions_round_trip() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n";
        let s = read_conll(text).unwrap();
        let out = predictions_text(&s, &[v("B-ORG O")]);
        assert_eq!(
            out,
            "-DOCSTART- -X- O O O\n\nEU NNP I-NP I-ORG B-ORG\nrejects VBZ I-VP O O\n\n"
        );
        assert!(matches!(read_conll("\n\n"), Err(EvalError::Empty)));
        match read_conll("EU I-ORG\nbad\n") {
            Err(e) => assert!(e.to_string().contains("line 2"), "{e}"),
            Ok(_) => panic!("accepted a bad line"),
        }
    }

    #[test]
    fn mention_kind_mapping() {
        assert_eq!(conll_type(MentionKind::Gpe), "LOC");
        assert_eq!(conll_type(MentionKind::Norp), "MISC");
        assert_eq!(conll_type(MentionKind::Person), "PER");
    }
}
