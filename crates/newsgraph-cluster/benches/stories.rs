//! Story clustering at scale: a long synthetic stream through the in-memory clusterer,
//! to show that the cost per article stays flat and the index stays bounded as the
//! stream grows (stories idle for longer than the horizon are forgotten).
//!
//! ```sh
//! cargo bench -p newsgraph-cluster --bench stories             # 1,000,000 articles
//! cargo bench -p newsgraph-cluster --bench stories -- --quick  # 100,000 articles
//! ```
//!
//! The stream is generated here, deterministically: 200 articles a simulated day over
//! years, each from one of 300 running storylines (a storyline lasts 2 to 60 days,
//! then a new one takes its place). An article has a headline and about 120 words:
//! a quarter from its storyline's own words (half of them capitalised names), the
//! rest from a background vocabulary of 20,000 invented words drawn with Zipf's law,
//! as everyday words are. It is not English, but it has the statistics that matter
//! here: a long tail of rare words, frequent words everywhere, storylines that come
//! and go.
//!
//! Prints, for each tenth of the stream: articles/s of that tenth (features, candidate
//! retrieval, decision, update; one thread; articles are generated before timing),
//! stories so far, stories the index holds, keys filed, the corpus vocabulary; and at
//! the end the pairwise precision and recall against the storylines.

use newsgraph_cluster::story::date::iso_day;
use newsgraph_cluster::story::{OnlineClusterer, Params, StoryDoc};
use std::collections::HashMap;
use std::time::Instant;

/// xorshift64*: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ter", "san", "vo", "ri", "del", "pa", "nu", "gor", "shi", "ben", "ta", "el",
    "mar", "quo", "zi", "ul", "fen", "dra", "os", "ly", "kem",
];

fn word(mut n: u64) -> String {
    let mut w = String::new();
    loop {
        w.push_str(SYLLABLES[(n % SYLLABLES.len() as u64) as usize]);
        n /= SYLLABLES.len() as u64;
        if n == 0 {
            break;
        }
    }
    w
}

struct Storyline {
    id: u64,
    words: Vec<String>,
    ends: i64,
}

struct Stream {
    rng: Rng,
    zipf: Vec<f64>,
    background: Vec<String>,
    lines: Vec<Storyline>,
    next_id: u64,
    day: i64,
    made: u64,
}

const PER_DAY: u64 = 200;
const RUNNING: usize = 300;
const BACKGROUND: usize = 20_000;

impl Stream {
    fn new(seed: u64) -> Stream {
        let mut acc = 0.0;
        let zipf = (1..=BACKGROUND)
            .map(|r| {
                acc += 1.0 / r as f64;
                acc
            })
            .collect();
        let background = (0..BACKGROUND as u64).map(|i| word(i + 7)).collect();
        let mut s = Stream {
            rng: Rng(seed | 1),
            zipf,
            background,
            lines: Vec::new(),
            next_id: 0,
            day: 20_089,
            made: 0,
        };
        for _ in 0..RUNNING {
            let line = s.storyline();
            s.lines.push(line);
        }
        s
    }

    fn storyline(&mut self) -> Storyline {
        let id = self.next_id;
        self.next_id += 1;
        let words = (0..24)
            .map(|i| {
                // Words of their own: far beyond the background's range.
                let w = word(1_000_000 + id * 64 + i);
                if i % 2 == 0 {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or(w)
                } else {
                    w
                }
            })
            .collect();
        Storyline {
            id,
            words,
            ends: self.day + 2 + self.rng.below(59) as i64,
        }
    }

    fn background_word(&mut self) -> &str {
        let total = *self.zipf.last().expect("non-empty");
        let x = self.rng.unit() * total;
        let i = self.zipf.partition_point(|&c| c < x).min(BACKGROUND - 1);
        &self.background[i]
    }

    /// `n` words, each from storyline `line` with probability `share`, else from the
    /// background.
    fn words(&mut self, line: usize, n: usize, share: f64) -> Vec<String> {
        (0..n)
            .map(|_| {
                if self.rng.unit() < share {
                    self.lines[line].words[self.rng.below(24)].clone()
                } else {
                    self.background_word().to_string()
                }
            })
            .collect()
    }

    fn article(&mut self) -> (StoryDoc, u64) {
        if self.made > 0 && self.made.is_multiple_of(PER_DAY) {
            self.day += 1;
            for i in 0..self.lines.len() {
                if self.lines[i].ends < self.day {
                    self.lines[i] = self.storyline();
                }
            }
        }
        self.made += 1;
        // Popular storylines get more articles.
        let pick = (self.rng.unit().powi(2) * RUNNING as f64) as usize;
        let line = pick.min(RUNNING - 1);
        let title = self.words(line, 7, 0.5);
        let body = self.words(line, 120, 0.25);
        let text = body
            .chunks(12)
            .map(|s| {
                let mut s = s.join(" ");
                if let Some(f) = s.get(..1) {
                    s = f.to_uppercase() + &s[1..];
                }
                s + "."
            })
            .collect::<Vec<_>>()
            .join(" ");
        let doc = StoryDoc {
            id: format!("{:016x}", self.made),
            date: Some(iso_day(self.day)),
            title: title.join(" "),
            text,
            ..StoryDoc::default()
        };
        (doc, self.lines[line].id)
    }
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let total: usize = if quick { 100_000 } else { 1_000_000 };
    let block = total / 10;
    println!(
        "story clustering, {total} generated articles ({PER_DAY} a day, {RUNNING} running storylines)"
    );
    println!(
        "{:>9} {:>11} {:>7} {:>8} {:>7} {:>10} {:>10}",
        "articles", "articles/s", "MB/s", "stories", "active", "index keys", "vocabulary"
    );
    let mut stream = Stream::new(7);
    let mut clusterer = OnlineClusterer::new(Params::default());
    let mut cells: HashMap<(u64, String), u64> = HashMap::new();
    let mut gold: HashMap<u64, u64> = HashMap::new();
    let mut pred: HashMap<String, u64> = HashMap::new();
    let (mut done, mut seconds) = (0usize, 0.0);
    while done < total {
        let batch: Vec<(StoryDoc, u64)> = (0..block).map(|_| stream.article()).collect();
        let bytes: usize = batch
            .iter()
            .map(|(d, _)| d.text.len() + d.title.len())
            .sum();
        let mut labels = Vec::with_capacity(block);
        let started = Instant::now();
        for (doc, line) in batch {
            let story = clusterer.add(doc).story().to_string();
            labels.push((line, story));
        }
        let elapsed = started.elapsed().as_secs_f64();
        for (line, story) in labels {
            *gold.entry(line).or_default() += 1;
            *pred.entry(story.clone()).or_default() += 1;
            *cells.entry((line, story)).or_default() += 1;
        }
        seconds += elapsed;
        done += block;
        println!(
            "{:>9} {:>11.0} {:>7.1} {:>8} {:>7} {:>10} {:>10}",
            done,
            block as f64 / elapsed,
            bytes as f64 / elapsed / 1e6,
            clusterer.len(),
            clusterer.active(),
            clusterer.index_ref().keys(),
            clusterer.vocabulary(),
        );
    }
    let tp: u64 = cells.values().map(|&n| pairs(n)).sum();
    let predicted: u64 = pred.values().map(|&n| pairs(n)).sum();
    let expected: u64 = gold.values().map(|&n| pairs(n)).sum();
    println!(
        "overall {:.0} articles/s; {} storylines, {} stories; pairwise precision {:.3} recall {:.3}",
        done as f64 / seconds,
        gold.len(),
        pred.len(),
        tp as f64 / predicted.max(1) as f64,
        tp as f64 / expected.max(1) as f64,
    );
}
