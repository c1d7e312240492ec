//! Descriptor types: `property`, `classmethod`, `staticmethod`, native attributes
//! (`getset_descriptor`) and `__slots__` members (`member_descriptor`).

use crate::object::{alloc, Obj};
use crate::sync::PyMutex;
use crate::types::typeobj::{TypeData, TypeRef};
use crate::types::{
    add_getsets, add_methods, alloc_instance, type_of, types, BuiltinTypes, GetSetDef, GetterFn,
    MethodDef, SetterFn,
};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

// ----- property -----

pub struct PropertyData {
    state: PyMutex<PropertyState>,
}

#[derive(Clone)]
struct PropertyState {
    fget: Value,
    fset: Value,
    fdel: Value,
    doc: Value,
    name: Value,
}

impl PropertyData {
    pub fn fget(&self) -> Value {
        self.state.lock().fget.clone()
    }
    pub fn fset(&self) -> Value {
        self.state.lock().fset.clone()
    }
    pub fn fdel(&self) -> Value {
        self.state.lock().fdel.clone()
    }
    /// `'name' ` (with a trailing space) for error messages, or empty.
    pub fn name_for_error(&self) -> String {
        let n = self.state.lock().name.clone();
        match n.downcast::<crate::types::str::StrData>() {
            Some(s) => format!("'{}' ", s.data.as_str()),
            None => String::new(),
        }
    }
}

pub fn property_new(_vm: &mut Vm, cls: &Obj<TypeData>, _args: Args) -> PyResult<Value> {
    let state = PropertyState {
        fget: Value::NONE,
        fset: Value::NONE,
        fdel: Value::NONE,
        doc: Value::NONE,
        name: Value::NONE,
    };
    Ok(alloc_instance(
        cls,
        PropertyData {
            state: PyMutex::new(state),
        },
    ))
}

fn prop(v: &Value) -> PyResult<&Obj<PropertyData>> {
    v.downcast::<PropertyData>()
        .ok_or_else(|| PyErr::type_error("expected a property"))
}

fn property_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [fget, fset, fdel, doc] = args.bind("property", ["fget", "fset", "fdel", "doc"], 0)?;
    let p = prop(this)?;
    let fget = fget.cloned().unwrap_or(Value::NONE);
    let mut doc = doc.cloned().unwrap_or(Value::NONE);
    if doc.is_none() && !fget.is_none() {
        if let Some(d) = vm.lookup_attr(&fget, &crate::intern::names().__doc__)? {
            doc = d;
        }
    }
    let mut st = p.data.state.lock();
    st.fget = fget;
    st.fset = fset.cloned().unwrap_or(Value::NONE);
    st.fdel = fdel.cloned().unwrap_or(Value::NONE);
    st.doc = doc;
    Ok(Value::NONE)
}

fn property_copy_with(vm: &mut Vm, this: &Value, which: usize, f: &Value) -> PyResult<Value> {
    let p = prop(this)?;
    let mut st = p.data.state.lock().clone();
    match which {
        0 => st.fget = f.clone(),
        1 => st.fset = f.clone(),
        _ => st.fdel = f.clone(),
    }
    let cls = type_of(this).to_value();
    let new = vm.call(
        &cls,
        &[
            st.fget.clone(),
            st.fset.clone(),
            st.fdel.clone(),
            st.doc.clone(),
        ],
    )?;
    if let Some(np) = new.downcast::<PropertyData>() {
        np.data.state.lock().name = st.name.clone();
    }
    Ok(new)
}

fn property_getter(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("getter")?;
    property_copy_with(vm, this, 0, f)
}
fn property_setter(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("setter")?;
    property_copy_with(vm, this, 1, f)
}
fn property_deleter(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("deleter")?;
    property_copy_with(vm, this, 2, f)
}

fn property_get(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__get__", 1, 2)?;
    let obj = &pos[0];
    if obj.is_none() {
        return Ok(this.clone());
    }
    let p = prop(this)?;
    let fget = p.data.fget();
    if fget.is_none() {
        return Err(PyErr::attribute_error(format!(
            "property {}of '{}' object has no getter",
            p.data.name_for_error(),
            type_of(obj).name()
        )));
    }
    vm.call(&fget, std::slice::from_ref(obj))
}

fn property_set(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [obj, value] = args.exact::<2>("__set__")?;
    let p = prop(this)?;
    let fset = p.data.fset();
    if fset.is_none() {
        return Err(PyErr::attribute_error(format!(
            "property {}of '{}' object has no setter",
            p.data.name_for_error(),
            type_of(obj).name()
        )));
    }
    vm.call(&fset, &[obj.clone(), value.clone()])?;
    Ok(Value::NONE)
}

fn property_delete(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [obj] = args.exact::<1>("__delete__")?;
    let p = prop(this)?;
    let fdel = p.data.fdel();
    if fdel.is_none() {
        return Err(PyErr::attribute_error(format!(
            "property {}of '{}' object has no deleter",
            p.data.name_for_error(),
            type_of(obj).name()
        )));
    }
    vm.call(&fdel, std::slice::from_ref(obj))?;
    Ok(Value::NONE)
}

fn property_set_name(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [_owner, name] = args.exact::<2>("__set_name__")?;
    prop(this)?.data.state.lock().name = name.clone();
    Ok(Value::NONE)
}

fn get_fget(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(prop(this)?.data.fget())
}
fn get_fset(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(prop(this)?.data.fset())
}
fn get_fdel(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(prop(this)?.data.fdel())
}
fn get_pdoc(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(prop(this)?.data.state.lock().doc.clone())
}
fn set_pdoc(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    prop(this)?.data.state.lock().doc = v.unwrap_or(Value::NONE);
    Ok(())
}
fn get_isabstract(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let p = prop(this)?;
    for f in [p.data.fget(), p.data.fset(), p.data.fdel()] {
        if let Some(v) = vm.lookup_attr(&f, &crate::intern::intern("__isabstractmethod__"))? {
            if vm.is_true(&v)? {
                return Ok(Value::TRUE);
            }
        }
    }
    Ok(Value::FALSE)
}

// ----- classmethod / staticmethod -----

pub struct ClassMethodData {
    callable: Value,
}

impl ClassMethodData {
    pub fn new_value(callable: Value) -> Value {
        alloc(types().classmethod.clone(), ClassMethodData { callable }).into_value()
    }
    pub fn callable(&self) -> Value {
        self.callable.clone()
    }
}

pub struct StaticMethodData {
    callable: Value,
}

impl StaticMethodData {
    pub fn new_value(callable: Value) -> Value {
        alloc(types().staticmethod.clone(), StaticMethodData { callable }).into_value()
    }
    pub fn callable(&self) -> Value {
        self.callable.clone()
    }
}

pub fn classmethod_new(_vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("classmethod")?;
    Ok(alloc_instance(
        cls,
        ClassMethodData {
            callable: f.clone(),
        },
    ))
}

pub fn staticmethod_new(_vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("staticmethod")?;
    Ok(alloc_instance(
        cls,
        StaticMethodData {
            callable: f.clone(),
        },
    ))
}

fn wrapper_init(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn classmethod_get(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__get__", 1, 2)?;
    let owner = match pos.get(1) {
        Some(o) if !o.is_none() => o.clone(),
        _ => type_of(&pos[0]).to_value(),
    };
    let cm = this
        .downcast::<ClassMethodData>()
        .ok_or_else(|| PyErr::type_error("expected a classmethod"))?;
    Ok(crate::types::method::BoundMethodData::new_value(
        cm.data.callable(),
        owner,
    ))
}

fn staticmethod_get(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let sm = this
        .downcast::<StaticMethodData>()
        .ok_or_else(|| PyErr::type_error("expected a staticmethod"))?;
    Ok(sm.data.callable())
}

fn staticmethod_call(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let sm = this
        .downcast::<StaticMethodData>()
        .ok_or_else(|| PyErr::type_error("expected a staticmethod"))?;
    let f = sm.data.callable();
    vm.call_value(&f, args)
}

fn get_func_cm(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(this
        .downcast::<ClassMethodData>()
        .ok_or_else(|| PyErr::type_error("expected a classmethod"))?
        .data
        .callable())
}
fn get_func_sm(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(this
        .downcast::<StaticMethodData>()
        .ok_or_else(|| PyErr::type_error("expected a staticmethod"))?
        .data
        .callable())
}
fn get_isabstract_wrapped(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let f = if let Some(c) = this.downcast::<ClassMethodData>() {
        c.data.callable()
    } else if let Some(s) = this.downcast::<StaticMethodData>() {
        s.data.callable()
    } else {
        return Ok(Value::FALSE);
    };
    match vm.lookup_attr(&f, &crate::intern::intern("__isabstractmethod__"))? {
        Some(v) => Ok(Value::bool(vm.is_true(&v)?)),
        None => Ok(Value::FALSE),
    }
}

/// Attributes of the wrapped function read through classmethod/staticmethod objects.
fn wrapper_getattr(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [name] = args.exact::<1>("__getattribute__")?;
    let name = crate::interp::attr::check_attr_name(name)?;
    if let Some(v) = vm.generic_getattr_opt(this, &name)? {
        return Ok(v);
    }
    let n = crate::interp::eval::name_str(&name);
    if matches!(
        n,
        "__name__" | "__qualname__" | "__doc__" | "__module__" | "__annotations__"
    ) {
        let f = if let Some(c) = this.downcast::<ClassMethodData>() {
            c.data.callable()
        } else {
            get_func_sm(vm, this)?
        };
        return vm.get_attr(&f, &name);
    }
    Err(crate::interp::attr::attribute_error(this, &name))
}

// ----- native attributes -----

pub struct GetSetData {
    pub name: &'static str,
    pub get: GetterFn,
    pub set: Option<SetterFn>,
    pub objclass: TypeRef,
}

impl GetSetData {
    pub fn new_value(def: &crate::types::GetSetDef, ty: &Obj<TypeData>) -> Value {
        alloc(
            types().getset_descriptor.clone(),
            GetSetData {
                name: def.name,
                get: def.get,
                set: def.set,
                objclass: ty.to_ref(),
            },
        )
        .into_value()
    }

    pub fn check_receiver(&self, obj: &Value) -> PyResult<()> {
        if crate::types::isinstance(obj, &self.objclass) {
            Ok(())
        } else {
            Err(PyErr::type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                self.name,
                self.objclass.name(),
                type_of(obj).name()
            )))
        }
    }

    pub fn objclass_name(&self) -> String {
        self.objclass.name()
    }
}

fn getset_get(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__get__", 1, 2)?;
    vm.descr_get(this, &pos[0], pos.get(1).unwrap_or(&Value::NONE))
}

fn getset_set(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [obj, value] = args.exact::<2>("__set__")?;
    vm.descr_set(this, obj, Some(value.clone()))?;
    Ok(Value::NONE)
}

fn getset_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let g = this
        .downcast::<GetSetData>()
        .ok_or_else(|| PyErr::type_error("expected a getset_descriptor"))?;
    Ok(crate::types::str::new_str(format!(
        "<attribute '{}' of '{}' objects>",
        g.data.name,
        g.data.objclass.name()
    )))
}

// ----- __slots__ members -----

pub struct MemberData {
    pub name: Value,
    pub index: usize,
    pub objclass: TypeRef,
}

impl MemberData {
    pub fn new_value(name: Value, index: usize, ty: &Obj<TypeData>) -> Value {
        alloc(
            types().member_descriptor.clone(),
            MemberData {
                name,
                index,
                objclass: ty.to_ref(),
            },
        )
        .into_value()
    }

    fn attrs<'a>(&self, obj: &'a Value) -> PyResult<&'a crate::object::InstanceAttrs> {
        if !crate::types::isinstance(obj, &self.objclass) {
            return Err(PyErr::type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                crate::interp::eval::name_str(&self.name),
                self.objclass.name(),
                type_of(obj).name()
            )));
        }
        obj.as_header()
            .and_then(|h| h.attrs())
            .ok_or_else(|| PyErr::system_error("slot on an object without attributes"))
    }

    pub fn get(&self, obj: &Value) -> PyResult<Value> {
        self.attrs(obj)?.slot_get(self.index).ok_or_else(|| {
            PyErr::attribute_error(format!(
                "'{}' object has no attribute '{}'",
                type_of(obj).name(),
                crate::interp::eval::name_str(&self.name)
            ))
        })
    }

    pub fn set(&self, obj: &Value, value: Option<Value>) -> PyResult<()> {
        let deleting = value.is_none();
        let was_set = self.attrs(obj)?.slot_set(self.index, value);
        if deleting && !was_set {
            return Err(PyErr::attribute_error(format!(
                "'{}' object has no attribute '{}'",
                type_of(obj).name(),
                crate::interp::eval::name_str(&self.name)
            )));
        }
        Ok(())
    }
}

fn member_get(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__get__", 1, 2)?;
    vm.descr_get(this, &pos[0], pos.get(1).unwrap_or(&Value::NONE))
}

fn member_set(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [obj, value] = args.exact::<2>("__set__")?;
    vm.descr_set(this, obj, Some(value.clone()))?;
    Ok(Value::NONE)
}

fn member_delete(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [obj] = args.exact::<1>("__delete__")?;
    vm.descr_set(this, obj, None)?;
    Ok(Value::NONE)
}

fn member_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let m = this
        .downcast::<MemberData>()
        .ok_or_else(|| PyErr::type_error("expected a member_descriptor"))?;
    Ok(crate::types::str::new_str(format!(
        "<member '{}' of '{}' objects>",
        crate::interp::eval::name_str(&m.data.name),
        m.data.objclass.name()
    )))
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.property,
        &[
            MethodDef::method("__init__", property_init),
            MethodDef::method("getter", property_getter),
            MethodDef::method("setter", property_setter),
            MethodDef::method("deleter", property_deleter),
            MethodDef::method("__get__", property_get),
            MethodDef::method("__set__", property_set),
            MethodDef::method("__delete__", property_delete),
            MethodDef::method("__set_name__", property_set_name),
        ],
    );
    add_getsets(
        &t.property,
        &[
            GetSetDef::new("fget", get_fget),
            GetSetDef::new("fset", get_fset),
            GetSetDef::new("fdel", get_fdel),
            GetSetDef::with_setter("__doc__", get_pdoc, set_pdoc),
            GetSetDef::new("__isabstractmethod__", get_isabstract),
        ],
    );
    add_methods(
        &t.classmethod,
        &[
            MethodDef::method("__init__", wrapper_init),
            MethodDef::method("__get__", classmethod_get),
            MethodDef::method("__getattribute__", wrapper_getattr),
        ],
    );
    add_getsets(
        &t.classmethod,
        &[
            GetSetDef::new("__func__", get_func_cm),
            GetSetDef::new("__wrapped__", get_func_cm),
            GetSetDef::new("__isabstractmethod__", get_isabstract_wrapped),
        ],
    );
    add_methods(
        &t.staticmethod,
        &[
            MethodDef::method("__init__", wrapper_init),
            MethodDef::method("__get__", staticmethod_get),
            MethodDef::method("__call__", staticmethod_call),
            MethodDef::method("__getattribute__", wrapper_getattr),
        ],
    );
    add_getsets(
        &t.staticmethod,
        &[
            GetSetDef::new("__func__", get_func_sm),
            GetSetDef::new("__wrapped__", get_func_sm),
            GetSetDef::new("__isabstractmethod__", get_isabstract_wrapped),
        ],
    );
    add_methods(
        &t.getset_descriptor,
        &[
            MethodDef::method("__get__", getset_get),
            MethodDef::method("__set__", getset_set),
            MethodDef::method("__repr__", getset_repr),
        ],
    );
    add_methods(
        &t.member_descriptor,
        &[
            MethodDef::method("__get__", member_get),
            MethodDef::method("__set__", member_set),
            MethodDef::method("__delete__", member_delete),
            MethodDef::method("__repr__", member_repr),
        ],
    );
}
