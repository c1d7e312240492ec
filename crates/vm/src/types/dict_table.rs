//! The compact, insertion-ordered hash table behind `dict` and `set`.
//!
//! An index array (open addressing with CPython's perturbed probing) points into a dense
//! entry vector kept in insertion order; deleted entries leave a hole (key EMPTY) until
//! the next resize compacts them. The table itself is not synchronized: `DictData` and
//! `SetData` wrap it in a `PyMutex`.
//!
//! Lookups that need a Python `__eq__` cannot run under the lock. The probe is therefore a
//! resumable state machine: `probe` stops with `NeedEq` when it meets a candidate whose
//! equality needs Python; the caller unlocks, calls `__eq__`, relocks and resumes the probe
//! if the table's `version` did not change (else restarts). A lookup thus survives an
//! `__eq__` that mutates the dict.

use crate::sync::PyMutex;
use crate::types::int::IntData;
use crate::types::str::StrData;
use crate::types::{type_of, types};
use crate::value::Value;
use crate::{PyResult, Vm};

const FREE: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const MIN_SIZE: usize = 8;

pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct DictTable {
    indices: Vec<u32>,
    pub(crate) entries: Vec<Entry>,
    used: usize,
    /// Index slots that are not FREE (live entries plus DUMMY markers); the probe loop
    /// relies on `fill < indices.len()` so that it always meets a FREE slot.
    fill: usize,
    /// Bumped on every structural change (new key, deletion, clear, resize).
    version: u64,
}

/// Where a probe stopped (shared by the dict and set tables; `S` is the table's resumable
/// probe position).
pub enum Probe<S = ProbeState> {
    /// The key is at this position (dict: entry index; set: slot).
    Found(usize),
    /// The key is absent; where a new key goes.
    Absent(usize),
    /// Equality of the candidate at `entry` must be decided by Python; resume with `state`
    /// if it is not equal.
    NeedEq {
        entry: usize,
        candidate: Value,
        state: S,
    },
}

/// A hash table whose lookups can stop for a Python `__eq__` and resume (see `locate`).
pub trait ResumableTable {
    type State: Copy;
    /// The position a new probe starts from.
    fn start() -> Self::State;
    /// Continues (or starts) a probe for `key`/`hash`; with `native_only`, candidates that
    /// need Python to compare count as unequal.
    fn probe(
        &self,
        key: &Value,
        hash: i64,
        st: Self::State,
        native_only: bool,
    ) -> Probe<Self::State>;
    /// Changes whenever a key may have moved or gone.
    fn version(&self) -> u64;
}

/// CPython's perturbed open-addressing step: the slot after `slot` for a probe whose
/// perturbation is `perturb` (shifted in place).
#[inline(always)]
pub fn next_slot(slot: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= 5;
    (slot
        .wrapping_mul(5)
        .wrapping_add(*perturb as usize)
        .wrapping_add(1))
        & mask
}

/// A resumable probe position.
#[derive(Clone, Copy)]
pub struct ProbeState {
    slot: usize,
    perturb: u64,
    first_free: Option<usize>,
    started: bool,
}

impl ProbeState {
    pub fn start() -> ProbeState {
        ProbeState {
            slot: 0,
            perturb: 0,
            first_free: None,
            started: false,
        }
    }
}

/// Equality that needs no Python code: `Some(result)`, or `None` when a `__eq__` call is
/// required.
#[inline]
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    let (na, nb) = (simple_number(a), simple_number(b));
    match (na, nb) {
        (Some(x), Some(y)) => return Some(x == y),
        (Some(_), None) | (None, Some(_)) => {
            // A simple number and a non-number: equal only if the other side is a number
            // subclass or defines __eq__; exact str/None/etc. are never equal to numbers.
            let other = if na.is_some() { b } else { a };
            if is_exact_nonnumeric(other) {
                return Some(false);
            }
            return None;
        }
        (None, None) => {}
    }
    let t = types();
    match (a.downcast::<StrData>(), b.downcast::<StrData>()) {
        (Some(x), Some(y)) if type_of(a).is(&t.str) && type_of(b).is(&t.str) => {
            return Some(x.data.as_str() == y.data.as_str())
        }
        (Some(_), None) if type_of(a).is(&t.str) && is_exact_nonnumeric(b) => return Some(false),
        (None, Some(_)) if type_of(b).is(&t.str) && is_exact_nonnumeric(a) => return Some(false),
        _ => {}
    }
    if let (Some(x), Some(y)) = (a.downcast::<IntData>(), b.downcast::<IntData>()) {
        if type_of(a).is(&t.int) && type_of(b).is(&t.int) {
            return Some(x.data.value == y.data.value);
        }
    }
    if a.is_none() || b.is_none() {
        // None is only equal to itself (identity handled above) unless the other side
        // overrides __eq__.
        let other = if a.is_none() { b } else { a };
        if is_exact_nonnumeric(other) || simple_number(other).is_some() {
            return Some(false);
        }
    }
    None
}

/// An exact builtin value whose equality with anything else is identity or native.
fn is_exact_nonnumeric(v: &Value) -> bool {
    if v.is_none() {
        return true;
    }
    let t = types();
    let ty = type_of(v);
    ty.is(&t.str) || ty.is(&t.bytes) || ty.is(&t.none_type) || ty.is(&t.type_) || ty.is(&t.function)
}

/// Small ints, bools and immediate floats as comparable numbers.
#[derive(PartialEq, Clone, Copy)]
enum Num {
    I(i64),
    F(f64),
}

impl Num {
    fn eq(self, other: Num) -> bool {
        match (self, other) {
            (Num::I(a), Num::I(b)) => a == b,
            (Num::F(a), Num::F(b)) => a == b,
            (Num::I(a), Num::F(b)) | (Num::F(b), Num::I(a)) => {
                (a as f64) == b && (b as i64) == a && b.fract() == 0.0
            }
        }
    }
}

fn simple_number(v: &Value) -> Option<NumEq> {
    if let Some(i) = v.as_small_int() {
        return Some(NumEq(Num::I(i)));
    }
    if let Some(b) = v.as_bool() {
        return Some(NumEq(Num::I(b as i64)));
    }
    v.as_float_imm().map(|f| NumEq(Num::F(f)))
}

#[derive(Clone, Copy)]
struct NumEq(Num);

impl PartialEq for NumEq {
    fn eq(&self, other: &NumEq) -> bool {
        self.0.eq(other.0)
    }
}

impl DictTable {
    pub fn with_capacity(n: usize) -> DictTable {
        let mut t = DictTable::default();
        if n > 0 {
            let size = (n * 3 / 2 + 1).next_power_of_two().max(MIN_SIZE);
            t.indices = vec![FREE; size];
            t.entries.reserve(n);
        }
        t
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Number of entry positions (live or deleted), for iteration.
    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// The live entry at position `pos`, if any.
    pub fn entry(&self, pos: usize) -> Option<&Entry> {
        self.entries.get(pos).filter(|e| !e.key.is_empty())
    }

    /// Continues (or starts) a probe for `key`/`hash`.
    pub fn probe(&self, key: &Value, hash: i64, mut st: ProbeState, str_only: bool) -> Probe {
        if self.indices.is_empty() {
            return Probe::Absent(0);
        }
        let mask = self.indices.len() - 1;
        if !st.started {
            st.started = true;
            st.slot = (hash as u64 as usize) & mask;
            st.perturb = hash as u64;
        } else {
            st.slot = next_slot(st.slot, &mut st.perturb, mask);
        }
        loop {
            let ix = self.indices[st.slot];
            if ix == FREE {
                return Probe::Absent(st.first_free.unwrap_or(st.slot));
            }
            if ix == DUMMY {
                if st.first_free.is_none() {
                    st.first_free = Some(st.slot);
                }
            } else {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    match fast_eq(&e.key, key) {
                        Some(true) => return Probe::Found(ix as usize),
                        Some(false) => {}
                        None if str_only => {}
                        None => {
                            return Probe::NeedEq {
                                entry: ix as usize,
                                candidate: e.key.clone(),
                                state: st,
                            };
                        }
                    }
                }
            }
            st.slot = next_slot(st.slot, &mut st.perturb, mask);
        }
    }

    /// Looks up a str key, first by identity (interned names: attribute and global
    /// lookups); an equal-hash entry that is not the same object falls back to `find_native`.
    #[inline]
    pub fn find_str(&self, key: &Value, hash: i64) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.indices.len() - 1;
        let mut slot = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.indices[slot];
            if ix == FREE {
                return None;
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.key.bits() == key.bits() {
                    return Some(ix as usize);
                }
                if e.hash == hash {
                    return self.find_native(key, hash);
                }
            }
            slot = next_slot(slot, &mut perturb, mask);
        }
    }

    /// Looks up a key using native equality only (str keys, numbers).
    pub fn find_native(&self, key: &Value, hash: i64) -> Option<usize> {
        match self.probe(key, hash, ProbeState::start(), true) {
            Probe::Found(i) => Some(i),
            _ => None,
        }
    }

    /// Inserts a new key at index slot `slot` (from `Probe::Absent`).
    pub fn insert_new(&mut self, slot: usize, hash: i64, key: Value, value: Value) {
        let usable = self.usable();
        if self.indices.is_empty()
            || self.entries.len() + 1 > usable
            || (self.indices[slot] == FREE && self.fill + 1 > usable)
        {
            self.resize(self.used * 3 + 1);
            let s = self.find_free_slot(hash);
            self.insert_at(s, hash, key, value);
            return;
        }
        self.insert_at(slot, hash, key, value);
    }

    fn insert_at(&mut self, slot: usize, hash: i64, key: Value, value: Value) {
        if self.indices[slot] == FREE {
            self.fill += 1;
        }
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        self.version += 1;
    }

    fn usable(&self) -> usize {
        self.indices.len() * 2 / 3
    }

    fn find_free_slot(&self, hash: i64) -> usize {
        let mask = self.indices.len() - 1;
        let mut slot = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        while self.indices[slot] != FREE && self.indices[slot] != DUMMY {
            slot = next_slot(slot, &mut perturb, mask);
        }
        slot
    }

    fn resize(&mut self, min_used: usize) {
        let size = (min_used * 3 / 2 + 1).next_power_of_two().max(MIN_SIZE);
        let old: Vec<Entry> = std::mem::take(&mut self.entries);
        self.indices = vec![FREE; size];
        self.entries = Vec::with_capacity(size * 2 / 3);
        let mask = size - 1;
        for e in old.into_iter().filter(|e| !e.key.is_empty()) {
            let mut slot = (e.hash as u64 as usize) & mask;
            let mut perturb = e.hash as u64;
            while self.indices[slot] != FREE {
                slot = next_slot(slot, &mut perturb, mask);
            }
            self.indices[slot] = self.entries.len() as u32;
            self.entries.push(e);
        }
        self.fill = self.entries.len();
        self.version += 1;
    }

    /// Removes the entry at `pos`, returning its key and value.
    pub fn remove_entry(&mut self, pos: usize) -> (Value, Value) {
        let hash = self.entries[pos].hash;
        // Find the index slot pointing at `pos`.
        let mask = self.indices.len() - 1;
        let mut slot = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        while self.indices[slot] != pos as u32 {
            slot = next_slot(slot, &mut perturb, mask);
        }
        self.indices[slot] = DUMMY;
        let e = &mut self.entries[pos];
        let k = e.key.take();
        let v = e.value.take();
        self.used -= 1;
        self.version += 1;
        // Trim trailing holes so popitem stays O(1) amortized.
        while self.entries.last().is_some_and(|e| e.key.is_empty()) {
            self.entries.pop();
        }
        (k, v)
    }

    /// Removes everything, returning the old entries (drop them outside any lock).
    pub fn take_all(&mut self) -> Vec<Entry> {
        self.indices = Vec::new();
        self.used = 0;
        self.fill = 0;
        self.version += 1;
        std::mem::take(&mut self.entries)
    }

    /// Live entries in order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_empty())
    }

    /// Position of the last live entry.
    pub fn last_pos(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| !e.key.is_empty())
    }

    /// A copy with the same entries.
    pub fn clone_table(&self) -> DictTable {
        let mut t = DictTable::with_capacity(self.used);
        for e in self.iter() {
            let slot = t.find_free_slot(e.hash);
            t.insert_at(slot, e.hash, e.key.clone(), e.value.clone());
        }
        t
    }
}

impl ResumableTable for DictTable {
    type State = ProbeState;

    fn start() -> ProbeState {
        ProbeState::start()
    }

    fn probe(&self, key: &Value, hash: i64, st: ProbeState, native_only: bool) -> Probe {
        DictTable::probe(self, key, hash, st, native_only)
    }

    fn version(&self) -> u64 {
        self.version
    }
}

/// Finds `key` in a locked table, calling `__eq__` without holding the lock, then runs
/// `on_found(table, position)` or `on_absent(table, position)` under the lock. A probe
/// stopped for `__eq__` resumes where it was if the table did not change meanwhile, and
/// restarts otherwise, so an `__eq__` that mutates the container is survived.
pub fn locate<T: ResumableTable, R>(
    table: &PyMutex<T>,
    vm: &mut Vm,
    key: &Value,
    hash: i64,
    mut on_found: impl FnMut(&mut T, usize) -> R,
    mut on_absent: impl FnMut(&mut T, usize) -> R,
) -> PyResult<R> {
    let mut st = T::start();
    loop {
        let mut t = table.lock();
        match t.probe(key, hash, st, false) {
            Probe::Found(i) => return Ok(on_found(&mut t, i)),
            Probe::Absent(slot) => return Ok(on_absent(&mut t, slot)),
            Probe::NeedEq {
                entry,
                candidate,
                state,
            } => {
                let version = t.version();
                drop(t);
                let eq = vm.eq(&candidate, key)?;
                let mut t = table.lock();
                if t.version() != version {
                    st = T::start();
                    continue;
                }
                if eq {
                    return Ok(on_found(&mut t, entry));
                }
                st = state;
            }
        }
    }
}
