//! Order-preserving key encoding.
//!
//! Keys are written so that the byte order sled sorts by is the natural order of the typed
//! key, and so that a tuple's leading elements form a byte prefix of the whole key. That is what
//! lets callers scan "every claim of article A" or "every index entry of block B between two
//! days" with one prefix or range scan.
//!
//! Strings and byte strings escape `0x00` as `0x00 0xFF` and end with `0x00 0x01`, the scheme of
//! FoundationDB's tuple layer: a shorter string sorts before any longer string it prefixes, and
//! an element never runs into the next one. Unsigned integers are big-endian; signed integers
//! flip the sign bit so that negatives sort first.

use crate::StoreError;

/// A cursor over an encoded key, used by [`Key::read`].
pub struct KeyReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> KeyReader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        KeyReader { bytes, pos: 0 }
    }

    /// True when every byte has been consumed.
    pub fn is_done(&self) -> bool {
        self.pos == self.bytes.len()
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], StoreError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or_else(|| {
            StoreError::Decode(format!("key too short: wanted {n} bytes at offset {}", self.pos))
        })?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn read_escaped(&mut self) -> Result<Vec<u8>, StoreError> {
        let mut out = Vec::new();
        loop {
            let b = *self
                .bytes
                .get(self.pos)
                .ok_or_else(|| StoreError::Decode("unterminated string in key".into()))?;
            self.pos += 1;
            if b != 0 {
                out.push(b);
                continue;
            }
            let next = *self
                .bytes
                .get(self.pos)
                .ok_or_else(|| StoreError::Decode("truncated escape in key".into()))?;
            self.pos += 1;
            match next {
                0xFF => out.push(0),
                0x01 => return Ok(out),
                other => {
                    return Err(StoreError::Decode(format!("bad escape 0x00 0x{other:02x} in key")));
                }
            }
        }
    }
}

/// A typed key with an order-preserving byte encoding.
pub trait Key: Sized {
    fn write(&self, out: &mut Vec<u8>);
    fn read(reader: &mut KeyReader<'_>) -> Result<Self, StoreError>;

    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(32);
        self.write(&mut out);
        out
    }

    fn from_bytes(bytes: &[u8]) -> Result<Self, StoreError> {
        let mut reader = KeyReader::new(bytes);
        let key = Self::read(&mut reader)?;
        if !reader.is_done() {
            return Err(StoreError::Decode("trailing bytes after key".into()));
        }
        Ok(key)
    }
}

fn write_escaped(bytes: &[u8], out: &mut Vec<u8>) {
    for &b in bytes {
        if b == 0 {
            out.extend_from_slice(&[0, 0xFF]);
        } else {
            out.push(b);
        }
    }
    out.extend_from_slice(&[0, 0x01]);
}

impl Key for String {
    fn write(&self, out: &mut Vec<u8>) {
        write_escaped(self.as_bytes(), out);
    }
    fn read(reader: &mut KeyReader<'_>) -> Result<Self, StoreError> {
        String::from_utf8(reader.read_escaped()?)
            .map_err(|e| StoreError::Decode(format!("key string is not UTF-8: {e}")))
    }
}

impl Key for Vec<u8> {
    fn write(&self, out: &mut Vec<u8>) {
        write_escaped(self, out);
    }
    fn read(reader: &mut KeyReader<'_>) -> Result<Self, StoreError> {
        reader.read_escaped()
    }
}

impl Key for () {
    fn write(&self, _out: &mut Vec<u8>) {}
    fn read(_reader: &mut KeyReader<'_>) -> Result<Self, StoreError> {
        Ok(())
    }
}

macro_rules! unsigned_key {
    ($($t:ty),*) => {$(
        impl Key for $t {
            fn write(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_be_bytes());
            }
            fn read(reader: &mut KeyReader<'_>) -> Result<Self, StoreError> {
                let bytes = reader.take(std::mem::size_of::<$t>())?;
                Ok(<$t>::from_be_bytes(bytes.try_into().expect("length checked by take")))
            }
        }
    )*};
}
unsigned_key!(u8, u16, u32, u64, u128);

macro_rules! signed_key {
    ($($t:ty => $u:ty),*) => {$(
        impl Key for $t {
            fn write(&self, out: &mut Vec<u8>) {
                let flipped = (*self as $u) ^ (1 << (<$u>::BITS - 1));
                out.extend_from_slice(&flipped.to_be_bytes());
            }
            fn read(reader: &mut KeyReader<'_>) -> Result<Self, StoreError> {
                let bytes = reader.take(std::mem::size_of::<$u>())?;
                let raw = <$u>::from_be_bytes(bytes.try_into().expect("length checked by take"));
                Ok((raw ^ (1 << (<$u>::BITS - 1))) as $t)
            }
        }
    )*};
}
signed_key!(i32 => u32, i64 => u64);

macro_rules! tuple_key {
    ($($name:ident),+) => {
        impl<$($name: Key),+> Key for ($($name,)+) {
            #[allow(non_snake_case)]
            fn write(&self, out: &mut Vec<u8>) {
                let ($($name,)+) = self;
                $($name.write(out);)+
            }
            fn read(reader: &mut KeyReader<'_>) -> Result<Self, StoreError> {
                Ok(($($name::read(reader)?,)+))
            }
        }
    };
}
tuple_key!(A);
tuple_key!(A, B);
tuple_key!(A, B, C);
tuple_key!(A, B, C, D);
tuple_key!(A, B, C, D, E);

#[cfg(test)]
mod tests {
    use super::*;

    fn enc<K: Key>(k: &K) -> Vec<u8> {
        k.to_bytes()
    }

    #[test]
    fn strings_sort_like_their_bytes_and_prefixes_sort_first() {
        let words = ["", "a", "a\0", "a\0b", "ab", "b", "\u{e9}"];
        for w in words.windows(2) {
            let (x, y) = (w[0].to_string(), w[1].to_string());
            assert!(enc(&x) < enc(&y), "{x:?} should sort before {y:?}");
        }
    }

    #[test]
    fn tuples_round_trip_and_keep_order() {
        let a = ("art".to_string(), 3u32);
        let b = ("art".to_string(), 10u32);
        let c = ("art2".to_string(), 0u32);
        assert!(enc(&a) < enc(&b) && enc(&b) < enc(&c));
        assert_eq!(<(String, u32)>::from_bytes(&enc(&b)).unwrap(), b);
    }

    #[test]
    fn signed_integers_sort_negatives_first() {
        let values = [i32::MIN, -5, -1, 0, 1, 19_000, i32::MAX];
        for w in values.windows(2) {
            assert!(enc(&w[0]) < enc(&w[1]));
            assert_eq!(i32::from_bytes(&enc(&w[0])).unwrap(), w[0]);
        }
    }

    #[test]
    fn a_tuple_prefix_is_a_byte_prefix() {
        let whole = ("block".to_string(), -3i32, "claim".to_string());
        let prefix = ("block".to_string(),);
        assert!(enc(&whole).starts_with(&enc(&prefix)));
    }

    #[test]
    fn truncated_keys_are_errors_not_panics() {
        let bytes = enc(&("abc".to_string(), 7u64));
        for cut in 0..bytes.len() {
            assert!(<(String, u64)>::from_bytes(&bytes[..cut]).is_err());
        }
    }
}
