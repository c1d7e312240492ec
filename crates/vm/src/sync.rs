//! Small synchronization primitives for object internals.
//!
//! [`PyMutex`] is a one-byte spin lock with yielding backoff, used to protect the structure
//! of mutable containers (list, dict, set, instance attributes). Critical sections are short
//! and never run Python code or block, so spinning is cheap; the uncontended cost is one
//! compare-exchange to lock and one release store to unlock.
//!
//! Rule: never call back into Python (or anything that may lock the same object) while
//! holding a `PyMutex`. Values removed under the lock should be dropped after unlocking.

use std::cell::UnsafeCell;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::value::Value;

pub struct PyMutex<T> {
    locked: AtomicBool,
    data: UnsafeCell<T>,
}

unsafe impl<T: Send> Send for PyMutex<T> {}
unsafe impl<T: Send> Sync for PyMutex<T> {}

impl<T> PyMutex<T> {
    pub const fn new(value: T) -> PyMutex<T> {
        PyMutex {
            locked: AtomicBool::new(false),
            data: UnsafeCell::new(value),
        }
    }

    #[inline(always)]
    pub fn lock(&self) -> PyMutexGuard<'_, T> {
        if self
            .locked
            .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            self.lock_slow();
        }
        PyMutexGuard { mutex: self }
    }

    #[cold]
    fn lock_slow(&self) {
        let mut spins = 0u32;
        loop {
            while self.locked.load(Ordering::Relaxed) {
                if spins < 64 {
                    std::hint::spin_loop();
                    spins += 1;
                } else {
                    std::thread::yield_now();
                }
            }
            if self
                .locked
                .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
            {
                return;
            }
        }
    }

    /// Exclusive access without locking (the caller owns the object exclusively).
    pub fn get_mut(&mut self) -> &mut T {
        self.data.get_mut()
    }

    pub fn into_inner(self) -> T {
        self.data.into_inner()
    }
}

impl<T: Default> Default for PyMutex<T> {
    fn default() -> Self {
        PyMutex::new(T::default())
    }
}

pub struct PyMutexGuard<'a, T> {
    mutex: &'a PyMutex<T>,
}

impl<T> Deref for PyMutexGuard<'_, T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        unsafe { &*self.mutex.data.get() }
    }
}

impl<T> DerefMut for PyMutexGuard<'_, T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut T {
        unsafe { &mut *self.mutex.data.get() }
    }
}

impl<T> Drop for PyMutexGuard<'_, T> {
    #[inline(always)]
    fn drop(&mut self) {
        self.mutex.locked.store(false, Ordering::Release);
    }
}

/// A value slot with lock-free reads whose replaced values are retired, not freed.
pub struct RetainSlot {
    bits: AtomicU64,
    retired: PyMutex<Vec<Value>>,
}

impl RetainSlot {
    pub fn new(v: Value) -> RetainSlot {
        RetainSlot {
            bits: AtomicU64::new(v.into_raw()),
            retired: PyMutex::new(Vec::new()),
        }
    }

    /// Runs `f` with the current value (no count change: the value cannot be freed while
    /// the owner lives, since replaced values are retired).
    #[inline(always)]
    pub fn with<R>(&self, f: impl FnOnce(&Value) -> R) -> R {
        let v = std::mem::ManuallyDrop::new(unsafe {
            Value::from_raw(self.bits.load(Ordering::Acquire))
        });
        f(&v)
    }

    #[inline(always)]
    pub fn get(&self) -> Value {
        let bits = self.bits.load(Ordering::Acquire);
        let v = unsafe { Value::from_raw(bits) };
        let out = v.clone();
        std::mem::forget(v);
        out
    }

    pub fn set(&self, v: Value) {
        let old = self.bits.swap(v.into_raw(), Ordering::AcqRel);
        let old = unsafe { Value::from_raw(old) };
        if old.is_ptr() {
            self.retired.lock().push(old);
        }
    }
}

impl Drop for RetainSlot {
    fn drop(&mut self) {
        drop(unsafe { Value::from_raw(*self.bits.get_mut()) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn no_lost_updates_under_contention() {
        let m = Arc::new(PyMutex::new(0u64));
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let m = m.clone();
                std::thread::spawn(move || {
                    for _ in 0..100_000 {
                        *m.lock() += 1;
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(*m.lock(), 400_000);
    }
}
