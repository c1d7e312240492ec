//! Native functions and methods (`builtin_function_or_method`, `method_descriptor`).

use crate::object::{alloc, Obj};
use crate::types::typeobj::{NativeNewFn, TypeData, TypeRef};
use crate::types::{
    add_getsets, add_methods, types, BuiltinTypes, GetSetDef, MethodDef, MethodKind, NativeFn,
};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct BuiltinFunctionData {
    pub name: &'static str,
    pub func: NativeFn,
    /// The bound receiver; EMPTY for an unbound method descriptor, None for a module-level
    /// function.
    pub this: Value,
    /// For method descriptors: the type whose method this is.
    pub objclass: Option<TypeRef>,
    /// For `__new__` functions: the native constructor they wrap.
    pub native_new: Option<NativeNewFn>,
    pub doc: &'static str,
    /// `__module__` for module-level functions.
    pub module: Value,
}

impl BuiltinFunctionData {
    /// A module-level native function.
    pub fn function_value(name: &'static str, func: NativeFn, module: Value) -> Value {
        Self::function_value_with_doc(name, func, module, "")
    }

    /// A module-level native function with a docstring.
    pub fn function_value_with_doc(
        name: &'static str,
        func: NativeFn,
        module: Value,
        doc: &'static str,
    ) -> Value {
        let data = BuiltinFunctionData {
            name,
            func,
            this: Value::NONE,
            objclass: None,
            native_new: None,
            doc,
            module,
        };
        alloc(types().builtin_function.clone(), data).into_value()
    }

    /// The namespace entry for a `MethodDef` of type `ty`.
    pub fn method_descriptor(def: &MethodDef, ty: &Obj<TypeData>) -> Value {
        let t = types();
        match def.kind {
            MethodKind::Method => {
                let data = BuiltinFunctionData {
                    name: def.name,
                    func: def.func,
                    this: Value::EMPTY,
                    objclass: Some(ty.to_ref()),
                    native_new: None,
                    doc: def.doc,
                    module: Value::NONE,
                };
                alloc(t.method_descriptor.clone(), data).into_value()
            }
            MethodKind::ClassMethod => {
                let data = BuiltinFunctionData {
                    name: def.name,
                    func: def.func,
                    this: Value::EMPTY,
                    objclass: None,
                    native_new: None,
                    doc: def.doc,
                    module: Value::NONE,
                };
                let f = alloc(t.builtin_function.clone(), data).into_value();
                crate::types::descriptors::ClassMethodData::new_value(f)
            }
            MethodKind::StaticMethod => {
                let data = BuiltinFunctionData {
                    name: def.name,
                    func: def.func,
                    this: Value::NONE,
                    objclass: None,
                    native_new: None,
                    doc: def.doc,
                    module: Value::NONE,
                };
                let f = alloc(t.builtin_function.clone(), data).into_value();
                crate::types::descriptors::StaticMethodData::new_value(f)
            }
        }
    }

    /// The `__new__` entry of a builtin type with a native constructor.
    pub fn new_function(ty: &Obj<TypeData>, native: NativeNewFn) -> Value {
        let data = BuiltinFunctionData {
            name: "__new__",
            func: new_trampoline,
            this: ty.to_value(),
            objclass: None,
            native_new: Some(native),
            doc: "Create and return a new object.",
            module: Value::NONE,
        };
        alloc(types().builtin_function.clone(), data).into_value()
    }

    /// This function bound to `this` (method access on an instance).
    pub fn bind(&self, this: Value) -> Value {
        let data = BuiltinFunctionData {
            name: self.name,
            func: self.func,
            this,
            objclass: self.objclass.clone(),
            native_new: self.native_new,
            doc: self.doc,
            module: Value::NONE,
        };
        alloc(types().builtin_function.clone(), data).into_value()
    }
}

/// `T.__new__(cls, *args)` for a builtin type `T`: checks `cls` and runs the constructor.
fn new_trampoline(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let Some(deftype) = this.downcast::<TypeData>() else {
        return Err(PyErr::system_error("__new__ without its type"));
    };
    let pos = args.positional();
    let Some(first) = pos.first() else {
        return Err(PyErr::type_error(format!(
            "{}.__new__(): not enough arguments",
            deftype.name()
        )));
    };
    let Some(cls) = first.downcast::<TypeData>() else {
        return Err(PyErr::type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            deftype.name(),
            crate::types::type_name(first)
        )));
    };
    if !cls.is_subtype(deftype) {
        return Err(PyErr::type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            deftype.name(),
            cls.name(),
            cls.name(),
            deftype.name()
        )));
    }
    let native = deftype
        .data
        .native_new
        .ok_or_else(|| PyErr::type_error("cannot create instances"))?;
    native(vm, cls, args.skip_positional(1))
}

fn bf(v: &Value) -> PyResult<&Obj<BuiltinFunctionData>> {
    v.downcast::<BuiltinFunctionData>()
        .ok_or_else(|| PyErr::type_error("expected a builtin function"))
}

fn bf_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let f = bf(this)?;
    let s = if let Some(cls) = &f.data.objclass {
        if f.data.this.is_empty() {
            format!("<method '{}' of '{}' objects>", f.data.name, cls.name())
        } else {
            format!(
                "<built-in method {} of {} object at {:#x}>",
                f.data.name,
                crate::types::type_name(&f.data.this),
                f.data
                    .this
                    .as_header()
                    .map(|h| h as *const _ as usize)
                    .unwrap_or(0)
            )
        }
    } else if f.data.this.is_none()
        || f.data
            .this
            .downcast::<crate::types::module::ModuleData>()
            .is_some()
    {
        format!("<built-in function {}>", f.data.name)
    } else if let Some(t) = f.data.this.downcast::<TypeData>() {
        format!(
            "<built-in method {} of type object at {:#x}>",
            f.data.name,
            t.as_ptr() as usize
        )
    } else {
        format!(
            "<built-in method {} of {} object>",
            f.data.name,
            crate::types::type_name(&f.data.this)
        )
    };
    Ok(crate::types::str::new_str(s))
}

fn bf_eq(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__eq__")?;
    let a = bf(this)?;
    let Some(b) = other.downcast::<BuiltinFunctionData>() else {
        return Ok(crate::types::object::not_implemented());
    };
    let same_func =
        a.data.func as *const () == b.data.func as *const () && a.data.name == b.data.name;
    Ok(Value::bool(same_func && a.data.this.is(&b.data.this)))
}

fn bf_hash(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let a = bf(this)?;
    let h = (a.data.func as *const () as usize as i64 >> 4)
        ^ crate::types::object::identity_hash(&a.data.this);
    Ok(crate::types::int::int_from_i64(if h == -1 {
        -2
    } else {
        h
    }))
}

fn get_name(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(crate::intern::intern(bf(this)?.data.name))
}
fn get_qualname(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let f = bf(this)?;
    Ok(match &f.data.objclass {
        Some(c) => crate::types::str::new_str(format!("{}.{}", c.name(), f.data.name)),
        None => crate::intern::intern(f.data.name),
    })
}
fn get_self(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let f = bf(this)?;
    Ok(if f.data.this.is_empty() {
        Value::NONE
    } else {
        f.data.this.clone()
    })
}
fn get_doc(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let f = bf(this)?;
    Ok(if f.data.doc.is_empty() {
        Value::NONE
    } else {
        crate::types::str::new_str(f.data.doc)
    })
}
fn get_module(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(bf(this)?.data.module.clone())
}
fn get_objclass(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    match &bf(this)?.data.objclass {
        Some(c) => Ok(c.to_value()),
        None => Err(PyErr::attribute_error(
            "'builtin_function_or_method' object has no attribute '__objclass__'",
        )),
    }
}

fn bf_get(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__get__", 1, 2)?;
    vm.descr_get(this, &pos[0], pos.get(1).unwrap_or(&Value::NONE))
}

pub fn init(t: &BuiltinTypes) {
    for ty in [&t.builtin_function, &t.method_descriptor] {
        add_methods(
            ty,
            &[
                MethodDef::method("__repr__", bf_repr),
                MethodDef::method("__eq__", bf_eq),
                MethodDef::method("__hash__", bf_hash),
            ],
        );
        add_getsets(
            ty,
            &[
                GetSetDef::new("__name__", get_name),
                GetSetDef::new("__qualname__", get_qualname),
                GetSetDef::new("__self__", get_self),
                GetSetDef::new("__doc__", get_doc),
                GetSetDef::new("__module__", get_module),
            ],
        );
    }
    add_methods(
        &t.method_descriptor,
        &[MethodDef::method("__get__", bf_get)],
    );
    add_getsets(
        &t.method_descriptor,
        &[GetSetDef::new("__objclass__", get_objclass)],
    );
}
