//! Iterators over sequences (list, tuple, bytes, `__getitem__` protocol), `iter(f, sentinel)`,
//! `reversed`, and the dispatch used by `GET_ITER`/`FOR_ITER`.

use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use crate::object::{alloc, Layout, Obj};
use crate::types::typeobj::TypeData;
use crate::types::{add_methods, type_of, types, BuiltinTypes, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SeqKind {
    List,
    ListReversed,
    Tuple,
    Bytes,
    /// Any object with `__getitem__` (IndexError/StopIteration ends it).
    Generic,
}

pub struct SeqIterData {
    seq: Value,
    index: AtomicI64,
    kind: SeqKind,
    done: AtomicBool,
}

impl SeqIterData {
    pub fn new_value(seq: Value, kind: SeqKind) -> Value {
        let t = types();
        let ty = match kind {
            SeqKind::List => &t.list_iterator,
            SeqKind::ListReversed => &t.list_reverseiterator,
            SeqKind::Tuple => &t.tuple_iterator,
            SeqKind::Bytes => &t.bytes_iterator,
            SeqKind::Generic => &t.iterator,
        };
        alloc(
            ty.clone(),
            SeqIterData {
                seq,
                index: AtomicI64::new(0),
                kind,
                done: AtomicBool::new(false),
            },
        )
        .into_value()
    }

    pub fn new_reversed(list: Value) -> Value {
        let n = list
            .downcast::<crate::types::list::ListData>()
            .map(|l| l.data.len())
            .unwrap_or(0);
        let v = SeqIterData::new_value(list, SeqKind::ListReversed);
        if let Some(it) = v.downcast::<SeqIterData>() {
            it.data.index.store(n as i64 - 1, Ordering::Relaxed);
        }
        v
    }

    /// The next item without calling Python (not for `Generic`).
    #[inline]
    fn next_native(&self) -> Option<Value> {
        if self.done.load(Ordering::Relaxed) {
            return None;
        }
        let i = self.index.load(Ordering::Relaxed);
        let item = match self.kind {
            SeqKind::List => self
                .seq
                .downcast::<crate::types::list::ListData>()
                .and_then(|l| l.data.get(i as usize)),
            SeqKind::ListReversed => {
                if i < 0 {
                    None
                } else {
                    self.seq
                        .downcast::<crate::types::list::ListData>()
                        .and_then(|l| l.data.get(i as usize))
                }
            }
            SeqKind::Tuple => self
                .seq
                .downcast::<crate::types::tuple::TupleData>()
                .and_then(|t| t.data.items().get(i as usize).cloned()),
            SeqKind::Bytes => crate::types::bytes::bytes_like(&self.seq)
                .and_then(|b| b.get(i as usize).map(|c| Value::small_int(*c as i64))),
            SeqKind::Generic => None,
        };
        match item {
            Some(v) => {
                let next = if self.kind == SeqKind::ListReversed {
                    i - 1
                } else {
                    i + 1
                };
                self.index.store(next, Ordering::Relaxed);
                Some(v)
            }
            None => {
                self.done.store(true, Ordering::Relaxed);
                None
            }
        }
    }

    fn next_generic(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.done.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let i = self.index.load(Ordering::Relaxed);
        match vm.get_item(&self.seq, &Value::small_int(i)) {
            Ok(v) => {
                self.index.store(i + 1, Ordering::Relaxed);
                Ok(Some(v))
            }
            Err(e)
                if e.matches(&types().exc.index_error)
                    || e.matches(&types().exc.stop_iteration) =>
            {
                self.done.store(true, Ordering::Relaxed);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    fn length_hint(&self) -> i64 {
        if self.done.load(Ordering::Relaxed) {
            return 0;
        }
        let i = self.index.load(Ordering::Relaxed);
        match self.kind {
            SeqKind::List => self
                .seq
                .downcast::<crate::types::list::ListData>()
                .map(|l| (l.data.len() as i64 - i).max(0))
                .unwrap_or(0),
            SeqKind::ListReversed => (i + 1).max(0),
            SeqKind::Tuple => self
                .seq
                .downcast::<crate::types::tuple::TupleData>()
                .map(|t| (t.data.len() as i64 - i).max(0))
                .unwrap_or(0),
            SeqKind::Bytes => crate::types::bytes::bytes_like(&self.seq)
                .map(|b| (b.len() as i64 - i).max(0))
                .unwrap_or(0),
            SeqKind::Generic => 0,
        }
    }
}

pub fn new_seq_iter(v: Value) -> Value {
    SeqIterData::new_value(v, SeqKind::Generic)
}

/// `iter(v)` for exact builtin iterables (no Python code); None otherwise.
#[inline]
pub fn native_iter(v: &Value) -> Option<Value> {
    let h = v.as_header()?;
    let t = types();
    let ty = h.ty();
    match h.layout() {
        Layout::List if ty.is(&t.list) => Some(SeqIterData::new_value(v.clone(), SeqKind::List)),
        Layout::Tuple if ty.is(&t.tuple) => Some(SeqIterData::new_value(v.clone(), SeqKind::Tuple)),
        Layout::Range => v
            .downcast::<crate::types::range::RangeData>()
            .map(|r| crate::types::range::RangeIterData::new_value(&r.data, false)),
        Layout::Str if ty.is(&t.str) => Some(crate::types::str::StrIterData::new_value(v.clone())),
        Layout::Dict if ty.is(&t.dict) => Some(crate::types::dict::DictIterData::new_value(
            v.clone(),
            crate::types::dict::ViewKind::Keys,
            false,
        )),
        Layout::Set if ty.is(&t.set) || ty.is(&t.frozenset) => {
            Some(crate::types::set::SetIterData::new_value(v.clone()))
        }
        Layout::Generator => Some(v.clone()),
        Layout::SeqIter
        | Layout::RangeIter
        | Layout::StrIter
        | Layout::DictIter
        | Layout::SetIter
        | Layout::Enumerate
        | Layout::Zip
        | Layout::Map
        | Layout::Filter
        | Layout::Reversed
        | Layout::CallIter
            if !ty.data.has_flag(crate::types::typeobj::tflags::HEAPTYPE) =>
        {
            Some(v.clone())
        }
        _ => None,
    }
}

/// `next(it)` for builtin iterators that need no Python code; None for others.
#[inline]
pub fn fast_next(it: &Value) -> Option<PyResult<Option<Value>>> {
    let h = it.as_header()?;
    // The range iterator type cannot be subclassed: no type check needed.
    if h.layout() == Layout::RangeIter {
        return it
            .downcast::<crate::types::range::RangeIterData>()
            .map(|r| Ok(r.data.next_value()));
    }
    if h.ty()
        .data
        .has_flag(crate::types::typeobj::tflags::HEAPTYPE)
    {
        return None;
    }
    match h.layout() {
        Layout::RangeIter => it
            .downcast::<crate::types::range::RangeIterData>()
            .map(|r| Ok(r.data.next_value())),
        Layout::SeqIter => {
            let s = it.downcast::<SeqIterData>()?;
            if s.data.kind == SeqKind::Generic {
                return None;
            }
            Some(Ok(s.data.next_native()))
        }
        Layout::StrIter => it
            .downcast::<crate::types::str::StrIterData>()
            .map(|s| Ok(s.data.next())),
        Layout::DictIter => it
            .downcast::<crate::types::dict::DictIterData>()
            .map(|d| d.data.next()),
        Layout::SetIter => it
            .downcast::<crate::types::set::SetIterData>()
            .map(|s| s.data.next()),
        _ => None,
    }
}

/// `next(it)` for builtin iterators that may call Python (generators, map, ...).
pub fn native_next(vm: &mut Vm, it: &Value) -> Option<PyResult<Option<Value>>> {
    let h = it.as_header()?;
    if h.ty()
        .data
        .has_flag(crate::types::typeobj::tflags::HEAPTYPE)
    {
        return None;
    }
    native_next_by_layout(vm, it)
}

/// `next(it)` by payload layout, for builtin iterators and their subclasses.
pub fn native_next_by_layout(vm: &mut Vm, it: &Value) -> Option<PyResult<Option<Value>>> {
    let h = it.as_header()?;
    match h.layout() {
        Layout::Generator => it
            .downcast::<crate::types::generator::GeneratorData>()
            .map(|g| crate::types::generator::gen_next(vm, g)),
        Layout::SeqIter => it
            .downcast::<SeqIterData>()
            .map(|s| s.data.next_generic(vm)),
        Layout::CallIter => it.downcast::<CallIterData>().map(|c| c.data.next(vm)),
        Layout::Reversed => it.downcast::<ReversedData>().map(|r| r.data.next(vm)),
        Layout::Enumerate => it
            .downcast::<crate::types::functional::EnumerateData>()
            .map(|e| e.data.next(vm)),
        Layout::Zip => it
            .downcast::<crate::types::functional::ZipData>()
            .map(|z| z.data.next(vm)),
        Layout::Map => it
            .downcast::<crate::types::functional::MapData>()
            .map(|m| m.data.next(vm)),
        Layout::Filter => it
            .downcast::<crate::types::functional::FilterData>()
            .map(|f| f.data.next(vm)),
        _ => None,
    }
}

/// Whether `iter(v)` could succeed (for error messages).
pub fn is_iterable(v: &Value) -> bool {
    if native_iter(v).is_some() {
        return true;
    }
    let n = crate::intern::names();
    let ty = type_of(v);
    ty.lookup(&n.__iter__).is_some_and(|i| !i.is_none()) || ty.lookup(&n.__getitem__).is_some()
}

// ----- iter(callable, sentinel) -----

pub struct CallIterData {
    callable: Value,
    sentinel: Value,
    done: AtomicBool,
}

impl CallIterData {
    pub fn new_value(callable: Value, sentinel: Value) -> Value {
        alloc(
            types().callable_iterator.clone(),
            CallIterData {
                callable,
                sentinel,
                done: AtomicBool::new(false),
            },
        )
        .into_value()
    }

    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.done.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let v = match vm.call(&self.callable, &[]) {
            Ok(v) => v,
            Err(e) if e.matches(&types().exc.stop_iteration) => {
                self.done.store(true, Ordering::Relaxed);
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        if vm.eq(&v, &self.sentinel)? {
            self.done.store(true, Ordering::Relaxed);
            return Ok(None);
        }
        Ok(Some(v))
    }
}

// ----- reversed -----

pub struct ReversedData {
    seq: Value,
    index: AtomicI64,
}

impl ReversedData {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let i = self.index.load(Ordering::Relaxed);
        if i < 0 {
            return Ok(None);
        }
        self.index.store(i - 1, Ordering::Relaxed);
        match vm.get_item(&self.seq, &Value::small_int(i)) {
            Ok(v) => Ok(Some(v)),
            Err(e)
                if e.matches(&types().exc.index_error)
                    || e.matches(&types().exc.stop_iteration) =>
            {
                self.index.store(-1, Ordering::Relaxed);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}

pub fn reversed_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    args.no_kwargs("reversed")?;
    let [seq] = args.exact::<1>("reversed")?;
    let n = crate::intern::names();
    if let Some(r) = type_of(seq).lookup(&n.__reversed__) {
        if r.is_none() {
            return Err(PyErr::type_error(format!(
                "'{}' object is not reversible",
                type_of(seq).name()
            )));
        }
        return vm.call_descriptor(&r, seq, &[]);
    }
    if type_of(seq).lookup(&n.__getitem__).is_none()
        || type_of(seq).lookup(&n.__len__).is_none()
        || seq.downcast::<crate::types::dict::DictData>().is_some()
    {
        return Err(PyErr::type_error(format!(
            "'{}' object is not reversible",
            type_of(seq).name()
        )));
    }
    let len = vm.len(seq)?;
    Ok(crate::types::alloc_instance(
        cls,
        ReversedData {
            seq: seq.clone(),
            index: AtomicI64::new(len as i64 - 1),
        },
    ))
}

fn seq_iter_next(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let r = match fast_next(this) {
        Some(r) => r,
        None => native_next(vm, this).unwrap_or(Ok(None)),
    };
    r?.ok_or_else(|| PyErr::stop_iteration(Value::NONE))
}

fn iter_self(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(this.clone())
}

fn seq_length_hint(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let it = this
        .downcast::<SeqIterData>()
        .ok_or_else(|| PyErr::type_error("expected an iterator"))?;
    Ok(Value::small_int(it.data.length_hint()))
}

fn reversed_length_hint(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let it = this
        .downcast::<ReversedData>()
        .ok_or_else(|| PyErr::type_error("expected a reversed object"))?;
    Ok(Value::small_int(
        (it.data.index.load(Ordering::Relaxed) + 1).max(0),
    ))
}

pub fn init(t: &BuiltinTypes) {
    for ty in [
        &t.list_iterator,
        &t.list_reverseiterator,
        &t.tuple_iterator,
        &t.bytes_iterator,
        &t.iterator,
    ] {
        add_methods(
            ty,
            &[
                MethodDef::method("__next__", seq_iter_next),
                MethodDef::method("__iter__", iter_self),
                MethodDef::method("__length_hint__", seq_length_hint),
            ],
        );
    }
    add_methods(
        &t.callable_iterator,
        &[
            MethodDef::method("__next__", seq_iter_next),
            MethodDef::method("__iter__", iter_self),
        ],
    );
    add_methods(
        &t.reversed,
        &[
            MethodDef::method("__next__", seq_iter_next),
            MethodDef::method("__iter__", iter_self),
            MethodDef::method("__length_hint__", reversed_length_hint),
        ],
    );
}
