//! The `str` methods ordinary programs use (`split`, `join`, `strip`, `find`, ...).
//!
//! Positions given to and returned by Python are character indices; the text is UTF-8, so
//! non-ASCII strings convert between character and byte offsets (ASCII strings need not).

use crate::object::Obj;
use crate::types::int::IntValue;
use crate::types::list::new_list;
use crate::types::str::{chars, new_str, sd, str_of, StrData};
use crate::types::tuple::new_tuple;
use crate::types::{add_methods, type_of, types, BuiltinTypes, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

// ----- helpers -----

/// The empty str (one shared immortal object, without a trip through the interner).
pub(crate) fn empty_str() -> Value {
    static EMPTY: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| crate::intern::intern("")).clone()
}

/// `this` unchanged: the same object for an exact str, a plain copy for a subclass.
fn unchanged(this: &Value) -> PyResult<Value> {
    let s = sd(this)?;
    if type_of(this).is(&types().str) {
        Ok(this.clone())
    } else {
        Ok(new_str(s.data.as_str()))
    }
}

/// The type name Argument Clinic's messages use ("None" for None).
pub(crate) fn clinic_type_name(v: &Value) -> String {
    if v.is_none() {
        "None".to_string()
    } else {
        type_of(v).name().to_string()
    }
}

/// A str argument for an Argument Clinic parameter: "`{what}` must be str, not None".
pub(crate) fn clinic_str<'a>(v: &'a Value, what: &str) -> PyResult<&'a str> {
    str_of(v).ok_or_else(|| {
        PyErr::type_error(format!("{what} must be str, not {}", clinic_type_name(v)))
    })
}

/// A str argument; otherwise TypeError "`{prefix}must be str, not T`".
pub(crate) fn need_str<'a>(v: &'a Value, prefix: &str) -> PyResult<&'a str> {
    str_of(v)
        .ok_or_else(|| PyErr::type_error(format!("{prefix}must be str, not {}", type_of(v).name())))
}

/// A slice-index argument (`None`, an int or an `__index__` object), saturated to i64.
pub(crate) fn slice_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    let Some(v) = v else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    if let Some(i) = IntValue::of(v) {
        return Ok(Some(i.saturating_i64()));
    }
    if type_of(v)
        .lookup(&crate::intern::names().__index__)
        .is_some()
    {
        return Ok(Some(vm.index_value(v)?.saturating_i64()));
    }
    Err(PyErr::type_error(
        "slice indices must be integers or None or have an __index__ method",
    ))
}

/// CPython's `ADJUST_INDICES`: negative bounds count from the end and clamp at 0; `end` is
/// clamped to `len`; `start` may stay beyond `len`.
pub(crate) fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start as usize, end as usize)
}

/// An integer argument through `__index__` (errors name the type as CPython does).
fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = IntValue::of(v) {
        return Ok(i.saturating_i64());
    }
    if type_of(v)
        .lookup(&crate::intern::names().__index__)
        .is_none()
    {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_of(v).name()
        )));
    }
    vm.to_i64(v)
}

/// Number of characters in `s`.
#[inline]
fn nchars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The characters `start..end` of `s` (already adjusted, `start <= end <= len`) with the
/// byte offset where they begin.
fn window(s: &Obj<StrData>, start: usize, end: usize) -> (usize, &str) {
    let text = s.data.as_str();
    if s.data.is_ascii() {
        return (start, &text[start..end]);
    }
    if start == 0 && end >= s.data.char_len() {
        return (0, text);
    }
    let a = s.data.byte_offset(start);
    let b = a + text[a..]
        .char_indices()
        .nth(end - start)
        .map(|(i, _)| i)
        .unwrap_or(text.len() - a);
    (a, &text[a..b])
}

/// The `(sub, start, end)` arguments of the find family.
fn search_args<'a>(
    vm: &mut Vm,
    name: &str,
    args: &Args<'a>,
) -> PyResult<(&'a str, Option<i64>, Option<i64>)> {
    let pos = takes_range(args, "str", name, 1, 3)?;
    let start = slice_index(vm, pos.get(1))?;
    let end = slice_index(vm, pos.get(2))?;
    let sub = need_str(&pos[0], "")?;
    Ok((sub, start, end))
}

/// Finds `sub` in the characters `start..end` of `s`; the character index of the first
/// (or last, when `rev`) occurrence.
fn find_in(s: &Obj<StrData>, sub: &str, start: Option<i64>, end: Option<i64>, rev: bool) -> i64 {
    let (start, end) = adjust_indices(start, end, s.data.char_len());
    let sub_len = nchars(sub);
    if end < start || end - start < sub_len {
        return -1;
    }
    let (base, hay) = window(s, start, end);
    let found = if rev { hay.rfind(sub) } else { hay.find(sub) };
    match found {
        None => -1,
        Some(b) => {
            if s.data.is_ascii() {
                (base + b) as i64
            } else {
                (start + hay[..b].chars().count()) as i64
            }
        }
    }
}

fn find_common(vm: &mut Vm, this: &Value, args: Args, name: &str, rev: bool) -> PyResult<i64> {
    let s = sd(this)?;
    let (sub, start, end) = search_args(vm, name, &args)?;
    Ok(find_in(s, sub, start, end, rev))
}

// ----- argument checking with CPython's messages -----

fn no_kwargs(args: &Args, ty: &str, name: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!(
            "{ty}.{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

/// No arguments: "str.upper() takes no arguments (1 given)".
pub(crate) fn no_args(args: &Args, ty: &str, name: &str) -> PyResult<()> {
    no_kwargs(args, ty, name)?;
    if !args.is_empty() {
        return Err(PyErr::type_error(format!(
            "{ty}.{name}() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(())
}

/// One positional argument: "str.join() takes exactly one argument (0 given)".
pub(crate) fn one_arg<'a>(args: &Args<'a>, ty: &str, name: &str) -> PyResult<&'a Value> {
    no_kwargs(args, ty, name)?;
    match args.positional() {
        [v] => Ok(v),
        pos => Err(PyErr::type_error(format!(
            "{ty}.{name}() takes exactly one argument ({} given)",
            pos.len()
        ))),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Positional-or-keyword parameters, rejecting unknown keywords as CPython's argument
/// clinic does ("'x' is an invalid keyword argument for split()").
pub(crate) fn bind_kw<'a, const N: usize>(
    args: &Args<'a>,
    name: &str,
    names: [&str; N],
) -> PyResult<[Option<&'a Value>; N]> {
    for (k, _) in args.kwargs() {
        if !names.contains(&k) {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for {name}()"
            )));
        }
    }
    args.bind(name, names, 0)
}

/// `min..=max` positional arguments: "center expected at least 1 argument, got 0".
pub(crate) fn clinic_range<'a>(
    args: &Args<'a>,
    ty: &str,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    no_kwargs(args, ty, name)?;
    let pos = args.positional();
    if pos.len() < min {
        return Err(PyErr::type_error(format!(
            "{name} expected at least {min} argument{}, got {}",
            plural(min),
            pos.len()
        )));
    }
    if pos.len() > max {
        return Err(PyErr::type_error(format!(
            "{name} expected at most {max} argument{}, got {}",
            plural(max),
            pos.len()
        )));
    }
    Ok(pos)
}

/// `min..=max` positional arguments: "find() takes at least 1 argument (0 given)".
pub(crate) fn takes_range<'a>(
    args: &Args<'a>,
    ty: &str,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    no_kwargs(args, ty, name)?;
    let pos = args.positional();
    if pos.len() < min {
        return Err(PyErr::type_error(format!(
            "{name}() takes at least {min} argument{} ({} given)",
            plural(min),
            pos.len()
        )));
    }
    if pos.len() > max {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {max} argument{} ({} given)",
            plural(max),
            pos.len()
        )));
    }
    Ok(pos)
}

// ----- searching -----

fn str_find(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::small_int(find_common(
        vm, this, args, "find", false,
    )?))
}

fn str_rfind(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::small_int(find_common(
        vm, this, args, "rfind", true,
    )?))
}

fn str_index(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    match find_common(vm, this, args, "index", false)? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::small_int(i)),
    }
}

fn str_rindex(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    match find_common(vm, this, args, "rindex", true)? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::small_int(i)),
    }
}

fn str_count(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let s = sd(this)?;
    let (sub, start, end) = search_args(vm, "count", &args)?;
    let (start, end) = adjust_indices(start, end, s.data.char_len());
    let sub_len = nchars(sub);
    if end < start || end - start < sub_len {
        return Ok(Value::small_int(0));
    }
    let (_, hay) = window(s, start, end);
    let n = if sub.is_empty() {
        end - start + 1
    } else {
        hay.matches(sub).count()
    };
    Ok(Value::small_int(n as i64))
}

/// `startswith`/`endswith`: a str or a tuple of strs, optional start/end.
fn starts_ends(vm: &mut Vm, this: &Value, args: Args, name: &str, ends: bool) -> PyResult<Value> {
    let s = sd(this)?;
    let pos = takes_range(&args, "str", name, 1, 3)?;
    let start = slice_index(vm, pos.get(1))?;
    let end = slice_index(vm, pos.get(2))?;
    let (start, end) = adjust_indices(start, end, s.data.char_len());
    let test = |sub: &str| -> bool {
        let sub_len = nchars(sub);
        if start > s.data.char_len() || end < start || end - start < sub_len {
            return false;
        }
        let (_, hay) = window(s, start, end);
        if ends {
            hay.ends_with(sub)
        } else {
            hay.starts_with(sub)
        }
    };
    let prefix = &pos[0];
    if let Some(t) = prefix.downcast::<crate::types::tuple::TupleData>() {
        for item in t.data.items() {
            let Some(sub) = str_of(item) else {
                return Err(PyErr::type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    type_of(item).name()
                )));
            };
            if test(sub) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    let Some(sub) = str_of(prefix) else {
        return Err(PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            type_of(prefix).name()
        )));
    };
    Ok(Value::bool(test(sub)))
}

fn str_startswith(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    starts_ends(vm, this, args, "startswith", false)
}

fn str_endswith(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    starts_ends(vm, this, args, "endswith", true)
}

// ----- replace, strip, prefixes -----

/// A buffer for `n` bytes, or MemoryError if they cannot be allocated.
pub(crate) fn buffer(n: Option<usize>) -> PyResult<Vec<u8>> {
    let n = n
        .filter(|n| *n <= isize::MAX as usize)
        .ok_or_else(|| PyErr::overflow_error("result is too long"))?;
    let mut v = Vec::new();
    v.try_reserve_exact(n)
        .map_err(|_| PyErr::memory_error(""))?;
    Ok(v)
}

/// A string buffer for `n` bytes, or MemoryError if they cannot be allocated.
pub(crate) fn string_buffer(n: Option<usize>) -> PyResult<String> {
    let n = n
        .filter(|n| *n <= isize::MAX as usize)
        .ok_or_else(|| PyErr::overflow_error("result is too long"))?;
    let mut v = String::new();
    v.try_reserve_exact(n)
        .map_err(|_| PyErr::memory_error(""))?;
    Ok(v)
}

/// `s.replace(old, new, count)` on plain text (`count < 0`: all); None when nothing changes.
pub(crate) fn replace_text(s: &str, old: &str, new: &str, count: i64) -> PyResult<Option<String>> {
    if count == 0 {
        return Ok(None);
    }
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let n = if old.is_empty() {
        nchars(s).saturating_add(1).min(limit)
    } else {
        s.match_indices(old).take(limit).count()
    };
    if n == 0 {
        return Ok(None);
    }
    let total = n
        .checked_mul(new.len())
        .and_then(|x| x.checked_add(s.len()))
        .map(|x| x - n * old.len());
    let mut out = string_buffer(total)?;
    if old.is_empty() {
        let mut done = 0;
        for c in s.chars() {
            if done < n {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < n {
            out.push_str(new);
        }
    } else {
        let mut last = 0;
        for (i, _) in s.match_indices(old).take(n) {
            out.push_str(&s[last..i]);
            out.push_str(new);
            last = i + old.len();
        }
        out.push_str(&s[last..]);
    }
    Ok(Some(out))
}

fn str_replace(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let s = sd(this)?;
    let pos = clinic_range(&args, "str", "replace", 2, 3)?;
    let old = clinic_str(&pos[0], "replace() argument 1")?;
    let new = clinic_str(&pos[1], "replace() argument 2")?;
    let count = match pos.get(2) {
        Some(c) => index_arg(vm, c)?,
        None => -1,
    };
    match replace_text(s.data.as_str(), old, new, count)? {
        Some(out) => Ok(new_str(out)),
        None => unchanged(this),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
    Both,
}

fn strip_impl(this: &Value, args: Args, name: &str, side: Side) -> PyResult<Value> {
    let s = sd(this)?;
    let text = s.data.as_str();
    let pos = clinic_range(&args, "str", name, 0, 1)?;
    let out = match pos.first() {
        None => strip_with(text, side, chars::is_space),
        Some(v) if v.is_none() => strip_with(text, side, chars::is_space),
        Some(v) => {
            let Some(set) = str_of(v) else {
                return Err(PyErr::type_error(format!("{name} arg must be None or str")));
            };
            if set.is_ascii() && text.is_ascii() {
                let bytes = set.as_bytes();
                strip_with(text, side, |c| bytes.contains(&(c as u8)))
            } else {
                strip_with(text, side, |c| set.contains(c))
            }
        }
    };
    if out.len() == text.len() {
        return unchanged(this);
    }
    Ok(new_str(out))
}

fn strip_with(text: &str, side: Side, pred: impl Fn(char) -> bool) -> &str {
    match side {
        Side::Left => text.trim_start_matches(pred),
        Side::Right => text.trim_end_matches(pred),
        Side::Both => text.trim_start_matches(&pred).trim_end_matches(&pred),
    }
}

fn str_strip(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    strip_impl(this, args, "strip", Side::Both)
}

fn str_lstrip(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    strip_impl(this, args, "lstrip", Side::Left)
}

fn str_rstrip(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    strip_impl(this, args, "rstrip", Side::Right)
}

fn str_removeprefix(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let p = one_arg(&args, "str", "removeprefix")?;
    let p = clinic_str(p, "removeprefix() argument")?;
    match sd(this)?.data.as_str().strip_prefix(p) {
        Some(rest) if !p.is_empty() => Ok(new_str(rest)),
        _ => unchanged(this),
    }
}

fn str_removesuffix(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let p = one_arg(&args, "str", "removesuffix")?;
    let p = clinic_str(p, "removesuffix() argument")?;
    match sd(this)?.data.as_str().strip_suffix(p) {
        Some(rest) if !p.is_empty() => Ok(new_str(rest)),
        _ => unchanged(this),
    }
}

// ----- split, join, partition -----

fn split_args(vm: &mut Vm, name: &str, args: Args) -> PyResult<(Option<Value>, i64)> {
    let [sep, maxsplit] = bind_kw(&args, name, ["sep", "maxsplit"])?;
    let maxsplit = match maxsplit {
        Some(m) => index_arg(vm, m)?,
        None => -1,
    };
    let sep = match sep {
        Some(s) if !s.is_none() => Some(s.clone()),
        _ => None,
    };
    Ok((sep, maxsplit))
}

/// Splits on runs of whitespace (`str.split()` with no separator).
pub(crate) fn split_whitespace(text: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text.trim_start_matches(chars::is_space);
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    while !rest.is_empty() {
        if left == 0 {
            out.push(rest);
            break;
        }
        match rest.find(chars::is_space) {
            None => {
                out.push(rest);
                break;
            }
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(chars::is_space);
                left -= 1;
            }
        }
    }
    out
}

/// Splits on runs of whitespace from the right (`str.rsplit()`); pieces in order.
pub(crate) fn rsplit_whitespace(text: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text.trim_end_matches(chars::is_space);
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    while !rest.is_empty() {
        if left == 0 {
            out.push(rest);
            break;
        }
        match rest.rfind(chars::is_space) {
            None => {
                out.push(rest);
                break;
            }
            Some(i) => {
                let c = rest[i..].chars().next().map(char::len_utf8).unwrap_or(1);
                out.push(&rest[i + c..]);
                rest = rest[..i].trim_end_matches(chars::is_space);
                left -= 1;
            }
        }
    }
    out.reverse();
    out
}

/// The list of `pieces` of `this` (whose text is `whole`); a piece that is the whole of an
/// exact str is the str itself.
fn pieces(this: &Value, whole: &str, v: Vec<&str>) -> Value {
    let exact = type_of(this).is(&types().str);
    new_list(
        v.into_iter()
            .map(|p| {
                if exact && p.len() == whole.len() {
                    this.clone()
                } else {
                    new_str(p)
                }
            })
            .collect(),
    )
}

fn str_split(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let s = sd(this)?;
    let text = s.data.as_str();
    let (sep, maxsplit) = split_args(vm, "split", args)?;
    let Some(sep) = sep else {
        return Ok(pieces(this, text, split_whitespace(text, maxsplit)));
    };
    let sep = need_str(&sep, "").map_err(|_| {
        PyErr::type_error(format!("must be str or None, not {}", type_of(&sep).name()))
    })?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    if maxsplit < 0 {
        return Ok(pieces(this, text, text.split(sep).collect()));
    }
    Ok(pieces(
        this,
        text,
        text.splitn(maxsplit as usize + 1, sep).collect(),
    ))
}

fn str_rsplit(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let s = sd(this)?;
    let text = s.data.as_str();
    let (sep, maxsplit) = split_args(vm, "rsplit", args)?;
    let Some(sep) = sep else {
        return Ok(pieces(this, text, rsplit_whitespace(text, maxsplit)));
    };
    let sep = need_str(&sep, "").map_err(|_| {
        PyErr::type_error(format!("must be str or None, not {}", type_of(&sep).name()))
    })?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let mut v: Vec<&str> = if maxsplit < 0 {
        text.rsplit(sep).collect()
    } else {
        text.rsplitn(maxsplit as usize + 1, sep).collect()
    };
    v.reverse();
    Ok(pieces(this, text, v))
}

/// Whether `c` ends a line for `str.splitlines()`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn str_splitlines(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let s = sd(this)?;
    let text = s.data.as_str();
    let [keepends] = bind_kw(&args, "splitlines", ["keepends"])?;
    let keepends = match keepends {
        Some(k) => index_arg(vm, k)? != 0,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut eol = i + c.len_utf8();
        if c == '\r' {
            if let Some((_, '\n')) = iter.peek() {
                iter.next();
                eol += 1;
            }
        }
        out.push(new_str(&text[start..if keepends { eol } else { i }]));
        start = eol;
    }
    if start < text.len() {
        if start == 0 && type_of(this).is(&types().str) {
            out.push(this.clone());
        } else {
            out.push(new_str(&text[start..]));
        }
    }
    Ok(new_list(out))
}

fn str_join(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let iterable = one_arg(&args, "str", "join")?;
    let sep = sd(this)?.data.as_str();
    let items: Vec<Value> = if let Some(l) = iterable
        .downcast::<crate::types::list::ListData>()
        .filter(|_| type_of(iterable).is(&types().list))
    {
        l.data.snapshot()
    } else if let Some(t) = iterable.downcast::<crate::types::tuple::TupleData>() {
        t.data.items().to_vec()
    } else {
        let it = vm.get_iter(iterable).map_err(|e| {
            if e.matches(&types().exc.type_error) {
                PyErr::type_error("can only join an iterable")
            } else {
                e
            }
        })?;
        let mut v = Vec::new();
        while let Some(x) = vm.next(&it)? {
            v.push(x);
        }
        v
    };
    if items.len() == 1 && type_of(&items[0]).is(&types().str) {
        return Ok(items[0].clone());
    }
    let mut total = sep.len().checked_mul(items.len().saturating_sub(1));
    for (i, item) in items.iter().enumerate() {
        match str_of(item) {
            Some(t) => total = total.and_then(|n| n.checked_add(t.len())),
            None => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    type_of(item).name()
                )))
            }
        }
    }
    let mut out = string_buffer(total)?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(str_of(item).unwrap_or(""));
    }
    Ok(new_str(out))
}

fn partition_impl(this: &Value, args: Args, name: &str, rev: bool) -> PyResult<Value> {
    let s = sd(this)?;
    let sep = one_arg(&args, "str", name)?;
    let sep_s = need_str(sep, "")?;
    if sep_s.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let text = s.data.as_str();
    let found = if rev {
        text.rfind(sep_s)
    } else {
        text.find(sep_s)
    };
    let empty = empty_str;
    Ok(match found {
        Some(i) => new_tuple(vec![
            new_str(&text[..i]),
            sep.clone(),
            new_str(&text[i + sep_s.len()..]),
        ]),
        None if rev => new_tuple(vec![empty(), empty(), this.clone()]),
        None => new_tuple(vec![this.clone(), empty(), empty()]),
    })
}

fn str_partition(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    partition_impl(this, args, "partition", false)
}

fn str_rpartition(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    partition_impl(this, args, "rpartition", true)
}

// ----- case -----

fn case_method(this: &Value, args: Args, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    no_args(&args, "str", name)?;
    Ok(new_str(f(sd(this)?.data.as_str())))
}

fn str_upper(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    case_method(this, args, "upper", chars::upper)
}
fn str_lower(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    case_method(this, args, "lower", chars::lower)
}
fn str_casefold(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    case_method(this, args, "casefold", chars::casefold)
}
fn str_swapcase(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    case_method(this, args, "swapcase", chars::swapcase)
}
fn str_title(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    case_method(this, args, "title", chars::title)
}
fn str_capitalize(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    case_method(this, args, "capitalize", chars::capitalize)
}

// ----- predicates -----

fn all_chars(this: &Value, args: Args, name: &str, pred: fn(char) -> bool) -> PyResult<Value> {
    no_args(&args, "str", name)?;
    let s = sd(this)?.data.as_str();
    Ok(Value::bool(!s.is_empty() && s.chars().all(pred)))
}

fn str_isdigit(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    all_chars(this, args, "isdigit", chars::is_digit)
}
fn str_isdecimal(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    all_chars(this, args, "isdecimal", chars::is_decimal)
}
fn str_isnumeric(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    all_chars(this, args, "isnumeric", chars::is_numeric)
}
fn str_isalpha(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    all_chars(this, args, "isalpha", chars::is_alpha)
}
fn str_isalnum(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    all_chars(this, args, "isalnum", chars::is_alnum)
}
fn str_isspace(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    all_chars(this, args, "isspace", chars::is_space)
}

fn str_islower(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    no_args(&args, "str", "islower")?;
    Ok(Value::bool(chars::islower(sd(this)?.data.as_str())))
}
fn str_isupper(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    no_args(&args, "str", "isupper")?;
    Ok(Value::bool(chars::isupper(sd(this)?.data.as_str())))
}
fn str_istitle(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    no_args(&args, "str", "istitle")?;
    Ok(Value::bool(chars::istitle(sd(this)?.data.as_str())))
}
fn str_isidentifier(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    no_args(&args, "str", "isidentifier")?;
    Ok(Value::bool(chars::isidentifier(sd(this)?.data.as_str())))
}
fn str_isprintable(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    no_args(&args, "str", "isprintable")?;
    Ok(Value::bool(
        sd(this)?
            .data
            .as_str()
            .chars()
            .all(crate::numfmt::is_printable),
    ))
}
fn str_isascii(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    no_args(&args, "str", "isascii")?;
    Ok(Value::bool(sd(this)?.data.is_ascii()))
}

// ----- padding -----

fn fill_arg(v: Option<&Value>) -> PyResult<char> {
    let Some(v) = v else { return Ok(' ') };
    let Some(f) = str_of(v) else {
        return Err(PyErr::type_error(format!(
            "The fill character must be a unicode character, not {}",
            type_of(v).name()
        )));
    };
    let mut it = f.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(PyErr::type_error(
            "The fill character must be exactly one character long",
        )),
    }
}

fn pad(this: &Value, left: usize, right: usize, fill: char) -> PyResult<Value> {
    if left == 0 && right == 0 {
        return unchanged(this);
    }
    let s = sd(this)?.data.as_str();
    if left.saturating_add(right) > crate::numfmt::MAX_FORMAT_LEN {
        return Err(PyErr::memory_error(""));
    }
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(new_str(out))
}

fn justify(vm: &mut Vm, this: &Value, args: Args, name: &str) -> PyResult<Value> {
    let len = sd(this)?.data.char_len();
    let pos = clinic_range(&args, "str", name, 1, 2)?;
    let width = index_arg(vm, &pos[0])?;
    let fill = fill_arg(pos.get(1))?;
    if width <= len as i64 {
        return unchanged(this);
    }
    let marg = width as usize - len;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
    };
    pad(this, left, right, fill)
}

fn str_center(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    justify(vm, this, args, "center")
}
fn str_ljust(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    justify(vm, this, args, "ljust")
}
fn str_rjust(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    justify(vm, this, args, "rjust")
}

fn str_zfill(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let w = one_arg(&args, "str", "zfill")?;
    let width = index_arg(vm, w)?;
    let s = sd(this)?;
    let len = s.data.char_len();
    if width <= len as i64 {
        return unchanged(this);
    }
    let fill = width as usize - len;
    if fill > crate::numfmt::MAX_FORMAT_LEN {
        return Err(PyErr::memory_error(""));
    }
    let text = s.data.as_str();
    let mut out = String::with_capacity(width as usize);
    let rest = match text.as_bytes().first() {
        Some(c @ (b'+' | b'-')) => {
            out.push(*c as char);
            &text[1..]
        }
        _ => text,
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(rest);
    Ok(new_str(out))
}

fn str_expandtabs(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [tabsize] = bind_kw(&args, "expandtabs", ["tabsize"])?;
    let tabsize = match tabsize {
        Some(t) => index_arg(vm, t)?,
        None => 8,
    };
    let text = sd(this)?.data.as_str();
    if !text.contains('\t') {
        return unchanged(this);
    }
    let mut out = String::with_capacity(text.len());
    let mut col: usize = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize as usize - col % tabsize as usize;
                    if out.len().saturating_add(n) > crate::numfmt::MAX_FORMAT_LEN {
                        return Err(PyErr::overflow_error("result too long"));
                    }
                    out.extend(std::iter::repeat_n(' ', n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_str(out))
}

// ----- encode, translate -----

fn str_encode(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [encoding, errors] = bind_kw(&args, "encode", ["encoding", "errors"])?;
    let enc = match encoding {
        Some(e) => clinic_str(e, "encode() argument 'encoding'")?,
        None => "utf-8",
    };
    let errs = match errors {
        Some(e) => clinic_str(e, "encode() argument 'errors'")?,
        None => "strict",
    };
    let b = crate::types::bytes::codecs::encode(sd(this)?.data.as_str(), enc, errs)?;
    Ok(crate::types::bytes::new_bytes(b))
}

/// One character's translation: None to delete it.
enum Mapped {
    Keep,
    Delete,
    Char(char),
    Text(String),
}

fn translate_one(vm: &mut Vm, table: &Value, c: char) -> PyResult<Mapped> {
    let r = match vm.get_item(table, &Value::small_int(c as i64)) {
        Ok(r) => r,
        Err(e) if e.matches(&types().exc.lookup_error) => return Ok(Mapped::Keep),
        Err(e) => return Err(e),
    };
    if r.is_none() {
        return Ok(Mapped::Delete);
    }
    if let Some(i) = IntValue::of(&r) {
        let cp = i.to_i64().unwrap_or(-1);
        return match u32::try_from(cp).ok().and_then(char::from_u32) {
            Some(ch) => Ok(Mapped::Char(ch)),
            None => Err(PyErr::value_error(
                "character mapping must be in range(0x110000)",
            )),
        };
    }
    if let Some(s) = str_of(&r) {
        return Ok(Mapped::Text(s.to_string()));
    }
    Err(PyErr::type_error(
        "character mapping must return integer, None or str",
    ))
}

fn str_translate(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let table = one_arg(&args, "str", "translate")?;
    let text = sd(this)?.data.as_str();
    let mut cache: std::collections::HashMap<char, Option<String>> =
        std::collections::HashMap::new();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(m) = cache.get(&c) {
            if let Some(s) = m {
                out.push_str(s);
            }
            continue;
        }
        let m = match translate_one(vm, table, c)? {
            Mapped::Keep => Some(c.to_string()),
            Mapped::Delete => None,
            Mapped::Char(ch) => Some(ch.to_string()),
            Mapped::Text(s) => Some(s),
        };
        if let Some(s) = &m {
            out.push_str(s);
        }
        cache.insert(c, m);
    }
    Ok(new_str(out))
}

fn str_maketrans(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = clinic_range(&args, "str", "maketrans", 1, 3)?;
    let d = crate::types::dict::DictData::new_ref();
    if pos.len() == 1 {
        let x = &pos[0];
        let Some(src) = x.downcast::<crate::types::dict::DictData>() else {
            return Err(PyErr::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        for (k, v) in src.data.items() {
            let key = if let Some(s) = str_of(&k) {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Value::small_int(c as i64),
                    _ => {
                        return Err(PyErr::value_error(
                            "string keys in translate table must be of length 1",
                        ))
                    }
                }
            } else if IntValue::of(&k).is_some() {
                k.clone()
            } else {
                return Err(PyErr::type_error(
                    "keys in translate table must be strings or integers",
                ));
            };
            d.data.set_item(vm, key, v)?;
        }
        return Ok(d.into_value());
    }
    let Some(x) = str_of(&pos[0]) else {
        return Err(PyErr::type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let Some(y) = str_of(&pos[1]) else {
        return Err(PyErr::type_error(format!(
            "maketrans() argument 2 must be str, not {}",
            type_of(&pos[1]).name()
        )));
    };
    if nchars(x) != nchars(y) {
        return Err(PyErr::value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        d.data
            .set_item(vm, Value::small_int(a as i64), Value::small_int(b as i64))?;
    }
    if let Some(z) = pos.get(2) {
        let Some(z) = str_of(z) else {
            return Err(PyErr::type_error(format!(
                "maketrans() argument 3 must be str, not {}",
                type_of(z).name()
            )));
        };
        for c in z.chars() {
            d.data
                .set_item(vm, Value::small_int(c as i64), Value::NONE)?;
        }
    }
    Ok(d.into_value())
}

/// `str.__format__(spec)`: the string mini-language (no grouping, sign or `#`).
fn str_format_spec(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let spec = one_arg(&args, "str", "__format__")?;
    let Some(spec) = str_of(spec) else {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            type_of(spec).name()
        )));
    };
    let s = sd(this)?.data.as_str();
    if spec.is_empty() {
        if type_of(this).is(&types().str) {
            return Ok(this.clone());
        }
        return vm.str(this);
    }
    let ty = type_of(this).name();
    let parsed = crate::numfmt::parse_format_spec(spec, &ty).map_err(crate::numfmt_err)?;
    if let Some(g) = parsed.grouping {
        if matches!(parsed.ty, None | Some('s')) {
            let g = match g {
                crate::numfmt::Grouping::Comma => ',',
                crate::numfmt::Grouping::Underscore => '_',
            };
            return Err(PyErr::value_error(format!(
                "Cannot specify '{g}' with 's'."
            )));
        }
    }
    Ok(new_str(
        crate::numfmt::format_str_for(s, &parsed, &ty).map_err(crate::numfmt_err)?,
    ))
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.str,
        &[
            MethodDef::method("find", str_find),
            MethodDef::method("rfind", str_rfind),
            MethodDef::method("index", str_index),
            MethodDef::method("rindex", str_rindex),
            MethodDef::method("count", str_count),
            MethodDef::method("startswith", str_startswith),
            MethodDef::method("endswith", str_endswith),
            MethodDef::method("replace", str_replace),
            MethodDef::method("strip", str_strip),
            MethodDef::method("lstrip", str_lstrip),
            MethodDef::method("rstrip", str_rstrip),
            MethodDef::method("removeprefix", str_removeprefix),
            MethodDef::method("removesuffix", str_removesuffix),
            MethodDef::method("split", str_split),
            MethodDef::method("rsplit", str_rsplit),
            MethodDef::method("splitlines", str_splitlines),
            MethodDef::method("join", str_join),
            MethodDef::method("partition", str_partition),
            MethodDef::method("rpartition", str_rpartition),
            MethodDef::method("upper", str_upper),
            MethodDef::method("lower", str_lower),
            MethodDef::method("casefold", str_casefold),
            MethodDef::method("swapcase", str_swapcase),
            MethodDef::method("title", str_title),
            MethodDef::method("capitalize", str_capitalize),
            MethodDef::method("isdigit", str_isdigit),
            MethodDef::method("isdecimal", str_isdecimal),
            MethodDef::method("isnumeric", str_isnumeric),
            MethodDef::method("isalpha", str_isalpha),
            MethodDef::method("isalnum", str_isalnum),
            MethodDef::method("isspace", str_isspace),
            MethodDef::method("islower", str_islower),
            MethodDef::method("isupper", str_isupper),
            MethodDef::method("istitle", str_istitle),
            MethodDef::method("isidentifier", str_isidentifier),
            MethodDef::method("isprintable", str_isprintable),
            MethodDef::method("isascii", str_isascii),
            MethodDef::method("center", str_center),
            MethodDef::method("ljust", str_ljust),
            MethodDef::method("rjust", str_rjust),
            MethodDef::method("zfill", str_zfill),
            MethodDef::method("expandtabs", str_expandtabs),
            MethodDef::method("encode", str_encode),
            MethodDef::method("translate", str_translate),
            MethodDef::staticmethod("maketrans", str_maketrans),
            MethodDef::method("format", super::format::str_format),
            MethodDef::method("format_map", super::format::str_format_map),
            MethodDef::method("__format__", str_format_spec),
            MethodDef::method("__mod__", super::percent::str_mod),
            MethodDef::method("__rmod__", super::percent::str_rmod),
        ],
    );
}
