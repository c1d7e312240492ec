//! Comprehensions and generator expressions, compiled CPython-3.11 style as nested code
//! objects (`<listcomp>`, `<setcomp>`, `<dictcomp>`, `<genexpr>`) that take the outermost
//! iterator as their single argument `.0`.

use krait_bytecode::{code_flags, Opcode};
use ruff_python_ast::{Comprehension, Expr};
use ruff_text_size::Ranged;

use super::Compiler;
use crate::assemble::Op;
use crate::error::{CompileError, CompileErrorKind, CompileResult};
use crate::symtable::CompKind;

impl<'a> Compiler<'a> {
    pub fn visit_comprehension(&mut self, e: &'a Expr) -> CompileResult<()> {
        let (kind, generators, elt, value): (
            CompKind,
            &'a [Comprehension],
            &'a Expr,
            Option<&'a Expr>,
        ) = match e {
            Expr::ListComp(c) => (CompKind::List, &c.generators, &c.elt, None),
            Expr::SetComp(c) => (CompKind::Set, &c.generators, &c.elt, None),
            Expr::Generator(c) => (CompKind::Generator, &c.generators, &c.elt, None),
            Expr::DictComp(c) => match &c.key {
                Some(k) => (CompKind::Dict, &c.generators, k, Some(&c.value)),
                None => return Err(self.error("invalid syntax", c.range)),
            },
            _ => return Err(self.error("invalid syntax", e.range())),
        };
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        };
        let Some(outermost) = generators.first() else {
            return Err(self.error("invalid syntax", e.range()));
        };
        let scope = self.st.scope_for(e).ok_or_else(|| {
            CompileError::at(
                CompileErrorKind::SyntaxError,
                "internal compiler error: no symbol table for comprehension",
                self.map,
                self.filename,
                e.range(),
            )
        })?;
        let range = self.expr_range(e);
        let line = self.pos(range).line;
        self.enter_scope(name, scope, line)?;
        self.um().argcount = 1;
        let r = self.comprehension_body(kind, generators, elt, value, range);
        let code = match r {
            Ok(()) => self.exit_scope()?,
            Err(err) => {
                self.units.pop();
                return Err(err);
            }
        };
        debug_assert!(kind != CompKind::Generator || code.flags & code_flags::GENERATOR != 0);
        self.make_closure(code, 0)?;
        self.emit(Opcode::PUSH_NULL, 0);
        self.visit_expr(&outermost.iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.emit(Opcode::CALL, 1);
        Ok(())
    }

    fn comprehension_body(
        &mut self,
        kind: CompKind,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
        range: ruff_text_size::TextRange,
    ) -> CompileResult<()> {
        let old = self.set_loc(range);
        match kind {
            CompKind::List => self.emit(Opcode::BUILD_LIST, 0),
            CompKind::Set => self.emit(Opcode::BUILD_SET, 0),
            CompKind::Dict => self.emit(Opcode::BUILD_MAP, 0),
            CompKind::Generator => {}
        }
        self.comprehension_generator(kind, generators, 0, 0, elt, value)?;
        if kind == CompKind::Generator {
            self.load_none();
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        self.restore_loc(old);
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        kind: CompKind,
        generators: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CompileResult<()> {
        self.deeper()?;
        let r = self.comprehension_generator_inner(kind, generators, index, depth, elt, value);
        self.shallower();
        r
    }

    fn comprehension_generator_inner(
        &mut self,
        kind: CompKind,
        generators: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CompileResult<()> {
        let gen = &generators[index];
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if index == 0 {
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            self.visit_expr(&gen.iter)?;
            self.emit(Opcode::GET_ITER, 0);
        }
        depth += 1;
        self.bind(start);
        self.emit_jump(Op::Real(Opcode::FOR_ITER), anchor);
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(kind, generators, index + 1, depth, elt, value)?;
        } else {
            match kind {
                CompKind::Generator => {
                    self.visit_expr(elt)?;
                    let old = self.set_loc(elt.range());
                    self.emit(Opcode::YIELD_VALUE, 0);
                    self.emit(Opcode::RESUME, 1);
                    self.emit(Opcode::POP_TOP, 0);
                    self.restore_loc(old);
                }
                CompKind::List => {
                    self.visit_expr(elt)?;
                    self.emit(Opcode::LIST_APPEND, depth + 1);
                }
                CompKind::Set => {
                    self.visit_expr(elt)?;
                    self.emit(Opcode::SET_ADD, depth + 1);
                }
                CompKind::Dict => {
                    self.visit_expr(elt)?;
                    if let Some(v) = value {
                        self.visit_expr(v)?;
                    }
                    self.emit(Opcode::MAP_ADD, depth + 1);
                }
            }
        }
        self.bind(if_cleanup);
        self.emit_jump(Op::Jump, start);
        self.bind(anchor);
        self.emit(Opcode::POP_ITER, 0);
        Ok(())
    }
}
