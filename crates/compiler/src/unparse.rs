//! Expression unparsing for `from __future__ import annotations` (PEP 563): annotations
//! become the string CPython's `ast_unparse.c` would produce (its spacing, quoting and
//! parenthesization by precedence). Rare node kinds fall back to their source text.

use krait_bytecode::Constant;
use ruff_python_ast::{self as ast, BoolOp, CmpOp, Expr, Operator, UnaryOp};
use ruff_text_size::Ranged;

use crate::fold::int_constant;

// CPython's precedence levels.
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_ATOM: u8 = 15;

const MAX_DEPTH: u32 = 200;

/// The PEP 563 string of an annotation.
pub fn unparse(e: &Expr, source: &str) -> String {
    let mut out = String::new();
    let mut u = Unparser {
        out: &mut out,
        source,
        depth: 0,
    };
    u.expr(e, PR_TEST);
    out
}

struct Unparser<'o, 's> {
    out: &'o mut String,
    source: &'s str,
    depth: u32,
}

impl Unparser<'_, '_> {
    fn source_text(&mut self, e: &Expr) {
        let r = e.range();
        let text = self
            .source
            .get(r.start().to_usize()..r.end().to_usize())
            .unwrap_or("");
        self.out.push_str(text);
    }

    fn open(&mut self, cond: bool) {
        if cond {
            self.out.push('(');
        }
    }

    fn close(&mut self, cond: bool) {
        if cond {
            self.out.push(')');
        }
    }

    fn expr(&mut self, e: &Expr, level: u8) {
        if self.depth > MAX_DEPTH {
            self.source_text(e);
            return;
        }
        self.depth += 1;
        self.expr_inner(e, level);
        self.depth -= 1;
    }

    fn join(&mut self, es: &[Expr], level: u8) {
        for (i, x) in es.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.expr(x, level);
        }
    }

    fn expr_inner(&mut self, e: &Expr, level: u8) {
        match e {
            Expr::Name(n) => self.out.push_str(&n.id),
            Expr::NoneLiteral(_) => self.out.push_str("None"),
            Expr::BooleanLiteral(b) => self.out.push_str(if b.value { "True" } else { "False" }),
            Expr::EllipsisLiteral(_) => self.out.push_str("..."),
            Expr::StringLiteral(s) => self.out.push_str(&str_repr(s.value.to_str())),
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                self.out.push_str(&bytes_repr(&bytes));
            }
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => match int_constant(i) {
                    Constant::Int(v) => self.out.push_str(&v.to_string()),
                    Constant::BigInt(b) => self.out.push_str(&b.to_string()),
                    _ => self.source_text(e),
                },
                ast::Number::Float(f) => self.out.push_str(&float_repr(*f)),
                ast::Number::Complex { real, imag } => {
                    if *real == 0.0 {
                        let part = float_repr(*imag);
                        self.out.push_str(part.strip_suffix(".0").unwrap_or(&part));
                        self.out.push('j');
                    } else {
                        self.source_text(e);
                    }
                }
            },
            Expr::Attribute(a) => {
                self.expr(&a.value, PR_ATOM);
                let int_value = matches!(&*a.value, Expr::NumberLiteral(n)
                    if matches!(n.value, ast::Number::Int(_)));
                self.out.push_str(if int_value { " ." } else { "." });
                self.out.push_str(&a.attr);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value, PR_ATOM);
                self.out.push('[');
                self.expr(&s.slice, PR_TUPLE);
                self.out.push(']');
            }
            Expr::Slice(s) => {
                if let Some(l) = &s.lower {
                    self.expr(l, PR_TEST);
                }
                self.out.push(':');
                if let Some(u) = &s.upper {
                    self.expr(u, PR_TEST);
                }
                if let Some(st) = &s.step {
                    self.out.push(':');
                    self.expr(st, PR_TEST);
                }
            }
            Expr::Tuple(t) => {
                if t.elts.is_empty() {
                    self.out.push_str("()");
                    return;
                }
                self.open(level > PR_TUPLE);
                self.join(&t.elts, PR_TEST);
                if t.elts.len() == 1 {
                    self.out.push(',');
                }
                self.close(level > PR_TUPLE);
            }
            Expr::List(l) => {
                self.out.push('[');
                self.join(&l.elts, PR_TEST);
                self.out.push(']');
            }
            Expr::Set(s) => {
                self.out.push('{');
                self.join(&s.elts, PR_TEST);
                self.out.push('}');
            }
            Expr::Dict(d) => {
                self.out.push('{');
                for (i, item) in d.items.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    match &item.key {
                        Some(k) => {
                            self.expr(k, PR_TEST);
                            self.out.push_str(": ");
                            self.expr(&item.value, PR_TEST);
                        }
                        None => {
                            self.out.push_str("**");
                            self.expr(&item.value, PR_BOR);
                        }
                    }
                }
                self.out.push('}');
            }
            Expr::Starred(s) => {
                self.out.push('*');
                self.expr(&s.value, PR_BOR);
            }
            Expr::BinOp(b) => {
                let (pr, text) = match b.op {
                    Operator::Add => (PR_ARITH, " + "),
                    Operator::Sub => (PR_ARITH, " - "),
                    Operator::Mult => (PR_TERM, " * "),
                    Operator::MatMult => (PR_TERM, " @ "),
                    Operator::Div => (PR_TERM, " / "),
                    Operator::Mod => (PR_TERM, " % "),
                    Operator::FloorDiv => (PR_TERM, " // "),
                    Operator::LShift => (PR_SHIFT, " << "),
                    Operator::RShift => (PR_SHIFT, " >> "),
                    Operator::BitOr => (PR_BOR, " | "),
                    Operator::BitXor => (PR_BXOR, " ^ "),
                    Operator::BitAnd => (PR_BAND, " & "),
                    Operator::Pow => (PR_POWER, " ** "),
                };
                let rassoc = (b.op == Operator::Pow) as u8;
                self.open(level > pr);
                self.expr(&b.left, pr + rassoc);
                self.out.push_str(text);
                self.expr(&b.right, pr + 1 - rassoc);
                self.close(level > pr);
            }
            Expr::UnaryOp(u) => {
                let (pr, text) = match u.op {
                    UnaryOp::Not => (PR_NOT, "not "),
                    UnaryOp::Invert => (PR_FACTOR, "~"),
                    UnaryOp::UAdd => (PR_FACTOR, "+"),
                    UnaryOp::USub => (PR_FACTOR, "-"),
                };
                self.open(level > pr);
                self.out.push_str(text);
                self.expr(&u.operand, pr);
                self.close(level > pr);
            }
            Expr::BoolOp(b) => {
                let (pr, text) = match b.op {
                    BoolOp::And => (PR_AND, " and "),
                    BoolOp::Or => (PR_OR, " or "),
                };
                self.open(level > pr);
                for (i, v) in b.values.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(text);
                    }
                    self.expr(v, pr + 1);
                }
                self.close(level > pr);
            }
            Expr::Compare(c) => {
                self.open(level > PR_CMP);
                self.expr(&c.left, PR_CMP + 1);
                for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                    self.out.push_str(match op {
                        CmpOp::Eq => " == ",
                        CmpOp::NotEq => " != ",
                        CmpOp::Lt => " < ",
                        CmpOp::LtE => " <= ",
                        CmpOp::Gt => " > ",
                        CmpOp::GtE => " >= ",
                        CmpOp::Is => " is ",
                        CmpOp::IsNot => " is not ",
                        CmpOp::In => " in ",
                        CmpOp::NotIn => " not in ",
                    });
                    self.expr(right, PR_CMP + 1);
                }
                self.close(level > PR_CMP);
            }
            Expr::If(i) => {
                self.open(level > PR_TEST);
                self.expr(&i.body, PR_TEST + 1);
                self.out.push_str(" if ");
                self.expr(&i.test, PR_TEST + 1);
                self.out.push_str(" else ");
                self.expr(&i.orelse, PR_TEST);
                self.close(level > PR_TEST);
            }
            Expr::Call(c) => {
                self.expr(&c.func, PR_ATOM);
                self.out.push('(');
                let mut first = true;
                for a in c.arguments.args.iter() {
                    if !first {
                        self.out.push_str(", ");
                    }
                    first = false;
                    if let Expr::Generator(_) = a {
                        if c.arguments.args.len() == 1 && c.arguments.keywords.is_empty() {
                            // The call's parentheses serve the generator expression.
                            let mut text = String::new();
                            std::mem::swap(&mut text, self.out);
                            self.source_text(a);
                            let inner = std::mem::take(self.out);
                            *self.out = text;
                            self.out.push_str(&inner);
                            continue;
                        }
                    }
                    self.expr(a, PR_TEST);
                }
                for k in c.arguments.keywords.iter() {
                    if !first {
                        self.out.push_str(", ");
                    }
                    first = false;
                    match &k.arg {
                        Some(name) => {
                            self.out.push_str(name);
                            self.out.push('=');
                        }
                        None => self.out.push_str("**"),
                    }
                    self.expr(&k.value, PR_TEST);
                }
                self.out.push(')');
            }
            _ => self.source_text(e),
        }
    }
}

/// Python's `repr` of a `str`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_control() => {
                let v = c as u32;
                if v <= 0xff {
                    out.push_str(&format!("\\x{v:02x}"));
                } else if v <= 0xffff {
                    out.push_str(&format!("\\u{v:04x}"));
                } else {
                    out.push_str(&format!("\\U{v:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// Python's `repr` of a float (CPython's unparser writes infinity as `1e309`).
pub fn float_repr(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 { "1e309" } else { "-1e309" }.to_string();
    }
    if f.is_nan() {
        return "nan".to_string();
    }
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (neg, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if !(-4..16).contains(&exp) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!(
            "e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        ));
    } else if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let point = exp as usize + 1;
        if digits.len() <= point {
            out.push_str(&digits);
            for _ in digits.len()..point {
                out.push('0');
            }
            out.push_str(".0");
        } else {
            out.push_str(&digits[..point]);
            out.push('.');
            out.push_str(&digits[point..]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn up(src: &str) -> String {
        let parsed = ruff_python_parser::parse_expression(src).unwrap();
        unparse(&parsed.syntax().body, src)
    }

    #[test]
    fn matches_cpython_unparse() {
        // Expected values from CPython 3.11's `from __future__ import annotations`.
        for (src, want) in [
            ("Dict[str,int]", "Dict[str, int]"),
            ("int|None", "int | None"),
            ("\"Foo\"", "'Foo'"),
            ("List[ 'A' ]", "List['A']"),
            ("Tuple[()]", "Tuple[()]"),
            ("Tuple[int, ...]", "Tuple[int, ...]"),
            ("Callable[[int, str], None]", "Callable[[int, str], None]"),
            ("a.b.c", "a.b.c"),
            ("(a + b) * c", "(a + b) * c"),
            ("a + b * c", "a + b * c"),
            ("2 ** -1", "2 ** (-1)"),
            ("(-1) ** 2", "(-1) ** 2"),
            ("-x ** 2", "-x ** 2"),
            ("not a", "not a"),
            ("a if b else c", "a if b else c"),
            ("f(x, *a, k=1, **kw)", "f(x, *a, k=1, **kw)"),
            ("1.5", "1.5"),
            ("1e300", "1e+300"),
            ("1e-5", "1e-05"),
            ("0.0001", "0.0001"),
            ("1e16", "1e+16"),
            ("123.0", "123.0"),
            ("x[1:2, ::3]", "x[1:2, ::3]"),
            ("b'a\\'b'", "b\"a'b\""),
            ("'it\\'s'", "\"it's\""),
            ("{'a': 1, **b}", "{'a': 1, **b}"),
            ("(a, b)", "(a, b)"),
            ("a < b <= c", "a < b <= c"),
            ("1 .real", "1 .real"),
            ("x[(1,2)]", "x[1, 2]"),
            ("1e400", "1e309"),
            ("-1e400", "-1e309"),
            ("2j", "2j"),
            ("{1,2}", "{1, 2}"),
            ("(a or b) and c", "(a or b) and c"),
            ("f(i for i in x)", "f(i for i in x)"),
            ("[i for i in x]", "[i for i in x]"),
        ] {
            assert_eq!(up(src), want, "{src}");
        }
    }
}
