//! Text encodings for `str.encode` and `bytes.decode`: UTF-8 (and `utf-8-sig`), ASCII,
//! Latin-1, UTF-16 and UTF-32 (with and without byte order), with the error handlers
//! `strict`, `ignore`, `replace`, `backslashreplace` and `xmlcharrefreplace`.

use crate::types::bytes::new_bytes;
use crate::types::str::new_str;
use crate::types::{type_of, types};
use crate::value::Value;
use crate::{PyErr, PyResult};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    /// Code unit size (2 or 4) and byte order (`None`: with a BOM).
    Wide(usize, Option<Endian>),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Endian {
    Little,
    Big,
}

/// The codec for an encoding name (case, `-`, ` ` and `_` insensitive as CPython's aliases).
fn lookup(encoding: &str) -> PyResult<Codec> {
    let norm: String = encoding
        .trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    Ok(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "utf_8_sig" | "utf8_sig" => Codec::Utf8Sig,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "iso646_us" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "iso_8859_1:1987" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Wide(2, None),
        "utf_16_le" | "utf_16le" | "utf16le" => Codec::Wide(2, Some(Endian::Little)),
        "utf_16_be" | "utf_16be" | "utf16be" => Codec::Wide(2, Some(Endian::Big)),
        "utf_32" | "utf32" | "u32" => Codec::Wide(4, None),
        "utf_32_le" | "utf_32le" | "utf32le" => Codec::Wide(4, Some(Endian::Little)),
        "utf_32_be" | "utf_32be" | "utf32be" => Codec::Wide(4, Some(Endian::Big)),
        _ => return Err(PyErr::lookup_error(format!("unknown encoding: {encoding}"))),
    })
}

fn codec_name(c: Codec) -> &'static str {
    match c {
        Codec::Utf8 => "utf-8",
        Codec::Utf8Sig => "utf-8-sig",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "latin-1",
        Codec::Wide(2, None) => "utf-16",
        Codec::Wide(2, Some(Endian::Little)) => "utf-16-le",
        Codec::Wide(2, Some(Endian::Big)) => "utf-16-be",
        Codec::Wide(_, None) => "utf-32",
        Codec::Wide(_, Some(Endian::Little)) => "utf-32-le",
        Codec::Wide(_, Some(Endian::Big)) => "utf-32-be",
    }
}

fn unknown_handler(errors: &str) -> PyErr {
    PyErr::lookup_error(format!("unknown error handler name '{errors}'"))
}

fn set_unicode_fields(e: &PyErr, args: &[Value]) {
    if let Some(attrs) = e.value().as_header().and_then(|h| h.attrs()) {
        let keys = &type_of(e.value()).data.shared_keys;
        for (i, n) in ["encoding", "object", "start", "end", "reason"]
            .iter()
            .enumerate()
        {
            attrs.set(keys, &crate::intern::intern(n), args[i].clone());
        }
    }
}

/// A `UnicodeDecodeError` for `b[start..end]`.
pub fn decode_error(enc: &str, b: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let args = vec![
        new_str(enc),
        new_bytes(b.to_vec()),
        Value::small_int(start as i64),
        Value::small_int(end as i64),
        new_str(reason),
    ];
    let e = PyErr::with_args(&types().exc.unicode_decode_error, args.clone());
    set_unicode_fields(&e, &args);
    e
}

/// A `UnicodeEncodeError` for characters `start..end` of `s`.
pub fn encode_error(enc: &str, s: &str, start: usize, end: usize, reason: &str) -> PyErr {
    let args = vec![
        new_str(enc),
        new_str(s),
        Value::small_int(start as i64),
        Value::small_int(end as i64),
        new_str(reason),
    ];
    let e = PyErr::with_args(&types().exc.unicode_encode_error, args.clone());
    set_unicode_fields(&e, &args);
    e
}

// ----- encoding -----

/// Encodes `s` with the named codec and error handler.
pub fn encode(s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding)?;
    match codec {
        Codec::Utf8 => Ok(s.as_bytes().to_vec()),
        Codec::Utf8Sig => {
            let mut out = vec![0xEF, 0xBB, 0xBF];
            out.extend_from_slice(s.as_bytes());
            Ok(out)
        }
        Codec::Ascii | Codec::Latin1 => {
            let limit: u32 = if codec == Codec::Ascii { 0x80 } else { 0x100 };
            if codec == Codec::Ascii && s.is_ascii() {
                return Ok(s.as_bytes().to_vec());
            }
            let chars: Vec<char> = s.chars().collect();
            let mut out = Vec::with_capacity(s.len());
            let mut i = 0;
            while i < chars.len() {
                let c = chars[i];
                if (c as u32) < limit {
                    out.push(c as u32 as u8);
                    i += 1;
                    continue;
                }
                // A run of unencodable characters.
                let mut j = i + 1;
                while j < chars.len() && (chars[j] as u32) >= limit {
                    j += 1;
                }
                match errors {
                    "strict" => {
                        return Err(encode_error(
                            codec_name(codec),
                            s,
                            i,
                            j,
                            &format!("ordinal not in range({limit})"),
                        ))
                    }
                    "ignore" => {}
                    "replace" => out.extend(std::iter::repeat_n(b'?', j - i)),
                    "backslashreplace" => {
                        for &c in &chars[i..j] {
                            out.extend_from_slice(escape_char(c).as_bytes());
                        }
                    }
                    "xmlcharrefreplace" => {
                        for &c in &chars[i..j] {
                            out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                        }
                    }
                    other => return Err(unknown_handler(other)),
                }
                i = j;
            }
            Ok(out)
        }
        Codec::Wide(size, endian) => {
            let mut out = Vec::with_capacity(s.len() * size + size);
            let little = endian != Some(Endian::Big);
            let put = |unit: u32, out: &mut Vec<u8>| {
                if size == 2 {
                    let u = unit as u16;
                    out.extend_from_slice(&if little {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    });
                } else {
                    out.extend_from_slice(&if little {
                        unit.to_le_bytes()
                    } else {
                        unit.to_be_bytes()
                    });
                }
            };
            if endian.is_none() {
                put(0xFEFF, &mut out);
            }
            for c in s.chars() {
                if size == 2 {
                    let mut buf = [0u16; 2];
                    for u in c.encode_utf16(&mut buf) {
                        put(*u as u32, &mut out);
                    }
                } else {
                    put(c as u32, &mut out);
                }
            }
            Ok(out)
        }
    }
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a character.
fn escape_char(c: char) -> String {
    let u = c as u32;
    if u <= 0xff {
        format!("\\x{u:02x}")
    } else if u <= 0xffff {
        format!("\\u{u:04x}")
    } else {
        format!("\\U{u:08x}")
    }
}

// ----- decoding -----

/// Applies a decoding error handler to the bytes `b[start..end]`, appending the replacement.
fn handle_decode_error(
    out: &mut String,
    errors: &str,
    enc: &str,
    b: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<()> {
    match errors {
        "strict" => Err(decode_error(enc, b, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(())
        }
        "backslashreplace" => {
            for &x in &b[start..end] {
                out.push_str(&format!("\\x{x:02x}"));
            }
            Ok(())
        }
        other => Err(unknown_handler(other)),
    }
}

/// Decodes `b` with the named codec and error handler.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(encoding)?;
    match codec {
        Codec::Utf8 => decode_utf8(b, errors),
        Codec::Utf8Sig => decode_utf8(b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(b), errors),
        Codec::Latin1 => Ok(b.iter().map(|&c| c as char).collect()),
        Codec::Ascii => {
            if b.is_ascii() {
                return Ok(String::from_utf8_lossy(b).into_owned());
            }
            let mut out = String::with_capacity(b.len());
            for (i, &c) in b.iter().enumerate() {
                if c < 0x80 {
                    out.push(c as char);
                } else {
                    handle_decode_error(
                        &mut out,
                        errors,
                        "ascii",
                        b,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                    )?;
                }
            }
            Ok(out)
        }
        Codec::Wide(size, endian) => decode_wide(b, size, endian, errors),
    }
}

fn decode_utf8(b: &[u8], errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(b.len());
    let mut rest = b;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                // The prefix is valid UTF-8 by construction.
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                let start = offset + good;
                let (len, reason) = match e.error_len() {
                    Some(n) => {
                        let lead = rest[good];
                        let reason = if (0xC2..=0xF4).contains(&lead) {
                            "invalid continuation byte"
                        } else {
                            "invalid start byte"
                        };
                        (n, reason)
                    }
                    None => (rest.len() - good, "unexpected end of data"),
                };
                handle_decode_error(&mut out, errors, "utf-8", b, start, start + len, reason)?;
                rest = &rest[good + len..];
                offset = start + len;
            }
        }
    }
}

fn decode_wide(b: &[u8], size: usize, endian: Option<Endian>, errors: &str) -> PyResult<String> {
    let mut pos = 0;
    let little = match endian {
        Some(e) => e == Endian::Little,
        None => {
            // A byte order mark picks the order; without one, little-endian.
            if size == 2 && b.len() >= 2 {
                match (b[0], b[1]) {
                    (0xFF, 0xFE) => {
                        pos = 2;
                        true
                    }
                    (0xFE, 0xFF) => {
                        pos = 2;
                        false
                    }
                    _ => true,
                }
            } else if size == 4 && b.len() >= 4 {
                match (b[0], b[1], b[2], b[3]) {
                    (0xFF, 0xFE, 0, 0) => {
                        pos = 4;
                        true
                    }
                    (0, 0, 0xFE, 0xFF) => {
                        pos = 4;
                        false
                    }
                    _ => true,
                }
            } else {
                true
            }
        }
    };
    // Errors name the byte order actually used.
    let name = codec_name(Codec::Wide(
        size,
        Some(if little { Endian::Little } else { Endian::Big }),
    ));
    let unit = |i: usize| -> u32 {
        if size == 2 {
            let a = [b[i], b[i + 1]];
            (if little {
                u16::from_le_bytes(a)
            } else {
                u16::from_be_bytes(a)
            }) as u32
        } else {
            let a = [b[i], b[i + 1], b[i + 2], b[i + 3]];
            if little {
                u32::from_le_bytes(a)
            } else {
                u32::from_be_bytes(a)
            }
        }
    };
    let mut out = String::with_capacity(b.len() / size);
    while pos < b.len() {
        if pos + size > b.len() {
            handle_decode_error(&mut out, errors, name, b, pos, b.len(), "truncated data")?;
            break;
        }
        let u = unit(pos);
        if size == 4 {
            match char::from_u32(u) {
                Some(c) => out.push(c),
                None => {
                    let reason = if u > 0x10FFFF {
                        "code point not in range(0x110000)"
                    } else {
                        "code point in surrogate code point range(0xd800, 0xe000)"
                    };
                    handle_decode_error(&mut out, errors, name, b, pos, pos + 4, reason)?;
                }
            }
            pos += 4;
            continue;
        }
        if !(0xD800..0xE000).contains(&u) {
            out.push(char::from_u32(u).unwrap_or('\u{FFFD}'));
            pos += 2;
            continue;
        }
        if u >= 0xDC00 {
            handle_decode_error(&mut out, errors, name, b, pos, pos + 2, "illegal encoding")?;
            pos += 2;
            continue;
        }
        if pos + 4 > b.len() {
            handle_decode_error(
                &mut out,
                errors,
                name,
                b,
                pos,
                b.len(),
                "unexpected end of data",
            )?;
            break;
        }
        let lo = unit(pos + 2);
        if !(0xDC00..0xE000).contains(&lo) {
            handle_decode_error(
                &mut out,
                errors,
                name,
                b,
                pos,
                pos + 2,
                "illegal UTF-16 surrogate",
            )?;
            pos += 2;
            continue;
        }
        let cp = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
        pos += 4;
    }
    Ok(out)
}
