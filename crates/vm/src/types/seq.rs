//! Helpers shared by the sequence types (list, tuple): indexing, slicing, comparison,
//! `repr`, search.

use krait_bytecode::ComparisonOperator;

use crate::types::int::IntValue;
use crate::types::slice::{normalize_index, SliceData};
use crate::types::type_of;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

/// The index of `key` in a sequence of length `len` (IndexError message from `what`).
pub fn index_of(vm: &mut Vm, key: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match IntValue::of(key) {
        Some(i) => i,
        None => vm.index_value(key).map_err(|_| {
            if what == "string" {
                PyErr::type_error(format!(
                    "string indices must be integers, not '{}'",
                    type_of(key).name()
                ))
            } else {
                PyErr::type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    type_of(key).name()
                ))
            }
        })?,
    };
    let i = i.saturating_i64();
    normalize_index(i, len).ok_or_else(|| {
        PyErr::index_error(if what == "bytes" {
            "index out of range".to_string()
        } else {
            format!("{what} index out of range")
        })
    })
}

/// `items[key]` for an int or slice key; slices are built with `make`.
pub fn getitem(
    vm: &mut Vm,
    items: &[Value],
    key: &Value,
    what: &str,
    make: fn(Vec<Value>) -> Value,
) -> PyResult<Value> {
    if let Some(i) = key.as_small_int() {
        return match normalize_index(i, items.len()) {
            Some(i) => Ok(items[i].clone()),
            None => Err(PyErr::index_error(format!("{what} index out of range"))),
        };
    }
    if let Some(s) = key.downcast::<SliceData>() {
        let idx = s.data.indices(vm, items.len())?;
        return Ok(make(idx.iter().map(|i| items[i].clone()).collect()));
    }
    let i = index_of(vm, key, items.len(), what)?;
    Ok(items[i].clone())
}

/// Element-wise equality of two sequences.
pub fn eq(vm: &mut Vm, a: &[Value], b: &[Value]) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    vm.check_stack()?;
    for (x, y) in a.iter().zip(b.iter()) {
        if !vm.eq(x, y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Lexicographic comparison of two sequences.
pub fn compare(vm: &mut Vm, a: &[Value], b: &[Value], op: ComparisonOperator) -> PyResult<bool> {
    vm.check_stack()?;
    let n = a.len().min(b.len());
    for i in 0..n {
        if !vm.eq(&a[i], &b[i])? {
            return match op {
                ComparisonOperator::Equal => Ok(false),
                ComparisonOperator::NotEqual => Ok(true),
                _ => vm.compare_bool(&a[i], &b[i], op),
            };
        }
    }
    Ok(crate::interp::eval::compare_ord(a.len().cmp(&b.len()), op))
}

/// `repr` of items between `open` and `close`, with `...` on self-reference via `id`.
pub fn repr(
    vm: &mut Vm,
    id: usize,
    items: &[Value],
    open: &str,
    close: &str,
    self_ref: &str,
) -> PyResult<String> {
    if vm.repr_stack.contains(&id) {
        return Ok(self_ref.to_string());
    }
    vm.check_stack()?;
    vm.repr_stack.push(id);
    let r = (|| {
        let mut s = String::from(open);
        for (i, v) in items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&vm.repr_string(v)?);
        }
        s.push_str(close);
        Ok(s)
    })();
    vm.repr_stack.pop();
    r
}

pub fn contains(vm: &mut Vm, items: &[Value], v: &Value) -> PyResult<bool> {
    for x in items {
        if vm.eq(x, v)? {
            return Ok(true);
        }
    }
    Ok(false)
}

pub fn count(vm: &mut Vm, items: &[Value], v: &Value) -> PyResult<usize> {
    let mut n = 0;
    for x in items {
        if vm.eq(x, v)? {
            n += 1;
        }
    }
    Ok(n)
}

/// `seq.index(v, start, stop)`.
pub fn index(vm: &mut Vm, items: &[Value], args: &[Value], what: &str) -> PyResult<usize> {
    let v = &args[0];
    let len = items.len() as i64;
    let clamp = |vm: &mut Vm, a: Option<&Value>, default: i64| -> PyResult<i64> {
        match a {
            None => Ok(default),
            Some(x) => {
                let i = vm.index_value(x)?.saturating_i64();
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
        }
    };
    let start = clamp(vm, args.get(1), 0)?;
    let stop = clamp(vm, args.get(2), len)?;
    let mut i = start;
    while i < stop && (i as usize) < items.len() {
        if vm.eq(&items[i as usize], v)? {
            return Ok(i as usize);
        }
        i += 1;
    }
    if what == "list" {
        let r = vm.repr_string(v)?;
        return Err(PyErr::value_error(format!("{r} is not in list")));
    }
    Err(PyErr::value_error(format!(
        "{what}.index(x): x not in {what}"
    )))
}

/// `items * n`.
pub fn repeat(vm: &mut Vm, items: &[Value], n: &Value) -> PyResult<Option<Vec<Value>>> {
    let Some(n) = IntValue::of(n) else {
        if type_of(n)
            .lookup(&crate::intern::names().__index__)
            .is_some()
        {
            let k = vm.index_value(n)?;
            return repeat_count(items, k.saturating_i64()).map(Some);
        }
        return Ok(None);
    };
    repeat_count(items, n.saturating_i64()).map(Some)
}

fn repeat_count(items: &[Value], n: i64) -> PyResult<Vec<Value>> {
    if n <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = (items.len() as u128) * (n as u128);
    if total > (isize::MAX as u128) / 8 {
        return Err(PyErr::memory_error(""));
    }
    let mut out = Vec::with_capacity(total as usize);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}
