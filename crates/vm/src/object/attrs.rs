//! Instance attribute storage ("inline values" with per-class shared keys).
//!
//! Each Python class owns a [`SharedKeys`]: an append-only list of attribute names (interned,
//! immortal strings) whose positions index every instance's `values` vector. Reading the key
//! list is lock-free. An instance switches to a real dict ("materialized `__dict__`") when its
//! `__dict__` is requested or the class's key list is full; from then on the dict is the
//! authority. `__slots__` values live in a separate fixed array.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use crate::sync::PyMutex;
use crate::types::dict::DictData;
use crate::types::typeobj::TypeData;
use crate::value::Value;

use super::{Obj, ObjRef};

/// Most attribute names a class shares among its instances (CPython uses 30 as well).
pub const SHARED_KEYS_MAX: usize = 30;

/// A class's attribute name list, shared by its instances.
pub struct SharedKeys {
    len: AtomicU32,
    names: [AtomicU64; SHARED_KEYS_MAX],
    /// Bumped whenever a name is added (used by specialized instructions later).
    version: AtomicU32,
    append: PyMutex<()>,
}

impl Default for SharedKeys {
    fn default() -> Self {
        SharedKeys {
            len: AtomicU32::new(0),
            names: std::array::from_fn(|_| AtomicU64::new(0)),
            version: AtomicU32::new(1),
            append: PyMutex::new(()),
        }
    }
}

impl SharedKeys {
    /// Index of an (interned) name.
    #[inline]
    pub fn index_of(&self, name: &Value) -> Option<usize> {
        let n = self.len.load(Ordering::Acquire) as usize;
        let bits = name.bits();
        self.names[..n]
            .iter()
            .position(|slot| slot.load(Ordering::Relaxed) == bits)
    }

    /// Index of `name`, adding it if there is room. `name` must be an interned (immortal) str.
    pub fn index_or_add(&self, name: &Value) -> Option<usize> {
        if let Some(i) = self.index_of(name) {
            return Some(i);
        }
        let _guard = self.append.lock();
        if let Some(i) = self.index_of(name) {
            return Some(i);
        }
        let n = self.len.load(Ordering::Relaxed) as usize;
        if n >= SHARED_KEYS_MAX {
            return None;
        }
        self.names[n].store(name.bits(), Ordering::Relaxed);
        self.len.store(n as u32 + 1, Ordering::Release);
        self.version.fetch_add(1, Ordering::Relaxed);
        Some(n)
    }

    pub fn len(&self) -> usize {
        self.len.load(Ordering::Acquire) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The name at `index` (a borrowed immortal string).
    pub fn name(&self, index: usize) -> Value {
        let bits = self.names[index].load(Ordering::Relaxed);
        // Names are interned, immortal strings: cloning the bits needs no count.
        let v = unsafe { Value::from_raw(bits) };
        let out = v.clone();
        std::mem::forget(v);
        out
    }

    pub fn version(&self) -> u32 {
        self.version.load(Ordering::Relaxed)
    }
}

struct AttrState {
    values: Vec<Value>,
    dict: Option<ObjRef<DictData>>,
    slots: Box<[Value]>,
}

/// The attributes of one instance.
pub struct InstanceAttrs {
    state: PyMutex<AttrState>,
}

impl InstanceAttrs {
    /// Storage for an instance of `ty` (slot count and key capacity come from the class).
    pub fn for_type(ty: &Obj<TypeData>) -> InstanceAttrs {
        InstanceAttrs::new(ty.data.nslots(), ty.data.shared_keys.len())
    }

    pub fn new(nslots: usize, capacity: usize) -> InstanceAttrs {
        InstanceAttrs {
            state: PyMutex::new(AttrState {
                values: Vec::with_capacity(capacity),
                dict: None,
                slots: (0..nslots).map(|_| Value::EMPTY).collect(),
            }),
        }
    }

    /// Looks up an attribute in the instance (`name` is a str; interned for the fast path).
    pub fn get(&self, keys: &SharedKeys, name: &Value) -> Option<Value> {
        let st = self.state.lock();
        if let Some(d) = &st.dict {
            let d = d.clone();
            drop(st);
            return d.data.get_str(name);
        }
        let i = keys.index_of(name)?;
        st.values.get(i).and_then(|v| v.as_non_empty().cloned())
    }

    /// Sets an attribute. `name` must be an interned str.
    pub fn set(&self, keys: &SharedKeys, name: &Value, value: Value) {
        let mut st = self.state.lock();
        if let Some(d) = &st.dict {
            let d = d.clone();
            drop(st);
            d.data.set_str(name.clone(), value);
            return;
        }
        match keys.index_or_add(name) {
            Some(i) => {
                if st.values.len() <= i {
                    st.values.resize_with(i + 1, || Value::EMPTY);
                }
                let old = std::mem::replace(&mut st.values[i], value);
                drop(st);
                drop(old);
            }
            None => {
                let d = Self::materialize(&mut st, keys);
                drop(st);
                d.data.set_str(name.clone(), value);
            }
        }
    }

    /// Deletes an attribute; returns whether it existed.
    pub fn delete(&self, keys: &SharedKeys, name: &Value) -> bool {
        let mut st = self.state.lock();
        if let Some(d) = &st.dict {
            let d = d.clone();
            drop(st);
            return d.data.del_str(name).is_some();
        }
        let Some(i) = keys.index_of(name) else {
            return false;
        };
        match st.values.get_mut(i) {
            Some(slot) if !slot.is_empty() => {
                let old = slot.take();
                drop(st);
                drop(old);
                true
            }
            _ => false,
        }
    }

    fn materialize(st: &mut AttrState, keys: &SharedKeys) -> ObjRef<DictData> {
        if let Some(d) = &st.dict {
            return d.clone();
        }
        let dict = DictData::new_ref();
        for (i, v) in std::mem::take(&mut st.values).into_iter().enumerate() {
            if !v.is_empty() {
                dict.data.set_str(keys.name(i), v);
            }
        }
        st.dict = Some(dict.clone());
        dict
    }

    /// The instance `__dict__`, materializing it from the shared-key values if needed.
    pub fn dict(&self, keys: &SharedKeys) -> ObjRef<DictData> {
        let mut st = self.state.lock();
        Self::materialize(&mut st, keys)
    }

    /// Replaces the instance `__dict__` (`obj.__dict__ = d`).
    pub fn set_dict(&self, dict: ObjRef<DictData>) {
        let mut st = self.state.lock();
        let old_values = std::mem::take(&mut st.values);
        let old = st.dict.replace(dict);
        drop(st);
        drop(old_values);
        drop(old);
    }

    /// Whether the instance has its own materialized dict.
    pub fn has_dict(&self) -> bool {
        self.state.lock().dict.is_some()
    }

    /// All (name, value) pairs in insertion order of the class keys or the dict.
    pub fn items(&self, keys: &SharedKeys) -> Vec<(Value, Value)> {
        let st = self.state.lock();
        if let Some(d) = &st.dict {
            let d = d.clone();
            drop(st);
            return d.data.items();
        }
        st.values
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_empty())
            .map(|(i, v)| (keys.name(i), v.clone()))
            .collect()
    }

    pub fn slot_get(&self, index: usize) -> Option<Value> {
        let st = self.state.lock();
        st.slots.get(index).and_then(|v| v.as_non_empty().cloned())
    }

    /// Sets (`Some`) or clears (`None`) a slot; returns whether it was set before.
    pub fn slot_set(&self, index: usize, value: Option<Value>) -> bool {
        let mut st = self.state.lock();
        let Some(slot) = st.slots.get_mut(index) else {
            return false;
        };
        let old = std::mem::replace(slot, value.unwrap_or(Value::EMPTY));
        drop(st);
        !old.is_empty()
    }

    /// Read access to the raw value at a shared-key index (specialized attribute loads).
    pub fn value_at(&self, index: usize) -> Option<Value> {
        let st = self.state.lock();
        if st.dict.is_some() {
            return None;
        }
        st.values.get(index).and_then(|v| v.as_non_empty().cloned())
    }
}
