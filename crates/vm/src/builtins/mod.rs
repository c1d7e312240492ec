//! The `builtins` module: functions, and the builtin types and exceptions by name.

mod functions;

use crate::intern::intern;
use crate::types::builtin_func::BuiltinFunctionData;
use crate::types::module::ModuleData;
use crate::types::{all_builtin_types, types, NativeFn};
use crate::value::Value;

/// Builtin functions: (name, function).
const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", functions::print),
    ("len", functions::len),
    ("abs", functions::abs),
    ("all", functions::all),
    ("any", functions::any),
    ("ascii", functions::ascii),
    ("bin", functions::bin),
    ("oct", functions::oct),
    ("hex", functions::hex),
    ("callable", functions::callable),
    ("chr", functions::chr),
    ("ord", functions::ord),
    ("delattr", functions::delattr),
    ("getattr", functions::getattr),
    ("setattr", functions::setattr),
    ("hasattr", functions::hasattr),
    ("dir", functions::dir),
    ("divmod", functions::divmod),
    ("format", functions::format),
    ("globals", functions::globals),
    ("locals", functions::locals),
    ("vars", functions::vars),
    ("hash", functions::hash),
    ("id", functions::id),
    ("input", functions::input),
    ("isinstance", functions::isinstance),
    ("issubclass", functions::issubclass),
    ("iter", functions::iter),
    ("next", functions::next),
    ("max", functions::max),
    ("min", functions::min),
    ("sum", functions::sum),
    ("sorted", functions::sorted),
    ("round", functions::round),
    ("pow", functions::pow),
    ("repr", functions::repr),
    ("open", functions::open),
    ("eval", functions::eval),
    ("exec", functions::exec),
    ("compile", functions::compile),
    ("__import__", functions::import),
    ("__build_class__", crate::types::typeobj_new::build_class),
    ("exit", functions::exit),
    ("quit", functions::exit),
    ("aiter", functions::not_supported_async),
    ("anext", functions::not_supported_async),
];

/// Creates the `builtins` module.
pub fn make_module() -> Value {
    let m = ModuleData::new_value("builtins");
    let md = m.downcast::<ModuleData>().expect("a module");
    let module_name = intern("builtins");
    for (name, f) in FUNCTIONS {
        md.data.set(
            name,
            BuiltinFunctionData::function_value(name, *f, module_name.clone()),
        );
    }
    let t = types();
    for ty in all_builtin_types(t) {
        let name = ty.data.name_string();
        // Internal types (iterators, descriptors...) are not builtins names.
        if matches!(
            name.as_str(),
            "object"
                | "type"
                | "int"
                | "bool"
                | "float"
                | "complex"
                | "str"
                | "bytes"
                | "bytearray"
                | "tuple"
                | "list"
                | "dict"
                | "set"
                | "frozenset"
                | "range"
                | "slice"
                | "property"
                | "classmethod"
                | "staticmethod"
                | "super"
                | "enumerate"
                | "zip"
                | "map"
                | "filter"
                | "reversed"
        ) {
            md.data.set(&name, ty.to_value());
        }
    }
    for (name, ty) in t.exc.named() {
        md.data.set(name, ty.to_value());
    }
    md.data.set("EnvironmentError", t.exc.os_error.to_value());
    md.data.set("IOError", t.exc.os_error.to_value());
    md.data.set("None", Value::NONE);
    md.data.set("True", Value::TRUE);
    md.data.set("False", Value::FALSE);
    md.data.set("Ellipsis", crate::types::object::ellipsis());
    md.data
        .set("NotImplemented", crate::types::object::not_implemented());
    md.data.set("__debug__", Value::TRUE);
    md.data.set(
        "__doc__",
        crate::types::str::new_str("Built-in functions, exceptions, and other objects."),
    );
    m
}
