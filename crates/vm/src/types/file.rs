//! File objects for `open()` and `sys.stdin`/`stdout`/`stderr`.
//!
//! Text mode decodes UTF-8 and translates `\r\n`/`\r` to `\n` on input (universal
//! newlines); binary mode (`'b'`) reads and writes bytes. Output is buffered; stdout is
//! line buffered when it is a terminal and flushed at exit.

use std::io::{Read, Seek, SeekFrom, Write};

use crate::object::{alloc, Obj};
use crate::sync::PyMutex;
use crate::types::str::str_of;
use crate::types::{add_getsets, add_methods, type_of, types, BuiltinTypes, GetSetDef, MethodDef};
use crate::value::Value;
use crate::{Args, PyErr, PyResult, Vm};

pub enum Backend {
    File(std::fs::File),
    Stdin,
    Stdout,
    Stderr,
}

/// Newline handling of a text file (the `newline` argument of `open`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Newline {
    /// `None`: `\r`, `\n`, `\r\n` all end lines and are read as `\n`.
    Universal,
    /// `''`: all three end lines; they are returned untranslated.
    Untranslated,
    /// `'\n'`, `'\r'` or `'\r\n'`: only that ends lines; `\n` is written as it.
    Fixed(Vec<u8>),
}

pub struct FileState {
    backend: Option<Backend>,
    newline: Newline,
    /// Bytes read from the backend but not yet consumed.
    rbuf: Vec<u8>,
    rpos: usize,
    eof: bool,
    wbuf: Vec<u8>,
    readable: bool,
    writable: bool,
    binary: bool,
    line_buffered: bool,
    /// A `\r` ended the previous read chunk (so a following `\n` is dropped).
    pending_cr: bool,
}

pub struct TextFileData {
    state: PyMutex<FileState>,
    pub name: Value,
    pub mode: String,
}

impl TextFileData {
    pub fn new_value(
        backend: Backend,
        name: Value,
        mode: &str,
        readable: bool,
        writable: bool,
        binary: bool,
        line_buffered: bool,
    ) -> Value {
        let st = FileState {
            backend: Some(backend),
            newline: Newline::Universal,
            rbuf: Vec::new(),
            rpos: 0,
            eof: false,
            wbuf: Vec::new(),
            readable,
            writable,
            binary,
            line_buffered,
            pending_cr: false,
        };
        alloc(
            types().text_io.clone(),
            TextFileData {
                state: PyMutex::new(st),
                name,
                mode: mode.to_string(),
            },
        )
        .into_value()
    }

    /// Flushes buffered output (ignoring errors when `quiet`).
    pub fn flush(&self) -> std::io::Result<()> {
        let mut st = self.state.lock();
        flush_state(&mut st)
    }
}

impl Drop for TextFileData {
    fn drop(&mut self) {
        let st = self.state.get_mut();
        let _ = flush_state(st);
    }
}

fn flush_state(st: &mut FileState) -> std::io::Result<()> {
    if st.wbuf.is_empty() {
        return Ok(());
    }
    let buf = std::mem::take(&mut st.wbuf);
    match &mut st.backend {
        Some(Backend::File(f)) => f.write_all(&buf)?,
        Some(Backend::Stdout) => {
            let mut o = std::io::stdout().lock();
            o.write_all(&buf)?;
            o.flush()?;
        }
        Some(Backend::Stderr) => {
            let mut e = std::io::stderr().lock();
            e.write_all(&buf)?;
            e.flush()?;
        }
        _ => {}
    }
    Ok(())
}

fn io_err(e: std::io::Error) -> PyErr {
    crate::types::exception::os_error_from_io(&e, None)
}

fn closed_err() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

fn fd(v: &Value) -> PyResult<&Obj<TextFileData>> {
    v.downcast::<TextFileData>().ok_or_else(|| {
        PyErr::type_error(format!(
            "expected a file object, not '{}'",
            type_of(v).name()
        ))
    })
}

impl FileState {
    /// Reads more raw bytes into the buffer; returns false at EOF.
    fn fill(&mut self) -> PyResult<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let mut chunk = vec![0u8; 64 * 1024];
        let n = match &mut self.backend {
            Some(Backend::File(f)) => f.read(&mut chunk).map_err(io_err)?,
            Some(Backend::Stdin) => std::io::stdin().lock().read(&mut chunk).map_err(io_err)?,
            Some(_) => return Err(PyErr::new(&unsupported_operation(), "not readable")),
            None => return Err(closed_err()),
        };
        if n == 0 {
            self.eof = true;
            return Ok(false);
        }
        chunk.truncate(n);
        if !self.binary && self.newline == Newline::Universal {
            chunk = self.translate_newlines(chunk);
        }
        self.rbuf.extend_from_slice(&chunk);
        Ok(true)
    }

    fn translate_newlines(&mut self, chunk: Vec<u8>) -> Vec<u8> {
        let mut out = Vec::with_capacity(chunk.len());
        let mut i = 0;
        if self.pending_cr && chunk.first() == Some(&b'\n') {
            i = 1;
        }
        self.pending_cr = false;
        while i < chunk.len() {
            let c = chunk[i];
            if c == b'\r' {
                out.push(b'\n');
                if i + 1 < chunk.len() {
                    if chunk[i + 1] == b'\n' {
                        i += 1;
                    }
                } else {
                    self.pending_cr = true;
                }
            } else {
                out.push(c);
            }
            i += 1;
        }
        out
    }

    fn available(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }

    fn read_all(&mut self) -> PyResult<Vec<u8>> {
        while self.fill()? {}
        let out = self.available().to_vec();
        self.rpos = self.rbuf.len();
        Ok(out)
    }

    /// Reads up to `n` bytes (text mode: up to `n` characters, never splitting UTF-8).
    fn read_n(&mut self, n: usize) -> PyResult<Vec<u8>> {
        loop {
            let avail = self.available();
            let enough = if self.binary {
                avail.len() >= n
            } else {
                std::str::from_utf8(avail)
                    .map(|s| s.chars().count() >= n)
                    .unwrap_or_else(|e| {
                        std::str::from_utf8(&avail[..e.valid_up_to()])
                            .map(|s| s.chars().count() >= n)
                            .unwrap_or(false)
                    })
            };
            if enough || !self.fill()? {
                break;
            }
        }
        let avail = self.available();
        let take = if self.binary {
            n.min(avail.len())
        } else {
            let valid = match std::str::from_utf8(avail) {
                Ok(s) => s,
                Err(e) => std::str::from_utf8(&avail[..e.valid_up_to()]).unwrap_or(""),
            };
            valid
                .char_indices()
                .nth(n)
                .map(|(b, _)| b)
                .unwrap_or(if self.eof { avail.len() } else { valid.len() })
        };
        let out = avail[..take].to_vec();
        self.rpos += take;
        Ok(out)
    }

    /// The end (exclusive) of the first line in `buf`, if it is complete. `at_eof` says
    /// no more data will come (a trailing `\r` then ends a line).
    fn line_end(&self, buf: &[u8], at_eof: bool) -> Option<usize> {
        match &self.newline {
            Newline::Universal => buf.iter().position(|&c| c == b'\n').map(|p| p + 1),
            Newline::Fixed(t) if t.as_slice() == b"\n" || self.binary => {
                buf.iter().position(|&c| c == b'\n').map(|p| p + 1)
            }
            Newline::Fixed(t) => buf
                .windows(t.len())
                .position(|w| w == t.as_slice())
                .map(|p| p + t.len()),
            Newline::Untranslated => {
                let p = buf.iter().position(|&c| c == b'\n' || c == b'\r')?;
                if buf[p] == b'\n' {
                    return Some(p + 1);
                }
                match buf.get(p + 1) {
                    Some(b'\n') => Some(p + 2),
                    Some(_) => Some(p + 1),
                    None if at_eof => Some(p + 1),
                    None => None,
                }
            }
        }
    }

    fn read_line(&mut self, limit: Option<usize>) -> PyResult<Vec<u8>> {
        loop {
            let avail = self.available();
            if let Some(mut end) = self.line_end(avail, self.eof) {
                if let Some(l) = limit {
                    end = end.min(l);
                }
                let out = avail[..end].to_vec();
                self.rpos += end;
                return Ok(out);
            }
            if limit.is_some_and(|l| avail.len() >= l) {
                let l = limit.expect("checked");
                let out = avail[..l].to_vec();
                self.rpos += l;
                return Ok(out);
            }
            if !self.fill()? {
                if let Some(end) = self.line_end(self.available(), true) {
                    let out = self.available()[..end].to_vec();
                    self.rpos += end;
                    return Ok(out);
                }
                let out = self.available().to_vec();
                self.rpos = self.rbuf.len();
                return Ok(out);
            }
        }
    }
}

fn unsupported_operation() -> crate::types::typeobj::TypeRef {
    types().exc.os_error.clone()
}

impl TextFileData {
    fn check_open(st: &FileState) -> PyResult<()> {
        if st.backend.is_none() {
            return Err(closed_err());
        }
        Ok(())
    }

    fn to_value(&self, st: &FileState, b: Vec<u8>) -> PyResult<Value> {
        if st.binary {
            return Ok(crate::types::bytes::new_bytes(b));
        }
        match String::from_utf8(b) {
            Ok(s) => Ok(crate::types::str::new_str(s)),
            Err(e) => {
                let bytes = e.into_bytes();
                Ok(crate::types::str::new_str(crate::types::bytes::decode(
                    &bytes, "utf-8", "strict",
                )?))
            }
        }
    }

    /// Writes text or bytes; returns the count written (characters or bytes).
    pub fn write_value(&self, v: &Value) -> PyResult<usize> {
        let mut st = self.state.lock();
        Self::check_open(&st)?;
        if !st.writable {
            return Err(PyErr::new(&unsupported_operation(), "not writable"));
        }
        let (bytes, count) = if st.binary {
            let b = crate::types::bytes::bytes_like(v).ok_or_else(|| {
                PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    type_of(v).name()
                ))
            })?;
            let n = b.len();
            (b, n)
        } else {
            let s = str_of(v).ok_or_else(|| {
                PyErr::type_error(format!(
                    "write() argument must be str, not {}",
                    type_of(v).name()
                ))
            })?;
            let bytes = match &st.newline {
                Newline::Fixed(t) if t.as_slice() != b"\n" => s
                    .replace('\n', std::str::from_utf8(t).unwrap_or("\n"))
                    .into_bytes(),
                _ => s.as_bytes().to_vec(),
            };
            (bytes, s.chars().count())
        };
        st.wbuf.extend_from_slice(&bytes);
        let is_stderr = matches!(st.backend, Some(Backend::Stderr));
        if is_stderr || st.wbuf.len() >= 64 * 1024 || (st.line_buffered && bytes.contains(&b'\n')) {
            flush_state(&mut st).map_err(io_err)?;
        }
        Ok(count)
    }
}

fn f_write(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("write")?;
    let n = fd(this)?.data.write_value(v)?;
    Ok(Value::small_int(n as i64))
}

fn f_writelines(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let [lines] = args.exact::<1>("writelines")?;
    let f = fd(this)?;
    for line in vm.collect(lines)? {
        f.data.write_value(&line)?;
    }
    Ok(Value::NONE)
}

fn f_read(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("read", 0, 1)?;
    let n = match pos.first() {
        Some(v) if !v.is_none() => vm.to_i64(v)?,
        _ => -1,
    };
    let f = fd(this)?;
    let mut st = f.data.state.lock();
    TextFileData::check_open(&st)?;
    if !st.readable {
        return Err(PyErr::new(&unsupported_operation(), "not readable"));
    }
    let b = if n < 0 {
        st.read_all()?
    } else {
        st.read_n(n as usize)?
    };
    f.data.to_value(&st, b)
}

fn f_readline(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("readline", 0, 1)?;
    let limit = match pos.first() {
        Some(v) if !v.is_none() => {
            let n = vm.to_i64(v)?;
            if n < 0 {
                None
            } else {
                Some(n as usize)
            }
        }
        _ => None,
    };
    let f = fd(this)?;
    let mut st = f.data.state.lock();
    TextFileData::check_open(&st)?;
    if !st.readable {
        return Err(PyErr::new(&unsupported_operation(), "not readable"));
    }
    let b = st.read_line(limit)?;
    f.data.to_value(&st, b)
}

fn f_readlines(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let mut out = Vec::new();
    loop {
        let line = f_readline(vm, this, Args::new(&[]))?;
        if vm.len(&line)? == 0 {
            break;
        }
        out.push(line);
    }
    Ok(crate::types::list::new_list(out))
}

fn f_next(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let line = f_readline(vm, this, Args::new(&[]))?;
    if vm.len(&line)? == 0 {
        return Err(PyErr::stop_iteration(Value::NONE));
    }
    Ok(line)
}

fn f_iter(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let f = fd(this)?;
    TextFileData::check_open(&f.data.state.lock())?;
    Ok(this.clone())
}

fn f_flush(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let f = fd(this)?;
    let mut st = f.data.state.lock();
    TextFileData::check_open(&st)?;
    flush_state(&mut st).map_err(io_err)?;
    Ok(Value::NONE)
}

fn f_close(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let f = fd(this)?;
    let mut st = f.data.state.lock();
    if st.backend.is_none() {
        return Ok(Value::NONE);
    }
    let r = flush_state(&mut st);
    if let Some(Backend::File(_)) = &st.backend {
        st.backend = None;
    } else {
        // Standard streams stay usable by the process; mark closed for Python.
        st.backend = None;
    }
    r.map_err(io_err)?;
    Ok(Value::NONE)
}

fn f_enter(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let f = fd(this)?;
    TextFileData::check_open(&f.data.state.lock())?;
    Ok(this.clone())
}

fn f_exit(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    f_close(vm, this, Args::new(&[]))?;
    Ok(Value::FALSE)
}

fn f_fileno(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let f = fd(this)?;
    let st = f.data.state.lock();
    match &st.backend {
        Some(Backend::Stdin) => Ok(Value::small_int(0)),
        Some(Backend::Stdout) => Ok(Value::small_int(1)),
        Some(Backend::Stderr) => Ok(Value::small_int(2)),
        Some(Backend::File(file)) => {
            use std::os::unix::io::AsRawFd;
            Ok(Value::small_int(file.as_raw_fd() as i64))
        }
        None => Err(closed_err()),
    }
}

fn f_isatty(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    use std::io::IsTerminal;
    let f = fd(this)?;
    let st = f.data.state.lock();
    Ok(Value::bool(match &st.backend {
        Some(Backend::Stdin) => std::io::stdin().is_terminal(),
        Some(Backend::Stdout) => std::io::stdout().is_terminal(),
        Some(Backend::Stderr) => std::io::stderr().is_terminal(),
        Some(Backend::File(_)) => false,
        None => return Err(closed_err()),
    }))
}

fn f_readable(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::bool(fd(this)?.data.state.lock().readable))
}
fn f_writable(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::bool(fd(this)?.data.state.lock().writable))
}
fn f_seekable(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::bool(matches!(
        fd(this)?.data.state.lock().backend,
        Some(Backend::File(_))
    )))
}

fn f_seek(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let pos = args.range("seek", 1, 2)?;
    let offset = vm.to_i64(&pos[0])?;
    let whence = match pos.get(1) {
        Some(w) => vm.to_i64(w)?,
        None => 0,
    };
    let f = fd(this)?;
    let mut st = f.data.state.lock();
    flush_state(&mut st).map_err(io_err)?;
    let buffered = (st.rbuf.len() - st.rpos) as i64;
    st.rbuf.clear();
    st.rpos = 0;
    st.eof = false;
    st.pending_cr = false;
    let Some(Backend::File(file)) = &mut st.backend else {
        return Err(PyErr::new(
            &unsupported_operation(),
            "underlying stream is not seekable",
        ));
    };
    let target = match whence {
        0 => SeekFrom::Start(offset.max(0) as u64),
        1 => SeekFrom::Current(offset - buffered),
        2 => SeekFrom::End(offset),
        _ => {
            return Err(PyErr::value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )))
        }
    };
    let p = file.seek(target).map_err(io_err)?;
    Ok(crate::types::int::int_from_u64(p))
}

fn f_tell(_vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let f = fd(this)?;
    let mut st = f.data.state.lock();
    flush_state(&mut st).map_err(io_err)?;
    let buffered = (st.rbuf.len() - st.rpos) as u64;
    let Some(Backend::File(file)) = &mut st.backend else {
        return Err(PyErr::new(
            &unsupported_operation(),
            "underlying stream is not seekable",
        ));
    };
    let p = file.stream_position().map_err(io_err)?;
    Ok(crate::types::int::int_from_u64(p.saturating_sub(buffered)))
}

fn f_repr(vm: &mut Vm, this: &Value, _args: Args) -> PyResult<Value> {
    let f = fd(this)?;
    let name = vm.repr_string(&f.data.name.clone())?;
    let binary = f.data.state.lock().binary;
    Ok(crate::types::str::new_str(if binary {
        format!("<_io.BufferedReader name={name}>")
    } else {
        format!(
            "<_io.TextIOWrapper name={name} mode='{}' encoding='utf-8'>",
            f.data.mode
        )
    }))
}

fn get_closed(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::bool(fd(this)?.data.state.lock().backend.is_none()))
}
fn get_name(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(fd(this)?.data.name.clone())
}
fn get_mode(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(crate::types::str::new_str(fd(this)?.data.mode.as_str()))
}
fn get_encoding(_vm: &mut Vm, _this: &Value) -> PyResult<Value> {
    Ok(crate::intern::intern("utf-8"))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True)`.
pub fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [file, mode, _buffering, encoding, _errors, newline, _closefd] = args.bind(
        "open",
        [
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
        ],
        1,
    )?;
    let file = file.expect("required");
    let mode = match mode {
        Some(m) => vm.str_string(m)?,
        None => "r".to_string(),
    };
    if let Some(e) = encoding {
        if !e.is_none() {
            let e = vm.str_string(e)?.to_ascii_lowercase().replace('_', "-");
            if !matches!(e.as_str(), "utf-8" | "utf8" | "ascii" | "us-ascii") {
                return Err(PyErr::not_implemented(format!(
                    "open(): encoding '{e}' is not supported yet (only UTF-8)"
                )));
            }
        }
    }
    let path = match str_of(file) {
        Some(p) => p.to_string(),
        None => match crate::types::bytes::bytes_like(file) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                return Err(PyErr::type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    type_of(file).name()
                )))
            }
        },
    };
    let mut opts = std::fs::OpenOptions::new();
    let (mut r, mut w, mut binary) = (false, false, false);
    let mut kind = None;
    for c in mode.chars() {
        match c {
            'r' | 'w' | 'a' | 'x' if kind.is_none() => kind = Some(c),
            '+' => {
                r = true;
                w = true;
            }
            'b' => binary = true,
            't' => {}
            _ => return Err(PyErr::value_error(format!("invalid mode: '{mode}'"))),
        }
    }
    match kind {
        Some('r') => {
            r = true;
            opts.read(true);
            if w {
                opts.write(true);
            }
        }
        Some('w') => {
            w = true;
            opts.write(true).create(true).truncate(true);
            if r {
                opts.read(true);
            }
        }
        Some('a') => {
            w = true;
            opts.append(true).create(true);
            if r {
                opts.read(true);
            }
        }
        Some('x') => {
            w = true;
            opts.write(true).create_new(true);
            if r {
                opts.read(true);
            }
        }
        _ => {
            return Err(PyErr::value_error(
                "Must have exactly one of create/read/write/append mode and at most one plus",
            ))
        }
    }
    let f = opts
        .open(&path)
        .map_err(|e| crate::types::exception::os_error_from_io(&e, Some(file.clone())))?;
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(crate::types::exception::os_error_from_io(
            &e,
            Some(file.clone()),
        ));
    }
    let nl = match newline {
        None => Newline::Universal,
        Some(v) if v.is_none() => Newline::Universal,
        Some(v) => match str_of(v) {
            Some("") => Newline::Untranslated,
            Some(s @ ("\n" | "\r" | "\r\n")) => Newline::Fixed(s.as_bytes().to_vec()),
            Some(other) => {
                return Err(PyErr::value_error(format!(
                    "illegal newline value: {other}"
                )))
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "open() argument 'newline' must be str or None, not {}",
                    type_of(v).name()
                )))
            }
        },
    };
    if binary && !matches!(nl, Newline::Universal) {
        return Err(PyErr::value_error(
            "binary mode doesn't take a newline argument",
        ));
    }
    let fv = TextFileData::new_value(Backend::File(f), file.clone(), &mode, r, w, binary, false);
    if let Some(fd) = fv.downcast::<TextFileData>() {
        fd.data.state.lock().newline = nl;
    }
    Ok(fv)
}

/// The standard streams for `sys`.
pub fn std_streams() -> (Value, Value, Value) {
    use std::io::IsTerminal;
    let stdin = TextFileData::new_value(
        Backend::Stdin,
        crate::types::str::new_str("<stdin>"),
        "r",
        true,
        false,
        false,
        false,
    );
    let stdout = TextFileData::new_value(
        Backend::Stdout,
        crate::types::str::new_str("<stdout>"),
        "w",
        false,
        true,
        false,
        std::io::stdout().is_terminal(),
    );
    let stderr = TextFileData::new_value(
        Backend::Stderr,
        crate::types::str::new_str("<stderr>"),
        "w",
        false,
        true,
        false,
        true,
    );
    (stdin, stdout, stderr)
}

pub fn init(t: &BuiltinTypes) {
    add_methods(
        &t.text_io,
        &[
            MethodDef::method("write", f_write),
            MethodDef::method("writelines", f_writelines),
            MethodDef::method("read", f_read),
            MethodDef::method("readline", f_readline),
            MethodDef::method("readlines", f_readlines),
            MethodDef::method("__next__", f_next),
            MethodDef::method("__iter__", f_iter),
            MethodDef::method("flush", f_flush),
            MethodDef::method("close", f_close),
            MethodDef::method("__enter__", f_enter),
            MethodDef::method("__exit__", f_exit),
            MethodDef::method("fileno", f_fileno),
            MethodDef::method("isatty", f_isatty),
            MethodDef::method("readable", f_readable),
            MethodDef::method("writable", f_writable),
            MethodDef::method("seekable", f_seekable),
            MethodDef::method("seek", f_seek),
            MethodDef::method("tell", f_tell),
            MethodDef::method("__repr__", f_repr),
        ],
    );
    add_getsets(
        &t.text_io,
        &[
            GetSetDef::new("closed", get_closed),
            GetSetDef::new("name", get_name),
            GetSetDef::new("mode", get_mode),
            GetSetDef::new("encoding", get_encoding),
        ],
    );
}
