//! Writes the knowledge base's names as the NER tagger's gazetteer (`TYPE<TAB>name`,
//! CoNLL types PER/ORG/LOC/MISC), so the tagger is trained with the same names it meets
//! at run time: `cargo run -p newsgraph-kb --example export_gazetteer > FILE`.

use newsgraph_kb::Kb;
use newsgraph_model::MentionKind;
use std::collections::BTreeSet;

fn main() {
    let kb = Kb::builtin();
    let mut lines = BTreeSet::new();
    for e in kb.entities() {
        let ty = match e.kind {
            MentionKind::Person => "PER",
            MentionKind::Org => "ORG",
            MentionKind::Gpe | MentionKind::Loc | MentionKind::Fac => "LOC",
            MentionKind::Norp | MentionKind::Event | MentionKind::Misc => "MISC",
        };
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            if name.chars().any(char::is_alphabetic) {
                lines.insert(format!("{ty}\t{name}"));
            }
        }
        for demonym in &e.demonyms {
            lines.insert(format!("MISC\t{demonym}"));
        }
    }
    println!("# Known names for the tagger's gazetteer features, one per line: TYPE<TAB>name.");
    println!("# Generated from newsgraph's own knowledge base (crates/newsgraph-kb/data) by");
    println!("# `cargo run -p newsgraph-kb --example export_gazetteer`.");
    for line in lines {
        println!("{line}");
    }
}
