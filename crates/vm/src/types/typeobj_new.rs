//! Creating classes (`type(name, bases, ns)`, `class` statements via `__build_class__`),
//! the methods and attributes of `type`, class attribute assignment, and
//! `types.GenericAlias` (`list[int]`).

use crate::intern::{intern, intern_value, names};
use crate::object::{alloc, Layout, Obj};
use crate::types::descriptors::{ClassMethodData, MemberData, StaticMethodData};
use crate::types::dict::{DictData, MappingProxyData};
use crate::types::function::FunctionData;
use crate::types::str::{str_of, StrData};
use crate::types::tuple::{new_tuple, TupleData};
use crate::types::typeobj::{tflags, TypeData, TypeRef};
use crate::types::{add_getsets, add_methods, type_of, types, BuiltinTypes, GetSetDef, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

/// C3 linearization of `cls` with `bases`.
pub fn compute_mro(cls: &Value, bases: &[TypeRef]) -> PyResult<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases
        .iter()
        .map(|b| b.data.mro_vec().iter().map(|t| t.to_value()).collect())
        .collect();
    seqs.push(bases.iter().map(|b| b.to_value()).collect());
    let mut out = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut chosen = None;
        for s in &seqs {
            let head = &s[0];
            if !seqs
                .iter()
                .any(|other| other[1..].iter().any(|x| x.is(head)))
            {
                chosen = Some(head.clone());
                break;
            }
        }
        let Some(next) = chosen else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = s[0]
                    .downcast::<TypeData>()
                    .map(|t| t.name())
                    .unwrap_or_default();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

/// The most derived metaclass of `meta` and the metaclasses of `bases`.
pub fn calculate_metaclass(meta: &Value, bases: &[TypeRef]) -> PyResult<Value> {
    let mut winner = meta.clone();
    for b in bases {
        let bt = type_of(&b.to_value()).to_value();
        let w = winner.downcast::<TypeData>().expect("a type");
        let btt = bt.downcast::<TypeData>().expect("a type");
        if w.is_subtype(btt) {
            continue;
        }
        if btt.is_subtype(w) {
            winner = bt;
            continue;
        }
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

fn bases_from(v: &Value) -> PyResult<Vec<TypeRef>> {
    let t = v
        .downcast::<TupleData>()
        .ok_or_else(|| PyErr::type_error("type.__new__() argument 2 must be tuple"))?;
    t.data
        .items()
        .iter()
        .map(|b| {
            b.downcast_ref::<TypeData>().ok_or_else(|| {
                PyErr::type_error(format!("bases must be types, not {}", type_of(b).name()))
            })
        })
        .collect()
}

/// Private name mangling for slot names.
fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// `type.__new__(meta, name, bases, namespace, **kwargs)`.
pub fn type_new(vm: &mut Vm, meta: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() == 1 && meta.is(&types().type_) {
        return Ok(type_of(&pos[0]).to_value());
    }
    if pos.len() != 3 {
        return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
    }
    let name = str_of(&pos[0]).ok_or_else(|| {
        PyErr::type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            type_of(&pos[0]).name()
        ))
    })?;
    let mut bases = bases_from(&pos[1])?;
    let ns = pos[2].downcast::<DictData>().ok_or_else(|| {
        PyErr::type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            type_of(&pos[2]).name()
        ))
    })?;
    let t = types();
    // A more derived metaclass among the bases wins (and gets to run its own __new__).
    let meta_v = calculate_metaclass(&meta.to_value(), &bases)?;
    let meta_final = meta_v.downcast::<TypeData>().expect("a type");
    if !meta_final.is(meta) {
        if let Some(n) = meta_final.lookup(&names().__new__) {
            let is_type_new = t
                .type_
                .data
                .dict
                .data
                .get_str(&names().__new__)
                .is_some_and(|x| x.is(&n));
            if !is_type_new {
                let mut all = vec![meta_v.clone()];
                all.extend_from_slice(args.all_values());
                let f = match n.downcast::<StaticMethodData>() {
                    Some(s) => s.data.callable(),
                    None => n.clone(),
                };
                return vm.call_value(&f, Args::with_kwnames(&all, args.kwnames()));
            }
        }
    }
    if bases.is_empty() {
        bases.push(t.object.clone());
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| x.is(b)) {
            return Err(PyErr::type_error(format!(
                "duplicate base class {}",
                b.name()
            )));
        }
    }
    for b in &bases {
        if !b.data.has_flag(tflags::BASETYPE) {
            return Err(PyErr::type_error(format!(
                "type '{}' is not an acceptable base type",
                b.name()
            )));
        }
    }
    // Solid base: the base with a non-object layout (all such bases must agree).
    let mut layout = Layout::Object;
    let mut solid: TypeRef = bases[0].clone();
    for b in &bases {
        if b.data.layout != Layout::Object {
            if layout != Layout::Object && layout != b.data.layout {
                return Err(PyErr::type_error(
                    "multiple bases have instance lay-out conflict",
                ));
            }
            layout = b.data.layout;
            solid = b.clone();
        } else if layout == Layout::Object && b.data.nslots() > solid.data.nslots() {
            solid = b.clone();
        }
    }
    if layout != Layout::Object {
        // The first base with that layout is the solid base.
        if let Some(b) = bases.iter().find(|b| b.data.layout == layout) {
            solid = b.clone();
        }
    }
    let native_new = solid.data.native_new;

    // The namespace copy becomes the class dict.
    let dict = alloc(t.dict.clone(), DictData::from_table(ns.data.copy_table()));
    let n = names();
    let qualname = match dict.data.del_str(&n.__qualname__) {
        Some(q) => {
            if q.downcast::<StrData>().is_none() {
                return Err(PyErr::type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    type_of(&q).name()
                )));
            }
            q
        }
        None => crate::types::str::new_str(name),
    };
    if dict.data.get_str(&n.__module__).is_none() {
        if let Some(f) = vm.current_frame() {
            if let Some(m) = f.globals().data.get_str(&n.__name__) {
                dict.data.set_str(n.__module__.clone(), m);
            }
        }
    }
    if dict.data.get_str(&n.__doc__).is_none() {
        dict.data.set_str(n.__doc__.clone(), Value::NONE);
    }
    if dict.data.get_str(&n.__eq__).is_some() && dict.data.get_str(&n.__hash__).is_none() {
        dict.data.set_str(n.__hash__.clone(), Value::NONE);
    }
    // __new__ is a static method; __init_subclass__ and __class_getitem__ are class methods.
    if let Some(f) = dict.data.get_str(&n.__new__) {
        if f.downcast::<FunctionData>().is_some() {
            dict.data
                .set_str(n.__new__.clone(), StaticMethodData::new_value(f));
        }
    }
    for special in [&n.__init_subclass__, &n.__class_getitem__] {
        if let Some(f) = dict.data.get_str(special) {
            if f.downcast::<FunctionData>().is_some() {
                dict.data
                    .set_str(special.clone(), ClassMethodData::new_value(f));
            }
        }
    }

    // __slots__.
    let base_nslots = bases.iter().map(|b| b.data.nslots()).max().unwrap_or(0);
    let base_has_dict = bases.iter().any(|b| {
        b.data.has_flag(tflags::HAS_DICT)
            || (b.data.layout != Layout::Object
                && b.data.has_flag(tflags::HEAPTYPE)
                && b.data.has_flag(tflags::HAS_DICT))
    });
    let mut flags = tflags::HEAPTYPE | tflags::BASETYPE | tflags::HAS_ATTRS;
    let mut slot_names: Vec<Value> = Vec::new();
    match dict.data.get_str(&n.__slots__) {
        Some(slots) => {
            let items = if str_of(&slots).is_some() {
                vec![slots.clone()]
            } else {
                vm.collect(&slots)?
            };
            let mut want_dict = base_has_dict;
            for s in items {
                let Some(sname) = str_of(&s) else {
                    return Err(PyErr::type_error(format!(
                        "__slots__ items must be strings, not '{}'",
                        type_of(&s).name()
                    )));
                };
                if sname == "__dict__" {
                    want_dict = true;
                    continue;
                }
                if sname == "__weakref__" {
                    continue;
                }
                if !is_identifier(sname) {
                    return Err(PyErr::type_error("__slots__ must be identifiers"));
                }
                let mangled = intern(&mangle(name, sname));
                if dict.data.get_str(&mangled).is_some() {
                    return Err(PyErr::value_error(format!(
                        "'{sname}' in __slots__ conflicts with class variable"
                    )));
                }
                slot_names.push(mangled);
            }
            if want_dict {
                flags |= tflags::HAS_DICT;
            }
        }
        None => flags |= tflags::HAS_DICT,
    }

    let ty = alloc(
        meta.to_ref(),
        TypeData::new(
            crate::types::str::new_str(name),
            layout,
            flags,
            dict.clone(),
            native_new,
        ),
    );
    *ty.data.qualname.lock() = qualname;
    ty.data.base.set(solid.to_value());
    ty.data
        .bases
        .set(new_tuple(bases.iter().map(|b| b.to_value()).collect()));
    ty.data.set_nslots(base_nslots + slot_names.len());
    for (i, s) in slot_names.iter().enumerate() {
        dict.data.set_str(
            s.clone(),
            MemberData::new_value(s.clone(), base_nslots + i, &ty),
        );
    }
    if flags & tflags::HAS_DICT != 0 && !bases.iter().any(|b| b.data.has_flag(tflags::HAS_DICT)) {
        crate::types::add_getsets(&ty, &[crate::types::object::dict_getset()]);
    }
    let ty_v = ty.to_value();
    let mro = compute_mro(&ty_v, &bases)?;
    ty.data.mro.set(new_tuple(mro));
    for b in &bases {
        b.data.add_subclass(&ty.data);
    }
    // Abstract methods (abc-style, for classes that mark them).
    ty.data.recompute_derived_flags();

    // __set_name__ on descriptors.
    for (k, v) in dict.data.items() {
        if let Some(sn) = type_of(&v).lookup(&n.__set_name__) {
            vm.call_descriptor(&sn, &v, &[ty_v.clone(), k.clone()])?;
        }
    }
    // __classcell__.
    if let Some(cell) = dict.data.del_str(&n.__classcell__) {
        match cell.downcast::<crate::types::cell::CellData>() {
            Some(c) => {
                c.data.set(Some(ty_v.clone()));
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    type_of(&cell).name()
                )))
            }
        }
    }
    // super().__init_subclass__(**kwargs) on the parent.
    let kwargs = Args::with_kwnames(args.kwvalues(), args.kwnames());
    let mro_v = ty.data.mro_vec();
    for parent in mro_v.iter().skip(1) {
        if let Some(isc) = parent.data.dict.data.get_str(&n.__init_subclass__) {
            let bound = vm.descr_get_if_descriptor(&isc, &Value::NONE, &ty_v)?;
            vm.call_value(&bound, kwargs)?;
            break;
        }
    }
    Ok(ty.into_value())
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    let func = pos[0]
        .downcast::<FunctionData>()
        .ok_or_else(|| PyErr::type_error("__build_class__: func must be a function"))?;
    let name = pos[1].clone();
    if str_of(&name).is_none() {
        return Err(PyErr::type_error("__build_class__: name is not a string"));
    }
    // Resolve __mro_entries__ (e.g. generic aliases as bases).
    let orig_bases: Vec<Value> = pos[2..].to_vec();
    let mut bases_v: Vec<Value> = Vec::new();
    let mut changed = false;
    for b in &orig_bases {
        if b.downcast::<TypeData>().is_none() {
            if let Some(me) = vm.lookup_attr(b, &names().__mro_entries__)? {
                let entries = vm.call(&me, &[new_tuple(orig_bases.clone())])?;
                bases_v.extend(vm.collect(&entries)?);
                changed = true;
                continue;
            }
        }
        bases_v.push(b.clone());
    }
    let bases: Vec<TypeRef> = bases_v
        .iter()
        .map(|b| {
            b.downcast_ref::<TypeData>().ok_or_else(|| {
                PyErr::type_error(format!("bases must be types, not {}", type_of(b).name()))
            })
        })
        .collect::<PyResult<_>>()?;
    let mut meta: Option<Value> = None;
    let mut kwnames: Vec<Value> = Vec::new();
    let mut kwvalues: Vec<Value> = Vec::new();
    for (k, v) in args.kwnames().iter().zip(args.kwvalues()) {
        if str_of(k) == Some("metaclass") {
            meta = Some(v.clone());
        } else {
            kwnames.push(k.clone());
            kwvalues.push(v.clone());
        }
    }
    let explicit_meta = meta.is_some();
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => type_of(&b.to_value()).to_value(),
            None => types().type_.to_value(),
        },
    };
    let meta = if meta.downcast::<TypeData>().is_some() && (explicit_meta || !bases.is_empty()) {
        calculate_metaclass(&meta, &bases)?
    } else {
        meta
    };
    let bases_tuple = new_tuple(bases_v.clone());
    // __prepare__.
    let ns = match vm.lookup_attr(&meta, &intern("__prepare__"))? {
        Some(p) => {
            let mut a = vec![name.clone(), bases_tuple.clone()];
            a.extend(kwvalues.iter().cloned());
            vm.call_value(&p, Args::with_kwnames(&a, &kwnames))?
        }
        None => DictData::new_ref().into_value(),
    };
    if changed {
        vm.set_item(&ns, &names().__orig_bases__, new_tuple(orig_bases))?;
    }
    let cell = vm.call_with_locals(func, ns.clone())?;
    let mut a = vec![name, bases_tuple, ns];
    a.extend(kwvalues);
    let cls = vm.call_value(&meta, Args::with_kwnames(&a, &kwnames))?;
    if let Some(c) = cell.downcast::<crate::types::cell::CellData>() {
        if c.data.get().is_none() {
            c.data.set(Some(cls.clone()));
        }
    }
    Ok(cls)
}

/// `setattr(cls, name, value)` / `delattr(cls, name)` on a class.
pub fn type_setattr(
    vm: &mut Vm,
    cls: &Obj<TypeData>,
    name: &Value,
    value: Option<Value>,
) -> PyResult<()> {
    let meta = cls.header.ty();
    if let Some(d) = meta.lookup(name) {
        if matches!(
            d.layout(),
            Some(Layout::GetSetDescr | Layout::Property | Layout::MemberDescr)
        ) {
            return vm.descr_set(&d, &cls.to_value(), value);
        }
    }
    if cls.data.has_flag(tflags::IMMUTABLE) {
        let n = crate::interp::eval::name_str(name);
        return Err(PyErr::type_error(format!(
            "cannot {} '{n}' attribute of immutable type '{}'",
            if value.is_some() { "set" } else { "delete" },
            cls.name()
        )));
    }
    let name = intern_value(name);
    match value {
        Some(v) => cls.data.dict.data.set_str(name, v),
        None => {
            if cls.data.dict.data.del_str(&name).is_none() {
                return Err(PyErr::attribute_error(format!(
                    "type object '{}' has no attribute '{}'",
                    cls.name(),
                    crate::interp::eval::name_str(&name)
                )));
            }
        }
    }
    cls.data.modified();
    Ok(())
}

/// The TypeError for instantiating a class with abstract methods.
pub fn abstract_instantiation_error(vm: &mut Vm, cls: &Obj<TypeData>) -> PyErr {
    let names_v = cls
        .data
        .dict
        .data
        .get_str(&names().__abstractmethods__)
        .unwrap_or(Value::NONE);
    let mut list: Vec<String> = vm
        .collect(&names_v)
        .unwrap_or_default()
        .iter()
        .map(|v| str_of(v).unwrap_or("").to_string())
        .collect();
    list.sort();
    let quoted: Vec<String> = list.iter().map(|s| format!("'{s}'")).collect();
    let joined = match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        _ => format!(
            "{} and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    };
    PyErr::type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {joined}",
        cls.name(),
        if list.len() == 1 { "" } else { "s" }
    ))
}

fn tyd(v: &Value) -> PyResult<&Obj<TypeData>> {
    v.downcast::<TypeData>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'type' object but received '{}'",
            type_of(v).name()
        ))
    })
}

fn type_call(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    vm.call_type(tyd(this)?, args)
}

fn type_init(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let n = args.len();
    if n != 1 && n != 3 {
        return Err(PyErr::type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::NONE)
}

fn type_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let t = tyd(this)?;
    let module = t.data.dict.data.get_str(&names().__module__);
    let qual = t.data.qualname_string();
    let s = match module {
        Some(m) if str_of(&m).is_some_and(|m| m != "builtins") => {
            format!("<class '{}.{qual}'>", vm.str_string(&m)?)
        }
        _ => format!("<class '{qual}'>"),
    };
    Ok(crate::types::str::new_str(s))
}

fn type_mro(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let t = tyd(this)?;
    Ok(crate::types::list::new_list(
        t.data.mro_vec().iter().map(|x| x.to_value()).collect(),
    ))
}

fn type_subclasses(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::list::new_list(
        tyd(this)?.data.subclasses_vec(),
    ))
}

fn type_instancecheck(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [inst] = args.exact::<1>("__instancecheck__")?;
    Ok(Value::bool(crate::types::isinstance(inst, tyd(this)?)))
}

fn type_subclasscheck(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [sub] = args.exact::<1>("__subclasscheck__")?;
    let t = tyd(this)?;
    let s = sub
        .downcast::<TypeData>()
        .ok_or_else(|| PyErr::type_error("issubclass() arg 1 must be a class"))?;
    Ok(Value::bool(s.is_subtype(t)))
}

fn type_prepare(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(DictData::new_ref().into_value())
}

fn type_dir(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::list::new_list(crate::interp::attr::dir_of(
        vm, this,
    )?))
}

/// `X | Y` for types (and None): a `types.UnionType`.
pub fn make_union(a: &Value, b: &Value) -> Option<Value> {
    let ok = |v: &Value| {
        v.is_none()
            || v.downcast::<TypeData>().is_some()
            || type_of(v).is(&types().union_type)
            || type_of(v).is(&types().generic_alias)
    };
    if !ok(a) || !ok(b) {
        return None;
    }
    let mut args: Vec<Value> = Vec::new();
    for v in [a, b] {
        let items = if type_of(v).is(&types().union_type) {
            union_args(v)
        } else if v.is_none() {
            vec![type_of(&Value::NONE).to_value()]
        } else {
            vec![v.clone()]
        };
        for it in items {
            if !args.iter().any(|x| x.is(&it)) {
                args.push(it);
            }
        }
    }
    let t = types();
    let u = crate::types::alloc_instance(&t.union_type, crate::types::object::ObjectData);
    if let Some(attrs) = u.as_header().and_then(|h| h.attrs()) {
        attrs.set(
            &t.union_type.data.shared_keys,
            &intern("__args__"),
            new_tuple(args),
        );
    }
    Some(u)
}

/// The member types of a union.
pub fn union_args(v: &Value) -> Vec<Value> {
    v.as_header()
        .and_then(|h| h.attrs())
        .and_then(|a| a.get(&types().union_type.data.shared_keys, &intern("__args__")))
        .and_then(|t| t.downcast::<TupleData>().map(|t| t.data.items().to_vec()))
        .unwrap_or_default()
}

fn type_or(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__or__")?;
    Ok(make_union(this, other).unwrap_or_else(crate::types::object::not_implemented))
}

fn type_ror(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__ror__")?;
    Ok(make_union(other, this).unwrap_or_else(crate::types::object::not_implemented))
}

fn union_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let mut parts = Vec::new();
    for a in union_args(this) {
        if a.is_type(&types().none_type) {
            parts.push("None".to_string());
        } else {
            parts.push(type_repr_for_alias(vm, &a)?);
        }
    }
    Ok(crate::types::str::new_str(parts.join(" | ")))
}

fn union_eq(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__eq__")?;
    if !type_of(other).is(&types().union_type) {
        return Ok(crate::types::object::not_implemented());
    }
    let a = crate::types::set::new_frozenset_from_consts(union_args(this));
    let b = crate::types::set::new_frozenset_from_consts(union_args(other));
    Ok(Value::bool(vm.eq(&a, &b)?))
}

fn union_hash(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let a = crate::types::set::new_frozenset_from_consts(union_args(this));
    Ok(crate::types::int::int_from_i64(vm.hash(&a)?))
}

fn get_union_args(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(new_tuple(union_args(this)))
}

fn get_name(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(tyd(this)?.data.name.lock().clone())
}
fn set_name(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let t = tyd(this)?;
    if !t.data.has_flag(tflags::HEAPTYPE) {
        return Err(PyErr::type_error(format!(
            "cannot set '__name__' attribute of immutable type '{}'",
            t.name()
        )));
    }
    match v {
        Some(v) if str_of(&v).is_some() => {
            *t.data.name.lock() = v;
            Ok(())
        }
        Some(v) => Err(PyErr::type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            t.name(),
            type_of(&v).name()
        ))),
        None => Err(PyErr::type_error(format!(
            "cannot delete '__name__' attribute of immutable type '{}'",
            t.name()
        ))),
    }
}
fn get_qualname(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(tyd(this)?.data.qualname.lock().clone())
}
fn set_qualname(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let t = tyd(this)?;
    if !t.data.has_flag(tflags::HEAPTYPE) {
        return Err(PyErr::type_error(format!(
            "cannot set '__qualname__' attribute of immutable type '{}'",
            t.name()
        )));
    }
    match v {
        Some(v) if str_of(&v).is_some() => {
            *t.data.qualname.lock() = v;
            Ok(())
        }
        _ => Err(PyErr::type_error(format!(
            "can only assign string to {}.__qualname__",
            t.name()
        ))),
    }
}
fn get_bases(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(tyd(this)?.data.bases.get())
}
fn get_base(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(tyd(this)?.data.base.get())
}
fn get_mro(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(tyd(this)?.data.mro_tuple())
}
fn get_dict(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(MappingProxyData::new_value(tyd(this)?.data.dict.to_value()))
}
fn get_module(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let t = tyd(this)?;
    Ok(t.data
        .dict
        .data
        .get_str(&names().__module__)
        .unwrap_or_else(|| intern("builtins")))
}
fn set_module(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let t = tyd(this)?;
    if t.data.has_flag(tflags::IMMUTABLE) {
        return Err(PyErr::type_error(format!(
            "cannot set '__module__' attribute of immutable type '{}'",
            t.name()
        )));
    }
    t.data
        .dict
        .data
        .set_str(names().__module__.clone(), v.unwrap_or(Value::NONE));
    t.data.modified();
    Ok(())
}
fn get_doc(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let t = tyd(this)?;
    match t.data.dict.data.get_str(&names().__doc__) {
        Some(d) => vm.descr_get_if_descriptor(&d, &Value::NONE, this),
        None => Ok(Value::NONE),
    }
}
fn set_doc(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let t = tyd(this)?;
    if t.data.has_flag(tflags::IMMUTABLE) {
        return Err(PyErr::type_error(format!(
            "cannot set '__doc__' attribute of immutable type '{}'",
            t.name()
        )));
    }
    t.data
        .dict
        .data
        .set_str(names().__doc__.clone(), v.unwrap_or(Value::NONE));
    Ok(())
}
fn get_abstractmethods(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let t = tyd(this)?;
    match t.data.dict.data.get_str(&names().__abstractmethods__) {
        Some(v) if !t.is(&types().type_) => Ok(v),
        _ => Err(PyErr::attribute_error("__abstractmethods__")),
    }
}
fn set_abstractmethods(vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let t = tyd(this)?;
    let abstract_ = match &v {
        Some(x) => vm.is_true(x)?,
        None => false,
    };
    match v {
        Some(x) => t
            .data
            .dict
            .data
            .set_str(names().__abstractmethods__.clone(), x),
        None => {
            t.data.dict.data.del_str(&names().__abstractmethods__);
        }
    }
    if abstract_ {
        t.data.set_flags(tflags::ABSTRACT, 0);
    } else {
        t.data.set_flags(0, tflags::ABSTRACT);
    }
    t.data.modified();
    Ok(())
}
fn get_annotations(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let t = tyd(this)?;
    match t.data.dict.data.get_str(&names().__annotations__) {
        Some(a) => Ok(a),
        None => {
            if t.data.has_flag(tflags::IMMUTABLE) {
                return Err(PyErr::attribute_error(format!(
                    "type object '{}' has no attribute '__annotations__'",
                    t.name()
                )));
            }
            let d = DictData::new_ref().into_value();
            type_setattr(vm, t, &names().__annotations__, Some(d.clone()))?;
            Ok(d)
        }
    }
}

// ----- types.GenericAlias -----

/// `origin[args]` as a `types.GenericAlias`-like object.
pub fn generic_alias(origin: Value, args: Value) -> Value {
    let t = types();
    let v = crate::types::alloc_instance(&t.generic_alias, crate::types::object::ObjectData);
    if let Some(attrs) = v.as_header().and_then(|h| h.attrs()) {
        let keys = &t.generic_alias.data.shared_keys;
        attrs.set(keys, &intern("__origin__"), origin);
        let args = if args.downcast::<TupleData>().is_some() {
            args
        } else {
            new_tuple(vec![args])
        };
        attrs.set(keys, &intern("__args__"), args);
    }
    v
}

fn ga_field(v: &Value, name: &str) -> Value {
    v.as_header()
        .and_then(|h| h.attrs())
        .and_then(|a| a.get(&types().generic_alias.data.shared_keys, &intern(name)))
        .unwrap_or(Value::NONE)
}

fn type_repr_for_alias(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(t) = v.downcast::<TypeData>() {
        let module = t.data.dict.data.get_str(&names().__module__);
        let qual = t.data.qualname_string();
        return Ok(match module {
            Some(m) if str_of(&m).is_some_and(|m| m != "builtins") => {
                format!("{}.{qual}", vm.str_string(&m)?)
            }
            _ => qual,
        });
    }
    if v.is(&crate::types::object::ellipsis()) {
        return Ok("...".into());
    }
    vm.repr_string(v)
}

fn ga_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let origin = ga_field(this, "__origin__");
    let args = ga_field(this, "__args__");
    let mut s = type_repr_for_alias(vm, &origin)?;
    s.push('[');
    let items = args
        .downcast::<TupleData>()
        .map(|t| t.data.items().to_vec())
        .unwrap_or_default();
    if items.is_empty() {
        s.push_str("()");
    }
    for (i, a) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&type_repr_for_alias(vm, a)?);
    }
    s.push(']');
    Ok(crate::types::str::new_str(s))
}

fn ga_call(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let origin = ga_field(this, "__origin__");
    vm.call_value(&origin, args)
}

fn ga_mro_entries(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(new_tuple(vec![ga_field(this, "__origin__")]))
}

fn ga_eq(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__eq__")?;
    if !type_of(other).is(&types().generic_alias) {
        return Ok(crate::types::object::not_implemented());
    }
    let a = new_tuple(vec![
        ga_field(this, "__origin__"),
        ga_field(this, "__args__"),
    ]);
    let b = new_tuple(vec![
        ga_field(other, "__origin__"),
        ga_field(other, "__args__"),
    ]);
    Ok(Value::bool(vm.eq(&a, &b)?))
}

fn ga_hash(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let a = new_tuple(vec![
        ga_field(this, "__origin__"),
        ga_field(this, "__args__"),
    ]);
    Ok(crate::types::int::int_from_i64(vm.hash(&a)?))
}

fn ga_getattr(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [name] = args.exact::<1>("__getattr__")?;
    let origin = ga_field(this, "__origin__");
    vm.get_attr(&origin, name)
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.type_,
        &[
            MethodDef::method("__call__", type_call),
            MethodDef::method("__init__", type_init),
            MethodDef::method("__repr__", type_repr),
            MethodDef::method("mro", type_mro),
            MethodDef::method("__subclasses__", type_subclasses),
            MethodDef::method("__instancecheck__", type_instancecheck),
            MethodDef::method("__subclasscheck__", type_subclasscheck),
            MethodDef::classmethod("__prepare__", type_prepare),
            MethodDef::method("__dir__", type_dir),
            MethodDef::method("__or__", type_or),
            MethodDef::method("__ror__", type_ror),
        ],
    );
    add_getsets(
        &t.type_,
        &[
            GetSetDef::with_setter("__name__", get_name, set_name),
            GetSetDef::with_setter("__qualname__", get_qualname, set_qualname),
            GetSetDef::new("__bases__", get_bases),
            GetSetDef::new("__base__", get_base),
            GetSetDef::new("__mro__", get_mro),
            GetSetDef::new("__dict__", get_dict),
            GetSetDef::with_setter("__module__", get_module, set_module),
            GetSetDef::with_setter("__doc__", get_doc, set_doc),
            GetSetDef::with_setter(
                "__abstractmethods__",
                get_abstractmethods,
                set_abstractmethods,
            ),
            GetSetDef::new("__annotations__", get_annotations),
        ],
    );
    t.generic_alias.data.set_flags(tflags::HAS_ATTRS, 0);
    t.union_type.data.set_flags(tflags::HAS_ATTRS, 0);
    add_methods(
        &t.union_type,
        &[
            MethodDef::method("__repr__", union_repr),
            MethodDef::method("__eq__", union_eq),
            MethodDef::method("__hash__", union_hash),
            MethodDef::method("__or__", type_or),
            MethodDef::method("__ror__", type_ror),
        ],
    );
    add_getsets(&t.union_type, &[GetSetDef::new("__args__", get_union_args)]);
    add_methods(
        &t.none_type,
        &[
            MethodDef::method("__or__", type_or),
            MethodDef::method("__ror__", type_ror),
        ],
    );
    add_methods(
        &t.generic_alias,
        &[
            MethodDef::method("__repr__", ga_repr),
            MethodDef::method("__call__", ga_call),
            MethodDef::method("__mro_entries__", ga_mro_entries),
            MethodDef::method("__eq__", ga_eq),
            MethodDef::method("__hash__", ga_hash),
            MethodDef::method("__getattr__", ga_getattr),
        ],
    );
}
