//! Properties on any input: no panics, spans in bounds and on char boundaries, each
//! figure's and quote's text is its span, attributions name their sentence.

use newsgraph_claims::extract;
use newsgraph_model::Article;
use proptest::prelude::*;

fn check(body: &str) {
    let article = Article {
        id: "p".into(),
        body: body.to_string(),
        ..Default::default()
    };
    let sentences = newsgraph_segment::sentences(body);
    let linked = newsgraph_link::Linker::builtin().link(&article, &sentences);
    let timexes = newsgraph_time::extract(body, &sentences, None);
    let c = extract(&article, &sentences, &linked.mentions, &timexes);
    let ok = |s: usize, e: usize| {
        s <= e && e <= body.len() && body.is_char_boundary(s) && body.is_char_boundary(e)
    };
    for q in &c.quantities {
        assert!(ok(q.start, q.end), "{q:?}");
        assert_eq!(&body[q.start..q.end], q.text);
        assert!(q.value.is_finite(), "{q:?}");
    }
    for q in &c.quotes {
        assert!(ok(q.start, q.end), "{q:?}");
        assert_eq!(&body[q.start..q.end], q.text);
        assert!(!q.text.is_empty());
    }
    for a in &c.attributions {
        assert!(ok(a.start, a.end), "{a:?}");
        assert!(sentences.iter().any(|s| s.index == a.sentence));
        for r in a.reporter.iter().chain(&a.via) {
            assert!(ok(r.start, r.end));
            assert_eq!(&body[r.start..r.end], r.text);
        }
    }
}

/// Pieces that exercise the extractors' words, glued at random.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    " said ",
    " he said, ",
    "Trump",
    " warned that ",
    " according to ",
    "local officials",
    " more than ",
    " 71,000 ",
    " $70 billion",
    " hundreds of thousands ",
    " killed",
    " in Gaza",
    " since October 2023",
    ", ",
    ". ",
    "\n",
    " a dozen ",
    " three ",
    " declined to comment",
    " reports via ",
    "Axios",
    " at least ",
    "%",
    " percent",
    "é",
    "€",
    "£",
    " described as a ",
    " up to ",
    "US$",
    " 1.",
    " 2024 ",
    "10:30",
    "’s ",
    " the ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text(body in "\\PC{0,300}") {
        check(&body);
    }

    #[test]
    fn glued_pieces(ix in proptest::collection::vec(0..PIECES.len(), 0..40)) {
        let body: String = ix.iter().map(|&i| PIECES[i]).collect();
        check(&body);
    }
}
