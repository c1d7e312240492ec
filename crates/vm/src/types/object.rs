//! `object`, `NoneType`, `NotImplementedType`, `ellipsis`.

use std::sync::OnceLock;

use crate::object::{alloc, Obj};
use crate::types::typeobj::{tflags, TypeData};
use crate::types::{
    add_getsets, add_methods, alloc_instance, type_of, types, BuiltinTypes, GetSetDef, MethodDef,
};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

/// Payload of `object()` instances and of plain Python class instances (which add
/// instance attributes after it).
pub struct ObjectData;

static NOT_IMPLEMENTED: OnceLock<u64> = OnceLock::new();
static ELLIPSIS: OnceLock<u64> = OnceLock::new();

fn singleton(cell: &OnceLock<u64>, ty: &crate::types::typeobj::TypeRef) -> Value {
    let bits = *cell.get_or_init(|| {
        let v = alloc(ty.clone(), ObjectData);
        v.header.make_immortal();
        v.into_value().into_raw()
    });
    // Immortal: a copy of the bits is a valid reference.
    unsafe { Value::from_raw(bits) }
}

/// The `NotImplemented` singleton.
pub fn not_implemented() -> Value {
    singleton(&NOT_IMPLEMENTED, &types().not_implemented_type)
}

/// The `Ellipsis` singleton.
pub fn ellipsis() -> Value {
    singleton(&ELLIPSIS, &types().ellipsis_type)
}

pub fn is_not_implemented(v: &Value) -> bool {
    v.is(&not_implemented())
}

/// `object.__new__(cls)`: allocates an instance of a class whose layout is `object`'s.
pub fn object_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let t = types();
    if cls.data.layout != crate::object::Layout::Object {
        // A builtin layout: delegate to the native constructor of that layout.
        if let Some(new) = cls.data.native_new {
            if !std::ptr::eq(new as *const (), object_new as *const ()) {
                return new(vm, cls, args);
            }
        }
        return Err(PyErr::type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            cls.name(),
            cls.name()
        )));
    }
    if !args.is_empty() {
        // Excess arguments are an error only if neither __new__ nor __init__ is overridden.
        let names = crate::intern::names();
        let new_overridden = overrides_object(cls, &names.__new__);
        let init_overridden = overrides_object(cls, &names.__init__);
        if new_overridden || !init_overridden {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                cls.name()
            )));
        }
    }
    if cls.data.has_flag(tflags::ABSTRACT) {
        return Err(crate::types::typeobj_new::abstract_instantiation_error(
            vm, cls,
        ));
    }
    if std::ptr::eq(cls, &*t.none_type) {
        return Ok(Value::NONE);
    }
    Ok(alloc_instance(cls, ObjectData))
}

fn object_init(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    if !args.is_empty() {
        let names = crate::intern::names();
        let ty = type_of(this);
        let init_overridden = overrides_object(ty, &names.__init__);
        let new_overridden = overrides_object(ty, &names.__new__);
        if init_overridden || !new_overridden {
            return Err(PyErr::type_error(if init_overridden {
                "object.__init__() takes exactly one argument (the instance to initialize)"
                    .to_string()
            } else {
                format!("{}() takes no arguments", ty.name())
            }));
        }
    }
    Ok(Value::NONE)
}

/// Whether `ty`'s `name` (found along its MRO) is not `object`'s own.
fn overrides_object(ty: &Obj<TypeData>, name: &Value) -> bool {
    let object_attr = types().object.data.dict.data.get_str(name);
    !ty.lookup(name)
        .is_some_and(|f| object_attr.is_some_and(|o| o.is(&f)))
}

/// `<module.Qualname object at 0x...>`
pub fn default_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let ty = type_of(v);
    let module = ty
        .data
        .dict
        .data
        .get_str(&crate::intern::names().__module__);
    let qual = ty.data.qualname_string();
    let addr = v
        .as_header()
        .map(|h| h as *const _ as usize)
        .unwrap_or(v.bits() as usize);
    let prefix = match module {
        Some(m) => {
            let m = vm.str_string(&m)?;
            if m == "builtins" {
                String::new()
            } else {
                format!("{m}.")
            }
        }
        None => String::new(),
    };
    Ok(format!("<{prefix}{qual} object at {addr:#x}>"))
}

fn object_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let s = default_repr(vm, this)?;
    Ok(crate::types::str::new_str(s))
}

fn object_str(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    vm.repr(this)
}

fn object_eq(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__eq__")?;
    Ok(if this.is(other) {
        Value::TRUE
    } else {
        super::object::not_implemented()
    })
}

fn object_ne(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__ne__")?;
    // Default __ne__ inverts __eq__ unless it returns NotImplemented.
    let eq = vm.call_method(
        this,
        &crate::intern::names().__eq__,
        std::slice::from_ref(other),
    )?;
    if is_not_implemented(&eq) {
        return Ok(eq);
    }
    Ok(Value::bool(!vm.is_true(&eq)?))
}

fn object_cmp_notimpl(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(not_implemented())
}

fn object_hash(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::small_int(identity_hash(this)))
}

/// CPython's pointer hash: the address rotated right by 4 bits.
pub fn identity_hash(v: &Value) -> i64 {
    let addr = v
        .as_header()
        .map(|h| h as *const _ as usize as u64)
        .unwrap_or(v.bits());
    let h = addr.rotate_right(4);
    let h = (h as i64) & crate::value::SMALL_INT_MAX;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn object_getattribute(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [name] = args.exact::<1>("__getattribute__")?;
    let name = crate::interp::attr::check_attr_name(name)?;
    vm.generic_getattr(this, &name)
}

fn object_setattr(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [name, value] = args.exact::<2>("__setattr__")?;
    let name = crate::interp::attr::check_attr_name(name)?;
    vm.generic_setattr(this, &name, Some(value.clone()))?;
    Ok(Value::NONE)
}

fn object_delattr(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [name] = args.exact::<1>("__delattr__")?;
    let name = crate::interp::attr::check_attr_name(name)?;
    vm.generic_setattr(this, &name, None)?;
    Ok(Value::NONE)
}

fn object_init_subclass(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    if args.has_kwargs() || args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            args.positional()
                .first()
                .and_then(|c| c.downcast::<TypeData>())
                .map(|c| c.name())
                .unwrap_or_else(|| "object".into())
        )));
    }
    Ok(Value::NONE)
}

fn object_subclasshook(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(not_implemented())
}

fn object_format(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [spec] = args.exact::<1>("__format__")?;
    let spec_s = vm.str_string(spec)?;
    if !spec_s.is_empty() {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_of(this).name()
        )));
    }
    vm.str(this)
}

fn object_dir(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let names = crate::interp::attr::dir_of(vm, this)?;
    Ok(crate::types::list::new_list(names))
}

fn object_sizeof(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::small_int(16))
}

fn object_reduce_ex(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Err(PyErr::type_error(format!(
        "cannot pickle '{}' object",
        type_of(this).name()
    )))
}

fn get_class(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(type_of(this).to_value())
}

fn set_class(_vm: &mut Vm, this: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::type_error("can't delete __class__ attribute"));
    };
    let Some(new_ty) = value.downcast::<TypeData>() else {
        return Err(PyErr::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            crate::types::type_name(&value)
        )));
    };
    let Some(h) = this.as_header() else {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    };
    let old = h.ty();
    let compatible = old.data.has_flag(tflags::HEAPTYPE)
        && new_ty.data.has_flag(tflags::HEAPTYPE)
        && old.data.layout == new_ty.data.layout
        && old.data.nslots() == new_ty.data.nslots()
        && old.data.has_flag(tflags::HAS_ATTRS) == new_ty.data.has_flag(tflags::HAS_ATTRS);
    if !compatible {
        if !old.data.has_flag(tflags::HEAPTYPE) || !new_ty.data.has_flag(tflags::HEAPTYPE) {
            return Err(PyErr::type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new_ty.name(),
            old.name()
        )));
    }
    // Instance values are indexed by the old class's shared keys: switch to a real dict first.
    if let Some(attrs) = h.attrs() {
        let _ = attrs.dict(&old.data.shared_keys);
    }
    h.set_ty(new_ty.to_ref());
    Ok(())
}

fn get_dict(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    match crate::interp::attr::instance_dict(this) {
        Some(d) => Ok(d.into_value()),
        None => Err(PyErr::attribute_error(format!(
            "'{}' object has no attribute '__dict__'",
            type_of(this).name()
        ))),
    }
}

fn set_dict(_vm: &mut Vm, this: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::type_error("cannot delete __dict__"));
    };
    let Some(d) = value.downcast_ref::<crate::types::dict::DictData>() else {
        return Err(PyErr::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            crate::types::type_name(&value)
        )));
    };
    match this.as_header().and_then(|h| h.attrs()) {
        Some(attrs) if type_of(this).data.has_flag(tflags::HAS_DICT) => {
            attrs.set_dict(d);
            Ok(())
        }
        _ => Err(PyErr::attribute_error(format!(
            "'{}' object has no attribute '__dict__'",
            type_of(this).name()
        ))),
    }
}

fn none_repr(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::intern::intern("None"))
}

fn none_bool(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::FALSE)
}

fn notimpl_repr(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::intern::intern("NotImplemented"))
}

fn ellipsis_repr(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::intern::intern("Ellipsis"))
}

pub fn none_new(_vm: &mut Vm, _cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    if !args.is_empty() || args.has_kwargs() {
        return Err(PyErr::type_error("NoneType takes no arguments"));
    }
    Ok(Value::NONE)
}

pub fn notimpl_new(_vm: &mut Vm, _cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    if !args.is_empty() || args.has_kwargs() {
        return Err(PyErr::type_error("NotImplementedType takes no arguments"));
    }
    Ok(not_implemented())
}

pub fn ellipsis_new(_vm: &mut Vm, _cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    if !args.is_empty() || args.has_kwargs() {
        return Err(PyErr::type_error("ellipsis takes no arguments"));
    }
    Ok(ellipsis())
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.object,
        &[
            MethodDef::method("__init__", object_init),
            MethodDef::method("__repr__", object_repr),
            MethodDef::method("__str__", object_str),
            MethodDef::method("__eq__", object_eq),
            MethodDef::method("__ne__", object_ne),
            MethodDef::method("__lt__", object_cmp_notimpl),
            MethodDef::method("__le__", object_cmp_notimpl),
            MethodDef::method("__gt__", object_cmp_notimpl),
            MethodDef::method("__ge__", object_cmp_notimpl),
            MethodDef::method("__hash__", object_hash),
            MethodDef::method("__getattribute__", object_getattribute),
            MethodDef::method("__setattr__", object_setattr),
            MethodDef::method("__delattr__", object_delattr),
            MethodDef::classmethod("__init_subclass__", object_init_subclass),
            MethodDef::classmethod("__subclasshook__", object_subclasshook),
            MethodDef::method("__format__", object_format),
            MethodDef::method("__dir__", object_dir),
            MethodDef::method("__sizeof__", object_sizeof),
            MethodDef::method("__reduce_ex__", object_reduce_ex),
            MethodDef::method("__reduce__", object_reduce_ex),
        ],
    );
    add_getsets(
        &t.object,
        &[GetSetDef::with_setter("__class__", get_class, set_class)],
    );
    add_methods(
        &t.none_type,
        &[
            MethodDef::method("__repr__", none_repr),
            MethodDef::method("__bool__", none_bool),
        ],
    );
    add_methods(
        &t.not_implemented_type,
        &[MethodDef::method("__repr__", notimpl_repr)],
    );
    add_methods(
        &t.ellipsis_type,
        &[MethodDef::method("__repr__", ellipsis_repr)],
    );
}

/// The `__dict__` descriptor installed on Python classes whose instances have a dict.
pub fn dict_getset() -> GetSetDef {
    GetSetDef::with_setter("__dict__", get_dict, set_dict)
}
