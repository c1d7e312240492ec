//! Code objects: the compiler's output and the VM's input.
//!
//! A [`CodeObject`] is immutable. The VM keeps its own quickened copy of the instructions;
//! `instructions` here is always the original (deoptimized, zero caches) form.

use std::fmt;
use std::sync::Arc;

use num_bigint::BigInt;

use crate::opcode::Opcode;

/// One 16-bit code unit: opcode in the low byte, argument in the high byte (CPython's
/// little-endian `_Py_CODEUNIT` layout), or a raw 16-bit inline-cache word.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(transparent)]
pub struct CodeUnit(pub u16);

impl CodeUnit {
    #[inline]
    pub const fn new(opcode: Opcode, arg: u8) -> CodeUnit {
        CodeUnit(opcode as u16 | ((arg as u16) << 8))
    }

    #[inline]
    pub const fn opcode_byte(self) -> u8 {
        self.0 as u8
    }

    #[inline]
    pub const fn arg(self) -> u8 {
        (self.0 >> 8) as u8
    }

    #[inline]
    pub fn opcode(self) -> Option<Opcode> {
        Opcode::from_u8(self.opcode_byte())
    }
}

impl fmt::Debug for CodeUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.opcode() {
            Some(op) => write!(f, "{}({})", op.name(), self.arg()),
            None => write!(f, "?{:#06x}", self.0),
        }
    }
}

/// `co_flags` bits (CPython's values).
pub mod code_flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    pub const HAS_DOCSTRING: u32 = 0x0400_0000;
    pub const METHOD: u32 = 0x0800_0000;
}

/// `co_localspluskinds` bits (CPython's values).
pub mod local_kind {
    /// A hidden local (inlined comprehension iteration variable).
    pub const HIDDEN: u8 = 0x10;
    /// An ordinary local (also set for arguments).
    pub const LOCAL: u8 = 0x20;
    /// A local captured by an inner scope: the slot holds a cell after `MAKE_CELL`.
    pub const CELL: u8 = 0x40;
    /// A free variable: the slot holds a cell copied from the closure by `COPY_FREE_VARS`.
    pub const FREE: u8 = 0x80;
}

/// A compile-time constant.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    /// An int that fits in an `i64`.
    Int(i64),
    /// An int that does not fit in an `i64`.
    BigInt(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(Box<str>),
    Bytes(Box<[u8]>),
    Tuple(Box<[Constant]>),
    FrozenSet(Box<[Constant]>),
    Ellipsis,
    Code(Arc<CodeObject>),
}

impl Constant {
    /// Python-like `repr`, for the disassembler.
    pub fn repr(&self) -> String {
        match self {
            Constant::None => "None".into(),
            Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
            Constant::Int(i) => i.to_string(),
            Constant::BigInt(i) => i.to_string(),
            Constant::Float(f) => format!("{f:?}"),
            Constant::Complex { real, imag } => {
                if *real == 0.0 && real.is_sign_positive() {
                    format!("{imag:?}j")
                } else {
                    format!("({real:?}{imag:+?}j)")
                }
            }
            Constant::Str(s) => format!("{s:?}"),
            Constant::Bytes(b) => {
                let mut out = String::from("b'");
                for &byte in b.iter() {
                    match byte {
                        b'\'' => out.push_str("\\'"),
                        b'\\' => out.push_str("\\\\"),
                        0x20..=0x7e => out.push(byte as char),
                        _ => out.push_str(&format!("\\x{byte:02x}")),
                    }
                }
                out.push('\'');
                out
            }
            Constant::Tuple(items) => {
                let inner: Vec<String> = items.iter().map(Constant::repr).collect();
                if inner.len() == 1 {
                    format!("({},)", inner[0])
                } else {
                    format!("({})", inner.join(", "))
                }
            }
            Constant::FrozenSet(items) => {
                let inner: Vec<String> = items.iter().map(Constant::repr).collect();
                format!("frozenset({{{}}})", inner.join(", "))
            }
            Constant::Ellipsis => "Ellipsis".into(),
            Constant::Code(code) => format!("<code object {}>", code.name),
        }
    }
}

/// A source position: 1-based lines, 0-based columns in UTF-8 bytes (as CPython's
/// `co_positions`). A line of 0 means "no position" (an artificial instruction).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// Positions for ranges of code units: entry `i` covers units from `start` up to the next
/// entry's start. Entries are sorted by `start`.
#[derive(Clone, Debug, Default)]
pub struct LineTable {
    pub entries: Vec<(u32, Position)>,
}

impl LineTable {
    /// Builds a table from one position per code unit, merging runs.
    pub fn from_unit_positions(positions: &[Position]) -> LineTable {
        let mut entries: Vec<(u32, Position)> = Vec::new();
        for (i, pos) in positions.iter().enumerate() {
            if entries.last().map(|(_, p)| p) != Some(pos) {
                entries.push((i as u32, *pos));
            }
        }
        LineTable { entries }
    }

    /// The position of the code unit at `index`.
    pub fn position(&self, index: u32) -> Position {
        match self.entries.partition_point(|(start, _)| *start <= index) {
            0 => Position::default(),
            n => self.entries[n - 1].1,
        }
    }

    /// The line of the code unit at `index` (`None` for artificial instructions).
    pub fn line(&self, index: u32) -> Option<u32> {
        match self.position(index).line {
            0 => None,
            line => Some(line),
        }
    }
}

/// One exception table entry: an exception raised by an instruction in `start..end` (code
/// unit indices) pops the value stack to `depth`, pushes the offset of the raising
/// instruction if `lasti`, pushes the exception, and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// Exception table: non-overlapping entries sorted by `start`.
#[derive(Clone, Debug, Default)]
pub struct ExceptionTable {
    pub entries: Vec<ExceptionEntry>,
}

impl ExceptionTable {
    /// The handler covering the code unit at `index`, if any.
    pub fn handler(&self, index: u32) -> Option<&ExceptionEntry> {
        let n = self.entries.partition_point(|e| e.start <= index);
        let entry = self.entries[..n].last()?;
        (index < entry.end).then_some(entry)
    }
}

/// An immutable compiled code object.
#[derive(Clone, Debug)]
pub struct CodeObject {
    /// The instructions with inline caches zeroed.
    pub instructions: Box<[CodeUnit]>,
    pub consts: Box<[Constant]>,
    pub names: Box<[Box<str>]>,
    /// Names of all fast-local slots: locals (arguments first), then cells, then free vars.
    pub localsplusnames: Box<[Box<str>]>,
    /// A [`local_kind`] bit set for each slot of `localsplusnames`.
    pub localspluskinds: Box<[u8]>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Maximum depth of the value stack.
    pub stacksize: u32,
    /// [`code_flags`] bits.
    pub flags: u32,
    pub filename: Box<str>,
    pub name: Box<str>,
    pub qualname: Box<str>,
    pub firstlineno: u32,
    pub linetable: LineTable,
    pub exceptiontable: ExceptionTable,
}

impl CodeObject {
    pub fn nlocalsplus(&self) -> usize {
        self.localsplusnames.len()
    }

    /// Number of free variables (the last slots of the locals).
    pub fn nfreevars(&self) -> usize {
        self.localspluskinds
            .iter()
            .filter(|k| **k & local_kind::FREE != 0)
            .count()
    }

    /// Names of the locals that are cells (`co_cellvars`).
    pub fn cellvars(&self) -> Vec<&str> {
        self.names_with_kind(local_kind::CELL)
    }

    /// Names of the free variables (`co_freevars`).
    pub fn freevars(&self) -> Vec<&str> {
        self.names_with_kind(local_kind::FREE)
    }

    /// Names of the plain locals (`co_varnames`).
    pub fn varnames(&self) -> Vec<&str> {
        self.names_with_kind(local_kind::LOCAL)
    }

    fn names_with_kind(&self, kind: u8) -> Vec<&str> {
        self.localsplusnames
            .iter()
            .zip(self.localspluskinds.iter())
            .filter(|(_, k)| **k & kind != 0)
            .map(|(n, _)| &**n)
            .collect()
    }

    /// Total positional + keyword parameters, plus `*args` and `**kwargs` slots.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & code_flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & code_flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    pub fn is_generator(&self) -> bool {
        self.flags & code_flags::GENERATOR != 0
    }

    /// Visits this code object and every code object nested in its constants.
    pub fn walk(&self, visit: &mut dyn FnMut(&CodeObject)) {
        visit(self);
        for c in self.consts.iter() {
            if let Constant::Code(code) = c {
                code.walk(visit);
            }
        }
    }
}
