//! Helpers for the `math` module with CPython 3.11 semantics: `isqrt`, `gcd`, `lcm`,
//! `factorial`, `comb`, `perm`, `fsum`, `hypot`, `ldexp`, `frexp`, `modf`, `fmod`, and the
//! logarithms (including of ints far beyond the float range).
//!
//! Guards against absurd sizes (documented per function) turn computations that would need
//! gigabytes into `OverflowError`s instead of exhausting memory.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::arith::{compose_f64, int_frexp, int_to_f64};
use super::{ArithError, MAX_INT_BITS};

const DOMAIN: &str = "math domain error";
const RANGE: &str = "math range error";

/// `math.isqrt(n)`. Error: `ValueError("isqrt() argument must be nonnegative")`.
pub fn int_isqrt(n: &BigInt) -> Result<BigInt, ArithError> {
    if n.is_negative() {
        return Err(ArithError::value("isqrt() argument must be nonnegative"));
    }
    Ok(n.sqrt())
}

/// `math.gcd(a, b)` (always non-negative).
pub fn int_gcd(a: &BigInt, b: &BigInt) -> BigInt {
    a.gcd(b)
}

/// `math.gcd(a, b)` for i64 (`None` when the result is 2**63).
pub fn i64_gcd(a: i64, b: i64) -> Option<i64> {
    let (mut x, mut y) = (a.unsigned_abs(), b.unsigned_abs());
    while y != 0 {
        (x, y) = (y, x % y);
    }
    i64::try_from(x).ok()
}

/// `math.lcm(a, b)` (always non-negative; 0 if either is 0).
pub fn int_lcm(a: &BigInt, b: &BigInt) -> BigInt {
    if a.is_zero() || b.is_zero() {
        return BigInt::zero();
    }
    (a / a.gcd(b) * b).abs()
}

/// Largest argument [`factorial`] accepts: `n!` for larger `n` takes minutes and hundreds of
/// megabytes. Beyond it (and beyond `i64::MAX`, with CPython's own message) the result is
/// `OverflowError("factorial() argument should not exceed {limit}")`.
pub const FACTORIAL_MAX: u64 = 20_000_000;

const TOO_MANY_DIGITS: &str = "too many digits in integer";

/// Streaming balanced product: factors are pushed one by one and merged like a binary
/// counter, so equal-sized operands get multiplied (fast with Karatsuba/Toom) while only
/// O(log n) partial products are kept.
struct Product {
    stack: Vec<(BigInt, u32)>,
}

impl Product {
    fn new() -> Self {
        Product { stack: Vec::new() }
    }

    fn push(&mut self, x: BigInt) {
        let mut cur = (x, 0u32);
        while let Some(top) = self.stack.last() {
            if top.1 != cur.1 {
                break;
            }
            let (t, level) = self.stack.pop().unwrap_or((BigInt::one(), 0));
            cur = (t * cur.0, level + 1);
        }
        self.stack.push(cur);
    }

    fn finish(mut self) -> BigInt {
        let mut acc = BigInt::one();
        while let Some((x, _)) = self.stack.pop() {
            acc *= x;
        }
        acc
    }
}

/// Product of the integers in `lo..=hi` (u64 bounds), packing small factors into u64 words.
fn range_product(lo: u64, hi: u64) -> BigInt {
    let mut prod = Product::new();
    let mut acc: u64 = 1;
    let mut i = lo;
    while i <= hi {
        match acc.checked_mul(i) {
            Some(v) => acc = v,
            None => {
                prod.push(BigInt::from(acc));
                acc = i;
            }
        }
        if i == u64::MAX {
            break;
        }
        i += 1;
    }
    prod.push(BigInt::from(acc));
    prod.finish()
}

/// `math.factorial(n)`.
/// Errors: `ValueError("factorial() not defined for negative values")`;
/// `OverflowError("factorial() argument should not exceed 9223372036854775807")` beyond
/// `i64::MAX` and `OverflowError("factorial() argument should not exceed 20000000")` beyond
/// [`FACTORIAL_MAX`] (a krait limit; CPython would try).
pub fn factorial(n: &BigInt) -> Result<BigInt, ArithError> {
    if n.is_negative() {
        return Err(ArithError::value(
            "factorial() not defined for negative values",
        ));
    }
    let n = n.to_i64().ok_or_else(|| {
        ArithError::overflow("factorial() argument should not exceed 9223372036854775807")
    })? as u64;
    if n > FACTORIAL_MAX {
        return Err(ArithError::Overflow(format!(
            "factorial() argument should not exceed {}",
            FACTORIAL_MAX
        )));
    }
    Ok(range_product(2, n.max(1)))
}

fn check_nk(n: &BigInt, k: &BigInt) -> Result<(), ArithError> {
    if n.is_negative() {
        return Err(ArithError::value("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(ArithError::value("k must be a non-negative integer"));
    }
    Ok(())
}

/// Product `n * (n-1) * ... * (n-k+1)` for `k <= n`, `k` already bounded.
fn falling_product(n: &BigInt, k: u64) -> Result<BigInt, ArithError> {
    if k == 0 {
        return Ok(BigInt::one());
    }
    if k.saturating_mul(n.magnitude().bits()) > MAX_INT_BITS {
        return Err(ArithError::overflow(TOO_MANY_DIGITS));
    }
    if let Some(nu) = n.to_u64() {
        return Ok(range_product(nu - (k - 1), nu));
    }
    let mut prod = Product::new();
    let mut f = n.clone();
    for _ in 0..k {
        prod.push(f.clone());
        f -= 1;
    }
    Ok(prod.finish())
}

/// `math.comb(n, k)`.
/// Errors: `ValueError("n must be a non-negative integer")`,
/// `ValueError("k must be a non-negative integer")`,
/// `OverflowError("min(n - k, k) must not exceed 9223372036854775807")`; a computation
/// needing more than [`MAX_INT_BITS`] bits gives `OverflowError("too many digits in
/// integer")`.
pub fn comb(n: &BigInt, k: &BigInt) -> Result<BigInt, ArithError> {
    check_nk(n, k)?;
    if k > n {
        return Ok(BigInt::zero());
    }
    let nk = n - k;
    let kk = if &nk < k { &nk } else { k };
    let k = kk
        .to_i64()
        .ok_or_else(|| ArithError::overflow("min(n - k, k) must not exceed 9223372036854775807"))?
        as u64;
    if k <= 32 {
        // Exact at every step: result * (n - i) is divisible by (i + 1).
        let mut r = BigInt::one();
        let mut f = n.clone();
        for i in 0..k {
            r = r * &f / BigInt::from(i + 1);
            f -= 1;
        }
        return Ok(r);
    }
    let num = falling_product(n, k)?;
    Ok(num / range_product(2, k))
}

/// `math.perm(n, k)`; `k = None` means `factorial(n)`.
/// Errors as [`comb`], plus `OverflowError("k must not exceed 9223372036854775807")`.
pub fn perm(n: &BigInt, k: Option<&BigInt>) -> Result<BigInt, ArithError> {
    let Some(k) = k else {
        return factorial(n);
    };
    check_nk(n, k)?;
    if k > n {
        return Ok(BigInt::zero());
    }
    let k = k
        .to_i64()
        .ok_or_else(|| ArithError::overflow("k must not exceed 9223372036854775807"))?
        as u64;
    falling_product(n, k)
}

/// `math.fsum(values)`: the correctly rounded sum (Shewchuk's algorithm with CPython's
/// final half-even correction and special-value rules).
/// Errors: `OverflowError("intermediate overflow in fsum")`,
/// `ValueError("-inf + inf in fsum")`.
pub fn fsum<I: IntoIterator<Item = f64>>(values: I) -> Result<f64, ArithError> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for xsave in values {
        let mut x = xsave;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // Either an inf/nan summand, or an intermediate overflow.
                if xsave.is_finite() {
                    return Err(ArithError::overflow("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(ArithError::value("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut n = partials.len();
    let mut hi = 0.0f64;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Make half-even rounding work across multiple partials.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// Split `x` into a high part with 26 significant bits and the exact remainder (Veltkamp).
fn split(x: f64) -> (f64, f64) {
    const T27: f64 = 134_217_729.0; // 2**27 + 1
    let t = x * T27;
    let hi = t - (t - x);
    (hi, x - hi)
}

/// `math.hypot(*coordinates)`: the Euclidean norm, with CPython 3.11's extended-precision
/// algorithm (so results match it bit for bit). Any infinity gives `inf` (even with a NaN);
/// otherwise any NaN gives `nan`.
pub fn hypot(coordinates: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &c in coordinates {
        let x = c.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
    }
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || coordinates.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        // Scaling by 2**-max_e would overflow: divide by max instead.
        let mut csum = 1.0f64;
        let mut frac = 0.0f64;
        for &c in coordinates {
            let mut x = c.abs() / max;
            x *= x;
            let old = csum;
            csum += x;
            frac += (old - csum) + x;
        }
        return max * (csum - 1.0 + frac).sqrt();
    }
    let scale = ldexp_unchecked(1.0, -max_e);
    let mut csum = 1.0f64;
    let (mut frac1, mut frac2, mut frac3) = (0.0f64, 0.0f64, 0.0f64);
    for &c in coordinates {
        let x = c.abs() * scale;
        let (hi, lo) = split(x);
        let sq = hi * hi;
        let old = csum;
        csum += sq;
        frac1 += (old - csum) + sq;
        let cross = 2.0 * hi * lo;
        let old = csum;
        csum += cross;
        frac2 += (old - csum) + cross;
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    let (hi, lo) = split(h);
    let x = -hi * hi;
    let old = csum;
    csum += x;
    frac1 += (old - csum) + x;
    let x = -2.0 * hi * lo;
    let old = csum;
    csum += x;
    frac2 += (old - csum) + x;
    let x = -lo * lo;
    let old = csum;
    csum += x;
    frac3 += (old - csum) + x;
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

/// `math.frexp(x)`: `(m, e)` with `x == m * 2**e`, `0.5 <= |m| < 1`; zeros, infinities and
/// NaN give `(x, 0)`.
pub fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    if biased == 0 {
        // Subnormal: normalize first (exact).
        let (m, e) = frexp(x * 18_014_398_509_481_984.0); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, biased - 1022)
}

/// `ldexp` without the range check (correctly rounded; overflow gives infinity).
fn ldexp_unchecked(x: f64, exp: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, e) = frexp(x);
    // m * 2**53 is an exact integer.
    let mi = (m.abs() * 9_007_199_254_740_992.0) as u128;
    let e = e.saturating_add(exp).clamp(-1 << 20, 1 << 20) - 53;
    let r = compose_f64(mi, e, false);
    if x < 0.0 {
        -r
    } else {
        r
    }
}

/// `math.ldexp(x, i)` (callers clamp a huge `i` to the `i64` range).
/// Error: `OverflowError("math range error")`.
pub fn ldexp(x: f64, exp: i64) -> Result<f64, ArithError> {
    let r = ldexp_unchecked(x, exp);
    if r.is_infinite() && x.is_finite() {
        return Err(ArithError::overflow(RANGE));
    }
    Ok(r)
}

/// `math.modf(x)`: `(fractional part, integer part)`, both with the sign of `x`.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let t = x.trunc();
    ((x - t).copysign(x), t)
}

/// `math.fmod(x, y)` (result has the sign of `x`). Error: `ValueError("math domain error")`
/// for `fmod(inf, y)` and `fmod(x, 0)`.
pub fn fmod(x: f64, y: f64) -> Result<f64, ArithError> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(ArithError::value(DOMAIN));
    }
    Ok(r)
}

/// Which logarithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    /// Natural logarithm (`math.log`).
    Ln,
    /// `math.log2`.
    Log2,
    /// `math.log10`.
    Log10,
}

impl LogKind {
    fn apply(self, x: f64) -> f64 {
        match self {
            LogKind::Ln => x.ln(),
            LogKind::Log2 => x.log2(),
            LogKind::Log10 => x.log10(),
        }
    }
}

/// `math.log(x)`, `math.log2(x)`, `math.log10(x)` for a float.
/// Error: `ValueError("math domain error")` for `x <= 0` (including `-inf`).
pub fn float_log(x: f64, kind: LogKind) -> Result<f64, ArithError> {
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(ArithError::value(DOMAIN));
    }
    if x.is_infinite() {
        return Ok(x);
    }
    Ok(kind.apply(x))
}

/// `math.log(n)`, `math.log2(n)`, `math.log10(n)` for an int of any size: ints beyond the
/// float range are computed as `log(m) + log(2) * e` from [`int_frexp`], exactly like
/// CPython (`math.log(10**1000) == 2302.585092994045`).
/// Error: `ValueError("math domain error")` for `n <= 0`.
pub fn int_log(n: &BigInt, kind: LogKind) -> Result<f64, ArithError> {
    if !n.is_positive() {
        return Err(ArithError::value(DOMAIN));
    }
    match int_to_f64(n) {
        Ok(x) => Ok(kind.apply(x)),
        Err(_) => {
            let (m, e) = int_frexp(n);
            Ok(kind.apply(m) + kind.apply(2.0) * e as f64)
        }
    }
}

/// `math.log(x, base)` given the two natural logarithms (from [`float_log`] / [`int_log`]).
/// Error: `ZeroDivisionError("float division by zero")` when `log(base) == 0`.
pub fn log_with_base(log_x: f64, log_base: f64) -> Result<f64, ArithError> {
    if log_base == 0.0 {
        return Err(ArithError::zero_div("float division by zero"));
    }
    Ok(log_x / log_base)
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

    include!("testdata/mathfn.rs");

    fn bi(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    #[test]
    fn integer_functions() {
        for &(n, want) in ISQRT_CASES {
            assert_eq!(int_isqrt(&bi(n)).unwrap(), bi(want), "isqrt({n})");
        }
        assert_eq!(
            int_isqrt(&bi("-1")).unwrap_err().message(),
            "isqrt() argument must be nonnegative"
        );
        for &(a, b, g, l) in GCD_CASES {
            assert_eq!(int_gcd(&bi(a), &bi(b)), bi(g), "gcd({a}, {b})");
            assert_eq!(int_lcm(&bi(a), &bi(b)), bi(l), "lcm({a}, {b})");
            if let (Ok(x), Ok(y)) = (a.parse::<i64>(), b.parse::<i64>()) {
                assert_eq!(i64_gcd(x, y), g.parse::<i64>().ok());
            }
        }
        for &(n, digest) in FACTORIAL_CASES {
            let f = factorial(&BigInt::from(n)).unwrap();
            assert_eq!(hash_digest(&f), digest, "factorial({n})");
        }
        for &(n, k, want) in COMB_CASES {
            let got = comb(&bi(n), &bi(k));
            match want.strip_prefix('!') {
                Some(msg) => assert_eq!(got.unwrap_err().message(), msg),
                None => assert_eq!(got.unwrap(), bi(want), "comb({n}, {k})"),
            }
        }
        for &(n, k, want) in PERM_CASES {
            let k = (!k.is_empty()).then(|| bi(k));
            let got = perm(&bi(n), k.as_ref());
            match want.strip_prefix('!') {
                Some(msg) => assert_eq!(got.unwrap_err().message(), msg),
                None => assert_eq!(got.unwrap(), bi(want), "perm({n}, {k:?})"),
            }
        }
        assert_eq!(
            factorial(&bi("-1")).unwrap_err().message(),
            "factorial() not defined for negative values"
        );
        assert_eq!(
            factorial(&bi("100000000000000000000"))
                .unwrap_err()
                .message(),
            "factorial() argument should not exceed 9223372036854775807"
        );
        assert_eq!(
            factorial(&bi("100000000")).unwrap_err().message(),
            "factorial() argument should not exceed 20000000"
        );
    }

    /// A short digest of a big int (its value modulo a large prime, and its bit length).
    fn hash_digest(x: &BigInt) -> (u64, u64) {
        let p = BigInt::from(1_000_000_007u64);
        ((x % p).to_u64().unwrap(), x.bits())
    }

    #[test]
    fn fsum_cases() {
        for &(vals, want) in FSUM_CASES {
            let got = fsum(vals.iter().copied());
            match want {
                Ok(w) => assert!(same(got.unwrap(), w), "fsum({vals:?})"),
                Err(msg) => assert_eq!(got.unwrap_err().message(), msg),
            }
        }
    }

    #[test]
    fn hypot_cases() {
        for &(vals, want) in HYPOT_CASES {
            let got = hypot(vals);
            assert!(same(got, want), "hypot({vals:?}) = {got:e}, want {want:e}");
        }
    }

    #[test]
    fn float_functions() {
        for &(x, m, e) in FREXP_CASES {
            let (gm, ge) = frexp(x);
            assert!(same(gm, m) && ge == e, "frexp({x:e})");
        }
        for &(x, i, want) in LDEXP_CASES {
            let got = ldexp(x, i);
            match want {
                Some(w) => assert!(same(got.unwrap(), w), "ldexp({x:e}, {i})"),
                None => assert_eq!(got.unwrap_err().message(), "math range error"),
            }
        }
        for &(x, f, i) in MODF_CASES {
            let (gf, gi) = modf(x);
            assert!(same(gf, f) && same(gi, i), "modf({x:e})");
        }
        for &(x, y, want) in FMOD_CASES {
            let got = fmod(x, y);
            match want {
                Some(w) => assert!(same(got.unwrap(), w), "fmod({x:e}, {y:e})"),
                None => assert_eq!(got.unwrap_err().message(), "math domain error"),
            }
        }
    }

    #[test]
    fn logs() {
        for &(x, ln, l2, l10) in FLOAT_LOG_CASES {
            for (kind, want) in [
                (LogKind::Ln, ln),
                (LogKind::Log2, l2),
                (LogKind::Log10, l10),
            ] {
                match want {
                    Some(w) => assert!(same(float_log(x, kind).unwrap(), w), "{kind:?}({x:e})"),
                    None => assert_eq!(
                        float_log(x, kind).unwrap_err().message(),
                        "math domain error"
                    ),
                }
            }
        }
        for &(n, ln, l2, l10) in INT_LOG_CASES {
            let n = bi(n);
            for (kind, want) in [
                (LogKind::Ln, ln),
                (LogKind::Log2, l2),
                (LogKind::Log10, l10),
            ] {
                match want {
                    Some(w) => assert!(same(int_log(&n, kind).unwrap(), w), "{kind:?}({n})"),
                    None => assert_eq!(
                        int_log(&n, kind).unwrap_err().message(),
                        "math domain error"
                    ),
                }
            }
        }
        let big = num_traits::pow(bi("10"), 1000);
        assert_eq!(int_log(&big, LogKind::Ln).unwrap(), 2302.585092994045);
        assert_eq!(
            log_with_base(1.0, 0.0).unwrap_err().message(),
            "float division by zero"
        );
    }
}
