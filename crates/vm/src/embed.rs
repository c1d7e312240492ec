//! The embedding API: create an interpreter, run programs, get exit statuses.

use std::sync::atomic::{AtomicU32, AtomicUsize};
use std::sync::Arc;

use crate::intern::{intern, names};
use crate::interp::{Config, Interp};
use crate::object::ObjRef;
use crate::types::dict::DictData;
use crate::types::module::ModuleData;
use crate::types::str::new_str;
use crate::types::{type_of, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

/// An interpreter with its main thread state.
pub struct Interpreter {
    vm: Vm,
    main: ObjRef<DictData>,
}

impl Interpreter {
    /// Creates an interpreter: builtins, `sys`, and an empty `__main__`.
    pub fn new(config: Config) -> PyResult<Interpreter> {
        // Objects created from here on are owned (biased counts) by this thread.
        crate::thread::register_current_thread();
        crate::types::init_types();
        let modules = DictData::new_ref();
        let builtins = crate::builtins::make_module();
        let builtins_dict = builtins
            .downcast::<ModuleData>()
            .expect("a module")
            .data
            .dict
            .clone();
        let sys = crate::modules::sys::make_module(&config, &modules);
        modules.data.set_str(intern("builtins"), builtins.clone());
        modules.data.set_str(intern("sys"), sys.clone());
        let interp = Arc::new(Interp {
            config,
            builtins,
            builtins_dict,
            sys,
            modules: modules.clone(),
            recursion_limit: AtomicU32::new(1000),
            int_max_str_digits: AtomicUsize::new(crate::numfmt::DEFAULT_MAX_STR_DIGITS),
        });
        let mut vm = Vm::new(interp.clone());
        crate::modules::sys::finish_init(&mut vm)?;
        let main_mod = ModuleData::new_value("__main__");
        let main = main_mod
            .downcast::<ModuleData>()
            .expect("a module")
            .data
            .dict
            .clone();
        main.data
            .set_str(names().__builtins__.clone(), interp.builtins.clone());
        modules.data.set_str(intern("__main__"), main_mod);
        Ok(Interpreter { vm, main })
    }

    pub fn vm(&mut self) -> &mut Vm {
        &mut self.vm
    }

    /// The `__main__` namespace.
    pub fn main_dict(&self) -> &ObjRef<DictData> {
        &self.main
    }

    /// Runs source text as `__main__`.
    pub fn run_source(&mut self, source: &str, filename: &str) -> PyResult<()> {
        self.main
            .data
            .set_str(names().__file__.clone(), new_str(filename));
        let main = self.main.clone();
        self.vm.run_source(source, filename, &main).map(|_| ())
    }

    /// Runs a file as `__main__` (reading and decoding it; errors become exceptions).
    pub fn run_file_bytes(&mut self, bytes: &[u8], filename: &str) -> PyResult<()> {
        let source = crate::interp::run::decode_source(bytes, filename)?;
        self.run_source(&source, filename)
    }

    /// Evaluates an expression in `__main__`.
    pub fn eval(&mut self, expr: &str) -> PyResult<Value> {
        let code = self
            .vm
            .compile(expr, "<string>", krait_compiler::Mode::Eval)?;
        let code = crate::types::code::CodeData::from_bytecode(code);
        let main = self.main.clone();
        self.vm.run_code(&code, &main, main.to_value())
    }

    /// Runs one interactive statement (expression results are printed).
    pub fn run_interactive(&mut self, source: &str) -> PyResult<()> {
        let code = self
            .vm
            .compile(source, "<stdin>", krait_compiler::Mode::Single)?;
        let code = crate::types::code::CodeData::from_bytecode(code);
        let main = self.main.clone();
        self.vm.run_code(&code, &main, main.to_value()).map(|_| ())
    }

    /// Handles an exception that reached the top level: prints it (unless SystemExit)
    /// and returns the process exit status.
    pub fn handle_uncaught(&mut self, err: PyErr) -> i32 {
        let exc = err.into_value();
        if type_of(&exc).is_subtype(&types().exc.system_exit) {
            return self.system_exit_status(&exc);
        }
        self.print_exception(&exc);
        1
    }

    fn system_exit_status(&mut self, exc: &Value) -> i32 {
        let code = self
            .vm
            .lookup_attr(exc, &intern("code"))
            .ok()
            .flatten()
            .unwrap_or(Value::NONE);
        if code.is_none() {
            return 0;
        }
        if let Some(i) = crate::types::int::IntValue::of(&code) {
            return i.to_i64().map(|i| i as i32).unwrap_or(-1);
        }
        let s = self.vm.str_string(&code).unwrap_or_default();
        self.flush_stdout();
        self.write_stderr(&format!("{s}\n"));
        1
    }

    /// Prints an exception with its traceback to `sys.stderr`.
    pub fn print_exception(&mut self, exc: &Value) {
        self.flush_stdout();
        let text = crate::interp::traceback::format_exception(&mut self.vm, exc);
        self.write_stderr(&text);
    }

    fn write_stderr(&mut self, s: &str) {
        let ok = match self.vm.sys_attr("stderr") {
            Ok(err) if !err.is_none() => self
                .vm
                .call_method(&err, &names().write, &[new_str(s)])
                .is_ok(),
            _ => false,
        };
        if !ok {
            eprint!("{s}");
        }
        if let Ok(err) = self.vm.sys_attr("stderr") {
            let _ = self.vm.call_method(&err, &names().flush, &[]);
        }
    }

    /// Flushes `sys.stdout` (at exit and before printing errors).
    pub fn flush_stdout(&mut self) -> bool {
        match self.vm.sys_attr("stdout") {
            Ok(out) if !out.is_none() => self.vm.call_method(&out, &names().flush, &[]).is_ok(),
            _ => true,
        }
    }

    /// Runs `f`, turning an escaping exception into an exit status; flushes stdout.
    pub fn finish(&mut self, result: PyResult<()>) -> i32 {
        let status = match result {
            Ok(()) => 0,
            Err(e) => self.handle_uncaught(e),
        };
        if !self.flush_stdout() && status == 0 {
            return 120;
        }
        status
    }
}
