//! Feature extraction by incremental hashing.
//!
//! Every feature is a (template, value) pair hashed to a `u64` without building a
//! string: each token's characters are fed once into a handful of running hashes (the
//! word, its lowercase with digits folded to `0`, its shape, prefixes and suffixes), and
//! every feature is then a mix of a template seed with those per-token hashes (its own
//! or its neighbours'). The top bits of the final hash index a row of the weight table
//! (feature hashing): collisions are rare at 2^20+ rows and cost little accuracy.
//!
//! Templates (token `i` of a sentence):
//! - bias; the word; its lowercase; long shape ("Xxxxx", "X.X.", "dddd") and short
//!   shape (runs collapsed: "Xx", "X.X.", "d"); prefixes and suffixes of 1–4 chars;
//! - orthographic flags: initial capital, all capitals, mixed case, digits, hyphen,
//!   period, apostrophe, punctuation only, length bucket; sentence-initial (alone and
//!   with the capitalisation flags); the whole sentence in capitals (headlines);
//! - lowercase words at ±1, ±2; word bigrams (i−1,i), (i,i+1); short-shape trigram and
//!   bigrams around i; suffix-3 of the neighbours;
//! - word clusters (several flat clusterings, from unlabelled news text) of i, i±1,
//!   and a cluster-id bigram;
//! - how often the word is capitalised mid-sentence in unlabelled text (a bucket), alone
//!   and with sentence-initial / headline position: it tells "The" from "Tehran";
//! - gazetteer flags of i and i±1, when the model was trained with them.

use crate::gazetteer::GazFlags;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const FNV: u64 = 0x0000_0100_0000_01B3;

/// Sentinel hashes for positions outside the sentence.
const BOS: u64 = 0x1234_5678_9abc_def1;
const EOS: u64 = 0x0fed_cba9_8765_4321;

#[inline]
fn feed(h: u64, c: char) -> u64 {
    let v = c as u32;
    if v < 0x80 {
        (h ^ v as u64).wrapping_mul(FNV)
    } else {
        let h = (h ^ 0xff).wrapping_mul(FNV);
        let h = (h ^ (v & 0xff) as u64).wrapping_mul(FNV);
        let h = (h ^ ((v >> 8) & 0xff) as u64).wrapping_mul(FNV);
        (h ^ (v >> 16) as u64).wrapping_mul(FNV)
    }
}

#[inline]
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    (a.rotate_left(29) ^ b).wrapping_mul(K1)
}

/// Maps typographic variants to the ASCII forms of the CoNLL data.
#[inline]
fn norm_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' => ' ',
        c => c,
    }
}

#[inline]
fn lower_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

#[inline]
fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

const SEED_WORD: u64 = 0x51ed_2701_a9f3_0c11;
const SEED_LOWER: u64 = 0x2545_f491_4f6c_dd1d;

/// The lexicon keys of a word: its exact (normalised) form and its lowercase form with
/// digits folded to `0`. Cluster tables are keyed by the first, capitalisation
/// statistics by the second.
pub fn word_keys(word: &str) -> (u64, u64) {
    let mut w = SEED_WORD;
    let mut l = SEED_LOWER;
    for c in word.chars() {
        let c = norm_char(c);
        w = feed(w, c);
        let lc = lower_char(c);
        l = feed(l, if lc.is_ascii_digit() { '0' } else { lc });
    }
    (fmix(w), fmix(l))
}

/// Orthographic flag bits of a token.
mod flag {
    pub const INIT_CAP: u32 = 1;
    pub const ALL_CAPS: u32 = 1 << 1;
    pub const MIXED: u32 = 1 << 2;
    pub const HAS_DIGIT: u32 = 1 << 3;
    pub const ALL_DIGIT: u32 = 1 << 4;
    pub const HYPHEN: u32 = 1 << 5;
    pub const PERIOD: u32 = 1 << 6;
    pub const APOS: u32 = 1 << 7;
    pub const PUNCT: u32 = 1 << 8;
    pub const COUNT: u32 = 9;
}

/// Per-token hashes and flags, computed once per token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokInfo {
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    nchars: u32,
    flags: u32,
    len_bucket: u32,
    clusters: [u16; MAX_CLUSTERINGS],
    caps: u8,
}

/// Most cluster tables a lexicon may hold.
pub const MAX_CLUSTERINGS: usize = 4;

/// Capitalisation bucket for a word never seen in the unlabelled text.
pub const CAPS_UNSEEN: u8 = 0;

/// Identity hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Word statistics from unlabelled text that the features use: cluster ids per exact
/// word form, capitalisation bucket per lowercase form. Built by
/// `newsgraph-ner-clusters`, stored inside the model.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Number of cluster tables (0..=[`MAX_CLUSTERINGS`]).
    pub n_clusterings: usize,
    /// Exact-form key → cluster id + 1 per clustering (0 = unknown).
    pub(crate) clusters: IdMap<[u16; MAX_CLUSTERINGS]>,
    /// Lowercase key → capitalisation bucket (1..=5; see [`caps_bucket`]).
    pub(crate) caps: IdMap<u8>,
}

/// The capitalisation bucket of a lowercase form seen `total` times mid-sentence of
/// which `capitalised` started with a capital: 1 never, 2 rarely (<10%), 3 sometimes,
/// 4 mostly (>60%), 5 always (>97%). Rarely seen words (< 3) get 6 or 7 (some / no capitals).
pub fn caps_bucket(total: u64, capitalised: u64) -> u8 {
    if total == 0 {
        return CAPS_UNSEEN;
    }
    if total < 3 {
        return if capitalised > 0 { 6 } else { 7 };
    }
    let r = capitalised as f64 / total as f64;
    if capitalised == 0 {
        1
    } else if r < 0.1 {
        2
    } else if r <= 0.6 {
        3
    } else if r <= 0.97 {
        4
    } else {
        5
    }
}

impl Lexicon {
    /// Adds a word's cluster ids (each `< 65535`).
    pub fn insert_clusters(&mut self, word: &str, ids: &[u16]) {
        let (k, _) = word_keys(word);
        let mut v = [0u16; MAX_CLUSTERINGS];
        for (slot, id) in v.iter_mut().zip(ids) {
            *slot = id.saturating_add(1);
        }
        self.n_clusterings = self.n_clusterings.max(ids.len().min(MAX_CLUSTERINGS));
        self.clusters.insert(k, v);
    }

    /// Sets the capitalisation bucket of a (lowercase) word.
    pub fn insert_caps(&mut self, word: &str, bucket: u8) {
        let (_, l) = word_keys(word);
        self.caps.insert(l, bucket);
    }

    /// Reads a lexicon file: lines `C<TAB>word<TAB>id<TAB>id…` (cluster ids of an exact
    /// word form, one per clustering) and `K<TAB>lowercase word<TAB>bucket`
    /// (capitalisation bucket); `#` starts a comment line.
    pub fn parse(text: &str) -> Result<Lexicon, crate::NerError> {
        let mut lex = Lexicon::default();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: &str| crate::NerError::Lexicon {
                line: i + 1,
                message: message.to_string(),
            };
            let mut cols = line.split('\t');
            let kind = cols.next().unwrap_or("");
            let word = cols.next().ok_or_else(|| err("missing word"))?;
            let nums: Vec<u16> = cols
                .map(|c| c.parse::<u16>().map_err(|_| err("bad number")))
                .collect::<Result<_, _>>()?;
            match kind {
                "C" if !nums.is_empty() && nums.len() <= MAX_CLUSTERINGS => {
                    if lex.n_clusterings != 0 && nums.len() != lex.n_clusterings {
                        return Err(err("cluster count differs from earlier lines"));
                    }
                    lex.insert_clusters(word, &nums)
                }
                "K" if nums.len() == 1 && nums[0] < 256 => lex.insert_caps(word, nums[0] as u8),
                _ => return Err(err("expected C<TAB>word<TAB>ids… or K<TAB>word<TAB>bucket")),
            }
        }
        Ok(lex)
    }

    /// Number of words with clusters and with capitalisation statistics.
    pub fn len(&self) -> (usize, usize) {
        (self.clusters.len(), self.caps.len())
    }

    /// No statistics at all.
    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty() && self.caps.is_empty()
    }
}

/// Which optional feature groups a model uses (stored in its header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureConfig {
    /// Use gazetteer flags.
    pub gazetteer: bool,
    /// Use word clusters.
    pub clusters: bool,
    /// Use capitalisation statistics.
    pub caps: bool,
    /// Use document features (first-stage labels of the same word elsewhere in the
    /// document): the second-stage model.
    pub doc: bool,
}

impl FeatureConfig {
    pub(crate) fn bits(self) -> u32 {
        self.gazetteer as u32
            | (self.clusters as u32) << 1
            | (self.caps as u32) << 2
            | (self.doc as u32) << 3
    }

    pub(crate) fn from_bits(b: u32) -> FeatureConfig {
        FeatureConfig {
            gazetteer: b & 1 != 0,
            clusters: b & 2 != 0,
            caps: b & 4 != 0,
            doc: b & 8 != 0,
        }
    }
}

/// Document context of one token for the second stage: the first-stage label of the
/// token and how the other occurrences of the same word (case-insensitive) in the
/// document were labelled by the first stage: counts of O, PER, ORG, LOC, MISC.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocFeat {
    /// First-stage label of this token.
    pub own: u8,
    /// First-stage label of the previous token (`u8::MAX` at the sentence start).
    pub prev: u8,
    /// First-stage label of the next token (`u8::MAX` at the sentence end).
    pub next: u8,
    /// Other occurrences by first-stage class (O, PER, ORG, LOC, MISC).
    pub hist: [u16; 5],
}

/// Reusable feature extractor: call [`Extractor::sentence`] then read the feature
/// indices of each token. Holds buffers so that tagging allocates nothing per token.
#[derive(Debug, Default)]
pub(crate) struct Extractor {
    pub(crate) info: Vec<TokInfo>,
    /// Row indices, `per_token` per token (padded with a dummy slot when fewer).
    pub(crate) feats: Vec<u32>,
    /// Start of each token's features in `feats` (len = n + 1).
    pub(crate) offsets: Vec<u32>,
}

// Template seeds.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_SHORT: u64 = 5;
const T_PRE: u64 = 6; // +0..4
const T_SUF: u64 = 10; // +0..4
const T_FLAG: u64 = 14;
const T_LEN: u64 = 15;
const T_FIRST: u64 = 16;
const T_FIRST_FLAG: u64 = 17;
const T_CAPS_SENT: u64 = 18;
const T_LOWER_M1: u64 = 19;
const T_LOWER_P1: u64 = 20;
const T_LOWER_M2: u64 = 21;
const T_LOWER_P2: u64 = 22;
const T_BI_M: u64 = 23;
const T_BI_P: u64 = 24;
const T_SHAPE3: u64 = 25;
const T_SHAPE_M: u64 = 26;
const T_SHAPE_P: u64 = 27;
const T_SUF_M1: u64 = 28;
const T_SUF_P1: u64 = 29;
const T_CLUS: u64 = 30; // +0..4
const T_CLUS_M1: u64 = 34; // +0..4
const T_CLUS_P1: u64 = 38; // +0..4
const T_CLUS_BI: u64 = 42;
const T_CAPS: u64 = 43;
const T_CAPS_FIRST: u64 = 44;
const T_CAPS_SHAPE: u64 = 45;
const T_GAZ: u64 = 46;
const T_GAZ_M1: u64 = 47;
const T_GAZ_P1: u64 = 48;
const T_WORD_M1: u64 = 49;
const T_WORD_P1: u64 = 50;
const T_CAPS_HEAD: u64 = 51;
const T_S1: u64 = 52;
const T_S1_M1: u64 = 53;
const T_S1_P1: u64 = 54;
const T_DOC_HAS: u64 = 55;
const T_DOC_MAJ: u64 = 56;
const T_DOC_MAJ_SH: u64 = 57;
const T_DOC_MAJ_OWN: u64 = 58;
const T_DOC_ENT: u64 = 59;
const T_DOC_ENT_FRAC: u64 = 60;

#[inline]
fn seed(t: u64) -> u64 {
    t.wrapping_mul(0xA076_1D64_78BD_642F) ^ 0xE703_7ED1_A0B4_28DB
}

fn token_info(tok: &str, lex: &Lexicon, cfg: FeatureConfig) -> TokInfo {
    let mut w = SEED_WORD;
    let mut l = SEED_LOWER;
    let mut shape = 0x77u64;
    let mut short = 0x55u64;
    let mut last_shape = '\0';
    let mut run = 0u32;
    let mut pre = [0u64; 4];
    let mut ring = ['\0'; 4];
    let mut n = 0u32;
    let (mut upper, mut lower, mut digit, mut alnum) = (0u32, 0u32, 0u32, 0u32);
    let mut flags = 0u32;
    let mut first_upper = false;
    for c in tok.chars() {
        let c = norm_char(c);
        w = feed(w, c);
        let lc = lower_char(c);
        let ld = if lc.is_ascii_digit() { '0' } else { lc };
        l = feed(l, ld);
        if n < 4 {
            pre[n as usize] = l;
        }
        ring[(n % 4) as usize] = ld;
        let s = shape_char(c);
        if s == last_shape {
            run += 1;
        } else {
            run = 1;
            short = feed(short, s);
            last_shape = s;
        }
        if run <= 4 {
            shape = feed(shape, s);
        }
        match s {
            'X' => {
                upper += 1;
                if n == 0 {
                    first_upper = true;
                }
            }
            'x' => lower += 1,
            'd' => digit += 1,
            '-' => flags |= flag::HYPHEN,
            '.' => flags |= flag::PERIOD,
            '\'' => flags |= flag::APOS,
            _ => {}
        }
        if c.is_alphanumeric() {
            alnum += 1;
        }
        n += 1;
    }
    if first_upper {
        flags |= flag::INIT_CAP;
    }
    if upper > 0 && lower == 0 {
        flags |= flag::ALL_CAPS;
    }
    if upper > 1 && lower > 0 {
        flags |= flag::MIXED;
    }
    if digit > 0 {
        flags |= flag::HAS_DIGIT;
        if digit == n {
            flags |= flag::ALL_DIGIT;
        }
    }
    if alnum == 0 {
        flags |= flag::PUNCT;
    }
    let mut suf = [0u64; 4];
    for (k, s) in suf.iter_mut().enumerate() {
        let k = k as u32 + 1;
        if n < k {
            break;
        }
        let mut h = SEED_LOWER ^ 0x5a5a;
        for j in (n - k)..n {
            h = feed(h, ring[(j % 4) as usize]);
        }
        *s = h;
    }
    let (wk, lk) = (fmix(w), fmix(l));
    let clusters = if cfg.clusters {
        lex.clusters.get(&wk).copied().unwrap_or_default()
    } else {
        [0; MAX_CLUSTERINGS]
    };
    let caps = if cfg.caps {
        lex.caps.get(&lk).copied().unwrap_or(CAPS_UNSEEN)
    } else {
        CAPS_UNSEEN
    };
    let len_bucket = match n {
        0..=3 => n,
        4..=5 => 4,
        6..=8 => 5,
        _ => 6,
    };
    TokInfo {
        word: wk,
        lower: lk,
        shape,
        short,
        pre,
        suf,
        nchars: n,
        flags,
        len_bucket,
        clusters,
        caps,
    }
}

impl Extractor {
    /// Computes the features of every token of a sentence. `gaz` holds one flag set per
    /// token (or is empty).
    pub(crate) fn sentence(
        &mut self,
        tokens: &[&str],
        gaz: &[GazFlags],
        doc: &[DocFeat],
        lex: &Lexicon,
        cfg: FeatureConfig,
        bits: u32,
    ) {
        self.info.clear();
        self.info
            .extend(tokens.iter().map(|t| token_info(t, lex, cfg)));
        self.feats.clear();
        self.offsets.clear();
        let n = tokens.len();
        // A headline: most words in capitals.
        let (mut caps_words, mut words) = (0, 0);
        for t in &self.info {
            if t.flags & flag::PUNCT == 0 && t.flags & flag::ALL_DIGIT == 0 {
                words += 1;
                if t.flags & flag::ALL_CAPS != 0 && t.nchars > 1 {
                    caps_words += 1;
                }
            }
        }
        let headline = words >= 2 && caps_words * 2 > words;
        let shift = 64 - bits;
        let nclus = if cfg.clusters { lex.n_clusterings } else { 0 };
        for i in 0..n {
            self.offsets.push(self.feats.len() as u32);
            let t = self.info[i];
            let get = |j: isize| -> Option<&TokInfo> {
                if j < 0 {
                    None
                } else {
                    self.info.get(j as usize)
                }
            };
            let ii = i as isize;
            let (m1, m2, p1, p2) = (get(ii - 1), get(ii - 2), get(ii + 1), get(ii + 2));
            let lw = |o: Option<&TokInfo>, edge: u64| o.map_or(edge, |x| x.lower);
            let sh = |o: Option<&TokInfo>, edge: u64| o.map_or(edge, |x| x.short);
            let feats = &mut self.feats;
            let mut push = |h: u64| feats.push((fmix(h) >> shift) as u32);
            push(seed(T_BIAS));
            push(mix(seed(T_WORD), t.word));
            push(mix(seed(T_LOWER), t.lower));
            push(mix(seed(T_SHAPE), t.shape));
            push(mix(seed(T_SHORT), t.short));
            for k in 0..4 {
                if (k as u32) < t.nchars {
                    push(mix(seed(T_PRE + k as u64), t.pre[k]));
                    push(mix(seed(T_SUF + k as u64), t.suf[k]));
                }
            }
            for b in 0..flag::COUNT {
                if t.flags & (1 << b) != 0 {
                    push(mix(seed(T_FLAG), b as u64));
                }
            }
            push(mix(seed(T_LEN), t.len_bucket as u64));
            let cap_flags = (t.flags & (flag::INIT_CAP | flag::ALL_CAPS)) as u64;
            if i == 0 {
                push(seed(T_FIRST));
                push(mix(seed(T_FIRST_FLAG), cap_flags));
            }
            if headline {
                push(mix(seed(T_CAPS_SENT), t.lower));
                push(mix(seed(T_CAPS_SENT), t.short));
            }
            push(mix(seed(T_LOWER_M1), lw(m1, BOS)));
            push(mix(seed(T_LOWER_P1), lw(p1, EOS)));
            push(mix(seed(T_LOWER_M2), lw(m2, BOS)));
            push(mix(seed(T_LOWER_P2), lw(p2, EOS)));
            push(mix(seed(T_WORD_M1), m1.map_or(BOS, |x| x.word)));
            push(mix(seed(T_WORD_P1), p1.map_or(EOS, |x| x.word)));
            push(mix(mix(seed(T_BI_M), lw(m1, BOS)), t.lower));
            push(mix(mix(seed(T_BI_P), t.lower), lw(p1, EOS)));
            push(mix(
                mix(mix(seed(T_SHAPE3), sh(m1, BOS)), t.short),
                sh(p1, EOS),
            ));
            push(mix(mix(seed(T_SHAPE_M), sh(m1, BOS)), t.short));
            push(mix(mix(seed(T_SHAPE_P), t.short), sh(p1, EOS)));
            push(mix(seed(T_SUF_M1), m1.map_or(BOS, |x| x.suf[2])));
            push(mix(seed(T_SUF_P1), p1.map_or(EOS, |x| x.suf[2])));
            for c in 0..nclus {
                let k = c as u64;
                push(mix(seed(T_CLUS + k), t.clusters[c] as u64));
                push(mix(
                    seed(T_CLUS_M1 + k),
                    m1.map_or(0x00ff_ffff, |x| x.clusters[c] as u64),
                ));
                push(mix(
                    seed(T_CLUS_P1 + k),
                    p1.map_or(0x00ff_ffff, |x| x.clusters[c] as u64),
                ));
            }
            if nclus > 0 {
                let c = nclus - 1;
                push(mix(
                    mix(
                        seed(T_CLUS_BI),
                        m1.map_or(0x00ff_ffff, |x| x.clusters[c] as u64),
                    ),
                    t.clusters[c] as u64,
                ));
            }
            if cfg.caps {
                push(mix(seed(T_CAPS), t.caps as u64));
                push(mix(mix(seed(T_CAPS_SHAPE), t.caps as u64), t.short));
                if i == 0 {
                    push(mix(mix(seed(T_CAPS_FIRST), t.caps as u64), cap_flags));
                }
                if headline {
                    push(mix(seed(T_CAPS_HEAD), t.caps as u64));
                }
            }
            if cfg.doc {
                if let Some(d) = doc.get(i) {
                    push(mix(seed(T_S1), d.own as u64));
                    push(mix(seed(T_S1_M1), d.prev as u64));
                    push(mix(seed(T_S1_P1), d.next as u64));
                    let total: u32 = d.hist.iter().map(|&c| c as u32).sum();
                    if total > 0 {
                        let mut maj = 0;
                        for c in 0..5 {
                            if d.hist[c] > 0 {
                                push(mix(seed(T_DOC_HAS), c as u64));
                            }
                            if d.hist[c] > d.hist[maj] {
                                maj = c;
                            }
                        }
                        push(mix(seed(T_DOC_MAJ), maj as u64));
                        push(mix(mix(seed(T_DOC_MAJ_SH), maj as u64), t.short));
                        push(mix(mix(seed(T_DOC_MAJ_OWN), maj as u64), d.own as u64));
                        let mut ent = 1;
                        for c in 2..5 {
                            if d.hist[c] > d.hist[ent] {
                                ent = c;
                            }
                        }
                        if d.hist[ent] > 0 {
                            push(mix(seed(T_DOC_ENT), ent as u64));
                            let frac = (4 * d.hist[ent] as u32).checked_div(total).unwrap_or(0);
                            push(mix(mix(seed(T_DOC_ENT_FRAC), ent as u64), frac as u64));
                        }
                    }
                }
            }
            if cfg.gazetteer && !gaz.is_empty() {
                let g = |j: isize| -> u16 {
                    if j < 0 {
                        0
                    } else {
                        gaz.get(j as usize).map_or(0, |f| f.0)
                    }
                };
                for b in 0..16u64 {
                    if g(ii) & (1 << b) != 0 {
                        push(mix(seed(T_GAZ), b));
                        push(mix(mix(seed(T_GAZ), b), t.short));
                    }
                    if g(ii - 1) & (1 << b) != 0 {
                        push(mix(seed(T_GAZ_M1), b));
                    }
                    if g(ii + 1) & (1 << b) != 0 {
                        push(mix(seed(T_GAZ_P1), b));
                    }
                }
            }
        }
        self.offsets.push(self.feats.len() as u32);
    }
}

/// Document context of every token of a document (sentences with their first-stage
/// labels); see [`DocFeat`]. Only words starting with a letter are counted.
pub(crate) fn doc_feats<S: AsRef<str>>(
    sents: &[&[S]],
    labels: &[Vec<u8>],
    scheme: crate::tags::Scheme,
) -> Vec<Vec<DocFeat>> {
    let class = |l: u8| -> usize {
        match scheme.decode(l).1 {
            None => 0,
            Some(t) => 1 + t.index(),
        }
    };
    let key = |t: &str| -> Option<u64> {
        t.chars()
            .next()
            .filter(|c| c.is_alphabetic())
            .map(|_| word_keys(t).1)
    };
    let mut counts: IdMap<[u16; 5]> = IdMap::default();
    for (s, ls) in sents.iter().zip(labels) {
        for (t, &l) in s.iter().zip(ls) {
            if let Some(k) = key(t.as_ref()) {
                let e = counts.entry(k).or_default();
                e[class(l)] = e[class(l)].saturating_add(1);
            }
        }
    }
    sents
        .iter()
        .zip(labels)
        .map(|(s, ls)| {
            (0..s.len().min(ls.len()))
                .map(|i| {
                    let own = ls[i];
                    let mut hist = key(s[i].as_ref())
                        .and_then(|k| counts.get(&k).copied())
                        .unwrap_or_default();
                    let c = class(own);
                    hist[c] = hist[c].saturating_sub(1);
                    DocFeat {
                        own,
                        prev: if i == 0 { u8::MAX } else { ls[i - 1] },
                        next: ls.get(i + 1).copied().unwrap_or(u8::MAX),
                        hist,
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_normalise_quotes_and_digits() {
        assert_eq!(word_keys("Iran’s").0, word_keys("Iran's").0);
        assert_eq!(word_keys("1996").1, word_keys("2024").1);
        assert_ne!(word_keys("1996").0, word_keys("2024").0);
        assert_eq!(word_keys("Tehran").1, word_keys("TEHRAN").1);
    }

    #[test]
    fn features_are_deterministic_and_in_range() {
        let lex = Lexicon::default();
        let cfg = FeatureConfig {
            gazetteer: false,
            clusters: true,
            caps: true,
            doc: false,
        };
        let mut a = Extractor::default();
        a.sentence(
            &["Peter", "Blackburn", "said", "."],
            &[],
            &[],
            &lex,
            cfg,
            16,
        );
        let first = a.feats.clone();
        a.sentence(
            &["Peter", "Blackburn", "said", "."],
            &[],
            &[],
            &lex,
            cfg,
            16,
        );
        assert_eq!(first, a.feats);
        assert!(a.feats.iter().all(|&f| f < 1 << 16));
        assert_eq!(a.offsets.len(), 5);
        a.sentence(&[], &[], &[], &lex, cfg, 16);
        assert_eq!(a.offsets, vec![0]);
    }
}
