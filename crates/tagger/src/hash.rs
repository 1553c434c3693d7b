//! Feature hashing: FxHash-style mixing of 64-bit parts, so a feature is hashed from its
//! template id and precomputed per-token hashes without building any string.

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Mixes one 64-bit part into a running hash (FxHash step).
#[inline(always)]
pub const fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Hashes a byte string, 8 bytes at a time, starting from `seed`.
#[inline]
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = mix(seed, bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(
            h,
            u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
        );
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(buf));
    }
    h
}

/// Hashes a string.
#[inline]
pub fn hash_str(seed: u64, s: &str) -> u64 {
    hash_bytes(seed, s.as_bytes())
}

/// [`hash_str`] as a `const fn`, for the hashes of fixed words.
pub const fn hash_str_const(seed: u64, s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h = mix(seed, b.len() as u64);
    let mut i = 0;
    while i < b.len() {
        let mut buf = [0u8; 8];
        let mut k = 0;
        while k < 8 && i + k < b.len() {
            buf[k] = b[i + k];
            k += 1;
        }
        h = mix(h, u64::from_le_bytes(buf));
        i += 8;
    }
    h
}

/// Final avalanche (from splitmix64) so the low bits used as bucket index are well mixed.
#[inline(always)]
pub fn finish(mut h: u64) -> u32 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    h as u32
}

/// A tiny deterministic PRNG (splitmix64) for shuffling training data.
#[derive(Debug, Clone)]
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A draw in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn const_string_hash_is_the_runtime_one() {
        for w in ["", "of", "and", "&", "eight by", "a longer word than eight"] {
            assert_eq!(super::hash_str_const(7, w), super::hash_str(7, w), "{w:?}");
        }
    }

    use super::*;

    #[test]
    fn hashing_is_deterministic_and_discriminating() {
        assert_eq!(hash_str(1, "Vienna"), hash_str(1, "Vienna"));
        assert_ne!(hash_str(1, "Vienna"), hash_str(2, "Vienna"));
        assert_ne!(hash_str(1, "Vienna"), hash_str(1, "vienna"));
        assert_ne!(hash_str(1, "abcdefgh"), hash_str(1, "abcdefgh\0"));
        assert_ne!(finish(mix(1, 2)), finish(mix(2, 1)));
    }

    #[test]
    fn shuffle_is_a_deterministic_permutation() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        SplitMix(7).shuffle(&mut a);
        SplitMix(7).shuffle(&mut b);
        assert_eq!(a, b);
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(a, (0..50).collect::<Vec<_>>());
    }
}
