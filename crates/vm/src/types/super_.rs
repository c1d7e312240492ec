//! `super`.

use crate::object::Obj;
use crate::types::tuple::TupleData;
use crate::types::typeobj::TypeData;
use crate::types::{
    add_getsets, add_methods, alloc_instance, type_of, types, BuiltinTypes, GetSetDef, MethodDef,
};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct SuperData {
    /// The class after which the MRO search starts.
    pub this_class: Value,
    /// The bound object (instance or class), or None for unbound super.
    pub obj: Value,
    /// The type whose MRO is searched (`type(obj)` or `obj` itself).
    pub obj_type: Value,
}

/// The type whose MRO `super(class, obj)` searches.
fn super_check(class: &Obj<TypeData>, obj: &Value) -> PyResult<Value> {
    if let Some(t) = obj.downcast::<TypeData>() {
        if t.is_subtype(class) {
            return Ok(obj.clone());
        }
    }
    let ty = type_of(obj);
    if ty.is_subtype(class) {
        return Ok(ty.to_value());
    }
    // `__class__` may differ from type(obj) (proxies).
    Err(PyErr::type_error(
        "super(type, obj): obj must be an instance or subtype of type",
    ))
}

/// Looks `name` up in the MRO of the start type after `class`. Returns the raw attribute
/// and whether `obj` is an instance (not the class itself).
pub fn super_lookup(
    _vm: &mut Vm,
    class: &Value,
    obj: &Value,
    name: &Value,
) -> PyResult<(Option<Value>, bool)> {
    let Some(cls) = class.downcast::<TypeData>() else {
        return Err(PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            type_of(class).name()
        )));
    };
    let start = super_check(cls, obj)?;
    let start_t = start.downcast::<TypeData>().expect("a type");
    let mro = start_t.data.mro_tuple();
    let items = mro
        .downcast::<TupleData>()
        .map(|t| t.data.items().to_vec())
        .unwrap_or_default();
    let pos = items
        .iter()
        .position(|t| t.is(class))
        .map(|p| p + 1)
        .unwrap_or(items.len());
    for t in &items[pos..] {
        if let Some(td) = t.downcast::<TypeData>() {
            if let Some(v) = td.data.dict.data.get_str(name) {
                return Ok((Some(v), !obj.is(&start)));
            }
        }
    }
    Ok((None, !obj.is(&start)))
}

/// Binds an attribute found by `super_lookup`.
pub fn super_bind(vm: &mut Vm, found: &Value, class: &Value, obj: &Value) -> PyResult<Value> {
    let cls = class
        .downcast::<TypeData>()
        .expect("checked by super_lookup");
    let start = super_check(cls, obj)?;
    let inst = if obj.is(&start) {
        Value::NONE
    } else {
        obj.clone()
    };
    if inst.is_none() {
        return vm.bind_descriptor_to_class(found, &start);
    }
    vm.descr_get_if_descriptor(found, &inst, &start)
}

/// A `super` object.
pub fn new_super(class: Value, obj: Value, _vm: &mut Vm) -> PyResult<Value> {
    let cls = class
        .downcast::<TypeData>()
        .ok_or_else(|| PyErr::type_error("super() argument 1 must be a type"))?;
    let obj_type = if obj.is_none() {
        Value::NONE
    } else {
        super_check(cls, &obj)?
    };
    Ok(alloc_instance(
        &types().super_,
        SuperData {
            this_class: class.clone(),
            obj,
            obj_type,
        },
    ))
}

pub fn super_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let pos = args.range("super", 0, 2)?;
    let (class, obj) = match pos.len() {
        0 => zero_arg_super(vm)?,
        1 => (pos[0].clone(), Value::NONE),
        _ => (pos[0].clone(), pos[1].clone()),
    };
    let c = class.downcast::<TypeData>().ok_or_else(|| {
        PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            type_of(&class).name()
        ))
    })?;
    let obj_type = if obj.is_none() {
        Value::NONE
    } else {
        super_check(c, &obj)?
    };
    Ok(alloc_instance(
        cls,
        SuperData {
            this_class: class,
            obj,
            obj_type,
        },
    ))
}

/// `super()` inside a method: the `__class__` cell and the first argument of the caller.
fn zero_arg_super(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(f) = vm.current_frame() else {
        return Err(PyErr::runtime_error("super(): no current frame"));
    };
    let code = &f.code().data;
    if code.argcount == 0 && code.flags & krait_bytecode::code_flags::VARARGS == 0 {
        return Err(PyErr::runtime_error("super(): no arguments"));
    }
    let locals = f.locals_slice();
    let mut first = locals[0].clone();
    if let Some(cell) = first.downcast::<crate::types::cell::CellData>() {
        if code.is_cell_slot(0) {
            first = cell.data.get().unwrap_or(Value::EMPTY);
        }
    }
    if first.is_empty() {
        return Err(PyErr::runtime_error("super(): arg[0] deleted"));
    }
    let class_name = crate::intern::names().__class__.clone();
    for (i, n) in code.localsplusnames.iter().enumerate() {
        if n.is(&class_name) && code.local_kind(i) & krait_bytecode::local_kind::FREE != 0 {
            let cell = &locals[i];
            let Some(c) = cell.downcast::<crate::types::cell::CellData>() else {
                break;
            };
            return match c.data.get() {
                Some(cls) if cls.downcast::<TypeData>().is_some() => Ok((cls, first)),
                Some(_) => Err(PyErr::runtime_error("super(): __class__ is not a type")),
                None => Err(PyErr::runtime_error("super(): empty __class__ cell")),
            };
        }
    }
    Err(PyErr::runtime_error("super(): __class__ cell not found"))
}

fn sd(v: &Value) -> PyResult<&Obj<SuperData>> {
    v.downcast::<SuperData>()
        .ok_or_else(|| PyErr::type_error("expected a super object"))
}

fn super_init(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn super_getattribute(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [name] = args.exact::<1>("__getattribute__")?;
    let name = crate::interp::attr::check_attr_name(name)?;
    let s = sd(this)?;
    if !s.data.obj.is_none() && crate::interp::eval::name_str(&name) != "__class__" {
        let (found, _) = super_lookup(vm, &s.data.this_class.clone(), &s.data.obj.clone(), &name)?;
        if let Some(f) = found {
            return super_bind(vm, &f, &s.data.this_class.clone(), &s.data.obj.clone());
        }
    }
    vm.generic_getattr(this, &name)
}

fn super_get(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__get__", 1, 2)?;
    let s = sd(this)?;
    if pos[0].is_none() || !s.data.obj.is_none() {
        return Ok(this.clone());
    }
    let c = s.data.this_class.downcast::<TypeData>().expect("a type");
    let obj_type = super_check(c, &pos[0])?;
    Ok(alloc_instance(
        type_of(this),
        SuperData {
            this_class: s.data.this_class.clone(),
            obj: pos[0].clone(),
            obj_type,
        },
    ))
}

fn super_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let s = sd(this)?;
    let cname = s
        .data
        .this_class
        .downcast::<TypeData>()
        .map(|t| t.name())
        .unwrap_or_default();
    Ok(crate::types::str::new_str(if s.data.obj_type.is_none() {
        format!("<super: <class '{cname}'>, NULL>")
    } else {
        let oname = s
            .data
            .obj_type
            .downcast::<TypeData>()
            .map(|t| t.name())
            .unwrap_or_default();
        format!("<super: <class '{cname}'>, <{oname} object>>")
    }))
}

fn get_thisclass(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(sd(this)?.data.this_class.clone())
}
fn get_self(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(sd(this)?.data.obj.clone())
}
fn get_self_class(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(sd(this)?.data.obj_type.clone())
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.super_,
        &[
            MethodDef::method("__init__", super_init),
            MethodDef::method("__getattribute__", super_getattribute),
            MethodDef::method("__get__", super_get),
            MethodDef::method("__repr__", super_repr),
        ],
    );
    add_getsets(
        &t.super_,
        &[
            GetSetDef::new("__thisclass__", get_thisclass),
            GetSetDef::new("__self__", get_self),
            GetSetDef::new("__self_class__", get_self_class),
        ],
    );
}
