//! Compile errors: the public error type and helpers that place an error in the source.

use std::fmt;

use ruff_text_size::TextRange;

use crate::source::SourceMap;

/// The Python exception a [`CompileError`] becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompileErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    RecursionError,
    /// A construct krait does not compile yet (`NotImplementedError`).
    NotImplemented,
}

impl CompileErrorKind {
    /// The Python exception name.
    pub fn name(self) -> &'static str {
        match self {
            CompileErrorKind::SyntaxError => "SyntaxError",
            CompileErrorKind::IndentationError => "IndentationError",
            CompileErrorKind::TabError => "TabError",
            CompileErrorKind::RecursionError => "RecursionError",
            CompileErrorKind::NotImplemented => "NotImplementedError",
        }
    }
}

/// A syntax (or other compile-time) error, with CPython's message and location conventions.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    /// CPython's message text, e.g. `'(' was never closed`.
    pub message: String,
    pub filename: String,
    /// 1-based line (0 if unknown).
    pub line: u32,
    /// 1-based character column of the caret start (`SyntaxError.offset`).
    pub offset: u32,
    pub end_line: u32,
    /// 1-based character column after the caret end (`SyntaxError.end_offset`).
    pub end_offset: u32,
    /// The source line (`SyntaxError.text`).
    pub text: Option<String>,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({}, line {})",
            self.kind.name(),
            self.message,
            self.filename,
            self.line
        )
    }
}

impl std::error::Error for CompileError {}

impl From<Box<CompileError>> for CompileError {
    fn from(b: Box<CompileError>) -> Self {
        *b
    }
}

/// Internal result type: the error is boxed so that `Result`s stay one word and the
/// recursive walks keep small stack frames.
pub type CompileResult<T> = Result<T, Box<CompileError>>;

/// The message of the error returned when nesting exceeds the compiler's limit.
pub const RECURSION_MESSAGE: &str = "maximum recursion depth exceeded during compilation";

impl CompileError {
    /// An error with no location.
    pub fn bare(kind: CompileErrorKind, message: impl Into<String>, filename: &str) -> Self {
        CompileError {
            kind,
            message: message.into(),
            filename: filename.to_string(),
            line: 0,
            offset: 0,
            end_line: 0,
            end_offset: 0,
            text: None,
        }
    }

    /// An error covering `range` of the source.
    pub fn at(
        kind: CompileErrorKind,
        message: impl Into<String>,
        map: &SourceMap,
        filename: &str,
        range: TextRange,
    ) -> Self {
        let pos = map.position(range);
        let mut err = CompileError::bare(kind, message, filename);
        err.line = pos.line;
        err.offset = map.char_col(pos.line, pos.col);
        err.end_line = pos.end_line;
        err.end_offset = map.char_col(pos.end_line, pos.end_col);
        err.text = Some(format!("{}\n", map.line_text(pos.line)));
        err
    }

    /// An error at explicit 1-based line and character columns.
    #[allow(clippy::too_many_arguments)]
    pub fn at_cols(
        kind: CompileErrorKind,
        message: impl Into<String>,
        map: &SourceMap,
        filename: &str,
        line: u32,
        offset: u32,
        end_line: u32,
        end_offset: u32,
    ) -> Self {
        let mut err = CompileError::bare(kind, message, filename);
        err.line = line;
        err.offset = offset;
        err.end_line = end_line;
        err.end_offset = end_offset;
        if line > 0 && line <= map.line_count() {
            err.text = Some(format!("{}\n", map.line_text(line)));
        }
        err
    }

    pub fn recursion(filename: &str) -> Self {
        CompileError::bare(
            CompileErrorKind::RecursionError,
            RECURSION_MESSAGE,
            filename,
        )
    }
}
