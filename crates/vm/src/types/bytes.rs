//! `bytes` and `bytearray`.

use krait_bytecode::ComparisonOperator;

use crate::object::{alloc, Obj};
use crate::sync::PyMutex;
use crate::types::object::not_implemented;
use crate::types::typeobj::TypeData;
use crate::types::{add_methods, alloc_instance, type_of, types, BuiltinTypes, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub mod codecs;
pub mod methods;

pub struct BytesData {
    b: Box<[u8]>,
    hash: std::sync::atomic::AtomicI64,
}

impl BytesData {
    pub fn new(b: Vec<u8>) -> BytesData {
        BytesData {
            b: b.into_boxed_slice(),
            hash: std::sync::atomic::AtomicI64::new(-1),
        }
    }

    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.b
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.load(std::sync::atomic::Ordering::Relaxed);
        if h != -1 {
            return h;
        }
        // bytes hash equals the str hash of the same ASCII text in CPython; we hash the
        // bytes with the same keyed hash (latin-1 view).
        let h = if self.b.is_empty() {
            0
        } else {
            crate::types::str::hash_str(&self.b.iter().map(|&c| c as char).collect::<String>())
        };
        self.hash.store(h, std::sync::atomic::Ordering::Relaxed);
        h
    }
}

pub struct ByteArrayData {
    b: PyMutex<Vec<u8>>,
}

impl ByteArrayData {
    pub fn new(b: Vec<u8>) -> ByteArrayData {
        ByteArrayData { b: PyMutex::new(b) }
    }

    pub fn snapshot(&self) -> Vec<u8> {
        self.b.lock().clone()
    }

    /// Runs `f` on the bytes under the lock (no Python code inside).
    pub fn with<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        f(&mut self.b.lock())
    }

    pub fn len(&self) -> usize {
        self.b.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

pub fn new_bytes(b: Vec<u8>) -> Value {
    alloc(types().bytes.clone(), BytesData::new(b)).into_value()
}

pub fn new_bytearray(b: Vec<u8>) -> Value {
    alloc(types().bytearray.clone(), ByteArrayData::new(b)).into_value()
}

/// The bytes of a bytes-like value (bytes, bytearray), copied.
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<BytesData>() {
        return Some(b.data.as_bytes().to_vec());
    }
    v.downcast::<ByteArrayData>().map(|b| b.data.snapshot())
}

/// Decodes bytes with a codec name and error handler (see `codecs`).
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    codecs::decode(b, encoding, errors)
}

/// Encodes text with a codec name and error handler (see `codecs`).
pub fn encode(s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    codecs::encode(s, encoding, errors)
}

/// Bytes for the `bytes(x)` / `bytearray(x)` constructors.
pub fn bytes_from_source(
    vm: &mut Vm,
    x: &Value,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Vec<u8>> {
    if let Some(s) = crate::types::str::str_of(x) {
        let Some(enc) = encoding else {
            return Err(PyErr::type_error("string argument without an encoding"));
        };
        let enc = vm.str_string(enc)?;
        let errs = match errors {
            Some(e) => vm.str_string(e)?,
            None => "strict".into(),
        };
        return encode(s, &enc, &errs);
    }
    if encoding.is_some() {
        return Err(PyErr::type_error("encoding without a string argument"));
    }
    if let Some(b) = bytes_like(x) {
        return Ok(b);
    }
    if let Some(n) = crate::types::int::IntValue::of(x) {
        let n = n
            .to_i64()
            .ok_or_else(|| PyErr::overflow_error("cannot fit 'int' into an index-sized integer"))?;
        if n < 0 {
            return Err(PyErr::value_error("negative count"));
        }
        if n > (1 << 40) {
            return Err(PyErr::memory_error(""));
        }
        return Ok(vec![0; n as usize]);
    }
    if let Some(r) = vm.call_special(x, &crate::intern::intern("__bytes__"), &[])? {
        return bytes_like(&r).ok_or_else(|| {
            PyErr::type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                type_of(&r).name()
            ))
        });
    }
    let items = vm.collect(x).map_err(|e| {
        if e.matches(&types().exc.type_error) {
            PyErr::type_error(format!(
                "cannot convert '{}' object to bytes",
                type_of(x).name()
            ))
        } else {
            e
        }
    })?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let i = vm.index_value(&it)?.saturating_i64();
        if !(0..=255).contains(&i) {
            return Err(PyErr::value_error("bytes must be in range(0, 256)"));
        }
        out.push(i as u8);
    }
    Ok(out)
}

pub fn bytes_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let [source, encoding, errors] = args.bind("bytes", ["source", "encoding", "errors"], 0)?;
    let b = match source {
        None => Vec::new(),
        Some(x) => bytes_from_source(vm, x, encoding, errors)?,
    };
    if cls.is(&types().bytes) {
        return Ok(new_bytes(b));
    }
    Ok(alloc_instance(cls, BytesData::new(b)))
}

pub fn bytearray_new(_vm: &mut Vm, cls: &Obj<TypeData>, _args: Args) -> PyResult<Value> {
    Ok(alloc_instance(cls, ByteArrayData::new(Vec::new())))
}

fn bytearray_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [source, encoding, errors] = args.bind("bytearray", ["source", "encoding", "errors"], 0)?;
    let b = match source {
        None => Vec::new(),
        Some(x) => bytes_from_source(vm, x, encoding, errors)?,
    };
    let ba = this
        .downcast::<ByteArrayData>()
        .ok_or_else(|| PyErr::type_error("expected a bytearray"))?;
    ba.data.with(|v| *v = b);
    Ok(Value::NONE)
}

/// The bytes of `this` for bytes/bytearray methods.
pub fn this_bytes(v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'bytes' object but received '{}'",
            type_of(v).name()
        ))
    })
}

/// Builds a result of the same kind as `this` (bytes or bytearray).
pub fn same_kind(this: &Value, b: Vec<u8>) -> Value {
    if this.downcast::<ByteArrayData>().is_some() {
        new_bytearray(b)
    } else {
        new_bytes(b)
    }
}

fn b_len(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::small_int(this_bytes(this)?.len() as i64))
}

fn b_getitem(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [key] = args.exact::<1>("__getitem__")?;
    let b = this_bytes(this)?;
    if let Some(s) = key.downcast::<crate::types::slice::SliceData>() {
        let idx = s.data.indices(vm, b.len())?;
        return Ok(same_kind(this, idx.iter().map(|i| b[i]).collect()));
    }
    let what = if this.downcast::<ByteArrayData>().is_some() {
        "bytearray"
    } else {
        "bytes"
    };
    let i = crate::types::seq::index_of(vm, key, b.len(), what)?;
    Ok(Value::small_int(b[i] as i64))
}

fn b_iter(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::iter::SeqIterData::new_value(
        this.clone(),
        crate::types::iter::SeqKind::Bytes,
    ))
}

fn b_contains(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [item] = args.exact::<1>("__contains__")?;
    let b = this_bytes(this)?;
    if let Some(i) = crate::types::int::IntValue::of(item) {
        let i = i.saturating_i64();
        if !(0..=255).contains(&i) {
            return Err(PyErr::value_error("byte must be in range(0, 256)"));
        }
        return Ok(Value::bool(b.contains(&(i as u8))));
    }
    let Some(needle) = bytes_like(item) else {
        let _ = vm;
        return Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_of(item).name()
        )));
    };
    Ok(Value::bool(
        needle.is_empty() || b.windows(needle.len()).any(|w| w == needle.as_slice()),
    ))
}

fn b_hash(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let b = this
        .downcast::<BytesData>()
        .ok_or_else(|| PyErr::type_error("unhashable type: 'bytearray'"))?;
    Ok(crate::types::int::int_from_i64(b.data.hash()))
}

fn cmp(this: &Value, args: Args, op: ComparisonOperator) -> PyResult<Value> {
    let [other] = args.exact::<1>("comparison")?;
    let a = this_bytes(this)?;
    let Some(b) = bytes_like(other) else {
        return Ok(not_implemented());
    };
    Ok(Value::bool(crate::interp::eval::compare_ord(a.cmp(&b), op)))
}

fn b_eq(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(this, args, ComparisonOperator::Equal)
}
fn b_ne(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(this, args, ComparisonOperator::NotEqual)
}
fn b_lt(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(this, args, ComparisonOperator::Less)
}
fn b_le(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(this, args, ComparisonOperator::LessEqual)
}
fn b_gt(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(this, args, ComparisonOperator::Greater)
}
fn b_ge(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(this, args, ComparisonOperator::GreaterEqual)
}

fn b_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let b = this_bytes(this)?;
    let r = crate::numfmt::bytes_repr(&b);
    if this.downcast::<ByteArrayData>().is_some() {
        return Ok(crate::types::str::new_str(format!(
            "{}({r})",
            type_of(this).name()
        )));
    }
    Ok(crate::types::str::new_str(r))
}

fn b_decode(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [encoding, errors] = args.bind("decode", ["encoding", "errors"], 0)?;
    let enc = match encoding {
        Some(e) => vm.str_string(e)?,
        None => "utf-8".into(),
    };
    let errs = match errors {
        Some(e) => vm.str_string(e)?,
        None => "strict".into(),
    };
    Ok(crate::types::str::new_str(decode(
        &this_bytes(this)?,
        &enc,
        &errs,
    )?))
}

pub fn init(t: &BuiltinTypes) {
    let common = [
        MethodDef::method("__len__", b_len),
        MethodDef::method("__getitem__", b_getitem),
        MethodDef::method("__iter__", b_iter),
        MethodDef::method("__contains__", b_contains),
        MethodDef::method("__eq__", b_eq),
        MethodDef::method("__ne__", b_ne),
        MethodDef::method("__lt__", b_lt),
        MethodDef::method("__le__", b_le),
        MethodDef::method("__gt__", b_gt),
        MethodDef::method("__ge__", b_ge),
        MethodDef::method("__repr__", b_repr),
        MethodDef::method("decode", b_decode),
    ];
    add_methods(&t.bytes, &common);
    add_methods(&t.bytearray, &common);
    add_methods(&t.bytes, &[MethodDef::method("__hash__", b_hash)]);
    add_methods(
        &t.bytearray,
        &[MethodDef::method("__init__", bytearray_init)],
    );
    crate::types::set_type_attr(&t.bytearray, "__hash__", Value::NONE);
    methods::init(t);
}
