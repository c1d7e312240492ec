//! Module objects.

use crate::intern::{intern, names};
use crate::object::{Obj, ObjRef};
use crate::types::dict::DictData;
use crate::types::typeobj::TypeData;
use crate::types::{
    add_getsets, add_methods, alloc_instance, types, BuiltinTypes, GetSetDef, MethodDef,
};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct ModuleData {
    pub dict: ObjRef<DictData>,
}

impl ModuleData {
    /// A new module named `name` with `__name__`, `__doc__`, `__package__`, `__loader__`
    /// and `__spec__` set.
    pub fn new_value(name: &str) -> Value {
        Self::new_of_type(&types().module, name)
    }

    pub fn new_of_type(cls: &Obj<TypeData>, name: &str) -> Value {
        let dict = DictData::new_ref();
        let n = names();
        dict.data
            .set_str(n.__name__.clone(), crate::types::str::new_str(name));
        dict.data.set_str(n.__doc__.clone(), Value::NONE);
        dict.data.set_str(n.__package__.clone(), Value::NONE);
        dict.data.set_str(n.__loader__.clone(), Value::NONE);
        dict.data.set_str(n.__spec__.clone(), Value::NONE);
        alloc_instance(cls, ModuleData { dict })
    }

    /// The module's `__name__` as a string.
    pub fn name(&self) -> String {
        match self.dict.data.get_str(&names().__name__) {
            Some(v) => crate::interp::eval::name_str(&v).to_string(),
            None => "?".to_string(),
        }
    }

    /// Sets an attribute.
    pub fn set(&self, name: &str, v: Value) {
        self.dict.data.set_str(intern(name), v);
    }

    /// Gets an attribute.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.dict.data.get_str(&intern(name))
    }
}

pub fn module_new(_vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let [name, doc] = args.bind("module", ["name", "doc"], 1)?;
    let name = name.expect("required");
    let s = name
        .downcast::<crate::types::str::StrData>()
        .ok_or_else(|| PyErr::type_error("module.__init__() argument 'name' must be str"))?;
    let m = ModuleData::new_of_type(cls, s.data.as_str());
    if let (Some(doc), Some(md)) = (doc, m.downcast::<ModuleData>()) {
        md.data
            .dict
            .data
            .set_str(names().__doc__.clone(), doc.clone());
    }
    Ok(m)
}

fn module_init(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn md(v: &Value) -> PyResult<&Obj<ModuleData>> {
    v.downcast::<ModuleData>()
        .ok_or_else(|| PyErr::type_error("expected a module"))
}

fn module_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let m = md(this)?;
    let name = m.data.name();
    let s = match m.data.dict.data.get_str(&names().__file__) {
        Some(f) if !f.is_none() => format!("<module '{name}' from {}>", vm.repr_string(&f)?),
        _ => format!("<module '{name}' (built-in)>"),
    };
    Ok(crate::types::str::new_str(s))
}

fn get_dict(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(md(this)?.data.dict.to_value())
}

fn module_dir(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let m = md(this)?;
    let mut keys: Vec<(String, Value)> = Vec::new();
    for k in m.data.dict.data.keys() {
        keys.push((vm.str_string(&k)?, k));
    }
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(crate::types::list::new_list(
        keys.into_iter().map(|(_, k)| k).collect(),
    ))
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.module,
        &[
            MethodDef::method("__init__", module_init),
            MethodDef::method("__repr__", module_repr),
            MethodDef::method("__dir__", module_dir),
        ],
    );
    add_getsets(&t.module, &[GetSetDef::new("__dict__", get_dict)]);
}
