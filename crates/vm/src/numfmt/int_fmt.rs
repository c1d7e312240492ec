//! Int to text: `str(int)` (with CPython 3.11's integer string conversion length limit),
//! `bin`/`oct`/`hex`, `format(int, spec)` and `%`-style int formatting.

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::{Signed, ToPrimitive};

use super::arith::int_to_f64;
use super::float_fmt::{format_float_internal, percent_pad, PercentFlags};
use super::spec::{render_number, separator, unknown_format_code, FormatSpec, NumberParts};
use super::FormatError;

/// CPython's default for `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// `sys.set_int_max_str_digits()` refuses nonzero values below this.
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

fn to_str_limit_error(limit: usize) -> FormatError {
    FormatError::value(format!(
        "Exceeds the limit ({} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit",
        limit
    ))
}

/// Decimal digits of `|x|`, subject to the max-str-digits limit (`0` = unlimited).
fn decimal_magnitude(x: &BigInt, max_str_digits: usize) -> Result<String, FormatError> {
    let mag = x.magnitude();
    if max_str_digits > 0 {
        let bits = mag.bits();
        // A number of `bits` bits has more than (bits - 1) * log10(2) decimal digits; refuse
        // without converting when that alone exceeds the limit.
        if bits > 1 && ((bits - 1) as f64) * std::f64::consts::LOG10_2 > (max_str_digits + 1) as f64
        {
            return Err(to_str_limit_error(max_str_digits));
        }
    }
    let s = mag.to_str_radix(10);
    if max_str_digits > 0 && s.len() > max_str_digits {
        return Err(to_str_limit_error(max_str_digits));
    }
    Ok(s)
}

/// `str(x)` / `repr(x)` for an int, with the max-str-digits limit (`0` = unlimited; the
/// default is [`DEFAULT_MAX_STR_DIGITS`]). Exceeding it is a `ValueError` with CPython's
/// message.
pub fn int_to_decimal_string(x: &BigInt, max_str_digits: usize) -> Result<String, FormatError> {
    let digits = decimal_magnitude(x, max_str_digits)?;
    Ok(if x.is_negative() {
        format!("-{}", digits)
    } else {
        digits
    })
}

/// `bin(x)`, `oct(x)`, `hex(x)` for radix 2, 8, 16 (`-0x1f` style); any other radix in
/// `2..=36` gives the bare lower-case digits with a `-` sign and no limit check. Radixes
/// outside `2..=36` are clamped into that range.
pub fn int_to_str_radix(x: &BigInt, radix: u32) -> String {
    let radix = radix.clamp(2, 36);
    let prefix = match radix {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let digits = x.magnitude().to_str_radix(radix);
    let sign = if x.is_negative() { "-" } else { "" };
    format!("{}{}{}", sign, prefix, digits)
}

/// [`int_to_str_radix`] for an `i64`.
pub fn i64_to_str_radix(x: i64, radix: u32) -> String {
    match radix {
        2 => sign_prefix(x, "0b", format!("{:b}", x.unsigned_abs())),
        8 => sign_prefix(x, "0o", format!("{:o}", x.unsigned_abs())),
        16 => sign_prefix(x, "0x", format!("{:x}", x.unsigned_abs())),
        10 => x.to_string(),
        _ => int_to_str_radix(&BigInt::from(x), radix),
    }
}

fn sign_prefix(x: i64, prefix: &str, digits: String) -> String {
    let sign = if x < 0 { "-" } else { "" };
    format!("{}{}{}", sign, prefix, digits)
}

/// An integer to format: either a machine integer or a bigint (to avoid allocating a
/// `BigInt` for the common case).
#[derive(Clone, Copy)]
enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    fn is_negative(&self) -> bool {
        match self {
            IntRef::Small(v) => *v < 0,
            IntRef::Big(b) => b.sign() == BigSign::Minus,
        }
    }
    /// Digits of the magnitude in `base` (2, 8, 10, 16; lower case).
    fn magnitude_digits(&self, base: u32, max_str_digits: usize) -> Result<String, FormatError> {
        match *self {
            IntRef::Small(v) => {
                let m = v.unsigned_abs();
                Ok(match base {
                    2 => format!("{:b}", m),
                    8 => format!("{:o}", m),
                    16 => format!("{:x}", m),
                    _ => m.to_string(),
                })
            }
            IntRef::Big(b) => {
                if base == 10 {
                    decimal_magnitude(b, max_str_digits)
                } else {
                    Ok(b.magnitude().to_str_radix(base))
                }
            }
        }
    }
    fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(v) => Some(v),
            IntRef::Big(b) => b.to_i64(),
        }
    }
    fn to_f64(self) -> Result<f64, FormatError> {
        match self {
            IntRef::Small(v) => Ok(v as f64),
            IntRef::Big(b) => Ok(int_to_f64(b)?),
        }
    }
}

/// `format(x, spec)` for an int (error messages name the type `int`; the decimal conversion
/// uses [`DEFAULT_MAX_STR_DIGITS`]).
///
/// Supports `b c d o x X n` and no type, plus the float types `e E f F g G %` (the int is
/// converted to float first; an int too large gives `OverflowError("int too large to convert
/// to float")`). An empty spec gives `str(x)`; note that for `bool` CPython's empty spec gives
/// `'True'`/`'False'`, which the caller must handle.
pub fn format_int(x: &BigInt, spec: &FormatSpec) -> Result<String, FormatError> {
    format_int_for(x, spec, "int", DEFAULT_MAX_STR_DIGITS)
}

/// [`format_int`] with the type name for error messages and the max-str-digits limit.
pub fn format_int_for(
    x: &BigInt,
    spec: &FormatSpec,
    type_name: &str,
    max_str_digits: usize,
) -> Result<String, FormatError> {
    format_int_ref(IntRef::Big(x), spec, type_name, max_str_digits)
}

/// [`format_int`] for an `i64` (no allocation of a bigint).
pub fn format_i64(x: i64, spec: &FormatSpec) -> Result<String, FormatError> {
    format_int_ref(IntRef::Small(x), spec, "int", DEFAULT_MAX_STR_DIGITS)
}

/// [`format_i64`] with the type name for error messages.
pub fn format_i64_for(x: i64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    format_int_ref(IntRef::Small(x), spec, type_name, DEFAULT_MAX_STR_DIGITS)
}

fn format_int_ref(
    x: IntRef<'_>,
    spec: &FormatSpec,
    type_name: &str,
    max_str_digits: usize,
) -> Result<String, FormatError> {
    let base = match spec.ty {
        None | Some('d' | 'n') => 10,
        Some('b') => 2,
        Some('o') => 8,
        Some('x' | 'X') => 16,
        Some('c') => 0,
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return format_float_internal(x.to_f64()?, spec);
        }
        Some(c) => return Err(unknown_format_code(c, type_name)),
    };
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if base == 0 {
        if spec.sign.is_some() {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let v = x
            .to_i64()
            .ok_or_else(|| FormatError::overflow("Python int too large to convert to C long"))?;
        let ch = u32::try_from(v)
            .ok()
            .and_then(char::from_u32)
            .or_else(|| {
                // Lone surrogates cannot be represented in a Rust string; CPython accepts them.
                // They are replaced by U+FFFD here (the caller can special-case them).
                (0xD800..0xE000).contains(&v).then_some('\u{FFFD}')
            })
            .ok_or_else(|| FormatError::overflow("%c arg not in range(0x110000)"))?;
        let mut buf = [0u8; 4];
        let rem: &str = ch.encode_utf8(&mut buf);
        return render_number(
            NumberParts {
                negative: false,
                prefix: "",
                digits: "",
                remainder: rem,
            },
            spec,
            None,
        );
    }
    let mut digits = x.magnitude_digits(base, max_str_digits)?;
    let upper = spec.ty == Some('X');
    if upper {
        digits.make_ascii_uppercase();
    }
    let prefix = if spec.alternate {
        match (base, upper) {
            (2, _) => "0b",
            (8, _) => "0o",
            (16, false) => "0x",
            (16, true) => "0X",
            _ => "",
        }
    } else {
        ""
    };
    render_number(
        NumberParts {
            negative: x.is_negative(),
            prefix,
            digits: &digits,
            remainder: "",
        },
        spec,
        separator(spec),
    )
}

/// `%`-style int formatting: `'%<flags><width>.<precision><conv>' % x` for `conv` in
/// `d i u o x X c`. Precision pads the digits with zeros; `#` adds `0o`/`0x`/`0X`.
/// `max_str_digits` limits decimal conversions (`0` = unlimited).
///
/// Any other `conv` is a `ValueError` ("unsupported format character"; the caller adds the
/// index if it wants CPython's full message).
pub fn percent_format_int(
    x: &BigInt,
    flags: &PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
    conv: char,
    max_str_digits: usize,
) -> Result<String, FormatError> {
    percent_int_ref(
        IntRef::Big(x),
        flags,
        width,
        precision,
        conv,
        max_str_digits,
    )
}

/// [`percent_format_int`] for an `i64`.
pub fn percent_format_i64(
    x: i64,
    flags: &PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
    conv: char,
) -> Result<String, FormatError> {
    percent_int_ref(IntRef::Small(x), flags, width, precision, conv, 0)
}

fn percent_int_ref(
    x: IntRef<'_>,
    flags: &PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
    conv: char,
    max_str_digits: usize,
) -> Result<String, FormatError> {
    let base = match conv {
        'd' | 'i' | 'u' => 10,
        'o' => 8,
        'x' | 'X' => 16,
        'c' => {
            let ch = x
                .to_i64()
                .and_then(|v| u32::try_from(v).ok())
                .and_then(|v| {
                    char::from_u32(v).or(((0xD800..0xE000).contains(&v)).then_some('\u{FFFD}'))
                })
                .ok_or_else(|| FormatError::overflow("%c arg not in range(0x110000)"))?;
            return percent_pad(ch.encode_utf8(&mut [0u8; 4]), flags, width, false, 0);
        }
        _ => {
            return Err(FormatError::value(format!(
                "unsupported format character '{}' (0x{:x})",
                conv, conv as u32
            )))
        }
    };
    let prec = precision.unwrap_or(0);
    if prec > i32::MAX as usize - 3 {
        return Err(FormatError::overflow("precision too large"));
    }
    if prec > super::MAX_FORMAT_LEN {
        return Err(FormatError::new(super::ExcKind::MemoryError, ""));
    }
    let mut digits = x.magnitude_digits(base, max_str_digits)?;
    let prefix = if flags.alternate {
        match conv {
            'o' => "0o",
            'x' => "0x",
            'X' => "0X",
            _ => "",
        }
    } else {
        ""
    };
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut body = String::with_capacity(digits.len().max(prec) + 3);
    if x.is_negative() {
        body.push('-');
    }
    body.push_str(prefix);
    body.extend(std::iter::repeat_n('0', prec.saturating_sub(digits.len())));
    body.push_str(&digits);
    percent_pad(&body, flags, width, true, prefix.len())
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

    fn fi(x: &BigInt, spec: &str) -> Result<String, String> {
        let sp = parse_format_spec(spec, "int").map_err(|e| e.msg)?;
        let big = format_int(x, &sp).map_err(|e| e.msg);
        if let Some(v) = x.to_i64() {
            let small = format_i64(v, &sp).map_err(|e| e.msg);
            assert_eq!(big, small, "i64 path differs for {x} {spec:?}");
        }
        big
    }

    include!("testdata/int_format.rs");

    #[test]
    fn format_table() {
        for &(x, spec, want) in INT_FORMAT_CASES {
            let x: BigInt = x.parse().unwrap();
            let got = fi(&x, spec);
            match want.strip_prefix("!") {
                Some(err) => assert_eq!(got.unwrap_err(), err, "format({x}, {spec:?})"),
                None => assert_eq!(got.as_deref(), Ok(want), "format({x}, {spec:?})"),
            }
        }
    }

    #[test]
    fn percent_table() {
        for &(x, flags, width, prec, conv, want) in PERCENT_INT_CASES {
            let xb: BigInt = x.parse().unwrap();
            let f = PercentFlags {
                left: flags.contains('-'),
                plus: flags.contains('+'),
                space: flags.contains(' '),
                alternate: flags.contains('#'),
                zero: flags.contains('0'),
            };
            let w = (width >= 0).then_some(width as usize);
            let p = (prec >= 0).then_some(prec as usize);
            let got = percent_format_int(&xb, &f, w, p, conv, DEFAULT_MAX_STR_DIGITS);
            match want.strip_prefix("!") {
                Some(err) => assert_eq!(got.clone().unwrap_err().msg, err),
                None => assert_eq!(
                    got.as_deref().map_err(|e| e.msg.clone()),
                    Ok(want),
                    "'%{flags}{width}.{prec}{conv}' % {x}"
                ),
            }
            if let Some(v) = xb.to_i64() {
                assert_eq!(
                    percent_format_i64(v, &f, w, p, conv).map_err(|e| e.msg),
                    got.map_err(|e| e.msg)
                );
            }
        }
    }

    #[test]
    fn radix_and_limits() {
        let x: BigInt = "-31".parse().unwrap();
        assert_eq!(int_to_str_radix(&x, 16), "-0x1f");
        assert_eq!(int_to_str_radix(&x, 8), "-0o37");
        assert_eq!(int_to_str_radix(&x, 2), "-0b11111");
        assert_eq!(int_to_str_radix(&BigInt::from(0), 2), "0b0");
        assert_eq!(i64_to_str_radix(-31, 16), "-0x1f");
        assert_eq!(i64_to_str_radix(i64::MIN, 16), "-0x8000000000000000");
        assert_eq!(i64_to_str_radix(255, 2), "0b11111111");
        let big = num_traits::pow(BigInt::from(10), 5000);
        let msg = "Exceeds the limit (4300 digits) for integer string conversion; \
                   use sys.set_int_max_str_digits() to increase the limit";
        assert_eq!(int_to_decimal_string(&big, 4300).unwrap_err().msg, msg);
        assert_eq!(int_to_decimal_string(&big, 0).unwrap().len(), 5001);
        let edge = num_traits::pow(BigInt::from(10), 4300) - 1; // exactly 4300 digits
        assert_eq!(int_to_decimal_string(&edge, 4300).unwrap().len(), 4300);
        assert_eq!(int_to_decimal_string(&(-&edge), 4300).unwrap().len(), 4301);
        let over = &edge + 1; // 4301 digits
        assert!(int_to_decimal_string(&over, 4300).is_err());
        let sp = parse_format_spec("d", "int").unwrap();
        assert_eq!(format_int(&big, &sp).unwrap_err().msg, msg);
        let sp = parse_format_spec("x", "int").unwrap();
        assert!(format_int(&big, &sp).is_ok());
        let sp = parse_format_spec("e", "int").unwrap();
        let e = format_int(&big, &sp).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (
                super::super::ExcKind::OverflowError,
                "int too large to convert to float"
            )
        );
    }
}
