//! krait-vm: values, objects, types, the eval loop, builtins and native modules.
//!
//! Layers (each only uses the ones below it): `interp` (frames, dispatch loop, calls,
//! unwinding) -> `builtins`/`modules` -> `types` (one file per builtin type) -> `object`
//! (header, counts, allocation) -> `value` (the 8-byte value). See ARCHITECTURE.md.

pub mod builtins;
pub mod embed;
pub mod intern;
pub mod interp;
pub mod modules;
pub mod numfmt;
pub mod object;
pub mod signals;
pub mod sync;
pub mod thread;
pub mod types;
pub mod value;

pub use embed::Interpreter;
pub use interp::args::Args;
pub use interp::error::{PyErr, PyResult};
pub use interp::{Config, Vm};
pub use value::Value;

/// Converts a numfmt error into the Python exception it names.
pub fn numfmt_err<E: Into<numfmt::FormatError>>(e: E) -> PyErr {
    let e: numfmt::FormatError = e.into();
    let t = types::types();
    let ty = match e.kind {
        numfmt::ExcKind::ValueError => &t.exc.value_error,
        numfmt::ExcKind::OverflowError => &t.exc.overflow_error,
        numfmt::ExcKind::TypeError => &t.exc.type_error,
        numfmt::ExcKind::ZeroDivisionError => &t.exc.zero_division_error,
        numfmt::ExcKind::MemoryError => &t.exc.memory_error,
    };
    PyErr::new(ty, e.msg)
}
