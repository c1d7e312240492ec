//! printf-style `%` formatting for `str` and `bytes`/`bytearray`.
//!
//! One engine serves both: the format is walked as bytes (every directive character is
//! ASCII, and a str's UTF-8 is only ever split at ASCII positions), and the kind decides how
//! `%s`/`%r`/`%a`/`%c` render and how error positions are counted (characters for str,
//! bytes for bytes). Numbers are rendered by `crate::numfmt`.

use crate::numfmt::PercentFlags;
use crate::types::bytes::{bytes_like, ByteArrayData, BytesData};
use crate::types::int::IntValue;
use crate::types::str::{new_str, sd, str_of, StrData};
use crate::types::tuple::TupleData;
use crate::types::{type_of, types};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

/// What is being formatted.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Str,
    Bytes,
}

/// The argument source: a tuple of positional values, a single value, or (after `%(key)`)
/// the looked-up value.
struct ArgState<'a> {
    items: &'a [Value],
    /// The lone argument (not a tuple), or the value of a `%(key)` lookup.
    single: Option<Value>,
    /// Whether `single` has been used.
    single_used: bool,
    next: usize,
    /// Whether the arguments are a tuple (`items`) rather than `single`.
    is_tuple: bool,
}

impl ArgState<'_> {
    fn next_arg(&mut self) -> PyResult<Value> {
        if self.is_tuple {
            if let Some(v) = self.items.get(self.next) {
                self.next += 1;
                return Ok(v.clone());
            }
        } else if !self.single_used {
            self.single_used = true;
            if let Some(v) = &self.single {
                return Ok(v.clone());
            }
        }
        Err(PyErr::type_error("not enough arguments for format string"))
    }
}

fn is_mapping(v: &Value, kind: Kind) -> bool {
    if v.downcast::<TupleData>().is_some() || v.downcast::<StrData>().is_some() {
        return false;
    }
    if kind == Kind::Bytes
        && (v.downcast::<BytesData>().is_some() || v.downcast::<ByteArrayData>().is_some())
    {
        return false;
    }
    type_of(v)
        .lookup(&crate::intern::names().__getitem__)
        .is_some()
}

/// Whether `v` is a number in the sense of `PyNumber_Check`.
fn is_number(v: &Value) -> bool {
    if IntValue::of(v).is_some() || crate::types::float::float_value(v).is_some() {
        return true;
    }
    let t = type_of(v);
    let n = crate::intern::names();
    t.lookup(&n.__index__).is_some()
        || t.lookup(&n.__int__).is_some()
        || t.lookup(&n.__float__).is_some()
        || t.is_subtype(&types().complex)
}

/// The float value of a `%e/%f/%g` argument (`PyFloat_AsDouble`).
fn float_arg(vm: &mut Vm, v: &Value, kind: Kind) -> PyResult<f64> {
    if let Some(f) = crate::types::float::float_value(v) {
        return Ok(f);
    }
    if let Some(i) = IntValue::of(v) {
        return crate::types::int::to_f64_exact(&i.into_value());
    }
    let n = crate::intern::names();
    if let Some(r) = vm.call_special(v, &n.__float__, &[])? {
        return crate::types::float::float_value(&r).ok_or_else(|| {
            PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                type_of(v).name(),
                type_of(&r).name()
            ))
        });
    }
    if type_of(v).lookup(&n.__index__).is_some() {
        let i = vm.index_value(v)?;
        return crate::types::int::to_f64_exact(&i.into_value());
    }
    Err(PyErr::type_error(match kind {
        Kind::Str => format!("must be real number, not {}", type_of(v).name()),
        Kind::Bytes => format!("float argument required, not {}", type_of(v).name()),
    }))
}

/// The int value of a `%d/%x/...` argument.
fn int_arg(vm: &mut Vm, v: &Value, conv: char, kind: Kind) -> PyResult<IntValue> {
    if let Some(i) = IntValue::of(v) {
        return Ok(i);
    }
    // bytes formatting names %i as %d.
    let shown = if kind == Kind::Bytes && conv == 'i' {
        'd'
    } else {
        conv
    };
    let integer_only = matches!(conv, 'o' | 'x' | 'X');
    let wrong = || {
        if integer_only {
            PyErr::type_error(format!(
                "%{shown} format: an integer is required, not {}",
                type_of(v).name()
            ))
        } else {
            PyErr::type_error(format!(
                "%{shown} format: a real number is required, not {}",
                type_of(v).name()
            ))
        }
    };
    if !is_number(v) {
        return Err(wrong());
    }
    let r = if integer_only {
        vm.index_value(v)
    } else {
        crate::types::int::int_from_object(vm, v)
    };
    r.map_err(|e| {
        if e.matches(&types().exc.type_error) {
            wrong()
        } else {
            e
        }
    })
}

/// A `*` width or precision argument.
fn star_arg(args: &mut ArgState<'_>) -> PyResult<i64> {
    let v = args.next_arg()?;
    let Some(i) = IntValue::of(&v) else {
        return Err(PyErr::type_error("* wants int"));
    };
    i.to_i64()
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
}

/// Pads `body` (of `len` characters) to `width` with spaces.
fn pad_into(
    out: &mut Vec<u8>,
    body: &[u8],
    len: usize,
    width: Option<usize>,
    left: bool,
) -> PyResult<()> {
    let w = width.unwrap_or(0);
    let fill = w.saturating_sub(len);
    if fill > crate::numfmt::MAX_FORMAT_LEN {
        return Err(PyErr::memory_error(""));
    }
    if !left {
        out.extend(std::iter::repeat_n(b' ', fill));
    }
    out.extend_from_slice(body);
    if left {
        out.extend(std::iter::repeat_n(b' ', fill));
    }
    Ok(())
}

/// The error for an unknown conversion at byte `pos` of `fmt` (a character index for str).
///
/// For bytes, CPython reads the character as a signed C `char` unless width or precision
/// digits came just before it (`after_digits`), so a non-ASCII byte there fails while
/// building the message.
fn unsupported(kind: Kind, fmt: &[u8], pos: usize, c: char, after_digits: bool) -> PyErr {
    let index = match kind {
        Kind::Str => String::from_utf8_lossy(&fmt[..pos]).chars().count(),
        Kind::Bytes => pos,
    };
    if kind == Kind::Bytes && (c as u32) > 0x7f && !after_digits {
        return PyErr::overflow_error("character argument not in range(0x110000)");
    }
    let shown = match kind {
        Kind::Bytes => c,
        Kind::Str if (' '..='~').contains(&c) => c,
        Kind::Str => '?',
    };
    PyErr::value_error(format!(
        "unsupported format character '{shown}' (0x{:x}) at index {index}",
        c as u32
    ))
}

/// The bytes for `%s`/`%b` in bytes formatting.
fn bytes_for_s(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b);
    }
    if let Some(r) = vm.call_special(v, &crate::intern::intern("__bytes__"), &[])? {
        return match r.downcast::<BytesData>() {
            Some(b) => Ok(b.data.as_bytes().to_vec()),
            None => Err(PyErr::type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                type_of(&r).name()
            ))),
        };
    }
    Err(PyErr::type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        type_of(v).name()
    )))
}

/// Formats `fmt` (UTF-8 text for `Kind::Str`, raw bytes for `Kind::Bytes`) with `args`.
pub fn percent_format(vm: &mut Vm, fmt: &[u8], args: &Value, kind: Kind) -> PyResult<Vec<u8>> {
    let tuple = args.downcast::<TupleData>();
    let mut st = ArgState {
        items: tuple.map(|t| t.data.items()).unwrap_or(&[]),
        single: if tuple.is_some() {
            None
        } else {
            Some(args.clone())
        },
        single_used: false,
        next: 0,
        is_tuple: tuple.is_some(),
    };
    let dict = if is_mapping(args, kind) {
        Some(args.clone())
    } else {
        None
    };
    let max_digits = vm
        .interp
        .int_max_str_digits
        .load(std::sync::atomic::Ordering::Relaxed);
    let mut out: Vec<u8> = Vec::with_capacity(fmt.len() + 16);
    let n = fmt.len();
    let mut pos = 0;
    while pos < n {
        let lit_end = fmt[pos..]
            .iter()
            .position(|&c| c == b'%')
            .map(|i| pos + i)
            .unwrap_or(n);
        out.extend_from_slice(&fmt[pos..lit_end]);
        pos = lit_end;
        if pos >= n {
            break;
        }
        pos += 1; // the '%'
        if pos < n && fmt[pos] == b'%' {
            out.push(b'%');
            pos += 1;
            continue;
        }
        // %(key)
        if pos < n && fmt[pos] == b'(' {
            let Some(d) = &dict else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            pos += 1;
            let key_start = pos;
            let mut depth = 1;
            while pos < n {
                match fmt[pos] {
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                pos += 1;
            }
            if pos >= n {
                return Err(PyErr::value_error("incomplete format key"));
            }
            let key_bytes = &fmt[key_start..pos];
            pos += 1;
            let key = match kind {
                Kind::Str => new_str(String::from_utf8_lossy(key_bytes).into_owned()),
                Kind::Bytes => crate::types::bytes::new_bytes(key_bytes.to_vec()),
            };
            let v = vm.get_item(d, &key)?;
            st.is_tuple = false;
            st.single = Some(v);
            st.single_used = false;
        }
        // Flags.
        let mut flags = PercentFlags::default();
        while pos < n {
            match fmt[pos] {
                b'-' => flags.left = true,
                b'+' => flags.plus = true,
                b' ' => flags.space = true,
                b'#' => flags.alternate = true,
                b'0' => flags.zero = true,
                _ => break,
            }
            pos += 1;
        }
        // Width.
        let mut after_digits = false;
        let mut width: Option<usize> = None;
        if pos < n && fmt[pos] == b'*' {
            pos += 1;
            let w = star_arg(&mut st)?;
            if w < 0 {
                flags.left = true;
            }
            width = Some(w.unsigned_abs() as usize);
        } else {
            while pos < n && fmt[pos].is_ascii_digit() {
                let d = (fmt[pos] - b'0') as usize;
                let w = width.unwrap_or(0);
                if w > (isize::MAX as usize - d) / 10 {
                    return Err(PyErr::value_error("width too big"));
                }
                width = Some(w * 10 + d);
                pos += 1;
                after_digits = true;
            }
        }
        // Precision.
        let mut precision: Option<usize> = None;
        if pos < n && fmt[pos] == b'.' {
            pos += 1;
            after_digits = false;
            if pos < n && fmt[pos] == b'*' {
                pos += 1;
                let p = star_arg(&mut st)?;
                if p > i32::MAX as i64 {
                    return Err(PyErr::overflow_error(
                        "Python int too large to convert to C int",
                    ));
                }
                precision = Some(p.max(0) as usize);
            } else {
                let mut p: usize = 0;
                while pos < n && fmt[pos].is_ascii_digit() {
                    let d = (fmt[pos] - b'0') as usize;
                    if p > (i32::MAX as usize - d) / 10 {
                        return Err(PyErr::value_error("precision too big"));
                    }
                    p = p * 10 + d;
                    pos += 1;
                    after_digits = true;
                }
                precision = Some(p);
            }
        }
        // Length modifiers are accepted and ignored.
        if pos < n && matches!(fmt[pos], b'h' | b'l' | b'L') {
            pos += 1;
            after_digits = false;
        }
        if pos >= n {
            return Err(PyErr::value_error("incomplete format"));
        }
        // The conversion character (a whole character for str).
        let conv_pos = pos;
        let conv = match kind {
            Kind::Str => {
                let rest = std::str::from_utf8(&fmt[pos..]).ok();
                let c = rest.and_then(|r| r.chars().next()).unwrap_or('?');
                pos += c.len_utf8();
                c
            }
            Kind::Bytes => {
                let c = fmt[pos] as char;
                pos += 1;
                c
            }
        };
        let v = st.next_arg()?;
        match conv {
            's' | 'r' | 'a' | 'b' => {
                let text: Vec<u8> = match (kind, conv) {
                    (Kind::Str, 's') => vm.str_string(&v)?.into_bytes(),
                    (Kind::Str, 'r') => vm.repr_string(&v)?.into_bytes(),
                    (Kind::Str, 'a') => str_of(&vm.ascii(&v)?).unwrap_or("").as_bytes().to_vec(),
                    (Kind::Bytes, 's' | 'b') => bytes_for_s(vm, &v)?,
                    (Kind::Bytes, _) => str_of(&vm.ascii(&v)?).unwrap_or("").as_bytes().to_vec(),
                    (Kind::Str, _) => {
                        return Err(unsupported(kind, fmt, conv_pos, conv, after_digits))
                    }
                };
                let (body, len) = match kind {
                    Kind::Str => {
                        let s = String::from_utf8(text).unwrap_or_default();
                        let (cut, len) = match precision {
                            Some(p) => match s.char_indices().nth(p) {
                                Some((i, _)) => (i, p),
                                None => (s.len(), s.chars().count()),
                            },
                            None => (s.len(), s.chars().count()),
                        };
                        (s.as_bytes()[..cut].to_vec(), len)
                    }
                    Kind::Bytes => {
                        let cut = precision.unwrap_or(text.len()).min(text.len());
                        (text[..cut].to_vec(), cut)
                    }
                };
                pad_into(&mut out, &body, len, width, flags.left)?;
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let i = int_arg(vm, &v, conv, kind)?;
                let text = match &i {
                    IntValue::Small(x) => {
                        crate::numfmt::percent_format_i64(*x, &flags, width, precision, conv)
                    }
                    IntValue::Big(b) => crate::numfmt::percent_format_int(
                        b, &flags, width, precision, conv, max_digits,
                    ),
                }
                .map_err(crate::numfmt_err)?;
                out.extend_from_slice(text.as_bytes());
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = float_arg(vm, &v, kind)?;
                let text = crate::numfmt::percent_format_float(x, &flags, width, precision, conv)
                    .map_err(crate::numfmt_err)?;
                out.extend_from_slice(text.as_bytes());
            }
            'c' => {
                let (body, len) = match kind {
                    Kind::Str => {
                        let c = char_arg(vm, &v)?;
                        let mut buf = [0u8; 4];
                        (c.encode_utf8(&mut buf).as_bytes().to_vec(), 1)
                    }
                    Kind::Bytes => (vec![byte_arg(vm, &v)?], 1),
                };
                pad_into(&mut out, &body, len, width, flags.left)?;
            }
            _ => return Err(unsupported(kind, fmt, conv_pos, conv, after_digits)),
        }
    }
    let leftover = if st.is_tuple {
        st.next < st.items.len()
    } else {
        !st.single_used
    };
    if dict.is_none() && leftover {
        return Err(PyErr::type_error(match kind {
            Kind::Str => "not all arguments converted during string formatting",
            Kind::Bytes => "not all arguments converted during bytes formatting",
        }));
    }
    Ok(out)
}

/// The character for `%c` in str formatting.
fn char_arg(vm: &mut Vm, v: &Value) -> PyResult<char> {
    let err = || PyErr::type_error("%c requires int or char");
    if let Some(s) = str_of(v) {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(err()),
        };
    }
    let i = match IntValue::of(v) {
        Some(i) => i,
        None => {
            if type_of(v)
                .lookup(&crate::intern::names().__index__)
                .is_none()
            {
                return Err(err());
            }
            vm.index_value(v)?
        }
    };
    let cp = i.to_i64().unwrap_or(-1);
    if !(0..=0x10FFFF).contains(&cp) {
        return Err(PyErr::overflow_error("%c arg not in range(0x110000)"));
    }
    Ok(char::from_u32(cp as u32).unwrap_or('\u{FFFD}'))
}

/// The byte for `%c` in bytes formatting.
fn byte_arg(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let err = || PyErr::type_error("%c requires an integer in range(256) or a single byte");
    if v.downcast::<BytesData>().is_some() || v.downcast::<ByteArrayData>().is_some() {
        let b = bytes_like(v).unwrap_or_default();
        return if b.len() == 1 { Ok(b[0]) } else { Err(err()) };
    }
    let i = match IntValue::of(v) {
        Some(i) => i,
        None => {
            if type_of(v)
                .lookup(&crate::intern::names().__index__)
                .is_none()
            {
                return Err(err());
            }
            vm.index_value(v)?
        }
    };
    match i.to_i64() {
        Some(x) if (0..=255).contains(&x) => Ok(x as u8),
        _ => Err(PyErr::overflow_error("%c arg not in range(256)")),
    }
}

/// `str % args`.
pub fn str_mod(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__mod__")?;
    let fmt = sd(this)?.data.as_str();
    let out = percent_format(vm, fmt.as_bytes(), other, Kind::Str)?;
    if !fmt.contains('%') {
        return Ok(this.clone());
    }
    Ok(new_str(String::from_utf8(out).unwrap_or_else(|e| {
        String::from_utf8_lossy(e.as_bytes()).into_owned()
    })))
}

/// `other % str`: only a str on the left formats.
pub fn str_rmod(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__rmod__")?;
    let Some(fmt) = str_of(other) else {
        return Ok(crate::types::object::not_implemented());
    };
    let out = percent_format(vm, fmt.as_bytes(), this, Kind::Str)?;
    Ok(new_str(String::from_utf8(out).unwrap_or_else(|e| {
        String::from_utf8_lossy(e.as_bytes()).into_owned()
    })))
}
