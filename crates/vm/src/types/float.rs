//! `float`: immediate `f64`s, boxed only for reserved NaN patterns and subclass instances.

use krait_bytecode::{BinaryOperator, ComparisonOperator};

use crate::object::{alloc, Layout, Obj};
use crate::types::int::{compare_int_float, IntValue};
use crate::types::object::not_implemented;
use crate::types::str::StrData;
use crate::types::typeobj::TypeData;
use crate::types::{
    add_getsets, add_methods, alloc_instance, type_of, types, BuiltinTypes, GetSetDef, MethodDef,
};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct FloatData {
    pub value: f64,
}

/// An exact float value (immediate unless its bit pattern is reserved).
#[inline(always)]
pub fn new_float(f: f64) -> Value {
    match Value::try_float_imm(f) {
        Some(v) => v,
        None => alloc(types().float.clone(), FloatData { value: f }).into_value(),
    }
}

/// The f64 of a float value (immediate, boxed, or subclass instance).
#[inline(always)]
pub fn float_value(v: &Value) -> Option<f64> {
    if let Some(f) = v.as_float_imm() {
        return Some(f);
    }
    if v.layout() == Some(Layout::Float) {
        return v.downcast::<FloatData>().map(|d| d.data.value);
    }
    None
}

/// The result of float arithmetic: usually a float; `**` of a negative base with a
/// fractional exponent gives a complex.
pub enum FloatResult {
    Float(f64),
    Complex(f64, f64),
}

/// A float immediate and a small int as two `f64`s (a 48-bit int converts exactly), for
/// the mixed-operand arithmetic fast path.
#[inline(always)]
pub fn mixed_imm(a: &Value, b: &Value) -> Option<(f64, f64)> {
    if a.is_float_imm() && b.is_small_int() {
        Some((a.float_imm_unchecked(), b.small_int_unchecked() as f64))
    } else if a.is_small_int() && b.is_float_imm() {
        Some((a.small_int_unchecked() as f64, b.float_imm_unchecked()))
    } else {
        None
    }
}

/// `BINARY_OP` fast path for two immediate floats.
#[inline(always)]
pub fn imm_binary_op(a: f64, b: f64, oparg: u32) -> Option<Value> {
    let op = if (13..=25).contains(&oparg) {
        oparg - 13
    } else {
        oparg
    };
    let r = match op {
        0 => a + b,
        10 => a - b,
        5 => a * b,
        11 if b != 0.0 => a / b,
        _ => return None,
    };
    Some(new_float(r))
}

/// Float arithmetic with Python semantics; `None` for operators floats don't support.
pub fn float_binary(a: f64, b: f64, op: BinaryOperator) -> Option<PyResult<FloatResult>> {
    use BinaryOperator::*;
    let r = match op {
        Add => a + b,
        Subtract => a - b,
        Multiply => a * b,
        TrueDivide => {
            if b == 0.0 {
                return Some(Err(PyErr::zero_division("float division by zero")));
            }
            a / b
        }
        FloorDivide => {
            if b == 0.0 {
                return Some(Err(PyErr::zero_division("float floor division by zero")));
            }
            float_floordiv(a, b)
        }
        Remainder => {
            if b == 0.0 {
                return Some(Err(PyErr::zero_division("float modulo")));
            }
            float_mod(a, b)
        }
        Power => return Some(float_pow(a, b)),
        _ => return None,
    };
    Some(Ok(FloatResult::Float(r)))
}

/// Python's float modulo (result has the sign of the divisor).
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

/// Python's float floor division.
pub fn float_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let floordiv = div.floor();
        if div - floordiv > 0.5 {
            floordiv + 1.0
        } else {
            floordiv
        }
    } else {
        0.0f64.copysign(a / b)
    }
}

/// `a ** b` for floats (CPython's special cases).
pub fn float_pow(a: f64, b: f64) -> PyResult<FloatResult> {
    if b == 0.0 {
        return Ok(FloatResult::Float(1.0));
    }
    if a.is_nan() {
        return Ok(FloatResult::Float(if b == 0.0 { 1.0 } else { a }));
    }
    if b.is_nan() {
        return Ok(FloatResult::Float(if a == 1.0 { 1.0 } else { b }));
    }
    if a == 0.0 && b < 0.0 && b.is_finite() {
        return Err(PyErr::zero_division(
            "0.0 cannot be raised to a negative power",
        ));
    }
    if a < 0.0 && b.is_finite() && b.fract() != 0.0 {
        // A complex result: (-x)**y = x**y * (cos(pi*y) + i sin(pi*y)).
        let m = (-a).powf(b);
        let angle = std::f64::consts::PI * b;
        return Ok(FloatResult::Complex(m * angle.cos(), m * angle.sin()));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(PyErr::overflow_error(
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(FloatResult::Float(r))
}

pub fn float_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    args.no_kwargs("float")?;
    let pos = args.range("float", 0, 1)?;
    let f = match pos.first() {
        None => 0.0,
        Some(x) => float_from_object(vm, x)?,
    };
    if cls.is(&types().float) {
        return Ok(new_float(f));
    }
    Ok(alloc_instance(cls, FloatData { value: f }))
}

/// `float(x)`.
pub fn float_from_object(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    if let Some(f) = float_value(x) {
        if type_of(x).is(&types().float) {
            return Ok(f);
        }
    }
    if let Some(s) = x.downcast::<StrData>() {
        return parse_float_text(s.data.as_str(), x, vm);
    }
    if let Some(b) = crate::types::bytes::bytes_like(x) {
        let text = String::from_utf8_lossy(&b).into_owned();
        return parse_float_text(&text, x, vm);
    }
    let n = crate::intern::names();
    if let Some(r) = vm.call_special(x, &n.__float__, &[])? {
        return float_value(&r).ok_or_else(|| {
            PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                type_of(x).name(),
                type_of(&r).name()
            ))
        });
    }
    if let Some(i) = IntValue::of(x) {
        return crate::types::int::to_f64_exact(&i.into_value());
    }
    if let Some(r) = vm.call_special(x, &n.__index__, &[])? {
        return crate::types::int::to_f64_exact(&r);
    }
    Err(PyErr::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        type_of(x).name()
    )))
}

fn parse_float_text(text: &str, original: &Value, vm: &mut Vm) -> PyResult<f64> {
    match crate::numfmt::parse_float(text) {
        Ok(f) => Ok(f),
        Err(_) => {
            let r = vm.repr_string(original)?;
            Err(PyErr::value_error(format!(
                "could not convert string to float: {r}"
            )))
        }
    }
}

fn this_float(v: &Value) -> PyResult<f64> {
    float_value(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'float' object but received '{}'",
            type_of(v).name()
        ))
    })
}

/// The other operand of a float dunder as f64 (floats and ints), or None.
fn other_f64(v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = float_value(v) {
        return Ok(Some(f));
    }
    match IntValue::of(v) {
        Some(IntValue::Small(i)) => Ok(Some(i as f64)),
        Some(IntValue::Big(b)) => crate::types::int::bigint_to_f64(&b).map(Some),
        None => Ok(None),
    }
}

fn binary_dunder(this: &Value, args: Args, op: BinaryOperator, reflected: bool) -> PyResult<Value> {
    let [other] = args.exact::<1>("float op")?;
    let x = this_float(this)?;
    let Some(y) = other_f64(other)? else {
        return Ok(not_implemented());
    };
    let (a, b) = if reflected { (y, x) } else { (x, y) };
    match float_binary(a, b, op) {
        Some(Ok(FloatResult::Float(f))) => Ok(new_float(f)),
        Some(Ok(FloatResult::Complex(re, im))) => Ok(crate::types::complex::new_complex(re, im)),
        Some(Err(e)) => Err(e),
        None => Ok(not_implemented()),
    }
}

macro_rules! float_binops {
    ($($name:ident, $rname:ident => $op:ident, $fwd:literal, $refl:literal;)*) => {
        $(
            fn $name(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
                binary_dunder(this, args, BinaryOperator::$op, false)
            }
            fn $rname(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
                binary_dunder(this, args, BinaryOperator::$op, true)
            }
        )*
        const FLOAT_BINOPS: &[MethodDef] = &[
            $(MethodDef::method($fwd, $name), MethodDef::method($refl, $rname),)*
        ];
    };
}

float_binops! {
    float_add, float_radd => Add, "__add__", "__radd__";
    float_sub, float_rsub => Subtract, "__sub__", "__rsub__";
    float_mul, float_rmul => Multiply, "__mul__", "__rmul__";
    float_truediv, float_rtruediv => TrueDivide, "__truediv__", "__rtruediv__";
    float_floordiv_m, float_rfloordiv => FloorDivide, "__floordiv__", "__rfloordiv__";
    float_mod_m, float_rmod => Remainder, "__mod__", "__rmod__";
}

fn float_pow_m(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__pow__", 1, 2)?;
    if pos.get(1).is_some_and(|m| !m.is_none()) {
        return Err(PyErr::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    binary_dunder(this, Args::new(&pos[..1]), BinaryOperator::Power, false)
}
fn float_rpow(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__rpow__", 1, 2)?;
    binary_dunder(this, Args::new(&pos[..1]), BinaryOperator::Power, true)
}

fn divmod_f(a: f64, b: f64) -> PyResult<Value> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float divmod()"));
    }
    Ok(crate::types::tuple::new_tuple(vec![
        new_float(float_floordiv(a, b)),
        new_float(float_mod(a, b)),
    ]))
}

fn float_divmod(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__divmod__")?;
    let x = this_float(this)?;
    let Some(y) = other_f64(other)? else {
        return Ok(not_implemented());
    };
    divmod_f(x, y)
}
fn float_rdivmod(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__rdivmod__")?;
    let x = this_float(this)?;
    let Some(y) = other_f64(other)? else {
        return Ok(not_implemented());
    };
    divmod_f(y, x)
}

fn float_neg(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(new_float(-this_float(this)?))
}
fn float_pos(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(new_float(this_float(this)?))
}
fn float_abs(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(new_float(this_float(this)?.abs()))
}
fn float_bool(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::bool(this_float(this)? != 0.0))
}
fn float_int(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::int::f64_to_int(this_float(this)?)?.into_value())
}
fn float_float(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(new_float(this_float(this)?))
}
fn float_hash(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let id = this
        .as_header()
        .map(|h| h as *const _ as usize)
        .unwrap_or(this.bits() as usize);
    Ok(crate::types::int::int_from_i64(crate::numfmt::hash_f64(
        this_float(this)?,
        id,
    )))
}
fn float_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::str::new_str(crate::numfmt::float_repr(
        this_float(this)?,
    )))
}
fn float_format(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [spec] = args.exact::<1>("__format__")?;
    let spec_s = spec
        .downcast::<StrData>()
        .ok_or_else(|| PyErr::type_error("format spec must be a str"))?;
    let x = this_float(this)?;
    if spec_s.data.as_str().is_empty() {
        return Ok(crate::types::str::new_str(crate::numfmt::float_repr(x)));
    }
    let tn = type_of(this).name();
    let parsed =
        crate::numfmt::parse_format_spec(spec_s.data.as_str(), &tn).map_err(crate::numfmt_err)?;
    let s = crate::numfmt::format_float_for(x, &parsed, &tn).map_err(crate::numfmt_err)?;
    Ok(crate::types::str::new_str(s))
}
fn float_round(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__round__", 0, 1)?;
    let x = this_float(this)?;
    match pos.first() {
        None => Ok(crate::types::int::f64_to_int(round_half_even(x))?.into_value()),
        Some(n) if n.is_none() => {
            Ok(crate::types::int::f64_to_int(round_half_even(x))?.into_value())
        }
        Some(n) => {
            let nd = IntValue::of(n).ok_or_else(|| {
                PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_of(n).name()
                ))
            })?;
            Ok(new_float(
                crate::numfmt::round_f64_ndigits(x, nd.saturating_i64())
                    .map_err(crate::numfmt_err)?,
            ))
        }
    }
}

/// Round half to even, as `round(x)`.
pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

fn float_trunc(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::int::f64_to_int(this_float(this)?)?.into_value())
}
fn float_floor(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::int::f64_to_int(this_float(this)?.floor())?.into_value())
}
fn float_ceil(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::int::f64_to_int(this_float(this)?.ceil())?.into_value())
}
fn float_is_integer(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let x = this_float(this)?;
    Ok(Value::bool(x.is_finite() && x.fract() == 0.0))
}
fn float_as_integer_ratio(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let (n, d) =
        crate::numfmt::float_as_integer_ratio(this_float(this)?).map_err(crate::numfmt_err)?;
    Ok(crate::types::tuple::new_tuple(vec![
        crate::types::int::int_from_bigint(n),
        crate::types::int::int_from_bigint(d),
    ]))
}
fn float_hex(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::str::new_str(crate::numfmt::float_hex(
        this_float(this)?,
    )))
}
fn float_fromhex(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [s] = args.exact::<1>("fromhex")?;
    let text = vm.str_string(s)?;
    let f = crate::numfmt::float_fromhex(&text).map_err(crate::numfmt_err)?;
    if this.is_type(&types().float) {
        return Ok(new_float(f));
    }
    vm.call(this, &[new_float(f)])
}
fn float_conjugate(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(new_float(this_float(this)?))
}
fn float_getnewargs(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(crate::types::tuple::new_tuple(vec![new_float(this_float(
        this,
    )?)]))
}
fn get_real(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(new_float(this_float(this)?))
}
fn get_imag(_vm: &mut Vm, _this: &Value) -> PyResult<Value> {
    Ok(new_float(0.0))
}

fn cmp_dunder(this: &Value, args: Args, op: ComparisonOperator) -> PyResult<Value> {
    let [other] = args.exact::<1>("comparison")?;
    let x = this_float(this)?;
    if let Some(y) = float_value(other) {
        return Ok(Value::bool(crate::interp::eval::compare_f64(x, y, op)));
    }
    if let Some(i) = IntValue::of(other) {
        let o = compare_int_float(&i, x).map(|o| o.reverse());
        return Ok(Value::bool(match o {
            None => op == ComparisonOperator::NotEqual,
            Some(o) => crate::interp::eval::compare_ord(o, op),
        }));
    }
    Ok(not_implemented())
}

fn float_eq(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp_dunder(this, args, ComparisonOperator::Equal)
}
fn float_ne(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp_dunder(this, args, ComparisonOperator::NotEqual)
}
fn float_lt(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp_dunder(this, args, ComparisonOperator::Less)
}
fn float_le(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp_dunder(this, args, ComparisonOperator::LessEqual)
}
fn float_gt(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp_dunder(this, args, ComparisonOperator::Greater)
}
fn float_ge(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    cmp_dunder(this, args, ComparisonOperator::GreaterEqual)
}

pub fn init(t: &BuiltinTypes) {
    let mut defs: Vec<MethodDef> = FLOAT_BINOPS.to_vec();
    defs.extend_from_slice(&[
        MethodDef::method("__pow__", float_pow_m),
        MethodDef::method("__rpow__", float_rpow),
        MethodDef::method("__divmod__", float_divmod),
        MethodDef::method("__rdivmod__", float_rdivmod),
        MethodDef::method("__neg__", float_neg),
        MethodDef::method("__pos__", float_pos),
        MethodDef::method("__abs__", float_abs),
        MethodDef::method("__bool__", float_bool),
        MethodDef::method("__int__", float_int),
        MethodDef::method("__float__", float_float),
        MethodDef::method("__hash__", float_hash),
        MethodDef::method("__repr__", float_repr),
        MethodDef::method("__format__", float_format),
        MethodDef::method("__round__", float_round),
        MethodDef::method("__trunc__", float_trunc),
        MethodDef::method("__floor__", float_floor),
        MethodDef::method("__ceil__", float_ceil),
        MethodDef::method("__eq__", float_eq),
        MethodDef::method("__ne__", float_ne),
        MethodDef::method("__lt__", float_lt),
        MethodDef::method("__le__", float_le),
        MethodDef::method("__gt__", float_gt),
        MethodDef::method("__ge__", float_ge),
        MethodDef::method("__getnewargs__", float_getnewargs),
        MethodDef::method("is_integer", float_is_integer),
        MethodDef::method("as_integer_ratio", float_as_integer_ratio),
        MethodDef::method("hex", float_hex),
        MethodDef::classmethod("fromhex", float_fromhex),
        MethodDef::method("conjugate", float_conjugate),
    ]);
    add_methods(&t.float, &defs);
    add_getsets(
        &t.float,
        &[
            GetSetDef::new("real", get_real),
            GetSetDef::new("imag", get_imag),
        ],
    );
}
