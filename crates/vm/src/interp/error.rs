//! `PyErr`: a raised Python exception travelling through Rust as the `Err` of a `PyResult`.

use std::fmt;

use crate::object::Obj;
use crate::types::exception::{new_exception, ExceptionData};
use crate::types::typeobj::TypeData;
use crate::types::{type_of, types};
use crate::value::Value;

/// The result of any fallible VM operation.
pub type PyResult<T = Value> = Result<T, PyErr>;

/// A raised exception: an instance of `BaseException` (or a subclass).
pub struct PyErr {
    exc: Value,
}

impl PyErr {
    /// Wraps an exception instance. The caller has checked it is one.
    pub fn from_exception(exc: Value) -> PyErr {
        debug_assert!(exc.downcast::<ExceptionData>().is_some());
        PyErr { exc }
    }

    /// A new exception of type `ty` with a message argument.
    pub fn new(ty: &Obj<TypeData>, msg: impl Into<String>) -> PyErr {
        let msg = crate::types::str::new_str(msg.into());
        PyErr {
            exc: new_exception(ty, vec![msg]),
        }
    }

    /// A new exception of type `ty` with the given arguments.
    pub fn with_args(ty: &Obj<TypeData>, args: Vec<Value>) -> PyErr {
        PyErr {
            exc: new_exception(ty, args),
        }
    }

    /// The exception instance.
    pub fn value(&self) -> &Value {
        &self.exc
    }

    pub fn into_value(self) -> Value {
        self.exc
    }

    pub fn exception(&self) -> &Obj<ExceptionData> {
        self.exc
            .downcast::<ExceptionData>()
            .expect("PyErr holds an exception")
    }

    /// The exception's type.
    pub fn ty(&self) -> &Obj<TypeData> {
        type_of(&self.exc)
    }

    /// Whether the exception is an instance of `ty`.
    pub fn matches(&self, ty: &Obj<TypeData>) -> bool {
        self.ty().is_subtype(ty)
    }

    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.type_error, msg)
    }
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.value_error, msg)
    }
    pub fn index_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.index_error, msg)
    }
    pub fn key_error(key: Value) -> PyErr {
        PyErr::with_args(&types().exc.key_error, vec![key])
    }
    pub fn attribute_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.attribute_error, msg)
    }
    pub fn name_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.name_error, msg)
    }
    /// `NameError: name 'x' is not defined` with `.name` set.
    pub fn name_not_defined(name: &Value) -> PyErr {
        let text = crate::interp::eval::name_str(name);
        let e = PyErr::name_error(format!("name '{text}' is not defined"));
        if let Some(attrs) = e.exc.as_header().and_then(|h| h.attrs()) {
            attrs.set(
                &type_of(&e.exc).data.shared_keys,
                &crate::intern::names().name,
                name.clone(),
            );
        }
        e
    }
    pub fn unbound_local_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.unbound_local_error, msg)
    }
    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.zero_division_error, msg)
    }
    pub fn overflow_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.overflow_error, msg)
    }
    pub fn runtime_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.runtime_error, msg)
    }
    pub fn recursion_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.recursion_error, msg)
    }
    pub fn not_implemented(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.not_implemented_error, msg)
    }
    pub fn system_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.system_error, msg)
    }
    pub fn memory_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.memory_error, msg)
    }
    pub fn import_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.import_error, msg)
    }
    pub fn lookup_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.lookup_error, msg)
    }
    pub fn os_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.os_error, msg)
    }
    pub fn eof_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.eof_error, msg)
    }
    pub fn assertion_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(&types().exc.assertion_error, msg)
    }
    /// `StopIteration(value)`.
    pub fn stop_iteration(value: Value) -> PyErr {
        let args = if value.is_none() { vec![] } else { vec![value] };
        PyErr::with_args(&types().exc.stop_iteration, args)
    }
}

impl Clone for PyErr {
    fn clone(&self) -> PyErr {
        PyErr {
            exc: self.exc.clone(),
        }
    }
}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let args = self.exception().data.args();
        let msg = args
            .downcast::<crate::types::tuple::TupleData>()
            .and_then(|t| {
                t.data.items().first().and_then(|a| {
                    a.downcast::<crate::types::str::StrData>()
                        .map(|s| s.data.as_str().to_string())
                })
            })
            .unwrap_or_default();
        write!(f, "{}({:?})", self.ty().name(), msg)
    }
}
