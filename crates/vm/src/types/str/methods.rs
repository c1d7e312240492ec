//! The `str` methods ordinary programs use (`split`, `join`, `format`, `strip`, ...).

use crate::types::BuiltinTypes;

pub fn init(_t: &BuiltinTypes) {}
