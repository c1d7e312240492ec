//! Native modules, one file each.

pub mod math;
pub mod sys;
pub mod time;

use crate::value::Value;
use crate::{PyResult, Vm};

/// A native module's constructor.
pub type ModuleInit = fn(&mut Vm) -> PyResult<Value>;

/// Native modules by name (`sys` and `builtins` are created at startup).
const NATIVE: &[(&str, ModuleInit)] = &[("math", math::make_module), ("time", time::make_module)];

/// The constructor of a native module, if `name` is one.
pub fn native_module(name: &str) -> Option<ModuleInit> {
    NATIVE.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// Names of the native modules (for `sys.builtin_module_names`).
pub fn native_names() -> Vec<&'static str> {
    let mut v: Vec<&str> = NATIVE.iter().map(|(n, _)| *n).collect();
    v.extend(["builtins", "sys"]);
    v.sort_unstable();
    v
}

/// Adds native functions to a module.
pub fn add_functions(module: &Value, defs: &[(&'static str, crate::types::NativeFn)]) {
    let Some(m) = module.downcast::<crate::types::module::ModuleData>() else {
        return;
    };
    let name = crate::intern::intern(&m.data.name());
    for (n, f) in defs {
        m.data.set(
            n,
            crate::types::builtin_func::BuiltinFunctionData::function_value(n, *f, name.clone()),
        );
    }
}
