//! `round()` for floats and ints (round-half-even, correctly rounded like CPython).
//!
//! `ndigits` arguments are `i64`; a caller holding a bigger Python int should clamp it to
//! `i64::MIN` / `i64::MAX` (CPython clips it to `Py_ssize_t` the same way).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

use super::arith::{f64_to_bigint, int_to_f64};
use super::ArithError;

/// The result of `round(x, ndigits)` for a float: an int when `ndigits` is omitted
/// (or `None`), else a float.
#[derive(Debug, Clone, PartialEq)]
pub enum FloatRound {
    Int(BigInt),
    Float(f64),
}

/// `round(x)` / `round(x, ndigits)` for a float.
pub fn round_f64(x: f64, ndigits: Option<i64>) -> Result<FloatRound, ArithError> {
    match ndigits {
        None => round_f64_to_int(x).map(FloatRound::Int),
        Some(n) => round_f64_ndigits(x, n).map(FloatRound::Float),
    }
}

/// `round(x)` for a float: the nearest int, ties to even.
/// Errors: `OverflowError("cannot convert float infinity to integer")`,
/// `ValueError("cannot convert float NaN to integer")`.
pub fn round_f64_to_int(x: f64) -> Result<BigInt, ArithError> {
    f64_to_bigint(x.round_ties_even())
}

/// Largest `ndigits` for which rounding can change a float (CPython's `NDIGITS_MAX`).
const NDIGITS_MAX: i64 = 323;
/// Below this every float rounds to a signed zero (CPython's `NDIGITS_MIN`).
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)` for a float: the float nearest to the decimal value obtained by
/// rounding `x` exactly (ties to even) to `ndigits` decimal places. Infinities and NaN round
/// to themselves. Error: `OverflowError("rounded value too large to represent")`.
pub fn round_f64_ndigits(x: f64, ndigits: i64) -> Result<f64, ArithError> {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if ndigits >= 0 {
        // Rust's fixed-point formatting is exact and rounds ties to even.
        let s = format!("{:.*}", ndigits as usize, x);
        return s
            .parse::<f64>()
            .map_err(|_| ArithError::value("rounding failed"));
    }
    // Round |x| to a multiple of 10**k exactly with integers.
    let k = (-ndigits) as u32;
    let p = num_traits::pow(BigInt::from(10u32), k as usize);
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074i64)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    let q = if e >= 0 {
        div_round_half_even(&(BigInt::from(m) << e as u64), &p)
    } else {
        div_round_half_even(&BigInt::from(m), &(p.clone() << (-e) as u64))
    };
    let r = int_to_f64(&(q * p))
        .map_err(|_| ArithError::overflow("rounded value too large to represent"))?;
    Ok(if x.is_sign_negative() { -r } else { r })
}

/// `a / b` rounded to the nearest integer, ties to even (`b > 0`).
fn div_round_half_even(a: &BigInt, b: &BigInt) -> BigInt {
    let (q, r) = a.div_mod_floor(b);
    let twice = &r << 1u32;
    match twice.cmp(b) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    }
}

/// `round(x, ndigits)` for an int: unchanged for `ndigits >= 0`, else rounded to a multiple of
/// `10**-ndigits`, ties to even.
pub fn round_int(x: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 || x.is_zero() {
        return x.clone();
    }
    let k = ndigits.unsigned_abs();
    // |x| < 10**digits <= 10**(k-1) < 10**k / 2 rounds to 0; bound digits by the bit length.
    let max_digits = x.magnitude().bits() * 30103 / 100000 + 1;
    if k > max_digits + 1 {
        return BigInt::zero();
    }
    let p = num_traits::pow(BigInt::from(10u32), k as usize);
    let q = div_round_half_even(&x.abs(), &p) * p;
    if x.is_negative() {
        -q
    } else {
        q
    }
}

/// `round(x, ndigits)` for an `i64` (`None` if the result does not fit).
pub fn round_i64(x: i64, ndigits: i64) -> Option<i64> {
    if ndigits >= 0 {
        return Some(x);
    }
    if ndigits < -19 {
        return Some(0);
    }
    let p = 10i128.pow(ndigits.unsigned_abs() as u32);
    let a = (x as i128).abs();
    let (q, r) = (a / p, a % p);
    let q = match (2 * r).cmp(&p) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q % 2 == 1 => q + 1,
        _ => q,
    };
    let v = q * p;
    i64::try_from(if x < 0 { -v } else { v }).ok()
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

    include!("testdata/round.rs");

    #[test]
    fn floats_ndigits() {
        for &(x, n, want) in ROUND_FLOAT_CASES {
            let got = round_f64_ndigits(x, n);
            match want {
                Some(w) => {
                    let g = got.unwrap();
                    assert!(
                        g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()),
                        "round({x:e}, {n}) = {g:e}, want {w:e}"
                    );
                }
                None => assert_eq!(
                    got.unwrap_err().message(),
                    "rounded value too large to represent"
                ),
            }
        }
    }

    #[test]
    fn floats_to_int() {
        for &(x, want) in ROUND_FLOAT_INT_CASES {
            assert_eq!(
                round_f64(x, None).unwrap(),
                FloatRound::Int(want.parse().unwrap()),
                "round({x})"
            );
        }
        assert_eq!(
            round_f64_to_int(f64::INFINITY).unwrap_err().message(),
            "cannot convert float infinity to integer"
        );
        assert_eq!(
            round_f64_to_int(f64::NAN).unwrap_err().message(),
            "cannot convert float NaN to integer"
        );
    }

    #[test]
    fn ints() {
        for &(x, n, want) in ROUND_INT_CASES {
            let xb: BigInt = x.parse().unwrap();
            let w: BigInt = want.parse().unwrap();
            assert_eq!(round_int(&xb, n), w, "round({x}, {n})");
            if let Ok(xs) = x.parse::<i64>() {
                assert_eq!(round_i64(xs, n), w.try_into().ok(), "round_i64({x}, {n})");
            }
        }
        assert_eq!(round_int(&BigInt::from(5), i64::MIN), BigInt::zero());
    }
}
