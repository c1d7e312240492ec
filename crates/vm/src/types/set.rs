//! `set` and `frozenset` (one payload; the type says whether it is mutable).
//!
//! The operations follow CPython's algorithms step for step where the step order decides
//! the resulting table layout (and so the iteration order a program prints): which operand
//! is iterated, when the table is pre-sized, when a copy is made first.

use std::sync::atomic::{AtomicUsize, Ordering};

use krait_bytecode::ComparisonOperator;

use crate::object::{alloc, Obj};
use crate::sync::PyMutex;
use crate::types::dict_table::{locate, Probe};
use crate::types::object::not_implemented;
use crate::types::set_table::{SetProbeState, SetTable};
use crate::types::typeobj::TypeData;
use crate::types::{add_methods, alloc_instance, type_of, types, BuiltinTypes, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct SetData {
    table: PyMutex<SetTable>,
}

impl SetData {
    pub fn new() -> SetData {
        SetData::from_table(SetTable::default())
    }

    fn from_table(t: SetTable) -> SetData {
        SetData {
            table: PyMutex::new(t),
        }
    }

    pub fn len(&self) -> usize {
        self.table.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items in iteration order.
    pub fn items(&self) -> Vec<Value> {
        self.table.lock().iter().map(|e| e.key.clone()).collect()
    }

    /// `(hash, item)` pairs in iteration order.
    fn entries(&self) -> Vec<(i64, Value)> {
        self.table
            .lock()
            .iter()
            .map(|e| (e.hash, e.key.clone()))
            .collect()
    }

    /// Adds an item.
    pub fn add(&self, vm: &mut Vm, item: Value) -> PyResult<()> {
        let hash = vm.hash(&item)?;
        self.add_hashed(vm, item, hash)
    }

    fn add_hashed(&self, vm: &mut Vm, item: Value, hash: i64) -> PyResult<()> {
        let mut slot_item = Some(item.clone());
        locate(
            &self.table,
            vm,
            &item,
            hash,
            |_, _| (),
            |t, slot| t.insert_new(slot, hash, slot_item.take().expect("once")),
        )
    }

    pub fn contains(&self, vm: &mut Vm, item: &Value) -> PyResult<bool> {
        let hash = vm.hash(item)?;
        self.contains_hashed(vm, item, hash)
    }

    fn contains_hashed(&self, vm: &mut Vm, item: &Value, hash: i64) -> PyResult<bool> {
        locate(&self.table, vm, item, hash, |_, _| true, |_, _| false)
    }

    /// Removes an item; returns whether it was present.
    pub fn discard(&self, vm: &mut Vm, item: &Value) -> PyResult<bool> {
        let hash = vm.hash(item)?;
        self.discard_hashed(vm, item, hash)
    }

    fn discard_hashed(&self, vm: &mut Vm, item: &Value, hash: i64) -> PyResult<bool> {
        let removed = locate(
            &self.table,
            vm,
            item,
            hash,
            |t, slot| Some(t.remove_at(slot)),
            |_, _| None,
        )?;
        Ok(removed.is_some())
    }

    pub fn clear(&self) {
        let old = self.table.lock().take_all();
        drop(old);
    }

    pub fn pop(&self) -> Option<Value> {
        self.table.lock().pop()
    }

    /// A copy of the table as it is now.
    fn snapshot(&self) -> SetTable {
        self.table.lock().clone()
    }

    /// The item at slot `pos` or later: `(next_pos, item)`.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value)> {
        self.table.lock().next_from(pos)
    }

    /// Adds every item of another set (CPython's `set_merge`).
    fn merge(&self, vm: &mut Vm, other: &SetData) -> PyResult<()> {
        let snap = other.snapshot();
        {
            let mut t = self.table.lock();
            if t.merge_into_empty(&snap) {
                return Ok(());
            }
            t.reserve_for(snap.len());
        }
        for e in snap.iter() {
            self.add_hashed(vm, e.key.clone(), e.hash)?;
        }
        Ok(())
    }

    /// Adds every item of `other` (CPython's `set_update_internal`).
    fn update(&self, vm: &mut Vm, other: &Value) -> PyResult<()> {
        if let Some(o) = other.downcast::<SetData>() {
            if std::ptr::eq(&o.data, self) {
                return Ok(());
            }
            return self.merge(vm, &o.data);
        }
        if type_of(other).is(&types().dict) {
            let d = crate::types::dict::dd(other)?;
            let keys = d.data.keys_with_hashes();
            self.table.lock().reserve_for(keys.len());
            for (hash, key) in keys {
                self.add_hashed(vm, key, hash)?;
            }
            return Ok(());
        }
        let it = vm.get_iter(other)?;
        while let Some(item) = vm.next(&it)? {
            self.add(vm, item)?;
        }
        Ok(())
    }

    /// Replaces the contents with `other`'s (CPython's `set_swap_bodies`).
    fn replace_with(&self, other: SetData) {
        let old = self.table.lock().replace_body(other.table.into_inner());
        drop(old);
    }

    /// Drops dummies once they are more than a quarter of the table.
    fn compact_if_sparse(&self) {
        self.table.lock().compact_if_sparse();
    }

    /// Removes every item of `other` (CPython's `set_difference_update_internal`).
    fn difference_update(&self, vm: &mut Vm, other: &Value) -> PyResult<()> {
        if let Some(o) = other.downcast::<SetData>() {
            if std::ptr::eq(&o.data, self) {
                self.clear();
                return Ok(());
            }
            // When the other set is much larger, remove only the common items.
            let src = if (o.data.len() >> 3) > self.len() {
                intersection(vm, self, other)?.entries()
            } else {
                o.data.entries()
            };
            for (hash, key) in src {
                self.discard_hashed(vm, &key, hash)?;
            }
        } else {
            let it = vm.get_iter(other)?;
            while let Some(item) = vm.next(&it)? {
                self.discard(vm, &item)?;
            }
        }
        self.compact_if_sparse();
        Ok(())
    }

    /// Toggles each `(hash, item)` (the core of `symmetric_difference_update`).
    fn toggle_all(&self, vm: &mut Vm, items: Vec<(i64, Value)>) -> PyResult<()> {
        for (hash, key) in items {
            if !self.discard_hashed(vm, &key, hash)? {
                self.add_hashed(vm, key, hash)?;
            }
        }
        Ok(())
    }

    /// CPython's `set_symmetric_difference_update`.
    fn symmetric_difference_update(&self, vm: &mut Vm, other: &Value) -> PyResult<()> {
        if let Some(o) = other.downcast::<SetData>() {
            if std::ptr::eq(&o.data, self) {
                self.clear();
                return Ok(());
            }
            return self.toggle_all(vm, o.data.entries());
        }
        if type_of(other).is(&types().dict) {
            let keys = crate::types::dict::dd(other)?.data.keys_with_hashes();
            return self.toggle_all(vm, keys);
        }
        let tmp = SetData::new();
        tmp.update(vm, other)?;
        self.toggle_all(vm, tmp.entries())
    }
}

impl Default for SetData {
    fn default() -> Self {
        SetData::new()
    }
}

/// A copy of a set's contents (CPython's `set_copy`: a merge into an empty set).
fn copy_of(vm: &mut Vm, s: &SetData) -> PyResult<SetData> {
    let r = SetData::new();
    r.merge(vm, s)?;
    Ok(r)
}

/// CPython's `set_intersection`: iterate the smaller set (or the iterable), keeping the
/// items the other side contains.
fn intersection(vm: &mut Vm, so: &SetData, other: &Value) -> PyResult<SetData> {
    let result = SetData::new();
    if let Some(o) = other.downcast::<SetData>() {
        if std::ptr::eq(&o.data, so) {
            return copy_of(vm, so);
        }
        let (big, small) = if o.data.len() > so.len() {
            (&o.data, so)
        } else {
            (so, &o.data)
        };
        for (hash, key) in small.entries() {
            if big.contains_hashed(vm, &key, hash)? {
                result.add_hashed(vm, key, hash)?;
            }
        }
        return Ok(result);
    }
    let it = vm.get_iter(other)?;
    while let Some(key) = vm.next(&it)? {
        let hash = vm.hash(&key)?;
        if so.contains_hashed(vm, &key, hash)? {
            result.add_hashed(vm, key, hash)?;
            if result.len() >= so.len() {
                break;
            }
        }
    }
    Ok(result)
}

/// CPython's `set_difference`.
fn difference(vm: &mut Vm, so: &SetData, other: &Value) -> PyResult<SetData> {
    let other_set = other.downcast::<SetData>();
    let other_dict = if type_of(other).is(&types().dict) {
        Some(crate::types::dict::dd(other)?)
    } else {
        None
    };
    let other_size = match (other_set, other_dict) {
        (Some(s), _) => Some(s.data.len()),
        (None, Some(d)) => Some(d.data.len()),
        _ => None,
    };
    if other_size.is_none_or(|n| (so.len() >> 2) > n) {
        let r = copy_of(vm, so)?;
        r.difference_update(vm, other)?;
        return Ok(r);
    }
    let result = SetData::new();
    for (hash, key) in so.entries() {
        let present = match (other_set, other_dict) {
            (Some(s), _) => s.data.contains_hashed(vm, &key, hash)?,
            (None, Some(d)) => d.data.get_item(vm, &key)?.is_some(),
            _ => unreachable!("sized above"),
        };
        if !present {
            result.add_hashed(vm, key, hash)?;
        }
    }
    Ok(result)
}

/// CPython's `set_symmetric_difference`: a new set of `other`, toggled by `so`.
fn symmetric_difference(vm: &mut Vm, so: &SetData, other: &Value) -> PyResult<SetData> {
    let result = SetData::new();
    result.update(vm, other)?;
    result.toggle_all(vm, so.entries())?;
    Ok(result)
}

/// CPython's `set_issubset`.
fn is_subset(vm: &mut Vm, so: &SetData, other: &Value) -> PyResult<bool> {
    let Some(o) = other.downcast::<SetData>() else {
        let common = intersection(vm, so, other)?;
        return Ok(common.len() == so.len());
    };
    if so.len() > o.data.len() {
        return Ok(false);
    }
    for (hash, key) in so.entries() {
        if !o.data.contains_hashed(vm, &key, hash)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// CPython's `set_issuperset`.
fn is_superset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if let Some(o) = other.downcast::<SetData>() {
        return is_subset(vm, &o.data, so);
    }
    let s = sd(so)?;
    let it = vm.get_iter(other)?;
    while let Some(key) = vm.next(&it)? {
        if !s.data.contains(vm, &key)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A new set holding `items` (added in order, as `BUILD_SET` does).
pub fn new_set_from(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = SetData::new();
    for it in items {
        s.add(vm, it)?;
    }
    Ok(alloc(types().set.clone(), s).into_value())
}

/// Adds one item to `set`.
pub fn add_to_set(vm: &mut Vm, set: &Value, item: Value) -> PyResult<()> {
    sd(set)?.data.add(vm, item)
}

/// Adds every item of `iterable` to `set` (`SET_UPDATE`, `{*a, *b}`).
pub fn update_set(vm: &mut Vm, set: &Value, iterable: &Value) -> PyResult<()> {
    sd(set)?.data.update(vm, iterable)
}

/// A frozenset of constants (hashable builtin values; no Python code runs).
pub fn new_frozenset_from_consts(items: Vec<Value>) -> Value {
    let s = SetData::new();
    {
        let mut t = s.table.lock();
        for it in items {
            let Some(hash) = crate::types::native_hash(&it) else {
                continue;
            };
            if let Probe::Absent(slot) = t.probe(&it, hash, SetProbeState::default(), true) {
                t.insert_new(slot, hash, it);
            }
        }
    }
    alloc(types().frozenset.clone(), s).into_value()
}

/// The value of a frozenset constant in compiled code. CPython's compiler builds the
/// frozenset from the source items, then its constant merging rebuilds it from the first
/// set's iteration order; the slot layout (and so the iteration order of
/// `{19, 3, 11, 8}`, which copies it) is that of the second build.
pub fn frozenset_constant(items: Vec<Value>) -> Value {
    let first = new_frozenset_from_consts(items);
    let order = sd(&first).map(|s| s.data.items()).unwrap_or_default();
    new_frozenset_from_consts(order)
}

fn make_like(this: &Value, s: SetData) -> Value {
    let t = types();
    let ty = if type_of(this).is_subtype(&t.frozenset) {
        &t.frozenset
    } else {
        &t.set
    };
    alloc(ty.clone(), s).into_value()
}

pub fn set_new(_vm: &mut Vm, cls: &Obj<TypeData>, _args: Args) -> PyResult<Value> {
    Ok(alloc_instance(cls, SetData::new()))
}

pub fn frozenset_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    args.no_kwargs("frozenset")?;
    let pos = args.range("frozenset", 0, 1)?;
    if let Some(x) = pos.first() {
        if cls.is(&types().frozenset) && type_of(x).is(&types().frozenset) {
            return Ok(x.clone());
        }
    }
    let s = SetData::new();
    if let Some(x) = pos.first() {
        s.update(vm, x)?;
    }
    Ok(alloc_instance(cls, s))
}

fn sd(v: &Value) -> PyResult<&Obj<SetData>> {
    v.downcast::<SetData>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'set' object but received '{}'",
            type_of(v).name()
        ))
    })
}

fn is_set_like(v: &Value) -> bool {
    v.downcast::<SetData>().is_some()
}

fn set_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("set")?;
    let pos = args.range("set", 0, 1)?;
    let s = sd(this)?;
    s.data.clear();
    if let Some(x) = pos.first() {
        s.data.update(vm, x)?;
    }
    Ok(Value::NONE)
}

fn set_len(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::small_int(sd(this)?.data.len() as i64))
}

/// Runs `op` with `item`, retrying with a frozenset copy when `item` is an unhashable set
/// (CPython lets `{1} in s`, `s.remove({1})` and `s.discard({1})` find frozensets).
fn with_frozen_key<R>(
    vm: &mut Vm,
    item: &Value,
    mut op: impl FnMut(&mut Vm, &Value) -> PyResult<R>,
) -> PyResult<R> {
    match op(vm, item) {
        Err(e) if e.matches(&types().exc.type_error) && item.downcast::<SetData>().is_some() => {
            let frozen = alloc(
                types().frozenset.clone(),
                SetData::from_table(sd(item)?.data.snapshot()),
            )
            .into_value();
            op(vm, &frozen)
        }
        r => r,
    }
}

/// Membership, hashing unhashable sets as frozensets (as CPython does).
pub fn contains_key(vm: &mut Vm, s: &Obj<SetData>, item: &Value) -> PyResult<bool> {
    with_frozen_key(vm, item, |vm, k| s.data.contains(vm, k))
}

fn set_contains(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [item] = args.exact::<1>("__contains__")?;
    Ok(Value::bool(contains_key(vm, sd(this)?, item)?))
}

fn set_iter(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(SetIterData::new_value(this.clone()))
}

fn set_add(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [item] = args.exact::<1>("add")?;
    sd(this)?.data.add(vm, item.clone())?;
    Ok(Value::NONE)
}

fn set_remove(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [item] = args.exact::<1>("remove")?;
    let s = sd(this)?;
    if !with_frozen_key(vm, item, |vm, k| s.data.discard(vm, k))? {
        return Err(PyErr::key_error(item.clone()));
    }
    Ok(Value::NONE)
}

fn set_discard(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [item] = args.exact::<1>("discard")?;
    let s = sd(this)?;
    with_frozen_key(vm, item, |vm, k| s.data.discard(vm, k))?;
    Ok(Value::NONE)
}

fn set_pop(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    sd(this)?.data.pop().ok_or_else(|| {
        PyErr::with_args(
            &types().exc.key_error,
            vec![crate::types::str::new_str("pop from an empty set")],
        )
    })
}

fn set_clear(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    sd(this)?.data.clear();
    Ok(Value::NONE)
}

fn set_copy(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    if type_of(this).is(&types().frozenset) {
        return Ok(this.clone());
    }
    let s = copy_of(vm, &sd(this)?.data)?;
    Ok(make_like(this, s))
}

fn set_union(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("union")?;
    let s = copy_of(vm, &sd(this)?.data)?;
    for o in args.positional() {
        if !o.is(this) {
            s.update(vm, o)?;
        }
    }
    Ok(make_like(this, s))
}

fn set_update(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("update")?;
    let s = sd(this)?;
    for o in args.positional() {
        s.data.update(vm, o)?;
    }
    Ok(Value::NONE)
}

/// `intersection(*others)`: successive intersections, starting from the set itself.
fn intersection_multi(vm: &mut Vm, this: &Value, others: &[Value]) -> PyResult<SetData> {
    let Some((first, rest)) = others.split_first() else {
        return copy_of(vm, &sd(this)?.data);
    };
    let mut result = intersection(vm, &sd(this)?.data, first)?;
    for o in rest {
        result = intersection(vm, &result, o)?;
    }
    Ok(result)
}

fn set_intersection(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("intersection")?;
    let s = intersection_multi(vm, this, args.positional())?;
    Ok(make_like(this, s))
}

fn set_intersection_update(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("intersection_update")?;
    let s = intersection_multi(vm, this, args.positional())?;
    sd(this)?.data.replace_with(s);
    Ok(Value::NONE)
}

fn set_difference(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("difference")?;
    let so = &sd(this)?.data;
    let s = match args.positional().split_first() {
        None => copy_of(vm, so)?,
        Some((first, rest)) => {
            let r = difference(vm, so, first)?;
            for o in rest {
                r.difference_update(vm, o)?;
            }
            r
        }
    };
    Ok(make_like(this, s))
}

fn set_difference_update(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("difference_update")?;
    let s = sd(this)?;
    for o in args.positional() {
        s.data.difference_update(vm, o)?;
    }
    Ok(Value::NONE)
}

fn set_symmetric_difference(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("symmetric_difference")?;
    let s = symmetric_difference(vm, &sd(this)?.data, other)?;
    Ok(make_like(this, s))
}

fn set_symmetric_difference_update(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("symmetric_difference_update")?;
    sd(this)?.data.symmetric_difference_update(vm, other)?;
    Ok(Value::NONE)
}

fn set_issubset(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("issubset")?;
    Ok(Value::bool(is_subset(vm, &sd(this)?.data, other)?))
}

fn set_issuperset(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("issuperset")?;
    sd(this)?;
    Ok(Value::bool(is_superset(vm, this, other)?))
}

fn set_isdisjoint(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("isdisjoint")?;
    let s = &sd(this)?.data;
    if other.is(this) {
        return Ok(Value::bool(s.is_empty()));
    }
    if let Some(o) = other.downcast::<SetData>() {
        let (big, small) = if o.data.len() > s.len() {
            (&o.data, s)
        } else {
            (s, &o.data)
        };
        for (hash, key) in small.entries() {
            if big.contains_hashed(vm, &key, hash)? {
                return Ok(Value::FALSE);
            }
        }
        return Ok(Value::TRUE);
    }
    let it = vm.get_iter(other)?;
    while let Some(key) = vm.next(&it)? {
        if s.contains(vm, &key)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn binop(vm: &mut Vm, this: &Value, args: Args, which: &str, reflected: bool) -> PyResult<Value> {
    let [other] = args.exact::<1>(which)?;
    if !is_set_like(other) {
        return Ok(not_implemented());
    }
    let (a, b) = if reflected {
        (other.clone(), this.clone())
    } else {
        (this.clone(), other.clone())
    };
    let sa = &sd(&a)?.data;
    let s = match which {
        "__or__" => {
            let s = copy_of(vm, sa)?;
            if !a.is(&b) {
                s.update(vm, &b)?;
            }
            s
        }
        "__and__" => intersection(vm, sa, &b)?,
        "__sub__" => difference(vm, sa, &b)?,
        _ => symmetric_difference(vm, sa, &b)?,
    };
    Ok(make_like(&a, s))
}

fn set_or(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(vm, this, args, "__or__", false)
}
fn set_and(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(vm, this, args, "__and__", false)
}
fn set_sub(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(vm, this, args, "__sub__", false)
}
fn set_xor(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(vm, this, args, "__xor__", false)
}
fn set_ror(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(vm, this, args, "__or__", true)
}
fn set_rand(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(vm, this, args, "__and__", true)
}
fn set_rsub(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(vm, this, args, "__sub__", true)
}
fn set_rxor(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(vm, this, args, "__xor__", true)
}

fn inplace(vm: &mut Vm, this: &Value, args: Args, which: &str) -> PyResult<Value> {
    let [other] = args.exact::<1>(which)?;
    if !is_set_like(other) {
        return Ok(not_implemented());
    }
    let a = args.positional();
    match which {
        "__ior__" => set_update(vm, this, Args::new(a))?,
        "__iand__" => set_intersection_update(vm, this, Args::new(a))?,
        "__isub__" => set_difference_update(vm, this, Args::new(a))?,
        _ => set_symmetric_difference_update(vm, this, Args::new(a))?,
    };
    Ok(this.clone())
}

fn set_ior(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    inplace(vm, this, args, "__ior__")
}
fn set_iand(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    inplace(vm, this, args, "__iand__")
}
fn set_isub(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    inplace(vm, this, args, "__isub__")
}
fn set_ixor(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    inplace(vm, this, args, "__ixor__")
}

fn cmp(vm: &mut Vm, this: &Value, args: Args, op: ComparisonOperator) -> PyResult<Value> {
    let [other] = args.exact::<1>("comparison")?;
    let Some(o) = other.downcast::<SetData>() else {
        return Ok(not_implemented());
    };
    let (a, o) = (&sd(this)?.data, &o.data);
    let r = match op {
        ComparisonOperator::Equal => a.len() == o.len() && is_subset(vm, a, other)?,
        ComparisonOperator::NotEqual => !(a.len() == o.len() && is_subset(vm, a, other)?),
        ComparisonOperator::LessEqual => is_subset(vm, a, other)?,
        ComparisonOperator::Less => a.len() < o.len() && is_subset(vm, a, other)?,
        ComparisonOperator::GreaterEqual => is_subset(vm, o, this)?,
        ComparisonOperator::Greater => a.len() > o.len() && is_subset(vm, o, this)?,
    };
    Ok(Value::bool(r))
}

fn set_eq(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::Equal)
}
fn set_ne(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::NotEqual)
}
fn set_lt(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::Less)
}
fn set_le(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::LessEqual)
}
fn set_gt(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::Greater)
}
fn set_ge(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::GreaterEqual)
}

fn set_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let s = sd(this)?;
    let items = s.data.items();
    let name = type_of(this).name();
    let is_plain_set = type_of(this).is(&types().set);
    if items.is_empty() {
        return Ok(crate::types::str::new_str(format!("{name}()")));
    }
    let inner = crate::types::seq::repr(
        vm,
        s.as_ptr() as usize,
        &items,
        "{",
        "}",
        &format!("{name}(...)"),
    )?;
    Ok(crate::types::str::new_str(if is_plain_set {
        inner
    } else {
        format!("{name}({inner})")
    }))
}

fn frozenset_hash(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let h = sd(this)?.data.table.lock().frozen_hash();
    Ok(crate::types::int::int_from_i64(h))
}

fn set_class_getitem(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [item] = args.exact::<1>("__class_getitem__")?;
    Ok(crate::types::typeobj_new::generic_alias(
        this.clone(),
        item.clone(),
    ))
}

// ----- iterator -----

pub struct SetIterData {
    set: Value,
    pos: AtomicUsize,
    len_at_start: usize,
}

impl SetIterData {
    pub fn new_value(set: Value) -> Value {
        let len = set.downcast::<SetData>().map(|s| s.data.len()).unwrap_or(0);
        alloc(
            types().set_iterator.clone(),
            SetIterData {
                set,
                pos: AtomicUsize::new(0),
                len_at_start: len,
            },
        )
        .into_value()
    }

    pub fn next(&self) -> PyResult<Option<Value>> {
        let Some(s) = self.set.downcast::<SetData>() else {
            return Ok(None);
        };
        if s.data.len() != self.len_at_start {
            self.pos.store(usize::MAX / 2, Ordering::Relaxed);
            return Err(PyErr::runtime_error("Set changed size during iteration"));
        }
        let p = self.pos.load(Ordering::Relaxed);
        match s.data.next_entry(p) {
            Some((np, v)) => {
                self.pos.store(np, Ordering::Relaxed);
                Ok(Some(v))
            }
            None => {
                self.pos.store(usize::MAX / 2, Ordering::Relaxed);
                Ok(None)
            }
        }
    }
}

fn set_iter_next(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let it = this
        .downcast::<SetIterData>()
        .ok_or_else(|| PyErr::type_error("expected a set iterator"))?;
    it.data
        .next()?
        .ok_or_else(|| PyErr::stop_iteration(Value::NONE))
}

fn iter_self(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(this.clone())
}

pub fn init(t: &BuiltinTypes) {
    let common = [
        MethodDef::method("__len__", set_len),
        MethodDef::method("__contains__", set_contains),
        MethodDef::method("__iter__", set_iter),
        MethodDef::method("__repr__", set_repr),
        MethodDef::method("__eq__", set_eq),
        MethodDef::method("__ne__", set_ne),
        MethodDef::method("__lt__", set_lt),
        MethodDef::method("__le__", set_le),
        MethodDef::method("__gt__", set_gt),
        MethodDef::method("__ge__", set_ge),
        MethodDef::method("__or__", set_or),
        MethodDef::method("__and__", set_and),
        MethodDef::method("__sub__", set_sub),
        MethodDef::method("__xor__", set_xor),
        MethodDef::method("__ror__", set_ror),
        MethodDef::method("__rand__", set_rand),
        MethodDef::method("__rsub__", set_rsub),
        MethodDef::method("__rxor__", set_rxor),
        MethodDef::method("copy", set_copy),
        MethodDef::method("union", set_union),
        MethodDef::method("intersection", set_intersection),
        MethodDef::method("difference", set_difference),
        MethodDef::method("symmetric_difference", set_symmetric_difference),
        MethodDef::method("issubset", set_issubset),
        MethodDef::method("issuperset", set_issuperset),
        MethodDef::method("isdisjoint", set_isdisjoint),
        MethodDef::classmethod("__class_getitem__", set_class_getitem),
    ];
    add_methods(&t.set, &common);
    add_methods(&t.frozenset, &common);
    add_methods(
        &t.set,
        &[
            MethodDef::method("__init__", set_init),
            MethodDef::method("add", set_add),
            MethodDef::method("remove", set_remove),
            MethodDef::method("discard", set_discard),
            MethodDef::method("pop", set_pop),
            MethodDef::method("clear", set_clear),
            MethodDef::method("update", set_update),
            MethodDef::method("intersection_update", set_intersection_update),
            MethodDef::method("difference_update", set_difference_update),
            MethodDef::method(
                "symmetric_difference_update",
                set_symmetric_difference_update,
            ),
            MethodDef::method("__ior__", set_ior),
            MethodDef::method("__iand__", set_iand),
            MethodDef::method("__isub__", set_isub),
            MethodDef::method("__ixor__", set_ixor),
        ],
    );
    crate::types::set_type_attr(&t.set, "__hash__", Value::NONE);
    add_methods(
        &t.frozenset,
        &[MethodDef::method("__hash__", frozenset_hash)],
    );
    add_methods(
        &t.set_iterator,
        &[
            MethodDef::method("__next__", set_iter_next),
            MethodDef::method("__iter__", iter_self),
        ],
    );
}
