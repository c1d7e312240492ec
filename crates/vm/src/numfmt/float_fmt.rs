//! Float to text: `repr(float)`, `format(float, spec)` and `%`-style float formatting.
//!
//! Digit generation relies on Rust's float formatting, which is exact: `{:e}` yields the
//! shortest digit string that round-trips, and `{:.N}` / `{:.Ne}` are correctly rounded
//! (round-half-even on the exact binary value), just like David Gay's `dtoa` that CPython uses.
//! On top of the digits this module implements CPython's layout rules
//! (`PyOS_double_to_string`).

use super::spec::{render_number, separator, unknown_format_code, FormatSpec, NumberParts};
use super::FormatError;

/// A decimal digit string: the value is `0.d1 d2 d3 ... * 10**decpt`.
///
/// `digits` is ASCII, has no trailing zeros, and is `"0"` (with `decpt == 1`) for zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Digits {
    pub digits: Vec<u8>,
    pub decpt: i64,
}

impl Digits {
    fn normalize(mut digits: Vec<u8>, mut decpt: i64) -> Digits {
        let lead = digits.iter().take_while(|&&d| d == b'0').count();
        digits.drain(..lead);
        decpt -= lead as i64;
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        if digits.is_empty() {
            return Digits {
                digits: vec![b'0'],
                decpt: 1,
            };
        }
        Digits { digits, decpt }
    }

    /// Parse Rust's `{:e}` output (`"1.2345e-5"`, `"0e0"`).
    fn from_sci(s: &str) -> Digits {
        let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
        Digits::normalize(digits, exp + 1)
    }

    /// Parse Rust's `{:.N}` output (`"123.4500"`, `"0.0012"`, `"5"`).
    fn from_fixed(s: &str) -> Digits {
        let int_len = s.find('.').unwrap_or(s.len());
        let digits: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
        Digits::normalize(digits, int_len as i64)
    }

    fn is_zero(&self) -> bool {
        self.digits == b"0"
    }
}

/// Shortest round-tripping digits of a finite `x >= 0` (dtoa mode 0).
///
/// When two digit strings of the shortest length are equally close to `x` (the exact value
/// lies halfway between them), Rust's `{:e}` picks the upper one while `dtoa` (and so
/// CPython) rounds half to even. The correctly rounded string of the same length (which
/// Rust's exact mode rounds half to even) is used whenever it also round-trips.
pub(crate) fn digits_shortest(x: f64) -> Digits {
    let short = Digits::from_sci(&format!("{:e}", x));
    let n = short.digits.len();
    if n > 1 && shortest_tie_possible(x) {
        let s = format!("{:.*e}", n - 1, x);
        if s.parse::<f64>() == Ok(x) {
            let exact = Digits::from_sci(&s);
            if exact.digits.len() == n {
                return exact;
            }
        }
    }
    short
}

/// Whether the exact decimal value of a finite `x > 0` has at most 18 significant digits, the
/// only case in which shortest-digit generation can meet an exact tie (a shortest string has
/// at most 17 digits, and a tie needs the exact value to end one digit further with a 5).
///
/// With `x = m * 2**e`, `m` odd: for `e >= 0` the exact value is `d * 10**e` only if `m` is a
/// multiple of `5**e` (so `e <= 22`); for `e < 0` it is `m * 5**-e / 10**-e`, which has few
/// digits only if `m * 5**-e < 10**18`.
fn shortest_tie_possible(x: f64) -> bool {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074i64)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    if m == 0 {
        return false;
    }
    let tz = m.trailing_zeros();
    let (m, e) = (m >> tz, e + tz as i64);
    if e >= 0 {
        e <= 22 && m % 5u64.pow(e as u32) == 0
    } else {
        let k = -e;
        k <= 26 && (m as u128) * 5u128.pow(k as u32) < 1_000_000_000_000_000_000
    }
}

/// `n >= 1` significant digits of a finite `x >= 0`, correctly rounded (dtoa mode 2).
pub(crate) fn digits_significant(x: f64, n: usize) -> Digits {
    Digits::from_sci(&format!("{:.*e}", n.max(1) - 1, x))
}

/// Digits of a finite `x >= 0` rounded to `n` places after the point (dtoa mode 3).
pub(crate) fn digits_fixed(x: f64, n: usize) -> Digits {
    Digits::from_fixed(&format!("{:.*}", n, x))
}

/// Options of [`double_to_string`] (CPython's `Py_DTSF_*` flags).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// Append `.0` to integral values printed without exponent (and, for `g`, switch to the
    /// exponent one digit earlier).
    pub add_dot_0: bool,
    /// Alternate form (`#`): keep the decimal point, and trailing zeros for `g`.
    pub alt: bool,
    /// `z`: print a value that rounds to zero without a minus sign.
    pub no_neg_0: bool,
}

/// Format `x` with conversion `code` (`e E f F g G`, or `r` for the shortest repr-style
/// digits, which ignores `precision`), CPython's `PyOS_double_to_string` without the
/// always-add-sign flag. A minus sign is included for negative values (never for NaN).
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if x.is_nan() {
        return if upper { "NAN" } else { "nan" }.to_string();
    }
    let neg = x.is_sign_negative();
    if x.is_infinite() {
        let s = if upper { "INF" } else { "inf" };
        return if neg {
            format!("-{}", s)
        } else {
            s.to_string()
        };
    }
    let ax = x.abs();
    let prec = precision as i64;
    let mut use_exp = false;
    let (d, mut vend) = match code {
        'e' => {
            use_exp = true;
            (digits_significant(ax, precision + 1), prec + 1)
        }
        'f' => {
            let d = digits_fixed(ax, precision);
            let v = d.decpt + prec;
            (d, v)
        }
        'g' => {
            let p = precision.max(1);
            let d = digits_significant(ax, p);
            let limit = if flags.add_dot_0 {
                p as i64 - 1
            } else {
                p as i64
            };
            if d.decpt <= -4 || d.decpt > limit {
                use_exp = true;
            }
            let v = if flags.alt {
                p as i64
            } else {
                d.digits.len() as i64
            };
            (d, v)
        }
        _ => {
            // 'r'
            let d = digits_shortest(ax);
            if d.decpt <= -4 || d.decpt > 16 {
                use_exp = true;
            }
            let v = d.digits.len() as i64;
            (d, v)
        }
    };
    let ndig = d.digits.len() as i64;
    let mut decpt = d.decpt;
    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = vend.max(ndig);
    vend = if !use_exp && flags.add_dot_0 {
        vend.max(decpt + 1)
    } else {
        vend.max(decpt)
    };
    let mut out = String::with_capacity((vend - vstart) as usize + 8);
    if neg && !(flags.no_neg_0 && d.is_zero()) {
        out.push('-');
    }
    for i in vstart..vend {
        if i == decpt {
            out.push('.');
        }
        let c = if i >= 0 && i < ndig {
            d.digits[i as usize]
        } else {
            b'0'
        };
        out.push(c as char);
    }
    if decpt == vend && flags.alt {
        out.push('.');
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    }
    out
}

/// `repr(x)` / `str(x)` for a float, exactly as CPython: shortest round-trip digits,
/// exponent notation when the decimal exponent is < -4 or >= 16.
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        },
    )
}

/// `format(x, spec)` for a float (`type(x).__name__ == "float"` in error messages).
///
/// An empty spec gives `str(x)` as CPython does.
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    format_float_for(x, spec, "float")
}

/// [`format_float`] with the type name used in error messages (for float subclasses).
pub fn format_float_for(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(c) => return Err(unknown_format_code(c, type_name)),
    }
    format_float_internal(x, spec)
}

/// The float formatter proper (no check of the presentation type); also used for ints
/// formatted with a float presentation type.
pub(crate) fn format_float_internal(x: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    if let Some(p) = spec.precision {
        if p > i32::MAX as usize {
            return Err(FormatError::value("precision too big"));
        }
    }
    let mut flags = DtoaFlags {
        add_dot_0: false,
        alt: spec.alternate,
        no_neg_0: spec.no_neg_zero,
    };
    let mut val = x;
    let mut pct = false;
    let mut default_prec = 6;
    let mut code = match spec.ty {
        None => {
            flags.add_dot_0 = true;
            default_prec = 0;
            'r'
        }
        Some('n') => 'g',
        Some('%') => {
            val *= 100.0;
            pct = true;
            'f'
        }
        Some(c) => c,
    };
    let precision = match spec.precision {
        None => default_prec,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let mut buf = double_to_string(val, code, precision, flags);
    if pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let ndig = body.bytes().take_while(u8::is_ascii_digit).count();
    render_number(
        NumberParts {
            negative,
            prefix: "",
            digits: &body[..ndig],
            remainder: &body[ndig..],
        },
        spec,
        separator(spec),
    )
}

/// Flags of a `%`-style conversion (`%-+ #0`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`: left-adjust.
    pub left: bool,
    /// `+`: always show a sign.
    pub plus: bool,
    /// ` `: space in place of a plus sign.
    pub space: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// `0`: zero padding.
    pub zero: bool,
}

/// Pad the text of a `%` conversion to `width` (CPython's `unicode_format_arg_output`).
///
/// `numeric` conversions take the sign flags and zero padding into account; `prefix_len` is 2
/// when `body` holds a `0x`/`0o` prefix after its sign that zero padding must go after.
pub(crate) fn percent_pad(
    body: &str,
    flags: &PercentFlags,
    width: Option<usize>,
    numeric: bool,
    prefix_len: usize,
) -> Result<String, FormatError> {
    let (sign, rest) = if numeric {
        match body.chars().next() {
            Some(c @ ('-' | '+')) => (Some(c), &body[1..]),
            _ if flags.plus => (Some('+'), body),
            _ if flags.space => (Some(' '), body),
            _ => (None, body),
        }
    } else {
        (None, body)
    };
    let zero_fill = numeric && flags.zero;
    let len = rest.chars().count() + sign.is_some() as usize;
    let width = width.unwrap_or(0).max(len);
    if width > super::MAX_FORMAT_LEN {
        return Err(FormatError::new(super::ExcKind::MemoryError, ""));
    }
    let pad = width - len;
    let mut out = String::with_capacity(body.len() + pad + 1);
    let (prefix, digits) = rest.split_at(prefix_len.min(rest.len()));
    if flags.left {
        if let Some(s) = sign {
            out.push(s);
        }
        out.push_str(rest);
        out.extend(std::iter::repeat_n(' ', pad));
    } else if zero_fill {
        if let Some(s) = sign {
            out.push(s);
        }
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', pad));
        out.push_str(digits);
    } else {
        out.extend(std::iter::repeat_n(' ', pad));
        if let Some(s) = sign {
            out.push(s);
        }
        out.push_str(rest);
    }
    Ok(out)
}

/// `%`-style float formatting: `'%<flags><width>.<precision><conv>' % x` for `conv` in
/// `e E f F g G` (precision defaults to 6). Any other `conv` is a `ValueError`
/// ("unsupported format character"; the caller adds the index if it wants CPython's full
/// message).
pub fn percent_format_float(
    x: f64,
    flags: &PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
    conv: char,
) -> Result<String, FormatError> {
    if !matches!(conv, 'e' | 'E' | 'f' | 'F' | 'g' | 'G') {
        return Err(FormatError::value(format!(
            "unsupported format character '{}' (0x{:x})",
            conv, conv as u32
        )));
    }
    let prec = precision.unwrap_or(6);
    if prec > i32::MAX as usize {
        return Err(FormatError::value("precision too large"));
    }
    let body = double_to_string(
        x,
        conv,
        prec,
        DtoaFlags {
            alt: flags.alternate,
            ..DtoaFlags::default()
        },
    );
    percent_pad(&body, flags, width, true, 0)
}

#[cfg(test)]
#[allow(
    clippy::approx_constant,
    clippy::excessive_precision,
    clippy::type_complexity,
    clippy::unreadable_literal
)]
mod tests {
    use super::super::spec::parse_format_spec;
    use super::*;

    #[test]
    fn repr_values() {
        // Expected values from CPython 3.11 `repr()`.
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (123456789012345.0, "123456789012345.0"),
            (1.2345678901234567e19, "1.2345678901234567e+19"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (0.30000000000000004, "0.30000000000000004"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e22, "1e+22"),
            (1.5e-7, "1.5e-07"),
            (-123.456, "-123.456"),
            (1e100, "1e+100"),
            (0.001, "0.001"),
            (12345.678, "12345.678"),
            (2.0f64.powi(60), "1.152921504606847e+18"),
            (1.0 / 3.0, "0.3333333333333333"),
            (100.0, "100.0"),
            // exact value ...275.25: the shortest digits tie, CPython rounds half to even
            (570724280910275.2, "570724280910275.2"),
            (689562960270756.2, "689562960270756.2"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "{x:e}");
        }
    }

    fn ff(x: f64, spec: &str) -> Result<String, String> {
        let sp = parse_format_spec(spec, "float").map_err(|e| e.msg)?;
        format_float(x, &sp).map_err(|e| e.msg)
    }

    include!("testdata/float_format.rs");

    #[test]
    fn format_table() {
        for &(x, spec, want) in FLOAT_FORMAT_CASES {
            assert_eq!(ff(x, spec).as_deref(), Ok(want), "format({x:e}, {spec:?})");
        }
    }

    #[test]
    fn format_errors() {
        assert_eq!(
            ff(1.5, "x").unwrap_err(),
            "Unknown format code 'x' for object of type 'float'"
        );
        assert_eq!(ff(1.5, ".2147483648f").unwrap_err(), "precision too big");
        assert_eq!(
            ff(1.5, "d").unwrap_err(),
            "Unknown format code 'd' for object of type 'float'"
        );
        let sp = parse_format_spec("x", "F").unwrap();
        assert_eq!(
            format_float_for(1.5, &sp, "F").unwrap_err().msg,
            "Unknown format code 'x' for object of type 'F'"
        );
    }

    fn pf(x: f64, flags: &str, width: Option<usize>, prec: Option<usize>, c: char) -> String {
        let f = PercentFlags {
            left: flags.contains('-'),
            plus: flags.contains('+'),
            space: flags.contains(' '),
            alternate: flags.contains('#'),
            zero: flags.contains('0'),
        };
        percent_format_float(x, &f, width, prec, c).unwrap()
    }

    #[test]
    fn percent_table() {
        for &(x, flags, width, prec, conv, want) in PERCENT_FLOAT_CASES {
            let w = (width >= 0).then_some(width as usize);
            let p = (prec >= 0).then_some(prec as usize);
            assert_eq!(
                pf(x, flags, w, p, conv),
                want,
                "'%{flags}{width}.{prec}{conv}' % {x:e}"
            );
        }
    }
}
