//! Running frames: the unwinding loop around `execute`, and entry points that run code
//! objects, module source and generator frames.

// Frames are reached through raw pointers whose validity the frame stack guarantees;
// references made from them are intentional.
#![allow(dangerous_implicit_autorefs)]

use std::ptr;
use std::sync::Arc;

use krait_bytecode::CodeObject;

use crate::interp::frame::{fflags, Frame};
use crate::object::ObjRef;
use crate::types::code::CodeData;
use crate::types::dict::DictData;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

impl Vm {
    /// Runs the innermost frame (which must be an ENTRY frame) to completion, unwinding
    /// exceptions through exception tables. Returns the entry frame's return value.
    pub(crate) fn run(&mut self) -> PyResult<Value> {
        self.reraising = false;
        let mut pending: Option<PyErr> = None;
        loop {
            let result = match pending.take() {
                Some(e) => Err(e),
                None => self.execute(),
            };
            match result {
                Ok(v) => return Ok(v),
                Err(e) => match self.unwind(e) {
                    Ok(()) => continue,
                    Err(e) => return Err(e),
                },
            }
        }
    }

    /// Starts running the innermost frame by raising `err` at its current instruction (used
    /// by `generator.throw`).
    pub(crate) fn run_with_exception(&mut self, err: PyErr) -> PyResult<Value> {
        self.reraising = false;
        match self.unwind(err) {
            Ok(()) => self.run(),
            Err(e) => Err(e),
        }
    }

    /// Finds a handler for `err`, starting in the innermost frame. On success the frame is
    /// positioned at the handler. Frames without a handler are popped; when the ENTRY frame
    /// is popped the error is returned.
    fn unwind(&mut self, err: PyErr) -> Result<(), PyErr> {
        let mut skip_traceback = std::mem::replace(&mut self.reraising, false);
        if !skip_traceback {
            self.set_exception_context(&err);
        }
        loop {
            let f = *self.frames.last().expect("a frame to unwind");
            unsafe {
                if !skip_traceback {
                    crate::types::traceback::add_traceback_entry(&err, &*f);
                }
                skip_traceback = false;
                let lasti = (*f).lasti;
                if let Some(h) = (*f).code().data.bc.exceptiontable.handler(lasti).copied() {
                    // Pop the value stack down to the handler's depth.
                    let base = (*f).stack_base();
                    // Defensive: a shallower stack than the handler expects would make the
                    // handler read garbage; pad with None (never expected to happen).
                    while (*f).stack_depth < h.depth {
                        debug_assert!(false, "stack shallower than handler depth");
                        ptr::write(base.add((*f).stack_depth as usize), Value::NONE);
                        (*f).stack_depth += 1;
                    }
                    while (*f).stack_depth > h.depth {
                        (*f).stack_depth -= 1;
                        ptr::drop_in_place(base.add((*f).stack_depth as usize));
                    }
                    if h.lasti {
                        ptr::write(
                            base.add((*f).stack_depth as usize),
                            Value::small_int(lasti as i64),
                        );
                        (*f).stack_depth += 1;
                    }
                    ptr::write(base.add((*f).stack_depth as usize), err.into_value());
                    (*f).stack_depth += 1;
                    (*f).ip = h.target;
                    return Ok(());
                }
                // No handler: this frame is done.
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
                if entry {
                    return Err(err);
                }
            }
        }
    }

    /// Sets `__context__` of a newly raised exception to the exception being handled
    /// (breaking any cycle this would create, as CPython does).
    pub(crate) fn set_exception_context(&mut self, err: &PyErr) {
        let ctx = self.exc_info.clone();
        let exc = err.value();
        if ctx.is_none() || ctx.is(exc) {
            return;
        }
        let e = err.exception();
        if !e.data.context().is_none() {
            return;
        }
        // Walk ctx's context chain: if `exc` appears, cut the link to avoid a cycle.
        let mut o = ctx.clone();
        let mut steps = 0;
        while let Some(od) = o.downcast::<crate::types::exception::ExceptionData>() {
            let next = od.data.context();
            if next.is(exc) {
                od.data.set_context(Value::NONE);
                break;
            }
            o = next;
            steps += 1;
            if steps > 10_000 {
                break;
            }
        }
        e.data.set_context(ctx);
    }

    /// Pushes an ENTRY frame for `code` with the given namespaces and runs it.
    pub fn run_code(
        &mut self,
        code: &ObjRef<CodeData>,
        globals: &ObjRef<DictData>,
        locals: Value,
    ) -> PyResult<Value> {
        self.check_stack()?;
        if self.frames.len() + self.native_depth >= self.interp.recursion_limit() {
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
        }
        let builtins = self.builtins_for(globals);
        let slots = Frame::region_slots(&code.data);
        let (region, prev_top) = self.data.alloc(slots);
        unsafe {
            let f = Frame::init(
                region,
                Value::EMPTY,
                code,
                globals,
                &builtins,
                locals,
                prev_top,
                fflags::ENTRY,
            );
            self.frames.push(f);
        }
        // Only Python frames count against the recursion limit here (CPython 3.11 does
        // not count the native call that enters them); check_stack guards the Rust stack.
        self.run()
    }

    /// The builtins namespace for code running with `globals` (`globals['__builtins__']`,
    /// else the interpreter's).
    pub(crate) fn builtins_for(&self, globals: &ObjRef<DictData>) -> ObjRef<DictData> {
        match globals.data.get_str(&crate::intern::names().__builtins__) {
            Some(b) => {
                if let Some(d) = b.downcast_ref::<DictData>() {
                    return d;
                }
                if let Some(m) = b.downcast::<crate::types::module::ModuleData>() {
                    return m.data.dict.clone();
                }
                self.interp.builtins_dict.clone()
            }
            None => self.interp.builtins_dict.clone(),
        }
    }

    /// Compiles `source` and runs it as module code in `globals`.
    pub fn run_source(
        &mut self,
        source: &str,
        filename: &str,
        globals: &ObjRef<DictData>,
    ) -> PyResult<Value> {
        let code = self.compile(source, filename, krait_compiler::Mode::Exec)?;
        let code = CodeData::from_bytecode(code);
        self.run_code(&code, globals, globals.to_value())
    }

    /// Compiles source text, turning compile errors into Python exceptions.
    pub fn compile(
        &mut self,
        source: &str,
        filename: &str,
        mode: krait_compiler::Mode,
    ) -> PyResult<Arc<CodeObject>> {
        match krait_compiler::compile(source, filename, mode) {
            Ok(code) => Ok(Arc::new(code)),
            Err(e) => Err(crate::types::exception::compile_error_to_exception(&e)),
        }
    }
}

/// Decodes source bytes (UTF-8 with optional BOM, or a PEP 263 `coding:` declaration of
/// latin-1/ascii), with CPython's SyntaxError for undecodable input.
pub fn decode_source(bytes: &[u8], filename: &str) -> PyResult<String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let declared = declared_encoding(bytes);
    match declared.as_deref() {
        None | Some("utf-8") | Some("utf8") | Some("utf_8") => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let bad = bytes[e.valid_up_to()];
                let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
                let msg = if declared.is_some() {
                    format!("(unicode error) 'utf-8' codec can't decode byte 0x{bad:02x} in position {}: invalid start byte", e.valid_up_to())
                } else {
                    format!(
                        "Non-UTF-8 code starting with '\\x{bad:02x}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details"
                    )
                };
                Err(PyErr::new(&crate::types::types().exc.syntax_error, msg))
            }
        },
        Some("latin-1") | Some("latin_1") | Some("iso-8859-1") | Some("iso8859-1") | Some("iso_8859_1") | Some("l1") => {
            Ok(bytes.iter().map(|&b| b as char).collect())
        }
        Some("ascii") | Some("us-ascii") => match bytes.iter().position(|&b| b >= 0x80) {
            None => Ok(bytes.iter().map(|&b| b as char).collect()),
            Some(p) => Err(PyErr::new(
                &crate::types::types().exc.syntax_error,
                format!("(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {p}: ordinal not in range(128)", bytes[p]),
            )),
        },
        Some(other) => Err(PyErr::new(&crate::types::types().exc.syntax_error, format!("unknown encoding: {other}"))),
    }
}

/// The encoding named by a `coding[:=]` comment on one of the first two lines.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    for (i, line) in bytes.split(|&b| b == b'\n').take(2).enumerate() {
        let text = String::from_utf8_lossy(line);
        let t = text.trim_start_matches([' ', '\t', '\x0c']);
        if !t.starts_with('#') {
            if i == 0 && t.trim().is_empty() {
                continue;
            }
            if i == 0 {
                // Only a comment or blank first line allows a declaration on line 2.
                return None;
            }
            continue;
        }
        if let Some(p) = t.find("coding") {
            let rest = &t[p + 6..];
            if let Some(rest) = rest.strip_prefix([':', '=']) {
                let name: String = rest
                    .trim_start_matches([' ', '\t'])
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                if !name.is_empty() {
                    return Some(name.to_ascii_lowercase());
                }
            }
        }
    }
    None
}
