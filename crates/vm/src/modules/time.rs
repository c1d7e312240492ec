//! The `time` module (CPython 3.11 semantics on a POSIX C library).
//!
//! Clocks come from `clock_gettime`; calendar conversions, `mktime` and `strftime` call the C
//! library exactly as CPython does, so time zones and formatting match it. `struct_time` and
//! the `get_clock_info` namespace are defined in Python (`lib/_timeinit.py`). The functions
//! that build a `struct_time` are bound to the module, where they find that class.

use std::ffi::{CStr, CString};

use crate::object::alloc;
use crate::types::builtin_func::BuiltinFunctionData;
use crate::types::float::{float_value, new_float};
use crate::types::int::int_from_i64;
use crate::types::module::ModuleData;
use crate::types::str::{new_str, StrData};
use crate::types::tuple::{new_tuple, TupleData};
use crate::types::{type_name, type_of, types, NativeFn};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

/// Python source run when the module is created (defines `struct_time`, ...).
const TIME_INIT: &str = include_str!("../../../../lib/_timeinit.py");

const NS_PER_SEC: i64 = 1_000_000_000;

/// 2**63: floats in `-2**63 .. 2**63` convert to i64 exactly.
const I64_LIMIT: f64 = 9_223_372_036_854_775_808.0;

extern "C" {
    fn tzset();
}

// ---------------------------------------------------------------------------------------------
// Clocks.

/// The OSError for the C library's current `errno`.
fn errno_error() -> PyErr {
    crate::types::exception::os_error_from_io(&std::io::Error::last_os_error(), None)
}

/// `clock_gettime(clock)` as a timespec.
fn gettime(clock: libc::clockid_t) -> PyResult<libc::timespec> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    if unsafe { libc::clock_gettime(clock, &mut ts) } != 0 {
        return Err(errno_error());
    }
    Ok(ts)
}

/// A clock reading in nanoseconds.
fn clock_ns(clock: libc::clockid_t) -> PyResult<i64> {
    let ts = gettime(clock)?;
    Ok((ts.tv_sec as i64)
        .saturating_mul(NS_PER_SEC)
        .saturating_add(ts.tv_nsec as i64))
}

/// Nanoseconds as float seconds, rounded as CPython does.
fn ns_to_secs(ns: i64) -> f64 {
    if ns % NS_PER_SEC == 0 {
        (ns / NS_PER_SEC) as f64
    } else {
        ns as f64 / 1e9
    }
}

fn clock_secs(clock: libc::clockid_t) -> PyResult<Value> {
    Ok(new_float(ns_to_secs(clock_ns(clock)?)))
}

fn clock_int(clock: libc::clockid_t) -> PyResult<Value> {
    Ok(int_from_i64(clock_ns(clock)?))
}

macro_rules! clock_functions {
    ($($name:ident, $py:literal => $clock:expr, $conv:ident;)*) => {
        $(
            fn $name(_vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
                args.exact::<0>(concat!("time.", $py))?;
                $conv($clock)
            }
        )*
    };
}

clock_functions! {
    time, "time" => libc::CLOCK_REALTIME, clock_secs;
    time_ns, "time_ns" => libc::CLOCK_REALTIME, clock_int;
    monotonic, "monotonic" => libc::CLOCK_MONOTONIC, clock_secs;
    monotonic_ns, "monotonic_ns" => libc::CLOCK_MONOTONIC, clock_int;
    perf_counter, "perf_counter" => libc::CLOCK_MONOTONIC, clock_secs;
    perf_counter_ns, "perf_counter_ns" => libc::CLOCK_MONOTONIC, clock_int;
    process_time, "process_time" => libc::CLOCK_PROCESS_CPUTIME_ID, clock_secs;
    process_time_ns, "process_time_ns" => libc::CLOCK_PROCESS_CPUTIME_ID, clock_int;
    thread_time, "thread_time" => libc::CLOCK_THREAD_CPUTIME_ID, clock_secs;
    thread_time_ns, "thread_time_ns" => libc::CLOCK_THREAD_CPUTIME_ID, clock_int;
}

/// A C `int` argument (`__index__`; OverflowError beyond the C int range).
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let i = vm.index_value(v)?;
    let Some(i) = i.to_i64() else {
        return Err(PyErr::overflow_error(
            "Python int too large to convert to C int",
        ));
    };
    i32::try_from(i).map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))
}

/// Exactly `N` positional arguments, with the messages of CPython's `PyArg_ParseTuple`.
fn parse_exact<'a, const N: usize>(
    args: &Args<'a>,
    kwname: &str,
    name: &str,
) -> PyResult<[&'a Value; N]> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!(
            "{kwname}() takes no keyword arguments"
        )));
    }
    let pos = args.positional();
    if pos.len() != N {
        return Err(PyErr::type_error(format!(
            "{name}() takes exactly {N} argument{} ({} given)",
            if N == 1 { "" } else { "s" },
            pos.len()
        )));
    }
    Ok(std::array::from_fn(|i| &pos[i]))
}

fn clock_id_arg(vm: &mut Vm, args: &Args, kwname: &str, name: &str) -> PyResult<libc::clockid_t> {
    let [id] = parse_exact::<1>(args, kwname, name)?;
    c_int(vm, id)
}

fn clock_gettime(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let id = clock_id_arg(vm, &args, "clock_gettime", "clock_gettime")?;
    let ts = gettime(id)?;
    Ok(new_float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

fn clock_gettime_ns(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let id = clock_id_arg(vm, &args, "clock_gettime_ns", "clock_gettime")?;
    clock_int(id)
}

fn getres(clock: libc::clockid_t) -> PyResult<f64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    if unsafe { libc::clock_getres(clock, &mut ts) } != 0 {
        return Err(errno_error());
    }
    Ok(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9)
}

fn clock_getres(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let id = clock_id_arg(vm, &args, "clock_getres", "clock_getres")?;
    Ok(new_float(getres(id)?))
}

fn settime(clock: libc::clockid_t, ns: i64) -> PyResult<Value> {
    let ts = libc::timespec {
        tv_sec: ns.div_euclid(NS_PER_SEC) as libc::time_t,
        tv_nsec: ns.rem_euclid(NS_PER_SEC) as _,
    };
    // SAFETY: `ts` is a valid timespec.
    if unsafe { libc::clock_settime(clock, &ts) } != 0 {
        return Err(errno_error());
    }
    Ok(Value::NONE)
}

fn clock_settime(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [id, t] = parse_exact::<2>(&args, "clock_settime", "clock_settime")?;
    let id = c_int(vm, id)?;
    let ns = seconds_to_ns(vm, t, f64::floor)?;
    settime(id, ns)
}

fn clock_settime_ns(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [id, t] = parse_exact::<2>(&args, "clock_settime_ns", "clock_settime")?;
    let id = c_int(vm, id)?;
    let ns = vm
        .index_value(t)?
        .to_i64()
        .ok_or_else(|| PyErr::overflow_error("timestamp too large to convert to C _PyTime_t"))?;
    settime(id, ns)
}

fn get_clock_info(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [name] = parse_exact::<1>(&args, "get_clock_info", "get_clock_info")?;
    let Some(name) = name.downcast::<StrData>() else {
        return Err(PyErr::type_error(format!(
            "get_clock_info() argument 1 must be str, not {}",
            type_name(name)
        )));
    };
    let (implementation, clock, is_monotonic) = match name.data.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", libc::CLOCK_REALTIME, false),
        "monotonic" | "perf_counter" => (
            "clock_gettime(CLOCK_MONOTONIC)",
            libc::CLOCK_MONOTONIC,
            true,
        ),
        "process_time" => (
            "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)",
            libc::CLOCK_PROCESS_CPUTIME_ID,
            true,
        ),
        "thread_time" => (
            "clock_gettime(CLOCK_THREAD_CPUTIME_ID)",
            libc::CLOCK_THREAD_CPUTIME_ID,
            true,
        ),
        _ => return Err(PyErr::value_error("unknown clock")),
    };
    let resolution = getres(clock)?;
    let cls = module_attr(this, "_clock_info")?;
    let values = [
        new_str(implementation),
        Value::bool(is_monotonic),
        Value::bool(!is_monotonic),
        new_float(resolution),
    ];
    let names = [
        crate::intern::intern("implementation"),
        crate::intern::intern("monotonic"),
        crate::intern::intern("adjustable"),
        crate::intern::intern("resolution"),
    ];
    vm.call_value(&cls, Args::with_kwnames(&values, &names))
}

/// Seconds (int, float or `__index__`) to nanoseconds, with CPython's errors; `round` rounds
/// the scaled float.
fn seconds_to_ns(vm: &mut Vm, v: &Value, round: fn(f64) -> f64) -> PyResult<i64> {
    if let Some(f) = float_value(v) {
        if f.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let d = round(f * 1e9);
        if !(-I64_LIMIT..I64_LIMIT).contains(&d) {
            return Err(PyErr::overflow_error(
                "timestamp out of range for platform time_t",
            ));
        }
        return Ok(d as i64);
    }
    let too_large = || PyErr::overflow_error("timestamp too large to convert to C _PyTime_t");
    let secs = vm.index_value(v)?.to_i64().ok_or_else(too_large)?;
    secs.checked_mul(NS_PER_SEC).ok_or_else(too_large)
}

fn sleep(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let [secs] = args.exact::<1>("time.sleep")?;
    // Timeouts round away from zero.
    let ns = seconds_to_ns(vm, secs, |d| if d >= 0.0 { d.ceil() } else { d.floor() })?;
    if ns < 0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    // Signals are delivered to the program's main thread, which may not be this one, so the
    // sleep is cut into short slices with a check for pending signals (KeyboardInterrupt)
    // after each.
    const SLICE_NS: i64 = 20_000_000;
    let deadline = clock_ns(libc::CLOCK_MONOTONIC)?.saturating_add(ns);
    loop {
        let now = clock_ns(libc::CLOCK_MONOTONIC)?;
        if now >= deadline {
            return Ok(Value::NONE);
        }
        let wake = deadline.min(now.saturating_add(SLICE_NS));
        let ts = libc::timespec {
            tv_sec: (wake / NS_PER_SEC) as libc::time_t,
            tv_nsec: (wake % NS_PER_SEC) as _,
        };
        // SAFETY: `ts` is a valid timespec; no remainder is requested (absolute time).
        let rc = unsafe {
            libc::clock_nanosleep(
                libc::CLOCK_MONOTONIC,
                libc::TIMER_ABSTIME,
                &ts,
                std::ptr::null_mut(),
            )
        };
        if rc != 0 && rc != libc::EINTR {
            std::thread::sleep(std::time::Duration::from_nanos((wake - now) as u64));
        }
        if crate::signals::pending() {
            crate::signals::handle(vm)?;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar conversions.

fn zeroed_tm() -> libc::tm {
    // SAFETY: `struct tm` is plain data (ints, a long and a nullable pointer); all-zero is
    // a valid value.
    unsafe { std::mem::zeroed() }
}

/// The module's attribute `name` (for the functions bound to the module).
fn module_attr(module: &Value, name: &str) -> PyResult<Value> {
    module
        .downcast::<ModuleData>()
        .and_then(|m| m.data.get(name))
        .ok_or_else(|| PyErr::system_error(format!("time.{name} is missing")))
}

/// A `time_t` argument: floats are floored, ints taken as they are.
fn to_time_t(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let overflow = || PyErr::overflow_error("timestamp out of range for platform time_t");
    if let Some(f) = float_value(v) {
        if f.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let d = f.floor();
        if !(-I64_LIMIT..I64_LIMIT).contains(&d) {
            return Err(overflow());
        }
        return Ok(d as i64);
    }
    vm.index_value(v)?.to_i64().ok_or_else(overflow)
}

/// The optional single argument of `gmtime`, `localtime`, `ctime`, `asctime`.
fn optional_arg<'a>(args: &Args<'a>, name: &str) -> PyResult<Option<&'a Value>> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    match args.positional() {
        [] => Ok(None),
        [v] => Ok((!v.is_none()).then_some(v)),
        pos => Err(PyErr::type_error(format!(
            "{name}() takes at most 1 argument ({} given)",
            pos.len()
        ))),
    }
}

/// `when` (now if None) broken down in UTC or local time.
fn broken_down(vm: &mut Vm, when: Option<&Value>, local: bool) -> PyResult<libc::tm> {
    let t = match when {
        Some(v) => to_time_t(vm, v)?,
        None => clock_ns(libc::CLOCK_REALTIME)?.div_euclid(NS_PER_SEC),
    };
    let t = libc::time_t::try_from(t)
        .map_err(|_| PyErr::overflow_error("timestamp out of range for platform time_t"))?;
    let mut tm = zeroed_tm();
    // SAFETY: valid pointers to a time_t and a writable struct tm.
    let r = unsafe {
        if local {
            libc::localtime_r(&t, &mut tm)
        } else {
            libc::gmtime_r(&t, &mut tm)
        }
    };
    if r.is_null() {
        let err = std::io::Error::last_os_error();
        let err = match err.raw_os_error() {
            Some(0) | None => std::io::Error::from_raw_os_error(libc::EINVAL),
            _ => err,
        };
        return Err(crate::types::exception::os_error_from_io(&err, None));
    }
    Ok(tm)
}

/// The UTC offset of a broken-down time (`long` is 32 bits on some platforms).
#[allow(clippy::useless_conversion)]
fn gmtoff(tm: &libc::tm) -> i64 {
    i64::from(tm.tm_gmtoff)
}

/// The zone name of a broken-down time.
fn tm_zone_name(tm: &libc::tm) -> Value {
    if tm.tm_zone.is_null() {
        return Value::NONE;
    }
    // SAFETY: the C library set tm_zone to a NUL-terminated string that lives at least as
    // long as the time zone data.
    let s = unsafe { CStr::from_ptr(tm.tm_zone) };
    new_str(s.to_string_lossy().into_owned())
}

/// A `struct_time` from a broken-down time.
fn struct_time_from_tm(vm: &mut Vm, module: &Value, tm: &libc::tm) -> PyResult<Value> {
    let int = |i: i64| int_from_i64(i);
    let items = vec![
        int(tm.tm_year as i64 + 1900),
        int(tm.tm_mon as i64 + 1),
        int(tm.tm_mday as i64),
        int(tm.tm_hour as i64),
        int(tm.tm_min as i64),
        int(tm.tm_sec as i64),
        int((tm.tm_wday as i64 + 6) % 7),
        int(tm.tm_yday as i64 + 1),
        int(tm.tm_isdst as i64),
        tm_zone_name(tm),
        int(gmtoff(tm)),
    ];
    let cls = module_attr(module, "struct_time")?;
    vm.call(&cls, &[new_tuple(items)])
}

fn gmtime(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let when = optional_arg(&args, "gmtime")?;
    let tm = broken_down(vm, when, false)?;
    struct_time_from_tm(vm, this, &tm)
}

fn localtime(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let when = optional_arg(&args, "localtime")?;
    let tm = broken_down(vm, when, true)?;
    struct_time_from_tm(vm, this, &tm)
}

/// A `struct tm` from a 9-tuple or `struct_time`, with the zone name (kept alive by the
/// returned CString) of a `struct_time`.
fn tm_from_tuple(
    vm: &mut Vm,
    module: &Value,
    v: &Value,
    fname: &str,
) -> PyResult<(libc::tm, Option<CString>)> {
    let Some(t) = v.downcast::<TupleData>() else {
        return Err(PyErr::type_error("Tuple or struct_time argument required"));
    };
    let items = t.data.items();
    if items.len() != 9 {
        return Err(PyErr::type_error(format!(
            "{fname}(): illegal time tuple argument"
        )));
    }
    let mut f = [0i32; 9];
    for (slot, item) in f.iter_mut().zip(items) {
        let i = vm.index_value(item)?;
        let i = i
            .to_i64()
            .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?;
        *slot = i32::try_from(i).map_err(|_| {
            PyErr::overflow_error(if i > 0 {
                "signed integer is greater than maximum"
            } else {
                "signed integer is less than minimum"
            })
        })?;
    }
    let [year, mon, mday, hour, min, sec, wday, yday, isdst] = f;
    if year < i32::MIN + 1900 {
        return Err(PyErr::overflow_error("year out of range"));
    }
    let mut tm = zeroed_tm();
    tm.tm_year = year - 1900;
    tm.tm_mon = mon.wrapping_sub(1);
    tm.tm_mday = mday;
    tm.tm_hour = hour;
    tm.tm_min = min;
    tm.tm_sec = sec;
    tm.tm_wday = wday.wrapping_add(1) % 7;
    tm.tm_yday = yday.wrapping_sub(1);
    tm.tm_isdst = isdst;
    let mut zone = None;
    let is_struct_time = module_attr(module, "struct_time")
        .map(|cls| type_of(v).to_value().is(&cls))
        .unwrap_or(false);
    if is_struct_time {
        let z = vm.get_attr(v, &crate::intern::intern("tm_zone"))?;
        if !z.is_none() {
            let Some(s) = z.downcast::<StrData>() else {
                return Err(PyErr::type_error(
                    "bad argument type for built-in operation",
                ));
            };
            let c = CString::new(s.data.as_str())
                .map_err(|_| PyErr::value_error("embedded null character"))?;
            tm.tm_zone = c.as_ptr();
            zone = Some(c);
        }
        let off = vm.get_attr(v, &crate::intern::intern("tm_gmtoff"))?;
        if !off.is_none() {
            let i = vm.index_value(&off)?;
            tm.tm_gmtoff = i
                .to_i64()
                .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?
                as _;
        }
    }
    Ok((tm, zone))
}

/// CPython's range checks for `asctime` and `strftime` (normalizing zeros).
fn check_tm(tm: &mut libc::tm) -> PyResult<()> {
    let err = |what: &str| Err(PyErr::value_error(format!("{what} out of range")));
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return err("month");
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return err("day of month");
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return err("hour");
    }
    if !(0..=59).contains(&tm.tm_min) {
        return err("minute");
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return err("seconds");
    }
    if tm.tm_wday < 0 {
        return err("day of week");
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return err("day of year");
    }
    Ok(())
}

fn mktime(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [t] = args.exact::<1>("time.mktime")?;
    let (mut tm, _zone) = tm_from_tuple(vm, this, t, "mktime")?;
    tm.tm_wday = -1; // a sentinel: mktime sets it on success
                     // SAFETY: `tm` is a valid struct tm (its zone pointer, if any, outlives the call).
    let r = unsafe { libc::mktime(&mut tm) };
    if r == -1 && tm.tm_wday == -1 {
        return Err(PyErr::overflow_error("mktime argument out of range"));
    }
    Ok(new_float(r as f64))
}

const WDAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MON_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `asctime`'s fixed format, e.g. `"Sun Jun 20 23:21:05 1993"`.
fn format_asctime(tm: &libc::tm) -> Value {
    new_str(format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        WDAY_NAMES[tm.tm_wday.rem_euclid(7) as usize],
        MON_NAMES[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    ))
}

fn asctime(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    if args.len() > 1 && !args.has_kwargs() {
        return Err(PyErr::type_error(format!(
            "asctime expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let tm = match optional_arg(&args, "asctime")? {
        Some(t) => {
            let (mut tm, _zone) = tm_from_tuple(vm, this, t, "asctime")?;
            check_tm(&mut tm)?;
            tm
        }
        None => broken_down(vm, None, true)?,
    };
    Ok(format_asctime(&tm))
}

fn ctime(vm: &mut Vm, _this: &Value, args: Args) -> PyResult<Value> {
    let when = optional_arg(&args, "ctime")?;
    let tm = broken_down(vm, when, true)?;
    Ok(format_asctime(&tm))
}

fn strftime(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(PyErr::type_error("strftime() takes no keyword arguments"));
    }
    let pos = args.positional();
    match pos.len() {
        0 => {
            return Err(PyErr::type_error(
                "strftime() takes at least 1 argument (0 given)",
            ))
        }
        1 | 2 => {}
        n => {
            return Err(PyErr::type_error(format!(
                "strftime() takes at most 2 arguments ({n} given)"
            )))
        }
    }
    let Some(format) = pos[0].downcast::<StrData>() else {
        return Err(PyErr::type_error(format!(
            "strftime() argument 1 must be str, not {}",
            type_name(&pos[0])
        )));
    };
    let (mut tm, _zone) = match pos.get(1) {
        Some(t) => {
            let (mut tm, zone) = tm_from_tuple(vm, this, t, "strftime")?;
            check_tm(&mut tm)?;
            (tm, zone)
        }
        None => (broken_down(vm, None, true)?, None),
    };
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    let fmt = CString::new(format.data.as_str())
        .map_err(|_| PyErr::value_error("embedded null character"))?;
    let fmt_len = fmt.as_bytes().len();
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes, `fmt` is NUL-terminated and `tm` is valid
        // (its zone pointer, if any, is kept alive by `_zone`).
        let n = unsafe {
            libc::strftime(
                buf.as_mut_ptr() as *mut libc::c_char,
                size,
                fmt.as_ptr(),
                &tm,
            )
        };
        // An empty result with a buffer 256 times the format is a genuinely empty result
        // (e.g. "%Z" with no zone), not a lack of room.
        if n > 0 || size >= 256 * fmt_len {
            buf.truncate(n);
            return Ok(new_str(String::from_utf8_lossy(&buf).into_owned()));
        }
        size *= 2;
    }
}

// ---------------------------------------------------------------------------------------------
// Time zones.

/// Sets `timezone`, `altzone`, `daylight` and `tzname` by probing the local time of January
/// and July of the current year (as CPython does on glibc).
fn init_timezone(module: &Value) -> PyResult<()> {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = clock_ns(libc::CLOCK_REALTIME)?.div_euclid(NS_PER_SEC);
    let probe = |t: i64| -> (i64, Value) {
        let mut tm = zeroed_tm();
        let t = t as libc::time_t;
        // SAFETY: valid pointers to a time_t and a writable struct tm.
        let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
        if !ok {
            return (0, new_str("UTC"));
        }
        let name = match tm_zone_name(&tm) {
            v if v.is_none() => new_str(""),
            v => v,
        };
        (-gmtoff(&tm), name)
    };
    let jan_t = now / YEAR * YEAR;
    let (jan_zone, jan_name) = probe(jan_t);
    let (jul_zone, jul_name) = probe(jan_t + YEAR / 2);
    let (timezone, altzone, names) = if jan_zone < jul_zone {
        // Southern hemisphere: daylight saving time in January.
        (jul_zone, jan_zone, vec![jul_name, jan_name])
    } else {
        (jan_zone, jul_zone, vec![jan_name, jul_name])
    };
    let md = module.downcast::<ModuleData>().expect("a module");
    md.data.set("timezone", int_from_i64(timezone));
    md.data.set("altzone", int_from_i64(altzone));
    md.data
        .set("daylight", Value::small_int((jan_zone != jul_zone) as i64));
    md.data.set("tzname", new_tuple(names));
    Ok(())
}

fn tzset_(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.exact::<0>("time.tzset")?;
    // SAFETY: tzset only reads the TZ environment variable and updates the C library's zone
    // data.
    unsafe { tzset() };
    init_timezone(this)?;
    Ok(Value::NONE)
}

/// Adds native functions whose `__self__` is the module (so they can find `struct_time`).
fn add_bound_functions(module: &Value, defs: &[(&'static str, NativeFn)]) {
    let md = module.downcast::<ModuleData>().expect("a module");
    let modname = crate::intern::intern("time");
    for (name, func) in defs {
        let data = BuiltinFunctionData {
            name,
            func: *func,
            this: module.clone(),
            objclass: None,
            native_new: None,
            doc: "",
            module: modname.clone(),
        };
        md.data.set(
            name,
            alloc(types().builtin_function.clone(), data).into_value(),
        );
    }
}

pub fn make_module(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleData::new_value("time");
    let md = m.downcast::<ModuleData>().expect("a module");
    super::add_functions(
        &m,
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("monotonic", monotonic),
            ("monotonic_ns", monotonic_ns),
            ("perf_counter", perf_counter),
            ("perf_counter_ns", perf_counter_ns),
            ("process_time", process_time),
            ("process_time_ns", process_time_ns),
            ("thread_time", thread_time),
            ("thread_time_ns", thread_time_ns),
            ("clock_gettime", clock_gettime),
            ("clock_gettime_ns", clock_gettime_ns),
            ("clock_getres", clock_getres),
            ("clock_settime", clock_settime),
            ("clock_settime_ns", clock_settime_ns),
            ("sleep", sleep),
            ("ctime", ctime),
        ],
    );
    add_bound_functions(
        &m,
        &[
            ("gmtime", gmtime),
            ("localtime", localtime),
            ("mktime", mktime),
            ("asctime", asctime),
            ("strftime", strftime),
            ("get_clock_info", get_clock_info),
            ("tzset", tzset_),
        ],
    );
    for (name, id) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        md.data.set(name, Value::small_int(id as i64));
    }
    md.data.set("_STRUCT_TM_ITEMS", Value::small_int(11));
    // SAFETY: see `tzset_`.
    unsafe { tzset() };
    init_timezone(&m)?;
    let dict = md.data.dict.clone();
    let builtins = crate::intern::names().__builtins__.clone();
    dict.data
        .set_str(builtins.clone(), vm.interp.builtins.clone());
    let r = vm.run_source(TIME_INIT, "<frozen time>", &dict);
    dict.data.del_str(&builtins);
    r?;
    Ok(m)
}
