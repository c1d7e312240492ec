//! Heap objects: the header, typed payloads, reference counting and deallocation.
//!
//! A heap object is a [`Header`] followed by its payload (`Obj<T>`). The header holds the
//! atomic reference count, the object's Python type and a [`Layout`] tag naming the Rust
//! payload struct. The Python type and the layout differ: an instance of `class S(list)` has
//! layout `List` and type `S`. Instances of Python classes additionally carry
//! [`InstanceAttrs`] after the payload (`Obj<WithAttrs<T>>`, header flag `HAS_ATTRS`); the
//! payload stays at the same offset, so code that reads the payload never needs to know.
//!
//! Reference counts are *biased* (see `thread::brc`): the thread that created an object
//! counts with plain loads and stores; other threads use an atomic shared count.
//!
//! Deallocation is iterative: an object whose count drops to zero while another object is
//! being freed on the same thread is queued, so dropping a deep structure (a list nested a
//! million times) never recurses on the Rust stack.

mod attrs;
mod layout;

use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::atomic::{fence, AtomicI32, AtomicPtr, AtomicU32, AtomicU8, Ordering};

pub use attrs::{InstanceAttrs, SharedKeys};
pub use layout::{Layout, Payload};

use crate::types::typeobj::TypeData;
use crate::value::Value;

/// A local count of this value marks an immortal object: its counts never change.
pub const IMMORTAL_LOCAL: u32 = u32::MAX;
/// The shared count is stored shifted left by this many bits; the low bits are flags.
const SHARED_SHIFT: u32 = 2;
/// Shared-count flag: the owner gave up ownership; all counting is in `shared`.
const SHARED_MERGED: i32 = 3;

/// Header flag: the payload is followed by [`InstanceAttrs`].
pub const HAS_ATTRS: u8 = 1 << 0;

/// The common header of every heap object.
#[repr(C)]
pub struct Header {
    /// Owning thread id (0: no owner, the object is merged).
    tid: AtomicU32,
    /// The owner's count: only the owner writes it (plain relaxed loads and stores).
    local: AtomicU32,
    /// Other threads' count, `(count << 2) | flags`.
    shared: AtomicI32,
    layout: Layout,
    flags: AtomicU8,
    _reserved: u16,
    /// The object's Python type; a counted reference (types are objects too).
    ty: AtomicPtr<Obj<TypeData>>,
}

/// A heap object with payload `T`.
#[repr(C)]
pub struct Obj<T> {
    pub header: Header,
    pub data: T,
}

/// A payload followed by instance attributes (instances of Python classes).
#[repr(C)]
pub struct WithAttrs<T> {
    pub inner: T,
    pub attrs: InstanceAttrs,
}

const _: () = {
    assert!(std::mem::size_of::<Header>() == 24);
    assert!(std::mem::offset_of!(Obj<u64>, data) == 24);
    assert!(std::mem::offset_of!(Obj<WithAttrs<u64>>, data) == 24);
};

impl Header {
    #[inline(always)]
    pub fn layout(&self) -> Layout {
        self.layout
    }

    #[inline(always)]
    pub fn flags(&self) -> u8 {
        self.flags.load(Ordering::Relaxed)
    }

    #[inline(always)]
    pub fn has_attrs(&self) -> bool {
        self.flags() & HAS_ATTRS != 0
    }

    #[inline(always)]
    pub fn is_immortal(&self) -> bool {
        self.local.load(Ordering::Relaxed) == IMMORTAL_LOCAL
    }

    /// The current reference count (approximate under concurrency; for `sys.getrefcount`).
    pub fn refcount(&self) -> u32 {
        let local = self.local.load(Ordering::Relaxed);
        if local == IMMORTAL_LOCAL {
            return local;
        }
        let shared = self.shared.load(Ordering::Relaxed) >> SHARED_SHIFT;
        (local as i64 + shared as i64).max(0) as u32
    }

    /// The object's Python type.
    #[inline(always)]
    pub fn ty(&self) -> &Obj<TypeData> {
        // The object holds a counted reference to its type, so the type outlives `self`.
        unsafe { &*self.ty.load(Ordering::Acquire) }
    }

    /// Replaces the type (`__class__` assignment). The caller has checked layouts match.
    ///
    /// The old type's reference is deliberately kept (leaked): another thread may have
    /// borrowed it through [`Header::ty`] a moment ago, and `__class__` assignment is rare
    /// enough that never freeing the previous class is the simplest sound choice.
    pub fn set_ty(&self, ty: ObjRef<TypeData>) {
        let new = ObjRef::into_raw(ty) as *mut Obj<TypeData>;
        let _old = self.ty.swap(new, Ordering::AcqRel);
    }

    /// Makes this object immortal: its count never changes again. Only for objects that are
    /// not yet shared with another thread.
    pub fn make_immortal(&self) {
        self.tid.store(0, Ordering::Relaxed);
        self.shared.store(0, Ordering::Relaxed);
        self.local.store(IMMORTAL_LOCAL, Ordering::Relaxed);
    }

    /// Pointer to the instance attributes following the payload, if present.
    #[inline]
    pub fn attrs(&self) -> Option<&InstanceAttrs> {
        if self.has_attrs() {
            let offset = layout::attrs_offset(self.layout);
            Some(unsafe {
                &*((self as *const Header as *const u8).add(offset) as *const InstanceAttrs)
            })
        } else {
            None
        }
    }

    /// Downcasts to a payload type by checking the layout tag.
    #[inline(always)]
    pub fn downcast<T: Payload>(&self) -> Option<&Obj<T>> {
        if self.layout == T::LAYOUT {
            Some(unsafe { &*(self as *const Header as *const Obj<T>) })
        } else {
            None
        }
    }
}

impl Drop for Header {
    fn drop(&mut self) {
        let ty = *self.ty.get_mut();
        if !ty.is_null() {
            unsafe { decref(ty as *const Header) };
        }
    }
}

impl<T> Obj<T> {
    #[inline(always)]
    pub fn as_header(&self) -> &Header {
        &self.header
    }

    /// A new counted reference to this object as a `Value`.
    #[inline(always)]
    pub fn to_value(&self) -> Value {
        unsafe { Value::from_borrowed_ptr(&self.header) }
    }

    /// A new counted reference.
    #[inline(always)]
    pub fn to_ref(&self) -> ObjRef<T> {
        incref(&self.header);
        ObjRef {
            ptr: NonNull::from(self),
            _marker: PhantomData,
        }
    }

    #[inline(always)]
    pub fn ty(&self) -> &Obj<TypeData> {
        self.header.ty()
    }

    #[inline(always)]
    pub fn attrs(&self) -> Option<&InstanceAttrs> {
        self.header.attrs()
    }

    #[inline(always)]
    pub fn ptr_eq(&self, other: &Obj<T>) -> bool {
        std::ptr::eq(self, other)
    }

    pub fn as_ptr(&self) -> *const Obj<T> {
        self
    }
}

/// An owned, counted reference to an `Obj<T>`.
pub struct ObjRef<T> {
    ptr: NonNull<Obj<T>>,
    _marker: PhantomData<Obj<T>>,
}

unsafe impl<T: Send + Sync> Send for ObjRef<T> {}
unsafe impl<T: Send + Sync> Sync for ObjRef<T> {}

impl<T> ObjRef<T> {
    /// Gives up the reference, returning the raw pointer.
    pub fn into_raw(this: ObjRef<T>) -> *const Obj<T> {
        let p = this.ptr.as_ptr();
        std::mem::forget(this);
        p
    }

    /// # Safety
    /// `ptr` must come from [`ObjRef::into_raw`] (or be an owned counted reference).
    pub unsafe fn from_raw(ptr: *const Obj<T>) -> ObjRef<T> {
        ObjRef {
            ptr: NonNull::new_unchecked(ptr as *mut Obj<T>),
            _marker: PhantomData,
        }
    }

    #[inline(always)]
    pub fn into_value(self) -> Value {
        let p = ObjRef::into_raw(self);
        unsafe { Value::from_owned_ptr(p as *const Header) }
    }

    #[inline(always)]
    pub fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

impl<T> Deref for ObjRef<T> {
    type Target = Obj<T>;
    #[inline(always)]
    fn deref(&self) -> &Obj<T> {
        unsafe { self.ptr.as_ref() }
    }
}

impl<T> Clone for ObjRef<T> {
    #[inline(always)]
    fn clone(&self) -> ObjRef<T> {
        self.to_ref()
    }
}

impl<T> Drop for ObjRef<T> {
    #[inline(always)]
    fn drop(&mut self) {
        unsafe { decref(self.ptr.as_ptr() as *const Header) }
    }
}

impl<T> std::fmt::Debug for ObjRef<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ObjRef({:p})", self.ptr)
    }
}

// ----- allocation -----

/// Initial counts: owned by the current thread, or merged if it is not registered.
#[inline(always)]
fn initial_counts() -> (AtomicU32, AtomicU32, AtomicI32) {
    let tid = crate::thread::current_tid();
    if tid != crate::thread::brc::UNREGISTERED {
        (AtomicU32::new(tid), AtomicU32::new(1), AtomicI32::new(0))
    } else {
        (
            AtomicU32::new(0),
            AtomicU32::new(0),
            AtomicI32::new((1 << SHARED_SHIFT) | SHARED_MERGED),
        )
    }
}

fn header(layout: Layout, flags: u8, ty: ObjRef<TypeData>) -> Header {
    let (tid, local, shared) = initial_counts();
    Header {
        tid,
        local,
        shared,
        layout,
        flags: AtomicU8::new(flags),
        _reserved: 0,
        ty: AtomicPtr::new(ObjRef::into_raw(ty) as *mut Obj<TypeData>),
    }
}

/// Allocates an object with payload `data` and Python type `ty`.
pub fn alloc<T: Payload>(ty: ObjRef<TypeData>, data: T) -> ObjRef<T> {
    let b = Box::new(Obj {
        header: header(T::LAYOUT, 0, ty),
        data,
    });
    unsafe { ObjRef::from_raw(Box::into_raw(b)) }
}

/// Allocates an object with payload `data` followed by instance attributes.
pub fn alloc_with_attrs<T: Payload>(
    ty: ObjRef<TypeData>,
    data: T,
    attrs: InstanceAttrs,
) -> ObjRef<T> {
    let b = Box::new(Obj {
        header: header(T::LAYOUT, HAS_ATTRS, ty),
        data: WithAttrs { inner: data, attrs },
    });
    unsafe { ObjRef::from_raw(Box::into_raw(b) as *const Obj<T>) }
}

/// Allocates an object whose type is not yet known (the type object itself during bootstrap);
/// the type pointer must be set with [`init_type_ptr`] before the object is used.
pub(crate) fn alloc_untyped<T: Payload>(data: T) -> ObjRef<T> {
    let (tid, local, shared) = initial_counts();
    let b = Box::new(Obj {
        header: Header {
            tid,
            local,
            shared,
            layout: T::LAYOUT,
            flags: AtomicU8::new(0),
            _reserved: 0,
            ty: AtomicPtr::new(std::ptr::null_mut()),
        },
        data,
    });
    unsafe { ObjRef::from_raw(Box::into_raw(b)) }
}

/// Sets the type of an object made by [`alloc_untyped`].
pub(crate) fn init_type_ptr(h: &Header, ty: ObjRef<TypeData>) {
    let old =
        h.ty.swap(ObjRef::into_raw(ty) as *mut Obj<TypeData>, Ordering::AcqRel);
    debug_assert!(old.is_null());
}

/// Drops the payload (and attributes) and frees the memory of an object with payload `T`.
///
/// # Safety
/// `ptr` must be a dead object (count zero) allocated by this module with payload `T`.
pub(crate) unsafe fn free_object<T: Payload>(ptr: *mut Header) {
    if (*ptr).has_attrs() {
        drop(Box::from_raw(ptr as *mut Obj<WithAttrs<T>>));
    } else {
        drop(Box::from_raw(ptr as *mut Obj<T>));
    }
}

// ----- reference counting -----

#[inline(always)]
pub fn incref(h: &Header) {
    let local = h.local.load(Ordering::Relaxed);
    if local == IMMORTAL_LOCAL {
        return;
    }
    if h.tid.load(Ordering::Relaxed) == crate::thread::current_tid() {
        h.local.store(local + 1, Ordering::Relaxed);
    } else {
        h.shared.fetch_add(1 << SHARED_SHIFT, Ordering::Relaxed);
    }
}

/// Decrements the count, freeing the object when it reaches zero.
///
/// # Safety
/// `ptr` must point to a live object and the caller gives up one reference.
#[inline(always)]
pub unsafe fn decref(ptr: *const Header) {
    let h = &*ptr;
    let local = h.local.load(Ordering::Relaxed);
    if local == IMMORTAL_LOCAL {
        return;
    }
    if h.tid.load(Ordering::Relaxed) == crate::thread::current_tid() {
        if local > 1 {
            h.local.store(local - 1, Ordering::Relaxed);
        } else {
            decref_last_local(ptr);
        }
    } else {
        decref_shared(ptr);
    }
}

/// The owner released its last local reference.
#[cold]
#[inline(never)]
unsafe fn decref_last_local(ptr: *const Header) {
    let h = &*ptr;
    h.local.store(0, Ordering::Relaxed);
    if h.shared.load(Ordering::Acquire) == 0 {
        dealloc(ptr as *mut Header);
        return;
    }
    // Other threads hold references: give up ownership and count in `shared` only.
    h.tid.store(0, Ordering::Release);
    let prev = h.shared.fetch_or(SHARED_MERGED, Ordering::AcqRel);
    if (prev >> SHARED_SHIFT) == 0 {
        dealloc(ptr as *mut Header);
    }
}

/// A non-owner releases a reference.
#[cold]
#[inline(never)]
unsafe fn decref_shared(ptr: *const Header) {
    let h = &*ptr;
    let mut cur = h.shared.load(Ordering::Relaxed);
    loop {
        let merged = cur & SHARED_MERGED == SHARED_MERGED;
        if !merged && (cur >> SHARED_SHIFT) <= 0 {
            // This reference is counted in the owner's local count: hand it to the owner,
            // who releases it at its next check (or merge now if the owner is gone).
            let owner = h.tid.load(Ordering::Acquire);
            crate::thread::brc::enqueue(owner, ptr);
            return;
        }
        let new = cur - (1 << SHARED_SHIFT);
        match h
            .shared
            .compare_exchange_weak(cur, new, Ordering::AcqRel, Ordering::Relaxed)
        {
            Ok(_) => {
                if merged && (new >> SHARED_SHIFT) == 0 {
                    fence(Ordering::Acquire);
                    dealloc(ptr as *mut Header);
                }
                return;
            }
            Err(actual) => cur = actual,
        }
    }
}

/// Folds the owner's local count into the shared count and removes the owner (the owner
/// has exited). Returns nothing; the caller then releases its own reference normally.
///
/// # Safety
/// Called with the BRC registry lock held, for an object whose owner is gone.
pub(crate) unsafe fn merge_dead_owner(h: &Header) {
    if h.tid.load(Ordering::Acquire) == 0 {
        return;
    }
    let local = h.local.swap(0, Ordering::AcqRel);
    if local == IMMORTAL_LOCAL {
        h.local.store(IMMORTAL_LOCAL, Ordering::Relaxed);
        return;
    }
    h.tid.store(0, Ordering::Release);
    let mut cur = h.shared.load(Ordering::Relaxed);
    loop {
        let new = (cur + ((local as i32) << SHARED_SHIFT)) | SHARED_MERGED;
        match h
            .shared
            .compare_exchange_weak(cur, new, Ordering::AcqRel, Ordering::Relaxed)
        {
            Ok(_) => return,
            Err(actual) => cur = actual,
        }
    }
}

/// Releases a reference that was handed to the current thread's queue (or to a merge).
///
/// # Safety
/// `ptr` must be live, with one reference owned by the caller.
pub(crate) unsafe fn release_handed_reference(ptr: *const Header) {
    decref(ptr)
}

thread_local! {
    static DEALLOCATING: Cell<bool> = const { Cell::new(false) };
    static PENDING: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

#[cold]
#[inline(never)]
unsafe fn dealloc(ptr: *mut Header) {
    let nested = DEALLOCATING.try_with(|d| d.replace(true));
    match nested {
        Ok(true) => {
            // Freeing another object right now: queue this one instead of recursing.
            if PENDING
                .try_with(|p| p.borrow_mut().push(ptr as usize))
                .is_err()
            {
                release(ptr);
            }
        }
        Ok(false) => {
            release(ptr);
            while let Some(next) = PENDING.with(|p| p.borrow_mut().pop()) {
                release(next as *mut Header);
            }
            DEALLOCATING.with(|d| d.set(false));
        }
        // Thread-local storage is being torn down: free directly.
        Err(_) => layout::free(ptr),
    }
}

/// Frees an unreferenced object, unless it needs finalizing first (a suspended generator
/// is resurrected and queued to be closed).
unsafe fn release(ptr: *mut Header) {
    if (*ptr).layout() == Layout::Generator && crate::types::generator::defer_finalization(ptr) {
        return;
    }
    layout::free(ptr);
}

/// Gives an unreferenced object one reference again, owned by the current thread (object
/// finalization).
///
/// # Safety
/// `h` has no references and has not been freed.
pub(crate) unsafe fn resurrect(h: &Header) {
    h.shared.store(0, Ordering::Relaxed);
    h.tid.store(crate::thread::current_tid(), Ordering::Relaxed);
    h.local.store(1, Ordering::Release);
}

// ----- typed access from values -----

impl Value {
    /// Downcasts to `Obj<T>` by layout (instances of subclasses included).
    #[inline(always)]
    pub fn downcast<T: Payload>(&self) -> Option<&Obj<T>> {
        self.as_header()?.downcast::<T>()
    }

    /// The object's layout, if this is a heap pointer.
    #[inline(always)]
    pub fn layout(&self) -> Option<Layout> {
        self.as_header().map(|h| h.layout())
    }

    /// Creates an `ObjRef<T>` if the layout matches.
    pub fn downcast_ref<T: Payload>(&self) -> Option<ObjRef<T>> {
        self.downcast::<T>().map(|o| o.to_ref())
    }
}
