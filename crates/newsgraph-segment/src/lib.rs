//! Sentence and token segmentation with byte spans. (Stub: being written.)

use newsgraph_model::{Sentence, Token};

/// Splits `text` into sentences; spans are byte offsets into `text`, trimmed of
/// surrounding white space, in order, non-overlapping.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let _ = text;
    todo!("sentence splitter")
}

/// Splits `text[start..end]` into tokens; spans are byte offsets into `text`.
pub fn tokens(text: &str, start: usize, end: usize) -> Vec<Token> {
    let _ = (text, start, end);
    todo!("tokenizer")
}
