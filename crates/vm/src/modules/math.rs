//! The `math` module, with CPython 3.11's functions, special cases and error messages.
//!
//! Argument conversion follows `PyFloat_AsDouble` (floats, ints, `__float__`, `__index__`);
//! a NaN result from a non-NaN argument is `ValueError("math domain error")` and an infinite
//! result from finite arguments is `OverflowError("math range error")` (or a domain error for
//! singularities such as `log1p(-1)`). The integer algorithms and the extended-precision float
//! helpers live in [`crate::numfmt`]; gamma/lgamma use a Lanczos approximation so their
//! results match CPython's to the last bit.

use krait_bytecode::BinaryOperator;
use num_bigint::BigInt;

use crate::intern::{intern, names};
use crate::numfmt::{self, LogKind};
use crate::types::float::{float_value, new_float};
use crate::types::int::{f64_to_int, int_from_bigint, int_from_i64, to_f64_exact, IntValue};
use crate::types::module::ModuleData;
use crate::types::tuple::new_tuple;
use crate::types::{type_name, type_of};
use crate::value::Value;
use crate::{numfmt_err, Args, PyErr, PyResult, Vm};

const DOMAIN: &str = "math domain error";
const RANGE: &str = "math range error";

fn domain_error() -> PyErr {
    PyErr::value_error(DOMAIN)
}

fn range_error() -> PyErr {
    PyErr::overflow_error(RANGE)
}

// Functions of the C library that Rust's std either lacks (erf, erfc) or computes with its own
// formulas (the inverse hyperbolic functions); CPython calls the C library's, so we do too,
// for results identical to the last bit.
extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn asinh(x: f64) -> f64;
    fn acosh(x: f64) -> f64;
    fn atanh(x: f64) -> f64;
}

fn c_erf(x: f64) -> f64 {
    // SAFETY: a pure C math function on a plain double.
    unsafe { erf(x) }
}
fn c_erfc(x: f64) -> f64 {
    // SAFETY: a pure C math function on a plain double.
    unsafe { erfc(x) }
}
fn c_asinh(x: f64) -> f64 {
    // SAFETY: a pure C math function on a plain double.
    unsafe { asinh(x) }
}
fn c_acosh(x: f64) -> f64 {
    // SAFETY: a pure C math function on a plain double.
    unsafe { acosh(x) }
}
/// `cbrt` of the C math library. Rust's runtime links its own `cbrt` into the program (with
/// different rounding), so the C library's is looked up dynamically; std's is the fallback.
fn c_cbrt(x: f64) -> f64 {
    type F = extern "C" fn(f64) -> f64;
    static CBRT: std::sync::OnceLock<Option<F>> = std::sync::OnceLock::new();
    let f = CBRT.get_or_init(|| {
        // SAFETY: dlopen/dlsym with NUL-terminated names; a `cbrt` found in libm has the C
        // signature `double cbrt(double)`, which is `F`. The library is never closed.
        unsafe {
            let lib = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_LAZY);
            if lib.is_null() {
                return None;
            }
            let sym = libc::dlsym(lib, c"cbrt".as_ptr());
            (!sym.is_null()).then(|| std::mem::transmute::<*mut libc::c_void, F>(sym))
        }
    });
    match f {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}
fn c_atanh(x: f64) -> f64 {
    // SAFETY: a pure C math function on a plain double.
    unsafe { atanh(x) }
}

// ---------------------------------------------------------------------------------------------
// Argument handling.

/// `PyFloat_AsDouble`: floats (and subclasses), ints, `__float__`, then `__index__`.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = float_value(v) {
        return Ok(f);
    }
    if IntValue::of(v).is_some() {
        return to_f64_exact(v);
    }
    let n = names();
    if let Some(r) = vm.call_special(v, &n.__float__, &[])? {
        return float_value(&r).ok_or_else(|| {
            PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                type_name(v),
                type_name(&r)
            ))
        });
    }
    if type_of(v).lookup(&n.__index__).is_some() {
        let i = vm.index_value(v)?;
        return to_f64_exact(&i.into_value());
    }
    Err(PyErr::type_error(format!(
        "must be real number, not {}",
        type_name(v)
    )))
}

/// The single positional argument of `math.<name>` (`full` is `"math.<name>"`).
fn one_arg<'a>(args: &Args<'a>, full: &str) -> PyResult<&'a Value> {
    let [x] = args.exact::<1>(full)?;
    Ok(x)
}

/// The two positional arguments of `math.<name>`.
fn two_args<'a>(args: &Args<'a>, name: &str) -> PyResult<[&'a Value; 2]> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!(
            "math.{name}() takes no keyword arguments"
        )));
    }
    match args.positional() {
        [a, b] => Ok([a, b]),
        pos => Err(PyErr::type_error(format!(
            "{name} expected 2 arguments, got {}",
            pos.len()
        ))),
    }
}

/// CPython's `math_1`: apply `f`, then map NaN/infinite results to exceptions.
fn math_1(
    vm: &mut Vm,
    args: Args,
    full: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = to_f64(vm, one_arg(&args, full)?)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(new_float(r))
}

/// CPython's `math_2`: a two-argument float function with the same error mapping.
fn math_2(vm: &mut Vm, args: Args, name: &str, f: fn(f64, f64) -> f64) -> PyResult<Value> {
    let [a, b] = two_args(&args, name)?;
    let x = to_f64(vm, a)?;
    let y = to_f64(vm, b)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(new_float(r))
}

macro_rules! unary_functions {
    ($($name:ident, $py:literal => $f:expr, $can_overflow:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
                math_1(vm, args, concat!("math.", $py), $f, $can_overflow)
            }
        )*
    };
}

unary_functions! {
    sqrt, "sqrt" => f64::sqrt, false;
    fabs, "fabs" => f64::abs, false;
    exp, "exp" => f64::exp, true;
    exp2, "exp2" => f64::exp2, true;
    expm1, "expm1" => f64::exp_m1, true;
    log1p, "log1p" => f64::ln_1p, false;
    sin, "sin" => f64::sin, false;
    cos, "cos" => f64::cos, false;
    tan, "tan" => f64::tan, false;
    asin, "asin" => f64::asin, false;
    acos, "acos" => f64::acos, false;
    atan, "atan" => f64::atan, false;
    sinh, "sinh" => f64::sinh, true;
    cosh, "cosh" => f64::cosh, true;
    tanh, "tanh" => f64::tanh, false;
    asinh_, "asinh" => c_asinh, false;
    acosh_, "acosh" => c_acosh, false;
    atanh_, "atanh" => c_atanh, false;
    cbrt_, "cbrt" => c_cbrt, false;
    erf_, "erf" => c_erf, false;
    erfc_, "erfc" => c_erfc, false;
}

// ---------------------------------------------------------------------------------------------
// Rounding to ints.

fn float_to_int_value(f: f64) -> PyResult<Value> {
    Ok(f64_to_int(f)?.into_value())
}

/// `floor`/`ceil`: exact floats directly, otherwise the type's `__floor__`/`__ceil__`, ints as
/// themselves, and anything else through its float value.
fn round_with(vm: &mut Vm, x: &Value, dunder: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    if x.is_float_imm() || (float_value(x).is_some() && type_of(x).is(&crate::types::types().float))
    {
        return float_to_int_value(f(float_value(x).unwrap_or(0.0)));
    }
    if let Some(r) = vm.call_special(x, &intern(dunder), &[])? {
        return Ok(r);
    }
    if let Some(i) = IntValue::of(x) {
        return Ok(i.into_value());
    }
    let v = to_f64(vm, x)?;
    float_to_int_value(f(v))
}

fn floor(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = one_arg(&args, "math.floor")?;
    round_with(vm, x, "__floor__", f64::floor)
}

fn ceil(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = one_arg(&args, "math.ceil")?;
    round_with(vm, x, "__ceil__", f64::ceil)
}

fn trunc(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = one_arg(&args, "math.trunc")?;
    if x.is_float_imm() {
        return float_to_int_value(float_value(x).unwrap_or(0.0));
    }
    if let Some(r) = vm.call_special(x, &names().__trunc__, &[])? {
        return Ok(r);
    }
    if let Some(i) = IntValue::of(x) {
        return Ok(i.into_value());
    }
    Err(PyErr::type_error(format!(
        "type {} doesn't define __trunc__ method",
        type_name(x)
    )))
}

// ---------------------------------------------------------------------------------------------
// Exponentials and logarithms.

/// The logarithm of any real number; ints of any size are handled exactly.
fn log_of(vm: &mut Vm, x: &Value, kind: LogKind) -> PyResult<f64> {
    if let Some(i) = IntValue::of(x) {
        return match i {
            IntValue::Small(n) if n > 0 => numfmt::float_log(n as f64, kind).map_err(numfmt_err),
            IntValue::Small(_) => Err(domain_error()),
            IntValue::Big(b) => numfmt::int_log(&b, kind).map_err(numfmt_err),
        };
    }
    let f = to_f64(vm, x)?;
    numfmt::float_log(f, kind).map_err(numfmt_err)
}

fn log(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(PyErr::type_error("log() takes no keyword arguments"));
    }
    let pos = args.positional();
    if pos.is_empty() || pos.len() > 2 {
        return Err(PyErr::type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(vm, &pos[0], LogKind::Ln)?;
    if pos.len() == 1 {
        return Ok(new_float(num));
    }
    let den = log_of(vm, &pos[1], LogKind::Ln)?;
    Ok(new_float(
        numfmt::log_with_base(num, den).map_err(numfmt_err)?,
    ))
}

fn log2(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = one_arg(&args, "math.log2")?;
    Ok(new_float(log_of(vm, x, LogKind::Log2)?))
}

fn log10(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = one_arg(&args, "math.log10")?;
    Ok(new_float(log_of(vm, x, LogKind::Log10)?))
}

/// `x ** y` with C99's special values, as `math.pow`.
fn pow_f64(x: f64, y: f64) -> PyResult<f64> {
    if x.is_finite() && y.is_finite() {
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain_error());
        }
        if r.is_infinite() {
            // 0 ** negative is a singularity; anything else overflowed.
            return Err(if x == 0.0 {
                domain_error()
            } else {
                range_error()
            });
        }
        return Ok(r);
    }
    Ok(if x.is_nan() {
        if y == 0.0 {
            1.0
        } else {
            x
        }
    } else if y.is_nan() {
        if x == 1.0 {
            1.0
        } else {
            y
        }
    } else if x.is_infinite() {
        let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
        if y > 0.0 {
            if odd_y {
                x
            } else {
                x.abs()
            }
        } else if y == 0.0 {
            1.0
        } else if odd_y {
            0.0f64.copysign(x)
        } else {
            0.0
        }
    } else if x.abs() == 1.0 {
        1.0
    } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
        f64::INFINITY
    } else {
        0.0
    })
}

fn pow(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [a, b] = two_args(&args, "pow")?;
    let x = to_f64(vm, a)?;
    let y = to_f64(vm, b)?;
    Ok(new_float(pow_f64(x, y)?))
}

// ---------------------------------------------------------------------------------------------
// Two-argument float functions.

fn atan2_f64(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            let quarter = if x.is_sign_positive() { 0.25 } else { 0.75 };
            return (quarter * PI).copysign(y);
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    y.atan2(x)
}

fn atan2(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    math_2(vm, args, "atan2", atan2_f64)
}

fn copysign(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    math_2(vm, args, "copysign", f64::copysign)
}

/// IEEE 754 remainder: `x - n*y` with `n` the integer nearest `x/y` (ties to even). The result
/// is exact, so it is the same however it is computed.
fn remainder_f64(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() || y == 0.0 {
        return f64::NAN;
    }
    if y.is_infinite() {
        return x;
    }
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay; // exact
    let c = ay - m; // exact: both lie in [0, ay]
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // A tie: choose the candidate for which the quotient is even. (ax - m) is an exact
        // multiple of ay; halving it and reducing mod ay tells whether that multiple is odd.
        m - 2.0 * ((0.5 * (ax - m)) % ay)
    };
    1.0f64.copysign(x) * r
}

fn remainder(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    math_2(vm, args, "remainder", remainder_f64)
}

fn fmod(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [a, b] = two_args(&args, "fmod")?;
    let x = to_f64(vm, a)?;
    let y = to_f64(vm, b)?;
    Ok(new_float(numfmt::fmod(x, y).map_err(numfmt_err)?))
}

/// The next float after `x` in the direction of `y`.
fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    // Moving away from zero increases the magnitude bits; towards zero decreases them.
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

fn nextafter(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [a, b] = two_args(&args, "nextafter")?;
    let x = to_f64(vm, a)?;
    let y = to_f64(vm, b)?;
    Ok(new_float(next_after(x, y)))
}

fn ulp(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = to_f64(vm, one_arg(&args, "math.ulp")?)?;
    if x.is_nan() {
        return Ok(new_float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(new_float(x));
    }
    let up = next_after(x, f64::INFINITY);
    if up.is_infinite() {
        return Ok(new_float(x - next_after(x, f64::NEG_INFINITY)));
    }
    Ok(new_float(up - x))
}

fn ldexp(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [a, b] = two_args(&args, "ldexp")?;
    let x = to_f64(vm, a)?;
    let Some(i) = IntValue::of(b) else {
        return Err(PyErr::type_error(
            "Expected an int as second argument to ldexp.",
        ));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(new_float(x));
    }
    let e = i.saturating_i64();
    if e > i32::MAX as i64 {
        return Err(range_error());
    }
    if e < i32::MIN as i64 {
        return Ok(new_float(0.0f64.copysign(x)));
    }
    Ok(new_float(numfmt::ldexp(x, e).map_err(numfmt_err)?))
}

fn frexp(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = to_f64(vm, one_arg(&args, "math.frexp")?)?;
    let (m, e) = numfmt::frexp(x);
    Ok(new_tuple(vec![new_float(m), int_from_i64(e)]))
}

fn modf(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = to_f64(vm, one_arg(&args, "math.modf")?)?;
    let (f, i) = numfmt::modf(x);
    Ok(new_tuple(vec![new_float(f), new_float(i)]))
}

fn degrees(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = to_f64(vm, one_arg(&args, "math.degrees")?)?;
    Ok(new_float(x * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = to_f64(vm, one_arg(&args, "math.radians")?)?;
    Ok(new_float(x * (std::f64::consts::PI / 180.0)))
}

// ---------------------------------------------------------------------------------------------
// Classification and comparison.

fn isfinite(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = to_f64(vm, one_arg(&args, "math.isfinite")?)?;
    Ok(Value::bool(x.is_finite()))
}

fn isinf(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = to_f64(vm, one_arg(&args, "math.isinf")?)?;
    Ok(Value::bool(x.is_infinite()))
}

fn isnan(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = to_f64(vm, one_arg(&args, "math.isnan")?)?;
    Ok(Value::bool(x.is_nan()))
}

fn isclose(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let [a, b, rel, abs] = args.bind_with("isclose", ["a", "b", "rel_tol", "abs_tol"], 2, 0, 2)?;
    let a = to_f64(vm, a.expect("required"))?;
    let b = to_f64(vm, b.expect("required"))?;
    let rel_tol = match rel {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match abs {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (b - a).abs();
    Ok(Value::bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

// ---------------------------------------------------------------------------------------------
// Sums, products and norms.

fn hypot(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(PyErr::type_error("math.hypot() takes no keyword arguments"));
    }
    let mut coords = Vec::with_capacity(args.len());
    for v in args.positional() {
        coords.push(to_f64(vm, v)?);
    }
    Ok(new_float(numfmt::hypot(&coords)))
}

fn dist(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [p, q] = two_args(&args, "dist")?;
    let p = vm.collect(p)?;
    let q = vm.collect(q)?;
    if p.len() != q.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(q.iter()) {
        let x = to_f64(vm, a)?;
        let y = to_f64(vm, b)?;
        diffs.push((x - y).abs());
    }
    Ok(new_float(numfmt::hypot(&diffs)))
}

fn fsum(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let seq = one_arg(&args, "math.fsum")?;
    let it = vm.get_iter(seq)?;
    // Convert lazily so an overflow among earlier items is reported before a bad later item,
    // as CPython does.
    let mut failure: Option<PyErr> = None;
    let result = {
        let failure = &mut failure;
        let vm = &mut *vm;
        let items = std::iter::from_fn(|| {
            if failure.is_some() {
                return None;
            }
            match vm
                .next(&it)
                .and_then(|o| o.map(|v| to_f64(vm, &v)).transpose())
            {
                Ok(x) => x,
                Err(e) => {
                    *failure = Some(e);
                    None
                }
            }
        });
        numfmt::fsum(items)
    };
    match (result, failure) {
        (Err(e @ numfmt::ArithError::Overflow(_)), _) => Err(numfmt_err(e)),
        (_, Some(e)) => Err(e),
        (r, None) => Ok(new_float(r.map_err(numfmt_err)?)),
    }
}

fn prod(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let total = args.all_values().len();
    if total > 2 {
        return Err(PyErr::type_error(format!(
            "prod() takes at most 2 arguments ({total} given)"
        )));
    }
    if args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let mut acc = Value::small_int(1);
    for (name, v) in args.kwargs() {
        if name != "start" {
            return Err(PyErr::type_error(format!(
                "'{name}' is an invalid keyword argument for prod()"
            )));
        }
        acc = v.clone();
    }
    let it = vm.get_iter(&args.positional()[0])?;
    while let Some(item) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &item, BinaryOperator::Multiply)?;
    }
    Ok(acc)
}

// ---------------------------------------------------------------------------------------------
// Integer functions.

fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    Ok(vm.index_value(v)?.to_bigint())
}

fn isqrt(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let n = index_big(vm, one_arg(&args, "math.isqrt")?)?;
    Ok(int_from_bigint(numfmt::int_isqrt(&n).map_err(numfmt_err)?))
}

fn gcd(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(PyErr::type_error("math.gcd() takes no keyword arguments"));
    }
    let mut acc = IntValue::Small(0);
    for v in args.positional() {
        let x = vm.index_value(v)?;
        acc = match (&acc, &x) {
            (IntValue::Small(a), IntValue::Small(b)) => match numfmt::i64_gcd(*a, *b) {
                Some(g) => IntValue::Small(g),
                None => IntValue::Big(BigInt::from(1u64 << 63)),
            },
            _ => IntValue::Big(numfmt::int_gcd(&acc.to_bigint(), &x.to_bigint())),
        };
    }
    Ok(acc.into_value())
}

fn lcm(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(PyErr::type_error("math.lcm() takes no keyword arguments"));
    }
    let mut acc = BigInt::from(1);
    for (i, v) in args.positional().iter().enumerate() {
        let x = index_big(vm, v)?;
        acc = if i == 0 {
            num_traits::Signed::abs(&x)
        } else {
            numfmt::int_lcm(&acc, &x)
        };
    }
    Ok(int_from_bigint(acc))
}

fn factorial(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let n = index_big(vm, one_arg(&args, "math.factorial")?)?;
    Ok(int_from_bigint(numfmt::factorial(&n).map_err(numfmt_err)?))
}

fn comb(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [a, b] = two_args(&args, "comb")?;
    let n = index_big(vm, a)?;
    let k = index_big(vm, b)?;
    Ok(int_from_bigint(numfmt::comb(&n, &k).map_err(numfmt_err)?))
}

fn perm(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(PyErr::type_error("math.perm() takes no keyword arguments"));
    }
    let pos = args.range("perm", 1, 2)?;
    let n = index_big(vm, &pos[0])?;
    let k = match pos.get(1) {
        Some(k) if !k.is_none() => Some(index_big(vm, k)?),
        _ => None,
    };
    Ok(int_from_bigint(
        numfmt::perm(&n, k.as_ref()).map_err(numfmt_err)?,
    ))
}

// ---------------------------------------------------------------------------------------------
// Gamma and log-gamma: the Lanczos approximation (g = 6.024680040776729583740234375, 13
// terms, coefficients as a rational function), with the reflection formula for negative
// arguments and exact values for small integers.

const LANCZOS_G: f64 = 6.02468004077673;
const LANCZOS_G_MINUS_HALF: f64 = 5.52468004077673;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.41076,
    42919803642.6491,
    35711959237.35567,
    17921034426.03721,
    6039542586.352028,
    1439720407.3117216,
    248874557.86205417,
    31426415.585400194,
    2876370.6289353725,
    186056.26539522348,
    8071.672002365816,
    210.82427775157936,
    2.5066282746310002,
];
/// The denominator: the coefficients of x(x+1)...(x+11).
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
/// ln(pi).
const LOG_PI: f64 = 1.1447298858494002;

/// The Lanczos rational sum for `x > 0`, evaluated in whichever direction is stable.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)` for finite `x`, accurate near the integers.
fn sin_pi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // sin(pi*(1-y)) rather than -sin(pi*(y-1)), which gives -0.0 for y == 1.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// Exact factorials 0! .. 22! as floats: gamma(n) for n in 1..=23.
fn gamma_integral(n: usize) -> f64 {
    (1..n).fold(1.0f64, |acc, k| acc * k as f64)
}

/// Why gamma/lgamma failed.
enum GammaError {
    Domain,
    Range,
}

fn gamma_f64(x: f64) -> Result<f64, GammaError> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(GammaError::Domain);
    }
    if x == 0.0 {
        return Err(GammaError::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(GammaError::Domain);
        }
        if x <= 23.0 {
            return Ok(gamma_integral(x as usize));
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(GammaError::Range)
        } else {
            Ok(r)
        };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sin_pi(x));
        }
        return Err(GammaError::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // z = (y - absx) - (g - 1/2), computed so that it is exact.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sin_pi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let half = y.powf(absx / 2.0 - 0.25);
            r /= half;
            r /= half;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let half = y.powf(absx / 2.0 - 0.25);
            r *= half;
            r *= half;
        }
    }
    if r.is_infinite() {
        return Err(GammaError::Range);
    }
    Ok(r)
}

fn lgamma_f64(x: f64) -> Result<f64, GammaError> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(GammaError::Domain);
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sin_pi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(GammaError::Range);
    }
    Ok(r)
}

fn gamma_result(r: Result<f64, GammaError>) -> PyResult<Value> {
    match r {
        Ok(v) => Ok(new_float(v)),
        Err(GammaError::Domain) => Err(domain_error()),
        Err(GammaError::Range) => Err(range_error()),
    }
}

fn gamma(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = to_f64(vm, one_arg(&args, "math.gamma")?)?;
    gamma_result(gamma_f64(x))
}

fn lgamma(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let x = to_f64(vm, one_arg(&args, "math.lgamma")?)?;
    gamma_result(lgamma_f64(x))
}

pub fn make_module(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleData::new_value("math");
    let md = m.downcast::<ModuleData>().expect("a module");
    md.data.set("pi", new_float(std::f64::consts::PI));
    md.data.set("e", new_float(std::f64::consts::E));
    md.data.set("tau", new_float(std::f64::consts::TAU));
    md.data.set("inf", new_float(f64::INFINITY));
    md.data.set("nan", new_float(f64::NAN));
    super::add_functions(
        &m,
        &[
            ("acos", acos),
            ("acosh", acosh_),
            ("asin", asin),
            ("asinh", asinh_),
            ("atan", atan),
            ("atan2", atan2),
            ("atanh", atanh_),
            ("cbrt", cbrt_),
            ("ceil", ceil),
            ("comb", comb),
            ("copysign", copysign),
            ("cos", cos),
            ("cosh", cosh),
            ("degrees", degrees),
            ("dist", dist),
            ("erf", erf_),
            ("erfc", erfc_),
            ("exp", exp),
            ("exp2", exp2),
            ("expm1", expm1),
            ("fabs", fabs),
            ("factorial", factorial),
            ("floor", floor),
            ("fmod", fmod),
            ("frexp", frexp),
            ("fsum", fsum),
            ("gamma", gamma),
            ("gcd", gcd),
            ("hypot", hypot),
            ("isclose", isclose),
            ("isfinite", isfinite),
            ("isinf", isinf),
            ("isnan", isnan),
            ("isqrt", isqrt),
            ("lcm", lcm),
            ("ldexp", ldexp),
            ("lgamma", lgamma),
            ("log", log),
            ("log10", log10),
            ("log1p", log1p),
            ("log2", log2),
            ("modf", modf),
            ("nextafter", nextafter),
            ("perm", perm),
            ("pow", pow),
            ("prod", prod),
            ("radians", radians),
            ("remainder", remainder),
            ("sin", sin),
            ("sinh", sinh),
            ("sqrt", sqrt),
            ("tan", tan),
            ("tanh", tanh),
            ("trunc", trunc),
            ("ulp", ulp),
        ],
    );
    Ok(m)
}
