//! `tuple`.

use krait_bytecode::ComparisonOperator;

use crate::object::{alloc, Obj};
use crate::types::object::not_implemented;
use crate::types::seq;
use crate::types::typeobj::TypeData;
use crate::types::{add_methods, alloc_instance, type_of, types, BuiltinTypes, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct TupleData {
    items: Box<[Value]>,
}

impl TupleData {
    #[inline(always)]
    pub fn items(&self) -> &[Value] {
        &self.items
    }
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// A new tuple.
pub fn new_tuple(items: Vec<Value>) -> Value {
    alloc(
        types().tuple.clone(),
        TupleData {
            items: items.into_boxed_slice(),
        },
    )
    .into_value()
}

/// A tuple during bootstrap (explicit tuple type).
pub(crate) fn new_tuple_untyped(
    items: Vec<Value>,
    tuple_type: &crate::types::typeobj::TypeRef,
) -> Value {
    let t = alloc(
        tuple_type.clone(),
        TupleData {
            items: items.into_boxed_slice(),
        },
    );
    t.header.make_immortal();
    t.into_value()
}

pub fn tuple_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    args.no_kwargs("tuple")?;
    let pos = args.range("tuple", 0, 1)?;
    let items = match pos.first() {
        None => Vec::new(),
        Some(x) => {
            if cls.is(&types().tuple) && type_of(x).is(&types().tuple) {
                return Ok(x.clone());
            }
            vm.collect(x)?
        }
    };
    if cls.is(&types().tuple) {
        return Ok(new_tuple(items));
    }
    Ok(alloc_instance(
        cls,
        TupleData {
            items: items.into_boxed_slice(),
        },
    ))
}

fn td(v: &Value) -> PyResult<&Obj<TupleData>> {
    v.downcast::<TupleData>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'tuple' object but received '{}'",
            type_of(v).name()
        ))
    })
}

fn tuple_len(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::small_int(td(this)?.data.len() as i64))
}

fn tuple_getitem(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [key] = args.exact::<1>("__getitem__")?;
    let t = td(this)?;
    seq::getitem(vm, t.data.items(), key, "tuple", new_tuple)
}

fn tuple_contains(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__contains__")?;
    Ok(Value::bool(seq::contains(vm, td(this)?.data.items(), v)?))
}

fn tuple_iter(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::iter::SeqIterData::new_value(
        this.clone(),
        crate::types::iter::SeqKind::Tuple,
    ))
}

/// The tuple hash (CPython's xxHash-based combination).
pub fn tuple_hash_of(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    vm.check_stack()?;
    let mut hashes = Vec::with_capacity(items.len());
    for x in items {
        hashes.push(vm.hash(x)?);
    }
    Ok(crate::numfmt::hash_tuple(hashes))
}

fn tuple_hash(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let items = td(this)?.data.items().to_vec();
    Ok(crate::types::int::int_from_i64(tuple_hash_of(vm, &items)?))
}

fn cmp(vm: &mut Vm, this: &Value, args: Args, op: ComparisonOperator) -> PyResult<Value> {
    let [other] = args.exact::<1>("comparison")?;
    let Some(o) = other.downcast::<TupleData>() else {
        return Ok(not_implemented());
    };
    let a = td(this)?.data.items().to_vec();
    let b = o.data.items().to_vec();
    Ok(Value::bool(seq::compare(vm, &a, &b, op)?))
}

fn tuple_eq(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::Equal)
}
fn tuple_ne(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::NotEqual)
}
fn tuple_lt(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::Less)
}
fn tuple_le(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::LessEqual)
}
fn tuple_gt(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::Greater)
}
fn tuple_ge(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp(vm, this, args, ComparisonOperator::GreaterEqual)
}

fn tuple_add(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__add__")?;
    let Some(o) = other.downcast::<TupleData>() else {
        return Ok(not_implemented());
    };
    let mut items = td(this)?.data.items().to_vec();
    items.extend_from_slice(o.data.items());
    Ok(new_tuple(items))
}

fn tuple_mul(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [n] = args.exact::<1>("__mul__")?;
    let items = td(this)?.data.items().to_vec();
    match seq::repeat(vm, &items, n)? {
        Some(v) => Ok(new_tuple(v)),
        None => Ok(not_implemented()),
    }
}

fn tuple_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let t = td(this)?;
    let items = t.data.items().to_vec();
    let s = if items.len() == 1 {
        let inner = seq::repr(vm, t.as_ptr() as usize, &items, "(", "", "(...)")?;
        if inner == "(...)" {
            inner
        } else {
            format!("{inner},)")
        }
    } else {
        seq::repr(vm, t.as_ptr() as usize, &items, "(", ")", "(...)")?
    };
    Ok(crate::types::str::new_str(s))
}

fn tuple_count(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("count")?;
    let items = td(this)?.data.items().to_vec();
    Ok(Value::small_int(seq::count(vm, &items, v)? as i64))
}

fn tuple_index(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("index", 1, 3)?;
    let items = td(this)?.data.items().to_vec();
    Ok(Value::small_int(
        seq::index(vm, &items, pos, "tuple")? as i64
    ))
}

fn tuple_getnewargs(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(new_tuple(vec![new_tuple(td(this)?.data.items().to_vec())]))
}

fn tuple_class_getitem(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [item] = args.exact::<1>("__class_getitem__")?;
    Ok(crate::types::typeobj_new::generic_alias(
        this.clone(),
        item.clone(),
    ))
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.tuple,
        &[
            MethodDef::method("__len__", tuple_len),
            MethodDef::method("__getitem__", tuple_getitem),
            MethodDef::method("__contains__", tuple_contains),
            MethodDef::method("__iter__", tuple_iter),
            MethodDef::method("__hash__", tuple_hash),
            MethodDef::method("__eq__", tuple_eq),
            MethodDef::method("__ne__", tuple_ne),
            MethodDef::method("__lt__", tuple_lt),
            MethodDef::method("__le__", tuple_le),
            MethodDef::method("__gt__", tuple_gt),
            MethodDef::method("__ge__", tuple_ge),
            MethodDef::method("__add__", tuple_add),
            MethodDef::method("__mul__", tuple_mul),
            MethodDef::method("__rmul__", tuple_mul),
            MethodDef::method("__repr__", tuple_repr),
            MethodDef::method("__getnewargs__", tuple_getnewargs),
            MethodDef::method("count", tuple_count),
            MethodDef::method("index", tuple_index),
            MethodDef::classmethod("__class_getitem__", tuple_class_getitem),
        ],
    );
}
