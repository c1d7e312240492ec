//! `repr(str)`, `ascii(str)`, `repr(bytes)` and `str.isprintable()` per character.
//!
//! Printability uses a table generated from CPython 3.11's Unicode database
//! ([`super::unicode_tables`]); no external crate is involved.

use std::fmt::Write;

use super::unicode_tables::is_printable_u32;

/// Whether `c` is printable (`str.isprintable()` for one character): not in the general
/// categories Cc, Cf, Cs, Co, Cn, Zl, Zp, or Zs other than the ASCII space.
pub fn is_printable(c: char) -> bool {
    is_printable_u32(c as u32)
}

/// [`is_printable`] for a code point that may be a lone surrogate (never printable).
pub fn is_printable_code_point(c: u32) -> bool {
    is_printable_u32(c)
}

fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn push_escaped(out: &mut String, c: u32, quote: char, ascii_only: bool) {
    match c {
        0x5c => out.push_str("\\\\"),
        0x09 => out.push_str("\\t"),
        0x0a => out.push_str("\\n"),
        0x0d => out.push_str("\\r"),
        _ if c == quote as u32 => {
            out.push('\\');
            out.push(quote);
        }
        0x20..=0x7e => out.push(c as u8 as char),
        _ if c < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c);
        }
        _ => {
            let printable = !ascii_only && is_printable_u32(c);
            match char::from_u32(c) {
                Some(ch) if printable => out.push(ch),
                _ if c <= 0xff => {
                    let _ = write!(out, "\\x{:02x}", c);
                }
                _ if c <= 0xffff => {
                    let _ = write!(out, "\\u{:04x}", c);
                }
                _ => {
                    let _ = write!(out, "\\U{:08x}", c);
                }
            }
        }
    }
}

fn repr_code_points<I>(cps: I, ascii_only: bool) -> String
where
    I: Iterator<Item = u32> + Clone,
{
    let (mut single, mut double) = (false, false);
    let mut n = 0;
    for c in cps.clone() {
        single |= c == '\'' as u32;
        double |= c == '"' as u32;
        n += 1;
    }
    let quote = choose_quote(single, double);
    let mut out = String::with_capacity(n + 2);
    out.push(quote);
    for c in cps {
        push_escaped(&mut out, c, quote, ascii_only);
    }
    out.push(quote);
    out
}

/// `repr(s)` exactly as Python: quotes chosen like CPython (double quotes only when the text
/// contains `'` but no `"`), `\\ \t \n \r` and the quote escaped, other control characters as
/// `\xNN`, non-printable non-ASCII as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn str_repr(s: &str) -> String {
    repr_code_points(s.chars().map(|c| c as u32), false)
}

/// [`str_repr`] for text given as code points (for strings that may hold lone surrogates,
/// which are rendered as `\udXXX`).
pub fn str_repr_code_points<I>(cps: I) -> String
where
    I: Iterator<Item = u32> + Clone,
{
    repr_code_points(cps, false)
}

/// `ascii(s)`: like [`str_repr`] but every non-ASCII character is escaped.
pub fn ascii_repr(s: &str) -> String {
    repr_code_points(s.chars().map(|c| c as u32), true)
}

/// [`ascii_repr`] for text given as code points.
pub fn ascii_repr_code_points<I>(cps: I) -> String
where
    I: Iterator<Item = u32> + Clone,
{
    repr_code_points(cps, true)
}

/// `repr(b)` for `bytes`: `b'...'` (the caller wraps it as `bytearray(b'...')` for
/// bytearrays).
pub fn bytes_repr(b: &[u8]) -> String {
    let single = b.contains(&b'\'');
    let double = b.contains(&b'"');
    let quote = choose_quote(single, double);
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            _ => {
                let _ = write!(out, "\\x{:02x}", c);
            }
        }
    }
    out.push(quote);
    out
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

    include!("testdata/repr.rs");

    #[test]
    fn str_reprs() {
        for &(s, r, a) in STR_REPR_CASES {
            assert_eq!(str_repr(s), r, "repr({s:?})");
            assert_eq!(ascii_repr(s), a, "ascii({s:?})");
        }
        assert_eq!(
            str_repr_code_points([0x61, 0xd800, 0xdfff].into_iter()),
            "'a\\ud800\\udfff'"
        );
        assert_eq!(ascii_repr_code_points([0xdc80].into_iter()), "'\\udc80'");
    }

    #[test]
    fn bytes_reprs() {
        for &(b, r) in BYTES_REPR_CASES {
            assert_eq!(bytes_repr(b), r);
        }
    }

    #[test]
    fn printable() {
        let mut count = 0u32;
        for c in 0..0x11_0000u32 {
            if is_printable_code_point(c) {
                count += 1;
            }
        }
        // sum(chr(c).isprintable() for c in range(0x110000)) in CPython 3.11
        assert_eq!(count, PRINTABLE_COUNT);
        assert!(is_printable('a') && is_printable(' ') && !is_printable('\u{a0}'));
    }
}
