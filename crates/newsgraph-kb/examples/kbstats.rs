//! Prints what the built-in knowledge base holds and any warnings; with arguments,
//! scans those files with the gazetteer and prints the matches.
//!
//! Run: `cargo run -p newsgraph-kb --example kbstats [FILE…]`.

use newsgraph_kb::{Kb, BUILTIN_FILES};

fn main() {
    let kb = match Kb::from_sources(BUILTIN_FILES) {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    println!("{:#?}", kb.stats());
    println!("patterns: {}", kb.gazetteer().pattern_count());
    for w in kb.warnings() {
        println!("warning: {w}");
    }
    for f in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&f) else {
            eprintln!("{f}: cannot read");
            continue;
        };
        let scan = kb.gazetteer().scan(&text);
        for m in &scan.names {
            let c: Vec<String> = m.candidates.iter().map(|c| c.entity.id.clone()).collect();
            println!(
                "{}..{} {:?} -> {}",
                m.start,
                m.end,
                &text[m.start..m.end],
                c.join(", ")
            );
        }
        for t in &scan.titles {
            println!(
                "TITLE {}..{} {:?} office={:?} of={:?} holder={:?}",
                t.start,
                t.end,
                &text[t.start..t.end],
                t.office.map(|o| &o.id),
                t.of_state.map(|s| &s.id),
                t.holder.map(|h| &h.id)
            );
        }
    }
}
