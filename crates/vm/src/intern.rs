//! Interned strings: one immortal `str` object per distinct identifier.
//!
//! Identifiers in code objects, attribute names and dict keys of namespaces are interned, so
//! lookups can compare pointers first. Interned strings are immortal and their hash is
//! computed once. The interner is process-wide and lock-protected; it is only consulted when
//! code objects are loaded or a string is interned at run time (`setattr` with a new name).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use crate::object::Header;
use crate::types::str::StrData;
use crate::value::Value;

struct Interner {
    map: HashMap<Box<str>, u64>,
}

static INTERNER: OnceLock<Mutex<Interner>> = OnceLock::new();

fn interner() -> &'static Mutex<Interner> {
    INTERNER.get_or_init(|| {
        Mutex::new(Interner {
            map: HashMap::new(),
        })
    })
}

/// The interned string for `s`.
pub fn intern(s: &str) -> Value {
    let mut guard = interner().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&bits) = guard.map.get(s) {
        return borrowed_immortal(bits);
    }
    let v = StrData::new_value(s);
    let h = v.as_header().expect("str is a heap object");
    h.make_immortal();
    if let Some(sd) = v.downcast::<StrData>() {
        sd.data.mark_interned();
        let _ = sd.data.hash();
    }
    let bits = v.into_raw();
    guard.map.insert(s.into(), bits);
    borrowed_immortal(bits)
}

/// Interns a str value: returns the canonical interned object equal to it.
pub fn intern_value(v: &Value) -> Value {
    match v.downcast::<StrData>() {
        Some(s) if s.data.is_interned() => v.clone(),
        Some(s) => intern(s.data.as_str()),
        None => v.clone(),
    }
}

/// Whether `v` is an interned str.
#[inline]
pub fn is_interned(v: &Value) -> bool {
    v.downcast::<StrData>()
        .is_some_and(|s| s.data.is_interned())
}

fn borrowed_immortal(bits: u64) -> Value {
    // Immortal objects need no count: a copy of the bits is a valid reference.
    unsafe { Value::from_raw(bits) }
}

macro_rules! names {
    ($($name:ident),* $(,)?) => {
        /// Frequently used interned names.
        #[allow(non_snake_case)]
        pub struct Names {
            $(pub $name: Value,)*
        }

        fn make_names() -> Names {
            Names { $($name: intern(stringify!($name)),)* }
        }
    };
}

names! {
    __abs__, __add__, __aenter__, __aexit__, __all__, __and__, __annotations__, __args__,
    __bases__, __bool__, __build_class__, __builtins__, __call__, __cause__, __ceil__,
    __class__, __class_getitem__, __classcell__, __complex__, __contains__, __context__,
    __del__, __delattr__, __delete__, __delitem__, __dict__, __dir__, __divmod__, __doc__,
    __enter__, __eq__, __exit__, __file__, __float__, __floor__, __floordiv__, __format__,
    __ge__, __get__, __getattr__, __getattribute__, __getitem__, __gt__, __hash__, __iadd__,
    __iand__, __ifloordiv__, __ilshift__, __imatmul__, __imod__, __import__, __imul__,
    __index__, __init__, __init_subclass__, __instancecheck__, __int__, __invert__, __ior__,
    __ipow__, __irshift__, __isub__, __iter__, __itruediv__, __ixor__, __le__, __len__,
    __length_hint__, __loader__, __lshift__, __lt__, __main__, __matmul__, __missing__,
    __mod__, __module__, __mro__, __mro_entries__, __mul__, __name__, __ne__, __neg__, __new__,
    __next__, __or__, __package__, __path__, __pos__, __pow__, __prepare__, __qualname__,
    __radd__, __rand__, __rdivmod__, __reduce__, __repr__, __reversed__, __rfloordiv__,
    __rlshift__, __rmatmul__, __rmod__, __rmul__, __ror__, __round__, __rpow__, __rrshift__,
    __rshift__, __rsub__, __rtruediv__, __rxor__, __set__, __set_name__, __setattr__,
    __setitem__, __slots__, __spec__, __str__, __sub__, __subclasscheck__, __subclasshook__,
    __suppress_context__, __traceback__, __truediv__, __trunc__, __weakref__, __xor__,
    append, args, close, decode, encode, end, flush, items, keys, mro, name, readline, send,
    sep, file, throw, value, values, write, builtins, sys, stdout, stderr, stdin,
    __firstlineno__, __static_attributes__, __orig_bases__, __abstractmethods__,
    // Instruction-facing names.
    _co_code_adaptive,
}

static NAMES: OnceLock<Names> = OnceLock::new();

/// The table of common interned names.
#[inline]
pub fn names() -> &'static Names {
    NAMES.get_or_init(make_names)
}

/// Raw pointer identity of an interned string (for caches).
pub fn interned_ptr(v: &Value) -> Option<*const Header> {
    if is_interned(v) {
        v.as_header().map(|h| h as *const Header)
    } else {
        None
    }
}
