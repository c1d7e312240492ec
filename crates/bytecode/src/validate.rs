//! Bytecode validation, driven entirely by the instruction table.
//!
//! Checks that a code object can be executed without the VM ever reading outside its
//! arrays: every opcode is a known base instruction, caches are zero, arguments are in
//! range for their kind, jumps land on instruction boundaries, and the value stack never
//! underflows or exceeds `stacksize` along any path (including exception handlers).
//! Used on the compiler's output in tests and on serialized code before it runs.

use std::fmt;

use crate::code::{code_flags, CodeObject, Constant};
use crate::instr::{Instruction, Instructions};
use crate::opcode::{flags, ArgKind, BinaryOperator, CommonConstant, Intrinsic1, Intrinsic2};
use crate::opcode::{ComparisonOperator, Opcode, SpecialMethod};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    pub code_name: String,
    pub offset: Option<u32>,
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(off) => write!(
                f,
                "invalid bytecode in {} at unit {}: {}",
                self.code_name, off, self.message
            ),
            None => write!(
                f,
                "invalid code object {}: {}",
                self.code_name, self.message
            ),
        }
    }
}

impl std::error::Error for ValidationError {}

/// Validates `code` and, recursively, every code object among its constants.
pub fn validate(code: &CodeObject) -> Result<(), ValidationError> {
    let mut result = Ok(());
    code.walk(&mut |c| {
        if result.is_ok() {
            result = validate_one(c);
        }
    });
    result
}

fn validate_one(code: &CodeObject) -> Result<(), ValidationError> {
    let err = |offset: Option<u32>, message: String| ValidationError {
        code_name: code.qualname.to_string(),
        offset,
        message,
    };
    let units = &code.instructions;
    if units.is_empty() {
        return Err(err(None, "empty instruction stream".into()));
    }
    if units.len() > (i32::MAX as usize) {
        return Err(err(None, "too many instructions".into()));
    }
    let nlocals = code.localsplusnames.len();
    if code.localspluskinds.len() != nlocals {
        return Err(err(
            None,
            "localspluskinds and localsplusnames differ in length".into(),
        ));
    }
    if code.total_args() > nlocals {
        return Err(err(None, "more arguments than local slots".into()));
    }
    if code.posonlyargcount > code.argcount {
        return Err(err(None, "posonlyargcount exceeds argcount".into()));
    }

    let instrs: Vec<Instruction> = Instructions::new(units).collect();
    // `starts[i]` is true where an instruction (or its first EXTENDED_ARG) begins.
    let mut starts = vec![false; units.len() + 1];
    for ins in &instrs {
        starts[ins.start as usize] = true;
    }
    let index_of_start =
        |unit: u32| -> Option<usize> { instrs.binary_search_by_key(&unit, |i| i.start).ok() };

    for ins in &instrs {
        let at = Some(ins.index);
        let Some(op) = ins.opcode else {
            return Err(err(at, format!("unknown opcode {}", ins.raw_opcode)));
        };
        if op.is_specialized() {
            return Err(err(
                at,
                format!("specialized instruction {} in serialized code", op.name()),
            ));
        }
        if op == Opcode::CACHE || op == Opcode::EXTENDED_ARG {
            return Err(err(
                at,
                format!("{} where an instruction was expected", op.name()),
            ));
        }
        if ins.index + 1 + ins.cache > units.len() as u32 {
            return Err(err(at, "inline cache runs past the end".into()));
        }
        for c in 0..ins.cache {
            if units[(ins.index + 1 + c) as usize].0 != 0 {
                return Err(err(at, "non-zero inline cache".into()));
            }
        }
        check_arg(code, op, ins.arg).map_err(|m| err(at, m))?;
        if op.has_flag(flags::JUMP) {
            match ins.jump_target() {
                Some(t) if (t as usize) < units.len() && starts[t as usize] => {}
                _ => return Err(err(at, "jump target is not an instruction".into())),
            }
        }
    }
    let last = instrs.last().expect("non-empty");
    if !last
        .opcode
        .is_some_and(|op| op.has_flag(flags::NO_FALLTHROUGH))
    {
        return Err(err(
            Some(last.index),
            "execution can run past the last instruction".into(),
        ));
    }

    let mut prev_end = 0;
    for e in &code.exceptiontable.entries {
        if e.start >= e.end || e.start < prev_end || e.end as usize > units.len() {
            return Err(err(
                None,
                format!("bad exception table range {}..{}", e.start, e.end),
            ));
        }
        if !starts.get(e.target as usize).copied().unwrap_or(false)
            || e.target as usize >= units.len()
        {
            return Err(err(
                None,
                format!(
                    "exception handler target {} is not an instruction",
                    e.target
                ),
            ));
        }
        prev_end = e.end;
    }

    // Stack depth analysis over all paths.
    let max = code.stacksize;
    let mut depth_at: Vec<Option<u32>> = vec![None; instrs.len()];
    let mut work: Vec<(usize, u32)> = vec![(0, 0)];
    for e in &code.exceptiontable.entries {
        let idx = index_of_start(e.target).expect("checked above");
        work.push((idx, e.depth + e.lasti as u32 + 1));
    }
    while let Some((i, depth)) = work.pop() {
        let ins = &instrs[i];
        match depth_at[i] {
            Some(d) if d == depth => continue,
            Some(d) => {
                return Err(err(
                    Some(ins.index),
                    format!("stack depth {d} and {depth} meet"),
                ))
            }
            None => depth_at[i] = Some(depth),
        }
        if depth > max {
            return Err(err(
                Some(ins.index),
                format!("stack depth {depth} exceeds stacksize {max}"),
            ));
        }
        let op = ins.opcode.expect("checked above");
        let mut follow = |jump: bool, target: usize| -> Result<(), ValidationError> {
            let (pop, push) = op.stack_effect(ins.arg, jump);
            if pop > depth {
                return Err(err(
                    Some(ins.index),
                    format!("{} pops {pop} from a stack of {depth}", op.name()),
                ));
            }
            let after = depth - pop + push;
            if after > max {
                return Err(err(
                    Some(ins.index),
                    format!("stack depth {after} exceeds stacksize {max}"),
                ));
            }
            work.push((target, after));
            Ok(())
        };
        if op.has_flag(flags::JUMP) {
            let t = ins.jump_target().expect("checked above");
            follow(true, index_of_start(t).expect("checked above"))?;
        }
        if !op.has_flag(flags::NO_FALLTHROUGH) {
            if i + 1 >= instrs.len() {
                return Err(err(
                    Some(ins.index),
                    "execution can run past the last instruction".into(),
                ));
            }
            follow(false, i + 1)?;
        } else if !op.has_flag(flags::JUMP) {
            let (pop, _) = op.stack_effect(ins.arg, false);
            if pop > depth {
                return Err(err(
                    Some(ins.index),
                    format!("{} pops {pop} from a stack of {depth}", op.name()),
                ));
            }
        }
    }
    for c in code.consts.iter() {
        check_constant_depth(c, 0).map_err(|m| err(None, m))?;
    }
    Ok(())
}

fn check_constant_depth(c: &Constant, depth: usize) -> Result<(), String> {
    if depth > 1000 {
        return Err("constants nested too deeply".into());
    }
    match c {
        Constant::Tuple(items) | Constant::FrozenSet(items) => items
            .iter()
            .try_for_each(|i| check_constant_depth(i, depth + 1)),
        _ => Ok(()),
    }
}

fn check_arg(code: &CodeObject, op: Opcode, arg: u32) -> Result<(), String> {
    let nlocals = code.localsplusnames.len() as u32;
    let nnames = code.names.len() as u32;
    let ok = match op.arg_kind() {
        ArgKind::None => arg == 0,
        ArgKind::Const => arg < code.consts.len() as u32,
        ArgKind::Name => arg < nnames,
        ArgKind::NameShift1 => (arg >> 1) < nnames,
        ArgKind::NameShift2 => (arg >> 2) < nnames,
        ArgKind::Local => arg < nlocals,
        ArgKind::LocalPair => arg < 256 && (arg >> 4) < nlocals && (arg & 15) < nlocals,
        ArgKind::JumpForward | ArgKind::JumpBackward | ArgKind::Count | ArgKind::Raw => true,
        ArgKind::Compare => ComparisonOperator::from_compare_arg(arg).is_some(),
        ArgKind::BinaryOp => BinaryOperator::from_arg(arg).is_some(),
        ArgKind::Intrinsic1 => Intrinsic1::from_arg(arg).is_some_and(|i| i != Intrinsic1::Invalid),
        ArgKind::Intrinsic2 => Intrinsic2::from_arg(arg).is_some_and(|i| i != Intrinsic2::Invalid),
        ArgKind::CommonConstant => CommonConstant::from_arg(arg).is_some(),
        ArgKind::Special => SpecialMethod::from_arg(arg).is_some(),
    };
    let extra_ok = match op {
        Opcode::COPY | Opcode::SWAP => arg >= 1,
        Opcode::BUILD_SLICE => arg == 2 || arg == 3,
        Opcode::RAISE_VARARGS => arg <= 2,
        Opcode::CONVERT_VALUE => (1..=3).contains(&arg),
        Opcode::IS_OP | Opcode::CONTAINS_OP => arg <= 1,
        Opcode::LOAD_SMALL_INT => arg < 256,
        Opcode::RESUME => arg <= 3,
        Opcode::SET_FUNCTION_ATTRIBUTE => matches!(arg, 1 | 2 | 4 | 8),
        Opcode::COPY_FREE_VARS => arg as usize <= code.nfreevars(),
        Opcode::LIST_APPEND
        | Opcode::SET_ADD
        | Opcode::MAP_ADD
        | Opcode::LIST_EXTEND
        | Opcode::SET_UPDATE
        | Opcode::DICT_UPDATE
        | Opcode::DICT_MERGE => arg >= 1,
        Opcode::RETURN_GENERATOR => code.flags & code_flags::GENERATOR != 0,
        _ => true,
    };
    if ok && extra_ok {
        Ok(())
    } else {
        Err(format!("argument {arg} out of range for {}", op.name()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::{ExceptionEntry, ExceptionTable, LineTable};
    use crate::instr::emit;

    fn code_with(units: Vec<crate::code::CodeUnit>, stacksize: u32) -> CodeObject {
        CodeObject {
            instructions: units.into(),
            consts: vec![Constant::None].into(),
            names: vec!["x".into()].into(),
            localsplusnames: vec!["a".into()].into(),
            localspluskinds: vec![crate::code::local_kind::LOCAL].into(),
            argcount: 1,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            stacksize,
            flags: 0,
            filename: "<test>".into(),
            name: "f".into(),
            qualname: "f".into(),
            firstlineno: 1,
            linetable: LineTable::default(),
            exceptiontable: ExceptionTable::default(),
        }
    }

    #[test]
    fn accepts_simple_code() {
        let mut u = Vec::new();
        emit(&mut u, Opcode::RESUME, 0);
        emit(&mut u, Opcode::LOAD_FAST, 0);
        emit(&mut u, Opcode::RETURN_VALUE, 0);
        validate(&code_with(u, 1)).unwrap();
    }

    #[test]
    fn rejects_underflow_overflow_and_bad_args() {
        let mut u = Vec::new();
        emit(&mut u, Opcode::POP_TOP, 0);
        emit(&mut u, Opcode::LOAD_CONST, 0);
        emit(&mut u, Opcode::RETURN_VALUE, 0);
        assert!(validate(&code_with(u, 1))
            .unwrap_err()
            .message
            .contains("pops"));

        let mut u = Vec::new();
        emit(&mut u, Opcode::LOAD_CONST, 0);
        emit(&mut u, Opcode::LOAD_CONST, 0);
        emit(&mut u, Opcode::POP_TOP, 0);
        emit(&mut u, Opcode::RETURN_VALUE, 0);
        assert!(validate(&code_with(u, 1))
            .unwrap_err()
            .message
            .contains("exceeds"));

        let mut u = Vec::new();
        emit(&mut u, Opcode::LOAD_CONST, 5);
        emit(&mut u, Opcode::RETURN_VALUE, 0);
        assert!(validate(&code_with(u, 1))
            .unwrap_err()
            .message
            .contains("out of range"));

        let mut u = Vec::new();
        emit(&mut u, Opcode::LOAD_CONST, 0);
        assert!(validate(&code_with(u, 1)).is_err());

        let mut u = Vec::new();
        emit(&mut u, Opcode::LOAD_ATTR_SLOT, 0);
        emit(&mut u, Opcode::RETURN_VALUE, 0);
        assert!(validate(&code_with(u, 2))
            .unwrap_err()
            .message
            .contains("specialized"));
    }

    #[test]
    fn checks_jumps_and_handlers() {
        let mut u = Vec::new();
        emit(&mut u, Opcode::LOAD_CONST, 0);
        emit(&mut u, Opcode::POP_JUMP_IF_NONE, 1);
        emit(&mut u, Opcode::LOAD_CONST, 0);
        emit(&mut u, Opcode::RETURN_VALUE, 0);
        // The jump reaches RETURN_VALUE with an empty stack.
        validate(&code_with(u.clone(), 1)).unwrap_err();
        let mut u = Vec::new();
        emit(&mut u, Opcode::LOAD_CONST, 0); // 0
        emit(&mut u, Opcode::POP_JUMP_IF_NONE, 2); // 1 -> 4
        emit(&mut u, Opcode::LOAD_CONST, 0); // 2
        emit(&mut u, Opcode::RETURN_VALUE, 0); // 3
        emit(&mut u, Opcode::LOAD_CONST, 0); // 4
        emit(&mut u, Opcode::RETURN_VALUE, 0); // 5
        emit(&mut u, Opcode::POP_TOP, 0); // 6: handler, the exception on the stack
        emit(&mut u, Opcode::LOAD_CONST, 0); // 7
        emit(&mut u, Opcode::RETURN_VALUE, 0); // 8
        validate(&code_with(u.clone(), 1)).unwrap();
        let mut code = code_with(u, 1);
        code.exceptiontable = ExceptionTable {
            entries: vec![ExceptionEntry {
                start: 0,
                end: 2,
                target: 6,
                depth: 0,
                lasti: false,
            }],
        };
        validate(&code).unwrap();
        code.exceptiontable.entries[0].depth = 1;
        assert!(validate(&code).is_err());
        code.stacksize = 2;
        validate(&code).unwrap();
    }
}
