//! Symbol tables: which names each scope binds, and where every name it uses lives.
//!
//! Two passes, as CPython's `symtable.c`: a walk over the AST records, per scope, the flags of
//! every name (bound, used, parameter, declared `global`/`nonlocal`, ...); then `analyze`
//! resolves each name to local, cell, free, explicit or implicit global. Scopes are keyed by
//! the address of the AST node that opens them (the AST outlives compilation).

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{
    self as ast, Comprehension, ExceptHandler, Expr, ExprContext, Parameters, Stmt,
};
use ruff_text_size::{Ranged, TextRange};

use crate::error::{CompileError, CompileErrorKind, CompileResult};
use crate::source::SourceMap;

pub type ScopeId = usize;

/// Maximum nesting of statements and expressions the compiler accepts; deeper input gives
/// `RecursionError`. Each level costs a few Rust frames, so this keeps the compiler's stack
/// use within a few megabytes.
pub const MAX_DEPTH: u32 = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension(CompKind),
}

impl ScopeKind {
    /// Whether names live in fast locals (CPython's `FunctionBlock`).
    pub fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension(_)
        )
    }
}

/// Symbol flags (CPython's `DEF_*`).
pub mod flags {
    pub const DEF_GLOBAL: u32 = 1;
    pub const DEF_LOCAL: u32 = 2;
    pub const DEF_PARAM: u32 = 4;
    pub const DEF_NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const DEF_FREE_CLASS: u32 = 64;
    pub const DEF_IMPORT: u32 = 128;
    pub const DEF_ANNOT: u32 = 256;
    pub const DEF_COMP_ITER: u32 = 512;
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}
use flags::*;

/// Where a name lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymScope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: SymScope,
}

pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    symbols: Vec<(String, Symbol)>,
    index: HashMap<String, usize>,
    /// Parameter names in slot order.
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    pub is_generator: bool,
    pub nested: bool,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    /// Class scopes: some method uses `__class__` (or `super`), so the body has a
    /// `__class__` cell.
    pub needs_class_closure: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    /// Where each `global`/`nonlocal` declaration was made (for error locations).
    directives: HashMap<String, TextRange>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, nested: bool) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            symbols: Vec::new(),
            index: HashMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            nested,
            has_varargs: false,
            has_varkeywords: false,
            needs_class_closure: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: HashMap::new(),
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i].1)
    }

    pub fn flags_of(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    /// The resolved scope of a (mangled) name; `Unknown` when the scope never mentions it.
    pub fn scope_of(&self, name: &str) -> SymScope {
        self.lookup(name).map_or(SymScope::Unknown, |s| s.scope)
    }

    pub fn symbols(&self) -> impl Iterator<Item = (&str, &Symbol)> {
        self.symbols.iter().map(|(n, s)| (n.as_str(), s))
    }

    /// Sorted names of the cell variables (`co_cellvars` order).
    pub fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == SymScope::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        if self.needs_class_closure {
            v.push("__class__".to_string());
        }
        v.sort();
        v
    }

    /// Sorted names of the free variables (`co_freevars` order).
    pub fn freevars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| {
                s.scope == SymScope::Free
                    || (self.kind == ScopeKind::Class && s.flags & DEF_FREE_CLASS != 0)
            })
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    fn add_flags(&mut self, name: &str, flag: u32) -> u32 {
        match self.index.get(name) {
            Some(&i) => {
                self.symbols[i].1.flags |= flag;
                self.symbols[i].1.flags
            }
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push((
                    name.to_string(),
                    Symbol {
                        flags: flag,
                        scope: SymScope::Unknown,
                    },
                ));
                flag
            }
        }
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    pub fn top(&self) -> ScopeId {
        0
    }

    /// The scope opened by an AST node (function, class, lambda or comprehension).
    pub fn scope_for<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node
            .get(&(node as *const T as *const u8 as usize))
            .copied()
    }
}

/// Applies CPython's private-name mangling.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    let Some(private) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}

struct Builder<'s> {
    table: SymbolTable,
    stack: Vec<ScopeId>,
    private: Option<String>,
    map: &'s SourceMap<'s>,
    filename: &'s str,
    depth: u32,
    future_annotations: bool,
}

/// Builds and analyzes the symbol table of a module (or expression).
pub fn build(
    body: &[Stmt],
    expr: Option<&Expr>,
    map: &SourceMap,
    filename: &str,
    future_annotations: bool,
) -> CompileResult<SymbolTable> {
    let mut b = Builder {
        table: SymbolTable {
            scopes: vec![Scope::new(ScopeKind::Module, "top", false)],
            by_node: HashMap::new(),
        },
        stack: vec![0],
        private: None,
        map,
        filename,
        depth: 0,
        future_annotations,
    };
    for s in body {
        b.visit_stmt(s)?;
    }
    if let Some(e) = expr {
        b.visit_expr(e)?;
    }
    let mut table = b.table;
    analyze(&mut table, map, filename)?;
    Ok(table)
}

impl<'s> Builder<'s> {
    fn err(&self, msg: impl Into<String>, range: TextRange) -> Box<CompileError> {
        Box::new(CompileError::at(
            CompileErrorKind::SyntaxError,
            msg,
            self.map,
            self.filename,
            range,
        ))
    }

    fn not_impl(&self, msg: impl Into<String>, range: TextRange) -> Box<CompileError> {
        Box::new(CompileError::at(
            CompileErrorKind::NotImplemented,
            msg,
            self.map,
            self.filename,
            range,
        ))
    }

    fn cur(&self) -> ScopeId {
        *self.stack.last().expect("scope stack never empty")
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.table.scopes[id]
    }

    fn enter<T>(&mut self, kind: ScopeKind, name: &str, node: &T) -> ScopeId {
        let parent = self.cur();
        let p = &self.table.scopes[parent];
        let nested = p.nested || p.kind.is_function_like();
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, name, nested));
        self.table.scopes[parent].children.push(id);
        self.table
            .by_node
            .insert(node as *const T as *const u8 as usize, id);
        self.stack.push(id);
        id
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> CompileResult<()> {
        let id = self.cur();
        self.add_def_in(id, name, flag, range)
    }

    fn add_def_in(
        &mut self,
        id: ScopeId,
        name: &str,
        flag: u32,
        range: TextRange,
    ) -> CompileResult<()> {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        let scope = &self.table.scopes[id];
        let old = scope.flags_of(&mangled);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(self.err(
                format!("duplicate argument '{name}' in function definition"),
                range,
            ));
        }
        let mut val = old | flag;
        if scope.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.err(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                    range,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        let scope = &mut self.table.scopes[id];
        scope.add_flags(&mangled, val);
        if flag & DEF_PARAM != 0 {
            scope.varnames.push(mangled.clone());
        } else if flag & DEF_GLOBAL != 0 && id != 0 {
            self.table.scopes[0].add_flags(&mangled, DEF_GLOBAL);
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, range: TextRange) {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        self.cur_scope().directives.entry(mangled).or_insert(range);
    }

    fn deeper(&mut self) -> CompileResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Box::new(CompileError::recursion(self.filename)));
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> CompileResult<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> CompileResult<()> {
        self.deeper()?;
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> CompileResult<()> {
        match s {
            Stmt::FunctionDef(f) => {
                if f.is_async {
                    return Err(self.not_impl("async functions are not supported yet", f.range));
                }
                if f.type_params.is_some() {
                    return Err(
                        self.not_impl("PEP 695 type parameters are not supported yet", f.range)
                    );
                }
                self.add_def(&f.name, DEF_LOCAL, f.name.range)?;
                self.visit_defaults(&f.parameters)?;
                self.visit_param_annotations(&f.parameters, f.returns.as_deref())?;
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.enter(ScopeKind::Function, &f.name, f);
                self.visit_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.exit();
            }
            Stmt::ClassDef(c) => {
                if c.type_params.is_some() {
                    return Err(
                        self.not_impl("PEP 695 type parameters are not supported yet", c.range)
                    );
                }
                self.add_def(&c.name, DEF_LOCAL, c.name.range)?;
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.visit_expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.visit_expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.enter(ScopeKind::Class, &c.name, c);
                let saved = self.private.replace(c.name.to_string());
                let r = self.visit_body(&c.body);
                self.private = saved;
                r?;
                self.exit();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.visit_expr(t)?;
                }
                self.visit_expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let cur = self.table.scopes[self.cur()]
                        .flags_of(&mangle(self.private.as_deref(), &n.id));
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur() != 0 && a.simple {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            format!("annotated name '{}' can't be global", n.id)
                        } else {
                            format!("annotated name '{}' can't be nonlocal", n.id)
                        };
                        return Err(self.err(msg, a.range));
                    }
                    if a.simple {
                        self.add_def(&n.id, DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.visit_expr(&a.target)?;
                }
                self.visit_annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::TypeAlias(t) => {
                return Err(self.not_impl("'type' statements are not supported yet", t.range));
            }
            Stmt::For(f) => {
                if f.is_async {
                    return Err(self.err("'async for' outside async function", f.range));
                }
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for clause in &i.elif_else_clauses {
                    if let Some(t) = &clause.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&clause.body)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async {
                    return Err(self.err("'async with' outside async function", w.range));
                }
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::Match(m) => {
                return Err(self.not_impl("match statements are not supported yet", m.range));
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.visit_expr(c)?;
                }
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return Err(self.not_impl("'except*' is not supported yet", t.range));
                }
                self.visit_body(&t.body)?;
                self.visit_body(&t.orelse)?;
                for h in &t.handlers {
                    let ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(name) = &h.name {
                        self.add_def(name, DEF_LOCAL, name.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    self.visit_alias(alias)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    self.visit_alias(alias)?;
                }
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    let cur = self.table.scopes[self.cur()]
                        .flags_of(&mangle(self.private.as_deref(), name));
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(self.err(msg, g.range));
                    }
                    self.add_def(name, DEF_GLOBAL, g.range)?;
                    self.record_directive(name, g.range);
                }
            }
            Stmt::Nonlocal(n) => {
                if self.cur() == 0 {
                    return Err(
                        self.err("nonlocal declaration not allowed at module level", n.range)
                    );
                }
                for name in &n.names {
                    let cur = self.table.scopes[self.cur()]
                        .flags_of(&mangle(self.private.as_deref(), name));
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(self.err(msg, n.range));
                    }
                    self.add_def(name, DEF_NONLOCAL, n.range)?;
                    self.record_directive(name, n.range);
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(e) => return Err(self.err("invalid syntax", e.range)),
        }
        Ok(())
    }

    fn visit_alias(&mut self, alias: &ast::Alias) -> CompileResult<()> {
        let name = alias.asname.as_ref().unwrap_or(&alias.name);
        if name.as_str() == "*" {
            if self.cur() != 0 {
                return Err(self.err("import * only allowed at module level", alias.range));
            }
            return Ok(());
        }
        let store = match name.as_str().find('.') {
            Some(dot) => &name.as_str()[..dot],
            None => name.as_str(),
        };
        self.add_def(store, DEF_IMPORT, alias.range)
    }

    fn visit_defaults(&mut self, p: &Parameters) -> CompileResult<()> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_annotation(&mut self, e: &Expr) -> CompileResult<()> {
        if self.future_annotations {
            return Ok(());
        }
        self.visit_expr(e)
    }

    fn visit_param_annotations(
        &mut self,
        p: &Parameters,
        returns: Option<&Expr>,
    ) -> CompileResult<()> {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(ann) = &a.parameter.annotation {
                self.visit_annotation(ann)?;
            }
        }
        for v in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if let Some(ann) = &v.annotation {
                self.visit_annotation(ann)?;
            }
        }
        if let Some(r) = returns {
            self.visit_annotation(r)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, p: &Parameters) -> CompileResult<()> {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            self.add_def(&a.parameter.name, DEF_PARAM, a.parameter.name.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(&v.name, DEF_PARAM, v.name.range)?;
            self.cur_scope().has_varargs = true;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(&k.name, DEF_PARAM, k.name.range)?;
            self.cur_scope().has_varkeywords = true;
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> CompileResult<()> {
        self.deeper()?;
        let r = self.visit_expr_inner(e);
        self.depth -= 1;
        r
    }

    fn visit_exprs(&mut self, es: &[Expr]) -> CompileResult<()> {
        for e in es {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> CompileResult<()> {
        match e {
            Expr::BoolOp(b) => self.visit_exprs(&b.values)?,
            Expr::Named(n) => self.visit_named(n)?,
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_defaults(p)?;
                }
                self.enter(ScopeKind::Lambda, "lambda", l);
                if let Some(p) = &l.parameters {
                    self.visit_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.exit();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => self.visit_exprs(&s.elts)?,
            Expr::ListComp(c) => {
                self.visit_comprehension(e, CompKind::List, &c.generators, &c.elt, None)?
            }
            Expr::SetComp(c) => {
                self.visit_comprehension(e, CompKind::Set, &c.generators, &c.elt, None)?
            }
            Expr::Generator(c) => {
                self.visit_comprehension(e, CompKind::Generator, &c.generators, &c.elt, None)?
            }
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(self.err(
                        "dict unpacking cannot be used in dict comprehension",
                        c.range,
                    ));
                };
                self.visit_comprehension(e, CompKind::Dict, &c.generators, key, Some(&c.value))?
            }
            Expr::Await(a) => {
                let kind = self.table.scopes[self.cur()].kind;
                if kind == ScopeKind::Comprehension(CompKind::Generator) {
                    return Err(self.not_impl(
                        "asynchronous generator expressions are not supported yet",
                        a.range,
                    ));
                }
                let msg = if kind.is_function_like() {
                    "'await' outside async function"
                } else {
                    "'await' outside function"
                };
                return Err(self.err(msg, a.range));
            }
            Expr::Yield(y) => {
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
                self.mark_generator(y.range)?;
            }
            Expr::YieldFrom(y) => {
                self.visit_expr(&y.value)?;
                self.mark_generator(y.range)?;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)?;
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(&c.arguments.args)?;
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for el in f.value.elements() {
                    self.visit_fstring_element(el)?;
                }
            }
            Expr::TString(t) => {
                return Err(self.err("invalid syntax", t.range));
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => {
                let flag = match n.ctx {
                    ExprContext::Load => USE,
                    _ => DEF_LOCAL,
                };
                self.add_def(&n.id, flag, n.range)?;
                if n.ctx == ExprContext::Load
                    && self.table.scopes[self.cur()].kind.is_function_like()
                    && n.id.as_str() == "super"
                {
                    self.add_def("__class__", USE, n.range)?;
                }
            }
            Expr::List(l) => self.visit_exprs(&l.elts)?,
            Expr::Tuple(t) => self.visit_exprs(&t.elts)?,
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            Expr::IpyEscapeCommand(c) => return Err(self.err("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn visit_fstring_element(&mut self, el: &ast::InterpolatedStringElement) -> CompileResult<()> {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            self.visit_expr(&i.expression)?;
            if let Some(spec) = &i.format_spec {
                self.deeper()?;
                for el in spec.elements.iter() {
                    self.visit_fstring_element(el)?;
                }
                self.depth -= 1;
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, range: TextRange) -> CompileResult<()> {
        let scope = self.cur_scope();
        scope.is_generator = true;
        if let ScopeKind::Comprehension(kind) = scope.kind {
            let msg = match kind {
                CompKind::List => "'yield' inside list comprehension",
                CompKind::Set => "'yield' inside set comprehension",
                CompKind::Dict => "'yield' inside dict comprehension",
                CompKind::Generator => "'yield' inside generator expression",
            };
            return Err(self.err(msg, range));
        }
        Ok(())
    }

    fn visit_named(&mut self, n: &ast::ExprNamed) -> CompileResult<()> {
        let Expr::Name(target) = &*n.target else {
            return Err(self.err(
                "cannot use assignment expressions with this target",
                n.target.range(),
            ));
        };
        if self.table.scopes[self.cur()].comp_iter_expr > 0 {
            return Err(self.err(
                "assignment expression cannot be used in a comprehension iterable expression",
                n.range,
            ));
        }
        if matches!(
            self.table.scopes[self.cur()].kind,
            ScopeKind::Comprehension(_)
        ) {
            self.extend_namedexpr_scope(target)?;
        }
        self.visit_expr(&n.value)?;
        self.visit_expr(&n.target)
    }

    fn extend_namedexpr_scope(&mut self, target: &ast::ExprName) -> CompileResult<()> {
        let name = target.id.as_str();
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let scope = &self.table.scopes[id];
            match scope.kind {
                ScopeKind::Comprehension(_) => {
                    if scope.flags_of(&mangled) & DEF_COMP_ITER != 0 {
                        return Err(self.err(
                            format!(
                                "assignment expression cannot rebind comprehension iteration variable '{name}'"
                            ),
                            target.range,
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    if scope.flags_of(&mangled) & DEF_GLOBAL != 0 {
                        self.add_def(name, DEF_GLOBAL, target.range)?;
                    } else {
                        self.add_def(name, DEF_NONLOCAL, target.range)?;
                    }
                    return self.add_def_in(id, name, DEF_LOCAL, target.range);
                }
                ScopeKind::Module => {
                    self.add_def(name, DEF_GLOBAL, target.range)?;
                    return self.add_def_in(id, name, DEF_GLOBAL, target.range);
                }
                ScopeKind::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.range,
                    ));
                }
            }
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        node: &Expr,
        kind: CompKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CompileResult<()> {
        let Some(outermost) = generators.first() else {
            return Err(self.err("invalid syntax", node.range()));
        };
        if generators.iter().any(|g| g.is_async) {
            return Err(self.err(
                "asynchronous comprehension outside of an asynchronous function",
                node.range(),
            ));
        }
        let cur = self.cur();
        self.table.scopes[cur].comp_iter_expr += 1;
        let r = self.visit_expr(&outermost.iter);
        self.table.scopes[cur].comp_iter_expr -= 1;
        r?;
        let name = match kind {
            CompKind::List => "listcomp",
            CompKind::Set => "setcomp",
            CompKind::Dict => "dictcomp",
            CompKind::Generator => "genexpr",
        };
        let id = self.enter(ScopeKind::Comprehension(kind), name, node);
        self.add_def(".0", DEF_PARAM, node.range())?;
        self.table.scopes[id].comp_iter_target = true;
        let r = self.visit_expr(&outermost.target);
        self.table.scopes[id].comp_iter_target = false;
        r?;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.table.scopes[id].comp_iter_target = true;
            let r = self.visit_expr(&g.target);
            self.table.scopes[id].comp_iter_target = false;
            r?;
            self.table.scopes[id].comp_iter_expr += 1;
            let r = self.visit_expr(&g.iter);
            self.table.scopes[id].comp_iter_expr -= 1;
            r?;
            self.visit_exprs(&g.ifs)?;
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.table.scopes[id].is_generator = kind == CompKind::Generator;
        self.exit();
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Analysis (CPython's analyze_block / analyze_name / update_symbols)

type NameSet = HashSet<String>;

fn analyze(table: &mut SymbolTable, map: &SourceMap, filename: &str) -> CompileResult<()> {
    let mut free = NameSet::new();
    analyze_block(table, 0, None, &mut free, NameSet::new(), map, filename)
}

struct NameCtx<'a> {
    scopes: HashMap<String, SymScope>,
    bound: Option<NameSet>,
    local: NameSet,
    global: NameSet,
    free: &'a mut NameSet,
}

fn analyze_name(ctx: &mut NameCtx, name: &str, flags: u32) -> Result<(), String> {
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(format!("name '{name}' is nonlocal and global"));
        }
        ctx.scopes
            .insert(name.to_string(), SymScope::GlobalExplicit);
        ctx.global.insert(name.to_string());
        if let Some(b) = ctx.bound.as_mut() {
            b.remove(name);
        }
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        match &ctx.bound {
            Some(b) if b.contains(name) => {}
            Some(_) => return Err(format!("no binding for nonlocal '{name}' found")),
            None => return Err("nonlocal declaration not allowed at module level".to_string()),
        }
        ctx.scopes.insert(name.to_string(), SymScope::Free);
        ctx.free.insert(name.to_string());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        ctx.scopes.insert(name.to_string(), SymScope::Local);
        ctx.local.insert(name.to_string());
        ctx.global.remove(name);
        return Ok(());
    }
    if ctx.bound.as_ref().is_some_and(|b| b.contains(name)) {
        ctx.scopes.insert(name.to_string(), SymScope::Free);
        ctx.free.insert(name.to_string());
        return Ok(());
    }
    ctx.scopes
        .insert(name.to_string(), SymScope::GlobalImplicit);
    Ok(())
}

fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    bound: Option<NameSet>,
    free: &mut NameSet,
    global: NameSet,
    map: &SourceMap,
    filename: &str,
) -> CompileResult<()> {
    let kind = table.scopes[id].kind;
    let mut newglobal = NameSet::new();
    let mut newbound = NameSet::new();
    let mut newfree = NameSet::new();
    if kind == ScopeKind::Class {
        newglobal = global.clone();
        if let Some(b) = &bound {
            newbound = b.clone();
        }
    }
    let mut ctx = NameCtx {
        scopes: HashMap::new(),
        bound,
        local: NameSet::new(),
        global,
        free,
    };
    let names: Vec<(String, u32)> = table.scopes[id]
        .symbols
        .iter()
        .map(|(n, s)| (n.clone(), s.flags))
        .collect();
    for (name, fl) in &names {
        if let Err(msg) = analyze_name(&mut ctx, name, *fl) {
            let scope = &table.scopes[id];
            let err = match scope.directives.get(name.as_str()) {
                Some(&range) => {
                    CompileError::at(CompileErrorKind::SyntaxError, msg, map, filename, range)
                }
                None => CompileError::bare(CompileErrorKind::SyntaxError, msg, filename),
            };
            return Err(Box::new(err));
        }
    }
    if kind != ScopeKind::Class {
        if kind.is_function_like() {
            newbound.extend(ctx.local.iter().cloned());
        }
        if let Some(b) = &ctx.bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(ctx.global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }

    let children = table.scopes[id].children.clone();
    let mut allfree = NameSet::new();
    for child in children {
        let mut child_free = NameSet::new();
        analyze_block(
            table,
            child,
            Some(newbound.clone()),
            &mut child_free,
            newglobal.clone(),
            map,
            filename,
        )?;
        allfree.extend(child_free);
    }
    newfree.extend(allfree);

    let mut scopes = std::mem::take(&mut ctx.scopes);
    if kind.is_function_like() {
        for (name, sc) in scopes.iter_mut() {
            if *sc == SymScope::Local && newfree.remove(name.as_str()) {
                *sc = SymScope::Cell;
            }
        }
    } else if kind == ScopeKind::Class && newfree.remove("__class__") {
        table.scopes[id].needs_class_closure = true;
    }

    let scope = &mut table.scopes[id];
    for (name, sym) in scope.symbols.iter_mut() {
        sym.scope = scopes.get(name).copied().unwrap_or(SymScope::Unknown);
    }
    let is_class = kind == ScopeKind::Class;
    let mut pass_through: Vec<String> = newfree.iter().cloned().collect();
    pass_through.sort();
    for name in pass_through {
        if let Some(&i) = scope.index.get(name.as_str()) {
            let sym = &mut scope.symbols[i].1;
            if is_class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                sym.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        match &ctx.bound {
            Some(b) if b.contains(name.as_str()) => {}
            _ => continue,
        }
        scope.index.insert(name.clone(), scope.symbols.len());
        scope.symbols.push((
            name,
            Symbol {
                flags: 0,
                scope: SymScope::Free,
            },
        ));
    }
    ctx.free.extend(newfree);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(src: &str) -> SymbolTable {
        let parsed = ruff_python_parser::parse_module(src).unwrap();
        let map = SourceMap::new(src);
        build(&parsed.syntax().body, None, &map, "t", false).unwrap()
    }

    fn scope_named<'t>(t: &'t SymbolTable, name: &str) -> &'t Scope {
        t.scopes.iter().find(|s| s.name == name).unwrap()
    }

    #[test]
    fn resolves_locals_cells_frees_and_globals() {
        let t = table(
            "g = 1\ndef f(a):\n    b = a\n    def h():\n        return a + g + c\n    return h\n",
        );
        let f = scope_named(&t, "f");
        assert_eq!(f.scope_of("a"), SymScope::Cell);
        assert_eq!(f.scope_of("b"), SymScope::Local);
        assert_eq!(f.cellvars(), ["a"]);
        let h = scope_named(&t, "h");
        assert_eq!(h.scope_of("a"), SymScope::Free);
        assert_eq!(h.scope_of("g"), SymScope::GlobalImplicit);
        assert_eq!(h.scope_of("c"), SymScope::GlobalImplicit);
        assert!(h.nested);
        assert!(!f.nested);
    }

    #[test]
    fn class_scopes_and_super() {
        let t = table(
            "def outer():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return super().m() + x\n    return C\n",
        );
        let c = scope_named(&t, "C");
        assert!(c.needs_class_closure);
        assert_eq!(c.cellvars(), ["__class__"]);
        assert_eq!(c.scope_of("x"), SymScope::Free);
        let m = scope_named(&t, "m");
        assert_eq!(m.scope_of("__class__"), SymScope::Free);
        assert_eq!(m.freevars(), ["__class__", "x"]);
    }

    #[test]
    fn walrus_in_comprehension_binds_in_function() {
        let t = table("def f():\n    [y := i for i in range(3)]\n    return y\n");
        let f = scope_named(&t, "f");
        assert_eq!(f.scope_of("y"), SymScope::Cell);
        let comp = scope_named(&t, "listcomp");
        assert_eq!(comp.scope_of("y"), SymScope::Free);
        assert_eq!(comp.scope_of("i"), SymScope::Local);
    }

    #[test]
    fn mangling() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("__"), "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("C"), "__a.b"), "__a.b");
        assert_eq!(mangle(None, "__x"), "__x");
    }
}
