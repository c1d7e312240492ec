//! Biased reference counting (the scheme of PEP 703).
//!
//! Every object is *owned* by the thread that created it. The owner changes the object's
//! count with plain loads and stores (`local`); every other thread uses an atomic `shared`
//! count. The object's true count is `local + shared`.
//!
//! - When the owner's `local` count reaches zero, it either frees the object (shared is
//!   zero) or gives up ownership: `tid` becomes 0 and the object is *merged* — from then on
//!   every thread uses the atomic count, and whoever takes it to zero frees the object.
//! - When a non-owner would take `shared` below zero, the reference it releases must be
//!   one the owner counted locally: it hands that reference to the owner's queue instead
//!   of decrementing. The owner releases queued references (a plain local decrement) at
//!   its next eval-breaker check. If the owner has exited, the releasing thread folds the
//!   owner's local count into `shared` (merging the object) and releases normally.
//!
//! Thread ids are small integers from a counter that is never reused; 0 means "no owner".
//! Threads that never registered have the id `UNREGISTERED`, which no object carries, and
//! their objects are merged from the start.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use std::sync::Mutex;

/// The id of threads that never registered.
pub const UNREGISTERED: u32 = u32::MAX;

thread_local! {
    static TID: Cell<u32> = const { Cell::new(UNREGISTERED) };
}

static NEXT_TID: AtomicU32 = AtomicU32::new(1);

/// Queues of objects waiting for their owner to merge them, by owner thread id. A thread
/// is in the map while it is registered (alive).
static QUEUES: Mutex<Option<HashMap<u32, Vec<usize>>>> = Mutex::new(None);

/// Set when some queue is non-empty (checked at eval-breaker points).
static PENDING: AtomicBool = AtomicBool::new(false);

/// The current thread's id (`UNREGISTERED` when the thread never registered).
#[inline(always)]
pub fn current_tid() -> u32 {
    TID.with(|t| t.get())
}

/// Gives the current thread an owner id (idempotent). Objects it creates afterwards are
/// owned by it.
pub fn register_current_thread() -> u32 {
    let t = current_tid();
    if t != UNREGISTERED {
        return t;
    }
    let id = NEXT_TID.fetch_add(1, Ordering::Relaxed);
    if id == 0 || id == UNREGISTERED {
        // Ids exhausted: stay unregistered (every object shared; slower but correct).
        NEXT_TID.store(UNREGISTERED, Ordering::Relaxed);
        return UNREGISTERED;
    }
    QUEUES
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get_or_insert_with(HashMap::new)
        .insert(id, Vec::new());
    TID.with(|c| c.set(id));
    id
}

/// Removes the current thread from the owners, releasing the references queued for it.
/// Objects it still owns keep their counts; later releases by other threads merge them.
pub fn unregister_current_thread() {
    let t = current_tid();
    if t == UNREGISTERED {
        return;
    }
    merge_pending();
    let queue = QUEUES
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_mut()
        .and_then(|m| m.remove(&t));
    // Release what arrived between the merge and the removal (as a non-owner now).
    TID.with(|c| c.set(UNREGISTERED));
    for obj in queue.unwrap_or_default() {
        unsafe { release_as_non_owner(t, obj as *const crate::object::Header) };
    }
}

/// Hands a reference to its owner's queue; when the owner is gone, merges the object and
/// releases the reference here.
pub(crate) fn enqueue(owner: u32, obj: *const crate::object::Header) {
    let mut guard = QUEUES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(q) = guard.as_mut().and_then(|m| m.get_mut(&owner)) {
        q.push(obj as usize);
        PENDING.store(true, Ordering::Release);
        return;
    }
    drop(guard);
    unsafe { release_as_non_owner(owner, obj) };
}

/// Releases a reference to an object whose owner is gone: folds the owner's count into the
/// shared count (under the registry lock, so only one thread does it), then decrements.
unsafe fn release_as_non_owner(_owner: u32, obj: *const crate::object::Header) {
    {
        let _guard = QUEUES.lock().unwrap_or_else(|e| e.into_inner());
        crate::object::merge_dead_owner(&*obj);
    }
    crate::object::release_handed_reference(obj);
}

/// Whether any handed-over references are waiting (cheap check for the eval breaker).
#[inline(always)]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Releases the references handed to the current thread (as their owner).
pub fn merge_pending() {
    let t = current_tid();
    if t == UNREGISTERED {
        return;
    }
    let items = {
        let mut guard = QUEUES.lock().unwrap_or_else(|e| e.into_inner());
        let Some(map) = guard.as_mut() else { return };
        let items = map.get_mut(&t).map(std::mem::take).unwrap_or_default();
        if map.values().all(|q| q.is_empty()) {
            PENDING.store(false, Ordering::Release);
        }
        items
    };
    for obj in items {
        unsafe { crate::object::release_handed_reference(obj as *const crate::object::Header) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    /// References created and released across threads: counts stay consistent and the
    /// object survives until the last release.
    #[test]
    fn cross_thread_references_merge() {
        register_current_thread();
        crate::types::init_types();
        let v = crate::types::str::new_str("shared string for brc");
        let h = v.as_header().unwrap() as *const crate::object::Header as usize;
        // Each thread takes references (counted in `shared`) and releases them, more than
        // it took, releasing references the owner counted locally (handed back).
        let mut extra: Vec<Value> = (0..8).map(|_| v.clone()).collect();
        let mut handles = Vec::new();
        for _ in 0..4 {
            let mine: Vec<Value> = (0..2).map(|_| extra.pop().unwrap()).collect();
            let vv = v.clone();
            handles.push(std::thread::spawn(move || {
                register_current_thread();
                for _ in 0..1000 {
                    let c = vv.clone();
                    drop(c);
                }
                drop(mine);
                drop(vv);
                unregister_current_thread();
            }));
        }
        for t in handles {
            t.join().unwrap();
        }
        merge_pending();
        let header = unsafe { &*(h as *const crate::object::Header) };
        assert_eq!(header.refcount(), 1);
        assert_eq!(crate::types::str::str_of(&v), Some("shared string for brc"));
        drop(v);
    }

    #[test]
    fn ids_are_distinct_and_stable() {
        let a = register_current_thread();
        assert_ne!(a, UNREGISTERED);
        assert_eq!(register_current_thread(), a);
        let b = std::thread::spawn(register_current_thread).join().unwrap();
        assert_ne!(b, UNREGISTERED);
        assert_ne!(a, b);
    }
}
