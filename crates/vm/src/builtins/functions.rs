//! Builtin functions.

use krait_bytecode::ComparisonOperator;

use crate::intern::names;
use crate::types::dict::DictData;
use crate::types::int::IntValue;
use crate::types::str::{new_str, str_of};
use crate::types::tuple::TupleData;
use crate::types::typeobj::TypeData;
use crate::types::{type_of, types};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub fn print(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [sep, end, file, flush] = {
        let mut out: [Option<&Value>; 4] = [None; 4];
        for (k, v) in args.kwargs() {
            let slot = match k {
                "sep" => 0,
                "end" => 1,
                "file" => 2,
                "flush" => 3,
                _ => {
                    return Err(PyErr::type_error(format!(
                        "print() got an unexpected keyword argument '{k}'"
                    )))
                }
            };
            out[slot] = Some(v);
        }
        out
    };
    let text_or_default =
        |vm: &mut Vm, v: Option<&Value>, default: &str, what: &str| -> PyResult<String> {
            match v {
                None => Ok(default.to_string()),
                Some(v) if v.is_none() => Ok(default.to_string()),
                Some(v) => match str_of(v) {
                    Some(s) => Ok(s.to_string()),
                    None => {
                        let _ = vm;
                        Err(PyErr::type_error(format!(
                            "{what} must be None or a string, not {}",
                            type_of(v).name()
                        )))
                    }
                },
            }
        };
    let sep = text_or_default(vm, sep, " ", "sep")?;
    let end = text_or_default(vm, end, "\n", "end")?;
    let mut s = String::new();
    for (i, a) in args.positional().iter().enumerate() {
        if i > 0 {
            s.push_str(&sep);
        }
        s.push_str(&vm.str_string(a)?);
    }
    s.push_str(&end);
    let file = match file {
        Some(f) if !f.is_none() => f.clone(),
        _ => vm.sys_attr("stdout")?,
    };
    if file.is_none() {
        return Ok(Value::NONE);
    }
    if let Some(tf) = file.downcast::<crate::types::file::TextFileData>() {
        tf.data.write_value(&new_str(s))?;
    } else {
        vm.call_method(&file, &names().write, &[new_str(s)])?;
    }
    if let Some(f) = flush {
        if vm.is_true(f)? {
            vm.call_method(&file, &names().flush, &[])?;
        }
    }
    Ok(Value::NONE)
}

pub fn len(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("len")?;
    Ok(crate::types::int::int_from_u64(vm.len(v)? as u64))
}

pub fn abs(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("abs")?;
    vm.unary_op(v, "__abs__", "abs()")
}

pub fn all(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("all")?;
    let it = vm.get_iter(v)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.is_true(&x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

pub fn any(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("any")?;
    let it = vm.get_iter(v)?;
    while let Some(x) = vm.next(&it)? {
        if vm.is_true(&x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

pub fn ascii(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("ascii")?;
    vm.ascii(v)
}

fn radix(vm: &mut Vm, v: &Value, radix: u32) -> PyResult<Value> {
    let i = vm.index_value(v)?;
    Ok(new_str(crate::numfmt::int_to_str_radix(
        &i.to_bigint(),
        radix,
    )))
}

pub fn bin(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("bin")?;
    radix(vm, v, 2)
}
pub fn oct(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("oct")?;
    radix(vm, v, 8)
}
pub fn hex(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("hex")?;
    radix(vm, v, 16)
}

/// Whether `v` can be called.
pub fn is_callable(v: &Value) -> bool {
    use crate::object::Layout;
    match v.layout() {
        Some(Layout::Function | Layout::BuiltinFunction | Layout::BoundMethod | Layout::Type) => {
            true
        }
        Some(_) => type_of(v).lookup(&names().__call__).is_some(),
        None => false,
    }
}

pub fn callable(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("callable")?;
    Ok(Value::bool(is_callable(v)))
}

pub fn chr(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("chr")?;
    let i = vm.index_value(v)?;
    let i = i
        .to_i64()
        .filter(|i| (0..=0x10ffff).contains(i))
        .ok_or_else(|| PyErr::value_error("chr() arg not in range(0x110000)"))?;
    match char::from_u32(i as u32) {
        Some(c) => Ok(crate::types::str::char_value(c)),
        None => Err(PyErr::not_implemented(
            "lone surrogate code points are not supported in str yet",
        )),
    }
}

pub fn ord(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("ord")?;
    if let Some(s) = str_of(v) {
        let mut chars = s.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(Value::small_int(c as i64)),
            _ => Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.chars().count()
            ))),
        };
    }
    if let Some(b) = crate::types::bytes::bytes_like(v) {
        return match b.len() {
            1 => Ok(Value::small_int(b[0] as i64)),
            n => Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {n} found"
            ))),
        };
    }
    Err(PyErr::type_error(format!(
        "ord() expected string of length 1, but {} found",
        type_of(v).name()
    )))
}

pub fn delattr(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [obj, name] = args.exact::<2>("delattr")?;
    let name = crate::interp::attr::check_attr_name(name)?;
    vm.del_attr(obj, &name)?;
    Ok(Value::NONE)
}

pub fn getattr(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("getattr", 2, 3)?;
    let name = crate::interp::attr::check_attr_name(&pos[1])?;
    match pos.get(2) {
        None => vm.get_attr(&pos[0], &name),
        Some(default) => Ok(vm
            .lookup_attr(&pos[0], &name)?
            .unwrap_or_else(|| default.clone())),
    }
}

pub fn setattr(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [obj, name, value] = args.exact::<3>("setattr")?;
    let name = crate::interp::attr::check_attr_name(name)?;
    vm.set_attr(obj, &name, value.clone())?;
    Ok(Value::NONE)
}

pub fn hasattr(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [obj, name] = args.exact::<2>("hasattr")?;
    let name = crate::interp::attr::check_attr_name(name)?;
    Ok(Value::bool(vm.lookup_attr(obj, &name)?.is_some()))
}

pub fn dir(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("dir", 0, 1)?;
    match pos.first() {
        None => {
            let l = locals_dict(vm)?;
            let mut keys: Vec<(String, Value)> = Vec::new();
            for k in vm.collect(&l)? {
                keys.push((vm.str_string(&k)?, k));
            }
            keys.sort_by(|a, b| a.0.cmp(&b.0));
            Ok(crate::types::list::new_list(
                keys.into_iter().map(|(_, k)| k).collect(),
            ))
        }
        Some(obj) => {
            let r = match vm.call_special(obj, &names().__dir__, &[])? {
                Some(r) => r,
                None => crate::types::list::new_list(crate::interp::attr::dir_of(vm, obj)?),
            };
            let items = vm.collect(&r)?;
            let sorted = crate::types::list::sort_values(vm, items, None, false)?;
            Ok(crate::types::list::new_list(sorted))
        }
    }
}

pub fn divmod(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("divmod")?;
    if let (Some(x), Some(y)) = (IntValue::of(a), IntValue::of(b)) {
        if a.is_small_int() && b.is_small_int() {
            return crate::types::int::divmod_ints(&x, &y);
        }
    }
    let r = vm.binary_op1(
        a,
        b,
        &crate::intern::intern("__divmod__"),
        &crate::intern::intern("__rdivmod__"),
    )?;
    if crate::types::object::is_not_implemented(&r) {
        return Err(PyErr::type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            type_of(a).name(),
            type_of(b).name()
        )));
    }
    Ok(r)
}

pub fn format(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("format", 1, 2)?;
    let spec = pos
        .get(1)
        .cloned()
        .unwrap_or_else(|| crate::intern::intern(""));
    if str_of(&spec).is_none() {
        return Err(PyErr::type_error(format!(
            "format() argument 2 must be str, not {}",
            type_of(&spec).name()
        )));
    }
    vm.format(&pos[0], &spec)
}

pub fn globals(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("globals")?;
    match vm.current_frame() {
        Some(f) => Ok(f.globals().to_value()),
        None => Ok(DictData::new_ref().into_value()),
    }
}

/// The caller's locals as a mapping (a snapshot dict for function frames).
pub fn locals_dict(vm: &mut Vm) -> PyResult<Value> {
    let Some(f) = vm.current_frame() else {
        return Ok(DictData::new_ref().into_value());
    };
    if !f.locals.is_empty() {
        return Ok(f.locals.clone());
    }
    let d = DictData::new_ref();
    let code = &f.code().data;
    for (i, v) in f.locals_slice().iter().enumerate() {
        let v = if code.is_cell_slot(i) {
            match v.downcast::<crate::types::cell::CellData>() {
                Some(c) => match c.data.get() {
                    Some(x) => x,
                    None => continue,
                },
                None => continue,
            }
        } else {
            v.clone()
        };
        if v.is_empty() {
            continue;
        }
        d.data.set_str(code.localsplusnames[i].clone(), v);
    }
    Ok(d.into_value())
}

pub fn locals(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("locals")?;
    locals_dict(vm)
}

pub fn vars(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("vars", 0, 1)?;
    match pos.first() {
        None => locals_dict(vm),
        Some(obj) => match vm.lookup_attr(obj, &names().__dict__)? {
            Some(d) => Ok(d),
            None => Err(PyErr::type_error(
                "vars() argument must have __dict__ attribute",
            )),
        },
    }
}

pub fn hash(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("hash")?;
    Ok(crate::types::int::int_from_i64(vm.hash(v)?))
}

/// A stable identity number for any value.
pub fn identity(v: &Value) -> i64 {
    match v.as_header() {
        Some(h) => h as *const _ as usize as i64,
        // Immediates: a number derived from the bits, outside the range of heap addresses.
        None => (v.bits() >> 1) as i64 & i64::MAX,
    }
}

pub fn id(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("id")?;
    Ok(crate::types::int::int_from_i64(identity(v)))
}

pub fn input(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("input", 0, 1)?;
    let stdout = vm.sys_attr("stdout")?;
    if let Some(p) = pos.first() {
        let s = vm.str(p)?;
        vm.call_method(&stdout, &names().write, &[s])?;
    }
    let _ = vm.call_method(&stdout, &names().flush, &[]);
    let stdin = vm.sys_attr("stdin")?;
    let line = vm.call_method(&stdin, &names().readline, &[])?;
    let s =
        str_of(&line).ok_or_else(|| PyErr::type_error("object.readline() returned non-string"))?;
    if s.is_empty() {
        return Err(PyErr::eof_error("EOF when reading a line"));
    }
    Ok(new_str(s.strip_suffix('\n').unwrap_or(s)))
}

/// `isinstance(obj, cls)` including `__instancecheck__` and tuples.
pub fn isinstance_check(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(c) = cls.downcast::<TypeData>() {
        if crate::types::isinstance(obj, c) {
            return Ok(true);
        }
        if type_of(cls).is(&types().type_) {
            // A `__class__` that differs from type(obj) is also consulted.
            if let Some(k) = vm.lookup_attr(obj, &names().__class__)? {
                if !k.is(&type_of(obj).to_value()) {
                    if let Some(kt) = k.downcast::<TypeData>() {
                        return Ok(kt.is_subtype(c));
                    }
                }
            }
            return Ok(false);
        }
    }
    if type_of(cls).is(&types().union_type) {
        for c in crate::types::typeobj_new::union_args(cls) {
            if isinstance_check(vm, obj, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(t) = cls.downcast::<TupleData>() {
        vm.check_stack()?;
        for c in t.data.items().to_vec() {
            if isinstance_check(vm, obj, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = type_of(cls).lookup(&names().__instancecheck__) {
        let r = vm.call_descriptor(&check, cls, std::slice::from_ref(obj))?;
        return vm.is_true(&r);
    }
    Err(PyErr::type_error(
        "isinstance() arg 2 must be a type, a tuple of types, or a union",
    ))
}

pub fn isinstance(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [obj, cls] = args.exact::<2>("isinstance")?;
    Ok(Value::bool(isinstance_check(vm, obj, cls)?))
}

fn issubclass_check(vm: &mut Vm, sub: &Value, cls: &Value) -> PyResult<bool> {
    if type_of(cls).is(&types().union_type) {
        for c in crate::types::typeobj_new::union_args(cls) {
            if issubclass_check(vm, sub, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(t) = cls.downcast::<TupleData>() {
        vm.check_stack()?;
        for c in t.data.items().to_vec() {
            if issubclass_check(vm, sub, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(c) = cls.downcast::<TypeData>() {
        if type_of(cls).is(&types().type_) {
            let s = sub
                .downcast::<TypeData>()
                .ok_or_else(|| PyErr::type_error("issubclass() arg 1 must be a class"))?;
            return Ok(s.is_subtype(c));
        }
    }
    if let Some(check) = type_of(cls).lookup(&names().__subclasscheck__) {
        let r = vm.call_descriptor(&check, cls, std::slice::from_ref(sub))?;
        return vm.is_true(&r);
    }
    Err(PyErr::type_error(
        "issubclass() arg 2 must be a class, a tuple of classes, or a union",
    ))
}

pub fn issubclass(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [sub, cls] = args.exact::<2>("issubclass")?;
    Ok(Value::bool(issubclass_check(vm, sub, cls)?))
}

pub fn iter(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("iter", 1, 2)?;
    match pos.get(1) {
        None => vm.get_iter(&pos[0]),
        Some(sentinel) => {
            if !is_callable(&pos[0]) {
                return Err(PyErr::type_error("iter(v, w): v must be callable"));
            }
            Ok(crate::types::iter::CallIterData::new_value(
                pos[0].clone(),
                sentinel.clone(),
            ))
        }
    }
}

pub fn next(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("next", 1, 2)?;
    let it = &pos[0];
    if type_of(it).lookup(&names().__next__).is_none()
        && crate::types::iter::fast_next(it).is_none()
    {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            type_of(it).name()
        )));
    }
    // Call __next__ so a StopIteration value is preserved when there is no default.
    match pos.get(1) {
        None => match crate::types::iter::fast_next(it) {
            Some(r) => r?.ok_or_else(|| PyErr::stop_iteration(Value::NONE)),
            None => match type_of(it).lookup(&names().__next__) {
                Some(m) => vm.call_descriptor(&m, it, &[]),
                None => Err(PyErr::type_error(format!(
                    "'{}' object is not an iterator",
                    type_of(it).name()
                ))),
            },
        },
        Some(default) => Ok(vm.next(it)?.unwrap_or_else(|| default.clone())),
    }
}

fn min_max(vm: &mut Vm, args: Args, name: &str, op: ComparisonOperator) -> PyResult<Value> {
    let mut key: Option<Value> = None;
    let mut default: Option<Value> = None;
    for (k, v) in args.kwargs() {
        match k {
            "key" => key = Some(v.clone()).filter(|v| !v.is_none()),
            "default" => default = Some(v.clone()),
            _ => {
                return Err(PyErr::type_error(format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    let pos = args.positional();
    let items = match pos.len() {
        0 => {
            return Err(PyErr::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => vm.collect(&pos[0])?,
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&it))?,
            None => it.clone(),
        };
        match &best {
            None => best = Some((k, it)),
            Some((bk, _)) => {
                if vm.compare_bool(&k, bk, op)? {
                    best = Some((k, it));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => {
            default.ok_or_else(|| PyErr::value_error(format!("{name}() arg is an empty sequence")))
        }
    }
}

pub fn max(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", ComparisonOperator::Greater)
}

pub fn min(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", ComparisonOperator::Less)
}

pub fn sum(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [iterable, start] = args.bind_with("sum", ["iterable", "start"], 1, 1, 2)?;
    let mut acc = start.cloned().unwrap_or(Value::small_int(0));
    if str_of(&acc).is_some() {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    if crate::types::bytes::bytes_like(&acc).is_some() {
        return Err(PyErr::type_error(
            "sum() can't sum bytes [use b''.join(seq) instead]",
        ));
    }
    let it = vm.get_iter(iterable.expect("required"))?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &x, krait_bytecode::BinaryOperator::Add)?;
    }
    Ok(acc)
}

pub fn sorted(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            pos.len()
        )));
    }
    let mut key = None;
    let mut reverse = false;
    for (k, v) in args.kwargs() {
        match k {
            "key" => key = Some(v),
            "reverse" => reverse = vm.is_true(v)?,
            _ => {
                return Err(PyErr::type_error(format!(
                    "sort() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    let items = vm.collect(&pos[0])?;
    let sorted = crate::types::list::sort_values(vm, items, key, reverse)?;
    Ok(crate::types::list::new_list(sorted))
}

pub fn round(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [number, ndigits] = args.bind("round", ["number", "ndigits"], 1)?;
    let number = number.expect("required");
    let m = type_of(number).lookup(&names().__round__).ok_or_else(|| {
        PyErr::type_error(format!(
            "type {} doesn't define __round__ method",
            type_of(number).name()
        ))
    })?;
    match ndigits {
        Some(n) if !n.is_none() => vm.call_descriptor(&m, number, std::slice::from_ref(n)),
        _ => vm.call_descriptor(&m, number, &[]),
    }
}

pub fn pow(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [base, exp, m] = args.bind("pow", ["base", "exp", "mod"], 2)?;
    let (base, exp) = (base.expect("required"), exp.expect("required"));
    match m {
        Some(m) if !m.is_none() => {
            if let (Some(x), Some(y), Some(z)) =
                (IntValue::of(base), IntValue::of(exp), IntValue::of(m))
            {
                return crate::types::int::int_pow_mod(vm, &x, &y, &z);
            }
            match vm.call_special(base, &names().__pow__, &[exp.clone(), m.clone()])? {
                Some(r) if !crate::types::object::is_not_implemented(&r) => Ok(r),
                _ => Err(PyErr::type_error(format!(
                    "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                    type_of(base).name(),
                    type_of(exp).name(),
                    type_of(m).name()
                ))),
            }
        }
        _ => vm.binary_op(base, exp, krait_bytecode::BinaryOperator::Power),
    }
}

pub fn repr(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("repr")?;
    vm.repr(v)
}

pub fn open(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    crate::types::file::open(vm, args)
}

/// The source text or code object argument of eval/exec/compile.
fn source_or_code(
    vm: &mut Vm,
    src: &Value,
    mode: krait_compiler::Mode,
    filename: &str,
) -> PyResult<crate::object::ObjRef<crate::types::code::CodeData>> {
    if let Some(c) = src.downcast_ref::<crate::types::code::CodeData>() {
        return Ok(c);
    }
    let text = match str_of(src) {
        Some(s) => s.to_string(),
        None => match crate::types::bytes::bytes_like(src) {
            Some(b) => String::from_utf8(b).map_err(|_| {
                PyErr::new(&types().exc.syntax_error, "source code is not valid UTF-8")
            })?,
            None => return Err(PyErr::type_error("expected a string, bytes or code object")),
        },
    };
    let text = if matches!(mode, krait_compiler::Mode::Eval) {
        text.trim_start_matches([' ', '\t']).to_string()
    } else {
        text
    };
    let code = vm.compile(&text, filename, mode)?;
    Ok(crate::types::code::CodeData::from_bytecode(code))
}

/// The (globals, locals) namespaces for eval/exec.
fn namespaces(
    vm: &mut Vm,
    globals: Option<&Value>,
    locals: Option<&Value>,
) -> PyResult<(crate::object::ObjRef<DictData>, Value)> {
    let g = match globals {
        Some(g) if !g.is_none() => g
            .downcast_ref::<DictData>()
            .ok_or_else(|| PyErr::type_error("globals must be a dict"))?,
        _ => match vm.current_frame() {
            Some(f) => f.globals().to_ref(),
            None => DictData::new_ref(),
        },
    };
    if g.data.get_str(&names().__builtins__).is_none() {
        g.data
            .set_str(names().__builtins__.clone(), vm.interp.builtins.clone());
    }
    let l = match locals {
        Some(l) if !l.is_none() => l.clone(),
        _ => match globals {
            Some(gv) if !gv.is_none() => g.to_value(),
            _ => locals_dict(vm)?,
        },
    };
    Ok((g, l))
}

pub fn eval(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [src, globals, locals] =
        args.bind_with("eval", ["source", "globals", "locals"], 1, 1, 3)?;
    let code = source_or_code(
        vm,
        src.expect("required"),
        krait_compiler::Mode::Eval,
        "<string>",
    )?;
    let (g, l) = namespaces(vm, globals, locals)?;
    vm.run_code(&code, &g, l)
}

pub fn exec(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [src, globals, locals] =
        args.bind_with("exec", ["source", "globals", "locals"], 1, 1, 3)?;
    let code = source_or_code(
        vm,
        src.expect("required"),
        krait_compiler::Mode::Exec,
        "<string>",
    )?;
    let (g, l) = namespaces(vm, globals, locals)?;
    vm.run_code(&code, &g, l)?;
    Ok(Value::NONE)
}

pub fn compile(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [src, filename, mode, _flags, _dont_inherit, _optimize] = args.bind(
        "compile",
        [
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
        ],
        3,
    )?;
    let filename = vm.str_string(filename.expect("required"))?;
    let mode = match vm.str_string(mode.expect("required"))?.as_str() {
        "exec" => krait_compiler::Mode::Exec,
        "eval" => krait_compiler::Mode::Eval,
        "single" => krait_compiler::Mode::Single,
        _ => {
            return Err(PyErr::value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ))
        }
    };
    Ok(source_or_code(vm, src.expect("required"), mode, &filename)?.into_value())
}

pub fn import(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [name, globals, _locals, fromlist, level] = args.bind(
        "__import__",
        ["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    let name = crate::interp::attr::check_attr_name(name.expect("required"))?;
    let globals = match globals {
        Some(g) if !g.is_none() => g
            .downcast_ref::<DictData>()
            .ok_or_else(|| PyErr::type_error("globals must be a dict"))?,
        _ => DictData::new_ref(),
    };
    let fromlist = fromlist.cloned().unwrap_or(Value::NONE);
    let level = level.cloned().unwrap_or(Value::small_int(0));
    vm.import_name(&name, &fromlist, &level, &globals)
}

pub fn exit(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("exit", 0, 1)?;
    let code = pos.first().cloned().unwrap_or(Value::NONE);
    Err(PyErr::with_args(
        &types().exc.system_exit,
        if code.is_none() { vec![] } else { vec![code] },
    ))
}

pub fn not_supported_async(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Err(PyErr::not_implemented(
        "asynchronous iteration is not supported yet",
    ))
}
