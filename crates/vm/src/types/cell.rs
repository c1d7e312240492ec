//! Cells: the shared storage of closure variables.

use crate::object::alloc;
use crate::sync::PyMutex;
use crate::types::{add_getsets, add_methods, types, BuiltinTypes, GetSetDef, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub struct CellData {
    value: PyMutex<Value>,
}

impl CellData {
    /// A new cell holding `v` (EMPTY for an empty cell).
    pub fn new_value(v: Value) -> Value {
        alloc(
            types().cell.clone(),
            CellData {
                value: PyMutex::new(v),
            },
        )
        .into_value()
    }

    /// The contents, if the cell is not empty.
    #[inline]
    pub fn get(&self) -> Option<Value> {
        self.value.lock().as_non_empty().cloned()
    }

    /// Sets (`Some`) or empties (`None`) the cell; returns whether it was full.
    pub fn set(&self, v: Option<Value>) -> bool {
        let old = std::mem::replace(&mut *self.value.lock(), v.unwrap_or(Value::EMPTY));
        !old.is_empty()
    }
}

fn get_contents(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let c = this
        .downcast::<CellData>()
        .ok_or_else(|| PyErr::type_error("expected a cell"))?;
    c.data
        .get()
        .ok_or_else(|| PyErr::value_error("Cell is empty"))
}

fn set_contents(_vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let c = this
        .downcast::<CellData>()
        .ok_or_else(|| PyErr::type_error("expected a cell"))?;
    c.data.set(v);
    Ok(())
}

fn cell_repr(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let c = this
        .downcast::<CellData>()
        .ok_or_else(|| PyErr::type_error("expected a cell"))?;
    let addr = c.as_ptr() as usize;
    Ok(crate::types::str::new_str(match c.data.get() {
        Some(v) => format!(
            "<cell at {addr:#x}: {} object at {:#x}>",
            crate::types::type_name(&v),
            v.as_header()
                .map(|h| h as *const _ as usize)
                .unwrap_or(v.bits() as usize)
        ),
        None => format!("<cell at {addr:#x}: empty>"),
    }))
}

pub fn init(t: &BuiltinTypes) {
    add_getsets(
        &t.cell,
        &[GetSetDef::with_setter(
            "cell_contents",
            get_contents,
            set_contents,
        )],
    );
    add_methods(&t.cell, &[MethodDef::method("__repr__", cell_repr)]);
}
