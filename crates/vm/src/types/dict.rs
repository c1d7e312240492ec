//! `dict`, its views and iterators, and `mappingproxy`.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::intern::names;
use crate::object::{alloc, Obj, ObjRef};
use crate::sync::PyMutex;
use crate::types::dict_table::{DictTable, Probe, ProbeState};
use crate::types::object::not_implemented;
use crate::types::str::StrData;
use crate::types::typeobj::TypeData;
use crate::types::{
    add_getsets, add_methods, alloc_instance, type_of, types, BuiltinTypes, GetSetDef, MethodDef,
};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct DictData {
    table: PyMutex<DictTable>,
}

impl Default for DictData {
    fn default() -> Self {
        DictData::new()
    }
}

/// The cached hash of a str (no Python code involved).
#[inline]
fn str_hash(key: &Value) -> Option<i64> {
    key.downcast::<StrData>().map(|s| s.data.hash())
}

impl DictData {
    pub fn new() -> DictData {
        DictData {
            table: PyMutex::new(DictTable::default()),
        }
    }

    pub fn from_table(t: DictTable) -> DictData {
        DictData {
            table: PyMutex::new(t),
        }
    }

    /// A new empty `dict`.
    pub fn new_ref() -> ObjRef<DictData> {
        alloc(types().dict.clone(), DictData::new())
    }

    pub fn len(&self) -> usize {
        self.table.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn version(&self) -> u64 {
        self.table.lock().version()
    }

    /// Looks up a str key (native equality only; non-str keys never match).
    #[inline]
    pub fn get_str(&self, key: &Value) -> Option<Value> {
        let hash = str_hash(key)?;
        let t = self.table.lock();
        t.find_str(key, hash).map(|i| t.entries[i].value.clone())
    }

    /// Sets a str key.
    pub fn set_str(&self, key: Value, value: Value) {
        let Some(hash) = str_hash(&key) else { return };
        let mut t = self.table.lock();
        match t.probe(&key, hash, ProbeState::start(), true) {
            Probe::Found(i) => {
                let old = std::mem::replace(&mut t.entries[i].value, value);
                drop(t);
                drop(old);
            }
            Probe::Absent(slot) => t.insert_new(slot, hash, key, value),
            Probe::NeedEq { .. } => unreachable!("str-only probes never ask for __eq__"),
        }
    }

    /// Deletes a str key, returning its value.
    pub fn del_str(&self, key: &Value) -> Option<Value> {
        let hash = str_hash(key)?;
        let mut t = self.table.lock();
        let i = t.find_native(key, hash)?;
        let (k, v) = t.remove_entry(i);
        drop(t);
        drop(k);
        Some(v)
    }

    fn locate<R>(
        &self,
        vm: &mut Vm,
        key: &Value,
        hash: i64,
        on_found: impl FnMut(&mut DictTable, usize) -> R,
        on_absent: impl FnMut(&mut DictTable, usize) -> R,
    ) -> PyResult<R> {
        crate::types::dict_table::locate(&self.table, vm, key, hash, on_found, on_absent)
    }

    /// `self[key]`, or None.
    pub fn get_item(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = match str_hash(key) {
            Some(h) => {
                let t = self.table.lock();
                if let Some(i) = t.find_native(key, h) {
                    return Ok(Some(t.entries[i].value.clone()));
                }
                h
            }
            None => vm.hash(key)?,
        };
        self.locate(
            vm,
            key,
            hash,
            |t, i| Some(t.entries[i].value.clone()),
            |_, _| None,
        )
    }

    /// `self[key] = value`.
    pub fn set_item(&self, vm: &mut Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = match str_hash(&key) {
            Some(h) => h,
            None => vm.hash(&key)?,
        };
        let value = std::cell::RefCell::new(Some(value));
        let mut key_slot = Some(key.clone());
        let old = self.locate(
            vm,
            &key,
            hash,
            |t, i| {
                Some(std::mem::replace(
                    &mut t.entries[i].value,
                    value.borrow_mut().take().expect("once"),
                ))
            },
            |t, slot| {
                t.insert_new(
                    slot,
                    hash,
                    key_slot.take().expect("once"),
                    value.borrow_mut().take().expect("once"),
                );
                None
            },
        )?;
        drop(old);
        Ok(())
    }

    /// `del self[key]`; returns the removed value, or None if absent.
    pub fn del_item(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = match str_hash(key) {
            Some(h) => h,
            None => vm.hash(key)?,
        };
        let removed = self.locate(vm, key, hash, |t, i| Some(t.remove_entry(i)), |_, _| None)?;
        Ok(removed.map(|(_k, v)| v))
    }

    /// Key and value at entry position `pos` or later: `(next_pos, key, value)`.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value, Value)> {
        let t = self.table.lock();
        let mut p = pos;
        while p < t.entry_count() {
            if let Some(e) = t.entry(p) {
                return Some((p + 1, e.key.clone(), e.value.clone()));
            }
            p += 1;
        }
        None
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table
            .lock()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.table.lock().iter().map(|e| e.key.clone()).collect()
    }

    /// `(hash, key)` of every entry, in order.
    pub fn keys_with_hashes(&self) -> Vec<(i64, Value)> {
        self.table
            .lock()
            .iter()
            .map(|e| (e.hash, e.key.clone()))
            .collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.table.lock().iter().map(|e| e.value.clone()).collect()
    }

    pub fn clear(&self) {
        let old = self.table.lock().take_all();
        drop(old);
    }

    /// A copy of the table (same entries, same order).
    pub fn copy_table(&self) -> DictTable {
        self.table.lock().clone_table()
    }

    /// Removes and returns the last item.
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let mut t = self.table.lock();
        let pos = t.last_pos()?;
        Some(t.remove_entry(pos))
    }

    /// Updates from another dict's items.
    pub fn update_from(&self, vm: &mut Vm, other: &DictData) -> PyResult<()> {
        for (k, v) in other.items() {
            self.set_item(vm, k, v)?;
        }
        Ok(())
    }
}

pub fn dict_new(_vm: &mut Vm, cls: &Obj<TypeData>, _args: Args) -> PyResult<Value> {
    Ok(alloc_instance(cls, DictData::new()))
}

/// The dict payload of a value (dict or subclass).
pub fn dd(v: &Value) -> PyResult<&Obj<DictData>> {
    v.downcast::<DictData>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            type_of(v).name()
        ))
    })
}

/// `dict.update(other, **kwargs)` semantics (also `dict(...)` construction).
pub fn dict_update_from(
    vm: &mut Vm,
    d: &Obj<DictData>,
    other: Option<&Value>,
    kwargs: Args,
) -> PyResult<()> {
    if let Some(other) = other {
        if let Some(o) = other.downcast::<DictData>() {
            if type_of(other).lookup(&names().keys).is_some_and(|k| {
                types()
                    .dict
                    .data
                    .dict
                    .data
                    .get_str(&names().keys)
                    .is_some_and(|dk| dk.is(&k))
            }) {
                let items = o.data.items();
                for (k, v) in items {
                    d.data.set_item(vm, k, v)?;
                }
                return dict_update_kwargs(vm, d, kwargs);
            }
        }
        if let Some(keys) = vm.lookup_attr(other, &names().keys)? {
            let keys = vm.call(&keys, &[])?;
            for k in vm.collect(&keys)? {
                let v = vm.get_item(other, &k)?;
                d.data.set_item(vm, k, v)?;
            }
        } else {
            let it = vm.get_iter(other)?;
            let mut i = 0usize;
            while let Some(item) = vm.next(&it)? {
                let pair = vm.collect(&item).map_err(|_| {
                    PyErr::type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    ))
                })?;
                if pair.len() != 2 {
                    return Err(PyErr::value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                let mut p = pair.into_iter();
                let (k, v) = (p.next().expect("len 2"), p.next().expect("len 2"));
                d.data.set_item(vm, k, v)?;
                i += 1;
            }
        }
    }
    dict_update_kwargs(vm, d, kwargs)
}

fn dict_update_kwargs(vm: &mut Vm, d: &Obj<DictData>, kwargs: Args) -> PyResult<()> {
    for (k, v) in kwargs.kwnames().iter().zip(kwargs.kwvalues()) {
        d.data.set_item(vm, k.clone(), v.clone())?;
    }
    Ok(())
}

fn dict_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "dict expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    dict_update_from(vm, dd(this)?, pos.first(), args)?;
    Ok(Value::NONE)
}

fn dict_getitem(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [key] = args.exact::<1>("__getitem__")?;
    let d = dd(this)?;
    match d.data.get_item(vm, key)? {
        Some(v) => Ok(v),
        None => {
            if !type_of(this).is(&types().dict) {
                if let Some(m) = type_of(this).lookup(&names().__missing__) {
                    return vm.call_descriptor(&m, this, std::slice::from_ref(key));
                }
            }
            Err(PyErr::key_error(key.clone()))
        }
    }
}

fn dict_setitem(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [key, value] = args.exact::<2>("__setitem__")?;
    dd(this)?.data.set_item(vm, key.clone(), value.clone())?;
    Ok(Value::NONE)
}

fn dict_delitem(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [key] = args.exact::<1>("__delitem__")?;
    match dd(this)?.data.del_item(vm, key)? {
        Some(_) => Ok(Value::NONE),
        None => Err(PyErr::key_error(key.clone())),
    }
}

fn dict_contains(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [key] = args.exact::<1>("__contains__")?;
    Ok(Value::bool(dd(this)?.data.get_item(vm, key)?.is_some()))
}

fn dict_len(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::small_int(dd(this)?.data.len() as i64))
}

fn dict_get(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("get", 1, 2)?;
    Ok(dd(this)?
        .data
        .get_item(vm, &pos[0])?
        .unwrap_or_else(|| pos.get(1).cloned().unwrap_or(Value::NONE)))
}

fn dict_setdefault(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("setdefault", 1, 2)?;
    let d = dd(this)?;
    if let Some(v) = d.data.get_item(vm, &pos[0])? {
        return Ok(v);
    }
    let default = pos.get(1).cloned().unwrap_or(Value::NONE);
    d.data.set_item(vm, pos[0].clone(), default.clone())?;
    Ok(default)
}

fn dict_pop(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("pop", 1, 2)?;
    match dd(this)?.data.del_item(vm, &pos[0])? {
        Some(v) => Ok(v),
        None => match pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::key_error(pos[0].clone())),
        },
    }
}

fn dict_popitem(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("popitem")?;
    match dd(this)?.data.pop_last() {
        Some((k, v)) => Ok(crate::types::tuple::new_tuple(vec![k, v])),
        None => Err(PyErr::with_args(
            &types().exc.key_error,
            vec![crate::types::str::new_str("popitem(): dictionary is empty")],
        )),
    }
}

fn dict_keys(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(DictViewData::new_value(this.clone(), ViewKind::Keys))
}
fn dict_values(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(DictViewData::new_value(this.clone(), ViewKind::Values))
}
fn dict_items(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(DictViewData::new_value(this.clone(), ViewKind::Items))
}

fn dict_update(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "update expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    dict_update_from(vm, dd(this)?, pos.first(), args)?;
    Ok(Value::NONE)
}

fn dict_clear(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    dd(this)?.data.clear();
    Ok(Value::NONE)
}

fn dict_copy(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let t = dd(this)?.data.copy_table();
    Ok(alloc(types().dict.clone(), DictData::from_table(t)).into_value())
}

fn dict_fromkeys(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("fromkeys", 1, 2)?;
    let value = pos.get(1).cloned().unwrap_or(Value::NONE);
    let d = vm.call(this, &[])?;
    let keys = vm.collect(&pos[0])?;
    if let (Some(dd), true) = (d.downcast::<DictData>(), this.is_type(&types().dict)) {
        for k in keys {
            dd.data.set_item(vm, k, value.clone())?;
        }
    } else {
        for k in keys {
            vm.set_item(&d, &k, value.clone())?;
        }
    }
    Ok(d)
}

fn dict_iter(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(DictIterData::new_value(this.clone(), ViewKind::Keys, false))
}

fn dict_reversed(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(DictIterData::new_value(this.clone(), ViewKind::Keys, true))
}

/// `dict == dict` (values compared with `==`).
pub fn dict_equal(vm: &mut Vm, a: &Obj<DictData>, b: &Obj<DictData>) -> PyResult<bool> {
    if a.data.len() != b.data.len() {
        return Ok(false);
    }
    for (k, v) in a.data.items() {
        match b.data.get_item(vm, &k)? {
            Some(w) => {
                if !vm.eq(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

fn dict_eq(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__eq__")?;
    let Some(o) = other.downcast::<DictData>() else {
        return Ok(not_implemented());
    };
    Ok(Value::bool(dict_equal(vm, dd(this)?, o)?))
}

fn dict_ne(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__ne__")?;
    let Some(o) = other.downcast::<DictData>() else {
        return Ok(not_implemented());
    };
    Ok(Value::bool(!dict_equal(vm, dd(this)?, o)?))
}

fn dict_or(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__or__")?;
    let (Some(a), Some(b)) = (this.downcast::<DictData>(), other.downcast::<DictData>()) else {
        return Ok(not_implemented());
    };
    let new = alloc(
        types().dict.clone(),
        DictData::from_table(a.data.copy_table()),
    );
    new.data.update_from(vm, &b.data)?;
    Ok(new.into_value())
}

fn dict_ror(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__ror__")?;
    let (Some(a), Some(b)) = (other.downcast::<DictData>(), this.downcast::<DictData>()) else {
        return Ok(not_implemented());
    };
    let new = alloc(
        types().dict.clone(),
        DictData::from_table(a.data.copy_table()),
    );
    new.data.update_from(vm, &b.data)?;
    Ok(new.into_value())
}

fn dict_ior(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__ior__")?;
    dict_update_from(vm, dd(this)?, Some(other), Args::new(&[]))?;
    Ok(this.clone())
}

/// `repr` of a dict, with `{...}` for self-reference.
fn dict_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let d = dd(this)?;
    let id = d.as_ptr() as usize;
    if vm.repr_stack.contains(&id) {
        return Ok(crate::types::str::new_str("{...}"));
    }
    vm.check_stack()?;
    vm.repr_stack.push(id);
    let r = (|| {
        let mut s = String::from("{");
        for (i, (k, v)) in d.data.items().into_iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&vm.repr_string(&k)?);
            s.push_str(": ");
            s.push_str(&vm.repr_string(&v)?);
        }
        s.push('}');
        Ok(s)
    })();
    vm.repr_stack.pop();
    let s = r?;
    Ok(crate::types::str::new_str(s))
}

fn dict_class_getitem(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [item] = args.exact::<1>("__class_getitem__")?;
    Ok(crate::types::typeobj_new::generic_alias(
        this.clone(),
        item.clone(),
    ))
}

fn dict_sizeof(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::small_int(48 + 24 * dd(this)?.data.len() as i64))
}

// ----- views -----

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

pub struct DictViewData {
    pub dict: Value,
    pub kind: ViewKind,
}

impl DictViewData {
    pub fn new_value(dict: Value, kind: ViewKind) -> Value {
        let t = types();
        let ty = match kind {
            ViewKind::Keys => &t.dict_keys,
            ViewKind::Values => &t.dict_values,
            ViewKind::Items => &t.dict_items,
        };
        alloc(ty.clone(), DictViewData { dict, kind }).into_value()
    }
}

fn view(v: &Value) -> PyResult<&Obj<DictViewData>> {
    v.downcast::<DictViewData>()
        .ok_or_else(|| PyErr::type_error("expected a dict view"))
}

fn view_items(v: &Obj<DictViewData>) -> Vec<Value> {
    let Some(d) = v.data.dict.downcast::<DictData>() else {
        return Vec::new();
    };
    match v.data.kind {
        ViewKind::Keys => d.data.keys(),
        ViewKind::Values => d.data.values(),
        ViewKind::Items => d
            .data
            .items()
            .into_iter()
            .map(|(k, v)| crate::types::tuple::new_tuple(vec![k, v]))
            .collect(),
    }
}

fn view_len(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let v = view(this)?;
    Ok(Value::small_int(
        v.data
            .dict
            .downcast::<DictData>()
            .map(|d| d.data.len())
            .unwrap_or(0) as i64,
    ))
}

fn view_iter(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let v = view(this)?;
    Ok(DictIterData::new_value(
        v.data.dict.clone(),
        v.data.kind,
        false,
    ))
}

fn view_reversed(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let v = view(this)?;
    Ok(DictIterData::new_value(
        v.data.dict.clone(),
        v.data.kind,
        true,
    ))
}

fn view_contains(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [item] = args.exact::<1>("__contains__")?;
    let v = view(this)?;
    let d = dd(&v.data.dict)?;
    match v.data.kind {
        ViewKind::Keys => Ok(Value::bool(d.data.get_item(vm, item)?.is_some())),
        ViewKind::Items => {
            let Some(t) = item.downcast::<crate::types::tuple::TupleData>() else {
                return Ok(Value::FALSE);
            };
            if t.data.len() != 2 {
                return Ok(Value::FALSE);
            }
            let (k, val) = (t.data.items()[0].clone(), t.data.items()[1].clone());
            match d.data.get_item(vm, &k)? {
                Some(found) => Ok(Value::bool(vm.eq(&found, &val)?)),
                None => Ok(Value::FALSE),
            }
        }
        ViewKind::Values => {
            for x in d.data.values() {
                if vm.eq(&x, item)? {
                    return Ok(Value::TRUE);
                }
            }
            Ok(Value::FALSE)
        }
    }
}

fn view_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let v = view(this)?;
    let items = crate::types::list::new_list(view_items(v));
    let inner = vm.repr_string(&items)?;
    Ok(crate::types::str::new_str(format!(
        "{}({inner})",
        type_of(this).name()
    )))
}

fn view_mapping(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(MappingProxyData::new_value(view(this)?.data.dict.clone()))
}

/// A new set of a view operand's items (CPython's `dictviews_to_set`: a keys view of an
/// exact dict is built from the dict itself, which pre-sizes the set).
fn view_operand_to_set(vm: &mut Vm, operand: &Value) -> PyResult<Value> {
    let source = match operand.downcast::<DictViewData>() {
        Some(v) if v.data.kind == ViewKind::Keys && type_of(&v.data.dict).is(&types().dict) => {
            v.data.dict.clone()
        }
        _ => operand.clone(),
    };
    let set = crate::types::set::new_set_from(vm, Vec::new())?;
    crate::types::set::update_set(vm, &set, &source)?;
    Ok(set)
}

/// A view's items and another iterable's items as two new sets (comparisons).
fn view_and_other_as_sets(
    vm: &mut Vm,
    v: &Obj<DictViewData>,
    other: &Value,
) -> PyResult<(Value, Value)> {
    let mine = crate::types::set::new_set_from(vm, view_items(v))?;
    let other_items = vm.collect(other)?;
    let theirs = crate::types::set::new_set_from(vm, other_items)?;
    Ok((mine, theirs))
}

fn is_set_like_view(v: &Value) -> bool {
    v.downcast::<DictViewData>()
        .is_some_and(|o| o.data.kind != ViewKind::Values)
}

/// `view & other` (CPython's `_PyDictView_Intersect`): iterate the smaller side, keep the
/// items the other side contains.
fn view_intersect(vm: &mut Vm, left: &Value, right: &Value) -> PyResult<Value> {
    let (mut this, mut other) = if is_set_like_view(left) {
        (left.clone(), right.clone())
    } else {
        (right.clone(), left.clone())
    };
    let len_this = vm.len(&this)?;
    if type_of(&other).is(&types().set) && len_this <= vm.len(&other)? {
        let name = crate::intern::intern("intersection");
        return vm.call_method(&other, &name, &[this]);
    }
    if is_set_like_view(&other) && vm.len(&other)? > len_this {
        std::mem::swap(&mut this, &mut other);
    }
    let result = crate::types::set::new_set_from(vm, Vec::new())?;
    let it = vm.get_iter(&other)?;
    while let Some(item) = vm.next(&it)? {
        if vm.contains(&this, &item)? {
            crate::types::set::add_to_set(vm, &result, item)?;
        }
    }
    Ok(result)
}

/// Set operations on keys/items views produce sets, built as CPython builds them: a set of
/// the left operand, then updated in place by the right one (the order in which items are
/// added decides the result's iteration order).
fn view_setop(
    vm: &mut Vm,
    this: &Value,
    other: &Value,
    op: &str,
    reflected: bool,
) -> PyResult<Value> {
    view(this)?;
    if !crate::types::iter::is_iterable(other) {
        return Ok(not_implemented());
    }
    let (left, right) = if reflected {
        (other, this)
    } else {
        (this, other)
    };
    if op == "__and__" {
        return view_intersect(vm, left, right);
    }
    let result = view_operand_to_set(vm, left)?;
    let method = match op {
        "__or__" => "update",
        "__sub__" => "difference_update",
        _ => "symmetric_difference_update",
    };
    vm.call_method(
        &result,
        &crate::intern::intern(method),
        std::slice::from_ref(right),
    )?;
    Ok(result)
}

fn view_and(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("__and__")?;
    view_setop(vm, this, o, "__and__", false)
}
fn view_or(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("__or__")?;
    view_setop(vm, this, o, "__or__", false)
}
fn view_sub(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("__sub__")?;
    view_setop(vm, this, o, "__sub__", false)
}
fn view_xor(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("__xor__")?;
    view_setop(vm, this, o, "__xor__", false)
}
fn view_rand(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("__rand__")?;
    view_setop(vm, this, o, "__and__", true)
}
fn view_ror(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("__ror__")?;
    view_setop(vm, this, o, "__or__", true)
}
fn view_rsub(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("__rsub__")?;
    view_setop(vm, this, o, "__sub__", true)
}
fn view_rxor(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("__rxor__")?;
    view_setop(vm, this, o, "__xor__", true)
}

fn view_eq(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__eq__")?;
    let v = view(this)?;
    if v.data.kind == ViewKind::Values {
        return Ok(Value::bool(this.is(other)));
    }
    let is_setlike =
        is_set_like_view(other) || other.downcast::<crate::types::set::SetData>().is_some();
    if !is_setlike {
        return Ok(not_implemented());
    }
    let (mine, theirs) = view_and_other_as_sets(vm, v, other)?;
    vm.rich_compare(&mine, &theirs, krait_bytecode::ComparisonOperator::Equal)
}

fn view_order(
    vm: &mut Vm,
    this: &Value,
    args: Args,
    op: krait_bytecode::ComparisonOperator,
) -> PyResult<Value> {
    let [other] = args.exact::<1>("comparison")?;
    let v = view(this)?;
    let is_setlike =
        is_set_like_view(other) || other.downcast::<crate::types::set::SetData>().is_some();
    if v.data.kind == ViewKind::Values || !is_setlike {
        return Ok(not_implemented());
    }
    let (mine, theirs) = view_and_other_as_sets(vm, v, other)?;
    vm.rich_compare(&mine, &theirs, op)
}

fn view_lt(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    view_order(vm, this, args, krait_bytecode::ComparisonOperator::Less)
}
fn view_le(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    view_order(
        vm,
        this,
        args,
        krait_bytecode::ComparisonOperator::LessEqual,
    )
}
fn view_gt(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    view_order(vm, this, args, krait_bytecode::ComparisonOperator::Greater)
}
fn view_ge(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    view_order(
        vm,
        this,
        args,
        krait_bytecode::ComparisonOperator::GreaterEqual,
    )
}
fn view_ne(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let r = view_eq(vm, this, args)?;
    Ok(match r.as_bool() {
        Some(b) => Value::bool(!b),
        None => r,
    })
}

fn view_isdisjoint(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("isdisjoint")?;
    let v = view(this)?;
    let mine = crate::types::set::new_set_from(vm, view_items(v))?;
    for x in vm.collect(other)? {
        if vm.contains(&mine, &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

// ----- iterators -----

pub struct DictIterData {
    pub dict: Value,
    pub kind: ViewKind,
    pub reversed: bool,
    pos: AtomicUsize,
    /// The dict size when iteration started (to detect changes).
    len_at_start: usize,
    remaining: AtomicUsize,
}

impl DictIterData {
    pub fn new_value(dict: Value, kind: ViewKind, reversed: bool) -> Value {
        let t = types();
        let ty = match kind {
            ViewKind::Keys => &t.dict_keyiterator,
            ViewKind::Values => &t.dict_valueiterator,
            ViewKind::Items => &t.dict_itemiterator,
        };
        let (len, start) = match dict.downcast::<DictData>() {
            Some(d) => {
                let t = d.data.table.lock();
                (t.len(), if reversed { t.entry_count() } else { 0 })
            }
            None => (0, 0),
        };
        alloc(
            ty.clone(),
            DictIterData {
                dict,
                kind,
                reversed,
                pos: AtomicUsize::new(start),
                len_at_start: len,
                remaining: AtomicUsize::new(len),
            },
        )
        .into_value()
    }

    /// The next item, `Ok(None)` at the end.
    pub fn next(&self) -> PyResult<Option<Value>> {
        let Some(d) = self.dict.downcast::<DictData>() else {
            return Ok(None);
        };
        let t = d.data.table.lock();
        if t.len() != self.len_at_start {
            // Exhaust so the error is raised once and iteration stops.
            self.len_once_changed();
            return Err(PyErr::runtime_error(
                "dictionary changed size during iteration",
            ));
        }
        let mut p = self.pos.load(Ordering::Relaxed);
        let found = if self.reversed {
            loop {
                if p == 0 {
                    break None;
                }
                p -= 1;
                if let Some(e) = t.entry(p) {
                    break Some(e);
                }
            }
        } else {
            loop {
                if p >= t.entry_count() {
                    break None;
                }
                let e = t.entry(p);
                p += 1;
                if let Some(e) = e {
                    break Some(e);
                }
            }
        };
        self.pos.store(p, Ordering::Relaxed);
        let Some(e) = found else { return Ok(None) };
        self.remaining.fetch_sub(1, Ordering::Relaxed);
        Ok(Some(match self.kind {
            ViewKind::Keys => e.key.clone(),
            ViewKind::Values => e.value.clone(),
            ViewKind::Items => {
                let (k, v) = (e.key.clone(), e.value.clone());
                drop(t);
                crate::types::tuple::new_tuple(vec![k, v])
            }
        }))
    }

    fn len_once_changed(&self) {
        self.pos.store(usize::MAX / 2, Ordering::Relaxed);
    }

    pub fn length_hint(&self) -> usize {
        self.remaining.load(Ordering::Relaxed)
    }
}

fn dict_iter_next(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let it = this
        .downcast::<DictIterData>()
        .ok_or_else(|| PyErr::type_error("expected a dict iterator"))?;
    match it.data.next()? {
        Some(v) => Ok(v),
        None => Err(PyErr::stop_iteration(Value::NONE)),
    }
}

fn iter_self(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(this.clone())
}

fn dict_iter_length_hint(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let it = this
        .downcast::<DictIterData>()
        .ok_or_else(|| PyErr::type_error("expected a dict iterator"))?;
    Ok(Value::small_int(it.data.length_hint() as i64))
}

// ----- mappingproxy -----

pub struct MappingProxyData {
    pub mapping: Value,
}

impl MappingProxyData {
    pub fn new_value(mapping: Value) -> Value {
        alloc(types().mappingproxy.clone(), MappingProxyData { mapping }).into_value()
    }
}

pub fn mappingproxy_new(_vm: &mut Vm, _cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let [m] = args.exact::<1>("mappingproxy")?;
    Ok(MappingProxyData::new_value(m.clone()))
}

fn mp(v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<MappingProxyData>()
        .ok_or_else(|| PyErr::type_error("expected a mappingproxy"))?
        .data
        .mapping
        .clone())
}

fn mp_getitem(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [k] = args.exact::<1>("__getitem__")?;
    vm.get_item(&mp(this)?, k)
}
fn mp_len(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::small_int(vm.len(&mp(this)?)? as i64))
}
fn mp_contains(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [k] = args.exact::<1>("__contains__")?;
    Ok(Value::bool(vm.contains(&mp(this)?, k)?))
}
fn mp_iter(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    vm.get_iter(&mp(this)?)
}
fn mp_forward(vm: &mut Vm, this: &Value, args: Args, name: &str) -> PyResult<Value> {
    let m = mp(this)?;
    let f = vm.get_attr(&m, &crate::intern::intern(name))?;
    vm.call_value(&f, args)
}
fn mp_get(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    mp_forward(vm, this, args, "get")
}
fn mp_keys(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    mp_forward(vm, this, args, "keys")
}
fn mp_values(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    mp_forward(vm, this, args, "values")
}
fn mp_items(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    mp_forward(vm, this, args, "items")
}
fn mp_copy(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    mp_forward(vm, this, args, "copy")
}
fn mp_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let r = vm.repr_string(&mp(this)?)?;
    Ok(crate::types::str::new_str(format!("mappingproxy({r})")))
}
fn mp_eq(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("__eq__")?;
    vm.rich_compare(&mp(this)?, o, krait_bytecode::ComparisonOperator::Equal)
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.dict,
        &[
            MethodDef::method("__init__", dict_init),
            MethodDef::method("__getitem__", dict_getitem),
            MethodDef::method("__setitem__", dict_setitem),
            MethodDef::method("__delitem__", dict_delitem),
            MethodDef::method("__contains__", dict_contains),
            MethodDef::method("__len__", dict_len),
            MethodDef::method("__iter__", dict_iter),
            MethodDef::method("__reversed__", dict_reversed),
            MethodDef::method("__eq__", dict_eq),
            MethodDef::method("__ne__", dict_ne),
            MethodDef::method("__or__", dict_or),
            MethodDef::method("__ror__", dict_ror),
            MethodDef::method("__ior__", dict_ior),
            MethodDef::method("__repr__", dict_repr),
            MethodDef::method("__sizeof__", dict_sizeof),
            MethodDef::method("get", dict_get),
            MethodDef::method("setdefault", dict_setdefault),
            MethodDef::method("pop", dict_pop),
            MethodDef::method("popitem", dict_popitem),
            MethodDef::method("keys", dict_keys),
            MethodDef::method("values", dict_values),
            MethodDef::method("items", dict_items),
            MethodDef::method("update", dict_update),
            MethodDef::method("clear", dict_clear),
            MethodDef::method("copy", dict_copy),
            MethodDef::classmethod("fromkeys", dict_fromkeys),
            MethodDef::classmethod("__class_getitem__", dict_class_getitem),
        ],
    );
    crate::types::set_type_attr(&t.dict, "__hash__", Value::NONE);
    for ty in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        add_methods(
            ty,
            &[
                MethodDef::method("__len__", view_len),
                MethodDef::method("__iter__", view_iter),
                MethodDef::method("__reversed__", view_reversed),
                MethodDef::method("__contains__", view_contains),
                MethodDef::method("__repr__", view_repr),
                MethodDef::method("__eq__", view_eq),
            ],
        );
        add_getsets(ty, &[GetSetDef::new("mapping", view_mapping)]);
    }
    for ty in [&t.dict_keys, &t.dict_items] {
        add_methods(
            ty,
            &[
                MethodDef::method("__and__", view_and),
                MethodDef::method("__or__", view_or),
                MethodDef::method("__sub__", view_sub),
                MethodDef::method("__xor__", view_xor),
                MethodDef::method("__rand__", view_rand),
                MethodDef::method("__ror__", view_ror),
                MethodDef::method("__rsub__", view_rsub),
                MethodDef::method("__rxor__", view_rxor),
                MethodDef::method("isdisjoint", view_isdisjoint),
                MethodDef::method("__lt__", view_lt),
                MethodDef::method("__le__", view_le),
                MethodDef::method("__gt__", view_gt),
                MethodDef::method("__ge__", view_ge),
                MethodDef::method("__ne__", view_ne),
            ],
        );
        crate::types::set_type_attr(ty, "__hash__", Value::NONE);
    }
    for ty in [
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
    ] {
        add_methods(
            ty,
            &[
                MethodDef::method("__next__", dict_iter_next),
                MethodDef::method("__iter__", iter_self),
                MethodDef::method("__length_hint__", dict_iter_length_hint),
            ],
        );
    }
    add_methods(
        &t.mappingproxy,
        &[
            MethodDef::method("__getitem__", mp_getitem),
            MethodDef::method("__len__", mp_len),
            MethodDef::method("__contains__", mp_contains),
            MethodDef::method("__iter__", mp_iter),
            MethodDef::method("get", mp_get),
            MethodDef::method("keys", mp_keys),
            MethodDef::method("values", mp_values),
            MethodDef::method("items", mp_items),
            MethodDef::method("copy", mp_copy),
            MethodDef::method("__repr__", mp_repr),
            MethodDef::method("__eq__", mp_eq),
        ],
    );
}
