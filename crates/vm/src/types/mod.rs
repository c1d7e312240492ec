//! Builtin types: one file per type, plus the registry that creates them.
//!
//! Builtin type objects are process-wide and immortal. They are created in two phases:
//! `bootstrap` allocates every type object (their types and dicts patched in once `type` and
//! `dict` exist) and publishes the registry; `populate` then fills each type's namespace
//! with its methods (which needs strings, functions and descriptors, so the registry must
//! already be reachable).

pub mod builtin_func;
pub mod bytes;
pub mod cell;
pub mod code;
pub mod complex;
pub mod descriptors;
pub mod dict;
pub mod dict_table;
pub mod exception;
pub mod file;
pub mod float;
pub mod function;
pub mod functional;
pub mod generator;
pub mod int;
pub mod iter;
pub mod list;
pub mod method;
pub mod module;
pub mod object;
pub mod range;
pub mod seq;
pub mod set;
pub mod set_table;
pub mod slice;
pub mod str;
pub mod super_;
pub mod traceback;
pub mod tuple;
pub mod typeobj;
pub mod typeobj_new;

use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Mutex;

use crate::object::{
    alloc, alloc_untyped, alloc_with_attrs, init_type_ptr, InstanceAttrs, Layout, Obj, ObjRef,
    Payload,
};
use crate::value::Value;
use crate::{Args, PyResult, Vm};

use dict::DictData;
use typeobj::{tflags, NativeNewFn, TypeData, TypeRef};

/// A native function or method: `(vm, self, args)`. For module-level functions `self` is
/// `None`; for methods it is the receiver.
pub type NativeFn = fn(&mut Vm, &Value, Args) -> PyResult<Value>;
/// A native attribute getter.
pub type GetterFn = fn(&mut Vm, &Value) -> PyResult<Value>;
/// A native attribute setter; `None` deletes.
pub type SetterFn = fn(&mut Vm, &Value, Option<Value>) -> PyResult<()>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// An instance method (a method descriptor on the type).
    Method,
    /// Bound to the class (`dict.fromkeys`).
    ClassMethod,
    /// Not bound (`__new__`, `str.maketrans`); receives `self = None`.
    StaticMethod,
}

/// A native method to install in a type's namespace.
#[derive(Clone, Copy)]
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: MethodKind,
    pub doc: &'static str,
}

impl MethodDef {
    pub const fn method(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::Method,
            doc: "",
        }
    }
    pub const fn classmethod(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::ClassMethod,
            doc: "",
        }
    }
    pub const fn staticmethod(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::StaticMethod,
            doc: "",
        }
    }
}

/// A native attribute (getter and optional setter) to install in a type's namespace.
#[derive(Clone, Copy)]
pub struct GetSetDef {
    pub name: &'static str,
    pub get: GetterFn,
    pub set: Option<SetterFn>,
}

impl GetSetDef {
    pub const fn new(name: &'static str, get: GetterFn) -> GetSetDef {
        GetSetDef {
            name,
            get,
            set: None,
        }
    }
    pub const fn with_setter(name: &'static str, get: GetterFn, set: SetterFn) -> GetSetDef {
        GetSetDef {
            name,
            get,
            set: Some(set),
        }
    }
}

/// Installs native methods into a type's namespace.
pub fn add_methods(ty: &Obj<TypeData>, defs: &[MethodDef]) {
    for def in defs {
        let f = builtin_func::BuiltinFunctionData::method_descriptor(def, ty);
        immortalize_builtin_attr(ty, &f);
        ty.data
            .dict
            .data
            .set_str(crate::intern::intern(def.name), f);
    }
}

/// Installs native attributes into a type's namespace.
pub fn add_getsets(ty: &Obj<TypeData>, defs: &[GetSetDef]) {
    for def in defs {
        let d = descriptors::GetSetData::new_value(def, ty);
        immortalize_builtin_attr(ty, &d);
        ty.data
            .dict
            .data
            .set_str(crate::intern::intern(def.name), d);
    }
}

/// Attributes of builtin (immutable) types live as long as the type, which is immortal:
/// make them immortal too, so using them costs no reference counting.
fn immortalize_builtin_attr(ty: &Obj<TypeData>, v: &Value) {
    if ty.data.has_flag(tflags::IMMUTABLE) && !ty.data.has_flag(tflags::HEAPTYPE) {
        if let Some(h) = v.as_header() {
            h.make_immortal();
            // A classmethod/staticmethod wraps a function: make that immortal as well.
            if let Some(cm) = v.downcast::<descriptors::ClassMethodData>() {
                if let Some(h2) = cm.data.callable().as_header() {
                    h2.make_immortal();
                }
            }
            if let Some(sm) = v.downcast::<descriptors::StaticMethodData>() {
                if let Some(h2) = sm.data.callable().as_header() {
                    h2.make_immortal();
                }
            }
        }
    }
}

/// Sets a plain attribute in a builtin type's namespace.
pub fn set_type_attr(ty: &Obj<TypeData>, name: &str, value: Value) {
    immortalize_builtin_attr(ty, &value);
    ty.data
        .dict
        .data
        .set_str(crate::intern::intern(name), value);
}

macro_rules! builtin_types {
    (
        $( $field:ident : $name:literal, $layout:ident, base $base:ident, flags [$($flag:ident)|*], new $new:expr; )*
    ) => {
        /// Every builtin type (exceptions in [`ExceptionTypes`]).
        pub struct BuiltinTypes {
            $(pub $field: TypeRef,)*
            pub exc: exception::ExceptionTypes,
        }

        fn create_builtin_types() -> BuiltinTypes {
            $(
                let $field = new_static_type($name, Layout::$layout, 0 $(| tflags::$flag)*, $new);
            )*
            BuiltinTypes { $($field,)* exc: exception::ExceptionTypes::create() }
        }

        /// (type, base field name) pairs for setting up bases after creation.
        fn builtin_bases(t: &BuiltinTypes) -> Vec<(&TypeRef, Option<&TypeRef>)> {
            vec![$( (&t.$field, builtin_types!(@base t $base)), )*]
        }

        /// All builtin (non-exception) types, for patching and for the `builtins` module.
        pub fn all_builtin_types(t: &BuiltinTypes) -> Vec<&TypeRef> {
            vec![$(&t.$field,)*]
        }
    };
    (@base $t:ident none) => { None };
    (@base $t:ident $base:ident) => { Some(&$t.$base) };
}

builtin_types! {
    object: "object", Object, base none, flags [BASETYPE | IMMUTABLE], new Some(object::object_new as NativeNewFn);
    type_: "type", Type, base object, flags [BASETYPE | IMMUTABLE], new Some(typeobj_new::type_new as NativeNewFn);
    int: "int", Int, base object, flags [BASETYPE | IMMUTABLE], new Some(int::int_new as NativeNewFn);
    bool_: "bool", Int, base int, flags [IMMUTABLE], new Some(int::bool_new as NativeNewFn);
    float: "float", Float, base object, flags [BASETYPE | IMMUTABLE], new Some(float::float_new as NativeNewFn);
    complex: "complex", Complex, base object, flags [BASETYPE | IMMUTABLE], new Some(complex::complex_new as NativeNewFn);
    str: "str", Str, base object, flags [BASETYPE | IMMUTABLE], new Some(str::str_new as NativeNewFn);
    bytes: "bytes", Bytes, base object, flags [BASETYPE | IMMUTABLE], new Some(bytes::bytes_new as NativeNewFn);
    bytearray: "bytearray", ByteArray, base object, flags [BASETYPE | IMMUTABLE], new Some(bytes::bytearray_new as NativeNewFn);
    tuple: "tuple", Tuple, base object, flags [BASETYPE | IMMUTABLE], new Some(tuple::tuple_new as NativeNewFn);
    list: "list", List, base object, flags [BASETYPE | IMMUTABLE], new Some(list::list_new as NativeNewFn);
    dict: "dict", Dict, base object, flags [BASETYPE | IMMUTABLE], new Some(dict::dict_new as NativeNewFn);
    set: "set", Set, base object, flags [BASETYPE | IMMUTABLE], new Some(set::set_new as NativeNewFn);
    frozenset: "frozenset", Set, base object, flags [BASETYPE | IMMUTABLE], new Some(set::frozenset_new as NativeNewFn);
    range: "range", Range, base object, flags [IMMUTABLE], new Some(range::range_new as NativeNewFn);
    slice: "slice", Slice, base object, flags [IMMUTABLE], new Some(slice::slice_new as NativeNewFn);
    none_type: "NoneType", Object, base object, flags [IMMUTABLE], new Some(object::none_new as NativeNewFn);
    not_implemented_type: "NotImplementedType", Object, base object, flags [IMMUTABLE], new Some(object::notimpl_new as NativeNewFn);
    ellipsis_type: "ellipsis", Object, base object, flags [IMMUTABLE], new Some(object::ellipsis_new as NativeNewFn);
    function: "function", Function, base object, flags [IMMUTABLE], new None;
    builtin_function: "builtin_function_or_method", BuiltinFunction, base object, flags [IMMUTABLE], new None;
    method_descriptor: "method_descriptor", BuiltinFunction, base object, flags [IMMUTABLE], new None;
    method: "method", BoundMethod, base object, flags [IMMUTABLE], new Some(method::method_new as NativeNewFn);
    code: "code", Code, base object, flags [IMMUTABLE], new None;
    cell: "cell", Cell, base object, flags [IMMUTABLE], new None;
    module: "module", Module, base object, flags [BASETYPE | IMMUTABLE], new Some(module::module_new as NativeNewFn);
    generator: "generator", Generator, base object, flags [IMMUTABLE], new None;
    traceback: "traceback", Traceback, base object, flags [IMMUTABLE], new None;
    frame: "frame", Frame, base object, flags [IMMUTABLE], new None;
    property: "property", Property, base object, flags [BASETYPE | IMMUTABLE], new Some(descriptors::property_new as NativeNewFn);
    classmethod: "classmethod", ClassMethod, base object, flags [BASETYPE | IMMUTABLE], new Some(descriptors::classmethod_new as NativeNewFn);
    staticmethod: "staticmethod", StaticMethod, base object, flags [BASETYPE | IMMUTABLE], new Some(descriptors::staticmethod_new as NativeNewFn);
    getset_descriptor: "getset_descriptor", GetSetDescr, base object, flags [IMMUTABLE], new None;
    member_descriptor: "member_descriptor", MemberDescr, base object, flags [IMMUTABLE], new None;
    super_: "super", Super, base object, flags [BASETYPE | IMMUTABLE], new Some(super_::super_new as NativeNewFn);
    mappingproxy: "mappingproxy", MappingProxy, base object, flags [IMMUTABLE], new Some(dict::mappingproxy_new as NativeNewFn);
    dict_keys: "dict_keys", DictView, base object, flags [IMMUTABLE], new None;
    dict_values: "dict_values", DictView, base object, flags [IMMUTABLE], new None;
    dict_items: "dict_items", DictView, base object, flags [IMMUTABLE], new None;
    dict_keyiterator: "dict_keyiterator", DictIter, base object, flags [IMMUTABLE], new None;
    dict_valueiterator: "dict_valueiterator", DictIter, base object, flags [IMMUTABLE], new None;
    dict_itemiterator: "dict_itemiterator", DictIter, base object, flags [IMMUTABLE], new None;
    set_iterator: "set_iterator", SetIter, base object, flags [IMMUTABLE], new None;
    list_iterator: "list_iterator", SeqIter, base object, flags [IMMUTABLE], new None;
    list_reverseiterator: "list_reverseiterator", SeqIter, base object, flags [IMMUTABLE], new None;
    tuple_iterator: "tuple_iterator", SeqIter, base object, flags [IMMUTABLE], new None;
    bytes_iterator: "bytes_iterator", SeqIter, base object, flags [IMMUTABLE], new None;
    iterator: "iterator", SeqIter, base object, flags [IMMUTABLE], new None;
    range_iterator: "range_iterator", RangeIter, base object, flags [IMMUTABLE], new None;
    str_iterator: "str_ascii_iterator", StrIter, base object, flags [IMMUTABLE], new None;
    callable_iterator: "callable_iterator", CallIter, base object, flags [IMMUTABLE], new None;
    enumerate: "enumerate", Enumerate, base object, flags [BASETYPE | IMMUTABLE], new Some(functional::enumerate_new as NativeNewFn);
    zip: "zip", Zip, base object, flags [BASETYPE | IMMUTABLE], new Some(functional::zip_new as NativeNewFn);
    map: "map", Map, base object, flags [BASETYPE | IMMUTABLE], new Some(functional::map_new as NativeNewFn);
    filter: "filter", Filter, base object, flags [BASETYPE | IMMUTABLE], new Some(functional::filter_new as NativeNewFn);
    reversed: "reversed", Reversed, base object, flags [BASETYPE | IMMUTABLE], new Some(iter::reversed_new as NativeNewFn);
    text_io: "TextIOWrapper", TextFile, base object, flags [IMMUTABLE], new None;
    generic_alias: "GenericAlias", Object, base object, flags [IMMUTABLE], new None;
    union_type: "UnionType", Object, base object, flags [IMMUTABLE], new None;
}

/// A builtin exception class (bases are set afterwards).
pub(crate) fn new_exception_type(name: &str) -> TypeRef {
    new_static_type(
        name,
        Layout::BaseException,
        tflags::BASETYPE | tflags::IMMUTABLE,
        Some(exception::exception_new as NativeNewFn),
    )
}

fn new_static_type(name: &str, layout: Layout, flags: u32, new: Option<NativeNewFn>) -> TypeRef {
    let dict = alloc_untyped(DictData::new());
    let name_value = alloc_untyped(str::StrData::new(name)).into_value();
    let ty = alloc_untyped(TypeData::new(name_value, layout, flags, dict, new));
    ty.header.make_immortal();
    ty
}

static TYPES: AtomicPtr<BuiltinTypes> = AtomicPtr::new(std::ptr::null_mut());
static INIT_LOCK: Mutex<()> = Mutex::new(());

/// The builtin types. Initializes them on first use.
#[inline(always)]
pub fn types() -> &'static BuiltinTypes {
    let p = TYPES.load(Ordering::Acquire);
    if p.is_null() {
        return init_types();
    }
    unsafe { &*p }
}

/// Creates and populates the builtin types (idempotent, thread-safe).
#[cold]
pub fn init_types() -> &'static BuiltinTypes {
    let _guard = INIT_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let p = TYPES.load(Ordering::Acquire);
    if !p.is_null() {
        return unsafe { &*p };
    }
    let t = create_builtin_types();
    // Patch type pointers: every type's type is `type`; every namespace dict is a dict;
    // every name is a str.
    let all: Vec<TypeRef> = all_builtin_types(&t)
        .into_iter()
        .cloned()
        .chain(t.exc.all().into_iter().cloned())
        .collect();
    for ty in &all {
        init_type_ptr(&ty.header, t.type_.clone());
        init_type_ptr(&ty.data.dict.header, t.dict.clone());
        ty.data.dict.header.make_immortal();
        let name = ty.data.name.lock().clone();
        if let Some(h) = name.as_header() {
            init_type_ptr(h, t.str.clone());
            h.make_immortal();
        }
    }
    // Bases and MROs.
    for (ty, base) in builtin_bases(&t) {
        set_static_bases(ty, base, &t);
    }
    set_static_bases(&t.exc.base_exception, Some(&t.object), &t);
    for (ty, base) in t.exc.bases() {
        set_static_bases(ty, Some(base), &t);
    }
    let leaked: &'static BuiltinTypes = Box::leak(Box::new(t));
    TYPES.store(
        leaked as *const BuiltinTypes as *mut BuiltinTypes,
        Ordering::Release,
    );
    populate(leaked);
    leaked
}

fn set_static_bases(ty: &TypeRef, base: Option<&TypeRef>, t: &BuiltinTypes) {
    let mut mro = vec![ty.to_value()];
    if let Some(base) = base {
        ty.data.base.set(base.to_value());
        ty.data
            .bases
            .set(tuple::new_tuple_untyped(vec![base.to_value()], &t.tuple));
        base.data.add_subclass(&ty.data);
        let base_mro = base.data.mro_vec();
        mro.extend(base_mro.iter().map(|b| b.to_value()));
    } else {
        ty.data
            .bases
            .set(tuple::new_tuple_untyped(vec![], &t.tuple));
    }
    ty.data.mro.set(tuple::new_tuple_untyped(mro, &t.tuple));
}

/// Fills every builtin type's namespace.
fn populate(t: &'static BuiltinTypes) {
    object::init(t);
    typeobj_new::init(t);
    int::init(t);
    float::init(t);
    complex::init(t);
    str::init(t);
    bytes::init(t);
    tuple::init(t);
    list::init(t);
    dict::init(t);
    set::init(t);
    range::init(t);
    slice::init(t);
    function::init(t);
    builtin_func::init(t);
    method::init(t);
    code::init(t);
    cell::init(t);
    module::init(t);
    generator::init(t);
    exception::init(t);
    traceback::init(t);
    descriptors::init(t);
    super_::init(t);
    iter::init(t);
    functional::init(t);
    file::init(t);
    let names = crate::intern::names();
    for ty in all_builtin_types(t).into_iter().chain(t.exc.all()) {
        // `__new__` wraps the native constructor, on the type that introduces it.
        if let Some(native) = ty.data.native_new {
            let inherited = ty
                .data
                .base_type()
                .and_then(|b| b.data.native_new)
                .is_some_and(|b| b as usize == native as usize);
            if !inherited {
                set_type_attr(
                    ty,
                    "__new__",
                    builtin_func::BuiltinFunctionData::new_function(ty, native),
                );
            }
        }
        if ty.data.dict.data.get_str(&names.__doc__).is_none() {
            ty.data
                .dict
                .data
                .set_str(names.__doc__.clone(), Value::NONE);
        }
        ty.data.recompute_derived_flags();
    }
}

/// The Python type of any value.
#[inline(always)]
pub fn type_of(v: &Value) -> &Obj<TypeData> {
    if let Some(h) = v.as_header() {
        return h.ty();
    }
    let t = types();
    if v.is_small_int() {
        &t.int
    } else if v.is_float_imm() {
        &t.float
    } else if v.is_bool() {
        &t.bool_
    } else {
        // None (and, defensively, the internal empty marker).
        &t.none_type
    }
}

/// Allocates an instance of `cls` with `payload`: plain for the builtin type itself,
/// with instance attributes for Python subclasses.
pub fn alloc_instance<T: Payload>(cls: &Obj<TypeData>, payload: T) -> Value {
    if cls.data.has_flag(tflags::HAS_ATTRS) {
        alloc_with_attrs(cls.to_ref(), payload, InstanceAttrs::for_type(cls)).into_value()
    } else {
        alloc(cls.to_ref(), payload).into_value()
    }
}

/// Whether `v` is an instance of `ty` (by MRO, ignoring `__instancecheck__`).
#[inline]
pub fn isinstance(v: &Value, ty: &Obj<TypeData>) -> bool {
    let vt = type_of(v);
    std::ptr::eq(vt, ty) || vt.is_subtype(ty)
}

/// The type's name for messages (`'int'`).
pub fn type_name(v: &Value) -> String {
    type_of(v).data.name_string()
}

/// Shorthand for an `ObjRef` of a builtin type.
pub fn tref(ty: &TypeRef) -> ObjRef<TypeData> {
    ty.clone()
}

// ----- native fast paths used by the generic operations -----

/// `len(v)` for builtin containers (any subclass; the caller decides whether to trust it).
#[inline]
pub fn native_len(v: &Value) -> Option<usize> {
    let h = v.as_header()?;
    match h.layout() {
        Layout::Str => v.downcast::<str::StrData>().map(|s| s.data.char_len()),
        Layout::List => v.downcast::<list::ListData>().map(|l| l.data.len()),
        Layout::Tuple => v.downcast::<tuple::TupleData>().map(|t| t.data.len()),
        Layout::Dict => v.downcast::<DictData>().map(|d| d.data.len()),
        Layout::Set => v.downcast::<set::SetData>().map(|s| s.data.len()),
        Layout::Bytes => v
            .downcast::<bytes::BytesData>()
            .map(|b| b.data.as_bytes().len()),
        Layout::ByteArray => v.downcast::<bytes::ByteArrayData>().map(|b| b.data.len()),
        _ => None,
    }
}

fn is_exact(v: &Value, ty: &TypeRef) -> bool {
    v.as_header().is_some_and(|h| std::ptr::eq(h.ty(), &**ty))
}

/// `list[i]`/`tuple[i]` for an exact list or tuple and a small int index (`None`: not that
/// case).
#[inline(always)]
pub fn fast_index(container: &Value, key: &Value) -> Option<PyResult<Value>> {
    let i = key.as_small_int()?;
    let h = container.as_header()?;
    let t = types();
    match h.layout() {
        Layout::List if std::ptr::eq(h.ty(), &*t.list) => Some(
            container
                .downcast::<list::ListData>()?
                .data
                .get_signed(i)
                .ok_or_else(|| crate::PyErr::index_error("list index out of range")),
        ),
        Layout::Tuple if std::ptr::eq(h.ty(), &*t.tuple) => {
            let tp = container.downcast::<tuple::TupleData>()?;
            Some(
                slice::normalize_index(i, tp.data.len())
                    .map(|i| tp.data.items()[i].clone())
                    .ok_or_else(|| crate::PyErr::index_error("tuple index out of range")),
            )
        }
        _ => None,
    }
}

/// `list[i] = v` for an exact list and a small int index (`Err(v)`: not that case;
/// `Ok(false)`: index out of range).
#[inline(always)]
pub fn fast_store_index(container: &Value, key: &Value, v: Value) -> Result<bool, Value> {
    let (Some(i), Some(h)) = (key.as_small_int(), container.as_header()) else {
        return Err(v);
    };
    if h.layout() != Layout::List || !std::ptr::eq(h.ty(), &*types().list) {
        return Err(v);
    }
    match container.downcast::<list::ListData>() {
        Some(l) => Ok(l.data.set_signed(i, v)),
        None => Err(v),
    }
}

/// `container[key]` for exact builtin containers; None to use `__getitem__`.
#[inline]
pub fn native_getitem(vm: &mut Vm, container: &Value, key: &Value) -> Option<PyResult<Value>> {
    let h = container.as_header()?;
    let t = types();
    match h.layout() {
        Layout::List if is_exact(container, &t.list) => {
            let l = container.downcast::<list::ListData>()?;
            if let Some(i) = key.as_small_int() {
                return Some(
                    l.data
                        .get_signed(i)
                        .ok_or_else(|| crate::PyErr::index_error("list index out of range")),
                );
            }
            if let Some(s) = key.downcast::<slice::SliceData>() {
                return Some(
                    s.data
                        .indices(vm, l.data.len())
                        .map(|idx| list::list_slice(l, &idx)),
                );
            }
            None
        }
        Layout::Tuple if is_exact(container, &t.tuple) => {
            let tp = container.downcast::<tuple::TupleData>()?;
            if let Some(i) = key.as_small_int() {
                return Some(
                    slice::normalize_index(i, tp.data.len())
                        .map(|i| tp.data.items()[i].clone())
                        .ok_or_else(|| crate::PyErr::index_error("tuple index out of range")),
                );
            }
            if let Some(s) = key.downcast::<slice::SliceData>() {
                return Some(s.data.indices(vm, tp.data.len()).map(|idx| {
                    let items = tp.data.items();
                    if idx.step == 1 && idx.len == items.len() {
                        return container.clone();
                    }
                    tuple::new_tuple(idx.iter().map(|i| items[i].clone()).collect())
                }));
            }
            None
        }
        Layout::Dict if is_exact(container, &t.dict) => {
            let d = container.downcast::<DictData>()?;
            Some(match d.data.get_item(vm, key) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err(crate::PyErr::key_error(key.clone())),
                Err(e) => Err(e),
            })
        }
        Layout::Str if is_exact(container, &t.str) => {
            let s = container.downcast::<str::StrData>()?;
            Some(str::str_getitem_impl(vm, s, key))
        }
        _ => None,
    }
}

/// `container[start:stop]` for exact lists, tuples and strs without a slice object.
pub fn fast_slice(
    vm: &mut Vm,
    container: &Value,
    start: &Value,
    stop: &Value,
) -> Option<PyResult<Value>> {
    let h = container.as_header()?;
    let t = types();
    match h.layout() {
        Layout::List if is_exact(container, &t.list) => {
            let l = container.downcast::<list::ListData>()?;
            Some(
                slice::slice_indices_of(vm, start, stop, &Value::NONE, l.data.len())
                    .map(|idx| list::list_slice(l, &idx)),
            )
        }
        Layout::Tuple if is_exact(container, &t.tuple) => {
            let tp = container.downcast::<tuple::TupleData>()?;
            Some(
                slice::slice_indices_of(vm, start, stop, &Value::NONE, tp.data.len()).map(|idx| {
                    let items = tp.data.items();
                    if idx.len == items.len() {
                        return container.clone();
                    }
                    let a = idx.start.max(0) as usize;
                    tuple::new_tuple(items[a..a + idx.len].to_vec())
                }),
            )
        }
        Layout::Str if is_exact(container, &t.str) => {
            let s = container.downcast::<str::StrData>()?;
            Some(
                slice::slice_indices_of(vm, start, stop, &Value::NONE, s.data.char_len()).map(
                    |idx| {
                        if idx.len == s.data.char_len() {
                            return container.clone();
                        }
                        let a = idx.start.max(0) as usize;
                        str::new_str(s.data.substring(a, a + idx.len))
                    },
                ),
            )
        }
        _ => None,
    }
}

/// `container[key] = value` for exact builtin containers; None to use `__setitem__`.
#[inline]
pub fn native_setitem(
    vm: &mut Vm,
    container: &Value,
    key: &Value,
    value: &Value,
) -> Option<PyResult<()>> {
    let h = container.as_header()?;
    let t = types();
    match h.layout() {
        Layout::List if is_exact(container, &t.list) => {
            let l = container.downcast::<list::ListData>()?;
            Some(list::list_setitem_impl(vm, l, key, value.clone()))
        }
        Layout::Dict if is_exact(container, &t.dict) => {
            let d = container.downcast::<DictData>()?;
            Some(d.data.set_item(vm, key.clone(), value.clone()))
        }
        _ => None,
    }
}

/// `item in container` for exact builtin containers; None to use `__contains__`.
#[inline]
pub fn native_contains(vm: &mut Vm, container: &Value, item: &Value) -> Option<PyResult<bool>> {
    let h = container.as_header()?;
    let t = types();
    match h.layout() {
        Layout::Dict if is_exact(container, &t.dict) => {
            let d = container.downcast::<DictData>()?;
            Some(d.data.get_item(vm, item).map(|v| v.is_some()))
        }
        Layout::Set if is_exact(container, &t.set) || is_exact(container, &t.frozenset) => {
            let s = container.downcast::<set::SetData>()?;
            Some(set::contains_key(vm, s, item))
        }
        Layout::Str if is_exact(container, &t.str) => {
            let s = container.downcast::<str::StrData>()?;
            match item.downcast::<str::StrData>() {
                Some(sub) => Some(Ok(s.data.as_str().contains(sub.data.as_str()))),
                None => Some(Err(crate::PyErr::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    type_of(item).name()
                )))),
            }
        }
        Layout::List if is_exact(container, &t.list) => {
            let l = container.downcast::<list::ListData>()?;
            let mut i = 0;
            Some((|| {
                while let Some(x) = l.data.get(i) {
                    if vm.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
                Ok(false)
            })())
        }
        Layout::Tuple if is_exact(container, &t.tuple) => {
            let tp = container.downcast::<tuple::TupleData>()?;
            let items = tp.data.items().to_vec();
            Some(seq::contains(vm, &items, item))
        }
        _ => None,
    }
}

/// `hash(v)` for values whose hash needs no Python code (numbers, str, bytes, None,
/// tuples of those); None otherwise.
pub fn native_hash(v: &Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(crate::numfmt::hash_i64(i));
    }
    if let Some(f) = v.as_float_imm() {
        return Some(crate::numfmt::hash_f64(f, v.bits() as usize));
    }
    if let Some(b) = v.as_bool() {
        return Some(b as i64);
    }
    if v.is_none() {
        return Some(0x7b_7f_3d_8a);
    }
    let h = v.as_header()?;
    let t = types();
    let ty = h.ty();
    match h.layout() {
        Layout::Str if ty.is(&t.str) => v.downcast::<str::StrData>().map(|s| s.data.hash()),
        Layout::Int if ty.is(&t.int) => v
            .downcast::<int::IntData>()
            .map(|i| crate::numfmt::hash_bigint(&i.data.value)),
        Layout::Float if ty.is(&t.float) => v
            .downcast::<float::FloatData>()
            .map(|f| crate::numfmt::hash_f64(f.data.value, h as *const _ as usize)),
        Layout::Bytes if ty.is(&t.bytes) => v.downcast::<bytes::BytesData>().map(|b| b.data.hash()),
        Layout::Tuple if ty.is(&t.tuple) => {
            let tp = v.downcast::<tuple::TupleData>()?;
            let mut hashes = Vec::with_capacity(tp.data.len());
            for x in tp.data.items() {
                hashes.push(native_hash(x)?);
            }
            Some(crate::numfmt::hash_tuple(hashes))
        }
        Layout::Type => Some(object::identity_hash(v)),
        _ => None,
    }
}

/// `repr(v)` for exact builtin scalars; None otherwise.
pub fn native_repr(v: &Value) -> Option<Value> {
    if let Some(i) = v.as_small_int() {
        return Some(str::new_str(i.to_string()));
    }
    if let Some(f) = v.as_float_imm() {
        return Some(str::new_str(crate::numfmt::float_repr(f)));
    }
    if let Some(b) = v.as_bool() {
        return Some(crate::intern::intern(if b { "True" } else { "False" }));
    }
    if v.is_none() {
        return Some(crate::intern::intern("None"));
    }
    let h = v.as_header()?;
    let t = types();
    match h.layout() {
        Layout::Str if h.ty().is(&t.str) => v
            .downcast::<str::StrData>()
            .map(|s| str::new_str(crate::numfmt::str_repr(s.data.as_str()))),
        _ => None,
    }
}
