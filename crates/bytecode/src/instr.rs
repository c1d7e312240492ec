//! Decoding instruction streams (with `EXTENDED_ARG` prefixes and inline caches).

use crate::code::CodeUnit;
use crate::opcode::{cache_size_of_byte, ArgKind, Opcode};

/// One decoded instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// Index of the first code unit (the first `EXTENDED_ARG` prefix, if any).
    pub start: u32,
    /// Index of the unit holding the opcode itself.
    pub index: u32,
    /// The opcode byte; `None` when it is not a known instruction.
    pub opcode: Option<Opcode>,
    pub raw_opcode: u8,
    /// The full argument, widened by any `EXTENDED_ARG` prefixes.
    pub arg: u32,
    /// Number of inline cache units following the instruction.
    pub cache: u32,
}

impl Instruction {
    /// Index of the code unit after this instruction and its caches.
    pub fn next(&self) -> u32 {
        self.index + 1 + self.cache
    }

    /// The jump target (code unit index), for jump instructions. `None` for a backward jump
    /// that would go before the start.
    pub fn jump_target(&self) -> Option<u32> {
        match self.opcode?.arg_kind() {
            ArgKind::JumpForward => self.next().checked_add(self.arg),
            ArgKind::JumpBackward => self.next().checked_sub(self.arg),
            _ => None,
        }
    }
}

/// Iterates the instructions of a code unit slice, folding `EXTENDED_ARG` prefixes into the
/// following instruction and skipping inline caches.
pub struct Instructions<'a> {
    units: &'a [CodeUnit],
    pos: usize,
}

impl<'a> Instructions<'a> {
    pub fn new(units: &'a [CodeUnit]) -> Self {
        Instructions { units, pos: 0 }
    }
}

impl Iterator for Instructions<'_> {
    type Item = Instruction;

    fn next(&mut self) -> Option<Instruction> {
        let start = self.pos;
        let mut arg: u32 = 0;
        loop {
            let unit = *self.units.get(self.pos)?;
            let byte = unit.opcode_byte();
            arg = (arg << 8) | unit.arg() as u32;
            if byte == Opcode::EXTENDED_ARG as u8 && self.pos + 1 < self.units.len() {
                self.pos += 1;
                continue;
            }
            let cache = cache_size_of_byte(byte) as u32;
            let index = self.pos as u32;
            self.pos = (self.pos + 1 + cache as usize).min(self.units.len());
            return Some(Instruction {
                start: start as u32,
                index,
                opcode: Opcode::from_u8(byte),
                raw_opcode: byte,
                arg,
                cache,
            });
        }
    }
}

/// Number of `EXTENDED_ARG` prefixes needed for `arg`.
pub fn extended_arg_count(arg: u32) -> usize {
    match arg {
        0..=0xFF => 0,
        0x100..=0xFFFF => 1,
        0x1_0000..=0xFF_FFFF => 2,
        _ => 3,
    }
}

/// Appends one instruction (with any `EXTENDED_ARG` prefixes and zeroed caches) to `out`.
pub fn emit(out: &mut Vec<CodeUnit>, opcode: Opcode, arg: u32) {
    let prefixes = extended_arg_count(arg);
    for i in (1..=prefixes).rev() {
        out.push(CodeUnit::new(Opcode::EXTENDED_ARG, (arg >> (8 * i)) as u8));
    }
    out.push(CodeUnit::new(opcode, arg as u8));
    for _ in 0..opcode.cache_size() {
        out.push(CodeUnit(0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emit_and_decode_round_trip() {
        let mut units = Vec::new();
        emit(&mut units, Opcode::LOAD_CONST, 0x12345);
        emit(&mut units, Opcode::LOAD_ATTR, 3);
        emit(&mut units, Opcode::RETURN_VALUE, 0);
        let decoded: Vec<Instruction> = Instructions::new(&units).collect();
        assert_eq!(decoded.len(), 3);
        assert_eq!(decoded[0].start, 0);
        assert_eq!(decoded[0].index, 2);
        assert_eq!(decoded[0].arg, 0x12345);
        assert_eq!(decoded[1].opcode, Some(Opcode::LOAD_ATTR));
        assert_eq!(decoded[1].cache, 9);
        assert_eq!(decoded[2].index, decoded[1].next());
    }
}
