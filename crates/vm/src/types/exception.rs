//! `BaseException` and the builtin exception hierarchy.
//!
//! Every exception instance has instance attributes (for `__dict__`, and for the extra
//! fields of subclasses such as `StopIteration.value` or `OSError.errno`, which live there).

use crate::intern::{intern, names};
use crate::object::{alloc_with_attrs, InstanceAttrs, Obj};
use crate::sync::PyMutex;
use crate::types::str::StrData;
use crate::types::tuple::TupleData;
use crate::types::typeobj::{tflags, TypeData, TypeRef};
use crate::types::{add_getsets, add_methods, type_of, types, BuiltinTypes, GetSetDef, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct ExceptionData {
    state: PyMutex<ExcState>,
}

struct ExcState {
    args: Value,
    traceback: Value,
    cause: Value,
    context: Value,
    suppress_context: bool,
}

impl ExceptionData {
    fn new(args: Value) -> ExceptionData {
        ExceptionData {
            state: PyMutex::new(ExcState {
                args,
                traceback: Value::NONE,
                cause: Value::NONE,
                context: Value::NONE,
                suppress_context: false,
            }),
        }
    }

    pub fn args(&self) -> Value {
        self.state.lock().args.clone()
    }
    pub fn set_args(&self, args: Value) {
        self.state.lock().args = args;
    }
    pub fn traceback(&self) -> Value {
        self.state.lock().traceback.clone()
    }
    pub fn set_traceback(&self, tb: Value) {
        let old = std::mem::replace(&mut self.state.lock().traceback, tb);
        drop(old);
    }
    pub fn cause(&self) -> Value {
        self.state.lock().cause.clone()
    }
    /// Sets `__cause__` and `__suppress_context__ = True` (as `raise ... from ...`).
    pub fn set_cause(&self, cause: Value) {
        let mut st = self.state.lock();
        st.cause = cause;
        st.suppress_context = true;
    }
    pub fn context(&self) -> Value {
        self.state.lock().context.clone()
    }
    pub fn set_context(&self, ctx: Value) {
        let old = std::mem::replace(&mut self.state.lock().context, ctx);
        drop(old);
    }
    pub fn suppress_context(&self) -> bool {
        self.state.lock().suppress_context
    }
}

/// A new exception instance of `ty` with `args` (no `__init__` call).
pub fn new_exception(ty: &Obj<TypeData>, args: Vec<Value>) -> Value {
    let first = args.first().cloned();
    let v = alloc_with_attrs(
        ty.to_ref(),
        ExceptionData::new(crate::types::tuple::new_tuple(args)),
        InstanceAttrs::for_type(ty),
    )
    .into_value();
    init_subclass_fields(&v, ty, first);
    v
}

/// Sets the extra attributes of builtin subclasses created natively.
fn init_subclass_fields(v: &Value, ty: &Obj<TypeData>, first: Option<Value>) {
    let t = types();
    if ty.is_subtype(&t.exc.stop_iteration) {
        set_attr(v, "value", first.unwrap_or(Value::NONE));
    } else if ty.is_subtype(&t.exc.system_exit) {
        set_attr(v, "code", first.unwrap_or(Value::NONE));
    } else if ty.is_subtype(&t.exc.name_error) {
        set_attr(v, "name", Value::NONE);
    } else if ty.is_subtype(&t.exc.attribute_error) {
        set_attr(v, "name", Value::NONE);
        set_attr(v, "obj", Value::NONE);
    } else if ty.is_subtype(&t.exc.import_error) {
        set_attr(v, "name", Value::NONE);
        set_attr(v, "path", Value::NONE);
        set_attr(v, "msg", first.unwrap_or(Value::NONE));
    }
}

fn set_attr(v: &Value, name: &str, value: Value) {
    if let Some(attrs) = v.as_header().and_then(|h| h.attrs()) {
        attrs.set(&type_of(v).data.shared_keys, &intern(name), value);
    }
}

fn get_attr(v: &Value, name: &str) -> Option<Value> {
    v.as_header()
        .and_then(|h| h.attrs())
        .and_then(|a| a.get(&type_of(v).data.shared_keys, &intern(name)))
}

/// `StopIteration.value` of an exception instance (None if absent).
pub fn stop_iteration_value(exc: &Value) -> Value {
    get_attr(exc, "value").unwrap_or(Value::NONE)
}

/// `exc.__traceback__`.
pub fn traceback_of(exc: &Value) -> Value {
    exc.downcast::<ExceptionData>()
        .map(|e| e.data.traceback())
        .unwrap_or(Value::NONE)
}

/// Converts a compile error into a SyntaxError (or RecursionError, ...) exception.
pub fn compile_error_to_exception(e: &krait_compiler::CompileError) -> PyErr {
    use krait_compiler::CompileErrorKind as K;
    let t = types();
    let ty = match e.kind {
        K::SyntaxError => &t.exc.syntax_error,
        K::IndentationError => &t.exc.indentation_error,
        K::TabError => &t.exc.tab_error,
        K::RecursionError => return PyErr::recursion_error(e.message.clone()),
        K::NotImplemented => return PyErr::not_implemented(e.message.clone()),
    };
    let opt = |n: u32| {
        if n == 0 {
            Value::NONE
        } else {
            Value::small_int(n as i64)
        }
    };
    let text = e
        .text
        .as_ref()
        .map(|s| crate::types::str::new_str(s.as_str()))
        .unwrap_or(Value::NONE);
    let details = crate::types::tuple::new_tuple(vec![
        crate::types::str::new_str(e.filename.as_str()),
        opt(e.line),
        opt(e.offset),
        text,
        opt(e.end_line),
        opt(e.end_offset),
    ]);
    let exc = new_exception(
        ty,
        vec![crate::types::str::new_str(e.message.as_str()), details],
    );
    set_syntax_fields(&exc);
    PyErr::from_exception(exc)
}

/// Fills SyntaxError's attributes from `args` (msg, (filename, lineno, offset, text,
/// end_lineno, end_offset)).
fn set_syntax_fields(exc: &Value) {
    let Some(e) = exc.downcast::<ExceptionData>() else {
        return;
    };
    let args = e.data.args();
    let items = args
        .downcast::<TupleData>()
        .map(|t| t.data.items().to_vec())
        .unwrap_or_default();
    set_attr(exc, "msg", items.first().cloned().unwrap_or(Value::NONE));
    let details = items
        .get(1)
        .and_then(|d| d.downcast::<TupleData>().map(|t| t.data.items().to_vec()))
        .unwrap_or_default();
    let names = [
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
    ];
    for (i, n) in names.iter().enumerate() {
        set_attr(exc, n, details.get(i).cloned().unwrap_or(Value::NONE));
    }
    set_attr(exc, "print_file_and_line", Value::NONE);
}

macro_rules! exception_types {
    ($( $field:ident : $name:literal < $base:ident ;)*) => {
        /// The builtin exception classes.
        pub struct ExceptionTypes {
            pub base_exception: TypeRef,
            $(pub $field: TypeRef,)*
        }

        impl ExceptionTypes {
            pub(crate) fn create() -> ExceptionTypes {
                let mk = |name: &str| crate::types::new_exception_type(name);
                ExceptionTypes { base_exception: mk("BaseException"), $($field: mk($name),)* }
            }

            /// (class, base) pairs.
            pub(crate) fn bases(&self) -> Vec<(&TypeRef, &TypeRef)> {
                vec![$((&self.$field, &self.$base),)*]
            }

            /// Every exception class.
            pub fn all(&self) -> Vec<&TypeRef> {
                vec![&self.base_exception, $(&self.$field,)*]
            }

            /// (name, class) pairs for the builtins module.
            pub fn named(&self) -> Vec<(&'static str, &TypeRef)> {
                vec![("BaseException", &self.base_exception), $(($name, &self.$field),)*]
            }
        }
    };
}

exception_types! {
    exception: "Exception" < base_exception;
    generator_exit: "GeneratorExit" < base_exception;
    keyboard_interrupt: "KeyboardInterrupt" < base_exception;
    system_exit: "SystemExit" < base_exception;
    arithmetic_error: "ArithmeticError" < exception;
    floating_point_error: "FloatingPointError" < arithmetic_error;
    overflow_error: "OverflowError" < arithmetic_error;
    zero_division_error: "ZeroDivisionError" < arithmetic_error;
    assertion_error: "AssertionError" < exception;
    attribute_error: "AttributeError" < exception;
    buffer_error: "BufferError" < exception;
    eof_error: "EOFError" < exception;
    import_error: "ImportError" < exception;
    module_not_found_error: "ModuleNotFoundError" < import_error;
    lookup_error: "LookupError" < exception;
    index_error: "IndexError" < lookup_error;
    key_error: "KeyError" < lookup_error;
    memory_error: "MemoryError" < exception;
    name_error: "NameError" < exception;
    unbound_local_error: "UnboundLocalError" < name_error;
    os_error: "OSError" < exception;
    blocking_io_error: "BlockingIOError" < os_error;
    child_process_error: "ChildProcessError" < os_error;
    connection_error: "ConnectionError" < os_error;
    broken_pipe_error: "BrokenPipeError" < connection_error;
    connection_aborted_error: "ConnectionAbortedError" < connection_error;
    connection_refused_error: "ConnectionRefusedError" < connection_error;
    connection_reset_error: "ConnectionResetError" < connection_error;
    file_exists_error: "FileExistsError" < os_error;
    file_not_found_error: "FileNotFoundError" < os_error;
    interrupted_error: "InterruptedError" < os_error;
    is_a_directory_error: "IsADirectoryError" < os_error;
    not_a_directory_error: "NotADirectoryError" < os_error;
    permission_error: "PermissionError" < os_error;
    process_lookup_error: "ProcessLookupError" < os_error;
    timeout_error: "TimeoutError" < os_error;
    reference_error: "ReferenceError" < exception;
    runtime_error: "RuntimeError" < exception;
    not_implemented_error: "NotImplementedError" < runtime_error;
    recursion_error: "RecursionError" < runtime_error;
    stop_async_iteration: "StopAsyncIteration" < exception;
    stop_iteration: "StopIteration" < exception;
    base_exception_group: "BaseExceptionGroup" < base_exception;
    exception_group: "ExceptionGroup" < base_exception_group;
    syntax_error: "SyntaxError" < exception;
    indentation_error: "IndentationError" < syntax_error;
    tab_error: "TabError" < indentation_error;
    system_error: "SystemError" < exception;
    type_error: "TypeError" < exception;
    value_error: "ValueError" < exception;
    unicode_error: "UnicodeError" < value_error;
    unicode_decode_error: "UnicodeDecodeError" < unicode_error;
    unicode_encode_error: "UnicodeEncodeError" < unicode_error;
    unicode_translate_error: "UnicodeTranslateError" < unicode_error;
    warning: "Warning" < exception;
    bytes_warning: "BytesWarning" < warning;
    deprecation_warning: "DeprecationWarning" < warning;
    encoding_warning: "EncodingWarning" < warning;
    future_warning: "FutureWarning" < warning;
    import_warning: "ImportWarning" < warning;
    pending_deprecation_warning: "PendingDeprecationWarning" < warning;
    resource_warning: "ResourceWarning" < warning;
    runtime_warning: "RuntimeWarning" < warning;
    syntax_warning: "SyntaxWarning" < warning;
    unicode_warning: "UnicodeWarning" < warning;
    user_warning: "UserWarning" < warning;
}

fn exc(v: &Value) -> PyResult<&Obj<ExceptionData>> {
    v.downcast::<ExceptionData>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'BaseException' object"))
}

/// `BaseException.__new__`: creates the instance with `args` set.
pub fn exception_new(_vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    // OSError(errno, ...) creates the subclass for that errno (FileNotFoundError, ...).
    let pos = args.positional();
    let cls: &Obj<TypeData> = if cls.is(&types().exc.os_error) && pos.len() >= 2 {
        match pos[0].as_small_int() {
            Some(errno) => os_error_type_for(errno as i32),
            None => cls,
        }
    } else {
        cls
    };
    let v = alloc_with_attrs(
        cls.to_ref(),
        ExceptionData::new(crate::types::tuple::new_tuple(args.positional().to_vec())),
        InstanceAttrs::for_type(cls),
    )
    .into_value();
    Ok(v)
}

fn exception_init(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    if args.has_kwargs() && !type_of(this).data.has_flag(tflags::HEAPTYPE) {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            type_of(this).name()
        )));
    }
    exc(this)?
        .data
        .set_args(crate::types::tuple::new_tuple(args.positional().to_vec()));
    Ok(Value::NONE)
}

fn args_items(v: &Value) -> Vec<Value> {
    v.downcast::<ExceptionData>()
        .map(|e| e.data.args())
        .and_then(|a| a.downcast::<TupleData>().map(|t| t.data.items().to_vec()))
        .unwrap_or_default()
}

fn exception_str(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let items = args_items(this);
    match items.len() {
        0 => Ok(crate::intern::intern("")),
        1 => vm.str(&items[0]),
        _ => vm.str(&crate::types::tuple::new_tuple(items)),
    }
}

fn exception_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let items = args_items(this);
    let name = type_of(this).name();
    let inner = match items.len() {
        1 => vm.repr_string(&items[0])?,
        _ => {
            let r = vm.repr_string(&crate::types::tuple::new_tuple(items.clone()))?;
            if items.is_empty() {
                String::new()
            } else {
                r[1..r.len() - 1].trim_end_matches(',').to_string()
            }
        }
    };
    Ok(crate::types::str::new_str(format!("{name}({inner})")))
}

fn exception_with_traceback(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [tb] = args.exact::<1>("with_traceback")?;
    exc(this)?.data.set_traceback(tb.clone());
    Ok(this.clone())
}

fn exception_add_note(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [note] = args.exact::<1>("add_note")?;
    if note.downcast::<StrData>().is_none() {
        return Err(PyErr::type_error(format!(
            "note must be a str, not '{}'",
            type_of(note).name()
        )));
    }
    let notes_name = intern("__notes__");
    let notes = match vm.lookup_attr(this, &notes_name)? {
        Some(n) => n,
        None => {
            let l = crate::types::list::new_list(vec![]);
            vm.set_attr(this, &notes_name, l.clone())?;
            l
        }
    };
    match notes.downcast::<crate::types::list::ListData>() {
        Some(l) => l.data.push(note.clone()),
        None => {
            return Err(PyErr::type_error(
                "Cannot add note: __notes__ is not a list",
            ))
        }
    }
    Ok(Value::NONE)
}

fn exception_reduce(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::tuple::new_tuple(vec![
        type_of(this).to_value(),
        exc(this)?.data.args(),
    ]))
}

fn get_args(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(exc(this)?.data.args())
}
fn set_args(vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("args may not be deleted"))?;
    let items = vm.collect(&v)?;
    exc(this)?
        .data
        .set_args(crate::types::tuple::new_tuple(items));
    Ok(())
}
fn get_traceback(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(exc(this)?.data.traceback())
}
fn set_traceback(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("__traceback__ may not be deleted"))?;
    if !v.is_none()
        && v.downcast::<crate::types::traceback::TracebackData>()
            .is_none()
    {
        return Err(PyErr::type_error(
            "__traceback__ must be a traceback or None",
        ));
    }
    exc(this)?.data.set_traceback(v);
    Ok(())
}
fn get_cause(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(exc(this)?.data.cause())
}
fn set_cause(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let v = v.unwrap_or(Value::NONE);
    if !v.is_none() && v.downcast::<ExceptionData>().is_none() {
        return Err(PyErr::type_error(
            "exception cause must be None or derive from BaseException",
        ));
    }
    exc(this)?.data.set_cause(v);
    Ok(())
}
fn get_context(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(exc(this)?.data.context())
}
fn set_context(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let v = v.unwrap_or(Value::NONE);
    if !v.is_none() && v.downcast::<ExceptionData>().is_none() {
        return Err(PyErr::type_error(
            "exception context must be None or derive from BaseException",
        ));
    }
    exc(this)?.data.set_context(v);
    Ok(())
}
fn get_suppress(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::bool(exc(this)?.data.suppress_context()))
}
fn set_suppress(vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let b = match v {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    exc(this)?.data.state.lock().suppress_context = b;
    Ok(())
}

// ----- subclasses with extra fields -----

fn stop_iteration_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    exception_init(vm, this, args)?;
    set_attr(
        this,
        "value",
        args.positional().first().cloned().unwrap_or(Value::NONE),
    );
    Ok(Value::NONE)
}

fn system_exit_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    exception_init(vm, this, args)?;
    let pos = args.positional();
    let code = match pos.len() {
        0 => Value::NONE,
        1 => pos[0].clone(),
        _ => crate::types::tuple::new_tuple(pos.to_vec()),
    };
    set_attr(this, "code", code);
    Ok(Value::NONE)
}

fn key_error_str(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let items = args_items(this);
    if items.len() == 1 {
        return vm.repr(&items[0]);
    }
    exception_str(vm, this, args)
}

fn import_error_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let name = args.kw("name").cloned().unwrap_or(Value::NONE);
    let path = args.kw("path").cloned().unwrap_or(Value::NONE);
    for (k, _) in args.kwargs() {
        if k != "name" && k != "path" {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for ImportError()"
            )));
        }
    }
    exception_init(vm, this, Args::new(args.positional()))?;
    set_attr(this, "name", name);
    set_attr(this, "path", path);
    let pos = args.positional();
    set_attr(
        this,
        "msg",
        if pos.len() == 1 {
            pos[0].clone()
        } else {
            Value::NONE
        },
    );
    Ok(Value::NONE)
}

fn import_error_str(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    if let Some(m) = get_attr(this, "msg") {
        if !m.is_none() {
            return vm.str(&m);
        }
    }
    exception_str(vm, this, args)
}

fn attribute_error_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let name = args.kw("name").cloned().unwrap_or(Value::NONE);
    let obj = args.kw("obj").cloned().unwrap_or(Value::NONE);
    exception_init(vm, this, Args::new(args.positional()))?;
    set_attr(this, "name", name);
    set_attr(this, "obj", obj);
    Ok(Value::NONE)
}

fn name_error_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let name = args.kw("name").cloned().unwrap_or(Value::NONE);
    exception_init(vm, this, Args::new(args.positional()))?;
    set_attr(this, "name", name);
    Ok(Value::NONE)
}

fn os_error_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    exception_init(vm, this, args)?;
    let pos = args.positional();
    let (errno, strerror) = if pos.len() >= 2 {
        (pos[0].clone(), pos[1].clone())
    } else {
        (Value::NONE, Value::NONE)
    };
    set_attr(this, "errno", errno);
    set_attr(this, "strerror", strerror);
    set_attr(this, "filename", pos.get(2).cloned().unwrap_or(Value::NONE));
    set_attr(
        this,
        "filename2",
        pos.get(4).cloned().unwrap_or(Value::NONE),
    );
    if (2..=5).contains(&pos.len()) {
        // args keeps only (errno, strerror) as CPython does.
        exc(this)?
            .data
            .set_args(crate::types::tuple::new_tuple(pos[..2].to_vec()));
    }
    Ok(Value::NONE)
}

fn os_error_str(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let errno = get_attr(this, "errno").unwrap_or(Value::NONE);
    let strerror = get_attr(this, "strerror").unwrap_or(Value::NONE);
    let filename = get_attr(this, "filename").unwrap_or(Value::NONE);
    if !errno.is_none() && !strerror.is_none() {
        let e = vm.str_string(&errno)?;
        let s = vm.str_string(&strerror)?;
        if !filename.is_none() {
            let f = vm.repr_string(&filename)?;
            return Ok(crate::types::str::new_str(format!("[Errno {e}] {s}: {f}")));
        }
        return Ok(crate::types::str::new_str(format!("[Errno {e}] {s}")));
    }
    exception_str(vm, this, args)
}

fn syntax_error_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    exception_init(vm, this, args)?;
    set_syntax_fields(this);
    Ok(Value::NONE)
}

fn syntax_error_str(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let msg = get_attr(this, "msg").unwrap_or(Value::NONE);
    let msg_s = if msg.is_none() {
        String::new()
    } else {
        vm.str_string(&msg)?
    };
    let filename = get_attr(this, "filename").unwrap_or(Value::NONE);
    let lineno = get_attr(this, "lineno").unwrap_or(Value::NONE);
    let fname = if filename.is_none() {
        None
    } else {
        let f = vm.str_string(&filename)?;
        Some(f.rsplit('/').next().unwrap_or(&f).to_string())
    };
    let s = match (fname, lineno.as_small_int()) {
        (Some(f), Some(l)) => format!("{msg_s} ({f}, line {l})"),
        (Some(f), None) => format!("{msg_s} ({f})"),
        (None, Some(l)) => format!("{msg_s} (line {l})"),
        (None, None) => msg_s,
    };
    Ok(crate::types::str::new_str(s))
}

fn unicode_error_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    exception_init(vm, this, args)?;
    let pos = args.positional();
    if pos.len() == 5 {
        for (i, n) in ["encoding", "object", "start", "end", "reason"]
            .iter()
            .enumerate()
        {
            set_attr(this, n, pos[i].clone());
        }
    }
    Ok(Value::NONE)
}

fn unicode_error_str(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let (Some(enc), Some(obj), Some(start), Some(end), Some(reason)) = (
        get_attr(this, "encoding"),
        get_attr(this, "object"),
        get_attr(this, "start"),
        get_attr(this, "end"),
        get_attr(this, "reason"),
    ) else {
        return exception_str(vm, this, args);
    };
    let enc = vm.str_string(&enc)?;
    let reason = vm.str_string(&reason)?;
    let start_i = start.as_small_int().unwrap_or(0);
    let end_i = end.as_small_int().unwrap_or(0);
    let is_decode = type_of(this).is_subtype(&types().exc.unicode_decode_error);
    let s = if is_decode {
        let byte = obj
            .downcast::<crate::types::bytes::BytesData>()
            .and_then(|b| b.data.as_bytes().get(start_i as usize).copied())
            .unwrap_or(0);
        if end_i == start_i + 1 {
            format!("'{enc}' codec can't decode byte 0x{byte:02x} in position {start_i}: {reason}")
        } else {
            format!(
                "'{enc}' codec can't decode bytes in position {start_i}-{}: {reason}",
                end_i - 1
            )
        }
    } else {
        let ch = obj
            .downcast::<StrData>()
            .and_then(|s| s.data.as_str().chars().nth(start_i as usize))
            .map(|c| c as u32)
            .unwrap_or(0);
        let esc = if ch <= 0xff {
            format!("\\x{ch:02x}")
        } else if ch <= 0xffff {
            format!("\\u{ch:04x}")
        } else {
            format!("\\U{ch:08x}")
        };
        if end_i == start_i + 1 {
            format!("'{enc}' codec can't encode character '{esc}' in position {start_i}: {reason}")
        } else {
            format!(
                "'{enc}' codec can't encode characters in position {start_i}-{}: {reason}",
                end_i - 1
            )
        }
    };
    Ok(crate::types::str::new_str(s))
}

pub fn init(t: &BuiltinTypes) {
    let e = &t.exc;
    // Every exception class allows instance attributes.
    for ty in e.all() {
        ty.data
            .set_flags(tflags::HAS_ATTRS | tflags::HAS_DICT | tflags::BASETYPE, 0);
        crate::types::set_type_attr(ty, "__module__", intern("builtins"));
    }
    // ExceptionGroup(BaseExceptionGroup, Exception).
    {
        let eg = &e.exception_group;
        let bases = vec![e.base_exception_group.clone(), e.exception.clone()];
        eg.data.bases.set(crate::types::tuple::new_tuple(
            bases.iter().map(|b| b.to_value()).collect(),
        ));
        if let Ok(mro) = crate::types::typeobj_new::compute_mro(&eg.to_value(), &bases) {
            eg.data.mro.set(crate::types::tuple::new_tuple(mro));
        }
        e.exception.data.add_subclass(&eg.data);
    }
    let base = &e.base_exception;
    add_methods(
        base,
        &[
            MethodDef::method("__init__", exception_init),
            MethodDef::method("__str__", exception_str),
            MethodDef::method("__repr__", exception_repr),
            MethodDef::method("with_traceback", exception_with_traceback),
            MethodDef::method("add_note", exception_add_note),
            MethodDef::method("__reduce__", exception_reduce),
        ],
    );
    add_getsets(
        base,
        &[
            GetSetDef::with_setter("args", get_args, set_args),
            GetSetDef::with_setter("__traceback__", get_traceback, set_traceback),
            GetSetDef::with_setter("__cause__", get_cause, set_cause),
            GetSetDef::with_setter("__context__", get_context, set_context),
            GetSetDef::with_setter("__suppress_context__", get_suppress, set_suppress),
            crate::types::object::dict_getset(),
        ],
    );
    add_methods(
        &e.stop_iteration,
        &[MethodDef::method("__init__", stop_iteration_init)],
    );
    add_methods(
        &e.system_exit,
        &[MethodDef::method("__init__", system_exit_init)],
    );
    add_methods(&e.key_error, &[MethodDef::method("__str__", key_error_str)]);
    add_methods(
        &e.import_error,
        &[
            MethodDef::method("__init__", import_error_init),
            MethodDef::method("__str__", import_error_str),
        ],
    );
    add_methods(
        &e.attribute_error,
        &[MethodDef::method("__init__", attribute_error_init)],
    );
    add_methods(
        &e.name_error,
        &[MethodDef::method("__init__", name_error_init)],
    );
    add_methods(
        &e.os_error,
        &[
            MethodDef::method("__init__", os_error_init),
            MethodDef::method("__str__", os_error_str),
        ],
    );
    add_methods(
        &e.syntax_error,
        &[
            MethodDef::method("__init__", syntax_error_init),
            MethodDef::method("__str__", syntax_error_str),
        ],
    );
    add_methods(
        &e.unicode_error,
        &[
            MethodDef::method("__init__", unicode_error_init),
            MethodDef::method("__str__", unicode_error_str),
        ],
    );
    let _ = names();
}

/// The exception class for an OS error number (FileNotFoundError for ENOENT, ...).
pub fn os_error_type_for(errno: i32) -> &'static TypeRef {
    let e = &types().exc;
    match errno {
        2 => &e.file_not_found_error,
        17 => &e.file_exists_error,
        13 | 1 => &e.permission_error,
        21 => &e.is_a_directory_error,
        20 => &e.not_a_directory_error,
        4 => &e.interrupted_error,
        32 => &e.broken_pipe_error,
        11 => &e.blocking_io_error,
        110 => &e.timeout_error,
        3 => &e.process_lookup_error,
        10 => &e.child_process_error,
        104 => &e.connection_reset_error,
        111 => &e.connection_refused_error,
        103 => &e.connection_aborted_error,
        _ => &e.os_error,
    }
}

/// An OSError (of the right subclass) from an `std::io::Error`, with an optional filename.
pub fn os_error_from_io(err: &std::io::Error, filename: Option<Value>) -> PyErr {
    let errno = err.raw_os_error().unwrap_or(0);
    let strerror = strerror_text(err);
    let ty = os_error_type_for(errno);
    let mut args = vec![
        Value::small_int(errno as i64),
        crate::types::str::new_str(strerror),
    ];
    if let Some(f) = filename {
        args.push(f);
    }
    let v = new_exception(ty, args.clone());
    set_attr(&v, "errno", args[0].clone());
    set_attr(&v, "strerror", args[1].clone());
    set_attr(&v, "filename", args.get(2).cloned().unwrap_or(Value::NONE));
    set_attr(&v, "filename2", Value::NONE);
    if let Some(e) = v.downcast::<ExceptionData>() {
        e.data
            .set_args(crate::types::tuple::new_tuple(args[..2].to_vec()));
    }
    PyErr::from_exception(v)
}

fn strerror_text(err: &std::io::Error) -> String {
    let s = err.to_string();
    // Rust appends " (os error N)"; CPython shows the C library text only.
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
