//! FNV-1a, 64 bits: the hash of turn ids (fixed by its specification, so
//! ids never change with the toolchain) and of small word tables whose
//! keys no input chooses. It hashes; it must not fold or compare text.

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, fed a byte at a time.
#[derive(Clone, Copy, Debug)]
pub struct Fnv(pub u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(OFFSET)
    }
}

impl Fnv {
    #[inline(always)]
    pub fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(PRIME);
    }

    pub fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.byte(b);
        }
    }

    pub fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes(c.encode_utf8(&mut buf).as_bytes());
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        self.bytes(bytes);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// For a `HashMap` keyed by short words.
pub type BuildFnv = std::hash::BuildHasherDefault<Fnv>;

#[cfg(test)]
mod tests {
    use super::*;

    fn hash(s: &str) -> u64 {
        let mut h = Fnv::default();
        h.bytes(s.as_bytes());
        h.0
    }

    #[test]
    fn fnv1a_is_the_published_function() {
        // Test vectors of the FNV specification (draft-eastlake-fnv).
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash("foobar"), 0x8594_4171_f739_67e8);
    }
}
