//! Runtime code objects: the compiler's `CodeObject` plus what the eval loop needs at hand
//! (constants as values, interned names, the live instruction copy).

use std::sync::atomic::{AtomicU16, AtomicU32, Ordering};
use std::sync::Arc;

use krait_bytecode::{code_flags, local_kind, CodeObject, CodeUnit, Constant};

use crate::intern::intern;
use crate::object::{alloc, ObjRef};
use crate::types::{add_getsets, add_methods, types, BuiltinTypes, GetSetDef, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct CodeData {
    /// The compiler's code object (original instructions, tables, names).
    pub bc: Arc<CodeObject>,
    /// The live instruction copy the eval loop executes (quickened/specialized in place).
    pub units: Box<[AtomicU16]>,
    pub consts: Box<[Value]>,
    /// `co_names`, interned.
    pub names: Box<[Value]>,
    /// `co_localsplusnames`, interned.
    pub localsplusnames: Box<[Value]>,
    pub nlocalsplus: u32,
    pub stacksize: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Number of free variables (the last slots of the locals).
    pub nfreevars: u32,
    pub filename: Value,
    pub name: Value,
    pub qualname: Value,
    /// Version for CALL specialization (0 = none).
    pub version: u32,
}

static NEXT_CODE_VERSION: AtomicU32 = AtomicU32::new(2);

impl CodeData {
    /// Converts a compiled code object (recursively) into a runtime code object.
    pub fn from_bytecode(bc: Arc<CodeObject>) -> ObjRef<CodeData> {
        let consts = bc.consts.iter().map(const_to_value).collect();
        let names = bc.names.iter().map(|n| intern(n)).collect();
        let localsplusnames = bc.localsplusnames.iter().map(|n| intern(n)).collect();
        let units = bc
            .instructions
            .iter()
            .map(|u| AtomicU16::new(u.0))
            .collect();
        let version = NEXT_CODE_VERSION
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |v| {
                if v == 0 {
                    None
                } else {
                    Some(v.wrapping_add(1))
                }
            })
            .unwrap_or(0);
        let data = CodeData {
            units,
            consts,
            names,
            localsplusnames,
            nlocalsplus: bc.localsplusnames.len() as u32,
            stacksize: bc.stacksize,
            argcount: bc.argcount,
            posonlyargcount: bc.posonlyargcount,
            kwonlyargcount: bc.kwonlyargcount,
            flags: bc.flags,
            nfreevars: bc.nfreevars() as u32,
            filename: crate::types::str::new_str(&*bc.filename),
            name: intern(&bc.name),
            qualname: crate::types::str::new_str(&*bc.qualname),
            version,
            bc,
        };
        alloc(types().code.clone(), data)
    }

    #[inline(always)]
    pub fn unit(&self, index: usize) -> CodeUnit {
        CodeUnit(self.units[index].load(Ordering::Relaxed))
    }

    /// The source line of the instruction at `index`.
    pub fn line_of(&self, index: u32) -> Option<u32> {
        self.bc.linetable.line(index)
    }

    pub fn is_generator(&self) -> bool {
        self.flags & code_flags::GENERATOR != 0
    }

    pub fn has_flag(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }

    /// The kind bits of fast-local slot `i`.
    pub fn local_kind(&self, i: usize) -> u8 {
        self.bc.localspluskinds.get(i).copied().unwrap_or(0)
    }

    /// Whether slot `i` holds a cell (a cell variable or a free variable).
    pub fn is_cell_slot(&self, i: usize) -> bool {
        self.local_kind(i) & (local_kind::CELL | local_kind::FREE) != 0
    }

    /// The live instructions as plain code units (for `dis` and `_co_code_adaptive`).
    pub fn live_units(&self) -> Vec<CodeUnit> {
        self.units
            .iter()
            .map(|u| CodeUnit(u.load(Ordering::Relaxed)))
            .collect()
    }

    /// The total positional + keyword parameter count, plus *args/**kwargs.
    pub fn total_args(&self) -> usize {
        self.bc.total_args()
    }
}

/// Converts a compile-time constant to a value.
pub fn const_to_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::NONE,
        Constant::Bool(b) => Value::bool(*b),
        Constant::Int(i) => crate::types::int::int_from_i64(*i),
        Constant::BigInt(b) => crate::types::int::int_from_bigint(b.clone()),
        Constant::Float(f) => crate::types::float::new_float(*f),
        Constant::Complex { real, imag } => crate::types::complex::new_complex(*real, *imag),
        Constant::Str(s) => {
            // Identifier-like constants are interned (as CPython does), others are not.
            if s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                intern(s)
            } else {
                crate::types::str::new_str(&**s)
            }
        }
        Constant::Bytes(b) => crate::types::bytes::new_bytes(b.to_vec()),
        Constant::Tuple(items) => {
            crate::types::tuple::new_tuple(items.iter().map(const_to_value).collect())
        }
        Constant::FrozenSet(items) => {
            crate::types::set::frozenset_constant(items.iter().map(const_to_value).collect())
        }
        Constant::Ellipsis => crate::types::object::ellipsis(),
        Constant::Code(code) => CodeData::from_bytecode(code.clone()).into_value(),
    }
}

fn code_of(v: &Value) -> PyResult<&crate::object::Obj<CodeData>> {
    v.downcast::<CodeData>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'code' object"))
}

fn get_co_name(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(code_of(this)?.data.name.clone())
}
fn get_co_qualname(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(code_of(this)?.data.qualname.clone())
}
fn get_co_filename(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(code_of(this)?.data.filename.clone())
}
fn get_co_firstlineno(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::small_int(code_of(this)?.data.bc.firstlineno as i64))
}
fn get_co_argcount(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::small_int(code_of(this)?.data.argcount as i64))
}
fn get_co_posonlyargcount(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::small_int(code_of(this)?.data.posonlyargcount as i64))
}
fn get_co_kwonlyargcount(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::small_int(code_of(this)?.data.kwonlyargcount as i64))
}
fn get_co_flags(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::small_int(code_of(this)?.data.flags as i64))
}
fn get_co_nlocals(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::small_int(
        code_of(this)?.data.bc.varnames().len() as i64
    ))
}
fn get_co_stacksize(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::small_int(code_of(this)?.data.stacksize as i64))
}
fn str_tuple(names: Vec<&str>) -> Value {
    crate::types::tuple::new_tuple(names.into_iter().map(intern).collect())
}
fn get_co_varnames(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(str_tuple(code_of(this)?.data.bc.varnames()))
}
fn get_co_cellvars(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let c = code_of(this)?;
    let names: Vec<&str> = c
        .data
        .bc
        .localsplusnames
        .iter()
        .zip(c.data.bc.localspluskinds.iter())
        .filter(|(_, k)| **k & local_kind::CELL != 0)
        .map(|(n, _)| &**n)
        .collect();
    Ok(str_tuple(names))
}
fn get_co_freevars(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(str_tuple(code_of(this)?.data.bc.freevars()))
}
fn get_co_names(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(crate::types::tuple::new_tuple(
        code_of(this)?.data.names.to_vec(),
    ))
}
fn get_co_consts(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(crate::types::tuple::new_tuple(
        code_of(this)?.data.consts.to_vec(),
    ))
}

fn units_to_bytes(units: &[CodeUnit]) -> Value {
    let mut out = Vec::with_capacity(units.len() * 2);
    for u in units {
        out.extend_from_slice(&u.0.to_le_bytes());
    }
    crate::types::bytes::new_bytes(out)
}

/// `co_code`: the original (deoptimized) instructions with zeroed caches. Specialization
/// only rewrites the live copy, so the compiler's array is exactly that.
fn get_co_code(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(units_to_bytes(&code_of(this)?.data.bc.instructions))
}

/// `_co_code_adaptive`: the live instructions, specializations and caches included.
fn get_co_code_adaptive(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(units_to_bytes(&code_of(this)?.data.live_units()))
}

fn code_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let c = code_of(this)?;
    Ok(crate::types::str::new_str(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.data.bc.name,
        c.as_ptr() as usize,
        c.data.bc.filename,
        c.data.bc.firstlineno
    )))
}

fn code_lines(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let c = code_of(this)?;
    let entries = &c.data.bc.linetable.entries;
    let total = c.data.units.len() as u32;
    let mut out = Vec::new();
    for (i, (start, pos)) in entries.iter().enumerate() {
        let end = entries.get(i + 1).map(|e| e.0).unwrap_or(total);
        let line = if pos.line == 0 {
            Value::NONE
        } else {
            Value::small_int(pos.line as i64)
        };
        out.push(crate::types::tuple::new_tuple(vec![
            Value::small_int(*start as i64 * 2),
            Value::small_int(end as i64 * 2),
            line,
        ]));
    }
    Ok(crate::types::list::new_list(out))
}

pub fn init(t: &BuiltinTypes) {
    add_getsets(
        &t.code,
        &[
            GetSetDef::new("co_name", get_co_name),
            GetSetDef::new("co_qualname", get_co_qualname),
            GetSetDef::new("co_filename", get_co_filename),
            GetSetDef::new("co_firstlineno", get_co_firstlineno),
            GetSetDef::new("co_argcount", get_co_argcount),
            GetSetDef::new("co_posonlyargcount", get_co_posonlyargcount),
            GetSetDef::new("co_kwonlyargcount", get_co_kwonlyargcount),
            GetSetDef::new("co_flags", get_co_flags),
            GetSetDef::new("co_nlocals", get_co_nlocals),
            GetSetDef::new("co_stacksize", get_co_stacksize),
            GetSetDef::new("co_varnames", get_co_varnames),
            GetSetDef::new("co_cellvars", get_co_cellvars),
            GetSetDef::new("co_freevars", get_co_freevars),
            GetSetDef::new("co_names", get_co_names),
            GetSetDef::new("co_consts", get_co_consts),
            GetSetDef::new("co_code", get_co_code),
            GetSetDef::new("_co_code_adaptive", get_co_code_adaptive),
        ],
    );
    add_methods(
        &t.code,
        &[
            MethodDef::method("__repr__", code_repr),
            MethodDef::method("co_lines", code_lines),
        ],
    );
}
