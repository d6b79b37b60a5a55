fn main() {
    let opts = newsgraph_ingest::read::ReadOptions::default();
    let arts: Vec<_> = newsgraph_ingest::read::read_paths(&std::env::args().skip(1).collect::<Vec<_>>(), &opts).filter_map(Result::ok).collect();
    for a in &arts { for b in &arts { if a.origin < b.origin {
        let d = newsgraph_ingest::dedup::hamming(newsgraph_ingest::dedup::fingerprint(&a.article.body), newsgraph_ingest::dedup::fingerprint(&b.article.body));
        if d < 20 { println!("{d:>3} {} {}", a.origin, b.origin); }
    }}}
}
