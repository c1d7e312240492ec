//! `slice` objects and index normalization shared by sequences.

use crate::object::{alloc, Obj};
use crate::types::typeobj::TypeData;
use crate::types::{add_getsets, add_methods, type_of, types, BuiltinTypes, GetSetDef, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct SliceData {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    alloc(types().slice.clone(), SliceData { start, stop, step }).into_value()
}

pub fn slice_new(_vm: &mut Vm, _cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let pos = args.range("slice", 1, 3)?;
    Ok(match pos.len() {
        1 => new_slice(Value::NONE, pos[0].clone(), Value::NONE),
        2 => new_slice(pos[0].clone(), pos[1].clone(), Value::NONE),
        _ => new_slice(pos[0].clone(), pos[1].clone(), pos[2].clone()),
    })
}

/// Resolved slice bounds for a sequence of length `len`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceIndices {
    pub start: isize,
    pub stop: isize,
    pub step: isize,
    pub len: usize,
}

impl SliceIndices {
    /// The selected positions, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> {
        let SliceIndices {
            start, step, len, ..
        } = *self;
        (0..len).map(move |i| (start + i as isize * step) as usize)
    }
}

/// Clamps a slice bound: `__index__` semantics with saturation (huge values are fine).
#[inline]
fn slice_bound(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i));
    }
    let i = vm.index_value(v).map_err(|_| {
        PyErr::type_error("slice indices must be integers or None or have an __index__ method")
    })?;
    Ok(Some(i.saturating_i64()))
}

impl SliceData {
    /// CPython's `PySlice_GetIndicesEx` for a sequence of length `len`.
    pub fn indices(&self, vm: &mut Vm, len: usize) -> PyResult<SliceIndices> {
        slice_indices_of(vm, &self.start, &self.stop, &self.step, len)
    }
}

/// Slice bounds from start/stop/step values (None or ints) for a sequence of length `len`.
pub fn slice_indices_of(
    vm: &mut Vm,
    start_v: &Value,
    stop_v: &Value,
    step_v: &Value,
    len: usize,
) -> PyResult<SliceIndices> {
    {
        let step = match slice_bound(vm, step_v)? {
            None => 1,
            Some(0) => return Err(PyErr::value_error("slice step cannot be zero")),
            Some(s) => s.max(-i64::MAX),
        };
        let len_i = len as i64;
        let (lower, upper) = if step < 0 {
            (-1, len_i - 1)
        } else {
            (0, len_i)
        };
        let adjust = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(x) if x < 0 => {
                    let x = x.saturating_add(len_i);
                    if x < lower {
                        lower
                    } else {
                        x
                    }
                }
                Some(x) => {
                    if x > upper {
                        upper
                    } else {
                        x
                    }
                }
            }
        };
        let start = adjust(
            slice_bound(vm, start_v)?,
            if step < 0 { upper } else { lower },
        );
        let stop = adjust(
            slice_bound(vm, stop_v)?,
            if step < 0 { lower } else { upper },
        );
        let count = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok(SliceIndices {
            start: start as isize,
            stop: stop as isize,
            step: step as isize,
            len: count as usize,
        })
    }
}

/// Normalizes a (possibly negative) index for a sequence of length `len`; `None` if out
/// of range.
#[inline]
pub fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    if i >= 0 && (i as usize) < len {
        Some(i as usize)
    } else {
        None
    }
}

fn sd(v: &Value) -> PyResult<&Obj<SliceData>> {
    v.downcast::<SliceData>()
        .ok_or_else(|| PyErr::type_error("expected a slice"))
}

fn get_start(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(sd(this)?.data.start.clone())
}
fn get_stop(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(sd(this)?.data.stop.clone())
}
fn get_step(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(sd(this)?.data.step.clone())
}

fn slice_indices(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [len] = args.exact::<1>("indices")?;
    let n = vm.to_i64(len)?;
    if n < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let idx = sd(this)?.data.indices(vm, n as usize)?;
    Ok(crate::types::tuple::new_tuple(vec![
        Value::small_int(idx.start as i64),
        Value::small_int(idx.stop as i64),
        Value::small_int(idx.step as i64),
    ]))
}

fn slice_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let s = sd(this)?;
    let (a, b, c) = (
        s.data.start.clone(),
        s.data.stop.clone(),
        s.data.step.clone(),
    );
    let r = format!(
        "slice({}, {}, {})",
        vm.repr_string(&a)?,
        vm.repr_string(&b)?,
        vm.repr_string(&c)?
    );
    Ok(crate::types::str::new_str(r))
}

fn slice_cmp(
    vm: &mut Vm,
    this: &Value,
    args: Args,
    op: krait_bytecode::ComparisonOperator,
) -> PyResult<Value> {
    let [other] = args.exact::<1>("comparison")?;
    let Some(o) = other.downcast::<SliceData>() else {
        return Ok(crate::types::object::not_implemented());
    };
    let s = sd(this)?;
    let a = crate::types::tuple::new_tuple(vec![
        s.data.start.clone(),
        s.data.stop.clone(),
        s.data.step.clone(),
    ]);
    let b = crate::types::tuple::new_tuple(vec![
        o.data.start.clone(),
        o.data.stop.clone(),
        o.data.step.clone(),
    ]);
    vm.rich_compare(&a, &b, op)
}

fn slice_eq(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    slice_cmp(vm, this, args, krait_bytecode::ComparisonOperator::Equal)
}
fn slice_ne(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    slice_cmp(vm, this, args, krait_bytecode::ComparisonOperator::NotEqual)
}
fn slice_lt(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    slice_cmp(vm, this, args, krait_bytecode::ComparisonOperator::Less)
}
fn slice_le(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    slice_cmp(
        vm,
        this,
        args,
        krait_bytecode::ComparisonOperator::LessEqual,
    )
}
fn slice_gt(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    slice_cmp(vm, this, args, krait_bytecode::ComparisonOperator::Greater)
}
fn slice_ge(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    slice_cmp(
        vm,
        this,
        args,
        krait_bytecode::ComparisonOperator::GreaterEqual,
    )
}

pub fn init(t: &BuiltinTypes) {
    add_getsets(
        &t.slice,
        &[
            GetSetDef::new("start", get_start),
            GetSetDef::new("stop", get_stop),
            GetSetDef::new("step", get_step),
        ],
    );
    add_methods(
        &t.slice,
        &[
            MethodDef::method("indices", slice_indices),
            MethodDef::method("__repr__", slice_repr),
            MethodDef::method("__eq__", slice_eq),
            MethodDef::method("__ne__", slice_ne),
            MethodDef::method("__lt__", slice_lt),
            MethodDef::method("__le__", slice_le),
            MethodDef::method("__gt__", slice_gt),
            MethodDef::method("__ge__", slice_ge),
        ],
    );
    crate::types::set_type_attr(&t.slice, "__hash__", Value::NONE);
    let _ = type_of;
}
