//! Prints the mentions and actors the linker finds in files (a debugging aid):
//! `cargo run -p newsgraph-link --example linkdump -- PATH…`.

use newsgraph_ingest::read::{read_paths, ReadOptions};
use newsgraph_link::Linker;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let linker = Linker::builtin();
    for read in read_paths(&paths, &ReadOptions::default()) {
        let Ok(read) = read else { continue };
        let a = read.article;
        let sentences = newsgraph_segment::sentences(&a.body);
        let linked = linker.link(&a, &sentences);
        println!("== {} ({:?})", a.path.as_deref().unwrap_or(""), a.published);
        for m in &linked.mentions {
            let mm = &m.mention;
            println!(
                "  {:>5}..{:<5} {:<7} {:<40} {:<28} {:?} {}{}",
                mm.start,
                mm.end,
                format!("{:?}", mm.kind),
                mm.text,
                mm.actor.as_deref().unwrap_or("-"),
                m.how,
                mm.role
                    .as_ref()
                    .map(|r| format!("role={}/{} ", r.title, r.of.as_deref().unwrap_or("?")))
                    .unwrap_or_default(),
                mm.candidates
                    .iter()
                    .map(|c| format!("{}={:.2} ", c.actor, c.score))
                    .collect::<String>()
            );
        }
        for r in &linked.roles {
            println!(
                "  ROLE {} {} of {:?} {:?}",
                r.actor, r.role.title, r.role.of, r.role.from
            );
        }
    }
}
