//! Near-duplicate lookup by banding 64-bit fingerprints (LSH for Hamming distance).
//!
//! A fingerprint is cut into [`BANDS`] bands of [`BAND_BITS`] bits, and every stored
//! article is indexed under each `(band number, band value)`. Two fingerprints that
//! differ in at most `BANDS - 1 = 3` bits must agree on at least one whole band
//! (pigeonhole: each differing bit spoils at most one band), so looking up the four bands
//! of a query fingerprint finds **every** stored fingerprint within distance 3. Those
//! candidates are then checked exactly with a popcount.
//!
//! Beyond distance 3 a stored fingerprint is found by the bands only if some band happens
//! to be untouched by the differing bits: for `d` differing bits at random positions,
//! about 90% of the time at `d = 4`, 74% at 5, 58% at 6, 33% at 8, 17% at 10 and 2% at
//! 16 (inclusion–exclusion over the four bands). Rather than trade that recall away, the
//! SQLite backend answers lookups with `max_distance > 3` by comparing against every
//! fingerprint, held in memory (8 bytes an article, loaded incrementally from the
//! database, so rows other processes write are seen too): exact, linear in the number
//! of stored articles but a popcount each, about a millisecond per million. Lookups at distance
//! ≤ [`EXACT_MAX_DISTANCE`] stay proportional to the number of band candidates. Exact
//! sub-linear lookup at larger distances needs more, narrower bands (a schema change).

/// Number of bands a fingerprint is cut into.
pub const BANDS: u32 = 4;
/// Bits per band.
pub const BAND_BITS: u32 = 64 / BANDS;
/// Largest distance at which the band lookup is guaranteed to find every match.
pub const EXACT_MAX_DISTANCE: u32 = BANDS - 1;

/// The band values of a fingerprint, band 0 being the lowest 16 bits.
pub fn bands(fingerprint: u64) -> [u16; BANDS as usize] {
    let mut out = [0u16; BANDS as usize];
    for (i, band) in out.iter_mut().enumerate() {
        // Truncation to the low 16 bits is the point.
        *band = (fingerprint >> (BAND_BITS as usize * i)) as u16;
    }
    out
}

/// Number of bits in which two fingerprints differ.
pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// A fingerprint as stored in a signed 64-bit integer column (bit-for-bit).
pub fn to_i64(fingerprint: u64) -> i64 {
    i64::from_ne_bytes(fingerprint.to_ne_bytes())
}

/// A fingerprint read back from a signed 64-bit integer column.
pub fn from_i64(stored: i64) -> u64 {
    u64::from_ne_bytes(stored.to_ne_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_cover_the_fingerprint() {
        let fp = 0x1234_5678_9abc_def0;
        assert_eq!(bands(fp), [0xdef0, 0x9abc, 0x5678, 0x1234]);
    }

    #[test]
    fn i64_cast_is_lossless() {
        for fp in [0, 1, u64::MAX, 1 << 63, 0xdead_beef_dead_beef] {
            assert_eq!(from_i64(to_i64(fp)), fp);
        }
    }

    #[test]
    fn within_three_bits_a_band_is_shared() {
        // Flip every combination of 3 bits spread over distinct bands: one band survives.
        let fp = 0x0123_4567_89ab_cdef_u64;
        for i in 0..64 {
            for j in (i + 1)..64 {
                for k in (j + 1)..64 {
                    let other = fp ^ (1 << i) ^ (1 << j) ^ (1 << k);
                    let shared = bands(fp)
                        .iter()
                        .zip(bands(other).iter())
                        .any(|(a, b)| a == b);
                    assert!(shared, "bits {i} {j} {k}");
                }
            }
        }
    }
}
