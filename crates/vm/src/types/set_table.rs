//! The hash table behind `set` and `frozenset`.
//!
//! Unlike `dict`, a set keeps no insertion order: iteration walks the slots, so the order a
//! program observes is a function of the probing and resizing rules. We follow CPython's
//! rules exactly (they are observable, e.g. `print({3, 11, 19})`): open addressing over a
//! power-of-two slot array (at least 8), a run of up to 9 linear probes before each
//! perturbed jump `i = (i * 5 + 1 + perturb) & mask; perturb >>= 5`, deleted slots left as
//! dummies that a later insertion of a new key may reuse (the last dummy on its probe
//! path), growth to `used * 4` (`used * 2` above 50 000) once `fill * 5 >= mask * 3`, and
//! `pop` scanning from a finger that survives `clear`. The Python model used to check these
//! rules against CPython 3.11 over thousands of random operation sequences lives in the
//! conformance script `tests/python/set_order_rules.py`.
//!
//! A slot is unused (`key` EMPTY, `hash` 0), a dummy (`key` EMPTY, `hash` -1; no Python
//! hash is -1) or live. As with the dict table, lookups that need a Python `__eq__` stop
//! with `NeedEq`; the caller unlocks, compares, relocks and resumes if `version` is
//! unchanged (else restarts), so an `__eq__` that mutates the set is survived.

use crate::types::dict_table::{fast_eq, Probe, ResumableTable};
use crate::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const DUMMY_HASH: i64 = -1;

#[derive(Clone)]
pub struct SetEntry {
    pub hash: i64,
    pub key: Value,
}

impl SetEntry {
    const UNUSED: SetEntry = SetEntry {
        hash: 0,
        key: Value::EMPTY,
    };

    #[inline]
    fn is_unused(&self) -> bool {
        self.key.is_empty() && self.hash == 0
    }

    #[inline]
    fn is_live(&self) -> bool {
        !self.key.is_empty()
    }
}

#[derive(Default, Clone)]
pub struct SetTable {
    /// `mask + 1` slots; empty until the first insertion (then at least `MIN_SIZE`).
    slots: Vec<SetEntry>,
    /// Live plus dummy slots.
    fill: usize,
    /// Live slots.
    used: usize,
    /// Where the next `pop` starts scanning.
    finger: usize,
    /// Bumped on every change that can move or remove a key.
    version: u64,
}

/// Where a set probe stopped (`Found`/`Absent` carry slots; `Absent` is `usize::MAX`
/// when the table has no slots yet).
pub type SetProbe = Probe<SetProbeState>;

/// A resumable probe position.
#[derive(Clone, Copy, Default)]
pub struct SetProbeState {
    started: bool,
    /// Start of the current linear run.
    run: usize,
    /// The slot being examined.
    pos: usize,
    /// Linear probes left in the current run after `pos`.
    left: usize,
    perturb: u64,
    free: Option<usize>,
}

impl SetProbeState {
    fn begin(&mut self, hash: i64, mask: usize) {
        self.started = true;
        self.perturb = hash as u64;
        self.start_run((hash as u64 as usize) & mask, mask);
    }

    #[inline]
    fn start_run(&mut self, i: usize, mask: usize) {
        self.run = i;
        self.pos = i;
        self.left = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
    }

    #[inline]
    fn advance(&mut self, mask: usize) {
        if self.left > 0 {
            self.left -= 1;
            self.pos += 1;
        } else {
            self.perturb >>= 5;
            let i = (self
                .run
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize))
                & mask;
            self.start_run(i, mask);
        }
    }
}

impl SetTable {
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    fn mask(&self) -> usize {
        self.slots.len().max(MIN_SIZE) - 1
    }

    /// Continues (or starts) a probe for `key`/`hash`. With `native_only`, candidates whose
    /// equality needs Python count as unequal.
    pub fn probe(
        &self,
        key: &Value,
        hash: i64,
        mut st: SetProbeState,
        native_only: bool,
    ) -> SetProbe {
        if self.slots.is_empty() {
            return Probe::Absent(usize::MAX);
        }
        let mask = self.slots.len() - 1;
        if st.started {
            st.advance(mask);
        } else {
            st.begin(hash, mask);
        }
        loop {
            let e = &self.slots[st.pos];
            if e.key.is_empty() {
                if e.hash == 0 {
                    return Probe::Absent(st.free.unwrap_or(st.pos));
                }
                // A dummy: a new key may take it (the last one met wins, as in CPython).
                st.free = Some(st.pos);
            } else if e.hash == hash {
                match fast_eq(&e.key, key) {
                    Some(true) => return Probe::Found(st.pos),
                    Some(false) => {}
                    None if native_only => {}
                    None => {
                        return Probe::NeedEq {
                            entry: st.pos,
                            candidate: e.key.clone(),
                            state: st,
                        }
                    }
                }
            }
            st.advance(mask);
        }
    }

    /// Stores a new key in `slot` (from `Probe::Absent`), growing the table as CPython
    /// does.
    pub fn insert_new(&mut self, slot: usize, hash: i64, key: Value) {
        self.version += 1;
        if self.slots.is_empty() {
            self.slots = vec![SetEntry::UNUSED; MIN_SIZE];
            Self::insert_clean(&mut self.slots, hash, key);
            self.fill = 1;
            self.used = 1;
            return;
        }
        let e = &mut self.slots[slot];
        let was_unused = e.is_unused();
        *e = SetEntry { hash, key };
        self.used += 1;
        if !was_unused {
            return;
        }
        self.fill += 1;
        if self.fill * 5 >= self.mask() * 3 {
            self.grow();
        }
    }

    fn grow(&mut self) {
        let target = if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        };
        self.resize(target);
    }

    /// Rebuilds the table with the smallest power-of-two size above `min_used`, dropping
    /// dummies; live keys are reinserted in slot order.
    pub fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        if size == self.slots.len() && self.fill == self.used {
            return;
        }
        self.version += 1;
        let old = std::mem::replace(&mut self.slots, vec![SetEntry::UNUSED; size]);
        for e in old.into_iter().filter(SetEntry::is_live) {
            Self::insert_clean(&mut self.slots, e.hash, e.key);
        }
        self.fill = self.used;
    }

    /// Places a key known to be absent into a table without dummies.
    fn insert_clean(slots: &mut [SetEntry], hash: i64, key: Value) {
        let mask = slots.len() - 1;
        let mut st = SetProbeState::default();
        st.begin(hash, mask);
        while !slots[st.pos].is_unused() {
            st.advance(mask);
        }
        slots[st.pos] = SetEntry { hash, key };
    }

    /// Turns the live slot `slot` into a dummy, returning its key.
    pub fn remove_at(&mut self, slot: usize) -> Value {
        self.version += 1;
        let e = &mut self.slots[slot];
        e.hash = DUMMY_HASH;
        self.used -= 1;
        e.key.take()
    }

    /// Removes and returns the first live key at or after the finger.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut pos = self.finger & mask;
        while !self.slots[pos].is_live() {
            pos = if pos == mask { 0 } else { pos + 1 };
        }
        self.finger = pos + 1;
        Some(self.remove_at(pos))
    }

    /// Empties the table (keeping the pop finger), returning the old slots so that the
    /// caller drops the keys outside any lock.
    pub fn take_all(&mut self) -> Vec<SetEntry> {
        self.version += 1;
        self.fill = 0;
        self.used = 0;
        std::mem::take(&mut self.slots)
    }

    /// Replaces the contents with `other`'s, keeping this table's pop finger (CPython's
    /// `set_swap_bodies`). Returns the old slots.
    pub fn replace_body(&mut self, other: SetTable) -> Vec<SetEntry> {
        let finger = self.finger;
        let version = self.version + 1;
        let old = std::mem::replace(self, other);
        self.finger = finger;
        self.version = version;
        old.slots
    }

    /// Live entries in slot order.
    pub fn iter(&self) -> impl Iterator<Item = &SetEntry> {
        self.slots.iter().filter(|e| e.is_live())
    }

    /// The first live key at slot `pos` or later: `(next_pos, key)`.
    pub fn next_from(&self, pos: usize) -> Option<(usize, Value)> {
        let off = self.slots.get(pos..)?.iter().position(SetEntry::is_live)?;
        Some((pos + off + 1, self.slots[pos + off].key.clone()))
    }

    /// Rebuilds without dummies once they are more than a quarter of the table.
    pub fn compact_if_sparse(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.grow();
        }
    }

    /// Grows ahead of adding about `incoming` keys (one resize instead of several).
    pub fn reserve_for(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// Merges a snapshot of another set into this one when no key comparison can be
    /// needed (this table is empty); returns `false` when the caller must add the keys
    /// one by one.
    pub fn merge_into_empty(&mut self, other: &SetTable) -> bool {
        if other.used == 0 {
            return true;
        }
        if self.fill != 0 {
            return false;
        }
        self.reserve_for(other.used);
        self.version += 1;
        if self.slots.is_empty() {
            self.slots = vec![SetEntry::UNUSED; MIN_SIZE];
        }
        if self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots.clone_from_slice(&other.slots);
        } else {
            for e in other.iter() {
                Self::insert_clean(&mut self.slots, e.hash, e.key.clone());
            }
        }
        self.fill = other.used;
        self.used = other.used;
        true
    }

    /// CPython's order-independent frozenset hash.
    pub fn frozen_hash(&self) -> i64 {
        let mut hash: u64 = 0;
        for e in self.iter() {
            let h = e.hash as u64;
            hash ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            590923713
        } else {
            hash as i64
        }
    }
}

impl ResumableTable for SetTable {
    type State = SetProbeState;

    fn start() -> SetProbeState {
        SetProbeState::default()
    }

    fn probe(&self, key: &Value, hash: i64, st: SetProbeState, native_only: bool) -> SetProbe {
        SetTable::probe(self, key, hash, st, native_only)
    }

    fn version(&self) -> u64 {
        self.version
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(t: &mut SetTable, k: i64) {
        let v = Value::small_int(k);
        if let Probe::Absent(slot) = t.probe(&v, k, SetProbeState::default(), true) {
            t.insert_new(slot, k, v);
        }
    }

    fn keys(t: &SetTable) -> Vec<i64> {
        t.iter().map(|e| e.key.as_small_int().unwrap()).collect()
    }

    #[test]
    fn slot_order_follows_hashes() {
        let mut t = SetTable::default();
        for k in [19, 3, 11, 8] {
            add(&mut t, k);
        }
        // 3, 11 and 19 all hash to slot 3 of 8, where no linear run fits, so 3 and 11
        // take the perturbed jumps (CPython 3.11 prints [3, 11, 19, 8]).
        assert_eq!(keys(&t), vec![3, 11, 19, 8]);
    }

    #[test]
    fn dummies_are_reused_and_never_fill_the_table() {
        let mut t = SetTable::default();
        for round in 0..100 {
            for k in -4..4 {
                add(&mut t, k + round);
            }
            for k in -4..4 {
                let v = Value::small_int(k + round);
                match t.probe(&v, k + round, SetProbeState::default(), true) {
                    Probe::Found(slot) => {
                        t.remove_at(slot);
                    }
                    _ => panic!("missing key"),
                }
            }
            assert!(t.fill < t.slots.len());
        }
        assert!(t.is_empty());
    }

    #[test]
    fn pop_scans_from_the_finger() {
        let mut t = SetTable::default();
        for k in [1, 2, 3] {
            add(&mut t, k);
        }
        assert_eq!(t.pop().and_then(|v| v.as_small_int()), Some(1));
        add(&mut t, 1);
        assert_eq!(t.pop().and_then(|v| v.as_small_int()), Some(2));
    }
}
