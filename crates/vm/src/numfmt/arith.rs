//! Arithmetic with Python semantics: floor division and modulo (ints and floats), `pow`,
//! int true division, int <-> float conversion, shifts, `int.to_bytes` / `int.from_bytes`,
//! `float.as_integer_ratio`.
//!
//! Conventions:
//! * `i64_*` helpers return `None` when the result does not fit in an `i64` **or** when the
//!   operation would raise (division by zero); the caller then retries with the `BigInt`
//!   helper, which reports the error.
//! * Error messages are CPython 3.11's.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{ArithError, MAX_INT_BITS};

// ---------------------------------------------------------------------------------------------
// Building correctly rounded floats
// ---------------------------------------------------------------------------------------------

/// `2**k` for `-1022 <= k <= 1023`.
fn pow2(k: i64) -> f64 {
    debug_assert!((-1022..=1023).contains(&k));
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// `x * 2**e` where the result is known to be exactly representable (or to overflow):
/// scales in exact steps.
fn scale2_exact(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
    }
    x * pow2(e)
}

/// The nearest `f64` (ties to even) to `(m + d) * 2**exp`, where `d` is `0` if `!sticky` and
/// some value strictly between 0 and 1 if `sticky`. Subnormal results are rounded correctly;
/// overflow gives `+inf`.
///
/// When `sticky` is set, `m` must have at least 2 bits more than the 53 that are kept (so the
/// sticky bit sits below the rounding position); callers make `m` at least 55 bits long.
pub(crate) fn compose_f64(m: u128, exp: i64, sticky: bool) -> f64 {
    if m == 0 {
        return 0.0;
    }
    let len = 128 - m.leading_zeros() as i64;
    let top = exp + len - 1;
    if top > 1024 {
        return f64::INFINITY;
    }
    let ulp = (top - 52).max(-1074);
    let drop = ulp - exp;
    if drop <= 0 {
        // Exact: m < 2**53.
        return scale2_exact(m as f64, exp);
    }
    if drop > len {
        // Less than half of the smallest subnormal.
        return 0.0;
    }
    let (q, rem, half) = if drop == 128 {
        (0u128, m, 1u128 << 127)
    } else {
        (m >> drop, m & ((1u128 << drop) - 1), 1u128 << (drop - 1))
    };
    let up = rem > half || (rem == half && (sticky || q & 1 == 1));
    let q = q + up as u128;
    scale2_exact(q as f64, ulp)
}

/// The top 64 bits of `n` (which has `bits > 64` bits), and whether any lower bit is set.
fn top_bits(n: &BigUint, bits: u64) -> (u64, u64, bool) {
    let shift = bits - 64;
    let top = (n >> shift).to_u64().unwrap_or(u64::MAX);
    let sticky = n.trailing_zeros().is_some_and(|tz| tz < shift);
    (top, shift, sticky)
}

/// `float(x)` for an int, correctly rounded (ties to even).
/// Error: `OverflowError("int too large to convert to float")`.
pub fn int_to_f64(x: &BigInt) -> Result<f64, ArithError> {
    let mag = x.magnitude();
    let bits = mag.bits();
    let v = if bits <= 64 {
        mag.to_u64().map_or(f64::INFINITY, |v| v as f64)
    } else {
        let (top, shift, sticky) = top_bits(mag, bits);
        compose_f64(top as u128, shift as i64, sticky)
    };
    if v.is_infinite() {
        return Err(ArithError::overflow("int too large to convert to float"));
    }
    Ok(if x.is_negative() { -v } else { v })
}

/// Split a nonzero int into `(m, e)` with `x ~= m * 2**e`, `0.5 <= |m| < 1`, `m` rounded to
/// 53 bits (ties to even). Works for ints far beyond the float range (used by `math.log`).
/// Zero gives `(0.0, 0)`.
pub fn int_frexp(x: &BigInt) -> (f64, i64) {
    let mag = x.magnitude();
    let bits = mag.bits();
    if bits == 0 {
        return (0.0, 0);
    }
    let (top, extra, sticky) = if bits <= 64 {
        (mag.to_u64().unwrap_or(0), 0, false)
    } else {
        top_bits(mag, bits)
    };
    // `top` has `min(bits, 64)` significant bits; round it to 53.
    let tlen = 64 - top.leading_zeros() as u64;
    let (mut q, mut e) = if tlen <= 53 {
        (top, extra as i64)
    } else {
        let drop = tlen - 53;
        let q = top >> drop;
        let rem = top & ((1u64 << drop) - 1);
        let half = 1u64 << (drop - 1);
        let up = rem > half || (rem == half && (sticky || q & 1 == 1));
        (q + up as u64, (extra + drop) as i64)
    };
    if q == 1u64 << 53 {
        q >>= 1;
        e += 1;
    }
    // value = q * 2**e with q < 2**53; normalize to [0.5, 1).
    let qlen = 64 - q.leading_zeros() as i64;
    let m = q as f64 / pow2(qlen);
    let m = if x.is_negative() { -m } else { m };
    (m, e + qlen)
}

// ---------------------------------------------------------------------------------------------
// Division and modulo
// ---------------------------------------------------------------------------------------------

/// `a // b` for i64; `None` on division by zero or overflow (`i64::MIN // -1`).
pub fn i64_floordiv(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// `a % b` for i64 (result has the sign of `b`); `None` on division by zero.
pub fn i64_mod(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

/// `divmod(a, b)` for i64; `None` on division by zero or overflow.
pub fn i64_divmod(a: i64, b: i64) -> Option<(i64, i64)> {
    Some((i64_floordiv(a, b)?, i64_mod(a, b)?))
}

/// `a // b` for ints. Error: `ZeroDivisionError("integer division or modulo by zero")`.
pub fn int_floordiv(a: &BigInt, b: &BigInt) -> Result<BigInt, ArithError> {
    if b.is_zero() {
        return Err(ArithError::zero_div("integer division or modulo by zero"));
    }
    Ok(a.div_floor(b))
}

/// `a % b` for ints. Error: `ZeroDivisionError("integer modulo by zero")`.
pub fn int_mod(a: &BigInt, b: &BigInt) -> Result<BigInt, ArithError> {
    if b.is_zero() {
        return Err(ArithError::zero_div("integer modulo by zero"));
    }
    Ok(a.mod_floor(b))
}

/// `divmod(a, b)` for ints. Error: `ZeroDivisionError("integer division or modulo by zero")`.
pub fn int_divmod(a: &BigInt, b: &BigInt) -> Result<(BigInt, BigInt), ArithError> {
    if b.is_zero() {
        return Err(ArithError::zero_div("integer division or modulo by zero"));
    }
    Ok(a.div_mod_floor(b))
}

/// `a / b` for floats. Error: `ZeroDivisionError("float division by zero")`.
pub fn float_truediv(a: f64, b: f64) -> Result<f64, ArithError> {
    if b == 0.0 {
        return Err(ArithError::zero_div("float division by zero"));
    }
    Ok(a / b)
}

/// `a % b` for floats (result has the sign of `b`; a zero result takes the sign of `b`).
/// Error: `ZeroDivisionError("float modulo")`.
pub fn float_mod(a: f64, b: f64) -> Result<f64, ArithError> {
    if b == 0.0 {
        return Err(ArithError::zero_div("float modulo"));
    }
    let m = a % b;
    Ok(if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    })
}

fn float_divmod_raw(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// `a // b` for floats. Error: `ZeroDivisionError("float floor division by zero")`.
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, ArithError> {
    if b == 0.0 {
        return Err(ArithError::zero_div("float floor division by zero"));
    }
    Ok(float_divmod_raw(a, b).0)
}

/// `divmod(a, b)` for floats. Error: `ZeroDivisionError("float divmod()")`.
pub fn float_divmod(a: f64, b: f64) -> Result<(f64, f64), ArithError> {
    if b == 0.0 {
        return Err(ArithError::zero_div("float divmod()"));
    }
    Ok(float_divmod_raw(a, b))
}

/// `a / b` for ints, correctly rounded even for huge operands.
/// Errors: `ZeroDivisionError("division by zero")`,
/// `OverflowError("integer division result too large for a float")`.
pub fn int_truediv(a: &BigInt, b: &BigInt) -> Result<f64, ArithError> {
    if b.is_zero() {
        return Err(ArithError::zero_div("division by zero"));
    }
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        return i64_truediv(x, y);
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let (na, nb) = (a.magnitude(), b.magnitude());
    if na.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    let diff = na.bits() as i64 - nb.bits() as i64;
    if diff > 1025 {
        return Err(ArithError::overflow(
            "integer division result too large for a float",
        ));
    }
    if diff < -1076 {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    let shift = diff - 55;
    let (q, r) = if shift >= 0 {
        na.div_rem(&(nb << shift as u64))
    } else {
        (na << (-shift) as u64).div_rem(nb)
    };
    let q = q.to_u128().unwrap_or(u128::MAX);
    let v = compose_f64(q, shift, !r.is_zero());
    if v.is_infinite() {
        return Err(ArithError::overflow(
            "integer division result too large for a float",
        ));
    }
    Ok(if negative { -v } else { v })
}

/// `a / b` for i64 operands, correctly rounded. Error: `ZeroDivisionError("division by zero")`.
pub fn i64_truediv(a: i64, b: i64) -> Result<f64, ArithError> {
    if b == 0 {
        return Err(ArithError::zero_div("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    let (ua, ub) = (a.unsigned_abs(), b.unsigned_abs());
    if ua <= EXACT && ub <= EXACT {
        return Ok(a as f64 / b as f64);
    }
    let negative = (a < 0) != (b < 0);
    let diff = (64 - ua.leading_zeros() as i64) - (64 - ub.leading_zeros() as i64);
    let shift = diff - 55;
    let (n, d) = if shift >= 0 {
        (ua as u128, (ub as u128) << shift)
    } else {
        ((ua as u128) << (-shift), ub as u128)
    };
    let v = compose_f64(n / d, shift, n % d != 0);
    Ok(if negative { -v } else { v })
}

// ---------------------------------------------------------------------------------------------
// Float <-> int
// ---------------------------------------------------------------------------------------------

/// Decompose a finite nonzero float into `(mantissa, exponent)` with `|x| = mantissa * 2**exp`
/// and `mantissa` odd.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    let tz = m.trailing_zeros();
    (m >> tz, e + tz as i64)
}

/// `int(x)` for a float (truncation toward zero).
/// Errors: `OverflowError("cannot convert float infinity to integer")`,
/// `ValueError("cannot convert float NaN to integer")`.
pub fn f64_to_bigint(x: f64) -> Result<BigInt, ArithError> {
    if x.is_nan() {
        return Err(ArithError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(ArithError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    if let Some(v) = f64_to_i64(x) {
        return Ok(BigInt::from(v));
    }
    // |x| >= 2**63, so x is an integer.
    let (m, e) = decompose(x);
    let mag = BigInt::from(m) << (e as u64);
    Ok(if x < 0.0 { -mag } else { mag })
}

/// `int(x)` for a float when the result fits in an `i64` (`None` otherwise, including
/// inf/nan).
pub fn f64_to_i64(x: f64) -> Option<i64> {
    let t = x.trunc();
    // -2**63 <= t < 2**63
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&t) {
        Some(t as i64)
    } else {
        None
    }
}

/// `x.as_integer_ratio()`: the lowest-terms fraction equal to `x`, positive denominator.
/// Errors: `OverflowError("cannot convert Infinity to integer ratio")`,
/// `ValueError("cannot convert NaN to integer ratio")`.
pub fn float_as_integer_ratio(x: f64) -> Result<(BigInt, BigInt), ArithError> {
    if x.is_nan() {
        return Err(ArithError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(ArithError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x == 0.0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    let (m, e) = decompose(x);
    let m = if x < 0.0 {
        -BigInt::from(m)
    } else {
        BigInt::from(m)
    };
    Ok(if e >= 0 {
        (m << (e as u64), BigInt::one())
    } else {
        (m, BigInt::one() << ((-e) as u64))
    })
}

/// `x.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.trunc() == x
}

// ---------------------------------------------------------------------------------------------
// Powers
// ---------------------------------------------------------------------------------------------

fn is_odd_integer(x: f64) -> bool {
    (x.abs() % 2.0) == 1.0
}

/// `x ** y` for floats, CPython's special cases:
/// * `0.0 ** negative` -> `ZeroDivisionError("0.0 cannot be raised to a negative power")`;
/// * negative base with a non-integer exponent -> [`ArithError::ComplexResult`] (CPython
///   computes a complex result; the caller should do that);
/// * overflow -> `OverflowError("(34, 'Numerical result out of range')")` (CPython raises
///   it with `args == (34, 'Numerical result out of range')`).
pub fn float_pow(x: f64, y: f64) -> Result<f64, ArithError> {
    if y == 0.0 {
        return Ok(1.0);
    }
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(ArithError::zero_div(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if base < 0.0 {
        if y != y.floor() {
            return Err(ArithError::ComplexResult);
        }
        base = -base;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(ArithError::overflow(
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(if negate { -r } else { r })
}

/// The result of `int ** int`: an int, or a float for a negative exponent.
#[derive(Debug, Clone, PartialEq)]
pub enum IntPow {
    Int(BigInt),
    Float(f64),
}

const TOO_MANY_DIGITS: &str = "too many digits in integer";

/// `base ** exp` for ints (two-argument `pow`). A negative exponent gives a float, computed as
/// `float(base) ** float(exp)` like CPython (so `0 ** -1` raises
/// `ZeroDivisionError("0.0 cannot be raised to a negative power")`).
///
/// A result that would need more than [`MAX_INT_BITS`] bits fails with
/// `OverflowError("too many digits in integer")` without being computed.
pub fn int_pow(base: &BigInt, exp: &BigInt) -> Result<IntPow, ArithError> {
    if exp.is_negative() {
        return Ok(IntPow::Float(float_pow(
            int_to_f64(base)?,
            int_to_f64(exp)?,
        )?));
    }
    if exp.is_zero() {
        return Ok(IntPow::Int(BigInt::one()));
    }
    if base.is_zero() || base.is_one() {
        return Ok(IntPow::Int(base.clone()));
    }
    if base.magnitude().is_one() {
        // base == -1
        return Ok(IntPow::Int(if exp.is_odd() {
            base.clone()
        } else {
            BigInt::one()
        }));
    }
    let e = exp
        .to_u64()
        .filter(|&e| e <= MAX_INT_BITS)
        .ok_or_else(|| ArithError::overflow(TOO_MANY_DIGITS))?;
    let bits = base.magnitude().bits() - 1; // result has more than bits * e bits
    if bits.saturating_mul(e) > MAX_INT_BITS {
        return Err(ArithError::overflow(TOO_MANY_DIGITS));
    }
    Ok(IntPow::Int(num_traits::pow::pow(base.clone(), e as usize)))
}

/// `base ** exp` for i64 when the result fits (`None` otherwise, including negative `exp`).
pub fn i64_pow(base: i64, exp: i64) -> Option<i64> {
    if exp < 0 {
        return None;
    }
    match base {
        0 if exp == 0 => Some(1),
        0 | 1 => Some(base),
        -1 => Some(if exp % 2 == 1 { -1 } else { 1 }),
        _ => base.checked_pow(u32::try_from(exp).ok()?),
    }
}

/// The inverse of `a` modulo `m` (`m > 0`), if it exists.
pub fn int_mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    // Extended Euclid, iterative.
    let (mut r0, mut r1) = (m.clone(), a.mod_floor(m));
    let (mut t0, mut t1) = (BigInt::zero(), BigInt::one());
    while !r1.is_zero() {
        let (q, r2) = r0.div_rem(&r1);
        let t2 = &t0 - &q * &t1;
        r0 = std::mem::replace(&mut r1, r2);
        t0 = std::mem::replace(&mut t1, t2);
    }
    if r0.is_one() {
        Some(t0.mod_floor(m))
    } else {
        None
    }
}

/// Three-argument `pow(base, exp, m)` for ints. The result has the sign of `m` (Python `%`).
/// Errors: `ValueError("pow() 3rd argument cannot be 0")`,
/// `ValueError("base is not invertible for the given modulus")` (negative `exp`).
pub fn int_pow_mod(base: &BigInt, exp: &BigInt, m: &BigInt) -> Result<BigInt, ArithError> {
    if m.is_zero() {
        return Err(ArithError::value("pow() 3rd argument cannot be 0"));
    }
    let negative_mod = m.is_negative();
    let am = m.abs();
    if am.is_one() {
        return Ok(BigInt::zero());
    }
    let (b, e) = if exp.is_negative() {
        let inv = int_mod_inverse(base, &am)
            .ok_or_else(|| ArithError::value("base is not invertible for the given modulus"))?;
        (inv, -exp)
    } else {
        (base.mod_floor(&am), exp.clone())
    };
    let r = b.modpow(&e, &am);
    Ok(if negative_mod && !r.is_zero() {
        r - am
    } else {
        r
    })
}

// ---------------------------------------------------------------------------------------------
// Bits, shifts and bytes
// ---------------------------------------------------------------------------------------------

/// `x.bit_length()`.
pub fn int_bit_length(x: &BigInt) -> u64 {
    x.magnitude().bits()
}

/// `x.bit_count()` (number of one bits in `abs(x)`).
pub fn int_bit_count(x: &BigInt) -> u64 {
    x.magnitude().count_ones()
}

/// `x << n`. Errors: `ValueError("negative shift count")`; a result of more than
/// [`MAX_INT_BITS`] bits gives `OverflowError("too many digits in integer")`.
pub fn int_lshift(x: &BigInt, n: &BigInt) -> Result<BigInt, ArithError> {
    if n.is_negative() {
        return Err(ArithError::value("negative shift count"));
    }
    if x.is_zero() {
        return Ok(BigInt::zero());
    }
    let n = n
        .to_u64()
        .filter(|&n| n.saturating_add(x.magnitude().bits()) <= MAX_INT_BITS)
        .ok_or_else(|| ArithError::overflow(TOO_MANY_DIGITS))?;
    Ok(x << n)
}

/// `x >> n` (floor: `-1 >> 100 == -1`). Error: `ValueError("negative shift count")`.
pub fn int_rshift(x: &BigInt, n: &BigInt) -> Result<BigInt, ArithError> {
    if n.is_negative() {
        return Err(ArithError::value("negative shift count"));
    }
    match n.to_u64().filter(|&n| n < x.magnitude().bits()) {
        // BigInt's >> on negative values rounds toward negative infinity.
        Some(n) => Ok(x >> n),
        None => Ok(if x.is_negative() {
            BigInt::from(-1)
        } else {
            BigInt::zero()
        }),
    }
}

/// `x << n` for i64 when the result fits (`None` otherwise, including negative `n`).
pub fn i64_lshift(x: i64, n: i64) -> Option<i64> {
    if n < 0 {
        return None;
    }
    if x == 0 {
        return Some(0);
    }
    if n >= 63 {
        return None;
    }
    let r = x << n;
    (r >> n == x).then_some(r)
}

/// `x >> n` for i64 (`None` for negative `n`).
pub fn i64_rshift(x: i64, n: i64) -> Option<i64> {
    if n < 0 {
        return None;
    }
    Some(x >> n.min(63))
}

/// `x.to_bytes(length, 'big' if big else 'little', signed=signed)`.
/// Errors: `OverflowError("int too big to convert")`,
/// `OverflowError("can't convert negative int to unsigned")`.
pub fn int_to_bytes(
    x: &BigInt,
    length: usize,
    big: bool,
    signed: bool,
) -> Result<Vec<u8>, ArithError> {
    if !signed && x.is_negative() {
        return Err(ArithError::overflow(
            "can't convert negative int to unsigned",
        ));
    }
    // Two's complement little-endian bytes of minimal length.
    let mut bytes = if signed {
        x.to_signed_bytes_le()
    } else {
        x.magnitude().to_bytes_le()
    };
    if x.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(ArithError::overflow("int too big to convert"));
    }
    if length > (MAX_INT_BITS / 8) as usize {
        return Err(ArithError::Memory(String::new()));
    }
    let fill = if x.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if big {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes(bytes, 'big' if big else 'little', signed=signed)`.
pub fn int_from_bytes(bytes: &[u8], big: bool, signed: bool) -> BigInt {
    match (big, signed) {
        (true, true) => BigInt::from_signed_bytes_be(bytes),
        (false, true) => BigInt::from_signed_bytes_le(bytes),
        (true, false) => BigInt::from_bytes_be(Sign::Plus, bytes),
        (false, false) => BigInt::from_bytes_le(Sign::Plus, bytes),
    }
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

    fn bi(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    include!("testdata/arith.rs");

    #[test]
    fn int_division() {
        for &(a, b, fd, m) in INT_DIVMOD_CASES {
            let (a, b) = (bi(a), bi(b));
            assert_eq!(int_floordiv(&a, &b).unwrap(), bi(fd), "{a} // {b}");
            assert_eq!(int_mod(&a, &b).unwrap(), bi(m), "{a} % {b}");
            assert_eq!(int_divmod(&a, &b).unwrap(), (bi(fd), bi(m)));
            if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
                let want = bi(fd).to_i64();
                assert_eq!(i64_floordiv(x, y), want, "{x} // {y}");
                if want.is_some() {
                    assert_eq!(i64_mod(x, y), bi(m).to_i64());
                }
            }
        }
        assert_eq!(i64_floordiv(i64::MIN, -1), None);
        assert_eq!(i64_mod(i64::MIN, -1), Some(0));
        assert_eq!(i64_floordiv(1, 0), None);
        let z = BigInt::zero();
        let one = BigInt::one();
        assert_eq!(
            int_floordiv(&one, &z).unwrap_err(),
            ArithError::ZeroDivision("integer division or modulo by zero".into())
        );
        assert_eq!(
            int_mod(&one, &z).unwrap_err().message(),
            "integer modulo by zero"
        );
        assert_eq!(
            int_truediv(&one, &z).unwrap_err().message(),
            "division by zero"
        );
    }

    #[test]
    fn truediv() {
        for &(a, b, want) in INT_TRUEDIV_CASES {
            let (a, b) = (bi(a), bi(b));
            let got = int_truediv(&a, &b);
            match want {
                Some(w) => assert_eq!(got.unwrap().to_bits(), w.to_bits(), "{a} / {b}"),
                None => assert_eq!(
                    got.unwrap_err().message(),
                    "integer division result too large for a float"
                ),
            }
        }
        assert_eq!(i64_truediv(0, -5).unwrap().to_bits(), (-0.0f64).to_bits());
    }

    #[test]
    fn to_float() {
        for &(a, want) in INT_TO_FLOAT_CASES {
            let a = bi(a);
            match want {
                Some(w) => assert_eq!(int_to_f64(&a).unwrap().to_bits(), w.to_bits(), "{a}"),
                None => assert_eq!(
                    int_to_f64(&a).unwrap_err().message(),
                    "int too large to convert to float"
                ),
            }
        }
    }

    #[test]
    fn float_division() {
        for &(a, b, fd, m) in FLOAT_DIVMOD_CASES {
            assert_eq!(
                float_floordiv(a, b).unwrap().to_bits(),
                fd.to_bits(),
                "{a} // {b}"
            );
            let got = float_mod(a, b).unwrap();
            assert!(
                got.to_bits() == m.to_bits() || (got.is_nan() && m.is_nan()),
                "{a} % {b}: {got} vs {m}"
            );
            let (q, r) = float_divmod(a, b).unwrap();
            assert!(q.to_bits() == fd.to_bits() || (q.is_nan() && fd.is_nan()));
            assert!(r.to_bits() == m.to_bits() || (r.is_nan() && m.is_nan()));
        }
        assert_eq!(float_mod(1.0, 0.0).unwrap_err().message(), "float modulo");
        assert_eq!(
            float_floordiv(1.0, 0.0).unwrap_err().message(),
            "float floor division by zero"
        );
        assert_eq!(
            float_divmod(1.0, 0.0).unwrap_err().message(),
            "float divmod()"
        );
        assert_eq!(
            float_truediv(1.0, 0.0).unwrap_err().message(),
            "float division by zero"
        );
    }

    #[test]
    fn powers() {
        for &(x, y, want) in FLOAT_POW_CASES {
            let got = float_pow(x, y);
            match want {
                Ok(w) => {
                    let g = got.unwrap();
                    assert!(
                        g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()),
                        "{x} ** {y}: {g} vs {w}"
                    );
                }
                Err("complex") => assert_eq!(got, Err(ArithError::ComplexResult)),
                Err(msg) => assert_eq!(got.unwrap_err().message(), msg, "{x} ** {y}"),
            }
        }
        assert_eq!(
            int_pow(&bi("2"), &bi("100")).unwrap(),
            IntPow::Int(bi("1267650600228229401496703205376"))
        );
        assert_eq!(int_pow(&bi("2"), &bi("-1")).unwrap(), IntPow::Float(0.5));
        assert_eq!(
            int_pow(&bi("-3"), &bi("-3")).unwrap(),
            IntPow::Float(-0.037037037037037035)
        );
        assert_eq!(
            int_pow(&bi("0"), &bi("-1")).unwrap_err().message(),
            "0.0 cannot be raised to a negative power"
        );
        assert_eq!(
            int_pow(&bi("-1"), &bi("100000000000000000000001")).unwrap(),
            IntPow::Int(bi("-1"))
        );
        assert_eq!(
            int_pow(&bi("2"), &bi("100000000000000000000"))
                .unwrap_err()
                .message(),
            "too many digits in integer"
        );
        assert_eq!(i64_pow(3, 39), Some(4052555153018976267));
        assert_eq!(i64_pow(3, 40), None);
        assert_eq!(i64_pow(-1, 1 << 40), Some(1));
        for &(b, e, m, want) in POW_MOD_CASES {
            let got = int_pow_mod(&bi(b), &bi(e), &bi(m));
            match want.strip_prefix('!') {
                Some(msg) => assert_eq!(got.unwrap_err().message(), msg),
                None => assert_eq!(got.unwrap(), bi(want), "pow({b}, {e}, {m})"),
            }
        }
    }

    #[test]
    fn float_int_conversions() {
        assert_eq!(f64_to_bigint(1e20).unwrap(), bi("100000000000000000000"));
        assert_eq!(f64_to_bigint(-2.5).unwrap(), bi("-2"));
        assert_eq!(f64_to_bigint(-0.5).unwrap(), bi("0"));
        assert_eq!(
            f64_to_bigint(1.7976931348623157e308)
                .unwrap()
                .to_string()
                .len(),
            309
        );
        assert_eq!(
            f64_to_bigint(-9.223372036854775808e18).unwrap(),
            bi("-9223372036854775808")
        );
        assert_eq!(
            f64_to_bigint(9.223372036854775808e18).unwrap(),
            bi("9223372036854775808")
        );
        assert_eq!(
            f64_to_bigint(f64::INFINITY).unwrap_err().message(),
            "cannot convert float infinity to integer"
        );
        assert_eq!(
            f64_to_bigint(f64::NAN).unwrap_err().message(),
            "cannot convert float NaN to integer"
        );
        assert_eq!(
            float_as_integer_ratio(0.1).unwrap(),
            (bi("3602879701896397"), bi("36028797018963968"))
        );
        assert_eq!(float_as_integer_ratio(-2.5).unwrap(), (bi("-5"), bi("2")));
        assert_eq!(
            float_as_integer_ratio(1e20).unwrap(),
            (bi("100000000000000000000"), bi("1"))
        );
        assert_eq!(float_as_integer_ratio(0.0).unwrap(), (bi("0"), bi("1")));
        assert_eq!(float_as_integer_ratio(5e-324).unwrap().1.bits(), 1075);
        assert_eq!(
            float_as_integer_ratio(f64::INFINITY).unwrap_err().message(),
            "cannot convert Infinity to integer ratio"
        );
        assert!(
            float_is_integer(3.0) && !float_is_integer(3.5) && !float_is_integer(f64::INFINITY)
        );
        let (m, e) = int_frexp(&num_traits::pow(bi("10"), 1000));
        assert_eq!((m, e), (0.9513808474559855, 3322));
        assert_eq!(int_frexp(&bi("-1")), (-0.5, 1));
        assert_eq!(int_frexp(&bi("9007199254740993")), (0.5, 54)); // ties to even
    }

    #[test]
    fn shifts_and_bytes() {
        assert_eq!(
            int_lshift(&bi("1"), &bi("-1")).unwrap_err().message(),
            "negative shift count"
        );
        assert_eq!(
            int_rshift(&bi("1"), &bi("-1")).unwrap_err().message(),
            "negative shift count"
        );
        assert_eq!(
            int_lshift(&bi("1"), &bi("100000000000000000000"))
                .unwrap_err()
                .message(),
            "too many digits in integer"
        );
        assert_eq!(
            int_lshift(&bi("0"), &bi("100000000000000000000")).unwrap(),
            bi("0")
        );
        assert_eq!(
            int_rshift(&bi("-1"), &bi("100000000000000000000")).unwrap(),
            bi("-1")
        );
        assert_eq!(
            int_rshift(&bi("5"), &bi("100000000000000000000")).unwrap(),
            bi("0")
        );
        assert_eq!(int_rshift(&bi("-7"), &bi("1")).unwrap(), bi("-4"));
        assert_eq!(
            int_lshift(&bi("-3"), &bi("70")).unwrap(),
            bi("-3541774862152233910272")
        );
        assert_eq!(i64_lshift(1, 62), Some(1 << 62));
        assert_eq!(i64_lshift(1, 63), None);
        assert_eq!(i64_lshift(-1, 63), None);
        assert_eq!(i64_lshift(3, 62), None);
        assert_eq!(i64_rshift(-7, 1), Some(-4));
        assert_eq!(i64_rshift(-7, 1000), Some(-1));
        for &(x, len, big, signed, want) in TO_BYTES_CASES {
            let got = int_to_bytes(&bi(x), len, big, signed);
            match want {
                Ok(w) => {
                    assert_eq!(
                        got.as_deref(),
                        Ok(w),
                        "({x}).to_bytes({len}, {big}, {signed})"
                    );
                    assert_eq!(int_from_bytes(w, big, signed), bi(x));
                }
                Err(msg) => assert_eq!(got.unwrap_err().message(), msg),
            }
        }
        assert_eq!(int_from_bytes(&[0xff, 0x00], false, true), bi("255"));
        assert_eq!(int_from_bytes(&[0xff, 0xff], true, true), bi("-1"));
        assert_eq!(int_from_bytes(&[], true, true), bi("0"));
        assert_eq!(int_bit_length(&bi("-256")), 9);
        assert_eq!(int_bit_count(&bi("-255")), 8);
    }
}
