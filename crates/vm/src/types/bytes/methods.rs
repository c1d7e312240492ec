//! The `bytes`/`bytearray` methods beyond the core protocol (`split`, `join`, `hex`, ...),
//! and `bytearray`'s mutation methods.
//!
//! Every method shared by the two types reads a copy of the receiver's bytes and builds a
//! result of the receiver's kind (`bytes` for bytes, `bytearray` for bytearray).

use crate::types::bytes::{
    bytes_like, codecs, new_bytearray, new_bytes, same_kind, this_bytes, ByteArrayData, BytesData,
};
use crate::types::int::IntValue;
use crate::types::list::new_list;
use crate::types::object::not_implemented;
use crate::types::str::methods::{
    adjust_indices, bind_kw, buffer, clinic_range, clinic_type_name, no_args, one_arg, slice_index,
    takes_range,
};
use crate::types::str::{new_str, str_of};
use crate::types::tuple::new_tuple;
use crate::types::{add_methods, type_of, types, BuiltinTypes, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

// ----- helpers -----

fn is_bytearray(v: &Value) -> bool {
    v.downcast::<ByteArrayData>().is_some()
}

fn kind_name(v: &Value) -> &'static str {
    if is_bytearray(v) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// A bytes-like argument; otherwise "a bytes-like object is required, not 'T'".
fn need_bytes(v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_of(v).name()
        ))
    })
}

/// A byte value 0..=255 from an int-like argument.
fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = match IntValue::of(v) {
        Some(i) => i,
        None => vm.index_value(v)?,
    };
    match i.to_i64() {
        Some(x) if (0..=255).contains(&x) => Ok(x as u8),
        _ => Err(PyErr::value_error("byte must be in range(0, 256)")),
    }
}

/// The needle of the find family: an int (one byte) or a bytes-like object.
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b);
    }
    let is_int = IntValue::of(v).is_some()
        || type_of(v)
            .lookup(&crate::intern::names().__index__)
            .is_some();
    if !is_int {
        return Err(PyErr::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            type_of(v).name()
        )));
    }
    Ok(vec![byte_value(vm, v)?])
}

/// An integer argument through `__index__`.
fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = IntValue::of(v) {
        return Ok(i.saturating_i64());
    }
    vm.to_i64(v)
}

pub(crate) fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    let first = needle[0];
    let last_start = hay.len() - needle.len();
    let mut i = 0;
    while i <= last_start {
        match hay[i..=last_start].iter().position(|&c| c == first) {
            None => return None,
            Some(off) => {
                i += off;
                if &hay[i..i + needle.len()] == needle {
                    return Some(i);
                }
                i += 1;
            }
        }
    }
    None
}

fn rfind_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| &hay[i..i + needle.len()] == needle)
}

/// Non-overlapping occurrences of a non-empty `needle`.
fn count_bytes(hay: &[u8], needle: &[u8]) -> usize {
    let mut n = 0;
    let mut pos = 0;
    while let Some(i) = find_bytes(&hay[pos..], needle) {
        n += 1;
        pos += i + needle.len();
    }
    n
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn list_of(this: &Value, pieces: Vec<&[u8]>) -> Value {
    new_list(
        pieces
            .into_iter()
            .map(|p| same_kind(this, p.to_vec()))
            .collect(),
    )
}

// ----- searching -----

/// Runs `f` on the receiver's bytes without copying them (under the lock for a
/// bytearray: `f` must not run Python code).
fn with_view<R>(this: &Value, f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
    if let Some(b) = this.downcast::<BytesData>() {
        return Ok(f(b.data.as_bytes()));
    }
    if let Some(a) = this.downcast::<ByteArrayData>() {
        return Ok(a.data.with(|v| f(v)));
    }
    this_bytes(this).map(|b| f(&b))
}

fn search(vm: &mut Vm, this: &Value, args: Args, name: &str, rev: bool) -> PyResult<Option<usize>> {
    let pos = takes_range(&args, kind_name(this), name, 1, 3)?;
    let start = slice_index(vm, pos.get(1))?;
    let end = slice_index(vm, pos.get(2))?;
    let sub = sub_arg(vm, &pos[0])?;
    with_view(this, |b| {
        let (start, end) = adjust_indices(start, end, b.len());
        if end < start || end - start < sub.len() {
            return None;
        }
        let hay = &b[start..end];
        let found = if rev {
            rfind_bytes(hay, &sub)
        } else {
            find_bytes(hay, &sub)
        };
        found.map(|i| start + i)
    })
}

fn b_find(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let r = search(vm, this, args, "find", false)?;
    Ok(Value::small_int(r.map(|i| i as i64).unwrap_or(-1)))
}

fn b_rfind(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let r = search(vm, this, args, "rfind", true)?;
    Ok(Value::small_int(r.map(|i| i as i64).unwrap_or(-1)))
}

fn b_index(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    match search(vm, this, args, "index", false)? {
        Some(i) => Ok(Value::small_int(i as i64)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn b_rindex(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    match search(vm, this, args, "rindex", true)? {
        Some(i) => Ok(Value::small_int(i as i64)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn b_count(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = takes_range(&args, kind_name(this), "count", 1, 3)?;
    let start = slice_index(vm, pos.get(1))?;
    let end = slice_index(vm, pos.get(2))?;
    let sub = sub_arg(vm, &pos[0])?;
    let n = with_view(this, |b| {
        let (start, end) = adjust_indices(start, end, b.len());
        if end < start || end - start < sub.len() {
            0
        } else if sub.is_empty() {
            end - start + 1
        } else {
            count_bytes(&b[start..end], &sub)
        }
    })?;
    Ok(Value::small_int(n as i64))
}

fn starts_ends(vm: &mut Vm, this: &Value, args: Args, name: &str, ends: bool) -> PyResult<Value> {
    let pos = takes_range(&args, kind_name(this), name, 1, 3)?;
    let start = slice_index(vm, pos.get(1))?;
    let end = slice_index(vm, pos.get(2))?;
    let test = |sub: &[u8]| {
        with_view(this, |b| {
            let (start, end) = adjust_indices(start, end, b.len());
            if start > b.len() || end < start || end - start < sub.len() {
                return false;
            }
            let hay = &b[start..end];
            if ends {
                hay.ends_with(sub)
            } else {
                hay.starts_with(sub)
            }
        })
    };
    let prefix = &pos[0];
    if let Some(t) = prefix.downcast::<crate::types::tuple::TupleData>() {
        for item in t.data.items() {
            if test(&need_bytes(item)?)? {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    let Some(sub) = bytes_like(prefix) else {
        return Err(PyErr::type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            type_of(prefix).name()
        )));
    };
    Ok(Value::bool(test(&sub)?))
}

fn b_startswith(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    starts_ends(vm, this, args, "startswith", false)
}

fn b_endswith(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    starts_ends(vm, this, args, "endswith", true)
}

// ----- replace, strip, prefixes -----

fn replace_bytes(b: &[u8], old: &[u8], new: &[u8], count: i64) -> PyResult<Vec<u8>> {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    // The match positions (at most `limit`; for an empty `old`, every gap).
    let positions: Vec<usize> = if old.is_empty() {
        (0..=b.len()).take(limit).collect()
    } else {
        let mut v = Vec::new();
        let mut pos = 0;
        while v.len() < limit {
            match find_bytes(&b[pos..], old) {
                Some(i) => {
                    v.push(pos + i);
                    pos += i + old.len();
                }
                None => break,
            }
        }
        v
    };
    let n = positions.len();
    let total = n
        .checked_mul(new.len())
        .and_then(|x| x.checked_add(b.len()))
        .map(|x| x - n * old.len());
    let mut out = buffer(total)?;
    let mut last = 0;
    for p in positions {
        out.extend_from_slice(&b[last..p]);
        out.extend_from_slice(new);
        last = p + old.len();
    }
    out.extend_from_slice(&b[last..]);
    Ok(out)
}

fn b_replace(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let b = this_bytes(this)?;
    let pos = clinic_range(&args, kind_name(this), "replace", 2, 3)?;
    let old = need_bytes(&pos[0])?;
    let new = need_bytes(&pos[1])?;
    let count = match pos.get(2) {
        Some(c) => index_arg(vm, c)?,
        None => -1,
    };
    Ok(same_kind(this, replace_bytes(&b, &old, &new, count)?))
}

fn strip_impl(this: &Value, args: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let b = this_bytes(this)?;
    let pos = clinic_range(&args, kind_name(this), name, 0, 1)?;
    let set: Option<Vec<u8>> = match pos.first() {
        Some(v) if !v.is_none() => Some(need_bytes(v)?),
        _ => None,
    };
    let strip = |c: &u8| match &set {
        Some(s) => s.contains(c),
        None => is_ws(*c),
    };
    let mut start = 0;
    let mut end = b.len();
    if left {
        while start < end && strip(&b[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strip(&b[end - 1]) {
            end -= 1;
        }
    }
    Ok(same_kind(this, b[start..end].to_vec()))
}

fn b_strip(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    strip_impl(this, args, "strip", true, true)
}

fn b_lstrip(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    strip_impl(this, args, "lstrip", true, false)
}

fn b_rstrip(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    strip_impl(this, args, "rstrip", false, true)
}

fn b_removeprefix(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let p = one_arg(&args, kind_name(this), "removeprefix")?;
    let p = need_bytes(p)?;
    let b = this_bytes(this)?;
    let out = b.strip_prefix(p.as_slice()).unwrap_or(&b).to_vec();
    Ok(same_kind(this, out))
}

fn b_removesuffix(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let p = one_arg(&args, kind_name(this), "removesuffix")?;
    let p = need_bytes(p)?;
    let b = this_bytes(this)?;
    let out = if p.is_empty() {
        b.clone()
    } else {
        b.strip_suffix(p.as_slice()).unwrap_or(&b).to_vec()
    };
    Ok(same_kind(this, out))
}

// ----- split, join, partition -----

fn split_args(vm: &mut Vm, name: &str, args: Args) -> PyResult<(Option<Vec<u8>>, i64)> {
    let [sep, maxsplit] = bind_kw(&args, name, ["sep", "maxsplit"])?;
    let maxsplit = match maxsplit {
        Some(m) => index_arg(vm, m)?,
        None => -1,
    };
    let sep = match sep {
        Some(s) if !s.is_none() => {
            let s = need_bytes(s)?;
            if s.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s)
        }
        _ => None,
    };
    Ok((sep, maxsplit))
}

fn split_ws(b: &[u8], maxsplit: i64) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut i = 0;
    let n = b.len();
    while i < n && is_ws(b[i]) {
        i += 1;
    }
    while i < n {
        if left == 0 {
            out.push(&b[i..]);
            break;
        }
        let start = i;
        while i < n && !is_ws(b[i]) {
            i += 1;
        }
        out.push(&b[start..i]);
        left -= 1;
        while i < n && is_ws(b[i]) {
            i += 1;
        }
    }
    out
}

fn rsplit_ws(b: &[u8], maxsplit: i64) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut i = b.len();
    while i > 0 && is_ws(b[i - 1]) {
        i -= 1;
    }
    while i > 0 {
        if left == 0 {
            out.push(&b[..i]);
            break;
        }
        let end = i;
        while i > 0 && !is_ws(b[i - 1]) {
            i -= 1;
        }
        out.push(&b[i..end]);
        left -= 1;
        while i > 0 && is_ws(b[i - 1]) {
            i -= 1;
        }
    }
    out.reverse();
    out
}

fn split_sep<'a>(b: &'a [u8], sep: &[u8], maxsplit: i64) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut pos = 0;
    while left > 0 {
        match find_bytes(&b[pos..], sep) {
            Some(i) => {
                out.push(&b[pos..pos + i]);
                pos += i + sep.len();
                left -= 1;
            }
            None => break,
        }
    }
    out.push(&b[pos..]);
    out
}

fn rsplit_sep<'a>(b: &'a [u8], sep: &[u8], maxsplit: i64) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut end = b.len();
    while left > 0 {
        match rfind_bytes(&b[..end], sep) {
            Some(i) => {
                out.push(&b[i + sep.len()..end]);
                end = i;
                left -= 1;
            }
            None => break,
        }
    }
    out.push(&b[..end]);
    out.reverse();
    out
}

fn b_split(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let b = this_bytes(this)?;
    let (sep, maxsplit) = split_args(vm, "split", args)?;
    Ok(list_of(
        this,
        match &sep {
            None => split_ws(&b, maxsplit),
            Some(s) => split_sep(&b, s, maxsplit),
        },
    ))
}

fn b_rsplit(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let b = this_bytes(this)?;
    let (sep, maxsplit) = split_args(vm, "rsplit", args)?;
    Ok(list_of(
        this,
        match &sep {
            None => rsplit_ws(&b, maxsplit),
            Some(s) => rsplit_sep(&b, s, maxsplit),
        },
    ))
}

fn b_splitlines(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let b = this_bytes(this)?;
    let [keepends] = bind_kw(&args, "splitlines", ["keepends"])?;
    let keepends = match keepends {
        Some(k) => index_arg(vm, k)? != 0,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\n' && c != b'\r' {
            i += 1;
            continue;
        }
        let mut eol = i + 1;
        if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
            eol += 1;
        }
        out.push(&b[start..if keepends { eol } else { i }]);
        start = eol;
        i = eol;
    }
    if start < b.len() {
        out.push(&b[start..]);
    }
    Ok(list_of(this, out))
}

fn b_join(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let iterable = one_arg(&args, kind_name(this), "join")?;
    let sep = this_bytes(this)?;
    let it = vm.get_iter(iterable).map_err(|e| {
        if e.matches(&types().exc.type_error) {
            PyErr::type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(item) = vm.next(&it)? {
        let Some(b) = bytes_like(&item) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                type_of(&item).name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
        i += 1;
    }
    Ok(same_kind(this, out))
}

fn partition_impl(this: &Value, args: Args, name: &str, rev: bool) -> PyResult<Value> {
    let b = this_bytes(this)?;
    let sep_obj = one_arg(&args, kind_name(this), name)?;
    let sep = need_bytes(sep_obj)?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found = if rev {
        rfind_bytes(&b, &sep)
    } else {
        find_bytes(&b, &sep)
    };
    let k = |v: &[u8]| same_kind(this, v.to_vec());
    // A bytes receiver returns the separator object itself.
    let mid = if is_bytearray(this) {
        k(&sep)
    } else {
        sep_obj.clone()
    };
    Ok(match found {
        Some(i) => new_tuple(vec![k(&b[..i]), mid, k(&b[i + sep.len()..])]),
        None if rev => new_tuple(vec![k(&[]), k(&[]), k(&b)]),
        None => new_tuple(vec![k(&b), k(&[]), k(&[])]),
    })
}

fn b_partition(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    partition_impl(this, args, "partition", false)
}

fn b_rpartition(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    partition_impl(this, args, "rpartition", true)
}

// ----- case and predicates (ASCII only) -----

fn map_bytes(this: &Value, args: Args, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    no_args(&args, kind_name(this), name)?;
    let b = this_bytes(this)?;
    Ok(same_kind(this, f(&b)))
}

fn upper(b: &[u8]) -> Vec<u8> {
    b.to_ascii_uppercase()
}
fn lower(b: &[u8]) -> Vec<u8> {
    b.to_ascii_lowercase()
}
fn swapcase(b: &[u8]) -> Vec<u8> {
    b.iter()
        .map(|&c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}
fn title(b: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    b.iter()
        .map(|&c| {
            let r = if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect()
}
fn capitalize(b: &[u8]) -> Vec<u8> {
    b.iter()
        .enumerate()
        .map(|(i, &c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

fn b_upper(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    map_bytes(this, args, "upper", upper)
}
fn b_lower(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    map_bytes(this, args, "lower", lower)
}
fn b_swapcase(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    map_bytes(this, args, "swapcase", swapcase)
}
fn b_title(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    map_bytes(this, args, "title", title)
}
fn b_capitalize(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    map_bytes(this, args, "capitalize", capitalize)
}

fn all_bytes(this: &Value, args: Args, name: &str, pred: fn(&u8) -> bool) -> PyResult<Value> {
    no_args(&args, kind_name(this), name)?;
    let b = this_bytes(this)?;
    Ok(Value::bool(!b.is_empty() && b.iter().all(pred)))
}

fn b_isdigit(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    all_bytes(this, args, "isdigit", u8::is_ascii_digit)
}
fn b_isalpha(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    all_bytes(this, args, "isalpha", u8::is_ascii_alphabetic)
}
fn b_isalnum(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    all_bytes(this, args, "isalnum", u8::is_ascii_alphanumeric)
}
fn b_isspace(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    all_bytes(this, args, "isspace", |c| is_ws(*c))
}
fn b_isascii(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    no_args(&args, kind_name(this), "isascii")?;
    Ok(Value::bool(this_bytes(this)?.is_ascii()))
}
fn b_islower(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    no_args(&args, kind_name(this), "islower")?;
    let b = this_bytes(this)?;
    Ok(Value::bool(
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase),
    ))
}
fn b_isupper(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    no_args(&args, kind_name(this), "isupper")?;
    let b = this_bytes(this)?;
    Ok(Value::bool(
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase),
    ))
}
fn b_istitle(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    no_args(&args, kind_name(this), "istitle")?;
    let b = this_bytes(this)?;
    let mut cased = false;
    let mut prev_cased = false;
    for &c in &b {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

// ----- padding -----

fn fill_arg(v: Option<&Value>, name: &str) -> PyResult<u8> {
    let Some(v) = v else { return Ok(b' ') };
    match bytes_like(v) {
        Some(b) if b.len() == 1 => Ok(b[0]),
        _ => Err(PyErr::type_error(format!(
            "{name}() argument 2 must be a byte string of length 1, not {}",
            clinic_type_name(v)
        ))),
    }
}

fn justify(vm: &mut Vm, this: &Value, args: Args, name: &str) -> PyResult<Value> {
    let b = this_bytes(this)?;
    let pos = clinic_range(&args, kind_name(this), name, 1, 2)?;
    let width = index_arg(vm, &pos[0])?;
    let fill = fill_arg(pos.get(1), name)?;
    if width <= b.len() as i64 {
        return Ok(same_kind(this, b));
    }
    let marg = width as usize - b.len();
    if marg > crate::numfmt::MAX_FORMAT_LEN {
        return Err(PyErr::memory_error(""));
    }
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
    };
    let mut out = Vec::with_capacity(width as usize);
    out.extend(std::iter::repeat_n(fill, left));
    out.extend_from_slice(&b);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(same_kind(this, out))
}

fn b_center(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    justify(vm, this, args, "center")
}
fn b_ljust(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    justify(vm, this, args, "ljust")
}
fn b_rjust(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    justify(vm, this, args, "rjust")
}

fn b_zfill(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let w = one_arg(&args, kind_name(this), "zfill")?;
    let width = index_arg(vm, w)?;
    let b = this_bytes(this)?;
    if width <= b.len() as i64 {
        return Ok(same_kind(this, b));
    }
    let fill = width as usize - b.len();
    if fill > crate::numfmt::MAX_FORMAT_LEN {
        return Err(PyErr::memory_error(""));
    }
    let mut out = Vec::with_capacity(width as usize);
    let rest = match b.first() {
        Some(c @ (b'+' | b'-')) => {
            out.push(*c);
            &b[1..]
        }
        _ => &b[..],
    };
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(rest);
    Ok(same_kind(this, out))
}

fn b_expandtabs(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [tabsize] = bind_kw(&args, "expandtabs", ["tabsize"])?;
    let tabsize = match tabsize {
        Some(t) => index_arg(vm, t)?,
        None => 8,
    };
    let b = this_bytes(this)?;
    let mut out = Vec::with_capacity(b.len());
    let mut col: usize = 0;
    for &c in &b {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize as usize - col % tabsize as usize;
                    if out.len().saturating_add(n) > crate::numfmt::MAX_FORMAT_LEN {
                        return Err(PyErr::overflow_error("result too long"));
                    }
                    out.extend(std::iter::repeat_n(b' ', n));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(same_kind(this, out))
}

// ----- hex, fromhex, decode, translate -----

fn b_hex(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let b = this_bytes(this)?;
    let [sep, per] = bind_kw(&args, "hex", ["sep", "bytes_per_sep"])?;
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let per = match per {
        Some(p) => index_arg(vm, p)?,
        None => 1,
    };
    let sep: Option<char> = match sep {
        None => None,
        Some(s) => {
            if vm.len(s)? != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            let text: Vec<char> = if let Some(t) = str_of(s) {
                t.chars().collect()
            } else if let Some(bs) = s.downcast::<BytesData>() {
                bs.data.as_bytes().iter().map(|&c| c as char).collect()
            } else {
                return Err(PyErr::type_error("sep must be str or bytes."));
            };
            if !text[0].is_ascii() {
                return Err(PyErr::value_error("sep must be ASCII."));
            }
            Some(text[0])
        }
    };
    let mut out = String::with_capacity(b.len() * 3);
    let group = per.unsigned_abs() as usize;
    let n = b.len();
    for (i, &c) in b.iter().enumerate() {
        if let Some(s) = sep {
            if i > 0 && group > 0 {
                // Groups count from the right for a positive `bytes_per_sep`.
                let boundary = if per > 0 {
                    (n - i) % group == 0
                } else {
                    i % group == 0
                };
                if boundary {
                    out.push(s);
                }
            }
        }
        out.push(DIGITS[(c >> 4) as usize] as char);
        out.push(DIGITS[(c & 15) as usize] as char);
    }
    Ok(new_str(out))
}

fn b_fromhex(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let is_ba = cls
        .downcast::<crate::types::typeobj::TypeData>()
        .is_some_and(|c| c.is_subtype(&types().bytearray));
    let s = one_arg(&args, if is_ba { "bytearray" } else { "bytes" }, "fromhex")?;
    let Some(text) = str_of(s) else {
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str, not {}",
            type_of(s).name()
        )));
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |pos: usize| {
        PyErr::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii() && is_ws(c as u8) {
            i += 1;
            continue;
        }
        let hi = c
            .to_digit(16)
            .filter(|_| c.is_ascii())
            .ok_or_else(|| bad(i))?;
        let lo = chars
            .get(i + 1)
            .filter(|c| c.is_ascii())
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let Some(cls_t) = cls.downcast::<crate::types::typeobj::TypeData>() else {
        return Ok(new_bytes(out));
    };
    let t = types();
    if cls_t.is(&t.bytes) {
        return Ok(new_bytes(out));
    }
    if cls_t.is(&t.bytearray) {
        return Ok(new_bytearray(out));
    }
    let base = if cls_t.is_subtype(&t.bytearray) {
        new_bytearray(out)
    } else {
        new_bytes(out)
    };
    vm.call(cls, &[base])
}

fn b_decode(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [encoding, errors] = bind_kw(&args, "decode", ["encoding", "errors"])?;
    let enc = match encoding {
        Some(e) => str_of(e).map(str::to_string).ok_or_else(|| {
            PyErr::type_error(format!(
                "decode() argument 'encoding' must be str, not {}",
                clinic_type_name(e)
            ))
        })?,
        None => "utf-8".into(),
    };
    let errs = match errors {
        Some(e) => str_of(e).map(str::to_string).ok_or_else(|| {
            PyErr::type_error(format!(
                "decode() argument 'errors' must be str, not {}",
                clinic_type_name(e)
            ))
        })?,
        None => "strict".into(),
    };
    Ok(new_str(codecs::decode(&this_bytes(this)?, &enc, &errs)?))
}

fn b_translate(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error(
            "translate() takes at least 1 positional argument (0 given)",
        ));
    }
    let [table, delete] = args.bind_with("translate", ["table", "delete"], 1, 1, 2)?;
    let table = match table {
        Some(t) if !t.is_none() => {
            let t = need_bytes(t)?;
            if t.len() != 256 {
                return Err(PyErr::value_error(
                    "translation table must be 256 characters long",
                ));
            }
            Some(t)
        }
        _ => None,
    };
    let delete = match delete {
        Some(d) => need_bytes(d)?,
        None => Vec::new(),
    };
    let b = this_bytes(this)?;
    let out: Vec<u8> = b
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map(|t| t[c as usize]).unwrap_or(c))
        .collect();
    Ok(same_kind(this, out))
}

fn b_maketrans(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [frm, to] = args.exact::<2>("maketrans")?;
    let frm = need_bytes(frm)?;
    let to = need_bytes(to)?;
    if frm.len() != to.len() {
        return Err(PyErr::value_error(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (a, b) in frm.iter().zip(to.iter()) {
        table[*a as usize] = *b;
    }
    Ok(new_bytes(table))
}

// ----- operators -----

fn b_add(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__add__")?;
    let Some(o) = bytes_like(other) else {
        // Concatenation comes after the other operand's `__radd__` (as CPython's
        // sequence concat slot does); only then is it an error.
        if let Some(r) = vm.call_special(
            other,
            &crate::intern::names().__radd__,
            std::slice::from_ref(this),
        )? {
            if !crate::types::object::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        return Err(PyErr::type_error(format!(
            "can't concat {} to {}",
            type_of(other).name(),
            kind_name(this)
        )));
    };
    let mut b = this_bytes(this)?;
    b.extend_from_slice(&o);
    Ok(same_kind(this, b))
}

/// The repeat count of `*`, or None when `n` is not an integer.
fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<i64>> {
    if let Some(i) = IntValue::of(n) {
        return Ok(Some(i.saturating_i64()));
    }
    if type_of(n)
        .lookup(&crate::intern::names().__index__)
        .is_none()
    {
        return Ok(None);
    }
    Ok(Some(vm.index_value(n)?.saturating_i64()))
}

fn repeated(b: &[u8], k: i64) -> PyResult<Vec<u8>> {
    if k <= 0 || b.is_empty() {
        return Ok(Vec::new());
    }
    if (b.len() as u128) * (k as u128) > (isize::MAX as u128) / 2 {
        return Err(PyErr::memory_error(""));
    }
    Ok(b.repeat(k as usize))
}

fn b_mul(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [n] = args.exact::<1>("__mul__")?;
    let Some(k) = repeat_count(vm, n)? else {
        return Ok(not_implemented());
    };
    let b = this_bytes(this)?;
    Ok(same_kind(this, repeated(&b, k)?))
}

fn b_mod(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__mod__")?;
    let fmt = this_bytes(this)?;
    let out = crate::types::str::percent::percent_format(
        vm,
        &fmt,
        other,
        crate::types::str::percent::Kind::Bytes,
    )?;
    Ok(same_kind(this, out))
}

fn b_rmod(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__rmod__")?;
    if other.downcast::<BytesData>().is_none() && !is_bytearray(other) {
        return Ok(not_implemented());
    }
    let fmt = this_bytes(other)?;
    let out = crate::types::str::percent::percent_format(
        vm,
        &fmt,
        this,
        crate::types::str::percent::Kind::Bytes,
    )?;
    Ok(same_kind(other, out))
}

fn bytes_bytes(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    if type_of(this).is(&types().bytes) {
        return Ok(this.clone());
    }
    Ok(new_bytes(this_bytes(this)?))
}

fn bytes_getnewargs(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(new_tuple(vec![new_bytes(this_bytes(this)?)]))
}

// ----- bytearray mutation -----

fn ba(v: &Value) -> PyResult<&crate::object::Obj<ByteArrayData>> {
    v.downcast::<ByteArrayData>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'bytearray' object but received '{}'",
            type_of(v).name()
        ))
    })
}

/// The bytes of an iterable of ints (or a bytes-like object) for slice assignment/extend.
fn bytes_from_iterable(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b);
    }
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(byte_value(vm, it)?);
    }
    Ok(out)
}

fn ba_append(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let x = one_arg(&args, kind_name(this), "append")?;
    let a = ba(this)?;
    let c = byte_value(vm, x)?;
    a.data.with(|v| v.push(c));
    Ok(Value::NONE)
}

fn ba_extend(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let x = one_arg(&args, kind_name(this), "extend")?;
    let a = ba(this)?;
    let b = if let Some(b) = bytes_like(x) {
        b
    } else {
        let it = vm.get_iter(x).map_err(|e| {
            if e.matches(&types().exc.type_error) {
                PyErr::type_error(format!("can't extend bytearray with {}", type_of(x).name()))
            } else {
                e
            }
        })?;
        let mut out = Vec::new();
        while let Some(item) = vm.next(&it)? {
            out.push(byte_value(vm, &item)?);
        }
        out
    };
    a.data.with(|v| v.extend_from_slice(&b));
    Ok(Value::NONE)
}

fn ba_pop(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = clinic_range(&args, kind_name(this), "pop", 0, 1)?;
    let a = ba(this)?;
    let i = match pos.first() {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let r = a.data.with(|v| {
        if v.is_empty() {
            return Err(PyErr::index_error("pop from empty bytearray"));
        }
        let len = v.len() as i64;
        let j = if i < 0 { i + len } else { i };
        if !(0..len).contains(&j) {
            return Err(PyErr::index_error("pop index out of range"));
        }
        Ok(v.remove(j as usize))
    })?;
    Ok(Value::small_int(r as i64))
}

fn ba_insert(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [i, x] = args.exact::<2>("insert")?;
    let a = ba(this)?;
    let i = index_arg(vm, i)?;
    let c = byte_value(vm, x)?;
    a.data.with(|v| {
        let len = v.len() as i64;
        let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
        v.insert(j as usize, c);
    });
    Ok(Value::NONE)
}

fn ba_remove(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let x = one_arg(&args, kind_name(this), "remove")?;
    let a = ba(this)?;
    let c = byte_value(vm, x)?;
    let found = a.data.with(|v| match v.iter().position(|&b| b == c) {
        Some(i) => {
            v.remove(i);
            true
        }
        None => false,
    });
    if !found {
        return Err(PyErr::value_error("value not found in bytearray"));
    }
    Ok(Value::NONE)
}

fn ba_clear(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    no_args(&args, kind_name(this), "clear")?;
    ba(this)?.data.with(|v| v.clear());
    Ok(Value::NONE)
}

fn ba_reverse(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    no_args(&args, kind_name(this), "reverse")?;
    ba(this)?.data.with(|v| v.reverse());
    Ok(Value::NONE)
}

fn ba_copy(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    no_args(&args, kind_name(this), "copy")?;
    Ok(new_bytearray(ba(this)?.data.snapshot()))
}

/// Removes the bytes at `positions` (computed for a length of `len`).
fn delete_positions(
    a: &crate::object::Obj<ByteArrayData>,
    positions: impl Iterator<Item = usize>,
    len: usize,
) {
    let mut drop = vec![false; len];
    for p in positions {
        if p < len {
            drop[p] = true;
        }
    }
    a.data.with(|v| {
        let mut k = 0;
        v.retain(|_| {
            let keep = !drop.get(k).copied().unwrap_or(false);
            k += 1;
            keep
        });
    });
}

fn ba_setitem(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [key, value] = args.exact::<2>("__setitem__")?;
    let a = ba(this)?;
    if let Some(sl) = key.downcast::<crate::types::slice::SliceData>() {
        let new: Vec<u8> = if IntValue::of(value).is_some() || str_of(value).is_some() {
            return Err(PyErr::type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        } else {
            bytes_from_iterable(vm, value).map_err(|e| {
                if e.matches(&types().exc.type_error) && vm.get_iter(value).is_err() {
                    PyErr::type_error(
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                    )
                } else {
                    e
                }
            })?
        };
        let len = a.data.len();
        let idx = sl.data.indices(vm, len)?;
        if idx.step == 1 {
            let start = (idx.start.max(0) as usize).min(len);
            let end = start + idx.len;
            a.data.with(|v| {
                let end = end.min(v.len());
                let start = start.min(end);
                v.splice(start..end, new);
            });
            return Ok(Value::NONE);
        }
        if new.is_empty() {
            // An empty value deletes the extended slice.
            delete_positions(a, idx.iter(), len);
            return Ok(Value::NONE);
        }
        if new.len() != idx.len {
            return Err(PyErr::value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                idx.len
            )));
        }
        let positions: Vec<usize> = idx.iter().collect();
        a.data.with(|v| {
            for (p, c) in positions.into_iter().zip(new) {
                if let Some(slot) = v.get_mut(p) {
                    *slot = c;
                }
            }
        });
        return Ok(Value::NONE);
    }
    let c = byte_value(vm, value)?;
    let len = a.data.len();
    let i = crate::types::seq::index_of(vm, key, len, "bytearray")?;
    a.data.with(|v| {
        if let Some(slot) = v.get_mut(i) {
            *slot = c;
        }
    });
    Ok(Value::NONE)
}

fn ba_delitem(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [key] = args.exact::<1>("__delitem__")?;
    let a = ba(this)?;
    let len = a.data.len();
    if let Some(sl) = key.downcast::<crate::types::slice::SliceData>() {
        let idx = sl.data.indices(vm, len)?;
        delete_positions(a, idx.iter(), len);
        return Ok(Value::NONE);
    }
    let i = crate::types::seq::index_of(vm, key, len, "bytearray")?;
    a.data.with(|v| {
        if i < v.len() {
            v.remove(i);
        }
    });
    Ok(Value::NONE)
}

fn ba_iadd(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__iadd__")?;
    let a = ba(this)?;
    let Some(o) = bytes_like(other) else {
        return Err(PyErr::type_error(format!(
            "can't concat {} to bytearray",
            type_of(other).name()
        )));
    };
    a.data.with(|v| v.extend_from_slice(&o));
    Ok(this.clone())
}

fn ba_imul(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [n] = args.exact::<1>("__imul__")?;
    let a = ba(this)?;
    let Some(k) = repeat_count(vm, n)? else {
        return Ok(not_implemented());
    };
    let r = repeated(&a.data.snapshot(), k)?;
    a.data.with(|v| *v = r);
    Ok(this.clone())
}

fn ba_alloc(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("__alloc__")?;
    Ok(Value::small_int(ba(this)?.data.len() as i64 + 1))
}

pub fn init(t: &BuiltinTypes) {
    let common = [
        MethodDef::method("find", b_find),
        MethodDef::method("rfind", b_rfind),
        MethodDef::method("index", b_index),
        MethodDef::method("rindex", b_rindex),
        MethodDef::method("count", b_count),
        MethodDef::method("startswith", b_startswith),
        MethodDef::method("endswith", b_endswith),
        MethodDef::method("replace", b_replace),
        MethodDef::method("strip", b_strip),
        MethodDef::method("lstrip", b_lstrip),
        MethodDef::method("rstrip", b_rstrip),
        MethodDef::method("removeprefix", b_removeprefix),
        MethodDef::method("removesuffix", b_removesuffix),
        MethodDef::method("split", b_split),
        MethodDef::method("rsplit", b_rsplit),
        MethodDef::method("splitlines", b_splitlines),
        MethodDef::method("join", b_join),
        MethodDef::method("partition", b_partition),
        MethodDef::method("rpartition", b_rpartition),
        MethodDef::method("upper", b_upper),
        MethodDef::method("lower", b_lower),
        MethodDef::method("swapcase", b_swapcase),
        MethodDef::method("title", b_title),
        MethodDef::method("capitalize", b_capitalize),
        MethodDef::method("isdigit", b_isdigit),
        MethodDef::method("isalpha", b_isalpha),
        MethodDef::method("isalnum", b_isalnum),
        MethodDef::method("isspace", b_isspace),
        MethodDef::method("islower", b_islower),
        MethodDef::method("isupper", b_isupper),
        MethodDef::method("istitle", b_istitle),
        MethodDef::method("isascii", b_isascii),
        MethodDef::method("center", b_center),
        MethodDef::method("ljust", b_ljust),
        MethodDef::method("rjust", b_rjust),
        MethodDef::method("zfill", b_zfill),
        MethodDef::method("expandtabs", b_expandtabs),
        MethodDef::method("hex", b_hex),
        MethodDef::classmethod("fromhex", b_fromhex),
        MethodDef::method("decode", b_decode),
        MethodDef::method("translate", b_translate),
        MethodDef::staticmethod("maketrans", b_maketrans),
        MethodDef::method("__add__", b_add),
        MethodDef::method("__mul__", b_mul),
        MethodDef::method("__rmul__", b_mul),
        MethodDef::method("__mod__", b_mod),
        MethodDef::method("__rmod__", b_rmod),
    ];
    add_methods(&t.bytes, &common);
    add_methods(&t.bytearray, &common);
    add_methods(
        &t.bytes,
        &[
            MethodDef::method("__bytes__", bytes_bytes),
            MethodDef::method("__getnewargs__", bytes_getnewargs),
        ],
    );
    add_methods(
        &t.bytearray,
        &[
            MethodDef::method("append", ba_append),
            MethodDef::method("extend", ba_extend),
            MethodDef::method("pop", ba_pop),
            MethodDef::method("insert", ba_insert),
            MethodDef::method("remove", ba_remove),
            MethodDef::method("clear", ba_clear),
            MethodDef::method("reverse", ba_reverse),
            MethodDef::method("copy", ba_copy),
            MethodDef::method("__setitem__", ba_setitem),
            MethodDef::method("__delitem__", ba_delitem),
            MethodDef::method("__iadd__", ba_iadd),
            MethodDef::method("__imul__", ba_imul),
            MethodDef::method("__alloc__", ba_alloc),
        ],
    );
}
