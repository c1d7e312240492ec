//! `float.hex()` and `float.fromhex()`.

use super::arith::compose_f64;
use super::ArithError;

/// `x.hex()`: `'0x1.999999999999ap-4'`, `'-0x0.0p+0'`, `'0x0.0000000000001p-1022'`, `'inf'`,
/// `'nan'`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    let esign = if exp >= 0 { "+" } else { "-" };
    format!(
        "{}0x{}.{:013x}p{}{}",
        sign,
        lead,
        frac,
        esign,
        exp.unsigned_abs()
    )
}

fn invalid() -> ArithError {
    ArithError::value("invalid hexadecimal floating-point string")
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// `float.fromhex(s)`, correctly rounded (ties to even), for ASCII input (a `str` containing
/// non-ASCII characters is simply invalid).
///
/// Errors: `ValueError("invalid hexadecimal floating-point string")`,
/// `OverflowError("hexadecimal value too large to represent as a float")`.
pub fn float_fromhex(s: &str) -> Result<f64, ArithError> {
    let b = s.as_bytes();
    let mut lo = 0;
    let mut hi = b.len();
    while lo < hi && is_space(b[lo]) {
        lo += 1;
    }
    while hi > lo && is_space(b[hi - 1]) {
        hi -= 1;
    }
    let t = &b[lo..hi];
    let (negative, t) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let sign = |v: f64| if negative { -v } else { v };
    if t.eq_ignore_ascii_case(b"inf") || t.eq_ignore_ascii_case(b"infinity") {
        return Ok(sign(f64::INFINITY));
    }
    if t.eq_ignore_ascii_case(b"nan") {
        return Ok(sign(f64::NAN));
    }
    let t = if t.len() >= 2 && t[0] == b'0' && (t[1] == b'x' || t[1] == b'X') {
        &t[2..]
    } else {
        t
    };
    // Mantissa: hex digits with an optional point.
    const KEEP: usize = 30; // hex digits kept exactly (120 bits); the rest feed a sticky bit
    let mut m: u128 = 0;
    let mut kept = 0usize;
    let mut sticky = false;
    // value = m * 2**exp2 (before adding the explicit exponent)
    let mut exp2: i64 = 0;
    let mut ndigits = 0usize;
    let mut seen_point = false;
    let mut i = 0;
    while i < t.len() {
        let c = t[i];
        if c == b'.' {
            if seen_point {
                break;
            }
            seen_point = true;
            i += 1;
            continue;
        }
        let Some(d) = (c as char).to_digit(16) else {
            break;
        };
        ndigits += 1;
        if seen_point {
            exp2 = exp2.saturating_sub(4);
        }
        if m == 0 && d == 0 {
            // leading zero: no effect on the value
        } else if kept < KEEP {
            m = (m << 4) | d as u128;
            kept += 1;
        } else {
            sticky |= d != 0;
            exp2 = exp2.saturating_add(4);
        }
        i += 1;
    }
    if ndigits == 0 {
        return Err(invalid());
    }
    if i < t.len() && (t[i] == b'p' || t[i] == b'P') {
        i += 1;
        let mut eneg = false;
        if i < t.len() && (t[i] == b'+' || t[i] == b'-') {
            eneg = t[i] == b'-';
            i += 1;
        }
        let start = i;
        let mut e: i64 = 0;
        while i < t.len() && t[i].is_ascii_digit() {
            e = e
                .saturating_mul(10)
                .saturating_add((t[i] - b'0') as i64)
                .min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(invalid());
        }
        exp2 = exp2.saturating_add(if eneg { -e } else { e });
    }
    if i != t.len() {
        return Err(invalid());
    }
    if m == 0 {
        return Ok(sign(0.0));
    }
    // Clamp absurd exponents (the result is then 0 or an overflow anyway).
    let exp2 = exp2.clamp(-(1 << 20), 1 << 20);
    let v = compose_f64(m, exp2, sticky);
    if v.is_infinite() {
        return Err(ArithError::overflow(
            "hexadecimal value too large to represent as a float",
        ));
    }
    Ok(sign(v))
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

    include!("testdata/floathex.rs");

    #[test]
    fn hex() {
        for &(x, want) in FLOAT_HEX_CASES {
            assert_eq!(float_hex(x), want);
            if x.is_finite() {
                assert_eq!(float_fromhex(want).unwrap().to_bits(), x.to_bits());
            }
        }
    }

    #[test]
    fn fromhex() {
        for &(s, want) in FROMHEX_CASES {
            let got = float_fromhex(s);
            match want {
                Ok(w) => {
                    let g = got.unwrap_or_else(|e| panic!("fromhex({s:?}): {e}"));
                    assert!(
                        g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()),
                        "fromhex({s:?}) = {g:e}, want {w:e}"
                    );
                }
                Err(msg) => assert_eq!(got.unwrap_err().message(), msg, "fromhex({s:?})"),
            }
        }
    }
}
