//! `range` and its iterator.

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::object::{alloc, Obj};
use crate::sync::PyMutex;
use crate::types::int::{int_from_bigint, IntValue};
use crate::types::object::not_implemented;
use crate::types::typeobj::TypeData;
use crate::types::{add_getsets, add_methods, type_of, types, BuiltinTypes, GetSetDef, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct RangeData {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    /// The same bounds as i64 when everything (including the length) fits.
    pub small: Option<(i64, i64, i64)>,
    pub len: BigInt,
}

fn range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() {
        if start < stop {
            (stop - start - 1u32) / step + 1u32
        } else {
            BigInt::zero()
        }
    } else if start > stop {
        (start - stop - 1u32) / (-step) + 1u32
    } else {
        BigInt::zero()
    }
}

impl RangeData {
    pub fn new(start: BigInt, stop: BigInt, step: BigInt) -> RangeData {
        let len = range_len(&start, &stop, &step);
        let small = match (start.to_i64(), stop.to_i64(), step.to_i64(), len.to_i64()) {
            (Some(a), Some(b), Some(c), Some(_)) => Some((a, b, c)),
            _ => None,
        };
        RangeData {
            start,
            stop,
            step,
            small,
            len,
        }
    }

    /// Item `i` (0 <= i < len).
    pub fn item(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }
}

pub fn range_new(vm: &mut Vm, _cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    args.no_kwargs("range")?;
    let pos = args.positional();
    let idx = |vm: &mut Vm, v: &Value| -> PyResult<BigInt> { Ok(vm.index_value(v)?.to_bigint()) };
    let (start, stop, step) = match pos.len() {
        1 => (BigInt::zero(), idx(vm, &pos[0])?, BigInt::from(1)),
        2 => (idx(vm, &pos[0])?, idx(vm, &pos[1])?, BigInt::from(1)),
        3 => (idx(vm, &pos[0])?, idx(vm, &pos[1])?, idx(vm, &pos[2])?),
        0 => {
            return Err(PyErr::type_error(
                "range expected at least 1 argument, got 0",
            ))
        }
        n => {
            return Err(PyErr::type_error(format!(
                "range expected at most 3 arguments, got {n}"
            )))
        }
    };
    if step.is_zero() {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(alloc(types().range.clone(), RangeData::new(start, stop, step)).into_value())
}

fn rd(v: &Value) -> PyResult<&Obj<RangeData>> {
    v.downcast::<RangeData>()
        .ok_or_else(|| PyErr::type_error("expected a range"))
}

fn r_len(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let r = rd(this)?;
    match r.data.len.to_i64() {
        Some(n) => Ok(crate::types::int::int_from_i64(n)),
        None => Err(PyErr::overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

fn r_bool(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::bool(!rd(this)?.data.len.is_zero()))
}

fn r_getitem(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [key] = args.exact::<1>("__getitem__")?;
    let r = rd(this)?;
    if let Some(s) = key.downcast::<crate::types::slice::SliceData>() {
        let len = r
            .data
            .len
            .to_usize()
            .ok_or_else(|| PyErr::overflow_error("range too large to slice"))?;
        let idx = s.data.indices(vm, len)?;
        let step = &r.data.step * BigInt::from(idx.step);
        let start = r.data.item(&BigInt::from(idx.start));
        let stop = r.data.item(&BigInt::from(idx.stop));
        let stop = if idx.len == 0 { start.clone() } else { stop };
        return Ok(alloc(types().range.clone(), RangeData::new(start, stop, step)).into_value());
    }
    let i = vm
        .index_value(key)
        .map_err(|_| {
            PyErr::type_error(format!(
                "range indices must be integers or slices, not {}",
                type_of(key).name()
            ))
        })?
        .to_bigint();
    let i = if i.is_negative() { i + &r.data.len } else { i };
    if i.is_negative() || i >= r.data.len {
        return Err(PyErr::index_error("range object index out of range"));
    }
    Ok(int_from_bigint(r.data.item(&i)))
}

/// Whether an int is in the range.
fn contains_int(r: &RangeData, v: &BigInt) -> bool {
    let in_bounds = if r.step.is_positive() {
        &r.start <= v && v < &r.stop
    } else {
        &r.stop < v && v <= &r.start
    };
    in_bounds && (v - &r.start).mod_floor(&r.step.abs()).is_zero()
}

fn r_contains(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__contains__")?;
    let r = rd(this)?;
    if let Some(i) = IntValue::of(v) {
        if v.is_small_int() || v.is_bool() || type_of(v).is(&types().int) {
            return Ok(Value::bool(contains_int(&r.data, &i.to_bigint())));
        }
    }
    let it = vm.get_iter(this)?;
    while let Some(x) = vm.next(&it)? {
        if vm.eq(&x, v)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn r_iter(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(RangeIterData::new_value(&rd(this)?.data, false))
}

fn r_reversed(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(RangeIterData::new_value(&rd(this)?.data, true))
}

fn r_eq(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__eq__")?;
    let Some(o) = other.downcast::<RangeData>() else {
        return Ok(not_implemented());
    };
    let a = &rd(this)?.data;
    let b = &o.data;
    let eq = if a.len != b.len {
        false
    } else if a.len.is_zero() {
        true
    } else if a.start != b.start {
        false
    } else {
        a.len == BigInt::from(1) || a.step == b.step
    };
    Ok(Value::bool(eq))
}

fn r_ne(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let r = r_eq(vm, this, args)?;
    Ok(match r.as_bool() {
        Some(b) => Value::bool(!b),
        None => r,
    })
}

fn r_hash(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let r = &rd(this)?.data;
    let t = if r.len.is_zero() {
        vec![Value::small_int(0), Value::NONE, Value::NONE]
    } else if r.len == BigInt::from(1) {
        vec![
            Value::small_int(1),
            int_from_bigint(r.start.clone()),
            Value::NONE,
        ]
    } else {
        vec![
            int_from_bigint(r.len.clone()),
            int_from_bigint(r.start.clone()),
            int_from_bigint(r.step.clone()),
        ]
    };
    Ok(crate::types::int::int_from_i64(
        crate::types::tuple::tuple_hash_of(vm, &t)?,
    ))
}

fn r_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let r = &rd(this)?.data;
    Ok(crate::types::str::new_str(if r.step == BigInt::from(1) {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }))
}

fn r_count(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("count")?;
    let r = &rd(this)?.data;
    Ok(Value::small_int(match IntValue::of(v) {
        Some(i) => contains_int(r, &i.to_bigint()) as i64,
        None => 0,
    }))
}

fn r_index(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("index")?;
    let r = &rd(this)?.data;
    match IntValue::of(v) {
        Some(i) if contains_int(r, &i.to_bigint()) => {
            Ok(int_from_bigint((i.to_bigint() - &r.start) / &r.step))
        }
        _ => Err(PyErr::value_error(format!(
            "{} is not in range",
            vm.repr_string(v)?
        ))),
    }
}

fn get_start(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(int_from_bigint(rd(this)?.data.start.clone()))
}
fn get_stop(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(int_from_bigint(rd(this)?.data.stop.clone()))
}
fn get_step(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(int_from_bigint(rd(this)?.data.step.clone()))
}

// ----- iterator -----

pub struct RangeIterData {
    /// Fast form: next value and step, with `remaining` items left.
    next: AtomicI64,
    step: i64,
    remaining: AtomicU64,
    /// Slow form for ranges beyond i64.
    big: Option<PyMutex<(BigInt, BigInt, BigInt)>>,
}

impl RangeIterData {
    pub fn new_value(r: &RangeData, reversed: bool) -> Value {
        let data = match (r.small, r.len.to_u64()) {
            (Some((start, _, step)), Some(len)) => {
                let (first, step) = if reversed {
                    let last = if len == 0 {
                        start as i128
                    } else {
                        start as i128 + (len as i128 - 1) * step as i128
                    };
                    (last as i64, -step)
                } else {
                    (start, step)
                };
                RangeIterData {
                    next: AtomicI64::new(first),
                    step,
                    remaining: AtomicU64::new(len),
                    big: None,
                }
            }
            _ => {
                let (first, step) = if reversed {
                    let last = if r.len.is_zero() {
                        r.start.clone()
                    } else {
                        r.item(&(&r.len - 1u32))
                    };
                    (last, -&r.step)
                } else {
                    (r.start.clone(), r.step.clone())
                };
                RangeIterData {
                    next: AtomicI64::new(0),
                    step: 0,
                    remaining: AtomicU64::new(0),
                    big: Some(PyMutex::new((first, step, r.len.clone()))),
                }
            }
        };
        alloc(types().range_iterator.clone(), data).into_value()
    }

    /// The next value (no Python code, no allocation for small ranges).
    #[inline]
    pub fn next_value(&self) -> Option<Value> {
        if let Some(big) = &self.big {
            let mut g = big.lock();
            if g.2.is_zero() {
                return None;
            }
            let v = g.0.clone();
            g.0 = &g.0 + &g.1;
            g.2 -= 1u32;
            return Some(int_from_bigint(v));
        }
        let rem = self.remaining.load(Ordering::Relaxed);
        if rem == 0 {
            return None;
        }
        self.remaining.store(rem - 1, Ordering::Relaxed);
        let v = self.next.load(Ordering::Relaxed);
        self.next
            .store(v.wrapping_add(self.step), Ordering::Relaxed);
        Some(crate::types::int::int_from_i64(v))
    }

    pub fn length_hint(&self) -> u64 {
        match &self.big {
            Some(b) => b.lock().2.to_u64().unwrap_or(u64::MAX),
            None => self.remaining.load(Ordering::Relaxed),
        }
    }
}

fn ri_next(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let it = this
        .downcast::<RangeIterData>()
        .ok_or_else(|| PyErr::type_error("expected a range iterator"))?;
    it.data
        .next_value()
        .ok_or_else(|| PyErr::stop_iteration(Value::NONE))
}

fn ri_length_hint(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let it = this
        .downcast::<RangeIterData>()
        .ok_or_else(|| PyErr::type_error("expected a range iterator"))?;
    Ok(crate::types::int::int_from_u64(it.data.length_hint()))
}

fn iter_self(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(this.clone())
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.range,
        &[
            MethodDef::method("__len__", r_len),
            MethodDef::method("__bool__", r_bool),
            MethodDef::method("__getitem__", r_getitem),
            MethodDef::method("__contains__", r_contains),
            MethodDef::method("__iter__", r_iter),
            MethodDef::method("__reversed__", r_reversed),
            MethodDef::method("__eq__", r_eq),
            MethodDef::method("__ne__", r_ne),
            MethodDef::method("__hash__", r_hash),
            MethodDef::method("__repr__", r_repr),
            MethodDef::method("count", r_count),
            MethodDef::method("index", r_index),
        ],
    );
    add_getsets(
        &t.range,
        &[
            GetSetDef::new("start", get_start),
            GetSetDef::new("stop", get_stop),
            GetSetDef::new("step", get_step),
        ],
    );
    add_methods(
        &t.range_iterator,
        &[
            MethodDef::method("__next__", ri_next),
            MethodDef::method("__iter__", iter_self),
            MethodDef::method("__length_hint__", ri_length_hint),
        ],
    );
}
