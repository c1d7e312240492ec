//! The `math` module.

use crate::types::float::new_float;
use crate::types::module::ModuleData;
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

fn arg_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = crate::types::float::float_value(v) {
        return Ok(f);
    }
    if crate::types::int::IntValue::of(v).is_some() {
        return crate::types::int::to_f64_exact(v);
    }
    crate::types::float::float_from_object(vm, v).map_err(|_| {
        PyErr::type_error(format!(
            "must be real number, not {}",
            crate::types::type_name(v)
        ))
    })
}

fn unary(vm: &mut Vm, args: Args, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let [x] = args.exact::<1>(name)?;
    let x = arg_f64(vm, x)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(PyErr::value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(PyErr::overflow_error("math range error"));
    }
    Ok(new_float(r))
}

fn sqrt(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    unary(vm, args, "sqrt", f64::sqrt)
}
fn sin(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    unary(vm, args, "sin", f64::sin)
}
fn cos(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    unary(vm, args, "cos", f64::cos)
}

pub fn make_module(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleData::new_value("math");
    let md = m.downcast::<ModuleData>().expect("a module");
    md.data.set("pi", new_float(std::f64::consts::PI));
    md.data.set("e", new_float(std::f64::consts::E));
    md.data.set("tau", new_float(std::f64::consts::TAU));
    md.data.set("inf", new_float(f64::INFINITY));
    md.data.set("nan", new_float(f64::NAN));
    super::add_functions(&m, &[("sqrt", sqrt), ("sin", sin), ("cos", cos)]);
    Ok(m)
}
