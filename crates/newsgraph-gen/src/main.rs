//! `newsgraph-gen`: writes synthetic articles as JSON Lines, for scale benchmarks.
//!
//! Usage: `newsgraph-gen COUNT [--seed N] [--stories N] [--per-day N] [--paragraphs N]`
//! (stdout). 100,000 articles of 4 paragraphs are about 120 MB.

use std::io::{BufWriter, Write};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut count: Option<u64> = None;
    let (mut seed, mut stories, mut per_day, mut paragraphs) = (1u64, 300usize, 200u64, 4usize);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| -> u64 {
            it.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| fail(&format!("{name} needs a number")))
        };
        match a.as_str() {
            "--seed" => seed = value("--seed"),
            "--stories" => stories = value("--stories") as usize,
            "--per-day" => per_day = value("--per-day"),
            "--paragraphs" => paragraphs = value("--paragraphs") as usize,
            "-h" | "--help" => {
                println!(
                    "newsgraph-gen COUNT [--seed N] [--stories N] [--per-day N] [--paragraphs N]"
                );
                return;
            }
            n => {
                count = Some(
                    n.parse()
                        .unwrap_or_else(|_| fail(&format!("not a count: {n:?}"))),
                )
            }
        }
    }
    let Some(count) = count else {
        fail("give the number of articles")
    };
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    for record in
        newsgraph_gen::Generator::new(seed, stories, per_day, paragraphs).take(count as usize)
    {
        if writeln!(out, "{record}").is_err() {
            return; // stdout closed (e.g. piped into head)
        }
    }
    let _ = out.flush();
}

fn fail(message: &str) -> ! {
    eprintln!("newsgraph-gen: {message}");
    std::process::exit(2);
}
