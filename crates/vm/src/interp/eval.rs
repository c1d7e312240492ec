//! The dispatch loop.
//!
//! `execute` runs the innermost frame and every Python frame it calls, in one Rust loop: a
//! call to a Python function pushes a frame region on the data stack and continues the loop
//! there (no Rust recursion); `RETURN_VALUE` pops it and continues in the caller. The loop
//! keeps the hot registers (instruction index, stack pointer, locals base) in Rust locals and
//! writes them back to the frame before anything that may inspect frames or fail.
//!
//! On an error it records the failing instruction and returns `Err`; `run` (in `run.rs`)
//! unwinds through the exception tables and re-enters the loop at the handler.

// Frames are reached through raw pointers whose validity the frame stack guarantees;
// references made from them are intentional.
#![allow(dangerous_implicit_autorefs)]

use std::ptr;
use std::sync::atomic::Ordering;

use krait_bytecode::opcode::{conversion, make_function, Opcode};
use krait_bytecode::{
    BinaryOperator, CommonConstant, ComparisonOperator, Intrinsic1, Intrinsic2, SpecialMethod,
};

use crate::interp::frame::{fflags, Frame};
use crate::object::Obj;
use crate::types::cell::CellData;
use crate::types::dict::DictData;
use crate::types::function::FunctionData;
use crate::types::str::StrData;
use crate::types::{type_of, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

const OP_EXTENDED_ARG: u8 = Opcode::EXTENDED_ARG as u8;

impl Vm {
    /// Runs the innermost frame until an ENTRY frame returns (`Ok`) or an error escapes the
    /// innermost frame (`Err`, with the frame's `lasti` and stack depth recorded).
    #[allow(clippy::cognitive_complexity)]
    pub(crate) fn execute(&mut self) -> PyResult<Value> {
        unsafe { self.execute_inner() }
    }

    unsafe fn execute_inner(&mut self) -> PyResult<Value> {
        'frame: loop {
            let f: *mut Frame = *self.frames.last().expect("a frame to run");
            let code = &(*f).code().data;
            let units = code.units.as_ptr();
            let consts = code.consts.as_ptr();
            let names = code.names.as_ptr();
            let locals = (*f).localsplus();
            let stack_base = locals.add(code.nlocalsplus as usize);
            let mut sp = stack_base.add((*f).stack_depth as usize);
            let mut ip = (*f).ip as usize;

            macro_rules! push {
                ($v:expr) => {{
                    let v: Value = $v;
                    ptr::write(sp, v);
                    sp = sp.add(1);
                }};
            }
            macro_rules! pop {
                () => {{
                    sp = sp.sub(1);
                    ptr::read(sp)
                }};
            }
            // peek!(1) is the top of the stack.
            macro_rules! peek {
                ($n:expr) => {
                    &*sp.sub($n)
                };
            }
            macro_rules! sync {
                ($this_ip:expr) => {{
                    (*f).ip = ip as u32;
                    (*f).lasti = $this_ip as u32;
                    (*f).stack_depth = sp.offset_from(stack_base) as u32;
                }};
            }
            macro_rules! fail {
                ($this_ip:expr, $e:expr) => {{
                    let e: PyErr = $e;
                    sync!($this_ip);
                    return Err(e);
                }};
            }
            macro_rules! tri {
                ($this_ip:expr, $e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => fail!($this_ip, e),
                    }
                };
            }
            macro_rules! name {
                ($i:expr) => {
                    &*names.add($i as usize)
                };
            }
            // After an instruction that dropped a heap value: close generators that the
            // drop queued for finalization (see types/generator.rs).
            macro_rules! finalize_dropped {
                ($this_ip:expr) => {
                    if crate::types::generator::finalizers_pending() {
                        sync!($this_ip);
                        crate::types::generator::run_finalizers(self);
                    }
                };
            }
            macro_rules! drop_heap {
                ($this_ip:expr, $v:expr) => {{
                    let v: Value = $v;
                    if v.is_ptr() {
                        drop(v);
                        finalize_dropped!($this_ip);
                    }
                }};
            }
            macro_rules! skip_caches {
                ($op:ident) => {
                    ip += const { Opcode::$op.cache_units() }
                };
            }

            loop {
                let mut word = (*units.add(ip)).load(Ordering::Relaxed);
                ip += 1;
                let mut oparg = (word >> 8) as u32;
                while word as u8 == OP_EXTENDED_ARG {
                    word = (*units.add(ip)).load(Ordering::Relaxed);
                    ip += 1;
                    oparg = (oparg << 8) | (word >> 8) as u32;
                }
                let this_ip = ip - 1;
                // A specialized instruction runs its family's generic implementation.
                let Some(opcode) = Opcode::base_of_byte(word as u8) else {
                    fail!(
                        this_ip,
                        PyErr::system_error(format!("unknown opcode {}", word as u8))
                    );
                };
                match opcode {
                    Opcode::NOP => {}
                    Opcode::RESUME => {
                        if crate::signals::pending() {
                            sync!(this_ip);
                            tri!(this_ip, crate::signals::handle(self));
                        }
                    }
                    Opcode::POP_TOP => drop_heap!(this_ip, pop!()),
                    Opcode::PUSH_NULL => push!(Value::EMPTY),
                    Opcode::COPY => {
                        let v = peek!(oparg as usize).clone();
                        push!(v);
                    }
                    Opcode::SWAP => {
                        ptr::swap(sp.sub(1), sp.sub(oparg as usize));
                    }
                    Opcode::LOAD_CONST => push!((*consts.add(oparg as usize)).clone()),
                    Opcode::LOAD_SMALL_INT => push!(Value::small_int(oparg as i64)),
                    Opcode::LOAD_FAST | Opcode::LOAD_FAST_CHECK => {
                        let v = &*locals.add(oparg as usize);
                        if v.is_empty() {
                            fail!(this_ip, self.unbound_local(code, oparg as usize));
                        }
                        push!(v.clone());
                    }
                    Opcode::LOAD_FAST_AND_CLEAR => {
                        let v = (*locals.add(oparg as usize)).take();
                        push!(v);
                    }
                    Opcode::LOAD_FAST_LOAD_FAST => {
                        for i in [oparg >> 4, oparg & 15] {
                            let v = &*locals.add(i as usize);
                            if v.is_empty() {
                                fail!(this_ip, self.unbound_local(code, i as usize));
                            }
                            push!(v.clone());
                        }
                    }
                    Opcode::STORE_FAST => {
                        let v = pop!();
                        drop_heap!(this_ip, ptr::replace(locals.add(oparg as usize), v));
                    }
                    Opcode::STORE_FAST_LOAD_FAST => {
                        let v = pop!();
                        drop(ptr::replace(locals.add((oparg >> 4) as usize), v));
                        let l = &*locals.add((oparg & 15) as usize);
                        if l.is_empty() {
                            fail!(this_ip, self.unbound_local(code, (oparg & 15) as usize));
                        }
                        push!(l.clone());
                    }
                    Opcode::STORE_FAST_STORE_FAST => {
                        let b = pop!();
                        drop(ptr::replace(locals.add((oparg >> 4) as usize), b));
                        let a = pop!();
                        drop(ptr::replace(locals.add((oparg & 15) as usize), a));
                    }
                    Opcode::DELETE_FAST => {
                        let old = (*locals.add(oparg as usize)).take();
                        if old.is_empty() {
                            fail!(this_ip, self.unbound_local(code, oparg as usize));
                        }
                        drop_heap!(this_ip, old);
                    }
                    Opcode::MAKE_CELL => {
                        let slot = &mut *locals.add(oparg as usize);
                        let initial = slot.take();
                        *slot = CellData::new_value(initial);
                    }
                    Opcode::COPY_FREE_VARS => {
                        let closure = match (*f).func.downcast::<FunctionData>() {
                            Some(func) => func.data.closure(),
                            None => Value::EMPTY,
                        };
                        let n = oparg as usize;
                        let first = code.nlocalsplus as usize - n;
                        if let Some(t) = closure.downcast::<crate::types::tuple::TupleData>() {
                            for (i, cell) in t.data.items().iter().take(n).enumerate() {
                                drop(ptr::replace(locals.add(first + i), cell.clone()));
                            }
                        }
                    }
                    Opcode::LOAD_DEREF => {
                        let cell = &*locals.add(oparg as usize);
                        match cell.downcast::<CellData>().and_then(|c| c.data.get()) {
                            Some(v) => push!(v),
                            None => fail!(this_ip, self.unbound_deref(code, oparg as usize)),
                        }
                    }
                    Opcode::STORE_DEREF => {
                        let v = pop!();
                        let cell = &*locals.add(oparg as usize);
                        match cell.downcast::<CellData>() {
                            Some(c) => {
                                c.data.set(Some(v));
                            }
                            None => fail!(
                                this_ip,
                                PyErr::system_error("STORE_DEREF on a slot without a cell")
                            ),
                        }
                    }
                    Opcode::DELETE_DEREF => {
                        let cell = &*locals.add(oparg as usize);
                        let had = cell
                            .downcast::<CellData>()
                            .map(|c| c.data.set(None))
                            .unwrap_or(false);
                        if !had {
                            fail!(this_ip, self.unbound_deref(code, oparg as usize));
                        }
                    }
                    Opcode::LOAD_FROM_DICT_OR_DEREF => {
                        let mapping = pop!();
                        let name = &code.localsplusnames[oparg as usize];
                        sync!(this_ip);
                        let found = tri!(this_ip, self.mapping_lookup(&mapping, name));
                        match found {
                            Some(v) => push!(v),
                            None => {
                                let cell = &*locals.add(oparg as usize);
                                match cell.downcast::<CellData>().and_then(|c| c.data.get()) {
                                    Some(v) => push!(v),
                                    None => {
                                        fail!(this_ip, self.unbound_deref(code, oparg as usize))
                                    }
                                }
                            }
                        }
                    }
                    Opcode::LOAD_NAME | Opcode::LOAD_FROM_DICT_OR_GLOBALS => {
                        // The mapping: the frame's locals, or one on the stack (class bodies
                        // of annotation scopes); then globals, then builtins.
                        let popped;
                        let mapping: &Value = if opcode == Opcode::LOAD_NAME {
                            &(*f).locals
                        } else {
                            popped = pop!();
                            &popped
                        };
                        let name = name!(oparg);
                        sync!(this_ip);
                        let found = if mapping.is_empty() {
                            None
                        } else {
                            tri!(this_ip, self.mapping_lookup(mapping, name))
                        };
                        let v = match found {
                            Some(v) => v,
                            None => tri!(
                                this_ip,
                                self.load_global_or_builtin((*f).globals(), (*f).builtins(), name)
                            ),
                        };
                        push!(v);
                    }
                    Opcode::STORE_NAME => {
                        let v = pop!();
                        let name = name!(oparg);
                        sync!(this_ip);
                        let locals_map = &(*f).locals;
                        if locals_map.is_empty() {
                            fail!(
                                this_ip,
                                PyErr::system_error(format!(
                                    "no locals found when storing {}",
                                    name_str(name)
                                ))
                            );
                        }
                        match locals_map.downcast::<DictData>() {
                            Some(d) if type_of(locals_map).is(&types().dict) => {
                                d.data.set_str(name.clone(), v)
                            }
                            _ => tri!(this_ip, self.set_item(locals_map, name, v)),
                        }
                        finalize_dropped!(this_ip);
                    }
                    Opcode::DELETE_NAME => {
                        let name = name!(oparg);
                        sync!(this_ip);
                        let locals_map = &(*f).locals;
                        let ok = match locals_map.downcast::<DictData>() {
                            Some(d) if type_of(locals_map).is(&types().dict) => {
                                d.data.del_str(name).is_some()
                            }
                            _ if locals_map.is_empty() => false,
                            _ => match self.del_item(locals_map, name) {
                                Ok(()) => true,
                                Err(e) if e.matches(&types().exc.key_error) => false,
                                Err(e) => fail!(this_ip, e),
                            },
                        };
                        if !ok {
                            fail!(this_ip, PyErr::name_not_defined(name));
                        }
                        finalize_dropped!(this_ip);
                    }
                    Opcode::LOAD_GLOBAL => {
                        let name = name!(oparg >> 1);
                        let v = match (*f).globals().data.get_str(name) {
                            Some(v) => v,
                            None => match (*f).builtins().data.get_str(name) {
                                Some(v) => v,
                                None => {
                                    sync!(this_ip);
                                    fail!(this_ip, PyErr::name_not_defined(name))
                                }
                            },
                        };
                        push!(v);
                        if oparg & 1 != 0 {
                            push!(Value::EMPTY);
                        }
                        skip_caches!(LOAD_GLOBAL);
                    }
                    Opcode::STORE_GLOBAL => {
                        let v = pop!();
                        (*f).globals().data.set_str(name!(oparg).clone(), v);
                    }
                    Opcode::DELETE_GLOBAL => {
                        let name = name!(oparg);
                        if (*f).globals().data.del_str(name).is_none() {
                            fail!(this_ip, PyErr::name_not_defined(name));
                        }
                    }
                    Opcode::LOAD_LOCALS => {
                        let l = &(*f).locals;
                        if l.is_empty() {
                            fail!(this_ip, PyErr::system_error("no locals found"));
                        }
                        push!(l.clone());
                    }
                    Opcode::LOAD_BUILD_CLASS => {
                        match (*f)
                            .builtins()
                            .data
                            .get_str(&crate::intern::names().__build_class__)
                        {
                            Some(v) => push!(v),
                            None => fail!(this_ip, PyErr::name_error("__build_class__ not found")),
                        }
                    }
                    Opcode::LOAD_ATTR => {
                        let name = name!(oparg >> 1);
                        if oparg & 1 != 0 {
                            let owner = pop!();
                            if let Some(m) = crate::interp::attr::fast_instance_method(&owner, name)
                            {
                                push!(m);
                                push!(owner);
                            } else {
                                sync!(this_ip);
                                let (meth, is_method) =
                                    tri!(this_ip, self.load_method(&owner, name));
                                push!(meth);
                                push!(if is_method { owner } else { Value::EMPTY });
                            }
                        } else {
                            let owner = pop!();
                            let v = match crate::interp::attr::fast_instance_getattr(&owner, name) {
                                Some(v) => v,
                                None => {
                                    sync!(this_ip);
                                    tri!(this_ip, self.get_attr(&owner, name))
                                }
                            };
                            push!(v);
                        }
                        skip_caches!(LOAD_ATTR);
                    }
                    Opcode::STORE_ATTR => {
                        let owner = pop!();
                        let v = pop!();
                        if let Err(v) =
                            crate::interp::attr::fast_instance_setattr(&owner, name!(oparg), v)
                        {
                            sync!(this_ip);
                            tri!(this_ip, self.set_attr(&owner, name!(oparg), v));
                        }
                        skip_caches!(STORE_ATTR);
                    }
                    Opcode::DELETE_ATTR => {
                        let owner = pop!();
                        sync!(this_ip);
                        tri!(this_ip, self.del_attr(&owner, name!(oparg)));
                    }
                    Opcode::LOAD_SUPER_ATTR => {
                        let self_v = pop!();
                        let class = pop!();
                        let global_super = pop!();
                        sync!(this_ip);
                        let name = name!(oparg >> 2);
                        let load_method = oparg & 1 != 0;
                        let (attr, bound_self) = tri!(
                            this_ip,
                            self.load_super_attr(
                                &global_super,
                                &class,
                                &self_v,
                                name,
                                load_method,
                                oparg & 2 != 0
                            )
                        );
                        push!(attr);
                        if load_method {
                            push!(bound_self);
                        }
                        skip_caches!(LOAD_SUPER_ATTR);
                    }
                    Opcode::LOAD_SPECIAL => {
                        let owner = pop!();
                        sync!(this_ip);
                        let which = SpecialMethod::from_arg(oparg).unwrap_or(SpecialMethod::Enter);
                        let (meth, self_or_null) = tri!(this_ip, self.load_special(&owner, which));
                        push!(meth);
                        push!(self_or_null);
                    }
                    Opcode::LOAD_COMMON_CONSTANT => {
                        let t = types();
                        let v = match CommonConstant::from_arg(oparg) {
                            Some(CommonConstant::AssertionError) => {
                                t.exc.assertion_error.to_value()
                            }
                            Some(CommonConstant::NotImplementedError) => {
                                t.exc.not_implemented_error.to_value()
                            }
                            Some(CommonConstant::BuiltinTuple) => t.tuple.to_value(),
                            Some(CommonConstant::BuiltinAll) => tri!(this_ip, self.builtin("all")),
                            Some(CommonConstant::BuiltinAny) => tri!(this_ip, self.builtin("any")),
                            None => fail!(this_ip, PyErr::system_error("bad LOAD_COMMON_CONSTANT")),
                        };
                        push!(v);
                    }
                    Opcode::BINARY_OP => {
                        let rhs = peek!(1);
                        let lhs = peek!(2);
                        // Small-int and float fast paths (no allocation, no counts).
                        let fast = if lhs.is_small_int() && rhs.is_small_int() {
                            crate::types::int::small_binary_op(
                                lhs.small_int_unchecked(),
                                rhs.small_int_unchecked(),
                                oparg,
                            )
                        } else if lhs.is_float_imm() && rhs.is_float_imm() {
                            crate::types::float::imm_binary_op(
                                lhs.float_imm_unchecked(),
                                rhs.float_imm_unchecked(),
                                oparg,
                            )
                        } else if let Some((a, b)) = crate::types::float::mixed_imm(lhs, rhs) {
                            crate::types::float::imm_binary_op(a, b, oparg)
                        } else if oparg == BinaryOperator::Subscr as u32 {
                            if let Some(r) = crate::types::fast_index(lhs, rhs) {
                                Some(tri!(this_ip, r))
                            } else {
                                // Builtin containers (may hash/compare keys, so sync first).
                                sync!(this_ip);
                                match crate::types::native_getitem(self, lhs, rhs) {
                                    Some(r) => Some(tri!(this_ip, r)),
                                    None => None,
                                }
                            }
                        } else {
                            None
                        };
                        let res = match fast {
                            Some(v) => v,
                            None => {
                                sync!(this_ip);
                                let op = match BinaryOperator::from_arg(oparg) {
                                    Some(op) => op,
                                    None => fail!(this_ip, PyErr::system_error("bad BINARY_OP")),
                                };
                                tri!(this_ip, self.binary_op(lhs, rhs, op))
                            }
                        };
                        drop(pop!());
                        drop(pop!());
                        push!(res);
                        skip_caches!(BINARY_OP);
                    }
                    Opcode::BINARY_SLICE => {
                        let stop = pop!();
                        let start = pop!();
                        let container = pop!();
                        sync!(this_ip);
                        let v = match crate::types::fast_slice(self, &container, &start, &stop) {
                            Some(r) => tri!(this_ip, r),
                            None => {
                                let slice =
                                    crate::types::slice::new_slice(start, stop, Value::NONE);
                                tri!(this_ip, self.get_item(&container, &slice))
                            }
                        };
                        push!(v);
                    }
                    Opcode::STORE_SLICE => {
                        let stop = pop!();
                        let start = pop!();
                        let container = pop!();
                        let v = pop!();
                        sync!(this_ip);
                        let slice = crate::types::slice::new_slice(start, stop, Value::NONE);
                        tri!(this_ip, self.set_item(&container, &slice, v));
                    }
                    Opcode::STORE_SUBSCR => {
                        let key = pop!();
                        let container = pop!();
                        let v = pop!();
                        match crate::types::fast_store_index(&container, &key, v) {
                            Ok(true) => {}
                            Ok(false) => fail!(
                                this_ip,
                                PyErr::index_error("list assignment index out of range")
                            ),
                            Err(v) => {
                                sync!(this_ip);
                                tri!(this_ip, self.set_item(&container, &key, v));
                            }
                        }
                        skip_caches!(STORE_SUBSCR);
                    }
                    Opcode::DELETE_SUBSCR => {
                        let key = pop!();
                        let container = pop!();
                        sync!(this_ip);
                        tri!(this_ip, self.del_item(&container, &key));
                    }
                    Opcode::UNARY_NEGATIVE => {
                        let v = pop!();
                        let res = match v.as_small_int() {
                            Some(i) => crate::types::int::int_from_i64(-i),
                            None => {
                                sync!(this_ip);
                                tri!(this_ip, self.unary_op(&v, "__neg__", "unary -"))
                            }
                        };
                        push!(res);
                    }
                    Opcode::UNARY_INVERT => {
                        let v = pop!();
                        let res = match v.as_small_int() {
                            Some(i) => Value::small_int(!i),
                            None => {
                                sync!(this_ip);
                                tri!(this_ip, self.unary_op(&v, "__invert__", "unary ~"))
                            }
                        };
                        push!(res);
                    }
                    Opcode::UNARY_NOT => {
                        let v = pop!();
                        let b = match v.as_bool() {
                            Some(b) => b,
                            None => {
                                sync!(this_ip);
                                tri!(this_ip, self.is_true(&v))
                            }
                        };
                        push!(Value::bool(!b));
                    }
                    Opcode::TO_BOOL => {
                        let v = pop!();
                        let b = if let Some(b) = v.as_bool() {
                            b
                        } else if let Some(i) = v.as_small_int() {
                            i != 0
                        } else if v.is_none() {
                            false
                        } else {
                            sync!(this_ip);
                            tri!(this_ip, self.is_true(&v))
                        };
                        push!(Value::bool(b));
                        skip_caches!(TO_BOOL);
                    }
                    Opcode::CALL_INTRINSIC_1 => {
                        let v = pop!();
                        sync!(this_ip);
                        let res = tri!(
                            this_ip,
                            self.call_intrinsic_1(Intrinsic1::from_arg(oparg), v)
                        );
                        push!(res);
                    }
                    Opcode::CALL_INTRINSIC_2 => {
                        let b = pop!();
                        let a = pop!();
                        sync!(this_ip);
                        let res = tri!(
                            this_ip,
                            self.call_intrinsic_2(Intrinsic2::from_arg(oparg), a, b)
                        );
                        push!(res);
                    }
                    Opcode::COMPARE_OP => {
                        let rhs = peek!(1);
                        let lhs = peek!(2);
                        let cmp = match ComparisonOperator::from_compare_arg(oparg) {
                            Some(c) => c,
                            None => fail!(this_ip, PyErr::system_error("bad COMPARE_OP")),
                        };
                        let res = if lhs.is_small_int() && rhs.is_small_int() {
                            Value::bool(compare_i64(
                                lhs.small_int_unchecked(),
                                rhs.small_int_unchecked(),
                                cmp,
                            ))
                        } else if lhs.is_float_imm() && rhs.is_float_imm() {
                            Value::bool(compare_f64(
                                lhs.float_imm_unchecked(),
                                rhs.float_imm_unchecked(),
                                cmp,
                            ))
                        } else {
                            sync!(this_ip);
                            let r = tri!(this_ip, self.rich_compare(lhs, rhs, cmp));
                            if oparg & 16 != 0 && !r.is_bool() {
                                Value::bool(tri!(this_ip, self.is_true(&r)))
                            } else {
                                r
                            }
                        };
                        drop(pop!());
                        drop(pop!());
                        push!(res);
                        skip_caches!(COMPARE_OP);
                    }
                    Opcode::IS_OP => {
                        let b = pop!();
                        let a = pop!();
                        push!(Value::bool(a.is(&b) != (oparg == 1)));
                    }
                    Opcode::CONTAINS_OP => {
                        let container = pop!();
                        let item = pop!();
                        sync!(this_ip);
                        let r = tri!(this_ip, self.contains(&container, &item));
                        push!(Value::bool(r != (oparg == 1)));
                        skip_caches!(CONTAINS_OP);
                    }
                    Opcode::BUILD_TUPLE => {
                        let n = oparg as usize;
                        sp = sp.sub(n);
                        let items: Vec<Value> = (0..n).map(|i| ptr::read(sp.add(i))).collect();
                        push!(crate::types::tuple::new_tuple(items));
                    }
                    Opcode::BUILD_LIST => {
                        let n = oparg as usize;
                        sp = sp.sub(n);
                        let items: Vec<Value> = (0..n).map(|i| ptr::read(sp.add(i))).collect();
                        push!(crate::types::list::new_list(items));
                    }
                    Opcode::BUILD_SET => {
                        let n = oparg as usize;
                        sp = sp.sub(n);
                        let items: Vec<Value> = (0..n).map(|i| ptr::read(sp.add(i))).collect();
                        sync!(this_ip);
                        let set = tri!(this_ip, crate::types::set::new_set_from(self, items));
                        push!(set);
                    }
                    Opcode::BUILD_MAP => {
                        let n = oparg as usize;
                        sp = sp.sub(2 * n);
                        let items: Vec<Value> = (0..2 * n).map(|i| ptr::read(sp.add(i))).collect();
                        sync!(this_ip);
                        let d = DictData::new_ref();
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            tri!(this_ip, d.data.set_item(self, k, v));
                        }
                        push!(d.into_value());
                    }
                    Opcode::BUILD_STRING => {
                        let n = oparg as usize;
                        sp = sp.sub(n);
                        let mut s = String::new();
                        for i in 0..n {
                            let piece = ptr::read(sp.add(i));
                            if let Some(p) = piece.downcast::<StrData>() {
                                s.push_str(p.data.as_str());
                            }
                        }
                        push!(crate::types::str::new_str(s));
                    }
                    Opcode::BUILD_SLICE => {
                        let step = if oparg == 3 { pop!() } else { Value::NONE };
                        let stop = pop!();
                        let start = pop!();
                        push!(crate::types::slice::new_slice(start, stop, step));
                    }
                    Opcode::LIST_APPEND => {
                        let v = pop!();
                        let list = peek!(oparg as usize);
                        match list.downcast::<crate::types::list::ListData>() {
                            Some(l) => l.data.push(v),
                            None => {
                                fail!(this_ip, PyErr::system_error("LIST_APPEND on a non-list"))
                            }
                        }
                    }
                    Opcode::SET_ADD => {
                        let v = pop!();
                        sync!(this_ip);
                        let set = peek!(oparg as usize);
                        match set.downcast::<crate::types::set::SetData>() {
                            Some(s) => tri!(this_ip, s.data.add(self, v)),
                            None => fail!(this_ip, PyErr::system_error("SET_ADD on a non-set")),
                        }
                    }
                    Opcode::MAP_ADD => {
                        let v = pop!();
                        let k = pop!();
                        sync!(this_ip);
                        let d = peek!(oparg as usize);
                        match d.downcast::<DictData>() {
                            Some(d) => tri!(this_ip, d.data.set_item(self, k, v)),
                            None => fail!(this_ip, PyErr::system_error("MAP_ADD on a non-dict")),
                        }
                    }
                    Opcode::LIST_EXTEND => {
                        let iterable = pop!();
                        sync!(this_ip);
                        let list = peek!(oparg as usize).clone();
                        tri!(this_ip, self.list_extend_for_unpack(&list, &iterable));
                    }
                    Opcode::SET_UPDATE => {
                        let iterable = pop!();
                        sync!(this_ip);
                        let set = peek!(oparg as usize).clone();
                        tri!(
                            this_ip,
                            crate::types::set::update_set(self, &set, &iterable)
                        );
                    }
                    Opcode::DICT_UPDATE => {
                        let mapping = pop!();
                        sync!(this_ip);
                        let d = peek!(oparg as usize).clone();
                        tri!(this_ip, self.dict_update_for_unpack(&d, &mapping, None));
                    }
                    Opcode::DICT_MERGE => {
                        let mapping = pop!();
                        sync!(this_ip);
                        let d = peek!(oparg as usize).clone();
                        let callable = peek!(oparg as usize + 3).clone();
                        tri!(
                            this_ip,
                            self.dict_update_for_unpack(&d, &mapping, Some(&callable))
                        );
                    }
                    Opcode::UNPACK_SEQUENCE => {
                        let seq = pop!();
                        sync!(this_ip);
                        let items = tri!(this_ip, self.unpack_sequence(&seq, oparg as usize));
                        for v in items.into_iter().rev() {
                            push!(v);
                        }
                        skip_caches!(UNPACK_SEQUENCE);
                    }
                    Opcode::UNPACK_EX => {
                        let seq = pop!();
                        sync!(this_ip);
                        let before = (oparg & 0xFF) as usize;
                        let after = (oparg >> 8) as usize;
                        let items = tri!(this_ip, self.unpack_ex(&seq, before, after));
                        for v in items.into_iter().rev() {
                            push!(v);
                        }
                    }
                    Opcode::FORMAT_SIMPLE => {
                        let v = pop!();
                        if v.downcast::<StrData>().is_some() && type_of(&v).is(&types().str) {
                            push!(v);
                        } else {
                            sync!(this_ip);
                            let s = tri!(this_ip, self.format(&v, &crate::intern::intern("")));
                            push!(s);
                        }
                    }
                    Opcode::FORMAT_WITH_SPEC => {
                        let spec = pop!();
                        let v = pop!();
                        sync!(this_ip);
                        let s = tri!(this_ip, self.format(&v, &spec));
                        push!(s);
                    }
                    Opcode::CONVERT_VALUE => {
                        let v = pop!();
                        sync!(this_ip);
                        let res = match oparg {
                            conversion::STR => tri!(this_ip, self.str(&v)),
                            conversion::REPR => tri!(this_ip, self.repr(&v)),
                            _ => tri!(this_ip, self.ascii(&v)),
                        };
                        push!(res);
                    }
                    Opcode::JUMP_FORWARD => ip += oparg as usize,
                    Opcode::JUMP_BACKWARD => {
                        ip -= oparg as usize;
                        if crate::signals::pending() {
                            sync!(this_ip);
                            tri!(this_ip, crate::signals::handle(self));
                        }
                    }
                    Opcode::JUMP_BACKWARD_NO_INTERRUPT => ip -= oparg as usize,
                    Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                        let v = pop!();
                        let b = match v.as_bool() {
                            Some(b) => b,
                            None => {
                                sync!(this_ip);
                                tri!(this_ip, self.is_true(&v))
                            }
                        };
                        if b == (opcode == Opcode::POP_JUMP_IF_TRUE) {
                            ip += oparg as usize;
                        }
                    }
                    Opcode::POP_JUMP_IF_NONE => {
                        if pop!().is_none() {
                            ip += oparg as usize;
                        }
                    }
                    Opcode::POP_JUMP_IF_NOT_NONE => {
                        if !pop!().is_none() {
                            ip += oparg as usize;
                        }
                    }
                    Opcode::GET_ITER => {
                        let v = pop!();
                        sync!(this_ip);
                        let it = tri!(this_ip, self.get_iter(&v));
                        push!(it);
                    }
                    Opcode::FOR_ITER => {
                        let next_ip = ip + const { Opcode::FOR_ITER.cache_units() };
                        let it = peek!(1);
                        // Fast paths for the builtin iterators.
                        let step = match crate::types::iter::fast_next(it) {
                            Some(r) => r,
                            None => {
                                sync!(this_ip);
                                self.next_not_fast(it)
                            }
                        };
                        match step {
                            Ok(Some(v)) => {
                                push!(v);
                                ip = next_ip;
                            }
                            Ok(None) => ip = next_ip + oparg as usize,
                            Err(e) => fail!(this_ip, e),
                        }
                    }
                    Opcode::POP_ITER => drop_heap!(this_ip, pop!()),
                    Opcode::GET_YIELD_FROM_ITER => {
                        let v = pop!();
                        if v.downcast::<crate::types::generator::GeneratorData>()
                            .is_some()
                        {
                            push!(v);
                        } else {
                            sync!(this_ip);
                            let it = tri!(this_ip, self.get_iter(&v));
                            push!(it);
                        }
                    }
                    Opcode::SEND => {
                        let v = pop!();
                        sync!(this_ip);
                        let receiver = peek!(1).clone();
                        match tri!(this_ip, self.send(&receiver, v)) {
                            crate::types::generator::SendResult::Yield(y) => {
                                push!(y);
                                skip_caches!(SEND);
                            }
                            crate::types::generator::SendResult::Return(r) => {
                                push!(r);
                                skip_caches!(SEND);
                                ip += oparg as usize;
                            }
                        }
                    }
                    Opcode::END_SEND => {
                        let v = pop!();
                        drop(pop!());
                        push!(v);
                    }
                    Opcode::YIELD_VALUE => {
                        let v = pop!();
                        sync!(this_ip);
                        // Suspend: the generator owns the frame; pop it without clearing.
                        let gen = (*f).generator;
                        self.frames.pop();
                        if gen.is_null() {
                            return Err(PyErr::system_error("yield outside a generator frame"));
                        }
                        (*gen).data.set_suspended();
                        return Ok(v);
                    }
                    Opcode::RETURN_GENERATOR => {
                        sync!(this_ip);
                        let genv = crate::types::generator::GeneratorData::from_frame(self, f);
                        // The frame now lives in the generator: return it like RETURN_VALUE.
                        let entry = (*f).flags & fflags::ENTRY != 0;
                        let prev_top = (*f).prev_top;
                        self.frames.pop();
                        self.data.release(prev_top);
                        if entry {
                            return Ok(genv);
                        }
                        let caller = *self.frames.last().expect("caller frame");
                        ptr::write(
                            (*caller).stack_base().add((*caller).stack_depth as usize),
                            genv,
                        );
                        (*caller).stack_depth += 1;
                        continue 'frame;
                    }
                    Opcode::CLEANUP_THROW => {
                        let exc = pop!();
                        let _last_sent = pop!();
                        let _sub_iter = pop!();
                        if crate::types::isinstance(&exc, &types().exc.stop_iteration) {
                            let value = crate::types::exception::stop_iteration_value(&exc);
                            push!(Value::NONE);
                            push!(value);
                        } else {
                            sync!(this_ip);
                            self.reraising = true;
                            return Err(PyErr::from_exception(exc));
                        }
                    }
                    Opcode::CALL | Opcode::CALL_KW => {
                        let is_kw = opcode == Opcode::CALL_KW;
                        let kwnames = if is_kw { pop!() } else { Value::EMPTY };
                        let argc = oparg as usize;
                        let callable_slot = sp.sub(argc + 2);
                        let self_slot = sp.sub(argc + 1);
                        let has_self = !(*self_slot).is_empty();
                        let args_start = if has_self {
                            self_slot
                        } else {
                            self_slot.add(1)
                        };
                        let nargs = argc + has_self as usize;
                        sync!(this_ip);
                        // Python function: push a frame and continue in this loop.
                        if (*callable_slot).layout() == Some(crate::object::Layout::Function) {
                            let kw = kwnames_slice(&kwnames);
                            match self.push_python_frame(callable_slot, args_start, nargs, kw) {
                                Ok(Some(())) => {
                                    // The callable and arguments moved into the new frame;
                                    // their slots are empty.
                                    sp = callable_slot;
                                    (*f).stack_depth = sp.offset_from(stack_base) as u32;
                                    (*f).ip = (ip + const { Opcode::CALL.cache_units() }) as u32;
                                    continue 'frame;
                                }
                                Ok(None) => {}
                                Err(e) => {
                                    // Nothing was moved: drop the call's operands.
                                    while sp > callable_slot {
                                        drop(pop!());
                                    }
                                    fail!(this_ip, e);
                                }
                            }
                        }
                        let args = std::slice::from_raw_parts(args_start, nargs);
                        let kw = kwnames_slice(&kwnames);
                        let res =
                            self.call_value(&*callable_slot, crate::Args::with_kwnames(args, kw));
                        while sp > callable_slot {
                            drop(pop!());
                        }
                        let v = tri!(this_ip, res);
                        push!(v);
                        ip += const { Opcode::CALL.cache_units() };
                    }
                    Opcode::CALL_FUNCTION_EX => {
                        let kwargs = pop!();
                        let callargs = pop!();
                        let self_or_null = pop!();
                        let callable = pop!();
                        sync!(this_ip);
                        let v = tri!(
                            this_ip,
                            self.call_function_ex(&callable, self_or_null, &callargs, &kwargs)
                        );
                        push!(v);
                    }
                    Opcode::MAKE_FUNCTION => {
                        let codev = pop!();
                        let Some(c) = codev.downcast_ref::<crate::types::code::CodeData>() else {
                            fail!(
                                this_ip,
                                PyErr::system_error("MAKE_FUNCTION without a code object")
                            );
                        };
                        let func = FunctionData::new_value(
                            c,
                            (*f).globals().to_ref(),
                            (*f).builtins().to_ref(),
                        );
                        push!(func);
                    }
                    Opcode::SET_FUNCTION_ATTRIBUTE => {
                        let func = pop!();
                        let attr = pop!();
                        if let Some(fd) = func.downcast::<FunctionData>() {
                            match oparg {
                                make_function::DEFAULTS => fd.data.set_defaults(attr),
                                make_function::KWDEFAULTS => fd.data.set_kwdefaults(attr),
                                make_function::ANNOTATIONS => fd.data.set_annotations(attr),
                                make_function::CLOSURE => fd.data.set_closure(attr),
                                _ => {}
                            }
                        }
                        push!(func);
                    }
                    Opcode::RETURN_VALUE => {
                        let v = pop!();
                        (*f).stack_depth = sp.offset_from(stack_base) as u32;
                        let entry = (*f).flags & fflags::ENTRY != 0;
                        let gen = (*f).generator;
                        self.frames.pop();
                        if !gen.is_null() {
                            (*gen).data.finish_frame();
                        } else {
                            let prev_top = (*f).prev_top;
                            Frame::clear(f);
                            self.data.release(prev_top);
                        }
                        if crate::types::generator::finalizers_pending() {
                            // The frame's locals held the last reference to a suspended
                            // generator: close it before the caller continues.
                            crate::types::generator::run_finalizers(self);
                        }
                        if entry {
                            return Ok(v);
                        }
                        let caller = *self.frames.last().expect("caller frame");
                        ptr::write(
                            (*caller).stack_base().add((*caller).stack_depth as usize),
                            v,
                        );
                        (*caller).stack_depth += 1;
                        continue 'frame;
                    }
                    Opcode::RAISE_VARARGS => {
                        let cause = if oparg >= 2 { Some(pop!()) } else { None };
                        let exc = if oparg >= 1 { Some(pop!()) } else { None };
                        sync!(this_ip);
                        let e = self.make_raise(exc, cause);
                        if oparg == 0 {
                            self.reraising = true;
                        }
                        fail!(this_ip, e);
                    }
                    Opcode::RERAISE => {
                        // With a non-zero argument, values[0] is the lasti saved when the
                        // handler was entered; CPython uses it only for f_lineno. Unwinding
                        // continues from this instruction, so it is not restored here.
                        let exc = pop!();
                        sync!(this_ip);
                        self.reraising = true;
                        return Err(PyErr::from_exception(exc));
                    }
                    Opcode::PUSH_EXC_INFO => {
                        let exc = pop!();
                        let prev = std::mem::replace(&mut self.exc_info, exc.clone());
                        push!(prev);
                        push!(exc);
                    }
                    Opcode::POP_EXCEPT => {
                        let prev = pop!();
                        self.exc_info = prev;
                    }
                    Opcode::CHECK_EXC_MATCH => {
                        let ty = pop!();
                        sync!(this_ip);
                        let exc = peek!(1);
                        let m = tri!(this_ip, self.exception_matches(exc, &ty));
                        push!(Value::bool(m));
                    }
                    Opcode::WITH_EXCEPT_START => {
                        let exc = peek!(1).clone();
                        let exit_self = peek!(4).clone();
                        let exit_func = peek!(5).clone();
                        sync!(this_ip);
                        let ty = type_of(&exc).to_value();
                        let tb = crate::types::exception::traceback_of(&exc);
                        let res = if exit_self.is_empty() {
                            self.call(&exit_func, &[ty, exc, tb])
                        } else {
                            self.call(&exit_func, &[exit_self, ty, exc, tb])
                        };
                        let r = tri!(this_ip, res);
                        push!(r);
                    }
                    Opcode::IMPORT_NAME => {
                        let fromlist = pop!();
                        let level = pop!();
                        sync!(this_ip);
                        let m = tri!(
                            this_ip,
                            self.import_name(
                                name!(oparg),
                                &fromlist,
                                &level,
                                &(*f).globals().to_ref()
                            )
                        );
                        push!(m);
                    }
                    Opcode::IMPORT_FROM => {
                        sync!(this_ip);
                        let module = peek!(1).clone();
                        let v = tri!(this_ip, self.import_from(&module, name!(oparg)));
                        push!(v);
                    }
                    Opcode::SETUP_ANNOTATIONS => {
                        sync!(this_ip);
                        let l = (*f).locals.clone();
                        tri!(this_ip, self.setup_annotations(&l));
                    }
                    Opcode::CACHE | Opcode::EXTENDED_ARG => {
                        fail!(
                            this_ip,
                            PyErr::system_error(format!(
                                "executed {} as an instruction",
                                opcode.name()
                            ))
                        );
                    }
                    other => {
                        fail!(
                            this_ip,
                            PyErr::system_error(format!(
                                "instruction {} is not implemented",
                                other.name()
                            ))
                        );
                    }
                }
            }
        }
    }

    /// Pushes a frame for a call to a Python function, moving `nargs` arguments from
    /// `args` (caller's stack) into it. Returns `Ok(None)` (nothing moved) when the callee
    /// cannot run in this loop and must be called through `call_value` instead.
    ///
    /// # Safety
    /// `args` must point to `nargs` live values on the caller's stack.
    unsafe fn push_python_frame(
        &mut self,
        func_slot: *mut Value,
        args: *mut Value,
        nargs: usize,
        kwnames: &[Value],
    ) -> PyResult<Option<()>> {
        if self.frames.len() + self.native_depth >= self.interp.recursion_limit() {
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
        }
        let func = (*func_slot)
            .downcast::<FunctionData>()
            .expect("caller checked the layout");
        let code = func.data.code();
        let c = &code.data;
        let simple = kwnames.is_empty()
            && nargs == c.argcount as usize
            && c.kwonlyargcount == 0
            && c.flags
                & (krait_bytecode::code_flags::VARARGS | krait_bytecode::code_flags::VARKEYWORDS)
                == 0;
        let slots = Frame::region_slots(c);
        let (region, prev_top) = self.data.alloc(slots);
        let (code_p, globals_p, builtins_p) = (
            code as *const _,
            &*func.data.globals as *const _,
            &*func.data.builtins as *const _,
        );
        // The function moves from the caller's stack into the frame (no count change).
        let func_v = ptr::replace(func_slot, Value::EMPTY);
        let nf = Frame::init(
            region,
            func_v,
            &*code_p,
            &*globals_p,
            &*builtins_p,
            Value::EMPTY,
            prev_top,
            0,
        );
        let func = (*nf)
            .func
            .downcast::<FunctionData>()
            .expect("moved function");
        if simple {
            // Move the arguments: no count changes.
            ptr::copy_nonoverlapping(args, (*nf).localsplus(), nargs);
            // The caller's slots are now logically empty.
            for i in 0..nargs {
                ptr::write(args.add(i), Value::EMPTY);
            }
        } else {
            let argv = std::slice::from_raw_parts(args, nargs);
            let bound = crate::interp::call::bind_arguments(
                self,
                func,
                c,
                (*nf).localsplus(),
                crate::Args::with_kwnames(argv, kwnames),
            );
            if let Err(e) = bound {
                Frame::clear(nf);
                self.data.release(prev_top);
                return Err(e);
            }
            for i in 0..nargs {
                drop(ptr::replace(args.add(i), Value::EMPTY));
            }
        }
        self.frames.push(nf);
        Ok(Some(()))
    }

    fn unbound_local(&self, code: &crate::types::code::CodeData, slot: usize) -> PyErr {
        let name = name_str(&code.localsplusnames[slot]);
        PyErr::unbound_local_error(format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        ))
    }

    fn unbound_deref(&self, code: &crate::types::code::CodeData, slot: usize) -> PyErr {
        let name = name_str(&code.localsplusnames[slot]);
        if code.local_kind(slot) & krait_bytecode::local_kind::FREE != 0 {
            PyErr::name_error(format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
        } else {
            PyErr::unbound_local_error(format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ))
        }
    }

    /// A builtin by name.
    pub fn builtin(&self, name: &str) -> PyResult<Value> {
        self.interp
            .builtins_dict
            .data
            .get_str(&crate::intern::intern(name))
            .ok_or_else(|| PyErr::name_error(format!("name '{name}' is not defined")))
    }

    /// `globals[name]`, else `builtins[name]`, else NameError.
    pub(crate) fn load_global_or_builtin(
        &mut self,
        globals: &Obj<DictData>,
        builtins: &Obj<DictData>,
        name: &Value,
    ) -> PyResult<Value> {
        if let Some(v) = globals.data.get_str(name) {
            return Ok(v);
        }
        if let Some(v) = builtins.data.get_str(name) {
            return Ok(v);
        }
        Err(PyErr::name_not_defined(name))
    }

    /// `mapping[name]` returning None on KeyError (locals of class bodies and exec).
    pub(crate) fn mapping_lookup(
        &mut self,
        mapping: &Value,
        name: &Value,
    ) -> PyResult<Option<Value>> {
        if let Some(d) = mapping.downcast::<DictData>() {
            if type_of(mapping).is(&types().dict) {
                return Ok(d.data.get_str(name));
            }
        }
        match self.get_item(mapping, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(&types().exc.key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

fn kwnames_slice(kwnames: &Value) -> &[Value] {
    match kwnames.downcast::<crate::types::tuple::TupleData>() {
        Some(t) => t.data.items(),
        None => &[],
    }
}

/// A name value as a Rust string (for messages).
pub fn name_str(v: &Value) -> &str {
    v.downcast::<StrData>()
        .map(|s| s.data.as_str())
        .unwrap_or("?")
}

/// Whether an ordering satisfies a comparison operator.
#[inline(always)]
pub fn compare_ord(o: std::cmp::Ordering, op: ComparisonOperator) -> bool {
    use std::cmp::Ordering::*;
    match op {
        ComparisonOperator::Less => o == Less,
        ComparisonOperator::LessEqual => o != Greater,
        ComparisonOperator::Equal => o == Equal,
        ComparisonOperator::NotEqual => o != Equal,
        ComparisonOperator::Greater => o == Greater,
        ComparisonOperator::GreaterEqual => o != Less,
    }
}

#[inline(always)]
pub fn compare_i64(a: i64, b: i64, op: ComparisonOperator) -> bool {
    match op {
        ComparisonOperator::Less => a < b,
        ComparisonOperator::LessEqual => a <= b,
        ComparisonOperator::Equal => a == b,
        ComparisonOperator::NotEqual => a != b,
        ComparisonOperator::Greater => a > b,
        ComparisonOperator::GreaterEqual => a >= b,
    }
}

#[inline(always)]
pub fn compare_f64(a: f64, b: f64, op: ComparisonOperator) -> bool {
    match op {
        ComparisonOperator::Less => a < b,
        ComparisonOperator::LessEqual => a <= b,
        ComparisonOperator::Equal => a == b,
        ComparisonOperator::NotEqual => a != b,
        ComparisonOperator::Greater => a > b,
        ComparisonOperator::GreaterEqual => a >= b,
    }
}

impl Value {
    /// Is this the class `ty` itself (identity with a type object)?
    #[inline(always)]
    pub fn is_type(&self, ty: &Obj<crate::types::typeobj::TypeData>) -> bool {
        self.as_header()
            .is_some_and(|h| std::ptr::eq(h, &ty.header))
    }
}

impl Obj<crate::types::typeobj::TypeData> {
    /// Identity with another type object.
    #[inline(always)]
    pub fn is(&self, other: &Obj<crate::types::typeobj::TypeData>) -> bool {
        std::ptr::eq(self, other)
    }
}
