//! The disassembler: a CPython-`dis`-like listing of a code object.

use std::fmt::Write;

use crate::code::{CodeObject, CodeUnit, Constant};
use crate::instr::{Instruction, Instructions};
use crate::opcode::{ArgKind, BinaryOperator, CommonConstant, ComparisonOperator};
use crate::opcode::{Intrinsic1, Intrinsic2, Opcode, SpecialMethod};

/// Options for [`disassemble`].
#[derive(Clone, Copy, Debug, Default)]
pub struct DisOptions {
    /// Also list nested code objects.
    pub recursive: bool,
    /// Show inline cache units.
    pub show_caches: bool,
}

/// Disassembles `code`, reading the instructions from `units` (the live, possibly quickened
/// copy) or from the code object itself when `units` is `None`.
pub fn disassemble(code: &CodeObject, units: Option<&[CodeUnit]>, options: DisOptions) -> String {
    let mut out = String::new();
    disassemble_into(&mut out, code, units, options);
    out
}

fn disassemble_into(
    out: &mut String,
    code: &CodeObject,
    units: Option<&[CodeUnit]>,
    options: DisOptions,
) {
    let units = units.unwrap_or(&code.instructions);
    let targets: Vec<u32> = Instructions::new(units)
        .filter_map(|i| i.jump_target())
        .collect();
    let handler_targets: Vec<u32> = code
        .exceptiontable
        .entries
        .iter()
        .map(|e| e.target)
        .collect();
    let mut last_line = None;
    for ins in Instructions::new(units) {
        let line = code.linetable.line(ins.index);
        if line != last_line && line.is_some() {
            if last_line.is_some() {
                out.push('\n');
            }
            let _ = write!(out, "{:>4} ", line.unwrap_or(0));
            last_line = line;
        } else {
            out.push_str("     ");
        }
        let marker = if targets.contains(&ins.start) || handler_targets.contains(&ins.start) {
            ">>"
        } else {
            "  "
        };
        let name = ins.opcode.map(|o| o.name()).unwrap_or("<unknown>");
        let _ = write!(out, "{marker}{:>6} {:<28}", ins.index * 2, name);
        if ins.opcode.is_some_and(|o| o.arg_kind() != ArgKind::None) {
            let _ = write!(out, "{:>3}", ins.arg);
            let desc = describe_arg(code, &ins);
            if !desc.is_empty() {
                let _ = write!(out, " ({desc})");
            }
        }
        out.push('\n');
        if options.show_caches {
            for c in 0..ins.cache {
                let unit = units[(ins.index + 1 + c) as usize];
                let _ = writeln!(
                    out,
                    "     {:>8} {:<28}{:#06x}",
                    (ins.index + 1 + c) * 2,
                    "CACHE",
                    unit.0
                );
            }
        }
    }
    if !code.exceptiontable.entries.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exceptiontable.entries {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start * 2,
                e.end * 2,
                e.target * 2,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
    if options.recursive {
        for c in code.consts.iter() {
            if let Constant::Code(inner) = c {
                let _ = write!(out, "\nDisassembly of <code object {}>:\n", inner.name);
                disassemble_into(out, inner, None, options);
            }
        }
    }
}

fn describe_arg(code: &CodeObject, ins: &Instruction) -> String {
    let Some(op) = ins.opcode else {
        return String::new();
    };
    let arg = ins.arg;
    let name = |i: u32| {
        code.names
            .get(i as usize)
            .map(|s| s.to_string())
            .unwrap_or_else(|| "?".into())
    };
    let local = |i: u32| {
        code.localsplusnames
            .get(i as usize)
            .map(|s| s.to_string())
            .unwrap_or_else(|| "?".into())
    };
    match op.arg_kind() {
        ArgKind::None | ArgKind::Count | ArgKind::Raw => String::new(),
        ArgKind::Const => code
            .consts
            .get(arg as usize)
            .map(Constant::repr)
            .unwrap_or_else(|| "?".into()),
        ArgKind::Name => name(arg),
        ArgKind::NameShift1 => {
            let n = name(arg >> 1);
            match (op.deoptimize(), arg & 1) {
                (Opcode::LOAD_GLOBAL, 1) => format!("{n} + NULL"),
                (Opcode::LOAD_ATTR, 1) => format!("{n} + NULL|self"),
                _ => n,
            }
        }
        ArgKind::NameShift2 => name(arg >> 2),
        ArgKind::Local => local(arg),
        ArgKind::LocalPair => format!("{}, {}", local(arg >> 4), local(arg & 15)),
        ArgKind::JumpForward | ArgKind::JumpBackward => ins
            .jump_target()
            .map(|t| format!("to {}", t * 2))
            .unwrap_or_default(),
        ArgKind::Compare => ComparisonOperator::from_compare_arg(arg)
            .map(|c| {
                let bool_suffix = if arg & 16 != 0 { " (bool)" } else { "" };
                format!("{}{bool_suffix}", c.text())
            })
            .unwrap_or_default(),
        ArgKind::BinaryOp => BinaryOperator::from_arg(arg)
            .map(|b| b.text().to_string())
            .unwrap_or_default(),
        ArgKind::Intrinsic1 => Intrinsic1::from_arg(arg)
            .map(|b| b.text().to_string())
            .unwrap_or_default(),
        ArgKind::Intrinsic2 => Intrinsic2::from_arg(arg)
            .map(|b| b.text().to_string())
            .unwrap_or_default(),
        ArgKind::CommonConstant => CommonConstant::from_arg(arg)
            .map(|b| b.text().to_string())
            .unwrap_or_default(),
        ArgKind::Special => SpecialMethod::from_arg(arg)
            .map(|b| b.text().to_string())
            .unwrap_or_default(),
    }
}
