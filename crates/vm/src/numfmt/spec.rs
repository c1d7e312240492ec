//! The format-spec mini-language (`format(value, spec)`, `str.format`, f-strings).
//!
//! [`parse_format_spec`] turns the text after the `:` into a [`FormatSpec`]; the per-type
//! formatters ([`format_str`], [`format_int`](super::format_int),
//! [`format_float`](super::format_float)) then interpret it. The padding/alignment/grouping
//! layout shared by ints and floats lives here too ([`render_number`]).
//!
//! Note: CPython treats an *empty* spec specially (`format(x, '')` is `str(x)`); the
//! formatters here do the same for the builtin types, but a caller formatting an instance of a
//! subclass with its own `__str__` must check for the empty spec itself.

use super::unicode_tables::decimal_value;
use super::{ExcKind, FormatError, MAX_FORMAT_LEN};

/// Alignment: `<`, `>`, `^`, `=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
    /// Padding goes after the sign (and prefix), before the digits.
    AfterSign,
}

/// Sign option: `+`, `-`, space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    Plus,
    Minus,
    Space,
}

/// Thousands grouping option: `,` or `_`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Comma,
    Underscore,
}

/// A parsed format specification.
///
/// The fields record what was written; the defaults that depend on the value's type (the
/// default alignment, and the meaning of a leading `0`) are resolved by the formatters via
/// [`FormatSpec::fill_char`] and [`FormatSpec::resolved_align`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormatSpec {
    /// Explicit fill character (only present together with an explicit alignment).
    pub fill: Option<char>,
    /// Explicit alignment.
    pub align: Option<Align>,
    pub sign: Option<Sign>,
    /// `z`: coerce negative zero to positive zero (floats only).
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// A `0` right before the width, without an explicit fill character.
    pub zero_pad: bool,
    pub width: Option<usize>,
    pub grouping: Option<Grouping>,
    pub precision: Option<usize>,
    /// Presentation type (`d`, `x`, `f`, `s`, ...), `None` when omitted.
    pub ty: Option<char>,
}

impl FormatSpec {
    /// The fill character: the explicit one, else `'0'` for a zero-padded spec, else space.
    pub fn fill_char(&self) -> char {
        match self.fill {
            Some(c) => c,
            None if self.zero_pad => '0',
            None => ' ',
        }
    }

    /// The alignment to use for a value whose default alignment is `default` (`Left` for
    /// strings, `Right` for numbers). A zero-padded spec without explicit alignment uses `=`
    /// when the default is `Right`.
    pub fn resolved_align(&self, default: Align) -> Align {
        match self.align {
            Some(a) => a,
            None if self.zero_pad && default == Align::Right => Align::AfterSign,
            None => default,
        }
    }

    /// Whether the grouping separator, if any, groups every four digits (`_` with `b o x X`).
    pub(crate) fn group_size(&self) -> usize {
        match (self.grouping, self.ty) {
            (Some(Grouping::Underscore), Some('b' | 'o' | 'x' | 'X')) => 4,
            _ => 3,
        }
    }
}

fn is_align(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Render a presentation-type character the way CPython's error messages do: the character
/// itself if printable ASCII, else `\x` followed by its code in hex.
pub(crate) fn code_for_msg(c: char) -> String {
    let v = c as u32;
    if v > 32 && v < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", v)
    }
}

/// `Unknown format code 'x' for object of type 'float'`.
pub fn unknown_format_code(code: char, type_name: &str) -> FormatError {
    FormatError::value(format!(
        "Unknown format code '{}' for object of type '{}'",
        code_for_msg(code),
        truncate_chars(type_name, 200)
    ))
}

pub(crate) fn truncate_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Parse a run of decimal digits (any Unicode decimal digit, as CPython does). Returns
/// `(value, chars consumed)`.
fn parse_count(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut acc: usize = 0;
    let start = *pos;
    while let Some(&c) = chars.get(*pos) {
        let Some(d) = decimal_value(c) else { break };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| FormatError::value("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(acc) })
}

/// Parse a format spec (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`).
///
/// `type_name` is the Python type name of the value being formatted; it only appears in the
/// "Invalid format specifier" message.
///
/// Validation done here is the type-independent part (as in CPython); the per-type formatters
/// reject what does not apply to their type.
pub fn parse_format_spec(spec: &str, type_name: &str) -> Result<FormatSpec, FormatError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0usize;
    let mut out = FormatSpec::default();

    if end >= 2 {
        if let Some(a) = is_align(chars[1]) {
            out.fill = Some(chars[0]);
            out.align = Some(a);
            pos = 2;
        }
    }
    if pos == 0 && end >= 1 {
        if let Some(a) = is_align(chars[0]) {
            out.align = Some(a);
            pos = 1;
        }
    }
    if let Some(&c) = chars.get(pos) {
        let s = match c {
            '+' => Some(Sign::Plus),
            '-' => Some(Sign::Minus),
            ' ' => Some(Sign::Space),
            _ => None,
        };
        if s.is_some() {
            out.sign = s;
            pos += 1;
        }
    }
    if chars.get(pos) == Some(&'z') {
        out.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && chars.get(pos) == Some(&'0') {
        out.zero_pad = true;
        pos += 1;
    }
    out.width = parse_count(&chars, &mut pos)?;
    if chars.get(pos) == Some(&',') {
        out.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if out.grouping.is_some() {
            return Err(FormatError::value("Cannot specify both ',' and '_'."));
        }
        out.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && out.grouping == Some(Grouping::Underscore) {
        return Err(FormatError::value("Cannot specify both ',' and '_'."));
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        out.precision = parse_count(&chars, &mut pos)?;
        if out.precision.is_none() {
            return Err(FormatError::value("Format specifier missing precision"));
        }
    }
    if end - pos > 1 {
        return Err(FormatError::value(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec, type_name
        )));
    }
    if end - pos == 1 {
        out.ty = Some(chars[pos]);
    }
    if let Some(g) = out.grouping {
        let ok = match out.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == Grouping::Underscore,
            _ => false,
        };
        if !ok {
            let gc = if g == Grouping::Comma { ',' } else { '_' };
            return Err(FormatError::value(format!(
                "Cannot specify '{}' with '{}'.",
                gc,
                code_for_msg(out.ty.unwrap_or('\0'))
            )));
        }
    }
    Ok(out)
}

fn check_len(n: usize) -> Result<(), FormatError> {
    if n > MAX_FORMAT_LEN {
        Err(FormatError::new(ExcKind::MemoryError, ""))
    } else {
        Ok(())
    }
}

fn push_n(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// Pad `s` (of `len` characters) to `width` with `fill` per `align` (`=` behaves like `<`).
pub(crate) fn pad_str(
    s: &str,
    len: usize,
    width: Option<usize>,
    fill: char,
    align: Align,
) -> Result<String, FormatError> {
    let width = width.unwrap_or(0);
    if width <= len {
        return Ok(s.to_string());
    }
    check_len(width)?;
    let total = width - len;
    let left = match align {
        Align::Right => total,
        Align::Center => total / 2,
        Align::Left | Align::AfterSign => 0,
    };
    let mut out = String::with_capacity(s.len() + total * fill.len_utf8());
    push_n(&mut out, fill, left);
    out.push_str(s);
    push_n(&mut out, fill, total - left);
    Ok(out)
}

/// `format(s, spec)` for `str` values.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, FormatError> {
    format_str_for(s, spec, "str")
}

/// [`format_str`] with the type name used in error messages (for `str` subclasses).
pub fn format_str_for(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    match spec.ty {
        None | Some('s') => {}
        Some(c) => return Err(unknown_format_code(c, type_name)),
    }
    if spec.sign.is_some() {
        return Err(FormatError::value(
            "Sign not allowed in string format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let align = spec.resolved_align(Align::Left);
    if align == Align::AfterSign {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let (text, len) = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => (&s[..i], p),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    };
    pad_str(text, len, spec.width, spec.fill_char(), align)
}

/// The pieces of a formatted number, before padding and grouping.
///
/// The output is laid out as
/// `<lpad><sign><prefix><spad><grouped digits><remainder><rpad>`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NumberParts<'a> {
    pub negative: bool,
    /// `0x`, `0b`, `0o` (or upper-case) prefix, or empty.
    pub prefix: &'a str,
    /// The integer digits that are subject to grouping and zero padding (ASCII).
    pub digits: &'a str,
    /// Everything after the digits: decimal point and fraction, exponent, `%`, `inf`/`nan`,
    /// the character of a `c` conversion.
    pub remainder: &'a str,
}

/// Insert `sep` every `group` digits of `digits` (ASCII), left-padding with zeros so the
/// result is at least `min_width` characters long (CPython's zero-padding-with-grouping rule).
/// `sep == None` means no grouping.
fn group_digits(digits: &str, min_width: isize, sep: Option<char>, group: usize) -> String {
    let bytes = digits.as_bytes();
    let mut remaining = bytes.len() as isize;
    let mut min_width = min_width.max(0);
    let Some(sep) = sep else {
        let l = remaining.max(min_width).max(1);
        let mut out = String::with_capacity(l as usize);
        push_n(&mut out, '0', (l - remaining) as usize);
        out.push_str(digits);
        return out;
    };
    // Build the pieces from the right, then reverse.
    let group = group as isize;
    let mut pieces: Vec<&[u8]> = Vec::new();
    let mut zeros: Vec<usize> = Vec::new();
    let mut end = bytes.len();
    loop {
        let l = group.min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        pieces.push(&bytes[end - n_chars as usize..end]);
        zeros.push(n_zeros as usize);
        end -= n_chars as usize;
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    let mut out = String::new();
    for (i, (p, z)) in pieces.iter().zip(zeros.iter()).rev().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        push_n(&mut out, '0', *z);
        // Digits are ASCII.
        out.extend(p.iter().map(|&b| b as char));
    }
    out
}

/// Lay out a number per `spec` (sign, fill, alignment, width, grouping), CPython's
/// `calc_number_widths` + `fill_number`.
///
/// `grouping` is the separator to use (already resolved: `None` for `n` and for no grouping).
pub(crate) fn render_number(
    parts: NumberParts<'_>,
    spec: &FormatSpec,
    grouping: Option<char>,
) -> Result<String, FormatError> {
    let fill = spec.fill_char();
    let align = spec.resolved_align(Align::Right);
    let sign = match (spec.sign, parts.negative) {
        (_, true) => Some('-'),
        (Some(Sign::Plus), false) => Some('+'),
        (Some(Sign::Space), false) => Some(' '),
        _ => None,
    };
    let n_sign = sign.is_some() as usize;
    let n_prefix = parts.prefix.len();
    let n_remainder = parts.remainder.chars().count();
    let n_non_digit = n_sign + n_prefix + n_remainder;
    let width = spec.width;
    if let Some(w) = width {
        check_len(w)?;
    }
    let min_width = if fill == '0' && align == Align::AfterSign {
        width.map_or(-1, |w| w as isize) - n_non_digit as isize
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, grouping, spec.group_size())
    };
    let used = n_non_digit + grouped.len();
    let n_padding = width.unwrap_or(0).saturating_sub(used);
    let (lpad, spad, rpad) = match align {
        Align::Left => (0, 0, n_padding),
        Align::Right => (n_padding, 0, 0),
        Align::Center => (n_padding / 2, 0, n_padding - n_padding / 2),
        Align::AfterSign => (0, n_padding, 0),
    };
    let mut out = String::with_capacity(used + n_padding * fill.len_utf8());
    push_n(&mut out, fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(parts.prefix);
    push_n(&mut out, fill, spad);
    out.push_str(&grouped);
    out.push_str(parts.remainder);
    push_n(&mut out, fill, rpad);
    Ok(out)
}

/// The separator character for `spec` (ignoring the locale-dependent `n` type, which is
/// formatted as in the C locale: no separators).
pub(crate) fn separator(spec: &FormatSpec) -> Option<char> {
    if spec.ty == Some('n') {
        return None;
    }
    spec.grouping.map(|g| match g {
        Grouping::Comma => ',',
        Grouping::Underscore => '_',
    })
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

    fn perr(spec: &str, ty: &str) -> String {
        parse_format_spec(spec, ty).unwrap_err().msg
    }

    #[test]
    fn parse_basic() {
        let s = parse_format_spec("*^+z#012,.3f", "float").unwrap();
        assert_eq!(s.fill, Some('*'));
        assert_eq!(s.align, Some(Align::Center));
        assert_eq!(s.sign, Some(Sign::Plus));
        assert!(s.no_neg_zero && s.alternate);
        assert!(!s.zero_pad); // explicit fill: '0' is part of the width
        assert_eq!(s.width, Some(12));
        assert_eq!(s.grouping, Some(Grouping::Comma));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));
        let s = parse_format_spec("010", "int").unwrap();
        assert!(s.zero_pad);
        assert_eq!(s.width, Some(10));
        assert_eq!(parse_format_spec("", "int").unwrap(), FormatSpec::default());
        // Unicode digits are accepted for width and precision.
        let s = parse_format_spec("\u{661}\u{660}.\u{662}", "float").unwrap();
        assert_eq!((s.width, s.precision), (Some(10), Some(2)));
        // A fill character that is itself an alignment character.
        let s = parse_format_spec("<<5", "str").unwrap();
        assert_eq!(
            (s.fill, s.align, s.width),
            (Some('<'), Some(Align::Left), Some(5))
        );
    }

    #[test]
    fn parse_errors() {
        assert_eq!(
            perr("abc", "float"),
            "Invalid format specifier 'abc' for object of type 'float'"
        );
        assert_eq!(perr("..", "float"), "Format specifier missing precision");
        assert_eq!(perr(".", "float"), "Format specifier missing precision");
        assert_eq!(perr(",s", "str"), "Cannot specify ',' with 's'.");
        assert_eq!(
            perr("c,", "int"),
            "Invalid format specifier 'c,' for object of type 'int'"
        );
        assert_eq!(perr(",_", "float"), "Cannot specify both ',' and '_'.");
        assert_eq!(perr("_,", "float"), "Cannot specify both ',' and '_'.");
        assert_eq!(
            perr(".99999999999999999999f", "float"),
            "Too many decimal digits in format string"
        );
        assert_eq!(
            perr("99999999999999999999f", "float"),
            "Too many decimal digits in format string"
        );
        assert_eq!(perr(",n", "int"), "Cannot specify ',' with 'n'.");
        assert_eq!(perr(",c", "int"), "Cannot specify ',' with 'c'.");
        assert_eq!(perr("_c", "int"), "Cannot specify '_' with 'c'.");
        assert_eq!(perr(",x", "int"), "Cannot specify ',' with 'x'.");
        assert_eq!(
            perr(",\u{20ac}", "int"),
            "Cannot specify ',' with '\\x20ac'."
        );
        assert_eq!(
            perr("xx", "int"),
            "Invalid format specifier 'xx' for object of type 'int'"
        );
        assert_eq!(
            perr("%%", "float"),
            "Invalid format specifier '%%' for object of type 'float'"
        );
        assert!(parse_format_spec("_x", "int").is_ok());
    }

    fn fs(s: &str, spec: &str) -> Result<String, String> {
        let sp = parse_format_spec(spec, "str").map_err(|e| e.msg)?;
        format_str(s, &sp).map_err(|e| e.msg)
    }

    #[test]
    fn strings() {
        let cases: &[(&str, &str, &str)] = &[
            ("ab", "\u{661}\u{660}", "ab        "),
            ("ab", "<\u{661}\u{660}", "ab        "),
            ("ab", "x<05", "abxxx"),
            ("ab", "<05", "ab000"),
            ("ab", "05", "ab000"),
            ("ab", "^05", "0ab00"),
            ("ab", "010", "ab00000000"),
            ("hello", ".2", "he"),
            ("hello", "*^9.3", "***hel***"),
            ("hello", ">8", "   hello"),
            ("hello", "^8", " hello  "),
            ("héllo", "^8", " héllo  "),
            ("héllo", "é>7.2s", "éééééhé"),
            ("abc", "", "abc"),
            ("abc", "s", "abc"),
            ("abc", "2", "abc"),
            ("abc", ".0", ""),
        ];
        for (v, spec, want) in cases {
            assert_eq!(fs(v, spec).as_deref(), Ok(*want), "{v:?} {spec:?}");
        }
        let errs: &[(&str, &str)] = &[
            (".2f", "Unknown format code 'f' for object of type 'str'"),
            ("d", "Unknown format code 'd' for object of type 'str'"),
            ("=5", "'=' alignment not allowed in string format specifier"),
            (
                "0=5",
                "'=' alignment not allowed in string format specifier",
            ),
            ("+5", "Sign not allowed in string format specifier"),
            (
                "#",
                "Alternate form (#) not allowed in string format specifier",
            ),
            (
                "z",
                "Negative zero coercion (z) not allowed in string format specifier",
            ),
            (".2,", "Unknown format code ',' for object of type 'str'"),
        ];
        for (spec, want) in errs {
            assert_eq!(fs("s", spec).unwrap_err(), *want, "{spec:?}");
        }
    }

    #[test]
    fn grouping_with_zero_padding() {
        assert_eq!(group_digits("1234", 10, Some(','), 3), "00,001,234");
        assert_eq!(group_digits("1234", 9, Some(','), 3), "0,001,234");
        assert_eq!(group_digits("1234", 8, Some(','), 3), "0,001,234");
        assert_eq!(group_digits("1234", 7, Some(','), 3), "001,234");
        assert_eq!(group_digits("1234567", 0, Some(','), 3), "1,234,567");
        assert_eq!(
            group_digits("4d2", 20, Some('_'), 4),
            "0_0000_0000_0000_04d2"
        );
        assert_eq!(group_digits("5", 3, None, 3), "005");
    }
}
