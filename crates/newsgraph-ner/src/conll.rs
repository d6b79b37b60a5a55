//! Reading CoNLL-2003 style files, and conlleval's chunk rules.
//!
//! A file is one token per line, columns separated by white space, the token first and
//! the tag last (`EU NNP I-NP I-ORG`, or just `EU I-ORG`); sentences are separated by
//! blank lines; `-DOCSTART-` lines separate documents. Tags are `O` or `P-TYPE` with
//! `P` one of `B I E S L U` (IOB1, IOB2, IOBES/BILOU all read). Every error names the
//! 1-based line.
//!
//! Chunks are read with conlleval's rules, so that IOB1 (`I-X` after `O` starts a name,
//! `B-X` only separates two adjacent names of one type) and IOB2 give the same names.

use crate::error::NerError;

/// One sentence of a CoNLL file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConllSentence {
    /// 1-based line of the first token.
    pub line: usize,
    /// The tokens (first column).
    pub tokens: Vec<String>,
    /// The tags (last column), as written.
    pub tags: Vec<String>,
    /// The token lines as written (without the line break), for writing predictions.
    pub lines: Vec<String>,
    /// A `-DOCSTART-` line came before this sentence (it begins a document); holds the
    /// line as written.
    pub doc_start: Option<String>,
}

/// A chunk (name) found in a tag sequence: tokens `[start, end)` and its type string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The type (`PER`, `LOC`, …).
    pub ty: String,
}

/// Splits a tag into its prefix character and type (`"O"` → `('O', "")`).
fn split_tag(tag: &str) -> (char, &str) {
    match tag.split_once('-') {
        Some((p, t)) if p.len() == 1 => (p.chars().next().unwrap_or('O'), t),
        _ => ('O', ""),
    }
}

/// Is `tag` well-formed (`O`, or one of `B I E S L U`, a hyphen and a type)?
pub fn valid_tag(tag: &str) -> bool {
    if tag == "O" {
        return true;
    }
    match tag.split_once('-') {
        Some((p, t)) => matches!(p, "B" | "I" | "E" | "S" | "L" | "U") && !t.is_empty(),
        None => false,
    }
}

/// Chunks of one sentence's tags under conlleval's rules (`S`/`U` count as
/// single-token chunks and `L` as `E`).
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<Chunk> {
    let norm = |c: char| match c {
        'U' => 'S',
        'L' => 'E',
        c => c,
    };
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let (mut prev_p, mut prev_t) = ('O', "");
    for (i, tag) in tags.iter().enumerate() {
        let (p, t) = split_tag(tag.as_ref());
        let p = norm(p);
        let end = end_of_chunk(prev_p, p, prev_t, t);
        let start = start_of_chunk(prev_p, p, prev_t, t);
        if end {
            if let Some((s, ty)) = open.take() {
                out.push(Chunk {
                    start: s,
                    end: i,
                    ty,
                });
            }
        }
        if start {
            open = Some((i, t.to_string()));
        }
        prev_p = p;
        prev_t = t;
    }
    if let Some((s, ty)) = open.take() {
        out.push(Chunk {
            start: s,
            end: tags.len(),
            ty,
        });
    }
    out
}

fn end_of_chunk(pp: char, p: char, pt: &str, t: &str) -> bool {
    matches!(
        (pp, p),
        ('B', 'B')
            | ('B', 'S')
            | ('B', 'O')
            | ('I', 'B')
            | ('I', 'S')
            | ('I', 'O')
            | ('E', _)
            | ('S', _)
    ) || (pp != 'O' && pt != t)
}

fn start_of_chunk(pp: char, p: char, pt: &str, t: &str) -> bool {
    matches!(
        (pp, p),
        (_, 'B')
            | (_, 'S')
            | ('E', 'E')
            | ('E', 'I')
            | ('S', 'E')
            | ('S', 'I')
            | ('O', 'E')
            | ('O', 'I')
    ) || (p != 'O' && pt != t)
}

/// Parses a CoNLL file. Every token line must have the same number of columns (at
/// least 2) and a well-formed last column.
pub fn parse(text: &str) -> Result<Vec<ConllSentence>, NerError> {
    let mut out = Vec::new();
    let mut cur: Option<ConllSentence> = None;
    let mut pending_doc: Option<String> = None;
    let mut ncols: Option<usize> = None;
    let flush = |cur: &mut Option<ConllSentence>, out: &mut Vec<ConllSentence>| {
        if let Some(s) = cur.take() {
            out.push(s);
        }
    };
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let no = i + 1;
        if line.trim().is_empty() {
            flush(&mut cur, &mut out);
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            flush(&mut cur, &mut out);
            pending_doc = Some(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() < 2 {
            return Err(NerError::Conll {
                line: no,
                message: format!("expected at least 2 columns (token … tag), found {line:?}"),
            });
        }
        match ncols {
            None => ncols = Some(cols.len()),
            Some(n) if n != cols.len() => {
                return Err(NerError::Conll {
                    line: no,
                    message: format!("{} columns where earlier lines have {n}", cols.len()),
                })
            }
            _ => {}
        }
        let tag = cols[cols.len() - 1];
        if !valid_tag(tag) {
            return Err(NerError::Conll {
                line: no,
                message: format!("bad tag {tag:?} (expected O, B-X, I-X, E-X, S-X)"),
            });
        }
        let s = cur.get_or_insert_with(|| ConllSentence {
            line: no,
            tokens: Vec::new(),
            tags: Vec::new(),
            lines: Vec::new(),
            doc_start: pending_doc.take(),
        });
        s.tokens.push(cols[0].to_string());
        s.tags.push(tag.to_string());
        s.lines.push(line.to_string());
    }
    flush(&mut cur, &mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(v: &[&str]) -> Vec<(usize, usize, String)> {
        chunks(v)
            .into_iter()
            .map(|c| (c.start, c.end, c.ty))
            .collect()
    }

    #[test]
    fn iob1_and_iob2_agree() {
        let iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "O"];
        let iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG", "O"];
        let want = vec![
            (0, 2, "PER".to_string()),
            (2, 3, "PER".to_string()),
            (4, 5, "LOC".to_string()),
            (5, 6, "ORG".to_string()),
        ];
        assert_eq!(ch(&iob1), want);
        assert_eq!(ch(&iob2), want);
        assert_eq!(
            ch(&["S-PER", "B-ORG", "E-ORG"]),
            vec![(0, 1, "PER".to_string()), (1, 3, "ORG".to_string())]
        );
    }

    #[test]
    fn parse_errors_name_the_line() {
        let ok = parse("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nX Y Z O\n")
            .unwrap();
        assert_eq!(ok.len(), 2);
        assert!(ok[0].doc_start.is_some());
        assert_eq!(ok[0].line, 3);
        assert_eq!(ok[1].tokens, vec!["X"]);
        match parse("EU NNP I-NP I-ORG\nrejects VBZ O\n") {
            Err(NerError::Conll { line: 2, .. }) => {}
            other => panic!("{other:?}"),
        }
        match parse("EU I-ORG\nx Q-FOO\n") {
            Err(NerError::Conll { line: 2, message }) => assert!(message.contains("bad tag")),
            other => panic!("{other:?}"),
        }
        assert!(parse("lonely\n").is_err());
    }
}
