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

/// Docstrings of builtin functions (the summary lines CPython shows).
const DOCS: &[(&str, &str)] = &[
    (
        "print",
        "Prints the values to a stream, or to sys.stdout by default.",
    ),
    ("len", "Return the number of items in a container."),
    ("abs", "Return the absolute value of the argument."),
    (
        "all",
        "Return True if bool(x) is True for all values x in the iterable.",
    ),
    (
        "any",
        "Return True if bool(x) is True for any x in the iterable.",
    ),
    (
        "repr",
        "Return the canonical string representation of the object.",
    ),
    ("hash", "Return the hash value for the given object."),
    ("id", "Return the identity of an object."),
    (
        "isinstance",
        "Return whether an object is an instance of a class or of a subclass thereof.",
    ),
    (
        "issubclass",
        "Return whether 'cls' is derived from another class or is the same class.",
    ),
    ("iter", "Get an iterator from an object."),
    ("next", "Return the next item from the iterator."),
    (
        "sorted",
        "Return a new list containing all items from the iterable in ascending order.",
    ),
    (
        "sum",
        "Return the sum of a 'start' value (default: 0) plus an iterable of numbers",
    ),
    (
        "min",
        "With a single iterable argument, return its smallest item.",
    ),
    (
        "max",
        "With a single iterable argument, return its biggest item.",
    ),
    (
        "getattr",
        "Get a named attribute from an object; getattr(x, 'y') is equivalent to x.y.",
    ),
    (
        "setattr",
        "Sets the named attribute on the given object to the specified value.",
    ),
    (
        "hasattr",
        "Return whether the object has an attribute with the given name.",
    ),
    (
        "delattr",
        "Deletes the named attribute from the given object.",
    ),
    (
        "callable",
        "Return whether the object is callable (i.e., some kind of function).",
    ),
    (
        "chr",
        "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff.",
    ),
    (
        "ord",
        "Return the Unicode code point for a one-character string.",
    ),
    (
        "round",
        "Round a number to a given precision in decimal digits.",
    ),
    (
        "pow",
        "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments",
    ),
    (
        "divmod",
        "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x.",
    ),
    (
        "input",
        "Read a string from standard input.  The trailing newline is stripped.",
    ),
    (
        "open",
        "Open file and return a stream.  Raise OSError upon failure.",
    ),
    (
        "format",
        "Return type(value).__format__(value, format_spec)",
    ),
    ("vars", "Show vars."),
    ("dir", "Show attributes of an object."),
    (
        "globals",
        "Return the dictionary containing the current scope's global variables.",
    ),
    (
        "locals",
        "Return a dictionary containing the current scope's local variables.",
    ),
    (
        "eval",
        "Evaluate the given source in the context of globals and locals.",
    ),
    (
        "exec",
        "Execute the given source in the context of globals and locals.",
    ),
    (
        "compile",
        "Compile source into a code object that can be executed by exec() or eval().",
    ),
    ("bin", "Return the binary representation of an integer."),
    ("oct", "Return the octal representation of an integer."),
    (
        "hex",
        "Return the hexadecimal representation of an integer.",
    ),
    ("ascii", "Return an ASCII-only representation of an object."),
];

/// Creates the `builtins` module.
pub fn make_module() -> Value {
    let m = ModuleData::new_value("builtins");
    let md = m.downcast::<ModuleData>().expect("a module");
    let module_name = intern("builtins");
    for (name, f) in FUNCTIONS {
        let doc = DOCS
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| *d)
            .unwrap_or("");
        md.data.set(
            name,
            BuiltinFunctionData::function_value_with_doc(name, *f, module_name.clone(), doc),
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
