//! `int` and `bool`: small ints are immediates, larger ones heap `IntData` (num-bigint).
//!
//! Arithmetic on exact ints, bools and floats is done natively (`numeric_binary_op`);
//! the dunder methods installed on `int` wrap the same code for subclasses and explicit
//! calls.

use std::cmp::Ordering as CmpOrdering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use krait_bytecode::{BinaryOperator, ComparisonOperator};

use crate::object::{alloc, Layout, Obj};
use crate::types::float::{float_value, new_float};
use crate::types::object::not_implemented;
use crate::types::str::StrData;
use crate::types::typeobj::TypeData;
use crate::types::{
    add_getsets, add_methods, alloc_instance, type_of, types, BuiltinTypes, GetSetDef, MethodDef,
};
use crate::value::{Value, SMALL_INT_MAX, SMALL_INT_MIN};
use crate::{Args, PyErr, PyResult, Vm};

/// Heap int payload: big ints and instances of int subclasses.
pub struct IntData {
    pub value: BigInt,
}

/// An int value borrowed from a `Value` (small, bool, or heap).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntValue {
    Small(i64),
    Big(BigInt),
}

impl IntValue {
    /// The int value of ints, bools and int subclasses (not floats).
    #[inline]
    pub fn of(v: &Value) -> Option<IntValue> {
        if let Some(i) = v.as_small_int() {
            return Some(IntValue::Small(i));
        }
        if let Some(b) = v.as_bool() {
            return Some(IntValue::Small(b as i64));
        }
        v.downcast::<IntData>()
            .map(|d| match d.data.value.to_i64() {
                Some(i) => IntValue::Small(i),
                None => IntValue::Big(d.data.value.clone()),
            })
    }

    pub fn to_i64(&self) -> Option<i64> {
        match self {
            IntValue::Small(i) => Some(*i),
            IntValue::Big(b) => b.to_i64(),
        }
    }

    /// Clamped to the i64 range (slice bounds).
    pub fn saturating_i64(&self) -> i64 {
        match self {
            IntValue::Small(i) => *i,
            IntValue::Big(b) => {
                if b.is_negative() {
                    i64::MIN
                } else {
                    i64::MAX
                }
            }
        }
    }

    pub fn to_bigint(&self) -> BigInt {
        match self {
            IntValue::Small(i) => BigInt::from(*i),
            IntValue::Big(b) => b.clone(),
        }
    }

    pub fn is_negative(&self) -> bool {
        match self {
            IntValue::Small(i) => *i < 0,
            IntValue::Big(b) => b.is_negative(),
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            IntValue::Small(i) => *i == 0,
            IntValue::Big(b) => b.is_zero(),
        }
    }

    pub fn into_value(self) -> Value {
        match self {
            IntValue::Small(i) => int_from_i64(i),
            IntValue::Big(b) => int_from_bigint(b),
        }
    }
}

/// An exact int value (immediate when it fits).
#[inline(always)]
pub fn int_from_i64(i: i64) -> Value {
    match Value::try_small_int(i) {
        Some(v) => v,
        None => boxed_int_from_i64(i),
    }
}

#[cold]
#[inline(never)]
fn boxed_int_from_i64(i: i64) -> Value {
    alloc(
        types().int.clone(),
        IntData {
            value: BigInt::from(i),
        },
    )
    .into_value()
}

/// An exact int value from a BigInt (immediate when it fits).
pub fn int_from_bigint(b: BigInt) -> Value {
    if let Some(i) = b.to_i64() {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            return Value::small_int(i);
        }
    }
    alloc(types().int.clone(), IntData { value: b }).into_value()
}

pub fn int_from_u64(u: u64) -> Value {
    if u <= SMALL_INT_MAX as u64 {
        Value::small_int(u as i64)
    } else {
        int_from_bigint(BigInt::from(u))
    }
}

/// The BigInt of any int-like value (ints, bools, subclasses).
pub fn as_bigint(v: &Value) -> Option<BigInt> {
    IntValue::of(v).map(|i| i.to_bigint())
}

/// Whether `v` is an exact int or bool (no subclass instance).
#[inline]
fn is_exact_int(v: &Value) -> bool {
    v.is_small_int()
        || v.is_bool()
        || (v.layout() == Some(Layout::Int) && {
            let ty = type_of(v);
            ty.is(&types().int) || ty.is(&types().bool_)
        })
}

#[inline]
fn is_exact_float(v: &Value) -> bool {
    v.is_float_imm() || (v.layout() == Some(Layout::Float) && type_of(v).is(&types().float))
}

/// Guard against absurd allocations: results above this many bits raise MemoryError.
const MAX_RESULT_BITS: u64 = 1 << 34;

/// `BINARY_OP` fast path for two immediate ints; `None` falls back to the generic path.
#[inline(always)]
pub fn small_binary_op(a: i64, b: i64, oparg: u32) -> Option<Value> {
    let op = if (13..=25).contains(&oparg) {
        oparg - 13
    } else {
        oparg
    };
    match op {
        0 => Some(int_from_i64(a + b)),
        10 => Some(int_from_i64(a - b)),
        5 => a.checked_mul(b).map(int_from_i64),
        2 if b != 0 => Some(int_from_i64(
            a.div_euclid(b)
                - if (a.rem_euclid(b) != 0) && b < 0 {
                    1
                } else {
                    0
                },
        )),
        6 if b != 0 => Some(Value::small_int(py_mod_i64(a, b))),
        1 => Some(Value::small_int(a & b)),
        7 => Some(Value::small_int(a | b)),
        12 => Some(Value::small_int(a ^ b)),
        9 if b >= 0 => Some(Value::small_int(if b >= 64 {
            if a < 0 {
                -1
            } else {
                0
            }
        } else {
            a >> b
        })),
        3 if (0..16).contains(&b) => a
            .checked_shl(b as u32)
            .filter(|r| r >> b == a)
            .map(int_from_i64),
        11 if b != 0 => Some(
            Value::try_float_imm(a as f64 / b as f64)
                .unwrap_or_else(|| new_float(a as f64 / b as f64)),
        ),
        _ => None,
    }
}

/// Python's modulo for i64 (sign of the divisor).
#[inline]
pub fn py_mod_i64(a: i64, b: i64) -> i64 {
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// Python's floor division for i64; `None` on overflow (MIN / -1).
#[inline]
pub fn py_floordiv_i64(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// Native arithmetic for exact ints, bools and floats (any mix). `None` when either
/// operand is something else (the caller uses the dunder protocol).
pub fn numeric_binary_op(a: &Value, b: &Value, op: BinaryOperator) -> Option<PyResult<Value>> {
    let ai = is_exact_int(a);
    let bi = is_exact_int(b);
    if ai && bi {
        // bool & bool etc. keep their bool type.
        if a.is_bool() && b.is_bool() {
            let (x, y) = (a.is_true_const(), b.is_true_const());
            match op {
                BinaryOperator::And => return Some(Ok(Value::bool(x & y))),
                BinaryOperator::Or => return Some(Ok(Value::bool(x | y))),
                BinaryOperator::Xor => return Some(Ok(Value::bool(x ^ y))),
                _ => {}
            }
        }
        let x = IntValue::of(a)?;
        let y = IntValue::of(b)?;
        return Some(int_binary(&x, &y, op));
    }
    let af = is_exact_float(a);
    let bf = is_exact_float(b);
    if (af || ai) && (bf || bi) {
        let x = match to_f64_exact(a) {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        let y = match to_f64_exact(b) {
            Ok(y) => y,
            Err(e) => return Some(Err(e)),
        };
        return crate::types::float::float_binary(x, y, op).map(|r| r.map(new_float_or_complex));
    }
    None
}

fn new_float_or_complex(r: crate::types::float::FloatResult) -> Value {
    match r {
        crate::types::float::FloatResult::Float(f) => new_float(f),
        crate::types::float::FloatResult::Complex(re, im) => {
            crate::types::complex::new_complex(re, im)
        }
    }
}

/// A float from an int or float value (OverflowError for huge ints).
pub fn to_f64_exact(v: &Value) -> PyResult<f64> {
    if let Some(f) = float_value(v) {
        return Ok(f);
    }
    match IntValue::of(v) {
        Some(IntValue::Small(i)) => Ok(i as f64),
        Some(IntValue::Big(b)) => bigint_to_f64(&b),
        None => Err(PyErr::type_error("must be real number")),
    }
}

/// Correctly rounded BigInt -> f64, OverflowError when too large.
pub fn bigint_to_f64(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(PyErr::overflow_error("int too large to convert to float")),
    }
}

/// Int-by-int arithmetic.
pub fn int_binary(x: &IntValue, y: &IntValue, op: BinaryOperator) -> PyResult<Value> {
    use BinaryOperator::*;
    if let (IntValue::Small(a), IntValue::Small(b)) = (x, y) {
        let (a, b) = (*a, *b);
        let fast = match op {
            Add => a.checked_add(b).map(int_from_i64),
            Subtract => a.checked_sub(b).map(int_from_i64),
            Multiply => a.checked_mul(b).map(int_from_i64),
            And => Some(int_from_i64(a & b)),
            Or => Some(int_from_i64(a | b)),
            Xor => Some(int_from_i64(a ^ b)),
            FloorDivide if b != 0 => py_floordiv_i64(a, b).map(int_from_i64),
            Remainder if b != 0 => Some(int_from_i64(py_mod_i64(a, b))),
            _ => None,
        };
        if let Some(v) = fast {
            return Ok(v);
        }
    }
    let a = x.to_bigint();
    let b = y.to_bigint();
    match op {
        Add => Ok(int_from_bigint(a + b)),
        Subtract => Ok(int_from_bigint(a - b)),
        Multiply => {
            if a.bits() + b.bits() > MAX_RESULT_BITS {
                return Err(PyErr::memory_error(""));
            }
            Ok(int_from_bigint(a * b))
        }
        FloorDivide => {
            if b.is_zero() {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            Ok(int_from_bigint(a.div_floor(&b)))
        }
        Remainder => {
            if b.is_zero() {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            Ok(int_from_bigint(a.mod_floor(&b)))
        }
        TrueDivide => {
            if b.is_zero() {
                return Err(PyErr::zero_division("division by zero"));
            }
            int_truediv(&a, &b).map(new_float)
        }
        Power => int_pow(&a, &b),
        Lshift => {
            if b.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            if a.is_zero() {
                return Ok(Value::small_int(0));
            }
            let n = b
                .to_u64()
                .filter(|n| a.bits() + n <= MAX_RESULT_BITS)
                .ok_or_else(|| PyErr::overflow_error("too many digits in integer"))?;
            Ok(int_from_bigint(a << n))
        }
        Rshift => {
            if b.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            match b.to_u64() {
                Some(n) if n < a.bits() + 1 => Ok(int_from_bigint(a >> n)),
                _ => Ok(Value::small_int(if a.is_negative() { -1 } else { 0 })),
            }
        }
        And => Ok(int_from_bigint(a & b)),
        Or => Ok(int_from_bigint(a | b)),
        Xor => Ok(int_from_bigint(a ^ b)),
        MatrixMultiply => Err(PyErr::type_error(
            "unsupported operand type(s) for @: 'int' and 'int'",
        )),
        _ => Err(PyErr::system_error("bad int operator")),
    }
}

/// `a / b` correctly rounded for any ints (b != 0).
pub fn int_truediv(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return Ok(x as f64 / y as f64);
        }
    }
    crate::numfmt::int_truediv(a, b).map_err(crate::numfmt_err)
}

/// `a ** b` for ints.
pub fn int_pow(a: &BigInt, b: &BigInt) -> PyResult<Value> {
    if b.is_negative() {
        if a.is_zero() {
            return Err(PyErr::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        let x = bigint_to_f64(a)?;
        let y = bigint_to_f64(b)?;
        return crate::types::float::float_binary(x, y, BinaryOperator::Power)
            .unwrap_or_else(|| Err(PyErr::system_error("pow")))
            .map(new_float_or_complex);
    }
    if a.is_zero() || a.is_one() {
        return Ok(int_from_bigint(a.clone()));
    }
    if *a == BigInt::from(-1) {
        return Ok(Value::small_int(if b.is_even() { 1 } else { -1 }));
    }
    let e = b.to_u64().ok_or_else(|| PyErr::memory_error(""))?;
    if (a.bits()).saturating_mul(e) > MAX_RESULT_BITS {
        return Err(PyErr::memory_error(""));
    }
    Ok(int_from_bigint(num_traits::pow(a.clone(), e as usize)))
}

/// Unary operators on exact numbers.
pub fn numeric_unary_op(v: &Value, dunder: &str) -> Option<PyResult<Value>> {
    if is_exact_int(v) {
        let x = IntValue::of(v)?;
        return Some(Ok(match dunder {
            "__neg__" => match x {
                IntValue::Small(i) => int_from_i64(-i),
                IntValue::Big(b) => int_from_bigint(-b),
            },
            "__pos__" => x.into_value(),
            "__invert__" => match x {
                IntValue::Small(i) => int_from_i64(!i),
                IntValue::Big(b) => int_from_bigint(-(b + BigInt::from(1))),
            },
            "__abs__" => match x {
                IntValue::Small(i) => int_from_i64(i.abs()),
                IntValue::Big(b) => int_from_bigint(b.abs()),
            },
            _ => return None,
        }));
    }
    if is_exact_float(v) {
        let f = float_value(v)?;
        return Some(Ok(match dunder {
            "__neg__" => new_float(-f),
            "__pos__" => new_float(f),
            "__abs__" => new_float(f.abs()),
            _ => return None,
        }));
    }
    None
}

/// Compares an int with a float exactly (CPython semantics).
pub fn compare_int_float(i: &IntValue, f: f64) -> Option<CmpOrdering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            CmpOrdering::Less
        } else {
            CmpOrdering::Greater
        });
    }
    if let IntValue::Small(s) = i {
        if s.unsigned_abs() < (1 << 53) {
            return (*s as f64).partial_cmp(&f);
        }
    }
    let b = i.to_bigint();
    let fl = f.floor();
    let fb = num_bigint::BigInt::from(fl as i128);
    let fb = if fl.abs() < 1e38 {
        fb
    } else {
        crate::numfmt::f64_to_bigint(fl).unwrap_or(fb)
    };
    match b.cmp(&fb) {
        CmpOrdering::Equal => {
            if f > fl {
                Some(CmpOrdering::Less)
            } else {
                Some(CmpOrdering::Equal)
            }
        }
        o => Some(o),
    }
}

fn ordering_matches(o: Option<CmpOrdering>, op: ComparisonOperator) -> bool {
    match o {
        None => op == ComparisonOperator::NotEqual,
        Some(o) => crate::interp::eval::compare_ord(o, op),
    }
}

/// Native comparison of exact ints/bools/floats; `None` for other types.
pub fn numeric_compare(a: &Value, b: &Value, op: ComparisonOperator) -> Option<bool> {
    let ai = is_exact_int(a);
    let bi = is_exact_int(b);
    if ai && bi {
        let x = IntValue::of(a)?;
        let y = IntValue::of(b)?;
        let o = match (&x, &y) {
            (IntValue::Small(p), IntValue::Small(q)) => p.cmp(q),
            _ => x.to_bigint().cmp(&y.to_bigint()),
        };
        return Some(crate::interp::eval::compare_ord(o, op));
    }
    let af = is_exact_float(a);
    let bf = is_exact_float(b);
    if af && bf {
        let (x, y) = (float_value(a)?, float_value(b)?);
        return Some(crate::interp::eval::compare_f64(x, y, op));
    }
    if ai && bf {
        return Some(ordering_matches(
            compare_int_float(&IntValue::of(a)?, float_value(b)?),
            op,
        ));
    }
    if af && bi {
        let o = compare_int_float(&IntValue::of(b)?, float_value(a)?).map(|o| o.reverse());
        return Some(ordering_matches(o, op));
    }
    None
}

/// `hash()` of an int value (CPython's modular hash).
pub fn hash_int(i: &IntValue) -> i64 {
    match i {
        IntValue::Small(s) => crate::numfmt::hash_i64(*s),
        IntValue::Big(b) => crate::numfmt::hash_bigint(b),
    }
}

/// Decimal text of an int (honours the int max str digits limit).
pub fn int_to_decimal(vm: &Vm, i: &IntValue) -> PyResult<String> {
    match i {
        IntValue::Small(s) => Ok(s.to_string()),
        IntValue::Big(b) => {
            let limit = vm
                .interp
                .int_max_str_digits
                .load(std::sync::atomic::Ordering::Relaxed);
            if limit > 0 && b.bits() > 14_000 {
                let s = b.to_string();
                let digits = s.trim_start_matches('-').len();
                if digits > limit {
                    return Err(PyErr::value_error(format!(
                        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                    )));
                }
                return Ok(s);
            }
            Ok(b.to_string())
        }
    }
}

// ----- construction -----

pub fn int_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    for (k, _) in args.kwargs() {
        if k != "base" {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for int()"
            )));
        }
    }
    let [x, base] = args.bind_with("int", ["x", "base"], 0, 1, 2)?;
    let value = match (x, base) {
        (None, None) => IntValue::Small(0),
        (None, Some(_)) => return Err(PyErr::type_error("int() missing string argument")),
        (Some(x), None) => int_from_object(vm, x)?,
        (Some(x), Some(base)) => {
            let b = vm.to_i64(base)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(PyErr::value_error(
                    "int() base must be >= 2 and <= 36, or 0",
                ));
            }
            int_from_text(vm, x, b as u32)?
        }
    };
    if cls.is(&types().int) {
        return Ok(value.into_value());
    }
    Ok(alloc_instance(
        cls,
        IntData {
            value: value.to_bigint(),
        },
    ))
}

/// Parses a str/bytes/bytearray argument of `int()` in `base`.
fn int_from_text(vm: &mut Vm, x: &Value, base: u32) -> PyResult<IntValue> {
    let text: String = if let Some(s) = x.downcast::<StrData>() {
        s.data.as_str().to_string()
    } else if let Some(b) = crate::types::bytes::bytes_like(x) {
        String::from_utf8_lossy(&b).into_owned()
    } else {
        return Err(PyErr::type_error(
            "int() can't convert non-string with explicit base",
        ));
    };
    let limit = vm
        .interp
        .int_max_str_digits
        .load(std::sync::atomic::Ordering::Relaxed);
    match crate::numfmt::parse_int_with_limit(&text, base, limit) {
        Ok(b) => Ok(match b.to_i64() {
            Some(i) => IntValue::Small(i),
            None => IntValue::Big(b),
        }),
        Err(e) => {
            let msg = match x.downcast::<StrData>() {
                Some(_) => e.message_for_str(&text, base),
                None => e.message_for_bytes(
                    &crate::types::bytes::bytes_like(x).unwrap_or_default(),
                    base,
                ),
            };
            Err(PyErr::value_error(msg))
        }
    }
}

/// `int(x)` for one argument.
pub fn int_from_object(vm: &mut Vm, x: &Value) -> PyResult<IntValue> {
    if let Some(i) = IntValue::of(x) {
        if is_exact_int(x) {
            return Ok(i);
        }
    }
    if let Some(f) = float_value(x) {
        if is_exact_float(x) {
            return f64_to_int(f);
        }
    }
    if x.downcast::<StrData>().is_some() || crate::types::bytes::bytes_like(x).is_some() {
        return int_from_text(vm, x, 10);
    }
    let n = crate::intern::names();
    for name in [&n.__int__, &n.__index__] {
        if let Some(r) = vm.call_special(x, name, &[])? {
            return IntValue::of(&r).ok_or_else(|| {
                PyErr::type_error(format!(
                    "{} returned non-int (type {})",
                    crate::interp::eval::name_str(name),
                    type_of(&r).name()
                ))
            });
        }
    }
    if let Some(r) = vm.call_special(x, &n.__trunc__, &[])? {
        return match IntValue::of(&r) {
            Some(i) => Ok(i),
            None => int_from_object(vm, &r),
        };
    }
    Err(PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_of(x).name()
    )))
}

/// Truncates a float to an int (errors for inf/nan).
pub fn f64_to_int(f: f64) -> PyResult<IntValue> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(IntValue::Small(t as i64));
    }
    Ok(IntValue::Big(
        crate::numfmt::f64_to_bigint(t).map_err(crate::numfmt_err)?,
    ))
}

pub fn bool_new(vm: &mut Vm, _cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    args.no_kwargs("bool")?;
    let pos = args.range("bool", 0, 1)?;
    match pos.first() {
        None => Ok(Value::FALSE),
        Some(v) => Ok(Value::bool(vm.is_true(v)?)),
    }
}

// ----- dunder methods -----

fn this_int(v: &Value) -> PyResult<IntValue> {
    IntValue::of(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires an 'int' object but received '{}'",
            type_of(v).name()
        ))
    })
}

fn binary_dunder(this: &Value, args: Args, op: BinaryOperator, reflected: bool) -> PyResult<Value> {
    let [other] = args.exact::<1>("int op")?;
    let x = this_int(this)?;
    let Some(y) = IntValue::of(other) else {
        return Ok(not_implemented());
    };
    if reflected {
        int_binary(&y, &x, op)
    } else {
        int_binary(&x, &y, op)
    }
}

macro_rules! int_binops {
    ($($name:ident, $rname:ident => $op:ident, $fwd:literal, $refl:literal;)*) => {
        $(
            fn $name(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
                binary_dunder(this, args, BinaryOperator::$op, false)
            }
            fn $rname(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
                binary_dunder(this, args, BinaryOperator::$op, true)
            }
        )*
        const INT_BINOPS: &[MethodDef] = &[
            $(MethodDef::method($fwd, $name), MethodDef::method($refl, $rname),)*
        ];
    };
}

int_binops! {
    int_add, int_radd => Add, "__add__", "__radd__";
    int_sub, int_rsub => Subtract, "__sub__", "__rsub__";
    int_mul, int_rmul => Multiply, "__mul__", "__rmul__";
    int_floordiv, int_rfloordiv => FloorDivide, "__floordiv__", "__rfloordiv__";
    int_mod, int_rmod => Remainder, "__mod__", "__rmod__";
    int_truediv_m, int_rtruediv => TrueDivide, "__truediv__", "__rtruediv__";
    int_lshift, int_rlshift => Lshift, "__lshift__", "__rlshift__";
    int_rshift, int_rrshift => Rshift, "__rshift__", "__rrshift__";
    int_and, int_rand => And, "__and__", "__rand__";
    int_or, int_ror => Or, "__or__", "__ror__";
    int_xor, int_rxor => Xor, "__xor__", "__rxor__";
}

fn int_pow_m(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__pow__", 1, 2)?;
    let x = this_int(this)?;
    let Some(y) = IntValue::of(&pos[0]) else {
        return Ok(not_implemented());
    };
    match pos.get(1) {
        Some(m) if !m.is_none() => {
            let Some(m) = IntValue::of(m) else {
                return Ok(not_implemented());
            };
            int_pow_mod(vm, &x, &y, &m)
        }
        _ => int_binary(&x, &y, BinaryOperator::Power),
    }
}

fn int_rpow(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__rpow__", 1, 2)?;
    let x = this_int(this)?;
    let Some(y) = IntValue::of(&pos[0]) else {
        return Ok(not_implemented());
    };
    int_binary(&y, &x, BinaryOperator::Power)
}

/// `pow(x, y, m)` for ints.
pub fn int_pow_mod(_vm: &mut Vm, x: &IntValue, y: &IntValue, m: &IntValue) -> PyResult<Value> {
    let m = m.to_bigint();
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let mut base = x.to_bigint();
    let mut e = y.to_bigint();
    if e.is_negative() {
        let inv = crate::numfmt::int_mod_inverse(&base, &m)
            .ok_or_else(|| PyErr::value_error("base is not invertible for the given modulus"))?;
        base = inv;
        e = -e;
    }
    let mabs = m.abs();
    let mut r = base.mod_floor(&mabs).modpow(&e, &mabs);
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    Ok(int_from_bigint(r))
}

fn int_divmod(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__divmod__")?;
    let x = this_int(this)?;
    let Some(y) = IntValue::of(other) else {
        return Ok(not_implemented());
    };
    divmod_ints(&x, &y)
}

fn int_rdivmod(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__rdivmod__")?;
    let x = this_int(this)?;
    let Some(y) = IntValue::of(other) else {
        return Ok(not_implemented());
    };
    divmod_ints(&y, &x)
}

pub fn divmod_ints(x: &IntValue, y: &IntValue) -> PyResult<Value> {
    if y.is_zero() {
        return Err(PyErr::zero_division("integer division or modulo by zero"));
    }
    let q = int_binary(x, y, BinaryOperator::FloorDivide)?;
    let r = int_binary(x, y, BinaryOperator::Remainder)?;
    Ok(crate::types::tuple::new_tuple(vec![q, r]))
}

fn int_neg(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(match this_int(this)? {
        IntValue::Small(i) => int_from_i64(-i),
        IntValue::Big(b) => int_from_bigint(-b),
    })
}
fn int_pos(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(this_int(this)?.into_value())
}
fn int_abs(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(int_from_bigint(this_int(this)?.to_bigint().abs()))
}
fn int_invert(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(int_from_bigint(
        -(this_int(this)?.to_bigint() + BigInt::from(1)),
    ))
}
fn int_bool(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::bool(!this_int(this)?.is_zero()))
}
fn int_int(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(this_int(this)?.into_value())
}
fn int_float(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(new_float(match this_int(this)? {
        IntValue::Small(i) => i as f64,
        IntValue::Big(b) => bigint_to_f64(&b)?,
    }))
}
fn int_hash(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(int_from_i64(hash_int(&this_int(this)?)))
}

pub fn int_repr_value(vm: &Vm, v: &Value) -> PyResult<Value> {
    if let Some(b) = v.as_bool() {
        return Ok(crate::intern::intern(if b { "True" } else { "False" }));
    }
    let i = this_int(v)?;
    Ok(crate::types::str::new_str(int_to_decimal(vm, &i)?))
}

fn int_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    int_repr_value(vm, this)
}

fn int_format(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [spec] = args.exact::<1>("__format__")?;
    let spec_s = spec
        .downcast::<StrData>()
        .ok_or_else(|| PyErr::type_error("format spec must be a str"))?;
    let i = this_int(this)?;
    if spec_s.data.as_str().is_empty() {
        return vm.str(this);
    }
    let tn = type_of(this).name();
    let parsed =
        crate::numfmt::parse_format_spec(spec_s.data.as_str(), &tn).map_err(crate::numfmt_err)?;
    // A bool with a non-empty spec formats as its int value (int.__format__).
    let limit = vm
        .interp
        .int_max_str_digits
        .load(std::sync::atomic::Ordering::Relaxed);
    let s = crate::numfmt::format_int_for(&i.to_bigint(), &parsed, &tn, limit)
        .map_err(crate::numfmt_err)?;
    Ok(crate::types::str::new_str(s))
}

fn int_round(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__round__", 0, 1)?;
    let x = this_int(this)?;
    match pos.first() {
        None => Ok(x.into_value()),
        Some(n) if n.is_none() => Ok(x.into_value()),
        Some(n) => {
            let nd = IntValue::of(n).ok_or_else(|| {
                PyErr::type_error("'float' object cannot be interpreted as an integer")
            })?;
            let nd = nd.saturating_i64();
            if nd >= 0 {
                return Ok(x.into_value());
            }
            Ok(int_from_bigint(crate::numfmt::round_int(
                &x.to_bigint(),
                nd,
            )))
        }
    }
}

fn int_trunc(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(this_int(this)?.into_value())
}

fn int_bit_length(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(int_from_u64(this_int(this)?.to_bigint().bits()))
}

fn int_bit_count(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let b = this_int(this)?.to_bigint();
    let (_, digits) = b.to_u64_digits();
    Ok(int_from_u64(
        digits.iter().map(|d| d.count_ones() as u64).sum(),
    ))
}

fn int_conjugate(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(this_int(this)?.into_value())
}

fn int_as_integer_ratio(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::tuple::new_tuple(vec![
        this_int(this)?.into_value(),
        Value::small_int(1),
    ]))
}

fn int_is_integer(_vm: &mut Vm, _this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::TRUE)
}

fn int_to_bytes(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [length, byteorder, signed] =
        args.bind_with("to_bytes", ["length", "byteorder", "signed"], 0, 0, 2)?;
    let length = match length {
        Some(l) => vm.to_i64(l)?,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let big = byteorder_is_big(vm, byteorder)?;
    let signed = match signed {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let b = crate::numfmt::int_to_bytes(&this_int(this)?.to_bigint(), length as usize, big, signed)
        .map_err(crate::numfmt_err)?;
    Ok(crate::types::bytes::new_bytes(b))
}

fn byteorder_is_big(vm: &mut Vm, byteorder: Option<&Value>) -> PyResult<bool> {
    match byteorder {
        None => Ok(true),
        Some(o) => match vm.str_string(o)?.as_str() {
            "big" => Ok(true),
            "little" => Ok(false),
            _ => Err(PyErr::value_error(
                "byteorder must be either 'little' or 'big'",
            )),
        },
    }
}

fn int_from_bytes(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [bytes, byteorder, signed] =
        args.bind_with("from_bytes", ["bytes", "byteorder", "signed"], 1, 0, 2)?;
    let data = match crate::types::bytes::bytes_like(bytes.expect("required")) {
        Some(b) => b,
        None => {
            let items = vm.collect(bytes.expect("required"))?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let i = vm.to_i64(&it)?;
                if !(0..=255).contains(&i) {
                    return Err(PyErr::value_error("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            out
        }
    };
    let big = byteorder_is_big(vm, byteorder)?;
    let signed = match signed {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let v = int_from_bigint(crate::numfmt::int_from_bytes(&data, big, signed));
    if this.is_type(&types().int) {
        return Ok(v);
    }
    vm.call(this, &[v])
}

fn int_index(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(this_int(this)?.into_value())
}

fn int_getnewargs(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::tuple::new_tuple(vec![
        this_int(this)?.into_value()
    ]))
}

fn int_sizeof(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let b = this_int(this)?.to_bigint();
    Ok(int_from_u64(24 + 4 * b.bits().div_ceil(30).max(1)))
}

fn get_real(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(this_int(this)?.into_value())
}
fn get_imag(_vm: &mut Vm, _this: &Value) -> PyResult<Value> {
    Ok(Value::small_int(0))
}
fn get_numerator(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(this_int(this)?.into_value())
}
fn get_denominator(_vm: &mut Vm, _this: &Value) -> PyResult<Value> {
    Ok(Value::small_int(1))
}

fn cmp_dunder(this: &Value, args: Args, op: ComparisonOperator) -> PyResult<Value> {
    let [other] = args.exact::<1>("comparison")?;
    let x = this_int(this)?;
    if let Some(y) = IntValue::of(other) {
        let o = x.to_bigint().cmp(&y.to_bigint());
        return Ok(Value::bool(crate::interp::eval::compare_ord(o, op)));
    }
    if let Some(f) = float_value(other) {
        return Ok(Value::bool(ordering_matches(compare_int_float(&x, f), op)));
    }
    Ok(not_implemented())
}

fn int_eq(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp_dunder(this, args, ComparisonOperator::Equal)
}
fn int_ne(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp_dunder(this, args, ComparisonOperator::NotEqual)
}
fn int_lt(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp_dunder(this, args, ComparisonOperator::Less)
}
fn int_le(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp_dunder(this, args, ComparisonOperator::LessEqual)
}
fn int_gt(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp_dunder(this, args, ComparisonOperator::Greater)
}
fn int_ge(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp_dunder(this, args, ComparisonOperator::GreaterEqual)
}

fn bool_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::intern::intern(if this.is_true_const() {
        "True"
    } else {
        "False"
    }))
}

fn bool_logic(this: &Value, args: Args, op: BinaryOperator, reflected: bool) -> PyResult<Value> {
    let [other] = args.exact::<1>("bool op")?;
    if let (Some(a), Some(b)) = (this.as_bool(), other.as_bool()) {
        return Ok(Value::bool(match op {
            BinaryOperator::And => a & b,
            BinaryOperator::Or => a | b,
            _ => a ^ b,
        }));
    }
    let x = this_int(this)?;
    let Some(y) = IntValue::of(other) else {
        return Ok(not_implemented());
    };
    if reflected {
        int_binary(&y, &x, op)
    } else {
        int_binary(&x, &y, op)
    }
}

fn bool_and(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    bool_logic(this, args, BinaryOperator::And, false)
}
fn bool_or(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    bool_logic(this, args, BinaryOperator::Or, false)
}
fn bool_xor(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    bool_logic(this, args, BinaryOperator::Xor, false)
}
fn bool_rand(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    bool_logic(this, args, BinaryOperator::And, true)
}
fn bool_ror(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    bool_logic(this, args, BinaryOperator::Or, true)
}
fn bool_rxor(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    bool_logic(this, args, BinaryOperator::Xor, true)
}

pub fn init(t: &BuiltinTypes) {
    let mut defs: Vec<MethodDef> = INT_BINOPS.to_vec();
    defs.extend_from_slice(&[
        MethodDef::method("__pow__", int_pow_m),
        MethodDef::method("__rpow__", int_rpow),
        MethodDef::method("__divmod__", int_divmod),
        MethodDef::method("__rdivmod__", int_rdivmod),
        MethodDef::method("__neg__", int_neg),
        MethodDef::method("__pos__", int_pos),
        MethodDef::method("__abs__", int_abs),
        MethodDef::method("__invert__", int_invert),
        MethodDef::method("__bool__", int_bool),
        MethodDef::method("__int__", int_int),
        MethodDef::method("__index__", int_index),
        MethodDef::method("__float__", int_float),
        MethodDef::method("__hash__", int_hash),
        MethodDef::method("__repr__", int_repr),
        MethodDef::method("__format__", int_format),
        MethodDef::method("__round__", int_round),
        MethodDef::method("__trunc__", int_trunc),
        MethodDef::method("__floor__", int_trunc),
        MethodDef::method("__ceil__", int_trunc),
        MethodDef::method("__eq__", int_eq),
        MethodDef::method("__ne__", int_ne),
        MethodDef::method("__lt__", int_lt),
        MethodDef::method("__le__", int_le),
        MethodDef::method("__gt__", int_gt),
        MethodDef::method("__ge__", int_ge),
        MethodDef::method("__getnewargs__", int_getnewargs),
        MethodDef::method("__sizeof__", int_sizeof),
        MethodDef::method("bit_length", int_bit_length),
        MethodDef::method("bit_count", int_bit_count),
        MethodDef::method("conjugate", int_conjugate),
        MethodDef::method("as_integer_ratio", int_as_integer_ratio),
        MethodDef::method("is_integer", int_is_integer),
        MethodDef::method("to_bytes", int_to_bytes),
        MethodDef::classmethod("from_bytes", int_from_bytes),
    ]);
    add_methods(&t.int, &defs);
    add_getsets(
        &t.int,
        &[
            GetSetDef::new("real", get_real),
            GetSetDef::new("imag", get_imag),
            GetSetDef::new("numerator", get_numerator),
            GetSetDef::new("denominator", get_denominator),
        ],
    );
    add_methods(
        &t.bool_,
        &[
            MethodDef::method("__repr__", bool_repr),
            MethodDef::method("__and__", bool_and),
            MethodDef::method("__or__", bool_or),
            MethodDef::method("__xor__", bool_xor),
            MethodDef::method("__rand__", bool_rand),
            MethodDef::method("__ror__", bool_ror),
            MethodDef::method("__rxor__", bool_rxor),
        ],
    );
}
