//! Numeric hashing exactly as CPython (64-bit build).
//!
//! Numbers hash to their value modulo the Mersenne prime `P = 2**61 - 1`, so equal numbers of
//! different types hash alike (`hash(1) == hash(1.0) == hash(True)`, `hash(0.5) == 2**60`).
//! Negative values hash to minus the hash of their absolute value; `-1` is reserved as an
//! error marker in CPython and becomes `-2`.

use num_bigint::BigInt;
use num_traits::Signed;

/// `sys.hash_info.modulus`: `2**61 - 1`.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.width`.
pub const HASH_WIDTH: u32 = 64;
/// `sys.hash_info.inf`: the hash of `float('inf')` (and minus it for `-inf`).
pub const HASH_INF: i64 = 314_159;
/// `sys.hash_info.imag`: the multiplier for the imaginary part of a complex.
pub const HASH_IMAG: u64 = 1_000_003;

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

fn fix_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(x)` for an int that fits in an `i64`.
pub fn hash_i64(x: i64) -> i64 {
    let m = (x.unsigned_abs() % HASH_MODULUS) as i64;
    fix_minus_one(if x < 0 { -m } else { m })
}

/// `hash(x)` for any int.
pub fn hash_bigint(x: &BigInt) -> i64 {
    // Horner's rule over 64-bit digits, most significant first: acc = acc * 2**64 + d (mod P).
    let mut acc: u64 = 0;
    for d in x.magnitude().iter_u64_digits().rev() {
        let v = ((acc as u128) << 64) + d as u128;
        acc = (v % HASH_MODULUS as u128) as u64;
    }
    let m = acc as i64;
    fix_minus_one(if x.is_negative() { -m } else { m })
}

/// CPython's `_Py_HashPointer`: the hash of an object identity (address rotated by 4 bits).
pub fn hash_pointer(identity: usize) -> i64 {
    let y = (identity as u64).rotate_right(4);
    fix_minus_one(y as i64)
}

/// `hash(x)` for a float. A NaN hashes by object identity (CPython 3.10+), so the caller
/// passes the identity (address) of the float object; it is used only for NaN.
pub fn hash_f64(x: f64, identity: usize) -> i64 {
    if x.is_nan() {
        return hash_pointer(identity);
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if x == 0.0 {
        return 0;
    }
    // |x| = m * 2**e with m < 2**53; 2**61 == 1 (mod P), so 2**e == 2**(e mod 61).
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074i64)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    let shift = e.rem_euclid(61) as u32;
    let h = (((m as u128) << shift) % HASH_MODULUS as u128) as i64;
    fix_minus_one(if x < 0.0 { -h } else { h })
}

/// `hash(t)` for a tuple given the hashes of its items (CPython 3.8+'s xxHash-based
/// algorithm).
pub fn hash_tuple<I: IntoIterator<Item = i64>>(item_hashes: I) -> i64 {
    let mut acc = XXPRIME_5;
    let mut len: u64 = 0;
    for h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
        len += 1;
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// `hash(z)` for a complex given `hash_f64` of its real and imaginary parts.
pub fn hash_complex(re_hash: i64, im_hash: i64) -> i64 {
    let combined = (re_hash as u64).wrapping_add(HASH_IMAG.wrapping_mul(im_hash as u64));
    fix_minus_one(combined as i64)
}

#[cfg(test)]
#[allow(
    clippy::approx_constant,
    clippy::excessive_precision,
    clippy::type_complexity,
    clippy::unreadable_literal
)]
mod tests {
    use super::*;

    include!("testdata/hash.rs");

    #[test]
    fn ints() {
        for &(s, h) in INT_HASHES {
            let x: BigInt = s.parse().unwrap();
            assert_eq!(hash_bigint(&x), h, "hash({s})");
            if let Ok(v) = s.parse::<i64>() {
                assert_eq!(hash_i64(v), h, "hash({s}) i64");
            }
        }
    }

    #[test]
    fn floats() {
        for &(x, h) in FLOAT_HASHES {
            assert_eq!(hash_f64(x, 0), h, "hash({x:e})");
        }
        // NaN hashes by identity.
        assert_eq!(
            hash_f64(f64::NAN, 0x7f00_1234_5670),
            hash_pointer(0x7f00_1234_5670)
        );
        assert_eq!(hash_pointer(0x7f00_1234_5670), 0x07f0_0123_4567);
        assert_eq!(hash_pointer(0x10), 1);
        assert_eq!(hash_pointer(0xf), -1152921504606846976);
    }

    #[test]
    fn tuples_and_complex() {
        for &(items, h) in TUPLE_HASHES {
            assert_eq!(hash_tuple(items.iter().copied()), h, "{items:?}");
        }
        for &(re, im, h) in COMPLEX_HASHES {
            assert_eq!(
                hash_complex(hash_f64(re, 0), hash_f64(im, 0)),
                h,
                "{re}+{im}j"
            );
        }
    }
}
