//! Builds the tagger's lexicon (word clusters and capitalisation statistics) from
//! unlabelled text.
//!
//! ```text
//! newsgraph-ner-clusters --news DIR [--conll TRAIN.txt] [--sizes 32,128,512]
//!     [--min-count 3] [--iters 12] --out lexicon.tsv
//! ```
//!
//! `--news` is a directory searched recursively: `reut2-*.sgm` files are read as
//! Reuters-21578 SGML (article bodies), `*.txt` files as plain text (the first line,
//! a title, is skipped). `--conll` adds the tokens of a CoNLL file (no labels are used).

use newsgraph_ner::cluster::{exchange, reuters_bodies, Corpus};
use newsgraph_ner::conll;
use newsgraph_ner::features::caps_bucket;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut v: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn run() -> Result<(), String> {
    let mut news = Vec::new();
    let mut conll_files = Vec::new();
    let mut out = None;
    let mut sizes = vec![32usize, 128, 512];
    let mut min_count = 3u64;
    let mut iters = 12usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--news" => news.push(PathBuf::from(val()?)),
            "--conll" => conll_files.push(PathBuf::from(val()?)),
            "--out" => out = Some(PathBuf::from(val()?)),
            "--sizes" => {
                sizes = val()?
                    .split(',')
                    .map(|s| s.parse().map_err(|_| format!("bad size {s:?}")))
                    .collect::<Result<_, _>>()?
            }
            "--min-count" => min_count = val()?.parse().map_err(|_| "bad --min-count")?,
            "--iters" => iters = val()?.parse().map_err(|_| "bad --iters")?,
            "-h" | "--help" => {
                println!("newsgraph-ner-clusters --news DIR [--conll FILE] [--sizes 32,128,512] [--min-count 3] [--iters 12] --out FILE");
                return Ok(());
            }
            _ => return Err(format!("unknown argument {a:?}")),
        }
    }
    let out = out.ok_or("--out is required")?;
    if sizes.is_empty() || sizes.len() > newsgraph_ner::features::MAX_CLUSTERINGS {
        return Err("--sizes: 1 to 4 sizes".into());
    }
    let t0 = Instant::now();
    let mut corpus = Corpus::new();
    let mut files = Vec::new();
    for d in &news {
        walk(d, &mut files);
    }
    for p in &files {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with("reut2-") && name.ends_with(".sgm") {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            for body in reuters_bodies(&String::from_utf8_lossy(&bytes)) {
                corpus.add_text(&body);
            }
        } else if name.ends_with(".txt") && !name.eq_ignore_ascii_case("README.TXT") {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let text = String::from_utf8_lossy(&bytes);
            let body = text.split_once('\n').map_or("", |(_, b)| b);
            corpus.add_text(body);
        }
    }
    for p in &conll_files {
        let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
        for s in conll::parse(&text).map_err(|e| format!("{}: {e}", p.display()))? {
            corpus.add_sentence(&s.tokens);
        }
    }
    eprintln!(
        "corpus: {} tokens, {} word forms ({:.1}s)",
        corpus.stream.len(),
        corpus.words.len(),
        t0.elapsed().as_secs_f64()
    );
    let mut classes = Vec::new();
    for &k in &sizes {
        let t = Instant::now();
        classes.push(exchange(&corpus, k, min_count, iters));
        eprintln!("{k} classes: {:.1}s", t.elapsed().as_secs_f64());
    }
    let f = std::fs::File::create(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut w = std::io::BufWriter::new(f);
    let mut write = || -> std::io::Result<()> {
        writeln!(w, "# newsgraph-ner lexicon: word clusters (exchange algorithm, sizes {sizes:?}, min count {min_count}) and capitalisation buckets")?;
        writeln!(w, "# built by newsgraph-ner-clusters from Reuters-21578 and BBC News bodies and CoNLL-2003 train tokens (research use)")?;
        for (id, word) in corpus.words.iter().enumerate().skip(2) {
            if corpus.counts[id] < min_count || word.contains('\t') {
                continue;
            }
            write!(w, "C\t{word}")?;
            for c in &classes {
                write!(w, "\t{}", c[id])?;
            }
            writeln!(w)?;
        }
        let mut caps: Vec<_> = corpus.caps.iter().filter(|(_, v)| v.0 >= 2).collect();
        caps.sort();
        for (word, &(total, cap)) in caps {
            if !word.contains('\t') {
                writeln!(w, "K\t{word}\t{}", caps_bucket(total, cap))?;
            }
        }
        w.flush()
    };
    write().map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({:.1}s)",
        out.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
