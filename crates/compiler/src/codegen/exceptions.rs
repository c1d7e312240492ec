//! `try`/`except`/`finally`, `with`, and the frame-block stack that `return`, `break` and
//! `continue` unwind through (CPython's `fblockinfo`).

use krait_bytecode::{Opcode, Position, SpecialMethod};
use ruff_python_ast::{self as ast, ExceptHandler, Stmt};
use ruff_text_size::TextRange;

use super::{Compiler, Ctx, MAX_BLOCKS};
use crate::assemble::{Label, Op};
use crate::error::CompileResult;

#[derive(Clone, Copy)]
pub(crate) enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With,
    HandlerCleanup(Option<&'a str>),
    PopValue,
    ExceptionHandler,
}

#[derive(Clone, Copy)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    /// Loop start (the `continue` target).
    pub block: Option<Label>,
    /// Loop exit (the `break` target).
    pub exit: Option<Label>,
    pub loc: Position,
}

impl<'a> Compiler<'a> {
    pub fn push_fblock(
        &mut self,
        kind: FBlockKind<'a>,
        block: Option<Label>,
        exit: Option<Label>,
        range: TextRange,
    ) -> CompileResult<()> {
        if self.u().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error("too many statically nested blocks", range));
        }
        let loc = self.u().loc;
        self.um().fblocks.push(FBlock {
            kind,
            block,
            exit,
            loc,
        });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.um().fblocks.pop();
    }

    /// `COPY 3; POP_EXCEPT; RERAISE 1`.
    fn pop_except_and_reraise(&mut self) {
        let p = Position::default();
        self.emit_at(Opcode::COPY, 3, p);
        self.emit_at(Opcode::POP_EXCEPT, 0, p);
        self.emit_at(Opcode::RERAISE, 1, p);
    }

    /// `__exit__(None, None, None)` with the exit method and self on the stack.
    fn call_exit_with_nones(&mut self) {
        self.load_none();
        self.load_none();
        self.load_none();
        self.emit(Opcode::CALL, 3);
    }

    /// Emits the code that leaves one frame block (CPython's `compiler_unwind_fblock`).
    fn unwind_fblock(&mut self, info: FBlock<'a>, preserve_tos: bool) -> CompileResult<()> {
        match info.kind {
            FBlockKind::WhileLoop | FBlockKind::ExceptionHandler => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_ITER, 0);
            }
            FBlockKind::TryExcept => self.emit_pseudo(Op::PopBlock),
            FBlockKind::FinallyTry(body) => {
                self.emit_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None, TextRange::default())?;
                }
                self.visit_body(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.um().loc = Position::default();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlockKind::With => {
                self.um().loc = info.loc;
                self.emit_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 3);
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                self.emit(Opcode::POP_TOP, 0);
                self.um().loc = Position::default();
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.emit_pseudo(Op::PopBlock);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(name) = name {
                    self.load_none();
                    self.nameop(name, Ctx::Store, TextRange::default())?;
                    self.nameop(name, Ctx::Del, TextRange::default())?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// Unwinds frame blocks up to (not including) the innermost loop when `want_loop`, or
    /// all of them. Returns the loop's block when one was found.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
    ) -> CompileResult<Option<FBlock<'a>>> {
        let Some(&top) = self.u().fblocks.last() else {
            return Ok(None);
        };
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.um().fblocks.pop();
        let r = self.unwind_fblock(top, preserve_tos);
        let r = r.and_then(|()| self.unwind_fblock_stack(preserve_tos, want_loop));
        self.um().fblocks.push(top);
        r
    }

    pub fn visit_return(&mut self, r: &'a ast::StmtReturn) -> CompileResult<()> {
        if !self.scope_kind().is_function_like() {
            return Err(self.error("'return' outside function", r.range));
        }
        let constant = r.value.as_deref().and_then(crate::fold::const_value);
        let preserve_tos = r.value.is_some() && constant.is_none();
        if preserve_tos {
            if let Some(v) = &r.value {
                self.visit_expr(v)?;
            }
        }
        let loc = self.u().loc;
        self.unwind_fblock_stack(preserve_tos, false)?;
        self.um().loc = loc;
        match (&r.value, constant) {
            (None, _) => self.load_none(),
            (Some(_), Some(c)) => self.load_const(c),
            _ => {}
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }

    pub fn visit_break(&mut self, range: TextRange) -> CompileResult<()> {
        self.emit(Opcode::NOP, 0);
        let loc = self.u().loc;
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'break' outside loop", range));
        };
        self.unwind_fblock(lp, false)?;
        self.um().loc = loc;
        let exit = lp.exit.expect("loops have an exit label");
        self.emit_jump(Op::Jump, exit);
        Ok(())
    }

    pub fn visit_continue(&mut self, range: TextRange) -> CompileResult<()> {
        self.emit(Opcode::NOP, 0);
        let loc = self.u().loc;
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'continue' not properly in loop", range));
        };
        self.um().loc = loc;
        let start = lp.block.expect("loops have a start label");
        self.emit_jump(Op::Jump, start);
        Ok(())
    }

    pub fn visit_try(&mut self, t: &'a ast::StmtTry) -> CompileResult<()> {
        if !t.finalbody.is_empty() {
            self.try_finally(t)
        } else {
            self.try_except(t)
        }
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CompileResult<()> {
        let body = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Op::SetupFinally, end);
        self.bind(body);
        self.push_fblock(
            FBlockKind::FinallyTry(&t.finalbody),
            Some(body),
            Some(end),
            t.range,
        )?;
        if !t.handlers.is_empty() {
            self.try_except(t)?;
        } else {
            self.visit_body(&t.body)?;
        }
        self.emit_pseudo(Op::PopBlock);
        self.pop_fblock();
        self.visit_body(&t.finalbody)?;
        self.emit_jump_at(Op::Jump, exit, Position::default());
        // The exceptional path.
        self.bind(end);
        self.um().loc = Position::default();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::FinallyEnd, Some(end), None, t.range)?;
        self.visit_body(&t.finalbody)?;
        self.pop_fblock();
        self.um().loc = Position::default();
        self.emit(Opcode::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CompileResult<()> {
        let body = self.new_label();
        let mut except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let loc = self.u().loc;
        self.emit_jump(Op::SetupFinally, except);
        self.bind(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None, t.range)?;
        self.visit_body(&t.body)?;
        self.pop_fblock();
        self.emit_pseudo(Op::PopBlock);
        self.visit_body(&t.orelse)?;
        self.emit_jump_at(Op::Jump, end, Position::default());
        let n = t.handlers.len();
        self.bind(except);
        self.um().loc = Position::default();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.um().loc = loc;
        self.push_fblock(FBlockKind::ExceptionHandler, None, None, t.range)?;
        for (i, h) in t.handlers.iter().enumerate() {
            let ExceptHandler::ExceptHandler(h) = h;
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let old = self.set_loc(h.range);
            let next_except = self.new_label();
            except = next_except;
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.emit_jump(Op::Real(Opcode::POP_JUMP_IF_FALSE), except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(name, Ctx::Store, name.range)?;
                self.emit_jump(Op::SetupCleanup, cleanup_end);
                self.bind(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup(Some(name.as_str())),
                    Some(cleanup_body),
                    None,
                    h.range,
                )?;
                self.visit_body(&h.body)?;
                self.pop_fblock();
                self.um().loc = Position::default();
                self.emit_pseudo(Op::PopBlock);
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.load_none();
                self.nameop(name, Ctx::Store, name.range)?;
                self.nameop(name, Ctx::Del, name.range)?;
                self.emit_jump(Op::Jump, end);
                // The handler body raised.
                self.bind(cleanup_end);
                self.load_none();
                self.nameop(name, Ctx::Store, name.range)?;
                self.nameop(name, Ctx::Del, name.range)?;
                self.emit(Opcode::RERAISE, 1);
            } else {
                let cleanup_body = self.new_label();
                self.emit(Opcode::POP_TOP, 0);
                self.bind(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup(None),
                    Some(cleanup_body),
                    None,
                    h.range,
                )?;
                self.visit_body(&h.body)?;
                self.pop_fblock();
                self.um().loc = Position::default();
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.emit_jump(Op::Jump, end);
            }
            self.restore_loc(old);
            self.bind(except);
        }
        self.pop_fblock();
        self.um().loc = Position::default();
        self.emit(Opcode::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        self.um().loc = loc;
        Ok(())
    }

    pub fn visit_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> CompileResult<()> {
        self.deeper()?;
        let r = self.visit_with_inner(w, pos);
        self.shallower();
        r
    }

    fn visit_with_inner(&mut self, w: &'a ast::StmtWith, pos: usize) -> CompileResult<()> {
        let item = &w.items[pos];
        let loc = self.pos(w.range);
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(&item.context_expr)?;
        self.um().loc = loc;
        self.emit(Opcode::COPY, 1);
        self.emit(Opcode::LOAD_SPECIAL, SpecialMethod::Exit as u32);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::SWAP, 3);
        self.emit(Opcode::LOAD_SPECIAL, SpecialMethod::Enter as u32);
        self.emit(Opcode::CALL, 0);
        self.emit_jump(Op::SetupWith, final_);
        self.bind(block);
        self.push_fblock(FBlockKind::With, Some(block), Some(final_), w.range)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if pos + 1 == w.items.len() {
            self.visit_body(&w.body)?;
        } else {
            self.visit_with(w, pos + 1)?;
        }
        self.pop_fblock();
        self.emit_pseudo(Op::PopBlock);
        self.um().loc = loc;
        self.call_exit_with_nones();
        self.emit(Opcode::POP_TOP, 0);
        self.emit_jump(Op::Jump, exit);
        // The exceptional path.
        self.bind(final_);
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        self.with_except_finish(cleanup);
        self.bind(exit);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: Label) {
        let p = Position::default();
        let suppress = self.new_label();
        self.um().loc = p;
        self.emit(Opcode::TO_BOOL, 0);
        self.emit_jump(Op::Real(Opcode::POP_JUMP_IF_TRUE), suppress);
        self.emit(Opcode::RERAISE, 2);
        self.bind(suppress);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_pseudo(Op::PopBlock);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
        let exit = self.new_label();
        self.emit_jump(Op::Jump, exit);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
    }
}
