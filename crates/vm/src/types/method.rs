//! Bound methods (`types.MethodType`).

use crate::object::{alloc, Obj};
use crate::types::typeobj::TypeData;
use crate::types::{add_getsets, add_methods, types, BuiltinTypes, GetSetDef, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct BoundMethodData {
    pub func: Value,
    pub this: Value,
}

impl BoundMethodData {
    pub fn new_value(func: Value, this: Value) -> Value {
        alloc(types().method.clone(), BoundMethodData { func, this }).into_value()
    }
}

pub fn method_new(_vm: &mut Vm, _cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let [func, this] = args.exact::<2>("method")?;
    if this.is_none() {
        return Err(PyErr::type_error("self must not be None"));
    }
    Ok(BoundMethodData::new_value(func.clone(), this.clone()))
}

fn m(v: &Value) -> PyResult<&Obj<BoundMethodData>> {
    v.downcast::<BoundMethodData>()
        .ok_or_else(|| PyErr::type_error("expected a method"))
}

fn get_func(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(m(this)?.data.func.clone())
}
fn get_self(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(m(this)?.data.this.clone())
}

fn method_getattr(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [name] = args.exact::<1>("__getattribute__")?;
    let name = crate::interp::attr::check_attr_name(name)?;
    if let Some(v) = vm.generic_getattr_opt(this, &name)? {
        return Ok(v);
    }
    // Other attributes come from the function (`__name__`, `__doc__`, ...).
    let f = m(this)?.data.func.clone();
    vm.get_attr(&f, &name)
}

fn method_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let md = m(this)?;
    let f = md.data.func.clone();
    let qual = match vm.lookup_attr(&f, &crate::intern::names().__qualname__)? {
        Some(q) => vm.str_string(&q)?,
        None => "?".into(),
    };
    let s = vm.repr_string(&md.data.this.clone())?;
    Ok(crate::types::str::new_str(format!(
        "<bound method {qual} of {s}>"
    )))
}

fn method_eq(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__eq__")?;
    let a = m(this)?;
    let Some(b) = other.downcast::<BoundMethodData>() else {
        return Ok(crate::types::object::not_implemented());
    };
    let same_self = a.data.this.is(&b.data.this);
    Ok(Value::bool(
        same_self && vm.eq(&a.data.func.clone(), &b.data.func.clone())?,
    ))
}

fn method_hash(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let md = m(this)?;
    let h = crate::types::object::identity_hash(&md.data.this) ^ vm.hash(&md.data.func.clone())?;
    Ok(crate::types::int::int_from_i64(if h == -1 {
        -2
    } else {
        h
    }))
}

pub fn init(t: &BuiltinTypes) {
    add_getsets(
        &t.method,
        &[
            GetSetDef::new("__func__", get_func),
            GetSetDef::new("__self__", get_self),
        ],
    );
    add_methods(
        &t.method,
        &[
            MethodDef::method("__getattribute__", method_getattr),
            MethodDef::method("__repr__", method_repr),
            MethodDef::method("__eq__", method_eq),
            MethodDef::method("__hash__", method_hash),
        ],
    );
}
