//! The `bytes`/`bytearray` methods beyond the core protocol (`split`, `join`, `hex`, ...).

use crate::types::BuiltinTypes;

pub fn init(_t: &BuiltinTypes) {}
