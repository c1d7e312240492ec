//! Functions, lambdas, classes: defaults, annotations, closures, decorators, class bodies.

use krait_bytecode::opcode::make_function;
use krait_bytecode::{code_flags, CodeObject, Constant, Opcode};
use ruff_python_ast::{self as ast, Expr, Parameters, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{Compiler, Ctx};
use crate::assemble::LocalFix;
use crate::error::CompileResult;
use crate::fold::const_value;
use crate::symtable::{ScopeKind, SymScope};

/// The docstring of a body, if its first statement is a plain string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first()? {
        Stmt::Expr(e) => match &*e.value {
            Expr::StringLiteral(s) => Some(s.value.to_str()),
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    fn check_param_names(&self, p: &Parameters, owner: TextRange) -> CompileResult<()> {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if a.parameter.name.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", owner));
            }
        }
        for v in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if v.name.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", owner));
            }
        }
        Ok(())
    }

    /// Pushes defaults and keyword defaults; returns the `SET_FUNCTION_ATTRIBUTE` flags.
    fn visit_defaults(&mut self, p: &'a Parameters) -> CompileResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&'a Expr> = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            let consts: Option<Vec<Constant>> = defaults.iter().map(|d| const_value(d)).collect();
            match consts {
                Some(items) => self.load_const(Constant::Tuple(items.into())),
                None => {
                    for d in &defaults {
                        self.visit_expr(d)?;
                    }
                    self.emit(Opcode::BUILD_TUPLE, defaults.len() as u32);
                }
            }
            flags |= make_function::DEFAULTS;
        }
        let mut nkw = 0;
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                let name = self.mangle(&a.parameter.name).into_owned();
                self.load_const(Constant::Str(name.into()));
                self.visit_expr(d)?;
                nkw += 1;
            }
        }
        if nkw > 0 {
            self.emit(Opcode::BUILD_MAP, nkw);
            flags |= make_function::KWDEFAULTS;
        }
        Ok(flags)
    }

    fn visit_annotation_value(&mut self, e: &'a Expr) -> CompileResult<()> {
        if self.future_annotations {
            let text = self.annotation_text(e);
            self.load_const(Constant::Str(text.into()));
            Ok(())
        } else {
            self.visit_expr(e)
        }
    }

    /// The string form of an annotation, for `from __future__ import annotations`.
    pub fn annotation_text(&self, e: &Expr) -> String {
        crate::unparse::unparse(e, self.map.source())
    }

    /// Pushes the annotations dict of a function; returns the flag (or 0 when none).
    fn visit_annotations(
        &mut self,
        p: &'a Parameters,
        returns: Option<&'a Expr>,
    ) -> CompileResult<u32> {
        let mut n = 0;
        let mut one = |c: &mut Compiler<'a>, name: &str, ann: &'a Expr| -> CompileResult<()> {
            let m = c.mangle(name).into_owned();
            c.load_const(Constant::Str(m.into()));
            c.visit_annotation_value(ann)?;
            n += 1;
            Ok(())
        };
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(ann) = &a.parameter.annotation {
                one(self, &a.parameter.name, ann)?;
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(ann) = &v.annotation {
                one(self, &v.name, ann)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(ann) = &a.parameter.annotation {
                one(self, &a.parameter.name, ann)?;
            }
        }
        if let Some(k) = &p.kwarg {
            if let Some(ann) = &k.annotation {
                one(self, &k.name, ann)?;
            }
        }
        if let Some(r) = returns {
            one(self, "return", r)?;
        }
        if n > 0 {
            self.emit(Opcode::BUILD_MAP, n);
            Ok(make_function::ANNOTATIONS)
        } else {
            Ok(0)
        }
    }

    /// Pushes the closure tuple (if the code has free variables), then makes the function
    /// and sets its attributes (whose values are already on the stack below).
    pub fn make_closure(&mut self, code: CodeObject, mut flags: u32) -> CompileResult<()> {
        let free: Vec<String> = code.freevars().iter().map(|s| s.to_string()).collect();
        if !free.is_empty() {
            let class_unit = self.u().kind == ScopeKind::Class;
            for name in &free {
                let scope = self.st.scopes[self.u().scope].scope_of(name);
                let is_cell = (class_unit && name == "__class__") || scope == SymScope::Cell;
                let (fix, idx) = if is_cell {
                    (
                        LocalFix::Cell,
                        self.u().cellvars.iter().position(|c| c == name),
                    )
                } else {
                    (
                        LocalFix::Free,
                        self.u().freevars.iter().position(|c| c == name),
                    )
                };
                let Some(idx) = idx else {
                    return Err(Box::new(crate::error::CompileError::bare(
                        crate::error::CompileErrorKind::SyntaxError,
                        format!("internal compiler error: no closure cell for '{name}'"),
                        self.filename,
                    )));
                };
                self.emit_fix(Opcode::LOAD_FAST, idx as u32, fix);
            }
            self.emit(Opcode::BUILD_TUPLE, free.len() as u32);
            flags |= make_function::CLOSURE;
        }
        self.load_code(code);
        self.emit(Opcode::MAKE_FUNCTION, 0);
        for bit in [
            make_function::CLOSURE,
            make_function::ANNOTATIONS,
            make_function::KWDEFAULTS,
            make_function::DEFAULTS,
        ] {
            if flags & bit != 0 {
                self.emit(Opcode::SET_FUNCTION_ATTRIBUTE, bit);
            }
        }
        Ok(())
    }

    fn visit_decorators(&mut self, decorators: &'a [ast::Decorator]) -> CompileResult<()> {
        for d in decorators {
            self.visit_expr(&d.expression)?;
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decorators: &'a [ast::Decorator]) {
        for d in decorators.iter().rev() {
            let old = self.set_loc(d.expression.range());
            self.emit(Opcode::CALL, 0);
            self.restore_loc(old);
        }
    }

    fn set_arg_counts(&mut self, p: &Parameters) {
        let u = self.um();
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
    }

    fn scope_id<T>(&self, node: &T, range: TextRange) -> CompileResult<usize> {
        self.st.scope_for(node).ok_or_else(|| {
            Box::new(crate::error::CompileError::at(
                crate::error::CompileErrorKind::SyntaxError,
                "internal compiler error: no symbol table for scope",
                self.map,
                self.filename,
                range,
            ))
        })
    }

    pub fn visit_function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CompileResult<()> {
        self.check_param_names(&f.parameters, f.range)?;
        if f.name.as_str() == "__debug__" {
            return Err(self.error("cannot assign to __debug__", f.range));
        }
        self.visit_decorators(&f.decorator_list)?;
        let firstlineno = match f.decorator_list.first() {
            Some(d) => self.pos(d.range).line,
            None => self.pos(f.range).line,
        };
        let mut flags = self.visit_defaults(&f.parameters)?;
        flags |= self.visit_annotations(&f.parameters, f.returns.as_deref())?;
        let scope = self.scope_id(f, f.range)?;
        self.enter_scope(&f.name, scope, firstlineno)?;
        self.set_arg_counts(&f.parameters);
        let doc = docstring(&f.body);
        let body = if let Some(doc) = doc {
            self.add_const(Constant::Str(doc.into()));
            self.um().flags |= code_flags::HAS_DOCSTRING;
            &f.body[1..]
        } else {
            &f.body[..]
        };
        let r = self.function_body(body);
        let code = match r {
            Ok(()) => self.exit_scope()?,
            Err(e) => {
                self.units.pop();
                return Err(e);
            }
        };
        self.make_closure(code, flags)?;
        self.apply_decorators(&f.decorator_list);
        self.nameop(&f.name, Ctx::Store, f.name.range)
    }

    fn function_body(&mut self, body: &'a [Stmt]) -> CompileResult<()> {
        self.visit_body(body)?;
        self.um().loc = krait_bytecode::Position::default();
        self.load_none();
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }

    pub fn visit_lambda(&mut self, l: &'a ast::ExprLambda) -> CompileResult<()> {
        let empty = Parameters::default();
        let params: &'a Parameters = match &l.parameters {
            Some(p) => p,
            None => {
                // A lambda without parameters: no defaults to visit.
                let scope = self.scope_id(l, l.range)?;
                let line = self.pos(l.range).line;
                self.enter_scope("<lambda>", scope, line)?;
                let r = self.lambda_body(l, &empty);
                let code = match r {
                    Ok(()) => self.exit_scope()?,
                    Err(e) => {
                        self.units.pop();
                        return Err(e);
                    }
                };
                return self.make_closure(code, 0);
            }
        };
        self.check_param_names(params, l.range)?;
        let flags = self.visit_defaults(params)?;
        let scope = self.scope_id(l, l.range)?;
        let line = self.pos(l.range).line;
        self.enter_scope("<lambda>", scope, line)?;
        let r = self.lambda_body(l, params);
        let code = match r {
            Ok(()) => self.exit_scope()?,
            Err(e) => {
                self.units.pop();
                return Err(e);
            }
        };
        self.make_closure(code, flags)
    }

    fn lambda_body(&mut self, l: &'a ast::ExprLambda, params: &Parameters) -> CompileResult<()> {
        self.set_arg_counts(params);
        self.visit_expr(&l.body)?;
        if self.u().flags & code_flags::GENERATOR != 0 {
            self.emit(Opcode::POP_TOP, 0);
            self.load_none();
        }
        let old = self.set_loc(l.body.range());
        self.emit(Opcode::RETURN_VALUE, 0);
        self.restore_loc(old);
        Ok(())
    }

    pub fn visit_class_def(&mut self, c: &'a ast::StmtClassDef) -> CompileResult<()> {
        if c.name.as_str() == "__debug__" {
            return Err(self.error("cannot assign to __debug__", c.range));
        }
        self.visit_decorators(&c.decorator_list)?;
        let firstlineno = match c.decorator_list.first() {
            Some(d) => self.pos(d.range).line,
            None => self.pos(c.range).line,
        };
        let scope = self.scope_id(c, c.range)?;
        self.enter_scope(&c.name, scope, firstlineno)?;
        let r = self.class_body(c, firstlineno);
        let code = match r {
            Ok(()) => self.exit_scope()?,
            Err(e) => {
                self.units.pop();
                return Err(e);
            }
        };
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.emit(Opcode::PUSH_NULL, 0);
        self.make_closure(code, 0)?;
        self.load_const(Constant::Str(c.name.as_str().into()));
        match &c.arguments {
            Some(args) => {
                self.check_keywords(&args.keywords, c.range)?;
                self.call_helper(2, &args.args, &args.keywords)?
            }
            None => self.emit(Opcode::CALL, 2),
        }
        self.apply_decorators(&c.decorator_list);
        self.nameop(&c.name, Ctx::Store, c.name.range)
    }

    fn class_body(&mut self, c: &'a ast::StmtClassDef, firstlineno: u32) -> CompileResult<()> {
        self.um().loc = krait_bytecode::Position {
            line: firstlineno,
            end_line: firstlineno,
            col: 0,
            end_col: 0,
        };
        self.load_plain_name("__name__");
        self.store_plain_name("__module__");
        let qualname = self.u().qualname.clone();
        self.load_const(Constant::Str(qualname.into()));
        self.store_plain_name("__qualname__");
        self.body_with_docstring(&c.body)?;
        self.um().loc = krait_bytecode::Position::default();
        if self.st.scopes[self.u().scope].needs_class_closure {
            let idx = self
                .u()
                .cellvars
                .iter()
                .position(|n| n == "__class__")
                .unwrap_or(0) as u32;
            self.emit_fix(Opcode::LOAD_FAST, idx, LocalFix::Cell);
            self.store_plain_name("__classcell__");
            self.emit_fix(Opcode::LOAD_FAST, idx, LocalFix::Cell);
        } else {
            self.load_none();
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }
}
