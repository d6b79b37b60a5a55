//! Content ids and near-duplicate fingerprints.
//!
//! Both work on a *normalised* body ([`normalise`]): lowercase (Unicode-aware),
//! typographic quotes made straight, runs of whitespace collapsed to one space, trimmed.
//! So a copy of an article that differs only in line wrapping, quote style or case gets
//! the same id, and re-ingesting it is a no-op.
//!
//! - [`content_id`]: 32 hex digits (128 bits) of BLAKE3 over the source, a NUL byte and
//!   the normalised body. Exact duplicates (after normalisation) from the same outlet
//!   collide; the same text from two outlets gets two ids (each copy is evidence of
//!   who published it).
//! - [`fingerprint`]: a 64-bit SimHash over word 3-shingles. Similar texts get
//!   fingerprints a small [`hamming`] distance apart; [`NEAR_DUPLICATE_MAX_DISTANCE`]
//!   is the measured cut-off (its doc has the measurement). [`bands`] splits a
//!   fingerprint into four 16-bit bands for an index: two fingerprints within distance
//!   3 always share at least one band (pigeonhole), so a store looks up candidates by
//!   band and confirms with [`hamming`].
//!
//! Fingerprints are stored, so the hash is fixed here (FNV-1a 64 with a SplitMix64
//! finaliser over the shingle's words) and independent of platform, Rust release and
//! dependency versions. Changing it is a storage migration.

/// Largest [`hamming`] distance between two [`fingerprint`]s still treated as a near
/// duplicate.
///
/// Measured by `tests/dedup_threshold.rs` (run it with `--nocapture`) on 300 BBC News
/// articles (60 per category, ≥150 words) and two written for the test, each against
/// edited copies of itself, and on 44,850 unrelated BBC pairs:
///
/// | pairs | median | p95 | max | within 10 |
/// |---|---|---|---|---|
/// | reformatted (case, spacing, quotes) | 0 | 0 | 0 | 100% |
/// | page chrome added (~30 words) | 6 | 10 | 12 | 97% |
/// | one sentence added | 5 | 10 | 13 | 97% |
/// | one sentence changed | 7 | 11 | 16 | 89% |
/// | two sentences changed | 10 | 17 | 20 | 55% |
/// | one paragraph removed (279 bases) | 11 | 18 | 24 | 50% |
/// | unrelated, same category | 32 | 39 | 46 (min 17*) | 0.03%* |
/// | unrelated, other category | 32 | 39 | 48 (min 17) | 0% |
///
/// \* three same-category pairs at distance 0–1 are true duplicates in the BBC corpus;
/// every other unrelated pair is 17 or more apart. Unrelated fingerprints behave like
/// random 64-bit words (binomial, mean 32, sd 4), so the chance of an unrelated pair
/// within 10 is about 1e-8: some 0.01 false candidates per new article against a
/// million stored. 10 catches light edits of the same text (syndicated copies with
/// chrome, a corrected or added sentence); heavier rewrites are for story clustering.
///
/// [`bands`] guarantee a shared band only up to distance 3 (pigeonhole); at 4–10 a band
/// lookup finds roughly half the pairs, so a store should confirm candidates with
/// [`hamming`] and, for full recall, scan fingerprints directly (a `u64` XOR and
/// popcount per stored article, ~1 ms per million).
pub const NEAR_DUPLICATE_MAX_DISTANCE: u32 = 10;

/// Normalises text for ids and fingerprints: lowercase, straight quotes, whitespace runs
/// collapsed to one space, trimmed.
pub fn normalise(text: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut pending_space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut utf8 = [0u8; 4];
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            // Fast path: most news text is ASCII; same result as the general path.
            i += 1;
            if matches!(b, b' ' | b'\t'..=b'\r') {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(b' ');
                pending_space = false;
            }
            out.push(b.to_ascii_lowercase());
            continue;
        }
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        i += c.len_utf8();
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(b' ');
            pending_space = false;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => out.push(b'\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => out.push(b'"'),
            c => {
                for lower in c.to_lowercase() {
                    out.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
                }
            }
        }
    }
    // Only whole UTF-8 sequences were pushed, so this never fails.
    String::from_utf8(out).unwrap_or_default()
}

/// The content id of an article: 32 lowercase hex digits of BLAKE3 over `source`
/// (trimmed), a NUL byte and the [`normalise`]d body. Deterministic across runs and
/// platforms, so re-ingesting the same article finds the same id.
pub fn content_id(source: &str, body: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(source.trim().as_bytes());
    hasher.update(&[0]);
    hasher.update(normalise(body).as_bytes());
    let hex = hasher.finalize().to_hex();
    hex.as_str()[..32].to_owned()
}

/// The words fingerprints are made of: the runs of alphanumeric characters of the
/// [`normalise`]d text (so punctuation and spacing changes do not count), written
/// lowercased into `buf` with their byte ranges in `spans`, without building the
/// normalised text itself.
fn words(text: &str, buf: &mut Vec<u8>, spans: &mut Vec<(usize, usize)>) {
    let mut start: Option<usize> = None;
    let mut utf8 = [0u8; 4];
    let end_word = |buf: &Vec<u8>, start: &mut Option<usize>, spans: &mut Vec<(usize, usize)>| {
        if let Some(s) = start.take() {
            spans.push((s, buf.len()));
        }
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_alphanumeric() {
                start.get_or_insert(buf.len());
                buf.push(b.to_ascii_lowercase());
            } else {
                end_word(buf, &mut start, spans);
            }
            continue;
        }
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        i += c.len_utf8();
        // Lowercase first, then split, exactly as over the normalised text (a lowercase
        // mapping can yield a non-alphanumeric mark, as "İ" does).
        for lower in c.to_lowercase() {
            if lower.is_alphanumeric() {
                start.get_or_insert(buf.len());
                buf.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
            } else {
                end_word(buf, &mut start, spans);
            }
        }
    }
    end_word(buf, &mut start, spans);
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// SplitMix64's finaliser: spreads FNV's weak low-entropy bits over all 64.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Stable 64-bit hash of a shingle (its words joined by a 0xFF byte, which UTF-8
/// never contains).
fn shingle_hash(shingle: &[&[u8]]) -> u64 {
    let mut hash = FNV_OFFSET;
    for (i, word) in shingle.iter().enumerate() {
        if i > 0 {
            hash = fnv1a(hash, &[0xFF]);
        }
        hash = fnv1a(hash, word);
    }
    mix(hash)
}

/// Number of words per shingle.
pub const SHINGLE_WORDS: usize = 3;

/// 64-bit SimHash of `body` over word 3-shingles of the normalised text. Texts with
/// fewer than three words are one shingle; a text without words gives 0.
pub fn fingerprint(body: &str) -> u64 {
    let mut buf = Vec::with_capacity(body.len());
    let mut spans = Vec::with_capacity(body.len() / 5);
    words(body, &mut buf, &mut spans);
    let words: Vec<&[u8]> = spans.iter().map(|&(s, e)| &buf[s..e]).collect();
    if words.is_empty() {
        return 0;
    }
    // Per bit, count the shingles whose hash has it set; the SimHash bit is set when
    // more shingles have it than not.
    let mut counter = BitCounter::default();
    if words.len() < SHINGLE_WORDS {
        counter.add(shingle_hash(&words));
    } else {
        for shingle in words.windows(SHINGLE_WORDS) {
            counter.add(shingle_hash(shingle));
        }
    }
    counter.majority()
}

/// `SPREAD[b]` has byte lane `k` equal to bit `k` of `b`: adding it counts eight bits at
/// once, one per lane.
const SPREAD: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let mut k = 0;
        while k < 8 {
            table[b] |= ((b as u64 >> k) & 1) << (8 * k);
            k += 1;
        }
        b += 1;
    }
    table
};

/// Counts, for each of 64 bit positions, how many added words have that bit set:
/// eight table lookups per word instead of 64 shifts (byte-lane counters, flushed
/// before they can overflow).
struct BitCounter {
    ones: [u32; 64],
    lanes: [u64; 8],
    pending: u32,
    total: u32,
}

impl Default for BitCounter {
    fn default() -> Self {
        BitCounter {
            ones: [0; 64],
            lanes: [0; 8],
            pending: 0,
            total: 0,
        }
    }
}

impl BitCounter {
    fn add(&mut self, hash: u64) {
        for (j, lane) in self.lanes.iter_mut().enumerate() {
            *lane += SPREAD[usize::from((hash >> (8 * j)) as u8)];
        }
        self.pending += 1;
        self.total += 1;
        if self.pending == 255 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        for (j, lane) in self.lanes.iter_mut().enumerate() {
            for k in 0..8 {
                self.ones[8 * j + k] += ((*lane >> (8 * k)) & 0xFF) as u32;
            }
            *lane = 0;
        }
        self.pending = 0;
    }

    /// The word whose bit is set where more than half of the added words have it.
    fn majority(mut self) -> u64 {
        self.flush();
        let total = u64::from(self.total);
        self.ones
            .iter()
            .enumerate()
            .filter(|(_, &count)| 2 * u64::from(count) > total)
            .fold(0u64, |fp, (bit, _)| fp | 1 << bit)
    }
}

/// Number of differing bits between two fingerprints.
pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// True when two fingerprints are within [`NEAR_DUPLICATE_MAX_DISTANCE`].
pub fn is_near_duplicate(a: u64, b: u64) -> bool {
    hamming(a, b) <= NEAR_DUPLICATE_MAX_DISTANCE
}

/// The four 16-bit bands of a fingerprint, lowest bits first, for locality-sensitive
/// lookup: index each band, and fingerprints within distance 3 share at least one.
pub fn bands(fp: u64) -> [u16; 4] {
    [
        fp as u16,
        (fp >> 16) as u16,
        (fp >> 32) as u16,
        (fp >> 48) as u16,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The general, char-by-char definition the ASCII fast path must agree with.
    fn normalise_reference(text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in text.chars() {
            if c.is_whitespace() {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => out.push('\''),
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
                | '\u{00BB}' => out.push('"'),
                c => out.extend(c.to_lowercase()),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn bit_counter_counts_every_bit(hashes in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..700)) {
            let mut counter = BitCounter::default();
            let mut expected = [0u32; 64];
            for &h in &hashes {
                counter.add(h);
                for (bit, e) in expected.iter_mut().enumerate() {
                    *e += ((h >> bit) & 1) as u32;
                }
            }
            counter.flush();
            proptest::prop_assert_eq!(counter.ones, expected);
        }

        #[test]
        fn fast_normalise_agrees_with_the_reference(text in "(?s).{0,200}") {
            proptest::prop_assert_eq!(normalise(&text), normalise_reference(&text));
        }

        #[test]
        fn words_are_the_alphanumeric_runs_of_the_normalised_text(text in "(?s).{0,200}") {
            let mut buf = Vec::new();
            let mut spans = Vec::new();
            words(&text, &mut buf, &mut spans);
            let ours: Vec<&[u8]> = spans.iter().map(|&(s, e)| &buf[s..e]).collect();
            let normalised = normalise_reference(&text);
            let reference: Vec<&[u8]> = normalised
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::as_bytes)
                .collect();
            proptest::prop_assert_eq!(ours, reference);
        }

        #[test]
        fn fast_normalise_agrees_on_news_like_text(
            text in "[ \t\n\x0b\x0c\rA-Za-z0-9.,'\u{2019}\u{201C}\u{201D}\u{00A0}\u{2028}ÉİẞΣ]{0,120}"
        ) {
            proptest::prop_assert_eq!(normalise(&text), normalise_reference(&text));
        }
    }

    #[test]
    fn normalisation() {
        assert_eq!(
            normalise("  \u{201C}Hello,\u{201D}  SHE\tsaid\u{2019}s\n\n ÉTÉ "),
            "\"hello,\" she said's été"
        );
        assert_eq!(normalise(" \n "), "");
    }

    #[test]
    fn fixed_hash_values() {
        // These values are stored by users: they must never change.
        assert_eq!(
            content_id("Example Times", "A body."),
            content_id(" Example Times ", "a   BODY.")
        );
        assert_eq!(fingerprint(""), 0);
        assert_eq!(
            shingle_hash(&[b"a".as_slice(), b"b", b"c"]),
            shingle_hash(&[b"a".as_slice(), b"b", b"c"])
        );
        assert_ne!(
            shingle_hash(&[b"ab".as_slice(), b"c"]),
            shingle_hash(&[b"a".as_slice(), b"bc"])
        );
    }

    #[test]
    fn bands_cover_all_bits() {
        let fp = 0x0123_4567_89ab_cdef;
        assert_eq!(bands(fp), [0xcdef, 0x89ab, 0x4567, 0x0123]);
    }
}
