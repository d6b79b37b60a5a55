//! Content ids and SimHash fingerprints: stability and near/far behaviour.

use newsgraph_ingest::dedup::{
    bands, content_id, fingerprint, hamming, is_near_duplicate, normalise,
    NEAR_DUPLICATE_MAX_DISTANCE,
};

const STORY: &str = "The harbour board voted on Tuesday to open a ferry route between the two \
islands, ending a decade of argument over who should pay for the new landing stages.\n\
Officials said the first crossing would run in the spring, weather permitting, and that \
tickets would cost about the same as the bus fare to the mainland.\n\
\u{201C}This is a good day for the islands,\u{201D} the board\u{2019}s chair told reporters \
after the vote, adding that fishermen had been consulted on the timetable.\n\
Opponents said the money would have been better spent repairing the old causeway, which \
has been closed to heavy traffic since a storm damaged it three winters ago.\n\
The board expects about two hundred passengers a day in the first year.";

const OTHER: &str = "A regional orchestra has cancelled its autumn season after losing the lease \
on the concert hall it has used for forty years.\n\
Musicians learned of the decision at a rehearsal on Friday, and several said they would look \
for work abroad if no new venue was found by the end of the year.\n\
The city council said it was talking to the hall's owners about a short extension.";

#[test]
fn content_id_is_32_hex_and_stable_under_reformatting() {
    let id = content_id("Harbour News", STORY);
    assert_eq!(id.len(), 32);
    assert!(id
        .bytes()
        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    // Re-wrapped, extra spaces, straight quotes, different case: the same article.
    let reformatted = STORY
        .replace('\n', "\n\n   ")
        .replace(", ", ",   ")
        .replace(['\u{201C}', '\u{201D}'], "\"")
        .replace('\u{2019}', "'")
        .to_uppercase();
    assert_eq!(content_id("Harbour News", &reformatted), id);
    assert_eq!(
        content_id("  Harbour News\n", &format!("\n {STORY} \n")),
        id
    );
    // Same text from another outlet, or another text: another id.
    assert_ne!(content_id("Island Gazette", STORY), id);
    assert_ne!(content_id("Harbour News", OTHER), id);
    // Source and body cannot be shifted into each other.
    assert_ne!(content_id("ab", "c"), content_id("a", "bc"));
}

#[test]
fn hash_values_are_pinned() {
    // Ids and fingerprints are stored: changing these values is a storage migration.
    assert_eq!(
        content_id("Harbour News", "The ferry runs on Tuesday."),
        PINNED_ID
    );
    assert_eq!(fingerprint("The ferry runs on Tuesday."), PINNED_FP);
}

const PINNED_ID: &str = "9521b8ded10f5fbf909684240b688b9d";
const PINNED_FP: u64 = 16195272452034834743;

#[test]
fn normalise_handles_unicode() {
    assert_eq!(normalise("ÀÉÎ  ÕÜ\u{00A0}İSTANBUL"), "àéî õü i̇stanbul");
    assert_eq!(normalise("\u{201E}Guten Tag\u{201C}"), "\"guten tag\"");
}

#[test]
fn simhash_near_and_far() {
    let base = fingerprint(STORY);
    // Formatting changes: identical fingerprint.
    let rewrapped = STORY.replace('\n', " ").replace(". ", ".\n\n");
    assert_eq!(hamming(base, fingerprint(&rewrapped)), 0);
    assert_eq!(hamming(base, fingerprint(&STORY.to_lowercase())), 0);

    // One sentence changed: near.
    let edited = STORY.replace(
        "The board expects about two hundred passengers a day in the first year.",
        "The board hopes the service will pay for itself within five years.",
    );
    let d = hamming(base, fingerprint(&edited));
    assert!(
        d > 0 && d <= NEAR_DUPLICATE_MAX_DISTANCE,
        "changed sentence: {d}"
    );

    // Chrome around it: near.
    let chrome =
        format!("Share this article\nSubscribe to our newsletter\n{STORY}\nComments Here:");
    let d = hamming(base, fingerprint(&chrome));
    assert!(d <= NEAR_DUPLICATE_MAX_DISTANCE, "chrome: {d}");
    assert!(is_near_duplicate(base, fingerprint(&chrome)));

    // Another article: far.
    let d = hamming(base, fingerprint(OTHER));
    assert!(d > NEAR_DUPLICATE_MAX_DISTANCE * 2, "unrelated: {d}");
}

#[test]
fn tiny_inputs_do_not_panic() {
    assert_eq!(fingerprint(""), 0);
    assert_eq!(fingerprint("  ...  "), 0);
    assert_ne!(fingerprint("one"), 0);
    assert_ne!(fingerprint("one two"), fingerprint("two one"));
    assert_eq!(hamming(u64::MAX, 0), 64);
}

#[test]
fn bands_find_every_pair_within_three_bits() {
    let fp = fingerprint(STORY);
    for a in 0..64 {
        for b in a..64 {
            for c in b..64 {
                let other = fp ^ (1 << a) ^ (1 << b) ^ (1 << c);
                let shared = bands(fp)
                    .iter()
                    .zip(bands(other))
                    .filter(|(x, y)| **x == *y)
                    .count();
                assert!(shared >= 1);
            }
        }
    }
}
