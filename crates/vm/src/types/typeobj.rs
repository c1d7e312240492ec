//! Type objects: `TypeData`, version tags, MRO lookup through the per-thread method cache.
//!
//! Every type has a *version tag*: a process-wide, monotonically assigned `u32` that stands
//! for "the attributes visible through this type's MRO as of now". Modifying a type (setting
//! or deleting a class attribute, changing `__bases__`) resets its tag and all its
//! subclasses' tags to 0; a new tag is assigned lazily on the next lookup. Tags are never
//! reused: when the counter is exhausted, new tags are 0 ("do not cache / specialize").
//!
//! Attribute lookup on a type goes through a direct-mapped per-thread cache keyed by
//! (version, interned name), so a hit costs a few loads and no locking.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::object::{Layout, Obj, ObjRef, SharedKeys};
use crate::sync::{PyMutex, RetainSlot};
use crate::types::dict::DictData;
use crate::types::tuple::TupleData;
use crate::value::Value;

pub type TypeRef = ObjRef<TypeData>;

/// Type flags.
pub mod tflags {
    /// Defined by a `class` statement or `type(name, bases, ns)`.
    pub const HEAPTYPE: u32 = 1 << 0;
    /// May be subclassed.
    pub const BASETYPE: u32 = 1 << 1;
    /// Class attributes cannot be set or deleted (builtin types).
    pub const IMMUTABLE: u32 = 1 << 2;
    /// Instances carry `InstanceAttrs` (a `__dict__` and/or `__slots__`).
    pub const HAS_ATTRS: u32 = 1 << 3;
    /// Instances accept arbitrary attributes (have a `__dict__`).
    pub const HAS_DICT: u32 = 1 << 4;
    /// The MRO defines `__getattribute__` other than `object`'s.
    pub const CUSTOM_GETATTRIBUTE: u32 = 1 << 5;
    /// The MRO defines `__getattr__`.
    pub const HAS_GETATTR: u32 = 1 << 6;
    /// The MRO defines `__setattr__` other than `object`'s.
    pub const CUSTOM_SETATTR: u32 = 1 << 7;
    /// The MRO defines `__delattr__` other than `object`'s.
    pub const CUSTOM_DELATTR: u32 = 1 << 8;
    /// Instances of this type are never equal to anything but themselves unless `__eq__` is
    /// overridden: the MRO defines `__eq__` other than `object`'s.
    pub const CUSTOM_EQ: u32 = 1 << 9;
    /// The MRO defines `__hash__` other than `object`'s (or sets it to None).
    pub const CUSTOM_HASH: u32 = 1 << 10;
    /// Abstract methods pending (instantiation raises TypeError).
    pub const ABSTRACT: u32 = 1 << 11;

    /// Flags recomputed from the MRO whenever the type changes.
    pub const DERIVED: u32 = CUSTOM_GETATTRIBUTE
        | HAS_GETATTR
        | CUSTOM_SETATTR
        | CUSTOM_DELATTR
        | CUSTOM_EQ
        | CUSTOM_HASH;
}

/// A native constructor: `cls.__new__(cls, *args)` for a builtin type (or a subclass).
pub type NativeNewFn = fn(&mut crate::Vm, &Obj<TypeData>, crate::Args) -> crate::PyResult<Value>;

/// The payload of a type object.
pub struct TypeData {
    /// `__name__` (a str).
    pub name: PyMutex<Value>,
    /// `__qualname__` (a str).
    pub qualname: PyMutex<Value>,
    /// `__bases__` (a tuple of types).
    pub bases: RetainSlot,
    /// `__mro__` (a tuple of types, starting with this type). Lock-free reads.
    pub mro: RetainSlot,
    /// `__base__`: the base whose layout instances share (None for `object`).
    pub base: RetainSlot,
    /// The class namespace.
    pub dict: ObjRef<DictData>,
    version: AtomicU32,
    flags: AtomicU32,
    /// The layout of instances.
    pub layout: Layout,
    /// Number of `__slots__` values in instances (including inherited ones).
    nslots: AtomicU32,
    /// Attribute names shared by instances (see `object::attrs`).
    pub shared_keys: SharedKeys,
    /// Direct subclasses (payload addresses), for version invalidation.
    subclasses: PyMutex<Vec<usize>>,
    /// Native constructor of the builtin base, used by `cls.__new__` for builtin layouts.
    pub native_new: Option<NativeNewFn>,
}

impl TypeData {
    pub fn new(
        name: Value,
        layout: Layout,
        flags: u32,
        dict: ObjRef<DictData>,
        native_new: Option<NativeNewFn>,
    ) -> TypeData {
        TypeData {
            qualname: PyMutex::new(name.clone()),
            name: PyMutex::new(name),
            bases: RetainSlot::new(Value::NONE),
            mro: RetainSlot::new(Value::NONE),
            base: RetainSlot::new(Value::NONE),
            dict,
            version: AtomicU32::new(0),
            flags: AtomicU32::new(flags),
            layout,
            nslots: AtomicU32::new(0),
            shared_keys: SharedKeys::default(),
            subclasses: PyMutex::new(Vec::new()),
            native_new,
        }
    }

    #[inline(always)]
    pub fn flags(&self) -> u32 {
        self.flags.load(Ordering::Relaxed)
    }

    #[inline(always)]
    pub fn has_flag(&self, flag: u32) -> bool {
        self.flags() & flag != 0
    }

    pub fn set_flags(&self, set: u32, clear: u32) {
        let mut cur = self.flags.load(Ordering::Relaxed);
        loop {
            let new = (cur & !clear) | set;
            match self
                .flags
                .compare_exchange_weak(cur, new, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return,
                Err(actual) => cur = actual,
            }
        }
    }

    pub fn nslots(&self) -> usize {
        self.nslots.load(Ordering::Relaxed) as usize
    }

    pub fn set_nslots(&self, n: usize) {
        self.nslots.store(n as u32, Ordering::Relaxed);
    }

    /// The type's name as a Rust string.
    pub fn name_string(&self) -> String {
        let v = self.name.lock().clone();
        v.downcast::<crate::types::str::StrData>()
            .map(|s| s.data.as_str().to_string())
            .unwrap_or_default()
    }

    /// The type's qualified name as a Rust string.
    pub fn qualname_string(&self) -> String {
        let v = self.qualname.lock().clone();
        v.downcast::<crate::types::str::StrData>()
            .map(|s| s.data.as_str().to_string())
            .unwrap_or_default()
    }

    /// `__mro__` as a tuple value.
    pub fn mro_tuple(&self) -> Value {
        self.mro.get()
    }

    /// The MRO as a vector of type references.
    pub fn mro_vec(&self) -> Vec<TypeRef> {
        let mro = self.mro_tuple();
        match mro.downcast::<TupleData>() {
            Some(t) => t
                .data
                .items()
                .iter()
                .filter_map(|v| v.downcast_ref::<TypeData>())
                .collect(),
            None => Vec::new(),
        }
    }

    /// `__bases__` as a vector of type references.
    pub fn bases_vec(&self) -> Vec<TypeRef> {
        let bases = self.bases.get();
        match bases.downcast::<TupleData>() {
            Some(t) => t
                .data
                .items()
                .iter()
                .filter_map(|v| v.downcast_ref::<TypeData>())
                .collect(),
            None => Vec::new(),
        }
    }

    /// `__base__` (the solid base), if any.
    pub fn base_type(&self) -> Option<TypeRef> {
        self.base.with(|b| b.downcast_ref::<TypeData>())
    }

    pub fn add_subclass(&self, sub: &TypeData) {
        self.subclasses.lock().push(sub as *const TypeData as usize);
    }

    pub fn remove_subclass(&self, sub: *const TypeData) {
        self.subclasses.lock().retain(|p| *p != sub as usize);
    }

    /// Direct subclasses that are still alive (borrowed: valid while the subclass lives; the
    /// caller must not hold them past a point where a subclass could die).
    pub fn subclasses_vec(&self) -> Vec<Value> {
        let list = self.subclasses.lock().clone();
        list.into_iter()
            .map(|p| {
                // Payload address -> object header.
                let obj = (p - std::mem::offset_of!(Obj<TypeData>, data)) as *const Obj<TypeData>;
                unsafe { (*obj).to_value() }
            })
            .collect()
    }

    // ----- versions -----

    /// The current version tag, assigning a fresh one if the type has none. Returns 0 when
    /// versions are exhausted.
    #[inline]
    pub fn version(&self) -> u32 {
        let v = self.version.load(Ordering::Acquire);
        if v != 0 {
            return v;
        }
        self.assign_version()
    }

    /// The current version tag without assigning one.
    pub fn version_if_assigned(&self) -> u32 {
        self.version.load(Ordering::Acquire)
    }

    #[cold]
    fn assign_version(&self) -> u32 {
        let Some(new) = next_version() else { return 0 };
        match self
            .version
            .compare_exchange(0, new, Ordering::AcqRel, Ordering::Acquire)
        {
            Ok(_) => new,
            Err(current) => current,
        }
    }

    /// Invalidates this type's version and every subclass's (after any change to the type's
    /// namespace or bases), and recomputes derived flags.
    pub fn modified(&self) {
        let mut stack: Vec<Value> = Vec::new();
        self.version.store(0, Ordering::Release);
        self.recompute_derived_flags();
        stack.extend(self.subclasses_vec());
        let mut seen = 0usize;
        while let Some(v) = stack.pop() {
            seen += 1;
            if seen > 1_000_000 {
                break;
            }
            if let Some(t) = v.downcast::<TypeData>() {
                t.data.version.store(0, Ordering::Release);
                t.data.recompute_derived_flags();
                stack.extend(t.data.subclasses_vec());
            }
        }
    }

    /// Recomputes the flags that summarize which special methods the MRO overrides.
    pub fn recompute_derived_flags(&self) {
        let names = crate::intern::names();
        let t = crate::types::types();
        let object_dict = &t.object.data.dict;
        let mut flags = 0;
        let mro = self.mro_vec();
        let find = |name: &Value| -> Option<Value> {
            mro.iter().find_map(|ty| ty.data.dict.data.get_str(name))
        };
        let differs_from_object = |name: &Value| -> bool {
            match (find(name), object_dict.data.get_str(name)) {
                (Some(a), Some(b)) => !a.is(&b),
                (Some(_), None) => true,
                (None, _) => false,
            }
        };
        if mro.is_empty() {
            return;
        }
        if differs_from_object(&names.__getattribute__) {
            flags |= tflags::CUSTOM_GETATTRIBUTE;
        }
        if find(&names.__getattr__).is_some() {
            flags |= tflags::HAS_GETATTR;
        }
        if differs_from_object(&names.__setattr__) {
            flags |= tflags::CUSTOM_SETATTR;
        }
        if differs_from_object(&names.__delattr__) {
            flags |= tflags::CUSTOM_DELATTR;
        }
        if differs_from_object(&names.__eq__) {
            flags |= tflags::CUSTOM_EQ;
        }
        if differs_from_object(&names.__hash__) {
            flags |= tflags::CUSTOM_HASH;
        }
        self.set_flags(flags, tflags::DERIVED & !flags);
    }

    // ----- lookup -----

    /// Looks `name` up along the MRO (no descriptor binding). `name` should be an interned
    /// str; other strs work but bypass the cache.
    #[inline]
    pub fn lookup(&self, name: &Value) -> Option<Value> {
        self.lookup_attr(name, |_, v| v.cloned())
    }

    /// Looks `name` up and lends the result to `f` together with its `AttrKind` (computed
    /// once when the cache entry is filled), without counting a new reference. `f` must
    /// not run Python code or look anything up: the cache entry it borrows from could be
    /// replaced under it.
    #[inline]
    pub fn lookup_attr<R>(&self, name: &Value, f: impl FnOnce(AttrKind, Option<&Value>) -> R) -> R {
        let version = self.version();
        if version == 0 || !crate::intern::is_interned(name) {
            let found = self.lookup_uncached(name);
            return f(AttrKind::of(self, found.as_ref()), found.as_ref());
        }
        let slot = cache_slot(version, name);
        let cache = METHOD_CACHE.with(|c| c.get());
        // SAFETY: the cache is only touched by this thread, and `f` runs no code that could
        // touch it.
        let e = unsafe { &(*cache)[slot] };
        if e.version == version && e.name == name.bits() {
            return f(e.kind, e.value.as_non_empty());
        }
        let found = self.lookup_uncached(name);
        let kind = AttrKind::of(self, found.as_ref());
        let entry = CacheEntry {
            version,
            kind,
            name: name.bits(),
            value: found.unwrap_or(Value::EMPTY),
        };
        let old = std::mem::replace(unsafe { &mut (*cache)[slot] }, entry);
        // Dropping the old entry may free an object (and run code); do it before lending.
        drop(old);
        let e = unsafe { &(*cache)[slot] };
        if e.version == version && e.name == name.bits() {
            f(e.kind, e.value.as_non_empty())
        } else {
            let found = self.lookup_uncached(name);
            f(AttrKind::of(self, found.as_ref()), found.as_ref())
        }
    }

    /// MRO walk without the cache.
    pub fn lookup_uncached(&self, name: &Value) -> Option<Value> {
        self.mro.with(|mro| match mro.downcast::<TupleData>() {
            Some(t) => t.data.items().iter().find_map(|ty| {
                ty.downcast::<TypeData>()
                    .and_then(|ty| ty.data.dict.data.get_str(name))
            }),
            // During bootstrap, before the MRO is set: the type's own namespace.
            None => self.dict.data.get_str(name),
        })
    }

    /// Whether `self` is `other` or a subclass of it (by MRO). Lock-free, no counts.
    #[inline]
    pub fn is_subtype(&self, other: &TypeData) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        self.mro.with(|mro| match mro.downcast::<TupleData>() {
            Some(t) => t.data.items().iter().any(|ty| {
                ty.downcast::<TypeData>()
                    .is_some_and(|ty| std::ptr::eq(&ty.data, other))
            }),
            None => false,
        })
    }
}

impl Drop for TypeData {
    fn drop(&mut self) {
        let me = self as *const TypeData;
        for base in self.bases_vec() {
            base.data.remove_subclass(me);
        }
    }
}

static NEXT_VERSION: AtomicU32 = AtomicU32::new(1);

/// A fresh, never-used version tag, or `None` when the space is exhausted.
pub fn next_version() -> Option<u32> {
    let mut cur = NEXT_VERSION.load(Ordering::Relaxed);
    loop {
        if cur == u32::MAX {
            return None;
        }
        match NEXT_VERSION.compare_exchange_weak(cur, cur + 1, Ordering::Relaxed, Ordering::Relaxed)
        {
            Ok(_) => return Some(cur),
            Err(actual) => cur = actual,
        }
    }
}

/// Forces the version counter forward (tests of version exhaustion).
#[doc(hidden)]
pub fn set_next_version_for_tests(v: u32) {
    NEXT_VERSION.store(v, Ordering::Relaxed);
}

const METHOD_CACHE_SIZE: usize = 4096;

struct CacheEntry {
    version: u32,
    kind: AttrKind,
    name: u64,
    value: Value,
}

const EMPTY_ENTRY: CacheEntry = CacheEntry {
    version: 0,
    kind: AttrKind::Absent,
    name: 0,
    value: Value::EMPTY,
};

/// What a type attribute is to instance attribute access, decided from the attribute's
/// layout (and, for `__slots__` members, the type) when a method-cache entry is filled.
/// Only attributes whose behaviour cannot change without a version change of the looked-up
/// type get a fixed kind; objects of Python classes are `Dynamic` (their class may gain a
/// `__get__` later).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AttrKind {
    Absent,
    /// A builtin `__slots__` member descriptor applying to instances of the type: the
    /// slot index.
    Slot(u16),
    /// A builtin data descriptor (property, getset, a member of another class).
    Data,
    /// A Python function or a builtin method descriptor (binds to the instance; loads as a
    /// method without a bound-method object).
    Method,
    /// Another builtin non-data descriptor (classmethod, staticmethod, ...).
    NonData,
    /// Not a descriptor.
    Plain,
    /// Decide at each access.
    Dynamic,
}

impl AttrKind {
    fn of(ty: &TypeData, found: Option<&Value>) -> AttrKind {
        match found {
            None => AttrKind::Absent,
            Some(d) => crate::interp::attr::kind_for_cache(ty, d),
        }
    }
}

thread_local! {
    static METHOD_CACHE: std::cell::UnsafeCell<[CacheEntry; METHOD_CACHE_SIZE]> =
        const { std::cell::UnsafeCell::new([EMPTY_ENTRY; METHOD_CACHE_SIZE]) };
}

#[inline(always)]
fn cache_slot(version: u32, name: &Value) -> usize {
    ((version as u64 ^ (name.bits() >> 3)) as usize) & (METHOD_CACHE_SIZE - 1)
}

/// Drops every cached reference held by this thread's method cache.
pub fn clear_method_cache() {
    let _ = METHOD_CACHE.try_with(|c| {
        for i in 0..METHOD_CACHE_SIZE {
            let old = std::mem::replace(unsafe { &mut (*c.get())[i] }, EMPTY_ENTRY);
            drop(old);
        }
    });
}

impl Obj<TypeData> {
    /// Whether `self` is a subclass of `other`.
    #[inline]
    pub fn is_subtype(&self, other: &Obj<TypeData>) -> bool {
        self.data.is_subtype(&other.data)
    }

    #[inline]
    pub fn lookup(&self, name: &Value) -> Option<Value> {
        self.data.lookup(name)
    }

    pub fn name(&self) -> String {
        self.data.name_string()
    }
}
