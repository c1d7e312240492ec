//! `str`: UTF-8 text with a cached character count and hash.
//!
//! ASCII strings index in O(1) (byte offset = character index). Lone surrogates cannot be
//! represented in UTF-8; operations that would create them raise an error instead.

use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};
use std::sync::OnceLock;

use krait_bytecode::ComparisonOperator;

use crate::object::{alloc, Obj};
use crate::types::object::not_implemented;
use crate::types::typeobj::TypeData;
use crate::types::{add_methods, alloc_instance, type_of, types, BuiltinTypes, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub mod chars;
pub mod format;
pub mod methods;
pub mod percent;
pub mod unicode_tables;

pub struct StrData {
    s: Box<str>,
    char_len: usize,
    hash: AtomicI64,
    interned: AtomicBool,
}

const HASH_UNSET: i64 = -1;

impl StrData {
    pub fn new(s: impl Into<Box<str>>) -> StrData {
        let s: Box<str> = s.into();
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        StrData {
            s,
            char_len,
            hash: AtomicI64::new(HASH_UNSET),
            interned: AtomicBool::new(false),
        }
    }

    /// A new `str` value.
    pub fn new_value(s: &str) -> Value {
        alloc(types().str.clone(), StrData::new(s)).into_value()
    }

    #[inline(always)]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Length in characters.
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }

    /// The str hash (SipHash-1-3 with the process key), cached.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != HASH_UNSET {
            return h;
        }
        let h = hash_str(&self.s);
        self.hash.store(h, Ordering::Relaxed);
        h
    }

    pub fn is_interned(&self) -> bool {
        self.interned.load(Ordering::Relaxed)
    }

    pub(crate) fn mark_interned(&self) {
        self.interned.store(true, Ordering::Relaxed);
    }

    /// The character at index `i` (0-based, in range).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|b| *b as char)
        } else {
            self.s.chars().nth(i)
        }
    }

    /// Byte offset of character index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.s.len())
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.s.len())
        }
    }

    /// The substring of characters `start..end` (clamped).
    pub fn substring(&self, start: usize, end: usize) -> &str {
        let a = self.byte_offset(start);
        let b = self.byte_offset(end.max(start));
        &self.s[a..b]
    }
}

/// SipHash-1-3 key, from PYTHONHASHSEED or random per process.
fn hash_key() -> (u64, u64) {
    static KEY: OnceLock<(u64, u64)> = OnceLock::new();
    *KEY.get_or_init(|| {
        match std::env::var("PYTHONHASHSEED")
            .ok()
            .and_then(|s| s.parse::<u64>().ok())
        {
            Some(0) => (0, 0),
            Some(seed) => {
                let mut x = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let k0 = x;
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (k0, x)
            }
            None => {
                use std::hash::{BuildHasher, Hasher};
                let rs = std::collections::hash_map::RandomState::new();
                let mut h = rs.build_hasher();
                h.write_u64(0x006b_7261_6974);
                let k0 = h.finish();
                let mut h = rs.build_hasher();
                h.write_u64(k0 ^ 0x5bd1_e995);
                (k0, h.finish())
            }
        }
    })
}

/// Hash of a string's text.
pub fn hash_str(s: &str) -> i64 {
    use std::hash::Hasher;
    if s.is_empty() {
        return 0;
    }
    let (k0, k1) = hash_key();
    let mut h = siphasher::sip::SipHasher13::new_with_keys(k0, k1);
    h.write(s.as_bytes());
    let v = h.finish() as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

/// A new `str` value.
#[inline]
pub fn new_str(s: impl Into<String>) -> Value {
    let s: String = s.into();
    alloc(types().str.clone(), StrData::new(s)).into_value()
}

/// `a + b` for two strs.
pub fn concat(a: &Obj<StrData>, b: &Obj<StrData>) -> Value {
    let mut s = String::with_capacity(a.data.s.len() + b.data.s.len());
    s.push_str(&a.data.s);
    s.push_str(&b.data.s);
    new_str(s)
}

/// Escapes non-ASCII characters as `ascii()` does.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u <= 0xff {
            out.push_str(&format!("\\x{u:02x}"));
        } else if u <= 0xffff {
            out.push_str(&format!("\\u{u:04x}"));
        } else {
            out.push_str(&format!("\\U{u:08x}"));
        }
    }
    out
}

/// The text of a str value (str or subclass).
pub fn str_of(v: &Value) -> Option<&str> {
    v.downcast::<StrData>().map(|s| s.data.as_str())
}

pub fn str_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let [object, encoding, errors] = args.bind("str", ["object", "encoding", "errors"], 0)?;
    let s = match object {
        None => new_str(""),
        Some(o) if encoding.is_none() && errors.is_none() => vm.str(o)?,
        Some(o) => {
            let enc = match encoding {
                Some(e) => str_of(e)
                    .ok_or_else(|| {
                        PyErr::type_error(format!(
                            "str() argument 'encoding' must be str, not {}",
                            type_of(e).name()
                        ))
                    })?
                    .to_string(),
                None => "utf-8".to_string(),
            };
            let errs = match errors {
                Some(e) => str_of(e)
                    .ok_or_else(|| {
                        PyErr::type_error(format!(
                            "str() argument 'errors' must be str, not {}",
                            type_of(e).name()
                        ))
                    })?
                    .to_string(),
                None => "strict".to_string(),
            };
            let Some(bytes) = crate::types::bytes::bytes_like(o) else {
                return Err(PyErr::type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    type_of(o).name()
                )));
            };
            new_str(crate::types::bytes::decode(&bytes, &enc, &errs)?)
        }
    };
    if cls.is(&types().str) {
        return Ok(s);
    }
    let text = str_of(&s).unwrap_or("").to_string();
    Ok(alloc_instance(cls, StrData::new(text)))
}

pub fn sd(v: &Value) -> PyResult<&Obj<StrData>> {
    v.downcast::<StrData>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'str' object but received '{}'",
            type_of(v).name()
        ))
    })
}

fn str_len(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::small_int(sd(this)?.data.char_len() as i64))
}

/// `s[key]` for an int or slice key.
pub fn str_getitem_impl(vm: &mut Vm, s: &Obj<StrData>, key: &Value) -> PyResult<Value> {
    let n = s.data.char_len();
    if let Some(sl) = key.downcast::<crate::types::slice::SliceData>() {
        let idx = sl.data.indices(vm, n)?;
        if idx.step == 1 {
            return Ok(new_str(s.data.substring(
                idx.start.max(0) as usize,
                (idx.start.max(0) as usize) + idx.len,
            )));
        }
        let chars: Vec<char> = s.data.as_str().chars().collect();
        let out: String = idx.iter().map(|i| chars[i]).collect();
        return Ok(new_str(out));
    }
    let i = crate::types::seq::index_of(vm, key, n, "string")?;
    let c = s.data.char_at(i).expect("index in range");
    Ok(char_value(c))
}

/// A one-character str (interned for ASCII).
pub fn char_value(c: char) -> Value {
    if c.is_ascii() {
        // The 128 one-character ASCII strings, interned once (no interner lock per call).
        static ASCII: std::sync::OnceLock<Vec<Value>> = std::sync::OnceLock::new();
        let table = ASCII.get_or_init(|| {
            (0u8..128)
                .map(|b| crate::intern::intern(&(b as char).to_string()))
                .collect()
        });
        table[c as usize].clone()
    } else {
        new_str(c.to_string())
    }
}

fn str_getitem(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [key] = args.exact::<1>("__getitem__")?;
    str_getitem_impl(vm, sd(this)?, key)
}

fn str_contains(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [sub] = args.exact::<1>("__contains__")?;
    let Some(sub) = str_of(sub) else {
        return Err(PyErr::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            type_of(sub).name()
        )));
    };
    Ok(Value::bool(sd(this)?.data.as_str().contains(sub)))
}

fn str_iter(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(StrIterData::new_value(this.clone()))
}

fn str_hash(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::int::int_from_i64(sd(this)?.data.hash()))
}

fn cmp(this: &Value, args: Args, op: ComparisonOperator) -> PyResult<Value> {
    let [other] = args.exact::<1>("comparison")?;
    let a = sd(this)?;
    let Some(b) = other.downcast::<StrData>() else {
        return Ok(not_implemented());
    };
    Ok(Value::bool(crate::interp::eval::compare_ord(
        a.data.as_str().cmp(b.data.as_str()),
        op,
    )))
}

fn str_eq(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(this, args, ComparisonOperator::Equal)
}
fn str_ne(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(this, args, ComparisonOperator::NotEqual)
}
fn str_lt(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(this, args, ComparisonOperator::Less)
}
fn str_le(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(this, args, ComparisonOperator::LessEqual)
}
fn str_gt(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(this, args, ComparisonOperator::Greater)
}
fn str_ge(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(this, args, ComparisonOperator::GreaterEqual)
}

fn str_add(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__add__")?;
    let Some(b) = other.downcast::<StrData>() else {
        return Err(PyErr::type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            type_of(other).name()
        )));
    };
    Ok(concat(sd(this)?, b))
}

fn str_mul(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [n] = args.exact::<1>("__mul__")?;
    let Some(k) = crate::types::int::IntValue::of(n) else {
        if type_of(n)
            .lookup(&crate::intern::names().__index__)
            .is_none()
        {
            return Ok(not_implemented());
        }
        let k = vm.index_value(n)?.saturating_i64();
        return repeat(sd(this)?, k);
    };
    repeat(sd(this)?, k.saturating_i64())
}

fn repeat(s: &Obj<StrData>, k: i64) -> PyResult<Value> {
    if k <= 0 || s.data.as_str().is_empty() {
        return Ok(new_str(""));
    }
    let total = (s.data.as_str().len() as u128) * (k as u128);
    if total > (isize::MAX as u128) / 2 {
        return Err(PyErr::overflow_error("repeated string is too long"));
    }
    Ok(new_str(s.data.as_str().repeat(k as usize)))
}

fn str_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(new_str(crate::numfmt::str_repr(sd(this)?.data.as_str())))
}

fn str_str(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let s = sd(this)?;
    if type_of(this).is(&types().str) {
        return Ok(this.clone());
    }
    Ok(new_str(s.data.as_str()))
}

fn str_format_spec(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [spec] = args.exact::<1>("__format__")?;
    let spec = str_of(spec).ok_or_else(|| PyErr::type_error("format spec must be a str"))?;
    let s = sd(this)?.data.as_str();
    if spec.is_empty() {
        return Ok(new_str(s));
    }
    let parsed =
        crate::numfmt::parse_format_spec(spec, &type_of(this).name()).map_err(crate::numfmt_err)?;
    Ok(new_str(
        crate::numfmt::format_str(s, &parsed).map_err(crate::numfmt_err)?,
    ))
}

fn str_getnewargs(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::tuple::new_tuple(vec![new_str(
        sd(this)?.data.as_str(),
    )]))
}

fn str_sizeof(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::small_int(49 + sd(this)?.data.as_str().len() as i64))
}

// ----- iterator -----

pub struct StrIterData {
    s: Value,
    /// Byte offset of the next character.
    pos: AtomicUsize,
}

impl StrIterData {
    pub fn new_value(s: Value) -> Value {
        alloc(
            types().str_iterator.clone(),
            StrIterData {
                s,
                pos: AtomicUsize::new(0),
            },
        )
        .into_value()
    }

    pub fn next(&self) -> Option<Value> {
        let s = self.s.downcast::<StrData>()?;
        let text = s.data.as_str();
        let p = self.pos.load(Ordering::Relaxed);
        let c = text.get(p..)?.chars().next()?;
        self.pos.store(p + c.len_utf8(), Ordering::Relaxed);
        Some(char_value(c))
    }
}

fn str_iter_next(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let it = this
        .downcast::<StrIterData>()
        .ok_or_else(|| PyErr::type_error("expected a str iterator"))?;
    it.data
        .next()
        .ok_or_else(|| PyErr::stop_iteration(Value::NONE))
}

fn iter_self(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(this.clone())
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.str,
        &[
            MethodDef::method("__len__", str_len),
            MethodDef::method("__getitem__", str_getitem),
            MethodDef::method("__contains__", str_contains),
            MethodDef::method("__iter__", str_iter),
            MethodDef::method("__hash__", str_hash),
            MethodDef::method("__eq__", str_eq),
            MethodDef::method("__ne__", str_ne),
            MethodDef::method("__lt__", str_lt),
            MethodDef::method("__le__", str_le),
            MethodDef::method("__gt__", str_gt),
            MethodDef::method("__ge__", str_ge),
            MethodDef::method("__add__", str_add),
            MethodDef::method("__mul__", str_mul),
            MethodDef::method("__rmul__", str_mul),
            MethodDef::method("__repr__", str_repr),
            MethodDef::method("__str__", str_str),
            MethodDef::method("__format__", str_format_spec),
            MethodDef::method("__getnewargs__", str_getnewargs),
            MethodDef::method("__sizeof__", str_sizeof),
        ],
    );
    methods::init(t);
    add_methods(
        &t.str_iterator,
        &[
            MethodDef::method("__next__", str_iter_next),
            MethodDef::method("__iter__", iter_self),
        ],
    );
}
