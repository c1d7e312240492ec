//! Python functions.
//!
//! Fields read on every call (code, defaults, closure) are `RetainSlot`s: lock-free reads;
//! a replaced value is kept alive until the function dies, so a concurrent reader never
//! sees a freed object.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::intern::names;
use crate::object::{alloc, Obj, ObjRef};
use crate::sync::{PyMutex, RetainSlot};
use crate::types::code::CodeData;
use crate::types::dict::DictData;
use crate::types::str::StrData;
use crate::types::tuple::TupleData;
use crate::types::{add_getsets, add_methods, type_of, types, BuiltinTypes, GetSetDef, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct FunctionData {
    code: RetainSlot,
    pub globals: ObjRef<DictData>,
    pub builtins: ObjRef<DictData>,
    name: RetainSlot,
    qualname: RetainSlot,
    defaults: RetainSlot,
    kwdefaults: RetainSlot,
    closure: RetainSlot,
    pub doc: PyMutex<Value>,
    pub module: PyMutex<Value>,
    pub annotations: PyMutex<Value>,
    dict: PyMutex<Option<ObjRef<DictData>>>,
    /// Version for call specialization; 0 once `__code__`/`__defaults__` change.
    pub version: AtomicU32,
}

impl FunctionData {
    pub fn new_value(
        code: ObjRef<CodeData>,
        globals: ObjRef<DictData>,
        builtins: ObjRef<DictData>,
    ) -> Value {
        let c = &code.data;
        let doc = if c.flags & krait_bytecode::code_flags::HAS_DOCSTRING != 0 {
            c.consts.first().cloned().unwrap_or(Value::NONE)
        } else {
            Value::NONE
        };
        let module = globals
            .data
            .get_str(&names().__name__)
            .unwrap_or(Value::NONE);
        let data = FunctionData {
            name: RetainSlot::new(c.name.clone()),
            qualname: RetainSlot::new(c.qualname.clone()),
            version: AtomicU32::new(c.version),
            code: RetainSlot::new(code.into_value()),
            globals,
            builtins,
            defaults: RetainSlot::new(Value::NONE),
            kwdefaults: RetainSlot::new(Value::NONE),
            closure: RetainSlot::new(Value::NONE),
            doc: PyMutex::new(doc),
            module: PyMutex::new(module),
            annotations: PyMutex::new(Value::EMPTY),
            dict: PyMutex::new(None),
        };
        alloc(types().function.clone(), data).into_value()
    }

    /// The code object (borrowed for as long as the function lives).
    #[inline(always)]
    pub fn code(&self) -> &Obj<CodeData> {
        let p = self
            .code
            .with(|v| v.downcast::<CodeData>().map(|c| c as *const Obj<CodeData>));
        // The code object lives at least as long as this function (retired, never freed early).
        unsafe { &*p.expect("function code is a code object") }
    }

    pub fn name(&self) -> Value {
        self.name.get()
    }

    pub fn qualname(&self) -> Value {
        self.qualname.get()
    }

    /// `__defaults__` (a tuple, or None).
    pub fn defaults(&self) -> Value {
        self.defaults.get()
    }

    /// The default values as a vector (empty when none).
    pub fn defaults_vec(&self) -> Vec<Value> {
        self.defaults.with(|d| match d.downcast::<TupleData>() {
            Some(t) => t.data.items().to_vec(),
            None => Vec::new(),
        })
    }

    pub fn kwdefaults(&self) -> Value {
        self.kwdefaults.get()
    }

    pub fn closure(&self) -> Value {
        self.closure.get()
    }

    pub fn set_defaults(&self, v: Value) {
        self.defaults.set(v);
    }

    pub fn set_kwdefaults(&self, v: Value) {
        self.kwdefaults.set(v);
    }

    pub fn set_closure(&self, v: Value) {
        self.closure.set(v);
    }

    pub fn set_annotations(&self, v: Value) {
        *self.annotations.lock() = v;
    }

    /// The function's `__dict__` (created on first use).
    pub fn dict(&self) -> ObjRef<DictData> {
        let mut d = self.dict.lock();
        d.get_or_insert_with(DictData::new_ref).clone()
    }

    pub fn dict_lookup(&self, name: &Value) -> Option<Value> {
        let d = self.dict.lock().clone()?;
        d.data.get_str(name)
    }

    fn clear_version(&self) {
        self.version.store(0, Ordering::Relaxed);
    }
}

fn func(v: &Value) -> PyResult<&Obj<FunctionData>> {
    v.downcast::<FunctionData>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'function' object"))
}

fn get_code(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(func(this)?.data.code.get())
}
fn set_code(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let f = func(this)?;
    let v = v.ok_or_else(|| PyErr::type_error("__code__ must be set to a code object"))?;
    let Some(c) = v.downcast::<CodeData>() else {
        return Err(PyErr::type_error("__code__ must be set to a code object"));
    };
    let nfree = f
        .data
        .closure
        .with(|c| c.downcast::<TupleData>().map(|t| t.data.len()).unwrap_or(0));
    if c.data.nfreevars as usize != nfree {
        return Err(PyErr::value_error(format!(
            "{}() requires a code object with {} free vars, not {}",
            crate::interp::eval::name_str(&f.data.name()),
            nfree,
            c.data.nfreevars
        )));
    }
    f.data.clear_version();
    f.data.code.set(v);
    Ok(())
}
fn get_name(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(func(this)?.data.name())
}
fn set_name(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    match v {
        Some(v) if v.downcast::<StrData>().is_some() => {
            func(this)?.data.name.set(v);
            Ok(())
        }
        _ => Err(PyErr::type_error("__name__ must be set to a string object")),
    }
}
fn get_qualname(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(func(this)?.data.qualname())
}
fn set_qualname(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    match v {
        Some(v) if v.downcast::<StrData>().is_some() => {
            func(this)?.data.qualname.set(v);
            Ok(())
        }
        _ => Err(PyErr::type_error(
            "__qualname__ must be set to a string object",
        )),
    }
}
fn get_defaults(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(func(this)?.data.defaults())
}
fn set_defaults(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let v = v.unwrap_or(Value::NONE);
    if !v.is_none() && v.downcast::<TupleData>().is_none() {
        return Err(PyErr::type_error(
            "__defaults__ must be set to a tuple object",
        ));
    }
    let f = func(this)?;
    f.data.clear_version();
    f.data.set_defaults(v);
    Ok(())
}
fn get_kwdefaults(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(func(this)?.data.kwdefaults())
}
fn set_kwdefaults(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let v = v.unwrap_or(Value::NONE);
    if !v.is_none() && v.downcast::<DictData>().is_none() {
        return Err(PyErr::type_error(
            "__kwdefaults__ must be set to a dict object",
        ));
    }
    let f = func(this)?;
    f.data.clear_version();
    f.data.set_kwdefaults(v);
    Ok(())
}
fn get_closure(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(func(this)?.data.closure())
}
fn get_globals(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(func(this)?.data.globals.to_value())
}
fn get_builtins(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(func(this)?.data.builtins.to_value())
}
fn get_doc(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(func(this)?.data.doc.lock().clone())
}
fn set_doc(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    *func(this)?.data.doc.lock() = v.unwrap_or(Value::NONE);
    Ok(())
}
fn get_module(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(func(this)?.data.module.lock().clone())
}
fn set_module(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    *func(this)?.data.module.lock() = v.unwrap_or(Value::NONE);
    Ok(())
}
fn get_annotations(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let f = func(this)?;
    let mut a = f.data.annotations.lock();
    if a.is_empty() || a.is_none() {
        *a = DictData::new_ref().into_value();
    }
    Ok(a.clone())
}
fn set_annotations(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let v = v.unwrap_or(Value::NONE);
    if !v.is_none() && v.downcast::<DictData>().is_none() {
        return Err(PyErr::type_error(
            "__annotations__ must be set to a dict object",
        ));
    }
    *func(this)?.data.annotations.lock() = v;
    Ok(())
}
fn get_dict(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(func(this)?.data.dict().into_value())
}

fn function_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let f = func(this)?;
    Ok(crate::types::str::new_str(format!(
        "<function {} at {:#x}>",
        crate::interp::eval::name_str(&f.data.qualname()),
        f.as_ptr() as usize
    )))
}

fn function_get(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__get__", 1, 2)?;
    let obj = &pos[0];
    if obj.is_none() {
        return Ok(this.clone());
    }
    vm.descr_get(this, obj, &type_of(obj).to_value())
}

pub fn init(t: &BuiltinTypes) {
    add_getsets(
        &t.function,
        &[
            GetSetDef::with_setter("__code__", get_code, set_code),
            GetSetDef::with_setter("__name__", get_name, set_name),
            GetSetDef::with_setter("__qualname__", get_qualname, set_qualname),
            GetSetDef::with_setter("__defaults__", get_defaults, set_defaults),
            GetSetDef::with_setter("__kwdefaults__", get_kwdefaults, set_kwdefaults),
            GetSetDef::new("__closure__", get_closure),
            GetSetDef::new("__globals__", get_globals),
            GetSetDef::new("__builtins__", get_builtins),
            GetSetDef::with_setter("__doc__", get_doc, set_doc),
            GetSetDef::with_setter("__module__", get_module, set_module),
            GetSetDef::with_setter("__annotations__", get_annotations, set_annotations),
            GetSetDef::new("__dict__", get_dict),
        ],
    );
    add_methods(
        &t.function,
        &[
            MethodDef::method("__repr__", function_repr),
            MethodDef::method("__get__", function_get),
        ],
    );
}
