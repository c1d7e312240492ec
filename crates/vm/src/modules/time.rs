//! The `time` module.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::types::float::new_float;
use crate::types::module::ModuleData;
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

fn start() -> Instant {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn time(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("time")?;
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(new_float(d.as_secs_f64()))
}

fn perf_counter(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("perf_counter")?;
    Ok(new_float(start().elapsed().as_secs_f64()))
}

fn sleep(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [secs] = args.exact::<1>("sleep")?;
    let s = crate::types::float::float_from_object(vm, secs)?;
    if s < 0.0 || s.is_nan() {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    std::thread::sleep(Duration::from_secs_f64(s.min(1e9)));
    Ok(Value::NONE)
}

pub fn make_module(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleData::new_value("time");
    let _ = start();
    super::add_functions(
        &m,
        &[
            ("time", time),
            ("perf_counter", perf_counter),
            ("monotonic", perf_counter),
            ("sleep", sleep),
        ],
    );
    Ok(m)
}
