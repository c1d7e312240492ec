//! Statements: assignments (plain, augmented, annotated, unpacking), loops, `if`, `raise`,
//! `assert`, imports, `del`, expression statements, module and class bodies.

use krait_bytecode::{BinaryOperator, Constant, Intrinsic1, Opcode, Position};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::expr::binary_operator;
use super::function::docstring;
use super::{Compiler, Ctx, FBlockKind};
use crate::assemble::Op;
use crate::error::CompileResult;
use crate::symtable::ScopeKind;

/// The comparison whose location CPython 3.11 keeps after compiling `e` as a condition.
fn sticky_compare(e: &Expr) -> Option<TextRange> {
    let mut e = e;
    for _ in 0..crate::symtable::MAX_DEPTH {
        match e {
            Expr::Compare(c) => return Some(c.range),
            Expr::BoolOp(b) => e = b.values.last()?,
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => e = &u.operand,
            _ => return None,
        }
    }
    None
}

/// Whether a body (not looking into nested scopes) contains an annotated assignment.
pub fn find_ann(body: &[Stmt]) -> bool {
    find_ann_depth(body, 0)
}

fn find_ann_depth(body: &[Stmt], depth: u32) -> bool {
    if depth > crate::symtable::MAX_DEPTH {
        return false;
    }
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann_depth(&f.body, depth + 1) || find_ann_depth(&f.orelse, depth + 1),
        Stmt::While(w) => {
            find_ann_depth(&w.body, depth + 1) || find_ann_depth(&w.orelse, depth + 1)
        }
        Stmt::If(i) => {
            find_ann_depth(&i.body, depth + 1)
                || i.elif_else_clauses
                    .iter()
                    .any(|c| find_ann_depth(&c.body, depth + 1))
        }
        Stmt::With(w) => find_ann_depth(&w.body, depth + 1),
        Stmt::Try(t) => {
            find_ann_depth(&t.body, depth + 1)
                || find_ann_depth(&t.orelse, depth + 1)
                || find_ann_depth(&t.finalbody, depth + 1)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann_depth(&h.body, depth + 1)
                })
        }
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// Module (exec mode) or class body: `SETUP_ANNOTATIONS`, `__doc__`, then statements.
    pub fn body_with_docstring(&mut self, body: &'a [Stmt]) -> CompileResult<()> {
        if let Some(first) = body.first() {
            if self.u().kind == ScopeKind::Module {
                let p = self.pos(first.range());
                self.um().loc = p;
            }
        }
        if find_ann(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        let mut rest = body;
        if let Some(doc) = docstring(body) {
            let old = self.set_loc(body[0].range());
            self.load_const(Constant::Str(doc.into()));
            self.store_plain_name("__doc__");
            self.restore_loc(old);
            rest = &body[1..];
        }
        self.visit_body(rest)
    }

    pub fn visit_stmt(&mut self, s: &'a Stmt) -> CompileResult<()> {
        self.deeper()?;
        let old = self.set_loc(self.stmt_range(s));
        let r = self.visit_stmt_inner(s);
        self.restore_loc(old);
        self.shallower();
        r
    }

    /// A statement's range as CPython reports it: decorated definitions start at their
    /// `def`/`class` keyword, not at the first decorator.
    pub fn stmt_range(&self, s: &Stmt) -> TextRange {
        let (decorated, name_start) = match s {
            Stmt::FunctionDef(f) => (!f.decorator_list.is_empty(), f.name.range.start()),
            Stmt::ClassDef(c) => (!c.decorator_list.is_empty(), c.name.range.start()),
            _ => return s.range(),
        };
        if !decorated {
            return s.range();
        }
        let src = self.map.source();
        let before = src
            .get(s.range().start().to_usize()..name_start.to_usize())
            .unwrap_or("");
        let keyword = before
            .rfind("def")
            .into_iter()
            .chain(before.rfind("class"))
            .max();
        let mut start = match keyword {
            Some(k) => s.range().start() + ruff_text_size::TextSize::from(k as u32),
            None => return s.range(),
        };
        // `async def` starts at `async`.
        if let Some(a) = before.rfind("async") {
            let a_at = s.range().start() + ruff_text_size::TextSize::from(a as u32);
            if before[a + 5..].trim_start().starts_with("def") && a_at < start {
                start = a_at;
            }
        }
        TextRange::new(start, s.range().end())
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt) -> CompileResult<()> {
        match s {
            Stmt::FunctionDef(f) => self.visit_function_def(f)?,
            Stmt::ClassDef(c) => self.visit_class_def(c)?,
            Stmt::Return(r) => self.visit_return(r)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
            }
            Stmt::AugAssign(a) => self.visit_augassign(a)?,
            Stmt::AnnAssign(a) => self.visit_annassign(a)?,
            Stmt::For(f) => self.visit_for(f)?,
            Stmt::While(w) => self.visit_while(w)?,
            Stmt::If(i) => self.visit_if(i)?,
            Stmt::With(w) => {
                if w.items.is_empty() {
                    return Err(self.error("invalid syntax", w.range));
                }
                self.visit_with(w, 0)?
            }
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n);
            }
            Stmt::Try(t) => self.visit_try(t)?,
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, end, true)?;
                // CPython 3.11 leaves the location of a comparison test in place for the
                // raise (its traceback underlines `x == 1` in `assert x == 1`).
                let old = match sticky_compare(&a.test) {
                    Some(r) => self.set_loc(r),
                    None => self.u().loc,
                };
                self.load_assertion_error();
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                    self.emit(Opcode::CALL, 0);
                }
                self.emit(Opcode::RAISE_VARARGS, 1);
                self.restore_loc(old);
                self.bind(end);
            }
            Stmt::Import(i) => self.visit_import(i)?,
            Stmt::ImportFrom(i) => self.visit_import_from(i)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Expr(e) => self.visit_expr_stmt(&e.value)?,
            Stmt::Pass(_) => self.emit(Opcode::NOP, 0),
            Stmt::Break(b) => self.visit_break(b.range)?,
            Stmt::Continue(c) => self.visit_continue(c.range)?,
            Stmt::Match(m) => {
                return Err(self.not_implemented("match statements are not supported yet", m.range))
            }
            Stmt::TypeAlias(t) => {
                return Err(self.not_implemented("'type' statements are not supported yet", t.range))
            }
            Stmt::IpyEscapeCommand(c) => return Err(self.error("invalid syntax", c.range)),
        }
        Ok(())
    }

    pub fn not_implemented(&self, msg: &str, range: TextRange) -> Box<crate::error::CompileError> {
        Box::new(crate::error::CompileError::at(
            crate::error::CompileErrorKind::NotImplemented,
            msg,
            self.map,
            self.filename,
            range,
        ))
    }

    fn visit_expr_stmt(&mut self, value: &'a Expr) -> CompileResult<()> {
        if self.interactive && self.units.len() == 1 {
            self.visit_expr(value)?;
            self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::Print as u32);
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if crate::fold::is_literal(value) {
            self.emit(Opcode::NOP, 0);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// Unpacks the value on the stack into the targets of a list/tuple display.
    pub fn assign_sequence(&mut self, elts: &'a [Expr], range: TextRange) -> CompileResult<()> {
        let n = elts.len();
        let mut star: Option<usize> = None;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Expr::Starred(_)) {
                if star.is_some() {
                    return Err(self.error("multiple starred expressions in assignment", range));
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let after = n - i - 1;
                if i >= 256 || after >= (1 << 24) {
                    return Err(
                        self.error("too many expressions in star-unpacking assignment", range)
                    );
                }
                self.emit(Opcode::UNPACK_EX, i as u32 | ((after as u32) << 8));
            }
            None => self.emit(Opcode::UNPACK_SEQUENCE, n as u32),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.visit_expr(&s.value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }

    fn visit_augassign(&mut self, a: &'a ast::StmtAugAssign) -> CompileResult<()> {
        let target = &*a.target;
        let old = self.set_loc(target.range());
        enum Kind {
            Attr(u32),
            Slice,
            Subscr,
            Name,
        }
        let kind = match target {
            Expr::Attribute(at) => {
                self.visit_expr(&at.value)?;
                self.emit(Opcode::COPY, 1);
                let i = self.mangled_name_index(&at.attr);
                self.emit(Opcode::LOAD_ATTR, i << 1);
                Kind::Attr(i)
            }
            Expr::Subscript(sub) => {
                self.visit_expr(&sub.value)?;
                if self.visit_subscript_key(&sub.slice, Ctx::Load)? {
                    self.emit(Opcode::COPY, 3);
                    self.emit(Opcode::COPY, 3);
                    self.emit(Opcode::COPY, 3);
                    self.emit(Opcode::BINARY_SLICE, 0);
                    Kind::Slice
                } else {
                    self.emit(Opcode::COPY, 2);
                    self.emit(Opcode::COPY, 2);
                    self.emit(Opcode::BINARY_OP, BinaryOperator::Subscr as u32);
                    Kind::Subscr
                }
            }
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", n.range));
                }
                self.nameop(&n.id, Ctx::Load, n.range)?;
                Kind::Name
            }
            _ => {
                return Err(self.error(
                    "'expression' is an illegal expression for augmented assignment",
                    target.range(),
                ))
            }
        };
        self.restore_loc(old);
        self.visit_expr(&a.value)?;
        self.emit(Opcode::BINARY_OP, binary_operator(a.op).inplace() as u32);
        let old = self.set_loc(target.range());
        match kind {
            Kind::Attr(i) => {
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_ATTR, i);
            }
            Kind::Slice => {
                self.emit(Opcode::SWAP, 4);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SLICE, 0);
            }
            Kind::Subscr => {
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            Kind::Name => {
                if let Expr::Name(n) = target {
                    self.nameop(&n.id, Ctx::Store, n.range)?;
                }
            }
        }
        self.restore_loc(old);
        Ok(())
    }

    fn visit_annassign(&mut self, a: &'a ast::StmtAnnAssign) -> CompileResult<()> {
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
            self.visit_expr(&a.target)?;
        }
        let module_or_class = matches!(self.u().kind, ScopeKind::Module | ScopeKind::Class);
        match &*a.target {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", n.range));
                }
                if a.simple && module_or_class {
                    if self.future_annotations {
                        let text = self.annotation_text(&a.annotation);
                        self.load_const(Constant::Str(text.into()));
                    } else {
                        self.visit_expr(&a.annotation)?;
                    }
                    self.load_plain_name("__annotations__");
                    let mangled = self.mangle(&n.id).into_owned();
                    self.load_const(Constant::Str(mangled.into()));
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.visit_expr(&at.value)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            Expr::Subscript(sub) => {
                if a.value.is_none() {
                    self.visit_expr(&sub.value)?;
                    self.emit(Opcode::POP_TOP, 0);
                    self.visit_expr(&sub.slice)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            other => {
                return Err(self.error(
                    "only single target (not tuple) can be annotated",
                    other.range(),
                ))
            }
        }
        if !a.simple && module_or_class && !self.future_annotations {
            self.visit_expr(&a.annotation)?;
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    fn visit_for(&mut self, f: &'a ast::StmtFor) -> CompileResult<()> {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end), f.range)?;
        self.visit_iterable(&f.iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.bind(start);
        self.emit_jump(Op::Real(Opcode::FOR_ITER), cleanup);
        self.visit_expr(&f.target)?;
        self.visit_body(&f.body)?;
        self.emit_jump_at(Op::Jump, start, Position::default());
        self.bind(cleanup);
        self.emit_at(Opcode::POP_ITER, 0, Position::default());
        self.pop_fblock();
        self.visit_body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `for x in [1, 2]` iterates a constant tuple.
    fn visit_iterable(&mut self, e: &'a Expr) -> CompileResult<()> {
        if let Expr::List(l) = e {
            if !l.elts.is_empty() {
                let consts: Option<Vec<Constant>> =
                    l.elts.iter().map(crate::fold::const_value).collect();
                if let Some(items) = consts {
                    let old = self.set_loc(e.range());
                    self.load_const(Constant::Tuple(items.into()));
                    self.restore_loc(old);
                    return Ok(());
                }
            }
        }
        self.visit_expr(e)
    }

    fn visit_while(&mut self, w: &'a ast::StmtWhile) -> CompileResult<()> {
        let lp = self.new_label();
        let body = self.new_label();
        let end = self.new_label();
        let anchor = self.new_label();
        self.bind(lp);
        self.push_fblock(FBlockKind::WhileLoop, Some(lp), Some(end), w.range)?;
        self.jump_if(&w.test, anchor, false)?;
        self.bind(body);
        self.visit_body(&w.body)?;
        self.emit_jump_at(Op::Jump, lp, Position::default());
        self.pop_fblock();
        self.bind(anchor);
        self.visit_body(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn visit_if(&mut self, i: &'a ast::StmtIf) -> CompileResult<()> {
        self.if_chain(&i.test, &i.body, &i.elif_else_clauses)
    }

    fn if_chain(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        rest: &'a [ast::ElifElseClause],
    ) -> CompileResult<()> {
        self.deeper()?;
        let r = self.if_chain_inner(test, body, rest);
        self.shallower();
        r
    }

    fn if_chain_inner(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        rest: &'a [ast::ElifElseClause],
    ) -> CompileResult<()> {
        let end = self.new_label();
        let next = if rest.is_empty() {
            end
        } else {
            self.new_label()
        };
        self.jump_if(test, next, false)?;
        self.visit_body(body)?;
        if let Some((clause, more)) = rest.split_first() {
            self.emit_jump_at(Op::Jump, end, Position::default());
            self.bind(next);
            let old = self.set_loc(clause.range);
            let r = match &clause.test {
                Some(t) => self.if_chain(t, &clause.body, more),
                None => self.visit_body(&clause.body),
            };
            self.restore_loc(old);
            r?;
        }
        self.bind(end);
        Ok(())
    }

    fn visit_import(&mut self, i: &'a ast::StmtImport) -> CompileResult<()> {
        for alias in &i.names {
            let stored = alias
                .asname
                .as_ref()
                .map_or(alias.name.as_str(), |a| a.as_str());
            if stored == "__debug__" {
                return Err(self.error("cannot assign to __debug__", i.range));
            }
            self.load_const(Constant::Int(0));
            self.load_none();
            let idx = self.name_index(alias.name.as_str());
            self.emit(Opcode::IMPORT_NAME, idx);
            let name = alias.name.as_str();
            match &alias.asname {
                Some(asname) => {
                    if name.contains('.') {
                        let parts: Vec<&str> = name.split('.').collect();
                        for (k, attr) in parts[1..].iter().enumerate() {
                            let idx = self.name_index(attr);
                            self.emit(Opcode::IMPORT_FROM, idx);
                            if k + 2 < parts.len() {
                                self.emit(Opcode::SWAP, 2);
                                self.emit(Opcode::POP_TOP, 0);
                            }
                        }
                        self.nameop(asname, Ctx::Store, asname.range)?;
                        self.emit(Opcode::POP_TOP, 0);
                    } else {
                        self.nameop(asname, Ctx::Store, asname.range)?;
                    }
                }
                None => {
                    let top = name.split('.').next().unwrap_or(name);
                    self.nameop(top, Ctx::Store, alias.range)?;
                }
            }
        }
        Ok(())
    }

    fn visit_import_from(&mut self, i: &'a ast::StmtImportFrom) -> CompileResult<()> {
        for alias in &i.names {
            let stored = alias.asname.as_ref().unwrap_or(&alias.name);
            if stored.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", i.range));
            }
        }
        if i.level == 0
            && i.module
                .as_ref()
                .is_some_and(|m| m.as_str() == "__future__")
            && self.pos(i.range).line > self.future_lineno
        {
            return Err(self.error(
                "from __future__ imports must occur at the beginning of the file",
                i.range,
            ));
        }
        self.load_const(Constant::Int(i.level as i64));
        let names: Vec<Constant> = i
            .names
            .iter()
            .map(|a| Constant::Str(a.name.as_str().into()))
            .collect();
        self.load_const(Constant::Tuple(names.into()));
        let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
        let idx = self.name_index(module);
        self.emit(Opcode::IMPORT_NAME, idx);
        for alias in &i.names {
            if alias.name.as_str() == "*" {
                self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::ImportStar as u32);
                self.emit(Opcode::POP_TOP, 0);
                return Ok(());
            }
            let idx = self.name_index(alias.name.as_str());
            self.emit(Opcode::IMPORT_FROM, idx);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(store, Ctx::Store, store.range)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}
