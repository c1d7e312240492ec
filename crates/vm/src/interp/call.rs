//! Calling things: the generic call path used by native code and by `CALL` for callables
//! that are not plain Python functions, argument binding for Python functions, and
//! `CALL_FUNCTION_EX`.

// Frames are reached through raw pointers whose validity the frame stack guarantees;
// references made from them are intentional.
#![allow(dangerous_implicit_autorefs)]

use std::ptr;

use krait_bytecode::code_flags;

use crate::interp::frame::{fflags, Frame};
use crate::object::Obj;
use crate::types::builtin_func::BuiltinFunctionData;
use crate::types::code::CodeData;
use crate::types::dict::DictData;
use crate::types::function::FunctionData;
use crate::types::method::BoundMethodData;
use crate::types::str::StrData;
use crate::types::tuple::TupleData;
use crate::types::typeobj::TypeData;
use crate::types::{type_of, types};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

impl Vm {
    /// `callable(*args)`.
    pub fn call(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_value(callable, Args::new(args))
    }

    /// `obj.name(*args)` (looking `name` up as a method, without a bound-method object when
    /// possible). `name` should be interned.
    pub fn call_method(&mut self, obj: &Value, name: &Value, args: &[Value]) -> PyResult<Value> {
        let (meth, is_method) = self.load_method(obj, name)?;
        if is_method {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(obj.clone());
            all.extend_from_slice(args);
            self.call_value(&meth, Args::new(&all))
        } else {
            self.call_value(&meth, Args::new(args))
        }
    }

    /// Calls a special method found on the type (`type(obj).name(obj, *args)`), skipping the
    /// instance dict as Python does for dunders. Returns None if the type lacks it.
    pub fn call_special(
        &mut self,
        obj: &Value,
        name: &Value,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let Some(descr) = type_of(obj).lookup(name) else {
            return Ok(None);
        };
        self.call_descriptor(&descr, obj, args).map(Some)
    }

    /// Calls `descr` (found on `type(obj)`) as a method of `obj`.
    pub fn call_descriptor(
        &mut self,
        descr: &Value,
        obj: &Value,
        args: &[Value],
    ) -> PyResult<Value> {
        // Functions and method descriptors take `self` as the first argument directly.
        if descr.downcast::<FunctionData>().is_some() || is_method_descriptor(descr) {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(obj.clone());
            all.extend_from_slice(args);
            return self.call_value(descr, Args::new(&all));
        }
        let bound = self.bind_descriptor(descr, obj)?;
        self.call_value(&bound, Args::new(args))
    }

    /// The generic call: any callable with positional and keyword arguments.
    pub fn call_value(&mut self, callable: &Value, args: Args) -> PyResult<Value> {
        let Some(h) = callable.as_header() else {
            return Err(not_callable(callable));
        };
        match h.layout() {
            crate::object::Layout::Function => {
                let func = callable.downcast::<FunctionData>().expect("layout checked");
                self.call_python(func, args, None)
            }
            crate::object::Layout::BuiltinFunction => {
                let bf = callable
                    .downcast::<BuiltinFunctionData>()
                    .expect("layout checked");
                self.call_builtin(bf, args)
            }
            crate::object::Layout::BoundMethod => {
                let m = callable
                    .downcast::<BoundMethodData>()
                    .expect("layout checked");
                let func = m.data.func.clone();
                let this = m.data.this.clone();
                if let Some(pf) = func.downcast::<FunctionData>() {
                    return self.call_python(pf, args, Some(this));
                }
                let mut all = Vec::with_capacity(args.all_values().len() + 1);
                all.push(this);
                all.extend_from_slice(args.all_values());
                self.call_value(&func, Args::with_kwnames(&all, args.kwnames()))
            }
            crate::object::Layout::Type if type_of(callable).is(&types().type_) => {
                let cls = callable.downcast::<TypeData>().expect("layout checked");
                self.call_type(cls, args)
            }
            _ => {
                let call = type_of(callable).lookup(&crate::intern::names().__call__);
                match call {
                    Some(c) => {
                        self.check_stack()?;
                        let mut all = Vec::with_capacity(args.all_values().len() + 1);
                        all.push(callable.clone());
                        all.extend_from_slice(args.all_values());
                        self.call_value(&c, Args::with_kwnames(&all, args.kwnames()))
                    }
                    None => Err(not_callable(callable)),
                }
            }
        }
    }

    fn call_builtin(&mut self, bf: &Obj<BuiltinFunctionData>, args: Args) -> PyResult<Value> {
        let d = &bf.data;
        if !d.this.is_empty() {
            return (d.func)(self, &d.this, args);
        }
        if let Some(objclass) = &d.objclass {
            // An unbound method descriptor: the first argument is `self`.
            let pos = args.positional();
            let Some(first) = pos.first() else {
                return Err(PyErr::type_error(format!(
                    "unbound method {}.{}() needs an argument",
                    objclass.name(),
                    d.name
                )));
            };
            if !crate::types::isinstance(first, objclass) {
                return Err(PyErr::type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    d.name,
                    objclass.name(),
                    type_of(first).name()
                )));
            }
            return (d.func)(self, first, args.skip_positional(1));
        }
        (d.func)(self, &Value::NONE, args)
    }

    /// Calls a Python function from native code: pushes an ENTRY frame and runs it.
    pub fn call_python(
        &mut self,
        func: &Obj<FunctionData>,
        args: Args,
        self_arg: Option<Value>,
    ) -> PyResult<Value> {
        self.check_stack()?;
        if self.frames.len() + self.native_depth >= self.interp.recursion_limit() {
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
        }
        let code = func.data.code();
        let slots = Frame::region_slots(&code.data);
        let (region, prev_top) = self.data.alloc(slots);
        unsafe {
            let f = Frame::init(
                region,
                func.to_value(),
                code,
                &func.data.globals,
                &func.data.builtins,
                Value::EMPTY,
                prev_top,
                fflags::ENTRY,
            );
            let bound = match self_arg {
                Some(this) => {
                    let mut all = Vec::with_capacity(args.all_values().len() + 1);
                    all.push(this);
                    all.extend_from_slice(args.all_values());
                    bind_arguments(
                        self,
                        func,
                        &code.data,
                        (*f).localsplus(),
                        Args::with_kwnames(&all, args.kwnames()),
                    )
                }
                None => bind_arguments(self, func, &code.data, (*f).localsplus(), args),
            };
            if let Err(e) = bound {
                Frame::clear(f);
                self.data.release(prev_top);
                return Err(e);
            }
            self.frames.push(f);
        }
        // Only Python frames count against the recursion limit here (CPython 3.11 does
        // not count the native call that enters them); check_stack guards the Rust stack.
        self.run()
    }

    /// Runs a function's code with an explicit locals mapping (class bodies run by
    /// `__build_class__`).
    pub fn call_with_locals(&mut self, func: &Obj<FunctionData>, locals: Value) -> PyResult<Value> {
        self.check_stack()?;
        let code = func.data.code();
        let slots = Frame::region_slots(&code.data);
        let (region, prev_top) = self.data.alloc(slots);
        unsafe {
            let f = Frame::init(
                region,
                func.to_value(),
                code,
                &func.data.globals,
                &func.data.builtins,
                locals,
                prev_top,
                fflags::ENTRY,
            );
            self.frames.push(f);
        }
        // Only Python frames count against the recursion limit here (CPython 3.11 does
        // not count the native call that enters them); check_stack guards the Rust stack.
        self.run()
    }

    /// `cls(*args)`: `type.__call__`.
    pub fn call_type(&mut self, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
        let t = types();
        // type(x) with one argument.
        if cls.is(&t.type_) && args.len() == 1 && !args.has_kwargs() {
            return Ok(type_of(&args.positional()[0]).to_value());
        }
        let names = crate::intern::names();
        // Builtin types whose construction is entirely native.
        let new = cls.lookup(&names.__new__);
        let obj = match &new {
            Some(n) if is_native_static_new(n, cls) => {
                let native = cls.data.native_new.expect("checked");
                native(self, cls, args)?
            }
            Some(n) => {
                let mut all = Vec::with_capacity(args.all_values().len() + 1);
                all.push(cls.to_value());
                all.extend_from_slice(args.all_values());
                let f = self.bind_descriptor_for_class(n, cls)?;
                self.call_value(&f, Args::with_kwnames(&all, args.kwnames()))?
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "cannot create '{}' instances",
                    cls.name()
                )))
            }
        };
        // __init__ runs only if __new__ returned an instance of cls.
        let oty = type_of(&obj);
        if !(oty.is(cls) || oty.is_subtype(cls)) {
            return Ok(obj);
        }
        if cls.is(&t.type_) {
            return Ok(obj);
        }
        if let Some(init) = oty.lookup(&names.__init__) {
            if !is_trivial_init(&init, oty) {
                let r = self.call_descriptor_args(&init, &obj, args)?;
                if !r.is_none() {
                    return Err(PyErr::type_error(format!(
                        "__init__() should return None, not '{}'",
                        type_of(&r).name()
                    )));
                }
            }
        }
        Ok(obj)
    }

    /// Calls `descr` found on a type as a method of `obj`, with full `Args`.
    pub fn call_descriptor_args(
        &mut self,
        descr: &Value,
        obj: &Value,
        args: Args,
    ) -> PyResult<Value> {
        if let Some(pf) = descr.downcast::<FunctionData>() {
            return self.call_python(pf, args, Some(obj.clone()));
        }
        if is_method_descriptor(descr) {
            let bf = descr.downcast::<BuiltinFunctionData>().expect("checked");
            return (bf.data.func)(self, obj, args);
        }
        let bound = self.bind_descriptor(descr, obj)?;
        self.call_value(&bound, args)
    }

    fn bind_descriptor_for_class(&mut self, descr: &Value, cls: &Obj<TypeData>) -> PyResult<Value> {
        // `__new__` is a static method: unwrap staticmethod objects.
        if let Some(sm) = descr.downcast::<crate::types::descriptors::StaticMethodData>() {
            return Ok(sm.data.callable());
        }
        let _ = cls;
        Ok(descr.clone())
    }

    /// `CALL_FUNCTION_EX`: `callable(*callargs, **kwargs)`.
    pub(crate) fn call_function_ex(
        &mut self,
        callable: &Value,
        self_or_null: Value,
        callargs: &Value,
        kwargs: &Value,
    ) -> PyResult<Value> {
        let mut values: Vec<Value> = Vec::new();
        if !self_or_null.is_empty() {
            values.push(self_or_null);
        }
        match callargs.downcast::<TupleData>() {
            Some(t) => values.extend_from_slice(t.data.items()),
            None => {
                let items = self.collect(callargs).map_err(|e| {
                    if e.matches(&types().exc.type_error) && self.get_iter_type_check(callargs) {
                        PyErr::type_error(format!(
                            "{} argument after * must be an iterable, not {}",
                            self.callable_description(callable),
                            type_of(callargs).name()
                        ))
                    } else {
                        e
                    }
                })?;
                values.extend(items);
            }
        }
        let mut kwnames: Vec<Value> = Vec::new();
        if !kwargs.is_empty() && !kwargs.is_none() {
            let d = kwargs
                .downcast::<DictData>()
                .ok_or_else(|| PyErr::type_error("argument after ** must be a mapping"))?;
            for (k, v) in d.data.items() {
                if k.downcast::<StrData>().is_none() {
                    return Err(PyErr::type_error("keywords must be strings"));
                }
                kwnames.push(k);
                values.push(v);
            }
        }
        self.call_value(callable, Args::with_kwnames(&values, &kwnames))
    }

    /// `f()` style description of a callable for messages.
    pub fn callable_description(&self, callable: &Value) -> String {
        if let Some(f) = callable.downcast::<FunctionData>() {
            let q = crate::interp::eval::name_str(&f.data.qualname()).to_string();
            let m = f.data.module.lock().clone();
            return match crate::types::str::str_of(&m) {
                Some(m) if m != "builtins" => format!("{m}.{q}()"),
                _ => format!("{q}()"),
            };
        }
        if let Some(b) = callable.downcast::<BuiltinFunctionData>() {
            return format!("{}()", b.data.name);
        }
        if let Some(t) = callable.downcast::<TypeData>() {
            return format!("{}()", t.name());
        }
        format!("{} object", type_of(callable).name())
    }

    fn get_iter_type_check(&self, v: &Value) -> bool {
        type_of(v)
            .lookup(&crate::intern::names().__iter__)
            .is_none()
            && type_of(v)
                .lookup(&crate::intern::names().__getitem__)
                .is_none()
    }
}

fn not_callable(v: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not callable", type_of(v).name()))
}

/// Whether `v` is a native method descriptor (an unbound builtin method of a type).
pub fn is_method_descriptor(v: &Value) -> bool {
    v.downcast::<BuiltinFunctionData>()
        .is_some_and(|b| b.data.objclass.is_some() && b.data.this.is_empty())
}

/// Whether `__new__` found on `cls` is the native constructor of `cls`'s builtin base.
fn is_native_static_new(new: &Value, cls: &Obj<TypeData>) -> bool {
    let Some(native) = cls.data.native_new else {
        return false;
    };
    match new.downcast::<BuiltinFunctionData>() {
        Some(b) => b
            .data
            .native_new
            .is_some_and(|n| n as usize == native as usize),
        None => false,
    }
}

fn is_trivial_init(init: &Value, ty: &Obj<TypeData>) -> bool {
    // object.__init__ with no arguments does nothing; skip it only for exact builtin types
    // whose constructor did all the work.
    let t = types();
    let object_init = t
        .object
        .data
        .dict
        .data
        .get_str(&crate::intern::names().__init__);
    object_init.is_some_and(|o| o.is(init))
        && !ty.data.has_flag(crate::types::typeobj::tflags::HEAPTYPE)
}

/// Binds call arguments to the parameters of `code` into the fast locals at `locals`
/// (CPython's rules and messages).
///
/// # Safety
/// `locals` must point to `code.nlocalsplus` initialized (EMPTY) slots.
pub(crate) unsafe fn bind_arguments(
    vm: &mut Vm,
    func: &Obj<FunctionData>,
    code: &CodeData,
    locals: *mut Value,
    args: Args,
) -> PyResult<()> {
    let _ = vm;
    let argcount = code.argcount as usize;
    let posonly = code.posonlyargcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let has_varargs = code.flags & code_flags::VARARGS != 0;
    let has_varkw = code.flags & code_flags::VARKEYWORDS != 0;
    let pos = args.positional();
    let set = |i: usize, v: Value| {
        drop(ptr::replace(locals.add(i), v));
    };
    let get = |i: usize| -> &Value { &*locals.add(i) };
    let qualname = func.data.qualname();
    let fname = crate::interp::eval::name_str(&qualname).to_string();

    let ncopy = pos.len().min(argcount);
    for (i, v) in pos.iter().take(ncopy).enumerate() {
        set(i, v.clone());
    }
    let varargs_slot = argcount + kwonly;
    let varkw_slot = varargs_slot + has_varargs as usize;
    let kwdict = if has_varkw {
        let d = DictData::new_ref();
        set(varkw_slot, d.to_value());
        Some(d)
    } else {
        None
    };
    if has_varargs {
        let extra: Vec<Value> = pos.iter().skip(argcount).cloned().collect();
        set(varargs_slot, crate::types::tuple::new_tuple(extra));
    } else if pos.len() > argcount {
        let defaults = func.data.defaults_vec();
        let kw_given = args
            .kwargs()
            .filter(|(n, _)| (0..kwonly).any(|j| param_name(code, argcount + j) == *n))
            .count();
        let takes = if defaults.is_empty() {
            format!(
                "{argcount} positional argument{}",
                if argcount == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "from {} to {argcount} positional arguments",
                argcount - defaults.len().min(argcount)
            )
        };
        let given = if kw_given > 0 {
            format!(
                "{} positional argument{} (and {kw_given} keyword-only argument{})",
                pos.len(),
                if pos.len() == 1 { "" } else { "s" },
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{}", pos.len())
        };
        let verb = if pos.len() == 1 && kw_given == 0 {
            "was"
        } else {
            "were"
        };
        return Err(PyErr::type_error(format!(
            "{fname}() takes {takes} but {given} {verb} given"
        )));
    }

    // Keyword arguments.
    let mut posonly_as_kw: Vec<String> = Vec::new();
    for (name_v, value) in args.kwnames().iter().zip(args.kwvalues()) {
        let name = crate::interp::eval::name_str(name_v);
        let idx = (posonly..argcount + kwonly).find(|&i| {
            let pn = &code.localsplusnames[i];
            pn.is(name_v) || crate::interp::eval::name_str(pn) == name
        });
        match idx {
            Some(i) => {
                if !get(i).is_empty() {
                    return Err(PyErr::type_error(format!(
                        "{fname}() got multiple values for argument '{name}'"
                    )));
                }
                set(i, value.clone());
            }
            None => {
                if let Some(d) = &kwdict {
                    d.data.set_str(name_v.clone(), value.clone());
                } else if (0..posonly).any(|i| param_name(code, i) == name) {
                    posonly_as_kw.push(name.to_string());
                } else {
                    return Err(PyErr::type_error(format!(
                        "{fname}() got an unexpected keyword argument '{name}'"
                    )));
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        )));
    }

    // Defaults for missing positional parameters.
    if pos.len() < argcount {
        let defaults = func.data.defaults_vec();
        let first_default = argcount - defaults.len().min(argcount);
        let mut missing: Vec<String> = Vec::new();
        for i in pos.len()..argcount {
            if get(i).is_empty() {
                if i >= first_default {
                    set(i, defaults[i - first_default].clone());
                } else {
                    missing.push(param_name(code, i).to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(&fname, &missing, "positional"));
        }
    }
    // Keyword-only parameters.
    if kwonly > 0 {
        let kwdefaults = func.data.kwdefaults();
        let mut missing: Vec<String> = Vec::new();
        for i in argcount..argcount + kwonly {
            if get(i).is_empty() {
                let name = &code.localsplusnames[i];
                let default = kwdefaults
                    .downcast::<DictData>()
                    .and_then(|d| d.data.get_str(name));
                match default {
                    Some(v) => set(i, v),
                    None => missing.push(param_name(code, i).to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(&fname, &missing, "keyword-only"));
        }
    }
    Ok(())
}

fn param_name(code: &CodeData, i: usize) -> &str {
    crate::interp::eval::name_str(&code.localsplusnames[i])
}

fn missing_error(fname: &str, missing: &[String], kind: &str) -> PyErr {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    PyErr::type_error(format!(
        "{fname}() missing {} required {kind} argument{}: {list}",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" }
    ))
}
