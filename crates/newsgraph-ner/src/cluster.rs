//! Word clusters and capitalisation statistics from unlabelled text (used to build the
//! lexicon the features read; see the `newsgraph-ner-clusters` binary).
//!
//! ## Clusters: the exchange algorithm
//!
//! Words are put into `K` classes so as to maximise the likelihood of a class bigram
//! model, `Σ_{c,d} N(c,d) log N(c,d) − 2 Σ_c N(c) log N(c)` (N = class bigram and class
//! counts), the objective of Brown clustering. Instead of Brown's bottom-up merging,
//! words are moved one at a time to the class that raises the objective most
//! (Kneser & Ney 1993; Martin et al. 1998), which costs O(K · neighbours) per word and
//! finishes in seconds on a few million tokens. Several clusterings of different sizes
//! (e.g. 32, 128, 512) give coarse and fine word classes, as Brown-cluster prefixes do.
//! Words seen fewer than `min_count` times share one class.
//!
//! ## Capitalisation statistics
//!
//! For every lowercase word form, how many of its occurrences not at the start of a
//! sentence (and not in an all-capitals headline) start with a capital letter.

use std::collections::HashMap;

/// Token ids of a corpus; 0 marks a sentence boundary, 1 a rare word.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Word → id.
    pub ids: HashMap<String, u32>,
    /// Id → word.
    pub words: Vec<String>,
    /// Id → count.
    pub counts: Vec<u64>,
    /// The token stream, sentences separated by 0.
    pub stream: Vec<u32>,
    /// Lowercase form → (mid-sentence occurrences, of which capitalised).
    pub caps: HashMap<String, (u64, u64)>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Corpus {
        let mut c = Corpus::default();
        for w in ["<s>", "<unk>"] {
            c.ids.insert(w.to_string(), c.words.len() as u32);
            c.words.push(w.to_string());
            c.counts.push(0);
        }
        c
    }

    /// Adds one tokenised sentence.
    pub fn add_sentence<S: AsRef<str>>(&mut self, tokens: &[S]) {
        if tokens.is_empty() {
            return;
        }
        let (mut words, mut caps) = (0, 0);
        for t in tokens {
            let t = t.as_ref();
            if t.chars().any(char::is_alphabetic) {
                words += 1;
                if !t.chars().any(char::is_lowercase) && t.chars().count() > 1 {
                    caps += 1;
                }
            }
        }
        let headline = words >= 2 && caps * 2 > words;
        for (i, t) in tokens.iter().enumerate() {
            let t = t.as_ref();
            let id = match self.ids.get(t) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.ids.insert(t.to_string(), id);
                    self.words.push(t.to_string());
                    self.counts.push(0);
                    id
                }
            };
            self.counts[id as usize] += 1;
            self.stream.push(id);
            if i > 0 && !headline {
                let Some(first) = t.chars().next() else {
                    continue;
                };
                if first.is_alphabetic() {
                    let e = self.caps.entry(t.to_lowercase()).or_default();
                    e.0 += 1;
                    if first.is_uppercase() {
                        e.1 += 1;
                    }
                }
            }
        }
        self.stream.push(0);
        self.counts[0] += 1;
    }

    /// Adds plain text: split into sentences and tokens by `newsgraph_segment`.
    pub fn add_text(&mut self, text: &str) {
        let (sents, toks) = newsgraph_segment::segment(text);
        let mut k = 0;
        for s in sents {
            let mut words = Vec::new();
            while k < toks.len() && toks[k].start < s.end {
                words.push(&text[toks[k].start..toks[k].end]);
                k += 1;
            }
            self.add_sentence(&words);
        }
    }
}

/// Bodies of the articles in a Reuters-21578 SGML file (entities decoded).
pub fn reuters_bodies(sgml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = sgml;
    while let Some(a) = rest.find("<BODY>") {
        let after = &rest[a + 6..];
        let Some(b) = after.find("</BODY>") else {
            break;
        };
        let body = &after[..b];
        let body = body
            .trim_end()
            .trim_end_matches("&#3;")
            .trim_end()
            .trim_end_matches("Reuter")
            .trim_end_matches("REUTER");
        out.push(
            body.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#3;", "")
                .replace("&amp;", "&"),
        );
        rest = &after[b..];
    }
    out
}

/// Moves words between `k` classes for `iters` passes; returns the class of every id.
/// Ids with count < `min_count` (and the rare-word id 1) are merged into one word.
pub fn exchange(corpus: &Corpus, k: usize, min_count: u64, iters: usize) -> Vec<u32> {
    let nw = corpus.words.len();
    // Map rare words to id 1.
    let map: Vec<u32> = (0..nw)
        .map(|i| {
            if i >= 2 && corpus.counts[i] < min_count {
                1
            } else {
                i as u32
            }
        })
        .collect();
    let mut count = vec![0u64; nw];
    for &w in &corpus.stream {
        count[map[w as usize] as usize] += 1;
    }
    let mut pairs: Vec<u64> = corpus
        .stream
        .windows(2)
        .map(|w| (map[w[0] as usize] as u64) << 32 | map[w[1] as usize] as u64)
        .collect();
    pairs.sort_unstable();
    // Run-length encode into (a, b, n).
    let mut big: Vec<(u32, u32, u64)> = Vec::new();
    for p in pairs {
        let (a, b) = ((p >> 32) as u32, p as u32);
        match big.last_mut() {
            Some(x) if x.0 == a && x.1 == b => x.2 += 1,
            _ => big.push((a, b, 1)),
        }
    }
    let mut right: Vec<Vec<(u32, u64)>> = vec![Vec::new(); nw];
    let mut left: Vec<Vec<(u32, u64)>> = vec![Vec::new(); nw];
    let mut self_pairs = vec![0u64; nw];
    for &(a, b, n) in &big {
        if a == b {
            self_pairs[a as usize] += n;
        } else {
            right[a as usize].push((b, n));
            left[b as usize].push((a, n));
        }
    }
    // Active words by descending count; initial classes round-robin by rank.
    let mut active: Vec<u32> = (0..nw as u32)
        .filter(|&w| count[w as usize] > 0 && map[w as usize] == w)
        .collect();
    active.sort_by_key(|&w| std::cmp::Reverse(count[w as usize]));
    let mut class = vec![0u32; nw];
    for (r, &w) in active.iter().enumerate() {
        class[w as usize] = (r % k) as u32;
    }
    let mut nn = vec![0f64; k * k];
    let mut nc = vec![0f64; k];
    for &(a, b, n) in &big {
        nn[class[a as usize] as usize * k + class[b as usize] as usize] += n as f64;
    }
    for &w in &active {
        nc[class[w as usize] as usize] += count[w as usize] as f64;
    }
    let f = |x: f64| if x > 0.0 { x * x.ln() } else { 0.0 };
    let mut lc = vec![0f64; k];
    let mut rc = vec![0f64; k];
    let mut lnz: Vec<usize> = Vec::new();
    let mut rnz: Vec<usize> = Vec::new();
    for _ in 0..iters {
        let mut moved = 0usize;
        for &w in &active {
            let wi = w as usize;
            lnz.clear();
            rnz.clear();
            for &(v, n) in &left[wi] {
                let c = class[v as usize] as usize;
                if lc[c] == 0.0 {
                    lnz.push(c);
                }
                lc[c] += n as f64;
            }
            for &(v, n) in &right[wi] {
                let c = class[v as usize] as usize;
                if rc[c] == 0.0 {
                    rnz.push(c);
                }
                rc[c] += n as f64;
            }
            let a = class[wi] as usize;
            let sw = self_pairs[wi] as f64;
            let cw = count[wi] as f64;
            // Remove w from a.
            for &c in &lnz {
                nn[c * k + a] -= lc[c];
            }
            for &d in &rnz {
                nn[a * k + d] -= rc[d];
            }
            nn[a * k + a] -= sw;
            nc[a] -= cw;
            // Best class.
            let mut best = (f64::NEG_INFINITY, a);
            for b in 0..k {
                let mut delta = 0.0;
                for &c in &lnz {
                    if c != b {
                        let x = nn[c * k + b];
                        delta += f(x + lc[c]) - f(x);
                    }
                }
                for &d in &rnz {
                    if d != b {
                        let x = nn[b * k + d];
                        delta += f(x + rc[d]) - f(x);
                    }
                }
                let x = nn[b * k + b];
                delta += f(x + lc[b] + rc[b] + sw) - f(x);
                delta -= 2.0 * (f(nc[b] + cw) - f(nc[b]));
                if delta > best.0 + 1e-9 || (b == a && delta >= best.0 - 1e-9) {
                    best = (delta, b);
                }
            }
            let b = best.1;
            if b != a {
                moved += 1;
            }
            for &c in &lnz {
                nn[c * k + b] += lc[c];
            }
            for &d in &rnz {
                nn[b * k + d] += rc[d];
            }
            nn[b * k + b] += sw;
            nc[b] += cw;
            class[wi] = b as u32;
            for &c in &lnz {
                lc[c] = 0.0;
            }
            for &d in &rnz {
                rc[d] = 0.0;
            }
        }
        if moved == 0 {
            break;
        }
    }
    (0..nw).map(|i| class[map[i] as usize]).collect()
}
