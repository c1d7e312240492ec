//! Generators: a heap-owned frame resumed by `send`/`next`/`throw`/`close`.
//!
//! `RETURN_GENERATOR` moves the freshly bound frame from the data stack into the
//! generator's own region; each resumption pushes that frame onto the thread's frame list
//! as an ENTRY frame and runs it until `YIELD_VALUE` (suspended) or `RETURN_VALUE`/an
//! exception (finished). The state word makes concurrent resumption an error
//! ("generator already executing") instead of a data race.

// Frames are reached through raw pointers whose validity the frame stack guarantees;
// references made from them are intentional.
#![allow(dangerous_implicit_autorefs)]

use std::cell::RefCell;
use std::cell::UnsafeCell;
use std::ptr;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use crate::interp::frame::{fflags, Frame, FrameBox};
use crate::object::{alloc, Header, Obj, ObjRef};
use crate::sync::PyMutex;
use crate::types::exception::ExceptionData;
use crate::types::typeobj::TypeData;
use crate::types::{add_getsets, add_methods, type_of, types, BuiltinTypes, GetSetDef, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

const CREATED: u8 = 0;
const SUSPENDED: u8 = 1;
const RUNNING: u8 = 2;
const FINISHED: u8 = 3;

// ----- finalization -----
//
// As in CPython, a generator that is dropped while suspended inside its body is closed
// first (GeneratorExit is thrown in, so `finally` blocks and `with` exits run). Dropping
// happens wherever a reference count reaches zero, where no `Vm` is at hand, so the
// deallocator resurrects the generator (one reference, owned by a per-thread queue) and
// the eval loop closes queued generators at its next check: after the instructions that
// drop values (STORE_FAST, DELETE_FAST, POP_TOP, POP_ITER, name stores), at every frame
// switch and at the eval-breaker points. Errors are reported through `sys.unraisablehook`.

/// Set when some thread queued a generator for finalization.
static FINALIZE_PENDING: AtomicBool = AtomicBool::new(false);

thread_local! {
    static TO_FINALIZE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Whether queued generators await closing (checked by the eval loop).
#[inline(always)]
pub fn finalizers_pending() -> bool {
    FINALIZE_PENDING.load(Ordering::Relaxed)
}

/// Called by the deallocator for a generator whose count reached zero: when it is
/// suspended inside its body, resurrects it into the finalization queue and returns true
/// (the caller must not free it).
///
/// # Safety
/// `ptr` is a generator object with no references left.
pub(crate) unsafe fn defer_finalization(ptr: *mut Header) -> bool {
    let Some(g) = (*ptr).downcast::<GeneratorData>() else {
        return false;
    };
    if g.data.state.load(Ordering::Acquire) != SUSPENDED
        || g.data.finalized.swap(true, Ordering::AcqRel)
    {
        return false;
    }
    let queued = TO_FINALIZE
        .try_with(|q| q.borrow_mut().push(ptr as usize))
        .is_ok();
    if queued {
        crate::object::resurrect(&*ptr);
        FINALIZE_PENDING.store(true, Ordering::Release);
    }
    queued
}

/// Closes the generators queued on this thread, reporting errors as unraisable.
pub fn run_finalizers(vm: &mut Vm) {
    FINALIZE_PENDING.store(false, Ordering::Relaxed);
    while let Some(p) = TO_FINALIZE.with(|q| q.borrow_mut().pop()) {
        // SAFETY: the queue owns the one reference `defer_finalization` resurrected.
        let gen = unsafe { ObjRef::from_raw(p as *const Obj<GeneratorData>) };
        if let Err(e) = gen_close(vm, &gen) {
            let obj = gen.to_value();
            vm.write_unraisable(e, &obj);
        }
        drop(gen);
    }
}

/// What a resumption produced.
pub enum SendResult {
    Yield(Value),
    Return(Value),
}

pub struct GeneratorData {
    frame: UnsafeCell<FrameBox>,
    state: AtomicU8,
    name: PyMutex<Value>,
    qualname: PyMutex<Value>,
    /// The exception being handled inside the generator while it is suspended.
    exc_state: PyMutex<Value>,
    code: Value,
    /// Set once the generator has been queued for finalization (it is closed at most once).
    finalized: AtomicBool,
}

// The frame is only touched by the thread that won the CREATED/SUSPENDED -> RUNNING
// transition.
unsafe impl Sync for GeneratorData {}
unsafe impl Send for GeneratorData {}

impl GeneratorData {
    /// Moves the frame `f` (just bound, at RETURN_GENERATOR) into a new generator.
    ///
    /// # Safety
    /// `f` must be the live innermost thread frame; afterwards the caller pops it without
    /// clearing it (its values now belong to the generator).
    pub(crate) unsafe fn from_frame(_vm: &mut Vm, f: *mut Frame) -> Value {
        let code = (*f).code();
        let slots = Frame::region_slots(&code.data);
        let fb = FrameBox::new(slots);
        let used = crate::interp::frame::FRAME_SLOTS
            + code.data.nlocalsplus as usize
            + (*f).stack_depth as usize;
        ptr::copy_nonoverlapping(f as *const Value, fb.base(), used);
        let name = (*f)
            .func
            .downcast::<crate::types::function::FunctionData>()
            .map(|func| (func.data.name(), func.data.qualname()));
        let (name, qualname) =
            name.unwrap_or_else(|| (code.data.name.clone(), code.data.qualname.clone()));
        let code_v = code.to_value();
        let mut fb = fb;
        fb.live = true;
        let gen = alloc(
            types().generator.clone(),
            GeneratorData {
                frame: UnsafeCell::new(fb),
                state: AtomicU8::new(CREATED),
                name: PyMutex::new(name),
                qualname: PyMutex::new(qualname),
                exc_state: PyMutex::new(Value::NONE),
                code: code_v,
                finalized: AtomicBool::new(false),
            },
        );
        let gf = (*gen.data.frame.get()).frame();
        (*gf).flags = fflags::GENERATOR;
        (*gf).generator = &*gen as *const Obj<GeneratorData>;
        (*gf).prev_top = ptr::null_mut();
        gen.into_value()
    }

    /// Called by YIELD_VALUE.
    pub(crate) fn set_suspended(&self) {
        self.state.store(SUSPENDED, Ordering::Release);
    }

    /// Called when the frame returns or an exception leaves it: clears the frame.
    pub(crate) fn finish_frame(&self) {
        unsafe {
            let fb = &mut *self.frame.get();
            if fb.live {
                fb.live = false;
                Frame::clear(fb.frame());
            }
        }
        self.state.store(FINISHED, Ordering::Release);
    }

    fn frame_ptr(&self) -> *mut Frame {
        unsafe { (*self.frame.get()).frame() }
    }

    pub fn is_running(&self) -> bool {
        self.state.load(Ordering::Acquire) == RUNNING
    }

    /// The sub-iterator this generator is delegating to (`gi_yieldfrom`), if suspended in
    /// `yield from`.
    pub fn yieldfrom(&self) -> Option<Value> {
        if self.state.load(Ordering::Acquire) != SUSPENDED {
            return None;
        }
        unsafe {
            let f = self.frame_ptr();
            let unit = (*f).code().data.unit((*f).lasti as usize);
            if unit.opcode() == Some(krait_bytecode::Opcode::YIELD_VALUE)
                && unit.arg() == 1
                && (*f).stack_depth >= 1
            {
                return Some((*(*f).stack_base().add((*f).stack_depth as usize - 1)).clone());
            }
        }
        None
    }

    /// Claims the generator for running; `Err` explains why it cannot run.
    fn begin(&self, sending_value: bool) -> PyResult<Option<u8>> {
        loop {
            let st = self.state.load(Ordering::Acquire);
            match st {
                RUNNING => return Err(PyErr::value_error("generator already executing")),
                FINISHED => return Ok(None),
                CREATED if sending_value => {
                    return Err(PyErr::type_error(
                        "can't send non-None value to a just-started generator",
                    ))
                }
                _ => {
                    if self
                        .state
                        .compare_exchange(st, RUNNING, Ordering::AcqRel, Ordering::Acquire)
                        .is_ok()
                    {
                        return Ok(Some(st));
                    }
                }
            }
        }
    }
}

/// Runs the generator's frame until it yields or finishes, either sending `value` or
/// raising `exc` at the suspension point.
fn resume(
    vm: &mut Vm,
    gen: &Obj<GeneratorData>,
    value: Value,
    exc: Option<PyErr>,
) -> PyResult<SendResult> {
    vm.check_stack()?;
    if vm.frames.len() + vm.native_depth >= vm.interp.recursion_limit() {
        gen.data.state.store(SUSPENDED, Ordering::Release);
        return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
    }
    let f = gen.data.frame_ptr();
    unsafe {
        // The sent value is pushed even when throwing (the exception table's depths for
        // a suspended YIELD_VALUE count it).
        ptr::write((*f).stack_base().add((*f).stack_depth as usize), value);
        (*f).stack_depth += 1;
        (*f).flags = fflags::GENERATOR | fflags::ENTRY;
        vm.frames.push(f);
    }
    let saved = std::mem::replace(
        &mut vm.exc_info,
        std::mem::replace(&mut *gen.data.exc_state.lock(), Value::NONE),
    );
    let r = match exc {
        Some(e) => vm.run_with_exception(e),
        None => vm.run(),
    };
    let inner_exc = std::mem::replace(&mut vm.exc_info, saved);
    let suspended = gen.data.state.load(Ordering::Acquire) == SUSPENDED;
    if suspended {
        *gen.data.exc_state.lock() = inner_exc;
    }
    match r {
        Ok(v) if suspended => Ok(SendResult::Yield(v)),
        Ok(v) => {
            gen.data.state.store(FINISHED, Ordering::Release);
            Ok(SendResult::Return(v))
        }
        Err(e) => {
            gen.data.state.store(FINISHED, Ordering::Release);
            Err(e)
        }
    }
}

/// `gen.send(value)` as a SendResult (`yield from` and `for` use this).
pub fn gen_send(vm: &mut Vm, gen: &Obj<GeneratorData>, value: Value) -> PyResult<SendResult> {
    match gen.data.begin(!value.is_none())? {
        None => Ok(SendResult::Return(Value::NONE)),
        Some(_) => resume(vm, gen, value, None),
    }
}

/// `next(gen)`: `Ok(None)` when the generator finishes.
pub fn gen_next(vm: &mut Vm, gen: &Obj<GeneratorData>) -> PyResult<Option<Value>> {
    match gen_send(vm, gen, Value::NONE)? {
        SendResult::Yield(v) => Ok(Some(v)),
        SendResult::Return(_) => Ok(None),
    }
}

/// `gen.throw(exc)`.
pub fn gen_throw(vm: &mut Vm, gen: &Obj<GeneratorData>, exc: PyErr) -> PyResult<SendResult> {
    let prev = match gen.data.begin(false) {
        Ok(Some(p)) => p,
        Ok(None) => return Err(exc),
        Err(e) => return Err(e),
    };
    if prev == SUSPENDED {
        // Delegate to the sub-iterator of a `yield from`.
        let f = gen.data.frame_ptr();
        let yf = unsafe {
            let unit = (*f).code().data.unit((*f).lasti as usize);
            if unit.opcode() == Some(krait_bytecode::Opcode::YIELD_VALUE)
                && unit.arg() == 1
                && (*f).stack_depth >= 1
            {
                Some((*(*f).stack_base().add((*f).stack_depth as usize - 1)).clone())
            } else {
                None
            }
        };
        if let Some(yf) = yf {
            let is_exit = exc.matches(&types().exc.generator_exit);
            // The sub-iterator runs while this generator counts as running.
            let sub = if is_exit {
                match gen_close_any(vm, &yf) {
                    Ok(()) => Err(exc.clone()),
                    Err(e) => Err(e),
                }
            } else if let Some(g) = yf.downcast::<GeneratorData>() {
                gen_throw(vm, g, exc.clone())
            } else {
                match vm.lookup_attr(&yf, &crate::intern::names().throw)? {
                    Some(m) => match vm.call(&m, &[exc.value().clone()]) {
                        Ok(v) => Ok(SendResult::Yield(v)),
                        Err(e) => Err(e),
                    },
                    None => Err(exc.clone()),
                }
            };
            match sub {
                Ok(SendResult::Yield(v)) => {
                    gen.data.state.store(SUSPENDED, Ordering::Release);
                    return Ok(SendResult::Yield(v));
                }
                Ok(SendResult::Return(v)) => {
                    // The sub-generator finished: continue this one with its value.
                    return resume(vm, gen, v, None);
                }
                Err(e) => return resume(vm, gen, Value::NONE, Some(e)),
            }
        }
    }
    resume(vm, gen, Value::NONE, Some(exc))
}

/// Closes any iterator used by `yield from` (calls `close()` if it has one).
fn gen_close_any(vm: &mut Vm, it: &Value) -> PyResult<()> {
    if let Some(g) = it.downcast::<GeneratorData>() {
        return gen_close(vm, g);
    }
    if let Some(m) = vm.lookup_attr(it, &crate::intern::names().close)? {
        vm.call(&m, &[])?;
    }
    Ok(())
}

/// `gen.close()`.
pub fn gen_close(vm: &mut Vm, gen: &Obj<GeneratorData>) -> PyResult<()> {
    match gen.data.state.load(Ordering::Acquire) {
        CREATED => {
            if gen
                .data
                .state
                .compare_exchange(CREATED, RUNNING, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                gen.data.finish_frame();
            }
            return Ok(());
        }
        FINISHED => return Ok(()),
        _ => {}
    }
    let exit = PyErr::with_args(&types().exc.generator_exit, vec![]);
    match gen_throw(vm, gen, exit) {
        Ok(SendResult::Yield(_)) => Err(PyErr::runtime_error("generator ignored GeneratorExit")),
        Ok(SendResult::Return(_)) => Ok(()),
        Err(e)
            if e.matches(&types().exc.generator_exit) || e.matches(&types().exc.stop_iteration) =>
        {
            Ok(())
        }
        Err(e) => Err(e),
    }
}

fn gd(v: &Value) -> PyResult<&Obj<GeneratorData>> {
    v.downcast::<GeneratorData>()
        .ok_or_else(|| PyErr::type_error("expected a generator"))
}

fn gen_iter(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(this.clone())
}

fn gen_next_method(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    match gen_send(vm, gd(this)?, Value::NONE)? {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(PyErr::stop_iteration(v)),
    }
}

fn gen_send_method(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("send")?;
    match gen_send(vm, gd(this)?, v.clone())? {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(PyErr::stop_iteration(v)),
    }
}

/// Normalizes `throw(type[, value[, tb]])` / `throw(instance)` into an exception.
pub fn make_throw_exception(vm: &mut Vm, args: Args) -> PyResult<PyErr> {
    let pos = args.range("throw", 1, 3)?;
    let typ = &pos[0];
    let val = pos.get(1).cloned().unwrap_or(Value::NONE);
    let tb = pos.get(2).cloned();
    let exc = if let Some(cls) = typ.downcast::<TypeData>() {
        if !cls.is_subtype(&types().exc.base_exception) {
            return Err(PyErr::type_error(
                "exceptions must be classes or instances deriving from BaseException, not type",
            ));
        }
        if val.downcast::<ExceptionData>().is_some() && crate::types::isinstance(&val, cls) {
            val
        } else if val.is_none() {
            vm.call(typ, &[])?
        } else if let Some(t) = val.downcast::<crate::types::tuple::TupleData>() {
            vm.call(typ, t.data.items())?
        } else {
            vm.call(typ, &[val])?
        }
    } else if typ.downcast::<ExceptionData>().is_some() {
        if !val.is_none() {
            return Err(PyErr::type_error(
                "instance exception may not have a separate value",
            ));
        }
        typ.clone()
    } else {
        return Err(PyErr::type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            type_of(typ).name()
        )));
    };
    if let (Some(tb), Some(e)) = (tb, exc.downcast::<ExceptionData>()) {
        if !tb.is_none() {
            e.data.set_traceback(tb);
        }
    }
    Ok(PyErr::from_exception(exc))
}

fn gen_throw_method(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let exc = make_throw_exception(vm, args)?;
    match gen_throw(vm, gd(this)?, exc)? {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(PyErr::stop_iteration(v)),
    }
}

fn gen_close_method(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    gen_close(vm, gd(this)?)?;
    Ok(Value::NONE)
}

fn gen_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let g = gd(this)?;
    let q = g.data.qualname.lock().clone();
    Ok(crate::types::str::new_str(format!(
        "<generator object {} at {:#x}>",
        crate::interp::eval::name_str(&q),
        g.as_ptr() as usize
    )))
}

fn get_name(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(gd(this)?.data.name.lock().clone())
}
fn set_name(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    *gd(this)?.data.name.lock() =
        v.ok_or_else(|| PyErr::type_error("__name__ must be set to a string object"))?;
    Ok(())
}
fn get_qualname(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(gd(this)?.data.qualname.lock().clone())
}
fn set_qualname(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    *gd(this)?.data.qualname.lock() =
        v.ok_or_else(|| PyErr::type_error("__qualname__ must be set to a string object"))?;
    Ok(())
}
fn gi_running(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::bool(gd(this)?.data.is_running()))
}
fn gi_code(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(gd(this)?.data.code.clone())
}
fn gi_yieldfrom(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(gd(this)?.data.yieldfrom().unwrap_or(Value::NONE))
}
fn gi_frame(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let g = gd(this)?;
    if g.data.state.load(Ordering::Acquire) == FINISHED {
        return Ok(Value::NONE);
    }
    unsafe {
        Ok(crate::types::traceback::FrameData::from_frame(
            &*g.data.frame_ptr(),
            Value::NONE,
        ))
    }
}
fn gi_suspended(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::bool(
        gd(this)?.data.state.load(Ordering::Acquire) == SUSPENDED,
    ))
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.generator,
        &[
            MethodDef::method("__iter__", gen_iter),
            MethodDef::method("__next__", gen_next_method),
            MethodDef::method("send", gen_send_method),
            MethodDef::method("throw", gen_throw_method),
            MethodDef::method("close", gen_close_method),
            MethodDef::method("__repr__", gen_repr),
        ],
    );
    add_getsets(
        &t.generator,
        &[
            GetSetDef::with_setter("__name__", get_name, set_name),
            GetSetDef::with_setter("__qualname__", get_qualname, set_qualname),
            GetSetDef::new("gi_running", gi_running),
            GetSetDef::new("gi_code", gi_code),
            GetSetDef::new("gi_yieldfrom", gi_yieldfrom),
            GetSetDef::new("gi_frame", gi_frame),
            GetSetDef::new("gi_suspended", gi_suspended),
        ],
    );
}
