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
    normalise_with(text, |piece| out.extend_from_slice(piece));
    // Only whole UTF-8 sequences are emitted, so this never fails.
    String::from_utf8(out).unwrap_or_default()
}

/// Size of the scratch buffer [`normalise_with`] fills before handing it on.
const NORMALISE_CHUNK: usize = 4096;

/// Bytes [`normalise_with`] looks at per step of its fast path.
const BLOCK: usize = 16;

/// The [`normalise`]d text of `text`, handed to `emit` in pieces of whole UTF-8
/// sequences (through a fixed stack buffer, so [`content_id`] can hash a body of any
/// size without building its normalised copy).
///
/// Whitespace and non-ASCII characters are handled here; ASCII letters are lowercased
/// in each piece just before it is emitted (lowercasing never yields an ASCII capital,
/// and `make_ascii_lowercase` leaves the bytes of multi-byte characters alone). The
/// fast path takes 16 bytes at a time when they are printable ASCII without two spaces
/// in a row (most of a news text): such a block is copied as it is, apart from a
/// leading or trailing space, which goes through the same pending-space rule as any
/// other white space.
fn normalise_with(text: &str, mut emit: impl FnMut(&[u8])) {
    let mut buf = [0u8; NORMALISE_CHUNK];
    let mut n = 0;
    let mut flush = |buf: &mut [u8; NORMALISE_CHUNK], n: &mut usize| {
        buf[..*n].make_ascii_lowercase();
        emit(&buf[..*n]);
        *n = 0;
    };
    // A space is owed before the next character (only once something was written).
    let mut pending_space = false;
    let mut started = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut utf8 = [0u8; 4];
    while i < bytes.len() {
        // Room for a space and a block, or the longest lowercase expansion of a char.
        if n + BLOCK + 1 > NORMALISE_CHUNK {
            flush(&mut buf, &mut n);
        }
        if let Some(block) = bytes.get(i..i + BLOCK) {
            if plain_block(block) {
                i += BLOCK;
                let mut core = block;
                if let [b' ', rest @ ..] = core {
                    pending_space = started;
                    core = rest;
                }
                let trailing = core.last() == Some(&b' ');
                if trailing {
                    core = &core[..core.len() - 1];
                }
                // `core` is not empty: a block has no two spaces in a row.
                if pending_space {
                    buf[n] = b' ';
                    n += 1;
                }
                buf[n..n + core.len()].copy_from_slice(core);
                n += core.len();
                started = true;
                pending_space = trailing;
                continue;
            }
        }
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if matches!(b, b' ' | b'\t'..=b'\r') {
                pending_space = started;
                continue;
            }
            if pending_space {
                buf[n] = b' ';
                n += 1;
                pending_space = false;
            }
            buf[n] = b;
            n += 1;
            started = true;
            continue;
        }
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        i += c.len_utf8();
        if c.is_whitespace() {
            pending_space = started;
            continue;
        }
        if pending_space {
            buf[n] = b' ';
            n += 1;
            pending_space = false;
        }
        started = true;
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => {
                buf[n] = b'\'';
                n += 1;
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => {
                buf[n] = b'"';
                n += 1;
            }
            c => {
                for lower in c.to_lowercase() {
                    let enc = lower.encode_utf8(&mut utf8).as_bytes();
                    buf[n..n + enc.len()].copy_from_slice(enc);
                    n += enc.len();
                }
            }
        }
    }
    if n > 0 {
        flush(&mut buf, &mut n);
    }
}

/// Whether a block is printable ASCII (space and DEL included) without two spaces in a
/// row. Written without early exits so that it compiles to a few SIMD comparisons.
#[inline(always)]
fn plain_block(block: &[u8]) -> bool {
    let printable = block
        .iter()
        .fold(true, |ok, &b| ok & (b.wrapping_sub(0x20) < 0x60));
    let double_space = block
        .iter()
        .zip(&block[1..])
        .fold(false, |found, (&a, &b)| found | ((a == b' ') & (b == b' ')));
    printable & !double_space
}

/// The content id of an article: 32 lowercase hex digits of BLAKE3 over `source`
/// (trimmed), a NUL byte and the [`normalise`]d body. Deterministic across runs and
/// platforms, so re-ingesting the same article finds the same id.
pub fn content_id(source: &str, body: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(source.trim().as_bytes());
    hasher.update(&[0]);
    normalise_with(body, |piece| {
        hasher.update(piece);
    });
    let hex = hasher.finalize().to_hex();
    hex.as_str()[..32].to_owned()
}

/// Receives the words of a text byte by byte (see [`words`]).
trait WordSink {
    /// One byte of the current word (a new word starts after [`WordSink::end_word`]).
    fn byte(&mut self, b: u8);
    /// Several bytes of the current word: ASCII letters and digits, not yet lowercased.
    fn ascii_run(&mut self, run: &[u8]) {
        for &b in run {
            self.byte(b.to_ascii_lowercase());
        }
    }
    /// The current word, if any, is complete.
    fn end_word(&mut self);
}

/// The words fingerprints are made of: the runs of alphanumeric characters of the
/// [`normalise`]d text (so punctuation and spacing changes do not count), streamed
/// lowercased into `sink`, without building the normalised text itself.
fn words(text: &str, sink: &mut impl WordSink) {
    let mut utf8 = [0u8; 4];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                let run = bytes[i..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .unwrap_or(bytes.len() - i);
                sink.ascii_run(&bytes[i..i + run]);
                i += run;
            } else {
                sink.end_word();
                i += 1;
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
                for &x in lower.encode_utf8(&mut utf8).as_bytes() {
                    sink.byte(x);
                }
            } else {
                sink.end_word();
            }
        }
    }
    sink.end_word();
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// One FNV-1a step.
#[inline(always)]
fn fnv1a_byte(hash: u64, b: u8) -> u64 {
    (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

/// SplitMix64's finaliser: spreads FNV's weak low-entropy bits over all 64.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The byte joining the words of a shingle before hashing (UTF-8 never contains it).
const SHINGLE_SEPARATOR: u8 = 0xFF;

/// Number of words per shingle.
pub const SHINGLE_WORDS: usize = 3;

/// Hashes the 3-shingles of a stream of words as they arrive.
///
/// A shingle's hash is FNV-1a 64 over its words joined by [`SHINGLE_SEPARATOR`], then
/// [`mix`]. Every word belongs to three shingles (as their third, second and first
/// word), so the three running hashes are advanced together, byte by byte: three
/// independent multiply chains the CPU overlaps, and no word list is built. When a word
/// ends, the shingle it completes goes to the counter.
struct Shingler {
    /// Running hashes of the shingles that started two words ago, one word ago, and
    /// with the current word.
    third: u64,
    second: u64,
    first: u64,
    /// The same two older shingles between words (before their separator).
    older: u64,
    newer: u64,
    in_word: bool,
    words: usize,
    counter: BitCounter,
}

impl Shingler {
    fn new() -> Self {
        Shingler {
            third: FNV_OFFSET,
            second: FNV_OFFSET,
            first: FNV_OFFSET,
            older: FNV_OFFSET,
            newer: FNV_OFFSET,
            in_word: false,
            words: 0,
            counter: BitCounter::default(),
        }
    }

    /// The SimHash of everything fed so far. Texts with fewer than three words are one
    /// shingle (all their words); a text without words gives 0.
    fn finish(mut self) -> u64 {
        self.end_word();
        match self.words {
            0 => return 0,
            // The shingle started by the first word holds all the words there are.
            1 => self.counter.add(mix(self.newer)),
            2 => self.counter.add(mix(self.older)),
            _ => {}
        }
        self.counter.majority()
    }
}

impl WordSink for Shingler {
    #[inline(always)]
    fn byte(&mut self, b: u8) {
        if !self.in_word {
            self.in_word = true;
            self.third = fnv1a_byte(self.older, SHINGLE_SEPARATOR);
            self.second = fnv1a_byte(self.newer, SHINGLE_SEPARATOR);
            self.first = FNV_OFFSET;
        }
        self.third = fnv1a_byte(self.third, b);
        self.second = fnv1a_byte(self.second, b);
        self.first = fnv1a_byte(self.first, b);
    }

    #[inline(always)]
    fn ascii_run(&mut self, run: &[u8]) {
        let Some((&b, rest)) = run.split_first() else {
            return;
        };
        self.byte(b.to_ascii_lowercase());
        let (mut third, mut second, mut first) = (self.third, self.second, self.first);
        for &b in rest {
            let b = b.to_ascii_lowercase();
            third = fnv1a_byte(third, b);
            second = fnv1a_byte(second, b);
            first = fnv1a_byte(first, b);
        }
        (self.third, self.second, self.first) = (third, second, first);
    }

    #[inline(always)]
    fn end_word(&mut self) {
        if !self.in_word {
            return;
        }
        self.in_word = false;
        if self.words >= SHINGLE_WORDS - 1 {
            self.counter.add(mix(self.third));
        }
        self.older = self.second;
        self.newer = self.first;
        self.words += 1;
    }
}

/// 64-bit SimHash of `body` over word 3-shingles of the normalised text: per bit, the
/// shingles whose hash has it set are counted, and the bit is set when more shingles
/// have it than not. Texts with fewer than three words are one shingle; a text without
/// words gives 0.
pub fn fingerprint(body: &str) -> u64 {
    let mut shingler = Shingler::new();
    words(body, &mut shingler);
    shingler.finish()
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

    /// Collects the words [`words`] streams.
    #[derive(Default)]
    struct WordList {
        words: Vec<Vec<u8>>,
        current: Option<Vec<u8>>,
    }

    impl WordSink for WordList {
        fn byte(&mut self, b: u8) {
            self.current.get_or_insert_with(Vec::new).push(b);
        }
        fn end_word(&mut self) {
            self.words.extend(self.current.take());
        }
    }

    fn word_list(text: &str) -> Vec<Vec<u8>> {
        let mut list = WordList::default();
        words(text, &mut list);
        list.words
    }

    /// Stable 64-bit hash of a shingle (its words joined by a 0xFF byte), one shingle
    /// at a time: the definition the streamed [`Shingler`] must agree with.
    fn shingle_hash(shingle: &[&[u8]]) -> u64 {
        let mut hash = FNV_OFFSET;
        for (i, word) in shingle.iter().enumerate() {
            if i > 0 {
                hash = fnv1a_byte(hash, SHINGLE_SEPARATOR);
            }
            for &b in *word {
                hash = fnv1a_byte(hash, b);
            }
        }
        mix(hash)
    }

    /// The fingerprint computed from the word list and one hash per shingle.
    fn fingerprint_reference(body: &str) -> u64 {
        let owned = word_list(body);
        let words: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
        if words.is_empty() {
            return 0;
        }
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
            let ours = word_list(&text);
            let normalised = normalise_reference(&text);
            let reference: Vec<Vec<u8>> = normalised
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| w.as_bytes().to_vec())
                .collect();
            proptest::prop_assert_eq!(ours, reference);
        }

        #[test]
        fn streamed_fingerprint_agrees_with_the_reference(text in "(?s).{0,300}") {
            proptest::prop_assert_eq!(fingerprint(&text), fingerprint_reference(&text));
        }

        #[test]
        fn streamed_fingerprint_agrees_on_news_like_text(
            text in "[ \n.,A-Za-z0-9\u{2019}É]{0,400}"
        ) {
            proptest::prop_assert_eq!(fingerprint(&text), fingerprint_reference(&text));
        }

        #[test]
        fn block_normalise_agrees_with_the_reference(text in "[a-zA-Z .,\u{7f}]{0,300}(\n|\u{e9}|\u{a0})?[a-zA-Z ]{0,100}") {
            // Mostly printable ASCII: exercises the 16-byte blocks and their edges.
            proptest::prop_assert_eq!(normalise(&text), normalise_reference(&text));
            proptest::prop_assert_eq!(
                content_id("s", &text),
                content_id("s", &normalise_reference(&text))
            );
        }

        #[test]
        fn long_normalise_agrees_with_the_reference(
            text in "[ \t\nA-Za-z\u{201C}\u{00A0}İẞ]{3000,9000}"
        ) {
            // Longer than the scratch buffer: pieces are emitted and joined correctly.
            proptest::prop_assert_eq!(normalise(&text), normalise_reference(&text));
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
