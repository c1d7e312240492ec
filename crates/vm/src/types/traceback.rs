//! Traceback entries and (snapshot) frame objects.

use crate::interp::frame::Frame;
use crate::object::{alloc, Obj, ObjRef};
use crate::types::code::CodeData;
use crate::types::dict::DictData;
use crate::types::exception::ExceptionData;
use crate::types::{add_getsets, add_methods, types, BuiltinTypes, GetSetDef, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct TracebackData {
    pub next: Value,
    /// A frame object for `tb_frame`.
    pub frame: Value,
    pub lasti: u32,
    pub lineno: Option<u32>,
}

/// A frame object: a snapshot of a frame taken when a traceback entry or
/// `sys._getframe` needed one.
pub struct FrameData {
    pub code: ObjRef<CodeData>,
    pub globals: ObjRef<DictData>,
    /// The locals mapping of module/class frames (None for function frames).
    pub locals: Value,
    /// Function frames: the fast locals' values (cells unwrapped) when the snapshot was taken.
    pub fast_locals: Vec<Value>,
    pub lineno: Option<u32>,
    pub lasti: u32,
    pub back: Value,
}

impl FrameData {
    /// A frame object describing `f` (locals are a snapshot for optimized frames).
    pub fn from_frame(f: &Frame, back: Value) -> Value {
        let locals = if f.locals.is_empty() {
            Value::NONE
        } else {
            f.locals.clone()
        };
        let code = &f.code().data;
        let fast_locals = if f.locals.is_empty() {
            f.locals_slice()
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    if code.is_cell_slot(i) {
                        v.downcast::<crate::types::cell::CellData>()
                            .and_then(|c| c.data.get())
                            .unwrap_or(Value::EMPTY)
                    } else {
                        v.clone()
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let data = FrameData {
            code: f.code().to_ref(),
            globals: f.globals().to_ref(),
            locals,
            fast_locals,
            lineno: f.line(),
            lasti: f.lasti,
            back,
        };
        alloc(types().frame.clone(), data).into_value()
    }
}

/// Prepends a traceback entry for frame `f` to `err`'s traceback.
pub fn add_traceback_entry(err: &PyErr, f: &Frame) {
    let exc: &Obj<ExceptionData> = err.exception();
    let next = exc.data.traceback();
    let tb = TracebackData {
        next,
        frame: FrameData::from_frame(f, Value::NONE),
        lasti: f.lasti,
        lineno: f.line(),
    };
    exc.data
        .set_traceback(alloc(types().traceback.clone(), tb).into_value());
}

/// The traceback entries of an exception, outermost first: (code, line, lasti).
pub fn entries(exc: &Value) -> Vec<(ObjRef<CodeData>, Option<u32>, u32)> {
    let mut out = Vec::new();
    let mut tb = exc
        .downcast::<ExceptionData>()
        .map(|e| e.data.traceback())
        .unwrap_or(Value::NONE);
    let mut guard = 0;
    while let Some(t) = tb.downcast::<TracebackData>() {
        if let Some(fr) = t.data.frame.downcast::<FrameData>() {
            out.push((fr.data.code.clone(), t.data.lineno, t.data.lasti));
        }
        let next = t.data.next.clone();
        tb = next;
        guard += 1;
        if guard > 10_000_000 {
            break;
        }
    }
    out
}

fn tbd(v: &Value) -> PyResult<&Obj<TracebackData>> {
    v.downcast::<TracebackData>()
        .ok_or_else(|| PyErr::type_error("expected a traceback"))
}
fn frd(v: &Value) -> PyResult<&Obj<FrameData>> {
    v.downcast::<FrameData>()
        .ok_or_else(|| PyErr::type_error("expected a frame"))
}

fn opt_line(l: Option<u32>) -> Value {
    l.map(|l| Value::small_int(l as i64)).unwrap_or(Value::NONE)
}

fn tb_next(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(tbd(this)?.data.next.clone())
}
fn tb_frame(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(tbd(this)?.data.frame.clone())
}
fn tb_lineno(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(opt_line(tbd(this)?.data.lineno))
}
fn tb_lasti(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::small_int(tbd(this)?.data.lasti as i64 * 2))
}
fn f_code(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(frd(this)?.data.code.to_value())
}
fn f_globals(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(frd(this)?.data.globals.to_value())
}
fn f_locals(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let f = frd(this)?;
    if f.data.locals.is_none() {
        let d = DictData::new_ref();
        for (i, v) in f.data.fast_locals.iter().enumerate() {
            if !v.is_empty() {
                d.data
                    .set_str(f.data.code.data.localsplusnames[i].clone(), v.clone());
            }
        }
        return Ok(d.into_value());
    }
    Ok(f.data.locals.clone())
}
fn f_lineno(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(opt_line(frd(this)?.data.lineno))
}
fn f_lasti(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::small_int(frd(this)?.data.lasti as i64 * 2))
}
fn f_back(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(frd(this)?.data.back.clone())
}
fn f_builtins(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let f = frd(this)?;
    Ok(vm.builtins_for(&f.data.globals.clone()).into_value())
}

fn frame_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let f = frd(this)?;
    Ok(crate::types::str::new_str(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        f.as_ptr() as usize,
        f.data.code.data.bc.filename,
        f.data.lineno.unwrap_or(0),
        f.data.code.data.bc.name
    )))
}

pub fn init(t: &BuiltinTypes) {
    add_getsets(
        &t.traceback,
        &[
            GetSetDef::new("tb_next", tb_next),
            GetSetDef::new("tb_frame", tb_frame),
            GetSetDef::new("tb_lineno", tb_lineno),
            GetSetDef::new("tb_lasti", tb_lasti),
        ],
    );
    add_getsets(
        &t.frame,
        &[
            GetSetDef::new("f_code", f_code),
            GetSetDef::new("f_globals", f_globals),
            GetSetDef::new("f_locals", f_locals),
            GetSetDef::new("f_lineno", f_lineno),
            GetSetDef::new("f_lasti", f_lasti),
            GetSetDef::new("f_back", f_back),
            GetSetDef::new("f_builtins", f_builtins),
        ],
    );
    add_methods(&t.frame, &[MethodDef::method("__repr__", frame_repr)]);
}
