//! Expressions: operators, containers, calls, attributes, subscripts, comparisons and the
//! conditional-jump compiler used by `if`/`while`/`assert`.

use krait_bytecode::{
    BinaryOperator, CommonConstant, ComparisonOperator, Constant, Intrinsic1, Opcode,
};
use ruff_python_ast::{self as ast, BoolOp, CmpOp, Expr, ExprContext, Keyword, Operator, UnaryOp};
use ruff_text_size::{Ranged, TextRange};

use super::{Compiler, Ctx, STACK_USE_GUIDELINE};
use crate::assemble::Op;
use crate::error::CompileResult;
use crate::fold::{const_value, truthiness};
use crate::symtable::{ScopeKind, SymScope};

pub(crate) fn binary_operator(op: Operator) -> BinaryOperator {
    match op {
        Operator::Add => BinaryOperator::Add,
        Operator::Sub => BinaryOperator::Subtract,
        Operator::Mult => BinaryOperator::Multiply,
        Operator::MatMult => BinaryOperator::MatrixMultiply,
        Operator::Div => BinaryOperator::TrueDivide,
        Operator::Mod => BinaryOperator::Remainder,
        Operator::Pow => BinaryOperator::Power,
        Operator::LShift => BinaryOperator::Lshift,
        Operator::RShift => BinaryOperator::Rshift,
        Operator::BitOr => BinaryOperator::Or,
        Operator::BitXor => BinaryOperator::Xor,
        Operator::BitAnd => BinaryOperator::And,
        Operator::FloorDiv => BinaryOperator::FloorDivide,
    }
}

/// Collection-building opcodes for `starunpack_helper`.
#[derive(Clone, Copy)]
pub(crate) struct Collection {
    pub build: Opcode,
    pub add: Opcode,
    pub extend: Opcode,
    pub tuple: bool,
}

pub(crate) const LIST: Collection = Collection {
    build: Opcode::BUILD_LIST,
    add: Opcode::LIST_APPEND,
    extend: Opcode::LIST_EXTEND,
    tuple: false,
};
pub(crate) const TUPLE: Collection = Collection {
    build: Opcode::BUILD_LIST,
    add: Opcode::LIST_APPEND,
    extend: Opcode::LIST_EXTEND,
    tuple: true,
};
pub(crate) const SET: Collection = Collection {
    build: Opcode::BUILD_SET,
    add: Opcode::SET_ADD,
    extend: Opcode::SET_UPDATE,
    tuple: false,
};

fn is_two_element_slice(e: &Expr) -> bool {
    matches!(e, Expr::Slice(s) if s.step.is_none())
}

impl<'a> Compiler<'a> {
    pub fn visit_expr(&mut self, e: &'a Expr) -> CompileResult<()> {
        self.deeper()?;
        let old = self.set_loc(self.expr_range(e));
        let r = self.visit_expr_inner(e);
        self.restore_loc(old);
        self.shallower();
        r
    }

    /// The range CPython gives an expression (a generator expression that is a call's only
    /// argument includes the call's parentheses).
    pub fn expr_range(&self, e: &Expr) -> TextRange {
        if let Some((ptr, range)) = self.genexpr_parens {
            if ptr == e as *const Expr as usize {
                return range;
            }
        }
        e.range()
    }

    /// Records the parentheses of a call whose only argument is a bare generator expression.
    fn note_genexpr_argument(&mut self, args: &ast::Arguments) {
        if let [only @ Expr::Generator(g)] = &*args.args {
            if !g.parenthesized && args.keywords.is_empty() {
                self.genexpr_parens = Some((only as *const Expr as usize, args.range));
            }
        }
    }

    pub fn visit_exprs(&mut self, es: &'a [Expr]) -> CompileResult<()> {
        for e in es {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_expr_inner(&mut self, e: &'a Expr) -> CompileResult<()> {
        match e {
            Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                let c = const_value(e).unwrap_or(Constant::None);
                self.load_const(c);
            }
            Expr::BoolOp(b) => self.visit_boolop(b)?,
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                self.emit(Opcode::COPY, 1);
                self.visit_expr(&n.target)?;
            }
            Expr::BinOp(b) => {
                if let Some(c) = const_value(e) {
                    self.load_const(c);
                } else {
                    self.visit_expr(&b.left)?;
                    self.visit_expr(&b.right)?;
                    self.emit(Opcode::BINARY_OP, binary_operator(b.op) as u32);
                }
            }
            Expr::UnaryOp(u) => {
                if let Some(c) = const_value(e) {
                    self.load_const(c);
                } else {
                    self.visit_expr(&u.operand)?;
                    match u.op {
                        UnaryOp::Invert => self.emit(Opcode::UNARY_INVERT, 0),
                        UnaryOp::Not => {
                            self.emit_to_bool();
                            self.emit(Opcode::UNARY_NOT, 0);
                        }
                        UnaryOp::UAdd => {
                            self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::UnaryPositive as u32)
                        }
                        UnaryOp::USub => self.emit(Opcode::UNARY_NEGATIVE, 0),
                    }
                }
            }
            Expr::Lambda(l) => self.visit_lambda(l)?,
            Expr::If(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(&i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.emit_jump(Op::Jump, end);
                self.bind(next);
                self.visit_expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.visit_dict(d)?,
            Expr::Set(s) => self.starunpack(&s.elts, 0, SET)?,
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.visit_comprehension(e)?
            }
            Expr::Await(a) => return Err(self.error("'await' outside function", a.range)),
            Expr::Yield(y) => {
                self.check_yield_allowed(y.range)?;
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_none(),
                }
                self.emit(Opcode::YIELD_VALUE, 0);
                self.emit(Opcode::RESUME, 1);
            }
            Expr::YieldFrom(y) => {
                self.check_yield_allowed(y.range)?;
                self.visit_expr(&y.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.load_none();
                self.yield_from_loop();
            }
            Expr::Compare(c) => self.visit_compare(c)?,
            Expr::Call(c) => self.visit_call(c)?,
            Expr::FString(f) => self.visit_fstring(f)?,
            Expr::TString(t) => return Err(self.error("invalid syntax", t.range)),
            Expr::Attribute(a) => self.visit_attribute(a)?,
            Expr::Subscript(s) => self.visit_subscript(s)?,
            Expr::Starred(s) => match s.ctx {
                ExprContext::Store => {
                    return Err(self.error(
                        "starred assignment target must be in a list or tuple",
                        s.range,
                    ))
                }
                _ => return Err(self.error("can't use starred expression here", s.range)),
            },
            Expr::Name(n) => {
                if n.ctx == ExprContext::Load && n.id.as_str() == "__debug__" {
                    self.load_const(Constant::Bool(true));
                } else {
                    self.nameop(&n.id, ctx_of(n.ctx), n.range)?;
                }
            }
            Expr::List(l) => match l.ctx {
                ExprContext::Store => self.assign_sequence(&l.elts, l.range)?,
                ExprContext::Del => {
                    for el in &l.elts {
                        self.visit_expr(el)?;
                    }
                }
                _ => self.starunpack(&l.elts, 0, LIST)?,
            },
            Expr::Tuple(t) => match t.ctx {
                ExprContext::Store => self.assign_sequence(&t.elts, t.range)?,
                ExprContext::Del => {
                    for el in &t.elts {
                        self.visit_expr(el)?;
                    }
                }
                _ => self.starunpack(&t.elts, 0, TUPLE)?,
            },
            Expr::Slice(s) => {
                let n = self.visit_slice_parts(s)?;
                self.emit(Opcode::BUILD_SLICE, n);
            }
            Expr::IpyEscapeCommand(c) => return Err(self.error("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn check_yield_allowed(&self, range: TextRange) -> CompileResult<()> {
        if !self.scope_kind().is_function_like() {
            return Err(self.error("'yield' outside function", range));
        }
        Ok(())
    }

    /// The `SEND` loop of `yield from` (receiver and initial value on the stack).
    pub fn yield_from_loop(&mut self) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.bind(send);
        self.emit_jump(Op::Real(Opcode::SEND), exit);
        self.emit_jump(Op::SetupFinally, fail);
        self.emit(Opcode::YIELD_VALUE, 1);
        self.emit_pseudo(Op::PopBlock);
        self.emit(Opcode::RESUME, 2);
        self.emit_jump(Op::JumpNoInterrupt, send);
        self.bind(fail);
        self.emit(Opcode::CLEANUP_THROW, 0);
        self.bind(exit);
        self.emit(Opcode::END_SEND, 0);
    }

    // ----- collections --------------------------------------------------------------------

    /// CPython's `starunpack_helper`: builds a list/tuple/set from `elts`, with `pushed`
    /// items already on the stack.
    pub fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        coll: Collection,
    ) -> CompileResult<()> {
        let n = elts.len();
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !seen_star && !big && coll.tuple && pushed == 0 {
            // A tuple of constants is one constant.
            let consts: Option<Vec<Constant>> = elts.iter().map(const_value).collect();
            if let Some(items) = consts {
                self.load_const(Constant::Tuple(items.into()));
                return Ok(());
            }
        }
        if n > 2 && !seen_star && pushed == 0 {
            let consts: Option<Vec<Constant>> = elts.iter().map(const_value).collect();
            if let Some(items) = consts {
                if coll.tuple {
                    self.load_const(Constant::Tuple(items.into()));
                } else {
                    self.emit(coll.build, 0);
                    let c = if coll.build == Opcode::BUILD_SET {
                        Constant::FrozenSet(items.into())
                    } else {
                        Constant::Tuple(items.into())
                    };
                    self.load_const(c);
                    self.emit(coll.extend, 1);
                }
                return Ok(());
            }
        }
        if !seen_star && !big {
            self.visit_exprs(elts)?;
            let total = n as u32 + pushed;
            if coll.tuple {
                self.emit(Opcode::BUILD_TUPLE, total);
            } else {
                self.emit(coll.build, total);
            }
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(coll.build, pushed);
            built = true;
        }
        for (i, el) in elts.iter().enumerate() {
            if let Expr::Starred(s) = el {
                if !built {
                    self.emit(coll.build, i as u32 + pushed);
                    built = true;
                }
                self.visit_expr(&s.value)?;
                self.emit(coll.extend, 1);
            } else {
                self.visit_expr(el)?;
                if built {
                    self.emit(coll.add, 1);
                }
            }
        }
        if !built {
            self.emit(coll.build, n as u32 + pushed);
        }
        if coll.tuple {
            self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::ListToTuple as u32);
        }
        Ok(())
    }

    fn subdict(&mut self, d: &'a ast::ExprDict, begin: usize, end: usize) -> CompileResult<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for item in &d.items[begin..end] {
            if let Some(k) = &item.key {
                self.visit_expr(k)?;
            }
            self.visit_expr(&item.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn visit_dict(&mut self, d: &'a ast::ExprDict) -> CompileResult<()> {
        let n = d.items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if d.items[i].key.is_none() {
                if elements > 0 {
                    self.subdict(d, i - elements, i)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&d.items[i].value)?;
                self.emit(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(d, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(d, n - elements, n)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    // ----- boolean operators and comparisons ------------------------------------------------

    fn visit_boolop(&mut self, b: &'a ast::ExprBoolOp) -> CompileResult<()> {
        let jump = match b.op {
            BoolOp::And => Opcode::POP_JUMP_IF_FALSE,
            BoolOp::Or => Opcode::POP_JUMP_IF_TRUE,
        };
        let end = self.new_label();
        let n = b.values.len();
        for v in &b.values[..n.saturating_sub(1)] {
            self.visit_expr(v)?;
            self.emit(Opcode::COPY, 1);
            self.emit_to_bool();
            self.emit_jump(Op::Real(jump), end);
            self.emit(Opcode::POP_TOP, 0);
        }
        if let Some(last) = b.values.last() {
            self.visit_expr(last)?;
        }
        self.bind(end);
        Ok(())
    }

    fn emit_compare(&mut self, op: CmpOp) {
        match op {
            CmpOp::Is => self.emit(Opcode::IS_OP, 0),
            CmpOp::IsNot => self.emit(Opcode::IS_OP, 1),
            CmpOp::In => self.emit(Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => self.emit(Opcode::CONTAINS_OP, 1),
            _ => {
                let c = match op {
                    CmpOp::Eq => ComparisonOperator::Equal,
                    CmpOp::NotEq => ComparisonOperator::NotEqual,
                    CmpOp::Lt => ComparisonOperator::Less,
                    CmpOp::LtE => ComparisonOperator::LessEqual,
                    CmpOp::Gt => ComparisonOperator::Greater,
                    _ => ComparisonOperator::GreaterEqual,
                };
                self.emit(Opcode::COMPARE_OP, c.to_arg(false));
            }
        }
    }

    /// Visits the right operand of a comparison; `x in [1, 2]` uses a constant tuple and
    /// `x in {1, 2}` a constant frozenset.
    fn visit_comparator(&mut self, op: CmpOp, e: &'a Expr) -> CompileResult<()> {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            let elts = match e {
                Expr::List(l) => Some((&l.elts, false)),
                Expr::Set(s) => Some((&s.elts, true)),
                _ => None,
            };
            if let Some((elts, is_set)) = elts {
                if !elts.is_empty() || !is_set {
                    let consts: Option<Vec<Constant>> = elts.iter().map(const_value).collect();
                    if let Some(items) = consts {
                        let old = self.set_loc(e.range());
                        if is_set {
                            self.load_const(Constant::FrozenSet(items.into()));
                        } else {
                            self.load_const(Constant::Tuple(items.into()));
                        }
                        self.restore_loc(old);
                        return Ok(());
                    }
                }
            }
        }
        self.visit_expr(e)
    }

    fn visit_compare(&mut self, c: &'a ast::ExprCompare) -> CompileResult<()> {
        self.visit_expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.visit_comparator(c.ops[0], &c.comparators[0])?;
            self.emit_compare(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.visit_comparator(c.ops[i], &c.comparators[i])?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.emit_compare(c.ops[i]);
            self.emit(Opcode::COPY, 1);
            self.emit_to_bool();
            self.emit_jump(Op::Real(Opcode::POP_JUMP_IF_FALSE), cleanup);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.visit_comparator(c.ops[n - 1], &c.comparators[n - 1])?;
        self.emit_compare(c.ops[n - 1]);
        let end = self.new_label();
        self.emit_jump(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    /// Compiles `e` as a condition: jumps to `next` when its truth equals `cond`.
    pub fn jump_if(
        &mut self,
        e: &'a Expr,
        next: crate::assemble::Label,
        cond: bool,
    ) -> CompileResult<()> {
        self.deeper()?;
        let old = self.set_loc(e.range());
        let r = self.jump_if_inner(e, next, cond);
        self.restore_loc(old);
        self.shallower();
        r
    }

    fn jump_if_inner(
        &mut self,
        e: &'a Expr,
        next: crate::assemble::Label,
        cond: bool,
    ) -> CompileResult<()> {
        if let Some(c) = const_value(e) {
            if let Some(t) = truthiness(&c) {
                if t == cond {
                    self.emit_jump(Op::Jump, next);
                }
                return Ok(());
            }
        }
        match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => {
                return self.jump_if(&u.operand, next, !cond);
            }
            Expr::BoolOp(b) => {
                let cond2 = b.op == BoolOp::Or;
                let mut next2 = next;
                if cond2 != cond {
                    next2 = self.new_label();
                }
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&b.values[n - 1], next, cond)?;
                if next2 != next {
                    self.bind(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, next, cond)?;
                self.emit_jump(Op::Jump, end);
                self.bind(next2);
                self.jump_if(&i.orelse, next, cond)?;
                self.bind(end);
                return Ok(());
            }
            Expr::Compare(c)
                if c.ops.len() == 1
                    && matches!(c.ops[0], CmpOp::Is | CmpOp::IsNot)
                    && matches!(c.comparators[0], Expr::NoneLiteral(_)) =>
            {
                // `x is None` / `x is not None` as a condition.
                self.visit_expr(&c.left)?;
                let jump_if_none = (c.ops[0] == CmpOp::Is) == cond;
                let op = if jump_if_none {
                    Opcode::POP_JUMP_IF_NONE
                } else {
                    Opcode::POP_JUMP_IF_NOT_NONE
                };
                self.emit_jump(Op::Real(op), next);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                let n = c.ops.len() - 1;
                let cleanup = self.new_label();
                self.visit_expr(&c.left)?;
                for i in 0..n {
                    self.visit_comparator(c.ops[i], &c.comparators[i])?;
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::COPY, 2);
                    self.emit_compare(c.ops[i]);
                    self.emit_to_bool();
                    self.emit_jump(Op::Real(Opcode::POP_JUMP_IF_FALSE), cleanup);
                }
                self.visit_comparator(c.ops[n], &c.comparators[n])?;
                self.emit_compare(c.ops[n]);
                self.emit_to_bool();
                let jump = if cond {
                    Opcode::POP_JUMP_IF_TRUE
                } else {
                    Opcode::POP_JUMP_IF_FALSE
                };
                self.emit_jump(Op::Real(jump), next);
                let end = self.new_label();
                self.emit_jump(Op::Jump, end);
                self.bind(cleanup);
                self.emit(Opcode::POP_TOP, 0);
                if !cond {
                    self.emit_jump(Op::Jump, next);
                }
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        self.emit_to_bool();
        let jump = if cond {
            Opcode::POP_JUMP_IF_TRUE
        } else {
            Opcode::POP_JUMP_IF_FALSE
        };
        self.emit_jump(Op::Real(jump), next);
        Ok(())
    }

    // ----- attributes, subscripts, slices ---------------------------------------------------

    /// Pushes `lower`, `upper` (and `step`); returns how many.
    pub fn visit_slice_parts(&mut self, s: &'a ast::ExprSlice) -> CompileResult<u32> {
        match &s.lower {
            Some(l) => self.visit_expr(l)?,
            None => self.load_none(),
        }
        match &s.upper {
            Some(u) => self.visit_expr(u)?,
            None => self.load_none(),
        }
        if let Some(step) = &s.step {
            self.visit_expr(step)?;
            return Ok(3);
        }
        Ok(2)
    }

    /// Pushes the subscript's slice; returns true for a two-element slice (pushed as its
    /// `start, stop` pair for `BINARY_SLICE`/`STORE_SLICE`).
    pub fn visit_subscript_key(&mut self, slice: &'a Expr, ctx: Ctx) -> CompileResult<bool> {
        if ctx != Ctx::Del && is_two_element_slice(slice) {
            if let Expr::Slice(s) = slice {
                let old = self.set_loc(slice.range());
                let r = self.visit_slice_parts(s);
                self.restore_loc(old);
                r?;
                return Ok(true);
            }
        }
        self.visit_expr(slice)?;
        Ok(false)
    }

    fn visit_subscript(&mut self, s: &'a ast::ExprSubscript) -> CompileResult<()> {
        let ctx = ctx_of(s.ctx);
        self.visit_expr(&s.value)?;
        let sliced = self.visit_subscript_key(&s.slice, ctx)?;
        match (ctx, sliced) {
            (Ctx::Load, true) => self.emit(Opcode::BINARY_SLICE, 0),
            (Ctx::Load, false) => self.emit(Opcode::BINARY_OP, BinaryOperator::Subscr as u32),
            (Ctx::Store, true) => self.emit(Opcode::STORE_SLICE, 0),
            (Ctx::Store, false) => self.emit(Opcode::STORE_SUBSCR, 0),
            (Ctx::Del, _) => self.emit(Opcode::DELETE_SUBSCR, 0),
        }
        Ok(())
    }

    fn visit_attribute(&mut self, a: &'a ast::ExprAttribute) -> CompileResult<()> {
        let ctx = ctx_of(a.ctx);
        if ctx == Ctx::Load && self.try_super_attr(a, false)? {
            return Ok(());
        }
        if matches!(ctx, Ctx::Store | Ctx::Del) && a.attr.as_str() == "__debug__" {
            let msg = if ctx == Ctx::Store {
                "cannot assign to __debug__"
            } else {
                "cannot delete __debug__"
            };
            return Err(self.error(msg, a.range));
        }
        self.visit_expr(&a.value)?;
        let i = self.mangled_name_index(&a.attr);
        match ctx {
            Ctx::Load => self.emit(Opcode::LOAD_ATTR, i << 1),
            Ctx::Store => self.emit(Opcode::STORE_ATTR, i),
            Ctx::Del => self.emit(Opcode::DELETE_ATTR, i),
        }
        Ok(())
    }

    /// `super().attr` / `super(C, self).attr` as `LOAD_SUPER_ATTR` when possible.
    fn try_super_attr(&mut self, a: &'a ast::ExprAttribute, method: bool) -> CompileResult<bool> {
        let Expr::Call(call) = &*a.value else {
            return Ok(false);
        };
        let Expr::Name(func) = &*call.func else {
            return Ok(false);
        };
        if func.id.as_str() != "super"
            || a.attr.as_str() == "__class__"
            || !call.arguments.keywords.is_empty()
        {
            return Ok(false);
        }
        let scope = &self.st.scopes[self.u().scope];
        if scope.scope_of("super") != SymScope::GlobalImplicit
            || self.st.scopes[self.st.top()].lookup("super").is_some()
        {
            return Ok(false);
        }
        if !matches!(self.u().kind, ScopeKind::Function | ScopeKind::Lambda) {
            return Ok(false);
        }
        let nargs = call.arguments.args.len();
        if nargs == 2 {
            if call
                .arguments
                .args
                .iter()
                .any(|a| matches!(a, Expr::Starred(_)))
            {
                return Ok(false);
            }
        } else if nargs == 0 {
            if self.u().argcount == 0 && self.u().posonlyargcount == 0 {
                return Ok(false);
            }
            if scope.scope_of("__class__") != SymScope::Free {
                return Ok(false);
            }
        } else {
            return Ok(false);
        }
        // LOAD_GLOBAL super; class; self.
        let old = self.set_loc(func.range);
        let i = self.name_index("super");
        self.emit(Opcode::LOAD_GLOBAL, i << 1);
        self.restore_loc(old);
        if nargs == 2 {
            self.visit_exprs(&call.arguments.args)?;
        } else {
            let old = self.set_loc(call.range());
            self.nameop("__class__", Ctx::Load, call.range())?;
            let first = self.u().varnames[0].clone();
            self.nameop_unmangled_load(&first)?;
            self.restore_loc(old);
        }
        let i = self.mangled_name_index(&a.attr);
        let arg = (i << 2) | method as u32 | if nargs == 2 { 2 } else { 0 };
        self.emit(Opcode::LOAD_SUPER_ATTR, arg);
        Ok(true)
    }

    /// Loads a local by its already-mangled slot name (the first argument for `super()`).
    fn nameop_unmangled_load(&mut self, name: &str) -> CompileResult<()> {
        let scope = self.st.scopes[self.u().scope].scope_of(name);
        if scope == SymScope::Cell {
            if let Some(i) = self.u().cellvars.iter().position(|c| c == name) {
                self.emit_fix(
                    Opcode::LOAD_DEREF,
                    i as u32,
                    crate::assemble::LocalFix::Cell,
                );
                return Ok(());
            }
        }
        let i = self.varname_index(name);
        self.emit(Opcode::LOAD_FAST, i);
        Ok(())
    }

    // ----- calls -------------------------------------------------------------------------

    fn visit_call(&mut self, c: &'a ast::ExprCall) -> CompileResult<()> {
        self.check_keywords(&c.arguments.keywords, c.range())?;
        self.note_genexpr_argument(&c.arguments);
        if self.maybe_method_call(c)? {
            return Ok(());
        }
        let pushed_null = match &*c.func {
            Expr::Name(n) if n.id.as_str() != "__debug__" => {
                let old = self.set_loc(n.range);
                let r = self.load_name_for_call(&n.id, n.range);
                self.restore_loc(old);
                r?
            }
            f => {
                self.visit_expr(f)?;
                false
            }
        };
        if !pushed_null {
            self.emit(Opcode::PUSH_NULL, 0);
        }
        self.call_helper(0, &c.arguments.args, &c.arguments.keywords)
    }

    pub fn check_keywords(&self, keywords: &[Keyword], owner: TextRange) -> CompileResult<()> {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if name.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", owner));
            }
            for other in &keywords[i + 1..] {
                if other
                    .arg
                    .as_ref()
                    .is_some_and(|o| o.as_str() == name.as_str())
                {
                    return Err(self.error(
                        format!("keyword argument repeated: {}", name.as_str()),
                        other.range,
                    ));
                }
            }
        }
        Ok(())
    }

    fn maybe_method_call(&mut self, c: &'a ast::ExprCall) -> CompileResult<bool> {
        let Expr::Attribute(meth) = &*c.func else {
            return Ok(false);
        };
        if meth.ctx != ExprContext::Load {
            return Ok(false);
        }
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        if args.iter().any(|a| matches!(a, Expr::Starred(_))) || kws.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        if args.len() + kws.len() + (!kws.is_empty()) as usize >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        let old = self.set_loc(meth.range);
        let done_super = self.try_super_attr(meth, true);
        let r = match done_super {
            Ok(true) => Ok(()),
            Ok(false) => {
                let r = self.visit_expr(&meth.value);
                if r.is_ok() {
                    let i = self.mangled_name_index(&meth.attr);
                    self.emit(Opcode::LOAD_ATTR, (i << 1) | 1);
                }
                r
            }
            Err(e) => Err(e),
        };
        self.restore_loc(old);
        r?;
        self.visit_exprs(args)?;
        if kws.is_empty() {
            self.emit(Opcode::CALL, args.len() as u32);
        } else {
            self.call_kw_simple(args.len(), kws)?;
        }
        Ok(true)
    }

    fn call_kw_simple(&mut self, nargs: usize, kws: &'a [Keyword]) -> CompileResult<()> {
        let mut names = Vec::with_capacity(kws.len());
        for k in kws {
            self.visit_expr(&k.value)?;
            names.push(Constant::Str(
                k.arg.as_ref().map(|a| a.as_str()).unwrap_or("").into(),
            ));
        }
        self.load_const(Constant::Tuple(names.into()));
        self.emit(Opcode::CALL_KW, (nargs + kws.len()) as u32);
        Ok(())
    }

    /// CPython's `compiler_call_helper`: the callable and `self_or_NULL` (and `n` extra
    /// positional values) are on the stack.
    pub fn call_helper(
        &mut self,
        n: u32,
        args: &'a [Expr],
        kws: &'a [Keyword],
    ) -> CompileResult<()> {
        let nelts = args.len();
        let nkw = kws.len();
        let needs_ex = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none())
            || nelts + n as usize + nkw * 2 > STACK_USE_GUIDELINE;
        if !needs_ex {
            self.visit_exprs(args)?;
            if nkw > 0 {
                self.call_kw_simple(nelts + n as usize, kws)?;
            } else {
                self.emit(Opcode::CALL, n + nelts as u32);
            }
            return Ok(());
        }
        // Positional arguments as one tuple. A lone `*x` is passed as is: CALL_FUNCTION_EX
        // converts it (and names the function in its error, as CPython does).
        match args {
            [Expr::Starred(s)] if n == 0 => self.visit_expr(&s.value)?,
            _ => self.starunpack(args, n, TUPLE_ALWAYS_BUILD)?,
        }
        // Keyword arguments as one dict.
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for (i, k) in kws.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&kws[i - nseen..i])?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.emit(Opcode::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&kws[nkw - nseen..])?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        } else {
            self.emit(Opcode::PUSH_NULL, 0);
        }
        self.emit(Opcode::CALL_FUNCTION_EX, 0);
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [Keyword]) -> CompileResult<()> {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for k in kws {
            let name = k.arg.as_ref().map(|a| a.as_str()).unwrap_or("");
            self.load_const(Constant::Str(name.into()));
            self.visit_expr(&k.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    /// `LOAD_COMMON_CONSTANT AssertionError`.
    pub fn load_assertion_error(&mut self) {
        self.emit(
            Opcode::LOAD_COMMON_CONSTANT,
            CommonConstant::AssertionError as u32,
        );
    }
}

/// Like [`TUPLE`], but never folds to a constant (the `pushed` items are part of it).
const TUPLE_ALWAYS_BUILD: Collection = TUPLE;

pub(crate) fn ctx_of(ctx: ExprContext) -> Ctx {
    match ctx {
        ExprContext::Load | ExprContext::Invalid => Ctx::Load,
        ExprContext::Store => Ctx::Store,
        ExprContext::Del => Ctx::Del,
    }
}
