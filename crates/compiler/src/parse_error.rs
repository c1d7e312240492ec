//! Mapping ruff's parse errors to CPython's `SyntaxError`/`IndentationError` messages and
//! locations.

use ruff_python_ast::Mod;
use ruff_python_parser::Parsed;
use ruff_text_size::Ranged;

use crate::error::{CompileError, CompileErrorKind};
use crate::source::SourceMap;
use crate::Mode;

/// The first syntax error of a parse, in CPython's words.
pub fn first_error(
    parsed: &Parsed<Mod>,
    map: &SourceMap,
    filename: &str,
    _mode: Mode,
) -> Option<CompileError> {
    if let Some(e) = parsed.errors().first() {
        return Some(CompileError::at(
            CompileErrorKind::SyntaxError,
            e.error.to_string(),
            map,
            filename,
            e.location,
        ));
    }
    if let Some(e) = parsed.unsupported_syntax_errors().first() {
        return Some(CompileError::at(
            CompileErrorKind::SyntaxError,
            "invalid syntax",
            map,
            filename,
            e.range(),
        ));
    }
    None
}
