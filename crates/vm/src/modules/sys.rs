//! The `sys` module.

use std::sync::atomic::Ordering;

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
        new_list(config.argv.iter().map(|a| new_str(a.as_str())).collect()),
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
    md.data.set("executable", new_str(exe));
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
        ],
    );
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
    args.exact::<0>("getrecursionlimit")?;
    Ok(Value::small_int(
        vm.interp.recursion_limit.load(Ordering::Relaxed) as i64,
    ))
}

fn setrecursionlimit(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [n] = args.exact::<1>("setrecursionlimit")?;
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

fn exc_info(vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
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

fn exception(vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(vm.handled_exception())
}

fn getrefcount(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("getrefcount")?;
    Ok(crate::types::int::int_from_u64(
        v.as_header()
            .map(|h| h.refcount() as u64)
            .unwrap_or(1 << 30),
    ))
}

fn getsizeof(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("getsizeof", 1, 2)?;
    match vm.call_special(&pos[0], &crate::intern::intern("__sizeof__"), &[])? {
        Some(v) => Ok(v),
        None => Ok(Value::small_int(16)),
    }
}

fn intern(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [s] = args.exact::<1>("intern")?;
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

fn getdefaultencoding(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(new_str("utf-8"))
}

fn get_int_max_str_digits(vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
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
    let [f] = args.exact::<1>("settrace")?;
    if f.is_none() {
        return Ok(Value::NONE);
    }
    Err(PyErr::not_implemented(
        "sys.settrace()/sys.setprofile() are not supported yet",
    ))
}

fn gettrace(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn is_finalizing(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::FALSE)
}
