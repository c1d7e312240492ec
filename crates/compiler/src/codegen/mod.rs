//! Code generation: AST + symbol table -> instruction sequences -> code objects.
//!
//! One [`Unit`] per code object being compiled (module, class body, function, lambda,
//! comprehension), kept on a stack. Each unit collects instructions (with labels and
//! pseudo-instructions) into an [`InstrSeq`] that [`crate::assemble`] turns into bytes.
//! The shapes follow CPython 3.13/3.14's `codegen.c`; see the submodules:
//! `expr` (expressions, calls), `stmt` (statements), `function` (functions, lambdas,
//! classes, closures), `comprehension`, `exceptions` (try/with/unwinding), `fstring`.

mod comprehension;
mod exceptions;
mod expr;
mod fstring;
mod function;
mod stmt;

use std::collections::HashMap;
use std::sync::Arc;

use krait_bytecode::{code_flags, local_kind, CodeObject, Constant, Opcode, Position};
use ruff_python_ast::Stmt;
use ruff_text_size::TextRange;

use crate::assemble::{assemble, AsmInfo, Instr, InstrSeq, Label, LocalFix, Op};
use crate::error::{CompileError, CompileErrorKind, CompileResult};
use crate::source::SourceMap;
use crate::symtable::{mangle, ScopeId, ScopeKind, SymScope, SymbolTable, MAX_DEPTH};

pub(crate) use exceptions::{FBlock, FBlockKind};
pub use stmt::find_ann;

/// CPython's `STACK_USE_GUIDELINE`: above this many items, build collections and argument
/// lists incrementally instead of all on the stack.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// CPython's `CO_MAXBLOCKS`: the limit on statically nested blocks.
pub(crate) const MAX_BLOCKS: usize = 20;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

/// Constant identity for deduplication: keeps 0, 0.0, -0.0, False, 1, 1.0 and True apart.
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Big(String),
    Float(u64),
    Complex(u64, u64),
    Str(Box<str>),
    Bytes(Box<[u8]>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Ellipsis,
    Code(usize),
}

fn const_key(c: &Constant, code_counter: &mut usize) -> ConstKey {
    match c {
        Constant::None => ConstKey::None,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Int(i) => ConstKey::Int(*i),
        Constant::BigInt(b) => ConstKey::Big(b.to_string()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(items) => {
            ConstKey::Tuple(items.iter().map(|i| const_key(i, code_counter)).collect())
        }
        Constant::FrozenSet(items) => {
            ConstKey::FrozenSet(items.iter().map(|i| const_key(i, code_counter)).collect())
        }
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Code(_) => {
            *code_counter += 1;
            ConstKey::Code(*code_counter)
        }
    }
}

/// One code object under construction.
pub(crate) struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: ScopeKind,
    pub name: String,
    pub qualname: String,
    pub seq: InstrSeq,
    pub consts: Vec<Constant>,
    const_map: HashMap<ConstKey, u32>,
    code_counter: usize,
    pub names: Vec<Box<str>>,
    name_map: HashMap<String, u32>,
    pub varnames: Vec<String>,
    varname_map: HashMap<String, u32>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub nparams: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub firstlineno: u32,
    pub fblocks: Vec<FBlock<'a>>,
    pub private: Option<String>,
    pub loc: Position,
    /// The generator's StopIteration handler label, when the unit is a generator.
    pub gen_handler: Option<Label>,
}

pub(crate) struct Compiler<'a> {
    pub map: &'a SourceMap<'a>,
    pub filename: &'a str,
    pub st: &'a SymbolTable,
    pub units: Vec<Unit<'a>>,
    pub future_annotations: bool,
    pub interactive: bool,
    pub depth: u32,
    /// Line of the last valid `from __future__` import.
    pub future_lineno: u32,
    /// An unparenthesized generator expression that is a call's only argument, and the
    /// range CPython gives it (the call's parentheses).
    pub genexpr_parens: Option<(usize, TextRange)>,
}

impl<'a> Compiler<'a> {
    pub fn new(
        map: &'a SourceMap<'a>,
        filename: &'a str,
        st: &'a SymbolTable,
        future_annotations: bool,
        interactive: bool,
    ) -> Self {
        Compiler {
            map,
            filename,
            st,
            units: Vec::new(),
            future_annotations,
            interactive,
            depth: 0,
            future_lineno: 0,
            genexpr_parens: None,
        }
    }

    // ----- units -------------------------------------------------------------------------

    pub fn u(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is always active")
    }

    pub fn um(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is always active")
    }

    pub fn scope_kind(&self) -> ScopeKind {
        self.u().kind
    }

    /// Starts a new code object for `scope` and emits its prologue.
    pub fn enter_scope(
        &mut self,
        name: &str,
        scope: ScopeId,
        firstlineno: u32,
    ) -> CompileResult<()> {
        let st = &self.st.scopes[scope];
        let kind = st.kind;
        let private = match (kind, self.units.last()) {
            (ScopeKind::Class, _) => Some(name.to_string()),
            (_, Some(parent)) => parent.private.clone(),
            (_, None) => None,
        };
        let qualname = self.qualname_for(name, kind);
        let mut flags = 0;
        if kind.is_function_like() {
            flags |= code_flags::OPTIMIZED | code_flags::NEWLOCALS;
            if st.has_varargs {
                flags |= code_flags::VARARGS;
            }
            if st.has_varkeywords {
                flags |= code_flags::VARKEYWORDS;
            }
            if st.is_generator {
                flags |= code_flags::GENERATOR;
            }
        }
        if st.nested {
            flags |= code_flags::NESTED;
        }
        let varnames: Vec<String> = if kind.is_function_like() {
            st.varnames.clone()
        } else {
            Vec::new()
        };
        let varname_map = varnames
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        let nparams = varnames.len() as u32;
        let unit = Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname,
            seq: InstrSeq::default(),
            consts: Vec::new(),
            const_map: HashMap::new(),
            code_counter: 0,
            names: Vec::new(),
            name_map: HashMap::new(),
            varnames,
            varname_map,
            cellvars: st.cellvars(),
            freevars: st.freevars(),
            nparams,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags,
            firstlineno,
            fblocks: Vec::new(),
            private,
            loc: Position::default(),
            gen_handler: None,
        };
        self.units.push(unit);
        // Prologue.
        let start = if kind == ScopeKind::Module {
            Position::default()
        } else {
            Position {
                line: firstlineno,
                end_line: firstlineno,
                col: 0,
                end_col: 0,
            }
        };
        self.um().loc = start;
        let nfree = self.u().freevars.len() as u32;
        if nfree > 0 {
            self.emit(Opcode::COPY_FREE_VARS, nfree);
        }
        for i in 0..self.u().cellvars.len() {
            self.emit_fix(Opcode::MAKE_CELL, i as u32, LocalFix::Cell);
        }
        if self.st.scopes[scope].is_generator {
            self.emit(Opcode::RETURN_GENERATOR, 0);
            self.emit(Opcode::POP_TOP, 0);
            let handler = self.new_label();
            self.emit_jump(Op::SetupCleanup, handler);
            self.um().gen_handler = Some(handler);
        }
        self.emit(Opcode::RESUME, 0);
        Ok(())
    }

    fn qualname_for(&self, name: &str, kind: ScopeKind) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.st.scopes[parent.scope].scope_of(&mangled) == SymScope::GlobalExplicit {
                return name.to_string();
            }
        }
        if matches!(parent.kind, ScopeKind::Function | ScopeKind::Lambda) {
            format!("{}.<locals>.{}", parent.qualname, name)
        } else {
            format!("{}.{}", parent.qualname, name)
        }
    }

    /// Finishes the current unit and returns its code object.
    pub fn exit_scope(&mut self) -> CompileResult<CodeObject> {
        if let Some(handler) = self.u().gen_handler {
            // The body always ends in a return; the handler turns a StopIteration that
            // escapes the generator into a RuntimeError.
            self.um().loc = Position::default();
            self.bind(handler);
            self.emit_at(
                Opcode::CALL_INTRINSIC_1,
                krait_bytecode::Intrinsic1::StopIterationError as u32,
                Position::default(),
            );
            self.emit_at(Opcode::RERAISE, 1, Position::default());
        }
        let unit = self.units.pop().expect("a unit is active");
        self.finish(unit)
    }

    fn finish(&self, unit: Unit<'a>) -> CompileResult<CodeObject> {
        let mut names: Vec<Box<str>> = Vec::new();
        let mut kinds: Vec<u8> = Vec::new();
        for v in &unit.varnames {
            names.push(v.as_str().into());
            kinds.push(local_kind::LOCAL);
        }
        let mut cell_slots = Vec::new();
        for c in &unit.cellvars {
            if let Some(&i) = unit.varname_map.get(c) {
                kinds[i as usize] |= local_kind::CELL;
                cell_slots.push(i);
            } else {
                cell_slots.push(names.len() as u32);
                names.push(c.as_str().into());
                kinds.push(local_kind::CELL);
            }
        }
        let mut free_slots = Vec::new();
        for f in &unit.freevars {
            free_slots.push(names.len() as u32);
            names.push(f.as_str().into());
            kinds.push(local_kind::FREE);
        }
        let info = AsmInfo {
            cell_slots,
            free_slots,
            nlocals: unit.varnames.len() as u32,
            nargs: unit.nparams,
            optimized: unit.kind.is_function_like(),
        };
        let asm = assemble(unit.seq, &info).map_err(|m| {
            CompileError::bare(
                CompileErrorKind::SyntaxError,
                format!("internal compiler error in {}: {m}", unit.qualname),
                self.filename,
            )
        })?;
        Ok(CodeObject {
            instructions: asm.units.into(),
            consts: unit.consts.into(),
            names: unit.names.into(),
            localsplusnames: names.into(),
            localspluskinds: kinds.into(),
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            stacksize: asm.stacksize,
            flags: unit.flags,
            filename: self.filename.into(),
            name: unit.name.into(),
            qualname: unit.qualname.into(),
            firstlineno: unit.firstlineno,
            linetable: asm.linetable,
            exceptiontable: asm.exceptiontable,
        })
    }

    // ----- errors and depth ---------------------------------------------------------------

    pub fn error(&self, msg: impl Into<String>, range: TextRange) -> Box<CompileError> {
        Box::new(CompileError::at(
            CompileErrorKind::SyntaxError,
            msg,
            self.map,
            self.filename,
            range,
        ))
    }

    pub fn deeper(&mut self) -> CompileResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Box::new(CompileError::recursion(self.filename)));
        }
        Ok(())
    }

    pub fn shallower(&mut self) {
        self.depth -= 1;
    }

    // ----- positions ----------------------------------------------------------------------

    pub fn pos(&self, range: TextRange) -> Position {
        self.map.position(range)
    }

    /// Sets the current location; returns the previous one.
    pub fn set_loc(&mut self, range: TextRange) -> Position {
        let p = self.pos(range);
        std::mem::replace(&mut self.um().loc, p)
    }

    pub fn restore_loc(&mut self, old: Position) {
        self.um().loc = old;
    }

    // ----- emitting -----------------------------------------------------------------------

    fn push_instr(&mut self, instr: Instr) {
        self.um().seq.instrs.push(instr);
    }

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        let pos = self.u().loc;
        self.emit_at(op, arg, pos);
    }

    pub fn emit_at(&mut self, op: Opcode, arg: u32, pos: Position) {
        self.push_instr(Instr {
            op: Op::Real(op),
            arg,
            target: None,
            fix: LocalFix::None,
            pos,
        });
    }

    pub fn emit_fix(&mut self, op: Opcode, arg: u32, fix: LocalFix) {
        let pos = self.u().loc;
        self.push_instr(Instr {
            op: Op::Real(op),
            arg,
            target: None,
            fix,
            pos,
        });
    }

    pub fn emit_jump(&mut self, op: Op, target: Label) {
        let pos = self.u().loc;
        self.emit_jump_at(op, target, pos);
    }

    pub fn emit_jump_at(&mut self, op: Op, target: Label, pos: Position) {
        self.push_instr(Instr {
            op,
            arg: 0,
            target: Some(target),
            fix: LocalFix::None,
            pos,
        });
    }

    /// A pseudo-instruction without a target (`POP_BLOCK`).
    pub fn emit_pseudo(&mut self, op: Op) {
        self.push_instr(Instr {
            op,
            arg: 0,
            target: None,
            fix: LocalFix::None,
            pos: Position::default(),
        });
    }

    pub fn new_label(&mut self) -> Label {
        self.um().seq.new_label()
    }

    pub fn bind(&mut self, label: Label) {
        self.um().seq.bind(label);
    }

    /// Emits `TO_BOOL` unless the value on top is already a bool produced by the previous
    /// instruction (then a `COMPARE_OP` gets its coerce-to-bool bit instead).
    pub fn emit_to_bool(&mut self) {
        let u = self.um();
        if !u.seq.label_at_end() {
            if let Some(last) = u.seq.instrs.last_mut() {
                match last.op {
                    Op::Real(Opcode::COMPARE_OP) => {
                        last.arg |= 16;
                        return;
                    }
                    Op::Real(Opcode::IS_OP | Opcode::CONTAINS_OP | Opcode::UNARY_NOT) => return,
                    _ => {}
                }
            }
        }
        self.emit(Opcode::TO_BOOL, 0);
    }

    // ----- constants and names ------------------------------------------------------------

    pub fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.um();
        let key = const_key(&c, &mut u.code_counter);
        if let Some(&i) = u.const_map.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        u.const_map.insert(key, i);
        i
    }

    pub fn load_const(&mut self, c: Constant) {
        if let Constant::Int(i) = c {
            if (0..=255).contains(&i) {
                self.emit(Opcode::LOAD_SMALL_INT, i as u32);
                return;
            }
        }
        let i = self.add_const(c);
        self.emit(Opcode::LOAD_CONST, i);
    }

    pub fn load_none(&mut self) {
        self.load_const(Constant::None);
    }

    pub fn load_code(&mut self, code: CodeObject) {
        let i = self.add_const(Constant::Code(Arc::new(code)));
        self.emit(Opcode::LOAD_CONST, i);
    }

    pub fn name_index(&mut self, name: &str) -> u32 {
        let u = self.um();
        if let Some(&i) = u.name_map.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.into());
        u.name_map.insert(name.to_string(), i);
        i
    }

    /// The `co_names` index of a (possibly private) attribute or import name.
    pub fn mangled_name_index(&mut self, name: &str) -> u32 {
        let m = mangle(self.u().private.as_deref(), name).into_owned();
        self.name_index(&m)
    }

    pub fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        mangle(self.u().private.as_deref(), name)
    }

    pub fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.um();
        if let Some(&i) = u.varname_map.get(name) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(name.to_string());
        u.varname_map.insert(name.to_string(), i);
        i
    }

    fn cell_index(&self, name: &str) -> Option<u32> {
        self.u()
            .cellvars
            .iter()
            .position(|c| c == name)
            .map(|i| i as u32)
    }

    fn free_index(&self, name: &str) -> Option<u32> {
        self.u()
            .freevars
            .iter()
            .position(|c| c == name)
            .map(|i| i as u32)
    }

    /// Load/store/delete of a name, choosing FAST/DEREF/GLOBAL/NAME from the symbol table.
    pub fn nameop(&mut self, name: &str, ctx: Ctx, range: TextRange) -> CompileResult<()> {
        if name == "__debug__" && ctx != Ctx::Load {
            let msg = if ctx == Ctx::Store {
                "cannot assign to __debug__"
            } else {
                "cannot delete __debug__"
            };
            return Err(self.error(msg, range));
        }
        let mangled = self.mangle(name).into_owned();
        let kind = self.u().kind;
        let scope = self.st.scopes[self.u().scope].scope_of(&mangled);
        enum OpType {
            Fast,
            Deref(LocalFix, u32),
            Global,
            Name,
        }
        let optype = match scope {
            SymScope::Free => match self.free_index(&mangled) {
                Some(i) => OpType::Deref(LocalFix::Free, i),
                None => OpType::Name,
            },
            SymScope::Cell => match self.cell_index(&mangled) {
                Some(i) => OpType::Deref(LocalFix::Cell, i),
                None => OpType::Name,
            },
            SymScope::Local if kind.is_function_like() => OpType::Fast,
            SymScope::GlobalImplicit if kind.is_function_like() => OpType::Global,
            SymScope::GlobalExplicit => OpType::Global,
            _ => OpType::Name,
        };
        match optype {
            OpType::Fast => {
                let i = self.varname_index(&mangled);
                let op = match ctx {
                    Ctx::Load => Opcode::LOAD_FAST,
                    Ctx::Store => Opcode::STORE_FAST,
                    Ctx::Del => Opcode::DELETE_FAST,
                };
                self.emit(op, i);
            }
            OpType::Deref(fix, i) => match ctx {
                Ctx::Load => {
                    if kind == ScopeKind::Class {
                        self.emit(Opcode::LOAD_LOCALS, 0);
                        self.emit_fix(Opcode::LOAD_FROM_DICT_OR_DEREF, i, fix);
                    } else {
                        self.emit_fix(Opcode::LOAD_DEREF, i, fix);
                    }
                }
                Ctx::Store => self.emit_fix(Opcode::STORE_DEREF, i, fix),
                Ctx::Del => self.emit_fix(Opcode::DELETE_DEREF, i, fix),
            },
            OpType::Global => {
                let i = self.name_index(&mangled);
                match ctx {
                    Ctx::Load => self.emit(Opcode::LOAD_GLOBAL, i << 1),
                    Ctx::Store => self.emit(Opcode::STORE_GLOBAL, i),
                    Ctx::Del => self.emit(Opcode::DELETE_GLOBAL, i),
                }
            }
            OpType::Name => {
                let i = self.name_index(&mangled);
                let op = match ctx {
                    Ctx::Load => Opcode::LOAD_NAME,
                    Ctx::Store => Opcode::STORE_NAME,
                    Ctx::Del => Opcode::DELETE_NAME,
                };
                self.emit(op, i);
            }
        }
        Ok(())
    }

    /// Loads a name that is about to be called; uses `LOAD_GLOBAL` with the NULL bit when
    /// the name is a global in optimized code. Returns whether the NULL was pushed.
    pub fn load_name_for_call(&mut self, name: &str, range: TextRange) -> CompileResult<bool> {
        let mangled = self.mangle(name).into_owned();
        let kind = self.u().kind;
        let scope = self.st.scopes[self.u().scope].scope_of(&mangled);
        let global = matches!(scope, SymScope::GlobalExplicit)
            || (scope == SymScope::GlobalImplicit && kind.is_function_like());
        if global {
            let i = self.name_index(&mangled);
            self.emit(Opcode::LOAD_GLOBAL, (i << 1) | 1);
            return Ok(true);
        }
        self.nameop(name, Ctx::Load, range)?;
        Ok(false)
    }

    /// Stores the top of the stack into the `__classcell__`/`__doc__`-style name directly.
    pub fn store_plain_name(&mut self, name: &str) {
        let i = self.name_index(name);
        self.emit(Opcode::STORE_NAME, i);
    }

    pub fn load_plain_name(&mut self, name: &str) {
        let i = self.name_index(name);
        self.emit(Opcode::LOAD_NAME, i);
    }

    pub fn visit_body(&mut self, body: &'a [Stmt]) -> CompileResult<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }
}
