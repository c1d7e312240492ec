//! The interpreter: per-thread state (`Vm`), shared state (`Interp`), the dispatch loop,
//! calls, unwinding and the generic operations the loop and native code share.

pub mod args;
pub mod attr;
pub mod call;
pub mod error;
pub mod eval;
pub mod frame;
pub mod import;
pub mod ops;
pub mod run;
pub mod traceback;

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::Arc;

use crate::object::ObjRef;
use crate::types::dict::DictData;
use crate::value::Value;

use frame::{DataStack, Frame};

/// Interpreter-wide settings.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Entries put at the front of `sys.path` (the script's directory, or '' for -c).
    pub path: Vec<String>,
    /// `-X nospecialize`.
    pub nospecialize: bool,
    /// Size of the Rust stack of the thread running the interpreter, if known; native
    /// recursion is bounded so it never overflows.
    pub stack_size: Option<usize>,
    /// The interpreter is interactive (REPL).
    pub interactive: bool,
}

/// State shared by every thread of one interpreter.
pub struct Interp {
    pub config: Config,
    pub builtins: Value,
    pub builtins_dict: ObjRef<DictData>,
    pub sys: Value,
    pub modules: ObjRef<DictData>,
    pub recursion_limit: AtomicU32,
    pub int_max_str_digits: AtomicUsize,
}

impl Interp {
    pub fn recursion_limit(&self) -> usize {
        self.recursion_limit.load(Ordering::Relaxed) as usize
    }
}

/// The state of one thread running Python code. Native functions receive `&mut Vm`.
pub struct Vm {
    pub interp: Arc<Interp>,
    /// The frame stack, innermost last.
    pub(crate) frames: Vec<*mut Frame>,
    pub(crate) data: DataStack,
    /// The exception currently being handled (`sys.exc_info()`), or None.
    pub(crate) exc_info: Value,
    /// Nested native→Python entries (counted against the recursion limit with frames).
    pub(crate) native_depth: usize,
    /// Lowest safe Rust stack address for recursion (0 = unknown).
    pub(crate) stack_limit: usize,
    /// Objects whose `repr` is in progress (for `[...]` on self-reference).
    pub(crate) repr_stack: Vec<usize>,
    /// Set by RERAISE: the next unwinding step does not add a traceback entry.
    pub(crate) reraising: bool,
}

unsafe impl Send for Vm {}

impl Vm {
    /// A thread state for `interp` on the current thread.
    pub fn new(interp: Arc<Interp>) -> Vm {
        crate::thread::register_current_thread();
        let stack_limit = match interp.config.stack_size {
            Some(size) => {
                let here = &size as *const usize as usize;
                // Leave a generous margin for the deepest native call chain below a check.
                here.saturating_sub(size.saturating_sub(512 * 1024))
            }
            None => {
                let here = &interp as *const Arc<Interp> as usize;
                // Unknown stack: assume the 2 MiB of a spawned thread.
                here.saturating_sub(2 * 1024 * 1024 - 512 * 1024)
            }
        };
        Vm {
            interp,
            frames: Vec::with_capacity(64),
            data: DataStack::new(),
            exc_info: Value::NONE,
            native_depth: 0,
            stack_limit,
            repr_stack: Vec::new(),
            reraising: false,
        }
    }

    /// The innermost frame, if any.
    pub fn current_frame(&self) -> Option<&Frame> {
        self.frames.last().map(|f| unsafe { &**f })
    }

    /// The frame `depth` levels out from the innermost (0 = innermost).
    pub fn frame_at(&self, depth: usize) -> Option<&Frame> {
        let n = self.frames.len();
        if depth < n {
            Some(unsafe { &*self.frames[n - 1 - depth] })
        } else {
            None
        }
    }

    /// Number of active Python frames.
    pub fn frame_count(&self) -> usize {
        self.frames.len()
    }

    /// Fails with RecursionError when the Rust stack is close to its end. Every recursive
    /// native walk (repr, comparison, hashing of nested containers, native→Python calls)
    /// calls this.
    #[inline]
    pub fn check_stack(&self) -> crate::PyResult<()> {
        let here = 0u8;
        let addr = &here as *const u8 as usize;
        if addr < self.stack_limit {
            return Err(crate::PyErr::recursion_error(
                "maximum recursion depth exceeded",
            ));
        }
        Ok(())
    }

    /// Runs a recursive native operation (repr, comparison, hashing of nested containers)
    /// counting it against the recursion limit, as CPython does for C recursion.
    #[inline]
    pub fn recursion_guard<R>(
        &mut self,
        what: &str,
        f: impl FnOnce(&mut Vm) -> crate::PyResult<R>,
    ) -> crate::PyResult<R> {
        if self.frames.len() + self.native_depth >= self.interp.recursion_limit() {
            return Err(crate::PyErr::recursion_error(format!(
                "maximum recursion depth exceeded{what}"
            )));
        }
        self.check_stack()?;
        self.native_depth += 1;
        let r = f(self);
        self.native_depth -= 1;
        r
    }

    /// The builtins module's namespace.
    pub fn builtins_dict(&self) -> &ObjRef<DictData> {
        &self.interp.builtins_dict
    }

    /// The exception currently being handled (None if none).
    pub fn handled_exception(&self) -> Value {
        self.exc_info.clone()
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        // Frames left on the stack (after a panic) are cleared so their values are released.
        while let Some(f) = self.frames.pop() {
            unsafe {
                if (*f).flags & frame::fflags::GENERATOR == 0 {
                    let prev = (*f).prev_top;
                    Frame::clear(f);
                    self.data.release(prev);
                }
            }
        }
        crate::types::typeobj::clear_method_cache();
    }
}
