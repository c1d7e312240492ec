//! `set` and `frozenset` (one payload; the type says whether it is mutable).

use std::sync::atomic::{AtomicUsize, Ordering};

use krait_bytecode::ComparisonOperator;

use crate::object::{alloc, Obj};
use crate::sync::PyMutex;
use crate::types::dict_table::{locate, DictTable};
use crate::types::object::not_implemented;
use crate::types::typeobj::TypeData;
use crate::types::{add_methods, alloc_instance, type_of, types, BuiltinTypes, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct SetData {
    table: PyMutex<DictTable>,
}

impl SetData {
    pub fn new() -> SetData {
        SetData {
            table: PyMutex::new(DictTable::default()),
        }
    }

    pub fn len(&self) -> usize {
        self.table.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn items(&self) -> Vec<Value> {
        self.table.lock().iter().map(|e| e.key.clone()).collect()
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
            |t, slot| t.insert_new(slot, hash, slot_item.take().expect("once"), Value::NONE),
        )
    }

    pub fn contains(&self, vm: &mut Vm, item: &Value) -> PyResult<bool> {
        let hash = vm.hash(item)?;
        locate(&self.table, vm, item, hash, |_, _| true, |_, _| false)
    }

    /// Removes an item; returns whether it was present.
    pub fn discard(&self, vm: &mut Vm, item: &Value) -> PyResult<bool> {
        let hash = vm.hash(item)?;
        let removed = locate(
            &self.table,
            vm,
            item,
            hash,
            |t, i| Some(t.remove_entry(i)),
            |_, _| None,
        )?;
        Ok(removed.is_some())
    }

    pub fn clear(&self) {
        let old = self.table.lock().take_all();
        drop(old);
    }

    pub fn pop(&self) -> Option<Value> {
        let mut t = self.table.lock();
        let pos = (0..t.entry_count()).find(|&p| t.entry(p).is_some())?;
        Some(t.remove_entry(pos).0)
    }

    pub fn copy_table(&self) -> DictTable {
        self.table.lock().clone_table()
    }

    /// The item at entry position `pos` or later: `(next_pos, item)`.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value)> {
        let t = self.table.lock();
        let mut p = pos;
        while p < t.entry_count() {
            if let Some(e) = t.entry(p) {
                return Some((p + 1, e.key.clone()));
            }
            p += 1;
        }
        None
    }

    /// Hashes stored with the items (for frozenset hashing).
    fn hashes(&self) -> Vec<i64> {
        self.table.lock().iter().map(|e| e.hash).collect()
    }
}

impl Default for SetData {
    fn default() -> Self {
        SetData::new()
    }
}

/// A new set holding `items`.
pub fn new_set_from(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = SetData::new();
    for it in items {
        s.add(vm, it)?;
    }
    Ok(alloc(types().set.clone(), s).into_value())
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
            if t.find_native(&it, hash).is_none() {
                let slot = match t.probe(
                    &it,
                    hash,
                    crate::types::dict_table::ProbeState::start(),
                    true,
                ) {
                    crate::types::dict_table::Probe::Absent(s) => s,
                    _ => continue,
                };
                t.insert_new(slot, hash, it, Value::NONE);
            }
        }
    }
    alloc(types().frozenset.clone(), s).into_value()
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
        for it in vm.collect(x)? {
            s.add(vm, it)?;
        }
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
        for it in vm.collect(x)? {
            s.data.add(vm, it)?;
        }
    }
    Ok(Value::NONE)
}

fn set_len(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::small_int(sd(this)?.data.len() as i64))
}

/// Membership, hashing unhashable sets as frozensets (as CPython does).
pub fn contains_key(vm: &mut Vm, s: &Obj<SetData>, item: &Value) -> PyResult<bool> {
    match s.data.contains(vm, item) {
        Err(e) if e.matches(&types().exc.type_error) && item.downcast::<SetData>().is_some() => {
            let frozen = alloc(
                types().frozenset.clone(),
                SetData {
                    table: PyMutex::new(sd(item)?.data.copy_table()),
                },
            )
            .into_value();
            s.data.contains(vm, &frozen)
        }
        r => r,
    }
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
    if !sd(this)?.data.discard(vm, item)? {
        return Err(PyErr::key_error(item.clone()));
    }
    Ok(Value::NONE)
}

fn set_discard(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [item] = args.exact::<1>("discard")?;
    sd(this)?.data.discard(vm, item)?;
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

fn set_copy(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    if type_of(this).is(&types().frozenset) {
        return Ok(this.clone());
    }
    Ok(make_like(
        this,
        SetData {
            table: PyMutex::new(sd(this)?.data.copy_table()),
        },
    ))
}

/// Items of any iterable argument of a set method.
fn other_items(vm: &mut Vm, other: &Value) -> PyResult<Vec<Value>> {
    match other.downcast::<SetData>() {
        Some(s) => Ok(s.data.items()),
        None => vm.collect(other),
    }
}

fn union_into(vm: &mut Vm, target: &SetData, others: &[Value]) -> PyResult<()> {
    for o in others {
        for it in other_items(vm, o)? {
            target.add(vm, it)?;
        }
    }
    Ok(())
}

fn intersection_of(vm: &mut Vm, base: &Obj<SetData>, others: &[Value]) -> PyResult<SetData> {
    let mut cur: Vec<Value> = base.data.items();
    for o in others {
        let other_set = match o.downcast::<SetData>() {
            Some(_) => o.clone(),
            None => {
                let items = vm.collect(o)?;
                new_set_from(vm, items)?
            }
        };
        let os = sd(&other_set)?;
        let mut next = Vec::new();
        for it in cur {
            if os.data.contains(vm, &it)? {
                next.push(it);
            }
        }
        cur = next;
    }
    let s = SetData::new();
    for it in cur {
        s.add(vm, it)?;
    }
    Ok(s)
}

fn difference_of(vm: &mut Vm, base: &Obj<SetData>, others: &[Value]) -> PyResult<SetData> {
    let s = SetData {
        table: PyMutex::new(base.data.copy_table()),
    };
    for o in others {
        for it in other_items(vm, o)? {
            s.discard(vm, &it)?;
        }
    }
    Ok(s)
}

fn symmetric_difference_of(vm: &mut Vm, base: &Obj<SetData>, other: &Value) -> PyResult<SetData> {
    let s = SetData {
        table: PyMutex::new(base.data.copy_table()),
    };
    let seen = SetData::new();
    for it in other_items(vm, other)? {
        if seen.contains(vm, &it)? {
            continue;
        }
        seen.add(vm, it.clone())?;
        if !s.discard(vm, &it)? {
            s.add(vm, it)?;
        }
    }
    Ok(s)
}

fn set_union(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("union")?;
    let s = SetData {
        table: PyMutex::new(sd(this)?.data.copy_table()),
    };
    union_into(vm, &s, args.positional())?;
    Ok(make_like(this, s))
}

fn set_update(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("update")?;
    union_into(vm, &sd(this)?.data, args.positional())?;
    Ok(Value::NONE)
}

fn set_intersection(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("intersection")?;
    let s = intersection_of(vm, sd(this)?, args.positional())?;
    Ok(make_like(this, s))
}

fn set_intersection_update(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let s = intersection_of(vm, sd(this)?, args.positional())?;
    let t = sd(this)?;
    let old = std::mem::replace(&mut *t.data.table.lock(), s.table.into_inner());
    drop(old);
    Ok(Value::NONE)
}

fn set_difference(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("difference")?;
    let s = difference_of(vm, sd(this)?, args.positional())?;
    Ok(make_like(this, s))
}

fn set_difference_update(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let t = sd(this)?;
    for o in args.positional() {
        for it in other_items(vm, o)? {
            t.data.discard(vm, &it)?;
        }
    }
    Ok(Value::NONE)
}

fn set_symmetric_difference(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("symmetric_difference")?;
    let s = symmetric_difference_of(vm, sd(this)?, other)?;
    Ok(make_like(this, s))
}

fn set_symmetric_difference_update(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("symmetric_difference_update")?;
    let s = symmetric_difference_of(vm, sd(this)?, other)?;
    let old = std::mem::replace(&mut *sd(this)?.data.table.lock(), s.table.into_inner());
    drop(old);
    Ok(Value::NONE)
}

fn is_subset(vm: &mut Vm, a: &Obj<SetData>, b: &Obj<SetData>) -> PyResult<bool> {
    if a.data.len() > b.data.len() {
        return Ok(false);
    }
    for it in a.data.items() {
        if !b.data.contains(vm, &it)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.downcast::<SetData>().is_some() {
        Ok(v.clone())
    } else {
        let items = vm.collect(v)?;
        new_set_from(vm, items)
    }
}

fn set_issubset(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("issubset")?;
    let o = as_set(vm, other)?;
    Ok(Value::bool(is_subset(vm, sd(this)?, sd(&o)?)?))
}

fn set_issuperset(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("issuperset")?;
    let o = as_set(vm, other)?;
    Ok(Value::bool(is_subset(vm, sd(&o)?, sd(this)?)?))
}

fn set_isdisjoint(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("isdisjoint")?;
    let s = sd(this)?;
    for it in other_items(vm, other)? {
        if s.data.contains(vm, &it)? {
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
    let sa = sd(&a)?;
    let s = match which {
        "__or__" => {
            let s = SetData {
                table: PyMutex::new(sa.data.copy_table()),
            };
            union_into(vm, &s, std::slice::from_ref(&b))?;
            s
        }
        "__and__" => intersection_of(vm, sa, std::slice::from_ref(&b))?,
        "__sub__" => difference_of(vm, sa, std::slice::from_ref(&b))?,
        _ => symmetric_difference_of(vm, sa, &b)?,
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
    let a = sd(this)?;
    let r = match op {
        ComparisonOperator::Equal => a.data.len() == o.data.len() && is_subset(vm, a, o)?,
        ComparisonOperator::NotEqual => !(a.data.len() == o.data.len() && is_subset(vm, a, o)?),
        ComparisonOperator::LessEqual => is_subset(vm, a, o)?,
        ComparisonOperator::Less => a.data.len() < o.data.len() && is_subset(vm, a, o)?,
        ComparisonOperator::GreaterEqual => is_subset(vm, o, a)?,
        ComparisonOperator::Greater => a.data.len() > o.data.len() && is_subset(vm, o, a)?,
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
    // CPython's frozenset hash: shuffle-and-xor of item hashes.
    let hashes = sd(this)?.data.hashes();
    let mut hash: u64 = 0;
    for h in &hashes {
        let h = *h as u64;
        hash ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    }
    hash ^= (hashes.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let mut h = hash as i64;
    if h == -1 {
        h = 590923713;
    }
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
