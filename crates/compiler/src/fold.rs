//! Constant folding: literals, tuples of constants, unary operators on numbers and a few
//! size-bounded binary operators on ints, floats and strings (as CPython's AST optimizer).

use krait_bytecode::Constant;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr, Number, Operator, UnaryOp};

/// Nesting beyond which folding gives up (the code generator then handles the expression).
const FOLD_DEPTH: u32 = 200;
/// Largest int (in bits) and str/bytes (in bytes) a fold may produce (CPython's limits).
const MAX_INT_BITS: u64 = 128;
const MAX_STR_LEN: usize = 4096;
const MAX_COLLECTION: usize = 256;

/// Converts an int literal to a constant.
pub fn int_constant(i: &ast::Int) -> Constant {
    if let Some(v) = i.as_i64() {
        return Constant::Int(v);
    }
    let text = i.to_string().replace('_', "");
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(rest) = lower.strip_prefix("0x") {
        (rest.to_string(), 16)
    } else if let Some(rest) = lower.strip_prefix("0o") {
        (rest.to_string(), 8)
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (rest.to_string(), 2)
    } else {
        (lower, 10)
    };
    match BigInt::parse_bytes(digits.as_bytes(), radix) {
        Some(b) => normalize(b),
        None => Constant::Int(0),
    }
}

/// An int constant in canonical form (`Int` when it fits an `i64`).
pub fn normalize(b: BigInt) -> Constant {
    match b.to_i64() {
        Some(v) => Constant::Int(v),
        None => Constant::BigInt(b),
    }
}

fn as_bigint(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(b) => Some(b.clone()),
        _ => None,
    }
}

fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        // Only ints that convert exactly (larger ones round like CPython's, but keep it
        // simple and leave them to run time).
        Constant::Int(i) if i.unsigned_abs() <= 1 << 53 => Some(*i as f64),
        _ => None,
    }
}

/// Python's `divmod` on ints (floor division, remainder with the divisor's sign).
fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let mut q = a / b;
    let mut r = a % b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q -= 1;
        r += b;
    }
    (q, r)
}

/// Python's `divmod` on floats (CPython's `_float_div_mod`).
fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// The constant value of `e`, if it is one.
pub fn const_value(e: &Expr) -> Option<Constant> {
    fold(e, 0)
}

/// Whether `e` is a literal constant (without folding operators).
pub fn is_literal(e: &Expr) -> bool {
    matches!(
        e,
        Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
    )
}

fn fold(e: &Expr, depth: u32) -> Option<Constant> {
    if depth > FOLD_DEPTH {
        return None;
    }
    Some(match e {
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => int_constant(i),
            Number::Float(f) => Constant::Float(*f),
            Number::Complex { real, imag } => Constant::Complex {
                real: *real,
                imag: *imag,
            },
        },
        Expr::StringLiteral(s) => Constant::Str(s.value.to_str().into()),
        Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect::<Vec<u8>>().into()),
        Expr::BooleanLiteral(b) => Constant::Bool(b.value),
        Expr::NoneLiteral(_) => Constant::None,
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        Expr::Tuple(t) => {
            if t.elts.len() > MAX_COLLECTION * 64 {
                return None;
            }
            let mut items = Vec::with_capacity(t.elts.len());
            for el in &t.elts {
                items.push(fold(el, depth + 1)?);
            }
            Constant::Tuple(items.into())
        }
        Expr::UnaryOp(u) => {
            let v = fold(&u.operand, depth + 1)?;
            fold_unary(u.op, v)?
        }
        Expr::BinOp(b) => {
            let l = fold(&b.left, depth + 1)?;
            let r = fold(&b.right, depth + 1)?;
            fold_binary(b.op, &l, &r)?
        }
        _ => return None,
    })
}

fn fold_unary(op: UnaryOp, v: Constant) -> Option<Constant> {
    Some(match (op, v) {
        (UnaryOp::USub, Constant::Int(i)) => match i.checked_neg() {
            Some(n) => Constant::Int(n),
            None => Constant::BigInt(-BigInt::from(i)),
        },
        (UnaryOp::USub, Constant::BigInt(b)) => normalize(-b),
        (UnaryOp::USub, Constant::Float(f)) => Constant::Float(-f),
        (UnaryOp::USub, Constant::Complex { real, imag }) => Constant::Complex {
            real: -real,
            imag: -imag,
        },
        (UnaryOp::UAdd, c @ (Constant::Int(_) | Constant::BigInt(_) | Constant::Float(_))) => c,
        (UnaryOp::UAdd, c @ Constant::Complex { .. }) => c,
        (UnaryOp::Invert, Constant::Int(i)) => Constant::Int(!i),
        (UnaryOp::Invert, Constant::BigInt(b)) => normalize(-b - 1),
        (UnaryOp::Not, c) => Constant::Bool(!truthiness(&c)?),
        _ => return None,
    })
}

/// Python truthiness of a constant.
pub fn truthiness(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(b) => !b.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
        Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Ellipsis => true,
        Constant::Code(_) => return None,
    })
}

fn bits(b: &BigInt) -> u64 {
    b.bits()
}

fn fold_binary(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    // Bools are ints in Python, but folding them is rare and changes nothing visible.
    if let (Some(a), Some(b)) = (as_bigint(l), as_bigint(r)) {
        let res = match op {
            Operator::Add => a + b,
            Operator::Sub => a - b,
            Operator::Mult => {
                if bits(&a) + bits(&b) > MAX_INT_BITS {
                    return None;
                }
                a * b
            }
            Operator::Pow => {
                if b.is_negative() {
                    return None;
                }
                let e = b.to_u64()?;
                if bits(&a).saturating_mul(e) > MAX_INT_BITS {
                    return None;
                }
                num_traits::pow(a, e as usize)
            }
            Operator::LShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64()?;
                if bits(&a).saturating_add(s) > MAX_INT_BITS {
                    return None;
                }
                a << (s as usize)
            }
            Operator::RShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64().unwrap_or(u64::MAX).min(1 << 20);
                a >> (s as usize)
            }
            Operator::BitAnd => a & b,
            Operator::BitOr => a | b,
            Operator::BitXor => a ^ b,
            Operator::FloorDiv | Operator::Mod => {
                if b.is_zero() {
                    return None;
                }
                let (q, r) = floor_divmod(&a, &b);
                if op == Operator::FloorDiv {
                    q
                } else {
                    r
                }
            }
            Operator::Div => {
                const EXACT: i64 = 1 << 53;
                let (x, y) = (a.to_i64()?, b.to_i64()?);
                if y == 0 || x.abs() > EXACT || y.abs() > EXACT {
                    return None;
                }
                return Some(Constant::Float(x as f64 / y as f64));
            }
            _ => return None,
        };
        if bits(&res) > MAX_INT_BITS * 2 {
            return None;
        }
        return Some(normalize(res));
    }
    match (l, r) {
        (Constant::Float(_), _) | (_, Constant::Float(_)) => {
            let (a, b) = (as_float(l)?, as_float(r)?);
            let v = match op {
                Operator::Add => a + b,
                Operator::Sub => a - b,
                Operator::Mult => a * b,
                Operator::Div if b != 0.0 => a / b,
                Operator::FloorDiv if b != 0.0 => float_divmod(a, b).0,
                Operator::Mod if b != 0.0 => float_divmod(a, b).1,
                _ => return None,
            };
            Some(Constant::Float(v))
        }
        (Constant::Str(a), Constant::Str(b)) if op == Operator::Add => {
            if a.len() + b.len() > MAX_STR_LEN {
                return None;
            }
            Some(Constant::Str(format!("{a}{b}").into()))
        }
        (Constant::Bytes(a), Constant::Bytes(b)) if op == Operator::Add => {
            if a.len() + b.len() > MAX_STR_LEN {
                return None;
            }
            let mut v = a.to_vec();
            v.extend_from_slice(b);
            Some(Constant::Bytes(v.into()))
        }
        (Constant::Str(a), Constant::Int(n)) if op == Operator::Mult => {
            if *n < 0 {
                return None;
            }
            let n = *n as usize;
            if a.len().saturating_mul(n) > MAX_STR_LEN {
                return None;
            }
            Some(Constant::Str(a.repeat(n).into()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold_src(src: &str) -> Option<Constant> {
        let parsed = ruff_python_parser::parse_expression(src).unwrap();
        const_value(&parsed.syntax().body)
    }

    #[test]
    fn folds_numbers_tuples_and_strings() {
        assert!(matches!(fold_src("-5"), Some(Constant::Int(-5))));
        assert!(matches!(fold_src("-(-5)"), Some(Constant::Int(5))));
        assert!(matches!(fold_src("2 ** 10"), Some(Constant::Int(1024))));
        assert!(matches!(fold_src("2 ** 64"), Some(Constant::BigInt(_))));
        assert!(
            fold_src("2 ** 100").is_none(),
            "too big to fold, as in CPython"
        );
        assert!(matches!(
            fold_src("-9223372036854775808"),
            Some(Constant::Int(i64::MIN))
        ));
        assert!(matches!(fold_src("'a' + 'b'"), Some(Constant::Str(s)) if &*s == "ab"));
        assert!(matches!(fold_src("(1, 'a', (None,))"), Some(Constant::Tuple(t)) if t.len() == 3));
        assert!(matches!(fold_src("not 0"), Some(Constant::Bool(true))));
        assert!(matches!(fold_src("-0.0"), Some(Constant::Float(f)) if f.is_sign_negative()));
        assert!(fold_src("1 / 0").is_none());
        assert!(matches!(fold_src("7 // -2"), Some(Constant::Int(-4))));
        assert!(matches!(fold_src("-7 % 3"), Some(Constant::Int(2))));
        assert!(matches!(fold_src("1 / 4"), Some(Constant::Float(f)) if f == 0.25));
        assert!(matches!(fold_src("-7.5 // 2"), Some(Constant::Float(f)) if f == -4.0));
        assert!(matches!(fold_src("-7.5 % 2"), Some(Constant::Float(f)) if f == 0.5));
        assert!(fold_src("5.0 % -0.0").is_none());
        assert!(matches!(fold_src("6.0 % -4.0"), Some(Constant::Float(f)) if f == -2.0));
        assert!(
            matches!(fold_src("-0.0 // 5.0"), Some(Constant::Float(f)) if f == 0.0 && f.is_sign_negative())
        );
        assert!(
            matches!(fold_src("0.0 % -3.0"), Some(Constant::Float(f)) if f == 0.0 && f.is_sign_negative())
        );
        assert!(fold_src("x + 1").is_none());
        assert!(fold_src("[1, 2]").is_none());
    }
}
