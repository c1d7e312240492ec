//! The 8-byte `Value`: an immediate or a counted pointer to a heap object.
//!
//! This module is the only code that knows the bit encoding (NaN boxing):
//!
//! | bits (as u64)                         | meaning                                     |
//! |---------------------------------------|---------------------------------------------|
//! | `< 0xFFF9_0000_0000_0000`             | an `f64`, stored as its own bits            |
//! | `0xFFF9_xxxx_xxxx_xxxx`               | a small int: 48-bit two's complement        |
//! | `0xFFFA_0000_0000_000k`               | a special: None (0), empty (1), False (2), True (3) |
//! | `0xFFFB_pppp_pppp_pppp`               | a pointer to a heap object (48-bit address) |
//!
//! Every `f64` whose bits are `>= 0xFFF9_0000_0000_0000` (negative NaNs with a payload in the
//! reserved range; never produced by arithmetic on immediates, which only yields the default
//! NaN `0xFFF8_0000_0000_0000` or quieted input NaNs) is boxed as a heap float instead, so
//! no bit of any float is ever lost. An int that fits in 48 bits is always immediate, so each
//! int has exactly one representation.

use std::fmt;
use std::mem::ManuallyDrop;

use crate::object::{decref, incref, Header};

const TAG_SHIFT: u32 = 48;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
const FIRST_TAGGED: u64 = 0xFFF9 << TAG_SHIFT;
const TAG_INT: u64 = 0xFFF9;
const TAG_SPECIAL: u64 = 0xFFFA;
const TAG_PTR: u64 = 0xFFFB;

const NONE_BITS: u64 = TAG_SPECIAL << TAG_SHIFT;
const EMPTY_BITS: u64 = (TAG_SPECIAL << TAG_SHIFT) | 1;
const FALSE_BITS: u64 = (TAG_SPECIAL << TAG_SHIFT) | 2;
const TRUE_BITS: u64 = (TAG_SPECIAL << TAG_SHIFT) | 3;

/// Smallest int stored inline.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
/// Largest int stored inline.
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

/// A Python value: 8 bytes. `Clone` increments a heap object's reference count and `Drop`
/// decrements it; immediates cost nothing.
#[repr(transparent)]
pub struct Value(u64);

// A Value is a counted pointer to a `Send + Sync` object (or an immediate).
unsafe impl Send for Value {}
unsafe impl Sync for Value {}

impl Value {
    pub const NONE: Value = Value(NONE_BITS);
    /// The internal "no value" marker (unbound local, NULL stack slot). Python code never
    /// sees it.
    pub const EMPTY: Value = Value(EMPTY_BITS);
    pub const FALSE: Value = Value(FALSE_BITS);
    pub const TRUE: Value = Value(TRUE_BITS);

    // ----- construction -----

    /// An immediate int. The caller guarantees `SMALL_INT_MIN <= i <= SMALL_INT_MAX`.
    #[inline(always)]
    pub const fn small_int(i: i64) -> Value {
        debug_assert!(i >= SMALL_INT_MIN && i <= SMALL_INT_MAX);
        Value((TAG_INT << TAG_SHIFT) | (i as u64 & PAYLOAD_MASK))
    }

    /// An immediate int, if `i` fits.
    #[inline(always)]
    pub const fn try_small_int(i: i64) -> Option<Value> {
        if i >= SMALL_INT_MIN && i <= SMALL_INT_MAX {
            Some(Value::small_int(i))
        } else {
            None
        }
    }

    /// An immediate float, if its bits are outside the reserved range (callers box the rest).
    #[inline(always)]
    pub fn try_float_imm(f: f64) -> Option<Value> {
        let bits = f.to_bits();
        if bits < FIRST_TAGGED {
            Some(Value(bits))
        } else {
            None
        }
    }

    #[inline(always)]
    pub const fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    /// Wraps an owned reference to a heap object (the count is transferred, not changed).
    ///
    /// # Safety
    /// `ptr` must point to a live heap object and the caller gives up one reference.
    #[inline(always)]
    pub unsafe fn from_owned_ptr(ptr: *const Header) -> Value {
        let addr = ptr as u64;
        debug_assert!(addr & !PAYLOAD_MASK == 0, "heap address above 48 bits");
        Value((TAG_PTR << TAG_SHIFT) | addr)
    }

    /// Creates a new reference to a heap object (increments its count).
    ///
    /// # Safety
    /// `ptr` must point to a live heap object.
    #[inline(always)]
    pub unsafe fn from_borrowed_ptr(ptr: *const Header) -> Value {
        incref(&*ptr);
        Value::from_owned_ptr(ptr)
    }

    // ----- inspection -----

    #[inline(always)]
    pub const fn bits(&self) -> u64 {
        self.0
    }

    #[inline(always)]
    pub const fn is_small_int(&self) -> bool {
        self.0 >> TAG_SHIFT == TAG_INT
    }

    /// The immediate int, if this is one.
    #[inline(always)]
    pub const fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some(((self.0 << 16) as i64) >> 16)
        } else {
            None
        }
    }

    /// The immediate int. The caller has checked `is_small_int`.
    #[inline(always)]
    pub const fn small_int_unchecked(&self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    #[inline(always)]
    pub const fn is_float_imm(&self) -> bool {
        self.0 < FIRST_TAGGED
    }

    /// The immediate float, if this is one (boxed floats return `None`).
    #[inline(always)]
    pub fn as_float_imm(&self) -> Option<f64> {
        if self.is_float_imm() {
            Some(f64::from_bits(self.0))
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn float_imm_unchecked(&self) -> f64 {
        f64::from_bits(self.0)
    }

    #[inline(always)]
    pub const fn is_none(&self) -> bool {
        self.0 == NONE_BITS
    }

    #[inline(always)]
    pub const fn is_empty(&self) -> bool {
        self.0 == EMPTY_BITS
    }

    #[inline(always)]
    pub const fn is_bool(&self) -> bool {
        (self.0 | 1) == TRUE_BITS
    }

    #[inline(always)]
    pub const fn is_true_const(&self) -> bool {
        self.0 == TRUE_BITS
    }

    #[inline(always)]
    pub const fn is_false_const(&self) -> bool {
        self.0 == FALSE_BITS
    }

    /// The bool, if this is `True` or `False`.
    #[inline(always)]
    pub const fn as_bool(&self) -> Option<bool> {
        if self.is_bool() {
            Some(self.0 == TRUE_BITS)
        } else {
            None
        }
    }

    #[inline(always)]
    pub const fn is_ptr(&self) -> bool {
        self.0 >> TAG_SHIFT == TAG_PTR
    }

    /// The heap object's header, if this is a pointer.
    #[inline(always)]
    pub fn as_header(&self) -> Option<&Header> {
        if self.is_ptr() {
            Some(unsafe { &*((self.0 & PAYLOAD_MASK) as *const Header) })
        } else {
            None
        }
    }

    /// The raw heap pointer. The caller has checked `is_ptr`.
    #[inline(always)]
    pub fn header_ptr_unchecked(&self) -> *const Header {
        (self.0 & PAYLOAD_MASK) as *const Header
    }

    /// Identity (`is`).
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }

    // ----- raw ownership transfer (stack slots in the eval loop) -----

    /// Gives up ownership, returning the raw bits.
    #[inline(always)]
    pub fn into_raw(self) -> u64 {
        ManuallyDrop::new(self).0
    }

    /// Takes ownership of raw bits produced by [`Value::into_raw`].
    ///
    /// # Safety
    /// `bits` must come from `into_raw` (or be an immediate) and be used once.
    #[inline(always)]
    pub const unsafe fn from_raw(bits: u64) -> Value {
        Value(bits)
    }

    /// Returns the value and leaves `EMPTY` in its place.
    #[inline(always)]
    pub fn take(&mut self) -> Value {
        std::mem::replace(self, Value::EMPTY)
    }

    /// `Some(self)` unless this is the empty marker.
    #[inline(always)]
    pub fn non_empty(self) -> Option<Value> {
        if self.is_empty() {
            None
        } else {
            Some(self)
        }
    }

    /// `Some(&self)` unless this is the empty marker.
    #[inline(always)]
    pub fn as_non_empty(&self) -> Option<&Value> {
        if self.is_empty() {
            None
        } else {
            Some(self)
        }
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Some(h) = self.as_header() {
            incref(h);
        }
        Value(self.0)
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if self.is_ptr() {
            unsafe { decref(self.header_ptr_unchecked()) }
        }
    }
}

impl Default for Value {
    fn default() -> Value {
        Value::EMPTY
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "Int({i})")
        } else if let Some(x) = self.as_float_imm() {
            write!(f, "Float({x:?})")
        } else if self.is_none() {
            f.write_str("None")
        } else if self.is_empty() {
            f.write_str("<empty>")
        } else if let Some(b) = self.as_bool() {
            write!(f, "{}", if b { "True" } else { "False" })
        } else if let Some(h) = self.as_header() {
            write!(f, "<{:?} object at {:p}>", h.layout(), h as *const Header)
        } else {
            write!(f, "<invalid value {:#x}>", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip() {
        for i in [
            0,
            1,
            -1,
            42,
            -42,
            SMALL_INT_MIN,
            SMALL_INT_MAX,
            1 << 40,
            -(1 << 40),
        ] {
            let v = Value::small_int(i);
            assert!(v.is_small_int());
            assert!(!v.is_float_imm() && !v.is_ptr() && !v.is_none());
            assert_eq!(v.as_small_int(), Some(i));
        }
        assert!(Value::try_small_int(SMALL_INT_MAX + 1).is_none());
        assert!(Value::try_small_int(SMALL_INT_MIN - 1).is_none());
    }

    #[test]
    fn floats_round_trip_bit_exactly() {
        let cases = [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            f64::MIN_POSITIVE,
            f64::MAX,
            5e-324,
            f64::from_bits(0xFFF8_0000_0000_0000),
            f64::from_bits(0x7FF0_0000_0000_0001),
        ];
        for x in cases {
            let v = Value::try_float_imm(x).expect("immediate");
            assert!(v.is_float_imm() && !v.is_small_int() && !v.is_ptr());
            assert_eq!(v.as_float_imm().unwrap().to_bits(), x.to_bits());
        }
        // Reserved NaN patterns are not immediates (the caller boxes them).
        assert!(Value::try_float_imm(f64::from_bits(0xFFF9_0000_0000_0001)).is_none());
        assert!(Value::try_float_imm(f64::from_bits(0xFFFF_FFFF_FFFF_FFFF)).is_none());
    }

    #[test]
    fn specials_are_distinct() {
        let all = [Value::NONE, Value::EMPTY, Value::FALSE, Value::TRUE];
        for (i, a) in all.iter().enumerate() {
            for (j, b) in all.iter().enumerate() {
                assert_eq!(i == j, a.is(b));
            }
            assert!(!a.is_small_int() && !a.is_float_imm() && !a.is_ptr());
        }
        assert_eq!(Value::TRUE.as_bool(), Some(true));
        assert_eq!(Value::FALSE.as_bool(), Some(false));
        assert_eq!(Value::NONE.as_bool(), None);
        assert_eq!(Value::EMPTY.as_bool(), None);
        assert_eq!(std::mem::size_of::<Value>(), 8);
    }
}
