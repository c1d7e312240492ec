//! `list`: a vector behind a per-object lock.

use krait_bytecode::ComparisonOperator;

use crate::object::{alloc, Obj};
use crate::sync::PyMutex;
use crate::types::object::not_implemented;
use crate::types::seq;
use crate::types::slice::{normalize_index, SliceData};
use crate::types::typeobj::TypeData;
use crate::types::{add_methods, alloc_instance, type_of, types, BuiltinTypes, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct ListData {
    items: PyMutex<Vec<Value>>,
}

impl ListData {
    pub fn new(items: Vec<Value>) -> ListData {
        ListData {
            items: PyMutex::new(items),
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.lock().get(i).cloned()
    }

    /// Item `i` of a possibly negative index.
    pub fn get_signed(&self, i: i64) -> Option<Value> {
        let items = self.items.lock();
        normalize_index(i, items.len()).map(|i| items[i].clone())
    }

    /// Replaces item `i` (negative allowed); false when out of range.
    pub fn set_signed(&self, i: i64, v: Value) -> bool {
        let mut items = self.items.lock();
        match normalize_index(i, items.len()) {
            Some(i) => {
                let old = std::mem::replace(&mut items[i], v);
                drop(items);
                drop(old);
                true
            }
            None => false,
        }
    }

    #[inline]
    pub fn push(&self, v: Value) {
        self.items.lock().push(v);
    }

    pub fn pop(&self) -> Option<Value> {
        self.items.lock().pop()
    }

    pub fn extend(&self, vs: Vec<Value>) {
        self.items.lock().extend(vs);
    }

    /// A copy of the items.
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.lock().clone()
    }

    /// Replaces all items.
    pub fn replace_all(&self, vs: Vec<Value>) {
        let old = std::mem::replace(&mut *self.items.lock(), vs);
        drop(old);
    }

    /// Runs `f` on the items under the lock. `f` must not call back into Python.
    pub fn with<R>(&self, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
        f(&mut self.items.lock())
    }
}

/// A new list.
pub fn new_list(items: Vec<Value>) -> Value {
    alloc(types().list.clone(), ListData::new(items)).into_value()
}

pub fn list_new(_vm: &mut Vm, cls: &Obj<TypeData>, _args: Args) -> PyResult<Value> {
    Ok(alloc_instance(cls, ListData::new(Vec::new())))
}

pub fn ld(v: &Value) -> PyResult<&Obj<ListData>> {
    v.downcast::<ListData>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'list' object but received '{}'",
            type_of(v).name()
        ))
    })
}

fn list_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("list")?;
    let pos = args.range("list", 0, 1)?;
    let items = match pos.first() {
        Some(x) => vm.collect(x)?,
        None => Vec::new(),
    };
    ld(this)?.data.replace_all(items);
    Ok(Value::NONE)
}

fn list_len(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::small_int(ld(this)?.data.len() as i64))
}

fn list_getitem(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [key] = args.exact::<1>("__getitem__")?;
    let l = ld(this)?;
    if let Some(i) = key.as_small_int() {
        return l
            .data
            .get_signed(i)
            .ok_or_else(|| PyErr::index_error("list index out of range"));
    }
    if let Some(s) = key.downcast::<SliceData>() {
        let idx = s.data.indices(vm, l.data.len())?;
        return Ok(list_slice(l, &idx));
    }
    let items = l.data.snapshot();
    seq::getitem(vm, &items, key, "list", new_list)
}

/// A new list of the items selected by resolved slice bounds.
pub fn list_slice(l: &Obj<ListData>, idx: &crate::types::slice::SliceIndices) -> Value {
    let items = l.data.with(|items| {
        if idx.step == 1 {
            let a = (idx.start.max(0) as usize).min(items.len());
            let b = (a + idx.len).min(items.len());
            items[a..b].to_vec()
        } else {
            idx.iter().filter_map(|i| items.get(i).cloned()).collect()
        }
    });
    new_list(items)
}

/// `list[key] = value` for int and slice keys.
pub fn list_setitem_impl(
    vm: &mut Vm,
    l: &Obj<ListData>,
    key: &Value,
    value: Value,
) -> PyResult<()> {
    if let Some(s) = key.downcast::<SliceData>() {
        let new_items = if value
            .downcast::<ListData>()
            .is_some_and(|v| std::ptr::eq(v, l))
        {
            l.data.snapshot()
        } else {
            vm.collect(&value).map_err(|e| {
                if e.matches(&types().exc.type_error) {
                    PyErr::type_error("can only assign an iterable")
                } else {
                    e
                }
            })?
        };
        let len = l.data.len();
        let idx = s.data.indices(vm, len)?;
        return l.data.with(|items| {
            if idx.step == 1 {
                let start = (idx.start.max(0) as usize).min(items.len());
                let stop = (idx.stop.max(idx.start).max(0) as usize)
                    .min(items.len())
                    .max(start);
                let removed: Vec<Value> = items.splice(start..stop, new_items).collect();
                drop(removed);
                return Ok(());
            }
            if new_items.len() != idx.len {
                return Err(PyErr::value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    new_items.len(),
                    idx.len
                )));
            }
            for (pos, v) in idx.iter().zip(new_items) {
                if pos < items.len() {
                    items[pos] = v;
                }
            }
            Ok(())
        });
    }
    let i = match key.as_small_int() {
        Some(i) => i,
        None => vm
            .index_value(key)
            .map_err(|_| {
                PyErr::type_error(format!(
                    "list indices must be integers or slices, not {}",
                    type_of(key).name()
                ))
            })?
            .saturating_i64(),
    };
    if l.data.set_signed(i, value) {
        Ok(())
    } else {
        Err(PyErr::index_error("list assignment index out of range"))
    }
}

fn list_setitem(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [key, value] = args.exact::<2>("__setitem__")?;
    list_setitem_impl(vm, ld(this)?, key, value.clone())?;
    Ok(Value::NONE)
}

fn list_delitem(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [key] = args.exact::<1>("__delitem__")?;
    let l = ld(this)?;
    if let Some(s) = key.downcast::<SliceData>() {
        let idx = s.data.indices(vm, l.data.len())?;
        let removed = l.data.with(|items| {
            let mut positions: Vec<usize> = idx.iter().filter(|&p| p < items.len()).collect();
            positions.sort_unstable();
            let mut removed = Vec::with_capacity(positions.len());
            for p in positions.into_iter().rev() {
                removed.push(items.remove(p));
            }
            removed
        });
        drop(removed);
        return Ok(Value::NONE);
    }
    let i = seq::index_of(vm, key, l.data.len(), "list").map_err(|e| {
        if e.matches(&types().exc.index_error) {
            PyErr::index_error("list assignment index out of range")
        } else {
            e
        }
    })?;
    let removed = l.data.with(|items| {
        if i < items.len() {
            Some(items.remove(i))
        } else {
            None
        }
    });
    match removed {
        Some(_) => Ok(Value::NONE),
        None => Err(PyErr::index_error("list assignment index out of range")),
    }
}

fn list_contains(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__contains__")?;
    let l = ld(this)?;
    let mut i = 0;
    while let Some(x) = l.data.get(i) {
        if vm.eq(&x, v)? {
            return Ok(Value::TRUE);
        }
        i += 1;
    }
    Ok(Value::FALSE)
}

fn list_iter(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::iter::SeqIterData::new_value(
        this.clone(),
        crate::types::iter::SeqKind::List,
    ))
}

fn list_reversed(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::iter::SeqIterData::new_reversed(this.clone()))
}

fn list_append(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("list.append")?;
    ld(this)?.data.push(v.clone());
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [it] = args.exact::<1>("extend")?;
    let items = vm.collect(it)?;
    ld(this)?.data.extend(items);
    Ok(Value::NONE)
}

fn list_insert(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [i, v] = args.exact::<2>("insert")?;
    let i = vm.index_value(i)?.saturating_i64();
    ld(this)?.data.with(|items| {
        let len = items.len() as i64;
        let pos = if i < 0 { (i + len).max(0) } else { i.min(len) };
        items.insert(pos as usize, v.clone());
    });
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("pop", 0, 1)?;
    let l = ld(this)?;
    let i = match pos.first() {
        Some(i) => vm.index_value(i)?.saturating_i64(),
        None => -1,
    };
    l.data.with(|items| {
        if items.is_empty() {
            return Err(PyErr::index_error("pop from empty list"));
        }
        match normalize_index(i, items.len()) {
            Some(p) => Ok(items.remove(p)),
            None => Err(PyErr::index_error("pop index out of range")),
        }
    })
}

fn list_remove(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("remove")?;
    let l = ld(this)?;
    let mut i = 0;
    while let Some(x) = l.data.get(i) {
        if vm.eq(&x, v)? {
            let removed = l.data.with(|items| {
                if i < items.len() && items[i].is(&x) {
                    Some(items.remove(i))
                } else {
                    None
                }
            });
            drop(removed);
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn list_clear(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    ld(this)?.data.replace_all(Vec::new());
    Ok(Value::NONE)
}

fn list_copy(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(new_list(ld(this)?.data.snapshot()))
}

fn list_count(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("count")?;
    let items = ld(this)?.data.snapshot();
    Ok(Value::small_int(seq::count(vm, &items, v)? as i64))
}

fn list_index(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("index", 1, 3)?;
    let items = ld(this)?.data.snapshot();
    Ok(Value::small_int(seq::index(vm, &items, pos, "list")? as i64))
}

fn list_reverse(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    ld(this)?.data.with(|items| items.reverse());
    Ok(Value::NONE)
}

/// Sorts `items` (with optional keys) stably, never panicking on inconsistent `<`.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys: Vec<Value> = match key {
        Some(k) if !k.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                ks.push(vm.call(k, std::slice::from_ref(it))?);
            }
            ks
        }
        _ => items.clone(),
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        // Reverse first so equal elements keep their original order after the final reverse.
        order.reverse();
    }
    let all_small = keys.iter().all(|k| k.is_small_int());
    let all_float = !all_small
        && keys
            .iter()
            .all(|k| k.as_float_imm().is_some_and(|f| !f.is_nan()));
    let all_str = !all_small
        && !all_float
        && keys
            .iter()
            .all(|k| crate::interp::ops::exact_str(k).is_some());
    if all_small {
        order.sort_by_key(|&i| keys[i].small_int_unchecked());
    } else if all_float {
        order.sort_by(|&a, &b| {
            keys[a]
                .float_imm_unchecked()
                .partial_cmp(&keys[b].float_imm_unchecked())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    } else if all_str {
        order.sort_by(|&a, &b| {
            let x = crate::interp::ops::exact_str(&keys[a])
                .map(|s| s.data.as_str())
                .unwrap_or("");
            let y = crate::interp::ops::exact_str(&keys[b])
                .map(|s| s.data.as_str())
                .unwrap_or("");
            x.cmp(y)
        });
    } else {
        order = merge_sort(vm, order, &keys)?;
    }
    if reverse {
        order.reverse();
    }
    let mut slots: Vec<Option<Value>> = items.into_iter().map(Some).collect();
    Ok(order
        .into_iter()
        .map(|i| slots[i].take().expect("each index once"))
        .collect())
}

/// A stable merge sort of indices by `keys[i] < keys[j]`, propagating errors.
fn merge_sort(vm: &mut Vm, mut v: Vec<usize>, keys: &[Value]) -> PyResult<Vec<usize>> {
    let n = v.len();
    // Insertion sort runs of 16.
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start {
                if vm.compare_bool(&keys[v[j]], &keys[v[j - 1]], ComparisonOperator::Less)? {
                    v.swap(j, j - 1);
                    j -= 1;
                } else {
                    break;
                }
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                buf.clear();
                let (mut i, mut j) = (lo, mid);
                while i < mid && j < hi {
                    if vm.compare_bool(&keys[v[j]], &keys[v[i]], ComparisonOperator::Less)? {
                        buf.push(v[j]);
                        j += 1;
                    } else {
                        buf.push(v[i]);
                        i += 1;
                    }
                }
                buf.extend_from_slice(&v[i..mid]);
                buf.extend_from_slice(&v[j..hi]);
                v[lo..hi].copy_from_slice(&buf);
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(v)
}

fn list_sort(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let [key, reverse] = args.bind("sort", ["key", "reverse"], 0)?;
    let reverse = match reverse {
        Some(r) => vm.is_true(r)?,
        None => false,
    };
    let l = ld(this)?;
    // The list appears empty while sorting (as in CPython); changes made meanwhile are
    // detected.
    let items = l.data.with(std::mem::take);
    let backup = items.clone();
    let r = sort_values(vm, items, key, reverse);
    let modified = l.data.with(std::mem::take);
    let was_modified = !modified.is_empty();
    drop(modified);
    match r {
        Ok(sorted) => {
            l.data.replace_all(sorted);
            if was_modified {
                return Err(PyErr::value_error("list modified during sort"));
            }
            Ok(Value::NONE)
        }
        Err(e) => {
            // The list keeps its items (in their original order) when sorting fails.
            l.data.replace_all(backup);
            Err(e)
        }
    }
}

fn cmp(vm: &mut Vm, this: &Value, args: Args, op: ComparisonOperator) -> PyResult<Value> {
    let [other] = args.exact::<1>("comparison")?;
    let Some(o) = other.downcast::<ListData>() else {
        return Ok(not_implemented());
    };
    let a = ld(this)?.data.snapshot();
    let b = o.data.snapshot();
    Ok(Value::bool(seq::compare(vm, &a, &b, op)?))
}

fn list_eq(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::Equal)
}
fn list_ne(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::NotEqual)
}
fn list_lt(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::Less)
}
fn list_le(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::LessEqual)
}
fn list_gt(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::Greater)
}
fn list_ge(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::GreaterEqual)
}

fn list_add(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__add__")?;
    let Some(o) = other.downcast::<ListData>() else {
        return Err(PyErr::type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            type_of(other).name()
        )));
    };
    let mut items = ld(this)?.data.snapshot();
    items.extend(o.data.snapshot());
    Ok(new_list(items))
}

fn list_iadd(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__iadd__")?;
    let items = vm.collect(other)?;
    ld(this)?.data.extend(items);
    Ok(this.clone())
}

fn list_mul(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [n] = args.exact::<1>("__mul__")?;
    let items = ld(this)?.data.snapshot();
    match seq::repeat(vm, &items, n)? {
        Some(v) => Ok(new_list(v)),
        None => Ok(not_implemented()),
    }
}

fn list_imul(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [n] = args.exact::<1>("__imul__")?;
    let l = ld(this)?;
    let items = l.data.snapshot();
    match seq::repeat(vm, &items, n)? {
        Some(v) => {
            l.data.replace_all(v);
            Ok(this.clone())
        }
        None => Ok(not_implemented()),
    }
}

fn list_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let l = ld(this)?;
    let items = l.data.snapshot();
    Ok(crate::types::str::new_str(seq::repr(
        vm,
        l.as_ptr() as usize,
        &items,
        "[",
        "]",
        "[...]",
    )?))
}

fn list_class_getitem(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [item] = args.exact::<1>("__class_getitem__")?;
    Ok(crate::types::typeobj_new::generic_alias(
        this.clone(),
        item.clone(),
    ))
}

fn list_sizeof(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::small_int(40 + 8 * ld(this)?.data.len() as i64))
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.list,
        &[
            MethodDef::method("__init__", list_init),
            MethodDef::method("__len__", list_len),
            MethodDef::method("__getitem__", list_getitem),
            MethodDef::method("__setitem__", list_setitem),
            MethodDef::method("__delitem__", list_delitem),
            MethodDef::method("__contains__", list_contains),
            MethodDef::method("__iter__", list_iter),
            MethodDef::method("__reversed__", list_reversed),
            MethodDef::method("__eq__", list_eq),
            MethodDef::method("__ne__", list_ne),
            MethodDef::method("__lt__", list_lt),
            MethodDef::method("__le__", list_le),
            MethodDef::method("__gt__", list_gt),
            MethodDef::method("__ge__", list_ge),
            MethodDef::method("__add__", list_add),
            MethodDef::method("__iadd__", list_iadd),
            MethodDef::method("__mul__", list_mul),
            MethodDef::method("__rmul__", list_mul),
            MethodDef::method("__imul__", list_imul),
            MethodDef::method("__repr__", list_repr),
            MethodDef::method("__sizeof__", list_sizeof),
            MethodDef::method("append", list_append),
            MethodDef::method("extend", list_extend),
            MethodDef::method("insert", list_insert),
            MethodDef::method("pop", list_pop),
            MethodDef::method("remove", list_remove),
            MethodDef::method("clear", list_clear),
            MethodDef::method("copy", list_copy),
            MethodDef::method("count", list_count),
            MethodDef::method("index", list_index),
            MethodDef::method("reverse", list_reverse),
            MethodDef::method("sort", list_sort),
            MethodDef::classmethod("__class_getitem__", list_class_getitem),
        ],
    );
    crate::types::set_type_attr(&t.list, "__hash__", Value::NONE);
}
