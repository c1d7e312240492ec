//! `complex`.

use crate::object::{alloc, Obj};
use crate::types::float::float_value;
use crate::types::int::IntValue;
use crate::types::object::not_implemented;
use crate::types::typeobj::TypeData;
use crate::types::{
    add_getsets, add_methods, alloc_instance, type_of, types, BuiltinTypes, GetSetDef, MethodDef,
};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct ComplexData {
    pub re: f64,
    pub im: f64,
}

pub fn new_complex(re: f64, im: f64) -> Value {
    alloc(types().complex.clone(), ComplexData { re, im }).into_value()
}

/// (re, im) of a complex, float or int value.
fn as_complex(v: &Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = v.downcast::<ComplexData>() {
        return Ok(Some((c.data.re, c.data.im)));
    }
    if let Some(f) = float_value(v) {
        return Ok(Some((f, 0.0)));
    }
    if IntValue::of(v).is_some() {
        return Ok(Some((crate::types::int::to_f64_exact(v)?, 0.0)));
    }
    Ok(None)
}

fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let t = s.trim();
    let t = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(t)
        .trim();
    if t.is_empty() {
        return None;
    }
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        // Split at the last sign that is not part of an exponent.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let (re, im) = match split {
            Some(i) => (
                crate::numfmt::parse_float(&body[..i]).ok()?,
                body[i..].to_string(),
            ),
            None => (0.0, body.to_string()),
        };
        let im = match im.as_str() {
            "" | "+" => 1.0,
            "-" => -1.0,
            x => crate::numfmt::parse_float(x).ok()?,
        };
        return Some((re, im));
    }
    crate::numfmt::parse_float(t).ok().map(|r| (r, 0.0))
}

pub fn complex_new(vm: &mut Vm, cls: &Obj<TypeData>, args: Args) -> PyResult<Value> {
    let [real, imag] = args.bind("complex", ["real", "imag"], 0)?;
    let (mut re, mut im) = (0.0, 0.0);
    if let Some(r) = real {
        if let Some(s) = crate::types::str::str_of(r) {
            if imag.is_some() {
                return Err(PyErr::type_error(
                    "complex() can't take second arg if first is a string",
                ));
            }
            let (a, b) = parse_complex(s)
                .ok_or_else(|| PyErr::value_error("complex() arg is a malformed string"))?;
            re = a;
            im = b;
        } else if let Some((a, b)) = as_complex(r)? {
            re = a;
            im = b;
        } else if let Some(c) = vm.call_special(r, &crate::intern::intern("__complex__"), &[])? {
            let (a, b) = as_complex(&c)?
                .ok_or_else(|| PyErr::type_error("__complex__ returned non-complex"))?;
            re = a;
            im = b;
        } else {
            re = crate::types::float::float_from_object(vm, r).map_err(|_| {
                PyErr::type_error(format!(
                    "complex() first argument must be a string or a number, not '{}'",
                    type_of(r).name()
                ))
            })?;
        }
    }
    if let Some(i) = imag {
        let (a, b) = as_complex(i)?.ok_or_else(|| {
            PyErr::type_error(format!(
                "complex() second argument must be a number, not '{}'",
                type_of(i).name()
            ))
        })?;
        re -= b;
        im += a;
    }
    if cls.is(&types().complex) {
        return Ok(new_complex(re, im));
    }
    Ok(alloc_instance(cls, ComplexData { re, im }))
}

fn cd(v: &Value) -> PyResult<(f64, f64)> {
    v.downcast::<ComplexData>()
        .map(|c| (c.data.re, c.data.im))
        .ok_or_else(|| PyErr::type_error("expected a complex"))
}

fn c_div(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let (c, d) = b;
    if c == 0.0 && d == 0.0 {
        return Err(PyErr::zero_division("complex division by zero"));
    }
    // Smith's algorithm.
    if c.abs() >= d.abs() {
        let r = d / c;
        let den = c + d * r;
        Ok(((a.0 + a.1 * r) / den, (a.1 - a.0 * r) / den))
    } else {
        let r = c / d;
        let den = c * r + d;
        Ok(((a.0 * r + a.1) / den, (a.1 * r - a.0) / den))
    }
}

fn c_pow(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PyErr::zero_division("0.0 to a negative or complex power"));
        }
        return Ok((0.0, 0.0));
    }
    if b.1 == 0.0 && b.0.fract() == 0.0 && b.0.abs() <= 100.0 {
        let mut n = b.0.abs() as u32;
        let mut result = (1.0, 0.0);
        let mut base = a;
        while n > 0 {
            if n & 1 == 1 {
                result = (
                    result.0 * base.0 - result.1 * base.1,
                    result.0 * base.1 + result.1 * base.0,
                );
            }
            base = (base.0 * base.0 - base.1 * base.1, 2.0 * base.0 * base.1);
            n >>= 1;
        }
        return if b.0 < 0.0 {
            c_div((1.0, 0.0), result)
        } else {
            Ok(result)
        };
    }
    let vabs = a.0.hypot(a.1);
    let len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    let mut len = len;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

fn binop(this: &Value, args: Args, op: char, reflected: bool) -> PyResult<Value> {
    let [other] = args.exact::<1>("complex op")?;
    let x = cd(this)?;
    let Some(y) = as_complex(other)? else {
        return Ok(not_implemented());
    };
    let (a, b) = if reflected { (y, x) } else { (x, y) };
    let r = match op {
        '+' => (a.0 + b.0, a.1 + b.1),
        '-' => (a.0 - b.0, a.1 - b.1),
        '*' => (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0),
        '/' => c_div(a, b)?,
        _ => c_pow(a, b)?,
    };
    Ok(new_complex(r.0, r.1))
}

fn c_add(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(this, args, '+', false)
}
fn c_radd(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(this, args, '+', true)
}
fn c_sub(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(this, args, '-', false)
}
fn c_rsub(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(this, args, '-', true)
}
fn c_mul(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(this, args, '*', false)
}
fn c_rmul(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(this, args, '*', true)
}
fn c_truediv(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(this, args, '/', false)
}
fn c_rtruediv(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    binop(this, args, '/', true)
}
fn c_pow_m(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__pow__", 1, 2)?;
    binop(this, Args::new(&pos[..1]), '^', false)
}
fn c_rpow(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("__rpow__", 1, 2)?;
    binop(this, Args::new(&pos[..1]), '^', true)
}
fn c_neg(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let (a, b) = cd(this)?;
    Ok(new_complex(-a, -b))
}
fn c_pos(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let (a, b) = cd(this)?;
    Ok(new_complex(a, b))
}
fn c_abs(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let (a, b) = cd(this)?;
    let r = a.hypot(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(PyErr::overflow_error("absolute value too large"));
    }
    Ok(crate::types::float::new_float(r))
}
fn c_bool(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let (a, b) = cd(this)?;
    Ok(Value::bool(a != 0.0 || b != 0.0))
}
fn c_eq(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [other] = args.exact::<1>("__eq__")?;
    let x = cd(this)?;
    match as_complex(other)? {
        Some(y) => Ok(Value::bool(x == y)),
        None => Ok(not_implemented()),
    }
}
fn c_ne(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let r = c_eq(vm, this, args)?;
    match r.as_bool() {
        Some(b) => Ok(Value::bool(!b)),
        None => Ok(r),
    }
}
fn c_hash(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let (a, b) = cd(this)?;
    let id = this
        .as_header()
        .map(|h| h as *const _ as usize)
        .unwrap_or(0);
    Ok(crate::types::int::int_from_i64(
        crate::numfmt::hash_complex(
            crate::numfmt::hash_f64(a, id),
            crate::numfmt::hash_f64(b, id),
        ),
    ))
}

/// `repr(complex)`: `1j`, `(1+2j)`, `(-0-1j)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let fmt = |x: f64| -> String {
        let s = crate::numfmt::float_repr(x);
        s.strip_suffix(".0").map(|t| t.to_string()).unwrap_or(s)
    };
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", fmt(im));
    }
    let ims = fmt(im);
    let sign = if ims.starts_with('-') || ims.starts_with("nan") && im.is_sign_negative() {
        ""
    } else {
        "+"
    };
    format!("({}{sign}{ims}j)", fmt(re))
}

fn c_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let (a, b) = cd(this)?;
    Ok(crate::types::str::new_str(complex_repr(a, b)))
}
fn c_conjugate(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let (a, b) = cd(this)?;
    Ok(new_complex(a, -b))
}
fn get_real(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(crate::types::float::new_float(cd(this)?.0))
}
fn get_imag(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(crate::types::float::new_float(cd(this)?.1))
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.complex,
        &[
            MethodDef::method("__add__", c_add),
            MethodDef::method("__radd__", c_radd),
            MethodDef::method("__sub__", c_sub),
            MethodDef::method("__rsub__", c_rsub),
            MethodDef::method("__mul__", c_mul),
            MethodDef::method("__rmul__", c_rmul),
            MethodDef::method("__truediv__", c_truediv),
            MethodDef::method("__rtruediv__", c_rtruediv),
            MethodDef::method("__pow__", c_pow_m),
            MethodDef::method("__rpow__", c_rpow),
            MethodDef::method("__neg__", c_neg),
            MethodDef::method("__pos__", c_pos),
            MethodDef::method("__abs__", c_abs),
            MethodDef::method("__bool__", c_bool),
            MethodDef::method("__eq__", c_eq),
            MethodDef::method("__ne__", c_ne),
            MethodDef::method("__hash__", c_hash),
            MethodDef::method("__repr__", c_repr),
            MethodDef::method("conjugate", c_conjugate),
        ],
    );
    add_getsets(
        &t.complex,
        &[
            GetSetDef::new("real", get_real),
            GetSetDef::new("imag", get_imag),
        ],
    );
}
