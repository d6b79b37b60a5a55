//! The built-in tagger on the CoNLL-2003 development set (eng.testa), when present.
//!
//! Skips cleanly when `../shared/data/conll2003/dev.txt` is absent. Prints the
//! conlleval-style report; with `NEWSGRAPH_NER_PREDICTIONS=FILE` also writes the
//! predictions file (the input plus a predicted-tag column) for conlleval / seqeval.

use newsgraph_eval::ner::{evaluate, format_report, predictions_text, score};
use newsgraph_ner::{NoGazetteer, Tagger};
use std::path::Path;

#[test]
fn dev_set_f1() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/conll2003/dev.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let tagger = Tagger::builtin().expect("built-in model");
    let e = evaluate(tagger, &text, &NoGazetteer).expect("dev set parses");
    println!("{}", format_report(&e));
    if let Ok(out) = std::env::var("NEWSGRAPH_NER_PREDICTIONS") {
        std::fs::write(&out, predictions_text(&e.sentences, &e.predictions)).expect("write");
    }
    // Sentence by sentence (no document context), as a caller without articles would.
    let per_sentence: Vec<Vec<String>> = e
        .sentences
        .iter()
        .map(|s| {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            tagger.tag(&toks).iter().map(|t| t.to_string()).collect()
        })
        .collect();
    let gold: Vec<Vec<String>> = e.sentences.iter().map(|s| s.tags.clone()).collect();
    let alone = score(&gold, &per_sentence).expect("aligned");
    println!("sentence by sentence: F1 {:.2}", 100.0 * alone.overall.f1);
    assert_eq!(e.scores.overall.gold, 5942, "eng.testa has 5,942 names");
    assert!(e.scores.overall.f1 > 0.90, "dev F1 {}", e.scores.overall.f1);
}
