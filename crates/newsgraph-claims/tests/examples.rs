//! Snapshot of the quotes, attributions and quantities of the example articles
//! (`examples/articles`, our own fictional storyline), read through the pipeline.

use std::path::Path;

use newsgraph_ingest::read::{read_paths, ReadOptions};
use serde_json::json;

#[test]
fn examples_claims() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let mut out = Vec::new();
    for r in read_paths(&[dir], &ReadOptions::default()).filter_map(Result::ok) {
        let a = newsgraph_pipeline::analyze(r.article);
        let c = newsgraph_claims::extract(&a.article, &a.sentences, &a.links.mentions, &a.timexes);
        let origin = Path::new(&r.origin)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let attributions: Vec<_> = c
            .attributions
            .iter()
            .map(|x| json!({"sentence": x.sentence, "cue": x.cue, "chain": x.chain()}))
            .collect();
        let quotes: Vec<_> = c
            .quotes
            .iter()
            .map(|q| json!({"text": q.text, "speaker": q.speaker, "cue": q.cue, "attributed_to": q.attributed_to}))
            .collect();
        let quantities: Vec<_> = c
            .quantities
            .iter()
            .map(|q| {
                json!({"text": q.text, "value": q.value, "approx": q.approx, "unit": q.unit,
                       "measure": q.measure, "subject": q.subject, "period": q.period,
                       "attributed_to": q.attributed_to})
            })
            .collect();
        out.push(json!({"article": origin, "attributions": attributions, "quotes": quotes, "quantities": quantities}));
    }
    insta::assert_json_snapshot!(out);
}
