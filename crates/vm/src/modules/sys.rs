//! The `sys` module.

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

use crate::interp::Config;
use crate::object::ObjRef;
use crate::types::dict::DictData;
use crate::types::list::new_list;
use crate::types::module::ModuleData;
use crate::types::str::new_str;
use crate::types::types;
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

/// Python source run at startup to define `version_info`, `implementation`, `flags`, ...
const SYS_INIT: &str = include_str!("../../../../lib/_sysinit.py");

pub const VERSION: &str = concat!("3.12.0 (krait ", env!("CARGO_PKG_VERSION"), ")");

/// Creates `sys` (without the parts defined in Python; see `finish_init`).
pub fn make_module(config: &Config, modules: &ObjRef<DictData>) -> Value {
    let m = ModuleData::new_value("sys");
    let md = m.downcast::<ModuleData>().expect("a module");
    md.data.set(
        "argv",
        new_list(config.argv.iter().map(|a| new_str(a.as_str())).collect()),
    );
    md.data.set(
        "orig_argv",
        new_list(
            std::env::args_os()
                .map(|a| new_str(a.to_string_lossy().into_owned()))
                .collect(),
        ),
    );
    let mut path: Vec<Value> = config.path.iter().map(|p| new_str(p.as_str())).collect();
    if let Ok(extra) = std::env::var("KRAITPATH") {
        for p in extra.split(':').filter(|p| !p.is_empty()) {
            path.push(new_str(p));
        }
    }
    md.data.set("path", new_list(path));
    md.data.set("modules", modules.to_value());
    let (stdin, stdout, stderr) = crate::types::file::std_streams();
    md.data.set("stdin", stdin.clone());
    md.data.set("stdout", stdout.clone());
    md.data.set("stderr", stderr.clone());
    md.data.set("__stdin__", stdin);
    md.data.set("__stdout__", stdout);
    md.data.set("__stderr__", stderr);
    md.data.set("platform", new_str("linux"));
    md.data.set(
        "byteorder",
        new_str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    md.data
        .set("maxsize", crate::types::int::int_from_i64(i64::MAX));
    md.data.set("maxunicode", Value::small_int(0x10ffff));
    md.data.set("version", new_str(VERSION));
    md.data.set("hexversion", Value::small_int(0x030C00F0));
    md.data.set("api_version", Value::small_int(1013));
    md.data
        .set("copyright", new_str("Copyright (c) the krait authors."));
    md.data.set("float_repr_style", new_str("short"));
    md.data.set("dont_write_bytecode", Value::TRUE);
    md.data.set("meta_path", new_list(vec![]));
    md.data.set("path_hooks", new_list(vec![]));
    md.data
        .set("path_importer_cache", DictData::new_ref().into_value());
    md.data.set("warnoptions", new_list(vec![]));
    md.data.set("_xoptions", DictData::new_ref().into_value());
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    md.data.set("executable", new_str(exe.as_str()));
    md.data.set("_base_executable", new_str(exe));
    md.data.set("abiflags", new_str(""));
    md.data.set("platlibdir", new_str("lib"));
    md.data.set("pycache_prefix", Value::NONE);
    md.data.set("_framework", new_str(""));
    md.data.set("_home", Value::NONE);
    md.data.set("_stdlib_dir", Value::NONE);
    md.data.set(
        "_git",
        crate::types::tuple::new_tuple(vec![new_str("krait"), new_str(""), new_str("")]),
    );
    for p in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        md.data.set(p, new_str("/usr/local"));
    }
    md.data.set(
        "builtin_module_names",
        crate::types::tuple::new_tuple(super::native_names().into_iter().map(new_str).collect()),
    );
    super::add_functions(
        &m,
        &[
            ("exit", exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("exc_info", exc_info),
            ("exception", exception),
            ("getrefcount", getrefcount),
            ("getsizeof", getsizeof),
            ("intern", intern),
            ("_getframe", getframe),
            ("getdefaultencoding", getdefaultencoding),
            ("getfilesystemencoding", getdefaultencoding),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", set_int_max_str_digits),
            ("settrace", settrace),
            ("setprofile", settrace),
            ("gettrace", gettrace),
            ("getprofile", gettrace),
            ("is_finalizing", is_finalizing),
            ("getfilesystemencodeerrors", getfilesystemencodeerrors),
            ("getswitchinterval", getswitchinterval),
            ("setswitchinterval", setswitchinterval),
            (
                "get_coroutine_origin_tracking_depth",
                get_coroutine_origin_tracking_depth,
            ),
            (
                "set_coroutine_origin_tracking_depth",
                set_coroutine_origin_tracking_depth,
            ),
            ("getallocatedblocks", getallocatedblocks),
            ("getdlopenflags", getdlopenflags),
            ("setdlopenflags", setdlopenflags),
            ("call_tracing", call_tracing),
            ("displayhook", displayhook),
            ("excepthook", excepthook),
            ("unraisablehook", unraisablehook),
            ("breakpointhook", breakpointhook),
            ("_clear_type_cache", clear_type_cache),
            ("_debugmallocstats", debugmallocstats),
            ("_current_frames", current_frames),
            ("_current_exceptions", current_exceptions),
        ],
    );
    // The original hooks, for restoring.
    for hook in [
        "displayhook",
        "excepthook",
        "unraisablehook",
        "breakpointhook",
    ] {
        if let Some(f) = md.data.get(hook) {
            md.data.set(&format!("__{hook}__"), f);
        }
    }
    m
}

/// Runs the Python part of `sys`'s initialization.
pub fn finish_init(vm: &mut Vm) -> PyResult<()> {
    let sys = vm.interp.sys.clone();
    let d = sys
        .downcast::<ModuleData>()
        .expect("sys is a module")
        .data
        .dict
        .clone();
    d.data.set_str(
        crate::intern::names().__builtins__.clone(),
        vm.interp.builtins.clone(),
    );
    vm.run_source(SYS_INIT, "<frozen sys>", &d)?;
    d.data.del_str(&crate::intern::names().__builtins__);
    Ok(())
}

fn exit(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("exit", 0, 1)?;
    let code = pos.first().cloned().unwrap_or(Value::NONE);
    Err(PyErr::with_args(
        &types().exc.system_exit,
        if code.is_none() { vec![] } else { vec![code] },
    ))
}

fn getrecursionlimit(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys.getrecursionlimit")?;
    Ok(Value::small_int(
        vm.interp.recursion_limit.load(Ordering::Relaxed) as i64,
    ))
}

fn setrecursionlimit(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [n] = args.exact::<1>("sys.setrecursionlimit")?;
    if crate::types::float::float_value(n).is_some() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = vm.to_i64(n)?;
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = vm.frame_count() + vm.native_depth;
    if (n as usize) <= depth {
        return Err(PyErr::recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
        )));
    }
    vm.interp
        .recursion_limit
        .store(n.min(u32::MAX as i64) as u32, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn exc_info(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys.exc_info")?;
    let e = vm.handled_exception();
    if e.is_none() {
        return Ok(crate::types::tuple::new_tuple(vec![
            Value::NONE,
            Value::NONE,
            Value::NONE,
        ]));
    }
    let ty = crate::types::type_of(&e).to_value();
    let tb = crate::types::exception::traceback_of(&e);
    Ok(crate::types::tuple::new_tuple(vec![ty, e, tb]))
}

fn exception(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys.exception")?;
    Ok(vm.handled_exception())
}

fn getrefcount(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("sys.getrefcount")?;
    Ok(crate::types::int::int_from_u64(
        v.as_header()
            .map(|h| h.refcount() as u64)
            .unwrap_or(1 << 30),
    ))
}

fn getsizeof(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let total = args.all_values().len();
    if total > 2 {
        return Err(PyErr::type_error(format!(
            "getsizeof() takes at most 2 arguments ({total} given)"
        )));
    }
    if let Some((name, _)) = args
        .kwargs()
        .find(|(n, _)| *n != "object" && *n != "default")
    {
        return Err(PyErr::type_error(format!(
            "'{name}' is an invalid keyword argument for getsizeof()"
        )));
    }
    let [obj, default] = args.bind("getsizeof", ["object", "default"], 1)?;
    let obj = obj.expect("required");
    match size_of(vm, obj) {
        Ok(n) => Ok(crate::types::int::int_from_u64(n)),
        Err(e) if default.is_some() && e.matches(&types().exc.type_error) => {
            Ok(default.expect("checked").clone())
        }
        Err(e) => Err(e),
    }
}

/// `sys.getsizeof`: `__sizeof__` plus the garbage collector's header for containers. Builtin
/// types that only inherit `object.__sizeof__` get CPython's (64-bit) sizes.
fn size_of(vm: &mut Vm, obj: &Value) -> PyResult<u64> {
    use crate::object::Layout;
    let name = crate::intern::intern("__sizeof__");
    let ty = crate::types::type_of(obj);
    let Some(method) = ty.lookup(&name) else {
        return Err(PyErr::type_error(format!(
            "Type {} doesn't define __sizeof__",
            ty.name()
        )));
    };
    let inherited = types()
        .object
        .lookup(&name)
        .is_some_and(|base| base.is(&method));
    let layout = obj.layout();
    let estimate = if inherited {
        estimated_size(vm, obj, layout)?
    } else {
        None
    };
    let size = match estimate {
        Some(n) => n,
        None => {
            let r = vm.call_descriptor(&method, obj, &[])?;
            let Some(i) = crate::types::int::IntValue::of(&r) else {
                return Err(PyErr::type_error("an integer is required"));
            };
            if i.is_negative() {
                return Err(PyErr::value_error("__sizeof__() should return >= 0"));
            }
            i.to_i64().ok_or_else(|| {
                PyErr::overflow_error("Python int too large to convert to C ssize_t")
            })? as u64
        }
    };
    let gc_header = match layout {
        Some(
            Layout::Tuple
            | Layout::List
            | Layout::Dict
            | Layout::Set
            | Layout::Slice
            | Layout::Function
            | Layout::BuiltinFunction
            | Layout::BoundMethod
            | Layout::Cell
            | Layout::Module
            | Layout::Type
            | Layout::Generator
            | Layout::BaseException
            | Layout::Traceback
            | Layout::Frame
            | Layout::Property
            | Layout::ClassMethod
            | Layout::StaticMethod
            | Layout::Super
            | Layout::MappingProxy
            | Layout::DictView
            | Layout::DictIter
            | Layout::SetIter
            | Layout::SeqIter
            | Layout::CallIter
            | Layout::Enumerate
            | Layout::Zip
            | Layout::Map
            | Layout::Filter
            | Layout::Reversed,
        ) => 16,
        // Instances of Python classes: the GC header and the managed-dict pointers.
        Some(Layout::Object) if !ty.is(&types().object) => 32,
        _ => 0,
    };
    Ok(size + gc_header)
}

/// CPython's `__sizeof__` for builtin objects whose krait type has no `__sizeof__` of its own.
fn estimated_size(
    vm: &mut Vm,
    obj: &Value,
    layout: Option<crate::object::Layout>,
) -> PyResult<Option<u64>> {
    use crate::object::Layout;
    Ok(Some(match layout {
        _ if obj.is_float_imm() => 24,
        Some(Layout::Float) => 24,
        Some(Layout::Complex) => 32,
        Some(Layout::Bytes) => 33 + vm.len(obj)? as u64,
        Some(Layout::ByteArray) => match vm.len(obj)? {
            0 => 56,
            n => 57 + n as u64,
        },
        Some(Layout::Tuple) => 24 + 8 * vm.len(obj)? as u64,
        Some(Layout::Set) => {
            // The hash table as grown by adding the items one at a time.
            let n = vm.len(obj)?;
            let mut table = 8usize;
            for used in 1..=n {
                if used * 5 >= (table - 1) * 3 {
                    let want = if used > 50_000 { used * 2 } else { used * 4 };
                    table = 8;
                    while table <= want {
                        table *= 2;
                    }
                }
            }
            if table > 8 {
                200 + 16 * table as u64
            } else {
                200
            }
        }
        Some(Layout::Range) => 48,
        Some(Layout::Slice) => 40,
        Some(Layout::Module) => 56,
        Some(Layout::Function) => 136,
        Some(Layout::BuiltinFunction) => 56,
        Some(Layout::BoundMethod) => 32,
        Some(Layout::BaseException) => 72,
        Some(Layout::SeqIter) | Some(Layout::RangeIter) => 32,
        Some(Layout::Object) if !crate::types::type_of(obj).is(&types().object) => 24,
        _ => return Ok(None),
    }))
}

fn intern(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [s] = args.exact::<1>("sys.intern")?;
    if !crate::types::type_of(s).is(&types().str) {
        return Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            crate::types::type_name(s)
        )));
    }
    Ok(crate::intern::intern_value(s))
}

fn getframe(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("_getframe", 0, 1)?;
    let depth = match pos.first() {
        Some(d) => vm.to_i64(d)?.max(0) as usize,
        None => 0,
    };
    let n = vm.frame_count();
    if depth >= n {
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    // Build the chain of frame snapshots from the outermost requested frame inwards.
    let mut back = Value::NONE;
    for d in (depth..n).rev() {
        let f = vm.frame_at(d).expect("in range");
        back = crate::types::traceback::FrameData::from_frame(f, back);
    }
    Ok(back)
}

fn getdefaultencoding(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys.getdefaultencoding")?;
    Ok(new_str("utf-8"))
}

fn get_int_max_str_digits(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys.get_int_max_str_digits")?;
    Ok(Value::small_int(
        vm.interp.int_max_str_digits.load(Ordering::Relaxed) as i64,
    ))
}

fn set_int_max_str_digits(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [n] = args.bind("set_int_max_str_digits", ["maxdigits"], 1)?;
    let n = vm.to_i64(n.expect("required"))?;
    if n != 0 && n < 640 {
        return Err(PyErr::value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.interp
        .int_max_str_digits
        .store(n as usize, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn settrace(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("sys.settrace")?;
    if f.is_none() {
        return Ok(Value::NONE);
    }
    Err(PyErr::not_implemented(
        "sys.settrace()/sys.setprofile() are not supported yet",
    ))
}

fn gettrace(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys.gettrace")?;
    Ok(Value::NONE)
}

fn is_finalizing(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys.is_finalizing")?;
    Ok(Value::FALSE)
}

fn getfilesystemencodeerrors(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys.getfilesystemencodeerrors")?;
    Ok(new_str("surrogateescape"))
}

/// `sys.setswitchinterval` (stored as f64 bits; krait threads run in parallel, so the value
/// has no effect).
static SWITCH_INTERVAL: AtomicU64 = AtomicU64::new(0x3F74_7AE1_47AE_147B); // 0.005

fn getswitchinterval(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys.getswitchinterval")?;
    Ok(crate::types::float::new_float(f64::from_bits(
        SWITCH_INTERVAL.load(Ordering::Relaxed),
    )))
}

fn setswitchinterval(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("sys.setswitchinterval")?;
    let x = crate::modules::math::to_f64(vm, x)?;
    if x <= 0.0 || x.is_nan() {
        return Err(PyErr::value_error(
            "switch interval must be strictly positive",
        ));
    }
    SWITCH_INTERVAL.store(x.to_bits(), Ordering::Relaxed);
    Ok(Value::NONE)
}

static COROUTINE_ORIGIN_DEPTH: AtomicI64 = AtomicI64::new(0);

fn get_coroutine_origin_tracking_depth(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys.get_coroutine_origin_tracking_depth")?;
    Ok(crate::types::int::int_from_i64(
        COROUTINE_ORIGIN_DEPTH.load(Ordering::Relaxed),
    ))
}

fn set_coroutine_origin_tracking_depth(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [depth] = args.bind("set_coroutine_origin_tracking_depth", ["depth"], 1)?;
    let depth = depth.expect("required");
    if crate::types::float::float_value(depth).is_some() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let depth = vm.to_i64(depth)?;
    if depth < 0 {
        return Err(PyErr::value_error("depth must be >= 0"));
    }
    COROUTINE_ORIGIN_DEPTH.store(depth, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn getallocatedblocks(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys.getallocatedblocks")?;
    Ok(Value::small_int(0))
}

static DLOPEN_FLAGS: AtomicI64 = AtomicI64::new(libc::RTLD_NOW as i64);

fn getdlopenflags(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys.getdlopenflags")?;
    Ok(crate::types::int::int_from_i64(
        DLOPEN_FLAGS.load(Ordering::Relaxed),
    ))
}

fn setdlopenflags(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [flags] = args.exact::<1>("sys.setdlopenflags")?;
    if crate::types::float::float_value(flags).is_some() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let flags = vm.to_i64(flags)?;
    DLOPEN_FLAGS.store(flags, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn call_tracing(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [func, fargs] = args.exact::<2>("call_tracing")?;
    let Some(t) = fargs.downcast::<crate::types::tuple::TupleData>() else {
        return Err(PyErr::type_error(format!(
            "call_tracing() argument 2 must be tuple, not {}",
            crate::types::type_name(fargs)
        )));
    };
    let items = t.data.items().to_vec();
    vm.call(func, &items)
}

/// Writes `text` to `sys.stderr` (falling back to the process's stderr) and flushes it.
fn write_stderr(vm: &mut Vm, text: &str) -> PyResult<()> {
    let n = crate::intern::names();
    match vm.sys_attr("stderr") {
        Ok(err) if !err.is_none() => {
            vm.call_method(&err, &n.write, &[new_str(text)])?;
            // A stream without flush() is fine.
            let _ = vm.call_method(&err, &n.flush, &[]);
        }
        _ => eprint!("{text}"),
    }
    Ok(())
}

fn displayhook(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [value] = args.exact::<1>("sys.displayhook")?;
    if value.is_none() {
        return Ok(Value::NONE);
    }
    let builtins = vm.interp.builtins.clone();
    let bmod = builtins.downcast::<ModuleData>();
    if let Some(b) = &bmod {
        b.data.set("_", Value::NONE);
    }
    let text = vm.repr(value)?;
    let out = vm.sys_attr("stdout")?;
    if out.is_none() {
        return Err(PyErr::runtime_error("lost sys.stdout"));
    }
    let n = crate::intern::names();
    vm.call_method(&out, &n.write, &[text])?;
    vm.call_method(&out, &n.write, &[new_str("\n")])?;
    if let Some(b) = &bmod {
        b.data.set("_", value.clone());
    }
    Ok(Value::NONE)
}

fn excepthook(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [_ty, value, _tb] = args.exact::<3>("excepthook")?;
    let text = if value
        .downcast::<crate::types::exception::ExceptionData>()
        .is_some()
    {
        crate::interp::traceback::format_exception(vm, value)
    } else {
        format!(
            "TypeError: print_exception(): Exception expected for value, {} found\n",
            crate::types::type_name(value)
        )
    };
    if let Ok(out) = vm.sys_attr("stdout") {
        if !out.is_none() {
            let _ = vm.call_method(&out, &crate::intern::names().flush, &[]);
        }
    }
    write_stderr(vm, &text)?;
    Ok(Value::NONE)
}

fn unraisablehook(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [u] = args.exact::<1>("sys.unraisablehook")?;
    let get = |vm: &mut Vm, name: &str| -> PyResult<Value> {
        vm.get_attr(u, &crate::intern::intern(name)).map_err(|_| {
            PyErr::type_error("sys.unraisablehook argument type must be UnraisableHookArgs")
        })
    };
    let exc_type = get(vm, "exc_type")?;
    let exc_value = get(vm, "exc_value")?;
    let err_msg = get(vm, "err_msg")?;
    let object = get(vm, "object")?;
    let mut text = String::new();
    let msg = if err_msg.is_none() {
        None
    } else {
        Some(vm.str_string(&err_msg)?)
    };
    if !object.is_none() {
        text.push_str(msg.as_deref().unwrap_or("Exception ignored in"));
        text.push_str(": ");
        match vm.repr_string(&object) {
            Ok(r) => text.push_str(&r),
            Err(_) => text.push_str("<object repr() failed>"),
        }
        text.push('\n');
    } else if let Some(m) = &msg {
        text.push_str(m);
        text.push_str(":\n");
    }
    if exc_value
        .downcast::<crate::types::exception::ExceptionData>()
        .is_some()
    {
        // Like CPython's default hook: the exception's own traceback, not its chain.
        text.push_str(&crate::interp::traceback::format_exception_unchained(
            vm, &exc_value,
        ));
    } else if let Some(t) = exc_type.downcast::<crate::types::typeobj::TypeData>() {
        text.push_str(&t.name());
        text.push('\n');
    }
    write_stderr(vm, &text)?;
    Ok(Value::NONE)
}

/// `sys.breakpointhook`: calls the function named by `$PYTHONBREAKPOINT` (default
/// `pdb.set_trace`; `0` disables breakpoints).
fn breakpointhook(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let hook = std::env::var("PYTHONBREAKPOINT").unwrap_or_default();
    if hook == "0" {
        return Ok(Value::NONE);
    }
    let hook = if hook.is_empty() {
        "pdb.set_trace".to_string()
    } else {
        hook
    };
    let (module, attr) = match hook.rfind('.') {
        Some(i) => (&hook[..i], &hook[i + 1..]),
        None => ("builtins", hook.as_str()),
    };
    let func = vm
        .import_module(module)
        .and_then(|m| vm.get_attr(&m, &crate::intern::intern(attr)));
    match func {
        Ok(f) => vm.call_value(&f, args),
        Err(e)
            if e.matches(&types().exc.import_error) || e.matches(&types().exc.attribute_error) =>
        {
            write_stderr(
                vm,
                &format!("RuntimeWarning: Ignoring unimportable $PYTHONBREAKPOINT: \"{hook}\"\n"),
            )?;
            Ok(Value::NONE)
        }
        Err(e) => Err(e),
    }
}

fn clear_type_cache(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys._clear_type_cache")?;
    Ok(Value::NONE)
}

fn debugmallocstats(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys._debugmallocstats")?;
    Ok(Value::NONE)
}

/// The identifier of the calling thread (as `threading.get_ident()` reports it).
fn thread_ident() -> Value {
    // SAFETY: pthread_self has no preconditions.
    let id = unsafe { libc::pthread_self() };
    crate::types::int::int_from_u64(id as u64)
}

fn current_frames(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys._current_frames")?;
    let d = DictData::new_ref();
    if vm.frame_count() > 0 {
        let frame = getframe(vm, &Value::NONE, Args::new(&[]))?;
        d.data.set_item(vm, thread_ident(), frame)?;
    }
    Ok(d.into_value())
}

fn current_exceptions(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("sys._current_exceptions")?;
    let d = DictData::new_ref();
    let e = vm.handled_exception();
    if !e.is_none() {
        let ty = crate::types::type_of(&e).to_value();
        let tb = crate::types::exception::traceback_of(&e);
        d.data.set_item(
            vm,
            thread_ident(),
            crate::types::tuple::new_tuple(vec![ty, e, tb]),
        )?;
    }
    Ok(d.into_value())
}
