//! krait-bytecode: the instruction table (the single source of truth for every opcode), code
//! objects with their line and exception tables, the inline-cache layout, the bytecode
//! validator and the disassembler. Depends on nothing of the runtime.

pub mod cache;
pub mod code;
pub mod dis;
pub mod instr;
pub mod opcode;
pub mod validate;

pub use code::{
    code_flags, local_kind, CodeObject, CodeUnit, Constant, ExceptionEntry, ExceptionTable,
};
pub use code::{LineTable, Position};
pub use instr::{emit, Instruction, Instructions};
pub use opcode::{
    ArgKind, BinaryOperator, CommonConstant, ComparisonOperator, Intrinsic1, Intrinsic2,
};
pub use opcode::{Opcode, SpecialMethod, ALL_OPCODES, SPECIALIZED_OPCODES};
pub use validate::{validate, ValidationError};
