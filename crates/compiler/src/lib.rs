//! krait-compiler: Python 3.12 source -> ruff AST -> symbol tables -> code objects.
//!
//! The pipeline, one module per concern:
//!
//! - [`compile`] (this file): parses with `ruff_python_parser`, maps parse errors
//!   ([`parse_error`]), checks `from __future__` imports, then runs the passes below.
//! - [`symtable`]: scopes and name resolution (local / cell / free / global), CPython's
//!   `symtable.c` algorithm, plus the scope-related syntax errors (`nonlocal`, `global`,
//!   duplicate arguments, walrus in comprehensions, ...).
//! - [`codegen`]: walks the AST and emits instructions into per-code-object units, following
//!   CPython 3.13/3.14's `codegen.c` shapes (see `codegen/*.rs`: expressions, statements,
//!   functions and classes, comprehensions, exceptions and `with`, f-strings).
//! - [`unparse`]: annotation strings for `from __future__ import annotations`.
//! - [`fold`]: constant folding (literals, tuples of constants, unary minus, small binary
//!   operations).
//! - [`assemble`]: basic blocks, exception-table labelling from `SETUP_*`/`POP_BLOCK`
//!   pseudo-instructions, stack depth, unbound-local checks, jump lowering with
//!   `EXTENDED_ARG`, and the line and exception tables.
//! - [`source`]: byte offsets to lines/columns; [`error`]: the public error type.
//!
//! Every recursive walk carries a depth counter: nesting deeper than
//! [`symtable::MAX_DEPTH`] (1000 statements/expressions) gives a `RecursionError`
//! instead of overflowing the Rust stack. The compiler never panics on any input.

pub mod assemble;
pub mod codegen;
pub mod error;
pub mod fold;
pub mod parse_error;
pub mod source;
pub mod symtable;
pub mod unparse;

pub use error::{CompileError, CompileErrorKind};

use krait_bytecode::{CodeObject, Opcode, Position};
use ruff_python_ast::{Expr, Mod, PythonVersion, Stmt};
use ruff_python_parser::{parse_unchecked, ParseOptions};
use ruff_text_size::{Ranged, TextRange};

use crate::codegen::Compiler;
use crate::source::SourceMap;

/// What the source is: a module, an `eval()` expression or one REPL statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// Compiles Python source to a module (or expression) code object.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, CompileError> {
    let map = SourceMap::new(source);
    if let Some(pos) = source.find('\0') {
        let mut err = CompileError::at(
            CompileErrorKind::SyntaxError,
            "source code cannot contain null bytes",
            &map,
            filename,
            TextRange::empty((pos as u32).into()),
        );
        err.line = 0;
        err.offset = 0;
        err.end_line = 0;
        err.end_offset = 0;
        err.text = None;
        return Err(err);
    }
    let parse_mode = match mode {
        Mode::Eval => ruff_python_parser::Mode::Expression,
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
    };
    let options = ParseOptions::from(parse_mode).with_target_version(PythonVersion::PY312);
    let parsed = parse_unchecked(source, options);
    if mode == Mode::Eval && source.trim().is_empty() {
        let mut e = CompileError::bare(CompileErrorKind::SyntaxError, "invalid syntax", filename);
        e.text = Some(String::new());
        return Err(e);
    }
    if let Some(err) = parse_error::first_error(&parsed, &map, filename) {
        // A very deep AST would overflow the stack when dropped; leak it instead.
        std::mem::forget(parsed);
        return Err(err);
    }
    let result = compile_parsed(parsed.syntax(), &map, filename, mode);
    if matches!(&result, Err(e) if e.kind == CompileErrorKind::RecursionError) {
        std::mem::forget(parsed);
    }
    result
}

fn compile_parsed(
    module: &Mod,
    map: &SourceMap,
    filename: &str,
    mode: Mode,
) -> Result<CodeObject, CompileError> {
    let (body, expr): (&[Stmt], Option<&Expr>) = match module {
        Mod::Module(m) => (&m.body, None),
        Mod::Expression(e) => (&[], Some(&e.body)),
    };
    if mode == Mode::Single && body.len() > 1 {
        let compound = matches!(
            body[0],
            Stmt::If(_)
                | Stmt::For(_)
                | Stmt::While(_)
                | Stmt::Try(_)
                | Stmt::With(_)
                | Stmt::FunctionDef(_)
                | Stmt::ClassDef(_)
                | Stmt::Match(_)
        );
        if compound {
            let start = body[1].range().start();
            let end = ruff_text_size::TextSize::from(
                map.source()[start.to_usize()..]
                    .chars()
                    .next()
                    .map_or(0, |c| c.len_utf8() as u32),
            );
            return Err(CompileError::at(
                CompileErrorKind::SyntaxError,
                "invalid syntax",
                map,
                filename,
                TextRange::at(start, end),
            ));
        }
        return Err(CompileError::at(
            CompileErrorKind::SyntaxError,
            "multiple statements found while compiling a single statement",
            map,
            filename,
            TextRange::empty(body[0].range().end()),
        ));
    }
    if mode == Mode::Single && body.is_empty() {
        return Err(CompileError::bare(
            CompileErrorKind::SyntaxError,
            "invalid syntax",
            filename,
        ));
    }
    let future = check_future(body, map, filename)?;
    let st = symtable::build(body, expr, map, filename, future.annotations)?;
    let mut c = Compiler::new(map, filename, &st, future.annotations, mode == Mode::Single);
    c.future_lineno = future.last_line;
    c.enter_scope("<module>", st.top(), 1)?;
    match mode {
        Mode::Exec => c.body_with_docstring(body)?,
        Mode::Single => {
            if codegen::find_ann(body) {
                c.emit(Opcode::SETUP_ANNOTATIONS, 0);
            }
            c.visit_body(body)?;
        }
        Mode::Eval => {
            if let Some(e) = expr {
                c.visit_expr(e)?;
                let p = map.position(e.range());
                c.emit_at(Opcode::RETURN_VALUE, 0, p);
            }
        }
    }
    if mode != Mode::Eval {
        c.um().loc = Position::default();
        c.load_none();
        c.emit(Opcode::RETURN_VALUE, 0);
    }
    Ok(c.exit_scope()?)
}

struct Future {
    annotations: bool,
    /// Line of the last `from __future__` import at the top of the module (0 if none).
    last_line: u32,
}

const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Reads the `from __future__ import ...` statements at the top of a module.
fn check_future(body: &[Stmt], map: &SourceMap, filename: &str) -> Result<Future, CompileError> {
    let mut fut = Future {
        annotations: false,
        last_line: 0,
    };
    for (i, s) in body.iter().enumerate() {
        match s {
            Stmt::Expr(e) if i == 0 && matches!(&*e.value, Expr::StringLiteral(_)) => continue,
            Stmt::ImportFrom(f)
                if f.level == 0
                    && f.module
                        .as_ref()
                        .is_some_and(|m| m.as_str() == "__future__") =>
            {
                for alias in &f.names {
                    let name = alias.name.as_str();
                    if name == "annotations" {
                        fut.annotations = true;
                    } else if name == "braces" || !FUTURE_FEATURES.contains(&name) {
                        let msg = if name == "braces" {
                            "not a chance".to_string()
                        } else {
                            format!("future feature {name} is not defined")
                        };
                        let mut e = CompileError::at(
                            CompileErrorKind::SyntaxError,
                            msg,
                            map,
                            filename,
                            f.range,
                        );
                        e.end_line = e.line;
                        e.end_offset = 0;
                        return Err(e);
                    }
                }
                fut.last_line = map.position(f.range).line;
            }
            _ => break,
        }
    }
    Ok(fut)
}
