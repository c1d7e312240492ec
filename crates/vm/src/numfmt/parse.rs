//! Text to number: `int(s, base)` and `float(s)` with CPython 3.11's rules.
//!
//! For `str` input CPython first maps every non-ASCII whitespace character to a space and
//! every non-ASCII Unicode decimal digit to its ASCII digit (other non-ASCII characters make
//! the literal invalid); ASCII characters are kept as they are, and only ASCII whitespace
//! (`' ' \t \n \v \f \r`) is stripped. The `*_bytes` variants take `bytes`/`bytearray` input,
//! where no such mapping happens.

use num_bigint::{BigInt, BigUint};
use num_traits::{Num, Zero};

use super::int_fmt::DEFAULT_MAX_STR_DIGITS;
use super::repr::{bytes_repr, str_repr};
use super::spec::truncate_chars;
use super::unicode_tables::{decimal_value, is_space};

/// Why `int(s, base)` failed. Build the message with [`ParseIntError::message`] (which needs
/// the repr of the original argument, since CPython quotes the argument object: `'12a'` for a
/// str, `b'12a'` for bytes) or [`ParseIntError::message_for_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseIntError {
    /// `ValueError("int() base must be >= 2 and <= 36, or 0")`.
    InvalidBase,
    /// `ValueError("invalid literal for int() with base {base}: {repr}")`.
    InvalidLiteral,
    /// `ValueError("Exceeds the limit ({limit} digits) for integer string conversion: value
    /// has {digits} digits; use sys.set_int_max_str_digits() to increase the limit")`.
    ExceedsLimit { limit: usize, digits: usize },
}

impl ParseIntError {
    /// The `ValueError` message. `literal_repr` is `repr()` of the argument; CPython truncates
    /// it to 200 characters, which this function does.
    pub fn message(&self, literal_repr: &str, base: u32) -> String {
        match self {
            ParseIntError::InvalidBase => "int() base must be >= 2 and <= 36, or 0".to_string(),
            ParseIntError::InvalidLiteral => format!(
                "invalid literal for int() with base {}: {}",
                base,
                truncate_chars(literal_repr, 200)
            ),
            ParseIntError::ExceedsLimit { limit, digits } => format!(
                "Exceeds the limit ({} digits) for integer string conversion: value has {} \
                 digits; use sys.set_int_max_str_digits() to increase the limit",
                limit, digits
            ),
        }
    }

    /// The message for a `str` argument `s` (quoted with [`str_repr`]).
    pub fn message_for_str(&self, s: &str, base: u32) -> String {
        self.message(&str_repr(s), base)
    }

    /// The message for a `bytes` argument (quoted with [`bytes_repr`]).
    pub fn message_for_bytes(&self, b: &[u8], base: u32) -> String {
        self.message(&bytes_repr(b), base)
    }
}

/// Map a `str` to the ASCII form CPython parses (see the module docs). Non-ASCII characters
/// that are neither whitespace nor decimal digits become `'?'`, which no parser accepts.
fn to_ascii_form(s: &str) -> std::borrow::Cow<'_, [u8]> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s.as_bytes());
    }
    let out: Vec<u8> = s
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else if is_space(c) {
                b' '
            } else if let Some(d) = decimal_value(c) {
                b'0' + d as u8
            } else {
                b'?'
            }
        })
        .collect();
    std::borrow::Cow::Owned(out)
}

/// C-locale `isspace`.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 99,
    }
}

/// `int(s, base)` for a `str`, with the default digit limit ([`DEFAULT_MAX_STR_DIGITS`]).
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, ParseIntError> {
    parse_int_with_limit(s, base, DEFAULT_MAX_STR_DIGITS)
}

/// `int(s, base)` for a `str` with an explicit `sys.get_int_max_str_digits()` value
/// (`0` = unlimited). `base` must be 0 or 2..=36.
pub fn parse_int_with_limit(
    s: &str,
    base: u32,
    max_str_digits: usize,
) -> Result<BigInt, ParseIntError> {
    parse_int_ascii(&to_ascii_form(s), base, max_str_digits)
}

/// `int(b, base)` for `bytes`/`bytearray` (ASCII only).
pub fn parse_int_bytes(
    b: &[u8],
    base: u32,
    max_str_digits: usize,
) -> Result<BigInt, ParseIntError> {
    parse_int_ascii(b, base, max_str_digits)
}

/// Fast path: `int(s)` (base 10) when the value fits in an `i64`; `None` otherwise (including
/// invalid input, which the caller should re-parse with [`parse_int`] for the error).
pub fn parse_i64(s: &str) -> Option<i64> {
    let t = s.trim_matches(|c: char| c.is_ascii() && is_ascii_space(c as u8));
    let (neg, digits) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: i64 = digits.parse().ok()?;
    Some(if neg { -v } else { v })
}

fn parse_int_ascii(s: &[u8], base: u32, max_str_digits: usize) -> Result<BigInt, ParseIntError> {
    if base == 1 || base > 36 {
        return Err(ParseIntError::InvalidBase);
    }
    let bad = Err(ParseIntError::InvalidLiteral);
    let mut i = 0;
    let n = s.len();
    while i < n && is_ascii_space(s[i]) {
        i += 1;
    }
    let mut negative = false;
    if i < n && (s[i] == b'+' || s[i] == b'-') {
        negative = s[i] == b'-';
        i += 1;
    }
    let at = |k: usize| s.get(k).copied().unwrap_or(0);
    let mut base = base;
    let mut must_be_zero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    must_be_zero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0'
        && matches!(
            (base, at(i + 1)),
            (16, b'x' | b'X') | (8, b'o' | b'O') | (2, b'b' | b'B')
        )
    {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return bad;
    }
    let start = i;
    let mut digits = 0usize;
    let mut prev_underscore = false;
    while i < n {
        let c = s[i];
        if c == b'_' {
            if prev_underscore {
                return bad;
            }
            prev_underscore = true;
        } else if digit_value(c) < base {
            digits += 1;
            prev_underscore = false;
        } else {
            break;
        }
        i += 1;
    }
    if prev_underscore {
        return bad;
    }
    let end = i;
    if base & (base - 1) != 0 && max_str_digits > 0 && digits > max_str_digits {
        return Err(ParseIntError::ExceedsLimit {
            limit: max_str_digits,
            digits,
        });
    }
    if end == start {
        return bad;
    }
    while i < n && is_ascii_space(s[i]) {
        i += 1;
    }
    if i != n {
        return bad;
    }
    let body = &s[start..end];
    let mag = if body.contains(&b'_') {
        let cleaned: Vec<u8> = body.iter().copied().filter(|&b| b != b'_').collect();
        parse_magnitude(&cleaned, base)
    } else {
        parse_magnitude(body, base)
    };
    let Some(mag) = mag else { return bad };
    if must_be_zero && !mag.is_zero() {
        return bad;
    }
    let v = BigInt::from(mag);
    Ok(if negative { -v } else { v })
}

fn parse_magnitude(digits: &[u8], base: u32) -> Option<BigUint> {
    if digits.len() <= 18 && base <= 10 || digits.len() <= 12 {
        let mut v: u64 = 0;
        for &d in digits {
            v = v * base as u64 + digit_value(d) as u64;
        }
        return Some(BigUint::from(v));
    }
    // Validated ASCII digits.
    let text = std::str::from_utf8(digits).ok()?;
    BigUint::from_str_radix(text, base).ok()
}

/// `float(s)` failed: `ValueError("could not convert string to float: {repr}")`, where
/// `repr` is the (untruncated) repr of the argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseFloatError;

impl ParseFloatError {
    /// The message given the repr of the argument.
    pub fn message(&self, literal_repr: &str) -> String {
        format!("could not convert string to float: {}", literal_repr)
    }
    /// The message for a `str` argument.
    pub fn message_for_str(&self, s: &str) -> String {
        self.message(&str_repr(s))
    }
    /// The message for a `bytes` argument.
    pub fn message_for_bytes(&self, b: &[u8]) -> String {
        self.message(&bytes_repr(b))
    }
}

/// `float(s)` for a `str`: surrounding whitespace, a sign, decimal digits with an optional
/// point and exponent, single underscores between digits, and `inf`/`infinity`/`nan` in any
/// case (with a sign). Hex floats are not accepted (that is `float.fromhex`).
///
/// On failure the caller raises the `ValueError` described by [`ParseFloatError`].
pub fn parse_float(s: &str) -> Result<f64, ParseFloatError> {
    parse_float_ascii(&to_ascii_form(s))
}

/// [`parse_float`] for `bytes`/`bytearray` input.
pub fn parse_float_bytes(b: &[u8]) -> Result<f64, ParseFloatError> {
    parse_float_ascii(b)
}

fn parse_float_ascii(s: &[u8]) -> Result<f64, ParseFloatError> {
    // Underscores: only between digits; removed before parsing.
    let owned;
    let s = if s.contains(&b'_') {
        let mut out = Vec::with_capacity(s.len());
        let mut prev = 0u8;
        for &c in s {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(ParseFloatError);
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return Err(ParseFloatError);
                }
                out.push(c);
            }
            prev = c;
        }
        if prev == b'_' {
            return Err(ParseFloatError);
        }
        owned = out;
        &owned[..]
    } else {
        s
    };
    let mut lo = 0;
    let mut hi = s.len();
    while lo < hi && is_ascii_space(s[lo]) {
        lo += 1;
    }
    while hi > lo && is_ascii_space(s[hi - 1]) {
        hi -= 1;
    }
    let t = &s[lo..hi];
    let (negative, body) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        return Ok(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if body.eq_ignore_ascii_case(b"nan") {
        return Ok(if negative { -f64::NAN } else { f64::NAN });
    }
    // [digits] ['.' [digits]] [(e|E) [sign] digits], at least one mantissa digit.
    let mut i = 0;
    let n = body.len();
    let int_start = i;
    while i < n && body[i].is_ascii_digit() {
        i += 1;
    }
    let mut mant_digits = i - int_start;
    if i < n && body[i] == b'.' {
        i += 1;
        let f = i;
        while i < n && body[i].is_ascii_digit() {
            i += 1;
        }
        mant_digits += i - f;
    }
    if mant_digits == 0 {
        return Err(ParseFloatError);
    }
    if i < n && (body[i] == b'e' || body[i] == b'E') {
        i += 1;
        if i < n && (body[i] == b'+' || body[i] == b'-') {
            i += 1;
        }
        let e = i;
        while i < n && body[i].is_ascii_digit() {
            i += 1;
        }
        if i == e {
            return Err(ParseFloatError);
        }
    }
    if i != n {
        return Err(ParseFloatError);
    }
    let text = std::str::from_utf8(body).map_err(|_| ParseFloatError)?;
    let v: f64 = text.parse().map_err(|_| ParseFloatError)?;
    Ok(if negative { -v } else { v })
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

    include!("testdata/parse.rs");

    #[test]
    fn ints() {
        for &(s, base, want) in PARSE_INT_CASES {
            let got = parse_int(s, base);
            match want.strip_prefix('!') {
                Some(msg) => assert_eq!(
                    got.map_err(|e| e.message_for_str(s, base)),
                    Err(msg.to_string()),
                    "int({s:?}, {base})"
                ),
                None => assert_eq!(
                    got,
                    Ok(want.parse::<BigInt>().unwrap()),
                    "int({s:?}, {base})"
                ),
            }
        }
    }

    #[test]
    fn int_limits_and_bytes() {
        let s = "1".repeat(5000);
        let e = parse_int(&s, 10).unwrap_err();
        assert_eq!(
            e,
            ParseIntError::ExceedsLimit {
                limit: 4300,
                digits: 5000
            }
        );
        assert_eq!(
            e.message_for_str(&s, 10),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 \
             digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        assert!(parse_int(&"1".repeat(4300), 10).is_ok());
        assert!(parse_int(&"1".repeat(5000), 16).is_ok());
        assert!(parse_int(&format!("0x{}", "1".repeat(5000)), 0).is_ok());
        assert!(parse_int_with_limit(&"1".repeat(5000), 10, 0).is_ok());
        // the limit is checked before trailing garbage, but after underscores
        assert_eq!(
            parse_int(&format!("{}x", "1".repeat(5000)), 10),
            Err(ParseIntError::ExceedsLimit {
                limit: 4300,
                digits: 5000
            })
        );
        assert_eq!(
            parse_int(&format!("{}_", "1".repeat(5000)), 10),
            Err(ParseIntError::InvalidLiteral)
        );
        let u = format!("{}1", "1_".repeat(2500));
        assert_eq!(parse_int(&u, 10).map(|v| v.to_string().len()), Ok(2501));
        let u = format!("{}1", "1_".repeat(4400));
        assert_eq!(
            parse_int(&u, 10),
            Err(ParseIntError::ExceedsLimit {
                limit: 4300,
                digits: 4401
            })
        );
        let long = "a".repeat(250);
        let msg = parse_int(&long, 10).unwrap_err().message_for_str(&long, 10);
        assert_eq!(
            msg,
            format!(
                "invalid literal for int() with base 10: '{}",
                "a".repeat(199)
            )
        );
        assert_eq!(parse_int("12", 1), Err(ParseIntError::InvalidBase));
        assert_eq!(parse_int("12", 37), Err(ParseIntError::InvalidBase));
        assert_eq!(
            ParseIntError::InvalidBase.message("", 37),
            "int() base must be >= 2 and <= 36, or 0"
        );
        assert_eq!(parse_int_bytes(b" 12 ", 10, 4300), Ok(BigInt::from(12)));
        assert_eq!(parse_int_bytes(b"0x1f", 0, 4300), Ok(BigInt::from(31)));
        let e = parse_int_bytes(b"12a", 10, 4300).unwrap_err();
        assert_eq!(
            e.message_for_bytes(b"12a", 10),
            "invalid literal for int() with base 10: b'12a'"
        );
        assert_eq!(
            parse_int_bytes(b"\x1c12", 10, 4300),
            Err(ParseIntError::InvalidLiteral)
        );
        assert_eq!(parse_i64(" -123 "), Some(-123));
        assert_eq!(parse_i64("1_0"), None);
        assert_eq!(parse_i64("+999999999999999999"), Some(999999999999999999));
        assert_eq!(parse_i64(""), None);
    }

    #[test]
    fn floats() {
        for &(s, want) in PARSE_FLOAT_CASES {
            let got = parse_float(s);
            match want {
                Some(w) => {
                    let g = got.unwrap_or_else(|_| panic!("float({s:?}) failed"));
                    assert!(
                        g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()),
                        "float({s:?}) = {g} want {w}"
                    );
                }
                None => assert!(got.is_err(), "float({s:?}) should fail"),
            }
        }
        assert_eq!(parse_float("-nan").map(|v| v.is_sign_negative()), Ok(true));
        assert_eq!(parse_float_bytes(b" 1.5 "), Ok(1.5));
        assert!(parse_float_bytes(b"1.5\x00").is_err());
        assert_eq!(
            ParseFloatError.message_for_str("1x"),
            "could not convert string to float: '1x'"
        );
    }
}
